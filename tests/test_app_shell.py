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


def test_vietnamese_is_the_default_language():
    at = open_page("overview")
    assert at.radio(key="lang").value == "vi"
    assert labels.UI["footer"][0] in [c.value for c in at.caption]


def test_language_switch_changes_the_text():
    at = open_page("overview")
    at.radio(key="lang").set_value("en").run()
    assert labels.UI["footer"][1] in [c.value for c in at.caption]


@pytest.mark.parametrize("query", [
    {"lang": "xx"}, {"lang": "<script>alert(1)</script>"}, {"unit": "1e308"}, {"unit": ""},
    {"lang": "en' OR 1=1 --"}, {"section": "../../etc/passwd"},
])
def test_hostile_query_parameters_fall_back_to_defaults(query):
    at = open_page("overview", **query)
    assert not at.exception
    assert at.radio(key="lang").value in ("vi", "en")
    assert at.radio(key="unit").value in ("mvnd", "bvnd")


@pytest.mark.parametrize("page", [p for p in labels.PAGES if p != "present"])
def test_select_boxes_never_fall_back_to_streamlits_english_placeholder(page):
    """Streamlit's own placeholder ("Choose an option", "Choose options") is English; on a
    Vietnamese page every select box and multiselect brings its own."""
    at = open_page(page)
    boxes = [*at.selectbox, *at.multiselect]
    for box in boxes:
        assert box.proto.placeholder and not box.proto.placeholder.startswith("Choose"), (page, box.key)
