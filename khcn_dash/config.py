"""Where the project's files are. Paths resolve from this file, never from the working directory."""
from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
SOURCE_DIR = DATA_DIR / "source"
GEOJSON_PATH = DATA_DIR / "geo" / "lang_son_districts_2020.geojson"
# Built files; KHCN_PARQUET_DIR points elsewhere (tests, the national-scale benchmark).
PARQUET_DIR = Path(os.environ.get("KHCN_PARQUET_DIR", DATA_DIR / "parquet"))
