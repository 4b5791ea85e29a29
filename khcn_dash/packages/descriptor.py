"""The package descriptor (`datapackage.json`): what the document is, and a Frictionless Table Schema
per table, generated from khcn_dash.schema (types, required columns, codes as enums, primary and
foreign keys), so that other tools can read and validate the data.

The document's identity is under the descriptor's `khcn` property:

    "khcn": {"province": {"id", "name_vi", "name_en"},
             "document": {"number", "issued_on", "issuer_vi", "issuer_en", "title_vi", "title_en"},
             "plan_year": <year>, "review_period": "<first year>-<last year>", "fictional": false}

The package's name is "<province id>-<plan year>" and names its folder.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa

from .. import config, schema

PROFILE = "data-package"  # not "tabular-": the document text and the GeoJSON are resources too
DOCUMENT = "document.txt"
GEO_NOTE = "SOURCE_AND_LICENCE.md"  # beside a package's GeoJSON: where the boundaries come from, their licence
PACKAGE_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")  # a package's name and folder: "<province id>-<plan year>"
PROVINCE_ID = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")

# The descriptor's identity as flat keys (the workbook's «datapackage» sheet): top-level members, then
# the members of `khcn`, dotted.
TOP_KEYS = ("name", "title", "description", "version")
KHCN_KEYS = ("province.id", "province.name_vi", "province.name_en",
             "document.number", "document.issued_on", "document.issuer_vi", "document.issuer_en",
             "document.title_vi", "document.title_en", "plan_year", "review_period", "fictional")
IDENTITY_KEYS = TOP_KEYS + KHCN_KEYS
OPTIONAL_KEYS = frozenset({"title", "description", "version", "fictional"})


def _field(col: schema.Col) -> dict:
    t = col.type
    if pa.types.is_integer(t):
        out = {"name": col.name, "type": "integer"}
    elif pa.types.is_decimal(t):
        out = {"name": col.name, "type": "number", "decimalChar": ".", "groupChar": "", "bareNumber": True}
    elif pa.types.is_date(t):
        out = {"name": col.name, "type": "date", "format": "%Y-%m-%d"}
    else:
        out = {"name": col.name, "type": "string"}
    constraints = {}
    if col.required:
        constraints["required"] = True
    if col.accepted is not None:
        constraints["enum"] = list(col.accepted)
    if constraints:
        out["constraints"] = constraints
    return out


def table_schema(table: schema.Table) -> dict:
    """The table's Frictionless Table Schema."""
    refs = list(table.refs)
    if table.cited:
        refs.append(("section", "sections", "section_id"))
    out = {"fields": [_field(c) for c in table.columns], "missingValues": [""],
           "primaryKey": list(table.key)}
    if refs:
        out["foreignKeys"] = [{"fields": [col], "reference": {"resource": "" if ref == table.name else ref,
                                                               "fields": [ref_col]}}
                              for col, ref, ref_col in refs]
    return out


def resources(folder: Path) -> list[dict]:
    """The package's resources: the document's text, each table, and the districts if present."""
    out = [{"name": "document", "path": DOCUMENT, "type": "text", "scheme": "file", "format": "txt",
            "mediatype": "text/plain", "encoding": "utf-8"}]
    for t in schema.TABLES.values():
        out.append({"name": t.name, "path": f"{t.name}.csv", "type": "table", "scheme": "file",
                    "format": "csv", "mediatype": "text/csv", "encoding": "utf-8", "schema": table_schema(t)})
    if (Path(folder) / config.GEOJSON_NAME).exists():
        out.append({"name": "districts", "path": config.GEOJSON_NAME.as_posix(), "type": "json",
                    "scheme": "file", "format": "geojson", "mediatype": "application/geo+json", "encoding": "utf-8"})
    return out


@dataclass(frozen=True)
class Identity:
    """What a package's document is (from its descriptor)."""
    package_id: str
    province_id: str
    province_vi: str
    province_en: str
    number: str
    issued_on: str
    issuer_vi: str
    issuer_en: str
    title_vi: str
    title_en: str
    plan_year: int
    review_period: str
    fictional: bool
    geo_source: str = ""  # the district boundaries' source and licence, as the descriptor's `sources` names them

    @classmethod
    def from_descriptor(cls, desc: dict) -> "Identity":
        k = desc["khcn"]
        p, d = k["province"], k["document"]
        geo_note = (config.GEOJSON_NAME.parent / GEO_NOTE).as_posix()
        geo = [s.get("title", "") for s in desc.get("sources", []) if isinstance(s, dict) and s.get("path") == geo_note]
        return cls(desc["name"], p["id"], p["name_vi"], p["name_en"], d["number"], d["issued_on"],
                   d["issuer_vi"], d["issuer_en"], d["title_vi"], d["title_en"], int(k["plan_year"]),
                   k["review_period"], bool(k.get("fictional", False)), str(geo[0]) if geo else "")


def flat_identity(desc: dict) -> list[tuple[str, object]]:
    """(key, value) for each identity key the descriptor has, in IDENTITY_KEYS order."""
    out = []
    for key in IDENTITY_KEYS:
        node = desc if key in TOP_KEYS else desc.get("khcn", {})
        for part in key.split("."):
            node = node.get(part) if isinstance(node, dict) else None
        if node is not None:
            out.append((key, node))
    return out


def from_flat_identity(values: dict[str, object]) -> dict:
    """A descriptor without resources from flat identity keys (the inverse of flat_identity)."""
    desc: dict = {k: values[k] for k in TOP_KEYS if k in values}
    khcn: dict = {}
    for key in KHCN_KEYS:
        if key in values:
            *parents, last = key.split(".")
            node = khcn
            for part in parents:
                node = node.setdefault(part, {})
            node[last] = values[key]
    desc["profile"] = PROFILE
    desc["khcn"] = khcn
    return desc


def write(folder: Path, desc: dict) -> None:
    (Path(folder) / config.DESCRIPTOR).write_text(json.dumps(desc, ensure_ascii=False, indent=2) + "\n",
                                                  encoding="utf-8")


def read(folder: Path) -> dict:
    return json.loads((Path(folder) / config.DESCRIPTOR).read_text(encoding="utf-8"))


def identity(folder: Path) -> Identity:
    return Identity.from_descriptor(read(folder))


def refresh(folder: Path) -> dict:
    """Rewrites the descriptor's resources from khcn_dash.schema, keeping what the package says of its
    document; returns the descriptor. (`python -m khcn_dash.packages descriptor PATH`.)"""
    folder = Path(folder)
    desc = read(folder)
    desc["profile"] = PROFILE
    desc["resources"] = resources(folder)
    write(folder, desc)
    return desc
