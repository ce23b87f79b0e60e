"""The Expiry Map: who bargains when, built from the event log into SQL tables.

It pulls the application's notification log (SQLite cannot push), applies unit events to its
tables and advances its tracking position in the same transaction, so a restarted host resumes
where it stopped and a rebuild from scratch gives the same answers.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from typing import Any, NamedTuple
from uuid import UUID

import attrs
from eventsourcing.application import Application
from eventsourcing.persistence import Recording
from eventsourcing.utils import get_topic

from bargaining.domain.errors import InvalidInput, UnitNotFound
from bargaining.domain.open_period import OpenPeriodCalendar
from bargaining.domain.unit import BargainingUnit
from bargaining.readmodels.sealing import NameSealer
from bargaining.readmodels.viewstore import ViewStore

Filter = str | Iterable[str] | None

UNIT_EVENTS: tuple[type[Any], ...] = tuple(
    getattr(BargainingUnit, name)
    for name in (
        "Registered", "AgreementRecorded", "AgreementCorrected", "HeadcountChanged",
        "SectorChanged", "RegionChanged", "CityChanged", "IndustryCodeChanged",
    )
)


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

    def __init__(
        self,
        app: Application[Any],
        sealer: NameSealer,
        *,
        name: str = "expiry_map",
        stop: int | None = None,
    ):
        """``name`` prefixes the map's tables; ``stop`` (a notification id) holds the map at
        that point of the log, for a map as of a past moment."""
        self.app = app
        self.name = name
        self.stop = stop
        self.store = ViewStore(app)
        self.sealer = sealer
        self.units_table = self.store.table(f"{name}_units")
        self.agreements_table = self.store.table(f"{name}_agreements")
        self.tracking_table = self.store.table(f"{name}_tracking")
        self._insert_unit = (
            f"INSERT INTO {self.units_table} (unit_id, union_name, local_name, employer,"
            " unit_name, union_key, employer_key, sector, sector_key, region, region_key,"
            " city, headcount, industry_code) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
        )
        self._insert_agreement = (
            f"INSERT INTO {self.agreements_table} (unit_id, expiry, effective) VALUES (?,?,?)"
        )
        self._delete_agreement = (
            f"DELETE FROM {self.agreements_table} WHERE unit_id = ? AND expiry = ?"
        )
        self._phases = {
            self._insert_unit: 0, self._insert_agreement: 1, self._delete_agreement: 1
        }
        self.topics = [get_topic(cls) for cls in UNIT_EVENTS]
        self._handlers = {
            topic: getattr(self, f"_on_{cls.__name__}") for topic, cls in zip(
                self.topics, UNIT_EVENTS, strict=True
            )
        }
        self.create_tables()

    # ------------------------------------------------------------------ tables

    def create_tables(self) -> None:
        bigint = "BIGINT" if self.store.dialect == "postgres" else "INTEGER"
        statements = [
            f"CREATE TABLE IF NOT EXISTS {self.units_table} ("
            " unit_id TEXT PRIMARY KEY, union_name TEXT NOT NULL, local_name TEXT NOT NULL,"
            " employer TEXT NOT NULL, unit_name TEXT NOT NULL, union_key TEXT NOT NULL,"
            " employer_key TEXT NOT NULL, sector TEXT NOT NULL, sector_key TEXT NOT NULL,"
            " region TEXT NOT NULL, region_key TEXT NOT NULL, city TEXT NOT NULL,"
            f" headcount {bigint} NOT NULL, industry_code TEXT NOT NULL,"
            " current_expiry TEXT, current_effective TEXT)",
            # Covers the month table and cluster candidates, in expiry order, without the rows.
            f"CREATE INDEX IF NOT EXISTS {self.name}_units_expiry ON {self.units_table}"
            " (current_expiry, unit_id, sector, region, headcount)",
            f"CREATE INDEX IF NOT EXISTS {self.name}_units_sector ON {self.units_table}"
            " (sector_key, current_expiry)",
            f"CREATE TABLE IF NOT EXISTS {self.agreements_table} ("
            " unit_id TEXT NOT NULL, expiry TEXT NOT NULL, effective TEXT,"
            " PRIMARY KEY (unit_id, expiry))",
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

    def catch_up(self, *, batch_size: int = 2000, stop: int | None = None) -> int:
        """Apply events recorded since the tracking position; returns how many were applied.

        ``stop`` (a notification id) builds the map only up to that point in the log; it
        defaults to the map's own ``stop``.
        """
        stop = self.stop if stop is None else stop
        applied = 0
        while True:
            start = self.position
            if stop is not None and start >= stop:
                return applied
            notifications = self.app.recorder.select_notifications(
                start=start,
                limit=batch_size,
                stop=stop,
                topics=self.topics,
                inclusive_of_start=False,
            )
            if not notifications:
                return applied
            events = [
                (n.topic, self.app.mapper.to_domain_event(n)) for n in notifications
            ]
            if self._apply(start, notifications[-1].id, events):
                applied += len(notifications)

    def follow(self, recordings: Sequence[Recording[Any]]) -> int:
        """Apply events this process has just saved without reading them back, when nothing
        else was recorded since the tracking position; otherwise catch up from the log."""
        relevant = [r for r in recordings if r.notification.topic in self._handlers]
        if not relevant or self.stop is not None:
            return self.catch_up()
        start = self.position
        first = relevant[0].notification.id
        if first - 1 > start and self.app.recorder.select_notifications(
            start=start, limit=1, stop=first - 1, topics=self.topics, inclusive_of_start=False
        ):
            return self.catch_up()
        events = [(r.notification.topic, r.domain_event) for r in relevant]
        if not self._apply(start, relevant[-1].notification.id, events):
            return self.catch_up()
        return len(relevant)

    def _apply(self, start: int, end: int, events: Sequence[tuple[str, Any]]) -> bool:
        operations: list[tuple[str, tuple[Any, ...]]] = []
        touched: set[str] = set()
        for topic, domain_event in events:
            self._handlers[topic](domain_event, operations, touched)
        return self._write(start, end, operations, touched)

    def _write(
        self,
        start: int,
        end: int,
        operations: list[tuple[str, tuple[Any, ...]]],
        touched: set[str],
    ) -> bool:
        sql = self.store.sql
        with self.store.transaction(commit=True) as cursor:
            cursor.execute(
                sql(
                    f"UPDATE {self.tracking_table} SET position = ?"
                    " WHERE name = ? AND position = ?"
                ),
                (end, self.name, start),
            )
            if cursor.rowcount != 1:
                return False
            # Rows first, then agreements, then updates; each kind keeps its order, so runs of
            # one statement go to the database together.
            ordered = sorted(operations, key=lambda op: self._phases.get(op[0], 2))
            i = 0
            while i < len(ordered):
                statement = ordered[i][0]
                j = i
                while j < len(ordered) and ordered[j][0] == statement:
                    j += 1
                cursor.executemany(sql(statement), [params for _, params in ordered[i:j]])
                i = j
            ids = sorted(touched)
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

    def drop(self) -> None:
        """Remove this map's tables (for a temporary map built as of a past moment)."""
        with self.store.transaction(commit=True) as cursor:
            for table in (self.agreements_table, self.units_table, self.tracking_table):
                cursor.execute(f"DROP TABLE IF EXISTS {table}")

    # ---------------------------------------------------------- event handlers

    def _update(self, column: str) -> str:
        return f"UPDATE {self.units_table} SET {column} = ? WHERE unit_id = ?"

    def _on_Registered(self, e: Any, ops: list[Any], touched: set[str]) -> None:
        s = self.sealer
        ops.append(
            (
                self._insert_unit,
                (
                    str(e.originator_id), s.seal(e.union), s.seal(e.local), s.seal(e.employer),
                    s.seal(e.unit_name), s.key(e.union), s.key(e.employer), e.sector,
                    _norm(e.sector), e.region, _norm(e.region), s.seal(e.city), e.headcount,
                    e.industry_code,
                ),
            )
        )

    def _on_AgreementRecorded(self, e: Any, ops: list[Any], touched: set[str]) -> None:
        a = e.agreement
        unit, expiry, effective = str(e.originator_id), a.expiry.isoformat(), _iso(a.effective)
        ops.append(
            (
                self._insert_agreement,
                (unit, expiry, effective),
            )
        )
        ops.append(
            (
                f"UPDATE {self.units_table} SET current_expiry = ?, current_effective = ?"
                " WHERE unit_id = ? AND (current_expiry IS NULL OR current_expiry < ?)",
                (expiry, effective, unit, expiry),
            )
        )

    def _on_AgreementCorrected(self, e: Any, ops: list[Any], touched: set[str]) -> None:
        unit = str(e.originator_id)
        ops.append(
            (
                self._delete_agreement,
                (unit, e.expiry.isoformat()),
            )
        )
        c = e.corrected
        ops.append(
            (
                self._insert_agreement,
                (unit, c.expiry.isoformat(), _iso(c.effective)),
            )
        )
        touched.add(unit)

    def _on_HeadcountChanged(self, e: Any, ops: list[Any], touched: set[str]) -> None:
        ops.append((self._update("headcount"), (e.headcount, str(e.originator_id))))

    def _on_SectorChanged(self, e: Any, ops: list[Any], touched: set[str]) -> None:
        ops.append(
            (
                f"UPDATE {self.units_table} SET sector = ?, sector_key = ? WHERE unit_id = ?",
                (e.sector, _norm(e.sector), str(e.originator_id)),
            )
        )

    def _on_RegionChanged(self, e: Any, ops: list[Any], touched: set[str]) -> None:
        ops.append(
            (
                f"UPDATE {self.units_table} SET region = ?, region_key = ? WHERE unit_id = ?",
                (e.region, _norm(e.region), str(e.originator_id)),
            )
        )

    def _on_CityChanged(self, e: Any, ops: list[Any], touched: set[str]) -> None:
        ops.append((self._update("city"), (self.sealer.seal(e.city), str(e.originator_id))))

    def _on_IndustryCodeChanged(self, e: Any, ops: list[Any], touched: set[str]) -> None:
        ops.append((self._update("industry_code"), (e.industry_code, str(e.originator_id))))

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
    ) -> list[Any]:
        self.catch_up()  # another instance may have recorded events since
        for column, value, keyed in (
            ("sector_key", sector, _norm),
            ("region_key", region, _norm),
            ("union_key", union, self.sealer.key),
            ("employer_key", employer, self.sealer.key),
        ):
            items = _values(value, column.removesuffix("_key"))
            if items is not None:
                where.append(f"{column} IN ({','.join('?' * len(items))})")
                params.extend(keyed(v) for v in items)
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
        if columns:
            return rows
        if self.sealer.sealed:
            u = self.sealer.unseal
            return [
                MapUnit(UUID(r[0]), u(r[1]), u(r[2]), u(r[3]), u(r[4]), r[5], r[6], u(r[7]),
                        r[8], r[9], _date(r[10]), _date(r[11]))
                for r in rows
            ]
        iso = date.fromisoformat
        return [
            MapUnit(UUID(r[0]), r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9],
                    iso(r[10]) if r[10] else None, iso(r[11]) if r[11] else None)
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
        rows = self._select(
            ["current_expiry >= ?", "current_expiry <= ?"], [start.isoformat(), end.isoformat()],
            sector=sector, region=region,
            columns="unit_id, sector, region, current_expiry, headcount",
        )
        groups: dict[tuple[str, str | None], list[tuple[Any, ...]]] = {}
        for row in rows:
            groups.setdefault((row[1], row[2] if by_region else None), []).append(row)
        found: list[tuple[int, int, str, str, str | None, list[str], str]] = []
        for (group_sector, group_region), members in groups.items():
            for workers, ids, first, last in _windows(members, window_days, min_units):
                found.append((workers, len(ids), first, group_sector, group_region, ids, last))
        found.sort(key=lambda c: (-c[0], -c[1], c[2], c[3]))
        if limit is not None:
            found = found[:limit]
        units = self._units_by_id([uid for c in found for uid in c[5]])
        return [
            ClusterCandidate(group_sector, group_region, date.fromisoformat(first),
                             date.fromisoformat(last), tuple(units[i] for i in ids if i in units))
            for _, _, first, group_sector, group_region, ids, last in found
        ]

    def _units_by_id(self, unit_ids: list[str]) -> dict[str, MapUnit]:
        units: dict[str, MapUnit] = {}
        for k in range(0, len(unit_ids), 500):
            chunk = unit_ids[k : k + 500]
            found: list[MapUnit] = self._select(
                [f"unit_id IN ({','.join('?' * len(chunk))})"], chunk
            )
            units.update((str(u.unit_id), u) for u in found)
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
        entries: list[OpenPeriodEntry] = []
        listed = list(calendar.jurisdictions)
        plans: list[tuple[list[str], bool]] = [([j], False) for j in listed]
        if calendar.default:
            plans.append((listed, True))
        for jurisdictions, is_default in plans:
            periods = calendar.default if is_default else calendar.periods_for(jurisdictions[0])
            for period in periods:
                lo, hi = period.expiry_range(on)
                where = ["current_expiry >= ?", "current_expiry <= ?"]
                params: list[Any] = [lo.isoformat(), hi.isoformat()]
                if is_default and jurisdictions:
                    where.append(f"region_key NOT IN ({','.join('?' * len(jurisdictions))})")
                    params.extend(_norm(j) for j in jurisdictions)
                units = self._select(
                    where, params, sector=sector, union=union, employer=employer,
                    region=None if is_default else jurisdictions,
                )
                for unit in units:
                    assert unit.expiry is not None
                    opens, closes = period.window_for(unit.expiry)
                    entries.append(OpenPeriodEntry(unit, period.name, opens, closes))
        entries.sort(key=lambda e: (e.closes, e.unit.label))
        return entries


def _windows(
    rows: list[tuple[Any, ...]], window_days: int, min_units: int
) -> list[tuple[int, list[str], str, str]]:
    """Every maximal window of expiries, heaviest first; a window sharing a unit with a
    heavier one already taken is skipped, so each unit is in at most one candidate.

    Rows are (unit_id, sector, region, expiry, headcount) ordered by expiry and unit id.
    Returns (workers, unit ids, first expiry, last expiry) per window taken.
    """
    days = [date.fromisoformat(r[3]).toordinal() for r in rows]
    heads = [int(r[4]) for r in rows]
    windows: list[tuple[int, int, int]] = []
    j = 0
    workers = 0
    for i in range(len(rows)):
        if j < i:
            j, workers = i, 0
        while j < len(rows) and days[j] - days[i] <= window_days:
            workers += heads[j]
            j += 1
        if j - i >= min_units and not (windows and windows[-1][2] == j):
            windows.append((workers, i, j))
        workers -= heads[i]
    windows.sort(key=lambda w: (-w[0], -(w[2] - w[1]), w[1]))
    taken = [False] * len(rows)
    chosen: list[tuple[int, list[str], str, str]] = []
    for total, i, j in windows:
        if any(taken[i:j]):
            continue
        taken[i:j] = [True] * (j - i)
        chosen.append((total, [r[0] for r in rows[i:j]], rows[i][3], rows[j - 1][3]))
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


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _date(value: Any) -> date | None:
    return date.fromisoformat(value) if value else None
