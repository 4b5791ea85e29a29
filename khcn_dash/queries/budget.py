"""Budget questions: the plan, its split, and investment across periods."""
from __future__ import annotations

from decimal import Decimal

import pandas as pd

from ._db import cached, df, rows

from .. import served


@cached
def stated_total(metric: str, period: str, province: str | None = None) -> dict | None:
    """A total as the document states it: {value (Decimal), section, source_quote, cite_id}."""
    found = rows("""
        SELECT stated_value, section, source_quote, cite_id FROM document_totals
        WHERE province = $province AND period = $period AND metric = $metric
        ORDER BY section DESC, total_id LIMIT 1""", province=province or served.province(), period=period, metric=metric)
    if not found:
        return None
    value, section, quote, cite_id = found[0]
    return {"value": value, "section": section, "source_quote": quote, "cite_id": cite_id}


@cached
def budget_split(year: str | None = None, province: str | None = None) -> pd.DataFrame:
    """The plan's money by funding kind. Columns: funding_kind, amount_mvnd, share_pct, n_lines, cite_ids."""
    return df("""
        SELECT funding_kind, sum(amount_mvnd) AS amount_mvnd,
               round(100 * sum(amount_mvnd) / sum(sum(amount_mvnd)) OVER (), 1) AS share_pct,
               count(*) AS n_lines, list(cite_id ORDER BY budget_line_id) AS cite_ids
        FROM budget_lines
        WHERE province = $province AND period = $year AND basis = 'plan'
        GROUP BY funding_kind ORDER BY funding_kind DESC""", province=province or served.province(), year=year or served.plan())


def budget_sum_exact(period: str, basis: str, province: str | None = None) -> Decimal:
    """Exact sum of every money line of a period and basis (for reconciliation)."""
    (value,) = rows("""
        SELECT coalesce(sum(amount_mvnd), 0) FROM budget_lines
        WHERE province = $province AND period = $period AND basis = $basis""",
                    province=province or served.province(), period=period, basis=basis)[0]
    return value


@cached
def budget_lines(period: str, province: str | None = None) -> pd.DataFrame:
    """Every money line of a period. Columns: budget_line_id, basis, funding_kind, project_id,
    name_vi, name_en, short_vi, short_en, amount_mvnd, share_pct (of the period and basis),
    project_status, funder, section, source_quote, cite_id."""
    return df("""
        SELECT budget_line_id, basis, funding_kind, project_id, name_vi, name_en, short_vi, short_en,
               amount_mvnd,
               round(100 * amount_mvnd / sum(amount_mvnd) OVER (PARTITION BY basis), 1) AS share_pct,
               project_status, funder, section, source_quote, cite_id
        FROM budget_lines_named
        WHERE province = $province AND period = $period
        ORDER BY funding_kind DESC, amount_mvnd DESC, budget_line_id""", province=province or served.province(), period=period)


@cached
def budget_tree(year: str | None = None, province: str | None = None) -> pd.DataFrame:
    """The plan as a tree for a treemap: total -> funding kind -> project line -> detail lines (as
    deep as the document breaks them down; a recurrent line's details hang from its funding kind).
    Columns: node_id, parent_id, level, funding_kind, project_id, name_vi, name_en (detail lines
    only), amount_mvnd, cite_ids."""
    return df("""
        WITH RECURSIVE lines AS (
            SELECT * FROM budget_lines WHERE province = $province AND period = $year AND basis = 'plan'),
        shown AS (  -- the node a line's details hang from
            SELECT budget_line_id, funding_kind,
                   CASE WHEN project_id IS NOT NULL THEN budget_line_id ELSE funding_kind END AS node,
                   CASE WHEN project_id IS NOT NULL THEN 2 ELSE 1 END AS level
            FROM lines),
        details AS (
            SELECT d.detail_id, s.node AS parent_id, s.level + 1 AS level, s.funding_kind, d.name_vi, d.name_en,
                   d.amount_mvnd, d.cite_id
            FROM budget_details d JOIN shown s USING (budget_line_id)
            WHERE d.parent_detail_id IS NULL AND d.province = $province AND d.period = $year
            UNION ALL
            SELECT d.detail_id, p.detail_id, p.level + 1, p.funding_kind, d.name_vi, d.name_en, d.amount_mvnd, d.cite_id
            FROM budget_details d JOIN details p ON d.parent_detail_id = p.detail_id)
        SELECT 'total' AS node_id, NULL AS parent_id, 0 AS level, NULL AS funding_kind, NULL AS project_id,
               NULL AS name_vi, NULL AS name_en,
               sum(amount_mvnd) AS amount_mvnd, list(cite_id ORDER BY budget_line_id) AS cite_ids
        FROM lines
        UNION ALL
        SELECT funding_kind, 'total', 1, funding_kind, NULL, NULL, NULL, sum(amount_mvnd),
               list(cite_id ORDER BY budget_line_id)
        FROM lines GROUP BY funding_kind
        UNION ALL
        SELECT budget_line_id, funding_kind, 2, funding_kind, project_id, NULL, NULL, amount_mvnd, [cite_id]
        FROM lines WHERE project_id IS NOT NULL
        UNION ALL
        SELECT detail_id, parent_id, level, funding_kind, NULL, name_vi, name_en, amount_mvnd, [cite_id]
        FROM details
        ORDER BY level, amount_mvnd DESC, node_id""", province=province or served.province(), year=year or served.plan())


@cached
def investment_by_project(period: str, province: str | None = None) -> pd.DataFrame:
    """Development investment per project in one period. Columns: project_id, short_vi, short_en,
    name_vi, name_en, basis, amount_mvnd, share_pct, project_status, funder, section, source_quote, cite_id."""
    return df("""
        SELECT project_id, short_vi, short_en, name_vi, name_en, basis, amount_mvnd,
               round(100 * amount_mvnd / sum(amount_mvnd) OVER (), 1) AS share_pct,
               project_status, funder, section, source_quote, cite_id
        FROM budget_lines_named
        WHERE province = $province AND period = $period AND funding_kind = 'investment'
        ORDER BY amount_mvnd DESC, budget_line_id""", province=province or served.province(), period=period)


@cached
def investment_across_periods(province: str | None = None) -> pd.DataFrame:
    """Investment per project and period, side by side: allocated in the review period next to planned in the plan year.
    Never added together. Columns: project_id, short_vi, short_en, period, basis, amount_mvnd, cite_id."""
    return df("""
        SELECT project_id, short_vi, short_en, period, basis, amount_mvnd, cite_id
        FROM budget_lines_named
        WHERE province = $province AND funding_kind = 'investment'
        ORDER BY period_start, amount_mvnd DESC, budget_line_id""", province=province or served.province())


@cached
def infrastructure_status(province: str | None = None) -> pd.DataFrame:
    """Infrastructure projects reviewed in A.II.2.3 with money so far. Columns: project_id, short_vi,
    short_en, name_vi, name_en, approved_total_mvnd, allocated_review_mvnd, remaining_mvnd,
    planned_plan_mvnd, status, section, source_quote, cite_id, status_quote, status_cite_id."""
    return df("""
        WITH money AS (
            SELECT project_id,
                   coalesce(sum(amount_mvnd) FILTER (WHERE basis = 'allocated'), 0) AS allocated,
                   coalesce(sum(amount_mvnd) FILTER (WHERE basis = 'plan'), 0) AS planned
            FROM budget_lines WHERE province = $province GROUP BY project_id)
        SELECT i.project_id, p.short_vi, p.short_en, p.name_vi, p.name_en, i.approved_total_mvnd,
               coalesce(m.allocated, 0) AS allocated_review_mvnd,
               i.approved_total_mvnd - coalesce(m.allocated, 0) AS remaining_mvnd,
               coalesce(m.planned, 0) AS planned_plan_mvnd,
               i.status, i.section, i.source_quote, i.cite_id, i.status_quote, i.status_cite_id
        FROM infrastructure_projects i
        JOIN projects p USING (project_id)
        LEFT JOIN money m USING (project_id)
        WHERE i.province = $province
        ORDER BY i.approved_total_mvnd DESC, i.project_id""", province=province or served.province())
