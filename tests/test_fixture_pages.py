"""Another province (issue #10, part 4): the fictional Sơn Thủy packages (tests/fixtures/packages)
served beside Lạng Sơn's. Every page shows them in both languages without an error; what their
documents lack (organisations, research highlights, infrastructure) is left out with a note; the map
draws their own three districts; the comparison sets their two years side by side."""
from __future__ import annotations

import shutil

import pytest

from khcn_dash import config, documents, labels
from khcn_dash.labels import compare as L_compare
from khcn_dash.queries import _db
from tests.conftest import ROOT, open_page

FIXTURES = ROOT / "tests" / "fixtures" / "packages"
PAGES = [key for key in labels.PAGES if key != "import"]


@pytest.fixture(scope="module")
def packages(tmp_path_factory):
    root = tmp_path_factory.mktemp("provinces")
    shutil.copytree(config.SOURCE_DIR, root / "packages" / config.SOURCE_DIR.name)
    for name in ("son-thuy-2022", "son-thuy-2023"):
        shutil.copytree(FIXTURES / name, root / "packages" / name)
    return root


@pytest.fixture
def served_from(packages, monkeypatch):
    monkeypatch.setattr(config, "PACKAGES_DIR", packages / "packages")
    monkeypatch.setattr(config, "PARQUET_DIR", packages / "parquet")
    _db.forget()
    yield
    _db.forget()


def page_errors(at) -> list[str]:
    failed = {labels.pick(labels.UI["page_error"], lang) for lang in ("vi", "en")}
    return [e.message for e in at.exception] + [e.value for e in at.error if e.value in failed]


def test_the_picker_offers_both_provinces_and_son_thuy_s_newest_year(served_from):
    assert [d.id for d in documents.catalogue()] == ["lang-son-2021", "son-thuy-2023", "son-thuy-2022"]
    at = open_page("overview")
    assert at.query_params["doc"] == "lang-son-2021"
    assert at.selectbox(key="doc_province").options == ["Lạng Sơn", "Sơn Thủy"]
    at.selectbox(key="doc_province").set_value("son-thuy").run()
    assert at.query_params["doc"] == "son-thuy-2023" and not page_errors(at)


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("doc", ["son-thuy-2022", "son-thuy-2023"])
def test_every_page_shows_the_fictional_province(served_from, doc, lang):
    for page in PAGES:
        at = open_page(page, doc=doc, lang=lang)
        assert page_errors(at) == [], (page, doc, lang)
        text = " ".join(str(e.value) for kind in ("title", "header", "markdown", "caption", "metric")
                        for e in getattr(at, kind))
        assert "Lạng Sơn" not in text, (page, doc, lang)  # nothing of the other province leaks in


def test_the_budget_and_map_are_son_thuy_s(served_from):
    at = open_page("overview", doc="son-thuy-2023")
    assert [m.value for m in at.metric][:3] == ["25.320,5", "13.820,5", "11.500"]
    at = open_page("map", doc="son-thuy-2023")
    assert at.selectbox(key="district").options[1:] == ["TP Sơn Thủy", "Thượng Lâm", "Hạ Hòa"]


def test_the_comparison_shows_son_thuy_s_changes(served_from):
    at = open_page("compare", doc="son-thuy-2023", lang="en")
    assert not page_errors(at)
    totals = at.dataframe[0].value.set_index("Item")
    assert totals.loc["Total budget", ["Plan 2022", "Plan 2023", "Change"]].tolist() == ["21,450.5", "25,320.5", "+3,870"]
    projects = at.dataframe[1].value
    assert len(projects) == 3 and "–" in set(projects["Plan 2022"]) and "–" in set(projects["Plan 2023"])
    assert [s.value for s in at.subheader] == [labels.pick(p, "en") for p in
                                              (L_compare.TOTALS, L_compare.PROJECTS, L_compare.TASKS, L_compare.IP)]
