"""One DuckDB connection over the Parquet files; a cursor per query.

Streamlit runs each session in its own thread and a DuckDB connection is not thread-safe, so
every query takes its own cursor from the one shared connection. Values always go in as bound
parameters ($name); the SQL text itself never contains input.
"""
from __future__ import annotations

import functools
import threading
from pathlib import Path

import duckdb
import pandas as pd
import streamlit as st

from .. import config
from ..schema import checked_name

_lock = threading.Lock()
_connections: dict[Path, duckdb.DuckDBPyConnection] = {}

# Views shared by several queries, so no query repeats a join.
_SHARED_VIEWS = {
    # each IP asset once per district it belongs to; province-wide assets get district_id NULL
    "ip_asset_districts": """
        SELECT a.*, r.district_id, r.commune_vi, r.basis AS district_basis, r.note_en AS district_note_en
        FROM ip_assets a LEFT JOIN ip_asset_areas r USING (asset_id)""",
    # every money line with its project's names
    "budget_lines_named": """
        SELECT b.*, p.name_vi, p.name_en, p.short_vi, p.short_en
        FROM budget_lines b LEFT JOIN projects p USING (project_id)""",
}


def connection(parquet_dir: Path | None = None) -> duckdb.DuckDBPyConnection:
    """The shared connection for `parquet_dir` (default: config.PARQUET_DIR), built if needed."""
    parquet_dir = Path(parquet_dir or config.PARQUET_DIR).resolve()
    with _lock:
        con = _connections.get(parquet_dir)
        if con is None:
            con = duckdb.connect()  # over what the build published (khcn_dash.publish); a query never builds
            # views made through the relational API: the names are checked, and no SQL text is built
            for path in sorted(parquet_dir.glob("*.parquet")):
                con.read_parquet(str(path)).create_view(checked_name(path.stem))
            for name, sql in _SHARED_VIEWS.items():  # constant SQL of this module
                con.sql(sql).create_view(checked_name(name))
            _connections[parquet_dir] = con
        return con


def reset() -> None:
    """Closes every connection (tests, or after a rebuild)."""
    with _lock:
        for con in _connections.values():
            con.close()
        _connections.clear()
    st.cache_data.clear()


def forget() -> None:
    """New data was published: later queries use new connections, and no cached result survives.
    Connections still in use by a running query are left to finish (not closed under it)."""
    with _lock:
        _connections.clear()
    st.cache_data.clear()


def df(sql: str, **params) -> pd.DataFrame:
    return connection().cursor().execute(sql, params).df()


def rows(sql: str, **params) -> list[tuple]:
    """Rows as Python values: DECIMAL stays decimal.Decimal (exact), unlike df()."""
    return connection().cursor().execute(sql, params).fetchall()


def cached(func):
    """st.cache_data for a query function; the plain function stays at `.uncached` (benchmarks)."""
    wrapped = st.cache_data(show_spinner=False, max_entries=256)(func)
    wrapped.uncached = func
    functools.update_wrapper(wrapped, func)
    return wrapped
