"""Browser measurements against the bare app: settle time per page, cold start, input latency.

"Settled" is the e2e suite's definition (tests/e2e/conftest.settle): the app's script is not
running and every visible Plotly chart has drawn its SVG, without the suite's extra 150 ms pause.
Everything runs on loopback; every wait is bounded.
"""
from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "app.py"
BARE_APP = ROOT / "bench" / "bare_app" / "app.py"
sys.path.insert(0, str(ROOT))

from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS, _free_port, open_cell  # noqa: E402  (one set of browser flags)

TIMEOUT_MS = 60_000
VIEWPORT = {"width": 1400, "height": 900}

# The same condition as tests/e2e/conftest.settle.
SETTLED_JS = """() => {
    const app = document.querySelector('[data-testid="stApp"]');
    if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
    if (document.querySelector('[data-testid="stSkeleton"]')) return false;
    const charts = document.querySelectorAll('[data-testid="stPlotlyChart"]');
    return Array.from(charts).every(c => c.offsetParent === null || c.querySelector('.main-svg'));
}"""
_CHART_SIG = """Array.from(document.querySelectorAll('[data-testid="stPlotlyChart"] .main-svg'))
                    .map(s => s.innerHTML).join('|')"""
# Before an action: remember what the charts show.
ARM_JS = "() => { window.__benchSig = %s; }" % _CHART_SIG
NAV_DONE_JS = "(path) => window.location.pathname === path && (%s)()" % SETTLED_JS
# A widget change: settled again, with different chart contents.
CHART_CHANGED_JS = "() => (%s)() && (%s) !== window.__benchSig" % (SETTLED_JS, _CHART_SIG)


# --- servers ----------------------------------------------------------------------------------

class Server:
    """`streamlit run script` on a free loopback port (polled every 50 ms for cold-start timing)."""

    def __init__(self, script: Path, env: dict | None = None):
        self.script = Path(script).resolve()
        port = _free_port()
        self.base = f"http://127.0.0.1:{port}"
        cmd = [sys.executable, "-m", "streamlit", "run", str(self.script), "--server.port", str(port),
               "--server.address", "127.0.0.1", "--server.headless", "true",
               "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"]
        self.proc = subprocess.Popen(cmd, cwd=self.script.parent, env={**os.environ, **(env or {})},
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"streamlit exited early running {self.script}")
            try:
                with urllib.request.urlopen(self.base + "/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        return
            except OSError:
                time.sleep(0.05)
        self.stop()
        raise RuntimeError(f"streamlit did not become healthy in 60 s ({self.script})")

    @property
    def pid(self) -> int:
        return self.proc.pid

    def rss_mb(self) -> float:
        return rss_mb(self.pid)

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()


def _children(pid: int) -> list[int]:
    out = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            out += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            pass
    return out


def rss_mb(pid: int) -> float:
    """Resident memory of a process and its descendants (VmRSS from /proc), in MB."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            continue
        todo += _children(p)
    return total / 1024


# --- pages ------------------------------------------------------------------------------------

def launch(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)


def wait_settled(page, timeout_ms: int = TIMEOUT_MS) -> None:
    page.wait_for_function(SETTLED_JS, timeout=timeout_ms, polling=10)


def load_ms(browser, url: str) -> float:
    """A fresh session (new context) opening `url`: navigation start to settled, in ms."""
    ctx = browser.new_context(viewport=VIEWPORT)
    try:
        page = ctx.new_page()
        t0 = time.perf_counter()
        page.goto(url, wait_until="commit", timeout=TIMEOUT_MS)
        wait_settled(page)
        return (time.perf_counter() - t0) * 1000
    finally:
        ctx.close()


def input_ms(page, cell: tuple[str, int, int], value: str) -> float:
    """Types `value` into a cell of a table editor (`cell`: the editor's CSS selector, row, column)
    and times Enter to the chart redrawn."""
    box = open_cell(page, *cell)
    box.fill(value)
    page.evaluate(ARM_JS)
    t0 = time.perf_counter()
    box.press("Enter")
    page.wait_for_function(CHART_CHANGED_JS, timeout=TIMEOUT_MS, polling=10)
    return (time.perf_counter() - t0) * 1000


@dataclass
class Pair:
    """Medians of the app and the bare app for one metric."""
    app: list[float]
    bare: list[float]

    @property
    def app_ms(self) -> float:
        return statistics.median(self.app)

    @property
    def bare_ms(self) -> float:
        return statistics.median(self.bare)

    @property
    def ratio(self) -> float:
        return self.app_ms / self.bare_ms


def page_settle(browser, app_base: str, bare_base: str, addresses: list[str], runs: int) -> dict[str, Pair]:
    """Each address loaded `runs` times in each app, alternating which goes first; after one warm-up each."""
    for addr in addresses:
        load_ms(browser, app_base + addr)
        load_ms(browser, bare_base + addr)
    out = {addr: Pair([], []) for addr in addresses}
    for r in range(runs):
        for addr in addresses:
            order = [("app", app_base), ("bare", bare_base)]
            for which, base in (order if r % 2 == 0 else order[::-1]):
                getattr(out[addr], which).append(load_ms(browser, base + addr))
    return out


def cold_start(browser, runs: int) -> Pair:
    """Process start to first page settled, for a fresh server of each app."""
    out = Pair([], [])
    for r in range(runs):
        order = [("app", APP), ("bare", BARE_APP)]
        for which, script in (order if r % 2 == 0 else order[::-1]):
            t0 = time.perf_counter()
            with Server(script) as srv:
                ctx = browser.new_context(viewport=VIEWPORT)
                try:
                    page = ctx.new_page()
                    page.goto(srv.base + "/", wait_until="commit", timeout=TIMEOUT_MS)
                    wait_settled(page)
                    getattr(out, which).append((time.perf_counter() - t0) * 1000)
                finally:
                    ctx.close()
    return out


# The input each app's scenario page is timed with: ((the editor's CSS selector, row, column), two
# values typed in turn). The app's: the laboratory line's amount in the lines editor; the bare
# app's: the same cell of an editor of the same shape.
APP_INPUT = (('[class*="st-key-scn_editor_"]', 2, 3), ("9.000", "10.000"))
BARE_INPUT = (('.st-key-lines', 2, 3), ("9000", "10000"))


def input_latency(browser, app_base: str, bare_base: str, address: str, runs: int) -> Pair:
    """A typed value + Enter on `address` to its chart redrawn, in each app (after one warm-up)."""
    out = Pair([], [])
    for which, base, (cell, values) in (("app", app_base, APP_INPUT), ("bare", bare_base, BARE_INPUT)):
        ctx = browser.new_context(viewport=VIEWPORT)
        try:
            page = ctx.new_page()
            page.goto(base + address, wait_until="commit", timeout=TIMEOUT_MS)
            wait_settled(page)
            input_ms(page, cell, values[0])
            for r in range(1, runs + 1):
                getattr(out, which).append(input_ms(page, cell, values[r % 2]))
        finally:
            ctx.close()
    return out
