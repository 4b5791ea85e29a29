"""The app's own typeface: Noto Sans, shipped in assets/fonts/, for screen, images and PDFs.

Nothing here relies on fonts installed on the machine:
- the browser gets Latin+Vietnamese subsets (WOFF) from static/fonts/, declared as
  [[theme.fontFaces]] in .streamlit/config.toml and served by Streamlit's static serving;
- Chromium, when kaleido draws a chart as PNG, finds the family through a fontconfig file
  (assets/fonts/fonts.conf) that adds this folder to whatever the system has;
- fpdf2 embeds the TTF files themselves.

`python -m khcn_dash.fonts` rewrites the web subsets after the TTF files change.
"""
from __future__ import annotations

import functools
import os
import unicodedata
from pathlib import Path

from .config import ROOT

FONT_DIR = ROOT / "assets" / "fonts"
WEB_FONT_DIR = ROOT / "static" / "fonts"
FAMILY = "Noto Sans"
REGULAR = FONT_DIR / "NotoSans-Regular.ttf"
BOLD = FONT_DIR / "NotoSans-Bold.ttf"
FONTCONFIG_FILE = FONT_DIR / "fonts.conf"
LICENCE = FONT_DIR / "OFL.txt"
# For text that Noto Sans cannot draw (a scenario's name in Hebrew, Greek, Cyrillic, Arabic; emoji
# and symbols), in this order: DejaVu Sans (Bitstream Vera licence) and a symbol/emoji subset of
# Symbola (free for any use); licences beside them.
FALLBACKS = (FONT_DIR / "DejaVuSans.ttf", FONT_DIR / "Symbola-emoji.ttf")

# Every letter of Vietnamese, both cases, with the đồng sign and the punctuation we print.
VIETNAMESE_SAMPLE = (
    "aăâbcdđeêghiklmnoôơpqrstuưvxy"
    "àảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ"
)
VIETNAMESE_SAMPLE = VIETNAMESE_SAMPLE + VIETNAMESE_SAMPLE.upper() + "₫–—“”‘’…·•%"

# Unicode blocks kept in the web subsets: Basic Latin to Latin Extended-B, combining marks,
# Latin Extended Additional (Vietnamese), punctuation, currency (₫), letterlike symbols, arrows.
WEB_UNICODES = [
    *range(0x0020, 0x0250), *range(0x0300, 0x0370), *range(0x1E00, 0x1F00),
    *range(0x2000, 0x2070), *range(0x20A0, 0x20C1), *range(0x2100, 0x2150), *range(0x2190, 0x2200),
    0x2212, 0x25B2, 0x25BC, 0x25C0, 0x25B6,
]


def nfc(text: str) -> str:
    """Vietnamese typed with combining marks becomes precomposed letters (one glyph each)."""
    return unicodedata.normalize("NFC", str(text))


@functools.cache
def _pdf_cmap() -> frozenset[int]:
    """Every code point that the PDF's fonts (Noto Sans and its fallbacks) can draw."""
    from fontTools.ttLib import TTFont

    out: set[int] = set()
    for path in (REGULAR, *FALLBACKS):
        out.update(TTFont(str(path)).getBestCmap())
    return frozenset(out)


# Invisible characters that only join or select the look of their neighbours (emoji sequences,
# flags): with no font to draw the sequence as one picture, its parts are drawn one by one.
_JOINERS = {0x200C, 0x200D, 0xFE0E, 0xFE0F, *range(0xE0020, 0xE0080)}


def printable(text: str) -> str:
    """Text for the PDF: NFC, and every character that none of its fonts can draw replaced by a
    visible [U+XXXX] (never dropped without a trace); line/paragraph separators become spaces."""
    cmap = _pdf_cmap()
    out = []
    for ch in nfc(text):
        code, cat = ord(ch), unicodedata.category(ch)
        if ch in "\n\t":
            out.append(ch)
        elif cat in ("Zl", "Zp", "Cc"):
            out.append(" ")
        elif code in cmap:
            out.append(ch)
        elif code in _JOINERS:
            continue
        elif cat == "Zs":
            out.append(" ")
        else:
            out.append(f"[U+{code:04X}]")
    return "".join(out)


def missing_glyphs(font_path: Path, text: str = VIETNAMESE_SAMPLE) -> list[str]:
    """Characters of `text` the font has no glyph for (empty = full coverage)."""
    from fontTools.ttLib import TTFont

    cmap = TTFont(str(font_path)).getBestCmap()
    return [ch for ch in dict.fromkeys(nfc(text)) if not ch.isspace() and ord(ch) not in cmap]


def use_app_fonts_in_subprocesses() -> None:
    """Makes Chromium (kaleido) find Noto Sans in assets/fonts/ whatever the system has.

    Sets FONTCONFIG_FILE for this process's children, unless someone already chose one."""
    os.environ.setdefault("FONTCONFIG_FILE", str(FONTCONFIG_FILE))


def write_web_subsets(out_dir: Path = WEB_FONT_DIR) -> list[Path]:
    """Writes the Latin+Vietnamese WOFF subsets the browser loads."""
    from fontTools import subset

    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for ttf in (REGULAR, BOLD):
        options = subset.Options()
        options.flavor = "woff"
        options.layout_features = ["*"]
        options.name_IDs = ["*"]
        font = subset.load_font(str(ttf), options)
        sub = subset.Subsetter(options)
        sub.populate(unicodes=WEB_UNICODES)
        sub.subset(font)
        target = out_dir / (ttf.stem + ".woff")
        subset.save_font(font, str(target), options)
        written.append(target)
    return written


if __name__ == "__main__":
    for path in write_web_subsets():
        print(path.relative_to(ROOT), path.stat().st_size, "bytes")
