"""The choices of the review and plan pages' filters, and the rows each choice keeps.

Plain pandas over query results: option lists for the selectboxes (codes; their text comes from
labels/, or from the document for the plan's own field and area names) and the selections the
pages, charts and summaries share. No words and no figures.
"""
from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from .results import name_col

# The kinds of IP asset, in the order the review page lists them (its filter, its bar chart).
IP_TYPES = ["geographical_indication", "certification_mark", "collective_trademark"]


# --- review: research highlights, IP assets, legal instruments -------------------------------

def highlight_fields(all_highlights: pd.DataFrame) -> list[str]:
    """The field filter's options: 'all', then the fields that have highlights, most first."""
    return ["all", *all_highlights["field_code"].value_counts().index.tolist()]


def item_areas(areas: pd.DataFrame) -> list[str]:
    """The review items' area filter's options: 'all', then each section holding items (queries.review.
    review_areas), in document order."""
    return ["all", *areas["section_id"].tolist()]


def kinds_in(df: pd.DataFrame) -> list[str]:
    """Kinds of instrument present, most cited first (the kind filter's options)."""
    return df["kind_code"].value_counts().index.tolist()


def of_kinds(df: pd.DataFrame, kinds: Iterable[str]) -> pd.DataFrame:
    return df[df["kind_code"].isin(list(kinds))]


def dated(df: pd.DataFrame) -> pd.DataFrame:
    """Instruments with at least a year: they go on the timeline."""
    return df[df["year"].notna()]


def undated(df: pd.DataFrame) -> pd.DataFrame:
    """Instruments the document names without a date or year: listed apart, never on a made-up date."""
    return df[df["year"].isna()]


# --- plan: the plan's research fields and activity areas ---------------------------------------

def field_options(fields: pd.DataFrame) -> list[str]:
    return fields["field_code"].tolist()


def field_label(fields: pd.DataFrame, code: str, lang: str = "vi") -> str:
    """The document's name of a field of the plan (its code if unknown)."""
    row = fields[fields["field_code"] == code]
    return str(code) if row.empty else str(name_col(row, "name", lang).iloc[0])


def area_options(areas: pd.DataFrame) -> list[str]:
    return areas["area_code"].tolist()


def area_label(areas: pd.DataFrame, code: str, lang: str = "vi") -> str:
    row = areas[areas["area_code"] == code]
    return str(code) if row.empty else str(name_col(row, "name", lang).iloc[0])
