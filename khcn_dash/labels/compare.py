"""Year-over-year page strings (vi, en): pairs and templates. The tables that fill them are built in
khcn_dash.summaries.compare."""
from __future__ import annotations

from . import Pair

TITLE: Pair = ("So sánh các năm", "Year over year")
INTRO: Pair = (
    "Các văn bản kế hoạch của {province}, đặt cạnh nhau. Số kế hoạch chỉ so với số kế hoạch, số thực hiện "
    "của giai đoạn tổng kết chỉ so với số thực hiện; không cộng số của văn bản này với văn bản khác. "
    "Mỗi con số mở được câu của chính văn bản nêu nó.",
    "The plans of {province}, side by side. A plan is set only beside a plan, and a review's actuals only "
    "beside a review's actuals; no figure of one document is added to another's. Each figure opens the "
    "sentence of the document that states it.",
)
ONLY_ONE: Pair = (
    "Tỉnh {province} mới có một văn bản ({doc}); khi có văn bản của năm khác, trang này so sánh hai năm.",
    "{province} has one document so far ({doc}); once another year's is added, this page compares the two.",
)
OLDER: Pair = ("So sánh văn bản", "Compare the document")
NEWER: Pair = ("với văn bản", "with the document")
NEITHER: Pair = ("Không văn bản nào trong hai văn bản nêu phần này.", "Neither document has this part.")
SAME: Pair = ("Hãy chọn hai văn bản khác nhau.", "Choose two different documents.")
DOC_OPTION: Pair = ("Kế hoạch {year} ({number})", "Plan {year} ({number})")

TOTALS: Pair = ("Dự toán theo nguồn", "The budget by source")
TOTALS_NOTE: Pair = ("Số kế hoạch của mỗi văn bản cho năm kế hoạch của nó.",
                     "Each document's plan for its own plan year.")
PROJECTS: Pair = ("Dự án đầu tư qua các năm", "Investment projects across the years")
PROJECTS_NOTE: Pair = (
    "Vốn kế hoạch cho từng dự án trong năm kế hoạch của mỗi văn bản; dự án không có trong một văn bản ghi «–».",
    "Each project's planned investment in each document's plan year; a project a document does not list reads «–».",
)
TASKS: Pair = ("Đề tài, dự án theo lĩnh vực", "Tasks by field")
TASKS_NOTE: Pair = ("Số thực hiện trong giai đoạn tổng kết của mỗi văn bản ({periods}).",
                    "The actuals of each document's review period ({periods}).")
IP: Pair = ("Tài sản trí tuệ", "Intellectual property")
IP_NOTE: Pair = ("Số tài sản trí tuệ theo loại và tình trạng trong giai đoạn tổng kết của mỗi văn bản ({periods}).",
                 "IP assets by type and status in each document's review period ({periods}).")

COL_ITEM: Pair = ("Khoản mục", "Item")
COL_PLAN: Pair = ("Kế hoạch {year}", "Plan {year}")
COL_CHANGE: Pair = ("Thay đổi", "Change")
COL_CHANGE_PCT: Pair = ("Thay đổi (%)", "Change (%)")
COL_SOURCE: Pair = ("Nguồn {year}", "Source {year}")
UNIT_MONEY: Pair = ("{unit}", "{unit}")
UNIT_COUNT: Pair = ("số lượng", "count")

TOTAL_NAMES: dict[str, Pair] = {
    "budget_total_mvnd": ("Tổng dự toán", "Total budget"),
    "recurrent_mvnd": ("Kinh phí sự nghiệp KH&CN", "Recurrent S&T budget"),
    "investment_mvnd": ("Chi đầu tư phát triển", "Development investment"),
}
IP_ITEM: Pair = ("{type}: {status}", "{type}: {status}")
