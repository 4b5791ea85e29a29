"""The map page in a real browser, with the network cable out: every request to a host other than the
app's own is aborted (and recorded), the map must still draw, and a click on a district, or the
keyboard, must bring up its products and the sentence of the document that names them. (A shared
link to a district: test_projector_labels_and_research_layer opens one, test_page_map reads it; as a
fresh server's first request, a deep link is test_pages_a_browser's, the same for every page.)"""
from __future__ import annotations

import numpy as np
import pytest

from khcn_dash import documents
from khcn_dash.charts import map as charts
from khcn_dash.queries import ip
from tests.e2e.conftest import settle

CHART = '[data-testid="stPlotlyChart"]'
SELECTBOX = '[data-testid="stSelectbox"]'

# The pixel on screen of a lon/lat point of the map (Plotly's own axis conversion).
TO_SCREEN_JS = """([lon, lat]) => {
  const gd = document.querySelector('[data-testid="stPlotlyChart"] .js-plotly-plot');
  const fl = gd._fullLayout, r = gd.getBoundingClientRect();
  return [r.left + fl.xaxis._offset + fl.xaxis.l2p(lon), r.top + fl.yaxis._offset + fl.yaxis.l2p(lat)];
}"""

DRAWN_JS = """() => {
  const gd = document.querySelector('[data-testid="stPlotlyChart"] .js-plotly-plot');
  return gd ? gd.querySelectorAll('.scatterlayer .trace .fills path').length : 0;
}"""


def _cut_the_cable(page, own: str) -> None:
    """Every request to a host other than the app's own is aborted, as in a room with no internet
    (the Recorder still records it, so outside_requests() reports it)."""
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(own)
               or route.request.url.startswith(("data:", "blob:")) else route.abort())


@pytest.fixture
def offline(recorder):
    _cut_the_cable(recorder.page, recorder.base)
    return recorder


def _click_point(district_id: str) -> tuple[float, float]:
    """A point of the district far from its border and from its tag (so the click lands on the map)."""
    import shapely
    from shapely.geometry import MultiPolygon, Polygon

    shape = charts.district_shapes(ip.district_geometry())[district_id]
    kx = np.cos(np.radians(21.9))
    area = MultiPolygon([Polygon(ring) for ring in shape.rings])
    pts = shape.grid[shapely.contains_xy(area, shape.grid[:, 0], shape.grid[:, 1])]
    border = shapely.distance(area.boundary, shapely.points(pts))  # degrees: fine for "far from the border"
    tag = np.hypot((pts[:, 0] - shape.tag_lon) * kx, pts[:, 1] - shape.tag_lat)
    best = pts[np.argmax(np.minimum(border, tag / 2))]
    return float(best[0]), float(best[1])


def _assert_offline_and_clean(rec) -> None:
    assert rec.outside_requests() == []
    assert rec.console_errors == []
    assert rec.failed_responses == []
    assert rec.page.locator('[data-testid="stException"]').count() == 0


def test_map_draws_offline_and_a_click_lists_the_district(offline):
    rec, page = offline, offline.page
    rec.goto("/map")
    page.wait_for_function(f"({DRAWN_JS})() >= 11", timeout=60_000)
    assert page.evaluate(DRAWN_JS) == 11  # one filled shape per district
    chart = page.locator(CHART).first
    for name in ("Chi Lăng", "Cao Lộc", "TP Lạng Sơn", "Đình Lập"):
        assert chart.get_by_text(name, exact=True).count() >= 1
    assert chart.get_by_text("Toàn tỉnh: Hồi Lạng Sơn (chỉ dẫn địa lý)").count() == 1
    assert page.get_by_text("Ranh giới hành chính cấp huyện", exact=False).count() == 1
    rec.screenshot("map_vi_laptop")

    chart.scroll_into_view_if_needed()
    x, y = page.evaluate(TO_SCREEN_JS, list(_click_point("chi-lang")))
    page.mouse.move(x, y)
    page.wait_for_timeout(300)
    page.mouse.click(x, y)
    page.wait_for_url("**/map?district=chi-lang", timeout=30_000)
    settle(page)
    assert page.locator(SELECTBOX).first.locator("input").input_value() == "Chi Lăng"
    side = page.get_by_text("Sản phẩm ở huyện Chi Lăng")
    assert side.count() == 1
    for product in ("Na Chi Lăng", "Cao khô Vạn Linh", "Ngựa Bạch xã Hữu Kiên", "Rau Bò khai Chi Lăng"):
        assert page.get_by_text(product, exact=True).count() >= 1
    assert page.get_by_text("mục A.II.1.3 · Mở trong văn bản").count() == 4
    assert page.get_by_text("Văn bản viết (mục A.II.1.3):").count() == 2  # and the sentences themselves
    assert page.get_by_text("Cao khô Vạn Linh và Ngựa Bạch của xã Hữu Kiên", exact=False).count() >= 1
    rec.screenshot("map_vi_chi_lang_clicked")
    _assert_offline_and_clean(rec)


def test_clicking_the_city_tag_chooses_the_city(offline):
    rec, page = offline, offline.page
    rec.goto("/map")
    shape = charts.district_shapes(ip.district_geometry())["tp-lang-son"]
    page.locator(CHART).first.scroll_into_view_if_needed()
    x, y = page.evaluate(TO_SCREEN_JS, [shape.tag_lon, shape.tag_lat])
    page.mouse.move(x, y)
    page.mouse.click(x, y)
    page.wait_for_url("**/map?district=tp-lang-son", timeout=30_000)
    settle(page)
    assert page.get_by_text("Rau thành phố Lạng Sơn", exact=True).count() >= 1
    _assert_offline_and_clean(rec)


def test_keyboard_user_chooses_a_district_and_reads_it_in_english(offline):
    rec, page = offline, offline.page
    rec.goto("/map?lang=en")
    box = page.locator(SELECTBOX).first
    box.locator("input").focus()
    page.keyboard.type("Lộc Bình")
    page.keyboard.press("Enter")
    page.wait_for_url("**district=loc-binh**", timeout=30_000)
    settle(page)
    assert page.get_by_text("Products in Lộc Bình district").count() == 1
    assert page.get_by_text("The document names only the place “Mẫu Sơn”", exact=False).count() >= 1
    assert page.get_by_text(documents.default().identity.geo_source, exact=False).count() == 1  # the package's
    rec.screenshot("map_en_loc_binh_keyboard")
    _assert_offline_and_clean(rec)


FONT_SIZES_JS = """() => Array.from(document.querySelectorAll(
    '[data-testid="stPlotlyChart"] .annotation-text')).map(t => parseFloat(getComputedStyle(t).fontSize))"""


def test_projector_labels_and_research_layer(offline):
    rec, page = offline, offline.page
    page.set_viewport_size({"width": 1280, "height": 720})
    rec.goto("/map?district=huu-lung")
    assert max(page.evaluate(FONT_SIZES_JS)) < 22
    page.get_by_text("Chữ lớn (máy chiếu)", exact=True).click()
    page.wait_for_function(f"Math.max(...({FONT_SIZES_JS})()) >= 22", timeout=60_000)
    settle(page)
    page.get_by_text("Đề tài nghiên cứu", exact=True).first.click()
    chart = page.locator(CHART).first
    key = chart.locator(".annotation-text").filter(has_text="◆ Đề tài nghiên cứu")  # the layer's key
    key.wait_for(timeout=60_000)
    settle(page)
    assert key.count() == 1
    assert chart.locator(".annotation-text").filter(has_text="Hữu Lũng").filter(has_text="◆ 7").count() == 1
    assert min(s for s in page.evaluate(FONT_SIZES_JS)) >= 20  # every label on the map is large
    rec.screenshot("map_vi_projector_huu_lung")
    _assert_offline_and_clean(rec)
