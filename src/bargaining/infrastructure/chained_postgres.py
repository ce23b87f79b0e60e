"""The PostgreSQL event recorder with the hash chain (a module of its own: psycopg is optional).

Like eventsourcing, a save locks the events table (EXCLUSIVE mode) before inserting, so the chain
head read under the lock is the head every other writer sees: two application instances on one
database extend one chain, never two.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any
from uuid import UUID

from eventsourcing.persistence import (
    AggregateRecorder,
    ApplicationRecorder,
    InterfaceError,
    OperationalError,
    StoredEvent,
)
from eventsourcing.postgres import (
    PostgresAggregateRecorder,
    PostgresApplicationRecorder,
    PostgresDatastore,
    PostgresFactory,
)
from eventsourcing.utils import retry
from psycopg import Cursor
from psycopg.rows import DictRow
from psycopg.sql import SQL, Composed, Identifier

from bargaining.application.integrity import ChainRecord, StoredRow
from bargaining.infrastructure.chained_recorders import (
    BUSY_TIMEOUT,
    CHAIN_SUFFIX,
    chain_record,
    chain_records,
)
from bargaining.infrastructure.errors import StoreError
from bargaining.infrastructure.key_tables import PostgresKeyTable
from bargaining.infrastructure.locks import SCHEMA_LOCK

#: How many times eventsourcing tries an insert that fails for a lock (its ``@retry``).
INSERT_ATTEMPTS = 10
#: The largest version a record can have (PostgreSQL's ``bigint``): "the latest".
_LATEST = 2**63 - 1
#: Names the advisory lock that makes the library's tables in one schema one opener at a time.


@contextmanager
def schema_lock(datastore: PostgresDatastore, schema: str) -> Iterator[None]:
    """Hold the schema's advisory lock (a connection of its own) while the body runs."""
    key = SCHEMA_LOCK.format(schema)
    with datastore.get_connection() as connection:
        connection.execute("SELECT pg_advisory_lock(hashtext(%s))", (key,))
        try:
            yield
        finally:
            connection.execute("SELECT pg_advisory_unlock(hashtext(%s))", (key,))


class ChainedPostgresApplicationRecorder(PostgresApplicationRecorder):
    """PostgreSQL events with their chain in the same schema and the same transaction."""

    def __init__(self, datastore: PostgresDatastore, *, events_table_name: str = "stored_events"):
        super().__init__(datastore, events_table_name=events_table_name)
        if datastore.enable_db_functions:
            raise StoreError.worded("POSTGRES_ENABLE_DB_FUNCTIONS cannot be used: the hash chain "
                                    "is written beside each insert")
        self.chain_table = events_table_name + CHAIN_SUFFIX
        self.check_identifier_length(self.chain_table)
        #: The person-key vault's keys (``person_keys``), written in the events' transaction.
        self.key_table = PostgresKeyTable(datastore, events_table_name)
        self.vault: Any = None
        self.sql_create_statements.extend(
            Composed([SQL(s)]) for s in self.key_table.create_statements())
        self.sql_create_statements.append(
            self._sql(
                "CREATE TABLE IF NOT EXISTS {chain} (position bigint PRIMARY KEY,"
                " previous bigint NOT NULL UNIQUE, digest bytea NOT NULL, link bytea NOT NULL)"
            )
        )
        self._select_head = self._sql(
            "SELECT position, link FROM {chain} ORDER BY position DESC LIMIT 1"
        )
        # One statement for a save's chain rows, its columns sent as binary arrays: a row per
        # statement (``executemany``) cost psycopg and the server more than the events' own
        # insert (``docs/operations/performance.md``).
        self._insert_events_unnested = SQL(
            "INSERT INTO {events} (originator_id, originator_version, topic, state)"
            " SELECT * FROM unnest(%b::{id_type}[], %b::int8[], %b::text[], %b::bytea[])"
            " RETURNING notification_id"
        ).format(
            events=Identifier(self.datastore.schema, self.events_table_name),
            id_type=Identifier(self.datastore.originator_id_type),
        )
        self._insert_chain = self._sql(
            "INSERT INTO {chain} (position, previous, digest, link)"
            " SELECT * FROM unnest(%b::int8[], %b::int8[], %b::bytea[], %b::bytea[])"
        )

    @retry((InterfaceError, OperationalError), max_attempts=INSERT_ATTEMPTS, wait=0.2)
    def insert_events(
        self, stored_events: Sequence[StoredEvent], **kwargs: Any
    ) -> Sequence[int] | None:
        """A save's events and their chain rows in one transaction, in two round trips.

        As ``eventsourcing`` does it (the table lock, the notification, one insert returning
        the new positions in order), but the chain's head is read in the same pipeline, just
        after the lock and before the insert, and the chain rows go with the ``COMMIT``:
        ``eventsourcing``'s own insert, with the head read after it, waited for the server five
        times a save. Under the lock the head read is the head every other writer sees, so two
        instances on one database still extend one chain. Each column is sent as a binary
        array, not an array of composite values as text, which psycopg escapes byte by byte.
        """
        if not stored_events:
            return []
        with self.datastore.get_connection() as conn:
            failure: Exception | None = None
            positions: list[int] = []
            try:
                with (conn.pipeline() as pipeline, conn.cursor() as curs,
                      conn.cursor() as head, conn.cursor() as keys):
                    try:
                        curs.execute("BEGIN")
                        self._lock_table(curs)
                        self._notify_channel(curs)
                        head.execute(self._select_head, prepare=True)
                        # The keys the save sealed with, read after the lock an erasure
                        # holds until it commits (``PersonKeys.check_used``).
                        used = self.vault.used() if self.vault is not None else []
                        if used:
                            keys.execute(self.key_table.present_statement, (used,),
                                         prepare=True)
                        curs.execute(self._insert_events_unnested, _columns(stored_events),
                                     prepare=True)
                        # A conflict (a record changed meanwhile) is raised here, as
                        # eventsourcing's IntegrityError, with nothing recorded.
                        pipeline.sync()
                        positions = [row["notification_id"] for row in curs.fetchall()]
                        last = head.fetchone()
                        self._append_chain(curs, chain_records(
                            (last["position"], bytes(last["link"])) if last else None,
                            positions, stored_events))
                        if used:
                            self.vault.check_used({bytes(r["key_id"]) for r in keys.fetchall()})
                        if self.vault is not None:
                            self.vault.write_pending(curs, checked=True)
                        curs.execute("COMMIT")  # sent as the pipeline ends
                    except Exception as error:  # raised once the pipeline is left
                        failure = error
            except Exception:
                conn.rollback()
                raise
            if failure is not None:
                conn.rollback()
                raise failure
        return positions

    @retry((InterfaceError, OperationalError), max_attempts=INSERT_ATTEMPTS, wait=0.2)
    def select_from_snapshot(
        self, snapshots: AggregateRecorder, originator_id: UUID, lte: int | None
    ) -> tuple[StoredEvent | None, list[StoredEvent]]:
        """A record's latest snapshot (at or before version ``lte``) and its events from that
        snapshot's version on (all of them, without a snapshot), in one statement: loading a
        record asked the server twice, and each question cost about as much as the reading.
        The store's erasure generation comes along (``PersonKeys.saw``), for the same reason.
        """
        table = getattr(snapshots, "events_table_name", None)
        if not isinstance(table, str):
            raise StoreError.worded("the snapshots are not in a PostgreSQL table beside the "
                                    "events")
        statement = SQL(
            "WITH s AS (SELECT originator_version, topic, state FROM {snapshots}"
            " WHERE originator_id = %(id)s AND originator_version <= %(lte)s"
            " ORDER BY originator_version DESC LIMIT 1)"
            " SELECT true AS snapshot, originator_version, topic, state,"
            " (SELECT generation FROM {generations}) AS generation FROM s"
            " UNION ALL SELECT false, originator_version, topic, state,"
            " (SELECT generation FROM {generations}) FROM {events}"
            " WHERE originator_id = %(id)s AND originator_version <= %(lte)s"
            " AND originator_version >= COALESCE((SELECT originator_version FROM s), 0)"
            " ORDER BY snapshot DESC, originator_version"
        ).format(snapshots=Identifier(self.datastore.schema, table),
                 events=Identifier(self.datastore.schema, self.events_table_name),
                 generations=SQL(self.key_table.generations))
        with self.datastore.get_connection() as conn, conn.cursor() as curs:
            curs.execute(statement, {"id": originator_id, "lte": _LATEST if lte is None else lte},
                         prepare=True)
            rows = curs.fetchall()
        if rows and self.vault is not None:
            # the erasure generation, read with the record: the read asks nothing more
            self.vault.saw(int(rows[0]["generation"] or 0))
        stored = [StoredEvent(originator_id, r["originator_version"], r["topic"],
                              bytes(r["state"])) for r in rows]
        if rows and rows[0]["snapshot"]:
            return stored[0], stored[1:]
        return None, stored

    def _sql(self, text: str) -> Composed:
        return SQL(text).format(
            chain=Identifier(self.datastore.schema, self.chain_table),
            events=Identifier(self.datastore.schema, self.events_table_name),
        )

    def create_table(self) -> None:
        with self.datastore.transaction(commit=False) as curs:
            curs.execute(
                "SELECT to_regclass(%s) AS found",
                (f'"{self.datastore.schema}"."{self.chain_table}"',),
            )
            row = curs.fetchone()
            existed = row is not None and row["found"] is not None
        super().create_table()
        if not existed:
            self._chain_existing_events()

    def _chain_existing_events(self) -> None:
        with self.datastore.transaction(commit=True) as curs:
            self._lock_table(curs)
            curs.execute(
                self._sql(
                    "SELECT notification_id, originator_id, originator_version, topic, state"
                    " FROM {events} ORDER BY notification_id"
                )
            )
            rows = curs.fetchall()
            if rows:
                stored = [
                    StoredEvent(r["originator_id"], r["originator_version"], r["topic"],
                                bytes(r["state"]))
                    for r in rows
                ]
                self._append_chain(
                    curs, chain_records(None, [r["notification_id"] for r in rows], stored)
                )

    def _append_chain(
        self, curs: Cursor[DictRow], rows: list[tuple[int, int, bytes, bytes]]
    ) -> None:
        """Insert chain rows (position, previous, digest, link) in one statement."""
        if rows:
            curs.execute(self._insert_chain, [list(column) for column in zip(*rows, strict=True)])

    def select_chain(self, after: int, limit: int) -> Sequence[ChainRecord]:
        with self.datastore.transaction(commit=False) as curs:
            curs.execute(
                self._sql(
                    "SELECT position, previous, digest, link FROM {chain}"
                    " WHERE position > %s ORDER BY position LIMIT %s"
                ),
                (after, limit),
                prepare=True,
            )
            return [chain_record(list(r.values())) for r in curs.fetchall()]

    def chain_head(self) -> ChainRecord | None:
        with self.datastore.transaction(commit=False) as curs:
            curs.execute(
                self._sql(
                    "SELECT position, previous, digest, link FROM {chain}"
                    " ORDER BY position DESC LIMIT 1"
                )
            )
            row = curs.fetchone()
            return chain_record(list(row.values())) if row else None

    def find_digest(self, digest: bytes) -> int | None:
        with self.datastore.transaction(commit=False) as curs:
            curs.execute(
                self._sql("SELECT position FROM {chain} WHERE digest = %s LIMIT 1"), (digest,)
            )
            row = curs.fetchone()
            return int(row["position"]) if row else None

    def select_stored(self, after: int, limit: int) -> Sequence[StoredRow]:
        with self.datastore.transaction(commit=False) as curs:
            curs.execute(
                self._sql(
                    "SELECT notification_id, originator_id, originator_version, topic, state"
                    " FROM {events} WHERE notification_id > %s ORDER BY notification_id"
                    " LIMIT %s"
                ),
                (after, limit),
                prepare=True,
            )
            return [
                (r["notification_id"], r["originator_id"], r["originator_version"], r["topic"],
                 bytes(r["state"]))
                for r in curs.fetchall()
            ]


class SnapshotPostgresRecorder(PostgresAggregateRecorder):
    """Snapshots, committed without waiting for the disk (``synchronous_commit = off`` for
    their transaction only, as the read models' writes are).

    A snapshot is a cache of its record's events, which were committed durably before it was
    taken; one lost in a crash only makes the next load replay more events, and each is
    sealed to its event (``infrastructure/snapshots.py``), so none can stand for events the
    crash lost. Waiting for the disk cost a second durable commit (about 4 ms here) in every
    command that took a snapshot.
    """

    @retry((InterfaceError, OperationalError), max_attempts=INSERT_ATTEMPTS, wait=0.2)
    def insert_events(
        self, stored_events: Sequence[StoredEvent], **kwargs: Any
    ) -> Sequence[int] | None:
        if stored_events:
            with self.datastore.get_connection() as conn, conn.transaction(), \
                    conn.cursor() as curs:
                self.insert_in(curs, stored_events, **kwargs)
        return None

    def insert_in(self, curs: Cursor[DictRow], stored_events: Sequence[StoredEvent],
                  **kwargs: Any) -> None:
        """Insert snapshots in a transaction already open (the one that wrote their keys)."""
        curs.execute("SET LOCAL synchronous_commit TO OFF", prepare=True)
        self._insert_stored_events(curs, stored_events, **kwargs)


class BargainingPostgresFactory(PostgresFactory):
    """``eventsourcing``'s PostgreSQL persistence, with the chained recorder, making its tables
    one opener at a time, and waiting for locks as long as the host said.

    PostgreSQL's ``IF NOT EXISTS`` is not safe against another session making the same table
    or type at once (``tuple concurrently updated``, a duplicate ``pg_type`` key): every
    instance opening the store holds the schema's advisory lock while it makes its tables.
    ``BARGAINING_BUSY_TIMEOUT`` (seconds, fractions allowed) is how long a write waits for
    other writers' locks before it gives up, plus the pauses between ``eventsourcing``'s
    tries (``POSTGRES_LOCK_TIMEOUT`` takes whole seconds, for each try); unset, it waits as
    ``POSTGRES_LOCK_TIMEOUT`` says (by default, for as long as it takes).
    """

    application_recorder_class = ChainedPostgresApplicationRecorder

    def __init__(self, env: Any) -> None:
        super().__init__(env)
        timeout = self.env.get(BUSY_TIMEOUT)
        if timeout:
            # eventsourcing tries an insert that meets a lock timeout again, up to
            # INSERT_ATTEMPTS times 0.2 seconds apart: each try waits its share of the time.
            share = max(float(timeout) / INSERT_ATTEMPTS, 0.001)
            self.datastore.lock_timeout = share  # type: ignore[assignment]

    def aggregate_recorder(self, purpose: str = "events") -> AggregateRecorder:
        with schema_lock(self.datastore, self.datastore.schema):
            if purpose != "snapshots":
                return super().aggregate_recorder(purpose)
            recorder = SnapshotPostgresRecorder(
                datastore=self.datastore,
                events_table_name=f"{self.env.name.lower() or 'stored'}_{purpose}",
            )
            if self.env_create_table():
                recorder.create_table()
            return recorder

    def application_recorder(self) -> ApplicationRecorder:
        with schema_lock(self.datastore, self.datastore.schema):
            return super().application_recorder()


def _columns(stored_events: Sequence[StoredEvent]) -> list[list[Any]]:
    """A save's events as four columns, each sent as one binary array."""
    return [
        [e.originator_id for e in stored_events],
        [e.originator_version for e in stored_events],
        [e.topic for e in stored_events],
        [e.state for e in stored_events],
    ]
