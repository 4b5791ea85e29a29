"""Review: what the period delivered, every figure with its source. Layout only."""
from __future__ import annotations

import streamlit as st

from khcn_dash import filters, served
from khcn_dash import format as fmt
from khcn_dash import ui
from khcn_dash.charts import review as charts
from khcn_dash.labels import review as L
from khcn_dash.queries import budget as q_budget
from khcn_dash.queries import ip as q_ip
from khcn_dash.queries import review as q_review
from khcn_dash.results import cite_ids
from khcn_dash.summaries import review as S

ui.require_app_shell()

REVIEW = served.review()
lang, unit = ui.lang(), ui.unit()
ui.keep_state("review_highlight_field", "review_ip_type", "review_instrument_kinds",  # filters inside tabs
              "review_item_area")


def stated(metric: str) -> dict | None:
    return q_budget.stated_total(metric, REVIEW)


facts = {
    "tasks": q_review.tasks_by_field(),
    "tasks_total": stated("provincial_task_count"),
    "ministry": q_review.ministry_tasks(),
    "investment": q_budget.investment_by_project(REVIEW),
    "investment_total": stated("investment_mvnd"),
    "investment_projects": stated("investment_project_count"),
    "halted": stated("halted_project_count"),
    "gi": stated("geographical_indication_count"),
    "cm": stated("certification_mark_count"),
    "ct_a": stated("collective_trademark_count_group_20"),
    "ct_b": stated("collective_trademark_count_group_1"),
    "wip": stated("ip_in_progress_count"),
    "orgs": q_review.organisations(),
    "org_count": stated("st_organisation_count"),
    "enterprises": q_review.indicator("st_enterprise_count", REVIEW),
    "limitations": q_review.limitations(),
    "recommendations": q_review.recommendations(),
}

st.header(ui.tr(L.T["title"]))
st.caption(ui.tr(L.T["intro"]))

cols = st.columns(3)
for i, (label, value, help_text) in enumerate(S.headline_metrics(facts, lang, unit)):
    cols[i % 3].metric(label, value, help=help_text, border=True)
st.subheader(ui.tr(L.T["key_points"]))
st.markdown(S.key_points(facts, lang, unit))
ui.source_note(S.headline_cites(facts), key="review_headline_src")
st.info(ui.tr(L.T["how_to_source"]), icon=":material/menu_book:")

tab_tasks, tab_invest, tab_ip, tab_orgs, tab_legal, tab_limits, tab_items = ui.lazy_tabs(
    [ui.tr(L.T[k]) for k in ("tab_tasks", "tab_investment", "tab_ip", "tab_orgs", "tab_legal", "tab_limits",
                             "tab_items")],
    key="review_tabs")

if tab_tasks.open:
    with tab_tasks:
        st.subheader(ui.tr(L.T["h_tasks_by_field"]))
        tasks = facts["tasks"]
        table = charts.tasks_by_field_table(tasks, lang)
        ui.chart_block(charts.tasks_by_field_bar(tasks, lang), table,
                       S.tasks_by_field_summary(tasks, facts["tasks_total"], lang),
                       cite_ids(facts["tasks_total"], tasks), key="review_tasks", filename=L.FILENAMES["tasks"],
                       shown=fmt.readable(table, lang))

        # two lists below the chart: drawn once opened
        ministry = ui.lazy_expander(ui.counted(ui.tr(L.T["h_ministry"]), len(facts["ministry"])),
                                    "review_ministry_open", icon=":material/table:")
        if ministry.open:
            with ministry:
                ui.table_block(charts.ministry_tasks_table(facts["ministry"], lang), cite_ids(facts["ministry"]),
                               key="review_ministry", filename=L.FILENAMES["ministry"])
        all_highlights = q_review.research_highlights()
        highlights_box = ui.lazy_expander(ui.counted(ui.tr(L.T["h_highlights"]), len(all_highlights)),
                                          "review_highlights_open", icon=":material/table:")
        if highlights_box.open:
            with highlights_box:
                field = st.selectbox(ui.tr(L.T["highlight_field"]), filters.highlight_fields(all_highlights),
                                     placeholder=ui.t("choose"),
                                     format_func=lambda c: L.option_label("field", c, lang),
                                     key="review_highlight_field")
                highlights = q_review.research_highlights(None if field == "all" else field)
                st.caption(S.highlights_caption(len(highlights), len(all_highlights), lang))
                ui.table_block(charts.highlights_table(highlights, q_ip.districts(), lang), cite_ids(highlights),
                               key="review_highlights", filename=L.FILENAMES["highlights"])

if tab_invest.open:
    with tab_invest:
        st.subheader(ui.tr(L.T["h_investment"]))
        invest = facts["investment"]
        table = charts.investment_table(invest, lang, unit)
        ui.chart_block(charts.investment_bar(invest, lang, unit), table,
                       S.investment_summary(invest, facts["investment_total"], facts["investment_projects"], lang, unit),
                       cite_ids(facts["investment_total"], invest), key="review_investment",
                       filename=L.FILENAMES["investment"], shown=fmt.readable(table, lang))

        st.subheader(ui.tr(L.T["h_infrastructure"]))
        st.caption(ui.tr(L.T["infra_note"]))
        infra = q_budget.infrastructure_status()
        table = charts.infrastructure_table(infra, lang, unit)
        ui.chart_block(charts.infrastructure_bar(infra, lang, unit), table,
                       S.infrastructure_summary(infra, lang, unit), cite_ids(infra, facts["halted"]),
                       key="review_infra", filename=L.FILENAMES["infrastructure"], shown=fmt.readable(table, lang))

if tab_ip.open:
    with tab_ip:
        st.subheader(ui.tr(L.T["h_ip"]))
        ip_counts = q_review.ip_counts_by_type()
        ip_stated = {k: facts[k] for k in ("gi", "cm", "ct_a", "ct_b", "wip")}
        ui.chart_block(charts.ip_bar(ip_counts, lang), charts.ip_table(ip_counts, lang),
                       S.ip_summary(ip_stated, ip_counts, lang), cite_ids(*ip_stated.values(), ip_counts),
                       key="review_ip", filename=L.FILENAMES["ip"])

        st.subheader(ui.tr(L.T["h_ip_list"]))
        ip_type = st.selectbox(ui.tr(L.T["ip_type_filter"]), ["all", *filters.IP_TYPES], placeholder=ui.t("choose"),
                               format_func=lambda c: L.option_label("ip_type", c, lang),
                               key="review_ip_type")
        all_assets = q_ip.ip_assets()
        assets = all_assets if ip_type == "all" else q_ip.ip_assets(ip_types=(ip_type,))
        st.caption(S.ip_caption(len(assets), len(all_assets), lang))
        ui.table_block(charts.ip_assets_table(assets, q_ip.districts(), lang), cite_ids(assets),
                       key="review_ip_list", filename=L.FILENAMES["ip_list"])

if tab_orgs.open:
    with tab_orgs:
        st.subheader(ui.tr(L.T["h_orgs"]))
        orgs = facts["orgs"]
        st.markdown(S.organisations_summary(orgs, facts["org_count"], lang))
        ui.table_block(charts.organisations_table(orgs, lang), cite_ids(facts["org_count"], orgs),
                       key="review_orgs", filename=L.FILENAMES["orgs"])

        st.subheader(ui.tr(L.T["h_enterprises"]))
        st.markdown(S.enterprises_summary(facts["enterprises"], lang))
        ui.source_note(cite_ids(facts["enterprises"]), key="review_enterprises_src")

if tab_legal.open:
    with tab_legal:
        st.subheader(ui.tr(L.T["h_legal"]))
        instruments = q_review.legal_instruments()
        all_kinds = filters.kinds_in(instruments)
        st.session_state.setdefault("review_instrument_kinds", all_kinds)  # all at first (kept by keep_state)
        kinds = st.multiselect(ui.tr(L.T["kind_filter"]), all_kinds, placeholder=ui.t("choose"),
                               format_func=lambda k: L.option_label("instrument_kind", k, lang),
                               key="review_instrument_kinds")
        if not kinds:
            st.info(ui.tr(L.T["no_kind_selected"]))
        else:
            chosen = filters.of_kinds(instruments, kinds)
            on_timeline = filters.dated(chosen)
            ui.chart_block(charts.legal_timeline(chosen, lang), charts.legal_table(on_timeline, lang),
                           S.legal_summary(chosen, lang), cite_ids(on_timeline),
                           key="review_legal", filename=L.FILENAMES["legal"])

            st.subheader(ui.tr(L.T["h_undated"]))
            st.caption(ui.tr(L.T["undated_note"]))
            no_year = filters.undated(chosen)
            if no_year.empty:
                st.caption(ui.tr(L.T["none_undated"]))
            else:
                ui.table_block(charts.undated_table(no_year, lang), cite_ids(no_year),
                               key="review_undated", filename=L.FILENAMES["undated"])

if tab_limits.open:
    with tab_limits:
        if lang != "vi":
            st.caption(ui.tr(L.T["translation_note"]))
        for name, df in (("limitations", facts["limitations"]), ("recommendations", facts["recommendations"])):
            st.subheader(ui.tr(L.T[f"h_{name}"]))
            st.markdown(S.count_line(f"n_{name}", len(df), lang))
            table = (charts.limitations_table if name == "limitations" else charts.recommendations_table)(df, lang)
            ui.list_block(table, cite_ids(df), key=f"review_{name}", filename=L.FILENAMES[name])

if tab_items.open:
    with tab_items:
        st.subheader(ui.tr(L.T["h_items"]))
        st.caption(ui.tr(L.T["items_intro"]))
        areas = q_review.review_areas()
        by_id = {row.section_id: row for row in areas.itertuples()}
        area = st.selectbox(ui.tr(L.T["item_area"]), filters.item_areas(areas), placeholder=ui.t("choose"),
                            format_func=lambda s: L.option_label("area", s, lang) if s == "all"
                            else L.area_option(by_id[s], lang),
                            key="review_item_area")
        items = q_review.review_items(area if area in by_id else None)
        st.caption(S.items_caption(len(items), len(q_review.review_items()), lang))
        if lang != "vi":
            st.caption(ui.tr(L.T["items_translation_note"]))
        ui.cited_table(charts.review_items_table(items, lang), items["section"], items["cite_id"],
                       key="review_items", filename=L.FILENAMES["items"])
