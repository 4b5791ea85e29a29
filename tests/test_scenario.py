"""The scenario model against the document's figures: the plan, the rules, the modes, exact money."""
from __future__ import annotations

from khcn_dash.text import html_escape

from decimal import Decimal as D

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from khcn_dash import format as fmt
from khcn_dash import scenario as m
from khcn_dash.labels import scenarios as L
from khcn_dash.queries import scenarios as q

LAB, FARM, MINISTRY, QA, RECURRENT = ("2021-lab-upgrade", "candidate-experimental-farm",
                                      "2021-radiation-station-equipment", "2021-construction-qa", "2021-recurrent")


@pytest.fixture(scope="module")
def baseline() -> m.Baseline:
    return m.Baseline.from_query(q.baseline_lines.uncached().to_dict("records"), q.rule_sources.uncached(),
                                 q.split_codes.uncached())


@pytest.fixture
def plan(baseline) -> m.Scenario:
    return m.Scenario.plan(baseline)


def codes(scn: m.Scenario) -> list[str]:
    return [v.code for v in scn.violations()]


# --- the query layer gives the plan as the document states it ---------------------------------

def test_baseline_lines_are_the_2021_plan_and_the_halted_farm():
    lines = q.baseline_lines.uncached().set_index("line_id")
    assert list(lines.index) == [RECURRENT, MINISTRY, LAB, QA, FARM]
    assert lines.loc[RECURRENT, "plan_mvnd"] == D("33427.9")  # B.II: 33.427,9 triệu đồng
    assert lines.loc[MINISTRY, "plan_mvnd"] == D("15000") and lines.loc[MINISTRY, "funder"] == "ministry"
    assert lines.loc[LAB, "plan_mvnd"] == D("10000") and lines.loc[QA, "plan_mvnd"] == D("8342")
    # A.II.2.3 approved totals minus the A.II.8 allocations of 2016-2020
    assert (lines.loc[LAB, "approved_total_mvnd"], lines.loc[LAB, "allocated_before_mvnd"],
            lines.loc[LAB, "cap_mvnd"]) == (D("20392"), D("125"), D("20267"))
    assert (lines.loc[FARM, "approved_total_mvnd"], lines.loc[FARM, "allocated_before_mvnd"],
            lines.loc[FARM, "cap_mvnd"]) == (D("45936"), D("213"), D("45723"))
    assert lines.loc[FARM, "is_candidate"] and lines.loc[FARM, "plan_mvnd"] == 0
    # the 2021 equipment line is another project than the station (approved 5.237): no cap on it
    assert lines.loc[MINISTRY, "cap_mvnd"] is None and lines.loc[QA, "cap_mvnd"] is None
    assert all(isinstance(v, D) for v in lines["plan_mvnd"])


def test_rule_sources_are_the_sentences_of_B_II_and_A_II_10():
    src = q.rule_sources.uncached()
    assert src["total"]["value"] == D("66769.9")
    assert src["recurrent"]["value"] == D("33427.9") and src["investment"]["value"] == D("33342")
    assert src["floor"]["value"] == D("2")
    from khcn_dash.queries import sources
    assert "chưa bảo đảm tối thiểu 2% tổng chi ngân sách địa phương" in sources.citation.uncached(
        src["floor"]["cite_id"])["quote_vi"]
    assert "Kinh phí chi đầu tư phát triển: 33.342 triệu đồng" in sources.citation.uncached(
        src["investment"]["cite_id"])["quote_vi"]


def test_split_codes_are_the_four_fields_and_eleven_areas():
    codes_ = q.split_codes.uncached()
    assert len(codes_["field"]) == 4 and len(codes_["area"]) == 11
    assert codes_["field"][0] == "agriculture"


def test_plan_totals_reconcile_with_the_document(plan, baseline):
    assert m.from_tenths(plan.total) == D("66769.9")
    assert m.from_tenths(plan.source_total("recurrent")) == D("33427.9")
    assert m.from_tenths(plan.source_total("investment")) == D("33342")
    assert plan.violations() == [] and plan.is_plan
    assert baseline.max_amount_mvnd == D("667699")  # 10 × the plan


# --- amounts typed by a user ------------------------------------------------------------------

@pytest.mark.parametrize("text, lang, unit, expected", [
    ("10.000", "vi", "mvnd", D("10000")),
    ("33.427,9", "vi", "mvnd", D("33427.9")),
    ("2000", "vi", "mvnd", D("2000")),
    ("  8.342 ", "vi", "mvnd", D("8342")),
    ("2", "vi", "bvnd", D("2000")),
    ("2,5", "vi", "bvnd", D("2500")),
    ("33,4279", "vi", "bvnd", D("33427.9")),
    ("10,000", "en", "mvnd", D("10000")),
    ("33,427.9", "en", "mvnd", D("33427.9")),
    ("0", "vi", "mvnd", D("0")),
    ("1 000", "vi", "mvnd", D("1000")),  # a space between thousands is read as such
])
def test_parse_amount_reads_the_users_number_style(text, lang, unit, expected):
    assert m.parse_amount(text, lang, unit, D("667699")) == expected


@pytest.mark.parametrize("text, lang, code", [
    ("", "vi", "amount_empty"),
    ("abc", "vi", "amount_not_number"),
    ("NaN", "vi", "amount_not_number"),
    ("nan", "en", "amount_not_number"),
    ("Infinity", "en", "amount_not_number"),
    ("1e308", "vi", "amount_not_number"),
    ("1E308", "en", "amount_not_number"),
    ("-5", "vi", "amount_negative"),
    ("-2.000", "vi", "amount_negative"),
    ("2.5", "vi", "amount_badly_written"),   # a Vietnamese reader means 25? refused, not guessed
    ("10,000", "vi", "amount_vi_thousands"),  # 10 with three decimals in Vietnamese: the message says 10.000
    ("10.000", "en", "amount_en_thousands"),
    ("10,0005", "vi", "amount_too_precise"),
    ("0,05", "vi", "amount_too_precise"),
    ("999.999.999", "vi", "amount_above_cap"),
    ("<script>alert(1)</script>", "vi", "amount_not_number"),
    ("٣", "vi", "amount_not_number"),
])
def test_parse_amount_refuses_bad_input_with_a_reason(text, lang, code):
    with pytest.raises(m.ScenarioError) as exc:
        m.parse_amount(text, lang, "mvnd", D("667699"))
    assert exc.value.code == code


def test_refusal_messages_are_in_the_users_language(baseline):
    lines = {ln.line_id: ln for ln in baseline.lines}
    err = pytest.raises(m.ScenarioError, m.parse_amount, "1e308", "vi", "mvnd", D(1)).value
    assert "không phải là một số tiền" in L.error_text(err, "vi", "mvnd", lines, "1e308")
    assert "is not an amount" in L.error_text(err, "en", "mvnd", lines, "1e308")
    cap = pytest.raises(m.ScenarioError, m.parse_amount, "999.999.999", "vi", "mvnd", D("667699")).value
    assert "667.699 triệu đồng" in L.error_text(cap, "vi", "mvnd", lines)


def test_amount_text_round_trips(baseline):
    for amount in (D("33427.9"), D("8342"), D("0"), D("45723"), D("0.1")):
        for lang in ("vi", "en"):
            for unit in ("mvnd", "bvnd"):
                assert m.parse_amount(fmt.amount(amount, lang, unit), lang, unit) == amount


# --- the department head's story -----------------------------------------------------------

def test_typing_another_amount_on_the_ministry_line_breaks_the_ministry_rule(plan, baseline):
    edited = plan.with_mode("free").set_amount(MINISTRY, D("17000"))
    (v,) = edited.violations()
    assert v.code == "ministry_line_fixed" and v.line_id == MINISTRY
    assert v.params["amount"] == D("17000") and v.params["plan"] == D("15000")
    lines = {ln.line_id: ln for ln in baseline.lines}
    text_vi = L.violation_text(v, "vi", "mvnd", lines)
    assert "vốn của Bộ giữ nguyên trên dòng của mình" in text_vi
    assert "15.000 triệu đồng" in text_vi and "17.000 triệu đồng" in text_vi
    assert "Ministry money stays on its line" in L.violation_text(v, "en", "mvnd", lines)
    # the sentence it rests on: A.II.8, the Ministry's investment source for the equipment
    from khcn_dash.queries import sources
    quote = sources.citation.uncached(v.cite_ids[0])["quote_vi"]
    assert "nguồn vốn đầu tư từ Bộ Khoa học và Công nghệ" in quote and "15.000 triệu đồng" in quote


@pytest.mark.parametrize("src, dst", [(LAB, MINISTRY), (MINISTRY, LAB)])
def test_a_move_into_or_out_of_the_ministry_line_is_refused_up_front(plan, baseline, src, dst):
    with pytest.raises(m.ScenarioError) as exc:
        plan.move(src, dst, D("1"))
    assert exc.value.code == "move_ministry" and exc.value.params["line_id"] == MINISTRY
    lines = {ln.line_id: ln for ln in baseline.lines}
    assert "không chuyển tiền ra khỏi hay vào dòng này" in L.error_text(exc.value, "vi", "mvnd", lines)


def test_the_fix_resumes_the_farm_within_its_cap(plan):
    fixed = plan.add_candidate(FARM).move(LAB, FARM, D("2000"))
    assert fixed.violations() == []
    assert fixed.amount(LAB) == D("8000") and fixed.amount(FARM) == D("2000") and fixed.amount(MINISTRY) == D("15000")
    assert m.from_tenths(fixed.source_total("investment")) == D("33342")


def test_a_local_budget_below_the_provinces_own_st_money_is_refused(plan):
    with pytest.raises(m.ScenarioError) as exc:
        plan.with_local_budget(D("0.1"))
    assert exc.value.code == "local_budget_below_st" and exc.value.params["minimum"] == D("51769.9")
    assert plan.with_local_budget(D("51769.9")).floor_check()["share_pct"] == D("100.00")


def test_cap_is_approved_total_minus_what_was_allocated(plan):
    free = plan.with_mode("free").add_candidate(FARM)
    assert codes(free.set_amount(FARM, D("45723"))) == []
    over = free.set_amount(FARM, D("45723.1"))
    (v,) = over.violations()
    assert v.code == "cap_exceeded" and v.params["cap"] == D("45723") and v.params["over"] == D("0.1")
    assert codes(free.set_amount(LAB, D("20267"))) == []
    assert codes(free.set_amount(LAB, D("20267.1"))) == ["cap_exceeded"]
    assert codes(free.set_amount(QA, D("60000"))) == []  # no approved total in the document: no cap


def test_sources_do_not_mix_unless_allowed(plan):
    with pytest.raises(m.ScenarioError) as exc:
        plan.move(RECURRENT, LAB, D("1000"))
    assert exc.value.code == "move_across_sources"
    mixed = plan.with_mixing(True).move(RECURRENT, LAB, D("1000"))
    assert mixed.violations() == []  # allowed, and the grand total is kept
    # unticking "allow mixing" afterwards shows both sources off their plan
    assert codes(mixed.with_mixing(False)) == ["sources_separate", "sources_separate"]


def test_fixed_mode_flags_a_changed_source_total_and_free_mode_does_not(plan):
    raised = plan.with_mode("free").set_amount(LAB, D("12000"))
    assert codes(raised) == []
    assert codes(raised.with_mode("fixed_proportional")) == ["sources_separate"]
    assert codes(raised.with_mode("fixed_proportional").with_mixing(True)) == ["total_changed"]


# --- modes -------------------------------------------------------------------------------------

def test_proportional_mode_rebalances_within_the_source_but_never_the_ministry_line(plan):
    s = plan.set_amount(LAB, D("12000"))
    assert s.amount(QA) == D("6342") and s.amount(MINISTRY) == D("15000")
    s = plan.add_candidate(FARM).set_amount(FARM, D("3000"))
    # lab 10.000 and QA 8.342 give 3.000 in proportion, to the last 0,1 triệu
    assert s.amount(LAB) + s.amount(QA) == D("15342")
    assert s.amount(LAB) == D("8364.4") and s.amount(QA) == D("6977.6")
    assert m.from_tenths(s.source_total("investment")) == D("33342")


def test_proportional_mode_refuses_what_it_cannot_balance(plan):
    with pytest.raises(m.ScenarioError) as exc:
        plan.set_amount(LAB, D("25000"))  # the others only have 8.342
    assert exc.value.code == "rebalance_too_small" and exc.value.params["available"] == D("8342")
    with pytest.raises(m.ScenarioError) as exc:
        plan.set_amount(RECURRENT, D("30000"))  # the only line of its source
    assert exc.value.code == "nothing_to_rebalance"
    s = plan.with_mixing(True).set_amount(RECURRENT, D("30000"))  # with mixing, investment takes it
    assert s.total == plan.total and s.amount(MINISTRY) == D("15000")


def test_absorber_mode_moves_the_whole_difference_to_one_line(plan):
    s = plan.with_mode("fixed_absorber").add_candidate(FARM).with_absorber(FARM)
    s = s.set_amount(LAB, D("7500"))
    assert s.amount(FARM) == D("2500") and s.amount(QA) == D("8342")
    with pytest.raises(m.ScenarioError) as exc:
        s.set_amount(QA, D("20000"))  # the farm has only 2.500 to give
    assert exc.value.code == "absorber_too_small"
    with pytest.raises(m.ScenarioError) as exc:
        s.set_amount(FARM, D("1"))
    assert exc.value.code == "absorber_is_edited"
    with pytest.raises(m.ScenarioError) as exc:
        s.set_amount(RECURRENT, D("1"))
    assert exc.value.code == "absorber_other_source"
    with pytest.raises(m.ScenarioError) as exc:
        s.with_absorber(MINISTRY)
    assert exc.value.code == "absorber_ministry"


def test_free_mode_lets_the_total_change(plan):
    s = plan.with_mode("free").set_amount(RECURRENT, D("40000"))
    assert m.from_tenths(s.total) == D("73342")
    assert s.source_rows()[-1]["diff_mvnd"] == D("6572.1")


def test_no_negative_amounts(plan):
    with pytest.raises(m.ScenarioError) as exc:
        plan.with_mode("free").set_amount(LAB, D("-1"))
    assert exc.value.code == "amount_negative"
    with pytest.raises(m.ScenarioError) as exc:
        plan.move(LAB, QA, D("10000.1"))
    assert exc.value.code == "move_too_much"
    forged = m.Scenario(plan.baseline, {**plan.amounts, LAB: -10})
    assert "negative" in codes(forged)


def test_removing_a_candidate_gives_its_money_back(plan):
    s = plan.add_candidate(FARM).move(LAB, FARM, D("2000"))
    back = s.remove_candidate(FARM)
    assert FARM not in back.amounts and back.total == plan.total


# --- exact totals in every mode (property tests) -----------------------------------------------

EDITABLE = [RECURRENT, MINISTRY, LAB, QA, FARM]
amounts = st.decimals(min_value=0, max_value=60000, places=1, allow_nan=False, allow_infinity=False)
ops = st.lists(st.tuples(st.sampled_from(["set", "move"]), st.sampled_from(EDITABLE),
                         st.sampled_from(EDITABLE), amounts), max_size=25)


def _apply(scn: m.Scenario, op) -> m.Scenario:
    kind, a, b, amount = op
    try:
        return scn.set_amount(a, amount) if kind == "set" else scn.move(a, b, amount)
    except m.ScenarioError:
        return scn  # refused edits leave the scenario as it was


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=ops, mix=st.booleans(), mode=st.sampled_from(m.FIXED_MODES), absorber=st.sampled_from([LAB, QA, FARM]))
def test_fixed_modes_keep_totals_to_the_last_digit(baseline, ops, mix, mode, absorber):
    s = m.Scenario.plan(baseline).add_candidate(FARM).with_mixing(mix).with_mode(mode).with_absorber(absorber)
    for op in ops:
        s = _apply(s, op)
        if mix:
            assert s.total == baseline.plan_total
        else:
            assert s.source_total("recurrent") == baseline.source_plan("recurrent")
            assert s.source_total("investment") == baseline.source_plan("investment")
        assert all(isinstance(v, int) and v >= 0 for v in s.amounts.values())
    rows = s.line_rows()
    assert sum(r["amount_mvnd"] for r in rows) == D("66769.9")


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=ops)
def test_free_mode_total_is_the_exact_sum_of_the_lines(baseline, ops):
    s = m.Scenario.plan(baseline).add_candidate(FARM).with_mode("free")
    for op in ops:
        s = _apply(s, op)
    assert sum((r["amount_mvnd"] for r in s.line_rows()), D(0)) == m.from_tenths(s.total)
    assert s.source_rows()[-1]["amount_mvnd"] == m.from_tenths(s.total)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cuts=st.lists(st.integers(min_value=0, max_value=1000), min_size=4, max_size=4))
def test_a_split_adds_up_to_the_recurrent_block_exactly(baseline, cuts):
    total = sum(cuts) or 1
    raw = [c * 1000 // total for c in cuts]  # tenths of a percent
    raw[0] += 1000 - sum(raw)
    shares = {code: D(r) / 10 for code, r in zip(baseline.split_codes["field"], raw)}
    s = m.Scenario.plan(baseline).with_split("field", shares)
    rows = s.split_rows()
    assert sum(r["amount_mvnd"] for r in rows) == D("33427.9")


# --- split, floor -----------------------------------------------------------------------------

def test_split_is_refused_until_the_shares_make_100(plan):
    s = plan.with_split("field", {"agriculture": D("50"), "medicine_pharmacy": D("20")})
    with pytest.raises(m.ScenarioError) as exc:
        s.split_rows()
    assert exc.value.code == "shares_not_100" and exc.value.params["total"] == D("70")
    s = s.with_split("field", {**s.split_shares, "engineering_technology": D("30")})
    rows = {r["code"]: r["amount_mvnd"] for r in s.split_rows()}
    assert rows == {"agriculture": D("16713.9"), "engineering_technology": D("10028.4"),
                    "social_humanities": D("0"), "medicine_pharmacy": D("6685.6")}
    assert plan.split_rows() == []  # no split unless the user asks: the document gives none
    with pytest.raises(m.ScenarioError):
        plan.with_split("field", {"not-a-field": D("10")})
    with pytest.raises(m.ScenarioError):
        plan.with_split("field", {"agriculture": D("100.1")})


def test_floor_check_against_the_two_percent_of_local_budget(plan):
    assert plan.floor_check() is None  # the document gives no local budget total
    check = plan.with_local_budget(D("12000000")).floor_check()
    # provincial money = 66.769,9 - 15.000 from the Ministry
    assert check["provincial_mvnd"] == D("51769.9") and check["floor_pct"] == D("2")
    assert check["share_pct"] == D("0.43") and not check["meets"]
    assert check["floor_mvnd"] == D("240000") and check["gap_mvnd"] == D("188230.1")
    assert "chưa bảo đảm tối thiểu 2%" in __import__("khcn_dash.queries.sources", fromlist=["x"]).citation.uncached(
        check["cite_ids"][0])["quote_vi"]
    met = plan.with_local_budget(D("2588495")).floor_check()
    assert met["meets"] and met["gap_mvnd"] == 0
    assert not plan.with_local_budget(D("2588495.1")).floor_check()["meets"]
    with pytest.raises(m.ScenarioError):
        plan.with_local_budget(D("0"))
    assert "Chưa đạt mức tối thiểu 2%" in L.floor_text(check, "vi", "mvnd")


# --- payloads and links ---------------------------------------------------------------------

def test_payload_and_link_round_trip(plan):
    s = (plan.add_candidate(FARM).move(LAB, FARM, D("2000.5")).with_mode("fixed_absorber").with_absorber(QA)
         .with_local_budget(D("12000000")).with_split("area", {"research": D("60"), "inspection": D("40")}))
    token = m.encode_url(s.to_payload())
    assert len(token) < 600
    again = m.Scenario.from_payload(plan.baseline, m.decode_url(token))
    assert again == s


@pytest.mark.parametrize("token", [
    "", "x" * 5000, "not base64!", "%%%", "eyJ2IjoxfQ", "AAAA", "W10", "bnVsbA",
    m.encode_url({"v": 1, "lines": {RECURRENT: 1.5}}),  # floats are refused
])
def test_garbage_links_are_refused(plan, token):
    with pytest.raises(m.ScenarioError):
        m.Scenario.from_payload(plan.baseline, m.decode_url(token))


@pytest.mark.parametrize("change", [
    {"lines": {RECURRENT: -1}}, {"lines": {RECURRENT: 10 ** 12}}, {"lines": {"../etc": 1}},
    {"lines": {RECURRENT: True}}, {"lines": {RECURRENT: "334279"}}, {"mode": "sql'; drop"},
    {"v": 2}, {"extra": 1}, {"absorber": MINISTRY}, {"local_budget": -5}, {"mix": "yes"},
    {"split": {"kind": "field", "shares": {"agriculture": "NaN"}}},
    {"split": {"kind": "zodiac", "shares": {}}},
])
def test_tampered_payloads_are_refused(plan, change):
    payload = plan.to_payload()
    for k, v in change.items():
        payload[k] = {**payload[k], **v} if isinstance(v, dict) and isinstance(payload.get(k), dict) else v
    with pytest.raises(m.ScenarioError) as exc:
        m.Scenario.from_payload(plan.baseline, payload)
    assert exc.value.code == "bad_payload"


def test_a_payload_missing_a_plan_line_is_refused(plan):
    payload = plan.to_payload()
    del payload["lines"][RECURRENT]
    with pytest.raises(m.ScenarioError):
        m.Scenario.from_payload(plan.baseline, payload)


# --- names, authors, notes -------------------------------------------------------------------

@pytest.mark.parametrize("name, code", [
    ("", "text_empty"), ("   ", "text_empty"), ("x" * 10_000, "text_too_long"),
    ("Kịch bản\u200f", "text_hidden_chars"), ("\u202eevil", "text_hidden_chars"), ("a\x00b", "text_hidden_chars"),
    ("two\nlines", "text_hidden_chars"), (None, "text_empty"), (42, "text_invalid"),
    ("a\u2028b", "text_hidden_chars"), ("a\u2029b", "text_hidden_chars"), ("a\u200bb", "text_hidden_chars"),
    ("a\u200db", "text_hidden_chars"), ("\u200d👩", "text_hidden_chars"), ("a\U000E0067", "text_hidden_chars"),
])
def test_bad_names_are_refused(name, code):
    with pytest.raises(m.ScenarioError) as exc:
        m.clean_meta(name, "", "")
    assert exc.value.code == code and exc.value.params["field"] == "name"


@pytest.mark.parametrize("name", [
    "👩\u200d💻 Nhóm kỹ thuật", "❤️\u200d🔥", "👍🏽 đồng ý", "1️⃣ phương án",
    "🏴\U000E0067\U000E0062\U000E0065\U000E006E\U000E0067\U000E007F", "שלום עולם", "می\u200cخواهم",
])
def test_what_a_person_types_is_accepted_as_typed(name):
    assert m.clean_meta(name, "", "")["name"] == name


def test_a_line_separator_in_a_note_is_refused_but_a_new_line_is_kept():
    assert m.clean_meta("a", "", "dòng 1\ndòng 2")["note"] == "dòng 1\ndòng 2"
    with pytest.raises(m.ScenarioError) as exc:
        m.clean_meta("a", "", "dòng 1\u2028dòng 2")
    assert exc.value.code == "text_hidden_chars" and exc.value.params["field"] == "note"


def test_html_in_a_name_is_kept_as_plain_text():
    meta = m.clean_meta("  <script>alert(1)</script> Kịch bản  ", "Nguyễn Văn A", "dòng 1\ndòng 2")
    assert meta["name"] == "<script>alert(1)</script> Kịch bản"
    assert html_escape(meta["name"]) == "&lt;script&gt;alert(1)&lt;/script&gt; Kịch bản"


def test_name_refusal_messages_in_both_languages():
    err = pytest.raises(m.ScenarioError, m.clean_meta, "x" * 10_000, "", "").value
    assert L.error_text(err, "vi", "mvnd") == "Tên kịch bản dài 10.000 ký tự; tối đa 120."
    assert L.error_text(err, "en", "mvnd") == "The scenario name is 10,000 characters long; at most 120."


def test_share_url():
    assert m.share_url("http://127.0.0.1:8501/scenarios?x=1", "scenarios", {"id": "abcDEF12345", "v": None}) \
        == "http://127.0.0.1:8501/scenarios?id=abcDEF12345"
    assert m.share_url(None, "scenarios", {}) == "/scenarios"
    assert m.share_url("javascript:alert(1)", "scenarios", {}) == "/scenarios"
