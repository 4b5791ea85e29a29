"""Overview, Budget and Sources in a real browser: the citation links and the cards' links work,
downloads carry the data, a deep link is a fresh server's first request, and nothing is requested
from any host but the app.

What the pages show is AppTest's (test_page_overview, test_page_budget, test_page_sources, with the
unit and language switches); in a browser every page opens at its address, offline, with its charts
drawn, in test_widgets_browser (Vietnamese) and test_all_pages_browser (English, through the sidebar)."""
from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from urllib.parse import parse_qs, urlparse


from khcn_dash import labels
from khcn_dash.queries import budget, sources
from tests.e2e.conftest import ROOT, Recorder, open_part, rerun, settle, start_server, stop_server


def _open(recorder: Recorder, path: str) -> None:
    """Opens `path` and waits until app.py's navigation is on screen: on a fresh server the first run
    of a deep link is rerun through app.py (ui.require_app_shell), and the first settle can come
    between the two runs."""
    recorder.goto(path)
    titles = [title for _, title in labels.PAGES.values()]
    recorder.page.wait_for_function(
        """titles => { const nav = document.querySelector('[data-testid="stSidebarNav"]');
                       return nav && titles.some(t => nav.innerText.includes(t[0]) || nav.innerText.includes(t[1])); }""",
        arg=[list(t) for t in titles], timeout=60_000)
    settle(recorder.page)


def _clean(recorder: Recorder) -> None:
    page = recorder.page
    assert page.locator('[data-testid="stException"]').count() == 0
    assert recorder.outside_requests() == []
    assert recorder.console_errors == []
    assert recorder.failed_responses == []


def _main_text(recorder: Recorder) -> str:
    return recorder.page.locator('[data-testid="stMain"]').inner_text()


def _wait_for_address(page, part: str) -> None:
    """Waits until the address bar contains `part` (links within the app change it without a page load)."""
    page.wait_for_function("part => window.location.href.includes(part)", arg=part, timeout=30_000)
    settle(page)


def _shot(recorder: Recorder, name: str) -> None:
    recorder.screenshot_full(name)


def test_budget_download_has_vietnamese_headers_numbers_and_neutralised_cells(recorder):
    _open(recorder, "/budget")
    page = recorder.page
    open_part(page, "budget_lines_open")  # the lines' table
    table_buttons = page.locator('[data-testid="stDownloadButton"]').filter(has_text="Tải CSV")
    visible = [i for i in range(table_buttons.count()) if table_buttons.nth(i).is_visible()]
    with page.expect_download() as info:
        table_buttons.nth(visible[0]).click()
    rows = list(csv.reader(io.StringIO(Path(info.value.path()).read_text(encoding="utf-8-sig"))))
    assert rows[0][:3] == ["Khoản chi", "Kinh phí (triệu đồng)", "Tỷ lệ trong tổng (%)"]
    amount = rows[0].index("Kinh phí (triệu đồng)")
    assert [r[amount] for r in rows[1:]] == ["33427.9", "15000.0", "10000.0", "8342.0"]
    assert rows[1][rows[0].index("Trích văn bản")].startswith("'- Kinh phí sự nghiệp")
    _clean(recorder)


def test_citation_link_opens_the_sentence_highlighted_on_sources(recorder):
    _open(recorder, "/budget")
    page = recorder.page
    page.get_by_text("Nguồn trong văn bản (3)").click()
    rerun(page, lambda: page.get_by_role("link", name="Mở trong văn bản").first.click())
    _wait_for_address(page, "cite=")
    total = budget.stated_total("budget_total_mvnd", "2021")
    assert f"section=B.II&cite={total['cite_id']}" in page.url
    highlighted = page.locator('[data-testid="stMarkdownContainer"] strong span',
                               has_text="Tổng kinh phí dự kiến là 66.769,9 triệu đồng")
    assert highlighted.count() >= 2  # in the cited box and inside the section text
    background = highlighted.last.evaluate("e => getComputedStyle(e).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")
    _clean(recorder)
    _shot(recorder, "pages_a_sources_cited")


def test_overview_card_links_to_its_page(recorder):
    _open(recorder, "/")
    page = recorder.page
    rerun(page, lambda: page.get_by_role("link", name="Xem dự toán 2021").first.click())
    _wait_for_address(page, "/budget")
    assert "Dự toán ngân sách KH&CN năm 2021" in _main_text(recorder)
    _clean(recorder)


def test_sources_search_then_result_link_then_contents(recorder):
    _open(recorder, "/sources")
    page = recorder.page
    box = page.get_by_role("textbox", name="Tìm trong văn bản")
    box.fill("nhãn hiệu tập thể")
    rerun(page, lambda: box.press("Enter"))
    assert re.search(r"«nhãn hiệu tập thể» có trong \d+ mục", _main_text(recorder))
    result = page.locator('[data-testid="stPageLink"]').filter(has_text="lần)").first
    href = result.locator("a").get_attribute("href")  # sources?section=…
    target = href.split("section=")[1]
    rerun(page, result.click)
    _wait_for_address(page, f"section={target}")
    heading = sources.section_text(target)["heading_vi"]
    assert page.locator("h3", has_text=heading).count() == 1
    assert page.locator("span", has_text=re.compile("^nhãn hiệu tập thể$", re.I)).count() >= 1
    rerun(page, lambda: page.get_by_text("B.II · II. KẾ HOẠCH KINH PHÍ").click())
    _wait_for_address(page, "section=B.II")
    assert "Tổng kinh phí dự kiến là 66.769,9 triệu đồng" in _main_text(recorder)
    _clean(recorder)
    _shot(recorder, "pages_a_sources_search")


def test_unknown_section_shows_a_notice_and_the_start(recorder):
    _open(recorder, "/sources?section=%3Cscript%3Ealert(1)%3C/script%3E")
    text = _main_text(recorder)
    assert "không có trong văn bản" in text and "ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN" in text
    _clean(recorder)


def test_a_citation_link_in_english_as_a_fresh_servers_first_request_gets_the_full_app(browser):
    """A fresh server starts in Streamlit's pages-folder mode; ui.require_app_shell() sends the first
    deep link through app.py (its navigation, language and unit switches), keeping its address:
    section, cite and language. (The same holds for every page: each calls require_app_shell first.)"""
    total = budget.stated_total("budget_total_mvnd", "2021")
    proc, base = start_server(ROOT / "app.py")
    try:
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        rec = Recorder(page, base)
        _open(rec, f"/sources?section=B.II&cite={total['cite_id']}&lang=en")
        nav = page.locator('[data-testid="stSidebarNavLink"]').all_inner_texts()
        assert labels.pick(labels.PAGES["sources"][1], "en") in nav and labels.pick(labels.PAGES["budget"][1], "en") in nav
        assert not {"app", "sources", "budget"} & set(nav)  # not the pages-folder fallback's file names
        assert page.locator('[data-testid="stRadio"]').count() >= 2  # language and unit
        address = urlparse(page.url)
        assert address.path == "/sources", page.url
        assert parse_qs(address.query) == {"section": ["B.II"], "cite": [total["cite_id"]], "lang": ["en"]}, page.url
        assert page.locator("strong span", has_text="Tổng kinh phí dự kiến là 66.769,9 triệu đồng").count() >= 2
        _clean(rec)
        page.close()
    finally:
        stop_server(proc)
