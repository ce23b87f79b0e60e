"""Evaluating offers and tentative agreements against a framework version.

The evaluation is a pure function of a framework version's demands and a set of terms: it
needs no store, so a host can judge an offer the moment it lands on the table.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal
from typing import Any

import attrs

from bargaining.domain.frameworks.framework import (
    NO_TWO_TIER,
    Category,
    CompoundIncrease,
    Demand,
    Measure,
    Protection,
    Quantity,
    as_decimal,
    as_decimals,
    show_number,
    show_percent,
)
from bargaining.domain.shared.errors import InvalidInput


class Verdict(enum.Enum):
    """Best first: the overall verdict of an evaluation is its worst demand's verdict."""

    MEETS_TARGET = "meets target"
    MEETS_FLOOR = "meets floor"
    MISSING = "missing"
    BELOW_FLOOR = "below floor"

    @property
    def rank(self) -> int:
        return list(Verdict).index(self)


# --------------------------------------------------------------------- terms


def _amount(value: object) -> Decimal:
    return as_decimal(value, "an offered amount or term length")



@attrs.frozen
class Increases:
    """Yearly increases in percent, one per year of the term: (2, 2, 1.5, 1.5, 2)."""

    yearly: tuple[Decimal, ...] = attrs.field(converter=as_decimals)

    def total(self) -> Decimal:
        factor = Decimal(1)
        for pct in self.yearly:
            factor *= 1 + pct / 100
        return (factor - 1) * 100

    def describe(self) -> str:
        years = len(self.yearly)
        listed = ", ".join(show_percent(p) for p in self.yearly)
        return f"increases {listed} compound to {show_percent(self.total())} over {years} years"


@attrs.frozen
class Amount:
    """A quantity offered, in the demand's unit."""

    value: Decimal = attrs.field(converter=_amount)


@attrs.frozen
class Clause:
    """Whether a protection clause is in the terms."""

    present: bool


@attrs.frozen
class Years:
    """The agreement's length in years."""

    value: Decimal = attrs.field(converter=_amount)


TermValue = Increases | Amount | Clause | Years


def _term_items(items: Mapping[str, Any]) -> dict[str, Any]:
    if not isinstance(items, Mapping):
        raise InvalidInput("terms are a mapping of demand key to term")
    return dict(items)


def _verdicts(verdicts: Iterable[Any]) -> tuple[Any, ...]:
    return tuple(verdicts)


@attrs.frozen
class Tiered:
    """A term that differs by hire date: ``incumbents`` for workers hired before
    ``hired_from``, ``new_hires`` for those hired on or after it."""

    incumbents: TermValue
    hired_from: date
    new_hires: TermValue


@attrs.frozen
class Terms:
    """What an employer offers or a bargaining team tentatively agreed: term per demand key."""

    items: Mapping[str, TermValue | Tiered] = attrs.field(factory=dict, converter=_term_items)

    @classmethod
    def of(cls, **items: TermValue | Tiered) -> Terms:
        return cls(dict(items))


# ---------------------------------------------------------------- evaluation


@attrs.frozen
class DemandVerdict:
    demand: str
    category: Category
    verdict: Verdict
    explanation: str


@attrs.frozen
class Evaluation:
    """A verdict for every demand, the overall verdict, and the framework version used."""

    framework: str
    version: int
    verdicts: tuple[DemandVerdict, ...] = attrs.field(converter=_verdicts)

    @property
    def overall(self) -> Verdict:
        if not self.verdicts:
            return Verdict.MEETS_TARGET
        return max((v.verdict for v in self.verdicts), key=lambda v: v.rank)

    @property
    def failing(self) -> tuple[DemandVerdict, ...]:
        return tuple(v for v in self.verdicts if v.verdict is Verdict.BELOW_FLOOR)

    def verdict_for(self, key: str) -> DemandVerdict:
        for verdict in self.verdicts:
            if verdict.demand == key:
                return verdict
        raise InvalidInput(f"the framework has no demand '{key}'")

    def explain(self) -> str:
        lines = [f"{self.framework} v{self.version}: {self.overall.value}"]
        lines += [f"  {v.demand} ({v.category.value}): {v.verdict.value}: {v.explanation}"
                  for v in self.verdicts]
        return "\n".join(lines)


def _worse(measure: Measure, a: TermValue, b: TermValue) -> bool:
    """Whether ``b`` treats workers worse than ``a`` under this measure."""
    return score(measure, b) < score(measure, a)


def score(measure: Measure, value: TermValue | Tiered) -> Decimal:
    """A number where higher is always better for workers, to compare two settlements'
    terms on one demand (a tiered term counts by its worse tier)."""
    if isinstance(value, Tiered):
        return min(score(measure, value.incumbents), score(measure, value.new_hires))
    if isinstance(value, Increases):
        return value.total()
    if isinstance(value, Clause):
        return Decimal(1 if value.present else 0)
    number = value.value
    return number if measure.more_is_better else -number


def describe_term(demand: Demand, value: TermValue | Tiered) -> str:
    """A term in words: 'increases 2%, 2% compound to 4% over 2 years', '22 students'."""
    if isinstance(value, Tiered):
        return (f"{describe_term(demand, value.incumbents)} for incumbents, "
                f"{describe_term(demand, value.new_hires)} for those hired from "
                f"{value.hired_from}")
    if isinstance(value, Increases):
        return value.describe()
    if isinstance(value, Clause):
        return "the clause" if value.present else "no clause"
    if isinstance(value, Years):
        return f"a term of {show_number(value.value)} years"
    unit = f" {demand.measure.unit}" if isinstance(demand.measure, Quantity) else ""
    return f"{show_number(value.value)}{unit}"


def _judge(demand: Demand, value: TermValue) -> tuple[Verdict, str]:
    m = demand.measure
    if isinstance(m, Protection):
        if not isinstance(value, Clause):
            raise InvalidInput(f"the term for '{demand.key}' must be a Clause")
        if value.present:
            return Verdict.MEETS_TARGET, f"the clause '{m.clause}' is in the terms"
        return Verdict.BELOW_FLOOR, f"the clause '{m.clause}' is missing from the terms"
    if isinstance(m, CompoundIncrease):
        if not isinstance(value, Increases):
            raise InvalidInput(f"the term for '{demand.key}' must be yearly Increases")
        got, text = value.total(), value.describe()
        unit = ""
    elif isinstance(m, Quantity):
        if not isinstance(value, Amount):
            raise InvalidInput(f"the term for '{demand.key}' must be an Amount")
        got, text, unit = value.value, f"{show_number(value.value)} {m.unit}", f" {m.unit}"
    else:
        if not isinstance(value, Years):
            raise InvalidInput(f"the term for '{demand.key}' must be Years")
        got, text, unit = value.value, f"a term of {show_number(value.value)} years", " years"
    better = m.more_is_better
    meets_target = got >= m.target if better else got <= m.target
    meets_floor = got >= m.floor if better else got <= m.floor
    fmt = show_percent if isinstance(m, CompoundIncrease) else (lambda d: f"{show_number(d)}{unit}")
    if meets_target:
        return Verdict.MEETS_TARGET, f"{text}; target {fmt(m.target)}: meets target"
    if meets_floor:
        return Verdict.MEETS_FLOOR, (
            f"{text}; floor {fmt(m.floor)}, target {fmt(m.target)}: meets floor, "
            f"short of target"
        )
    gap = (m.floor - got) if better else (got - m.floor)
    points = " points" if isinstance(m, CompoundIncrease) else unit
    side = "below" if better else "above"
    return Verdict.BELOW_FLOOR, (
        f"{text}; floor {fmt(m.floor)}: {show_number(gap.quantize(Decimal('0.1')))}{points} "
        f"{side} floor"
    )


def evaluate(
    name: str, version: int, demands: Iterable[Demand], terms: Terms
) -> Evaluation:
    """Judge terms demand by demand against a framework version.

    A tiered term that treats new hires worse is two-tier: under a "no two-tier" demand it is
    a concession (below floor) whatever its numbers; otherwise it is judged by its worse tier.
    """
    demands = tuple(demands)
    if not isinstance(terms, Terms):
        raise InvalidInput("evaluate needs Terms")
    known = {d.key for d in demands}
    unknown = sorted(set(terms.items) - known)
    if unknown:
        raise InvalidInput(f"the terms name demands the framework does not have: {unknown}")
    forbids_two_tier = any(
        isinstance(d.measure, Protection) and d.measure.clause == NO_TWO_TIER for d in demands
    )
    two_tier: list[str] = []
    verdicts: list[DemandVerdict] = []
    for demand in demands:
        value = terms.items.get(demand.key)
        if isinstance(value, Tiered):
            if _worse(demand.measure, value.incumbents, value.new_hires):
                two_tier.append(demand.key)
                worse = value.new_hires
                verdict, text = _judge(demand, worse)
                note = f"two-tier: workers hired from {value.hired_from} get less ({text})"
                if forbids_two_tier:
                    verdicts.append(DemandVerdict(demand.key, demand.category,
                                                  Verdict.BELOW_FLOOR,
                                                  f"{note}: a concession under no two-tier"))
                else:
                    verdicts.append(DemandVerdict(demand.key, demand.category, verdict, note))
                continue
            value = value.new_hires
        if value is None:
            verdicts.append(DemandVerdict(demand.key, demand.category, Verdict.MISSING,
                                          f"the terms say nothing on {demand.measure.describe()}"))
            continue
        verdict, text = _judge(demand, value)
        verdicts.append(DemandVerdict(demand.key, demand.category, verdict, text))
    if forbids_two_tier:
        verdicts = [
            _two_tier_verdict(v, two_tier)
            if isinstance(_measure(demands, v.demand), Protection)
            and _measure(demands, v.demand).clause == NO_TWO_TIER  # type: ignore[union-attr]
            else v
            for v in verdicts
        ]
    return Evaluation(name, version, tuple(verdicts))


def _measure(demands: tuple[Demand, ...], key: str) -> Any:
    return next(d.measure for d in demands if d.key == key)


def _two_tier_verdict(verdict: DemandVerdict, two_tier: list[str]) -> DemandVerdict:
    if two_tier:
        return DemandVerdict(verdict.demand, verdict.category, Verdict.BELOW_FLOOR,
                             f"two-tier terms on {', '.join(two_tier)}: a concession")
    if verdict.verdict is Verdict.MISSING:
        return DemandVerdict(verdict.demand, verdict.category, Verdict.MEETS_TARGET,
                             "no term treats new hires worse")
    return verdict
