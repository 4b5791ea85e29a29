"""Overview page strings (vi, en): pairs and templates. The sentences and captions that fill them
are in khcn_dash.summaries.overview."""
from __future__ import annotations

from . import Pair

TITLE: Pair = ("KH&CN {doc.province}: kế hoạch và dự toán {doc.plan}", "{doc.province} S&T: the {doc.plan} plan and budget")
DOCUMENT_HEADER: Pair = ("Văn bản", "The document")
QUESTION_PLAN: Pair = (
    "Năm {doc.plan} chi bao nhiêu cho KH&CN, và tiền đi vào đâu?",
    "How much for S&T in {doc.plan}, and where does it go?",
)
QUESTION_REVIEW: Pair = ("Giai đoạn {doc.review} đã làm được gì?", "What did {doc.review} deliver?")
QUESTION_SOURCE: Pair = ("Con số này lấy từ đâu?", "Where does this number come from?")
SOURCE_HELP: Pair = (
    "Mỗi con số trên trang có mục «Nguồn trong văn bản»: bấm vào để đọc nguyên câu trong văn bản và mở đúng "
    "đoạn đó, với câu được tô màu.",
    "Every figure on this site has «Where the document says so»: open it to read the sentence, and follow the "
    "link to the exact passage of the document, with the sentence highlighted.",
)
COMPARE_LINK: Pair = ("So sánh với văn bản của các năm khác", "Compare with the other years' documents")
OPEN_SOURCES: Pair = ("Đọc toàn văn Kế hoạch {doc.number}", "Read the full text of Plan {doc.number}")

# Card labels stay short: a metric label is cut off, not wrapped, on a 1280-px projector.
CARD_TOTAL: Pair = ("Tổng dự toán {doc.plan}", "Total {doc.plan} budget")
CARD_RECURRENT: Pair = ("Kinh phí sự nghiệp", "Recurrent budget")
CARD_INVESTMENT: Pair = ("Đầu tư phát triển", "Investment")
CARD_TASKS: Pair = ("Đề tài, dự án cấp tỉnh", "Provincial S&T tasks")
CARD_IP: Pair = ("Tài sản trí tuệ", "IP assets")
CARD_ENTERPRISES: Pair = ("Doanh nghiệp KH&CN", "S&T enterprises")
CARD_INVESTMENT_PREV: Pair = ("Vốn đầu tư", "Investment")

TOTAL_CAPTION: Pair = ("dự toán ngân sách KH&CN năm {doc.plan}: kinh phí sự nghiệp và chi đầu tư phát triển",
                      "the {doc.plan} S&T budget: recurrent budget plus development investment")
SHARE_CAPTION: Pair = ("kinh phí sự nghiệp KH&CN, {pct} tổng dự toán {doc.plan}",
                      "recurrent S&T budget, {pct} of the {doc.plan} total")
RECURRENT_CAPTION: Pair = ("; văn bản không chia chi tiết", "; not broken down in the document")
INVESTMENT_CAPTION: Pair = ("{pct} tổng dự toán {doc.plan}: chi đầu tư phát triển cho {n} dự án",
                           "{pct} of the {doc.plan} total: development investment in {n} projects")
PREV_CAPTION: Pair = ("vốn đầu tư phát triển đã phân bổ cho {n} dự án trong cả 5 năm (không cộng với số {doc.plan})",
                      "development investment allocated to {n} projects over the five years (never added to {doc.plan})")
ENTERPRISES_CAPTION: Pair = ("được cấp giấy chứng nhận doanh nghiệp KH&CN trong {doc.review}",
                             "granted an S&T enterprise certificate in {doc.review}")
TASKS_CAPTION: Pair = ("đề tài, dự án KH&CN cấp tỉnh {doc.review}: ", "provincial S&T tasks {doc.review}: ")
IP_CAPTION: Pair = ("được bảo hộ, theo tổng kết {doc.review}: ", "protected, per the {doc.review} review: ")
IP_IN_PROGRESS: Pair = ("; {n} đang xây dựng", "; {n} in progress")

LINKS: dict[str, Pair] = {
    "budget": ("Xem dự toán {doc.plan}", "See the {doc.plan} budget"),
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

# The answer to QUESTION_PLAN. {nearly} is budget's NEARLY_EQUAL or nothing; {items} the projects, "; "-joined.
ANSWER_PLAN: Pair = (
    "Năm {doc.plan}, tỉnh {doc.province} dự kiến chi **{total}** cho khoa học và công nghệ. Số tiền này chia làm hai "
    "phần{nearly}:\n\n"
    "- **{recurrent}** ({recurrent_pct}) là kinh phí sự nghiệp KH&CN. Văn bản chỉ nêu một con số chung, không chia "
    "chi tiết khoản này.\n"
    "- **{investment}** ({investment_pct}) là chi đầu tư phát triển cho {n} dự án: {items}.",
    "In {doc.plan}, {doc.province} province plans to spend **{total}** on science and technology, in two{nearly} parts:\n\n"
    "- **{recurrent}** ({recurrent_pct}) is the recurrent S&T budget. The document gives it as one figure and does "
    "not break it down.\n"
    "- **{investment}** ({investment_pct}) is development investment in {n} projects: {items}.",
)
ANSWER_ITEM: Pair = ("{name} ({amount}{note})", "{name} ({amount}{note})")
ANSWER_NOTE: Pair = (", {note}", ", {note}")
