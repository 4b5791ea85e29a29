"""The sentences that summarise each page's charts and figures, one module per page.

Pure functions, no st.* calls and no figures: query results (DataFrames, stated totals) plus lang and
unit in, Markdown out. Every number goes through khcn_dash.format and every piece of document text
through khcn_dash.text.md_escape; the words and templates come from the page's labels module.
"""
