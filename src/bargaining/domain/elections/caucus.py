"""A cross-union caucus: the locals that join it (their members as counts), the positions it
adopts, the slates it runs in elections and the campaigns it supports.

A caucus is formed on a day by members of one or more unions, often out of a campaign (a
public-sector caucus formed from the Common Front solidarity campaign). Locals join and leave
it on real-world days; their members are counted, never listed. A member who joins as
themselves is recorded by the opaque id the host gives (members are people: never a name).
Positions are adopted on a day, by a vote where there was one. A slate it runs names the
election (its id) and the slate's name as the election knows it; a campaign it supports is a
campaign's id, which the application checks exists.

The state holds what is true now: the locals in it with their counts, the members who joined
as themselves, the positions, slates and campaigns; joins and leavings are its events.
"""

from __future__ import annotations

from datetime import date
from uuid import UUID

from eventsourcing.domain import Aggregate, event

from bargaining.domain.elections.naming import named
from bargaining.domain.shared.actor import Actor, clean_reason, require_actor
from bargaining.domain.shared.dates import require_date
from bargaining.domain.shared.errors import InvalidInput, RecordNotFound, RuleViolation, term
from bargaining.domain.shared.people import person_id
from bargaining.domain.shared.vote import Vote, whole_count


class LocalNotInCaucus(RecordNotFound):
    """The local is not a member of the caucus."""


class Caucus(Aggregate):
    """A caucus across unions, formed on a day."""

    @classmethod
    def form(cls, *, name: str, unions: object, on: date, origin: str | None = None,
             actor: Actor, reason: str | None = None) -> Caucus:
        """A caucus of members of these ``unions``, formed on ``on``, out of ``origin`` (a
        campaign or movement, in words) where there was one."""
        if isinstance(unions, str) or not isinstance(unions, list | tuple):
            raise InvalidInput.worded("a caucus names the unions its members come from, as a list")
        names = tuple(named(u, "union's name") for u in unions)
        if not names or len(set(names)) != len(names):
            raise InvalidInput.worded("a caucus names each of its unions once, and at least one")
        return cls(name=named(name, "caucus's name"), unions=names,
                   on=require_date(on, term("day the caucus was formed")),
                   origin=None if origin is None else named(origin, "caucus's origin"),
                   actor=require_actor(actor), reason=clean_reason(reason))

    @event("Formed")
    def __init__(self, *, name: str, unions: tuple[str, ...], on: date, origin: str | None,
                 actor: Actor, reason: str | None) -> None:
        self.name = name
        self.unions = tuple(unions)
        self.formed_on = on
        self.origin = origin
        #: The locals in the caucus now, with their members counted.
        self.locals: dict[str, int] = {}
        #: Positions adopted, with the day each was adopted.
        self.positions: dict[str, date] = {}
        #: Slates run, with the election each ran in.
        self.slates: dict[str, UUID] = {}
        self.campaigns: tuple[UUID, ...] = ()
        #: Members who joined the caucus as themselves, by the opaque id the host gives
        #: (never a name), with the day each joined.
        self.people: dict[str, date] = {}

    @property
    def members(self) -> int:
        """Members of the locals in the caucus, as counted."""
        return sum(self.locals.values())

    def join(self, *, local: str, members: object, on: date, actor: Actor,
             reason: str | None = None) -> None:
        """A local joined on ``on``, with ``members`` members."""
        name = named(local, "local's name")
        count = whole_count(members, term("members of a local"))
        day = require_date(on, term("day the local joined"))
        actor = require_actor(actor)
        if name in self.locals:
            raise RuleViolation.worded("{name} is already in the caucus {name2}",
                                       name=name, name2=self.name)
        self._joined(local=name, members=count, on=day, actor=actor,
                     reason=clean_reason(reason))

    @event("LocalJoined")
    def _joined(self, local: str, members: int, on: date, actor: Actor,
                reason: str | None) -> None:
        self.locals[local] = members

    def leave(self, *, local: str, on: date, actor: Actor, reason: str | None = None) -> None:
        """A local left on ``on``."""
        name = self._local(local)
        self._left(local=name, on=require_date(on, term("day the local left")),
                   actor=require_actor(actor), reason=clean_reason(reason))

    @event("LocalLeft")
    def _left(self, local: str, on: date, actor: Actor, reason: str | None) -> None:
        del self.locals[local]

    def count_members(self, *, local: str, members: object, on: date, actor: Actor,
                      reason: str | None = None) -> None:
        """A local's members counted again on ``on``."""
        name = self._local(local)
        self._counted(local=name, members=whole_count(members, term("members of a local")),
                      on=require_date(on, term("day the members were counted")),
                      actor=require_actor(actor), reason=clean_reason(reason))

    @event("MembersCounted")
    def _counted(self, local: str, members: int, on: date, actor: Actor,
                 reason: str | None) -> None:
        self.locals[local] = members

    def enrol(self, *, person: str, on: date, actor: Actor, reason: str | None = None) -> None:
        """A member joined the caucus as themselves on ``on``: ``person`` is the opaque id
        the host knows them by, never their name (people are personal data)."""
        who = person_id(person, term("member's id"))
        day = require_date(on, term("day the member joined"))
        actor = require_actor(actor)
        if who in self.people:
            raise RuleViolation.worded("that member is already in the caucus {name}",
                                       name=self.name)
        self._enrolled(person=who, on=day, actor=actor, reason=clean_reason(reason))

    @event("MemberJoined")
    def _enrolled(self, person: str, on: date, actor: Actor, reason: str | None) -> None:
        self.people[person] = on

    def withdraw(self, *, person: str, on: date, actor: Actor,
                 reason: str | None = None) -> None:
        """A member left the caucus on ``on``."""
        who = person_id(person, term("member's id"))
        if who not in self.people:
            raise RuleViolation.worded("that member is not in the caucus {name}", name=self.name)
        day = require_date(on, term("day the member left"))
        if day < self.people[who]:
            raise InvalidInput.worded("a member cannot leave ({day}) before joining ({people})",
                                      day=day, people=self.people[who])
        self._withdrew(person=who, on=day, actor=require_actor(actor),
                       reason=clean_reason(reason))

    @event("MemberLeft")
    def _withdrew(self, person: str, on: date, actor: Actor, reason: str | None) -> None:
        del self.people[person]

    def adopt_position(self, *, title: str, on: date, vote: Vote | None = None,
                       actor: Actor, reason: str | None = None) -> None:
        """A position adopted on ``on``; by ``vote`` where there was one (it must have
        carried, and been held that day)."""
        words = named(title, "position", most=500)
        day = require_date(on, term("day the position was adopted"))
        if vote is not None:
            if not isinstance(vote, Vote):
                raise InvalidInput.worded("a position's vote is a Vote")
            if not vote.passed:
                raise RuleViolation.worded("a position is adopted by a carried vote; this one "
                                           "failed ({explain})", explain=vote.phrase())
            if vote.held_on != day:
                raise InvalidInput.worded("the vote was held on {held_on}, not on {day}",
                                          held_on=vote.held_on, day=day)
        actor = require_actor(actor)
        if words in self.positions:
            raise RuleViolation.worded("the caucus {name} already adopted that position",
                                       name=self.name)
        self._adopted(title=words, on=day, vote=vote, actor=actor, reason=clean_reason(reason))

    @event("PositionAdopted")
    def _adopted(self, title: str, on: date, vote: Vote | None, actor: Actor,
                 reason: str | None) -> None:
        self.positions[title] = on

    def run_slate(self, *, slate: str, election: UUID, on: date, actor: Actor,
                  reason: str | None = None) -> None:
        """The caucus runs ``slate`` in an election (its id), from ``on``."""
        name = named(slate, "slate's name")
        if not isinstance(election, UUID):
            raise InvalidInput.worded("a slate runs in an election, named by its id")
        day = require_date(on, term("day the slate was launched"))
        actor = require_actor(actor)
        if self.slates.get(name) == election:
            raise RuleViolation.worded("the caucus {name} already runs {name2} in that election",
                                       name=self.name, name2=name)
        self._slate_run(slate=name, election=election, on=day, actor=actor,
                        reason=clean_reason(reason))

    @event("SlateRun")
    def _slate_run(self, slate: str, election: UUID, on: date, actor: Actor,
                   reason: str | None) -> None:
        self.slates[slate] = election

    def support(self, *, campaign: UUID, on: date, actor: Actor,
                reason: str | None = None) -> None:
        """The caucus supports a campaign (its id) from ``on``."""
        if not isinstance(campaign, UUID):
            raise InvalidInput.worded("a campaign is named by its id")
        day = require_date(on, term("day the caucus began its support"))
        actor = require_actor(actor)
        if campaign in self.campaigns:
            raise RuleViolation.worded("the caucus {name} already supports that campaign",
                                       name=self.name)
        self._supported(campaign=campaign, on=day, actor=actor, reason=clean_reason(reason))

    @event("CampaignSupported")
    def _supported(self, campaign: UUID, on: date, actor: Actor, reason: str | None) -> None:
        self.campaigns = (*self.campaigns, campaign)

    def _local(self, local: object) -> str:
        name = named(local, "local's name")
        if name not in self.locals:
            raise LocalNotInCaucus.worded("{name} is not in the caucus {name2}",
                                          name=name, name2=self.name)
        return name
