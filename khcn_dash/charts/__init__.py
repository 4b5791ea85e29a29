"""Chart builders: DataFrame in, plotly Figure out. No st.* calls here.

Shared look: a colour-blind-safe palette (Okabe–Ito), the language's number separators on
axes and hovers, a system font stack (nothing fetched), and no Plotly logo or MathJax.
One module per page (charts/budget.py, ...); they all start from base_layout().
"""
from __future__ import annotations

import plotly.graph_objects as go
import plotly.io as pio

from .. import format as fmt

# Okabe & Ito (2008), safe for the common colour-vision deficiencies.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
SEQUENTIAL = ["#F7FBFF", "#C6DBEF", "#6BAED6", "#2171B5", "#08306B"]  # single-hue blues
FONT_FAMILY = "Noto Sans, DejaVu Sans, Arial, sans-serif"

pio.templates["khcn"] = go.layout.Template(layout={
    "colorway": PALETTE,
    "font": {"family": FONT_FAMILY, "size": 14},
    "hoverlabel": {"font": {"family": FONT_FAMILY}},
    "margin": {"l": 10, "r": 10, "t": 40, "b": 10},
})

# plotly_white with the house look, merged once and made the default: a figure then starts with it
# (about 1 ms), where assigning a template to a finished figure costs 20-30 ms per chart. Only what
# the charts use is kept of plotly_white (the trace types they draw; no 3D, polar, ternary or geo
# axes), which looks the same: every figure carries its template, copied and validated at each step
# of its building, and the whole one is 7 KB of JSON.
TRACE_TYPES = ("bar", "pie", "scatter", "treemap")
UNUSED_SUBPLOTS = ("geo", "polar", "scene", "ternary")
TEMPLATE = "khcn_white"
_WHITE = pio.templates["plotly_white"]
pio.templates[TEMPLATE] = pio.templates.merge_templates(
    go.layout.Template(layout={k: v for k, v in _WHITE.layout.to_plotly_json().items() if k not in UNUSED_SUBPLOTS},
                       data={t: _WHITE.data[t] for t in TRACE_TYPES if _WHITE.data[t]}),
    pio.templates["khcn"])
pio.templates.default = TEMPLATE

# Passed to st.plotly_chart(config=...): offline-safe, no logo, nothing typeset remotely.
PLOTLY_CONFIG = {"displaylogo": False, "responsive": True, "typesetMath": False}


def base_layout(fig: go.Figure, lang: str = "vi", title: str | None = None) -> go.Figure:
    """Applies the shared template and the language's separators."""
    look = fig.layout.template.layout
    if not (look.font.family == FONT_FAMILY and look.plot_bgcolor == "white" and look.colorway == tuple(PALETTE)):
        fig.update_layout(template=TEMPLATE)  # a figure made with another template
    fig.update_layout(separators=fmt.plotly_separators(lang))
    if title:
        fig.update_layout(title={"text": title, "x": 0, "xanchor": "left"})
    return fig
