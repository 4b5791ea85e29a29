"""Where the project's files are. Paths resolve from this file, never from the working directory."""
from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
# Document packages: one folder each (datapackage.json, document.txt, the tables' CSVs, geo/).
# KHCN_PACKAGES_DIR names another folder of packages (a server's own, tests, the benchmark).
PACKAGES_DIR = Path(os.environ.get("KHCN_PACKAGES_DIR", DATA_DIR / "packages"))
DESCRIPTOR = "datapackage.json"
GEOJSON_NAME = Path("geo") / "districts.geojson"  # a package's district boundaries, where it has them


def package_dirs(packages_dir: Path | None = None) -> list[Path]:
    """Every package folder (one holding a datapackage.json), by name."""
    root = Path(packages_dir or PACKAGES_DIR)
    return sorted(p.parent for p in root.glob(f"*/{DESCRIPTOR}"))


def _served_package() -> Path:
    """The package the app serves. Until documents can be picked (issue #10, part 4), the first one
    by name; a folder with none serves nothing (the build says so)."""
    found = package_dirs()
    return found[0] if found else PACKAGES_DIR / "(no package)"


SOURCE_DIR = _served_package()
GEOJSON_PATH = SOURCE_DIR / GEOJSON_NAME
# Built files; KHCN_PARQUET_DIR points elsewhere (tests, the national-scale benchmark).
PARQUET_DIR = Path(os.environ.get("KHCN_PARQUET_DIR", DATA_DIR / "parquet"))
