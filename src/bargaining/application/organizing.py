"""Commands and queries of the organizer network: area teams, workplace maps, organic leaders.

``app.organizing`` is an :class:`Organizing`. Every command names its actor and takes an
optional reason; a refused command records nothing. A team's support of a workplace is saved
on both records in one transaction, so a workplace always knows the teams that support it:
that is how :meth:`Organizing.organizers_of` finds its organizers without a search.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from uuid import UUID

import attrs
from eventsourcing.domain import Aggregate

from bargaining.application.ports import Records
from bargaining.application.read_access import ReadAccess, as_read, workplace_as_read
from bargaining.application.time_travel import load_reading
from bargaining.domain.organizing.counts import WorkplaceCounts, counts
from bargaining.domain.organizing.leaders import (
    WORKERS_PER_LEADER,
    Coverage,
    LeaderStanding,
    aim_of,
    coverage,
    standing,
    window,
)
from bargaining.domain.organizing.mapping import GroupTest, MapCount
from bargaining.domain.organizing.plans import (
    OrganizingPlan,
    PlanGoal,
    PlanGoalProgress,
    progress_of,
)
from bargaining.domain.organizing.team import AreaKind, AreaTeam, TeamRole
from bargaining.domain.organizing.workplace import Workplace
from bargaining.domain.people.reading import Reader, ReadPolicy
from bargaining.domain.shared.actor import Actor
from bargaining.domain.shared.dates import require_date
from bargaining.domain.shared.errors import RecordNotFound, term
from bargaining.domain.shared.personal import PersonalData
from bargaining.domain.units.unit import BargainingUnit

_TEAM, _WORKPLACE, _PLAN = "team", "workplace", "organizing plan"


class Organizing:
    """Area teams and the workplaces they map and organize."""

    def __init__(self, records: Records, policy: ReadPolicy | None = None) -> None:
        self._records = records
        #: The read policy member-facing counts follow (the application's).
        self.policy = policy or ReadPolicy()
        #: Who may read what of a workplace, whose data they see, the reads recorded.
        self.access = ReadAccess(records, self.policy, self.organizers_of)

    # ------------------------------------------------------------------ area teams

    def form_team(self, *, name: str, kind: AreaKind | str, area: str, on: date,
                  actor: Actor, reason: str | None = None) -> UUID:
        """A team for a region or a sector (``kind``), formed on ``on``. Returns its id
        (random: it reveals nothing of the team's name)."""
        team = AreaTeam.form(name=name, kind=kind, area=area, on=on, actor=actor,
                             reason=reason)
        self._records.save(team)
        return team.id

    def join(self, team: UUID, *, person: str, role: TeamRole | str, on: date, actor: Actor,
             reason: str | None = None) -> None:
        """A person (the opaque id the host gives) joined the team as an organizer or a
        volunteer on ``on``."""
        found = self.team(team)
        found.join(person=person, role=role, on=on, actor=actor, reason=reason)
        self._records.save(found)

    def leave(self, team: UUID, *, person: str, on: date, actor: Actor,
              reason: str | None = None) -> None:
        """A member left the team on ``on``."""
        found = self.team(team)
        found.leave(person=person, on=on, actor=actor, reason=reason)
        self._records.save(found)

    def support_local(self, team: UUID, *, local: str, on: date, actor: Actor,
                      reason: str | None = None) -> None:
        """The team began supporting a local (by name) on ``on``."""
        found = self.team(team)
        found.support_local(local=local, on=on, actor=actor, reason=reason)
        self._records.save(found)

    def end_local_support(self, team: UUID, *, local: str, on: date, actor: Actor,
                          reason: str | None = None) -> None:
        """The team stopped supporting a local on ``on``."""
        found = self.team(team)
        found.end_local_support(local=local, on=on, actor=actor, reason=reason)
        self._records.save(found)

    def support_workplace(self, team: UUID, *, workplace: UUID, on: date, actor: Actor,
                          reason: str | None = None) -> None:
        """The team began supporting a workplace on ``on`` (recorded on both, in one save)."""
        found = self.team(team)
        place = self._workplace(workplace)
        found.support_workplace(workplace=workplace, on=on, actor=actor, reason=reason)
        place.supported_by(team=team, on=on, actor=actor)
        self._records.save(found, place)

    def end_workplace_support(self, team: UUID, *, workplace: UUID, on: date, actor: Actor,
                              reason: str | None = None) -> None:
        """The team stopped supporting a workplace on ``on`` (recorded on both)."""
        found = self.team(team)
        place = self._workplace(workplace)
        found.end_workplace_support(workplace=workplace, on=on, actor=actor, reason=reason)
        place.support_ended(team=team, on=on, actor=actor)
        self._records.save(found, place)

    # ------------------------------------------------------------------ workplaces

    def register_workplace(self, *, name: str, employer: str, region: str | None = None,
                           sector: str | None = None, unit: UUID | None = None,
                           actor: Actor, reason: str | None = None) -> UUID:
        """A workplace of ``employer`` (``unit``: its bargaining unit's id, once unionized:
        an id no registered unit has is refused, since it would link the workplace to
        nothing). Returns its id (random, like a team's)."""
        place = Workplace.register(name=name, employer=employer, region=region, sector=sector,
                                   unit=unit, actor=actor, reason=reason)
        if unit is not None:
            if not self._records.contains(unit):
                raise RecordNotFound.worded("no bargaining unit is registered with id {unit}: "
                                            "register the unit first, or record the workplace "
                                            "without it", unit=unit)
            self._records.load(unit, BargainingUnit, term("bargaining unit"))
        self._records.save(place)
        return place.id

    def add_group(self, workplace: UUID, *, name: str, kind: str, workers: int, on: date,
                  actor: Actor, reason: str | None = None) -> None:
        """A work group (a shift, a department, a floor) of ``workers`` workers."""
        found = self._workplace(workplace)
        found.add_group(name=name, kind=kind, workers=workers, on=on, actor=actor,
                        reason=reason)
        self._records.save(found)

    def record_map(self, workplace: UUID, *, group: str, count: MapCount, on: date,
                   actor: Actor, reason: str | None = None) -> None:
        """A work group's map as counted on ``on``."""
        found = self._workplace(workplace)
        found.record_map(group=group, count=count, on=on, actor=actor, reason=reason)
        self._records.save(found)

    def identify_leader(self, workplace: UUID, *, group: str, person: str, on: date,
                        actor: Actor, personal: PersonalData | None = None,
                        reason: str | None = None) -> None:
        """A worker recorded as a possible leader of a work group; anything about them
        (name, assessment) only in ``personal``."""
        found = self._workplace(workplace)
        found.identify_leader(group=group, person=person, on=on, actor=actor,
                              personal=personal, reason=reason)
        self._records.save(found)

    def hold_test(self, workplace: UUID, test: GroupTest, *, actor: Actor,
                  reason: str | None = None) -> bool:
        """A structure test of a work group, held; returns whether it passed (and so proved
        its leader, if it had one)."""
        found = self._workplace(workplace)
        found.hold_test(test=test, actor=actor, reason=reason)
        self._records.save(found)
        return test.passed

    def take_part(self, workplace: UUID, *, people: list[str], activity: str, on: date,
                  actor: Actor, reason: str | None = None) -> None:
        """Leaders took part in an action on ``on``, which keeps them active."""
        found = self._workplace(workplace)
        found.take_part(people=people, activity=activity, on=on, actor=actor, reason=reason)
        self._records.save(found)

    def leader_left(self, workplace: UUID, *, person: str, on: date, actor: Actor,
                    reason: str | None = None) -> None:
        """A leader left the workplace (or stopped leading) on ``on``."""
        found = self._workplace(workplace)
        found.leader_left(person=person, on=on, actor=actor, reason=reason)
        self._records.save(found)

    # ------------------------------------------------------------------ plans

    def adopt_plan(self, *, local: str, name: str, on: date, goals: list[PlanGoal],
                   actor: Actor, reason: str | None = None) -> UUID:
        """``local`` adopts the organizing plan ``name`` on ``on`` with ``goals`` (each
        naming a recorded workplace). Returns its id (random)."""
        plan = OrganizingPlan.adopt(local=local, name=name, on=on, goals=goals, actor=actor,
                                    reason=reason)
        for place in plan.workplaces:
            self._workplace(place)
        self._records.save(plan)
        return plan.id

    def add_goal(self, plan: UUID, *, goal: PlanGoal, on: date, actor: Actor,
                 reason: str | None = None) -> None:
        """A goal added to a plan on ``on``."""
        found = self.plan(plan)
        found.add_goal(goal=goal, on=on, actor=actor, reason=reason)
        self._workplace(goal.workplace)
        self._records.save(found)

    def end_plan(self, plan: UUID, *, on: date, actor: Actor, reason: str | None = None,
                 ) -> None:
        """The plan ended on ``on`` (achieved or set aside: say which in ``reason``)."""
        found = self.plan(plan)
        found.end(on=on, actor=actor, reason=reason)
        self._records.save(found)

    def plan(self, plan: UUID, *, on: date | None = None, at: datetime | None = None,
             version: int | None = None) -> OrganizingPlan:
        """An organizing plan as recorded, or read one way (as :meth:`team`)."""
        return load_reading(self._records, plan, OrganizingPlan, _PLAN, on=on, at=at,
                            version=version)

    def progress(self, plan: UUID, *, on: date | None = None,
                 active_within: timedelta | int | None = None) -> list[PlanGoalProgress]:
        """Each goal of the plan in force on ``on`` (today, UTC, if not given), with its
        progress read from its workplace's maps and tests that day; leaders count as active
        within the host's window (``None``: any time)."""
        day = datetime.now(UTC).date() if on is None else require_date(
            on, term("day to read the plan on"))
        span = window(active_within)
        found = self.plan(plan, on=day)
        return [progress_of(goal, self._workplace(goal.workplace, on=day), day, span)
                for goal in found.goals_on(day)]

    # ------------------------------------------------------------------ readings

    def team(self, team: UUID, *, on: date | None = None, at: datetime | None = None,
             version: int | None = None) -> AreaTeam:
        """An area team as recorded, or as it was on a day, known at a moment, or at a
        version (one at most)."""
        return load_reading(self._records, team, AreaTeam, _TEAM, on=on, at=at,
                            version=version)

    def workplace(self, workplace: UUID, *, on: date | None = None,
                  at: datetime | None = None, version: int | None = None,
                  reader: Reader | None = None) -> Workplace:
        """A workplace as recorded, or read one way (as :meth:`team`). Its leaders' data
        (names, assessments) shows only to a ``reader`` the read policy lets see it, the
        organizers of that workplace by default (the read is recorded); to others, and
        without a reader, each reads as "a person". A member is refused
        (:class:`NotAllowedToRead`): its maps and tests count small groups; members read
        :meth:`group_counts`."""
        session = self.access.record(reader, "Workplace", "report", workplace)
        found = workplace_as_read(self._workplace(workplace, on=on, at=at, version=version),
                                  session)
        session.flush()
        return found

    def _workplace(self, workplace: UUID, *, on: date | None = None,
                   at: datetime | None = None, version: int | None = None) -> Workplace:
        """A workplace as recorded, people's data and all: what the commands change."""
        return load_reading(self._records, workplace, Workplace, _WORKPLACE, on=on, at=at,
                            version=version)

    def get(self, record: UUID, *, on: date | None = None, at: datetime | None = None,
            version: int | None = None, reader: Reader | None = None) -> AreaTeam | Workplace:
        """An area team or a workplace, whichever the id names, read as :meth:`team`; a
        workplace's people as :meth:`workplace` shows them to ``reader``."""
        checked = self.policy.check_reader(reader)
        found = load_reading(self._records, record, Aggregate, term("organizing record"), on=on,
                             at=at, version=version)
        if not isinstance(found, AreaTeam | Workplace):
            raise RecordNotFound.worded("the record {record} is not an area team or a workplace",
                                        record=record)
        session = self.access.record(checked, type(found).__name__, "report", record)
        if isinstance(found, Workplace):
            found = workplace_as_read(found, session)
            session.flush()
        return found

    def leaders(self, workplace: UUID, *, on: date | None = None,
                active_within: timedelta | int | None = None,
                reader: Reader | None = None) -> list[LeaderStanding]:
        """The workplace's possible leaders as they stood on ``on`` (today, UTC, if not
        given): identified, proven and last active days, and whether active within the
        host's window (a ``timedelta`` or days; ``None``: any time), by group then id. Their
        data shows as :meth:`workplace` says (a member is refused; a read that shows anyone's
        data is recorded)."""
        session = self.access.record(reader, "Workplace", "report", workplace)
        day, found = self._on(workplace, on)
        span = window(active_within)
        sees = session.sees_about(workplace)
        found_leaders = sorted(
            (attrs.evolve(s, personal=as_read(s.personal, sees))
             for s in (standing(leader, day, span) for leader in found.leaders.values())),
            key=lambda s: (s.group, s.person))
        session.settle(True)
        session.flush()
        return found_leaders

    def coverage(self, workplace: UUID, *, on: date | None = None,
                 workers_per_leader: int = WORKERS_PER_LEADER,
                 active_within: timedelta | int | None = None,
                 reader: Reader | None = None) -> Coverage:
        """Leaders per workers by work group on ``on``: proven and active leaders against the
        aim of one per ``workers_per_leader`` workers (ten, unless the host sets another).
        It names nobody; a member is refused (:class:`NotAllowedToRead`) as by
        :meth:`workplace`: a group's counts of leaders would single people out in a small
        group, and members read :meth:`group_counts`."""
        self.access.record(reader, "Workplace", "report", workplace)
        aim = aim_of(workers_per_leader)
        day, found = self._on(workplace, on)
        span = window(active_within)
        groups = {name: (g.map.workers, g.map.mapped, g.map.leaders)
                  for name, g in found.groups.items()}
        return coverage(groups, (standing(x, day, span) for x in found.leaders.values()),
                        day, aim)

    def group_counts(self, workplace: UUID, *, on: date | None = None,
                     reader: Reader | None = None) -> WorkplaceCounts:
        """The workplace's counts by work group on ``on`` (today, UTC, if not given): each
        group's latest map and structure test. A member-facing ``reader`` (a member, under
        the default policy) sees no counts of groups smaller than the policy's smallest group
        (five), and no totals while such a group counts anyone: a total holding a hidden
        group gives it back, by subtracting the groups shown or another day's totals (a
        shift of three added between two readings). Others see them all."""
        reader = self.policy.check_reader(reader)
        day, found = self._on(workplace, on)
        smallest = self.policy.smallest_group if self.policy.member_facing(reader) else None
        return counts({name: g.map for name, g in found.groups.items()}, found.tests, day,
                      smallest)

    def organizers_of(self, workplace: UUID, *, on: date | None = None) -> frozenset[str]:
        """The person ids of the organizers of the area teams supporting the workplace on
        ``on`` (today, UTC, if not given): those who may see its people's names."""
        day, found = self._on(workplace, on)
        people: set[str] = set()
        for team in found.teams:
            people.update(self.team(team, on=day).organizers())
        return frozenset(people)

    def _on(self, workplace: UUID, on: object) -> tuple[date, Workplace]:
        if on is None:
            today = datetime.now(UTC).date()
            return today, self._workplace(workplace)
        day = require_date(on, term("day to read the workplace on"))
        return day, self._workplace(workplace, on=day)

