"""What a wage term comes to: its total over the term, its yearly rate, what it earns over the
term per year (:mod:`.earned`), and, against an inflation series, the change of real wages.
Lump sums are paid once, outside the base: they are named, never counted in the raise.

Yearly ``Increases`` carry no dates. Against an inflation series they are judged from
``starting`` (the day the first increase takes effect) when the host gives it; without it,
only a series of exactly their years is read as theirs. Judging them against the first years
of a longer series would be a guess, so their real change is then left out (and a floor on
the real wage refuses to judge them)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import attrs

from bargaining.domain.frameworks.earned import earned_by_years, earned_on_dates, earned_words
from bargaining.domain.frameworks.figures import (
    compound,
    real_change,
    show_number,
    show_percent,
    yearly_rate,
)
from bargaining.domain.frameworks.inflation import Inflation, add_years
from bargaining.domain.frameworks.terms import (
    CostOfLiving,
    GreaterOf,
    Increases,
    Indexed,
    LumpSum,
    Raise,
    Raises,
    Step,
)
from bargaining.domain.shared.dates import is_date
from bargaining.domain.shared.errors import InvalidInput

WageTerm = Increases | Raises


@attrs.frozen
class WageFigures:
    """A wage term's figures, in percent: ``total`` over ``years``, ``yearly`` (the rate that
    compounds to it), and with an inflation series ``inflation`` over the same time and the
    ``real`` change of wages (total and yearly). ``earned`` is what the raises add to
    earnings over the term, per year, on their real dates (see :mod:`.earned`): a raise on
    the term's last day compounds to a yearly figure but earns next to nothing."""

    total: Decimal
    years: Decimal
    yearly: Decimal
    inflation: Decimal | None = None
    real: Decimal | None = None
    real_yearly: Decimal | None = None
    inflation_source: str = ""
    earned: Decimal | None = None

    @property
    def judged_yearly(self) -> Decimal:
        """The yearly figure a yearly floor judges: the lower of the compounded and the
        earned one, so that neither a long term nor a late raise can pass a small raise."""
        return self.yearly if self.earned is None else min(self.yearly, self.earned)

    def describe(self) -> str:
        """'9.3% over 5 years, 1.8% a year; against 16.4% projected inflation: real wages fall
        6.1% (1.2% a year)'; with '3.8% a year compounded, but 0% a year earned over the term'
        when the raises come late."""
        text = f"{show_percent(self.total)} over {show_number(round(self.years, 1))} years"
        return text + self.describe_yearly() + self.describe_real()

    def describe_yearly(self) -> str:
        return earned_words(self.yearly, self.earned)

    def describe_real(self) -> str:
        if self.inflation is None or self.real is None or self.real_yearly is None:
            return ""
        what = f"{self.inflation_source} inflation" if self.inflation_source else "inflation"
        verb = "rise" if self.real > 0 else "fall" if self.real < 0 else "hold"
        change = "" if self.real == 0 else (
            f" {show_percent(abs(self.real))} ({show_percent(abs(self.real_yearly))} a year)")
        return f"; against {show_percent(self.inflation)} {what}: real wages {verb}{change}"


def wage_figures(
    term: WageTerm, inflation: Inflation | None = None, *, starting: date | None = None
) -> WageFigures:
    """The figures of yearly increases or raises on dates, with real wages when ``inflation``
    is given. An indexed raise or a cost-of-living adjustment needs an inflation series.
    ``starting`` is the day yearly increases begin (raises on dates carry their own)."""
    if starting is not None and not is_date(starting):
        raise InvalidInput.worded("the day yearly increases start is a date, not {starting}",
                                  starting=repr(starting))
    over: Decimal | None
    if isinstance(term, Increases):
        years = Decimal(len(term.yearly))
        if not term.yearly:
            raise InvalidInput.worded("yearly increases name at least one year")
        total = term.total()
        yearly = yearly_rate(total, years)
        earned = earned_by_years(term.yearly, yearly)
        over = None if inflation is None else _over_increases(term, inflation, starting)
    elif isinstance(term, Raises):
        dated = _schedule(term, inflation)
        years, total = term.years, compound(pct for _, pct in dated)
        yearly = yearly_rate(total, years)
        earned = earned_on_dates(term.start, term.end, dated, yearly)
        over = None if inflation is None else inflation.over(term.start, term.end)
    else:
        raise InvalidInput.worded("a wage term is yearly Increases or Raises on dates")
    if over is None or inflation is None:
        return WageFigures(total, years, yearly, earned=earned)
    real = real_change(total, over)
    return WageFigures(total, years, yearly, over, real, yearly_rate(real, years),
                       inflation.source, earned)


def undated(term: WageTerm, inflation: Inflation) -> str:
    """Why yearly increases cannot be judged against this series without a start."""
    count = len(term.yearly) if isinstance(term, Increases) else 0
    return (f"yearly increases carry no dates: judging them against the inflation series "
            f"({inflation.start} to {inflation.end}) needs the day they start (starting=) or "
            f"a series of exactly their {count} years")


def _over_increases(term: Increases, inflation: Inflation, starting: date | None
                    ) -> Decimal | None:
    if starting is not None:
        return inflation.over_years(starting, len(term.yearly))
    if len(inflation.years) != len(term.yearly):
        return None
    return compound(rate for _, rate in inflation.years)


def _schedule(term: Raises, inflation: Inflation | None) -> list[tuple[date, Decimal]]:
    """Each change of the base wage in percent, on its date, in order."""
    dated: list[tuple[date, int, Step | Decimal]] = []
    for index, step in enumerate(term.steps):
        if isinstance(step, CostOfLiving):
            dated += [(day, index, pct) for day, pct in _adjustments(step, term, inflation)]
        elif not isinstance(step, LumpSum):
            dated.append((step.on, index, step))
    dated.sort(key=lambda item: (item[0], item[1]))
    factor = Decimal(1)
    changes: list[tuple[date, Decimal]] = []
    for day, _, item in dated:
        pct = item if isinstance(item, Decimal) else _percent(item, term, factor, inflation)
        changes.append((day, pct))
        factor *= 1 + pct / 100
    return changes


def _percent(step: Step, term: Raises, factor: Decimal, inflation: Inflation | None) -> Decimal:
    if isinstance(step, GreaterOf):
        return max(_percent(step.first, term, factor, inflation),
                   _percent(step.second, term, factor, inflation))
    if isinstance(step, Indexed):
        if inflation is None:
            raise InvalidInput.worded("the indexed raise {describe} is judged against an "
                                      "inflation series, and none was given",
                                      describe=step.describe())
        pct = inflation.rate_on(step.on) + step.margin
        if step.floor is not None:
            pct = max(pct, step.floor)
        return min(pct, step.cap) if step.cap is not None else pct
    if isinstance(step, Raise):
        if step.percent is not None:
            return step.percent
        assert step.amount is not None and term.base is not None
        return step.amount / (term.base.amount * factor) * 100
    raise InvalidInput.worded("{name} is not a raise", name=type(step).__name__)


def _adjustments(
    step: CostOfLiving, term: Raises, inflation: Inflation | None
) -> list[tuple[date, Decimal]]:
    if inflation is None:
        raise InvalidInput.worded("{describe} is judged against an inflation series, and none "
                                  "was given", describe=step.describe())
    found = []
    year = 1
    while (day := add_years(step.on, year)) <= term.end:
        rate = inflation.over(add_years(step.on, year - 1), day - timedelta(days=1))
        pct = max(rate * step.share / 100, Decimal(0))
        found.append((day, min(pct, step.cap) if step.cap is not None else pct))
        year += 1
    return found
