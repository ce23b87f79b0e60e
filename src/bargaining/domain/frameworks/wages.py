"""What a wage term comes to: its total over the term, its yearly rate, and, against an
inflation series, the change of real wages. Lump sums are paid once, outside the base: they
are named, never counted in the raise."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import attrs

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
from bargaining.domain.shared.errors import InvalidInput

WageTerm = Increases | Raises


@attrs.frozen
class WageFigures:
    """A wage term's figures, in percent: ``total`` over ``years``, ``yearly`` (the rate that
    compounds to it), and with an inflation series ``inflation`` over the same time and the
    ``real`` change of wages (total and yearly)."""

    total: Decimal
    years: Decimal
    yearly: Decimal
    inflation: Decimal | None = None
    real: Decimal | None = None
    real_yearly: Decimal | None = None
    inflation_source: str = ""

    def describe(self) -> str:
        """'9.3% over 5 years, 1.8% a year; against 16.4% projected inflation: real wages fall
        6.1% (1.2% a year)'."""
        text = (f"{show_percent(self.total)} over {show_number(round(self.years, 1))} years, "
                f"{show_percent(self.yearly)} a year")
        return text + self.describe_real()

    def describe_real(self) -> str:
        if self.inflation is None or self.real is None or self.real_yearly is None:
            return ""
        what = f"{self.inflation_source} inflation" if self.inflation_source else "inflation"
        verb = "rise" if self.real > 0 else "fall" if self.real < 0 else "hold"
        change = "" if self.real == 0 else (
            f" {show_percent(abs(self.real))} ({show_percent(abs(self.real_yearly))} a year)")
        return f"; against {show_percent(self.inflation)} {what}: real wages {verb}{change}"


def wage_figures(term: WageTerm, inflation: Inflation | None = None) -> WageFigures:
    """The figures of yearly increases or raises on dates, with real wages when ``inflation``
    is given. An indexed raise or a cost-of-living adjustment needs an inflation series."""
    if isinstance(term, Increases):
        years = Decimal(len(term.yearly))
        if not term.yearly:
            raise InvalidInput("yearly increases name at least one year")
        total = term.total()
        over = None if inflation is None else compound(inflation.first_years(len(term.yearly)))
    elif isinstance(term, Raises):
        years, total = term.years, _schedule_total(term, inflation)
        over = None if inflation is None else inflation.over(term.start, term.end)
    else:
        raise InvalidInput("a wage term is yearly Increases or Raises on dates")
    yearly = yearly_rate(total, years)
    if over is None or inflation is None:
        return WageFigures(total, years, yearly)
    real = real_change(total, over)
    return WageFigures(total, years, yearly, over, real, yearly_rate(real, years),
                       inflation.source)


def _schedule_total(term: Raises, inflation: Inflation | None) -> Decimal:
    dated: list[tuple[date, int, Step | Decimal]] = []
    for index, step in enumerate(term.steps):
        if isinstance(step, CostOfLiving):
            dated += [(day, index, pct) for day, pct in _adjustments(step, term, inflation)]
        elif not isinstance(step, LumpSum):
            dated.append((step.on, index, step))
    dated.sort(key=lambda item: (item[0], item[1]))
    factor = Decimal(1)
    percents: list[Decimal] = []
    for _, _, item in dated:
        pct = item if isinstance(item, Decimal) else _percent(item, term, factor, inflation)
        percents.append(pct)
        factor *= 1 + pct / 100
    return compound(percents)


def _percent(step: Step, term: Raises, factor: Decimal, inflation: Inflation | None) -> Decimal:
    if isinstance(step, GreaterOf):
        return max(_percent(step.first, term, factor, inflation),
                   _percent(step.second, term, factor, inflation))
    if isinstance(step, Indexed):
        if inflation is None:
            raise InvalidInput(f"the indexed raise {step.describe()} is judged against an "
                               "inflation series, and none was given")
        pct = inflation.rate_on(step.on) + step.margin
        if step.floor is not None:
            pct = max(pct, step.floor)
        return min(pct, step.cap) if step.cap is not None else pct
    if isinstance(step, Raise):
        if step.percent is not None:
            return step.percent
        assert step.amount is not None and term.base is not None
        return step.amount / (term.base.amount * factor) * 100
    raise InvalidInput(f"{type(step).__name__} is not a raise")


def _adjustments(
    step: CostOfLiving, term: Raises, inflation: Inflation | None
) -> list[tuple[date, Decimal]]:
    if inflation is None:
        raise InvalidInput(f"{step.describe()} is judged against an inflation series, and "
                           "none was given")
    found = []
    year = 1
    while (day := add_years(step.on, year)) <= term.end:
        rate = inflation.over(add_years(step.on, year - 1), day - timedelta(days=1))
        pct = rate * step.share / 100
        found.append((day, min(pct, step.cap) if step.cap is not None else pct))
        year += 1
    return found
