"""What a table's count of returns decides and records: a majority of units over the units at
the table, units that did not return named, the round's record agreeing with the count, me-too
judged for every unit a table binds, and the table's API in domain words."""

from __future__ import annotations

from datetime import date
from uuid import UUID

import pytest

from bargaining import (
    Actor,
    BargainingApp,
    InvalidInput,
    PactRule,
    Return,
    ReturnsRule,
    RuleViolation,
    TableKind,
    Tally,
    Terms,
    Vote,
    combine_returns,
)
from bargaining.domain.coordination.cluster import BargainingCluster
from bargaining.domain.coordination.me_too import me_too_owed
from bargaining.domain.coordination.round import BargainingRound
from bargaining.domain.frameworks.evaluation import Increases
from tests.refusals import position
from tests.test_me_too import CARRIED, VERSION, cluster

CHAIR = Actor("c-1", "coordinating committee")
TERM = {"effective": date(2023, 4, 1), "expiry": date(2028, 3, 31)}


def _vote(on: date, yes: int, no: int) -> Vote:
    return Vote(on, Tally(eligible=yes + no, cast=yes + no, yes=yes, no=no))


def _master(app: BargainingApp, rule: ReturnsRule, *names: str) -> tuple[UUID, list[UUID]]:
    units = []
    for name in names:
        uid = app.units.register(union="UAW", local=name, employer="General Motors",
                                 unit_name=name, actor=CHAIR)
        app.units.record_agreement(uid, effective=date(2019, 10, 25), expiry=date(2023, 3, 31),
                                   actor=CHAIR)
        units.append(uid)
    table = app.rounds.open_table(units=units, kind=TableKind.MASTER, returns_rule=rule,
                                  name="UAW-GM", on=date(2022, 10, 28), actor=CHAIR)
    app.rounds.reach_tentative_agreement(table, Terms.of(), on=date(2023, 10, 30), actor=CHAIR,
                                         **TERM)
    return table, units


# ------------------------------------------------------- a majority of the units at the table


def test_a_majority_of_units_counts_the_units_at_the_table_not_those_that_returned(
    memory_app: BargainingApp,
) -> None:
    app = memory_app
    table, (a, b, c) = _master(app, ReturnsRule.MAJORITY_OF_UNITS, "A", "B", "C")
    app.rounds.record_return(table, a, _vote(date(2023, 11, 6), 6, 4), actor=CHAIR)
    so_far = app.rounds.returns(table)
    assert not so_far.carried and so_far.missing == (b, c)
    counted = app.rounds.count_returns(table, on=date(2023, 11, 8), actor=CHAIR)
    assert not counted.carried and counted.missing == (b, c)
    assert "1 of 3 units carried; by a majority of units: failed" in counted.explain()
    assert "not returned: UAW B, General Motors (B), UAW C, General Motors (C)" in (
        counted.explain())
    assert not app.rounds.get(table).ratified
    assert all(app.units.get(u).current_agreement.expiry == date(2023, 3, 31)  # type: ignore[union-attr]
               for u in (a, b, c))
    summary = app.history.of(table)[-1].summary
    assert "1 of 3 units carried" in summary
    assert "not returned: UAW B, General Motors (B), UAW C, General Motors (C)" in summary


def test_a_count_closed_with_a_unit_missing_names_it_and_may_still_carry(
    memory_app: BargainingApp,
) -> None:
    app = memory_app
    table, (a, b, c) = _master(app, ReturnsRule.MAJORITY_OF_UNITS, "A", "B", "C")
    app.rounds.record_return(table, a, _vote(date(2023, 11, 6), 6, 4), actor=CHAIR)
    app.rounds.record_return(table, b, _vote(date(2023, 11, 7), 7, 3), actor=CHAIR)
    counted = app.rounds.count_returns(table, on=date(2023, 11, 8), actor=CHAIR)
    assert counted.carried and counted.missing == (c,)
    found = app.rounds.get(table)
    assert found.ratified and found.counted is not None and found.counted.missing == (c,)
    assert all(app.units.get(u).current_agreement.expiry == date(2028, 3, 31)  # type: ignore[union-attr]
               for u in (a, b, c))
    assert app.history.of(table)[-1].summary.endswith(
        "ratified by a majority of units; not returned: UAW C, General Motors (C)")


def test_combined_returns_without_the_units_at_the_table_judge_the_units_that_returned() -> None:
    a, b = UUID(int=1), UUID(int=2)
    found = [Return(a, _vote(date(2024, 1, 1), 6, 4)), Return(b, _vote(date(2024, 1, 2), 3, 7))]
    result = combine_returns(found, ReturnsRule.MAJORITY_OF_UNITS, expected=3)
    assert not result.carried and result.missing == ()
    seated = combine_returns(found[:1], ReturnsRule.MAJORITY_OF_UNITS, seated=[a, b, UUID(int=3)])
    assert not seated.carried and seated.missing == (b, UUID(int=3)) and seated.expected == 3


# ---------------------------------------- the round's record says what the count decided


def test_the_recorded_vote_says_what_the_count_decided(memory_app: BargainingApp) -> None:
    app = memory_app
    table, (a, b, c) = _master(app, ReturnsRule.MAJORITY_OF_UNITS, "A", "B", "C")
    app.rounds.record_return(table, a, _vote(date(2023, 11, 6), 6, 4), actor=CHAIR)
    app.rounds.record_return(table, b, _vote(date(2023, 11, 7), 6, 4), actor=CHAIR)
    app.rounds.record_return(table, c, _vote(date(2023, 11, 7), 0, 100), actor=CHAIR)
    assert not app.rounds.returns(table).all_ballots_carried
    assert app.rounds.count_returns(table, on=date(2023, 11, 8), actor=CHAIR).carried
    found = app.rounds.get(table)
    assert found.ratification is not None and found.ratification.passed
    assert found.ratification.tally.yes == 12
    assert "by a majority of units: carried" in found.ratification.explain()
    assert [v.passed for v in found.ratification_votes] == [True]

    other, (x, y, _) = _master(app, ReturnsRule.BOTH, "X", "Y", "Z")
    app.rounds.record_return(other, x, _vote(date(2023, 11, 6), 900, 100), actor=CHAIR)
    app.rounds.record_return(other, y, _vote(date(2023, 11, 7), 4, 6), actor=CHAIR)
    assert not app.rounds.count_returns(other, on=date(2023, 11, 8), actor=CHAIR).carried
    rejected = app.rounds.get(other)
    [failed] = rejected.failed_votes
    assert not failed.passed and failed.tally.yes == 904
    assert [v.passed for v in rejected.ratification_votes] == [False]


# ------------------------------------------------------- me-too judged for each unit bound


def _z_then_master_of_x_and_y(*rules: PactRule) -> tuple[
        BargainingCluster, dict[str, UUID], BargainingRound, BargainingRound]:
    """Z settles 6% alone; then a master table of X and Y settles 7%; X never signed the pact."""
    found = cluster("Z", "X", "Y", signed=False, me_too=("wages",), rules=rules)
    ids = {m.label: u for u, m in found.members.items()}
    for label in ("Z", "Y"):
        found.sign_pact(ids[label], on=date(2025, 11, 2), actor=CHAIR)
    earlier = BargainingRound.open(unit_id=ids["Z"], on=date(2026, 1, 5), actor=CHAIR,
                                   cluster_id=found.id)
    master = BargainingRound.open(unit_ids=[ids["X"], ids["Y"]], kind=TableKind.MASTER,
                                  on=date(2026, 1, 5), actor=CHAIR, cluster_id=found.id)
    for label, table in (("Z", earlier), ("X", master), ("Y", master)):
        found.link_round(ids[label], table.id, actor=CHAIR, on=date(2026, 1, 5))
    for table, raise_, vote in ((earlier, 6, CARRIED),
                                (master, 7, Vote(date(2026, 3, 2), CARRIED.tally))):
        table.reach_tentative_agreement(Terms.of(wages=Increases([raise_])), on=date(2026, 2, 1),
                                        effective=date(2026, 4, 1), expiry=date(2027, 3, 31),
                                        evaluation=None, actor=CHAIR)
        table.record_ratification_vote(vote, sign_off_required=False, actor=CHAIR)
    return found, ids, earlier, master


def test_me_too_at_a_table_of_many_units_is_owed_by_any_unit_the_pact_binds() -> None:
    found, ids, earlier, master = _z_then_master_of_x_and_y(PactRule.ME_TOO)
    [owed] = me_too_owed(found, master, "X", VERSION, {earlier.id: earlier})
    assert (owed.unit_id, owed.from_unit_id) == (ids["Z"], ids["Y"])
    assert owed.explanation.startswith("Z is owed Y's better wages: 7% a year")
    found, ids, earlier, master = _z_then_master_of_x_and_y(
        PactRule.ME_TOO, PactRule.ME_TOO_SAME_EMPLOYER)
    apart = {ids["Z"]: "Extendicare", ids["X"]: "Extendicare", ids["Y"]: "Sienna"}
    assert me_too_owed(found, master, "X", VERSION, {earlier.id: earlier},
                       employers=apart) == []  # X shares Z's employer, but is not bound
    same = {**apart, ids["Y"]: "extendicare"}
    [owed] = me_too_owed(found, master, "X", VERSION, {earlier.id: earlier}, employers=same)
    assert owed.from_unit_id == ids["Y"]


# ------------------------------------------------------- the API in domain words


def test_returns_read_through_the_app_name_their_units(memory_app: BargainingApp) -> None:
    app = memory_app
    table, (a, b) = _master(app, ReturnsRule.ALL_BALLOTS, "A", "B")
    app.rounds.record_return(table, a, _vote(date(2023, 11, 6), 4, 6), actor=CHAIR)
    assert "voted no: UAW A, General Motors (A)" in app.rounds.returns(table).explain()
    app.rounds.record_return(table, b, _vote(date(2023, 11, 7), 9, 1), actor=CHAIR)
    counted = app.rounds.count_returns(table, on=date(2023, 11, 8), actor=CHAIR)
    assert "voted no: UAW A, General Motors (A)" in counted.explain()
    assert counted.explain(lambda u: "plant A") .endswith("voted no: plant A")


def test_a_table_takes_its_rule_as_text_and_refuses_what_is_not_a_table(
    memory_app: BargainingApp,
) -> None:
    app = memory_app
    (unit,) = [app.units.register(union="UAW", local="1", employer="GM", unit_name="A",
                                  actor=CHAIR)]
    table = app.rounds.open_table(units=[unit], kind="central",  # type: ignore[arg-type]
                                  returns_rule="a majority of units",  # type: ignore[arg-type]
                                  on=date(2022, 10, 28), actor=CHAIR)
    assert app.rounds.get(table).returns_rule is ReturnsRule.MAJORITY_OF_UNITS
    before = position(app)
    with pytest.raises(InvalidInput, match="matters"):
        app.rounds.open_table(units=[unit], kind=TableKind.CENTRAL, matters=None,  # type: ignore[arg-type]
                              on=date(2022, 10, 28), actor=CHAIR)
    with pytest.raises(InvalidInput, match="one or more units"):
        app.rounds.open_table(units=None, kind=TableKind.CENTRAL,  # type: ignore[arg-type]
                              on=date(2022, 10, 28), actor=CHAIR)
    assert position(app) == before
    with pytest.raises(InvalidInput, match="Return"):
        combine_returns([5], ReturnsRule.ALL_BALLOTS)  # type: ignore[list-item]
    with pytest.raises(InvalidInput, match="Return"):
        combine_returns(None, ReturnsRule.ALL_BALLOTS)  # type: ignore[arg-type]
    with pytest.raises(InvalidInput, match="Vote"):
        combine_returns([Return(unit, 5)], ReturnsRule.ALL_BALLOTS)  # type: ignore[arg-type]


# ------------------------------------------------------- a shared table's sign-off


def test_a_shared_tables_sign_off_is_the_tables_whoever_sits_first(
    memory_app: BargainingApp,
) -> None:
    from tests.test_tables import _cluster, _units

    app = memory_app
    units = _units(app, "A", "B")
    (outsider,) = _units(app, "Z")
    cluster = _cluster(app, units, [PactRule.SIGN_OFF])
    before = position(app)
    with pytest.raises(RuleViolation, match="not a member"):
        app.rounds.open_table(units=[outsider, *units], kind=TableKind.CENTRAL,
                              on=date(2022, 10, 28), cluster=cluster, actor=CHAIR)
    assert position(app) == before
    central = app.rounds.open_table(units=units, kind=TableKind.CENTRAL, name="Central",
                                    on=date(2022, 10, 28), cluster=cluster, actor=CHAIR)
    app.clusters.withdraw(cluster, units[0], actor=CHAIR, on=date(2023, 6, 1),
                          reason="left the coalition")
    app.rounds.reach_tentative_agreement(central, Terms.of(wages=Increases([2, 2, 1.5, 1.5, 2])),
                                         on=date(2023, 12, 28), actor=CHAIR, **TERM)
    app.clusters.decide_sign_off(cluster, central, approved=True,
                                 vote=_vote(date(2024, 1, 10), 5, 1), actor=CHAIR)
    decision = app.clusters.get(cluster).sign_off_for(central)
    assert decision is not None and decision.round_id == central and decision.approved
    assert "tentative agreement 1 of the central table 'Central'" in (
        app.history.of(cluster)[-1].summary)
    app.rounds.record_ratification_vote(central, _vote(date(2024, 1, 16), 9, 1), actor=CHAIR)
    assert app.rounds.flags(central) == ()
    assert app.rounds.get(central).recorded_flags == []
