"""The sources page's Markdown: the document's text split into readable paragraphs, with the cited
sentence and the search term highlighted; a section with its subsections; the cited sentence on its
own; the search's summary; and the checks on what the address and the search box bring. Words and
colours from labels.sources; document text escaped (text.md_escape)."""
from __future__ import annotations

import re

import pandas as pd

from .. import format as fmt
from ..labels import sources as L
from ..text import md_escape

_CITE_ID = re.compile(r"[0-9a-f]{10}")
_ITEM_BREAK = re.compile(r"(?<=[.;:…]) (?=[-+] |\(\d+\)|[a-zđ]\) )")
_COLUMN_BREAK = re.compile(r" ?\| ?")
_SENTENCE_END = re.compile(r"(?<=[.!?…]) (?=\S)")  # kept only before a capital or an opening quote
LONG_PARAGRAPH = 450  # characters: longer paragraphs are cut at the next sentence end


def cite_param(raw) -> str | None:
    """The ?cite= value if it has the form of a citation id (10 hex digits), else None."""
    return raw if isinstance(raw, str) and _CITE_ID.fullmatch(raw) else None


def search_term(raw) -> str:
    """The search box's text, trimmed and cut to SEARCH_MAX_CHARS ('' for nothing to look for)."""
    return str(raw or "").strip()[:L.SEARCH_MAX_CHARS]


def neighbours(sections: pd.DataFrame, section_id: str) -> tuple[str | None, str | None]:
    """(previous, next) section ids in document order; None at either end or for an unknown id."""
    ids = list(sections["section_id"])
    if section_id not in ids:
        return None, None
    i = ids.index(section_id)
    return (ids[i - 1] if i > 0 else None), (ids[i + 1] if i + 1 < len(ids) else None)


def search_summary(results: pd.DataFrame, term: str, lang: str) -> str:
    """One line above the result links (the term escaped, since it is the reader's text)."""
    shown = md_escape(term)
    if results.empty:
        return L.pick(L.SEARCH_NONE, lang).format(term=shown)
    return L.pick(L.SEARCH_RESULTS, lang).format(term=shown, n=fmt.count(len(results), lang),
                                             hits=fmt.count(int(results["n_hits"].sum()), lang))


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the readable paragraphs of a normalised section text.

    The text has no line breaks left (white space was folded when the document was transcribed),
    so paragraphs are recovered from its punctuation: list items, column breaks, and sentence ends
    inside long runs of prose. Offsets index the original string, so highlights line up."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in _COLUMN_BREAK.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    items: list[tuple[int, int]] = []
    for start, end in spans:
        cut = start
        for m in _ITEM_BREAK.finditer(text, start, end):
            items.append((cut, m.start()))
            cut = m.end()
        items.append((cut, end))
    out: list[tuple[int, int]] = []
    for start, end in items:
        cut = start
        for m in _SENTENCE_END.finditer(text, start, end):
            following = text[m.end()]
            if m.start() - cut >= LONG_PARAGRAPH and (following.isupper() or following in "“\""):
                out.append((cut, m.start()))
                cut = m.end()
        out.append((cut, end))
    return [(s, e) for s, e in out if text[s:e].strip()]


def find_all(text: str, needle: str, case_insensitive: bool = False) -> list[tuple[int, int]]:
    """Every (start, end) of `needle` in `text` (literal; lower-cased if asked and lengths agree)."""
    if not needle:
        return []
    hay, pin = text, needle
    if case_insensitive:
        hay, pin = text.lower(), needle.lower()
        if len(hay) != len(text) or len(pin) != len(needle):
            return []
    out, at = [], hay.find(pin)
    while at >= 0:
        out.append((at, at + len(pin)))
        at = hay.find(pin, at + len(pin))
    return out


def marked(text: str, spans: list[tuple[int, int, str]]) -> str:
    """`text` escaped, with each (start, end, colour) span wrapped in :colour-background[...].

    Where spans overlap the earlier one in the list wins, so pass the citation before search hits."""
    colour: list[str | None] = [None] * len(text)
    for start, end, c in reversed(spans):
        for i in range(max(0, start), min(len(text), end)):
            colour[i] = c
    out, i = [], 0
    while i < len(text):
        j = i
        while j < len(text) and colour[j] == colour[i]:
            j += 1
        chunk = md_escape(text[i:j])
        if colour[i] and text[i:j].strip():
            lead = len(chunk) - len(chunk.lstrip(" "))
            trail = len(chunk) - len(chunk.rstrip(" "))
            core = chunk.strip(" ")
            text_md = f":{colour[i]}-background[{core}]"
            if colour[i] == L.CITE_COLOUR:
                text_md = f"**{text_md}**"
            out.append(" " * lead + text_md + " " * trail)
        else:
            out.append(chunk)
        i = j
    return "".join(out)


def _highlights(text: str, quote: str | None, term: str) -> list[tuple[int, int, str]]:
    spans = []
    if quote:
        at = text.find(quote)
        if at >= 0:
            spans.append((at, at + len(quote), L.CITE_COLOUR))
    spans += [(s, e, L.SEARCH_COLOUR) for s, e in find_all(text, term, case_insensitive=True)]
    return spans


def body_markdown(body: str, quote: str | None = None, term: str = "") -> str:
    """A section's text as Markdown paragraphs, with the quote and the search term highlighted.

    The quote is located in the whole text first (it may run across a paragraph break)."""
    spans = _highlights(body, quote, term)
    parts = []
    for start, end in paragraphs(body):
        local = [(max(s, start) - start, min(e, end) - start, c) for s, e, c in spans if s < end and e > start]
        piece = body[start:end]
        if piece.startswith("- "):  # a dash item becomes a Markdown bullet
            local = [(max(0, s - 2), e - 2, c) for s, e, c in local if e > 2]
            parts.append("- " + marked(piece[2:], local))
        else:
            parts.append(marked(piece, local))
    return "\n\n".join(parts)


def section_markdown(row, lang: str, depth: int, quote: str | None = None, term: str = "") -> str:
    """One section: its heading (in English with the Vietnamese below it, for English readers) and
    its text. `depth` is the level below the section being shown (0 = the section itself)."""
    hashes = "#" * min(3 + depth, 6)
    heading_vi = marked(row.heading_vi, _highlights(row.heading_vi, quote, term))
    if lang == "vi":
        head = f"{hashes} {heading_vi}"
    else:
        head = f"{hashes} {md_escape(row.title_en)}\n\n*{heading_vi}*"
    body = body_markdown(row.body_vi, quote, term) if isinstance(row.body_vi, str) and row.body_vi else ""
    return head + ("\n\n" + body if body else "")


def contains_quote(row, quote: str) -> bool:
    return bool(quote) and (quote in row.heading_vi or quote in (row.body_vi or ""))


def subtree_markdown(shown: pd.DataFrame, lang: str, cite: dict | None = None, term: str = "") -> list[str]:
    """One Markdown block per section of queries.sources.section_subtree(), headings sized by depth
    below the first (shown) section; the cited sentence is highlighted in its own section."""
    if shown.empty:
        return []
    top = int(shown["level"].min())
    quote = cite["quote_vi"] if cite else None
    return [section_markdown(row, lang, int(row.level) - top,
                             quote if cite and row.section_id == cite["section"] else None, term)
            for row in shown.itertuples()]


def cited_markdown(cite: dict, lang: str) -> str:
    """The cited sentence on its own, highlighted, with where it is."""
    quote = cite["quote_vi"]
    return (f"**{L.pick(L.CITED, lang)}** ({L.cited_caption(cite, lang)}):  \n"
            f"“{marked(quote, [(0, len(quote), L.CITE_COLOUR)])}”")


def result_label(row, lang: str, width: int = 90) -> str:
    title = L.section_title(row, lang)
    if len(title) > width:
        title = title[: width - 1].rstrip() + "…"
    return L.pick(L.RESULT_LABEL, lang).format(section=row.section_id, title=md_escape(title),
                                           hits=fmt.count(int(row.n_hits), lang))


def contents_label(row, lang: str, width: int = 80) -> str:
    """A contents entry (a radio option, Markdown): indented by level, top-level headings in bold."""
    title = L.section_title(row, lang)
    if len(title) > width:
        title = title[: width - 1].rstrip() + "…"
    text = f"{row.section_id} · {md_escape(title)}"
    return "\u2003" * int(row.level) + (f"**{text}**" if int(row.level) == 0 else text)
