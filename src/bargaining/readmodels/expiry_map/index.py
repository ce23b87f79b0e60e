"""The Expiry Map's memory index: its units with an expiry, arranged for ranking and filtering.

``ExpiryMap`` keeps one for its current tracking position and answers ``cluster_candidates``
and ``in_open_period`` from it (see ``ExpiryMap.ASKS_BEFORE_INDEX`` for when it is built).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from itertools import accumulate
from typing import Any, NamedTuple

from bargaining.domain.units.profile import normalise_name
from bargaining.readmodels.expiry_map.results import MapUnit

#: At most this many units are kept with a memory index (with their parsed ids; what they
#: cost is measured in docs/operations/performance.md); beyond it, the units an answer shows
#: are read from SQL each time.
KEPT_UNITS = 20_000


class IndexGroup(NamedTuple):
    """One group's units with an expiry, in the map's (expiry, unit id) order."""

    sector_key: str
    region_key: str | None
    days: list[int]  # expiry day ordinals, ascending
    totals: list[int]  # totals[i]: headcount of the units before unit i
    places: list[int]  # each unit's place in the whole map's order (``ExpiryIndex.ids``)


class ExpiryIndex:
    """Every unit with an expiry as the map's tables held them at one tracking position,
    arranged for the queries that read thousands of rows only to rank or filter them.

    Fetching and grouping the rows in range was most of a cluster query; here each group's
    units in range are a slice of its arrays, found by bisection. Open periods bisect the
    whole map's arrays. Units an answer shows are read once per position and kept in
    ``units``. What the arrays and the kept units cost is measured in
    ``docs/operations/performance.md``.

    The map's rows are a function of its position (every write moves it in the same
    transaction; a rebuild ends at the same position with the same rows), so the index holds
    until the position moves. It is read in one statement, rows and position together, and
    never changed once built, except that ``units`` gains units read at its own position:
    threads share it safely, and a new position gets a new index.
    """

    def __init__(self, rows: Sequence[tuple[Any, ...]]) -> None:
        """``rows``: (position, unit id, sector, region, expiry, headcount) in expiry then
        unit id order; with no rows the position is unknown, so it is -1 and never reused."""
        self.position: int = rows[0][0] if rows else -1
        self.units: dict[str, MapUnit] = {}
        columns: list[Sequence[Any]] = list(zip(*rows, strict=True)) or [()] * 6
        _, ids, sectors, regions, expiries, heads = columns
        ordinals = {e: date.fromisoformat(e).toordinal() for e in set(expiries)}
        keys = {name: normalise_name(name) for name in {*sectors, *regions}}
        self.ids: list[str] = list(ids)
        self.days: list[int] = list(map(ordinals.__getitem__, expiries))
        self.heads: list[int] = list(heads)
        self.sector_keys: list[str] = list(map(keys.__getitem__, sectors))
        self.region_keys: list[str] = list(map(keys.__getitem__, regions))
        cells: dict[tuple[str, str | None], list[int]] = {}
        for place, cell in enumerate(zip(sectors, regions, strict=True)):
            members = cells.get(cell)
            if members is None:
                members = cells[cell] = []
            members.append(place)
        by_sector: dict[tuple[str, str | None], list[int]] = {}
        for (sector, _), places in cells.items():
            by_sector.setdefault((sector, None), []).extend(places)
        #: Groups by sector and region, and by sector alone.
        self.cells = {cell: self.group(places, *cell) for cell, places in cells.items()}
        self.sectors = {
            cell: self.group(sorted(places), *cell) for cell, places in by_sector.items()
        }

    def group(self, places: list[int], sector: str, region: str | None) -> IndexGroup:
        """The group of these units (places in map order, ascending)."""
        return IndexGroup(
            normalise_name(sector), None if region is None else normalise_name(region),
            list(map(self.days.__getitem__, places)),
            list(accumulate(map(self.heads.__getitem__, places), initial=0)),
            places,
        )

    def units_of(
        self, unit_ids: list[str], read: Callable[[list[str], int], dict[str, MapUnit] | None]
    ) -> dict[str, MapUnit] | None:
        """The units of these ids as the index's position has them, read (with ``read``: the
        units of some ids if the tables are still at a position) once per position and then
        kept with the index. ``None`` if the tables have moved on since the index was built:
        a unit read now might not be the unit the index ranked."""
        units = self.units
        missing = [uid for uid in dict.fromkeys(unit_ids) if uid not in units]
        if not missing:
            return units
        found = read(missing, self.position)
        if found is None:
            return None
        if len(units) + len(found) > KEPT_UNITS:
            return {uid: units.get(uid) or found[uid] for uid in unit_ids}
        units.update(found)
        return units
