"""Sources page strings (vi, en) and the pure functions that turn document text into Markdown:
escaped so the document's characters show as written, split into readable paragraphs, with the
cited sentence and the search hits highlighted.
"""
from __future__ import annotations

from . import Pair, pick

TITLE: Pair = ("Văn bản gốc", "Source document")
INTRO: Pair = (
    "Toàn văn Kế hoạch số {doc.number}, chia theo mục. Chọn một mục, bấm vào mục lục hoặc tìm một từ. "
    "Các liên kết «Mở trong văn bản» ở những trang khác dẫn tới đây và tô màu câu được trích.",
    "The full text of Plan {doc.number}, section by section. Pick a section, use the contents or search for a word. "
    "The «Open in the document» links on the other pages lead here and highlight the sentence they cite.",
)
VIETNAMESE_ONLY: Pair = (
    "",
    "The document is in Vietnamese and its text is shown as written. Headings are given in English, with the "
    "Vietnamese heading below them; search looks for Vietnamese words.",
)
SECTION_SELECT: Pair = ("Mục", "Section")
ALL_SECTIONS: Pair = ("Toàn văn (từ đầu văn bản)", "Whole document (from the start)")
SEARCH: Pair = ("Tìm trong văn bản", "Search the document")
SEARCH_PLACEHOLDER: Pair = ("ví dụ: nhãn hiệu tập thể", "Vietnamese words, e.g. nhãn hiệu tập thể")
SEARCH_HELP: Pair = (
    "Tìm đúng cụm từ đã gõ, không phân biệt chữ hoa/thường, tối đa 100 ký tự.",
    "Finds the exact words typed (in Vietnamese), ignoring upper/lower case; at most 100 characters.",
)
SEARCH_RESULTS: Pair = ("«{term}» có trong {n} mục, tổng cộng {hits} lần:",
                        "«{term}» appears in {n} sections, {hits} times in all:")
SEARCH_NONE: Pair = ("Không tìm thấy «{term}» trong văn bản.", "«{term}» was not found in the document.")
RESULT_LABEL: Pair = ("{section} · {title} ({hits} lần)", "{section} · {title} ({hits}×)")
CONTENTS: Pair = ("Mục lục", "Contents")
UNKNOWN_SECTION: Pair = (
    "Địa chỉ trỏ tới một mục không có trong văn bản, nên trang mở từ đầu văn bản.",
    "The address points to a section the document does not have, so the page opens at the start of the document.",
)
UNKNOWN_CITE: Pair = (
    "Không tìm thấy câu trích dẫn mà địa chỉ yêu cầu.",
    "The quotation the address asks for was not found.",
)
CITED: Pair = ("Câu được trích dẫn", "The cited sentence")
CITED_WHERE: Pair = ("mục {section}, tô màu cam trong văn bản bên dưới",
                     "section {section}, highlighted in orange below")
CITE_ELSEWHERE: Pair = ("Câu này nằm ở mục {section}.", "This sentence is in section {section}.")
OPEN_CITE_SECTION: Pair = ("Mở mục {section}", "Open section {section}")
LEGEND: Pair = (
    "Tô cam: câu được trích dẫn. Tô xanh: từ đang tìm.",
    "Orange: the cited sentence. Blue: the words searched for.",
)
PREVIOUS: Pair = ("Mục trước: {section}", "Previous: {section}")
NEXT: Pair = ("Mục sau: {section}", "Next: {section}")
WHOLE_DOCUMENT: Pair = ("Xem toàn văn", "Whole document")

SEARCH_MAX_CHARS = 100
CITE_COLOUR = "orange"  # Streamlit Markdown background colours; orange and blue stay distinct
SEARCH_COLOUR = "blue"  # for the common colour-vision deficiencies


# --- URL values --------------------------------------------------------------------------

def section_title(row, lang: str) -> str:
    """The heading in the reader's language (the Vietnamese heading, or our English title)."""
    return row.heading_vi if lang == "vi" else row.title_en


def option_label(row, lang: str, width: int = 110) -> str:
    """A selectbox/contents line: indented by level, 'A.II.8 · 8. Tình hình…' (cut to `width`)."""
    text = f"{row.section_id} · {section_title(row, lang)}"
    if len(text) > width:
        text = text[: width - 1].rstrip() + "…"
    return "\u2003" * int(row.level) + text


def cited_caption(cite: dict, lang: str) -> str:
    return pick(CITED_WHERE, lang).format(section=cite["section"])
