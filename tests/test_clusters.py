"""Clusters and rounds on every store: window, override, pact, sign-off (a vote held without
it is recorded with a flag), ratification, me-too, and refused commands that record nothing."""

from __future__ import annotations

from datetime import date
from uuid import UUID

import pytest

from bargaining import (
    Actor,
    BargainingApp,
    BargainingError,
    FlagRule,
    InvalidInput,
    RuleViolation,
)
from bargaining.domain.coordination.cluster import PactRule
from bargaining.domain.coordination.round import TableStatus
from bargaining.domain.frameworks.evaluation import (
    Amount,
    Clause,
    Increases,
    Terms,
    Tiered,
    Verdict,
)
from bargaining.domain.frameworks.framework import (
    NO_TWO_TIER,
    Category,
    CompoundIncrease,
    Demand,
    Protection,
    Quantity,
)
from bargaining.domain.shared.vote import Tally, Vote

CHAIR = Actor("c-1", "cluster co-chair")
OUTSIDER = Actor("x-9", "local president")
DEMANDS = [
    Demand("wages", Category.WAGES, CompoundIncrease(16.4, 21.5)),
    Demand("care hours", Category.STAFFING, Quantity("hours per resident per day", 4.0, 4.1)),
    Demand("contracting out", Category.CONTRACTING_OUT, Protection("no contracting out")),
    Demand("two-tier", Category.JOB_SECURITY, Protection(NO_TWO_TIER)),
]
CARRIED = Vote(date(2026, 3, 1), Tally(eligible=100, cast=80, yes=70, no=10, spoiled=0))
LOST = Vote(date(2026, 3, 1), Tally(eligible=100, cast=80, yes=20, no=60, spoiled=0))
GOOD = Terms.of(wages=Increases([5, 5, 5, 5]), **{"care hours": Amount(4.1),
                "contracting out": Clause(True), "two-tier": Clause(True)})
BELOW = Terms.of(wages=Increases([2, 2, 1.5, 1.5, 2]), **{"care hours": Amount(4.1),
                 "contracting out": Clause(True), "two-tier": Clause(True)})


def unit(app: BargainingApp, name: str, expiry: date) -> UUID:
    uid = app.units.register(union="SEIU", local="2", employer=name, unit_name="LTC",
                             sector="long-term care", region="ON", headcount=100, actor=CHAIR)
    app.units.record_agreement(uid, effective=date(2023, 4, 1), expiry=expiry, actor=CHAIR)
    return uid


def setup(app: BargainingApp, rules: list[PactRule] | None = None) -> tuple[UUID, UUID, UUID]:
    framework = app.frameworks.draft(name="Care 2026", sectors=["long-term care"],
                                     demands=DEMANDS, actor=CHAIR)
    app.frameworks.record_vote(framework, 1, CARRIED, actor=CHAIR)
    cluster = app.clusters.form(name="Ontario LTC", sectors=["long-term care"], committee=[CHAIR],
                                window_start=date(2026, 1, 1), window_end=date(2026, 6, 30),
                                target_alignment=date(2029, 3, 31), actor=CHAIR,
                                on=date(2025, 11, 1))
    app.clusters.adopt_framework(cluster, framework, 1, actor=CHAIR, on=date(2025, 11, 1))
    app.clusters.adopt_pact(cluster, rules or [PactRule.SIGN_OFF, PactRule.NO_DEAL_UNTIL_ALL_SETTLE,
                                               PactRule.ME_TOO],
                   me_too_demands=["wages", "care hours"], actor=CHAIR, on=date(2025, 11, 1))
    return framework, cluster, unit(app, "Extendicare", date(2026, 3, 31))


def events(app: BargainingApp) -> int:
    return app.eventsourcing.recorder.max_notification_id() or 0


def test_admission_needs_expiry_in_window_or_an_override(app: BargainingApp) -> None:
    _, cluster, inside = setup(app)
    app.clusters.admit(cluster, inside, actor=CHAIR, on=date(2025, 11, 1))
    late = unit(app, "Sienna", date(2027, 9, 30))
    before = events(app)
    with pytest.raises(RuleViolation, match=r"expiry 2027-09-30, outside the window of "
                                            r"'Ontario LTC' \(2026-01-01 to 2026-06-30\)"):
        app.clusters.admit(cluster, late, actor=CHAIR, on=date(2025, 11, 1))
    assert events(app) == before
    app.clusters.admit(cluster, late, actor=CHAIR,
                       override_reason="same employer chain; align 2029", on=date(2025, 11, 1))
    member = app.clusters.get(cluster).members[late]
    assert member.override_reason == "same employer chain; align 2029"
    assert member.admitted_by == CHAIR
    with pytest.raises(RuleViolation, match="already a member"):
        app.clusters.admit(cluster, late, actor=CHAIR, on=date(2025, 11, 1))


def test_withdrawn_units_stay_in_history(app: BargainingApp) -> None:
    _, cluster, uid = setup(app)
    app.clusters.admit(cluster, uid, actor=CHAIR, on=date(2025, 11, 1))
    app.clusters.withdraw(cluster, uid, actor=CHAIR, reason="local voted to leave",
                          on=date(2025, 11, 1))
    found = app.clusters.get(cluster)
    assert found.members[uid].withdrawn and found.active_members == []
    assert uid in app.clusters.get(cluster).members
    with pytest.raises(RuleViolation, match="already withdrawn"):
        app.clusters.withdraw(cluster, uid, actor=CHAIR, on=date(2025, 11, 1))


def test_adopting_an_unratified_framework_is_refused(app: BargainingApp) -> None:
    framework, cluster, _ = setup(app)
    app.frameworks.amend(framework, DEMANDS[:2], actor=CHAIR)
    before = events(app)
    with pytest.raises(RuleViolation, match="version 2 of 'Care 2026' has not been ratified"):
        app.clusters.adopt_framework(cluster, framework, 2, actor=CHAIR, on=date(2025, 11, 1))
    assert events(app) == before
    app.frameworks.record_vote(framework, 2, CARRIED, actor=CHAIR)
    app.clusters.adopt_framework(cluster, framework, 2, actor=CHAIR, on=date(2025, 11, 1))
    assert [f.version for f in app.clusters.get(cluster).frameworks] == [1, 2]


def test_pact_signatures_are_recorded_with_dates(app: BargainingApp) -> None:
    _, cluster, uid = setup(app)
    app.clusters.admit(cluster, uid, actor=CHAIR, on=date(2025, 11, 1))
    app.clusters.sign_pact(cluster, uid, on=date(2025, 12, 1), actor=CHAIR)
    assert app.clusters.get(cluster).members[uid].pact_signed_on == date(2025, 12, 1)
    with pytest.raises(RuleViolation, match="signed the pact on 2025-12-01"):
        app.clusters.sign_pact(cluster, uid, on=date(2025, 12, 2), actor=CHAIR)


def test_offers_are_evaluated_against_the_adopted_framework(app: BargainingApp) -> None:
    _, cluster, uid = setup(app)
    app.clusters.admit(cluster, uid, actor=CHAIR, on=date(2025, 11, 1))
    round_id = app.rounds.open(uid, on=date(2026, 1, 5), cluster=cluster,
                               actor=CHAIR)
    evaluation = app.rounds.record_offer(round_id, BELOW, on=date(2026, 2, 1), actor=CHAIR)
    assert evaluation is not None and evaluation.overall is Verdict.BELOW_FLOOR
    recorded = app.rounds.get(round_id).offers[0]
    assert recorded.evaluation == evaluation
    assert (recorded.evaluation.framework, recorded.evaluation.version) == ("Care 2026", 1)


def test_sign_off_gate(app: BargainingApp) -> None:
    _, cluster, uid = setup(app)
    app.clusters.admit(cluster, uid, actor=CHAIR, on=date(2025, 11, 1))
    round_id = app.rounds.open(uid, on=date(2026, 1, 5), cluster=cluster,
                               actor=CHAIR)
    app.rounds.reach_tentative_agreement(round_id, BELOW, on=date(2026, 3, 1),
                                         effective=date(2026, 4, 1), expiry=date(2029, 3, 31),
                                         actor=CHAIR)
    assert app.clusters.status(cluster).tables[0].status is TableStatus.AWAITING_SIGN_OFF
    with pytest.raises(RuleViolation, match="only the coordinating committee"):
        app.clusters.decide_sign_off(cluster, round_id, approved=True, vote=CARRIED, actor=OUTSIDER)
    app.clusters.decide_sign_off(cluster, round_id, approved=False, vote=LOST, actor=CHAIR,
                                 reason="below the purchasing-power floor")
    assert app.clusters.status(cluster).tables[0].status is TableStatus.AWAITING_SIGN_OFF
    decision = app.clusters.get(cluster).sign_off_for(round_id)
    assert decision is not None and not decision.approved
    assert decision.failing_demands == ("wages",) and decision.decided_by == CHAIR
    app.clusters.decide_sign_off(cluster, round_id, approved=True, vote=CARRIED, actor=CHAIR,
                                 reason="members decide")
    assert app.clusters.status(cluster).tables[0].status is TableStatus.TENTATIVE
    assert app.rounds.record_ratification_vote(round_id, CARRIED, actor=CHAIR) is True
    assert app.rounds.get(round_id).recorded_flags == []
    assert app.clusters.status(cluster).breaches == ()
    assert app.units.get(uid).current_agreement.expiry == date(2029, 3,
                                                               31)  # type: ignore[union-attr]
    assert app.expiry_map.unit(uid).expiry == date(2029, 3, 31)


def test_a_new_tentative_agreement_needs_its_own_sign_off(app: BargainingApp) -> None:
    _, cluster, uid = setup(app)
    app.clusters.admit(cluster, uid, actor=CHAIR, on=date(2025, 11, 1))
    round_id = app.rounds.open(uid, on=date(2026, 1, 5), cluster=cluster,
                               actor=CHAIR)
    for _ in range(2):
        app.rounds.reach_tentative_agreement(round_id, BELOW, on=date(2026, 3, 1),
                                             effective=date(2026, 4, 1), expiry=date(2029, 3, 31),
                                             actor=CHAIR)
        if _ == 0:
            app.clusters.decide_sign_off(cluster, round_id, approved=True, vote=CARRIED,
                                         actor=CHAIR)
    assert app.clusters.status(cluster).tables[0].status is TableStatus.AWAITING_SIGN_OFF
    app.rounds.record_ratification_vote(round_id, CARRIED, actor=CHAIR)
    [flag] = app.rounds.get(round_id).recorded_flags
    assert flag.rule is FlagRule.RATIFIED_WITHOUT_SIGN_OFF
    assert flag.why.startswith("tentative agreement 2, below the framework's floor on wages")


def test_a_lost_ratification_vote_is_recorded_and_changes_no_agreement(app: BargainingApp) -> None:
    _, cluster, uid = setup(app)
    app.clusters.admit(cluster, uid, actor=CHAIR, on=date(2025, 11, 1))
    round_id = app.rounds.open(uid, on=date(2026, 1, 5), cluster=cluster,
                               actor=CHAIR)
    app.rounds.reach_tentative_agreement(round_id, GOOD, on=date(2026, 3, 1),
                                         effective=date(2026, 4, 1), expiry=date(2029, 3, 31),
                                         actor=CHAIR)
    assert app.rounds.record_ratification_vote(round_id, LOST, actor=CHAIR) is False
    assert app.rounds.get(round_id).failed_votes == [LOST]
    assert app.units.get(uid).current_agreement.expiry == date(2026, 3,
                                                               31)  # type: ignore[union-attr]


def test_no_deal_until_every_table_settles_and_me_too(app: BargainingApp) -> None:
    _, cluster, first = setup(app)
    second = unit(app, "Sienna", date(2026, 4, 30))
    for uid in (first, second):
        app.clusters.admit(cluster, uid, actor=CHAIR, on=date(2025, 11, 1))
        app.clusters.sign_pact(cluster, uid, on=date(2025, 11, 2), actor=CHAIR)
    rounds = [app.rounds.open(uid, on=date(2026, 1, 5), cluster=cluster,
                              actor=CHAIR) for uid in (first, second)]
    okay = Terms.of(wages=Increases([4, 4, 4.5, 4.5]), **{"care hours": Amount(4.0),
                    "contracting out": Clause(True), "two-tier": Clause(True)})
    app.rounds.reach_tentative_agreement(rounds[0], okay, on=date(2026, 3, 1),
                                         effective=date(2026, 4, 1), expiry=date(2029, 3, 31),
                                         actor=CHAIR)
    app.rounds.record_ratification_vote(rounds[0], CARRIED, actor=CHAIR)
    status = app.clusters.status(cluster)
    assert not status.settled
    assert [(t.status, t.final) for t in status.tables] == [
        (TableStatus.RATIFIED, False), (TableStatus.OPEN, False)]
    app.rounds.reach_tentative_agreement(rounds[1], GOOD, on=date(2026, 4, 1),
                                         effective=date(2026, 5, 1), expiry=date(2029, 3, 31),
                                         actor=CHAIR)
    app.rounds.record_ratification_vote(rounds[1], CARRIED, actor=CHAIR)
    status = app.clusters.status(cluster)
    assert status.settled and all(t.final for t in status.tables)
    assert [(e.unit_id, e.demand, e.from_unit_id) for e in status.entitlements] == [
        (first, "wages", second), (first, "care hours", second)]
    assert "is owed SEIU 2, Sienna (LTC)'s better wages" in status.entitlements[0].explanation


def test_two_tier_tentative_agreement_needs_sign_off(app: BargainingApp) -> None:
    _, cluster, uid = setup(app)
    app.clusters.admit(cluster, uid, actor=CHAIR, on=date(2025, 11, 1))
    round_id = app.rounds.open(uid, on=date(2026, 1, 5), cluster=cluster,
                               actor=CHAIR)
    tiered = Terms.of(wages=Tiered(Increases([6, 6, 6]), date(2026, 4, 1),
                                   Increases([5, 5, 5])),
                      **{"care hours": Amount(4.1), "contracting out": Clause(True),
                         "two-tier": Clause(True)})
    evaluation = app.rounds.reach_tentative_agreement(
        round_id, tiered, on=date(2026, 3, 1), effective=date(2026, 4, 1),
        expiry=date(2029, 3, 31), actor=CHAIR)
    assert evaluation is not None
    assert [v.demand for v in evaluation.failing] == ["wages", "two-tier"]
    app.rounds.record_ratification_vote(round_id, CARRIED, actor=CHAIR)
    [flag] = app.rounds.get(round_id).recorded_flags
    assert "below the framework's floor on wages, two-tier" in flag.why


@pytest.mark.parametrize(
    ("command", "error"),
    [
        (lambda app, c, u: app.clusters.form(name="X", sectors=["ltc"], committee=[CHAIR],
                                             window_start=date(2026, 6, 1),
                                             window_end=date(2026, 1, 1),
                                             target_alignment=date(2029, 1, 1), actor=CHAIR,
                                             on=date(2025, 11, 1)),
         InvalidInput),
        (lambda app, c, u: app.clusters.adopt_pact(c, [PactRule.ME_TOO], actor=CHAIR,
                                                   on=date(2025, 11, 1)),
         RuleViolation),
        (lambda app, c, u: app.clusters.sign_pact(c, u, on=date(2026, 1, 1), actor=CHAIR),
         RuleViolation),
        (lambda app, c, u: app.rounds.open(u, on="soon", actor=CHAIR), InvalidInput),
        (lambda app, c, u: app.frameworks.record_vote(
            app.clusters.get(c).framework.framework_id, 1,
            Vote(date(2026, 1, 1), Tally(eligible=10, cast=5, yes=5, no=5,
                                         spoiled=0)), actor=CHAIR), RuleViolation),
    ],
)
def test_refused_commands_record_nothing(app: BargainingApp, command: object,
                                         error: type) -> None:
    _, cluster, uid = setup(app)
    before = events(app)
    with pytest.raises(error):
        command(app, cluster, uid)  # type: ignore[operator]
    assert events(app) == before


def test_everything_reloads_equal(app: BargainingApp) -> None:
    _, cluster, uid = setup(app)
    app.clusters.admit(cluster, uid, actor=CHAIR, on=date(2025, 11, 1))
    round_id = app.rounds.open(uid, on=date(2026, 1, 5), cluster=cluster,
                               actor=CHAIR)
    app.rounds.record_offer(round_id, BELOW, on=date(2026, 2, 1), actor=CHAIR)
    app.rounds.reach_tentative_agreement(round_id, BELOW, on=date(2026, 3, 1),
                                         effective=date(2026, 4, 1), expiry=date(2029, 3, 31),
                                         actor=CHAIR)
    app.clusters.decide_sign_off(cluster, round_id, approved=True, vote=CARRIED, actor=CHAIR)
    app.rounds.record_ratification_vote(round_id, CARRIED, actor=CHAIR)
    live_round, live_cluster = app.rounds.get(round_id), app.clusters.get(cluster)
    stored_round = app.rounds.get(round_id)
    stored_cluster = app.clusters.get(cluster)
    assert stored_round.__dict__ == live_round.__dict__
    assert stored_cluster.__dict__ == live_cluster.__dict__
    assert isinstance(stored_round.offers[0].evaluation.verdicts, tuple)  # type: ignore[union-attr]


def test_errors_share_one_base_class() -> None:
    assert issubclass(RuleViolation, BargainingError)
