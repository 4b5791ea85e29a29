"""Budget page strings (vi, en): pairs, templates, and the names of its lines.

Templates use str.format fields; the numbers put into them are already formatted (format.py).
The sentences that fill them are in khcn_dash.summaries.budget.
"""
from __future__ import annotations

from .. import format as fmt
from . import Pair, name, pick

TITLE: Pair = ("Dự toán ngân sách KH&CN năm {doc.plan}", "{doc.plan} S&T budget")
INTRO: Pair = (
    "Năm {doc.plan} tỉnh dự kiến chi bao nhiêu cho khoa học và công nghệ, và tiền đi vào đâu? "
    "Mọi con số dưới đây lấy nguyên từ Kế hoạch số {doc.number}; bấm «Nguồn trong văn bản» để xem câu gốc.",
    "How much does the province plan to spend on science and technology in {doc.plan}, and where does it go? "
    "Every figure below is taken from Plan {doc.number}; open «Where the document says so» to read the sentence.",
)

METRIC_TOTAL: Pair = ("Tổng dự toán {doc.plan}", "Total {doc.plan} budget")
# Metric labels stay short: with the unit they must fit a third of a 1280-px screen (a metric
# label is cut off, not wrapped); the caption under each says the rest.
METRIC_RECURRENT: Pair = ("Kinh phí sự nghiệp", "Recurrent budget")
METRIC_INVESTMENT: Pair = ("Đầu tư phát triển", "Investment")
TOTAL_CAPTION: Pair = ("kinh phí sự nghiệp cộng chi đầu tư phát triển",
                       "recurrent budget plus development investment")
SHARE_OF_TOTAL: Pair = ("{kind}: {pct} tổng dự toán", "{kind}: {pct} of the total")

SPLIT_HEADER: Pair = ("Tiền đi vào đâu", "Where the money goes")
TREEMAP_TITLE: Pair = ("Dự toán {doc.plan}: loại kinh phí và dự án", "{doc.plan} budget: funding kind and project")
TREEMAP_HELP: Pair = (
    "Bấm vào một ô để xem chi tiết bên trong; bấm vào dòng tiêu đề phía trên để quay lại.",
    "Click a box to zoom into it; click the bar above the chart to go back.",
)
TREEMAP_ROOT: Pair = ("Tổng dự toán {doc.plan}", "Total {doc.plan} budget")
RECURRENT_NOTE: Pair = ("văn bản không chia chi tiết", "not broken down in the document")
RECURRENT_NOT_SPLIT: Pair = (
    "Văn bản chỉ nêu kinh phí sự nghiệp KH&CN thành một dòng ({amount}), không chia theo "
    "lĩnh vực hay nhiệm vụ, nên trang này không chia nhỏ khoản này. Văn bản ghi «Chi tiết tại các phụ lục kèm "
    "theo», nhưng các phụ lục không có trong bản văn bản dùng ở đây.",
    "The document gives the recurrent S&T budget as a single line ({amount}), not split by field or "
    "task, so this page does not split it either. The document refers to its annexes for details, "
    "but the annexes are not part of the text used here.",
)
LINES_HEADER: Pair = ("Các khoản trong dự toán {doc.plan}", "The lines of the {doc.plan} budget")

PERIODS_HEADER: Pair = ("Vốn đầu tư phát triển: {doc.review} và {doc.plan}", "Development investment: {doc.review} and {doc.plan}")
PERIODS_TITLE: Pair = (
    "Vốn đầu tư theo dự án: đã phân bổ {doc.review} và dự kiến {doc.plan}",
    "Investment per project: allocated {doc.review} and planned {doc.plan}",
)
PERIODS_NOT_ADDED: Pair = (
    "Hai loại cột có căn cứ khác nhau: số **đã phân bổ** cộng dồn cả 5 năm {doc.review} và số **dự kiến** cho riêng "
    "năm {doc.plan}. Vì vậy không cộng chúng với nhau.",
    "The two kinds of bar rest on different bases: the amount **allocated** over the five years {doc.review} and the "
    "amount **planned** for {doc.plan} alone. They are therefore never added together.",
)
METRIC_PREV: Pair = ("Đã phân bổ {doc.review}", "Allocated {doc.review}")
METRIC_PLAN: Pair = ("Dự kiến năm {doc.plan}", "Planned for {doc.plan}")
N_PROJECTS: Pair = ("vốn đầu tư phát triển cho {n} dự án", "development investment in {n} projects")

SERIES: dict[str, Pair] = {
    "allocated": ("Đã phân bổ {doc.review} (cả 5 năm)", "Allocated {doc.review} (all five years)"),
    "plan": ("Dự kiến năm {doc.plan}", "Planned for {doc.plan}"),
}
AXIS_AMOUNT: Pair = ("Kinh phí ({unit})", "Amount ({unit})")

# Table headers (the downloads use the same headers).
COLUMNS: dict[str, Pair] = {
    "item": ("Khoản chi", "Item"),
    "funding_kind": ("Loại kinh phí", "Funding kind"),
    "project_status": ("Tình trạng dự án", "Project status"),
    "funder": ("Nguồn vốn", "Funded by"),
    "amount": ("Kinh phí ({unit})", "Amount ({unit})"),
    "share_pct": ("Tỷ lệ trong tổng (%)", "Share of total (%)"),
    "project": ("Dự án", "Project"),
    "period": ("Giai đoạn", "Period"),
    "basis": ("Căn cứ", "Basis"),
    "section": ("Mục trong văn bản", "Section of the document"),
    "quote": ("Trích văn bản", "Quoted text"),
}
FUNDER_NOT_STATED: Pair = ("văn bản không nêu", "not stated in the document")


def column(key: str, lang: str, unit: str = "mvnd") -> str:
    return pick(COLUMNS[key], lang).format(unit=fmt.unit_text(unit, lang))


def item_name(row, lang: str) -> str:
    """A budget line's display name: the project's short name, or the funding kind for the recurrent block."""
    short = getattr(row, "short_vi" if lang == "vi" else "short_en", None)
    if isinstance(short, str) and short:
        return short
    return name("funding_kind", row.funding_kind, lang)


def project_note(row, lang: str, in_sentence: bool = False) -> str:
    """'Dự án mới, Vốn từ Bộ KH&CN' (status, then funder if stated); lower-cased first letters inside a sentence."""
    parts = [name("project_status", row.project_status, lang)] if isinstance(row.project_status, str) else []
    if isinstance(row.funder, str):
        parts.append(name("funder", row.funder, lang))
    if in_sentence:
        parts = [p[:1].lower() + p[1:] for p in parts]
    return ", ".join(parts)


NEARLY_EQUAL: Pair = (" gần bằng nhau", " nearly equal")

# The summaries under the charts (khcn_dash.summaries.budget). {nearly} is NEARLY_EQUAL or nothing.
SPLIT_SUMMARY: Pair = (
    "Tổng dự toán KH&CN năm {doc.plan} là **{total}**, gồm hai phần{nearly}: kinh phí sự nghiệp KH&CN **{recurrent}** "
    "({recurrent_pct}; văn bản không chia chi tiết khoản này) và chi đầu tư phát triển **{investment}** "
    "({investment_pct}) cho {n} dự án: {projects}.",
    "The {doc.plan} S&T budget totals **{total}**, in two{nearly} parts: the recurrent S&T budget of **{recurrent}** "
    "({recurrent_pct}; the document does not break it down) and development investment of **{investment}** "
    "({investment_pct}) for {n} projects: {projects}.",
)
SPLIT_PROJECT: Pair = ("{name} {amount} ({note})", "{name} {amount} ({note})")
PERIODS_SUMMARY: Pair = (
    "Giai đoạn {doc.review} đã phân bổ **{prev_total}** cho {prev_n} dự án; năm {doc.plan} dự kiến **{plan_total}** cho "
    "{plan_n} dự án.",
    "In {doc.review}, **{prev_total}** was allocated to {prev_n} projects; for {doc.plan}, **{plan_total}** is planned for "
    "{plan_n} projects.",
)
PERIODS_IN_BOTH: Pair = (
    " {n} dự án có mặt ở cả hai (đã phân bổ {doc.review} → dự kiến {doc.plan}): {pairs}.",
    " {n} projects appear in both (allocated {doc.review} → planned {doc.plan}): {pairs}.",
)
PERIODS_PAIR: Pair = ("{name}: {prev} → {plan}", "{name}: {prev} → {plan}")
PERIODS_NEVER_ADDED: Pair = (" Hai số liệu có căn cứ khác nhau nên không cộng với nhau.",
                             " The two figures rest on different bases, so they are not added together.")


def money_label(pair: Pair, lang: str = "vi", unit: str = "mvnd") -> str:
    """A card label with the unit: 'Tổng dự toán {doc.plan} (triệu đồng)'."""
    return f"{pick(pair, lang)} ({fmt.unit_text(unit, lang)})"
