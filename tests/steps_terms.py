"""Step definitions for offer_terms.feature: the terms real offers use, judged honestly."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import pytest
from pytest_bdd import given, parsers, then, when

from bargaining import (
    NO_TWO_TIER,
    Actor,
    BargainingApp,
    Binds,
    Category,
    Clause,
    CompoundIncrease,
    CostOfLiving,
    Demand,
    Evaluation,
    GreaterOf,
    Increases,
    Indexed,
    Inflation,
    LumpSum,
    Progression,
    Protection,
    Quantity,
    Raise,
    Raises,
    Tally,
    Terms,
    TierBasis,
    Tiered,
    Vote,
    Wage,
    evaluate,
)
from tests.refusals import Refusals

CHAIR = Actor("c-1", "bargaining committee chair")


@dataclass
class Scene(Refusals):
    app: BargainingApp
    demands: list[Demand] = field(default_factory=list)
    inflation: Inflation | None = None
    evaluation: Evaluation | None = None


@pytest.fixture
def scene() -> Iterator[Scene]:
    app = BargainingApp("memory")
    state = Scene(app)
    yield state
    app.close()
    state.ok()


def _numbers(listed: str) -> list[str]:
    return listed.replace(" and ", ", ").split(", ")


def _judge(scene: Scene, terms: Terms) -> None:
    scene.evaluation = evaluate("framework", 1, scene.demands, terms, inflation=scene.inflation)


@given(parsers.parse("a wage demand whose floor binds the yearly average: floor {floor}% a year, "
                     "target {target}% a year"))
def yearly_demand(scene: Scene, floor: str, target: str) -> None:
    scene.demands = [Demand("wages", Category.WAGES,
                            CompoundIncrease(floor, target, binds=Binds.YEARLY))]


@given(parsers.parse("a wage demand whose floor binds the real wage: floor {floor}% a year above "
                     "inflation, target {target}% a year above inflation"))
def real_demand(scene: Scene, floor: str, target: str) -> None:
    scene.demands = [Demand("wages", Category.WAGES,
                            CompoundIncrease(floor, target, binds=Binds.REAL))]


@given(parsers.parse("projected inflation of {listed} percent a year from {start}"))
def projected_inflation(scene: Scene, listed: str, start: str) -> None:
    scene.inflation = Inflation.yearly(date.fromisoformat(start), _numbers(listed),
                                       source="projected")


@given("the UAW's demands: wages of at least 4% a year (target 8%), progression to the top rate "
       "in at most 3 years, a defined-benefit pension, and no two-tier")
def uaw_demands(scene: Scene) -> None:
    scene.demands = [
        Demand("wages", Category.WAGES, CompoundIncrease(4, 8, binds=Binds.YEARLY)),
        Demand("progression", Category.WAGES,
               Quantity("years to the top rate", 3, 3, more_is_better=False)),
        Demand("pensions", Category.PENSIONS, Protection("defined-benefit pension")),
        Demand("two-tier", Category.JOB_SECURITY, Protection(NO_TWO_TIER)),
    ]


@when(parsers.parse("the employer offers {pct}% a year for {years:d} years"))
def same_raise_each_year(scene: Scene, pct: str, years: int) -> None:
    _judge(scene, Terms.of(wages=Increases([pct] * years)))


@when(parsers.re(r"the employer offers raises of (?P<listed>[\d., and]+) percent each April 1 "
                 r"from (?P<start>[\d-]+) to (?P<end>[\d-]+)(?: and a \$(?P<lump>[\d,]+) lump "
                 r"sum)?$"))
def raises_each_april(scene: Scene, listed: str, start: str, end: str, lump: str | None) -> None:
    first = date.fromisoformat(start)
    steps: list[Any] = [Raise(first.replace(year=first.year + i), percent=pct)
                        for i, pct in enumerate(_numbers(listed))]
    if lump:
        steps.append(LumpSum(first, lump.replace(",", "")))
    _judge(scene, Terms.of(wages=Raises(first, date.fromisoformat(end), steps)))


@when(parsers.parse("the employer offers {pct}% on {end}, the last day of a term from {start} to "
                    "{end2}"))
def raise_on_the_last_day(scene: Scene, pct: str, end: str, start: str, end2: str) -> None:
    assert end == end2
    last = date.fromisoformat(end)
    _judge(scene, Terms.of(wages=Raises(date.fromisoformat(start), last,
                                        [Raise(last, percent=pct)])))


@when(parsers.re(r"the employer offers (?P<pct>[\d.]+)% on (?P<days>[\d\-, and]+), to "
                 r"(?P<end>[\d-]+)$"))
def raises_on_days(scene: Scene, pct: str, days: str, end: str) -> None:
    dated = [date.fromisoformat(day) for day in _numbers(days)]
    _judge(scene, Terms.of(wages=Raises(dated[0], date.fromisoformat(end),
                                        [Raise(day, percent=pct) for day in dated])))


@when(parsers.parse("the employer offers {pct}% a year for {years:d} years starting on {start}"))
def increases_from(scene: Scene, pct: str, years: int, start: str) -> None:
    scene.evaluation = evaluate("framework", 1, scene.demands,
                                Terms.of(wages=Increases([pct] * years)),
                                inflation=scene.inflation, starting=date.fromisoformat(start))


@when(parsers.parse("the employer offers {pct}% a year for {years:d} years with no start"))
def increases_with_no_start(scene: Scene, pct: str, years: int) -> None:
    scene.evaluation = scene.attempt(lambda: evaluate(
        "framework", 1, scene.demands, Terms.of(wages=Increases([pct] * years)),
        inflation=scene.inflation))


@when(parsers.parse("the employer offers {low}% a year to incumbents and {high}% a year to those "
                    "hired from {hired}, for {years:d} years"))
def tiered_raises(scene: Scene, low: str, high: str, hired: str, years: int) -> None:
    _judge(scene, Terms.of(wages=Tiered(Increases([low] * years), date.fromisoformat(hired),
                                        Increases([high] * years))))


@when(parsers.parse("the employer offers a cost-of-living adjustment from {start} to {end}"))
def cola_only(scene: Scene, start: str, end: str) -> None:
    first = date.fromisoformat(start)
    _judge(scene, Terms.of(wages=Raises(first, date.fromisoformat(end), [CostOfLiving(first)])))


@when("the employer offers the greater of $100 a week or CPI + 2% on 2023-04-01, then CPI + 3% "
      "and CPI + 4%, to 2026-03-31 on a base of $1,000 a week")
def front_commun_demand(scene: Scene) -> None:
    first = date(2023, 4, 1)
    steps = [GreaterOf(Raise(first, amount=100, per="week"), Indexed(first, margin=2)),
             Indexed(date(2024, 4, 1), margin=3), Indexed(date(2025, 4, 1), margin=4)]
    _judge(scene, Terms.of(wages=Raises(first, date(2026, 3, 31), steps,
                                        base=Wage(1000, "week"))))


@when("the company offers 11% on ratification on 2023-11-20, 3% on 2024-09-23, 3% on "
      "2025-09-22, 3% on 2026-09-21 and 5% on 2027-09-20 to 2028-04-30, with a cost-of-living "
      "adjustment, progression cut from 8 years to 3, and no defined-benefit pension for "
      "members hired after 2007")
def uaw_offer(scene: Scene) -> None:
    ratified = date(2023, 11, 20)
    raises = [Raise(ratified, percent=11), Raise(date(2024, 9, 23), percent=3),
              Raise(date(2025, 9, 22), percent=3), Raise(date(2026, 9, 21), percent=3),
              Raise(date(2027, 9, 20), percent=5), CostOfLiving(ratified)]
    pension_tier = Tiered(Clause(True), None, Clause(False), basis=TierBasis.BENEFIT_PLAN,
                          group="members hired after 2007 without a defined-benefit pension")
    _judge(scene, Terms.of(wages=Raises(ratified, date(2028, 4, 30), raises),
                           progression=Progression(3, before=8), pensions=pension_tier))


def _bad_terms(scene: Scene, what: str) -> Any:
    start, end = date(2023, 4, 1), date(2028, 3, 31)
    if what == "a raise on 2029-04-01 in a term to 2028-03-31":
        return Terms.of(wages=Raises(start, end, [Raise(date(2029, 4, 1), percent=2)]))
    if what == "a raise of $100 a week with no base wage":
        return Terms.of(wages=Raises(start, end, [Raise(start, amount=100, per="week")]))
    if what == "an inflation series with no figure for the year 2025":
        scene.inflation = Inflation({date(2023, 4, 1): 4, date(2024, 4, 1): 3.5,
                                     date(2026, 4, 1): 3})
        return Terms.of(wages=Increases([2, 2, 2]))
    assert what == "an indexed raise judged with no inflation series"
    return Terms.of(wages=Raises(start, end, [Indexed(start, margin=2)]))


@when(parsers.parse("someone states {what}"))
def state_bad_terms(scene: Scene, what: str) -> None:
    scene.demands = [Demand("wages", Category.WAGES, CompoundIncrease(0, 2, binds=Binds.YEARLY))]
    framework = scene.app.frameworks.draft(name="Front commun 2023", sectors=["health"],
                                           demands=scene.demands, actor=CHAIR)
    vote = Vote(date(2023, 6, 1), Tally(eligible=100, cast=80, yes=70, no=10))
    scene.app.frameworks.record_vote(framework, 1, vote, actor=CHAIR)

    def judge() -> Evaluation:
        terms = _bad_terms(scene, what)
        return scene.app.frameworks.evaluate(framework, terms, inflation=scene.inflation)

    scene.evaluation = scene.attempt(judge)


@then(parsers.parse('the {demand} verdict is "{verdict}"'))
def verdict_is(scene: Scene, demand: str, verdict: str) -> None:
    assert scene.evaluation is not None
    assert scene.evaluation.verdict_for(demand).verdict.value == verdict, (
        scene.evaluation.explain())


@then(parsers.parse('the {demand} explanation says "{text}"'))
def explanation_says(scene: Scene, demand: str, text: str) -> None:
    assert scene.evaluation is not None
    explanation = scene.evaluation.verdict_for(demand).explanation
    assert text in explanation, explanation


@then(parsers.parse('it is refused with "{words}"'))
def refused_with(scene: Scene, words: str) -> None:
    assert words in str(scene.refusal())
    scene.nothing_recorded()
    assert scene.evaluation is None
