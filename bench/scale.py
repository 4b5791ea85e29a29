"""Scale (issue #10, part 6): the app with every province's plans, 63 provinces × 10 plan years.

    python -m bench.scale generate OUT [--provinces 63 --years 10]
    python -m bench.scale measure [--packages DIR] [--provinces 63 --years 10] [--runs 5] [--browser]

`generate` derives the packages from the Lạng Sơn one (bench/packages.py: a copy under another
province id and plan year, marked fictional): tinh-01 … tinh-63, "Tỉnh thử 01"/"Test province 01",
plan years 2021 … 2030; about 0.5 MB each. `measure` (without --packages it generates them into a
temporary folder and deletes them afterwards) times, beside a folder holding one package:
- the catalogue (khcn_dash.documents): read cold, looked at again (what a call after RESCAN_SECONDS
  pays when nothing changed), and warm; documents.find;
- the overview page's script run through AppTest (new session, then a rerun), with the sidebar's
  picker (630 packages) and without it (one package: the same document, already built);
- the build of one package (what the first view of a document costs);
- `python -m khcn_dash.packages add` of one more package as a subprocess, into the full folder and
  into an empty one;
- with --browser, page / settled in Chromium against the bare app (bench/browser.py), only when the
  1-minute load average is below 1.0; otherwise it is recorded as not measured.
Results go to artifacts/bench_scale.json (and, from `python -m bench --only scale`, to bench.json).
"""
from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.packages import derive  # noqa: E402
from bench.quiet import BUSY_LOAD  # noqa: E402  (no browser timing at or above this 1-minute load average)
from khcn_dash import config, documents  # noqa: E402

SOURCE = ROOT / "data" / "packages" / "lang-son-2021"
FIRST_YEAR = 2021
ARTIFACT = ROOT / "artifacts" / "bench_scale.json"
EXTRA = ("tinh-moi", ("Tỉnh thử mới", "Test province new"))  # the package `packages add` publishes


def province(n: int) -> tuple[str, tuple[str, str]]:
    """The n-th test province's id and its (Vietnamese, English) names."""
    return f"tinh-{n:02d}", (f"Tỉnh thử {n:02d}", f"Test province {n:02d}")


def generate(out_dir: Path, provinces: int = 63, years: int = 10, source: Path = SOURCE) -> list[Path]:
    """`provinces` × `years` packages in `out_dir`, each a fictional copy of `source`."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    made = []
    for n in range(1, provinces + 1):
        pid, names = province(n)
        for year in range(FIRST_YEAR, FIRST_YEAR + years):
            made.append(derive(source, out_dir, year, pid, province_names=names))
    return made


# --- timing -----------------------------------------------------------------------------------

def _ms(t0: float) -> float:
    return (time.perf_counter() - t0) * 1000


def _median(xs):
    return statistics.median(xs) if xs else None


@contextlib.contextmanager
def serving(packages_dir: Path, parquet_dir: Path):
    """This process serves the packages in `packages_dir`, built under `parquet_dir`, for the duration.
    (The catalogue is kept per packages folder: what was read of each stays, as in a running server.)"""
    old = config.PACKAGES_DIR, config.PARQUET_DIR
    config.PACKAGES_DIR, config.PARQUET_DIR = Path(packages_dir), Path(parquet_dir)
    try:
        yield
    finally:
        config.PACKAGES_DIR, config.PARQUET_DIR = old


def time_catalogue(runs: int, calls: int = 2000) -> dict:
    """documents.catalogue() cold (every descriptor read), looked at again with nothing changed,
    and warm; documents.find; in ms (the last two per call)."""
    cold, rescan = [], []
    for _ in range(runs):
        documents.forget()
        t0 = time.perf_counter()
        docs = documents.catalogue()
        cold.append(_ms(t0))
    saved = documents.RESCAN_SECONDS
    documents.RESCAN_SECONDS = 0.0  # every call looks at the folder again, as the first call after 2 s does
    try:
        for _ in range(runs):
            t0 = time.perf_counter()
            documents.catalogue()
            rescan.append(_ms(t0))
    finally:
        documents.RESCAN_SECONDS = saved
    documents.catalogue()
    t0 = time.perf_counter()
    for _ in range(calls):
        documents.catalogue()
    warm = _ms(t0) / calls
    last = docs[-1].id
    t0 = time.perf_counter()
    for _ in range(calls):
        documents.find(last)
    find = _ms(t0) / calls
    return {"documents": len(docs), "cold_ms": cold, "rescan_ms": rescan, "warm_ms": warm, "find_ms": find}


def _app_test():
    from tests.conftest import APP, TIMEOUT, AppTest  # AppTest with the project's PagesManager shim
    return AppTest.from_file(APP, default_timeout=TIMEOUT)


def overview_run() -> dict:
    """A new session opening the overview (AppTest: app.py and the page), then a rerun; in ms."""
    at = _app_test()
    t0 = time.perf_counter()
    at.run()
    first = _ms(t0)
    t0 = time.perf_counter()
    at.run()
    second = _ms(t0)
    if at.exception:
        raise RuntimeError(f"overview: {[e.message for e in at.exception]}")
    picker = [w for w in at.selectbox if w.key == "doc_province"]
    years = [w for w in at.radio if w.key == "doc_year"]
    return {"first_ms": first, "second_ms": second,
            "provinces": len(picker[0].options) if picker else 0, "years": len(years[0].options) if years else 0}


def picker_runs(runs: int) -> dict[str, list[float]]:
    """The overview open on the default document, then the picker set to another plan year of its
    province (built beforehand: its first view with nothing cached) or to another province (not built
    yet: its first view builds it); the rerun in ms, each run to a document not shown before."""
    from khcn_dash import build
    years = documents.of_province(documents.default().province)[1:runs + 1]
    others = [documents.of_province(p)[0] for p in documents.provinces()[1:runs + 1]]
    for doc in years:
        build.build(doc.source_dir, doc.parquet_dir)
    out: dict[str, list[float]] = {"year_ms": [], "province_ms": []}
    for key, widget, docs, value in (("year_ms", "radio", years, lambda d: d.identity.plan_year),
                                     ("province_ms", "selectbox", others, lambda d: d.province)):
        for doc in docs:
            at = _app_test()
            at.run()
            chosen = getattr(at, widget)(key="doc_year" if widget == "radio" else "doc_province").set_value(value(doc))
            t0 = time.perf_counter()
            chosen.run()
            out[key].append(_ms(t0))
            if at.exception or at.query_params.get("doc") != doc.id:
                raise RuntimeError(f"picker to {doc.id}: {[e.message for e in at.exception]}, {at.query_params}")
    return out


def time_build(source_dir: Path, parquet_dir: Path, runs: int) -> list[float]:
    """khcn_dash.build of one package into `parquet_dir` (its first view's cost), in ms."""
    from khcn_dash import build
    out = []
    for _ in range(runs):
        t0 = time.perf_counter()
        build.build(source_dir, parquet_dir)
        out.append(_ms(t0))
    return out


def time_add(package: Path, into: dict[str, Path], parquet_dir: Path, runs: int) -> dict[str, list[float]]:
    """`python -m khcn_dash.packages add package` as a subprocess into each folder of `into`,
    interleaved; the published copy is removed after each run, so every run adds a new package."""
    out: dict[str, list[float]] = {name: [] for name in into}
    for r in range(runs):
        for name, folder in (list(into.items()) if r % 2 == 0 else list(into.items())[::-1]):
            env = {**os.environ, "KHCN_PACKAGES_DIR": str(folder), "KHCN_PARQUET_DIR": str(parquet_dir)}
            t0 = time.perf_counter()
            done = subprocess.run([sys.executable, "-m", "khcn_dash.packages", "add", str(package), "--lang", "en"],
                                  cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
            out[name].append(_ms(t0))
            if done.returncode != 0:
                raise RuntimeError(f"packages add into {name}: {done.stdout}{done.stderr}")
            shutil.rmtree(folder / package.name)
    return out


def time_browser(packages_dir: Path, parquet_dir: Path, runs: int, log) -> dict:
    """Page / settled in Chromium, served from `packages_dir`, against the bare app; only on a quiet
    machine (bench/quiet.py: waited for, and the block marked invalid if other work ran during it)."""
    from bench import quiet
    load, others = quiet.wait_quiet(log)
    if load >= BUSY_LOAD and others > quiet.OTHERS_MAX_CORES:
        return {"measured": False, "why": f"busy machine (1-min load average {load:.2f} ≥ {BUSY_LOAD})"}
    from playwright.sync_api import sync_playwright

    from bench import browser as B
    env = {"KHCN_PACKAGES_DIR": str(packages_dir), "KHCN_PARQUET_DIR": str(parquet_dir)}
    log(f"browser: page / settled, {runs} loads each (load average {load:.2f})")
    with sync_playwright() as p:
        chromium = B.launch(p)
        try:
            with B.Server(B.APP, env=env) as app, B.Server(B.BARE_APP) as bare:
                with quiet.block("scale: page /", log, wait=False) as blk:
                    pair = B.page_settle(chromium, app.base, bare.base, ["/"], runs)["/"]
        finally:
            chromium.close()
    if not blk.valid:
        return {"measured": False, "why": f"busy machine during the timing (other processes "
                                          f"{blk.others_cores:.2f} cores)", "block": blk.as_dict()}
    return {"measured": True, "load": load, "app": pair.app, "bare": pair.bare, "block": blk.as_dict()}


def _size_mb(folder: Path) -> float:
    return sum(f.stat().st_size for f in Path(folder).rglob("*") if f.is_file()) / 1e6


def measure(packages_dir: Path | None = None, provinces: int = 63, years: int = 10, runs: int = 5,
            add_runs: int = 3, browser: bool = False, log=print) -> dict:
    """Every timing of the module's docstring; generates the packages first when `packages_dir` is None."""
    from khcn_dash.queries import _db
    res: dict = {"load_before": os.getloadavg()[0]}
    with tempfile.TemporaryDirectory(prefix="khcn-scale-") as tmp:
        tmp = Path(tmp)
        if packages_dir is None:
            log(f"generating {provinces} × {years} packages")
            t0 = time.perf_counter()
            generate(tmp / "packages", provinces, years)
            res["generate_s"] = _ms(t0) / 1000
            packages_dir = tmp / "packages"
        packages_dir, parquet = Path(packages_dir), tmp / "parquet"
        res["packages_mb"] = _size_mb(packages_dir)
        with serving(packages_dir, parquet):
            default = documents.default()
        if default is None:
            raise RuntimeError(f"no package in {packages_dir}")
        one = tmp / "one"
        shutil.copytree(default.source_dir, one / default.id)  # the same document, alone
        folders = {"many": packages_dir, "one": one}

        log("catalogue and find")
        for name, folder in folders.items():
            with serving(folder, parquet):
                res[f"catalogue_{name}"] = time_catalogue(runs)
        log(f"build of {default.id} (its first view), {runs} runs")
        res["build_ms"] = time_build(default.source_dir, parquet / default.id, runs)
        log(f"overview script run (AppTest), {runs} runs each after a warm-up")
        pages: dict[str, list[dict]] = {name: [] for name in folders}
        for r in range(runs + 1):
            for name in (list(folders) if r % 2 == 0 else list(folders)[::-1]):
                with serving(folders[name], parquet):
                    run = overview_run()
                if r:  # the first round warms the imports and the query cache
                    pages[name].append(run)
        res["overview"] = pages
        log(f"the picker: another year, another province, {runs} runs each")
        with serving(packages_dir, parquet):
            res["picker"] = picker_runs(runs)

        log(f"packages add, {add_runs} runs into each folder")
        extra = derive(SOURCE, tmp / "incoming", FIRST_YEAR, EXTRA[0], province_names=EXTRA[1])
        empty = tmp / "empty"
        empty.mkdir()
        res["add_ms"] = time_add(extra, {"many": packages_dir, "empty": empty}, tmp / "parquet-add", add_runs)
        res["browser"] = (time_browser(packages_dir, parquet, runs, log) if browser
                          else {"measured": False, "why": "not asked (--browser)"})
        _db.forget()  # no connection left open on the temporary Parquet
        documents.forget()
    res["load_after"] = os.getloadavg()[0]
    return res


# --- the table --------------------------------------------------------------------------------

def _fmt(ms: float | None) -> str:
    if ms is None:
        return "–"
    if ms < 1:
        return f"{ms * 1000:.1f} µs"
    return f"{ms / 1000:.2f} s" if ms >= 10_000 else f"{ms:.0f} ms" if ms >= 10 else f"{ms:.1f} ms"


def rows(res: dict) -> tuple[list[list[str]], int]:
    """[what, with N packages, with 1 package (or as said)] for each measurement (medians), and N."""
    many, one = res["catalogue_many"], res["catalogue_one"]
    pm, po = res["overview"]["many"], res["overview"]["one"]
    n = many["documents"]
    out = [
        ["documents.catalogue(), cold (every descriptor read)", _fmt(_median(many["cold_ms"])), _fmt(_median(one["cold_ms"]))],
        ["documents.catalogue(), looked at again, nothing changed", _fmt(_median(many["rescan_ms"])),
         _fmt(_median(one["rescan_ms"]))],
        ["documents.catalogue(), warm (within RESCAN_SECONDS)", _fmt(many["warm_ms"]), _fmt(one["warm_ms"])],
        ["documents.find(id)", _fmt(many["find_ms"]), _fmt(one["find_ms"])],
        [f"overview, new session (AppTest; picker: {pm[0]['provinces']} provinces × {pm[0]['years']} years)",
         _fmt(_median([r["first_ms"] for r in pm])), _fmt(_median([r["first_ms"] for r in po])) + " (no picker)"],
        ["overview, rerun", _fmt(_median([r["second_ms"] for r in pm])), _fmt(_median([r["second_ms"] for r in po]))],
        ["picker → another plan year (built; its first view, nothing cached)", _fmt(_median(res["picker"]["year_ms"])),
         "– (no picker)"],
        ["picker → another province (its first view: build, then the page)",
         _fmt(_median(res["picker"]["province_ms"])), "– (no picker)"],
        ["build of one package (khcn_dash.build; the same at any scale)", _fmt(_median(res["build_ms"])), "–"],
        ["`python -m khcn_dash.packages add` (subprocess)", _fmt(_median(res["add_ms"]["many"])),
         _fmt(_median(res["add_ms"]["empty"])) + " (into an empty folder)"],
    ]
    b = res["browser"]
    if b["measured"]:
        out.append(["page / settled in Chromium", _fmt(_median(b["app"])), f"bare app {_fmt(_median(b['bare']))}"])
    else:
        out.append(["page / settled in Chromium", f"not measured: {b['why']}", "–"])
    return out, n


def render(res: dict) -> str:
    """The results as a Markdown table (for BENCHMARK.md and the terminal)."""
    from bench import report
    body, n = rows(res)
    made = f"generated in {res['generate_s']:.0f} s, " if "generate_s" in res else ""
    return "\n".join([
        f"{n} packages ({made}{res['packages_mb']:.0f} MB); 1-minute load average {res['load_before']:.2f} "
        f"at the start, {res['load_after']:.2f} at the end. Medians.", "",
        report.table(["what", f"{n} packages", "1 package"], body)])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.scale", description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="command", required=True)
    gen = sub.add_parser("generate", help="write the packages into OUT")
    gen.add_argument("out", type=Path)
    mes = sub.add_parser("measure", help="time the catalogue, the overview, the build and `packages add`")
    mes.add_argument("--packages", type=Path, help="a folder made by `generate` (default: generate into a temporary one)")
    mes.add_argument("--runs", type=int, default=5)
    mes.add_argument("--browser", action="store_true", help="also page / in Chromium (only at load average < 1)")
    for p in (gen, mes):
        p.add_argument("--provinces", type=int, default=63)
        p.add_argument("--years", type=int, default=10)
    args = ap.parse_args(argv)
    t0 = time.monotonic()

    def log(msg: str) -> None:
        print(f"[{time.monotonic() - t0:6.1f} s] {msg}", file=sys.stderr, flush=True)

    if args.command == "generate":
        made = generate(args.out, args.provinces, args.years)
        log(f"wrote {len(made)} packages to {args.out}")
        return 0
    res = measure(args.packages, args.provinces, args.years, runs=args.runs, browser=args.browser, log=log)
    print(render(res))
    ARTIFACT.parent.mkdir(parents=True, exist_ok=True)
    ARTIFACT.write_text(json.dumps(res, indent=1), encoding="utf-8")
    log(f"wrote {ARTIFACT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
