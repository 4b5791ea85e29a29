"""Sources page: the document by section, search, and citation links that highlight their quote."""
from __future__ import annotations

from khcn_dash.queries import sources


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
