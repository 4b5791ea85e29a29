"""Session glue of the scenario page: state, widget callbacks, the address bar and notices.

Streamlit code that the page needs but that is not layout: every edit goes through a callback
here that rebuilds the scenario from its payload (khcn_dash.scenario), so the numbers on screen,
the link in the address bar and what gets saved (khcn_dash.scenario_store) are the same thing.
pages/scenarios.py only lays out.

Length: a little over 400 lines, because the page's glue stays in one place (its keys, callbacks,
address bar, notices and store access); split, each part would need the others' keys and state.
"""
from __future__ import annotations

import logging

import streamlit as st

from . import format as fmt
from . import scenario as model
from . import scenario_baseline
from . import scenario_store as stores
from . import served, ui, url_state
from .labels import scenarios as L
from .text import md_escape

log = logging.getLogger("khcn_dash.scenarios")
S = st.session_state
PAGE_PATH = "scenarios"


class K:
    """The scenario page's session keys, declared once (widget keys and the state the callbacks keep).
    Keys used by one widget only (buttons, forms, download blocks) are named where they are drawn."""
    ORIGIN = "scn_origin"
    COMPARE = "scn_compare"
    SHARE_ERRORS = "scn_share_errors"
    LOCAL_ERROR = "scn_local_error"
    CONFIRM_DELETE = "scn_confirm_delete"
    AMT_ERRORS = "scn_amt_errors"
    SPLIT_KIND = "scn_split_kind"
    PICK_VERSION = "scn_pick_version"
    PICK = "scn_pick"
    PAYLOAD = "scn_payload"
    NOTICES = "scn_notices"
    MOVE_TO = "scn_move_to"
    MOVE_FROM = "scn_move_from"
    MODE = "scn_mode"
    MIX = "scn_mix"
    LOCAL_BUDGET = "scn_local_budget"
    CANDIDATES = "scn_candidates"
    ABSORBER = "scn_absorber"
    SAVE_NOTE = "scn_save_note"
    SAVE_NAME = "scn_save_name"
    SAVE_AUTHOR = "scn_save_author"
    SAVE_AS = "scn_save_as"
    MOVE_AMOUNT = "scn_move_amount"
    PAGE_PAYLOAD = "_scn_page_payload"
    DOC = "_scn_doc"  # the document the session's scenario belongs to
    EDITOR_GEN = "_scn_editor_gen"  # which editor is on screen: a new one each time the scenario changes
    EDITOR_ROWS = "_scn_editor_rows"  # the line of each of its rows, as drawn
    EDITOR_SEEN = "_scn_editor_seen"  # its cells already read: row -> what was typed
    EDITOR_STYLE = "_scn_editor_style"  # the language and unit its figures are written in
    EDITOR_PREFIX = "scn_editor_"  # no other key starts so (a page's CSS selector finds the editor by it)
    # the parts below the page's first screen (ui.lazy_expander): open or not; what is chosen in them
    # is kept while they are closed (ui.keep_state: by the page, or by its fragment for the fragment's
    # own widgets, which a fragment run forgets), but not the version box (on_pick empties it)
    OPEN_MOVE, OPEN_FLOOR, OPEN_SPLIT, OPEN_SHARE = "scn_move_open", "scn_floor_open", "scn_split_open", "scn_share_open"
    OPEN_SAVE, OPEN_SAVED, OPEN_COMPARE = "scn_save_open", "scn_saved_open", "scn_compare_open"
    KEPT = (SAVE_NAME, SAVE_AUTHOR, SAVE_NOTE, PICK, COMPARE)  # the fragment's own: kept_in_body()

    @staticmethod
    def editor(gen: int) -> str:
        """The lines' editor (st.data_editor) of generation `gen`."""
        return f"{K.EDITOR_PREFIX}{gen}"

    @staticmethod
    def share(kind: str, code: str) -> str:
        """The share input of one code of the user's split (kind: field or area)."""
        return f"scn_share_{kind}_{code}"


# --- state -----------------------------------------------------------------------------------

def load_baseline() -> model.Baseline:
    """The served document's plan as a baseline. A session that worked on another document's
    scenario (the document was changed in the sidebar) starts afresh: a scenario belongs to one document."""
    doc = served.doc_id()
    if S.get(K.DOC) != doc:
        for key in [k for k in S if isinstance(k, str) and k.startswith(("scn_", "_scn_", "_kept_scn_"))]:
            del S[key]
        S[K.DOC] = doc
    return scenario_baseline.load_baseline()


def current_scenario(baseline: model.Baseline) -> model.Scenario:
    payload = S.get(K.PAYLOAD)
    if payload is not None:
        try:
            return model.Scenario.from_payload(baseline, payload)
        except model.ScenarioError:
            log.warning("session scenario no longer matches the data; back to the plan")
    return model.Scenario.plan(baseline)


def add_notice(level: str, key: str | None = None, err: model.ScenarioError | None = None, typed: str = "",
            where: str = "top", **kw) -> None:
    """A message for the next run, shown where the user acted (`where`: top, settings, move, save, saved)."""
    S.setdefault(K.NOTICES, []).append({"level": level, "key": key, "err": err, "typed": typed,
                                            "where": where, "kw": kw})


def commit_scenario(scn: model.Scenario) -> None:
    S[K.PAYLOAD] = scn.to_payload()
    S[K.AMT_ERRORS] = {}


def mark_page_drawn(scn: model.Scenario) -> None:
    """Called by a whole-page run: the scenario that the parts outside the page's fragment show."""
    S[K.PAGE_PAYLOAD] = scn.to_payload()


def whole_page_must_follow(scn: model.Scenario) -> bool:
    """In a fragment run: True when a part outside the fragment must change with `scn` too: the
    "opened" note of a saved scenario appears or goes, or the open comparison shows the scenario
    being edited."""
    payload, shown = scn.to_payload(), S.get(K.PAGE_PAYLOAD)
    if payload == shown:
        return False
    origin = S.get(K.ORIGIN)
    note_changes = bool(origin) and (origin["payload"] == shown) != (origin["payload"] == payload)
    return note_changes or (bool(S.get(K.OPEN_COMPARE)) and "current" in S.get(K.COMPARE, []))


def kept_in_body(baseline: model.Baseline) -> list[str]:
    """The fragment's own widgets in parts that may be closed (moving money, the local budget, every
    share): kept by the fragment itself, since a fragment run forgets the widgets it did not draw."""
    return [K.MOVE_FROM, K.MOVE_TO, K.MOVE_AMOUNT, K.LOCAL_BUDGET,
            *(K.share(kind, code) for kind in model.SPLIT_KINDS for code in baseline.split_codes.get(kind, ()))]


def open_store():
    """(store, None) or (None, reason)."""
    try:
        return stores.open_store(), None
    except stores.StoreUnavailable as exc:
        log.warning("scenario store unavailable: %s", exc)
        return None, exc.reason


def list_saved(store) -> tuple[list[dict], str | None]:
    """The saved scenarios, or none and why the store could not list them (None: no store)."""
    if store is None:
        return [], None
    try:
        return store.list_scenarios(), None
    except stores.StoreUnavailable as exc:
        return [], exc.reason


# --- callbacks (run before the page, in the order the user acted) -----------------------------


def on_setting(kind: str) -> None:
    scn = current_scenario(load_baseline())
    try:
        if kind == "mode":
            scn = scn.with_mode(S[K.MODE])
        elif kind == "mix":
            scn = scn.with_mixing(S[K.MIX])
        elif kind == "absorber":
            scn = scn.with_absorber(S.get(K.ABSORBER))
        elif kind == "candidates":
            wanted = set(S.get(K.CANDIDATES) or [])
            for ln in scn.baseline.candidates:
                if ln.line_id in wanted and ln.line_id not in scn.amounts:
                    scn = scn.add_candidate(ln.line_id)
                elif ln.line_id not in wanted and ln.line_id in scn.amounts:
                    scn = scn.remove_candidate(ln.line_id)
    except model.ScenarioError as err:
        add_notice("error", err=err, where="settings")
        return
    commit_scenario(scn)


def on_reset() -> None:
    """Back to the plan: a fresh start, no longer tied to a saved scenario."""
    commit_scenario(model.Scenario.plan(load_baseline()))
    S[K.ORIGIN] = None


def on_move() -> None:
    baseline = load_baseline()
    typed = S.get(K.MOVE_AMOUNT, "")
    try:
        amount = model.parse_amount(typed, ui.lang(), ui.unit(), baseline.max_amount_mvnd)
        new = current_scenario(baseline).move(S[K.MOVE_FROM], S[K.MOVE_TO], amount)
    except model.ScenarioError as err:
        add_notice("error", err=err, typed=typed, where="move")
        return
    commit_scenario(new)
    add_notice("success", "moved", amount=amount, from_id=S[K.MOVE_FROM], to_id=S[K.MOVE_TO], where="move")


def on_local_budget() -> None:
    typed = S.get(K.LOCAL_BUDGET, "")
    scn = current_scenario(load_baseline())
    try:
        value = (None if not typed.strip() else
                 model.parse_amount(typed, ui.lang(), ui.unit(), model.MAX_LOCAL_BUDGET_MVND))
        scn = scn.with_local_budget(value)
    except model.ScenarioError as err:
        S[K.LOCAL_ERROR] = (err, typed)
        return
    S.pop(K.LOCAL_ERROR, None)
    commit_scenario(scn)


def on_split_kind() -> None:
    kind = S.get(K.SPLIT_KIND)
    S[K.SHARE_ERRORS] = {}
    commit_scenario(current_scenario(load_baseline()).with_split(None if kind == "none" else kind))


def on_share(kind: str, code: str) -> None:
    typed = S.get(K.share(kind, code), "")
    scn = current_scenario(load_baseline())
    try:
        share = model.parse_share(typed, ui.lang())
        scn = scn.with_split(kind, {**scn.split_shares, code: share})
    except model.ScenarioError as err:
        S.setdefault(K.SHARE_ERRORS, {})[code] = (err, typed)
        return
    S.setdefault(K.SHARE_ERRORS, {}).pop(code, None)
    commit_scenario(scn)


def on_save() -> None:
    scn = current_scenario(load_baseline())
    if scn.violations():
        add_notice("error", "save_blocked", where="save")
        return
    store, reason = open_store()
    if store is None:
        add_notice("warning", f"store_{reason}", where="save")
        return
    origin = S.get(K.ORIGIN)
    as_version = origin is not None and S.get(K.SAVE_AS, "version") == "version"
    try:
        saved = store.save(scn.to_payload(), S.get(K.SAVE_NAME, ""), S.get(K.SAVE_AUTHOR, ""),
                           S.get(K.SAVE_NOTE, ""), scenario_id=origin["scenario_id"] if as_version else None)
        sid, version = saved
        record = store.load(sid, version)
    except model.ScenarioError as err:
        add_notice("error", err=err, where="save")
        return
    except stores.NotFound:
        add_notice("error", "not_found", where="save")
        return
    except stores.StoreUnavailable as exc:
        add_notice("warning", "store_failed" if exc.reason == "failed" else f"store_{exc.reason}", where="save")
        return
    S[K.ORIGIN] = record
    add_notice("success", "already_saved" if saved.existing else "saved", name=record["name"], version=version,
               where="save")


def open_saved(scenario_id: str, version: int | None, where: str = "top") -> None:
    baseline = load_baseline()
    store, reason = open_store()
    if store is None:
        add_notice("warning", f"store_{reason}", where=where)
        return
    try:
        record = store.load(scenario_id, version)
        scn = model.Scenario.from_payload(baseline, record["payload"])
    except stores.NotFound as exc:
        if exc.latest is not None:
            add_notice("warning", "version_not_found", version=exc.version, latest=exc.latest, where=where)
        else:
            add_notice("warning", "not_found", where=where)
        return
    except stores.StoreUnavailable as exc:
        add_notice("warning", "store_failed" if exc.reason == "failed" else f"store_{exc.reason}", where=where)
        return
    except model.ScenarioError:
        add_notice("warning", "bad_saved", where=where)
        return
    commit_scenario(scn)
    S[K.ORIGIN] = record


def on_pick() -> None:
    """Another saved scenario picked: its version box starts again at its latest version. (The box
    keeps its key, so Streamlit would otherwise carry the last scenario's choice over, as the label
    of an option the new list does not have.)"""
    S.pop(K.PICK_VERSION, None)


def on_open() -> None:
    picked, version = S.get(K.PICK), S.get(K.PICK_VERSION)
    if not picked:
        return
    if not isinstance(version, int) or isinstance(version, bool):
        version = None  # nothing usable chosen: the latest
    open_saved(picked, version, where="saved")


def on_delete_confirmed(scenario_id: str, name: str) -> None:
    store, reason = open_store()
    S.pop(K.CONFIRM_DELETE, None)
    if store is None:
        add_notice("warning", f"store_{reason}", where="saved")
        return
    try:
        store.delete(scenario_id)
    except stores.StoreUnavailable as exc:
        add_notice("warning", "store_failed" if exc.reason == "failed" else f"store_{exc.reason}", where="saved")
        return
    if (S.get(K.ORIGIN) or {}).get("scenario_id") == scenario_id:
        S[K.ORIGIN] = None
    S[K.COMPARE] = [k for k in S.get(K.COMPARE, []) if k != scenario_id]
    add_notice("success", "deleted", name=name, where="saved")


# --- the address bar ---------------------------------------------------------------------------

def read_url(baseline: model.Baseline) -> None:
    """Opens what a link asks for, once per distinct link: ?id=…[&v=…] (saved) or ?s=… (unsaved)."""
    link = url_state.incoming_group(("id", "v", "s"))
    if link is None:
        return
    qid, qv, qs = link["id"], link["v"], link["s"]
    if qid is None and qs is None:
        return
    if qid is not None:
        version = None
        if qv is not None:
            version = int(qv) if qv.isdigit() and len(qv) < 7 and int(qv) > 0 else -1
        if not stores.valid_id(qid) or version == -1:
            add_notice("warning", "bad_id")
            return
        open_saved(qid, version)
        return
    try:
        scn = model.Scenario.from_payload(baseline, model.decode_url(qs))
    except model.ScenarioError:
        add_notice("warning", "bad_link")
        return
    commit_scenario(scn)
    S[K.ORIGIN] = None
    add_notice("info", "opened_link")


def link_params(scn: model.Scenario) -> dict:
    origin = S.get(K.ORIGIN)
    if origin and origin["payload"] == scn.to_payload():
        latest = origin["version"] == origin["latest_version"]
        return {"id": origin["scenario_id"], "v": None if latest else str(origin["version"]), "s": None}
    if scn.is_plan:
        return {"id": None, "v": None, "s": None}
    token = model.encode_url(scn.to_payload())
    if len(token) > model.URL_PAYLOAD_MAX:  # too large for a link: only a saved scenario can be shared
        return {"id": None, "v": None, "s": None}
    return {"id": None, "v": None, "s": token}


def link_too_long(scn: model.Scenario, link: dict) -> bool:
    """True when the scenario on screen is unsaved and too large to carry in a share link."""
    return not scn.is_plan and not link["id"] and not link["s"]


def write_url(params: dict) -> None:
    """Puts the scenario in the address bar (only what changed, so the browser's history stays calm)."""
    for key, value in params.items():
        url_state.put(key, value)


# --- widgets mirror the scenario ---------------------------------------------------------------

def sync_settings(scn: model.Scenario) -> None:
    """The settings widgets (outside the page's fragment) mirror the scenario."""
    S[K.MODE] = scn.mode
    S[K.MIX] = scn.allow_mixing
    S[K.ABSORBER] = scn.absorber
    S[K.CANDIDATES] = [ln.line_id for ln in scn.active_lines if ln.candidate]


def sync_inputs(scn: model.Scenario, lang: str, unit: str) -> None:
    """The inputs of the page's fragment (local budget, shares) mirror the scenario; an input whose
    last value was refused keeps what the user typed, beside its message. (The lines' editor is
    drawn from the scenario: line_editor.)"""
    if K.LOCAL_ERROR not in S:
        S[K.LOCAL_BUDGET] = ("" if scn.local_budget is None
                                 else fmt.amount(model.from_tenths(scn.local_budget), lang, unit))
    S[K.SPLIT_KIND] = scn.split_kind or "none"
    share_errors = S.get(K.SHARE_ERRORS, {})
    for kind in model.SPLIT_KINDS:
        for code in scn.baseline.split_codes.get(kind, ()):
            if code not in share_errors:
                share = scn.split_shares.get(code) if scn.split_kind == kind else None
                S[K.share(kind, code)] = fmt.number(share, lang, 1) if share else ""


def show_notices(where: str, lang: str, unit: str, lines: dict) -> None:
    """The messages left by the callbacks for this place; what the user typed or named is escaped,
    never read as Markdown."""
    notices = S.get(K.NOTICES, [])
    S[K.NOTICES] = [n for n in notices if n["where"] != where]
    for n in (n for n in notices if n["where"] == where):
        if n["err"] is not None:
            text = L.error_text(n["err"], lang, unit, lines, n["typed"], escape=md_escape)
        else:
            kw = {k: md_escape(v) if isinstance(v, str) else v for k, v in n["kw"].items()}
            if "amount" in kw:
                kw["amount"] = fmt.money(kw["amount"], lang, unit)
            for k_in, k_out in (("from_id", "from_line"), ("to_id", "to_line")):
                if k_in in kw:
                    kw[k_out] = L.line_name(lines[n["kw"][k_in]], lang)
                    kw.pop(k_in)
            text = L.t(n["key"], lang, **kw)
        getattr(st, n["level"])(text)
