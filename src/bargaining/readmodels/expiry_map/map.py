"""The Expiry Map: who bargains when, built from the event log into tables of its own.

``ExpiryMap`` is what hosts call: it checks a question in domain words, catches up with the
log, chooses whether its memory index or its tables answer, and shapes the answer. The tables
(``MapStorage``) and the log (``UnitFeed``) are reached through the small interfaces of
``ports``.
"""

from __future__ import annotations

import calendar
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from typing import Any
from uuid import UUID

import bargaining.readmodels.expiry_map.clusters as clusters
import bargaining.readmodels.expiry_map.open_periods as open_periods
from bargaining.domain.shared.dates import require_date, require_moment
from bargaining.domain.shared.errors import InvalidInput, UnitNotFound, term
from bargaining.domain.shared.progress import Progress, require_progress
from bargaining.domain.units.open_period import OpenPeriodCalendar
from bargaining.readmodels.expiry_map.filters import (
    MapFilter,
    check_count,
    check_days,
    check_range,
    filter_of,
    refuse,
)
from bargaining.readmodels.expiry_map.index import ExpiryIndex
from bargaining.readmodels.expiry_map.ports import MapStorage, UnitFeed
from bargaining.readmodels.expiry_map.projection import MapProjection
from bargaining.readmodels.expiry_map.results import (
    ClusterCandidate,
    MapUnit,
    MonthRow,
    OpenPeriodEntry,
)


class ExpiryMap:
    """Read model answering "who bargains when" without replaying the log per query."""

    #: Which indexed query at one position builds the memory index: those before it read SQL.
    ASKS_BEFORE_INDEX = 3

    def __init__(
        self,
        feed: UnitFeed,
        storage: MapStorage,
        *,
        name: str = "expiry_map",
        stop: int | None = None,
        until: datetime | None = None,
        day: date | None = None,
    ):
        """A map of the units in ``feed``, kept in ``storage`` in tables named after
        ``name``; ``stop`` (a notification id) holds the map at that point of the log,
        ``until`` (a timezone-aware date-time) skips events stamped after it, for a map as
        known at a past moment, and ``day`` keeps what counts on that real-world day, for
        the map as it was on a date."""
        if until is not None:
            require_moment(until, term("moment the map stands at"))
        if day is not None:
            require_date(day, term("day the map stands on"))
        self.feed = feed
        self.storage = storage
        self.name = name
        self._projection = MapProjection(
            feed, storage.writer(name), stop=stop, until=until, on=day
        )
        self._tables = storage.reader(name)
        self._index: ExpiryIndex | None = None
        #: (position, how many indexed queries asked it while it had no index)
        self._asks: tuple[int, int] | None = None

    @property
    def stop(self) -> int | None:
        return self._projection.stop

    @property
    def until(self) -> datetime | None:
        return self._projection.until

    @property
    def day(self) -> date | None:
        """The real-world day a map built by :meth:`on` stands on (``None``: today's map)."""
        return self._projection.on

    # ------------------------------------------------------------ keeping current

    @property
    def position(self) -> int:
        """The last notification id this map has applied."""
        return self._projection.position

    def catch_up(self, *, batch_size: int = 10_000, stop: int | None = None) -> int:
        """Apply events recorded since the tracking position; returns how many were applied.

        ``stop`` (a notification id) builds the map only up to that point in the log; it
        defaults to the map's own ``stop``.
        """
        return self._projection.catch_up(batch_size, stop)[0]

    def follow(self, recordings: Sequence[Any]) -> int:
        """Apply events this process has just saved (the recordings the application's save
        returns) without reading them back, when nothing else was recorded since the
        tracking position; otherwise catch up from the log."""
        return self._projection.follow(recordings)

    def rebuild(self, *, progress: Progress | None = None) -> int:
        """Forget everything and rebuild from the first event; returns events applied.

        ``progress`` (:class:`~bargaining.domain.shared.progress.Progress`) hears the
        positions in the log read so far, of the log's last position when it began (a total
        that grows if others record meanwhile), and ends with the two equal."""
        return self._projection.rebuild(require_progress(progress))

    def drop(self) -> None:
        """Remove this map's tables (for a temporary map built as of a past moment)."""
        self._projection.writer.drop()
        self._index = None

    @contextmanager
    def as_of(self, at: datetime) -> Iterator[ExpiryMap]:
        """The map as it stood at a moment (a timezone-aware date-time), built in tables of
        its own and dropped afterwards; this map is not disturbed::

            with app.expiry_map.as_of(moment) as past:
                past.month_table(start, end)
        """
        require_moment(at)
        name = f"{self.name}_asof_{uuid.uuid4().hex[:12]}"
        past = ExpiryMap(self.feed, self.storage, name=name, until=at)
        try:
            past.catch_up()
            yield past
        finally:
            past.drop()

    @contextmanager
    def on(self, day: date) -> Iterator[ExpiryMap]:
        """The map as it was on a real-world day: each unit with the agreement it was working
        under that day, in force or expired and carried over, as far as the record knows now
        (a 2026 import answers for 2023). It keeps the facts dated on or before ``day``
        (an agreement by its settlement, else its effective date; a change without a date of
        its own by the day it was recorded; a registration always), and only agreements in
        effect by then. Built in tables of its own and dropped afterwards, like :meth:`as_of`::

            with app.expiry_map.on(date(2023, 10, 1)) as then:
                then.carried_over(date(2023, 10, 1))   # working past expiry that day
        """
        day = require_date(day, term("day the map stands on"))
        name = f"{self.name}_on_{uuid.uuid4().hex[:12]}"
        past = ExpiryMap(self.feed, self.storage, name=name, day=day)
        try:
            past.catch_up()
            yield past
        finally:
            past.drop()

    def _caught_up(self) -> int:
        """Catch up (another instance may have recorded events since); the position then."""
        return self._projection.catch_up()[1]

    # -------------------------------------------------------------------- units

    def known_agreements(self, unit_ids: Sequence[UUID]) -> dict[UUID, set[date]]:
        """For each of these units that the map knows, the expiries of its agreements."""
        return self._tables.known_agreements(unit_ids)

    def unit(self, unit_id: UUID) -> MapUnit:
        """One unit as the map has it."""
        self._caught_up()
        found = self._tables.unit(unit_id)
        if found is None:
            raise UnitNotFound.worded("the Expiry Map has no unit with id {unit_id}",
                                      unit_id=unit_id)
        return found

    def all_units(self) -> list[MapUnit]:
        """Every unit, ordered by expiry (units with no agreement last)."""
        self._caught_up()
        return self._tables.all_units()

    def expiring(self, start: date, end: date, where: MapFilter | None = None) -> list[MapUnit]:
        """Units whose current agreement expires between ``start`` and ``end`` inclusive,
        by expiry; the filter's ``limit`` and ``offset`` page through long answers."""
        check_range(start, end)
        where = filter_of(where)
        self._caught_up()
        return self._tables.expiring(start, end, where)

    def month_table(
        self, start: date, end: date, where: MapFilter | None = None
    ) -> list[MonthRow]:
        """Month by month from ``start``'s month to ``end``'s: units expiring, workers covered."""
        check_range(start, end)
        where = filter_of(where)
        refuse(where, ("limit", "offset"), InvalidInput.worded(
            "the month table has a row for every month: its filter takes no limit or offset"))
        first = start.replace(day=1)
        last = end.replace(day=calendar.monthrange(end.year, end.month)[1])
        self._caught_up()
        found = {
            month: (int(units), int(workers or 0))
            for month, units, workers in self._tables.months(first, last, where)
        }
        table = []
        year, month = first.year, first.month
        while (year, month) <= (last.year, last.month):
            label = f"{year:04d}-{month:02d}"
            units, workers = found.get(label, (0, 0))
            table.append(MonthRow(label, units, workers))
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return table

    def alongside(
        self, unit_id: UUID, within_days: int, where: MapFilter | None = None
    ) -> list[MapUnit]:
        """Units whose current expiry falls within ``within_days`` of this unit's own."""
        check_days(within_days, term("within_days"))
        where = filter_of(where)
        own = self.unit(unit_id)
        if own.expiry is None:
            raise InvalidInput.worded("{label} has no agreement recorded, so no expiry to compare",
                                      label=own.label)
        lo, hi = _shift(own.expiry, -within_days), _shift(own.expiry, within_days)
        return self._tables.expiring(lo, hi, where, besides=unit_id)

    def carried_over(self, on: date, where: MapFilter | None = None) -> list[MapUnit]:
        """Units whose latest agreement had expired by ``on``: working under carried-over terms."""
        check_range(on, on)
        where = filter_of(where)
        self._caught_up()
        return self._tables.expired_before(on, where)

    # ------------------------------------------------------ indexed questions

    def cluster_candidates(
        self,
        start: date,
        end: date,
        window_days: int,
        where: MapFilter | None = None,
        *,
        by_region: bool = False,
        min_units: int = 2,
    ) -> list[ClusterCandidate]:
        """Groups of one sector (and one region when ``by_region``) whose expiries in
        ``start``..``end`` fall within ``window_days`` of each other, ranked by workers
        covered; the filter's ``limit`` keeps the heaviest.

        Each unit is in at most one candidate: the heaviest windows are taken first.
        """
        check_days(window_days, term("window_days"))
        check_count(min_units, term("min_units"), least=1)
        check_range(start, end)
        where = filter_of(where)
        refuse(where, ("union", "employer"), InvalidInput.worded(
            "cluster candidates group units by sector and region: their filter takes no union "
            "or employer"))
        refuse(where, ("offset",), InvalidInput.worded(
            "cluster candidates come heaviest first: their filter takes a limit but no offset"))
        position = self._caught_up()
        index = self._index_at(position) if type(start) is type(end) is date else None
        if index is not None:
            found = clusters.from_index(
                index, start, end, window_days, sectors=where.keys("sector"),
                regions=where.keys("region"), by_region=by_region, min_units=min_units,
                limit=where.limit, units_of=lambda ids: self._index_units(index, ids),
            )
            if found is not None:
                return found
        rows = self._tables.cluster_rows(start, end, where, by_region=by_region)
        return clusters.from_rows(
            rows, window_days, min_units, where.limit, self._tables.units_by_id
        )

    def in_open_period(
        self, on: date, calendar: OpenPeriodCalendar, where: MapFilter | None = None
    ) -> list[OpenPeriodEntry]:
        """Units for which ``on`` falls in an open period of their jurisdiction's calendar."""
        check_range(on, on)
        if not isinstance(calendar, OpenPeriodCalendar):
            raise InvalidInput.worded("in_open_period needs an OpenPeriodCalendar")
        where = filter_of(where)
        refuse(where, ("region",), InvalidInput.worded(
            "open periods follow each unit's region through the calendar: their filter takes "
            "no region (the calendar names jurisdictions)"))
        refuse(where, ("limit", "offset"), InvalidInput.worded(
            "units in an open period come as one answer: their filter takes no limit or offset"))
        periods = open_periods.periods_of(calendar)
        if not periods:
            return []
        position = self._caught_up()
        ranges = open_periods.ranges(periods, on, where)
        # Union and employer keys are not in the memory index: those queries read SQL.
        index = (
            self._index_at(position)
            if not where.given("union", "employer") and type(on) is date
            else None
        )
        found = None if index is None else open_periods.from_index(
            index, on, periods, where.keys("sector"), lambda ids: self._index_units(index, ids)
        )
        if found is None:
            found = self._tables.in_periods(ranges)
        return open_periods.entries(found, periods)

    # ---------------------------------------------------------- memory index

    def _index_at(self, position: int) -> ExpiryIndex | None:
        """The memory index for the tables at ``position``: kept while the position holds,
        built when a position is asked for the ``ASKS_BEFORE_INDEX``-th time. Building it
        costs several SQL answers (``docs/operations/performance.md``), so the queries right
        after a move read SQL as before: a host that saves and then shows both indexed
        queries pays nothing for an index it would not reuse, and a map asked a third time at
        one position is being read more than written."""
        index = self._index
        if index is not None and index.position == position:
            return index
        asks = self._asks[1] + 1 if self._asks and self._asks[0] == position else 1
        self._asks = (position, asks)
        if asks < self.ASKS_BEFORE_INDEX:
            return None
        index = ExpiryIndex(self._tables.index_rows())
        self._index = index  # replaced whole: a query already holding the old one goes on
        return index

    def _index_units(self, index: ExpiryIndex, unit_ids: list[str]) -> dict[str, MapUnit] | None:
        return index.units_of(unit_ids, self._tables.units_at)


def _shift(day: date, days: int) -> date:
    """A date moved by some days, held at the calendar's ends rather than overflowing."""
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return date.max if days > 0 else date.min
