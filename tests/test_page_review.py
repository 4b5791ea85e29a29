"""The Review 2016–2020 page: runs, shows the document's figures in each language and unit, and
its filters change what is shown. Figures are those of section A of plan 100/KH-UBND."""
from __future__ import annotations

import base64
import csv
import io
import json

import numpy as np
import pytest

from khcn_dash import export
from khcn_dash import filters
from khcn_dash import labels
from khcn_dash.charts import review as charts
from khcn_dash.labels import review as L
from khcn_dash.queries import budget as q_budget
from khcn_dash.queries import ip as q_ip
from khcn_dash.queries import review as q_review
from tests.conftest import open_page, open_parts, open_sources, show_tabs, shown


# --- helpers -------------------------------------------------------------------------------

def texts(at) -> str:
    """Every piece of text the page shows (markdown, captions, metrics, info boxes)."""
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption] + [i.value for i in at.info]
    parts += [f"{m.label}: {m.value}" for m in at.metric]
    return shown("\n".join(parts))


def values(v) -> list:
    """A Plotly JSON array, plain or typed ({'dtype', 'bdata'}), as a Python list (NaN for null)."""
    if isinstance(v, dict) and "bdata" in v:
        return np.frombuffer(base64.b64decode(v["bdata"]), dtype=np.dtype(v["dtype"])).tolist()
    return [np.nan if x is None else x for x in v]


def chart(at, key: str) -> dict:
    """The Plotly spec of the chart drawn by ui.chart_block(key=key)."""
    for el in at.get("plotly_chart"):
        if el.proto.id.endswith(f"-{key}_chart"):
            return json.loads(el.proto.spec)
    raise AssertionError(f"no chart {key}: {[el.proto.id for el in at.get('plotly_chart')]}")


def table_with(at, header: str):
    """The first st.dataframe whose columns include `header`."""
    for el in at.dataframe:
        if header in el.value.columns:
            return el.value
    raise AssertionError(f"no table with column {header!r}")


def links(at) -> list[str]:
    """The page's links, its source notes opened first (tests.conftest.open_sources)."""
    return [el.proto.query_string for el in open_sources(at).get("page_link")]


def tab(at, name: str, lang: str = "vi", **views: str):
    """Opens the page's tab `name` (tasks, investment, ip, orgs, legal, limits) as a click would, and
    for each chart block given as block=chart|table, that view (only open tabs are drawn)."""
    i = 0 if lang == "vi" else 1
    opened = {"review_tabs": L.T[f"tab_{name}"][i]}
    opened.update({f"{block}_view": labels.UI[view][i] for block, view in views.items()})
    return show_tabs(at, **opened)


LISTS = ("review_ministry_open", "review_highlights_open")  # the first tab's two lists, drawn once opened


@pytest.fixture(scope="module")
def vi():
    return open_parts(open_page("review"), *LISTS)


@pytest.fixture(scope="module")
def en():
    return open_parts(open_page("review", lang="en"), *LISTS)


# --- runs ----------------------------------------------------------------------------------

@pytest.mark.parametrize("query", [
    {}, {"lang": "en"}, {"unit": "bvnd"}, {"lang": "en", "unit": "bvnd"},
    {"lang": "<script>alert(1)</script>", "unit": "1e308"}, {"lang": "en' OR 1=1 --", "unit": ""},
])
def test_page_runs_without_exception_or_error(query):
    at = open_page("review", **query)
    assert not at.exception, [e.message for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    assert at.metric, "the page drew nothing"


def test_hostile_parameters_fall_back_to_vietnamese_and_million_dong():
    at = open_page("review", lang="<img src=x onerror=alert(1)>", unit="bvnd; DROP TABLE x")
    assert "Vốn đầu tư đã phân bổ (triệu đồng): 21.474" in texts(at)


# --- the document's figures, Vietnamese --------------------------------------------------------

def test_headline_metrics_in_vietnamese(vi):
    metrics = {m.label: m.value for m in vi.metric}
    assert metrics["Đề tài, dự án cấp tỉnh"] == "90"
    assert metrics["Nhiệm vụ KH&CN cấp Bộ"] == "2"
    assert metrics["Vốn đầu tư đã phân bổ (triệu đồng)"] == "21.474"
    assert metrics["Chỉ dẫn địa lý"] == "2"
    assert metrics["Nhãn hiệu tập thể"] == "21"
    assert metrics["Doanh nghiệp KH&CN"] == "5"


def test_key_points_answer_what_the_period_delivered(vi):
    text = texts(vi)
    assert "**90** đề tài, dự án KH&CN cấp tỉnh" in text
    assert "**21.474 triệu đồng** vốn đầu tư phát triển cho **5** dự án" in text
    assert "**2** dự án hạ tầng đang ngừng triển khai" in text
    assert "**15** hạn chế và **5** kiến nghị" in text


def test_tasks_by_field_summary_and_chart(vi):
    tab(vi, "tasks", review_tasks="chart")
    text = texts(vi)
    assert "triển khai **90** đề tài, dự án KH&CN cấp tỉnh" in text
    for part in ["Nông nghiệp và phát triển nông thôn 45 (50%)", "Khoa học xã hội và nhân văn 23 (25,6%)",
                 "Kỹ thuật và công nghệ 14 (15,6%)", "Y dược 8 (8,9%)"]:
        assert part in text
    bar = chart(vi, "review_tasks")["data"][0]
    assert values(bar["x"]) == [45, 23, 14, 8]
    assert bar["text"][0] == "45 (50%)"


def test_investment_2016_2020_by_project(vi):
    tab(vi, "investment")
    text = texts(vi)
    assert "đã phân bổ **21.474 triệu đồng** vốn đầu tư phát triển cho **5** dự án KH&CN" in text
    for amount in ["3.036", "13.000", "5.100", "213", "125"]:
        assert f" {amount} triệu đồng (" in text
    bar = chart(vi, "review_investment")["data"][0]
    assert sorted(values(bar["x"])) == [125, 213, 3036, 5100, 13000]
    assert sum(values(bar["x"])) == 21474
    assert not vi.dataframe or "Kinh phí (triệu đồng)" not in vi.dataframe[0].value.columns  # the table is not drawn
    tab(vi, "investment", review_investment="table")
    shown = table_with(vi, "Kinh phí (triệu đồng)")
    assert "13.000" in shown["Kinh phí (triệu đồng)"].tolist()  # the table tab writes numbers Vietnamese style


def test_infrastructure_approved_totals_beside_money_received(vi):
    tab(vi, "investment", review_infra="chart")
    spec = chart(vi, "review_infra")
    assert spec["layout"]["barmode"] == "group"  # side by side, never stacked/summed
    by_name = {t["name"]: values(t["x"]) for t in spec["data"]}
    assert by_name["Tổng mức đầu tư được duyệt"] == [45936, 20392, 5237]
    assert by_name["Đã phân bổ 2016–2020"] == [213, 125, 5100]
    planned = by_name["Dự kiến năm 2021"]
    assert planned[1] == 10000 and np.isnan(planned[0]) and np.isnan(planned[2])
    ticks = " ".join(spec["data"][0]["y"])
    assert ticks.count("Đang ngừng triển khai") == 2 and ticks.count("Chưa được trang bị thiết bị") == 1
    text = texts(vi)
    assert ("**Trại thực nghiệm**: tổng mức đầu tư 45.936 triệu đồng; đã phân bổ 2016–2020 213 triệu đồng. "
            "Tình trạng: **Đang ngừng triển khai (đình, giãn, hoãn)**") in text
    assert "tổng mức đầu tư 20.392 triệu đồng; đã phân bổ 2016–2020 125 triệu đồng; dự kiến năm 2021 10.000 triệu đồng" in text
    assert "tổng mức đầu tư 5.237 triệu đồng; đã phân bổ 2016–2020 5.100 triệu đồng. Tình trạng: **Chưa được trang bị thiết bị**" in text
    assert "“Tuy nhiên, đến nay vẫn chưa được trang bị.”" in text  # the status with its sentence


def test_ip_results(vi):
    tab(vi, "ip")
    text = texts(vi)
    assert "**2** chỉ dẫn địa lý và **1** nhãn hiệu chứng nhận" in text
    assert "nhãn hiệu tập thể cho **21** sản phẩm (20 sản phẩm, cộng 1 sản phẩm rau của thành phố Lạng Sơn)" in text
    assert "nhãn hiệu cho **2** sản phẩm" in text
    spec = chart(vi, "review_ip")
    assert spec["layout"]["barmode"] == "stack"
    by_status = {t["name"]: values(t["x"]) for t in spec["data"]}
    assert by_status["Đã có (hoàn thành hoặc tiếp tục phát triển)"] == [2, 1, 21]
    assert by_status["Tiếp tục xây dựng"] == [0, 0, 2]


def test_organisations_and_enterprises(vi):
    tab(vi, "orgs")
    text = texts(vi)
    assert "Tỉnh có **1** tổ chức hoạt động KH&CN" in text and "thành lập năm **2018**" in text
    assert "**5** doanh nghiệp được cấp giấy chứng nhận doanh nghiệp KH&CN" in text
    tab(vi, "tasks")
    assert len(table_with(vi, "Tên nhiệm vụ")) == 2  # ministry-level tasks


def test_legal_timeline_places_only_dated_instruments(vi):
    tab(vi, "legal", review_legal="chart")
    spec = chart(vi, "review_legal")
    xs = [x for t in spec["data"] for x in values(t["x"])]
    assert len(xs) == 44 and all(2006 <= x <= 2020 for x in xs)
    assert len(spec["data"]) == 9  # one trace (colour + marker) per kind
    text = texts(vi)
    assert "Văn bản trích dẫn **49** văn bản" in text and "**5** văn bản không ghi năm" in text
    assert "nhiều nhất là năm 2019 (10 văn bản)" in text
    tab(vi, "legal", review_legal="table")
    tables = [el.value for el in vi.dataframe if "Trích yếu" in el.value.columns]  # timeline's, then undated
    assert [len(t) for t in tables] == [44, 5]
    assert "Năm" not in tables[1].columns  # no fake year/date for the undated ones
    assert set(tables[1]["Loại văn bản"]) == {"Luật"}


def test_limitations_and_recommendations(vi):
    tab(vi, "limits")
    text = texts(vi)
    assert "Văn bản nêu 15 hạn chế, khó khăn." in text and "Văn bản nêu 5 kiến nghị." in text
    limitations, recommendations = (t.value for t in vi.table)
    assert len(limitations) == 15 and len(recommendations) == 5
    assert recommendations["Nội dung"].iloc[0].startswith("Đề nghị Bộ KH&CN")


def test_every_figure_links_to_its_sentence_in_the_document(vi):
    tab(vi, "investment")
    qs = links(vi)
    assert "section=A.II.8&cite=" + q_budget.stated_total("investment_mvnd", "2016-2020")["cite_id"] in qs
    assert "section=A.II.2.3&cite=" + q_budget.stated_total("halted_project_count", "2016-2020")["cite_id"] in qs
    assert "section=A.II.1.3&cite=" + q_budget.stated_total("provincial_task_count", "2016-2020")["cite_id"] in qs
    quotes = texts(vi)
    assert "“Năm 2016 - 2020 đã phân bổ: 21.474 triệu đồng cho 05 dự án" in quotes


# --- English and the unit switch ----------------------------------------------------------

def test_english_uses_english_number_style(en):
    text = texts(en)
    assert "Social sciences and humanities 23 (25.6%)" in text
    tab(en, "investment", "en")
    text = texts(en)
    assert "Investment allocated (million VND): 21,474" in text
    assert "**21,474 million VND** of development investment for **5** projects" in text
    assert "approved total 45,936 million VND; allocated 2016–2020 213 million VND" in text
    assert "Where the document says so" in " ".join(e.label for e in en.expander)


@pytest.mark.parametrize("lang,expected", [
    ("vi", ["21,474 tỷ đồng", "45,936 tỷ đồng", "0,213 tỷ đồng", "0,125 tỷ đồng", "20,392 tỷ đồng", "5,237 tỷ đồng"]),
    ("en", ["21.474 billion VND", "45.936 billion VND", "0.213 billion VND", "0.125 billion VND"]),
])
def test_unit_switch_shows_billions_without_rounding_away_digits(lang, expected):
    at = open_page("review", lang=lang)
    tab(at, "investment", lang)
    at.radio(key="unit").set_value("bvnd").run()
    text = texts(at)
    for figure in expected:
        assert figure in text
    by_name = {t["name"]: values(t["x"]) for t in chart(at, "review_infra")["data"]}
    assert list(by_name.values())[0] == pytest.approx([45.936, 20.392, 5.237])


# --- filters ------------------------------------------------------------------------------

def test_highlight_field_filter_changes_the_list():
    at = open_parts(open_page("review"), *LISTS)
    assert len(table_with(at, "Đối tượng")) == 44
    at.selectbox(key="review_highlight_field").set_value("agriculture").run()
    shown = table_with(at, "Đối tượng")
    assert len(shown) == 23 and set(shown["Lĩnh vực"]) == {"Nông nghiệp và phát triển nông thôn"}
    assert "Đang hiển thị 23 trên 44 đề tài, dự án tiêu biểu" in texts(at)
    at.selectbox(key="review_highlight_field").set_value("medicine_pharmacy").run()
    assert len(table_with(at, "Đối tượng")) == 4


def test_highlight_filter_survives_a_language_switch():
    at = open_parts(open_page("review"), *LISTS)
    at.selectbox(key="review_highlight_field").set_value("social_humanities").run()
    at.radio(key="lang").set_value("en").run()
    shown = table_with(at, "Subject")
    assert len(shown) == 11 and set(shown["Field"]) == {"Social sciences and humanities"}


def test_only_the_open_tab_is_drawn_and_it_stays_open_across_a_language_switch():
    at = open_page("review")
    assert chart(at, "review_tasks") and not [e for e in at.get("plotly_chart") if "review_investment" in e.proto.id]
    assert not at.dataframe  # and the tab's two lists are drawn only once opened
    tab(at, "legal")
    assert chart(at, "review_legal") and not [e for e in at.get("plotly_chart") if "review_tasks" in e.proto.id]
    at.radio(key="lang").set_value("en").run()
    assert not at.exception
    assert chart(at, "review_legal")  # still the instruments tab, now under its English label
    assert at.session_state["review_tabs"] == L.T["tab_legal"][1]


def test_filters_inside_tabs_survive_leaving_the_tab():
    at = tab(open_page("review"), "ip")
    at.selectbox(key="review_ip_type").set_value("geographical_indication").run()
    tab(at, "legal")
    at.multiselect(key="review_instrument_kinds").set_value(["luat"]).run()
    tab(at, "tasks")
    assert not at.exception and not at.warning
    tab(at, "ip")
    assert at.selectbox(key="review_ip_type").value == "geographical_indication"
    assert len(table_with(at, "Sản phẩm")) == 2
    tab(at, "legal")
    assert at.multiselect(key="review_instrument_kinds").value == ["luat"]


def test_ip_type_filter_changes_the_list():
    at = tab(open_page("review"), "ip")
    assert len(table_with(at, "Sản phẩm")) == 26
    at.selectbox(key="review_ip_type").set_value("geographical_indication").run()
    shown = table_with(at, "Sản phẩm")
    assert sorted(shown["Sản phẩm"]) == ["Hồi Lạng Sơn", "Hồng Bảo Lâm"]
    assert "Đang hiển thị 2 trên 26 sản phẩm." in texts(at)


def test_instrument_kind_filter_changes_timeline_and_undated_list():
    at = tab(open_page("review"), "legal")
    at.multiselect(key="review_instrument_kinds").set_value(["luat"]).run()
    spec = chart(at, "review_legal")
    assert sorted(x for t in spec["data"] for x in values(t["x"])) == [2013, 2014, 2017]
    assert [t["name"] for t in spec["data"]] == ["Luật"]
    assert "Văn bản trích dẫn **8** văn bản" in texts(at)
    at.multiselect(key="review_instrument_kinds").set_value(["quyet_dinh"]).run()
    assert sum(len(values(t["x"])) for t in chart(at, "review_legal")["data"]) == 15
    assert "Không có văn bản nào thuộc loại đã chọn mà thiếu năm ban hành." in texts(at)
    at.multiselect(key="review_instrument_kinds").set_value([]).run()
    assert not at.exception
    assert "Chọn ít nhất một loại văn bản để xem." in texts(at)
    assert not [el for el in at.get("plotly_chart") if el.proto.id.endswith("-review_legal_chart")]


# --- what was done, area by area (review_items) ---------------------------------------------------

ITEM_COLUMNS = ("section", "item_kind", "item", "figures", "quote")


def items_shown(at, lang: str = "vi"):
    """The one table of the 'what was done' tab."""
    return table_with(at, L.COLUMNS["item"][0 if lang == "vi" else 1])


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_what_was_done_tab_lists_the_whole_review_in_the_pages_language(lang):
    i = 0 if lang == "vi" else 1
    at = tab(open_page("review", lang=lang), "items", lang)
    assert not at.exception and not at.error
    table = items_shown(at, lang)
    every = q_review.review_items()
    assert len(table) == len(every) > 100
    assert list(table.columns) == [L.COLUMNS[c][i] for c in ITEM_COLUMNS] + [labels.UI["open_in_document"][i]]
    assert len(at.dataframe) == 1  # one table, not a block per item
    box = at.selectbox(key="review_item_area")
    assert box.proto.placeholder == labels.UI["choose"][i]
    assert box.options[0] == L.T["all_areas"][i]
    assert any(o.strip().startswith("A.II.9.3 · ") for o in box.options)
    n = len(every)
    assert (f"Đang hiển thị {n} trên {n} nội dung" if lang == "vi" else f"Showing {n} of the review's {n} items") \
        in texts(at)
    kinds = set(table[L.COLUMNS["item_kind"][i]])
    assert L.ITEM_KIND["policy_issued"][i] in kinds and L.ITEM_KIND["result"][i] in kinds
    items = " ".join(table[L.COLUMNS["item"][i]])
    assert ("Văn phòng TBT Việt Nam" if lang == "vi" else "Guangxi Zhuang Autonomous Region") in items
    # the sentence is always the document's Vietnamese
    assert any("Choang - Quảng Tây (Trung Quốc)" in q for q in table[L.COLUMNS["quote"][i]])


def test_filtering_by_an_area_shows_only_that_areas_items():
    at = tab(open_page("review"), "items")
    at.selectbox(key="review_item_area").set_value("A.II.9").run()
    table = items_shown(at)
    sections = set(table["Mục trong văn bản"])
    assert sections == {"A.II.9.1", "A.II.9.2", "A.II.9.3", "A.II.9.4", "A.II.9.5"}  # its subsections
    assert len(table) == len(q_review.review_items("A.II.9"))
    at.selectbox(key="review_item_area").set_value("A.II.5").run()
    table = items_shown(at)
    assert set(table["Mục trong văn bản"]) == {"A.II.5"}
    assert list(table["Loại nội dung"]) == ["Hợp tác"] * 3
    assert f"Đang hiển thị 3 trên {len(q_review.review_items())} nội dung" in texts(at)
    assert not [q for q in table["Câu gốc trong văn bản"] if "Văn phòng TBT" in q]  # another area's sentence
    at.selectbox(key="review_item_area").set_value("A.I").run()
    assert {s.split(".")[0] + "." + s.split(".")[1] for s in items_shown(at)["Mục trong văn bản"]} == {"A.I"}


def test_the_area_filter_survives_leaving_the_tab_and_a_language_switch():
    at = tab(open_page("review"), "items")
    at.selectbox(key="review_item_area").set_value("A.II.7.2").run()
    tab(at, "tasks")
    tab(at, "items")
    assert at.selectbox(key="review_item_area").value == "A.II.7.2"
    at.radio(key="lang").set_value("en").run()
    table = items_shown(at, "en")
    assert set(table["Document section"]) == {"A.II.7.2"} and len(table) == 3


def test_the_rows_figures_are_the_documents_figures():
    from khcn_dash import checks, document
    from khcn_dash.config import SOURCE_DIR

    text = document.normalise((SOURCE_DIR / "document.txt").read_text(encoding="utf-8"))
    at = tab(open_page("review"), "items")
    table = items_shown(at)
    with_figures = table[table["Số liệu (như văn bản ghi)"] != ""]
    assert len(with_figures) >= 15
    for figures, quote in zip(with_figures["Số liệu (như văn bản ghi)"], with_figures["Câu gốc trong văn bản"]):
        assert quote in text
        for figure in checks.figures_of(figures):
            assert figure in quote and figure in text, figure
    at.selectbox(key="review_item_area").set_value("A.II.8").run()
    figures = list(items_shown(at)["Số liệu (như văn bản ghi)"])
    assert figures[0] == ("21.474 triệu đồng; 05 dự án; 3.036 triệu đồng; 13.000 triệu đồng; 5.100 triệu đồng; "
                          "213 triệu đồng; 125 triệu đồng")
    assert figures[2].startswith("33.342 triệu đồng; 03 dự án")
    at.selectbox(key="review_item_area").set_value("A.II.7.2").run()
    assert "mức độ 3, 4" in list(items_shown(at)["Số liệu (như văn bản ghi)"])


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_each_items_sentence_links_to_the_document(lang):
    at = tab(open_page("review", lang=lang), "items", lang)
    at.selectbox(key="review_item_area").set_value("A.II.6").run()
    link = labels.UI["open_in_document"][0 if lang == "vi" else 1]
    table = table_with(at, link)
    tail = "" if lang == "vi" else "&lang=en"
    expected = [f"sources?section={s}&cite={c}{tail}" for s, c in q_review.review_items("A.II.6")[["section", "cite_id"]].values]
    assert list(table[link]) == expected and len(expected) == 3
    assert not [q for q in links(at) if "section=A.II.6&" in q]  # no second list of the same sentences


# --- downloads ------------------------------------------------------------------------------

def _download_tables(lang: str):
    """Every table the page offers for download, built as the page builds it."""
    districts = q_ip.districts()
    return {
        "tasks": charts.tasks_by_field_table(q_review.tasks_by_field(), lang),
        "ministry": charts.ministry_tasks_table(q_review.ministry_tasks(), lang),
        "highlights": charts.highlights_table(q_review.research_highlights(), districts, lang),
        "investment": charts.investment_table(q_budget.investment_by_project("2016-2020"), lang),
        "infrastructure": charts.infrastructure_table(q_budget.infrastructure_status(), lang),
        "ip": charts.ip_table(q_review.ip_counts_by_type(), lang),
        "ip_list": charts.ip_assets_table(q_ip.ip_assets(), districts, lang),
        "orgs": charts.organisations_table(q_review.organisations(), lang),
        "legal": charts.legal_table(filters.dated(q_review.legal_instruments()), lang),
        "undated": charts.undated_table(filters.undated(q_review.legal_instruments()), lang),
        "limitations": charts.limitations_table(q_review.limitations(), lang),
        "recommendations": charts.recommendations_table(q_review.recommendations(), lang),
        "items": charts.review_items_table(q_review.review_items(), lang),
    }


@pytest.mark.parametrize("name, keys", [
    ("tasks", ["review_tasks", "review_ministry", "review_highlights"]),
    ("investment", ["review_investment", "review_infra"]),
    ("ip", ["review_ip", "review_ip_list"]),
    ("orgs", ["review_orgs"]),
    ("legal", ["review_legal", "review_undated"]),
    ("limits", ["review_limitations", "review_recommendations"]),
    ("items", ["review_items"]),
])
def test_download_buttons_exist_for_every_table(vi, name, keys):
    tab(vi, name, **{k: "table" for k in keys})  # a chart block's downloads are on its table view
    ids = " ".join(el.proto.id for el in vi.get("download_button"))
    for key in keys:
        assert f"-{key}_csv" in ids and f"-{key}_xlsx" in ids


def test_csv_downloads_have_vietnamese_headers_and_no_live_formulas():
    tables = _download_tables("vi")
    first_rows = {}
    for name, table in tables.items():
        rows = list(csv.reader(io.StringIO(export.to_csv_bytes(table).decode("utf-8-sig"))))
        first_rows[name] = rows[0]
        assert len(rows) == len(table) + 1
        for row in rows:
            for cell in row:
                assert not cell.startswith(("=", "+", "-", "@")), (name, cell)
    assert first_rows["investment"][:3] == ["Dự án", "Tên đầy đủ trong văn bản", "Kinh phí (triệu đồng)"]
    assert first_rows["infrastructure"][2] == "Tổng mức đầu tư được duyệt (triệu đồng)"
    assert first_rows["tasks"][:2] == ["Lĩnh vực", "Số đề tài, dự án"]


def test_a_hostile_cell_is_neutralised_in_the_download():
    table = charts.investment_table(q_budget.investment_by_project("2016-2020"), "vi")
    table.iloc[0, 0] = "=HYPERLINK(\"http://x\")"
    text = export.to_csv_bytes(table).decode("utf-8-sig")
    assert "'=HYPERLINK" in text


def test_downloaded_money_stays_numeric_in_the_chosen_unit():
    mvnd = charts.investment_table(q_budget.investment_by_project("2016-2020"), "vi", "mvnd")
    bvnd = charts.infrastructure_table(q_budget.infrastructure_status(), "vi", "bvnd")
    assert mvnd["Kinh phí (triệu đồng)"].sum() == 21474
    assert bvnd["Tổng mức đầu tư được duyệt (tỷ đồng)"].tolist() == pytest.approx([45.936, 20.392, 5.237])
