"""The import page in a real browser: a file goes through Streamlit's own upload (the file input, the
upload request, the rerun), and the page shows the report or the preview, with nothing fetched from
outside and no browser error. Publishing and each refusal's message are tested with AppTest
(tests/test_page_import.py); the template's download by test_widgets_browser's walk."""
from __future__ import annotations

from khcn_dash import labels
from khcn_dash import config
from khcn_dash.labels import packages as L
from tests.test_page_import import zip_bytes, set_cells

from .conftest import rerun

UPLOAD_INPUT = '[data-testid="stFileUploaderDropzoneInput"]'


def _upload(recorder, name: str, data: bytes) -> str:
    page = recorder.page
    recorder.goto("/import?lang=en")
    rerun(page, lambda: page.locator(UPLOAD_INPUT).set_input_files(
        {"name": name, "mimeType": "application/zip", "buffer": data}), wait_start_ms=15_000)
    main = page.locator('[data-testid="stMain"]')
    main.get_by_text(labels.pick(L.IMPORT["publish_head"], "en"), exact=True).wait_for(timeout=60_000)
    return main.inner_text()


def test_an_uploaded_zip_is_checked_and_previewed_in_the_browser(recorder):
    text = _upload(recorder, "lang-son-2021.zip", zip_bytes(config.SOURCE_DIR))
    page = recorder.page
    assert page.locator('[data-testid="stException"]').count() == 0
    assert "passes every check" in text, text[:2000]
    assert labels.pick(L.IMPORT["preview_head"], "en") in text and labels.pick(L.IMPORT["totals_head"], "en") in text
    assert labels.pick(L.IMPORT["no_secrets"], "en").split("`")[0] in text  # no editors on this server: said so
    assert page.locator('[data-testid="stDataFrame"]').count() >= 3  # identity, totals, rows per table
    recorder.screenshot_full("page_import_preview_en")
    assert recorder.outside_requests() == []
    assert recorder.console_errors == []
    assert recorder.failed_responses == []


def test_a_broken_upload_shows_its_report_in_the_browser(recorder):
    def edit(name: str, text: str) -> str:
        return set_cells(text, "2021-lab-upgrade", {"funding_kind": "grant"}) if name == "budget_lines.csv" else text

    text = _upload(recorder, "broken.zip", zip_bytes(config.SOURCE_DIR, edit))
    page = recorder.page
    assert page.locator('[data-testid="stException"]').count() == 0
    assert "Nothing was written" in text
    assert labels.pick(L.IMPORT["preview_head"], "en") not in text
    assert page.locator('[data-testid="stDataFrame"]').count() >= 1
    assert recorder.outside_requests() == []
    assert recorder.console_errors == []
    assert recorder.failed_responses == []
