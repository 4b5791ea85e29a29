"""Presentation mode: the slides say what the document says; ?present and the toggle switch it on and off."""
from __future__ import annotations

import pytest

from decimal import Decimal as D

from khcn_dash import briefing, labels, present, slides, slideshow
from khcn_dash import scenario as model
from khcn_dash import scenario_store as stores
from khcn_dash.labels import present as L
from tests.conftest import type_amount, open_page

LAB, QA, MINISTRY = "2021-lab-upgrade", "2021-construction-qa", "2021-radiation-station-equipment"


@pytest.fixture(autouse=True)
def _own_scenario_db(scenario_db):
    """Saved scenarios go to a file of the test's own (tests/conftest.py)."""
    return scenario_db


def _baseline() -> model.Baseline:
    from khcn_dash.scenario_session import load_baseline
    return load_baseline()


def _lab_plus_2000() -> model.Scenario:
    """The lab upgrade gets 2.000 triệu more, nothing else changes (free mode)."""
    return model.Scenario.plan(_baseline()).with_mode("free").set_amount(LAB, D("12000"))


# --- the slides (pure) ---------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("key", slides.slide_keys())
def test_every_slide_builds_with_a_title_and_sources(key, lang):
    slide = slides.SLIDES[key][0](lang, "mvnd")  # not slides.build: an error must fail here
    assert not slide.notice
    assert slide.title and slide.cite_ids
    assert slide.figures or slide.lines


@pytest.mark.parametrize("lang, unit, expected", [
    ("vi", "mvnd", "66.769,9 triệu đồng"), ("en", "mvnd", "66,769.9 million VND"),
    ("vi", "bvnd", "66,7699 tỷ đồng"), ("en", "bvnd", "66.7699 billion VND"),
])
def test_key_figures_slide_states_the_2021_total(lang, unit, expected):
    slide = slides.key_figures_slide(lang, unit)
    assert slide.figures[0] == (L.tr("fig_total", lang), expected)
    assert expected in slide.summary


def test_review_and_plan_slides_carry_the_documents_counts():
    review = dict(slides.review_slide("vi", "mvnd").figures)
    assert review[L.tr("fig_review_tasks", "vi")] == "90"
    assert review[L.tr("fig_review_investment", "vi")] == "21.474 triệu đồng"
    plan = dict(slides.plan_slide("vi", "mvnd").figures)
    assert plan[L.tr("fig_planned_tasks", "vi")] == "khoảng 40"
    assert plan[L.tr("fig_areas", "vi")] == "11"


def test_slides_follow_the_pages_and_step_stops_at_the_ends():
    keys = slides.slide_keys()
    assert slides.start_slide("budget") == "budget"
    assert slides.start_slide("scenarios") == "scenario"
    assert slides.start_slide("no-such-page") == keys[0]
    assert slides.slides_for_page("map") == ["map"]
    assert slides.slides_for_page("scenarios") == ["scenario"]
    assert slides.slides_for_page("no-such-page") == ["key_figures"]
    assert keys[-1] == "scenario"  # the order: key figures, budget, review, map, a chosen scenario
    assert slides.step(keys, keys[0], -1) == keys[0]
    assert slides.step(keys, keys[-1], 1) == keys[-1]
    assert slides.step(keys, "budget", 1) == keys[keys.index("budget") + 1]
    assert slides.step(keys, "nonsense", 999) == keys[-1]


def test_a_failing_slide_is_skipped_not_fatal(monkeypatch):
    def broken(lang, unit):
        raise KeyError("column renamed")
    monkeypatch.setitem(slides.SLIDES, "budget", (broken, "budget"))
    assert slides.build("budget", "vi", "mvnd") is None
    assert [s.key for s in slides.build_all(["budget", "plan"], "vi", "mvnd")] == ["plan"]


def test_scenario_slide_without_a_choice_is_the_plan_as_written():
    slide = slides.scenario_slide("vi", "mvnd")
    assert slide.title == labels.pick(L.UI["slide_scenario"], "vi")
    assert dict(slide.figures) == {"Tổng kinh phí": "66.769,9 triệu đồng",
                                   "Kinh phí sự nghiệp KH&CN": "33.427,9 triệu đồng",
                                   "Chi đầu tư phát triển": "33.342 triệu đồng",
                                   labels.pick(L.UI["fig_rules"], "vi"): labels.pick(L.UI["rules_kept"], "vi")}
    assert slide.deltas == [None] * 4
    assert slide.lines == [labels.pick(L.UI["scenario_plan"], "vi")]
    assert slide.chart is not None and not slide.notice


@pytest.mark.parametrize("lang, unit, total, delta", [
    ("vi", "mvnd", "68.769,9 triệu đồng", "+2.000 triệu đồng"),
    ("en", "bvnd", "68.7699 billion VND", "+2 billion VND"),
])
def test_scenario_slide_shows_the_sessions_scenario_against_the_plan(lang, unit, total, delta):
    choice = slides.ScenarioChoice(payload=_lab_plus_2000().to_payload(), name="Thêm <b>2 tỷ</b> *phòng thí nghiệm*")
    slide = slides.scenario_slide(lang, unit, choice)
    assert slide.figures[0][1] == total and slide.deltas[0] == delta   # the total
    assert slide.deltas[1] is None                                     # the recurrent block is unchanged
    assert slide.deltas[2] == delta                                    # investment
    assert slide.lines[0] == L.tr("scenario_is", lang, name="Thêm <b>2 tỷ</b> *phòng thí nghiệm*")
    lab_bars = [t for t in slide.chart.data if t.x is not None and len(t.x) == 4]
    assert lab_bars, "the chart has the plan and the scenario per line"


def test_scenario_slide_lists_broken_rules():
    scn = model.Scenario.plan(_baseline()).with_mode("free").set_amount(MINISTRY, D("17000"))
    slide = slides.scenario_slide("vi", "mvnd", slides.ScenarioChoice(payload=scn.to_payload()))
    assert dict(slide.figures)[labels.pick(L.UI["fig_rules"], "vi")] == "Vi phạm 1 quy tắc"
    assert any("vốn của Bộ giữ nguyên trên dòng của mình" in line for line in slide.lines)


def test_scenario_slide_shows_a_saved_scenario_with_its_version_and_author(scenario_db):
    sid, _ = stores.open_store().save(_lab_plus_2000().to_payload(), "Phương án A", "Phòng KH-TC")
    slide = slides.scenario_slide("vi", "mvnd", slides.ScenarioChoice(saved_id=sid))
    assert slide.figures[0][1] == "68.769,9 triệu đồng"
    assert slide.lines[0] == "Kịch bản: «Phương án A»"
    assert slide.lines[1].startswith("Phiên bản 1, người lập: Phòng KH-TC, lưu lúc ")


@pytest.mark.parametrize("choice", [
    slides.ScenarioChoice(saved_id="AAAAAAAAAAA"),  # well formed, not saved
    slides.ScenarioChoice(saved_id="../../etc/passwd"),
    slides.ScenarioChoice(payload={"v": 999, "lines": {}}),              # an old or forged payload
])
def test_an_unreadable_choice_shows_the_plan_with_a_notice(choice):
    slide = slides.scenario_slide("vi", "mvnd", choice)
    assert slide.notice == labels.pick(L.UI["scenario_unreadable"], "vi")
    assert slide.figures[0][1] == "66.769,9 triệu đồng"
    assert slide.lines == [labels.pick(L.UI["scenario_plan"], "vi")]


@pytest.mark.parametrize("raw, expected", [("1", True), ("0", False), (None, None), ("yes", None),
                                           ("<script>", None), ("", None)])
def test_present_url_value(raw, expected):
    assert present.url_value(raw) is expected


def test_briefing_pdf_is_made_from_slide_keys():
    """briefing.briefing_pdf is what the sidebar's buttons call when clicked (slides, citations, fpdf2)."""
    data = briefing.briefing_pdf(["plan"], "vi", "mvnd", "Kế hoạch 2021")  # the plan slide has no chart
    assert data.startswith(b"%PDF")


def test_plain_drops_markdown_marks():
    assert slides.plain(r"Tổng **66.769,9 triệu đồng** \(B.II\)") == "Tổng 66.769,9 triệu đồng (B.II)"


def test_present_css_is_a_constant_without_user_text():
    css = slideshow.PRESENT_CSS.read_text(encoding="utf-8").strip()
    assert css.startswith("<style>") and css.endswith("</style>") and css.count("<style>") == 1
    assert "{" in css and "<script" not in css


# --- the app (AppTest) ---------------------------------------------------------------------

def _titles(at) -> list[str]:
    return [t.value for t in at.title]


def test_normal_mode_has_the_toggle_off_and_both_briefing_downloads():
    at = open_page("budget")
    assert not at.exception
    assert at.toggle(key="present").value is False
    labels_shown = [d.proto.label for d in at.get("download_button")]
    assert labels.pick(L.UI["briefing_page"], "vi") in labels_shown and labels.pick(L.UI["briefing_all"], "vi") in labels_shown


def test_toggle_turns_the_app_into_the_slideshow_and_exit_link_returns():
    at = open_page("overview")
    at.toggle(key="present").set_value(True).run()
    assert not at.exception
    assert _titles(at) == [labels.pick(L.UI["slide_key_figures"], "vi")]
    assert at.query_params.get("slide") == "key_figures"
    assert "66.769,9 triệu đồng" in [m.value for m in at.metric]
    exit_link = [p for p in at.get("page_link") if p.proto.label == labels.pick(L.UI["exit"], "vi")]
    assert len(exit_link) == 1
    assert "present=0" in exit_link[0].proto.query_string


def test_url_present_1_starts_at_the_first_slide_and_buttons_move():
    at = open_page("overview", present="1", lang="en")
    assert _titles(at) == [labels.pick(L.UI["slide_key_figures"], "en")]
    at.button(key="present_next").click().run()
    assert _titles(at) == [labels.pick(L.UI["slide_budget"], "en")]
    assert "66,769.9 million VND" in [m.value for m in at.metric]
    at.button(key="present_prev").click().run()
    at.button(key="present_prev").click().run()
    assert _titles(at) == [labels.pick(L.UI["slide_document"], "en")]
    assert at.button(key="present_prev").disabled
    at.button(key="present_end").click().run()
    assert _titles(at) == [labels.pick(L.UI["slide_scenario"], "en")]
    assert at.button(key="present_next").disabled


def test_slide_address_opens_that_slide_and_bad_ones_fall_back():
    at = open_page("present", slide="review")
    assert _titles(at) == [labels.pick(L.UI["slide_review"], "vi")]
    at = open_page("present", slide="../../etc/passwd")
    assert not at.exception
    assert _titles(at) == [labels.pick(L.UI["slide_document"], "vi")]


def test_present_0_leaves_presentation_mode():
    at = open_page("present")
    assert at.toggle(key="present").value is True
    at.query_params["present"] = "0"
    at.run()
    assert not at.exception
    assert at.toggle(key="present").value is False
    assert labels.pick(L.UI["slide_document"], "vi") not in _titles(at)


@pytest.mark.parametrize("bad", ["2", "true", "<b>x</b>", "1' OR '1'='1"])
def test_bad_present_values_are_ignored(bad):
    at = open_page("overview", present=bad)
    assert not at.exception
    assert at.toggle(key="present").value is False


def test_presentation_page_is_in_the_navigation():
    assert labels.PAGES["present"][0] == "present"


def test_chart_blocks_offer_a_png_download():
    at = open_page("review")
    pngs = [d for d in at.get("download_button") if d.proto.label == labels.pick(L.UI["download_png"], "vi")]
    assert pngs, "no PNG download on the review page's charts"


def test_present_this_scenario_from_the_scenarios_page_and_back():
    at = open_page("scenarios")
    at.radio(key="scn_mode").set_value("free").run()
    type_amount(at, LAB, "12.000")
    at.button(key="scn_present").click().run()
    assert not at.exception
    assert _titles(at) == [labels.pick(L.UI["slide_scenario"], "vi")]
    assert at.query_params.get("slide") == "scenario"
    values = {m.label: m.value for m in at.metric}
    assert values["Tổng kinh phí"] == "68.769,9 triệu đồng"
    assert at.selectbox(key=present.SCENARIO_WIDGET).value == present.CURRENT
    exit_link = [p for p in at.get("page_link") if p.proto.label == labels.pick(L.UI["exit"], "vi")]
    assert exit_link[0].proto.page.endswith("scenarios.py") or "scenarios" in exit_link[0].proto.page


def test_a_saved_scenario_is_picked_on_the_slide_and_linked_by_address(scenario_db):
    sid, _ = stores.open_store().save(_lab_plus_2000().to_payload(), "Phương án A", "Phòng KH-TC")
    at = open_page("present", slide="scenario")
    assert {m.label: m.value for m in at.metric}["Tổng kinh phí"] == "66.769,9 triệu đồng"
    at.selectbox(key=present.SCENARIO_WIDGET).set_value(sid).run()
    assert not at.exception
    assert {m.label: m.value for m in at.metric}["Tổng kinh phí"] == "68.769,9 triệu đồng"
    assert at.query_params.get("scenario") == sid
    assert any("Phương án A" in md.value for md in at.markdown)

    at.button(key="present_prev").click().run()           # another slide: the select box is not drawn
    at.button(key="present_next").click().run()
    assert at.selectbox(key=present.SCENARIO_WIDGET).value == sid  # the choice outlasts it

    linked = open_page("present", slide="scenario", scenario=sid)
    assert {m.label: m.value for m in linked.metric}["Tổng kinh phí"] == "68.769,9 triệu đồng"
    linked.button(key="present_prev").click().run()
    assert "scenario" not in linked.query_params  # the address of another slide does not carry it


@pytest.mark.parametrize("bad", ["../../etc/passwd", "AAAAAAAAAAA", "<script>alert(1)</script>"])
def test_a_bad_scenario_address_gives_a_message_and_shows_the_current(bad):
    at = open_page("present", slide="scenario", scenario=bad)
    assert not at.exception
    assert [w.value for w in at.warning] == [labels.pick(L.UI["scenario_bad_link"], "vi")]
    assert at.selectbox(key=present.SCENARIO_WIDGET).value == present.CURRENT
