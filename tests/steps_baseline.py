"""Step definitions for baseline.feature: offers judged against the agreement in force."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from uuid import UUID

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
    Terms,
    Tiered,
    Verdict,
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
