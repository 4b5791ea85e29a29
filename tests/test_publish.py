"""Serving the last good data (issue #15, item 5): a changed source is picked up without a restart;
one that fails its checks is refused, the last good data keeps being served with a note in the
user's language, and a restart with broken sources still serves it."""
from __future__ import annotations

import shutil
import stat

import pytest

from khcn_dash import build, config, publish
from khcn_dash.labels import UI
from khcn_dash.queries import _db
from khcn_dash.queries import budget as q_budget
from tests.conftest import ROOT, open_page

NEW_NAME = "Construction quality inspection (renamed in the sources)"


@pytest.fixture
def live(tmp_path, monkeypatch):
    """A copy of the package in a packages folder of the test's own, built into a Parquet folder of
    the test's own, served by the app."""
    src = tmp_path / "packages" / config.SOURCE_DIR.name
    shutil.copytree(config.SOURCE_DIR, src)
    out = tmp_path / "parquet" / src.name
    build.build(src, out)
    monkeypatch.setattr(config, "PACKAGES_DIR", src.parent)
    monkeypatch.setattr(config, "PARQUET_DIR", out.parent)
    monkeypatch.setattr(publish, "REFRESH_SECONDS", 0.0)
    publish.forget_all()
    _db.forget()
    yield src, out
    publish.forget_all()
    _db.forget()


def restart() -> None:
    """What a new process knows: nothing."""
    publish.forget_all()
    _db.forget()


def edit(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def break_a_total(src) -> None:
    """The lab line's 2021 amount no longer adds up to the stated total, nor matches its quote."""
    edit(src / "budget_lines.csv", "2021-lab-upgrade,lang-son,2021,plan,investment,lab-upgrade,10000",
         "2021-lab-upgrade,lang-son,2021,plan,investment,lab-upgrade,10001")


def warning_texts(at) -> list[str]:
    """The notes about stale data (the budget page has a warning of its own)."""
    starts = tuple(pair[0].split("{")[0] for pair in (UI["data_stale"], (UI["data_stale"][1],)))
    return [w.value for w in at.warning if w.value.startswith(starts)]


def test_a_valid_change_is_served_without_a_restart(live):
    src, _ = live
    at = open_page("budget", lang="en")
    assert not at.exception and not warning_texts(at)
    edit(src / "projects.csv", "Construction quality inspection,A.II.8", f"{NEW_NAME},A.II.8")
    at.run()
    assert not at.exception and not warning_texts(at)
    assert NEW_NAME in set(q_budget.budget_lines("2021")["short_en"])


def test_a_change_that_fails_is_refused_and_the_last_good_data_served_with_a_note(live):
    src, out = live
    break_a_total(src)
    for lang, pair in (("vi", 0), ("en", 1)):
        at = open_page("budget", lang=lang)
        assert not at.exception
        assert [e.value for e in at.error] == []  # not "this page failed to display"
        notes = warning_texts(at)
        assert len(notes) == 1 and notes[0].startswith(UI["data_stale"][pair].split("{")[0]), notes
        checks = at.code[0].value
        assert "budget_lines" in checks and "10001" in checks, checks
        assert "66.769,9" in " ".join(m.value for m in at.metric) or "66,769.9" in " ".join(m.value for m in at.metric)
    assert (out / "_manifest.json").exists()
    # the sources put right: the note goes, without a restart
    edit(src / "budget_lines.csv", "lab-upgrade,10001", "lab-upgrade,10000")
    at = open_page("budget")
    assert not at.exception and warning_texts(at) == []


def test_a_restart_with_broken_sources_still_serves_the_last_good_data(live):
    src, _ = live
    break_a_total(src)
    restart()
    for page in ("overview", "budget", "review", "plan", "map", "scenarios", "sources", "present"):
        at = open_page(page)
        assert not at.exception, page
        assert UI["page_error"][0] not in [e.value for e in at.error], page
        assert len(warning_texts(at)) >= 1 and warning_texts(at)[0].startswith("Dữ liệu trên màn hình"), page


def test_with_no_good_data_at_all_the_page_says_so_without_a_traceback(live):
    src, out = live
    shutil.rmtree(out)
    break_a_total(src)
    restart()
    at = open_page("budget")
    assert not at.exception
    assert [e.value for e in at.error] == [UI["data_missing"][0]]
    assert "10001" in at.code[0].value or "10.001" in at.code[0].value


def test_the_published_parquet_is_readable_by_other_accounts(live):
    _, out = live
    assert stat.S_IMODE(out.stat().st_mode) == 0o755
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o644 for p in out.iterdir())
