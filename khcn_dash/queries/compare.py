"""Year over year: the same questions asked of several documents of one province, each answered by
its own document (its own Parquet, its own citations), one row per document and item. A plan is
only ever set beside a plan, and a review period's actuals beside another review's actuals: nothing
here adds one document's figures to another's.
"""
from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from .. import documents, served
from . import budget as q_budget
from . import review as q_review
from . import sources as q_sources

# The plan's totals by source, as each document states them (document_totals)
PLAN_TOTALS = ("budget_total_mvnd", "recurrent_mvnd", "investment_mvnd")


def _each(doc_ids: tuple[str, ...], rows: Callable[[documents.Document], pd.DataFrame]) -> pd.DataFrame:
    """`rows(doc)` for each known document, inside served.using(doc), with the document's id, plan
    year and review period in front."""
    parts = []
    for doc_id in doc_ids:
        doc = documents.find(doc_id)
        if doc is None:
            continue
        with served.using(doc):
            found = rows(doc)
        if len(found):
            parts.append(found.assign(doc_id=doc.id, plan_year=doc.identity.plan_year, review_period=doc.review))
    if not parts:
        return pd.DataFrame(columns=["doc_id", "plan_year", "review_period"])
    out = pd.concat(parts, ignore_index=True)
    front = ["doc_id", "plan_year", "review_period"]
    return out[front + [c for c in out.columns if c not in front]]


def plan_totals(doc_ids: tuple[str, ...]) -> pd.DataFrame:
    """Each document's stated plan totals. Columns: doc_id, plan_year, review_period, item (the
    metric), value (Decimal, triệu đồng), section, cite_id."""
    def rows(doc):
        out = []
        for metric in PLAN_TOTALS:
            found = q_budget.stated_total(metric, doc.plan)
            if found:
                out.append({"item": metric, "value": found["value"], "section": found["section"],
                            "cite_id": found["cite_id"]})
        return pd.DataFrame(out)
    return _each(doc_ids, rows)


def investment_projects(doc_ids: tuple[str, ...]) -> pd.DataFrame:
    """Each document's planned investment per project (its plan year only). Columns: doc_id,
    plan_year, review_period, item (project_id), short_vi, short_en, value (triệu đồng), section,
    cite_id."""
    def rows(doc):
        found = q_budget.investment_by_project(doc.plan)
        return found.rename(columns={"project_id": "item", "amount_mvnd": "value"})[
            ["item", "short_vi", "short_en", "value", "section", "cite_id"]]
    return _each(doc_ids, rows)


def tasks_by_field(doc_ids: tuple[str, ...]) -> pd.DataFrame:
    """Each document's reviewed provincial tasks per field (the review period's actuals). Columns:
    doc_id, plan_year, review_period, item (field_code), value (tasks), section, cite_id."""
    def rows(doc):
        found = q_review.tasks_by_field(doc.review)
        return found.rename(columns={"field_code": "item", "task_count": "value"})[
            ["item", "value", "section", "cite_id"]]
    return _each(doc_ids, rows)


def ip_counts(doc_ids: tuple[str, ...]) -> pd.DataFrame:
    """Each document's IP assets per type and status in its review period. Columns: doc_id,
    plan_year, review_period, item ("<ip_type>/<status>"), ip_type, status, value (assets), section
    and cite_id (the first sentence that names one of them), cite_ids (all of them)."""
    def rows(doc):
        found = q_review.ip_counts_by_type(doc.review)
        first = [list(ids)[0] if len(ids) else None for ids in found.cite_ids]
        sections = [(q_sources.citation(c) or {}).get("section") if c else None for c in first]
        return found.assign(item=found.ip_type + "/" + found.status, cite_id=first, section=sections).rename(
            columns={"n_assets": "value"})[["item", "ip_type", "status", "value", "section", "cite_id", "cite_ids"]]
    return _each(doc_ids, rows)
