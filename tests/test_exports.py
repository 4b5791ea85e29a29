"""Exports open as real files: PNG of a chart, CSV/Excel of a table, the briefing PDF; all offline."""
from __future__ import annotations

import datetime as dt
import io

import openpyxl
import plotly.graph_objects as go
import pytest
from pypdf import PdfReader

from khcn_dash import briefing, export, fonts, images, slides
from khcn_dash.charts import base_layout
from khcn_dash.charts import review as review_charts
from khcn_dash.queries import review as q_review
from khcn_dash.queries import sources as q_sources



def _pdf_text(data: bytes) -> str:
    """The PDF's text with line breaks as spaces (a sentence may wrap)."""
    return " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages).split())


def _briefing(keys, lang, unit="mvnd", title="Tổng quan", choice=None):
    built = slides.build_all(keys, lang, unit, choice)
    cites = {s.key: q_sources.citations(tuple(s.cite_ids)) for s in built}
    return briefing.build_pdf(built, cites, lang, title, today=dt.date(2021, 1, 15))


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

def test_chromium_is_found_for_png_export():
    assert images.chromium_available(), "kaleido needs Debian's chromium (.ci/run installs it)"


def test_chart_png_has_the_requested_size_and_is_cached():
    df = q_review.tasks_by_field()
    fig = review_charts.tasks_by_field_bar(df, "vi")
    png = images.figure_to_png(fig, width=800, height=450, scale=2)
    assert images.png_size(png) == (1600, 900)
    assert len(png) > 10_000  # a real picture, not an empty canvas
    assert images.figure_to_png(fig, width=800, height=450, scale=2) is png  # second click: cached


def test_chart_rendering_requests_nothing_but_local_files():
    """Every URL the chart page loads is file:, blob: or data:. The control run with kaleido's defaults
    requests MathJax from a CDN, which shows the log does see outside requests when there are some."""
    figs = [base_layout(go.Figure(go.Bar(x=["Lạng Sơn", "Đồng Đăng"], y=[i, 2])), "vi").to_plotly_json()
            for i in (1, 3)]
    ours: list[str] = []
    images._run_in_own_loop(images._render(figs, 400, 300, 1, network_log=ours))
    assert ours, "the tabs' requests were not recorded"
    assert [u for u in ours if not u.startswith(("file:", "blob:", "data:"))] == []

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

def test_whole_dashboard_briefing_in_vietnamese_has_the_documents_figures():
    data = _briefing(slides.slide_keys(), "vi", title="Toàn bộ bảng điều khiển")
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


def test_page_briefing_in_english_follows_the_unit():
    text = _pdf_text(_briefing(slides.slides_for_page("budget"), "en", unit="bvnd", title="Budget 2021"))
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


def test_scenarios_page_briefing_carries_the_chosen_scenario_and_its_change():
    from decimal import Decimal

    from khcn_dash import scenario as model
    from khcn_dash.scenario_session import load_baseline

    baseline = load_baseline()
    scn = model.Scenario.plan(baseline).with_mode("free").set_amount("2021-lab-upgrade", Decimal("12000"))
    choice = slides.ScenarioChoice(payload=scn.to_payload(), name="Phương án nâng cấp phòng thí nghiệm")
    text = _pdf_text(_briefing(slides.slides_for_page("scenarios"), "vi", title="Kịch bản", choice=choice))
    for expected in ["Kịch bản phân bổ kinh phí KH&CN 2021", "Kịch bản: «Phương án nâng cấp phòng thí nghiệm»",
                     "68.769,9 triệu đồng (+2.000 triệu đồng)", "Đều được tuân thủ"]:
        assert expected in text, expected


def test_briefing_file_name_is_ascii():
    name = briefing.file_name("budget", "vi", dt.date(2021, 1, 15))
    assert name == "khcn-lang-son-2021_budget_vi_2021-01-15.pdf" and name.isascii()


def test_a_name_in_any_script_is_printed_as_typed_and_what_no_font_has_is_marked():
    """A scenario name with emoji, Hebrew, Markdown and entities: the PDF shows each character
    (fallback fonts, right-to-left order by HarfBuzz) or, where no shipped font has it, a visible
    [U+XXXX]; nothing is dropped in silence and nothing is read as markup."""
    from khcn_dash import scenario as m
    from khcn_dash.scenario_session import load_baseline

    name = "👩\u200d💻 Nhóm שלום [link](http://x) :red[x] &lt;b&gt; ☃ \U0001FAE8"
    scn = m.Scenario.plan(load_baseline()).set_amount("2021-lab-upgrade", m.parse_amount("9.000"))
    text = _pdf_text(_briefing(["scenario"], "vi", choice=slides.ScenarioChoice(payload=scn.to_payload(), name=name)))
    assert "Kịch bản: «👩\u200d💻 Nhóm שלום [link](http://x) :red[x] &lt;b&gt; ☃ [U+1FAE8]»" in text, text[:800]


def test_printable_keeps_what_a_font_draws_and_marks_the_rest():
    assert fonts.printable("Lạng Sơn ☃ שלום") == "Lạng Sơn ☃ שלום"
    assert fonts.printable("a\u2028b") == "a b"
    assert fonts.printable("\U0001FAE8") == "[U+1FAE8]"
