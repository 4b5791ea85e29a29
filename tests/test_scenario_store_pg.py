"""Saved scenarios on PostgreSQL, shared by several app processes (issue #14), against a real server
the tests start themselves (tests/pg_server.py). What a single DuckDB file cannot show:

- two app processes share one database: a save in one is listed in the other, and on the page, with
  no restart;
- 20 threads in two processes, 50 saves each: 1,000 of 1,000 kept, versions of one scenario numbered
  without a gap or a repeat;
- `kill -9` of one process in the middle of its saves: every save it confirmed is there, its half-done
  one is not, and the other process keeps saving (also when it was waiting for the killed one's lock);
- the server stopped while the app runs: the page says saving is unavailable and everything else
  works; when the server is back, the app reconnects by itself.
"""
from __future__ import annotations

import json
import os
import queue
import signal
import subprocess
import sys
import textwrap
import threading
import time

import pytest

from khcn_dash import scenario as m
from khcn_dash import scenario_store as stores
from khcn_dash import scenario_store_base as base
from khcn_dash.labels import scenarios as L
from khcn_dash.queries import scenarios as q
from khcn_dash.scenario_session import K
from tests.conftest import ROOT, open_page, open_parts, scenarios_page, shown, type_amount
from tests.pg_server import PgServer, free_port
from tests.test_scenario_store import payload

pytestmark = pytest.mark.postgres


@pytest.fixture(scope="module")
def baseline() -> m.Baseline:
    return m.Baseline.from_query(q.baseline_lines.uncached().to_dict("records"), q.rule_sources.uncached(),
                                 q.split_codes.uncached())


class Process:
    """A Python process running the real store module, as an app process would (KHCN_SCENARIO_DB is
    the server's URL); its output lines are read as they come."""

    def __init__(self, code: str, url: str, *args: str):
        self.proc = subprocess.Popen([sys.executable, "-c", textwrap.dedent(code), *args], cwd=ROOT, text=True,
                                     env={**os.environ, stores.ENV_VAR: url}, stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.proc.stdout:
            self.lines.put(line.rstrip("\n"))
        self.lines.put(None)

    def line(self, timeout: float = 120) -> str:
        got = self.lines.get(timeout=timeout)
        assert got is not None, f"the process ended: {self.proc.stderr.read()}"
        return got

    def tell(self, text: str) -> str:
        self.proc.stdin.write(text + "\n")
        self.proc.stdin.flush()
        return self.line()

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait(timeout=30)


# --- two processes, one database -------------------------------------------------------------

_APP_PROCESS = """
    import json, sys
    from khcn_dash import scenario_store as stores
    p = json.loads(sys.argv[1])
    stores.open_store()  # opened once, before anything is saved, and kept: no restart below
    print("ready", flush=True)
    for command in sys.stdin:
        verb, *rest = command.split()
        store = stores.open_store()
        if verb == "save":
            print(store.save(p, rest[0])[0], flush=True)
        elif verb == "version":
            print(store.save(p, rest[1], scenario_id=rest[0])[1], flush=True)
        elif verb == "list":
            print(json.dumps([r["scenario_id"] for r in store.list_scenarios()]), flush=True)
        elif verb == "load":
            r = store.load(rest[0])
            print(r["version"], r["name"], flush=True)
"""


def test_two_app_processes_share_one_database_without_a_restart(pg_url, baseline, monkeypatch):
    monkeypatch.setenv(stores.ENV_VAR, pg_url)
    page_before = scenarios_page()  # this process's store is open before the saves, too
    assert L.TEXT["none_saved"][0] in [c.value for c in page_before.caption]
    a, b = (Process(_APP_PROCESS, pg_url, json.dumps(payload(baseline))) for _ in range(2))
    try:
        assert a.line() == b.line() == "ready"
        sid = a.tell("save Phương-án-A")
        assert sid in json.loads(b.tell("list"))  # saved in A, listed in B
        assert b.tell(f"version {sid} Phương-án-A-sửa") == "2"  # a new version from B...
        assert a.tell(f"load {sid}") == "2 Phương-án-A-sửa"  # ...is the latest in A
        page = scenarios_page()  # and the page of a third process lists it
        assert any("Phương-án-A-sửa" in o for o in page.selectbox(key="scn_pick").options)
        opened = open_page("scenarios", id=sid)
        assert any("«Phương-án-A-sửa», phiên bản 2" in shown(i.value) for i in opened.info)
    finally:
        a.stop()
        b.stop()


_OPEN = """
    import sys
    from khcn_dash import scenario_store as stores
    print("ready", flush=True)
    sys.stdin.readline()
    store = stores.open_store()  # the first use of an empty database: the tables are made here
    print(store.schema_version(), store.count_versions(), flush=True)
"""


def test_replicas_starting_together_on_an_empty_database_make_the_schema_once(pg_url):
    procs = [Process(_OPEN, pg_url) for _ in range(4)]
    try:
        assert [x.line() for x in procs] == ["ready"] * 4
        for x in procs:
            x.proc.stdin.write("go\n")
            x.proc.stdin.flush()
        assert [x.line() for x in procs] == [f"{base.SCHEMA_VERSION} 0"] * 4
    finally:
        for x in procs:
            x.stop()


_THREADS = """
    import json, sys, threading, time
    from khcn_dash import scenario_store as stores
    p, shared, tag = json.loads(sys.argv[1]), sys.argv[2], sys.argv[3]
    n_threads, n_saves = int(sys.argv[4]), int(sys.argv[5])
    store = stores.open_store()
    saved, errors, lock = [], [], threading.Lock()
    start = threading.Barrier(n_threads + 1)

    def work(t):
        start.wait()
        for i in range(n_saves):
            try:  # every other save: a new version of the scenario every thread edits
                ref = store.save(p, f"{tag} {t} {i}", scenario_id=shared if i % 2 else None)
            except Exception as exc:
                errors.append(repr(exc))
                continue
            with lock:
                saved.append(list(ref))

    threads = [threading.Thread(target=work, args=(t,)) for t in range(n_threads)]
    for t in threads:
        t.start()
    print("ready", flush=True)
    sys.stdin.readline()
    began = time.monotonic()
    start.wait()
    for t in threads:
        t.join()
    print(json.dumps({"saved": saved, "errors": errors, "seconds": time.monotonic() - began}), flush=True)
"""


def test_twenty_threads_in_two_processes_save_a_thousand_and_lose_none(pg_url, baseline):
    store = stores.new_store(pg_url)
    p = payload(baseline)
    shared, _ = store.save(p, "chung")
    procs = [Process(_THREADS, pg_url, json.dumps(p), shared, tag, "10", "50") for tag in ("A", "B")]
    try:
        assert [x.line() for x in procs] == ["ready", "ready"]
        for x in procs:  # both start at once
            x.proc.stdin.write("go\n")
            x.proc.stdin.flush()
        results = [json.loads(x.line(timeout=600)) for x in procs]
    finally:
        for x in procs:
            x.stop()
    assert [r["errors"] for r in results] == [[], []]
    saved = [tuple(ref) for r in results for ref in r["saved"]]
    new = [sid for sid, v in saved if sid != shared]
    versions = sorted(v for sid, v in saved if sid == shared)
    print(f"\n1,000 saves from 2 processes x 10 threads: {len(saved)} confirmed, "
          f"{max(r['seconds'] for r in results):.1f} s")
    assert len(saved) == 1000 and len(new) == len(set(new)) == 500
    assert versions == list(range(2, 502))  # 500 versions of one scenario: no number twice, none skipped
    assert store.count_versions() == 1001  # 1,000 of 1,000 persisted (and the shared scenario's first)
    assert [v["version"] for v in store.versions(shared)] == list(range(1, 502))
    assert {r["scenario_id"] for r in store.list_scenarios()} == {shared, *new}
    for sid in new[::25]:
        assert store.load(sid)["payload"] == p
    store.close()


# --- kill -9 ---------------------------------------------------------------------------------

_LOOP = """
    import json, sys, time
    from khcn_dash import scenario_store as stores
    from khcn_dash import scenario_store_base as base
    p, shared, tag, hang_at = json.loads(sys.argv[1]), sys.argv[2], sys.argv[3], int(sys.argv[4])
    if hang_at:  # stop for good inside the transaction of one save, after its row is written
        original, count = base.Store._write_version, {"n": 0}
        def write(self, cur, *args):
            original(self, cur, *args)
            count["n"] += 1
            if count["n"] == hang_at:
                print("IN-SAVE", args[0], args[1], flush=True)
                time.sleep(600)
        base.Store._write_version = write
    store = stores.open_store()
    i = 0
    while True:  # even: a new scenario; odd: a new version of the scenario both processes edit
        sid, v = store.save(p, f"{tag} {i}", scenario_id=shared if i % 2 else None)
        print(sid, v, flush=True)
        i += 1
"""


@pytest.mark.parametrize("when", ["holding_the_lock", "random"])
def test_kill_9_of_one_process_mid_save_keeps_its_saves_and_the_other_keeps_working(pg_url, baseline, when):
    """`holding_the_lock`: A stops for good inside its 22nd save, a new version of the shared
    scenario, holding that scenario's lock; B, saving versions of it too, waits. A is killed: the
    server rolls back A's half-done save and releases the lock, and B goes on."""
    store = stores.new_store(pg_url)
    p = payload(baseline)
    shared, _ = store.save(p, "chung")
    a = Process(_LOOP, pg_url, json.dumps(p), shared, "A", "22" if when == "holding_the_lock" else "0")
    b = Process(_LOOP, pg_url, json.dumps(p), shared, "B", "0")
    confirmed = {"A": [], "B": []}
    try:
        while True:
            line = a.line()
            if line.startswith("IN-SAVE"):
                break
            confirmed["A"].append(tuple(line.split()))
            if when == "random" and len(confirmed["A"]) >= 40:
                break  # A is saving flat out: the kill lands wherever it is

        def drain_b() -> int:
            while not b.lines.empty():
                confirmed["B"].append(tuple(b.line().split()))
            return len(confirmed["B"])

        time.sleep(0.5)  # what B printed so far has arrived
        before = drain_b()
        time.sleep(1.0)  # B runs on meanwhile (or waits for A's lock)
        b_waited = drain_b() - before <= 1  # at most one new scenario, then B waits for the version lock
        a.proc.send_signal(signal.SIGKILL)
        a.proc.wait(timeout=30)
        assert a.proc.returncode == -signal.SIGKILL
        at_kill = drain_b()
        while len(confirmed["B"]) < at_kill + 20:  # B keeps working after the kill
            confirmed["B"].append(tuple(b.line(timeout=60).split()))
    finally:
        a.stop()
        b.stop()
    print(f"\n{when}: A confirmed {len(confirmed['A'])} saves before kill -9; B {at_kill} by then, "
          f"{len(confirmed['B']) - at_kill} more after")
    assert len(confirmed["A"]) >= 20
    for name in ("A", "B"):
        for sid, v in confirmed[name]:  # every save reported done is there
            assert store.load(sid, int(v))["payload"] == p
    by_tag = {r["name"].split()[0] for r in store.list_scenarios()}
    assert by_tag <= {"A", "B", "chung"}
    versions = [v["version"] for v in store.versions(shared)]
    assert versions == list(range(1, len(versions) + 1))  # no gap, no repeat
    if when == "holding_the_lock":  # B waited for A's lock, and the half-done 22nd save left no trace
        assert b_waited
        a_rows = [v for v in store.versions(shared) if v["name"].startswith("A ")]
        a_new = [r for r in store.list_scenarios() if r["scenario_id"] != shared and r["name"].startswith("A ")]
        assert len(a_rows) + len(a_new) == len(confirmed["A"]) == 21
    store.close()


# --- the server goes away, and comes back -----------------------------------------------------

def test_a_server_that_cannot_be_reached_or_refuses_is_named_quickly(pg_server):
    for url, reason in ((f"postgresql://postgres@127.0.0.1:{free_port()}/khcn", "unreachable"),
                        (pg_server.url("no_such_database"), "broken"),
                        ("postgresql://postgres@127.0.0.1:notaport/khcn", "broken")):
        began = time.monotonic()
        with pytest.raises(stores.StoreUnavailable) as exc:
            stores.open_store(url)
        assert exc.value.reason == reason, (url, exc.value)
        assert time.monotonic() - began < 10
    began = time.monotonic()  # a server just found unreachable is not waited for again at once
    with pytest.raises(stores.StoreUnavailable) as exc:
        stores.open_store(url_down := f"postgresql://postgres@127.0.0.1:{free_port()}/khcn")
    with pytest.raises(stores.StoreUnavailable) as again:
        stores.open_store(url_down)
    assert exc.value.reason == again.value.reason == "unreachable" and time.monotonic() - began < 10
    stores.close_all()


@pytest.fixture
def own_server():
    """A server of this test's own: the test stops and starts it."""
    server = PgServer().start()
    yield server
    stores.close_all()
    server.destroy()


def test_a_server_restart_between_two_requests_goes_unnoticed(own_server):
    url = own_server.create_database()
    store = stores.open_store(url)
    assert store.list_scenarios() == []
    own_server.stop()
    own_server.start()
    again = stores.open_store(url)  # the pool drops its broken connections and makes new ones
    assert again is store and again.list_scenarios() == []


def test_the_page_says_saving_is_unavailable_while_the_server_is_down_and_recovers(own_server, monkeypatch):
    from tests.test_page_scenarios import LAB, QA, amount, assert_clean, save, warnings
    monkeypatch.setenv(stores.ENV_VAR, own_server.create_database())
    monkeypatch.setattr(stores, "RETRY_UNREACHABLE", 0.5)  # tried again sooner: the same path, less waiting
    at = scenarios_page()
    type_amount(at, LAB, "9.000")
    save(at, "Trước khi máy chủ dừng")
    assert any("Đã lưu «Trước khi máy chủ dừng», phiên bản 1" in s.value for s in at.success)
    sid = at.query_params["id"]

    own_server.stop()
    began = time.monotonic()
    down = open_page("scenarios")  # the same app process, its store opened before the server went away
    seconds = time.monotonic() - began
    open_parts(down, K.OPEN_SAVE)
    assert_clean(down)
    assert L.TEXT["store_unreachable"][0] in warnings(down)
    assert down.button(key="scn_save_submit").disabled
    type_amount(down, LAB, "12.000")  # everything else works
    assert_clean(down)
    assert amount(down, QA) == "6.342" and down.metric
    save(at, "Trong lúc máy chủ dừng")  # a form already on screen: the save says why it did not happen
    assert L.TEXT["store_unreachable"][0] in warnings(at)
    link = open_page("scenarios", id=sid)
    assert L.TEXT["store_unreachable"][0] in warnings(link)
    print(f"\nscenario page with the server down: {seconds:.1f} s for the first run")

    own_server.start()  # back, on the same port: no restart of the app
    began = time.monotonic()
    while True:  # a server found unreachable is tried again after stores.RETRY_UNREACHABLE seconds
        back = scenarios_page()
        if L.TEXT["store_unreachable"][0] not in warnings(back) or time.monotonic() - began > 60:
            break
        time.sleep(0.5)
    print(f"scenario page working again {time.monotonic() - began:.1f} s after the server came back")
    assert_clean(back)
    assert L.TEXT["store_unreachable"][0] not in warnings(back)
    assert not back.button(key="scn_save_submit").disabled
    assert any("Trước khi máy chủ dừng" in o for o in back.selectbox(key="scn_pick").options)
    at.run()  # the user acts again on the page left open (its save button was off while the server was down)
    assert not at.button(key="scn_save_submit").disabled
    save(at, "Sau khi máy chủ trở lại")
    assert any("Đã lưu «Sau khi máy chủ trở lại»" in s.value for s in at.success)
