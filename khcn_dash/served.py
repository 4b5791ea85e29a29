"""The document the app serves, as its package's descriptor names it: its province, plan year and
review period, read once here. Until documents can be picked (issue #10, part 4) it is the first
package by name (config.SOURCE_DIR); with no package the values are empty and the pages say there
is no data.
"""
from __future__ import annotations

from .config import SOURCE_DIR
from .packages import descriptor

try:
    IDENTITY: descriptor.Identity | None = descriptor.identity(SOURCE_DIR)
except (OSError, ValueError, KeyError, TypeError):
    IDENTITY = None

PROVINCE = IDENTITY.province_id if IDENTITY else ""
PLAN = str(IDENTITY.plan_year) if IDENTITY else ""  # the plan year, as the tables' `period` writes it
REVIEW = IDENTITY.review_period if IDENTITY else ""  # the review period, e.g. "2016-2020"
PACKAGE_ID = IDENTITY.package_id if IDENTITY else ""
