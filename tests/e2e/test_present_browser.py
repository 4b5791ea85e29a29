"""Presentation mode in a real browser, offline: keyboard/clicker navigation, clean exit, briefing PDF."""
from __future__ import annotations

import io
import re

from playwright.sync_api import expect
from pypdf import PdfReader

from khcn_dash import labels
from khcn_dash.labels import present as L
from tests.e2e.conftest import rerun, settle


def _press(recorder, key: str) -> None:
    """Presses a key and waits for the run it starts to end (on a loaded machine the run may start
    later than a fixed pause: settling before it started would read the old slide)."""
    rerun(recorder.page, lambda: recorder.page.keyboard.press(key))


def _title(page) -> str:
    return page.locator("h1").first.inner_text()


def test_presentation_mode_offline_with_keyboard_and_clean_exit(recorder):
    page = recorder.page
    # A fresh server must first be opened at its root: Streamlit decides on its very first run whether
    # the app uses st.navigation (see the report of issue #7); the shell tests do the same.
    recorder.goto("/")
    recorder.goto("/budget?present=1")
    # the hand-over to the slideshow is a second run: on a loaded machine it may end after the first settled
    page.wait_for_url(re.compile(r"/present\?slide=budget$"), timeout=30_000)
    assert re.search(r"/present\?slide=budget$", page.url), page.url
    assert _title(page) == labels.pick(L.UI["slide_budget"], "vi")
    # the slideshow's style hides them once it is mounted (on a loaded machine, a moment after the title)
    expect(page.locator('[data-testid="stSidebar"]')).to_be_hidden(timeout=20_000)
    expect(page.locator('header[data-testid="stHeader"]')).to_be_hidden(timeout=20_000)
    assert page.locator('[data-testid="stMetricValue"]').first.inner_text() == "66.769,9 triệu đồng"
    # larger type than the normal pages' 16 px
    size = page.evaluate("""() => parseFloat(getComputedStyle(
        document.querySelector('[data-testid="stMain"] [data-testid="stMarkdownContainer"] p')).fontSize)""")
    assert size >= 20
    # the key figures larger still, and whole (wrapped, never cut off with "…")
    metric = page.locator('[data-testid="stMetricValue"] p').first
    assert metric.evaluate("e => parseFloat(getComputedStyle(e).fontSize)") >= 32
    assert metric.evaluate("e => e.scrollWidth <= e.clientWidth + 1")
    # the shipped font, served by the app itself
    family = page.evaluate("() => getComputedStyle(document.querySelector('h1')).fontFamily")
    assert "Noto Sans" in family
    assert page.evaluate("() => document.fonts.check('16px \"Noto Sans\"', 'Lạng Sơn')")
    assert any(u.endswith("/app/static/fonts/NotoSans-Regular.woff") for u in recorder.requests)
    recorder.screenshot("present_budget_vi")

    _press(recorder, "PageDown")   # a clicker's "next"
    assert page.url.endswith("slide=review") and _title(page) == labels.pick(L.UI["slide_review"], "vi")
    _press(recorder, "ArrowRight")
    assert _title(page) == labels.pick(L.UI["slide_plan"], "vi")
    _press(recorder, "ArrowLeft")
    _press(recorder, "PageUp")     # a clicker's "previous"
    assert _title(page) == labels.pick(L.UI["slide_budget"], "vi")
    _press(recorder, "End")
    assert _title(page) == labels.pick(L.UI["slide_scenario"], "vi")
    assert page.url.endswith("slide=scenario")
    recorder.screenshot("present_scenario_vi")
    _press(recorder, "ArrowLeft")
    assert _title(page) == labels.pick(L.UI["slide_map"], "vi")
    recorder.screenshot("present_map_vi")

    page.get_by_role("link", name=labels.pick(L.UI["exit"], "vi")).click()
    page.wait_for_timeout(500)
    settle(page)
    assert re.search(r"/budget$", page.url), page.url
    assert page.locator('[data-testid="stSidebar"]').is_visible()

    assert page.locator('[data-testid="stException"]').count() == 0
    assert recorder.outside_requests() == []
    assert recorder.console_errors == []
    assert recorder.failed_responses == []


def test_briefing_pdf_downloads_offline_in_english(recorder):
    page = recorder.page
    recorder.goto("/")
    recorder.goto("/budget?lang=en")
    with page.expect_download(timeout=180_000) as download:
        page.get_by_role("button", name=labels.pick(L.UI["briefing_page"], "en")).click()
    data = open(download.value.path(), "rb").read()
    assert download.value.suggested_filename.startswith("khcn-lang-son-2021_budget_en_")
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages).split())
    assert "66,769.9 million VND" in text
    assert "Lạng Sơn" in text and "Tổng kinh phí dự kiến là 66.769,9 triệu đồng" in text
    assert recorder.outside_requests() == []
    assert recorder.console_errors == []
    assert recorder.failed_responses == []
