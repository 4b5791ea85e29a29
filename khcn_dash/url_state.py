"""The address bar and the session, kept in step in one place.

Every page keeps some of its state in URL parameters, so a link can be shared: the language,
unit and document (every page), the district on the map, the section and citation on the sources page, the
scenario (id, version, or a whole unsaved one), the slide and the presentation switch. They all
follow one rule:

- **a value in the address that this session did not put there wins once**: it comes from a link
  that was opened or typed, and `incoming()` hands it to the page (which checks it and keeps what it
  can use in its own session state);
- **everything else is written back from the session** by `put()`, which only touches a parameter
  whose value changes, so the browser's history stays calm and a value the page wrote is never
  mistaken for a new link.

The URL parameters themselves are declared once, here (`PARAMS`), with the session key that
remembers what this session last wrote to each.
"""
from __future__ import annotations

import urllib.parse

import streamlit as st

# parameter -> what it carries (for readers; the pages check values themselves)
PARAMS = {
    "lang": "the language (vi, en)",
    "unit": "the money unit (mvnd, bvnd)",
    "doc": "the document shown (its package id, e.g. <province id>-<plan year>)",
    "district": "the district chosen on the map",
    "section": "the part of the document open on the sources page",
    "cite": "the cited sentence highlighted on the sources page",
    "id": "a saved scenario",
    "v": "a version of that saved scenario",
    "s": "a whole unsaved scenario",
    "slide": "the slide shown in presentation mode",
    "scenario": "the saved scenario shown on the scenario slide",
    "present": "presentation mode on (1) or off (0)",
}
_SEEN = "_url_seen"  # session: parameter -> the value this session last read or wrote


def _seen() -> dict:
    return st.session_state.setdefault(_SEEN, {})


def _check(name: str) -> None:
    if name not in PARAMS:
        raise KeyError(f"undeclared URL parameter {name!r}: declare it in url_state.PARAMS")


def incoming(name: str) -> str | None:
    """The parameter's value if it is new to this session (a link opened or typed), else None.
    Reading it marks it as seen, so it wins once."""
    _check(name)
    raw = st.query_params.get(name)
    if raw is None or _seen().get(name) == raw:
        return None
    _seen()[name] = raw
    return raw


def incoming_group(names: tuple[str, ...]) -> dict[str, str | None] | None:
    """For parameters that only mean something together (a scenario's id and version): their values
    when any of them differs from what this session last read or wrote, else None."""
    for name in names:
        _check(name)
    values = {name: st.query_params.get(name) for name in names}
    seen = _seen()
    if all(seen.get(name) == values[name] for name in names):
        return None
    seen.update(values)
    return values


def current(name: str) -> str | None:
    """The parameter's value in the address now, new or not."""
    _check(name)
    return st.query_params.get(name)


def put(name: str, value: str | None, force: bool = False) -> None:
    """Writes the parameter (None: removes it), only if its value changes. `force`: write it even so
    (a st.page_link to the same page hands the script its parameters but leaves the browser's
    address bar as it was; writing them again puts them there)."""
    _check(name)
    if value is None:
        if name in st.query_params:
            st.query_params.pop(name, None)
    elif force or st.query_params.get(name) != value:
        st.query_params[name] = value
    _seen()[name] = value


def consume(name: str) -> str | None:
    """The parameter's value, removed from the address (a one-off instruction such as ?present=1)."""
    _check(name)
    raw = st.query_params.get(name)
    if raw is not None:
        st.query_params.pop(name, None)
    _seen().pop(name, None)
    return raw


def forget(name: str) -> None:
    """Next time, the address's value counts as new again (the page dropped what it had read)."""
    _check(name)
    _seen().pop(name, None)


def href(page: str, **params: str | None) -> str:
    """A link to another page of the app with these parameters (relative to the page showing it),
    for places that take an address rather than a page, such as a table's link column."""
    for name in params:
        _check(name)
    query = urllib.parse.urlencode({k: v for k, v in params.items() if v is not None})
    return f"{page}?{query}" if query else page
