"""Me-too claims and alignment through the application, on every store: the life of a claim
recorded and read back, its history lines and days, the release 0.1 entitlement read as a claim,
and each member's alignment on the target date as recorded and as it was on a day."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from datetime import date
from pathlib import Path
from uuid import UUID

import pytest

from bargaining import (
    Actor,
    BargainingApp,
    Category,
    CompoundIncrease,
    Demand,
    Increases,
    InvalidInput,
    MeTooStatus,
    PactRule,
    PlanKind,
    RuleViolation,
    Tally,
    Terms,
    Vote,
)
from bargaining.presentation.summaries import occurred_on, summarize

CHAIR = Actor("c-1", "cluster co-chair")
V0_1 = Path(__file__).resolve().parent / "release_stores" / "v0.1"


def carried(on: date) -> Vote:
    return Vote(on, Tally(eligible=100, cast=90, yes=70, no=20))


def story(app: BargainingApp) -> tuple[UUID, dict[str, UUID], dict[str, UUID]]:
    """Two signed members settle, the second better per year: the first is owed."""
    wages = [Demand("wages", Category.WAGES, CompoundIncrease(10, 15))]
    framework = app.frameworks.draft(name="Care 2026", sectors=["ltc"], demands=wages,
                                     actor=CHAIR)
    app.frameworks.record_vote(framework, 1, carried(date(2025, 10, 1)), actor=CHAIR)
    cluster = app.clusters.form(name="Ontario LTC", sectors=["ltc"], committee=[CHAIR],
                                window_start=date(2026, 1, 1), window_end=date(2026, 6, 30),
                                target_alignment=date(2029, 2, 28), actor=CHAIR,
                                on=date(2025, 11, 1))
    app.clusters.adopt_framework(cluster, framework, 1, actor=CHAIR, on=date(2025, 11, 1))
    app.clusters.adopt_pact(cluster, [PactRule.ME_TOO], me_too_demands=["wages"], actor=CHAIR,
                            on=date(2025, 11, 1))
    units, rounds = {}, {}
    for name, expiry in (("Sudbury", date(2026, 2, 28)), ("Ottawa", date(2026, 3, 31))):
        uid = app.units.register(union="SEIU", local="2", employer=name, unit_name="LTC",
                                 actor=CHAIR)
        app.units.record_agreement(uid, expiry=expiry, actor=CHAIR)
        app.clusters.admit(cluster, uid, actor=CHAIR, on=date(2025, 11, 1))
        app.clusters.sign_pact(cluster, uid, on=date(2025, 11, 2), actor=CHAIR)
        units[name] = uid
        rounds[name] = app.rounds.open(uid, on=date(2026, 1, 5), cluster=cluster, actor=CHAIR)
    for name, raises, voted in (("Sudbury", [4, 4, 4], date(2026, 3, 1)),
                                ("Ottawa", [4.5, 4.5, 4.5], date(2026, 4, 1))):
        app.rounds.reach_tentative_agreement(
            rounds[name], Terms.of(wages=Increases(raises)), on=date(2026, 2, 20),
            effective=date(2026, 4, 1), expiry=date(2029, 2, 28), actor=CHAIR)
        app.rounds.record_ratification_vote(rounds[name], carried(voted), actor=CHAIR)
    return cluster, units, rounds


def test_a_claim_lives_through_the_application_and_reads_back(
        open_app: Callable[..., BargainingApp], store_kind: str) -> None:
    app = open_app()
    cluster, units, _ = story(app)
    sudbury = units["Sudbury"]
    app.clusters.claim_me_too(cluster, sudbury, "wages", actor=CHAIR, on=date(2026, 4, 15),
                              reason="grievance filed")
    app.clusters.settle_me_too(cluster, sudbury, "wages", actor=CHAIR, on=date(2026, 5, 1))
    with pytest.raises(RuleViolation, match="a claim is settled once"):
        app.clusters.settle_me_too(cluster, sudbury, "wages", actor=CHAIR, on=date(2026, 5, 2))
    reopened = app if store_kind == "memory" else open_app()  # read back from the store
    (claim,) = reopened.clusters.status(cluster).me_too
    assert claim.status is MeTooStatus.SETTLED and claim.closed_on == date(2026, 5, 1)
    assert (claim.owed_on, claim.claimed_on) == (date(2026, 4, 1), date(2026, 4, 15))
    assert claim.entitlement.from_unit_id == units["Ottawa"]
    before = reopened.clusters.status(cluster, on=date(2026, 4, 20)).me_too
    assert [c.status for c in before] == [MeTooStatus.CLAIMED]
    lines = [(e.event, e.occurred_on, e.summary) for e in reopened.history.of(cluster)
             if e.event.startswith("MeToo")]
    assert [(event, day) for event, day, _ in lines] == [
        ("MeTooEntitlementRecorded", date(2026, 4, 1)), ("MeTooClaimed", date(2026, 4, 15)),
        ("MeTooSettled", date(2026, 5, 1))]
    assert lines[1][2] == ("SEIU 2, Sudbury (LTC)'s me-too on wages in cluster 'Ontario LTC' "
                           "claimed on 2026-04-15, recorded by the cluster co-chair")
    assert [e.reason for e in reopened.history.of(cluster)][-2] == "grievance filed"


def test_refused_steps_of_a_claim_record_nothing(memory_app: BargainingApp) -> None:
    app = memory_app
    cluster, units, _ = story(app)
    version = app.clusters.get(cluster).version
    with pytest.raises(RuleViolation, match="is owed no me-too on 'wages'"):
        app.clusters.claim_me_too(cluster, units["Ottawa"], "wages", actor=CHAIR,
                                  on=date(2026, 5, 1))
    with pytest.raises(InvalidInput, match="needs a reason"):
        app.clusters.waive_me_too(cluster, units["Sudbury"], "wages", actor=CHAIR,
                                  on=date(2026, 5, 1), reason="")
    with pytest.raises(InvalidInput, match="before the claim's last step"):
        app.clusters.claim_me_too(cluster, units["Sudbury"], "wages", actor=CHAIR,
                                  on=date(2026, 3, 1))
    assert app.clusters.get(cluster).version == version


def test_the_release_0_1_entitlement_reads_as_one_owed_claim(tmp_path: Path) -> None:
    shutil.copy(V0_1 / "plain.sqlite", tmp_path / "events.sqlite")
    with BargainingApp(str(tmp_path / "events.sqlite")) as app:
        (entry,) = [e for e in app.history.audit_log() if e.event == "MeTooEntitlementRecorded"]
        cluster = app.clusters.get(entry.aggregate_id)
        (claim,) = cluster.me_too_claims
        assert claim.status is MeTooStatus.OWED and claim.owed_on is None
        assert cluster.entitlements == [claim.entitlement]
        assert "me-too owed: " in app.clusters.status(cluster.id).explain()


def test_alignment_reads_each_member_against_the_target(memory_app: BargainingApp) -> None:
    app = memory_app
    cluster, units, _ = story(app)
    now = {a.label: a for a in app.clusters.alignment(cluster)}
    assert [(a.expiry, a.aligned, a.plan) for a in now.values()] == [
        (date(2029, 2, 28), True, None), (date(2029, 2, 28), True, None)]
    before = {a.unit_id: a for a in app.clusters.alignment(cluster, on=date(2026, 2, 25))}
    ottawa = before[units["Ottawa"]]
    assert ottawa.expiry == date(2026, 3, 31) and not ottawa.aligned
    assert ottawa.tentative_expiry == date(2029, 2, 28) and ottawa.tentative_lands
    sudbury = before[units["Sudbury"]]
    assert sudbury.plan is None and sudbury.tentative_lands  # its tentative agreement lands
    early = {a.unit_id: a for a in app.clusters.alignment(cluster, on=date(2026, 1, 10))}
    plan = early[units["Ottawa"]].plan
    assert plan is not None and plan.kind is PlanKind.TERM
    assert plan.explanation == ("a term of 2 years and 11 months, from 2026-04-01 to "
                                "2029-02-28, lands on the target")
    assert early[units["Ottawa"]].tentative_lands is None
    assert app.clusters.status(cluster, on=date(2026, 1, 10)).alignment == tuple(early.values())


def test_every_new_event_has_a_summary_and_its_day(memory_app: BargainingApp) -> None:
    app = memory_app
    cluster, units, _ = story(app)
    app.clusters.waive_me_too(cluster, units["Sudbury"], "wages", actor=CHAIR,
                              on=date(2026, 4, 10), reason="traded for staffing")
    event = list(app.eventsourcing.events.get(cluster))[-1]
    assert type(event).__name__ == "MeTooWaived" and occurred_on(event) == date(2026, 4, 10)
    assert summarize(event, lambda _: "x").endswith(
        "waived on 2026-04-10, recorded by the cluster co-chair")
