"""The scale benchmark (bench/scale.py, issue #10 part 6) at tiny scale: the generated packages are
valid and listed in the catalogue's order, and the measurement runs. (No timing is checked.)"""
from __future__ import annotations

import json

import pytest

from bench import scale
from khcn_dash import documents
from khcn_dash.packages import validation


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    out = tmp_path_factory.mktemp("scale") / "packages"
    made = scale.generate(out, provinces=2, years=2)
    return out, made


def test_generate_makes_valid_packages_listed_newest_first_by_province(tiny, tmp_path):
    out, made = tiny
    assert sorted(p.name for p in made) == ["tinh-01-2021", "tinh-01-2022", "tinh-02-2021", "tinh-02-2022"]
    report = validation.check_path(out / "tinh-02-2021")
    assert report.valid, report.render("en")
    with scale.serving(out, tmp_path / "parquet"):
        docs = documents.catalogue()
        assert [d.id for d in docs] == ["tinh-01-2022", "tinh-01-2021", "tinh-02-2022", "tinh-02-2021"]
        assert documents.default().id == "tinh-01-2022"
        assert docs[2].province_name("vi") == "Tỉnh thử 02" and docs[2].province_name("en") == "Test province 02"
        assert all(d.identity.fictional for d in docs)
    desc = json.loads((out / "tinh-02-2021" / "datapackage.json").read_text(encoding="utf-8"))
    assert desc["khcn"]["province"]["id"] == "tinh-02" and desc["khcn"]["plan_year"] == 2021


def test_measure_runs_and_renders(tiny):
    out, _ = tiny
    res = scale.measure(out, runs=1, add_runs=1, log=lambda msg: None)
    assert res["catalogue_many"]["documents"] == 4 and res["catalogue_one"]["documents"] == 1
    many, one = res["overview"]["many"][0], res["overview"]["one"][0]
    assert (many["provinces"], many["years"]) == (2, 2)  # the picker is drawn with several packages
    assert (one["provinces"], one["years"]) == (0, 0)  # and not with one
    assert len(res["picker"]["year_ms"]) == len(res["picker"]["province_ms"]) == 1
    assert len(res["add_ms"]["many"]) == len(res["add_ms"]["empty"]) == 1
    assert not res["browser"]["measured"]
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == [
        "tinh-01-2021", "tinh-01-2022", "tinh-02-2021", "tinh-02-2022"]  # the added package is removed again
    table = scale.render(res)
    assert "| documents.catalogue(), cold (every descriptor read) |" in table and "4 packages" in table
