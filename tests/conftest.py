"""Shared fixtures. Paths resolve from this file, never from the working directory."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import streamlit.testing.v1.app_test as _app_test
from streamlit.runtime.pages_manager import PagesManager
from streamlit.testing.v1 import AppTest


class _NavigationPagesManager(PagesManager):
    """AppTest resets PagesManager.uses_pages_directory before every run, so a second run of an
    app that has a pages/ folder *and* st.navigation falls back to the old pages-folder mode and
    runs only the page file, without app.py. `streamlit run` keeps the flag False once
    st.navigation has been called; this makes AppTest do the same."""

    def __init__(self, *args, **kwargs):
        PagesManager.uses_pages_directory = False
        super().__init__(*args, **kwargs)


_app_test.PagesManager = _NavigationPagesManager

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
TIMEOUT = 30  # seconds per AppTest run; 3 s is tight on 2 cores


@pytest.fixture(scope="session", autouse=True)
def built_data():
    """The project's Parquet, built once from the sources if missing or stale."""
    from khcn_dash.build import ensure_built
    ensure_built()


@pytest.fixture
def scenario_db(tmp_path, monkeypatch):
    """Saved scenarios go to a file of the test's own (KHCN_SCENARIO_DB); open stores are closed after."""
    from khcn_dash import scenario_store as stores
    path = tmp_path / "scenarios.duckdb"
    monkeypatch.setenv(stores.ENV_VAR, str(path))
    yield path
    stores.close_all()


def shown(markdown: str) -> str:
    """Markdown source with its backslash escapes undone: the characters a reader sees (the app
    escapes every ASCII punctuation mark of document and user text, khcn_dash.text.md_escape)."""
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", markdown)


def open_page(page: str, **query) -> AppTest:
    """Runs the app at a page (key of labels.PAGES) with URL query parameters."""
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    for k, v in query.items():
        at.query_params[k] = v
    at.run()
    if page != "overview":
        at.switch_page(f"pages/{page}.py").run()
    return at


def show_tabs(at: AppTest, **tabs: str) -> AppTest:
    """Opens tabs made by ui.lazy_tabs as a click on them would (only the open tab's content is
    drawn): key=label of the tab, for each tab set to open; then reruns."""
    for key, label in tabs.items():
        at.session_state[key] = label
    return at.run()


def pytest_collection_modifyitems(config, items):
    """Every test under tests/e2e drives a real browser: it carries the `browser` marker, so the
    fast lane (`pytest -m "not browser"`) leaves it out."""
    e2e = ROOT / "tests" / "e2e"
    for item in items:
        if e2e in Path(item.path).parents:
            item.add_marker(pytest.mark.browser)
