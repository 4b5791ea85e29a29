"""Say only what the document says (issue #11): a value the document does not state is empty and
shown as "văn bản không nêu"; alike things are treated alike."""
from __future__ import annotations

from khcn_dash.charts import review as charts
from khcn_dash.labels import UI
from khcn_dash.queries import ip, review


def test_only_the_agriculture_tasks_are_said_to_be_under_way():
    """Only the agriculture lead-in says "đang triển khai"; the other groups' lead-ins ("…như:") give
    no status, so none is shown as fact."""
    rows = review.research_highlights()
    assert set(rows.loc[rows["field_code"] == "agriculture", "status"]) == {"ongoing"}
    others = rows[rows["field_code"].isin(["social_humanities", "engineering_technology"])]
    assert len(others) > 0 and others["status"].isna().all()
    table = charts.highlights_table(others, ip.districts(), "vi")
    assert set(table.iloc[:, 3]) == {UI["not_stated"][0]}  # the status column: "văn bản không nêu"
    assert "Đang triển khai" not in table.to_string()


def test_the_ministry_tasks_have_no_field_the_document_does_not_give():
    tasks = review.ministry_tasks()
    assert len(tasks) == 2 and tasks["field_code"].isna().all()
    shown = charts.ministry_tasks_table(tasks, "vi").to_string()
    assert UI["not_stated"][0] in shown
    assert "Y dược" not in shown and "Nông nghiệp" not in shown


def test_every_product_named_only_after_mau_son_is_placed_alike():
    """"Gà sáu ngón Mẫu Sơn" and "Rượu Mẫu Sơn" are both named only after Mẫu Sơn: both are placed in
    Lộc Bình and Cao Lộc, marked as inferred from the place name."""
    research = ip.research_by_district()
    chicken = research[research["highlight_id"] == "RH-16"]
    assert sorted(chicken["district_id"]) == ["cao-loc", "loc-binh"]
    assert set(chicken["basis"]) == {"place_name"}
    wine = ip.ip_assets().set_index("asset_id").loc["ct-ruou-mau-son"]
    assert sorted(wine["district_ids"]) == ["cao-loc", "loc-binh"] and list(wine["district_basis"]) == ["place_name"]


def test_no_column_claims_a_holder_the_document_does_not_name():
    """The IP assets carry the place in each product's name, as written, not a 'holder'."""
    from khcn_dash import schema

    columns = {c.name for c in schema.TABLES["ip_assets"].columns}
    assert "place_vi" in columns and not any("holder" in c for c in columns)
    assets = ip.ip_assets().set_index("asset_id")
    assert assets.loc["ct-chanh-rung-mau-son", "place_vi"] == "vùng núi Mẫu Sơn"


def test_each_assets_status_is_worded_as_the_document_words_it():
    """"Hoàn thành việc xây dựng" for the collective trademarks, "tiếp tục quảng bá, phát triển" for the
    indications and the certification mark, "Tiếp tục thực hiện xây dựng" for the last two; each
    phrase is in the asset's own sentence."""
    from khcn_dash import labels

    for r in ip.ip_assets().itertuples():
        words = labels.ip_status_words(r.ip_type, r.status, "vi")
        assert words.lower() in r.source_quote.lower(), (r.asset_id, words)


# --- every value in its quote: the build refuses a row that claims what its sentence does not say ---

import csv  # noqa: E402
import io  # noqa: E402
import shutil  # noqa: E402

import pytest  # noqa: E402

from khcn_dash import build, config  # noqa: E402


def _mutate(src, table: str, key: tuple[str, ...], row_key: tuple[str, ...], column: str, value: str) -> None:
    """Sets one cell of the package's <table>.csv in a copy (keeping the file's line endings)."""
    path = src / f"{table}.csv"
    raw = path.read_bytes().decode("utf-8")
    reader = csv.DictReader(io.StringIO(raw.replace("\r\n", "\n")))
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=reader.fieldnames, lineterminator="\r\n" if "\r\n" in raw else "\n")
    writer.writeheader()
    hit = 0
    for r in reader:
        if tuple(r[k] for k in key) == row_key:
            assert r[column] != value, "the mutation must change something"
            r[column] = value
            hit += 1
        writer.writerow(r)
    assert hit == 1, (table, row_key)
    path.write_bytes(out.getvalue().encode("utf-8"))


MUTATIONS = [
    # (what a careless edit does, table, key columns, row, column, new value, the check that refuses it)
    ("moving a stated district", "research_highlight_districts", ("highlight_id", "district_id"),
     ("RH-02", "chi-lang"), "district_id", "huu-lung", "a stated district is named in the quote"),
    ("changing an instrument's date", "legal_instruments", ("instrument_id",), ("cv-254-bkhcn-khth-2020",),
     "issued_on", "2020-02-08", "the issue date is in the quote"),
    ("changing an instrument's number", "legal_instruments", ("instrument_id",), ("cv-254-bkhcn-khth-2020",),
     "number", "255/BKHCN-KHTH", "the number is in the quote"),
    ("turning a continuing project into a new one", "budget_lines", ("budget_line_id",), ("2021-lab-upgrade",),
     "project_status", "new", "the project status is in the quote"),
    ("dropping the Ministry as funder", "budget_lines", ("budget_line_id",), ("2021-radiation-station-equipment",),
     "funder", "", "the Ministry is the funder exactly when the quote names it"),
    ("making the Ministry fund another line", "budget_lines", ("budget_line_id",), ("2021-lab-upgrade",),
     "funder", "ministry", "the Ministry is the funder exactly when the quote names it"),
    ("removing 'khoảng' from 'about 40 tasks'", "indicators", ("indicator_id",), ("2021-planned-tasks",),
     "qualifier", "", "'khoảng' (about) is in the quote exactly when the value is approximate"),
    ("rewording a title", "ministry_tasks", ("task_id",), ("MT-2",), "title_vi",
     "Xây dựng mô hình sản xuất giống cá trắng tại tỉnh Lạng Sơn", "the title is written as in the quote"),
    ("rewording a project's name", "projects", ("project_id",), ("lab-upgrade",), "name_vi",
     "Nâng cấp phòng thí nghiệm của Trung tâm", "the name is written as in the quote"),
    ("swapping a research subject", "research_highlights", ("highlight_id",), ("RH-01",), "subject_vi", "Hồi",
     "the subject is in the quote"),
    ("giving a status the document never gives", "research_highlights", ("highlight_id",), ("RH-24",), "status",
     "completed", "a status is one the document gives"),
    ("changing a status it gives", "research_highlights", ("highlight_id",), ("RH-01",), "status", "pilot",
     "a status is one the document gives"),
    # review_items (the whole review as data)
    ("giving a review item a figure its sentence does not state", "review_items", ("item_id",), ("A.II.3-02",),
     "figures", "06 doanh nghiệp", "every figure is written in the quote"),
    ("writing a review item's figure in another style", "review_items", ("item_id",), ("A.II.8-02",), "figures",
     "21474 triệu đồng; 05 dự án", "every figure is written in the quote"),
    ("rewording a review item", "review_items", ("item_id",), ("A.II.5-03",), "text_vi",
     "Sở KH&CN tỉnh Quảng Tây (Trung Quốc)", "the item is written as in the quote"),
    ("filing a review item under a broader section", "review_items", ("item_id",), ("A.II.9.3-04",), "section",
     "A.II.9", "the section is the most specific one holding the quote"),
]


@pytest.fixture(scope="module")
def good_sources(tmp_path_factory):
    src = tmp_path_factory.mktemp("fidelity") / "source"
    shutil.copytree(config.SOURCE_DIR, src)
    return src


@pytest.mark.parametrize("what, table, key, row, column, value, check", MUTATIONS, ids=[m[0] for m in MUTATIONS])
def test_the_build_refuses_a_value_its_quote_does_not_carry(good_sources, tmp_path, what, table, key, row, column,
                                                          value, check):
    src = tmp_path / "source"
    shutil.copytree(good_sources, src)
    _mutate(src, table, key, row, column, value)
    with pytest.raises(build.BuildError) as exc:
        build.build(src, tmp_path / "parquet")
    message = str(exc.value)
    assert check in message, message
    assert any(part in message for part in row), message  # the message names the row
    assert not (tmp_path / "parquet").exists()  # nothing written
