"""Concurrent browser sessions walking every page and changing a scenario; server memory.

Each session is its own browser context (its own Streamlit session): it opens the first address,
then clicks through the sidebar to every other page the way a person does, and on the scenarios
page types a new amount into a line. Every step is timed from the action to "settled"; any
exception element, console error, failed response, request to another host or timeout counts as
an error. The server's resident memory is read with all sessions still open. Bounded in steps
and time; loopback only.
"""
from __future__ import annotations

import asyncio
import re
import time
from dataclasses import dataclass, field
from urllib.parse import urlparse

from . import browser as B
from tests.e2e.conftest import SELECTED_CELL_JS  # one way of telling which cell is selected

SESSION_TIMEOUT_S = 600
_PROBE = re.compile(r"^/[^/]+/_stcore/(health|host-config)$")  # Streamlit's base-path probes (see e2e conftest)


@dataclass
class SessionResult:
    steps: list[tuple[str, float]] = field(default_factory=list)  # (step, ms)
    errors: list[str] = field(default_factory=list)


@dataclass
class LoadResult:
    sessions: int
    steps: list[tuple[str, float]]
    errors: list[str]
    rss_mb: float
    wall_s: float

    @property
    def settle_ms(self) -> list[float]:
        return sorted(ms for _, ms in self.steps)

    def percentile(self, q: float) -> float:
        xs = self.settle_ms
        if not xs:
            return float("nan")
        k = min(len(xs) - 1, max(0, round(q / 100 * (len(xs) - 1))))
        return xs[k]


def _watch(page, base: str, errors: list[str]) -> None:
    own = urlparse(base).netloc

    def on_request(req):
        u = urlparse(req.url)
        if u.scheme not in ("data", "blob", "about", "chrome-extension") and u.netloc != own:
            errors.append(f"outside request {req.url}")

    def on_response(resp):
        if resp.status >= 400 and not _PROBE.match(urlparse(resp.url).path):
            errors.append(f"{resp.status} {resp.url}")

    def on_console(msg):
        if msg.type == "error" and not msg.text.startswith("Failed to load resource"):
            errors.append(f"console: {msg.text[:200]}")

    page.on("request", on_request)
    page.on("response", on_response)
    page.on("console", on_console)
    page.on("pageerror", lambda exc: errors.append(f"page error: {exc}"))


async def _timed(page, action, done_js: str, arg=None) -> float:
    await page.evaluate(B.ARM_JS)
    t0 = time.perf_counter()
    await action()
    await page.wait_for_function(done_js, arg=arg, timeout=B.TIMEOUT_MS, polling=20)
    return (time.perf_counter() - t0) * 1000


async def _check(page, where: str, errors: list[str]) -> None:
    if await page.locator('[data-testid="stException"]').count():
        errors.append(f"exception element on {where}")


async def _open_cell(page, editor: str, row: int, column: int):
    """The async twin of tests/e2e/conftest.open_cell: the first cell clicked, the arrow keys, Enter,
    each step checked in the grid's accessibility table and tried again when a key was lost (as it
    is, under load, while the grid takes the focus)."""
    grid = page.locator(f'{editor} [data-testid="stDataFrameResizable"]').first
    field = page.locator("#portal textarea:not([disabled]), #portal input:not([disabled])").first
    for attempt in range(4):
        try:
            await grid.scroll_into_view_if_needed()
            box = await grid.bounding_box()
            await page.mouse.click(box["x"] + 8, box["y"] + 35 + 17)
            await page.wait_for_function(SELECTED_CELL_JS, arg=[editor, None], timeout=10_000)
            for key in ["ArrowRight"] * column + ["ArrowDown"] * row:
                await page.keyboard.press(key)
            await page.wait_for_function(SELECTED_CELL_JS, arg=[editor, f"glide-cell-{column}-{row}"], timeout=10_000)
            await page.keyboard.press("Enter")
            await field.wait_for(timeout=10_000)
            return field
        except Exception:  # noqa: BLE001 - playwright's TimeoutError: a click or a key was lost
            if attempt == 3:
                raise
            await page.keyboard.press("Escape")
            await page.wait_for_timeout(500)


async def walk(browser, base: str, addresses: list[str], scenario: str | None, result: SessionResult,
               walked: asyncio.Event, hold: asyncio.Event) -> None:
    """One session: open addresses[0], click to every other address, change an amount on `scenario`."""
    ctx = await browser.new_context(viewport={"width": 1280, "height": 800})
    try:
        page = await ctx.new_page()
        _watch(page, base, result.errors)
        t0 = time.perf_counter()
        await page.goto(base + addresses[0], wait_until="commit", timeout=B.TIMEOUT_MS)
        await page.wait_for_function(B.SETTLED_JS, timeout=B.TIMEOUT_MS, polling=20)
        result.steps.append((f"open {addresses[0]}", (time.perf_counter() - t0) * 1000))
        await _check(page, addresses[0], result.errors)
        for addr in addresses[1:]:
            link = page.locator(f'[data-testid="stSidebarNav"] a[href="{base}{addr}"]').first
            ms = await _timed(page, link.click, B.NAV_DONE_JS, addr)
            result.steps.append((f"goto {addr}", ms))
            await _check(page, addr, result.errors)
            if addr == scenario:
                for which_input in (B.APP_INPUT, B.BARE_INPUT):
                    if await page.locator(which_input[0][0]).count():
                        break
                else:
                    result.errors.append(f"no scenario input on {addr}")
                    continue
                box = await _open_cell(page, *which_input[0])
                await box.fill(which_input[1][0])
                ms = await _timed(page, lambda: box.press("Enter"), B.CHART_CHANGED_JS)
                result.steps.append((f"scenario change {addr}", ms))
                await _check(page, addr, result.errors)
    except Exception as exc:  # a timeout or a missing element is an error of this session, not a crash
        result.errors.append(f"{type(exc).__name__}: {str(exc).splitlines()[0][:200]}")
    finally:
        walked.set()
        try:
            await hold.wait()  # the session stays open until the server's memory has been read
        finally:
            await ctx.close()


async def _run(script, addresses: list[str], scenario: str | None, sessions: int) -> tuple[LoadResult, LoadResult]:
    """One session alone (memory at 1), then `sessions` at once (memory at N, the load figures)."""
    from playwright.async_api import async_playwright
    with B.Server(script) as srv:
        async with async_playwright() as p:
            browser = await p.chromium.launch(executable_path=B.CHROMIUM, headless=True, args=B.CHROMIUM_ARGS)
            try:
                out = []
                for n in (1, sessions):
                    hold = asyncio.Event()
                    results = [SessionResult() for _ in range(n)]
                    walked = [asyncio.Event() for _ in range(n)]
                    t0 = time.perf_counter()
                    tasks = [asyncio.create_task(walk(browser, srv.base, addresses, scenario, r, w, hold))
                             for r, w in zip(results, walked)]
                    errors: list[str] = []
                    try:
                        await asyncio.wait_for(asyncio.gather(*(w.wait() for w in walked)), SESSION_TIMEOUT_S)
                    except asyncio.TimeoutError:
                        errors.append(f"sessions did not finish in {SESSION_TIMEOUT_S} s")
                    wall = time.perf_counter() - t0
                    await asyncio.sleep(1.0)  # let the server finish the last reruns' bookkeeping
                    rss = srv.rss_mb()
                    hold.set()
                    await asyncio.wait_for(asyncio.gather(*tasks, return_exceptions=True), timeout=120)
                    errors += [e for r in results for e in r.errors]
                    out.append(LoadResult(n, [s for r in results for s in r.steps], errors, rss, wall))
                return out[0], out[1]
            finally:
                await browser.close()


def run(script, addresses: list[str], scenario: str | None, sessions: int = 10) -> tuple[LoadResult, LoadResult]:
    return asyncio.run(_run(script, addresses, scenario, sessions))
