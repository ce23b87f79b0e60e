"""One small campaign story that records every kind of event of every aggregate, through the
application's own commands, for the history and audit log tests."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from bargaining import (
    Actor,
    BargainingApp,
    Body,
    Category,
    CollectiveAgreement,
    CompoundIncrease,
    Demand,
    Increases,
    Ladder,
    LawEffect,
    Outcome,
    PactRule,
    PlannedUnit,
    Rung,
    RungKind,
    TableKind,
    Tally,
    Terms,
    Turnout,
    Vote,
)
from tests.budget_story import record_budget_story
from tests.defense_story import record_defense
from tests.democracy_story import record_democracy_story
from tests.drives_story import record_drives_story
from tests.election_story import record_election_story, record_pact_story
from tests.organizing_story import record_organizing_story
from tests.personal_records import record_erasure_story

STEWARD = Actor("d-1", "data steward")
CHAIR = Actor("c-1", "coordinating committee")
ORGANIZER = Actor("o-1", "organizer")


@dataclass
class Story:
    units: dict[str, UUID]
    framework: UUID
    cluster: UUID
    rounds: dict[str, UUID]
    campaign: UUID
    law: UUID | None = None


def carried(on: date, eligible: int = 100) -> Vote:
    return Vote(on, Tally(eligible=eligible, cast=eligible, yes=eligible, no=0))


def record_story(app: BargainingApp) -> Story:
    """Units, a framework, a cluster with a pact, two rounds, a campaign and a dispute (a law
    and an intervention), a sectoral table with its returns, me-too through its life: every
    event kind."""
    units = {}
    for local, employer, name in [("79", "City of Toronto", "Outside workers"),
                                  ("2", "Extendicare", "Sudbury LTC"),
                                  ("4400", "Toronto DSB", "Education workers")]:
        uid = app.units.register(union="CUPE", local=local, employer=employer, unit_name=name,
                                 sector="municipal", region="ON", headcount=100, actor=STEWARD)
        app.units.record_agreement(uid, effective=date(2023, 1, 1), expiry=date(2026, 3, 31),
                                   settled=date(2023, 2, 14), actor=STEWARD)
        units[name] = uid
    outside = units["Outside workers"]
    record_defense(app)
    record_democracy_story(app)
    caucus = record_election_story(app)
    record_pact_story(app)
    record_organizing_story(app)
    app.units.record_agreement(units["Education workers"], effective=date(2026, 4, 1),
                               expiry=date(2029, 8, 31), actor=STEWARD)
    app.units.correct_agreement(outside, expiry=date(2026, 3, 31), actor=STEWARD,
                                corrected=CollectiveAgreement(date(2026, 3, 31), date(2023, 1, 1),
                                                              date(2023, 3, 1)),
                                reason="the signing date was on page 2")
    app.units.change_headcount(outside, 120, actor=STEWARD, on=date(2025, 9, 30),
                               reason="dues list of September")
    app.units.change_sector(outside, "public works", actor=STEWARD)
    app.units.change_region(outside, "Ontario", actor=STEWARD)
    app.units.change_city(outside, "Toronto", actor=STEWARD)
    app.units.change_industry_code(outside, "913", actor=STEWARD)

    wages = [Demand("wages", Category.WAGES, CompoundIncrease(floor=10, target=15))]
    framework = app.frameworks.draft(name="Toronto 2026", sectors=["municipal"], demands=wages,
                                     actor=CHAIR)
    app.frameworks.record_vote(framework, 1, Vote(date(2025, 10, 1), Tally(eligible=100, cast=80,
                                                                           yes=30, no=50)),
                               actor=CHAIR)
    app.frameworks.amend(framework, wages, actor=CHAIR, reason="members asked for a new vote")
    app.frameworks.record_vote(framework, 2, carried(date(2025, 10, 15)), actor=CHAIR)

    cluster = app.clusters.form(name="Toronto municipal 2026", sectors=["municipal"],
                                committee=[CHAIR], window_start=date(2026, 1, 1),
                                window_end=date(2026, 6, 30), target_alignment=date(2029, 3, 31),
                                actor=CHAIR, on=date(2025, 11, 1))
    app.clusters.admit(cluster, outside, actor=CHAIR, on=date(2025, 11, 1))
    app.clusters.admit(cluster, units["Sudbury LTC"], actor=CHAIR, on=date(2025, 11, 1))
    app.clusters.admit(cluster, units["Education workers"], actor=CHAIR,
                       override_reason="same employer's budget cycle", on=date(2026, 4, 2))
    app.clusters.withdraw(cluster, units["Education workers"], actor=CHAIR, on=date(2026, 4, 3))
    app.clusters.adopt_framework(cluster, framework, 2, actor=CHAIR, on=date(2025, 11, 1))
    app.clusters.adopt_pact(cluster, [PactRule.SIGN_OFF, PactRule.ME_TOO], me_too_demands=["wages"],
                            actor=CHAIR, on=date(2025, 11, 1))
    for name in ("Outside workers", "Sudbury LTC"):
        app.clusters.sign_pact(cluster, units[name], on=date(2025, 11, 3), actor=CHAIR)

    rounds = {name: app.rounds.open(units[name], on=date(2026, 1, 5),
                                    cluster=cluster, actor=CHAIR)
              for name in ("Outside workers", "Sudbury LTC")}
    first = rounds["Outside workers"]
    app.rounds.record_offer(first, Terms.of(wages=Increases([2, 2, 2])), on=date(2026, 2, 2),
                            actor=CHAIR)
    app.rounds.table_proposal(first, Terms.of(wages=Increases([5, 5, 5])), on=date(2026, 2, 9),
                              actor=CHAIR)
    app.rounds.reach_tentative_agreement(first, Terms.of(wages=Increases([3, 3, 3])),
                                         on=date(2026, 3, 10), effective=date(2026, 4, 1),
                                         expiry=date(2029, 3, 31), actor=CHAIR)
    app.clusters.decide_sign_off(cluster, first, approved=True, vote=carried(date(2026, 3, 12), 5),
                                 actor=CHAIR, reason="a strike now would fail")
    lost = Vote(date(2026, 3, 20), Tally(eligible=120, cast=100, yes=40, no=60))
    app.rounds.record_ratification_vote(first, lost, actor=CHAIR)
    app.rounds.record_ratification_vote(first, carried(date(2026, 3, 27), 120), actor=CHAIR)
    second = rounds["Sudbury LTC"]
    app.rounds.reach_tentative_agreement(second, Terms.of(wages=Increases([4, 4, 4])),
                                         on=date(2026, 4, 10), effective=date(2026, 4, 1),
                                         expiry=date(2029, 3, 31), actor=CHAIR)
    delegates = Vote(date(2026, 4, 12), Tally(eligible=30, cast=30, yes=28, no=2),
                     body=Body.delegates())
    app.rounds.record_ratification_vote(second, delegates, actor=CHAIR)  # ratifies nothing
    app.rounds.record_ratification_vote(second, carried(date(2026, 4, 17)), actor=CHAIR)
    workload = app.rounds.open_table(units=[outside, units["Sudbury LTC"]],
                                     kind=TableKind.SECTORAL, matters=[Category.WORKLOAD],
                                     name="Workload", on=date(2026, 1, 5), actor=CHAIR)
    app.rounds.reach_tentative_agreement(workload, Terms.of(), on=date(2026, 4, 20), actor=CHAIR)
    app.rounds.record_return(workload, outside, carried(date(2026, 4, 24)), actor=CHAIR,
                             place="Local 79 general meeting")
    app.rounds.count_returns(workload, on=date(2026, 4, 25), actor=CHAIR)
    record_me_too_life(app, cluster, units)

    campaign = record_campaign(app, [outside, units["Sudbury LTC"]])
    law = record_dispute(app, outside, campaign, cluster)
    record_budget_story(app)
    app.caucuses.support(caucus, campaign=campaign, on=date(2025, 9, 2), actor=CHAIR)
    record_drives_story(app)
    record_erasure_story(app, CHAIR)
    return Story(units, framework, cluster, rounds, campaign, law)


def record_me_too_life(app: BargainingApp, cluster: UUID, units: dict[str, UUID]) -> None:
    """A third member settles better per year: the first member's open claim is raised to
    follow it and the second is owed too; the first claims and settles, the second waives."""
    hamilton = app.units.register(union="CUPE", local="2", employer="Extendicare",
                                  unit_name="Hamilton LTC", actor=CHAIR)
    app.units.record_agreement(hamilton, expiry=date(2026, 3, 31), actor=CHAIR)
    units["Hamilton LTC"] = hamilton
    app.clusters.admit(cluster, hamilton, actor=CHAIR, on=date(2026, 4, 20))
    app.clusters.sign_pact(cluster, hamilton, on=date(2026, 4, 20), actor=CHAIR)
    third = app.rounds.open(hamilton, on=date(2026, 4, 20), cluster=cluster, actor=CHAIR)
    app.rounds.reach_tentative_agreement(third, Terms.of(wages=Increases([5, 5, 5])),
                                         on=date(2026, 4, 24), effective=date(2026, 4, 1),
                                         expiry=date(2029, 3, 31), actor=CHAIR)
    app.rounds.record_ratification_vote(third, carried(date(2026, 5, 1)), actor=CHAIR)
    first, second = units["Outside workers"], units["Sudbury LTC"]
    app.clusters.claim_me_too(cluster, first, "wages", actor=CHAIR, on=date(2026, 5, 4))
    app.clusters.settle_me_too(cluster, first, "wages", actor=CHAIR, on=date(2026, 5, 20),
                               reason="letter of understanding")
    app.clusters.waive_me_too(cluster, second, "wages", actor=CHAIR, on=date(2026, 5, 20),
                              reason="traded for the staffing ratio")


def record_dispute(app: BargainingApp, unit: UUID, campaign: UUID, cluster: UUID) -> UUID:
    """A law through each act of its life, and a lockout, for a unit, a campaign, a cluster."""
    law = app.disputes.record_law(
        name="Municipal Services Continuity Act", region="ON",
        does=[LawEffect.ORDERS_RETURN_TO_WORK, LawEffect.IMPOSES_MEDIATION_ARBITRATION],
        units=[unit], campaigns=[campaign], clusters=[cluster], source="Bill 99",
        actor=STEWARD)
    app.disputes.table_law(law, on=date(2025, 10, 7), source="Hansard", actor=STEWARD)
    app.disputes.pass_law(law, on=date(2025, 10, 8), source="royal assent", actor=STEWARD)
    app.disputes.strike_down_law(law, on=date(2026, 6, 1), source="2026 ONSC 1", actor=STEWARD,
                                 court="Superior Court of Justice")
    app.disputes.repeal_law(law, on=date(2026, 7, 1), source="Bill 100", by="Bill 100",
                            deemed_never_in_force=True, actor=STEWARD)
    app.disputes.declare_lockout([unit], on=date(2025, 10, 6), source="employer's notice",
                                 made_by="City of Toronto", campaigns=campaign, actor=STEWARD)
    return law


def record_campaign(app: BargainingApp, units: list[UUID]) -> UUID:
    ladder = Ladder((Rung("meeting", 1), Rung("strike vote", 50, RungKind.STRIKE_VOTE),
                     Rung("strike", 60, RungKind.STRIKE)))
    campaign = app.campaigns.launch(name="Fair deal now", units=units, ladder=ladder,
                                    on=date(2025, 9, 1), actor=CHAIR)
    app.campaigns.change_climb_share(campaign, 50, on=date(2025, 9, 2), actor=CHAIR)
    app.campaigns.change_ladder(campaign, Ladder((Rung("meeting", 2), *ladder.rungs[1:])),
                                on=date(2025, 9, 3), actor=CHAIR, reason="a meeting is easy here")
    cancelled = app.campaigns.plan_action(campaign, name="Town hall", rung="meeting",
                                          on=date(2025, 9, 10), units=[PlannedUnit(units[0])],
                                          actor=ORGANIZER)
    app.campaigns.cancel_action(campaign, cancelled, actor=ORGANIZER, reason="the hall was booked")
    held = app.campaigns.plan_action(campaign, name="Lunch meetings", rung="meeting",
                                     on=date(2025, 9, 17), units=[PlannedUnit(u) for u in units],
                                     actor=ORGANIZER)
    app.campaigns.hold_action(campaign, held, [Turnout(u, 100, 40) for u in units], actor=ORGANIZER)
    app.campaigns.escalate(campaign, on=date(2025, 9, 20), actor=CHAIR)
    app.campaigns.record_mandate(campaign, Vote(date(2025, 10, 1), Tally(eligible=200, cast=190,
                                                                         yes=180, no=10)),
                                 scope="a strike", actor=CHAIR)
    app.campaigns.escalate(campaign, on=date(2025, 10, 2), actor=CHAIR)
    app.campaigns.enter_strike(campaign, units[0], on=date(2025, 10, 6), actor=CHAIR)
    app.campaigns.return_from_strike(campaign, units[0], on=date(2025, 10, 9), actor=CHAIR)
    app.campaigns.pause(campaign, on=date(2025, 10, 10), actor=CHAIR, reason="talks resume")
    app.campaigns.resume(campaign, on=date(2025, 10, 20), actor=CHAIR)
    app.campaigns.de_escalate(campaign, on=date(2025, 10, 21), actor=CHAIR)
    app.campaigns.remove_unit(campaign, units[1], on=date(2025, 10, 22), actor=CHAIR)
    app.campaigns.conclude(campaign, Outcome.WON, on=date(2025, 10, 30), actor=CHAIR)
    return campaign
