"""Clusters and rounds on every store: window, override, pact, sign-off gate, ratification,
me-too, and refused commands that record nothing."""

from __future__ import annotations

from datetime import date
from uuid import UUID

import pytest

from bargaining import Actor, BargainingApp, BargainingError, InvalidInput, RuleViolation
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
CARRIED = Vote(date(2026, 3, 1), Tally(100, 80, 70, 10, 0))
LOST = Vote(date(2026, 3, 1), Tally(100, 80, 20, 60, 0))
GOOD = Terms.of(wages=Increases([5, 5, 5, 5]), **{"care hours": Amount(4.1),
                "contracting out": Clause(True), "two-tier": Clause(True)})
BELOW = Terms.of(wages=Increases([2, 2, 1.5, 1.5, 2]), **{"care hours": Amount(4.1),
                 "contracting out": Clause(True), "two-tier": Clause(True)})


def unit(app: BargainingApp, name: str, expiry: date) -> UUID:
    uid = app.register_unit(union="SEIU", local="2", employer=name, unit_name="LTC",
                            sector="long-term care", region="ON", headcount=100, actor=CHAIR)
    app.record_agreement(uid, effective=date(2023, 4, 1), expiry=expiry, actor=CHAIR)
    return uid


def setup(app: BargainingApp, rules: list[PactRule] | None = None) -> tuple[UUID, UUID, UUID]:
    framework = app.draft_framework(name="Care 2026", sectors=["long-term care"],
                                    demands=DEMANDS, actor=CHAIR)
    app.record_framework_vote(framework, 1, CARRIED, actor=CHAIR)
    cluster = app.form_cluster(name="Ontario LTC", sectors=["long-term care"], committee=[CHAIR],
                               window_start=date(2026, 1, 1), window_end=date(2026, 6, 30),
                               target_alignment=date(2029, 3, 31), actor=CHAIR)
    app.adopt_framework(cluster, framework, 1, actor=CHAIR)
    app.adopt_pact(cluster, rules or [PactRule.SIGN_OFF, PactRule.NO_DEAL_UNTIL_ALL_SETTLE,
                                      PactRule.ME_TOO],
                   me_too_demands=["wages", "care hours"], actor=CHAIR)
    return framework, cluster, unit(app, "Extendicare", date(2026, 3, 31))


def events(app: BargainingApp) -> int:
    return app.recorder.max_notification_id() or 0


def test_admission_needs_expiry_in_window_or_an_override(app: BargainingApp) -> None:
    _, cluster, inside = setup(app)
    app.admit_unit(cluster, inside, actor=CHAIR)
    late = unit(app, "Sienna", date(2027, 9, 30))
    before = events(app)
    with pytest.raises(RuleViolation, match=r"expiry 2027-09-30, outside the window of "
                                            r"'Ontario LTC' \(2026-01-01 to 2026-06-30\)"):
        app.admit_unit(cluster, late, actor=CHAIR)
    assert events(app) == before
    app.admit_unit(cluster, late, actor=CHAIR, override_reason="same employer chain; align 2029")
    member = app.get_cluster(cluster).members[late]
    assert member.override_reason == "same employer chain; align 2029"
    assert member.admitted_by == CHAIR
    with pytest.raises(RuleViolation, match="already a member"):
        app.admit_unit(cluster, late, actor=CHAIR)


def test_withdrawn_units_stay_in_history(app: BargainingApp) -> None:
    _, cluster, uid = setup(app)
    app.admit_unit(cluster, uid, actor=CHAIR)
    app.withdraw_unit(cluster, uid, actor=CHAIR, reason="local voted to leave")
    found = app.get_cluster(cluster)
    assert found.members[uid].withdrawn and found.active_members == []
    assert uid in app.get_cluster(cluster).members
    with pytest.raises(RuleViolation, match="already withdrawn"):
        app.withdraw_unit(cluster, uid, actor=CHAIR)


def test_adopting_an_unratified_framework_is_refused(app: BargainingApp) -> None:
    framework, cluster, _ = setup(app)
    app.amend_framework(framework, DEMANDS[:2], actor=CHAIR)
    before = events(app)
    with pytest.raises(RuleViolation, match="version 2 of 'Care 2026' has not been ratified"):
        app.adopt_framework(cluster, framework, 2, actor=CHAIR)
    assert events(app) == before
    app.record_framework_vote(framework, 2, CARRIED, actor=CHAIR)
    app.adopt_framework(cluster, framework, 2, actor=CHAIR)
    assert [f.version for f in app.get_cluster(cluster).frameworks] == [1, 2]


def test_pact_signatures_are_recorded_with_dates(app: BargainingApp) -> None:
    _, cluster, uid = setup(app)
    app.admit_unit(cluster, uid, actor=CHAIR)
    app.sign_pact(cluster, uid, signed_on=date(2025, 12, 1), actor=CHAIR)
    assert app.get_cluster(cluster).members[uid].pact_signed_on == date(2025, 12, 1)
    with pytest.raises(RuleViolation, match="signed the pact on 2025-12-01"):
        app.sign_pact(cluster, uid, signed_on=date(2025, 12, 2), actor=CHAIR)


def test_offers_are_evaluated_against_the_adopted_framework(app: BargainingApp) -> None:
    _, cluster, uid = setup(app)
    app.admit_unit(cluster, uid, actor=CHAIR)
    round_id = app.open_round(uid, notice_served=date(2026, 1, 5), cluster_id=cluster,
                              actor=CHAIR)
    evaluation = app.record_offer(round_id, BELOW, received_on=date(2026, 2, 1), actor=CHAIR)
    assert evaluation is not None and evaluation.overall is Verdict.BELOW_FLOOR
    recorded = app.get_round(round_id).offers[0]
    assert recorded.evaluation == evaluation
    assert (recorded.evaluation.framework, recorded.evaluation.version) == ("Care 2026", 1)


def test_sign_off_gate(app: BargainingApp) -> None:
    _, cluster, uid = setup(app)
    app.admit_unit(cluster, uid, actor=CHAIR)
    round_id = app.open_round(uid, notice_served=date(2026, 1, 5), cluster_id=cluster,
                              actor=CHAIR)
    app.reach_tentative_agreement(round_id, BELOW, reached_on=date(2026, 3, 1),
                                  effective=date(2026, 4, 1), expiry=date(2029, 3, 31),
                                  actor=CHAIR)
    assert app.cluster_status(cluster).tables[0].status is TableStatus.AWAITING_SIGN_OFF
    before = events(app)
    with pytest.raises(RuleViolation, match="below the framework's floor on wages; under the "
                                            "pact it cannot go to a ratification vote"):
        app.record_ratification_vote(round_id, CARRIED, actor=CHAIR)
    assert events(app) == before
    with pytest.raises(RuleViolation, match="only the coordinating committee"):
        app.decide_sign_off(cluster, round_id, approved=True, vote=CARRIED, actor=OUTSIDER)
    app.decide_sign_off(cluster, round_id, approved=False, vote=LOST, actor=CHAIR,
                        reason="below the purchasing-power floor")
    with pytest.raises(RuleViolation, match="until the cluster's committee signs it off"):
        app.record_ratification_vote(round_id, CARRIED, actor=CHAIR)
    decision = app.get_cluster(cluster).sign_off_for(round_id)
    assert decision is not None and not decision.approved
    assert decision.failing_demands == ("wages",) and decision.decided_by == CHAIR
    app.decide_sign_off(cluster, round_id, approved=True, vote=CARRIED, actor=CHAIR,
                        reason="members decide")
    assert app.record_ratification_vote(round_id, CARRIED, actor=CHAIR) is True
    assert app.get_unit(uid).current_agreement.expiry == date(2029, 3, 31)  # type: ignore[union-attr]
    assert app.expiry_map.unit(uid).expiry == date(2029, 3, 31)


def test_a_new_tentative_agreement_needs_its_own_sign_off(app: BargainingApp) -> None:
    _, cluster, uid = setup(app)
    app.admit_unit(cluster, uid, actor=CHAIR)
    round_id = app.open_round(uid, notice_served=date(2026, 1, 5), cluster_id=cluster,
                              actor=CHAIR)
    for _ in range(2):
        app.reach_tentative_agreement(round_id, BELOW, reached_on=date(2026, 3, 1),
                                      effective=date(2026, 4, 1), expiry=date(2029, 3, 31),
                                      actor=CHAIR)
        if _ == 0:
            app.decide_sign_off(cluster, round_id, approved=True, vote=CARRIED, actor=CHAIR)
    with pytest.raises(RuleViolation, match="signs it off"):
        app.record_ratification_vote(round_id, CARRIED, actor=CHAIR)


def test_a_lost_ratification_vote_is_recorded_and_changes_no_agreement(app: BargainingApp) -> None:
    _, cluster, uid = setup(app)
    app.admit_unit(cluster, uid, actor=CHAIR)
    round_id = app.open_round(uid, notice_served=date(2026, 1, 5), cluster_id=cluster,
                              actor=CHAIR)
    app.reach_tentative_agreement(round_id, GOOD, reached_on=date(2026, 3, 1),
                                  effective=date(2026, 4, 1), expiry=date(2029, 3, 31),
                                  actor=CHAIR)
    assert app.record_ratification_vote(round_id, LOST, actor=CHAIR) is False
    assert app.get_round(round_id).failed_votes == [LOST]
    assert app.get_unit(uid).current_agreement.expiry == date(2026, 3, 31)  # type: ignore[union-attr]


def test_no_deal_until_every_table_settles_and_me_too(app: BargainingApp) -> None:
    _, cluster, first = setup(app)
    second = unit(app, "Sienna", date(2026, 4, 30))
    for uid in (first, second):
        app.admit_unit(cluster, uid, actor=CHAIR)
    rounds = [app.open_round(uid, notice_served=date(2026, 1, 5), cluster_id=cluster,
                             actor=CHAIR) for uid in (first, second)]
    okay = Terms.of(wages=Increases([4, 4, 4.5, 4.5]), **{"care hours": Amount(4.0),
                    "contracting out": Clause(True), "two-tier": Clause(True)})
    app.reach_tentative_agreement(rounds[0], okay, reached_on=date(2026, 3, 1),
                                  effective=date(2026, 4, 1), expiry=date(2029, 3, 31),
                                  actor=CHAIR)
    app.record_ratification_vote(rounds[0], CARRIED, actor=CHAIR)
    status = app.cluster_status(cluster)
    assert not status.settled
    assert [(t.status, t.final) for t in status.tables] == [
        (TableStatus.RATIFIED, False), (TableStatus.OPEN, False)]
    app.reach_tentative_agreement(rounds[1], GOOD, reached_on=date(2026, 4, 1),
                                  effective=date(2026, 5, 1), expiry=date(2029, 3, 31),
                                  actor=CHAIR)
    app.record_ratification_vote(rounds[1], CARRIED, actor=CHAIR)
    status = app.cluster_status(cluster)
    assert status.settled and all(t.final for t in status.tables)
    assert [(e.unit_id, e.demand, e.from_unit_id) for e in status.entitlements] == [
        (first, "wages", second), (first, "care hours", second)]
    assert "is owed SEIU 2, Sienna (LTC)'s better wages" in status.entitlements[0].explanation


def test_two_tier_tentative_agreement_needs_sign_off(app: BargainingApp) -> None:
    _, cluster, uid = setup(app)
    app.admit_unit(cluster, uid, actor=CHAIR)
    round_id = app.open_round(uid, notice_served=date(2026, 1, 5), cluster_id=cluster,
                              actor=CHAIR)
    tiered = Terms.of(wages=Tiered(Increases([6, 6, 6]), date(2026, 4, 1),
                                   Increases([5, 5, 5])),
                      **{"care hours": Amount(4.1), "contracting out": Clause(True),
                         "two-tier": Clause(True)})
    evaluation = app.reach_tentative_agreement(
        round_id, tiered, reached_on=date(2026, 3, 1), effective=date(2026, 4, 1),
        expiry=date(2029, 3, 31), actor=CHAIR)
    assert evaluation is not None
    assert [v.demand for v in evaluation.failing] == ["wages", "two-tier"]
    with pytest.raises(RuleViolation, match="floor on wages, two-tier"):
        app.record_ratification_vote(round_id, CARRIED, actor=CHAIR)


@pytest.mark.parametrize(
    ("command", "error"),
    [
        (lambda app, c, u: app.form_cluster(name="X", sectors=["ltc"], committee=[CHAIR],
                                            window_start=date(2026, 6, 1),
                                            window_end=date(2026, 1, 1),
                                            target_alignment=date(2029, 1, 1), actor=CHAIR),
         InvalidInput),
        (lambda app, c, u: app.adopt_pact(c, [PactRule.ME_TOO], actor=CHAIR), RuleViolation),
        (lambda app, c, u: app.sign_pact(c, u, signed_on=date(2026, 1, 1), actor=CHAIR),
         RuleViolation),
        (lambda app, c, u: app.open_round(u, notice_served="soon", actor=CHAIR), InvalidInput),
        (lambda app, c, u: app.record_framework_vote(
            app.get_cluster(c).framework.framework_id, 1,
            Vote(date(2026, 1, 1), Tally(10, 5, 5, 5, 0)), actor=CHAIR), RuleViolation),
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
    app.admit_unit(cluster, uid, actor=CHAIR)
    round_id = app.open_round(uid, notice_served=date(2026, 1, 5), cluster_id=cluster,
                              actor=CHAIR)
    app.record_offer(round_id, BELOW, received_on=date(2026, 2, 1), actor=CHAIR)
    app.reach_tentative_agreement(round_id, BELOW, reached_on=date(2026, 3, 1),
                                  effective=date(2026, 4, 1), expiry=date(2029, 3, 31),
                                  actor=CHAIR)
    app.decide_sign_off(cluster, round_id, approved=True, vote=CARRIED, actor=CHAIR)
    app.record_ratification_vote(round_id, CARRIED, actor=CHAIR)
    live_round, live_cluster = app.get_round(round_id), app.get_cluster(cluster)
    stored_round = app.get_round(round_id)
    stored_cluster = app.get_cluster(cluster)
    assert stored_round.__dict__ == live_round.__dict__
    assert stored_cluster.__dict__ == live_cluster.__dict__
    assert isinstance(stored_round.offers[0].evaluation.verdicts, tuple)  # type: ignore[union-attr]


def test_errors_share_one_base_class() -> None:
    assert issubclass(RuleViolation, BargainingError)
