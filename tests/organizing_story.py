"""An organizing story that records every kind of event of area teams and workplaces, through
the application's commands: for the history, audit log and snapshot tests."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from bargaining import (
    Actor,
    BargainingApp,
    GroupTest,
    MapCount,
    PersonalData,
    PlanGoal,
    TeamRole,
)

ORGANIZER = Actor("o-9", "area team organizer")


def record_organizing_story(app: BargainingApp) -> tuple[UUID, UUID]:
    """A team through its life (members join and leave, a local and a workplace supported and
    let go) and a workplace mapped, with a leader identified, proven, active and gone.
    Returns (team, workplace)."""
    org = app.organizing
    team = org.form_team(name="Laval warehouses", kind="region", area="Laval",
                         on=date(2023, 9, 1), actor=ORGANIZER)
    org.join(team, person="p-1", role=TeamRole.ORGANIZER, on=date(2023, 9, 1), actor=ORGANIZER)
    org.join(team, person="p-2", role="volunteer", on=date(2023, 9, 5), actor=ORGANIZER)
    org.leave(team, person="p-2", on=date(2024, 1, 5), actor=ORGANIZER, reason="moved away")
    org.support_local(team, local="CSN local 1", on=date(2023, 9, 10), actor=ORGANIZER)
    org.end_local_support(team, local="CSN local 1", on=date(2024, 6, 1), actor=ORGANIZER)
    place = org.register_workplace(name="DXT4", employer="Amazon", region="Laval",
                                   sector="warehousing", actor=ORGANIZER)
    org.support_workplace(team, workplace=place, on=date(2023, 10, 1), actor=ORGANIZER)
    org.add_group(place, name="Nights", kind="shift", workers=60, on=date(2023, 10, 1),
                  actor=ORGANIZER)
    org.record_map(place, group="Nights", on=date(2023, 12, 1), actor=ORGANIZER,
                   count=MapCount(workers=60, mapped=48, contacts=40, support=(20, 10, 6, 2, 1),
                                  leaders=4))
    org.identify_leader(place, group="Nights", person="w-17", on=date(2023, 12, 1),
                        actor=ORGANIZER, personal=PersonalData("w-17", name="A. Worker",
                                                               assessment=1))
    org.hold_test(place, GroupTest(group="Nights", kind="majority petition", eligible=60,
                                   participants=41, on=date(2024, 2, 1), leader="w-17"),
                  actor=ORGANIZER)
    org.take_part(place, people=["w-17"], activity="button day", on=date(2024, 3, 1),
                  actor=ORGANIZER)
    plan = org.adopt_plan(local="CSN local 1", name="Certify DXT4", on=date(2023, 11, 1),
                          goals=[PlanGoal.map(place, by=date(2024, 1, 31))], actor=ORGANIZER)
    org.add_goal(plan, goal=PlanGoal.petition(place), on=date(2023, 12, 1), actor=ORGANIZER)
    org.end_plan(plan, on=date(2024, 5, 31), actor=ORGANIZER, reason="achieved: certified")
    org.leader_left(place, person="w-17", on=date(2025, 2, 1), actor=ORGANIZER,
                    reason="the warehouse closed")
    org.end_workplace_support(team, workplace=place, on=date(2025, 3, 1), actor=ORGANIZER)
    return team, place
