"""Plan: the planned research, the activity areas and the investment projects. Layout only."""
from __future__ import annotations

import streamlit as st

from khcn_dash import filters, served
from khcn_dash import format as fmt
from khcn_dash import ui
from khcn_dash.charts import plan as charts
from khcn_dash.labels import plan as L
from khcn_dash.queries import budget as q_budget
from khcn_dash.queries import plan as q_plan
from khcn_dash.queries import review as q_review
from khcn_dash.results import cite_ids
from khcn_dash.summaries import plan as S

ui.require_app_shell()

PLAN = served.plan()
lang, unit = ui.lang(), ui.unit()
ui.keep_state("plan_field", "plan_area")  # selectors inside tabs

facts = {
    "planned_tasks": q_review.indicator("planned_task_count", PLAN),
    "fields": q_plan.research_fields(),
    "areas": q_plan.activity_areas(),
    "investment": q_budget.investment_by_project(PLAN),
    "investment_total": q_budget.stated_total("investment_mvnd", PLAN),
    "investment_projects": q_budget.stated_total("investment_project_count", PLAN),
}

st.header(ui.tr(L.T["title"]))
st.caption(ui.tr(L.T["intro"]))

cols = st.columns(2)
for i, (label, value, help_text) in enumerate(S.headline_metrics(facts, lang, unit)):
    cols[i % 2].metric(label, value, help=help_text, border=True)
st.subheader(ui.tr(L.T["key_points"]))
st.markdown(S.key_points(facts, lang, unit))
ui.source_note(S.headline_cites(facts), key="plan_headline_src")
st.info(ui.tr(L.T["how_to_source"]), icon=":material/menu_book:")
if lang != "vi":
    st.caption(ui.tr(L.T["translation_note"]))

tab_research, tab_areas, tab_invest = ui.lazy_tabs(
    [ui.tr(L.T[k]) for k in ("tab_research", "tab_areas", "tab_investment")], key="plan_tabs")

if tab_research.open:
    with tab_research:
        st.subheader(ui.tr(L.T["h_fields"]))
        fields = facts["fields"]
        ui.chart_block(charts.directions_by_field_bar(fields, lang), charts.fields_table(fields, lang),
                       S.fields_summary(fields, facts["planned_tasks"], lang),
                       cite_ids(facts["planned_tasks"], fields), key="plan_fields", filename=L.FILENAMES["fields"])

        field = st.selectbox(ui.tr(L.T["field_select"]), filters.field_options(fields), placeholder=ui.t("choose"),
                             format_func=lambda c: filters.field_label(fields, c, lang), key="plan_field")
        directions = q_plan.research_directions(field)
        st.markdown(S.heading("h_directions", filters.field_label(fields, field, lang), lang))
        st.markdown(S.count_line("n_directions", filters.field_label(fields, field, lang), len(directions), lang))
        table = charts.directions_table(directions, lang)
        ui.list_block(table, cite_ids(directions), key="plan_directions",
                      filename=f"{L.FILENAMES['directions']}-{field}")

if tab_areas.open:
    with tab_areas:
        st.subheader(ui.tr(L.T["h_areas"]))
        areas = facts["areas"]
        ui.chart_block(charts.actions_by_area_bar(areas, lang), charts.areas_table(areas, lang),
                       S.areas_summary(areas, lang), cite_ids(areas), key="plan_areas",
                       filename=L.FILENAMES["areas"])

        area = st.selectbox(ui.tr(L.T["area_select"]), filters.area_options(areas), placeholder=ui.t("choose"),
                            format_func=lambda c: filters.area_label(areas, c, lang), key="plan_area")
        actions = q_plan.activity_actions(area)
        st.markdown(S.heading("h_actions", filters.area_label(areas, area, lang), lang))
        st.markdown(S.count_line("n_actions", filters.area_label(areas, area, lang), len(actions), lang))
        table = charts.actions_table(actions, lang)
        ui.list_block(table, cite_ids(actions), key="plan_actions",
                      filename=f"{L.FILENAMES['actions']}-{area}")

if tab_invest.open:
    with tab_invest:
        st.subheader(ui.tr(L.T["h_investment"]))
        invest = facts["investment"]
        table = charts.investment_table(invest, lang, unit)
        ui.chart_block(charts.investment_bar(invest, lang, unit), table,
                       S.investment_summary(invest, facts["investment_total"], facts["investment_projects"],
                                                 lang, unit),
                       cite_ids(facts["investment_total"], facts["investment_projects"], invest),
                       key="plan_investment", filename=L.FILENAMES["investment"], shown=fmt.readable(table, lang))
