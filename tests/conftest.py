"""Shared fixtures. Paths resolve from this file, never from the working directory.

The suite runs in parallel (pytest-xdist, `-n auto` in pytest.ini): each worker is a process of
its own, so nothing here may write to a shared file; saved scenarios go to a file of the
worker's own, and the Parquet is built once under a file lock (khcn_dash.build.ensure_built)."""
from __future__ import annotations

import contextlib
import functools
import os
import re
from pathlib import Path

import pytest
import streamlit.components.v2.manifest_scanner as _manifest_scanner
import streamlit.testing.v1.app_test as _app_test
import streamlit.testing.v1.local_script_runner as _local_script_runner
from streamlit.runtime.pages_manager import PagesManager
from streamlit.runtime.scriptrunner.script_cache import ScriptCache
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

# `streamlit run` compiles each script once per server (one ScriptCache); AppTest makes a new cache
# for every run, so app.py and the page were compiled again on each run (about 60 ms a script here,
# half of a page's run). The scripts do not change during the tests: one cache per process.
_SCRIPT_CACHE = ScriptCache()
_app_test.ScriptCache = _local_script_runner.ScriptCache = lambda: _SCRIPT_CACHE


@functools.cache
def _installed_component_manifests(max_workers=None) -> tuple:
    return tuple(_scan_component_manifests(max_workers))


def _scan_component_manifests_once(max_workers=None) -> list:
    """Every AppTest scans the metadata of every installed package for Streamlit components before
    its first run (about 0.4 s here, most of a page run); `streamlit run` does it once per server.
    The installed packages do not change during the tests, so they are scanned once per process."""
    return list(_installed_component_manifests(max_workers))


_scan_component_manifests = _manifest_scanner.scan_component_manifests
_manifest_scanner.scan_component_manifests = _scan_component_manifests_once

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
TIMEOUT = 30  # seconds per AppTest run; 3 s is tight on 2 cores


@pytest.fixture(scope="session", autouse=True)
def built_data():
    """The project's Parquet, built once from the sources if missing or stale (the first worker
    builds, under a lock; the others wait for it and find it current)."""
    from khcn_dash.build import ensure_built
    ensure_built()


@pytest.fixture(scope="session", autouse=True)
def _own_scenario_store(tmp_path_factory):
    """Nothing in the tests saves into data/scenarios.duckdb: a page or a server that is given no
    store of its own (scenario_db, or the servers' KHCN_SCENARIO_DB) uses this worker's file."""
    from khcn_dash import scenario_store as stores
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv(stores.ENV_VAR, str(tmp_path_factory.mktemp("session-store") / "scenarios.duckdb"))
        yield
    stores.close_all()


@pytest.fixture
def scenario_db(tmp_path, monkeypatch):
    """Saved scenarios go to a file of the test's own (KHCN_SCENARIO_DB); open stores are closed after."""
    from khcn_dash import scenario_store as stores
    path = tmp_path / "scenarios.duckdb"
    monkeypatch.setenv(stores.ENV_VAR, str(path))
    yield path
    stores.close_all()


@pytest.fixture(scope="session")
def pg_server():
    """A throw-away PostgreSQL server of this worker's own (tests/pg_server.py: initdb in a temporary
    folder, a free port), stopped and removed after. Without PostgreSQL installed the tests that
    need it are skipped, unless KHCN_REQUIRE_POSTGRES=1 (.ci/run sets it: there they must run)."""
    from tests.pg_server import PgServer, bin_dir
    if bin_dir() is None:
        if os.environ.get("KHCN_REQUIRE_POSTGRES") == "1":
            pytest.fail("PostgreSQL is not installed (apt-get install postgresql)")
        pytest.skip("PostgreSQL is not installed (apt-get install postgresql)")
    server = PgServer().start()
    yield server
    server.destroy()


@pytest.fixture
def pg_url(pg_server):
    """A fresh empty database on the worker's PostgreSQL server (its URL); open stores are closed
    and the database dropped after."""
    url = pg_server.create_database()
    yield url
    from khcn_dash import scenario_store as stores
    stores.close_all()
    pg_server.drop_database(url)


def shown(markdown: str) -> str:
    """Markdown source with its backslash escapes undone: the characters a reader sees (the app
    escapes every ASCII punctuation mark of document and user text, khcn_dash.text.md_escape)."""
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", markdown)


def open_page(page: str, **query) -> AppTest:
    """Runs the app at a page (key of labels.PAGES) with URL query parameters, as a link to the
    page's address does (one run, through app.py's navigation)."""
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    for k, v in query.items():
        at.query_params[k] = v
    if page != "overview":
        at.switch_page(f"pages/{page}.py")
    return at.run()


def show_tabs(at: AppTest, **tabs: str) -> AppTest:
    """Opens tabs made by ui.lazy_tabs as a click on them would (only the open tab's content is
    drawn): key=label of the tab, for each tab set to open; then reruns."""
    for key, label in tabs.items():
        at.session_state[key] = label
    return at.run()


def open_parts(at: AppTest, *keys: str) -> AppTest:
    """Opens these lazy expanders (ui.lazy_expander: their content is drawn only once open), as a
    click on each would, by their keys; runs again if one was closed. Returns `at`."""
    closed = [k for k in keys if not at.session_state[k]]
    for key in closed:
        at.session_state[key] = True
    return at.run() if closed else at


def scenarios_page(**query) -> AppTest:
    """The scenario page with every part below its first screen open (moving money, the floor, the
    split, sharing, saving, the saved list, the comparison)."""
    from khcn_dash.scenario_session import K
    at = open_page("scenarios", **query)
    parts = [K.OPEN_MOVE, K.OPEN_FLOOR, K.OPEN_SHARE, K.OPEN_SAVE, K.OPEN_SAVED, K.OPEN_COMPARE]
    if any(e.key == K.OPEN_SPLIT for e in at.expander):  # only where the document gives the block as one line
        parts.append(K.OPEN_SPLIT)
    return open_parts(at, *parts)


@contextlib.contextmanager
def serving_packages(monkeypatch, packages: Path, parquet: Path):
    """The app (this process) serves the packages in `packages`, built under `parquet`, inside the
    block: no document, connection or cached result of another folder is used in it or kept after."""
    from khcn_dash import config, documents
    from khcn_dash.queries import _db
    monkeypatch.setattr(config, "PACKAGES_DIR", Path(packages))
    monkeypatch.setattr(config, "PARQUET_DIR", Path(parquet))
    documents.forget()
    _db.forget()
    try:
        yield
    finally:
        _db.forget()
        documents.forget()


def open_sources(at: AppTest) -> AppTest:
    """Opens every "sources in the document" note on the page and runs again (their sentences are
    drawn only once a note is opened: ui.source_note); returns `at`."""
    for _ in range(3):
        closed = [e.key for e in at.expander
                  if e.key and e.key.endswith("_src_open") and not at.session_state[e.key]]
        if not closed:
            break
        for key in closed:
            at.session_state[key] = True
        at.run()
    return at


def _line_editor(at: AppTest):
    """The scenario page's lines editor (its key changes each time the scenario does)."""
    from khcn_dash.scenario_session import K
    return next(e for e in at.data_editor if (e.key or "").startswith(K.EDITOR_PREFIX))


def _editor_state(at: AppTest, key: str) -> dict:
    try:
        return dict(at.session_state[key] or {})
    except KeyError:
        return {}


def _editor_rows_key() -> str:
    from khcn_dash.scenario_session import K
    return K.EDITOR_ROWS


def line_amounts(at: AppTest) -> dict[str, str]:
    """What the scenario page's lines editor shows in its amount column, by line id: the scenario's
    amounts, with a refused cell's typed text over its line (as a browser shows it)."""
    editor = _line_editor(at)
    rows = at.session_state[_editor_rows_key()]
    shown = dict(zip(rows, editor.value["amount"]))
    for r, cells in _editor_state(at, editor.key).get("edited_rows", {}).items():
        if "amount" in cells:
            shown[rows[int(r)]] = cells["amount"]
    return shown


def type_amount(at: AppTest, line_id: str, text: str | None) -> AppTest:
    """Types `text` into the amount cell of `line_id` in the lines editor and runs (as a browser
    sends an edited cell: the editor's edit state, earlier edits of this editor kept)."""
    editor = _line_editor(at)
    rows = list(at.session_state[_editor_rows_key()])
    edited = {int(r): dict(c) for r, c in _editor_state(at, editor.key).get("edited_rows", {}).items()}
    edited.setdefault(rows.index(line_id), {})["amount"] = text
    at.session_state[editor.key] = {"edited_rows": edited, "added_rows": [], "deleted_rows": []}
    return at.run()


def pytest_xdist_auto_num_workers(config):
    """`-n auto`: one worker per core. The fast lane is all computing; the browser tests are too
    (each keeps a server and a Chromium busy), so more workers than cores only make each slower."""
    return os.cpu_count() or 1


def pytest_collection_modifyitems(config, items):
    """Every test under tests/e2e drives a real browser: it carries the `browser` marker, so the
    fast lane (`pytest -m "not browser"`) leaves it out."""
    e2e = ROOT / "tests" / "e2e"
    for item in items:
        if e2e in Path(item.path).parents:
            item.add_marker(pytest.mark.browser)
    # the longest tests first (test_widgets_browser's walks through every widget of a page, then the
    # other browser tests; in the fast lane the tests that start servers and processes), so that in
    # parallel no long test is left to start last
    items.sort(key=lambda item: (not item.get_closest_marker("browser"),
                                 Path(item.path).name not in LONGEST_FIRST,
                                 LONGEST_FIRST.index(Path(item.path).name) if Path(item.path).name in LONGEST_FIRST else 0))


LONGEST_FIRST = ["test_widgets_browser.py", "test_serve_replicas.py", "test_scenario_store_pg.py", "test_exports.py",
                 "test_publish.py"]


OLD_DOC, NEW_DOC = "lang-son-2021", "lang-son-2022"


def two_year_packages(root: Path) -> tuple[Path, Path]:
    """A packages folder under `root` holding the Lạng Sơn package (OLD_DOC) and a 2022 plan made
    from it (the recurrent line and the total 1.000 triệu more, in the text and the tables) added by
    `python -m khcn_dash.packages add`. Returns (packages folder, Parquet folder, not built)."""
    import subprocess
    import shutil
    import sys

    from bench.packages import MORE_RECURRENT, derive
    from khcn_dash import config

    packages, parquet = root / "packages", root / "parquet"
    shutil.copytree(config.SOURCE_DIR, packages / OLD_DOC)
    made = derive(config.SOURCE_DIR, root / "incoming", 2022, replace=MORE_RECURRENT)
    env = {**os.environ, "KHCN_PACKAGES_DIR": str(packages), "KHCN_PARQUET_DIR": str(parquet)}
    done = subprocess.run([sys.executable, "-m", "khcn_dash.packages", "add", str(made), "--lang", "en"],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stdout + done.stderr
    assert (packages / NEW_DOC / config.DESCRIPTOR).exists()
    return packages, parquet
