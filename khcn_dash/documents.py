"""The documents the app can serve: one per package folder in config.PACKAGES_DIR, each with its own
built Parquet folder. No Streamlit here.

A document is named by its package's id ("<province id>-<plan year>"), which is also its folder's
name and, under config.PARQUET_DIR, the name of the folder its build is published to. The list is
read from the descriptors and read again only when a descriptor is added, removed or changed, so a
package published by `python -m khcn_dash.packages add` shows without a restart.
"""
from __future__ import annotations

import functools
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import pyarrow.parquet as pq

from . import config
from .packages import descriptor


@dataclass(frozen=True)
class Document:
    """A package the app can serve: its identity (from the descriptor) and where its files are."""
    identity: descriptor.Identity
    source_dir: Path

    @property
    def id(self) -> str:
        return self.identity.package_id

    @property
    def province(self) -> str:
        return self.identity.province_id

    @property
    def plan(self) -> str:
        """The plan year, as the tables' `period` writes it."""
        return str(self.identity.plan_year)

    @property
    def review(self) -> str:
        """The review period, as the tables' `period` writes it (e.g. "<first year>-<last year>")."""
        return self.identity.review_period

    @property
    def geojson_path(self) -> Path:
        return self.source_dir / config.GEOJSON_NAME

    @property
    def parquet_dir(self) -> Path:
        return Path(config.PARQUET_DIR) / self.id

    def province_name(self, lang: str) -> str:
        return self.identity.province_vi if lang == "vi" else self.identity.province_en

    def district_names(self) -> dict[str, str]:
        """District id -> its Vietnamese name as the package's boundaries give it, from the built
        districts table ({} before the first build, or for a package without districts)."""
        path = self.parquet_dir / "districts.parquet"
        try:
            stamp = path.stat().st_mtime_ns
        except OSError:
            return {}
        return dict(_district_names(path, stamp))


@functools.lru_cache(maxsize=64)
def _district_names(path: Path, stamp: int) -> tuple[tuple[str, str], ...]:
    table = pq.read_table(path, columns=["district_id", "name_vi"])
    return tuple(zip(table.column("district_id").to_pylist(), table.column("name_vi").to_pylist()))


RESCAN_SECONDS = 2.0  # how often the packages folder is looked at again (every query asks for the served document)

_lock = threading.Lock()
_cache: dict[Path, tuple[float, tuple, tuple[Document, ...], dict[str, Document]]] = {}


def _signature(folders: list[Path]) -> tuple:
    out = []
    for folder in folders:
        try:
            out.append((str(folder), (folder / config.DESCRIPTOR).stat().st_mtime_ns))
        except OSError:
            out.append((str(folder), None))
    return tuple(out)


_read_cache: dict[tuple[str, int | None], Document | None] = {}  # (folder, descriptor mtime) -> its document


def _one(folder: Path, stamp: int | None) -> Document | None:
    """The folder's document, read again only when its descriptor changed (a catalogue of hundreds
    of packages re-reads just what was added or edited)."""
    key = (str(folder), stamp)
    with _lock:
        if key in _read_cache:
            return _read_cache[key]
    try:
        ident = descriptor.identity(folder)
        doc = Document(ident, folder) if ident.package_id == folder.name else None
    except (OSError, ValueError, KeyError, TypeError):
        doc = None  # not a readable package: `packages check` says why; the app leaves it out
    with _lock:
        _read_cache[key] = doc
    return doc


def _read(signature: tuple) -> tuple[Document, ...]:
    docs = [d for d in (_one(Path(folder), stamp) for folder, stamp in signature) if d is not None]
    with _lock:  # forget the descriptors that are gone or changed
        live = set(signature)
        for key in [k for k in _read_cache if k not in live]:
            del _read_cache[key]
    first_seen: dict[str, int] = {}
    for i, d in enumerate(docs):
        first_seen.setdefault(d.province, i)
    return tuple(sorted(docs, key=lambda d: (first_seen[d.province], -d.identity.plan_year)))


def _entry() -> tuple[tuple[Document, ...], dict[str, Document]]:
    root = Path(config.PACKAGES_DIR)
    now = time.monotonic()
    with _lock:
        entry = _cache.get(root)
    if entry is not None and now - entry[0] < RESCAN_SECONDS:
        return entry[2], entry[3]
    folders = config.package_dirs(root)
    key = _signature(folders)
    if entry is not None and entry[1] == key:
        docs, by_id = entry[2], entry[3]
    else:
        docs = _read(key)
        by_id = {d.id: d for d in docs}
    with _lock:
        _cache[root] = (now, key, docs, by_id)
    return docs, by_id


def catalogue() -> tuple[Document, ...]:
    """Every package with a readable descriptor whose folder bears its id, by province (in the order
    of the first package of each, by folder name), then plan year, newest first. Read again when a
    descriptor is added, removed or changed (looked at every RESCAN_SECONDS at most)."""
    return _entry()[0]


def forget() -> None:
    """The next call reads the packages folder again (tests; after `packages add` in this process)."""
    with _lock:
        _cache.clear()
        _read_cache.clear()


def default() -> Document | None:
    """The newest document of the first province, or None when there is no package."""
    docs = catalogue()
    return docs[0] if docs else None


def find(doc_id: str | None) -> Document | None:
    """The document with this id, or None (an unknown or hostile id is just not found)."""
    if not doc_id or not isinstance(doc_id, str):
        return None
    return _entry()[1].get(doc_id)


def of_province(province_id: str) -> tuple[Document, ...]:
    """A province's documents, newest plan year first."""
    return tuple(d for d in catalogue() if d.province == province_id)


def provinces() -> tuple[str, ...]:
    """The provinces that have a document, in catalogue order."""
    return tuple(dict.fromkeys(d.province for d in catalogue()))
