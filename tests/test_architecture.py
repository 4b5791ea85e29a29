"""How the modules of khcn_dash depend on each other, read from their source with `ast`.

Every import counts, also one inside a function (a hidden import is still a dependency). No two
modules may import each other, directly or through others, and the slides (plain data) must not
reach Streamlit.
"""
from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

PACKAGE = "khcn_dash"
ROOT = Path(__file__).resolve().parent.parent / PACKAGE

# The query layer caches its results with st.cache_data (queries/_db.py): the one way the plain-data
# modules (slides, briefing, scenario_baseline) reach Streamlit, by design of that layer.
STREAMLIT_CACHE = {f"{PACKAGE}.queries._db"}
# Cycles among khcn_dash modules that are known and reported but not in this change's files.
# Empty: a new cycle anywhere fails the test.
KNOWN_CYCLES: list[set[str]] = []


@cache
def _modules() -> dict[str, Path]:
    """Dotted name -> file, for every module of the package (a package is its __init__.py)."""
    out = {}
    for path in sorted(ROOT.rglob("*.py")):
        parts = [PACKAGE, *path.relative_to(ROOT).with_suffix("").parts]
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


def _resolve(module: str | None, level: int, importer: str) -> str:
    """The absolute name `from <level dots><module> import ...` means inside `importer`."""
    if level == 0:
        return module or ""
    is_package = _modules()[importer].name == "__init__.py"
    base = importer.split(".") if is_package else importer.split(".")[:-1]
    base = base[:len(base) - (level - 1)]
    return ".".join([*base, module] if module else base)


@cache
def _imports(importer: str) -> tuple[frozenset[str], bool]:
    """(the khcn_dash modules `importer` imports, whether it imports streamlit), at any depth of its code.

    `from a.b import c` is an import of a.b.c when that is a module, else of a.b. Importing a.b.c also
    runs the __init__ of a and a.b, so those count too, unless `importer` is inside them (a module
    does not depend on its own package by being in it; it does by importing from it, `from . import x`)."""
    tree = ast.parse(_modules()[importer].read_text(encoding="utf-8"))
    names: set[str] = set()
    streamlit = False
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = _resolve(node.module, node.level, importer)
            targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in _modules() else base for a in node.names]
        else:
            continue
        for target in targets:
            if target == "streamlit" or target.startswith("streamlit."):
                streamlit = True
            if target in _modules() and target != importer:
                names.add(target)
            parts = target.split(".")
            for i in range(2, len(parts)):  # its packages; the top one (khcn_dash/__init__) is skipped
                package = ".".join(parts[:i])
                if package in _modules() and not importer.startswith(package + "."):
                    names.add(package)
    return frozenset(names), streamlit


def _graph() -> dict[str, frozenset[str]]:
    return {m: _imports(m)[0] for m in _modules()}


def _cycles(graph: dict[str, frozenset[str]]) -> list[set[str]]:
    """The strongly connected components with more than one module (Tarjan), i.e. the import cycles."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[set[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = set()
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.add(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(component)

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def _reach(start: str, graph: dict[str, frozenset[str]], stop: set[str] = frozenset()) -> dict[str, list[str]]:
    """Every module `start` imports, directly or through others, with one import path to each;
    the walk does not go on through the modules in `stop`."""
    paths = {start: [start]}
    todo = [start]
    while todo:
        v = todo.pop()
        if v in stop:
            continue
        for w in sorted(graph[v]):
            if w not in paths:
                paths[w] = [*paths[v], w]
                todo.append(w)
    return paths


# --- the reader itself ---------------------------------------------------------------------

def test_the_reader_sees_hidden_and_relative_imports():
    graph = _graph()
    assert f"{PACKAGE}.charts" in graph[f"{PACKAGE}.charts.budget"]           # from . import PALETTE
    assert f"{PACKAGE}.labels.budget" in graph[f"{PACKAGE}.charts.budget"]    # from ..labels import budget as L
    assert f"{PACKAGE}.labels" in graph[f"{PACKAGE}.charts.budget"]           # ... which runs labels/__init__
    assert f"{PACKAGE}.images" in graph[f"{PACKAGE}.ui"]                      # inside png_download()
    assert f"{PACKAGE}.queries._db" in graph[f"{PACKAGE}.queries"]             # a package's own __init__
    assert f"{PACKAGE}.queries" not in graph[f"{PACKAGE}.queries._db"]
    assert _imports(f"{PACKAGE}.ui")[1] and not _imports(f"{PACKAGE}.format")[1]
    assert _cycles({"a": frozenset({"b"}), "b": frozenset({"c"}), "c": frozenset({"a"}), "d": frozenset({"a"})}) \
        == [{"a", "b", "c"}]


# --- the rules -----------------------------------------------------------------------------

def test_no_import_cycles_among_khcn_dash_modules():
    cycles = _cycles(_graph())
    unknown = [sorted(c) for c in cycles if c not in KNOWN_CYCLES]
    assert not unknown, f"modules that import each other (directly or through others): {unknown}"
    gone = [sorted(c) for c in KNOWN_CYCLES if c not in cycles]
    assert not gone, f"fixed: take them off KNOWN_CYCLES: {gone}"


def test_presentation_mode_is_three_parts_that_do_not_import_each_other_back():
    graph = _graph()
    slides, present, slideshow, briefing = (f"{PACKAGE}.{m}" for m in ("slides", "present", "slideshow", "briefing"))
    assert present not in _reach(slides, graph) and slideshow not in _reach(slides, graph)
    assert present not in _reach(briefing, graph) and slideshow not in _reach(briefing, graph)
    assert slideshow not in _reach(present, graph)


def test_the_slides_do_not_import_streamlit_directly_or_transitively():
    """Plain data: slides.py (and everything it imports) has no Streamlit in it. The only way in is the
    query layer's cache (STREAMLIT_CACHE), which the walk stops at."""
    slides = f"{PACKAGE}.slides"
    graph = _graph()
    assert not _imports(slides)[1], "slides.py imports streamlit"
    reached = _reach(slides, graph, stop=STREAMLIT_CACHE)
    offenders = {m: " -> ".join(path) for m, path in reached.items() if _imports(m)[1] and m not in STREAMLIT_CACHE}
    assert not offenders, f"slides.py reaches Streamlit: {offenders}"
    assert set(STREAMLIT_CACHE) <= set(reached), "STREAMLIT_CACHE is out of date: the slides no longer reach it"


def test_only_url_state_touches_the_address_bar():
    """One helper keeps URL parameters and session state in step (khcn_dash/url_state.py): no other
    module or page reads or writes st.query_params (links built with st.page_link's query_params=
    argument are not the address bar)."""
    app_root = ROOT.parent
    offenders = []
    for path in [*ROOT.rglob("*.py"), *(app_root / "pages").glob("*.py"), app_root / "app.py"]:
        if path.name == "url_state.py":
            continue
        if "st.query_params" in path.read_text(encoding="utf-8"):
            offenders.append(str(path.relative_to(app_root)))
    assert offenders == []


def test_every_url_parameter_a_page_uses_is_declared_once():
    import re

    from khcn_dash import url_state

    app_root = ROOT.parent
    used = set()
    for path in [*ROOT.rglob("*.py"), *(app_root / "pages").glob("*.py")]:
        text = path.read_text(encoding="utf-8")
        used |= set(re.findall(r"url_state\.(?!href)\w+\(\s*\"(\w+)\"", text))  # href(page, name=…) checks its names
        for call in re.findall(r"url_state\.href\(([^)]*)\)", text):
            used |= set(re.findall(r"(\w+)=", call))
    assert used and used <= set(url_state.PARAMS), used - set(url_state.PARAMS)


def test_a_module_over_400_lines_says_why_in_its_docstring():
    """Issue #12: no module over about 400 lines without a reason stated in its docstring (a
    paragraph beginning "Length:")."""
    import ast
    long = []
    project = ROOT.parent
    for path in sorted([*ROOT.rglob("*.py"), *(project / "pages").glob("*.py"), project / "app.py"]):
        text = path.read_text(encoding="utf-8")
        if text.count("\n") > 400 and "Length:" not in (ast.get_docstring(ast.parse(text)) or ""):
            long.append(f"{path.relative_to(project)} ({text.count(chr(10))} lines)")
    assert long == []
