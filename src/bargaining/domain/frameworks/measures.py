"""How a demand is measured: its floor (below it, a concession) and its target (the ask).

A wage demand says what its floor binds (:class:`Binds`), so that a long term cannot hide a
small raise: the total over the term (release 0.1's meaning, kept for demands stored then),
the total over a stated period, the yearly average, or the real wage against inflation.
"""

from __future__ import annotations

import enum
from decimal import Decimal
from typing import Any

import attrs

from bargaining.domain.frameworks.figures import (
    as_decimal,
    optional_decimal,
    show_number,
    show_percent,
)
from bargaining.domain.shared.errors import InvalidInput, RuleViolation, term

NO_TWO_TIER = "no two-tier"


def _bound(value: object) -> Decimal:
    return as_decimal(value, term("a floor, target or term"))


def _check_sides(measure: Any) -> None:
    """A target never sits on the wrong side of its floor."""
    better = measure.more_is_better
    if (measure.target < measure.floor) if better else (measure.target > measure.floor):
        side = "below" if better else "above"
        raise RuleViolation.worded("the target {show_number} sits {side} its floor {show_number2}",
                                   show_number=show_number(measure.target), side=side,
                                   show_number2=show_number(measure.floor))


class Binds(enum.Enum):
    """What a wage demand's floor and target bind."""

    TERM = "the total over the term"
    PERIOD = "the total over a stated period"
    YEARLY = "the yearly average"
    REAL = "the real wage against inflation"


def _binds(value: object) -> Binds:
    if isinstance(value, Binds):
        return value
    try:
        return Binds(value)
    except ValueError:
        raise InvalidInput.worded("a wage floor binds one of: {binds}; not {value}",
                                  binds=', '.join(b.value for b in Binds),
                                  value=repr(value)) from None


@attrs.frozen
class CompoundIncrease:
    """Wage increases, compounded, judged by what the floor binds (``binds``):

    - ``Binds.TERM`` (the default, and the meaning of every demand stored by release 0.1):
      ``floor`` and ``target`` are totals in percent over the whole term, whatever its length;
      pair it with a :class:`TermLength` demand;
    - ``Binds.PERIOD``: totals over ``years`` (a stated period, such as the five years that
      inflation is projected over); a term of another length counts at its yearly rate;
    - ``Binds.YEARLY``: the yearly average, compounded (3.3 is 3.3% a year);
    - ``Binds.REAL``: the yearly change of real wages against the inflation series the host
      supplies (0 keeps purchasing power; 2 is inflation plus about 2% a year).
    """

    floor: Decimal = attrs.field(converter=_bound)
    target: Decimal = attrs.field(converter=_bound)
    binds: Binds = attrs.field(default=Binds.TERM, converter=_binds)
    years: Decimal | None = attrs.field(default=None, converter=optional_decimal)

    kind = "compound increase"
    more_is_better = True

    def __attrs_post_init__(self) -> None:
        _check_sides(self)
        if self.binds is Binds.PERIOD:
            if self.years is None or self.years <= 0:
                raise InvalidInput.worded("a floor over a stated period needs the period in years")
        elif self.years is not None:
            raise InvalidInput.worded("a floor that binds {value} states no period; give "
                                      "binds=Binds.PERIOD with years", value=self.binds.value)

    @property
    def bound_words(self) -> str:
        """What the figures of floor and target are: 'over the term', 'a year' …"""
        if self.binds is Binds.PERIOD:
            return f"over {show_number(self.years or Decimal(0))} years"
        if self.binds is Binds.YEARLY:
            return "a year"
        if self.binds is Binds.REAL:
            return "a year above inflation"
        return "over the term"

    def describe(self) -> str:
        if self.binds is Binds.TERM:
            return (
                f"increases compounding to at least {show_percent(self.floor)} over the term "
                f"(target {show_percent(self.target)})"
            )
        return (
            f"increases of at least {show_percent(self.floor)} {self.bound_words} "
            f"(target {show_percent(self.target)})"
        )


@attrs.frozen
class Quantity:
    """A measured standard with a unit: more is better (care hours) or less is better
    (class size, years to reach the top rate)."""

    unit: str
    floor: Decimal = attrs.field(converter=_bound)
    target: Decimal = attrs.field(converter=_bound)
    more_is_better: bool = True

    kind = "quantity"

    def __attrs_post_init__(self) -> None:
        _check_sides(self)

    def describe(self) -> str:
        word = "at least" if self.more_is_better else "at most"
        return f"{word} {show_number(self.floor)} {self.unit} (target {show_number(self.target)})"


@attrs.frozen
class Protection:
    """A clause that must be present: no contracting out, no two-tier, no layoffs."""

    clause: str

    kind = "protection"
    more_is_better = True

    def describe(self) -> str:
        return f"the clause '{self.clause}'"


@attrs.frozen
class TermLength:
    """The agreement's length in years: at most ``floor`` (the longest acceptable), ideally
    ``target``."""

    floor: Decimal = attrs.field(converter=_bound)
    target: Decimal = attrs.field(converter=_bound)

    kind = "term length"
    more_is_better = False

    def __attrs_post_init__(self) -> None:
        _check_sides(self)

    def describe(self) -> str:
        most, target = show_number(self.floor), show_number(self.target)
        return f"a term of at most {most} years (target {target})"


Measure = CompoundIncrease | Quantity | Protection | TermLength
