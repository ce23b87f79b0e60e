"""Fresh stores for benchmarks: SQLite files in a folder, or PostgreSQL schemas in a database.

A benchmark asks ``stores.fresh(name)`` for a store location that holds nothing yet (a SQLite
file removed with its log, or a PostgreSQL schema dropped and made again), opens
``BargainingApp`` on it, and gives ``stores.baseline_env(location)`` to a plain
``eventsourcing`` application that should write to the same kind of store. Every schema made
is dropped at the end (``close``).

PostgreSQL: ``BARGAINING_TEST_POSTGRES_URL`` (default
``postgresql://postgres@127.0.0.1:5432/test``), as the tests use.
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

POSTGRES_URL = os.environ.get(
    "BARGAINING_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test"
)
KINDS = ("sqlite", "postgres")


class BenchStores:
    """Fresh stores of one kind; ``close()`` drops the PostgreSQL schemas it made."""

    def __init__(self, kind: str, workdir: Path) -> None:
        if kind not in KINDS:
            raise ValueError(f"store kind {kind!r}: one of {', '.join(KINDS)}")
        self.kind = kind
        self.workdir = workdir
        # One run's schemas share a prefix, so two runs on one database never meet.
        self._run = uuid.uuid4().hex[:8]
        self._schemas: set[str] = set()

    @property
    def label(self) -> str:
        if self.kind == "sqlite":
            return "SQLite files"
        parsed = urlparse(POSTGRES_URL)
        return f"PostgreSQL {self.server_version()} at {parsed.hostname}:{parsed.port or 5432}"

    def fresh(self, name: str) -> str:
        """A store location named ``name`` that holds nothing yet."""
        if self.kind == "sqlite":
            path = self.workdir / name
            for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
                leftover.unlink(missing_ok=True)
            return str(path)
        schema = f"bench_{self._run}_{Path(name).stem.replace('-', '_')}"
        self._execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE', f'CREATE SCHEMA "{schema}"')
        self._schemas.add(schema)
        return f"{POSTGRES_URL}?schema={schema}"

    def baseline_env(self, location: str) -> dict[str, str]:
        """``eventsourcing`` settings for a plain application writing to ``location``."""
        if self.kind == "sqlite":
            return {"PERSISTENCE_MODULE": "eventsourcing.sqlite", "SQLITE_DBNAME": location}
        parsed = urlparse(location)
        return {
            "PERSISTENCE_MODULE": "eventsourcing.postgres",
            "POSTGRES_DBNAME": parsed.path.lstrip("/"),
            "POSTGRES_HOST": parsed.hostname or "127.0.0.1",
            "POSTGRES_PORT": str(parsed.port or 5432),
            "POSTGRES_USER": parsed.username or "postgres",
            "POSTGRES_PASSWORD": parsed.password or "",
            "POSTGRES_SCHEMA": parsed.query.split("schema=", 1)[1].split("&")[0],
        }

    def table_bytes(self, location: str) -> dict[str, int]:
        """PostgreSQL: each table's ``pg_total_relation_size`` (rows, indexes, TOAST) in the
        store's schema; SQLite: the file's size under its own name."""
        if self.kind == "sqlite":
            return {Path(location).name: Path(location).stat().st_size}
        schema = self.baseline_env(location)["POSTGRES_SCHEMA"]
        rows = self._execute(
            "SELECT c.relname, pg_total_relation_size(c.oid) FROM pg_class c"
            " JOIN pg_namespace n ON n.oid = c.relnamespace"
            f" WHERE n.nspname = '{schema}' AND c.relkind = 'r' ORDER BY 2 DESC",
        )
        return {str(name): int(size) for name, size in rows}

    def vacuum(self, location: str, *tables: str) -> None:
        """PostgreSQL: ``VACUUM ANALYZE`` these tables of the store, as autovacuum would."""
        schema = self.baseline_env(location)["POSTGRES_SCHEMA"]
        self._execute(*(f'VACUUM ANALYZE "{schema}".{table}' for table in tables))

    def server_version(self) -> str:
        rows = self._execute("SHOW server_version")
        return str(rows[0][0]).split()[0]

    def close(self) -> None:
        for schema in sorted(self._schemas):
            self._execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
        self._schemas.clear()

    def _execute(self, *statements: str) -> list[Any]:
        import psycopg

        rows: list[Any] = []
        with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
            for statement in statements:
                cursor = conn.execute(statement)
                rows = list(cursor.fetchall()) if cursor.description else []
        return rows
