"""A package's CSVs -> checks -> typed Parquet.   python -m khcn_dash.build [SOURCE_DIR [PARQUET_DIR]]

Each package (khcn_dash.documents) is built into a folder of its own under config.PARQUET_DIR, named
by its id. With no argument, the command builds every package; with a package folder, that one.

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

from . import checks, config, document, geo, schema
from .packages import descriptor

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


def _districts_table(geojson_path: Path, province: str) -> pa.Table:
    """The package's districts, from its GeoJSON (none when it brings no boundaries)."""
    gj = json.loads(geojson_path.read_text(encoding="utf-8")) if geojson_path.is_file() else {"features": []}
    props = [f["properties"] for f in gj["features"]]
    return pa.table({
        "district_id": pa.array([p["district_id"] for p in props], pa.string()),
        "province": pa.array([province] * len(props), pa.string()),
        "name_vi": pa.array([p["name_vi"] for p in props], pa.string()),
        "name_en": pa.array([p["name_en"] for p in props], pa.string()),
        "gso_code": pa.array([p["gso_code"] for p in props], pa.string()),
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
            if quote is None:  # an optional extra quote (e.g. a status's sentence) left empty
                ids.append(None)
                continue
            at = document.locate_quote(text, sections, sec, quote)
            cid = _cite_id(sec, quote) if at is not None else None
            if cid:
                citations[cid] = (sec, document.normalise(quote), at, len(document.normalise(quote)))
            ids.append(cid)
        out = out.append_column(f"{prefix}cite_id", pa.array(ids, pa.string()))
    return out


# ---------------------------------------------------------------------------------------------
# Build


def _paths(source_dir, parquet_dir=None, geojson_path=None) -> tuple[Path, Path, Path]:
    """The defaults: the example package (config.SOURCE_DIR), its own GeoJSON, and its own folder
    under config.PARQUET_DIR (named by the folder, which is the package's id)."""
    source_dir = Path(source_dir or config.SOURCE_DIR)
    parquet_dir = Path(parquet_dir or Path(config.PARQUET_DIR) / source_dir.name)
    return source_dir, parquet_dir, Path(geojson_path or source_dir / config.GEOJSON_NAME)


def input_files(source_dir: Path | None = None, geojson_path: Path | None = None) -> list[Path]:
    source_dir, _, geojson_path = _paths(source_dir, None, geojson_path)
    code = [Path(__file__), Path(schema.__file__), Path(document.__file__), Path(checks.__file__), Path(geo.__file__),
            Path(descriptor.__file__)]
    return (sorted(source_dir.glob("*.csv")) + [source_dir / config.DESCRIPTOR, source_dir / "document.txt",
                                                 geojson_path] + code)


def fingerprint(files: list[Path]) -> str:
    h = hashlib.sha256(BUILD_VERSION.encode())
    for p in files:
        h.update(p.name.encode())
        if p.name == config.GEOJSON_NAME.name and not p.exists():
            h.update(b"(no district boundaries)")  # optional: a package may bring none
            continue
        h.update(p.read_bytes())
    return h.hexdigest()


def build(source_dir: Path | None = None, parquet_dir: Path | None = None,
          geojson_path: Path | None = None) -> dict[str, int]:
    """Validates the sources and writes one Parquet file per table. Returns row counts.

    Raises BuildError (a ValueError) naming the failed check and its rows; then nothing is written.
    """
    source_dir, parquet_dir, geojson_path = _paths(source_dir, parquet_dir, geojson_path)
    try:
        who = descriptor.identity(source_dir)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise BuildError(f"{config.DESCRIPTOR}: missing or unreadable ({exc})") from exc
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
    tables["package"] = pa.table({"package_id": [who.package_id], "province": [who.province_id],
                                  "plan_year": pa.array([who.plan_year], pa.int32()),
                                  "review_period": [who.review_period]})
    tables["districts"] = _districts_table(geojson_path, who.province_id)
    tables["district_geometry"] = geo.district_geometry(geojson_path)
    tables["citations"] = pa.table({
        "cite_id": list(citations),
        "section": [c[0] for c in citations.values()],
        "quote_vi": [c[1] for c in citations.values()],
        "start_offset": pa.array([c[2] for c in citations.values()], pa.int32()),
        "length": pa.array([c[3] for c in citations.values()], pa.int32()),
    })

    con = duckdb.connect()
    for name, tbl in tables.items():  # the checks read the typed tables by name; no SQL is built here
        con.register(schema.checked_name(name), tbl)
    failures = checks.run_checks(con) + checks.figures_in_quotes(tables) + checks.values_in_quotes(tables)
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


def is_current(parquet_dir: Path | None = None, source_dir: Path | None = None,
               geojson_path: Path | None = None) -> bool:
    source_dir, parquet_dir, geojson_path = _paths(source_dir, parquet_dir, geojson_path)
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


def ensure_built(parquet_dir: Path | None = None, source_dir: Path | None = None) -> bool:
    """Builds when the Parquet is missing or was built from other sources. True if it built."""
    source_dir, parquet_dir, _ = _paths(source_dir, parquet_dir)
    if is_current(parquet_dir, source_dir):
        return False
    with lock(Path(parquet_dir)):
        if is_current(parquet_dir, source_dir):  # another process built it meanwhile
            return False
        build(source_dir, parquet_dir)
        return True


def main(argv: list[str]) -> int:
    if argv:
        targets = [_paths(argv[0], argv[1] if len(argv) > 1 else None)[:2]]
    else:
        targets = [(folder, Path(config.PARQUET_DIR) / folder.name) for folder in config.package_dirs()]
        if not targets:
            print(f"no package in {config.PACKAGES_DIR}", file=sys.stderr)
            return 1
    status = 0
    for source_dir, parquet_dir in targets:
        try:
            with lock(parquet_dir):
                counts = build(source_dir, parquet_dir)
        except BuildError as exc:
            print(f"{source_dir.name}: {exc}", file=sys.stderr)
            status = 1
            continue
        for name, n in sorted(counts.items()):
            print(f"{name:32s} {n:5d} rows")
        print(f"wrote {len(counts)} Parquet files to {parquet_dir}")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
