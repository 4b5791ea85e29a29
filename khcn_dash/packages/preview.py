"""What a checked package holds, before it is published (the import page's preview): the document's
identity, the money totals the document states (document_totals) against the sums of its budget lines
for the same period, basis and funding kind, the number of rows of each table, and its districts.

Read from the staged package's own files (a folder laid out by khcn_dash/packages/intake.py), with the
csv module and exact decimals; no build, no database.
"""
from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from .. import config, schema
from . import descriptor

# A stated money total -> the budget lines it adds up (None: every funding kind). As khcn_dash/checks.py
# COMPUTED_TOTALS computes them.
MONEY_METRICS: dict[str, str | None] = {
    "budget_total_mvnd": None,
    "recurrent_mvnd": "recurrent",
    "investment_mvnd": "investment",
}


@dataclass(frozen=True)
class Total:
    """One stated money total and what the budget lines add up to for it."""
    total_id: str
    period: str
    basis: str
    metric: str  # a key of MONEY_METRICS
    section: str  # where the document states it
    stated: Decimal
    lines: Decimal  # the sum of the matching budget lines (0 when there are none)
    n_lines: int

    @property
    def reconciles(self) -> bool:
        return self.n_lines > 0 and self.lines == self.stated


@dataclass(frozen=True)
class Preview:
    identity: descriptor.Identity
    totals: tuple[Total, ...]
    rows: dict[str, int]  # table -> data rows, in schema order
    districts: int  # features of the package's GeoJSON (0: it has none)

    @property
    def reconciled(self) -> int:
        return sum(t.reconciles for t in self.totals)


def _records(folder: Path, table: str) -> list[dict[str, str]]:
    try:
        with open(folder / f"{table}.csv", encoding="utf-8", newline="") as f:
            return list(csv.DictReader(f))
    except (OSError, UnicodeDecodeError, csv.Error):
        return []


def _decimal(text) -> Decimal | None:
    try:
        value = Decimal(str(text).strip())
    except (InvalidOperation, ValueError):
        return None
    return value if value.is_finite() else None


def _totals(folder: Path) -> tuple[Total, ...]:
    sums: dict[tuple[str, str, str], tuple[Decimal, int]] = {}
    for r in _records(folder, "budget_lines"):
        amount = _decimal(r.get("amount_mvnd"))
        if amount is None:
            continue
        key = (r.get("period", ""), r.get("basis", ""), r.get("funding_kind", ""))
        total, n = sums.get(key, (Decimal(0), 0))
        sums[key] = (total + amount, n + 1)
    out = []
    for r in _records(folder, "document_totals"):
        metric = r.get("metric", "")
        stated = _decimal(r.get("stated_value"))
        if metric not in MONEY_METRICS or stated is None:
            continue
        period, basis, kind = r.get("period", ""), r.get("basis", ""), MONEY_METRICS[metric]
        matching = [v for (p, b, k), v in sums.items() if p == period and b == basis and kind in (None, k)]
        out.append(Total(r.get("total_id", ""), period, basis, metric, r.get("section", ""), stated,
                         sum((v[0] for v in matching), Decimal(0)), sum(v[1] for v in matching)))
    return tuple(out)


def _row_counts(folder: Path) -> dict[str, int]:
    out = {}
    for name in schema.TABLES:
        try:
            with open(folder / f"{name}.csv", encoding="utf-8", newline="") as f:
                out[name] = max(sum(1 for row in csv.reader(f) if row) - 1, 0)
        except (OSError, UnicodeDecodeError, csv.Error):
            out[name] = 0
    return out


def _districts(folder: Path) -> int:
    try:
        features = json.loads((folder / config.GEOJSON_NAME).read_text(encoding="utf-8")).get("features")
    except (OSError, ValueError, AttributeError):
        return 0
    return len(features) if isinstance(features, list) else 0


def preview(folder: Path) -> Preview:
    """The preview of the package folder `folder` (one that passed validation; raises OSError or
    ValueError when its descriptor cannot be read)."""
    folder = Path(folder)
    return Preview(descriptor.identity(folder), _totals(folder), _row_counts(folder), _districts(folder))
