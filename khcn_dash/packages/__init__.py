"""Document packages: one province's plan for one year, as a folder the app can take in without a
code change (issue #10).

A package is a Frictionless Data Package: `datapackage.json` (what the document is, and each table's
Table Schema, generated from khcn_dash.schema), `document.txt` (the document's text), one CSV per
table of khcn_dash.schema, and optionally `geo/districts.geojson` (the province's districts). It may
also come as a .zip of that folder or as an Excel workbook.

- descriptor: writes and reads the descriptor;
- intake: stages what comes in (folder, .zip, .xlsx) into a temporary package folder, refusing what
  is unsafe; workbook: reads the workbook form; template: writes the Excel template;
- validation: checks a staged package (frictionless, then the build's checks) into a report (report);
- store: the published packages: add, list, remove;
- preview: a checked package's identity, stated totals against its budget lines, rows per table;
- upload: the import page's steps on an uploaded file's bytes (check, preview, publish), the template
  as bytes; editors: who may publish from the app (.streamlit/secrets.toml, Argon2 hashes);
- __main__: `python -m khcn_dash.packages check|add|list|remove|descriptor|template|hash-password`.
"""
