"""A package without district boundaries (issue #10, part 4): it passes the check, every page shows
it, the map page says it has no map and lists the products, and the slideshow has no map slide."""
from __future__ import annotations

import shutil

from khcn_dash import documents, labels, served, slides
from khcn_dash.labels import map as L_map
from khcn_dash.packages import descriptor, validation
from tests.conftest import ROOT, open_page, serving_packages

SON_THUY = ROOT / "tests" / "fixtures" / "packages" / "son-thuy-2022"


def test_a_package_without_boundaries_is_shown_without_a_map(tmp_path, monkeypatch):
    src = tmp_path / "packages" / "son-thuy-2022"
    shutil.copytree(SON_THUY, src)
    shutil.rmtree(src / "geo")
    # no districts to tie the products to: they stand for the whole province
    areas = src / "ip_asset_areas.csv"
    areas.write_text(areas.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    assets = src / "ip_assets.csv"
    assets.write_text(assets.read_text(encoding="utf-8").replace(",district,", ",province,"), encoding="utf-8")
    descriptor.refresh(src)
    report = validation.check_path(src)
    assert report.valid, [p.key for p in report.problems]
    with serving_packages(monkeypatch, src.parent, tmp_path / "parquet"):
        at = open_page("map", lang="en")
        assert not at.exception and not at.get("plotly_chart")
        assert [i.value for i in at.info][0] == labels.pick(L_map.UI["no_boundaries"], "en")
        assert len(at.dataframe) == 1  # the products, as a list
        with served.using(documents.find("son-thuy-2022")):
            assert "map" not in slides.slide_keys()
        at = open_page("present", slide="map")
        assert not at.exception and not at.error
