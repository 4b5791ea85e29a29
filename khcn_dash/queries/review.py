"""Questions about the review (section A)."""
from __future__ import annotations

import pandas as pd

from ._db import cached, df, rows

from .. import served


@cached
def tasks_by_field(period: str | None = None, province: str | None = None) -> pd.DataFrame:
    """Provincial S&T tasks per field. Columns: field_code, task_count, share_pct, section,
    source_quote, cite_id."""
    return df("""
        SELECT field_code, task_count,
               round(100 * task_count / sum(task_count) OVER (), 1) AS share_pct,
               section, source_quote, cite_id
        FROM tasks_by_field WHERE province = $province AND period = $period
        ORDER BY task_count DESC, field_code""", province=province or served.province(), period=period or served.review())


@cached
def indicator(metric: str, period: str, province: str | None = None) -> dict | None:
    """One stated figure: {value, unit, qualifier, section, source_quote, cite_id}, or None."""
    found = df("""
        SELECT value, unit, qualifier, section, source_quote, cite_id FROM indicators
        WHERE province = $province AND period = $period AND metric = $metric
        ORDER BY indicator_id""",
               province=province or served.province(), period=period, metric=metric)
    return None if found.empty else found.iloc[0].to_dict()


@cached
def ministry_tasks(period: str | None = None, province: str | None = None) -> pd.DataFrame:
    """Ministry-level tasks. Columns: task_id, seq, title_vi, title_en, field_code, section, source_quote, cite_id."""
    return df("""
        SELECT task_id, seq, title_vi, title_en, field_code, section, source_quote, cite_id
        FROM ministry_tasks WHERE province = $province AND period = $period ORDER BY seq, task_id""",
              province=province or served.province(), period=period or served.review())


@cached
def research_highlights(field_code: str | None = None, period: str | None = None,
                        province: str | None = None) -> pd.DataFrame:
    """Research tasks the review names, optionally of one field. Columns: highlight_id, field_code,
    subject_vi, subject_en, title_vi, title_en, status, district_ids (list), section, source_quote, cite_id."""
    return df("""
        SELECT h.highlight_id, h.field_code, h.subject_vi, h.subject_en, h.title_vi, h.title_en, h.status,
               list(d.district_id ORDER BY d.district_id) FILTER (WHERE d.district_id IS NOT NULL) AS district_ids,
               h.section, h.source_quote, h.cite_id
        FROM research_highlights h LEFT JOIN research_highlight_districts d USING (highlight_id)
        WHERE h.province = $province AND h.period = $period
          AND ($field_code IS NULL OR h.field_code = $field_code)
        GROUP BY ALL ORDER BY h.highlight_id""", province=province or served.province(), period=period or served.review(), field_code=field_code)


@cached
def ip_counts_by_type(period: str | None = None, province: str | None = None) -> pd.DataFrame:
    """IP assets per type and status. Columns: ip_type, status, n_assets, cite_ids."""
    return df("""
        SELECT ip_type, status, count(*) AS n_assets, list(DISTINCT cite_id ORDER BY cite_id) AS cite_ids
        FROM ip_assets WHERE province = $province AND period = $period
        GROUP BY ALL ORDER BY status DESC, n_assets DESC, ip_type""", province=province or served.province(), period=period or served.review())


@cached
def organisations(province: str | None = None) -> pd.DataFrame:
    """S&T organisations. Columns: org_id, name_vi, name_en, short_vi, short_en, founded_year,
    parent_vi, formed_from_vi, section, source_quote, cite_id, founded_quote, founded_cite_id."""
    return df("""
        SELECT org_id, name_vi, name_en, short_vi, short_en, founded_year, parent_vi, formed_from_vi,
               section, source_quote, cite_id, founded_quote, founded_cite_id
        FROM organisations WHERE province = $province ORDER BY founded_year, org_id""", province=province or served.province())


@cached
def legal_instruments(province: str | None = None) -> pd.DataFrame:
    """Cited instruments for a timeline. Columns: instrument_id, number, kind_code, issuer_code,
    issuer_vi, issued_on, year, subject_vi, subject_en, n_citations, sections (list),
    section, source_quote, cite_id."""
    return df("""
        WITH m AS (SELECT instrument_id, count(*) AS n, list(section ORDER BY section) AS secs
                   FROM legal_mentions GROUP BY instrument_id)
        SELECT i.instrument_id, i.number, i.kind_code, i.issuer_code, i.issuer_vi, i.issued_on, i.year,
               i.subject_vi, i.subject_en, 1 + coalesce(m.n, 0) AS n_citations,
               list_concat([i.section], coalesce(m.secs, [])) AS sections,
               i.section, i.source_quote, i.cite_id
        FROM legal_instruments i LEFT JOIN m USING (instrument_id)
        WHERE i.province = $province
        ORDER BY i.year NULLS LAST, i.issued_on NULLS LAST, i.instrument_id""", province=province or served.province())


@cached
def instruments_by_kind(province: str | None = None) -> pd.DataFrame:
    """How many instruments of each kind are cited. Columns: kind_code, n_instruments, cite_ids."""
    return df("""
        SELECT kind_code, count(*) AS n_instruments, list(cite_id ORDER BY instrument_id) AS cite_ids
        FROM legal_instruments WHERE province = $province
        GROUP BY kind_code ORDER BY n_instruments DESC, kind_code""", province=province or served.province())


@cached
def limitations(period: str | None = None, province: str | None = None) -> pd.DataFrame:
    """Limitations and difficulties. Columns: limitation_id, seq, text_vi, text_en, section, source_quote, cite_id."""
    return df("""
        SELECT limitation_id, seq, text_vi, text_en, section, source_quote, cite_id
        FROM limitations WHERE province = $province AND period = $period ORDER BY seq, limitation_id""",
              province=province or served.province(), period=period or served.review())


@cached
def recommendations(period: str | None = None, province: str | None = None) -> pd.DataFrame:
    """Recommendations to the Ministry. Columns: recommendation_id, seq, addressee_vi, text_vi,
    text_en, section, source_quote, cite_id."""
    return df("""
        SELECT recommendation_id, seq, addressee_vi, text_vi, text_en, section, source_quote, cite_id
        FROM recommendations WHERE province = $province AND period = $period
        ORDER BY seq, recommendation_id""",
              province=province or served.province(), period=period or served.review())


@cached
def tasks_total(period: str | None = None, province: str | None = None) -> dict:
    """Provincial S&T tasks of the period summed over fields: {n_tasks, n_fields, cite_ids (list)}."""
    (n_tasks, n_fields, cite_ids), = rows("""
        SELECT coalesce(sum(task_count), 0)::INTEGER, count(*)::INTEGER,
               coalesce(list(cite_id ORDER BY task_count DESC, field_code), [])
        FROM tasks_by_field WHERE province = $province AND period = $period""",
                                        province=province or served.province(), period=period or served.review())
    return {"n_tasks": n_tasks, "n_fields": n_fields, "cite_ids": list(cite_ids)}


@cached
def ip_totals_by_status(period: str | None = None, province: str | None = None) -> pd.DataFrame:
    """IP assets (all types together) per status. Columns: status, n_assets, n_types, cite_ids."""
    return df("""
        SELECT status, count(*) AS n_assets, count(DISTINCT ip_type) AS n_types,
               list(DISTINCT cite_id ORDER BY cite_id) AS cite_ids
        FROM ip_assets WHERE province = $province AND period = $period
        GROUP BY status ORDER BY status DESC""", province=province or served.province(), period=period or served.review())


# --- the whole review, item by item (review_items) -------------------------------------------

@cached
def review_areas(province: str | None = None) -> pd.DataFrame:
    """The sections of the review that hold items, themselves or in their subsections, in document
    order (the area filter's options). Columns: section_id, parent_id, level, heading_vi, title_en,
    n_items (the items of the section and its subsections)."""
    return df("""
        SELECT s.section_id, s.parent_id, s.level, s.heading_vi, s.title_en, count(*) AS n_items
        FROM sections s JOIN review_items r
          ON r.section = s.section_id OR starts_with(r.section, s.section_id || '.')
        WHERE r.province = $province AND s.parent_id IS NOT NULL
        GROUP BY ALL ORDER BY min(s.ordinal), s.section_id""", province=province or served.province())


@cached
def review_items(area: str | None = None, period: str | None = None, province: str | None = None) -> pd.DataFrame:
    """The review's items, in document order: all, or those of section `area` and its subsections;
    of every period (a review item may be about the plan year, e.g. the plan year's allocation in a review section), or
    of `period`. Columns: item_id, period, section, seq, kind, text_vi, text_en, figures, heading_vi,
    title_en, source_quote, cite_id."""
    return df("""
        SELECT r.item_id, r.period, r.section, r.seq, r.kind, r.text_vi, r.text_en, r.figures,
               s.heading_vi, s.title_en, r.source_quote, r.cite_id
        FROM review_items r JOIN sections s ON s.section_id = r.section
        WHERE r.province = $province AND ($period IS NULL OR r.period = $period)
          AND ($area IS NULL OR r.section = $area OR starts_with(r.section, $area || '.'))
        ORDER BY s.ordinal, r.seq, r.item_id""", province=province or served.province(), period=period, area=area)
