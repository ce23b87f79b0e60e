"""A cluster campaign climbs the escalation ladder, from a petition to an escalating strike.

Run:  .venv/bin/python examples/escalation.py [--db escalation.sqlite]

The story: three long-term care units in one bargaining cluster launch a joint campaign on the
design guide's default ladder. Each climb is earned by a structure test (an action whose
turnout, per unit and per work group, reaches the rung's threshold). At Red Shirt Friday the
Toronto homes fall short and hold the whole cluster back; the readiness report shows where
organizers should go next (the "biggest worst"). The delegates' assembly votes to climb anyway,
and the override is recorded with who decided, the mandate and why. Strike votes "up to and
including an unlimited general strike" follow; a legal majority at Toronto is not yet the 85%
of eligible members the ladder asks for, so Toronto votes again. Then the strike escalates,
one home a week, until the tables settle. The campaign holds counts only, never names.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from uuid import UUID

from bargaining import (
    Actor,
    BargainingApp,
    BargainingError,
    Outcome,
    StructureTest,
    Tally,
    Turnout,
    Vote,
)

COMMITTEE = [Actor("c-1", "cluster co-chair (CUPE)"), Actor("c-2", "cluster co-chair (SEIU)")]
ORGANIZER = Actor("o-1", "lead organizer")
STEWARD = Actor("d-1", "data steward")
SCOPE = "up to and including an unlimited general strike"

#: unit name -> {work group: eligible workers}
GROUPS = {
    "Sudbury LTC": {"personal support": 180, "nursing": 70, "dietary": 50},
    "Ottawa LTC": {"personal support": 260, "nursing": 120, "housekeeping": 70},
    "LTC homes": {"personal support": 1400, "nursing": 1000, "dietary": 400,
                  "housekeeping": 400},
}


def heading(text: str) -> None:
    print(f"\n== {text}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", default="escalation.sqlite")
    db = Path(parser.parse_args().db)
    for leftover in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
        leftover.unlink(missing_ok=True)
    app = BargainingApp(str(db))
    chair = COMMITTEE[0]

    heading("A cluster of three long-term care units")
    units: dict[str, UUID] = {}
    for union, local, employer, name in [
        ("SEIU", "2", "Extendicare", "Sudbury LTC"),
        ("SEIU", "2", "Sienna Senior Living", "Ottawa LTC"),
        ("CUPE", "79", "City of Toronto", "LTC homes"),
    ]:
        workers = sum(GROUPS[name].values())
        uid = app.units.register(union=union, local=local, employer=employer, unit_name=name,
                                 sector="long-term care", region="ON", headcount=workers,
                                 actor=STEWARD)
        app.units.record_agreement(uid, effective=date(2023, 4, 1), expiry=date(2026, 2, 28),
                                   actor=STEWARD)
        units[name] = uid
        print(f"  {app.units.get(uid).label}: {workers} workers in "
              f"{', '.join(GROUPS[name])}")
    cluster = app.clusters.form(
        name="Ontario care 2026", sectors=["long-term care"], committee=COMMITTEE,
        window_start=date(2026, 1, 1), window_end=date(2026, 6, 30),
        target_alignment=date(2029, 3, 31), actor=chair, on=date(2025, 11, 1))
    for uid in units.values():
        app.clusters.admit(cluster, uid, actor=chair, on=date(2025, 11, 1))

    heading("The campaign launches on the default ladder")
    campaign = app.campaigns.launch(name="Care can't wait", cluster=cluster,
                                    on=date(2025, 9, 2), actor=chair,
                                    reason="a common expiry on 2026-02-28; no home left alone")
    found = app.campaigns.get(campaign)
    print(f"  '{found.name}' for {len(found.units)} units; ladder: {found.ladder.describe()}")

    def hold(name: str, on: date, shares: dict[str, dict[str, int] | int]) -> StructureTest:
        """Plan and hold an action on the current rung: per unit, the participants of each
        work group (a dict) or of the unit as a whole (an int, of all its workers)."""
        rung = app.campaigns.get(campaign).rung.name
        plan = {units[u]: list(v) if isinstance(v, dict) else [] for u, v in shares.items()}
        number = app.campaigns.plan_action(campaign, name=name, rung=rung, on=on, units=plan,
                                           actor=ORGANIZER)
        counts = []
        for unit, took_part in shares.items():
            if isinstance(took_part, dict):
                counts += [Turnout(units[unit], GROUPS[unit][g], p, g)
                           for g, p in took_part.items()]
            else:
                counts.append(Turnout(units[unit], sum(GROUPS[unit].values()), took_part))
        test = app.campaigns.hold_action(campaign, number, counts, actor=ORGANIZER)
        print(f"  {test.explain()}")
        for result in test.units:
            label = app.campaigns.get(campaign).label(result.unit_id)
            verdict = "passed" if result.passed else "short"
            print(f"    {label}: {result.participants} of {result.eligible} "
                  f"({float(result.share):.1f}%) {verdict}")
        return test

    def climb(on: date, **override: object) -> None:
        app.campaigns.escalate(campaign, on=on, actor=chair, **override)  # type: ignore[arg-type]
        print(f"  {on}: climbed to '{app.campaigns.get(campaign).rung.name}'")

    heading("Organizing meetings and cards")
    hold("Organizing meetings", date(2025, 9, 10),
         {"Sudbury LTC": 21, "Ottawa LTC": 30, "LTC homes": 160})
    climb(date(2025, 9, 11))
    hold("Card drive", date(2025, 9, 24),
         {"Sudbury LTC": 150, "Ottawa LTC": 190, "LTC homes": 900})
    climb(date(2025, 9, 26))

    heading("A majority petition")
    hold("Petition for safe staffing", date(2025, 10, 15),
         {"Sudbury LTC": 216, "Ottawa LTC": 288, "LTC homes": 1700})
    climb(date(2025, 10, 20))

    heading("Red Shirt Friday: Toronto holds the cluster back")
    hold("Red Shirt Friday", date(2025, 11, 7), {
        "Sudbury LTC": {"personal support": 135, "nursing": 48, "dietary": 30},
        "Ottawa LTC": {"personal support": 180, "nursing": 75, "housekeeping": 42},
        "LTC homes": {"personal support": 840, "nursing": 430, "dietary": 250,
                      "housekeeping": 260},
    })
    try:
        app.campaigns.escalate(campaign, on=date(2025, 11, 10), actor=chair)
    except BargainingError as refused:
        print(f"  climb refused: {refused}")
    print()
    print(app.campaigns.readiness(campaign).table())

    heading("A second Red Shirt Friday in Toronto: closer, still short")
    hold("Red Shirt Friday, Toronto", date(2025, 11, 21), {
        "LTC homes": {"personal support": 860, "nursing": 540, "dietary": 250,
                      "housekeeping": 250},
    })

    heading("The delegates vote to climb together: an override with a recorded mandate")
    delegates = Vote(date(2025, 11, 25), Tally(eligible=50, cast=50, yes=41, no=9))
    climb(date(2025, 11, 25), mandate=delegates,
          reason="Toronto is 20 short; the delegates voted to rally together while the nursing "
                 "drive continues")
    override = app.campaigns.get(campaign).overrides[-1]
    assert override.override is not None
    print(f"  override by {override.by}: {override.override.why}")
    print(f"  mandate: {override.override.mandate.explain()}")

    heading("Rallies and a work-to-rule")
    hold("March on the boss", date(2025, 12, 10),
         {"Sudbury LTC": 240, "Ottawa LTC": 351, "LTC homes": 2500})
    climb(date(2025, 12, 12))
    hold("Work-to-rule", date(2026, 1, 14),
         {"Sudbury LTC": 255, "Ottawa LTC": 378, "LTC homes": 2620})
    climb(date(2026, 1, 16))

    heading(f"Strike votes, {SCOPE}")
    for name, held_on, tally in [
        ("Sudbury LTC", date(2026, 1, 26), Tally(eligible=300, cast=290, yes=276, no=14)),
        ("Ottawa LTC", date(2026, 1, 28), Tally(eligible=450, cast=430, yes=396, no=34)),
        ("LTC homes", date(2026, 2, 2), Tally(eligible=3200, cast=2900, yes=2590, no=300,
                                              spoiled=10)),
    ]:
        vote = Vote(held_on, tally)
        app.campaigns.record_mandate(campaign, vote, unit=units[name], scope=SCOPE, actor=chair)
        print(f"  {name}: {vote.explain()}")
    report = app.campaigns.readiness(campaign)
    print(f"  {len(report.ready)} of {len(report.units)} units ready; held back by "
          f"{'; '.join(report.held_back_labels)} (a legal majority, but not 85% of eligible)")
    revote = Vote(date(2026, 2, 16), Tally(eligible=3200, cast=3050, yes=2820, no=220, spoiled=10))
    app.campaigns.record_mandate(campaign, revote, unit=units["LTC homes"], scope=SCOPE,
                                 actor=chair,
                       reason="a second vote after a month of one-on-one conversations")
    print(f"  LTC homes, again: {revote.explain()}")
    climb(date(2026, 2, 17))

    heading("An escalating strike: one home a week")
    for name, walked_out in [("Sudbury LTC", date(2026, 3, 2)),
                             ("Ottawa LTC", date(2026, 3, 9)),
                             ("LTC homes", date(2026, 3, 16))]:
        app.campaigns.enter_strike(campaign, units[name], on=walked_out, actor=chair)
        striking = [line.label for line in app.campaigns.readiness(campaign, on=walked_out).units
                    if line.on_strike]
        print(f"  {walked_out}: {name} walks out; on strike: {len(striking)} of 3 units")
    hold("Picket lines, week 3", date(2026, 3, 18),
         {"Sudbury LTC": 285, "Ottawa LTC": 420, "LTC homes": 2950})
    print()
    print(app.campaigns.readiness(campaign).table())

    heading("Participation over time at the Toronto homes")
    for point in app.campaigns.participation_series(campaign, unit=units["LTC homes"]):
        mark = "passed" if point.passed else "short"
        print(f"  {point.on}  {point.name:<28} {point.participants:>5} of {point.eligible}  "
              f"{float(point.share):5.1f}%  ({point.rung}, {float(point.threshold):.0f}%: "
              f"{mark})")

    heading("The tables settle; the campaign concludes")
    app.campaigns.conclude(campaign, Outcome.SETTLED, on=date(2026, 3, 30), actor=chair,
                           reason="tentative agreements ratified at every table")
    found = app.campaigns.get(campaign)
    for unit in found.units.values():
        for spell in unit.spells:
            print(f"  {unit.label}: on strike {spell.start} to {spell.end}")
    print(f"  concluded: {found.outcome.value if found.outcome else '?'}; "
          f"{len(app.history.of(campaign))} entries in the campaign's history")
    try:
        app.campaigns.escalate(campaign, on=date(2026, 4, 1), actor=chair)
    except BargainingError as refused:
        print(f"  afterwards: {refused}")
    app.close()


if __name__ == "__main__":
    main()
