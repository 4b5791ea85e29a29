"""The build step: typed Parquet when the sources are right, a named refusal (and nothing written)
when they are not."""
from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from khcn_dash import build, config, schema

SOURCE = config.SOURCE_DIR


@pytest.fixture
def sources(tmp_path) -> Path:
    """A private copy of the source folder to break."""
    dst = tmp_path / "source"
    shutil.copytree(SOURCE, dst)
    return dst


def _replace(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def test_build_writes_one_typed_parquet_per_table(sources, tmp_path):
    out = tmp_path / "parquet"
    counts = build.build(sources, out)
    for name in schema.TABLES:
        assert (out / f"{name}.parquet").exists(), name
    assert counts["budget_lines"] == 9 and counts["districts"] == 11
    lines = pq.read_table(out / "budget_lines.parquet")
    assert lines.schema.field("amount_mvnd").type == pa.decimal128(18, 3)
    assert lines.schema.field("period_start").type == pa.int32()
    assert sum(lines.column("amount_mvnd").to_pylist()) == Decimal("88243.9")  # 66.769,9 + 21.474, exact
    instruments = pq.read_table(out / "legal_instruments.parquet")
    assert instruments.schema.field("issued_on").type == pa.date32()
    assert build.is_current(out, sources)


def test_every_row_carries_its_section_and_quote_and_a_citation(sources, tmp_path):
    out = tmp_path / "parquet"
    build.build(sources, out)
    citations = pq.read_table(out / "citations.parquet").to_pylist()
    by_id = {c["cite_id"]: c for c in citations}
    for t in schema.TABLES.values():
        if not t.cited:
            continue
        rows = pq.read_table(out / f"{t.name}.parquet").to_pylist()
        for row in rows:
            assert row["section"] and row["source_quote"] and row["cite_id"] in by_id, (t.name, row)
            assert by_id[row["cite_id"]]["section"] == row["section"]


# (file, old text, new text, the check that must name the fault)
BREAKAGES = [
    ("budget_lines.csv", ",8342,continuing", ",8343,continuing", "every stated total equals the sum of its parts"),
    ("budget_lines.csv", ",33427.9,", ",33427.8,", "every stated total equals the sum of its parts"),
    ("document_totals.csv", ",66769.9,", ",66769.8,", "the stated plan total = stated recurrent + stated investment"),
    ("tasks_by_field.csv", ",45,", ",46,", "every stated total equals the sum of its parts"),
    ("ip_asset_areas.csv", "ct-ruou-hoi-hoan,van-lang", "ct-ruou-hoi-hoan,hoi-hoan", "district ids are those of the GeoJSON"),
    ("ip_assets.csv", "ct-rau-gia-cat,lang-son", "ct-rau-tan-lien,lang-son", "ip_assets: (asset_id) is unique"),
    ("budget_lines.csv", "(dự án mới);", "(dự án mới)!", "every source_quote is found word for word in its section"),
    ("budget_lines.csv", "2021-recurrent,lang-son,2021,plan,recurrent,,33427.9,,,B.II",
     "2021-recurrent,lang-son,2021,plan,recurrent,,33427.9,,,A.II.8", "every source_quote is found"),
    ("budget_lines.csv", ",8342,continuing", ",-8342,continuing", "money is never negative"),
    ("infrastructure_projects.csv", "experimental-farm,lang-son,2016-2020,45936",
     "experimental-farm,lang-son,2016-2020,45.936", "every figure is written in its own quote"),
    ("tasks_by_field.csv", "agriculture,lang-son,2016-2020,45", "agriculture,lang-son,2016-2020,54",
     "every figure is written in its own quote"),
    ("budget_lines.csv", ",8342,continuing", ",8342.0001,continuing", "more decimals than the column holds"),
    ("budget_lines.csv", ",8342,continuing", ",8342,ongoing", "not one of"),
    ("budget_lines.csv", "tdc-equipment,3036", "no-such-project,3036", "budget_lines.project_id is in projects"),
    ("legal_mentions.csv", "qd-104-ttg-2019", "qd-999-ttg-2019", "legal_mentions.instrument_id is in legal_instruments"),
    ("sections.csv", "2.3. Kết quả phát triển hạ tầng", "2.3. Kết quả phát triển hạ tầngX", "section"),
]


@pytest.mark.parametrize("file,old,new,check", BREAKAGES, ids=[f"{b[0]}:{b[3][:30]}" for b in BREAKAGES])
def test_a_wrong_source_is_refused_by_name_and_nothing_is_written(sources, tmp_path, file, old, new, check):
    out = tmp_path / "parquet"
    _replace(sources / file, old, new)
    with pytest.raises(build.BuildError) as err:
        build.build(sources, out)
    assert check in str(err.value)
    assert not out.exists()


def test_a_refused_build_leaves_the_previous_parquet_untouched(sources, tmp_path):
    out = tmp_path / "parquet"
    build.build(sources, out)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    _replace(sources / "budget_lines.csv", ",15000,new", ",15001,new")
    with pytest.raises(build.BuildError):
        build.build(sources, out)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_ensure_built_rebuilds_only_when_a_source_changed(sources, tmp_path):
    out = tmp_path / "parquet"
    assert build.ensure_built(out, sources) is True
    assert build.ensure_built(out, sources) is False
    _replace(sources / "projects.csv", "Trại thực nghiệm,Experimental farm", "Trại thực nghiệm,Experimental farm (test)")
    assert not build.is_current(out, sources)
    assert build.ensure_built(out, sources) is True
    assert build.is_current(out, sources)


def test_the_build_is_deterministic(sources, tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    build.build(sources, a)
    build.build(sources, b)
    for p in a.glob("*.parquet"):
        assert pq.read_table(p).equals(pq.read_table(b / p.name)), p.name


def test_command_line_build_reports_failures_without_a_traceback(sources, tmp_path, capsys):
    _replace(sources / "tasks_by_field.csv", ",45,", ",44,")
    assert build.main([str(sources), str(tmp_path / "parquet")]) == 1
    err = capsys.readouterr().err
    assert "every stated total equals the sum of its parts" in err and "Traceback" not in err


@pytest.mark.parametrize("bad", ["budget lines", "x; DROP TABLE y", 'a"b', "Budget", "", "1x", None])
def test_ddl_names_accept_only_plain_table_names(bad):
    from khcn_dash.schema import sql_name
    with pytest.raises(ValueError):
        sql_name(bad)


def test_ddl_names_and_paths_are_quoted():
    from khcn_dash.schema import sql_name, sql_text
    assert sql_name("budget_lines") == '"budget_lines"'
    assert sql_text("/data/o'brien/x.parquet") == "'/data/o''brien/x.parquet'"
