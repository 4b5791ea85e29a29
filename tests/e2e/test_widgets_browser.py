"""Every widget of every page, used at least once in a real browser, and the key ones checked for
what they do.

The generic walk finds the widgets by their keys (every widget has one: Streamlit marks its element
`st-key-<key>`), uses each visible one once the way a person would (pick another option, type a
value and press Enter, press the button, download the file), opens every tab and expander to
reach the widgets inside, and after each use checks that the app shows no exception and no
"page failed" message. Downloads must arrive as real files (CSV with a BOM, an Excel zip, a PNG, a
PDF). The app runs with its own scenario store in a temporary folder.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from khcn_dash import labels

from .conftest import ROOT, Recorder, line_amounts, rerun, settle, start_server, stop_server, type_line_amount
from .test_all_pages_browser import check_page

MAX_ACTIONS = 150  # per page
SIDEBAR_KEYS = {"lang", "unit", "present", "briefing_page", "briefing_all"}
# widget element types (data-testid inside the st-key-<key> element) this walk knows how to use
WIDGETS = {"stRadio", "stCheckbox", "stSelectbox", "stMultiSelect", "stButtonGroup", "stTextInput",
           "stTextArea", "stNumberInput", "stSlider", "stButton", "stFormSubmitButton", "stDownloadButton"}
# keyed elements that are not widgets: charts, tables, containers, tabs (opened separately)
NOT_WIDGETS = {"stElementContainer", "stFullScreenFrame", "stVerticalBlock", "stHorizontalBlock",
               "stTab", "stTabs", "stPlotlyChart", "stDataFrame", "stMetric", "stForm", "stExpander",
               "stMarkdownContainer", "stMarkdown", "stCaptionContainer", "stAlert", "stImage", "stPageLink",
               "stLayoutWrapper", "stColumn"}
MAGIC = {".csv": b"\xef\xbb\xbf", ".xlsx": b"PK", ".png": b"\x89PNG", ".pdf": b"%PDF"}

_KEYED = """(scope) => {
    const root = scope === 'sidebar' ? document.querySelector('[data-testid="stSidebar"]')
                                     : document.querySelector('[data-testid="stMain"]');
    if (!root) return [];
    return Array.from(root.querySelectorAll('[class*="st-key-"]')).map(e => {
        const key = Array.from(e.classList).find(c => c.startsWith('st-key-')).slice(7);
        const inner = e.querySelector('[data-testid]');
        const r = e.getBoundingClientRect();
        return {key, type: inner ? inner.dataset.testid : '', visible: e.offsetParent !== null && r.width > 0
                && r.height > 0 && !e.closest('[hidden]') && !e.closest('details:not([open])'),
                disabled: !!e.querySelector('button:disabled, input:disabled, textarea:disabled')};
    });
}"""


# Marks what hides a widget (a closed expander, an unselected tab) so it can be clicked open.
_REVEAL = """(key) => {
    const e = document.querySelector('.st-key-' + CSS.escape(key));
    if (!e) return false;
    const closed = e.closest('details:not([open])');
    if (closed) { closed.querySelector('summary').setAttribute('data-e2e-reveal', '1'); return true; }
    // an unselected tab's panel is kept in the page with display: none
    for (let x = e.parentElement; x; x = x.parentElement) {
        if (x.dataset.testid !== 'stTabPanel' || getComputedStyle(x).display !== 'none') continue;
        const tabs = x.closest('[data-testid="stTabs"]');
        const own = (sel) => Array.from(tabs.querySelectorAll(sel)).filter(el => el.closest('[data-testid="stTabs"]') === tabs);
        const i = own('[data-testid="stTabPanel"]').indexOf(x);
        const tab = own('[role="tab"]')[i];
        if (tab) { tab.setAttribute('data-e2e-reveal', '1'); return true; }
    }
    return false;
}"""
# Widgets hidden on purpose that a person uses through a keyboard shortcut instead.
KEYBOARD = {"present_left": "ArrowLeft", "present_right": "ArrowRight", "present_home": "Home", "present_end": "End"}


# session-wide: in parallel, another module's tests may run between this module's in a worker,
# and a module fixture would then be set up again each time
@pytest.fixture(scope="session")
def widget_app(tmp_path_factory, browser):
    store = tmp_path_factory.mktemp("scenarios") / "scenarios.duckdb"
    proc, base = start_server(ROOT / "app.py", env={"KHCN_SCENARIO_DB": str(store)})
    # a first visitor at the front page (a deep link as a fresh server's first request is
    # test_shell_browser's concern), so every test here starts from a server in its usual state
    context = browser.new_context()
    Recorder(context.new_page(), base).goto("/")
    context.close()
    yield base
    stop_server(proc)


@pytest.fixture
def rec(browser, widget_app):
    context = browser.new_context(viewport={"width": 1400, "height": 900}, locale="vi-VN", accept_downloads=True)
    page = context.new_page()
    yield Recorder(page, widget_app)
    context.close()


def _path(key: str) -> str:
    return "/" + (labels.PAGES[key][0] or "")


def _assert_fine(rec: Recorder, what: str) -> None:
    page = rec.page
    assert page.locator('[data-testid="stException"]').count() == 0, f"exception after {what}"
    assert page.get_by_text(labels.pick(labels.UI["page_error"], "vi")).count() == 0, f"page failed after {what}"


def _text_for(current: str) -> str:
    """A value a person might type: another amount where there is an amount, else a phrase of the document."""
    return "1.000" if re.fullmatch(r"[\d.,\s]+", current.strip() or "x") else "kinh phí"


def _choose_option(page, box) -> None:
    """Opens a select box and picks the first option that is not already chosen."""
    box.locator('[role="combobox"]').first.click()
    options = page.locator('[role="listbox"] [role="option"]')
    options.first.wait_for(timeout=10_000)
    fresh = page.locator('[role="listbox"] [role="option"]:not([aria-selected="true"])')
    (fresh if fresh.count() else options).first.click()


def use_widget(rec: Recorder, key: str, kind: str) -> str | None:
    """Uses one widget once; returns what was done (for messages), None if it could not be used now."""
    page = rec.page
    box = page.locator(f".st-key-{key}").first
    box.scroll_into_view_if_needed()
    if kind == "stRadio":
        rerun(page, lambda: box.locator("label:has(input:not(:checked))").first.click())
    elif kind == "stCheckbox":
        rerun(page, lambda: box.locator("label").first.click())
    elif kind == "stSelectbox":
        rerun(page, lambda: _choose_option(page, box))
    elif kind == "stMultiSelect":
        rerun(page, lambda: _choose_option(page, box))
        page.keyboard.press("Escape")
    elif kind == "stButtonGroup":
        rerun(page, lambda: box.locator("button").first.click())
    elif kind in ("stTextInput", "stNumberInput") and kind == "stTextInput":
        field = box.locator("input").first
        value = _text_for(field.input_value())
        field.fill(value)
        rerun(page, lambda: field.press("Enter"))
        return f"typed {value!r}"
    elif kind == "stNumberInput":
        rerun(page, lambda: box.locator('[data-testid="stNumberInputStepUp"]').click())
    elif kind == "stTextArea":
        area = box.locator("textarea").first
        area.fill("Ghi chú thử nghiệm")
        rerun(page, lambda: area.press("Control+Enter"))
    elif kind == "stSlider":
        thumb = box.locator('input[type="range"]').first
        thumb.focus()
        rerun(page, lambda: page.keyboard.press("ArrowRight"))
    elif kind in ("stButton", "stFormSubmitButton"):
        button = box.locator("button").first
        if not button.is_enabled():  # disabled by the run that ended after the page was looked at
            return None
        rerun(page, button.click)
    elif kind == "stDownloadButton":
        with page.expect_download(timeout=180_000) as info:
            box.locator("button").first.click()
        download = info.value
        data = Path(download.path()).read_bytes()
        suffix = Path(download.suggested_filename).suffix.lower()
        assert data, f"{key}: empty download"
        if suffix in MAGIC:
            assert data.startswith(MAGIC[suffix]), f"{key}: {download.suggested_filename} is not a {suffix} file"
        settle(page)
        return f"downloaded {download.suggested_filename} ({len(data)} bytes)"
    else:
        raise AssertionError(f"widget {key!r} is a {kind}, which this walk does not know how to use")
    return "used"


def _open_next(page, opened: set[str]) -> bool:
    """Opens one tab or expander not opened yet (so the widgets inside become visible)."""
    tabs = page.locator('[data-testid="stMain"] [role="tab"]')
    for i in range(tabs.count()):
        tab = tabs.nth(i)
        ident = f"tab {i}: {tab.inner_text().strip()}"
        if ident not in opened and tab.is_visible():
            opened.add(ident)
            if tab.get_attribute("aria-selected") != "true":
                rerun(page, tab.click, wait_start_ms=500)
            return True
    summaries = page.locator('[data-testid="stMain"] [data-testid="stExpander"] summary')
    for i in range(summaries.count()):
        summary = summaries.nth(i)
        ident = f"expander {i}: {summary.inner_text().strip()}"
        if ident not in opened and summary.is_visible():
            opened.add(ident)
            rerun(page, summary.click, wait_start_ms=500)
            return True
    return False


def _reveal(rec: Recorder, hidden: list[str], tries: dict[str, int]) -> bool:
    """Opens the expander or tab that hides one of `hidden`, or presses its keyboard shortcut."""
    page = rec.page
    for key in hidden:
        if tries.get(key, 0) >= 3:
            continue
        tries[key] = tries.get(key, 0) + 1
        if page.evaluate(_REVEAL, key):
            rerun(page, page.locator('[data-e2e-reveal="1"]').first.click, wait_start_ms=500)
            page.evaluate("() => document.querySelectorAll('[data-e2e-reveal]').forEach(e => e.removeAttribute('data-e2e-reveal'))")
            return True
    return False


def walk_widgets(rec: Recorder, page_key: str, scope: str = "main", on_open=None) -> dict[str, str]:
    """Uses every widget of the page (or of the sidebar) once; returns key -> what was done.
    `on_open(rec)` looks at the page as it first opens, before any widget is used."""
    page, path = rec.page, _path(page_key)
    rec.goto(path)
    if on_open:
        on_open(rec)
    used: dict[str, str] = {}
    opened: set[str] = set()
    seen: dict[str, str] = {}
    enabled_once: set[str] = set()  # a button disabled all along (e.g. "previous" on slide 1) cannot be used
    tries: dict[str, int] = {}

    def mine(w) -> bool:
        return w["type"] not in NOT_WIDGETS and (scope == "sidebar" or w["key"] not in SIDEBAR_KEYS)

    opener: dict[str, str] = {}  # widget -> the widget whose use brought it (e.g. "delete" -> "no, keep it")
    last = ""
    reopened: set[str] = set()
    for _ in range(MAX_ACTIONS):
        keyed = page.evaluate(_KEYED, scope)
        for w in keyed:
            if w["key"] not in seen and last:
                opener[w["key"]] = last
            seen.setdefault(w["key"], w["type"])
            if not w["disabled"]:
                enabled_once.add(w["key"])
        here = {w["key"]: w for w in keyed}
        todo = [w for w in keyed if mine(w) and w["visible"] and not w["disabled"] and w["key"] not in used]
        # buttons last (a reset or submit may take away widgets that other choices brought), and of
        # a confirm pair the "no" first: "yes" can be brought back by its opener, a deleted thing cannot
        todo.sort(key=lambda w: (w["type"] in ("stButton", "stFormSubmitButton"),
                                 not re.search(r"(_no|cancel)$", w["key"])))
        if todo:
            w = todo[0]
            done = use_widget(rec, w["key"], w["type"])
            if done is None:
                settle(page)
                continue
            used[w["key"]] = f"{w['type']}: {done}"
            last = w["key"]
            _assert_fine(rec, f"using {w['key']} on {path}")
        else:
            hidden = [w["key"] for w in keyed if mine(w) and not w["visible"] and w["key"] not in used]
            shortcut = next((k for k in hidden if k in KEYBOARD), None)
            if shortcut:
                rerun(page, lambda: page.keyboard.press(KEYBOARD[shortcut]))
                used[shortcut] = f"keyboard shortcut {KEYBOARD[shortcut]}"
                _assert_fine(rec, f"pressing {KEYBOARD[shortcut]} on {path}")
            elif _reveal(rec, hidden, tries) or (scope == "main" and _open_next(page, opened)):
                _assert_fine(rec, f"opening a tab or expander on {path}")
            else:
                # a widget that went away before its turn: use what brought it once more
                gone = [k for k in seen if k not in used and k not in here and k in enabled_once
                        and k not in reopened and opener.get(k) in here and here[opener[k]]["visible"]]
                if not gone:
                    break
                reopened.add(gone[0])
                o = here[opener[gone[0]]]
                use_widget(rec, o["key"], o["type"])
                last = o["key"]
                _assert_fine(rec, f"using {o['key']} again on {path}")
        if page.evaluate("() => window.location.pathname") != path:  # something took us elsewhere
            rec.goto(path)
            opened.clear()
    else:
        pytest.fail(f"{path}: more than {MAX_ACTIONS} actions")
    never = {k: t for k, t in seen.items() if k not in used and t in WIDGETS and k in enabled_once
             and (scope == "sidebar" or k not in SIDEBAR_KEYS)}
    assert not never, f"{path}: widgets never shown, so never used: {never}"
    return used


def _looks_right_as_it_opens(page_key: str):
    """The checks of test_all_pages_browser on the Vietnamese page, and its full-length screenshot
    (artifacts/screenshots/page_<page>_vi.png), as the page opens at its address."""
    def check(rec: Recorder) -> None:
        check_page(rec, page_key, "vi")
        rec.screenshot_full(f"page_{page_key}_vi")
    return check


@pytest.mark.parametrize("page_key", list(labels.PAGES))
def test_every_widget_on_the_page_works(rec, page_key):
    used = walk_widgets(rec, page_key, on_open=_looks_right_as_it_opens(page_key))
    assert rec.outside_requests() == []
    assert rec.console_errors == []
    assert rec.failed_responses == []
    print(f"{page_key}: {len(used)} widgets used: {used}")


def test_every_sidebar_widget_works(rec):
    used = walk_widgets(rec, "budget", scope="sidebar")
    assert {"lang", "unit"} <= set(used)
    assert rec.outside_requests() == []
    assert rec.console_errors == []
    assert rec.failed_responses == []


# --- what the key widgets do -----------------------------------------------------------------
# (the rest is seen without a browser or by the pages' own browser tests: the unit and language
# switches in test_page_budget and test_app_shell, the budget table's CSV in
# test_pages_a_browser's download test, a source link to its sentence in its citation link test)

def test_scenario_amount_changes_the_chart(rec):
    rec.goto("/scenarios")
    page = rec.page
    charts = """() => Array.from(document.querySelectorAll('[data-testid="stPlotlyChart"] .main-svg'))
                       .map(s => s.innerHTML).join('|')"""
    before = page.evaluate(charts)
    assert line_amounts(page)["2021-lab-upgrade"] == "10.000"  # section B.II: 10.000 triệu đồng for the laboratory upgrade
    type_line_amount(page, "2021-lab-upgrade", "9.000")
    _assert_fine(rec, "typing an amount")
    assert line_amounts(page)["2021-lab-upgrade"] == "9.000"
    assert page.evaluate(charts) != before
    assert rec.outside_requests() == [] and rec.console_errors == [] and rec.failed_responses == []
