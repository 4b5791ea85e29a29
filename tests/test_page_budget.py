"""Budget page: the 2021 total and where it goes, 2016–2020 investment beside 2021 (never added),
in both languages and both units, with the data behind every chart."""
from __future__ import annotations

import io
import json

import pandas as pd
import pytest

from khcn_dash import export
from khcn_dash.charts import budget as charts
from khcn_dash.queries import budget as q
from khcn_dash.summaries import budget as S
from tests.conftest import open_page, open_parts, open_sources


def _metrics(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def _text(at) -> str:
    return "\n".join([m.value for m in at.markdown] + [c.value for c in at.caption] + [i.value for i in at.info])


def _own_text(at) -> str:
    """The page's own sentences: markdown other than the quoted source notes ('**mục B.II** · …“…”')."""
    return "\n".join(m.value for m in at.markdown if not m.value.startswith(("**mục ", "**section ")))


def _charts(at) -> list[dict]:
    return [json.loads(c.proto.spec) for c in at.get("plotly_chart")]


@pytest.fixture(scope="module")
def vi():
    return open_parts(open_page("budget"), "budget_lines_open")  # the lines' table: drawn once opened


@pytest.fixture(scope="module")
def en():
    return open_parts(open_page("budget", lang="en"), "budget_lines_open")


def test_runs_without_exception_in_both_languages(vi, en):
    for at in (vi, en):
        assert not at.exception, [e.message for e in at.exception]
        assert not at.error, [e.value for e in at.error]


def test_vietnamese_figures_in_vietnamese_style(vi):
    metrics = _metrics(vi)
    assert metrics["Tổng dự toán 2021 (triệu đồng)"] == "66.769,9"
    assert metrics["Kinh phí sự nghiệp (triệu đồng)"] == "33.427,9"
    assert metrics["Đầu tư phát triển (triệu đồng)"] == "33.342"
    assert metrics["Đã phân bổ 2016–2020 (triệu đồng)"] == "21.474"
    text = _text(vi)
    for figure in ("66.769,9 triệu đồng", "33.427,9 triệu đồng", "33.342 triệu đồng", "15.000 triệu đồng",
                   "10.000 triệu đồng", "8.342 triệu đồng", "21.474 triệu đồng", "50,1%", "49,9%"):
        assert figure in text, figure
    assert "dự án mới, vốn từ Bộ KH&CN" in text


def test_english_figures_in_english_style(en):
    metrics = _metrics(en)
    assert metrics["Total 2021 budget (million VND)"] == "66,769.9"
    text = _text(en)
    for figure in ("66,769.9 million VND", "33,427.9 million VND", "33,342 million VND", "21,474 million VND",
                   "50.1%"):
        assert figure in text, figure
    assert "66.769,9" not in _own_text(en) and "triệu đồng" not in _own_text(en)


def test_the_page_says_the_document_does_not_split_the_recurrent_block(vi, en):
    assert any("không chia" in i.value and "33.427,9 triệu đồng" in i.value for i in vi.info)
    assert any("single line (33,427.9 million VND)" in i.value for i in en.info)


def test_treemap_drills_total_to_kind_to_project(vi):
    tree = next(c for c in _charts(vi) if c["data"][0]["type"] == "treemap")["data"][0]
    values = dict(zip(tree["ids"], tree["values"]))
    assert values["total"] == pytest.approx(66769.9)
    assert values["recurrent"] == pytest.approx(33427.9) and values["investment"] == pytest.approx(33342)
    projects = [v for i, v in values.items() if i.startswith("2021-") and i != "2021-recurrent"]
    assert sorted(projects) == [8342, 10000, 15000]
    assert dict(zip(tree["ids"], tree["parents"]))["2021-radiation-station-equipment"] == "investment"
    assert tree["branchvalues"] == "total"
    assert "Tổng dự toán 2021" in tree["labels"] and "Kinh phí sự nghiệp KH&CN" in tree["labels"]


def test_investment_bars_keep_the_two_bases_apart_and_never_add_them(vi):
    bars = next(c for c in _charts(vi) if c["data"][0]["type"] == "bar")
    assert bars["layout"]["barmode"] == "group"
    names = [t["name"] for t in bars["data"]]
    assert names == ["Đã phân bổ 2016–2020 (cả 5 năm)", "Dự kiến năm 2021"]
    allocated, planned = (dict(zip(t["y"], t["x"])) for t in bars["data"])
    assert allocated["Kiểm định chất lượng công trình xây dựng"] == 13000
    assert planned["Kiểm định chất lượng công trình xây dựng"] == 8342
    assert sum(allocated.values()) == 21474 and sum(planned.values()) == 33342
    every_number = [x for t in bars["data"] for x in t["x"]]
    assert 21474 + 33342 not in every_number and 13000 + 8342 not in every_number
    assert "54.816" not in _text(vi) and "21.342" not in _text(vi)


def test_unit_switch_changes_every_money_figure_and_the_axes():
    at = open_page("budget")
    at.radio(key="unit").set_value("bvnd").run()
    assert not at.exception
    metrics = _metrics(at)
    assert metrics["Tổng dự toán 2021 (tỷ đồng)"] == "66,7699"
    assert metrics["Đầu tư phát triển (tỷ đồng)"] == "33,342"
    assert not any("triệu đồng" in label for label in metrics)
    text = _text(at)
    assert "66,7699 tỷ đồng" in text and "21,474 tỷ đồng" in text
    assert "triệu đồng" not in _own_text(at)
    tree, bars = sorted(_charts(at), key=lambda c: c["data"][0]["type"], reverse=True)
    assert tree["data"][0]["values"][0] == pytest.approx(66.7699)
    assert [m for _, m in tree["data"][0]["customdata"]][:3] == ["66,7699 tỷ đồng", "33,4279 tỷ đồng", "33,342 tỷ đồng"]
    assert "0,125 tỷ đồng" in bars["data"][0]["text"]  # 125 triệu đồng, written as the text writes it
    assert bars["layout"]["xaxis"]["title"]["text"] == "Kinh phí (tỷ đồng)"
    assert max(x for t in bars["data"] for x in t["x"]) == pytest.approx(15)
    headers = [list(d.value.columns) for d in at.dataframe]
    assert all("Kinh phí (tỷ đồng)" in h for h in headers)


def test_unit_then_language_switch_stays_on_the_page_and_goes_into_the_address():
    """The sidebar's switches (app.py) keep the reader on this page, and are written into the
    address so that the link can be shared (a browser shows st.query_params as its address)."""
    at = open_page("budget")
    at.radio(key="unit").set_value("bvnd").run()
    assert dict(at.query_params) == {"unit": "bvnd"}
    at.radio(key="lang").set_value("en").run()
    assert not at.exception
    assert dict(at.query_params) == {"unit": "bvnd", "lang": "en"}
    assert [t.value for t in at.title] == ["2021 S&T budget"]
    assert _metrics(at)["Total 2021 budget (billion VND)"] == "66.7699"
    assert "66.7699 billion VND" in _text(at) and "tỷ đồng" not in _own_text(at)


def test_chart_numbers_use_the_language_separators(vi, en):
    assert {c["layout"]["separators"] for c in _charts(vi)} == {",."}
    assert {c["layout"]["separators"] for c in _charts(en)} == {".,"}


def test_tables_have_headers_in_the_reader_language_and_readable_numbers(vi, en):
    vi_headers = list(vi.dataframe[0].value.columns)
    assert vi_headers[:4] == ["Khoản chi", "Kinh phí (triệu đồng)", "Tỷ lệ trong tổng (%)", "Loại kinh phí"]
    assert "Amount (million VND)" in list(en.dataframe[0].value.columns)
    shown = vi.dataframe[0].value
    assert "33.427,9" in list(shown["Kinh phí (triệu đồng)"])


def test_every_chart_has_a_summary_a_table_and_its_sources(vi):
    assert len(vi.get("plotly_chart")) == 2
    assert len(vi.tabs) >= 4  # chart / table for each chart
    sources = [e.label for e in vi.expander if e.label.startswith("Nguồn trong văn bản")]
    assert len(sources) >= 4  # the totals, each chart, the lines' table
    links = [p.proto.query_string for p in open_sources(open_page("budget")).get("page_link")]
    assert any("section=B.II" in s and "cite=" in s for s in links)
    assert any("section=A.II.8" in s and "cite=" in s for s in links)


def test_downloads_carry_numbers_vietnamese_headers_and_neutralised_cells():
    lines = q.budget_lines("2021")
    table = charts.budget_lines_table(lines, "vi", "mvnd")
    csv = pd.read_csv(io.BytesIO(export.to_csv_bytes(table)), encoding="utf-8-sig")
    assert list(csv.columns)[:2] == ["Khoản chi", "Kinh phí (triệu đồng)"]
    assert csv["Kinh phí (triệu đồng)"].tolist() == [33427.9, 15000, 10000, 8342]
    quotes = csv["Trích văn bản"].tolist()
    assert quotes[0].startswith("'- Kinh phí sự nghiệp KH&CN")  # a cell starting with '-' is neutralised
    xlsx = pd.read_excel(io.BytesIO(export.to_xlsx_bytes(table, "du_toan_2021")))
    assert xlsx["Trích văn bản"][0].startswith("'-")


def test_periods_summary_lists_projects_in_both_periods_without_a_sum():
    text = S.periods_summary(q.investment_across_periods(), 21474, 5, 33342, 3, "vi", "mvnd")
    assert "21.474 triệu đồng** cho 5 dự án" in text and "33.342 triệu đồng** cho 3 dự án" in text
    assert "Nâng cấp phòng thí nghiệm: 125 triệu đồng → 10.000 triệu đồng" in text
    assert "không cộng" in text


def test_split_summary_says_nearly_equal_only_when_it_is():
    projects = q.investment_by_project("2021")
    even = pd.DataFrame({"funding_kind": ["recurrent", "investment"], "amount_mvnd": [50.0, 50.0],
                         "share_pct": [50.0, 50.0]})
    uneven = even.assign(amount_mvnd=[80.0, 20.0], share_pct=[80.0, 20.0])
    assert "gồm hai phần gần bằng nhau" in S.split_summary(100, even, projects, "vi")
    assert "gần bằng nhau" not in S.split_summary(100, uneven, projects, "vi")
    assert "80%" in S.split_summary(100, uneven, projects, "vi")
