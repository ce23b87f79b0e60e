"""Training sessions and mentoring pairs.

- A **training session** is held on a day on a topic, by a trainer, for trainees: people by
  their opaque ids only (how many were trained is derived, never typed). A sign-in sheet found
  later adds trainees to it.
- A **mentoring pair** is a mentor and a mentee, from a day until the day it ends.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from eventsourcing.domain import Aggregate, event

from bargaining.domain.shared.actor import Actor, clean_reason, require_actor
from bargaining.domain.shared.dates import require_date
from bargaining.domain.shared.errors import InvalidInput, RuleViolation
from bargaining.domain.shared.people import person_id
from bargaining.domain.training.words import named, not_before, optional_local, people


class TrainingSession(Aggregate):
    """One training session: its topic, day, trainer and trainees."""

    @classmethod
    def hold(cls, *, topic: str, on: date, trainer: str, trainees: Sequence[str],
             actor: Actor, local: str | None = None,
             reason: str | None = None) -> TrainingSession:
        """A session on ``topic`` held on ``on`` by ``trainer`` for ``trainees`` (ids)."""
        who = person_id(trainer, "trainer's id")
        trained = people(trainees, "trainees")
        if who in trained:
            raise InvalidInput("the trainer is not one of their own trainees")
        return cls(topic=named(topic, "session's topic"),
                   on=require_date(on, "day the session was held"), trainer=who,
                   trainees=trained, local=optional_local(local), actor=require_actor(actor),
                   reason=clean_reason(reason))

    @event("Held")
    def __init__(self, *, topic: str, on: date, trainer: str, trainees: list[str],
                 local: str | None, actor: Actor, reason: str | None) -> None:
        self.topic = topic
        self.held_on = on
        self.trainer = trainer
        self.local = local
        #: The people trained, by id, in the order recorded.
        self.trainees: list[str] = list(trainees)

    @property
    def trained(self) -> int:
        """How many were trained."""
        return len(self.trainees)

    def add_trainees(self, *, trainees: Sequence[str], actor: Actor,
                     reason: str | None = None) -> None:
        """More people trained at this session (a sign-in sheet found later): the event
        carries the session's day, on which they were trained."""
        more = people(trainees, "trainees")
        again = [p for p in more if p in self.trainees or p == self.trainer]
        if again:
            raise RuleViolation(f"{len(again)} of them already took part in the session on "
                                f"'{self.topic}' of {self.held_on}")
        self._added(trainees=more, on=self.held_on, actor=require_actor(actor),
                    reason=clean_reason(reason))

    @event("TraineesAdded")
    def _added(self, trainees: list[str], on: date, actor: Actor, reason: str | None) -> None:
        # ``on`` is the session's day: they were trained then, whenever it was recorded
        self.trainees.extend(trainees)


class Mentoring(Aggregate):
    """A mentor and a mentee, from a day until the pair ends."""

    @classmethod
    def pair(cls, *, mentor: str, mentee: str, starts: date, actor: Actor,
             local: str | None = None, reason: str | None = None) -> Mentoring:
        """``mentor`` mentors ``mentee`` from ``starts``."""
        guide, learner = person_id(mentor, "mentor's id"), person_id(mentee, "mentee's id")
        if guide == learner:
            raise InvalidInput("a mentor and a mentee are two people")
        return cls(mentor=guide, mentee=learner,
                   starts=require_date(starts, "first day of the mentoring"),
                   local=optional_local(local), actor=require_actor(actor),
                   reason=clean_reason(reason))

    @event("Paired")
    def __init__(self, *, mentor: str, mentee: str, starts: date, local: str | None,
                 actor: Actor, reason: str | None) -> None:
        self.mentor = mentor
        self.mentee = mentee
        self.starts = starts
        self.local = local
        self.ends: date | None = None

    def active_on(self, day: date) -> bool:
        """Whether the pair was mentoring on ``day``."""
        return self.starts <= day and (self.ends is None or day <= self.ends)

    def end(self, *, on: date, actor: Actor, reason: str | None = None) -> None:
        """The pair's last day of mentoring."""
        if self.ends is not None:
            raise RuleViolation(f"this mentoring already ended on {self.ends}")
        last = not_before(on, self.starts, "last day of the mentoring", "its first day")
        self._ended(on=last, actor=require_actor(actor), reason=clean_reason(reason))

    @event("Ended")
    def _ended(self, on: date, actor: Actor, reason: str | None) -> None:
        self.ends = on
