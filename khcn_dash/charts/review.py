"""Review page: chart builders and the display tables beside them.

Pure functions, no st.* calls: DataFrames from khcn_dash.queries plus lang (and unit) in; a plotly
Figure or a table with headers in the user's language out. The sentences that summarise these
charts are in khcn_dash.summaries.review; the filters' options in khcn_dash.filters. Money is million
VND in, shown in the chosen unit without rounding away the document's own digits (see fmt.money()).
"""
from __future__ import annotations

import html

import pandas as pd
import plotly.graph_objects as go

from .. import format as fmt
from .. import labels
from ..filters import IP_TYPES, dated
from ..labels import pick
from ..labels import review as L
from ..results import ids, name_col
from ..text import plot_text
from . import PALETTE, base_layout
from .common import AXIS_NUMBER, FIELD_COLOURS, to_unit_column, with_headers

STATUS_COLOURS = {"protected": PALETTE[0], "in_progress": PALETTE[1]}
INFRA_COLOURS = {"approved": PALETTE[4], "allocated": PALETTE[0], "planned_plan": PALETTE[1]}
KIND_SYMBOLS = ["circle", "square", "diamond", "triangle-up", "cross", "x", "star", "hexagon", "triangle-down"]


def _headers(out: pd.DataFrame, lang: str, unit: str = "mvnd") -> pd.DataFrame:
    return with_headers(out, L.COLUMNS, lang, unit)


def _bar_layout(fig: go.Figure, n_bars: int, x_title: str, x_max: float) -> go.Figure:
    fig.update_layout(height=110 + 58 * n_bars, bargap=0.3, showlegend=False)
    fig.update_xaxes(title=x_title, tickformat=AXIS_NUMBER, range=[0, (x_max or 1) * 1.35], rangemode="tozero")
    fig.update_yaxes(autorange="reversed", automargin=True)
    return fig


# --- provincial tasks by field ---------------------------------------------------------------

def tasks_by_field_bar(df: pd.DataFrame, lang: str = "vi") -> go.Figure:
    """Horizontal bars, largest field on top, each labelled with its count and share."""
    names = [labels.name("field", c, lang) for c in df["field_code"]]
    text = [f"{fmt.count(n, lang)} ({fmt.pct(p, lang)})" for n, p in zip(df["task_count"], df["share_pct"])]
    fig = go.Figure(go.Bar(
        x=df["task_count"], y=names, orientation="h", text=text, textposition="outside", cliponaxis=False,
        marker_color=[FIELD_COLOURS.get(c, PALETTE[7]) for c in df["field_code"]],
        hovertemplate="%{y}: %{text}<extra></extra>"))
    base_layout(fig, lang)
    return _bar_layout(fig, len(df), pick(L.CHART["tasks_axis"], lang), float(df["task_count"].max() or 0))


def tasks_by_field_table(df: pd.DataFrame, lang: str = "vi") -> pd.DataFrame:
    out = pd.DataFrame({
        "field": [labels.name("field", c, lang) for c in df["field_code"]],
        "task_count": df["task_count"].astype("int64"),
        "share_pct": df["share_pct"],
        "section": df["section"],
        "quote": df["source_quote"],
    })
    return _headers(out, lang)


# --- ministry tasks and research highlights --------------------------------------------------

def ministry_tasks_table(df: pd.DataFrame, lang: str = "vi") -> pd.DataFrame:
    out = pd.DataFrame({
        "seq": df["seq"].astype("int64"),
        "title": name_col(df, "title", lang),
        "field": [labels.name("field", c, lang) for c in df["field_code"]],
        "section": df["section"],
        "quote": df["source_quote"],
    })
    return _headers(out, lang)


def highlights_table(df: pd.DataFrame, districts: pd.DataFrame, lang: str = "vi") -> pd.DataFrame:
    """One row per named research task; districts by name (empty where the text names none)."""
    district_names = dict(zip(districts["district_id"], name_col(districts, "name", lang)))

    def place(value) -> str:
        return ", ".join(district_names.get(i, i) for i in ids(value))

    out = pd.DataFrame({
        "field": [labels.name("field", c, lang) for c in df["field_code"]],
        "subject": name_col(df, "subject", lang),
        "title": name_col(df, "title", lang),
        "status": [labels.name("highlight_status", s, lang) for s in df["status"]],
        "districts": [place(v) for v in df["district_ids"]],
        "section": df["section"],
        "quote": df["source_quote"],
    })
    return _headers(out, lang)


# --- development investment in the review period ---------------------------------------------------------

def investment_bar(df: pd.DataFrame, lang: str = "vi", unit: str = "mvnd") -> go.Figure:
    """Money per project, largest on top, each bar labelled with its exact amount and share."""
    x = to_unit_column(df["amount_mvnd"], unit)
    text = [f"{fmt.money(a, lang, unit)} ({fmt.pct(p, lang)})" for a, p in zip(df["amount_mvnd"], df["share_pct"])]
    fig = go.Figure(go.Bar(
        x=x, y=name_col(df, "short", lang), orientation="h", text=text, textposition="outside", cliponaxis=False,
        marker_color=PALETTE[0], customdata=[plot_text(n) for n in name_col(df, "name", lang)],
        hovertemplate="<b>%{y}</b><br>%{customdata}<br>%{text}<extra></extra>"))
    base_layout(fig, lang)
    axis = pick(L.CHART["money_axis"], lang).format(unit=fmt.unit_text(unit, lang))
    return _bar_layout(fig, len(df), axis, float(x.max() or 0))


def investment_table(df: pd.DataFrame, lang: str = "vi", unit: str = "mvnd") -> pd.DataFrame:
    out = pd.DataFrame({
        "project": name_col(df, "short", lang),
        "project_full": name_col(df, "name", lang),
        "amount": to_unit_column(df["amount_mvnd"], unit),
        "share_pct": df["share_pct"],
        "section": df["section"],
        "quote": df["source_quote"],
    })
    return _headers(out, lang, unit)


# --- infrastructure: approved totals beside the money received ------------------------------

INFRA_STATUS_TEXT_COLOURS = {"halted": PALETTE[5], "awaiting_equipment": "#7A5200"}  # vermillion, dark amber


def _infra_label(row, lang: str) -> str:
    """Project name with its status under it, in words (and, as a second cue, in colour)."""
    short = row.short_vi if lang == "vi" else row.short_en
    colour = INFRA_STATUS_TEXT_COLOURS.get(row.status, "#333333")
    status = html.escape(labels.name("infra_status", row.status, lang))
    return f"<b>{html.escape(str(short))}</b><br><span style='color:{colour}'><i>{status}</i></span>"


def infrastructure_bar(df: pd.DataFrame, lang: str = "vi", unit: str = "mvnd") -> go.Figure:
    """Grouped bars per project: approved total (hatched), allocated in the review period, planned in the plan year where
    there is a plan. Side by side, never stacked or summed: they are different bases."""
    y = [_infra_label(r, lang) for r in df.itertuples()]
    fig = go.Figure()
    series = [
        ("approved", "approved_total_mvnd", {"pattern": {"shape": "/", "fgcolor": "#FFFFFF", "fgopacity": 0.6}}),
        ("allocated", "allocated_review_mvnd", {}),
        ("planned_plan", "planned_plan_mvnd", {}),
    ]
    x_max = 0.0
    for key, col, marker in series:
        values = df[col].astype("float64")
        shown = values.where(values > 0) if key == "planned_plan" else values
        if key == "planned_plan" and shown.isna().all():
            continue
        x = to_unit_column(shown, unit)
        x_max = max(x_max, float(x.max(skipna=True) or 0))
        text = ["" if pd.isna(v) else fmt.money(v, lang, unit) for v in shown]
        fig.add_bar(
            name=pick(L.CHART[key], lang), x=x, y=y, orientation="h", text=text, textposition="outside",
            cliponaxis=False, marker={"color": INFRA_COLOURS[key], **marker},
            hovertemplate="%{y}<br>" + html.escape(pick(L.CHART[key], lang)) + ": %{text}<extra></extra>")
    base_layout(fig, lang)
    fig.update_layout(barmode="group", height=140 + 120 * len(df), bargap=0.25, bargroupgap=0.05,
                      legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0})
    axis = pick(L.CHART["money_axis"], lang).format(unit=fmt.unit_text(unit, lang))
    fig.update_xaxes(title=axis, tickformat=AXIS_NUMBER, range=[0, (x_max or 1) * 1.3])
    fig.update_yaxes(autorange="reversed", automargin=True)
    return fig


def infrastructure_table(df: pd.DataFrame, lang: str = "vi", unit: str = "mvnd") -> pd.DataFrame:
    out = pd.DataFrame({
        "project": name_col(df, "short", lang),
        "status": [labels.name("infra_status", s, lang) for s in df["status"]],
        "approved_total": to_unit_column(df["approved_total_mvnd"], unit),
        "allocated_review": to_unit_column(df["allocated_review_mvnd"], unit),
        "planned_plan": to_unit_column(df["planned_plan_mvnd"], unit),
        "status_quote": df["status_quote"],
        "section": df["section"],
        "quote": df["source_quote"],
    })
    return _headers(out, lang, unit)


# --- intellectual property -----------------------------------------------------------------

IP_STATUSES = ["protected", "in_progress"]


def ip_bar(df: pd.DataFrame, lang: str = "vi") -> go.Figure:
    """Products per kind of IP, stacked by status (counts of one kind of thing, so stacking is sound)."""
    types = [t for t in IP_TYPES if t in set(df["ip_type"])]
    y = [labels.name("ip_type", t, lang) for t in types]
    fig = go.Figure()
    for status in IP_STATUSES:
        part = df[df["status"] == status].set_index("ip_type")["n_assets"]
        x = [int(part.get(t, 0)) for t in types]
        if not any(x):
            continue
        fig.add_bar(name=labels.name("ip_status", status, lang), x=x, y=y, orientation="h",
                    text=[fmt.count(v, lang) if v else "" for v in x], textposition="inside",
                    insidetextanchor="middle", marker_color=STATUS_COLOURS[status],
                    hovertemplate="%{y}<br>" + html.escape(labels.name("ip_status", status, lang)) + ": %{x}<extra></extra>")
    base_layout(fig, lang)
    totals = df.groupby("ip_type")["n_assets"].sum()
    fig.update_layout(barmode="stack", height=110 + 70 * len(types), bargap=0.35,
                      legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0, "traceorder": "normal"})
    fig.update_xaxes(title=pick(L.CHART["ip_axis"], lang), tickformat=",d", range=[0, float(totals.max() or 1) * 1.1])
    fig.update_yaxes(autorange="reversed", automargin=True)
    return fig


def ip_table(df: pd.DataFrame, lang: str = "vi") -> pd.DataFrame:
    out = pd.DataFrame({
        "ip_type": [labels.name("ip_type", t, lang) for t in df["ip_type"]],
        "ip_status": [labels.name("ip_status", s, lang) for s in df["status"]],
        "n_assets": df["n_assets"].astype("int64"),
    })
    return _headers(out, lang)


def ip_assets_table(df: pd.DataFrame, districts: pd.DataFrame, lang: str = "vi") -> pd.DataFrame:
    district_names = dict(zip(districts["district_id"], name_col(districts, "name", lang)))
    out = pd.DataFrame({
        "product": name_col(df, "product", lang),
        "ip_type": [labels.name("ip_type", t, lang) for t in df["ip_type"]],
        "ip_status": [labels.ip_status_words(t, s, lang) for t, s in zip(df["ip_type"], df["status"])],
        "place": df["place_vi"].fillna(""),
        "districts": [", ".join(district_names.get(i, i) for i in ids(v)) or labels.name("ip_scope", s, lang)
                      for v, s in zip(df["district_ids"], df["scope"])],
        "section": df["section"],
        "quote": df["source_quote"],
    })
    return _headers(out, lang)


# --- organisations --------------------------------------------------------------------------

def organisations_table(df: pd.DataFrame, lang: str = "vi") -> pd.DataFrame:
    out = pd.DataFrame({
        "org": name_col(df, "name", lang),
        "founded_year": df["founded_year"].astype("Int64"),
        "parent": df["parent_vi"],
        "section": df["section"],
        "quote": df["source_quote"],
    })
    return _headers(out, lang)


# --- legal and policy instruments ----------------------------------------------------------

def _instrument_name(row, lang: str) -> str:
    if isinstance(row.number, str) and row.number:
        return f"{labels.name('instrument_kind', row.kind_code, lang)} {row.number}"
    return row.subject_vi if lang == "vi" else (row.subject_en or row.subject_vi)


def _date_text(row, lang: str) -> str:
    if pd.notna(row.issued_on):
        return fmt.date(row.issued_on, lang)
    return f"{int(row.year)} ({pick(L.CHART['date_unknown'], lang)})"


def legal_timeline(df: pd.DataFrame, lang: str = "vi") -> go.Figure:
    """One marker per dated instrument: x = year issued, stacked upwards within the year (in date
    order); colour and marker shape both show the kind, so it reads without colour too."""
    d = dated(df).sort_values(["year", "issued_on", "instrument_id"], na_position="first")
    d = d.assign(stack=d.groupby("year").cumcount() + 1)
    fig = go.Figure()
    kinds = [k for k in labels.CODES["instrument_kind"] if k in set(d["kind_code"])]
    for i, kind in enumerate(kinds):
        part = d[d["kind_code"] == kind]
        hover = [
            f"<b>{html.escape(_instrument_name(r, lang))}</b><br>{html.escape(_date_text(r, lang))}<br>"
            f"{html.escape(labels.name('issuer', r.issuer_code, lang))}<br>"
            f"{plot_text(r.subject_vi if lang == 'vi' else r.subject_en)}"
            for r in part.itertuples()]
        fig.add_scatter(
            name=labels.name("instrument_kind", kind, lang), x=part["year"].astype("int64"), y=part["stack"],
            mode="markers", hovertext=hover, hoverinfo="text",
            marker={"size": 15, "color": PALETTE[i % len(PALETTE)], "symbol": KIND_SYMBOLS[i % len(KIND_SYMBOLS)],
                    "line": {"width": 1, "color": "#333333"}})
    base_layout(fig, lang)
    top = int(d["stack"].max()) if len(d) else 1
    fig.update_layout(height=460, legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0})
    fig.update_xaxes(title=pick(L.CHART["year_axis"], lang), dtick=1, tickformat="d")
    fig.update_yaxes(title=pick(L.CHART["stack_axis"], lang), range=[0.3, top + 0.7], dtick=1, tickformat="d")
    return fig


def legal_table(df: pd.DataFrame, lang: str = "vi") -> pd.DataFrame:
    out = pd.DataFrame({
        "year": df["year"].astype("Int64"),
        "date": [fmt.date(v, lang) if pd.notna(v) else "" for v in df["issued_on"]],
        "kind": [labels.name("instrument_kind", k, lang) for k in df["kind_code"]],
        "number": df["number"].fillna(""),
        "issuer": [labels.name("issuer", c, lang) for c in df["issuer_code"]],
        "about": name_col(df, "subject", lang),
        "n_citations": df["n_citations"].astype("int64"),
        "sections": ["; ".join(ids(v)) for v in df["sections"]],
        "quote": df["source_quote"],
    })
    return _headers(out, lang)


def undated_table(df: pd.DataFrame, lang: str = "vi") -> pd.DataFrame:
    """Instruments without a year: no year, date or number columns to leave empty."""
    out = pd.DataFrame({
        "kind": [labels.name("instrument_kind", k, lang) for k in df["kind_code"]],
        "about": name_col(df, "subject", lang),
        "issuer": [labels.name("issuer", c, lang) for c in df["issuer_code"]],
        "n_citations": df["n_citations"].astype("int64"),
        "sections": ["; ".join(ids(v)) for v in df["sections"]],
        "quote": df["source_quote"],
    })
    return _headers(out, lang)


# --- limitations and recommendations -------------------------------------------------------

def limitations_table(df: pd.DataFrame, lang: str = "vi") -> pd.DataFrame:
    out = pd.DataFrame({
        "seq": df["seq"].astype("int64"),
        "text": name_col(df, "text", lang),
        "section": df["section"],
    })
    return _headers(out, lang)


def recommendations_table(df: pd.DataFrame, lang: str = "vi") -> pd.DataFrame:
    out = pd.DataFrame({
        "seq": df["seq"].astype("int64"),
        "text": name_col(df, "text", lang),
        "addressee": df["addressee_vi"].fillna(labels.UI["not_stated"][0 if lang == "vi" else 1]),
        "section": df["section"],
    })
    return _headers(out, lang)


# --- what was done, area by area (review_items) -------------------------------------------------

def review_items_table(df: pd.DataFrame, lang: str = "vi") -> pd.DataFrame:
    """One row per review item, in document order: section, kind, the item (our English in English),
    its figures and its sentence exactly as the document writes them."""
    out = pd.DataFrame({
        "section": df["section"],
        "item_kind": [L.item_kind(k, lang) for k in df["kind"]],
        "item": name_col(df, "text", lang),
        "figures": df["figures"].fillna(""),
        "quote": df["source_quote"],
    })
    return _headers(out, lang)
