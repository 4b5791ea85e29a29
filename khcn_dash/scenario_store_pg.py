"""Saved scenarios on a PostgreSQL server, shared by every app process and replica. No Streamlit here.

KHCN_SCENARIO_DB=postgresql://user:password@host:5432/dbname picks this backend (see
scenario_store.open_store). Same API and behaviour as the DuckDB file (scenario_store_base.Store;
the SQL of both side by side in scenario_sql); what differs is the connection:

- one connection pool per process (psycopg_pool), up to POOL_MAX connections; each is checked before
  use, so connections a server restart broke are replaced without the user seeing an error;
- the schema is created or upgraded on the first connection, under a lock, so replicas starting
  together do it once;
- writers of one scenario take turns through a transaction-scoped advisory lock, so versions saved
  at once by several processes get distinct numbers, and a process killed mid-save leaves nothing:
  the server rolls back its open transaction and releases its lock;
- a server that is down or cannot be reached raises StoreUnavailable("unreachable") within seconds
  (never a hang), and open_store() drops such a store so that the app reconnects by itself when the
  server is back.
"""
from __future__ import annotations

from contextlib import contextmanager

import psycopg
from psycopg_pool import ConnectionPool, PoolTimeout

from .scenario_store_base import Store, StoreUnavailable

POOL_MAX = 10          # connections per app process
CONNECT_TIMEOUT = 3    # seconds to reach the server (libpq's minimum is 2)
WAIT_TIMEOUT = 10      # seconds an operation waits for a free connection of the pool
CHECK_TIMEOUT = 2      # seconds open_store() waits to know the server is there
# The server answered and refused us (wrong password, no such database, no such role), or the URL is
# malformed: a setting to fix, not an outage. SQLSTATE classes 28 (invalid authorization), 3D (invalid
# catalog name); libpq's own words for the rest.
_REFUSED_STATES = ("28", "3D")
_REFUSED_WORDS = ("authentication failed", "does not exist", "no password supplied", "no pg_hba.conf entry",
                  "connection option", "invalid uri", "invalid integer value", "invalid percent-encoded")


class PgScenarioStore(Store):
    """Named, versioned scenarios in a PostgreSQL database (the tables are made on first use)."""

    dialect = "postgres"
    driver_errors = (psycopg.Error,)

    def __init__(self, url: str):
        self.url = url
        self._connect_kwargs = {"autocommit": True, "connect_timeout": CONNECT_TIMEOUT,
                                "application_name": "khcn-dash"}
        try:  # the schema first, on a connection of its own: fails at once when the server is down
            with self._connect() as con, con.transaction():
                self._migrate(con.cursor())
        except psycopg.Error as exc:
            reason = self._reason(exc)
            raise StoreUnavailable("broken" if reason == "failed" else reason, str(exc)) from exc
        self._pool = ConnectionPool(url, kwargs=self._connect_kwargs, min_size=1, max_size=POOL_MAX,
                                    timeout=WAIT_TIMEOUT, check=ConnectionPool.check_connection,
                                    name="khcn-scenarios", open=True)

    def _connect(self) -> psycopg.Connection:
        return psycopg.connect(self.url, **self._connect_kwargs)

    def _reason(self, exc: BaseException) -> str:
        if isinstance(exc, psycopg.OperationalError):  # includes the pool's PoolTimeout and PoolClosed
            state = getattr(exc, "sqlstate", None) or ""
            refused = state[:2] in _REFUSED_STATES or any(w in str(exc).lower() for w in _REFUSED_WORDS)
            return "broken" if refused else "unreachable"
        return "failed"

    @contextmanager
    def _transaction(self):
        """One write transaction on a connection of the pool (see Store._transaction)."""
        with self._pool.connection() as con, con.transaction():
            yield con.cursor()

    def _rows(self, sql: str, params: dict) -> list[tuple]:
        with self._pool.connection() as con:
            return con.execute(sql, params or None).fetchall()

    def check(self) -> None:
        """A connection within CHECK_TIMEOUT, or StoreUnavailable("unreachable"). A pool that is
        only busy (every connection in use) is not an outage: then a connection of its own tells."""
        try:
            with self._pool.connection(timeout=CHECK_TIMEOUT):
                return
        except PoolTimeout:
            pass
        except psycopg.Error as exc:
            raise self._unavailable(exc) from exc
        try:
            self._connect().close()
        except psycopg.Error as exc:
            raise self._unavailable(exc) from exc

    def close(self) -> None:
        self._pool.close(timeout=1.0)
