"""Tables -> CSV and Excel bytes, with spreadsheet formulas neutralised."""
from __future__ import annotations

import io

import pandas as pd

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise_cell(value):
    """A text cell that a spreadsheet would run as a formula gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def neutralise(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    for col in out.columns:
        if out[col].dtype == object or pd.api.types.is_string_dtype(out[col]):
            out[col] = out[col].map(neutralise_cell)
    out.columns = [neutralise_cell(str(c)) for c in out.columns]
    return out


def _flatten(df: pd.DataFrame) -> pd.DataFrame:
    """Lists (e.g. citation ids) become '; '-joined text, so every cell is a plain value."""
    out = df.copy()
    for col in out.columns:
        if out[col].dtype == object:
            out[col] = out[col].map(lambda v: "; ".join(map(str, v)) if isinstance(v, (list, tuple)) or
                                    hasattr(v, "tolist") and not isinstance(v, str) else v)
    return out


def to_csv_bytes(df: pd.DataFrame) -> bytes:
    """UTF-8 with BOM, so Excel opens Vietnamese text correctly."""
    return neutralise(_flatten(df)).to_csv(index=False).encode("utf-8-sig")


def to_xlsx_bytes(df: pd.DataFrame, sheet: str = "data") -> bytes:
    buf = io.BytesIO()
    safe_sheet = "".join(ch for ch in sheet if ch not in '[]:*?/\\')[:31] or "data"
    with pd.ExcelWriter(buf, engine="openpyxl") as xw:
        neutralise(_flatten(df)).to_excel(xw, index=False, sheet_name=safe_sheet)
    return buf.getvalue()
