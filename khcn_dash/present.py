"""Presentation mode: the slides (one idea each) and the switch that turns the app into a slideshow.

A slide is plain data built from the query layer and the pages' chart builders: a title, a short
summary, a few key figures, at most one chart, and the ids of the sentences it cites. The same
slides are drawn on screen (pages/present.py) and printed in the briefing PDF (briefing.py), so a
meeting and its hand-out say the same thing.

State: `st.session_state["present"]` (the sidebar toggle, key `present`), set from `?present=1` /
`?present=0` too. When it is on, every page hands over to the slideshow at /present, starting at
that page's slide; "Thoát trình chiếu" goes back to where the user came from with `?present=0`.
"""
from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd
import plotly.graph_objects as go

from . import format as fmt
from . import labels
from .labels import present as L

log = logging.getLogger("khcn_dash")

PRESENT_PAGE = "present"
PRESENT_SCRIPT = "pages/present.py"
STATE_KEY = "present"            # the sidebar toggle's key
ORIGIN_KEY = "_present_origin"   # the page the slideshow was started from
SLIDE_KEY = "present_slide"      # the current slide (a key of SLIDES)
_ON, _OFF = "1", "0"


@dataclass
class Slide:
    key: str
    title: str
    summary: str = ""                                   # Markdown as the chart builders write it
    figures: list[tuple[str, str]] = field(default_factory=list)  # (label, value as text)
    chart: go.Figure | None = None
    cite_ids: list[str] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)      # short plain lines (lists the slide shows)


# --- the slides: pure functions (lang, unit) -> Slide ----------------------------------------

def _ids(*values) -> list[str]:
    out: list[str] = []
    for v in values:
        if v is None:
            continue
        if isinstance(v, str):
            out.append(v)
        elif isinstance(v, dict):
            out.extend(_ids(v.get("cite_id"), v.get("cite_ids")))
        elif isinstance(v, pd.Series):
            for item in v:
                out.extend(_ids(item))
        elif hasattr(v, "__iter__"):
            for item in v:
                out.extend(_ids(item))
    return list(dict.fromkeys(out))


def _value(stated: dict | None):
    return None if stated is None else stated["value"]


def document_slide(lang: str, unit: str) -> Slide:
    from .queries import sources as q

    facts = q.document_facts().set_index("fact")
    col = "value_vi" if lang == "vi" else "value_en"
    issued = pd.Timestamp(facts.loc["issued_on", "value_vi"]).date()
    line = L.tr("document_line", lang, number=facts.loc["number", col], date=fmt.date(issued, lang),
                issuer=facts.loc["issuer", col])
    return Slide(
        key="document", title=L.tr("slide_document", lang),
        summary=facts.loc["title", col],
        lines=[line, f"{facts.loc['signer_title', col]}: {facts.loc['signer', col]}"],
        cite_ids=_ids(facts.loc[["number", "title", "issued_on"], "cite_id"].tolist()))


def key_figures_slide(lang: str, unit: str) -> Slide:
    from .queries import budget as qb
    from .queries import review as qr

    total = qb.stated_total("budget_total_mvnd", "2021")
    rec = qb.stated_total("recurrent_mvnd", "2021")
    inv = qb.stated_total("investment_mvnd", "2021")
    tasks_2021 = qr.indicator("planned_task_count", "2021")
    tasks_review = qb.stated_total("provincial_task_count", "2016-2020")
    gi = qb.stated_total("geographical_indication_count", "2016-2020")
    money = lambda v: fmt.money(v, lang, unit)  # noqa: E731
    figures = [
        (L.tr("fig_total", lang), money(_value(total))),
        (L.tr("fig_recurrent", lang), money(_value(rec))),
        (L.tr("fig_investment", lang), money(_value(inv))),
    ]
    if tasks_2021:
        n = fmt.count(tasks_2021["value"], lang)
        figures.append((L.tr("fig_planned_tasks", lang),
                        L.tr("about", lang, n=n) if tasks_2021.get("qualifier") == "approx" else n))
    if tasks_review:
        figures.append((L.tr("fig_review_tasks", lang), fmt.count(tasks_review["value"], lang)))
    summary = L.tr("summary_key_figures", lang, total=money(_value(total)), recurrent=money(_value(rec)),
                   investment=money(_value(inv)), tasks=fmt.count(_value(tasks_review), lang))
    return Slide(key="key_figures", title=L.tr("slide_key_figures", lang), summary=summary, figures=figures,
                 chart=_budget_split_chart(qb.budget_split("2021"), lang, unit),
                 cite_ids=_ids(total, rec, inv, tasks_2021, tasks_review, gi))


def _budget_split_chart(split: pd.DataFrame, lang: str, unit: str) -> go.Figure:
    """The plan's two parts as a donut (two parts of one whole: a share chart is sound here)."""
    from .charts import PALETTE, base_layout

    names = [labels.name("funding_kind", k, lang) for k in split["funding_kind"]]
    text = [f"{fmt.money(a, lang, unit)}<br>{fmt.pct(p, lang)}" for a, p in zip(split["amount_mvnd"], split["share_pct"])]
    fig = go.Figure(go.Pie(labels=names, values=split["amount_mvnd"].tolist(), hole=0.55, sort=False,
                           text=text, textinfo="text", hovertemplate="%{label}<br>%{text}<extra></extra>",
                           marker={"colors": PALETTE[:len(names)], "line": {"color": "white", "width": 2}}))
    base_layout(fig, lang)
    fig.update_layout(showlegend=True, legend={"orientation": "h", "y": -0.05}, margin={"t": 10, "b": 10})
    return fig


def budget_slide(lang: str, unit: str) -> Slide:
    from .charts import budget as cb
    from .labels import budget as lb
    from .queries import budget as qb

    total = qb.stated_total("budget_total_mvnd", "2021")
    split = qb.budget_split("2021")
    lines = qb.budget_lines("2021")
    investment = lines[lines["funding_kind"] == "investment"]
    shares = split.set_index("funding_kind")
    figures = [(L.tr("fig_total", lang), fmt.money(_value(total), lang, unit))]
    for kind, key in (("recurrent", "fig_recurrent"), ("investment", "fig_investment")):
        if kind in shares.index:
            row = shares.loc[kind]
            figures.append((L.tr(key, lang), f"{fmt.money(row.amount_mvnd, lang, unit)} · "
                            + L.tr("fig_share", lang, pct=fmt.pct(row.share_pct, lang))))
    return Slide(key="budget", title=L.tr("slide_budget", lang),
                 summary=lb.split_summary(_value(total), split, investment, lang, unit), figures=figures,
                 chart=cb.budget_treemap(qb.budget_tree("2021"), lines, lang, unit),
                 cite_ids=_ids(total, lines["cite_id"]))


def review_slide(lang: str, unit: str) -> Slide:
    from .charts import review as cr
    from .queries import budget as qb
    from .queries import review as qr

    by_field = qr.tasks_by_field()
    total = qb.stated_total("provincial_task_count", "2016-2020")
    invest = qb.stated_total("investment_mvnd", "2016-2020")
    figures = [(L.tr("fig_review_tasks", lang), fmt.count(_value(total), lang)),
               (L.tr("fig_review_investment", lang), fmt.money(_value(invest), lang, unit))]
    ip = qr.ip_totals_by_status() if hasattr(qr, "ip_totals_by_status") else None
    if ip is not None and "status" in ip and "n_assets" in ip:
        protected = ip.loc[ip["status"] == "protected", "n_assets"].sum()
        figures.append((L.tr("fig_ip", lang), fmt.count(protected, lang)))
    return Slide(key="review", title=L.tr("slide_review", lang),
                 summary=cr.tasks_by_field_summary(by_field, total, lang), figures=figures,
                 chart=cr.tasks_by_field_bar(by_field, lang),
                 cite_ids=_ids(total, invest, by_field["cite_id"]))


def plan_slide(lang: str, unit: str) -> Slide:
    from .queries import plan as qp
    from .queries import review as qr

    fields = qp.research_fields()
    areas = qp.activity_areas()
    tasks = qr.indicator("planned_task_count", "2021")
    n = lambda v: fmt.count(v, lang)  # noqa: E731
    name_col = "name_vi" if lang == "vi" else "name_en"
    summary = L.tr("summary_plan", lang, fields=n(len(fields)), directions=n(fields["n_directions"].sum()),
                   areas=n(len(areas)), actions=n(areas["n_actions"].sum()),
                   tasks=n(tasks["value"]) if tasks else "–")
    figures = [(L.tr("fig_fields", lang), n(len(fields))), (L.tr("fig_areas", lang), n(len(areas)))]
    if tasks:
        figures.append((L.tr("fig_planned_tasks", lang), L.tr("about", lang, n=n(tasks["value"]))))
    lines = [f"{r[name_col]} · {n(r['n_directions'])} {L.tr('fig_directions', lang).lower()}"
             for _, r in fields.iterrows()]
    return Slide(key="plan", title=L.tr("slide_plan", lang), summary=summary, figures=figures, lines=lines,
                 cite_ids=_ids(fields["cite_id"], areas["cite_id"], tasks))


def map_slide(lang: str, unit: str) -> Slide:
    from .charts import map as cm
    from .labels import map as lm
    from .queries import ip as qi

    counts = qi.ip_count_by_district()
    assets = qi.ip_assets()
    fig = cm.district_map(counts, assets, lang, font_size=cm.FONT_LARGE)
    return Slide(key="map", title=L.tr("slide_map", lang), summary=lm.map_summary(counts, assets, lang),
                 figures=[(L.tr("fig_ip", lang), fmt.count(int((assets["status"] == "protected").sum()), lang))],
                 chart=fig, cite_ids=_ids(assets["cite_id"]))


# Slide key -> (builder, page key it presents). The order is the order of the slideshow.
SLIDES: dict[str, tuple[Callable[[str, str], Slide], str]] = {
    "document": (document_slide, "sources"),
    "key_figures": (key_figures_slide, "overview"),
    "budget": (budget_slide, "budget"),
    "review": (review_slide, "review"),
    "plan": (plan_slide, "plan"),
    "map": (map_slide, "map"),
}


def slide_keys() -> list[str]:
    return list(SLIDES)


def slides_for_page(page: str) -> list[str]:
    """The slides that present a page (the briefing of 'this page'); the key figures otherwise."""
    keys = [k for k, (_, p) in SLIDES.items() if p == page]
    return keys or ["key_figures"]


def start_slide(page: str | None) -> str:
    keys = [k for k, (_, p) in SLIDES.items() if p == page]
    return keys[0] if keys else slide_keys()[0]


def build(key: str, lang: str, unit: str) -> Slide | None:
    """One slide, or None (logged) if its data or chart builder fails: the others still show."""
    try:
        return SLIDES[key][0](lang, unit)
    except Exception:  # noqa: BLE001 - one broken slide must not stop a meeting
        log.exception("slide %s failed", key)
        return None


def build_all(keys: list[str], lang: str, unit: str) -> list[Slide]:
    return [s for s in (build(k, lang, unit) for k in keys) if s is not None]


def plain(markdown: str) -> str:
    """The builders' Markdown summaries as plain text (for the PDF): no ** and no escapes."""
    text = markdown.replace("**", "")
    return re.sub(r"\\(.)", r"\1", text)


def step(keys: list[str], current: str, delta: int) -> str:
    """The slide `delta` steps from `current`, stopping at the first and last."""
    i = keys.index(current) if current in keys else 0
    return keys[max(0, min(len(keys) - 1, i + delta))]


# --- the switch (Streamlit) -------------------------------------------------------------------

def url_value(raw) -> bool | None:
    """?present=1 -> True, ?present=0 -> False, anything else (absent or bad) -> None (ignored)."""
    if raw == _ON:
        return True
    if raw == _OFF:
        return False
    return None
