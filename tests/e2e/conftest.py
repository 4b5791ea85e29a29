"""Real-browser fixtures: a Streamlit server on a free local port and Debian's Chromium via Playwright.

Every page records the requests it makes and the console errors it logs, so a test can assert
that nothing but the app's own address was contacted (the app must work with no internet).
Screenshots go to artifacts/screenshots/ (kept by CI as test artifacts).
"""
from __future__ import annotations

import functools
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = ROOT / "artifacts" / "screenshots"
SERVER_LOGS = ROOT / "artifacts" / "server-logs"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--disable-quic", "--no-first-run", "--disable-default-apps",
]
SETTLE_TIMEOUT_MS = 60_000

pytestmark = pytest.mark.browser


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(script: Path, env: dict | None = None) -> tuple[subprocess.Popen, str]:
    """Starts `streamlit run script` on a free loopback port; returns (process, base url). A server
    given no KHCN_SCENARIO_DB saves into an empty store of its own (tests run in parallel, and a
    store file is held by one process at a time), removed by stop_server."""
    own_store = None
    if "KHCN_SCENARIO_DB" not in (env or {}):
        own_store = tempfile.mkdtemp(prefix="khcn-e2e-store-")
        env = {**(env or {}), "KHCN_SCENARIO_DB": str(Path(own_store) / "scenarios.duckdb")}
    port = _free_port()
    cmd = [sys.executable, "-m", "streamlit", "run", str(script), "--server.port", str(port),
           "--server.address", "127.0.0.1", "--server.headless", "true",
           "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"]
    # The server's output goes to a file, never to a pipe: nobody reads a pipe while the tests run,
    # and a server that has written 64 KB into a full pipe blocks on its next log line.
    SERVER_LOGS.mkdir(parents=True, exist_ok=True)
    log_path = SERVER_LOGS / f"streamlit-{script.stem}-{port}.log"
    log = log_path.open("wb")
    proc = subprocess.Popen(cmd, cwd=script.parent, env={**os.environ, **(env or {})},
                            stdout=log, stderr=subprocess.STDOUT)
    log.close()  # the child has its own copy of the descriptor
    proc.log_path = log_path
    proc.own_store = own_store
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while time.time() < deadline:
        if proc.poll() is not None:
            out = log_path.read_text(errors="replace")
            stop_server(proc)
            raise RuntimeError(f"streamlit exited early:\n{out}")
        try:
            with urllib.request.urlopen(base + "/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return proc, base
        except OSError:
            time.sleep(0.3)
    stop_server(proc)
    raise RuntimeError("streamlit did not become healthy in 60 s")


def stop_server(proc: subprocess.Popen) -> None:
    """Stops a server from start_server: politely, then for good after 10 s."""
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=10)
    if getattr(proc, "own_store", None):
        shutil.rmtree(proc.own_store, ignore_errors=True)


@pytest.fixture(scope="session")
def app_url():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: .ci/run installs Debian's chromium")
    proc, base = start_server(ROOT / "app.py")
    yield base
    stop_server(proc)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


class Recorder:
    """Requests and console errors of one page."""

    def __init__(self, page, base: str):
        self.page, self.base = page, base
        self.requests: list[str] = []
        self.console_errors: list[str] = []
        page.on("request", lambda req: self.requests.append(req.url))
        self.failed_responses: list[str] = []
        page.on("console", self._on_console)
        page.on("pageerror", lambda exc: self.console_errors.append(str(exc)))
        page.on("response", self._on_response)

    # On a deep link such as /review, Streamlit's frontend first probes /review/_stcore/health and
    # /review/_stcore/host-config to find the app's base path, gets 404, and then uses /. Those
    # probes are the framework's, not errors of this app; every other failed response counts.
    _BASE_PATH_PROBE = re.compile(r"^/[^/]+/_stcore/(health|host-config)$")

    def _on_response(self, response) -> None:
        if response.status >= 400 and not self._BASE_PATH_PROBE.match(urlparse(response.url).path):
            self.failed_responses.append(f"{response.status} {response.url}")

    def _on_console(self, msg) -> None:
        # a failed load is also logged as a console error; it is judged by _on_response instead
        if msg.type == "error" and not msg.text.startswith("Failed to load resource"):
            self.console_errors.append(msg.text)

    def outside_requests(self) -> list[str]:
        """Requests to any host but the app's own (data:, blob: and about: are local)."""
        own = urlparse(self.base).netloc
        out = []
        for url in self.requests:
            u = urlparse(url)
            if u.scheme in ("data", "blob", "about", "chrome-extension"):
                continue
            if u.netloc != own:
                out.append(url)
        return out

    def goto(self, path: str) -> None:
        self.page.goto(self.base + path, wait_until="domcontentloaded")
        settle(self.page)

    def screenshot(self, name: str) -> Path:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        path = ARTIFACTS / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=True)
        return path

    def screenshot_full(self, name: str, max_height: int = 20_000) -> Path:
        """The whole page, however long: Streamlit scrolls inside its main block, so the browser's
        full-page screenshot shows only the first screen. The viewport is made as tall as the
        content for the shot (at most `max_height` px), then put back."""
        size = self.page.viewport_size
        height = self.page.evaluate("""() => Math.max(0, ...['stMain', 'stAppViewContainer', 'stSidebarContent']
            .map(id => document.querySelector(`[data-testid="${id}"]`)).filter(Boolean).map(e => e.scrollHeight))""")
        self.page.set_viewport_size({"width": size["width"], "height": min(max(height, size["height"]), max_height)})
        try:
            settle(self.page)
            return self.screenshot(name)
        finally:
            self.page.set_viewport_size(size)


def settle(page, timeout_ms: int = SETTLE_TIMEOUT_MS) -> None:
    """Waits until the script has finished and every Plotly chart on screen has drawn.

    An element whose code is still loading (Plotly's chunk is several MB, fetched on first use in a
    fresh browser context) shows as a `stSkeleton` placeholder even after the script has finished,
    so a page is settled only when no such placeholder is left."""
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]',
                           timeout=timeout_ms, state="attached")
    page.wait_for_function(
        """() => {
            if (document.querySelector('[data-testid="stSkeleton"]')) return false;
            const charts = document.querySelectorAll('[data-testid="stPlotlyChart"]');
            return Array.from(charts).every(c => c.offsetParent === null || c.querySelector('.main-svg'));
        }""", timeout=timeout_ms)
    page.wait_for_timeout(150)  # let the last frame paint


_ARM_RERUN = """() => {
    const app = document.querySelector('[data-testid="stApp"]');
    window.__e2eRan = false;
    if (window.__e2eObs) window.__e2eObs.disconnect();
    window.__e2eObs = new MutationObserver(() => {
        if (app.getAttribute('data-test-script-state') === 'running') window.__e2eRan = true;
    });
    window.__e2eObs.observe(app, {attributes: true, attributeFilter: ['data-test-script-state']});
}"""


def rerun(page, action, wait_start_ms: int = 3_000) -> None:
    """Does `action` (a click, a key press) and waits for the script run it starts to finish and the
    page to settle. A run too short to ever show as running is waited for `wait_start_ms` at most."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
    page.evaluate(_ARM_RERUN)
    action()
    try:
        page.wait_for_function("() => window.__e2eRan", timeout=wait_start_ms, polling=20)
    except PlaywrightTimeout:
        pass
    settle(page)


def open_part(page, key: str) -> None:
    """Opens a part drawn only once opened (ui.lazy_expander), by its key, as a click on its title
    does, and waits for the run that draws it."""
    title = page.locator(f".st-key-{key} summary")
    title.scroll_into_view_if_needed()
    rerun(page, title.click)


@pytest.fixture
def recorder(browser, app_url):
    context = browser.new_context(viewport={"width": 1400, "height": 900}, locale="vi-VN")
    page = context.new_page()
    rec = Recorder(page, app_url)
    yield rec
    context.close()


# --- the scenario page's lines editor (st.data_editor: a canvas; its cells are read from the
# grid's accessibility table and typed into through the cell editor it opens) ---------------------

LINES_EDITOR = '[class*="st-key-scn_editor_"]'  # scenario_session.K.EDITOR_PREFIX
AMOUNT_COLUMN, LINE_COLUMN = 3, 1  # charts.scenarios.EDITOR_COLUMNS


def editor_rows(page) -> list[list[str]]:
    """The lines editor's visible rows, each a list of its cells' text (brought into view first:
    the grid draws its rows once it is on screen)."""
    page.locator(LINES_EDITOR).first.scroll_into_view_if_needed()
    page.wait_for_function("""(sel) => document.querySelector(sel + ' table[role=grid] tbody tr td')""",
                           arg=LINES_EDITOR, timeout=SETTLE_TIMEOUT_MS)
    return page.evaluate("""(sel) => Array.from(document.querySelectorAll(sel + ' table[role=grid] tbody tr'))
        .map(tr => Array.from(tr.querySelectorAll('td')).map(td => td.textContent))""", LINES_EDITOR)


@functools.cache
def _line_labels(lang: str) -> dict[str, str]:
    """Each line's label in the editor (what identifies its row), for the served document."""
    from khcn_dash import scenario_baseline
    from khcn_dash.labels import scenarios as L
    return {ln.line_id: L.line_label(ln, lang) for ln in scenario_baseline.load_baseline().lines}


def line_amounts(page, lang: str = "vi") -> dict[str, str]:
    """What the editor's amount column shows, by line id (typed text that was refused included)."""
    by_label = {label: line_id for line_id, label in _line_labels(lang).items()}
    return {by_label[r[LINE_COLUMN]]: r[AMOUNT_COLUMN] for r in editor_rows(page) if r[LINE_COLUMN] in by_label}


SELECTED_CELL_JS = """([editor, id]) => {
    const cell = document.querySelector(editor + ' td[aria-selected="true"]');
    return id === null ? cell !== null : cell !== null && cell.id === id;
}"""


def open_cell(page, editor: str, row: int, column: int):
    """Opens the cell editor of one cell of the st.data_editor at CSS selector `editor`, as a person
    does: a click on the first cell, the arrow keys, then Enter. Returns the cell editor's text
    field. Each step is checked in the grid's accessibility table (which cell is selected), since a
    key pressed while the grid is still taking the focus is lost; a failed try is made again.
    (Also the benchmark's way in: bench/browser.py.)"""
    grid = page.locator(f'{editor} [data-testid="stDataFrameResizable"]').first
    field = page.locator("#portal textarea:not([disabled]), #portal input:not([disabled])").first
    for attempt in range(4):
        try:
            grid.scroll_into_view_if_needed()
            box = grid.bounding_box()
            page.mouse.click(box["x"] + 8, box["y"] + 35 + 17)  # the first cell, below the header row
            page.wait_for_function(SELECTED_CELL_JS, arg=[editor, None], timeout=3_000)
            for _ in range(column):
                page.keyboard.press("ArrowRight")
            for _ in range(row):
                page.keyboard.press("ArrowDown")
            page.wait_for_function(SELECTED_CELL_JS, arg=[editor, f"glide-cell-{column}-{row}"], timeout=3_000)
            page.keyboard.press("Enter")
            field.wait_for(timeout=5_000)
            return field
        except Exception:  # noqa: BLE001 - playwright's TimeoutError: a click or a key was lost
            if attempt == 3:
                raise
            page.keyboard.press("Escape")
            page.wait_for_timeout(500)


def edit_cell(page, row: int, column: int, text: str) -> None:
    """Types `text` into a cell of the lines editor and presses Enter; the script run it starts is
    waited for."""
    field = open_cell(page, LINES_EDITOR, row, column)
    field.fill(text)
    rerun(page, lambda: field.press("Enter"))


def type_line_amount(page, line_id: str, text: str, lang: str = "vi") -> None:
    """Types an amount for one line (found by its label) into the lines editor."""
    labels = [r[LINE_COLUMN] for r in editor_rows(page)]
    edit_cell(page, labels.index(_line_labels(lang)[line_id]), AMOUNT_COLUMN, text)
