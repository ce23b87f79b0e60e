"""The record of a redaction: the free text of one record's version made unreadable.

A reason given to a command can say what must not stay ("Marie on nights is wavering"). A
committee decides to redact it: the key the version's free text was sealed with is deleted in
the same transaction as this record's event, and the text then reads as "[redacted]" in every
record, history entry and export. The redaction names the record and version, who decided, the
day, and its reason as one of :class:`RedactionReason`'s choices: never free text, which would
be kept and could say again what was redacted.
"""

from __future__ import annotations

import enum
from datetime import date
from typing import Any
from uuid import UUID

from eventsourcing.domain import Aggregate, event

from bargaining.domain.shared.actor import Actor, require_actor
from bargaining.domain.shared.dates import require_date
from bargaining.domain.shared.errors import InvalidInput, term


class RedactionReason(enum.Enum):
    """Why free text was redacted: a choice, so the redaction itself says nothing more."""

    ABOUT_A_PERSON = "it was about a person"
    PERSON_ASKED = "the person it concerned asked"
    HARMFUL = "it could harm someone if read"
    RECORDED_BY_MISTAKE = "it was recorded by mistake"


def require_redaction_reason(value: object) -> RedactionReason:
    if isinstance(value, RedactionReason):
        return value
    raise InvalidInput.worded("a redaction's reason is one of RedactionReason's choices, not "
                              "free text (free text would be kept, and could say again what was "
                              "redacted)")


class Redaction(Aggregate):
    """One record's version's free text redacted, under an id derived from them (keyed on an
    encrypted store), so a second redaction of the same version is found, not recorded."""

    @classmethod
    def record(cls, redaction_id: UUID, *, record: UUID, version: int, actor: Actor, on: date,
               reason: RedactionReason) -> Redaction:
        kind: Any = cls  # the event class is made by the @event decorator below
        made: Redaction = kind._create(
            kind.Redacted, id=redaction_id, record=record, version=version,
            actor=require_actor(actor), on=require_date(on, term("day of the redaction")),
            ground=require_redaction_reason(reason))
        return made

    @event("Redacted")
    def __init__(self, *, record: UUID, version: int, actor: Actor, on: date,
                 ground: RedactionReason) -> None:
        self.redacted_record = record
        self.redacted_version = version
        self.on = on
        self.ground = ground
