"""`python -m bench.profile [page ...]`: where a page's script run spends its time.

Runs each page through AppTest twice (first run: imports and empty caches; second run: what a
returning visitor's rerun costs) and reports both times; with pyinstrument installed
(requirements-dev.txt) it also writes an HTML profile of each run to artifacts/profile_<page>_<n>.html.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
OUT = ROOT / "artifacts"


def profile_page(page: str, html: bool = True) -> dict:
    """Seconds of the page's first and second script run (after app.py's own first run)."""
    from tests.conftest import APP, TIMEOUT, AppTest
    try:
        from pyinstrument import Profiler
    except ImportError:
        Profiler = None
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.run()
    times = []
    for n in (1, 2):
        prof = Profiler(async_mode="disabled") if (Profiler and html) else None
        if prof:
            prof.start()
        t0 = time.perf_counter()
        if page == "overview":
            at.run()
        else:
            at.switch_page(f"pages/{page}.py").run()
        times.append(time.perf_counter() - t0)
        if prof:
            prof.stop()
            OUT.mkdir(exist_ok=True)
            (OUT / f"profile_{page}_{n}.html").write_text(prof.output_html(), encoding="utf-8")
        if at.exception:
            raise RuntimeError(f"{page}: {[e.message for e in at.exception]}")
    return {"page": page, "first_s": times[0], "second_s": times[1]}


def main(argv: list[str]) -> int:
    from khcn_dash import labels
    from khcn_dash.build import ensure_built
    ensure_built()
    for page in argv or list(labels.PAGES):
        r = profile_page(page)
        print(f"{page:10s} first run {r['first_s'] * 1000:7.0f} ms   second run {r['second_s'] * 1000:7.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
