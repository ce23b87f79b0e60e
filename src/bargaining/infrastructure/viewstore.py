"""SQL tables for read models, kept in the same database as the events.

SQLite and PostgreSQL reuse the application's own ``eventsourcing`` datastore (same file, same
database and schema). An in-memory application gets a private in-memory SQLite database, so
read-model queries are the same SQL everywhere.
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from eventsourcing.application import Application
from eventsourcing.persistence import OperationalError
from eventsourcing.sqlite import (
    SQLiteConnection,
    SQLiteCursor,
    SQLiteDatastore,
    SQLiteTransaction,
)

from bargaining.infrastructure.locks import SCHEMA_LOCK


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
        if commit and self.dialect == "sqlite":
            with self._datastore.get_connection(commit=True) as connection:
                if not (derived and self.shares_events):
                    with immediate_transaction(connection) as cursor:
                        yield cursor
                    return
                pragma = connection.cursor()
                pragma.execute("PRAGMA synchronous")
                level = int(pragma.fetchone()[0])
                pragma.execute("PRAGMA synchronous = NORMAL")
                try:
                    with immediate_transaction(connection) as cursor:
                        yield cursor
                finally:
                    pragma.execute(f"PRAGMA synchronous = {level}")
            return
        with self._datastore.transaction(commit=commit) as cursor:
            if derived and commit and self.dialect == "postgres":
                cursor.execute("SET LOCAL synchronous_commit TO OFF")
            # eventsourcing wraps sqlite3 cursors; read models need rowcount, so unwrap.
            yield getattr(cursor, "sqlite_cursor", cursor)

    def lock_schema(self, cursor: Any, *, shared: bool = False) -> None:
        """In a transaction that makes tables: wait until no other session is making or
        writing them; ``shared``, in one that writes rows: wait until none is making them.
        (PostgreSQL: making a table or index that exists still locks the table, and a write
        that holds a row another opener's insert waits for then deadlocks with it. A SQLite
        write transaction already holds the database's lock.)"""
        if self.dialect == "postgres":
            kind = "pg_advisory_xact_lock_shared" if shared else "pg_advisory_xact_lock"
            cursor.execute(
                f"SELECT {kind}(hashtext(%s))", (SCHEMA_LOCK.format(self._datastore.schema),),
                prepare=True,
            )

    def insert_many(
        self,
        cursor: Any,
        table: str,
        columns: Sequence[tuple[str, str]],
        rows: Sequence[Sequence[Any]],
    ) -> None:
        """Insert rows of (name, SQL type) ``columns`` in the cursor's transaction. SQLite
        takes them with ``executemany``; PostgreSQL in one statement, each column sent as a
        binary array and unnested: a statement per row cost the driver and the server more
        than the rows themselves (``docs/operations/performance.md``)."""
        if not rows:
            return
        names = ", ".join(name for name, _ in columns)
        if self.dialect == "postgres":
            arrays = ", ".join(f"%b::{kind}[]" for _, kind in columns)
            cursor.execute(
                f"INSERT INTO {table} ({names}) SELECT * FROM unnest({arrays})",
                [list(column) for column in zip(*rows, strict=True)],
            )
        else:
            marks = ",".join("?" * len(columns))
            cursor.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)

    def update_many(
        self,
        cursor: Any,
        table: str,
        key: str,
        columns: Sequence[tuple[str, str]],
        rows: Sequence[Sequence[Any]],
    ) -> None:
        """Set (name, SQL type) ``columns`` of the rows whose ``key`` is each row's last
        value, in order (a later row for the same key wins). SQLite: ``executemany``;
        PostgreSQL: one statement joining the rows sent as binary arrays, the last row for
        each key only."""
        if not rows:
            return
        if self.dialect != "postgres":
            assignments = ", ".join(f"{name} = ?" for name, _ in columns)
            cursor.executemany(f"UPDATE {table} SET {assignments} WHERE {key} = ?", rows)
            return
        latest = list({row[-1]: row for row in rows}.values())
        names = [name for name, _ in columns]
        arrays = ", ".join(f"%b::{kind}[]" for _, kind in (*columns, (key, "text")))
        cursor.execute(
            f"UPDATE {table} AS t SET {', '.join(f'{n} = v.{n}' for n in names)}"
            f" FROM unnest({arrays}) AS v({', '.join(names)}, key_)"
            f" WHERE t.{key} = v.key_",
            [list(column) for column in zip(*latest, strict=True)],
        )

    def analyze(self, *tables: str) -> int:
        """PostgreSQL: refresh the planner's statistics of these tables (the rows it then
        counts in all of them); SQLite: nothing (0). Its plans for tables that grew from
        nothing without statistics scanned and sorted every row of a range where an index
        gives the first hundred, and autovacuum, when it is on at all, comes a minute later."""
        if self.dialect != "postgres":
            return 0
        with self._datastore.get_connection() as connection:
            connection.execute(f"ANALYZE {', '.join(tables)}")
            row = connection.execute(
                "SELECT COALESCE(SUM(GREATEST(reltuples, 0)), 0)::bigint FROM pg_class"
                " WHERE oid = ANY(%s::regclass[])",
                (list(tables),),
            ).fetchone()
        return int(row["coalesce"]) if row else 0

    def query(self, statement: str, params: Sequence[Any] = ()) -> list[Any]:
        """The rows of one statement, each readable by column name."""
        with self._reading() as cursor:
            cursor.execute(self.sql(statement), tuple(params))
            return list(cursor.fetchall())

    def rows(
        self, statement: str, params: Sequence[Any] = (), *, binary: bool = False
    ) -> list[tuple[Any, ...]]:
        """Rows as plain tuples: read models may fetch thousands, and tuples are cheapest.
        ``binary``: PostgreSQL sends the values in binary (bytes as they are, not hex)."""
        with self._reading(binary=binary) as cursor:
            if self.dialect == "sqlite":
                cursor.row_factory = None
            else:
                from psycopg.rows import tuple_row

                cursor.row_factory = tuple_row
            cursor.execute(self.sql(statement), tuple(params))
            return list(cursor.fetchall())

    @contextmanager
    def _reading(self, *, binary: bool = False) -> Iterator[Any]:
        """A cursor for one statement that only reads. In PostgreSQL it runs on its own (the
        pool's connections commit each statement), which sees one snapshot as a transaction
        would: a ``BEGIN`` and a ``ROLLBACK`` around it were two more round trips to the
        server, most of a short query's time on a busy machine."""
        if self.dialect == "postgres":
            with (
                self._datastore.get_connection() as connection,
                connection.cursor(binary=binary) as cursor,
            ):
                yield cursor
            return
        with self.transaction(commit=False) as cursor:
            yield cursor

    def close(self) -> None:
        owned = getattr(self, "_owned", None)
        if owned is not None:
            owned.close()


class _ImmediateTransaction(SQLiteTransaction):
    """``eventsourcing``'s SQLite transaction, begun ``IMMEDIATE``: it waits for the write lock
    (up to the store's busy timeout) before its first read. A transaction begun ``DEFERRED``
    that reads and then writes fails at once with ``database is locked`` when another writer
    committed in between, however long the timeout (SQLite cannot wait for a newer snapshot)."""

    def __enter__(self) -> SQLiteCursor:
        cursor = self.connection.cursor()
        try:
            cursor.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as error:
            cursor.sqlite_cursor.close()
            raise OperationalError(error) from error
        return cursor


@contextmanager
def immediate_transaction(connection: SQLiteConnection) -> Iterator[sqlite3.Cursor]:
    """A write transaction on a SQLite connection that holds the write lock from its start;
    errors come as ``eventsourcing``'s persistence errors, as its own transactions raise."""
    with _ImmediateTransaction(connection, commit=True) as cursor, cursor as sqlite_cursor:
        yield sqlite_cursor


def _is_postgres(datastore: object) -> bool:
    """Whether the events are kept in PostgreSQL (psycopg, and so eventsourcing's PostgreSQL
    module, is an optional extra: without it, no store is)."""
    try:
        from eventsourcing.postgres import PostgresDatastore
    except ImportError:
        return False
    return isinstance(datastore, PostgresDatastore)
