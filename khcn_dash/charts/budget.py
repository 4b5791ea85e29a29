"""Budget page: the plan as a drill-down treemap (and, for the key-figures slide, a donut of its
two parts), investment in the review period beside the plan year, and the tables behind both (headers in the reader's
language, money in the chosen unit).

Pure functions: query DataFrames + lang + unit in, plotly Figure / DataFrame out.
"""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from .. import format as fmt
from ..labels import budget as L
from ..labels import name, pick
from . import PALETTE, base_layout

ROOT_COLOUR = "#F2F2F2"
KIND_COLOUR = {"recurrent": PALETTE[0], "investment": PALETTE[1]}   # blue / orange
PROJECT_COLOURS = [PALETTE[5], PALETTE[1], PALETTE[6], PALETTE[3]]  # vermillion, orange, yellow, purple
BASIS_COLOUR = {"allocated": PALETTE[0], "plan": PALETTE[1]}
BASIS_PATTERN = {"allocated": "", "plan": "/"}  # a second cue besides colour: planned bars are hatched


def _in_unit(values, unit: str) -> list[float]:
    return [float(fmt.to_unit(float(v), unit)) for v in values]


def _money_texts(values, lang: str, unit: str) -> list[str]:
    """The amounts as the page's text writes them (format.money, Babel), so a chart label never
    rounds differently from the sentence beside it."""
    return [fmt.money(float(v), lang, unit) for v in values]


def budget_treemap(tree: pd.DataFrame, lines: pd.DataFrame, lang: str = "vi", unit: str = "mvnd") -> go.Figure:
    """Total -> funding kind -> project -> detail lines, sized by money; click a box to zoom in.

    `tree` is queries.budget.budget_tree(); `lines` is budget_lines(<plan year>) (for project names,
    status and funder)."""
    by_project = lines.dropna(subset=["project_id"]).set_index("project_id")
    ids, parents, names, notes, colours = [], [], [], [], []
    project_i = 0
    for row in tree.itertuples():
        ids.append(row.node_id)
        parents.append(row.parent_id if isinstance(row.parent_id, str) else "")
        if row.level == 0:
            names.append(pick(L.TREEMAP_ROOT, lang))
            notes.append("")
            colours.append(ROOT_COLOUR)
        elif row.level == 1:
            names.append(name("funding_kind", row.funding_kind, lang))
            broken_down = (tree.parent_id == row.node_id).any()  # the document gives its detail lines
            notes.append(pick(L.RECURRENT_NOTE, lang) if row.funding_kind == "recurrent" and not broken_down else "")
            colours.append(KIND_COLOUR.get(row.funding_kind, PALETTE[7]))
        elif isinstance(row.project_id, str):
            line = by_project.loc[row.project_id]
            names.append(L.item_name(line, lang))
            notes.append(L.project_note(line, lang))
            colours.append(PROJECT_COLOURS[project_i % len(PROJECT_COLOURS)])
            project_i += 1
        else:  # a detail line: its name as the document writes it (vi) or our translation (en)
            names.append(row.name_vi if lang == "vi" else row.name_en)
            notes.append("")
            colours.append(PROJECT_COLOURS[project_i % len(PROJECT_COLOURS)])
            project_i += 1
    money = _money_texts(tree.amount_mvnd, lang, unit)
    fig = go.Figure(go.Treemap(
        ids=ids, parents=parents, labels=names, values=_in_unit(tree.amount_mvnd, unit),
        branchvalues="total", customdata=[[n, m] for n, m in zip(notes, money)],
        marker={"colors": colours, "line": {"color": "#FFFFFF", "width": 2}},
        texttemplate="<b>%{label}</b><br>%{customdata[1]}<br>%{percentRoot:.1%}<br><i>%{customdata[0]}</i>",
        hovertemplate="<b>%{label}</b><br>%{customdata[1]}<br>%{percentRoot:.1%}<br>%{customdata[0]}<extra></extra>",
        textfont={"size": 15}, pathbar={"visible": True}, maxdepth=3, sort=False,
    ))
    fig.update_layout(height=460, margin={"l": 0, "r": 0, "t": 50, "b": 0})
    return base_layout(fig, lang, pick(L.TREEMAP_TITLE, lang))


def investment_periods_bar(across: pd.DataFrame, lang: str = "vi", unit: str = "mvnd") -> go.Figure:
    """Grouped horizontal bars per project: allocated in the review period and planned in the plan year, side by side, never stacked.

    `across` is queries.budget.investment_across_periods()."""
    short = "short_vi" if lang == "vi" else "short_en"
    order = list(dict.fromkeys(across[short]))  # projects in query order (the review period first, by size)
    fig = go.Figure()
    for basis in ("allocated", "plan"):
        sub = across[across.basis == basis]
        fig.add_trace(go.Bar(
            y=sub[short], x=_in_unit(sub.amount_mvnd, unit), orientation="h", name=pick(L.SERIES[basis], lang),
            marker={"color": BASIS_COLOUR[basis], "pattern": {"shape": BASIS_PATTERN[basis], "fgcolor": "#FFFFFF"}},
            text=_money_texts(sub.amount_mvnd, lang, unit), texttemplate="%{text}", textposition="outside",
            cliponaxis=False, hovertemplate=f"<b>%{{y}}</b><br>{pick(L.SERIES[basis], lang)}: %{{text}}<extra></extra>",
        ))
    fig.update_layout(
        barmode="group", height=120 + 60 * len(order), bargap=0.25,
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "xanchor": "left", "x": 0},
        xaxis={"title": {"text": pick(L.AXIS_AMOUNT, lang).format(unit=fmt.unit_text(unit, lang))},
               "tickformat": ",~f", "rangemode": "tozero"},
        yaxis={"categoryorder": "array", "categoryarray": order[::-1], "automargin": True},
        margin={"l": 10, "r": 90, "t": 90, "b": 10},
    )
    return base_layout(fig, lang, pick(L.PERIODS_TITLE, lang))


def budget_lines_table(lines: pd.DataFrame, lang: str = "vi", unit: str = "mvnd") -> pd.DataFrame:
    """The plan's lines as shown and downloaded (the amount right after the name, so it is in view on a
    narrow screen). `lines` is queries.budget.budget_lines(<plan year>)."""
    quote = "source_quote"
    return pd.DataFrame({
        L.column("item", lang): [L.item_name(r, lang) for r in lines.itertuples()],
        L.column("amount", lang, unit): _in_unit(lines.amount_mvnd, unit),
        L.column("share_pct", lang): lines.share_pct.astype(float).tolist(),
        L.column("funding_kind", lang): [name("funding_kind", k, lang) for k in lines.funding_kind],
        L.column("project_status", lang): [name("project_status", s, lang) if isinstance(s, str) else ""
                                           for s in lines.project_status],
        L.column("funder", lang): [name("funder", f, lang) if isinstance(f, str) else pick(L.FUNDER_NOT_STATED, lang)
                                   for f in lines.funder],
        L.column("section", lang): lines.section.tolist(),
        L.column("quote", lang): lines[quote].tolist(),
    })


def investment_table(across: pd.DataFrame, lang: str = "vi", unit: str = "mvnd") -> pd.DataFrame:
    """Investment per project and period, one row each (never summed). `across` is investment_across_periods()."""
    short = "short_vi" if lang == "vi" else "short_en"
    return pd.DataFrame({
        L.column("project", lang): across[short].tolist(),
        L.column("period", lang): [fmt.period(p) for p in across.period],
        L.column("basis", lang): [name("basis", b, lang) for b in across.basis],
        L.column("amount", lang, unit): _in_unit(across.amount_mvnd, unit),
    })


def budget_split_donut(split: pd.DataFrame, lang: str = "vi", unit: str = "mvnd") -> go.Figure:
    """The plan's two parts as a donut (two parts of one whole: a share chart is sound here).

    `split` is queries.budget.budget_split()."""
    names = [name("funding_kind", k, lang) for k in split["funding_kind"]]
    text = [f"{fmt.money(a, lang, unit)}<br>{fmt.pct(p, lang)}" for a, p in zip(split["amount_mvnd"], split["share_pct"])]
    fig = go.Figure(go.Pie(labels=names, values=split["amount_mvnd"].tolist(), hole=0.55, sort=False,
                           text=text, textinfo="text", hovertemplate="%{label}<br>%{text}<extra></extra>",
                           marker={"colors": PALETTE[:len(names)], "line": {"color": "white", "width": 2}}))
    base_layout(fig, lang)
    fig.update_layout(showlegend=True, legend={"orientation": "h", "y": -0.05}, margin={"t": 10, "b": 10})
    return fig
