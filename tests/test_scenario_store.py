"""Saved scenarios: versions, restarts, 20 threads at once, a process killed mid-save, locked and
read-only files. Every store test runs against both backends (`target`): an embedded DuckDB file of
its own under tmp_path, and a fresh database on a real PostgreSQL server that the tests start
(tests/pg_server.py, marked `postgres`). Tests about files (locked, read-only, not a database) are
DuckDB's alone; what only a server can show (processes sharing it, the server going away) is in
test_scenario_store_pg.py."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import textwrap
import threading
from decimal import Decimal as D
from pathlib import Path

import pytest

from khcn_dash import scenario as m
from khcn_dash import scenario_store as stores
from khcn_dash import scenario_store_base as base
from khcn_dash.queries import scenarios as q

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def baseline() -> m.Baseline:
    return m.Baseline.from_query(q.baseline_lines.uncached().to_dict("records"), q.rule_sources.uncached(),
                                 q.split_codes.uncached())


@pytest.fixture(params=["duckdb", pytest.param("postgres", marks=pytest.mark.postgres)])
def target(request, tmp_path) -> Path | str:
    """Where a test's scenarios go: a DuckDB file of its own, or an empty PostgreSQL database."""
    if request.param == "duckdb":
        return tmp_path / "s.duckdb"
    return request.getfixturevalue("pg_url")


@pytest.fixture
def store(target):
    s = stores.new_store(target)
    yield s
    s.close()


def payload(baseline, lab: str = "8000", farm: str = "2000") -> dict:
    scn = m.Scenario.plan(baseline).add_candidate("candidate-experimental-farm")
    scn = scn.with_mode("free").set_amount("2021-lab-upgrade", D(lab))
    return scn.set_amount("candidate-experimental-farm", D(farm)).with_mode("fixed_proportional").to_payload()


def run_python(code: str, *args: str, **kw) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", textwrap.dedent(code), *args], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kw)


# --- the basics -------------------------------------------------------------------------------

def test_db_target_default_env_and_url(monkeypatch, tmp_path):
    monkeypatch.delenv(stores.ENV_VAR, raising=False)
    assert stores.db_target() == ROOT / "data" / "scenarios.duckdb"
    monkeypatch.setenv(stores.ENV_VAR, str(tmp_path / "x.duckdb"))
    assert stores.db_target() == tmp_path / "x.duckdb"
    for url in ("postgresql://app:secret@db.internal:5432/khcn", "postgres://localhost/khcn"):
        monkeypatch.setenv(stores.ENV_VAR, f" {url} ")
        assert stores.db_target() == url and stores.is_url(stores.db_target())


def test_the_schema_is_versioned_and_made_once(target, baseline, monkeypatch):
    """store_meta records the schema version; opening again changes nothing; a new step is applied
    once, in order, to a store made by an older app, and its data is kept."""
    first = stores.new_store(target)
    assert first.schema_version() == base.SCHEMA_VERSION == 2
    sid, _ = first.save(payload(baseline), "A")
    first.close()
    again = stores.new_store(target)
    assert again.schema_version() == 2 and again.count_versions() == 1
    again.close()
    step = {"duckdb": "CREATE INDEX IF NOT EXISTS scenario_versions_at ON scenario_versions (created_at)",
            "postgres": "CREATE INDEX IF NOT EXISTS scenario_versions_at ON scenario_versions (created_at)"}
    monkeypatch.setattr(base, "MIGRATIONS", [*base.MIGRATIONS, (3, step)])
    for _ in range(2):
        upgraded = stores.new_store(target)
        assert upgraded.schema_version() == 3 and upgraded.load(sid)["name"] == "A"
        upgraded.close()


def test_a_scenario_belongs_to_its_document(store, baseline):
    """Listed, opened, versioned and deleted only in the document it was saved in."""
    sid, _ = store.save(payload(baseline), "A", doc_id="one-2021")
    other, _ = store.save(payload(baseline, lab="7000", farm="3000"), "B", doc_id="two-2022")
    assert [r["scenario_id"] for r in store.list_scenarios(doc_id="one-2021")] == [sid]
    assert [r["scenario_id"] for r in store.list_scenarios(doc_id="two-2022")] == [other]
    assert store.load(sid, doc_id="one-2021")["name"] == "A"
    with pytest.raises(base.NotFound):
        store.load(sid, doc_id="two-2022")
    with pytest.raises(base.NotFound):
        store.save(payload(baseline), "A2", scenario_id=sid, doc_id="two-2022")
    assert store.versions(sid, doc_id="two-2022") == []
    assert store.delete(sid, doc_id="two-2022") == 0 and store.delete(sid, doc_id="one-2021") == 1


def test_scenarios_saved_before_documents_belong_to_the_default_document(tmp_path, baseline):
    """A store made by the app before documents could be chosen (schema 1) is upgraded: its
    scenarios are the default document's."""
    import duckdb
    from khcn_dash import documents
    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    con.execute(base.MIGRATIONS[0][1]["duckdb"])
    con.execute("CREATE TABLE store_meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)")
    con.execute("INSERT INTO store_meta VALUES ('schema_version', '1')")
    con.execute("INSERT INTO scenario_versions VALUES ('oldOne_1', 1, 'Old', '', '', now()::TIMESTAMP, ?)",
                [__import__("json").dumps(payload(baseline))])
    con.close()
    upgraded = stores.new_store(path)
    try:
        assert upgraded.schema_version() == 2
        assert [r["scenario_id"] for r in upgraded.list_scenarios(doc_id=documents.default().id)] == ["oldOne_1"]
        assert upgraded.list_scenarios(doc_id="another-2030") == []
    finally:
        upgraded.close()


def test_save_load_list(store, baseline):
    p = payload(baseline)
    sid, version = store.save(p, "Khôi phục trại thực nghiệm", "Phòng KH-TC", "2 tỷ từ phòng thí nghiệm")
    assert stores.valid_id(sid) and version == 1
    rec = store.load(sid)
    assert rec["payload"] == p and rec["name"] == "Khôi phục trại thực nghiệm" and rec["latest_version"] == 1
    again = m.Scenario.from_payload(baseline, rec["payload"])
    assert again.amount("2021-lab-upgrade") == D("8000") and again.amount("candidate-experimental-farm") == D("2000")
    (row,) = store.list_scenarios()
    assert row["scenario_id"] == sid and row["n_versions"] == 1 and row["author"] == "Phòng KH-TC"


def test_saving_an_edit_adds_a_version_and_keeps_the_old_one(store, baseline):
    sid, _ = store.save(payload(baseline, lab="8000"), "A")
    _, v2 = store.save(payload(baseline, lab="7000", farm="3000"), "A (sửa)", scenario_id=sid)
    assert v2 == 2
    assert store.load(sid, 1)["payload"]["lines"]["2021-lab-upgrade"] == 80000
    assert store.load(sid)["payload"]["lines"]["2021-lab-upgrade"] == 70000
    assert [v["version"] for v in store.versions(sid)] == [1, 2]
    (row,) = store.list_scenarios()
    assert row["version"] == 2 and row["name"] == "A (sửa)" and row["n_versions"] == 2


def test_delete_removes_every_version(store, baseline):
    sid, _ = store.save(payload(baseline), "A")
    store.save(payload(baseline), "A", note="lần 2", scenario_id=sid)
    keep, _ = store.save(payload(baseline), "B")
    assert store.delete(sid) == 2
    with pytest.raises(stores.NotFound):
        store.load(sid)
    assert [r["scenario_id"] for r in store.list_scenarios()] == [keep]
    assert store.delete(sid) == 0


@pytest.mark.parametrize("bad_id", ["", "x" * 11 + "y", "../../etc/pa", "' OR 1=1 --", "abc", None, 12345678901])
def test_malformed_ids_are_not_found(store, bad_id):
    with pytest.raises(stores.NotFound):
        store.load(bad_id)
    assert store.versions(bad_id) == []


def test_a_retried_save_is_stored_once(store, baseline):
    """The app stopped right after a commit, so the user never saw "saved" and saves again: the
    retry finds its own row (new scenario, or new version) instead of storing a duplicate."""
    first = store.save(payload(baseline), "A", "Phòng KH-TC", "ghi chú")
    again = store.save(payload(baseline), "A", "Phòng KH-TC", "ghi chú")
    assert tuple(again) == tuple(first) and again.existing and not first.existing
    v2 = store.save(payload(baseline, lab="7000", farm="3000"), "A", scenario_id=first[0])
    v2_again = store.save(payload(baseline, lab="7000", farm="3000"), "A", scenario_id=first[0])
    assert tuple(v2) == tuple(v2_again) == (first[0], 2) and v2_again.existing
    assert store.count_versions() == 2
    # not the same save: another name, another note, another scenario, or an older one
    assert not store.save(payload(baseline), "A", "Phòng KH-TC", "ghi chú khác").existing
    assert not store.save(payload(baseline), "A", "Phòng KH-TC", "ghi chú", scenario_id=first[0]).existing


def test_an_identical_scenario_saved_long_ago_is_a_new_save(store, baseline, monkeypatch):
    first = store.save(payload(baseline), "A")
    monkeypatch.setattr(base, "_utcnow", lambda: base.dt.datetime.now() + stores.RETRY_WINDOW * 2)
    later = store.save(payload(baseline), "A")
    assert not later.existing and later[0] != first[0]


def test_a_missing_version_of_an_existing_scenario_says_which_exist(store, baseline):
    sid, _ = store.save(payload(baseline), "A")
    with pytest.raises(stores.NotFound) as exc:
        store.load(sid, 999)
    assert (exc.value.version, exc.value.latest) == (999, 1)
    with pytest.raises(stores.NotFound) as exc:
        store.load("AAAAAAAAAAA", 2)
    assert exc.value.latest is None


def test_a_path_that_cannot_hold_a_database_is_named_for_what_it_is(tmp_path):
    (tmp_path / "folder.duckdb").mkdir()
    (tmp_path / "file").write_text("x")
    for path, reason in ((tmp_path / "folder.duckdb", "is_dir"), (tmp_path / "file" / "s.duckdb", "bad_parent"),
                         (tmp_path / "file" / "deeper" / "s.duckdb", "bad_parent")):
        with pytest.raises(stores.StoreUnavailable) as exc:
            stores.ScenarioStore(path)
        assert exc.value.reason == reason, path


def test_a_folder_that_cannot_be_written_is_reported_up_front(tmp_path, baseline):
    folder = tmp_path / "ro"
    folder.mkdir()
    s = stores.ScenarioStore(folder / "s.duckdb")
    sid, _ = s.save(payload(baseline), "saved before")
    s.close()
    _make_read_only(folder)
    try:
        with pytest.raises(stores.StoreUnavailable) as exc:  # no file yet, and none can be made
            stores.ScenarioStore(folder / "new.duckdb")
        assert exc.value.reason == "cannot_create"
        ro = stores.ScenarioStore(folder / "s.duckdb")  # the file is writable, its folder is not
        assert ro.read_only and ro.read_only_reason == "read_only_folder"
        assert ro.load(sid)["name"] == "saved before"
        with pytest.raises(stores.StoreUnavailable) as exc:
            ro.save(payload(baseline), "B")
        assert exc.value.reason == "read_only_folder"
        ro.close()
    finally:
        _undo_read_only(folder)


def test_unknown_version_is_not_found(store, baseline):
    sid, _ = store.save(payload(baseline), "A")
    for v in (2, 0, -1):
        with pytest.raises(stores.NotFound):
            store.load(sid, v)
    with pytest.raises(stores.NotFound):
        store.save(payload(baseline), "A", scenario_id="AAAAAAAAAAA")


@pytest.mark.parametrize("name, author, note", [
    ("", "", ""), ("x" * 10_000, "", ""), ("ok", "a\u200fb", ""), ("ok", "", "\u202e"), ("\x07bell", "", ""),
])
def test_refused_names_save_nothing(store, baseline, name, author, note):
    with pytest.raises(m.ScenarioError):
        store.save(payload(baseline), name, author, note)
    assert store.count_versions() == 0


@pytest.mark.parametrize("bad", [
    {}, {"v": 1}, {"v": 1, "lines": {"2021-recurrent": -1}}, {"v": 1, "lines": {"2021-recurrent": float("nan")}},
    {"v": 1, "lines": {"2021-recurrent": 10 ** 308}}, {"v": 1, "lines": {"2021-recurrent": "text"}},
    {"v": 1, "lines": {"2021-recurrent": 1.5}}, "not a dict",
])
def test_refused_amounts_save_nothing(store, bad):
    with pytest.raises(m.ScenarioError):
        store.save(bad, "name")
    assert store.count_versions() == 0


def test_html_names_are_stored_as_typed(store, baseline):
    sid, _ = store.save(payload(baseline), "<script>alert(1)</script>", "<b>me</b>")
    assert store.load(sid)["name"] == "<script>alert(1)</script>"


# --- restart, threads, kill -------------------------------------------------------------------

def test_saves_survive_a_restart(target, baseline):
    proc = run_python("""
        import json, sys
        from khcn_dash import scenario_store as stores
        store = stores.new_store(sys.argv[1])
        p = json.loads(sys.argv[2])
        sid, _ = store.save(p, "Trước khi khởi động lại", "A")
        store.save(p, "Bản 2", "A", scenario_id=sid)
        print(sid)
    """, str(target), __import__("json").dumps(payload(baseline)))
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    sid = out.strip()
    store = stores.new_store(target)  # a new process opening the store the first one wrote
    try:
        assert [v["name"] for v in store.versions(sid)] == ["Trước khi khởi động lại", "Bản 2"]
        assert store.load(sid, 1)["payload"] == payload(baseline)
    finally:
        store.close()


def _in_threads(n: int, work) -> list[BaseException]:
    errors: list[BaseException] = []
    start = threading.Barrier(n)

    def run(i: int) -> None:
        try:
            start.wait()
            work(i)
        except BaseException as exc:  # noqa: BLE001 - reported to the test
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    return errors


def test_twenty_threads_saving_at_once_lose_none(store, baseline):
    """20 threads × 15 saves on each backend (the 20 × 50 = 1,000 across two processes is proved
    against PostgreSQL in test_scenario_store_pg; DuckDB commits take ~10 ms each, so 300 here)."""
    p = payload(baseline)
    saved: list[tuple[str, int]] = []
    lock = threading.Lock()

    def work(n: int) -> None:
        for i in range(15):
            ref = store.save(p, f"luồng {n} lần {i}", f"thread-{n}")
            with lock:
                saved.append(ref)

    assert _in_threads(20, work) == []
    assert len(saved) == 300 and len({sid for sid, _ in saved}) == 300
    assert store.count_versions() == 300 and len(store.list_scenarios()) == 300
    for sid, version in saved:  # 300 of 300 readable
        assert version == 1 and store.load(sid)["payload"] == p


def test_threads_adding_versions_to_one_scenario_get_distinct_numbers(store, baseline):
    p = payload(baseline)
    sid, _ = store.save(p, "chung")
    versions: list[int] = []
    lock = threading.Lock()

    def work(n: int) -> None:
        for i in range(20):
            _, v = store.save(p, f"luồng {n}", note=f"lần {i}", scenario_id=sid)
            with lock:
                versions.append(v)

    assert _in_threads(10, work) == []
    assert sorted(versions) == list(range(2, 202))  # no number twice, none skipped
    assert [v["version"] for v in store.versions(sid)] == list(range(1, 202))


_SAVE_LOOP = """
    import json, sys, time
    from khcn_dash import scenario_store as stores
    from khcn_dash import scenario_store_base as base
    store = stores.new_store(sys.argv[1])
    p = json.loads(sys.argv[2])
    hang = sys.argv[3] == "hang"
    if hang:  # stop for good inside the transaction of the 21st save, after its row is written
        original = base.Store._write_version
        count = {"n": 0}
        def write(self, cur, *args):
            original(self, cur, *args)
            count["n"] += 1
            if count["n"] == 21:
                print("IN-SAVE", flush=True)
                time.sleep(600)
        base.Store._write_version = write
    i = 0
    while True:
        sid, v = store.save(p, f"save {i}", "loop")
        print(sid, v, flush=True)
        i += 1
"""


@pytest.mark.parametrize("when", ["hang", "random"])
def test_a_process_killed_mid_save_leaves_every_earlier_save(target, baseline, when):
    p = payload(baseline)
    proc = run_python(_SAVE_LOOP, str(target), __import__("json").dumps(p), when)
    confirmed: list[str] = []
    try:
        for line in proc.stdout:
            if line.startswith("IN-SAVE"):
                break
            confirmed.append(line.split()[0])
            if when == "random" and len(confirmed) >= 40:
                break  # the loop is saving flat out: the kill lands wherever it is
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    assert len(confirmed) >= 20
    store = stores.new_store(target)
    try:
        ids = {r["scenario_id"] for r in store.list_scenarios()}
        assert set(confirmed) <= ids  # every save reported done is there
        for sid in confirmed:
            assert store.load(sid)["payload"] == p
        if when == "hang":
            assert store.count_versions() == len(confirmed) == 20  # the half-done 21st left no trace
        new_sid, _ = store.save(p, "after the crash")  # and the file still takes saves
        assert store.load(new_sid)["name"] == "after the crash"
    finally:
        store.close()


# --- faults -------------------------------------------------------------------------------------

def test_a_file_locked_by_another_process_is_reported(tmp_path):
    path = tmp_path / "locked.duckdb"
    holder = run_python("""
        import sys, time, duckdb
        con = duckdb.connect(sys.argv[1])
        print("holding", flush=True)
        time.sleep(120)
    """, str(path))
    try:
        assert holder.stdout.readline().strip() == "holding"
        with pytest.raises(stores.StoreUnavailable) as exc:
            stores.ScenarioStore(path)
        assert exc.value.reason == "locked"
        with pytest.raises(stores.StoreUnavailable):
            stores.open_store(path)
    finally:
        holder.kill()
        holder.wait(timeout=30)
    stores.close_all()
    store = stores.open_store(path)  # a failure is not remembered: once free, it opens
    assert store.list_scenarios() == []
    stores.close_all()


def _make_read_only(path: Path):
    """chmod for a normal user; root ignores modes, so chattr +i (immutable) there."""
    os.chmod(path, 0o444)
    if os.geteuid() == 0:
        if not shutil.which("chattr") or subprocess.run(["chattr", "+i", str(path)]).returncode != 0:
            pytest.skip("running as root without chattr: cannot make a file read-only here")
    try:
        with open(path, "ab"):
            pass
    except OSError:
        return
    pytest.skip("the file system ignores read-only modes here")


def _undo_read_only(path: Path):
    if os.geteuid() == 0 and shutil.which("chattr"):
        subprocess.run(["chattr", "-i", str(path)])
    os.chmod(path, 0o644)


def test_a_read_only_file_can_be_read_but_not_written(tmp_path, baseline):
    path = tmp_path / "ro.duckdb"
    s = stores.ScenarioStore(path)
    sid, _ = s.save(payload(baseline), "saved before")
    s.close()
    _make_read_only(path)
    try:
        store = stores.ScenarioStore(path)
        assert store.read_only
        assert store.load(sid)["name"] == "saved before"
        with pytest.raises(stores.StoreUnavailable) as exc:
            store.save(payload(baseline), "new")
        assert exc.value.reason == "read_only"
        with pytest.raises(stores.StoreUnavailable):
            store.delete(sid)
        store.close()
    finally:
        _undo_read_only(path)


def test_a_missing_file_in_a_read_only_folder_is_reported(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    marker = folder / "probe"
    os.chmod(folder, 0o555)
    if os.geteuid() == 0:
        # root writes anywhere: use a path whose "folder" is a file instead
        os.chmod(folder, 0o755)
        marker.write_text("a file, not a folder")
        path = marker / "s.duckdb"
    else:
        path = folder / "s.duckdb"
    with pytest.raises(stores.StoreUnavailable):
        stores.ScenarioStore(path)
    os.chmod(folder, 0o755)


def test_a_file_that_is_not_a_database_is_reported(tmp_path):
    path = tmp_path / "garbage.duckdb"
    path.write_bytes(b"this is not a database" * 1000)
    with pytest.raises(stores.StoreUnavailable) as exc:
        stores.ScenarioStore(path)
    assert exc.value.reason == "broken"


def test_every_reason_a_store_gives_has_words_for_the_page_in_both_languages():
    """The page shows L.t(f"store_{reason}"): each reason either backend can raise has its sentence."""
    import re

    from khcn_dash.labels import scenarios as L
    reasons = {"locked", "read_only", "read_only_folder", "broken", "failed", "unreachable", "is_dir", "bad_parent",
               "cannot_create"}
    source = "".join((ROOT / "khcn_dash" / f"{name}.py").read_text(encoding="utf-8")
                     for name in ("scenario_store", "scenario_store_base", "scenario_store_pg"))
    raised = set(re.findall(r'StoreUnavailable\("(\w+)"', source)) | set(re.findall(r'return "(\w+)"', source))
    assert raised <= reasons, raised - reasons
    for reason in reasons:
        vi, en = L.TEXT[f"store_{reason}"]
        assert vi and en and vi != en
