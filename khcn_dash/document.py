"""The source document as text: white-space normalisation, sections and quote look-up.

The document's line breaks come from a table layout, so every comparison is made on
text whose white-space runs are folded to one space (and Unicode NFC).
"""
from __future__ import annotations

import csv
import re
import sys
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from babel.numbers import format_decimal

_WS = re.compile(r"\s+")


def normalise(text: str) -> str:
    """NFC, every white-space run (line breaks included) folded to one space, trimmed."""
    return _WS.sub(" ", unicodedata.normalize("NFC", text)).strip()


@dataclass(frozen=True)
class Section:
    section_id: str
    parent_id: str | None
    heading_vi: str
    title_en: str
    start: int  # offset of the heading in the normalised text
    body_start: int  # offset just after the heading
    end: int  # offset where the next section (in document order) begins


def read_sections(document_text: str, sections_csv: Path) -> list[Section]:
    """Locates each heading of sections.csv, in order, in the normalised document.

    Raises ValueError naming the section whose heading is not found after the previous one.
    """
    text = normalise(document_text)
    with open(sections_csv, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    found: list[tuple[dict, int]] = []
    pos = 0
    for row in rows:
        heading = normalise(row["heading_vi"])
        at = text.find(heading, pos)
        if at < 0:
            raise ValueError(
                f"check 'every section heading is found in the document, in order' failed: "
                f"section {row['section_id']!r} heading {heading[:60]!r} not found after offset {pos}"
            )
        found.append((row, at))
        pos = at + len(heading)
    sections = []
    for i, (row, at) in enumerate(found):
        end = found[i + 1][1] if i + 1 < len(found) else len(text)
        sections.append(
            Section(
                section_id=row["section_id"],
                parent_id=row["parent_id"] or None,
                heading_vi=normalise(row["heading_vi"]),
                title_en=row["title_en"],
                start=at,
                body_start=at + len(normalise(row["heading_vi"])),
                end=end,
            )
        )
    return sections


def subtree_span(sections: list[Section], section_id: str) -> tuple[int, int] | None:
    """(start, end) of a section including its subsections, or None if unknown."""
    by_id = {s.section_id: s for s in sections}
    if section_id not in by_id:
        return None
    members = [s for s in sections if s.section_id == section_id or _is_under(by_id, s, section_id)]
    return min(s.start for s in members), max(s.end for s in members)


def _is_under(by_id: dict[str, Section], s: Section, ancestor: str) -> bool:
    parent = s.parent_id
    while parent:
        if parent == ancestor:
            return True
        parent = by_id[parent].parent_id if parent in by_id else None
    return False


def locate_quote(text_norm: str, sections: list[Section], section_id: str, quote: str) -> int | None:
    """Offset of `quote` (normalised) inside `section_id` (with its subsections), or None."""
    span = subtree_span(sections, section_id)
    if span is None:
        return None
    q = normalise(quote)
    if not q:
        return None
    at = text_norm.find(q, span[0], span[1])
    return at if at >= 0 else None


_NUMBER_WORDS = {1: "một", 2: "hai", 3: "ba"}


def figure_spellings(value: Decimal, money_mvnd: bool = False) -> set[str]:
    """How the document may write a figure: Vietnamese digits ("12.345,6"), zero-padded counts
    ("05"), small numbers in words ("hai"); money in million VND with its unit, as triệu, tỷ or đồng."""
    vi = lambda d: format_decimal(d, format="#,##0.###", locale="vi_VN")  # noqa: E731
    if money_mvnd:  # with its unit, so "45,936 tỷ" is not read as 45,936 million
        return {f"{vi(value)} triệu", f"{vi(value / 1000)} tỷ", f"{vi(value * 1_000_000)} đồng"}
    out = {vi(value)}
    if value == int(value):
        out.add(f"{int(value):02d}")
        if int(value) in _NUMBER_WORDS:
            out.add(_NUMBER_WORDS[int(value)])
    return out


def figure_in_quote(value: Decimal, quote: str, money_mvnd: bool = False) -> bool:
    """True if `quote` writes `value` as a whole number token (not inside a longer number)."""
    q = normalise(quote)
    for s in figure_spellings(Decimal(value), money_mvnd):
        if re.search(rf"(?<![\d.,\w]){re.escape(s)}(?![\d\w]|[.,]\d)", q):
            return True
    return False


def _check_files(paths: list[str]) -> int:
    """Command line: python -m khcn_dash.document FILE.csv ... checks each row's quote against the
    document of the file's own package (document.txt and sections.csv beside it)."""
    bad = 0
    for p in paths:
        root = Path(p).resolve().parent
        raw = (root / "document.txt").read_text(encoding="utf-8")
        text = normalise(raw)
        sections = read_sections(raw, root / "sections.csv")
        with open(p, encoding="utf-8", newline="") as f:
            for i, row in enumerate(csv.DictReader(f), start=2):
                for col in [c for c in row if c.endswith("quote")]:
                    if not row[col]:
                        continue
                    sec = row.get("section", "")
                    if locate_quote(text, sections, sec, row[col]) is None:
                        bad += 1
                        print(f"{p}:{i}: {col} not found in section {sec!r}: {row[col][:80]!r}")
    print("all quotes found" if not bad else f"{bad} quote(s) not found")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(_check_files(sys.argv[1:]))
