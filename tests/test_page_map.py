"""Map page (/map): district counts against the document, the district selection (selector, URL,
click), filters, projector labels, attribution, and the offline-by-construction figure."""
from __future__ import annotations

import io
import json

import numpy as np
import pandas as pd
import pytest

from khcn_dash import config, documents, export, geo
from khcn_dash.charts import map as charts
from khcn_dash.labels import map as L
from khcn_dash.summaries import map as summaries
from khcn_dash.queries import budget, ip
from tests.conftest import open_page, open_parts, shown

DISTRICT_IDS = ["tp-lang-son", "trang-dinh", "binh-gia", "van-lang", "cao-loc", "van-quan", "bac-son",
                "huu-lung", "chi-lang", "loc-binh", "dinh-lap"]

# Products per district, read off section A.II.1.3 of the document by hand:
#   "02 Chỉ dẫn địa lý (Hồi Lạng Sơn, Hồng Bảo Lâm) và 01 Nhãn hiệu chứng nhận (Na Chi Lăng)",
#   "nhãn hiệu tập thể đối với 20 sản phẩm (Rượu Mẫu Sơn; Hồng Vành khuyên Văn Lãng; Thạch đen, Quế,
#   Quýt huyện Tràng Định; ...)", "... 01 sản phẩm (sản phẩm rau của thành phố Lạng Sơn)",
#   "Tiếp tục thực hiện xây dựng nhãn hiệu cho các sản phẩm Thanh Long huyện Bình Gia, Trám đen huyện Văn Quan."
# Bảo Lâm is a commune of Cao Lộc; Mẫu Sơn (2 products) lies in Cao Lộc and Lộc Bình and counts in both.
# Hồi Lạng Sơn is province-wide and counts in no district.
PROTECTED = {"cao-loc": 5, "chi-lang": 4, "huu-lung": 3, "loc-binh": 3, "trang-dinh": 3, "van-quan": 2,
             "van-lang": 2, "bac-son": 1, "dinh-lap": 1, "tp-lang-son": 1, "binh-gia": 0}
IN_PROGRESS = {"binh-gia": 1, "van-quan": 1}


def _counts(types=ip.ALL_TYPES, statuses=ip.ALL_STATUSES) -> dict[str, int]:
    df = ip.ip_count_by_district(tuple(types), tuple(statuses))
    return dict(zip(df["district_id"], df["n_assets"].astype(int)))


def _fig(at) -> dict:
    charts_ = at.get("plotly_chart")
    assert len(charts_) == 1
    return json.loads(charts_[0].proto.spec)


def _tags(spec: dict) -> dict[str, str]:
    """District tag annotations: first line (district name) -> full text."""
    out = {}
    for a in spec["layout"].get("annotations", []):
        if a.get("xref", "x") == "x":
            out[a["text"].split("<br>")[0]] = a["text"]
    return out


def _text(at) -> str:
    return shown("\n".join([m.value for m in at.markdown] + [c.value for c in at.caption]
                            + [t.value for t in at.text] + [s.value for s in at.subheader]))


# --- the document's figures ----------------------------------------------------------------------

def test_province_totals_match_the_document():
    totals = ip.ip_totals().set_index(["ip_type", "status"])
    assert totals["n_assets"].to_dict() == {
        ("geographical_indication", "protected"): 2, ("certification_mark", "protected"): 1,
        ("collective_trademark", "protected"): 21, ("collective_trademark", "in_progress"): 2}
    assert list(totals.loc[("collective_trademark", "protected"), "parts"]) == [20, 1]
    # and the totals the document states, as transcribed in document_totals.csv
    stated = {m: int(budget.stated_total(m, "2016-2020")["value"]) for m in (
        "geographical_indication_count", "certification_mark_count", "collective_trademark_count_group_20",
        "collective_trademark_count_group_1", "ip_in_progress_count")}
    assert totals.loc[("geographical_indication", "protected"), "n_assets"] == stated["geographical_indication_count"]
    assert totals.loc[("certification_mark", "protected"), "n_assets"] == stated["certification_mark_count"]
    assert list(totals.loc[("collective_trademark", "protected"), "parts"]) == [
        stated["collective_trademark_count_group_20"], stated["collective_trademark_count_group_1"]]
    assert totals.loc[("collective_trademark", "in_progress"), "n_assets"] == stated["ip_in_progress_count"]
    assert all(len(ids) >= 1 for ids in totals["cite_ids"])


def test_district_counts_match_the_document():
    assert _counts(statuses=["protected"]) == PROTECTED
    assert _counts(statuses=["in_progress"]) == {d: IN_PROGRESS.get(d, 0) for d in DISTRICT_IDS}
    both = _counts()
    assert both == {d: PROTECTED[d] + IN_PROGRESS.get(d, 0) for d in DISTRICT_IDS}
    # 26 assets: 1 province-wide (in no district), 2 Mẫu Sơn products in two districts each
    assert sum(both.values()) == 26 - 1 + 2


def test_province_wide_gi_is_in_no_district():
    assets = ip.ip_assets()
    wide = assets[assets["scope"] == "province"]
    assert list(wide["product_vi"]) == ["Hồi Lạng Sơn"]
    assert all("Hồi Lạng Sơn" not in list(p) for p in ip.ip_count_by_district()["products_vi"])
    table = charts.assets_table(assets, "vi").set_index("Sản phẩm")
    assert table.loc["Hồi Lạng Sơn", "Huyện"] == "Toàn tỉnh"
    assert table.loc["Hồi Lạng Sơn", "Phạm vi"] == "Toàn tỉnh"


def test_mau_son_products_say_how_the_district_is_known_in_both_languages():
    row = ip.ip_assets(district_id="loc-binh").set_index("asset_id").loc["ct-ruou-mau-son"]
    assert summaries.basis_note(row, "vi") == ("Văn bản chỉ nêu địa danh “Mẫu Sơn”; địa danh này thuộc huyện Cao Lộc và "
                                       "huyện Lộc Bình, nên sản phẩm được tính cho cả hai huyện.")
    assert summaries.basis_note(row, "en") == ("The document names only the place “Mẫu Sơn”, which lies in Cao Lộc district "
                                       "and Lộc Bình district, so the product counts for both districts.")
    stated = ip.ip_assets(district_id="chi-lang").set_index("asset_id").loc["cm-na-chi-lang"]
    assert summaries.basis_note(stated, "vi") == ""


# --- geometry: offline by construction, every district clickable ---------------------------------

def _shapes():
    return charts.district_shapes(ip.district_geometry())


def test_every_district_has_a_label_inside_it_and_click_points():
    import shapely
    from shapely.geometry import Polygon

    shapes = _shapes()
    assert sorted(shapes) == sorted(DISTRICT_IDS)
    for did, shape in shapes.items():
        parts = [Polygon(ring) for ring in shape.rings]
        assert any(shapely.contains_xy(p, shape.label_lon, shape.label_lat) for p in parts), did
        inside = np.zeros(len(shape.grid), dtype=bool)
        for p in parts:
            inside |= shapely.contains_xy(p, shape.grid[:, 0], shape.grid[:, 1])
        under_tag = ((np.abs(shape.grid[:, 0] - shape.tag_lon) <= geo.CALLOUT_HALF_SIZE[0])
                     & (np.abs(shape.grid[:, 1] - shape.tag_lat) <= geo.CALLOUT_HALF_SIZE[1]))
        assert len(shape.grid) >= 10 and (inside | under_tag).mean() > 0.98, did  # rounding to 4 places


def test_hand_placements_come_from_the_boundary_file():
    """Placement is data, not code: the GeoJSON's label_lon/label_lat and tag_lon/tag_lat properties."""
    import json

    from khcn_dash import config

    features = json.loads(config.GEOJSON_PATH.read_text(encoding="utf-8"))["features"]
    props = {f["properties"]["district_id"]: f["properties"] for f in features}
    shapes = _shapes()
    for did, p in props.items():
        if "label_lon" in p:
            assert (shapes[did].label_lon, shapes[did].label_lat) == (p["label_lon"], p["label_lat"])
        if "tag_lon" in p:
            assert (shapes[did].tag_lon, shapes[did].tag_lat) == (p["tag_lon"], p["tag_lat"])
    assert any("tag_lon" in p for p in props.values())  # the city's callout


def test_click_points_belong_to_one_district_each():
    seen = [tuple(p) for shape in _shapes().values() for p in shape.grid[:-2]]
    assert len(seen) == len(set(seen))


def test_figure_has_no_geo_or_map_subplot_and_one_shape_per_district():
    fig = charts.district_map(ip.ip_count_by_district(), ip.ip_assets(), ip.district_geometry(), "vi").to_plotly_json()
    assert {t["type"] for t in fig["data"]} == {"scatter"}
    assert not any(k.startswith(("geo", "map", "mapbox")) for k in fig["layout"])
    assert sum(1 for t in fig["data"] if t.get("fill") == "toself") == 11
    ids = {t["customdata"][0] for t in fig["data"] if t.get("customdata") is not None}
    assert ids == set(DISTRICT_IDS)


def test_document_text_in_the_figure_is_shown_as_written_never_as_markup():
    counts = ip.ip_count_by_district().copy()
    assets = ip.ip_assets().copy()
    row = counts.index[counts["district_id"] == "bac-son"][0]
    counts.at[row, "products_vi"] = ["<img src=x onerror=alert(1)>"]
    assets.loc[assets["asset_id"] == "ct-quyt-vang-bac-son", "product_vi"] = "<img src=x onerror=alert(1)>"
    fig = charts.district_map(counts, assets, ip.district_geometry(), "vi", selected="bac-son").to_plotly_json()
    texts = [t.get("hovertemplate") or "" for t in fig["data"]] + [a["text"] for a in fig["layout"]["annotations"]]
    assert not any("<img" in x for x in texts)
    assert sum("&lt;img src=x onerror=alert(1)&gt;" in x for x in texts) == 2  # hover and the selected box


def test_sequential_colours_run_light_to_dark():
    assert charts.colour_for(0, 5) == charts.SEQUENTIAL[0]
    assert charts.colour_for(5, 5) == charts.SEQUENTIAL[-1]
    assert charts.colour_for(0, 0) == charts.SEQUENTIAL[0]


@pytest.mark.parametrize("selection, expected", [
    ({"selection": {"points": [{"customdata": "chi-lang", "point_index": 3}]}}, "chi-lang"),
    ({"selection": {"points": [{"customdata": ["cao-loc"]}]}}, "cao-loc"),
    ({"selection": {"points": [{"customdata": "<script>"}]}}, None),
    ({"selection": {"points": [{"x": 106.5}]}}, None),
    ({"selection": {"points": []}}, None),
    (None, None),
    ("garbage", None),
])
def test_a_click_selection_names_a_known_district_or_nothing(selection, expected):
    assert charts.selected_district(selection, frozenset(DISTRICT_IDS)) == expected


def test_the_attribution_is_the_package_s_own_and_names_the_licence_of_its_note():
    """The map's attribution is what the package's descriptor says of its boundaries (sources), and
    the licence it names is the one the note beside the GeoJSON gives."""
    source = documents.default().identity.geo_source
    note = (config.GEOJSON_PATH.parent / "SOURCE_AND_LICENCE.md").read_text(encoding="utf-8")
    assert "dvhcvn" in source and "GPL-3.0" in source
    assert "dvhcvn" in note and "GNU GPL v3.0" in note


# --- the page --------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def vi():
    return open_page("map")


@pytest.fixture(scope="module")
def en():
    return open_page("map", lang="en")


def test_runs_without_exception_in_both_languages(vi, en):
    for at in (vi, en):
        assert not at.exception, [e.message for e in at.exception]
        assert not at.error, [e.value for e in at.error]


def test_province_totals_on_screen(vi, en):
    assert {m.label: m.value for m in vi.metric} == {
        "Chỉ dẫn địa lý": "2", "Nhãn hiệu chứng nhận": "1", "Nhãn hiệu tập thể": "21", "Tiếp tục xây dựng": "2"}
    assert {m.label: m.value for m in en.metric} == {
        "Geographical indication": "2", "Certification mark": "1", "Collective trademark": "21",
        "Still being built": "2"}
    helps = {m.label: m.proto.help.replace("\\", "") for m in vi.metric}  # help is Markdown, escaped
    assert helps["Nhãn hiệu tập thể"] == "Văn bản nêu số này thành 2 phần: 20 + 1."
    assert "Thanh Long Bình Gia" in helps["Tiếp tục xây dựng"]


def test_map_shows_each_district_with_its_count(vi):
    tags = _tags(_fig(vi))
    assert len(tags) == 11
    for did, n in {**PROTECTED, "binh-gia": 1, "van-quan": 3}.items():
        assert f"<b>{n}</b>" in tags[L.district_short(did, "vi")], did


def test_attribution_under_the_map_in_both_languages(vi, en):
    source = documents.default().identity.geo_source
    assert any(source in c.value.replace("\\", "") for c in vi.caption)
    assert any(source in c.value.replace("\\", "") for c in en.caption)


def test_province_wide_gi_is_shown_as_such(vi, en):
    assert "Toàn tỉnh" in _text(vi) and "Hồi Lạng Sơn" in _text(vi)
    boxes = [a["text"] for a in _fig(vi)["layout"]["annotations"] if a["text"].startswith("Toàn tỉnh")]
    assert boxes == ["Toàn tỉnh: Hồi Lạng Sơn (chỉ dẫn địa lý)"]
    assert "Whole province: Lạng Sơn star anise (geographical indication)" in [
        a["text"] for a in _fig(en)["layout"]["annotations"]]


def test_all_assets_table_has_every_asset_with_headers_in_the_language():
    at = open_page("map")
    assert not at.dataframe  # below the first screen: drawn once opened
    open_parts(at, "ip_assets_open")
    tables = {df.key if hasattr(df, "key") else i: df.value for i, df in enumerate(at.dataframe)}
    assets = next(v for v in tables.values() if "Câu văn bản (nguyên văn)" in v.columns)
    assert len(assets) == 26
    assert {"Sản phẩm", "Loại bảo hộ", "Tình trạng", "Huyện", "Xã / địa danh", "Mục"} <= set(assets.columns)
    csv = pd.read_csv(io.BytesIO(export.to_csv_bytes(charts.assets_table(ip.ip_assets(), "en"))),
                      encoding="utf-8-sig")
    assert len(csv) == 26 and "Sentence of the document (original Vietnamese)" in csv.columns


def test_choosing_a_district_lists_its_products_with_their_source():
    at = open_page("map")
    at.selectbox(key="district").set_value("chi-lang").run()
    assert not at.exception
    text = _text(at)
    assert "Sản phẩm ở huyện Chi Lăng" in text
    for product in ("Na Chi Lăng", "Cao khô Vạn Linh", "Ngựa Bạch xã Hữu Kiên", "Rau Bò khai Chi Lăng"):
        assert f"**{product}**" in text
    assert "Nhãn hiệu chứng nhận · Tiếp tục quảng bá, phát triển" in text
    assert "Xã / địa danh: Hữu Kiên" in text
    assert at.query_params["district"] == "chi-lang"
    spec = _fig(at)
    assert any(t.get("name") == "selected" for t in spec["data"])
    assert any(a["text"].startswith("<b>Chi Lăng</b>: 4 sản phẩm") for a in spec["layout"]["annotations"])
    # the sentences themselves, shown as the document writes them, and a link into the document
    shown = [m.value.replace("\\", "") for m in at.markdown]  # Markdown, escaped
    quotes = [q for q in shown if q.startswith("Văn bản viết (mục A.II.1.3):")]
    assert len(quotes) == 2
    assert any("(Na Chi Lăng)" in q for q in quotes) and any("Ngựa Bạch của xã Hữu Kiên" in q for q in quotes)
    assert len([el for el in at.get("page_link") if "mục A.II.1.3" in el.proto.label]) == 4
    assert "Đề tài, dự án nghiên cứu ở huyện Chi Lăng" in text


def test_a_shared_link_opens_the_district_in_english():
    at = open_page("map", lang="en", district="loc-binh")
    assert not at.exception
    assert at.selectbox(key="district").value == "loc-binh"
    text = _text(at)
    assert "Products in Lộc Bình district" in text
    assert "The document names only the place “Mẫu Sơn”" in text.replace("\\", "")


@pytest.mark.parametrize("bad", ["nowhere", "<script>alert(1)</script>", "cao-loc' OR 1=1 --", ""])
def test_an_unknown_district_in_the_address_falls_back_quietly(bad):
    at = open_page("map", district=bad)
    assert not at.exception and not at.error
    assert at.selectbox(key="district").value == ""
    assert "district" not in at.query_params
    assert any(e.label == "Tất cả tài sản trí tuệ (26)" for e in at.expander)  # the whole province's list


def test_filters_recolour_and_recount_the_map():
    at = open_page("map")
    at.pills(key="ip_statuses").set_value(["in_progress"]).run()
    tags = _tags(_fig(at))
    assert "<b>1</b>" in tags["Bình Gia"] and "<b>1</b>" in tags["Văn Quan"]
    assert "<b>0</b>" in tags["Cao Lộc"]
    assert "○" in tags["Bình Gia"]  # hollow glyph: in progress
    assert "Theo bộ lọc đang chọn có **2** sản phẩm." in _text(at)
    at.pills(key="ip_statuses").set_value([]).run()
    assert not at.exception
    assert [w.value for w in at.warning] == [L.UI["empty_filter"][0]]


def test_type_filter_keeps_only_that_type():
    at = open_page("map")
    at.pills(key="ip_types").set_value(["geographical_indication"]).run()
    tags = _tags(_fig(at))
    assert "<b>1</b>" in tags["Cao Lộc"] and "▲" in tags["Cao Lộc"]  # Hồng Bảo Lâm (Bảo Lâm, Cao Lộc)
    assert all("<b>0</b>" in t for name, t in tags.items() if name != "Cao Lộc")


def test_large_labels_enlarge_the_map_fonts():
    at = open_page("map")
    normal = _fig(at)["layout"]["font"]["size"]
    at.toggle(key="large_labels").set_value(True).run()
    assert not at.exception
    large = _fig(at)["layout"]
    assert large["font"]["size"] >= normal + 6
    assert all(a["font"]["size"] >= 16 for a in large["annotations"])


def test_research_layer_marks_the_districts_the_review_names():
    at = open_page("map")
    assert "◆" not in _tags(_fig(at))["Hữu Lũng"]
    at.toggle(key="research_layer").set_value(True).run()
    tags = _tags(_fig(at))
    assert "◆</span> 7" in tags["Hữu Lũng"] and "◆" not in tags["Văn Lãng"]
    at.selectbox(key="district").set_value("huu-lung").run()
    research = [df.value for df in at.dataframe if "Đề tài, dự án" in df.value.columns]
    assert len(research) == 1 and len(research[0]) == 7
