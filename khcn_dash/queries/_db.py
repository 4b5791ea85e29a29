"""One DuckDB connection per document over its Parquet files; a cursor per query.

Each document (khcn_dash.documents) is built into a Parquet folder of its own; a query runs on the
connection of the document served now (khcn_dash.served), and its cached result is kept under that
document's id, so two documents never share an answer.

Streamlit runs each session in its own thread and a DuckDB connection is not thread-safe, so
every query takes its own cursor from the one shared connection. Values always go in as bound
parameters ($name); the SQL text itself never contains input.
"""
from __future__ import annotations

import contextlib
import contextvars
import functools
import threading
from collections import OrderedDict
from pathlib import Path

import duckdb
import pandas as pd
import streamlit as st

from .. import config, served
from ..schema import checked_name

MAX_CONNECTIONS = 16  # documents with an open connection per process (about 4.5 MB each); the least recently used goes

_lock = threading.Lock()
_connections: OrderedDict[Path, duckdb.DuckDBPyConnection] = OrderedDict()
_folder: contextvars.ContextVar[Path | None] = contextvars.ContextVar("khcn_parquet", default=None)

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
    """The shared connection for `parquet_dir` (default: the served document's), made if needed."""
    parquet_dir = parquet_dir or _folder.get()
    if parquet_dir is None:
        doc = served.current()
        parquet_dir = doc.parquet_dir if doc else Path(config.PARQUET_DIR) / "(no package)"
    parquet_dir = Path(parquet_dir).resolve()
    with _lock:
        con = _connections.get(parquet_dir)
        if con is not None:
            _connections.move_to_end(parquet_dir)
        else:
            con = duckdb.connect()  # over what the build published (khcn_dash.publish); a query never builds
            # views made through the relational API: the names are checked, and no SQL text is built
            for path in sorted(parquet_dir.glob("*.parquet")):
                con.read_parquet(str(path)).create_view(checked_name(path.stem))
            for name, sql in _SHARED_VIEWS.items():  # constant SQL of this module
                con.sql(sql).create_view(checked_name(name))
            _connections[parquet_dir] = con
            while len(_connections) > MAX_CONNECTIONS:
                _connections.popitem(last=False)  # not closed: a query still running keeps it until it ends
        return con


@contextlib.contextmanager
def parquet_folder(path: Path):
    """Queries in the block read these Parquet files instead of the served document's (the
    benchmark's national-scale data; not cached results, which are keyed by document)."""
    token = _folder.set(Path(path))
    try:
        yield
    finally:
        _folder.reset(token)


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
    """st.cache_data for a query function, keyed by the served document as well as the arguments;
    the plain function stays at `.uncached` (benchmarks)."""
    def per_document(doc_id: str, args: tuple, kwargs: dict):
        return func(*args, **kwargs)

    # the cache is told apart by module and name (set before st.cache_data reads them)
    per_document.__module__, per_document.__qualname__ = func.__module__, func.__qualname__
    per_document = st.cache_data(show_spinner=False, max_entries=256)(per_document)

    @functools.wraps(func)
    def wrapped(*args, **kwargs):
        return per_document(served.doc_id(), args, kwargs)

    wrapped.uncached = func
    wrapped.clear = per_document.clear
    return wrapped
