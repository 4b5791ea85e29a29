"""Entry point: page setup, language/unit switches and navigation. Layout only."""
from __future__ import annotations

import logging
from pathlib import Path

import streamlit as st

from khcn_dash import labels, present, publish, ui

ui.sync_url_state()  # the language, unit and document: first, since the data and the title depend on them
st.set_page_config(page_title=ui.t("app_title"), page_icon=str(Path(__file__).parent / "assets" / "icon.png"), layout="wide")
data = publish.refresh()  # the document's last good data; newer sources are built and published if they pass
ui.app_css()
ui.sidebar_controls()
ui.document_picker()

pages = [
    st.Page(f"pages/{key}.py", title=ui.tr(title), url_path=path or key, default=(key == "overview"))
    for key, (path, title) in labels.PAGES.items()
]
page = st.navigation(pages)
present.app_controls(page)  # presentation mode (?present=1, toggle) and the briefing PDFs
try:
    if ui.data_status(data):  # a note when newer sources failed their checks; False: no data at all
        page.run()
except Exception:  # never a traceback on screen: a message in the user's language, details in the log
    logging.getLogger("khcn_dash").exception("page %s failed", page.url_path)
    st.error(ui.t("page_error"))
present.remember_on_screen(present.page_key(page))  # what the sidebar's briefing PDFs describe
st.caption(ui.t("footer"))
