"""The published packages: the folder of packages the app serves (config.PACKAGES_DIR, or the folder
given), one sub-folder per package, named by its id ("<province id>-<plan year>").

- add: a package is checked first (khcn_dash/packages/validation.py); one that fails changes nothing.
  One that passes is copied into a temporary folder inside the packages folder, then renamed into
  place, so the app never sees half a package. A package with the same id is replaced in the same step
  (an atomic exchange of the two folders where the system offers one), and the old one is kept under
  .replaced/<id>-<UTC time>/, from where it can be moved back.
- remove: the package moves to .replaced/ too; nothing is deleted.
Writers take a file lock (.lock in the packages folder), so two adds do not cross.
"""
from __future__ import annotations

import ctypes
import datetime as dt
import fcntl
import os
import shutil
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from .. import config, documents
from . import descriptor, validation
from .report import Report

REPLACED = ".replaced"  # packages replaced or removed, kept: <id>-<UTC time>/
INCOMING = ".incoming"  # a package being copied in (two levels down: never taken for a package)
LOCK = ".lock"


class UnknownPackage(LookupError):
    """No package has this id."""


class BadPackageId(ValueError):
    """Not a package id (it would name a path outside the packages folder, or no package at all)."""


@dataclass(frozen=True)
class Added:
    report: Report
    published: Path | None = None  # where the package now is (None: refused, nothing written)
    replaced: Path | None = None  # where the package it replaced is kept


@dataclass(frozen=True)
class Listed:
    folder: Path
    identity: descriptor.Identity | None  # None: its descriptor cannot be read


def _root(packages_dir: Path | None) -> Path:
    return Path(packages_dir or config.PACKAGES_DIR)


def add(path: Path, packages_dir: Path | None = None) -> Added:
    """Checks the package at `path` and, if it passes, publishes it (see the module's docstring).
    Raises report.Unreadable when `path` cannot be read."""
    root = _root(packages_dir)
    with validation.checked(path) as (report, folder):
        if not report.valid:
            return Added(report)
        published, replaced = _publish(folder, report.identity.package_id, root)
    documents.forget()  # this process lists it at once (others within documents.RESCAN_SECONDS)
    return Added(report, published, replaced)


@contextmanager
def _locked(root: Path) -> Iterator[None]:
    with open(root / LOCK, "a") as f:
        fcntl.flock(f, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)


def _stamp() -> str:
    return dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")


def _kept_place(root: Path, package_id: str) -> Path:
    base = root / REPLACED / f"{package_id}-{_stamp()}"
    place, n = base, 1
    while place.exists():
        n += 1
        place = base.with_name(f"{base.name}-{n}")
    place.parent.mkdir(exist_ok=True)
    return place


def _exchange(a: Path, b: Path) -> bool:
    """Swaps two folders in one step (Linux renameat2 RENAME_EXCHANGE); False where that is not offered."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    at_fdcwd, rename_exchange = -100, 2
    return renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0


def _publish(folder: Path, package_id: str, root: Path) -> tuple[Path, Path | None]:
    if not descriptor.PACKAGE_ID.fullmatch(package_id):
        raise BadPackageId(package_id)
    root.mkdir(parents=True, exist_ok=True)
    with _locked(root):
        incoming = root / INCOMING
        incoming.mkdir(exist_ok=True)
        tmp = Path(tempfile.mkdtemp(dir=incoming))
        try:
            new = tmp / package_id
            shutil.copytree(folder, new)
            for dirpath, _dirs, files in os.walk(new):  # mkdtemp's 0700 is not for a shared data folder
                os.chmod(dirpath, 0o755)
                for name in files:
                    os.chmod(Path(dirpath) / name, 0o644)
            target = root / package_id
            kept = None
            if target.exists():
                kept = _kept_place(root, package_id)
                if _exchange(new, target):  # the new package is in place; `new` now holds the old one
                    os.rename(new, kept)
                else:
                    os.rename(target, kept)
                    try:
                        os.rename(new, target)
                    except OSError:
                        os.rename(kept, target)
                        raise
            else:
                os.rename(new, target)
            return target, kept
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
            try:
                incoming.rmdir()
            except OSError:
                pass


def packages(packages_dir: Path | None = None) -> list[Listed]:
    """Every published package, by id."""
    out = []
    for folder in config.package_dirs(_root(packages_dir)):
        try:
            who = descriptor.identity(folder)
        except (OSError, ValueError, KeyError, TypeError):
            who = None
        out.append(Listed(folder, who))
    return out


def remove(package_id: str, packages_dir: Path | None = None) -> Path:
    """Takes a package out: it moves to .replaced/; returns where it is kept."""
    if not descriptor.PACKAGE_ID.fullmatch(package_id or ""):
        raise BadPackageId(package_id)
    root = _root(packages_dir)
    target = root / package_id
    if not (target / config.DESCRIPTOR).is_file():
        raise UnknownPackage(package_id)
    with _locked(root):
        if not target.is_dir():
            raise UnknownPackage(package_id)
        kept = _kept_place(root, package_id)
        os.rename(target, kept)
        documents.forget()
        return kept
