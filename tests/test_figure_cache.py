"""figure_cache: a kept figure is built once, and draws exactly what a fresh build draws."""
from __future__ import annotations

import json

import plotly.io as pio

from khcn_dash import figure_cache
from khcn_dash.charts import map as charts
from khcn_dash.queries import ip as q


def test_a_kept_figure_is_built_once_and_draws_what_a_fresh_build_draws():
    built = []

    def district_map(lang: str, district: str | None):
        built.append((lang, district))
        return charts.district_map(q.ip_count_by_district(q.ALL_TYPES, q.ALL_STATUSES), q.ip_assets(),
                                   q.district_geometry(), lang, selected=district)

    first = figure_cache.kept_figure(district_map, "vi", "chi-lang")
    again = figure_cache.kept_figure(district_map, "vi", "chi-lang")
    other = figure_cache.kept_figure(district_map, "en", None)
    assert built == [("vi", "chi-lang"), ("en", None)]  # other choices: built; the same ones: kept
    fresh = district_map("vi", "chi-lang")
    for kept in (first, again):
        assert json.loads(pio.to_json(kept, validate=False)) == json.loads(pio.to_json(fresh, validate=False))
    assert json.loads(pio.to_json(other, validate=False)) != json.loads(pio.to_json(fresh, validate=False))
