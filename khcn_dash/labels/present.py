"""Strings of presentation mode and the exports (PNG, briefing PDF), as (vi, en) pairs."""
from __future__ import annotations

from .. import format as fmt
from . import Pair, pick

UI: dict[str, Pair] = {
    # the switch and the slideshow
    "toggle": ("Chế độ trình chiếu", "Presentation mode"),
    "toggle_help": (
        "Chữ lớn, ẩn thanh bên; mỗi màn hình một nội dung. Chuyển trang bằng nút, phím PageDown/PageUp, "
        "mũi tên ←/→ hoặc bút trình chiếu.",
        "Large type, no sidebar, one idea per screen. Move with the buttons, PageDown/PageUp, the ←/→ "
        "arrow keys or a presentation clicker.",
    ),
    "prev": ("Trước", "Previous"),
    "next": ("Tiếp", "Next"),
    "exit": ("Thoát trình chiếu", "Leave presentation"),
    "slide_of": ("Trang {i}/{n}", "Slide {i} of {n}"),
    "keys_hint": (
        "PageDown / → : tiếp · PageUp / ← : trước · Home / End : trang đầu / cuối",
        "PageDown / → : next · PageUp / ← : previous · Home / End : first / last slide",
    ),
    "choose_slide": ("Đi tới trang", "Go to slide"),
    "slide_missing": (
        "Không hiển thị được trang này; các trang khác vẫn dùng được.",
        "This slide could not be shown; the other slides still work.",
    ),
    # downloads
    "download_png": ("Tải ảnh PNG", "Download PNG"),
    "png_help": ("Ảnh biểu đồ (PNG), tạo ngay trên máy chủ, không cần Internet.",
                 "The chart as an image (PNG), drawn on the server, no internet needed."),
    "briefing": ("Bản tóm tắt PDF", "PDF briefing"),
    "briefing_page": ("Tải PDF trang này", "PDF of this page"),
    "briefing_all": ("Tải PDF toàn bộ", "PDF of the whole dashboard"),
    "briefing_help": (
        "Tiêu đề, ngày, số liệu, biểu đồ và nguồn trích dẫn, bằng ngôn ngữ đang chọn.",
        "Title, date, figures, charts and source notes, in the language you are using.",
    ),
    # the briefing PDF
    "pdf_title": ("Bản tóm tắt", "Briefing"),
    "pdf_whole": ("Toàn bộ bảng điều khiển", "The whole dashboard"),
    "pdf_generated": ("Ngày lập: {date}", "Prepared on {date}"),
    "pdf_figures": ("Số liệu chính", "Key figures"),
    "pdf_sources": ("Nguồn trong văn bản", "Where the document says so"),
    "pdf_sources_en_note": ("", "Quoted in the original Vietnamese."),
    "pdf_source_line": ("mục {section}", "section {section}"),
    "pdf_page": ("Trang {i}/{n}", "Page {i} of {n}"),
    "pdf_chart_missing": (
        "(Không vẽ được biểu đồ trên máy này; số liệu vẫn ở trên.)",
        "(The chart could not be drawn on this machine; the figures are above.)",
    ),
    # slide titles and figure labels
    "slide_document": ("Kế hoạch KH&CN năm {doc.plan} của tỉnh {doc.province}", "{doc.province}'s {doc.plan} S&T plan"),
    "slide_key_figures": ("Số liệu chính", "Key figures"),
    "slide_budget": ("Dự toán kinh phí KH&CN năm {doc.plan}", "The {doc.plan} S&T budget"),
    "slide_review": ("Tổng kết {doc.review}: đề tài, dự án theo lĩnh vực", "Review {doc.review}: tasks by field"),
    "slide_plan": ("Kế hoạch {doc.plan}: lĩnh vực và nhiệm vụ", "Plan {doc.plan}: fields and activities"),
    "slide_map": ("Chỉ dẫn địa lý và nhãn hiệu theo huyện", "Geographical indications and trademarks by district"),
    "slide_scenario": ("Kịch bản phân bổ kinh phí KH&CN {doc.plan}", "A {doc.plan} S&T budget allocation scenario"),
    # the scenario slide
    "scenario_pick": ("Kịch bản trình chiếu", "Scenario shown"),
    "scenario_pick_help": (
        "Kịch bản đang soạn trên trang Kịch bản, hoặc một kịch bản đã lưu (phiên bản mới nhất).",
        "The scenario being edited on the Scenarios page, or a saved scenario (its latest version).",
    ),
    "scenario_current": ("Kịch bản đang soạn trên trang Kịch bản", "The scenario being edited on the Scenarios page"),
    "scenario_plan": ("Kế hoạch theo văn bản (chưa điều chỉnh)", "The plan as written (no change yet)"),
    "scenario_is": ("Kịch bản: «{name}»", "Scenario: “{name}”"),
    "scenario_saved_meta": ("Phiên bản {version}, người lập: {author}, lưu lúc {at}.",
                            "Version {version}, by {author}, saved {at}."),
    "scenario_unreadable": (
        "Kịch bản đã chọn không đọc được (có thể đã bị xóa hoặc dữ liệu đã đổi); đang trình chiếu kế hoạch theo văn bản.",
        "The chosen scenario cannot be read (it may have been deleted, or the data changed); showing the plan as written.",
    ),
    "scenario_bad_link": (
        "Địa chỉ này trỏ tới một kịch bản không có hoặc đã bị xóa; đang trình chiếu kịch bản đang soạn.",
        "This address points to a scenario that does not exist or was deleted; showing the scenario being edited.",
    ),
    "scenario_store_off": (
        "Chưa mở được các kịch bản đã lưu; vẫn trình chiếu được kịch bản đang soạn.",
        "Saved scenarios cannot be opened now; the scenario being edited can still be shown.",
    ),
    "fig_rules": ("Quy tắc của văn bản", "The document's rules"),
    "rules_kept": ("Đều được tuân thủ", "All kept"),
    "rules_broken": ("Vi phạm {n} quy tắc", "{n} broken"),
    "present_this": ("Trình chiếu kịch bản này", "Present this scenario"),
    "present_this_help": ("Mở chế độ trình chiếu ở trang kịch bản, với kịch bản đang soạn.",
                          "Opens presentation mode at the scenario slide, showing the scenario being edited."),
    "present_saved": ("Trình chiếu", "Present"),
    "fig_total": ("Tổng kinh phí dự kiến {doc.plan}", "Total planned budget {doc.plan}"),
    "fig_recurrent": ("Kinh phí sự nghiệp KH&CN", "Recurrent S&T budget"),
    "fig_investment": ("Chi đầu tư phát triển", "Development investment"),
    "fig_planned_tasks": ("Đề tài, dự án triển khai năm {doc.plan}", "Research tasks to run in {doc.plan}"),
    "fig_review_tasks": ("Đề tài, dự án {doc.review}", "Research tasks {doc.review}"),
    "fig_review_investment": ("Đầu tư phát triển đã phân bổ {doc.review}", "Development investment allocated {doc.review}"),
    "fig_ip": ("Chỉ dẫn địa lý và nhãn hiệu đã bảo hộ", "Protected geographical indications and marks"),
    "fig_fields": ("Lĩnh vực nghiên cứu năm {doc.plan}", "Research fields in {doc.plan}"),
    "fig_areas": ("Nhóm nhiệm vụ năm {doc.plan}", "Activity areas in {doc.plan}"),
    "fig_directions": ("Định hướng nghiên cứu", "Research directions"),
    "fig_share": ("{pct} tổng kinh phí", "{pct} of the total"),
    "about": ("khoảng {n}", "about {n}"),
    "document_line": (
        "Kế hoạch số {number} ngày {date} của {issuer}",
        "Plan {number} of {date}, {issuer}",
    ),
    "summary_key_figures": (
        "Năm {doc.plan} tỉnh dự kiến {total} cho KH&CN: {recurrent} kinh phí sự nghiệp và {investment} chi đầu tư "
        "phát triển; giai đoạn {doc.review} đã triển khai {tasks} đề tài, dự án.",
        "For {doc.plan} the province plans {total} for S&T: {recurrent} recurrent budget and {investment} "
        "development investment; {tasks} research tasks ran in {doc.review}.",
    ),
    "summary_plan": (
        "Năm {doc.plan}: {fields} lĩnh vực nghiên cứu với {directions} định hướng, {areas} nhóm nhiệm vụ với "
        "{actions} nội dung, khoảng {tasks} đề tài, dự án.",
        "In {doc.plan}: {fields} research fields with {directions} directions, {areas} activity areas with "
        "{actions} planned actions, about {tasks} research tasks.",
    ),
}


def tr(key: str, lang: str, **kw) -> str:
    text = pick(UI[key], lang)
    return text.format(**kw) if kw else text


def slide_counter(i: int, n: int, lang: str) -> str:
    return tr("slide_of", lang, i=fmt.count(i, lang), n=fmt.count(n, lang))
