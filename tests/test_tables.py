"""Bargaining tables across units and ratification returns: what a table records once, what
its ratification does to every unit, how returns combine, and rounds of release 0.1 read as
one-unit tables."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path
from uuid import UUID

import pytest
from eventsourcing.persistence import StoredEvent

from bargaining import (
    Actor,
    BargainingApp,
    Body,
    Category,
    CompoundIncrease,
    Demand,
    FlagRule,
    Increases,
    InvalidInput,
    PactRule,
    Protection,
    RecordNotFound,
    ReturnsRule,
    RuleViolation,
    TableKind,
    TableStatus,
    Tally,
    Terms,
    Threshold,
    Vote,
)
from bargaining.presentation.summaries import R, occurred_on
from tests.refusals import position

CHAIR = Actor("c-1", "coordinating committee")
RELEASE = Path(__file__).resolve().parent / "release_stores" / "v0.1" / "plain.sqlite"
TERM = {"effective": date(2023, 4, 1), "expiry": date(2028, 3, 31)}


def _vote(on: date, yes: int, no: int, **kwargs: object) -> Vote:
    return Vote(on, Tally(eligible=yes + no, cast=yes + no, yes=yes, no=no), **kwargs)  # type: ignore[arg-type]


def _units(app: BargainingApp, *names: str) -> list[UUID]:
    found = []
    for name in names:
        uid = app.units.register(union="CSN", local=name, employer="Gouvernement du Québec",
                                 unit_name=name, sector="public sector", actor=CHAIR)
        app.units.record_agreement(uid, effective=date(2020, 4, 1), expiry=date(2023, 3, 31),
                                   actor=CHAIR)
        found.append(uid)
    return found


def _cluster(app: BargainingApp, units: list[UUID], rules: list[PactRule]) -> UUID:
    framework = app.frameworks.draft(name="FC", sectors=["public sector"], demands=[
        Demand("wages", Category.WAGES, CompoundIncrease(floor=16.4, target=21.5)),
        Demand("workload", Category.WORKLOAD, Protection("workload relief"))], actor=CHAIR)
    app.frameworks.record_vote(framework, 1, _vote(date(2022, 10, 1), 90, 10), actor=CHAIR)
    cluster = app.clusters.form(name="FC", sectors=["public sector"], committee=[CHAIR],
                                window_start=date(2023, 3, 1), window_end=date(2023, 4, 30),
                                target_alignment=date(2028, 3, 31), actor=CHAIR,
                                on=date(2022, 9, 15))
    for uid in units:
        app.clusters.admit(cluster, uid, actor=CHAIR, on=date(2022, 9, 15))
    app.clusters.adopt_framework(cluster, framework, 1, actor=CHAIR, on=date(2022, 10, 1))
    if rules:
        app.clusters.adopt_pact(cluster, rules, actor=CHAIR, on=date(2022, 10, 1))
    return cluster


# ------------------------------------------------------------------ release 0.1, upcasting


def _released_openings() -> list[StoredEvent]:
    with sqlite3.connect(RELEASE) as db:
        rows = db.execute("SELECT originator_id, originator_version, topic, state FROM "
                          "stored_events WHERE topic LIKE '%BargainingRound.Opened'").fetchall()
    return [StoredEvent(UUID(r[0]), r[1], r[2], bytes(r[3])) for r in rows]


def test_a_round_opened_by_release_0_1_decodes_as_its_units_local_table() -> None:
    stored = _released_openings()
    assert stored
    with BargainingApp("memory") as app:
        for s in stored:
            state = json.loads(s.state)
            assert "unit_id" in state and "class_version" not in state  # the released form
            event = app.eventsourcing.mapper.to_domain_event(s)
            assert type(event).class_version == 2  # type: ignore[attr-defined]
            assert event.unit_ids == [UUID(state["unit_id"]["_data_"])]  # type: ignore[attr-defined]
            assert event.kind is TableKind.LOCAL  # type: ignore[attr-defined]
            assert event.matters == []  # type: ignore[attr-defined]
            assert event.returns_rule is ReturnsRule.ALL_BALLOTS  # type: ignore[attr-defined]
            assert event.name is None  # type: ignore[attr-defined]
            assert occurred_on(event) == date.fromisoformat(state["notice_served"]["_data_"])
        with sqlite3.connect(RELEASE) as db:
            every = [StoredEvent(UUID(r[0]), r[1], r[2], bytes(r[3])) for r in db.execute(
                "SELECT originator_id, originator_version, topic, state FROM stored_events "
                "ORDER BY rowid")]
        app.eventsourcing.recorder.insert_events(every)
        found = app.rounds.get(stored[0].originator_id)
        assert len(found.unit_ids) == 1 and found.unit_id == found.unit_ids[0]
        assert found.kind is TableKind.LOCAL and found.bargains(Category.WAGES)
        assert found.bargains_term and found.returns == []
        assert app.history.of(found.id)[0].summary.startswith("Bargaining opened at ")


def test_a_new_table_stores_its_units_kind_and_matters_as_version_2(
    memory_app: BargainingApp,
) -> None:
    app = memory_app
    units = _units(app, "A", "B")
    table = app.rounds.open_table(units=units, kind=TableKind.CENTRAL, matters=["wages", "term"],
                                  name="Central", on=date(2022, 10, 28), actor=CHAIR)
    (stored,) = app.eventsourcing.recorder.select_events(table)
    state = json.loads(stored.state)
    assert state["class_version"] == 2 and "unit_id" not in state
    assert state["kind"] == {"_type_": "table_kind", "_data_": "central"}
    assert [m["_data_"] for m in state["matters"]] == ["wages", "term"]
    found = app.rounds.get(table)
    assert found.unit_ids == tuple(units) and found.matters == (Category.WAGES, Category.TERM)
    assert found.name == "Central" and not found.bargains(Category.WORKLOAD)
    entry = app.history.of(table)[0]
    assert entry.occurred_on == date(2022, 10, 28)
    assert entry.summary.startswith("The central table 'Central' opened by the coordinating "
                                    "committee for 2 units")
    assert "bargains wages, term; returns combine by all ballots together" in entry.summary
    state_v1: dict[str, object] = {"unit_id": units[0], "notice_served": date(2022, 1, 1)}
    R.Opened.upcast_v1_v2(state_v1)
    assert state_v1["unit_ids"] == [units[0]] and "unit_id" not in state_v1


# ------------------------------------------------------------------- one record per table


def test_what_a_master_table_ratifies_becomes_every_units_agreement_at_once(
    app: BargainingApp,
) -> None:
    plants = _units(app, "Flint", "Wentzville", "Spring Hill")
    table = app.rounds.open_table(units=plants, kind=TableKind.MASTER, name="UAW-GM",
                                  on=date(2023, 7, 18), actor=CHAIR)
    app.rounds.record_offer(table, Terms.of(wages=Increases([10, 2, 2, 2, 2])),
                            on=date(2023, 9, 14), actor=CHAIR)
    app.rounds.reach_tentative_agreement(table, Terms.of(wages=Increases([11, 3, 3, 3, 3])),
                                         on=date(2023, 10, 30), actor=CHAIR, **TERM)
    before = position(app)
    assert app.rounds.record_ratification_vote(table, _vote(date(2023, 11, 17), 60, 40),
                                               actor=CHAIR)
    assert position(app) == before + 1 + len(plants)  # the table and every unit, once each
    for uid in plants:
        assert app.units.get(uid).current_agreement.expiry == date(2028, 3, 31)  # type: ignore[union-attr]
        assert app.expiry_map.unit(uid).expiry == date(2028, 3, 31)
    found = app.rounds.get(table)
    assert len(found.offers) == 1 and found.tentative_number == 1 and found.ratified


def test_a_tentative_agreement_overlapping_one_units_agreement_is_refused_naming_it(
    memory_app: BargainingApp,
) -> None:
    app = memory_app
    units = _units(app, "A", "B")
    app.units.record_agreement(units[1], effective=date(2023, 4, 1), expiry=date(2024, 3, 31),
                               actor=CHAIR)
    table = app.rounds.open_table(units=units, kind=TableKind.CENTRAL, on=date(2022, 10, 28),
                                  actor=CHAIR)
    before = position(app)
    with pytest.raises(RuleViolation, match=r"CSN B, .*overlaps the agreement 2023-04-01"):
        app.rounds.reach_tentative_agreement(table, Terms.of(), on=date(2023, 12, 28),
                                             actor=CHAIR, **TERM)
    assert position(app) == before


def test_a_table_that_does_not_bargain_the_term_takes_no_dates_and_sets_no_agreement(
    memory_app: BargainingApp,
) -> None:
    app = memory_app
    units = _units(app, "A", "B")
    table = app.rounds.open_table(units=units, kind=TableKind.SECTORAL, matters=["workload"],
                                  on=date(2022, 10, 28), actor=CHAIR)
    with pytest.raises(InvalidInput, match="does not bargain the term"):
        app.rounds.reach_tentative_agreement(table, Terms.of(), on=date(2023, 12, 22),
                                             actor=CHAIR, **TERM)
    with pytest.raises(InvalidInput, match="effective date"):
        app.rounds.reach_tentative_agreement(
            app.rounds.open(units[0], on=date(2022, 10, 28), actor=CHAIR), Terms.of(),
            on=date(2023, 12, 22), actor=CHAIR)
    app.rounds.reach_tentative_agreement(table, Terms.of(), on=date(2023, 12, 22), actor=CHAIR)
    assert app.rounds.record_ratification_vote(table, _vote(date(2024, 2, 1), 8, 2),
                                               actor=CHAIR)
    assert [len(app.units.get(u).agreements) for u in units] == [1, 1]


def test_offers_at_a_table_are_judged_on_the_matters_it_bargains(
    memory_app: BargainingApp,
) -> None:
    app = memory_app
    units = _units(app, "A", "B")
    cluster = _cluster(app, units, [])
    central = app.rounds.open_table(units=units, kind=TableKind.CENTRAL,
                                    matters=[Category.WAGES, Category.TERM],
                                    on=date(2022, 10, 28), cluster=cluster, actor=CHAIR)
    sectoral = app.rounds.open_table(units=units, kind=TableKind.SECTORAL,
                                     matters=[Category.WORKLOAD], on=date(2022, 10, 28),
                                     cluster=cluster, actor=CHAIR)
    wages = app.rounds.record_offer(central, Terms.of(wages=Increases([2, 2, 1.5, 1.5, 2])),
                                    on=date(2022, 12, 15), actor=CHAIR)
    workload = app.rounds.record_offer(sectoral, Terms.of(), on=date(2022, 12, 15), actor=CHAIR)
    assert wages is not None and [v.demand for v in wages.verdicts] == ["wages"]
    assert workload is not None and [v.demand for v in workload.verdicts] == ["workload"]
    with pytest.raises(InvalidInput, match="does not have"):
        app.rounds.record_offer(sectoral, Terms.of(wages=Increases([9])),
                                on=date(2022, 12, 16), actor=CHAIR)


def test_opening_a_table_refuses_what_cannot_be(memory_app: BargainingApp) -> None:
    app = memory_app
    (unit,) = _units(app, "A")
    before = position(app)
    for bad in ({"units": []}, {"units": [unit, unit]}, {"units": [unit], "matters": ["snacks"]},
                {"units": [unit], "kind": "regional"}, {"units": [unit], "name": " "},
                {"units": [unit], "returns_rule": "unanimity"}):
        with pytest.raises(InvalidInput):
            app.rounds.open_table(**{"kind": TableKind.CENTRAL, **bad},  # type: ignore[arg-type]
                                  on=date(2022, 10, 28), actor=CHAIR)
    with pytest.raises(RecordNotFound):
        app.rounds.open_table(units=[unit, UUID(int=7)], kind=TableKind.CENTRAL,
                              on=date(2022, 10, 28), actor=CHAIR)
    assert position(app) == before


# ----------------------------------------------------------------------------- returns


def _table_with_ta(app: BargainingApp, rule: ReturnsRule = ReturnsRule.ALL_BALLOTS
                   ) -> tuple[UUID, list[UUID]]:
    units = _units(app, "A", "B", "C")
    table = app.rounds.open_table(units=units, kind=TableKind.CENTRAL, returns_rule=rule,
                                  on=date(2022, 10, 28), actor=CHAIR)
    app.rounds.reach_tentative_agreement(table, Terms.of(), on=date(2023, 12, 28), actor=CHAIR,
                                         **TERM)
    return table, units


def test_returns_combine_as_they_come_in_and_the_count_ratifies_for_every_unit(
    memory_app: BargainingApp,
) -> None:
    app = memory_app
    table, (a, b, c) = _table_with_ta(app)
    so_far = app.rounds.record_return(table, a, _vote(date(2024, 1, 16), 30, 70), actor=CHAIR,
                                      place="assembly of January 16")
    assert not so_far.carried and so_far.against == (a,) and not so_far.complete
    app.rounds.record_return(table, b, _vote(date(2024, 1, 25), 500, 100), actor=CHAIR)
    app.rounds.record_return(table, b, _vote(date(2024, 1, 26), 50, 50), actor=CHAIR,
                             place="second assembly")
    app.rounds.record_return(table, c, _vote(date(2024, 2, 8), 40, 60), actor=CHAIR)
    result = app.rounds.returns(table)
    assert (result.tally.yes, result.tally.no, result.tally.cast) == (620, 280, 900)
    assert [u.returns for u in result.units] == [1, 2, 1] and result.complete
    assert result.carried and result.against == (a, c)
    assert not result.under(ReturnsRule.MAJORITY_OF_UNITS).carried
    assert app.rounds.returns(table, on=date(2024, 1, 20)).tally.cast == 100
    with pytest.raises(InvalidInput, match=r"before its last return \(2024-02-08\)"):
        app.rounds.count_returns(table, on=date(2024, 2, 1), actor=CHAIR)
    counted = app.rounds.count_returns(table, on=date(2024, 2, 21), actor=CHAIR)
    assert counted.carried
    found = app.rounds.get(table)
    assert found.ratified and found.ratification is not None
    assert found.ratification.held_on == date(2024, 2, 21)
    for uid in (a, b, c):
        agreement = app.units.get(uid).current_agreement
        assert agreement is not None and agreement.settled == date(2024, 2, 21)
    history = app.history.of(table)
    assert history[-1].occurred_on == date(2024, 2, 21)
    assert history[2].summary.startswith("Ratification return from CSN A, Gouvernement du "
                                         "Québec (A) (assembly of January 16) in the central")
    assert history[2].occurred_on == date(2024, 1, 16)


def test_returns_that_fail_by_the_rule_reject_and_a_new_tentative_agreement_starts_afresh(
    memory_app: BargainingApp,
) -> None:
    app = memory_app
    table, (a, b, _) = _table_with_ta(app, ReturnsRule.BOTH)
    app.rounds.record_return(table, a, _vote(date(2024, 1, 16), 900, 100), actor=CHAIR)
    app.rounds.record_return(table, b, _vote(date(2024, 1, 17), 40, 60), actor=CHAIR)
    assert app.rounds.returns(table).all_ballots_carried
    assert not app.rounds.count_returns(table, on=date(2024, 1, 20), actor=CHAIR).carried
    found = app.rounds.get(table)
    assert not found.ratified and found.status(False) is TableStatus.TENTATIVE
    with pytest.raises(RuleViolation, match="were counted"):
        app.rounds.record_return(table, a, _vote(date(2024, 1, 21), 1, 0), actor=CHAIR)
    app.rounds.reach_tentative_agreement(table, Terms.of(), on=date(2024, 2, 1), actor=CHAIR,
                                         **TERM)
    assert app.rounds.returns(table).units == ()
    app.rounds.record_return(table, a, _vote(date(2024, 2, 5), 9, 1), actor=CHAIR)
    assert not app.rounds.returns(table).carried  # one unit of three: not a majority of units
    app.rounds.record_return(table, b, _vote(date(2024, 2, 5), 8, 2), actor=CHAIR)
    assert app.rounds.count_returns(table, on=date(2024, 2, 6), actor=CHAIR).carried


def test_returns_that_cannot_be_are_refused_and_record_nothing(
    memory_app: BargainingApp,
) -> None:
    app = memory_app
    units = _units(app, "A", "B")
    (outsider,) = _units(app, "Z")
    table = app.rounds.open_table(units=units, kind=TableKind.CENTRAL, on=date(2022, 10, 28),
                                  actor=CHAIR)
    a = units[0]
    before = position(app)
    with pytest.raises(RuleViolation, match="no tentative agreement"):
        app.rounds.record_return(table, a, _vote(date(2024, 1, 16), 9, 1), actor=CHAIR)
    app.rounds.reach_tentative_agreement(table, Terms.of(), on=date(2023, 12, 28), actor=CHAIR,
                                         **TERM)
    before = position(app)
    with pytest.raises(RuleViolation, match="no returns"):
        app.rounds.count_returns(table, on=date(2024, 1, 16), actor=CHAIR)
    with pytest.raises(RuleViolation, match="does not sit at this table"):
        app.rounds.record_return(table, outsider, _vote(date(2024, 1, 16), 9, 1), actor=CHAIR)
    with pytest.raises(RuleViolation, match="not the delegates's"):
        app.rounds.record_return(table, a, _vote(date(2024, 1, 16), 9, 1,
                                                 body=Body.delegates()), actor=CHAIR)
    with pytest.raises(InvalidInput, match="Vote"):
        app.rounds.record_return(table, a, "9 to 1", actor=CHAIR)  # type: ignore[arg-type]
    app.rounds.record_return(table, a, _vote(date(2024, 1, 16), 9, 1,
                                             body=Body.general_assembly()), actor=CHAIR)
    before = position(app)
    with pytest.raises(InvalidInput, match="counted by one rule"):
        app.rounds.record_return(table, units[1], _vote(
            date(2024, 1, 17), 9, 1, threshold=Threshold.two_thirds_of_valid()), actor=CHAIR)
    assert position(app) == before


# ------------------------------------------------------- settled, sign-off, cluster status


def test_a_unit_is_settled_when_every_table_it_sits_at_has_ratified(
    memory_app: BargainingApp,
) -> None:
    app = memory_app
    units = _units(app, "A", "B")
    cluster = _cluster(app, units, [PactRule.NO_DEAL_UNTIL_ALL_SETTLE])
    central = app.rounds.open_table(units=units, kind=TableKind.CENTRAL, name="Central",
                                    matters=[Category.WAGES, Category.TERM],
                                    on=date(2022, 10, 28), cluster=cluster, actor=CHAIR)
    sectoral = app.rounds.open_table(units=[units[0]], kind=TableKind.SECTORAL, name="Health",
                                     matters=[Category.WORKLOAD], on=date(2022, 10, 28),
                                     cluster=cluster, actor=CHAIR)
    app.rounds.reach_tentative_agreement(central, Terms.of(wages=Increases([6, 3, 3, 3, 3])),
                                         on=date(2023, 12, 28), actor=CHAIR, **TERM)
    app.rounds.record_ratification_vote(central, _vote(date(2024, 2, 1), 9, 1), actor=CHAIR)
    status = app.clusters.status(cluster)
    a, b = status.tables
    assert [s.status for s in a.seats] == [TableStatus.RATIFIED, TableStatus.OPEN]
    assert not a.settled and a.status is TableStatus.OPEN
    assert b.settled and not b.final and not status.settled
    assert "    at the central table 'Central': ratified; the sectoral table 'Health': open" in (
        status.explain())
    app.rounds.reach_tentative_agreement(sectoral, Terms.of(), on=date(2024, 2, 2), actor=CHAIR)
    app.rounds.record_ratification_vote(sectoral, _vote(date(2024, 2, 9), 9, 1), actor=CHAIR)
    status = app.clusters.status(cluster)
    assert status.settled and all(t.final for t in status.tables)
    assert not app.clusters.status(cluster, on=date(2024, 2, 5)).tables[0].settled


def test_a_local_round_opened_again_replaces_the_earlier_one(memory_app: BargainingApp) -> None:
    app = memory_app
    units = _units(app, "A")
    cluster = _cluster(app, units, [])
    app.rounds.open(units[0], on=date(2022, 10, 28), cluster=cluster, actor=CHAIR)
    later = app.rounds.open(units[0], on=date(2022, 11, 28), cluster=cluster, actor=CHAIR)
    (state,) = app.clusters.status(cluster).tables
    assert [s.round_id for s in state.seats] == [later]
    assert "    at " not in app.clusters.status(cluster).explain()


def test_returns_to_members_before_the_sign_off_are_flagged_once_for_the_table(
    memory_app: BargainingApp,
) -> None:
    app = memory_app
    units = _units(app, "A", "B")
    cluster = _cluster(app, units, [PactRule.SIGN_OFF])
    central = app.rounds.open_table(units=units, kind=TableKind.CENTRAL, name="Central",
                                    on=date(2022, 10, 28), cluster=cluster, actor=CHAIR)
    app.rounds.reach_tentative_agreement(central, Terms.of(wages=Increases([2, 2, 1.5, 1.5, 2])),
                                         on=date(2023, 12, 28), actor=CHAIR, **TERM)
    assert app.clusters.status(cluster).tables[0].status is TableStatus.AWAITING_SIGN_OFF
    app.rounds.record_return(central, units[0], _vote(date(2024, 1, 16), 9, 1), actor=CHAIR)
    app.clusters.decide_sign_off(cluster, central, approved=True,
                                 vote=_vote(date(2024, 1, 20), 5, 1), actor=CHAIR)
    app.rounds.record_return(central, units[1], _vote(date(2024, 1, 25), 9, 1), actor=CHAIR)
    app.rounds.count_returns(central, on=date(2024, 1, 26), actor=CHAIR)
    [flag] = app.rounds.flags(central)
    assert flag.rule is FlagRule.RATIFIED_WITHOUT_SIGN_OFF
    assert "members' vote of 2024-01-16" in flag.why and "the vote carried" in flag.why
    assert "approved it on 2024-01-20, after the members' vote" in flag.why
    status = app.clusters.status(cluster)
    assert [b.label for b in status.breaches] == ["the central table 'Central'"]
    assert [len(t.flags) for t in status.tables] == [1, 1]
    assert app.rounds.get(central).recorded_flags == [flag]
    assert "flagged: tentative agreement 1" in app.history.of(central)[-1].summary
    # the minutes show an approval of January 10, back-filled: read now, nothing is flagged
    app.clusters.decide_sign_off(cluster, central, approved=True,
                                 vote=_vote(date(2024, 1, 10), 5, 1), actor=CHAIR)
    assert app.rounds.flags(central) == () and app.clusters.status(cluster).breaches == ()
