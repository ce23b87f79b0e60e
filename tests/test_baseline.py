"""The contract in force as a baseline: an agreement holds its terms and clauses, released
agreements read back without them byte for byte, and an offer is judged against the agreement
it would replace."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from decimal import Decimal
from pathlib import Path
from uuid import UUID

import attrs
import pytest
from eventsourcing.persistence import StoredEvent

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
    CostOfLiving,
    Demand,
    Increases,
    Inflation,
    InvalidInput,
    Progression,
    Quantity,
    Raise,
    Raises,
    TableKind,
    Tally,
    TermLength,
    Terms,
    Tiered,
    Verdict,
    Vote,
    Years,
    judge_against_agreement,
)
from bargaining.presentation.summaries import summarize

STEWARD = Actor("d-1", "data steward")
RELEASE = Path(__file__).resolve().parent / "release_stores" / "v0.1" / "plain.sqlite"
CONTRACTING_OUT = ContractClause("contracting-out", Category.CONTRACTING_OUT)
STAFFING = ContractClause("staffing ratio", Category.STAFFING, 4.1,
                          "hours of care per resident day")
JOB_SECURITY = ContractClause("job security", "job security")
WAGES = Increases([2, 2, 2])


def in_force(**kwargs: object) -> CollectiveAgreement:
    return CollectiveAgreement(
        expiry=date(2025, 3, 31), effective=date(2022, 4, 1),
        terms=kwargs.pop("terms", Terms.of(wages=WAGES)),  # type: ignore[arg-type]
        clauses=kwargs.pop("clauses", (CONTRACTING_OUT, STAFFING, JOB_SECURITY)),  # type: ignore[arg-type]
        **kwargs,  # type: ignore[arg-type]
    )


# ------------------------------------------------------------------ stored forms


def released(kind: str) -> list[StoredEvent]:
    table = "stored_snapshots" if kind == "Snapshot" else "stored_events"
    with sqlite3.connect(RELEASE) as db:
        rows = db.execute(f"SELECT originator_id, originator_version, topic, state FROM {table}"
                          " WHERE topic LIKE ?", (f"%{kind}",)).fetchall()
    return [StoredEvent(UUID(r[0]), r[1], r[2], bytes(r[3])) for r in rows]


@pytest.mark.parametrize("kind", ["AgreementRecorded", "AgreementCorrected", "Snapshot"])
def test_released_agreements_read_back_without_terms_and_store_the_same_bytes(
        kind: str) -> None:
    stored = released(kind)
    assert stored
    with BargainingApp("memory") as app:
        mapper = app.eventsourcing.mapper
        for s in stored:
            assert b'"terms"' not in s.state and b'"clauses"' not in s.state
            event = mapper.to_domain_event(s)
            state = vars(event)
            agreements = (state["state"]["agreements"] if kind == "Snapshot"
                          else [state.get("agreement") or state["corrected"]])
            assert agreements and all(isinstance(a, CollectiveAgreement) for a in agreements)
            assert {(a.terms, a.clauses) for a in agreements} == {(None, ())}
            again = mapper.to_stored_event(event).state
            if b'"reason":"' in s.state:  # a reason given today is sealed (note_sealing)
                assert _but_reason(again) == _but_reason(s.state)
                assert json.loads(again)["reason"]["_type_"] == "note"
            else:
                assert again == s.state


def _but_reason(state: bytes) -> dict[str, object]:
    """An event's stored state without its reason: the agreement and the rest as released."""
    found = json.loads(state)
    found.pop("reason")
    return dict(found)


def test_an_agreement_with_terms_and_clauses_is_stored_and_read_back(
        app: BargainingApp) -> None:
    unit = app.units.register(union="CUPE", local="1", employer="Extendicare",
                              unit_name="Sudbury LTC", sector="long-term care", actor=STEWARD)
    terms = Terms.of(wages=Raises(date(2022, 4, 1), date(2025, 3, 31), [
        Raise(date(2022, 4, 1), percent=2), CostOfLiving(date(2022, 4, 1), cap=3)]),
        progression=Progression(3, before=8),
        beds=Tiered(Amount(4), date(2023, 1, 1), Amount(3)))
    app.units.record_agreement(unit, effective=date(2022, 4, 1), expiry=date(2025, 3, 31),
                               terms=terms, clauses=[CONTRACTING_OUT, STAFFING], actor=STEWARD)
    found = app.units.get(unit).current_agreement
    assert found is not None and found.terms == terms
    assert found.clauses == (CONTRACTING_OUT, STAFFING)
    assert found.clauses[1].standard == Decimal("4.1")
    (event,) = [e for e in app.eventsourcing.events.get(unit)
                if type(e).__name__ == "AgreementRecorded"]
    assert summarize(event, lambda _: "the unit").endswith("3 terms, 2 clauses")
    # the Expiry Map reads agreements from stored JSON: the new keys change nothing there
    assert [u.expiry for u in app.expiry_map.all_units()] == [date(2025, 3, 31)]


def test_a_correction_adds_the_clauses_an_agreement_was_first_recorded_without(
        memory_app: BargainingApp) -> None:
    app = memory_app
    unit = app.units.register(union="CUPE", local="1", employer="Extendicare",
                              unit_name="Sudbury LTC", actor=STEWARD)
    app.units.record_agreement(unit, effective=date(2022, 4, 1), expiry=date(2025, 3, 31),
                               actor=STEWARD)
    offer = Terms.of(**{"contracting-out": Clause(False)})
    assert app.units.judge_against_agreement(unit, offer).lines == ()
    app.units.correct_agreement(unit, expiry=date(2025, 3, 31), actor=STEWARD,
                                corrected=in_force(), reason="clauses from the signed copy")
    judged = app.units.judge_against_agreement(unit, offer)
    assert [line.key for line in judged.concessions] == ["contracting-out"]
    stored = app.eventsourcing.recorder.select_events(unit)
    assert b'"clauses"' not in stored[1].state and b'"contract_clause"' in stored[2].state
    assert "terms" not in json.loads(stored[1].state)["agreement"]["_data_"]


# ------------------------------------------------------------------ the application query


def test_the_query_judges_against_the_agreement_in_force_on_the_day(
        memory_app: BargainingApp) -> None:
    app = memory_app
    unit = app.units.register(union="SEIU", local="2", employer="Chartwell",
                              unit_name="Home", actor=STEWARD)
    app.units.record_agreement(unit, effective=date(2019, 4, 1), expiry=date(2022, 3, 31),
                               clauses=[JOB_SECURITY], actor=STEWARD)
    app.units.record_agreement(unit, effective=date(2022, 4, 1), expiry=date(2025, 3, 31),
                               settled=date(2022, 5, 1), clauses=[CONTRACTING_OUT],
                               actor=STEWARD)
    offer = Terms.of(**{"contracting-out": Clause(False), "job security": Clause(False)})
    now = app.units.judge_against_agreement(unit, offer)
    assert [line.key for line in now.concessions] == ["contracting-out"]
    # an offer on the table in April 2022, before the new agreement was settled
    then = app.units.judge_against_agreement(unit, offer, on=date(2022, 4, 15))
    assert [line.key for line in then.concessions] == ["job security"]
    assert then.agreement == "agreement 2019-04-01 to 2022-03-31"
    first = app.units.judge_against_agreement(unit, offer, on=date(2019, 1, 1))
    assert first.agreement == "" and not first.has_concession
    assert first.explain() == "no agreement in force: nothing to judge the offer against"


# ------------------------------------------------------------------ what is refused


@pytest.mark.parametrize(("make", "words"), [
    (lambda: in_force(clauses=[CONTRACTING_OUT, CONTRACTING_OUT]), "repeated: contracting-out"),
    (lambda: in_force(terms=Terms.of(**{"job security": Clause(True)})), "share the name"),
    (lambda: in_force(clauses=["contracting-out"]), "ContractClause values, not str"),
    (lambda: in_force(terms={"wages": WAGES}), "an agreement's terms are Terms"),
    (lambda: ContractClause(" ", Category.STAFFING), "a clause needs a name"),
    (lambda: ContractClause("ratio", "staff"), "a clause's category is one of"),
])
def test_an_agreement_that_cannot_be_true_is_refused(make: object, words: str) -> None:
    with pytest.raises(InvalidInput, match=words):
        make()  # type: ignore[operator]


@pytest.mark.parametrize(("offer", "words"), [
    (Terms.of(**{"contracting-out": Amount(2)}), "states no figure"),
    (Terms.of(**{"staffing ratio": Years(3)}), "with a Clause .* or an Amount"),
    (Terms.of(wages=Amount(3)), "the offer's term for 'wages' is Amount"),
])
def test_an_offer_that_does_not_fit_the_agreement_is_refused(offer: Terms, words: str) -> None:
    with pytest.raises(InvalidInput, match=words):
        judge_against_agreement(offer, in_force())


def test_a_demand_that_measures_another_thing_is_refused() -> None:
    demands = [Demand("wages", Category.WAGES, Quantity("hours", 1, 2))]
    with pytest.raises(InvalidInput, match="the demand 'wages' measures quantity"):
        judge_against_agreement(Terms.of(wages=WAGES), in_force(), demands=demands)
    with pytest.raises(InvalidInput, match="by its Terms"):
        judge_against_agreement({"wages": WAGES}, in_force())  # type: ignore[arg-type]


# ------------------------------------------------------------------ clause by clause


def test_each_clause_is_kept_carried_over_improved_weakened_or_dropped() -> None:
    offer = Terms.of(wages=WAGES, **{"contracting-out": Clause(True),
                                     "staffing ratio": Amount(4.5),
                                     "job security": Clause(False),
                                     "no layoffs": Clause(True)})
    judged = judge_against_agreement(offer, in_force())
    assert [(line.key, line.change) for line in judged.lines] == [
        ("contracting-out", Change.KEEPS), ("staffing ratio", Change.IMPROVES),
        ("job security", Change.DROPS), ("wages", Change.KEEPS), ("no layoffs", Change.IMPROVES)]
    assert judged.line_for("staffing ratio").explanation == (
        "improves the staffing ratio clause of the agreement in force from 4.1 to 4.5 hours of "
        "care per resident day")
    assert judged.line_for("no layoffs").explanation == (
        "adds the no layoffs clause, which the agreement in force does not have")
    silent = judge_against_agreement(Terms.of(wages=WAGES), in_force())
    assert not silent.has_concession
    assert silent.line_for("contracting-out").explanation == (
        "carries over the contracting-out clause of the agreement in force (the offer leaves it)")
    with pytest.raises(InvalidInput, match="no term or clause 'pensions'"):
        silent.line_for("pensions")


def test_a_clause_kept_for_incumbents_only_is_a_concession_for_new_hires() -> None:
    offer = Terms.of(**{"contracting-out": Tiered(Clause(True), date(2025, 4, 1),
                                                   Clause(False))})
    line = judge_against_agreement(offer, in_force()).line_for("contracting-out")
    assert line.change is Change.DROPS
    assert line.explanation == ("drops the contracting-out clause of the agreement in force for "
                                "workers hired from 2025-04-01 (two-tier)")


def test_a_staffing_ratio_where_less_is_better_weakens_when_it_rises() -> None:
    class_size = ContractClause("class size", Category.WORKLOAD, 22, "students",
                                more_is_better=False)
    judged = judge_against_agreement(Terms.of(**{"class size": Amount(26)}),
                                     in_force(clauses=[class_size]))
    assert judged.line_for("class size").change is Change.WEAKENS


# ------------------------------------------------------------------ term by term


def test_a_smaller_raise_takes_nothing_but_a_cut_or_a_lost_cost_of_living_protection_does(
) -> None:
    agreement = in_force()
    smaller = judge_against_agreement(Terms.of(wages=Increases([1, 1, 1])), agreement)
    assert smaller.line_for("wages").change is Change.CHANGES and not smaller.has_concession
    better = judge_against_agreement(Terms.of(wages=Increases([3, 3, 3])), agreement)
    assert better.line_for("wages").explanation == (
        "improves wages: 3% a year against 2% a year under the agreement in force")
    cut = judge_against_agreement(Terms.of(wages=Increases([-1, 0, 0])), agreement)
    assert cut.line_for("wages").change is Change.WEAKENS
    cola = Raises(date(2022, 4, 1), date(2025, 3, 31),
                  [Raise(date(2022, 4, 1), percent=1), CostOfLiving(date(2022, 4, 1))])
    inflation = Inflation.yearly(date(2022, 4, 1), [6, 4, 3, 3, 3, 3])
    lost = judge_against_agreement(Terms.of(wages=Increases([5, 4, 4])),
                                   in_force(terms=Terms.of(wages=cola)), inflation=inflation)
    assert lost.line_for("wages").change is Change.DROPS
    assert lost.line_for("wages").explanation.startswith(
        "drops the cost-of-living protection of the agreement in force")


def test_a_real_wage_demand_sees_a_raise_below_inflation_as_a_cut() -> None:
    real = [Demand("wages", Category.WAGES, CompoundIncrease(0, 2, binds=Binds.REAL))]
    inflation = Inflation.yearly(date(2022, 4, 1), [4, 4, 4])
    judged = judge_against_agreement(Terms.of(wages=Increases([3, 3, 3])),
                                     in_force(terms=Terms.of(wages=Increases([5, 5, 5]))),
                                     demands=real, inflation=inflation)
    line = judged.line_for("wages")
    assert line.change is Change.WEAKENS
    assert line.explanation.startswith("cuts wages: -1% a year above inflation against")


def test_amounts_are_ranked_only_by_a_demand_and_term_lengths_never() -> None:
    agreement = in_force(terms=Terms.of(beds=Amount(20), term=Years(3),
                                        progression=Progression(3)))
    offer = Terms.of(beds=Amount(24), term=Years(5), progression=Progression(5))
    unranked = judge_against_agreement(offer, agreement)
    assert [(line.key, line.change) for line in unranked.lines[3:]] == [
        ("beds", Change.CHANGES), ("term", Change.CHANGES), ("progression", Change.WEAKENS)]
    assert unranked.line_for("progression").explanation == (
        "weakens progression from 3 to 5 years to the top rate")
    demands = [Demand("beds", Category.WORKLOAD, Quantity("residents a nurse", 20, 16,
                                                          more_is_better=False)),
               Demand("term", Category.TERM, TermLength(5, 3))]
    ranked = judge_against_agreement(offer, agreement, demands=demands)
    assert [line.key for line in ranked.concessions] == ["beds", "progression"]
    assert ranked.line_for("term").explanation == (
        "changes term from a term of 3 years to a term of 5 years")
    assert ranked.line_for("beds").explanation == (
        "weakens beds from 20 to 24 residents a nurse")
    assert ranked.line_for("beds").category is Category.WORKLOAD
    silent = judge_against_agreement(Terms(), agreement)
    assert {line.change for line in silent.lines[3:]} == {Change.SILENT}


def test_a_tables_offer_is_judged_against_each_units_agreement_and_ratified_carries_clauses(
    app: BargainingApp,
) -> None:
    """At a cluster's table: a clause the framework has no demand on may be named (dropped,
    or given a figure) without the evaluation refusing it; the table's tentative agreement is
    judged against each covered unit's agreement in force; once ratified, the new agreement
    carries the clauses the tentative agreement kept, at the figures it gave."""
    chair = Actor("c-1", "committee chair")
    framework = app.frameworks.draft(name="Care 2025", sectors=["long-term care"], demands=[
        Demand("wages", Category.WAGES, CompoundIncrease(3, 4, binds=Binds.YEARLY))],
        actor=chair)
    app.frameworks.record_vote(framework, 1, Vote(date(2024, 9, 1), Tally(
        eligible=100, cast=90, yes=80, no=10)), actor=chair)
    cluster = app.clusters.form(name="LTC 2025", sectors=["long-term care"], committee=[chair],
                                window_start=date(2025, 3, 1), window_end=date(2025, 3, 31),
                                target_alignment=date(2028, 3, 31), actor=chair,
                                on=date(2024, 9, 1))
    app.clusters.adopt_framework(cluster, framework, 1, actor=chair, on=date(2024, 9, 1))
    homes = []
    for name in ("Home A", "Home B"):
        unit = app.units.register(union="SEIU", local="2", employer="Extendicare",
                                  unit_name=name, actor=STEWARD)
        app.units.record_agreement(unit, effective=date(2022, 4, 1), expiry=date(2025, 3, 31),
                                   terms=Terms.of(wages=WAGES),
                                   clauses=[CONTRACTING_OUT, STAFFING], actor=STEWARD)
        app.clusters.admit(cluster, unit, actor=chair, on=date(2024, 9, 1))
        homes.append(unit)
    table = app.rounds.open_table(units=homes, kind=TableKind.MASTER, on=date(2024, 12, 1),
                                  actor=chair, cluster=cluster, name="Extendicare homes")
    offer = Terms.of(wages=Increases([3.5, 3.5, 3.5]), **{"contracting-out": Clause(False),
                                                         "staffing ratio": Amount(4.3)})
    evaluation = app.rounds.record_offer(table, offer, on=date(2025, 1, 15), actor=chair)
    assert evaluation is not None and evaluation.overall is Verdict.MEETS_FLOOR
    judged = app.rounds.against_agreements(table)
    assert set(judged) == set(homes)
    assert all([line.key for line in j.concessions] == ["contracting-out"]
               for j in judged.values())
    kept = Terms.of(wages=Increases([3.5, 3.5, 3.5]), **{"staffing ratio": Amount(4.3)})
    app.rounds.reach_tentative_agreement(table, kept, on=date(2025, 2, 20),
                                         effective=date(2025, 4, 1), expiry=date(2028, 3, 31),
                                         actor=chair)
    assert all(not j.has_concession for j in app.rounds.against_agreements(table).values())
    assert app.rounds.record_ratification_vote(table, Vote(date(2025, 3, 10), Tally(
        eligible=300, cast=250, yes=200, no=50)), actor=chair)
    for unit in homes:
        new = app.units.get(unit).current_agreement
        assert new is not None and new.expiry == date(2028, 3, 31)
        assert new.clauses == (CONTRACTING_OUT, attrs.evolve(STAFFING, standard=Decimal("4.3")))
        assert new.terms == Terms.of(wages=Increases([3.5, 3.5, 3.5]))
