"""Plan page: chart builders and the display tables beside them.

Pure functions, no st.* calls: DataFrames from khcn_dash.queries plus lang (and unit) in; a plotly
Figure or a table with headers in the user's language out. The sentences that summarise these charts
are in khcn_dash.summaries.plan; the selectors' options in khcn_dash.filters.
"""
from __future__ import annotations

import html

import pandas as pd
import plotly.graph_objects as go

from .. import format as fmt
from .. import labels
from ..labels import pick
from ..labels import plan as L
from ..labels.plan import funder_name
from ..results import name_col
from ..text import plot_text
from . import PALETTE, base_layout
from .common import AXIS_NUMBER, FIELD_COLOURS, to_unit_column, with_headers

PROJECT_STATUS_COLOURS = {"continuing": PALETTE[0], "new": PALETTE[5]}
PROJECT_STATUS_PATTERNS = {"continuing": "", "new": "x"}


def _rename(out: pd.DataFrame, lang: str, unit: str = "mvnd") -> pd.DataFrame:
    return with_headers(out, L.COLUMNS, lang, unit)


def _bar_layout(fig: go.Figure, n_bars: int, x_title: str, x_max: float, tickformat: str = ",d") -> go.Figure:
    fig.update_layout(height=110 + 52 * n_bars, bargap=0.3, showlegend=False)
    fig.update_xaxes(title=x_title, tickformat=tickformat, range=[0, (x_max or 1) * 1.3])
    fig.update_yaxes(autorange="reversed", automargin=True)
    return fig


# --- research fields and directions ----------------------------------------------------------

def directions_by_field_bar(fields: pd.DataFrame, lang: str = "vi") -> go.Figure:
    """Directions per research field of the plan, in the document's order, coloured as on the review page."""
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


def directions_table(directions: pd.DataFrame, lang: str = "vi") -> pd.DataFrame:
    return _rename(pd.DataFrame({
        "seq": directions["seq"].astype("int64"),
        "direction": name_col(directions, "text", lang),
        "section": directions["section"],
    }), lang)


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


def actions_table(actions: pd.DataFrame, lang: str = "vi") -> pd.DataFrame:
    return _rename(pd.DataFrame({
        "seq": actions["seq"].astype("int64"),
        "action": name_col(actions, "text", lang),
        "section": actions["section"],
    }), lang)


# --- the plan's investment projects -----------------------------------------------------------------

def investment_bar(df: pd.DataFrame, lang: str = "vi", unit: str = "mvnd") -> go.Figure:
    """Money per project of the plan; colour and hatching say continuing or new, the label says who funds it."""
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
