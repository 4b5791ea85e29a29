"""The scenario editor at scale in a real browser (issue #10, part 2): a plan whose research area is
broken into 60 tasks (bench.packages.many_details, from the fictional Sơn Thủy 2023 package).

What only a browser shows: on a laptop screen (1366 × 768) the lines' editor, the rule check and
the chart are in view together; a cell far down the editor is reached with the keyboard, typed
into, and the chart and the sentence beside it follow. What the editor computes is AppTest's
(tests/test_detail_lines.py)."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from bench import packages
from khcn_dash.labels import scenarios as L
from tests.e2e.conftest import (AMOUNT_COLUMN, LINES_EDITOR, ROOT, Recorder, edit_cell, editor_rows, settle,
                                start_server, stop_server)

SON_THUY = ROOT / "tests" / "fixtures" / "packages" / "son-thuy-2023"
LAPTOP = {"width": 1366, "height": 768}
CHARTS = """() => Array.from(document.querySelectorAll('[data-testid="stPlotlyChart"] .main-svg'))
                   .map(s => s.innerHTML).join('|')"""


@pytest.fixture(scope="session")
def many_lines_server(tmp_path_factory):
    root = tmp_path_factory.mktemp("many-lines")
    packages.many_details(SON_THUY, root / "packages", 60)
    proc, base = start_server(ROOT / "app.py", env={"KHCN_PACKAGES_DIR": str(root / "packages"),
                                                     "KHCN_PARQUET_DIR": str(root / "parquet")})
    yield base
    stop_server(proc)


def test_sixty_lines_the_rules_and_the_chart_fit_a_laptop_screen_and_a_far_cell_is_edited(browser, many_lines_server):
    context = browser.new_context(viewport=LAPTOP, locale="vi-VN")
    rec = Recorder(context.new_page(), many_lines_server)
    try:
        rec.goto("/scenarios")
        page = rec.page
        editor = page.locator(LINES_EDITOR).first
        editor.evaluate("e => e.scrollIntoView({block: 'start'})")
        page.wait_for_timeout(300)
        rules = page.locator('[data-testid="stAlert"]').filter(has_text=L.t("rules_ok", "vi")).first
        chart = page.locator('[data-testid="stPlotlyChart"]').first
        boxes = [editor.bounding_box(), rules.bounding_box(), chart.bounding_box()]
        assert all(b is not None for b in boxes)
        top, bottom = min(b["y"] for b in boxes), max(b["y"] + b["height"] for b in boxes)
        assert top >= -1 and bottom <= LAPTOP["height"], boxes  # all three in one screen
        rec.screenshot("scenario_editor_60_lines_laptop_vi")

        rows = editor_rows(page)
        assert rows[2][1] == "Nhiệm vụ nghiên cứu số 01" and len(rows) < 20  # the editor scrolls inside
        before = page.evaluate(CHARTS)
        edit_cell(page, 51, AMOUNT_COLUMN, "1.133,3")  # research task 50: two lines of money plus 1.000
        main = page.locator('[data-testid="stMain"]')
        expect(main).to_contain_text("«Nhiệm vụ nghiên cứu số 50» +1.000 triệu đồng", timeout=30_000)
        expect(main).to_contain_text(L.t("rules_ok", "vi"))  # the other tasks took it up: the source's total holds
        settle(page)
        assert page.evaluate(CHARTS) != before
        assert rec.outside_requests() == [] and rec.console_errors == [] and rec.failed_responses == []
    finally:
        context.close()
