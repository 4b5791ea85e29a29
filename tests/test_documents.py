"""Several documents (issue #10, parts 4 and 5): a package made from the Lạng Sơn one with another
plan year is added by `python -m khcn_dash.packages add`; the dashboard then picks either document
(the sidebar, `?doc=`), every figure follows the chosen one, and the year-over-year page sets the
two side by side, each figure linked to its own document."""
from __future__ import annotations

import os
from decimal import Decimal

import pytest

from khcn_dash import config, documents, labels, served
from khcn_dash.labels import overview as L_overview
from khcn_dash.text import md_escape
from khcn_dash.labels import compare as L
from khcn_dash.queries import _db
from khcn_dash.queries import budget as q_budget
from tests.conftest import type_amount, line_amounts, NEW_DOC, OLD_DOC, open_page, scenarios_page, two_year_packages

OLD, NEW = OLD_DOC, NEW_DOC


@pytest.fixture(scope="module")
def two_years(tmp_path_factory):
    """A packages folder holding the Lạng Sơn package, and a 2022 plan made from it (the recurrent
    line and the total 1.000 triệu more, in the text and the tables) added by the command line."""
    packages, parquet = two_year_packages(tmp_path_factory.mktemp("docs"))
    from khcn_dash import build
    for doc_id in (OLD, NEW):  # as the app builds a document when it is first shown
        build.ensure_built(parquet / doc_id, packages / doc_id)
    return packages, parquet


@pytest.fixture
def served_from(two_years, monkeypatch):
    packages, parquet = two_years
    monkeypatch.setattr(config, "PACKAGES_DIR", packages)
    monkeypatch.setattr(config, "PARQUET_DIR", parquet)
    _db.forget()
    yield packages
    _db.forget()


def metrics(at) -> list[str]:
    return [m.value for m in at.metric]


def test_the_catalogue_lists_both_and_the_default_is_the_newest_of_the_first_province(served_from):
    assert [d.id for d in documents.catalogue()] == [NEW, OLD]
    assert documents.default().id == NEW
    assert documents.find("../etc") is None and documents.find(None) is None


def test_the_newest_document_is_shown_first_and_the_address_keeps_it(served_from):
    at = open_page("overview")
    assert not at.exception
    assert metrics(at)[:2] == ["67.769,9", "34.427,9"]  # the 2022 package's stated totals
    assert at.query_params["doc"] == NEW
    year = at.radio(key="doc_year")
    assert year.value == 2022 and year.options == ["Kế hoạch 2022", "Kế hoạch 2021"]
    assert at.selectbox(key="doc_province").value == "lang-son"


def test_choosing_a_year_changes_every_figure_and_the_address(served_from):
    at = open_page("overview", lang="en")
    at.radio(key="doc_year").set_value(2021).run()
    assert not at.exception
    assert metrics(at)[:2] == ["66,769.9", "33,427.9"]
    assert at.query_params["doc"] == OLD
    at.switch_page("pages/budget.py").run()  # a page change keeps the document
    assert not at.exception
    assert metrics(at)[0] == "66,769.9"


def test_a_link_opens_its_document_and_an_unknown_one_is_named_and_replaced(served_from):
    at = open_page("budget", doc=OLD)
    assert metrics(at)[0] == "66.769,9"
    at = open_page("budget", doc="ha-noi-2099", lang="en")
    assert not at.exception
    assert at.warning[0].value == labels.UI["doc_unknown"][1].format(doc=md_escape("ha-noi-2099"))
    assert metrics(at)[0] == "67,769.9" and at.query_params["doc"] == NEW


def test_cached_answers_are_kept_per_document(served_from):
    with served.using(documents.find(OLD)):
        old = q_budget.stated_total("budget_total_mvnd", "2021")["value"]
    with served.using(documents.find(NEW)):
        new = q_budget.stated_total("budget_total_mvnd", "2022")["value"]
        assert q_budget.stated_total("budget_total_mvnd", "2021") is None  # no 2021 plan in the 2022 package
    assert (old, new) == (Decimal("66769.9"), Decimal("67769.9"))


def test_the_comparison_sets_the_two_plans_side_by_side_with_each_change_and_source(served_from):
    at = open_page("compare", lang="en")
    assert not at.exception and not at.warning
    assert [s.value for s in at.subheader] == [L.TOTALS[1], L.PROJECTS[1], L.TASKS[1], L.IP[1]]
    totals = at.dataframe[0].value.set_index("Item")
    assert list(totals.columns[:4]) == ["Plan 2021", "Plan 2022", "Change", "Change (%)"]
    assert totals.loc["Total budget", ["Plan 2021", "Plan 2022", "Change"]].tolist() == ["66,769.9", "67,769.9", "+1,000"]
    assert totals.loc["Development investment", "Change"] == "0"
    # each figure opens its own document's sentence
    old_link, new_link = totals.loc["Total budget", ["Source 2021", "Source 2022"]]
    assert f"doc={OLD}" in old_link and f"doc={NEW}" in new_link and "section=B.II" in old_link
    at2 = open_page("sources", **dict(part.split("=") for part in new_link.split("?")[1].split("&")))
    assert not at2.exception and "67.769,9" in " ".join(m.value for m in at2.markdown).replace("\\", "")
    # the review's actuals beside the review's actuals, never added to a plan
    tasks = at.dataframe[2].value.set_index("Item")
    assert tasks["Plan 2021"].tolist() == tasks["Plan 2022"].tolist() and set(tasks["Change"]) == {"0"}


def test_the_overview_links_to_the_comparison(served_from):
    at = open_page("overview")
    assert labels.pick(L_overview.COMPARE_LINK, "vi") in {link.proto.label for link in at.get("page_link")}


def test_with_one_document_the_comparison_says_so_and_there_is_no_picker():
    at = open_page("compare")
    assert not at.exception
    assert [i.value for i in at.info] == [L.ONLY_ONE[0].format(province="Lạng Sơn", doc="100/KH-UBND")]
    assert "doc_year" not in {r.key for r in at.radio} and "doc" not in at.query_params


def test_a_saved_scenario_belongs_to_its_document(served_from):
    """Saved while the 2022 plan is shown, it is listed there and not under 2021; changing the
    document drops the session's unsaved scenario (its lines are another document's)."""
    at = scenarios_page(lang="en")
    at.radio(key="scn_mode").set_value("free").run()
    type_amount(at, "2021-lab-upgrade", "12.000")
    at.text_input(key="scn_save_name").set_value("Lab first")
    at.button(key="scn_save_submit").click().run()
    assert not at.exception
    from khcn_dash import scenario_store as stores
    store = stores.open_store()
    assert "Lab first" in {r["name"] for r in store.list_scenarios(doc_id=NEW)}
    assert "Lab first" not in {r["name"] for r in store.list_scenarios(doc_id=OLD)}
    links = [c.value for c in at.code if "/scenarios?" in c.value]
    assert links and all(f"doc={NEW}" in link for link in links)  # a shared link opens its document
    at.radio(key="doc_year").set_value(2021).run()
    assert not at.exception
    assert line_amounts(at)["2021-lab-upgrade"] == "10,000"  # the 2021 plan as written
    assert not any("Lab first" in option for box in at.selectbox for option in box.options)


def test_the_catalogue_reads_again_only_the_descriptor_that_changed(served_from, monkeypatch):
    from khcn_dash.packages import descriptor
    reads = []
    real = descriptor.identity
    monkeypatch.setattr(descriptor, "identity", lambda folder: reads.append(folder.name) or real(folder))
    monkeypatch.setattr(documents, "RESCAN_SECONDS", 0.0)
    documents.forget()
    assert [d.id for d in documents.catalogue()] == [NEW, OLD] and sorted(reads) == [OLD, NEW]
    reads.clear()
    path = served_from / NEW / config.DESCRIPTOR
    stamp = path.stat().st_mtime_ns + 10**9
    os.utime(path, ns=(stamp, stamp))
    assert [d.id for d in documents.catalogue()] == [NEW, OLD] and reads == [NEW]


def test_connections_are_kept_for_the_documents_used_last(served_from, monkeypatch):
    monkeypatch.setattr(_db, "MAX_CONNECTIONS", 1)
    _db.forget()
    for doc_id in (OLD, NEW):
        with served.using(documents.find(doc_id)):
            assert q_budget.budget_sum_exact(documents.find(doc_id).plan, "plan") > 0
    assert list(_db._connections) == [documents.find(NEW).parquet_dir.resolve()]
