"""Is a package one the app can take in? A staged package folder (khcn_dash/packages/intake.py) is
checked in three steps, and every problem found is reported with its table, row and column:

1. the package itself: the descriptor (the document's identity; the package's name is
   "<province id>-<plan year>"; its resources are exactly the ones our schema generates), the document's
   text, the district boundaries, each table's file (UTF-8, a CSV) and header;
2. its structure, by frictionless, against the Table Schemas generated from khcn_dash.schema (never the
   package's own): types, required cells, codes, primary and foreign keys; and what the package says of
   itself: every row's province is the descriptor's, every period its plan year or review period, every
   district one of its own GeoJSON, and document_facts gives the descriptor's number, date, issuer and
   title;
3. once all that passes, the content checks of khcn_dash/checks.py (quotes in the text, parts that add up
   to the stated totals, values in their quotes, …), by a trial build into a temporary folder.

Length: over 400 lines, because the three steps share one reading of the tables (`_Table`: each cell
with its row as the user sees it, in a CSV or a sheet) and map every problem back to those rows; split,
each step would need that mapping passed around or read again.
"""
from __future__ import annotations

import csv
import datetime as dt
import decimal
import io
import json
import re
import tempfile
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import pyarrow as pa

from .. import config, schema
from ..labels import packages as L
from . import descriptor, intake
from .report import Problem, Refused, Report, cut

INT32_MAX = 2**31 - 1
SAME_SHOWN = 5  # problems of one kind in one column of one table shown before they are counted
DESCRIPTOR_TABLE = "datapackage"
DOCUMENT_TABLE = "document"
GEOJSON_TABLE = "geojson"
FACTS = {"number": "number", "issued_on": "issued_on", "issuer": "issuer_vi", "title": "title_vi"}
GEOJSON_PROPERTIES = ("district_id", "name_vi", "name_en", "gso_code")
# Where a named check of khcn_dash/checks.py points: (table, column). Checks named "<table>: …" or
# generated per table say their table themselves.
CHECK_PLACES: dict[str, tuple[str | None, str | None]] = {
    "investment lines name a project, recurrent lines do not": ("budget_lines", "project_id"),
    "plan lines and only plan lines carry a project status": ("budget_lines", "project_status"),
    "money is never negative": ("budget_lines", "amount_mvnd"),
    "no infrastructure project got more than its approved total": ("infrastructure_projects", "approved_total_mvnd"),
    "IP scope matches its areas (province: none, district: one, area: several)": ("ip_assets", "scope"),
    "district ids are those of the GeoJSON": (None, "district_id"),
    "each district of the GeoJSON has its own id": (GEOJSON_TABLE, None),
    "an instrument's issue date agrees with its year": ("legal_instruments", "issued_on"),
    "every activity area has at least one action": ("activity_areas", "area_code"),
    "every research field of the plan has at least one direction": ("plan_fields", "field_code"),
    "review_items: the section is the most specific one holding the quote": ("review_items", "section"),
    "every stated total equals the sum of its parts": ("document_totals", "stated_value"),
    "the stated plan total = stated recurrent + stated investment": ("document_totals", "stated_value"),
    "every budget total stated is checked (a plan period has a stated total)": ("budget_lines", "period"),
    "every section heading is found in the document, in order": ("sections", "heading_vi"),
    "legal_instruments: the number is in the quote": ("legal_instruments", "number"),
    "legal_instruments: the issue date is in the quote": ("legal_instruments", "issued_on"),
    "legal_instruments: the subject is in the quote": ("legal_instruments", "subject_vi"),
    "budget_lines: the project status is in the quote": ("budget_lines", "project_status"),
    "budget_lines: a quote that says 'dự án mới' or 'chuyển tiếp' carries that status": ("budget_lines", "project_status"),
    "budget_lines: the Ministry is the funder exactly when the quote names it": ("budget_lines", "funder"),
    "indicators: 'khoảng' (about) is in the quote exactly when the value is approximate": ("indicators", "qualifier"),
    "ministry_tasks: the title is written as in the quote": ("ministry_tasks", "title_vi"),
    "research_highlights: the title is written as in the quote": ("research_highlights", "title_vi"),
    "projects: the name is written as in the quote": ("projects", "name_vi"),
    "research_highlights: the subject is in the quote": ("research_highlights", "subject_vi"),
    "research_highlights: a status is one the document gives, in the row's quote or its status_quote":
        ("research_highlights", "status"),
    "review_items: the item is written as in the quote": ("review_items", "text_vi"),
    "review_items: every figure is written in the quote, as the document writes it": ("review_items", "figures"),
    "research_highlight_districts: a stated district is named in the quote": ("research_highlight_districts", "district_id"),
}
SECTION_KEY = {"fields": ["section"], "reference": {"resource": "sections", "fields": ["section_id"]}}
_CHECK_LINE = re.compile(r"^check (['\"])(?P<name>.+?)\1 failed(?: for (?P<n>\d+) row\(s\))?: ?(?P<rows>.*)$")
_PLACEHOLDER = {"table": r"[a-z_]+", "column": r"[a-z_]+", "ref": r"[a-z_]+", "keys": r"[a-z_, ]+"}


@dataclass
class _Table:
    header: list[str]
    rows: list[tuple[int, list[str]]]  # (row number, the header being row 1; cells)


# --- entry points ---------------------------------------------------------------------------------

@contextmanager
def checked(path: Path) -> Iterator[tuple[Report, Path | None]]:
    """Stages the package at `path` and checks it: (the report, the staged folder while it lasts; None
    when what came in could not even be staged). Raises report.Unreadable when the path cannot be read."""
    with ExitStack() as stack:
        try:
            staged = stack.enter_context(intake.staged(path))
        except Refused as exc:
            yield _sorted(Report(str(path), exc.problems)), None
            return
        yield check_folder(staged.folder, str(path)), staged.folder


def check_path(path: Path) -> Report:
    with checked(path) as (report, _):
        return report


def check_folder(folder: Path, source: str | None = None) -> Report:
    """Checks a package folder (see the module's docstring); writes nothing in it."""
    folder = Path(folder)
    problems: list[Problem] = []
    identity = _descriptor(folder, problems)
    _document(folder, problems)
    districts = _geojson(folder, problems)
    tables: dict[str, _Table] = {}
    for t in schema.TABLES.values():
        tab = _read_csv(folder, t, problems)
        if tab is not None:
            tables[t.name] = tab
    good = {name for name, tab in tables.items() if _header_ok(schema.TABLES[name], tab, problems)}
    bad_rows = _rows(tables, good, problems)
    if identity is not None:
        _agreement(identity, tables, good, bad_rows, districts, problems)
    _frictionless(folder, tables, good, bad_rows, problems)
    report = Report(source or str(folder), problems, identity)
    if problems:
        report.notes.append(L.DOMAIN_SKIPPED)
    else:
        report.problems.extend(_domain(folder, tables))
    return _sorted(report)


def _sorted(report: Report) -> Report:
    """Problems in the order of the package (descriptor and files first, then table by table, row by
    row); beyond SAME_SHOWN of one kind in one column of a table, they are counted instead."""
    def kind(p: Problem) -> tuple:
        return p.table, p.key, p.column, p.params.get("check")

    order = {name: i for i, name in enumerate(schema.TABLES, start=1)}
    counts: dict[tuple, int] = {}
    kept: list[Problem | tuple] = []  # a tuple: where the count of a kind's further problems goes
    for p in sorted(report.problems, key=lambda p: (order.get(p.table, 0), p.row or 0)):
        counts[kind(p)] = counts.get(kind(p), 0) + 1
        if counts[kind(p)] <= SAME_SHOWN or p.table is None:
            kept.append(p)
        elif counts[kind(p)] == SAME_SHOWN + 1:
            kept.append(kind(p))
    report.problems = [Problem("same_more", {"n": counts[k] - SAME_SHOWN}, table=k[0], column=k[2])
                       if isinstance(k, tuple) else k for k in kept]
    return report


# --- the package itself ---------------------------------------------------------------------------

def _utf8(data: bytes, file: str, table: str, problems: list[Problem]) -> str | None:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        problems.append(Problem("not_utf8", {"file": file, "line": line}, table=table))
        return None


def _descriptor(folder: Path, problems: list[Problem]) -> descriptor.Identity | None:
    where = {"table": DESCRIPTOR_TABLE}
    path = folder / config.DESCRIPTOR
    if not path.is_file():
        problems.append(Problem("no_descriptor", **where))
        return None
    text = _utf8(path.read_bytes(), config.DESCRIPTOR, DESCRIPTOR_TABLE, problems)
    if text is None:
        return None
    try:
        desc = json.loads(text)
    except json.JSONDecodeError as exc:
        problems.append(Problem("descriptor_not_json", {"line": exc.lineno, "col": exc.colno}, **where))
        return None
    if not isinstance(desc, dict):
        problems.append(Problem("descriptor_not_object", **where))
        return None
    identity = _identity(desc, problems)
    _resources(folder, desc, problems)
    return identity


def _identity(desc: dict, problems: list[Problem]) -> descriptor.Identity | None:
    where = {"table": DESCRIPTOR_TABLE}
    before = len(problems)
    values = dict(descriptor.flat_identity(desc))
    if not isinstance(desc.get("khcn"), dict):
        problems.append(Problem("identity_missing", {"key": "khcn"}, **where))
        return None

    def bad(key: str, kind: str) -> None:
        problems.append(Problem("identity_bad", {"key": key, "value": cut(values[key]), "expected": L.TYPE_WORDS[kind]},
                                **where))

    for key in ("name", *descriptor.KHCN_KEYS):
        if key not in values:
            if key not in descriptor.OPTIONAL_KEYS:
                problems.append(Problem("identity_missing", {"key": key}, **where))
            continue
        value = values[key]
        if key == "name" and not (isinstance(value, str) and descriptor.PACKAGE_ID.fullmatch(value)):
            bad(key, "id")
        elif key == "province.id" and not (isinstance(value, str) and descriptor.PROVINCE_ID.fullmatch(value)):
            bad(key, "id")
        elif key == "document.issued_on" and not _is_date(value):
            bad(key, "date")
        elif key == "plan_year" and not (type(value) is int and 1900 <= value <= 2200):
            bad(key, "year")
        elif key == "review_period" and not _is_period(value):
            bad(key, "period")
        elif key == "fictional" and not isinstance(value, bool):
            bad(key, "boolean")
        elif key not in ("plan_year", "fictional") and not (isinstance(value, str) and value.strip()):
            bad(key, "text")
    if len(problems) > before:
        return None
    identity = descriptor.Identity.from_descriptor(desc)
    expected = f"{identity.province_id}-{identity.plan_year}"
    if identity.package_id != expected:
        problems.append(Problem("name_mismatch", {"name": identity.package_id, "expected": expected}, **where))
    return identity


def _is_date(value) -> bool:
    try:
        dt.date.fromisoformat(value)
        return isinstance(value, str) and len(value) == 10
    except (TypeError, ValueError):
        return False


def _is_period(value) -> bool:
    m = re.fullmatch(r"(\d{4})-(\d{4})", value) if isinstance(value, str) else None
    return bool(m) and int(m[1]) <= int(m[2])


def _resources(folder: Path, desc: dict, problems: list[Problem]) -> None:
    """The descriptor's resources must be ours: the package's own schemas are never used, and one that
    differs means the package was made for another version of the schema."""
    where = {"table": DESCRIPTOR_TABLE, "column": "resources"}
    theirs = desc.get("resources")
    if not isinstance(theirs, list):
        problems.append(Problem("resources_missing", **where))
        return
    ours = {r["name"]: r for r in descriptor.resources(folder)}
    named = {r.get("name"): r for r in theirs if isinstance(r, dict)}
    for name, resource in ours.items():
        if name not in named:
            problems.append(Problem("resource_absent", {"name": name}, **where))
        elif named[name] != resource:
            problems.append(Problem("resource_differs", {"name": name}, **where))
    for name in named:
        if name not in ours:
            problems.append(Problem("resource_extra", {"name": cut(name)}, **where))
    if len(named) != len(theirs):
        problems.append(Problem("resource_extra", {"name": "?"}, **where))


def _document(folder: Path, problems: list[Problem]) -> None:
    path = folder / descriptor.DOCUMENT
    if not path.is_file():
        problems.append(Problem("file_missing", {"file": descriptor.DOCUMENT}, table=DOCUMENT_TABLE))
        return
    text = _utf8(path.read_bytes(), descriptor.DOCUMENT, DOCUMENT_TABLE, problems)
    if text is not None and not text.strip():
        problems.append(Problem("document_empty", table=DOCUMENT_TABLE))


def _geojson(folder: Path, problems: list[Problem]) -> set[str] | None:
    """The district ids of the package's GeoJSON: none when it brings no boundaries (the map page
    then says so), None when it has a file that cannot be read."""
    path = folder / config.GEOJSON_NAME
    where = {"table": GEOJSON_TABLE}

    def bad(what: str, **values) -> None:
        problems.append(Problem("geojson_bad", {"what": tuple(w.format(**values) for w in L.GEOJSON_WHAT[what])},
                                **where))

    if not path.is_file():
        return set()
    text = _utf8(path.read_bytes(), config.GEOJSON_NAME.as_posix(), GEOJSON_TABLE, problems)
    if text is None:
        return None
    try:
        gj = json.loads(text)
    except json.JSONDecodeError as exc:
        bad("not_json", line=exc.lineno)
        return None
    features = gj.get("features") if isinstance(gj, dict) and gj.get("type") == "FeatureCollection" else None
    if not isinstance(features, list):
        bad("not_collection")
        return None
    if not features:
        bad("no_features")
        return None
    ids: set[str] = set()
    for n, f in enumerate(features, start=1):
        props = f.get("properties") if isinstance(f, dict) else None
        missing = [k for k in GEOJSON_PROPERTIES if not isinstance(props, dict) or k not in props]
        if missing:
            bad("property_missing", n=n, key=missing[0])
            return None
        did = str(props["district_id"])
        geometry = f.get("geometry")
        if not isinstance(geometry, dict) or geometry.get("type") not in ("Polygon", "MultiPolygon"):
            bad("geometry", id=did)
            return None
        if did in ids:
            bad("id_twice", id=did)
            return None
        ids.add(did)
    return ids


def _read_csv(folder: Path, table: schema.Table, problems: list[Problem]) -> _Table | None:
    file = f"{table.name}.csv"
    where = {"table": table.name}
    path = folder / file
    if not path.is_file():
        problems.append(Problem("file_missing", {"file": file}, **where))
        return None
    data = path.read_bytes()
    if not data.strip():
        problems.append(Problem("file_empty", {"file": file}, **where))
        return None
    if data.startswith(b"\xef\xbb\xbf"):
        problems.append(Problem("bom", {"file": file}, **where))
        return None
    text = _utf8(data, file, table.name, problems)
    if text is None:
        return None
    reader = csv.reader(io.StringIO(text, newline=""))
    records: list[list[str]] = []
    try:
        for cells in reader:
            records.append(cells)
    except csv.Error:
        problems.append(Problem("csv_unreadable", {"file": file, "line": reader.line_num}, **where))
        return None
    return _Table(records[0], [(n, cells) for n, cells in enumerate(records[1:], start=2)])


def _header_ok(table: schema.Table, tab: _Table, problems: list[Problem]) -> bool:
    header, expected = tab.header, table.column_names
    if header == expected:
        return True
    where = {"table": table.name, "row": 1}
    for name in dict.fromkeys(header):
        if header.count(name) > 1:
            problems.append(Problem("column_twice", {"column": cut(name)}, column=name, **where))
    for name in expected:
        if name not in header:
            problems.append(Problem("column_missing", {"column": name}, column=name, **where))
    for name in dict.fromkeys(header):
        if name not in expected:
            if name.strip():
                problems.append(Problem("column_extra", {"column": cut(name)}, column=cut(name, 30), **where))
            else:
                problems.append(Problem("column_blank", **where))
    if sorted(header) == sorted(expected):
        problems.append(Problem("column_order", {"expected": ", ".join(expected)}, **where))
    return False


def _rows(tables: dict[str, _Table], good: set[str], problems: list[Problem]) -> dict[str, set[int]]:
    """Rows that are not records of the table (a wrong number of cells, or none filled), and values that
    frictionless lets through but the build's types cannot hold (too many decimals, a whole number out
    of range)."""
    bad: dict[str, set[int]] = {name: set() for name in tables}
    for name in good:
        t = schema.TABLES[name]
        for n, cells in tables[name].rows:
            where = {"table": name, "row": n}
            if not any(c.strip() for c in cells):
                problems.append(Problem("blank_row", **where))
                bad[name].add(n)
                continue
            if len(cells) != len(t.columns):
                problems.append(Problem("row_cells", {"n": len(cells), "m": len(t.columns)}, **where))
                bad[name].add(n)
                continue
            for col, value in zip(t.columns, cells):
                _value_fits(col, value.strip(), problems, column=col.name, **where)
    return bad


def _value_fits(col: schema.Col, value: str, problems: list[Problem], **where) -> None:
    if not value:
        return
    if pa.types.is_decimal(col.type):
        try:
            d = decimal.Decimal(value)
            if not d.is_finite():
                return
            if abs(d) >= 10 ** (col.type.precision - col.type.scale):
                problems.append(Problem("number_range", {"value": cut(value), "digits": col.type.precision - col.type.scale},
                                        **where))
            elif d != d.quantize(decimal.Decimal(1).scaleb(-col.type.scale)):
                problems.append(Problem("too_many_decimals", {"value": cut(value), "scale": col.type.scale}, **where))
        except decimal.InvalidOperation:
            return  # not a number: frictionless says so
    elif pa.types.is_integer(col.type):
        try:
            n = int(value)
        except ValueError:
            return
        if abs(n) > INT32_MAX:
            problems.append(Problem("integer_range", {"value": cut(value)}, **where))


def _agreement(identity: descriptor.Identity, tables: dict[str, _Table], good: set[str], bad_rows: dict[str, set[int]],
               districts: set[str] | None, problems: list[Problem]) -> None:
    """What the rows say agrees with the descriptor and the package's own GeoJSON."""
    periods = {str(identity.plan_year), identity.review_period}
    known = ", ".join(sorted(districts or ()))
    provinces: list[tuple[str, int, str]] = []  # (table, row, province) of the rows of another province
    rows_with_province = 0
    for name in good:
        t = schema.TABLES[name]
        index = {c: i for i, c in enumerate(t.column_names)}
        for n, cells in tables[name].rows:
            if n in bad_rows[name]:
                continue
            where = {"table": name, "row": n}
            value = {c: cells[i].strip() for c, i in index.items() if c in ("province", "period", "district_id")}
            if "province" in value:
                rows_with_province += 1
                if value["province"] not in ("", identity.province_id):
                    provinces.append((name, n, value["province"]))
            if value.get("period", "") not in ("", *periods):
                problems.append(Problem("period_unknown", {"value": cut(value["period"]), "plan_year": identity.plan_year,
                                                           "review": identity.review_period}, column="period", **where))
            if districts is not None and value.get("district_id", "") not in ("", *districts):
                problems.append(Problem("district_unknown", {"value": cut(value["district_id"]), "known": known},
                                        column="district_id", **where))
    others = {value for _, _, value in provinces}
    if len(provinces) == rows_with_province > 1 and len(others) == 1:  # the whole package is another province's
        problems.append(Problem("province_all", {"value": cut(others.pop()), "expected": identity.province_id},
                                table=DESCRIPTOR_TABLE, column="province.id"))
    else:
        for name, n, value in provinces:
            problems.append(Problem("province_mismatch", {"value": cut(value), "expected": identity.province_id},
                                    table=name, row=n, column="province"))
    if "document_facts" not in good:
        return
    value_vi = schema.TABLES["document_facts"].column_names.index("value_vi")
    facts: dict[str, tuple[int, str]] = {}
    for n, cells in tables["document_facts"].rows:
        if n not in bad_rows["document_facts"]:
            facts.setdefault(cells[0].strip(), (n, cells[value_vi].strip()))
    for fact, attribute in FACTS.items():
        expected = getattr(identity, attribute)
        if fact not in facts:
            problems.append(Problem("fact_missing", {"fact": fact, "expected": cut(expected)},
                                    table="document_facts", column="fact"))
        elif facts[fact][1] != expected:
            problems.append(Problem("fact_mismatch", {"fact": fact, "value": cut(facts[fact][1]),
                                                      "expected": cut(expected)},
                                    table="document_facts", row=facts[fact][0], column="value_vi"))


# --- the structure, by frictionless ---------------------------------------------------------------

def _frictionless(folder: Path, tables: dict[str, _Table], good: set[str], bad_rows: dict[str, set[int]],
                  problems: list[Problem]) -> None:
    """Types, required cells, codes, primary and foreign keys, by frictionless against our Table Schemas,
    for every table whose file could be read (problems in a table whose header is wrong are left out:
    frictionless matches columns by position, so they would only repeat the header's problem).

    One foreign key is checked here instead: every cited table's `section` is a section_id of sections.
    frictionless reads the referenced table anew for each table that refers to it, and 22 tables refer
    to sections: that took 40% of its time."""
    from frictionless import Package

    readable = set(tables)
    resources = []
    for r in descriptor.resources(folder):
        if r["name"] not in readable:
            continue
        r = json.loads(json.dumps(r))
        keys = [fk for fk in r["schema"].get("foreignKeys", [])
                if (fk["reference"]["resource"] or r["name"]) in readable and fk != SECTION_KEY]
        if keys:
            r["schema"]["foreignKeys"] = keys
        else:
            r["schema"].pop("foreignKeys", None)
        resources.append(r)
    if not resources:
        return
    result = Package({"name": "staged", "resources": resources}, basepath=str(folder)).validate(limit_errors=2000)
    for e in result.errors:
        problems.append(Problem("structure_other", {"kind": e.type, "note": cut(e.note, 160)}))
    for task in result.tasks:
        name = task.name
        if name not in good:
            continue
        for e in task.errors:
            p = _from_frictionless(schema.TABLES[name], tables[name], e, bad_rows[name])
            if p is not None:
                problems.append(p)
    _sections_referred(tables, good, bad_rows, problems)


def _sections_referred(tables: dict[str, _Table], good: set[str], bad_rows: dict[str, set[int]],
                       problems: list[Problem]) -> None:
    """The foreign key SECTION_KEY of every cited table (see _frictionless)."""
    if "sections" not in good:
        return
    ids = {cells[0].strip() for n, cells in tables["sections"].rows if n not in bad_rows["sections"]}
    for name in sorted(good):
        t = schema.TABLES[name]
        if not t.cited:
            continue
        i = t.column_names.index("section")
        for n, cells in tables[name].rows:
            value = cells[i].strip() if n not in bad_rows[name] else ""
            if value and value not in ids:
                problems.append(Problem("foreign_key", {"columns": "section", "values": cut(value, 60), "ref": "sections",
                                                        "ref_columns": "section_id"}, table=name, row=n, column="section"))


_OURS = {"missing-cell", "extra-cell", "blank-row", "missing-label", "extra-label", "incorrect-label",
         "blank-label", "duplicate-label", "blank-header"}


def _from_frictionless(table: schema.Table, tab: _Table, e, bad_rows: set[int]) -> Problem | None:
    row = getattr(e, "row_number", None)
    if e.type in _OURS or row in bad_rows:
        return None
    where = {"table": table.name, "row": row}
    cols = {c.name: c for c in table.columns}
    if e.type == "type-error":
        col = cols[e.field_name]
        kind = "integer" if pa.types.is_integer(col.type) else "number" if pa.types.is_decimal(col.type) \
            else "date" if pa.types.is_date(col.type) else "string"
        return Problem("wrong_type", {"value": cut(e.cell), "expected": L.TYPE_WORDS[kind]}, column=e.field_name, **where)
    if e.type == "constraint-error":
        col = cols[e.field_name]
        if '"required"' in e.note:
            return Problem("required", column=e.field_name, **where)
        if '"enum"' in e.note and col.accepted:
            return Problem("unknown_code", {"value": cut(e.cell), "codes": ", ".join(col.accepted)}, column=e.field_name,
                           **where)
        return Problem("constraint", {"value": cut(e.cell)}, column=e.field_name, **where)
    if e.type == "primary-key":
        index = [table.column_names.index(k) for k in table.key]
        key = [e.cells[i] if i < len(e.cells) else "" for i in index]
        first = next((n for n, cells in tab.rows if n < row and [cells[i] for i in index] == key), None)
        params = {"columns": ", ".join(table.key), "values": ", ".join(cut(v, 40) for v in key)}
        if first is None:
            return Problem("duplicate_key_seen", params, column=table.key[0], **where)
        return Problem("duplicate_key", {**params, "first": first}, column=table.key[0], **where)
    if e.type == "foreign-key":
        params = {"columns": ", ".join(e.field_names), "values": ", ".join(cut(v, 60) for v in e.field_cells),
                  "ref": e.reference_name or table.name, "ref_columns": ", ".join(e.reference_field_names)}
        return Problem("foreign_key", params, column=e.field_names[0] if e.field_names else None, **where)
    return Problem("structure_other", {"kind": e.type, "note": cut(e.note, 160)},
                   column=getattr(e, "field_name", None), **where)


# --- the content checks, by a trial build ----------------------------------------------------------

def _domain(folder: Path, tables: dict[str, _Table]) -> list[Problem]:
    from .. import build

    with tempfile.TemporaryDirectory(prefix="khcn-check-") as tmp:
        try:
            build.build(folder, Path(tmp) / "parquet", folder / config.GEOJSON_NAME)
        except build.BuildError as exc:
            return _build_problems(str(exc), tables)
        except Exception as exc:  # a bug, not the package's fault; still no traceback for the user
            return [Problem("build_crashed", {"error": type(exc).__name__})]
    return []


def check_words(name: str) -> tuple[tuple[str, str], str | None, str | None] | None:
    """A check of khcn_dash/checks.py by its name: ((vi, en) description, table, column), or None for a
    name that has no words (tests/test_package_import.py makes sure every check has)."""
    if name in L.CHECK_NAMES:
        table, column = CHECK_PLACES.get(name, (None, None))
        prefix = name.split(":", 1)[0]
        return L.CHECK_NAMES[name], table or (prefix if prefix in schema.TABLES else None), column
    for pattern, words in L.CHECK_PATTERNS.items():
        m = _pattern(pattern).fullmatch(name)
        if m:
            found = m.groupdict()
            column = found.get("column") or found.get("keys")
            if column is None and "section is a heading" in pattern:
                column = "section"
            elif column is None and "province" in pattern:
                column = "province"
            return tuple(w.format(**found) for w in words), found["table"], column
    return None


def _pattern(pattern: str) -> re.Pattern:
    out = re.escape(pattern)
    for name, rx in _PLACEHOLDER.items():
        out = out.replace(re.escape("{" + name + "}"), f"(?P<{name}>{rx})")
    return re.compile(out)


def _build_problems(text: str, tables: dict[str, _Table]) -> list[Problem]:
    problems = []
    for line in text.splitlines():
        line = line.removeprefix("- ").strip()
        if not line or line.startswith("build refused"):
            continue
        m = _CHECK_LINE.match(line)
        words = check_words(m["name"]) if m else None
        if words is None:
            problems.append(Problem("build_refused", {"text": cut(line, 300)}))
            continue
        description, table, column = words
        shown = _readable(cut(m["rows"], 240))
        found = _rows_named(table, column, m["name"], m["rows"], tables)
        if found:
            lines = ", ".join(map(str, found))
            rows = tuple(w.format(n=m["n"] or len(found), lines=lines, rows=shown) for w in L.CHECK_ROWS_AT)
        else:
            rows = tuple(w.format(n=m["n"], rows=shown) for w in (L.CHECK_ROWS if m["n"] else L.CHECK_ROWS_UNCOUNTED))
        problems.append(Problem("check_failed", {"check": description, "rows": rows}, table=table,
                                row=found[0] if found else None, column=column))
    return problems


def _readable(rows_text: str) -> str:
    """A check's printed rows with Python's spellings of decimals and dates taken off."""
    text = re.sub(r"Decimal\('([^']*)'\)", r"\1", rows_text)
    return re.sub(r"datetime\.date\((\d+), (\d+), (\d+)\)", lambda m: f"{int(m[1]):04d}-{int(m[2]):02d}-{int(m[3]):02d}", text)


def _rows_named(table: str | None, column: str | None, name: str, rows_text: str, tables: dict[str, _Table]) -> list[int]:
    """The rows of `table` a failed check names, where they can be told from what it printed: by their
    key, or for a quote or figure check by their quote."""
    tab = tables.get(table or "")
    if tab is None:
        return []
    t = schema.TABLES[table]
    index = {c: i for i, c in enumerate(t.column_names)}
    if "found word for word" in name and column in index:
        probes = [(index[column], None)]
    elif "every figure is written in its own quote" in name:
        probes = [(index["source_quote"], 60)]
    else:
        probes = [(index[k], None) for k in t.key]
    ints = {index[c.name] for c in t.columns if pa.types.is_integer(c.type)}
    found = []
    for n, cells in tab.rows:
        ok = True
        for i, chars in probes:
            value = cells[i].strip() if i < len(cells) else ""
            if i in ints:
                ok = bool(re.search(rf"(?<![\w.']){re.escape(value)}(?![\w.'])", rows_text))
            else:
                ok = bool(value) and repr(value[:chars] if chars else value) in rows_text
            if not ok:
                break
        if ok:
            found.append(n)
    return found[:10]
