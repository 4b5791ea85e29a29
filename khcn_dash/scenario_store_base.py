"""What the two scenario stores share: the API, its rules and its errors. No Streamlit here.

A backend (scenario_store.ScenarioStore: an embedded DuckDB file; scenario_store_pg.PgScenarioStore:
a PostgreSQL server) supplies its connection: `_transaction()` (one write transaction, yielding a
cursor), `_rows()` (one read), `_reason()` (what its driver's errors mean) and `check()`/`close()`.
Every statement is in scenario_sql, written for both side by side; the steps of a save, a delete or
a read are written once, here, so both backends behave the same.

Saving never overwrites: a scenario is a series of versions; saving an edit adds the next version
and older versions stay readable. Deleting removes every version of one scenario.
"""
from __future__ import annotations

import datetime as dt
import json
import re
import secrets
from contextlib import contextmanager

from . import documents, served
from .scenario import check_payload, clean_meta
from .scenario_sql import MIGRATIONS, SQL

SCHEMA_VERSION = MIGRATIONS[-1][0]
RETRY_WINDOW = dt.timedelta(minutes=15)  # an identical new scenario saved this recently is a retry
_ID_RE = re.compile(r"^[A-Za-z0-9_-]{11}$")  # secrets.token_urlsafe(8)


class StoreUnavailable(Exception):
    """The store cannot be used for this. `reason`: locked (another process holds the file),
    read_only (opened read-only: nothing can be saved or deleted), broken (not a database we can
    open, or a server that refuses us: unknown database, wrong password), failed (an operation
    failed; nothing was changed), unreachable (the PostgreSQL server is down or cannot be reached;
    the app reconnects by itself when it is back), and, for a KHCN_SCENARIO_DB file path that cannot
    hold a database at all: is_dir (it names a folder), bad_parent (a part of the path is a file),
    cannot_create (no file there, and none can be made)."""

    def __init__(self, reason: str, detail: str = ""):
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail


class NotFound(LookupError):
    """No scenario with this id; or, with `latest` set, the scenario exists but not the version asked
    for (`latest` is its newest version)."""

    def __init__(self, scenario_id, version: int | None = None, latest: int | None = None):
        super().__init__(scenario_id)
        self.version, self.latest = version, latest


class Saved(tuple):
    """What save() returns: (scenario_id, version), unpacked like a pair; `existing` is True when
    the same save had already been stored (a retry) and nothing new was written."""

    def __new__(cls, scenario_id: str, version: int, existing: bool = False):
        out = super().__new__(cls, (scenario_id, version))
        out.existing = existing
        return out


def valid_id(value) -> bool:
    """True for a string shaped like the ids this store makes (checked before any query)."""
    return isinstance(value, str) and bool(_ID_RE.match(value))


def _doc(doc_id: str | None) -> str:
    """The document a call is about: `doc_id`, or the one served now (khcn_dash.served)."""
    return doc_id if doc_id is not None else served.doc_id()


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


class Store:
    """Named, versioned scenarios. Subclasses set `dialect` (a key of scenario_sql.SQL) and
    `driver_errors` (their driver's exception classes), and supply the connection."""

    dialect: str = ""
    driver_errors: tuple[type[BaseException], ...] = ()
    read_only = False
    read_only_reason: str | None = None  # read_only (the file) or read_only_folder

    # -- what a backend supplies ------------------------------------------------------------
    @contextmanager
    def _transaction(self):
        """One write transaction: committed when the block ends, rolled back (and the error raised
        again) when it fails, so a failed write leaves nothing behind. Yields a cursor."""
        raise NotImplementedError
        yield

    def _rows(self, sql: str, params: dict) -> list[tuple]:
        raise NotImplementedError

    def _reason(self, exc: BaseException) -> str:
        """The StoreUnavailable reason for one of the driver's errors."""
        return "failed"

    def check(self) -> None:
        """Raises StoreUnavailable when the store cannot be used now (open_store() calls it)."""

    def close(self) -> None:
        raise NotImplementedError

    # -- shared steps -------------------------------------------------------------------------
    def _run(self, cur, statement: str, /, **params):
        """Runs one statement of scenario_sql on `cur` (returns the cursor; None when this backend
        needs no statement for that step)."""
        sql = SQL[statement][self.dialect]
        return None if sql is None else cur.execute(sql, params or None)

    def _unavailable(self, exc: BaseException) -> StoreUnavailable:
        return StoreUnavailable(self._reason(exc), str(exc))

    def _migrate(self, cur) -> int:
        """Creates or upgrades the schema (in the caller's transaction); returns its version. Steps
        already applied are skipped, and each step is idempotent anyway."""
        self._run(cur, "lock_schema")
        self._run(cur, "create_meta")
        row = self._run(cur, "schema_version").fetchone()
        found = int(row[0]) if row else 0
        current = found
        for version, steps in MIGRATIONS:
            if version > current:
                cur.execute(steps[self.dialect])
                current = version
        if found < 2 <= current:  # saved before documents could be chosen: the default document's
            default = documents.default()
            self._run(cur, "adopt_legacy", doc=default.id if default else "")
        if current != found or row is None:
            self._run(cur, "set_schema_version", v=str(current))
        return current

    def schema_version(self) -> int | None:
        rows = self._query("schema_version")
        return int(rows[0][0]) if rows else None

    def _writable(self) -> None:
        if self.read_only:
            raise StoreUnavailable(self.read_only_reason or "read_only", str(getattr(self, "path", "")))

    def _query(self, statement: str, /, **params) -> list[tuple]:
        try:
            return self._rows(SQL[statement][self.dialect], params)
        except self.driver_errors as exc:
            raise self._unavailable(exc) from exc

    # -- writing ------------------------------------------------------------------------------
    def _write_version(self, cur, scenario_id: str, version: int, meta: dict, payload_json: str, doc: str) -> None:
        self._run(cur, "insert_version", id=scenario_id, version=version, name=meta["name"],
                  author=meta["author"], note=meta["note"], at=_utcnow(), payload=payload_json, doc=doc)

    def save(self, payload: dict, name: str, author: str = "", note: str = "",
             scenario_id: str | None = None, doc_id: str | None = None) -> Saved:
        """Saves a new scenario (scenario_id None) or a new version of an existing one, in document
        `doc_id` (default: the served one; every method takes it, and sees that document's scenarios only).
        Returns Saved(scenario_id, version). ScenarioError for a refused name/author/note or payload
        (nothing is saved), NotFound for an unknown id, StoreUnavailable when the store cannot write
        (nothing was committed).

        A retry is idempotent: a save whose confirmation never reached the user (the app stopped
        right after the commit) and that the user repeats finds its own row and returns it with
        `existing` True, instead of storing it twice. The same save means the same name, author,
        note and scenario: as the latest version of `scenario_id`, or as a new scenario saved in
        the last RETRY_WINDOW."""
        meta = clean_meta(name, author, note)
        check_payload(payload)
        payload_json = json.dumps(payload, separators=(",", ":"), sort_keys=True, ensure_ascii=False)
        self._writable()
        if scenario_id is not None and not valid_id(scenario_id):
            raise NotFound(scenario_id)
        try:
            return self._save(scenario_id, meta, payload_json, _doc(doc_id))
        except self.driver_errors as exc:  # disk full, server gone…: nothing was committed
            raise self._unavailable(exc) from exc

    def _save(self, scenario_id: str | None, meta: dict, payload_json: str, doc: str) -> Saved:
        with self._transaction() as cur:
            # one writer at a time per scenario (or per name of a new one), across processes too
            self._run(cur, "lock_key", key=scenario_id or f"new:{meta['name']}")
            same = self._same_save(cur, scenario_id, meta, payload_json, doc)
            if same is not None:
                return Saved(*same, existing=True)
            if scenario_id is None:
                while True:
                    scenario_id = secrets.token_urlsafe(8)
                    if not self._run(cur, "count_id", id=scenario_id).fetchone()[0]:
                        break
                version = 1
            else:
                (latest,) = self._run(cur, "latest_version", id=scenario_id, doc=doc).fetchone()
                if latest is None:
                    raise NotFound(scenario_id)
                version = latest + 1
            self._write_version(cur, scenario_id, version, meta, payload_json, doc)
        return Saved(scenario_id, version)

    def _same_save(self, cur, scenario_id: str | None, meta: dict, payload_json: str,
                   doc: str) -> tuple[str, int] | None:
        """The (id, version) already holding exactly this save, if any (see save)."""
        same = {"name": meta["name"], "author": meta["author"], "note": meta["note"], "payload": payload_json,
                "doc": doc}
        if scenario_id is not None:
            row = self._run(cur, "same_as_latest", id=scenario_id, **same).fetchone()
        else:
            row = self._run(cur, "same_new_scenario", since=_utcnow() - RETRY_WINDOW, **same).fetchone()
        return tuple(row) if row else None

    def delete(self, scenario_id: str, doc_id: str | None = None) -> int:
        """Deletes every version of a scenario; returns how many versions went (0 = none found)."""
        self._writable()
        if not valid_id(scenario_id):
            return 0
        doc = _doc(doc_id)
        try:
            with self._transaction() as cur:
                self._run(cur, "lock_key", key=scenario_id)
                (n,) = self._run(cur, "count_in_doc", id=scenario_id, doc=doc).fetchone()
                self._run(cur, "delete", id=scenario_id, doc=doc)
        except self.driver_errors as exc:
            raise self._unavailable(exc) from exc
        return n

    # -- reading ------------------------------------------------------------------------------
    def list_scenarios(self, doc_id: str | None = None) -> list[dict]:
        """The latest version of every scenario of the document, newest first. Keys: scenario_id,
        version, name, author, note, created_at (UTC), first_created_at, n_versions."""
        keys = ("scenario_id", "version", "name", "author", "note", "created_at", "first_created_at", "n_versions")
        return [dict(zip(keys, r)) for r in self._query("list", doc=_doc(doc_id))]

    def versions(self, scenario_id: str, doc_id: str | None = None) -> list[dict]:
        """Every version of one scenario, oldest first. Keys: version, name, author, note, created_at."""
        if not valid_id(scenario_id):
            return []
        found = self._query("versions", id=scenario_id, doc=_doc(doc_id))
        return [dict(zip(("version", "name", "author", "note", "created_at"), r)) for r in found]

    def load(self, scenario_id: str, version: int | None = None, doc_id: str | None = None) -> dict:
        """One version (the latest by default). Keys: scenario_id, version, latest_version, name,
        author, note, created_at, payload (dict). NotFound when there is none in the document."""
        if not valid_id(scenario_id) or (version is not None and (not isinstance(version, int) or version < 1)):
            raise NotFound(scenario_id)
        doc = _doc(doc_id)
        found = self._query("load", id=scenario_id, version=version, doc=doc)
        if not found:
            if version is not None:
                rows = self._query("latest_version", id=scenario_id, doc=doc)
                latest = rows[0][0] if rows else None
                if latest is not None:
                    raise NotFound(scenario_id, version=version, latest=latest)
            raise NotFound(scenario_id)
        v, name, author, note, created_at, payload, latest = found[0]
        return {"scenario_id": scenario_id, "version": v, "latest_version": latest, "name": name,
                "author": author, "note": note, "created_at": created_at, "payload": json.loads(payload)}

    def count_versions(self) -> int:
        rows = self._query("count_all")
        return rows[0][0] if rows else 0
