"""Budget: how much for S&T, where it goes, and development investment in the review period beside the plan year."""
from __future__ import annotations

import streamlit as st

from khcn_dash import format as fmt
from khcn_dash import served, ui
from khcn_dash.charts import budget as charts
from khcn_dash.labels import budget as L
from khcn_dash.queries import budget as q
from khcn_dash.summaries import budget as S

ui.require_app_shell()

lang, unit = ui.lang(), ui.unit()


def figure(column, label, amount_mvnd, caption: str | None = None) -> None:
    """A money figure in a bordered box: the unit in the label keeps the number whole on narrow screens."""
    with column, st.container(border=True, height="stretch"):
        st.metric(L.money_label(label, lang, unit), fmt.amount(amount_mvnd, lang, unit))
        if caption:
            st.caption(caption)


total = q.stated_total("budget_total_mvnd", served.plan())
recurrent = q.stated_total("recurrent_mvnd", served.plan())
investment = q.stated_total("investment_mvnd", served.plan())
split = q.budget_split(served.plan())
lines = q.budget_lines(served.plan())
projects_plan = q.investment_by_project(served.plan())

st.title(ui.tr(L.TITLE))
st.markdown(ui.tr(L.INTRO))

# --- how much ------------------------------------------------------------------------------
kinds = set(split.funding_kind)
stated = [(L.METRIC_TOTAL, total, ui.tr(L.TOTAL_CAPTION)) if total else None,
          (L.METRIC_RECURRENT, recurrent, S.share_caption(split, "recurrent", lang))
          if recurrent and "recurrent" in kinds else None,
          (L.METRIC_INVESTMENT, investment, S.share_caption(split, "investment", lang))
          if investment and "investment" in kinds else None]
stated = [x for x in stated if x is not None]  # what the document does not state is left out
for column, (label, found, caption) in zip(st.columns(max(len(stated), 1)), stated):
    figure(column, label, found["value"], caption)
ui.source_note([found for _, found, _ in stated], key="budget_totals_src")

# --- where it goes -------------------------------------------------------------------------
st.header(ui.tr(L.SPLIT_HEADER))
lines_table = charts.budget_lines_table(lines, lang, unit)
tree = q.budget_tree(served.plan())
ui.chart_block(
    charts.budget_treemap(tree, lines, lang, unit), lines_table,
    S.split_summary(total["value"], split, projects_plan, lang, unit) if total and {"recurrent", "investment"} <= kinds
    else "", [total, lines.cite_id], key="budget_tree", filename="du_toan",
    shown=fmt.readable(lines_table, lang))
st.caption(ui.tr(L.TREEMAP_HELP))
if recurrent and (lines.funding_kind == "recurrent").sum() == 1 and not (tree.parent_id == "recurrent").any():
    # one line, and no detail lines: the document gives no breakdown
    st.info(S.recurrent_not_split(recurrent["value"], lang, unit), icon=":material/info:")

lines_box = ui.lazy_expander(ui.counted(ui.tr(L.LINES_HEADER), len(lines)), "budget_lines_open",
                             icon=":material/table:")  # below the first screen: drawn once opened
if lines_box.open:
    with lines_box:
        ui.table_block(lines_table, lines.cite_id, key="budget_lines", filename="cac_khoan_du_toan",
                       shown=fmt.readable(lines_table, lang))

# --- the review period beside the plan year -----------------------------------------------------------------
st.header(ui.tr(L.PERIODS_HEADER))
prev = q.stated_total("investment_mvnd", served.review())
prev_n = q.stated_total("investment_project_count", served.review())
plan_n = q.stated_total("investment_project_count", served.plan())
across = q.investment_across_periods()
if prev is None or investment is None:  # the document states no investment for the review period
    st.info(ui.t("part_absent"), icon=":material/info:")
else:
    prev_count = prev_n["value"] if prev_n else None
    plan_count = plan_n["value"] if plan_n else len(projects_plan)
    c_prev, c_plan = st.columns(2)
    figure(c_prev, L.METRIC_PREV, prev["value"], S.n_projects(prev_count, lang) if prev_count is not None else "")
    figure(c_plan, L.METRIC_PLAN, investment["value"], S.n_projects(plan_count, lang))
    st.warning(ui.tr(L.PERIODS_NOT_ADDED), icon=":material/block:")
    across_table = charts.investment_table(across, lang, unit)
    ui.chart_block(
        charts.investment_periods_bar(across, lang, unit), across_table,
        S.periods_summary(across, prev["value"], prev_count or 0, investment["value"], plan_count, lang, unit),
        [prev, plan_n, across.cite_id], key="budget_periods", filename="von_dau_tu_qua_cac_giai_doan",
        shown=fmt.readable(across_table, lang))
