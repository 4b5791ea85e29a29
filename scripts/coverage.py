"""How much of the document the data quotes.   python scripts/coverage.py [SOURCE_DIR]

For each part (A.I the policy review, A.II the results, B the 2021 plan): the share of the part's
text that at least one row quotes. The part's text is its span of the document (white space folded,
as khcn_dash.document compares it), from its heading to the next part, headings of its subsections
included; only non-white-space characters count. A character is covered when some quote of some
row (every `*_quote` column of every source table in khcn_dash.schema) is found over it, inside
the row's own section, as the build looks quotes up; the headings are quoted by sections.csv (the
build finds each heading in the text). Every such occurrence counts.
"""
from __future__ import annotations

import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(ROOT))

from khcn_dash import document, schema  # noqa: E402
from khcn_dash.config import SOURCE_DIR  # noqa: E402

PARTS = ("A.I", "A.II", "B")
TARGET = 0.90


def quotes(source_dir: Path) -> list[tuple[str, str]]:
    """(section, quote) of every filled quote cell of every cited source table."""
    out = []
    for table in schema.TABLES.values():
        columns = [c for c in table.column_names if c.endswith("_quote")]
        if not columns or "section" not in table.column_names:
            continue
        with open(source_dir / f"{table.name}.csv", encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                out.extend((row["section"], row[c]) for c in columns if row[c].strip())
    with open(source_dir / "sections.csv", encoding="utf-8", newline="") as f:
        out.extend((row["section_id"], row["heading_vi"]) for row in csv.DictReader(f))
    return out


def coverage(source_dir: Path = SOURCE_DIR, parts: tuple[str, ...] = PARTS) -> dict[str, tuple[int, int]]:
    """part -> (covered, total) non-white-space characters of the part's text."""
    source_dir = Path(source_dir)
    raw = (source_dir / "document.txt").read_text(encoding="utf-8")
    text = document.normalise(raw)
    sections = document.read_sections(raw, source_dir / "sections.csv")
    covered = bytearray(len(text))
    spans: dict[str, tuple[int, int] | None] = {}
    for section, quote in quotes(source_dir):
        if section not in spans:
            spans[section] = document.subtree_span(sections, section)
        span, q = spans[section], document.normalise(quote)
        if span is None or not q:
            continue
        at = text.find(q, span[0], span[1])
        while at >= 0:
            covered[at:at + len(q)] = b"\x01" * len(q)
            at = text.find(q, at + 1, span[1])
    out = {}
    for part in parts:
        start, end = document.subtree_span(sections, part)
        chars = [i for i in range(start, end) if not text[i].isspace()]
        out[part] = (sum(covered[i] for i in chars), len(chars))
    return out


def shares(source_dir: Path = SOURCE_DIR) -> dict[str, float]:
    """part -> covered share (0..1)."""
    return {part: (c / n if n else 0.0) for part, (c, n) in coverage(source_dir).items()}


def main(argv: list[str]) -> int:
    source_dir = Path(argv[0]) if argv else SOURCE_DIR
    result = coverage(source_dir)
    print(f"{'part':6s} {'quoted':>8s} {'chars':>7s} {'share':>7s}")
    for part, (c, n) in result.items():
        share = c / n if n else 0.0
        flag = "" if share >= TARGET else f"  below {TARGET:.0%}"
        print(f"{part:6s} {c:8d} {n:7d} {share:7.1%}{flag}")
    return 0 if all(n and c / n >= TARGET for c, n in result.values()) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
