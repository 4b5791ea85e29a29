"""The SQL of the scenario store, for both backends side by side: each statement is one dict,
{"duckdb": …, "postgres": …}, so a reader sees at a glance where the two differ. No Streamlit here.

Parameters are named: `$name` in DuckDB, `%(name)s` in PostgreSQL (psycopg); the store passes the
same dict to either. Timestamps are UTC without a zone in both. Ids are compared and sorted byte by
byte in both (PostgreSQL: COLLATE "C"), so a list comes out in the same order from either backend.
"""
from __future__ import annotations

DIALECTS = ("duckdb", "postgres")

# Schema versions, applied in order; each step is idempotent (IF NOT EXISTS), so running one twice,
# or on a store made before store_meta existed, changes nothing. store_meta.schema_version records the
# last step applied. A new step is added at the end with the next number, never edited afterwards.
MIGRATIONS: list[tuple[int, dict[str, str]]] = [
    (1, {
        "duckdb": """
            CREATE TABLE IF NOT EXISTS scenario_versions (
                scenario_id VARCHAR NOT NULL,
                version     INTEGER NOT NULL,
                name        VARCHAR NOT NULL,
                author      VARCHAR NOT NULL,
                note        VARCHAR NOT NULL,
                created_at  TIMESTAMP NOT NULL,   -- UTC
                payload     VARCHAR NOT NULL,     -- scenario.Scenario.to_payload() as JSON
                PRIMARY KEY (scenario_id, version))""",
        "postgres": """
            CREATE TABLE IF NOT EXISTS scenario_versions (
                scenario_id TEXT NOT NULL,
                version     INTEGER NOT NULL,
                name        TEXT NOT NULL,
                author      TEXT NOT NULL,
                note        TEXT NOT NULL,
                created_at  TIMESTAMP NOT NULL,   -- UTC
                payload     TEXT NOT NULL,        -- the same JSON text, compared as text
                PRIMARY KEY (scenario_id, version))""",
    }),
    # 2: a scenario belongs to one document (its package id); the rows saved before are given the
    # default document by the store when it applies this step (adopt_legacy)
    (2, {
        "duckdb":   "ALTER TABLE scenario_versions ADD COLUMN IF NOT EXISTS doc_id VARCHAR DEFAULT ''",
        "postgres": "ALTER TABLE scenario_versions ADD COLUMN IF NOT EXISTS doc_id TEXT NOT NULL DEFAULT ''",
    }),
]

SQL: dict[str, dict[str, str | None]] = {
    "create_meta": {
        "duckdb":   "CREATE TABLE IF NOT EXISTS store_meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)",
        "postgres": "CREATE TABLE IF NOT EXISTS store_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    },
    # Only one process at a time creates or upgrades the schema. None: nothing to run (DuckDB: one
    # process holds the file, and the store's own lock orders its threads).
    "lock_schema": {
        "duckdb":   None,
        "postgres": "SELECT pg_advisory_xact_lock(hashtextextended('khcn_dash.scenario_store.schema', 0))",
    },
    "schema_version": {
        "duckdb":   "SELECT value FROM store_meta WHERE key = 'schema_version'",
        "postgres": "SELECT value FROM store_meta WHERE key = 'schema_version'",
    },
    "set_schema_version": {
        "duckdb":   """INSERT INTO store_meta VALUES ('schema_version', $v)
                       ON CONFLICT (key) DO UPDATE SET value = excluded.value""",
        "postgres": """INSERT INTO store_meta VALUES ('schema_version', %(v)s)
                       ON CONFLICT (key) DO UPDATE SET value = excluded.value""",
    },
    "has_table": {
        "duckdb":   "SELECT count(*) FROM information_schema.tables WHERE table_name = 'scenario_versions'",
        "postgres": "SELECT count(*) FROM information_schema.tables WHERE table_name = 'scenario_versions' "
                    "AND table_schema = current_schema()",
    },
    # Writers of one scenario (or of new scenarios of one name) take turns: DuckDB through the
    # store's lock (one process holds the file), PostgreSQL through a lock held until the transaction ends.
    "lock_key": {
        "duckdb":   None,
        "postgres": "SELECT pg_advisory_xact_lock(hashtextextended(%(key)s, 0))",
    },
    "adopt_legacy": {  # schema step 2: what was saved before belongs to the document served then
        "duckdb":   "UPDATE scenario_versions SET doc_id = $doc WHERE doc_id = '' OR doc_id IS NULL",
        "postgres": "UPDATE scenario_versions SET doc_id = %(doc)s WHERE doc_id = ''",
    },
    "insert_version": {
        "duckdb":   """INSERT INTO scenario_versions (scenario_id, version, name, author, note, created_at, payload, doc_id)
                       VALUES ($id, $version, $name, $author, $note, $at, $payload, $doc)""",
        "postgres": """INSERT INTO scenario_versions (scenario_id, version, name, author, note, created_at, payload, doc_id)
                       VALUES (%(id)s, %(version)s, %(name)s, %(author)s, %(note)s, %(at)s, %(payload)s, %(doc)s)""",
    },
    "count_in_doc": {
        "duckdb":   "SELECT count(*) FROM scenario_versions WHERE scenario_id = $id AND doc_id = $doc",
        "postgres": "SELECT count(*) FROM scenario_versions WHERE scenario_id = %(id)s AND doc_id = %(doc)s",
    },
    "count_id": {
        "duckdb":   "SELECT count(*) FROM scenario_versions WHERE scenario_id = $id",
        "postgres": "SELECT count(*) FROM scenario_versions WHERE scenario_id = %(id)s",
    },
    "latest_version": {
        "duckdb":   "SELECT max(version) FROM scenario_versions WHERE scenario_id = $id AND doc_id = $doc",
        "postgres": "SELECT max(version) FROM scenario_versions WHERE scenario_id = %(id)s AND doc_id = %(doc)s",
    },
    "same_as_latest": {  # a retried save of a new version: the latest version holds exactly this
        "duckdb": """
            SELECT scenario_id, version FROM scenario_versions
            WHERE scenario_id = $id AND doc_id = $doc
              AND version = (SELECT max(version) FROM scenario_versions WHERE scenario_id = $id)
              AND name = $name AND author = $author AND note = $note AND payload = $payload""",
        "postgres": """
            SELECT scenario_id, version FROM scenario_versions
            WHERE scenario_id = %(id)s AND doc_id = %(doc)s
              AND version = (SELECT max(version) FROM scenario_versions WHERE scenario_id = %(id)s)
              AND name = %(name)s AND author = %(author)s AND note = %(note)s AND payload = %(payload)s""",
    },
    "same_new_scenario": {  # a retried save of a new scenario: saved lately, and never edited since
        "duckdb": """
            SELECT v.scenario_id, v.version FROM scenario_versions v
            WHERE v.version = 1 AND v.created_at >= $since AND v.doc_id = $doc
              AND v.name = $name AND v.author = $author AND v.note = $note AND v.payload = $payload
              AND NOT EXISTS (SELECT 1 FROM scenario_versions w WHERE w.scenario_id = v.scenario_id AND w.version > 1)
            ORDER BY v.created_at DESC, v.scenario_id LIMIT 1""",
        "postgres": """
            SELECT v.scenario_id, v.version FROM scenario_versions v
            WHERE v.version = 1 AND v.created_at >= %(since)s AND v.doc_id = %(doc)s
              AND v.name = %(name)s AND v.author = %(author)s AND v.note = %(note)s AND v.payload = %(payload)s
              AND NOT EXISTS (SELECT 1 FROM scenario_versions w WHERE w.scenario_id = v.scenario_id AND w.version > 1)
            ORDER BY v.created_at DESC, v.scenario_id COLLATE "C" LIMIT 1""",
    },
    "delete": {
        "duckdb":   "DELETE FROM scenario_versions WHERE scenario_id = $id AND doc_id = $doc",
        "postgres": "DELETE FROM scenario_versions WHERE scenario_id = %(id)s AND doc_id = %(doc)s",
    },
    "list": {  # the latest version of each scenario (PostgreSQL has no QUALIFY: a subquery instead)
        "duckdb": """
            SELECT scenario_id, version, name, author, note, created_at,
                   min(created_at) OVER w AS first_created_at, count(*) OVER w AS n_versions
            FROM scenario_versions
            WHERE doc_id = $doc
            WINDOW w AS (PARTITION BY scenario_id)
            QUALIFY version = max(version) OVER w
            ORDER BY created_at DESC, scenario_id""",
        "postgres": """
            SELECT scenario_id, version, name, author, note, created_at, first_created_at, n_versions FROM (
                SELECT *, min(created_at) OVER w AS first_created_at, count(*) OVER w AS n_versions,
                       max(version) OVER w AS latest
                FROM scenario_versions
                WHERE doc_id = %(doc)s
                WINDOW w AS (PARTITION BY scenario_id)) s
            WHERE version = latest
            ORDER BY created_at DESC, scenario_id COLLATE "C"
            """,
    },
    "versions": {
        "duckdb":   """SELECT version, name, author, note, created_at FROM scenario_versions
                       WHERE scenario_id = $id AND doc_id = $doc ORDER BY version""",
        "postgres": """SELECT version, name, author, note, created_at FROM scenario_versions
                       WHERE scenario_id = %(id)s AND doc_id = %(doc)s ORDER BY version""",
    },
    "load": {  # one version, or the latest when `version` is NULL (PostgreSQL must be told its type)
        "duckdb": """
            SELECT version, name, author, note, created_at, payload,
                   (SELECT max(version) FROM scenario_versions WHERE scenario_id = $id) AS latest
            FROM scenario_versions
            WHERE scenario_id = $id AND doc_id = $doc AND ($version IS NULL OR version = $version)
            ORDER BY version DESC LIMIT 1""",
        "postgres": """
            SELECT version, name, author, note, created_at, payload,
                   (SELECT max(version) FROM scenario_versions WHERE scenario_id = %(id)s) AS latest
            FROM scenario_versions
            WHERE scenario_id = %(id)s AND doc_id = %(doc)s AND (%(version)s::integer IS NULL OR version = %(version)s::integer)
            ORDER BY version DESC LIMIT 1""",
    },
    "count_all": {
        "duckdb":   "SELECT count(*) FROM scenario_versions",
        "postgres": "SELECT count(*) FROM scenario_versions",
    },
}

assert all(set(s) == set(DIALECTS) for s in SQL.values()), "every statement is written for both backends"
assert all(set(s) == set(DIALECTS) for _, s in MIGRATIONS), "every schema step is written for both backends"
