"""The members' goals: proposed by members, ranked and ratified by a vote, amended, retired.

A :class:`MembersGoals` record holds the goals of one organization (a union, a caucus, a
coalition) and the body that holds the power to ratify them (the members, their delegates or
convention). A goal is proposed by a member (the actor, by an id that does not reveal a name)
on a real-world date; the body ranks and ratifies goals by a carried vote, whose ranking lists
every goal in force in order of priority; a ratified goal is amended (its words change) or
retired by a later carried vote. Each act keeps its date, so the goals read as they were on any
day. A budget's lines are tied to these goals (:mod:`~bargaining.domain.budgets.budget`).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import date
from uuid import UUID

import attrs
from eventsourcing.domain import Aggregate, event

from bargaining.domain.budgets.decisions import GoalNotFound, require_body, require_carried
from bargaining.domain.shared.actor import Actor, clean_reason, require_actor
from bargaining.domain.shared.dates import require_date
from bargaining.domain.shared.errors import InvalidInput, RuleViolation, term
from bargaining.domain.shared.text import clean_name
from bargaining.domain.shared.vote import Body, Vote

#: A goal's words are a sentence or two, not a document.
MAX_GOAL = 500


@attrs.frozen
class Goal:
    """One goal as its record knows it: its words, who proposed it and when, and its life
    (ratified, amended, retired) with dates. ``rank`` is its place among the goals in force
    (1 first), ``None`` before it is ratified and after it is retired."""

    id: UUID
    title: str
    proposed_on: date
    proposed_by: Actor
    ratified_on: date | None = None
    amended_on: tuple[date, ...] = ()
    retired_on: date | None = None
    rank: int | None = None

    @property
    def status(self) -> str:
        """'proposed', 'ratified' or 'retired'."""
        if self.retired_on is not None:
            return "retired"
        return "proposed" if self.ratified_on is None else "ratified"

    @property
    def in_force(self) -> bool:
        """Ratified and not retired: a budget line may be tied to it."""
        return self.status == "ratified"

    def life(self) -> str:
        """'proposed 2024-02-10; ratified 2024-04-20; amended 2024-09-14'."""
        acts = [f"proposed {self.proposed_on}"]
        if self.ratified_on is not None:
            acts.append(f"ratified {self.ratified_on}")
        acts += [f"amended {day}" for day in self.amended_on]
        if self.retired_on is not None:
            acts.append(f"retired {self.retired_on}")
        return "; ".join(acts)


def goal_title(value: object) -> str:
    if not isinstance(value, str) or not value.strip():
        raise InvalidInput.worded("a goal needs its words (what the members want)")
    return clean_name(value, term("goal"), most=MAX_GOAL, kind="a goal is")


def _not_before(goal: Goal, day: date, act: str) -> None:
    """A goal is ratified on or after the day it was proposed, and amended or retired on or
    after its last act: a vote dated earlier cannot be true."""
    last = max([goal.proposed_on, *filter(None, [goal.ratified_on]), *goal.amended_on])
    if day < last:
        raise RuleViolation.worded("the goal '{title}' cannot be {act} by a vote of {day}: its "
                                   "life so far reads {life}",
                                   title=goal.title, act=act, day=day, life=goal.life())


class MembersGoals(Aggregate):
    """The goals the members set for their organization, ranked and ratified by the body
    that holds the power."""

    @classmethod
    def open(cls, *, name: str, actor: Actor, body: Body | None = None,
             reason: str | None = None) -> MembersGoals:
        """A new record of goals; ``body`` ratifies them (the members by default)."""
        if not isinstance(name, str) or not name.strip():
            raise InvalidInput.worded("the members' goals need a name")
        return cls(name=clean_name(name, term("name of the members' goals")),
                   body=require_body(Body.members() if body is None else body),
                   actor=require_actor(actor), reason=clean_reason(reason))

    @event("Opened")
    def __init__(self, *, name: str, body: Body, actor: Actor, reason: str | None) -> None:
        self.name = name
        self.body = body
        self.goals: dict[UUID, Goal] = {}
        #: The goals in force, first priority first.
        self.ranking: tuple[UUID, ...] = ()

    # ----------------------------------------------------------------- queries

    def goal(self, goal_id: object) -> Goal:
        """A goal by its id, or a refusal in words."""
        if not isinstance(goal_id, UUID):
            raise InvalidInput.worded("a goal is named by its id (a UUID), not {goal_id}",
                                      goal_id=repr(goal_id))
        found = self.goals.get(goal_id)
        if found is None:
            raise GoalNotFound.worded("the members' goals '{name}' hold no goal {goal_id}",
                                      name=self.name, goal_id=goal_id)
        return found

    def ranked(self) -> list[Goal]:
        """The goals in force, first priority first."""
        return [self.goals[g] for g in self.ranking]

    # ---------------------------------------------------------------- commands

    def propose(self, *, title: str, on: date, actor: Actor, reason: str | None = None) -> UUID:
        """A member (the actor) proposed a goal on ``on``; returns the goal's id."""
        words = goal_title(title)
        day = require_date(on, term("date the goal was proposed"))
        actor = require_actor(actor)
        goal_id = uuid.uuid5(self.id, f"goal {len(self.goals) + 1}")
        self._proposed(goal_id=goal_id, title=words, on=day, actor=actor,
                       reason=clean_reason(reason))
        return goal_id

    @event("GoalProposed")
    def _proposed(self, goal_id: UUID, title: str, on: date, actor: Actor,
                  reason: str | None) -> None:
        self.goals[goal_id] = Goal(goal_id, title, on, actor)

    def ratify(self, *, ranking: Iterable[UUID], vote: Vote, actor: Actor,
               reason: str | None = None) -> None:
        """The body ranked and ratified goals by ``vote``: ``ranking`` lists every goal in
        force afterwards, first priority first (those already ratified, re-ranked, and the
        proposed ones it ratifies now)."""
        carried = require_carried(vote, self.body, term("ratifying the members' goals"))
        actor = require_actor(actor)
        if isinstance(ranking, UUID | str) or not isinstance(ranking, Iterable):
            raise InvalidInput.worded("the ranking is a list of goal ids, first priority first")
        order = tuple(ranking)
        if not order:
            raise InvalidInput.worded("the ranking lists at least one goal")
        if len(set(order)) != len(order):
            raise InvalidInput.worded("the ranking lists each goal once")
        for goal_id in order:
            if self.goal(goal_id).retired_on is not None:
                raise RuleViolation.worded("the goal '{title}' was retired on {retired_on}: it "
                                           "cannot be ranked", title=self.goals[goal_id].title,
                                           retired_on=self.goals[goal_id].retired_on)
        for goal_id in order:
            _not_before(self.goals[goal_id], carried.held_on, term("ratified"))
        dropped = [self.goals[g].title for g in self.ranking if g not in order]
        if dropped:
            raise RuleViolation.worded("the ranking leaves out goals in force ({dropped}): "
                                       "retire a goal by a vote, rather than leave it out",
                                       dropped='; '.join(dropped))
        self._ratified(ranking=order, vote=carried, actor=actor, reason=clean_reason(reason))

    @event("GoalsRatified")
    def _ratified(self, ranking: tuple[UUID, ...], vote: Vote, actor: Actor,
                  reason: str | None) -> None:
        self.ranking = tuple(ranking)
        for goal_id in self.ranking:
            goal = self.goals[goal_id]
            if goal.ratified_on is None:
                goal = attrs.evolve(goal, ratified_on=vote.held_on)
            self.goals[goal_id] = goal
        self._rerank()

    def amend(self, goal_id: UUID, *, title: str, vote: Vote, actor: Actor,
              reason: str | None = None) -> None:
        """The body amended a goal's words by ``vote``."""
        carried = require_carried(vote, self.body, term("amending a goal"))
        goal = self._in_force(goal_id, term("amended"))
        _not_before(goal, carried.held_on, term("amended"))
        words, actor = goal_title(title), require_actor(actor)
        if words == goal.title:
            raise InvalidInput.worded("the goal already reads '{words}'", words=words)
        self._amended(goal_id=goal.id, title=words, vote=carried, actor=actor,
                      reason=clean_reason(reason))

    @event("GoalAmended")
    def _amended(self, goal_id: UUID, title: str, vote: Vote, actor: Actor,
                 reason: str | None) -> None:
        goal = self.goals[goal_id]
        self.goals[goal_id] = attrs.evolve(goal, title=title,
                                           amended_on=(*goal.amended_on, vote.held_on))

    def retire(self, goal_id: UUID, *, vote: Vote, actor: Actor,
               reason: str | None = None) -> None:
        """The body retired a goal by ``vote``: it leaves the ranking, and no new budget line
        may be tied to it (lines tied to it keep it)."""
        carried = require_carried(vote, self.body, term("retiring a goal"))
        goal = self._in_force(goal_id, term("retired"))
        _not_before(goal, carried.held_on, term("retired"))
        self._retired(goal_id=goal.id, vote=carried, actor=require_actor(actor),
                      reason=clean_reason(reason))

    @event("GoalRetired")
    def _retired(self, goal_id: UUID, vote: Vote, actor: Actor, reason: str | None) -> None:
        self.goals[goal_id] = attrs.evolve(self.goals[goal_id], retired_on=vote.held_on,
                                           rank=None)
        self.ranking = tuple(g for g in self.ranking if g != goal_id)
        self._rerank()

    def _in_force(self, goal_id: object, act: str) -> Goal:
        goal = self.goal(goal_id)
        if not goal.in_force:
            raise RuleViolation.worded("the goal '{title}' is {status}: only a goal in force can "
                                       "be {act}", title=goal.title, status=goal.status, act=act)
        return goal

    def _rerank(self) -> None:
        for place, goal_id in enumerate(self.ranking, start=1):
            self.goals[goal_id] = attrs.evolve(self.goals[goal_id], rank=place)
