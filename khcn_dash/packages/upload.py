"""The import page's steps, without Streamlit: an uploaded file (its bytes) checked the way
`python -m khcn_dash.packages check` checks a path, previewed when it passes, and published the way
`add` publishes; and the Excel template as bytes.

An upload is written to a temporary file of its own (removed afterwards) and handed to
validation.checked / store.add: the same staging, the same safety checks, the same report, the same
atomic publishing. Checking writes nothing into the packages folder.
"""
from __future__ import annotations

import hashlib
import io
import os
import shutil
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from . import intake, store, validation
from . import preview as previews
from .report import Problem, Report


@dataclass(frozen=True)
class Checked:
    """An upload's report, and its preview when it passed (None otherwise)."""
    digest: str  # sha256 of the bytes: the same file is not checked twice in a session
    report: Report
    preview: previews.Preview | None = None

    @property
    def valid(self) -> bool:
        return self.report.valid and self.preview is not None


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _too_large(data: bytes) -> Report | None:
    """intake's refusal of an oversized file, without writing it out first."""
    if len(data) <= intake.MAX_UPLOAD_BYTES:
        return None
    mb = lambda n: -(-n // 2**20)  # noqa: E731 - rounded up, as intake says it
    return Report("upload", [Problem("too_large", {"size": mb(len(data)), "limit": mb(intake.MAX_UPLOAD_BYTES)})])


@contextmanager
def _as_file(data: bytes) -> Iterator[Path]:
    """The bytes as a file in a temporary folder of their own, removed afterwards."""
    tmp = Path(tempfile.mkdtemp(prefix="khcn-upload-"))
    try:
        path = tmp / "upload"
        with open(path, "wb") as f:
            f.write(data)
        yield path
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def check_bytes(data: bytes) -> Checked:
    """The validation report of an uploaded .zip or .xlsx, and its preview when it is valid."""
    key = digest(data)
    refused = _too_large(data)
    if refused is not None:
        return Checked(key, refused)
    with _as_file(data) as path, validation.checked(path) as (report, folder):
        shown = previews.preview(folder) if report.valid and folder is not None else None
        return Checked(key, report, shown)


def publish_bytes(data: bytes, packages_dir: Path | None = None) -> store.Added:
    """Checks the upload again and publishes it if it passes (store.add: a package that fails changes
    nothing; one with the id of a published package replaces it, which is kept in .replaced/)."""
    refused = _too_large(data)
    if refused is not None:
        return store.Added(refused)
    with _as_file(data) as path:
        return store.add(path, packages_dir)


def template_bytes(example: Path, lang: str = "vi") -> bytes:
    """The Excel template (khcn_dash/packages/template.py), filled with the package folder `example`."""
    from . import template

    out = io.BytesIO()
    template.build_workbook(example, lang).save(out)
    return out.getvalue()


def package_stamp(folder: Path) -> str:
    """What the package folder's files are now (names, sizes, modification times): a cache key that
    changes when the package does."""
    h = hashlib.sha256()
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        for name in sorted(files):
            try:
                st = os.stat(os.path.join(root, name))
            except OSError:
                continue
            h.update(f"{os.path.relpath(os.path.join(root, name), folder)}|{st.st_size}|{st.st_mtime_ns}\n".encode())
    return h.hexdigest()
