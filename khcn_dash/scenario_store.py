"""Saved scenarios: where they are kept, and the embedded DuckDB backend. No Streamlit here.

KHCN_SCENARIO_DB picks the backend (open_store()):
- a file path, or nothing (data/scenarios.duckdb): an embedded DuckDB file, this module. One
  connection per process and file; writes are serialised by a lock and each save is one
  transaction, so 20 threads saving at once lose nothing and a process killed in the middle of a save
  leaves the file with every earlier save intact (DuckDB replays its write-ahead log of committed
  transactions when the file is opened again). One process at a time may hold the file.
- a postgresql:// URL: a PostgreSQL server shared by every app process and replica
  (scenario_store_pg.PgScenarioStore, a connection pool).

Both offer the same API and behave the same (scenario_store_base.Store; their SQL side by side in
scenario_sql). A file locked by another process, one that cannot be written, or a server that cannot
be reached raises StoreUnavailable (with a `reason`) so the page can say so and keep working without
saving; a read-only file is opened read-only: saved scenarios can still be listed and opened.
"""
from __future__ import annotations

import os
import tempfile
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import duckdb

from . import config
from .scenario_sql import SQL
from .scenario_store_base import RETRY_WINDOW, SCHEMA_VERSION, NotFound, Saved, Store, StoreUnavailable, valid_id

__all__ = ["ENV_VAR", "RETRY_WINDOW", "SCHEMA_VERSION", "NotFound", "Saved", "ScenarioStore", "Store",
           "StoreUnavailable", "close_all", "db_target", "is_url", "new_store", "open_store", "valid_id"]
ENV_VAR = "KHCN_SCENARIO_DB"
URL_SCHEMES = ("postgresql://", "postgres://")


def db_target() -> Path | str:
    """Where the scenarios are kept: $KHCN_SCENARIO_DB (a file path, or a postgresql:// URL),
    else data/scenarios.duckdb."""
    raw = os.environ.get(ENV_VAR, "").strip()
    if is_url(raw):
        return raw
    return Path(raw) if raw else config.DATA_DIR / "scenarios.duckdb"


def is_url(target) -> bool:
    """True for a PostgreSQL connection URL (the other backend)."""
    return isinstance(target, str) and target.startswith(URL_SCHEMES)


def _classify(exc: Exception) -> str:
    text = str(exc).lower()
    if "lock" in text:
        return "locked"
    if "not a valid duckdb database" in text or "corrupt" in text:
        return "broken"
    if isinstance(exc, duckdb.IOException):
        return "read_only"
    return "broken"


def _check_path(path: Path) -> None:
    """A KHCN_SCENARIO_DB that cannot hold a database file is named for what it is."""
    if path.is_dir():
        raise StoreUnavailable("is_dir", str(path))
    for parent in path.parents:
        if parent.exists():
            if not parent.is_dir():
                raise StoreUnavailable("bad_parent", str(parent))
            break
    if not path.parent.exists():
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreUnavailable("cannot_create", str(exc)) from exc


def _folder_writable(folder: Path) -> bool:
    """Whether a file can be made in `folder` (tried, not guessed: root ignores permission bits,
    not an immutable or read-only mounted folder)."""
    try:
        with tempfile.TemporaryFile(dir=folder):
            return True
    except OSError:
        return False


class ScenarioStore(Store):
    """Named, versioned scenarios in one DuckDB file."""

    dialect = "duckdb"
    driver_errors = (duckdb.Error,)

    def __init__(self, path: Path | str):
        self.path = Path(path)
        self._lock = threading.Lock()
        self.read_only = False
        self.read_only_reason: str | None = None
        _check_path(self.path)
        try:
            self._con = duckdb.connect(str(self.path))
        except (duckdb.Error, OSError) as exc:
            reason = _classify(exc)
            if reason == "locked":
                raise StoreUnavailable("locked", str(exc)) from exc
            if not self.path.exists():
                raise StoreUnavailable("cannot_create", str(exc)) from exc
            self._open_read_only("read_only")
        else:
            if not _folder_writable(self.path.parent):
                # DuckDB writes a journal beside the file: in a folder that cannot be written every
                # save would fail, so say so now and open the file for reading only
                self._con.close()
                self._open_read_only("read_only_folder")
        try:
            if not self.read_only:
                with self._transaction() as cur:
                    self._migrate(cur)
            self._has_table = bool(self._con.execute(SQL["has_table"]["duckdb"]).fetchone()[0])
        except duckdb.Error as exc:
            self._con.close()
            raise StoreUnavailable("broken", str(exc)) from exc

    def _open_read_only(self, why: str) -> None:
        """A file we may read but not write: list and open, no saving."""
        try:
            self._con = duckdb.connect(str(self.path), read_only=True)
        except duckdb.Error as exc:
            raise StoreUnavailable(_classify(exc), str(exc)) from exc
        self.read_only, self.read_only_reason = True, why

    @contextmanager
    def _transaction(self):
        """One write transaction under the store's lock (see Store._transaction)."""
        with self._lock:
            cur = self._con.cursor()
            try:
                cur.execute("BEGIN TRANSACTION")
                yield cur
                cur.execute("COMMIT")
            except BaseException:
                try:
                    cur.execute("ROLLBACK")
                except duckdb.Error:
                    pass
                raise
            finally:
                cur.close()

    def _rows(self, sql: str, params: dict) -> list[tuple]:
        # A DuckDB connection is not thread-safe: each read gets its own cursor.
        if not self._has_table:  # a read-only file made before any save
            return []
        cur = self._con.cursor()
        try:
            return cur.execute(sql, params or None).fetchall()
        finally:
            cur.close()

    def close(self) -> None:
        with self._lock:
            self._con.close()


def new_store(target: Path | str) -> Store:
    """A store of its own for `target` (a file path or a postgresql:// URL), not shared; the caller
    closes it. StoreUnavailable when it cannot be opened."""
    if is_url(target):
        from .scenario_store_pg import PgScenarioStore  # psycopg is loaded only when a server is used
        return PgScenarioStore(target)
    return ScenarioStore(target)


_stores: dict[Path | str, Store] = {}
_unreachable: dict[str, tuple[float, StoreUnavailable]] = {}  # url -> (when, why) of its last failure
_stores_lock = threading.Lock()
RETRY_UNREACHABLE = 3.0  # seconds before a server found unreachable is tried again


def open_store(target: Path | str | None = None) -> Store:
    """The process's store for `target` (default db_target()), opened on first use and shared by
    every session. A failure is not kept: the next call tries again (the other process may have let
    go of the file, the server may be back). A server store that cannot be reached now is dropped,
    so a later call starts afresh rather than keep a dead one; for RETRY_UNREACHABLE seconds after
    that, calls fail at once instead of each waiting for the network to time out."""
    target = target or db_target()
    key = target if is_url(target) else Path(target).resolve()
    with _stores_lock:
        store = _stores.get(key)
        if store is None:
            failed = _unreachable.get(key)
            if failed and time.monotonic() - failed[0] < RETRY_UNREACHABLE:
                raise StoreUnavailable(failed[1].reason, failed[1].detail)
            try:
                store = new_store(key)
            except StoreUnavailable as exc:
                _remember_failure(key, exc)
                raise
            _unreachable.pop(key, None)
            _stores[key] = store
    try:
        store.check()
    except StoreUnavailable as exc:
        with _stores_lock:
            if _stores.get(key) is store:
                del _stores[key]
            _remember_failure(key, exc)
        store.close()
        raise
    return store


def _remember_failure(key, exc: StoreUnavailable) -> None:
    if exc.reason == "unreachable":
        _unreachable[key] = (time.monotonic(), exc)


def close_all() -> None:
    """Closes every open store (tests)."""
    with _stores_lock:
        for store in _stores.values():
            try:
                store.close()
            except Exception:  # noqa: BLE001 - closing what is left; nothing to report
                pass
        _stores.clear()
        _unreachable.clear()
