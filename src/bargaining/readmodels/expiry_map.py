"""The Expiry Map: who bargains when, built from the event log into SQL tables.

It pulls the application's notification log (SQLite cannot push), applies unit events to its
tables and advances its tracking position in the same transaction, so a restarted host resumes
where it stopped and a rebuild from scratch gives the same answers.
"""

from __future__ import annotations

import calendar
import heapq
import json
import uuid
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from itertools import accumulate
from operator import itemgetter
from typing import Any, NamedTuple
from uuid import UUID

import attrs
from eventsourcing.application import Application
from eventsourcing.persistence import Notification, PersistenceError, Recording
from eventsourcing.sqlite import SQLiteApplicationRecorder

from bargaining.domain.shared.errors import InvalidInput, UnitNotFound
from bargaining.domain.units.agreement import CollectiveAgreement
from bargaining.domain.units.open_period import OpenPeriod, OpenPeriodCalendar
from bargaining.domain.units.unit import MAX_TEXT, BargainingUnit
from bargaining.infrastructure.errors import MapBehind
from bargaining.infrastructure.sealing import NameSealer
from bargaining.infrastructure.topics import stored_topics
from bargaining.infrastructure.viewstore import ViewStore
from bargaining.readmodels.expiry_index import KEPT_UNITS, ExpiryIndex, IndexGroup

Filter = str | Iterable[str] | None

UNIT_EVENTS: tuple[type[Any], ...] = tuple(
    getattr(BargainingUnit, name)
    for name in (
        "Registered", "AgreementRecorded", "AgreementCorrected", "HeadcountChanged",
        "SectorChanged", "RegionChanged", "CityChanged", "IndustryCodeChanged",
    )
)


#: Registration fields in the order the map reads them.
_PROFILE = (
    "union", "local", "employer", "unit_name", "sector", "region", "city", "headcount",
    "industry_code",
)
_profile_of = itemgetter(*_PROFILE)
_CHANGED_FIELD = {
    "HeadcountChanged": "headcount", "SectorChanged": "sector", "RegionChanged": "region",
    "CityChanged": "city", "IndustryCodeChanged": "industry_code",
}
# Slots of a units row as the map inserts it (see ``ExpiryMap._insert_unit``).
_SECTOR, _REGION, _CITY, _HEADCOUNT, _INDUSTRY, _EXPIRY = 7, 9, 11, 12, 13, 14

#: An event as the map applies it: kind, unit id, timestamp (only read for ``until``), values.
_Change = tuple[str, str, datetime | None, tuple[Any, ...]]
_JSON = json.JSONDecoder()
#: A window of cluster candidates, ordered so the smallest is the heaviest: (-workers, -units,
#: first expiry's day ordinal, sector, group rank, start, end); start and end index the group's
#: units.
_Window = tuple[int, int, int, str, int, int, int]
#: A stored event as read for the map: notification id, originator id, version, topic, state.
_Stored = tuple[int, Any, int, str, bytes]


class _Batch:
    """What one transaction writes. Units registered in the batch are inserted once with their
    later changes already in the row, so most events cost no UPDATE of their own."""

    def __init__(self) -> None:
        self.rows: list[list[Any]] = []
        self.new: dict[str, list[Any]] = {}
        self.agreements: list[tuple[str, tuple[Any, ...]]] = []
        self.updates: list[tuple[str, tuple[Any, ...]]] = []
        self.touched: set[str] = set()
        self.applied = 0


class MapUnit(NamedTuple):
    """A unit as the map shows it, with its current agreement's dates (a light tuple, as
    queries may return thousands)."""

    unit_id: UUID
    union: str
    local: str
    employer: str
    unit_name: str
    sector: str
    region: str
    city: str
    headcount: int
    industry_code: str
    expiry: date | None
    effective: date | None

    @property
    def label(self) -> str:
        return f"{f'{self.union} {self.local}'.strip()}, {self.employer} ({self.unit_name})"


@attrs.frozen
class MonthRow:
    """One month of the expiry table: units whose current agreement expires in it."""

    month: str  # "YYYY-MM"
    units: int
    workers: int


@attrs.frozen
class ClusterCandidate:
    """Units of one sector (and region) whose expiries fall within a window: a possible cluster."""

    sector: str
    region: str | None
    first_expiry: date
    last_expiry: date
    units: tuple[MapUnit, ...]

    @property
    def workers(self) -> int:
        return sum(u.headcount for u in self.units)

    @property
    def unit_count(self) -> int:
        return len(self.units)


@attrs.frozen
class OpenPeriodEntry:
    """A unit inside an open period on a given date."""

    unit: MapUnit
    period: str
    opens: date
    closes: date


def _values(value: Filter, what: str) -> list[str] | None:
    if value is None:
        return None
    items = [value] if isinstance(value, str) else list(value)
    if not items or not all(isinstance(v, str) and v.strip() for v in items):
        raise InvalidInput(f"the {what} filter needs one or more non-blank names")
    return items


def _check_range(start: date, end: date) -> None:
    for d in (start, end):
        if not isinstance(d, date):
            raise InvalidInput(f"date ranges need dates (YYYY-MM-DD), not {d!r}")
    if end < start:
        raise InvalidInput(f"the date range ends ({end}) before it starts ({start})")


class ExpiryMap:
    """Read model answering "who bargains when" without replaying the log per query."""

    #: Which indexed query at one position builds the memory index: those before it read SQL.
    ASKS_BEFORE_INDEX = 3

    def __init__(
        self,
        app: Application[Any],
        sealer: NameSealer,
        *,
        name: str = "expiry_map",
        stop: int | None = None,
        until: datetime | None = None,
    ):
        """``name`` prefixes the map's tables; ``stop`` (a notification id) holds the map at
        that point of the log, and ``until`` (a timezone-aware date-time) skips events stamped
        after it, for a map as of a past moment."""
        if until is not None and (not isinstance(until, datetime) or until.utcoffset() is None):
            raise InvalidInput(
                f"until must be a timezone-aware date-time (events are stamped in UTC), "
                f"not {until!r}"
            )
        self.app = app
        self.name = name
        self.stop = stop
        self.until = until
        self.store = ViewStore(app)
        self.sealer = sealer
        self._ids: dict[str, UUID] = {}
        self._index: ExpiryIndex | None = None
        #: (position, how many indexed queries asked it while it had no index)
        self._asks: tuple[int, int] | None = None
        self.units_table = self.store.table(f"{name}_units")
        self.agreements_table = self.store.table(f"{name}_agreements")
        self.tracking_table = self.store.table(f"{name}_tracking")
        self._insert_unit = (
            f"INSERT INTO {self.units_table} (unit_id, union_name, local_name, employer,"
            " unit_name, union_key, employer_key, sector, sector_key, region, region_key,"
            " city, headcount, industry_code, current_expiry, current_effective)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
        )
        self._insert_agreement = (
            f"INSERT INTO {self.agreements_table} (unit_id, expiry, effective) VALUES (?,?,?)"
        )
        self._delete_agreement = (
            f"DELETE FROM {self.agreements_table} WHERE unit_id = ? AND expiry = ?"
        )
        self._raise_expiry = (
            f"UPDATE {self.units_table} SET current_expiry = ?, current_effective = ?"
            " WHERE unit_id = ? AND (current_expiry IS NULL OR current_expiry < ?)"
        )
        seal = self.sealer.seal
        # Profile events: the row slots they set, the UPDATE for a unit already in the
        # table, and the stored values.
        self._profile_changes: dict[str, tuple[tuple[int, ...], str, Any]] = {
            "HeadcountChanged": ((_HEADCOUNT,), self._update("headcount"), lambda v: (v,)),
            "SectorChanged": (
                (_SECTOR, _SECTOR + 1), self._update("sector", "sector_key"),
                _indexed,
            ),
            "RegionChanged": (
                (_REGION, _REGION + 1), self._update("region", "region_key"),
                _indexed,
            ),
            "CityChanged": ((_CITY,), self._update("city"), lambda v: (seal(v),)),
            "IndustryCodeChanged": (
                (_INDUSTRY,), self._update("industry_code"), lambda v: (v,)
            ),
        }
        self._kinds = {t: cls.__name__ for cls in UNIT_EVENTS for t in stored_topics(cls)}
        self._versions = {
            t: getattr(cls, "class_version", 1) for cls in UNIT_EVENTS for t in stored_topics(cls)
        }
        self.topics = list(self._kinds)
        recorder = app.recorder
        self._sqlite: SQLiteApplicationRecorder | None = None
        if (
            isinstance(recorder, SQLiteApplicationRecorder)
            and type(recorder).select_notifications
            is SQLiteApplicationRecorder.select_notifications
            and recorder.datastore.originator_id_type == "uuid"
            and self.store.shares_events
        ):
            self._sqlite = recorder
        self.create_tables()

    # ------------------------------------------------------------------ tables

    def create_tables(self) -> None:
        bigint = "BIGINT" if self.store.dialect == "postgres" else "INTEGER"
        clustered = "" if self.store.dialect == "postgres" else " WITHOUT ROWID"
        statements = [
            f"CREATE TABLE IF NOT EXISTS {self.units_table} ("
            " unit_id TEXT PRIMARY KEY, union_name TEXT NOT NULL, local_name TEXT NOT NULL,"
            " employer TEXT NOT NULL, unit_name TEXT NOT NULL, union_key TEXT NOT NULL,"
            " employer_key TEXT NOT NULL, sector TEXT NOT NULL, sector_key TEXT NOT NULL,"
            " region TEXT NOT NULL, region_key TEXT NOT NULL, city TEXT NOT NULL,"
            f" headcount {bigint} NOT NULL, industry_code TEXT NOT NULL,"
            " current_expiry TEXT, current_effective TEXT)",
            # Covers the month table and cluster candidates in expiry order without the rows;
            # open periods read only the rows of their jurisdictions (``region_key``). A copy
            # of every column measured no faster once long answers filled the page cache.
            f"CREATE INDEX IF NOT EXISTS {self.name}_units_by_expiry ON {self.units_table}"
            " (current_expiry, unit_id, sector, region, headcount, region_key)",
            f"CREATE INDEX IF NOT EXISTS {self.name}_units_sector ON {self.units_table}"
            " (sector_key, current_expiry)",
            # In SQLite, stored in its key's order only (no rowid and separate key index):
            # half the cost of each insert. Tables made before keep their rowid; both answer
            # the same.
            f"CREATE TABLE IF NOT EXISTS {self.agreements_table} ("
            " unit_id TEXT NOT NULL, expiry TEXT NOT NULL, effective TEXT,"
            f" PRIMARY KEY (unit_id, expiry)){clustered}",
            f"CREATE TABLE IF NOT EXISTS {self.tracking_table} ("
            f" name TEXT PRIMARY KEY, position {bigint} NOT NULL)",
            f"INSERT INTO {self.tracking_table} (name, position) VALUES (?, 0)"
            " ON CONFLICT (name) DO NOTHING",
        ]
        with self.store.transaction(commit=True) as cursor:
            for statement in statements:
                params = (self.name,) if "?" in statement else ()
                cursor.execute(self.store.sql(statement), params)

    @property
    def position(self) -> int:
        """The last notification id this map has applied."""
        rows = self.store.query(
            f"SELECT position FROM {self.tracking_table} WHERE name = ?", (self.name,)
        )
        return int(rows[0]["position"]) if rows else 0

    # ---------------------------------------------------------------- catch-up

    def catch_up(self, *, batch_size: int = 10_000, stop: int | None = None) -> int:
        """Apply events recorded since the tracking position; returns how many were applied.

        ``stop`` (a notification id) builds the map only up to that point in the log; it
        defaults to the map's own ``stop``.
        """
        return self._catch_up(batch_size, stop)[0]

    def _catch_up(self, batch_size: int = 10_000, stop: int | None = None) -> tuple[int, int]:
        """``catch_up``, also returning the position it ended at (what the map's tables
        held when it last looked), so a query can tell whether its memory index still holds."""
        stop = self.stop if stop is None else stop
        applied = 0
        start = self.position
        while stop is None or start < stop:
            stored = self._stored_events(start, batch_size, stop)
            if not stored:
                break
            end = stored[-1][0]
            done = self._apply(start, end, [self._decoded(row) for row in stored])
            if done is None:  # another instance moved the position: resume from there
                start = self.position
                continue
            applied += done
            start = end
        return applied, start

    def follow(self, recordings: Sequence[Recording[Any]]) -> int:
        """Apply events this process has just saved without reading them back, when nothing
        else was recorded since the tracking position; otherwise catch up from the log."""
        relevant = [r for r in recordings if r.notification.topic in self._kinds]
        if not relevant or self.stop is not None:
            return self.catch_up()
        start = self.position
        first = relevant[0].notification.id
        if first - 1 > start and self.app.recorder.select_notifications(
            start=start, limit=1, stop=first - 1, topics=self.topics, inclusive_of_start=False
        ):
            return self.catch_up()
        changes = [
            self._change(r.notification.topic, r.domain_event.originator_id,
                         vars(r.domain_event))
            for r in relevant
        ]
        done = self._apply(start, relevant[-1].notification.id, changes)
        return self.catch_up() if done is None else done

    def _stored_events(self, start: int, limit: int, stop: int | None) -> list[_Stored]:
        """Unit events recorded after ``start``, as (id, originator id, version, topic, state).
        The stock SQLite recorder's rows are read here as plain tuples: building its objects
        and UUIDs was a fifth of a rebuild. Any other recorder is asked as usual."""
        recorder = self._sqlite
        if recorder is None:
            return [
                (n.id, n.originator_id, n.originator_version, n.topic, n.state)
                for n in self.app.recorder.select_notifications(
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

    def _decoded(self, row: _Stored) -> _Change:
        """The fields the map needs, read from the stored JSON without building domain
        objects (decoding was most of a rebuild). Anything unexpected goes through the
        application's mapper, which also raises its own errors (a wrong key, say)."""
        position, originator_id, version, topic, stored = row
        mapper = self.app.mapper
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
            return self._change(topic, unit, state)
        except Exception:
            if self._sqlite is not None:
                originator_id = self._sqlite.convert_originator_id(originator_id)
            event = mapper.to_domain_event(
                Notification(id=position, originator_id=originator_id,
                             originator_version=version, topic=topic, state=stored)
            )
            return self._change(topic, event.originator_id, vars(event))

    def _change(self, topic: str, originator_id: Any, state: dict[str, Any]) -> _Change:
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
        when = _moment(state["timestamp"]) if self.until is not None else None
        return kind, str(originator_id), when, values

    def _apply(self, start: int, end: int, changes: Sequence[_Change]) -> int | None:
        """Write the changes and move the position from ``start`` to ``end`` in one
        transaction; returns how many were applied, or ``None`` if another instance moved
        the position first."""
        batch = _Batch()
        until = self.until
        for kind, unit, when, values in changes:
            if until is not None and when is not None and when > until:
                continue
            batch.applied += 1
            if kind == "Registered":
                self._registered(batch, unit, values)
            elif kind == "AgreementRecorded":
                self._agreement_recorded(batch, unit, *values)
            elif kind == "AgreementCorrected":
                old, expiry, effective = values
                batch.agreements.append((self._delete_agreement, (unit, old)))
                batch.agreements.append((self._insert_agreement, (unit, expiry, effective)))
                batch.touched.add(unit)
            else:
                slots, statement, stored = self._profile_changes[kind]
                new = stored(values[0])
                row = batch.new.get(unit)
                if row is None:
                    batch.updates.append((statement, (*new, unit)))
                else:
                    for slot, value in zip(slots, new, strict=True):
                        row[slot] = value
        return batch.applied if self._write(start, end, batch) else None

    def _registered(self, batch: _Batch, unit: str, values: tuple[Any, ...]) -> None:
        union, local, employer, unit_name, sector, region, city, headcount, industry = values
        s = self.sealer
        if s.sealed:
            union_name, local, employer_name, unit_name, city = map(
                s.seal, (union, local, employer, unit_name, city))
        else:
            union_name, employer_name = union, employer
        row = [
            unit, union_name, local, employer_name, unit_name, s.key(union), s.key(employer),
            *_indexed(sector), *_indexed(region), city, headcount, industry, None, None,
        ]
        batch.rows.append(row)
        batch.new[unit] = row

    def _agreement_recorded(
        self, batch: _Batch, unit: str, expiry: str, effective: str | None
    ) -> None:
        batch.agreements.append((self._insert_agreement, (unit, expiry, effective)))
        row = batch.new.get(unit)
        if row is None:
            batch.updates.append((self._raise_expiry, (expiry, effective, unit, expiry)))
        elif row[_EXPIRY] is None or row[_EXPIRY] < expiry:
            row[_EXPIRY], row[_EXPIRY + 1] = expiry, effective

    def _write(self, start: int, end: int, batch: _Batch) -> bool:
        try:
            return self._write_rows(start, end, batch)
        except PersistenceError as error:
            # The database's own message may quote a row, names included: only its kind is
            # passed on.
            raise MapBehind(
                f"the Expiry Map could not apply events {start + 1} to {end} of the event log: "
                f"the database refused the write ({type(error).__name__}). Those events are "
                "recorded and safe; the map tries them again at each query and save, and is "
                "current again once its database accepts the write"
            ) from None

    def _write_rows(self, start: int, end: int, batch: _Batch) -> bool:
        sql = self.store.sql
        with self.store.transaction(commit=True, derived=True) as cursor:
            cursor.execute(
                sql(
                    f"UPDATE {self.tracking_table} SET position = ?"
                    " WHERE name = ? AND position = ?"
                ),
                (end, self.name, start),
            )
            if cursor.rowcount != 1:
                return False
            if batch.rows:
                cursor.executemany(sql(self._insert_unit), batch.rows)
            # Agreements, then updates; each kind keeps its order, so runs of one statement
            # go to the database together.
            ops = batch.agreements + batch.updates
            i = 0
            while i < len(ops):
                statement = ops[i][0]
                j = i
                while j < len(ops) and ops[j][0] == statement:
                    j += 1
                cursor.executemany(sql(statement), [params for _, params in ops[i:j]])
                i = j
            ids = sorted(batch.touched)
            for k in range(0, len(ids), 500):
                chunk = ids[k : k + 500]
                marks = ",".join("?" * len(chunk))
                cursor.execute(
                    sql(
                        f"UPDATE {self.units_table} SET"
                        f" current_expiry = (SELECT MAX(a.expiry) FROM {self.agreements_table} a"
                        f"  WHERE a.unit_id = {self.units_table}.unit_id),"
                        f" current_effective = (SELECT a.effective FROM {self.agreements_table} a"
                        f"  WHERE a.unit_id = {self.units_table}.unit_id"
                        "  ORDER BY a.expiry DESC LIMIT 1)"
                        f" WHERE unit_id IN ({marks})"
                    ),
                    tuple(chunk),
                )
        return True

    def rebuild(self) -> int:
        """Forget everything and rebuild from the first event; returns events applied."""
        with self.store.transaction(commit=True) as cursor:
            cursor.execute(f"DELETE FROM {self.agreements_table}")
            cursor.execute(f"DELETE FROM {self.units_table}")
            cursor.execute(
                self.store.sql(f"UPDATE {self.tracking_table} SET position = 0 WHERE name = ?"),
                (self.name,),
            )
        return self.catch_up()

    @contextmanager
    def as_of(self, at: datetime) -> Iterator[ExpiryMap]:
        """The map as it stood at a moment, built in tables of its own and dropped
        afterwards; this map is not disturbed::

            with app.expiry_map.as_of(moment) as past:
                past.month_table(start, end)
        """
        if not isinstance(at, datetime) or at.utcoffset() is None:
            shown = at.isoformat() if isinstance(at, datetime) else repr(at)
            raise InvalidInput(
                f"the moment {shown} has no time zone: give one (e.g. datetime.now(UTC))"
            )
        name = f"{self.name}_asof_{uuid.uuid4().hex[:12]}"
        past = ExpiryMap(self.app, self.sealer, name=name, until=at)
        try:
            past.catch_up()
            yield past
        finally:
            past.drop()
            past.store.close()

    def drop(self) -> None:
        """Remove this map's tables (for a temporary map built as of a past moment)."""
        with self.store.transaction(commit=True) as cursor:
            for table in (self.agreements_table, self.units_table, self.tracking_table):
                cursor.execute(f"DROP TABLE IF EXISTS {table}")
        self._index = None

    def _update(self, *columns: str) -> str:
        assignments = ", ".join(f"{column} = ?" for column in columns)
        return f"UPDATE {self.units_table} SET {assignments} WHERE unit_id = ?"

    # ----------------------------------------------------------------- queries

    def _select(
        self,
        where: list[str],
        params: list[Any],
        *,
        sector: Filter = None,
        region: Filter = None,
        union: Filter = None,
        employer: Filter = None,
        order: str = "current_expiry, unit_id",
        limit: int | None = None,
        offset: int = 0,
        columns: str = "",
        group: str = "",
        caught_up: bool = False,
    ) -> list[Any]:
        """Rows of the units table. ``caught_up``: the query has already caught the map up
        (with ``_catch_up``, for its position); otherwise it is caught up here first."""
        if not caught_up:
            self.catch_up()  # another instance may have recorded events since
        self._filter(where, params, sector=sector, region=region, union=union, employer=employer)
        clause = f" WHERE {' AND '.join(where)}" if where else ""
        if group:
            clause += f" GROUP BY {group}"
        page = ""
        if limit is not None or offset:
            _check_page(limit, offset)
            page = f" LIMIT {-1 if limit is None else int(limit)} OFFSET {int(offset)}"
            if self.store.dialect == "postgres" and limit is None:
                page = f" OFFSET {int(offset)}"
        rows = self.store.rows(
            f"SELECT {columns or _UNIT_COLUMNS} FROM {self.units_table}{clause}"
            f" ORDER BY {order}{page}",
            params,
        )
        return rows if columns else self._map_units(rows)

    def _filter(self, where: list[str], params: list[Any], **filters: Filter) -> None:
        """Add the name filters a query was given (sector, region, union, employer)."""
        for name, keyed in (
            ("sector", _norm),
            ("region", _norm),
            ("union", self.sealer.key),
            ("employer", self.sealer.key),
        ):
            items = _values(filters.get(name), name)
            if items is not None:
                where.append(f"{name}_key IN ({','.join('?' * len(items))})")
                params.extend(keyed(v) for v in items)

    def _map_units(self, rows: Sequence[Sequence[Any]]) -> list[MapUnit]:
        """Rows of ``_UNIT_COLUMNS`` as units. Ids are parsed once per process: parsing was
        a fifth of a long answer."""
        ids = self._ids
        if len(ids) > 200_000:
            ids.clear()
        uid = ids.get

        def parsed(text: str) -> UUID:
            return ids.setdefault(text, UUID(text))

        if self.sealer.sealed:
            u = self.sealer.unseal
            return [
                MapUnit(uid(r[0]) or parsed(r[0]), u(r[1]), u(r[2]), u(r[3]), u(r[4]), r[5],
                        r[6], u(r[7]), r[8], r[9], _date(r[10]), _date(r[11]))
                for r in rows
            ]
        iso = date.fromisoformat
        return [
            MapUnit(uid(r[0]) or parsed(r[0]), r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8],
                    r[9], iso(r[10]) if r[10] else None, iso(r[11]) if r[11] else None)
            for r in rows
        ]

    def known_agreements(self, unit_ids: Sequence[UUID]) -> dict[UUID, set[date]]:
        """For each of these units that the map knows, the expiries of its agreements."""
        found: dict[UUID, set[date]] = {}
        ids = sorted({str(u) for u in unit_ids})
        for k in range(0, len(ids), 500):
            chunk = ids[k : k + 500]
            marks = ",".join("?" * len(chunk))
            for row in self.store.query(
                f"SELECT u.unit_id, a.expiry FROM {self.units_table} u LEFT JOIN"
                f" {self.agreements_table} a ON a.unit_id = u.unit_id"
                f" WHERE u.unit_id IN ({marks})",
                chunk,
            ):
                expiries = found.setdefault(UUID(row["unit_id"]), set())
                if row["expiry"]:
                    expiries.add(date.fromisoformat(row["expiry"]))
        return found

    def unit(self, unit_id: UUID) -> MapUnit:
        """One unit as the map has it."""
        units: list[MapUnit] = self._select(["unit_id = ?"], [str(unit_id)])
        if not units:
            raise UnitNotFound(f"the Expiry Map has no unit with id {unit_id}")
        return units[0]

    def all_units(self) -> list[MapUnit]:
        """Every unit, ordered by expiry (units with no agreement last)."""
        return self._select([], [], order="current_expiry IS NULL, current_expiry, unit_id")

    def expiring(
        self,
        start: date,
        end: date,
        *,
        sector: Filter = None,
        region: Filter = None,
        union: Filter = None,
        employer: Filter = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[MapUnit]:
        """Units whose current agreement expires between ``start`` and ``end`` inclusive,
        by expiry; ``limit`` and ``offset`` page through long answers."""
        _check_range(start, end)
        return self._select(
            ["current_expiry >= ?", "current_expiry <= ?"],
            [start.isoformat(), end.isoformat()],
            sector=sector, region=region, union=union, employer=employer,
            limit=limit, offset=offset,
        )

    def month_table(
        self,
        start: date,
        end: date,
        *,
        sector: Filter = None,
        region: Filter = None,
        union: Filter = None,
        employer: Filter = None,
    ) -> list[MonthRow]:
        """Month by month from ``start``'s month to ``end``'s: units expiring, workers covered."""
        _check_range(start, end)
        first = start.replace(day=1)
        last = end.replace(day=calendar.monthrange(end.year, end.month)[1])
        rows = self._select(
            ["current_expiry >= ?", "current_expiry <= ?"],
            [first.isoformat(), last.isoformat()],
            sector=sector, region=region, union=union, employer=employer,
            columns="substr(current_expiry, 1, 7) AS month, COUNT(*), SUM(headcount)",
            order="month", group="month",
        )
        found = {month: (int(units), int(workers or 0)) for month, units, workers in rows}
        table = []
        year, month = first.year, first.month
        while (year, month) <= (last.year, last.month):
            label = f"{year:04d}-{month:02d}"
            units, workers = found.get(label, (0, 0))
            table.append(MonthRow(label, units, workers))
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return table

    def alongside(
        self,
        unit_id: UUID,
        within_days: int,
        *,
        sector: Filter = None,
        region: Filter = None,
        union: Filter = None,
        employer: Filter = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[MapUnit]:
        """Units whose current expiry falls within ``within_days`` of this unit's own."""
        if isinstance(within_days, bool) or not isinstance(within_days, int) or within_days < 0:
            raise InvalidInput("within_days must be a whole number of days, zero or more")
        own = self.unit(unit_id)
        if own.expiry is None:
            raise InvalidInput(f"{own.label} has no agreement recorded, so no expiry to compare")
        lo, hi = _shift(own.expiry, -within_days), _shift(own.expiry, within_days)
        return self._select(
            ["current_expiry >= ?", "current_expiry <= ?", "unit_id <> ?"],
            [lo.isoformat(), hi.isoformat(), str(unit_id)],
            sector=sector, region=region, union=union, employer=employer,
            limit=limit, offset=offset,
        )

    def carried_over(
        self,
        on: date,
        *,
        sector: Filter = None,
        region: Filter = None,
        union: Filter = None,
        employer: Filter = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[MapUnit]:
        """Units whose latest agreement had expired by ``on``: working under carried-over terms."""
        _check_range(on, on)
        return self._select(
            ["current_expiry < ?"], [on.isoformat()],
            sector=sector, region=region, union=union, employer=employer,
            limit=limit, offset=offset,
        )

    def cluster_candidates(
        self,
        start: date,
        end: date,
        window_days: int,
        *,
        sector: Filter = None,
        region: Filter = None,
        by_region: bool = False,
        min_units: int = 2,
        limit: int | None = None,
    ) -> list[ClusterCandidate]:
        """Groups of one sector (and one region when ``by_region``) whose expiries in
        ``start``..``end`` fall within ``window_days`` of each other, ranked by workers covered.

        Each unit is in at most one candidate: the heaviest windows are taken first.
        """
        if isinstance(window_days, bool) or not isinstance(window_days, int) or window_days < 0:
            raise InvalidInput("window_days must be a whole number of days, zero or more")
        if min_units < 1:
            raise InvalidInput("min_units must be at least 1")
        _check_range(start, end)
        _check_page(limit, 0)
        position = self._catch_up()[1]  # another instance may have recorded events since
        sector, region = _listed(sector), _listed(region)  # both paths read them
        self._filter([], [], sector=sector, region=region)  # the same errors as the SQL path
        index = self._index_at(position) if type(start) is type(end) is date else None
        if index is not None:
            found = self._clusters_from_index(
                index, start, end, window_days, sector=sector, region=region,
                by_region=by_region, min_units=min_units, limit=limit,
            )
            if found is not None:
                return found
        return self._clusters_from_sql(
            start, end, window_days, sector=sector, region=region, by_region=by_region,
            min_units=min_units, limit=limit,
        )

    def _clusters_from_sql(
        self,
        start: date,
        end: date,
        window_days: int,
        *,
        sector: Filter,
        region: Filter,
        by_region: bool,
        min_units: int,
        limit: int | None,
    ) -> list[ClusterCandidate]:
        """Cluster candidates from the rows in range, grouped here (the path before the memory
        index, and the one taken while it is not built)."""
        rows = self._select(
            ["current_expiry >= ?", "current_expiry <= ?"], [start.isoformat(), end.isoformat()],
            sector=sector, region=region, caught_up=True,
            columns=f"unit_id, sector, {'region' if by_region else 'NULL'}, current_expiry,"
            " headcount",
        )
        # Groups in the order first seen in expiry order (ties between groups go to the
        # first), each with its units, expiries and headcounts in expiry order.
        grouped: dict[tuple[str, str | None], tuple[list[str], list[str], list[int]]] = {}
        for uid, group_sector, group_region, expiry, headcount in rows:
            members = grouped.get((group_sector, group_region))
            if members is None:
                members = grouped[group_sector, group_region] = ([], [], [])
            members[0].append(uid)
            members[1].append(expiry)
            members[2].append(headcount)
        ordinals = {e: date.fromisoformat(e).toordinal() for e in {row[3] for row in rows}}
        heap: list[_Window] = []
        for rank, ((group_sector, _), (_, expiries, heads)) in enumerate(grouped.items()):
            days = [ordinals[e] for e in expiries]
            heap += _windows(
                days, list(accumulate(heads, initial=0)), 0, len(days), window_days,
                min_units, group_sector, rank,
            )
        groups = list(grouped.items())
        chosen = _take_heaviest(heap, len(groups), limit)
        units = self._units_by_id(
            [uid for g, i, j in chosen for uid in groups[g][1][0][i:j]]
        )
        candidates = []
        for g, i, j in chosen:
            (group_sector, group_region), (ids, expiries, _) = groups[g]
            candidates.append(ClusterCandidate(
                group_sector, group_region, date.fromisoformat(expiries[i]),
                date.fromisoformat(expiries[j - 1]),
                tuple(units[uid] for uid in ids[i:j] if uid in units),
            ))
        return candidates

    def _clusters_from_index(
        self,
        index: ExpiryIndex,
        start: date,
        end: date,
        window_days: int,
        *,
        sector: Filter,
        region: Filter,
        by_region: bool,
        min_units: int,
        limit: int | None,
    ) -> list[ClusterCandidate] | None:
        """Cluster candidates from the memory index: each group's units in range are one
        slice of its arrays, so nothing is fetched or grouped but the chosen units. ``None``
        when the tables moved on before those units were read (the SQL path answers then)."""
        first, last = start.toordinal(), end.toordinal()
        sectors, regions = _keys(sector, "sector"), _keys(region, "region")
        spans: list[tuple[int, str, str | None, IndexGroup, int, int]] = []
        if by_region or regions is None:
            for (group_sector, group_region), group in (
                index.cells if by_region else index.sectors
            ).items():
                if (sectors is None or group.sector_key in sectors) and (
                    regions is None or group.region_key in regions
                ):
                    lo = bisect_left(group.days, first)
                    hi = bisect_right(group.days, last, lo)
                    if lo < hi:
                        spans.append((group.places[lo], group_sector, group_region, group, lo, hi))
        else:  # a sector's units in the chosen regions only: its cells' slices, merged
            merged: dict[str, list[int]] = {}
            for (group_sector, _), group in index.cells.items():
                if (sectors is None or group.sector_key in sectors) and (
                    group.region_key in regions
                ):
                    lo = bisect_left(group.days, first)
                    hi = bisect_right(group.days, last, lo)
                    merged.setdefault(group_sector, []).extend(group.places[lo:hi])
            for group_sector, places in merged.items():
                if places:
                    places.sort()
                    group = index.group(places, group_sector, None)
                    spans.append((places[0], group_sector, None, group, 0, len(places)))
        # Groups ranked as the SQL path ranks them: by their first unit in range, in the
        # map's (expiry, unit id) order.
        spans.sort(key=itemgetter(0))
        heap: list[_Window] = []
        for rank, (_, group_sector, _, group, lo, hi) in enumerate(spans):
            heap += _windows(
                group.days, group.totals, lo, hi, window_days, min_units, group_sector, rank
            )
        chosen = _take_heaviest(heap, len(spans), limit)
        ids = index.ids
        units = self._index_units(
            index, [ids[p] for g, i, j in chosen for p in spans[g][3].places[i:j]]
        )
        if units is None:
            return None
        candidates = []
        for g, i, j in chosen:
            _, group_sector, group_region, group, _, _ = spans[g]
            candidates.append(ClusterCandidate(
                group_sector, group_region, date.fromordinal(group.days[i]),
                date.fromordinal(group.days[j - 1]),
                tuple(units[ids[p]] for p in group.places[i:j]),
            ))
        return candidates

    def _units_by_id(self, unit_ids: list[str]) -> dict[str, MapUnit]:
        units: dict[str, MapUnit] = {}
        for k in range(0, len(unit_ids), 500):
            chunk = unit_ids[k : k + 500]
            found: list[MapUnit] = self._select(
                [f"unit_id IN ({','.join('?' * len(chunk))})"], chunk, caught_up=True
            )
            units.update((str(u.unit_id), u) for u in found)
        return units

    # ---------------------------------------------------------- memory index

    def _index_at(self, position: int) -> ExpiryIndex | None:
        """The memory index for the tables at ``position``: kept while the position holds,
        built when a position is asked for the ``ASKS_BEFORE_INDEX``-th time. Building it
        costs about what three or four SQL answers cost (tens of milliseconds over 20,000
        units), so the queries right after a move read SQL as before: a host that saves and
        then shows both indexed queries pays nothing for an index it would not reuse, and a
        map asked a third time at one position is being read more than written."""
        index = self._index
        if index is not None and index.position == position:
            return index
        asks = self._asks[1] + 1 if self._asks and self._asks[0] == position else 1
        self._asks = (position, asks)
        if asks < self.ASKS_BEFORE_INDEX:
            return None
        rows = self.store.rows(
            f"SELECT (SELECT position FROM {self.tracking_table} WHERE name = ?), unit_id,"
            f" sector, region, current_expiry, headcount FROM {self.units_table}"
            " WHERE current_expiry IS NOT NULL ORDER BY current_expiry, unit_id",
            (self.name,),
        )
        index = ExpiryIndex(rows)
        self._index = index  # replaced whole: a query already holding the old one goes on
        return index

    def _index_units(self, index: ExpiryIndex, unit_ids: list[str]) -> dict[str, MapUnit] | None:
        """The units of these ids as the index's position has them, read once per position
        and then kept with the index. ``None`` if the tables have moved on since the index
        was built: a unit read now might not be the unit the index ranked."""
        units = index.units
        missing = [uid for uid in dict.fromkeys(unit_ids) if uid not in units]
        if not missing:
            return units
        read: dict[str, MapUnit] = {}
        for k in range(0, len(missing), 500):
            chunk = missing[k : k + 500]
            rows = self.store.rows(
                f"SELECT (SELECT position FROM {self.tracking_table} WHERE name = ?),"
                f" {_UNIT_COLUMNS} FROM {self.units_table}"
                f" WHERE unit_id IN ({','.join('?' * len(chunk))})",
                [self.name, *chunk],
            )
            if len(rows) != len(chunk) or rows[0][0] != index.position:
                return None
            read.update(zip([row[1] for row in rows],
                            self._map_units([row[1:] for row in rows]), strict=True))
        if len(units) + len(read) > KEPT_UNITS:
            return {uid: units.get(uid) or read[uid] for uid in unit_ids}
        units.update(read)
        return units

    def in_open_period(
        self,
        on: date,
        calendar: OpenPeriodCalendar,
        *,
        sector: Filter = None,
        union: Filter = None,
        employer: Filter = None,
    ) -> list[OpenPeriodEntry]:
        """Units for which ``on`` falls in an open period of their jurisdiction's calendar."""
        _check_range(on, on)
        if not isinstance(calendar, OpenPeriodCalendar):
            raise InvalidInput("in_open_period needs an OpenPeriodCalendar")
        listed = list(calendar.jurisdictions)
        plans: list[tuple[list[str], bool]] = [([j], False) for j in listed]
        if calendar.default:
            plans.append((listed, True))
        periods = [
            (jurisdictions, is_default, period)
            for jurisdictions, is_default in plans
            for period in (
                calendar.default if is_default else calendar.periods_for(jurisdictions[0])
            )
        ]
        if not periods:
            return []
        position = self._catch_up()[1]  # another instance may have recorded events since
        sector, union, employer = _listed(sector), _listed(union), _listed(employer)
        # One SELECT per period with its own expiry bounds, run together.
        selects: list[str] = []
        params: list[Any] = []
        for n, (jurisdictions, is_default, period) in enumerate(periods):
            lo, hi = period.expiry_range(on)
            where = ["current_expiry >= ?", "current_expiry <= ?"]
            params += [lo.isoformat(), hi.isoformat()]
            if is_default and jurisdictions:
                where.append(f"region_key NOT IN ({','.join('?' * len(jurisdictions))})")
                params.extend(_norm(j) for j in jurisdictions)
            self._filter(
                where, params, sector=sector, union=union, employer=employer,
                region=None if is_default else jurisdictions,
            )
            selects.append(
                f"SELECT {n} AS period, {_UNIT_COLUMNS} FROM {self.units_table}"
                f" WHERE {' AND '.join(where)}"
            )
        # Union and employer keys are not in the memory index: those queries read SQL.
        index = (
            self._index_at(position)
            if union is None and employer is None and type(on) is date
            else None
        )
        found = None if index is None else self._open_from_index(index, on, periods, sector)
        if found is None:
            rows = self.store.rows(
                " UNION ALL ".join(selects) + " ORDER BY period, current_expiry, unit_id",
                params,
            )
            found = list(zip([row[0] for row in rows],
                             self._map_units([row[1:] for row in rows]), strict=True))
        windows: dict[tuple[int, date | None], tuple[date, date]] = {}
        entries: list[OpenPeriodEntry] = []
        for n, unit in found:
            expiry = unit.expiry
            assert expiry is not None
            period = periods[n][2]
            window = windows.get((n, expiry))
            if window is None:
                window = windows[n, expiry] = period.window_for(expiry)
            entries.append(OpenPeriodEntry(unit, period.name, *window))
        entries.sort(key=lambda e: (e.closes, e.unit.label))
        return entries

    def _open_from_index(
        self,
        index: ExpiryIndex,
        on: date,
        periods: list[tuple[list[str], bool, OpenPeriod]],
        sector: Filter,
    ) -> list[tuple[int, MapUnit]] | None:
        """(period number, unit) in the SQL path's order, found in the memory index and its
        kept units; ``None`` if the tables moved on before the units were read.

        Reading the ~940 rows of a date from SQL was half of the query over 20,000 units
        (4 of 8 ms), and building their units from rows another 2 ms, so no rewrite of the
        SQL path came near the 6 ms aimed at; kept units cost neither."""
        sectors = _keys(sector, "sector")
        days, ids, region_keys, sector_keys = (
            index.days, index.ids, index.region_keys, index.sector_keys
        )
        hits: list[tuple[int, int]] = []
        for n, (jurisdictions, is_default, period) in enumerate(periods):
            lo, hi = period.expiry_range(on)
            a = bisect_left(days, lo.toordinal())
            b = bisect_right(days, hi.toordinal(), a)
            regions = {_norm(j) for j in jurisdictions}
            hits += [
                (n, p) for p in range(a, b)
                if (region_keys[p] not in regions if is_default else region_keys[p] in regions)
                and (sectors is None or sector_keys[p] in sectors)
            ]
        units = self._index_units(index, [ids[p] for _, p in hits])
        if units is None:
            return None
        return [(n, units[ids[p]]) for n, p in hits]


def _listed(value: Filter) -> Filter:
    """A filter that can be read more than once (a generator is read here, once)."""
    return value if value is None or isinstance(value, str) else list(value)


def _keys(value: Filter, what: str) -> set[str] | None:
    """A sector or region filter's keys, as ``ExpiryMap._filter`` matches them."""
    items = _values(value, what)
    return None if items is None else {_norm(v) for v in items}


def _windows(
    days: list[int],
    totals: list[int],
    lo: int,
    hi: int,
    window_days: int,
    min_units: int,
    sector: str,
    rank: int,
) -> list[_Window]:
    """Every maximal window of the units ``lo``..``hi`` of one group (``days`` in expiry
    order, ``totals`` their running headcounts). ``rank`` is the group's place in expiry
    order: it names the group and breaks ties between groups.

    The window from unit i runs to the last unit within ``window_days``; it is maximal when
    it reaches further than the window from unit i - 1.
    """
    ends = [bisect_right(days, day + window_days, lo, hi) for day in days[lo:hi]]
    return [
        (totals[i] - totals[end], i - end, days[i], sector, rank, i, end)
        for i, end, before in zip(range(lo, hi), ends, [-1, *ends], strict=False)
        if end != before and end - i >= min_units
    ]


def _take_heaviest(
    heap: list[_Window], groups: int, limit: int | None
) -> list[tuple[int, int, int]]:
    """The heaviest windows first, skipping any that shares a unit with one already taken,
    so each unit is in at most one candidate; stops after ``limit``. Returns (group, start,
    end) per window taken, best first."""
    heapq.heapify(heap)
    taken: list[list[tuple[int, int]]] = [[] for _ in range(groups)]
    chosen: list[tuple[int, int, int]] = []
    while heap and (limit is None or len(chosen) < limit):
        _, _, _, _, group, start, end = heapq.heappop(heap)
        spans = taken[group]
        if any(start < e and s < end for s, e in spans):
            continue
        spans.append((start, end))
        chosen.append((group, start, end))
    return chosen


_UNIT_COLUMNS = (
    "unit_id, union_name, local_name, employer, unit_name, sector, region, city, headcount,"
    " industry_code, current_expiry, current_effective"
)


def _shift(day: date, days: int) -> date:
    """A date moved by some days, held at the calendar's ends rather than overflowing."""
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return date.max if days > 0 else date.min


def _check_page(limit: int | None, offset: int) -> None:
    if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int) or limit < 0):
        raise InvalidInput("limit must be a whole number of results, zero or more")
    if isinstance(offset, bool) or not isinstance(offset, int) or offset < 0:
        raise InvalidInput("offset must be a whole number of results, zero or more")


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def _indexed(text: str) -> tuple[str, str]:
    """A sector or region and its match key, as the map stores and indexes them: at most
    ``MAX_TEXT`` characters. Events recorded since that limit never exceed it; an older event
    with a longer value is shown clipped rather than stopping the map, since PostgreSQL
    refuses index entries over 2,704 bytes."""
    clipped = text[:MAX_TEXT]
    return clipped, _norm(clipped)


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


def _agreement_dates(value: Any) -> tuple[str | None, str | None]:
    """An agreement's expiry and effective date as ISO text, from either form."""
    if isinstance(value, CollectiveAgreement):
        return value.expiry.isoformat(), _iso(value.effective)
    data = _stored(value, "collective_agreement")
    return _iso(data["expiry"]), _iso(data["effective"])


def _moment(value: Any) -> datetime:
    """An event's timestamp, from either form."""
    if isinstance(value, datetime):
        return value
    return datetime.fromisoformat(_stored(value, "datetime_iso"))


def _date(value: Any) -> date | None:
    return date.fromisoformat(value) if value else None
