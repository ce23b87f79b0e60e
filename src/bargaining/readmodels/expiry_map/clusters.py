"""Cluster candidates: units of one sector (and region) whose expiries fall within a window.

Every maximal window of each group is a candidate; the heaviest (most workers, then most
units, then the earliest) are taken first, and a window sharing a unit with one already taken
is passed over, so each unit is in at most one candidate. The groups come from the map's rows
in range (``from_rows``) or from its memory index (``from_index``); both rank and break ties
alike, so they answer the same.
"""

from __future__ import annotations

import heapq
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from datetime import date
from itertools import accumulate
from operator import itemgetter

from bargaining.readmodels.expiry_map.index import ExpiryIndex, IndexGroup
from bargaining.readmodels.expiry_map.ports import ClusterRow
from bargaining.readmodels.expiry_map.results import ClusterCandidate, MapUnit

#: A window of cluster candidates, ordered so the smallest is the heaviest: (-workers, -units,
#: first expiry's day ordinal, sector, group rank, start, end); start and end index the group's
#: units.
_Window = tuple[int, int, int, str, int, int, int]

#: The units of these ids (``None``: they can no longer be read as the groups had them).
UnitsOf = Callable[[list[str]], dict[str, MapUnit] | None]


def from_rows(
    rows: Sequence[ClusterRow],
    window_days: int,
    min_units: int,
    limit: int | None,
    units_of: Callable[[list[str]], dict[str, MapUnit]],
) -> list[ClusterCandidate]:
    """Cluster candidates from the rows in range, grouped here (the path before the memory
    index, and the one taken while it is not built)."""
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
    units = units_of([uid for g, i, j in chosen for uid in groups[g][1][0][i:j]])
    candidates = []
    for g, i, j in chosen:
        (group_sector, group_region), (ids, expiries, _) = groups[g]
        candidates.append(ClusterCandidate(
            group_sector, group_region, date.fromisoformat(expiries[i]),
            date.fromisoformat(expiries[j - 1]),
            tuple(units[uid] for uid in ids[i:j] if uid in units),
        ))
    return candidates


def from_index(
    index: ExpiryIndex,
    start: date,
    end: date,
    window_days: int,
    *,
    sectors: set[str] | None,
    regions: set[str] | None,
    by_region: bool,
    min_units: int,
    limit: int | None,
    units_of: UnitsOf,
) -> list[ClusterCandidate] | None:
    """Cluster candidates from the memory index: each group's units in range are one
    slice of its arrays, so nothing is fetched or grouped but the chosen units. ``None``
    when the tables moved on before those units were read (the SQL path answers then).
    ``sectors`` and ``regions`` are the filter's keys."""
    first, last = start.toordinal(), end.toordinal()
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
    units = units_of([ids[p] for g, i, j in chosen for p in spans[g][3].places[i:j]])
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
