"""Campaigns on every store: ladders, structure tests, climbs and overrides, mandates, escalating
strikes, readiness and growth, and refused commands that record nothing."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from fractions import Fraction
from uuid import UUID, uuid4

import pytest

from bargaining import (
    DEFAULT_LADDER,
    Actor,
    BargainingApp,
    Campaign,
    CampaignScope,
    CampaignStatus,
    Flag,
    FlagRule,
    InvalidInput,
    Ladder,
    MandateKind,
    MissingActor,
    Outcome,
    PlannedUnit,
    Quorum,
    RecordNotFound,
    RuleViolation,
    Rung,
    RungKind,
    Tally,
    Threshold,
    Turnout,
    Vote,
)

CHAIR = Actor("c-1", "cluster co-chair")
ORGANIZER = Actor("o-7", "lead organizer")
DAY = date(2026, 1, 5)
CARRIED = Vote(date(2026, 2, 1), Tally(eligible=50, cast=50, yes=41, no=9, spoiled=0))
LOST = Vote(date(2026, 2, 1), Tally(eligible=50, cast=50, yes=20, no=30, spoiled=0))


def events(app: BargainingApp) -> int:
    return app.eventsourcing.recorder.max_notification_id() or 0


def units(app: BargainingApp, *names: str) -> list[UUID]:
    return [app.units.register(union="CUPE", local="4000", employer=name, unit_name="care",
                               sector="long-term care", region="ON", headcount=100, actor=CHAIR)
            for name in names]


def one_unit_campaign(app: BargainingApp, **kwargs: object) -> tuple[UUID, UUID]:
    (uid,) = units(app, "Sudbury")
    campaign = app.campaigns.launch(name="Care can't wait", on=DAY, units=uid,
                                    actor=CHAIR, **kwargs)  # type: ignore[arg-type]
    return campaign, uid


def pass_and_climb(app: BargainingApp, campaign: UUID, share: dict[UUID, int], on: date) -> None:
    """Hold an action on the current rung with the given participants of 100 per unit, then
    climb."""
    rung = app.campaigns.get(campaign).rung.name
    number = app.campaigns.plan_action(campaign, name=f"{rung} action", rung=rung, on=on,
                                       actor=ORGANIZER)
    app.campaigns.hold_action(campaign, number, [Turnout(u, 100, p) for u, p in share.items()],
                              actor=ORGANIZER)
    app.campaigns.escalate(campaign, on=on, actor=CHAIR)


def climb_to(app: BargainingApp, campaign: UUID, rung: str, start: date = DAY) -> date:
    """Climb rung by rung on passed tests (every unit at 95%) until standing on ``rung``."""
    on = start
    found = app.campaigns.get(campaign)
    while found.rung.name != rung:
        on += timedelta(days=7)
        if found.rung.kind is RungKind.STRIKE_VOTE:
            app.campaigns.record_mandate(campaign, Vote(on, Tally(eligible=100, cast=100, yes=95,
                                                                  no=5, spoiled=0)), actor=CHAIR)
            app.campaigns.escalate(campaign, on=on, actor=CHAIR)
        else:
            pass_and_climb(app, campaign, {u.unit_id: 95 for u in found.active_units}, on)
        found = app.campaigns.get(campaign)
    return on


# ------------------------------------------------------------------ ladders


def test_the_default_ladder_is_the_design_guides() -> None:
    assert [(r.name, r.threshold) for r in DEFAULT_LADDER.rungs] == [
        ("organizing meeting", 1), ("union cards / sign-up", 10), ("majority petition", 51),
        ("wear the union colours", 60), ("rally or march on the boss", 75),
        ("overtime ban / work-to-rule", 80), ("strike vote", 85), ("strike", 90)]
    assert Ladder.default() is DEFAULT_LADDER
    assert DEFAULT_LADDER.rung("Strike  Vote").kind is RungKind.STRIKE_VOTE
    assert DEFAULT_LADDER.strike_vote_threshold == Threshold.share_of_eligible(85)


@pytest.mark.parametrize(
    ("rungs", "words"),
    [
        ([], "at least one rung"),
        ([Rung("petition", 50), Rung("Petition", 60)], "repeated: Petition, petition"),
        ([Rung("strike", 90, RungKind.STRIKE), Rung("vote", 85, RungKind.STRIKE_VOTE)],
         "strike vote rung must come before its strike rung"),
        ([Rung("a", 1, "strike"), Rung("b", 2, "strike")], "at most one strike rung"),
        ("petition", "an ordered list of rungs"),
    ],
)
def test_a_ladder_must_make_sense(rungs: object, words: str) -> None:
    with pytest.raises(InvalidInput, match=words):
        Ladder(rungs)  # type: ignore[arg-type]


@pytest.mark.parametrize("threshold", [0, 101, -5, "lots", True, None])
def test_a_rung_threshold_is_a_percentage(threshold: object) -> None:
    with pytest.raises(InvalidInput, match="threshold"):
        Rung("petition", threshold)  # type: ignore[arg-type]


def test_a_rung_threshold_may_be_a_fraction_of_a_percent() -> None:
    assert Rung("petition", "52.5").threshold == Fraction(105, 2)
    assert Rung("petition", 52.5).describe() == "petition (52.5%)"


# ------------------------------------------------------------------ launching


def test_launch_for_one_unit_a_set_of_units_or_a_cluster(app: BargainingApp) -> None:
    campaign, uid = one_unit_campaign(app)
    found = app.campaigns.get(campaign)
    assert (found.scope, found.rung.name, found.status) == (
        CampaignScope.UNIT, "organizing meeting", CampaignStatus.ACTIVE)
    assert found.ladder == DEFAULT_LADDER and list(found.units) == [uid]
    assert found.units[uid].label == "CUPE 4000, Sudbury (care)"

    a, b = units(app, "Ottawa", "Windsor")
    several = app.campaigns.get(app.campaigns.launch(name="Two homes", on=DAY,
                                                     units=[a, b], actor=CHAIR))
    assert several.scope is CampaignScope.UNITS and set(several.units) == {a, b}

    cluster = app.clusters.form(name="Ontario LTC", sectors=["long-term care"], committee=[CHAIR],
                                window_start=date(2026, 1, 1), window_end=date(2026, 12, 31),
                                target_alignment=date(2029, 3, 31), actor=CHAIR,
                                on=date(2025, 11, 1))
    for unit in (a, b):
        app.units.record_agreement(unit, expiry=date(2026, 3, 31), actor=CHAIR)
        app.clusters.admit(cluster, unit, actor=CHAIR, on=date(2025, 11, 1))
    app.clusters.withdraw(cluster, b, actor=CHAIR, on=date(2025, 11, 1))
    joint = app.campaigns.get(app.campaigns.launch(name="LTC", on=DAY, cluster=cluster,
                                                   actor=CHAIR))
    assert joint.scope is CampaignScope.CLUSTER and joint.cluster_id == cluster
    assert list(joint.units) == [a]  # active members only
    before = events(app)
    with pytest.raises(RuleViolation, match="is not a member of the cluster 'Ontario LTC'"):
        app.campaigns.add_unit(joint.id, b, on=DAY, actor=CHAIR)
    assert events(app) == before


@pytest.mark.parametrize(
    ("kwargs", "error", "words"),
    [
        ({}, InvalidInput, "for a cluster or for units"),
        ({"units": [], "actor": None}, MissingActor, "must name an actor"),
        ({"units": []}, InvalidInput, "one or more bargaining units"),
        ({"units": [uuid4()]}, RecordNotFound, "no bargaining unit is recorded"),
        ({"cluster": uuid4()}, RecordNotFound, "no bargaining cluster is recorded"),
        ({"units": "u", "on": "today"}, InvalidInput, "must be a date"),
        ({"units": "u", "ladder": [Rung("a", 5)]}, InvalidInput, "must be a Ladder"),
        ({"units": "u", "climb_share": 150}, InvalidInput, "at most 100%"),
    ],
)
def test_refused_launches_record_nothing(app: BargainingApp, kwargs: dict[str, object],
                                         error: type[Exception], words: str) -> None:
    (uid,) = units(app, "Sudbury")
    if kwargs.get("units") == "u":
        kwargs["units"] = uid
    arguments = {"name": "Care", "on": DAY, "actor": CHAIR, **kwargs}
    before = events(app)
    with pytest.raises(error, match=words):
        app.campaigns.launch(**arguments)  # type: ignore[arg-type]
    assert events(app) == before


# ------------------------------------------------------------ structure tests


def test_red_shirt_friday_fails_at_52_percent_against_60(app: BargainingApp) -> None:
    campaign, uid = one_unit_campaign(app)
    on = climb_to(app, campaign, "wear the union colours")
    number = app.campaigns.plan_action(campaign, name="Red Shirt Friday",
                                       rung="wear the union colours",
                             on=on, units={uid: ["days", "nights"]}, actor=ORGANIZER)
    test = app.campaigns.hold_action(campaign, number, [Turnout(uid, 60, 36, "days"),
                                                        Turnout(uid, 40, 16,
                                                                "nights")], actor=ORGANIZER)
    assert (test.eligible, test.participants, test.threshold, test.passed) == (100, 52, 60, False)
    assert test.explain() == ("Red Shirt Friday (wear the union colours), " + str(on)
                              + ": 52 of 100 took part (52%) against 60%: failed")
    held = list(app.eventsourcing.events.get(campaign))[-1]
    assert type(held).__name__ == "ActionHeld"
    assert held.test == test and held.actor == ORGANIZER  # type: ignore[attr-defined]
    assert held.turnouts == [Turnout(uid, 60, 36, "days"),  # type: ignore[attr-defined]
                             Turnout(uid, 40, 16, "nights")]
    assert app.campaigns.get(campaign).action(number).held
    point = app.campaigns.participation_series(campaign)[-1]
    assert (point.on, point.action, point.threshold, point.eligible, point.participants,
            point.passed) == (test.held_on, number, 60, 100, 52, False)


def test_participants_above_eligible_are_refused(app: BargainingApp) -> None:
    campaign, uid = one_unit_campaign(app)
    number = app.campaigns.plan_action(campaign, name="Meeting", rung="organizing meeting", on=DAY,
                                       actor=ORGANIZER)
    before = events(app)
    with pytest.raises(RuleViolation, match="participation can never exceed the eligible count: "
                                            "130 took part in nights, but only 120 are eligible"):
        app.campaigns.hold_action(campaign, number, [Turnout(uid, 120, 130, "nights")],
                                  actor=ORGANIZER)
    assert events(app) == before
    assert not app.campaigns.get(campaign).action(number).held


@pytest.mark.parametrize(
    ("counts", "error", "words"),
    [
        (lambda u, o: [], InvalidInput, "needs its counts"),
        (lambda u, o: [Turnout(o, 10, 5)], RuleViolation, "was not planned to take part"),
        (lambda u, o: [Turnout(u, 10, 5, "days")], RuleViolation, "no count for the work groups "
                                                                   "nights"),
        (lambda u, o: [Turnout(u, 10, 5, "days"), Turnout(u, 10, 5, "Days"),
                       Turnout(u, 10, 5, "nights")], RuleViolation, "counted twice"),
        (lambda u, o: [Turnout(u, 10, 5, "weekends")], RuleViolation, "no work group"),
        (lambda u, o: [Turnout(u, 10, 5)], RuleViolation, "no work group 'whole unit'"),
        (lambda u, o: [Turnout(u, 0, 0, "days")], InvalidInput, "at least one eligible worker"),
        (lambda u, o: [Turnout(u, 10, -1, "days")], RuleViolation, "cannot be negative"),
        (lambda u, o: [("days", 10, 5)], InvalidInput, "each count is a Turnout"),
    ],
)
def test_counts_must_match_the_plan(app: BargainingApp, counts: object, error: type[Exception],
                                    words: str) -> None:
    campaign, uid = one_unit_campaign(app)
    (other,) = units(app, "Elsewhere")
    number = app.campaigns.plan_action(campaign, name="Meeting", rung="organizing meeting", on=DAY,
                                       units={uid: ["days", "nights"]}, actor=ORGANIZER)
    before = events(app)
    with pytest.raises(error, match=words):
        app.campaigns.hold_action(campaign, number, counts(uid, other),
                                  actor=ORGANIZER)  # type: ignore[operator]
    assert events(app) == before


def test_an_action_above_the_current_rung_cannot_be_held(app: BargainingApp) -> None:
    campaign, uid = one_unit_campaign(app)
    number = app.campaigns.plan_action(campaign, name="March on the boss",
                                       rung="rally or march on the boss", on=DAY, actor=ORGANIZER)
    before = events(app)
    with pytest.raises(RuleViolation, match="stood on 'organizing meeting'; an action on 'rally "
                                            "or march on the boss' is a higher rung"):
        app.campaigns.hold_action(campaign, number, [Turnout(uid, 100, 90)], actor=ORGANIZER)
    assert events(app) == before
    with pytest.raises(RuleViolation, match="passed by a strike vote, not by an action"):
        app.campaigns.plan_action(campaign, name="Vote", rung="strike vote", on=DAY,
                                  actor=ORGANIZER)
    with pytest.raises(InvalidInput, match="the ladder has no rung 'sit-in'"):
        app.campaigns.plan_action(campaign, name="Sit-in", rung="sit-in", on=DAY, actor=ORGANIZER)
    app.campaigns.cancel_action(campaign, number, actor=ORGANIZER, reason="snowstorm")
    with pytest.raises(RuleViolation, match="was cancelled"):
        app.campaigns.hold_action(campaign, number, [Turnout(uid, 100, 90)], actor=ORGANIZER)
    assert events(app) == before + 1


# --------------------------------------------------------------- climbing


def test_escalating_needs_a_passed_test_or_an_override(app: BargainingApp) -> None:
    campaign, uid = one_unit_campaign(app)
    on = climb_to(app, campaign, "wear the union colours")
    number = app.campaigns.plan_action(campaign, name="Red Shirt Friday",
                                       rung="wear the union colours",
                             on=on, actor=ORGANIZER)
    app.campaigns.hold_action(campaign, number, [Turnout(uid, 100, 52)], actor=ORGANIZER)
    before = events(app)
    with pytest.raises(RuleViolation, match="the test of 'wear the union colours' has not passed: "
                                            "0 of 1 units passed and 1 must; held back by CUPE "
                                            "4000, Sudbury \\(care\\); climbing without it needs "
                                            "an override"):
        app.campaigns.escalate(campaign, on=on, actor=CHAIR)
    with pytest.raises(RuleViolation, match="needs an override"):
        app.campaigns.escalate(campaign, on=on, actor=CHAIR, mandate=CARRIED)  # no reason
    with pytest.raises(RuleViolation, match="the override's mandate did not carry"):
        app.campaigns.escalate(campaign, on=on, actor=CHAIR, mandate=LOST, reason="go anyway")
    assert events(app) == before
    assert app.campaigns.get(campaign).rung.name == "wear the union colours"

    app.campaigns.escalate(campaign, on=on, actor=CHAIR, mandate=CARRIED,
                           reason="the delegates' assembly voted to rally while we keep organizing")
    found = app.campaigns.get(campaign)
    assert found.rung.name == "rally or march on the boss"
    (move,) = found.overrides
    assert (move.by, move.override.mandate, move.override.why,
            move.held_back) == (  # type: ignore[union-attr]
        CHAIR, CARRIED, "the delegates' assembly voted to rally while we keep organizing", (uid,))
    last = list(app.eventsourcing.events.get(campaign))[-1]
    assert type(last).__name__ == "Escalated" and last.actor == CHAIR  # type: ignore[attr-defined]


def test_a_passed_test_allows_one_rung_and_needs_no_override(app: BargainingApp) -> None:
    campaign, uid = one_unit_campaign(app)
    number = app.campaigns.plan_action(campaign, name="Meeting", rung="organizing meeting", on=DAY,
                                       actor=ORGANIZER)
    app.campaigns.hold_action(campaign, number, [Turnout(uid, 100, 3)], actor=ORGANIZER)
    before = events(app)
    with pytest.raises(RuleViolation, match="has passed: the climb needs no override"):
        app.campaigns.escalate(campaign, on=DAY, actor=CHAIR, mandate=CARRIED, reason="why not")
    assert events(app) == before
    app.campaigns.escalate(campaign, on=DAY, actor=CHAIR)
    assert app.campaigns.get(campaign).rung.name == "union cards / sign-up"
    with pytest.raises(RuleViolation, match="the test of 'union cards / sign-up' has not passed"):
        app.campaigns.escalate(campaign, on=DAY, actor=CHAIR)  # the next rung needs its own test


def test_a_cluster_climbs_jointly_or_by_the_share_it_sets(app: BargainingApp) -> None:
    members = units(app, "Sudbury", "Ottawa", "Toronto")
    campaign = app.campaigns.launch(name="LTC", on=DAY, units=members, actor=CHAIR)
    number = app.campaigns.plan_action(campaign, name="Petition", rung="organizing meeting", on=DAY,
                                       actor=ORGANIZER)
    app.campaigns.hold_action(campaign, number, [Turnout(members[0], 100, 5), Turnout(members[1],
                                                                                      100, 2),
                                       Turnout(members[2], 1000, 0)], actor=ORGANIZER)
    report = app.campaigns.readiness(campaign)
    assert (report.ready, report.held_back, report.needed, report.can_climb) == (
        tuple(members[:2]), (members[2],), 3, False)
    assert report.held_back_labels == ("CUPE 4000, Toronto (care)",)
    before = events(app)
    with pytest.raises(RuleViolation, match="2 of 3 units passed and 3 must; held back by CUPE "
                                            "4000, Toronto"):
        app.campaigns.escalate(campaign, on=DAY, actor=CHAIR)
    assert events(app) == before
    app.campaigns.change_climb_share(campaign, Fraction(200, 3), on=DAY, actor=CHAIR,
                                     reason="two of three homes carry the rest")
    assert app.campaigns.readiness(campaign).can_climb
    app.campaigns.escalate(campaign, on=DAY, actor=CHAIR)
    move = app.campaigns.get(campaign).moves[-1]
    assert (move.rung, move.override, move.held_back) == ("union cards / sign-up", None,
                                                          (members[2],))


def test_the_strike_vote_benchmark_is_overridable_and_the_strike_rung_needs_a_valid_mandate(
    app: BargainingApp,
) -> None:
    campaign, _uid = one_unit_campaign(app)
    on = climb_to(app, campaign, "strike vote")
    failed = Vote(on, Tally(eligible=100, cast=90, yes=40, no=50, spoiled=0))
    app.campaigns.record_mandate(campaign, failed, actor=CHAIR)
    before = events(app)
    with pytest.raises(RuleViolation, match=r"reaching 'strike' needs a valid strike mandate "
                                            r"\(a strike vote carried by a majority of valid "
                                            r"ballots\); no unit taking part holds one"):
        app.campaigns.escalate(campaign, on=on, actor=CHAIR, mandate=CARRIED, reason="go")
    assert events(app) == before
    legal = Vote(on, Tally(eligible=100, cast=90, yes=80, no=10, spoiled=0),
                 Threshold.majority_of_cast())
    mandate = app.campaigns.record_mandate(campaign, legal,
                                           scope="up to and including an unlimited "
                                 "general strike", actor=CHAIR)
    found = app.campaigns.get(campaign)
    assert mandate.valid_by(found.ladder.mandate_rule) and not found.qualifies(mandate)
    assert found.strike_mandate(_uid, on) == mandate
    report = app.campaigns.readiness(campaign)
    assert report.units[0].standing.figure.participants == 80  # type: ignore[union-attr]
    assert report.units[0].standing.short_of_current == 5 and not report.can_climb
    assert report.strike_vote_ok
    with pytest.raises(RuleViolation, match=r"the test of 'strike vote' has not passed"):
        app.campaigns.escalate(campaign, on=on, actor=CHAIR)
    assert events(app) == before + 1
    app.campaigns.escalate(campaign, on=on, actor=CHAIR, mandate=CARRIED,
                           reason="a legal mandate; the benchmark is ours, not the law's")
    found = app.campaigns.get(campaign)
    assert found.rung.kind is RungKind.STRIKE
    assert found.overrides[-1].override is not None
    assert found.overrides[-1].override.mandate == CARRIED


def test_a_ladder_states_its_own_mandate_rule(app: BargainingApp) -> None:
    uaw = Ladder([Rung("meeting", 10),
                  Rung("strike vote", 85, RungKind.STRIKE_VOTE,
                       mandate_rule=Threshold.two_thirds_of_valid()),
                  Rung("strike", 90, RungKind.STRIKE)])
    assert uaw.mandate_rule == Threshold.two_thirds_of_valid()
    assert DEFAULT_LADDER.mandate_rule == Threshold.majority_of_valid()
    assert uaw.rungs[1].describe() == (
        "strike vote (85%; a valid mandate needs two thirds of valid ballots)")
    with pytest.raises(InvalidInput, match="only the strike vote rung has a mandate rule"):
        Rung("rally", 75, mandate_rule=Threshold.majority_of_valid())
    with pytest.raises(InvalidInput, match="a strike mandate's rule is a Threshold"):
        Rung("strike vote", 85, RungKind.STRIKE_VOTE,
             mandate_rule="two thirds")  # type: ignore[arg-type]
    campaign, uid = one_unit_campaign(app, ladder=uaw)
    on = climb_to(app, campaign, "strike vote")
    app.campaigns.record_mandate(campaign, Vote(on, Tally(eligible=100, cast=100, yes=60,
                                                          no=40)), actor=CHAIR)
    found = app.campaigns.get(campaign)
    assert found.strike_mandate(uid, on) is None  # 60% carries a majority, not two thirds
    with pytest.raises(RuleViolation, match="a strike vote carried by two thirds of valid"):
        app.campaigns.escalate(campaign, on=on, actor=CHAIR, mandate=CARRIED, reason="go")
    app.campaigns.record_mandate(campaign, Vote(on, Tally(eligible=100, cast=90, yes=80,
                                                          no=10), quorum=Quorum.present(95)),
                                 actor=CHAIR)
    assert app.campaigns.get(campaign).strike_mandate(uid, on) is None  # quorum not met


def test_a_walkout_without_a_mandate_or_below_the_strike_rung_is_recorded_with_flags(
    app: BargainingApp,
) -> None:
    members = units(app, "Sudbury", "Ottawa")
    campaign = app.campaigns.launch(name="LTC", on=DAY, units=members, actor=CHAIR)
    on = climb_to(app, campaign, "strike vote")
    app.campaigns.record_mandate(campaign, Vote(on, Tally(eligible=100, cast=100, yes=95, no=5,
                                                          spoiled=0)), unit=members[0],
                                 actor=CHAIR)
    app.campaigns.change_climb_share(campaign, 50, on=on, actor=CHAIR)
    early = app.campaigns.enter_strike(campaign, members[0], on=on,
                                       back_on=on + timedelta(1), actor=CHAIR)
    assert [f.rule for f in early] == [FlagRule.BELOW_STRIKE_RUNG]
    assert early[0].why == (f"the campaign stood on 'strike vote' on {on}; its strike rung is "
                            "'strike'")
    app.campaigns.escalate(campaign, on=on + timedelta(1), actor=CHAIR)
    later = on + timedelta(2)
    flags = app.campaigns.enter_strike(campaign, members[1], on=later, actor=CHAIR)
    assert [f.rule for f in flags] == [FlagRule.NO_VALID_MANDATE]
    assert flags[0].why == f"no strike vote covering it was recorded by {later}"
    assert app.campaigns.enter_strike(campaign, members[0], on=later, actor=CHAIR) == ()
    before = events(app)
    with pytest.raises(RuleViolation, match=r"Sudbury \(care\) was already out on strike then "
                                            rf"\(from {later}, still out\)"):
        app.campaigns.enter_strike(campaign, members[0], on=later, actor=CHAIR)
    with pytest.raises(RuleViolation, match=rf"was already out on strike then \(from {on}, "
                                            rf"back on {on + timedelta(1)}\)"):
        app.campaigns.enter_strike(campaign, members[0], on=on - timedelta(3),
                                   back_on=on + timedelta(1), actor=CHAIR)
    assert events(app) == before
    stored = list(app.eventsourcing.events.get(campaign))
    walkouts = [e for e in stored if type(e).__name__ == "StrikeEntered"]
    assert [list(e.flags) for e in walkouts] == [  # type: ignore[attr-defined]
        list(early), list(flags), []]
    actions = app.campaigns.job_actions(campaign)
    assert [(j.label, j.walked_out, j.back_on, [f.rule for f in j.flags]) for j in actions] == [
        ("CUPE 4000, Sudbury (care)", on, on + timedelta(1), [FlagRule.BELOW_STRIKE_RUNG]),
        ("CUPE 4000, Ottawa (care)", later, None, [FlagRule.NO_VALID_MANDATE]),
        ("CUPE 4000, Sudbury (care)", later, None, []),
    ]
    report = app.campaigns.readiness(campaign, on=later)
    assert [s.unit_id for s in report.strikes] == [members[1], members[0]]
    assert ("on strike: CUPE 4000, Ottawa (care) walked out on "
            f"{later}, still out; flagged: struck without a valid strike mandate: no strike "
            f"vote covering it was recorded by {later}") in report.summary()
    entry = app.history.of(campaign)[-2]
    assert entry.summary.endswith("flagged: struck without a valid strike mandate: no strike "
                                  f"vote covering it was recorded by {later}")


def test_an_escalating_strike_adds_units_and_records_each_return(app: BargainingApp) -> None:
    plants = units(app, "Wentzville", "Toledo", "Chicago")
    campaign = app.campaigns.launch(name="Stand Up", on=DAY, units=plants, actor=CHAIR)
    on = climb_to(app, campaign, "strike")  # one campaign-wide strike vote at 95%
    weeks = [on + timedelta(days=7 * i) for i in range(4)]
    for week, plant in zip(weeks, plants, strict=False):
        app.campaigns.enter_strike(campaign, plant, on=week, actor=CHAIR, reason="stand up")
    found = app.campaigns.get(campaign)
    assert [u.spells[0].start for u in found.units.values()] == weeks[:3]
    assert [u.on_strike_on(weeks[1]) for u in found.units.values()] == [True, True, False]
    app.campaigns.return_from_strike(campaign, plants[0], on=weeks[3], actor=CHAIR,
                                     reason="plant closed")
    app.campaigns.de_escalate(campaign, on=weeks[3] + timedelta(days=1), actor=CHAIR,
                              to="rally or march on the boss", reason="tentative agreement reached")
    found = app.campaigns.get(campaign)
    assert found.striking == [] and found.rung.name == "rally or march on the boss"
    names = [type(e).__name__ for e in app.eventsourcing.events.get(campaign)][-8:]
    assert names == ["Escalated", "StrikeEntered", "StrikeEntered", "StrikeEntered",
                     "ReturnedFromStrike", "ReturnedFromStrike", "ReturnedFromStrike",
                     "DeEscalated"]
    assert [u.spells[0].end for u in found.units.values()] == [weeks[3]] + [
        weeks[3] + timedelta(days=1)] * 2
    with pytest.raises(RuleViolation, match="is not on strike"):
        app.campaigns.return_from_strike(campaign, plants[0], on=weeks[3] + timedelta(days=2),
                                         actor=CHAIR)


def test_de_escalate_pause_resume_and_conclude_are_recorded(app: BargainingApp) -> None:
    campaign, _uid = one_unit_campaign(app)
    on = climb_to(app, campaign, "majority petition")
    app.campaigns.pause(campaign, on=on, actor=CHAIR, reason="mediation")
    before = events(app)
    with pytest.raises(RuleViolation, match="is paused: resume it to escalate"):
        app.campaigns.escalate(campaign, on=on, actor=CHAIR, mandate=CARRIED, reason="x")
    assert events(app) == before
    app.campaigns.de_escalate(campaign, on=on, actor=CHAIR, reason="cooling off")
    app.campaigns.resume(campaign, on=on + timedelta(days=3), actor=CHAIR)
    with pytest.raises(RuleViolation, match="is not paused"):
        app.campaigns.resume(campaign, on=on + timedelta(days=3), actor=CHAIR)
    app.campaigns.conclude(campaign, Outcome.WON, on=on + timedelta(days=9), actor=CHAIR,
                           reason="the employer met the demands")
    found = app.campaigns.get(campaign)
    assert [s.status for s in found.statuses] == [
        CampaignStatus.ACTIVE, CampaignStatus.PAUSED, CampaignStatus.ACTIVE,
        CampaignStatus.CONCLUDED]
    assert found.outcome is Outcome.WON and found.concluded
    assert [(m.direction, m.rung) for m in found.moves][-1] == ("de-escalated",
                                                                "union cards / sign-up")
    assert found.status_on(on + timedelta(days=1)) is CampaignStatus.PAUSED


@pytest.mark.parametrize(
    "command",
    [
        lambda app, c, u: app.campaigns.escalate(c, on=date(2027, 1, 1), actor=CHAIR,
                                                 mandate=CARRIED,
                                       reason="x"),
        lambda app, c, u: app.campaigns.de_escalate(c, on=date(2027, 1, 1), actor=CHAIR),
        lambda app, c, u: app.campaigns.pause(c, on=date(2027, 1, 1), actor=CHAIR),
        lambda app, c, u: app.campaigns.conclude(c, Outcome.WON, on=date(2027, 1, 1),
                                                 actor=CHAIR),
        lambda app, c, u: app.campaigns.plan_action(c, name="Rally", rung="organizing meeting",
                                                    on=date(2027, 1, 1), actor=CHAIR),
        lambda app, c, u: app.campaigns.hold_action(c, 1, [Turnout(u, 10, 9)], actor=CHAIR),
        lambda app, c, u: app.campaigns.record_mandate(c, CARRIED, actor=CHAIR),
        lambda app, c, u: app.campaigns.enter_strike(c, u, on=date(2027, 1, 1), actor=CHAIR),
        lambda app, c, u: app.campaigns.change_ladder(c, Ladder([Rung("organizing meeting", 5)]),
                                                      on=date(2027, 1, 1), actor=CHAIR),
    ],
)
def test_acting_on_a_concluded_campaign_is_refused(app: BargainingApp, command: object) -> None:
    campaign, uid = one_unit_campaign(app)
    app.campaigns.plan_action(campaign, name="Meeting", rung="organizing meeting", on=DAY,
                              actor=CHAIR)
    app.campaigns.conclude(campaign, Outcome.SETTLED, on=date(2026, 6, 1), actor=CHAIR)
    before = events(app)
    with pytest.raises(RuleViolation, match="concluded \\(settled\\) on 2026-06-01: nothing "
                                            "more can be recorded"):
        command(app, campaign, uid)  # type: ignore[operator]
    assert events(app) == before


def test_campaign_decisions_are_recorded_in_date_order(app: BargainingApp) -> None:
    campaign, _ = one_unit_campaign(app)
    app.campaigns.pause(campaign, on=date(2026, 3, 1), actor=CHAIR)
    before = events(app)
    with pytest.raises(RuleViolation, match="was last changed on 2026-03-01; a change dated "
                                            "2026-02-01 would come before it"):
        app.campaigns.resume(campaign, on=date(2026, 2, 1), actor=CHAIR)
    with pytest.raises(RuleViolation, match="before the campaign 'Care can't wait' was launched"):
        app.campaigns.record_mandate(campaign, Vote(date(2025, 1, 1), Tally(eligible=10, cast=10,
                                                                            yes=9, no=1)),
                                     actor=CHAIR)
    assert events(app) == before


def test_changing_the_ladder_is_its_own_event_and_keeps_the_campaigns_place(
    app: BargainingApp,
) -> None:
    campaign, uid = one_unit_campaign(app)
    on = climb_to(app, campaign, "majority petition")
    factory = Ladder([Rung("organizing meeting", 5), Rung("majority petition", 70),
                      Rung("march on the boss", 80), Rung("strike vote", 90, "strike vote"),
                      Rung("strike", 90, "strike")])
    before = events(app)
    with pytest.raises(RuleViolation, match="stands on 'majority petition'; the new ladder must "
                                            "have that rung"):
        app.campaigns.change_ladder(campaign, Ladder([Rung("meeting", 5)]), on=on, actor=CHAIR)
    assert events(app) == before
    app.campaigns.change_ladder(campaign, factory, on=on, actor=CHAIR,
                                reason="in a factory a petition is a high rung")
    found = app.campaigns.get(campaign)
    assert found.ladder == factory and found.rung == Rung("majority petition", 70)
    assert found.ladder_on(on - timedelta(days=1)) == DEFAULT_LADDER
    assert type(list(app.eventsourcing.events.get(campaign))[-1]).__name__ == "LadderChanged"
    assert found.ladder.strike_vote_threshold == Threshold.share_of_eligible(90)
    number = app.campaigns.plan_action(campaign, name="Petition", rung="majority petition", on=on,
                                       actor=ORGANIZER)
    test = app.campaigns.hold_action(campaign, number, [Turnout(uid, 100, 65)], actor=ORGANIZER)
    assert not test.passed and test.threshold == 70


def test_units_join_and_leave_and_history_keeps_them(app: BargainingApp) -> None:
    campaign, uid = one_unit_campaign(app)
    (late,) = units(app, "Timmins")
    app.campaigns.add_unit(campaign, late, on=date(2026, 2, 1), actor=CHAIR)
    with pytest.raises(RuleViolation, match="already part of the campaign"):
        app.campaigns.add_unit(campaign, late, on=date(2026, 2, 1), actor=CHAIR)
    app.campaigns.remove_unit(campaign, late, on=date(2026, 3, 1), actor=CHAIR,
                              reason="decertified")
    found = app.campaigns.get(campaign)
    assert [u.unit_id for u in found.active_units] == [uid]
    assert [u.unit_id for u in found.units_on(date(2026, 2, 15))] == [uid, late]
    assert app.campaigns.readiness(campaign, on=date(2026, 2, 15)).needed == 2
    assert app.campaigns.readiness(campaign).needed == 1


# -------------------------------------------------------------- readiness


def test_readiness_biggest_worst_and_growth(app: BargainingApp) -> None:
    small, big = units(app, "Sudbury", "Toronto")
    campaign = app.campaigns.launch(name="LTC", on=DAY, units=[small, big], actor=CHAIR)
    on = climb_to(app, campaign, "wear the union colours")
    first = app.campaigns.plan_action(campaign, name="Button day", rung="wear the union colours",
                                      on=on,
                            units={small: [], big: ["nursing", "dietary", "housekeeping"]},
                            actor=ORGANIZER)
    app.campaigns.hold_action(campaign, first, [
        Turnout(small, 300, 210),
        Turnout(big, 1200, 480, "nursing"), Turnout(big, 40, 4, "dietary"),
        Turnout(big, 600, 390, "housekeeping")], actor=ORGANIZER)
    later = on + timedelta(days=14)
    second = app.campaigns.plan_action(campaign, name="Red Shirt Friday",
                                       rung="wear the union colours",
                             on=later, units={big: ["nursing"]}, actor=ORGANIZER)
    app.campaigns.hold_action(campaign, second, [Turnout(big, 1200, 660, "nursing")],
                              actor=ORGANIZER)

    report = app.campaigns.readiness(campaign, on=later)
    assert (report.rung.name, report.next_rung.name) == (  # type: ignore[union-attr]
        "wear the union colours", "rally or march on the boss")
    assert report.ready == (small,) and report.held_back == (big,)
    toronto = report.unit(big)
    assert toronto.standing.figure.source == "Red Shirt Friday"  # type: ignore[union-attr]
    assert (toronto.standing.figure.eligible,  # type: ignore[union-attr]
            toronto.standing.figure.participants) == (1200, 660)  # type: ignore[union-attr]
    nursing, dietary, housekeeping = toronto.groups
    assert (nursing.figure.participants, nursing.meets_current,  # type: ignore[union-attr]
            nursing.short_of_current, nursing.short_of_next) == (660, False, 60, 240)
    assert (dietary.short_of_current, housekeeping.meets_current,
            housekeeping.short_of_next) == (20, True, 60)
    assert report.biggest_worst == nursing and report.biggest_worst_rung == "wear the union colours"
    table = report.table()
    assert "held back by: CUPE 4000, Toronto (care)" in table
    assert ("biggest worst: CUPE 4000, Toronto (care) / nursing: 660 of 1,200 (55%), 60 short"
            in table)
    assert "  nursing" in table and "60 short" in table

    earlier = app.campaigns.readiness(campaign, on=on)
    assert earlier.unit(big).groups[0].figure.participants == 480  # type: ignore[union-attr]
    assert app.campaigns.readiness(campaign, on=DAY).rung.name == "organizing meeting"

    series = app.campaigns.participation_series(campaign, unit=big)
    assert [(p.name, p.share) for p in series][-2:] == [
        ("Button day", Fraction(874 * 100, 1840)), ("Red Shirt Friday", 55)]
    whole = app.campaigns.participation_series(campaign)
    assert whole[-2].eligible == 2140 and whole[-2].participants == 1084
    nurses = app.campaigns.participation_series(campaign, unit=big, work_group="Nursing")
    assert [(p.participants, p.passed) for p in nurses] == [(480, False), (660, False)]


def test_readiness_at_the_strike_vote_rung_reads_the_vote(app: BargainingApp) -> None:
    members = units(app, "Sudbury", "Ottawa")
    campaign = app.campaigns.launch(name="LTC", on=DAY, units=members, actor=CHAIR)
    on = climb_to(app, campaign, "strike vote")
    app.campaigns.record_mandate(campaign, Vote(on, Tally(eligible=300, cast=290, yes=276, no=14)),
                                 unit=members[0], actor=CHAIR,
                                 scope="up to and including an unlimited general strike")
    app.campaigns.record_mandate(campaign, Vote(on, Tally(eligible=450, cast=400, yes=360, no=40)),
                                 unit=members[1], actor=CHAIR,
                                 scope="up to and including an unlimited general strike")
    app.campaigns.record_mandate(campaign, Vote(on, Tally(eligible=60, cast=40, yes=35, no=5)),
                                 unit=members[1],
                                 actor=CHAIR,
                       kind=MandateKind.AUTHORIZATION, scope="a rally at head office")
    report = app.campaigns.readiness(campaign)
    assert report.ready == (members[0],) and report.held_back == (members[1],)
    ottawa = report.unit(members[1]).standing
    assert ottawa.figure.source == "strike vote 2 (the unit's)"  # type: ignore[union-attr]
    assert (ottawa.figure.participants, ottawa.short_of_current) == (360,
                                                                     23)  # type: ignore[union-attr]
    assert not report.can_climb and report.strike_vote_ok


# -------------------------------------------------------------- records


def test_a_campaign_reloads_equal_and_past_versions_stay_readable(
    open_app: Callable[..., BargainingApp], store_kind: str
) -> None:
    app = open_app()
    plants = units(app, "Wentzville", "Toledo")
    campaign = app.campaigns.launch(name="Stand Up", on=DAY, units=plants, actor=CHAIR,
                                    climb_share=50)
    on = climb_to(app, campaign, "strike")
    app.campaigns.enter_strike(campaign, plants[0], on=on, actor=CHAIR)
    app.campaigns.record_mandate(campaign, CARRIED, kind=MandateKind.AUTHORIZATION, scope="picket",
                                 actor=CHAIR)
    number = app.campaigns.plan_action(campaign, name="Picket", rung="strike", on=on,
                                       actor=CHAIR)  # an open plan, held in the campaign
    live = app.campaigns.get(campaign)
    reopened = app if store_kind == "memory" else open_app()  # memory: replay the same log
    stored = reopened.campaigns.get(campaign)
    assert stored.__dict__ == live.__dict__
    assert isinstance(stored.plans[number].units, tuple)
    assert isinstance(stored.ladder.rungs, tuple)
    first = app.campaigns.get(campaign, version=1)
    assert first.units == {} and first.rung.name == "organizing meeting"
    assert all(e.actor in (CHAIR, ORGANIZER)  # type: ignore[attr-defined]
               for e in app.eventsourcing.events.get(campaign))
    with pytest.raises(RecordNotFound, match="is not a campaign"):
        app.campaigns.get(plants[0])


def test_a_refused_command_without_an_actor_records_nothing(app: BargainingApp) -> None:
    campaign, _ = one_unit_campaign(app)
    before = events(app)
    with pytest.raises(MissingActor):
        app.campaigns.pause(campaign, on=DAY, actor=None)  # type: ignore[arg-type]
    assert events(app) == before


def test_a_campaign_is_an_aggregate_with_counts_only() -> None:
    campaign = Campaign.launch(name="x", units=[(uuid4(), "A")], on=DAY, actor=CHAIR)
    assert PlannedUnit(next(iter(campaign.units))).work_groups == ()
    assert "name" not in {f.name for f in Turnout.__attrs_attrs__}  # type: ignore[attr-defined]


def test_a_later_strike_vote_that_fails_withdraws_the_mandate(app: BargainingApp) -> None:
    campaign, uid = one_unit_campaign(app)
    on = climb_to(app, campaign, "strike")  # a 95% strike vote on the way
    app.campaigns.record_mandate(campaign, Vote(on, Tally(eligible=100, cast=90, yes=30, no=60,
                                                          spoiled=0)), actor=CHAIR,
                                 reason="members voted again after the employer's new offer")
    flags = app.campaigns.enter_strike(campaign, uid, on=on, actor=CHAIR)
    assert flags == (Flag(FlagRule.NO_VALID_MANDATE,
                          f"its latest strike vote (number 2, held {on}) did not carry by a "
                          "majority of valid ballots: 33.3% yes"),)
    assert app.campaigns.get(campaign).strike_mandate(uid, on) is None
