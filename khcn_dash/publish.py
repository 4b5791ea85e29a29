"""Which data the app serves: the last build that passed every check, never a half-written or
refused one. No Streamlit here.

`refresh()` runs at the start of every script run (from app.py; cheap: at most one look at the
files every REFRESH_SECONDS). When the sources changed, it builds them (khcn_dash.build, under the
build's file lock, so one process builds and the others wait):
- the build passes: the new Parquet replaces the old one at once (a folder rename), and every
  process drops its cached query results when it next sees the new manifest;
- the build fails: nothing is replaced, the last good data keeps being served, and the failure
  (its checks, its time) is recorded beside the Parquet, so every process can say so on screen and
  nobody rebuilds the same broken files again and again.

Each document's package is watched and published on its own (its own Parquet folder, its own
record of a refused build); a page refreshes the documents it shows.
"""
from __future__ import annotations

import datetime as dt
import json
import logging
import os
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from . import build, config, served

log = logging.getLogger("khcn_dash")

REFRESH_SECONDS = 2.0
FAILURE_FILE = ".build_failed.json"  # beside the Parquet folder, after its name: .<id>.build_failed.json


@dataclass(frozen=True)
class Status:
    """What is being served. `built_at`: when the data on screen was built (None: there is none);
    `failures`: the checks that the sources now on disk failed (empty: they are what is served)."""
    built_at: dt.datetime | None
    failures: tuple[str, ...] = ()
    failed_at: dt.datetime | None = None

    @property
    def has_data(self) -> bool:
        return self.built_at is not None

    @property
    def stale(self) -> bool:
        return bool(self.failures)


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0)


def read_manifest(parquet_dir: Path) -> dict | None:
    try:
        return json.loads((Path(parquet_dir) / "_manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _failure_path(parquet_dir: Path) -> Path:
    parquet_dir = Path(parquet_dir)
    return parquet_dir.parent / f".{parquet_dir.name}{FAILURE_FILE}"


def read_failure(parquet_dir: Path) -> dict | None:
    try:
        return json.loads(_failure_path(parquet_dir).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _write_failure(parquet_dir: Path, fingerprint: str, failures: list[str]) -> None:
    path = _failure_path(parquet_dir)
    record = {"fingerprint": fingerprint, "at": _utcnow().isoformat(), "failures": failures}
    fd, tmp = tempfile.mkstemp(prefix=".build_failed-", dir=path.parent)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        json.dump(record, f, ensure_ascii=False, indent=1)
    os.chmod(tmp, 0o644)
    os.replace(tmp, path)


def _failures_of(exc: build.BuildError) -> list[str]:
    lines = [ln.removeprefix("- ").strip() for ln in str(exc).splitlines()]
    return [ln for ln in lines if ln and not ln.startswith("build refused")] or [str(exc)]


def _parse_time(value) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(value) if value else None
    except (TypeError, ValueError):
        return None


class _Publisher:
    """One per process and Parquet folder: remembers what it last looked at."""

    def __init__(self, parquet_dir: Path, source_dir: Path, geojson_path: Path):
        self.parquet_dir, self.source_dir, self.geojson_path = parquet_dir, source_dir, geojson_path
        self.lock = threading.Lock()
        self.checked_at = -1e18
        self.signature = None     # the input files' (name, size, mtime) when last fingerprinted
        self.fingerprint = None   # their fingerprint then
        self.served = None        # the manifest fingerprint whose query results are cached
        self.status = Status(built_at=None)

    def _signature(self, files: list[Path]):
        out = []
        for p in files:
            try:
                st = p.stat()
                out.append((str(p), st.st_size, st.st_mtime_ns))
            except OSError:
                out.append((str(p), None, None))
        return tuple(out)

    def refresh(self, on_new_data) -> Status:
        with self.lock:
            now = time.monotonic()
            if now - self.checked_at < REFRESH_SECONDS:
                return self.status
            self.checked_at = now
            files = build.input_files(self.source_dir, self.geojson_path)
            signature = self._signature(files)
            if signature != self.signature:
                try:
                    self.fingerprint = build.fingerprint(files)
                except OSError as exc:  # a source file missing or unreadable: nothing to build
                    log.warning("sources unreadable: %s", exc)
                    self.fingerprint = f"unreadable:{exc}"
                    self._remember_failure([str(exc)])
                self.signature = signature
                self._build_if_needed()
            manifest = read_manifest(self.parquet_dir)
            served = manifest.get("fingerprint") if manifest else None
            if served != self.served:
                if self.served is not None or served is None:
                    on_new_data()
                self.served = served
            failure = read_failure(self.parquet_dir)
            relevant = failure if failure and failure.get("fingerprint") == self.fingerprint != served else None
            self.status = Status(
                built_at=_parse_time(manifest.get("built_at")) if manifest else None,
                failures=tuple(relevant["failures"]) if relevant else (),
                failed_at=_parse_time(relevant["at"]) if relevant else None)
            return self.status

    def _remember_failure(self, failures: list[str]) -> None:
        try:
            _write_failure(self.parquet_dir, self.fingerprint, failures)
        except OSError as exc:
            log.warning("could not record the failed build: %s", exc)

    def _build_if_needed(self) -> None:
        manifest = read_manifest(self.parquet_dir) or {}
        failure = read_failure(self.parquet_dir) or {}
        if self.fingerprint in (manifest.get("fingerprint"), failure.get("fingerprint")):
            return  # served already, or already refused
        if self.fingerprint.startswith("unreadable:"):
            return
        try:
            with build.lock(self.parquet_dir):
                if build.is_current(self.parquet_dir, self.source_dir, self.geojson_path):
                    return  # another process built it meanwhile
                build.build(self.source_dir, self.parquet_dir, self.geojson_path)
                log.info("published new data to %s", self.parquet_dir)
            _failure_path(self.parquet_dir).unlink(missing_ok=True)
        except build.BuildError as exc:
            log.error("new data refused; serving the last good build: %s", exc)
            self._remember_failure(_failures_of(exc))
        except OSError as exc:
            log.error("build failed; serving the last good build: %s", exc)
            self._remember_failure([str(exc)])


_publishers: dict[tuple[Path, Path], _Publisher] = {}
_publishers_lock = threading.Lock()


def refresh(parquet_dir: Path | None = None, source_dir: Path | None = None,
            geojson_path: Path | None = None, on_new_data=None) -> Status:
    """Builds and publishes changed sources if they pass (see the module's docstring); returns the
    Status of what is served. By default, the document served now (khcn_dash.served); with no
    package at all, a Status without data. `on_new_data` is called when the served data changed
    since this process last looked (default: the query layer forgets its connections and cached
    results)."""
    if source_dir is None:
        doc = served.current()
        if doc is None:
            return Status(built_at=None, failures=(f"no package in {config.PACKAGES_DIR}",))
        source_dir, parquet_dir, geojson_path = doc.source_dir, doc.parquet_dir, doc.geojson_path
    source_dir = Path(source_dir).resolve()
    parquet_dir = Path(parquet_dir or Path(config.PARQUET_DIR) / source_dir.name).resolve()
    geojson_path = Path(geojson_path or source_dir / config.GEOJSON_NAME).resolve()
    with _publishers_lock:
        pub = _publishers.get((parquet_dir, source_dir))
        if pub is None:
            pub = _publishers[(parquet_dir, source_dir)] = _Publisher(parquet_dir, source_dir, geojson_path)
    if on_new_data is None:
        from .queries import _db
        on_new_data = _db.forget
    return pub.refresh(on_new_data)


def forget_all() -> None:
    """Tests: every process-level memory of what was looked at goes."""
    with _publishers_lock:
        _publishers.clear()
