"""Year-over-year page: two documents' answers to one question, set side by side with each figure's
change. Query results (khcn_dash.queries.compare) plus lang and unit in, tables out."""
from __future__ import annotations

from decimal import Decimal

import pandas as pd

from .. import format as fmt
from ..labels import compare as L
from ..labels import name, pick


def side_by_side(long: pd.DataFrame, older: str, newer: str) -> pd.DataFrame:
    """One row per item found in either document (the newer's order, then items only the older
    has). Columns: item, old, new, change (None unless both state the item), change_pct,
    section_old, cite_old, section_new, cite_new."""
    def part(doc_id: str, suffix: str) -> pd.DataFrame:
        rows = long[long.doc_id == doc_id] if len(long) else long
        return pd.DataFrame({"item": list(rows.get("item", [])), suffix: list(rows.get("value", [])),
                             f"section_{suffix}": list(rows.get("section", [])),
                             f"cite_{suffix}": list(rows.get("cite_id", []))})
    new, old = part(newer, "new"), part(older, "old")
    out = new.merge(old, on="item", how="outer", sort=False)
    order = list(new["item"]) + [i for i in old["item"] if i not in set(new["item"])]
    out = out.set_index("item").loc[order].reset_index()
    changes, pcts = [], []
    for o, n in zip(out["old"], out["new"]):
        if _missing(o) or _missing(n):
            changes.append(None)
            pcts.append(None)
            continue
        changes.append(_num(n) - _num(o))
        pcts.append(None if _num(o) == 0 else float((_num(n) - _num(o)) * 100 / _num(o)))
    out["change"], out["change_pct"] = changes, pcts
    return out[["item", "old", "new", "change", "change_pct", "section_old", "cite_old", "section_new", "cite_new"]]


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and value != value) or value is pd.NA


def _num(value):
    return value if isinstance(value, Decimal) else Decimal(str(value))


def item_names(kind: str, long: pd.DataFrame, lang: str) -> dict[str, str]:
    """Each item's name in the reader's language."""
    out: dict[str, str] = {}
    for row in long.itertuples():
        if kind == "totals":
            out[row.item] = pick(L.TOTAL_NAMES.get(row.item, (row.item, row.item)), lang)
        elif kind == "projects":
            out[row.item] = (row.short_vi if lang == "vi" else row.short_en) or row.item
        elif kind == "tasks":
            out[row.item] = name("field", row.item, lang)
        else:
            out[row.item] = pick(L.IP_ITEM, lang).format(type=name("ip_type", row.ip_type, lang),
                                                         status=name("ip_status", row.status, lang))
    return out


def table(wide: pd.DataFrame, names: dict[str, str], older_year: int, newer_year: int, lang: str,
          unit: str, money: bool) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(the table for the downloads, with numbers; the table shown, written the reader's way).
    Money in the reader's unit; counts as whole numbers; a figure a document does not state: «–»."""
    col_old = pick(L.COL_PLAN, lang).format(year=older_year)
    col_new = pick(L.COL_PLAN, lang).format(year=newer_year)
    col_item, col_change, col_pct = pick(L.COL_ITEM, lang), pick(L.COL_CHANGE, lang), pick(L.COL_CHANGE_PCT, lang)
    items = [names.get(i, i) for i in wide["item"]]
    data = pd.DataFrame({col_item: items,
                         col_old: [None if _missing(v) else (fmt.to_unit(v, unit) if money else int(v)) for v in wide["old"]],
                         col_new: [None if _missing(v) else (fmt.to_unit(v, unit) if money else int(v)) for v in wide["new"]],
                         col_change: [None if _missing(v) else (fmt.to_unit(v, unit) if money else int(v))
                                      for v in wide["change"]],
                         col_pct: wide["change_pct"]})

    def figure(value) -> str:
        if _missing(value):
            return "–"
        return fmt.amount(value, lang, unit) if money else fmt.count(value, lang)

    def change(value) -> str:
        if _missing(value):
            return "–"
        return fmt.signed_amount(value, lang, unit) if money else fmt.signed_count(value, lang)

    shown = pd.DataFrame({col_item: items, col_old: [figure(v) for v in wide["old"]],
                          col_new: [figure(v) for v in wide["new"]],
                          col_change: [change(v) for v in wide["change"]],
                          col_pct: ["–" if _missing(v) else fmt.pct(v, lang) for v in wide["change_pct"]]})
    return data, shown


def source_columns(older_year: int, newer_year: int, lang: str) -> tuple[str, str]:
    return (pick(L.COL_SOURCE, lang).format(year=older_year), pick(L.COL_SOURCE, lang).format(year=newer_year))


def periods(long: pd.DataFrame, older: str, newer: str, lang: str) -> str:
    """The review periods of the two documents, as the notes name them ('<review> · <review>')."""
    found = []
    for doc_id in (older, newer):
        rows = long[long.doc_id == doc_id] if len(long) else long
        if len(rows):
            found.append(fmt.period(rows.review_period.iloc[0]))
    return " · ".join(dict.fromkeys(found))
