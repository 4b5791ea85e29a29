"""The briefing PDF: the slides of one page, or of the whole dashboard, as a hand-out.

Title, date, then for each slide its heading, summary, key figures, chart (PNG drawn offline by
images.py) and the sentences of the document it cites. Text is set in the shipped Noto Sans
(fpdf2 embeds a subset), so Vietnamese diacritics survive printing and copy/paste. No st.* here;
the slides come from slides.py, the sidebar's download buttons are present.py's.
"""
from __future__ import annotations

import datetime as dt
import io
import logging

import pandas as pd
from fpdf import FPDF

from . import fonts, images, labels, served
from . import format as fmt
from .labels import present as L
from .queries import sources as q_sources
from .slides import ScenarioChoice, Slide, build_all, plain

log = logging.getLogger("khcn_dash")

FONT = "NotoSans"
INK = (33, 37, 41)
MUTED = (90, 98, 106)
ACCENT = (0, 114, 178)  # PALETTE[0]


class _Doc(FPDF):
    def __init__(self, lang: str, running_title: str):
        super().__init__(orientation="portrait", unit="mm", format="A4")
        self.ui_lang, self.running_title = lang, running_title
        self.add_font(FONT, "", str(fonts.REGULAR))
        self.add_font(FONT, "B", str(fonts.BOLD))
        fallbacks = []
        for path in fonts.FALLBACKS:  # other scripts and emoji in a user's scenario name
            self.add_font(path.stem, "", str(path))
            fallbacks.append(path.stem)
        self.set_fallback_fonts(fallbacks, exact_match=False)
        self.set_text_shaping(True)  # HarfBuzz: right-to-left scripts in their order, joined letters
        self.set_margins(18, 16, 18)
        self.set_auto_page_break(True, margin=18)
        self.alias_nb_pages()

    def header(self):
        if self.page_no() == 1:
            return
        self.set_font(FONT, "", 8)
        self.set_text_color(*MUTED)
        self.cell(0, 5, fonts.printable(self.running_title), new_x="LMARGIN", new_y="NEXT")
        self.ln(2)

    def footer(self):
        self.set_y(-12)
        self.set_font(FONT, "", 8)
        self.set_text_color(*MUTED)
        self.cell(0, 5, fonts.printable(labels.pick(labels.UI["footer"], self.ui_lang)), align="L")
        self.set_x(self.l_margin)
        self.cell(0, 5, L.tr("pdf_page", self.ui_lang, i=self.page_no(), n="{nb}"), align="R")


def _text(pdf: _Doc, text: str, size: float = 10.5, style: str = "", colour=INK, gap: float = 1.5,
          line: float | None = None) -> None:
    pdf.set_font(FONT, style, size)
    pdf.set_text_color(*colour)
    pdf.multi_cell(0, line or size * 0.5, fonts.printable(text), align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(gap)


def _figures(pdf: _Doc, figures: list[tuple[str, str]], deltas: list[str | None] = ()) -> None:
    if not figures:
        return
    width = pdf.w - pdf.l_margin - pdf.r_margin
    for n, (label, value) in enumerate(figures):
        if n < len(deltas) and deltas[n]:
            value = f"{value} ({deltas[n]})"
        pdf.set_font(FONT, "", 10)
        pdf.set_text_color(*MUTED)
        y = pdf.get_y()
        pdf.multi_cell(width * 0.48, 5.5, fonts.printable(label), align="L", new_x="RIGHT", new_y="TOP")
        pdf.set_font(FONT, "B", 11)
        pdf.set_text_color(*INK)
        pdf.multi_cell(width * 0.52, 5.5, fonts.printable(value), align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.set_y(max(pdf.get_y(), y + 5.5))
        pdf.set_draw_color(222, 226, 230)
        pdf.line(pdf.l_margin, pdf.get_y() + 0.8, pdf.w - pdf.r_margin, pdf.get_y() + 0.8)
        pdf.ln(2)
    pdf.ln(2)


def _chart(pdf: _Doc, png: bytes | None) -> None:
    if png is None:
        _text(pdf, L.tr("pdf_chart_missing", pdf.ui_lang), size=9, colour=MUTED)
        return
    width_px, height_px = images.png_size(png)
    width = pdf.w - pdf.l_margin - pdf.r_margin
    height = width * height_px / width_px
    if pdf.get_y() + height > pdf.h - pdf.b_margin:
        pdf.add_page()
    pdf.image(io.BytesIO(png), x=pdf.l_margin, w=width, h=height)
    pdf.ln(3)


def _sources(pdf: _Doc, cites: pd.DataFrame) -> None:
    if cites is None or cites.empty:
        return
    _text(pdf, L.tr("pdf_sources", pdf.ui_lang), size=10, style="B", colour=INK, gap=0.5)
    if pdf.ui_lang != "vi":
        _text(pdf, L.tr("pdf_sources_en_note", pdf.ui_lang), size=8.5, colour=MUTED, gap=0.5)
    for row in cites.itertuples():
        where = L.tr("pdf_source_line", pdf.ui_lang, section=row.section)
        heading = row.heading_vi if pdf.ui_lang == "vi" else row.title_en
        _text(pdf, f"{where} · {heading}: “{row.quote_vi}”", size=8.5, colour=MUTED, gap=0.8, line=4.2)
    pdf.ln(2)


def _render_charts(slides: list[Slide]) -> list[bytes | None]:
    """Every slide's chart as PNG in one Chromium; None where there is no chart or drawing failed."""
    charted = [s.chart for s in slides if s.chart is not None]
    pngs: list[bytes] = []
    if charted:
        try:
            pngs = images.figures_to_png(charted, width=1000, height=560, scale=2)
        except Exception:  # noqa: BLE001 - a briefing without pictures beats no briefing
            log.exception("charts for the briefing could not be drawn")
            pngs = [None] * len(charted)
    it = iter(pngs)
    return [next(it) if s.chart is not None else None for s in slides]


def build_pdf(slides: list[Slide], citations: dict[str, pd.DataFrame], lang: str, scope_title: str,
              today: dt.date | None = None) -> bytes:
    """The briefing as PDF bytes.

    slides: what to print, in order (slides.build_all); citations: slide key -> the cited sentences
    (queries.sources.citations of the slide's cite_ids); scope_title: the page's title, or "the whole
    dashboard"."""
    today = today or dt.date.today()
    app_title = labels.pick(labels.UI["app_title"], lang)
    pdf = _Doc(lang, f"{app_title} · {L.tr('pdf_title', lang)}: {scope_title}")
    pdf.set_title(fonts.printable(f"{app_title} — {scope_title}"))
    pdf.set_author(fonts.printable(app_title))
    pdf.set_lang("vi-VN" if lang == "vi" else "en-GB")
    pdf.add_page()

    # title block
    _text(pdf, app_title, size=11, style="B", colour=ACCENT, gap=0.5)
    _text(pdf, f"{L.tr('pdf_title', lang)}: {scope_title}", size=20, style="B", gap=1)
    _text(pdf, labels.pick(labels.UI["app_subtitle"], lang), size=10, colour=MUTED, gap=0.5)
    _text(pdf, L.tr("pdf_generated", lang, date=fmt.date(today, lang)), size=10, colour=MUTED, gap=4)

    pngs = _render_charts(slides)
    for slide, png in zip(slides, pngs):
        if pdf.get_y() > pdf.h * 0.62:
            pdf.add_page()
        pdf.set_draw_color(*ACCENT)
        pdf.set_line_width(0.6)
        pdf.line(pdf.l_margin, pdf.get_y(), pdf.l_margin + 20, pdf.get_y())
        pdf.set_line_width(0.2)
        pdf.ln(2)
        _text(pdf, slide.title, size=15, style="B", gap=1.5)
        if slide.notice:
            _text(pdf, slide.notice, size=10, style="B", colour=ACCENT, gap=1.5)
        if slide.summary:
            _text(pdf, plain(slide.summary), size=10.5, gap=2.5, line=5.2)
        _figures(pdf, slide.figures, slide.deltas)
        for line in slide.lines:
            _text(pdf, f"• {line}", size=10, gap=0.5, line=5)
        if slide.lines:
            pdf.ln(2)
        if slide.chart is not None:
            _chart(pdf, png)
        _sources(pdf, citations.get(slide.key))
        pdf.ln(4)
    return bytes(pdf.output())


def briefing_pdf(keys: list[str], lang: str, unit: str, scope_title: str,
                 choice: ScenarioChoice | None = None) -> bytes:
    """The briefing of some slides (keys of slides.SLIDES) as PDF bytes: the slides, the sentences they
    cite, then build_pdf. The scenario slide shows `choice` (the plan when None)."""
    slides = build_all(keys, lang, unit, choice)
    cites = {s.key: q_sources.citations(tuple(s.cite_ids)) for s in slides}
    return build_pdf(slides, cites, lang, scope_title)


def file_name(scope: str, lang: str, today: dt.date | None = None) -> str:
    """ASCII file name: khcn-<package id>_<scope>_<lang>_<yyyy-mm-dd>.pdf"""
    today = today or dt.date.today()
    return f"khcn-{served.doc_id()}_{scope}_{lang}_{today.isoformat()}.pdf"
