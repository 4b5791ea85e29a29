"""Sources page: the document by section, contents, search, and citation links that open their
section with the cited sentence highlighted."""
from __future__ import annotations

import re

import pandas as pd
import pytest

from khcn_dash import documents
from khcn_dash.labels import sources as L
from khcn_dash.summaries import sources as summaries
from khcn_dash.queries import budget, sources
from tests.conftest import open_page, open_sources, shown

_HIGHLIGHT = re.compile(r":orange-background\[((?:\\.|[^\]\\])*)\]")


def _unescape(md: str) -> str:
    return re.sub(r"\\(.)", r"\1", md)


def _squash(text: str) -> str:
    """Text without white space or dashes, to compare across the paragraph breaks we insert."""
    return re.sub(r"[\s\-]+", "", text)


def _highlighted(blocks: list[str]) -> str:
    return "".join(_unescape(m) for block in blocks for m in _HIGHLIGHT.findall(block))


def _section_blocks(at) -> list[str]:
    """The document text on screen (Markdown blocks that start with a heading)."""
    return [shown(m.value) for m in at.markdown if m.value.startswith("#")]


# --- query added for this page ---------------------------------------------------------------

def test_section_subtree_is_the_section_and_its_descendants_in_order():
    sub = sources.section_subtree("A.II.1")
    assert list(sub.section_id) == ["A.II.1", "A.II.1.1", "A.II.1.2", "A.II.1.3"]
    assert "90 đề tài" in " ".join(sub.body_vi)
    assert list(sources.section_subtree("A.II.8").section_id) == ["A.II.8"]


def test_section_subtree_whole_document_and_unknown_id():
    whole = sources.section_subtree(None)
    assert len(whole) == len(sources.sections()) and whole.section_id.iloc[0] == "header"
    assert sources.section_subtree("../../etc/passwd").empty


# --- the page --------------------------------------------------------------------------------

def test_opens_the_whole_document_from_the_start_by_default():
    at = open_page("sources")
    assert not at.exception and not at.error
    assert at.selectbox(key="section").value == "all"
    blocks = _section_blocks(at)
    assert len(blocks) == len(sources.sections())
    assert blocks[0].startswith("### ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN")
    assert any("Tổng kinh phí dự kiến là 66.769,9 triệu đồng" in b for b in blocks)


def test_section_address_opens_that_section():
    at = open_page("sources", section="A.II.8")
    assert at.selectbox(key="section").value == "A.II.8"
    blocks = _section_blocks(at)
    assert len(blocks) == 1 and blocks[0].startswith("### 8. Tình hình thực hiện các dự án")
    assert "21.474 triệu đồng cho 05 dự án" in blocks[0]
    assert at.radio(key="contents").value == "A.II.8"


def test_a_parent_section_opens_with_its_subsections():
    at = open_page("sources", section="A.II.1")
    heads = [b.split("\n")[0] for b in _section_blocks(at)]
    assert heads[0].startswith("### 1. Kết quả") and heads[-1].startswith("#### 1.3. Tình hình")
    assert len(heads) == 4


@pytest.mark.parametrize("lang,notice", [("vi", "không có trong văn bản"), ("en", "does not have")])
@pytest.mark.parametrize("bad", ["Z.9", "<script>alert(1)</script>", "../../etc/passwd", "' OR 1=1 --", "A.II.8 "])
def test_unknown_section_gives_a_notice_and_the_start_of_the_document(lang, notice, bad):
    at = open_page("sources", section=bad, lang=lang)
    assert not at.exception and not at.error
    assert any(notice in w.value for w in at.warning)
    assert at.selectbox(key="section").value == "all"
    assert _section_blocks(at)[0].startswith("### ")
    assert "section" not in at.query_params


@pytest.mark.parametrize("bad", ["nothex!!!!", "0000000000", "<img src=x onerror=alert(1)>", ""])
def test_unknown_cite_gives_a_notice_and_keeps_the_section(bad):
    at = open_page("sources", section="B.II", cite=bad)
    assert not at.exception and not at.error
    assert any("Không tìm thấy câu trích dẫn" in w.value for w in at.warning)
    assert at.selectbox(key="section").value == "B.II"
    assert _highlighted(_section_blocks(at)) == ""


def test_cite_highlights_the_sentence_inside_its_section():
    total = budget.stated_total("budget_total_mvnd", "2021")
    at = open_page("sources", section="B.II", cite=total["cite_id"])
    blocks = _section_blocks(at)
    assert _highlighted(blocks) == "Tổng kinh phí dự kiến là 66.769,9 triệu đồng"
    assert "**:orange-background[Tổng kinh phí dự kiến là 66.769,9 triệu đồng]**, trong đó:" in blocks[0]
    cited = shown(next(m.value for m in at.markdown if m.value.startswith("**Câu được trích dẫn**")))
    assert "mục B.II" in cited and "66.769,9" in cited


def test_cite_without_a_section_opens_the_cited_section():
    total = budget.stated_total("budget_total_mvnd", "2021")
    at = open_page("sources", cite=total["cite_id"])
    assert at.selectbox(key="section").value == "B.II"
    assert "66.769,9" in _highlighted(_section_blocks(at))


def _linked_cites(page: str) -> set[tuple[str, str]]:
    at = open_sources(open_page(page))
    out = set()
    for link in at.get("page_link"):
        params = dict(p.split("=", 1) for p in link.proto.query_string.split("&") if "=" in p)
        if link.proto.page == "sources" and "cite" in params:
            out.add((params["section"], params["cite"]))
    return out


@pytest.fixture(scope="module")
def linked_cites() -> list[tuple[str, str]]:
    cites = _linked_cites("overview") | _linked_cites("budget")
    assert len(cites) >= 20
    return sorted(cites)


def test_every_citation_link_of_the_overview_and_budget_pages_opens_its_highlighted_sentence(linked_cites):
    for section, cite_id in linked_cites:
        at = open_page("sources", section=section, cite=cite_id)
        assert not at.exception and not at.warning, (section, cite_id)
        quote = sources.citation(cite_id)["quote_vi"]
        assert _squash(quote) in _squash(_highlighted(_section_blocks(at))), (section, cite_id, quote)


def test_every_citation_in_the_document_highlights_in_its_section():
    """The pure renderer, for all citations (the AppTest above covers the links the pages show)."""
    all_cites = pd.read_parquet(documents.default().parquet_dir / "citations.parquet")
    assert len(all_cites) > 200
    for c in all_cites.itertuples():
        shown = sources.section_subtree(c.section)
        blocks = summaries.subtree_markdown(shown, "vi", {"cite_id": c.cite_id, "section": c.section, "quote_vi": c.quote_vi})
        assert _squash(c.quote_vi) in _squash(_highlighted(blocks)), (c.cite_id, c.section, c.quote_vi)


def test_choosing_a_section_updates_the_address_and_drops_the_old_citation():
    total = budget.stated_total("budget_total_mvnd", "2021")
    at = open_page("sources", section="B.II", cite=total["cite_id"])
    at.selectbox(key="section").set_value("A.II.10").run()
    assert at.query_params["section"] == "A.II.10"
    assert "cite" not in at.query_params
    assert _section_blocks(at)[0].startswith("### 10. Tình hình phân bổ")
    assert _highlighted(_section_blocks(at)) == ""


def test_the_contents_open_a_section_too():
    at = open_page("sources")
    at.radio(key="contents").set_value("B.I.4").run()
    assert at.selectbox(key="section").value == "B.I.4"
    assert _section_blocks(at)[0].startswith("### 4. Công tác sở hữu trí tuệ")


def test_search_lists_sections_with_hit_counts_and_highlights_the_words():
    at = open_page("sources")
    at.text_input(key="search").input("NHÃN HIỆU TẬP THỂ").run()
    summary = next(m.value for m in at.markdown if "có trong" in m.value)
    expected = sources.search("nhãn hiệu tập thể")
    assert f"có trong {len(expected)} mục, tổng cộng {int(expected.n_hits.sum())} lần" in summary
    results = [p for p in at.get("page_link") if p.proto.page == "sources"]
    first = expected.iloc[0]
    assert any(p.proto.query_string == f"section={first.section_id}" and f"({first.n_hits} lần)" in p.proto.label
               for p in results)
    assert any(":blue-background[nhãn hiệu tập thể]" in b for b in _section_blocks(at))


def test_search_is_literal_limited_and_escaped():
    at = open_page("sources")
    assert at.text_input(key="search").proto.max_chars == L.SEARCH_MAX_CHARS
    at.text_input(key="search").input("%_*[x](javascript:alert(1))").run()
    assert not at.exception
    summary = next(m.value for m in at.markdown if "Không tìm thấy" in m.value)
    assert "\\*\\[x\\]\\(javascript\\:alert\\(1\\)\\)" in summary  # escaped: no link
    assert "«%_*[x](javascript:alert(1))»" in shown(summary)
    assert summaries.search_term("  a" * 80) == ("  a" * 80).strip()[:100]


def test_english_shows_english_headings_with_the_vietnamese_heading_and_says_the_text_is_vietnamese():
    at = open_page("sources", section="A.II.8", lang="en")
    block = _section_blocks(at)[0]
    assert block.startswith("### 8. Development-investment projects for S&T")
    assert "*8. Tình hình thực hiện các dự án" in block
    assert any("The document is in Vietnamese" in i.value for i in at.info)


# --- pure text functions -----------------------------------------------------------------------

def test_paragraphs_split_lists_and_keep_offsets():
    body = sources.section_text("B.II")["body_vi"]
    spans = summaries.paragraphs(body)
    pieces = [body[s:e] for s, e in spans]
    assert pieces[0] == "Tổng kinh phí dự kiến là 66.769,9 triệu đồng, trong đó:"
    assert pieces[1] == "- Kinh phí sự nghiệp KH&CN: 33.427,9 triệu đồng;"
    assert _squash("".join(pieces)) == _squash(body)


def test_marked_gives_the_citation_priority_over_search_hits():
    text = "abc def ghi"
    md = summaries.marked(text, [(0, 7, "orange"), (4, 11, "blue")])
    assert md == "**:orange-background[abc def]** :blue-background[ghi]"  # spaces stay outside the marks


def test_a_quote_across_a_paragraph_break_is_highlighted_in_both_parts():
    body = "Trong đó: - Kinh phí A: 1 triệu đồng; - Kinh phí B: 2 triệu đồng."
    md = summaries.body_markdown(body, quote="1 triệu đồng; - Kinh phí B")
    assert _squash(_highlighted([md])) == _squash("1 triệu đồng; - Kinh phí B")
    assert md.count("orange-background") == 2


def test_a_new_address_in_the_same_session_opens_its_section():
    """A citation link followed later (same session) wins over the section chosen before."""
    at = open_page("sources", section="A.II.8")
    at.query_params["section"] = "B.II"
    at.run()
    assert at.selectbox(key="section").value == "B.II"
    at.text_input(key="search").input("kinh phí").run()  # a rerun on the same address keeps it
    assert at.selectbox(key="section").value == "B.II"
