"""Past gains carried forward: a ratified agreement keeps every term and clause of the one it
replaces that it does not change, a clause it adds is defended in the next round, and what a
sectoral table settles reaches each unit's agreement."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from uuid import UUID

import attrs
import pytest

from bargaining import (
    Actor,
    Amount,
    BargainingApp,
    Binds,
    Category,
    Change,
    Clause,
    CollectiveAgreement,
    CompoundIncrease,
    ContractClause,
    Demand,
    Increases,
    InvalidInput,
    Progression,
    Protection,
    TableKind,
    Tally,
    Terms,
    Vote,
    judge_against_agreement,
)
from bargaining.domain.frameworks.carried import carried_forward

CHAIR = Actor("c-1", "committee chair")
STAFFING = ContractClause("staffing ratio", Category.STAFFING, 4.1,
                          "hours of care per resident day")
CONTRACTING_OUT = ContractClause("contracting-out", Category.CONTRACTING_OUT)
NEXT = {"effective": date(2025, 4, 1), "expiry": date(2028, 3, 31)}


def _vote(on: date) -> Vote:
    return Vote(on, Tally(eligible=100, cast=90, yes=70, no=20))


def _agreement(terms: Terms, *clauses: ContractClause) -> CollectiveAgreement:
    return CollectiveAgreement(effective=date(2022, 4, 1), expiry=date(2025, 3, 31),
                               terms=terms, clauses=clauses)


# ------------------------------------------------------------------ the pure rule


def test_a_term_the_tentative_agreement_is_silent_on_is_carried_forward() -> None:
    held = _agreement(Terms.of(wages=Increases([2, 2, 2]), progression=Progression(3)))
    terms, clauses = carried_forward(Terms.of(wages=Increases([3, 3, 3])), held)
    assert terms == Terms.of(wages=Increases([3, 3, 3]), progression=Progression(3))
    assert clauses == ()


def test_a_clause_added_under_a_framework_demand_becomes_a_clause_of_that_category() -> None:
    demands = [Demand("no-layoffs", Category.JOB_SECURITY, Protection("no layoffs"))]
    terms, clauses = carried_forward(
        Terms.of(**{"no-layoffs": Clause(True)}), _agreement(Terms(), CONTRACTING_OUT),
        demands=demands)
    assert clauses == (CONTRACTING_OUT, ContractClause("no-layoffs", Category.JOB_SECURITY))
    assert terms == Terms()


def test_a_clause_added_with_no_demand_stays_a_term_carried_and_defended() -> None:
    first, _ = carried_forward(Terms.of(**{"no-layoffs": Clause(True)}), _agreement(Terms()))
    assert first == Terms.of(**{"no-layoffs": Clause(True)})
    held = _agreement(first)
    second, _ = carried_forward(Terms.of(wages=Increases([3])), held)
    assert second.items["no-layoffs"] == Clause(True)
    silent = judge_against_agreement(Terms(), _agreement(second))
    assert silent.line_for("no-layoffs").change is Change.KEEPS
    assert not silent.has_concession
    dropped = judge_against_agreement(Terms.of(**{"no-layoffs": Clause(False)}),
                                      _agreement(second))
    assert [line.key for line in dropped.concessions] == ["no-layoffs"]
    assert dropped.line_for("no-layoffs").explanation == (
        "drops the no-layoffs clause of the agreement in force")
    # dropped by a ratified agreement, the clause is gone from the next one
    third, _ = carried_forward(Terms.of(**{"no-layoffs": Clause(False)}), _agreement(second))
    assert "no-layoffs" not in third.items


def test_only_a_protection_demand_gives_an_added_clause_its_category() -> None:
    demands = [Demand("no-layoffs", Category.JOB_SECURITY,
                      CompoundIncrease(1, 2, binds=Binds.YEARLY))]
    terms, clauses = carried_forward(Terms.of(**{"no-layoffs": Clause(True)}), None,
                                     demands=demands)
    assert clauses == () and terms == Terms.of(**{"no-layoffs": Clause(True)})
    with pytest.raises(InvalidInput, match="by its Terms"):
        carried_forward({"no-layoffs": Clause(True)}, None)  # type: ignore[arg-type]


# ------------------------------------------------------------------ round after round


def _unit(app: BargainingApp, name: str = "Sudbury LTC") -> UUID:
    unit = app.units.register(union="CUPE", local="1", employer="Extendicare",
                              unit_name=name, sector="long-term care", actor=CHAIR)
    app.units.record_agreement(
        unit, effective=date(2022, 4, 1), expiry=date(2025, 3, 31),
        terms=Terms.of(wages=Increases([2, 2, 2]), progression=Progression(3)),
        clauses=[STAFFING], actor=CHAIR)
    return unit


def test_a_gain_won_in_one_round_is_still_defended_in_the_next(
        memory_app: BargainingApp) -> None:
    app = memory_app
    unit = _unit(app)
    second = app.rounds.open(unit, on=date(2024, 12, 1), actor=CHAIR)
    app.rounds.reach_tentative_agreement(
        second, Terms.of(wages=Increases([3, 3, 3]), **{"no-layoffs": Clause(True)}),
        on=date(2025, 2, 1), actor=CHAIR, **NEXT)
    assert app.rounds.record_ratification_vote(second, _vote(date(2025, 3, 1)), actor=CHAIR)
    third = app.rounds.open(unit, on=date(2027, 12, 1), actor=CHAIR)
    app.rounds.record_offer(third, Terms.of(wages=Increases([3, 3, 3]),
                                            progression=Progression(8),
                                            **{"no-layoffs": Clause(False)}),
                            on=date(2028, 1, 15), actor=CHAIR)
    judged = app.rounds.against_agreements(third)[unit]
    assert judged.agreement == "agreement 2025-04-01 to 2028-03-31"
    assert [line.key for line in judged.concessions] == ["progression", "no-layoffs"]
    assert judged.line_for("progression").explanation == (
        "weakens progression from 3 to 8 years to the top rate")
    assert judged.line_for("staffing ratio").change is Change.KEEPS


# ------------------------------------------------------------------ several tables


def _tables(app: BargainingApp) -> tuple[list[UUID], UUID, UUID]:
    framework = app.frameworks.draft(name="Care 2025", sectors=["long-term care"], demands=[
        Demand("wages", Category.WAGES, CompoundIncrease(3, 4, binds=Binds.YEARLY))],
        actor=CHAIR)
    app.frameworks.record_vote(framework, 1, _vote(date(2024, 9, 1)), actor=CHAIR)
    cluster = app.clusters.form(name="LTC 2025", sectors=["long-term care"], committee=[CHAIR],
                                window_start=date(2025, 3, 1), window_end=date(2025, 3, 31),
                                target_alignment=date(2028, 3, 31), actor=CHAIR,
                                on=date(2024, 9, 1))
    app.clusters.adopt_framework(cluster, framework, 1, actor=CHAIR, on=date(2024, 9, 1))
    units = [_unit(app, name) for name in ("Home A", "Home B")]
    for unit in units:
        app.clusters.admit(cluster, unit, actor=CHAIR, on=date(2024, 9, 1))
    central = app.rounds.open_table(units=units, kind=TableKind.CENTRAL,
                                    matters=["wages", "term"], on=date(2024, 12, 1),
                                    actor=CHAIR, cluster=cluster)
    sectoral = app.rounds.open_table(units=units, kind=TableKind.SECTORAL,
                                     matters=["staffing"], on=date(2024, 12, 1), actor=CHAIR,
                                     cluster=cluster)
    app.rounds.reach_tentative_agreement(central, Terms.of(wages=Increases([3.5, 3.5, 3.5])),
                                         on=date(2025, 2, 1), actor=CHAIR, **NEXT)
    app.rounds.reach_tentative_agreement(sectoral, Terms.of(**{"staffing ratio": Amount(3.5)}),
                                         on=date(2025, 2, 5), actor=CHAIR)
    return units, central, sectoral


def _settled_as_expected(app: BargainingApp, unit: UUID, settled: date) -> None:
    new = app.units.get(unit).current_agreement
    assert new is not None and (new.effective, new.expiry) == (NEXT["effective"],
                                                               NEXT["expiry"])
    assert new.clauses == (attrs.evolve(STAFFING, standard=Decimal("3.5")),)
    assert new.terms == Terms.of(wages=Increases([3.5, 3.5, 3.5]), progression=Progression(3))
    assert new.settled == settled
    judged = app.units.judge_against_agreement(unit, Terms.of(**{"staffing ratio": Amount(3.5)}))
    assert not judged.has_concession


def test_what_a_sectoral_table_settles_reaches_the_agreement_when_the_central_ratifies(
        app: BargainingApp) -> None:
    units, central, sectoral = _tables(app)
    assert app.rounds.record_ratification_vote(sectoral, _vote(date(2025, 3, 1)), actor=CHAIR)
    assert all(app.units.get(u).current_agreement.expiry == date(2025, 3, 31)  # type: ignore[union-attr]
               for u in units)
    assert app.rounds.record_ratification_vote(central, _vote(date(2025, 3, 10)), actor=CHAIR)
    for unit in units:
        _settled_as_expected(app, unit, date(2025, 3, 10))
        kinds = [type(e).__name__ for e in app.eventsourcing.events.get(unit)]
        assert kinds.count("AgreementRecorded") == 2 and "AgreementCorrected" not in kinds


def test_a_sectoral_table_ratified_after_the_central_one_corrects_the_agreement(
        app: BargainingApp) -> None:
    units, central, sectoral = _tables(app)
    assert app.rounds.record_ratification_vote(central, _vote(date(2025, 3, 1)), actor=CHAIR)
    first = app.units.get(units[0]).current_agreement
    assert first is not None and first.expiry == date(2028, 3, 31)
    assert first.clauses == (STAFFING,)  # the sectoral table has not ratified yet
    assert app.rounds.record_ratification_vote(sectoral, _vote(date(2025, 3, 10)), actor=CHAIR)
    for unit in units:
        _settled_as_expected(app, unit, date(2025, 3, 10))
        events = list(app.eventsourcing.events.get(unit))
        corrected = [e for e in events if type(e).__name__ == "AgreementCorrected"]
        assert len(corrected) == 1
        assert "sectoral" in (corrected[0].reason or "")  # type: ignore[attr-defined]


# ------------------------------------------------------------------ as known at a moment


def test_against_agreements_reads_the_table_and_the_units_as_known_at_a_moment(
        memory_app: BargainingApp) -> None:
    app = memory_app
    unit = _unit(app)
    table = app.rounds.open(unit, on=date(2024, 12, 1), actor=CHAIR)
    app.rounds.record_offer(table, Terms.of(progression=Progression(8)), on=date(2025, 1, 10),
                            actor=CHAIR)
    known = datetime.now(UTC)
    app.rounds.record_offer(table, Terms.of(progression=Progression(2)), on=date(2025, 1, 20),
                            actor=CHAIR)
    now = app.rounds.against_agreements(table)[unit]
    assert now.line_for("progression").change is Change.IMPROVES
    then = app.rounds.against_agreements(table, at=known)[unit]
    assert then.line_for("progression").change is Change.WEAKENS
    on_day = app.rounds.against_agreements(table, on=date(2025, 1, 15))[unit]
    assert on_day.line_for("progression").change is Change.WEAKENS
    assert app.rounds.against_agreements(table, on=date(2024, 12, 15)) == {}
    with pytest.raises(InvalidInput, match="one"):
        app.rounds.against_agreements(table, on=date(2025, 1, 15), at=known)
