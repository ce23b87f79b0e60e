"""A read of a workplace's history that shows a leader's data to its organizer (recorded),
and a retention run that erases a leader inactive since 2019: for the history, audit log and
snapshot tests, through the application's commands."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from bargaining import Actor, BargainingApp, PersonalData, Reader, RetentionPolicy

READER = Reader("o-read", "organizer")


def record_reading_story(app: BargainingApp, actor: Actor) -> UUID:
    """Returns the workplace read."""
    org = app.organizing
    team = org.form_team(name="Sherbrooke warehouses", kind="region", area="Estrie",
                         on=date(2019, 1, 10), actor=actor)
    org.join(team, person="o-read", role="organizer", on=date(2019, 1, 10), actor=actor)
    place = org.register_workplace(name="YUL9", employer="a warehouse", actor=actor)
    org.support_workplace(team, workplace=place, on=date(2019, 2, 1), actor=actor)
    org.add_group(place, name="Days", kind="shift", workers=40, on=date(2019, 2, 1),
                  actor=actor)
    org.identify_leader(place, group="Days", person="w-old", on=date(2019, 3, 1), actor=actor,
                        personal=PersonalData("w-old", name="Old Leader", assessment=1))
    app.history.of(place, reader=READER)
    app.people.apply_retention(RetentionPolicy.years(3), on=date(2026, 6, 4), actor=actor)
    return place
