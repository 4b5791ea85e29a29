"""Overview page: the answer to "how much for S&T in the plan year, and where does it go?" and the values and
captions of its key-figure cards. Query results plus lang (and unit) in, Markdown out."""
from __future__ import annotations

import datetime as dt

import pandas as pd

from .. import format as fmt
from ..labels import budget as L_budget
from ..labels import name, pick
from ..labels import overview as L
from ..text import md_escape
from .budget import nearly_equal


def count(value, lang: str = "vi") -> str:
    """A whole number in the language's style (the card values)."""
    return fmt.count(int(value), lang)


def answer_plan(total_mvnd, split: pd.DataFrame, projects: pd.DataFrame, lang: str = "vi",
                unit: str = "mvnd") -> str:
    """A plain-language answer to 'how much for S&T in the plan year, and where does it go?'.

    `split` is queries.budget.budget_split(); `projects` is investment_by_project(<plan year>)
    (largest first)."""
    parts = split.set_index("funding_kind")
    rec, inv = parts.loc["recurrent"], parts.loc["investment"]
    items = []
    for p in projects.itertuples():
        note = L_budget.project_note(p, lang, in_sentence=True)
        items.append(pick(L.ANSWER_ITEM, lang).format(
            name=md_escape(L_budget.item_name(p, lang)), amount=fmt.money(p.amount_mvnd, lang, unit),
            note=pick(L.ANSWER_NOTE, lang).format(note=note) if note else ""))
    return pick(L.ANSWER_PLAN, lang).format(
        total=fmt.money(total_mvnd, lang, unit),
        nearly=pick(L_budget.NEARLY_EQUAL, lang) if nearly_equal(rec.share_pct, inv.share_pct) else "",
        recurrent=fmt.money(rec.amount_mvnd, lang, unit), recurrent_pct=fmt.pct(rec.share_pct, lang),
        investment=fmt.money(inv.amount_mvnd, lang, unit), investment_pct=fmt.pct(inv.share_pct, lang),
        n=fmt.count(len(projects), lang), items="; ".join(items))


# --- the cards' captions ---------------------------------------------------------------------

def share_caption(split: pd.DataFrame, funding_kind: str, lang: str = "vi") -> str:
    share = split.set_index("funding_kind").loc[funding_kind, "share_pct"]
    return pick(L.SHARE_CAPTION, lang).format(pct=fmt.pct(share, lang))


def recurrent_caption(split: pd.DataFrame, lang: str = "vi") -> str:
    return share_caption(split, "recurrent", lang) + pick(L.RECURRENT_CAPTION, lang)


def investment_caption(split: pd.DataFrame, n_projects, lang: str = "vi") -> str:
    share = split.set_index("funding_kind").loc["investment", "share_pct"]
    return pick(L.INVESTMENT_CAPTION, lang).format(pct=fmt.pct(share, lang), n=fmt.count(int(n_projects), lang))


def prev_investment_caption(n_projects, lang: str = "vi") -> str:
    return pick(L.PREV_CAPTION, lang).format(n=fmt.count(int(n_projects), lang))


def tasks_caption(by_field: pd.DataFrame, lang: str = "vi") -> str:
    """'Nông nghiệp và phát triển nông thôn 45 · …' from queries.review.tasks_by_field() (largest first)."""
    return pick(L.TASKS_CAPTION, lang) + " · ".join(f"{name('field', r.field_code, lang)} {fmt.count(r.task_count, lang)}"
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
            parts.append(f"{fmt.count(n, lang)} {type_name}{pick(L.IP_PLURAL, lang) if n != 1 else ''}")
    text = pick(L.IP_CAPTION, lang) + ", ".join(parts)
    in_progress = by_status.set_index("status")["n_assets"].get("in_progress")
    if in_progress:
        text += pick(L.IP_IN_PROGRESS, lang).format(n=fmt.count(int(in_progress), lang))
    return text


def ip_card(by_type: pd.DataFrame, by_status: pd.DataFrame, lang: str = "vi") -> tuple[str, str, list[str]]:
    """(value, caption, cite_ids) of the IP card: protected assets of all types, with the parts."""
    by = by_status.set_index("status")
    value = count(by.loc["protected", "n_assets"], lang) if "protected" in by.index else "–"
    cite_ids = [str(c) for ids in by_status["cite_ids"] for c in ids]
    return value, ip_caption(by_type, by_status, lang), cite_ids


def facts_dict(facts, lang: str) -> dict[str, str]:
    """queries.sources.document_facts() as {fact: value in the reader's language}."""
    col = "value_vi" if lang == "vi" else "value_en"
    return dict(zip(facts["fact"], facts[col]))


def document_identity(facts, lang: str = "vi") -> str:
    """'**Kế hoạch số <number>** ngày <date> của <issuer>: «title».  \\n
    Người ký: <signer's title> <signer>' (Markdown; values are our transcription of the header).

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
