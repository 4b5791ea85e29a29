"""The fictional test packages of tests/fixtures/packages/ (province "Sơn Thủy", plans 2022 and 2023):
each passes `python -m khcn_dash.packages check` (validation.check_path, what the command calls), says
it is fictional, and builds into the rows its document states; from one year to the next the figures
change (for tests of year-over-year comparison)."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from khcn_dash import build
from khcn_dash.packages import descriptor
from khcn_dash.packages.validation import check_path

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "packages"
# package -> (budget_lines rows, tasks_by_field rows)
EXPECTED_ROWS = {"son-thuy-2022": (3, 3), "son-thuy-2023": (3, 4)}


def _build(tmp_path: Path) -> dict[str, tuple[dict[str, int], Path]]:
    """Each fixture built: (row counts, its Parquet folder)."""
    out = {}
    for name in EXPECTED_ROWS:
        out[name] = build.build(FIXTURES / name, tmp_path / name), tmp_path / name
    return out


def _table(built, name: str, table: str) -> list[dict]:
    return pq.read_table(built[name][1] / f"{table}.parquet").to_pylist()


@pytest.mark.parametrize("name", EXPECTED_ROWS)
def test_the_fixture_passes_the_package_check(name):
    report = check_path(FIXTURES / name)
    assert report.valid, report.render("en")
    assert report.problems == []
    assert report.identity.package_id == name


@pytest.mark.parametrize("name", EXPECTED_ROWS)
def test_the_fixture_says_it_is_fictional(name):
    desc = descriptor.read(FIXTURES / name)
    assert desc["khcn"]["fictional"] is True
    assert "fictional test data, not a real document" in desc["title"]
    assert "not a real document" in desc["description"].lower()
    who = descriptor.identity(FIXTURES / name)
    assert (who.province_id, who.province_vi, who.province_en) == ("son-thuy", "Sơn Thủy", "Son Thuy")
    assert who.fictional
    assert "HƯ CẤU" in (FIXTURES / name / "document.txt").read_text(encoding="utf-8")
    assert desc["resources"] == descriptor.resources(FIXTURES / name)  # in step with the schema


def test_the_fixtures_build_into_the_rows_their_documents_state_and_differ_year_to_year(tmp_path):
    """One test builds both (a build takes a second or so; under xdist, tests may run in other workers)."""
    built = _build(tmp_path)
    for name, (n_lines, n_tasks) in EXPECTED_ROWS.items():
        counts = built[name][0]
        assert (counts["budget_lines"], counts["tasks_by_field"]) == (n_lines, n_tasks), name
        assert counts["districts"] == 3
        for empty in ("organisations", "ministry_tasks", "research_highlights", "research_highlight_districts",
                      "infrastructure_projects", "legal_mentions"):
            assert counts[empty] == 0, (name, empty)

    def totals(name):
        return {r["metric"]: r["stated_value"] for r in _table(built, name, "document_totals") if r["basis"] == "plan"}

    def projects(name):
        return {r["project_id"]: (r["amount_mvnd"], r["project_status"])
                for r in _table(built, name, "budget_lines") if r["funding_kind"] == "investment"}

    def tasks(name):
        return {r["field_code"]: r["task_count"] for r in _table(built, name, "tasks_by_field")}

    before, after = totals("son-thuy-2022"), totals("son-thuy-2023")
    assert (before["budget_total_mvnd"], before["recurrent_mvnd"], before["investment_mvnd"]) == \
        (Decimal("21450.5"), Decimal("12450.5"), Decimal("9000"))
    assert (after["budget_total_mvnd"], after["recurrent_mvnd"], after["investment_mvnd"]) == \
        (Decimal("25320.5"), Decimal("13820.5"), Decimal("11500"))
    assert projects("son-thuy-2022") == {"lab-upgrade": (Decimal("6000"), "continuing"),
                                         "st-database": (Decimal("3000"), "new")}
    assert projects("son-thuy-2023") == {"lab-upgrade": (Decimal("4500"), "continuing"),
                                         "seedling-nursery": (Decimal("7000"), "new")}
    assert tasks("son-thuy-2022") == {"agriculture": 14, "engineering_technology": 9, "social_humanities": 7}
    assert tasks("son-thuy-2023") == {"agriculture": 15, "engineering_technology": 10, "social_humanities": 6,
                                      "medicine_pharmacy": 3}
    areas = {name: sorted((r["asset_id"], r["district_id"]) for r in _table(built, name, "ip_asset_areas"))
             for name in EXPECTED_ROWS}
    assert areas["son-thuy-2022"] == [("cm-buoi-ha-hoa", "ha-hoa"), ("gi-che-thuong-lam", "thuong-lam")]
    assert areas["son-thuy-2023"] == [("cm-buoi-ha-hoa", "ha-hoa"), ("ct-gao-nep-ha-hoa", "ha-hoa"),
                                      ("gi-che-thuong-lam", "thuong-lam")]
