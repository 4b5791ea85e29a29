"""The Excel template: a package as a workbook (the layout of khcn_dash/packages/workbook.py), filled
with an example package, with a note on each header cell saying what the column holds and a drop-down
list on every column of codes. `check` finds the template itself valid (it is the example package).

Every cell is written as a value: text stays text (a document line that starts with '=' is not made a
formula), numbers are numbers.
"""
from __future__ import annotations

import csv
import os
import tempfile
from pathlib import Path

import pyarrow as pa

from .. import config, schema
from ..labels import packages as L
from ..labels import pick
from . import descriptor, workbook

LIST_FORMULA_MAX = 255  # Excel's limit for a list written into the validation itself
VALIDATED_ROWS = 1000  # drop-downs reach this many rows below the example's last
HEADER_FILL = "DDEBF7"
NOTE_SIZE = (320, 160)  # px


def _set(cell, value) -> None:
    """A value, never a formula."""
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"


def _number(text: str, col: schema.Col):
    """A numeric column's cell as a number, when it reads as one (otherwise as written)."""
    if text == "":
        return None
    try:
        if pa.types.is_integer(col.type):
            return int(text)
        if pa.types.is_decimal(col.type):
            value = float(text)
            return int(value) if value.is_integer() and "." not in text else value
    except ValueError:
        pass
    return text


def _type_word(col: schema.Col) -> tuple[str, str]:
    if pa.types.is_integer(col.type):
        return L.TYPE_WORDS["integer"]
    if pa.types.is_decimal(col.type):
        return L.TYPE_WORDS["number"]
    if pa.types.is_date(col.type):
        return L.TYPE_WORDS["date"]
    return L.TYPE_WORDS["string"]


def column_note(table: schema.Table, col: schema.Col, lang: str) -> str:
    """What a column holds, for its header cell's note: its meaning, type, whether it may be empty, its
    codes, and whether it is (part of) the key or refers to another sheet."""
    words = L.COLUMN_NOTES.get(f"{table.name}.{col.name}") or L.COLUMN_NOTES[col.name]
    parts = [pick(words, lang), pick(L.NOTE_PARTS["type"], lang).format(type=pick(_type_word(col), lang)),
             pick(L.NOTE_PARTS["required" if col.required else "optional"], lang)]
    if col.accepted:
        parts.append(pick(L.NOTE_PARTS["codes"], lang).format(codes=", ".join(col.accepted)))
    if col.name in table.key:
        parts.append(pick(L.NOTE_PARTS["key"], lang).format(columns=", ".join(table.key)))
    refs = [(ref, ref_col) for c, ref, ref_col in table.refs if c == col.name]
    if table.cited and col.name == "section":
        refs.append(("sections", "section_id"))
    for ref, ref_col in refs:
        parts.append(pick(L.NOTE_PARTS["ref"], lang).format(ref=ref, ref_column=ref_col))
    return "\n".join(parts)


def _note(text: str):
    from openpyxl.comments import Comment

    note = Comment(text, "khcn-dash")
    note.width, note.height = NOTE_SIZE
    return note


def _header(ws, names: list[str], notes: list[str | None]) -> None:
    from openpyxl.styles import Font, PatternFill

    for i, (name, note) in enumerate(zip(names, notes), start=1):
        cell = ws.cell(row=1, column=i)
        _set(cell, name)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
        if note:
            cell.comment = _note(note)
    ws.freeze_panes = "A2"


def _codes_list(wb, codes: tuple[str, ...], lists: dict[tuple[str, ...], str]) -> str:
    """The validation formula of a list of codes: written in, or, when too long for that, a range of
    the «codes» sheet."""
    inline = '"' + ",".join(codes) + '"'
    if len(inline) <= LIST_FORMULA_MAX:
        return inline
    if codes not in lists:
        from openpyxl.utils import get_column_letter

        ws = wb[workbook.SHEET_CODES] if workbook.SHEET_CODES in wb.sheetnames else wb.create_sheet(workbook.SHEET_CODES)
        ws.sheet_state = "hidden"
        column = len(lists) + 1
        for r, code in enumerate(codes, start=1):
            _set(ws.cell(row=r, column=column), code)
        letter = get_column_letter(column)
        lists[codes] = f"{workbook.SHEET_CODES}!${letter}$1:${letter}${len(codes)}"
    return lists[codes]


def _table_sheet(wb, table: schema.Table, example: Path, lang: str, lists: dict) -> None:
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    ws = wb.create_sheet(table.name)
    _header(ws, table.column_names, [column_note(table, c, lang) for c in table.columns])
    with open(example / f"{table.name}.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))[1:]
    for r, row in enumerate(rows, start=2):
        for i, (col, text) in enumerate(zip(table.columns, row), start=1):
            numeric = pa.types.is_integer(col.type) or pa.types.is_decimal(col.type)
            value = _number(text, col) if numeric else (text if text != "" else None)
            if value is not None:
                _set(ws.cell(row=r, column=i), value)
    last = len(rows) + 1 + VALIDATED_ROWS
    for i, col in enumerate(table.columns, start=1):
        letter = get_column_letter(i)
        ws.column_dimensions[letter].width = 40 if col.name.endswith(("_quote", "_vi", "_en")) else 16
        if not pa.types.is_integer(col.type) and not pa.types.is_decimal(col.type):
            ws.column_dimensions[letter].number_format = "@"  # typed text stays text
        if col.accepted:
            dv = DataValidation(type="list", formula1=_codes_list(wb, col.accepted, lists), allow_blank=not col.required,
                                showErrorMessage=True, errorTitle=pick(L.CODE_ERROR_TITLE, lang),
                                error=pick(L.CODE_ERROR, lang))
            dv.add(f"{letter}2:{letter}{last}")
            ws.add_data_validation(dv)


def build_workbook(example: Path, lang: str = "vi"):
    """The template as an openpyxl Workbook, filled with the package folder `example`."""
    import openpyxl
    from openpyxl.styles import Alignment, Font

    example = Path(example)
    desc = descriptor.read(example)
    wb = openpyxl.Workbook()
    guide = wb.active
    guide.title = pick(L.GUIDE_SHEET, lang)
    for r, line in enumerate(L.GUIDE, start=1):
        _set(guide.cell(row=r, column=1), pick(line, lang).format(package=desc.get("name", "")))
        guide.cell(row=r, column=1).alignment = Alignment(wrap_text=True, vertical="top")
    guide["A1"].font = Font(bold=True, size=14)
    guide.column_dimensions["A"].width = 120

    ws = wb.create_sheet(workbook.SHEET_DATAPACKAGE)
    key, value, note = L.DESCRIPTOR_HEAD
    _header(ws, [key, value, pick(note, lang)], [None, None, None])
    for r, (k, v) in enumerate(descriptor.flat_identity(desc), start=2):
        _set(ws.cell(row=r, column=1), k)
        _set(ws.cell(row=r, column=2), v)
        _set(ws.cell(row=r, column=3), pick(L.IDENTITY_NOTES[k], lang))
    ws.column_dimensions["A"].width, ws.column_dimensions["B"].width, ws.column_dimensions["C"].width = 22, 70, 60

    ws = wb.create_sheet(workbook.SHEET_DOCUMENT)
    text = (example / descriptor.DOCUMENT).read_text(encoding="utf-8")
    for r, line in enumerate(text.split("\n"), start=1):
        if line:
            _set(ws.cell(row=r, column=1), line)
    ws["A1"].comment = _note(pick(L.DOCUMENT_NOTE, lang))
    ws.column_dimensions["A"].width = 120

    lists: dict[tuple[str, ...], str] = {}
    for table in schema.TABLES.values():
        _table_sheet(wb, table, example, lang, lists)

    geo = example / config.GEOJSON_NAME
    if geo.is_file():
        ws = wb.create_sheet(workbook.SHEET_GEOJSON)
        _header(ws, [config.GEOJSON_NAME.as_posix()], [pick(L.GEOJSON_NOTE, lang)])
        for r, chunk in enumerate(workbook.geojson_chunks(geo.read_text(encoding="utf-8")), start=2):
            _set(ws.cell(row=r, column=1), chunk)
    if workbook.SHEET_CODES in wb.sheetnames:
        wb.move_sheet(workbook.SHEET_CODES, offset=len(wb.sheetnames))
        wb[workbook.SHEET_CODES]["A1"].comment = _note(pick(L.CODES_SHEET_NOTE, lang))
    return wb


def write(out: Path, example: Path, lang: str = "vi") -> None:
    """Writes the template to `out` (whole or not at all: a temporary file beside it, then a rename)."""
    out = Path(out)
    wb = build_workbook(example, lang)
    fd, tmp = tempfile.mkstemp(prefix=".template-", suffix=".xlsx", dir=out.parent)
    os.close(fd)
    try:
        wb.save(tmp)
        os.chmod(tmp, 0o644)
        os.replace(tmp, out)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
