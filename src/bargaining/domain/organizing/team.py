"""An area team: organizers and volunteers who support locals and workplaces in a region or
a sector.

A team is formed on a day for an area (a region, such as "Laval", or a sector, such as
"warehousing"). Its members are people, recorded by the opaque ids the host gives (never a
name), each as an organizer or a volunteer, with the day they joined and the day they left.
The locals (by name) and workplaces (by their records' ids) it supports, it supports from a
day to a day. Its state keeps what is true now and every spell that ended, so a reading on a
day (``on=``) shows who was on the team and what it supported then.
"""

from __future__ import annotations

import enum
from datetime import date
from typing import TypeVar
from uuid import UUID

import attrs
from eventsourcing.domain import Aggregate, event

from bargaining.domain.organizing.mapping import group_name
from bargaining.domain.shared.actor import Actor, clean_reason, require_actor
from bargaining.domain.shared.dates import require_date
from bargaining.domain.shared.errors import InvalidInput, RuleViolation, term
from bargaining.domain.shared.people import person_id


class AreaKind(enum.Enum):
    """What a team's area is."""

    REGION = "region"
    SECTOR = "sector"


class TeamRole(enum.Enum):
    """How a person serves on a team."""

    ORGANIZER = "organizer"
    VOLUNTEER = "volunteer"


E = TypeVar("E", bound=enum.Enum)


def _choice(kind: type[E], value: object, what: str) -> E:
    try:
        return kind(value.value if isinstance(value, kind) else value)
    except ValueError:
        allowed = " or ".join(repr(m.value) for m in kind)
        raise InvalidInput.worded("a {what} is {allowed}", what=what, allowed=allowed) from None


@attrs.frozen(kw_only=True)
class Spell:
    """A member's time on the team (``who`` their id, ``role`` theirs; ``ended`` ``None``
    while they serve), or a local's or workplace's time supported by it (``role`` "local" or
    "workplace", ``who`` its name or id)."""

    who: str
    role: str
    began: date
    ended: date | None = None


class AreaTeam(Aggregate):
    """A team by region or sector, formed on a day."""

    @classmethod
    def form(cls, *, name: str, kind: AreaKind | str, area: str, on: date, actor: Actor,
             reason: str | None = None) -> AreaTeam:
        """A team for ``area`` (a region's or a sector's name), formed on ``on``."""
        return cls(name=group_name(name, term("area team's name")),
                   kind=_choice(AreaKind, kind, term("team's area kind")),
                   area=group_name(area, term("team's area")),
                   on=require_date(on, term("day the team was formed")),
                   actor=require_actor(actor), reason=clean_reason(reason))

    @event("Formed")
    def __init__(self, *, name: str, kind: AreaKind, area: str, on: date, actor: Actor,
                 reason: str | None) -> None:
        self.name = name
        self.kind = kind
        self.area = area
        self.formed_on = on
        #: Members serving now, by person id: their role and the day they joined.
        self.members: dict[str, Spell] = {}
        #: Locals supported now, by name, and workplaces, by id: since when.
        self.locals: dict[str, date] = {}
        self.workplaces: dict[UUID, date] = {}
        #: Every spell that ended: members who left, support that ended.
        self.past: tuple[Spell, ...] = ()

    def organizers(self) -> tuple[str, ...]:
        """The person ids of the organizers serving now."""
        return tuple(sorted(p for p, s in self.members.items()
                            if s.role == TeamRole.ORGANIZER.value))

    def join(self, *, person: str, role: TeamRole | str, on: date, actor: Actor,
             reason: str | None = None) -> None:
        """A person joined the team on ``on`` as an organizer or a volunteer."""
        who = person_id(person, term("team member's id"))
        kind = _choice(TeamRole, role, term("team member's role"))
        day = self._not_before_formed(on, term("day the member joined"))
        actor = require_actor(actor)
        if who in self.members:
            raise RuleViolation.worded("that person is already on the team {name}", name=self.name)
        self._joined(person=who, role=kind, on=day, actor=actor, reason=clean_reason(reason))

    @event("MemberJoined")
    def _joined(self, person: str, role: TeamRole, on: date, actor: Actor,
                reason: str | None) -> None:
        self.members[person] = Spell(who=person, role=role.value, began=on)

    def leave(self, *, person: str, on: date, actor: Actor, reason: str | None = None) -> None:
        """A member left the team on ``on``."""
        who = person_id(person, term("team member's id"))
        if who not in self.members:
            raise RuleViolation.worded("that person is not on the team {name}", name=self.name)
        day = require_date(on, term("day the member left"))
        if day < self.members[who].began:
            raise InvalidInput.worded("a member cannot leave ({day}) before joining ({began})",
                                      day=day, began=self.members[who].began)
        self._left(person=who, on=day, actor=require_actor(actor), reason=clean_reason(reason))

    @event("MemberLeft")
    def _left(self, person: str, on: date, actor: Actor, reason: str | None) -> None:
        spell = self.members.pop(person)
        self.past = (*self.past, attrs.evolve(spell, ended=on))

    def support_local(self, *, local: str, on: date, actor: Actor,
                      reason: str | None = None) -> None:
        """The team began supporting a local (by name) on ``on``."""
        name = group_name(local, term("local's name"))
        day = self._not_before_formed(on, term("day the support began"))
        actor = require_actor(actor)
        if name in self.locals:
            raise RuleViolation.worded("the team {name} already supports {name2}",
                                       name=self.name, name2=name)
        self._local_supported(local=name, on=day, actor=actor, reason=clean_reason(reason))

    @event("LocalSupported")
    def _local_supported(self, local: str, on: date, actor: Actor, reason: str | None) -> None:
        self.locals[local] = on

    def end_local_support(self, *, local: str, on: date, actor: Actor,
                          reason: str | None = None) -> None:
        """The team stopped supporting a local on ``on``."""
        name = group_name(local, term("local's name"))
        if name not in self.locals:
            raise RuleViolation.worded("the team {name} does not support {name2}",
                                       name=self.name, name2=name)
        day = self._ends(self.locals[name], on)
        self._local_support_ended(local=name, on=day, actor=require_actor(actor),
                                  reason=clean_reason(reason))

    @event("LocalSupportEnded")
    def _local_support_ended(self, local: str, on: date, actor: Actor,
                             reason: str | None) -> None:
        began = self.locals.pop(local)
        self.past = (*self.past, Spell(who=local, role="local", began=began, ended=on))

    def support_workplace(self, *, workplace: UUID, on: date, actor: Actor,
                          reason: str | None = None) -> None:
        """The team began supporting a workplace (its record's id) on ``on``."""
        if not isinstance(workplace, UUID):
            raise InvalidInput.worded("a workplace is named by its id (a UUID)")
        day = self._not_before_formed(on, term("day the support began"))
        actor = require_actor(actor)
        if workplace in self.workplaces:
            raise RuleViolation.worded("the team {name} already supports that workplace",
                                       name=self.name)
        self._workplace_supported(workplace=workplace, on=day, actor=actor,
                                  reason=clean_reason(reason))

    @event("WorkplaceSupported")
    def _workplace_supported(self, workplace: UUID, on: date, actor: Actor,
                             reason: str | None) -> None:
        self.workplaces[workplace] = on

    def end_workplace_support(self, *, workplace: UUID, on: date, actor: Actor,
                              reason: str | None = None) -> None:
        """The team stopped supporting a workplace on ``on``."""
        if workplace not in self.workplaces:
            raise RuleViolation.worded("the team {name} does not support that workplace",
                                       name=self.name)
        day = self._ends(self.workplaces[workplace], on)
        self._workplace_support_ended(workplace=workplace, on=day, actor=require_actor(actor),
                                      reason=clean_reason(reason))

    @event("WorkplaceSupportEnded")
    def _workplace_support_ended(self, workplace: UUID, on: date, actor: Actor,
                                 reason: str | None) -> None:
        began = self.workplaces.pop(workplace)
        self.past = (*self.past, Spell(who=str(workplace), role="workplace", began=began,
                                       ended=on))

    def _not_before_formed(self, on: object, what: str) -> date:
        day = require_date(on, what)
        if day < self.formed_on:
            raise InvalidInput.worded("the {what} ({day}) cannot come before the team was formed "
                                      "({formed_on})",
                                      what=what, day=day, formed_on=self.formed_on)
        return day

    @staticmethod
    def _ends(began: date, on: object) -> date:
        day = require_date(on, term("day the support ended"))
        if day < began:
            raise InvalidInput.worded("support cannot end ({day}) before it began ({began})",
                                      day=day, began=began)
        return day
