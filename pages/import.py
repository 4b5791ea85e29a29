"""Import data: the Excel template to download; a .zip or .xlsx uploaded and checked as
`python -m khcn_dash.packages check` checks it (the report on screen as one table), with a preview of a
valid package's document and totals; publishing it, as `add` does, for an editor of
.streamlit/secrets.toml. Checking writes nothing; without editors the page checks and previews only."""
from __future__ import annotations

import logging

import streamlit as st

from khcn_dash import config, labels, ui
from khcn_dash.labels import packages as L
from khcn_dash.packages import editors, upload
from khcn_dash.summaries import import_data as S

ui.require_app_shell()

log = logging.getLogger("khcn_dash")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CHECKED = "import_checked"  # upload.Checked of the file last checked in this session (one kept)
PUBLISHED = "import_published"  # (digest, package id, published folder, replaced folder) of the last publish
HASH_COMMAND = "python -m khcn_dash.packages hash-password"
EXAMPLE_SECRETS = '# .streamlit/secrets.toml\n[editors]\nana = "$argon2id$v=19$m=65536,t=3,p=4$…"'

lang, unit = ui.lang(), ui.unit()


def w(key: str) -> str:
    return ui.tr(L.IMPORT[key])


@st.cache_data(show_spinner=False, max_entries=4)
def template_file(lang: str, stamp: str) -> bytes:
    """The template in `lang`, filled with the served package; `stamp` (its files' sizes and times) makes
    a changed package give a new one."""
    return upload.template_bytes(config.SOURCE_DIR, lang)


def read_editors() -> tuple[dict[str, str], str | None]:
    """The editors of .streamlit/secrets.toml, or none and why (a key of L.IMPORT). st.secrets raises
    when there is no secrets file, or one that cannot be read."""
    try:
        section = st.secrets[editors.SECTION] if editors.SECTION in st.secrets else None
    except Exception:  # noqa: BLE001 - no file, or a file that is not TOML
        return {}, "no_secrets"
    team = editors.editors_from(section)
    return team, None if team else "no_editors"


def check(data: bytes) -> upload.Checked | None:
    """The upload's report and preview, once per file and session (a check takes seconds); None when
    the check itself failed (logged)."""
    kept = st.session_state.get(CHECKED)
    if isinstance(kept, upload.Checked) and kept.digest == upload.digest(data):
        return kept
    try:
        with st.spinner(w("checking")):
            result = upload.check_bytes(data)
    except Exception:  # noqa: BLE001 - never a traceback: a message in the reader's language
        log.exception("checking an uploaded package failed")
        return None
    st.session_state[CHECKED] = result
    return result


def show_report(checked: upload.Checked) -> None:
    if checked.valid:
        st.success(S.report_sentence(checked.report, lang), icon=":material/check_circle:")
        return
    st.error(S.report_sentence(checked.report, lang), icon=":material/error:")
    ui.table_block(S.report_table(checked.report, lang), [], key="import_report", filename=w("report_file"))
    for note in S.report_notes(checked.report, lang):
        st.caption(note)


def show_preview(checked: upload.Checked) -> None:
    p = checked.preview
    st.subheader(w("preview_head"))
    st.markdown(f"**{w('identity_head')}**")
    st.dataframe(S.identity_table(p.identity, lang), hide_index=True, width="stretch", key="import_identity")
    st.markdown(f"**{w('totals_head')}**")
    st.markdown(S.totals_sentence(p, lang))
    table, shown = S.totals_table(p, lang, unit)
    ui.table_block(table, [], key="import_totals", filename=w("totals_file"), shown=shown)
    st.markdown(f"**{w('rows_head')}**")
    st.markdown(S.rows_sentence(p, lang))
    rows = S.rows_table(p, lang)
    ui.table_block(rows, [], key="import_rows", filename=w("rows_file"))


def publish(data: bytes, team: dict[str, str], name: str, password: str) -> None:
    """Publishes the upload if `name` and `password` are an editor's (store.add: checked again, atomic,
    the replaced package kept)."""
    if not editors.verify(team, name, password):
        log.warning("import page: a publish was refused (wrong name or password)")
        st.error(w("bad_login"), icon=":material/lock:")
        return
    try:
        with st.spinner(w("publishing")):
            added = upload.publish_bytes(data)
    except Exception as exc:  # noqa: BLE001
        log.exception("publishing an uploaded package failed")
        st.error(w("publish_failed").format(error=type(exc).__name__))
        return
    if added.published is None:
        st.error(w("publish_refused"))
        ui.table_block(S.report_table(added.report, lang), [], key="import_publish_report", filename=w("report_file"))
        return
    log.info("import page: %s published %s to %s", name.strip(), added.report.identity.package_id, added.published)
    st.session_state[PUBLISHED] = (upload.digest(data), added.report.identity.package_id, added.published,
                                   added.replaced)


def show_published(data: bytes) -> None:
    done = st.session_state.get(PUBLISHED)
    if not done or done[0] != upload.digest(data):
        return
    line, notes = S.published_lines(*done[1:], served=config.SOURCE_DIR, lang=lang)
    st.success(line, icon=":material/publish:")
    for note in notes:
        st.info(note)


st.title(ui.tr(labels.PAGES["import"][1]))
st.markdown(w("intro"))

st.subheader(w("template_head"))
st.markdown(w("template_how"))
stamp = upload.package_stamp(config.SOURCE_DIR)
st.download_button(w("template_button"), data=lambda: template_file(lang, stamp), file_name=w("template_file"),
                   mime=XLSX, key="import_template", on_click="ignore", icon=":material/download:")

st.subheader(w("upload_head"))
uploaded = st.file_uploader(w("upload_label"), help=w("upload_help"), max_upload_size=S.upload_limit_mb())
st.caption(S.limit_caption(lang))
data = uploaded.getvalue() if uploaded is not None else None
checked = None
if data is not None:
    st.markdown(S.file_line(uploaded.name, len(data), lang))
    checked = check(data)
    if checked is None:
        st.error(w("check_crashed"))
    else:
        show_report(checked)
        if checked.valid:
            show_preview(checked)

st.subheader(w("publish_head"))
team, missing = read_editors()
if missing:
    st.info(w(missing), icon=":material/lock:")
    st.markdown(w("how_to_add_editor"))
    st.code(HASH_COMMAND, language="bash")
    st.code(EXAMPLE_SECRETS, language="toml")
elif checked is None or not checked.valid:
    st.caption(w("publish_needs_valid"))
else:
    st.caption(w("publish_intro"))
    with st.form("import_publish", clear_on_submit=True):
        name = st.text_input(w("username"), key="import_username", max_chars=100, autocomplete="username")
        password = st.text_input(w("password"), type="password", key="import_password",
                                 max_chars=editors.MAX_PASSWORD_CHARS, autocomplete="current-password")
        submitted = st.form_submit_button(w("publish_button"), icon=":material/publish:", key="import_publish_submit")
    if submitted:
        publish(data, team, name or "", password or "")
    show_published(data)
