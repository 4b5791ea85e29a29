"""Every number -> text conversion, in Vietnamese (default) or English style, through Babel."""
from __future__ import annotations

import datetime as dt
import math
from decimal import ROUND_HALF_UP, Decimal
from zoneinfo import ZoneInfo

from babel.dates import format_date
from babel.numbers import format_decimal

LANGS = ("vi", "en")
UNITS = ("mvnd", "bvnd")  # triệu đồng (the document's unit) / tỷ đồng
_LOCALE = {"vi": "vi_VN", "en": "en_US"}
_UNIT_TEXT = {
    ("mvnd", "vi"): "triệu đồng", ("mvnd", "en"): "million VND",
    ("bvnd", "vi"): "tỷ đồng", ("bvnd", "en"): "billion VND",
}


def number(value: float | int | Decimal | None, lang: str = "vi", decimals: int = 1) -> str:
    """12345.6 -> '12.345,6' (vi) or '12,345.6' (en); up to `decimals` places, no trailing zeros."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    # round half up as readers expect (0,125 -> 0,13), not Babel's half-to-even; floats via str()
    exact = value if isinstance(value, Decimal) else Decimal(str(value))
    rounded = exact.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    fmt = "#,##0" + ("." + "#" * decimals if decimals > 0 else "")
    return format_decimal(rounded, format=fmt, locale=_LOCALE[lang])


def to_unit(amount_mvnd: float | Decimal, unit: str = "mvnd") -> float | Decimal:
    """Converts million VND to the display unit (exact for Decimal)."""
    if unit == "bvnd":
        return amount_mvnd / (Decimal(1000) if isinstance(amount_mvnd, Decimal) else 1000)
    return amount_mvnd


def unit_text(unit: str = "mvnd", lang: str = "vi") -> str:
    return _UNIT_TEXT[(unit, lang)]


# The one precision rule for money, whatever the purpose (a figure on screen, a table cell, a chart
# label or hover, an amount typed into an input): exact, never rounded past the document's own
# digits. The document's finest unit is 0,1 triệu đồng, which is 0,0001 tỷ đồng; trailing zeros are
# dropped ('45.936 triệu đồng' = '45,936 tỷ đồng'; '12.345,6 triệu đồng' = '12,3456 tỷ đồng').
MONEY_DECIMALS = {"mvnd": 1, "bvnd": 4}


def _missing(value) -> bool:
    if value is None:
        return True
    try:
        return bool(value != value)  # NaN (float or pandas' NA-like)
    except (TypeError, ValueError):
        return False


def amount(amount_mvnd: float | Decimal | None, lang: str = "vi", unit: str = "mvnd") -> str:
    """The figure alone, for a place that already names the unit (a card, a table column, an input):
    12345.6 -> '12.345,6' (vi, triệu) | '12,3456' (vi, tỷ) | '12,345.6' (en, million)."""
    if _missing(amount_mvnd):
        return "–"
    return number(to_unit(amount_mvnd, unit), lang, MONEY_DECIMALS[unit])


def money(amount_mvnd: float | Decimal | None, lang: str = "vi", unit: str = "mvnd") -> str:
    """The figure with its unit: '12.345,6 triệu đồng' | '12,3456 tỷ đồng' | '12,345.6 million VND'."""
    if _missing(amount_mvnd):
        return "–"
    return f"{amount(amount_mvnd, lang, unit)} {unit_text(unit, lang)}"


def signed_amount(diff_mvnd: float | Decimal, lang: str = "vi", unit: str = "mvnd") -> str:
    """A change: '+2.000' / '-2.000' / '0'."""
    return ("+" if diff_mvnd > 0 else "") + amount(diff_mvnd, lang, unit)


def signed_money(diff_mvnd: float | Decimal, lang: str = "vi", unit: str = "mvnd") -> str:
    """A change with its unit: '+2.000 triệu đồng' / '-2.000 triệu đồng'."""
    return f"{signed_amount(diff_mvnd, lang, unit)} {unit_text(unit, lang)}"


def readable(table, lang: str = "vi"):
    """A table as shown on screen: every decimal cell (money, shares; float or Decimal) written the
    reader's way, as text ('45.936', '0,213', '25,6'), to at most four places (money in tỷ is exact
    at four; shares carry one), never rounded past the data's own digits. Whole-number columns
    (counts, years, order) stay as they are. The downloads keep the numeric table."""
    import pandas as pd

    out = table.copy()
    for col in out.columns:
        values = out[col]
        if pd.api.types.is_float_dtype(values) or (values.dtype == object and any(isinstance(v, Decimal) for v in values)):
            out[col] = ["–" if _missing(v) else number(v, lang, 4) if isinstance(v, (float, Decimal)) else v
                        for v in values]
    return out


def pct(value: float | None, lang: str = "vi", decimals: int = 1) -> str:
    """50.1 -> '50,1%' (vi) or '50.1%' (en)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    return f"{number(value, lang, decimals)}%"


def count(value: int | float | None, lang: str = "vi") -> str:
    return number(value, lang, 0)


def signed_count(diff: int | float, lang: str = "vi") -> str:
    """A change of a count: '+3' / '-2' / '0'."""
    return ("+" if diff > 0 else "") + count(diff, lang)


def period(value: str) -> str:
    """A period as the tables write it ('<year>-<year>' or '<year>') as a reader writes it (an en dash between years)."""
    return str(value).replace("-", "–")


def date(value: dt.date | None, lang: str = "vi") -> str:
    """2010-05-21 -> '21/05/2010' (vi) or '21 May 2010' (en)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if isinstance(value, dt.datetime):
        value = value.date()
    if lang == "vi":
        return format_date(value, format="dd/MM/yyyy", locale="vi_VN")
    return format_date(value, format="d MMM yyyy", locale="en_GB")


LOCAL_TZ = ZoneInfo("Asia/Ho_Chi_Minh")


def datetime_local(value: dt.datetime | None, lang: str = "vi") -> str:
    """A moment in Vietnam's time: '26/11/2026 16:05' (vi) or '26 Nov 2026 16:05' (en). A naive
    value is UTC (as the stores keep it)."""
    if value is None:
        return "–"
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.timezone.utc)
    local = value.astimezone(LOCAL_TZ)
    return f"{date(local.date(), lang)} {local:%H:%M}"


def plotly_separators(lang: str = "vi") -> str:
    """Plotly's `separators` layout value: decimal mark then thousands mark."""
    return ",." if lang == "vi" else ".,"


def d3_money_format(unit: str = "mvnd") -> str:
    """d3 format for hovers/axes: the separators come from the layout."""
    return f",.{MONEY_DECIMALS[unit]}~f"
