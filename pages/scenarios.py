"""Allocation scenarios: reallocate the 2021 budget within the document's rules; save, share, compare.

Layout and session glue only: the arithmetic is khcn_dash.scenario, the saving
khcn_dash.scenario_store, the sentences khcn_dash.labels.scenarios. Every edit goes through a
callback that rebuilds the scenario from its payload, so the numbers on screen, the link in the
address bar and what gets saved are always the same thing.
"""
from __future__ import annotations

import logging

import streamlit as st

from khcn_dash import scenario as model
from khcn_dash import scenario_store as stores
from khcn_dash import ui
from khcn_dash.charts import scenarios as charts
from khcn_dash.labels import scenarios as L
from khcn_dash.queries import scenarios as q

ui.require_app_shell()  # a permalink that is a fresh server's first request still gets app.py's shell

log = logging.getLogger("khcn_dash.scenarios")
S = st.session_state
PAGE_PATH = "scenarios"


# --- state -----------------------------------------------------------------------------------

def _baseline() -> model.Baseline:
    return model.Baseline.from_query(q.baseline_lines().to_dict("records"), q.rule_sources(), q.split_codes())


def _current(baseline: model.Baseline) -> model.Scenario:
    payload = S.get("scn_payload")
    if payload is not None:
        try:
            return model.Scenario.from_payload(baseline, payload)
        except model.ScenarioError:
            log.warning("session scenario no longer matches the data; back to the plan")
    return model.Scenario.plan(baseline)


def _notice(level: str, key: str | None = None, err: model.ScenarioError | None = None, typed: str = "",
            where: str = "top", **kw) -> None:
    """A message for the next run, shown where the user acted (`where`: top, settings, move, save, saved)."""
    S.setdefault("scn_notices", []).append({"level": level, "key": key, "err": err, "typed": typed,
                                            "where": where, "kw": kw})


def _commit(scn: model.Scenario) -> None:
    S["scn_payload"] = scn.to_payload()
    S["scn_amt_errors"] = {}


def _store():
    """(store, None) or (None, reason)."""
    try:
        return stores.open_store(), None
    except stores.StoreUnavailable as exc:
        log.warning("scenario store unavailable: %s", exc)
        return None, exc.reason


# --- callbacks (run before the page, in the order the user acted) -----------------------------

def _on_amount(line_id: str) -> None:
    baseline = _baseline()
    typed = S.get(f"scn_amt_{line_id}", "")
    try:
        amount = model.parse_amount(typed, ui.lang(), ui.unit(), baseline.max_amount_mvnd)
        new = _current(baseline).set_amount(line_id, amount)
    except model.ScenarioError as err:
        S.setdefault("scn_amt_errors", {})[line_id] = (err, typed)
        return
    _commit(new)


def _on_setting(kind: str) -> None:
    scn = _current(_baseline())
    try:
        if kind == "mode":
            scn = scn.with_mode(S["scn_mode"])
        elif kind == "mix":
            scn = scn.with_mixing(S["scn_mix"])
        elif kind == "absorber":
            scn = scn.with_absorber(S.get("scn_absorber"))
        elif kind == "candidates":
            wanted = set(S.get("scn_candidates") or [])
            for ln in scn.baseline.candidates:
                if ln.line_id in wanted and ln.line_id not in scn.amounts:
                    scn = scn.add_candidate(ln.line_id)
                elif ln.line_id not in wanted and ln.line_id in scn.amounts:
                    scn = scn.remove_candidate(ln.line_id)
    except model.ScenarioError as err:
        _notice("error", err=err, where="settings")
        return
    _commit(scn)


def _on_reset() -> None:
    """Back to the plan: a fresh start, no longer tied to a saved scenario."""
    _commit(model.Scenario.plan(_baseline()))
    S["scn_origin"] = None


def _on_move() -> None:
    baseline = _baseline()
    typed = S.get("scn_move_amount", "")
    try:
        amount = model.parse_amount(typed, ui.lang(), ui.unit(), baseline.max_amount_mvnd)
        new = _current(baseline).move(S["scn_move_from"], S["scn_move_to"], amount)
    except model.ScenarioError as err:
        _notice("error", err=err, typed=typed, where="move")
        return
    _commit(new)
    _notice("success", "moved", amount=amount, from_id=S["scn_move_from"], to_id=S["scn_move_to"], where="move")


def _on_local_budget() -> None:
    typed = S.get("scn_local_budget", "")
    scn = _current(_baseline())
    try:
        value = (None if not typed.strip() else
                 model.parse_amount(typed, ui.lang(), ui.unit(), model.MAX_LOCAL_BUDGET_MVND))
        scn = scn.with_local_budget(value)
    except model.ScenarioError as err:
        S["scn_local_error"] = (err, typed)
        return
    S.pop("scn_local_error", None)
    _commit(scn)


def _on_split_kind() -> None:
    kind = S.get("scn_split_kind")
    S["scn_share_errors"] = {}
    _commit(_current(_baseline()).with_split(None if kind == "none" else kind))


def _on_share(kind: str, code: str) -> None:
    typed = S.get(f"scn_share_{kind}_{code}", "")
    scn = _current(_baseline())
    try:
        share = model.parse_share(typed, ui.lang())
        scn = scn.with_split(kind, {**scn.split_shares, code: share})
    except model.ScenarioError as err:
        S.setdefault("scn_share_errors", {})[code] = (err, typed)
        return
    S.setdefault("scn_share_errors", {}).pop(code, None)
    _commit(scn)


def _on_save() -> None:
    scn = _current(_baseline())
    if scn.violations():
        _notice("error", "save_blocked", where="save")
        return
    store, reason = _store()
    if store is None:
        _notice("warning", f"store_{reason}", where="save")
        return
    origin = S.get("scn_origin")
    as_version = origin is not None and S.get("scn_save_as", "version") == "version"
    try:
        sid, version = store.save(scn.to_payload(), S.get("scn_save_name", ""), S.get("scn_save_author", ""),
                                  S.get("scn_save_note", ""), scenario_id=origin["scenario_id"] if as_version else None)
        record = store.load(sid, version)
    except model.ScenarioError as err:
        _notice("error", err=err, where="save")
        return
    except stores.NotFound:
        _notice("error", "not_found", where="save")
        return
    except stores.StoreUnavailable as exc:
        _notice("warning", "store_failed" if exc.reason == "failed" else f"store_{exc.reason}", where="save")
        return
    S["scn_origin"] = record
    _notice("success", "saved", name=record["name"], version=version, where="save")


def _open(scenario_id: str, version: int | None, where: str = "top") -> None:
    baseline = _baseline()
    store, reason = _store()
    if store is None:
        _notice("warning", f"store_{reason}", where=where)
        return
    try:
        record = store.load(scenario_id, version)
        scn = model.Scenario.from_payload(baseline, record["payload"])
    except stores.NotFound:
        _notice("warning", "not_found", where=where)
        return
    except stores.StoreUnavailable as exc:
        _notice("warning", "store_failed" if exc.reason == "failed" else f"store_{exc.reason}", where=where)
        return
    except model.ScenarioError:
        _notice("warning", "bad_saved", where=where)
        return
    _commit(scn)
    S["scn_origin"] = record


def _on_open() -> None:
    if S.get("scn_pick"):
        _open(S["scn_pick"], S.get("scn_pick_version"), where="saved")


def _on_delete_confirmed(scenario_id: str, name: str) -> None:
    store, reason = _store()
    S.pop("scn_confirm_delete", None)
    if store is None:
        _notice("warning", f"store_{reason}", where="saved")
        return
    try:
        store.delete(scenario_id)
    except stores.StoreUnavailable as exc:
        _notice("warning", "store_failed" if exc.reason == "failed" else f"store_{exc.reason}", where="saved")
        return
    if (S.get("scn_origin") or {}).get("scenario_id") == scenario_id:
        S["scn_origin"] = None
    S["scn_compare"] = [k for k in S.get("scn_compare", []) if k != scenario_id]
    _notice("success", "deleted", name=name, where="saved")


# --- the address bar ---------------------------------------------------------------------------

def _read_url(baseline: model.Baseline) -> None:
    """Opens what a link asks for, once per distinct link: ?id=…[&v=…] (saved) or ?s=… (unsaved)."""
    qid, qv, qs = (st.query_params.get(k) for k in ("id", "v", "s"))
    if (qid is None and qs is None) or (qid, qv, qs) == S.get("scn_url"):
        return
    S["scn_url"] = (qid, qv, qs)
    if qid is not None:
        version = None
        if qv is not None:
            version = int(qv) if qv.isdigit() and len(qv) < 7 and int(qv) > 0 else -1
        if not stores.valid_id(qid) or version == -1:
            _notice("warning", "bad_id")
            return
        _open(qid, version)
        return
    try:
        scn = model.Scenario.from_payload(baseline, model.decode_url(qs))
    except model.ScenarioError:
        _notice("warning", "bad_link")
        return
    _commit(scn)
    S["scn_origin"] = None
    _notice("info", "opened_link")


def _link_params(scn: model.Scenario) -> dict:
    origin = S.get("scn_origin")
    if origin and origin["payload"] == scn.to_payload():
        latest = origin["version"] == origin["latest_version"]
        return {"id": origin["scenario_id"], "v": None if latest else str(origin["version"]), "s": None}
    if scn.is_plan:
        return {"id": None, "v": None, "s": None}
    return {"id": None, "v": None, "s": model.encode_url(scn.to_payload())}


def _write_url(params: dict) -> None:
    """Puts the scenario in the address bar (only what changed, so the browser's history stays calm)."""
    for key, value in params.items():
        if st.query_params.get(key) == value:
            continue
        if value is None:
            st.query_params.pop(key, None)
        else:
            st.query_params[key] = value
    S["scn_url"] = (params["id"], params["v"], params["s"])


# --- widgets mirror the scenario ---------------------------------------------------------------

def _sync_widgets(scn: model.Scenario, lang: str, unit: str) -> None:
    errors = S.get("scn_amt_errors", {})
    for ln in scn.active_lines:
        if ln.line_id not in errors:
            S[f"scn_amt_{ln.line_id}"] = model.amount_text(scn.amount(ln.line_id), lang, unit)
    S["scn_mode"] = scn.mode
    S["scn_mix"] = scn.allow_mixing
    S["scn_absorber"] = scn.absorber
    S["scn_candidates"] = [ln.line_id for ln in scn.active_lines if ln.candidate]
    if "scn_local_error" not in S:
        S["scn_local_budget"] = ("" if scn.local_budget is None
                                 else model.amount_text(model.from_tenths(scn.local_budget), lang, unit))
    S["scn_split_kind"] = scn.split_kind or "none"
    share_errors = S.get("scn_share_errors", {})
    for kind in model.SPLIT_KINDS:
        for code in scn.baseline.split_codes.get(kind, ()):
            if code not in share_errors:
                share = scn.split_shares.get(code) if scn.split_kind == kind else None
                S[f"scn_share_{kind}_{code}"] = model.amount_text(share, lang) if share else ""


def _show_notices(where: str, lang: str, unit: str, lines: dict) -> None:
    """The messages left by the callbacks for this place; what the user typed or named is escaped,
    never read as Markdown."""
    notices = S.get("scn_notices", [])
    S["scn_notices"] = [n for n in notices if n["where"] != where]
    for n in (n for n in notices if n["where"] == where):
        if n["err"] is not None:
            text = L.error_text(n["err"], lang, unit, lines, n["typed"], escape=ui._md_escape)
        else:
            kw = {k: ui._md_escape(v) if isinstance(v, str) else v for k, v in n["kw"].items()}
            if "amount" in kw:
                kw["amount"] = L.money(kw["amount"], lang, unit)
            for k_in, k_out in (("from_id", "from_line"), ("to_id", "to_line")):
                if k_in in kw:
                    kw[k_out] = L.line_name(lines[n["kw"][k_in]], lang)
                    kw.pop(k_in)
            text = L.t(n["key"], lang, **kw)
        getattr(st, n["level"])(text)


# --- page ------------------------------------------------------------------------------------

LANG, UNIT = ui.lang(), ui.unit()
U = L.unit_text(LANG, UNIT)
baseline = _baseline()
LINES = {ln.line_id: ln for ln in baseline.lines}
_read_url(baseline)
scn = _current(baseline)
link = _link_params(scn)
_write_url(link)
_sync_widgets(scn, LANG, UNIT)
violations = scn.violations()

st.title(L.t("title", LANG))
st.caption(L.t("intro", LANG))
_show_notices("top", LANG, UNIT, LINES)
origin = S.get("scn_origin")
if origin and origin["payload"] == scn.to_payload():
    st.info(L.t("opened", LANG, name=ui._md_escape(origin["name"]), version=origin["version"],
                author=ui._md_escape(origin["author"] or "–"), at=L.saved_at(origin["created_at"], LANG)))
    if origin["version"] != origin["latest_version"]:
        st.caption(L.t("opened_old", LANG, latest=origin["latest_version"]))

# settings
st.subheader(L.t("settings", LANG))
c1, c2 = st.columns([3, 2])
with c1:
    st.radio(L.t("mode", LANG), list(model.MODES), format_func=lambda m: L.mode_name(m, LANG), key="scn_mode",
             on_change=_on_setting, args=("mode",))
    if scn.mode == "fixed_absorber":
        absorbers = [ln.line_id for ln in scn.active_lines if not ln.ministry]
        st.selectbox(L.t("absorber", LANG), absorbers, format_func=lambda i: L.line_label(LINES[i], LANG),
                     key="scn_absorber", help=L.t("absorber_help", LANG), placeholder=L.t("choose_one", LANG),
                     on_change=_on_setting, args=("absorber",))
with c2:
    st.checkbox(L.t("mixing", LANG), key="scn_mix", help=L.t("mixing_help", LANG),
                on_change=_on_setting, args=("mix",))
    st.multiselect(L.t("candidates", LANG), [ln.line_id for ln in baseline.candidates],
                   format_func=lambda i: L.line_name(LINES[i], LANG), key="scn_candidates",
                   help=L.t("candidates_help", LANG), on_change=_on_setting, args=("candidates",),
                   placeholder=L.t("choose_many", LANG))
    st.button(L.t("reset", LANG), key="scn_reset", on_click=_on_reset, icon=":material/restart_alt:")
    cand_cites = [c for ln in baseline.candidates for c in ln.cap_cite_ids + ln.status_cite_ids]
    ui.source_note(cand_cites, key="scn_cand_src")
_show_notices("settings", LANG, UNIT, LINES)

# lines
st.subheader(L.t("lines", LANG))
amt_errors = S.get("scn_amt_errors", {})
rows_by_line = {r["line_id"]: r for r in scn.line_rows()}
for kind in model.SOURCES:
    st.markdown(f"**{ui._md_escape(ui.name('funding_kind', kind))}** · "
                f"{ui._md_escape(L.t('plan_is', LANG, amount=ui.money(model.from_tenths(baseline.source_plan(kind)))))}")
    for ln in (x for x in scn.active_lines if x.funding_kind == kind):
        row = st.columns([4, 3, 3])
        row[0].markdown(ui._md_escape(L.line_label(ln, LANG)))
        row[0].caption(L.line_caption(rows_by_line[ln.line_id], LANG, UNIT))
        row[1].text_input(L.t("amount_label", LANG, unit=U), key=f"scn_amt_{ln.line_id}",
                          placeholder=L.t(f"placeholder_{UNIT}", LANG), on_change=_on_amount, args=(ln.line_id,))
        if ln.ministry:
            row[2].caption(L.t("fixed_ministry", LANG))
        elif ln.cap is not None:
            row[2].caption(L.t("cap_is", LANG, cap=ui.money(model.from_tenths(ln.cap)),
                               headroom=ui.money(model.from_tenths(ln.cap - scn.amounts[ln.line_id]))))
        elif ln.project_id is not None:
            row[2].caption(L.t("no_cap", LANG))
        if ln.line_id in amt_errors:
            err, typed = amt_errors[ln.line_id]
            st.error(L.error_text(err, LANG, UNIT, LINES, typed, escape=ui._md_escape))

# move money
active_ids = [ln.line_id for ln in scn.active_lines]
with st.form("scn_move_form", border=True):
    st.markdown(f"**{L.t('move', LANG)}**")
    m1, m2, m3 = st.columns(3)
    m1.selectbox(L.t("move_from", LANG), active_ids, format_func=lambda i: L.line_label(LINES[i], LANG),
                 key="scn_move_from")
    m2.selectbox(L.t("move_to", LANG), active_ids, format_func=lambda i: L.line_label(LINES[i], LANG),
                 key="scn_move_to", index=min(1, len(active_ids) - 1))
    m3.text_input(L.t("move_amount", LANG, unit=U), key="scn_move_amount",
                  placeholder=L.t(f"placeholder_{UNIT}", LANG))
    st.form_submit_button(L.t("move_submit", LANG), key="scn_move_submit", on_click=_on_move,
                          icon=":material/swap_horiz:")
_show_notices("move", LANG, UNIT, LINES)

# rules
st.subheader(L.t("rules", LANG))
st.caption(L.t("rules_list", LANG))
if not violations:
    st.success(L.t("rules_ok", LANG))
else:
    st.error(L.t("rules_broken", LANG, n=len(violations)))
    for i, v in enumerate(violations):
        st.error(L.violation_text(v, LANG, UNIT, LINES), icon=":material/rule:")
        ui.source_note(v.cite_ids, key=f"scn_rule_{i}")

# indicators
st.subheader(L.t("indicators", LANG))
line_rows, source_rows = scn.line_rows(), scn.source_rows()
cols = st.columns(3)
for col, r in zip(cols, [source_rows[-1], *source_rows[:-1]]):
    label = ui.name("funding_kind", r["funding_kind"]) if r["funding_kind"] else L.t("metric_total", LANG)
    col.metric(L.metric_label(label, LANG, UNIT), L.metric_value(r["amount_mvnd"], LANG, UNIT),
               delta=L.metric_delta(r["diff_mvnd"], LANG, UNIT))
lines_table = L.lines_table(line_rows, LINES, LANG, UNIT)
ui.chart_block(
    charts.lines_vs_plan_bar(L.lines_chart_frame(line_rows, LINES, LANG), LANG, UNIT), lines_table,
    L.lines_summary(line_rows, source_rows, LINES, LANG, UNIT),
    [r["cite_ids"] for r in line_rows] + [r["cite_ids"] for r in source_rows],
    key="scn_lines", filename="kich-ban-2021", shown=L.for_screen(lines_table, LANG, UNIT))

st.markdown(f"**{L.t('floor', LANG)}**")
st.text_input(L.t("local_budget", LANG, unit=U), key="scn_local_budget",
              help=L.t("local_budget_help", LANG), on_change=_on_local_budget)
if "scn_local_error" in S:
    err, typed = S["scn_local_error"]
    st.error(L.error_text(err, LANG, UNIT, LINES, typed, escape=ui._md_escape))
check = scn.floor_check()
if check is None:
    st.info(L.t("floor_missing", LANG))
else:
    f1, f2 = st.columns(2)
    f1.metric(L.t("metric_share", LANG), L.pct(check["share_pct"], LANG, 2))
    f2.metric(L.metric_label(L.t("metric_floor_amount", LANG), LANG, UNIT),
              L.metric_value(check["floor_mvnd"], LANG, UNIT))
    (st.success if check["meets"] else st.warning)(L.floor_text(check, LANG, UNIT))
    st.caption(L.t("floor_note", LANG, provincial=ui.money(check["provincial_mvnd"])))
ui.source_note(baseline.floor_cite_ids, key="scn_floor_src")

# the user's own split of the recurrent block
with st.expander(L.t("split", LANG), expanded=scn.split_kind is not None):
    st.warning(L.t("split_warning", LANG))
    st.radio(L.t("split_kind", LANG), ["none", *model.SPLIT_KINDS], horizontal=True, key="scn_split_kind",
             format_func=lambda k: L.split_kind_name(None if k == "none" else k, LANG), on_change=_on_split_kind)
    if scn.split_kind:
        share_errors = S.get("scn_share_errors", {})
        codes = baseline.split_codes.get(scn.split_kind, ())
        grid = st.columns(4)
        for i, code in enumerate(codes):
            grid[i % 4].text_input(
                L.t("share_label", LANG, name=L.split_code_name(scn.split_kind, code, LANG)),
                key=f"scn_share_{scn.split_kind}_{code}", on_change=_on_share,
                args=(scn.split_kind, code))
        for code, (err, typed) in share_errors.items():
            st.error(L.error_text(err, LANG, UNIT, LINES, typed, escape=ui._md_escape))
        try:
            split_rows = scn.split_rows()
        except model.ScenarioError:
            st.caption(L.t("shares_sum", LANG, total=L.pct(scn.split_total_pct(), LANG)))
        else:
            st.caption(L.t("split_caption", LANG))
            split_table = L.split_table(split_rows, scn.split_kind, LANG, UNIT)
            ui.table_block(split_table, baseline.source_cite_ids["recurrent"], key="scn_split",
                           filename="chia-kinh-phi-su-nghiep-gia-dinh", shown=L.for_screen(split_table, LANG, UNIT))

# share and download
st.subheader(L.t("share", LANG))
st.caption(L.t("permalink" if link["id"] else "share_link", LANG))
st.code(model.share_url(st.context.url, PAGE_PATH, link), language=None, wrap_lines=True)
ui.download_buttons(L.export_table(line_rows, source_rows, LINES, LANG, UNIT), "kich-ban-2021", key="scn_export")

# save
st.subheader(L.t("save", LANG))
store, store_reason = _store()
if store is None:
    st.warning(L.t(f"store_{store_reason}", LANG))
elif store.read_only:
    st.warning(L.t("store_read_only", LANG))
can_save = store is not None and not store.read_only
with st.form("scn_save_form", border=True):
    st.text_input(L.t("save_name", LANG), key="scn_save_name")
    st.text_input(L.t("save_author", LANG), key="scn_save_author")
    st.text_area(L.t("save_note", LANG), key="scn_save_note", height=80)
    if origin:
        st.radio(L.t("save_as", LANG), ["version", "new"], key="scn_save_as", horizontal=True,
                 format_func=lambda k: (L.t("save_as_version", LANG, name=ui._md_escape(origin["name"])) if k == "version"
                                        else L.t("save_as_new", LANG)))
    st.form_submit_button(L.t("save_submit", LANG), key="scn_save_submit", on_click=_on_save,
                          disabled=not can_save, icon=":material/save:")
_show_notices("save", LANG, UNIT, LINES)

# saved scenarios
st.subheader(L.t("saved_list", LANG))
_show_notices("saved", LANG, UNIT, LINES)
saved = []
if store is not None:
    try:
        saved = store.list_scenarios()
    except stores.StoreUnavailable:
        st.warning(L.t("store_failed", LANG))
if store is not None and not saved:
    st.caption(L.t("none_saved", LANG))
by_id = {r["scenario_id"]: r for r in saved}
if saved:
    st.dataframe(L.saved_table(saved, LANG), hide_index=True, width="stretch", key="scn_saved_table")
    p1, p2 = st.columns([3, 2])
    p1.selectbox(L.t("pick", LANG), list(by_id), format_func=lambda i: L.saved_option(by_id[i], LANG),
                 key="scn_pick")
    picked = S.get("scn_pick")
    if picked in by_id:
        version_rows = {v["version"]: v for v in reversed(store.versions(picked))}
        versions = list(version_rows)
        p2.selectbox(L.t("pick_version", LANG), versions,
                     format_func=lambda v: L.version_option(version_rows[v], LANG), key="scn_pick_version")
        b1, b2, _ = st.columns([1, 1, 4])
        b1.button(L.t("open", LANG), key="scn_open", on_click=_on_open, icon=":material/folder_open:")
        if b2.button(L.t("delete", LANG), key="scn_delete", disabled=not can_save, icon=":material/delete:"):
            S["scn_confirm_delete"] = picked
        st.caption(L.t("permalink", LANG))
        st.code(model.share_url(st.context.url, PAGE_PATH, {"id": picked}), language=None, wrap_lines=True)
        pending = S.get("scn_confirm_delete")
        if pending in by_id:
            st.warning(L.t("delete_confirm", LANG, name=ui._md_escape(by_id[pending]["name"]),
                           n=by_id[pending]["n_versions"]))
            y, n, _ = st.columns([1, 1, 4])
            y.button(L.t("delete_yes", LANG), key="scn_delete_yes", type="primary",
                     on_click=_on_delete_confirmed, args=(pending, by_id[pending]["name"]))
            n.button(L.t("delete_no", LANG), key="scn_delete_no", on_click=lambda: S.pop("scn_confirm_delete", None))

# compare
st.subheader(L.t("compare", LANG))
options = ["current", *by_id]
S["scn_compare"] = [k for k in S.get("scn_compare", []) if k in options]
chosen = st.multiselect(L.t("compare_pick", LANG), options, max_selections=3, key="scn_compare",
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
    names = L.compare_names(labels_by_key)
    rows = model.compare_rows(baseline, compared)
    compare_table = L.compare_table(rows, names, LINES, LANG, UNIT)
    ui.chart_block(
        charts.compare_diff_bar(L.compare_chart_frame(rows, names, LINES, LANG), LANG, UNIT), compare_table,
        L.compare_summary(rows, {k: ui._md_escape(v) for k, v in names.items()}, LANG, UNIT),
        [ln.cite_ids for ln in baseline.lines] + [baseline.total_cite_ids],
        key="scn_compare_block", filename="so-sanh-kich-ban-2021", shown=L.for_screen(compare_table, LANG, UNIT))
