"""The import page (issue #10, part 3, in the app): the template, an upload checked with the report on
screen, the preview of a valid package, and publishing by an editor of .streamlit/secrets.toml.

Nothing here writes into data/packages/: publishing goes to a packages folder of the test's own
(config.PACKAGES_DIR monkeypatched), which starts with a copy of the served package."""
from __future__ import annotations

import csv
import io
import shutil
import zipfile
from pathlib import Path

import openpyxl
import pytest
import streamlit as st
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.testing.v1.util import patch_config_options

from khcn_dash import config, labels
from khcn_dash.labels import packages as L
from khcn_dash.packages import editors, intake, preview
from khcn_dash.packages.report import Report
from khcn_dash.summaries import import_data as S
from tests.conftest import open_page, shown

SERVED = config.SOURCE_DIR
ID = SERVED.name
PASSWORD = "đúng-mật-khẩu 2021"


def zip_bytes(folder: Path, edit=None) -> bytes:
    """A .zip of the package folder (its files at the root); `edit(name, text)` may change a file's text."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for p in sorted(folder.rglob("*")):
            if p.is_file():
                name = p.relative_to(folder).as_posix()
                data = p.read_bytes()
                if edit is not None and name.endswith(".csv"):
                    data = edit(name, data.decode("utf-8")).encode("utf-8")
                zf.writestr(name, data)
    return out.getvalue()


def set_cells(text: str, key: str, changes: dict[str, str]) -> str:
    rows = list(csv.reader(io.StringIO(text)))
    head = rows[0]
    for r in rows[1:]:
        if r and r[0] == key:
            for column, value in changes.items():
                r[head.index(column)] = value
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue()


def row_of(table: str, key: str) -> int:
    """The row number of a record (the header is row 1), as the report counts."""
    with open(SERVED / f"{table}.csv", encoding="utf-8", newline="") as f:
        return next(i for i, r in enumerate(csv.reader(f), start=1) if r and r[0] == key)


@pytest.fixture(scope="module")
def good_zip() -> bytes:
    return zip_bytes(SERVED)


@pytest.fixture(scope="module")
def broken_zip() -> bytes:
    def edit(name: str, text: str) -> str:
        if name == "budget_lines.csv":
            return set_cells(text, "2021-lab-upgrade", {"funding_kind": "grant"})
        if name == "document_totals.csv":
            return set_cells(text, "2021-recurrent", {"stated_value": "nhiều"})
        return text
    return zip_bytes(SERVED, edit)


def snapshot(folder: Path) -> dict[str, bytes | None]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() if p.is_file() else None
            for p in sorted(folder.rglob("*"))}


@pytest.fixture
def packages_dir(tmp_path, monkeypatch) -> Path:
    """A packages folder of the test's own, holding a copy of the served package."""
    root = tmp_path / "packages"
    shutil.copytree(SERVED, root / ID)
    monkeypatch.setattr(config, "PACKAGES_DIR", root)
    return root


@pytest.fixture
def no_secrets(tmp_path, monkeypatch):
    """No secrets file, whatever the machine has: st.secrets reads only a path that does not exist."""
    monkeypatch.setattr(st.secrets, "_secrets", None)
    with patch_config_options({"secrets.files": [str(tmp_path / "absent" / "secrets.toml")]}):
        yield


def upload_file(at, name: str, data: bytes):
    at.file_uploader[0].upload(name, data, "application/zip")
    return at.run()


def texts(at) -> str:
    return "\n".join(shown(e.value) for kind in ("markdown", "success", "error", "info", "caption", "warning")
                     for e in getattr(at, kind))


def assert_clean(at) -> None:
    assert not at.exception, [e.message for e in at.exception]
    assert labels.UI["page_error"][0] not in texts(at) and labels.UI["page_error"][1] not in texts(at)


# --- the page ------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_page_renders_in_both_languages_and_says_why_it_cannot_publish(lang, no_secrets):
    i = 0 if lang == "vi" else 1
    at = open_page("import", lang=lang)
    assert_clean(at)
    assert at.title[0].value == labels.PAGES["import"][1][i]
    assert at.file_uploader[0].label == L.IMPORT["upload_label"][i]
    assert at.file_uploader[0].proto.max_upload_size_mb == intake.MAX_UPLOAD_BYTES // 2**20
    body = texts(at)
    assert shown(S.limit_caption(lang)) in body
    assert shown(L.IMPORT["no_secrets"][i]) in body  # no secrets file: checking only, and why
    assert "hash-password" in "\n".join(c.value for c in at.code)
    assert not at.text_input and "import_publish_submit" not in {b.key for b in at.button}


def test_the_template_downloads_as_a_workbook_of_the_served_package(monkeypatch):
    made = {}
    real = MediaFileManager.add_deferred

    def spy(self, data_callable, mimetype, coordinates, file_name=None, **kwargs):
        made[file_name] = data_callable
        return real(self, data_callable, mimetype, coordinates, file_name, **kwargs)

    monkeypatch.setattr(MediaFileManager, "add_deferred", spy)
    at = open_page("import", lang="en")
    assert_clean(at)
    assert L.IMPORT["template_button"][1] in [b.proto.label for b in at.get("download_button")]
    data = made[L.IMPORT["template_file"][1]]()
    wb = openpyxl.load_workbook(io.BytesIO(data))
    assert {"datapackage", "document", "budget_lines", "document_totals"} <= set(wb.sheetnames)
    assert "Guide" in wb.sheetnames  # the English template
    values = {r[0].value: r[1].value for r in wb["datapackage"].iter_rows(min_row=2)}
    assert values["name"] == ID


def test_a_valid_zip_shows_its_preview_and_its_totals_reconcile(good_zip, packages_dir, no_secrets):
    before = snapshot(packages_dir)
    at = upload_file(open_page("import"), "lang-son-2021.zip", good_zip)
    assert_clean(at)
    assert at.success, texts(at)
    expected = preview.preview(SERVED)
    assert shown(at.success[0].value) == shown(S.report_sentence(Report("x", [], expected.identity), "vi"))
    body = texts(at)
    assert shown(S.totals_sentence(expected, "vi")) in body
    assert expected.totals and expected.reconciled == len(expected.totals)
    frames = [d.value for d in at.dataframe]
    identity = next(f for f in frames if L.IMPORT["field"][0] in f.columns)
    fields = dict(zip(identity.iloc[:, 0], identity.iloc[:, 1]))
    assert fields[L.IDENTITY_FIELDS["number"][0]] == expected.identity.number
    totals = next(f for f in frames if L.TOTALS_COLUMNS["reconciles"][0] in f.columns)
    assert set(totals[L.TOTALS_COLUMNS["reconciles"][0]]) == {L.CLI["yes"][0]}
    assert "66.769,9" in set(totals[L.TOTALS_COLUMNS["stated"][0].format(unit="triệu đồng")])
    rows = next(f for f in frames if L.ROWS_COLUMNS["table"][0] in f.columns)
    assert dict(zip(rows.iloc[:, 0], rows.iloc[:, 1]))["budget_lines"] == expected.rows["budget_lines"] > 0
    # no editors: previewed, not publishable, and the page says why
    assert shown(L.IMPORT["no_secrets"][0]) in body
    assert not at.text_input
    assert snapshot(packages_dir) == before  # checking wrote nothing


def test_a_broken_upload_shows_its_report_rows_and_writes_nothing(broken_zip, packages_dir, no_secrets):
    before = snapshot(packages_dir)
    at = open_page("import", lang="en")
    at = upload_file(at, "broken.zip", broken_zip)
    assert_clean(at)
    assert at.error and not at.success
    assert "Nothing was written" in at.error[0].value
    report = at.dataframe[0].value
    assert list(report.columns) == [L.REPORT_HEAD[k][1] for k in ("table", "row", "column", "problem")]
    found = {(r.iloc[0], r.iloc[1], r.iloc[2]) for _, r in report.iterrows()}
    assert ("budget_lines", str(row_of("budget_lines", "2021-lab-upgrade")), "funding_kind") in found
    assert ("document_totals", str(row_of("document_totals", "2021-recurrent")), "stated_value") in found
    problems = " ".join(report.iloc[:, 3])
    assert "grant" in problems and "nhiều" in problems
    assert not at.text_input  # nothing to publish
    assert snapshot(packages_dir) == before


@pytest.mark.parametrize("name, data, key", [
    ("notes.zip", b"just some text, not a zip", "not_zip_or_xlsx"),
    ("**bold** [link](http://example.com) <b>x</b>.xlsx", b"PK\x03\x04 damaged", "bad_zip"),
    ("huge.zip", b"PK\x03\x04" + b"\0" * (intake.MAX_UPLOAD_BYTES + 1), "too_large"),
])
def test_a_file_that_is_no_package_is_refused_in_the_readers_language(name, data, key, packages_dir, no_secrets):
    before = snapshot(packages_dir)
    at = upload_file(open_page("import"), name, data)
    assert_clean(at)
    report = at.dataframe[0].value
    assert report.iloc[0, 3].startswith(L.MESSAGES[key][0].split("{")[0])
    # the file's name is shown as written, never as Markdown
    line = next(m.value for m in at.markdown if m.value.startswith(L.IMPORT["file_name"][0].split("{")[0]))
    assert shown(line).replace("\u2060", "").startswith(L.IMPORT["file_name"][0].split("{")[0] + name)
    assert "<b>" not in line and "**bold**" not in line
    assert snapshot(packages_dir) == before


# --- publishing -----------------------------------------------------------------------------------

@pytest.fixture
def editor_hash() -> str:
    return editors.hash_password(PASSWORD)


def test_an_editor_publishes_a_wrong_password_does_not(good_zip, packages_dir, editor_hash):
    before = snapshot(packages_dir)
    at = open_page("import")
    at.secrets["editors"] = {"ana": editor_hash, "broken": "not a hash"}
    at = upload_file(at, "lang-son-2021.zip", good_zip)
    assert_clean(at)
    assert shown(L.IMPORT["publish_intro"][0]) in texts(at)

    for name, password in [("ana", "sai"), ("ai-do", PASSWORD), ("broken", "not a hash")]:
        at.text_input(key="import_username").set_value(name)
        at.text_input(key="import_password").set_value(password)
        at = at.button(key="import_publish_submit").click().run()
        assert_clean(at)
        assert [e.value for e in at.error] == [L.IMPORT["bad_login"][0]], name  # one answer for every refusal
        assert snapshot(packages_dir) == before

    at.text_input(key="import_username").set_value("ana")
    at.text_input(key="import_password").set_value(PASSWORD)
    at = at.button(key="import_publish_submit").click().run()
    assert_clean(at)
    assert not at.error, [e.value for e in at.error]
    done = shown(at.success[-1].value)
    assert done.startswith(L.IMPORT["published"][0].split("{")[0] + ID)
    kept = list((packages_dir / ".replaced").iterdir())
    assert len(kept) == 1 and kept[0].name.startswith(f"{ID}-")
    assert snapshot(kept[0]) == snapshot(SERVED)  # the old one, kept whole
    assert snapshot(packages_dir / ID) == snapshot(SERVED)  # the new one (the same package)
    notes = " ".join(shown(i.value) for i in at.info)
    assert str(kept[0]) in notes
    # not the folder the app serves: said honestly
    assert L.IMPORT["published_other"][0].split("{")[0] in notes


def test_editors_are_argon2_hashes_checked_by_the_library(editor_hash):
    assert editor_hash.startswith("$argon2id$")
    team = editors.editors_from({"ana": editor_hash, "bob": "plain text", "cy": 3})
    assert team == {"ana": editor_hash}
    assert editors.verify(team, "ana", PASSWORD) and editors.verify(team, " ana ", PASSWORD)
    assert not editors.verify(team, "ana", PASSWORD + " ")
    assert not editors.verify(team, "bob", "plain text") and not editors.verify(team, "zed", PASSWORD)
    assert not editors.verify(team, "ana", "") and not editors.verify({}, "", "")
    assert editors.editors_from(None) == {} and editors.editors_from("ana") == {}


def test_hash_password_prints_a_hash_the_page_accepts(monkeypatch, capsys):
    from khcn_dash.packages import __main__ as cli

    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    assert cli.main(["hash-password"]) == cli.OK
    out = capsys.readouterr()
    hashed = out.out.strip()
    assert editors.verify({"ana": hashed}, "ana", PASSWORD)
    assert "[editors]" in out.err
    monkeypatch.setattr("sys.stdin", io.StringIO("\n"))
    assert cli.main(["hash-password", "--lang", "en"]) == cli.INVALID
    assert capsys.readouterr().out == ""
