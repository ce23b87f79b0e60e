"""What a campaign's rules need of its facts, kept small: each unit's two latest results per
rung, and each unit's strike spells as days.

A campaign climbs on its units' latest results on its current rung, dated on or before the
climb. A climb is nearly always dated after the results it rests on, so of a unit's results on
a rung the latest answers it; a climb dated before the latest (a result back-dated or dated
ahead) is answered by the one before it. The campaign keeps those two, and whether it had more
(:data:`UNKNOWN`: then only the participation history, which keeps every count, can answer a
climb dated before both; the application passes it). Every count a unit ever had, with its work
groups, is the participation history, kept outside the campaign
(``bargaining.readmodels.participation``). What is kept does not depend on the order results
were recorded in, so a campaign replayed and one upcast from an older snapshot keep the same.

A walkout may be back-filled to any day, so every spell of a unit is kept, as the ordinals of
its first day out and its day back (``None`` while still out): two numbers a spell. Its flags,
hours and whether it was part of a day are the history's.

Both are plain lists of numbers so that the campaign's snapshot stays a few bytes per unit,
per rung and per spell, whatever its number of counts.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Mapping, MutableMapping
from datetime import date
from typing import Final

#: A unit's results on one rung: ``[more, held on, action, eligible, participants]`` for the
#: latest (by day held, then action number), then the same four for the one before it, if
#: any; ``more`` is 1 when the unit had results before those two.
Results = list[int]

#: A climb's day comes before a unit's two latest results and it had more: the history knows.
UNKNOWN: Final = "unknown"


def result_key(unit_hex: str, rung: str) -> str:
    """The key of a unit's results on a rung (names match whatever their case and spacing)."""
    return f"{unit_hex} {' '.join(rung.split()).casefold()}"


def add_result(
    results: MutableMapping[str, Results], unit_hex: str, rung: str, held_on: date,
    action: int, eligible: int, participants: int,
) -> None:
    """Keep a unit's result on a rung if it is one of its two latest."""
    key = result_key(unit_hex, rung)
    row = results.get(key)
    entry = [held_on.toordinal(), action, eligible, participants]
    if row is None:
        results[key] = [0, *entry]
        return
    entries = sorted([row[1:5], *([row[5:9]] if len(row) > 5 else []), entry], reverse=True)
    more = row[0] or int(len(entries) > 2)
    results[key] = [more, *entries[0], *entries[1]]


def result_on(
    results: Mapping[str, Results], unit_hex: str, rung: str, on: date
) -> tuple[int, int] | str | None:
    """A unit's latest result on a rung dated on or before ``on``, as (eligible,
    participants); ``None`` when it has none; :data:`UNKNOWN` when only the history knows."""
    row = results.get(result_key(unit_hex, rung))
    if row is None:
        return None
    day = on.toordinal()
    if row[1] <= day:
        return row[3], row[4]
    if len(row) > 5 and row[5] <= day:
        return row[7], row[8]
    return UNKNOWN if row[0] else None


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
