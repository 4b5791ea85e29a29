"""Charts of the scenario page: differences from the plan, for one scenario and for several."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from collections.abc import Iterable, Mapping
from decimal import Decimal

from .. import format as fmt
from .. import labels
from ..scenario import Line
from ..labels import scenarios as L
from . import PALETTE, base_layout
from ..text import html_escape

def _plain(text) -> str:
    """Plotly reads a few HTML tags in labels; names typed by users must show as typed."""
    return html_escape(text)


def _floats(values, unit: str) -> list[float]:
    return [float(fmt.to_unit(v, unit)) for v in values]


def lines_vs_plan_bar(df: pd.DataFrame, lang: str = "vi", unit: str = "mvnd") -> go.Figure:
    """For each line (or group of lines), the plan's amount beside the scenario's (horizontal grouped
    bars); the hover adds the difference. `df` columns: label, plan_mvnd, amount_mvnd, diff_mvnd
    (Decimal million VND); `df.attrs["by"]` ("line" or "group") picks the title. At most 460 px
    high, so that it fits under the lines' editor on a laptop screen."""
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
    base_layout(fig, lang, L.t("chart_groups_title" if df.attrs.get("by") == "group" else "chart_lines_title", lang))
    fig.update_layout(barmode="group", height=min(150 + 44 * len(df), 460),
                      legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "xanchor": "right", "x": 1},
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


# --- the tables beside the charts (headers in the user's language; money in the display unit) ---

def _in_unit(value: Decimal | None, unit: str):
    return None if value is None else fmt.to_unit(value, unit)


def lines_table(rows: Iterable[Mapping], lines: Mapping[str, Line], lang: str, unit: str) -> pd.DataFrame:
    """The scenario's lines against the plan, for display and download."""
    u = L.unit_text(lang, unit)
    out = []
    for r in rows:
        ln = lines[r["line_id"]]
        out.append({
            L.t("col_line", lang): L.line_label(ln, lang),
            L.t("col_source", lang): L.group_label(ln, lang),
            L.t("col_plan_unit", lang, unit=u): _in_unit(r["plan_mvnd"], unit),
            L.t("col_amount_unit", lang, unit=u): _in_unit(r["amount_mvnd"], unit),
            L.t("col_diff_unit", lang, unit=u): _in_unit(r["diff_mvnd"], unit),
            L.t("col_diff_pct", lang): r["diff_pct"],
            L.t("col_cap_unit", lang, unit=u): _in_unit(r["cap_mvnd"], unit),
            L.t("col_headroom_unit", lang, unit=u): _in_unit(r["headroom_mvnd"], unit),
        })
    return pd.DataFrame(out)


def sources_table(rows: Iterable[Mapping], lang: str, unit: str) -> pd.DataFrame:
    u = L.unit_text(lang, unit)
    return pd.DataFrame([{
        L.t("col_source", lang): (labels.name("funding_kind", r["funding_kind"], lang) if r["funding_kind"]
                                else L.t("all_sources", lang)),
        L.t("col_plan_unit", lang, unit=u): _in_unit(r["plan_mvnd"], unit),
        L.t("col_amount_unit", lang, unit=u): _in_unit(r["amount_mvnd"], unit),
        L.t("col_diff_unit", lang, unit=u): _in_unit(r["diff_mvnd"], unit),
    } for r in rows])


def export_table(line_rows: Iterable[Mapping], source_rows: Iterable[Mapping], lines: Mapping[str, Line],
                 lang: str, unit: str) -> pd.DataFrame:
    """One table for CSV/Excel: the lines, then the totals by source and overall."""
    body = lines_table(line_rows, lines, lang, unit)
    totals = sources_table(source_rows, lang, unit).rename(columns={L.t("col_source", lang): L.t("col_line", lang)})
    return pd.concat([body, totals], ignore_index=True)


def split_table(rows: Iterable[Mapping], kind: str, lang: str, unit: str) -> pd.DataFrame:
    u = L.unit_text(lang, unit)
    return pd.DataFrame([{
        L.t("col_code", lang): L.split_code_name(kind, r["code"], lang),
        L.t("col_share", lang): r["share_pct"],
        L.t("col_amount_unit", lang, unit=u): _in_unit(r["amount_mvnd"], unit),
    } for r in rows])


def compare_table(rows: Iterable[Mapping], names: Mapping[str, str], lines: Mapping[str, Line], lang: str,
                  unit: str) -> pd.DataFrame:
    """Wide table: one row per line; the plan, then each scenario's amount and its difference."""
    u = L.unit_text(lang, unit)
    by_line: dict[str, dict] = {}
    for r in rows:
        ln = lines[r["line_id"]]
        row = by_line.setdefault(r["line_id"], {
            L.t("col_line", lang): L.line_label(ln, lang),
            L.t("col_plan_unit", lang, unit=u): _in_unit(r["plan_mvnd"], unit)})
        row[L.t("col_amount_of", lang, name=names[r["key"]], unit=u)] = _in_unit(r["amount_mvnd"], unit)
        row[L.t("col_diff_of", lang, name=names[r["key"]], unit=u)] = _in_unit(r["diff_mvnd"], unit)
    return pd.DataFrame(list(by_line.values()))


def saved_table(rows: Iterable[Mapping], lang: str) -> pd.DataFrame:
    """The saved scenarios as plain text cells (names are never read as HTML or Markdown)."""
    return pd.DataFrame([{
        L.t("col_name", lang): r["name"], L.t("col_author", lang): r.get("author") or "",
        L.t("col_saved_at", lang): L.saved_at(r.get("created_at"), lang),
        L.t("col_versions", lang): r.get("n_versions", 1), L.t("col_note", lang): r.get("note") or "",
    } for r in rows], columns=[L.t(c, lang) for c in ("col_name", "col_author", "col_saved_at", "col_versions",
                                                    "col_note")])


def compare_names(labels_by_key: Mapping[str, str]) -> dict[str, str]:
    """Scenario names made unique for column headers ('A', 'A (2)')."""
    seen: dict[str, int] = {}
    out = {}
    for key, label in labels_by_key.items():
        n = seen.get(label, 0) + 1
        seen[label] = n
        out[key] = label if n == 1 else f"{label} ({n})"
    return out


# The editor's columns: the amount is the one a person edits; the others say what the line is and
# where it stands. Names are internal (the page gives each its words).
EDITOR_COLUMNS = ("group", "line", "plan", "amount", "change", "limit")


def editor_frame(line_rows: Iterable[Mapping], lines: Mapping[str, Line], lang: str, unit: str) -> pd.DataFrame:
    """The lines as the scenario editor shows them, one row per active line in the scenario's order
    (grouped by source and parent): where the line sits, its name, the plan, the scenario's amount
    (written as an input takes it back), the change, and its limit. Every cell is text."""
    out = []
    for r in line_rows:
        ln = lines[r["line_id"]]
        if ln.ministry:
            limit = L.t("fixed_ministry", lang)
        elif r["cap_mvnd"] is not None:
            limit = L.t("cap_is", lang, cap=fmt.amount(r["cap_mvnd"], lang, unit),
                        headroom=fmt.amount(r["headroom_mvnd"], lang, unit))
        elif ln.project_id is not None:
            limit = L.t("no_cap", lang)
        else:
            limit = ""
        out.append({"group": L.group_label(ln, lang), "line": L.line_label(ln, lang),
                    "plan": fmt.amount(r["plan_mvnd"], lang, unit), "amount": fmt.amount(r["amount_mvnd"], lang, unit),
                    "change": L.change_text(r, lang, unit), "limit": limit})
    return pd.DataFrame(out, columns=list(EDITOR_COLUMNS), dtype=object)


# Up to this many lines the chart has a bar pair per line; beyond it, one per group of lines (the
# editor and the table beside the chart still list every line).
CHART_MAX_LINES = 10


def lines_chart_frame(line_rows: Iterable[Mapping], lines: Mapping[str, Line], lang: str) -> pd.DataFrame:
    """Input of charts.scenarios.lines_vs_plan_bar: label, plan_mvnd, amount_mvnd, diff_mvnd; one row
    per line, or per group of lines (source and parent) when there are more than CHART_MAX_LINES.
    `df.attrs["by"]` says which ("line" or "group")."""
    rows = list(line_rows)
    by = "line" if len(rows) <= CHART_MAX_LINES else "group"
    df = pd.DataFrame([{"label": (L.line_name if by == "line" else L.group_name)(lines[r["line_id"]], lang),
                        "plan_mvnd": r["plan_mvnd"], "amount_mvnd": r["amount_mvnd"], "diff_mvnd": r["diff_mvnd"]}
                       for r in rows], columns=["label", "plan_mvnd", "amount_mvnd", "diff_mvnd"])
    if by == "group":
        df = df.groupby("label", sort=False, as_index=False).sum()
    df.attrs["by"] = by
    return df


def compare_chart_frame(rows: Iterable[Mapping], names: Mapping[str, str], lines: Mapping[str, Line],
                        lang: str) -> pd.DataFrame:
    """Input of charts.scenarios.compare_diff_bar: label, scenario, diff_mvnd."""
    return pd.DataFrame([{"label": L.line_name(lines[r["line_id"]], lang), "scenario": names[r["key"]],
                          "diff_mvnd": r["diff_mvnd"]} for r in rows], columns=["label", "scenario", "diff_mvnd"])
