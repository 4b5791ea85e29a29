"""Display strings of the Review {doc.review} page, as (vi, en) pairs.

Templates use str.format fields; the numbers put into them are already formatted (format.py).
The sentences that fill them are in khcn_dash.summaries.review.
"""
from __future__ import annotations

from . import Pair, name, pick
from .sources import option_label as section_option

T: dict[str, Pair] = {
    "title": ("Tổng kết hoạt động KH&CN giai đoạn {doc.review}", "Review of S&T activities {doc.review}"),
    "intro": (
        "Kết quả giai đoạn {doc.review} theo phần A của Kế hoạch số {doc.number} ngày {doc.date}.",
        "What {doc.review} delivered, from part A of Plan {doc.number} of {doc.date}.",
    ),
    "how_to_source": (
        "Mỗi con số trên trang có mục **Nguồn trong văn bản** ngay bên dưới: mở ra để đọc câu gốc "
        "và bấm **Mở trong văn bản** để xem đoạn văn bản chứa câu đó.",
        "Every figure on this page has a **Where the document says so** box below it: open it to read "
        "the original sentence, and click **Open in the document** to see it in context.",
    ),
    "key_points": ("Kết quả chính {doc.review}", "Main results {doc.review}"),
    # headline metrics
    "m_tasks": ("Đề tài, dự án cấp tỉnh", "Provincial S&T tasks"),
    "m_ministry": ("Nhiệm vụ KH&CN cấp Bộ", "Ministry-level S&T tasks"),
    "m_investment": ("Vốn đầu tư đã phân bổ ({unit})", "Investment allocated ({unit})"),
    "m_gi": ("Chỉ dẫn địa lý", "Geographical indications"),
    "m_ct": ("Nhãn hiệu tập thể", "Collective trademarks"),
    "m_ct_help": ("Số sản phẩm đã hoàn thành xây dựng nhãn hiệu tập thể ({a} + {b}).",
                  "Products whose collective trademark was completed ({a} + {b})."),
    "m_enterprises": ("Doanh nghiệp KH&CN", "S&T enterprises"),
    "m_enterprises_help": ("Doanh nghiệp được cấp giấy chứng nhận doanh nghiệp KH&CN, {doc.review}.",
                           "Businesses certified as S&T enterprises, {doc.review}."),
    "m_investment_help": ("Vốn đầu tư phát triển cho {n} dự án KH&CN, cả giai đoạn {doc.review}.",
                          "Development investment for {n} S&T projects, {doc.review} in total."),
    # tabs
    "tab_tasks": ("Nhiệm vụ KH&CN", "S&T tasks"),
    "tab_investment": ("Đầu tư và hạ tầng", "Investment"),
    "tab_ip": ("Sở hữu trí tuệ", "IP"),
    "tab_orgs": ("Tổ chức và doanh nghiệp", "Organisations"),
    "tab_legal": ("Văn bản được trích dẫn", "Instruments"),
    "tab_limits": ("Hạn chế và kiến nghị", "Limitations and recommendations"),
    "tab_items": ("Việc đã làm theo lĩnh vực", "What was done, area by area"),
    # tasks tab
    "h_tasks_by_field": ("Đề tài, dự án cấp tỉnh theo lĩnh vực", "Provincial tasks by field"),
    "h_ministry": ("Nhiệm vụ KH&CN cấp Bộ", "Ministry-level S&T tasks"),
    "h_highlights": ("Đề tài, dự án tiêu biểu được nêu trong văn bản", "Research tasks the review names"),
    "highlight_field": ("Lọc theo lĩnh vực", "Filter by field"),
    "all_fields": ("Tất cả lĩnh vực", "All fields"),
    "highlights_shown": (
        "Đang hiển thị {shown} trên {total} đề tài, dự án tiêu biểu mà văn bản nêu tên.",
        "Showing {shown} of the {total} research tasks the review names.",
    ),
    # investment tab
    "h_investment": ("Vốn đầu tư phát triển {doc.review} theo dự án", "Development investment {doc.review} by project"),
    "h_infrastructure": ("Hạ tầng KH&CN: tổng mức đầu tư và vốn đã được cấp", "S&T infrastructure: approved totals and money received"),
    "infra_note": (
        "Mỗi dự án có các cột đặt cạnh nhau, không cộng dồn: tổng mức đầu tư được duyệt, vốn đã phân bổ "
        "{doc.review} và vốn dự kiến năm {doc.plan} (nếu có).",
        "Each project's bars stand side by side and are never added up: the approved total, the money "
        "allocated in {doc.review} and the money planned for {doc.plan} (if any).",
    ),
    # IP tab
    "h_ip": ("Kết quả sở hữu trí tuệ", "Intellectual-property results"),
    "h_ip_list": ("Danh sách sản phẩm", "Products"),
    "ip_type_filter": ("Loại tài sản trí tuệ", "Kind of IP asset"),
    "all_types": ("Tất cả các loại", "All kinds"),
    "ip_shown": ("Đang hiển thị {shown} trên {total} sản phẩm.", "Showing {shown} of {total} products."),
    # organisations tab
    "h_orgs": ("Tổ chức KH&CN", "S&T organisations"),
    "h_enterprises": ("Doanh nghiệp KH&CN", "S&T enterprises"),
    "m_orgs": ("Tổ chức KH&CN của tỉnh", "Provincial S&T organisations"),
    "m_founded": ("Năm thành lập", "Founded"),
    # legal tab
    "h_legal": ("Dòng thời gian các văn bản pháp lý, chính sách được trích dẫn", "Timeline of the legal and policy instruments cited"),
    "kind_filter": ("Loại văn bản", "Kind of instrument"),
    "h_undated": ("Văn bản không ghi năm ban hành", "Instruments cited without a year"),
    "undated_note": (
        "Văn bản chỉ nêu tên các văn bản này, không nêu ngày hoặc năm ban hành, nên chúng không được đặt "
        "lên dòng thời gian.",
        "The document names these instruments without a date or year, so they are not placed on the timeline.",
    ),
    "no_kind_selected": ("Chọn ít nhất một loại văn bản để xem.", "Choose at least one kind of instrument."),
    "none_undated": ("Không có văn bản nào thuộc loại đã chọn mà thiếu năm ban hành.",
                     "No instrument of the chosen kinds lacks a year."),
    # limitations tab
    "h_limitations": ("Hạn chế, khó khăn", "Limitations and difficulties"),
    "h_recommendations": ("Kiến nghị", "Recommendations"),
    "n_limitations": ("Văn bản nêu {n} hạn chế, khó khăn.", "The document states {n} limitations and difficulties."),
    "n_recommendations": ("Văn bản nêu {n} kiến nghị.", "The document makes {n} recommendations."),
    # what was done, area by area (review_items)
    "h_items": ("Việc đã làm theo lĩnh vực", "What was done, area by area"),
    "items_intro": (
        "Toàn bộ phần A của văn bản, từng nội dung một: văn bản đã ban hành, chương trình, hoạt động, kết quả, "
        "hạn chế… Mỗi dòng có câu gốc và các số liệu đúng như văn bản ghi.",
        "The whole of part A, item by item: instruments issued, programmes, activities, results, limitations… Each "
        "row has its original sentence and its figures exactly as the document writes them.",
    ),
    "item_area": ("Lĩnh vực (mục của văn bản)", "Area (section of the document)"),
    "all_areas": ("Toàn bộ phần đánh giá (phần A)", "The whole review (part A)"),
    "items_shown": (
        "Đang hiển thị {shown} trên {total} nội dung của phần đánh giá.",
        "Showing {shown} of the review's {total} items.",
    ),
    "items_translation_note": (
        "", "The item column is our English rendering; the figures and the sentence are the document's own "
            "Vietnamese words.",
    ),
    "translation_note": (
        "", "English text is our translation; the original Vietnamese sentence is under "
            "“Where the document says so”.",
    ),
}

# Column headers of the tables shown and downloaded. {unit} is the money unit's name.
COLUMNS: dict[str, Pair] = {
    "field": ("Lĩnh vực", "Field"),
    "task_count": ("Số đề tài, dự án", "Number of tasks"),
    "share_pct": ("Tỷ lệ (%)", "Share (%)"),
    "section": ("Mục trong văn bản", "Document section"),
    "quote": ("Câu gốc trong văn bản", "Original sentence (Vietnamese)"),
    "seq": ("STT", "No."),
    "title": ("Tên nhiệm vụ", "Title"),
    "subject": ("Đối tượng", "Subject"),
    "status": ("Tình trạng", "Status"),
    "districts": ("Huyện, thành phố", "District(s)"),
    "project": ("Dự án", "Project"),
    "project_full": ("Tên đầy đủ trong văn bản", "Full name"),
    "amount": ("Kinh phí ({unit})", "Amount ({unit})"),
    "approved_total": ("Tổng mức đầu tư được duyệt ({unit})", "Approved total ({unit})"),
    "allocated_review": ("Đã phân bổ {doc.review} ({unit})", "Allocated {doc.review} ({unit})"),
    "planned_plan": ("Dự kiến năm {doc.plan} ({unit})", "Planned for {doc.plan} ({unit})"),
    "status_quote": ("Câu gốc về tình trạng", "Original sentence on the status"),
    "ip_type": ("Loại", "Kind"),
    "ip_status": ("Tình trạng", "Status"),
    "n_assets": ("Số lượng", "Number"),
    "product": ("Sản phẩm", "Product"),
    "place": ("Địa danh trong văn bản", "Place as written"),
    "scope": ("Phạm vi", "Scope"),
    "org": ("Tổ chức", "Organisation"),
    "founded_year": ("Năm thành lập", "Founded"),
    "parent": ("Cơ quan chủ quản", "Parent body"),
    "year": ("Năm", "Year"),
    "date": ("Ngày ban hành", "Date issued"),
    "kind": ("Loại văn bản", "Kind"),
    "number": ("Số hiệu", "Number"),
    "issuer": ("Cơ quan ban hành", "Issued by"),
    "about": ("Trích yếu", "Subject"),
    "n_citations": ("Số lần được trích dẫn", "Times cited"),
    "sections": ("Các mục trích dẫn", "Sections citing it"),
    "text": ("Nội dung", "Text"),
    "addressee": ("Gửi tới", "Addressed to"),
    "item_kind": ("Loại nội dung", "Kind"),
    "item": ("Nội dung", "Item"),
    "figures": ("Số liệu (như văn bản ghi)", "Figures (as the document writes them)"),
}

# What a review item is (schema.REVIEW_ITEM_KINDS, review_items.kind).
ITEM_KIND: dict[str, Pair] = {
    "policy_issued": ("Văn bản, chính sách đã ban hành", "Policy or instrument issued"),
    "programme": ("Chương trình, dự án", "Programme or project"),
    "activity": ("Hoạt động đã triển khai", "Activity carried out"),
    "support": ("Hỗ trợ, khuyến khích", "Support or incentive"),
    "result": ("Kết quả", "Result"),
    "cooperation": ("Hợp tác", "Cooperation"),
    "inspection": ("Kiểm tra", "Inspection"),
    "body": ("Cơ quan, tổ chức được nêu tên", "Named body"),
    "service": ("Thủ tục hành chính, dịch vụ công", "Administrative procedure or public service"),
    "standard": ("Tiêu chuẩn, hệ thống quản lý chất lượng", "Standard or quality system"),
    "product_list": ("Danh sách sản phẩm", "List of products"),
    "funding": ("Kinh phí", "Funding"),
    "limitation": ("Hạn chế, khó khăn", "Limitation or difficulty"),
    "recommendation": ("Kiến nghị", "Recommendation"),
}

CHART: dict[str, Pair] = {
    "tasks_axis": ("Số đề tài, dự án", "Number of tasks"),
    "money_axis": ("Kinh phí ({unit})", "Amount ({unit})"),
    "approved": ("Tổng mức đầu tư được duyệt", "Approved total"),
    "allocated": ("Đã phân bổ {doc.review}", "Allocated {doc.review}"),
    "planned_plan": ("Dự kiến năm {doc.plan}", "Planned for {doc.plan}"),
    "ip_axis": ("Số sản phẩm", "Number of products"),
    "year_axis": ("Năm ban hành", "Year issued"),
    "stack_axis": ("Số văn bản trong năm", "Instruments that year"),
    "date_unknown": ("chỉ rõ năm", "year only"),
}

SUMMARY: dict[str, Pair] = {
    "tasks": (
        "Giai đoạn {doc.review}, tỉnh triển khai **{total}** đề tài, dự án KH&CN cấp tỉnh. "
        "Theo lĩnh vực: {parts}.",
        "In {doc.review} the province carried out **{total}** provincial S&T tasks. By field: {parts}.",
    ),
    "tasks_part": ("{name} {n} ({pct})", "{name} {n} ({pct})"),
    "investment": (
        "Giai đoạn {doc.review} đã phân bổ **{total}** vốn đầu tư phát triển cho **{n}** dự án KH&CN: {parts}.",
        "In {doc.review}, **{total}** of development investment was allocated to **{n}** S&T projects: {parts}.",
    ),
    "money_part": ("{name} {amount} ({pct})", "{name} {amount} ({pct})"),
    "infra_intro": (
        "Ba dự án hạ tầng KH&CN được tổng kết ở mục A.II.2.3:",
        "The three S&T infrastructure projects reviewed in section A.II.2.3:",
    ),
    "infra_item": (
        "**{name}**: tổng mức đầu tư {approved}; đã phân bổ {doc.review} {allocated}{planned}. "
        "Tình trạng: **{status}**. Văn bản ghi: “{quote}”",
        "**{name}**: approved total {approved}; allocated {doc.review} {allocated}{planned}. "
        "Status: **{status}**. The document says: “{quote}”",
    ),
    "infra_planned": ("; dự kiến năm {doc.plan} {amount}", "; planned for {doc.plan} {amount}"),
    "ip": (
        "**{gi}** chỉ dẫn địa lý và **{cm}** nhãn hiệu chứng nhận tiếp tục được quảng bá, phát triển. Hoàn thành "
        "xây dựng nhãn hiệu tập thể cho **{ct}** sản phẩm ({ct_a} sản phẩm, cộng {ct_b} sản phẩm rau của thành "
        "phố {doc.province}). Đang tiếp tục xây dựng nhãn hiệu cho **{wip}** sản phẩm.",
        "**{gi}** geographical indications and **{cm}** certification mark continued to be promoted and developed. "
        "Collective trademarks were completed for **{ct}** products ({ct_a} products, plus {ct_b} for {doc.province} "
        "city's vegetables). Trademarks for **{wip}** more products are in progress.",
    ),
    "legal": (
        "Văn bản trích dẫn **{total}** văn bản pháp lý, chính sách thuộc các loại đã chọn. **{dated}** văn bản "
        "có năm ban hành, từ {first} đến {last}; nhiều nhất là năm {peak_year} ({peak_n} văn bản). "
        "**{undated}** văn bản không ghi năm nên được liệt kê riêng bên dưới.",
        "The document cites **{total}** legal and policy instruments of the chosen kinds. **{dated}** have a "
        "year, from {first} to {last}; the busiest year is {peak_year} ({peak_n} instruments). **{undated}** "
        "have no year and are listed separately below.",
    ),
    "legal_kinds": ("Theo loại: {parts}.", "By kind: {parts}."),
    "legal_empty": ("Không có văn bản nào có năm ban hành thuộc các loại đã chọn.",
                    "No dated instrument of the chosen kinds."),
    "org": (
        "Tỉnh có **{n}** tổ chức hoạt động KH&CN: **{name}**, trực thuộc {parent}, thành lập năm **{year}** "
        "trên cơ sở hợp nhất {formed_from}.",
        "The province has **{n}** S&T organisation: **{name}**, under the provincial Department of S&T, "
        "founded in **{year}** by merging two earlier centres.",
    ),
    "enterprises": (
        "Trong giai đoạn {doc.review}, **{n}** doanh nghiệp được cấp giấy chứng nhận doanh nghiệp KH&CN; văn bản "
        "không nêu tên các doanh nghiệp này.",
        "In {doc.review}, **{n}** businesses were certified as S&T enterprises; the document does not name them.",
    ),
    # key points at the top of the page
    "kp_tasks": ("**{n}** đề tài, dự án KH&CN cấp tỉnh, nhiều nhất thuộc lĩnh vực {top} ({top_n}); "
                 "**{m}** nhiệm vụ cấp Bộ.",
                 "**{n}** provincial S&T tasks, most of them in {top} ({top_n}); **{m}** ministry-level tasks."),
    "kp_investment": ("**{total}** vốn đầu tư phát triển cho **{n}** dự án.",
                      "**{total}** of development investment for **{n}** projects."),
    "kp_infra": ("**{halted}** dự án hạ tầng đang ngừng triển khai; trạm quan trắc phóng xạ vẫn chưa được "
                 "trang bị thiết bị.",
                 "**{halted}** infrastructure projects are halted; the radiation monitoring station still awaits "
                 "its equipment."),
    "kp_ip": ("Sở hữu trí tuệ: **{gi}** chỉ dẫn địa lý, **{cm}** nhãn hiệu chứng nhận; hoàn thành **{ct}** nhãn "
              "hiệu tập thể, **{wip}** nhãn hiệu đang xây dựng.",
              "Intellectual property: **{gi}** geographical indications, **{cm}** certification mark; **{ct}** "
              "collective trademarks completed, **{wip}** in progress."),
    "kp_orgs": ("**{orgs}** tổ chức KH&CN (thành lập năm {year}); **{ent}** doanh nghiệp KH&CN được chứng nhận.",
                "**{orgs}** S&T organisation (founded {year}); **{ent}** certified S&T enterprises."),
    "kp_limits": ("Văn bản nêu **{lim}** hạn chế và **{rec}** kiến nghị (xem thẻ “Hạn chế và kiến nghị”).",
                  "The document lists **{lim}** limitations and **{rec}** recommendations (see the "
                  "“Limitations and recommendations” tab)."),
}

FILENAMES: dict[str, str] = {
    "tasks": "nhiem-vu-cap-tinh",
    "ministry": "nhiem-vu-cap-bo",
    "highlights": "de-tai-tieu-bieu",
    "investment": "von-dau-tu",
    "infrastructure": "ha-tang-khcn",
    "ip": "so-huu-tri-tue",
    "ip_list": "san-pham-so-huu-tri-tue",
    "orgs": "to-chuc-khcn",
    "legal": "van-ban-trich-dan",
    "undated": "van-ban-khong-ghi-nam",
    "limitations": "han-che",
    "recommendations": "kien-nghi",
    "items": "viec-da-lam-theo-linh-vuc",
}


def option_label(kind: str, code: str, lang: str = "vi") -> str:
    """A filter option's text: 'all' -> 'Tất cả …' for the filter `kind`, else the code's name.
    Takes lang explicitly so the text never depends on when Streamlit calls it."""
    if code == "all":
        return pick(T["all_fields" if kind == "field" else "all_areas" if kind == "area" else "all_types"], lang)
    return name(kind, code, lang)


def item_kind(code: str, lang: str = "vi") -> str:
    """A review item's kind in words (its code if unknown)."""
    pair = ITEM_KIND.get(code)
    return pick(pair, lang) if pair else str(code)


def area_option(row, lang: str = "vi") -> str:
    """The area filter's line for a section row (section_id, level, heading_vi, title_en), as the sources
    page writes it: indented by level, 'A.II.9.3 · 9.3. Hoạt động TĐC'."""
    return section_option(row, lang)
