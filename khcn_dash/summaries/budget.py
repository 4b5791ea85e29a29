"""Budget page: the sentences that summarise its charts and the captions of its figures.

Pure functions of query results, so a reader who does not read charts gets the same figures in a
sentence, formatted in the reader's language and unit.
"""
from __future__ import annotations

import pandas as pd

from .. import format as fmt
from .. import served
from ..labels import budget as L
from ..labels import name, pick
from ..text import md_escape


def nearly_equal(share_a, share_b, within_points: float = 5) -> bool:
    """Whether two shares (in %) are close enough to call the parts 'nearly equal'."""
    return abs(float(share_a) - float(share_b)) <= within_points


def split_summary(total_mvnd, split: pd.DataFrame, investment: pd.DataFrame, lang: str = "vi",
                  unit: str = "mvnd") -> str:
    """One paragraph: the plan year's total, its two parts with shares, and the investment projects.

    `split` is queries.budget.budget_split(); `investment` is investment_by_project(<plan year>)
    (any frame with short_*, amount_mvnd, project_status, funder)."""
    parts = split.set_index("funding_kind")
    rec, inv = parts.loc["recurrent"], parts.loc["investment"]
    projects = "; ".join(
        pick(L.SPLIT_PROJECT, lang).format(name=md_escape(L.item_name(r, lang)), amount=fmt.money(r.amount_mvnd, lang, unit),
                                           note=L.project_note(r, lang, in_sentence=True))
        for r in investment.itertuples())
    return pick(L.SPLIT_SUMMARY, lang).format(
        total=fmt.money(total_mvnd, lang, unit),
        nearly=pick(L.NEARLY_EQUAL, lang) if nearly_equal(rec.share_pct, inv.share_pct) else "",
        recurrent=fmt.money(rec.amount_mvnd, lang, unit), recurrent_pct=fmt.pct(rec.share_pct, lang),
        investment=fmt.money(inv.amount_mvnd, lang, unit), investment_pct=fmt.pct(inv.share_pct, lang),
        n=fmt.count(len(investment), lang), projects=projects)


def periods_summary(across: pd.DataFrame, prev_total, prev_count, plan_total, plan_count, lang: str = "vi",
                    unit: str = "mvnd") -> str:
    """One paragraph on investment in the review period (allocated) beside the plan year (planned), never added up.

    `across` is queries.budget.investment_across_periods(); the totals and counts are the ones
    the document states (document_totals)."""
    money = lambda v: fmt.money(v, lang, unit)  # noqa: E731
    short = "short_vi" if lang == "vi" else "short_en"
    prev = across[across.period == served.review()].set_index("project_id")
    plan = across[across.period == served.plan()].set_index("project_id")
    both = [p for p in plan.index if p in prev.index]
    pairs = "; ".join(pick(L.PERIODS_PAIR, lang).format(name=md_escape(plan.loc[p, short]),
                                                        prev=money(prev.loc[p, "amount_mvnd"]),
                                                        plan=money(plan.loc[p, "amount_mvnd"]))
                      for p in both)
    text = pick(L.PERIODS_SUMMARY, lang).format(prev_total=money(prev_total), prev_n=fmt.count(prev_count, lang),
                                                plan_total=money(plan_total), plan_n=fmt.count(plan_count, lang))
    if pairs:
        text += pick(L.PERIODS_IN_BOTH, lang).format(n=fmt.count(len(both), lang), pairs=pairs)
    return text + pick(L.PERIODS_NEVER_ADDED, lang)


def share_caption(split: pd.DataFrame, funding_kind: str, lang: str = "vi") -> str:
    """'50,1% tổng dự toán' for one funding kind of queries.budget.budget_split()."""
    share = split.set_index("funding_kind").loc[funding_kind, "share_pct"]
    return pick(L.SHARE_OF_TOTAL, lang).format(kind=name("funding_kind", funding_kind, lang), pct=fmt.pct(share, lang))


def n_projects(n, lang: str = "vi") -> str:
    return pick(L.N_PROJECTS, lang).format(n=fmt.count(n, lang))


def recurrent_not_split(amount_mvnd, lang: str = "vi", unit: str = "mvnd") -> str:
    return pick(L.RECURRENT_NOT_SPLIT, lang).format(amount=fmt.money(amount_mvnd, lang, unit))
