"""The shell in a real browser: presentation mode's own address opens offline, in both languages.

Every page's address is opened directly, offline, by test_widgets_browser (each page in Vietnamese,
with test_all_pages_browser's checks), and in English by the pages' own browser tests where they
matter (test_map_browser: /map; test_scenarios_browser: /scenarios; test_present_browser: /budget;
test_pages_a_browser: a deep link to /sources as a fresh server's first request);
test_all_pages_browser reaches every page through the sidebar in English, with its footer."""
from __future__ import annotations

import pytest

from khcn_dash import labels

ADDRESSES = ["/" + labels.PAGES["present"][0]]


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("address", ADDRESSES)
def test_address_opens_offline_without_errors(recorder, address, lang):
    recorder.goto(f"{address}?lang={lang}")
    page = recorder.page
    assert page.locator('[data-testid="stException"]').count() == 0
    assert recorder.outside_requests() == []
    assert recorder.console_errors == []
    assert recorder.failed_responses == []
    footer = labels.pick(labels.UI["footer"], lang)
    assert page.get_by_text(footer).count() == 1  # (screenshot: test_all_pages_browser's page_present_<lang>.png)
