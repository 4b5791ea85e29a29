"""Text that someone else wrote (the document, or a user's scenario name) placed inside our markup,
shown exactly as written. The one place where such text is escaped: Markdown for Streamlit, HTML
for Plotly labels, and the visible stand-in for characters a PDF font cannot draw.
"""
from __future__ import annotations

import html
import re
import string
import textwrap

# Every ASCII punctuation character may be backslash-escaped in CommonMark, and escaping all of them
# is the only safe rule: besides the usual * _ [ ] ( ), '&' starts an entity (&lt; &rlm;), ':'
# starts Streamlit's own directives (:red[…], :material/…:, emoji shortcodes), '.', ':' and '/'
# make a bare address into a live link, and '-', '=', '#', '1.' start blocks.
_MD_PUNCTUATION = frozenset(string.punctuation)


# Streamlit's Markdown also turns bare addresses into links (GFM "autolink literals": www.…, …://…,
# a@b.c), and it does so after escapes are read, so no backslash can stop it. An invisible word
# joiner (U+2060) right before the '.', '//' or '@' that would start one keeps the text as text; it
# shows nothing and changes no line breaks.
_WORD_JOINER = "\u2060"
_AUTOLINK_STARTS = re.compile(r"(?i)(?<=www)(?=\.)|(?<=:)(?=//)|(?=@)")


def md_escape(text) -> str:
    """Plain text -> Markdown that Streamlit shows as exactly that text (no link, no colour, no
    entity decoded, no list or heading)."""
    raw = _AUTOLINK_STARTS.sub(_WORD_JOINER, str(text))
    return "".join("\\" + ch if ch in _MD_PUNCTUATION else ch for ch in raw)


def html_escape(text) -> str:
    """Plain text -> text for Plotly labels and hovers, which read a few HTML tags and entities."""
    return html.escape(str(text), quote=False)


def plot_text(text, width: int = 70) -> str:
    """Long document text inside a Plotly label or hover: HTML-escaped and wrapped with <br>."""
    return "<br>".join(html_escape(line) for line in textwrap.wrap(str(text), width)) or ""

