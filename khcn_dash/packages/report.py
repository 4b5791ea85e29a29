"""The validation report: each problem with its place (table, row, column) and a message in Vietnamese
or English, and the report printed as a table. A problem holds a message key and values that need no
translation; its words are in khcn_dash/labels/packages.py.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..labels import packages as L
from ..labels import pick
from .descriptor import Identity

VALUE_CHARS = 80  # a cell value quoted in a message is cut to this many characters
SHOWN = 200  # problems printed; the rest are counted


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a package. `key` names its message (labels.packages.MESSAGES); `params` fill
    it: plain values, or (vi, en) pairs for words. `row` counts the header as row 1 (a CSV record or a
    sheet row)."""
    key: str
    params: dict = field(default_factory=dict)
    table: str | None = None
    row: int | None = None
    column: str | None = None

    def message(self, lang: str = "vi") -> str:
        values = {k: pick(v, lang) if _is_pair(v) else v for k, v in self.params.items()}
        return pick(L.MESSAGES[self.key], lang).format(**values)


def _is_pair(value) -> bool:
    return isinstance(value, tuple) and len(value) == 2 and all(isinstance(v, str) for v in value)


def cut(value, chars: int = VALUE_CHARS) -> str:
    """A value as a message quotes it: one line, at most `chars` characters."""
    text = " ".join(str(value).split())
    return text if len(text) <= chars else text[:chars - 1] + "…"


class Refused(Exception):
    """What came in cannot be read as a package at all; `problems` say why."""

    def __init__(self, problems: list[Problem]):
        super().__init__("; ".join(p.message("en") for p in problems))
        self.problems = list(problems)


class Unreadable(Exception):
    """The path itself cannot be read (missing, not a file, no permission): a usage error."""

    def __init__(self, problem: Problem):
        super().__init__(problem.message("en"))
        self.problem = problem


@dataclass
class Report:
    """What validation found. Valid when it lists no problem."""
    source: str
    problems: list[Problem] = field(default_factory=list)
    identity: Identity | None = None
    notes: list[tuple[str, str]] = field(default_factory=list)  # (vi, en) lines printed after the problems

    @property
    def valid(self) -> bool:
        return not self.problems

    def messages(self, lang: str = "vi") -> list[str]:
        return [p.message(lang) for p in self.problems]

    def render(self, lang: str = "vi") -> str:
        """The report as text: a title, then a table of table, row, column and problem, or one line
        saying the package is valid."""
        out = [pick(L.REPORT_TITLE, lang).format(source=self.source)]
        if self.valid:
            who = self.identity
            name = who.province_vi if lang == "vi" else who.province_en
            out.append(pick(L.REPORT_VALID, lang).format(
                package=who.package_id, province=name, year=who.plan_year, number=who.number,
                fictional=pick(L.FICTIONAL, lang) if who.fictional else ""))
            return "\n".join(out)
        counted = sum(p.params["n"] if p.key == "same_more" else 1 for p in self.problems)
        out.append(pick(L.REPORT_INVALID, lang).format(n=counted))
        head = [pick(L.REPORT_HEAD[k], lang) for k in ("table", "row", "column", "problem")]
        rows = [[p.table or "—", str(p.row) if p.row else "—", p.column or "—", p.message(lang)]
                for p in self.problems[:SHOWN]]
        widths = [max(len(r[i]) for r in [head, *rows]) for i in range(3)]
        for r in [head, *rows]:
            out.append("  ".join(c.ljust(w) for c, w in zip(r[:3], widths)) + "  " + r[3])
        if len(self.problems) > SHOWN:
            out.append(pick(L.REPORT_MORE, lang).format(n=len(self.problems) - SHOWN))
        if any(p.row for p in self.problems):
            out.append(pick(L.ROWS_NOTE, lang))
        out.extend(pick(n, lang) for n in self.notes)
        return "\n".join(out)
