"""Overview page strings (vi, en): pairs and templates. The sentences and captions that fill them
are in khcn_dash.summaries.overview."""
from __future__ import annotations

from . import Pair

TITLE: Pair = ("KH&CN Lạng Sơn: kế hoạch và dự toán 2021", "Lạng Sơn S&T: the 2021 plan and budget")
DOCUMENT_HEADER: Pair = ("Văn bản", "The document")
QUESTION_2021: Pair = (
    "Năm 2021 chi bao nhiêu cho KH&CN, và tiền đi vào đâu?",
    "How much for S&T in 2021, and where does it go?",
)
QUESTION_REVIEW: Pair = ("Giai đoạn 2016–2020 đã làm được gì?", "What did 2016–2020 deliver?")
QUESTION_SOURCE: Pair = ("Con số này lấy từ đâu?", "Where does this number come from?")
SOURCE_HELP: Pair = (
    "Mỗi con số trên trang có mục «Nguồn trong văn bản»: bấm vào để đọc nguyên câu trong văn bản và mở đúng "
    "đoạn đó, với câu được tô màu.",
    "Every figure on this site has «Where the document says so»: open it to read the sentence, and follow the "
    "link to the exact passage of the document, with the sentence highlighted.",
)
COMPARE_LINK: Pair = ("So sánh với văn bản của các năm khác", "Compare with the other years' documents")
OPEN_SOURCES: Pair = ("Đọc toàn văn Kế hoạch 100/KH-UBND", "Read the full text of Plan 100/KH-UBND")

# Card labels stay short: a metric label is cut off, not wrapped, on a 1280-px projector.
CARD_TOTAL: Pair = ("Tổng dự toán 2021", "Total 2021 budget")
CARD_RECURRENT: Pair = ("Kinh phí sự nghiệp", "Recurrent budget")
CARD_INVESTMENT: Pair = ("Đầu tư phát triển", "Investment")
CARD_TASKS: Pair = ("Đề tài, dự án cấp tỉnh", "Provincial S&T tasks")
CARD_IP: Pair = ("Tài sản trí tuệ", "IP assets")
CARD_ENTERPRISES: Pair = ("Doanh nghiệp KH&CN", "S&T enterprises")
CARD_INVESTMENT_PREV: Pair = ("Vốn đầu tư", "Investment")

TOTAL_CAPTION: Pair = ("dự toán ngân sách KH&CN năm 2021: kinh phí sự nghiệp và chi đầu tư phát triển",
                      "the 2021 S&T budget: recurrent budget plus development investment")
SHARE_CAPTION: Pair = ("kinh phí sự nghiệp KH&CN, {pct} tổng dự toán 2021",
                      "recurrent S&T budget, {pct} of the 2021 total")
RECURRENT_CAPTION: Pair = ("; văn bản không chia chi tiết", "; not broken down in the document")
INVESTMENT_CAPTION: Pair = ("{pct} tổng dự toán 2021: chi đầu tư phát triển cho {n} dự án",
                           "{pct} of the 2021 total: development investment in {n} projects")
PREV_CAPTION: Pair = ("vốn đầu tư phát triển đã phân bổ cho {n} dự án trong cả 5 năm (không cộng với số 2021)",
                      "development investment allocated to {n} projects over the five years (never added to 2021)")
ENTERPRISES_CAPTION: Pair = ("được cấp giấy chứng nhận doanh nghiệp KH&CN trong 2016–2020",
                             "granted an S&T enterprise certificate in 2016–2020")
TASKS_CAPTION: Pair = ("đề tài, dự án KH&CN cấp tỉnh 2016–2020: ", "provincial S&T tasks 2016–2020: ")
IP_CAPTION: Pair = ("được bảo hộ, theo tổng kết 2016–2020: ", "protected, per the 2016–2020 review: ")
IP_IN_PROGRESS: Pair = ("; {n} đang xây dựng", "; {n} in progress")

LINKS: dict[str, Pair] = {
    "budget": ("Xem dự toán 2021", "See the 2021 budget"),
    "review": ("Xem tổng kết", "See the review"),
    "map": ("Xem bản đồ", "See the map"),
    "sources": ("Xem văn bản gốc", "See the source document"),
}

FACT_NAMES: dict[str, Pair] = {
    "number": ("Số", "Number"),
    "issued_on": ("Ngày ban hành", "Issued on"),
    "issuer": ("Cơ quan ban hành", "Issued by"),
    "signer": ("Người ký", "Signed by"),
}

IP_PLURAL: Pair = ("", "s")  # after an IP type's name when the count is not 1

# The answer to QUESTION_2021. {nearly} is budget's NEARLY_EQUAL or nothing; {items} the projects, "; "-joined.
ANSWER_2021: Pair = (
    "Năm 2021, tỉnh Lạng Sơn dự kiến chi **{total}** cho khoa học và công nghệ. Số tiền này chia làm hai "
    "phần{nearly}:\n\n"
    "- **{recurrent}** ({recurrent_pct}) là kinh phí sự nghiệp KH&CN. Văn bản chỉ nêu một con số chung, không chia "
    "chi tiết khoản này.\n"
    "- **{investment}** ({investment_pct}) là chi đầu tư phát triển cho {n} dự án: {items}.",
    "In 2021, Lạng Sơn province plans to spend **{total}** on science and technology, in two{nearly} parts:\n\n"
    "- **{recurrent}** ({recurrent_pct}) is the recurrent S&T budget. The document gives it as one figure and does "
    "not break it down.\n"
    "- **{investment}** ({investment_pct}) is development investment in {n} projects: {items}.",
)
ANSWER_ITEM: Pair = ("{name} ({amount}{note})", "{name} ({amount}{note})")
ANSWER_NOTE: Pair = (", {note}", ", {note}")
