"""Small helpers over the query layer's results, shared by charts/, summaries/ and the pages: a name
column in the reader's language, the value of a total the document states, and the cite ids of
some results. Plain pandas, no words and no figures.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping

import pandas as pd


def name_col(df: pd.DataFrame, base: str, lang: str) -> pd.Series:
    """`base_vi` or `base_en` (the English falls back to the Vietnamese where missing)."""
    if lang == "vi":
        return df[f"{base}_vi"]
    return df[f"{base}_en"].fillna(df[f"{base}_vi"])


def stated(total: Mapping | None, fallback=None):
    """The value of a stated total/indicator dict, or `fallback` when the document gives none."""
    return fallback if total is None else total["value"]


def cite_ids(*items) -> list[str]:
    """Every cite id of some results, in order, once each. An item may be a DataFrame (its cite_id,
    status_cite_id, founded_cite_id and cite_ids columns), a dict (its cite_id and cite_ids), a
    Series or list (of ids, or of lists of ids), one id, or nothing."""
    out: list[str] = []
    for item in items:
        if isinstance(item, pd.DataFrame):
            cols = [c for c in ("cite_id", "status_cite_id", "founded_cite_id", "cite_ids") if c in item]
            out.extend(cite_ids(*(item[c] for c in cols)))
        elif isinstance(item, Mapping):
            out.extend(cite_ids(item.get("cite_id"), item.get("cite_ids")))
        elif isinstance(item, Iterable) and not isinstance(item, str):
            out.extend(cite_ids(*item))
        else:
            out.extend(ids(item))
    return list(dict.fromkeys(out))


def ids(value) -> list[str]:
    """A cell holding one id, a list of ids, or nothing (None/NaN/NA) -> a list of ids."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, Iterable):
        return [str(v) for v in value if v is not None and not (pd.api.types.is_scalar(v) and pd.isna(v))]
    if value is None or pd.isna(value):
        return []
    return [str(value)]
