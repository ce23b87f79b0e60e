"""History a person can read: any record's events as entries, the audit log, time travel.

Members must be able to see who decided what, when and why (entries are
:class:`~bargaining.presentation.history_entries.HistoryEntry`). The audit log streams the whole
event log page by page, so an export of a million events never holds them all in memory. Any
record can also be read as it stood at a version or a moment of recording.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterator
from datetime import UTC, date, datetime
from typing import Any
from uuid import UUID

import attrs
from eventsourcing.domain import Aggregate

from bargaining.application.ports import EventLog, Records
from bargaining.application.read_access import ReadAccess, ReadSession, workplace_as_read
from bargaining.application.time_travel import load_as_of, load_on, load_version
from bargaining.domain.organizing.workplace import Workplace
from bargaining.domain.people.reading import Reader, ReadPolicy
from bargaining.domain.shared.actor import Actor
from bargaining.domain.shared.errors import InvalidInput, RecordNotFound, term
from bargaining.domain.shared.language import Language, current_language, reading_in
from bargaining.presentation.history_entries import (
    AuditPage,
    HistoryEntry,
    aggregate_kind,
    event_data,
)
from bargaining.presentation.summaries import (
    AGGREGATES,
    actor_of,
    display_name,
    occurred_on,
    reason_of,
    summarize,
)

#: How many record names the audit log remembers while it streams (names never change).
NAME_CACHE_SIZE = 4096
MAX_PAGE = 10_000


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


def _aware(value: object, what: str) -> datetime | None:
    if value is None:
        return None
    if not isinstance(value, datetime):
        raise InvalidInput.worded("'{what}' must be a date-time with a time zone, not {value}",
                                  what=what, value=repr(value))
    if value.tzinfo is None or value.utcoffset() is None:
        raise InvalidInput.worded("'{what}' must say its time zone (for example datetime(..., "
                                  "tzinfo=timezone.utc)); a naive date-time is ambiguous",
                                  what=what)
    return value


def _whole(value: object, what: str, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise InvalidInput.worded("{what} must be a whole number from {low:,} to {high:,}, not "
                                  "{value}", what=what, low=low, high=high, value=repr(value))
    return value


@attrs.frozen
class _Filters:
    actor: str | Actor | None
    kind: str | None
    record: UUID | None
    since: datetime | None
    until: datetime | None
    #: Not a filter: the language the kept entries' summaries are written in.
    language: Language | None = None

    @classmethod
    def check(
        cls, actor: object, kind: object, record: object, since: object, until: object,
        language: Language | None = None,
    ) -> _Filters:
        if not (actor is None or isinstance(actor, str | Actor)):
            raise InvalidInput.worded("filter by an actor's id or an Actor, not a {name}",
                                      name=type(actor).__name__)
        if isinstance(kind, type):
            kind = kind.__name__
        if not (kind is None or (isinstance(kind, str) and kind in AGGREGATES)):
            raise InvalidInput.worded("the kind of record is one of {aggregates}, not {kind}",
                                      aggregates=', '.join(AGGREGATES), kind=repr(kind))
        if not (record is None or isinstance(record, UUID)):
            raise InvalidInput.worded("a record is named by its id (a UUID), not {record}",
                                      record=repr(record))
        start, end = _aware(since, term("since")), _aware(until, term("until"))
        if start is not None and end is not None and end < start:
            raise InvalidInput.worded("the time range ends ({end}) before it starts ({start})",
                                      end=end, start=start)
        return cls(actor, kind, record, start, end, language)

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


class History:
    """History a person can read, the audit log, and any record as it stood before."""

    def __init__(self, log: EventLog, records: Records,
                 language: Language | str | None = None,
                 access: ReadAccess | None = None) -> None:
        self._log = log
        self._records = records
        #: The read policy: who may read what, whose data they see, reads recorded.
        self.access = access or ReadAccess(records, ReadPolicy(), lambda _: frozenset())
        #: The language summaries are written in when a call does not choose one (``None``:
        #: ``BARGAINING_LANGUAGE``, else English).
        self.language = Language.chosen(language)
        self._names: dict[Language | None, _Names] = {}

    def _language(self, language: Language | str | None) -> Language | None:
        """The call's language, else the application's (checked before anything is read)."""
        return self.language if language is None else Language.of(language)

    def of(self, record_id: UUID, *, language: Language | str | None = None,
           reader: Reader | None = None) -> list[HistoryEntry]:
        """Every event of one record (unit, framework, cluster, round or campaign), oldest
        first; summaries in ``language`` (``"en"`` or ``"fr"``; default the application's).
        People's data shows only to a ``reader`` the read policy lets see it (and the read is
        recorded); to others, and without a reader, a person reads as "a person"."""
        filters = _Filters.check(None, None, record_id, None, None, self._language(language))
        session = self.access.session(reader, "history", record_id)
        entries = [entry for _, entry in
                   self._record_entries(filters, after=0, page_size=500, session=session)]
        if not entries:
            with reading_in(filters.language):  # the refusal in the call's language
                raise RecordNotFound.worded("no record is kept with id {id}", id=str(record_id))
        session.flush()
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
        language: Language | str | None = None,
        reader: Reader | None = None,
    ) -> Iterator[HistoryEntry]:
        """The application's events, oldest first, read ``page_size`` at a time.

        Filters: ``actor`` (an id, or an ``Actor`` to match id and role), ``kind`` (the kind
        of record: ``"BargainingUnit"``, ``"DemandFramework"``, ``"BargainingCluster"``,
        ``"BargainingRound"``, ``"Campaign"``), ``record`` (one record's id), and recorded
        ``since`` (inclusive) and ``until`` (exclusive), time-zone-aware. Bad filters are
        refused at once, before anything is read. Summaries are in ``language`` (default the
        application's). A ``reader`` whose role may not read the audit log is refused
        (:class:`NotAllowedToRead`) at once; people's data shows as :meth:`of` says.
        """
        filters = _Filters.check(actor, kind, record, since, until, self._language(language))
        size = _whole(page_size, term("the page size"), 1, MAX_PAGE)
        session = self.access.audit(reader, record)
        return (entry for _, entry in self._stream(filters, after=0, page_size=size,
                                                   session=session))

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
        language: Language | str | None = None,
        reader: Reader | None = None,
    ) -> AuditPage:
        """Up to ``limit`` entries after the cursor ``after``, for a host paging a view.

        The cursor is a log position; with ``record=`` it is a version of that record.
        Summaries are in ``language`` (default the application's); ``reader`` as
        :meth:`audit_log` says.
        """
        filters = _Filters.check(actor, kind, record, since, until, self._language(language))
        start = _whole(after, term("'after'"), 0, 2**63 - 1)
        size = _whole(limit, term("the page limit"), 1, MAX_PAGE)
        session = self.access.audit(reader, record)
        entries: list[HistoryEntry] = []
        cursor = start
        for cursor, entry in self._stream(filters, after=start, page_size=size,
                                          session=session):
            entries.append(entry)
            if len(entries) == size:
                return AuditPage(tuple(entries), cursor)
        return AuditPage(tuple(entries), None)

    def as_of(
        self,
        record_id: UUID,
        *,
        version: int | None = None,
        at: datetime | None = None,
        on: date | None = None,
        reader: Reader | None = None,
    ) -> Aggregate:
        """Any record (unit, cluster, round, framework, campaign) at a version, as it was known
        at a moment, or as it was on a real-world date.

        Give exactly one of ``version`` (1 is the record as first created), ``at`` (a
        timezone-aware date-time: "as known at T", the events recorded by then) or ``on`` (a
        date: "as it was on D", the events whose real-world day is on or before D, see
        :mod:`bargaining.application.time_travel`). The record comes back as it was then,
        without changing it. A workplace's people show as :meth:`of` says (their data only
        to a ``reader`` the read policy lets see it, the read recorded; "a person" to others
        and without a reader), and a ``reader`` who may not read the record's history (a
        member, of a workplace's) is refused (:class:`NotAllowedToRead`) before it is read.
        """
        if sum(x is not None for x in (version, at, on)) != 1:
            raise InvalidInput.worded("say which version, which moment (at=) or which day (on=): "
                                      "exactly one")
        session = self.access.session(reader, "history", record_id)
        first = (self._log.first_event(record_id)
                 if session.reader is not None and isinstance(record_id, UUID) else None)
        if first is not None:
            self.access.policy.check_record(session.reader, aggregate_kind(type(first)))
        found: Aggregate
        if on is not None:
            found = load_on(self._records, record_id, Aggregate, term("record"), on)
        elif version is None:
            found = load_as_of(self._records, record_id, Aggregate, term("record"), at)
        else:
            found = load_version(self._records, record_id, Aggregate, term("record"), version)
        if isinstance(found, Workplace):
            found = workplace_as_read(found, session)
            session.flush()
        return found

    # --------------------------------------------------------------- reading

    def _stream(
        self, filters: _Filters, *, after: int, page_size: int, session: ReadSession
    ) -> Iterator[tuple[int, HistoryEntry]]:
        """Entries page by page; the people whose data a page showed are recorded before
        the page is handed out."""
        if filters.record is not None:
            yield from self._record_entries(filters, after=after, page_size=page_size,
                                            session=session)
            return
        kinds = (AGGREGATES[filters.kind],) if filters.kind is not None else ()
        start = after
        while True:
            page = self._log.read_log(start, page_size, kinds)
            allowed = self.access.policy.may_read_record
            kept = [(position, entry) for position, entry in
                    ((p, self._entry(e, p, filters.language, session)) for p, e in page)
                    if allowed(session.reader, entry.aggregate_kind)
                    and session.settle(filters.keeps(entry))]
            session.flush()
            yield from kept
            if len(page) < page_size:
                return
            start = page[-1][0]

    def _record_entries(
        self, filters: _Filters, *, after: int, page_size: int, session: ReadSession
    ) -> Iterator[tuple[int, HistoryEntry]]:
        assert filters.record is not None
        first = self._log.first_event(filters.record) if session.reader is not None else None
        if first is not None:
            self.access.policy.check_record(session.reader, aggregate_kind(type(first)))
        last = after
        while True:
            page = self._log.read_record(filters.record, last, page_size)
            kept = [(entry.version, entry) for entry in
                    (self._entry(e, None, filters.language, session) for e in page)
                    if session.settle(filters.keeps(entry))]
            session.flush()
            yield from kept
            if len(page) < page_size:
                return
            last = page[-1].originator_version

    def _entry(self, event: Any, position: int | None, language: Language | None,
               session: ReadSession) -> HistoryEntry:
        actor = actor_of(event)
        recorded: datetime = event.timestamp
        with reading_in(language):
            summary = summarize(event, self._record_name)
            reason = reason_of(event)  # "[redacted]" in the reader's language
            data = event_data(event, session.sees(event))
        return HistoryEntry(
            position=position,
            recorded_at=recorded.astimezone(UTC),
            occurred_on=occurred_on(event),
            aggregate_kind=aggregate_kind(type(event)),
            aggregate_id=event.originator_id,
            version=event.originator_version,
            event=type(event).__name__,
            actor_id=actor.id if actor else None,
            actor_role=actor.role if actor else None,
            reason=reason,
            summary=summary,
            data=data,
        )

    def _record_name(self, record_id: UUID) -> str:
        """A record's display name from its first event, remembered (by language: a table's
        name is worded); its id when unknown."""
        names = self._names.setdefault(current_language(), _Names(NAME_CACHE_SIZE))
        name = names.get(record_id)
        if name is None:
            first = self._log.first_event(record_id)
            if first is None:
                return str(record_id)
            name = display_name(first, self._record_name) or str(record_id)
            names.put(record_id, name)
        return name
