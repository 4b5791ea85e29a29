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
def cards(specs: list) -> None:
    """A row of cards, leaving out those whose figure the document does not state (None); a note
    when it states none of them."""
    shown = [spec for spec in specs if spec is not None]
    if not shown:
        st.info(ui.t("part_absent"), icon=":material/info:")
        return
    for column, spec in zip(st.columns(len(shown)), shown):
        card(column, *spec)


kinds = set(split.funding_kind)
st.header(ui.tr(L.QUESTION_PLAN))
if total and {"recurrent", "investment"} <= kinds:
    st.markdown(S.answer_plan(total["value"], split, projects, lang, unit))
n_invested = n_projects["value"] if n_projects else len(projects)
cards([
    (money_label(L.CARD_TOTAL), money_value(total["value"]), ui.tr(L.TOTAL_CAPTION), [total["cite_id"]], "budget",
     "total") if total else None,
    (money_label(L.CARD_RECURRENT), money_value(recurrent["value"]), S.recurrent_caption(split, lang),
     [recurrent["cite_id"]], "budget", "recurrent") if recurrent and "recurrent" in kinds else None,
    (money_label(L.CARD_INVESTMENT), money_value(investment["value"]), S.investment_caption(split, n_invested, lang),
     [investment["cite_id"], n_projects, *projects.cite_id], "budget", "investment")
    if investment and "investment" in kinds else None,
])

# --- the review period: what it delivered ----------------------------------------------------------
st.header(ui.tr(L.QUESTION_REVIEW))
tasks = q_review.tasks_total()
tasks_stated = q_budget.stated_total("provincial_task_count", served.review())
enterprises = q_review.indicator("st_enterprise_count", served.review())
prev = q_budget.stated_total("investment_mvnd", served.review())
prev_n = q_budget.stated_total("investment_project_count", served.review())
by_status = q_review.ip_totals_by_status()
ip_value, ip_caption, ip_cites = S.ip_card(q_review.ip_counts_by_type(), by_status, lang)
cards([
    (ui.tr(L.CARD_TASKS), S.count(tasks["n_tasks"], lang), S.tasks_caption(q_review.tasks_by_field(), lang),
     [tasks_stated, *tasks["cite_ids"]], "review", "tasks") if tasks.get("n_tasks") else None,
    (ui.tr(L.CARD_IP), ip_value, ip_caption, ip_cites, "map", "ip") if len(by_status) else None,
    (ui.tr(L.CARD_ENTERPRISES), S.count(enterprises["value"], lang), ui.tr(L.ENTERPRISES_CAPTION),
     [enterprises["cite_id"]], "review", "enterprises") if enterprises else None,
    (money_label(L.CARD_INVESTMENT_PREV), money_value(prev["value"]),
     S.prev_investment_caption(prev_n["value"], lang) if prev_n else "", [prev["cite_id"]], "budget",
     "investment_prev") if prev else None,
])

# --- where the numbers come from -----------------------------------------------------------
st.header(ui.tr(L.QUESTION_SOURCE))
st.markdown(ui.tr(L.SOURCE_HELP))
st.page_link("pages/sources.py", label=ui.tr(L.OPEN_SOURCES), icon=":material/menu_book:")
