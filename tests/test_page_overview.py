"""Overview page: the key figures as cards, each with its sentence and a link to its page."""
from __future__ import annotations

import datetime as dt

import pytest

from khcn_dash.labels import overview as L
from khcn_dash.queries import budget, review, sources
from khcn_dash.summaries import overview as S
from tests.conftest import open_page, open_sources


# --- queries added for this page -------------------------------------------------------------

def test_tasks_total_is_the_90_tasks_of_section_A_II_1_3():
    total = review.tasks_total()
    assert (total["n_tasks"], total["n_fields"]) == (90, 4)
    assert len(total["cite_ids"]) == 4


def test_ip_totals_by_status_protected_24_in_progress_2():
    by_status = review.ip_totals_by_status().set_index("status")
    assert by_status.loc["protected", "n_assets"] == 24  # 2 GI + 1 certification mark + 21 collective
    assert by_status.loc["protected", "n_types"] == 3
    assert by_status.loc["in_progress", "n_assets"] == 2
    assert all(len(ids) >= 1 for ids in by_status["cite_ids"])


# --- the page -----------------------------------------------------------------------------------

def _metrics(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def _text(at) -> str:
    return "\n".join([m.value for m in at.markdown] + [c.value for c in at.caption])


@pytest.fixture(scope="module")
def vi():
    return open_page("overview")


@pytest.fixture(scope="module")
def en():
    return open_page("overview", lang="en")


def test_runs_without_exception_in_both_languages(vi, en):
    for at in (vi, en):
        assert not at.exception, [e.message for e in at.exception]
        assert not at.error, [e.value for e in at.error]


def test_cards_show_the_key_figures_in_vietnamese(vi):
    assert _metrics(vi) == {
        "Tổng dự toán 2021 (triệu đồng)": "66.769,9",
        "Kinh phí sự nghiệp (triệu đồng)": "33.427,9",
        "Đầu tư phát triển (triệu đồng)": "33.342",
        "Đề tài, dự án cấp tỉnh": "90",
        "Tài sản trí tuệ": "24",
        "Doanh nghiệp KH&CN": "5",
        "Vốn đầu tư (triệu đồng)": "21.474",
    }
    text = _text(vi)
    assert "2 chỉ dẫn địa lý, 1 nhãn hiệu chứng nhận, 21 nhãn hiệu tập thể; 2 đang xây dựng" in text
    assert "Nông nghiệp và phát triển nông thôn 45" in text and "Y dược 8" in text
    assert "50,1% tổng dự toán 2021" in text


def test_cards_in_english(en):
    metrics = _metrics(en)
    assert metrics["Total 2021 budget (million VND)"] == "66,769.9"
    assert metrics["Investment (million VND)"] == "21,474"
    assert "2 geographical indications, 1 certification mark, 21 collective trademarks; 2 in progress" in _text(en)


def test_the_answer_paragraph_says_how_much_and_where_it_goes(vi, en):
    answer = next(m.value for m in vi.markdown if m.value.startswith("Năm 2021, tỉnh Lạng Sơn"))
    for part in ("**66.769,9 triệu đồng**", "**33.427,9 triệu đồng** (50,1%)", "**33.342 triệu đồng** (49,9%)",
                 "3 dự án", "Thiết bị trạm quan trắc phóng xạ (15.000 triệu đồng, dự án mới, vốn từ Bộ KH&CN)",
                 "không chia chi tiết"):
        assert part in answer, part
    assert "**66,769.9 million VND**" in next(m.value for m in en.markdown if m.value.startswith("In 2021"))


def test_document_identity_number_date_signer(vi, en):
    assert "**Kế hoạch số 100/KH-UBND** ngày 12/06/2020" in _text(vi) and "Nguyễn Long Hải" in _text(vi)
    assert "**Plan 100/KH-UBND** of 12 Jun 2020" in _text(en)


def test_every_card_links_to_its_page_and_cites_its_sentence(vi):
    targets = [p.proto.page for p in vi.get("page_link") if "cite=" not in p.proto.query_string]
    assert targets.count("budget") == 4 and targets.count("review") == 2 and "map" in targets and "sources" in targets
    notes = [e.label for e in vi.expander if e.label.startswith("Nguồn trong văn bản")]
    assert len(notes) == 8  # the document box and seven cards
    cited = {p.proto.query_string for p in open_sources(open_page("overview")).get("page_link")
             if "cite=" in p.proto.query_string}
    total = budget.stated_total("budget_total_mvnd", "2021")
    assert f"section=B.II&cite={total['cite_id']}" in cited
    assert any(s.startswith("section=A.II.3&") for s in cited)  # the S&T enterprises


def test_unit_switch_changes_the_money_cards_and_the_answer():
    at = open_page("overview", unit="bvnd")
    metrics = _metrics(at)
    assert metrics["Tổng dự toán 2021 (tỷ đồng)"] == "66,7699"
    assert metrics["Vốn đầu tư (tỷ đồng)"] == "21,474"
    assert metrics["Đề tài, dự án cấp tỉnh"] == "90"  # counts are not money
    assert "**66,7699 tỷ đồng**" in _text(at)
    at.radio(key="unit").set_value("mvnd").run()
    assert _metrics(at)["Tổng dự toán 2021 (triệu đồng)"] == "66.769,9"


def test_language_switch_changes_the_cards():
    at = open_page("overview")
    at.radio(key="lang").set_value("en").run()
    assert "Total 2021 budget (million VND)" in _metrics(at)


def test_document_identity_is_built_from_the_facts():
    text = S.document_identity(sources.document_facts(), "vi")
    assert text.startswith("**Kế hoạch số 100/KH-UBND** ngày 12/06/2020 của Ủy ban nhân dân tỉnh Lạng Sơn")
    assert text.endswith("Người ký: KT. Chủ tịch – Phó Chủ tịch Nguyễn Long Hải.")
    assert S.count(5.0, "vi") == "5" and S.count(1234, "vi") == "1.234"
    assert dt.date(2020, 6, 12).isoformat() in set(sources.document_facts().value_vi)
