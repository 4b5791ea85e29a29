"""The sentences beside the scenario page's charts: what changed against the plan, and how the
compared scenarios stand. Words from labels.scenarios; numbers from format."""
from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from .. import format as fmt
from ..labels import scenarios as L
from ..scenario import Line


# The sentence names at most this many changed lines (the largest changes); the table lists them all.
SUMMARY_MAX_CHANGES = 5


def lines_summary(line_rows: list[Mapping], source_rows: list[Mapping], lines: Mapping[str, Line], lang: str,
                  unit: str) -> str:
    total = source_rows[-1]
    changed = [r for r in line_rows if r["diff_mvnd"] != 0]
    if not changed:
        return L.t("summary_plan", lang, total=fmt.money(total["amount_mvnd"], lang, unit))
    largest = sorted(range(len(changed)), key=lambda i: -abs(changed[i]["diff_mvnd"]))[:SUMMARY_MAX_CHANGES]
    shown = [changed[i] for i in sorted(largest)]  # in the lines' order
    items = [L.t("summary_change", lang, line=L.line_name(lines[r["line_id"]], lang),
                 diff=L.signed_money(r["diff_mvnd"], lang, unit)) for r in shown]
    if len(changed) > len(shown):
        items.append(L.t("summary_more", lang, n=fmt.count(len(changed) - len(shown), lang)))
    changes = "; ".join(items) + "."
    return L.t("summary_lines", lang, total=fmt.money(total["amount_mvnd"], lang, unit),
             diff=L.signed_money(total["diff_mvnd"], lang, unit), plan=fmt.money(total["plan_mvnd"], lang, unit),
             changes=changes)


def compare_summary(rows: list[Mapping], names: Mapping[str, str], lang: str, unit: str) -> str:
    plan_total = sum((r["plan_mvnd"] for r in rows if r["key"] == next(iter(names))), Decimal(0))
    items = []
    for key, label in names.items():
        total = sum((r["amount_mvnd"] for r in rows if r["key"] == key), Decimal(0))
        items.append(L.t("summary_compare_item", lang, name=label, total=fmt.money(total, lang, unit),
                       diff=L.signed_money(total - plan_total, lang, unit)))
    return L.t("summary_compare", lang, plan=fmt.money(plan_total, lang, unit), items="; ".join(items))
