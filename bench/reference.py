"""Hand-written DuckDB queries over the Parquet files, one per query-layer function.

Each answers the same question as the function of the same name, written directly against
`read_parquet(...)` (no views, no shared helpers), the way one would write it by hand. They are the
yardstick of the query benchmark: the query layer should be within 2× of these. Parameters have
the query function's parameter names; `{table}` stands for the table's Parquet file.
"""
from __future__ import annotations

SQL: dict[str, str] = {
    # --- budget ---------------------------------------------------------------------------------
    "budget.stated_total": """
        SELECT stated_value AS value, section, source_quote, cite_id FROM {document_totals}
        WHERE province = $province AND period = $period AND metric = $metric
        ORDER BY section DESC, total_id LIMIT 1""",
    "budget.budget_split": """
        SELECT funding_kind, sum(amount_mvnd) AS amount_mvnd,
               round(100 * sum(amount_mvnd) / sum(sum(amount_mvnd)) OVER (), 1) AS share_pct,
               count(*) AS n_lines, list(cite_id ORDER BY budget_line_id) AS cite_ids
        FROM {budget_lines} WHERE province = $province AND period = $year AND basis = 'plan'
        GROUP BY funding_kind ORDER BY funding_kind DESC""",
    "budget.budget_sum_exact": """
        SELECT coalesce(sum(amount_mvnd), 0) AS value FROM {budget_lines}
        WHERE province = $province AND period = $period AND basis = $basis""",
    "budget.budget_lines": """
        SELECT b.budget_line_id, b.basis, b.funding_kind, b.project_id, p.name_vi, p.name_en, p.short_vi,
               p.short_en, b.amount_mvnd,
               round(100 * b.amount_mvnd / sum(b.amount_mvnd) OVER (PARTITION BY b.basis), 1) AS share_pct,
               b.project_status, b.funder, b.section, b.source_quote, b.cite_id
        FROM {budget_lines} b LEFT JOIN {projects} p ON p.project_id = b.project_id
        WHERE b.province = $province AND b.period = $period
        ORDER BY b.funding_kind DESC, b.amount_mvnd DESC, b.budget_line_id""",
    "budget.budget_tree": """
        WITH lines AS (SELECT funding_kind, project_id, budget_line_id, amount_mvnd, cite_id FROM {budget_lines}
                       WHERE province = $province AND period = $year AND basis = 'plan')
        SELECT 'total' AS node_id, NULL AS parent_id, 0 AS level, NULL AS funding_kind, NULL AS project_id,
               sum(amount_mvnd) AS amount_mvnd, list(cite_id ORDER BY budget_line_id) AS cite_ids FROM lines
        UNION ALL
        SELECT funding_kind, 'total', 1, funding_kind, NULL, sum(amount_mvnd), list(cite_id ORDER BY budget_line_id)
        FROM lines GROUP BY funding_kind
        UNION ALL
        SELECT budget_line_id, funding_kind, 2, funding_kind, project_id, amount_mvnd, [cite_id]
        FROM lines WHERE project_id IS NOT NULL
        ORDER BY level, amount_mvnd DESC, node_id""",
    "budget.investment_by_project": """
        SELECT b.project_id, p.short_vi, p.short_en, p.name_vi, p.name_en, b.basis, b.amount_mvnd,
               round(100 * b.amount_mvnd / sum(b.amount_mvnd) OVER (), 1) AS share_pct,
               b.project_status, b.funder, b.section, b.source_quote, b.cite_id
        FROM {budget_lines} b LEFT JOIN {projects} p ON p.project_id = b.project_id
        WHERE b.province = $province AND b.period = $period AND b.funding_kind = 'investment'
        ORDER BY b.amount_mvnd DESC, b.budget_line_id""",
    "budget.investment_across_periods": """
        SELECT b.project_id, p.short_vi, p.short_en, b.period, b.basis, b.amount_mvnd, b.cite_id
        FROM {budget_lines} b LEFT JOIN {projects} p ON p.project_id = b.project_id
        WHERE b.province = $province AND b.funding_kind = 'investment'
        ORDER BY b.period_start, b.amount_mvnd DESC, b.budget_line_id""",
    "budget.infrastructure_status": """
        WITH money AS (
            SELECT project_id,
                   sum(amount_mvnd) FILTER (WHERE basis = 'allocated') AS allocated,
                   sum(amount_mvnd) FILTER (WHERE basis = 'plan') AS planned
            FROM {budget_lines} WHERE province = $province AND project_id IS NOT NULL GROUP BY project_id)
        SELECT i.project_id, p.short_vi, p.short_en, p.name_vi, p.name_en, i.approved_total_mvnd,
               coalesce(m.allocated, 0) AS allocated_review_mvnd,
               i.approved_total_mvnd - coalesce(m.allocated, 0) AS remaining_mvnd,
               coalesce(m.planned, 0) AS planned_plan_mvnd,
               i.status, i.section, i.source_quote, i.cite_id, i.status_quote, i.status_cite_id
        FROM {infrastructure_projects} i JOIN {projects} p ON p.project_id = i.project_id
        LEFT JOIN money m ON m.project_id = i.project_id
        WHERE i.province = $province ORDER BY i.approved_total_mvnd DESC, i.project_id""",
    # --- map ----------------------------------------------------------------------------------------
    "ip.districts": """
        SELECT district_id, name_vi, name_en, gso_code FROM {districts}
        WHERE province = $province ORDER BY gso_code, district_id""",
    "ip.ip_count_by_district": """
        WITH a AS (SELECT r.district_id, x.asset_id, x.ip_type, x.product_vi, x.product_en
                   FROM {ip_assets} x JOIN {ip_asset_areas} r ON r.asset_id = x.asset_id
                   WHERE x.province = $province AND list_contains($ip_types, x.ip_type)
                     AND list_contains($statuses, x.status))
        SELECT d.district_id, d.name_vi, d.name_en, count(a.asset_id) AS n_assets,
               count(a.asset_id) FILTER (WHERE a.ip_type = 'geographical_indication') AS n_geographical_indication,
               count(a.asset_id) FILTER (WHERE a.ip_type = 'certification_mark') AS n_certification_mark,
               count(a.asset_id) FILTER (WHERE a.ip_type = 'collective_trademark') AS n_collective_trademark,
               coalesce(list(a.product_vi ORDER BY a.product_vi, a.asset_id)
                            FILTER (WHERE a.asset_id IS NOT NULL), []) AS products_vi,
               coalesce(list(a.product_en ORDER BY a.product_vi, a.asset_id)
                            FILTER (WHERE a.asset_id IS NOT NULL), []) AS products_en
        FROM {districts} d LEFT JOIN a ON a.district_id = d.district_id
        WHERE d.province = $province
        GROUP BY d.district_id, d.name_vi, d.name_en ORDER BY n_assets DESC, d.district_id""",
    "ip.ip_assets": """
        SELECT x.asset_id, x.ip_type, x.status, x.product_vi, x.product_en, x.place_vi, x.scope,
               list(r.district_id ORDER BY r.district_id) FILTER (WHERE r.district_id IS NOT NULL) AS district_ids,
               list(DISTINCT r.commune_vi ORDER BY r.commune_vi) FILTER (WHERE r.commune_vi IS NOT NULL) AS communes_vi,
               list(DISTINCT r.basis ORDER BY r.basis) FILTER (WHERE r.basis IS NOT NULL) AS district_basis,
               x.section, x.source_quote, x.cite_id
        FROM {ip_assets} x LEFT JOIN {ip_asset_areas} r ON r.asset_id = x.asset_id
        WHERE x.province = $province AND list_contains($ip_types, x.ip_type) AND list_contains($statuses, x.status)
          AND ($scope IS NULL OR x.scope = $scope)
        GROUP BY x.asset_id, x.ip_type, x.status, x.product_vi, x.product_en, x.place_vi, x.scope, x.section,
                 x.source_quote, x.cite_id
        HAVING $district_id IS NULL OR list_contains(list(r.district_id), $district_id)
        ORDER BY CASE ip_type WHEN 'geographical_indication' THEN 0 WHEN 'certification_mark' THEN 1 ELSE 2 END,
                 status DESC, product_vi, asset_id""",
    "ip.research_by_district": """
        SELECT d.district_id, h.highlight_id, h.field_code, h.subject_vi, h.subject_en, h.title_vi, h.title_en,
               d.place_vi, d.basis, h.section, h.source_quote, h.cite_id
        FROM {research_highlight_districts} d JOIN {research_highlights} h ON h.highlight_id = d.highlight_id
        WHERE h.province = $province AND ($district_id IS NULL OR d.district_id = $district_id)
        ORDER BY d.district_id, h.highlight_id""",
    "ip.research_count_by_district": """
        SELECT d.district_id, count(h.highlight_id) AS n_highlights
        FROM {districts} d LEFT JOIN {research_highlight_districts} r ON r.district_id = d.district_id
        LEFT JOIN {research_highlights} h ON h.highlight_id = r.highlight_id AND h.province = d.province
        WHERE d.province = $province GROUP BY d.district_id ORDER BY d.district_id""",
    "ip.ip_totals": """
        WITH g AS (SELECT ip_type, status, stated_group, count(*) AS n,
                          list(DISTINCT cite_id ORDER BY cite_id) AS cites
                   FROM {ip_assets} WHERE province = $province GROUP BY ip_type, status, stated_group)
        SELECT ip_type, status, sum(n)::INTEGER AS n_assets, list(n ORDER BY n DESC) AS parts,
               list_sort(list_distinct(flatten(list(cites)))) AS cite_ids
        FROM g GROUP BY ip_type, status
        ORDER BY status DESC,
                 CASE ip_type WHEN 'geographical_indication' THEN 0 WHEN 'certification_mark' THEN 1 ELSE 2 END,
                 ip_type""",
    # --- plan ---------------------------------------------------------------------------------------
    "plan.research_fields": """
        SELECT f.field_code, f.seq, f.name_vi, f.name_en, count(d.direction_id) AS n_directions,
               f.section, f.source_quote, f.cite_id
        FROM {plan_fields} f LEFT JOIN {plan_directions} d
          ON d.field_code = f.field_code AND d.province = f.province AND d.period = f.period
        WHERE f.province = $province AND f.period = $period
        GROUP BY ALL ORDER BY f.seq, f.field_code""",
    "plan.research_directions": """
        SELECT direction_id, field_code, seq, text_vi, text_en, section, source_quote, cite_id
        FROM {plan_directions}
        WHERE province = $province AND period = $period AND ($field_code IS NULL OR field_code = $field_code)
        ORDER BY field_code, seq, direction_id""",
    "plan.activity_areas": """
        SELECT a.area_code, a.seq, a.name_vi, a.name_en, count(x.action_id) AS n_actions,
               a.section, a.source_quote, a.cite_id
        FROM {activity_areas} a LEFT JOIN {activity_actions} x
          ON x.area_code = a.area_code AND x.province = a.province AND x.period = a.period
        WHERE a.province = $province AND a.period = $period
        GROUP BY ALL ORDER BY a.seq, a.area_code""",
    "plan.activity_actions": """
        SELECT x.action_id, x.area_code, x.seq, x.text_vi, x.text_en, x.section, x.source_quote, x.cite_id
        FROM {activity_actions} x JOIN {activity_areas} a
          ON a.area_code = x.area_code AND a.province = x.province AND a.period = x.period
        WHERE x.province = $province AND x.period = $period AND ($area_code IS NULL OR x.area_code = $area_code)
        ORDER BY a.seq, a.area_code, x.seq, x.action_id""",
    # --- review -------------------------------------------------------------------------------------
    "review.tasks_by_field": """
        SELECT field_code, task_count, round(100 * task_count / sum(task_count) OVER (), 1) AS share_pct,
               section, source_quote, cite_id
        FROM {tasks_by_field} WHERE province = $province AND period = $period
        ORDER BY task_count DESC, field_code""",
    "review.indicator": """
        SELECT value, unit, qualifier, section, source_quote, cite_id FROM {indicators}
        WHERE province = $province AND period = $period AND metric = $metric ORDER BY indicator_id""",
    "review.ministry_tasks": """
        SELECT task_id, seq, title_vi, title_en, field_code, section, source_quote, cite_id
        FROM {ministry_tasks} WHERE province = $province AND period = $period ORDER BY seq, task_id""",
    "review.research_highlights": """
        SELECT h.highlight_id, h.field_code, h.subject_vi, h.subject_en, h.title_vi, h.title_en, h.status,
               list(d.district_id ORDER BY d.district_id) FILTER (WHERE d.district_id IS NOT NULL) AS district_ids,
               h.section, h.source_quote, h.cite_id
        FROM {research_highlights} h LEFT JOIN {research_highlight_districts} d ON d.highlight_id = h.highlight_id
        WHERE h.province = $province AND h.period = $period AND ($field_code IS NULL OR h.field_code = $field_code)
        GROUP BY ALL ORDER BY h.highlight_id""",
    "review.ip_counts_by_type": """
        SELECT ip_type, status, count(*) AS n_assets, list(DISTINCT cite_id ORDER BY cite_id) AS cite_ids
        FROM {ip_assets} WHERE province = $province AND period = $period
        GROUP BY ip_type, status ORDER BY status DESC, n_assets DESC, ip_type""",
    "review.organisations": """
        SELECT org_id, name_vi, name_en, short_vi, short_en, founded_year, parent_vi, formed_from_vi,
               section, source_quote, cite_id, founded_quote, founded_cite_id
        FROM {organisations} WHERE province = $province ORDER BY founded_year, org_id""",
    "review.legal_instruments": """
        SELECT i.instrument_id, i.number, i.kind_code, i.issuer_code, i.issuer_vi, i.issued_on, i.year,
               i.subject_vi, i.subject_en, 1 + count(m.instrument_id) AS n_citations,
               list_concat([i.section], coalesce(list(m.section ORDER BY m.section)
                                                 FILTER (WHERE m.section IS NOT NULL), [])) AS sections,
               i.section, i.source_quote, i.cite_id
        FROM {legal_instruments} i LEFT JOIN {legal_mentions} m ON m.instrument_id = i.instrument_id
        WHERE i.province = $province
        GROUP BY i.instrument_id, i.number, i.kind_code, i.issuer_code, i.issuer_vi, i.issued_on, i.year,
                 i.subject_vi, i.subject_en, i.section, i.source_quote, i.cite_id
        ORDER BY i.year NULLS LAST, i.issued_on NULLS LAST, i.instrument_id""",
    "review.instruments_by_kind": """
        SELECT kind_code, count(*) AS n_instruments, list(cite_id ORDER BY instrument_id) AS cite_ids
        FROM {legal_instruments} WHERE province = $province
        GROUP BY kind_code ORDER BY n_instruments DESC, kind_code""",
    "review.limitations": """
        SELECT limitation_id, seq, text_vi, text_en, section, source_quote, cite_id
        FROM {limitations} WHERE province = $province AND period = $period ORDER BY seq, limitation_id""",
    "review.recommendations": """
        SELECT recommendation_id, seq, addressee_vi, text_vi, text_en, section, source_quote, cite_id
        FROM {recommendations} WHERE province = $province AND period = $period
        ORDER BY seq, recommendation_id""",
    "review.tasks_total": """
        SELECT coalesce(sum(task_count), 0)::INTEGER AS n_tasks, count(*)::INTEGER AS n_fields,
               coalesce(list(cite_id ORDER BY task_count DESC, field_code), []) AS cite_ids
        FROM {tasks_by_field} WHERE province = $province AND period = $period""",
    "review.ip_totals_by_status": """
        SELECT status, count(*) AS n_assets, count(DISTINCT ip_type) AS n_types,
               list(DISTINCT cite_id ORDER BY cite_id) AS cite_ids
        FROM {ip_assets} WHERE province = $province AND period = $period
        GROUP BY status ORDER BY status DESC""",
    # --- sources ------------------------------------------------------------------------------------
    "sources.sections": """
        SELECT section_id, parent_id, ordinal, level, heading_vi, title_en FROM {sections}
        ORDER BY ordinal, section_id""",
    "sources.section_text": """
        SELECT section_id, heading_vi, title_en, body_vi, level, parent_id FROM {sections}
        WHERE section_id = $section_id""",
    "sources.citation": """
        SELECT cite_id, section, quote_vi FROM {citations} WHERE cite_id = $cite_id""",
    "sources.citations": """
        SELECT c.cite_id, c.section, c.quote_vi, s.title_en, s.heading_vi
        FROM {citations} c JOIN {sections} s ON s.section_id = c.section
        WHERE list_contains($cite_ids, c.cite_id) ORDER BY c.start_offset, c.cite_id""",
    "sources.search": """
        SELECT section_id, heading_vi, title_en,
               (length(lower(t)) - length(replace(lower(t), lower($term), ''))) // greatest(length($term), 1) AS n_hits,
               substr(t, greatest(1, strpos(lower(t), lower($term)) - 60), 160) AS snippet
        FROM (SELECT *, heading_vi || ' ' || body_vi AS t FROM {sections})
        WHERE length($term) > 0 AND contains(lower(t), lower($term)) ORDER BY ordinal, section_id""",
    "sources.document_facts": """
        SELECT fact, value_vi, value_en, section, source_quote, cite_id FROM {document_facts}
        WHERE doc_id = $doc_id
        ORDER BY list_position(['number', 'issuer', 'place', 'issued_on', 'title', 'basis', 'signer_title', 'signer'],
                               fact), fact""",
    "sources.recipients": """
        SELECT seq, recipient_vi, recipient_en, section, source_quote, cite_id
        FROM {document_recipients} WHERE doc_id = $doc_id ORDER BY seq""",
    "sources.section_subtree": """
        WITH RECURSIVE tree(section_id) AS (
            SELECT section_id FROM {sections} WHERE $section_id IS NULL OR section_id = $section_id
            UNION
            SELECT s.section_id FROM {sections} s JOIN tree t ON s.parent_id = t.section_id)
        SELECT s.section_id, s.parent_id, s.level, s.heading_vi, s.title_en, s.body_vi
        FROM {sections} s WHERE s.section_id IN (SELECT section_id FROM tree)
        ORDER BY s.ordinal, s.section_id""",
    # --- scenarios ----------------------------------------------------------------------------------
    "scenarios.baseline_lines": """
        WITH plan AS (
            SELECT b.budget_line_id, b.funding_kind, b.project_id, b.amount_mvnd, b.project_status, b.funder,
                   b.cite_id, p.short_vi, p.short_en, p.name_vi, p.name_en
            FROM {budget_lines} b LEFT JOIN {projects} p ON p.project_id = b.project_id
            WHERE b.province = $province AND b.period = $year AND b.basis = 'plan'),
        earlier AS (
            SELECT project_id, sum(amount_mvnd) AS allocated, list(cite_id ORDER BY budget_line_id) AS cites
            FROM {budget_lines}
            WHERE province = $province AND basis = 'allocated' AND period_end < CAST($year AS INTEGER)
              AND project_id IS NOT NULL
            GROUP BY project_id),
        infra AS (
            SELECT i.project_id, i.approved_total_mvnd, i.status, i.cite_id, i.status_cite_id,
                   coalesce(e.allocated, 0) AS allocated, coalesce(e.cites, []) AS cites
            FROM {infrastructure_projects} i LEFT JOIN earlier e ON e.project_id = i.project_id
            WHERE i.province = $province)
        SELECT p.budget_line_id AS line_id, false AS is_candidate, p.funding_kind, p.project_id,
               p.short_vi, p.short_en, p.name_vi, p.name_en, p.amount_mvnd AS plan_mvnd,
               p.project_status, p.funder, i.approved_total_mvnd,
               CASE WHEN i.project_id IS NOT NULL THEN i.allocated END AS allocated_before_mvnd,
               i.approved_total_mvnd - i.allocated AS cap_mvnd, i.status AS infra_status, p.cite_id,
               CASE WHEN i.project_id IS NOT NULL THEN list_concat([i.cite_id], i.cites) END AS cap_cite_ids,
               i.status_cite_id
        FROM plan p LEFT JOIN infra i ON i.project_id = p.project_id
        UNION ALL
        SELECT 'candidate-' || i.project_id, true, 'investment', i.project_id, pr.short_vi, pr.short_en,
               pr.name_vi, pr.name_en, 0, NULL, NULL, i.approved_total_mvnd, i.allocated,
               i.approved_total_mvnd - i.allocated, i.status, NULL, list_concat([i.cite_id], i.cites),
               i.status_cite_id
        FROM infra i JOIN {projects} pr ON pr.project_id = i.project_id
        WHERE i.status = 'halted'
          AND i.project_id NOT IN (SELECT project_id FROM plan WHERE project_id IS NOT NULL)""",
    "scenarios.rule_sources": """
        SELECT metric, stated_value AS value, cite_id FROM {document_totals}
        WHERE province = $province AND period = $year AND basis = 'plan' AND section = 'B.II'
          AND metric IN ('budget_total_mvnd', 'recurrent_mvnd', 'investment_mvnd')
        UNION ALL
        (SELECT metric, value, cite_id FROM {indicators}
         WHERE province = $province AND metric = 'st_budget_floor_pct_of_local_budget'
         ORDER BY period DESC, indicator_id LIMIT 1)""",
    "scenarios.split_codes": """
        SELECT 'field' AS kind, field_code AS code, seq::INTEGER AS seq FROM {plan_fields}
        WHERE province = $province AND period = $year
        UNION ALL
        SELECT 'area', area_code, seq FROM {activity_areas} WHERE province = $province AND period = $year
        ORDER BY kind, seq, code""",
}

# Results that are not one row or one table are flattened before they are compared with the
# hand-written query's rows: name -> function(result) -> list of dicts.
FLATTEN = {
    "scenarios.rule_sources": lambda r: [
        {"metric": m, "value": v["value"], "cite_id": v["cite_id"]}
        for m, v in zip(("budget_total_mvnd", "recurrent_mvnd", "investment_mvnd",
                         "st_budget_floor_pct_of_local_budget"),
                        (r["total"], r["recurrent"], r["investment"], r["floor"])) if v],
    "scenarios.split_codes": lambda r: [{"kind": k, "code": c} for k in ("field", "area") for c in r[k]],
}

# Calls used when no page has called a function yet (and by the smoke test): name -> kwargs.
DEFAULT_CALLS: dict[str, dict] = {
    "budget.stated_total": {"metric": "budget_total_mvnd", "period": "2021"},
    "budget.budget_sum_exact": {"period": "2021", "basis": "plan"},
    "budget.budget_lines": {"period": "2021"},
    "budget.investment_by_project": {"period": "2021"},
    "review.indicator": {"metric": "st_enterprise_count", "period": "2016-2020"},
    "sources.section_text": {"section_id": "B.II"},
    "sources.citation": {"cite_id": "f4527797ee"},
    "sources.citations": {"cite_ids": ("f4527797ee", "636d94bc23", "5984c53999")},
    "sources.search": {"term": "kinh phí"},
}
