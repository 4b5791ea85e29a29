"""Review page: the sentences that summarise its charts, its headline figures and key points.

Query results plus lang (and unit) in, Markdown out. Where the document states a total
(document_totals, indicators), that total is used; otherwise the count of transcribed rows.
"""
from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from .. import format as fmt
from .. import labels
from ..filters import dated, undated
from ..labels import pick
from ..labels import review as L
from ..results import cite_ids, name_col, stated
from ..text import md_escape


# --- provincial tasks by field ---------------------------------------------------------------

def tasks_by_field_summary(df: pd.DataFrame, total: Mapping | None, lang: str = "vi") -> str:
    parts = "; ".join(
        pick(L.SUMMARY["tasks_part"], lang).format(
            name=labels.name("field", r.field_code, lang), n=fmt.count(r.task_count, lang), pct=fmt.pct(r.share_pct, lang))
        for r in df.itertuples())
    n = stated(total, int(df["task_count"].sum()))
    return pick(L.SUMMARY["tasks"], lang).format(total=fmt.count(n, lang), parts=parts)


def highlights_caption(shown: int, total: int, lang: str = "vi") -> str:
    return pick(L.T["highlights_shown"], lang).format(shown=fmt.count(shown, lang), total=fmt.count(total, lang))


# --- development investment and infrastructure -----------------------------------------------

def investment_summary(df: pd.DataFrame, total: Mapping | None, n_projects: Mapping | None,
                       lang: str = "vi", unit: str = "mvnd") -> str:
    parts = "; ".join(
        pick(L.SUMMARY["money_part"], lang).format(
            name=md_escape(n), amount=fmt.money(a, lang, unit), pct=fmt.pct(p, lang))
        for n, a, p in zip(name_col(df, "short", lang), df["amount_mvnd"], df["share_pct"]))
    return pick(L.SUMMARY["investment"], lang).format(
        total=fmt.money(stated(total, df["amount_mvnd"].sum()), lang, unit),
        n=fmt.count(stated(n_projects, len(df)), lang), parts=parts)


def infrastructure_summary(df: pd.DataFrame, lang: str = "vi", unit: str = "mvnd") -> str:
    lines = [pick(L.SUMMARY["infra_intro"], lang)]
    for r, short in zip(df.itertuples(), name_col(df, "short", lang)):
        planned = ""
        if r.planned_plan_mvnd and r.planned_plan_mvnd > 0:
            planned = pick(L.SUMMARY["infra_planned"], lang).format(amount=fmt.money(r.planned_plan_mvnd, lang, unit))
        lines.append("- " + pick(L.SUMMARY["infra_item"], lang).format(
            name=md_escape(short), approved=fmt.money(r.approved_total_mvnd, lang, unit),
            allocated=fmt.money(r.allocated_review_mvnd, lang, unit), planned=planned,
            status=labels.name("infra_status", r.status, lang), quote=md_escape(r.status_quote)))
    return "\n".join(lines)


# --- intellectual property -----------------------------------------------------------------

def ip_summary(stated_counts: Mapping[str, Mapping | None], df: pd.DataFrame, lang: str = "vi") -> str:
    """`stated_counts` maps gi, cm, ct_a (group of 20), ct_b (group of 1), wip to the document's totals;
    where the document states none, the count of transcribed assets is used."""
    counted = df.groupby(["ip_type", "status"])["n_assets"].sum()

    def n(key: str, ip_type: str, status: str) -> str:
        return fmt.count(stated(stated_counts.get(key), int(counted.get((ip_type, status), 0))), lang)

    ct_a = stated(stated_counts.get("ct_a"), 0)
    ct_b = stated(stated_counts.get("ct_b"), 0)
    ct = (ct_a + ct_b) if (ct_a or ct_b) else int(counted.get(("collective_trademark", "protected"), 0))
    return pick(L.SUMMARY["ip"], lang).format(
        gi=n("gi", "geographical_indication", "protected"), cm=n("cm", "certification_mark", "protected"),
        ct=fmt.count(ct, lang), ct_a=fmt.count(ct_a, lang), ct_b=fmt.count(ct_b, lang),
        wip=n("wip", "collective_trademark", "in_progress"))


def ip_caption(shown: int, total: int, lang: str = "vi") -> str:
    return pick(L.T["ip_shown"], lang).format(shown=fmt.count(shown, lang), total=fmt.count(total, lang))


# --- organisations and enterprises ---------------------------------------------------------

def organisations_summary(orgs: pd.DataFrame, org_count: Mapping | None, lang: str = "vi") -> str:
    if orgs.empty:
        return pick(labels.UI["no_data"], lang)
    r = orgs.iloc[0]
    return pick(L.SUMMARY["org"], lang).format(
        n=fmt.count(stated(org_count, len(orgs)), lang),
        name=md_escape(r["name_vi"] if lang == "vi" else r["name_en"]),
        parent=md_escape(r["parent_vi"]), year=int(r["founded_year"]),
        formed_from=md_escape(r["formed_from_vi"]))


def enterprises_summary(indicator: Mapping | None, lang: str = "vi") -> str:
    if indicator is None:
        return pick(labels.UI["no_data"], lang)
    return pick(L.SUMMARY["enterprises"], lang).format(n=fmt.count(indicator["value"], lang))


# --- legal and policy instruments ----------------------------------------------------------

def legal_summary(df: pd.DataFrame, lang: str = "vi") -> str:
    d = dated(df)
    if d.empty:
        return pick(L.SUMMARY["legal_empty"], lang)
    per_year = d["year"].astype("int64").value_counts().sort_index()
    peak_year = int(per_year.idxmax())
    text = pick(L.SUMMARY["legal"], lang).format(
        total=fmt.count(len(df), lang), dated=fmt.count(len(d), lang), first=int(per_year.index.min()),
        last=int(per_year.index.max()), peak_year=peak_year, peak_n=fmt.count(int(per_year.max()), lang),
        undated=fmt.count(len(undated(df)), lang))
    per_kind = df["kind_code"].value_counts()
    parts = ", ".join(f"{labels.name('instrument_kind', k, lang)} {fmt.count(n, lang)}" for k, n in per_kind.items())
    return text + " " + pick(L.SUMMARY["legal_kinds"], lang).format(parts=parts)


# --- limitations and recommendations -------------------------------------------------------

def count_line(key: str, n: int, lang: str = "vi") -> str:
    return pick(L.T[key], lang).format(n=fmt.count(n, lang))


# --- the page's headline ---------------------------------------------------------------------

def headline_metrics(facts: Mapping, lang: str = "vi", unit: str = "mvnd") -> list[tuple[str, str, str | None]]:
    """(label, value, help) for the metrics at the top of the page. `facts` holds the stated totals
    and DataFrames the page already queried (keys as in key_points)."""
    def val(key, fallback):
        return stated(facts.get(key), fallback)

    n_projects = fmt.count(val("investment_projects", len(facts["investment"])), lang)
    ct = val("ct_a", 0) + val("ct_b", 0)
    return [
        (pick(L.T["m_tasks"], lang), fmt.count(val("tasks_total", int(facts["tasks"]["task_count"].sum())), lang), None),
        (pick(L.T["m_ministry"], lang), fmt.count(len(facts["ministry"]), lang), None),
        (pick(L.T["m_investment"], lang).format(unit=fmt.unit_text(unit, lang)),
         fmt.amount(val("investment_total", facts["investment"]["amount_mvnd"].sum()), lang, unit),
         pick(L.T["m_investment_help"], lang).format(n=n_projects)),
        (pick(L.T["m_gi"], lang), fmt.count(val("gi", 0), lang), None),
        (pick(L.T["m_ct"], lang), fmt.count(ct, lang), pick(L.T["m_ct_help"], lang).format(
            a=fmt.count(val("ct_a", 0), lang), b=fmt.count(val("ct_b", 0), lang))),
        (pick(L.T["m_enterprises"], lang), fmt.count(val("enterprises", 0), lang), pick(L.T["m_enterprises_help"], lang)),
    ]


def key_points(facts: Mapping, lang: str = "vi", unit: str = "mvnd") -> str:
    """A Markdown bullet list answering 'what did the review period deliver?' in a few lines."""
    def val(key, fallback=0):
        return stated(facts.get(key), fallback)

    S = L.SUMMARY
    tasks = facts["tasks"]
    top = tasks.iloc[0] if len(tasks) else None
    orgs = facts["orgs"]
    lines = [
        pick(S["kp_tasks"], lang).format(
            n=fmt.count(val("tasks_total", int(tasks["task_count"].sum())), lang),
            top=labels.name("field", top["field_code"], lang) if top is not None else "–",
            top_n=fmt.count(top["task_count"], lang) if top is not None else "–",
            m=fmt.count(len(facts["ministry"]), lang)),
        pick(S["kp_investment"], lang).format(
            total=fmt.money(val("investment_total", facts["investment"]["amount_mvnd"].sum()), lang, unit),
            n=fmt.count(val("investment_projects", len(facts["investment"])), lang)),
        pick(S["kp_infra"], lang).format(halted=fmt.count(val("halted"), lang)),
        pick(S["kp_ip"], lang).format(gi=fmt.count(val("gi"), lang), cm=fmt.count(val("cm"), lang),
                                      ct=fmt.count(val("ct_a") + val("ct_b"), lang), wip=fmt.count(val("wip"), lang)),
        pick(S["kp_orgs"], lang).format(orgs=fmt.count(val("org_count", len(orgs)), lang),
                                        year=int(orgs["founded_year"].iloc[0]) if len(orgs) else "–",
                                        ent=fmt.count(val("enterprises"), lang)),
        pick(S["kp_limits"], lang).format(lim=fmt.count(len(facts["limitations"]), lang),
                                          rec=fmt.count(len(facts["recommendations"]), lang)),
    ]
    return "\n".join(f"- {line}" for line in lines)


def headline_cites(facts: Mapping) -> list[str]:
    """The sentences behind the headline metrics and key points."""
    keys = ["tasks_total", "ministry", "investment_total", "halted", "gi", "cm", "ct_a", "ct_b", "wip", "org_count",
            "orgs", "enterprises"]
    return cite_ids(*(facts.get(k) for k in keys))


# --- what was done, area by area -------------------------------------------------------------

def items_caption(shown: int, total: int, lang: str = "vi") -> str:
    return pick(L.T["items_shown"], lang).format(shown=fmt.count(shown, lang), total=fmt.count(total, lang))
