"""District geometry derived once, by the build, from a GeoJSON of district boundaries (shapely).

For each district: its outline rings (exterior rings of every part, as the map draws them), a label
point well inside its largest part (shapely's polylabel, the pole of inaccessibility), where its tag
stands, and a lattice of invisible click points inside it. Nothing is specific to one province:

- a feature's `label_lon`/`label_lat` properties, when present, place its label by hand (checked by
  eye on the rendered map, e.g. where the computed point sits in a narrow arm);
- `tag_lon`/`tag_lat` stand its tag away from the district, with a callout line (a district too
  small to hold its own tag); the click points under such a tag belong to that district, so a
  click on a tag always chooses its district.

The outlines are simplified for the screen (shapely's coverage_simplify, which keeps the borders
that neighbours share identical, so no gap or overlap appears between them): the map draws a
province about a thousand pixels wide, and a vertex that moves an outline by less than a pixel
only costs the browser time.

The result is a table (`district_geometry`) written to Parquet with the rest of the data; the map
only reads it. Coordinates are lon/lat degrees rounded to 4 places (about 10 m).
"""
from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pyarrow as pa
import shapely
from shapely.geometry import shape as to_shape
from shapely.ops import polylabel

GRID_STEP_DEG = 0.034  # invisible click points: ~3.7 km apart, ~20 px on a laptop screen (each is an SVG node)
# Outline simplification: triangles of about this square root of area (degrees) are removed; a
# province is drawn at roughly 0.002 degrees per pixel, so the outlines move by about a pixel at most.
SIMPLIFY_DEG = 0.0025
CALLOUT_HALF_SIZE = (0.075, 0.05)  # lon, lat: about a tag's extent on screen, half each way
_DECIMALS = 4


def _parts(geom) -> list:
    return list(geom.geoms) if geom.geom_type == "MultiPolygon" else [geom]


GEOMETRY_SCHEMA = pa.schema([("district_id", pa.string()), ("label_lon", pa.float64()), ("label_lat", pa.float64()),
                             ("tag_lon", pa.float64()), ("tag_lat", pa.float64()), ("rings_json", pa.string()),
                             ("grid_json", pa.string())])


def district_geometry(geojson_path: Path) -> pa.Table:
    """The derived geometry of every feature, as a table (see the module's docstring); no rows for a
    package without district boundaries."""
    if not Path(geojson_path).is_file():
        return GEOMETRY_SCHEMA.empty_table()
    features = json.loads(Path(geojson_path).read_text(encoding="utf-8"))["features"]
    geoms = {f["properties"]["district_id"]: to_shape(f["geometry"]) for f in features}
    drawn = dict(zip(geoms, shapely.coverage_simplify(list(geoms.values()), SIMPLIFY_DEG)))
    props = {f["properties"]["district_id"]: f["properties"] for f in features}

    bounds = np.array([g.bounds for g in geoms.values()])
    lo_x, lo_y, hi_x, hi_y = bounds[:, 0].min(), bounds[:, 1].min(), bounds[:, 2].max(), bounds[:, 3].max()
    kx = math.cos(math.radians((lo_y + hi_y) / 2))
    xs, ys = np.meshgrid(np.arange(lo_x, hi_x, GRID_STEP_DEG), np.arange(lo_y, hi_y, GRID_STEP_DEG * kx))
    gx, gy = xs.ravel(), ys.ravel()  # square on screen

    tags = {did: (p["tag_lon"], p["tag_lat"]) for did, p in props.items() if "tag_lon" in p}
    half_x, half_y = CALLOUT_HALF_SIZE
    under_tag = {did: (np.abs(gx - x) <= half_x) & (np.abs(gy - y) <= half_y) for did, (x, y) in tags.items()}
    taken = np.zeros(len(gx), dtype=bool)
    for mask in under_tag.values():
        taken |= mask

    rows = []
    for did, geom in geoms.items():
        p = props[did]
        if "label_lon" in p:
            label = (float(p["label_lon"]), float(p["label_lat"]))
        else:
            main = max(_parts(geom), key=lambda part: part.area)
            pt = polylabel(main, tolerance=0.001)
            label = (pt.x, pt.y)
        tag = tags.get(did, label)
        inside = shapely.contains_xy(geom, gx, gy)
        mine = (inside & ~taken) | under_tag.get(did, np.zeros(len(gx), dtype=bool))
        # the label and tag points too, so even the smallest district has a point to click
        grid = np.round(np.vstack([np.column_stack([gx[mine], gy[mine]]), [label, tag]]), _DECIMALS)
        rings = [[[round(x, _DECIMALS), round(y, _DECIMALS)] for x, y in part.exterior.coords]
                 for part in _parts(drawn[did])]
        rows.append({"district_id": did, "label_lon": round(label[0], _DECIMALS), "label_lat": round(label[1], _DECIMALS),
                     "tag_lon": round(tag[0], _DECIMALS), "tag_lat": round(tag[1], _DECIMALS),
                     "rings_json": json.dumps(rings, separators=(",", ":")),
                     "grid_json": json.dumps(grid.tolist(), separators=(",", ":"))})
    return pa.Table.from_pylist(rows, schema=GEOMETRY_SCHEMA)
