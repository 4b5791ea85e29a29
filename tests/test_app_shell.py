"""The app shell: every page address runs, language and unit switches hold, bad URLs are harmless."""
from __future__ import annotations

import pytest

from khcn_dash import labels
from tests.conftest import open_page


@pytest.mark.parametrize("page", list(labels.PAGES))
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_page_runs_without_exception(page, lang):
    at = open_page(page, lang=lang)
    assert not at.exception, [e.message for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    if lang == "vi" and page != "present":
        _select_boxes_bring_their_own_placeholder(at, page)


def test_vietnamese_is_the_default_language():
    at = open_page("overview")
    assert at.radio(key="lang").value == "vi"
    assert labels.pick(labels.UI["footer"], "vi") in [c.value for c in at.caption]


def test_language_switch_changes_the_text():
    at = open_page("overview")
    at.radio(key="lang").set_value("en").run()
    assert labels.pick(labels.UI["footer"], "en") in [c.value for c in at.caption]


@pytest.mark.parametrize("query", [
    {"lang": "xx"}, {"lang": "<script>alert(1)</script>"}, {"unit": "1e308"}, {"unit": ""},
    {"lang": "en' OR 1=1 --"}, {"section": "../../etc/passwd"},
])
def test_hostile_query_parameters_fall_back_to_defaults(query):
    at = open_page("overview", **query)
    assert not at.exception
    assert at.radio(key="lang").value in ("vi", "en")
    assert at.radio(key="unit").value in ("mvnd", "bvnd")


def _select_boxes_bring_their_own_placeholder(at, page: str) -> None:
    """Streamlit's own placeholder ("Choose an option", "Choose options") is English; on a
    Vietnamese page every select box and multiselect brings its own (checked on each page's
    Vietnamese run of test_every_page_runs_without_exception)."""
    boxes = [*at.selectbox, *at.multiselect]
    for box in boxes:
        assert box.proto.placeholder and not box.proto.placeholder.startswith("Choose"), (page, box.key)
