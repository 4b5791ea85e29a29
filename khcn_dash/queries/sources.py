"""The document itself: sections, citations, search, metadata."""
from __future__ import annotations

import pandas as pd

from .. import served
from ._db import cached, df


@cached
def sections() -> pd.DataFrame:
    """Headings in document order. Columns: section_id, parent_id, ordinal, level, heading_vi, title_en."""
    return df("""SELECT section_id, parent_id, ordinal, level, heading_vi, title_en FROM sections
                 ORDER BY ordinal, section_id""")


@cached
def section_text(section_id: str) -> dict | None:
    """{section_id, heading_vi, title_en, body_vi, level, parent_id} or None for an unknown id."""
    found = df("""SELECT section_id, heading_vi, title_en, body_vi, level, parent_id
                  FROM sections WHERE section_id = $section_id""", section_id=section_id)
    return None if found.empty else found.iloc[0].to_dict()


@cached
def citation(cite_id: str) -> dict | None:
    """{cite_id, section, quote_vi} or None for an unknown id."""
    found = df("SELECT cite_id, section, quote_vi FROM citations WHERE cite_id = $cite_id", cite_id=cite_id)
    return None if found.empty else found.iloc[0].to_dict()


@cached
def citations(cite_ids: tuple[str, ...]) -> pd.DataFrame:
    """Citations for a set of ids, in document order. Columns: cite_id, section, quote_vi, title_en, heading_vi."""
    return df("""
        SELECT c.cite_id, c.section, c.quote_vi, s.title_en, s.heading_vi
        FROM citations c JOIN sections s ON s.section_id = c.section
        WHERE list_contains($ids, c.cite_id) ORDER BY c.start_offset, c.cite_id""", ids=list(cite_ids))


@cached
def search(term: str) -> pd.DataFrame:
    """Sections whose heading or text contains `term` (case-insensitive, literal).
    Columns: section_id, heading_vi, title_en, n_hits, snippet."""
    return df("""
        WITH s AS (SELECT *, heading_vi || ' ' || body_vi AS full_text FROM sections)
        SELECT section_id, heading_vi, title_en,
               (length(lower(full_text)) - length(replace(lower(full_text), lower($term), '')))
                   // greatest(length($term), 1) AS n_hits,
               substr(full_text, greatest(1, strpos(lower(full_text), lower($term)) - 60), 160) AS snippet
        FROM s WHERE length($term) > 0 AND strpos(lower(full_text), lower($term)) > 0
        ORDER BY ordinal, section_id""", term=term)


@cached
def document_facts(doc_id: str | None = None) -> pd.DataFrame:
    """The facts of document `doc_id` (its number; default: the served one's). Columns: fact, value_vi, value_en, section, source_quote, cite_id."""
    return df("""SELECT fact, value_vi, value_en, section, source_quote, cite_id FROM document_facts
                 WHERE doc_id = $doc_id
                 ORDER BY list_position(['number', 'issuer', 'place', 'issued_on', 'title', 'basis',
                                         'signer_title', 'signer'], fact), fact""", doc_id=doc_id or served.number())


@cached
def recipients(doc_id: str | None = None) -> pd.DataFrame:
    """Who document `doc_id` (its number; default: the served one's) is sent to. Columns: seq, recipient_vi, recipient_en, section, source_quote, cite_id."""
    return df("""SELECT seq, recipient_vi, recipient_en, section, source_quote, cite_id
                 FROM document_recipients WHERE doc_id = $doc_id ORDER BY seq""", doc_id=doc_id or served.number())


@cached
def section_subtree(section_id: str | None = None) -> pd.DataFrame:
    """A section and every section under it, in document order (the whole document when
    `section_id` is None; no rows for an unknown id). Columns: section_id, parent_id, level,
    heading_vi, title_en, body_vi."""
    return df("""
        WITH RECURSIVE tree AS (
            SELECT section_id FROM sections WHERE $section_id IS NULL OR section_id = $section_id
            UNION
            SELECT s.section_id FROM sections s JOIN tree t ON s.parent_id = t.section_id)
        SELECT s.section_id, s.parent_id, s.level, s.heading_vi, s.title_en, s.body_vi
        FROM sections s SEMI JOIN tree t USING (section_id)
        ORDER BY s.ordinal, s.section_id""", section_id=section_id)
