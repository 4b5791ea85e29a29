"""The build's checks: each is a query (or, for figures inside quotes, a small function) that returns
the rows that break it; an empty result means it passed (in the spirit of dbt tests). build.py runs
them all on the typed tables before anything is written.
"""
from __future__ import annotations

import decimal

import duckdb
import pyarrow as pa

from . import document, schema


def _generated_checks() -> dict[str, str]:
    checks: dict[str, str] = {}
    for t in schema.TABLES.values():
        keys = ", ".join(t.key)
        checks[f"{t.name}: ({keys}) is unique"] = (
            f"SELECT {keys}, count(*) AS n FROM {t.name} GROUP BY ALL HAVING count(*) > 1"
        )
        if t.cited:
            for qcol in ("source_quote", *t.extra_quotes):
                cid = "cite_id" if qcol == "source_quote" else qcol.removesuffix("_quote") + "_cite_id"
                checks[f"{t.name}: every {qcol} is found word for word in its section"] = (
                    f"SELECT section, {qcol} FROM {t.name} WHERE {cid} IS NULL AND {qcol} IS NOT NULL"
                )
            checks[f"{t.name}: every section is a heading of the document"] = (
                f"SELECT section FROM {t.name} ANTI JOIN sections ON section = sections.section_id"
            )
        for col, ref_table, ref_col in t.refs:
            checks[f"{t.name}.{col} is in {ref_table}"] = (
                f"SELECT {col} FROM {t.name} WHERE {col} IS NOT NULL "
                f"AND {col} NOT IN (SELECT {ref_col} FROM {ref_table})"
            )
        if "province" in t.column_names:
            checks[f"{t.name}: province is the package's province"] = (
                f"SELECT province FROM {t.name} WHERE province NOT IN (SELECT province FROM package)"
            )
    return checks


RELATIONSHIP_CHECKS = {
    "investment lines name a project, recurrent lines do not":
        "SELECT budget_line_id FROM budget_lines WHERE (funding_kind = 'investment') <> (project_id IS NOT NULL)",
    "plan lines and only plan lines carry a project status":
        "SELECT budget_line_id FROM budget_lines WHERE funding_kind = 'investment' "
        "AND (basis = 'plan') <> (project_status IS NOT NULL)",
    "money is never negative":
        "SELECT budget_line_id, amount_mvnd FROM budget_lines WHERE amount_mvnd < 0",
    "no infrastructure project got more than its approved total":
        "SELECT i.project_id, i.approved_total_mvnd, sum(b.amount_mvnd) AS allocated "
        "FROM infrastructure_projects i JOIN budget_lines b ON b.project_id = i.project_id "
        "AND b.basis = 'allocated' GROUP BY ALL HAVING sum(b.amount_mvnd) > i.approved_total_mvnd",
    "IP scope matches its areas (province: none, district: one, area: several)":
        "SELECT a.asset_id, a.scope, count(r.district_id) AS n FROM ip_assets a "
        "LEFT JOIN ip_asset_areas r USING (asset_id) GROUP BY ALL HAVING NOT ("
        "(a.scope = 'province' AND n = 0) OR (a.scope = 'district' AND n = 1) OR (a.scope = 'area' AND n >= 2))",
    "district ids are those of the GeoJSON":
        "SELECT district_id FROM (SELECT district_id FROM ip_asset_areas UNION ALL "
        "SELECT district_id FROM research_highlight_districts) ANTI JOIN districts USING (district_id)",
    "each district of the GeoJSON has its own id":
        "SELECT district_id, count(*) AS n FROM districts GROUP BY ALL HAVING count(*) > 1",
    "an instrument's issue date agrees with its year":
        "SELECT instrument_id, issued_on, year FROM legal_instruments "
        "WHERE issued_on IS NOT NULL AND year(issued_on) <> year",
    "every activity area has at least one action":
        "SELECT area_code FROM activity_areas ANTI JOIN activity_actions USING (area_code)",
    "every research field of the plan has at least one direction":
        "SELECT field_code FROM plan_fields ANTI JOIN plan_directions USING (field_code)",
    # a section's own text runs from its heading to the next heading of any level (sections.end_offset)
    "review_items: the section is the most specific one holding the quote":
        "SELECT r.item_id, r.section, s.section_id AS holding_section FROM review_items r "
        "JOIN citations c USING (cite_id) "
        "JOIN sections s ON c.start_offset >= s.start_offset AND c.start_offset < s.end_offset "
        "WHERE s.section_id <> r.section",
}

# Detail lines reconcile to what they break down, level by level, within one line.
DETAIL_CHECKS = {
    "detail lines add up to the budget line they break down":
        "SELECT b.budget_line_id, b.amount_mvnd, sum(d.amount_mvnd) AS details FROM budget_lines b "
        "JOIN budget_details d ON d.budget_line_id = b.budget_line_id AND d.parent_detail_id IS NULL "
        "GROUP BY ALL HAVING sum(d.amount_mvnd) <> b.amount_mvnd",
    "detail lines add up to the detail line they break down":
        "SELECT p.detail_id, p.amount_mvnd, sum(d.amount_mvnd) AS parts FROM budget_details p "
        "JOIN budget_details d ON d.parent_detail_id = p.detail_id GROUP BY ALL HAVING sum(d.amount_mvnd) <> p.amount_mvnd",
    "a detail line breaks down the same budget line as its parent, in the same period":
        "SELECT d.detail_id FROM budget_details d JOIN budget_details p ON p.detail_id = d.parent_detail_id "
        "WHERE p.budget_line_id <> d.budget_line_id OR p.period <> d.period",
    "a detail line's period is its budget line's":
        "SELECT d.detail_id FROM budget_details d JOIN budget_lines b USING (budget_line_id) WHERE b.period <> d.period",
    "detail lines are not negative": "SELECT detail_id, amount_mvnd FROM budget_details WHERE amount_mvnd < 0",
}

# What the parts add up to, per stated metric. Compared with document_totals.
COMPUTED_TOTALS = """
    SELECT province, period, basis, 'budget_total_mvnd' AS metric, sum(amount_mvnd) AS value
      FROM budget_lines GROUP BY ALL
    UNION ALL
    SELECT province, period, basis, funding_kind || '_mvnd', sum(amount_mvnd)
      FROM budget_lines GROUP BY ALL
    UNION ALL
    SELECT province, period, basis, 'investment_project_count', count(DISTINCT project_id)
      FROM budget_lines WHERE funding_kind = 'investment' GROUP BY ALL
    UNION ALL
    SELECT province, period, 'actual', 'provincial_task_count', sum(task_count)
      FROM tasks_by_field GROUP BY ALL
    UNION ALL
    SELECT province, period, 'actual', ip_type || '_count', count(*)
      FROM ip_assets WHERE status = 'protected' AND ip_type <> 'collective_trademark' GROUP BY ALL
    UNION ALL
    SELECT province, period, 'actual', 'collective_trademark_count_group_' || split_part(stated_group, '_', 2), count(*)
      FROM ip_assets WHERE ip_type = 'collective_trademark' AND status = 'protected' GROUP BY ALL
    UNION ALL
    SELECT province, period, 'actual', 'ip_in_progress_count', count(*)
      FROM ip_assets WHERE status = 'in_progress' GROUP BY ALL
    UNION ALL
    SELECT province, period, 'actual', 'st_organisation_count', count(*)
      FROM organisations GROUP BY ALL
    UNION ALL
    SELECT province, period, 'actual', 'halted_project_count', count(*)
      FROM infrastructure_projects WHERE status = 'halted' GROUP BY ALL
"""

TOTAL_CHECKS = {
    "every stated total equals the sum of its parts": f"""
        SELECT t.total_id, t.metric, t.stated_value, c.value AS computed
        FROM document_totals t LEFT JOIN ({COMPUTED_TOTALS}) c
          ON c.province = t.province AND c.period = t.period AND c.basis = t.basis AND c.metric = t.metric
        WHERE c.value IS NULL OR c.value <> t.stated_value""",
    "the stated plan total = stated recurrent + stated investment": """
        SELECT tot.province, tot.period, tot.stated_value AS total, r.stated_value AS recurrent,
               i.stated_value AS investment
        FROM document_totals tot
        JOIN document_totals r ON r.province = tot.province AND r.period = tot.period
             AND r.basis = tot.basis AND r.metric = 'recurrent_mvnd'
        JOIN document_totals i ON i.province = tot.province AND i.period = tot.period
             AND i.basis = tot.basis AND i.metric = 'investment_mvnd' AND i.section = tot.section
        WHERE tot.metric = 'budget_total_mvnd' AND tot.stated_value <> r.stated_value + i.stated_value""",
    "every budget total stated is checked (a plan period has a stated total)": """
        SELECT DISTINCT province, period, basis FROM budget_lines
        ANTI JOIN (SELECT * FROM document_totals WHERE metric IN ('budget_total_mvnd', 'investment_mvnd'))
        USING (province, period, basis)""",
}


# Figures that must be written, in some spelling, inside their own quote: (table, column, is money)
FIGURES_IN_QUOTES = [
    ("budget_lines", "amount_mvnd", True),
    ("budget_details", "amount_mvnd", True),
    ("infrastructure_projects", "approved_total_mvnd", True),
    ("document_totals", "stated_value", False),
    ("indicators", "value", False),
    ("tasks_by_field", "task_count", False),
    ("organisations", "founded_year", False),
]


def figures_in_quotes(tables: dict[str, pa.Table]) -> list[str]:
    """Check 'every figure is written in its own quote', so a slip of magnitude or digit fails."""
    failures = []
    for table, column, money in FIGURES_IN_QUOTES:
        rows = tables[table].select([column, "source_quote", "founded_quote"] if table == "organisations"
                                    else [column, "source_quote"]).to_pylist()
        bad = []
        for r in rows:
            quote = r.get("founded_quote") or r["source_quote"]
            value = r[column]
            if value is None or value == 0:
                continue  # a zero is stated in words ("chưa có ... nào")
            if not document.figure_in_quote(decimal.Decimal(value), quote, money):
                bad.append((value, quote[:60]))
        if bad:
            failures.append(f"check '{table}.{column}: every figure is written in its own quote' failed: {bad[:5]}")
    return failures


def run_checks(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Runs every check; returns messages for the failed ones (empty when all pass)."""
    failures = []
    all_checks = {**_generated_checks(), **RELATIONSHIP_CHECKS, **DETAIL_CHECKS, **TOTAL_CHECKS}
    for name, sql in all_checks.items():
        rows = con.execute(sql).fetchall()
        if rows:
            shown = "; ".join(repr(r) for r in rows[:10])
            failures.append(f"check {name!r} failed for {len(rows)} row(s): {shown}")
    for t in schema.TABLES.values():
        for col in t.columns:
            if col.accepted is None:
                continue
            # typing already refused these; kept as a query so a hand-edited Parquet is caught too
            bad = con.execute(
                f"SELECT {col.name} FROM {t.name} WHERE {col.name} IS NOT NULL "
                f"AND NOT list_contains($ok, {col.name})", {"ok": list(col.accepted)}
            ).fetchall()
            if bad:
                failures.append(f"check '{t.name}.{col.name} has accepted values' failed: {bad[:5]}")
    return failures


# ---------------------------------------------------------------------------------------------
# Every value a row states is in its quote (issue #11): a row may claim only what its sentence says.

# The words that carry a code in the document. A row with the code needs the words in its quote (or
# in its own quote for that value, e.g. status_quote); where noted, the words in the quote need the
# code too, so a value cannot be dropped either.
PROJECT_STATUS_WORDS = {"continuing": "chuyển tiếp", "new": "dự án mới"}
HIGHLIGHT_STATUS_WORDS = {"ongoing": "đang triển khai", "completed": "hoàn thành",
                          "awaiting_acceptance": "chuẩn bị nghiệm thu", "pilot": "thí điểm"}
MINISTRY_WORDS = ("Bộ Khoa học và Công nghệ", "Bộ KH&CN")


def _has(quote: str | None, words: str, case: bool = False) -> bool:
    """`words` in `quote`, white space folded; case-blind unless `case` (a name such as 'Bộ KH&CN',
    not the 'tiến bộ KH&CN' of another phrase)."""
    if quote is None or not words:
        return False
    q, w = document.normalise(quote), document.normalise(words)
    return w in q if case else w.lower() in q.lower()


def _date_spellings(iso: str) -> list[str]:
    y, m, d = iso.split("-")
    return [f"{d}/{m}/{y}", f"{int(d)}/{int(m)}/{y}", f"{d}/{int(m)}/{y}", f"{int(d)}/{m}/{y}"]


def _rows(tables: dict[str, pa.Table], name: str) -> list[dict]:
    return tables[name].to_pylist()


def values_in_quotes(tables: dict[str, pa.Table]) -> list[str]:
    """Named checks that every value a row states is written in its own quote: each returns the rows
    (by key) that claim what their sentence does not say."""
    checks: dict[str, list] = {}

    def check(name: str, bad: list) -> None:
        if bad:
            checks[name] = bad

    legal = _rows(tables, "legal_instruments")
    check("legal_instruments: the number is in the quote",
          [r["instrument_id"] for r in legal if r["number"] and not _has(r["source_quote"], r["number"])])
    check("legal_instruments: the issue date is in the quote",
          [r["instrument_id"] for r in legal if r["issued_on"]
           and not any(_has(r["source_quote"], s) for s in _date_spellings(str(r["issued_on"])))])
    check("legal_instruments: the subject is in the quote",
          [r["instrument_id"] for r in legal if r["subject_vi"] and not _has(r["source_quote"], r["subject_vi"])])

    lines = _rows(tables, "budget_lines")
    check("budget_lines: the project status is in the quote",
          [r["budget_line_id"] for r in lines if r["project_status"]
           and not _has(r["source_quote"], PROJECT_STATUS_WORDS[r["project_status"]])])
    check("budget_lines: a quote that says 'dự án mới' or 'chuyển tiếp' carries that status",
          [r["budget_line_id"] for r in lines if r["basis"] == "plan" and r["project_id"]
           and any(_has(r["source_quote"], w) for w in PROJECT_STATUS_WORDS.values())
           and not (r["project_status"] and _has(r["source_quote"], PROJECT_STATUS_WORDS[r["project_status"]]))])
    check("budget_lines: the Ministry is the funder exactly when the quote names it",
          [r["budget_line_id"] for r in lines
           if (r["funder"] == "ministry") != any(_has(r["source_quote"], w, case=True) for w in MINISTRY_WORDS)])

    indicators = _rows(tables, "indicators")
    check("indicators: 'khoảng' (about) is in the quote exactly when the value is approximate",
          [r["indicator_id"] for r in indicators
           if (r["qualifier"] == "approx") != _has(r["source_quote"], "khoảng")])

    for table, key, col in (("ministry_tasks", "task_id", "title_vi"), ("research_highlights", "highlight_id", "title_vi"),
                            ("projects", "project_id", "name_vi")):
        check(f"{table}: the {col.removesuffix('_vi')} is written as in the quote",
              [r[key] for r in _rows(tables, table) if not _has(r["source_quote"], r[col])])

    highlights = _rows(tables, "research_highlights")
    check("research_highlights: the subject is in the quote",
          [r["highlight_id"] for r in highlights if not _has(r["source_quote"], r["subject_vi"])])
    check("research_highlights: a status is one the document gives, in the row's quote or its status_quote",
          [r["highlight_id"] for r in highlights if r["status"]
           and not (_has(r["source_quote"], HIGHLIGHT_STATUS_WORDS[r["status"]])
                    or _has(r.get("status_quote"), HIGHLIGHT_STATUS_WORDS[r["status"]]))])

    items = _rows(tables, "review_items")
    check("review_items: the item is written as in the quote",
          [r["item_id"] for r in items if not _has(r["source_quote"], r["text_vi"])])
    check("review_items: every figure is written in the quote, as the document writes it",
          [r["item_id"] for r in items
           if any(not _has(r["source_quote"], f, case=True) for f in figures_of(r["figures"]))])

    names = {r["district_id"]: r["name_vi"] for r in _rows(tables, "districts")}
    quotes = {r["highlight_id"]: r["source_quote"] for r in highlights}
    check("research_highlight_districts: a stated district is named in the quote",
          [(r["highlight_id"], r["district_id"]) for r in _rows(tables, "research_highlight_districts")
           if r["basis"] == "stated" and not _has(quotes.get(r["highlight_id"]), _bare(names.get(r["district_id"], "")))])
    return [f"check {name!r} failed for {len(bad)} row(s): {bad[:10]}" for name, bad in checks.items()]


def figures_of(cell: str | None) -> list[str]:
    """The figures of a `figures` cell (review_items), each as the document writes it."""
    return [f.strip() for f in (cell or "").split(schema.FIGURE_SEPARATOR) if f.strip()]


def _bare(district_name: str) -> str:
    """'Huyện X' -> 'X', 'Thành phố Y' -> 'Y' (how the text names it)."""
    for prefix in ("Huyện ", "huyện ", "Thành phố ", "thành phố "):
        district_name = district_name.removeprefix(prefix)
    return district_name
