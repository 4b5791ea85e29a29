"""Document packages: one province's plan for one year, as a folder the app can take in without a
code change (issue #10).

A package is a Frictionless Data Package: `datapackage.json` (what the document is, and each table's
Table Schema, generated from khcn_dash.schema), `document.txt` (the document's text), one CSV per
table of khcn_dash.schema, and optionally `geo/districts.geojson` (the province's districts).
`descriptor` writes and reads the descriptor.
"""
