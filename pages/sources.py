"""Source document: the full text by section, contents, search, and an address per section
(/sources?section=A.II.8) where &cite=<cite_id> highlights the cited sentence."""
from __future__ import annotations

import streamlit as st

from khcn_dash import ui, url_state
from khcn_dash.summaries import overview as summaries_overview
from khcn_dash.labels import sources as L
from khcn_dash.summaries import sources as summaries
from khcn_dash.queries import sources as q

ui.require_app_shell()

ALL = "all"

lang = ui.lang()
sections = q.sections()
options = [ALL, *sections.section_id]
by_id = {row.section_id: row for row in sections.itertuples()}


def follow_url(cite: dict | None) -> bool:
    """Points the section selectbox at ?section= when the address changes (a link was followed, or
    the page opened afresh); an unknown section opens the start of the document (or the cited
    sentence's section). Returns True when the address named an unknown section."""
    link = url_state.incoming_group(("section",))
    raw = link["section"] if link else url_state.current("section")
    unknown = raw is not None and raw not in by_id
    if link is not None or "section" not in st.session_state:
        st.session_state["section"] = raw if raw in by_id else (cite["section"] if cite and cite["section"] in by_id else ALL)
    if unknown:
        url_state.put("section", None)
    elif raw:  # written back: a link to this same page changes the page but not the address bar
        url_state.put("section", raw, force=True)
    return unknown


def section_chosen() -> None:
    """The selectbox changed: the address follows it, and an old citation no longer applies."""
    value = st.session_state["section"]
    url_state.put("section", None if value == ALL else value)
    url_state.put("cite", None)


def contents_chosen() -> None:
    """An entry of the contents was picked: the selectbox and the address follow it."""
    st.session_state["section"] = st.session_state["contents"]
    section_chosen()


def section_link(section_id: str, label: str, icon: str | None) -> None:
    st.page_link(ui.SOURCES_PAGE, label=label, icon=icon, query_params={"section": section_id})


raw_cite = url_state.current("cite")
cite_id = summaries.cite_param(raw_cite)
cite = q.citation(cite_id) if cite_id else None
unknown_section = follow_url(cite)

st.title(ui.tr(L.TITLE))
st.markdown(summaries_overview.document_identity(q.document_facts(), lang))
st.caption(ui.tr(L.INTRO))
if lang != "vi":
    st.info(ui.tr(L.VIETNAMESE_ONLY), icon=":material/translate:")
if unknown_section:
    st.warning(ui.tr(L.UNKNOWN_SECTION), icon=":material/help:")
if raw_cite is not None and cite is None:
    st.warning(ui.tr(L.UNKNOWN_CITE), icon=":material/help:")

c_select, c_search = st.columns([3, 2])
selected = c_select.selectbox(
    ui.tr(L.SECTION_SELECT), options, key="section", on_change=section_chosen, placeholder=ui.t("choose"),
    format_func=lambda s: ui.tr(L.ALL_SECTIONS) if s == ALL else L.option_label(by_id[s], lang))
term = summaries.search_term(c_search.text_input(
    ui.tr(L.SEARCH), key="search", max_chars=L.SEARCH_MAX_CHARS, placeholder=ui.tr(L.SEARCH_PLACEHOLDER),
    help=ui.tr(L.SEARCH_HELP)))

if term:
    results = q.search(term)
    with st.container(border=True, key="search_results"):
        st.markdown(summaries.search_summary(results, term, lang))
        for row in results.itertuples():
            section_link(row.section_id, summaries.result_label(row, lang), ":material/search:")

col_toc, col_text = st.columns([4, 9], gap="large")
with col_toc:
    st.subheader(ui.tr(L.CONTENTS))
    st.session_state["contents"] = selected  # the contents always show where the reader is
    with st.container(height=720, key="contents_box"):
        st.radio(ui.tr(L.CONTENTS), options, key="contents", on_change=contents_chosen, label_visibility="collapsed",
                 format_func=lambda s: ui.tr(L.ALL_SECTIONS) if s == ALL else summaries.contents_label(by_id[s], lang))

with col_text:
    if cite:
        with st.container(border=True, key="cited"):
            st.markdown(summaries.cited_markdown(cite, lang))
            if selected not in (ALL, cite["section"]) and cite["section"] in by_id:
                st.caption(ui.tr(L.CITE_ELSEWHERE).format(section=cite["section"]))
                section_link(cite["section"], ui.tr(L.OPEN_CITE_SECTION).format(section=cite["section"]),
                             ":material/arrow_forward:")
    if cite or term:
        st.caption(ui.tr(L.LEGEND))

    for block in summaries.subtree_markdown(q.section_subtree(None if selected == ALL else selected), lang, cite, term):
        st.markdown(block)

    if selected != ALL:
        previous, following = summaries.neighbours(sections, selected)
        c_prev, c_all, c_next = st.columns(3)
        with c_prev:
            if previous:
                section_link(previous, ui.tr(L.PREVIOUS).format(section=previous), ":material/arrow_back:")
        with c_all:
            st.page_link(ui.SOURCES_PAGE, label=ui.tr(L.WHOLE_DOCUMENT), icon=":material/article:")
        with c_next:
            if following:
                section_link(following, ui.tr(L.NEXT).format(section=following), ":material/arrow_forward:")
