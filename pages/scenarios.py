"""Allocation scenarios: reallocate the plan year's budget within the document's rules; save, share, compare.

Layout only: the arithmetic is khcn_dash.scenario, the saving khcn_dash.scenario_store, the
session glue (callbacks, address bar, notices) khcn_dash.scenario_session, the lines' editor
khcn_dash.scenario_editor, the sentences khcn_dash.labels.scenarios.
"""
from __future__ import annotations

import streamlit as st

from khcn_dash import format as fmt
from khcn_dash import present
from khcn_dash import scenario as model
from khcn_dash import scenario_store as stores
from khcn_dash import scenario_editor as editor
from khcn_dash import scenario_session as sess
from khcn_dash import ui, url_state
from khcn_dash.charts import scenarios as charts
from khcn_dash.labels import present as PL
from khcn_dash.labels import scenarios as L
from khcn_dash.summaries import scenarios as summaries
from khcn_dash.text import md_escape

ui.require_app_shell()  # a permalink that is a fresh server's first request still gets app.py's shell

S = st.session_state
ui.keep_state(*sess.K.KEPT)  # what is typed in a part below, while that part is closed


# --- page ------------------------------------------------------------------------------------

LANG, UNIT = ui.lang(), ui.unit()
U = L.unit_text(LANG, UNIT)
baseline = sess.load_baseline()
LINES = {ln.line_id: ln for ln in baseline.lines}
sess.read_url(baseline)
editor.read_edits(baseline)
scn = sess.current_scenario(baseline)
sess.mark_page_drawn(scn)  # what the whole page shows (see scenario_body)
sess.sync_settings(scn)

st.title(L.t("title", LANG))
st.caption(L.t("intro", LANG))
sess.show_notices("top", LANG, UNIT, LINES)
origin = S.get(sess.K.ORIGIN)
if origin and origin["payload"] == scn.to_payload():
    st.info(L.t("opened", LANG, name=md_escape(origin["name"]), version=origin["version"],
                author=md_escape(origin["author"] or "–"), at=L.saved_at(origin["created_at"], LANG)))
    if origin["version"] != origin["latest_version"]:
        st.caption(L.t("opened_old", LANG, latest=origin["latest_version"]))

# settings
st.subheader(L.t("settings", LANG))
c1, c2 = st.columns([3, 2])
with c1:
    st.radio(L.t("mode", LANG), list(model.MODES), format_func=lambda m: L.mode_name(m, LANG), key=sess.K.MODE,
             on_change=sess.on_setting, args=("mode",))
    if scn.mode == "fixed_absorber":
        absorbers = [ln.line_id for ln in scn.active_lines if not ln.ministry]
        st.selectbox(L.t("absorber", LANG), absorbers, format_func=lambda i: L.line_label(LINES[i], LANG),
                     key=sess.K.ABSORBER, help=L.t("absorber_help", LANG), placeholder=L.t("choose_one", LANG),
                     on_change=sess.on_setting, args=("absorber",))
with c2:
    st.checkbox(L.t("mixing", LANG), key=sess.K.MIX, help=L.t("mixing_help", LANG),
                on_change=sess.on_setting, args=("mix",))
    st.multiselect(L.t("candidates", LANG), [ln.line_id for ln in baseline.candidates],
                   format_func=lambda i: L.line_name(LINES[i], LANG), key=sess.K.CANDIDATES,
                   help=L.t("candidates_help", LANG), on_change=sess.on_setting, args=("candidates",),
                   placeholder=L.t("choose_many", LANG))
    st.button(L.t("reset", LANG), key="scn_reset", on_click=sess.on_reset, icon=":material/restart_alt:")
    cand_cites = [c for ln in baseline.candidates for c in ln.cap_cite_ids + ln.status_cite_ids]
    ui.source_note(cand_cites, key="scn_cand_src")
sess.show_notices("settings", LANG, UNIT, LINES)

@st.fragment
def scenario_body() -> None:
    """Everything an amount changes: the lines, moving money, the rules, the indicators and chart,
    the floor, the split, sharing. A fragment: typing an amount reruns only this part, not the
    settings, saving, saved list and comparison around it (issue #6: input -> chart time). When
    something outside must follow the change (the "opened" note of a saved scenario, or the
    comparison showing the scenario being edited), the whole page reruns instead."""
    ui.keep_state(*sess.kept_in_body(baseline))
    editor.read_edits(baseline)  # what was typed into the lines' editor (a fragment run)
    scn = sess.current_scenario(baseline)
    if sess.whole_page_must_follow(scn):
        st.rerun(scope="app")
    link = sess.link_params(scn)
    sess.write_url(link)
    sess.sync_inputs(scn, LANG, UNIT)
    violations = scn.violations()

    # the lines, then the rules and the chart just under them: what an edit changes stays in view
    st.subheader(L.t("lines", LANG))
    st.caption(L.t("lines_help", LANG, unit=U))
    line_rows, source_rows = scn.line_rows(), scn.source_rows()
    editor.draw(scn, LANG, UNIT)
    for line_id, (err, typed) in S.get(sess.K.AMT_ERRORS, {}).items():
        st.error(L.t("line_error", LANG, line=md_escape(L.line_name(LINES[line_id], LANG)),
                     message=L.error_text(err, LANG, UNIT, LINES, typed, escape=md_escape)))
    left, right = st.columns([2, 3], gap="medium")
    with left:
        if not violations:
            st.success(L.t("rules_ok", LANG))
        else:
            st.error(L.t("rules_broken", LANG, n=len(violations)))
            for i, v in enumerate(violations):
                st.error(L.violation_text(v, LANG, UNIT, LINES), icon=":material/rule:")
                ui.source_note(v.cite_ids, key=f"scn_rule_{i}")
        st.caption(L.t("rules_list", LANG))
        st.markdown(summaries.lines_summary(line_rows, source_rows, LINES, LANG, UNIT))
    with right:
        lines_table = charts.lines_table(line_rows, LINES, LANG, UNIT)
        ui.chart_block(
            charts.lines_vs_plan_bar(charts.lines_chart_frame(line_rows, LINES, LANG), LANG, UNIT), lines_table,
            None, [r["cite_ids"] for r in line_rows] + [r["cite_ids"] for r in source_rows],
            key="scn_lines", filename="kich-ban", shown=fmt.readable(lines_table, LANG))

    # the totals by source
    cols = st.columns(3)
    for col, r in zip(cols, [source_rows[-1], *source_rows[:-1]]):
        label = ui.name("funding_kind", r["funding_kind"]) if r["funding_kind"] else L.t("metric_total", LANG)
        col.metric(L.metric_label(label, LANG, UNIT), fmt.amount(r["amount_mvnd"], LANG, UNIT),
                   delta=L.metric_delta(r["diff_mvnd"], LANG, UNIT))

    # below the first screen: each part is drawn once opened (ui.lazy_expander)
    move = ui.lazy_expander(L.t("move", LANG), sess.K.OPEN_MOVE, icon=":material/swap_horiz:")
    if move.open:
        with move:
            move_money(scn)
    floor = ui.lazy_expander(L.t("floor", LANG), sess.K.OPEN_FLOOR, icon=":material/percent:",
                             expanded=scn.local_budget is not None)
    if floor.open:
        with floor:
            floor_check(scn)
    # the user's own split of the recurrent block, where the document gives it as one line (its detail
    # lines, where it has them, are the scenario's lines already)
    if sum(1 for ln in baseline.plan_lines if ln.funding_kind == "recurrent") == 1:
        split = ui.lazy_expander(L.t("split", LANG), sess.K.OPEN_SPLIT, icon=":material/call_split:",
                                 expanded=scn.split_kind is not None)
        if split.open:
            with split:
                split_block(scn)
    share = ui.lazy_expander(L.t("share", LANG), sess.K.OPEN_SHARE, icon=":material/share:")
    if share.open:
        with share:
            share_block(scn, link, line_rows, source_rows)
    present.remember_on_screen(sess.PAGE_PATH)  # a fragment run: the sidebar's briefing follows it


def move_money(scn) -> None:
    active_ids = [ln.line_id for ln in scn.active_lines]
    with st.form("scn_move_form", border=False):
        m1, m2, m3 = st.columns(3)
        m1.selectbox(L.t("move_from", LANG), active_ids, placeholder=L.t("choose_one", LANG),
                     format_func=lambda i: L.line_label(LINES[i], LANG),
                     key=sess.K.MOVE_FROM)
        m2.selectbox(L.t("move_to", LANG), active_ids, placeholder=L.t("choose_one", LANG),
                     format_func=lambda i: L.line_label(LINES[i], LANG),
                     key=sess.K.MOVE_TO, index=min(1, len(active_ids) - 1))
        m3.text_input(L.t("move_amount", LANG, unit=U), key=sess.K.MOVE_AMOUNT,
                      placeholder=L.t(f"placeholder_{UNIT}", LANG))
        st.form_submit_button(L.t("move_submit", LANG), key="scn_move_submit", on_click=sess.on_move,
                              icon=":material/swap_horiz:")
    sess.show_notices("move", LANG, UNIT, LINES)


def floor_check(scn) -> None:
    st.text_input(L.t("local_budget", LANG, unit=U), key=sess.K.LOCAL_BUDGET,
                  help=L.t("local_budget_help", LANG), on_change=sess.on_local_budget)
    if sess.K.LOCAL_ERROR in S:
        err, typed = S[sess.K.LOCAL_ERROR]
        st.error(L.error_text(err, LANG, UNIT, LINES, typed, escape=md_escape))
    check = scn.floor_check()
    if check is None:
        st.info(L.t("floor_missing", LANG))
    else:
        f1, f2 = st.columns(2)
        f1.metric(L.t("metric_share", LANG), fmt.pct(check["share_pct"], LANG, 2))
        f2.metric(L.metric_label(L.t("metric_floor_amount", LANG), LANG, UNIT),
                  fmt.amount(check["floor_mvnd"], LANG, UNIT))
        (st.success if check["meets"] else st.warning)(L.floor_text(check, LANG, UNIT))
        st.caption(L.t("floor_note", LANG, provincial=ui.money(check["provincial_mvnd"])))
    ui.source_note(baseline.floor_cite_ids, key="scn_floor_src")


def split_block(scn) -> None:
    st.warning(L.t("split_warning", LANG, amount=ui.money(model.from_tenths(baseline.source_plan("recurrent")))))
    n_codes = {kind: len(baseline.split_codes.get(kind, ())) for kind in model.SPLIT_KINDS}
    st.radio(L.t("split_kind", LANG), ["none", *model.SPLIT_KINDS], horizontal=True, key=sess.K.SPLIT_KIND,
             format_func=lambda k: L.split_kind_name(None if k == "none" else k, LANG, n_codes.get(k, 0)),
             on_change=sess.on_split_kind)
    if scn.split_kind:
        share_errors = S.get(sess.K.SHARE_ERRORS, {})
        codes = baseline.split_codes.get(scn.split_kind, ())
        grid = st.columns(4)
        for i, code in enumerate(codes):
            grid[i % 4].text_input(
                L.t("share_label", LANG, name=L.split_code_name(scn.split_kind, code, LANG)),
                key=sess.K.share(scn.split_kind, code), on_change=sess.on_share,
                args=(scn.split_kind, code))
        for code, (err, typed) in share_errors.items():
            st.error(L.error_text(err, LANG, UNIT, LINES, typed, escape=md_escape))
        try:
            split_rows = scn.split_rows()
        except model.ScenarioError:
            st.caption(L.t("shares_sum", LANG, total=fmt.pct(scn.split_total_pct(), LANG)))
        else:
            st.caption(L.t("split_caption", LANG))
            split_table = charts.split_table(split_rows, scn.split_kind, LANG, UNIT)
            ui.table_block(split_table, baseline.source_cite_ids["recurrent"], key="scn_split",
                           filename="chia-kinh-phi-su-nghiep-gia-dinh", shown=fmt.readable(split_table, LANG))


def share_block(scn, link: dict, line_rows: list, source_rows: list) -> None:
    if sess.link_too_long(scn, link):
        st.warning(L.t("link_too_long", LANG, max_chars=fmt.count(model.URL_PAYLOAD_MAX, LANG)))
    else:
        st.caption(L.t("permalink" if link["id"] else "share_link", LANG))
        # the document, when the address names it (several documents): the scenario is that document's
        st.code(model.share_url(st.context.url, sess.PAGE_PATH, {**link, "doc": url_state.current("doc")}),
                language=None, wrap_lines=True)
    ui.download_buttons(charts.export_table(line_rows, source_rows, LINES, LANG, UNIT), "kich-ban", key="scn_export")


def save_part(store, store_reason: str | None) -> None:
    if store is None:
        st.warning(L.t(f"store_{store_reason}", LANG))
    elif store.read_only:
        st.warning(L.t(f"store_{store.read_only_reason}", LANG))
    can_save = store is not None and not store.read_only
    with st.form("scn_save_form", border=False):
        st.text_input(L.t("save_name", LANG), key=sess.K.SAVE_NAME)
        st.text_input(L.t("save_author", LANG), key=sess.K.SAVE_AUTHOR)
        st.text_area(L.t("save_note", LANG), key=sess.K.SAVE_NOTE, height=80)
        if origin:
            st.radio(L.t("save_as", LANG), ["version", "new"], key=sess.K.SAVE_AS, horizontal=True,
                     format_func=lambda k: (L.t("save_as_version", LANG, name=md_escape(origin["name"]))
                                            if k == "version" else L.t("save_as_new", LANG)))
        st.form_submit_button(L.t("save_submit", LANG), key="scn_save_submit", on_click=sess.on_save,
                              disabled=not can_save, icon=":material/save:")
    sess.show_notices("save", LANG, UNIT, LINES)


def saved_part(store, saved: list[dict], list_failed: str | None) -> None:
    sess.show_notices("saved", LANG, UNIT, LINES)
    if list_failed:
        st.warning(L.t(f"store_{list_failed}", LANG))
    elif store is not None and not saved:
        st.caption(L.t("none_saved", LANG))
    if not saved:
        return
    by_id = {r["scenario_id"]: r for r in saved}
    can_save = not store.read_only
    saved_table = charts.saved_table(saved, LANG)
    st.dataframe(saved_table, hide_index=True, width="stretch", key="scn_saved_table")
    ui.download_buttons(saved_table, "kich-ban-da-luu", key="scn_saved")
    p1, p2 = st.columns([3, 2])
    p1.selectbox(L.t("pick", LANG), list(by_id), placeholder=L.t("choose_many", LANG),
                 format_func=lambda i: L.saved_option(by_id[i], LANG),
                 key=sess.K.PICK, on_change=sess.on_pick)
    picked = S.get(sess.K.PICK)
    if picked in by_id:
        version_rows = {v["version"]: v for v in reversed(store.versions(picked))}
        versions = list(version_rows)
        p2.selectbox(L.t("pick_version", LANG), versions, placeholder=L.t("choose_many", LANG),
                     format_func=lambda v: L.version_option(version_rows[v], LANG), key=sess.K.PICK_VERSION)
        b1, b2, b3, _ = st.columns([1, 1, 1.3, 2.7])
        b1.button(L.t("open", LANG), key="scn_open", on_click=sess.on_open, icon=":material/folder_open:")
        b3.button(ui.tr(PL.UI["present_saved"]), key="scn_present_saved", on_click=present.present_scenario,
                  args=(picked,), icon=":material/slideshow:")
        if b2.button(L.t("delete", LANG), key="scn_delete", disabled=not can_save, icon=":material/delete:"):
            S[sess.K.CONFIRM_DELETE] = picked
        st.caption(L.t("permalink", LANG))
        st.code(model.share_url(st.context.url, sess.PAGE_PATH, {"id": picked, "doc": url_state.current("doc")}),
                language=None, wrap_lines=True)
        pending = S.get(sess.K.CONFIRM_DELETE)
        if pending in by_id:
            st.warning(L.t("delete_confirm", LANG, name=md_escape(by_id[pending]["name"]),
                           n=by_id[pending]["n_versions"]))
            y, n, _ = st.columns([1, 1, 4])
            y.button(L.t("delete_yes", LANG), key="scn_delete_yes", type="primary",
                     on_click=sess.on_delete_confirmed, args=(pending, by_id[pending]["name"]))
            n.button(L.t("delete_no", LANG), key="scn_delete_no", on_click=lambda: S.pop(sess.K.CONFIRM_DELETE, None))


def compare_part(store, saved: list[dict], list_failed: str | None) -> None:
    if list_failed:  # only the scenario on screen can be compared: say why
        st.warning(L.t(f"store_{list_failed}", LANG))
    by_id = {r["scenario_id"]: r for r in saved}
    options = ["current", *by_id]
    S[sess.K.COMPARE] = [k for k in S.get(sess.K.COMPARE, []) if k in options]
    chosen = st.multiselect(L.t("compare_pick", LANG), options, max_selections=3, key=sess.K.COMPARE,
                            placeholder=L.t("choose_many", LANG),
                            format_func=lambda k: L.t("compare_current", LANG) if k == "current"
                            else L.saved_option(by_id[k], LANG))
    compared: list[tuple[str, model.Scenario]] = []
    labels_by_key: dict[str, str] = {}
    for key in chosen:
        if key == "current":
            compared.append((key, scn))
            labels_by_key[key] = L.t("compare_current", LANG)
            continue
        try:
            record = store.load(key)
            compared.append((key, model.Scenario.from_payload(baseline, record["payload"])))
            labels_by_key[key] = record["name"]
        except (stores.NotFound, stores.StoreUnavailable, model.ScenarioError):
            st.warning(L.t("bad_saved", LANG))
    if not compared:
        st.caption(L.t("compare_hint", LANG))
    else:
        names = charts.compare_names(labels_by_key)
        rows = model.compare_rows(baseline, compared)
        compare_table = charts.compare_table(rows, names, LINES, LANG, UNIT)
        ui.chart_block(
            charts.compare_diff_bar(charts.compare_chart_frame(rows, names, LINES, LANG), LANG, UNIT), compare_table,
            summaries.compare_summary(rows, {k: md_escape(v) for k, v in names.items()}, LANG, UNIT),
            [ln.cite_ids for ln in baseline.lines] + [baseline.total_cite_ids],
            key="scn_compare_block", filename="so-sanh-kich-ban", shown=fmt.readable(compare_table, LANG))


scenario_body()
# outside the fragment: a click here must rerun the whole app, whose shell opens the slideshow
st.button(ui.tr(PL.UI["present_this"]), key="scn_present", on_click=present.present_scenario, args=(present.CURRENT,),
          icon=":material/slideshow:", help=ui.tr(PL.UI["present_this_help"]))
store, store_reason = sess.open_store()
save = ui.lazy_expander(L.t("save", LANG), sess.K.OPEN_SAVE, icon=":material/save:")
saved_box = ui.lazy_expander(L.t("saved_list", LANG), sess.K.OPEN_SAVED, icon=":material/bookmarks:")
compare = ui.lazy_expander(L.t("compare", LANG), sess.K.OPEN_COMPARE, icon=":material/compare_arrows:")
if save.open:
    with save:
        save_part(store, store_reason)
if saved_box.open or compare.open:
    saved, list_failed = sess.list_saved(store)
    if saved_box.open:
        with saved_box:
            saved_part(store, saved, list_failed)
    if compare.open:
        with compare:
            compare_part(store, saved, list_failed)
