"""Units in an open period on a date: each jurisdiction's periods of the calendar, and the
calendar's default periods for the units of every other jurisdiction."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from datetime import date

import attrs

from bargaining.domain.units.open_period import OpenPeriod, OpenPeriodCalendar
from bargaining.domain.units.profile import normalise_name
from bargaining.readmodels.expiry_map.filters import MapFilter
from bargaining.readmodels.expiry_map.index import ExpiryIndex
from bargaining.readmodels.expiry_map.results import MapUnit, OpenPeriodEntry

#: A period of the calendar: the jurisdictions it is for (or, for a default period, the
#: jurisdictions it is not for), whether it is a default period, and the period.
Period = tuple[list[str], bool, OpenPeriod]

#: Units found in the periods: (the period's number, the unit).
Found = list[tuple[int, MapUnit]]


def periods_of(calendar: OpenPeriodCalendar) -> list[Period]:
    """Every period of the calendar, a jurisdiction's before the default ones."""
    listed = list(calendar.jurisdictions)
    plans: list[tuple[list[str], bool]] = [([j], False) for j in listed]
    if calendar.default:
        plans.append((listed, True))
    return [
        (jurisdictions, is_default, period)
        for jurisdictions, is_default in plans
        for period in (
            calendar.default if is_default else calendar.periods_for(jurisdictions[0])
        )
    ]


def ranges(
    periods: list[Period], on: date, where: MapFilter
) -> list[tuple[date, date, MapFilter, list[str]]]:
    """Per period, the expiries for which ``on`` falls inside it, the filter of its units
    (their region is its jurisdiction) and the regions its units are not in (for a default
    period, the jurisdictions the calendar lists)."""
    found = []
    for jurisdictions, is_default, period in periods:
        lo, hi = period.expiry_range(on)
        if is_default:
            found.append((lo, hi, where, jurisdictions))
        else:
            found.append((lo, hi, attrs.evolve(where, region=jurisdictions), []))
    return found


def from_index(
    index: ExpiryIndex,
    on: date,
    periods: list[Period],
    sectors: set[str] | None,
    units_of: Callable[[list[str]], dict[str, MapUnit] | None],
) -> Found | None:
    """(period number, unit) in the SQL path's order, found in the memory index and its
    kept units; ``None`` if the tables moved on before the units were read.

    Reading the rows of a date from SQL, and building their units from rows, were most of
    the query, so no rewrite of the SQL path came near; kept units cost neither."""
    days, ids, region_keys, sector_keys = (
        index.days, index.ids, index.region_keys, index.sector_keys
    )
    hits: list[tuple[int, int]] = []
    for n, (jurisdictions, is_default, period) in enumerate(periods):
        lo, hi = period.expiry_range(on)
        a = bisect_left(days, lo.toordinal())
        b = bisect_right(days, hi.toordinal(), a)
        regions = {normalise_name(j) for j in jurisdictions}
        hits += [
            (n, p) for p in range(a, b)
            if (region_keys[p] not in regions if is_default else region_keys[p] in regions)
            and (sectors is None or sector_keys[p] in sectors)
        ]
    units = units_of([ids[p] for _, p in hits])
    if units is None:
        return None
    return [(n, units[ids[p]]) for n, p in hits]


def entries(found: Found, periods: list[Period]) -> list[OpenPeriodEntry]:
    """The units found, each with its period's window, by closing date then label."""
    windows: dict[tuple[int, date | None], tuple[date, date]] = {}
    shown: list[OpenPeriodEntry] = []
    for n, unit in found:
        expiry = unit.expiry
        assert expiry is not None
        period = periods[n][2]
        window = windows.get((n, expiry))
        if window is None:
            window = windows[n, expiry] = period.window_for(expiry)
        shown.append(OpenPeriodEntry(unit, period.name, *window))
    shown.sort(key=lambda e: (e.closes, e.unit.label))
    return shown
