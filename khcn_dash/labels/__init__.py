"""Every display string, in Vietnamese and English, keyed by the codes used in data and code.

Each entry is a (vi, en) pair. Page-specific strings live in one module per page
(labels/review.py, ...); this module holds what several pages share. Pages look strings up
through khcn_dash.ui.t(); names of coded values through name(kind, code, lang).
"""
from __future__ import annotations

import datetime as dt
import functools

from .. import format as fmt
from .. import served

Pair = tuple[str, str]

LANG_NAMES: dict[str, str] = {"vi": "Tiếng Việt", "en": "English"}

# Page key -> (url path, title). The key is also the file name under pages/.
PAGES: dict[str, tuple[str, Pair]] = {
    "overview": ("", ("Tổng quan", "Overview")),
    "review": ("review", ("Tổng kết {doc.review}", "Review {doc.review}")),
    "plan": ("plan", ("Kế hoạch {doc.plan}", "Plan {doc.plan}")),
    "budget": ("budget", ("Dự toán ngân sách {doc.plan}", "Budget {doc.plan}")),
    "map": ("map", ("Bản đồ chỉ dẫn địa lý & nhãn hiệu", "Geographical indications & trademarks map")),
    "scenarios": ("scenarios", ("Kịch bản phân bổ", "Allocation scenarios")),
    "compare": ("compare", ("So sánh các năm", "Year over year")),
    "sources": ("sources", ("Văn bản gốc", "Source document")),
    "import": ("import", ("Nhập dữ liệu", "Import data")),
    "present": ("present", ("Trình chiếu", "Presentation")),
}

UI: dict[str, Pair] = {
    "app_title": ("KH&CN {doc.province} {doc.plan}", "{doc.province} S&T {doc.plan}"),
    "app_subtitle": (
        "Kế hoạch hoạt động và dự toán ngân sách KH&CN năm {doc.plan} (Kế hoạch số {doc.number} ngày {doc.date})",
        "{doc.plan} S&T activity plan and budget (Plan {doc.number} of {doc.date})",
    ),
    "language": ("Ngôn ngữ", "Language"),
    "doc_province": ("Tỉnh", "Province"),
    "doc_year": ("Năm kế hoạch", "Plan year"),
    "doc_plan": ("Kế hoạch", "Plan"),
    "doc_unknown": (
        "Địa chỉ nêu văn bản “{doc}”, nhưng không có văn bản nào như vậy; đang hiển thị văn bản mặc định.",
        "The address names the document “{doc}”, which is not here; the default document is shown.",
    ),
    "unit": ("Đơn vị tiền", "Money unit"),
    "unit_mvnd": ("Triệu đồng", "Million VND"),
    "unit_bvnd": ("Tỷ đồng", "Billion VND"),
    "source": ("Nguồn", "Source"),
    "sources_expander": ("Nguồn trong văn bản", "Where the document says so"),
    "section": ("mục", "section"),
    "open_in_document": ("Mở trong văn bản", "Open in the document"),
    "quote_original": ("Trích nguyên văn (tiếng Việt)", "Quoted in the original Vietnamese"),
    "chart": ("Biểu đồ", "Chart"),
    "choose": ("Chọn…", "Choose…"),
    "table": ("Bảng số liệu", "Data table"),
    "summary": ("Tóm tắt", "Summary"),
    "download_csv": ("Tải CSV", "Download CSV"),
    "download_xlsx": ("Tải Excel", "Download Excel"),
    "no_data": ("Văn bản không nêu số liệu này.", "The document gives no figure for this."),
    "not_stated": ("văn bản không nêu", "the document does not say"),
    "part_absent": ("Văn bản không có phần này.", "The document does not have this part."),
    "placeholder": (
        "Trang này đang được xây dựng.", "This page is being built.",
    ),
    "bad_param": (
        "Địa chỉ có tham số không hợp lệ; đã dùng giá trị mặc định.",
        "The address had an invalid parameter; the default is used.",
    ),
    "page_error": (
        "Trang gặp lỗi khi hiển thị. Vui lòng tải lại trang; nếu lỗi còn, hãy báo cho bộ phận kỹ thuật.",
        "This page failed to display. Please reload it; if the problem persists, tell the technical team.",
    ),
    "data_stale": (
        "Dữ liệu trên màn hình là bản dựng lúc {built_at}. Dữ liệu nguồn mới (thay đổi lúc {failed_at}) "
        "không qua được các kiểm tra dưới đây nên chưa được dùng; các trang vẫn hiển thị bản cũ.",
        "The data on screen was built at {built_at}. The new source data (changed at {failed_at}) failed "
        "the checks below, so it is not used; every page still shows the earlier data.",
    ),
    "data_stale_checks": ("Các kiểm tra không đạt ({n})", "Checks that failed ({n})"),
    "data_missing": (
        "Chưa có dữ liệu nào qua được các kiểm tra, nên trang này chưa thể hiển thị. Các kiểm tra không đạt:",
        "No data has passed its checks yet, so this page cannot be shown. The checks that failed:",
    ),
    "footer": (
        "Số liệu trích từ Kế hoạch số {doc.number} ngày {doc.date} của UBND tỉnh {doc.province}.",
        "Figures from Plan {doc.number} of {doc.date} of {doc.province} People's Committee.",
    ),
}

# Parts of the document that have no number of their own.
SECTION_NAMES: dict[str, Pair] = {
    "header": ("phần đầu văn bản", "document header"),
    "intro": ("phần mở đầu", "opening paragraph"),
    "closing": ("nơi nhận và chữ ký", "recipients and signature"),
}

# Names of coded values, by kind of code.
CODES: dict[str, dict[str, Pair]] = {
    "field": {
        "agriculture": ("Nông nghiệp và phát triển nông thôn", "Agriculture and rural development"),
        "social_humanities": ("Khoa học xã hội và nhân văn", "Social sciences and humanities"),
        "medicine_pharmacy": ("Y dược", "Medicine and pharmacy"),
        "engineering_technology": ("Kỹ thuật và công nghệ", "Engineering and technology"),
    },
    "funding_kind": {
        "recurrent": ("Kinh phí sự nghiệp KH&CN", "Recurrent S&T budget"),
        "investment": ("Chi đầu tư phát triển", "Development investment"),
    },
    "basis": {
        "plan": ("Kế hoạch", "Planned"),
        "allocated": ("Đã phân bổ", "Allocated"),
        "actual": ("Thực hiện", "Actual"),
    },
    "project_status": {
        "continuing": ("Dự án chuyển tiếp", "Continuing project"),
        "new": ("Dự án mới", "New project"),
    },
    "funder": {
        "ministry": ("Vốn từ Bộ KH&CN", "Funded by the Ministry of S&T"),
    },
    "infra_status": {
        "halted": ("Đang ngừng triển khai (đình, giãn, hoãn)", "Halted (suspended or postponed)"),
        "awaiting_equipment": ("Chưa được trang bị thiết bị", "Still awaiting equipment"),
    },
    "ip_type": {
        "geographical_indication": ("Chỉ dẫn địa lý", "Geographical indication"),
        "certification_mark": ("Nhãn hiệu chứng nhận", "Certification mark"),
        "collective_trademark": ("Nhãn hiệu tập thể", "Collective trademark"),
    },
    "ip_status": {  # the two groups the document makes; one asset's status: ip_status_words()
        "protected": ("Đã có (hoàn thành hoặc tiếp tục phát triển)", "In place (completed, or developed further)"),
        "in_progress": ("Tiếp tục xây dựng", "Still being built"),
    },
    "ip_scope": {
        "province": ("Toàn tỉnh", "Whole province"),
        "district": ("Một huyện", "One district"),
        "area": ("Vùng nhiều huyện", "Area across districts"),
    },
    "district_basis": {
        "stated": ("Văn bản nêu tên huyện", "District named in the document"),
        "place_name": ("Suy ra từ địa danh trong văn bản", "Inferred from a place the document names"),
    },
    "highlight_status": {
        "ongoing": ("Đang triển khai", "Ongoing"),
        "completed": ("Đã hoàn thành", "Completed"),
        "awaiting_acceptance": ("Chuẩn bị nghiệm thu", "Awaiting acceptance"),
        "pilot": ("Thí điểm", "Pilot"),
    },
    "instrument_kind": {
        "luat": ("Luật", "Law"),
        "nghi_quyet": ("Nghị quyết", "Resolution"),
        "nghi_dinh": ("Nghị định", "Decree"),
        "quyet_dinh": ("Quyết định", "Decision"),
        "thong_tu": ("Thông tư", "Circular"),
        "thong_tu_lien_tich": ("Thông tư liên tịch", "Joint circular"),
        "chi_thi": ("Chỉ thị", "Directive"),
        "ke_hoach": ("Kế hoạch", "Plan"),
        "cong_van": ("Công văn", "Official letter"),
    },
    "issuer": {
        "quoc_hoi": ("Quốc hội", "National Assembly"),
        "chinh_phu": ("Chính phủ", "Government"),
        "thu_tuong": ("Thủ tướng Chính phủ", "Prime Minister"),
        "bo_khcn": ("Bộ Khoa học và Công nghệ", "Ministry of Science and Technology"),
        "bo_tai_chinh": ("Bộ Tài chính", "Ministry of Finance"),
        "lien_bo": ("Liên bộ", "Joint ministries"),
        "van_phong_chinh_phu": ("Văn phòng Chính phủ", "Government Office"),
        "ubnd_tinh": ("UBND tỉnh {doc.province}", "{doc.province} People's Committee"),
        "ban_chi_huy": ("Ban Chỉ huy ứng phó sự cố bức xạ, hạt nhân", "Radiation-incident command board"),
        "ban_to_chuc": ("Ban Tổ chức Ngày hội khởi nghiệp ĐMST", "Start-up day organising board"),
    },
    "area": {
        "research": ("Nghiên cứu KH&CN", "Research"),
        "cooperation": ("Hợp tác về KH&CN", "S&T cooperation"),
        "technology_market": ("Quản lý công nghệ và thị trường công nghệ", "Technology management and market"),
        "intellectual_property": ("Sở hữu trí tuệ", "Intellectual property"),
        "radiation_safety": ("An toàn bức xạ và hạt nhân", "Radiation and nuclear safety"),
        "information_statistics": ("Thông tin, thống kê KH&CN", "S&T information and statistics"),
        "startups": ("Khởi nghiệp đổi mới sáng tạo", "Innovative start-ups"),
        "industry_4_0": ("Cách mạng công nghiệp 4.0", "Industry 4.0"),
        "standards_quality": ("Tiêu chuẩn - Đo lường - Chất lượng", "Standards, metrology and quality"),
        "inspection": ("Thanh tra", "Inspection"),
        "public_service": ("Hoạt động sự nghiệp KH&CN", "Public-service S&T activities"),
    },
}


def name(kind: str, code: str | None, lang: str = "vi") -> str:
    """Display name of a coded value; an unknown code is shown as itself (never an error)."""
    if code is None or not isinstance(code, str) or code == "":  # None, NaN or NA: the document is silent
        return UI["not_stated"][0 if lang == "vi" else 1]
    pair = CODES.get(kind, {}).get(code)
    if pair is None:
        return str(code)
    return pick(pair, lang)


# One asset's status in the document's own words (A.II.1.3): the geographical indications and the
# certification mark are "tiếp tục quảng bá, phát triển"; the collective trademarks "Hoàn thành việc
# xây dựng"; the last two "Tiếp tục thực hiện xây dựng nhãn hiệu".
IP_STATUS_WORDS: dict[tuple[str, str], Pair] = {
    ("geographical_indication", "protected"): ("Tiếp tục quảng bá, phát triển", "Being promoted and developed further"),
    ("certification_mark", "protected"): ("Tiếp tục quảng bá, phát triển", "Being promoted and developed further"),
    ("collective_trademark", "protected"): ("Hoàn thành việc xây dựng", "Building completed"),
    ("collective_trademark", "in_progress"): ("Tiếp tục thực hiện xây dựng", "Still being built"),
}


def ip_status_words(ip_type: str, status: str, lang: str = "vi") -> str:
    """One asset's status as the document words it (the group's name where it gives no words)."""
    pair = IP_STATUS_WORDS.get((ip_type, status))
    return pick(pair, lang) if pair else name("ip_status", status, lang)


# Words that name the document shown, written in a template as a token: the plan year ("{doc.plan}"),
# the review period ("{doc.review}"; as the tables write it, "{doc.review_period}"), the province
# ("{doc.province}"; its id, "{doc.province_id}"), the document's number, date and package id
# ("{doc.number}", "{doc.date}", its ISO form "{doc.issued_on}", "{doc.id}"). pick() fills them from the
# served document (khcn_dash.served), so no label names a province or a year of its own.
DOCUMENT_TOKENS = ("{doc.plan}", "{doc.review}", "{doc.review_period}", "{doc.province}", "{doc.province_id}",
                   "{doc.number}", "{doc.date}", "{doc.issued_on}", "{doc.id}")


def document_words(lang: str) -> dict[str, str]:
    """Each document token's words for the served document, in `lang` (empty with no document)."""
    doc = served.current()
    if doc is None:
        return dict.fromkeys(DOCUMENT_TOKENS, "")
    return dict(_words(doc, lang))


@functools.lru_cache(maxsize=256)
def _words(doc, lang: str) -> tuple[tuple[str, str], ...]:
    """Made once per document and language (a page fills hundreds of labels on every run)."""
    ident = doc.identity
    return (("{doc.plan}", doc.plan), ("{doc.review}", fmt.period(doc.review)), ("{doc.review_period}", doc.review),
            ("{doc.province}", doc.province_name(lang)), ("{doc.province_id}", doc.province),
            ("{doc.number}", ident.number), ("{doc.date}", fmt.date(_date(ident.issued_on), lang)),
            ("{doc.issued_on}", ident.issued_on), ("{doc.id}", doc.id))


def _date(value: str):
    try:
        return dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        return None


def pick(pair: Pair, lang: str) -> str:
    """The language's half of a pair, its document tokens filled in."""
    text = pair[0 if lang == "vi" else 1]
    if "{doc." in text:
        for token, words in document_words(lang).items():
            text = text.replace(token, words)
    return text
