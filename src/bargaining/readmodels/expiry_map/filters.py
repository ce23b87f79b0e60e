"""Which units a query of the Expiry Map looks at (its filter, its dates, its days), and which
page of its answer it gives: checked in the words of the question."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

import attrs

from bargaining.domain.shared.dates import require_date
from bargaining.domain.shared.errors import InvalidInput, term
from bargaining.domain.units.profile import normalise_name

#: A name filter as a host gives it: one name, or several (a list, a set, a generator...).
Names = str | Iterable[str] | None
#: The largest whole number a query passes to SQL (a signed 64-bit integer).
MAX_COUNT = 2**63 - 1


def is_count(value: object, *, least: int = 0) -> bool:
    """A whole number (not a bool, a float or text) from ``least`` to :data:`MAX_COUNT`."""
    return (not isinstance(value, bool) and isinstance(value, int)
            and least <= value <= MAX_COUNT)


@attrs.frozen(init=False)
class MapFilter:
    """Sector, region, union and employer names (each one name or several: a unit matches
    any of them, whatever their case and spacing), and a page of the answer: at most
    ``limit`` results after skipping ``offset``. Left out, a part does not filter.

    Names are kept as tuples, so a filter can be asked again (a generator is read once,
    here); a blank name or a page that is not a whole number is refused at once. A query
    refuses the parts of a filter it cannot honour, rather than ignoring them.
    """

    sector: tuple[str, ...] | None
    region: tuple[str, ...] | None
    union: tuple[str, ...] | None
    employer: tuple[str, ...] | None
    limit: int | None
    offset: int

    def __init__(
        self,
        sector: Names = None,
        region: Names = None,
        union: Names = None,
        employer: Names = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> None:
        if limit is not None and not is_count(limit):
            raise InvalidInput.worded("limit must be a whole number of results, from 0 to "
                                      "{max_count:,}", max_count=MAX_COUNT)
        if not is_count(offset):
            raise InvalidInput.worded("offset must be a whole number of results, from 0 to "
                                      "{max_count:,}", max_count=MAX_COUNT)
        self.__attrs_init__(
            _names(sector, term("sector")), _names(region, term("region")), _names(union,
                                                                                   term("union")),
            _names(employer, term("employer")), limit, offset,
        )

    def given(self, *parts: str) -> list[str]:
        """Which of these parts (``"union"``, ``"limit"``...) the filter sets."""
        unset: dict[str, Any] = {"offset": 0}
        return [part for part in parts if getattr(self, part) != unset.get(part)]

    def keys(self, part: str) -> set[str] | None:
        """A sector or region filter's names as the map matches them (``None``: no filter)."""
        names: tuple[str, ...] | None = getattr(self, part)
        return None if names is None else {normalise_name(name) for name in names}


def _names(value: Names, what: str) -> tuple[str, ...] | None:
    if value is None:
        return None
    try:
        names = (value,) if isinstance(value, str) else tuple(value)
    except TypeError:
        names = ()
    if not names or not all(isinstance(name, str) and name.strip() for name in names):
        raise InvalidInput.worded("the {what} filter needs one or more non-blank names", what=what)
    return names


#: The filter of a query given none: every unit, the whole answer.
EVERY_UNIT = MapFilter()


def filter_of(where: object) -> MapFilter:
    """The filter a query was given (``None``: every unit)."""
    if where is None:
        return EVERY_UNIT
    if not isinstance(where, MapFilter):
        raise InvalidInput.worded("a query of the Expiry Map is filtered with a MapFilter, not a "
                                  "{name}", name=type(where).__name__)
    return where


def refuse(where: MapFilter, parts: tuple[str, ...], refusal: InvalidInput) -> None:
    """Refuse a filter that sets any of these parts (``refusal`` says why, in words): the
    query cannot honour them."""
    if where.given(*parts):
        raise refusal


def check_range(start: date, end: date) -> None:
    """Both ends are calendar dates (a date-time is refused: the map stores days, and a
    date-time compared with them misses the day it falls on)."""
    require_date(start, term("start of the date range"))
    require_date(end, term("end of the date range"))
    if end < start:
        raise InvalidInput.worded("the date range ends ({end}) before it starts ({start})",
                                  end=end, start=start)


def check_days(days: int, what: str) -> None:
    if not is_count(days):
        raise InvalidInput.worded("{what} must be a whole number of days, zero or more", what=what)


def check_count(value: object, what: str, *, least: int = 0) -> int:
    """A whole number (not a bool, a float or text) from ``least``, small enough for SQL."""
    if not is_count(value, least=least):
        raise InvalidInput.worded("{what} must be a whole number from {least:,} to "
                                  "{max_count:,}, not {value}",
                                  what=what, least=least, max_count=MAX_COUNT, value=repr(value))
    return value  # type: ignore[return-value]

