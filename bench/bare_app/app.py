"""The floor: a bare Streamlit multipage app with khcn-dash's addresses and one Plotly chart per page.

Nothing but st.navigation, a title and one small bar chart per page (the scenarios page adds a
text input that changes its chart, for the input-latency comparison). Run by `python -m bench`.
"""
from __future__ import annotations

import sys
from pathlib import Path

import plotly.graph_objects as go
import streamlit as st

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from khcn_dash.labels import PAGES  # noqa: E402  (the addresses only: a dict of strings)

st.set_page_config(page_title="bare", layout="wide")


def _page(key: str, title: str):
    def run() -> None:
        st.title(title)
        factor = float(st.text_input("factor", "50", key="factor")) if key == "scenarios" else 50.0
        fig = go.Figure(go.Bar(x=["a", "b", "c", "d"], y=[factor, 100 - factor, 30, 70]))
        st.plotly_chart(fig, key=f"{key}_chart")
    run.__name__ = key
    return run


pages = [st.Page(_page(key, title[1]), title=title[1], url_path=path or key, default=(key == "overview"))
         for key, (path, title) in PAGES.items()]
st.navigation(pages).run()
