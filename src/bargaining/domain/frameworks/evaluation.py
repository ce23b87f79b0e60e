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

from bargaining.domain.frameworks.explaining import (
    YEARS,
    measure_phrase,
    real_phrase,
    second_tier,
    term_phrase,
    yearly_phrase,
    years_phrase,
)
from bargaining.domain.frameworks.figures import (
    show_number,
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
from bargaining.domain.frameworks.rewording import reworded
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
from bargaining.domain.shared.language import gettext, gettext_if_known, mark, translate
from bargaining.domain.shared.phrases import Phrase, number, percent, word

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
    """One demand's verdict and why. ``explanation`` is the why in English, as every release
    stored it; ``wording`` keeps it as a phrase (its figures and their kinds), so that
    :attr:`explained` reads it in the reader's language. Verdicts stored before phrases have
    none: their English sentence is reworded from the figures it holds where it is one the
    library writes (:func:`reworded`), else read as stored."""

    demand: str
    category: Category
    verdict: Verdict
    explanation: str
    wording: Phrase | None = None

    @property
    def explained(self) -> str:
        """Why, in the reader's language."""
        if self.wording is not None:
            return self.wording.read()
        return reworded(self.explanation)


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
        """The verdicts in the reader's language, a line each after the overall one."""
        lines = [translate("{framework} v{version}: {verdict}", framework=self.framework,
                           version=self.version, verdict=gettext(self.overall.value))]
        lines += [translate("  {demand} ({category}): {verdict}: {why}",
                            demand=gettext_if_known(v.demand),
                            category=gettext(v.category.value),
                            verdict=gettext(v.verdict.value), why=v.explained)
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
    """A term in words, in English (as a me-too entitlement stores it): 'increases 2%, 2%
    compound to 4% over 2 years', '22 students'."""
    unit = demand.measure.unit if isinstance(demand.measure, Quantity) else ""
    return term_phrase(value, unit).english()


def _judged(got: Decimal, m: Any, fmt: Any, gap_in: str, unit: str = "") -> tuple[Verdict, Phrase]:
    """The verdict of a figure against a floor and target, and why. ``fmt`` writes a bound;
    ``gap_in`` says what the gap is counted in: ``points``, ``points a year`` or ``unit``."""
    better = m.more_is_better
    meets_target = got >= m.target if better else got <= m.target
    meets_floor = got >= m.floor if better else got <= m.floor
    if meets_target:
        return Verdict.MEETS_TARGET, Phrase.of(mark("target {target}: meets target"),
                                               target=fmt(m.target))
    if meets_floor:
        return Verdict.MEETS_FLOOR, Phrase.of(
            mark("floor {floor}, target {target}: meets floor, short of target"),
            floor=fmt(m.floor), target=fmt(m.target))
    gap = ((m.floor - got) if better else (got - m.floor)).quantize(Decimal("0.1"))
    one = show_number(gap) == "1"
    values: dict[str, Any] = {"floor": fmt(m.floor), "gap": number(gap)}
    if gap_in == "points":
        message = (mark("floor {floor}: {gap} point below floor") if one
                   else mark("floor {floor}: {gap} points below floor"))
    elif gap_in == "points a year":
        message = (mark("floor {floor}: {gap} point a year below floor") if one
                   else mark("floor {floor}: {gap} points a year below floor"))
    else:
        values["unit"] = word(unit)
        message = (mark("floor {floor}: {gap} {unit} below floor") if better
                   else mark("floor {floor}: {gap} {unit} above floor"))
    return Verdict.BELOW_FLOOR, Phrase.of(message, **values)


def _judge_wages(
    demand: Demand, m: CompoundIncrease, value: TermValue, inflation: Inflation | None,
    starting: date | None,
) -> tuple[Verdict, Phrase]:
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
    text = term_phrase(value)
    if isinstance(value, Raises):
        text = Phrase.of(mark("{text}; {total} over {years} years"), text=text,
                         total=percent(figures.total), years=number(round(figures.years, 1)))
    if m.binds is Binds.TERM:
        verdict, judged = _judged(figures.total, m, percent, "points")
        return verdict, Phrase.of(mark("{text}; {judged}; that is {yearly} a year{real}"),
                                  text=text, judged=judged, yearly=percent(figures.yearly),
                                  real=real_phrase(figures))
    text = Phrase.of(mark("{text}{yearly}{real}"), text=text, yearly=yearly_phrase(figures),
                     real=real_phrase(figures))
    if m.binds is Binds.PERIOD:
        period = m.years or Decimal(1)
        bounds = attrs.evolve(m, binds=Binds.YEARLY, years=None,
                              floor=yearly_rate(m.floor, period),
                              target=yearly_rate(m.target, period))

        def over_period(rate: Decimal) -> Phrase:
            total = m.floor if rate == bounds.floor else m.target
            return Phrase.of(mark("{total} over {years} years ({rate} a year)"),
                             total=percent(total), years=number(period), rate=percent(rate))

        verdict, judged = _judged(figures.judged_yearly, bounds, over_period, "points a year")
        return verdict, Phrase.of(mark("{text}; {judged}"), text=text, judged=judged)
    got = figures.judged_yearly if m.binds is Binds.YEARLY else figures.real_yearly
    assert got is not None

    def rate(d: Decimal) -> Phrase:
        if m.binds is Binds.YEARLY:
            return Phrase.of(mark("{rate} a year"), rate=percent(d))
        return Phrase.of(mark("{rate} a year above inflation"), rate=percent(d))

    verdict, judged = _judged(got, m, rate, "points a year")
    return verdict, Phrase.of(mark("{text}; {judged}"), text=text, judged=judged)


def _judge(
    demand: Demand, value: TermValue, inflation: Inflation | None, starting: date | None
) -> tuple[Verdict, Phrase]:
    m = demand.measure
    if isinstance(m, Protection):
        if not isinstance(value, Clause):
            raise InvalidInput.worded("the term for '{key}' must be a Clause", key=demand.key)
        if value.present:
            return Verdict.MEETS_TARGET, Phrase.of(mark("the clause '{clause}' is in the terms"),
                                                   clause=word(m.clause))
        return Verdict.BELOW_FLOOR, Phrase.of(mark("the clause '{clause}' is missing from the "
                                                   "terms"), clause=word(m.clause))
    if isinstance(m, CompoundIncrease):
        return _judge_wages(demand, m, value, inflation, starting)
    if isinstance(m, Quantity):
        if not isinstance(value, Amount | Progression):
            raise InvalidInput.worded("the term for '{key}' must be an Amount or Progression",
                                      key=demand.key)
        text, got, unit = term_phrase(value, m.unit), value.value, m.unit
    else:
        if not isinstance(value, Years):
            raise InvalidInput.worded("the term for '{key}' must be Years", key=demand.key)
        text, got, unit = years_phrase(value.value), value.value, YEARS

    def amount(d: Decimal) -> Phrase:
        return Phrase.of(mark("{amount} {unit}"), amount=number(d), unit=word(unit))

    verdict, judged = _judged(got, m, amount, "unit", unit)
    return verdict, Phrase.of(mark("{text}; {judged}"), text=text, judged=judged)


def _verdict(demand: Demand, verdict: Verdict, why: Phrase) -> DemandVerdict:
    """A demand's verdict, its explanation kept as a phrase (and its English beside it)."""
    return DemandVerdict(demand.key, demand.category, verdict, why.english(), why)


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
                who = second_tier(value)
                note = (Phrase.of(mark("two-tier: {who} get less ({text})"), who=who, text=text)
                        if value.basis is TierBasis.HIRE_DATE else
                        Phrase.of(mark("two-tier by {basis}: {who} get less ({text})"),
                                  basis=word(value.basis.value), who=who, text=text))
                if forbids_two_tier:
                    verdicts.append(_verdict(demand, Verdict.BELOW_FLOOR, Phrase.of(
                        mark("{note}: a concession under no two-tier"), note=note)))
                else:
                    verdicts.append(_verdict(demand, verdict, note))
                continue
            verdict, text = _judge(demand, value.incumbents, inflation, starting)
            verdicts.append(_verdict(demand, verdict, Phrase.of(
                mark("{text} (the worse tier: most workers; {second_tier} get as much or more)"),
                text=text, second_tier=second_tier(value))))
            continue
        if value is None:
            verdicts.append(_verdict(demand, Verdict.MISSING, Phrase.of(
                mark("the terms say nothing on {measure}"),
                measure=measure_phrase(demand.measure))))
            continue
        verdict, text = _judge(demand, value, inflation, starting)
        verdicts.append(_verdict(demand, verdict, text))
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
        why = Phrase.of(mark("two-tier terms on {demands}: a concession"),
                        demands=", ".join(two_tier))
        return DemandVerdict(verdict.demand, verdict.category, Verdict.BELOW_FLOOR,
                             why.english(), why)
    if verdict.verdict is Verdict.MISSING:
        why = Phrase.of(mark("no term treats new hires worse"))
        return DemandVerdict(verdict.demand, verdict.category, Verdict.MEETS_TARGET,
                             why.english(), why)
    return verdict
