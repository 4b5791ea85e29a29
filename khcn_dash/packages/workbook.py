"""A package as an Excel workbook (.xlsx), read into a package folder.

The layout (the template, khcn_dash/packages/template.py, writes the same):
- one sheet per table of khcn_dash.schema, named as the table: the header row, then one row per record;
- «datapackage»: the descriptor's identity, one key and its value a row (columns A and B; a header row
  `key | value` and a note column C may be there). The Table Schemas are not in the workbook: they come
  from our schema;
- «document»: the document's text, one line per row in column A, from A1;
- «geojson» (optional): the district boundaries' GeoJSON text, cut into cells of column A from A2.
Other sheets (the guide, the code lists) are not read.

Only values are taken: a formula cell is refused, wherever it is. Row numbers are kept: row N of a sheet
is record N of its CSV (the header is row 1), so the report's rows are the sheet's.
"""
from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from .. import config, schema
from . import descriptor
from .report import Problem, Refused

SHEET_DATAPACKAGE = "datapackage"
SHEET_DOCUMENT = "document"
SHEET_GEOJSON = "geojson"
SHEET_CODES = "codes"  # the template's code lists for the drop-downs (not read)
GEOJSON_CHUNK = 30_000  # characters per cell (Excel holds at most 32,767)
MAX_SHEET_ROWS = 100_000
MAX_FORMULAS_SHOWN = 20  # per sheet
TRUE_WORDS = frozenset({"true", "1", "yes", "có", "đúng"})
FALSE_WORDS = frozenset({"false", "0", "no", "không", "sai", ""})


def cell_text(value) -> str:
    """A cell's value as the CSV writes it: numbers without a spurious '.0', dates as YEAR-MONTH-DAY."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return str(value)


def _sheet_rows(ws, problems: list[Problem]) -> list[list[str]]:
    """The sheet's rows as text, trailing empty rows dropped; formula cells become problems."""
    from openpyxl.utils import get_column_letter

    ws.reset_dimensions()  # read every row there is, whatever size the file declares
    rows: list[list[str]] = []
    header: list[str] = []
    formulas = 0
    for r, cells in enumerate(ws.iter_rows(), start=1):
        if r > MAX_SHEET_ROWS:
            problems.append(Problem("sheet_too_long", {"sheet": ws.title, "limit": MAX_SHEET_ROWS}, table=ws.title))
            return []
        values = []
        for c, cell in enumerate(cells, start=1):
            if cell.data_type == "f":
                formulas += 1
                if formulas <= MAX_FORMULAS_SHOWN:
                    column = header[c - 1] if c <= len(header) and header[c - 1] else None
                    problems.append(Problem("formula", {"cell": f"{get_column_letter(c)}{r}", "formula": str(cell.value)[:60]},
                                            table=ws.title, row=r, column=column))
                values.append("")
                continue
            values.append(cell_text(cell.value))
        while values and values[-1] == "":
            values.pop()
        if r == 1:
            header = values
        rows.append(values)
    while rows and not rows[-1]:
        rows.pop()
    return rows


def _write_table(rows: list[list[str]], path: Path) -> None:
    width = len(rows[0])
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        for row in rows:
            w.writerow(row + [""] * (width - len(row)) if len(row) < width else row)


def _identity(rows: list[list[str]], problems: list[Problem]) -> dict[str, object]:
    values: dict[str, object] = {}
    for r, row in enumerate(rows, start=1):
        key = row[0].strip() if row else ""
        if not key or (r == 1 and key.lower() == "key"):
            continue
        if key not in descriptor.IDENTITY_KEYS:
            problems.append(Problem("descriptor_key_unknown", {"key": key}, table=SHEET_DATAPACKAGE, row=r))
            continue
        if key in values:
            problems.append(Problem("descriptor_key_twice", {"key": key}, table=SHEET_DATAPACKAGE, row=r))
            continue
        value: object = row[1].strip() if len(row) > 1 else ""
        if key == "plan_year" and isinstance(value, str) and value.isdigit():
            value = int(value)
        elif key == "fictional" and isinstance(value, str) and value.lower() in TRUE_WORDS | FALSE_WORDS:
            value = value.lower() in TRUE_WORDS
        if value != "":
            values[key] = value
    return values


def read(path: Path, into: Path) -> None:
    """Writes the package folder the workbook at `path` holds into `into` (a new folder). Raises
    Refused listing every missing or empty sheet and every formula cell."""
    import openpyxl

    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=False)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise Refused([Problem("workbook_unreadable")]) from exc
    problems: list[Problem] = []
    sheets: dict[str, list[list[str]]] = {}
    try:
        names = set(wb.sheetnames)
        wanted = [*schema.TABLES, SHEET_DATAPACKAGE, SHEET_DOCUMENT]
        for name in wanted:
            if name not in names:
                key = "sheet_missing_descriptor" if name == SHEET_DATAPACKAGE else "sheet_missing"
                problems.append(Problem(key, {"sheet": name}, table=name))
        if problems:  # said before any sheet is read
            raise Refused(problems)
        for name in wanted:
            rows = _sheet_rows(wb[name], problems)
            if not rows:
                problems.append(Problem("sheet_empty", {"sheet": name}, table=name))
            sheets[name] = rows
        if SHEET_GEOJSON in names:
            sheets[SHEET_GEOJSON] = _sheet_rows(wb[SHEET_GEOJSON], problems)
    except Refused:
        raise
    except Exception as exc:  # a sheet openpyxl cannot parse
        raise Refused([Problem("workbook_unreadable")]) from exc
    finally:
        wb.close()
    if problems:
        raise Refused(problems)

    into.mkdir(parents=True)
    for name in schema.TABLES:
        _write_table(sheets[name], into / f"{name}.csv")
    lines = [row[0] if row else "" for row in sheets[SHEET_DOCUMENT]]
    (into / descriptor.DOCUMENT).write_text("\n".join(lines), encoding="utf-8")
    chunks = [row[0] for row in sheets.get(SHEET_GEOJSON, [])[1:] if row]
    if chunks:
        geo = into / config.GEOJSON_NAME
        geo.parent.mkdir(parents=True)
        geo.write_text("".join(chunks), encoding="utf-8")
    desc = descriptor.from_flat_identity(_identity(sheets[SHEET_DATAPACKAGE], problems))
    if problems:
        raise Refused(problems)
    desc["resources"] = descriptor.resources(into)
    descriptor.write(into, desc)


def geojson_chunks(text: str) -> list[str]:
    """The GeoJSON text cut for the «geojson» sheet's cells (joined in order they give it back)."""
    return [text[i:i + GEOJSON_CHUNK] for i in range(0, len(text), GEOJSON_CHUNK)]

