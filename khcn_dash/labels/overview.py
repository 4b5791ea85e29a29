"""Overview page strings (vi, en) and the pure functions that turn its figures into sentences."""
from __future__ import annotations

import datetime as dt

import pandas as pd

from .. import format as fmt
from . import Pair, name, pick
from . import budget as budget_labels

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


def count(value, lang: str = "vi") -> str:
    """A whole number in the language's style (the card values)."""
    return fmt.count(int(value), lang)


def facts_dict(facts: pd.DataFrame, lang: str) -> dict[str, str]:
    col = "value_vi" if lang == "vi" else "value_en"
    return dict(zip(facts["fact"], facts[col]))


def document_identity(facts: pd.DataFrame, lang: str = "vi") -> str:
    """'**Kế hoạch số 100/KH-UBND** ngày 12/06/2020 của Ủy ban nhân dân tỉnh Lạng Sơn: «title».  \\n
    Người ký: KT. Chủ tịch – Phó Chủ tịch Nguyễn Long Hải' (Markdown; values are our transcription of the header).

    `facts` is queries.sources.document_facts()."""
    f = facts_dict(facts, lang)
    issued = f.get("issued_on")
    try:
        date = fmt.date(dt.date.fromisoformat(issued), lang) if issued else "–"
    except ValueError:
        date = issued
    signer = " ".join(x for x in (f.get("signer_title"), f.get("signer")) if x)
    if lang == "vi":
        return (f"**Kế hoạch số {f.get('number', '–')}** ngày {date} của {f.get('issuer', '–')}: "
                f"*{f.get('title', '')}*.  \nNgười ký: {signer}.")
    return (f"**Plan {f.get('number', '–')}** of {date}, {f.get('issuer', '–')}: *{f.get('title', '')}*.  \n"
            f"Signed: {signer}.")


def answer_2021(total_mvnd, split: pd.DataFrame, projects: pd.DataFrame, lang: str = "vi",
                unit: str = "mvnd") -> str:
    """A plain-language answer to 'how much for S&T in 2021, and where does it go?'.

    `split` is queries.budget.budget_split(); `projects` is investment_by_project('2021')
    (largest first)."""
    parts = split.set_index("funding_kind")
    rec, inv = parts.loc["recurrent"], parts.loc["investment"]
    money = lambda v: fmt.money(v, lang, unit)  # noqa: E731
    items = []
    for p in projects.itertuples():
        note = budget_labels.project_note(p, lang, in_sentence=True)
        items.append(f"{budget_labels.item_name(p, lang)} ({money(p.amount_mvnd)}{', ' + note if note else ''})")
    n = fmt.count(len(projects), lang)
    even = budget_labels.nearly_equal(rec.share_pct, inv.share_pct)
    if lang == "vi":
        return (f"Năm 2021, tỉnh Lạng Sơn dự kiến chi **{money(total_mvnd)}** cho khoa học và công nghệ. "
                f"Số tiền này chia làm hai phần{budget_labels.NEARLY_EQUAL[0] * even}:\n\n"
                f"- **{money(rec.amount_mvnd)}** ({fmt.pct(rec.share_pct, lang)}) là kinh phí sự nghiệp KH&CN. "
                f"Văn bản chỉ nêu một con số chung, không chia chi tiết khoản này.\n"
                f"- **{money(inv.amount_mvnd)}** ({fmt.pct(inv.share_pct, lang)}) là chi đầu tư phát triển cho "
                f"{n} dự án: {'; '.join(items)}.")
    return (f"In 2021, Lạng Sơn province plans to spend **{money(total_mvnd)}** on science and technology, "
            f"in two{budget_labels.NEARLY_EQUAL[1] * even} parts:\n\n"
            f"- **{money(rec.amount_mvnd)}** ({fmt.pct(rec.share_pct, lang)}) is the recurrent S&T budget. "
            f"The document gives it as one figure and does not break it down.\n"
            f"- **{money(inv.amount_mvnd)}** ({fmt.pct(inv.share_pct, lang)}) is development investment in "
            f"{n} projects: {'; '.join(items)}.")


def share_caption(split: pd.DataFrame, funding_kind: str, lang: str = "vi") -> str:
    share = split.set_index("funding_kind").loc[funding_kind, "share_pct"]
    return pick(SHARE_CAPTION, lang).format(pct=fmt.pct(share, lang))


def recurrent_caption(split: pd.DataFrame, lang: str = "vi") -> str:
    return share_caption(split, "recurrent", lang) + pick(RECURRENT_CAPTION, lang)


def investment_caption(split: pd.DataFrame, n_projects, lang: str = "vi") -> str:
    share = split.set_index("funding_kind").loc["investment", "share_pct"]
    return pick(INVESTMENT_CAPTION, lang).format(pct=fmt.pct(share, lang), n=fmt.count(int(n_projects), lang))


def prev_investment_caption(n_projects, lang: str = "vi") -> str:
    return pick(PREV_CAPTION, lang).format(n=fmt.count(int(n_projects), lang))


def tasks_caption(by_field: pd.DataFrame, lang: str = "vi") -> str:
    """'Nông nghiệp và phát triển nông thôn 45 · …' from queries.review.tasks_by_field() (largest first)."""
    return pick(TASKS_CAPTION, lang) + " · ".join(f"{name('field', r.field_code, lang)} {fmt.count(r.task_count, lang)}"
                                                  for r in by_field.itertuples())


def ip_caption(by_type: pd.DataFrame, by_status: pd.DataFrame, lang: str = "vi") -> str:
    """'2 chỉ dẫn địa lý, 1 nhãn hiệu chứng nhận, 21 nhãn hiệu tập thể; 2 đang xây dựng'.

    `by_type` is queries.review.ip_counts_by_type() (type × status); `by_status` is
    ip_totals_by_status()."""
    protected = by_type[by_type.status == "protected"]
    counts = dict(zip(protected.ip_type, protected.n_assets))
    parts = []
    for ip_type in ("geographical_indication", "certification_mark", "collective_trademark"):
        if ip_type in counts:
            n = int(counts[ip_type])
            type_name = name("ip_type", ip_type, lang).lower()
            parts.append(f"{fmt.count(n, lang)} {type_name}{'s' if lang == 'en' and n != 1 else ''}")
    text = pick(IP_CAPTION, lang) + ", ".join(parts)
    in_progress = by_status.set_index("status")["n_assets"].get("in_progress")
    if in_progress:
        text += pick(IP_IN_PROGRESS, lang).format(n=fmt.count(int(in_progress), lang))
    return text


def ip_card(by_type: pd.DataFrame, by_status: pd.DataFrame, lang: str = "vi") -> tuple[str, str, list[str]]:
    """(value, caption, cite_ids) of the IP card: protected assets of all types, with the parts."""
    by = by_status.set_index("status")
    value = count(by.loc["protected", "n_assets"], lang) if "protected" in by.index else "–"
    cite_ids = [str(c) for ids in by_status["cite_ids"] for c in ids]
    return value, ip_caption(by_type, by_status, lang), cite_ids
