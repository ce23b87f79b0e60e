"""Who read whose personal data: one record per read that revealed it.

Every read that shows a person's data to a reader (a record's history, the audit log or its
export, a report) is recorded: who read (the reader's id and role), whose data (the people's
opaque ids, never their data), through what, and the record read. Each read is a record of its
own under a random id, written once and never loaded to be changed, so recording it costs one
insert; an auditor finds a person's reads by reading these records.
"""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import UUID, uuid4

from eventsourcing.domain import Aggregate, event

from bargaining.domain.shared.actor import Actor, require_actor
from bargaining.domain.shared.dates import require_date
from bargaining.domain.shared.errors import InvalidInput, term
from bargaining.domain.shared.people import person_id

#: How personal data can be read: through what.
THROUGH = ("history", "audit log", "report")


class PersonalDataRead(Aggregate):
    """One read that showed people's data to a reader."""

    @classmethod
    def write(cls, *, reader: Actor, people: list[str], through: str, record: UUID | None,
               on: date) -> PersonalDataRead:
        if through not in THROUGH:
            raise InvalidInput.worded("personal data is read through one of {through}",
                                      through=', '.join(THROUGH))
        if not people:
            raise InvalidInput.worded("a read that revealed personal data names whose")
        kind: Any = cls  # the event class is made by the @event decorator below
        made: PersonalDataRead = kind._create(
            kind.Recorded, id=uuid4(), actor=require_actor(reader),
            people=tuple(sorted({person_id(p) for p in people})), through=through,
            record=record, on=require_date(on, term("day of the read")))
        return made

    @event("Recorded")
    def __init__(self, *, actor: Actor, people: tuple[str, ...], through: str,
                 record: UUID | None, on: date) -> None:
        self.reader = actor
        self.people = tuple(people)
        self.through = through
        self.read_record = record
        self.on = on
