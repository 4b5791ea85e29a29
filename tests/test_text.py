"""khcn_dash.text: user and document text inside Markdown and Plotly shows exactly as written."""
from __future__ import annotations

import markdown_it
import pytest

from khcn_dash.text import html_escape, md_escape, plot_text

HOSTILE = [
    "1. a *b* [c](d) #e - f = g & h | i",
    "[link](http://x) :red[x]",
    "&lt;b&gt; &rlm; &ZeroWidthSpace; &#x200F;",
    "http://example.com www.example.com",
    ":material/home: :smile: $x^2$",
    "# heading\\",
    "<script>alert(1)</script>",
    "> quote `code` ~~strike~~ __u__",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_markdown_shows_the_text_itself(text):
    """A CommonMark renderer turns the escaped text back into exactly the text: no tag, no entity."""
    html = markdown_it.MarkdownIt("commonmark").render(md_escape(text))
    assert html.startswith("<p>") and html.count("<") == 2, html  # one paragraph, nothing else
    inner = html.removeprefix("<p>").removesuffix("</p>\n").replace("\u2060", "")
    assert inner == html_escape(text).replace('"', "&quot;"), inner


def test_every_ascii_punctuation_is_escaped_and_letters_are_not():
    assert md_escape("Kịch bản: 10.000 (A)") == "Kịch bản\\: 10\\.000 \\(A\\)"
    assert md_escape("👩‍💻 שלום") == "👩‍💻 שלום"


def test_plotly_text_is_html_escaped_and_wrapped():
    assert plot_text("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;"
    assert plot_text("a " * 50, width=20).count("<br>") == 4


def test_bare_addresses_get_an_invisible_joiner_that_stops_autolinks():
    assert md_escape("www.x.org a@b.vn http://x.org") == (
        "www\u2060\\.x\\.org a\u2060\\@b\\.vn http\\:\u2060\\/\\/x\\.org")
