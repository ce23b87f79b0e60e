"""What a campaign's rules need of its facts, kept small: each unit's results per rung as far
as a climb can still ask for them, and each unit's strike spells as days.

A campaign climbs on its units' latest results on its current rung. A climb is a decision,
dated on or after the campaign's last decision (``last_dated``), so of the results a unit has
on a rung dated on or before that day only the latest can ever be asked for again; results
dated later are all kept (a climb dated between them asks for the one before it). Every
result a unit ever had, with its work groups, is the participation history, kept outside the
campaign (``bargaining.readmodels.participation``).

A walkout may be back-filled to any day, so every spell of a unit is kept, as the ordinals of
its first day out and its day back (``None`` while still out): two numbers a spell. Its flags,
hours and whether it was part of a day are the history's too.

Both are plain lists of numbers so that the campaign's snapshot stays a few bytes per unit
and per spell, whatever its number of counts.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, MutableMapping
from datetime import date

#: Results of one unit on one rung: ``[held_on ordinal, action, eligible, participants, ...]``
#: in (held_on, action) order.
Results = list[int]


def result_key(unit_hex: str, rung: str) -> str:
    """The key of a unit's results on a rung (names match whatever their case and spacing)."""
    return f"{unit_hex} {' '.join(rung.split()).casefold()}"


def add_result(
    results: MutableMapping[str, Results], unit_hex: str, rung: str, held_on: date,
    action: int, eligible: int, participants: int, settled: date,
) -> None:
    """Keep a unit's result on a rung, in order, and forget those a climb on or after
    ``settled`` (the campaign's last decision) can no longer ask for."""
    key = result_key(unit_hex, rung)
    row = results.setdefault(key, [])
    entry = (held_on.toordinal(), action)
    at = len(row)
    while at and (row[at - 4], row[at - 3]) > entry:
        at -= 4
    row[at:at] = [entry[0], action, eligible, participants]
    _settle(row, settled.toordinal())


def settle(results: MutableMapping[str, Results], settled: date) -> None:
    """The campaign's last decision moved to ``settled``: forget the results no climb can
    ask for any more."""
    day = settled.toordinal()
    for row in results.values():
        if len(row) > 4:
            _settle(row, day)


def _settle(row: Results, day: int) -> None:
    # The latest entry dated on or before ``day`` and every entry after it are kept.
    keep = 0
    for at in range(0, len(row), 4):
        if row[at] <= day:
            keep = at
    if keep:
        del row[:keep]


def latest_result(
    results: MutableMapping[str, Results], unit_hex: str, rung: str, on: date
) -> tuple[int, int, int] | None:
    """A unit's latest result on a rung dated on or before ``on``, as (action, eligible,
    participants); ``on`` must be on or after the campaign's last decision."""
    row = results.get(result_key(unit_hex, rung))
    if not row:
        return None
    day = on.toordinal()
    found = None
    for at in range(0, len(row), 4):
        if row[at] <= day:
            found = (row[at + 1], row[at + 2], row[at + 3])
    return found


# ------------------------------------------------------------------ strike spells

#: A unit's strike spells: ``[first day out, day back or None, ...]`` as ordinals, by start.
Spells = list[int | None]


def spells(days: Spells) -> Iterator[tuple[date, date | None]]:
    """Each spell as (first day out, day back or ``None``)."""
    for at in range(0, len(days), 2):
        start, end = days[at], days[at + 1]
        assert start is not None
        yield date.fromordinal(start), None if end is None else date.fromordinal(end)


def add_spell(days: Spells, start: date, end: date | None) -> None:
    """Keep a spell in order of its first day out."""
    starts = days[0::2]
    at = 2 * bisect_right(starts, start.toordinal())  # type: ignore[type-var]
    days[at:at] = [start.toordinal(), None if end is None else end.toordinal()]


def end_last_spell(days: Spells, on: date) -> None:
    """The unit, out since its last spell began, was back on ``on``."""
    days[-1] = on.toordinal()


def out_on(days: Spells, on: date) -> bool:
    """Whether one of these spells kept the unit out on a day."""
    day = on.toordinal()
    for at in range(0, len(days), 2):
        start, end = days[at], days[at + 1]
        assert start is not None
        if start <= day and (end is None or day < end):
            return True
    return False
