"""Intellectual property by district: the map page's questions."""
from __future__ import annotations

import pandas as pd

from ._db import cached, df

from .. import served
ALL_TYPES = ["geographical_indication", "certification_mark", "collective_trademark"]
ALL_STATUSES = ["protected", "in_progress"]


@cached
def districts(province: str | None = None) -> pd.DataFrame:
    """The districts of the map. Columns: district_id, name_vi, name_en, gso_code."""
    return df("""SELECT district_id, name_vi, name_en, gso_code FROM districts
                 WHERE province = $province ORDER BY gso_code, district_id""", province=province or served.province())


@cached
def ip_count_by_district(ip_types: tuple[str, ...] = tuple(ALL_TYPES),
                         statuses: tuple[str, ...] = tuple(ALL_STATUSES),
                         province: str | None = None) -> pd.DataFrame:
    """Every district with the number of IP assets tied to it (an asset of several districts counts
    in each; province-wide assets are not in any district). Columns: district_id, name_vi, name_en,
    n_assets, n_geographical_indication, n_certification_mark, n_collective_trademark, products_vi,
    products_en (lists)."""
    return df("""
        WITH a AS (SELECT * FROM ip_asset_districts
                   WHERE province = $province AND list_contains($types, ip_type)
                     AND list_contains($statuses, status))
        SELECT d.district_id, d.name_vi, d.name_en,
               count(a.asset_id) AS n_assets,
               count(a.asset_id) FILTER (WHERE a.ip_type = 'geographical_indication') AS n_geographical_indication,
               count(a.asset_id) FILTER (WHERE a.ip_type = 'certification_mark') AS n_certification_mark,
               count(a.asset_id) FILTER (WHERE a.ip_type = 'collective_trademark') AS n_collective_trademark,
               coalesce(list(a.product_vi ORDER BY a.product_vi, a.asset_id)
                            FILTER (WHERE a.asset_id IS NOT NULL), []) AS products_vi,
               coalesce(list(a.product_en ORDER BY a.product_vi, a.asset_id)
                            FILTER (WHERE a.asset_id IS NOT NULL), []) AS products_en
        FROM districts d LEFT JOIN a USING (district_id)
        WHERE d.province = $province
        GROUP BY ALL ORDER BY n_assets DESC, d.district_id""",
              province=province or served.province(), types=list(ip_types), statuses=list(statuses))


@cached
def ip_assets(ip_types: tuple[str, ...] = tuple(ALL_TYPES), statuses: tuple[str, ...] = tuple(ALL_STATUSES),
              district_id: str | None = None, scope: str | None = None,
              province: str | None = None) -> pd.DataFrame:
    """IP assets, one row each, filtered by type, status, and optionally district and scope
    (`province` = the whole province). Columns: asset_id, ip_type, status, product_vi, product_en,
    place_vi, scope, district_ids (list), communes_vi (list), district_basis (list), section,
    source_quote, cite_id."""
    return df("""
        WITH per_asset AS (
            SELECT asset_id, ip_type, status, product_vi, product_en, place_vi, scope,
                   list(district_id ORDER BY district_id) FILTER (WHERE district_id IS NOT NULL) AS district_ids,
                   list(DISTINCT commune_vi ORDER BY commune_vi)
                       FILTER (WHERE commune_vi IS NOT NULL) AS communes_vi,
                   list(DISTINCT district_basis ORDER BY district_basis)
                       FILTER (WHERE district_basis IS NOT NULL) AS district_basis,
                   section, source_quote, cite_id
            FROM ip_asset_districts
            WHERE province = $province AND list_contains($types, ip_type) AND list_contains($statuses, status)
              AND ($scope IS NULL OR scope = $scope)
            GROUP BY ALL)
        SELECT * FROM per_asset
        WHERE $district_id IS NULL OR list_contains(district_ids, $district_id)
        ORDER BY CASE ip_type WHEN 'geographical_indication' THEN 0 WHEN 'certification_mark' THEN 1 ELSE 2 END,
                 status DESC, product_vi, asset_id""",
              province=province or served.province(), types=list(ip_types), statuses=list(statuses), district_id=district_id,
              scope=scope)


@cached
def research_by_district(district_id: str | None = None, province: str | None = None) -> pd.DataFrame:
    """Research tasks the review places in a district (or all placed ones). Columns: district_id,
    highlight_id, field_code, subject_vi, subject_en, title_vi, title_en, place_vi, basis, section,
    source_quote, cite_id."""
    return df("""
        SELECT d.district_id, h.highlight_id, h.field_code, h.subject_vi, h.subject_en, h.title_vi, h.title_en,
               d.place_vi, d.basis, h.section, h.source_quote, h.cite_id
        FROM research_highlight_districts d JOIN research_highlights h USING (highlight_id)
        WHERE h.province = $province AND ($district_id IS NULL OR d.district_id = $district_id)
        ORDER BY d.district_id, h.highlight_id""", province=province or served.province(), district_id=district_id)


@cached
def research_count_by_district(province: str | None = None) -> pd.DataFrame:
    """Columns: district_id, n_highlights."""
    return df("""
        SELECT d.district_id, count(h.highlight_id) AS n_highlights
        FROM districts d LEFT JOIN research_highlight_districts r USING (district_id)
        LEFT JOIN research_highlights h ON h.highlight_id = r.highlight_id AND h.province = d.province
        WHERE d.province = $province GROUP BY ALL ORDER BY d.district_id""", province=province or served.province())


@cached
def ip_totals(province: str | None = None) -> pd.DataFrame:
    """Province totals per type and status, as the document states them, whatever the filters.
    `parts` are the counts of each sentence that states them (e.g. [20, 1]: 20 collective trademarks,
    then 1 more), largest first. Columns: ip_type, status, n_assets, parts (list), cite_ids (list)."""
    return df("""
        WITH g AS (
            SELECT ip_type, status, stated_group, count(*) AS n,
                   list(DISTINCT cite_id ORDER BY cite_id) AS cites
            FROM ip_assets WHERE province = $province GROUP BY ALL)
        SELECT ip_type, status, CAST(sum(n) AS INTEGER) AS n_assets, list(n ORDER BY n DESC) AS parts,
               list_sort(list_distinct(flatten(list(cites)))) AS cite_ids
        FROM g GROUP BY ip_type, status
        ORDER BY status DESC,
                 CASE ip_type WHEN 'geographical_indication' THEN 0 WHEN 'certification_mark' THEN 1 ELSE 2 END,
                 ip_type""",
              province=province or served.province())


@cached
def district_geometry() -> pd.DataFrame:
    """The districts' derived geometry (khcn_dash.geo, computed by the build), in the boundary file's
    order. Columns: district_id, label_lon, label_lat, tag_lon, tag_lat, rings_json, grid_json."""
    return df("""SELECT g.district_id, g.label_lon, g.label_lat, g.tag_lon, g.tag_lat, g.rings_json, g.grid_json
                 FROM district_geometry g JOIN districts d USING (district_id)
                 ORDER BY d.gso_code, g.district_id""")
