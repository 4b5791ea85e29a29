"""The documents the app can serve: one per package folder in config.PACKAGES_DIR, each with its own
built Parquet folder. No Streamlit here.

A document is named by its package's id ("<province id>-<plan year>"), which is also its folder's
name and, under config.PARQUET_DIR, the name of the folder its build is published to. The list is
read from the descriptors and read again only when a descriptor is added, removed or changed, so a
package published by `python -m khcn_dash.packages add` shows without a restart.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

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
        """The review period, as the tables' `period` writes it (e.g. "2016-2020")."""
        return self.identity.review_period

    @property
    def geojson_path(self) -> Path:
        return self.source_dir / config.GEOJSON_NAME

    @property
    def parquet_dir(self) -> Path:
        return Path(config.PARQUET_DIR) / self.id

    def province_name(self, lang: str) -> str:
        return self.identity.province_vi if lang == "vi" else self.identity.province_en


_lock = threading.Lock()
_cache: dict[tuple, tuple[Document, ...]] = {}


def _signature(folders: list[Path]) -> tuple:
    out = []
    for folder in folders:
        try:
            out.append((str(folder), (folder / config.DESCRIPTOR).stat().st_mtime_ns))
        except OSError:
            out.append((str(folder), None))
    return tuple(out)


def catalogue() -> tuple[Document, ...]:
    """Every package with a readable descriptor whose folder bears its id, by province (in the order
    of the first package of each, by folder name), then plan year, newest first."""
    folders = config.package_dirs()
    key = _signature(folders)
    with _lock:
        found = _cache.get(key)
    if found is not None:
        return found
    docs = []
    for folder in folders:
        try:
            ident = descriptor.identity(folder)
        except (OSError, ValueError, KeyError, TypeError):
            continue  # not a readable package: `packages check` says why; the app leaves it out
        if ident.package_id == folder.name:
            docs.append(Document(ident, folder))
    first_seen: dict[str, int] = {}
    for i, d in enumerate(docs):
        first_seen.setdefault(d.province, i)
    ordered = tuple(sorted(docs, key=lambda d: (first_seen[d.province], -d.identity.plan_year)))
    with _lock:
        _cache.clear()
        _cache[key] = ordered
    return ordered


def default() -> Document | None:
    """The newest document of the first province, or None when there is no package."""
    docs = catalogue()
    return docs[0] if docs else None


def find(doc_id: str | None) -> Document | None:
    """The document with this id, or None (an unknown or hostile id is just not found)."""
    if not doc_id or not isinstance(doc_id, str):
        return None
    return next((d for d in catalogue() if d.id == doc_id), None)


def of_province(province_id: str) -> tuple[Document, ...]:
    """A province's documents, newest plan year first."""
    return tuple(d for d in catalogue() if d.province == province_id)


def provinces() -> tuple[str, ...]:
    """The provinces that have a document, in catalogue order."""
    return tuple(dict.fromkeys(d.province for d in catalogue()))
