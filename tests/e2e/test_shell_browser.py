"""The shell in a real browser: every address opens offline, in both languages."""
from __future__ import annotations

import pytest

from khcn_dash import labels

ADDRESSES = ["/" + (path or "") for path, _ in labels.PAGES.values()]


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("address", ADDRESSES)
def test_address_opens_offline_without_errors(recorder, address, lang):
    recorder.goto(f"{address}?lang={lang}")
    page = recorder.page
    assert page.locator('[data-testid="stException"]').count() == 0
    assert recorder.outside_requests() == []
    assert recorder.console_errors == []
    assert recorder.failed_responses == []
    footer = labels.UI["footer"][0 if lang == "vi" else 1]
    assert page.get_by_text(footer).count() == 1
    recorder.screenshot(f"shell{address.replace('/', '_') or '_overview'}_{lang}")


def test_a_deep_link_as_the_servers_first_request_gets_the_full_app(browser):
    """A fresh server whose first visitor opens /budget must still run app.py's navigation
    (language switch, page titles), not Streamlit's pages-folder fallback."""
    from pathlib import Path

    from tests.e2e.conftest import ROOT, Recorder, start_server

    proc, base = start_server(Path(ROOT) / "app.py")
    try:
        context = browser.new_context(viewport={"width": 1400, "height": 900})
        rec = Recorder(context.new_page(), base)
        rec.goto("/budget?lang=en")
        nav = rec.page.locator('[data-testid="stSidebarNavLink"]').all_inner_texts()
        assert labels.PAGES["budget"][1][1] in nav and "app" not in nav
        assert rec.page.locator('[data-testid="stRadio"]').count() >= 2  # language and unit
        assert rec.page.url.endswith("/budget?lang=en")
        assert rec.outside_requests() == []
        context.close()
    finally:
        proc.kill()
        proc.wait(timeout=10)
