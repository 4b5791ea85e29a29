"""The scenario page's lines editor: one st.data_editor over every active line, grouped by source
and parent, whose amount column a person types into; and the reading of what was typed, cell by
cell, as edits of the scenario under the same rules as every other edit (khcn_dash.scenario).

Streamlit glue like scenario_session (whose state keys, K, it shares); pages/scenarios.py lays it out.
"""
from __future__ import annotations

import streamlit as st

from . import format as fmt
from . import scenario as model
from . import ui
from .charts import scenarios as charts
from .labels import scenarios as L
from .scenario_session import K, commit_scenario, current_scenario

S = st.session_state

# The group column's width: a long "source › part" is cut short (widened by dragging), so the
# amount, the change and the limit stay in view on a laptop.
GROUP_WIDTH_PX = 230
# The editor's height in rows: taller tables scroll inside it, so the rules and the chart stay in view.
EDITOR_ROWS_SHOWN = 8


def read_edits(baseline: model.Baseline) -> None:
    """Applies what was typed into the lines' editor since it was last read, cell by cell in row
    order, as one edit each (the same rules as every other edit). A refused cell keeps what was
    typed, beside its message, until it is typed again (other cells' edits are taken meanwhile).
    Called at the top of every run that draws the editor (the page's and its
    fragment's): a cell is read once."""
    state = S.get(K.editor(S.get(K.EDITOR_GEN, 0)))
    if not isinstance(state, dict):
        return
    rows, seen = S.get(K.EDITOR_ROWS, ()), S.get(K.EDITOR_SEEN, {})
    typed_now: dict[int, object] = {}
    for r, cells in (state.get("edited_rows") or {}).items():
        if isinstance(cells, dict) and "amount" in cells:
            typed_now[int(r)] = cells["amount"]
    new = {r: v for r, v in typed_now.items() if seen.get(r, object()) != v and 0 <= r < len(rows)}
    S[K.EDITOR_SEEN] = typed_now
    if not new:
        return
    scn, errors, taken = current_scenario(baseline), dict(S.get(K.AMT_ERRORS, {})), False
    for r in sorted(new):
        line_id, typed = rows[r], new[r] if isinstance(new[r], str) else ""
        try:
            amount = model.parse_amount(typed, ui.lang(), ui.unit(), baseline.max_amount_mvnd)
            scn = scn.set_amount(line_id, amount)
        except model.ScenarioError as err:
            errors[line_id] = (err, typed)
            continue
        errors.pop(line_id, None)
        taken = True
    if taken:
        commit_scenario(scn)
    S[K.AMT_ERRORS] = errors


def _editor_is_stale(scn: model.Scenario, rows: tuple[str, ...], lang: str, unit: str) -> bool:
    """True when the editor on screen can no longer show `scn`: an editor keeps what was typed in it
    over the data it is given, so a cell typed earlier whose line has since changed (rebalanced,
    reset, opened from a save, written in another language or unit) would hide the new amount; so
    would a row of another line. A refused cell is kept on purpose (its message is beside it)."""
    if rows != S.get(K.EDITOR_ROWS) or S.get(K.EDITOR_STYLE) != (lang, unit):
        return True
    errors = S.get(K.AMT_ERRORS, {})
    return any(rows[r] not in errors and typed != fmt.amount(scn.amount(rows[r]), lang, unit)
               for r, typed in S.get(K.EDITOR_SEEN, {}).items())


def draw(scn: model.Scenario, lang: str, unit: str) -> None:
    """Draws the lines' editor: one table of every active line, grouped by source and parent, whose
    amount column is typed into (read back by read_edits on the next run). The same editor
    stays on screen while what was typed in it still matches the scenario (a typed cell that was
    taken as written); otherwise a new one is drawn (a new key: Streamlit offers no way to clear
    an editor's cells), which costs the browser a new grid."""
    line_rows = scn.line_rows()
    rows = tuple(r["line_id"] for r in line_rows)
    if _editor_is_stale(scn, rows, lang, unit):
        S[K.EDITOR_GEN] = S.get(K.EDITOR_GEN, 0) + 1
        S[K.EDITOR_SEEN] = {}
    S[K.EDITOR_ROWS], S[K.EDITOR_STYLE] = rows, (lang, unit)
    frame = charts.editor_frame(line_rows, {ln.line_id: ln for ln in scn.baseline.lines}, lang, unit)
    right = {"alignment": "right"}
    st.data_editor(
        frame, key=K.editor(S.get(K.EDITOR_GEN, 0)), num_rows="fixed", hide_index=True, width="stretch",
        height=EDITOR_ROWS_SHOWN * 35 + 38 if len(frame) > EDITOR_ROWS_SHOWN else "auto",
        disabled=[c for c in charts.EDITOR_COLUMNS if c != "amount"],
        column_config={
            "group": st.column_config.TextColumn(L.t("col_group", lang), width=GROUP_WIDTH_PX),
            "line": st.column_config.TextColumn(L.t("col_line", lang)),
            "plan": st.column_config.TextColumn(L.t("col_plan", lang), **right),
            "amount": st.column_config.TextColumn(L.t("col_amount", lang), help=L.t("amount_help", lang),
                                                  max_chars=40, **right),
            "change": st.column_config.TextColumn(L.t("col_change", lang), **right),
            "limit": st.column_config.TextColumn(L.t("col_limit", lang)),
        })
