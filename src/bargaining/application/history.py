"""History a person can read: any record's events as entries, and the application's audit log.

Members must be able to see who decided what, when and why. An entry gives the event's name, a
one-line summary in plain language, who acted (id and role), the reason, when it was recorded and,
where the fact has one, the real-world date it happened, with the event's data in JSON-safe
values. The audit log streams the whole notification log page by page, so an export of a million
events never holds them all in memory.
"""

from __future__ import annotations

import enum
import json
from collections import OrderedDict
from collections.abc import Iterator, Mapping
from contextlib import AbstractContextManager
from datetime import UTC, date, datetime
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any
from uuid import UUID

import attrs

from bargaining.domain.shared.actor import Actor
from bargaining.domain.shared.errors import InvalidInput, RecordNotFound
from bargaining.infrastructure.topics import aggregate_topics
from bargaining.presentation.summaries import (
    AGGREGATES,
    actor_of,
    display_name,
    occurred_on,
    reason_of,
    summarize,
)

if TYPE_CHECKING:
    from eventsourcing.persistence import ApplicationRecorder, EventStore, Mapper

#: The columns of an exported entry, in order. Stable: a new column is only ever appended.
COLUMNS = (
    "position", "recorded_at", "occurred_on", "aggregate_kind", "aggregate_id", "version",
    "event", "actor_id", "actor_role", "reason", "summary", "data",
)
#: Event fields shown in their own columns, so not repeated inside ``data``.
_OWN_COLUMNS = frozenset(
    {"originator_id", "originator_version", "originator_topic", "timestamp", "actor", "reason"}
)
#: How many record names the audit log remembers while it streams (names never change).
NAME_CACHE_SIZE = 4096
MAX_PAGE = 10_000


@attrs.frozen
class HistoryEntry:
    """One recorded event as a person reads it.

    ``position`` is the event's place in the application's log when known (the audit log knows
    it; a single record's history does not). ``recorded_at`` is when it was recorded (UTC);
    ``occurred_on`` is the real-world date of the fact, when it differs (a vote held last
    Tuesday, an agreement settled in June).
    """

    position: int | None
    recorded_at: datetime
    occurred_on: date | None
    aggregate_kind: str
    aggregate_id: UUID
    version: int
    event: str
    actor_id: str | None
    actor_role: str | None
    reason: str | None
    summary: str
    data: dict[str, Any]

    def as_record(self) -> dict[str, Any]:
        """The entry as JSON-safe values keyed by :data:`COLUMNS`, in that order."""
        return {
            "position": self.position,
            "recorded_at": self.recorded_at.isoformat(),
            "occurred_on": self.occurred_on.isoformat() if self.occurred_on else None,
            "aggregate_kind": self.aggregate_kind,
            "aggregate_id": str(self.aggregate_id),
            "version": self.version,
            "event": self.event,
            "actor_id": self.actor_id,
            "actor_role": self.actor_role,
            "reason": self.reason,
            "summary": self.summary,
            "data": self.data,
        }

    @classmethod
    def from_record(cls, record: Mapping[str, Any]) -> HistoryEntry:
        """An entry read back from an export: a JSON Lines object or a CSV row (where every
        value is text, empty meaning none, and ``data`` is JSON text)."""
        def text(name: str) -> str | None:
            value = record.get(name)
            return None if value in (None, "") else str(value)

        data = record.get("data") or {}
        position = text("position")
        occurred = text("occurred_on")
        return cls(
            position=int(position) if position is not None else None,
            recorded_at=datetime.fromisoformat(str(record["recorded_at"])),
            occurred_on=date.fromisoformat(occurred) if occurred else None,
            aggregate_kind=str(record["aggregate_kind"]),
            aggregate_id=UUID(str(record["aggregate_id"])),
            version=int(record["version"]),
            event=str(record["event"]),
            actor_id=text("actor_id"),
            actor_role=text("actor_role"),
            reason=text("reason"),
            summary=str(record["summary"]),
            data=json.loads(data) if isinstance(data, str) else dict(data),
        )


@attrs.frozen
class AuditPage:
    """One page of the audit log; pass ``next_after`` back as ``after`` for the next page
    (``None``: this was the last)."""

    entries: tuple[HistoryEntry, ...]
    next_after: int | None


def plain(value: Any) -> Any:
    """A value as JSON can hold it: dates and ids as ISO text, exact numbers as text, value
    objects as dicts, enums as their value."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, date):  # datetimes too
        return value.isoformat()
    if isinstance(value, UUID | Fraction | Decimal):
        return str(value)
    if isinstance(value, enum.Enum):
        return plain(value.value)
    if attrs.has(type(value)):
        return {f.name: plain(getattr(value, f.name)) for f in attrs.fields(type(value))}
    if isinstance(value, Mapping):
        return {str(plain(k)): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [plain(v) for v in value]
    return str(value)


def event_data(event: Any) -> dict[str, Any]:
    """The event's own data (without what the entry shows in columns), JSON-safe."""
    return {k: plain(v) for k, v in vars(event).items() if k not in _OWN_COLUMNS}


class _Names:
    """A bounded memory of record names, so a long export does not reload them per event."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.known: OrderedDict[UUID, str] = OrderedDict()

    def get(self, record_id: UUID) -> str | None:
        name = self.known.get(record_id)
        if name is not None:
            self.known.move_to_end(record_id)
        return name

    def put(self, record_id: UUID, name: str) -> None:
        self.known[record_id] = name
        if len(self.known) > self.size:
            self.known.popitem(last=False)


def _kind_topics(kind: str) -> tuple[str, ...]:
    return aggregate_topics(AGGREGATES[kind])


def _aware(value: object, what: str) -> datetime | None:
    if value is None:
        return None
    if not isinstance(value, datetime):
        raise InvalidInput(f"'{what}' must be a date-time with a time zone, not {value!r}")
    if value.tzinfo is None or value.utcoffset() is None:
        raise InvalidInput(
            f"'{what}' must say its time zone (for example datetime(..., tzinfo=timezone.utc)); "
            "a naive date-time is ambiguous"
        )
    return value


def _whole(value: object, what: str, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise InvalidInput(f"{what} must be a whole number from {low:,} to {high:,}, not {value!r}")
    return value


@attrs.frozen
class _Filters:
    actor: str | Actor | None
    kind: str | None
    record: UUID | None
    since: datetime | None
    until: datetime | None

    @classmethod
    def check(
        cls, actor: object, kind: object, record: object, since: object, until: object
    ) -> _Filters:
        if not (actor is None or isinstance(actor, str | Actor)):
            raise InvalidInput(
                f"filter by an actor's id or an Actor, not a {type(actor).__name__}"
            )
        if isinstance(kind, type):
            kind = kind.__name__
        if not (kind is None or (isinstance(kind, str) and kind in AGGREGATES)):
            raise InvalidInput(
                f"the kind of record is one of {', '.join(AGGREGATES)}, not {kind!r}"
            )
        if not (record is None or isinstance(record, UUID)):
            raise InvalidInput(f"a record is named by its id (a UUID), not {record!r}")
        start, end = _aware(since, "since"), _aware(until, "until")
        if start is not None and end is not None and end < start:
            raise InvalidInput(f"the time range ends ({end}) before it starts ({start})")
        return cls(actor, kind, record, start, end)

    def keeps(self, entry: HistoryEntry) -> bool:
        if isinstance(self.actor, Actor):
            if (entry.actor_id, entry.actor_role) != (self.actor.id, self.actor.role):
                return False
        elif self.actor is not None and entry.actor_id != self.actor:
            return False
        if self.kind is not None and entry.aggregate_kind != self.kind:
            return False
        if self.record is not None and entry.aggregate_id != self.record:
            return False
        if self.since is not None and entry.recorded_at < self.since:
            return False
        return self.until is None or entry.recorded_at < self.until


class HistoryQueries:
    """History and the audit log, mixed into :class:`~bargaining.BargainingApp`."""

    if TYPE_CHECKING:
        recorder: ApplicationRecorder
        mapper: Mapper[UUID]
        events: EventStore[UUID]

        def _reading(self) -> AbstractContextManager[None]: ...

    def history(self, record_id: UUID) -> list[HistoryEntry]:
        """Every event of one record (unit, framework, cluster, round or campaign), oldest
        first."""
        filters = _Filters.check(None, None, record_id, None, None)
        entries = [entry for _, entry in self._record_entries(filters, after=0, page_size=500)]
        if not entries:
            raise RecordNotFound(f"no record is kept with id {record_id}")
        return entries

    def audit_log(
        self,
        *,
        actor: str | Actor | None = None,
        kind: str | type[Any] | None = None,
        record: UUID | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
        page_size: int = 500,
    ) -> Iterator[HistoryEntry]:
        """The application's events, oldest first, read ``page_size`` at a time.

        Filters: ``actor`` (an id, or an ``Actor`` to match id and role), ``kind`` (the kind
        of record: ``"BargainingUnit"``, ``"DemandFramework"``, ``"BargainingCluster"``,
        ``"BargainingRound"``, ``"Campaign"``), ``record`` (one record's id), and recorded
        ``since`` (inclusive) and ``until`` (exclusive), time-zone-aware. Bad filters are
        refused at once, before anything is read.
        """
        filters = _Filters.check(actor, kind, record, since, until)
        size = _whole(page_size, "the page size", 1, MAX_PAGE)
        return (entry for _, entry in self._stream(filters, after=0, page_size=size))

    def audit_page(
        self,
        *,
        after: int = 0,
        limit: int = 100,
        actor: str | Actor | None = None,
        kind: str | type[Any] | None = None,
        record: UUID | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
    ) -> AuditPage:
        """Up to ``limit`` entries after the cursor ``after``, for a host paging a view.

        The cursor is a log position; with ``record=`` it is a version of that record.
        """
        filters = _Filters.check(actor, kind, record, since, until)
        start = _whole(after, "'after'", 0, 2**63 - 1)
        size = _whole(limit, "the page limit", 1, MAX_PAGE)
        entries: list[HistoryEntry] = []
        cursor = start
        for cursor, entry in self._stream(filters, after=start, page_size=size):
            entries.append(entry)
            if len(entries) == size:
                return AuditPage(tuple(entries), cursor)
        return AuditPage(tuple(entries), None)

    # --------------------------------------------------------------- reading

    def _stream(
        self, filters: _Filters, *, after: int, page_size: int
    ) -> Iterator[tuple[int, HistoryEntry]]:
        if filters.record is not None:
            yield from self._record_entries(filters, after=after, page_size=page_size)
            return
        topics = _kind_topics(filters.kind) if filters.kind is not None else ()
        start = after + 1
        while True:
            page = self.recorder.select_notifications(start, page_size, topics=topics)
            for notification in page:
                with self._reading():
                    event = self.mapper.to_domain_event(notification)
                entry = self._entry(event, notification.id)
                if filters.keeps(entry):
                    yield notification.id, entry
            if len(page) < page_size:
                return
            start = page[-1].id + 1

    def _record_entries(
        self, filters: _Filters, *, after: int, page_size: int
    ) -> Iterator[tuple[int, HistoryEntry]]:
        assert filters.record is not None
        last = after
        while True:
            with self._reading():
                page = list(self.events.get(filters.record, gt=last, limit=page_size))
            for event in page:
                entry = self._entry(event, None)
                if filters.keeps(entry):
                    yield entry.version, entry
            if len(page) < page_size:
                return
            last = page[-1].originator_version

    def _entry(self, event: Any, position: int | None) -> HistoryEntry:
        actor = actor_of(event)
        recorded: datetime = event.timestamp
        return HistoryEntry(
            position=position,
            recorded_at=recorded.astimezone(UTC),
            occurred_on=occurred_on(event),
            aggregate_kind=type(event).__qualname__.split(".")[0],
            aggregate_id=event.originator_id,
            version=event.originator_version,
            event=type(event).__name__,
            actor_id=actor.id if actor else None,
            actor_role=actor.role if actor else None,
            reason=reason_of(event),
            summary=summarize(event, self._record_name),
            data=event_data(event),
        )

    def _record_name(self, record_id: UUID) -> str:
        """A record's display name from its first event, remembered; its id when unknown."""
        names: _Names | None = self.__dict__.get("_history_names")
        if names is None:
            names = self.__dict__["_history_names"] = _Names(NAME_CACHE_SIZE)
        name = names.get(record_id)
        if name is None:
            first = self.recorder.select_events(record_id, limit=1)
            if not first:
                return str(record_id)
            with self._reading():
                event = self.mapper.to_domain_event(first[0])
            name = display_name(event, self._record_name) or str(record_id)
            names.put(record_id, name)
        return name
