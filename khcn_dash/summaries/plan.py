"""Plan page: the sentences that summarise its charts, its headline figures and key points.

Query results plus lang (and unit) in, Markdown out. Where the document states a total
(document_totals, indicators), that total is used; otherwise the count of transcribed rows.
"""
from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from .. import format as fmt
from .. import labels
from ..labels import pick
from ..labels import plan as L
from ..labels.plan import funder_name
from ..results import cite_ids, name_col, stated
from ..text import md_escape


def qualified(value, qualifier, lang: str = "vi") -> str:
    """40 with qualifier 'approx' -> 'khoảng 40' / 'about 40'; no qualifier -> '40'."""
    n = fmt.count(value, lang)
    pair = L.QUALIFIER.get(qualifier) if isinstance(qualifier, str) else None
    return pick(pair, lang).format(n=n) if pair else n


def planned_tasks_text(indicator: Mapping | None, lang: str = "vi") -> str:
    if indicator is None:
        return "–"
    return qualified(indicator["value"], indicator.get("qualifier"), lang)


def heading(key: str, name: str, lang: str = "vi") -> str:
    """A small heading naming the chosen field/area (document text escaped)."""
    return "#### " + pick(L.T[key], lang).format(name=md_escape(name))


def count_line(key: str, name: str, n: int, lang: str = "vi") -> str:
    return pick(L.T[key], lang).format(name=md_escape(name), n=fmt.count(n, lang))


# --- research fields and activity areas ------------------------------------------------------

def fields_summary(fields: pd.DataFrame, planned: Mapping | None, lang: str = "vi") -> str:
    parts = "; ".join(pick(L.SUMMARY["part"], lang).format(name=md_escape(n), n=fmt.count(k, lang))
                      for n, k in zip(name_col(fields, "name", lang), fields["n_directions"]))
    return pick(L.SUMMARY["fields"], lang).format(
        tasks=planned_tasks_text(planned, lang), n=fmt.count(len(fields), lang),
        total=fmt.count(int(fields["n_directions"].sum()), lang), parts=parts)


def areas_summary(areas: pd.DataFrame, lang: str = "vi") -> str:
    most = int(areas["n_actions"].max()) if len(areas) else 0
    top = ", ".join(labels.name("area", c, lang) for c in areas.loc[areas["n_actions"] == most, "area_code"])
    parts = "; ".join(pick(L.SUMMARY["part"], lang).format(name=labels.name("area", c, lang), n=fmt.count(n, lang))
                      for c, n in zip(areas["area_code"], areas["n_actions"]))
    return pick(L.SUMMARY["areas"], lang).format(
        n=fmt.count(len(areas), lang), total=fmt.count(int(areas["n_actions"].sum()), lang),
        top=f"{top} ({fmt.count(most, lang)})", parts=parts)


# --- the plan's investment projects -----------------------------------------------------------------

def investment_summary(df: pd.DataFrame, total: Mapping | None, n_projects: Mapping | None,
                       lang: str = "vi", unit: str = "mvnd") -> str:
    groups = []
    for status in ("continuing", "new"):
        part = df[df["project_status"] == status]
        if part.empty:
            continue
        items = "; ".join(
            pick(L.SUMMARY["investment_item"], lang).format(
                name=md_escape(n), amount=fmt.money(a, lang, unit),
                funder=pick(L.SUMMARY["funded_by"], lang).format(funder=funder_name(f, lang)) if isinstance(f, str) else "")
            for n, a, f in zip(name_col(part, "short", lang), part["amount_mvnd"], part["funder"]))
        groups.append(pick(L.SUMMARY["investment_group"], lang).format(
            n=fmt.count(len(part), lang), status=labels.name("project_status", status, lang).lower(), items=items))
    return pick(L.SUMMARY["investment"], lang).format(
        total=fmt.money(stated(total, df["amount_mvnd"].sum()), lang, unit),
        n=fmt.count(stated(n_projects, len(df)), lang), parts="; ".join(groups))


# --- the page's headline ---------------------------------------------------------------------

def headline_metrics(facts: Mapping, lang: str = "vi", unit: str = "mvnd") -> list[tuple[str, str, str | None]]:
    """(label, value, help) for the metrics at the top of the page (keys of `facts` as on the page)."""
    fields, areas, invest = facts["fields"], facts["areas"], facts["investment"]
    n_projects = fmt.count(stated(facts.get("investment_projects"), len(invest)), lang)
    return [
        (pick(L.T["m_tasks"], lang), planned_tasks_text(facts.get("planned_tasks"), lang),
         pick(L.T["m_tasks_help"], lang)),
        (pick(L.T["m_fields"], lang),
         f"{fmt.count(len(fields), lang)} ({fmt.count(int(fields['n_directions'].sum()), lang)})",
         pick(L.T["m_fields_help"], lang)),
        (pick(L.T["m_areas"], lang),
         f"{fmt.count(len(areas), lang)} ({fmt.count(int(areas['n_actions'].sum()), lang)})",
         pick(L.T["m_areas_help"], lang)),
        (pick(L.T["m_investment"], lang).format(unit=fmt.unit_text(unit, lang)),
         fmt.amount(stated(facts.get("investment_total"), invest["amount_mvnd"].sum()), lang, unit),
         pick(L.T["m_investment_help"], lang).format(n=n_projects)),
    ]


def key_points(facts: Mapping, lang: str = "vi", unit: str = "mvnd") -> str:
    fields, areas, invest = facts["fields"], facts["areas"], facts["investment"]
    S = L.SUMMARY
    lines = [
        pick(S["kp_research"], lang).format(
            tasks=planned_tasks_text(facts.get("planned_tasks"), lang), n_fields=fmt.count(len(fields), lang),
            n_dirs=fmt.count(int(fields["n_directions"].sum()), lang)),
        pick(S["kp_areas"], lang).format(n_areas=fmt.count(len(areas), lang),
                                         n_actions=fmt.count(int(areas["n_actions"].sum()), lang)),
        pick(S["kp_investment"], lang).format(
            total=fmt.money(stated(facts.get("investment_total"), invest["amount_mvnd"].sum()), lang, unit),
            n=fmt.count(stated(facts.get("investment_projects"), len(invest)), lang),
            cont=fmt.count(int((invest["project_status"] == "continuing").sum()), lang),
            new=fmt.count(int((invest["project_status"] == "new").sum()), lang)),
    ]
    return "\n".join(f"- {line}" for line in lines)


def headline_cites(facts: Mapping) -> list[str]:
    """The sentences behind the headline metrics and key points."""
    return cite_ids(facts.get("planned_tasks"), facts["fields"], facts["areas"], facts.get("investment_total"),
                    facts["investment"])
