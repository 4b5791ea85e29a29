"""The hand-transcribed tables against the document itself, read independently of the build."""
from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

import pytest

from khcn_dash import config, document, schema

SOURCE = config.SOURCE_DIR
RAW = (SOURCE / "document.txt").read_text(encoding="utf-8")
TEXT = document.normalise(RAW)
SECTIONS = document.read_sections(RAW, SOURCE / "sections.csv")
CITED_TABLES = [t for t in schema.TABLES.values() if t.cited]
# Lạng Sơn's 11 districts of 2020 (the district level was abolished in 2025)
LANG_SON_DISTRICTS = ("tp-lang-son", "trang-dinh", "binh-gia", "van-lang", "cao-loc", "van-quan",
                      "bac-son", "huu-lung", "chi-lang", "loc-binh", "dinh-lap")


def _rows(table: str) -> list[dict]:
    with open(SOURCE / f"{table}.csv", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_the_project_copy_of_the_document_is_the_shared_source_unchanged():
    shared = Path(__file__).resolve().parents[2] / "shared" / "source" / "ke-hoach-khcn-2021-lang-son.txt"
    if not shared.exists():
        pytest.skip("no shared/ beside this checkout")
    assert (SOURCE / "document.txt").read_bytes() == shared.read_bytes()


def test_every_section_heading_is_found_in_document_order():
    assert [s.section_id for s in SECTIONS][:3] == ["header", "intro", "A"]
    starts = [s.start for s in SECTIONS]
    assert starts == sorted(starts) and len(set(starts)) == len(starts)
    assert SECTIONS[-1].section_id == "closing"


# Tables the Lạng Sơn package leaves empty: its recurrent block has no detail lines (the plan's
# appendices that break it down are not in our copy of the document).
EMPTY_HERE = {"budget_details"}


@pytest.mark.parametrize("table", CITED_TABLES, ids=lambda t: t.name)
def test_every_quote_is_found_word_for_word_in_its_section(table):
    rows = _rows(table.name)
    if table.name in EMPTY_HERE:
        assert rows == [], f"{table.name} now has rows: check them here too"
        return
    assert rows, f"{table.name} is empty"
    missing = []
    for i, row in enumerate(rows, start=2):
        for col in ("source_quote", *table.extra_quotes):
            if col != "source_quote" and not row[col]:
                continue  # an optional second quote, left empty where there is no second fact
            if document.locate_quote(TEXT, SECTIONS, row["section"], row[col]) is None:
                missing.append((i, col, row[col][:70]))
    assert missing == []


def test_a_quote_from_another_section_is_not_accepted():
    quote = "Tổng kinh phí dự kiến là 66.769,9 triệu đồng"
    assert document.locate_quote(TEXT, SECTIONS, "B.II", quote) is not None
    assert document.locate_quote(TEXT, SECTIONS, "A.II.8", quote) is None
    assert document.locate_quote(TEXT, SECTIONS, "B.II", quote.replace("66.769,9", "66.769,8")) is None


@pytest.mark.parametrize("table,column,money", [
    ("budget_lines", "amount_mvnd", True), ("infrastructure_projects", "approved_total_mvnd", True),
    ("document_totals", "stated_value", False), ("indicators", "value", False),
    ("tasks_by_field", "task_count", False),
])
def test_every_figure_is_written_in_its_own_quote(table, column, money):
    for row in _rows(table):
        value = Decimal(row[column])
        if value == 0:
            continue  # stated in words ("chưa có ... nào")
        assert document.figure_in_quote(value, row["source_quote"], money), (row[column], row["source_quote"])


def test_figure_in_quote_refuses_near_misses():
    quote = "Tổng mức đầu tư 45,936 tỷ đồng"
    assert document.figure_in_quote(Decimal("45936"), quote, money_mvnd=True)
    assert not document.figure_in_quote(Decimal("45.936"), quote, money_mvnd=True)
    assert not document.figure_in_quote(Decimal("4593"), quote, money_mvnd=True)
    assert document.figure_in_quote(Decimal("5"), "có 05 doanh nghiệp")
    assert not document.figure_in_quote(Decimal("5"), "có 15 doanh nghiệp")


def test_the_collective_trademark_list_has_twenty_names_as_the_document_says():
    rows = [r for r in _rows("ip_assets") if r["stated_group"] == "ct_20"]
    assert len(rows) == 20
    quote = document.normalise(rows[0]["source_quote"])
    assert "20 sản phẩm" in quote
    # each product's distinctive word appears inside the listed parenthesis
    listed = quote[quote.index("("):]
    for r in rows:
        word = r["product_vi"].split()[-1]
        assert word in listed, r["product_vi"]


def test_district_ids_match_the_geojson():
    import json
    gj = json.loads((SOURCE / config.GEOJSON_NAME).read_text(encoding="utf-8"))
    assert sorted(f["properties"]["district_id"] for f in gj["features"]) == sorted(LANG_SON_DISTRICTS)
