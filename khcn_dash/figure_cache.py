"""Figures built once: the same document and arguments give the same chart without building it again.

A Plotly figure costs more to build than to send: every trace and annotation is validated as it is
added (the district map: 50–90 ms on every run of its page, before the browser even hears of the
chart). `kept_figure` builds it once per process for a document and a set of arguments, keeps its
plain, already validated dict (≈100 KB pickled, Streamlit's data cache), and hands each run a
figure made from that dict without validating it again (≈8 ms). Arguments are hashed, so pass the
choices a figure depends on (filters, language, selection), not DataFrames: the function given
runs the queries itself, and only when its figure is not kept yet. New data clears Streamlit's
data cache (queries._db.forget), and these with it.
"""
from __future__ import annotations

from collections.abc import Callable

import plotly.graph_objects as go
import streamlit as st

from . import served


@st.cache_data(show_spinner=False, max_entries=128)
def _figure_dict(name: str, doc_id: str, args: tuple, kwargs: dict, _build: Callable[..., go.Figure]) -> dict:
    return _build(*args, **kwargs).to_dict()


def kept_figure(build: Callable[..., go.Figure], *args, **kwargs) -> go.Figure:
    """build(*args, **kwargs) for the served document, built (and validated) only the first time."""
    name = f"{build.__code__.co_filename}:{build.__qualname__}"  # a page's functions are all in __main__
    return go.Figure(_figure_dict(name, served.doc_id(), args, kwargs, build), _validate=False)
