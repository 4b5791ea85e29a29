"""Year over year: two documents of the served province side by side (the budget by source, the
investment projects, the tasks by field, the IP counts), each figure with its change and a link
to its own document's sentence. Layout only."""
from __future__ import annotations

import streamlit as st

from khcn_dash import documents, publish, served, ui
from khcn_dash.labels import compare as L
from khcn_dash.queries import compare as q
from khcn_dash.summaries import compare as S

ui.require_app_shell()

lang, unit = ui.lang(), ui.unit()
doc = served.current()
docs = documents.of_province(doc.province)

def compare(docs: tuple) -> None:
    """The two chosen documents side by side."""
    st.caption(ui.tr(L.INTRO).format(province=doc.province_name(lang)))
    by_id = {d.id: d for d in docs}
    ids = list(by_id)  # newest first

    def option(doc_id: str) -> str:
        return ui.tr(L.DOC_OPTION).format(year=by_id[doc_id].identity.plan_year, number=by_id[doc_id].identity.number)

    newer_default = ids.index(doc.id)
    older_default = newer_default + 1 if newer_default + 1 < len(ids) else max(newer_default - 1, 0)
    c1, c2 = st.columns(2)
    older_id = c1.selectbox(ui.tr(L.OLDER), ids, index=older_default, format_func=option, key="compare_older")
    newer_id = c2.selectbox(ui.tr(L.NEWER), ids, index=newer_default, format_func=option, key="compare_newer")
    if older_id == newer_id:
        st.warning(ui.tr(L.SAME), icon=":material/compare_arrows:")
        return
    older, newer = sorted((by_id[older_id], by_id[newer_id]), key=lambda d: d.identity.plan_year)
    pair = (older.id, newer.id)
    for d in (older, newer):  # each document's last good build (built now if it never was)
        publish.refresh(d.parquet_dir, d.source_dir, d.geojson_path)
    sections = [
        ("totals", L.TOTALS, L.TOTALS_NOTE, q.plan_totals(pair), True),
        ("projects", L.PROJECTS, L.PROJECTS_NOTE, q.investment_projects(pair), True),
        ("tasks", L.TASKS, L.TASKS_NOTE, q.tasks_by_field(pair), False),
        ("ip", L.IP, L.IP_NOTE, q.ip_counts(pair), False),
    ]
    years = (older.identity.plan_year, newer.identity.plan_year)
    for key, title, note, long, money in sections:
        st.subheader(ui.tr(title))
        st.caption(ui.tr(note).format(periods=S.periods(long, older.id, newer.id, lang)))
        if long.empty:
            st.info(ui.tr(L.NEITHER), icon=":material/info:")
            continue
        wide = S.side_by_side(long, older.id, newer.id)
        data, shown = S.table(wide, S.item_names(key, long, lang), *years, lang, unit, money)
        src_old, src_new = S.source_columns(*years, lang)
        links = {src_old: ui.cite_links(wide.section_old, wide.cite_old, older.id),
                 src_new: ui.cite_links(wide.section_new, wide.cite_new, newer.id)}
        ui.linked_table(data, shown, links, key=f"compare_{key}", filename=f"so-sanh-{years[0]}-{key}")


st.header(ui.tr(L.TITLE))
if len(docs) < 2:
    st.info(ui.tr(L.ONLY_ONE).format(province=doc.province_name(lang), doc=doc.identity.number),
            icon=":material/info:")
else:
    compare(docs)
