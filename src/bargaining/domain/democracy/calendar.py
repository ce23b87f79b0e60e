"""A body's meetings of one year, listed by day: how the decisions of a period are found.

One calendar per body and year (its id derived from the two: :func:`calendar_id`), so a body
that meets weekly for forty years keeps records of one year's size: the body's own record does
not grow with its meetings, and reading a year's decisions reads that year's calendar only.
"""

from __future__ import annotations

import uuid
from datetime import date
from uuid import UUID

from eventsourcing.domain import Aggregate, event

from bargaining.domain.shared.actor import Actor, require_actor
from bargaining.domain.shared.dates import require_date
from bargaining.domain.shared.errors import InvalidInput, term


def calendar_id(body: UUID, year: int) -> UUID:
    """The id of a body's calendar of meetings for a year: a UUID 5 of the year, in the
    body's id as namespace."""
    return uuid.uuid5(body, f"meetings {year}")


class MeetingCalendar(Aggregate):
    """The meetings of one body in one year, by day."""

    @staticmethod
    def create_id(body_id: UUID, year: int, **_: object) -> UUID:
        return calendar_id(body_id, year)

    @classmethod
    def open(cls, *, body_id: UUID, year: int, actor: Actor) -> MeetingCalendar:
        """The calendar of ``body_id``'s meetings in ``year``, opened by its first meeting."""
        return cls(body_id=body_id, year=year, actor=require_actor(actor))

    @event("Opened")
    def __init__(self, *, body_id: UUID, year: int, actor: Actor) -> None:
        self.body_id = body_id
        self.year = year
        #: (day, meeting id) of each meeting of the year.
        self.meetings: list[tuple[date, str]] = []

    def list_meeting(self, *, meeting: UUID, on: date, actor: Actor) -> None:
        """A meeting of the body on ``on``, a day of this calendar's year."""
        day = require_date(on, term("day of the meeting"))
        if day.year != self.year:
            raise InvalidInput.worded("a meeting of {day} is listed in the calendar of {year}",
                                      day=day, year=day.year)
        self._listed(meeting=str(meeting), on=day, actor=require_actor(actor))

    @event("MeetingListed")
    def _listed(self, meeting: str, on: date, actor: Actor) -> None:
        self.meetings.append((on, meeting))
