"""The record of a person's erasure: who decided it, on what day, and why.

Erasing a person deletes the key their data is sealed with (the person-key vault does that in
the same transaction as this record's event), so the record holds nothing about the person:
not their data, not even their id. It is named by an opaque derivation of the id, so the next
erasure of the same person finds it, and a second erasure with nothing left to delete is
reported, not recorded again. Data sealed for the person after an erasure (a host recorded them
again) is erased by a later erasure, recorded as ``ErasedAgain``.
"""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import UUID

from eventsourcing.domain import Aggregate, event

from bargaining.domain.shared.actor import Actor, clean_reason, require_actor
from bargaining.domain.shared.dates import require_date
from bargaining.domain.shared.errors import term


class Erasure(Aggregate):
    """A person's erasures, under an id that does not reveal who."""

    @classmethod
    def record(cls, record_id: UUID, *, actor: Actor, on: date,
               reason: str | None = None) -> Erasure:
        kind: Any = cls  # the event classes are made by the @event decorators below
        made: Erasure = kind._create(kind.Erased, id=record_id, actor=require_actor(actor),
                                     on=require_date(on, term("day of the erasure")),
                                     reason=clean_reason(reason))
        return made

    @event("Erased")
    def __init__(self, *, actor: Actor, on: date, reason: str | None) -> None:
        self.erasures = [on]

    def again(self, *, actor: Actor, on: date, reason: str | None = None) -> None:
        """Erase data sealed for the person since the last erasure."""
        self._again(actor=require_actor(actor), on=require_date(on, term("day of the erasure")),
                    reason=clean_reason(reason))

    @event("ErasedAgain")
    def _again(self, *, actor: Actor, on: date, reason: str | None) -> None:
        self.erasures.append(on)
