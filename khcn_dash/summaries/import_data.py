"""The import page's sentences and tables: the upload's limits, the validation report (its one line and
its table of table, row, column and problem), the preview of a valid package (identity, stated totals
against the budget lines, rows per table) and what publishing did.

Everything the uploaded file brings (its name, the province, the document's number, the cell values a
problem quotes) is someone else's text: Markdown gets it through text.md_escape, and the tables carry it
as plain cells (st.dataframe shows them as written). Numbers go through khcn_dash.format.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd

from .. import config
from .. import format as fmt
from ..labels import packages as L
from ..labels import pick
from ..packages import intake
from ..packages.descriptor import Identity
from ..packages.preview import Preview
from ..packages.report import Report
from ..text import md_escape

NONE = "—"


def _w(key: str, lang: str) -> str:
    return pick(L.IMPORT[key], lang)


def _mb(n: int) -> int:
    return n // 2**20


def limit_caption(lang: str) -> str:
    return _w("upload_limit", lang).format(mb=fmt.count(_mb(intake.MAX_UPLOAD_BYTES), lang),
                                          unpacked=fmt.count(_mb(intake.MAX_UNPACKED_BYTES), lang))


def upload_limit_mb() -> int:
    """The file uploader's limit, in whole MB (intake.MAX_UPLOAD_BYTES)."""
    return max(_mb(intake.MAX_UPLOAD_BYTES), 1)


def file_line(name: str, size: int, lang: str) -> str:
    """'Tệp: <name> (0,2 MB)', the name escaped."""
    if size >= 2**20:
        shown = f"{fmt.number(size / 2**20, lang, 1)} MB"
    else:
        shown = f"{fmt.number(size / 1024, lang, 1)} KB" if size >= 1024 else f"{fmt.count(size, lang)} B"
    return _w("file_name", lang).format(name=md_escape(name), size=shown)


# --- the report --------------------------------------------------------------------------------------

def report_sentence(report: Report, lang: str) -> str:
    """The report's one line: valid (with what the document is) or how many problems it has."""
    if report.valid and report.identity is not None:
        who = report.identity
        line = pick(L.REPORT_VALID, lang).format(
            package=md_escape(who.package_id), province=md_escape(who.province_vi if lang == "vi" else who.province_en),
            year=who.plan_year, number=md_escape(who.number),
            fictional=pick(L.FICTIONAL, lang) if who.fictional else "")
        return f"{line} {_w('checked_nothing_written', lang)}"
    counted = sum(p.params["n"] if p.key == "same_more" else 1 for p in report.problems)
    return pick(L.REPORT_INVALID, lang).format(n=fmt.count(counted, lang))


def report_table(report: Report, lang: str) -> pd.DataFrame:
    """One row per problem: table, row, column, problem (in the reader's language), as plain text."""
    head = {k: pick(L.REPORT_HEAD[k], lang) for k in ("table", "row", "column", "problem")}
    rows = [{head["table"]: p.table or NONE, head["row"]: str(p.row) if p.row else NONE,
             head["column"]: p.column or NONE, head["problem"]: p.message(lang)} for p in report.problems]
    return pd.DataFrame(rows, columns=list(head.values()))


def report_notes(report: Report, lang: str) -> list[str]:
    """The lines under the report's table (our words only)."""
    out = [pick(L.ROWS_NOTE, lang)] if any(p.row for p in report.problems) else []
    return out + [pick(n, lang) for n in report.notes]


# --- the preview -------------------------------------------------------------------------------------

def _date(text: str, lang: str) -> str:
    try:
        return fmt.date(dt.date.fromisoformat(text), lang)
    except (TypeError, ValueError):
        return str(text)


def identity_table(who: Identity, lang: str) -> pd.DataFrame:
    """What the document is, one field a row, as plain text."""
    vi = lang == "vi"
    values = {
        "package": who.package_id,
        "province": who.province_vi if vi else who.province_en,
        "plan_year": str(who.plan_year),
        "review_period": who.review_period,
        "number": who.number,
        "issued_on": _date(who.issued_on, lang),
        "issuer": who.issuer_vi if vi else who.issuer_en,
        "title": who.title_vi if vi else who.title_en,
        "fictional": pick(L.CLI["yes" if who.fictional else "no"], lang),
    }
    return pd.DataFrame({_w("field", lang): [pick(L.IDENTITY_FIELDS[k], lang) for k in values],
                         _w("value", lang): list(values.values())})


def totals_table(preview: Preview, lang: str, unit: str = "mvnd") -> tuple[pd.DataFrame, pd.DataFrame]:
    """(the table for the downloads, with numbers; the same as shown, numbers written the reader's way)."""
    from .. import labels

    cols = {k: pick(w, lang).format(unit=fmt.unit_text(unit, lang)) for k, w in L.TOTALS_COLUMNS.items()}
    yes, no = pick(L.CLI["yes"], lang), pick(L.CLI["no"], lang)
    rows = [{cols["period"]: t.period, cols["basis"]: labels.name("basis", t.basis, lang),
             cols["metric"]: pick(L.METRIC_NAMES[t.metric], lang), cols["section"]: t.section,
             cols["stated"]: fmt.to_unit(t.stated, unit), cols["lines"]: fmt.to_unit(t.lines, unit),
             cols["n_lines"]: t.n_lines, cols["reconciles"]: yes if t.reconciles else no} for t in preview.totals]
    table = pd.DataFrame(rows, columns=list(cols.values()))
    shown = table.copy()
    for key, t_attr in (("stated", "stated"), ("lines", "lines")):
        shown[cols[key]] = [fmt.amount(getattr(t, t_attr), lang, unit) for t in preview.totals]
    return table, shown


def totals_sentence(preview: Preview, lang: str) -> str:
    if not preview.totals:
        return pick(L.TOTALS_NONE, lang)
    return pick(L.TOTALS_SUMMARY, lang).format(n=fmt.count(len(preview.totals), lang),
                                               k=fmt.count(preview.reconciled, lang))


def rows_table(preview: Preview, lang: str) -> pd.DataFrame:
    cols = {k: pick(w, lang) for k, w in L.ROWS_COLUMNS.items()}
    return pd.DataFrame({cols["table"]: list(preview.rows), cols["rows"]: list(preview.rows.values())})


def rows_sentence(preview: Preview, lang: str) -> str:
    return pick(L.ROWS_SUMMARY, lang).format(tables=fmt.count(len(preview.rows), lang),
                                             rows=fmt.count(sum(preview.rows.values()), lang),
                                             districts=fmt.count(preview.districts, lang))


# --- publishing --------------------------------------------------------------------------------------

def published_lines(package_id: str, published: Path, replaced: Path | None, served: Path,
                    lang: str) -> tuple[str, list[str]]:
    """(what was published, and what it means for the app): the package and where it went, where the
    one it replaced is kept, and whether the app shows it (it serves one package, the first by name,
    until the document picker exists)."""
    done = _w("published", lang).format(package=md_escape(package_id), folder=md_escape(published))
    notes = []
    if replaced is not None:
        notes.append(_w("kept_old", lang).format(folder=md_escape(replaced)))
    if Path(published).resolve() == Path(served).resolve():
        notes.append(_w("published_served", lang))
    else:
        values = {"package": md_escape(package_id), "served": md_escape(Path(served).name)}
        notes.append(_w("published_other", lang).format(**values))
        first = config.package_dirs(Path(published).parent)
        if (first and first[0].name == package_id != Path(served).name
                and Path(published).parent.resolve() == Path(config.PACKAGES_DIR).resolve()):
            notes.append(_w("published_first", lang).format(**values))
    return done, notes
