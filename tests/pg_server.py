"""A throw-away PostgreSQL server for the tests: initdb in a temporary folder, a free port, started
and stopped with pg_ctl. No mock: the scenario store's PostgreSQL tests talk to this real server.

PostgreSQL refuses to run as root, so as root (CI) the server runs as the `postgres` system user
(made if missing) in a folder handed to it; as anyone else it runs as that user. The binaries are
Debian's (/usr/lib/postgresql/<version>/bin, `apt-get install postgresql`; .ci/run installs them) or
whatever initdb is on PATH. Loopback only, `trust` authentication: a server for one test run.
"""
from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path

PG_USER = "postgres"


def bin_dir() -> Path | None:
    """The newest PostgreSQL's bin folder, or None when PostgreSQL is not installed."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    if found:
        return Path(found[-1]).parent
    on_path = shutil.which("initdb")
    return Path(on_path).parent if on_path else None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _as_server_user(cmd: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return cmd
    try:
        pwd.getpwnam(PG_USER)
    except KeyError:
        subprocess.run(["useradd", "--system", "--user-group", "--no-create-home", "--shell", "/bin/sh", PG_USER],
                       check=True)
    return ["runuser", "-u", PG_USER, "--", *cmd]


class PgServer:
    """One PostgreSQL cluster in a temporary folder, on a free loopback port."""

    def __init__(self, bin_path: Path | None = None, port: int | None = None):
        self.bin = bin_path or bin_dir()
        if self.bin is None:
            raise RuntimeError("PostgreSQL is not installed (apt-get install postgresql)")
        self.port = port or free_port()
        self.folder = Path(tempfile.mkdtemp(prefix="khcn-pg-"))  # under /tmp: the server user can reach it
        self.data = self.folder / "data"
        self.log = self.folder / "server.log"
        if os.geteuid() == 0:
            _as_server_user(["true"])  # makes the user if missing
            shutil.chown(self.folder, PG_USER, PG_USER)
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust", "--encoding=UTF8",
                  "--locale=C.UTF-8", "--no-sync")
        with open(self.data / "postgresql.conf", "a", encoding="utf-8") as conf:
            conf.write(f"\nport = {self.port}\nlisten_addresses = '127.0.0.1'\n"
                       f"unix_socket_directories = '{self.folder}'\nshared_buffers = 16MB\nmax_connections = 200\n"
                       # a server for one test run: durability against a crash of the *server* is not
                       # what these tests check (they kill app processes, never the server)
                       "fsync = off\n")

    def _run(self, tool: str, *args: str) -> None:
        out = subprocess.run(_as_server_user([str(self.bin / tool), *args]), capture_output=True, text=True,
                             timeout=120)
        if out.returncode != 0:
            log = self.log.read_text(errors="replace") if self.log.exists() else ""
            raise RuntimeError(f"{tool} failed ({out.returncode}): {out.stdout}{out.stderr}\n{log}")

    def start(self) -> "PgServer":
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-w", "-t", "60", "start")
        return self

    def stop(self, mode: str = "fast") -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "-t", "60", "stop")

    def running(self) -> bool:
        return (self.data / "postmaster.pid").exists()

    def url(self, dbname: str = "postgres") -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{dbname}"

    def create_database(self, name: str | None = None) -> str:
        """A new empty database; returns its URL."""
        import psycopg
        name = name or f"t_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(self.url(), autocommit=True) as con:
            con.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def drop_database(self, url: str) -> None:
        import psycopg
        name = url.rsplit("/", 1)[1]
        with psycopg.connect(self.url(), autocommit=True) as con:
            con.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def destroy(self) -> None:
        """Stops the server (if running) and removes its folder."""
        try:
            if self.running():
                self.stop("immediate")
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)
