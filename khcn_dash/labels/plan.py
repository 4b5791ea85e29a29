"""Display strings of the Plan {doc.plan} page, as (vi, en) pairs.

Templates use str.format fields; the numbers put into them are already formatted (format.py).
The sentences that fill them are in khcn_dash.summaries.plan.
"""
from __future__ import annotations

from . import UI, Pair, name, pick

T: dict[str, Pair] = {
    "title": ("Kế hoạch hoạt động KH&CN năm {doc.plan}", "{doc.plan} S&T activity plan"),
    "intro": (
        "Những việc tỉnh dự kiến làm trong năm {doc.plan}, theo phần B.I của Kế hoạch số {doc.number} ngày {doc.date}; "
        "vốn đầu tư theo mục A.II.8 và B.II.",
        "What the province plans to do in {doc.plan}, from part B.I of Plan {doc.number} of {doc.date}; investment "
        "from sections A.II.8 and B.II.",
    ),
    "how_to_source": (
        "Mỗi con số trên trang có mục **Nguồn trong văn bản** ngay bên dưới: mở ra để đọc câu gốc "
        "và bấm **Mở trong văn bản** để xem đoạn văn bản chứa câu đó.",
        "Every figure on this page has a **Where the document says so** box below it: open it to read "
        "the original sentence, and click **Open in the document** to see it in context.",
    ),
    "key_points": ("Kế hoạch {doc.plan} tóm tắt", "The {doc.plan} plan in brief"),
    "m_tasks": ("Đề tài, dự án dự kiến", "Research tasks planned"),
    "m_tasks_help": ("Số đề tài, dự án KH&CN dự kiến triển khai năm {doc.plan}, như văn bản ghi.",
                     "Research tasks planned for {doc.plan}, as the document words it."),
    "m_fields": ("Lĩnh vực (định hướng)", "Fields (directions)"),
    "m_fields_help": ("Số lĩnh vực nghiên cứu, trong ngoặc là tổng số định hướng nghiên cứu.",
                      "Research fields; in brackets, the number of research directions."),
    "m_areas": ("Nhóm hoạt động (nội dung)", "Activity areas (actions)"),
    "m_areas_help": ("Số nhóm hoạt động (mục B.I.1–11), trong ngoặc là tổng số nội dung.",
                     "Activity areas (sections B.I.1–11); in brackets, the number of actions."),
    "m_investment": ("Vốn đầu tư {doc.plan} ({unit})", "Investment {doc.plan} ({unit})"),
    "m_investment_help": ("Vốn đầu tư phát triển dự kiến năm {doc.plan}, cho {n} dự án.",
                          "Development investment planned for {doc.plan}, for {n} projects."),
    "tab_research": ("Nghiên cứu KH&CN", "Research"),
    "tab_areas": ("Các nhóm hoạt động", "Activity areas"),
    "tab_investment": ("Dự án đầu tư {doc.plan}", "Investment projects {doc.plan}"),
    "h_fields": ("Bốn lĩnh vực nghiên cứu và các định hướng", "The four research fields and their directions"),
    "field_select": ("Xem định hướng của lĩnh vực", "Show the directions of"),
    "h_directions": ("Định hướng nghiên cứu: {name}", "Research directions: {name}"),
    "n_directions": ("{name}: {n} định hướng.", "{name}: {n} directions."),
    "h_areas": ("Mười một nhóm hoạt động năm {doc.plan}", "The eleven activity areas of {doc.plan}"),
    "area_select": ("Xem nội dung của nhóm hoạt động", "Show the actions of"),
    "h_actions": ("Nội dung: {name}", "Actions: {name}"),
    "n_actions": ("{name}: {n} nội dung.", "{name}: {n} actions."),
    "h_investment": ("Vốn đầu tư phát triển năm {doc.plan} theo dự án", "{doc.plan} development investment by project"),
    "translation_note": (
        "", "English text is our translation; the original Vietnamese sentence is under "
            "“Where the document says so”.",
    ),
}

QUALIFIER: dict[str, Pair] = {
    "approx": ("khoảng {n}", "about {n}"),
    "minimum": ("ít nhất {n}", "at least {n}"),
}

COLUMNS: dict[str, Pair] = {
    "seq": ("STT", "No."),
    "field": ("Lĩnh vực", "Field"),
    "n_directions": ("Số định hướng", "Directions"),
    "direction": ("Định hướng nghiên cứu", "Research direction"),
    "area": ("Nhóm hoạt động", "Activity area"),
    "n_actions": ("Số nội dung", "Actions"),
    "action": ("Nội dung", "Action"),
    "project": ("Dự án", "Project"),
    "project_full": ("Tên đầy đủ trong văn bản", "Full name"),
    "project_status": ("Loại dự án", "Kind of project"),
    "funder": ("Nguồn vốn", "Funding source"),
    "amount": ("Kinh phí ({unit})", "Amount ({unit})"),
    "share_pct": ("Tỷ lệ (%)", "Share (%)"),
    "section": ("Mục trong văn bản", "Document section"),
    "quote": ("Câu gốc trong văn bản", "Original sentence (Vietnamese)"),
}

CHART: dict[str, Pair] = {
    "directions_axis": ("Số định hướng nghiên cứu", "Number of research directions"),
    "actions_axis": ("Số nội dung", "Number of actions"),
    "money_axis": ("Kinh phí ({unit})", "Amount ({unit})"),
    "funder_not_stated": ("nguồn vốn: văn bản không nêu", "funding source: not stated"),
}

SUMMARY: dict[str, Pair] = {
    "fields": (
        "Năm {doc.plan} dự kiến triển khai **{tasks}** đề tài, dự án, tập trung vào **{n}** lĩnh vực với **{total}** "
        "định hướng nghiên cứu: {parts}.",
        "For {doc.plan} the plan foresees **{tasks}** research tasks in **{n}** fields with **{total}** research "
        "directions: {parts}.",
    ),
    "areas": (
        "Kế hoạch {doc.plan} có **{n}** nhóm hoạt động với **{total}** nội dung. Nhiều nội dung nhất: {top}. "
        "Theo thứ tự trong văn bản: {parts}.",
        "The {doc.plan} plan has **{n}** activity areas with **{total}** actions. Most actions: {top}. In the "
        "document's order: {parts}.",
    ),
    "part": ("{name} {n}", "{name} {n}"),
    "investment": (
        "Năm {doc.plan} dự kiến phân bổ **{total}** vốn đầu tư phát triển cho **{n}** dự án: {parts}.",
        "For {doc.plan}, **{total}** of development investment is planned for **{n}** projects: {parts}.",
    ),
    "investment_group": ("{n} {status} ({items})", "{n} {status} ({items})"),
    "investment_item": ("{name}: {amount}{funder}", "{name}: {amount}{funder}"),
    "funded_by": (", {funder}", ", {funder}"),
    "kp_research": ("**{tasks}** đề tài, dự án nghiên cứu trong **{n_fields}** lĩnh vực, với **{n_dirs}** "
                    "định hướng.",
                    "**{tasks}** research tasks in **{n_fields}** fields, with **{n_dirs}** directions."),
    "kp_areas": ("**{n_areas}** nhóm hoạt động với **{n_actions}** nội dung, từ hợp tác, sở hữu trí tuệ đến "
                 "thanh tra.",
                 "**{n_areas}** activity areas with **{n_actions}** actions, from cooperation and intellectual "
                 "property to inspection."),
    "kp_investment": ("**{total}** vốn đầu tư phát triển cho **{n}** dự án: **{cont}** dự án chuyển tiếp, "
                      "**{new}** dự án mới.",
                      "**{total}** of development investment for **{n}** projects: **{cont}** continuing, "
                      "**{new}** new."),
}

FILENAMES: dict[str, str] = {
    "fields": "linh-vuc-nghien-cuu",
    "directions": "dinh-huong-nghien-cuu",
    "areas": "nhom-hoat-dong",
    "actions": "noi-dung-hoat-dong",
    "investment": "du-an-dau-tu",
}


def funder_name(code, lang: str = "vi") -> str:
    """The funder's name, or 'not stated' when the document names none (an empty cell: None, NaN, NA)."""
    if not isinstance(code, str):
        return pick(UI["not_stated"], lang)
    return name("funder", code, lang)
