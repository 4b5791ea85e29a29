"""Synthetic national-scale Parquet with the project's exact schema (the benchmark's data).

Shape: `provinces` provinces (Lạng Sơn plus made-up ones) × `years` yearly documents
(plans for 2012–2021, each with its review of the five years before). Every province-scoped
table of the real build is repeated once per document, with its ids made unique per document,
its province and period replaced and its period_start/period_end shifted; codes (field_code,
area_code, ip_type, ...) stay as they are, as they would in a real national dataset. The real
(Lạng Sơn, 2021) document keeps its own ids. `budget_lines` is padded to `lines_per_doc`
per document (about 1 million at 63 × 10) with deterministic pseudo-random amounts, mostly
recurrent lines and some investment lines of the document's projects.

`sections` has no province or period column (it is the one document's outline) and is copied
as is; `citations` is repeated per document. Amounts are made up: only the sizes matter.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pyarrow.parquet as pq

from khcn_dash import documents

REAL_PROVINCE = "lang-son"
REAL_YEAR = 2021
# entity ids: unique per document, so suffixed with the document's tag
ID_COLUMNS = {
    "budget_line_id", "project_id", "total_id", "indicator_id", "task_id", "highlight_id", "asset_id",
    "org_id", "instrument_id", "direction_id", "action_id", "limitation_id", "recommendation_id",
    "item_id", "cite_id", "status_cite_id", "founded_cite_id", "doc_id",
}
# DuckDB's own row-group size: a scan can skip the other provinces' row groups and use both cores
# (pyarrow's default, 1 Mi rows, would put all of budget_lines in one row group).
ROW_GROUP_ROWS = 122_880
PER_PROVINCE = {"districts"}            # one copy per province, not per year
AS_IS = {"sections"}                    # the document's outline: no province, no period


def _tables(source_dir: Path) -> dict[str, Path]:
    return {p.stem: p for p in sorted(Path(source_dir).glob("*.parquet"))}


def _select_list(columns: list[str]) -> str:
    out = []
    for c in columns:
        if c in ID_COLUMNS:
            out.append(f"CASE WHEN t.{c} IS NULL THEN NULL ELSE t.{c} || d.tag END AS {c}")
        elif c == "district_id":
            out.append(f"t.{c} || d.ptag AS {c}")
        elif c == "province":
            out.append("d.province AS province")
        elif c == "period":
            out.append("""CASE WHEN t.period_start = t.period_end
                               THEN CAST(t.period_start + d.shift AS VARCHAR)
                               ELSE CAST(t.period_start + d.shift AS VARCHAR) || '-'
                                    || CAST(t.period_end + d.shift AS VARCHAR) END AS period""")
        elif c in ("period_start", "period_end"):
            out.append(f"t.{c} + d.shift AS {c}")
        else:
            out.append(f"t.{c}")
    return ", ".join(out)


def _synthetic_budget_lines(columns: list[str], extra_per_doc: int) -> str:
    """Made-up lines per document: 95 % recurrent (no project), 5 % investment in its projects."""
    values = {
        "budget_line_id": "'syn-' || CAST(i AS VARCHAR) || d.tag",
        "province": "d.province",
        "period": "CASE WHEN i % 4 = 0 THEN CAST(2016 + d.shift AS VARCHAR) || '-' || CAST(2020 + d.shift AS VARCHAR)"
                  " ELSE CAST(2021 + d.shift AS VARCHAR) END",
        "basis": "CASE WHEN i % 4 = 0 THEN 'allocated' ELSE 'plan' END",
        "funding_kind": "CASE WHEN i % 20 = 0 THEN 'investment' ELSE 'recurrent' END",
        "project_id": "CASE WHEN i % 20 = 0 THEN p.project_id || d.tag ELSE NULL END",
        "amount_mvnd": "CAST((hash(i, d.tag) % 5000000) / 1000.0 AS DECIMAL(18, 3))",
        "project_status": "CASE WHEN i % 20 = 0 THEN 'continuing' ELSE NULL END",
        "funder": "NULL",
        "section": "'B.II'",
        "source_quote": "'(synthetic line)'",
        "period_start": "CASE WHEN i % 4 = 0 THEN 2016 + d.shift ELSE 2021 + d.shift END",
        "period_end": "CASE WHEN i % 4 = 0 THEN 2020 + d.shift ELSE 2021 + d.shift END",
        "cite_id": "'syn' || d.tag",
    }
    missing = set(columns) - set(values)
    if missing:  # the schema grew: the generator must learn the new columns
        raise ValueError(f"synthetic budget_lines do not know columns {sorted(missing)}")
    return f"""
        SELECT {", ".join(f"{values[c]} AS {c}" for c in columns)}
        FROM docs d CROSS JOIN range({extra_per_doc}) r(i)
        JOIN (SELECT project_id, row_number() OVER (ORDER BY project_id) - 1 AS k,
                     count(*) OVER () AS n FROM src_projects) p
          ON p.k = (i // 20) % p.n"""


def generate(out_dir: Path, provinces: int = 63, years: int = 10, budget_lines: int = 1_000_000,
             source_dir: Path | None = None) -> dict[str, int]:
    """Writes the synthetic Parquet files to `out_dir`; returns rows per table."""
    if not 1 <= provinces <= 999 or not 1 <= years <= 50:
        raise ValueError("provinces must be 1–999 and years 1–50")
    source_dir = Path(source_dir or documents.default().parquet_dir)
    out_dir = Path(out_dir)
    if out_dir.exists():
        shutil.rmtree(out_dir)
    out_dir.mkdir(parents=True)
    tables = _tables(source_dir)
    con = duckdb.connect()
    con.execute("SET enable_progress_bar = false")
    try:
        for name, path in tables.items():
            con.execute(f"CREATE TABLE src_{name} AS SELECT * FROM read_parquet('{path}')")
        names = [REAL_PROVINCE] + [f"prov-{k:02d}" for k in range(1, provinces)]
        first_year = REAL_YEAR - years + 1
        con.execute("CREATE TABLE provs AS SELECT unnest($names) AS province", {"names": names})
        con.execute(f"""
            CREATE TABLE docs AS
            SELECT province, y - {REAL_YEAR} AS shift,
                   CASE WHEN province = '{REAL_PROVINCE}' AND y = {REAL_YEAR} THEN ''
                        ELSE '@' || province || '-' || CAST(y AS VARCHAR) END AS tag,
                   CASE WHEN province = '{REAL_PROVINCE}' THEN '' ELSE '@' || province END AS ptag
            FROM provs CROSS JOIN range({first_year}, {REAL_YEAR + 1}) r(y)""")
        n_docs = provinces * years
        counts: dict[str, int] = {}
        for name, path in tables.items():
            schema = pq.read_schema(path)
            cols = schema.names
            if name in AS_IS:
                sql = f"SELECT * FROM src_{name}"
            elif name in PER_PROVINCE:
                sql = f"""SELECT {_select_list(cols)} FROM src_{name} t
                          CROSS JOIN (SELECT DISTINCT province, ptag, 0 AS shift FROM docs) d"""
            else:
                sql = f"SELECT {_select_list(cols)} FROM src_{name} t CROSS JOIN docs d"
            if name == "budget_lines":
                extra = max(0, round(budget_lines / n_docs) - con.execute(
                    "SELECT count(*) FROM src_budget_lines").fetchall()[0][0])
                sql = f"({sql}) UNION ALL ({_synthetic_budget_lines(cols, extra)})"
            order = [c for c in ("province", "period") if c in cols]
            if order:  # written province by province, as a national build would
                sql = f"SELECT * FROM ({sql}) ORDER BY {', '.join(order)}"
            table = con.sql(sql).to_arrow_table().select(cols).cast(schema)
            pq.write_table(table, out_dir / path.name, row_group_size=ROW_GROUP_ROWS)
            counts[name] = table.num_rows
        return counts
    finally:
        con.close()
