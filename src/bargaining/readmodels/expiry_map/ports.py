"""What the Expiry Map asks of the stores beneath it, in its own words.

The map reads the changes of bargaining units from a feed of the event log (``UnitFeed``) and
keeps them in tables of its own (``MapStorage``: a ``MapWriter`` applies changes and moves the
tracking position, a ``MapReader`` answers the queries). ``bargaining.infrastructure`` holds
the implementations, in SQL over the events' own database; nothing here knows SQL or
``eventsourcing``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any, NamedTuple, Protocol
from uuid import UUID

from bargaining.readmodels.expiry_map.filters import MapFilter
from bargaining.readmodels.expiry_map.results import MapUnit

#: One event of a unit as the map applies it: (kind, unit id as text, when, values). The kind
#: is the event's class name; ``when`` is when it was recorded, given only to a map as of a
#: moment, or the real-world day it counts from, given only to a map on a date (``None``
#: otherwise, and for a registration, which counts on every day); the values, by kind:
#:
#: - ``Registered``: union, local, employer, unit name, sector, region, city, headcount,
#:   industry code
#: - ``AgreementRecorded``: expiry, effective and settlement dates, as ISO text (the last two
#:   may be None); read ``dated``, ``when`` is the day it was recorded
#: - ``AgreementCorrected``: the expiry corrected, then the new expiry, effective and
#:   settlement dates; read ``dated``, ``when`` is the day the correction was recorded
#: - ``HeadcountChanged``, ``SectorChanged``, ``RegionChanged``, ``CityChanged``,
#:   ``IndustryCodeChanged``: the new value
#: - ``AgreementsOnDay``: made by a map on a day, not read from the log: the agreements a unit
#:   had begun working under by its day, each as (expiry, effective date), replacing those the
#:   map had for it
#:
#: A plain tuple: a rebuild makes one per event.
UnitChange = tuple[str, str, date | None, tuple[Any, ...]]

#: Rows of the map's units with an expiry, for its memory index: (tracking position, unit id,
#: sector, region, expiry as ISO text, headcount), in (expiry, unit id) order.
IndexRow = tuple[int, str, str, str, str, int]

#: Units of one sector (and region), in range, for cluster candidates: (unit id, sector,
#: region or None, expiry as ISO text, headcount), in (expiry, unit id) order.
ClusterRow = tuple[str, str, str | None, str, int]


class FeedBatch(NamedTuple):
    """Changes of units read from the event log, and the notification ids they span."""

    first: int
    last: int
    changes: list[UnitChange]


class UnitFeed(Protocol):
    """The changes of bargaining units, in the order the event log recorded them."""

    def read(
        self, after: int, limit: int, stop: int | None, *, timed: bool, dated: bool = False
    ) -> FeedBatch | None:
        """Up to ``limit`` changes recorded after notification ``after`` (and at or before
        ``stop``); ``None`` when there are none. ``timed``: say when each was recorded;
        ``dated``: the real-world day each counts from."""

    def saved(
        self, recordings: Sequence[Any], *, timed: bool, dated: bool = False
    ) -> FeedBatch | None:
        """The changes among events this process has just saved (the recordings of the
        application's save), without reading them back; ``None`` if none is a unit's."""

    def recorded_between(self, after: int, upto: int) -> bool:
        """Whether a change of a unit was recorded after notification ``after``, up to ``upto``."""

    def last_position(self) -> int:
        """The notification id of the log's last event, of any kind (0 when it is empty)."""


class MapWriter(Protocol):
    """The map's tables, as the changes are written into them."""

    @property
    def position(self) -> int:
        """The last notification id the tables have applied."""

    def write(self, start: int, end: int, changes: Sequence[UnitChange]) -> bool:
        """Apply the changes and move the position from ``start`` to ``end``, all at once;
        ``False`` (and nothing written) if the position was no longer ``start``."""

    def clear(self) -> None:
        """Forget every unit and go back to the start of the log."""

    def drop(self) -> None:
        """Remove the tables."""


class MapReader(Protocol):
    """The map's tables, as the queries read them. Names match as ``MapFilter`` says; pages
    are the filter's ``limit`` and ``offset``; units come in (expiry, unit id) order."""

    def unit(self, unit_id: UUID) -> MapUnit | None: ...

    def all_units(self) -> list[MapUnit]:
        """Every unit, units with no agreement last."""

    def expiring(
        self, start: date, end: date, where: MapFilter, *, besides: UUID | None = None
    ) -> list[MapUnit]:
        """Units whose current expiry falls in ``start``..``end`` (but ``besides``)."""

    def expired_before(self, on: date, where: MapFilter) -> list[MapUnit]: ...

    def months(self, start: date, end: date, where: MapFilter) -> list[tuple[str, int, int]]:
        """(month as "YYYY-MM", units, workers) for the months that have units expiring."""

    def cluster_rows(
        self, start: date, end: date, where: MapFilter, *, by_region: bool
    ) -> list[ClusterRow]: ...

    def in_periods(
        self, periods: Sequence[tuple[date, date, MapFilter, Sequence[str]]]
    ) -> list[tuple[int, MapUnit]]:
        """(period number, unit) for units expiring in each period's range that match its
        filter and whose region is none of its excluded ones; by period, then in map order."""

    def units_by_id(self, unit_ids: Sequence[str]) -> dict[str, MapUnit]: ...

    def index_rows(self) -> list[IndexRow]: ...

    def units_at(self, unit_ids: Sequence[str], position: int) -> dict[str, MapUnit] | None:
        """These units, or ``None`` if the tables are no longer at ``position`` (or lack one)."""

    def known_agreements(self, unit_ids: Sequence[UUID]) -> dict[UUID, set[date]]: ...


class MapStorage(Protocol):
    """Where maps keep their tables: a map's tables are named after the map."""

    def writer(self, name: str) -> MapWriter:
        """The tables of the map of this name, made if they are not there yet."""

    def reader(self, name: str) -> MapReader: ...
