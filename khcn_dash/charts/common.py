"""What the review and plan chart modules share: a research field's colour, the money axis's
number format, money columns in the display unit, and table headers in the reader's language."""
from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from .. import format as fmt
from ..labels import Pair, pick
from . import PALETTE

# One colour per research field, shared by the review and plan pages, so a field looks the same everywhere.
FIELD_COLOURS = {
    "agriculture": PALETTE[2],
    "social_humanities": PALETTE[3],
    "engineering_technology": PALETTE[0],
    "medicine_pharmacy": PALETTE[5],
}
AXIS_NUMBER = ",~f"  # d3: thousands mark, no trailing zeros; the marks come from the layout's separators


def to_unit_column(values: pd.Series, unit: str) -> pd.Series:
    """A money column in the display unit, for tables and chart axes."""
    return values.astype("float64").map(lambda v: fmt.to_unit(v, unit))


def with_headers(table: pd.DataFrame, columns: Mapping[str, Pair], lang: str, unit: str = "mvnd") -> pd.DataFrame:
    """A display table whose columns are keys of `columns` (a page's COLUMNS labels), with each
    header in the reader's language ({unit} filled with the money unit's name)."""
    return table.rename(columns={c: pick(columns[c], lang).format(unit=fmt.unit_text(unit, lang))
                                 for c in table.columns})
