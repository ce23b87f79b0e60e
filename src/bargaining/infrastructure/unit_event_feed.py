"""The changes of bargaining units, read from the event log for the Expiry Map.

A rebuild reads every unit event there is, so the feed reads them cheaply: the fields the map
keeps are taken from each event's stored JSON (decrypted and decompressed with the
application's own cipher and compressor) without building domain events, and the stock SQLite
recorder's rows are read as plain tuples. Anything unexpected (an event that needs upcasting,
a recorder of another kind) goes the usual way, through the application's mapper.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime
from operator import itemgetter
from typing import Any
from uuid import UUID

from eventsourcing.persistence import (
    ApplicationRecorder,
    Mapper,
    MapperDeserialisationError,
    Notification,
    Recording,
)
from eventsourcing.sqlite import SQLiteApplicationRecorder

from bargaining.domain.units.agreement import CollectiveAgreement
from bargaining.domain.units.profile import PROFILE_FIELDS
from bargaining.domain.units.unit import BargainingUnit
from bargaining.infrastructure.errors import DamagedEvent
from bargaining.infrastructure.topics import stored_topics
from bargaining.infrastructure.viewstore import ViewStore
from bargaining.readmodels.expiry_map.ports import FeedBatch, UnitChange

#: The events of a unit that the map applies.
UNIT_EVENTS: tuple[type[Any], ...] = tuple(
    getattr(BargainingUnit, name)
    for name in (
        "Registered", "AgreementRecorded", "AgreementCorrected", "HeadcountChanged",
        "SectorChanged", "RegionChanged", "CityChanged", "IndustryCodeChanged",
    )
)

#: Registration fields in the order the map reads them.
_profile_of = itemgetter(*PROFILE_FIELDS)
_CHANGED_FIELD = {
    "HeadcountChanged": "headcount", "SectorChanged": "sector", "RegionChanged": "region",
    "CityChanged": "city", "IndustryCodeChanged": "industry_code",
}
_JSON = json.JSONDecoder()
#: Makes the error, in words, for a stored event that cannot be read at a log position.
Unreadable = Callable[..., Exception]
#: A stored event as read for the map: notification id, originator id, version, topic, state.
_Stored = tuple[int, Any, int, str, bytes]


class UnitEventFeed:
    """Unit events of one application's log, as the map's changes."""

    def __init__(
        self, recorder: ApplicationRecorder, mapper: Mapper[Any], store: ViewStore,
        unreadable: Unreadable | None = None,
    ) -> None:
        """``store``: the read models' tables, which share the events' database when the
        events are in SQLite or PostgreSQL; ``unreadable``: the error, in words, for an event
        that cannot be read at a position (``EventStore.unreadable``)."""
        self.recorder = recorder
        self.mapper = mapper
        self.store = store
        self.unreadable = unreadable
        self._kinds = {t: cls.__name__ for cls in UNIT_EVENTS for t in stored_topics(cls)}
        self._versions = {
            t: getattr(cls, "class_version", 1) for cls in UNIT_EVENTS for t in stored_topics(cls)
        }
        #: Every topic under which unit events the map applies may be stored.
        self.topics = list(self._kinds)
        self._sqlite: SQLiteApplicationRecorder | None = None
        if (
            isinstance(recorder, SQLiteApplicationRecorder)
            and type(recorder).select_notifications
            is SQLiteApplicationRecorder.select_notifications
            and recorder.datastore.originator_id_type == "uuid"
            and store.shares_events
        ):
            self._sqlite = recorder
        #: The stock PostgreSQL recorder's events table, read here in binary (see
        #: ``_postgres_rows``), or ``None``.
        self._pg_events = _postgres_events_table(recorder, store)

    def read(
        self, after: int, limit: int, stop: int | None, *, timed: bool, dated: bool = False
    ) -> FeedBatch | None:
        """Up to ``limit`` changes recorded after notification ``after`` (and at or before
        ``stop``), or ``None``; ``timed``: say when each was recorded; ``dated``: say the
        real-world day each counts from instead."""
        stored = self._stored_events(after, limit, stop)
        if not stored:
            return None
        decoded = self._decoded
        try:
            return FeedBatch(
                stored[0][0], stored[-1][0], [decoded(row, timed, dated) for row in stored]
            )
        except DamagedEvent as damaged:
            # The events before the damaged one, so that the map applies them; the next read
            # starts at the damaged event and raises.
            changes: list[UnitChange] = []
            for row in stored:
                try:
                    changes.append(decoded(row, timed, dated))
                except DamagedEvent:
                    if not changes:
                        raise damaged from None
                    return FeedBatch(stored[0][0], stored[len(changes) - 1][0], changes)
            raise

    def saved(
        self, recordings: Sequence[Recording[Any]], *, timed: bool, dated: bool = False
    ) -> FeedBatch | None:
        """The changes among the events of an application's save, from the domain events
        themselves; ``None`` if none is a unit's."""
        kinds = self._kinds
        relevant = [r for r in recordings if r.notification.topic in kinds]
        if not relevant:
            return None
        return FeedBatch(
            relevant[0].notification.id,
            relevant[-1].notification.id,
            [
                self._change(r.notification.topic, r.domain_event.originator_id,
                             vars(r.domain_event), timed, dated)
                for r in relevant
            ],
        )

    def recorded_between(self, after: int, upto: int) -> bool:
        return bool(self.recorder.select_notifications(
            start=after, limit=1, stop=upto, topics=self.topics, inclusive_of_start=False
        ))

    def last_position(self) -> int:
        return self.recorder.max_notification_id() or 0

    def _stored_events(self, start: int, limit: int, stop: int | None) -> list[_Stored]:
        """Unit events recorded after ``start``, as (id, originator id, version, topic, state).
        The stock SQLite recorder's rows are read here as plain tuples: building its objects
        and UUIDs was a large share of a rebuild. Any other recorder is asked as usual."""
        if self._pg_events is not None:
            return self._postgres_rows(start, limit, stop)
        recorder = self._sqlite
        if recorder is None:
            return [
                (n.id, n.originator_id, n.originator_version, n.topic, n.state)
                for n in self.recorder.select_notifications(
                    start=start, limit=limit, stop=stop, topics=self.topics,
                    inclusive_of_start=False,
                )
            ]
        params: list[Any] = [start]
        bound = ""
        if stop is not None:
            bound = " AND rowid <= ?"
            params.append(stop)
        statement = (
            "SELECT rowid, originator_id, originator_version, topic, state"
            f" FROM {recorder.events_table_name} WHERE rowid > ?{bound}"
            f" AND topic IN ({','.join('?' * len(self.topics))}) ORDER BY rowid LIMIT ?"
        )
        return self.store.rows(statement, [*params, *self.topics, limit])

    def _postgres_rows(self, start: int, limit: int, stop: int | None) -> list[_Stored]:
        """The stock PostgreSQL recorder's rows, in binary and without building its objects:
        its reading as text (each state hex-encoded, each id parsed into a UUID) was most of
        a PostgreSQL rebuild in the pure Python driver."""
        bound, params = "", [start]
        if stop is not None:
            bound = " AND notification_id <= %s"
            params.append(stop)
        return self.store.rows(
            f"SELECT notification_id, originator_id::text, originator_version, topic, state"
            f" FROM {self._pg_events} WHERE notification_id > %s{bound}"
            " AND topic = ANY(%s) ORDER BY notification_id LIMIT %s",
            [*params, self.topics, limit], binary=True,
        )

    def _decoded(self, row: _Stored, timed: bool, dated: bool) -> UnitChange:
        """The fields the map needs, read from the stored JSON without building domain
        objects (decoding was most of a rebuild). Anything unexpected goes through the
        application's mapper, which also raises its own errors (a wrong key, say)."""
        position, originator_id, version, topic, stored = row
        mapper = self.mapper
        try:
            data = stored
            if mapper.cipher is not None:
                data = mapper.cipher.decrypt(data)
            if mapper.compressor is not None:
                data = mapper.compressor.decompress(data)
            state = _JSON.decode(data.decode("utf8"))
            if state.get("class_version", 1) != self._versions[topic]:
                raise ValueError("the event needs upcasting")
            unit = originator_id if self._sqlite is None else _dashed(originator_id)
            return self._change(topic, unit, state, timed, dated)
        except Exception:
            if self._sqlite is not None:
                originator_id = self._sqlite.convert_originator_id(originator_id)
            elif self._pg_events is not None:
                originator_id = UUID(originator_id)
            try:
                event = mapper.to_domain_event(
                    Notification(id=position, originator_id=originator_id,
                                 originator_version=version, topic=topic, state=stored)
                )
            except (MapperDeserialisationError, ValueError) as error:
                if self.unreadable is None:
                    raise
                raise self.unreadable(error, position=position) from None
            return self._change(topic, event.originator_id, vars(event), timed, dated)

    def _change(
        self, topic: str, originator_id: Any, state: dict[str, Any], timed: bool,
        dated: bool = False,
    ) -> UnitChange:
        """One event as the map applies it; ``state`` holds domain values (an event's own
        attributes) or their stored JSON form."""
        kind = self._kinds[topic]
        values: tuple[Any, ...]
        if kind == "Registered":
            values = _profile_of(state)
        elif kind == "AgreementRecorded":
            values = _agreement_dates(state["agreement"])
        elif kind == "AgreementCorrected":
            values = (_iso(state["expiry"]), *_agreement_dates(state["corrected"]))
        else:
            values = (state[_CHANGED_FIELD[kind]],)
        when: date | None = None
        if dated:
            when = _real_day(kind, state)
        elif timed:
            when = _moment(state["timestamp"])
        return kind, str(originator_id), when, values


def _postgres_events_table(recorder: ApplicationRecorder, store: ViewStore) -> str | None:
    """The events table of the stock PostgreSQL recorder (UUID ids, notifications read as
    ``eventsourcing`` reads them) in the read models' own database, else ``None``."""
    if store.dialect != "postgres" or not store.shares_events:
        return None
    from eventsourcing.postgres import PostgresApplicationRecorder

    if (
        isinstance(recorder, PostgresApplicationRecorder)
        and type(recorder).select_notifications
        is PostgresApplicationRecorder.select_notifications
        and recorder.datastore.originator_id_type == "uuid"
    ):
        return store.table(f'"{recorder.events_table_name}"')
    return None


def _dashed(hex_id: str) -> str:
    """A UUID as SQLite stores it (32 hex digits) in the map's usual text form."""
    if len(hex_id) != 32:
        raise ValueError(f"not a stored UUID: {hex_id!r}")
    return f"{hex_id[:8]}-{hex_id[8:12]}-{hex_id[12:16]}-{hex_id[16:20]}-{hex_id[20:]}"


def _stored(value: dict[str, Any], name: str) -> Any:
    """The data of a value in an event's stored JSON, checked to be of the expected kind."""
    if value["_type_"] != name:
        raise ValueError(f"expected a stored {name}, found {value['_type_']}")
    return value["_data_"]


def _iso(value: Any) -> str | None:
    """A date as ISO text, from a ``date`` or its stored JSON form."""
    if value is None:
        return None
    if isinstance(value, date):
        return value.isoformat()
    data = _stored(value, "date_iso")
    if not isinstance(data, str):
        raise ValueError(f"a stored date is text, not {data!r}")
    return data


def _agreement_dates(value: Any) -> tuple[str | None, str | None, str | None]:
    """An agreement's expiry, effective and settlement dates as ISO text, from either form."""
    if isinstance(value, CollectiveAgreement):
        return value.expiry.isoformat(), _iso(value.effective), _iso(value.settled)
    data = _stored(value, "collective_agreement")
    return _iso(data["expiry"]), _iso(data["effective"]), _iso(data.get("settled"))


def _real_day(kind: str, state: dict[str, Any]) -> date | None:
    """The real-world day a unit's change counts from: a count's day, else the day it was
    recorded (UTC); ``None`` for a registration, which counts on every day. An agreement's
    events give the day they were recorded: the agreement counts by its dates as corrected
    (``bargaining.domain.units.corrected``), which the change's values carry."""
    day: Any = None
    if kind == "Registered":
        return None
    if kind == "HeadcountChanged":
        day = _iso(state.get("counted_on"))
    if day is None:
        return _moment(state["timestamp"]).astimezone(UTC).date()
    return day if isinstance(day, date) else date.fromisoformat(day)


def _moment(value: Any) -> datetime:
    """An event's timestamp, from either form."""
    if isinstance(value, datetime):
        return value
    return datetime.fromisoformat(_stored(value, "datetime_iso"))
