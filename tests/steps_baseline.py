"""Step definitions for baseline.feature: offers judged against the agreement in force."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any
from uuid import UUID

import attrs
import pytest
from pytest_bdd import given, parsers, then, when

from bargaining import (
    Actor,
    Amount,
    BargainingApp,
    BaselineJudgement,
    Binds,
    Category,
    Clause,
    CompoundIncrease,
    ContractClause,
    Demand,
    Evaluation,
    Increases,
    Progression,
    TableKind,
    Tally,
    Terms,
    Tiered,
    Verdict,
    Vote,
    evaluate,
)

STEWARD = Actor("d-1", "data steward")
CONTRACTING_OUT = "contracting-out"
STAFFING = "staffing ratio"


@dataclass
class Baseline:
    app: BargainingApp
    unit: UUID | None = None
    effective: date | None = None
    expiry: date | None = None
    demands: list[Demand] = field(default_factory=list)
    evaluation: Evaluation | None = None
    judgement: BaselineJudgement | None = None
    tables: dict[str, UUID] = field(default_factory=dict)


@pytest.fixture
def baseline() -> Iterator[Baseline]:
    app = BargainingApp("memory")
    yield Baseline(app)
    app.close()


@given(parsers.parse("a long-term care unit whose agreement in force runs from {start} to {end}"))
def long_term_care_unit(baseline: Baseline, start: str, end: str) -> None:
    baseline.unit = baseline.app.units.register(
        union="CUPE", local="1", employer="Extendicare", unit_name="Sudbury LTC",
        sector="long-term care", region="ON", actor=STEWARD)
    baseline.effective, baseline.expiry = date.fromisoformat(start), date.fromisoformat(end)


@given(parsers.parse("that agreement gives wages of {pct}% a year, a contracting-out clause and "
                     "a staffing ratio of {hours} hours of care per resident day"))
def agreement_in_force(baseline: Baseline, pct: str, hours: str) -> None:
    assert baseline.unit is not None and baseline.expiry is not None
    clauses = [ContractClause(CONTRACTING_OUT, Category.CONTRACTING_OUT),
               ContractClause(STAFFING, Category.STAFFING, hours,
                              "hours of care per resident day")]
    baseline.app.units.record_agreement(
        baseline.unit, effective=baseline.effective, expiry=baseline.expiry,
        terms=Terms.of(wages=Increases([pct] * 3)), clauses=clauses, actor=STEWARD)


@given(parsers.parse("the coalition's framework asks for wages of at least {floor}% a year "
                     "(target {target}%)"))
def framework(baseline: Baseline, floor: str, target: str) -> None:
    baseline.demands = [Demand("wages", Category.WAGES,
                               CompoundIncrease(floor, target, binds=Binds.YEARLY))]


def _offer(baseline: Baseline, **items: Any) -> None:
    assert baseline.unit is not None
    terms = Terms.of(**items)
    framed = Terms({k: v for k, v in terms.items.items() if k == "wages"})
    baseline.evaluation = evaluate("LTC framework", 1, baseline.demands, framed)
    baseline.judgement = baseline.app.units.judge_against_agreement(
        baseline.unit, terms, on=date(2025, 4, 15), demands=baseline.demands)


@when(parsers.parse("the employer offers {pct}% a year for {years:d} years without the "
                    "contracting-out clause"))
def offer_without_clause(baseline: Baseline, pct: str, years: int) -> None:
    _offer(baseline, wages=Increases([pct] * years), **{CONTRACTING_OUT: Clause(False)})


@when(parsers.parse("the employer offers {pct}% a year for {years:d} years and {hours} hours of "
                    "care per resident day"))
def offer_with_ratio(baseline: Baseline, pct: str, years: int, hours: str) -> None:
    _offer(baseline, wages=Increases([pct] * years), **{STAFFING: Amount(hours)})


@when(parsers.parse("the employer offers {pct}% a year for {years:d} years and the "
                    "contracting-out clause only for workers hired before {day}"))
def offer_two_tier(baseline: Baseline, pct: str, years: int, day: str) -> None:
    tiered = Tiered(Clause(True), date.fromisoformat(day), Clause(False))
    _offer(baseline, wages=Increases([pct] * years), **{CONTRACTING_OUT: tiered})


@when(parsers.re(r"the employer offers (?P<pct>[\d.]+)% a year for (?P<years>\d+) years$"))
def offer_wages_only(baseline: Baseline, pct: str, years: str) -> None:
    _offer(baseline, wages=Increases([pct] * int(years)))


@then("the offer meets the framework's floors")
def meets_floors(baseline: Baseline) -> None:
    assert baseline.evaluation is not None
    assert baseline.evaluation.overall in (Verdict.MEETS_FLOOR, Verdict.MEETS_TARGET)


@then(parsers.parse('against the agreement in force the offer is a concession on "{key}" only'))
def concession_on(baseline: Baseline, key: str) -> None:
    assert baseline.judgement is not None
    assert [line.key for line in baseline.judgement.concessions] == [key]
    assert baseline.judgement.line_for(key).concession
    assert f"{key} (" in baseline.judgement.explain()


@then("against the agreement in force the offer is no concession")
def no_concession(baseline: Baseline) -> None:
    assert baseline.judgement is not None
    assert not baseline.judgement.has_concession
    assert baseline.judgement.explain().startswith(
        "against the agreement 2022-04-01 to 2025-03-31: no concession")


@then(parsers.parse('the "{key}" line says "{words}"'))
def line_says(baseline: Baseline, key: str, words: str) -> None:
    assert baseline.judgement is not None
    assert words in baseline.judgement.line_for(key).explanation


# ------------------------------------------------------------------ round after round


def _ratify(baseline: Baseline, table: UUID, day: date) -> None:
    vote = Vote(day, Tally(eligible=200, cast=160, yes=120, no=40))
    assert baseline.app.rounds.record_ratification_vote(table, vote, actor=STEWARD)


@given(parsers.parse("that agreement brings workers to the top rate in {years:d} years"))
def progression_in_force(baseline: Baseline, years: int) -> None:
    assert baseline.unit is not None and baseline.expiry is not None
    held = baseline.app.units.get(baseline.unit).current_agreement
    assert held is not None and held.terms is not None
    baseline.app.units.correct_agreement(
        baseline.unit, expiry=baseline.expiry, actor=STEWARD, reason="from the signed copy",
        corrected=attrs.evolve(held, terms=Terms({**held.terms.items,
                                                  "progression": Progression(years)})))


@given(parsers.parse("members ratify a tentative agreement of {pct}% a year from {start} to "
                     "{end} that says nothing on progression"))
def ratified_silent_on_progression(baseline: Baseline, pct: str, start: str, end: str) -> None:
    assert baseline.unit is not None
    table = baseline.app.rounds.open(baseline.unit, on=date(2024, 12, 1), actor=STEWARD)
    baseline.app.rounds.reach_tentative_agreement(
        table, Terms.of(wages=Increases([pct] * 3)), on=date(2025, 2, 20),
        effective=date.fromisoformat(start), expiry=date.fromisoformat(end), actor=STEWARD)
    _ratify(baseline, table, date(2025, 3, 10))


@when(parsers.parse("the employer's next offer is {pct}% a year and {years:d} years to the top "
                    "rate"))
def next_offer(baseline: Baseline, pct: str, years: int) -> None:
    assert baseline.unit is not None
    table = baseline.app.rounds.open(baseline.unit, on=date(2027, 12, 1), actor=STEWARD)
    baseline.app.rounds.record_offer(
        table, Terms.of(wages=Increases([pct] * 3), progression=Progression(years)),
        on=date(2028, 1, 15), actor=STEWARD)
    baseline.judgement = baseline.app.rounds.against_agreements(table)[baseline.unit]


# ------------------------------------------------------------------ several tables


@given("the unit sits at a central table bargaining wages and the term, and a sectoral table "
       "bargaining staffing")
def central_and_sectoral(baseline: Baseline) -> None:
    app, unit = baseline.app, baseline.unit
    assert unit is not None
    framework = app.frameworks.draft(name="Care 2025", sectors=["long-term care"],
                                     demands=baseline.demands, actor=STEWARD)
    app.frameworks.record_vote(framework, 1, Vote(date(2024, 9, 1), Tally(
        eligible=200, cast=160, yes=150, no=10)), actor=STEWARD)
    cluster = app.clusters.form(name="LTC 2025", sectors=["long-term care"],
                                committee=[STEWARD], window_start=date(2025, 3, 1),
                                window_end=date(2025, 3, 31), target_alignment=date(2028, 3, 31),
                                actor=STEWARD, on=date(2024, 9, 1))
    app.clusters.adopt_framework(cluster, framework, 1, actor=STEWARD, on=date(2024, 9, 1))
    app.clusters.admit(cluster, unit, actor=STEWARD, on=date(2024, 9, 1))
    for kind, matters in ((TableKind.CENTRAL, ["wages", "term"]),
                          (TableKind.SECTORAL, ["staffing"])):
        baseline.tables[kind.value] = app.rounds.open_table(
            units=[unit], kind=kind, matters=matters, on=date(2024, 12, 1), actor=STEWARD,
            cluster=cluster)


@given(parsers.parse("the sectoral table agrees to {hours} hours of care per resident day"))
def sectoral_agrees(baseline: Baseline, hours: str) -> None:
    baseline.app.rounds.reach_tentative_agreement(
        baseline.tables["sectoral"], Terms.of(**{STAFFING: Amount(hours)}),
        on=date(2025, 2, 20), actor=STEWARD)


@given(parsers.parse("the central table agrees to {pct}% a year from {start} to {end}"))
def central_agrees(baseline: Baseline, pct: str, start: str, end: str) -> None:
    baseline.app.rounds.reach_tentative_agreement(
        baseline.tables["central"], Terms.of(wages=Increases([pct] * 3)), on=date(2025, 2, 20),
        effective=date.fromisoformat(start), expiry=date.fromisoformat(end), actor=STEWARD)


@when(parsers.parse("members ratify at the {first} table, then at the {second} table"))
def ratify_in_order(baseline: Baseline, first: str, second: str) -> None:
    _ratify(baseline, baseline.tables[first], date(2025, 3, 5))
    _ratify(baseline, baseline.tables[second], date(2025, 3, 12))


@then(parsers.parse("the unit's agreement runs from {start} to {end} with a staffing ratio of "
                    "{hours} hours of care per resident day"))
def agreement_with_ratio(baseline: Baseline, start: str, end: str, hours: str) -> None:
    assert baseline.unit is not None
    found = baseline.app.units.get(baseline.unit).current_agreement
    assert found is not None
    assert (found.effective, found.expiry) == (date.fromisoformat(start), date.fromisoformat(end))
    (ratio,) = [c for c in found.clauses if c.name == STAFFING]
    assert ratio.standard == Decimal(hours)
    assert found.settled == date(2025, 3, 12)


@then("that agreement still has the contracting-out clause")
def still_contracting_out(baseline: Baseline) -> None:
    assert baseline.unit is not None
    found = baseline.app.units.get(baseline.unit).current_agreement
    assert found is not None and CONTRACTING_OUT in {c.name for c in found.clauses}
