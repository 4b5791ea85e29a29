"""The map page (/map): where the province's protected product names are, district by district.

Layout only: queries in khcn_dash.queries.ip, the figure and tables in khcn_dash.charts.map,
every string and summary in khcn_dash.labels.map. The district can be chosen three ways that
always agree: a click on the map, the keyboard-friendly selector (key `district`), or a shared
link `/map?district=<id>` (an unknown id is ignored quietly).
"""
from __future__ import annotations

import streamlit as st

from khcn_dash import figure_cache, labels, served, ui, url_state
from khcn_dash.charts import PLOTLY_CONFIG
from khcn_dash.charts import map as charts
from khcn_dash.labels import map as L
from khcn_dash.results import cite_ids
from khcn_dash.summaries import map as summaries
from khcn_dash.queries import ip as q
from khcn_dash.text import md_escape

ui.require_app_shell()
lang = ui.lang()
DISTRICTS = tuple(q.districts()["district_id"])
WHOLE_PROVINCE = ""  # the selector's "no district" option


def tr(key: str, **kw) -> str:
    return L.t(key, lang, **kw)


def _write_district_url() -> None:
    chosen = st.session_state.get("district")
    url_state.put("district", chosen if chosen in DISTRICTS else None)


def _on_map_select() -> None:
    """A click on the map chooses that district in the selector (and the URL)."""
    picked = charts.selected_district(st.session_state.get("ip_map"), frozenset(DISTRICTS))
    if picked:
        st.session_state["district"] = picked
        _write_district_url()


asked = url_state.incoming("district")  # a shared link may name a district
if asked in DISTRICTS:
    st.session_state["district"] = asked
elif st.session_state.get("district") not in (*DISTRICTS, WHOLE_PROVINCE):
    st.session_state["district"] = WHOLE_PROVINCE
_write_district_url()

st.title(ui.tr(labels.PAGES["map"][1]))
st.caption(tr("intro"))


def district_map_figure(types: tuple, statuses: tuple, lang: str, district: str | None, research_layer: bool,
                        large: bool):
    """The map for these choices (built only when not kept yet: figure_cache)."""
    return charts.district_map(
        q.ip_count_by_district(types, statuses), q.ip_assets(types, statuses), q.district_geometry(), lang,
        selected=district, research=q.research_count_by_district() if research_layer else None,
        font_size=charts.FONT_LARGE if large else charts.FONT_NORMAL)


def all_assets(assets) -> None:
    """Every product the filters keep, one row each with its sentence: below the first screen, so
    drawn once opened."""
    box = ui.lazy_expander(ui.counted(tr("all_assets_heading"), len(assets)), "ip_assets_open",
                           icon=":material/table:")
    if box.open:
        with box:
            st.caption(tr("all_assets_count", n=len(assets)))
            ui.table_block(charts.assets_table(assets, lang), cite_ids(assets), key="ip_assets", filename="ip_assets")


def without_boundaries() -> None:
    """A package that brings no district boundaries: no map, the note why, and its IP assets as a list."""
    st.info(tr("no_boundaries"), icon=":material/map:")
    assets = q.ip_assets()
    if assets.empty:
        st.info(tr("no_assets"), icon=":material/info:")
        return
    st.subheader(tr("all_assets_heading"))
    st.caption(tr("all_assets_count", n=len(assets)))
    ui.table_block(charts.assets_table(assets, lang), cite_ids(assets), key="ip_assets", filename="ip_assets")


def with_boundaries() -> None:
    # On a projector (large labels) the map takes the full width and the district panel goes below it.
    if st.session_state.get("large_labels"):
        col_map, col_side = st.container(), st.container()
    else:
        col_map, col_side = st.columns([4, 3], gap="medium")

    # --- the map: filters above it; attribution, view switches and summary under it -------------
    with col_map:
        f_type, f_status = st.columns(2)
        types = f_type.pills(tr("filter_type"), q.ALL_TYPES, selection_mode="multi", default=q.ALL_TYPES,
                             format_func=lambda c: ui.name("ip_type", c), key="ip_types", wrap=True)
        statuses = f_status.pills(tr("filter_status"), q.ALL_STATUSES, selection_mode="multi",
                                  default=q.ALL_STATUSES, format_func=lambda c: ui.name("ip_status", c),
                                  key="ip_statuses", wrap=True)
        if not types or not statuses:
            st.warning(tr("empty_filter"))

        counts = q.ip_count_by_district(tuple(types), tuple(statuses))
        assets = q.ip_assets(tuple(types), tuple(statuses))
        district = st.session_state.get("district") or None
        wide = summaries.province_wide_products(assets, lang)
        # the view switches sit under the map; their values are in the session before they are drawn
        large = bool(st.session_state.get("large_labels"))
        research_layer = bool(st.session_state.get("research_layer"))

        tab_map, tab_table = ui.lazy_tabs([ui.t("chart"), ui.t("table")], key="ip_map_view")
        if tab_map.open:
            with tab_map:
                fig = figure_cache.kept_figure(district_map_figure, tuple(types), tuple(statuses), lang, district,
                                               research_layer, large)
                st.plotly_chart(fig, config=PLOTLY_CONFIG, key="ip_map", width="stretch",
                                on_select=_on_map_select, selection_mode="points")
                ui.png_download(fig, "ban-do-chi-dan-dia-ly-nhan-hieu", key="ip_map")
        if tab_table.open:
            with tab_table:
                by_district = charts.district_table(counts, q.research_count_by_district(), lang)
                st.dataframe(by_district, hide_index=True, width="stretch", key="ip_by_district_table")
                ui.download_buttons(by_district, "ip_by_district", key="ip_by_district")
        if served.current().identity.geo_source:  # the package's boundaries: where they come from, their licence
            st.caption(f"{tr('attribution_label')}: {md_escape(served.current().identity.geo_source)}")
        v_large, v_research = st.columns(2)
        v_large.toggle(tr("large_labels"), key="large_labels", help=tr("large_labels_help"))
        v_research.toggle(tr("research_layer"), key="research_layer", help=tr("research_layer_help"))
        if wide:
            st.markdown(summaries.province_wide_line(wide, lang))
        st.markdown(summaries.map_summary(counts, assets, lang))
        ui.source_note(cite_ids(assets), key="ip_map_src")

    # --- beside it: province totals, the district selector and the chosen district ------------------
    with col_side:
        totals = q.ip_totals()  # as the document states them, whatever the filters
        st.subheader(tr("totals_heading"))
        cards = summaries.totals_cards(totals, q.ip_assets(), lang)
        for i in range(0, len(cards), 2):
            for col, (label, value, help_text) in zip(st.columns(2), cards[i:i + 2]):
                col.metric(label, value, help=help_text)
        ui.source_note(totals["cite_ids"], key="ip_totals_src")

        st.selectbox(tr("district_select"), [WHOLE_PROVINCE, *DISTRICTS], key="district", placeholder=ui.t("choose"),
                     format_func=lambda d: L.district_short(d, lang) if d else tr("district_none"),
                     on_change=_write_district_url)
        if district is None:
            st.info(tr("hint"), icon=":material/touch_app:")
            all_assets(assets)
        else:
            name = L.district_full(district, lang)
            mine = q.ip_assets(tuple(types), tuple(statuses), district_id=district)
            st.subheader(tr("district_heading", district=name))
            if mine.empty:
                st.info(tr("district_empty", district=name))
            else:
                st.caption(tr("district_count", n=len(mine)))
            for _, row in mine.iterrows():
                title, kind, notes = summaries.asset_card(row, lang)
                with st.container(border=True):
                    st.markdown(title)
                    st.text(kind)
                    for note in notes:
                        st.caption(md_escape(note))
                    st.page_link(ui.SOURCES_PAGE, label=f"{ui.t('section')} {row['section']} · {ui.t('open_in_document')}",
                                 icon=":material/menu_book:",
                                 query_params={"section": row["section"], "cite": row["cite_id"]})
            if wide:
                st.caption(md_escape(tr("also_province", products=L.join_words(wide, lang), district=name)))
            for quote in summaries.quotes(mine, lang):  # the sentences themselves, as the document writes them
                st.markdown(quote)

            research = q.research_by_district(district)
            st.subheader(tr("research_heading", district=name))
            if research.empty:
                st.info(tr("research_empty", district=name))
            else:
                ui.table_block(charts.research_table(research, lang), cite_ids(research),
                               key="ip_district_research", filename=f"research_{district}")

    if district is not None:  # the full list stays on the page, below the map
        all_assets(assets)


if DISTRICTS:
    with_boundaries()
else:
    without_boundaries()
