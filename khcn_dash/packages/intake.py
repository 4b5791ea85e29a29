"""What comes in: a package folder, a .zip of one, or an Excel workbook, staged into a fresh temporary
folder laid out like a package folder, so that one validator serves all three.

Nothing is trusted before it is staged:
- the kind of file is judged by its first bytes, never by its name;
- a file over MAX_UPLOAD_BYTES is refused unread;
- a zip (and an .xlsx, which is a zip) is refused before anything is unpacked when an entry's path is
  absolute or climbs out with '..', is a symbolic link or another special file, is encrypted or named
  twice, when it has more than MAX_MEMBERS entries, or would unpack to more than MAX_UNPACKED_BYTES or
  with a compression ratio over MAX_RATIO (a zip bomb); while unpacking, an entry that yields more than
  it declared is refused too;
- a folder holding a symbolic link is refused (it could point anywhere).
"""
from __future__ import annotations

import os
import re
import shutil
import stat
import tempfile
import zipfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Iterator

from .. import config
from ..labels import packages as L
from . import workbook
from .report import Problem, Refused, Unreadable

MAX_UPLOAD_BYTES = 20 * 2**20  # a package file (.zip or .xlsx); the first package is about 0.2 MB zipped
MAX_UNPACKED_BYTES = 100 * 2**20  # everything a zip (or a folder) holds, unpacked
MAX_RATIO = 100  # uncompressed : compressed, for an entry (or the whole zip) over RATIO_FLOOR_BYTES
RATIO_FLOOR_BYTES = 2**20  # small entries compress as they like
MAX_MEMBERS = 2_000
ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old .xls, and password-protected .xlsx
IGNORED = ("__MACOSX/",)  # what archivers add beside the package
_DRIVE = re.compile(r"^[A-Za-z]:")
_CHUNK = 1 << 16


@dataclass(frozen=True)
class Staged:
    folder: Path  # laid out like a package folder
    form: str  # "folder", "zip" or "xlsx"


def _mb(n: int) -> int:
    return -(-n // 2**20)  # rounded up


@contextmanager
def staged(path: Path) -> Iterator[Staged]:
    """The package at `path` (a folder, a .zip or an .xlsx), staged into a temporary folder that is
    removed afterwards. Raises Unreadable (the path cannot be read) or Refused (it is not a package
    we can take in, with the reasons)."""
    path = Path(path)
    try:
        st = path.stat()
    except FileNotFoundError:
        raise Unreadable(Problem("path_missing", {"path": str(path)})) from None
    except OSError as exc:
        raise Unreadable(_unreadable(path, exc)) from None
    tmp = Path(tempfile.mkdtemp(prefix="khcn-package-"))
    try:
        folder = tmp / "package"
        if stat.S_ISDIR(st.st_mode):
            _copy_folder(path, folder)
            form = "folder"
        elif stat.S_ISREG(st.st_mode):
            form = _unpack_file(path, st.st_size, folder)
        else:
            raise Unreadable(Problem("path_not_file", {"path": str(path)}))
        yield Staged(folder, form)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _unreadable(path: Path, exc: OSError) -> Problem:
    reason = L.READ_REASONS["permission" if isinstance(exc, PermissionError) else "io"]
    return Problem("path_unreadable", {"path": str(path), "reason": reason})


# --- a folder -------------------------------------------------------------------------------------

def _copy_folder(source: Path, folder: Path) -> None:
    total = 0
    files = []
    for root, dirs, names in os.walk(source):
        for name in sorted(dirs + names):
            p = Path(root) / name
            if p.is_symlink():
                raise Refused([Problem("folder_symlink", {"name": p.relative_to(source).as_posix()})])
        for name in names:
            p = Path(root) / name
            if not p.is_file():
                raise Refused([Problem("folder_special", {"name": p.relative_to(source).as_posix()})])
            total += p.stat().st_size
            files.append(p)
    if total > MAX_UNPACKED_BYTES:
        raise Refused([Problem("folder_too_big", {"size": _mb(total), "limit": _mb(MAX_UNPACKED_BYTES)})])
    if not (source / config.DESCRIPTOR).is_file():
        raise Refused([Problem("no_descriptor")])
    for p in files:
        dest = folder / p.relative_to(source)
        dest.parent.mkdir(parents=True, exist_ok=True)
        try:
            shutil.copyfile(p, dest)
        except OSError as exc:
            raise Unreadable(_unreadable(p, exc)) from None


# --- a file: zip or workbook ---------------------------------------------------------------------

def _unpack_file(path: Path, size: int, folder: Path) -> str:
    if size > MAX_UPLOAD_BYTES:
        raise Refused([Problem("too_large", {"size": _mb(size), "limit": _mb(MAX_UPLOAD_BYTES)})])
    try:
        with open(path, "rb") as f:
            magic = f.read(8)
    except OSError as exc:
        raise Unreadable(_unreadable(path, exc)) from None
    if magic == OLE_MAGIC:
        raise Refused([Problem("old_xls")])
    if not magic.startswith(ZIP_MAGIC):
        raise Refused([Problem("not_zip_or_xlsx")])
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError):
        raise Refused([Problem("bad_zip")]) from None
    with zf:
        members = _safe_members(zf)
        names = {m.filename for m in members}
        if "[Content_Types].xml" in names and "xl/workbook.xml" in names:
            workbook.read(path, folder)
            return "xlsx"
        _extract(zf, members, folder)
        return "zip"


def _safe_members(zf: zipfile.ZipFile) -> list[zipfile.ZipInfo]:
    """The zip's entries, once every one is known to be safe to unpack (Refused otherwise)."""
    infos = zf.infolist()
    if len(infos) > MAX_MEMBERS:
        raise Refused([Problem("zip_too_many", {"n": len(infos), "limit": MAX_MEMBERS})])
    seen: set[str] = set()
    for info in infos:
        name = info.filename
        parts = name.replace("\\", "/").split("/")
        if name.startswith(("/", "\\")) or _DRIVE.match(name) or ".." in parts or "\x00" in name:
            raise Refused([Problem("zip_unsafe_path", {"name": name})])
        mode = info.external_attr >> 16
        if stat.S_ISLNK(mode):
            raise Refused([Problem("zip_symlink", {"name": name})])
        if mode and stat.S_IFMT(mode) and not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
            raise Refused([Problem("zip_special", {"name": name})])
        if info.flag_bits & 0x1:
            raise Refused([Problem("zip_encrypted", {"name": name})])
        if name in seen:
            raise Refused([Problem("zip_duplicate", {"name": name})])
        seen.add(name)
        if info.file_size > RATIO_FLOOR_BYTES and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            ratio = info.file_size // max(info.compress_size, 1)
            raise Refused([Problem("zip_ratio", {"name": name, "ratio": ratio, "limit": MAX_RATIO})])
    total = sum(i.file_size for i in infos)
    packed = sum(i.compress_size for i in infos)
    if total > MAX_UNPACKED_BYTES:
        raise Refused([Problem("zip_too_big", {"size": _mb(total), "limit": _mb(MAX_UNPACKED_BYTES)})])
    if total > RATIO_FLOOR_BYTES and total > MAX_RATIO * max(packed, 1):
        raise Refused([Problem("zip_ratio", {"name": "*", "ratio": total // max(packed, 1), "limit": MAX_RATIO})])
    return infos


def _package_root(names: list[str]) -> str | None:
    """Where the package is in the zip: '' (its files at the root) or 'folder/' (the folder itself)."""
    if config.DESCRIPTOR in names:
        return ""
    tops = {n.split("/", 1)[0] for n in names}
    if len(tops) == 1:
        top = tops.pop() + "/"
        if top + config.DESCRIPTOR in names:
            return top
    return None


def _extract(zf: zipfile.ZipFile, members: list[zipfile.ZipInfo], folder: Path) -> None:
    files = [m for m in members if not m.is_dir() and not m.filename.startswith(IGNORED)]
    names = [m.filename.replace("\\", "/").removeprefix("./") for m in files]
    root = _package_root(names)
    if root is None:
        raise Refused([Problem("no_descriptor")])
    folder.mkdir(parents=True)
    written = 0
    for info, name in zip(files, names):
        if not name.startswith(root):
            continue  # beside the package folder: not part of it
        rel = PurePosixPath(name[len(root):])
        dest = folder.joinpath(*[p for p in rel.parts if p not in ("", ".")])
        if folder not in dest.parents:
            raise Refused([Problem("zip_unsafe_path", {"name": info.filename})])
        dest.parent.mkdir(parents=True, exist_ok=True)
        size = 0
        try:
            with zf.open(info) as src, open(dest, "wb") as out:
                while chunk := src.read(_CHUNK):
                    size += len(chunk)
                    written += len(chunk)
                    if size > info.file_size or written > MAX_UNPACKED_BYTES:
                        raise Refused([Problem("zip_lies", {"name": info.filename})])
                    out.write(chunk)
        except (zipfile.BadZipFile, EOFError, OSError, NotImplementedError, RuntimeError):
            raise Refused([Problem("bad_zip")]) from None
