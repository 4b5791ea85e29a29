"""Number formatting (Vietnamese first) and table exports."""
from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import openpyxl
import pandas as pd
import pytest

from khcn_dash import export, format as fmt, labels


@pytest.mark.parametrize("amount,lang,unit,expected", [
    (Decimal("66769.9"), "vi", "mvnd", "66.769,9 triệu đồng"),
    (66769.9, "en", "mvnd", "66,769.9 million VND"),
    (Decimal("66769.9"), "vi", "bvnd", "66,7699 tỷ đồng"),
    (66769.9, "en", "bvnd", "66.7699 billion VND"),
    (Decimal("33342"), "vi", "mvnd", "33.342 triệu đồng"),
    (213, "vi", "mvnd", "213 triệu đồng"),
    (Decimal("45936"), "vi", "bvnd", "45,936 tỷ đồng"),
    (Decimal("33427.9"), "vi", "bvnd", "33,4279 tỷ đồng"),
    (Decimal("0.1"), "vi", "bvnd", "0,0001 tỷ đồng"),
    (None, "vi", "mvnd", "–"),
    (float("nan"), "en", "mvnd", "–"),
])
def test_money(amount, lang, unit, expected):
    assert fmt.money(amount, lang, unit) == expected


@pytest.mark.parametrize("lang,unit,expected", [
    ("vi", "mvnd", "66.769,9"), ("vi", "bvnd", "66,7699"), ("en", "mvnd", "66,769.9"), ("en", "bvnd", "66.7699"),
])
def test_amount_is_money_without_its_unit_and_reads_back_exactly(lang, unit, expected):
    from khcn_dash import scenario as m

    assert fmt.amount(Decimal("66769.9"), lang, unit) == expected
    assert fmt.money(Decimal("66769.9"), lang, unit) == f"{expected} {fmt.unit_text(unit, lang)}"
    assert m.parse_amount(expected, lang, unit) == Decimal("66769.9")  # what an input shows, it reads back


def test_signed_amounts():
    assert fmt.signed_money(Decimal("2000"), "vi") == "+2.000 triệu đồng"
    assert fmt.signed_amount(Decimal("-0.1"), "vi", "bvnd") == "-0,0001"


def test_readable_writes_decimal_cells_in_the_reader_style_and_keeps_whole_numbers():
    table = pd.DataFrame({"a": ["x"], "b": [33427.9], "c": [50.1], "year": [2021], "d": [Decimal("33.4279")]})
    assert fmt.readable(table, "vi").iloc[0].tolist() == ["x", "33.427,9", "50,1", 2021, "33,4279"]
    assert fmt.readable(table, "en").iloc[0].tolist() == ["x", "33,427.9", "50.1", 2021, "33.4279"]


@pytest.mark.parametrize("value,lang,expected", [(50.1, "vi", "50,1%"), (50.1, "en", "50.1%"), (100, "vi", "100%")])
def test_pct(value, lang, expected):
    assert fmt.pct(value, lang) == expected


def test_dates_and_counts():
    assert fmt.date(dt.date(2010, 5, 21), "vi") == "21/05/2010"
    assert fmt.date(dt.date(2010, 5, 21), "en") == "21 May 2010"
    assert fmt.count(1234, "vi") == "1.234" and fmt.count(1234, "en") == "1,234"


def test_to_unit_is_exact_for_decimals():
    assert fmt.to_unit(Decimal("66769.9"), "bvnd") == Decimal("66.7699")


@pytest.mark.parametrize("cell", ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\t=x", "=HYPERLINK(\"http://x\")"])
def test_formula_like_cells_are_neutralised(cell):
    assert export.neutralise_cell(cell) == "'" + cell


def test_plain_cells_and_numbers_are_left_alone():
    assert export.neutralise_cell("Hồi Lạng Sơn") == "Hồi Lạng Sơn"
    assert export.neutralise_cell(-5) == -5


def test_csv_and_excel_exports_keep_vietnamese_headers_and_neutralise():
    df = pd.DataFrame({"Dự án": ["=cmd|' /C calc'!A0", "Trại thực nghiệm"], "Kinh phí (triệu đồng)": [-1.5, 213],
                       "Nguồn": [["a1", "b2"], ["c3"]]})
    csv_text = export.to_csv_bytes(df).decode("utf-8-sig")
    assert csv_text.splitlines()[0] == "Dự án,Kinh phí (triệu đồng),Nguồn"
    assert "'=cmd" in csv_text and "a1; b2" in csv_text
    wb = openpyxl.load_workbook(io.BytesIO(export.to_xlsx_bytes(df, "Kinh phí/2021")))
    ws = wb.active
    assert ws.title == "Kinh phí2021"
    assert [c.value for c in ws[1]] == ["Dự án", "Kinh phí (triệu đồng)", "Nguồn"]
    assert ws["A2"].value.startswith("'=") and ws["B2"].value == -1.5 and ws["A3"].value == "Trại thực nghiệm"
    assert ws["A2"].data_type == "s"


def test_every_code_has_both_languages():
    for kind, codes in labels.CODES.items():
        for code, pair in codes.items():
            assert len(pair) == 2 and all(pair), (kind, code)
    assert labels.name("field", "agriculture", "en") == "Agriculture and rural development"
    assert labels.name("field", "<b>unknown</b>", "vi") == "<b>unknown</b>"  # shown as text, never an error


@pytest.mark.parametrize("amount,unit,expected", [
    (0.05, "mvnd", "0,1 triệu đồng"), (0.25, "mvnd", "0,3 triệu đồng"), (Decimal("0.5"), "bvnd", "0,0005 tỷ đồng"),
    (Decimal("0.05"), "bvnd", "0,0001 tỷ đồng"),
    (8342, "bvnd", "8,342 tỷ đồng"), (Decimal("33427.9"), "bvnd", "33,4279 tỷ đồng"), (125, "bvnd", "0,125 tỷ đồng"),
])
def test_rounding_is_half_up_as_readers_expect(amount, unit, expected):
    assert fmt.money(amount, "vi", unit) == expected
