"""Presentation mode: the slides (one idea each) and the switch that turns the app into a slideshow.

A slide is plain data built from the query layer and the pages' chart builders: a title, a short
summary, a few key figures, at most one chart, and the ids of the sentences it cites. The same
slides are drawn on screen (pages/present.py) and printed in the briefing PDF (briefing.py), so a
meeting and its hand-out say the same thing.

State: `st.session_state["present"]` (the sidebar toggle, key `present`), set from `?present=1` /
`?present=0` too. When it is on, every page hands over to the slideshow at /present, starting at
that page's slide; "Thoát trình chiếu" goes back to where the user came from with `?present=0`.
"""
from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd
import plotly.graph_objects as go

from . import format as fmt
from . import labels
from .labels import present as L
from .text import md_escape

log = logging.getLogger("khcn_dash")

PRESENT_PAGE = "present"
PRESENT_SCRIPT = "pages/present.py"
STATE_KEY = "present"            # the sidebar toggle's key
ORIGIN_KEY = "_present_origin"   # the page the slideshow was started from
SLIDE_KEY = "present_slide"      # the current slide (a key of SLIDES)
_URL_SLIDE_KEY = "_present_url_slide"  # the slide last written to ?slide=
_ON, _OFF = "1", "0"


@dataclass
class Slide:
    key: str
    title: str
    summary: str = ""                                   # Markdown as the chart builders write it
    figures: list[tuple[str, str]] = field(default_factory=list)  # (label, value as text)
    chart: go.Figure | None = None
    cite_ids: list[str] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)      # short plain lines (lists the slide shows)
    deltas: list[str | None] = field(default_factory=list)  # beside figures[i]: a change, e.g. against the plan
    notice: str = ""                                    # plain text the audience must not miss (a fallback)


@dataclass(frozen=True)
class ScenarioChoice:
    """Which scenario the scenario slide shows, as plain values taken from the session on every run
    (cheap); it is read and checked only when the slide or a briefing is made.

    `saved_id`: a saved scenario (its latest version). Otherwise `payload`: the scenario being edited
    in this session (None: the plan as written), shown under `name` when it is a saved one unchanged."""
    saved_id: str | None = None
    payload: dict | None = None
    name: str | None = None


# --- the slides: pure functions (lang, unit) -> Slide ----------------------------------------

def _ids(*values) -> list[str]:
    out: list[str] = []
    for v in values:
        if v is None:
            continue
        if isinstance(v, str):
            out.append(v)
        elif isinstance(v, dict):
            out.extend(_ids(v.get("cite_id"), v.get("cite_ids")))
        elif isinstance(v, pd.Series):
            for item in v:
                out.extend(_ids(item))
        elif hasattr(v, "__iter__"):
            for item in v:
                out.extend(_ids(item))
    return list(dict.fromkeys(out))


def _value(stated: dict | None):
    return None if stated is None else stated["value"]


def document_slide(lang: str, unit: str) -> Slide:
    from .queries import sources as q

    facts = q.document_facts().set_index("fact")
    col = "value_vi" if lang == "vi" else "value_en"
    issued = pd.Timestamp(facts.loc["issued_on", "value_vi"]).date()
    line = L.tr("document_line", lang, number=facts.loc["number", col], date=fmt.date(issued, lang),
                issuer=facts.loc["issuer", col])
    return Slide(
        key="document", title=L.tr("slide_document", lang),
        summary=facts.loc["title", col],
        lines=[line, f"{facts.loc['signer_title', col]}: {facts.loc['signer', col]}"],
        cite_ids=_ids(facts.loc[["number", "title", "issued_on"], "cite_id"].tolist()))


def key_figures_slide(lang: str, unit: str) -> Slide:
    from .queries import budget as qb
    from .queries import review as qr

    total = qb.stated_total("budget_total_mvnd", "2021")
    rec = qb.stated_total("recurrent_mvnd", "2021")
    inv = qb.stated_total("investment_mvnd", "2021")
    tasks_2021 = qr.indicator("planned_task_count", "2021")
    tasks_review = qb.stated_total("provincial_task_count", "2016-2020")
    gi = qb.stated_total("geographical_indication_count", "2016-2020")
    money = lambda v: fmt.money(v, lang, unit)  # noqa: E731
    figures = [
        (L.tr("fig_total", lang), money(_value(total))),
        (L.tr("fig_recurrent", lang), money(_value(rec))),
        (L.tr("fig_investment", lang), money(_value(inv))),
    ]
    if tasks_2021:
        n = fmt.count(tasks_2021["value"], lang)
        figures.append((L.tr("fig_planned_tasks", lang),
                        L.tr("about", lang, n=n) if tasks_2021.get("qualifier") == "approx" else n))
    if tasks_review:
        figures.append((L.tr("fig_review_tasks", lang), fmt.count(tasks_review["value"], lang)))
    summary = L.tr("summary_key_figures", lang, total=money(_value(total)), recurrent=money(_value(rec)),
                   investment=money(_value(inv)), tasks=fmt.count(_value(tasks_review), lang))
    return Slide(key="key_figures", title=L.tr("slide_key_figures", lang), summary=summary, figures=figures,
                 chart=_budget_split_chart(qb.budget_split("2021"), lang, unit),
                 cite_ids=_ids(total, rec, inv, tasks_2021, tasks_review, gi))


def _budget_split_chart(split: pd.DataFrame, lang: str, unit: str) -> go.Figure:
    """The plan's two parts as a donut (two parts of one whole: a share chart is sound here)."""
    from .charts import PALETTE, base_layout

    names = [labels.name("funding_kind", k, lang) for k in split["funding_kind"]]
    text = [f"{fmt.money(a, lang, unit)}<br>{fmt.pct(p, lang)}" for a, p in zip(split["amount_mvnd"], split["share_pct"])]
    fig = go.Figure(go.Pie(labels=names, values=split["amount_mvnd"].tolist(), hole=0.55, sort=False,
                           text=text, textinfo="text", hovertemplate="%{label}<br>%{text}<extra></extra>",
                           marker={"colors": PALETTE[:len(names)], "line": {"color": "white", "width": 2}}))
    base_layout(fig, lang)
    fig.update_layout(showlegend=True, legend={"orientation": "h", "y": -0.05}, margin={"t": 10, "b": 10})
    return fig


def budget_slide(lang: str, unit: str) -> Slide:
    from .charts import budget as cb
    from .labels import budget as lb
    from .queries import budget as qb

    total = qb.stated_total("budget_total_mvnd", "2021")
    split = qb.budget_split("2021")
    lines = qb.budget_lines("2021")
    investment = lines[lines["funding_kind"] == "investment"]
    shares = split.set_index("funding_kind")
    figures = [(L.tr("fig_total", lang), fmt.money(_value(total), lang, unit))]
    for kind, key in (("recurrent", "fig_recurrent"), ("investment", "fig_investment")):
        if kind in shares.index:
            row = shares.loc[kind]
            figures.append((f"{L.tr(key, lang)} ({L.tr('fig_share', lang, pct=fmt.pct(row.share_pct, lang))})",
                            fmt.money(row.amount_mvnd, lang, unit)))
    return Slide(key="budget", title=L.tr("slide_budget", lang),
                 summary=lb.split_summary(_value(total), split, investment, lang, unit), figures=figures,
                 chart=cb.budget_treemap(qb.budget_tree("2021"), lines, lang, unit),
                 cite_ids=_ids(total, lines["cite_id"]))


def review_slide(lang: str, unit: str) -> Slide:
    from .charts import review as cr
    from .queries import budget as qb
    from .queries import review as qr

    by_field = qr.tasks_by_field()
    total = qb.stated_total("provincial_task_count", "2016-2020")
    invest = qb.stated_total("investment_mvnd", "2016-2020")
    figures = [(L.tr("fig_review_tasks", lang), fmt.count(_value(total), lang)),
               (L.tr("fig_review_investment", lang), fmt.money(_value(invest), lang, unit))]
    ip = qr.ip_totals_by_status() if hasattr(qr, "ip_totals_by_status") else None
    if ip is not None and "status" in ip and "n_assets" in ip:
        protected = ip.loc[ip["status"] == "protected", "n_assets"].sum()
        figures.append((L.tr("fig_ip", lang), fmt.count(protected, lang)))
    return Slide(key="review", title=L.tr("slide_review", lang),
                 summary=cr.tasks_by_field_summary(by_field, total, lang), figures=figures,
                 chart=cr.tasks_by_field_bar(by_field, lang),
                 cite_ids=_ids(total, invest, by_field["cite_id"]))


def plan_slide(lang: str, unit: str) -> Slide:
    from .queries import plan as qp
    from .queries import review as qr

    fields = qp.research_fields()
    areas = qp.activity_areas()
    tasks = qr.indicator("planned_task_count", "2021")
    n = lambda v: fmt.count(v, lang)  # noqa: E731
    name_col = "name_vi" if lang == "vi" else "name_en"
    summary = L.tr("summary_plan", lang, fields=n(len(fields)), directions=n(fields["n_directions"].sum()),
                   areas=n(len(areas)), actions=n(areas["n_actions"].sum()),
                   tasks=n(tasks["value"]) if tasks else "–")
    figures = [(L.tr("fig_fields", lang), n(len(fields))), (L.tr("fig_areas", lang), n(len(areas)))]
    if tasks:
        figures.append((L.tr("fig_planned_tasks", lang), L.tr("about", lang, n=n(tasks["value"]))))
    lines = [f"{r[name_col]} · {n(r['n_directions'])} {L.tr('fig_directions', lang).lower()}"
             for _, r in fields.iterrows()]
    return Slide(key="plan", title=L.tr("slide_plan", lang), summary=summary, figures=figures, lines=lines,
                 cite_ids=_ids(fields["cite_id"], areas["cite_id"], tasks))


def map_slide(lang: str, unit: str) -> Slide:
    from .charts import map as cm
    from .labels import map as lm
    from .queries import ip as qi

    counts = qi.ip_count_by_district()
    assets = qi.ip_assets()
    fig = cm.district_map(counts, assets, lang, font_size=cm.FONT_NORMAL)
    return Slide(key="map", title=L.tr("slide_map", lang), summary=lm.map_summary(counts, assets, lang, filtered=False),
                 figures=[(L.tr("fig_ip", lang), fmt.count(int((assets["status"] == "protected").sum()), lang))],
                 chart=fig, cite_ids=_ids(assets["cite_id"]))


def _chosen_scenario(choice: ScenarioChoice | None, baseline, lang: str):
    """(name, scenario, meta lines, notice) for the scenario slide; name None means the plan as written.
    A saved scenario that cannot be read, or a session payload that no longer fits the data, falls
    back to the plan with a notice."""
    from . import scenario as model
    from . import scenario_store as stores
    from .labels import scenarios as ls

    choice = choice or ScenarioChoice()
    if choice.saved_id is not None:
        try:
            record = stores.open_store().load(choice.saved_id)
            scn = model.Scenario.from_payload(baseline, record["payload"])
        except stores.StoreUnavailable:
            notice = L.tr("scenario_store_off", lang)
        except (stores.NotFound, model.ScenarioError):
            notice = L.tr("scenario_unreadable", lang)
        else:
            meta = L.tr("scenario_saved_meta", lang, version=record["version"], author=record["author"] or "–",
                        at=ls.saved_at(record["created_at"], lang))
            return record["name"], scn, [meta], ""
        return None, model.Scenario.plan(baseline), [], notice
    if choice.payload is not None:
        try:
            scn = model.Scenario.from_payload(baseline, choice.payload)
        except model.ScenarioError:
            return None, model.Scenario.plan(baseline), [], L.tr("scenario_unreadable", lang)
        if not scn.is_plan:
            return choice.name or L.tr("scenario_current", lang), scn, [], ""
    return None, model.Scenario.plan(baseline), [], ""


def scenario_slide(lang: str, unit: str, choice: ScenarioChoice | None = None) -> Slide:
    """The chosen scenario against the plan: totals by source, the rules, the lines chart."""
    from .charts import scenarios as cs
    from .labels import scenarios as ls
    from .scenario_session import load_baseline

    baseline = load_baseline()
    lines = {ln.line_id: ln for ln in baseline.lines}
    name, scn, meta, notice = _chosen_scenario(choice, baseline, lang)
    line_rows, source_rows = scn.line_rows(), scn.source_rows()
    figures, deltas = [], []
    for r in [source_rows[-1], *source_rows[:-1]]:
        label = (labels.name("funding_kind", r["funding_kind"], lang) if r["funding_kind"]
                 else ls.t("metric_total", lang))
        figures.append((label, fmt.money(r["amount_mvnd"], lang, unit)))
        deltas.append(None if r["diff_mvnd"] == 0 else ls.signed_money(r["diff_mvnd"], lang, unit))
    violations = scn.violations()
    figures.append((L.tr("fig_rules", lang), L.tr("rules_kept", lang) if not violations
                    else L.tr("rules_broken", lang, n=fmt.count(len(violations), lang))))
    deltas.append(None)
    chart = cs.lines_vs_plan_bar(ls.lines_chart_frame(line_rows, lines, lang), lang, unit)
    cite_ids = _ids([r["cite_ids"] for r in line_rows], [r["cite_ids"] for r in source_rows],
                    [v.cite_ids for v in violations])
    return Slide(key="scenario", title=L.tr("slide_scenario", lang),
                 summary=ls.lines_summary(line_rows, source_rows, lines, lang, unit),
                 figures=figures, deltas=deltas, chart=chart, cite_ids=cite_ids,
                 lines=[L.tr("scenario_plan", lang) if name is None else L.tr("scenario_is", lang, name=name), *meta,
                        *(ls.violation_text(v, lang, unit, lines) for v in violations)],
                 notice=notice)


# Slide key -> (builder, page key it presents). The order is the order of the slideshow.
SLIDES: dict[str, tuple[Callable[[str, str], Slide], str]] = {
    "document": (document_slide, "sources"),
    "key_figures": (key_figures_slide, "overview"),
    "budget": (budget_slide, "budget"),
    "review": (review_slide, "review"),
    "plan": (plan_slide, "plan"),
    "map": (map_slide, "map"),
    "scenario": (scenario_slide, "scenarios"),
}
# Builders that also take the session's ScenarioChoice (as `choice`).
_TAKES_CHOICE = {"scenario"}


def slide_keys() -> list[str]:
    return list(SLIDES)


def slides_for_page(page: str) -> list[str]:
    """The slides that present a page (the briefing of 'this page'); the key figures otherwise."""
    keys = [k for k, (_, p) in SLIDES.items() if p == page]
    return keys or ["key_figures"]


def start_slide(page: str | None) -> str:
    keys = [k for k, (_, p) in SLIDES.items() if p == page]
    return keys[0] if keys else slide_keys()[0]


def build(key: str, lang: str, unit: str, choice: ScenarioChoice | None = None) -> Slide | None:
    """One slide, or None (logged) if its data or chart builder fails: the others still show."""
    try:
        builder = SLIDES[key][0]
        return builder(lang, unit, choice) if key in _TAKES_CHOICE else builder(lang, unit)
    except Exception:  # noqa: BLE001 - one broken slide must not stop a meeting
        log.exception("slide %s failed", key)
        return None


def build_all(keys: list[str], lang: str, unit: str, choice: ScenarioChoice | None = None) -> list[Slide]:
    return [s for s in (build(k, lang, unit, choice) for k in keys) if s is not None]


def plain(markdown: str) -> str:
    """The builders' Markdown summaries as plain text (for the PDF): no ** and no escapes."""
    text = markdown.replace("**", "")
    return re.sub(r"\\(.)", r"\1", text)


def step(keys: list[str], current: str, delta: int) -> str:
    """The slide `delta` steps from `current`, stopping at the first and last."""
    i = keys.index(current) if current in keys else 0
    return keys[max(0, min(len(keys) - 1, i + delta))]


# --- the switch (Streamlit) -------------------------------------------------------------------

def url_value(raw) -> bool | None:
    """?present=1 -> True, ?present=0 -> False, anything else (absent or bad) -> None (ignored)."""
    if raw == _ON:
        return True
    if raw == _OFF:
        return False
    return None


# The one piece of CSS of presentation mode: a constant (no user text, no data), which hides the
# sidebar and Streamlit's chrome and sets larger type. Buttons that only carry extra keyboard
# shortcuts (arrows, Home/End) are hidden too: the visible ones carry PageUp/PageDown.
PRESENT_CSS = """<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stExpandSidebarButton"],
[data-testid="stSidebarNav"], header[data-testid="stHeader"], [data-testid="stToolbar"],
[data-testid="stDecoration"], [data-testid="stStatusWidget"] { display: none !important; }
[data-testid="stMainBlockContainer"] { max-width: 100% !important; padding: 1.2rem 3rem 1rem 3rem !important; }
[data-testid="stMain"] { font-size: 1.3rem; }
[data-testid="stMain"] [data-testid="stMarkdownContainer"] p,
[data-testid="stMain"] [data-testid="stMarkdownContainer"] li { font-size: 1.35rem; line-height: 1.5; }
[data-testid="stMain"] h1 { font-size: 2.6rem !important; }
[data-testid="stMetricValue"], [data-testid="stMetricValue"] p { font-size: 2.2rem !important; line-height: 1.25 !important; }
[data-testid="stMetric"] .stMarkdownEllipsis, [data-testid="stMetric"] .stMarkdownEllipsis p {
  white-space: normal !important; overflow: visible !important; text-overflow: clip !important; }
[data-testid="stMetricLabel"] p { font-size: 1.15rem !important; }
[data-testid="stMain"] button p { font-size: 1.2rem; }
.st-key-present_left, .st-key-present_right, .st-key-present_home, .st-key-present_end { display: none !important; }
</style>"""

_LARGE_TYPE_CHARTS = {"key_figures", "budget", "review", "scenario"}
_EXTRA_KEYS = {"present_left": ("Left", -1), "present_right": ("Right", 1),
               "present_home": ("Home", -999), "present_end": ("End", 999)}


def _go(delta: int) -> None:
    """Button callback (runs before the script, so it may set state)."""
    import streamlit as st

    keys = slide_keys()
    st.session_state[SLIDE_KEY] = step(keys, st.session_state.get(SLIDE_KEY, keys[0]), delta)


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
    import streamlit as st

    from . import ui

    key = page_key(page)
    wanted = url_value(st.query_params.get("present"))
    if "present" in st.query_params:
        del st.query_params["present"]  # consumed: the mode lives in the session from here on
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
        st.switch_page(_origin_script())
    if key != PRESENT_PAGE and st.session_state[STATE_KEY]:
        st.session_state[ORIGIN_KEY] = key
        st.session_state[SLIDE_KEY] = start_slide(key)
        st.switch_page(PRESENT_SCRIPT)


CURRENT = "current"            # the scenario slide's picker: the scenario being edited, or a saved id
SCENARIO_KEY = "present_scenario"       # the choice, kept for the session (also for the briefing PDF)
SCENARIO_WIDGET = "present_scenario_pick"  # its select box, drawn on the scenario slide only
_URL_SCENARIO_KEY = "_present_url_scenario"  # the ?scenario= value last taken from the address


_SCREEN_KEY = "_present_on_screen"  # a plain dict in the session: the scenario the screen shows now


def scenario_choice(edited_only: bool = False) -> ScenarioChoice:
    """The session's choice for the scenario slide: the saved scenario picked on the slide, else the
    scenario being edited on the Scenarios page (named after the saved one it was opened from, if
    it is still unchanged). `edited_only`: always the scenario being edited (what the Scenarios
    page shows, whatever the slideshow picked)."""
    import streamlit as st

    from . import scenario_store as stores

    state = st.session_state
    picked = state.get(SCENARIO_KEY)
    if not edited_only and isinstance(picked, str) and picked != CURRENT and stores.valid_id(picked):
        return ScenarioChoice(saved_id=picked)
    payload = state.get("scn_payload")
    origin = state.get("scn_origin")
    name = origin["name"] if origin and payload is not None and origin.get("payload") == payload else None
    return ScenarioChoice(payload=payload, name=name)


def _on_screen() -> dict:
    import streamlit as st

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
    import streamlit as st

    st.session_state[SCENARIO_KEY] = picked
    st.session_state[STATE_KEY] = True  # app_controls then hands over to the slideshow at this page's slide


def _saved_scenarios(lang: str) -> tuple[dict[str, dict], str]:
    """The saved scenarios (id -> latest version's row, newest first) and a message if none can be read;
    takes ?scenario= from the address (a link to a saved scenario's slide) into the picker's state."""
    import streamlit as st

    from . import scenario_store as stores

    state = st.session_state
    saved: dict[str, dict] = {}
    message = ""
    try:
        saved = {row["scenario_id"]: row for row in stores.open_store().list_scenarios()}
    except stores.StoreUnavailable:
        message = L.tr("scenario_store_off", lang)
    asked = st.query_params.get("scenario")
    if asked is not None and asked != state.get(_URL_SCENARIO_KEY):
        state[_URL_SCENARIO_KEY] = asked
        if asked in saved or asked == CURRENT:
            state[SCENARIO_KEY] = asked
        elif not message:
            message = L.tr("scenario_bad_link", lang)
    if state.get(SCENARIO_KEY) not in (CURRENT, *saved):
        state[SCENARIO_KEY] = CURRENT
    return saved, message


def _scenario_picker(saved: dict[str, dict], message: str, lang: str) -> None:
    """On the scenario slide: which scenario to show (the one being edited, or a saved one)."""
    import streamlit as st

    from . import ui
    from .labels import scenarios as ls

    state = st.session_state
    if message:
        st.warning(message)  # our own words (labels.present)
    # The choice lives in SCENARIO_KEY, not in the widget's key: Streamlit forgets a widget's value
    # when a run does not draw it (any other slide or page), and the choice must outlast that.
    state[SCENARIO_WIDGET] = state[SCENARIO_KEY]
    st.selectbox(ui.tr(L.UI["scenario_pick"]), [CURRENT, *saved], key=SCENARIO_WIDGET, placeholder=ui.t("choose"),
                 help=ui.tr(L.UI["scenario_pick_help"]),
                 on_change=lambda: state.__setitem__(SCENARIO_KEY, state[SCENARIO_WIDGET]),
                 format_func=lambda k: L.tr("scenario_current", lang) if k == CURRENT
                 else ls.saved_option(saved[k], lang))
    if state[SCENARIO_KEY] == CURRENT:
        st.query_params.pop("scenario", None)
    else:
        st.query_params["scenario"] = state[_URL_SCENARIO_KEY] = state[SCENARIO_KEY]


def _origin_script() -> str:
    import streamlit as st

    origin = st.session_state.get(ORIGIN_KEY)
    if origin not in labels.PAGES or origin == PRESENT_PAGE:
        origin = "overview"
    return f"pages/{origin}.py"


def briefing_downloads(page_key: str) -> None:
    """Two PDF downloads: this page's slides and the whole dashboard, made when clicked."""
    import streamlit as st

    from . import ui

    lang, unit = ui.lang(), ui.unit()
    page_keys = slides_for_page(page_key) if page_key != PRESENT_PAGE else slide_keys()
    page_title = ui.tr(labels.PAGES.get(page_key, labels.PAGES["overview"])[1])
    whole = ui.tr(L.UI["pdf_whole"])
    st.caption(ui.tr(L.UI["briefing"]), help=ui.tr(L.UI["briefing_help"]))
    choice = _on_screen()  # filled in by remember_on_screen() after the page has run
    st.download_button(ui.tr(L.UI["briefing_page"]), data=_pdf_maker(page_keys, lang, unit, page_title, choice),
                       file_name=_briefing_file(page_key, lang), mime="application/pdf", key="briefing_page",
                       on_click="ignore", icon=":material/picture_as_pdf:", width="stretch")
    st.download_button(ui.tr(L.UI["briefing_all"]), data=_pdf_maker(slide_keys(), lang, unit, whole, choice),
                       file_name=_briefing_file("all", lang), mime="application/pdf", key="briefing_all",
                       on_click="ignore", icon=":material/picture_as_pdf:", width="stretch")


def _briefing_file(scope: str, lang: str) -> str:
    from .briefing import file_name
    return file_name(scope, lang)


def _pdf_maker(keys: list[str], lang: str, unit: str, scope_title: str, on_screen: dict):
    """A no-argument callable for st.download_button: builds the PDF only when someone clicks, with
    the scenario that `on_screen` (see remember_on_screen) names at that moment."""
    def make() -> bytes:
        return briefing_pdf(keys, lang, unit, scope_title, on_screen.get("choice"))
    return make


def briefing_pdf(keys: list[str], lang: str, unit: str, scope_title: str,
                 choice: ScenarioChoice | None = None) -> bytes:
    """The briefing of some slides as PDF bytes (queries, charts, citations, then fpdf2); the
    scenario slide shows `choice` (the plan when None)."""
    from . import briefing
    from .queries import sources as q_sources

    slides = build_all(keys, lang, unit, choice)
    cites = {s.key: q_sources.citations(tuple(s.cite_ids)) for s in slides}
    return briefing.build_pdf(slides, cites, lang, scope_title)


# --- the slideshow page ------------------------------------------------------------------------

def slideshow() -> None:
    """The /present page: one slide, big, with previous/next/exit; keyboard and clicker work."""
    import streamlit as st

    from . import ui
    from .charts import PLOTLY_CONFIG

    st.html(PRESENT_CSS)
    keys = slide_keys()
    asked = st.query_params.get("slide")
    if asked in keys and asked != st.session_state.get(_URL_SLIDE_KEY):  # a shared link, or typed
        st.session_state[SLIDE_KEY] = asked
    current = st.session_state.get(SLIDE_KEY)
    if current not in keys:
        current = keys[0]
        st.session_state[SLIDE_KEY] = current
    st.query_params["slide"] = st.session_state[_URL_SLIDE_KEY] = current
    lang, unit = ui.lang(), ui.unit()
    i = keys.index(current)

    picker = None
    if current in _TAKES_CHOICE:
        saved, message = _saved_scenarios(lang)
        picker = lambda: _scenario_picker(saved, message, lang)  # noqa: E731
    else:
        st.query_params.pop("scenario", None)  # belongs to the scenario slide's address only
    slide = build(current, lang, unit, scenario_choice() if picker else None)
    prev_col, next_col, count_col, exit_col = st.columns([1, 1, 2.2, 1.4], vertical_alignment="center")
    count_col.caption(f"{ui.t('app_title')} · {L.slide_counter(i + 1, len(keys), lang)}")
    prev_col.button(ui.tr(L.UI["prev"]), key="present_prev", on_click=_go, args=(-1,), shortcut="PageUp",
                    icon=":material/arrow_back:", disabled=i == 0, width="stretch")
    next_col.button(ui.tr(L.UI["next"]), key="present_next", on_click=_go, args=(1,), shortcut="PageDown",
                    icon=":material/arrow_forward:", icon_position="right", type="primary",
                    disabled=i == len(keys) - 1, width="stretch")
    exit_col.page_link(_origin_script(), label=ui.tr(L.UI["exit"]), icon=":material/close_fullscreen:",
                       query_params={"present": _OFF})
    for key, (shortcut, delta) in _EXTRA_KEYS.items():
        st.button(shortcut, key=key, on_click=_go, args=(delta,), shortcut=shortcut)

    if slide is None:
        st.warning(ui.tr(L.UI["slide_missing"]))
    else:
        _draw(slide, ui, PLOTLY_CONFIG, picker=picker)
    st.caption(ui.tr(L.UI["keys_hint"]))


def _draw(slide: Slide, ui, plotly_config: dict, picker: Callable[[], None] | None = None) -> None:
    import streamlit as st

    st.title(slide.title, anchor=False)
    if picker is not None:
        picker()
    if slide.notice:
        st.warning(slide.notice)  # our own words (labels.present)
    if slide.figures:
        cols = st.columns(min(len(slide.figures), 4 if len(slide.figures) == 4 else 3))
        for n, (label, value) in enumerate(slide.figures):
            delta = slide.deltas[n] if n < len(slide.deltas) else None
            cols[n % len(cols)].metric(label, value, delta=delta, delta_color="off", border=True)
    if slide.chart is not None:
        left, right = st.columns([3, 2], vertical_alignment="top")
        with left:
            fig = go.Figure(slide.chart)
            fig.update_layout(height=520)
            if slide.key in _LARGE_TYPE_CHARTS:  # the map sizes its own labels to fit its districts
                fig.update_layout(font={"size": 18})
                fig.update_xaxes(tickfont={"size": 16}, title_font={"size": 16})
                fig.update_yaxes(tickfont={"size": 16}, title_font={"size": 16})
            st.plotly_chart(fig, config=plotly_config, key=f"present_chart_{slide.key}", width="stretch")
        with right:
            st.markdown(slide.summary)
    elif slide.summary:
        st.markdown(md_escape(slide.summary) if slide.key == "document" else slide.summary)
    for line in slide.lines:
        st.markdown(f"- {md_escape(line)}")
    ui.source_note(slide.cite_ids, key=f"present_src_{slide.key}")
