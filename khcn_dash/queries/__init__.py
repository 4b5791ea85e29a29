"""The query layer: one function per question the pages ask, grouped by page.

Only this package runs SQL for reading. Each function's docstring lists its columns. Money is
million VND (`*_mvnd`); the DataFrames carry it as float64 for charts, and the functions that
must be exact (totals) return decimal.Decimal.
"""
from ._db import connection, reset  # noqa: F401
