"""Saved scenarios in an embedded DuckDB file. No Streamlit here.

The file is `data/scenarios.duckdb` unless the environment variable KHCN_SCENARIO_DB names
another path. One connection per process and file (`open_store()`); writes are serialised by a
lock and each save is one transaction, so 20 threads saving at once lose nothing and a process
killed in the middle of a save leaves the file with every earlier save intact (DuckDB replays its
write-ahead log of committed transactions when the file is opened again).

Saving never overwrites: a scenario is a series of versions; saving an edit adds the next version
and older versions stay readable. Deleting removes every version of one scenario.

A file locked by another process, or one that cannot be written, raises StoreUnavailable (with a
`reason`) so the page can say so and keep working without saving; a read-only file is opened
read-only: saved scenarios can still be listed and opened.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import re
import secrets
import tempfile
import threading
from contextlib import contextmanager
from pathlib import Path

import duckdb

from . import config
from .scenario import check_payload, clean_meta

ENV_VAR = "KHCN_SCENARIO_DB"
SCHEMA_VERSION = 1
_ID_RE = re.compile(r"^[A-Za-z0-9_-]{11}$")  # secrets.token_urlsafe(8)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS store_meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL);
CREATE TABLE IF NOT EXISTS scenario_versions (
    scenario_id VARCHAR NOT NULL,
    version     INTEGER NOT NULL,
    name        VARCHAR NOT NULL,
    author      VARCHAR NOT NULL,
    note        VARCHAR NOT NULL,
    created_at  TIMESTAMP NOT NULL,   -- UTC
    payload     VARCHAR NOT NULL,     -- scenario.Scenario.to_payload() as JSON
    PRIMARY KEY (scenario_id, version)
);
"""


class StoreUnavailable(Exception):
    """The database cannot be used for this. `reason`: locked (another process holds the file),
    read_only (opened read-only: nothing can be saved or deleted), broken (not a database we can
    open), failed (an operation failed; nothing was changed), and, for a KHCN_SCENARIO_DB that
    cannot hold a database at all: is_dir (it names a folder), bad_parent (a part of the path is a
    file), cannot_create (no file there, and none can be made)."""

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


RETRY_WINDOW = dt.timedelta(minutes=15)  # an identical new scenario saved this recently is a retry


def db_path() -> Path:
    """Where the scenarios are kept: $KHCN_SCENARIO_DB, else data/scenarios.duckdb."""
    raw = os.environ.get(ENV_VAR, "").strip()
    return Path(raw) if raw else config.DATA_DIR / "scenarios.duckdb"


def valid_id(value) -> bool:
    """True for a string shaped like the ids this store makes (checked before any query)."""
    return isinstance(value, str) and bool(_ID_RE.match(value))


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


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


class ScenarioStore:
    """Named, versioned scenarios in one DuckDB file."""

    def __init__(self, path: Path | str):
        self.path = Path(path)
        self._lock = threading.Lock()
        self.read_only = False
        self.read_only_reason: str | None = None  # read_only (the file) or read_only_folder
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
                self._con.execute(_SCHEMA)
                self._con.execute("INSERT OR IGNORE INTO store_meta VALUES ('schema_version', $v)",
                                  {"v": str(SCHEMA_VERSION)})
            self._has_table = bool(self._con.execute(
                "SELECT count(*) FROM information_schema.tables WHERE table_name = 'scenario_versions'"
            ).fetchone()[0])
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

    # -- writing --------------------------------------------------------------------------
    def _writable(self) -> None:
        if self.read_only:
            raise StoreUnavailable(self.read_only_reason or "read_only", str(self.path))

    def _write_version(self, cur, scenario_id: str, version: int, meta: dict, payload_json: str) -> None:
        cur.execute("""INSERT INTO scenario_versions
                       (scenario_id, version, name, author, note, created_at, payload)
                       VALUES ($id, $version, $name, $author, $note, $at, $payload)""",
                    {"id": scenario_id, "version": version, "name": meta["name"], "author": meta["author"],
                     "note": meta["note"], "at": _utcnow(), "payload": payload_json})

    def save(self, payload: dict, name: str, author: str = "", note: str = "",
             scenario_id: str | None = None) -> Saved:
        try:
            return self._save(payload, name, author, note, scenario_id)
        except duckdb.Error as exc:  # disk full, file gone...: nothing was committed
            raise StoreUnavailable("failed", str(exc)) from exc

    def _save(self, payload: dict, name: str, author: str, note: str,
              scenario_id: str | None) -> Saved:
        """Saves a new scenario (scenario_id None) or a new version of an existing one.
        Returns Saved(scenario_id, version). ScenarioError for a refused name/author/note or payload
        (nothing is saved), NotFound for an unknown id, StoreUnavailable when read-only.

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
        with self._transaction() as cur:
            same = self._same_save(cur, scenario_id, meta, payload_json)
            if same is not None:
                return Saved(*same, existing=True)
            if scenario_id is None:
                while True:
                    scenario_id = secrets.token_urlsafe(8)
                    taken = cur.execute("SELECT count(*) FROM scenario_versions WHERE scenario_id = $id",
                                        {"id": scenario_id}).fetchone()[0]
                    if not taken:
                        break
                version = 1
            else:
                (latest,) = cur.execute("SELECT max(version) FROM scenario_versions WHERE scenario_id = $id",
                                        {"id": scenario_id}).fetchone()
                if latest is None:
                    raise NotFound(scenario_id)
                version = latest + 1
            self._write_version(cur, scenario_id, version, meta, payload_json)
        return Saved(scenario_id, version)

    @contextmanager
    def _transaction(self):
        """One write transaction under the process's lock: committed when the block ends, rolled back
        (and the error raised again) when it fails, so a failed write leaves nothing behind."""
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

    def _same_save(self, cur, scenario_id: str | None, meta: dict, payload_json: str) -> tuple[str, int] | None:
        """The (id, version) already holding exactly this save, if any (see _save)."""
        same = {"name": meta["name"], "author": meta["author"], "note": meta["note"], "payload": payload_json}
        if scenario_id is not None:
            row = cur.execute("""SELECT scenario_id, version FROM scenario_versions
                                 WHERE scenario_id = $id AND version = (SELECT max(version) FROM scenario_versions
                                                                        WHERE scenario_id = $id)
                                   AND name = $name AND author = $author AND note = $note AND payload = $payload""",
                              {"id": scenario_id, **same}).fetchone()
        else:
            row = cur.execute("""SELECT v.scenario_id, v.version FROM scenario_versions v
                                 WHERE v.version = 1 AND v.created_at >= $since
                                   AND v.name = $name AND v.author = $author AND v.note = $note
                                   AND v.payload = $payload
                                   AND NOT EXISTS (SELECT 1 FROM scenario_versions w
                                                   WHERE w.scenario_id = v.scenario_id AND w.version > 1)
                                 ORDER BY v.created_at DESC, v.scenario_id LIMIT 1""",
                              {"since": _utcnow() - RETRY_WINDOW, **same}).fetchone()
        return tuple(row) if row else None

    def delete(self, scenario_id: str) -> int:
        """Deletes every version of a scenario; returns how many versions went (0 = none found)."""
        try:
            return self._delete(scenario_id)
        except duckdb.Error as exc:
            raise StoreUnavailable("failed", str(exc)) from exc

    def _delete(self, scenario_id: str) -> int:
        self._writable()
        if not valid_id(scenario_id):
            return 0
        with self._transaction() as cur:
            (n,) = cur.execute("SELECT count(*) FROM scenario_versions WHERE scenario_id = $id",
                               {"id": scenario_id}).fetchone()
            cur.execute("DELETE FROM scenario_versions WHERE scenario_id = $id", {"id": scenario_id})
        return n

    # -- reading --------------------------------------------------------------------------
    def _query(self, sql: str, **params) -> list[tuple]:
        if not self._has_table:
            return []
        try:
            cur = self._con.cursor()
            try:
                return cur.execute(sql, params).fetchall()
            finally:
                cur.close()
        except duckdb.Error as exc:
            raise StoreUnavailable("failed", str(exc)) from exc

    def list_scenarios(self) -> list[dict]:
        """The latest version of every scenario, newest first. Keys: scenario_id, version, name,
        author, note, created_at (UTC), first_created_at, n_versions."""
        found = self._query("""
            SELECT scenario_id, version, name, author, note, created_at,
                   min(created_at) OVER w AS first_created_at, count(*) OVER w AS n_versions
            FROM scenario_versions
            WINDOW w AS (PARTITION BY scenario_id)
            QUALIFY version = max(version) OVER w
            ORDER BY created_at DESC, scenario_id""")
        keys = ("scenario_id", "version", "name", "author", "note", "created_at", "first_created_at", "n_versions")
        return [dict(zip(keys, r)) for r in found]

    def versions(self, scenario_id: str) -> list[dict]:
        """Every version of one scenario, oldest first. Keys: version, name, author, note, created_at."""
        if not valid_id(scenario_id):
            return []
        found = self._query("""SELECT version, name, author, note, created_at FROM scenario_versions
                               WHERE scenario_id = $id ORDER BY version""", id=scenario_id)
        return [dict(zip(("version", "name", "author", "note", "created_at"), r)) for r in found]

    def load(self, scenario_id: str, version: int | None = None) -> dict:
        """One version (the latest by default). Keys: scenario_id, version, latest_version, name,
        author, note, created_at, payload (dict). NotFound when there is none."""
        if not valid_id(scenario_id) or (version is not None and (not isinstance(version, int) or version < 1)):
            raise NotFound(scenario_id)
        found = self._query("""
            SELECT version, name, author, note, created_at, payload,
                   (SELECT max(version) FROM scenario_versions WHERE scenario_id = $id) AS latest
            FROM scenario_versions
            WHERE scenario_id = $id AND ($version IS NULL OR version = $version)
            ORDER BY version DESC LIMIT 1""", id=scenario_id, version=version)
        if not found:
            if version is not None:
                (latest,) = self._query("SELECT max(version) FROM scenario_versions WHERE scenario_id = $id",
                                        id=scenario_id)[0] if self._has_table else (None,)
                if latest is not None:
                    raise NotFound(scenario_id, version=version, latest=latest)
            raise NotFound(scenario_id)
        v, name, author, note, created_at, payload, latest = found[0]
        return {"scenario_id": scenario_id, "version": v, "latest_version": latest, "name": name,
                "author": author, "note": note, "created_at": created_at, "payload": json.loads(payload)}

    def count_versions(self) -> int:
        rows = self._query("SELECT count(*) FROM scenario_versions")
        return rows[0][0] if rows else 0

    def close(self) -> None:
        with self._lock:
            self._con.close()


_stores: dict[Path, ScenarioStore] = {}
_stores_lock = threading.Lock()


def open_store(path: Path | str | None = None) -> ScenarioStore:
    """The process's store for `path` (default db_path()), opened on first use. A failure is not
    remembered: the next call tries again (the other process may have let go of the file)."""
    resolved = Path(path or db_path()).resolve()
    with _stores_lock:
        store = _stores.get(resolved)
        if store is None:
            store = ScenarioStore(resolved)
            _stores[resolved] = store
        return store


def close_all() -> None:
    """Closes every open store (tests)."""
    with _stores_lock:
        for store in _stores.values():
            try:
                store.close()
            except duckdb.Error:
                pass
        _stores.clear()
