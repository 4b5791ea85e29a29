"""No document is written into the code (issue #10, part 4): the app takes any province's or year's
package without a code change, so neither khcn_dash/ nor pages/ may name a package's province (id or
name), its plan year, its review period or its document number. Labels write them as tokens
("{plan}", "{review}", "{province}", "{doc_number}", ...) that labels.pick() fills from the served
document."""
from __future__ import annotations

import csv
import re

from khcn_dash import config
from khcn_dash.packages import descriptor
from tests.conftest import ROOT

def _stated_totals(folder) -> list[float]:
    """The money totals the package states, 1.000 triệu đồng or more (smaller numbers are too common)."""
    with open(folder / "document_totals.csv", encoding="utf-8", newline="") as f:
        return [float(r["stated_value"]) for r in csv.DictReader(f)
                if r["metric"].endswith("_mvnd") and float(r["stated_value"]) >= 1000]


def forbidden() -> dict[str, re.Pattern]:
    out = {}
    for folder in config.package_dirs(ROOT / "data" / "packages"):
        who = descriptor.identity(folder)
        first, last = who.review_period.split("-")
        for text in {who.province_id, who.province_vi, who.province_en, who.number}:
            out[text] = re.compile(re.escape(text))
        out[str(who.plan_year)] = re.compile(rf"(?<![\dA-F+]){who.plan_year}(?!\d)")
        for value in _stated_totals(folder):  # the document's own headline figures, in either writing
            whole, _, tenths = f"{value:.1f}".partition(".")
            for text in {f"{int(whole):,}".replace(",", ".") + ("," + tenths if tenths != "0" else ""),
                         f"{int(whole):,}" + ("." + tenths if tenths != "0" else "")}:
                out[text] = re.compile(rf"(?<![\d.,]){re.escape(text)}(?![\d])")
        out[who.review_period] = re.compile(rf"{first}\s*[-–_]\s*{last}|{first}\D{{1,12}}{last}")
    return out


def test_no_province_year_or_document_number_is_written_in_the_code():
    patterns = forbidden()
    assert patterns  # the Lạng Sơn package at least
    found = []
    for path in sorted([*(ROOT / "khcn_dash").rglob("*.py"), *(ROOT / "pages").glob("*.py"), ROOT / "app.py"]):
        rel = path.relative_to(ROOT).as_posix()
        for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            for text, pattern in patterns.items():
                if pattern.search(line):
                    found.append(f"{rel}:{lineno}: {text!r} in {line.strip()[:100]}")
    assert found == []


def test_the_check_finds_what_it_forbids():
    patterns = forbidden()
    for sample in ('TITLE = ("Kế hoạch 2021", "Plan 2021")', "# the 2016–2020 review", 'doc = "lang-son"',
                   "Kế hoạch số 100/KH-UBND", "Từ năm 2016 đến 2020", "khối sự nghiệp (33.427,9 triệu đồng)",
                   "the block (33,427.9 million VND)"):
        assert any(p.search(sample) for p in patterns.values()), sample
    assert not any(p.search("U+2021 and limit_errors=20210") for p in patterns.values())
