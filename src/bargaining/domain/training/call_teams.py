"""Call teams: members who phone co-workers, and how many calls they made and reached.

A team is formed on a day with its members (opaque ids); others join and members leave on
days. Calls are **counts** per member per day, never lists of who was called: reached can
never exceed made (refused), and calls are recorded only for a member of the team that day.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import attrs
from eventsourcing.domain import Aggregate, event

from bargaining.domain.shared.actor import Actor, clean_reason, require_actor
from bargaining.domain.shared.dates import require_date
from bargaining.domain.shared.errors import InvalidInput, RuleViolation
from bargaining.domain.shared.people import person_id
from bargaining.domain.shared.vote import whole_count
from bargaining.domain.training.words import named, not_before, optional_local, people


@attrs.frozen
class Membership:
    """One member's time on a call team, from ``joined`` to ``left`` (both included)."""

    person: str
    joined: date
    left: date | None = None

    def on(self, day: date) -> bool:
        return self.joined <= day and (self.left is None or day <= self.left)


@attrs.frozen
class Calls:
    """A member's calls on a day: made, and of those, reached."""

    person: str
    on: date
    made: int
    reached: int


class CallTeam(Aggregate):
    """A call team of a local: its members over time and their calls per day."""

    @classmethod
    def form(cls, *, name: str, members: Sequence[str], on: date, actor: Actor,
             local: str | None = None, reason: str | None = None) -> CallTeam:
        """A team named ``name`` formed on ``on`` with ``members`` (ids)."""
        return cls(name=named(name, "call team's name"), members=people(members, "members"),
                   on=require_date(on, "day the team was formed"), local=optional_local(local),
                   actor=require_actor(actor), reason=clean_reason(reason))

    @event("Formed")
    def __init__(self, *, name: str, members: list[str], on: date, local: str | None,
                 actor: Actor, reason: str | None) -> None:
        self.name = name
        self.formed_on = on
        self.local = local
        self.memberships: list[Membership] = [Membership(p, on) for p in members]
        self.calls: list[Calls] = []

    # ----------------------------------------------------------------- queries

    def members_on(self, day: date) -> list[str]:
        """The members on ``day``, in the order they joined."""
        return list(dict.fromkeys(m.person for m in self.memberships if m.on(day)))

    def _member(self, person: str) -> Membership | None:
        current = [m for m in self.memberships if m.person == person and m.left is None]
        return current[0] if current else None

    @property
    def made(self) -> int:
        """Calls made, all told."""
        return sum(c.made for c in self.calls)

    @property
    def reached(self) -> int:
        """Calls that reached the person called, all told."""
        return sum(c.reached for c in self.calls)

    def by_day(self) -> dict[date, tuple[int, int]]:
        """Calls made and reached per day, in day order."""
        days: dict[date, tuple[int, int]] = {}
        for c in sorted(self.calls, key=lambda c: c.on):
            made, reached = days.get(c.on, (0, 0))
            days[c.on] = (made + c.made, reached + c.reached)
        return days

    def by_member(self) -> dict[str, tuple[int, int]]:
        """Calls made and reached per member."""
        people_: dict[str, tuple[int, int]] = {}
        for c in self.calls:
            made, reached = people_.get(c.person, (0, 0))
            people_[c.person] = (made + c.made, reached + c.reached)
        return people_

    # ---------------------------------------------------------------- commands

    def join(self, *, person: str, on: date, actor: Actor, reason: str | None = None) -> None:
        """``person`` joins the team on ``on``."""
        who = person_id(person, "member's id")
        day = not_before(on, self.formed_on, "day they joined", "the team was formed")
        if self._member(who) is not None:
            raise RuleViolation(f"that person is already on the call team '{self.name}'")
        if any(m.person == who and m.left is not None and day <= m.left
               for m in self.memberships):
            raise InvalidInput("a member rejoins after the day they left")
        self._joined(person=who, on=day, actor=require_actor(actor),
                     reason=clean_reason(reason))

    @event("MemberJoined")
    def _joined(self, person: str, on: date, actor: Actor, reason: str | None) -> None:
        self.memberships.append(Membership(person, on))

    def leave(self, *, person: str, on: date, actor: Actor, reason: str | None = None) -> None:
        """``person``'s last day on the team is ``on``."""
        who = person_id(person, "member's id")
        member = self._member(who)
        if member is None:
            raise RuleViolation(f"that person is not on the call team '{self.name}'")
        day = not_before(on, member.joined, "day they left", "the day they joined")
        if any(c.person == who and c.on > day for c in self.calls):
            raise RuleViolation("that person's calls are recorded after that day")
        self._left(person=who, on=day, actor=require_actor(actor), reason=clean_reason(reason))

    @event("MemberLeft")
    def _left(self, person: str, on: date, actor: Actor, reason: str | None) -> None:
        self.memberships = [attrs.evolve(m, left=on) if m.person == person and m.left is None
                            else m for m in self.memberships]

    def record_calls(self, *, person: str, on: date, made: int, reached: int, actor: Actor,
                     reason: str | None = None) -> None:
        """``person`` made ``made`` calls on ``on`` and reached ``reached`` of them."""
        who = person_id(person, "member's id")
        day = require_date(on, "day of the calls")
        calls, got = whole_count(made, "calls made"), whole_count(reached, "calls reached")
        if got > calls:
            raise RuleViolation(f"{got:,} calls reached cannot be: only {calls:,} were made")
        if who not in self.members_on(day):
            raise RuleViolation(f"that person was not on the call team '{self.name}' on {day}")
        self._called(person=who, on=day, made=calls, reached=got, actor=require_actor(actor),
                     reason=clean_reason(reason))

    @event("CallsRecorded")
    def _called(self, person: str, on: date, made: int, reached: int, actor: Actor,
                reason: str | None) -> None:
        self.calls.append(Calls(person, on, made, reached))
