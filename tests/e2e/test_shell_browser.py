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
