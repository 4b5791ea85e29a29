"""Each layer does one job (issue #12), read from the source with `ast`:

- labels/ hold words only: (vi, en) pairs, templates, and plain functions that fill a template with
  values already formatted. No pandas or plotly there, and no work on DataFrames.
- summaries/ hold the sentences that summarise a page's charts and figures (one module per page):
  every function named *_summary lives there.
- charts/ build figures and the tables beside them: no sentences (no *_summary/*_sentence/*_caption
  function, no Markdown escaping of document text), and a page's chart module does not borrow from
  another page's: what they share is in charts/common.py.
"""
from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

PACKAGE = "khcn_dash"
ROOT = Path(__file__).resolve().parent.parent / PACKAGE

# Modules not yet split this way; being moved (issue #12). A module that follows the rule again
# fails the test until it is taken off its list.
KNOWN_PANDAS_IN_LABELS: set[str] = set()
KNOWN_DATAFRAME_WORK_IN_LABELS: set[str] = set()
KNOWN_MARKDOWN_IN_LABELS: set[str] = set()
KNOWN_SUMMARIES_OUTSIDE: set[str] = set()

TABULAR_LIBRARIES = ("pandas", "numpy", "plotly")
# Attributes only a DataFrame or Series has: using one means the module works on query results.
DATAFRAME_ATTRIBUTES = frozenset({
    "itertuples", "iterrows", "set_index", "reset_index", "loc", "iloc", "groupby", "value_counts", "astype",
    "fillna", "isin", "isna", "notna", "dropna", "assign", "sort_values", "merge", "pivot", "pivot_table",
    "to_frame", "drop_duplicates",
})
SENTENCE_SUFFIXES = ("_summary", "_sentence", "_caption")


@cache
def _modules(folder: str) -> dict[str, ast.Module]:
    """'labels.budget' -> its parsed source, for every module in khcn_dash/<folder>/ (the package's
    own __init__ as 'labels')."""
    out = {}
    for path in sorted((ROOT / folder).glob("*.py")):
        name = folder if path.stem == "__init__" else f"{folder}.{path.stem}"
        out[name] = ast.parse(path.read_text(encoding="utf-8"))
    return out


def _imported(tree: ast.Module, module: str) -> set[str]:
    """Every module name `tree` imports (relative imports made absolute), at any depth of its code,
    and each `from x import y` also as 'x.y'."""
    package = f"{PACKAGE}.{module}".split(".")
    if not module.count(".") and (ROOT / module / "__init__.py").exists():
        package.append("__init__")  # a package's own __init__: one dot means the package itself
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package[:len(package) - node.level]
                base = ".".join([*parent, base] if base else parent)
            names.add(base)
            names.update(f"{base}.{alias.name}" for alias in node.names)
    return names


def _functions(tree: ast.Module) -> list[str]:
    return [n.name for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]


def _check(found: dict[str, object], known: set[str]) -> None:
    unknown = {k: v for k, v in found.items() if k not in known}
    assert not unknown, unknown
    fixed = sorted(known - set(found))
    assert not fixed, f"these follow the rule now: take them off the known list: {fixed}"


# --- the reader itself ---------------------------------------------------------------------

def test_the_reader_sees_relative_imports_and_dataframe_work():
    tree = ast.parse("from ..text import md_escape\nfrom . import Pair\nimport pandas as pd\n"
                     "def f(df):\n    from plotly import graph_objects\n    return df.set_index('a')\n")
    names = _imported(tree, "labels.budget")
    assert {"khcn_dash.text.md_escape", "khcn_dash.labels.Pair", "pandas", "plotly.graph_objects"} <= names
    assert _imported(ast.parse("from . import Pair"), "labels") >= {"khcn_dash.labels.Pair"}
    assert {n.attr for n in ast.walk(tree) if isinstance(n, ast.Attribute)} & DATAFRAME_ATTRIBUTES == {"set_index"}
    assert set(_modules("labels")) >= {"labels", "labels.budget", "labels.review", "labels.plan", "labels.overview"}
    assert set(_modules("summaries")) >= {"summaries.budget", "summaries.review", "summaries.plan", "summaries.overview"}


# --- labels: words only ----------------------------------------------------------------------

def test_labels_import_neither_pandas_nor_plotly():
    found = {}
    for module, tree in _modules("labels").items():
        bad = sorted(n for n in _imported(tree, module) if n.split(".")[0] in TABULAR_LIBRARIES)
        if bad:
            found[module] = bad
    _check(found, KNOWN_PANDAS_IN_LABELS)


def test_labels_do_no_work_on_dataframes():
    found = {}
    for module, tree in _modules("labels").items():
        used = sorted({n.attr for n in ast.walk(tree) if isinstance(n, ast.Attribute)} & DATAFRAME_ATTRIBUTES)
        if used:
            found[module] = used
    _check(found, KNOWN_DATAFRAME_WORK_IN_LABELS)


def test_labels_write_no_markdown_around_document_text():
    """Escaping document text into Markdown is a summary's job (khcn_dash.text.md_escape)."""
    found = {}
    for module, tree in _modules("labels").items():
        if any(n == f"{PACKAGE}.text" or n.startswith(f"{PACKAGE}.text.") for n in _imported(tree, module)):
            found[module] = "imports khcn_dash.text"
    _check(found, KNOWN_MARKDOWN_IN_LABELS)


# --- summaries: the sentences, one module per page ---------------------------------------------

def test_every_summary_function_lives_in_summaries():
    found = {}
    for folder in sorted(p.name for p in ROOT.iterdir() if p.is_dir() and (p / "__init__.py").exists()):
        if folder == "summaries":
            continue
        for module, tree in _modules(folder).items():
            for name in _functions(tree):
                if name.endswith("_summary"):
                    found[f"{module}.{name}"] = "a sentence outside summaries/"
    for path in sorted(ROOT.glob("*.py")):
        for name in _functions(ast.parse(path.read_text(encoding="utf-8"))):
            if name.endswith("_summary"):
                found[f"{path.stem}.{name}"] = "a sentence outside summaries/"
    _check(found, KNOWN_SUMMARIES_OUTSIDE)


def test_summaries_draw_nothing():
    for module, tree in _modules("summaries").items():
        names = _imported(tree, module)
        assert not [n for n in names if n.split(".")[0] in ("plotly", "streamlit")], module
        assert not [n for n in names if n.startswith(f"{PACKAGE}.charts")], module


# --- charts: figures and the tables beside them ------------------------------------------------

def test_charts_write_no_sentences():
    for module, tree in _modules("charts").items():
        sentences = [n for n in _functions(tree) if n.endswith(SENTENCE_SUFFIXES) or n == "key_points"]
        assert not sentences, f"{module}: {sentences} belong in summaries/"
        assert f"{PACKAGE}.text.md_escape" not in _imported(tree, module), f"{module} writes Markdown"


def test_a_page_chart_module_does_not_import_another_page_chart_module():
    shared = {f"{PACKAGE}.charts", f"{PACKAGE}.charts.common"}
    modules = {f"{PACKAGE}.{m}" for m in _modules("charts")}
    for module, tree in _modules("charts").items():
        borrowed = {n for n in _imported(tree, module) if n in modules} - shared - {f"{PACKAGE}.{module}"}
        assert not borrowed, f"{module} imports {sorted(borrowed)}: share it through charts/common.py"
