"""SQL tables for read models, kept in the same database as the events.

SQLite and PostgreSQL reuse the application's own ``eventsourcing`` datastore (same file, same
database and schema). An in-memory application gets a private in-memory SQLite database, so
read-model queries are the same SQL everywhere.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from eventsourcing.application import Application
from eventsourcing.sqlite import SQLiteDatastore


class ViewStore:
    """A thin adapter: a transaction yielding a DB-API cursor, and the dialect's placeholder."""

    def __init__(self, app: Application[Any]) -> None:
        datastore: Any = getattr(app.factory, "datastore", None)
        #: Whether the tables live in the events' own database (not a private one).
        self.shares_events = True
        if isinstance(datastore, SQLiteDatastore):
            self.dialect = "sqlite"
            self._datastore: Any = datastore
            self.prefix = ""
        elif _is_postgres(datastore):
            self.dialect = "postgres"
            self._datastore = datastore
            self.prefix = f'"{datastore.schema}".'
        else:
            self.shares_events = False
            self.dialect = "sqlite"
            name = f"file:bargaining-view-{uuid.uuid4().hex}?mode=memory&cache=shared"
            self._datastore = SQLiteDatastore(name, pool_size=1, max_overflow=0)
            self._owned = self._datastore
            self.prefix = ""

    def table(self, name: str) -> str:
        return f"{self.prefix}{name}"

    def sql(self, statement: str) -> str:
        """Statements are written with ``?``; PostgreSQL wants ``%s``."""
        return statement.replace("?", "%s") if self.dialect == "postgres" else statement

    @contextmanager
    def transaction(self, *, commit: bool, derived: bool = False) -> Iterator[Any]:
        """A transaction yielding a DB-API cursor.

        ``derived=True`` is for writes of read-model rows together with their tracking
        position: the commit returns without waiting for the disk (SQLite ``synchronous =
        NORMAL`` in WAL mode, PostgreSQL ``synchronous_commit = off``). Both databases keep
        such a commit atomic and in log order, so a power cut can only lose the latest
        read-model writes, position included, and the read model then catches up from the
        event log, which is always committed durably. The waits were a measurable share of an
        import (``docs/operations/performance.md``).
        """
        if derived and commit and self.dialect == "sqlite" and self.shares_events:
            with self._datastore.get_connection(commit=True) as connection:
                pragma = connection.cursor()
                pragma.execute("PRAGMA synchronous")
                level = int(pragma.fetchone()[0])
                pragma.execute("PRAGMA synchronous = NORMAL")
                try:
                    with connection.transaction(commit=True) as cursor:
                        yield cursor.sqlite_cursor
                finally:
                    pragma.execute(f"PRAGMA synchronous = {level}")
            return
        with self._datastore.transaction(commit=commit) as cursor:
            if derived and commit and self.dialect == "postgres":
                cursor.execute("SET LOCAL synchronous_commit TO OFF")
            # eventsourcing wraps sqlite3 cursors; read models need rowcount, so unwrap.
            yield getattr(cursor, "sqlite_cursor", cursor)

    def query(self, statement: str, params: Sequence[Any] = ()) -> list[Any]:
        with self.transaction(commit=False) as cursor:
            cursor.execute(self.sql(statement), tuple(params))
            return list(cursor.fetchall())

    def rows(self, statement: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """Rows as plain tuples: read models may fetch thousands, and tuples are cheapest."""
        with self.transaction(commit=False) as cursor:
            if self.dialect == "sqlite":
                cursor.row_factory = None
            else:
                from psycopg.rows import tuple_row

                cursor.row_factory = tuple_row
            cursor.execute(self.sql(statement), tuple(params))
            return list(cursor.fetchall())

    def close(self) -> None:
        owned = getattr(self, "_owned", None)
        if owned is not None:
            owned.close()


def _is_postgres(datastore: object) -> bool:
    """Whether the events are kept in PostgreSQL (psycopg, and so eventsourcing's PostgreSQL
    module, is an optional extra: without it, no store is)."""
    try:
        from eventsourcing.postgres import PostgresDatastore
    except ImportError:
        return False
    return isinstance(datastore, PostgresDatastore)
