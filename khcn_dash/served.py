"""The document this run serves: the one chosen in the session (`?doc=`, the sidebar's picker), or
the default (khcn_dash.documents.default: the newest document of the first province).

The queries, pages, slides and briefing ask here, at call time, for the province, plan year and
review period of the document on screen; the query layer opens that document's own Parquet. A page
that shows another document as well (the year-over-year comparison) does so inside `using(doc)`.
Outside a Streamlit run (the command line, the benchmark, tests of the query layer) the default
document is served. No Streamlit here: khcn_dash.ui tells this module how to read the session's
choice (`read_choice_with`), so the slides and the briefing stay free of Streamlit.
"""
from __future__ import annotations

import contextlib
import contextvars
from collections.abc import Callable

from . import documents

SESSION_KEY = "doc"  # the session's chosen document's id (kept by ui.sync_url_state)

_override: contextvars.ContextVar[documents.Document | None] = contextvars.ContextVar("khcn_doc", default=None)
_read_choice: Callable[[], str | None] = lambda: None  # noqa: E731 (no session: the default document)


def read_choice_with(reader: Callable[[], str | None]) -> None:
    """How to read the session's chosen document id (None outside a session): set by khcn_dash.ui."""
    global _read_choice
    _read_choice = reader


def _session_choice() -> str | None:
    value = _read_choice()
    return value if isinstance(value, str) else None


def current() -> documents.Document | None:
    """The document served now; None when there is no package at all."""
    forced = _override.get()
    if forced is not None:
        return forced
    return documents.find(_session_choice()) or documents.default()


@contextlib.contextmanager
def using(doc: documents.Document):
    """Serves `doc` inside the block (in this thread), whatever the session chose."""
    token = _override.set(doc)
    try:
        yield doc
    finally:
        _override.reset(token)


def doc_id() -> str:
    doc = current()
    return doc.id if doc else ""


def province() -> str:
    doc = current()
    return doc.province if doc else ""


def plan() -> str:
    """The plan year, as the tables' `period` writes it ("" with no package)."""
    doc = current()
    return doc.plan if doc else ""


def review() -> str:
    """The review period, as the tables' `period` writes it ("" with no package)."""
    doc = current()
    return doc.review if doc else ""


def number() -> str:
    """The document's number, as the document writes it ("" with no package)."""
    doc = current()
    return doc.identity.number if doc else ""
