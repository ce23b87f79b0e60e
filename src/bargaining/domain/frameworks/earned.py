"""What raises add to earnings over a term, per year: the figure a back-loaded raise cannot
inflate.

A raise compounded into a yearly rate says nothing of when it comes: 12% on a three-year
term's last day compounds to 3.8% a year, though workers earned nothing more for three years.
The *earned* figure weighs each wage by the time it is paid: it is the steady yearly raise,
given on the term's first day and on each anniversary, that would pay the same average wage
over the term as the raises on their real dates. Raises on each anniversary earn exactly what
they compound to; later raises earn less, earlier ones more. The arithmetic is exact (in
fractions) up to the rounding of the result, so a raise moved later never earns more.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date
from decimal import Decimal, localcontext
from fractions import Fraction

from bargaining.domain.frameworks.figures import RATE_PLACES, show_percent
from bargaining.domain.frameworks.inflation import add_years
from bargaining.domain.shared.errors import InvalidInput

#: The earned rate is found to ``2**-_BITS``, far finer than ``RATE_PLACES``.
_BITS = 96
#: The highest steady raise searched, as a multiple of the wage (whatever the average).
_HIGHEST = 256

Segments = Sequence[tuple[int, Fraction]]


def earned_by_years(yearly: Sequence[Decimal], compounded: Decimal) -> Decimal:
    """The earned yearly figure of increases stated by year, each taking effect as its year
    begins (each year weighs the same)."""
    factor, paid = Fraction(1), []
    for pct in yearly:
        factor *= 1 + Fraction(pct) / 100
        paid.append((factor, Fraction(1)))
    steady = [(k + 1, Fraction(1)) for k in range(len(yearly))]
    return _solve(_average(paid), steady, compounded)


def earned_on_dates(
    start: date, end: date, dated: Sequence[tuple[date, Decimal]], compounded: Decimal
) -> Decimal:
    """The earned yearly figure of raises on dates (each effective on its day, both ends of
    the term included), weighing each wage by the days it is paid."""
    after = date.fromordinal(end.toordinal() + 1)
    paid: list[tuple[Fraction, Fraction]] = []
    factor, since = Fraction(1), start
    for day, pct in sorted(dated, key=lambda item: item[0]):
        if day > since:
            paid.append((factor, Fraction((day - since).days)))
            since = day
        factor *= 1 + Fraction(pct) / 100
    paid.append((factor, Fraction((after - since).days)))
    steady: list[tuple[int, Fraction]] = []
    year, begins = 0, start
    while begins < after:
        ends = min(add_years(start, year + 1), after)
        steady.append((year + 1, Fraction((ends - begins).days)))
        year, begins = year + 1, ends
    return _solve(_average(paid), steady, compounded)


def _average(paid: Sequence[tuple[Fraction, Fraction]]) -> Fraction:
    weight = sum((w for _, w in paid), Fraction(0))
    for factor, _ in paid:
        if factor <= 0:
            raise InvalidInput.worded("the raises leave a wage of nothing or less during the term")
    return sum((f * w for f, w in paid), Fraction(0)) / weight


def _steady(rate: Fraction, steady: Segments) -> Fraction:
    """The average wage (the first day's wage being 1) under a steady yearly raise."""
    weight = sum((w for _, w in steady), Fraction(0))
    return sum(((1 + rate) ** k * w for k, w in steady), Fraction(0)) / weight


def _solve(average: Fraction, steady: Segments, compounded: Decimal) -> Decimal:
    """The steady rate (in percent) whose average wage is ``average``, found by halving an
    interval of multiples of ``2**-_BITS`` in exact integers. The search always starts from
    the same interval, split exactly at the compounded yearly figure, so a lower average
    never gives a higher rate, and the earned figure is never found below the compounded one
    when it is not, nor above it when it is not."""
    unit = 1 << _BITS
    top = max(len(steady), 1)
    weights = [(k, int(w)) for k, w in steady]
    total_weight = sum(w for _, w in weights)
    bound = average.numerator * total_weight * unit ** top

    def at_most(m: int) -> bool:
        """Whether the steady raise of ``m / unit`` pays no more than ``average``."""
        paid: int = sum(w * (unit + m) ** k * unit ** (top - k) for k, w in weights)
        return bool(paid * average.denominator <= bound)

    low = -unit
    high = unit * max(_HIGHEST, int(average))
    yearly = Fraction(compounded) / 100
    if low < yearly * unit < high:
        if _steady(yearly, steady) <= average:
            low = max(low, math.floor(yearly * unit))
        else:
            high = min(high, math.ceil(yearly * unit))
    while high - low > 1:
        middle = (low + high) // 2
        if at_most(middle):
            low = middle
        else:
            high = middle
    with localcontext() as ctx:
        ctx.prec = 80
        rate = Decimal(low) / Decimal(unit) * 100
        return +rate.quantize(RATE_PLACES)


def earned_words(yearly: Decimal, earned: Decimal | None) -> str:
    """', 3.8% a year compounded, but 0% a year earned over the term' when the raises earn
    materially less than they compound to (a back-loaded raise), else ', 3.8% a year'."""
    if earned is None or earned >= yearly or show_percent(earned) == show_percent(yearly):
        return f", {show_percent(yearly)} a year"
    return (f", {show_percent(yearly)} a year compounded, but {show_percent(earned)} a year "
            "earned over the term")
