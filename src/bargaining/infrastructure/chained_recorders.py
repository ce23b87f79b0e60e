"""Event recorders that write the hash chain in the same transaction as the events.

They extend ``eventsourcing``'s own application recorders (memory, SQLite, PostgreSQL): the
events are inserted exactly as before, then, still inside the transaction and behind the lock
that serialises inserts, the chain head is read and one chain record per event is added. The
chain table sits beside the events table (``<events table>_chain``), and a unique ``previous``
column makes a fork impossible even if the lock were ever bypassed.

When the chain table is created on a store that already holds events (written before the
chain existed), those events are chained at that moment: the chain vouches for them from then
on, not from when they were written.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Sequence
from typing import Any

from eventsourcing.persistence import ApplicationRecorder, OperationalError, StoredEvent
from eventsourcing.popo import POPOApplicationRecorder, POPOFactory
from eventsourcing.sqlite import (
    SQLITE3_DEFAULT_LOCK_TIMEOUT,
    SQLiteApplicationRecorder,
    SQLiteCursor,
    SQLiteDatastore,
    SQLiteFactory,
)

from bargaining.application.integrity import (
    GENESIS,
    ChainRecord,
    StoredRow,
    chain_link,
    event_digest,
)
from bargaining.infrastructure.errors import StoreError
from bargaining.infrastructure.key_tables import MemoryKeyTable, SQLiteKeyTable
from bargaining.infrastructure.viewstore import immediate_transaction

CHAIN_SUFFIX = "_chain"
#: The setting (seconds) for how long a write waits for another writer's lock.
BUSY_TIMEOUT = "BARGAINING_BUSY_TIMEOUT"


def chain_records(
    head: tuple[int, bytes] | None, positions: Sequence[int], events: Sequence[StoredEvent]
) -> list[tuple[int, int, bytes, bytes]]:
    """Chain rows (position, previous, digest, link) for events just given these positions."""
    previous, link = head if head is not None else (0, GENESIS)
    if positions and positions[0] <= previous:
        raise StoreError.worded("the event store's chain already reaches position {previous}, "
                                "beyond the new event at position {positions}: events were "
                                "removed outside the library; run verify() and restore from a "
                                "backup", previous=previous, positions=positions[0])
    rows = []
    for position, s in zip(positions, events, strict=True):
        digest = event_digest(s.originator_id, s.originator_version, s.topic, s.state)
        link = chain_link(link, position, digest)
        rows.append((position, previous, digest, link))
        previous = position
    return rows


def chain_record(row: Sequence[Any]) -> ChainRecord:
    return ChainRecord(int(row[0]), int(row[1]), bytes(row[2]), bytes(row[3]))


class ChainedPOPOApplicationRecorder(POPOApplicationRecorder):
    """In-memory events with their chain, for tests and short-lived hosts."""

    def __init__(self) -> None:
        super().__init__()
        self._chain: list[ChainRecord] = []
        #: The person-key vault's keys (``person_keys``); its pending keys are written here.
        self.key_table = MemoryKeyTable()
        self.vault: Any = None

    def _update_table(
        self, stored_events: Sequence[StoredEvent], **kwargs: Any
    ) -> Sequence[int] | None:
        positions = super()._update_table(stored_events, **kwargs) or []
        head = (self._chain[-1].position, self._chain[-1].link) if self._chain else None
        rows = chain_records(head, positions, stored_events)
        self._chain.extend(chain_record(row) for row in rows)
        if self.vault is not None:
            self.vault.write_pending(None)
        return positions

    def select_chain(self, after: int, limit: int) -> Sequence[ChainRecord]:
        with self._database_lock:
            return [r for r in self._chain if r.position > after][:limit]

    def chain_head(self) -> ChainRecord | None:
        with self._database_lock:
            return self._chain[-1] if self._chain else None

    def find_digest(self, digest: bytes) -> int | None:
        with self._database_lock:
            return next((r.position for r in self._chain if r.digest == digest), None)

    def select_stored(self, after: int, limit: int) -> Sequence[StoredRow]:
        with self._database_lock:
            return [
                (i + 1, s.originator_id, s.originator_version, s.topic, s.state)
                for i, s in enumerate(self._stored_events[after : after + limit], start=after)
            ]


class ChainedPOPOFactory(POPOFactory):
    """eventsourcing's in-memory persistence, with the chained application recorder."""

    def application_recorder(self) -> ApplicationRecorder:
        return ChainedPOPOApplicationRecorder()


class ChainedSQLiteApplicationRecorder(SQLiteApplicationRecorder):
    """SQLite events with their chain in the same file and the same transaction."""

    def __init__(self, datastore: SQLiteDatastore, events_table_name: str = "stored_events"):
        #: The person-key vault's keys (``person_keys``), written in the events' transaction.
        self.key_table = SQLiteKeyTable(datastore, events_table_name)
        self.vault: Any = None
        super().__init__(datastore, events_table_name)
        table = self.chain_table
        self._select_head = f"SELECT position, link FROM {table} ORDER BY position DESC LIMIT 1"
        self._insert_chain = f"INSERT INTO {table} VALUES (?,?,?,?)"

    @property
    def chain_table(self) -> str:
        return self.events_table_name + CHAIN_SUFFIX

    def construct_create_table_statements(self) -> list[str]:
        return [
            *super().construct_create_table_statements(),
            f"CREATE TABLE IF NOT EXISTS {self.chain_table} (position INTEGER PRIMARY KEY,"
            " previous INTEGER NOT NULL UNIQUE, digest BLOB NOT NULL, link BLOB NOT NULL)",
            *self.key_table.create_statements(),
        ]

    def create_table(self) -> None:
        """Make the tables in a transaction that holds the write lock from its start: begun
        as ``eventsourcing`` begins it, two processes opening a new file at once made one
        fail with ``database is locked`` (it read the schema, then could not write)."""
        with (
            self.datastore.get_connection(commit=True) as connection,
            immediate_transaction(connection) as cursor,
        ):
            self._create_table(SQLiteCursor(cursor))

    def _create_table(self, c: SQLiteCursor) -> None:
        c.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (self.chain_table,)
        )
        existed = c.fetchone() is not None
        super()._create_table(c)
        if not existed:
            c.execute(
                f"SELECT rowid, originator_id, originator_version, topic, state"
                f" FROM {self.events_table_name} ORDER BY rowid"
            )
            self._append(c, list(c.fetchall()))

    def _insert_events(
        self, c: SQLiteCursor, stored_events: Sequence[StoredEvent], **kwargs: Any
    ) -> Sequence[int] | None:
        positions = super()._insert_events(c, stored_events, **kwargs) or []
        c.execute(self._select_head)
        head = c.fetchone()
        rows = chain_records(
            (head[0], head[1]) if head else None, positions, stored_events
        )
        c.executemany(self._insert_chain, rows)
        if self.vault is not None:
            self.vault.write_pending(c)
        return positions

    def _append(self, c: SQLiteCursor, rows: Sequence[Sequence[Any]]) -> None:
        stored = [StoredEvent(r[1], r[2], r[3], r[4]) for r in rows]
        c.executemany(self._insert_chain, chain_records(None, [r[0] for r in rows], stored))

    def select_chain(self, after: int, limit: int) -> Sequence[ChainRecord]:
        with self.datastore.transaction(commit=False) as c:
            c.execute(
                f"SELECT position, previous, digest, link FROM {self.chain_table}"
                " WHERE position > ? ORDER BY position LIMIT ?",
                (after, limit),
            )
            return [chain_record(row) for row in c.fetchall()]

    def chain_head(self) -> ChainRecord | None:
        with self.datastore.transaction(commit=False) as c:
            c.execute(
                f"SELECT position, previous, digest, link FROM {self.chain_table}"
                " ORDER BY position DESC LIMIT 1"
            )
            row = c.fetchone()
            return chain_record(row) if row else None

    def find_digest(self, digest: bytes) -> int | None:
        with self.datastore.transaction(commit=False) as c:
            c.execute(
                f"SELECT position FROM {self.chain_table} WHERE digest = ? LIMIT 1", (digest,)
            )
            row = c.fetchone()
            return int(row[0]) if row else None

    def select_stored(self, after: int, limit: int) -> Sequence[StoredRow]:
        with self.datastore.transaction(commit=False) as c:
            c.execute(
                f"SELECT rowid, originator_id, originator_version, topic, state"
                f" FROM {self.events_table_name} WHERE rowid > ? ORDER BY rowid LIMIT ?",
                (after, limit),
            )
            return [(r[0], r[1], r[2], r[3], r[4]) for r in c.fetchall()]


class BargainingSQLiteFactory(SQLiteFactory):
    """``eventsourcing``'s SQLite persistence, with the chained recorder, waiting for another
    writer as long as the host said: ``BARGAINING_BUSY_TIMEOUT`` in seconds, fractions allowed
    (``eventsourcing``'s ``SQLITE_LOCK_TIMEOUT`` takes whole seconds, and reads 0 as 5)."""

    application_recorder_class = ChainedSQLiteApplicationRecorder

    def __init__(self, env: Any) -> None:
        super().__init__(env)
        pool: Any = self.datastore.pool
        timeout = self.env.get(BUSY_TIMEOUT)
        if timeout:
            # The pool reads it as each connection opens (none is open yet); sqlite3 waits
            # at least a millisecond, so 0 means "do not wait".
            pool.lock_timeout = max(float(timeout), 0.001)
        if not pool.is_sqlite_memory_mode:
            self._write_ahead_log(pool.db_name, pool.lock_timeout or SQLITE3_DEFAULT_LOCK_TIMEOUT)
            pool.is_journal_mode_wal = True

    @staticmethod
    def _write_ahead_log(db_name: str, timeout: float) -> None:
        """Put the file in WAL mode (the pool does it as its first connection opens): a new
        file opened by several processes at once made all but one fail at once with
        ``database is locked``, since SQLite does not wait to change the journal mode."""
        deadline = time.monotonic() + timeout
        while True:
            try:
                connection = sqlite3.connect(db_name, uri=True, timeout=timeout)
                try:
                    connection.execute("PRAGMA journal_mode=WAL").fetchall()
                finally:
                    connection.close()
                return
            except sqlite3.OperationalError as error:
                if "locked" not in str(error) or time.monotonic() > deadline:
                    raise OperationalError(error) from error
                time.sleep(0.01)
