"""The scenario model: reallocating the plan year's S&T budget within the rules. Plain Python, no Streamlit.

A scenario starts from the plan as the document gives it (the recurrent block and the plan year's
investment projects) and may add candidate lines (halted infrastructure projects the review names).
Every edit returns a new Scenario; nothing is mutated. (What users type is read in scenario_input.)

Length: about 650 lines, most of them the Scenario class, because one immutable value holds every
edit and every rule of the scenario, each checked against the others; splitting it would scatter
one invariant (every total reconciles to the tenth) over several files.

Money is exact. Inside the model an amount is an int of tenths of a million VND (0,1 triệu đồng =
100.000 đồng, the document's finest unit); the public functions take and return decimal.Decimal
million VND. There is no float anywhere, so totals reconcile to the last digit in every mode.

Modes: `fixed_proportional` (each source's total stays at the plan; when a line changes, the other
lines of its source take up the difference in proportion to their amounts), `fixed_absorber` (the
same, but one chosen line takes up the whole difference) and `free` (the total may change).

Rules (checked by `Scenario.violations()`, each with the sentences it rests on):
- `sources_separate`: recurrent (sự nghiệp) and development investment (đầu tư phát triển) are
  separate sources. In a fixed-total mode each source keeps its plan total; with mixing allowed
  only the grand total is kept. `move()` between sources is refused unless mixing is allowed.
- `total_changed`: with mixing allowed, a fixed-total mode keeps the grand total of the plan.
- `ministry_line_fixed`: the Ministry-funded line keeps exactly its planned amount. The Ministry
  gives that money for that equipment; the province can neither take it for another line nor top
  the line up from provincial money (the document names no provincial share in it).
- `cap_exceeded`: a project cannot receive more than its approved total investment minus what it
  already received, where the review states both.
- `negative`: no amount below zero (edits that would cause one are refused outright).
"""
from __future__ import annotations

import base64
import binascii
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property
from decimal import Decimal, InvalidOperation

# The scenario's inputs (amounts, shares, names) and its error type live in scenario_input; they are
# part of this model's interface, so they are importable from here too.
from .scenario_input import (AUTHOR_MAX, NAME_MAX, NOTE_MAX, TENTHS_PER_MVND, ScenarioError,  # noqa: F401
                             clean_meta, clean_text, from_tenths, parse_amount, parse_share, to_tenths)

MODES = ("fixed_proportional", "fixed_absorber", "free")
FIXED_MODES = ("fixed_proportional", "fixed_absorber")
SOURCES = ("recurrent", "investment")
SPLIT_KINDS = ("field", "area")
PAYLOAD_VERSION = 1

MAX_PLAN_MULTIPLE = 10  # no line may exceed 10 × the plan's grand total
MAX_LOCAL_BUDGET_MVND = Decimal("1000000000")  # 1 000 000 tỷ đồng: more than any province spends
URL_PAYLOAD_MAX = 4000  # characters of the ?s= parameter



# --- the baseline ----------------------------------------------------------------------------

@dataclass(frozen=True)
class Line:
    """One money line. Amounts in tenths of a million VND."""
    line_id: str
    funding_kind: str
    plan: int
    project_id: str | None = None
    funder: str | None = None
    cap: int | None = None
    approved: int | None = None
    allocated_before: int | None = None
    candidate: bool = False
    project_status: str | None = None
    infra_status: str | None = None
    short_vi: str | None = None
    short_en: str | None = None
    group_vi: str | None = None  # a detail line's parent (the detail or budget line it is part of)
    group_en: str | None = None
    cite_ids: tuple[str, ...] = ()
    cap_cite_ids: tuple[str, ...] = ()
    status_cite_ids: tuple[str, ...] = ()

    @property
    def ministry(self) -> bool:
        return self.funder == "ministry"


def _opt_tenths(value) -> int | None:
    if value is None:
        return None
    try:
        if value != value:  # NaN from a DataFrame
            return None
    except TypeError:
        pass
    return to_tenths(Decimal(str(value)) if not isinstance(value, Decimal) else value)


def _ids(*values) -> tuple[str, ...]:
    out: list[str] = []
    for v in values:
        if v is None or (isinstance(v, float) and v != v):
            continue
        if isinstance(v, str):
            out.append(v)
        else:
            out.extend(str(x) for x in v if x is not None)
    return tuple(dict.fromkeys(out))


@dataclass(frozen=True)
class Baseline:
    """The plan and the candidate lines, with the sentences behind the rules."""
    lines: tuple[Line, ...]
    source_cite_ids: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    total_cite_ids: tuple[str, ...] = ()
    floor_pct: Decimal | None = None
    floor_cite_ids: tuple[str, ...] = ()
    split_codes: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    @classmethod
    def from_query(cls, lines: Iterable[Mapping], rule_sources: Mapping,
                   split_codes: Mapping[str, Iterable[str]] | None = None) -> Baseline:
        """From queries.scenarios.baseline_lines() records and rule_sources()."""
        built = []
        for r in lines:
            built.append(Line(
                line_id=r["line_id"], funding_kind=r["funding_kind"], plan=_opt_tenths(r["plan_mvnd"]) or 0,
                project_id=r.get("project_id"), funder=r.get("funder"), cap=_opt_tenths(r.get("cap_mvnd")),
                approved=_opt_tenths(r.get("approved_total_mvnd")),
                allocated_before=_opt_tenths(r.get("allocated_before_mvnd")),
                candidate=bool(r.get("is_candidate")), project_status=r.get("project_status"),
                infra_status=r.get("infra_status"), short_vi=r.get("short_vi"), short_en=r.get("short_en"),
                group_vi=r.get("group_vi"), group_en=r.get("group_en"),
                cite_ids=_ids(r.get("cite_id")), cap_cite_ids=_ids(r.get("cap_cite_ids")),
                status_cite_ids=_ids(r.get("status_cite_id"))))
        src = {k: _ids((rule_sources.get(k) or {}).get("cite_id")) for k in SOURCES}
        floor = rule_sources.get("floor")
        baseline = cls(
            lines=tuple(built), source_cite_ids=src,
            total_cite_ids=_ids((rule_sources.get("total") or {}).get("cite_id")),
            floor_pct=floor["value"] if floor else None,
            floor_cite_ids=_ids(floor["cite_id"]) if floor else (),
            split_codes={k: tuple(v) for k, v in (split_codes or {}).items()})
        for kind in SOURCES:  # the plan's lines must add up to the totals the document states
            stated = (rule_sources.get(kind) or {}).get("value")
            if stated is not None and to_tenths(stated) != baseline.source_plan(kind):
                raise ValueError(f"plan lines of {kind} do not add up to the stated {stated}")
        return baseline

    @cached_property
    def _by_id(self) -> dict[str, Line]:
        return {ln.line_id: ln for ln in self.lines}

    def line(self, line_id: str) -> Line:
        try:
            return self._by_id[line_id]
        except (KeyError, TypeError):
            raise ScenarioError("unknown_line", line_id=line_id) from None

    def has_line(self, line_id: str) -> bool:
        return isinstance(line_id, str) and line_id in self._by_id

    @property
    def plan_lines(self) -> tuple[Line, ...]:
        return tuple(ln for ln in self.lines if not ln.candidate)

    @property
    def candidates(self) -> tuple[Line, ...]:
        return tuple(ln for ln in self.lines if ln.candidate)

    @property
    def plan_total(self) -> int:
        return sum(ln.plan for ln in self.plan_lines)

    def source_plan(self, kind: str) -> int:
        return sum(ln.plan for ln in self.plan_lines if ln.funding_kind == kind)

    @property
    def max_amount(self) -> int:
        """The largest amount any input may take: MAX_PLAN_MULTIPLE × the plan's total."""
        return MAX_PLAN_MULTIPLE * self.plan_total

    @property
    def max_amount_mvnd(self) -> Decimal:
        return from_tenths(self.max_amount)


# --- violations ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Violation:
    """A broken rule: `code`, the line or source it concerns, the figures (Decimal million VND) and
    the sentences of the document it rests on."""
    code: str
    line_id: str | None = None
    funding_kind: str | None = None
    params: Mapping[str, object] = field(default_factory=dict)
    cite_ids: tuple[str, ...] = ()


# --- the scenario ----------------------------------------------------------------------------

def _largest_remainder(total: int, weights: list[int]) -> list[int]:
    """Splits the int `total` in proportion to `weights` so the parts add up to it exactly
    (Hamilton's method; ties go to the earlier weight). Zero weights everywhere: equal parts."""
    n = len(weights)
    if n == 0:
        raise ValueError("nothing to split over")
    if sum(weights) == 0:
        weights = [1] * n
    w_total = sum(weights)
    parts = [total * w // w_total for w in weights]
    remainders = [total * w % w_total for w in weights]
    short = total - sum(parts)
    for i in sorted(range(n), key=lambda i: (-remainders[i], i))[:short]:
        parts[i] += 1
    return parts


@dataclass(frozen=True)
class Scenario:
    baseline: Baseline
    amounts: Mapping[str, int]  # active line -> tenths; plan lines are always active
    mode: str = "fixed_proportional"
    absorber: str | None = None
    allow_mixing: bool = False
    split_kind: str | None = None
    split_shares: Mapping[str, Decimal] = field(default_factory=dict)  # code -> percent
    local_budget: int | None = None  # tenths; the province's total local budget expenditure

    # -- construction --
    @classmethod
    def plan(cls, baseline: Baseline) -> Scenario:
        """The plan as the document gives it."""
        return cls(baseline, {ln.line_id: ln.plan for ln in baseline.plan_lines})

    def _with(self, **changes) -> Scenario:
        return replace(self, **changes)

    # -- reading --
    @property
    def active_lines(self) -> tuple[Line, ...]:
        return tuple(ln for ln in self.baseline.lines if ln.line_id in self.amounts)

    def amount(self, line_id: str) -> Decimal:
        return from_tenths(self.amounts[line_id])

    def source_total(self, kind: str) -> int:
        return sum(self.amounts[ln.line_id] for ln in self.active_lines if ln.funding_kind == kind)

    @property
    def total(self) -> int:
        return sum(self.amounts.values())

    @property
    def provincial_total(self) -> int:
        """The province's own money in the scenario: every line but the Ministry-funded ones."""
        return sum(self.amounts[ln.line_id] for ln in self.active_lines if not ln.ministry)

    @property
    def is_plan(self) -> bool:
        return self == Scenario.plan(self.baseline)

    # -- settings --
    def with_mode(self, mode: str) -> Scenario:
        if mode not in MODES:
            raise ScenarioError("unknown_mode", mode=mode)
        return self._with(mode=mode)

    def with_mixing(self, allow: bool) -> Scenario:
        return self._with(allow_mixing=bool(allow))

    def with_absorber(self, line_id: str | None) -> Scenario:
        if line_id is not None:
            ln = self.baseline.line(line_id)
            if ln.line_id not in self.amounts:
                raise ScenarioError("line_not_active", line_id=line_id)
            if ln.ministry:
                raise ScenarioError("absorber_ministry", line_id=line_id)
        return self._with(absorber=line_id)

    def with_local_budget(self, amount_mvnd: Decimal | None) -> Scenario:
        if amount_mvnd is None:
            return self._with(local_budget=None)
        tenths = to_tenths(amount_mvnd)
        if tenths <= 0:
            raise ScenarioError("local_budget_not_positive")
        if tenths > to_tenths(MAX_LOCAL_BUDGET_MVND):
            raise ScenarioError("amount_above_cap", maximum=MAX_LOCAL_BUDGET_MVND)
        provincial = self.provincial_total
        if tenths < provincial:  # the local budget's expenditure holds the province's own S&T money
            raise ScenarioError("local_budget_below_st", minimum=from_tenths(provincial))
        return self._with(local_budget=tenths)

    def with_split(self, kind: str | None, shares: Mapping[str, Decimal] | None = None) -> Scenario:
        """The user's own split of the recurrent block (the document gives none). Shares are percents
        of known codes, each 0–100 with at most one decimal; they need not add up to 100 yet
        (split_rows() refuses until they do)."""
        if kind is None:
            return self._with(split_kind=None, split_shares={})
        if kind not in SPLIT_KINDS:
            raise ScenarioError("unknown_split", kind=kind)
        codes = self.baseline.split_codes.get(kind, ())
        clean: dict[str, Decimal] = {}
        for code, share in (shares or {}).items():
            if code not in codes:
                raise ScenarioError("unknown_split_code", item=code)
            share = Decimal(share)
            if not share.is_finite() or share < 0 or share > 100:
                raise ScenarioError("share_out_of_range")
            to_tenths(share)  # at most one decimal
            if share:
                clean[code] = share
        return self._with(split_kind=kind, split_shares=clean)

    # -- candidates --
    def add_candidate(self, line_id: str) -> Scenario:
        ln = self.baseline.line(line_id)
        if not ln.candidate:
            raise ScenarioError("not_a_candidate", line_id=line_id)
        if line_id in self.amounts:
            return self
        return self._with(amounts={**self.amounts, line_id: 0})

    def remove_candidate(self, line_id: str) -> Scenario:
        """Drops a candidate line; its money goes back as the mode says (set to zero first)."""
        ln = self.baseline.line(line_id)
        if not ln.candidate:
            raise ScenarioError("not_a_candidate", line_id=line_id)
        if line_id not in self.amounts:
            return self
        out = self.set_amount(line_id, Decimal(0)) if self.amounts[line_id] else self
        amounts = {k: v for k, v in out.amounts.items() if k != line_id}
        return out._with(amounts=amounts, absorber=None if out.absorber == line_id else out.absorber)

    # -- edits --
    def _check_amount(self, tenths: int) -> None:
        if tenths < 0:
            raise ScenarioError("amount_negative")
        if tenths > self.baseline.max_amount:
            raise ScenarioError("amount_above_cap", maximum=self.baseline.max_amount_mvnd)

    def _pool(self, line_id: str) -> list[Line]:
        """Lines that take up a change to `line_id` in proportional mode: the other active lines of
        its source (of both sources when mixing is allowed), never the Ministry's."""
        kind = self.baseline.line(line_id).funding_kind
        return [ln for ln in self.active_lines
                if ln.line_id != line_id and not ln.ministry
                and (self.allow_mixing or ln.funding_kind == kind)]

    def set_amount(self, line_id: str, amount_mvnd: Decimal) -> Scenario:
        """Sets one line. Fixed modes rebalance so each source's total (the grand total with mixing
        allowed) stays as it was; an edit that cannot be balanced without a negative amount is refused."""
        ln = self.baseline.line(line_id)
        if line_id not in self.amounts:
            raise ScenarioError("line_not_active", line_id=line_id)
        new = to_tenths(amount_mvnd)
        self._check_amount(new)
        delta = new - self.amounts[line_id]
        amounts = dict(self.amounts)
        amounts[line_id] = new
        if delta == 0 or self.mode == "free":
            return self._with(amounts=amounts)
        if self.mode == "fixed_absorber":
            absorber = self.absorber
            if absorber is None or absorber not in self.amounts:
                raise ScenarioError("absorber_missing")
            if absorber == line_id:
                raise ScenarioError("absorber_is_edited", line_id=line_id)
            a_line = self.baseline.line(absorber)
            if a_line.funding_kind != ln.funding_kind and not self.allow_mixing:
                raise ScenarioError("absorber_other_source", line_id=line_id, absorber=absorber)
            left = amounts[absorber] - delta
            if left < 0:
                raise ScenarioError("absorber_too_small", line_id=line_id, absorber=absorber,
                                    available=from_tenths(amounts[absorber]), needed=from_tenths(delta))
            self._check_amount(left)
            amounts[absorber] = left
            return self._with(amounts=amounts)
        pool = self._pool(line_id)
        if not pool:
            raise ScenarioError("nothing_to_rebalance", line_id=line_id)
        current = [amounts[p.line_id] for p in pool]
        if delta > 0 and sum(current) < delta:
            raise ScenarioError("rebalance_too_small", line_id=line_id,
                                available=from_tenths(sum(current)), needed=from_tenths(delta))
        parts = _largest_remainder(abs(delta), current)
        sign = -1 if delta > 0 else 1
        for p, part in zip(pool, parts):
            amounts[p.line_id] += sign * part
            self._check_amount(amounts[p.line_id])
        return self._with(amounts=amounts)

    def move(self, from_id: str, to_id: str, amount_mvnd: Decimal) -> Scenario:
        """Moves money from one line to another; every total stays as it was in every mode.
        Between the two sources only when mixing is allowed (ScenarioError otherwise)."""
        src, dst = self.baseline.line(from_id), self.baseline.line(to_id)
        for ln in (src, dst):
            if ln.line_id not in self.amounts:
                raise ScenarioError("line_not_active", line_id=ln.line_id)
        if from_id == to_id:
            raise ScenarioError("move_same_line")
        for ln in (src, dst):  # the Ministry's money stays on its line: refused now, not shown broken later
            if ln.ministry:
                raise ScenarioError("move_ministry", line_id=ln.line_id)
        tenths = to_tenths(amount_mvnd)
        if tenths <= 0:
            raise ScenarioError("move_not_positive")
        if src.funding_kind != dst.funding_kind and not self.allow_mixing:
            raise ScenarioError("move_across_sources", from_id=from_id, to_id=to_id)
        if self.amounts[from_id] < tenths:
            raise ScenarioError("move_too_much", from_id=from_id, available=self.amount(from_id),
                                needed=from_tenths(tenths))
        amounts = dict(self.amounts)
        amounts[from_id] -= tenths
        amounts[to_id] += tenths
        self._check_amount(amounts[to_id])
        return self._with(amounts=amounts)

    # -- rules --
    def violations(self) -> list[Violation]:
        """Every rule the scenario breaks, in a stable order, each with its sentences."""
        b = self.baseline
        out: list[Violation] = []
        for ln in self.active_lines:
            amt = self.amounts[ln.line_id]
            if amt < 0:
                out.append(Violation("negative", ln.line_id, ln.funding_kind,
                                     {"amount": from_tenths(amt)}, ln.cite_ids))
            if ln.ministry and amt != ln.plan:
                out.append(Violation("ministry_line_fixed", ln.line_id, ln.funding_kind,
                                     {"amount": from_tenths(amt), "plan": from_tenths(ln.plan),
                                      "diff": from_tenths(amt - ln.plan)}, ln.cite_ids))
            if ln.cap is not None and amt > ln.cap:
                out.append(Violation("cap_exceeded", ln.line_id, ln.funding_kind,
                                     {"amount": from_tenths(amt), "cap": from_tenths(ln.cap),
                                      "approved": from_tenths(ln.approved or 0),
                                      "allocated": from_tenths(ln.allocated_before or 0),
                                      "over": from_tenths(amt - ln.cap)},
                                     ln.cap_cite_ids + ln.cite_ids))
        if self.mode in FIXED_MODES:
            if not self.allow_mixing:
                for kind in SOURCES:
                    now, plan = self.source_total(kind), b.source_plan(kind)
                    if now != plan:
                        out.append(Violation("sources_separate", None, kind,
                                             {"amount": from_tenths(now), "plan": from_tenths(plan),
                                              "diff": from_tenths(now - plan)},
                                             b.source_cite_ids.get(kind, ())))
            elif self.total != b.plan_total:
                out.append(Violation("total_changed", None, None,
                                     {"amount": from_tenths(self.total), "plan": from_tenths(b.plan_total),
                                      "diff": from_tenths(self.total - b.plan_total)}, b.total_cite_ids))
        return out

    # -- indicators --
    def line_rows(self) -> list[dict]:
        """Each active line against the plan. Keys: line_id, funding_kind, candidate, ministry,
        plan_mvnd, amount_mvnd, diff_mvnd, diff_pct (None where the plan has nothing), cap_mvnd,
        headroom_mvnd (cap minus amount, None without a cap), cite_ids."""
        rows = []
        for ln in self.active_lines:
            amt = self.amounts[ln.line_id]
            diff = amt - ln.plan
            rows.append({
                "line_id": ln.line_id, "funding_kind": ln.funding_kind, "candidate": ln.candidate,
                "ministry": ln.ministry, "plan_mvnd": from_tenths(ln.plan), "amount_mvnd": from_tenths(amt),
                "diff_mvnd": from_tenths(diff),
                "diff_pct": (Decimal(diff * 100) / ln.plan).quantize(Decimal("0.1")) if ln.plan else None,
                "cap_mvnd": from_tenths(ln.cap) if ln.cap is not None else None,
                "headroom_mvnd": from_tenths(ln.cap - amt) if ln.cap is not None else None,
                "cite_ids": ln.cite_ids + ln.cap_cite_ids,
            })
        return rows

    def source_rows(self) -> list[dict]:
        """Totals by source and overall. Keys: funding_kind (None = all), plan_mvnd, amount_mvnd,
        diff_mvnd, cite_ids."""
        b = self.baseline
        out = [{"funding_kind": k, "plan_mvnd": from_tenths(b.source_plan(k)),
                "amount_mvnd": from_tenths(self.source_total(k)),
                "diff_mvnd": from_tenths(self.source_total(k) - b.source_plan(k)),
                "cite_ids": b.source_cite_ids.get(k, ())} for k in SOURCES]
        out.append({"funding_kind": None, "plan_mvnd": from_tenths(b.plan_total),
                    "amount_mvnd": from_tenths(self.total), "diff_mvnd": from_tenths(self.total - b.plan_total),
                    "cite_ids": b.total_cite_ids})
        return out

    def floor_check(self) -> dict | None:
        """The S&T share of local budget expenditure against the document's floor (2%), or None until
        the user enters the province's total local budget expenditure. Ministry-funded lines are not
        local budget, so they are left out. Keys: local_budget_mvnd, provincial_mvnd, share_pct
        (Decimal, 2 places), floor_pct, floor_mvnd (the amount the floor asks for), gap_mvnd (how
        much is missing; 0 when met), meets (bool), cite_ids."""
        if self.local_budget is None or self.baseline.floor_pct is None:
            return None
        provincial = self.provincial_total
        floor_pct = self.baseline.floor_pct
        floor_tenths_exact = Decimal(self.local_budget) * floor_pct / 100
        floor_tenths = int(floor_tenths_exact.to_integral_value(rounding="ROUND_CEILING"))
        share = (Decimal(provincial) * 100 / Decimal(self.local_budget)).quantize(Decimal("0.01"))
        return {
            "local_budget_mvnd": from_tenths(self.local_budget), "provincial_mvnd": from_tenths(provincial),
            "share_pct": share, "floor_pct": floor_pct, "floor_mvnd": from_tenths(floor_tenths),
            "gap_mvnd": from_tenths(max(0, floor_tenths - provincial)),
            "meets": Decimal(provincial) >= floor_tenths_exact, "cite_ids": self.baseline.floor_cite_ids,
        }

    def split_total_pct(self) -> Decimal:
        return sum(self.split_shares.values(), Decimal(0))

    def split_rows(self) -> list[dict]:
        """The recurrent block split by the user's shares (the document gives no split). Keys: code,
        share_pct, amount_mvnd; the amounts add up to the block exactly. ScenarioError
        `shares_not_100` until the shares add up to 100."""
        if self.split_kind is None:
            return []
        total_pct = self.split_total_pct()
        if total_pct != 100:
            raise ScenarioError("shares_not_100", total=total_pct)
        codes = self.baseline.split_codes.get(self.split_kind, ())
        block = self.source_total("recurrent")
        weights = [int(self.split_shares.get(c, Decimal(0)) * 10) for c in codes]
        parts = _largest_remainder(block, weights) if block else [0] * len(codes)
        return [{"code": c, "share_pct": self.split_shares.get(c, Decimal(0)), "amount_mvnd": from_tenths(p)}
                for c, p in zip(codes, parts)]

    # -- saving and sharing --
    def to_payload(self) -> dict:
        """A plain JSON-able dict: what is saved and what the share link carries."""
        return {
            "v": PAYLOAD_VERSION, "mode": self.mode, "absorber": self.absorber, "mix": self.allow_mixing,
            "lines": {ln.line_id: self.amounts[ln.line_id] for ln in self.active_lines},
            "split": ({"kind": self.split_kind,
                       "shares": {k: str(v) for k, v in self.split_shares.items()}}
                      if self.split_kind else None),
            "local_budget": self.local_budget,
        }

    @classmethod
    def from_payload(cls, baseline: Baseline, payload) -> Scenario:
        """Reads a payload back, checking every part (it may come from a URL anyone can type).
        ScenarioError `bad_payload` for anything malformed, unknown or out of range."""
        def bad(why: str):
            return ScenarioError("bad_payload", why=why)

        if not isinstance(payload, dict):
            raise bad("not an object")
        if payload.get("v") != PAYLOAD_VERSION:
            raise bad("version")
        allowed = {"v", "mode", "absorber", "mix", "lines", "split", "local_budget"}
        if set(payload) - allowed:
            raise bad("unknown keys")
        mode = payload.get("mode", "fixed_proportional")
        if mode not in MODES:
            raise bad("mode")
        mix = payload.get("mix", False)
        if not isinstance(mix, bool):
            raise bad("mix")
        lines = payload.get("lines")
        if not isinstance(lines, dict):
            raise bad("lines")
        amounts: dict[str, int] = {}
        for line_id, tenths in lines.items():
            if not isinstance(line_id, str) or not baseline.has_line(line_id):
                raise bad("unknown line")
            if not isinstance(tenths, int) or isinstance(tenths, bool):
                raise bad("amount type")
            if tenths < 0 or tenths > baseline.max_amount:
                raise bad("amount range")
            amounts[line_id] = tenths
        for ln in baseline.plan_lines:
            if ln.line_id not in amounts:
                raise bad("missing plan line")
        ordered = {ln.line_id: amounts[ln.line_id] for ln in baseline.lines if ln.line_id in amounts}
        scenario = cls(baseline, ordered, mode=mode, allow_mixing=mix)
        absorber = payload.get("absorber")
        if absorber is not None:
            if not isinstance(absorber, str):
                raise bad("absorber")
            try:
                scenario = scenario.with_absorber(absorber)
            except ScenarioError:
                raise bad("absorber") from None
        local = payload.get("local_budget")
        if local is not None:
            if not isinstance(local, int) or isinstance(local, bool):
                raise bad("local budget")
            try:
                scenario = scenario.with_local_budget(from_tenths(local))
            except ScenarioError:
                raise bad("local budget") from None
        split = payload.get("split")
        if split is not None:
            if not isinstance(split, dict) or set(split) - {"kind", "shares"}:
                raise bad("split")
            shares = split.get("shares") or {}
            if not isinstance(shares, dict) or not all(isinstance(v, str) and len(v) <= 8 for v in shares.values()):
                raise bad("split")
            try:
                scenario = scenario.with_split(split.get("kind"), {k: Decimal(v) for k, v in shares.items()})
            except (ScenarioError, InvalidOperation, TypeError):
                raise bad("split") from None
        return scenario


def check_payload(payload) -> None:
    """A structural check a store can run without the baseline: a dict of the current version whose
    amounts are whole, non-negative tenths below a sane bound. ScenarioError `bad_payload` otherwise."""
    if not isinstance(payload, dict) or payload.get("v") != PAYLOAD_VERSION:
        raise ScenarioError("bad_payload", why="version")
    lines = payload.get("lines")
    if not isinstance(lines, dict) or not lines:
        raise ScenarioError("bad_payload", why="lines")
    for k, v in lines.items():
        if not isinstance(k, str) or not isinstance(v, int) or isinstance(v, bool) or not 0 <= v < 10 ** 15:
            raise ScenarioError("bad_payload", why="amount")


def encode_url(payload: dict) -> str:
    """A payload as a compact URL-safe token (base64url of minified JSON, no padding)."""
    raw = json.dumps(payload, separators=(",", ":"), ensure_ascii=True, sort_keys=True).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _refuse(_text):
    raise ValueError("floats, NaN and Infinity have no place in a scenario link")


def decode_url(token) -> dict:
    """The inverse of encode_url; ScenarioError `bad_link` for anything that is not one."""
    if not isinstance(token, str) or not token or len(token) > URL_PAYLOAD_MAX:
        raise ScenarioError("bad_link")
    if not re.fullmatch(r"[A-Za-z0-9_-]+", token):
        raise ScenarioError("bad_link")
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
        payload = json.loads(raw.decode("utf-8"), parse_float=_refuse, parse_constant=_refuse)
    except (binascii.Error, ValueError, UnicodeDecodeError, RecursionError):
        raise ScenarioError("bad_link") from None
    if not isinstance(payload, dict):
        raise ScenarioError("bad_link")
    return payload


def share_url(base_url: str | None, page_path: str, params: Mapping[str, str]) -> str:
    """The address of a scenario: `base_url` (scheme and host, may be empty) + /page?params."""
    from urllib.parse import urlencode, urlsplit

    root = ""
    if base_url:
        parts = urlsplit(base_url)
        if parts.scheme in ("http", "https") and parts.netloc:
            root = f"{parts.scheme}://{parts.netloc}"
    query = urlencode({k: v for k, v in params.items() if v is not None})
    return f"{root}/{page_path}" + (f"?{query}" if query else "")


def compare_rows(baseline: Baseline, scenarios: list[tuple[str, Scenario]]) -> list[dict]:
    """Lines of the plan and of several scenarios side by side, long form: one row per line and
    scenario key. Keys: line_id, funding_kind, key, plan_mvnd, amount_mvnd, diff_mvnd. A line a
    scenario does not have counts as zero."""
    out = []
    used = [ln for ln in baseline.lines
            if not ln.candidate or any(ln.line_id in s.amounts for _, s in scenarios)]
    for key, s in scenarios:
        for ln in used:
            amt = s.amounts.get(ln.line_id, 0)
            out.append({"line_id": ln.line_id, "funding_kind": ln.funding_kind, "key": key,
                        "plan_mvnd": from_tenths(ln.plan), "amount_mvnd": from_tenths(amt),
                        "diff_mvnd": from_tenths(amt - ln.plan)})
    return out
