"""Snapshots sealed to their record, version and event, checked on every load and by verify.

A snapshot is a copy of a record's state at a version, kept so that loading replays only the
events after it. The snapshot table sits beside the events, outside the hash chain, so a
snapshot is accepted only with its **seal**, written before its stored bytes::

    seal    = "bsnap1" | digest | mac
    digest  = sha256(binding)                  checkable by anyone, without the key
    mac     = HMAC-SHA256(key, binding)         with encryption on; 32 zero bytes without
    binding = record id, version, kind, the digest of the record's event at that version
              (the digest the hash chain holds for it), and the stored bytes

A snapshot copied under another record, put back under a later version, or edited no longer
matches its seal: loading ignores it and replays the record from its events (the chain
vouches for those), and ``verify`` names it. With encryption on, the mac needs the key, so
even someone who knows this scheme cannot seal a forgery; without encryption there is no
secret, and the digest proves only that the snapshot was not copied, moved or edited without
recomputing it (comparing each snapshot with its replay would catch that too; not done yet).

Snapshots written before seals existed (release 0.1 sealed none) are **ignored**: an unsealed
snapshot cannot be told from a forged one, and ignoring it costs only the replay of that
record's events until its next snapshot, which is sealed. ``verify`` counts them apart.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, nullcontext
from typing import Any, Protocol, cast
from uuid import UUID

from eventsourcing.application import AggregateNotFoundError, Repository, project_aggregate
from eventsourcing.domain import Snapshot
from eventsourcing.persistence import (
    AggregateRecorder,
    EventStore,
    Mapper,
    Recording,
    StoredEvent,
)

from bargaining.application.integrity import SnapshotFindings, TamperedSnapshot, event_digest
from bargaining.domain.shared.language import mark
from bargaining.infrastructure.errors import StoreError

_log = logging.getLogger("bargaining")

MAGIC = b"bsnap1\x00\x00"
_UNKEYED = bytes(32)
HEADER = len(MAGIC) + 64


class Seal:
    """Seals snapshots and checks seals; with the application's key when it has one."""

    def __init__(self, raw_key: bytes | None) -> None:
        self._key = (
            hashlib.sha256(b"bargaining snapshot seal|" + raw_key).digest() if raw_key else None
        )

    @staticmethod
    def _binding(snapshot: StoredEvent, payload: bytes, event: StoredEvent) -> bytes:
        record = snapshot.originator_id
        oid = record.hex if isinstance(record, UUID) else UUID(str(record)).hex
        bound = event_digest(event.originator_id, event.originator_version, event.topic,
                             event.state)
        return b"\x00".join([b"bargaining snapshot", oid.encode(),
                             b"%d" % snapshot.originator_version, snapshot.topic.encode(),
                             bound, payload])

    def seal(self, snapshot: StoredEvent, event: StoredEvent) -> StoredEvent:
        """The snapshot as stored: its seal, then its bytes."""
        binding = self._binding(snapshot, snapshot.state, event)
        mac = (hmac.new(self._key, binding, hashlib.sha256).digest() if self._key
               else _UNKEYED)
        state = MAGIC + hashlib.sha256(binding).digest() + mac + snapshot.state
        return StoredEvent(snapshot.originator_id, snapshot.originator_version, snapshot.topic,
                           state)

    def problem(self, stored: StoredEvent, event: StoredEvent | None) -> str | None:
        """Why a stored snapshot may not be used (``None`` if its seal holds), in English and
        marked for the catalog (a report words it in the reader's language). ``event`` is
        the record's stored event at the snapshot's version (``None`` if there is none)."""
        if not is_sealed(stored.state):
            return UNSEALED
        if event is None or event.originator_version != stored.originator_version:
            return mark("its record has no event at its version: it was put under another "
                        "record or a version the record never reached")
        digest, mac = stored.state[8:40], stored.state[40:HEADER]
        binding = self._binding(stored, stored.state[HEADER:], event)
        if not hmac.compare_digest(hashlib.sha256(binding).digest(), digest):
            return mark("its seal does not match this record at this version: it was copied "
                        "from another record or version, or its bytes were changed")
        if self._key is not None and not hmac.compare_digest(
                hmac.new(self._key, binding, hashlib.sha256).digest(), mac):
            return mark("its keyed seal does not match: it was sealed again by someone "
                        "without the encryption key")
        return None

    @staticmethod
    def unsealed(stored: StoredEvent) -> StoredEvent:
        """The snapshot's own bytes, without its seal."""
        if not is_sealed(stored.state):
            return stored
        return StoredEvent(stored.originator_id, stored.originator_version, stored.topic,
                           stored.state[HEADER:])


UNSEALED = "unsealed"


def is_sealed(state: bytes) -> bool:
    return state[: len(MAGIC)] == MAGIC and len(state) >= HEADER


class SealedSnapshotStore(EventStore[UUID]):
    """``eventsourcing``'s snapshot store, sealing what it puts. ``get`` reads snapshots as
    ``eventsourcing`` does (unchecked, for tests and tools); loading records goes through
    :class:`CheckedRepository`, which checks each seal."""

    def __init__(self, mapper: Mapper[UUID], recorder: AggregateRecorder,
                 events: AggregateRecorder, seal: Seal) -> None:
        super().__init__(mapper, recorder)
        self.events_recorder = events
        self.seal = seal
        #: The person-key vault (set by the event store): the keys the snapshots were sealed
        #: with are stored with them, in a transaction no erasure can commit inside.
        self.vault: SnapshotKeys | None = None

    def put(self, domain_events: Sequence[Any], **kwargs: Any) -> list[Recording[UUID]]:
        stored = []
        with self.vault.sealing_snapshots() if self.vault is not None else nullcontext():
            for snapshot in domain_events:
                unsealed = self.mapper.to_stored_event(snapshot)
                event = event_at(self.events_recorder, UUID(str(unsealed.originator_id)),
                                 unsealed.originator_version)
                if event is None:
                    raise StoreError.worded("no event of record {originator_id} at version "
                                            "{originator_version} to seal its snapshot to",
                                            originator_id=unsealed.originator_id,
                                            originator_version=unsealed.originator_version)
                stored.append(self.seal.seal(unsealed, event))
        if self.vault is None:
            self.recorder.insert_events(stored, **kwargs)
        else:  # skipped if someone erased meanwhile: the state may hold what they covered
            self.vault.store_snapshots(lambda cursor: insert_in(self.recorder, cursor, stored))
        return []

    def get(self, originator_id: UUID, *, gt: int | None = None, lte: int | None = None,
            desc: bool = False, limit: int | None = None) -> Iterator[Any]:
        rows = self.recorder.select_events(originator_id, gt=gt, lte=lte, desc=desc,
                                           limit=limit)
        return (self.mapper.to_domain_event(self.seal.unsealed(s)) for s in rows)

    def restore(self, stored: StoredEvent, event: StoredEvent | None) -> Any | None:
        """The record as its snapshot holds it, or ``None`` when the snapshot may not be used
        (unsealed, tampered with, or no longer readable): the caller replays instead."""
        problem = self.seal.problem(stored, event)
        if problem is not None:
            if problem != UNSEALED:
                _log.warning("the snapshot of record %s at version %d was ignored: %s; the "
                             "record is replayed from its events (run verify())",
                             stored.originator_id, stored.originator_version, problem)
            return None
        try:
            snapshot = cast(Snapshot, self.mapper.to_domain_event(self.seal.unsealed(stored)))
            return snapshot.mutate(None)
        except Exception as error:  # a snapshot is a cache: replay instead
            _log.info("the snapshot of record %s at version %d cannot be read by this "
                      "version of the library (%s): the record is replayed from its events",
                      stored.originator_id, stored.originator_version, type(error).__name__)
            return None


class SnapshotKeys(Protocol):
    """What the snapshot store asks of the person-key vault (``key_watch``)."""

    def sealing_snapshots(self) -> AbstractContextManager[None]: ...

    def store_snapshots(self, insert: Callable[[Any], None]) -> bool: ...

    def stamp(self, record: Any) -> None: ...


def insert_in(recorder: Any, cursor: Any, stored: Sequence[StoredEvent]) -> None:
    """Insert snapshots in the transaction of ``cursor`` (``None`` in memory, where the
    vault's lock is held instead)."""
    if cursor is None:
        recorder.insert_events(stored)
    elif hasattr(recorder, "insert_in"):  # PostgreSQL
        recorder.insert_in(cursor, stored)
    else:
        recorder._insert_events(cursor, stored)


def due_snapshots(app: Any, saved: Any, versions: Mapping[UUID, int]) -> list[Any]:
    """The snapshots of a save, at the versions its policy calls for (``snapshot_policy``),
    for the application to put together in one transaction. A record saved at that very
    version is snapshotted as it is in memory: its state is its events applied, which is what
    loading it would replay (``tests/test_snapshots.py`` holds snapshots and replays of every
    kind side by side); loading each again was most of the cost of a batch of 1,000 units
    reaching their interval together. A record saved past it (several events in one save) is
    loaded at that version, as ``take_snapshot`` does, and so is one read before an erasure or
    a redaction that committed since (its state may hold what that covered)."""
    projectors = getattr(app, "snapshotting_projectors", None) or {}
    due = []
    for record_id, version in versions.items():
        record = saved.aggregates[record_id]
        fresh = record.version == version and not app.vault.read_before_erasure(record)
        loaded = record if fresh else app.repository.get(
            record_id, version=version,
            projector_func=projectors.get(type(record), project_aggregate))
        kind = getattr(type(loaded), "Snapshot", type(app).snapshot_class)
        due.append(kind.take(loaded))
    return due


def event_at(recorder: AggregateRecorder, record: UUID, version: int) -> StoredEvent | None:
    found = recorder.select_events(record, gt=version - 1, lte=version, limit=1)
    return found[0] if found and found[0].originator_version == version else None


class CheckedRepository(Repository[UUID]):
    """``eventsourcing``'s repository, loading from a snapshot only when its seal holds.

    The record's events from the snapshot's version on are read in one query: the first is
    the event the snapshot is sealed to, the rest are replayed on top of it. A snapshot that
    fails its check is passed over for the one before it, down to a full replay.
    """

    snapshot_store: SealedSnapshotStore | None  # type: ignore[assignment]

    def _reconstruct_aggregate(self, aggregate_id: UUID, version: int | None,
                               projector_func: Any) -> Any:
        snapshots = self.snapshot_store
        if snapshots is None:
            return super()._reconstruct_aggregate(aggregate_id, version, projector_func)
        events = self.event_store.recorder
        found: Any = None
        rest: Sequence[StoredEvent] | None = None
        latest, tail = _latest_snapshot(snapshots.recorder, events, aggregate_id, version)
        if latest is None:
            rest = tail  # read together (no snapshot, every event), or ``None``: read below
        else:
            at = latest.originator_version
            if tail is None:
                tail = events.select_events(aggregate_id, gt=at - 1, lte=version)
            first = tail[0] if tail and tail[0].originator_version == at else None
            found = snapshots.restore(latest, first)
            if found is not None:
                rest = tail[1:]
            else:
                for older in snapshots.recorder.select_events(
                        aggregate_id, desc=True, lte=at - 1):
                    was = older.originator_version
                    found = snapshots.restore(older, event_at(events, aggregate_id, was))
                    if found is not None:
                        rest = events.select_events(aggregate_id, gt=was, lte=version)
                        break
        if rest is None:
            rest = events.select_events(aggregate_id, lte=version)
        mapper = self.event_store.mapper
        aggregate = projector_func(found, map(mapper.to_domain_event, rest))
        if aggregate is None:
            raise AggregateNotFoundError(f"Aggregate {aggregate_id!r} version {version!r} "
                                         "not found.")
        if snapshots.vault is not None:
            snapshots.vault.stamp(aggregate)
        return aggregate


def _latest_snapshot(
    snapshots: AggregateRecorder, events: AggregateRecorder, record: UUID, version: int | None
) -> tuple[StoredEvent | None, Sequence[StoredEvent] | None]:
    """The latest snapshot at or before ``version`` (or ``None``) and, where the recorder
    reads them in the same statement (PostgreSQL), the events from its version on (every
    event, without a snapshot); ``None`` for the events otherwise."""
    together = getattr(events, "select_from_snapshot", None)
    if together is not None:
        snapshot, tail = together(snapshots, record, version)
        return snapshot, tail
    latest = snapshots.select_events(record, desc=True, limit=1, lte=version)
    return (latest[0] if latest else None), None


def check_snapshots(
    snapshots: AggregateRecorder, events: AggregateRecorder, seal: Seal, *, page_size: int
) -> SnapshotFindings:
    """Check the seal of every stored snapshot against its record's event, page by page."""
    checked = unsealed = 0
    tampered: list[TamperedSnapshot] = []
    for stored in all_snapshots(snapshots, page_size):
        record = stored.originator_id
        record = record if isinstance(record, UUID) else UUID(str(record))
        problem = seal.problem(stored, event_at(events, record, stored.originator_version))
        checked += 1
        if problem == UNSEALED:
            unsealed += 1
        elif problem is not None:
            tampered.append(TamperedSnapshot(record, stored.originator_version, problem))
    return SnapshotFindings(checked, unsealed, tuple(tampered))


def all_snapshots(recorder: AggregateRecorder, page_size: int) -> Iterator[StoredEvent]:
    """Every stored snapshot, in record and version order, a page at a time."""
    if hasattr(recorder, "_stored_events"):  # in memory
        yield from sorted(recorder._stored_events,
                          key=lambda s: (str(s.originator_id), s.originator_version))
        return
    after: tuple[str, int] = ("", -1)
    while True:
        page = _page(recorder, after, page_size)
        yield from page
        if len(page) < page_size:
            return
        after = (str(page[-1].originator_id), page[-1].originator_version)


def _page(recorder: Any, after: tuple[str, int], limit: int) -> list[StoredEvent]:
    table = recorder.events_table_name
    columns = "originator_id, originator_version, topic, state"
    if hasattr(recorder.datastore, "schema"):  # PostgreSQL
        from psycopg.sql import SQL, Identifier

        query = SQL(
            "SELECT " + columns + " FROM {table} WHERE (originator_id::text, originator_version)"
            " > (%s, %s) ORDER BY originator_id::text, originator_version LIMIT %s"
        ).format(table=Identifier(recorder.datastore.schema, table))
        with recorder.datastore.transaction(commit=False) as curs:
            curs.execute(query, (*after, limit))
            return [StoredEvent(UUID(str(r["originator_id"])), r["originator_version"],
                                r["topic"], bytes(r["state"])) for r in curs.fetchall()]
    with recorder.datastore.transaction(commit=False) as c:
        c.execute(f"SELECT {columns} FROM {table} WHERE (originator_id, originator_version)"
                  " > (?, ?) ORDER BY originator_id, originator_version LIMIT ?",
                  (*after, limit))
        return [StoredEvent(UUID(r[0]), r[1], r[2], bytes(r[3])) for r in c.fetchall()]
