"""The floor: a bare Streamlit multipage app with khcn-dash's addresses and one Plotly chart per page.

Nothing but st.navigation, a title and one small bar chart per page (the scenarios page adds a
table editor of the shape of the app's lines editor, four rows of six text columns, whose amount
column changes its chart, for the input-latency comparison). Run by `python -m bench`.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from khcn_dash.labels import PAGES  # noqa: E402  (the addresses only: a dict of strings)

st.set_page_config(page_title="bare", layout="wide")


LINES = pd.DataFrame({"group": ["g1", "g2", "g2", "g2"], "line": ["a", "b", "c", "d"],
                      "plan": ["33427.9", "15000", "10000", "8342"], "amount": ["33427.9", "15000", "10000", "8342"],
                      "change": ["", "", "", ""], "limit": ["", "", "", ""]})


def _page(key: str, title: str):
    def run() -> None:
        st.title(title)
        values = [50.0, 50.0, 30.0, 70.0]
        if key == "scenarios":
            edited = st.data_editor(LINES, key="lines", num_rows="fixed", hide_index=True,
                                    disabled=["group", "line", "plan", "change", "limit"])
            values = [float(v) for v in edited["amount"]]
        fig = go.Figure(go.Bar(x=["a", "b", "c", "d"], y=values))
        st.plotly_chart(fig, key=f"{key}_chart")
    run.__name__ = key
    return run


pages = [st.Page(_page(key, title[1]), title=title[1], url_path=path or key, default=(key == "overview"))
         for key, (path, title) in PAGES.items()]
st.navigation(pages).run()
