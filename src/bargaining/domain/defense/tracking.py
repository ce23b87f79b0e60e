"""Where the rapid response has got to in the log: the last threat registration it handled.

One record, at a fixed id, saved in the same transaction as the responses each step proposes:
a step is recorded whole or not at all, a process that crashed resumes from the last step
recorded, and two processes that take the same step conflict on this record, so the loser
records nothing. Its position only moves forwards.
"""

from __future__ import annotations

import uuid
from uuid import UUID

from eventsourcing.domain import Aggregate, event

from bargaining.domain.shared.actor import Actor, require_actor
from bargaining.domain.shared.errors import RuleViolation

TRACKING_ID = uuid.UUID("8a7e6a3c-1f0b-5a7e-9c4d-2b6f1e0d9a35")


class ResponseTracking(Aggregate):
    """The rapid response's position in the log, and what each step did."""

    @staticmethod
    def create_id(**_: object) -> UUID:
        return TRACKING_ID

    @classmethod
    def start(cls, *, actor: Actor) -> ResponseTracking:
        return cls(name="the rapid response", actor=require_actor(actor))

    @event("Started")
    def __init__(self, *, name: str, actor: Actor) -> None:
        self.name = name
        self.position = 0
        self.steps = 0

    def advance(self, position: int, *, threat_id: UUID, proposed: list[UUID], note: str,
                actor: Actor) -> None:
        """The registration at ``position`` is handled: ``proposed`` the responses it made,
        ``note`` why (the template matched, or why none was)."""
        if isinstance(position, bool) or not isinstance(position, int) or (
                position <= self.position):
            raise RuleViolation.worded("the rapid response has handled the log to position "
                                       "{position}; it never goes back to {position2}",
                                       position=self.position, position2=repr(position))
        self._advanced(position=position, threat_id=threat_id, proposed=proposed, note=note,
                       actor=require_actor(actor))

    @event("Advanced")
    def _advanced(self, position: int, threat_id: UUID, proposed: list[UUID], note: str,
                  actor: Actor) -> None:
        self.position = position
        self.steps += 1
