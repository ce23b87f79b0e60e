"""An inflation series the host supplies, to judge indexed raises, cost-of-living adjustments
and real wages: the rate over each year, year after year, with no gap and no overlap."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, timedelta
from decimal import Decimal, localcontext
from typing import Any

import attrs

from bargaining.domain.frameworks.figures import as_decimal
from bargaining.domain.shared.dates import is_date
from bargaining.domain.shared.errors import InvalidInput, term


def add_years(day: date, years: int) -> date:
    """The same day ``years`` later (February 29 becomes February 28)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def add_months(day: date, months: int) -> date:
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def _month_on(day: date, months: int) -> date:
    """The day a whole number of months from ``day`` ends: the same day of the month, or, in
    a month too short for it, the first day of the next (a month from January 31 runs to the
    end of February, not to February 27)."""
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    try:
        return date(year, month, day.day)
    except ValueError:
        return date(year + month // 12, month % 12 + 1, 1)


def years_between(start: date, end: date) -> Decimal:
    """The length in years of a term from ``start`` to ``end``, both days included: whole
    months count twelve to a year, the days left over 365 to a year. A month is whole only
    when it runs to the same day of the next month (or to the end of a month too short for
    that day): January 31 to February 27 is 28 days, January 31 to February 28 a month."""
    after = end + timedelta(days=1)
    months = (after.year - start.year) * 12 + after.month - start.month
    while months > 0 and _month_on(start, months) > after:
        months -= 1
    days = (after - _month_on(start, months)).days
    return Decimal(months) / 12 + Decimal(days) / 365


def _pairs(value: Any) -> tuple[tuple[date, Decimal], ...]:
    items: Iterable[Any] = value.items() if isinstance(value, Mapping) else value
    if isinstance(value, str) or not isinstance(items, Iterable):
        raise InvalidInput.worded("an inflation series maps the day each year begins to its rate")
    pairs = []
    for item in items:
        if not isinstance(item, Sequence) or len(item) != 2:
            raise InvalidInput.worded("an inflation series maps the day each year begins to its "
                                      "rate")
        start, rate = item
        if isinstance(start, str):
            try:
                start = date.fromisoformat(start)
            except ValueError:
                raise InvalidInput.worded("an inflation year begins on a date, not {start}",
                                          start=repr(start)) from None
        if not is_date(start):
            raise InvalidInput.worded("an inflation year begins on a date, not {start}",
                                      start=repr(start))
        pairs.append((start, as_decimal(rate, term("an inflation rate"))))
    pairs.sort(key=lambda pair: pair[0])
    if not pairs:
        raise InvalidInput.worded("an inflation series needs at least one year")
    for (first, _), (then, _) in itertools.pairwise(pairs):
        expected = add_years(first, 1)
        if then > expected:
            raise InvalidInput.worded("the inflation series has a gap: the year from {first} "
                                      "ends on {value}, the next begins on {then}",
                                      first=first, value=expected - timedelta(days=1), then=then)
        if then < expected:
            raise InvalidInput.worded("the inflation series overlaps: the year from {first} runs "
                                      "to {value}, the next begins on {then}",
                                      first=first, value=expected - timedelta(days=1), then=then)
    return tuple(pairs)


def _source(value: object) -> str:
    if not isinstance(value, str):
        raise InvalidInput.worded("an inflation series names its source in words, not {value}",
                                  value=repr(value))
    return value


@attrs.frozen
class Inflation:
    """Yearly inflation in percent, by the day each year begins:
    ``Inflation({date(2023, 4, 1): 4.0, date(2024, 4, 1): 3.5, ...})``. Years follow each
    other with no gap; a series with a gap or an overlap is refused. Projected or measured,
    the host says which in ``source``."""

    years: tuple[tuple[date, Decimal], ...] = attrs.field(converter=_pairs)
    source: str = attrs.field(default="", converter=_source)

    @classmethod
    def yearly(cls, start: date, rates: Iterable[object], source: str = "") -> Inflation:
        """Consecutive years from ``start``: ``Inflation.yearly(date(2023, 4, 1), [4, 3.5])``."""
        if not is_date(start):
            raise InvalidInput.worded("an inflation series begins on a date, not {start}",
                                      start=repr(start))
        if isinstance(rates, str | bytes) or not isinstance(rates, Iterable):
            raise InvalidInput.worded("an inflation series lists its yearly rates, not {rates}",
                                      rates=repr(rates))
        return cls(tuple((add_years(start, i), r) for i, r in enumerate(rates)), source)

    @property
    def start(self) -> date:
        return self.years[0][0]

    @property
    def end(self) -> date:
        """The last day the series covers."""
        return add_years(self.years[-1][0], 1) - timedelta(days=1)

    def rate_on(self, day: date) -> Decimal:
        """The rate of the year that ``day`` falls in."""
        self._check_covers(day, day)
        found = [rate for start, rate in self.years if start <= day]
        return found[-1]

    def first_years(self, count: int) -> tuple[Decimal, ...]:
        """The rates of the series' first ``count`` years (for increases stated by year)."""
        if count > len(self.years):
            raise InvalidInput.worded("the inflation series covers {count} years, not the term's "
                                      "{count2}", count=len(self.years), count2=count)
        return tuple(rate for _, rate in self.years[:count])

    def over_years(self, start: date, count: int) -> Decimal:
        """Inflation in percent over ``count`` whole years from ``start``."""
        return self.over(start, add_years(start, count) - timedelta(days=1))

    def over(self, start: date, end: date) -> Decimal:
        """Inflation in percent from ``start`` to ``end`` (both included); a part of a year
        counts for its share of the year's days, compounded."""
        self._check_covers(start, end)
        after = end + timedelta(days=1)
        with localcontext() as ctx:
            ctx.prec = 40
            factor = Decimal(1)
            for begins, rate in self.years:
                ends = add_years(begins, 1)
                days = (min(ends, after) - max(begins, start)).days
                if days <= 0:
                    continue
                share = Decimal(days) / (ends - begins).days
                factor *= (1 + rate / 100) ** share if share != 1 else 1 + rate / 100
            return (factor - 1) * 100

    def _check_covers(self, start: date, end: date) -> None:
        if start < self.start or end > self.end:
            raise InvalidInput.worded("the inflation series covers {start} to {end}, not "
                                      "{start2} to {end2}",
                                      start=self.start, end=self.end, start2=start, end2=end)
