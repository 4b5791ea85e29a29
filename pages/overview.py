"""Overview: the document, the answer to "how much for S&T in the plan year and where does it go", and the
key figures as cards, each with its sentence and a link to its page."""
from __future__ import annotations

import streamlit as st

from khcn_dash import format as fmt
from khcn_dash import documents, served, ui
from khcn_dash.labels import budget as L_money
from khcn_dash.labels import overview as L
from khcn_dash.queries import budget as q_budget
from khcn_dash.queries import review as q_review
from khcn_dash.queries import sources as q_sources
from khcn_dash.summaries import overview as S

ui.require_app_shell()

lang, unit = ui.lang(), ui.unit()


def card(column, label: str, value: str, caption: str, cite_ids, page: str, key: str) -> None:
    """One key figure: value, a line of context, a link to its page and its sentences."""
    with column, st.container(border=True, height="stretch", key=f"card_{key}"):
        st.metric(label, value)
        st.caption(caption)
        st.page_link(f"pages/{page}.py", label=ui.tr(L.LINKS[page]), icon=":material/arrow_forward:")
        ui.source_note(cite_ids, key=f"{key}_src")


def money_label(pair) -> str:
    return L_money.money_label(pair, lang, unit)


def money_value(amount_mvnd) -> str:
    return fmt.amount(amount_mvnd, lang, unit)


facts = q_sources.document_facts()
total = q_budget.stated_total("budget_total_mvnd", served.plan())
recurrent = q_budget.stated_total("recurrent_mvnd", served.plan())
investment = q_budget.stated_total("investment_mvnd", served.plan())
n_projects = q_budget.stated_total("investment_project_count", served.plan())
split = q_budget.budget_split(served.plan())
projects = q_budget.investment_by_project(served.plan())

st.title(ui.tr(L.TITLE))
with st.container(border=True):
    st.markdown(S.document_identity(facts, lang))
    ui.source_note(facts.cite_id, key="document_src")
    if len(documents.of_province(served.province())) > 1:
        st.page_link("pages/compare.py", label=ui.tr(L.COMPARE_LINK), icon=":material/compare_arrows:")

# --- the plan year: how much, and where it goes -----------------------------------------------------
st.header(ui.tr(L.QUESTION_PLAN))
st.markdown(S.answer_plan(total["value"], split, projects, lang, unit))
row = st.columns(3)
card(row[0], money_label(L.CARD_TOTAL), money_value(total["value"]), ui.tr(L.TOTAL_CAPTION),
     [total["cite_id"]], "budget", "total")
card(row[1], money_label(L.CARD_RECURRENT), money_value(recurrent["value"]), S.recurrent_caption(split, lang),
     [recurrent["cite_id"]], "budget", "recurrent")
card(row[2], money_label(L.CARD_INVESTMENT), money_value(investment["value"]),
     S.investment_caption(split, n_projects["value"], lang),
     [investment["cite_id"], n_projects["cite_id"], *projects.cite_id], "budget", "investment")

# --- the review period: what it delivered ----------------------------------------------------------
st.header(ui.tr(L.QUESTION_REVIEW))
tasks = q_review.tasks_total()
tasks_stated = q_budget.stated_total("provincial_task_count", served.review())
enterprises = q_review.indicator("st_enterprise_count", served.review())
prev = q_budget.stated_total("investment_mvnd", served.review())
prev_n = q_budget.stated_total("investment_project_count", served.review())
ip_value, ip_caption, ip_cites = S.ip_card(q_review.ip_counts_by_type(), q_review.ip_totals_by_status(), lang)
row = st.columns(4)
card(row[0], ui.tr(L.CARD_TASKS), S.count(tasks["n_tasks"], lang), S.tasks_caption(q_review.tasks_by_field(), lang),
     [tasks_stated["cite_id"], *tasks["cite_ids"]], "review", "tasks")
card(row[1], ui.tr(L.CARD_IP), ip_value, ip_caption, ip_cites, "map", "ip")
card(row[2], ui.tr(L.CARD_ENTERPRISES), S.count(enterprises["value"], lang), ui.tr(L.ENTERPRISES_CAPTION),
     [enterprises["cite_id"]], "review", "enterprises")
card(row[3], money_label(L.CARD_INVESTMENT_PREV), money_value(prev["value"]),
     S.prev_investment_caption(prev_n["value"], lang), [prev["cite_id"]], "budget", "investment_prev")

# --- where the numbers come from -----------------------------------------------------------
st.header(ui.tr(L.QUESTION_SOURCE))
st.markdown(ui.tr(L.SOURCE_HELP))
st.page_link("pages/sources.py", label=ui.tr(L.OPEN_SOURCES), icon=":material/menu_book:")
