"""Review 2016–2020 and Plan 2021 in a real browser, offline: every tab's charts draw, the selectors
and downloads work, and nothing is requested from any host but the app.

What the pages show is AppTest's (test_page_review, test_page_plan: figures in both languages, the
unit switch, the links' targets); in a browser each page opens at its address, offline, with its
charts drawn, in test_widgets_browser (Vietnamese) and test_all_pages_browser (English); a source
link followed to its sentence is test_pages_a_browser's."""
from __future__ import annotations

import csv
import io

from playwright.sync_api import expect

from tests.e2e.conftest import Recorder, settle

TALL = {"width": 1400, "height": 2600}  # Streamlit scrolls inside the page; a tall window shows it all


TITLES = {"/review": ("Tổng kết hoạt động KH&CN giai đoạn 2016–2020", "Review of S&T activities 2016–2020"),
          "/plan": ("Kế hoạch hoạt động KH&CN năm 2021", "2021 S&T activity plan")}


def _open(recorder: Recorder, address: str, lang: str = "vi") -> None:
    """Opens the address and waits for the page's own title: on a fresh server the first deep link
    is rerun through app.py (ui.require_app_shell), so 'script finished' can come before the page."""
    recorder.goto(address + ("?lang=en" if lang == "en" else ""))
    title = TITLES[address][0 if lang == "vi" else 1]
    expect(recorder.page.get_by_role("heading", name=title)).to_be_visible(timeout=60_000)
    settle(recorder.page)


def _clean(recorder: Recorder) -> None:
    page = recorder.page
    assert page.locator('[data-testid="stException"]').count() == 0
    assert recorder.outside_requests() == []
    assert recorder.console_errors == []
    assert recorder.failed_responses == []


def _main_text(recorder: Recorder) -> str:
    return recorder.page.locator('[data-testid="stMain"]').inner_text()


def _open_tab(recorder: Recorder, name: str) -> None:
    recorder.page.get_by_role("tab", name=name, exact=True).first.click()
    recorder.page.wait_for_timeout(300)
    settle(recorder.page)


def _drawn_charts(recorder: Recorder) -> int:
    """Plotly charts on screen (in the open tabs) that have drawn their SVG."""
    return recorder.page.evaluate("""() => Array.from(document.querySelectorAll('[data-testid="stPlotlyChart"]'))
        .filter(c => c.offsetParent !== null && c.querySelector('.main-svg')).length""")


def _choose(page, label: str, option: str) -> None:
    """Picks `option` in the selectbox labelled `label`, as a user does: open it, click the option."""
    box = page.get_by_role("combobox", name=label)
    box.scroll_into_view_if_needed()  # a click that has to scroll first closes the list again
    page.wait_for_timeout(300)
    box.click()
    choice = page.get_by_role("option", name=option, exact=True)
    choice.wait_for(state="visible")
    choice.click()
    page.wait_for_timeout(300)
    settle(page)


def _shot(recorder: Recorder, name: str) -> None:
    recorder.page.set_viewport_size(TALL)
    settle(recorder.page)
    recorder.screenshot(name)


REVIEW_TABS = [  # tab, figures shown in it, charts drawn in it
    ("Nhiệm vụ KH&CN", ["Đề tài, dự án tiêu biểu được nêu trong văn bản"], 1),
    ("Đầu tư và hạ tầng", ["45.936 triệu đồng", "Đang ngừng triển khai (đình, giãn, hoãn)",
                           "Chưa được trang bị thiết bị", "13.000 triệu đồng (60,5%)"], 2),
    ("Sở hữu trí tuệ", ["nhãn hiệu tập thể cho 21 sản phẩm", "Đang hiển thị 26 trên 26 sản phẩm."], 1),
    ("Tổ chức và doanh nghiệp", ["thành lập năm 2018", "5 doanh nghiệp"], 0),
    ("Văn bản được trích dẫn", ["Văn bản trích dẫn 49 văn bản", "Văn bản không ghi năm ban hành"], 1),
    ("Hạn chế và kiến nghị", ["Văn bản nêu 15 hạn chế, khó khăn.", "Văn bản nêu 5 kiến nghị."], 0),
]


def test_every_review_tab_shows_its_figures_and_draws_its_charts(recorder):
    _open(recorder, "/review")
    for tab, figures, n_charts in REVIEW_TABS:
        _open_tab(recorder, tab)
        text = _main_text(recorder)
        for figure in figures:
            assert figure in text, (tab, figure)
        assert _drawn_charts(recorder) == n_charts, tab
    _clean(recorder)


def test_timeline_draws_one_marker_per_dated_instrument(recorder):
    _open(recorder, "/review")
    _open_tab(recorder, "Văn bản được trích dẫn")
    chart = recorder.page.locator('[data-testid="stPlotlyChart"]').filter(has=recorder.page.locator(".scatterlayer"))
    assert chart.locator(".scatterlayer .point").count() == 44  # 49 cited, 5 without a year kept off it
    _clean(recorder)
    _shot(recorder, "pages_b_review_timeline_vi")


def test_csv_download_carries_the_data_with_vietnamese_headers(recorder):
    _open(recorder, "/review")
    page = recorder.page
    _open_tab(recorder, "Đầu tư và hạ tầng")
    panel = page.get_by_role("tabpanel").filter(has_text="Vốn đầu tư phát triển 2016–2020 theo dự án").first
    panel.get_by_role("tab", name="Bảng số liệu").first.click()
    with page.expect_download() as info:
        panel.get_by_role("button", name="Tải CSV").first.click()
    download = info.value
    assert download.suggested_filename == "von-dau-tu_lang-son-2021.csv"
    rows = list(csv.reader(io.StringIO(open(download.path(), encoding="utf-8-sig").read())))
    assert rows[0][:3] == ["Dự án", "Tên đầy đủ trong văn bản", "Kinh phí (triệu đồng)"]
    assert sorted(float(r[2]) for r in rows[1:]) == [125, 213, 3036, 5100, 13000]
    _clean(recorder)


def test_plan_selectors_change_the_lists(recorder):
    _open(recorder, "/plan")
    page = recorder.page
    directions = page.locator('[data-testid="stTable"]').first.locator("tbody tr")
    expect(directions).to_have_count(4)  # waits out a rerun still on its way
    _choose(page, "Xem định hướng của lĩnh vực", "Lĩnh vực KH&CN phục vụ y dược")
    expect(directions).to_have_count(3)
    assert "Lĩnh vực KH&CN phục vụ y dược: 3 định hướng." in _main_text(recorder)

    _open_tab(recorder, "Các nhóm hoạt động")
    _choose(page, "Xem nội dung của nhóm hoạt động", "Hỗ trợ hệ sinh thái khởi nghiệp ĐMST")
    assert "Hỗ trợ hệ sinh thái khởi nghiệp ĐMST: 6 nội dung." in _main_text(recorder)
    _open_tab(recorder, "Dự án đầu tư 2021")
    text = _main_text(recorder)
    assert "1 dự án mới (Thiết bị trạm quan trắc phóng xạ: 15.000 triệu đồng, Vốn từ Bộ KH&CN)" in text
    assert _drawn_charts(recorder) == 1
    _clean(recorder)
    _shot(recorder, "pages_b_plan_investment_vi")


def test_the_open_tab_and_its_filter_survive_a_language_switch(recorder):
    """Only the open tab is drawn (ui.lazy_tabs); switching language must not send the reader back
    to the first tab, nor reset a filter inside the tab."""
    page = recorder.page
    _open(recorder, "/review")
    _open_tab(recorder, "Sở hữu trí tuệ")
    _choose(page, "Loại tài sản trí tuệ", "Chỉ dẫn địa lý")
    expect(page.locator('[data-testid="stMain"]')).to_contain_text("Đang hiển thị 2 trên 26 sản phẩm.")
    page.locator('[data-testid="stSidebar"]').get_by_text("English", exact=True).click()
    page.wait_for_url("**lang=en**")
    settle(page)
    selected = page.locator('[data-testid="stMain"] [role="tab"][aria-selected="true"]').first
    expect(selected).to_have_text("IP")
    expect(page.locator('[data-testid="stMain"]')).to_contain_text("Showing 2 of 26 products.")
    _clean(recorder)
