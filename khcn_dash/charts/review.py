"""Review 2016–2020 page: chart builders, display tables and text summaries.

Pure functions, no st.* calls: DataFrames from khcn_dash.queries plus lang (and unit) in; a plotly
Figure, a table with headers in the user's language, or a short Markdown summary out. The page only
lays these out. Money is million VND in, shown in the chosen unit without rounding away the
document's own digits (see fmt.money()).
"""
from __future__ import annotations

import html
import textwrap
from collections.abc import Iterable, Mapping

import pandas as pd
import plotly.graph_objects as go

from .. import format as fmt
from .. import labels
from ..labels import review as L
from . import PALETTE, base_layout
from ..text import md_escape, plot_text

# One colour per research field, shared with the plan page, so a field looks the same everywhere.
FIELD_COLOURS = {
    "agriculture": PALETTE[2],
    "social_humanities": PALETTE[3],
    "engineering_technology": PALETTE[0],
    "medicine_pharmacy": PALETTE[5],
}
STATUS_COLOURS = {"protected": PALETTE[0], "in_progress": PALETTE[1]}
INFRA_COLOURS = {"approved": PALETTE[4], "allocated": PALETTE[0], "planned_2021": PALETTE[1]}
KIND_SYMBOLS = ["circle", "square", "diamond", "triangle-up", "cross", "x", "star", "hexagon", "triangle-down"]
AXIS_NUMBER = ",~f"  # d3: thousands mark, no trailing zeros; the marks come from the layout's separators


# --- small helpers ---------------------------------------------------------------------------

def pick(pair: labels.Pair, lang: str) -> str:
    return labels.pick(pair, lang)


def to_unit_column(values: pd.Series, unit: str) -> pd.Series:
    """A money column in the display unit, for tables and chart axes."""
    return values.astype("float64").map(lambda v: fmt.to_unit(v, unit))






def column(key: str, lang: str, unit: str = "mvnd") -> str:
    return pick(L.COLUMNS[key], lang).format(unit=fmt.unit_text(unit, lang))


def headers(mapping: Mapping[str, str], lang: str, unit: str = "mvnd") -> dict[str, str]:
    """{internal column: label key} -> {internal column: header in the user's language}."""
    return {col: column(key, lang, unit) for col, key in mapping.items()}


def name_col(df: pd.DataFrame, base: str, lang: str) -> pd.Series:
    """`base_vi` or `base_en` (the English falls back to the Vietnamese where missing)."""
    if lang == "vi":
        return df[f"{base}_vi"]
    return df[f"{base}_en"].fillna(df[f"{base}_vi"])


def cite_ids(*frames_or_ids) -> list[str]:
    """Every cite id of some DataFrames (cite_id / cite_ids / status_cite_id / founded_cite_id
    columns) or dicts, in order, once each."""
    out: list[str] = []
    for item in frames_or_ids:
        if item is None:
            continue
        if isinstance(item, pd.DataFrame):
            for col in ("cite_id", "status_cite_id", "founded_cite_id", "cite_ids"):
                if col in item:
                    for v in item[col]:
                        out.extend(_ids(v))
        elif isinstance(item, Mapping):
            out.extend(_ids(item.get("cite_id")))
        else:
            out.extend(_ids(item))
    return list(dict.fromkeys(out))


def _ids(value) -> list[str]:
    """A cell holding one id, a list of ids, or nothing (None/NaN/NA) -> a list of ids."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, Iterable):
        return [str(v) for v in value if v is not None and not (pd.api.types.is_scalar(v) and pd.isna(v))]
    if value is None or pd.isna(value):
        return []
    return [str(value)]


def stated(total: Mapping | None, fallback=None):
    """The value of a stated total/indicator dict, or `fallback` when the document gives none."""
    return fallback if total is None else total["value"]


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
    return out.rename(columns=headers({k: k for k in out.columns}, lang))


def tasks_by_field_summary(df: pd.DataFrame, total: Mapping | None, lang: str = "vi") -> str:
    parts = "; ".join(
        pick(L.SUMMARY["tasks_part"], lang).format(
            name=labels.name("field", r.field_code, lang), n=fmt.count(r.task_count, lang), pct=fmt.pct(r.share_pct, lang))
        for r in df.itertuples())
    n = stated(total, int(df["task_count"].sum()))
    return pick(L.SUMMARY["tasks"], lang).format(total=fmt.count(n, lang), parts=parts)


# --- ministry tasks and research highlights --------------------------------------------------

def ministry_tasks_table(df: pd.DataFrame, lang: str = "vi") -> pd.DataFrame:
    out = pd.DataFrame({
        "seq": df["seq"].astype("int64"),
        "title": name_col(df, "title", lang),
        "field": [labels.name("field", c, lang) for c in df["field_code"]],
        "section": df["section"],
        "quote": df["source_quote"],
    })
    return out.rename(columns=headers({k: k for k in out.columns}, lang))


def highlight_fields(all_highlights: pd.DataFrame) -> list[str]:
    """The field filter's options: 'all', then the fields that have highlights, most first."""
    return ["all", *all_highlights["field_code"].value_counts().index.tolist()]


def option_label(kind: str, code: str, lang: str = "vi") -> str:
    """A filter option's text: 'all' -> 'Tất cả …' for the filter `kind`, else the code's name.
    Takes lang explicitly so the text never depends on when Streamlit calls it."""
    if code == "all":
        return pick(L.T["all_fields" if kind == "field" else "all_types"], lang)
    return labels.name(kind, code, lang)


def highlights_table(df: pd.DataFrame, districts: pd.DataFrame, lang: str = "vi") -> pd.DataFrame:
    """One row per named research task; districts by name (empty where the text names none)."""
    district_names = dict(zip(districts["district_id"], name_col(districts, "name", lang)))

    def place(ids) -> str:
        return ", ".join(district_names.get(i, i) for i in _ids(ids))

    out = pd.DataFrame({
        "field": [labels.name("field", c, lang) for c in df["field_code"]],
        "subject": name_col(df, "subject", lang),
        "title": name_col(df, "title", lang),
        "status": [labels.name("highlight_status", s, lang) for s in df["status"]],
        "districts": [place(v) for v in df["district_ids"]],
        "section": df["section"],
        "quote": df["source_quote"],
    })
    return out.rename(columns=headers({k: k for k in out.columns}, lang))


def highlights_caption(shown: int, total: int, lang: str = "vi") -> str:
    return pick(L.T["highlights_shown"], lang).format(shown=fmt.count(shown, lang), total=fmt.count(total, lang))


# --- development investment 2016–2020 ---------------------------------------------------------

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
    return out.rename(columns=headers({k: k for k in out.columns}, lang, unit))


def investment_summary(df: pd.DataFrame, total: Mapping | None, n_projects: Mapping | None,
                       lang: str = "vi", unit: str = "mvnd") -> str:
    parts = "; ".join(
        pick(L.SUMMARY["money_part"], lang).format(
            name=md_escape(n), amount=fmt.money(a, lang, unit), pct=fmt.pct(p, lang))
        for n, a, p in zip(name_col(df, "short", lang), df["amount_mvnd"], df["share_pct"]))
    return pick(L.SUMMARY["investment"], lang).format(
        total=fmt.money(stated(total, df["amount_mvnd"].sum()), lang, unit),
        n=fmt.count(stated(n_projects, len(df)), lang), parts=parts)


# --- infrastructure: approved totals beside the money received ------------------------------

INFRA_STATUS_TEXT_COLOURS = {"halted": PALETTE[5], "awaiting_equipment": "#7A5200"}  # vermillion, dark amber


def _infra_label(row, lang: str) -> str:
    """Project name with its status under it, in words (and, as a second cue, in colour)."""
    short = row.short_vi if lang == "vi" else row.short_en
    colour = INFRA_STATUS_TEXT_COLOURS.get(row.status, "#333333")
    status = html.escape(labels.name("infra_status", row.status, lang))
    return f"<b>{html.escape(str(short))}</b><br><span style='color:{colour}'><i>{status}</i></span>"


def infrastructure_bar(df: pd.DataFrame, lang: str = "vi", unit: str = "mvnd") -> go.Figure:
    """Grouped bars per project: approved total (hatched), allocated 2016–2020, planned 2021 where
    there is a plan. Side by side, never stacked or summed: they are different bases."""
    y = [_infra_label(r, lang) for r in df.itertuples()]
    fig = go.Figure()
    series = [
        ("approved", "approved_total_mvnd", {"pattern": {"shape": "/", "fgcolor": "#FFFFFF", "fgopacity": 0.6}}),
        ("allocated", "allocated_2016_2020_mvnd", {}),
        ("planned_2021", "planned_2021_mvnd", {}),
    ]
    x_max = 0.0
    for key, col, marker in series:
        values = df[col].astype("float64")
        shown = values.where(values > 0) if key == "planned_2021" else values
        if key == "planned_2021" and shown.isna().all():
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
        "allocated_2016_2020": to_unit_column(df["allocated_2016_2020_mvnd"], unit),
        "planned_2021": to_unit_column(df["planned_2021_mvnd"], unit),
        "status_quote": df["status_quote"],
        "section": df["section"],
        "quote": df["source_quote"],
    })
    return out.rename(columns=headers({k: k for k in out.columns}, lang, unit))


def infrastructure_summary(df: pd.DataFrame, lang: str = "vi", unit: str = "mvnd") -> str:
    lines = [pick(L.SUMMARY["infra_intro"], lang)]
    for r, short in zip(df.itertuples(), name_col(df, "short", lang)):
        planned = ""
        if r.planned_2021_mvnd and r.planned_2021_mvnd > 0:
            planned = pick(L.SUMMARY["infra_planned"], lang).format(amount=fmt.money(r.planned_2021_mvnd, lang, unit))
        lines.append("- " + pick(L.SUMMARY["infra_item"], lang).format(
            name=md_escape(short), approved=fmt.money(r.approved_total_mvnd, lang, unit),
            allocated=fmt.money(r.allocated_2016_2020_mvnd, lang, unit), planned=planned,
            status=labels.name("infra_status", r.status, lang), quote=md_escape(r.status_quote)))
    return "\n".join(lines)


# --- intellectual property -----------------------------------------------------------------

IP_TYPES = ["geographical_indication", "certification_mark", "collective_trademark"]
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
    return out.rename(columns=headers({k: k for k in out.columns}, lang))


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


def ip_assets_table(df: pd.DataFrame, districts: pd.DataFrame, lang: str = "vi") -> pd.DataFrame:
    district_names = dict(zip(districts["district_id"], name_col(districts, "name", lang)))
    out = pd.DataFrame({
        "product": name_col(df, "product", lang),
        "ip_type": [labels.name("ip_type", t, lang) for t in df["ip_type"]],
        "ip_status": [labels.name("ip_status", s, lang) for s in df["status"]],
        "place": df["holder_vi"].fillna(""),
        "districts": [", ".join(district_names.get(i, i) for i in _ids(v)) or labels.name("ip_scope", s, lang)
                      for v, s in zip(df["district_ids"], df["scope"])],
        "section": df["section"],
        "quote": df["source_quote"],
    })
    return out.rename(columns=headers({k: k for k in out.columns}, lang))


def ip_caption(shown: int, total: int, lang: str = "vi") -> str:
    return pick(L.T["ip_shown"], lang).format(shown=fmt.count(shown, lang), total=fmt.count(total, lang))


# --- organisations and enterprises ---------------------------------------------------------

def organisations_summary(orgs: pd.DataFrame, org_count: Mapping | None, lang: str = "vi") -> str:
    if orgs.empty:
        return labels.pick(labels.UI["no_data"], lang)
    r = orgs.iloc[0]
    return pick(L.SUMMARY["org"], lang).format(
        n=fmt.count(stated(org_count, len(orgs)), lang),
        name=md_escape(r["name_vi"] if lang == "vi" else r["name_en"]),
        parent=md_escape(r["parent_vi"]), year=int(r["founded_year"]),
        formed_from=md_escape(r["formed_from_vi"]))


def organisations_table(df: pd.DataFrame, lang: str = "vi") -> pd.DataFrame:
    out = pd.DataFrame({
        "org": name_col(df, "name", lang),
        "founded_year": df["founded_year"].astype("Int64"),
        "parent": df["parent_vi"],
        "section": df["section"],
        "quote": df["source_quote"],
    })
    return out.rename(columns=headers({k: k for k in out.columns}, lang))


def enterprises_summary(indicator: Mapping | None, lang: str = "vi") -> str:
    if indicator is None:
        return labels.pick(labels.UI["no_data"], lang)
    return pick(L.SUMMARY["enterprises"], lang).format(n=fmt.count(indicator["value"], lang))


# --- legal and policy instruments ----------------------------------------------------------

def kinds_in(df: pd.DataFrame) -> list[str]:
    """Kinds of instrument present, most cited first (the kind filter's options)."""
    return df["kind_code"].value_counts().index.tolist()


def of_kinds(df: pd.DataFrame, kinds: Iterable[str]) -> pd.DataFrame:
    return df[df["kind_code"].isin(list(kinds))]


def dated(df: pd.DataFrame) -> pd.DataFrame:
    """Instruments with at least a year: they go on the timeline."""
    return df[df["year"].notna()]


def undated(df: pd.DataFrame) -> pd.DataFrame:
    """Instruments the document names without a date or year: listed apart, never on a made-up date."""
    return df[df["year"].isna()]


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
        "sections": ["; ".join(_ids(v)) for v in df["sections"]],
        "quote": df["source_quote"],
    })
    return out.rename(columns=headers({k: k for k in out.columns}, lang))


def undated_table(df: pd.DataFrame, lang: str = "vi") -> pd.DataFrame:
    """Instruments without a year: no year, date or number columns to leave empty."""
    out = pd.DataFrame({
        "kind": [labels.name("instrument_kind", k, lang) for k in df["kind_code"]],
        "about": name_col(df, "subject", lang),
        "issuer": [labels.name("issuer", c, lang) for c in df["issuer_code"]],
        "n_citations": df["n_citations"].astype("int64"),
        "sections": ["; ".join(_ids(v)) for v in df["sections"]],
        "quote": df["source_quote"],
    })
    return out.rename(columns=headers({k: k for k in out.columns}, lang))


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

def limitations_table(df: pd.DataFrame, lang: str = "vi") -> pd.DataFrame:
    out = pd.DataFrame({
        "seq": df["seq"].astype("int64"),
        "text": name_col(df, "text", lang),
        "section": df["section"],
    })
    return out.rename(columns=headers({k: k for k in out.columns}, lang))


def recommendations_table(df: pd.DataFrame, lang: str = "vi") -> pd.DataFrame:
    out = pd.DataFrame({
        "seq": df["seq"].astype("int64"),
        "text": name_col(df, "text", lang),
        "addressee": df["addressee_vi"].fillna(labels.UI["not_stated"][0 if lang == "vi" else 1]),
        "section": df["section"],
    })
    return out.rename(columns=headers({k: k for k in out.columns}, lang))


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
    """A Markdown bullet list answering 'what did 2016–2020 deliver?' in a few lines."""
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
    keys = ["tasks_total", "ministry", "investment_total", "halted", "gi", "cm", "ct_a", "ct_b", "wip", "org_count",
            "orgs", "enterprises"]
    return cite_ids(*(facts.get(k) for k in keys))
