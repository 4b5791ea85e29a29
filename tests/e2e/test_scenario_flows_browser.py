"""Scenario flows that only a browser can see (issue #15): opening saved scenarios from the list, one
after another and at an older version, and the sidebar briefing PDF describing the scenario on screen."""
from __future__ import annotations

import io
import re
from decimal import Decimal as D

import pytest
from playwright.sync_api import expect

from khcn_dash import labels
from khcn_dash import format as fmt
from khcn_dash import scenario as m
from khcn_dash import scenario_store as stores
from khcn_dash.queries import scenarios as q
from tests.e2e.conftest import ROOT, Recorder, open_part, rerun, start_server, stop_server, type_line_amount
from tests.e2e.test_scenarios_browser import LAB, QA, expect_values

# name -> the lab line's amount in each saved version (oldest first)
HOSTILE = "[link](http://x) :red[x] &lt;b&gt; &rlm;&ZeroWidthSpace; www.example.com 👩\u200d💻 שלום"
FORMULA = '=HYPERLINK("http://x","y")'
SAVED = {FORMULA: ["10.200"], HOSTILE: ["10.500"], "Kịch bản A": ["9.000"], "Kịch bản B": ["11.000", "11.500"], "Kịch bản C": ["12.000"]}
QA_PLAN, LAB_PLAN = D("8342"), D("10000")


def _qa_for(lab: str) -> str:
    lab_value = m.parse_amount(lab, "vi")
    return fmt.amount(QA_PLAN - (lab_value - LAB_PLAN), "vi")


# session-wide: in parallel, another module's tests may run between this module's in a worker,
# and a module fixture would then be set up again each time
@pytest.fixture(scope="session")
def saved_server(tmp_path_factory):
    """A server whose store already holds A, B (two versions) and C, saved in that order."""
    db = tmp_path_factory.mktemp("flows") / "scenarios.duckdb"
    baseline = m.Baseline.from_query(q.baseline_lines.uncached().to_dict("records"), q.rule_sources.uncached(),
                                     q.split_codes.uncached())
    store = stores.ScenarioStore(db)
    ids = {}
    for name, versions in SAVED.items():
        sid = None
        for lab in versions:
            scn = m.Scenario.plan(baseline).set_amount(LAB, m.parse_amount(lab, "vi"))
            sid, _ = store.save(scn.to_payload(), name, "Phòng KH-TC", scenario_id=sid)
        ids[name] = sid
    store.close()
    proc, base = start_server(ROOT / "app.py", env={"KHCN_SCENARIO_DB": str(db)})
    yield base, ids
    stop_server(proc)


@pytest.fixture
def rec(browser, saved_server):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="vi-VN", accept_downloads=True)
    r = Recorder(context.new_page(), saved_server[0])
    yield r
    context.close()


def _pick(page, key: str, pattern: str) -> None:
    """Picks the option of a select box whose visible text matches `pattern` (a regex)."""
    wanted = page.locator("[role='option']").filter(has_text=re.compile(pattern))
    for _ in range(4):
        box = page.locator(f".st-key-{key} button[aria-label='Open']")
        box.scroll_into_view_if_needed()
        box.click()
        try:
            wanted.first.wait_for(timeout=3000)
            break
        except Exception:  # noqa: BLE001 - playwright's TimeoutError: the list did not open
            page.keyboard.press("Escape")
            page.wait_for_timeout(300)
    rerun(page, lambda: wanted.first.click())


def _open_from_list(page, name: str, version: int | None = None) -> None:
    if not page.locator(".st-key-scn_pick").count():
        open_part(page, "scn_saved_open")
    _pick(page, "scn_pick", f"^{re.escape(name)} ·")
    if version is not None:
        _pick(page, "scn_pick_version", f"^Phiên bản {version} ·")
    rerun(page, lambda: page.locator(".st-key-scn_open button").click())


def test_each_saved_scenario_opens_from_the_list_and_an_older_version_too(rec):
    page = rec.page
    rec.goto("/scenarios")
    for name in ("Kịch bản A", "Kịch bản C", "Kịch bản B", "Kịch bản A"):
        _open_from_list(page, name)
        lab = SAVED[name][-1]
        expect_values(page, {LAB: lab, QA: _qa_for(lab)})
        expect(page.get_by_text(re.compile(f"Đang xem «{name}», phiên bản {len(SAVED[name])}"))).to_be_visible()
        assert page.get_by_text("Không có kịch bản nào với mã này").count() == 0
    # an older version: B's first
    _open_from_list(page, "Kịch bản B", version=1)
    expect_values(page, {LAB: "11.000", QA: _qa_for("11.000")})
    expect(page.get_by_text(re.compile("Đang xem «Kịch bản B», phiên bản 1"))).to_be_visible()
    assert re.search(r"[?&]v=1(&|$)", page.url), page.url
    assert rec.console_errors == [] and rec.outside_requests() == []


def _briefing_text(page) -> str:
    from pypdf import PdfReader

    from khcn_dash.labels import present as PL

    with page.expect_download(timeout=180_000) as download:
        page.get_by_role("button", name=labels.pick(PL.UI["briefing_page"], "vi")).click()
    data = open(download.value.path(), "rb").read()
    return " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages).split())


def test_the_page_briefing_describes_the_scenario_on_screen(rec, saved_server):
    """The sidebar is drawn before the page reads ?id=, and typing an amount reruns only the page's
    fragment: in both cases the PDF must still show what the screen shows, not the plan."""
    page = rec.page
    rec.goto(f"/scenarios?id={saved_server[1]['Kịch bản C']}")
    expect_values(page, {LAB: "12.000"})
    text = _briefing_text(page)
    assert "Kịch bản: «Kịch bản C»" in text, text[:2000]
    assert "giữ nguyên kế hoạch" not in text
    assert "-2.000 triệu đồng" in text  # QA gives up what the lab line gains

    type_line_amount(page, LAB, "9.500")
    expect_values(page, {LAB: "9.500", QA: _qa_for("9.500")})
    text = _briefing_text(page)
    assert "Kịch bản C" not in text  # edited: no longer the saved scenario
    assert "-500 triệu đồng" in text and "+500 triệu đồng" in text, text[:2000]
    assert "giữ nguyên kế hoạch" not in text


def test_a_name_is_shown_exactly_as_typed_on_the_page_and_the_slide(rec, saved_server):
    """Markdown, Streamlit's colour directive, HTML entities and a bare address in a name stay text:
    no link, no colour, no decoded entity (which would put U+200F on screen), and emoji as typed."""
    page = rec.page
    sid = saved_server[1][HOSTILE]
    rec.goto(f"/scenarios?id={sid}")
    expect_values(page, {LAB: "10.500"})
    note = page.locator('[data-testid="stAlert"]').filter(has_text="Đang xem")
    expect(note).to_have_count(1)
    shown = note.evaluate("e => e.textContent").replace("\u2060", "")  # text.md_escape's word joiner
    assert f"«{HOSTILE}»" in shown, shown
    assert "\u200f" not in shown and "\u200b" not in shown
    assert note.locator("a").count() == 0 and note.locator("span[style*='color']").count() == 0
    open_part(page, "scn_save_open")
    save_as = page.locator(".st-key-scn_save_as")
    assert f"«{HOSTILE}»" in save_as.evaluate("e => e.textContent").replace("\u2060", "")
    assert save_as.locator("a").count() == 0

    rec.goto(f"/present?slide=scenario&scenario={sid}")
    main = page.locator('[data-testid="stMain"]')
    page.get_by_text("Kịch bản: «").first.wait_for()
    assert f"Kịch bản: «{HOSTILE}»" in main.evaluate("e => e.textContent").replace("\u2060", "")
    assert main.locator("a[href*='example.com'], a[href='http://x']").count() == 0
    assert rec.console_errors == [] and rec.outside_requests() == []


def test_no_way_out_of_a_table_writes_a_live_formula(rec):
    """Streamlit's own "Download as CSV" in a table's toolbar would write =HYPERLINK(…) as it is; it
    is not offered, and the app's own CSV of the saved list neutralises the cell."""
    page = rec.page
    rec.goto("/scenarios")
    open_part(page, "scn_saved_open")
    grid = page.locator('[data-testid="stDataFrame"]').filter(has_text="Kịch bản A")
    grid.scroll_into_view_if_needed()
    grid.hover()
    toolbar = page.locator('[data-testid="stElementToolbar"]').filter(has=page.locator("button[aria-label='Search']"))
    expect(toolbar.first.locator("button[aria-label='Search']")).to_be_visible()
    assert page.locator("button[aria-label='Download as CSV']").evaluate_all(
        "els => els.filter(e => e.offsetParent !== null).length") == 0
    with page.expect_download(timeout=60_000) as download:
        page.locator(".st-key-scn_saved_csv button").click()
    csv = open(download.value.path(), encoding="utf-8-sig").read()
    assert "'=HYPERLINK" in csv and "\n=HYPERLINK" not in csv and ",=HYPERLINK" not in csv
