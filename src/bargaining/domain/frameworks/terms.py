"""The terms of an offer or tentative agreement, demand by demand, each saying plainly what it
is: yearly increases, raises on dates (a percent, a flat amount against a base wage, an indexed
raise, the greater of two), lump sums, cost-of-living adjustments, progression to the top rate,
and tiers by hire date, employment status or benefit plan.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal
from typing import Any

import attrs

from bargaining.domain.frameworks.figures import (
    as_decimals,
    compound,
    optional_decimal,
    show_money,
    show_number,
    show_percent,
)
from bargaining.domain.frameworks.inflation import years_between
from bargaining.domain.frameworks.term_inputs import (
    clause_present,
    given_amount,
    optional_term_day,
    term_day,
    tier_group,
)
from bargaining.domain.shared.errors import InvalidInput


class Per(enum.Enum):
    """What a flat amount or a wage is paid per."""

    HOUR = "hour"
    WEEK = "week"
    YEAR = "year"


def _per(value: object) -> Per:
    try:
        return value if isinstance(value, Per) else Per(value)
    except ValueError:
        raise InvalidInput.worded("a wage is paid per hour, week or year, not {value}",
                                  value=repr(value)) from None


def _optional_per(value: object) -> Per | None:
    return None if value is None else _per(value)


# ------------------------------------------------------------------ simple terms


@attrs.frozen
class Increases:
    """Yearly increases in percent, one per year of the term: (2, 2, 1.5, 1.5, 2)."""

    yearly: tuple[Decimal, ...] = attrs.field(converter=as_decimals)

    def total(self) -> Decimal:
        return compound(self.yearly)

    def describe(self) -> str:
        years = len(self.yearly)
        listed = ", ".join(show_percent(p) for p in self.yearly)
        return f"increases {listed} compound to {show_percent(self.total())} over {years} years"


@attrs.frozen
class Amount:
    """A quantity offered, in the demand's unit."""

    value: Decimal = attrs.field(converter=given_amount)


@attrs.frozen
class Clause:
    """Whether a protection clause is in the terms: ``True`` or ``False``, nothing that merely
    reads as true."""

    present: bool = attrs.field(converter=clause_present)


@attrs.frozen
class Years:
    """The agreement's length in years."""

    value: Decimal = attrs.field(converter=given_amount)


@attrs.frozen
class Progression:
    """Years a new worker takes to reach the top rate (``before``: what it was), judged by a
    ``Quantity`` demand in years where less is better."""

    value: Decimal = attrs.field(converter=given_amount)
    before: Decimal | None = attrs.field(default=None, converter=optional_decimal)

    def describe(self) -> str:
        cut = "" if self.before is None else f" (from {show_number(self.before)})"
        return f"progression to the top rate in {show_number(self.value)} years{cut}"


# ------------------------------------------------------------------ raises on dates


@attrs.frozen
class Wage:
    """The base wage a flat raise is judged against: ``Wage(1000, "week")``."""

    amount: Decimal = attrs.field(converter=given_amount)
    per: Per = attrs.field(converter=_per)

    def __attrs_post_init__(self) -> None:
        if self.amount <= 0:
            raise InvalidInput.worded("a base wage is more than zero")

    def describe(self) -> str:
        return f"{show_money(self.amount)} a {self.per.value}"


@attrs.frozen
class Raise:
    """A raise on a date: a percent (``Raise(on, percent=3)``) or a flat amount per hour,
    week or year (``Raise(on, amount=100, per="week")``), which needs the schedule's base
    wage to be judged."""

    on: date = attrs.field(converter=term_day)
    percent: Decimal | None = attrs.field(default=None, converter=optional_decimal)
    amount: Decimal | None = attrs.field(default=None, converter=optional_decimal)
    per: Per | None = attrs.field(default=None, converter=_optional_per)

    def __attrs_post_init__(self) -> None:
        if (self.percent is None) == (self.amount is None):
            raise InvalidInput.worded("a raise on {on} is a percent or a flat amount (one of "
                                      "them)", on=self.on)
        if self.amount is not None and self.per is None:
            raise InvalidInput.worded("a flat raise on {on} says per hour, week or year",
                                      on=self.on)

    def describe(self) -> str:
        if self.percent is not None:
            return f"{show_percent(self.percent)} on {self.on}"
        assert self.amount is not None and self.per is not None
        return f"{show_money(self.amount)} a {self.per.value} on {self.on}"


@attrs.frozen
class Indexed:
    """A raise on a date of inflation plus ``margin`` points (CPI + 2%), at least ``floor``
    and at most ``cap`` percent where given; judged against the host's inflation series, at
    the rate of the year the raise falls in."""

    on: date = attrs.field(converter=term_day)
    margin: Decimal = attrs.field(default=Decimal(0), converter=given_amount)
    floor: Decimal | None = attrs.field(default=None, converter=optional_decimal)
    cap: Decimal | None = attrs.field(default=None, converter=optional_decimal)

    def __attrs_post_init__(self) -> None:
        if self.floor is not None and self.cap is not None and self.cap < self.floor:
            raise InvalidInput.worded("the indexed raise on {on} has a cap below its floor",
                                      on=self.on)

    def describe(self) -> str:
        sign = "+" if self.margin >= 0 else "-"
        text = "CPI" if self.margin == 0 else f"CPI {sign} {show_percent(abs(self.margin))}"
        bounds = [f"at least {show_percent(self.floor)}"] if self.floor is not None else []
        bounds += [f"at most {show_percent(self.cap)}"] if self.cap is not None else []
        extra = f" ({', '.join(bounds)})" if bounds else ""
        return f"{text}{extra} on {self.on}"


@attrs.frozen
class GreaterOf:
    """The greater of two raises on the same date: $100 a week or CPI + 2%."""

    first: Raise | Indexed
    second: Raise | Indexed

    def __attrs_post_init__(self) -> None:
        for raised in (self.first, self.second):
            if not isinstance(raised, Raise | Indexed):
                raise InvalidInput.worded("the greater of two terms compares two raises")
        if self.first.on != self.second.on:
            raise InvalidInput.worded("the greater of two raises compares raises on the same date")

    @property
    def on(self) -> date:
        return self.first.on

    def describe(self) -> str:
        first = self.first.describe().removesuffix(f" on {self.on}")
        second = self.second.describe().removesuffix(f" on {self.on}")
        return f"the greater of {first} or {second} on {self.on}"


@attrs.frozen
class LumpSum:
    """A sum paid once, outside the base: it does not compound and no later raise counts it."""

    on: date = attrs.field(converter=term_day)
    amount: Decimal = attrs.field(converter=given_amount)

    def describe(self) -> str:
        return f"a {show_money(self.amount)} lump sum on {self.on} (paid once, outside the base)"


@attrs.frozen
class CostOfLiving:
    """A cost-of-living adjustment from ``on``: at the end of each year that follows, wages
    rise by ``share`` percent of that year's inflation (at most ``cap`` points a year). A
    year of deflation adjusts nothing: a cost-of-living clause protects pay, it does not cut
    it."""

    on: date = attrs.field(converter=term_day)
    share: Decimal = attrs.field(default=Decimal(100), converter=given_amount)
    cap: Decimal | None = attrs.field(default=None, converter=optional_decimal)

    def describe(self) -> str:
        capped = "" if self.cap is None else f", at most {show_percent(self.cap)} a year"
        return (f"a cost-of-living adjustment of {show_number(self.share)}% of inflation "
                f"each year from {self.on}{capped}")


Step = Raise | Indexed | GreaterOf | LumpSum | CostOfLiving


def _steps(values: Any) -> tuple[Step, ...]:
    if isinstance(values, Raise | Indexed | GreaterOf | LumpSum | CostOfLiving):
        values = [values]
    if isinstance(values, str | bytes | Mapping) or not isinstance(values, Iterable):
        raise InvalidInput.worded("raises on dates are a list of raises, not {values}",
                                  values=repr(values))
    steps = tuple(values)
    for step in steps:
        if not isinstance(step, Raise | Indexed | GreaterOf | LumpSum | CostOfLiving):
            raise InvalidInput.worded("raises on dates are Raise, Indexed, GreaterOf, LumpSum or "
                                      "CostOfLiving, not {name}", name=type(step).__name__)
    return tuple(sorted(steps, key=lambda s: s.on))


def _flat(step: Step) -> list[Raise]:
    if isinstance(step, Raise) and step.amount is not None:
        return [step]
    if isinstance(step, GreaterOf):
        return [r for r in (step.first, step.second)
                if isinstance(r, Raise) and r.amount is not None]
    return []


@attrs.frozen
class Raises:
    """Raises on dates over a term from ``start`` to ``end`` (both days included), with the
    ``base`` wage that flat amounts are judged against. A raise dated outside the term, or a
    flat raise without a base wage (or paid per another period than the base), is refused."""

    start: date = attrs.field(converter=term_day)
    end: date = attrs.field(converter=term_day)
    steps: tuple[Step, ...] = attrs.field(converter=_steps)
    base: Wage | None = None

    def __attrs_post_init__(self) -> None:
        if self.end <= self.start:
            raise InvalidInput.worded("a term ends after it begins: {start} to {end}",
                                      start=self.start, end=self.end)
        if self.base is not None and not isinstance(self.base, Wage):
            raise InvalidInput.worded("the base wage is a Wage: Wage(1000, 'week')")
        for step in self.steps:
            if not self.start <= step.on <= self.end:
                raise InvalidInput.worded("{describe} falls outside the term {start} to {end}",
                                          describe=step.describe(), start=self.start, end=self.end)
            for flat in _flat(step):
                if self.base is None:
                    raise InvalidInput.worded("a flat raise of {describe} needs the base wage it "
                                              "is judged against", describe=flat.describe())
                if flat.per is not self.base.per:
                    raise InvalidInput.worded("a flat raise of {describe} is judged against a "
                                              "base wage per {value}, not {describe2}",
                                              describe=flat.describe(),
                                              value=flat.per.value if flat.per else '?',
                                              describe2=self.base.describe())

    @property
    def years(self) -> Decimal:
        return years_between(self.start, self.end)

    def describe(self) -> str:
        base = f" on a base of {self.base.describe()}" if self.base is not None else ""
        listed = "; ".join(
            step.describe() + (", the term's last day" if step.on == self.end else "")
            for step in self.steps) or "no raise"
        return (f"raises from {self.start} to {self.end} ({show_number(round(self.years, 1))} "
                f"years){base}: {listed}")


TermValue = Increases | Amount | Clause | Years | Raises | Progression


# ------------------------------------------------------------------ tiers and terms


class TierBasis(enum.Enum):
    """What divides the workers a tiered term treats differently."""

    HIRE_DATE = "hire date"
    STATUS = "employment status"
    BENEFIT_PLAN = "benefit plan"


def _basis(value: object) -> TierBasis:
    try:
        return value if isinstance(value, TierBasis) else TierBasis(value)
    except ValueError:
        raise InvalidInput.worded("a tier is by {tierbasis}; not {value}",
                                  tierbasis=', '.join(b.value for b in TierBasis),
                                  value=repr(value)) from None


_TERMS = "Increases, Raises, Amount, Clause, Years or Progression"


def _tier(value: object, what: str = "each tier of a tiered term") -> Any:
    if not isinstance(value, Increases | Amount | Clause | Years | Raises | Progression):
        raise InvalidInput.worded("{what} is a term ({terms}), not {value}",
                                  what=what, terms=_TERMS, value=repr(value))
    return value


@attrs.frozen
class Tiered:
    """A term that differs between two groups of workers: ``incumbents`` and ``new_hires``
    (the other tier). By hire date (the default), ``hired_from`` is the day the second tier
    begins; by employment status or benefit plan, ``group`` names the second tier ("temporary
    and part-time", "hired after 2007 without a defined-benefit pension")."""

    incumbents: TermValue = attrs.field(converter=_tier)
    hired_from: date | None = attrs.field(converter=optional_term_day)
    new_hires: TermValue = attrs.field(converter=_tier)
    basis: TierBasis = attrs.field(default=TierBasis.HIRE_DATE, converter=_basis)
    group: str = attrs.field(default="", converter=tier_group)

    def __attrs_post_init__(self) -> None:
        if self.basis is TierBasis.HIRE_DATE and self.hired_from is None:
            raise InvalidInput.worded("a tier by hire date says from which day new hires are "
                                      "hired")
        if self.basis is not TierBasis.HIRE_DATE and not self.group.strip():
            raise InvalidInput.worded("a tier by {value} names its group of workers",
                                      value=self.basis.value)

    @property
    def second_tier(self) -> str:
        """Who the second tier is, in words."""
        if self.group.strip():
            return self.group.strip()
        return f"workers hired from {self.hired_from}"


def _term_items(items: Mapping[str, Any]) -> dict[str, Any]:
    if not isinstance(items, Mapping):
        raise InvalidInput.worded("terms are a mapping of demand key to term")
    for key, value in items.items():
        if not isinstance(key, str) or not key.strip():
            raise InvalidInput.worded("a term is named by its demand's key, not {key}",
                                      key=repr(key))
        if not isinstance(value, Tiered):
            _tier(value, f"the term for '{key}'")
    return dict(items)


@attrs.frozen
class Terms:
    """What an employer offers or a bargaining team tentatively agreed: term per demand key."""

    items: Mapping[str, TermValue | Tiered] = attrs.field(factory=dict, converter=_term_items)

    @classmethod
    def of(cls, **items: TermValue | Tiered) -> Terms:
        return cls(dict(items))
