"""Presentation mode's switch and its state: the sidebar toggle and ?present=, the slide shown
(?slide=), the scenario the scenario slide shows (?scenario=, the session's choice), and the
sidebar's briefing PDFs. The slides themselves are slides.py; drawing them is slideshow.py; the
PDF is briefing.py.

State: `st.session_state["present"]` (the sidebar toggle, key `present`), set from `?present=1` /
`?present=0` too. When it is on, every page hands over to the slideshow at /present, starting at
that page's slide; "Thoát trình chiếu" goes back to where the user came from with `?present=0`.
"""
from __future__ import annotations

import streamlit as st

from . import briefing, labels, served, ui, url_state
from .scenario_session import K
from . import scenario_store as stores
from .labels import present as L
from .slides import ScenarioChoice, slide_keys, slides_for_page, start_slide, step

PRESENT_PAGE = "present"
PRESENT_SCRIPT = "pages/present.py"
STATE_KEY = "present"            # the sidebar toggle's key
ORIGIN_KEY = "_present_origin"   # the page the slideshow was started from
SLIDE_KEY = "present_slide"      # the current slide (a key of slides.SLIDES)
ON, OFF = "1", "0"               # ?present= values

CURRENT = "current"            # the scenario slide's picker: the scenario being edited, or a saved id
SCENARIO_KEY = "present_scenario"       # the choice, kept for the session (also for the briefing PDF)
SCENARIO_WIDGET = "present_scenario_pick"  # its select box, drawn on the scenario slide only
_SCREEN_KEY = "_present_on_screen"  # a plain dict in the session: the scenario the screen shows now


# --- the switch ----------------------------------------------------------------------------------

def url_value(raw) -> bool | None:
    """?present=1 -> True, ?present=0 -> False, anything else (absent or bad) -> None (ignored)."""
    if raw == ON:
        return True
    if raw == OFF:
        return False
    return None


def page_key(page) -> str:
    """labels.PAGES key of an st.navigation page."""
    url = getattr(page, "url_path", "") or ""
    for key, (path, _) in labels.PAGES.items():
        if url == (path or key) or (url == "" and path == ""):
            return key
    return "overview"


def app_controls(page) -> None:
    """From app.py, after st.navigation: ?present and the toggle, the briefing downloads, and the
    hand-over to the slideshow when presentation mode is on."""
    key = page_key(page)
    wanted = url_value(url_state.consume("present"))  # consumed: the mode lives in the session from here on
    if key == PRESENT_PAGE:
        st.session_state[STATE_KEY] = wanted is not False
    elif wanted is not None:
        st.session_state[STATE_KEY] = wanted
    elif not isinstance(st.session_state.get(STATE_KEY), bool):
        st.session_state[STATE_KEY] = False

    with st.sidebar:
        st.toggle(ui.tr(L.UI["toggle"]), key=STATE_KEY, help=ui.tr(L.UI["toggle_help"]))
        briefing_downloads(key)

    if key == PRESENT_PAGE and not st.session_state[STATE_KEY]:  # /present?present=0
        st.switch_page(origin_script())
    if key != PRESENT_PAGE and st.session_state[STATE_KEY]:
        st.session_state[ORIGIN_KEY] = key
        st.session_state[SLIDE_KEY] = start_slide(key)
        st.switch_page(PRESENT_SCRIPT)


def origin_script() -> str:
    """The page the slideshow was started from (the way out of it); the overview if unknown."""
    origin = st.session_state.get(ORIGIN_KEY)
    if origin not in labels.PAGES or origin == PRESENT_PAGE:
        origin = "overview"
    return f"pages/{origin}.py"


# --- the slide shown -----------------------------------------------------------------------------

def current_slide() -> str:
    """The slide to show, written back to ?slide=. A ?slide= that names a slide and is not the one
    this session last wrote (a shared link, or typed) wins; anything else in it is ignored."""
    keys = slide_keys()
    asked = url_state.incoming("slide")
    if asked in keys:
        st.session_state[SLIDE_KEY] = asked
    current = st.session_state.get(SLIDE_KEY)
    if current not in keys:
        current = keys[0]
        st.session_state[SLIDE_KEY] = current
    url_state.put("slide", current)
    return current


def go(delta: int) -> None:
    """Button callback (runs before the script, so it may set state): `delta` slides on."""
    keys = slide_keys()
    st.session_state[SLIDE_KEY] = step(keys, st.session_state.get(SLIDE_KEY, keys[0]), delta)


# --- the scenario the slides show ----------------------------------------------------------------

def scenario_choice(edited_only: bool = False) -> ScenarioChoice:
    """The session's choice for the scenario slide: the saved scenario picked on the slide, else the
    scenario being edited on the Scenarios page (named after the saved one it was opened from, if
    it is still unchanged). `edited_only`: always the scenario being edited (what the Scenarios
    page shows, whatever the slideshow picked)."""
    state = st.session_state
    picked = state.get(SCENARIO_KEY)
    if not edited_only and isinstance(picked, str) and picked != CURRENT and stores.valid_id(picked):
        return ScenarioChoice(saved_id=picked)
    payload = state.get(K.PAYLOAD)
    origin = state.get(K.ORIGIN)
    name = origin["name"] if origin and payload is not None and origin.get("payload") == payload else None
    return ScenarioChoice(payload=payload, name=name)


def _on_screen() -> dict:
    return st.session_state.setdefault(_SCREEN_KEY, {})


def remember_on_screen(page_key: str) -> None:
    """Called at the end of every run that draws a scenario (the whole app's, and the Scenarios
    page's fragment, which reruns without the sidebar): notes which scenario the screen now shows.

    The sidebar's briefing buttons are drawn before the page reads its link, and a fragment run
    does not redraw them; their PDF makers read this note when clicked, so a briefing always
    describes the scenario on screen."""
    _on_screen()["choice"] = scenario_choice(edited_only=page_key == "scenarios")


def present_scenario(picked: str = CURRENT) -> None:
    """Button callback (the Scenarios page's "present this scenario"): presentation mode on, at the
    scenario slide, showing `picked`."""
    st.session_state[SCENARIO_KEY] = picked
    st.session_state[STATE_KEY] = True  # app_controls then hands over to the slideshow at this page's slide


def saved_scenarios(lang: str) -> tuple[dict[str, dict], str]:
    """The saved scenarios (id -> latest version's row, newest first) and a message if none can be read;
    takes ?scenario= from the address (a link to a saved scenario's slide) into the picker's state."""
    state = st.session_state
    saved: dict[str, dict] = {}
    message = ""
    try:
        saved = {row["scenario_id"]: row for row in stores.open_store().list_scenarios()}
    except stores.StoreUnavailable:
        message = L.tr("scenario_store_off", lang)
    asked = url_state.incoming("scenario")
    if asked is not None:
        if asked in saved or asked == CURRENT:
            state[SCENARIO_KEY] = asked
        elif not message:
            message = L.tr("scenario_bad_link", lang)
    if state.get(SCENARIO_KEY) not in (CURRENT, *saved):
        state[SCENARIO_KEY] = CURRENT
    return saved, message


def before_picker() -> None:
    """Just before the scenario slide draws its select box. The choice lives in SCENARIO_KEY, not in
    the widget's key: Streamlit forgets a widget's value when a run does not draw it (any other slide
    or page), and the choice must outlast that."""
    st.session_state[SCENARIO_WIDGET] = st.session_state[SCENARIO_KEY]


def on_pick() -> None:
    """The select box's callback: the picked scenario becomes the session's choice."""
    st.session_state[SCENARIO_KEY] = st.session_state[SCENARIO_WIDGET]


def write_scenario_url(on_scenario_slide: bool) -> None:
    """?scenario= carries a picked saved scenario, on the scenario slide's address only."""
    picked = st.session_state.get(SCENARIO_KEY)
    url_state.put("scenario", None if not on_scenario_slide or picked in (None, CURRENT) else picked)


# --- the briefing PDFs in the sidebar ------------------------------------------------------------

def briefing_downloads(page_key: str) -> None:
    """Two PDF downloads: this page's slides and the whole dashboard, made when clicked."""
    lang, unit = ui.lang(), ui.unit()
    page_keys = slides_for_page(page_key) if page_key != PRESENT_PAGE else slide_keys()
    page_title = ui.tr(labels.PAGES.get(page_key, labels.PAGES["overview"])[1])
    whole = ui.tr(L.UI["pdf_whole"])
    st.caption(ui.tr(L.UI["briefing"]), help=ui.tr(L.UI["briefing_help"]))
    choice = _on_screen()  # filled in by remember_on_screen() after the page has run
    st.download_button(ui.tr(L.UI["briefing_page"]), data=_pdf_maker(page_keys, lang, unit, page_title, choice),
                       file_name=briefing.file_name(page_key, lang), mime="application/pdf", key="briefing_page",
                       on_click="ignore", icon=":material/picture_as_pdf:", width="stretch")
    st.download_button(ui.tr(L.UI["briefing_all"]), data=_pdf_maker(slide_keys(), lang, unit, whole, choice),
                       file_name=briefing.file_name("all", lang), mime="application/pdf", key="briefing_all",
                       on_click="ignore", icon=":material/picture_as_pdf:", width="stretch")


def _pdf_maker(keys: list[str], lang: str, unit: str, scope_title: str, on_screen: dict):
    """A no-argument callable for st.download_button: builds the PDF only when someone clicks, with
    the scenario that `on_screen` (see remember_on_screen) names at that moment, of the document shown
    now (the click is served outside the page's run, where the session's choice is not known)."""
    doc = served.current()

    def make() -> bytes:
        with served.using(doc):
            return briefing.briefing_pdf(keys, lang, unit, scope_title, on_screen.get("choice"))
    return make
