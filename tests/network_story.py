"""The Ontario long-term care story of the organizer network's measures: an area team, its
locals and their homes, each local's president an elected officer, and a local organizing its
home from a plan: maps every month, rank-and-file leaders identified, proven by petitions and
taking part every month. Used by the Gherkin steps and the tests of ``app.network``."""

from __future__ import annotations

from datetime import date, timedelta
from uuid import UUID

from bargaining import Actor, BargainingApp, GroupTest, MapCount, PlanGoal

ORGANIZER = Actor("ltc-o1", "area team organizer")
GROUPS = ("Days", "Nights")
WORKERS = 30


def months_after(first: date, last: date, day: int) -> list[date]:
    """That day of every month after ``first``'s, up to ``last``."""
    found = []
    year, month = first.year, first.month
    while True:
        month += 1
        if month > 12:
            year, month = year + 1, 1
        when = date(year, month, day)
        if when > last:
            return found
        found.append(when)


def home(app: BargainingApp, team: UUID, local: str, since: date) -> UUID:
    """A local supported by the team, its home of two work groups of 30, and its president
    holding an elected role from 2023-01-01. Returns the home's id."""
    org = app.organizing
    org.support_local(team, local=local, on=since, actor=ORGANIZER)
    place = org.register_workplace(name=f"{local} home", employer="a long-term care operator",
                                   region="Ontario", sector="long-term care", actor=ORGANIZER)
    org.support_workplace(team, workplace=place, on=since, actor=ORGANIZER)
    for group in GROUPS:
        org.add_group(place, name=group, kind="shift", workers=WORKERS, on=since,
                      actor=ORGANIZER)
    board = app.democracy.form_body(organization=local, name="executive board",
                                    kind="executive board", actor=ORGANIZER)
    app.democracy.add_role(board, name="president", actor=ORGANIZER)
    app.democracy.fill_role(board, role="president", person=president(local),
                            starts=date(2023, 1, 1), filled_by="election",
                            rank="elected officer", first_role=False, actor=ORGANIZER)
    return place


def president(local: str) -> str:
    return "pres-" + local.split()[-1]


def goals(place: UUID, petition: date | None) -> list[PlanGoal]:
    """Map 80%, one leader per ten workers, a majority petition in every group."""
    return [PlanGoal.map(place, by=petition), PlanGoal.leaders(place),
            PlanGoal.petition(place, by=petition)]


def organize(app: BargainingApp, local: str, place: UUID, *, adopted: date, plan: str,
             leaders: int, petition: date | None, until: date) -> UUID:
    """The local's plan (``plan``: "working", "on paper" without a goal, "never worked"
    with goals and nothing done) and, when working, its home organized until ``until``.
    Returns the plan's id."""
    org = app.organizing
    if plan == "on paper":
        return org.adopt_plan(local=local, name="Organize the home", on=adopted, goals=[],
                              actor=ORGANIZER)
    made = org.adopt_plan(local=local, name="Organize the home", on=adopted,
                          goals=goals(place, petition), actor=ORGANIZER)
    if plan == "never worked":
        return made
    head = president(local)
    org.identify_leader(place, group=GROUPS[0], person=head, on=adopted, actor=ORGANIZER)
    org.take_part(place, people=[head], activity="the plan's launch", on=adopted,
                  actor=ORGANIZER)
    for k, day in enumerate(months_after(adopted, until, 1), start=1):
        for group in GROUPS:
            mapped = min(WORKERS, 18 + 3 * k)
            org.record_map(place, group=group, count=MapCount(workers=WORKERS, mapped=mapped),
                           on=day, actor=ORGANIZER)
    people = [f"r-{local.split()[-1]}-{n}" for n in range(1, leaders + 1)]
    for n, person in enumerate(people):
        org.identify_leader(place, group=GROUPS[n % 2], person=person,
                            on=adopted + timedelta(days=7), actor=ORGANIZER)
    if petition is not None:
        for n, person in enumerate(people):
            org.hold_test(place, GroupTest(group=GROUPS[n % 2], kind="majority petition",
                                           eligible=WORKERS, participants=20, on=petition,
                                           leader=person), actor=ORGANIZER)
        for day in months_after(petition, until, 15):
            org.take_part(place, people=people, activity="the monthly action", on=day,
                          actor=ORGANIZER)
    return made
