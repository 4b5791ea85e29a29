"""Small shared Streamlit helpers: language and unit state, citations, chart blocks, downloads.

Pages call these so that every chart gets the same companions: a text summary, a data table,
CSV and Excel downloads, and its source sentences with links into the document.
"""
from __future__ import annotations

import functools
from collections.abc import Iterable
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from . import documents, export, labels, results, served, url_state
from . import format as fmt
from .charts import PLOTLY_CONFIG
from .queries import sources as q_sources
from .text import md_escape

SOURCES_PAGE = "pages/sources.py"
APP_CSS = Path(__file__).resolve().parent.parent / "assets" / "app.css"


def app_css() -> None:
    """The app's style sheet (assets/app.css), once per run, from app.py."""
    st.html(_app_css_text())


@functools.cache
def _app_css_text() -> str:
    return APP_CSS.read_text(encoding="utf-8")


# --- state ---------------------------------------------------------------------------------

def lang() -> str:
    value = st.session_state.get("lang", "vi")
    return value if value in fmt.LANGS else "vi"


def unit() -> str:
    value = st.session_state.get("unit", "mvnd")
    return value if value in fmt.UNITS else "mvnd"


def tr(pair: labels.Pair) -> str:
    """The current language's half of a (vi, en) pair."""
    return labels.pick(pair, lang())


def t(key: str) -> str:
    """A shared UI string (labels.UI) in the current language."""
    return tr(labels.UI[key])


def name(kind: str, code: str | None) -> str:
    return labels.name(kind, code, lang())


def money(amount_mvnd) -> str:
    return fmt.money(amount_mvnd, lang(), unit())


_URL_STATE = {"lang": (fmt.LANGS, "vi"), "unit": (fmt.UNITS, "mvnd")}


def _write_url(key: str) -> None:
    allowed, default = _URL_STATE[key]
    value = st.session_state.get(key, default)
    # written on every run (force): a page change clears the address's parameters
    url_state.put(key, None if value == default or value not in allowed else value, force=True)


def sync_url_state() -> None:
    """Keeps ?lang=, ?unit= and ?doc= and the session in step, before any widget is drawn.

    A valid value in the address wins; an unknown or hostile one is dropped quietly and the
    session's (or the default) value applies. The value is written back to the URL
    on every run, so it survives page changes, which clear query parameters."""
    for key, (allowed, default) in _URL_STATE.items():
        raw = url_state.current(key)  # a valid value in the address wins on every run
        if raw is not None and raw in allowed:
            st.session_state[key] = raw
        elif st.session_state.get(key) not in allowed:
            st.session_state[key] = default
        else:
            # Set again on every run: after a click in the sidebar's page list, Streamlit draws the
            # switch with its default ("vi") unless the session's value was set through the API in
            # this run (a page change also empties the address, so there is nothing to read there).
            st.session_state[key] = st.session_state[key]
        _write_url(key)
    _sync_document()


# --- the document ----------------------------------------------------------------------------

_DOC_PROVINCE, _DOC_YEAR = "doc_province", "doc_year"  # the picker's widgets


def _session_document() -> str | None:
    """The session's chosen document id, in a script run (a page's or a fragment's); else None."""
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    if get_script_run_ctx(suppress_warning=True) is None:
        return None
    return st.session_state.get(served.SESSION_KEY)


served.read_choice_with(_session_document)


def _write_doc_url() -> None:
    # kept in the address whenever there is a choice, so a shared link keeps its document even
    # after a newer one becomes the default; with one document there is nothing to keep
    many = len(documents.catalogue()) > 1
    url_state.put("doc", served.doc_id() or None if many else None, force=True)


def _sync_document() -> None:
    """Keeps ?doc= and the session's document in step (called by sync_url_state). A known document
    in the address wins on every run; an unknown one is dropped with a note in the user's
    language, and the session's (or the default) document is served."""
    raw = url_state.current("doc")
    if raw is not None and documents.find(raw) is not None:
        st.session_state[served.SESSION_KEY] = raw
    else:
        if raw is not None:
            st.session_state["_doc_unknown"] = raw[:80]
        if documents.find(st.session_state.get(served.SESSION_KEY)) is None:
            default = documents.default()
            st.session_state[served.SESSION_KEY] = default.id if default else None
    doc = served.current()
    if doc is not None:  # the picker shows the served document, also after a page change
        st.session_state[_DOC_PROVINCE] = doc.province
        st.session_state[_DOC_YEAR] = doc.identity.plan_year
    _write_doc_url()


def _province_chosen() -> None:
    found = documents.of_province(st.session_state.get(_DOC_PROVINCE))
    if found:
        st.session_state[served.SESSION_KEY] = found[0].id  # its newest document
    _write_doc_url()


def _year_chosen() -> None:
    doc = served.current()
    year = st.session_state.get(_DOC_YEAR)
    found = [d for d in documents.of_province(doc.province if doc else "") if d.identity.plan_year == year]
    if found:
        st.session_state[served.SESSION_KEY] = found[0].id
    _write_doc_url()


def document_picker() -> None:
    """The sidebar's choice of document: the province, then its plan year. Drawn only when there
    is more than one document."""
    unknown = st.session_state.pop("_doc_unknown", None)
    if unknown is not None:
        st.warning(tr(labels.UI["doc_unknown"]).format(doc=md_escape(unknown)), icon=":material/description:")
    docs = documents.catalogue()
    doc = served.current()
    if len(docs) < 2 or doc is None:
        return
    current = lang()
    names = {d.province: d.province_name(current) for d in docs}
    with st.sidebar:
        st.selectbox(t("doc_province"), list(names), format_func=names.get, key=_DOC_PROVINCE,
                     on_change=_province_chosen)
        years = [d.identity.plan_year for d in documents.of_province(doc.province)]
        plan_word = t("doc_plan")  # fixed when drawn, as for the unit's names
        st.radio(t("doc_year"), years, key=_DOC_YEAR, horizontal=True, on_change=_year_chosen,
                 format_func=lambda y: f"{plan_word} {y}")


def sidebar_controls() -> None:
    """Language and unit switches (call sync_url_state() first)."""
    with st.sidebar:
        st.radio(labels.UI["language"][0] + " / " + labels.UI["language"][1], list(fmt.LANGS),
                 format_func=labels.LANG_NAMES.get, key="lang", horizontal=True,
                 on_change=_write_url, args=("lang",))
        # the option names are fixed when the widget is drawn (not looked up later, outside the run)
        current = lang()
        st.radio(t("unit"), list(fmt.UNITS), format_func=lambda u: labels.pick(labels.UI[f"unit_{u}"], current),
                 key="unit", horizontal=True, on_change=_write_url, args=("unit",))


def data_status(status) -> bool:
    """The note on every page when the sources on disk failed their checks (publish.Status): the
    date of the data still served and the failed checks, as plain text. False when there is no
    data at all to show (the page must not run)."""
    if not status.stale and status.has_data:
        return True
    failures = "\n".join(f"- {f}" for f in status.failures)
    if not status.has_data:
        st.error(t("data_missing"))
        st.code(failures or "–", language=None, wrap_lines=True)
        return False
    stamp = lambda v: fmt.datetime_local(v, lang()) if v else "–"  # noqa: E731
    st.warning(tr(labels.UI["data_stale"]).format(built_at=stamp(status.built_at), failed_at=stamp(status.failed_at)),
               icon=":material/history:")
    with st.expander(tr(labels.UI["data_stale_checks"]).format(n=len(status.failures))):
        st.code(failures, language=None, wrap_lines=True)
    return True


# --- citations -----------------------------------------------------------------------------

def source_note(cite_ids: Iterable, key: str) -> None:
    """An expander listing each cited sentence with its section and a link into /sources. Its
    sentences are made and sent only once it is opened (a rerun, of the fragment it is in): a page
    has many of these, and closed, they would still cost the browser two elements a sentence."""
    ids = results.cite_ids(cite_ids)
    if not ids:
        return
    box = lazy_expander(counted(t("sources_expander"), len(ids)), key=f"{key}_open")
    if not box.open:
        return
    cites = q_sources.citations(ids)
    with box:
        if lang() != "vi":
            st.caption(t("quote_original"))
        for i, row in enumerate(cites.itertuples()):
            title = row.heading_vi if lang() == "vi" else row.title_en
            st.markdown(f"**{md_escape(section_label(row.section))}** · {md_escape(title)}  \n"
                        f"“{md_escape(row.quote_vi)}”")
            st.page_link(SOURCES_PAGE, label=t("open_in_document"), icon=":material/menu_book:",
                         query_params={"section": row.section, "cite": row.cite_id})


def counted(title: str, n: int) -> str:
    """A part's title with how many things it holds: 'Nguồn trong văn bản (3)'."""
    return f"{title} ({fmt.count(n, lang())})"


def lazy_expander(label: str, key: str, *, icon: str | None = None, expanded: bool = False):
    """st.expander whose content costs nothing until it is opened (a rerun of its fragment, else of
    the page): `box = lazy_expander(...)`, then `if box.open: with box: ...`. For what lies below a
    page's first screen. Open state: st.session_state[key]; it opens by itself whenever `expanded`
    turns true (a scenario with a split was opened), and stays open when a run did not draw it (its
    tab was closed) and when its label changes (another language: another widget to Streamlit)."""
    keep_state(key)
    if expanded and not st.session_state.get(f"_{key}_asked"):
        st.session_state[key] = True
    st.session_state[f"_{key}_asked"] = expanded
    if key in st.session_state:  # set by the app: carried to a widget of a new label
        st.session_state[key] = st.session_state[key]
    return st.expander(label, key=key, on_change="rerun", icon=icon, expanded=expanded)


def section_label(section_id: str) -> str:
    """'mục A.II.8' / 'section A.II.8'; named parts ('header', 'closing') by their name."""
    if section_id in labels.SECTION_NAMES:
        return tr(labels.SECTION_NAMES[section_id])
    return f"{t('section')} {section_id}"


# --- chart blocks and downloads ------------------------------------------------------------

def document_file(filename: str) -> str:
    """A download's file name, ending with the id of the document it comes from."""
    return f"{filename}_{served.doc_id()}" if served.doc_id() else filename


def download_buttons(table: pd.DataFrame, filename: str, key: str) -> None:
    # The files are made when a button is clicked, not on every run of the page (an Excel file
    # costs tens of milliseconds, and a page has several). on_click="ignore": a click must not also
    # rerun the page, or the rerun can drop the deferred file before it is made and the click
    # downloads nothing (seen in the browser tests, one click in a few).
    filename = document_file(filename)
    c1, c2 = st.columns(2)
    c1.download_button(t("download_csv"), lambda: export.to_csv_bytes(table), file_name=f"{filename}.csv",
                       mime="text/csv", key=f"{key}_csv", on_click="ignore", icon=":material/download:")
    c2.download_button(t("download_xlsx"), lambda: export.to_xlsx_bytes(table, filename), file_name=f"{filename}.xlsx",
                       mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                       key=f"{key}_xlsx", on_click="ignore", icon=":material/download:")


def chart_block(fig: go.Figure, table: pd.DataFrame, summary: str | None, cite_ids: Iterable, key: str,
                filename: str, shown: pd.DataFrame | None = None) -> None:
    """One chart with its companions: summary text (None: the page writes it elsewhere, e.g. beside
    the chart), chart/table tabs, downloads, sources.

    `shown`, if given, is what the table tab displays instead of `table` (e.g. the same rows with
    numbers written in the reader's style); the downloads always carry `table`."""
    if summary is not None:
        st.markdown(summary)
    tab_chart, tab_table = lazy_tabs([t("chart"), t("table")], key=f"{key}_view")
    if tab_chart.open:
        with tab_chart:
            st.plotly_chart(fig, config=PLOTLY_CONFIG, key=f"{key}_chart", width="stretch")
            png_download(fig, filename, key)
    if tab_table.open:
        with tab_table:
            st.dataframe(table if shown is None else shown, hide_index=True, width="stretch", key=f"{key}_table")
            download_buttons(table, filename, key)
    source_note(cite_ids, key=f"{key}_src")


def keep_state(*keys: str) -> None:
    """For widgets inside lazy tabs or lazy expanders: Streamlit forgets the value of a widget that a
    run did not draw (its tab or part was closed), so a filter would reset each time it is left.
    Called at the top of a page, before those widgets, this keeps a copy of each value and puts it
    back when the widget is drawn again."""
    for key in keys:
        shadow = f"_kept_{key}"
        if key in st.session_state:
            st.session_state[shadow] = st.session_state[key]
        elif shadow in st.session_state:
            st.session_state[key] = st.session_state[shadow]


def lazy_tabs(names: list[str], key: str):
    """st.tabs whose hidden tabs cost nothing: only the open tab's content is run and sent (opening
    another tab reruns the page). Use as `if tab.open: with tab: ...`. The open tab is kept by
    position, so it survives a change of language (the labels change, the place does not)."""
    index_key = f"_{key}_index"
    current = st.session_state.get(key)
    if current in names:
        st.session_state[index_key] = names.index(current)
    else:  # first run, the tab was not drawn last run, or the language changed
        st.session_state[key] = names[min(st.session_state.get(index_key, 0), len(names) - 1)]
    return st.tabs(names, key=key, on_change="rerun")


def png_download(fig: go.Figure, filename: str, key: str) -> None:
    """The chart as PNG, drawn offline by kaleido only when clicked (no rerun)."""
    from . import images
    from .labels import present as present_labels

    if not images.chromium_available():
        return
    filename = document_file(filename)
    st.download_button(tr(present_labels.UI["download_png"]), data=lambda: images.figure_to_png(fig),
                       file_name=f"{filename}.png", mime="image/png", key=f"{key}_png", on_click="ignore",
                       icon=":material/image:", help=tr(present_labels.UI["png_help"]))


def table_block(table: pd.DataFrame, cite_ids: Iterable, key: str, filename: str,
                shown: pd.DataFrame | None = None) -> None:
    """A table with downloads and sources (for lists that are not charts); `shown` as in chart_block."""
    st.dataframe(table if shown is None else shown, hide_index=True, width="stretch", key=f"{key}_table")
    download_buttons(table, filename, key)
    source_note(cite_ids, key=f"{key}_src")


def cite_link(section: str, cite_id: str, doc_id: str | None = None) -> str:
    """The address of a cited sentence, highlighted in the document on the sources page; it carries
    the language and unit, so a new tab reads the same, and the document (`doc_id`, else the one the
    address names)."""
    kept = {}
    for key, (_, default) in _URL_STATE.items():  # lang, unit: only when not the default
        value = st.session_state.get(key, default)
        kept[key] = None if value == default else value
    kept["doc"] = doc_id or url_state.current("doc")
    return url_state.href("sources", section=section, cite=cite_id, **kept)


def cite_links(sections: Iterable, cite_ids: Iterable, doc_id: str | None = None) -> list[str | None]:
    """cite_link for each row (None where a row cites nothing, e.g. a figure one document lacks)."""
    return [cite_link(s, c, doc_id) if isinstance(c, str) else None for s, c in zip(sections, cite_ids)]


def linked_table(table: pd.DataFrame, shown: pd.DataFrame, links: dict[str, list], key: str,
                 filename: str) -> None:
    """A table with link columns (column -> one address per row, or None), each cell opening a cited
    sentence in its document; the downloads carry `table`."""
    st.dataframe(shown.assign(**links), hide_index=True, width="stretch", key=f"{key}_table",
                 column_config={c: st.column_config.LinkColumn(display_text=t("open_in_document")) for c in links})
    download_buttons(table, filename, key)


def cited_table(table: pd.DataFrame, sections: Iterable[str], cite_ids: Iterable[str], key: str,
                filename: str) -> None:
    """A table whose every row is one cited sentence (shown in the table with its section): a link
    column opens each in the document. One element, where a source list would repeat every row."""
    linked_table(table, table, {t("open_in_document"): cite_links(sections, cite_ids)}, key, filename)


def list_block(table: pd.DataFrame, cite_ids: Iterable, key: str, filename: str) -> None:
    """A short list shown whole (st.table, no scrolling grid), with downloads and sources."""
    st.table(table, hide_index=True)
    download_buttons(table, filename, key)
    source_note(cite_ids, key=f"{key}_src")


def require_app_shell() -> None:
    """First line of every page: makes sure the page runs inside app.py's navigation.

    A server whose very first request is a deep link (e.g. /budget) starts in Streamlit's old
    pages-folder mode, because a pages/ folder exists and st.navigation has not run yet: it then
    runs pages/budget.py alone (no language switch, file names in the sidebar) for every visitor.
    Switching the mode off and rerunning sends this run through app.py, which keeps the address."""
    from streamlit.runtime.pages_manager import PagesManager

    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()
