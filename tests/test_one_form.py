"""One formatter (issue #12): the same figure reads the same on every page, slide and chart, in tỷ
đồng as in triệu đồng. Each headline figure of the document is looked for in everything a page
shows (text, metrics, tables, chart labels and hovers) and must appear in one form only."""
from __future__ import annotations

import re

import pytest

from khcn_dash import slides as slide_defs
from tests.conftest import open_page, shown

# triệu đồng -> how each figure starts in tỷ đồng (vi): every match must be the one exact form
HEADLINES = {
    "66.769,9": (r"66,7\d*", "66,7699"),
    "33.427,9": (r"33,42\d*", "33,4279"),
    "33.342": (r"33,34\d*", "33,342"),
    "21.474": (r"21,47\d*", "21,474"),
    "45.936": (r"45,93\d*", "45,936"),
    "8.342": (r"(?<![\d,.])8,34\d*", "8,342"),
}


def everything_shown(at) -> str:
    parts = [shown(x.value) for x in (*at.markdown, *at.caption, *at.info, *at.success, *at.warning, *at.error)]
    parts += [f"{m.label} {m.value}" for m in at.metric]
    for frame in at.dataframe:
        parts.append(frame.value.to_string())
    for chart in at.get("plotly_chart"):
        parts.append(chart.proto.spec)
    return "\n".join(parts)


def forms(text: str) -> dict[str, set[str]]:
    return {k: set(re.findall(rf"(?<![\d,.]){pattern}(?![\d])", text)) for k, (pattern, _) in HEADLINES.items()}


PAGES = ["overview", "budget", "review", "plan", "scenarios"]


@pytest.mark.parametrize("page", PAGES + [f"slide:{k}" for k in slide_defs.slide_keys()])
def test_each_headline_figure_has_one_form_in_billions(page):
    if page.startswith("slide:"):
        at = open_page("present", unit="bvnd", slide=page.removeprefix("slide:"))
    else:
        at = open_page(page, unit="bvnd")
    assert not at.exception
    found = forms(everything_shown(at))
    for figure, (_, exact) in HEADLINES.items():
        assert found[figure] <= {exact}, (figure, found[figure])


def test_the_budget_page_shows_the_headline_figures_exactly():
    found = forms(everything_shown(open_page("budget", unit="bvnd")))
    for figure in ("66.769,9", "33.427,9", "33.342"):
        assert found[figure] == {HEADLINES[figure][1]}, (figure, found[figure])
