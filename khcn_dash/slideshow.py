"""The /present page's drawing: one slide (slides.py), big, with previous/next/exit; the keyboard
and a presentation clicker work. Which slide and which scenario it shows is present.py's state;
its style sheet is assets/present.css.
"""
from __future__ import annotations

import functools
from collections.abc import Callable

import plotly.graph_objects as go
import streamlit as st

from . import present, ui
from .charts import PLOTLY_CONFIG
from .config import ROOT
from .labels import present as L
from .labels import scenarios as ls
from .slides import TAKES_CHOICE, Slide, build, slide_keys
from .text import md_escape

PRESENT_CSS = ROOT / "assets" / "present.css"

_LARGE_TYPE_CHARTS = {"key_figures", "budget", "review", "scenario"}
# Hidden buttons (assets/present.css) that only carry more keyboard shortcuts: key -> (shortcut, slides on)
_EXTRA_KEYS = {"present_left": ("Left", -1), "present_right": ("Right", 1),
               "present_home": ("Home", -999), "present_end": ("End", 999)}


@functools.cache
def _present_css_text() -> str:
    return PRESENT_CSS.read_text(encoding="utf-8")


def show() -> None:
    """The /present page: one slide, big, with previous/next/exit; keyboard and clicker work."""
    st.html(_present_css_text())
    keys = slide_keys()
    current = present.current_slide()
    lang, unit = ui.lang(), ui.unit()
    i = keys.index(current)

    picker = None
    if current in TAKES_CHOICE:
        saved, message = present.saved_scenarios(lang)
        picker = lambda: _scenario_picker(saved, message, lang)  # noqa: E731
    else:
        present.write_scenario_url(on_scenario_slide=False)  # ?scenario= belongs to the scenario slide only
    slide = build(current, lang, unit, present.scenario_choice() if picker else None)
    prev_col, next_col, count_col, exit_col = st.columns([1, 1, 2.2, 1.4], vertical_alignment="center")
    count_col.caption(f"{ui.t('app_title')} · {L.slide_counter(i + 1, len(keys), lang)}")
    prev_col.button(ui.tr(L.UI["prev"]), key="present_prev", on_click=present.go, args=(-1,), shortcut="PageUp",
                    icon=":material/arrow_back:", disabled=i == 0, width="stretch")
    next_col.button(ui.tr(L.UI["next"]), key="present_next", on_click=present.go, args=(1,), shortcut="PageDown",
                    icon=":material/arrow_forward:", icon_position="right", type="primary",
                    disabled=i == len(keys) - 1, width="stretch")
    exit_col.page_link(present.origin_script(), label=ui.tr(L.UI["exit"]), icon=":material/close_fullscreen:",
                       query_params={"present": present.OFF})
    for key, (shortcut, delta) in _EXTRA_KEYS.items():
        st.button(shortcut, key=key, on_click=present.go, args=(delta,), shortcut=shortcut)

    if slide is None:
        st.warning(ui.tr(L.UI["slide_missing"]))
    else:
        _draw(slide, picker=picker)
    st.caption(ui.tr(L.UI["keys_hint"]))


def _scenario_picker(saved: dict[str, dict], message: str, lang: str) -> None:
    """On the scenario slide: which scenario to show (the one being edited, or a saved one)."""
    if message:
        st.warning(message)  # our own words (labels.present)
    present.before_picker()
    st.selectbox(ui.tr(L.UI["scenario_pick"]), [present.CURRENT, *saved], key=present.SCENARIO_WIDGET,
                 placeholder=ui.t("choose"), help=ui.tr(L.UI["scenario_pick_help"]), on_change=present.on_pick,
                 format_func=lambda k: L.tr("scenario_current", lang) if k == present.CURRENT
                 else ls.saved_option(saved[k], lang))
    present.write_scenario_url(on_scenario_slide=True)


def _draw(slide: Slide, picker: Callable[[], None] | None = None) -> None:
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
            st.plotly_chart(fig, config=PLOTLY_CONFIG, key=f"present_chart_{slide.key}", width="stretch")
        with right:
            st.markdown(slide.summary)
    elif slide.summary:
        st.markdown(md_escape(slide.summary) if slide.key == "document" else slide.summary)
    for line in slide.lines:
        st.markdown(f"- {md_escape(line)}")
    ui.source_note(slide.cite_ids, key=f"present_src_{slide.key}")
