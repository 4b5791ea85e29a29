"""Presentation mode: the slides say what the document says; ?present and the toggle switch it on and off."""
from __future__ import annotations

import pytest

from khcn_dash import labels, present
from khcn_dash.labels import present as L
from tests.conftest import open_page


# --- the slides (pure) ---------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("key", present.slide_keys())
def test_every_slide_builds_with_a_title_and_sources(key, lang):
    slide = present.SLIDES[key][0](lang, "mvnd")  # not present.build: an error must fail here
    assert slide.title and slide.cite_ids
    assert slide.figures or slide.lines


@pytest.mark.parametrize("lang, unit, expected", [
    ("vi", "mvnd", "66.769,9 triệu đồng"), ("en", "mvnd", "66,769.9 million VND"),
    ("vi", "bvnd", "66,77 tỷ đồng"), ("en", "bvnd", "66.77 billion VND"),
])
def test_key_figures_slide_states_the_2021_total(lang, unit, expected):
    slide = present.key_figures_slide(lang, unit)
    assert slide.figures[0] == (L.tr("fig_total", lang), expected)
    assert expected in slide.summary


def test_review_and_plan_slides_carry_the_documents_counts():
    review = dict(present.review_slide("vi", "mvnd").figures)
    assert review[L.tr("fig_review_tasks", "vi")] == "90"
    assert review[L.tr("fig_review_investment", "vi")] == "21.474 triệu đồng"
    plan = dict(present.plan_slide("vi", "mvnd").figures)
    assert plan[L.tr("fig_planned_tasks", "vi")] == "khoảng 40"
    assert plan[L.tr("fig_areas", "vi")] == "11"


def test_slides_follow_the_pages_and_step_stops_at_the_ends():
    keys = present.slide_keys()
    assert present.start_slide("budget") == "budget"
    assert present.start_slide("scenarios") == keys[0]
    assert present.slides_for_page("map") == ["map"]
    assert present.slides_for_page("scenarios") == ["key_figures"]
    assert present.step(keys, keys[0], -1) == keys[0]
    assert present.step(keys, keys[-1], 1) == keys[-1]
    assert present.step(keys, "budget", 1) == keys[keys.index("budget") + 1]
    assert present.step(keys, "nonsense", 999) == keys[-1]


def test_a_failing_slide_is_skipped_not_fatal(monkeypatch):
    def broken(lang, unit):
        raise KeyError("column renamed")
    monkeypatch.setitem(present.SLIDES, "budget", (broken, "budget"))
    assert present.build("budget", "vi", "mvnd") is None
    assert [s.key for s in present.build_all(["budget", "plan"], "vi", "mvnd")] == ["plan"]


@pytest.mark.parametrize("raw, expected", [("1", True), ("0", False), (None, None), ("yes", None),
                                           ("<script>", None), ("", None)])
def test_present_url_value(raw, expected):
    assert present.url_value(raw) is expected


def test_plain_drops_markdown_marks():
    assert present.plain(r"Tổng **66.769,9 triệu đồng** \(B.II\)") == "Tổng 66.769,9 triệu đồng (B.II)"


def test_present_css_is_a_constant_without_user_text():
    assert present.PRESENT_CSS.startswith("<style>") and present.PRESENT_CSS.endswith("</style>")
    assert "{" in present.PRESENT_CSS and "<script" not in present.PRESENT_CSS


# --- the app (AppTest) ---------------------------------------------------------------------

def _titles(at) -> list[str]:
    return [t.value for t in at.title]


def test_normal_mode_has_the_toggle_off_and_both_briefing_downloads():
    at = open_page("budget")
    assert not at.exception
    assert at.toggle(key="present").value is False
    labels_shown = [d.proto.label for d in at.get("download_button")]
    assert L.UI["briefing_page"][0] in labels_shown and L.UI["briefing_all"][0] in labels_shown


def test_toggle_turns_the_app_into_the_slideshow_and_exit_link_returns():
    at = open_page("overview")
    at.toggle(key="present").set_value(True).run()
    assert not at.exception
    assert _titles(at) == [L.UI["slide_key_figures"][0]]
    assert at.query_params.get("slide") == "key_figures"
    assert "66.769,9 triệu đồng" in [m.value for m in at.metric]
    exit_link = [p for p in at.get("page_link") if p.proto.label == L.UI["exit"][0]]
    assert len(exit_link) == 1
    assert "present=0" in exit_link[0].proto.query_string


def test_url_present_1_starts_at_the_first_slide_and_buttons_move():
    at = open_page("overview", present="1", lang="en")
    assert _titles(at) == [L.UI["slide_key_figures"][1]]
    at.button(key="present_next").click().run()
    assert _titles(at) == [L.UI["slide_budget"][1]]
    assert "66,769.9 million VND" in [m.value for m in at.metric]
    at.button(key="present_prev").click().run()
    at.button(key="present_prev").click().run()
    assert _titles(at) == [L.UI["slide_document"][1]]
    assert at.button(key="present_prev").disabled
    at.button(key="present_end").click().run()
    assert _titles(at) == [L.UI["slide_map"][1]]
    assert at.button(key="present_next").disabled


def test_slide_address_opens_that_slide_and_bad_ones_fall_back():
    at = open_page("present", slide="review")
    assert _titles(at) == [L.UI["slide_review"][0]]
    at = open_page("present", slide="../../etc/passwd")
    assert not at.exception
    assert _titles(at) == [L.UI["slide_document"][0]]


def test_present_0_leaves_presentation_mode():
    at = open_page("present")
    assert at.toggle(key="present").value is True
    at.query_params["present"] = "0"
    at.run()
    assert not at.exception
    assert at.toggle(key="present").value is False
    assert L.UI["slide_document"][0] not in _titles(at)


@pytest.mark.parametrize("bad", ["2", "true", "<b>x</b>", "1' OR '1'='1"])
def test_bad_present_values_are_ignored(bad):
    at = open_page("overview", present=bad)
    assert not at.exception
    assert at.toggle(key="present").value is False


def test_presentation_page_is_in_the_navigation():
    assert labels.PAGES["present"][0] == "present"


def test_chart_blocks_offer_a_png_download():
    at = open_page("review")
    pngs = [d for d in at.get("download_button") if d.proto.label == L.UI["download_png"][0]]
    assert pngs, "no PNG download on the review page's charts"
