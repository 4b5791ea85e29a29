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
