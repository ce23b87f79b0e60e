"""The sign-off flag follows the days things were voted, not the order they were recorded: an
approval voted after the members' vote never clears it, an approval voted before it clears it
even when recorded (back-filled) later. Readings (now, ``at=``, ``on=``) derive the flags from
the committee's decisions as they know them; the event keeps the flags seen when recorded."""

from __future__ import annotations

from datetime import UTC, date, datetime
from uuid import UUID

import pytest

from bargaining import BargainingApp, Body, Flag, FlagRule, TableStatus, Tally, Vote
from bargaining.domain.coordination.pact import latest_decision
from tests.test_clusters import BELOW, CHAIR, GOOD
from tests.test_ratification import RATIFY, at_table

COMMITTEE = Tally(eligible=12, cast=12, yes=10, no=2)
REFUSING = Tally(eligible=12, cast=12, yes=2, no=10)
REJECT = Vote(date(2026, 4, 20), Tally(eligible=120, cast=100, yes=40, no=60))
WHY = ("tentative agreement 1, below the framework's floor on wages, went to the members' vote "
       "of 2026-04-20 without the committee's sign-off the pact requires; the vote ")


def committee(app: BargainingApp, cluster: UUID, round_id: UUID, held_on: date,
              approved: bool = True) -> None:
    app.clusters.decide_sign_off(cluster, round_id, approved=approved,
                                 vote=Vote(held_on, COMMITTEE if approved else REFUSING),
                                 actor=CHAIR)


def breaches(app: BargainingApp, cluster: UUID, **reading: object) -> list[Flag]:
    return [b.flag for b in app.clusters.status(cluster, **reading).breaches]  # type: ignore[arg-type]


def test_an_approval_voted_after_the_members_voted_leaves_the_flag_even_recorded_first(
    app: BargainingApp,
) -> None:
    cluster, _, round_id = at_table(app)
    committee(app, cluster, round_id, date(2026, 4, 25))        # recorded first, voted later
    assert app.clusters.status(cluster).tables[0].status is TableStatus.TENTATIVE
    assert app.rounds.record_ratification_vote(round_id, RATIFY, actor=CHAIR) is True
    flag = Flag(FlagRule.RATIFIED_WITHOUT_SIGN_OFF, WHY + "carried; the committee approved it "
                "on 2026-04-25, after the members' vote")
    assert app.rounds.get(round_id).recorded_flags == [flag]      # the audit copy
    assert app.rounds.flags(round_id) == (flag,)                  # and as read now
    assert breaches(app, cluster) == [flag]
    # on the day after the members' vote, before the committee's: ratified, final, in breach
    then = app.clusters.status(cluster, on=date(2026, 4, 21))
    [table] = then.tables
    assert (table.status, table.final) == (TableStatus.RATIFIED, True)
    [early] = table.flags
    assert early.rule is FlagRule.RATIFIED_WITHOUT_SIGN_OFF and early.why == WHY + "carried"
    assert table.recorded_flags == (flag,)
    assert "ratified (final) [flagged: 1]" in then.explain()
    assert app.rounds.flags(round_id, on=date(2026, 4, 21)) == (early,)
    assert breaches(app, cluster, on=date(2026, 4, 26)) == [flag]


def test_a_back_filled_approval_voted_before_the_members_voted_clears_the_flag_when_read(
    app: BargainingApp,
) -> None:
    cluster, _, round_id = at_table(app)
    app.rounds.record_ratification_vote(round_id, RATIFY, actor=CHAIR)
    [flag] = app.rounds.get(round_id).recorded_flags
    assert flag.why == WHY + "carried"
    before_back_fill = datetime.now(UTC)
    committee(app, cluster, round_id, date(2026, 4, 15))        # voted before, recorded after
    assert app.rounds.flags(round_id) == ()
    status = app.clusters.status(cluster)
    assert status.breaches == () and status.tables[0].flags == ()
    assert status.tables[0].recorded_flags == (flag,)
    assert "flagged" not in status.explain()
    # what was seen when recorded stays: the round's audit copy, the event, the history
    assert app.rounds.get(round_id).recorded_flags == [flag]
    assert app.history.of(round_id)[-1].summary.endswith(f"flagged: {flag.why}")
    # as known before the approval was recorded, the vote was in breach
    assert breaches(app, cluster, at=before_back_fill) == [flag]
    assert app.rounds.flags(round_id, at=before_back_fill) == (flag,)
    # as things stood on the day of the members' vote, the approval had been voted
    assert breaches(app, cluster, on=date(2026, 4, 20)) == []
    assert app.rounds.flags(round_id, on=date(2026, 4, 20)) == ()


def test_a_status_between_the_members_vote_and_a_later_approval_shows_the_breach(
    app: BargainingApp,
) -> None:
    cluster, _, round_id = at_table(app)
    assert app.rounds.record_ratification_vote(round_id, REJECT, actor=CHAIR) is False
    committee(app, cluster, round_id, date(2026, 4, 25))
    again = Vote(date(2026, 4, 28), Tally(eligible=120, cast=100, yes=73, no=27))
    assert app.rounds.record_ratification_vote(round_id, again, actor=CHAIR) is True
    first = Flag(FlagRule.RATIFIED_WITHOUT_SIGN_OFF, WHY + "failed; the committee approved "
                 "it on 2026-04-25, after the members' vote")
    assert app.rounds.get(round_id).recorded_flags == [Flag(first.rule, WHY + "failed")]
    assert app.rounds.flags(round_id) == (first,)            # the second vote breaks no rule
    between = app.clusters.status(cluster, on=date(2026, 4, 22))
    assert between.tables[0].status is TableStatus.AWAITING_SIGN_OFF
    assert [b.flag.why for b in between.breaches] == [WHY + "failed"]
    approved = app.clusters.status(cluster, on=date(2026, 4, 26))
    assert approved.tables[0].status is TableStatus.TENTATIVE
    assert [b.flag for b in approved.breaches] == [first]
    assert app.clusters.status(cluster, on=date(2026, 4, 28)).tables[0].status is (
        TableStatus.RATIFIED)


def test_a_refusal_voted_after_an_approval_and_before_the_members_vote_stands(
    app: BargainingApp,
) -> None:
    cluster, _, round_id = at_table(app)
    committee(app, cluster, round_id, date(2026, 4, 10), approved=False)  # recorded first
    committee(app, cluster, round_id, date(2026, 4, 5))                   # voted first
    assert app.clusters.status(cluster).tables[0].status is TableStatus.AWAITING_SIGN_OFF
    app.rounds.record_ratification_vote(round_id, RATIFY, actor=CHAIR)
    assert [f.why for f in app.rounds.flags(round_id)] == [WHY + "carried"]
    assert app.rounds.flags(round_id, on=date(2026, 4, 7)) == ()    # no vote yet that day


def test_a_round_outside_a_cluster_or_meeting_every_floor_carries_no_flag(
    app: BargainingApp,
) -> None:
    cluster, _, round_id = at_table(app, terms=GOOD)
    app.rounds.record_ratification_vote(round_id, RATIFY, actor=CHAIR)
    assert app.rounds.flags(round_id) == () and breaches(app, cluster) == []
    uid = app.units.register(union="U", local="9", employer="E", unit_name="n", actor=CHAIR)
    alone = app.rounds.open(uid, on=date(2026, 1, 5), actor=CHAIR)
    app.rounds.reach_tentative_agreement(alone, BELOW, on=date(2026, 3, 1),  # type: ignore[arg-type]
                                         effective=date(2026, 4, 1), expiry=date(2029, 3, 31),
                                         actor=CHAIR)
    app.rounds.record_ratification_vote(alone, RATIFY, actor=CHAIR)
    assert app.rounds.flags(alone) == () and app.rounds.get(alone).recorded_flags == []


def test_the_latest_decision_is_the_one_voted_last_on_that_tentative_agreement(
    app: BargainingApp,
) -> None:
    cluster, _, round_id = at_table(app)
    committee(app, cluster, round_id, date(2026, 4, 10), approved=False)
    committee(app, cluster, round_id, date(2026, 4, 5))
    committee(app, cluster, round_id, date(2026, 4, 10))      # same day, recorded last
    found = app.clusters.get(cluster)
    decision = found.sign_off_for(round_id)
    assert decision is not None and decision.approved and decision.vote.held_on == date(
        2026, 4, 10)
    early = found.sign_off_for(round_id, on=date(2026, 4, 9))
    assert early is not None and early.approved and early.vote.held_on == date(2026, 4, 5)
    assert found.sign_off_for(round_id, on=date(2026, 4, 4)) is None
    assert found.sign_off_for(round_id, tentative_number=2) is None
    assert latest_decision(found.sign_offs, round_id, on=date(2026, 4, 10)) == decision


def test_a_general_assembly_ratifies_as_the_members_ballot_does(app: BargainingApp) -> None:
    cluster, uid, round_id = at_table(app, terms=GOOD)
    assembly = Vote(date(2026, 4, 20), Tally(eligible=400, cast=310, yes=250, no=60),
                    body=Body.general_assembly())
    assert app.rounds.record_ratification_vote(round_id, assembly, actor=CHAIR) is True
    assert app.rounds.get(round_id).ratification == assembly
    assert app.units.get(uid).current_agreement.expiry == date(2029, 3, 31)  # type: ignore[union-attr]
    assert app.clusters.status(cluster).tables[0].status is TableStatus.RATIFIED


def test_the_rule_is_named_as_released_and_its_words_say_what_it_is() -> None:
    rule = FlagRule.RATIFIED_WITHOUT_SIGN_OFF
    assert rule.value == ("put to the members' vote below the framework's floor without the "
                          "cluster's sign-off")
    # words of builds before release (no released store holds them) still read back
    assert FlagRule("ratified below the framework's floor without the cluster's sign-off") is rule
    with pytest.raises(ValueError):
        FlagRule("ratified")
