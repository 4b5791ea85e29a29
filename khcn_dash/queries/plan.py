"""Questions about the plan (section B.I)."""
from __future__ import annotations

import pandas as pd

from ._db import cached, df

from .. import served


@cached
def research_fields(period: str | None = None, province: str | None = None) -> pd.DataFrame:
    """The plan's research fields with their number of directions. Columns: field_code, seq, name_vi,
    name_en, n_directions, section, source_quote, cite_id."""
    return df("""
        SELECT f.field_code, f.seq, f.name_vi, f.name_en, count(d.direction_id) AS n_directions,
               f.section, f.source_quote, f.cite_id
        FROM plan_fields f LEFT JOIN plan_directions d
          ON d.field_code = f.field_code AND d.province = f.province AND d.period = f.period
        WHERE f.province = $province AND f.period = $period
        GROUP BY ALL ORDER BY f.seq, f.field_code""", province=province or served.province(), period=period or served.plan())


@cached
def research_directions(field_code: str | None = None, period: str | None = None,
                        province: str | None = None) -> pd.DataFrame:
    """Planned directions, optionally of one field. Columns: direction_id, field_code, seq, text_vi,
    text_en, section, source_quote, cite_id."""
    return df("""
        SELECT direction_id, field_code, seq, text_vi, text_en, section, source_quote, cite_id
        FROM plan_directions
        WHERE province = $province AND period = $period AND ($field_code IS NULL OR field_code = $field_code)
        ORDER BY field_code, seq, direction_id""", province=province or served.province(), period=period or served.plan(), field_code=field_code)


@cached
def activity_areas(period: str | None = None, province: str | None = None) -> pd.DataFrame:
    """The plan's activity areas. Columns: area_code, seq, name_vi, name_en, n_actions,
    section, source_quote, cite_id."""
    return df("""
        SELECT a.area_code, a.seq, a.name_vi, a.name_en, count(x.action_id) AS n_actions,
               a.section, a.source_quote, a.cite_id
        FROM activity_areas a LEFT JOIN activity_actions x
          ON x.area_code = a.area_code AND x.province = a.province AND x.period = a.period
        WHERE a.province = $province AND a.period = $period
        GROUP BY ALL ORDER BY a.seq, a.area_code""", province=province or served.province(), period=period or served.plan())


@cached
def activity_actions(area_code: str | None = None, period: str | None = None,
                     province: str | None = None) -> pd.DataFrame:
    """Planned actions, optionally of one area. Columns: action_id, area_code, seq, text_vi, text_en,
    section, source_quote, cite_id."""
    return df("""
        SELECT x.action_id, x.area_code, x.seq, x.text_vi, x.text_en, x.section, x.source_quote, x.cite_id
        FROM activity_actions x JOIN activity_areas a
          ON a.area_code = x.area_code AND a.province = x.province AND a.period = x.period
        WHERE x.province = $province AND x.period = $period AND ($area_code IS NULL OR x.area_code = $area_code)
        ORDER BY a.seq, a.area_code, x.seq, x.action_id""", province=province or served.province(), period=period or served.plan(), area_code=area_code)
