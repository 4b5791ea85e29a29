"""The scenario page in a real browser: change an allocation, break and fix a rule, save, and open the
permalink in a fresh browser to find the same numbers. Offline: nothing but the app is contacted."""
from __future__ import annotations

import re
import time

import pytest
from playwright.sync_api import expect

from khcn_dash import labels

from tests.e2e.conftest import (ROOT, Recorder, line_amounts, open_part, rerun, settle, start_server, stop_server,
                                type_line_amount)

LAB, FARM, MINISTRY, QA = ("2021-lab-upgrade", "candidate-experimental-farm", "2021-radiation-station-equipment",
                           "2021-construction-qa")


# session-wide: in parallel, another module's tests may run between this module's in a worker,
# and a module fixture would then be set up again each time
@pytest.fixture(scope="session")
def scn_url(tmp_path_factory):
    """A server of its own, saving into a temporary file (never the shared data/scenarios.duckdb)."""
    db = tmp_path_factory.mktemp("scn") / "scenarios.duckdb"
    proc, base = start_server(ROOT / "app.py", env={"KHCN_SCENARIO_DB": str(db)})
    yield base
    stop_server(proc)


@pytest.fixture
def rec(browser, scn_url):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="vi-VN")
    r = Recorder(context.new_page(), scn_url)
    yield r
    context.close()


def set_amount(page, line_id: str, text: str, lang: str = "vi") -> None:
    type_line_amount(page, line_id, text, lang)


def choose(page, key: str, option: str) -> None:
    """Picks an option of a select box (or multiselect) by its visible text. The list opens from
    the box's Open button; a click that lands while another list is closing is tried again."""
    wanted = page.locator("[role='option']").filter(has_text=re.compile(f"^{re.escape(option)}$"))
    for _ in range(4):
        page.locator(f".st-key-{key} button[aria-label='Open']").click()
        try:
            wanted.wait_for(timeout=3000)
            break
        except Exception:  # noqa: BLE001 - playwright's TimeoutError: the list did not open
            page.keyboard.press("Escape")
            page.wait_for_timeout(300)
    wanted.click()


def move(page, src: str, dst: str, text: str) -> None:
    if not page.locator(".st-key-scn_move_from").count():
        open_part(page, "scn_move_open")
    choose(page, "scn_move_from", src)
    choose(page, "scn_move_to", dst)
    page.locator(".st-key-scn_move_amount input").fill(text)
    page.locator(".st-key-scn_move_submit button").click()
    page.wait_for_timeout(300)
    settle(page)


def expect_values(page, expected: dict[str, str], lang: str = "vi", timeout_s: float = 30) -> None:
    """Each line's amount cell in the editor shows its figure (waiting out a rerun still drawing)."""
    deadline = time.monotonic() + timeout_s
    while True:
        shown = line_amounts(page, lang)
        if all(shown.get(k) == v for k, v in expected.items()) or time.monotonic() > deadline:
            break
        page.wait_for_timeout(200)
    assert {k: shown.get(k) for k in expected} == expected


def tall_screenshot(rec: Recorder, name: str) -> None:
    """The whole page: Streamlit scrolls inside its own container, so grow the window instead."""
    size = rec.page.viewport_size
    rec.page.set_viewport_size({"width": size["width"], "height": 5200})
    settle(rec.page)
    rec.screenshot(name)
    rec.page.set_viewport_size(size)


def assert_offline_and_clean(rec: Recorder) -> None:
    assert rec.page.locator('[data-testid="stException"]').count() == 0
    assert rec.outside_requests() == []
    assert rec.console_errors == []
    assert rec.failed_responses == []


def test_change_save_and_reopen_the_permalink_after_a_restart(browser, tmp_path):
    """Today: change an allocation and save. Tomorrow: the server has restarted, and the link is the
    first thing anyone asks of it; a fresh browser finds the same numbers, inside the app's shell."""
    db = tmp_path / "scenarios.duckdb"
    proc, base = start_server(ROOT / "app.py", env={"KHCN_SCENARIO_DB": str(db)})
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="vi-VN")
    try:
        rec = Recorder(context.new_page(), base)
        rec.goto("/scenarios")
        page = rec.page
        expect_values(page, {LAB: "10.000", QA: "8.342"})
        set_amount(page, LAB, "12.000")  # the other line of the source takes up the difference
        expect_values(page, {LAB: "12.000", QA: "6.342", MINISTRY: "15.000"})
        assert "s=" in page.url  # an unsaved scenario is in the address already

        open_part(page, "scn_save_open")
        open_part(page, "scn_share_open")  # the link to the saved scenario
        page.locator(".st-key-scn_save_name input").fill("Tăng nâng cấp phòng thí nghiệm")
        page.locator(".st-key-scn_save_author input").fill("Phòng KH-TC")
        page.locator(".st-key-scn_save_submit button").click()
        page.wait_for_timeout(300)
        settle(page)
        page.get_by_text("Đã lưu «Tăng nâng cấp phòng thí nghiệm», phiên bản 1.").wait_for()
        assert re.search(r"[?&]id=[A-Za-z0-9_-]{11}", page.url)
        link = page.locator('[data-testid="stCode"]').filter(has_text="?id=").first.inner_text().strip()
        assert link.startswith(base + "/scenarios?id=")
        tall_screenshot(rec, "scenarios_saved_vi")
        assert_offline_and_clean(rec)
    finally:
        context.close()
        stop_server(proc)  # the night: the server stops and lets go of the file

    proc, base2 = start_server(ROOT / "app.py", env={"KHCN_SCENARIO_DB": str(db)})
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="vi-VN")
    try:
        other = Recorder(context.new_page(), base2)
        other.goto(link.removeprefix(base))  # the new server's very first request
        expect_values(other.page, {LAB: "12.000", QA: "6.342", MINISTRY: "15.000"})
        other.page.get_by_text(re.compile("Đang xem «Tăng nâng cấp phòng thí nghiệm», phiên bản 1")).wait_for()
        assert other.page.locator(".st-key-lang").count() == 1  # the language switch: app.py ran
        assert re.search(r"[?&]id=[A-Za-z0-9_-]{11}", other.page.url)
        tall_screenshot(other, "scenarios_permalink_reopened_vi")
        assert_offline_and_clean(other)
    finally:
        context.close()
        stop_server(proc)


def test_the_ministry_rule_is_broken_then_fixed(rec):
    rec.goto("/scenarios")
    page = rec.page
    # moving money into the Ministry's line is refused up front, with nothing changed
    move(page, "Nâng cấp phòng thí nghiệm", "Thiết bị trạm quan trắc phóng xạ (vốn Bộ KH&CN)", "2.000")
    page.get_by_text("không chuyển tiền ra khỏi hay vào dòng này", exact=False).wait_for()
    expect_values(page, {LAB: "10.000", MINISTRY: "15.000"})
    # closed and opened again (runs of the page's fragment only), the part keeps what was chosen in it
    rerun(page, page.locator(".st-key-scn_move_open summary").click)
    assert page.locator(".st-key-scn_move_amount").count() == 0
    open_part(page, "scn_move_open")
    assert page.locator(".st-key-scn_move_amount input").input_value() == "2.000"
    shown = page.locator(".st-key-scn_move_from").evaluate(
        "e => e.textContent + ' ' + Array.from(e.querySelectorAll('input')).map(i => i.value).join(' ')")
    assert "Nâng cấp phòng thí nghiệm" in shown, shown
    # typing another amount on it is allowed, and shown as a broken rule
    set_amount(page, MINISTRY, "17.000")
    expect_values(page, {MINISTRY: "17.000"})
    alert = page.locator('[data-testid="stAlert"]').filter(has_text="vốn của Bộ giữ nguyên trên dòng của mình")
    expect(alert).to_have_count(1)
    tall_screenshot(rec, "scenarios_rule_broken_vi")

    # fix: the Ministry's line back to its plan; resume the experimental farm and give it 2 tỷ
    set_amount(page, MINISTRY, "15.000")
    choose(page, "scn_candidates", "Trại thực nghiệm")
    page.keyboard.press("Escape")
    settle(page)
    move(page, "Nâng cấp phòng thí nghiệm", "Trại thực nghiệm (đề xuất khôi phục)", "2.000")
    expect_values(page, {LAB: "8.000", MINISTRY: "15.000", FARM: "2.000", QA: "8.342"})
    assert page.locator('[data-testid="stAlert"]').filter(
        has_text="vốn của Bộ giữ nguyên trên dòng của mình").count() == 0
    page.get_by_text("Kịch bản tuân thủ mọi quy tắc của văn bản.").wait_for()
    tall_screenshot(rec, "scenarios_rule_fixed_vi")
    assert_offline_and_clean(rec)


def test_english_and_a_bad_link(rec):
    rec.goto("/scenarios?lang=en&s=not-a-scenario")
    page = rec.page
    page.get_by_text("The scenario link is damaged or malformed; showing the plan.").wait_for()
    expect_values(page, {LAB: "10,000", QA: "8,342"}, "en")
    set_amount(page, LAB, "abc", "en")
    page.get_by_text("“abc” is not an amount.", exact=False).wait_for()
    tall_screenshot(rec, "scenarios_bad_input_en")
    assert_offline_and_clean(rec)


def test_present_the_edited_scenario_and_come_back_to_it(rec):
    from khcn_dash.labels import present as PL

    page = rec.page
    rec.goto("/scenarios")
    set_amount(page, LAB, "9.000")  # the other investment line takes up the difference
    expect_values(page, {QA: "9.342"})
    page.get_by_role("button", name=labels.pick(PL.UI["present_this"], "vi")).click()
    page.wait_for_timeout(500)
    page.wait_for_url(re.compile(r"/present\?slide=scenario$"), timeout=30_000)  # a second run, late under load
    settle(page)
    assert re.search(r"/present\?slide=scenario$", page.url), page.url
    assert page.locator("h1").first.inner_text() == labels.pick(PL.UI["slide_scenario"], "vi")
    main = page.locator('[data-testid="stMain"]')
    expect(main).to_contain_text("«Nâng cấp phòng thí nghiệm» -1.000 triệu đồng")
    expect(main).to_contain_text(labels.pick(PL.UI["rules_kept"], "vi"))
    rec.screenshot("present_edited_scenario_vi")
    page.get_by_role("link", name=labels.pick(PL.UI["exit"], "vi")).click()
    page.wait_for_timeout(500)
    settle(page)
    assert re.search(r"/scenarios(\?|$)", page.url), page.url
    expect_values(page, {LAB: "9.000"})  # nothing lost on the way
    assert rec.outside_requests() == [] and rec.console_errors == [] and rec.failed_responses == []
