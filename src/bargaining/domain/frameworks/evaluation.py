"""Evaluating offers and tentative agreements against a framework version.

The evaluation is a pure function of a framework version's demands, a set of terms and, where
the host supplies one, an inflation series: it needs no store, so a host can judge an offer the
moment it lands on the table. The terms are in :mod:`.terms`, the wage figures in
:mod:`.wages`; their names stay importable from here as in release 0.1.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import Any

import attrs

from bargaining.domain.frameworks.figures import (
    show_number,
    show_percent,
    yearly_rate,
)
from bargaining.domain.frameworks.framework import (
    NO_TWO_TIER,
    Category,
    Demand,
)
from bargaining.domain.frameworks.inflation import Inflation
from bargaining.domain.frameworks.measures import (
    Binds,
    CompoundIncrease,
    Measure,
    Protection,
    Quantity,
)
from bargaining.domain.frameworks.terms import (
    Amount,
    Clause,
    CostOfLiving,
    GreaterOf,
    Increases,
    Indexed,
    LumpSum,
    Per,
    Progression,
    Raise,
    Raises,
    Terms,
    TermValue,
    TierBasis,
    Tiered,
    Wage,
    Years,
)
from bargaining.domain.frameworks.wages import WageFigures, undated, wage_figures
from bargaining.domain.shared.dates import is_date
from bargaining.domain.shared.errors import InvalidInput

__all__ = ["Amount", "Binds", "Clause", "CostOfLiving", "DemandVerdict", "Evaluation",
           "GreaterOf", "Increases", "Indexed", "Inflation", "LumpSum", "Per", "Progression",
           "Raise", "Raises", "TermValue", "Terms", "TierBasis", "Tiered", "Verdict", "Wage",
           "WageFigures", "Years", "describe_term", "evaluate", "score", "wage_figures"]


class Verdict(enum.Enum):
    """Best first: the overall verdict of an evaluation is its worst demand's verdict."""

    MEETS_TARGET = "meets target"
    MEETS_FLOOR = "meets floor"
    MISSING = "missing"
    BELOW_FLOOR = "below floor"

    @property
    def rank(self) -> int:
        return list(Verdict).index(self)


def _verdicts(verdicts: Iterable[Any]) -> tuple[Any, ...]:
    return tuple(verdicts)


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
        raise InvalidInput.worded("the framework has no demand '{key}'", key=key)

    def explain(self) -> str:
        lines = [f"{self.framework} v{self.version}: {self.overall.value}"]
        lines += [f"  {v.demand} ({v.category.value}): {v.verdict.value}: {v.explanation}"
                  for v in self.verdicts]
        return "\n".join(lines)


def score(
    measure: Measure, value: TermValue | Tiered, inflation: Inflation | None = None, *,
    starting: date | None = None,
) -> Decimal:
    """A number where higher is always better for workers, to compare two settlements'
    terms on one demand (a tiered term counts by its worse tier). Wages score by what the
    demand's floor binds: the total over the term, or the yearly (real, with ``inflation``)
    rate; a yearly rate is the lower of the compounded and the earned figure, as a yearly
    floor judges it. ``starting`` is the day yearly increases begin (see ``evaluate``)."""
    if isinstance(value, Tiered):
        return min(score(measure, value.incumbents, inflation, starting=starting),
                   score(measure, value.new_hires, inflation, starting=starting))
    if isinstance(value, Increases | Raises):
        figures = wage_figures(value, inflation, starting=starting)
        if isinstance(measure, CompoundIncrease) and measure.binds is not Binds.TERM:
            if measure.binds is Binds.REAL and figures.real_yearly is not None:
                return figures.real_yearly
            return figures.judged_yearly
        return figures.total
    if isinstance(value, Clause):
        return Decimal(1 if value.present else 0)
    number = value.value
    return number if measure.more_is_better else -number


def describe_term(demand: Demand, value: TermValue | Tiered) -> str:
    """A term in words: 'increases 2%, 2% compound to 4% over 2 years', '22 students'."""
    if isinstance(value, Tiered):
        if value.basis is TierBasis.HIRE_DATE and not value.group:
            return (f"{describe_term(demand, value.incumbents)} for incumbents, "
                    f"{describe_term(demand, value.new_hires)} for those hired from "
                    f"{value.hired_from}")
        return (f"{describe_term(demand, value.incumbents)} for most workers, "
                f"{describe_term(demand, value.new_hires)} for {value.second_tier} "
                f"(a tier by {value.basis.value})")
    if isinstance(value, Increases | Raises | Progression):
        return value.describe()
    if isinstance(value, Clause):
        return "the clause" if value.present else "no clause"
    if isinstance(value, Years):
        return f"a term of {show_number(value.value)} years"
    unit = f" {demand.measure.unit}" if isinstance(demand.measure, Quantity) else ""
    return f"{show_number(value.value)}{unit}"


def _judged(got: Decimal, m: Any, fmt: Any, unit_gap: str) -> tuple[Verdict, str]:
    better = m.more_is_better
    meets_target = got >= m.target if better else got <= m.target
    meets_floor = got >= m.floor if better else got <= m.floor
    if meets_target:
        return Verdict.MEETS_TARGET, f"target {fmt(m.target)}: meets target"
    if meets_floor:
        return Verdict.MEETS_FLOOR, (
            f"floor {fmt(m.floor)}, target {fmt(m.target)}: meets floor, short of target")
    gap = (m.floor - got) if better else (got - m.floor)
    side = "below" if better else "above"
    shown = show_number(gap.quantize(Decimal("0.1")))
    if shown == "1":
        unit_gap = unit_gap.replace(" points", " point")
    return Verdict.BELOW_FLOOR, f"floor {fmt(m.floor)}: {shown}{unit_gap} {side} floor"


def _judge_wages(
    demand: Demand, m: CompoundIncrease, value: TermValue, inflation: Inflation | None,
    starting: date | None,
) -> tuple[Verdict, str]:
    if not isinstance(value, Increases | Raises):
        raise InvalidInput.worded("the term for '{key}' must be yearly Increases or Raises on "
                                  "dates", key=demand.key)
    if m.binds is Binds.REAL and inflation is None:
        raise InvalidInput.worded("the demand '{key}' binds the real wage: judging it needs an "
                                  "inflation series", key=demand.key)
    figures = wage_figures(value, inflation, starting=starting)
    if m.binds is Binds.REAL and inflation is not None and figures.real_yearly is None:
        raise InvalidInput.worded("the demand '{key}' binds the real wage: {undated}",
                                  key=demand.key, undated=undated(value, inflation))
    text = value.describe()
    if isinstance(value, Raises):
        text += f"; {show_percent(figures.total)} over {show_number(round(figures.years, 1))} years"
    if m.binds is Binds.TERM:
        verdict, judged = _judged(figures.total, m, show_percent, " points")
        return verdict, (f"{text}; {judged}; that is {show_percent(figures.yearly)} a year"
                         f"{figures.describe_real()}")
    text += f"{figures.describe_yearly()}{figures.describe_real()}"
    if m.binds is Binds.PERIOD:
        period = m.years or Decimal(1)
        bounds = attrs.evolve(m, binds=Binds.YEARLY, years=None,
                              floor=yearly_rate(m.floor, period),
                              target=yearly_rate(m.target, period))

        def over_period(rate: Decimal) -> str:
            total = m.floor if rate == bounds.floor else m.target
            return (f"{show_percent(total)} over {show_number(period)} years "
                    f"({show_percent(rate)} a year)")

        verdict, judged = _judged(figures.judged_yearly, bounds, over_period,
                                  " points a year")
        return verdict, f"{text}; {judged}"
    got = figures.judged_yearly if m.binds is Binds.YEARLY else figures.real_yearly
    assert got is not None
    words = " a year" if m.binds is Binds.YEARLY else " a year above inflation"
    verdict, judged = _judged(got, m, lambda d: f"{show_percent(d)}{words}", " points a year")
    return verdict, f"{text}; {judged}"


def _judge(
    demand: Demand, value: TermValue, inflation: Inflation | None, starting: date | None
) -> tuple[Verdict, str]:
    m = demand.measure
    if isinstance(m, Protection):
        if not isinstance(value, Clause):
            raise InvalidInput.worded("the term for '{key}' must be a Clause", key=demand.key)
        if value.present:
            return Verdict.MEETS_TARGET, f"the clause '{m.clause}' is in the terms"
        return Verdict.BELOW_FLOOR, f"the clause '{m.clause}' is missing from the terms"
    if isinstance(m, CompoundIncrease):
        return _judge_wages(demand, m, value, inflation, starting)
    if isinstance(m, Quantity):
        if not isinstance(value, Amount | Progression):
            raise InvalidInput.worded("the term for '{key}' must be an Amount or Progression",
                                      key=demand.key)
        text = (value.describe() if isinstance(value, Progression)
                else f"{show_number(value.value)} {m.unit}")
        got, unit = value.value, f" {m.unit}"
    else:
        if not isinstance(value, Years):
            raise InvalidInput.worded("the term for '{key}' must be Years", key=demand.key)
        got, text, unit = value.value, f"a term of {show_number(value.value)} years", " years"
    verdict, judged = _judged(got, m, lambda d: f"{show_number(d)}{unit}", unit)
    return verdict, f"{text}; {judged}"


def evaluate(
    name: str, version: int, demands: Iterable[Demand], terms: Terms, *,
    inflation: Inflation | None = None, starting: date | None = None,
) -> Evaluation:
    """Judge terms demand by demand against a framework version, wages against the
    ``inflation`` series where the host gives one (needed for indexed raises, cost-of-living
    adjustments and floors on the real wage). Yearly ``Increases`` carry no dates:
    ``starting`` is the day the first takes effect, which places them in the series; without
    it only a series of exactly their years is theirs (raises on dates carry their own).

    A yearly floor (or one over a stated period) judges the lower of the compounded yearly
    figure and what the raises earn over the term per year, so a raise on the term's last day
    cannot pass it; a floor on the total over the term judges the total.

    A tiered term (by hire date, employment status or benefit plan) that treats one group
    worse is two-tier: under a "no two-tier" demand it is a concession (below floor) whatever
    its numbers; otherwise it is judged by its worse tier (the incumbents' when the second
    tier gets as much or more).
    """
    demands = tuple(demands)
    if not isinstance(terms, Terms):
        raise InvalidInput.worded("evaluate needs Terms")
    if inflation is not None and not isinstance(inflation, Inflation):
        raise InvalidInput.worded("an inflation series is an Inflation")
    if starting is not None and not is_date(starting):
        raise InvalidInput.worded("the day yearly increases start is a date, not {starting}",
                                  starting=repr(starting))
    known = {d.key for d in demands}
    unknown = sorted(set(terms.items) - known)
    if unknown:
        raise InvalidInput.worded("the terms name demands the framework does not have: {unknown}",
                                  unknown=unknown)
    forbids_two_tier = any(
        isinstance(d.measure, Protection) and d.measure.clause == NO_TWO_TIER for d in demands
    )
    two_tier: list[str] = []
    verdicts: list[DemandVerdict] = []
    for demand in demands:
        value = terms.items.get(demand.key)
        if isinstance(value, Tiered):
            if score(demand.measure, value.new_hires, inflation, starting=starting) < score(
                    demand.measure, value.incumbents, inflation, starting=starting):
                two_tier.append(demand.key)
                verdict, text = _judge(demand, value.new_hires, inflation, starting)
                by = "" if value.basis is TierBasis.HIRE_DATE else f" by {value.basis.value}"
                who = (f"workers hired from {value.hired_from}" if not value.group
                       else value.second_tier)
                note = f"two-tier{by}: {who} get less ({text})"
                if forbids_two_tier:
                    verdicts.append(DemandVerdict(demand.key, demand.category,
                                                  Verdict.BELOW_FLOOR,
                                                  f"{note}: a concession under no two-tier"))
                else:
                    verdicts.append(DemandVerdict(demand.key, demand.category, verdict, note))
                continue
            verdict, text = _judge(demand, value.incumbents, inflation, starting)
            verdicts.append(DemandVerdict(demand.key, demand.category, verdict,
                                          f"{text} (the worse tier: most workers; "
                                          f"{value.second_tier} get as much or more)"))
            continue
        if value is None:
            verdicts.append(DemandVerdict(demand.key, demand.category, Verdict.MISSING,
                                          f"the terms say nothing on {demand.measure.describe()}"))
            continue
        verdict, text = _judge(demand, value, inflation, starting)
        verdicts.append(DemandVerdict(demand.key, demand.category, verdict, text))
    if forbids_two_tier:
        verdicts = [
            _two_tier_verdict(v, two_tier)
            if isinstance(_measure(demands, v.demand), Protection)
            and _measure(demands, v.demand).clause == NO_TWO_TIER
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
