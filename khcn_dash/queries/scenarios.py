"""The scenario page's questions: the lines a scenario starts from, and the sentences behind its rules.

Money comes back as decimal.Decimal (exact), never float: the scenario model adds and moves it
to the last digit.
"""
from __future__ import annotations

from decimal import Decimal

import pandas as pd

from ._db import cached, rows

from .. import served

_LINE_COLUMNS = [
    "line_id", "is_candidate", "funding_kind", "project_id", "short_vi", "short_en", "name_vi", "name_en",
    "plan_mvnd", "project_status", "funder", "approved_total_mvnd", "allocated_before_mvnd", "cap_mvnd",
    "infra_status", "cite_id", "cap_cite_ids", "status_cite_id", "group_vi", "group_en",
]


@cached
def baseline_lines(year: str | None = None, province: str | None = None) -> pd.DataFrame:
    """The lines a scenario starts from: every plan line of `year` (the recurrent block and the
    investment projects; a line the document breaks into detail lines is there as its finest detail
    lines, so money moves between them under the same rules), then the halted infrastructure projects of the review that are not in the
    plan, as candidate lines with no planned money.

    Columns: line_id (budget_line_id; `candidate-<project_id>` for a candidate), is_candidate,
    funding_kind, project_id, short_vi, short_en, name_vi, name_en, plan_mvnd (Decimal; 0 for a
    candidate), project_status, funder, approved_total_mvnd (Decimal or None: the project's approved
    total investment where the review states it), allocated_before_mvnd (Decimal or None: allocated
    in earlier periods), cap_mvnd (Decimal or None: approved minus allocated before, the most the
    project may still receive), infra_status, cite_id (the line's sentence), cap_cite_ids (list: the
    sentences giving the approved total and the earlier allocation), status_cite_id, group_vi, group_en
    (a detail line's parent: the detail it is part of, or else the budget line it breaks down; None
    for a line that is not a detail line). Ordered by source, then candidates last, then by group
    (the larger parent first) and amount, so the lines of one parent sit together.
    Bound parameters: $year, $province."""
    found = rows("""
        WITH plan_lines AS (
            SELECT * FROM budget_lines_named
            WHERE province = $province AND period = $year AND basis = 'plan'),
        leaves AS (  -- detail lines with no parts of their own: a line broken down is edited by them
            SELECT * FROM budget_details
            WHERE province = $province AND period = $year
              AND detail_id NOT IN (SELECT parent_detail_id FROM budget_details WHERE parent_detail_id IS NOT NULL)),
        plan AS (
            SELECT budget_line_id, funding_kind, project_id, short_vi, short_en, name_vi, name_en, amount_mvnd,
                   project_status, funder, cite_id,
                   NULL::VARCHAR AS group_vi, NULL::VARCHAR AS group_en, NULL::DECIMAL(18, 3) AS group_amount
            FROM plan_lines WHERE budget_line_id NOT IN (SELECT budget_line_id FROM leaves)
            UNION ALL
            SELECT l.detail_id, p.funding_kind, p.project_id, l.name_vi, l.name_en, l.name_vi, l.name_en,
                   l.amount_mvnd, p.project_status, p.funder, l.cite_id,
                   coalesce(up.name_vi, p.name_vi), coalesce(up.name_en, p.name_en),
                   coalesce(up.amount_mvnd, p.amount_mvnd)
            FROM leaves l JOIN plan_lines p USING (budget_line_id)
            LEFT JOIN budget_details up ON up.detail_id = l.parent_detail_id),
        earlier AS (
            SELECT project_id, sum(amount_mvnd) AS allocated, list(cite_id ORDER BY budget_line_id) AS cites
            FROM budget_lines
            WHERE province = $province AND basis = 'allocated' AND period_end < CAST($year AS INTEGER)
            GROUP BY project_id),
        infra AS (
            SELECT i.*, e.allocated, e.cites AS allocated_cites
            FROM infrastructure_projects i LEFT JOIN earlier e USING (project_id)
            WHERE i.province = $province),
        lines AS (
            SELECT p.budget_line_id AS line_id, false AS is_candidate, p.funding_kind, p.project_id,
                   p.short_vi, p.short_en, p.name_vi, p.name_en, p.amount_mvnd AS plan_mvnd,
                   p.project_status, p.funder, i.approved_total_mvnd,
                   CASE WHEN i.project_id IS NOT NULL THEN coalesce(i.allocated, 0) END AS allocated_before_mvnd,
                   i.status AS infra_status, p.cite_id,
                   CASE WHEN i.project_id IS NOT NULL
                        THEN list_concat([i.cite_id], coalesce(i.allocated_cites, [])) END AS cap_cite_ids,
                   i.status_cite_id, p.group_vi, p.group_en, p.group_amount,
                   CASE p.funding_kind WHEN 'recurrent' THEN 0 ELSE 1 END AS kind_order, 0 AS candidate_order
            FROM plan p LEFT JOIN infra i USING (project_id)
            UNION ALL
            SELECT 'candidate-' || i.project_id, true, 'investment', i.project_id,
                   pr.short_vi, pr.short_en, pr.name_vi, pr.name_en, CAST(0 AS DECIMAL(18, 3)),
                   NULL, NULL, i.approved_total_mvnd, coalesce(i.allocated, 0), i.status, NULL,
                   list_concat([i.cite_id], coalesce(i.allocated_cites, [])), i.status_cite_id,
                   NULL, NULL, NULL, 1, 1
            FROM infra i JOIN projects pr USING (project_id)
            WHERE i.status = 'halted'
              AND i.project_id NOT IN (SELECT project_id FROM plan WHERE project_id IS NOT NULL))
        SELECT line_id, is_candidate, funding_kind, project_id, short_vi, short_en, name_vi, name_en,
               plan_mvnd, project_status, funder, approved_total_mvnd, allocated_before_mvnd,
               approved_total_mvnd - allocated_before_mvnd AS cap_mvnd,
               infra_status, cite_id, cap_cite_ids, status_cite_id, group_vi, group_en
        FROM lines
        ORDER BY kind_order, candidate_order, group_amount DESC NULLS FIRST, group_vi, plan_mvnd DESC, line_id""", year=year or served.plan(), province=province or served.province())
    return pd.DataFrame(found, columns=_LINE_COLUMNS, dtype=object)


@cached
def rule_sources(year: str | None = None, province: str | None = None) -> dict:
    """The sentences the scenario rules and indicators rest on, with the figures they state.

    Returns {"total": {value, cite_id}, "recurrent": {value, cite_id}, "investment": {value, cite_id}
    (the plan's totals as section B.II states them; value is Decimal), "floor": {value (Decimal, percent),
    cite_id} (the review's 2% of local budget expenditure, A.II.10) or None}.
    Bound parameters: $year, $province."""
    totals = rows("""
        SELECT metric, stated_value, cite_id FROM document_totals
        WHERE province = $province AND period = $year AND basis = 'plan' AND section = 'B.II'
          AND metric IN ('budget_total_mvnd', 'recurrent_mvnd', 'investment_mvnd')
        ORDER BY total_id""",
                  year=year or served.plan(), province=province or served.province())
    by_metric = {m: {"value": v, "cite_id": c} for m, v, c in totals}
    floor = rows("""
        SELECT CAST(value AS VARCHAR), cite_id FROM indicators
        WHERE province = $province AND metric = 'st_budget_floor_pct_of_local_budget'
        ORDER BY period DESC, indicator_id LIMIT 1""", province=province or served.province())
    return {
        "total": by_metric.get("budget_total_mvnd"),
        "recurrent": by_metric.get("recurrent_mvnd"),
        "investment": by_metric.get("investment_mvnd"),
        "floor": {"value": Decimal(floor[0][0]), "cite_id": floor[0][1]} if floor else None,
    }


@cached
def split_codes(year: str | None = None, province: str | None = None) -> dict[str, list[str]]:
    """What the recurrent block may be split across, in the document's order: {"field": the research
    fields of B.I.1 (field_code), "area": the activity areas of B.I (area_code)}. The document itself
    gives no split. Bound parameters: $year, $province."""
    fields = rows("""SELECT field_code FROM plan_fields WHERE province = $province AND period = $year
                     ORDER BY seq, field_code""", year=year or served.plan(), province=province or served.province())
    areas = rows("""SELECT area_code FROM activity_areas WHERE province = $province AND period = $year
                    ORDER BY seq, area_code""", year=year or served.plan(), province=province or served.province())
    return {"field": [r[0] for r in fields], "area": [r[0] for r in areas]}
