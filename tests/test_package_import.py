"""Importing document packages (issue #10, part 3): `python -m khcn_dash.packages check/add/list/remove/
descriptor/template`. A package comes as a folder, a .zip or an Excel workbook; a bad one is refused with
its specific message, in Vietnamese or English, and nothing is written to the packages folder.

Every bad input is added into a packages folder of the tests' own that serves the Lạng Sơn package
(store.add with an explicit folder, or KHCN_PACKAGES_DIR for the command line): it must stay byte for
byte as it was.
"""
from __future__ import annotations

import ast
import csv
import io
import os
import shutil
import subprocess
import sys
import time
import unicodedata
import zipfile
from pathlib import Path

import pytest

from khcn_dash import checks, config, schema
from khcn_dash.labels import packages as L
from khcn_dash.packages import __main__ as cli
from khcn_dash.packages import descriptor, intake, store, template, validation, workbook

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "data" / "packages" / "lang-son-2021"
ID = "lang-son-2021"


# --- helpers -------------------------------------------------------------------------------------

def snapshot(folder: Path) -> dict[str, bytes | None] | None:
    """Everything in a folder, hidden files included, with the files' bytes (None: it does not exist)."""
    if not folder.exists():
        return None
    return {p.relative_to(folder).as_posix(): p.read_bytes() if p.is_file() else None
            for p in sorted(folder.rglob("*"))}


def copy_package(tmp_path: Path, name: str = ID) -> Path:
    folder = tmp_path / "in" / name
    shutil.copytree(EXAMPLE, folder)
    return folder


def read_rows(folder: Path, table: str) -> list[list[str]]:
    with open(folder / f"{table}.csv", encoding="utf-8", newline="") as f:
        return list(csv.reader(f))


def to_cp1258(text: str) -> bytes:
    """Text as Windows saves it in the Vietnamese code page: a letter and its tone mark apart."""
    out = b""
    for c in text:
        try:
            out += c.encode("cp1258")
        except UnicodeEncodeError:  # the letter (with its own marks: ơ, ê, …), then its tone mark
            d = unicodedata.normalize("NFD", c)
            tones = "".join(m for m in d if m in "\u0300\u0301\u0303\u0309\u0323")
            letter = unicodedata.normalize("NFC", "".join(m for m in d if m not in tones))
            out += (letter + tones).encode("cp1258")
    return out


def write_rows(folder: Path, table: str, rows: list[list[str]], encoding: str = "utf-8") -> None:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    text = out.getvalue()
    (folder / f"{table}.csv").write_bytes(to_cp1258(text) if encoding == "cp1258" else text.encode(encoding))


def set_cell(folder: Path, table: str, key: str, column: str, value: str) -> int:
    """Sets `column` of the row whose first cell is `key`; returns that row's number (header = 1)."""
    rows = read_rows(folder, table)
    n = next(i for i, r in enumerate(rows) if r[0] == key)
    rows[n][rows[0].index(column)] = value
    write_rows(folder, table, rows)
    return n + 1


def edit_descriptor(folder: Path, edit) -> None:
    desc = descriptor.read(folder)
    edit(desc)
    descriptor.write(folder, desc)


def zip_folder(folder: Path, out: Path, extra: dict[str, bytes] | None = None, prefix: str | None = None) -> Path:
    prefix = folder.name + "/" if prefix is None else prefix
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for p in sorted(folder.rglob("*")):
            if p.is_file():
                zf.write(p, prefix + p.relative_to(folder).as_posix())
        for name, data in (extra or {}).items():
            zf.writestr(name, data)
    return out


def workbook_file(tmp_path: Path, mutate) -> Path:
    wb = template.build_workbook(EXAMPLE)
    mutate(wb)
    out = tmp_path / "package.xlsx"
    wb.save(out)
    return out


def refused(path: Path, packages_dir: Path) -> list:
    """Adds the package at `path`: it must be refused and leave the packages folder (and the package it
    serves) byte for byte as it was. Returns the report's problems."""
    before = snapshot(packages_dir)
    added = store.add(path, packages_dir)
    assert added.published is None and not added.report.valid
    assert snapshot(packages_dir) == before, "a refused package wrote to the packages folder"
    for p in added.report.problems:  # every message exists in both languages, and says something
        assert p.message("vi") and p.message("en")
    return added.report.problems


def messages(problems: list, lang: str = "vi") -> str:
    return "\n".join(p.message(lang) for p in problems)


# --- the good package, once per module --------------------------------------------------------------

@pytest.fixture(scope="module")
def good_zip(tmp_path_factory) -> Path:
    return zip_folder(EXAMPLE, tmp_path_factory.mktemp("zip") / f"{ID}.zip")


@pytest.fixture(scope="module")
def good_xlsx(tmp_path_factory) -> Path:
    """The template, written by `python -m khcn_dash.packages template` (in this process)."""
    out = tmp_path_factory.mktemp("xlsx") / "template.xlsx"
    assert cli.main(["template", str(out), "--example", str(EXAMPLE)]) == cli.OK
    return out


@pytest.fixture
def packages_dir(tmp_path) -> Path:
    """A packages folder that serves the Lạng Sơn package."""
    folder = tmp_path / "packages"
    shutil.copytree(EXAMPLE, folder / ID)
    return folder


@pytest.fixture(scope="module")
def serving_dir(tmp_path_factory) -> Path:
    """The same, for the bad packages: each must leave it byte for byte as it is (so one folder serves
    them all)."""
    folder = tmp_path_factory.mktemp("serving") / "packages"
    shutil.copytree(EXAMPLE, folder / ID)
    return folder


# --- bad inputs: each refused with its own message, nothing written ----------------------------------
# Each case makes a bad package from a copy of the real one and names a message it must get, in the
# language given, and where known the table, row and column the report puts it at.

def _not_a_package_file(tmp_path, good_zip, good_xlsx):
    path = tmp_path / "budget.zip"  # the name says zip; the bytes say CSV
    path.write_bytes((EXAMPLE / "budget_lines.csv").read_bytes())
    return path


def _old_xls(tmp_path, good_zip, good_xlsx):
    path = tmp_path / "package.xlsx"
    path.write_bytes(intake.OLE_MAGIC + b"\0" * 4096)
    return path


def _damaged_zip(tmp_path, good_zip, good_xlsx):
    path = tmp_path / "package.zip"
    path.write_bytes(good_zip.read_bytes()[:5000])
    return path


def _oversized(tmp_path, good_zip, good_xlsx):
    path = tmp_path / "package.zip"
    with open(path, "wb") as f:
        f.write(b"PK\x03\x04")
        f.truncate(intake.MAX_UPLOAD_BYTES + 1)  # sparse: nothing this big is written to disk
    return path


def _zip_traversal(tmp_path, good_zip, good_xlsx):
    return zip_folder(EXAMPLE, tmp_path / "package.zip", extra={f"{ID}/../../evil.txt": b"x"})


def _zip_absolute_path(tmp_path, good_zip, good_xlsx):
    return zip_folder(EXAMPLE, tmp_path / "package.zip", extra={"/etc/evil.txt": b"x"})


def _zip_symlink(tmp_path, good_zip, good_xlsx):
    path = zip_folder(EXAMPLE, tmp_path / "package.zip")
    with zipfile.ZipFile(path, "a") as zf:
        link = zipfile.ZipInfo(f"{ID}/geo/passwd")
        link.external_attr = (0o120777 << 16)
        zf.writestr(link, "/etc/passwd")
    return path


def _zip_bomb(tmp_path, good_zip, good_xlsx):
    path = zip_folder(EXAMPLE, tmp_path / "package.zip")
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(f"{ID}/notes.txt", b"\0" * (20 * 2**20))  # 20 MB of zeros, about 20 KB packed
    return path


def _zip_too_many_entries(tmp_path, good_zip, good_xlsx):
    path = tmp_path / "package.zip"
    with zipfile.ZipFile(path, "w") as zf:
        for i in range(intake.MAX_MEMBERS + 1):
            zf.writestr(f"{ID}/x/{i}.txt", b"")
    return path


def _zip_without_descriptor(tmp_path, good_zip, good_xlsx):
    folder = copy_package(tmp_path)
    (folder / config.DESCRIPTOR).unlink()
    return zip_folder(folder, tmp_path / "package.zip")


def _folder_without_descriptor(tmp_path, good_zip, good_xlsx):
    folder = copy_package(tmp_path)
    (folder / config.DESCRIPTOR).unlink()
    return folder


def _workbook_formula(tmp_path, good_zip, good_xlsx):
    def mutate(wb):
        wb["budget_lines"]["G2"] = "=3000+36"
    return workbook_file(tmp_path, mutate)


def _workbook_missing_sheet(tmp_path, good_zip, good_xlsx):
    return workbook_file(tmp_path, lambda wb: wb.remove(wb["budget_lines"]))


def _workbook_missing_descriptor(tmp_path, good_zip, good_xlsx):
    return workbook_file(tmp_path, lambda wb: wb.remove(wb[workbook.SHEET_DATAPACKAGE]))


def _workbook_empty_sheet(tmp_path, good_zip, good_xlsx):
    def mutate(wb):
        wb.remove(wb["projects"])
        wb.create_sheet("projects")
    return workbook_file(tmp_path, mutate)


def _wrong_encoding(tmp_path, good_zip, good_xlsx):
    folder = copy_package(tmp_path)
    write_rows(folder, "budget_lines", read_rows(folder, "budget_lines"), encoding="cp1258")
    return zip_folder(folder, tmp_path / "package.zip")


def _missing_document(tmp_path, good_zip, good_xlsx):
    folder = copy_package(tmp_path)
    (folder / "document.txt").unlink()
    return folder


def _missing_column(tmp_path, good_zip, good_xlsx):
    folder = copy_package(tmp_path)
    write_rows(folder, "projects", [r[:5] + r[6:] for r in read_rows(folder, "projects")])  # short_en
    return folder


def _extra_column(tmp_path, good_zip, good_xlsx):
    folder = copy_package(tmp_path)
    rows = read_rows(folder, "indicators")
    write_rows(folder, "indicators", [rows[0] + ["note"]] + [r + [""] for r in rows[1:]])
    return folder


def _unknown_code(tmp_path, good_zip, good_xlsx):
    folder = copy_package(tmp_path)
    set_cell(folder, "budget_lines", "2021-recurrent", "funding_kind", "recurent")
    return folder


def _duplicate_key(tmp_path, good_zip, good_xlsx):
    folder = copy_package(tmp_path)
    rows = read_rows(folder, "budget_lines")
    write_rows(folder, "budget_lines", rows + [rows[2]])
    return folder


def _wrong_type(tmp_path, good_zip, good_xlsx):
    folder = copy_package(tmp_path)
    set_cell(folder, "budget_lines", "2021-recurrent", "amount_mvnd", "33.427,9")  # the document's spelling
    return folder


def _broken_foreign_key(tmp_path, good_zip, good_xlsx):
    folder = copy_package(tmp_path)
    set_cell(folder, "infrastructure_projects", read_rows(folder, "infrastructure_projects")[1][0], "project_id",
             "no-such-project")
    set_cell(folder, "organisations", read_rows(folder, "organisations")[1][0], "section", "A.IX")
    return folder


def _district_outside(tmp_path, good_zip, good_xlsx):
    folder = copy_package(tmp_path)
    rows = read_rows(folder, "ip_asset_areas")
    rows[1][rows[0].index("district_id")] = "thach-an"  # a district of Cao Bằng
    write_rows(folder, "ip_asset_areas", rows)
    return folder


def _another_provinces_package(tmp_path, good_zip, good_xlsx):
    folder = copy_package(tmp_path, "cao-bang-2021")

    def edit(desc):
        desc["name"] = "cao-bang-2021"
        desc["khcn"]["province"] = {"id": "cao-bang", "name_vi": "Cao Bằng", "name_en": "Cao Bằng"}
    edit_descriptor(folder, edit)
    return folder


def _name_mismatch(tmp_path, good_zip, good_xlsx):
    folder = copy_package(tmp_path)
    edit_descriptor(folder, lambda desc: desc.update(name="lang-son-2022"))
    return folder


def _schema_differs(tmp_path, good_zip, good_xlsx):
    folder = copy_package(tmp_path)

    def edit(desc):
        budget = next(r for r in desc["resources"] if r["name"] == "budget_lines")
        field = next(f for f in budget["schema"]["fields"] if f["name"] == "amount_mvnd")
        field["type"] = "string"  # a package that would let anything through
    edit_descriptor(folder, edit)
    return folder


def _total_does_not_reconcile(tmp_path, good_zip, good_xlsx):
    folder = copy_package(tmp_path)
    rows = read_rows(folder, "budget_lines")
    write_rows(folder, "budget_lines", [r for r in rows if r[0] != "2021-recurrent"])  # a part left out
    return folder


def _quote_not_in_text(tmp_path, good_zip, good_xlsx):
    folder = copy_package(tmp_path)
    rows = read_rows(folder, "projects")
    quote = rows[1][rows[0].index("source_quote")]
    set_cell(folder, "projects", rows[1][0], "source_quote", quote + " và đã hoàn thành")  # words the document lacks
    return folder


def _value_not_in_quote(tmp_path, good_zip, good_xlsx):
    folder = copy_package(tmp_path)
    rows = read_rows(folder, "legal_instruments")
    row = next(r for r in rows[1:] if r[rows[0].index("number")])
    set_cell(folder, "legal_instruments", row[0], "number", "99/2099/NĐ-CP")
    return folder


BAD = [
    # id, make, the message it must carry in each language given, (table, row, column) where the report puts it
    ("not-zip-or-xlsx", _not_a_package_file, {"vi": "không phải .zip hay sổ tính Excel .xlsx",
                                               "en": "neither a .zip nor an Excel .xlsx"}, None),
    ("old-xls", _old_xls, {"vi": "sổ tính Excel kiểu cũ (.xls)"}, None),
    ("damaged-zip", _damaged_zip, {"vi": "Tệp zip bị hỏng"}, None),
    ("oversized-upload", _oversized, {"vi": "quá giới hạn 20 MB cho một gói", "en": "over the 20 MB limit"}, None),
    ("zip-path-traversal", _zip_traversal, {"vi": f"«{ID}/../../evil.txt» trong tệp zip trỏ ra ngoài thư mục gói"}, None),
    ("zip-absolute-path", _zip_absolute_path, {"en": "«/etc/evil.txt» points outside the package folder"}, None),
    ("zip-symlink", _zip_symlink, {"vi": "là liên kết (symlink)"}, None),
    ("zip-bomb", _zip_bomb, {"vi": "nghi là «zip bomb»", "en": "a likely zip bomb"}, None),
    ("zip-too-many-entries", _zip_too_many_entries, {"vi": f"quá giới hạn {intake.MAX_MEMBERS} mục"}, None),
    ("zip-missing-descriptor", _zip_without_descriptor, {"vi": "Thiếu tệp mô tả gói datapackage.json"}, None),
    ("folder-missing-descriptor", _folder_without_descriptor, {"en": "descriptor datapackage.json is missing"}, None),
    ("workbook-formula", _workbook_formula, {"vi": "Ô G2 chứa công thức «=3000+36»", "en": "Cell G2 holds the formula"},
     ("budget_lines", 2, "amount_mvnd")),
    ("workbook-missing-sheet", _workbook_missing_sheet, {"vi": "Thiếu trang tính «budget_lines»"}, ("budget_lines", None, None)),
    ("workbook-missing-descriptor", _workbook_missing_descriptor, {"vi": "Thiếu trang tính «datapackage»: mô tả gói"}, None),
    ("workbook-empty-sheet", _workbook_empty_sheet, {"vi": "Trang tính «projects» trống"}, ("projects", None, None)),
    ("wrong-encoding", _wrong_encoding, {"vi": "budget_lines.csv không phải mã UTF-8", "en": "budget_lines.csv is not UTF-8"},
     ("budget_lines", None, None)),
    ("missing-document", _missing_document, {"vi": "Thiếu tệp document.txt"}, ("document", None, None)),
    ("missing-column", _missing_column, {"vi": "Thiếu cột «short_en»"}, ("projects", 1, "short_en")),
    ("extra-column", _extra_column, {"vi": "Cột «note» không có trong lược đồ của bảng"}, ("indicators", 1, "note")),
    ("unknown-code", _unknown_code, {"vi": "«recurent» không phải mã được chấp nhận; các mã: recurrent, investment"},
     ("budget_lines", None, "funding_kind")),
    ("duplicate-key", _duplicate_key, {"vi": "Khoá (budget_line_id) = ("}, ("budget_lines", None, "budget_line_id")),
    ("wrong-type", _wrong_type, {"vi": "«33.427,9» không phải số (dấu chấm thập phân", "en": "«33.427,9» is not a number"},
     ("budget_lines", None, "amount_mvnd")),
    ("broken-foreign-key", _broken_foreign_key, {"vi": ["project_id = «no-such-project» không có trong bảng projects",
                                                         "section = «A.IX» không có trong bảng sections (cột section_id)"]},
     ("infrastructure_projects", 2, "project_id")),
    ("district-outside-province", _district_outside, {"vi": "Huyện «thach-an» không có trong ranh giới huyện của gói"},
     ("ip_asset_areas", 2, "district_id")),
    ("another-provinces-package", _another_provinces_package,
     {"vi": "Mọi dòng của gói ghi province «lang-son», còn datapackage.json ghi tỉnh «cao-bang»"},
     ("datapackage", None, "province.id")),
    ("name-not-province-year", _name_mismatch, {"vi": "Tên gói «lang-son-2022» phải là «lang-son-2021»"},
     ("datapackage", None, None)),
    ("descriptor-schema-differs", _schema_differs, {"vi": "tài nguyên «budget_lines» khác lược đồ của phiên bản này"},
     ("datapackage", None, "resources")),
    ("total-does-not-reconcile", _total_does_not_reconcile,
     {"vi": "Kiểm tra không đạt: mỗi tổng văn bản nêu phải bằng tổng các phần của nó",
      "en": "Check failed: every stated total equals the sum of its parts"}, ("document_totals", None, "stated_value")),
    ("quote-not-in-text", _quote_not_in_text,
     {"vi": "Kiểm tra không đạt: projects: mọi source_quote phải có nguyên văn trong mục của nó"},
     ("projects", 2, "source_quote")),
    ("value-not-in-quote", _value_not_in_quote,
     {"vi": "Kiểm tra không đạt: legal_instruments: số hiệu văn bản có trong câu trích",
      "en": "Check failed: legal_instruments: the number is in the quote"}, ("legal_instruments", None, "number")),
]


@pytest.mark.parametrize("make, expected, where", [case[1:] for case in BAD], ids=[case[0] for case in BAD])
def test_a_bad_package_is_refused_with_its_message_and_nothing_is_written(make, expected, where, tmp_path,
                                                                          serving_dir, good_zip, good_xlsx):
    problems = refused(make(tmp_path, good_zip, good_xlsx), serving_dir)
    for lang, texts in expected.items():
        for text in [texts] if isinstance(texts, str) else texts:
            assert text in messages(problems, lang), messages(problems, lang)
    if where is not None:
        lang, text = next(iter(expected.items()))
        text = text if isinstance(text, str) else text[0]
        hit = [p for p in problems if text in p.message(lang)]
        table, row, column = where
        assert any(p.table == table and (row is None or p.row == row) and p.column == column for p in hit), \
            [(p.table, p.row, p.column) for p in hit]


def test_there_are_at_least_25_bad_input_cases():
    assert len({case[1] for case in BAD}) >= 25


def _table(table: str, *edits: tuple[int, str, str]):
    """The Lạng Sơn table as the validator reads it, with (row, column, value) edits."""
    rows = read_rows(EXAMPLE, table)
    for n, column, value in edits:
        rows[n - 1][rows[0].index(column)] = value
    return validation._Table(rows[0], [(n, r) for n, r in enumerate(rows[1:], start=2)])


def test_a_row_of_another_province_is_refused_where_it_is():
    problems = []
    tables = {"projects": _table("projects", (3, "province", "cao-bang"))}
    validation._agreement(descriptor.identity(EXAMPLE), tables, {"projects"}, {"projects": set()}, None, problems)
    [p] = problems
    assert (p.table, p.row, p.column) == ("projects", 3, "province")
    assert p.message("en") == ("province is «cao-bang», but the package is the province «lang-son»'s (datapackage.json); "
                               "a package holds its own province's data only.")
    assert p.message("vi").startswith("province là «cao-bang», nhưng gói là của tỉnh «lang-son»")


def test_the_descriptor_must_name_the_document_as_document_facts_does():
    problems = []
    tables = {"document_facts": _table("document_facts", (2, "value_vi", "101/KH-UBND"))}
    tables["document_facts"].rows = [r for r in tables["document_facts"].rows if r[1][0] != "title"]
    validation._agreement(descriptor.identity(EXAMPLE), tables, {"document_facts"}, {"document_facts": set()}, None,
                          problems)
    assert [(p.row, p.column, p.message("vi")) for p in problems] == [
        (2, "value_vi", "number trong document_facts là «101/KH-UBND», còn datapackage.json ghi «100/KH-UBND»."),
        (None, "fact", "document_facts thiếu dòng fact = «title» (datapackage.json ghi «Kế hoạch hoạt động và dự toán "
                       "ngân sách khoa học và công nghệ năm 2021 của tỉnh…»).")]  # a long value is cut


def test_values_the_build_cannot_hold_are_refused_before_it_runs():
    """frictionless takes any number and any whole number; the build's columns hold 3 decimals, 15 digits
    before the point, and 32-bit whole numbers."""
    problems = []
    tables = {"budget_lines": _table("budget_lines", (2, "amount_mvnd", "33427.9001"), (3, "amount_mvnd", "1e16")),
              "organisations": _table("organisations", (2, "founded_year", "99999999999"))}
    validation._rows(tables, set(tables), problems)
    assert sorted((p.table, p.row, p.column, p.message("vi")) for p in problems) == [
        ("budget_lines", 2, "amount_mvnd", "«33427.9001» có quá 3 chữ số sau dấu thập phân."),
        ("budget_lines", 3, "amount_mvnd", "«1e16» quá lớn: tối đa 15 chữ số trước dấu thập phân."),
        ("organisations", 2, "founded_year", "«99999999999» vượt giới hạn của số nguyên (±2147483647).")]


def test_a_report_counts_what_repeats_instead_of_listing_it():
    from khcn_dash.packages.report import Problem, Report

    problems = [Problem("required", table="projects", row=n, column="name_vi") for n in range(12, 2, -1)]
    report = validation._sorted(Report("x.zip", problems + [Problem("no_descriptor")]))
    assert [p.row for p in report.problems] == [None, 3, 4, 5, 6, 7, None]
    assert report.problems[-1].message("vi") == "… và 5 dòng nữa của bảng này có cùng lỗi ở cột này."
    assert "Không hợp lệ: 11 lỗi." in report.render("vi")


def test_a_vietnamese_report_has_no_english_words_of_ours():
    """Every message, check name and word of the report exists in both languages, and the Vietnamese
    one is not the English one (values and ids aside)."""
    for key, (vi, en) in L.MESSAGES.items():
        assert vi and en and vi != en, key
    for name, (vi, en) in L.CHECK_NAMES.items():
        assert vi != en and en == name, name
    for pattern, (vi, en) in L.CHECK_PATTERNS.items():
        assert vi != en and en == pattern, pattern


def _check_names() -> set[str]:
    """Every name khcn_dash/checks.py (and the section reader) can fail with."""
    names = set(checks._generated_checks()) | set(checks.RELATIONSHIP_CHECKS) | set(checks.TOTAL_CHECKS)
    names |= {f"{t}.{c}: every figure is written in its own quote" for t, c, _ in checks.FIGURES_IN_QUOTES}
    names |= {f"{t.name}.{c.name} has accepted values" for t in schema.TABLES.values() for c in t.columns if c.accepted}
    names.add("every section heading is found in the document, in order")
    tree = ast.parse(Path(checks.__file__).read_text(encoding="utf-8"))
    for node in ast.walk(tree):  # values_in_quotes: check("<name>", rows)
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "check" and node.args:
            if isinstance(node.args[0], ast.Constant):
                names.add(node.args[0].value)
    names |= {"ministry_tasks: the title is written as in the quote",  # the one f-string among them
              "research_highlights: the title is written as in the quote",
              "projects: the name is written as in the quote"}
    return names


def test_every_content_check_has_words_in_both_languages_and_a_place():
    names = _check_names()
    assert len(names) > 60
    assert set(validation.CHECK_PLACES) <= set(L.CHECK_NAMES)
    for name in sorted(names):
        found = validation.check_words(name)
        assert found is not None, f"no words for the check {name!r} (labels/packages.py)"
        (vi, en), table, _column = found
        assert vi and en and vi != en, name
        assert table is None or table in schema.TABLES or table == validation.GEOJSON_TABLE, name


# --- good packages --------------------------------------------------------------------------------------

def test_the_real_package_checks_valid_as_a_folder_with_exit_code_0(capsys):
    assert cli.main(["check", str(EXAMPLE)]) == cli.OK
    out = capsys.readouterr().out
    assert "Hợp lệ: gói lang-son-2021 (Lạng Sơn, kế hoạch năm 2021, văn bản số 100/KH-UBND) qua mọi kiểm tra." in out


def _staged_files(path: Path) -> dict[str, bytes]:
    with intake.staged(path) as staged:
        return {p.relative_to(staged.folder).as_posix(): p.read_bytes() for p in staged.folder.rglob("*") if p.is_file()}


def test_a_zip_of_the_folder_or_of_its_contents_stages_the_package_itself(good_zip, tmp_path):
    original = {p.relative_to(EXAMPLE).as_posix(): p.read_bytes() for p in EXAMPLE.rglob("*") if p.is_file()}
    assert _staged_files(good_zip) == original
    assert _staged_files(zip_folder(EXAMPLE, tmp_path / "flat.zip", prefix="")) == original


def test_the_template_notes_every_header_and_offers_every_code_list(good_xlsx):
    import openpyxl

    wb = openpyxl.load_workbook(good_xlsx)
    for t in schema.TABLES.values():
        ws = wb[t.name]
        for i, col in enumerate(t.columns, start=1):
            cell = ws.cell(row=1, column=i)
            assert cell.value == col.name and cell.comment and cell.comment.text.strip(), (t.name, col.name)
        lists = {str(dv.sqref).split(":")[0].rstrip("0123456789"): dv.formula1 for dv in ws.data_validations.dataValidation}
        for i, col in enumerate(t.columns, start=1):
            if col.accepted:
                letter = openpyxl.utils.get_column_letter(i)
                assert lists.get(letter) == '"' + ",".join(col.accepted) + '"', (t.name, col.name)
    assert [k for k, *_ in wb[workbook.SHEET_DATAPACKAGE].iter_rows(min_row=2, values_only=True)] == \
        [k for k, _ in descriptor.flat_identity(descriptor.read(EXAMPLE))]
    assert wb[workbook.SHEET_DOCUMENT]["A1"].value == (EXAMPLE / "document.txt").read_text(encoding="utf-8").split("\n")[0]


def test_the_template_notes_exist_for_every_column_in_both_languages():
    for t in schema.TABLES.values():
        for col in t.columns:
            vi, en = (template.column_note(t, col, lang) for lang in ("vi", "en"))
            assert vi and en and vi != en, (t.name, col.name)
    assert set(L.IDENTITY_NOTES) == set(descriptor.IDENTITY_KEYS)


def _another_year(tmp_path: Path) -> Path:
    """The Lạng Sơn package as if it were the 2022 plan: its name, plan year and the plan's rows' period."""
    folder = copy_package(tmp_path, "lang-son-2022")
    for t in schema.TABLES.values():
        if "period" in t.column_names:
            rows = read_rows(folder, t.name)
            i = rows[0].index("period")
            for r in rows[1:]:
                r[i] = "2022" if r[i] == "2021" else r[i]
            write_rows(folder, t.name, rows)
    edit_descriptor(folder, lambda desc: (desc.update(name="lang-son-2022"), desc["khcn"].update(plan_year=2022)))
    return folder


def test_cli_add_publishes_another_year_then_the_template_replaces_the_first_keeping_it(tmp_path, capsys, monkeypatch,
                                                                                         packages_dir, good_xlsx):
    monkeypatch.setattr(config, "PACKAGES_DIR", packages_dir)  # it serves lang-son-2021 already
    (packages_dir / ID / "marker.txt").write_text("the first one", encoding="utf-8")
    started = time.perf_counter()
    assert cli.main(["add", str(_another_year(tmp_path)), "--lang", "en"]) == cli.OK
    assert time.perf_counter() - started < 5  # issue #10: ≤ 5 s (here without the command's start-up)
    out = capsys.readouterr().out
    assert f"Published the package lang-son-2022 to {packages_dir / 'lang-son-2022'}." in out
    assert "kept" not in out and not (packages_dir / store.REPLACED).exists()

    assert cli.main(["add", str(good_xlsx)]) == cli.OK  # the template checks valid, and replaces lang-son-2021
    out = capsys.readouterr().out
    kept = next((packages_dir / store.REPLACED).iterdir())
    assert f"Đã đăng gói {ID}" in out and f"Gói cũ cùng mã được giữ ở {kept}" in out
    assert kept.name.startswith(f"{ID}-") and (kept / "marker.txt").read_text(encoding="utf-8") == "the first one"
    published = packages_dir / ID  # the template read back: the example's tables, text, boundaries, identity
    assert not (published / "marker.txt").exists()
    for t in schema.TABLES:
        assert read_rows(published, t) == read_rows(EXAMPLE, t), t
    for name in ("document.txt", config.GEOJSON_NAME.as_posix()):
        assert (published / name).read_bytes() == (EXAMPLE / name).read_bytes(), name
    desc = descriptor.read(published)  # with our schemas: the workbook holds none
    assert desc["resources"] == descriptor.resources(EXAMPLE) and desc["khcn"] == descriptor.read(EXAMPLE)["khcn"]
    assert [p.name for p in config.package_dirs(packages_dir)] == [ID, "lang-son-2022"]  # nothing else looks like one
    assert not (packages_dir / store.INCOMING).exists()

    assert cli.main(["list", "--lang", "en"]) == cli.OK
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["package", "province", "plan", "year", "document", "fictional"]
    assert [line.split() for line in lines[1:]] == [[ID, "Lạng", "Sơn", "2021", "100/KH-UBND", "no"],
                                                   ["lang-son-2022", "Lạng", "Sơn", "2022", "100/KH-UBND", "no"]]
    assert cli.main(["remove", "cao-bang-2021", "--lang", "en"]) == cli.INVALID
    assert "There is no package «cao-bang-2021»" in capsys.readouterr().err
    assert cli.main(["remove", ID]) == cli.OK
    assert "Đã gỡ gói lang-son-2021" in capsys.readouterr().out
    assert len(list((packages_dir / store.REPLACED).iterdir())) == 2  # nothing is lost
    assert [p.identity.package_id for p in store.packages(packages_dir)] == ["lang-son-2022"]


def test_remove_refuses_unknown_ids_and_paths(packages_dir):
    for bad in ("../lang-son-2021", "lang-son-2021/..", "/etc", "", ".replaced", "lang-son-2021/"):
        with pytest.raises(store.BadPackageId):
            store.remove(bad, packages_dir)
    with pytest.raises(store.UnknownPackage):
        store.remove("cao-bang-2021", packages_dir)
    assert [p.name for p in config.package_dirs(packages_dir)] == [ID]


def test_descriptor_rewrites_a_folders_resources_from_the_schema(tmp_path, capsys):
    folder = _schema_differs(tmp_path, None, None)
    assert cli.main(["descriptor", str(folder), "--lang", "en"]) == cli.OK
    # the document, one per table, and the districts
    assert f"{len(schema.TABLES) + 2} resources from the schema" in capsys.readouterr().out
    assert descriptor.read(folder)["resources"] == descriptor.resources(folder)
    assert descriptor.identity(folder) == descriptor.identity(EXAMPLE)


# --- the command line -------------------------------------------------------------------------------------

def run(*args: str, packages_dir: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "KHCN_PACKAGES_DIR": str(packages_dir)}
    return subprocess.run([sys.executable, "-m", "khcn_dash.packages", *args], capture_output=True, text=True,
                          env=env, cwd=ROOT, timeout=60)


def test_cli_add_refuses_a_bad_file_with_exit_code_1_and_no_traceback(tmp_path):
    packages_dir = tmp_path / "none-yet"
    bad = _not_a_package_file(tmp_path, None, None)
    out = run("add", str(bad), packages_dir=packages_dir)
    assert out.returncode == 1, out.stderr
    assert "không phải .zip hay sổ tính Excel .xlsx" in out.stdout and "Traceback" not in out.stdout + out.stderr
    assert out.stdout.splitlines()[2].split() == ["bảng", "dòng", "cột", "lỗi"]
    assert snapshot(packages_dir) is None  # not even created


def test_cli_usage_errors_and_unreadable_paths_exit_2_in_the_chosen_language(tmp_path, packages_dir, capsys):
    out = run("check", str(tmp_path / "nowhere.zip"), "--lang", "en", packages_dir=packages_dir)
    assert out.returncode == 2 and "does not exist" in out.stderr and "Traceback" not in out.stderr
    for argv in (["frobnicate"], ["check"], ["check", "a", "b"], ["check", "a", "--lang", "fr"], ["remove", "../x"],
                 ["template", str(tmp_path / "template.txt")], ["descriptor", str(tmp_path)], []):
        assert cli.main(argv) == cli.USAGE, argv
    err = capsys.readouterr().err
    assert "Lệnh không đúng: không có lệnh «frobnicate»" in err and "Cách dùng" in err
    assert cli.main(["check", "--lang", "en"]) == cli.USAGE
    assert "Usage error: the command «check» needs PATH" in capsys.readouterr().err


def test_cli_check_exits_1_for_a_package_that_is_not_valid(tmp_path, capsys):
    assert cli.main(["check", str(_not_a_package_file(tmp_path, None, None)), "--lang", "en"]) == cli.INVALID
    out = capsys.readouterr().out
    assert "Not valid: 1 problem(s). Nothing was written." in out and "neither a .zip nor" in out


def test_cli_template_writes_a_workbook_in_the_chosen_language(good_xlsx, tmp_path, capsys):
    import openpyxl

    assert not list(good_xlsx.parent.glob(".template-*"))  # written whole, through a temporary file
    assert openpyxl.load_workbook(good_xlsx, read_only=True).sheetnames[:4] == \
        ["Hướng dẫn", "datapackage", "document", "sections"]
    english = template.build_workbook(EXAMPLE, "en")
    assert english.sheetnames[0] == "Guide"
    assert english["budget_lines"]["E1"].comment.text.startswith("Recurrent S&T budget or development investment.")
    assert cli.main(["template", str(tmp_path / "mau.xlsx"), "--lang", "en", "--example", str(tmp_path)]) == cli.USAGE
    assert "is not a package folder" in capsys.readouterr().err
