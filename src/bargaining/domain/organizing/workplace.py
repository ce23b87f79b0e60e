"""A workplace mapped work group by work group, its possible leaders and the tests they led.

A workplace is registered with its employer, its area (a region and a sector, where known)
and, once it is unionized, its bargaining unit's id. Its work groups (a shift, a department, a
floor) are added on a day with their workers. A map count of a group is a fact recorded on
its day (:class:`~bargaining.domain.organizing.mapping.MapCount`), refused only when it cannot
be true. A worker is recorded as a possible leader of one group (by the opaque id the host
gives; what is known of them, name or assessment, only as personal data); a structure test of
the group is recorded on its day, passed or failed, and proves the leader who led it if it
passed; leaders taking part in actions keep them active. The area teams that support the
workplace are listed here too (the same save records it on the team), which is how the
workplace's organizers are found.

Every fact carries its day, and a fact cannot come before what it rests on (a count before
its group was added, a test before its leader was identified): read "as it was on" a day,
the workplace holds exactly the facts of that day and before.
"""

from __future__ import annotations

from datetime import date
from uuid import UUID

import attrs
from eventsourcing.domain import Aggregate, event

from bargaining.domain.organizing.leaders import Leader
from bargaining.domain.organizing.mapping import (
    GroupTest,
    MapCount,
    MapDoesNotAddUp,
    WorkGroupNotFound,
    group_name,
)
from bargaining.domain.shared.actor import Actor, clean_reason, require_actor
from bargaining.domain.shared.dates import require_date
from bargaining.domain.shared.errors import InvalidInput, RecordNotFound, RuleViolation, term
from bargaining.domain.shared.people import person_id
from bargaining.domain.shared.personal import PersonalData


class LeaderNotFound(RecordNotFound):
    """No possible leader of the workplace is recorded under that person id."""


@attrs.frozen(kw_only=True)
class WorkGroup:
    """A work group as the workplace keeps it: its kind (shift, department, floor), the day
    it was added, and its latest map (by day) with that map's day."""

    name: str
    kind: str
    added_on: date
    map: MapCount
    mapped_on: date


def _optional(value: object, what: str) -> str | None:
    return None if value is None else group_name(value, what)


class Workplace(Aggregate):
    """A workplace, organized work group by work group."""

    @classmethod
    def register(cls, *, name: str, employer: str, region: str | None = None,
                 sector: str | None = None, unit: UUID | None = None, actor: Actor,
                 reason: str | None = None) -> Workplace:
        """A workplace of ``employer``; ``unit`` is its bargaining unit's id once unionized."""
        if unit is not None and not isinstance(unit, UUID):
            raise InvalidInput.worded("a bargaining unit is named by its id (a UUID)")
        return cls(name=group_name(name, term("workplace's name")),
                   employer=group_name(employer, term("employer's name")),
                   region=_optional(region, term("workplace's region")),
                   sector=_optional(sector, term("workplace's sector")), unit=unit,
                   actor=require_actor(actor), reason=clean_reason(reason))

    @event("Registered")
    def __init__(self, *, name: str, employer: str, region: str | None, sector: str | None,
                 unit: UUID | None, actor: Actor, reason: str | None) -> None:
        self.name = name
        self.employer = employer
        self.region = region
        self.sector = sector
        self.unit = unit
        self.groups: dict[str, WorkGroup] = {}
        #: Possible leaders by person id.
        self.leaders: dict[str, Leader] = {}
        #: Structure tests held, in the order recorded.
        self.tests: tuple[GroupTest, ...] = ()
        #: Area teams supporting the workplace now, by id, since when.
        self.teams: dict[UUID, date] = {}

    def add_group(self, *, name: str, kind: str, workers: object, on: date, actor: Actor,
                  reason: str | None = None) -> None:
        """A work group (``kind``: "shift", "department", "floor" ...) of ``workers``
        workers, recorded on ``on``."""
        group = group_name(name)
        words = group_name(kind, term("work group's kind"))
        start = MapCount(workers=workers, mapped=0)
        day = require_date(on, term("day the work group was added"))
        actor = require_actor(actor)
        if group in self.groups:
            raise RuleViolation.worded("{name} already has a work group {group}",
                                       name=self.name, group=group)
        self._group_added(name=group, kind=words, workers=start.workers, on=day, actor=actor,
                          reason=clean_reason(reason))

    @event("WorkGroupAdded")
    def _group_added(self, name: str, kind: str, workers: int, on: date, actor: Actor,
                     reason: str | None) -> None:
        self.groups[name] = WorkGroup(name=name, kind=kind, added_on=on,
                                      map=MapCount(workers=workers, mapped=0), mapped_on=on)

    def record_map(self, *, group: str, count: MapCount, on: date, actor: Actor,
                   reason: str | None = None) -> None:
        """A work group's map as counted on ``on`` (a fact; refused only if it cannot be
        true, which :class:`MapCount` checks)."""
        found = self._group(group)
        if not isinstance(count, MapCount):
            raise InvalidInput.worded("a map count is a MapCount(workers=, mapped=, contacts=, "
                                      "support=, leaders=)")
        day = self._after_added(found, on, term("day of the map count"))
        self._mapped(group=found.name, count=count, on=day, actor=require_actor(actor),
                     reason=clean_reason(reason))

    @event("MapRecorded")
    def _mapped(self, group: str, count: MapCount, on: date, actor: Actor,
                reason: str | None) -> None:
        found = self.groups[group]
        if on >= found.mapped_on:  # the latest count by its day, whatever order it came in
            self.groups[group] = attrs.evolve(found, map=count, mapped_on=on)

    def identify_leader(self, *, group: str, person: str, on: date, actor: Actor,
                        personal: PersonalData | None = None,
                        reason: str | None = None) -> None:
        """A worker recorded on ``on`` as a possible leader of ``group``: ``person`` is the
        opaque id the host knows them by; a name or an assessment goes only in ``personal``."""
        found = self._group(group)
        who = person_id(person, term("leader's id"))
        if personal is not None and (not isinstance(personal, PersonalData)
                                     or personal.person != who):
            raise InvalidInput.worded("what is recorded about a leader is their own PersonalData")
        day = self._after_added(found, on, term("day the leader was identified"))
        actor = require_actor(actor)
        if who in self.leaders:
            raise RuleViolation.worded("that person is already a possible leader at {name}",
                                       name=self.name)
        self._identified(group=found.name, person=who, personal=personal, on=day, actor=actor,
                         reason=clean_reason(reason))

    @event("LeaderIdentified")
    def _identified(self, group: str, person: str, personal: PersonalData | None, on: date,
                    actor: Actor, reason: str | None) -> None:
        self.leaders[person] = Leader(person=person, group=group, identified_on=on,
                                      personal=personal)

    def hold_test(self, *, test: GroupTest, actor: Actor, reason: str | None = None) -> None:
        """A structure test of one work group, held on its day: recorded whether it passed
        or not; it proves the leader who led it when it passed."""
        if not isinstance(test, GroupTest):
            raise InvalidInput.worded("a structure test is a GroupTest(group=, kind=, eligible=, "
                                      "participants=, on=, threshold=, leader=)")
        found = self._group(test.group)
        self._after_added(found, test.on, term("day the test was held"))
        if test.on >= found.mapped_on and test.eligible > found.map.workers:
            raise MapDoesNotAddUp.worded("{eligible:,} eligible workers cannot be: the group "
                                         "has {workers:,} workers", eligible=test.eligible,
                                         workers=found.map.workers)
        if test.leader is not None:
            leader = self._leader(test.leader, test.on)
            if leader.group != found.name:
                raise RuleViolation.worded("a structure test proves a leader of the group it "
                                           "tests: that leader is of {group}, not {found}",
                                           group=leader.group, found=found.name)
        self._tested(test=test, actor=require_actor(actor), reason=clean_reason(reason))

    @event("TestHeld")
    def _tested(self, test: GroupTest, actor: Actor, reason: str | None) -> None:
        self.tests = (*self.tests, test)
        if test.leader is not None:
            self.leaders[test.leader] = self.leaders[test.leader].led(test.on, test.passed)

    def take_part(self, *, people: list[str], activity: str, on: date, actor: Actor,
                  reason: str | None = None) -> None:
        """Leaders took part in an action on ``on`` (``activity`` in words): it keeps them
        active."""
        if isinstance(people, str) or not isinstance(people, list | tuple) or not people:
            raise InvalidInput.worded("name the leaders who took part, as a list of their ids")
        who = tuple(dict.fromkeys(person_id(p, term("leader's id")) for p in people))
        day = require_date(on, term("day of the action"))
        for person in who:
            self._leader(person, day)
        words = group_name(activity, term("action's name"))
        self._took_part(people=who, activity=words, on=day, actor=require_actor(actor),
                        reason=clean_reason(reason))

    @event("LeadersTookPart")
    def _took_part(self, people: tuple[str, ...], activity: str, on: date, actor: Actor,
                   reason: str | None) -> None:
        for person in people:
            self.leaders[person] = self.leaders[person].took_part(on)

    def leader_left(self, *, person: str, on: date, actor: Actor,
                    reason: str | None = None) -> None:
        """A leader left the workplace (or stopped leading) on ``on``."""
        who = person_id(person, term("leader's id"))
        leader = self._leader(who, require_date(on, term("day the leader left")))
        if leader.left_on is not None:
            raise RuleViolation.worded("that leader has already left")
        self._leader_left(person=who, on=on, actor=require_actor(actor),
                          reason=clean_reason(reason))

    @event("LeaderLeft")
    def _leader_left(self, person: str, on: date, actor: Actor, reason: str | None) -> None:
        self.leaders[person] = attrs.evolve(self.leaders[person], left_on=on)

    def supported_by(self, *, team: UUID, on: date, actor: Actor) -> None:
        """An area team began supporting the workplace (the team records it too)."""
        if team in self.teams:
            raise RuleViolation.worded("that team already supports {name}", name=self.name)
        self._team_began(team=team, on=require_date(on, term("day the support began")),
                         actor=require_actor(actor))

    @event("TeamSupportBegan")
    def _team_began(self, team: UUID, on: date, actor: Actor) -> None:
        self.teams[team] = on

    def support_ended(self, *, team: UUID, on: date, actor: Actor) -> None:
        """An area team stopped supporting the workplace."""
        if team not in self.teams:
            raise RuleViolation.worded("that team does not support {name}", name=self.name)
        self._team_ended(team=team, on=require_date(on, term("day the support ended")),
                         actor=require_actor(actor))

    @event("TeamSupportEnded")
    def _team_ended(self, team: UUID, on: date, actor: Actor) -> None:
        del self.teams[team]

    def _group(self, name: object) -> WorkGroup:
        found = self.groups.get(group_name(name))
        if found is None:
            raise WorkGroupNotFound.worded("{name} has no work group of that name: add it first",
                                           name=self.name)
        return found

    @staticmethod
    def _after_added(group: WorkGroup, on: object, what: str) -> date:
        day = require_date(on, what)
        if day < group.added_on:
            raise InvalidInput.worded("the {what} ({day}) cannot come before the work group "
                                      "{group} was added ({added_on})",
                                      what=what, day=day, group=group.name,
                                      added_on=group.added_on)
        return day

    def _leader(self, person: str, on: date) -> Leader:
        found = self.leaders.get(person)
        if found is None:
            raise LeaderNotFound.worded("that person is not a possible leader at {name}: "
                                        "identify them in their work group first", name=self.name)
        if on < found.identified_on:
            raise InvalidInput.worded("a leader's test or action on {on} cannot come before they "
                                      "were identified ({identified_on})",
                                      on=on, identified_on=found.identified_on)
        if found.left_on is not None and on > found.left_on:
            raise RuleViolation.worded("that leader left on {left_on}", left_on=found.left_on)
        return found
