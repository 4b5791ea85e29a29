"""Display strings of the map page (/map), as (vi, en) pairs, and the pure functions that word
its summaries and notes. No Streamlit here: DataFrames and a language code in, text out."""
from __future__ import annotations

from collections.abc import Iterable, Sequence

from . import Pair, name, pick
from .. import format as fmt
from .. import served

# A district's names, made from its Vietnamese name in the package's boundaries ("Huyện Cao Lộc",
# "Thành phố Bắc Giang") by the administrative unit it begins with: (short vi, short en, full vi,
# full en). Short names label the map and the selector; full names run in sentences.
ADMIN_UNITS: dict[str, tuple[str, str, str, str]] = {
    "Thành phố": ("TP {name}", "{name} City", "thành phố {name}", "{name} City"),
    "Thị xã": ("TX {name}", "{name} Town", "thị xã {name}", "{name} Town"),
    "Quận": ("Quận {name}", "{name} District", "quận {name}", "{name} District"),
    "Huyện": ("{name}", "{name}", "huyện {name}", "{name} district"),
}

UI: dict[str, Pair] = {
    "intro": (
        "Các sản phẩm được bảo hộ chỉ dẫn địa lý, nhãn hiệu chứng nhận và nhãn hiệu tập thể của tỉnh, theo "
        "từng đơn vị hành chính cấp huyện, như phần tổng kết {doc.review} của Kế hoạch "
        "{doc.number} nêu.",
        "The province's products protected by a geographical indication, certification mark or collective "
        "trademark, district by district, as the {doc.review} review in "
        "Plan {doc.number} lists them.",
    ),
    "no_boundaries": (
        "Gói dữ liệu của văn bản này không kèm ranh giới các huyện, nên không vẽ được bản đồ; các sản phẩm "
        "được liệt kê dưới đây.",
        "This document's package brings no district boundaries, so there is no map; the products are listed below.",
    ),
    "no_assets": ("Văn bản không nêu sản phẩm nào được bảo hộ sở hữu trí tuệ.",
                  "The document names no product protected by intellectual property."),
    "filter_type": ("Loại bảo hộ", "Type of protection"),
    "filter_status": ("Tình trạng", "Status"),
    "large_labels": ("Chữ lớn (máy chiếu)", "Large labels (projector)"),
    "large_labels_help": ("Chữ trên bản đồ to hơn và bản đồ chiếm cả chiều ngang, để đọc được trên máy chiếu.",
                          "Bigger text on the map, and the map takes the full width, for reading on a projector."),
    "research_layer": ("Đề tài nghiên cứu", "Research projects"),
    "research_layer_help": (
        "Hình thoi ◆ trên nhãn huyện: số đề tài, dự án nghiên cứu mà phần tổng kết nêu tại huyện.",
        "The diamond ◆ on a district's tag: the number of research projects the review names there.",
    ),
    "empty_filter": (
        "Hãy chọn ít nhất một loại bảo hộ và một tình trạng để tô màu bản đồ.",
        "Choose at least one type of protection and one status to colour the map.",
    ),
    "totals_heading": ("Tổng toàn tỉnh, theo văn bản", "Province totals, as the document states them"),
    "parts_help": (
        "Văn bản nêu số này thành {n} phần: {parts}.",
        "The document gives this figure in {n} parts: {parts}.",
    ),
    "metric_in_progress": ("Tiếp tục xây dựng", "Still being built"),
    "metric_help": ("{what}: {products}.", "{what}: {products}."),
    "in_progress_of": ("{type} đang xây dựng", "{type}, in progress"),
    "province_wide": ("Toàn tỉnh", "Whole province"),
    "province_wide_note": (
        "Bảo hộ cho cả tỉnh, không gắn với riêng huyện nào: {products}.",
        "Protected for the whole province, not tied to any one district: {products}.",
    ),
    "map_heading": ("Bản đồ theo huyện", "Map by district"),
    "attribution_label": ("Nguồn bản đồ", "Map source"),
    "district_select": ("Chọn huyện (hoặc bấm vào huyện trên bản đồ)", "Choose a district (or click it on the map)"),
    "district_none": ("— Cả tỉnh —", "— Whole province —"),
    "hint": (
        "Bấm vào một huyện trên bản đồ, hoặc chọn huyện trong danh sách trên, để xem các sản phẩm ở đó và "
        "câu văn bản nêu chúng.",
        "Click a district on the map, or choose it in the list above, to see its products and the sentence "
        "of the document that names them.",
    ),
    "district_heading": ("Sản phẩm ở {district}", "Products in {district}"),
    "district_count": (
        "{n} sản phẩm (theo bộ lọc đang chọn).", "{n} products (with the filters chosen).",
    ),
    "district_empty": (
        "Với bộ lọc đang chọn, văn bản không nêu sản phẩm nào ở {district}.",
        "With the filters chosen, the document names no product in {district}.",
    ),
    "also_province": (
        "Ngoài ra, {products} được bảo hộ cho toàn tỉnh, kể cả {district}.",
        "In addition, {products} is protected for the whole province, {district} included.",
    ),
    "quote_intro": ("Văn bản viết (mục {section}):", "The document says (section {section}, in Vietnamese):"),
    "research_heading": ("Đề tài, dự án nghiên cứu ở {district}", "Research projects in {district}"),
    "research_empty": (
        "Phần tổng kết không nêu đề tài, dự án nào đặt ở {district}.",
        "The review names no research project located in {district}.",
    ),
    "all_assets_heading": ("Tất cả tài sản trí tuệ", "All IP assets"),
    "all_assets_count": (
        "{n} sản phẩm theo bộ lọc đang chọn; mỗi sản phẩm một dòng.",
        "{n} products with the filters chosen; one row each.",
    ),
    "colorbar": ("Số sản phẩm", "Products"),
    "research_legend": ("Đề tài nghiên cứu", "Research projects"),
    "hover_products": ("{n} sản phẩm", "{n} products"),
    "hover_research": ("{n} đề tài nghiên cứu", "{n} research projects"),
    "hover_none": ("(không có)", "(none)"),
    "shared_mark": ("cả vùng nhiều huyện", "area across districts"),
    "province_box": ("Toàn tỉnh: {products}", "Whole province: {products}"),
    "basis_place": (
        "Văn bản chỉ nêu địa danh “{place}”; địa danh này thuộc {districts}, nên sản phẩm được tính cho {which}.",
        "The document names only the place “{place}”, which lies in {districts}, so the product counts for {which}.",
    ),
    "which_both": ("cả hai huyện", "both districts"),
    "which_one": ("huyện này", "that district"),
    "and": ("và", "and"),
}

# Column headers of the tables shown and downloaded.
COLUMNS: dict[str, Pair] = {
    "district": ("Huyện", "District"),
    "n_assets": ("Số sản phẩm", "Number of products"),
    "n_geographical_indication": ("Chỉ dẫn địa lý", "Geographical indications"),
    "n_certification_mark": ("Nhãn hiệu chứng nhận", "Certification marks"),
    "n_collective_trademark": ("Nhãn hiệu tập thể", "Collective trademarks"),
    "n_highlights": ("Đề tài nghiên cứu", "Research projects"),
    "products": ("Tên sản phẩm", "Product names"),
    "product": ("Sản phẩm", "Product"),
    "product_vi": ("Tên trong văn bản", "Name in the document"),
    "ip_type": ("Loại bảo hộ", "Type"),
    "status": ("Tình trạng", "Status"),
    "scope": ("Phạm vi", "Scope"),
    "districts": ("Huyện", "Districts"),
    "communes": ("Xã / địa danh", "Commune / place"),
    "basis": ("Căn cứ xác định huyện", "How the district is known"),
    "section": ("Mục", "Section"),
    "quote": ("Câu văn bản (nguyên văn)", "Sentence of the document (original Vietnamese)"),
    "research_title": ("Đề tài, dự án", "Research project"),
    "field": ("Lĩnh vực", "Field"),
    "place": ("Địa điểm văn bản nêu", "Place the document names"),
}


def t(key: str, lang: str, **kw) -> str:
    """A string of this page in `lang`, with {placeholders} filled (whole numbers formatted for `lang`)."""
    text = pick(UI[key], lang)
    kw = {k: fmt.count(v, lang) if isinstance(v, int) else v for k, v in kw.items()}
    return text.format(**kw) if kw else text




def _district_name(district_id: str, lang: str, full: bool) -> str:
    doc = served.current()
    name_vi = (doc.district_names() if doc else {}).get(district_id)
    if not name_vi:
        return str(district_id)
    for unit, forms in ADMIN_UNITS.items():
        if name_vi.startswith(unit + " "):
            return forms[(2 if full else 0) + (0 if lang == "vi" else 1)].format(name=name_vi[len(unit) + 1:])
    return name_vi


def district_short(district_id: str, lang: str) -> str:
    """'Cao Lộc', 'TP X' / 'X City': on the map and in the selector (the id if unknown)."""
    return _district_name(district_id, lang, full=False)


def district_full(district_id: str, lang: str) -> str:
    """'huyện Cao Lộc' / 'Cao Lộc district', 'thành phố X': in running text (the id if unknown)."""
    return _district_name(district_id, lang, full=True)


def join_words(items: Sequence[str], lang: str) -> str:
    """['a', 'b', 'c'] -> 'a, b và c' (vi) / 'a, b and c' (en)."""
    items = [str(i) for i in items]
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {t('and', lang)} {items[-1]}"


def product(row, lang: str) -> str:
    """The product's name: as the document writes it (vi) or our translation (en)."""
    return row["product_vi"] if lang == "vi" else row["product_en"]


def metric_label(ip_type: str, status: str, lang: str) -> str:
    """'Chỉ dẫn địa lý' for protected assets; 'Đang xây dựng' for those in progress (the help says which type)."""
    return t("metric_in_progress", lang) if status == "in_progress" else name("ip_type", ip_type, lang)


def parts_help(parts: Iterable[int], lang: str) -> str | None:
    """'20 + 1' explained, when the document states a total in several sentences; None otherwise."""
    parts = [int(p) for p in parts]
    if len(parts) < 2:
        return None
    return t("parts_help", lang, n=len(parts), parts=" + ".join(fmt.count(p, lang) for p in parts))
