"""The event store beneath the application: ``eventsourcing``'s ``Application``, extended
through its own hooks.

:class:`EventStore` is the one subclass of ``eventsourcing.application.Application`` in the
library. It opens the store a host chose (with the hash-chain recorders and, with a key,
encryption), registers the transcodings of the domain's value objects, and gives the use cases
what they need through small typed interfaces (:mod:`bargaining.application.ports`): load and
save records, read the log for history, read the hash chain.

What it adds to ``Application`` is done in hooks, not in a copy of ``save``:

* ``save`` calls ``Application.save`` and only translates its conflict into
  :class:`~bargaining.ConcurrentChange`, then tells its followers (the Expiry Map) what was
  recorded;
* a save's snapshots are taken together and put in one transaction, and a refused one is
  logged instead of raised: the change it follows is already recorded, and a missing
  snapshot only makes loading replay more events;
* every kind of record is snapshotted (``snapshotting_intervals``), each snapshot sealed to
  its record, version and event and checked when it loads
  (:mod:`bargaining.infrastructure.snapshots`).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from typing import Any, TypeVar
from uuid import UUID

from eventsourcing.application import (
    AggregateNotFoundError,
    Application,
    ProcessingEvent,
    Repository,
)
from eventsourcing.domain import Aggregate, DomainEventProtocol
from eventsourcing.persistence import (
    EventStore as EventsourcingStore,
)
from eventsourcing.persistence import (
    IntegrityError,
    JSONTranscoder,
    Mapper,
    MapperDeserialisationError,
    OperationalError,
    PersistenceError,
    Recording,
)

from bargaining.application.integrity import ChainedRecorder, SnapshotFindings
from bargaining.domain.shared.errors import (
    BargainingError,
    ConcurrentChange,
    InvalidInput,
    RecordNotFound,
)
from bargaining.infrastructure.chained_recorders import BUSY_TIMEOUT
from bargaining.infrastructure.cipher_keys import check_cipher_key, key_opens_store
from bargaining.infrastructure.errors import StoreBusy, StoreError
from bargaining.infrastructure.note_sealing import NoteMapper, attach_notes, snapshot_mapper
from bargaining.infrastructure.person_keys import PersonKeys, attach_vault
from bargaining.infrastructure.personal_sealing import SealedPersonalData
from bargaining.infrastructure.record_ids import record_ids
from bargaining.infrastructure.saved_together import SavedTogether, describe
from bargaining.infrastructure.snapshot_intervals import SNAPSHOT_INTERVALS
from bargaining.infrastructure.snapshot_policy import heavy_records, snapshot_versions
from bargaining.infrastructure.snapshot_state import SnapshotTranscoder
from bargaining.infrastructure.snapshots import (
    CheckedRepository,
    SealedSnapshotStore,
    check_snapshots,
    due_snapshots,
)
from bargaining.infrastructure.snapshots import Seal as SnapshotSeal
from bargaining.infrastructure.store_faults import (
    check_busy_timeout,
    is_busy,
    unreadable_event,
)
from bargaining.infrastructure.stores import CIPHER_KEY_ENV, Store
from bargaining.infrastructure.topics import aggregate_topics
from bargaining.infrastructure.transcodings import register_domain_transcodings

A = TypeVar("A")

_log = logging.getLogger("bargaining")

#: Told what each save recorded, after it is recorded (the Expiry Map follows this way).
Follower = Callable[[Sequence[Recording[UUID]]], object]


class EventStore(Application[UUID]):
    """Records and reads the library's events in the store a host chose.

    The application name stays ``BargainingApp`` (it prefixes ``eventsourcing``'s environment
    variables, ``BARGAININGAPP_...``, and released stores were opened under it).
    """

    name = "BargainingApp"
    snapshotting_intervals = SNAPSHOT_INTERVALS
    log_section_size = 1000

    def __init__(
        self, store: Store, *, cipher_key: str | None = None, env: dict[str, str] | None = None,
        busy_timeout: float | None = None,
    ) -> None:
        self.store = store
        settings = dict(store.settings)
        key = cipher_key if cipher_key is not None else os.environ.get(CIPHER_KEY_ENV)
        #: The raw key, for read models that seal names with it; ``None`` without encryption.
        self.raw_key = check_cipher_key(key) if key else None
        #: How records named by public words get their ids: keyed when encrypted.
        self.ids = record_ids(self.raw_key)
        if key:
            settings["CIPHER_TOPIC"] = "eventsourcing.cipher:AESCipher"
            settings["CIPHER_KEY"] = key
        #: How long a write waits for another writer's lock (seconds); ``None``: the store's
        #: own default (SQLite 5 seconds; PostgreSQL as long as it takes).
        self.busy_timeout = check_busy_timeout(busy_timeout, os.environ.get(BUSY_TIMEOUT))
        settings[BUSY_TIMEOUT] = "" if self.busy_timeout is None else repr(self.busy_timeout)
        settings.update(env or {})
        #: Whether an event of the store was read with this key (then an event that cannot be
        #: read is damaged, not a sign of a wrong key).
        self._key_proven = False
        #: What keeps derived state current after each save, by the name a log line gives it.
        self.followers: dict[str, Follower] = {}
        #: Every person's own key (``person_keys``): personal data is sealed with it.
        self.vault = PersonKeys(self.raw_key)
        try:
            super().__init__(env=settings)
        except PersistenceError as error:
            if is_busy(error):
                raise StoreBusy.worded("cannot open the event store {location}: it is busy "
                                       "(another writer held its lock longer than this "
                                       "application waits)", location=store.location) from None
            raise StoreError.worded("cannot open the event store {location}: {error}",
                                    location=store.location, error=error) from None
        attach_vault(self.vault, self.recorder, self.repository)
        attach_notes(self.mapper, self.vault, self.recorder)
        self._key_proven = key_opens_store(self.recorder, self.mapper)

    def register_transcodings(self, transcoder: JSONTranscoder) -> None:
        super().register_transcodings(transcoder)
        register_domain_transcodings(transcoder)
        transcoder.register(SealedPersonalData(self.vault))
        transcoder.register(NoteMapper.transcoding(self.vault))

    def construct_mapper(self) -> Mapper[UUID]:
        """Free text is sealed per record's version (``note_sealing``)."""
        return NoteMapper(super().construct_mapper())

    @contextmanager
    def reading(self) -> Iterator[None]:
        """Reads that fail because the key is wrong or missing say so in words; a stored value
        that today's library refuses to read is named as that, not as a key problem, and so is
        an event damaged in the store (:class:`DamagedEvent`, naming the record and version).
        Keys cached before an erasure committed in another process are forgotten first."""
        try:
            with self.vault.fresh():
                yield
        except MapperDeserialisationError as error:
            raise self.unreadable(error) from None
        except ValueError as error:
            if "MAC check failed" in str(error) or "decrypt" in str(error).lower():
                raise self.unreadable(error) from None
            raise

    def unreadable(self, error: Exception, *, position: int | None = None) -> StoreError:
        """The error to raise for a stored event that cannot be read, in words: a value this
        version refuses, a damaged event (which one, where known), or a wrong key."""
        return unreadable_event(
            error, encrypted=self.mapper.cipher is not None, key_proven=self._key_proven,
            position=position,
        )

    # ------------------------------------------------------------------ saving

    def save(self, *objs: Any, **kwargs: Any) -> list[Recording[UUID]]:
        """Record the pending events of the given records in one transaction, then tell the
        followers what was recorded. A conflict records nothing and says so in words."""
        for obj in objs:
            if isinstance(obj, Aggregate):  # a record first saved here holds what it was given
                self.vault.stamp(obj)
        given = objs
        if len(objs) > 1 and all(isinstance(obj, Aggregate) for obj in objs):
            given = (SavedTogether(objs),)
        try:
            with self.vault.saving():
                recordings = super().save(*given, **kwargs)
        except IntegrityError:
            labels = ", ".join(describe(obj) for obj in objs) or "a record"
            raise ConcurrentChange.worded("{labels} was changed by someone else at the same "
                                          "time; nothing of this change was recorded: reload and "
                                          "try again", labels=labels) from None
        except OperationalError as error:
            if not is_busy(error):
                raise
            waited = "" if self.busy_timeout is None else f" (busy_timeout={self.busy_timeout})"
            raise StoreBusy.worded("the store is busy: another writer held it longer than this "
                                   "application waits{waited}; nothing of this change was "
                                   "recorded: try again", waited=waited) from None
        # From here on the change is recorded: failing would tell the host it was not, and a
        # retry would be refused as a duplicate. What followers derive is mended later (they
        # catch up from the log), so their failure is logged: kinds and log positions only,
        # never the database's text, which can quote a row.
        for name, follower in self.followers.items():
            try:
                follower(recordings)
            except (BargainingError, PersistenceError, MapperDeserialisationError) as error:
                # a store's errors speak of positions; a domain refusal's words may quote a
                # record's data, so only its kind is logged
                detail = str(error) if isinstance(error, StoreError) else type(error).__name__
                _log.warning("a change was recorded but %s is behind: %s", name, detail)
        return recordings

    def _record_together(
        self, processing_event: ProcessingEvent[UUID]
    ) -> list[Recording[UUID]]:
        """``Application.save``'s first step: aggregates saved together are put back in their
        own places before anything (the repository's cache, snapshots) reads them."""
        together = processing_event.aggregates.pop(SavedTogether.id, None)
        if isinstance(together, SavedTogether):
            processing_event.aggregates.update((a.id, a) for a in together.aggregates)
        return super()._record(processing_event)

    def _take_snapshots(self, processing_event: ProcessingEvent[UUID]) -> None:
        """``Application.save``'s step after recording: a snapshot the database refuses is
        logged, since the change it follows is recorded (a snapshot a host asks for with
        ``take_snapshot`` still raises)."""
        try:
            self._take_last_snapshots(processing_event)
        except PersistenceError as error:
            # The database's text can quote a row: only the error's kind is logged.
            _log.warning("a change was recorded but its snapshot was not (%s): loading the "
                         "unit replays its events until the next one", type(error).__name__)

    def _record(self, processing_event: ProcessingEvent[UUID]) -> list[Recording[UUID]]:
        recordings = self._record_together(processing_event)
        processing_event.heavy = heavy_records(recordings)  # type: ignore[attr-defined]
        return recordings

    def _take_last_snapshots(self, processing_event: ProcessingEvent[UUID]) -> None:
        """The snapshots a save calls for (``snapshot_policy``), put in one transaction:
        taken one by one, a thousand units of a batch reaching their interval together
        waited for the disk a thousand times (``snapshots.due_snapshots``)."""
        versions = snapshot_versions(processing_event, self.snapshotting_intervals,
                                     getattr(processing_event, "heavy", set()))
        due = due_snapshots(self, processing_event, versions)
        if due and self.snapshots is not None:
            self.snapshots.put(due)

    def construct_snapshot_store(self) -> EventsourcingStore[UUID]:
        """Snapshots keep every kind of value a record's state holds, and are sealed to their
        record, version and event (``infrastructure/snapshots.py``)."""
        transcoder = self.mapper.transcoder
        assert isinstance(transcoder, JSONTranscoder)
        mapper = snapshot_mapper(SnapshotTranscoder(transcoder), self.vault, self.mapper)
        store = SealedSnapshotStore(mapper, self.factory.aggregate_recorder(purpose="snapshots"),
                                    self.recorder, SnapshotSeal(self.raw_key))
        store.vault = self.vault
        return store

    def construct_repository(self) -> Repository[UUID]:
        """Loads a record from its latest snapshot only when the snapshot's seal holds."""
        base = super().construct_repository()
        return CheckedRepository(
            self.events, snapshot_store=self.snapshots,
            cache_maxsize=int(self.env.get(self.AGGREGATE_CACHE_MAXSIZE) or 0) or None,
            fastforward=base.fastforward, fastforward_skipping=base.fastforward_skipping,
            deepcopy_from_cache=base.deepcopy_from_cache,
        )

    def check_snapshots(self, page_size: int) -> SnapshotFindings:
        """The seal of every stored snapshot, checked against its record's events."""
        store = self.snapshots
        if not isinstance(store, SealedSnapshotStore):
            return SnapshotFindings(0, 0)
        return check_snapshots(store.recorder, self.recorder, store.seal, page_size=page_size)

    @property
    def chain(self) -> ChainedRecorder:
        """The recorder, as the hash chain's reader: every store's recorder keeps the chain
        (``infrastructure/chained_recorders.py``)."""
        chain: ChainedRecorder = self.recorder  # type: ignore[assignment]
        return chain

    # ----------------------------------------------------------------- records

    def load(
        self, record_id: object, kind: type[A], what: str, *, version: int | None = None
    ) -> A:
        """A record of the expected kind (as it was at ``version``), or a refusal in words."""
        if not isinstance(record_id, UUID):
            raise InvalidInput.worded("a {what} is named by its id (a UUID), not {record_id}",
                                      what=what, record_id=repr(record_id))
        try:
            with self.reading():
                found: object = self.repository.get(record_id, version=version)
        except AggregateNotFoundError:
            raise RecordNotFound.worded("no {what} is recorded with id {record_id}",
                                        what=what, record_id=record_id) from None
        if not isinstance(found, kind):
            raise RecordNotFound.worded("the record {record_id} is not a {what}",
                                        record_id=record_id, what=what)
        return found

    def contains(self, record_id: UUID) -> bool:
        return record_id in self.repository

    def version_at(self, record_id: UUID, moment: datetime) -> int | None:
        """The version a record had at a moment: 0 if it did not exist yet, None if never."""
        seen = False
        with self.reading():
            domain_event: Any
            for domain_event in self.events.get(record_id, desc=True):
                seen = True
                if domain_event.timestamp <= moment:
                    return int(domain_event.originator_version)
        return 0 if seen else None

    def load_where(
        self, record_id: UUID, kind: type[A], what: str,
        choose: Callable[[Sequence[Any]], Sequence[Any]],
    ) -> A | None:
        """A record replayed from the events ``choose`` picks out of all of its events, in
        recorded order, without its snapshots (a snapshot holds every event before it). An
        event's own ``apply`` is what a replay runs; the version check of ``mutate`` is for
        whole sequences, so a kept event is applied and the version and time of the last one
        kept are set."""
        with self.reading():
            events: list[Any] = list(self.events.get(record_id))
        if not events:
            raise RecordNotFound.worded("no {what} is recorded with id {record_id}",
                                        what=what, record_id=record_id)
        kept = list(choose(events))
        if not kept or kept[0] is not events[0]:
            return None
        found: Any = kept[0].mutate(None)
        for domain_event in kept[1:]:
            domain_event.apply(found)
            found.version = domain_event.originator_version
            found.modified_on = domain_event.timestamp
        if not isinstance(found, kind):
            raise RecordNotFound.worded("the record {record_id} is not a {what}",
                                        record_id=record_id, what=what)
        return found

    # --------------------------------------------------------------- the log

    def read_log(
        self, after: int, limit: int, kinds: Sequence[type[Aggregate]] = ()
    ) -> list[tuple[int, DomainEventProtocol[UUID]]]:
        """Up to ``limit`` events after a log position (of these kinds of record, if given),
        with their positions; fewer than ``limit`` means the log ends there."""
        topics = tuple(t for kind in kinds for t in aggregate_topics(kind))
        page = self.recorder.select_notifications(after + 1, limit, topics=topics)
        with self.reading():
            return [(n.id, self.mapper.to_domain_event(n)) for n in page]

    def last_position(self) -> int:
        """The position of the log's last event, of any kind (0 when it is empty)."""
        return self.recorder.max_notification_id() or 0

    def read_record(
        self, record_id: UUID, after_version: int, limit: int
    ) -> list[DomainEventProtocol[UUID]]:
        """Up to ``limit`` events of one record after a version, oldest first."""
        with self.reading():
            return list(self.events.get(record_id, gt=after_version, limit=limit))

    def first_event(self, record_id: UUID) -> DomainEventProtocol[UUID] | None:
        """A record's first event (its creation), or ``None`` if nothing is recorded."""
        first = self.recorder.select_events(record_id, limit=1)
        if not first:
            return None
        with self.reading():
            return self.mapper.to_domain_event(first[0])
