"""The README's "Serving many users" example, run: scripts/serve_replicas.sh starts a PostgreSQL and two
Streamlit replicas on this machine; both answer /_stcore/health; a scenario saved through one
replica's page is listed and opened on the other's, and a version saved there is the latest on the
first, with no restart; then the script stops everything and nothing is left listening. The pages are driven over Streamlit's
own websocket, as a browser tab would (tests/streamlit_ws.py)."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import ROOT, shown
from tests.pg_server import bin_dir, free_port
from tests.streamlit_ws import Session

pytestmark = pytest.mark.postgres
SCRIPT = ROOT / "scripts" / "serve_replicas.sh"


def _listening(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) == 0


@pytest.fixture
def replicas():
    if bin_dir() is None:
        if os.environ.get("KHCN_REQUIRE_POSTGRES") == "1":
            pytest.fail("PostgreSQL is not installed (apt-get install postgresql)")
        pytest.skip("PostgreSQL is not installed (apt-get install postgresql)")
    run_dir = Path(tempfile.mkdtemp(prefix="khcn-replicas-"))
    ports = [free_port(), free_port()]
    pg_port = free_port()
    env = {**os.environ, "PG_PORT": str(pg_port), "REPLICA_PORTS": " ".join(map(str, ports)),
           "PYTHON": os.environ.get("PYTHON", "python")}
    env.pop("KHCN_SCENARIO_DB", None)  # the script sets it for the replicas
    try:
        started = subprocess.run(["bash", str(SCRIPT), "start", str(run_dir)], env=env, capture_output=True,
                                 text=True, timeout=300)
        assert started.returncode == 0, started.stdout + started.stderr
        assert f"postgresql://postgres@127.0.0.1:{pg_port}/khcn" in started.stdout
        yield [f"http://127.0.0.1:{p}" for p in ports]
    finally:
        stopped = subprocess.run(["bash", str(SCRIPT), "stop", str(run_dir)], env=env, capture_output=True,
                                 text=True, timeout=120)
        logs = "".join(p.read_text(errors="replace")[-2000:] for p in run_dir.glob("replica-*.log"))
        shutil.rmtree(run_dir, ignore_errors=True)
    assert stopped.returncode == 0, stopped.stdout + stopped.stderr
    assert not any(_listening(p) for p in (*ports, pg_port)), "something is still running"
    assert "Traceback" not in logs, logs


def test_two_replicas_answer_and_share_one_saved_scenario(replicas):
    first, second = replicas
    for base in replicas:
        with urllib.request.urlopen(base + "/_stcore/health", timeout=10) as r:
            assert r.read() == b"ok"

    with Session(first) as a, Session(second) as b:
        a.run("scenarios")
        a.run("scenarios", widgets={"scn_save_open": True, "scn_saved_open": True})  # the parts, opened
        saved = a.run("scenarios", widgets={"scn_save_name": "Qua bản sao thứ nhất", "scn_save_submit": True})
        assert any("Đã lưu «Qua bản sao thứ nhất», phiên bản 1" in t for t in saved.texts()), saved.texts()
        sid = saved.query_string.removeprefix("id=")
        assert len(sid) == 11

        b.run("scenarios")  # the other replica lists it, without a restart
        listed = b.run("scenarios", widgets={"scn_save_open": True, "scn_saved_open": True})
        assert any(o.startswith("Qua bản sao thứ nhất ·") for o in listed.widget("scn_pick").options)
        opened = b.run("scenarios", query=f"id={sid}")
        assert any("«Qua bản sao thứ nhất», phiên bản 1" in shown(t) for t in opened.texts("alert"))
        edited = b.run("scenarios", query=f"id={sid}",  # saved there as its next version
                       widgets={"scn_save_name": "Sửa ở bản sao thứ hai", "scn_save_submit": True})
        assert any("Đã lưu «Sửa ở bản sao thứ hai», phiên bản 2" in t for t in edited.texts()), edited.texts()

        assert any(o.startswith("Sửa ở bản sao thứ hai ·") for o in a.run("scenarios").widget("scn_pick").options)
    with Session(first) as tab:  # and a new tab on the first replica opens the link at that version
        again = tab.run("scenarios", query=f"id={sid}")
        assert any("«Sửa ở bản sao thứ hai», phiên bản 2" in shown(t) for t in again.texts("alert"))
