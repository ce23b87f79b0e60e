"""A local's organizing plan: adopted on a day, with goals (and their milestone days) whose
progress is read from the workplaces' maps and tests, never typed in.

A goal names one workplace and what it aims at: map a share of its workers (80% by default),
one active proven leader per so many workers in every work group (ten by default), or a
majority petition passed in every work group (51% by default). A goal with a ``by`` day is a
milestone: it is late when that day has passed and the goal is not reached. A plan is a
decision of the local: it is recorded as adopted, may gain goals on later days, and ends on
a day (achieved or set aside); none of it is ever edited.

What makes a plan **real** for the network's measures (the issue's "locals supported with
real organizing plans") is decided here, in :meth:`OrganizingPlan.real_on`: on a day it is
in force (adopted by then and not ended), it has at least one goal in force, and something
happened at one of its goals' workplaces (a map count, a structure test, a leader identified
or leaders taking part) within the host's window before that day. A plan on paper, with no
goal or no activity, is not real.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from fractions import Fraction
from uuid import UUID

import attrs
from eventsourcing.domain import Aggregate, event

from bargaining.domain.organizing.leaders import WORKERS_PER_LEADER, coverage, standing
from bargaining.domain.organizing.mapping import MAJORITY_PETITION, group_name
from bargaining.domain.organizing.workplace import Workplace
from bargaining.domain.shared.actor import Actor, clean_reason, require_actor
from bargaining.domain.shared.choices import choice
from bargaining.domain.shared.dates import require_date
from bargaining.domain.shared.errors import InvalidInput, RuleViolation, term
from bargaining.domain.shared.shares import percent_of

#: The usual aim of a map: this share of a workplace's workers, in percent.
MAP_AIM = 80


class PlanGoalKind(enum.Enum):
    """What a goal aims at."""

    MAP = "map the workplace"
    LEADERS = "one leader per so many workers"
    PETITION = "a majority petition in every work group"


def _kind(value: object) -> PlanGoalKind:
    return choice(value, PlanGoalKind, term("goal"))


def _target(kind: PlanGoalKind, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidInput.worded("a goal's target is a whole number")
    if kind is PlanGoalKind.LEADERS and value < 1:
        raise InvalidInput.worded("a leaders goal is one leader per a whole number of workers, "
                                  "at least 1")
    if kind is not PlanGoalKind.LEADERS and not 0 < value <= 100:
        raise InvalidInput.worded("a goal's target is a percentage above 0 and at most 100")
    return value


@attrs.frozen(kw_only=True)
class PlanGoal:
    """One goal of a plan at one workplace (its record's id): ``kind``, its ``target`` (a
    percentage to map or to sign, or workers per leader) and, for a milestone, the day it is
    due (``by``)."""

    kind: PlanGoalKind = attrs.field(converter=_kind)
    workplace: UUID
    target: int
    by: date | None = None

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.workplace, UUID):
            raise InvalidInput.worded("a goal names its workplace by its id (a UUID)")
        _target(self.kind, self.target)
        if self.by is not None:
            require_date(self.by, term("day the goal is due"))

    @classmethod
    def map(cls, workplace: UUID, *, percent: int = MAP_AIM, by: date | None = None) -> PlanGoal:
        """Map ``percent`` of the workplace's workers (80 by default)."""
        return cls(kind=PlanGoalKind.MAP, workplace=workplace, target=percent, by=by)

    @classmethod
    def leaders(cls, workplace: UUID, *, workers_per_leader: int = WORKERS_PER_LEADER,
                by: date | None = None) -> PlanGoal:
        """One active proven leader per ``workers_per_leader`` workers in every work group."""
        return cls(kind=PlanGoalKind.LEADERS, workplace=workplace, target=workers_per_leader,
                   by=by)

    @classmethod
    def petition(cls, workplace: UUID, *, threshold: int = MAJORITY_PETITION,
                 by: date | None = None) -> PlanGoal:
        """A petition passed at ``threshold`` percent (51 by default) in every work group."""
        return cls(kind=PlanGoalKind.PETITION, workplace=workplace, target=threshold, by=by)


@attrs.frozen(kw_only=True)
class PlanGoalProgress:
    """A goal read on a day: ``done`` of ``of`` (percent mapped of the aim; active leaders of
    those needed; work groups that passed a petition of all), ``reached``, and ``late`` when
    its milestone day has passed unreached."""

    goal: PlanGoal
    on: date
    done: Fraction
    of: Fraction
    reached: bool

    @property
    def late(self) -> bool:
        return self.goal.by is not None and self.goal.by < self.on and not self.reached


def progress_of(goal: PlanGoal, place: Workplace, on: date,
                active_within: timedelta | None) -> PlanGoalProgress:
    """A goal's progress from its workplace as it stood on ``on``."""
    groups = place.groups.values()
    if goal.kind is PlanGoalKind.MAP:
        done = percent_of(sum(g.map.mapped for g in groups), sum(g.map.workers for g in groups))
        return PlanGoalProgress(goal=goal, on=on, done=done, of=Fraction(goal.target),
                            reached=done >= goal.target)
    if goal.kind is PlanGoalKind.LEADERS:
        found = coverage({g.name: (g.map.workers, g.map.mapped, g.map.leaders) for g in groups},
                         (standing(x, on, active_within) for x in place.leaders.values()),
                         on, goal.target)
        return PlanGoalProgress(goal=goal, on=on, done=Fraction(found.active),
                            of=Fraction(found.needed), reached=bool(found.groups) and found.met)
    passed = {t.group for t in place.tests
              if t.on <= on and t.passed and t.threshold >= goal.target}
    return PlanGoalProgress(goal=goal, on=on, done=Fraction(len(passed)),
                        of=Fraction(len(place.groups)),
                        reached=bool(place.groups) and passed >= set(place.groups))


def _goals(goals: object) -> tuple[PlanGoal, ...]:
    if isinstance(goals, PlanGoal):
        goals = [goals]
    if isinstance(goals, str) or not isinstance(goals, Sequence):
        raise InvalidInput.worded("a plan's goals are a list of PlanGoal values")
    for goal in goals:
        if not isinstance(goal, PlanGoal):
            raise InvalidInput.worded("a plan's goals are PlanGoal values: PlanGoal.map, "
                                      "PlanGoal.leaders, PlanGoal.petition")
    if len(set(goals)) != len(goals):
        raise InvalidInput.worded("a plan names each goal once")
    return tuple(goals)


class OrganizingPlan(Aggregate):
    """A local's organizing plan, adopted on a day, with its goals and the day it ended."""

    @classmethod
    def adopt(cls, *, local: str, name: str, on: date, goals: Sequence[PlanGoal], actor: Actor,
              reason: str | None = None) -> OrganizingPlan:
        """``local`` (by name) adopts the plan ``name`` on ``on`` with ``goals`` (none is
        allowed: a plan on paper, which is not real until it has a goal)."""
        return cls(local=group_name(local, term("local's name")),
                   name=group_name(name, term("plan's name")),
                   on=require_date(on, term("day the plan was adopted")),
                   goals=list(_goals(goals)), actor=require_actor(actor),
                   reason=clean_reason(reason))

    @event("Adopted")
    def __init__(self, *, local: str, name: str, on: date, goals: list[PlanGoal], actor: Actor,
                 reason: str | None) -> None:
        self.local = local
        self.name = name
        self.adopted_on = on
        #: The goals, in the order added, and the day each was added.
        self.goals: list[PlanGoal] = list(goals)
        self.goal_days: list[date] = [on] * len(goals)
        self.ended_on: date | None = None

    @property
    def workplaces(self) -> tuple[UUID, ...]:
        """The workplaces its goals name, in the order first named."""
        return tuple(dict.fromkeys(g.workplace for g in self.goals))

    def add_goal(self, *, goal: PlanGoal, on: date, actor: Actor,
                 reason: str | None = None) -> None:
        """A goal added to the plan on ``on``."""
        new, = _goals([goal])
        day = require_date(on, term("day the goal was added"))
        if day < self.adopted_on:
            raise InvalidInput.worded("a goal cannot be added ({day}) before the plan was "
                                      "adopted ({adopted_on})",
                                      day=day, adopted_on=self.adopted_on)
        if self.ended_on is not None:
            raise RuleViolation.worded("the plan '{name}' of {local} ended on {ended_on}",
                                       name=self.name, local=self.local, ended_on=self.ended_on)
        if new in self.goals:
            raise RuleViolation.worded("the plan '{name}' already has that goal", name=self.name)
        self._goal_added(goal=new, on=day, actor=require_actor(actor),
                         reason=clean_reason(reason))

    @event("GoalAdded")
    def _goal_added(self, goal: PlanGoal, on: date, actor: Actor, reason: str | None) -> None:
        self.goals.append(goal)
        self.goal_days.append(on)

    def end(self, *, on: date, actor: Actor, reason: str | None = None) -> None:
        """The plan ended on ``on`` (achieved or set aside: the reason says which); it is no
        longer in force from that day."""
        day = require_date(on, term("day the plan ended"))
        if self.ended_on is not None:
            raise RuleViolation.worded("the plan '{name}' of {local} ended on {ended_on}",
                                       name=self.name, local=self.local, ended_on=self.ended_on)
        if day < self.adopted_on:
            raise InvalidInput.worded("a plan cannot end ({day}) before it was adopted "
                                      "({adopted_on})",
                                      day=day, adopted_on=self.adopted_on)
        self._ended(on=day, actor=require_actor(actor), reason=clean_reason(reason))

    @event("Ended")
    def _ended(self, on: date, actor: Actor, reason: str | None) -> None:
        self.ended_on = on

    def in_force(self, day: date) -> bool:
        """Adopted by ``day`` and not ended on or before it."""
        return self.adopted_on <= day and (self.ended_on is None or day < self.ended_on)

    def goals_on(self, day: date) -> list[PlanGoal]:
        """The goals in force on ``day``."""
        if not self.in_force(day):
            return []
        return [g for g, added in zip(self.goals, self.goal_days, strict=True) if added <= day]

    def real_on(self, day: date, activity: Iterable[date], within: timedelta) -> bool:
        """Whether the plan is real on ``day``: in force, with a goal, and with activity at
        its workplaces (``activity``: the days of it) within ``within`` before the day."""
        if not self.goals_on(day):
            return False
        return any(day - within <= d <= day for d in activity)
