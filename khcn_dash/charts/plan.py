"""Plan 2021 page: chart builders, display tables and text summaries.

Pure functions, no st.* calls: DataFrames from khcn_dash.queries plus lang (and unit) in; a plotly
Figure, a table with headers in the user's language, or a short Markdown summary out.
"""
from __future__ import annotations

import html
from collections.abc import Mapping

import pandas as pd
import plotly.graph_objects as go

from .. import format as fmt
from .. import labels
from ..labels import plan as L
from . import PALETTE, base_layout
from .review import (AXIS_NUMBER, FIELD_COLOURS, cite_ids, name_col, pick,
                     stated, to_unit_column)
from ..text import md_escape, plot_text

PROJECT_STATUS_COLOURS = {"continuing": PALETTE[0], "new": PALETTE[5]}
PROJECT_STATUS_PATTERNS = {"continuing": "", "new": "x"}


def column(key: str, lang: str, unit: str = "mvnd") -> str:
    return pick(L.COLUMNS[key], lang).format(unit=fmt.unit_text(unit, lang))


def _rename(out: pd.DataFrame, lang: str, unit: str = "mvnd") -> pd.DataFrame:
    return out.rename(columns={c: column(c, lang, unit) for c in out.columns})


def qualified(value, qualifier, lang: str = "vi") -> str:
    """40 with qualifier 'approx' -> 'khoảng 40' / 'about 40'; no qualifier -> '40'."""
    n = fmt.count(value, lang)
    pair = L.QUALIFIER.get(qualifier) if isinstance(qualifier, str) else None
    return pick(pair, lang).format(n=n) if pair else n


def planned_tasks_text(indicator: Mapping | None, lang: str = "vi") -> str:
    if indicator is None:
        return "–"
    return qualified(indicator["value"], indicator.get("qualifier"), lang)


def funder_name(code, lang: str = "vi") -> str:
    """The funder's name, or 'not stated' when the document names none (empty cell)."""
    if code is None or (not isinstance(code, str) and pd.isna(code)):
        return labels.pick(labels.UI["not_stated"], lang)
    return labels.name("funder", code, lang)


def _bar_layout(fig: go.Figure, n_bars: int, x_title: str, x_max: float, tickformat: str = ",d") -> go.Figure:
    fig.update_layout(height=110 + 52 * n_bars, bargap=0.3, showlegend=False)
    fig.update_xaxes(title=x_title, tickformat=tickformat, range=[0, (x_max or 1) * 1.3])
    fig.update_yaxes(autorange="reversed", automargin=True)
    return fig


# --- research fields and directions ----------------------------------------------------------

def directions_by_field_bar(fields: pd.DataFrame, lang: str = "vi") -> go.Figure:
    """Directions per 2021 research field, in the document's order, coloured as on the review page."""
    names = name_col(fields, "name", lang)
    fig = go.Figure(go.Bar(
        x=fields["n_directions"], y=[html.escape(str(n)) for n in names], orientation="h",
        text=[fmt.count(n, lang) for n in fields["n_directions"]], textposition="outside", cliponaxis=False,
        marker_color=[FIELD_COLOURS.get(c, PALETTE[7]) for c in fields["field_code"]],
        hovertemplate="%{y}: %{x}<extra></extra>"))
    base_layout(fig, lang)
    return _bar_layout(fig, len(fields), pick(L.CHART["directions_axis"], lang), float(fields["n_directions"].max() or 0))


def fields_table(fields: pd.DataFrame, lang: str = "vi") -> pd.DataFrame:
    return _rename(pd.DataFrame({
        "seq": fields["seq"].astype(str),
        "field": name_col(fields, "name", lang),
        "n_directions": fields["n_directions"].astype("int64"),
        "section": fields["section"],
        "quote": fields["source_quote"],
    }), lang)


def fields_summary(fields: pd.DataFrame, planned: Mapping | None, lang: str = "vi") -> str:
    parts = "; ".join(pick(L.SUMMARY["part"], lang).format(name=md_escape(n), n=fmt.count(k, lang))
                      for n, k in zip(name_col(fields, "name", lang), fields["n_directions"]))
    return pick(L.SUMMARY["fields"], lang).format(
        tasks=planned_tasks_text(planned, lang), n=fmt.count(len(fields), lang),
        total=fmt.count(int(fields["n_directions"].sum()), lang), parts=parts)


def field_options(fields: pd.DataFrame) -> list[str]:
    return fields["field_code"].tolist()


def field_label(fields: pd.DataFrame, code: str, lang: str = "vi") -> str:
    """The document's name of a 2021 field (its code if unknown)."""
    row = fields[fields["field_code"] == code]
    return str(code) if row.empty else str(name_col(row, "name", lang).iloc[0])


def directions_table(directions: pd.DataFrame, lang: str = "vi") -> pd.DataFrame:
    return _rename(pd.DataFrame({
        "seq": directions["seq"].astype("int64"),
        "direction": name_col(directions, "text", lang),
        "section": directions["section"],
    }), lang)


def heading(key: str, name: str, lang: str = "vi") -> str:
    """A small heading naming the chosen field/area (document text escaped)."""
    return "#### " + pick(L.T[key], lang).format(name=md_escape(name))


def count_line(key: str, name: str, n: int, lang: str = "vi") -> str:
    return pick(L.T[key], lang).format(name=md_escape(name), n=fmt.count(n, lang))


# --- activity areas and actions --------------------------------------------------------------

def actions_by_area_bar(areas: pd.DataFrame, lang: str = "vi") -> go.Figure:
    """Actions per activity area, in the document's order (B.I.1 to B.I.11)."""
    y = [f"{int(s)}. {html.escape(labels.name('area', c, lang))}" for s, c in zip(areas["seq"], areas["area_code"])]
    fig = go.Figure(go.Bar(
        x=areas["n_actions"], y=y, orientation="h", text=[fmt.count(n, lang) for n in areas["n_actions"]],
        textposition="outside", cliponaxis=False, marker_color=PALETTE[0],
        customdata=[plot_text(n) for n in name_col(areas, "name", lang)],
        hovertemplate="%{customdata}: %{x}<extra></extra>"))
    base_layout(fig, lang)
    return _bar_layout(fig, len(areas), pick(L.CHART["actions_axis"], lang), float(areas["n_actions"].max() or 0))


def areas_table(areas: pd.DataFrame, lang: str = "vi") -> pd.DataFrame:
    return _rename(pd.DataFrame({
        "seq": areas["seq"].astype("int64"),
        "area": name_col(areas, "name", lang),
        "n_actions": areas["n_actions"].astype("int64"),
        "section": areas["section"],
        "quote": areas["source_quote"],
    }), lang)


def areas_summary(areas: pd.DataFrame, lang: str = "vi") -> str:
    most = int(areas["n_actions"].max()) if len(areas) else 0
    top = ", ".join(labels.name("area", c, lang) for c in areas.loc[areas["n_actions"] == most, "area_code"])
    parts = "; ".join(pick(L.SUMMARY["part"], lang).format(name=labels.name("area", c, lang), n=fmt.count(n, lang))
                      for c, n in zip(areas["area_code"], areas["n_actions"]))
    return pick(L.SUMMARY["areas"], lang).format(
        n=fmt.count(len(areas), lang), total=fmt.count(int(areas["n_actions"].sum()), lang),
        top=f"{top} ({fmt.count(most, lang)})", parts=parts)


def area_options(areas: pd.DataFrame) -> list[str]:
    return areas["area_code"].tolist()


def area_label(areas: pd.DataFrame, code: str, lang: str = "vi") -> str:
    row = areas[areas["area_code"] == code]
    return str(code) if row.empty else str(name_col(row, "name", lang).iloc[0])


def actions_table(actions: pd.DataFrame, lang: str = "vi") -> pd.DataFrame:
    return _rename(pd.DataFrame({
        "seq": actions["seq"].astype("int64"),
        "action": name_col(actions, "text", lang),
        "section": actions["section"],
    }), lang)


# --- 2021 investment projects -----------------------------------------------------------------

def investment_bar(df: pd.DataFrame, lang: str = "vi", unit: str = "mvnd") -> go.Figure:
    """Money per 2021 project; colour and hatching say continuing or new, the label says who funds it."""
    fig = go.Figure()
    for status in ("continuing", "new"):
        part = df[df["project_status"] == status]
        if part.empty:
            continue
        text = [fmt.money(a, lang, unit) + (f" · {funder_name(f, lang)}" if isinstance(f, str) else "")
                for a, f in zip(part["amount_mvnd"], part["funder"])]
        fig.add_bar(
            name=labels.name("project_status", status, lang), x=to_unit_column(part["amount_mvnd"], unit),
            y=[html.escape(str(n)) for n in name_col(part, "short", lang)], orientation="h", text=text,
            textposition="outside", cliponaxis=False,
            marker={"color": PROJECT_STATUS_COLOURS[status],
                    "pattern": {"shape": PROJECT_STATUS_PATTERNS[status], "fgcolor": "#FFFFFF", "fgopacity": 0.5}},
            customdata=[f"{plot_text(n)}<br>{html.escape(funder_name(f, lang) if isinstance(f, str) else pick(L.CHART['funder_not_stated'], lang))}"
                        for n, f in zip(name_col(part, "name", lang), part["funder"])],
            hovertemplate="<b>%{y}</b><br>%{customdata}<br>" + "%{x:" + AXIS_NUMBER + "}<extra></extra>")
    base_layout(fig, lang)
    x_max = float(to_unit_column(df["amount_mvnd"], unit).max() or 0) if len(df) else 0
    axis = pick(L.CHART["money_axis"], lang).format(unit=fmt.unit_text(unit, lang))
    _bar_layout(fig, len(df), axis, x_max * 1.15, tickformat=AXIS_NUMBER)
    fig.update_layout(showlegend=True, legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0,
                                               "traceorder": "normal"})
    fig.update_yaxes(categoryorder="array", categoryarray=[html.escape(str(n)) for n in name_col(df, "short", lang)])
    return fig


def investment_table(df: pd.DataFrame, lang: str = "vi", unit: str = "mvnd") -> pd.DataFrame:
    return _rename(pd.DataFrame({
        "project": name_col(df, "short", lang),
        "project_full": name_col(df, "name", lang),
        "project_status": [labels.name("project_status", s, lang) if isinstance(s, str) else
                           labels.pick(labels.UI["not_stated"], lang) for s in df["project_status"]],
        "funder": [funder_name(f, lang) for f in df["funder"]],
        "amount": to_unit_column(df["amount_mvnd"], unit),
        "share_pct": df["share_pct"],
        "section": df["section"],
        "quote": df["source_quote"],
    }), lang, unit)


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


# --- headline ---------------------------------------------------------------------------------

def headline_metrics(facts: Mapping, lang: str = "vi", unit: str = "mvnd") -> list[tuple[str, str, str | None]]:
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
    return cite_ids(facts.get("planned_tasks"), facts["fields"], facts["areas"], facts.get("investment_total"),
                     facts["investment"])
