"""The Plan 2021 page: runs, shows the document's figures (section B.I, A.II.8, B.II) in each
language and unit, and its selectors change what is shown."""
from __future__ import annotations

import csv
import html
import io

import pytest

from khcn_dash import export
from khcn_dash import labels
from khcn_dash.charts import plan as charts
from khcn_dash.labels import plan as L
from khcn_dash.queries import budget as q_budget
from khcn_dash.queries import plan as q_plan
from khcn_dash.queries import review as q_review
from khcn_dash.summaries import plan as summaries
from tests.conftest import open_page, show_tabs
from tests.test_page_review import chart, links, table_with, texts, values


def tab(at, name: str, lang: str = "vi", **views: str):
    """Opens the page's tab `name` (research, areas, investment) and the given chart blocks' views
    (block=chart|table) as clicks would: only open tabs are drawn."""
    i = 0 if lang == "vi" else 1
    opened = {"plan_tabs": labels.pick(L.T[f"tab_{name}"], lang)}
    opened.update({f"{block}_view": labels.UI[view][i] for block, view in views.items()})
    return show_tabs(at, **opened)


@pytest.fixture(scope="module")
def vi():
    return open_page("plan")


@pytest.fixture(scope="module")
def en():
    return open_page("plan", lang="en")


@pytest.mark.parametrize("query", [
    {}, {"lang": "en"}, {"unit": "bvnd"}, {"lang": "en", "unit": "bvnd"},
    {"lang": "<script>alert(1)</script>", "unit": "../../etc/passwd"},
])
def test_page_runs_without_exception_or_error(query):
    at = open_page("plan", **query)
    assert not at.exception, [e.message for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    assert at.metric, "the page drew nothing"


def test_headline_metrics_in_vietnamese(vi):
    metrics = {m.label: m.value for m in vi.metric}
    assert metrics == {
        "Đề tài, dự án dự kiến": "khoảng 40",  # the document says "khoảng 40": qualifier approx
        "Lĩnh vực (định hướng)": "4 (17)",
        "Nhóm hoạt động (nội dung)": "11 (42)",
        "Vốn đầu tư 2021 (triệu đồng)": "33.342",
    }


def test_headline_metrics_in_english(en):
    metrics = {m.label: m.value for m in en.metric}
    assert metrics["Research tasks planned"] == "about 40"
    assert metrics["Investment 2021 (million VND)"] == "33,342"


def test_research_fields_and_directions(vi):
    tab(vi, "research", plan_fields="chart")
    text = texts(vi)
    assert "Năm 2021 dự kiến triển khai **khoảng 40** đề tài, dự án, tập trung vào **4** lĩnh vực với **17**" in text
    assert ("Lĩnh vực khoa học nông nghiệp 4; Lĩnh vực kỹ thuật và công nghệ 5; "
            "Lĩnh vực khoa học xã hội và nhân văn 5; Lĩnh vực KH&CN phục vụ y dược 3") in text
    assert values(chart(vi, "plan_fields")["data"][0]["x"]) == [4, 5, 5, 3]
    indicator = q_review.indicator("planned_task_count", "2021")
    assert f"section=B.I.1&cite={indicator['cite_id']}" in links(vi)


def test_field_selector_changes_the_directions_shown():
    at = open_page("plan")
    directions = at.table[0].value
    assert len(directions) == 4 and set(directions["Mục trong văn bản"]) == {"B.I.1.1"}
    at.selectbox(key="plan_field").set_value("medicine_pharmacy").run()
    directions = at.table[0].value
    assert len(directions) == 3 and set(directions["Mục trong văn bản"]) == {"B.I.1.4"}
    assert "Lĩnh vực KH&CN phục vụ y dược: 3 định hướng." in texts(at)
    assert any(q.startswith("section=B.I.1.4&cite=") for q in links(at))
    at.radio(key="lang").set_value("en").run()  # the choice holds across a language switch
    assert "S&T serving medicine and pharmacy: 3 directions." in texts(at)


def test_activity_areas(vi):
    tab(vi, "areas")
    bar = chart(vi, "plan_areas")["data"][0]
    assert values(bar["x"]) == [1, 3, 5, 5, 5, 4, 6, 1, 5, 1, 6]
    ticks = [html.unescape(y) for y in bar["y"]]  # Plotly shows entities as characters
    assert ticks[0] == "1. Nghiên cứu KH&CN" and ticks[10] == "11. Hoạt động sự nghiệp KH&CN"
    text = texts(vi)
    assert "Kế hoạch 2021 có **11** nhóm hoạt động với **42** nội dung" in text
    assert "Nhiều nội dung nhất: Khởi nghiệp đổi mới sáng tạo, Hoạt động sự nghiệp KH&CN (6)" in text


def test_area_selector_changes_the_actions_shown():
    at = tab(open_page("plan"), "areas")
    assert len(at.table[0].value) == 1  # B.I.1 research: one action
    at.selectbox(key="plan_area").set_value("startups").run()
    actions = at.table[0].value
    assert len(actions) == 6 and set(actions["Mục trong văn bản"]) == {"B.I.7"}
    assert "Hỗ trợ hệ sinh thái khởi nghiệp ĐMST: 6 nội dung." in texts(at)


def test_investment_2021_continuing_vs_new_and_funding(vi):
    tab(vi, "investment", plan_investment="chart")
    text = texts(vi)
    assert "Năm 2021 dự kiến phân bổ **33.342 triệu đồng** vốn đầu tư phát triển cho **3** dự án" in text
    assert ("2 dự án chuyển tiếp (Nâng cấp phòng thí nghiệm: 10.000 triệu đồng; "
            "Kiểm định chất lượng công trình xây dựng: 8.342 triệu đồng)") in text
    assert "1 dự án mới (Thiết bị trạm quan trắc phóng xạ: 15.000 triệu đồng, Vốn từ Bộ KH&CN)" in text
    by_status = {t["name"]: values(t["x"]) for t in chart(vi, "plan_investment")["data"]}
    assert by_status == {"Dự án chuyển tiếp": [10000, 8342], "Dự án mới": [15000]}
    tab(vi, "investment", plan_investment="table")
    shown = table_with(vi, "Nguồn vốn")
    assert shown["Nguồn vốn"].tolist() == ["Vốn từ Bộ KH&CN", "văn bản không nêu", "văn bản không nêu"]
    assert shown["Kinh phí (triệu đồng)"].tolist() == ["15.000", "10.000", "8.342"]
    total = q_budget.stated_total("investment_mvnd", "2021")
    assert f"section={total['section']}&cite={total['cite_id']}" in links(vi)


@pytest.mark.parametrize("lang,expected", [
    ("vi", ["**33,342 tỷ đồng**", "10 tỷ đồng", "8,342 tỷ đồng", "15 tỷ đồng"]),
    ("en", ["**33.342 billion VND**", "8.342 billion VND",
            "1 new project (Radiation station equipment: 15 billion VND, Funded by the Ministry of S&T)"]),
])
def test_unit_switch(lang, expected):
    at = tab(open_page("plan", lang=lang), "investment", lang)
    at.radio(key="unit").set_value("bvnd").run()
    text = texts(at)
    for figure in expected:
        assert figure in text
    by_status = {t["name"]: values(t["x"]) for t in chart(at, "plan_investment")["data"]}
    assert sorted(v for xs in by_status.values() for v in xs) == pytest.approx([8.342, 10, 15])


@pytest.mark.parametrize("name, keys", [("research", ["plan_fields", "plan_directions"]),
                                        ("areas", ["plan_areas", "plan_actions"]),
                                        ("investment", ["plan_investment"])])
def test_download_buttons_exist_for_every_table(vi, name, keys):
    tab(vi, name, **{k: "table" for k in keys})  # a chart block's downloads are on its table view
    ids = " ".join(el.proto.id for el in vi.get("download_button"))
    for key in keys:
        assert f"-{key}_csv" in ids and f"-{key}_xlsx" in ids


def test_csv_downloads_have_vietnamese_headers_and_no_live_formulas():
    tables = {
        "fields": charts.fields_table(q_plan.research_fields(), "vi"),
        "directions": charts.directions_table(q_plan.research_directions(), "vi"),
        "areas": charts.areas_table(q_plan.activity_areas(), "vi"),
        "actions": charts.actions_table(q_plan.activity_actions(), "vi"),
        "investment": charts.investment_table(q_budget.investment_by_project("2021"), "vi"),
    }
    assert len(tables["directions"]) == 17 and len(tables["actions"]) == 42
    for name, table in tables.items():
        rows = list(csv.reader(io.StringIO(export.to_csv_bytes(table).decode("utf-8-sig"))))
        assert len(rows) == len(table) + 1
        for row in rows:
            for cell in row:
                assert not cell.startswith(("=", "+", "-", "@")), (name, cell)
    investment = list(csv.reader(io.StringIO(export.to_csv_bytes(tables["investment"]).decode("utf-8-sig"))))
    assert investment[0][:5] == ["Dự án", "Tên đầy đủ trong văn bản", "Loại dự án", "Nguồn vốn", "Kinh phí (triệu đồng)"]
    assert sorted(float(r[4]) for r in investment[1:]) == [8342, 10000, 15000]


@pytest.mark.parametrize("value,qualifier,lang,expected", [
    (40, "approx", "vi", "khoảng 40"), (40, "approx", "en", "about 40"), (2, "minimum", "vi", "ít nhất 2"),
    (5, None, "vi", "5"), (1500, float("nan"), "vi", "1.500"),
])
def test_qualified_counts(value, qualifier, lang, expected):
    assert summaries.qualified(value, qualifier, lang) == expected
