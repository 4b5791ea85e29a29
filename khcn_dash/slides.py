"""The slides of presentation mode as plain data: one idea each, built from the pages' own queries.

A slide is a title, a short summary, a few key figures, at most one chart (from charts/) and the
ids of the sentences it cites. The same slides are drawn on screen (slideshow.py) and printed in
the briefing PDF (briefing.py), so a meeting and its hand-out say the same thing.

No Streamlit here: every builder is a function (lang, unit) -> Slide over the query layer (whose
results Streamlit caches; queries/_db.py) and the pages' label and chart builders.
"""
from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd
import plotly.graph_objects as go

from . import format as fmt
from . import labels, served
from . import scenario as model
from . import scenario_store as stores
from .charts import budget as cb
from .charts import map as cm
from .charts import review as cr
from .charts import scenarios as cs
from .labels import present as L
from .labels import scenarios as ls
from .queries import budget as qb
from .queries import ip as qi
from .queries import plan as qp
from .queries import review as qr
from .queries import sources as q_sources
from .results import cite_ids
from .scenario_baseline import load_baseline
from .summaries import budget as sb
from .summaries import review as sr
from .summaries import map as sm
from .summaries import scenarios as ss

log = logging.getLogger("khcn_dash")


@dataclass
class Slide:
    key: str
    title: str
    summary: str = ""                                   # Markdown as the chart builders write it
    figures: list[tuple[str, str]] = field(default_factory=list)  # (label, value as text)
    chart: go.Figure | None = None
    cite_ids: list[str] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)      # short plain lines (lists the slide shows)
    deltas: list[str | None] = field(default_factory=list)  # beside figures[i]: a change, e.g. against the plan
    notice: str = ""                                    # plain text the audience must not miss (a fallback)


@dataclass(frozen=True)
class ScenarioChoice:
    """Which scenario the scenario slide shows, as plain values taken from the session on every run
    (cheap); it is read and checked only when the slide or a briefing is made.

    `saved_id`: a saved scenario (its latest version). Otherwise `payload`: the scenario being edited
    in this session (None: the plan as written), shown under `name` when it is a saved one unchanged."""
    saved_id: str | None = None
    payload: dict | None = None
    name: str | None = None


# --- the slides: pure functions (lang, unit) -> Slide ----------------------------------------

def _value(stated: dict | None):
    return None if stated is None else stated["value"]


def document_slide(lang: str, unit: str) -> Slide:
    facts = q_sources.document_facts().set_index("fact")
    col = "value_vi" if lang == "vi" else "value_en"
    issued = pd.Timestamp(facts.loc["issued_on", "value_vi"]).date()
    line = L.tr("document_line", lang, number=facts.loc["number", col], date=fmt.date(issued, lang),
                issuer=facts.loc["issuer", col])
    return Slide(
        key="document", title=L.tr("slide_document", lang),
        summary=facts.loc["title", col],
        lines=[line, f"{facts.loc['signer_title', col]}: {facts.loc['signer', col]}"],
        cite_ids=cite_ids(facts.loc[["number", "title", "issued_on"], "cite_id"].tolist()))


def key_figures_slide(lang: str, unit: str) -> Slide:
    total = qb.stated_total("budget_total_mvnd", served.plan())
    rec = qb.stated_total("recurrent_mvnd", served.plan())
    inv = qb.stated_total("investment_mvnd", served.plan())
    tasks_plan = qr.indicator("planned_task_count", served.plan())
    tasks_review = qb.stated_total("provincial_task_count", served.review())
    gi = qb.stated_total("geographical_indication_count", served.review())
    money = lambda v: fmt.money(v, lang, unit)  # noqa: E731
    figures = [
        (L.tr("fig_total", lang), money(_value(total))),
        (L.tr("fig_recurrent", lang), money(_value(rec))),
        (L.tr("fig_investment", lang), money(_value(inv))),
    ]
    if tasks_plan:
        n = fmt.count(tasks_plan["value"], lang)
        figures.append((L.tr("fig_planned_tasks", lang),
                        L.tr("about", lang, n=n) if tasks_plan.get("qualifier") == "approx" else n))
    if tasks_review:
        figures.append((L.tr("fig_review_tasks", lang), fmt.count(tasks_review["value"], lang)))
    summary = L.tr("summary_key_figures", lang, total=money(_value(total)), recurrent=money(_value(rec)),
                   investment=money(_value(inv)), tasks=fmt.count(_value(tasks_review), lang))
    return Slide(key="key_figures", title=L.tr("slide_key_figures", lang), summary=summary, figures=figures,
                 chart=cb.budget_split_donut(qb.budget_split(served.plan()), lang, unit),
                 cite_ids=cite_ids(total, rec, inv, tasks_plan, tasks_review, gi))


def budget_slide(lang: str, unit: str) -> Slide:
    """The budget page's first screen: the same queries, summary and treemap as pages/budget.py."""
    total = qb.stated_total("budget_total_mvnd", served.plan())
    split = qb.budget_split(served.plan())
    lines = qb.budget_lines(served.plan())
    shares = split.set_index("funding_kind")
    figures = [(L.tr("fig_total", lang), fmt.money(_value(total), lang, unit))]
    for kind, key in (("recurrent", "fig_recurrent"), ("investment", "fig_investment")):
        if kind in shares.index:
            row = shares.loc[kind]
            figures.append((f"{L.tr(key, lang)} ({L.tr('fig_share', lang, pct=fmt.pct(row.share_pct, lang))})",
                            fmt.money(row.amount_mvnd, lang, unit)))
    return Slide(key="budget", title=L.tr("slide_budget", lang),
                 summary=sb.split_summary(_value(total), split, qb.investment_by_project(served.plan()), lang, unit),
                 figures=figures, chart=cb.budget_treemap(qb.budget_tree(served.plan()), lines, lang, unit),
                 cite_ids=cite_ids(total, lines["cite_id"]))


def review_slide(lang: str, unit: str) -> Slide:
    by_field = qr.tasks_by_field()
    total = qb.stated_total("provincial_task_count", served.review())
    invest = qb.stated_total("investment_mvnd", served.review())
    ip = qr.ip_totals_by_status()
    figures = [(L.tr("fig_review_tasks", lang), fmt.count(_value(total), lang)),
               (L.tr("fig_review_investment", lang), fmt.money(_value(invest), lang, unit)),
               (L.tr("fig_ip", lang), fmt.count(ip.loc[ip["status"] == "protected", "n_assets"].sum(), lang))]
    return Slide(key="review", title=L.tr("slide_review", lang),
                 summary=sr.tasks_by_field_summary(by_field, total, lang), figures=figures,
                 chart=cr.tasks_by_field_bar(by_field, lang),
                 cite_ids=cite_ids(total, invest, by_field["cite_id"]))


def plan_slide(lang: str, unit: str) -> Slide:
    fields = qp.research_fields()
    areas = qp.activity_areas()
    tasks = qr.indicator("planned_task_count", served.plan())
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
                 cite_ids=cite_ids(fields["cite_id"], areas["cite_id"], tasks))


def map_slide(lang: str, unit: str) -> Slide | None:
    """None for a document whose package brings no district boundaries (nothing to draw)."""
    geometry = qi.district_geometry()
    if geometry.empty:
        return None
    counts = qi.ip_count_by_district()
    assets = qi.ip_assets()
    fig = cm.district_map(counts, assets, geometry, lang, font_size=cm.FONT_NORMAL)
    return Slide(key="map", title=L.tr("slide_map", lang), summary=sm.map_summary(counts, assets, lang, filtered=False),
                 figures=[(L.tr("fig_ip", lang), fmt.count(int((assets["status"] == "protected").sum()), lang))],
                 chart=fig, cite_ids=cite_ids(assets["cite_id"]))


def _chosen_scenario(choice: ScenarioChoice | None, baseline: model.Baseline, lang: str):
    """(name, scenario, meta lines, notice) for the scenario slide; name None means the plan as written.
    A saved scenario that cannot be read, or a session payload that no longer fits the data, falls
    back to the plan with a notice."""
    choice = choice or ScenarioChoice()
    if choice.saved_id is not None:
        try:
            record = stores.open_store().load(choice.saved_id)
            scn = model.Scenario.from_payload(baseline, record["payload"])
        except stores.StoreUnavailable:
            notice = L.tr("scenario_store_off", lang)
        except (stores.NotFound, model.ScenarioError):
            notice = L.tr("scenario_unreadable", lang)
        else:
            meta = L.tr("scenario_saved_meta", lang, version=record["version"], author=record["author"] or "–",
                        at=ls.saved_at(record["created_at"], lang))
            return record["name"], scn, [meta], ""
        return None, model.Scenario.plan(baseline), [], notice
    if choice.payload is not None:
        try:
            scn = model.Scenario.from_payload(baseline, choice.payload)
        except model.ScenarioError:
            return None, model.Scenario.plan(baseline), [], L.tr("scenario_unreadable", lang)
        if not scn.is_plan:
            return choice.name or L.tr("scenario_current", lang), scn, [], ""
    return None, model.Scenario.plan(baseline), [], ""


def scenario_slide(lang: str, unit: str, choice: ScenarioChoice | None = None) -> Slide:
    """The chosen scenario against the plan: totals by source, the rules, the lines chart."""
    baseline = load_baseline()
    lines = {ln.line_id: ln for ln in baseline.lines}
    name, scn, meta, notice = _chosen_scenario(choice, baseline, lang)
    line_rows, source_rows = scn.line_rows(), scn.source_rows()
    figures, deltas = [], []
    for r in [source_rows[-1], *source_rows[:-1]]:
        label = (labels.name("funding_kind", r["funding_kind"], lang) if r["funding_kind"]
                 else ls.t("metric_total", lang))
        figures.append((label, fmt.money(r["amount_mvnd"], lang, unit)))
        deltas.append(None if r["diff_mvnd"] == 0 else ls.signed_money(r["diff_mvnd"], lang, unit))
    violations = scn.violations()
    figures.append((L.tr("fig_rules", lang), L.tr("rules_kept", lang) if not violations
                    else L.tr("rules_broken", lang, n=fmt.count(len(violations), lang))))
    deltas.append(None)
    chart = cs.lines_vs_plan_bar(cs.lines_chart_frame(line_rows, lines, lang), lang, unit)
    cited = cite_ids([r["cite_ids"] for r in line_rows], [r["cite_ids"] for r in source_rows],
                     [v.cite_ids for v in violations])
    return Slide(key="scenario", title=L.tr("slide_scenario", lang),
                 summary=ss.lines_summary(line_rows, source_rows, lines, lang, unit),
                 figures=figures, deltas=deltas, chart=chart, cite_ids=cited,
                 lines=[L.tr("scenario_plan", lang) if name is None else L.tr("scenario_is", lang, name=name), *meta,
                        *(ls.violation_text(v, lang, unit, lines) for v in violations)],
                 notice=notice)


# Slide key -> (builder, page key it presents). The order is the order of the slideshow.
SLIDES: dict[str, tuple[Callable[[str, str], Slide], str]] = {
    "document": (document_slide, "sources"),
    "key_figures": (key_figures_slide, "overview"),
    "budget": (budget_slide, "budget"),
    "review": (review_slide, "review"),
    "plan": (plan_slide, "plan"),
    "map": (map_slide, "map"),
    "scenario": (scenario_slide, "scenarios"),
}
# Builders that also take the session's ScenarioChoice (as `choice`).
TAKES_CHOICE = frozenset({"scenario"})


def slide_keys() -> list[str]:
    """The slides of the document served: every slide, but the map's when its package brings no
    district boundaries."""
    doc = served.current()
    has_map = doc is not None and doc.geojson_path.is_file()
    return [k for k in SLIDES if k != "map" or has_map]


def slides_for_page(page: str) -> list[str]:
    """The slides that present a page (the briefing of 'this page'); the key figures otherwise."""
    keys = [k for k, (_, p) in SLIDES.items() if p == page]
    return keys or ["key_figures"]


def start_slide(page: str | None) -> str:
    keys = [k for k, (_, p) in SLIDES.items() if p == page]
    return keys[0] if keys else slide_keys()[0]


def build(key: str, lang: str, unit: str, choice: ScenarioChoice | None = None) -> Slide | None:
    """One slide, or None (logged) if its data or chart builder fails: the others still show."""
    try:
        builder = SLIDES[key][0]
        return builder(lang, unit, choice) if key in TAKES_CHOICE else builder(lang, unit)
    except Exception:  # noqa: BLE001 - one broken slide must not stop a meeting
        log.exception("slide %s failed", key)
        return None


def build_all(keys: list[str], lang: str, unit: str, choice: ScenarioChoice | None = None) -> list[Slide]:
    return [s for s in (build(k, lang, unit, choice) for k in keys) if s is not None]


def plain(markdown: str) -> str:
    """The builders' Markdown summaries as plain text (for the PDF): no ** and no escapes."""
    text = markdown.replace("**", "")
    return re.sub(r"\\(.)", r"\1", text)


def step(keys: list[str], current: str, delta: int) -> str:
    """The slide `delta` steps from `current`, stopping at the first and last."""
    i = keys.index(current) if current in keys else 0
    return keys[max(0, min(len(keys) - 1, i + delta))]
