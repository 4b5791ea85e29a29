"""Exports open as real files: PNG of a chart, CSV/Excel of a table, the briefing PDF; all offline."""
from __future__ import annotations

import datetime as dt
import fcntl
import io
import os
import pickle

import openpyxl
import plotly.graph_objects as go
import pytest
from pypdf import PdfReader

from khcn_dash import briefing, export, fonts, images, slides
from khcn_dash.charts import base_layout
from khcn_dash.charts import review as review_charts
from khcn_dash.queries import review as q_review
from khcn_dash.queries import sources as q_sources

# Drawing a chart to PNG starts a Chromium (kaleido): such tests are in the browser lane, not the fast one.
needs_chromium = pytest.mark.browser


def _pdf_text(data: bytes) -> str:
    """The PDF's text with line breaks as spaces (a sentence may wrap)."""
    return " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages).split())


def _briefing(keys, lang, unit="mvnd", title="Tổng quan", choice=None):
    built = slides.build_all(keys, lang, unit, choice)
    cites = {s.key: q_sources.citations(tuple(s.cite_ids)) for s in built}
    return briefing.build_pdf(built, cites, lang, title, today=dt.date(2021, 1, 15))


def _lab_upgrade(amount: str, name: str, free: bool = False) -> slides.ScenarioChoice:
    """The plan with the lab upgrade's amount changed, as the scenario slide's choice."""
    from khcn_dash import scenario as m
    from khcn_dash.scenario_session import load_baseline

    scn = m.Scenario.plan(load_baseline())
    scn = (scn.with_mode("free") if free else scn).set_amount("2021-lab-upgrade", m.parse_amount(amount))
    return slides.ScenarioChoice(payload=scn.to_payload(), name=name)


ANY_SCRIPT = "👩\u200d💻 Nhóm שלום [link](http://x) :red[x] &lt;b&gt; ☃ \U0001FAE8"
# every briefing the tests below print: slide keys, language, unit, the scenario on the scenario slide
BRIEFINGS = {
    "whole_vi": lambda: (slides.slide_keys(), "vi", "mvnd", None),
    "budget_en_bvnd": lambda: (slides.slides_for_page("budget"), "en", "bvnd", None),
    "scenarios_page": lambda: (slides.slides_for_page("scenarios"), "vi", "mvnd",
                               _lab_upgrade("12.000", "Phương án nâng cấp phòng thí nghiệm", free=True)),
    "any_script": lambda: (["scenario"], "vi", "mvnd", _lab_upgrade("9.000", ANY_SCRIPT)),
}


def _draw_every_briefing_chart() -> tuple[dict[str, bytes], list[str]]:
    """The charts of every briefing below, drawn by one Chromium: (images' cache of them, every URL
    the chart tabs requested meanwhile)."""
    figs = [s.chart for make in BRIEFINGS.values() for s in slides.build_all(*make()) if s.chart is not None]
    assert len(figs) >= 5
    requested: list[str] = []
    render = images._render

    def logged(*args, **kwargs):
        return render(*args, **{**kwargs, "network_log": requested})

    images._cache.clear()  # every chart is drawn here, none found from an earlier test
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(images, "_render", logged)
        images.figures_to_png(figs, width=1000, height=560, scale=2)  # the size briefing._render_charts asks for
    return dict(images._cache), requested


@pytest.fixture(scope="session")
def charts_drawn_once(tmp_path_factory) -> list[str]:
    """Every briefing's charts, drawn once into images' cache, where the app finds a chart clicked a
    second time: each briefing then prints them without starting a Chromium of its own (about 3 s
    each; a briefing asking for other charts would still draw them itself). Returns every URL that
    Chromium's chart tabs requested. In parallel the first worker draws them, under a lock, and the
    others read its drawings (the folder above each worker's base temp is this run's own)."""
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        cache, requested = _draw_every_briefing_chart()
        return requested
    shared = tmp_path_factory.getbasetemp().parent
    with open(shared / "charts_drawn_once.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        drawn = shared / "charts_drawn_once.pickle"
        if drawn.exists():
            cache, requested = pickle.loads(drawn.read_bytes())
            images._cache.update(cache)
        else:
            cache, requested = _draw_every_briefing_chart()
            drawn.write_bytes(pickle.dumps((cache, requested)))
    return requested


def _print(name: str, title: str = "Tổng quan") -> bytes:
    keys, lang, unit, choice = BRIEFINGS[name]()
    return _briefing(keys, lang, unit, title=title, choice=choice)


# --- fonts ---------------------------------------------------------------------------------

@pytest.mark.parametrize("path", [fonts.REGULAR, fonts.BOLD, *sorted(fonts.WEB_FONT_DIR.glob("*.woff"))],
                         ids=lambda p: p.name)
def test_shipped_fonts_cover_every_vietnamese_letter(path):
    assert path.exists()
    assert fonts.missing_glyphs(path) == []


def test_fonts_ship_with_their_licence_and_web_copies():
    assert "SIL Open Font License" in fonts.LICENCE.read_text()
    assert {p.name for p in fonts.WEB_FONT_DIR.glob("*.woff")} == {"NotoSans-Regular.woff", "NotoSans-Bold.woff"}


# --- PNG -----------------------------------------------------------------------------------

@needs_chromium
def test_chromium_is_found_for_png_export():
    assert images.chromium_available(), "kaleido needs Debian's chromium (.ci/run installs it)"


@needs_chromium
def test_chart_png_has_the_requested_size_and_is_cached():
    df = q_review.tasks_by_field()
    fig = review_charts.tasks_by_field_bar(df, "vi")
    png = images.figure_to_png(fig, width=800, height=450, scale=2)
    assert images.png_size(png) == (1600, 900)
    assert len(png) > 10_000  # a real picture, not an empty canvas
    assert images.figure_to_png(fig, width=800, height=450, scale=2) is png  # second click: cached


@needs_chromium
def test_chart_rendering_requests_nothing_but_local_files(charts_drawn_once):
    """Every URL the chart page loaded while drawing the briefings' charts is file:, blob: or data:.
    The control run with kaleido's defaults requests MathJax from a CDN, which shows the log does
    see outside requests when there are some."""
    assert charts_drawn_once, "the tabs' requests were not recorded"
    assert [u for u in charts_drawn_once if not u.startswith(("file:", "blob:", "data:"))] == []

    figs = [base_layout(go.Figure(go.Bar(x=["Lạng Sơn", "Đồng Đăng"], y=[i, 2])), "vi").to_plotly_json()
            for i in (1, 3)]
    control: list[str] = []
    images._run_in_own_loop(images._render(figs[:1] * 2, 400, 300, 1, network_log=control, mathjax=None))
    assert any(u.startswith("https://") and "mathjax" in u for u in control)


def test_plotly_io_defaults_are_offline():
    import plotly.io as pio
    assert not pio.defaults.mathjax
    assert pio.defaults.plotlyjs == str(images.PLOTLY_JS) and images.PLOTLY_JS.exists()


# --- CSV / Excel ---------------------------------------------------------------------------

def test_excel_export_has_headers_in_the_language_and_neutralised_formulas():
    table = review_charts.tasks_by_field_table(q_review.tasks_by_field(), "vi")
    hostile = table.copy()
    hostile.iloc[0, 0] = "=HYPERLINK(\"http://x\")"
    book = openpyxl.load_workbook(io.BytesIO(export.to_xlsx_bytes(hostile, "nhiem-vu")))
    sheet = book.active
    headers = [c.value for c in sheet[1]]
    assert headers == list(table.columns)
    assert any("Lĩnh vực" in h or "lĩnh vực" in h for h in headers)
    assert sheet.cell(2, 1).value == "'=HYPERLINK(\"http://x\")"
    values = [sheet.cell(r, c).value for r in range(2, sheet.max_row + 1) for c in range(1, sheet.max_column + 1)]
    assert "Khoa học xã hội và nhân văn" in values
    assert 45 in values and 23 in values


def test_csv_export_keeps_diacritics_for_excel():
    table = review_charts.tasks_by_field_table(q_review.tasks_by_field(), "vi")
    data = export.to_csv_bytes(table)
    assert data.startswith(b"\xef\xbb\xbf")
    assert "Nông nghiệp và phát triển nông thôn" in data.decode("utf-8-sig")


# --- the briefing PDF ----------------------------------------------------------------------

@needs_chromium
def test_whole_dashboard_briefing_in_vietnamese_has_the_documents_figures(charts_drawn_once):
    data = _print("whole_vi", title="Toàn bộ bảng điều khiển")
    text = _pdf_text(data)
    assert data.startswith(b"%PDF")
    for expected in ["Lạng Sơn", "triệu đồng", "đầu tư phát triển", "66.769,9 triệu đồng", "33.427,9 triệu đồng",
                     "Bản tóm tắt: Toàn bộ bảng điều khiển", "Ngày lập: 15/01/2021",
                     "Tổng kinh phí dự kiến là 66.769,9 triệu đồng",  # a cited sentence, word for word
                     "Nông nghiệp và phát triển nông thôn"]:
        assert expected in text, expected
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) >= 4
    n_images = sum(len(p.images) for p in reader.pages)
    assert n_images == sum(1 for k in slides.slide_keys() if slides.build(k, "vi", "mvnd").chart is not None)


@needs_chromium
def test_page_briefing_in_english_follows_the_unit(charts_drawn_once):
    text = _pdf_text(_print("budget_en_bvnd", title="Budget 2021"))
    assert "66.7699 billion VND" in text
    assert "Briefing: Budget 2021" in text and "Prepared on 15 Jan 2021" in text
    assert "Quoted in the original Vietnamese." in text
    assert "Tổng kinh phí dự kiến là 66.769,9 triệu đồng" in text  # quotes stay in Vietnamese
    assert "Bản tóm tắt" not in text


def test_briefing_without_chromium_still_has_the_figures(monkeypatch):
    def broken(*a, **k):
        raise RuntimeError("no browser")
    monkeypatch.setattr(images, "figures_to_png", broken)
    text = _pdf_text(_briefing(["budget"], "vi"))
    assert "66.769,9 triệu đồng" in text
    assert "Không vẽ được biểu đồ" in text


@needs_chromium
def test_scenarios_page_briefing_carries_the_chosen_scenario_and_its_change(charts_drawn_once):
    text = _pdf_text(_print("scenarios_page", title="Kịch bản"))  # lab upgrade 12.000, free mode
    for expected in ["Kịch bản phân bổ kinh phí KH&CN 2021", "Kịch bản: «Phương án nâng cấp phòng thí nghiệm»",
                     "68.769,9 triệu đồng (+2.000 triệu đồng)", "Đều được tuân thủ"]:
        assert expected in text, expected


def test_briefing_file_name_is_ascii():
    name = briefing.file_name("budget", "vi", dt.date(2021, 1, 15))
    assert name == "khcn-lang-son-2021_budget_vi_2021-01-15.pdf" and name.isascii()


@needs_chromium
def test_a_name_in_any_script_is_printed_as_typed_and_what_no_font_has_is_marked(charts_drawn_once):
    """A scenario name with emoji, Hebrew, Markdown and entities: the PDF shows each character
    (fallback fonts, right-to-left order by HarfBuzz) or, where no shipped font has it, a visible
    [U+XXXX]; nothing is dropped in silence and nothing is read as markup."""
    text = _pdf_text(_print("any_script"))  # named ANY_SCRIPT
    assert "Kịch bản: «👩\u200d💻 Nhóm שלום [link](http://x) :red[x] &lt;b&gt; ☃ [U+1FAE8]»" in text, text[:800]


def test_printable_keeps_what_a_font_draws_and_marks_the_rest():
    assert fonts.printable("Lạng Sơn ☃ שלום") == "Lạng Sơn ☃ שלום"
    assert fonts.printable("a\u2028b") == "a b"
    assert fonts.printable("\U0001FAE8") == "[U+1FAE8]"
