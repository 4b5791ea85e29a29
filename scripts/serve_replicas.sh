#!/usr/bin/env bash
# Serving many users, on one machine: a PostgreSQL for the saved scenarios and two (or more) Streamlit
# replicas of the app that share it. The README's "Serving many users" section explains each step;
# tests/test_serve_replicas.py runs this script. A load balancer with sticky sessions goes in front
# of the replicas (the README has an nginx example).
#
#   scripts/serve_replicas.sh start [RUN_DIR]   start PostgreSQL (made on first start) and the replicas
#   scripts/serve_replicas.sh stop  [RUN_DIR]   stop the replicas and PostgreSQL (the data stays in RUN_DIR)
#
# Settings (environment): PG_PORT (5433), REPLICA_PORTS ("8501 8502"), PYTHON (python), PG_BIN (the
# newest /usr/lib/postgresql/*/bin). RUN_DIR (default /tmp/khcn-replicas) holds the database, the logs
# and the replicas' process ids. The database trusts local connections: an example for one machine;
# a real server has a password in the URL (postgresql://khcn:secret@db.internal:5432/khcn).
set -euo pipefail
cd "$(dirname "$0")/.."

ACTION=${1:-}
RUN_DIR=${2:-${TMPDIR:-/tmp}/khcn-replicas}
PG_PORT=${PG_PORT:-5433}
REPLICA_PORTS=${REPLICA_PORTS:-"8501 8502"}
PYTHON=${PYTHON:-python}
PG_BIN=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
PG_DIR=$RUN_DIR/pg
DB_URL="postgresql://postgres@127.0.0.1:$PG_PORT/khcn"

# PostgreSQL refuses to run as root: as root, its commands run as the postgres system user.
as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start() {
  [ -x "$PG_BIN/initdb" ] || { echo "PostgreSQL is not installed (apt-get install postgresql)" >&2; exit 1; }
  mkdir -p "$PG_DIR"
  if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --user-group --no-create-home postgres
    chmod 755 "$RUN_DIR"
    chown postgres: "$PG_DIR"
  fi
  if [ ! -f "$PG_DIR/data/PG_VERSION" ]; then
    as_pg "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  fi
  as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
    -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1" start >/dev/null
  as_pg "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres khcn 2>/dev/null || true  # once
  # The replicas: the same app, the same sources, one database for the scenarios. Each builds its
  # Parquet from data/packages/ by itself (khcn_dash/publish.py; under a file lock when they share a
  # KHCN_PARQUET_DIR, as here) and creates the scenario tables on first use if they are missing.
  for port in $REPLICA_PORTS; do
    KHCN_SCENARIO_DB=$DB_URL nohup "$PYTHON" -m streamlit run app.py --server.port "$port" \
      --server.address 127.0.0.1 --server.headless true --server.fileWatcherType none \
      >"$RUN_DIR/replica-$port.log" 2>&1 &
    echo $! >"$RUN_DIR/replica-$port.pid"
  done
  for port in $REPLICA_PORTS; do
    "$PYTHON" - "$port" <<'EOF' || { echo "replica on port $port did not start: see its log" >&2; exit 1; }
import sys, time, urllib.request
for _ in range(300):
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{sys.argv[1]}/_stcore/health", timeout=2) as r:
            if r.read() == b"ok":
                sys.exit(0)
    except OSError:
        time.sleep(0.3)
sys.exit(1)
EOF
    echo "replica: http://127.0.0.1:$port"
  done
  echo "scenarios: $DB_URL"
}

stop() {
  pids=""
  for pidfile in "$RUN_DIR"/replica-*.pid; do  # the replicas this script started, by their ids
    [ -f "$pidfile" ] || continue
    pids="$pids $(cat "$pidfile")"
    rm -f "$pidfile"
  done
  for pid in $pids; do kill "$pid" 2>/dev/null || true; done
  for pid in $pids; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$pid" 2>/dev/null || true
  done
  if [ -f "$PG_DIR/data/postmaster.pid" ]; then
    as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w -t 60 stop >/dev/null
  fi
  echo "stopped"
}

case "$ACTION" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop [RUN_DIR]" >&2; exit 2 ;;
esac
