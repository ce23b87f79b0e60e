"""Ratification is a fact: a members' vote held without the sign-off the pact requires is
recorded with a flag that the round, the cluster's status and the history show; a vote by
another body ratifies nothing; a tentative agreement that overlaps the unit's agreements is
refused when it is reached; a withdrawn member's open table does not hold the cluster back."""

from __future__ import annotations

import json
from datetime import date
from uuid import UUID

import pytest
from eventsourcing.persistence import StoredEvent

from bargaining import (
    BargainingApp,
    Body,
    Flag,
    FlagRule,
    InvalidInput,
    PactRule,
    RuleViolation,
    TableStatus,
    Tally,
    Vote,
)
from bargaining.presentation.summaries import R
from tests.test_clusters import BELOW, CARRIED, CHAIR, GOOD, LOST, events, setup, unit

RATIFY = Vote(date(2026, 4, 20), Tally(eligible=120, cast=100, yes=73, no=27))


def at_table(app: BargainingApp, rules: list[PactRule] | None = None,
             terms: object = BELOW) -> tuple[UUID, UUID, UUID]:
    """A cluster, Extendicare admitted, its round at a tentative agreement of ``terms``."""
    _, cluster, uid = setup(app, rules)
    app.clusters.admit(cluster, uid, actor=CHAIR, on=date(2025, 11, 1))
    round_id = app.rounds.open(uid, on=date(2026, 1, 5), cluster=cluster, actor=CHAIR)
    app.rounds.reach_tentative_agreement(round_id, terms, on=date(2026, 3, 1),  # type: ignore[arg-type]
                                         effective=date(2026, 4, 1), expiry=date(2029, 3, 31),
                                         actor=CHAIR)
    return cluster, uid, round_id


# ------------------------------------------------------------ ratification is a fact


def test_a_vote_without_the_required_sign_off_is_recorded_and_flagged(app: BargainingApp) -> None:
    cluster, uid, round_id = at_table(app)
    assert app.rounds.record_ratification_vote(round_id, RATIFY, actor=CHAIR) is True
    found = app.rounds.get(round_id)
    assert found.ratified and found.ratification == RATIFY
    why = ("tentative agreement 1, below the framework's floor on wages, went to the members' "
           "vote of 2026-04-20 without the committee's sign-off the pact requires; the vote "
           "carried")
    assert found.recorded_flags == [Flag(FlagRule.RATIFIED_WITHOUT_SIGN_OFF, why)]
    assert app.units.get(uid).current_agreement.expiry == date(2029, 3, 31)  # type: ignore[union-attr]
    # the event carries the flag, as stored
    ratified = list(app.eventsourcing.events.get(round_id))[-1]
    assert isinstance(ratified, R.Ratified) and list(ratified.flags) == found.recorded_flags
    stored = app.eventsourcing.recorder.select_events(round_id)[-1]
    [flag] = json.loads(stored.state)["flags"]
    assert flag["_type_"] == "flag" and {k: flag["_data_"][k] for k in ("rule", "why")} == {
        "rule": {"_type_": "flag_rule", "_data_": FlagRule.RATIFIED_WITHOUT_SIGN_OFF.value},
        "why": why}  # and its phrase, so that it reads in French (test_flags_language.py)
    assert flag["_data_"]["wording"]["_type_"] == "phrase"
    # the cluster's status: the table's flags, the breaches, explain()
    status = app.clusters.status(cluster)
    [table] = status.tables
    assert table.status is TableStatus.RATIFIED and table.flags == (found.recorded_flags[0],)
    [breach] = status.breaches
    assert (breach.unit_id, breach.flag) == (uid, found.recorded_flags[0])
    assert "SEIU 2, Extendicare (LTC): ratified (final) [flagged: 1]" in (
        status.explain())
    assert f"breach of the pact: SEIU 2, Extendicare (LTC): {why}" in status.explain()
    # the history
    entry = app.history.of(round_id)[-1]
    assert entry.event == "Ratified" and entry.occurred_on == date(2026, 4, 20)
    assert entry.summary.endswith(f"carried; flagged: {why}")
    assert entry.data["flags"] == [{"rule": FlagRule.RATIFIED_WITHOUT_SIGN_OFF.value,
                                    "why": why}]


def test_a_failed_vote_without_the_required_sign_off_is_flagged_too(app: BargainingApp) -> None:
    cluster, uid, round_id = at_table(app)
    assert app.rounds.record_ratification_vote(round_id, LOST, actor=CHAIR) is False
    found = app.rounds.get(round_id)
    assert found.failed_votes == [LOST] and not found.ratified
    [flag] = found.recorded_flags
    assert flag.why.endswith("the vote failed")
    assert app.units.get(uid).current_agreement.expiry == date(2026, 3, 31)  # type: ignore[union-attr]
    status = app.clusters.status(cluster)
    assert status.tables[0].status is TableStatus.AWAITING_SIGN_OFF
    assert [b.flag for b in status.breaches] == [flag]
    assert "rejected the tentative agreement" in app.history.of(round_id)[-1].summary


@pytest.mark.parametrize(("rules", "terms", "approve"), [
    ([PactRule.NO_DEAL_UNTIL_ALL_SETTLE], BELOW, False),   # the pact does not require sign-off
    (None, GOOD, False),                                     # every floor is met
    (None, BELOW, True),                                     # the committee approved this TA
])
def test_no_flag_when_no_rule_is_broken(app: BargainingApp, rules: list[PactRule] | None,
                                        terms: object, approve: bool) -> None:
    cluster, _, round_id = at_table(app, rules, terms)
    if approve:
        app.clusters.decide_sign_off(cluster, round_id, approved=True, vote=CARRIED,
                                     actor=CHAIR)
    assert app.rounds.record_ratification_vote(round_id, RATIFY, actor=CHAIR) is True
    assert app.rounds.get(round_id).recorded_flags == []
    assert app.clusters.status(cluster).breaches == ()
    assert "flagged" not in app.history.of(round_id)[-1].summary


def test_a_vote_by_another_body_is_recorded_and_ratifies_nothing(app: BargainingApp) -> None:
    cluster, uid, round_id = at_table(app, terms=GOOD)
    delegates = Vote(date(2026, 3, 10), Tally(eligible=40, cast=40, yes=35, no=5),
                     body=Body.delegates())
    assert app.rounds.record_ratification_vote(round_id, delegates, actor=CHAIR) is False
    found = app.rounds.get(round_id)
    assert found.other_votes == [delegates] and not found.ratified and found.failed_votes == []
    assert app.units.get(uid).current_agreement.expiry == date(2026, 3, 31)  # type: ignore[union-attr]
    assert app.clusters.status(cluster).tables[0].status is TableStatus.TENTATIVE
    entry = app.history.of(round_id)[-1]
    assert (entry.event, entry.occurred_on) == ("OtherBodyVoted", date(2026, 3, 10))
    assert entry.summary.startswith("The delegates voted on the tentative agreement in ")
    assert "(only members ratify)" in entry.summary and "35 yes, 5 no" in entry.summary
    members = Vote(date(2026, 3, 20), Tally(eligible=120, cast=100, yes=80, no=20),
                   body=Body.members())
    assert app.rounds.record_ratification_vote(round_id, members, actor=CHAIR) is True


def test_what_cannot_be_true_is_still_refused_and_records_nothing(app: BargainingApp) -> None:
    _, cluster, uid = setup(app)
    app.clusters.admit(cluster, uid, actor=CHAIR, on=date(2025, 11, 1))
    round_id = app.rounds.open(uid, on=date(2026, 1, 5), cluster=cluster, actor=CHAIR)
    before = events(app)
    with pytest.raises(RuleViolation, match="there is no tentative agreement to ratify"):
        app.rounds.record_ratification_vote(round_id, RATIFY, actor=CHAIR)
    app.rounds.reach_tentative_agreement(round_id, GOOD, on=date(2026, 3, 1),
                                         effective=date(2026, 4, 1), expiry=date(2029, 3, 31),
                                         actor=CHAIR)
    before = events(app)
    with pytest.raises(InvalidInput, match="a ratification needs the members' Vote"):
        app.rounds.record_ratification_vote(round_id, "73% yes", actor=CHAIR)  # type: ignore[arg-type]
    assert events(app) == before
    app.rounds.record_ratification_vote(round_id, RATIFY, actor=CHAIR)
    before = events(app)
    with pytest.raises(RuleViolation, match="already ratified"):
        app.rounds.record_ratification_vote(round_id, RATIFY, actor=CHAIR)
    assert events(app) == before


# ----------------------------------------------------- votes stored by release 0.1

#: ``Ratified`` and ``RatificationFailed`` of a round as release 0.1 stored them (no flags, no
#: class_version), under the release's topic.
RELEASED_TOPIC = "bargaining.domain.round:BargainingRound."
RELEASED_VOTE = (
    b'"vote":{"_type_":"vote","_data_":{"held_on":{"_type_":"date_iso","_data_":"2026-03-27"},'
    b'"tally":{"_type_":"tally","_data_":{"eligible":120,"cast":120,"yes":120,"no":0,'
    b'"spoiled":0}},"threshold":{"_type_":"threshold","_data_":{"share":{"_type_":"fraction",'
    b'"_data_":"1/2"},"of":"cast","strictly_more":true}},"quorum":null}},"actor":{"_type_":'
    b'"actor","_data_":{"id":"c-1","role":"coordinating committee"}},"reason":null}'
)


def released(name: str, round_id: UUID, version: int) -> StoredEvent:
    state = (b'{"timestamp":{"_type_":"datetime_iso","_data_":"2026-11-30T07:14:00.464425'
             b'+00:00"},' + RELEASED_VOTE)
    return StoredEvent(originator_id=round_id, originator_version=version,
                       topic=RELEASED_TOPIC + name, state=state)


@pytest.mark.parametrize("name", ["Ratified", "RatificationFailed"])
def test_a_ratification_vote_stored_by_release_0_1_reads_with_no_flags(
        app: BargainingApp, name: str) -> None:
    cluster, _, round_id = at_table(app, terms=GOOD)
    version = app.rounds.get(round_id).version
    old = released(name, round_id, version + 1)
    event = app.eventsourcing.mapper.to_domain_event(old)
    assert type(event) is getattr(R, name) and type(event).class_version == 2
    assert event.flags == [] and event.vote.body is None
    app.eventsourcing.recorder.insert_events([old])
    found = app.rounds.get(round_id)
    assert found.recorded_flags == [] and found.ratified == (name == "Ratified")
    entry = app.history.of(round_id)[-1]
    assert entry.data["flags"] == [] and "flagged" not in entry.summary
    assert app.clusters.status(cluster).breaches == ()
    state: dict[str, object] = {}
    getattr(R, name).upcast_v1_v2(state)
    assert state == {"flags": []}


# ------------------------------------------------------------ errors at once


def test_a_tentative_agreement_overlapping_the_agreement_in_force_is_refused_when_reached(
    app: BargainingApp,
) -> None:
    _, cluster, uid = setup(app)          # Extendicare's agreement runs 2023-04-01 to 2026-03-31
    app.clusters.admit(cluster, uid, actor=CHAIR, on=date(2025, 11, 1))
    round_id = app.rounds.open(uid, on=date(2026, 1, 5), cluster=cluster, actor=CHAIR)
    before = events(app)
    with pytest.raises(RuleViolation, match=(
            r"SEIU 2, Extendicare \(LTC\): the tentative agreement 2026-01-01 to 2029-03-31 "
            r"overlaps the agreement 2023-04-01 to 2026-03-31 already recorded")):
        app.rounds.reach_tentative_agreement(round_id, GOOD, on=date(2026, 3, 1),
                                             effective=date(2026, 1, 1),
                                             expiry=date(2029, 3, 31), actor=CHAIR)
    assert events(app) == before
    assert app.rounds.get(round_id).tentative is None
    app.rounds.reach_tentative_agreement(round_id, GOOD, on=date(2026, 3, 1),
                                         effective=date(2026, 4, 1), expiry=date(2029, 3, 31),
                                         actor=CHAIR)
    assert app.rounds.record_ratification_vote(round_id, CARRIED, actor=CHAIR) is True


def test_an_overlap_with_an_earlier_agreement_is_refused_too(app: BargainingApp) -> None:
    uid = unit(app, "Sienna", date(2026, 3, 31))            # 2023-04-01 to 2026-03-31
    app.units.record_agreement(uid, effective=date(2020, 4, 1), expiry=date(2023, 3, 31),
                               actor=CHAIR)
    round_id = app.rounds.open(uid, on=date(2026, 1, 5), actor=CHAIR)
    with pytest.raises(RuleViolation, match="overlaps the agreement 2020-04-01 to 2023-03-31"):
        app.rounds.reach_tentative_agreement(round_id, GOOD, on=date(2026, 3, 1),
                                             effective=date(2019, 4, 1),
                                             expiry=date(2020, 12, 31), actor=CHAIR)


def test_a_unit_with_no_agreement_on_record_can_reach_any_dates(app: BargainingApp) -> None:
    uid = app.units.register(union="FTQ", local="SCFP", employer="Gouvernement du Québec",
                             unit_name="School support staff", actor=CHAIR)
    round_id = app.rounds.open(uid, on=date(2022, 10, 28), actor=CHAIR)
    app.rounds.reach_tentative_agreement(round_id, GOOD, on=date(2023, 12, 28),
                                         effective=date(2023, 4, 1), expiry=date(2028, 3, 31),
                                         actor=CHAIR)
    assert app.rounds.get(round_id).tentative is not None


# ------------------------------------------------- settled: active members' tables


def test_a_withdrawn_members_open_table_stays_in_view_and_does_not_hold_the_cluster_back(
    app: BargainingApp,
) -> None:
    _, cluster, first = setup(app)
    second = unit(app, "Sienna", date(2026, 4, 30))
    for uid in (first, second):
        app.clusters.admit(cluster, uid, actor=CHAIR, on=date(2025, 11, 1))
    rounds = [app.rounds.open(uid, on=date(2026, 1, 5), cluster=cluster, actor=CHAIR)
              for uid in (first, second)]
    app.rounds.reach_tentative_agreement(rounds[0], GOOD, on=date(2026, 3, 1),
                                         effective=date(2026, 4, 1), expiry=date(2029, 3, 31),
                                         actor=CHAIR)
    app.rounds.record_ratification_vote(rounds[0], CARRIED, actor=CHAIR)
    assert not app.clusters.status(cluster).settled
    app.clusters.withdraw(cluster, second, actor=CHAIR, on=date(2026, 2, 1),
                          reason="the local voted to leave")
    status = app.clusters.status(cluster)
    assert status.settled
    assert [(t.unit_id, t.withdrawn, t.status, t.final) for t in status.tables] == [
        (first, False, TableStatus.RATIFIED, True), (second, True, TableStatus.OPEN, False)]
    assert "SEIU 2, Sienna (LTC): withdrawn (its table: open)" in status.explain()


def test_a_cluster_whose_members_all_withdrew_is_not_settled(app: BargainingApp) -> None:
    _, cluster, uid = setup(app)
    app.clusters.admit(cluster, uid, actor=CHAIR, on=date(2025, 11, 1))
    app.clusters.withdraw(cluster, uid, actor=CHAIR, on=date(2026, 2, 1))
    status = app.clusters.status(cluster)
    assert not status.settled and status.tables[0].withdrawn
    assert "withdrawn (its table: no table)" in status.explain()
