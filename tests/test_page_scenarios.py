"""The scenario page through AppTest: the department head's story, bad input, links, saving,
versions, deleting, comparing, and a database that is locked or read-only."""
from __future__ import annotations

import io
import subprocess
import sys
from decimal import Decimal as D

import openpyxl
import pytest

from khcn_dash import export
from khcn_dash import scenario as m
from khcn_dash import scenario_store as stores
from khcn_dash.charts import scenarios as cs
from khcn_dash.scenario_session import K
from khcn_dash.labels import scenarios as L
from khcn_dash.queries import scenarios as q
from khcn_dash.labels import UI
from tests.conftest import (ROOT, line_amounts, open_page, open_parts, open_sources, scenarios_page, show_tabs,
                            type_amount)
from tests.test_scenario_store import _make_read_only, _undo_read_only

LAB, FARM, MINISTRY, QA, RECURRENT = ("2021-lab-upgrade", "candidate-experimental-farm",
                                      "2021-radiation-station-equipment", "2021-construction-qa", "2021-recurrent")


@pytest.fixture(autouse=True)
def db(scenario_db):
    """Each test saves into its own file (tests/conftest.py)."""
    return scenario_db


@pytest.fixture(scope="module")
def baseline() -> m.Baseline:
    return m.Baseline.from_query(q.baseline_lines.uncached().to_dict("records"), q.rule_sources.uncached(),
                                 q.split_codes.uncached())


def amount(at, line_id: str) -> str:
    return line_amounts(at)[line_id]


def line_column(at, column: str) -> dict[str, str]:
    """One column of the lines editor as drawn, by line id."""
    editor = next(e for e in at.data_editor if e.key.startswith(K.EDITOR_PREFIX))
    return dict(zip(at.session_state[K.EDITOR_ROWS], editor.value[column]))


def metrics(at) -> dict[str, str]:
    return {x.label: x.value for x in at.metric}


def errors(at) -> list[str]:
    return [e.value for e in at.error]


def warnings(at) -> list[str]:
    return [w.value for w in at.warning]


def assert_clean(at) -> None:
    assert not at.exception, [e.message for e in at.exception]


def move(at, src: str, dst: str, text: str):
    at.selectbox(key="scn_move_from").set_value(src)
    at.selectbox(key="scn_move_to").set_value(dst)
    at.text_input(key="scn_move_amount").set_value(text)
    return at.button(key="scn_move_submit").click().run()


def save(at, name: str, author: str = "", note: str = ""):
    at.text_input(key="scn_save_name").set_value(name)
    at.text_input(key="scn_save_author").set_value(author)
    at.text_area(key="scn_save_note").set_value(note)
    return at.button(key="scn_save_submit").click().run()


def saved_count(db) -> int:
    if not db.exists():
        return 0
    return stores.open_store(db).count_versions()


# --- the plan --------------------------------------------------------------------------------

def test_the_page_opens_on_the_plan_in_vietnamese():
    at = scenarios_page()
    assert_clean(at)
    assert errors(at) == []
    assert metrics(at) == {"Tổng kinh phí (triệu đồng)": "66.769,9",
                           "Kinh phí sự nghiệp KH&CN (triệu đồng)": "33.427,9",
                           "Chi đầu tư phát triển (triệu đồng)": "33.342"}
    assert [amount(at, x) for x in (RECURRENT, MINISTRY, LAB, QA)] == ["33.427,9", "15.000", "10.000", "8.342"]
    assert L.TEXT["rules_ok"][0] in [s.value for s in at.success]
    assert any("tổng 66.769,9 triệu đồng" in md.value for md in at.markdown)
    assert "s" not in at.query_params and "id" not in at.query_params


def test_the_parts_below_the_first_screen_are_drawn_once_opened_and_keep_what_was_typed():
    at = open_page("scenarios")
    parts = [K.OPEN_MOVE, K.OPEN_FLOOR, K.OPEN_SPLIT, K.OPEN_SHARE, K.OPEN_SAVE, K.OPEN_SAVED, K.OPEN_COMPARE]
    assert [e.key for e in at.expander if e.key in parts] == parts
    assert not any(at.session_state[k] for k in parts)
    drawn = {w.key for kind in (at.text_input, at.text_area, at.multiselect) for w in kind}
    assert not drawn & {K.MOVE_AMOUNT, K.LOCAL_BUDGET, K.SAVE_NAME, K.SAVE_NOTE, K.COMPARE}
    assert not at.code and not at.get("form")

    open_parts(at, K.OPEN_COMPARE)
    at.multiselect(key=K.COMPARE).set_value(["current"]).run()
    assert len(at.get("plotly_chart")) == 2  # the lines chart, and the comparison of the scenario with the plan
    at.session_state[K.OPEN_COMPARE] = False  # closed, as a click on its title would
    at.run()
    type_amount(at, LAB, "9.000")  # the page goes on meanwhile
    open_parts(at, K.OPEN_COMPARE)
    assert at.multiselect(key=K.COMPARE).value == ["current"]


def test_the_page_in_english_and_billions():
    at = scenarios_page(lang="en", unit="bvnd")
    assert_clean(at)
    assert metrics(at)["Total budget (billion VND)"] == "66.7699"
    assert amount(at, RECURRENT) == "33.4279"  # exact: an input never rounds
    type_amount(at, LAB, "12")  # 12 billion
    assert amount(at, LAB) == "12" and amount(at, QA) == "6.342"


# --- the department head's story ---------------------------------------------------------------

def test_move_break_fix_save_and_reopen_from_the_link(db):
    at = scenarios_page()
    move(at, LAB, MINISTRY, "2.000")  # "move 2 billion from the lab upgrade to the radiation station equipment"
    assert_clean(at)
    assert any("không chuyển tiền ra khỏi hay vào dòng này" in e for e in errors(at)), errors(at)
    assert not [x for x in at.success if x.value.startswith("Đã chuyển")]  # refused up front, nothing changed
    assert amount(at, LAB) == "10.000" and amount(at, MINISTRY) == "15.000"
    type_amount(at, MINISTRY, "17.000")  # typed: allowed, and shown broken
    assert amount(at, MINISTRY) == "17.000"
    rule = [e for e in errors(at) if "vốn của Bộ giữ nguyên trên dòng của mình" in e]
    assert len(rule) == 1 and "15.000 triệu đồng" in rule[0] and "17.000 triệu đồng" in rule[0]
    # the sentence the rule rests on is listed with it
    assert any("nguồn vốn đầu tư từ Bộ Khoa học và Công nghệ" in md.value for md in open_sources(at).markdown)

    save(at, "Thử chuyển sang trạm")  # a broken scenario is not saved
    assert L.TEXT["save_blocked"][0] in errors(at)
    assert saved_count(db) == 0

    # the fix: the Ministry's line back to its plan; "resume the experimental farm" and give it 2 tỷ
    type_amount(at, MINISTRY, "15.000")
    at.multiselect(key="scn_candidates").select(FARM).run()
    assert amount(at, FARM) == "0"
    move(at, LAB, FARM, "2.000")
    assert_clean(at)
    assert errors(at) == []
    assert [amount(at, x) for x in (MINISTRY, LAB, QA, FARM)] == ["15.000", "8.000", "8.342", "2.000"]
    assert metrics(at)["Chi đầu tư phát triển (triệu đồng)"] == "33.342"

    save(at, "Khôi phục trại thực nghiệm", "Phòng Kế hoạch - Tài chính", "2 tỷ từ nâng cấp phòng thí nghiệm")
    assert_clean(at)
    assert any("Đã lưu «Khôi phục trại thực nghiệm», phiên bản 1" in s.value for s in at.success)
    sid = at.query_params["id"]
    assert stores.valid_id(sid) and "s" not in at.query_params
    assert any(f"/scenarios?id={sid}" in c.value for c in at.code)
    stores.close_all()  # "tomorrow": a new session, the store opened afresh

    again = scenarios_page(id=sid)
    assert_clean(again)
    assert [amount(again, x) for x in (MINISTRY, LAB, QA, FARM)] == ["15.000", "8.000", "8.342", "2.000"]
    assert any("Khôi phục trại thực nghiệm" in i.value and "phiên bản 1" in i.value for i in again.info)
    assert errors(again) == []


def test_editing_a_line_rebalances_the_others_of_its_source():
    at = scenarios_page()
    type_amount(at, LAB, "12.000")
    assert amount(at, LAB) == "12.000" and amount(at, QA) == "6.342" and amount(at, MINISTRY) == "15.000"
    changes = line_column(at, "change")
    assert changes[LAB] == "+2.000 (+20%)" and changes[QA] == "-2.000 (-24%)" and changes[MINISTRY] == ""
    assert line_column(at, "plan")[LAB] == "10.000" and line_column(at, "limit")[MINISTRY] == L.TEXT["fixed_ministry"][0]
    assert metrics(at)["Chi đầu tư phát triển (triệu đồng)"] == "33.342"
    assert "s" in at.query_params  # an unsaved scenario travels in the address


def test_absorber_mode_needs_a_chosen_line():
    at = scenarios_page()
    at.radio(key="scn_mode").set_value("fixed_absorber").run()
    type_amount(at, LAB, "9.000")
    assert any("Hãy chọn dòng nhận phần chênh lệch" in e for e in errors(at))
    assert metrics(at)["Chi đầu tư phát triển (triệu đồng)"] == "33.342"
    at.selectbox(key="scn_absorber").set_value(QA).run()
    type_amount(at, LAB, "9.000")
    assert amount(at, LAB) == "9.000" and amount(at, QA) == "9.342"


def test_free_mode_and_the_cap_of_the_lab_upgrade():
    at = scenarios_page()
    at.radio(key="scn_mode").set_value("free").run()
    type_amount(at, LAB, "25.000")
    assert metrics(at)["Chi đầu tư phát triển (triệu đồng)"] == "48.342"
    cap = [e for e in errors(at) if "không vượt tổng mức đầu tư còn lại" in e]
    assert len(cap) == 1 and "20.392 triệu đồng" in cap[0] and "20.267 triệu đồng" in cap[0] and "4.733" in cap[0]


def test_recurrent_block_cannot_change_alone_in_a_fixed_mode():
    at = scenarios_page()
    type_amount(at, RECURRENT, "30.000")
    assert any("không còn dòng nào cùng nguồn" in e for e in errors(at))
    assert metrics(at)["Kinh phí sự nghiệp KH&CN (triệu đồng)"] == "33.427,9"


def test_moving_between_sources_needs_explicit_permission():
    at = scenarios_page()
    move(at, RECURRENT, LAB, "1.000")
    assert any("thuộc hai nguồn khác nhau" in e for e in errors(at))
    assert amount(at, LAB) == "10.000"
    at.checkbox(key="scn_mix").check().run()
    move(at, RECURRENT, LAB, "1.000")
    assert amount(at, LAB) == "11.000" and amount(at, RECURRENT) == "32.427,9"
    assert errors(at) == [] and metrics(at)["Tổng kinh phí (triệu đồng)"] == "66.769,9"


# --- bad input -------------------------------------------------------------------------------

@pytest.mark.parametrize("typed, message", [
    ("abc", "không phải là một số tiền"),
    ("-5", "không được âm"),
    ("NaN", "không phải là một số tiền"),
    ("1e308", "không phải là một số tiền"),
    ("999.999.999", "vượt mức tối đa cho phép (667.699 triệu đồng)"),
    ("<script>alert(1)</script>", "không phải là một số tiền"),
    ("2.5", "viết chưa đúng kiểu số Việt Nam"),
    ("10,000", "tiếng Việt viết hàng nghìn bằng dấu chấm, dấu phẩy là phần thập phân. Nếu bạn muốn nhập số "
               "này theo hàng nghìn, hãy viết 10.000."),
    ("9" * 10_000, "không phải là một số tiền"),
])
def test_bad_amounts_are_refused_with_a_message(db, typed, message):
    at = scenarios_page()
    type_amount(at, LAB, typed)
    assert_clean(at)
    assert any(message in e for e in errors(at)), errors(at)
    assert metrics(at)["Chi đầu tư phát triển (triệu đồng)"] == "33.342"
    assert "s" not in at.query_params  # the scenario is still the plan
    save(at, "Sau khi nhập sai")
    stored = stores.open_store(db).list_scenarios()
    assert len(stored) == 1
    assert stores.open_store(db).load(stored[0]["scenario_id"])["payload"]["lines"][LAB] == 100000


@pytest.mark.parametrize("name, message", [
    ("", "Tên kịch bản không được để trống."),
    ("x" * 10_000, "Tên kịch bản dài 10.000 ký tự; tối đa 120."),
    ("Kịch bản\u200f", "ký tự điều khiển hoặc ký tự ẩn"),
    ("\u202eKịch bản", "ký tự điều khiển hoặc ký tự ẩn"),
])
def test_bad_names_are_refused(db, name, message):
    at = scenarios_page()
    save(at, name)
    assert_clean(at)
    assert any(message in e for e in errors(at)), errors(at)
    assert saved_count(db) == 0


def test_html_in_a_name_is_shown_as_plain_text(db):
    at = scenarios_page()
    name = "<img src=x onerror=alert(1)> **đậm**"
    save(at, name, "<b>tác giả</b>")
    assert_clean(at)
    table = at.dataframe[-1].value
    assert name in list(table.iloc[:, 0])
    # every Markdown element that carries the name carries it escaped, never as live markup
    for md in [*at.markdown, *at.success, *at.info]:
        assert "<img" not in md.value.replace("\\<img", "")
    assert at.selectbox(key="scn_pick").options[0].startswith(name)
    at.multiselect(key="scn_compare").set_value(["current", at.query_params["id"]]).run()
    assert_clean(at)
    summary = [md.value for md in at.markdown if "So với kế hoạch" in md.value][0]
    assert "\\<img" in summary and "\\*\\*đậm\\*\\*" in summary  # escaped: no bold, no image
    spec = __import__("json").loads(at.get("plotly_chart")[-1].proto.spec)
    assert "&lt;img src=x onerror=alert(1)&gt; **đậm**" in {tr["name"] for tr in spec["data"]}
    assert at.radio(key="scn_save_as").options[0] == "Phiên bản mới của «\\<img src\\=x onerror\\=alert\\(1\\)\\> \\*\\*đậm\\*\\*»"


@pytest.mark.parametrize("query, message", [
    ({"id": "../../etc/passwd"}, "Mã kịch bản trong địa chỉ không hợp lệ"),
    ({"id": "x" * 10_000}, "Mã kịch bản trong địa chỉ không hợp lệ"),
    ({"id": "' OR 1=1 --"}, "Mã kịch bản trong địa chỉ không hợp lệ"),
    ({"id": "AAAAAAAAAAA"}, "Không có kịch bản nào với mã này"),
    ({"id": "AAAAAAAAAAA", "v": "abc"}, "Mã kịch bản trong địa chỉ không hợp lệ"),
    ({"s": "garbage!!"}, "Đường liên kết kịch bản bị hỏng"),
    ({"s": "x" * 50_000}, "Đường liên kết kịch bản bị hỏng"),
    ({"s": m.encode_url({"v": 1, "lines": {RECURRENT: -5}})}, "Đường liên kết kịch bản bị hỏng"),
])
def test_bad_links_give_a_message_and_the_page_still_works(query, message):
    at = open_page("scenarios", **query)
    assert_clean(at)
    assert any(message in w for w in warnings(at)), warnings(at)
    assert metrics(at)["Tổng kinh phí (triệu đồng)"] == "66.769,9"
    type_amount(at, LAB, "12.000")
    assert amount(at, QA) == "6.342"


def test_an_unsaved_scenario_opens_from_its_link(baseline):
    scn = m.Scenario.plan(baseline).add_candidate(FARM).move(LAB, FARM, D("2500.5"))
    at = open_page("scenarios", s=m.encode_url(scn.to_payload()))
    assert_clean(at)
    assert amount(at, LAB) == "7.499,5" and amount(at, FARM) == "2.500,5"
    assert L.TEXT["opened_link"][0] in [i.value for i in at.info]
    assert at.multiselect(key="scn_candidates").value == [FARM]


# --- versions, delete, compare ------------------------------------------------------------------

def test_saving_an_edit_adds_a_version_and_the_old_one_stays_readable(db):
    at = scenarios_page()
    type_amount(at, LAB, "9.000")
    save(at, "Phương án A")
    sid = at.query_params["id"]
    type_amount(at, LAB, "7.000")
    assert "s" in at.query_params and "id" not in at.query_params  # edited: no longer the saved one
    save(at, "Phương án A (sửa)")  # "as a new version" is the default
    assert any("phiên bản 2" in s.value for s in at.success)
    assert at.query_params["id"] == sid
    assert [v["version"] for v in stores.open_store(db).versions(sid)] == [1, 2]
    stores.close_all()

    old = scenarios_page(id=sid, v="1")
    assert amount(old, LAB) == "9.000"
    assert any("phiên bản mới nhất là 2" in c.value for c in old.caption)
    latest = scenarios_page(id=sid)
    assert amount(latest, LAB) == "7.000"


def test_delete_asks_for_confirmation(db):
    at = scenarios_page()
    save(at, "Sẽ bị xóa")
    at.button(key="scn_delete").click().run()
    assert any("Xóa «Sẽ bị xóa» cùng 1 phiên bản?" in w for w in warnings(at))
    at.button(key="scn_delete_no").click().run()
    assert saved_count(db) == 1
    at.button(key="scn_delete").click().run()
    at.button(key="scn_delete_yes").click().run()
    assert_clean(at)
    assert any("Đã xóa «Sẽ bị xóa»" in s.value for s in at.success)
    assert saved_count(db) == 0
    assert L.TEXT["none_saved"][0] in [c.value for c in at.caption]


def test_compare_up_to_three_scenarios_with_the_plan():
    at = scenarios_page()
    type_amount(at, LAB, "9.000")
    save(at, "Phương án A")
    at.button(key="scn_reset").click().run()
    at.multiselect(key="scn_candidates").select(FARM).run()
    move(at, LAB, FARM, "2.000")
    save(at, "Phương án B")
    ids = [r["scenario_id"] for r in stores.open_store().list_scenarios()]
    at.multiselect(key="scn_compare").set_value(["current", *ids]).run()
    assert_clean(at)
    spec = __import__("json").loads(at.get("plotly_chart")[-1].proto.spec)
    assert {tr["name"] for tr in spec["data"]} == {"Kịch bản đang sửa", "Phương án A", "Phương án B"}
    show_tabs(at, scn_compare_block_view=UI["table"][0])  # the compare block's table view
    assert_clean(at)
    table = next(el.value for el in at.dataframe if "Kế hoạch (triệu đồng)" in el.value.columns)
    cols = list(table.columns)
    assert "Phương án A: chênh lệch (triệu đồng)" in cols and "Kế hoạch (triệu đồng)" in cols
    summary = [md.value for md in at.markdown if md.value.startswith("So với kế hoạch")]
    assert summary and "«Phương án A» tổng 66.769,9 triệu đồng (không đổi)" in summary[0]
    assert at.multiselect(key="scn_compare").max_selections == 3


def test_a_local_budget_smaller_than_the_st_money_it_holds_is_refused():
    at = scenarios_page()
    at.text_input(key="scn_local_budget").set_value("0,1").run()
    assert_clean(at)
    assert any("không thể nhỏ hơn phần vốn của tỉnh chi cho KH&CN trong kịch bản (51.769,9 triệu đồng)" in e
               for e in errors(at)), errors(at)
    assert L.TEXT["floor_missing"][0] in [i.value for i in at.info]  # no absurd share shown


def test_a_missing_version_says_which_versions_exist(db, baseline):
    store = stores.ScenarioStore(db)
    sid, _ = store.save(m.Scenario.plan(baseline).set_amount(LAB, D("9000")).to_payload(), "Phương án A")
    store.close()
    at = open_page("scenarios", id=sid, v="999")
    assert_clean(at)
    assert "Kịch bản này không có phiên bản 999 (mới nhất là phiên bản 1); đang hiển thị kế hoạch." in warnings(at)
    assert not any("Không có kịch bản nào với mã này" in w for w in warnings(at))


def test_a_save_repeated_after_a_crash_is_stored_once(db):
    """The app stopped right after the commit, before the user saw "saved"; in the new session the
    user fills in the same form and saves again: one scenario, and the page says it was already saved."""
    at = scenarios_page()
    type_amount(at, LAB, "9.000")
    save(at, "Phương án A", "Phòng KH-TC", "ghi chú")
    stores.close_all()
    retry = scenarios_page()
    type_amount(retry, LAB, "9.000")
    save(retry, "Phương án A", "Phòng KH-TC", "ghi chú")
    assert_clean(retry)
    assert "Kịch bản này đã được lưu trước đó là «Phương án A», phiên bản 1; không lưu thêm bản trùng." in [
        s.value for s in retry.success]
    assert saved_count(db) == 1 and retry.query_params["id"] == at.query_params["id"]


def test_a_scenario_too_large_for_a_link_says_so(monkeypatch):
    monkeypatch.setattr(m, "URL_PAYLOAD_MAX", 20)
    at = scenarios_page()
    type_amount(at, LAB, "9.000")
    assert_clean(at)
    assert "s" not in at.query_params
    assert any(w.startswith("Kịch bản này quá lớn để chứa trong một đường liên kết (tối đa 20 ký tự)")
               for w in warnings(at)), warnings(at)
    assert not any("?s=" in c.value for c in at.code)


# --- the database cannot be used ------------------------------------------------------------

@pytest.mark.parametrize("where, key", [("dir", "store_is_dir"), ("under_file", "store_bad_parent")])
def test_a_store_path_that_cannot_hold_a_database_says_so(tmp_path, monkeypatch, where, key):
    target = tmp_path / "x.duckdb"
    if where == "dir":
        target.mkdir()
    else:
        (tmp_path / "file").write_text("x")
        target = tmp_path / "file" / "x.duckdb"
    monkeypatch.setenv(stores.ENV_VAR, str(target))
    at = scenarios_page()
    assert_clean(at)
    assert L.TEXT[key][0] in warnings(at)
    assert L.TEXT["store_read_only"][0] not in warnings(at)  # not the untrue "you can still open them"
    assert at.button(key="scn_save_submit").disabled
    type_amount(at, LAB, "12.000")
    assert amount(at, QA) == "6.342"


def test_a_folder_that_cannot_be_written_is_said_before_any_save(tmp_path, monkeypatch, baseline):
    folder = tmp_path / "ro"
    folder.mkdir()
    store = stores.ScenarioStore(folder / "s.duckdb")
    sid, _ = store.save(m.Scenario.plan(baseline).to_payload(), "Đã lưu trước")
    store.close()
    monkeypatch.setenv(stores.ENV_VAR, str(folder / "s.duckdb"))
    _make_read_only(folder)
    try:
        at = scenarios_page(id=sid)
        assert_clean(at)
        assert L.TEXT["store_read_only_folder"][0] in warnings(at)
        assert at.button(key="scn_save_submit").disabled
        assert any("Đã lưu trước" in i.value for i in at.info)  # opening works, as the message says
    finally:
        stores.close_all()
        _undo_read_only(folder)


def test_a_locked_database_gives_a_message_and_the_rest_works(db):
    holder = subprocess.Popen([sys.executable, "-c",
                               "import sys, time, duckdb; c = duckdb.connect(sys.argv[1]); print('ok', flush=True); "
                               "time.sleep(120)", str(db)], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ok"
        at = scenarios_page()
        assert_clean(at)
        assert errors(at) == []
        assert L.TEXT["store_locked"][0] in warnings(at)
        assert at.button(key="scn_save_submit").disabled
        type_amount(at, LAB, "12.000")
        assert amount(at, QA) == "6.342"
        open_link = scenarios_page(id="AAAAAAAAAAA")
        assert_clean(open_link)
        assert L.TEXT["store_locked"][0] in warnings(open_link)
    finally:
        holder.kill()
        holder.wait(timeout=30)


def test_a_read_only_database_opens_saved_scenarios_but_does_not_save(db, baseline):
    store = stores.ScenarioStore(db)
    sid, _ = store.save(m.Scenario.plan(baseline).to_payload(), "Đã lưu trước")
    store.close()
    _make_read_only(db)
    try:
        at = scenarios_page(id=sid)
        assert_clean(at)
        assert L.TEXT["store_read_only"][0] in warnings(at)
        assert at.button(key="scn_save_submit").disabled
        assert "Đã lưu trước" in list(at.dataframe[-1].value.iloc[:, 0])
    finally:
        stores.close_all()
        _undo_read_only(db)


# --- split, floor, exports ----------------------------------------------------------------------

def test_the_users_split_is_labelled_as_an_assumption():
    at = scenarios_page()
    assert any("KHÔNG chia kinh phí sự nghiệp" in w for w in warnings(at))
    at.radio(key="scn_split_kind").set_value("field").run()
    at.text_input(key="scn_share_field_agriculture").set_value("50").run()
    at.text_input(key="scn_share_field_medicine_pharmacy").set_value("20").run()
    assert any("Tổng tỷ lệ: 70%" in c.value for c in at.caption)
    at.text_input(key="scn_share_field_engineering_technology").set_value("abc").run()
    assert any("không phải tỷ lệ hợp lệ" in e for e in errors(at))
    at.text_input(key="scn_share_field_engineering_technology").set_value("30").run()
    table = next(d for d in at.dataframe if d.editing_mode == "read_only").value  # the split's (the editor is the other)
    assert list(table.iloc[:, 2]) == ["16.713,9", "10.028,4", "0", "6.685,6"]


def test_the_two_percent_floor_once_the_local_budget_is_entered():
    at = scenarios_page()
    assert L.TEXT["floor_missing"][0] in [i.value for i in at.info]
    at.text_input(key="scn_local_budget").set_value("12.000.000").run()
    assert metrics(at)["Tỷ lệ chi KH&CN (vốn tỉnh)"] == "0,43%"
    assert metrics(at)["Mức tối thiểu 2% (triệu đồng)"] == "240.000"
    assert any("còn thiếu 188.230,1 triệu đồng" in w for w in warnings(at))
    at.text_input(key="scn_local_budget").set_value("-1").run()
    assert any("không được âm" in e for e in errors(at))


def test_a_scenario_opened_with_a_local_budget_opens_the_floor_part(db, baseline):
    store = stores.ScenarioStore(db)
    sid, _ = store.save(m.Scenario.plan(baseline).with_local_budget(D("12000000")).to_payload(), "Có ngân sách")
    store.close()
    at = open_parts(open_page("scenarios"), K.OPEN_SAVED)  # on the plan: the floor's part is closed
    assert not at.session_state[K.OPEN_FLOOR]
    at.selectbox(key=K.PICK).set_value(sid).run()
    at.button(key="scn_open").click().run()
    assert at.session_state[K.OPEN_FLOOR]  # it opens by itself, showing the saved scenario's floor
    assert metrics(at)["Tỷ lệ chi KH&CN (vốn tỉnh)"] == "0,43%"


def test_exports_carry_the_scenario_with_headers_in_the_users_language(baseline):
    scn = m.Scenario.plan(baseline).add_candidate(FARM).move(LAB, FARM, D("2000"))
    lines = {ln.line_id: ln for ln in baseline.lines}
    table = cs.export_table(scn.line_rows(), scn.source_rows(), lines, "vi", "mvnd")
    csv = export.to_csv_bytes(table).decode("utf-8-sig")
    assert csv.splitlines()[0].startswith("Dòng,Nguồn,Kế hoạch (triệu đồng),Kịch bản (triệu đồng)")
    assert "Trại thực nghiệm (đề xuất khôi phục),Chi đầu tư phát triển,0,2000" in csv
    assert "Tổng cộng,,66769.9,66769.9,0" in csv
    book = openpyxl.load_workbook(io.BytesIO(export.to_xlsx_bytes(table, "kich-ban")))
    values = [[c.value for c in row] for row in book.active.iter_rows()]
    assert values[0][0] == "Dòng" and values[-1][2] == pytest.approx(66769.9)
    en = cs.export_table(scn.line_rows(), scn.source_rows(), lines, "en", "bvnd")
    assert list(en.columns)[:3] == ["Line", "Source", "Plan (billion VND)"]
