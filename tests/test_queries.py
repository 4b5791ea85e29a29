"""Every query function against figures the document states (with their sections)."""
from __future__ import annotations

import threading
from decimal import Decimal

import numpy as np
import pandas as pd
import pyarrow.parquet as pq
import pytest

from khcn_dash import documents
from khcn_dash.queries import budget, ip, plan, review, sources


def test_budget_total_matches_section_B_II():
    total = budget.stated_total("budget_total_mvnd", "2021")
    assert total["value"] == Decimal("66769.9") and total["section"] == "B.II"
    assert "66.769,9" in total["source_quote"]


def test_the_2021_lines_add_up_exactly_to_the_stated_total():
    assert budget.budget_sum_exact("2021", "plan") == budget.stated_total("budget_total_mvnd", "2021")["value"]
    assert budget.budget_sum_exact("2016-2020", "allocated") == Decimal("21474")


def test_budget_split_is_recurrent_plus_investment():
    split = budget.budget_split().set_index("funding_kind")
    assert split.loc["recurrent", "amount_mvnd"] == pytest.approx(33427.9)
    assert split.loc["investment", "amount_mvnd"] == pytest.approx(33342)
    assert split.loc["investment", "n_lines"] == 3
    assert split["share_pct"].sum() == pytest.approx(100, abs=0.1)


def test_budget_tree_levels_reconcile():
    tree = budget.budget_tree()
    root = tree[tree.level == 0].amount_mvnd.item()
    assert root == pytest.approx(66769.9)
    assert tree[tree.level == 1].amount_mvnd.sum() == pytest.approx(root)
    projects = tree[tree.level == 2]
    assert sorted(projects.amount_mvnd) == [8342, 10000, 15000]
    assert set(projects.parent_id) == {"investment"}


def test_budget_lines_carry_status_funder_and_citation():
    lines = budget.budget_lines("2021").set_index("project_id", drop=False)
    eq = lines.loc["radiation-station-equipment"]
    assert (eq.funder, eq.project_status, eq.amount_mvnd) == ("ministry", "new", 15000)
    assert lines.loc["construction-qa"].project_status == "continuing"
    assert all(lines.section.isin(["A.II.8", "B.II"])) and lines.cite_id.notna().all()


@pytest.mark.parametrize("period,expected", [
    ("2016-2020", {"tdc-equipment": 3036, "construction-qa": 13000, "radiation-station": 5100,
                   "experimental-farm": 213, "lab-upgrade": 125}),
    ("2021", {"construction-qa": 8342, "lab-upgrade": 10000, "radiation-station-equipment": 15000}),
])
def test_investment_by_project_matches_section_A_II_8(period, expected):
    df = budget.investment_by_project(period)
    assert dict(zip(df.project_id, df.amount_mvnd)) == expected


def test_investment_across_periods_keeps_the_bases_apart():
    df = budget.investment_across_periods()
    assert set(zip(df.period, df.basis)) == {("2016-2020", "allocated"), ("2021", "plan")}
    assert len(df) == 8


def test_infrastructure_status_matches_section_A_II_2_3():
    df = budget.infrastructure_status().set_index("project_id")
    assert df.loc["experimental-farm", ["approved_total_mvnd", "allocated_review_mvnd", "remaining_mvnd"]].tolist() \
        == [45936, 213, 45723]
    assert df.loc["lab-upgrade", "planned_plan_mvnd"] == 10000
    assert df.loc["radiation-station", "status"] == "awaiting_equipment"
    assert (df.status == "halted").sum() == 2


def test_tasks_by_field_match_section_A_II_1_3():
    df = review.tasks_by_field()
    assert dict(zip(df.field_code, df.task_count)) == {
        "agriculture": 45, "social_humanities": 23, "medicine_pharmacy": 8, "engineering_technology": 14}
    assert df.task_count.sum() == 90


def test_indicators():
    assert review.indicator("st_enterprise_count", "2016-2020")["value"] == 5
    planned = review.indicator("planned_task_count", "2021")
    assert (planned["value"], planned["qualifier"]) == (40, "approx")
    assert review.indicator("st_budget_floor_pct_of_local_budget", "2016-2020")["qualifier"] == "minimum"
    assert review.indicator("no_such_metric", "2021") is None


def test_ip_counts_match_the_document():
    df = review.ip_counts_by_type()
    counts = {(r.ip_type, r.status): r.n_assets for r in df.itertuples()}
    assert counts == {("geographical_indication", "protected"): 2, ("certification_mark", "protected"): 1,
                      ("collective_trademark", "protected"): 21, ("collective_trademark", "in_progress"): 2}


def test_ministry_tasks_organisations_and_lists():
    assert review.ministry_tasks().title_vi.str.contains("Bảy lá một hoa").sum() == 1
    org = review.organisations()
    assert len(org) == 1 and org.founded_year.item() == 2018
    assert len(review.research_highlights()) == 44
    assert set(review.research_highlights("medicine_pharmacy").field_code) == {"medicine_pharmacy"}
    assert len(review.limitations()) == 15
    assert len(review.recommendations()) == 5


def test_legal_instruments_timeline():
    df = review.legal_instruments()
    assert len(df) == 49
    row = df.set_index("number").loc["104/QĐ-TTg"]
    assert row.n_citations == 3 and list(row.sections) == ["A.I.2.3", "A.II.4", "B.I.5"]
    dated = df[df.issued_on.notna()]
    assert list(dated.issued_on) == sorted(dated.issued_on)
    assert review.instruments_by_kind().n_instruments.sum() == 49


def test_plan_fields_directions_and_areas():
    fields = plan.research_fields()
    assert list(fields.field_code) == ["agriculture", "engineering_technology", "social_humanities", "medicine_pharmacy"]
    assert fields.n_directions.tolist() == [4, 5, 5, 3]
    assert len(plan.research_directions("social_humanities")) == 5
    areas = plan.activity_areas()
    assert len(areas) == 11 and (areas.n_actions > 0).all()
    assert set(plan.activity_actions("inspection").area_code) == {"inspection"}


def test_ip_by_district():
    counts = ip.ip_count_by_district().set_index("district_id")
    assert len(counts) == 11
    assert counts.loc["chi-lang", "n_assets"] == 4  # Na Chi Lăng, Cao khô Vạn Linh, Ngựa Bạch, rau Bò khai
    assert counts.loc["cao-loc", "n_assets"] == 5  # Hồng Bảo Lâm, rau Tân Liên, rau Gia Cát, 2 Mẫu Sơn products
    only_gi = ip.ip_count_by_district(("geographical_indication",), ("protected",)).set_index("district_id")
    assert only_gi.n_assets.sum() == 1  # Hồng Bảo Lâm; Hồi Lạng Sơn is province-wide, in no district
    province_wide = ip.ip_assets(scope="province")
    assert province_wide.asset_id.tolist() == ["gi-hoi-lang-son"]
    in_progress = ip.ip_assets(statuses=("in_progress",))
    assert sorted(in_progress.product_vi) == ["Thanh Long Bình Gia", "Trám đen Văn Quan"]
    mau_son = ip.ip_assets(district_id="loc-binh")
    assert "ct-ruou-mau-son" in set(mau_son.asset_id)
    assert ip.ip_assets(district_id="no-such-district").empty


def test_research_by_district():
    huu_lung = ip.research_by_district("huu-lung")
    assert len(huu_lung) >= 6 and set(huu_lung.district_id) == {"huu-lung"}
    assert ip.research_count_by_district().n_highlights.sum() == len(ip.research_by_district())


def test_sources_sections_citations_and_search():
    secs = sources.sections()
    assert secs.section_id.iloc[0] == "header" and "A.II.8" in set(secs.section_id)
    body = sources.section_text("B.II")["body_vi"]
    assert body.startswith("Tổng kinh phí dự kiến là 66.769,9 triệu đồng")
    assert sources.section_text("../../etc/passwd") is None
    cite = sources.citation(budget.stated_total("budget_total_mvnd", "2021")["cite_id"])
    assert cite["section"] == "B.II" and cite["quote_vi"] in body
    hits = sources.search("66.769,9")
    assert hits.section_id.tolist() == ["B.II"]
    assert sources.search("'; DROP TABLE sections; --").empty
    assert sources.search("2%").section_id.tolist() == ["A.II.10"]  # literal, not a LIKE pattern
    assert sources.search("_").empty
    assert not sources.search("MẪU SƠN").empty  # case-insensitive


def test_document_facts_and_recipients():
    facts = dict(zip(sources.document_facts().fact, sources.document_facts().value_vi))
    assert facts["number"] == "100/KH-UBND" and facts["issued_on"] == "2020-06-12"
    assert facts["signer"] == "Nguyễn Long Hải"
    assert sources.recipients().recipient_vi.iloc[0] == "Bộ Khoa học và Công nghệ"


def test_queries_are_safe_from_many_threads():
    errors, results = [], []

    def work():
        try:
            for _ in range(20):
                results.append(budget.budget_sum_exact("2021", "plan"))
                review.tasks_by_field.uncached()
        except Exception as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(8)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert errors == [] and set(results) == {Decimal("66769.9")}


# --- one answer per question: no run-to-run or row-order dependence -------------------------------

def _plain(value):
    """A query's answer as plain, comparable Python: lists (numpy arrays) kept in order, NaN as None."""
    if isinstance(value, pd.DataFrame):
        return list(value.columns), [tuple(_plain(v) for v in row) for row in value.itertuples(index=False)]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if hasattr(value, "tolist") and not isinstance(value, (str, bytes)):
        value = value.tolist()
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and np.isnan(value)):
        return None
    return value


@pytest.fixture(scope="module")
def row_orders(tmp_path_factory):
    """The synthetic Parquet of the benchmark (two documents per province, so equal names, amounts
    and positions recur: ties), as written and with every table's rows reversed and shuffled."""
    from bench import synth
    root = tmp_path_factory.mktemp("row_orders")
    base = root / "as_written"
    synth.generate(base, provinces=2, years=2, budget_lines=80)
    rng = np.random.default_rng(15)
    perms = {"reversed": lambda n: np.arange(n)[::-1], "shuffled": rng.permutation}
    folders = {"as_written": base}
    for label, perm in perms.items():
        folders[label] = root / label
        folders[label].mkdir()
        for path in sorted(base.glob("*.parquet")):
            table = pq.read_table(path)
            pq.write_table(table.take(perm(table.num_rows)), folders[label] / path.name, row_group_size=64)
    return folders


def test_every_query_gives_the_same_answer_every_run_whatever_the_row_order(row_orders):
    """Rows and list cells in a defined order: the same answer 5 times in a row, and from the same
    data stored in another row order (ties in ORDER BY, list(DISTINCT …) and unordered list() show up
    as a different answer)."""
    from bench import queries as bench_queries
    funcs = bench_queries.query_functions()
    calls = bench_queries.default_calls()
    # every citation of the document (several start at the same character), and one district's assets
    cite_ids = pq.read_table(documents.default().parquet_dir / "citations.parquet", columns=["cite_id"]).column(0)
    calls += [("sources.citations", {"cite_ids": tuple(sorted(cite_ids.to_pylist()))}),
              ("ip.ip_assets", bench_queries.bind(funcs["ip.ip_assets"], {"district_id": "loc-binh"}))]
    answers: list[list] = [[] for _ in calls]
    for label, folder in row_orders.items():
        with bench_queries.parquet_dir(folder):
            for (name, args), seen in zip(calls, answers):
                func = getattr(funcs[name], "uncached", funcs[name])  # no Streamlit cache
                seen += [_plain(func(**args)) for _ in range(5 if label == "as_written" else 1)]
    assert len(calls) >= 40
    differing = [f"{name}({args})"[:200] for (name, args), seen in zip(calls, answers)
                 if any(a != seen[0] for a in seen)]
    assert differing == [], "answers differ between runs or row orders:\n" + "\n".join(differing)
