"""A campaign's rules on their own, without a store: each check is a pure function of what a
campaign has recorded, refusing in the domain's words or returning what its command records.

The campaigns here are built in memory with their commands; the checks are then asked
directly, so a rule shows what it allows and what it refuses."""

from __future__ import annotations

from datetime import date, timedelta
from fractions import Fraction
from uuid import UUID, uuid4

import pytest

from bargaining.domain.campaigns import actions, climbing, membership, rules, strikes
from bargaining.domain.campaigns.campaign import Campaign
from bargaining.domain.campaigns.climbing import Climb, StepDown
from bargaining.domain.campaigns.ladder import DEFAULT_LADDER, Ladder, Rung, RungKind
from bargaining.domain.campaigns.participation import PlannedUnit, Turnout
from bargaining.domain.campaigns.queries import ClimbCheck
from bargaining.domain.campaigns.timeline import (
    CampaignScope,
    CampaignStatus,
    MandateKind,
    Outcome,
    Override,
)
from bargaining.domain.shared.actor import Actor
from bargaining.domain.shared.errors import InvalidInput, RuleViolation
from bargaining.domain.shared.flags import Flag, FlagRule
from bargaining.domain.shared.vote import Tally, Vote
from bargaining.domain.units.agreement import CollectiveAgreement

CHAIR = Actor("c-1", "cluster co-chair")
DAY = date(2026, 1, 5)
A, B = uuid4(), uuid4()
LABELS = {A: "CUPE 4000, Sudbury (care)", B: "CUPE 4000, Ottawa (care)"}
#: A short ladder: a meeting, then the strike vote (85% yes of eligible), then the strike.
SHORT = Ladder([Rung("meeting", 50), Rung("strike vote", 85, RungKind.STRIKE_VOTE),
                Rung("strike", 90, RungKind.STRIKE)])


def later(days: int) -> date:
    return DAY + timedelta(days=days)


def vote(yes: int, days: int) -> Vote:
    """A vote of 100 eligible members, all voting, ``yes`` of them yes, ``days`` after launch."""
    return Vote(later(days), Tally(eligible=100, cast=100, yes=yes, no=100 - yes, spoiled=0))


CARRIED, LOST = vote(60, 1), vote(40, 1)


def launched(*units: UUID, ladder: Ladder = SHORT) -> Campaign:
    return Campaign.launch(name="Care can't wait", units=[(u, LABELS[u]) for u in units or [A]],
                           on=DAY, actor=CHAIR, ladder=ladder)


def on_strike_vote_rung(*units: UUID) -> Campaign:
    """A campaign that climbed to the strike vote rung by an override, on day 1."""
    campaign = launched(*units)
    campaign.escalate(on=later(1), actor=CHAIR, mandate=CARRIED, reason="the members voted")
    return campaign


def on_strike_rung(*units: UUID) -> Campaign:
    """A campaign on the strike rung, reached on day 3 by a qualifying strike vote of the
    whole campaign held on day 2."""
    campaign = on_strike_vote_rung(*units)
    campaign.record_mandate(vote(90, 2), actor=CHAIR)
    campaign.escalate(on=later(3), actor=CHAIR)
    return campaign


def check(*, ready: tuple[UUID, ...], held_back: tuple[UUID, ...]) -> ClimbCheck:
    """A campaign standing on 'meeting' on launch day, climbing when every unit passed."""
    return ClimbCheck(DAY, "meeting", "strike vote", ready, held_back,
                      len(ready) + len(held_back), Fraction(1), CampaignStatus.ACTIVE, True)


# ------------------------------------------------------------- every command


def test_a_launch_takes_its_scope_from_its_units_and_cluster() -> None:
    one = rules.check_launch(" Care  can't wait ", [(A, "Sudbury")], DAY, None, None, 100)
    assert (one.name, one.scope, one.ladder, one.climb_share, one.units) == (
        "Care can't wait", CampaignScope.UNIT, DEFAULT_LADDER, 100, ((A, "Sudbury"),))
    two = rules.check_launch("Care", [(A, "Sudbury"), (B, "Ottawa")], DAY, None, SHORT, 50)
    assert (two.scope, two.ladder, two.climb_share) == (CampaignScope.UNITS, SHORT, 50)
    cluster = uuid4()
    assert rules.check_launch("Care", [(A, "Sudbury")], DAY, cluster, None, 100).scope is (
        CampaignScope.CLUSTER)
    with pytest.raises(InvalidInput, match="a unit is named twice in the campaign's units"):
        rules.check_launch("Care", [(A, "Sudbury"), (A, "Ottawa")], DAY, None, None, 100)
    with pytest.raises(InvalidInput, match="must be above 0% and at most 100%, not 150%"):
        rules.require_climb_share(150)


def test_a_concluded_campaign_records_nothing_more() -> None:
    campaign = launched()
    rules.check_open(campaign)
    campaign.conclude(Outcome.WON, on=later(2), actor=CHAIR)
    with pytest.raises(RuleViolation, match=r"concluded \(won\) on 2026-01-07: nothing more can "
                                            "be recorded on it"):
        rules.check_open(campaign)


def test_decisions_come_in_date_order_and_facts_not_before_the_launch() -> None:
    campaign = launched()
    campaign.pause(on=later(10), actor=CHAIR)
    with pytest.raises(RuleViolation, match="last changed on 2026-01-15; a change dated "
                                            "2026-01-14 would come before it"):
        rules.check_in_order(campaign, later(9), "date of the climb")
    assert rules.check_in_order(campaign, later(10), "date of the climb") == later(10)
    # an action or a vote may be recorded after the fact, before the last decision
    assert rules.check_since_launch(campaign, later(1), "vote's date") == later(1)
    with pytest.raises(RuleViolation, match=r"2026-01-04 is before the campaign 'Care can't "
                                            r"wait' was launched \(2026-01-05\)"):
        rules.check_since_launch(campaign, later(-1), "vote's date")


def test_a_paused_campaign_holds_no_actions_and_calls_no_strikes_while_paused() -> None:
    campaign = launched()
    campaign.pause(on=later(7), actor=CHAIR)
    with pytest.raises(RuleViolation, match="is already paused"):
        rules.check_pause(campaign, later(8))
    campaign.resume(on=later(14), actor=CHAIR)
    rules.check_not_paused(campaign, later(6), "hold actions")
    rules.check_not_paused(campaign, later(14), "hold actions")
    with pytest.raises(RuleViolation, match="is paused on 2026-01-12: resume it to hold actions"):
        rules.check_not_paused(campaign, later(7), "hold actions")
    with pytest.raises(RuleViolation, match="is not paused"):
        rules.check_resume(campaign, later(15))


# ------------------------------------------------------------------ units


def test_a_unit_leaves_after_the_day_it_joined_and_may_rejoin() -> None:
    campaign = launched(A)
    with pytest.raises(RuleViolation, match="joined on 2026-01-05; it can leave only after "
                                            "that day"):
        membership.check_leaving(campaign, A, DAY)
    with pytest.raises(RuleViolation, match="is already part of the campaign"):
        membership.check_joining(campaign, A, "Sudbury", later(1))
    campaign.remove_unit(A, on=later(1), actor=CHAIR)
    with pytest.raises(RuleViolation, match="has already left the campaign"):
        membership.check_leaving(campaign, A, later(2))
    assert membership.check_joining(campaign, A, " Sudbury  care ", later(2)) == (
        A, "Sudbury care", later(2))
    with pytest.raises(RuleViolation, match=f"the unit {B} is not part of the campaign"):
        membership.require_unit(campaign, B)


# ------------------------------------------------------------------ actions


def test_the_strike_vote_rung_is_passed_by_a_vote_not_an_action() -> None:
    with pytest.raises(RuleViolation, match="'strike vote' is passed by a strike vote, not by "
                                            "an action: record the vote as a mandate"):
        actions.check_plan(launched(), "Vote day", "strike vote", later(1), [PlannedUnit(A)])


def test_an_action_above_the_rung_the_campaign_stood_on_is_not_held() -> None:
    campaign = launched(A)
    number = campaign.plan_action(name="Walkout drill", rung="strike", on=later(1),
                                  units=[PlannedUnit(A)], actor=CHAIR)
    with pytest.raises(RuleViolation, match="on 2026-01-06 the campaign 'Care can't wait' stood "
                                            "on 'meeting'; an action on 'strike' is a higher "
                                            "rung: escalate before holding it"):
        actions.check_holding(campaign, number, [Turnout(A, 100, 95)], None)


def test_a_held_action_is_tested_against_its_rungs_threshold_and_stands() -> None:
    campaign = launched(A)
    number = campaign.plan_action(name="Meeting", rung="meeting", on=later(1),
                                  units=[PlannedUnit(A)], actor=CHAIR)
    counts, test = actions.check_holding(campaign, number, [Turnout(A, 100, 49)], None)
    assert counts == [Turnout(A, 100, 49)]
    assert (test.held_on, test.threshold, test.passed) == (later(1), Fraction(50), False)
    campaign.hold_action(number, counts, actor=CHAIR)
    with pytest.raises(RuleViolation, match=r"action 1 \(Meeting\) was already held"):
        actions.check_holding(campaign, number, counts, None)
    with pytest.raises(RuleViolation, match=r"action 1 \(Meeting\) was held; its record stands"):
        actions.check_cancel(campaign, number)
    with pytest.raises(InvalidInput, match=r"'Care can't wait' has no action 2 \(it has 1 to 1\)"):
        actions.require_action(campaign, 2)


# ------------------------------------------------------------------ climbing


def test_a_climb_without_a_passed_test_needs_a_carried_mandate_and_a_reason() -> None:
    campaign, failed = launched(A), check(ready=(), held_back=(A,))
    for mandate, why in [(None, "the members voted"), (CARRIED, None)]:
        with pytest.raises(RuleViolation, match=(
                r"the test of 'meeting' has not passed: 0 of 1 units passed and 1 must; held "
                r"back by CUPE 4000, Sudbury \(care\); climbing without it needs an override: "
                r"a mandate \(a vote that carried\) and a reason")):
            climbing.check_override(campaign, failed, mandate, why)
    with pytest.raises(RuleViolation, match="the override's mandate did not carry"):
        climbing.check_override(campaign, failed, LOST, "the members voted")
    with pytest.raises(InvalidInput, match="an override's mandate must be a Vote"):
        climbing.check_override(campaign, failed, "yes", "the members voted")
    assert climbing.check_override(campaign, failed, CARRIED, "the members voted") == Override(
        CARRIED, "the members voted")


def test_a_climb_on_a_passed_test_needs_no_override() -> None:
    campaign, passed = launched(A), check(ready=(A,), held_back=())
    assert climbing.check_override(campaign, passed, None, None) is None
    with pytest.raises(RuleViolation, match="the test of 'meeting' has passed: the climb needs "
                                            "no override"):
        climbing.check_override(campaign, passed, CARRIED, "the members voted")


def test_a_climb_names_its_rung_its_override_and_the_units_that_held_it_back() -> None:
    climb = climbing.check_climb(launched(A, B), later(1), " the members voted ", CARRIED)
    assert climb == Climb(later(1), "strike vote", Override(CARRIED, "the members voted"),
                          (A, B), "the members voted")


def test_the_strike_rung_needs_a_valid_mandate_and_the_benchmark_or_an_override() -> None:
    campaign = on_strike_vote_rung(A)
    refused = (r"reaching 'strike' needs a valid strike mandate \(a strike vote carried by a "
               r"majority of valid ballots\); no unit taking part holds one on 2026-01-08")
    with pytest.raises(RuleViolation, match=refused):
        climbing.check_climb(campaign, later(3), "the members voted", CARRIED)
    campaign.record_mandate(vote(40, 2), actor=CHAIR)  # failed: no mandate
    with pytest.raises(RuleViolation, match=refused):
        climbing.check_climb(campaign, later(3), "the members voted", CARRIED)
    campaign.record_mandate(vote(60, 2), actor=CHAIR)  # a valid mandate, 60% of eligible
    with pytest.raises(RuleViolation, match="the test of 'strike vote' has not passed"):
        climbing.check_climb(campaign, later(3), None, None)
    climb = climbing.check_climb(campaign, later(3), "the members voted", CARRIED)
    assert (climb.rung, climb.override) == ("strike", Override(CARRIED, "the members voted"))
    campaign.record_mandate(vote(90, 2), actor=CHAIR)
    climb = climbing.check_climb(campaign, later(3), None, None)
    assert (climb.rung, climb.override, climb.held_back) == ("strike", None, ())


def test_a_paused_campaign_or_one_on_its_top_rung_does_not_climb() -> None:
    campaign = launched(A)
    campaign.pause(on=later(1), actor=CHAIR)
    with pytest.raises(RuleViolation, match="is paused: resume it to escalate"):
        climbing.check_climb(campaign, later(2), "the members voted", CARRIED)
    top = on_strike_rung(A)
    with pytest.raises(RuleViolation, match="'strike' is the top rung of the ladder of"):
        climbing.check_climb(top, later(4), "the members voted", CARRIED)


def test_stepping_down_below_the_strike_rung_ends_strikes() -> None:
    general = Ladder([*SHORT.rungs, Rung("general strike", 95)])
    campaign = on_strike_rung(A)
    assert climbing.check_step_down(campaign, later(4), None) == StepDown(
        later(4), "strike vote", True)
    campaign.change_ladder(general, on=later(4), actor=CHAIR)
    campaign.escalate(on=later(5), actor=CHAIR, mandate=CARRIED, reason="the members voted")
    assert climbing.check_step_down(campaign, later(6), None) == StepDown(
        later(6), "strike", False)
    assert climbing.check_step_down(campaign, later(6), "meeting").ends_strikes
    with pytest.raises(RuleViolation, match="'general strike' is not below 'general strike', "
                                            "where 'Care can't wait' stands"):
        climbing.check_step_down(campaign, later(6), "General  Strike")
    with pytest.raises(RuleViolation, match="is on the first rung; there is none below"):
        climbing.check_step_down(launched(), later(1), None)


def test_a_new_ladder_keeps_the_campaigns_place() -> None:
    campaign = on_strike_vote_rung(A)
    assert climbing.check_ladder_change(campaign, DEFAULT_LADDER, later(2)) == (
        DEFAULT_LADDER, later(2))
    with pytest.raises(RuleViolation, match="that is already the ladder of"):
        climbing.check_ladder_change(campaign, SHORT, later(2))
    renamed = Ladder([Rung("meeting", 50), Rung("strike vote", 85)])  # an action rung now
    with pytest.raises(RuleViolation, match=r"stands on 'strike vote'; the new ladder must have "
                                            r"that rung \(a strike vote rung\)"):
        climbing.check_ladder_change(campaign, renamed, later(2))


def test_the_share_of_units_that_must_pass_changes_only_to_another_share() -> None:
    campaign = launched(A, B)
    assert climbing.check_climb_share_change(campaign, 50, later(1)) == (50, later(1))
    with pytest.raises(RuleViolation, match="already climbs when 100% of its units pass"):
        climbing.check_climb_share_change(campaign, 100, later(1))


# ------------------------------------------------------------- mandates and strikes


def test_a_units_vote_is_of_a_unit_taking_part_on_the_day_it_was_held() -> None:
    campaign = launched(A, B)
    campaign.remove_unit(B, on=later(2), actor=CHAIR)
    with pytest.raises(RuleViolation, match="CUPE 4000, Ottawa \\(care\\) was not part of the "
                                            "campaign on 2026-01-08"):
        strikes.check_mandate(campaign, vote(90, 3), MandateKind.STRIKE_VOTE, None, B)
    mandate = strikes.check_mandate(campaign, vote(90, 1), MandateKind.AUTHORIZATION,
                                    " up to a strike ", B)
    assert (mandate.number, mandate.kind, mandate.scope, mandate.unit_id) == (
        1, MandateKind.AUTHORIZATION, "up to a strike", B)


def test_a_walkout_without_a_mandate_in_force_is_flagged_naming_the_vote() -> None:
    campaign = on_strike_rung(A, B)
    campaign.record_mandate(vote(40, 4), actor=CHAIR, unit_id=B)  # B's own, later: it failed
    walkout = strikes.check_walkout(campaign, A, later(5))
    assert (walkout.unit, walkout.on, walkout.flags) == (campaign.units[A], later(5), ())
    assert strikes.check_walkout(campaign, B, later(5)).flags == (Flag(
        FlagRule.NO_VALID_MANDATE, "its latest strike vote (number 2, held 2026-01-09) did not "
        "carry by a majority of valid ballots: 40% yes"),)


def test_a_walkout_no_strike_vote_covers_is_flagged() -> None:
    campaign = on_strike_vote_rung(A, B)
    campaign.record_mandate(vote(90, 2), actor=CHAIR, unit_id=A)
    campaign.escalate(on=later(3), actor=CHAIR, mandate=CARRIED, reason="B follows")
    assert strikes.check_walkout(campaign, B, later(3)).flags == (Flag(
        FlagRule.NO_VALID_MANDATE, "no strike vote covering it was recorded by 2026-01-08"),)


def test_a_walkout_below_the_strike_rung_or_while_paused_is_flagged() -> None:
    campaign = on_strike_vote_rung(A)
    campaign.record_mandate(vote(90, 2), actor=CHAIR)
    assert strikes.check_walkout(campaign, A, later(3)).flags == (Flag(
        FlagRule.BELOW_STRIKE_RUNG, "the campaign stood on 'strike vote' on 2026-01-08; its "
        "strike rung is 'strike'"),)
    no_strike = launched(A, ladder=Ladder([Rung("meeting", 50)]))
    assert [f.why for f in strikes.check_walkout(no_strike, A, later(1)).flags] == [
        "no strike vote covering it was recorded by 2026-01-06",
        "the campaign's ladder on 2026-01-06 had no strike rung"]
    campaign.escalate(on=later(3), actor=CHAIR)
    campaign.pause(on=later(4), actor=CHAIR, reason="mediation")
    assert strikes.check_walkout(campaign, A, later(5)).flags == (Flag(
        FlagRule.CAMPAIGN_PAUSED, "the campaign was paused on 2026-01-10 (since 2026-01-09)"),)
    assert strikes.check_walkout(campaign, A, later(3)).flags == ()  # back-filled, before it


def test_a_walkout_is_refused_only_when_it_cannot_be() -> None:
    campaign = on_strike_rung(A, B)
    campaign.remove_unit(B, on=later(4), actor=CHAIR)
    with pytest.raises(RuleViolation, match=r"Ottawa \(care\) was not part of the campaign on "
                                            r"2026-01-10"):
        strikes.check_walkout(campaign, B, later(5))
    assert strikes.check_walkout(campaign, B, later(3)).on == later(3)  # back-filled
    with pytest.raises(RuleViolation, match="is before the campaign 'Care can't wait' was "
                                            "launched"):
        strikes.check_walkout(campaign, A, later(-1))
    with pytest.raises(RuleViolation, match="walked out on 2026-01-10; it can be back at work "
                                            "only after that day"):
        strikes.check_walkout(campaign, A, later(5), back_on=later(5))
    with pytest.raises(InvalidInput, match="a walkout for part of a day is back the same day"):
        strikes.check_walkout(campaign, A, later(5), back_on=later(6), part_day=True)
    with pytest.raises(RuleViolation, match="less than 24 hours, not 24"):
        strikes.check_walkout(campaign, A, later(5), hours=24)
    with pytest.raises(InvalidInput, match="flags from outside the campaign are Flags"):
        strikes.check_walkout(campaign, A, later(5), outside=["a law"])
    campaign.enter_strike(A, on=later(5), actor=CHAIR, hours=Fraction(5, 2))
    (spell,) = campaign.units[A].spells
    walkout = campaign.pending_events[-1]
    assert (spell.start, spell.end, walkout.part_day, walkout.hours) == (  # type: ignore[attr-defined]
        later(5), later(6), True, Fraction(5, 2))
    assert not campaign.units[A].on_strike and campaign.units[A].on_strike_on(later(5))
    with pytest.raises(RuleViolation, match=r"already out on strike then \(from 2026-01-10, "
                                            r"back on 2026-01-11\)"):
        strikes.check_walkout(campaign, A, later(4), back_on=later(6))
    campaign.enter_strike(A, on=later(2), back_on=later(5), actor=CHAIR)  # back-filled before
    assert [s.start for s in campaign.units[A].spells] == [later(2), later(5)]
    law = Flag(FlagRule.LAW_IN_FORCE, "Bill 28 banned strikes")
    agreement = CollectiveAgreement(expiry=later(30), effective=later(-300))
    flags = strikes.check_walkout(campaign, A, later(8), agreements=[agreement],
                                  outside=[law]).flags
    assert flags == (Flag(FlagRule.AGREEMENT_IN_FORCE, "its agreement 2025-03-11 to 2026-02-04 "
                          "was in force on 2026-01-13"), law)
    assert strikes.check_walkout(campaign, A, later(31), agreements=[agreement]).flags == ()
    campaign.conclude(Outcome.SETTLED, on=later(40), actor=CHAIR)
    with pytest.raises(RuleViolation, match=r"concluded \(settled\) on 2026-02-14: nothing more"):
        strikes.check_walkout(campaign, A, later(41))
    back_filled = strikes.check_walkout(campaign, A, later(8))  # before the conclusion
    assert back_filled.back_on == later(40)


def test_a_striking_unit_returns_only_after_the_day_it_walked_out() -> None:
    campaign = on_strike_rung(A, B)
    with pytest.raises(RuleViolation, match=r"Sudbury \(care\) is not on strike"):
        strikes.check_return(campaign, A, later(5))
    campaign.enter_strike(A, on=later(5), actor=CHAIR)
    with pytest.raises(RuleViolation, match="walked out on 2026-01-10; it can return only "
                                            "after that day"):
        strikes.check_returns(campaign.units.values(), later(5))
    assert strikes.check_returns(campaign.units.values(), later(6)) == [campaign.units[A]]


def test_a_refused_step_down_ends_no_strike_even_in_memory() -> None:
    campaign = on_strike_rung(A, B)
    campaign.enter_strike(A, on=later(5), actor=CHAIR)
    campaign.enter_strike(B, on=later(6), actor=CHAIR)
    campaign.collect_events()
    with pytest.raises(RuleViolation, match="walked out on 2026-01-11"):
        campaign.de_escalate(on=later(6), actor=CHAIR)
    assert campaign.collect_events() == []
    assert [u.on_strike for u in campaign.units.values()] == [True, True]


def test_a_climb_share_of_one_is_refused_as_a_share_of_one() -> None:
    """Release 0.1 took ``climb_share=1`` for every unit; today 100 is every unit, and 1 or
    less is refused rather than read as one percent."""
    for share in (1, Fraction(3, 4)):
        with pytest.raises(InvalidInput, match="taken for a share of one"):
            rules.require_climb_share(share)
    assert rules.require_climb_share(Fraction(200, 3)) == Fraction(200, 3)
