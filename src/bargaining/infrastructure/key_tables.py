"""Where the person-key vault keeps its keys: a table beside the events, per store.

One row per key: its random id, its owner (a person's opaque id, or what else owns sealed
data), the key (wrapped with the application's key on an encrypted store), when it was made and
when its owner's data was last sealed. Rows are written in the event recorder's transaction
(``write``, with the recorder's cursor) and deleted there on erasure; ``scrub`` then makes the
deleted bytes unrecoverable from the database's files where the database allows it.

Beside the keys, one row counts the erasures and redactions ever committed (the *erasure
generation*), bumped in the same transaction as the deletion: a process that caches keys reads it
once per read and forgets its cached keys when it moved, so an erasure committed in another
process holds in this one too (``PersonKeys.refresh``). A save checks, in its transaction, that
the keys it sealed with are still there (``present``).
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
import uuid
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple, Protocol

from bargaining.infrastructure.viewstore import immediate_transaction

_log = logging.getLogger("bargaining")

KEYS_SUFFIX = "_person_keys"
#: The erasure generation's table: the key table's name and this.
GENERATION_SUFFIX = "_erased"
#: Owners of the keys of notes (free text, ``note_sealing``) start so: a person's id cannot
#: hold a tab. ``owners`` lists people only.
NOTE_PREFIX = "\tnote "


def note_owner(record_id: uuid.UUID, version: int) -> str:
    """Who owns the key of one record's version's free text (a redaction deletes it)."""
    return f"{NOTE_PREFIX}{record_id.hex} {version}"


def snapshot_owner(record_id: uuid.UUID) -> str:
    """Who owns the keys of the free text in one record's snapshots."""
    return f"{NOTE_PREFIX}{record_id.hex} snapshots"


class PersonKey(NamedTuple):
    """A key as the vault caches it: its id, the key, when its owner was last touched."""
    key_id: bytes
    key: bytes
    touched: float


class KeyRow(NamedTuple):
    key_id: bytes
    owner: str
    key: bytes
    created: float


class KeyTable(Protocol):
    def write(self, cursor: Any, keys: Sequence[KeyRow], touched: Sequence[str],
              erased: Sequence[str], now: float) -> None: ...

    def key(self, key_id: bytes) -> bytes | None: ...

    def write_snapshots(self, keys: Sequence[KeyRow], seen: int,
                        insert: Callable[[Any], None]) -> bool:
        """In one transaction that no erasure can commit inside: when the erasure generation
        is still ``seen``, write the keys and ``insert`` the snapshots (given the transaction's
        cursor); otherwise nothing. Whether they were stored."""

    def generation(self, cursor: Any = None) -> int:
        """How many transactions deleted keys (erasures, redactions) in the store's life
        (read in the transaction of ``cursor`` when given)."""

    def present(self, cursor: Any, key_ids: Sequence[bytes]) -> set[bytes]:
        """Which of these keys are still stored, read in the save's transaction (``cursor``)."""

    def owner_key(self, owner: str) -> tuple[bytes, bytes, float] | None: ...

    def owners(self) -> list[tuple[str, float, float]]:
        """Every person with a key: (owner, first sealed, last touched); notes' keys aside."""

    def scrub(self) -> None: ...


class MemoryKeyTable:
    """Keys of an in-memory store (gone with the process)."""

    def __init__(self) -> None:
        self._rows: dict[bytes, list[Any]] = {}
        self._lock = threading.Lock()
        self._generation = 0

    def write(self, cursor: Any, keys: Sequence[KeyRow], touched: Sequence[str],
              erased: Sequence[str], now: float) -> None:
        with self._lock:
            for new in keys:
                self._rows[new.key_id] = [new.owner, new.key, new.created, new.created]
            gone = set(erased)
            if gone:
                self._generation += 1
            for key_id, row in list(self._rows.items()):
                if row[0] in gone:
                    del self._rows[key_id]
                elif row[0] in touched:
                    row[3] = now

    def write_snapshots(self, keys: Sequence[KeyRow], seen: int,
                        insert: Callable[[Any], None]) -> bool:
        with self._lock:  # an erasure deletes keys under it
            if self._generation != seen:
                return False
            for new in keys:
                self._rows[new.key_id] = [new.owner, new.key, new.created, new.created]
            insert(None)
            return True

    def generation(self, cursor: Any = None) -> int:
        with self._lock:
            return self._generation

    def present(self, cursor: Any, key_ids: Sequence[bytes]) -> set[bytes]:
        with self._lock:
            return {key_id for key_id in key_ids if key_id in self._rows}

    def key(self, key_id: bytes) -> bytes | None:
        with self._lock:
            row = self._rows.get(key_id)
            return None if row is None else bytes(row[1])

    def owner_key(self, owner: str) -> tuple[bytes, bytes, float] | None:
        with self._lock:
            for key_id, row in self._rows.items():
                if row[0] == owner:
                    return key_id, row[1], row[3]
        return None

    def owners(self) -> list[tuple[str, float, float]]:
        with self._lock:
            return _owners((row[0], row[2], row[3]) for row in self._rows.values()
                           if not row[0].startswith(NOTE_PREFIX))

    def scrub(self) -> None:
        """Nothing to scrub: deleted keys are garbage in the process's memory."""


def _owners(rows: Any) -> list[tuple[str, float, float]]:
    found: dict[str, tuple[float, float]] = {}
    for owner, created, touched in rows:
        first, last = found.get(owner, (created, touched))
        found[owner] = (min(first, created), max(last, touched))
    return sorted((owner, first, last) for owner, (first, last) in found.items())


class SQLiteKeyTable:
    """Keys in the events' SQLite file. Deletion runs with ``secure_delete`` (the freed bytes
    are overwritten with zeros) and is followed by a checkpoint that truncates the write-ahead
    log, so the key is in neither the database file nor its ``-wal`` file."""

    def __init__(self, datastore: Any, events_table: str) -> None:
        self.datastore = datastore
        self.name = events_table + KEYS_SUFFIX
        self.generations = self.name + GENERATION_SUFFIX

    def create_statements(self) -> list[str]:
        return [
            f"CREATE TABLE IF NOT EXISTS {self.name} (key_id BLOB PRIMARY KEY,"
            " owner TEXT NOT NULL, key BLOB NOT NULL, created REAL NOT NULL,"
            " touched REAL NOT NULL)",
            f"CREATE INDEX IF NOT EXISTS {self.name}_owner ON {self.name} (owner)",
            f"CREATE TABLE IF NOT EXISTS {self.generations} (one INTEGER PRIMARY KEY"
            " CHECK (one = 1), generation INTEGER NOT NULL)",
        ]

    def write(self, cursor: Any, keys: Sequence[KeyRow], touched: Sequence[str],
              erased: Sequence[str], now: float) -> None:
        if keys:
            cursor.executemany(f"INSERT INTO {self.name} VALUES (?,?,?,?,?)",
                               [(*row, row.created) for row in keys])
        if touched:
            cursor.executemany(f"UPDATE {self.name} SET touched = ? WHERE owner = ?",
                               [(now, owner) for owner in touched])
        if erased:
            cursor.execute("PRAGMA secure_delete = ON")
            try:
                cursor.executemany(f"DELETE FROM {self.name} WHERE owner = ?",
                                   [(owner,) for owner in erased])
            finally:
                cursor.execute("PRAGMA secure_delete = OFF")
            cursor.execute(f"INSERT INTO {self.generations} VALUES (1, 1) ON CONFLICT (one)"
                           " DO UPDATE SET generation = generation + 1")

    def write_snapshots(self, keys: Sequence[KeyRow], seen: int,
                        insert: Callable[[Any], None]) -> bool:
        """Begun ``IMMEDIATE``: the file's write lock is held from the generation's read to
        the commit, so no erasure commits in between."""
        with (self.datastore.get_connection(commit=True) as connection,
              immediate_transaction(connection) as c):
            if self.generation(c) != seen:
                return False
            self.write(c, keys, (), (), 0.0)
            insert(c)
            return True

    def generation(self, cursor: Any = None) -> int:
        if cursor is None:
            with self.datastore.transaction(commit=False) as c:
                return self._generation_in(c)
        return self._generation_in(cursor)

    def _generation_in(self, cursor: Any) -> int:
        cursor.execute(f"SELECT generation FROM {self.generations}")
        row = cursor.fetchone()
        return 0 if row is None else int(row[0])

    def present(self, cursor: Any, key_ids: Sequence[bytes]) -> set[bytes]:
        """Read after the save's first insert, which took the file's write lock: no erasure
        can commit between this read and the save's commit."""
        found: set[bytes] = set()
        for start in range(0, len(key_ids), 500):  # SQLite caps a statement's parameters
            chunk = list(key_ids[start:start + 500])
            cursor.execute(f"SELECT key_id FROM {self.name} WHERE key_id IN"
                           f" ({','.join('?' * len(chunk))})", chunk)
            found.update(bytes(row[0]) for row in cursor.fetchall())
        return found

    def key(self, key_id: bytes) -> bytes | None:
        with self.datastore.transaction(commit=False) as c:
            c.execute(f"SELECT key FROM {self.name} WHERE key_id = ?", (key_id,))
            row = c.fetchone()
            return None if row is None else bytes(row[0])

    def owner_key(self, owner: str) -> tuple[bytes, bytes, float] | None:
        with self.datastore.transaction(commit=False) as c:
            c.execute(f"SELECT key_id, key, touched FROM {self.name} WHERE owner = ?"
                      " ORDER BY created LIMIT 1", (owner,))
            row = c.fetchone()
            return None if row is None else (bytes(row[0]), bytes(row[1]), float(row[2]))

    def owners(self) -> list[tuple[str, float, float]]:
        with self.datastore.transaction(commit=False) as c:
            c.execute(f"SELECT owner, created, touched FROM {self.name}"
                      " WHERE substr(owner, 1, ?) <> ?", (len(NOTE_PREFIX), NOTE_PREFIX))
            return _owners(c.fetchall())

    def scrub(self) -> None:
        """Copy the write-ahead log into the file and truncate it (tried a few times: a
        reader holding an older snapshot keeps the log until it finishes)."""
        pool = self.datastore.pool
        if pool.is_sqlite_memory_mode:
            return
        connection = sqlite3.connect(pool.db_name, uri=True, timeout=5)
        try:
            for _ in range(50):
                busy = connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
                if not busy:
                    return
                threading.Event().wait(0.02)
            _log.warning("an erasure's key was deleted, but the write-ahead log could not be "
                         "truncated yet (a reader held it): it is truncated at the next "
                         "erasure or checkpoint")
        finally:
            connection.close()


class PostgresKeyTable:
    """Keys in the events' PostgreSQL schema. After a deletion the table is rewritten
    (``VACUUM FULL``, outside a transaction) into a new file and the old file is removed: a
    plain ``VACUUM`` frees the dead row but leaves its bytes in the page's free space, where a
    test found them. Write-ahead log segments and backups keep the old row until they are
    recycled (``docs/hosts/personal-data.md`` says what the operator does)."""

    def __init__(self, datastore: Any, events_table: str) -> None:
        self.datastore = datastore
        self.table = events_table + KEYS_SUFFIX
        self.name = f'"{datastore.schema}"."{self.table}"'
        self.generations = f'"{datastore.schema}"."{self.table}{GENERATION_SUFFIX}"'
        self.events = f'"{datastore.schema}"."{events_table}"'
        self._generation = f"SELECT generation FROM {self.generations}"
        #: Which of a save's keys are still stored, locked against deletion until it commits.
        self.present_statement = (f"SELECT key_id FROM {self.name} WHERE key_id = ANY(%s)"
                                  " FOR KEY SHARE")

    def create_statements(self) -> list[str]:
        return [
            f"CREATE TABLE IF NOT EXISTS {self.name} (key_id bytea PRIMARY KEY,"
            " owner text NOT NULL, key bytea NOT NULL, created double precision NOT NULL,"
            " touched double precision NOT NULL)",
            f'CREATE INDEX IF NOT EXISTS "{self.table}_owner" ON {self.name} (owner)',
            f"CREATE TABLE IF NOT EXISTS {self.generations} (one integer PRIMARY KEY"
            " CHECK (one = 1), generation bigint NOT NULL)",
        ]

    def write(self, cursor: Any, keys: Sequence[KeyRow], touched: Sequence[str],
              erased: Sequence[str], now: float) -> None:
        if keys:
            cursor.execute(
                f"INSERT INTO {self.name} SELECT * FROM unnest(%b::bytea[], %b::text[],"
                " %b::bytea[], %b::float8[], %b::float8[])",
                [[r.key_id for r in keys], [r.owner for r in keys], [r.key for r in keys],
                 [r.created for r in keys], [r.created for r in keys]])
        if touched:
            cursor.execute(f"UPDATE {self.name} SET touched = %s WHERE owner = ANY(%s)",
                           (now, list(touched)))
        if erased:
            cursor.execute(f"DELETE FROM {self.name} WHERE owner = ANY(%s)", (list(erased),))
            cursor.execute(f"INSERT INTO {self.generations} AS g VALUES (1, 1) ON CONFLICT"
                           " (one) DO UPDATE SET generation = g.generation + 1")

    def write_snapshots(self, keys: Sequence[KeyRow], seen: int,
                        insert: Callable[[Any], None]) -> bool:
        """Under the events' table lock, which an erasure holds from before it deletes keys
        until it commits: one committed before is seen in the generation, one after deletes
        the keys written here."""
        with self.datastore.transaction(commit=True) as c:
            c.execute(f"SET LOCAL lock_timeout = '{float(self.datastore.lock_timeout or 0)}s'")
            c.execute(f"LOCK TABLE {self.events} IN EXCLUSIVE MODE")
            if self.generation(c) != seen:
                return False
            self.write(c, keys, (), (), 0.0)
            insert(c)
            return True

    def generation(self, cursor: Any = None) -> int:
        """One statement on a pooled connection, prepared (as a load's own read): a
        transaction of its own cost a read several times the statement."""
        if cursor is None:
            with self.datastore.get_connection() as connection, connection.cursor() as c:
                return self._generation_in(c)
        return self._generation_in(cursor)

    def _generation_in(self, cursor: Any) -> int:
        cursor.execute(self._generation, prepare=True)
        row = cursor.fetchone()
        return 0 if row is None else int(row["generation"])

    def present(self, cursor: Any, key_ids: Sequence[bytes]) -> set[bytes]:
        """Read (and locked) after the save took the events' table lock, which an erasure
        holds until it commits: a deletion committed before is seen, none can follow."""
        cursor.execute(self.present_statement, (list(key_ids),))
        return {bytes(row["key_id"]) for row in cursor.fetchall()}

    def key(self, key_id: bytes) -> bytes | None:
        with self.datastore.transaction(commit=False) as c:
            c.execute(f"SELECT key FROM {self.name} WHERE key_id = %s", (key_id,))
            row = c.fetchone()
            return None if row is None else bytes(row["key"])

    def owner_key(self, owner: str) -> tuple[bytes, bytes, float] | None:
        with self.datastore.transaction(commit=False) as c:
            c.execute(f"SELECT key_id, key, touched FROM {self.name} WHERE owner = %s"
                      " ORDER BY created LIMIT 1", (owner,))
            row = c.fetchone()
            if row is None:
                return None
            return bytes(row["key_id"]), bytes(row["key"]), float(row["touched"])

    def owners(self) -> list[tuple[str, float, float]]:
        with self.datastore.transaction(commit=False) as c:
            c.execute(f"SELECT owner, created, touched FROM {self.name}"
                      " WHERE NOT starts_with(owner, %s)", (NOTE_PREFIX,))
            return _owners((r["owner"], r["created"], r["touched"]) for r in c.fetchall())

    def scrub(self) -> None:
        """Rewrite the table once no transaction that began before the deletion is left: a
        rewrite copies a deleted row that an older snapshot could still see (a test met one
        while other sessions ran)."""
        with self.datastore.get_connection() as connection:
            connection.autocommit = True
            try:
                if not _older_snapshots_gone(connection):
                    _log.warning("a person's key was deleted while older transactions ran: "
                                 "its row may stay in the key table's file until the next "
                                 "erasure (or VACUUM FULL of the table)")
                connection.execute(f"VACUUM FULL {self.name}")
            finally:
                connection.autocommit = False


def _older_snapshots_gone(connection: Any, wait: float = 5.0) -> bool:
    """Wait (up to ``wait`` seconds) until no other session of the database holds a snapshot
    older than now; whether none is left."""
    row = connection.execute("SELECT pg_current_xact_id()::text AS now").fetchone()
    now = str(row["now"])
    deadline = time.monotonic() + wait
    while True:
        older = connection.execute(
            "SELECT count(*) AS older FROM pg_stat_activity WHERE datname = current_database()"
            " AND pid <> pg_backend_pid() AND backend_xmin IS NOT NULL"
            " AND age(backend_xmin) > age((%s::xid8)::xid)", (now,)).fetchone()
        if not older["older"]:
            return True
        if time.monotonic() > deadline:
            return False
        time.sleep(0.02)
