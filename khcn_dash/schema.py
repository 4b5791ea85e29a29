"""Typed schemas of the source tables: column types, keys and accepted codes.

Each CSV of a document package (data/packages/<id>/) has exactly the columns listed here, in this order. The build step
(khcn_dash.build) converts them to these Arrow types and writes Parquet; nothing else decides
a column's type.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import pyarrow as pa

MONEY = pa.decimal128(18, 3)  # million VND, exact

_SQL_NAME = re.compile(r"^[a-z_][a-z0-9_]*$")


def sql_name(name: str) -> str:
    """A table or view name for DDL (which cannot take bound parameters), double-quoted; only
    lower-case letters, digits and underscores are accepted (ValueError otherwise)."""
    if not isinstance(name, str) or not _SQL_NAME.match(name):
        raise ValueError(f"not a table name: {name!r}")
    return f'"{name}"'


def checked_name(name: str) -> str:
    """`name` itself, once it is known to be a plain table or view name (ValueError otherwise); for
    APIs that take a name rather than SQL (DuckDB's register, create_view)."""
    sql_name(name)
    return name


def sql_text(value: object) -> str:
    """A string literal for DDL (e.g. a file path in read_parquet), quotes doubled."""
    return "'" + str(value).replace("'", "''") + "'"

PERIODS_PROVINCE = ("province", "period")
FIGURE_SEPARATOR = "; "  # between the figures of one cell (review_items.figures)
CITED = ("section", "source_quote")

FIELD_CODES = ("agriculture", "social_humanities", "medicine_pharmacy", "engineering_technology")
AREA_CODES = (
    "research", "cooperation", "technology_market", "intellectual_property", "radiation_safety",
    "information_statistics", "startups", "industry_4_0", "standards_quality", "inspection",
    "public_service",
)
INSTRUMENT_KINDS = (
    "luat", "nghi_quyet", "nghi_dinh", "quyet_dinh", "thong_tu", "thong_tu_lien_tich",
    "chi_thi", "ke_hoach", "cong_van",
)
# What a review item is (review_items.kind); their names, in Vietnamese and English, are in labels/review.py.
REVIEW_ITEM_KINDS = (
    "policy_issued", "programme", "activity", "support", "result", "cooperation", "inspection", "body",
    "service", "standard", "product_list", "funding", "limitation", "recommendation",
)
ISSUERS = (
    "quoc_hoi", "chinh_phu", "thu_tuong", "bo_khcn", "bo_tai_chinh", "lien_bo",
    "van_phong_chinh_phu", "ubnd_tinh", "ban_chi_huy", "ban_to_chuc",
)


@dataclass(frozen=True)
class Col:
    name: str
    type: pa.DataType = pa.string()
    required: bool = True
    accepted: tuple[str, ...] | None = None  # allowed values (empty allowed if not required)


@dataclass(frozen=True)
class Table:
    name: str
    key: tuple[str, ...]
    columns: tuple[Col, ...]
    cited: bool = True  # has section + source_quote (checked against the document)
    extra_quotes: tuple[str, ...] = field(default=())
    # foreign keys: (column, table, column) — each value, where filled, is a key of that table
    refs: tuple[tuple[str, str, str], ...] = field(default=())

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]


def _s(name: str, required: bool = True, accepted: tuple[str, ...] | None = None) -> Col:
    return Col(name, pa.string(), required, accepted)


def _i(name: str, required: bool = True) -> Col:
    return Col(name, pa.int32(), required)


def _m(name: str, required: bool = True) -> Col:
    return Col(name, MONEY, required)


_PP = (_s("province"), _s("period"))
_CITE = (_s("section"), _s("source_quote"))

TABLES: dict[str, Table] = {t.name: t for t in (
    Table("sections", ("section_id",), (
        _s("section_id"), _s("parent_id", False), _s("heading_vi"), _s("title_en"),
    ), cited=False, refs=(("parent_id", "sections", "section_id"),)),
    Table("document_facts", ("fact", "doc_id"), (
        _s("fact", accepted=("number", "issuer", "place", "issued_on", "title", "basis", "signer_title", "signer")),
        *_PP, _s("doc_id"), _s("value_vi"), _s("value_en"), *_CITE,
    )),
    Table("document_recipients", ("doc_id", "seq"), (
        _i("seq"), *_PP, _s("doc_id"), _s("recipient_vi"), _s("recipient_en"), *_CITE,
    )),
    Table("projects", ("project_id",), (
        _s("project_id"), _s("province"), _s("name_vi"), _s("name_en"), _s("short_vi"), _s("short_en"), *_CITE,
    )),
    Table("budget_lines", ("budget_line_id",), (
        _s("budget_line_id"), *_PP,
        _s("basis", accepted=("plan", "allocated")),
        _s("funding_kind", accepted=("recurrent", "investment")),
        _s("project_id", False), _m("amount_mvnd"),
        _s("project_status", False, ("continuing", "new")),
        _s("funder", False, ("ministry",)),
        *_CITE,
    ), refs=(("project_id", "projects", "project_id"),)),
    # Detail lines: a budget line broken into sub-lines (e.g. the recurrent block -> activity areas ->
    # tasks), each with its own amount and sentence; a detail's parts add up to it, and the top
    # details of a line add up to the line (checks.DETAIL_CHECKS).
    Table("budget_details", ("detail_id",), (
        _s("detail_id"), *_PP, _s("budget_line_id"), _s("parent_detail_id", False),
        _s("name_vi"), _s("name_en"), _m("amount_mvnd"),
        _s("area_code", False, AREA_CODES), _s("field_code", False, FIELD_CODES), *_CITE,
    ), refs=(("budget_line_id", "budget_lines", "budget_line_id"),
             ("parent_detail_id", "budget_details", "detail_id"))),
    Table("infrastructure_projects", ("project_id",), (
        _s("project_id"), *_PP, _m("approved_total_mvnd"),
        _s("status", accepted=("halted", "awaiting_equipment")),
        *_CITE, _s("status_quote"),
    ), extra_quotes=("status_quote",), refs=(("project_id", "projects", "project_id"),)),
    Table("document_totals", ("total_id",), (
        _s("total_id"), *_PP, _s("basis", accepted=("plan", "allocated", "actual")), _s("metric"),
        Col("stated_value", MONEY), *_CITE,
    )),
    Table("indicators", ("indicator_id",), (
        _s("indicator_id"), *_PP, _s("metric"), Col("value", MONEY),
        _s("unit", accepted=("count", "percent")), _s("qualifier", False, ("approx", "minimum")), *_CITE,
    )),
    Table("tasks_by_field", ("province", "period", "field_code"), (
        _s("field_code", accepted=FIELD_CODES), *_PP, _i("task_count"), *_CITE,
    )),
    Table("ministry_tasks", ("task_id",), (
        _s("task_id"), *_PP, _i("seq"), _s("title_vi"), _s("title_en"),
        _s("field_code", False, accepted=FIELD_CODES),  # the document gives these tasks no field
        *_CITE,
    )),
    Table("research_highlights", ("highlight_id",), (
        _s("highlight_id"), *_PP, _s("field_code", accepted=FIELD_CODES),
        _s("subject_vi"), _s("subject_en"), _s("title_vi"), _s("title_en"),
        # only where the text gives one: "đang triển khai" is the agriculture lead-in's alone
        _s("status", False, accepted=("ongoing", "completed", "awaiting_acceptance", "pilot")),
        _s("status_quote", False),  # the status's own sentence, where the task's quote does not carry it
        *_CITE,
    ), extra_quotes=("status_quote",)),
    Table("research_highlight_districts", ("highlight_id", "district_id"), (
        _s("highlight_id"), _s("district_id"), _s("place_vi", False),
        _s("basis", accepted=("stated", "place_name")), _s("note_en", False),
    ), cited=False, refs=(("highlight_id", "research_highlights", "highlight_id"),)),
    Table("ip_assets", ("asset_id",), (
        _s("asset_id"), *_PP,
        _s("ip_type", accepted=("geographical_indication", "certification_mark", "collective_trademark")),
        _s("status", accepted=("protected", "in_progress")),
        _s("product_vi"), _s("product_en"), _s("place_vi"),
        _s("scope", accepted=("province", "district", "area")), _s("stated_group"), *_CITE,
    )),
    Table("ip_asset_areas", ("asset_id", "district_id"), (
        _s("asset_id"), _s("district_id"), _s("commune_vi", False),
        _s("basis", accepted=("stated", "place_name")), _s("note_en", False),
    ), cited=False, refs=(("asset_id", "ip_assets", "asset_id"),)),
    Table("organisations", ("org_id",), (
        _s("org_id"), *_PP, _s("name_vi"), _s("name_en"), _s("short_vi"), _s("short_en"),
        _i("founded_year"), _s("parent_vi"), _s("formed_from_vi", False), *_CITE, _s("founded_quote"),
    ), extra_quotes=("founded_quote",)),
    Table("legal_instruments", ("instrument_id",), (
        _s("instrument_id"), *_PP, _s("number", False),
        _s("kind_code", accepted=INSTRUMENT_KINDS), _s("issuer_code", accepted=ISSUERS),
        _s("issuer_vi"), Col("issued_on", pa.date32(), False), _i("year", False),
        _s("subject_vi"), _s("subject_en"), *_CITE,
    )),
    Table("legal_mentions", ("instrument_id", "section"), (
        _s("instrument_id"), *_PP, *_CITE,
    ), refs=(("instrument_id", "legal_instruments", "instrument_id"),)),
    Table("plan_fields", ("field_code",), (
        _s("field_code", accepted=FIELD_CODES), *_PP, _s("seq"), _s("name_vi"), _s("name_en"), *_CITE,
    )),
    Table("plan_directions", ("direction_id",), (
        _s("direction_id"), _s("field_code", accepted=FIELD_CODES), *_PP, _i("seq"),
        _s("text_vi"), _s("text_en"), *_CITE,
    ), refs=(("field_code", "plan_fields", "field_code"),)),
    Table("activity_areas", ("area_code",), (
        _s("area_code", accepted=AREA_CODES), *_PP, _i("seq"), _s("name_vi"), _s("name_en"), *_CITE,
    )),
    Table("activity_actions", ("action_id",), (
        _s("action_id"), _s("area_code", accepted=AREA_CODES), *_PP, _i("seq"),
        _s("text_vi"), _s("text_en"), *_CITE,
    ), refs=(("area_code", "activity_areas", "area_code"),)),
    Table("limitations", ("limitation_id",), (
        _s("limitation_id"), *_PP, _i("seq"), _s("text_vi"), _s("text_en"), *_CITE,
    )),
    Table("recommendations", ("recommendation_id",), (
        _s("recommendation_id"), *_PP, _i("seq"), _s("addressee_vi", False), _s("text_vi"), _s("text_en"), *_CITE,
    )),
    # The whole review (part A), item by item: what was done, issued, found or asked for, in each section
    # (the most specific one holding the quote). `figures`: the figures the quote states, as written there,
    # separated by "; " (FIGURE_SEPARATOR); empty when it states none.
    Table("review_items", ("item_id",), (
        _s("item_id"), *_PP, _s("section"), _i("seq"), _s("kind", accepted=REVIEW_ITEM_KINDS),
        _s("text_vi"), _s("text_en"), _s("figures", False), _s("source_quote"),
    )),
)}
