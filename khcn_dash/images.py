"""Charts -> PNG, offline: kaleido drives Debian's Chromium on a page that loads only local files.

Plotly's own `pio.to_image` passes MathJax to kaleido only when it is set, and kaleido's
default then is MathJax from a CDN, so this module calls kaleido itself with `mathjax=False`,
plotly.js from the plotly package, and a local topojson folder if the project has one. The
settings are also written to `plotly.io.defaults` so any other export in the process is offline.

Chromium is started once per call and draws every figure of the call in one tab, one after the
other; a lock keeps one Chromium at a time on a small machine. Results are cached by figure.
"""
from __future__ import annotations

import asyncio
import functools
import hashlib
import json
import threading
from collections.abc import Sequence
from pathlib import Path

import plotly
import plotly.graph_objects as go
import plotly.io as pio

from . import fonts
from .config import ROOT

PLOTLY_JS = Path(plotly.__file__).resolve().parent / "package_data" / "plotly.min.js"
# Local topojson for geo traces, if the map ever uses them (kaleido's default is a CDN).
TOPOJSON_DIR = ROOT / "static" / "topojson"
WIDTH, HEIGHT, SCALE = 1000, 560, 2
TIMEOUT_S = 60

pio.defaults.mathjax = None          # never typeset (and never fetch) MathJax
pio.defaults.plotlyjs = str(PLOTLY_JS)
pio.defaults.topojson = TOPOJSON_DIR.as_uri() if TOPOJSON_DIR.is_dir() else None

_lock = threading.Lock()


# Chromium itself (not the chart page) calls home at start-up (update checks, sign-in, the
# search engine) even with --disable-background-networking; sending all its HTTP(S) through a
# proxy address where nothing listens keeps every such attempt on this machine.
NO_NETWORK_PROXY = "127.0.0.1:9"


def _kaleido_options(**overrides) -> dict:
    opts = {"n": 1, "timeout": TIMEOUT_S, "mathjax": False, "plotlyjs": str(PLOTLY_JS),
            "proxy_server": NO_NETWORK_PROXY}
    opts.update(overrides)
    return opts


async def _log_requests(k, network_log: list[str]) -> None:
    """Records every URL the chart tabs request (the tabs reload after each figure)."""
    async def on_request(event):
        network_log.append(event["params"]["request"]["url"])

    for tab in list(k.tabs.values()):
        tab.subscribe("Network.requestWillBeSent", on_request)
        await tab.send_command("Network.enable")


async def _render(fig_dicts: list[dict], width: int, height: int, scale: float,
                  network_log: list[str] | None = None, **kaleido_overrides):
    import kaleido

    out = []
    async with kaleido.Kaleido(**_kaleido_options(**kaleido_overrides)) as k:
        if network_log is not None:
            await _log_requests(k, network_log)
        for fig in fig_dicts:
            out.append(await k.calc_fig(fig, opts={"format": "png", "width": width, "height": height,
                                                   "scale": scale}, topojson=pio.defaults.topojson))
    return out


def _run_in_own_loop(coro):
    """Runs a coroutine on a fresh event loop in its own thread (Streamlit's threads have none)."""
    box: dict = {}

    def target():
        try:
            box["value"] = asyncio.run(coro)
        except BaseException as exc:  # noqa: BLE001 - handed back to the caller's thread
            box["error"] = exc

    thread = threading.Thread(target=target, name="kaleido", daemon=True)
    thread.start()
    thread.join()
    if "error" in box:
        raise box["error"]
    return box["value"]


def figures_to_png(figs: Sequence[go.Figure | dict], width: int = WIDTH, height: int = HEIGHT,
                   scale: float = SCALE) -> list[bytes]:
    """PNG bytes for each figure, drawn by one Chromium; the app's Noto Sans for every label."""
    fig_dicts = [f.to_plotly_json() if isinstance(f, go.Figure) else f for f in figs]
    keys = [_key(d, width, height, scale) for d in fig_dicts]
    todo = [i for i, k in enumerate(keys) if k not in _cache]
    if todo:
        fonts.use_app_fonts_in_subprocesses()
        with _lock:
            pngs = _run_in_own_loop(_render([_jsonable(fig_dicts[i]) for i in todo], width, height, scale))
        for i, png in zip(todo, pngs):
            _remember(keys[i], png)
    return [_cache[k] for k in keys]


def figure_to_png(fig: go.Figure | dict, width: int = WIDTH, height: int = HEIGHT, scale: float = SCALE) -> bytes:
    return figures_to_png([fig], width, height, scale)[0]


def png_size(png: bytes) -> tuple[int, int]:
    """(width, height) read from a PNG's header."""
    if png[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    return int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")


# --- a small cache: the same chart clicked twice is drawn once --------------------------------

_cache: dict[str, bytes] = {}
_CACHE_MAX = 64


def _jsonable(fig_dict: dict) -> dict:
    return json.loads(pio.to_json(fig_dict, validate=False))


def _key(fig_dict: dict, width: int, height: int, scale: float) -> str:
    text = pio.to_json(fig_dict, validate=False) + f"|{width}x{height}@{scale}"
    return hashlib.sha256(text.encode()).hexdigest()


def _remember(key: str, png: bytes) -> None:
    if len(_cache) >= _CACHE_MAX:
        _cache.pop(next(iter(_cache)))
    _cache[key] = png


@functools.cache
def chromium_available() -> bool:
    """Whether kaleido can find a Chromium (Debian's /usr/bin/chromium here)."""
    try:
        from choreographer.browsers.chromium import Chromium
        return bool(Chromium.find_browser(skip_local=False))
    except Exception:  # noqa: BLE001 - any failure means: no PNG export on this machine
        return False
