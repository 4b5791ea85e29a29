"""Every page in a real browser, walked the way a person does: open the app in English, then click
through the sidebar to each page in one session.

On each page: the script settles with no exception element and no "page failed" message, it is not
a placeholder, every chart on screen has drawn at a visible size, the footer is in the page's
language; over the whole walk nothing but the app's own address is contacted and the browser logs
no error. A full-length screenshot of each page is kept (artifacts/screenshots/page_<page>_<lang>.png).
The same checks and screenshot of each page in Vietnamese are made by test_widgets_browser, on the
page as it opens at its address, before its widgets are used (so the page is loaded once for both).
"""
from __future__ import annotations

import pytest

from khcn_dash import labels

from .conftest import rerun

LANGS = ["en"]  # Vietnamese: test_widgets_browser.test_every_widget_on_the_page_works
# A figure each page must show, as the document states it, in each language's number style.
# (Pages not listed are checked by the generic rules only.)
SHOWS = {
    "overview": {"vi": "66.769,9 triệu đồng", "en": "66,769.9 million VND"},
    "budget": {"vi": "66.769,9 triệu đồng", "en": "66,769.9 million VND"},
}


def _nav_to(recorder, key: str) -> None:
    path = "/" + (labels.PAGES[key][0] or "")
    page = recorder.page
    link = page.locator(f'[data-testid="stSidebarNav"] a[href="{recorder.base}{path}"]')
    assert link.count() == 1, f"no sidebar link to {path}"
    rerun(page, link.click)
    page.wait_for_function("(p) => window.location.pathname === p", arg=path, timeout=30_000)


def check_page(recorder, key: str, lang: str) -> None:
    page, i = recorder.page, 0 if lang == "vi" else 1
    where = f"{key} ({lang})"
    assert page.locator('[data-testid="stException"]').count() == 0, where
    assert page.get_by_text(labels.pick(labels.UI["page_error"], ("vi", "en")[i])).count() == 0, f"{where} failed to display"
    assert page.get_by_text(labels.pick(labels.UI["placeholder"], ("vi", "en")[i])).count() == 0, f"{where} is still a placeholder"
    assert page.get_by_text(labels.pick(labels.UI["footer"], ("vi", "en")[i])).count() == 1, where
    # the sidebar names this page in the page's language, and marks it as the current one
    current = page.locator('[data-testid="stSidebarNav"] a[aria-current="page"]')
    assert current.count() == 1 and current.inner_text().strip() == labels.pick(labels.PAGES[key][1], ("vi", "en")[i]), where
    # every chart on screen has drawn, at a size a person can read
    sizes = page.evaluate("""() => Array.from(document.querySelectorAll('[data-testid="stPlotlyChart"]'))
        .filter(c => c.offsetParent !== null)
        .map(c => { const s = c.querySelector('.main-svg'); return s ? [s.clientWidth, s.clientHeight] : [0, 0]; })""")
    assert all(w >= 200 and h >= 150 for w, h in sizes), f"{where}: chart sizes {sizes}"
    main_text = page.locator('[data-testid="stMain"]').inner_text()
    assert len(main_text) > 200, f"{where} shows almost nothing"
    if key in SHOWS:
        assert SHOWS[key][lang] in main_text, f"{where} does not show {SHOWS[key][lang]}"


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_in_one_session(recorder, lang):
    recorder.goto(f"/?lang={lang}")
    for key in labels.PAGES:
        if key != "overview":
            _nav_to(recorder, key)
        check_page(recorder, key, lang)
        recorder.screenshot_full(f"page_{key}_{lang}")
    assert recorder.outside_requests() == []
    assert recorder.console_errors == []
    assert recorder.failed_responses == []
