"""The sentences of the map page (and its slide): what the map shows, the province totals' help, a
district's products and the sentences they rest on. Words from labels.map; numbers from format;
every name from the data escaped (text.md_escape)."""
from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from .. import format as fmt
from .. import labels
from ..labels import map as L
from ..results import ids
from ..text import md_escape


def basis_note(row, lang: str) -> str:
    """How we know which district(s) an asset belongs to, in words; '' when the text names the district."""
    if "place_name" not in ids(row.get("district_basis")):
        return ""
    districts = ids(row.get("district_ids"))
    places = ids(row.get("communes_vi")) or [L.pick(labels.UI["not_stated"], lang)]
    return L.t("basis_place", lang, place=", ".join(places),
             districts=L.join_words([L.district_full(d, lang) for d in districts], lang),
             which=L.t("which_both" if len(districts) > 1 else "which_one", lang))


def province_wide_products(assets: pd.DataFrame, lang: str) -> list[str]:
    """Names of the assets protected for the whole province (scope 'province')."""
    wide = assets[assets["scope"] == "province"]
    return [f"{L.product(r, lang)} ({L.name('ip_type', r['ip_type'], lang).lower()})" for _, r in wide.iterrows()]


def province_wide_line(wide: Sequence[str], lang: str) -> str:
    """A blue 'Toàn tỉnh' badge and the province-wide products after it (Markdown, names escaped)."""
    badge = f":blue-badge[:material/public: {md_escape(L.t('province_wide', lang))}]"
    return f"{badge} {md_escape(L.t('province_wide_note', lang, products=L.join_words(wide, lang)))}"


def map_summary(counts: pd.DataFrame, assets: pd.DataFrame, lang: str, filtered: bool = True) -> str:
    """A few sentences saying what the map shows, for people who do not read maps. Markdown: every
    name from the data is escaped. `filtered`: the map page's filters chose `assets` (False: all of
    the document's, as on the slide)."""
    e = md_escape
    wide = province_wide_products(assets, lang)
    placed = counts[counts["n_assets"] > 0].sort_values(["n_assets", "district_id"], ascending=[False, True])
    zero = [e(L.district_short(d, lang)) for d in counts.loc[counts["n_assets"] == 0, "district_id"]]
    shared = assets[assets["scope"] == "area"]
    vi = lang == "vi"
    n = fmt.count(len(assets), lang)
    if filtered:
        parts = [f"Theo bộ lọc đang chọn có **{n}** sản phẩm." if vi else
                 f"With the filters chosen there are **{n}** products."]
    else:
        parts = [f"Văn bản nêu **{n}** sản phẩm." if vi else f"The document names **{n}** products."]
    if not placed.empty:
        n_top = int(placed.iloc[0].n_assets)
        tops = e(L.join_words([L.district_short(d, lang) for d in
                             placed.loc[placed["n_assets"] == n_top, "district_id"]], lang))
        several = (placed["n_assets"] == n_top).sum() > 1
        top = (f"{tops} có nhiều nhất ({fmt.count(n_top, lang)}{' mỗi huyện' if several else ''})" if vi else
               f"{tops} {'have' if several else 'has'} the most ({fmt.count(n_top, lang)}{' each' if several else ''})")
        ranking = ", ".join(f"{e(L.district_short(r.district_id, lang))} ({fmt.count(r.n_assets, lang)})"
                            for r in placed.itertuples())
        parts.append(f"{top}. Theo huyện: {ranking}." if vi else f"{top}. By district: {ranking}.")
        if zero:
            parts.append(f"Không có sản phẩm nào: {', '.join(zero)}." if vi else f"None in: {', '.join(zero)}.")
    if not shared.empty:
        names = e(L.join_words([L.product(r, lang) for _, r in shared.iterrows()], lang))
        where = e(L.join_words([L.district_short(d, lang) for d in
                              sorted({d for cell in shared["district_ids"] for d in ids(cell)})], lang))
        parts.append(f"{names}: tính cho cả {where} (suy ra từ địa danh trong văn bản)." if vi else
                     f"{names}: counted in {where} alike (inferred from a place the document names).")
    if wide:
        parts.append(e(L.t("province_wide_note", lang, products=L.join_words(wide, lang))))
    return " ".join(parts)


def totals_cards(totals: pd.DataFrame, assets: pd.DataFrame, lang: str) -> list[tuple[str, str, str]]:
    """(label, value, help) for each province total of ip_totals(). The help names the products, or,
    for a total the document gives in several sentences, its parts ('20 + 1')."""
    cards = []
    for _, r in totals.iterrows():
        kind = L.name("ip_type", r["ip_type"], lang)
        what = L.t("in_progress_of", lang, type=kind) if r["status"] == "in_progress" else kind
        mine = assets[(assets["ip_type"] == r["ip_type"]) & (assets["status"] == r["status"])]
        help_text = L.parts_help(r["parts"], lang) or L.t("metric_help", lang, what=what, products=L.join_words(
            [L.product(a, lang) for _, a in mine.iterrows()], lang))
        cards.append((L.metric_label(r["ip_type"], r["status"], lang), fmt.count(r["n_assets"], lang),
                      md_escape(help_text)))
    return cards


def asset_card(row, lang: str) -> tuple[str, str, list[str]]:
    """A product of a district: its name (Markdown, escaped), 'type · status' (plain text), and notes
    (plain text): the commune or place, and how the district is known when the text does not name it."""
    title = f"**{md_escape(L.product(row, lang))}**"
    if lang == "en":
        title += f" ({md_escape(row['product_vi'])})"
    kind = f"{L.name('ip_type', row['ip_type'], lang)} · {labels.ip_status_words(row['ip_type'], row['status'], lang)}"
    communes = ids(row.get("communes_vi"))
    where = []
    if communes:
        where.append(f"{L.pick(L.COLUMNS['communes'], lang)}: {', '.join(communes)}")
    note = basis_note(row, lang)
    if note:
        where.append(note)
    return title, kind, where


def quotes(assets: pd.DataFrame, lang: str) -> list[str]:
    """Each distinct source sentence of `assets`, once, as Markdown: 'Văn bản viết (mục A.II.1.3):' and
    the sentence, escaped, as a quotation."""
    out = []
    seen = set()
    for _, r in assets.iterrows():
        if r["source_quote"] in seen:
            continue
        seen.add(r["source_quote"])
        out.append(f"{md_escape(L.t('quote_intro', lang, section=r['section']))}\n\n> “{md_escape(r['source_quote'])}”")
    return out
