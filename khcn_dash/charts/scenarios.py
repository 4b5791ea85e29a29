"""Charts of the scenario page: differences from the plan, for one scenario and for several."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from .. import format as fmt
from ..labels import scenarios as L
from . import PALETTE, base_layout
from ..text import html_escape

def _plain(text) -> str:
    """Plotly reads a few HTML tags in labels; names typed by users must show as typed."""
    return html_escape(text)


def _floats(values, unit: str) -> list[float]:
    return [float(fmt.to_unit(v, unit)) for v in values]


def lines_vs_plan_bar(df: pd.DataFrame, lang: str = "vi", unit: str = "mvnd") -> go.Figure:
    """For each line, the plan's amount beside the scenario's (horizontal grouped bars); the hover
    adds the difference. `df` columns: label, plan_mvnd, amount_mvnd, diff_mvnd (Decimal million VND)."""
    u = fmt.unit_text(unit, lang)
    money = fmt.d3_money_format(unit)
    labels = [_plain(x) for x in df["label"]]
    diffs = _floats(df["diff_mvnd"], unit)
    fig = go.Figure()
    for name, column, colour in ((L.t("col_plan", lang), "plan_mvnd", PALETTE[1]),
                                 (L.t("col_amount", lang), "amount_mvnd", PALETTE[0])):
        fig.add_trace(go.Bar(
            name=name, y=labels, x=_floats(df[column], unit), orientation="h", marker_color=colour,
            customdata=diffs,
            hovertemplate=(f"%{{y}}<br>{name}: %{{x:{money}}} {u}"
                           f"<br>{L.t('col_diff', lang)}: %{{customdata:+{money}}} {u}<extra></extra>")))
    base_layout(fig, lang, L.t("chart_lines_title", lang))
    fig.update_layout(barmode="group", height=140 + 70 * len(df), legend={"orientation": "h", "y": -0.2},
                      xaxis={"title": L.t("axis_amount", lang, unit=u), "tickformat": money},
                      yaxis={"autorange": "reversed", "automargin": True})
    return fig


def compare_diff_bar(df: pd.DataFrame, lang: str = "vi", unit: str = "mvnd") -> go.Figure:
    """Grouped horizontal bars: for each line, each scenario's difference from the plan.
    `df` columns: label (line), scenario (name), diff_mvnd (Decimal million VND)."""
    u = fmt.unit_text(unit, lang)
    money = fmt.d3_money_format(unit)
    fig = go.Figure()
    for i, (scenario, part) in enumerate(df.groupby("scenario", sort=False)):
        fig.add_trace(go.Bar(
            name=_plain(scenario), y=[_plain(x) for x in part["label"]], x=_floats(part["diff_mvnd"], unit),
            orientation="h", marker_color=PALETTE[i % len(PALETTE)],
            hovertemplate=f"%{{fullData.name}}<br>%{{y}}: %{{x:+{money}}} {u}<extra></extra>"))
    base_layout(fig, lang, L.t("chart_compare_title", lang))
    n_lines = df["label"].nunique() if len(df) else 1
    fig.update_layout(barmode="group", height=160 + 40 * n_lines * max(1, df["scenario"].nunique()),
                      legend={"orientation": "h", "y": -0.15},
                      xaxis={"title": L.t("axis_diff", lang, unit=u), "tickformat": money, "zeroline": True,
                             "zerolinecolor": "#444", "zerolinewidth": 1},
                      yaxis={"autorange": "reversed", "automargin": True})
    return fig
