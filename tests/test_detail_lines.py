"""Detail lines (issue #10, part 2): a budget line broken into sub-lines, each with its amount and
sentence, reconciling level by level. The fictional Sơn Thủy 2023 package breaks its recurrent
block into three activity areas, and research into three tasks; the real Lạng Sơn package keeps
its single recurrent line."""
from __future__ import annotations

import itertools
import json
import shutil
from decimal import Decimal

import pytest

from khcn_dash import build
from tests.conftest import ROOT, line_amounts, open_page, serving_packages, shown, type_amount

SON_THUY = ROOT / "tests" / "fixtures" / "packages" / "son-thuy-2023"


def copy(tmp_path, edits: list[tuple[str, str, str]] = ()):
    src = tmp_path / "son-thuy-2023"
    shutil.copytree(SON_THUY, src)
    for name, old, new in edits:
        path = src / name
        text = path.read_text(encoding="utf-8")
        assert old in text, (name, old)
        path.write_text(text.replace(old, new), encoding="utf-8")
    return src


def test_the_details_build_and_reconcile(tmp_path):
    counts = build.build(copy(tmp_path), tmp_path / "out")
    assert counts["budget_details"] == 6


@pytest.mark.parametrize(("edits", "check"), [
    # one task 100 more, in the text and the table: the tasks no longer add up to their area
    ([("document.txt", "chọn tạo giống chè Thượng Lâm: 3.000", "chọn tạo giống chè Thượng Lâm: 3.100"),
      ("budget_details.csv", "3000,research,agriculture", "3100,research,agriculture")],
     "detail lines add up to the detail line they break down"),
    # the area and its task 100 more: the areas no longer add up to the recurrent line
    ([("document.txt", "chọn tạo giống chè Thượng Lâm: 3.000", "chọn tạo giống chè Thượng Lâm: 3.100"),
      ("budget_details.csv", "3000,research,agriculture", "3100,research,agriculture"),
      ("document.txt", "công nghệ: 8.000 triệu", "công nghệ: 8.100 triệu"),
      ("budget_details.csv", "8000,research,", "8100,research,")],
     "detail lines add up to the budget line they break down"),
    # a detail that names a budget line that does not exist
    ([("budget_details.csv", "2023-rec-ip,son-thuy,2023,2023-recurrent", "2023-rec-ip,son-thuy,2023,2023-nothing")],
     "budget_details.budget_line_id is in budget_lines"),
])
def test_details_that_do_not_reconcile_are_refused(tmp_path, edits, check):
    with pytest.raises(build.BuildError) as refused:
        build.build(copy(tmp_path, edits), tmp_path / "out")
    assert check in str(refused.value)


def test_the_treemap_drills_from_the_recurrent_block_to_its_tasks(tmp_path, monkeypatch):
    from khcn_dash import documents
    from khcn_dash.charts import budget as charts
    from khcn_dash.queries import budget as q
    src = copy(tmp_path)
    with serving_packages(monkeypatch, src.parent, tmp_path / "parquet"):
        doc = documents.find("son-thuy-2023")
        build.build(doc.source_dir, doc.parquet_dir)
        tree = q.budget_tree.uncached("2023", "son-thuy")
        parent = dict(zip(tree.node_id, tree.parent_id))
        assert parent["2023-rec-research"] == "recurrent" and parent["2023-rec-tea"] == "2023-rec-research"
        amounts = dict(zip(tree.node_id, tree.amount_mvnd))
        assert sum(amounts[k] for k in ("2023-rec-research", "2023-rec-ip", "2023-rec-standards")) == amounts["recurrent"]
        assert Decimal(str(amounts["2023-rec-research"])) == Decimal("8000")
        fig = charts.budget_treemap(tree, q.budget_lines.uncached("2023", "son-thuy"), "en")
        labels = dict(zip(fig.data[0].ids, fig.data[0].labels))
        assert labels["2023-rec-tea"] == "Breeding Thượng Lâm tea varieties"


def test_a_scenario_moves_money_between_the_detail_lines_of_one_source(tmp_path, monkeypatch):
    """The scenario's lines are the finest detail lines; in a fixed-total mode money moved between
    two tasks keeps the recurrent total; the user's own split is not offered, the document splits it."""
    from khcn_dash.labels import scenarios as L
    src = copy(tmp_path)
    with serving_packages(monkeypatch, src.parent, tmp_path / "parquet"):
        at = open_page("scenarios", lang="en")
        amounts = line_amounts(at)
        assert amounts == {"2023-rec-tea": "3,000", "2023-rec-pomelo": "2,500", "2023-rec-rice": "2,500",
                           "2023-rec-ip": "3,000", "2023-rec-standards": "2,820.5",
                           "2023-seedling-nursery": "7,000", "2023-lab-upgrade": "4,500"}
        assert L.t("split", "en") not in [e.label for e in at.expander]
        type_amount(at, "2023-rec-tea", "3,500")
        type_amount(at, "2023-rec-rice", "2,000")
        assert not at.exception and not at.error
        metrics = {m.label: m.value for m in at.metric}
        assert metrics["Recurrent S&T budget (million VND)"] == "13,820.5"
        assert metrics["Total budget (million VND)"] == "25,320.5"


def test_sixty_detail_lines_are_one_editor_grouped_by_parent_and_the_chart_by_group(tmp_path, monkeypatch):
    """The research area broken into 60 tasks (bench.packages.many_details): one editor lists every
    line, grouped by source and parent; an edit of one task rebalances the others of its source and
    keeps the recurrent total; the chart shows groups, not 64 bar pairs; a refused cell says why."""
    from bench import packages
    from khcn_dash.labels import scenarios as L
    from khcn_dash.scenario_session import K
    src = packages.many_details(SON_THUY, tmp_path / "packages", 60)
    with serving_packages(monkeypatch, src.parent, tmp_path / "parquet"):
        at = open_page("scenarios", lang="en")
        editors = [e for e in at.data_editor if e.key.startswith(K.EDITOR_PREFIX)]
        assert len(editors) == 1
        table = editors[0].value
        assert len(table) == 64 and set(table["amount"][table["line"].str.startswith("Research task")]) == {"133.3",
                                                                                                           "133.4"}
        groups = list(dict.fromkeys(table["group"]))  # each group's lines sit together, in one run
        assert [g for g, _ in itertools.groupby(table["group"])] == groups
        assert "Recurrent S&T budget › Research and technology development" in groups
        spec = json.loads(at.get("plotly_chart")[0].proto.spec)
        assert spec["layout"]["title"]["text"] == L.t("chart_groups_title", "en")
        assert len(spec["data"][0]["y"]) == len(groups)
        type_amount(at, "2023-rec-research-07", "1,133.3")
        assert not at.exception and not at.error
        amounts = line_amounts(at)
        assert amounts["2023-rec-research-07"] == "1,133.3"
        metrics = {m.label: m.value for m in at.metric}
        assert metrics["Recurrent S&T budget (million VND)"] == "13,820.5"  # the source's total holds
        assert sum(Decimal(v.replace(",", "")) for k, v in amounts.items()
                   if k.startswith("2023-rec")) == Decimal("13820.5")
        type_amount(at, "2023-rec-research-08", "abc")
        assert line_amounts(at)["2023-rec-research-08"] == "abc"  # kept as typed, beside its message
        assert [shown(e.value) for e in at.error] == ["Research task no. 08: “abc” is not an amount. Type digits only, e.g. 10,000 or 2,500.5."]
