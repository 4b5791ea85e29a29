"""Overview page: the key figures as cards, each with its sentence and a link to its page."""
from __future__ import annotations

from khcn_dash.queries import review


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
