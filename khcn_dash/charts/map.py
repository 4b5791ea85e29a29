"""The district map of the map page: DataFrames + language in, plotly Figure out. No st.* here.

Why filled `go.Scatter` shapes and not a map trace: every district is drawn as a filled polygon
(fill="toself") on plain x/y axes in lon/lat, with the y axis scaled by 1/cos(latitude) so shapes
keep their true proportions. There is no `geo` or `map` subplot at all, so Plotly has nothing to
fetch: no world topojson from cdn.plot.ly (which `geo` traces request even with the base map hidden),
no MapLibre style, tiles or glyphs (which `Choroplethmap` text labels may request). The app works
in a meeting room with no internet by construction, and tests/e2e/test_map_browser.py proves it in
a real browser.

Clicks: Plotly selects points, not filled areas, so each district also carries an invisible grid
of points inside it (about one every 2.5 km; derived by the build, khcn_dash/geo.py). A click anywhere in a district lands on one of its
points; the point's customdata is the district id, which the page reads from the selection.
"""
from __future__ import annotations

import html
import json
import math
from dataclasses import dataclass

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from .. import format as fmt
from .. import labels
from ..labels import map as L
from ..results import ids
from ..summaries import map as summaries
from . import FONT_FAMILY, PALETTE, SEQUENTIAL, base_layout

OUTLINE = "#4D4D4D"
SELECTED_OUTLINE = "#000000"
RESEARCH_COLOUR = PALETTE[0]  # Okabe–Ito blue: dark enough on the white tags
RESEARCH_GLYPH = "◆"
# One glyph per product under its district's name: the shape says the type, filled = protected,
# hollow = in progress (so colour is never the only cue).
GLYPHS: dict[tuple[str, str], str] = {
    ("geographical_indication", "protected"): "▲", ("geographical_indication", "in_progress"): "△",
    ("certification_mark", "protected"): "■", ("certification_mark", "in_progress"): "□",
    ("collective_trademark", "protected"): "●", ("collective_trademark", "in_progress"): "○",
}
GLYPH_COLOURS = {"geographical_indication": PALETTE[2], "certification_mark": PALETTE[3],
                 "collective_trademark": PALETTE[5]}
FONT_NORMAL = 14
FONT_LARGE = 22


@dataclass(frozen=True)
class DistrictShape:
    district_id: str
    rings: tuple[np.ndarray, ...]  # exterior rings, each an (n, 2) array of lon, lat
    label_lon: float
    label_lat: float
    grid: np.ndarray  # (m, 2) lon, lat points inside the district (and under its tag, for a callout)
    tag_lon: float  # where its tag stands: the label point, or away from it for a callout
    tag_lat: float


def district_shapes(geometry: pd.DataFrame) -> dict[str, DistrictShape]:
    """The districts keyed by district_id, from queries.ip.district_geometry() (derived by the build:
    khcn_dash.geo computes label points, tag places and click points from the boundaries)."""
    shapes = {}
    for r in geometry.itertuples():
        rings = tuple(np.asarray(ring, dtype=float) for ring in json.loads(r.rings_json))
        # float32: the click points go to the browser as typed arrays, half the bytes of float64
        grid = np.asarray(json.loads(r.grid_json), dtype=np.float32).reshape(-1, 2)
        shapes[r.district_id] = DistrictShape(r.district_id, rings, float(r.label_lon), float(r.label_lat), grid,
                                              float(r.tag_lon), float(r.tag_lat))
    return shapes


def lat_scale(shapes: dict[str, DistrictShape]) -> float:
    """y-axis scale ratio so one degree of latitude and of longitude keep their true lengths."""
    lat = np.mean([s.label_lat for s in shapes.values()])
    return 1 / math.cos(math.radians(lat))


def _h(text: str) -> str:
    """Document text inside Plotly's HTML-like labels: shown as written, never as markup."""
    return html.escape(str(text), quote=False)


def _hex_to_rgb(h: str) -> tuple[int, int, int]:
    h = h.lstrip("#")
    return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)


def colour_for(value: float, vmax: float, scale: list[str] = SEQUENTIAL) -> str:
    """The sequential scale's colour for value in [0, vmax], linearly interpolated."""
    if vmax <= 0:
        return scale[0]
    pos = min(max(value / vmax, 0.0), 1.0) * (len(scale) - 1)
    i = min(int(pos), len(scale) - 2)
    frac = pos - i
    a, b = _hex_to_rgb(scale[i]), _hex_to_rgb(scale[i + 1])
    r, g, bl = (round(a[k] + (b[k] - a[k]) * frac) for k in range(3))
    return f"#{r:02X}{g:02X}{bl:02X}"


def _hover(district_id: str, row, shared: set[str], n_research: int | None, lang: str) -> str:
    products = list(row["products_vi"] if lang == "vi" else row["products_en"]) if row is not None else []
    names_vi = list(row["products_vi"]) if row is not None else []
    lines = [f"<b>{L.district_short(district_id, lang)}</b>",
             L.t("hover_products", lang, n=fmt.count(len(products), lang))]
    for shown, vi in zip(products, names_vi):
        mark = f" ({L.t('shared_mark', lang)})" if vi in shared else ""
        lines.append(f"• {_h(shown)}{mark}")
    if n_research is not None:
        lines.append(L.t("hover_research", lang, n=fmt.count(n_research, lang)))
    return "<br>".join(lines) + "<extra></extra>"


def district_map(counts: pd.DataFrame, assets: pd.DataFrame, geometry: pd.DataFrame, lang: str = "vi", *,
                 selected: str | None = None, research: pd.DataFrame | None = None,
                 font_size: int = FONT_NORMAL, height: int | None = None) -> go.Figure:
    """The districts coloured by their number of IP assets, with name, count and one glyph per product
    on each; the selected district is outlined and its products are listed by name in a box.

    counts: ip_count_by_district() (district_id, n_assets, products_vi, products_en).
    assets: ip_assets() with the same filters (for province-wide and shared products).
    geometry: district_geometry() (outlines, label and tag points, click points).
    research: research_count_by_district() (district_id, n_highlights) to draw the research layer.
    Each click point carries customdata = district_id. Fonts scale with `font_size` (projector mode).
    """
    shapes = district_shapes(geometry)
    by_id = {r["district_id"]: r for _, r in counts.iterrows()}
    vmax = max(float(counts["n_assets"].max()) if len(counts) else 0.0, 1.0)
    shared = set(assets.loc[assets["scope"] == "area", "product_vi"])
    n_research = dict(zip(research["district_id"], research["n_highlights"])) if research is not None else {}
    fig = go.Figure()

    for did, shape in shapes.items():  # filled districts, no hover of their own
        n = int(by_id[did]["n_assets"]) if did in by_id else 0
        xs, ys = _ring_xy(shape.rings)
        fig.add_trace(go.Scatter(
            x=xs, y=ys, mode="lines", fill="toself", fillcolor=colour_for(n, vmax),
            line={"color": OUTLINE, "width": 1.2}, hoverinfo="skip", showlegend=False,
            name=L.district_short(did, lang)))

    for did, shape in shapes.items():  # invisible click / hover points
        fig.add_trace(go.Scatter(
            x=shape.grid[:, 0], y=shape.grid[:, 1], mode="markers",
            marker={"size": 20, "opacity": 0, "color": "#000000"},  # as wide as the points are apart
            selected={"marker": {"opacity": 0}}, unselected={"marker": {"opacity": 0}},
            customdata=[did] * len(shape.grid), showlegend=False, name=L.district_short(did, lang),
            hovertemplate=_hover(did, by_id.get(did), shared, n_research.get(did) if research is not None
                                 else None, lang),
            hoverlabel={"font": {"size": font_size}}))

    if selected in shapes:  # a thick outline around the chosen district
        xs, ys = _ring_xy(shapes[selected].rings)
        fig.add_trace(go.Scatter(x=xs, y=ys, mode="lines", line={"color": SELECTED_OUTLINE, "width": 4},
                                 hoverinfo="skip", showlegend=False, name="selected"))

    # the colour key: an invisible trace that only draws the colour bar
    fig.add_trace(go.Scatter(
        x=[None], y=[None], mode="markers", hoverinfo="skip", showlegend=False,
        marker={"color": [0], "cmin": 0, "cmax": vmax, "showscale": True,
                "colorscale": [[i / (len(SEQUENTIAL) - 1), c] for i, c in enumerate(SEQUENTIAL)],
                # horizontal, in the empty north-east corner, so the map keeps the full width
                "colorbar": {"title": {"text": L.t("colorbar", lang), "font": {"size": font_size},
                                       "side": "top"},
                             "tickfont": {"size": font_size}, "dtick": 1, "thickness": 14, "len": 0.3,
                             "orientation": "h", "x": 1.0, "xanchor": "right", "y": 0.93, "yanchor": "top",
                             "tickformat": "d"}}))

    per_district = _assets_by_district(assets)
    small = max(font_size - 2, 12)
    order = [d for d in shapes if d != selected] + ([selected] if selected in shapes else [])
    for did in order:  # the district's name, count and product glyphs, on a white tag (selected on top)
        shape = shapes[did]
        mine = per_district.get(did, [])
        n = int(by_id[did]["n_assets"]) if did in by_id else 0
        text = f"{L.district_short(did, lang)}<br><b>{fmt.count(n, lang)}</b>"
        if mine:
            text += "<br>" + "".join(
                f"<span style='color:{GLYPH_COLOURS.get(a['ip_type'], '#000000')}'>"
                f"{GLYPHS.get((a['ip_type'], a['status']), '?')}</span>" for a in mine)
        if research is not None and n_research.get(did, 0) > 0:  # the research layer: a line of its own
            text += (f"<br><span style='color:{RESEARCH_COLOUR}'>{RESEARCH_GLYPH}</span> "
                     f"{fmt.count(n_research[did], lang)}")
        tag = {"text": text, "font": {"size": font_size, "color": "#000000", "family": FONT_FAMILY},
               "bgcolor": "rgba(255,255,255,0.88)",
               "bordercolor": SELECTED_OUTLINE if did == selected else OUTLINE,
               "borderwidth": 2 if did == selected else 0.5, "borderpad": 2}
        # no hovertext on tags: a tag with hover text would swallow clicks, and clicks must reach the
        # district's points underneath (the points' own hover shows the same details)
        if (shape.tag_lon, shape.tag_lat) != (shape.label_lon, shape.label_lat):  # a callout
            fig.add_annotation(x=shape.label_lon, y=shape.label_lat, ax=shape.tag_lon, ay=shape.tag_lat,
                               axref="x", ayref="y", showarrow=True, arrowhead=0, arrowwidth=2,
                               arrowcolor=SELECTED_OUTLINE, **tag)
        else:
            fig.add_annotation(x=shape.label_lon, y=shape.label_lat, showarrow=False, **tag)

    if selected in shapes:  # the chosen district's products by name, in the open ground to the east
        mine = per_district.get(selected, [])
        lines = [f"<b>{L.district_short(selected, lang)}</b>: "
                 f"{L.t('hover_products', lang, n=fmt.count(len(mine), lang))}"]
        lines += [f"<span style='color:{GLYPH_COLOURS.get(a['ip_type'], '#000000')}'>"
                  f"{GLYPHS.get((a['ip_type'], a['status']), '?')}</span> {_h(L.product(a, lang))}" for a in mine]
        fig.add_annotation(xref="paper", yref="paper", x=1.0, y=0.80, xanchor="right", yanchor="top",
                           showarrow=False, align="left", text="<br>".join(lines),
                           font={"size": small, "color": "#000000"}, bgcolor="#FFFFFF",
                           bordercolor=SELECTED_OUTLINE, borderwidth=2, borderpad=4)

    # the glyph key, under the map (in the bottom margin, so it never covers a district)
    keys = [f"<span style='color:{GLYPH_COLOURS[k]}'>{GLYPHS[(k, 'protected')]}</span> {L.name('ip_type', k, lang)}"
            for k in GLYPH_COLOURS]
    extra = [f"○ △ □ {L.name('ip_status', 'in_progress', lang)}"]
    if research is not None:
        extra.append(f"<span style='color:{RESEARCH_COLOUR}'>{RESEARCH_GLYPH}</span> {L.t('research_legend', lang)}")
    fig.add_annotation(xref="paper", yref="paper", x=0.0, y=0.0, xanchor="left", yanchor="top", yshift=-4,
                       showarrow=False, align="left",
                       text="   ".join(keys) + "<br>" + "   ".join(extra),
                       font={"size": small, "color": "#000000"})

    wide = summaries.province_wide_products(assets, lang)
    if wide:  # province-wide assets: a box of their own, not pinned to any district
        fig.add_annotation(
            xref="paper", yref="paper", x=0.0, y=0.0, xanchor="left", yanchor="top", showarrow=False,
            yshift=-(2 * small * 1.3 + 14),
            text=L.t("province_box", lang, products=_h(", ".join(wide))), align="left",
            font={"size": font_size, "color": "#000000"}, bgcolor="#FFFFFF", bordercolor=PALETTE[0],
            borderwidth=2, borderpad=6)

    base_layout(fig, lang)
    fig.update_layout(
        height=height or (860 if font_size >= FONT_LARGE else 600),
        font={"size": font_size}, hovermode="closest", hoverdistance=30, dragmode=False,
        clickmode="event+select", plot_bgcolor="#FFFFFF", paper_bgcolor="#FFFFFF",
        margin={"l": 4, "r": 4, "t": 4, "b": int(2 * small * 1.3 + font_size * 1.3 + 34)},  # key + province box
        showlegend=False,
        xaxis={"visible": False, "fixedrange": True, "constrain": "domain"},
        yaxis={"visible": False, "fixedrange": True, "scaleanchor": "x", "scaleratio": lat_scale(shapes),
               "constrain": "domain", "constraintoward": "top"},
    )
    return fig


def _assets_by_district(assets: pd.DataFrame) -> dict[str, list]:
    """district_id -> its assets (rows), in the query's order (type, then status, then name)."""
    out: dict[str, list] = {}
    for _, a in assets.iterrows():
        for did in ids(a["district_ids"]):
            out.setdefault(did, []).append(a)
    return out


def _ring_xy(rings) -> tuple[list, list]:
    """All rings of a district in one trace, separated by None (fill='toself' fills each part)."""
    xs: list = []
    ys: list = []
    for ring in rings:
        if xs:
            xs.append(None)
            ys.append(None)
        xs.extend(ring[:, 0].tolist())
        ys.extend(ring[:, 1].tolist())
    return xs, ys


def selected_district(selection: dict | None, valid: set[str] | frozenset[str]) -> str | None:
    """The district id of a Streamlit chart selection ({'selection': {'points': [...]}}), if any."""
    try:
        points = selection["selection"]["points"]
    except (KeyError, TypeError):
        return None
    for point in points or []:
        cd = point.get("customdata") if isinstance(point, dict) else None
        if isinstance(cd, (list, tuple)):
            cd = cd[0] if cd else None
        if isinstance(cd, str) and cd in valid:
            return cd
    return None


# --- tables shown beside the map (headers in the user's language) ----------------------------

def _col(key: str, lang: str) -> str:
    return L.pick(L.COLUMNS[key], lang)


def district_table(counts: pd.DataFrame, research: pd.DataFrame | None, lang: str) -> pd.DataFrame:
    """One row per district: counts by type, products, research projects."""
    out = counts.copy()
    out = out.assign(
        district=[L.district_short(d, lang) for d in out["district_id"]],
        products=[", ".join(p) for p in (out["products_vi"] if lang == "vi" else out["products_en"])])
    cols = ["district", "n_assets", "n_geographical_indication", "n_certification_mark",
            "n_collective_trademark", "products"]
    if research is not None:
        out = out.merge(research[["district_id", "n_highlights"]], on="district_id", how="left")
        cols.append("n_highlights")
    return out[cols].rename(columns={c: _col(c, lang) for c in cols}).reset_index(drop=True)


def assets_table(assets: pd.DataFrame, lang: str) -> pd.DataFrame:
    """One row per IP asset, with where it is, how we know, and the sentence of the document."""
    rows = []
    for _, r in assets.iterrows():
        districts = ids(r["district_ids"])
        rows.append({
            "product": L.product(r, lang),
            "ip_type": L.name("ip_type", r["ip_type"], lang),
            "status": labels.ip_status_words(r["ip_type"], r["status"], lang),
            "scope": L.name("ip_scope", r["scope"], lang),
            "districts": ", ".join(L.district_short(d, lang) for d in districts) or L.t("province_wide", lang),
            "communes": ", ".join(ids(r["communes_vi"])),
            "basis": summaries.basis_note(r, lang) or (L.name("district_basis", "stated", lang) if districts else ""),
            "section": r["section"],
            "quote": r["source_quote"],
        })
    cols = ["product", "ip_type", "status", "scope", "districts", "communes", "basis", "section", "quote"]
    if lang == "en":
        for row, (_, r) in zip(rows, assets.iterrows()):
            row["product_vi"] = r["product_vi"]
        cols.insert(1, "product_vi")
    out = pd.DataFrame(rows, columns=cols)
    return out.rename(columns={c: _col(c, lang) for c in cols})


def research_table(research: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Research projects of a district: title, field, place the document names, sentence."""
    out = pd.DataFrame({
        "research_title": research["title_vi"] if lang == "vi" else research["title_en"],
        "field": [L.name("field", f, lang) for f in research["field_code"]],
        "place": research["place_vi"],
        "section": research["section"],
        "quote": research["source_quote"],
    })
    return out.rename(columns={c: _col(c, lang) for c in out.columns})
