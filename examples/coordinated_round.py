"""A coordinated round: long-term care and municipal units bargain under one framework and pact.

Run:  .venv/bin/python examples/coordinated_round.py [--db coordinated-round.sqlite]

The story: members ratify a shared framework (wages judged over the term against a
purchasing-power floor, care hours, no contracting out, no two-tier); a cluster forms and adopts
it with a pact (sign-off, no deal until every table settles, me-too on wages); an employer's
offer is judged below floor; a below-floor tentative agreement is refused sign-off, then a
better one goes through; tables ratify; a later, better settlement earns an earlier unit me-too.
"""

from __future__ import annotations

import argparse
from datetime import date
from fractions import Fraction
from pathlib import Path

from bargaining import (
    NO_TWO_TIER,
    Actor,
    Amount,
    BargainingApp,
    Category,
    Clause,
    CompoundIncrease,
    Demand,
    Increases,
    PactRule,
    Protection,
    Quantity,
    Tally,
    Terms,
    Threshold,
    Tiered,
    Vote,
)

COMMITTEE = [Actor("c-1", "cluster co-chair (CUPE)"), Actor("c-2", "cluster co-chair (SEIU)")]
STEWARD = Actor("d-1", "data steward")


def heading(text: str) -> None:
    print(f"\n== {text}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", default="coordinated-round.sqlite")
    db = Path(parser.parse_args().db)
    for leftover in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
        leftover.unlink(missing_ok=True)
    app = BargainingApp(str(db))
    chair = COMMITTEE[0]

    heading("Units and their expiring agreements")
    units = {}
    for union, local, employer, name, sector, workers, expiry in [
        ("SEIU", "2", "Extendicare", "Sudbury LTC", "long-term care", 300, date(2026, 3, 31)),
        ("SEIU", "2", "Sienna Senior Living", "Ottawa LTC", "long-term care", 450,
         date(2026, 4, 30)),
        ("CUPE", "79", "City of Toronto", "LTC homes", "municipal", 3200, date(2026, 3, 31)),
    ]:
        uid = app.units.register(union=union, local=local, employer=employer, unit_name=name,
                                 sector=sector, region="ON", headcount=workers, actor=STEWARD)
        app.units.record_agreement(uid, effective=date(2023, 4, 1), expiry=expiry, actor=STEWARD)
        units[name] = uid
        print(f"  {app.units.get(uid).label}: {workers} workers, expires {expiry}")

    heading("A shared demand framework, ratified by members")
    demands = [
        Demand("wages", Category.WAGES, CompoundIncrease(floor=16.4, target=21.5),
               "protect purchasing power over the term, then catch up"),
        Demand("care hours", Category.STAFFING,
               Quantity("hours of direct care per resident per day", floor=4.0, target=4.1)),
        Demand("contracting out", Category.CONTRACTING_OUT, Protection("no contracting out")),
        Demand("two-tier", Category.JOB_SECURITY, Protection(NO_TWO_TIER)),
    ]
    framework = app.frameworks.draft(name="Care and City 2026", sectors=["long-term care",
                                    "municipal"], demands=demands, actor=chair)
    vote = Vote(date(2025, 11, 20), Tally(eligible=3950, cast=2600, yes=2350, no=230,
                spoiled=20), Threshold.majority_of_cast(), quorum=Fraction(100, 3))
    app.frameworks.record_vote(framework, 1, vote, actor=chair)
    print(f"  version 1 ratified: {vote.explain()}")

    heading("The cluster forms, admits units, adopts the framework and a pact")
    cluster = app.clusters.form(
        name="Ontario care 2026", sectors=["long-term care", "municipal"], committee=COMMITTEE,
        window_start=date(2026, 1, 1), window_end=date(2026, 6, 30),
        target_alignment=date(2029, 3, 31), actor=chair, on=date(2025, 11, 1))
    for uid in units.values():
        app.clusters.admit(cluster, uid, actor=chair, on=date(2025, 11, 1))
    app.clusters.adopt_framework(cluster, framework, 1, actor=chair, on=date(2025, 11, 1))
    app.clusters.adopt_pact(cluster, [PactRule.SIGN_OFF, PactRule.NO_DEAL_UNTIL_ALL_SETTLE,
                                      PactRule.ME_TOO, PactRule.NON_RAIDING],
                   me_too_demands=["wages", "care hours"], actor=chair, on=date(2025, 11, 1))
    for uid in units.values():
        app.clusters.sign_pact(cluster, uid, on=date(2025, 12, 1), actor=chair)
    print(f"  {len(units)} units admitted and signed; pact: sign-off, no deal until every table "
          "settles, me-too on wages and care hours, non-raiding")

    rounds = {name: app.rounds.open(uid, on=date(2026, 1, 5), cluster=cluster,
                                    actor=chair) for name, uid in units.items()}

    heading("Extendicare's offer, judged against the framework")
    offer = Terms.of(wages=Increases([2, 2, 1.5, 1.5, 2]),
                     **{"care hours": Amount(3.6), "contracting out": Clause(False)})
    evaluation = app.rounds.record_offer(rounds["Sudbury LTC"], offer, on=date(2026, 2, 2),
                                         actor=chair)
    assert evaluation is not None
    print(evaluation.explain())

    heading("A two-tier tentative agreement at Extendicare: refused sign-off")
    two_tier = Terms.of(
        wages=Tiered(Increases([4, 4, 4, 4]), date(2026, 4, 1), Increases([2, 2, 2, 2])),
        **{"care hours": Amount(4.0), "contracting out": Clause(True),
           "two-tier": Clause(True)})
    evaluation = app.rounds.reach_tentative_agreement(
        rounds["Sudbury LTC"], two_tier, on=date(2026, 3, 10),
        effective=date(2026, 4, 1), expiry=date(2029, 3, 31), actor=chair)
    assert evaluation is not None
    print(evaluation.explain())
    committee_vote = Vote(date(2026, 3, 12), Tally(eligible=12, cast=12, yes=1, no=11, spoiled=0))
    table = next(t for t in app.clusters.status(cluster).tables
                 if t.unit_id == units["Sudbury LTC"])
    print(f"  the table at {table.label}: {table.status.value if table.status else 'no table'}")
    app.clusters.decide_sign_off(cluster, rounds["Sudbury LTC"], approved=False,
                                 vote=committee_vote,
                        actor=chair, reason="two-tier wages break the pact")
    print(f"  committee refused sign-off: {committee_vote.explain()}")

    heading("A better tentative agreement: approved, then ratified")
    better = Terms.of(wages=Increases([4, 4, 4.5, 4.5]),
                      **{"care hours": Amount(3.9), "contracting out": Clause(True),
                         "two-tier": Clause(True)})
    evaluation = app.rounds.reach_tentative_agreement(
        rounds["Sudbury LTC"], better, on=date(2026, 3, 20),
        effective=date(2026, 4, 1), expiry=date(2029, 3, 31), actor=chair)
    assert evaluation is not None
    print(evaluation.explain())
    approve = Vote(date(2026, 3, 21), Tally(eligible=12, cast=12, yes=10, no=2, spoiled=0))
    app.clusters.decide_sign_off(cluster, rounds["Sudbury LTC"], approved=True, vote=approve,
                                 actor=chair, reason="care hours 0.1 short, phased in by 2027 in a "
                                 "letter of understanding; wages above the floor")
    print(f"  committee approved sign-off: {approve.explain()}")
    ratify = Vote(date(2026, 3, 28), Tally(eligible=300, cast=260, yes=220, no=38, spoiled=2))
    app.rounds.record_ratification_vote(rounds["Sudbury LTC"], ratify, actor=chair)
    print(f"  Sudbury LTC ratified: {ratify.explain()}")
    print(app.clusters.status(cluster).explain())

    heading("The other tables settle; a better later settlement earns me-too")
    strong = Terms.of(wages=Increases([5, 5, 4.5, 4.5]),
                      **{"care hours": Amount(4.2), "contracting out": Clause(True),
                         "two-tier": Clause(True)})
    for name in ("LTC homes", "Ottawa LTC"):
        evaluation = app.rounds.reach_tentative_agreement(
            rounds[name], strong, on=date(2026, 4, 20), effective=date(2026, 5, 1),
            expiry=date(2029, 3, 31), actor=chair)
        assert evaluation is not None
        print(f"  {name}: {evaluation.overall.value}")
        app.rounds.record_ratification_vote(rounds[name], Vote(date(2026, 4, 28),
                                     Tally(eligible=1000, cast=800, yes=700, no=95,
                                           spoiled=5)), actor=chair)
    print(app.clusters.status(cluster).explain())

    heading("The Expiry Map moved: every unit now expires on the aligned date")
    for unit in app.expiry_map.expiring(date(2029, 1, 1), date(2029, 12, 31)):
        print(f"  {unit.label}: expires {unit.expiry}")
    app.close()


if __name__ == "__main__":
    main()
