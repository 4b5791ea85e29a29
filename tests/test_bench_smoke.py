"""The benchmark's parts run on tiny data: the synthetic generator keeps the schema and the real
document, the hand-written reference queries give the query layer's answers, and the report keeps
the hand-written part of BENCHMARK.md. (Timings are not checked: the benchmark is not a test.)"""
from __future__ import annotations

from decimal import Decimal

import duckdb
import pyarrow.parquet as pq
import pytest

from bench import queries, reference, report, synth
from tests.conftest import ROOT
from khcn_dash import documents

REAL = documents.default().parquet_dir


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    out = tmp_path_factory.mktemp("synth") / "parquet"
    counts = synth.generate(out, provinces=3, years=2, budget_lines=120)
    return out, counts


def test_synthetic_parquet_has_the_real_schema_and_size(tiny):
    out, counts = tiny
    for real in sorted(REAL.glob("*.parquet")):
        assert pq.read_schema(out / real.name).equals(pq.read_schema(real)), real.name
    assert counts["budget_lines"] == 120  # 20 per document, 3 provinces × 2 years
    real_rows = pq.read_metadata(REAL / "legal_instruments.parquet").num_rows
    assert counts["legal_instruments"] == real_rows * 6
    assert counts["districts"] == pq.read_metadata(REAL / "districts.parquet").num_rows * 3


def test_synthetic_parquet_keeps_the_real_document_and_unique_ids(tiny):
    out, _ = tiny
    con = duckdb.connect()
    # Lạng Sơn's 2021 plan keeps its ids and its stated total (section B.II: 66.769,9 triệu đồng)
    (value,), = con.execute(f"""SELECT stated_value FROM read_parquet('{out}/document_totals.parquet')
                                WHERE total_id = '2021-budget-total'""").fetchall()
    assert value == Decimal("66769.9")
    dupes = con.execute(f"""SELECT budget_line_id FROM read_parquet('{out}/budget_lines.parquet')
                            GROUP BY 1 HAVING count(*) > 1""").fetchall()
    assert dupes == []
    periods = {r[0] for r in con.execute(
        f"SELECT DISTINCT period FROM read_parquet('{out}/budget_lines.parquet')").fetchall()}
    assert periods == {"2020", "2021", "2015-2019", "2016-2020"}
    provinces = con.execute(
        f"SELECT count(DISTINCT province) FROM read_parquet('{out}/budget_lines.parquet')").fetchall()[0][0]
    assert provinces == 3


def test_every_reference_query_answers_the_same_question(tiny):
    out, _ = tiny
    timings = queries.time_calls(out, queries.default_calls(), runs=1)
    compared = [t for t in timings if t.same is not None]
    assert len(compared) >= 35
    assert [t.label() for t in compared if not t.same] == []
    assert all(t.layer_ms > 0 and t.reference_ms > 0 for t in compared)
    # the query layer is looked at on the synthetic folder, not the project's data
    budget = next(t for t in timings if t.name == "budget.budget_lines")
    # the 4 real 2021 lines, and 8 of the 11 padding lines (every 4th one is a 2016–2020 allocation)
    assert budget.rows == 4 + 8


def test_references_only_name_known_tables():
    tables = {p.stem for p in REAL.glob("*.parquet")}
    import re
    for name, sql in reference.SQL.items():
        assert set(re.findall(r"\{(\w+)\}", sql)) <= tables, name


def test_report_keeps_what_is_written_outside_the_markers(tmp_path):
    path = tmp_path / "BENCHMARK.md"
    path.write_text(f"# Benchmark\n\nNotes before.\n\n{report.BEGIN}\nold\n{report.END}\n\nNotes after.\n")
    report.write(path, "| a | b |")
    text = path.read_text()
    assert "Notes before." in text and "Notes after." in text and "| a | b |" in text and "old" not in text
    assert report.cell("a|b") == "a\\|b"


def test_base_layout_gives_the_house_template_however_the_figure_was_made():
    """The benchmark's fixes (a default template instead of one assigned per chart; of plotly_white,
    only the trace types and the axes the charts use) keep the look."""
    import json

    import plotly.graph_objects as go
    import plotly.io as pio

    from khcn_dash import format as fmt
    from khcn_dash.charts import TRACE_TYPES, UNUSED_SUBPLOTS, base_layout

    def layout(fig):
        return json.loads(pio.to_json(fig, validate=False))["layout"]

    expected = layout(go.Figure(go.Bar(x=[1], y=[2])).update_layout(
        template="plotly_white+khcn", separators=fmt.plotly_separators("vi")))
    expected["template"]["data"] = {k: v for k, v in expected["template"]["data"].items() if k in TRACE_TYPES}
    expected["template"]["layout"] = {k: v for k, v in expected["template"]["layout"].items()
                                      if k not in UNUSED_SUBPLOTS}
    assert layout(base_layout(go.Figure(go.Bar(x=[1], y=[2])), "vi")) == expected
    assert layout(base_layout(go.Figure(go.Bar(x=[1], y=[2]), layout={"template": "plotly"}), "vi")) == expected


def test_the_house_template_covers_every_trace_type_and_axis_the_charts_draw():
    import re

    from khcn_dash.charts import TRACE_TYPES, UNUSED_SUBPLOTS
    drawn = {name.lower() for path in (ROOT / "khcn_dash" / "charts").glob("*.py")
             for name in re.findall(r"go\.([A-Z]\w+)\(", path.read_text(encoding="utf-8")) if name != "Figure"}
    assert drawn and drawn <= set(TRACE_TYPES), drawn - set(TRACE_TYPES)
    used = {axis for path in (ROOT / "khcn_dash" / "charts").glob("*.py") if path.name != "__init__.py"
            for axis in UNUSED_SUBPLOTS  # as a layout key: "geo", geo=, "polar2"…
            if re.search(rf"""["']{axis}\d*["']|\b{axis}\d*\s*=""", path.read_text(encoding="utf-8"))}
    assert not used, used


def test_a_block_counts_its_own_processes_cpu_and_is_invalid_on_a_busy_machine():
    """bench/quiet.py: CPU used by the benchmark's own children is not "other work"; a block that
    started on a busy machine, or beside other work, is invalid, and the report says so instead of
    pass/fail."""
    import subprocess
    import sys

    from bench import quiet
    from bench.__main__ import _judge
    before = quiet.own_cpu_s()
    subprocess.run([sys.executable, "-c", "import time\nt = time.process_time()\nwhile time.process_time() - t < 0.5: pass"],
                   check=True)
    assert quiet.own_cpu_s() - before >= 0.4  # the reaped child's CPU time counts as ours
    def block(load_before, others_before, others_during):
        return quiet.Block("b", load_before, others_before, load_after=1.0, others_cores=others_during, wall_s=10)
    assert block(0.2, 0.0, 0.1).valid
    assert block(3.0, 0.1, 0.1).valid  # the load average still carries the previous block; nobody else runs
    assert not block(1.4, 0.9, 0.1).valid  # busy before
    assert not block(0.2, 0.0, 0.8).valid  # other work during it
    assert _judge(True, block(1.4, 0.9, 0.1).as_dict()) == "invalid (busy machine)"
    assert _judge(False, block(0.2, 0.0, 0.1).as_dict()) == report.verdict(False)


def test_a_traced_page_call_carries_the_document_it_was_served(tiny):
    """The queries a page makes name no document (None: the served one); the tracer records them
    resolved, so the hand-written reference asks the same question and the answers can agree."""
    out, _ = tiny
    calls = queries.trace_pages(["budget"])["budget"]
    assert calls and all(args.get(k) is not None for _, args in calls for k in ("province", "period", "year")
                         if k in args)
    timings = queries.time_calls(out, calls, runs=1)
    assert [t.label() for t in timings if t.same is False] == []
