"""`python -m bench.profile [--html] [page ...]`: where a page's script run spends its time.

Runs each page through AppTest twice (first run: imports and empty caches; second run: what a
returning visitor's rerun costs) and reports both times with the page's number of charts, tables
and download buttons; with --html (needs pyinstrument, in requirements-dev.txt) it also writes a
profile of each run to artifacts/profile_<page>_<n>.html (times then include the profiler's cost).
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
OUT = ROOT / "artifacts"


def profile_page(page: str, html: bool = False) -> dict:
    """Seconds of the page's first and second script run (after app.py's own first run)."""
    from tests.conftest import APP, TIMEOUT, AppTest
    try:
        from pyinstrument import Profiler
    except ImportError:
        Profiler = None
    from streamlit.navigation.page import StreamlitPage

    profiles: list = []
    original = StreamlitPage.run

    def run(self):  # AppTest runs the script in its own thread: the profiler must start there
        prof = Profiler(async_mode="disabled") if (Profiler and html) else None
        if prof:
            prof.start()
        try:
            return original(self)
        finally:
            if prof:
                prof.stop()
                profiles.append(prof)

    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.run()
    times = []
    StreamlitPage.run = run
    try:
        for n in (1, 2):
            profiles.clear()
            t0 = time.perf_counter()
            if page == "overview":
                at.run()
            else:
                at.switch_page(f"pages/{page}.py").run()
            times.append(time.perf_counter() - t0)
            if profiles:
                OUT.mkdir(exist_ok=True)
                (OUT / f"profile_{page}_{n}.html").write_text(profiles[-1].output_html(), encoding="utf-8")
    finally:
        StreamlitPage.run = original
    if at.exception:
        raise RuntimeError(f"{page}: {[e.message for e in at.exception]}")
    return {"page": page, "first_s": times[0], "second_s": times[1], "charts": len(at.get("plotly_chart")),
            "tables": len(at.dataframe), "downloads": len(at.get("download_button"))}


def main(argv: list[str]) -> int:
    from khcn_dash import labels
    from khcn_dash.build import ensure_built
    ensure_built()
    html = "--html" in argv
    for page in [a for a in argv if not a.startswith("--")] or list(labels.PAGES):
        r = profile_page(page, html)
        print(f"{page:10s} first run {r['first_s'] * 1000:7.0f} ms   second run {r['second_s'] * 1000:7.0f} ms   "
              f"{r['charts']} charts, {r['tables']} tables, {r['downloads']} download buttons")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
