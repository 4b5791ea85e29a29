"""Source CSVs -> checks -> typed Parquet.   python -m khcn_dash.build [SOURCE_DIR PARQUET_DIR]

Every check is a query that returns the offending rows; an empty result means it passed
(in the spirit of dbt tests). If any check fails, ValueError names the check and its rows and
no Parquet is written: the new files are written to a temporary folder beside the target and
swapped in only when all of them are complete.
"""
from __future__ import annotations

import csv
import datetime as dt
import decimal
import fcntl
import hashlib
import json
import os
import shutil
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from . import document, schema
from .config import GEOJSON_PATH, PARQUET_DIR, SOURCE_DIR

BUILD_VERSION = "1"  # bump when the output layout changes without a source change


class BuildError(ValueError):
    """A source file is malformed or a check failed; the message names it."""


# ---------------------------------------------------------------------------------------------
# Reading and typing the CSVs


def _convert(value: str, col: schema.Col, where: str):
    if value == "":
        if col.required:
            raise BuildError(f"{where}: column {col.name!r} is empty but required")
        return None
    if col.accepted is not None and value not in col.accepted:
        raise BuildError(f"{where}: column {col.name!r} has {value!r}, not one of {list(col.accepted)}")
    t = col.type
    try:
        if pa.types.is_string(t):
            return value
        if pa.types.is_integer(t):
            return int(value)
        if pa.types.is_decimal(t):
            d = decimal.Decimal(value)
            if not d.is_finite() or d != d.quantize(decimal.Decimal(1).scaleb(-t.scale)):
                raise ValueError("more decimals than the column holds")
            return d
        if pa.types.is_date(t):
            return dt.date.fromisoformat(value)
    except (ValueError, decimal.InvalidOperation) as exc:
        raise BuildError(f"{where}: column {col.name!r} value {value!r} is not a valid {t}: {exc}") from exc
    raise BuildError(f"{where}: unsupported type {t}")


def read_table(source_dir: Path, table: schema.Table) -> pa.Table:
    path = source_dir / f"{table.name}.csv"
    if not path.exists():
        raise BuildError(f"{path.name}: missing source file")
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        header = next(reader, None)
        if header != table.column_names:
            raise BuildError(f"{path.name}: header {header} differs from schema {table.column_names}")
        rows = []
        for lineno, raw in enumerate(reader, start=2):
            if len(raw) != len(header):
                raise BuildError(f"{path.name}:{lineno}: {len(raw)} cells, expected {len(header)}")
            where = f"{path.name}:{lineno}"
            rows.append([_convert(v.strip(), c, where) for v, c in zip(raw, table.columns)])
    arrays = [pa.array([r[i] for r in rows], type=c.type) for i, c in enumerate(table.columns)]
    fields = [pa.field(c.name, c.type, nullable=not c.required) for c in table.columns]
    return pa.Table.from_arrays(arrays, schema=pa.schema(fields))


def _period_bounds(period: str) -> tuple[int, int]:
    start, _, end = period.partition("-")
    return int(start), int(end or start)


def _cite_id(section: str, quote: str) -> str:
    return hashlib.sha1(f"{section}\n{document.normalise(quote)}".encode()).hexdigest()[:10]


# ---------------------------------------------------------------------------------------------
# Derived tables


def _sections_table(sections: list[document.Section], text: str, titles: pa.Table) -> pa.Table:
    levels = {}
    for s in sections:
        levels[s.section_id] = 0 if s.parent_id is None else levels[s.parent_id] + 1
    return pa.table({
        "section_id": [s.section_id for s in sections],
        "parent_id": [s.parent_id for s in sections],
        "ordinal": pa.array(range(len(sections)), pa.int32()),
        "level": pa.array([levels[s.section_id] for s in sections], pa.int32()),
        "heading_vi": [s.heading_vi for s in sections],
        "title_en": [s.title_en for s in sections],
        "body_vi": [text[s.body_start:s.end].strip() for s in sections],
        "start_offset": pa.array([s.start for s in sections], pa.int32()),
        "end_offset": pa.array([s.end for s in sections], pa.int32()),
    })


def _districts_table(geojson_path: Path) -> pa.Table:
    gj = json.loads(geojson_path.read_text(encoding="utf-8"))
    props = [f["properties"] for f in gj["features"]]
    return pa.table({
        "district_id": [p["district_id"] for p in props],
        "province": ["lang-son"] * len(props),
        "name_vi": [p["name_vi"] for p in props],
        "name_en": [p["name_en"] for p in props],
        "gso_code": [p["gso_code"] for p in props],
    })


def _with_citations(tbl: pa.Table, table: schema.Table, text: str, sections, citations: dict) -> pa.Table:
    """Adds period bounds, and for each quote column its offset and a citation id; records citations."""
    out = tbl
    if "period" in tbl.column_names:
        bounds = [_period_bounds(p) for p in tbl.column("period").to_pylist()]
        out = out.append_column(pa.field("period_start", pa.int32(), False), pa.array([b[0] for b in bounds], pa.int32()))
        out = out.append_column(pa.field("period_end", pa.int32(), False), pa.array([b[1] for b in bounds], pa.int32()))
    if not table.cited:
        return out
    secs = tbl.column("section").to_pylist()
    for qcol in ("source_quote", *table.extra_quotes):
        prefix = "" if qcol == "source_quote" else qcol.removesuffix("_quote") + "_"
        ids = []
        for sec, quote in zip(secs, tbl.column(qcol).to_pylist()):
            at = document.locate_quote(text, sections, sec, quote)
            cid = _cite_id(sec, quote) if at is not None else None
            if cid:
                citations[cid] = (sec, document.normalise(quote), at, len(document.normalise(quote)))
            ids.append(cid)
        out = out.append_column(f"{prefix}cite_id", pa.array(ids, pa.string()))
    return out


# ---------------------------------------------------------------------------------------------
# Checks: each returns offending rows


def _generated_checks() -> dict[str, str]:
    checks: dict[str, str] = {}
    for t in schema.TABLES.values():
        keys = ", ".join(t.key)
        checks[f"{t.name}: ({keys}) is unique"] = (
            f"SELECT {keys}, count(*) AS n FROM {t.name} GROUP BY ALL HAVING count(*) > 1"
        )
        if t.cited:
            for qcol in ("source_quote", *t.extra_quotes):
                cid = "cite_id" if qcol == "source_quote" else qcol.removesuffix("_quote") + "_cite_id"
                checks[f"{t.name}: every {qcol} is found word for word in its section"] = (
                    f"SELECT section, {qcol} FROM {t.name} WHERE {cid} IS NULL"
                )
            checks[f"{t.name}: every section is a heading of the document"] = (
                f"SELECT section FROM {t.name} ANTI JOIN sections ON section = sections.section_id"
            )
        if "province" in t.column_names:
            checks[f"{t.name}: province is a known province"] = (
                f"SELECT province FROM {t.name} WHERE province NOT IN ('lang-son')"
            )
    return checks


RELATIONSHIP_CHECKS = {
    "budget_lines.project_id is in projects":
        "SELECT budget_line_id, project_id FROM budget_lines WHERE project_id IS NOT NULL "
        "AND project_id NOT IN (SELECT project_id FROM projects)",
    "investment lines name a project, recurrent lines do not":
        "SELECT budget_line_id FROM budget_lines WHERE (funding_kind = 'investment') <> (project_id IS NOT NULL)",
    "plan lines and only plan lines carry a project status":
        "SELECT budget_line_id FROM budget_lines WHERE funding_kind = 'investment' "
        "AND (basis = 'plan') <> (project_status IS NOT NULL)",
    "money is never negative":
        "SELECT budget_line_id, amount_mvnd FROM budget_lines WHERE amount_mvnd < 0",
    "infrastructure_projects.project_id is in projects":
        "SELECT project_id FROM infrastructure_projects ANTI JOIN projects USING (project_id)",
    "no infrastructure project got more than its approved total":
        "SELECT i.project_id, i.approved_total_mvnd, sum(b.amount_mvnd) AS allocated "
        "FROM infrastructure_projects i JOIN budget_lines b ON b.project_id = i.project_id "
        "AND b.basis = 'allocated' GROUP BY ALL HAVING sum(b.amount_mvnd) > i.approved_total_mvnd",
    "ip_asset_areas.asset_id is in ip_assets":
        "SELECT asset_id FROM ip_asset_areas ANTI JOIN ip_assets USING (asset_id)",
    "IP scope matches its areas (province: none, district: one, area: several)":
        "SELECT a.asset_id, a.scope, count(r.district_id) AS n FROM ip_assets a "
        "LEFT JOIN ip_asset_areas r USING (asset_id) GROUP BY ALL HAVING NOT ("
        "(a.scope = 'province' AND n = 0) OR (a.scope = 'district' AND n = 1) OR (a.scope = 'area' AND n >= 2))",
    "research_highlight_districts.highlight_id is in research_highlights":
        "SELECT highlight_id FROM research_highlight_districts ANTI JOIN research_highlights USING (highlight_id)",
    "district ids are those of the GeoJSON":
        "SELECT district_id FROM (SELECT district_id FROM ip_asset_areas UNION ALL "
        "SELECT district_id FROM research_highlight_districts) ANTI JOIN districts USING (district_id)",
    "the GeoJSON has the 11 districts of 2020":
        "SELECT count(*) AS n FROM districts HAVING count(*) <> 11",
    "legal_mentions.instrument_id is in legal_instruments":
        "SELECT instrument_id FROM legal_mentions ANTI JOIN legal_instruments USING (instrument_id)",
    "an instrument's issue date agrees with its year":
        "SELECT instrument_id, issued_on, year FROM legal_instruments "
        "WHERE issued_on IS NOT NULL AND year(issued_on) <> year",
    "plan_directions.field_code is in plan_fields":
        "SELECT direction_id FROM plan_directions ANTI JOIN plan_fields USING (field_code)",
    "activity_actions.area_code is in activity_areas":
        "SELECT action_id FROM activity_actions ANTI JOIN activity_areas USING (area_code)",
    "every activity area has at least one action":
        "SELECT area_code FROM activity_areas ANTI JOIN activity_actions USING (area_code)",
    "every 2021 research field has at least one direction":
        "SELECT field_code FROM plan_fields ANTI JOIN plan_directions USING (field_code)",
}

# What the parts add up to, per stated metric. Compared with document_totals.
COMPUTED_TOTALS = """
    SELECT province, period, basis, 'budget_total_mvnd' AS metric, sum(amount_mvnd) AS value
      FROM budget_lines GROUP BY ALL
    UNION ALL
    SELECT province, period, basis, funding_kind || '_mvnd', sum(amount_mvnd)
      FROM budget_lines GROUP BY ALL
    UNION ALL
    SELECT province, period, basis, 'investment_project_count', count(DISTINCT project_id)
      FROM budget_lines WHERE funding_kind = 'investment' GROUP BY ALL
    UNION ALL
    SELECT province, period, 'actual', 'provincial_task_count', sum(task_count)
      FROM tasks_by_field GROUP BY ALL
    UNION ALL
    SELECT province, period, 'actual', ip_type || '_count', count(*)
      FROM ip_assets WHERE status = 'protected' AND ip_type <> 'collective_trademark' GROUP BY ALL
    UNION ALL
    SELECT province, period, 'actual', 'collective_trademark_count_group_' || split_part(stated_group, '_', 2), count(*)
      FROM ip_assets WHERE ip_type = 'collective_trademark' AND status = 'protected' GROUP BY ALL
    UNION ALL
    SELECT province, period, 'actual', 'ip_in_progress_count', count(*)
      FROM ip_assets WHERE status = 'in_progress' GROUP BY ALL
    UNION ALL
    SELECT province, period, 'actual', 'st_organisation_count', count(*)
      FROM organisations GROUP BY ALL
    UNION ALL
    SELECT province, period, 'actual', 'halted_project_count', count(*)
      FROM infrastructure_projects WHERE status = 'halted' GROUP BY ALL
"""

TOTAL_CHECKS = {
    "every stated total equals the sum of its parts": f"""
        SELECT t.total_id, t.metric, t.stated_value, c.value AS computed
        FROM document_totals t LEFT JOIN ({COMPUTED_TOTALS}) c
          ON c.province = t.province AND c.period = t.period AND c.basis = t.basis AND c.metric = t.metric
        WHERE c.value IS NULL OR c.value <> t.stated_value""",
    "stated 2021 total = stated recurrent + stated investment": """
        SELECT tot.province, tot.period, tot.stated_value AS total, r.stated_value AS recurrent,
               i.stated_value AS investment
        FROM document_totals tot
        JOIN document_totals r ON r.province = tot.province AND r.period = tot.period
             AND r.basis = tot.basis AND r.metric = 'recurrent_mvnd'
        JOIN document_totals i ON i.province = tot.province AND i.period = tot.period
             AND i.basis = tot.basis AND i.metric = 'investment_mvnd' AND i.section = tot.section
        WHERE tot.metric = 'budget_total_mvnd' AND tot.stated_value <> r.stated_value + i.stated_value""",
    "every budget total stated is checked (a plan period has a stated total)": """
        SELECT DISTINCT province, period, basis FROM budget_lines
        ANTI JOIN (SELECT * FROM document_totals WHERE metric IN ('budget_total_mvnd', 'investment_mvnd'))
        USING (province, period, basis)""",
}


# Figures that must be written, in some spelling, inside their own quote: (table, column, is money)
FIGURES_IN_QUOTES = [
    ("budget_lines", "amount_mvnd", True),
    ("infrastructure_projects", "approved_total_mvnd", True),
    ("document_totals", "stated_value", False),
    ("indicators", "value", False),
    ("tasks_by_field", "task_count", False),
    ("organisations", "founded_year", False),
]


def _figures_in_quotes(tables: dict[str, pa.Table]) -> list[str]:
    """Check 'every figure is written in its own quote', so a slip of magnitude or digit fails."""
    failures = []
    for table, column, money in FIGURES_IN_QUOTES:
        rows = tables[table].select([column, "source_quote", "founded_quote"] if table == "organisations"
                                    else [column, "source_quote"]).to_pylist()
        bad = []
        for r in rows:
            quote = r.get("founded_quote") or r["source_quote"]
            value = r[column]
            if value is None or value == 0:
                continue  # a zero is stated in words ("chưa có ... nào")
            if not document.figure_in_quote(decimal.Decimal(value), quote, money):
                bad.append((value, quote[:60]))
        if bad:
            failures.append(f"check '{table}.{column}: every figure is written in its own quote' failed: {bad[:5]}")
    return failures


def run_checks(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Runs every check; returns messages for the failed ones (empty when all pass)."""
    failures = []
    all_checks = {**_generated_checks(), **RELATIONSHIP_CHECKS, **TOTAL_CHECKS}
    for name, sql in all_checks.items():
        rows = con.execute(sql).fetchall()
        if rows:
            shown = "; ".join(repr(r) for r in rows[:10])
            failures.append(f"check {name!r} failed for {len(rows)} row(s): {shown}")
    for t in schema.TABLES.values():
        for col in t.columns:
            if col.accepted is None:
                continue
            # typing already refused these; kept as a query so a hand-edited Parquet is caught too
            bad = con.execute(
                f"SELECT {col.name} FROM {t.name} WHERE {col.name} IS NOT NULL "
                f"AND NOT list_contains($ok, {col.name})", {"ok": list(col.accepted)}
            ).fetchall()
            if bad:
                failures.append(f"check '{t.name}.{col.name} has accepted values' failed: {bad[:5]}")
    return failures


# ---------------------------------------------------------------------------------------------
# Build


def input_files(source_dir: Path = SOURCE_DIR, geojson_path: Path = GEOJSON_PATH) -> list[Path]:
    code = [Path(__file__), Path(schema.__file__), Path(document.__file__)]
    return sorted(source_dir.glob("*.csv")) + [source_dir / "document.txt", geojson_path] + code


def fingerprint(files: list[Path]) -> str:
    h = hashlib.sha256(BUILD_VERSION.encode())
    for p in files:
        h.update(p.name.encode())
        h.update(p.read_bytes())
    return h.hexdigest()


def build(source_dir: Path = SOURCE_DIR, parquet_dir: Path = PARQUET_DIR,
          geojson_path: Path = GEOJSON_PATH) -> dict[str, int]:
    """Validates the sources and writes one Parquet file per table. Returns row counts.

    Raises BuildError (a ValueError) naming the failed check and its rows; then nothing is written.
    """
    source_dir, parquet_dir = Path(source_dir), Path(parquet_dir)
    raw = (source_dir / "document.txt").read_text(encoding="utf-8")
    text = document.normalise(raw)
    try:
        sections = document.read_sections(raw, source_dir / "sections.csv")
    except ValueError as exc:
        raise BuildError(str(exc)) from exc

    citations: dict[str, tuple] = {}
    tables: dict[str, pa.Table] = {}
    for t in schema.TABLES.values():
        tbl = read_table(source_dir, t)
        if t.name == "sections":
            tables["sections"] = _sections_table(sections, text, tbl)
            continue
        tables[t.name] = _with_citations(tbl, t, text, sections, citations)
    tables["districts"] = _districts_table(geojson_path)
    tables["citations"] = pa.table({
        "cite_id": list(citations),
        "section": [c[0] for c in citations.values()],
        "quote_vi": [c[1] for c in citations.values()],
        "start_offset": pa.array([c[2] for c in citations.values()], pa.int32()),
        "length": pa.array([c[3] for c in citations.values()], pa.int32()),
    })

    con = duckdb.connect()
    for name, tbl in tables.items():
        con.register(f"_arrow_{name}", tbl)
        con.execute(f"CREATE TABLE {schema.sql_name(name)} AS SELECT * FROM {schema.sql_name('_arrow_' + name)}")
    failures = run_checks(con) + _figures_in_quotes(tables)
    con.close()
    if failures:
        raise BuildError("build refused, no Parquet written:\n- " + "\n- ".join(failures))

    _write_atomically(tables, parquet_dir, fingerprint(input_files(source_dir, geojson_path)))
    return {name: tbl.num_rows for name, tbl in tables.items()}


def _write_atomically(tables: dict[str, pa.Table], parquet_dir: Path, fp: str) -> None:
    parquet_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".parquet-", dir=parquet_dir.parent))
    try:
        for name, tbl in tables.items():
            pq.write_table(tbl, tmp / f"{name}.parquet")
        (tmp / "_manifest.json").write_text(json.dumps(
            {"fingerprint": fp, "built_at": dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat(),
             "tables": {n: t.num_rows for n, t in tables.items()}}, indent=1))
        # mkdtemp makes the folder private (0700); the data is for every account that runs the app
        os.chmod(tmp, 0o755)
        for path in tmp.iterdir():
            os.chmod(path, 0o644)
        old = parquet_dir.with_name(parquet_dir.name + ".old")
        if old.exists():
            shutil.rmtree(old)
        if parquet_dir.exists():
            os.rename(parquet_dir, old)
        os.rename(tmp, parquet_dir)
        shutil.rmtree(old, ignore_errors=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def is_current(parquet_dir: Path = PARQUET_DIR, source_dir: Path = SOURCE_DIR,
               geojson_path: Path = GEOJSON_PATH) -> bool:
    manifest = Path(parquet_dir) / "_manifest.json"
    try:
        fp = json.loads(manifest.read_text())["fingerprint"]
    except (OSError, ValueError, KeyError):
        return False
    return fp == fingerprint(input_files(source_dir, geojson_path))


@contextmanager
def lock(parquet_dir: Path):
    """The build's file lock (one process builds at a time)."""
    parquet_dir.parent.mkdir(parents=True, exist_ok=True)
    with open(parquet_dir.parent / ".build.lock", "w") as f:
        fcntl.flock(f, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)


def ensure_built(parquet_dir: Path = PARQUET_DIR, source_dir: Path = SOURCE_DIR) -> bool:
    """Builds when the Parquet is missing or was built from other sources. True if it built."""
    if is_current(parquet_dir, source_dir):
        return False
    with lock(Path(parquet_dir)):
        if is_current(parquet_dir, source_dir):  # another process built it meanwhile
            return False
        build(source_dir, parquet_dir)
        return True


def main(argv: list[str]) -> int:
    source_dir = Path(argv[0]) if argv else SOURCE_DIR
    parquet_dir = Path(argv[1]) if len(argv) > 1 else PARQUET_DIR
    try:
        with lock(parquet_dir):
            counts = build(source_dir, parquet_dir)
    except BuildError as exc:
        print(exc, file=sys.stderr)
        return 1
    for name, n in sorted(counts.items()):
        print(f"{name:32s} {n:5d} rows")
    print(f"wrote {len(counts)} Parquet files to {parquet_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
