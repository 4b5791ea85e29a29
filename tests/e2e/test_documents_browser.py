"""Several documents in a real browser (issue #10): what only a browser shows of choosing a document
and comparing two.

The server serves a packages folder made as tests/test_documents.py's `two_years` makes it: the
Lạng Sơn 2021 package and a 2022 plan derived from it (the recurrent line and the total 1.000 triệu
more), added by `python -m khcn_dash.packages add`. What each page computes for either document is
AppTest's (test_documents); here:

- the sidebar's picker is drawn, a click on its plan year changes the figures and the address bar,
  and a click on another page in the sidebar keeps the chosen document;
- the comparison's four tables draw (st.dataframe is a canvas: its cells are read from the grid's
  accessibility table, never from inner_text), and a click on a link cell ("Open in the document",
  drawn on the canvas) of the 2022 source column opens, in a new tab, the sources page of the 2022
  document with its sentence highlighted;
- over each flow, nothing but the app's own address is contacted and the browser logs no error.
"""
from __future__ import annotations

from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

from tests.conftest import NEW_DOC, OLD_DOC, two_year_packages
from tests.e2e.conftest import ROOT, Recorder, rerun, settle, start_server, stop_server

OLD, NEW = OLD_DOC, NEW_DOC
WAIT_MS = 90_000  # 2 cores, a fresh server builds both documents' Parquet on its first request
METRIC = '[data-testid="stMetricValue"]'


# One server for this module's tests. Session scope (the fixture is visible to this module only):
# in parallel, another module's tests may run between this module's in a worker, and a module
# fixture would then start its server again.
@pytest.fixture(scope="session")
def docs_server(tmp_path_factory):
    packages, parquet = two_year_packages(tmp_path_factory.mktemp("docs-browser"))
    proc, base = start_server(ROOT / "app.py", env={"KHCN_PACKAGES_DIR": str(packages),
                                                     "KHCN_PARQUET_DIR": str(parquet)})
    yield base
    stop_server(proc)


@pytest.fixture
def rec(browser, docs_server):
    """A page in a context of its own; `rec.all_requests` holds the requests of every page of the
    context (a link opened in a new tab included, from its very first request)."""
    context = browser.new_context(viewport={"width": 1400, "height": 900}, locale="vi-VN")
    all_requests: list[str] = []
    context.on("request", lambda req: all_requests.append(req.url))
    r = Recorder(context.new_page(), docs_server)
    r.all_requests = all_requests
    yield r
    context.close()


def _offline_and_clean(rec: Recorder, *others: Recorder) -> None:
    """No request to any host but the app's (over the whole context), no console error, no failed
    response, no exception shown, on the main page and on `others` (pages opened from it)."""
    own = urlparse(rec.base).netloc
    outside = [u for u in rec.all_requests
               if urlparse(u).scheme not in ("data", "blob", "about", "chrome-extension") and urlparse(u).netloc != own]
    assert outside == []
    for r in (rec, *others):
        assert r.outside_requests() == []
        assert r.console_errors == []
        assert r.failed_responses == []
        assert r.page.locator('[data-testid="stException"]').count() == 0


def _wait_for_address(page, part: str) -> None:
    page.wait_for_function("part => window.location.href.includes(part)", arg=part, timeout=WAIT_MS)


def test_the_sidebar_picks_the_document_and_a_page_change_keeps_it(rec):
    page = rec.page
    rec.goto("/")
    year = page.locator(".st-key-doc_year")
    expect(year).to_be_visible(timeout=WAIT_MS)  # on a fresh server the first run builds the Parquet
    settle(page, WAIT_MS)
    province = page.locator(".st-key-doc_province")
    sidebar = page.locator('[data-testid="stSidebar"]')
    assert sidebar.locator(".st-key-doc_province").count() == 1 and sidebar.locator(".st-key-doc_year").count() == 1
    expect(province.get_by_role("combobox", name="Tỉnh")).to_have_value("Lạng Sơn")
    options = year.locator('[data-testid="stRadioOption"]')
    expect(options).to_have_text(["Kế hoạch 2022", "Kế hoạch 2021"])
    expect(year.locator('[data-testid="stRadioOption"][data-selected="true"]')).to_have_text("Kế hoạch 2022")
    metrics = page.locator(METRIC)
    expect(metrics.nth(0)).to_have_text("67.769,9", timeout=WAIT_MS)  # the 2022 plan's stated totals
    expect(metrics.nth(1)).to_have_text("34.427,9")
    assert f"doc={NEW}" in page.url

    # the plan year, clicked in the sidebar (the navigation's plan page reads "Kế hoạch 2022" too)
    rerun(page, lambda: year.get_by_text("Kế hoạch 2021", exact=True).click())
    _wait_for_address(page, f"doc={OLD}")
    expect(metrics.nth(0)).to_have_text("66.769,9", timeout=WAIT_MS)
    expect(metrics.nth(1)).to_have_text("33.427,9")
    assert f"doc={NEW}" not in page.url
    expect(year.locator('[data-testid="stRadioOption"][data-selected="true"]')).to_have_text("Kế hoạch 2021")

    # another page, through the sidebar's navigation: the 2021 document is still the one shown
    link = page.locator(f'[data-testid="stSidebarNav"] a[href="{rec.base}/budget"]')
    expect(link).to_have_text("Dự toán ngân sách 2021")  # the navigation names the chosen plan year
    rerun(page, link.click)
    page.wait_for_function("() => window.location.pathname === '/budget'", timeout=WAIT_MS)
    settle(page, WAIT_MS)
    _wait_for_address(page, f"doc={OLD}")
    expect(page.get_by_role("heading", name="Dự toán ngân sách KH&CN năm 2021")).to_be_visible(timeout=WAIT_MS)
    expect(metrics.nth(0)).to_have_text("66.769,9", timeout=WAIT_MS)
    expect(year.locator('[data-testid="stRadioOption"][data-selected="true"]')).to_have_text("Kế hoạch 2021")
    assert f"doc={OLD}" in page.url and f"doc={NEW}" not in page.url
    _offline_and_clean(rec)


def _grid_cell(table, col: int, row: int) -> str:
    """A cell's text as the grid's accessibility table holds it (a link cell: its address)."""
    return table.locator(f'[data-testid="glide-cell-{col}-{row}"]').evaluate("e => e.textContent")


def _click_last_link_of_first_row(page, table) -> None:
    """Clicks the rightmost link of the grid's first row: the canvas shows a pointer over a link
    cell's text, so the mouse goes leftwards from the right edge until it shows one."""
    canvas = table.locator('canvas[data-testid="data-grid-canvas"]')
    box = canvas.bounding_box()
    y = box["y"] + 35 + 35 / 2  # the header row, then half the first row (Streamlit's default heights)
    for x in range(int(box["x"] + box["width"]) - 4, int(box["x"] + box["width"] / 2), -8):
        page.mouse.move(x, y)
        if canvas.evaluate("c => getComputedStyle(c).cursor") == "pointer":
            page.mouse.move(x - 8, y)  # well inside the link's text
            page.mouse.click(x - 8, y)
            return
    raise AssertionError("no link in the first row of the table")


def test_the_comparison_draws_its_tables_and_a_source_link_opens_the_2022_document(rec):
    page = rec.page
    rec.goto("/compare?lang=en")
    tables = page.locator('[data-testid="stDataFrame"]')
    expect(tables).to_have_count(4, timeout=WAIT_MS)
    settle(page, WAIT_MS)
    # every table has drawn: a canvas of its own size, and its cells in the accessibility table
    page.wait_for_function(
        """() => { const t = document.querySelectorAll('[data-testid="stDataFrame"]');
                   return t.length === 4 && Array.from(t).every(e => e.querySelector('canvas[data-testid="data-grid-canvas"]')
                          && e.querySelector('table [data-testid="glide-cell-0-0"]')); }""", timeout=WAIT_MS)
    sizes = tables.evaluate_all("ts => ts.map(t => { const c = t.querySelector('canvas'); return [c.width, c.height]; })")
    assert all(w > 300 and h > 70 for w, h in sizes), sizes
    body = page.evaluate("() => document.body.textContent")
    assert "67,769.9" in body and "+1,000" in body
    for title in ("The budget by source", "Investment projects across the years", "Tasks by field", "Intellectual property"):
        expect(page.get_by_role("heading", name=title)).to_be_visible()

    totals = tables.first
    headers = totals.locator('table th[role="columnheader"]').all_text_contents()
    assert headers == ["Item", "Plan 2021", "Plan 2022", "Change", "Change (%)", "Source 2021", "Source 2022"]
    assert [_grid_cell(totals, c, 0) for c in range(4)] == ["Total budget", "66,769.9", "67,769.9", "+1,000"]
    old_href, new_href = _grid_cell(totals, 5, 0), _grid_cell(totals, 6, 0)
    assert old_href.startswith("sources?section=B.II&") and f"doc={OLD}" in old_href
    assert new_href.startswith("sources?section=B.II&") and f"doc={NEW}" in new_href

    # a click on the 2022 source of the total opens the sentence of the 2022 document, in a new tab
    totals.scroll_into_view_if_needed()
    settle(page)
    with page.context.expect_page(timeout=WAIT_MS) as opened:
        _click_last_link_of_first_row(page, totals)
    tab = opened.value
    tab_rec = Recorder(tab, rec.base)
    tab.wait_for_load_state("domcontentloaded", timeout=WAIT_MS)
    assert tab.url.split("?")[0] == f"{rec.base}/sources"
    sent = dict(part.split("=", 1) for part in new_href.split("?", 1)[1].split("&"))
    for key, value in sent.items():
        assert f"{key}={value}" in tab.url, (key, tab.url)
    highlighted = tab.locator('[data-testid="stMarkdownContainer"] strong span', has_text="67.769,9")
    expect(highlighted.first).to_be_visible(timeout=WAIT_MS)
    settle(tab, WAIT_MS)
    assert f"doc={NEW}" in tab.url
    assert "Tổng kinh phí dự kiến là 67.769,9 triệu đồng" in highlighted.first.text_content()
    background = highlighted.last.evaluate("e => getComputedStyle(e).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")
    main = tab.locator('[data-testid="stMain"]').evaluate("e => e.textContent")
    assert "66.769,9" not in main  # the 2021 document's total is not on this page
    expect(tab.locator('.st-key-doc_year [data-testid="stRadioOption"][data-selected="true"]')).to_have_text("Plan 2022")
    _offline_and_clean(rec, tab_rec)
