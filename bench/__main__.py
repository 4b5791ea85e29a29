"""`python -m bench [--quick] [--only queries,browser,load,scale]`: runs the benchmark, writes BENCHMARK.md.

Side by side in one run on this machine: khcn-dash against a bare Streamlit app with the same
addresses (bench/bare_app), and the query layer against hand-written DuckDB queries at national
scale. Ratios are the result; absolute times are context (the machine is shared, 2 cores).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import quiet, report  # noqa: E402

GOALS = {
    "settle_ratio": 1.3, "cold_ratio": 1.5, "input_ms": 300.0, "input_ratio": 1.5, "rss_10_mb": 400.0, "add_ms": 5000.0,
}
ARTIFACT = ROOT / "artifacts" / "bench.json"


def _addresses() -> list[str]:
    from khcn_dash import labels
    return ["/" + (path or "") for path, _ in labels.PAGES.values()]


def machine() -> dict:
    versions = {}
    for pkg in ("streamlit", "plotly", "duckdb", "pandas", "pyarrow", "playwright"):
        try:
            versions[pkg] = metadata.version(pkg)
        except metadata.PackageNotFoundError:
            versions[pkg] = "?"
    try:
        chromium = subprocess.run(["/usr/bin/chromium", "--version"], capture_output=True, text=True,
                                  timeout=30).stdout.strip()
    except OSError:
        chromium = "missing"
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                                text=True, timeout=10).stdout.strip()
    except OSError:
        commit = "?"
    return {"date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"), "cores": os.cpu_count(),
            "python": platform.python_version(), "chromium": chromium, "commit": commit,
            "load_before": os.getloadavg()[0], **versions}


# --- the parts ------------------------------------------------------------------------------

def run_queries(quick: bool, log) -> dict:
    from bench import queries, synth
    runs = 5 if quick else 15
    log("tracing which queries each page runs (AppTest, real data)")
    traced = queries.trace_pages()
    calls: list[tuple[str, dict]] = []
    where: dict[str, list[str]] = {}
    for page, page_calls in traced.items():
        for name, args in page_calls:
            key = f"{name}{sorted(args.items())!r}"
            if key not in where:
                calls.append((name, args))
                where[key] = []
            where[key].append(page)
    for name, args in queries.default_calls():  # every function at least once
        key = f"{name}{sorted(args.items())!r}"
        if not any(k.startswith(name + "[") for k in where):
            calls.append((name, args))
            where[key] = ["(no page)"]
    with tempfile.TemporaryDirectory(prefix="khcn-bench-") as tmp:
        log("generating national-scale synthetic Parquet (63 provinces × 10 years)")
        t0 = time.perf_counter()
        counts = synth.generate(Path(tmp) / "parquet")
        gen_s = time.perf_counter() - t0
        log(f"timing {len(calls)} calls × {runs} runs")
        with quiet.block("queries", log) as blk:
            timings = queries.time_calls(Path(tmp) / "parquet", calls, runs=runs)
    rows = []
    for t in timings:
        rows.append({"call": t.label(), "pages": where[f"{t.name}{sorted(t.args.items())!r}"],
                     "layer_ms": t.layer_ms, "reference_ms": t.reference_ms, "ratio": t.ratio,
                     "rows": t.rows, "same": t.same, "passed": t.passed})
    return {"runs": runs, "counts": counts, "generate_s": gen_s, "calls": rows, "blocks": [blk.as_dict()]}


def run_browser(quick: bool, log) -> dict:
    from playwright.sync_api import sync_playwright

    from bench import browser as B
    addresses = _addresses()
    runs, input_runs, cold_runs = (2, 4, 1) if quick else (5, 10, 3)
    out: dict = {}
    with sync_playwright() as p:
        browser = B.launch(p)
        try:
            with B.Server(B.APP) as app, B.Server(B.BARE_APP) as bare:
                log(f"settle time per page, {runs} loads each")
                with quiet.block("settle", log) as blk:
                    settle = B.page_settle(browser, app.base, bare.base, addresses, runs)
                out["settle"] = {a: {"app": v.app, "bare": v.bare} for a, v in settle.items()}
                out["blocks"] = [blk.as_dict()]
                log(f"typed value → chart, {input_runs} changes each")
                try:
                    with quiet.block("input", log) as blk:
                        lat = B.input_latency(browser, app.base, bare.base, "/scenarios", input_runs)
                    out["input"] = {"address": "/scenarios", "app": lat.app, "bare": lat.bare}
                except Exception as exc:  # no such input on the page: reported, not fatal
                    out["input"] = {"address": "/scenarios", "error": f"{type(exc).__name__}: {exc}"[:300]}
                out["blocks"].append(blk.as_dict())
            log(f"cold start, {cold_runs} each")
            with quiet.block("cold", log) as blk:
                cold = B.cold_start(browser, cold_runs)
            out["cold"] = {"app": cold.app, "bare": cold.bare}
            out["blocks"].append(blk.as_dict())
        finally:
            browser.close()
    return out


def run_load(quick: bool, log) -> dict:
    from bench import browser as B
    from bench import load
    sessions = 5 if quick else 10
    out = {}
    for which, script in (("app", B.APP), ("bare", B.BARE_APP)):
        log(f"{which}: 1 session, then {sessions} concurrent sessions walking every page")
        with quiet.block(f"load ({which})", log) as blk:
            one, many = load.run(script, _addresses(), "/scenarios", sessions)
        out.setdefault("blocks", []).append(blk.as_dict())
        out[which] = {
            "rss_1_mb": one.rss_mb, "rss_n_mb": many.rss_mb, "sessions": sessions,
            "steps": len(many.steps), "errors": many.errors[:20], "n_errors": len(many.errors),
            "p50_ms": many.percentile(50), "p95_ms": many.percentile(95), "max_ms": many.percentile(100),
            "wall_s": many.wall_s, "one_errors": one.errors[:5],
            "scenario_ms": [ms for step, ms in many.steps if step.startswith("scenario")],
        }
    return out


def run_scale(quick: bool, log) -> dict:
    from bench import scale
    # 63 provinces × 10 years (about 300 MB, in a temporary folder); page / in the browser only when quiet
    return scale.measure(runs=3 if quick else 5, browser=True, log=log)


# --- the Markdown ----------------------------------------------------------------------------

def _median(xs):
    return statistics.median(xs) if xs else None


def _block(part: dict | None, name: str) -> dict | None:
    return next((b for b in (part or {}).get("blocks", []) if b["name"] == name), None)


def _judge(ok: bool | None, block: dict | None) -> str:
    """pass / FAIL, or "invalid" when the block ran on a busy machine (bench/quiet.py): a figure
    taken beside other work says nothing about the app."""
    if block is not None and not block["valid"]:
        return "invalid (busy machine)"
    return report.verdict(ok)


def render(res: dict) -> str:
    m = res["machine"]
    lines = [
        f"Run: {m['date']} · commit `{m['commit']}` · {'quick' if res['quick'] else 'full'} run · "
        f"{m['cores']} cores (shared; 1-min load average {m['load_before']:.1f} at the start, "
        f"{m.get('load_after', 0):.1f} at the end) · Python {m['python']} · Streamlit {m['streamlit']} · "
        f"Plotly {m['plotly']} · DuckDB {m['duckdb']} · pandas {m['pandas']} · pyarrow {m['pyarrow']} · "
        f"Playwright {m['playwright']} · {m['chromium']}",
        "",
        "Ratios compare khcn-dash with the bare app (bench/bare_app: the same addresses, one Plotly chart "
        "per page) or the query layer with a hand-written DuckDB query, measured side by side in the same "
        "run; absolute times are context only. Times are medians.",
        "",
    ]
    summary: list[list] = []
    b = res.get("browser")
    if b:
        for addr, v in b["settle"].items():
            a, bare = _median(v["app"]), _median(v["bare"])
            r = a / bare if a and bare else None
            summary.append([f"Page {addr}: navigation → settled", f"≤ {GOALS['settle_ratio']}× bare",
                            f"{report.ms(a)} (bare {report.ms(bare)})", report.ratio(r),
                            _judge(None if r is None else r <= GOALS["settle_ratio"], _block(b, "settle"))])
        c = b["cold"]
        a, bare = _median(c["app"]), _median(c["bare"])
        r = a / bare if a and bare else None
        summary.append(["Cold start: process start → first page settled", f"≤ {GOALS['cold_ratio']}× bare",
                        f"{report.ms(a)} (bare {report.ms(bare)})", report.ratio(r),
                        _judge(None if r is None else r <= GOALS["cold_ratio"], _block(b, "cold"))])
        i = b["input"]
        if "error" in i:
            summary.append([f"Input change on {i['address']} → updated chart", f"≤ {GOALS['input_ms']:.0f} ms",
                            f"not measured: {i['error']}", "–", "**FAIL**"])
        else:
            a, bare = _median(i["app"]), _median(i["bare"])
            summary.append([f"Input change on {i['address']} → updated chart",
                            f"≤ {GOALS['input_ms']:.0f} ms and ≤ {GOALS['input_ratio']}× bare",
                            f"{report.ms(a)} (max {report.ms(max(i['app']))}; bare {report.ms(bare)})",
                            report.ratio(a / bare if bare else None),
                            _judge(a <= GOALS["input_ms"] and a / bare <= GOALS["input_ratio"], _block(b, "input"))])
    ld = res.get("load")
    if ld:
        a, bare = ld["app"], ld["bare"]
        summary.append(["Server memory, 1 session (every page loaded)", "context",
                        f"{a['rss_1_mb']:.0f} MB (bare {bare['rss_1_mb']:.0f} MB)",
                        report.ratio(a["rss_1_mb"] / bare["rss_1_mb"]), "–"])
        summary.append([f"Server memory, {a['sessions']} concurrent sessions (every page loaded)",
                        f"≤ {GOALS['rss_10_mb']:.0f} MB at 10",
                        f"{a['rss_n_mb']:.0f} MB (bare {bare['rss_n_mb']:.0f} MB)",
                        report.ratio(a["rss_n_mb"] / bare["rss_n_mb"]),
                        _judge(a["rss_n_mb"] <= GOALS["rss_10_mb"] and a["sessions"] >= 10, _block(ld, "load (app)"))])
        summary.append([f"Load: {a['sessions']} concurrent sessions walking every page + a scenario change",
                        "0 errors; p95 reported",
                        f"{a['n_errors']} errors in {a['steps']} steps; p95 {report.ms(a['p95_ms'])}, "
                        f"p50 {report.ms(a['p50_ms'])} (bare: {bare['n_errors']} errors, "
                        f"p95 {report.ms(bare['p95_ms'])})",
                        report.ratio(a["p95_ms"] / bare["p95_ms"] if bare["p95_ms"] else None),
                        _judge(a["n_errors"] == 0 and a["sessions"] >= 10, _block(ld, "load (app)"))])
    q = res.get("queries")
    if q:
        worst = max(q["calls"], key=lambda c: c["layer_ms"])
        ratios = [c["ratio"] for c in q["calls"] if c["ratio"] is not None]
        summary.append([f"Queries at national scale ({len(q['calls'])} calls, details below)",
                        "≤ 100 ms and ≤ 2× hand-written, same answer",
                        f"slowest {report.ms(worst['layer_ms'])} ({worst['call'].split('(')[0]}); "
                        f"{sum(not c['passed'] for c in q['calls'])} call(s) miss",
                        f"max {report.ratio(max(ratios)) if ratios else '–'}",
                        _judge(all(c["passed"] for c in q["calls"]), _block(q, "queries"))])
    sc = res.get("scale")
    if sc:
        add = _median(sc["add_ms"]["many"])
        summary.append([f"`packages add` into a folder of {sc['catalogue_many']['documents']} packages (subprocess)",
                        f"≤ {GOALS['add_ms'] / 1000:.0f} s", report.ms(add), "–", report.verdict(add <= GOALS["add_ms"])])
    lines += ["## Goals", "", report.table(["metric", "goal", "measured", "ratio", "pass/fail"], summary), ""]
    blocks = [blk for part in ("browser", "load", "queries") for blk in (res.get(part) or {}).get("blocks", [])]
    if blocks:
        lines += ["## The machine during each block (bench/quiet.py)", "",
                  f"Valid when the block started quiet (a 1-minute load average below {quiet.BUSY_LOAD}, or other "
                  f"processes using at most {quiet.OTHERS_MAX_CORES} cores in a 3-second sample, since the average "
                  "still carries the benchmark's previous block) and other processes (not the benchmark, its servers "
                  f"or its browser) used at most {quiet.OTHERS_MAX_CORES} cores on average during it. The load "
                  "average after a block includes the benchmark's own work.", "",
                  report.table(["block", "load before", "others before (cores)", "load after",
                                "others during (cores)", "wall time", "valid"],
                               [[blk["name"], f"{blk['load_before']:.2f}", f"{blk.get('others_before', 0):.2f}",
                                 f"{blk['load_after']:.2f}", f"{blk['others_cores']:.2f}", f"{blk['wall_s']:.0f} s",
                                 "yes" if blk["valid"] else "**no**"] for blk in blocks]), ""]
    if ld:
        errs = [e for w in ("app", "bare") for e in ld[w]["errors"]]
        if errs:
            lines += ["Load-test errors (first 20 of each app):", ""] + [f"- {report.cell(e)}" for e in errs] + [""]
    if q:
        counts = q["counts"]
        lines += [
            "## Queries at national scale", "",
            f"Synthetic Parquet with the project's schema, {counts.get('budget_lines', 0):,} budget lines "
            f"(63 provinces × 10 yearly documents; generated in {q['generate_s']:.1f} s by bench/synth.py). "
            f"Each call through the function's `.uncached` body against the hand-written query in "
            f"bench/reference.py, median of {q['runs']} interleaved runs; both return a DataFrame. "
            "\"Same\" checks that both give the same rows.", "",
        ]
        pages = list(dict.fromkeys(p for c in q["calls"] for p in c["pages"]))
        per_page = []
        for page in pages:
            cs = [c for c in q["calls"] if page in c["pages"]]
            rs = [c["ratio"] for c in cs if c["ratio"] is not None]
            slow = max(cs, key=lambda c: c["layer_ms"])
            per_page.append([page, len(cs), report.ms(sum(c["layer_ms"] for c in cs)),
                             f"{report.ms(slow['layer_ms'])} ({slow['call'].split('(')[0]})",
                             report.ratio(max(rs)) if rs else "–",
                             sum(c["same"] is False for c in cs), report.verdict(all(c["passed"] for c in cs))])
        lines += [report.table(["page", "calls", "sum of calls", "slowest call", "max ratio", "different answers",
                                "pass/fail"], per_page), "",
                  "<details><summary>Every call</summary>", "",
                  report.table(["query (arguments)", "page(s)", "query layer", "hand-written", "ratio", "rows",
                                "same", "pass/fail"],
                               [[c["call"], ", ".join(c["pages"]), report.ms(c["layer_ms"]),
                                 report.ms(c["reference_ms"]), report.ratio(c["ratio"]), c["rows"],
                                 {True: "yes", False: "**no**", None: "no reference"}[c["same"]],
                                 report.verdict(c["passed"])] for c in q["calls"]]), "", "</details>", ""]
    if sc:
        from bench import scale
        lines += ["## Scale: 63 provinces × 10 plan years (bench/scale.py)", "", scale.render(sc), ""]
    if b:
        lines += ["## Settle times per page (each load in a fresh session)", "",
                  report.table(["address", "khcn-dash (all runs, ms)", "bare (all runs, ms)"],
                               [[a, " ".join(f"{x:.0f}" for x in v["app"]), " ".join(f"{x:.0f}" for x in v["bare"])]
                                for a, v in b["settle"].items()]), ""]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="fewer runs and sessions (a minute or two)")
    ap.add_argument("--only", default="queries,browser,load",
                    help="comma-separated parts to run (scale: 630 packages, not in the default run)")
    ap.add_argument("--out", type=Path, default=ROOT / "BENCHMARK.md")
    args = ap.parse_args(argv)
    parts = {p.strip() for p in args.only.split(",") if p.strip()}
    t0 = time.monotonic()

    def log(msg: str) -> None:
        print(f"[{time.monotonic() - t0:6.1f} s] {msg}", file=sys.stderr, flush=True)

    from khcn_dash.build import ensure_built
    ensure_built()
    res: dict = {"quick": args.quick, "machine": machine()}
    if "queries" in parts:
        res["queries"] = run_queries(args.quick, log)
    if "browser" in parts:
        res["browser"] = run_browser(args.quick, log)
    if "load" in parts:
        res["load"] = run_load(args.quick, log)
    if "scale" in parts:
        res["scale"] = run_scale(args.quick, log)
    res["machine"]["load_after"] = os.getloadavg()[0]
    ARTIFACT.parent.mkdir(parents=True, exist_ok=True)
    ARTIFACT.write_text(json.dumps(res, indent=1, default=str), encoding="utf-8")
    report.write(args.out, render(res))
    log(f"wrote {args.out.relative_to(ROOT) if args.out.is_relative_to(ROOT) else args.out} and {ARTIFACT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
