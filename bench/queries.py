"""The query layer at national scale: each page's queries against hand-written DuckDB queries.

Which queries a page runs is found by running the page (AppTest, real data) with every query
function wrapped to record its calls, so the benchmark follows the pages as they change. Each
recorded call is then timed on the synthetic national Parquet (bench.synth) through the
function's `.uncached` body (no Streamlit cache) and against bench.reference's hand-written
query over the same files; both return a pandas DataFrame (or a row), and both are checked to
give the same answer.
"""
from __future__ import annotations

import contextlib
import importlib
import inspect
import pkgutil
import re
import statistics
import time
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import duckdb
import pandas as pd
import streamlit.logger

from khcn_dash import labels, served
from khcn_dash import queries as queries_pkg

from . import reference

# outside `streamlit run`, every st.cache_data function warns once that there is no runtime
streamlit.logger.get_logger("streamlit.runtime.caching.cache_data_api").setLevel("ERROR")

GOAL_MS = 100.0
GOAL_RATIO = 2.0


def query_functions() -> dict[str, object]:
    """Every public query function, as 'module.function' (module without the package prefix)."""
    out: dict[str, object] = {}
    for info in pkgutil.iter_modules(queries_pkg.__path__):
        if info.name.startswith("_"):
            continue
        mod = importlib.import_module(f"{queries_pkg.__name__}.{info.name}")
        for attr, obj in vars(mod).items():
            if attr.startswith("_") or not callable(obj) or isinstance(obj, type):
                continue
            raw = getattr(obj, "uncached", obj)
            if getattr(raw, "__module__", None) == mod.__name__:
                out[f"{info.name}.{attr}"] = obj
    return out


def _raw(func):
    return getattr(func, "uncached", func)


def bind(func, kwargs: dict) -> dict:
    """All arguments of a call by name, defaults filled in. A query's document arguments default to
    None, meaning the served document's (`province or served.province()`, `period or served.plan()`
    in its body): they are filled in here the same way, since the reference SQL takes them as
    written."""
    raw = _raw(func)
    bound = inspect.signature(raw).bind(**kwargs)
    bound.apply_defaults()
    out = dict(bound.arguments)
    body = inspect.getsource(raw)
    for name, value in out.items():
        if value is None:
            found = re.search(rf"\b{name}={name} or served\.(\w+)\(\)", body)
            if found:
                out[name] = getattr(served, found.group(1))()
    return out


# --- which queries each page runs -------------------------------------------------------------

def trace_pages(pages: list[str] | None = None) -> dict[str, list[tuple[str, dict]]]:
    """Runs each page (default language and state) and records the query calls it makes."""
    from tests.conftest import APP, TIMEOUT, AppTest  # AppTest with the project's PagesManager shim

    funcs = query_functions()
    calls: list[tuple[str, dict]] = []
    originals = {}

    def recorder(name, func):
        def wrapper(*args, **kwargs):
            try:  # the document arguments as the call resolves them (bind), as the reference SQL takes them
                named = inspect.signature(_raw(func)).bind(*args, **kwargs).arguments
                calls.append((name, bind(func, dict(named))))
            except TypeError:
                pass
            return func(*args, **kwargs)
        wrapper.uncached = getattr(func, "uncached", func)
        return wrapper

    for name, func in funcs.items():
        mod_name, attr = name.split(".")
        mod = importlib.import_module(f"{queries_pkg.__name__}.{mod_name}")
        originals[(mod, attr)] = func
        setattr(mod, attr, recorder(name, func))
    out: dict[str, list[tuple[str, dict]]] = {}
    try:
        for page in pages or list(labels.PAGES):
            calls.clear()
            at = AppTest.from_file(APP, default_timeout=TIMEOUT)
            at.run()  # the default page first, as a browser would; only the page's own run is kept
            if page != "overview":
                calls.clear()
                at.switch_page(f"pages/{page}.py").run()
            seen: dict[str, tuple[str, dict]] = {}
            for name, args in calls:
                seen.setdefault(f"{name}{sorted(args.items())!r}", (name, args))
            out[page] = list(seen.values())
    finally:
        for (mod, attr), func in originals.items():
            setattr(mod, attr, func)
    return out


def default_calls() -> list[tuple[str, dict]]:
    """One call per query function: its defaults, or reference.DEFAULT_CALLS for required arguments."""
    out = []
    for name, func in query_functions().items():
        try:
            out.append((name, bind(func, reference.DEFAULT_CALLS.get(name, {}))))
        except TypeError:
            continue  # a new function with required arguments and no default call yet
    return out


# --- timing -----------------------------------------------------------------------------------

@contextlib.contextmanager
def parquet_dir(path: Path):
    """Points the query layer at another folder of Parquet files for the duration."""
    from khcn_dash.queries import _db
    try:
        with _db.parquet_folder(path):
            yield
    finally:
        _db.reset()


def _params(sql: str, args: dict) -> dict:
    used = set(re.findall(r"\$(\w+)", sql))
    return {k: (list(v) if isinstance(v, tuple) else v) for k, v in args.items() if k in used}


def reference_query(name: str, args: dict, folder: Path) -> tuple[str, dict]:
    """The hand-written SQL for `name` with its file paths filled in, and its parameters."""
    sql = reference.SQL[name]
    tables = {p.stem: f"read_parquet('{p.as_posix()}')" for p in Path(folder).glob("*.parquet")}
    return re.sub(r"\{(\w+)\}", lambda m: tables[m.group(1)], sql), _params(sql, args)


def run_reference(con: duckdb.DuckDBPyConnection, name: str, args: dict, folder: Path) -> pd.DataFrame:
    text, params = reference_query(name, args, folder)
    return con.cursor().execute(text, params).df()


def _norm(value) -> str:
    if value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and pd.isna(value)):
        return "∅"
    if isinstance(value, (float, Decimal)):
        return f"{float(value):.3f}"
    if hasattr(value, "tolist"):
        value = value.tolist()
    if isinstance(value, (list, tuple)):
        return "[" + ",".join(_norm(v) for v in value) + "]"
    return str(value)


def same_answer(result, ref: pd.DataFrame, name: str = "") -> bool:
    """The query layer's result and the reference's hold the same rows (over their shared columns)."""
    if result is None:
        return ref.empty
    if name in reference.FLATTEN:
        result = pd.DataFrame(reference.FLATTEN[name](result))
    if isinstance(result, (Decimal, int, float)):
        return len(ref) == 1 and _norm(result) == _norm(ref.iloc[0, 0])
    if isinstance(result, dict):
        if ref.empty:
            return False
        row = ref.iloc[0].to_dict()
        return all(_norm(result[k]) == _norm(row[k]) for k in result if k in row)
    cols = [c for c in result.columns if c in ref.columns]
    if len(result) != len(ref) or not cols:
        return False
    a = sorted(tuple(_norm(v) for v in row) for row in result[cols].itertuples(index=False))
    b = sorted(tuple(_norm(v) for v in row) for row in ref[cols].itertuples(index=False))
    return a == b


def _interleaved_ms(fns: list, runs: int, deadline: float) -> tuple[list[float], list]:
    """Median ms of each function, run alternately (so a busy moment hits both), after a warm-up."""
    results = [fn() for fn in fns]  # warm-up: first use of a view or file
    times: list[list[float]] = [[] for _ in fns]
    for _ in range(runs):
        for i, fn in enumerate(fns):
            t0 = time.perf_counter()
            results[i] = fn()
            times[i].append((time.perf_counter() - t0) * 1000)
        if time.monotonic() > deadline:
            break
    return [statistics.median(t) for t in times], results


@dataclass
class QueryTiming:
    name: str
    args: dict
    layer_ms: float
    reference_ms: float | None
    rows: int
    same: bool | None
    pages: list[str] = field(default_factory=list)

    @property
    def ratio(self) -> float | None:
        return None if not self.reference_ms else self.layer_ms / self.reference_ms

    @property
    def passed(self) -> bool:
        ok = self.layer_ms <= GOAL_MS and self.same is not False
        return ok and (self.ratio is None or self.ratio <= GOAL_RATIO)

    def label(self, width: int = 110) -> str:
        shown = {k: v for k, v in self.args.items() if v is not None}
        text = f"{self.name}({', '.join(f'{k}={v!r}' for k, v in shown.items())})"
        return text if len(text) <= width else text[:width - 2] + "…)"


def time_calls(folder: Path, calls: list[tuple[str, dict]], runs: int = 15,
               budget_s: float = 240.0) -> list[QueryTiming]:
    """Median time of each call through the query layer and through its hand-written reference."""
    funcs = query_functions()
    deadline = time.monotonic() + budget_s
    out = []
    ref_con = duckdb.connect()
    try:
        with parquet_dir(folder):
            for name, args in calls:
                func = _raw(funcs[name])
                fns = [lambda: func(**args)]
                if name in reference.SQL:
                    text, params = reference_query(name, args, folder)
                    fns.append(lambda: ref_con.cursor().execute(text, params).df())
                medians, results = _interleaved_ms(fns, runs, deadline)
                layer_ms, result = medians[0], results[0]
                ref_ms = same = None
                if len(fns) > 1:
                    ref_ms, same = medians[1], same_answer(result, results[1], name)
                rows = len(result) if isinstance(result, pd.DataFrame) else int(result is not None)
                out.append(QueryTiming(name, args, layer_ms, ref_ms, rows, same))
    finally:
        ref_con.close()
    return out
