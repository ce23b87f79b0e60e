"""Field plan templates, and the plans locals make of them; activists stepping into roles.

- A **field plan template** is a named list of steps a network offers its locals.
- A **field plan** is one local's instance of a template, adopted on a day: its own copy of
  the steps (a later template cannot change a plan a local adopted), each done on a day.
- An **activist role** is a person (an opaque id) stepping into a role in a local on a day, as
  a rank-and-file member or an elected officer, saying whether it is their first role; and
  stepping out on a later day.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from uuid import UUID

from eventsourcing.domain import Aggregate, event

from bargaining.domain.democracy.roles import Rank
from bargaining.domain.shared.actor import Actor, clean_reason, require_actor
from bargaining.domain.shared.choices import choice
from bargaining.domain.shared.dates import require_date
from bargaining.domain.shared.errors import InvalidInput, RuleViolation
from bargaining.domain.shared.people import person_id
from bargaining.domain.training.words import named, not_before


class FieldPlanTemplate(Aggregate):
    """A field plan a network offers its locals: a name and its steps, in order."""

    @classmethod
    def draft(cls, *, name: str, steps: Sequence[str], actor: Actor,
              reason: str | None = None) -> FieldPlanTemplate:
        """A template named ``name`` of ``steps`` (each named once)."""
        if isinstance(steps, str) or not isinstance(steps, Sequence) or not steps:
            raise InvalidInput("a field plan has steps: a list of what to do, in order")
        named_steps = [named(s, "step") for s in steps]
        if len(set(named_steps)) != len(named_steps):
            raise InvalidInput("a field plan names each step once")
        return cls(name=named(name, "field plan's name"), steps=named_steps,
                   actor=require_actor(actor), reason=clean_reason(reason))

    @event("Drafted")
    def __init__(self, *, name: str, steps: list[str], actor: Actor,
                 reason: str | None) -> None:
        self.name = name
        self.steps: list[str] = list(steps)


class FieldPlan(Aggregate):
    """One local's field plan, made from a template: its steps and the days they were done."""

    @classmethod
    def adopt(cls, template: FieldPlanTemplate, *, local: str, on: date, actor: Actor,
              reason: str | None = None) -> FieldPlan:
        """``local`` adopts a plan from ``template`` on ``on``."""
        if not isinstance(template, FieldPlanTemplate):
            raise InvalidInput("a field plan is made from a FieldPlanTemplate")
        return cls(template_id=template.id, template=template.name,
                   local=named(local, "local"), steps=list(template.steps),
                   on=require_date(on, "day the plan was adopted"), actor=require_actor(actor),
                   reason=clean_reason(reason))

    @event("Adopted")
    def __init__(self, *, template_id: UUID, template: str, local: str, steps: list[str],
                 on: date, actor: Actor, reason: str | None) -> None:
        self.template_id = template_id
        self.template = template
        self.local = local
        self.adopted_on = on
        self.steps: list[str] = list(steps)
        #: Each step done, and the day it was done.
        self.done: dict[str, date] = {}

    @property
    def progress(self) -> tuple[int, int]:
        """Steps done, of the plan's steps."""
        return len(self.done), len(self.steps)

    def done_by(self, day: date) -> list[str]:
        """The steps done on or before ``day``, in the plan's order."""
        return [s for s in self.steps if s in self.done and self.done[s] <= day]

    def complete(self, *, step: str, on: date, actor: Actor, reason: str | None = None) -> None:
        """``step`` of the plan was done on ``on``."""
        name = named(step, "step")
        if name not in self.steps:
            raise InvalidInput(f"the plan '{self.template}' of {self.local} has no step "
                               f"'{name}'")
        if name in self.done:
            raise RuleViolation(f"the step '{name}' was done on {self.done[name]}")
        day = not_before(on, self.adopted_on, "day the step was done", "the plan was adopted")
        self._done(step=name, on=day, actor=require_actor(actor), reason=clean_reason(reason))

    @event("StepDone")
    def _done(self, step: str, on: date, actor: Actor, reason: str | None) -> None:
        self.done[step] = on


class ActivistRole(Aggregate):
    """A person stepping into a role in a local, and out of it."""

    @classmethod
    def step_in(cls, *, person: str, role: str, local: str, on: date, rank: object,
                first_role: bool, actor: Actor, reason: str | None = None) -> ActivistRole:
        """``person`` steps into ``role`` in ``local`` on ``on``, as a :class:`Rank`;
        ``first_role`` says whether it is their first (a new activist)."""
        if not isinstance(first_role, bool):
            raise InvalidInput("say whether this is the person's first role (True or False)")
        return cls(person=person_id(person, "activist's id"), role=named(role, "role"),
                   local=named(local, "local"), on=require_date(on, "day they stepped in"),
                   rank=choice(rank, Rank, "rank"), first_role=first_role,
                   actor=require_actor(actor), reason=clean_reason(reason))

    @event("SteppedIn")
    def __init__(self, *, person: str, role: str, local: str, on: date, rank: Rank,
                 first_role: bool, actor: Actor, reason: str | None) -> None:
        self.person = person
        self.role = role
        self.local = local
        self.starts = on
        self.rank = rank
        self.first_role = first_role
        self.ends: date | None = None

    def active_on(self, day: date) -> bool:
        """Whether they held the role on ``day``."""
        return self.starts <= day and (self.ends is None or day <= self.ends)

    def step_out(self, *, on: date, actor: Actor, reason: str | None = None) -> None:
        """Their last day in the role."""
        if self.ends is not None:
            raise RuleViolation(f"they stepped out of the role '{self.role}' on {self.ends}")
        last = not_before(on, self.starts, "day they stepped out", "the day they stepped in")
        self._out(on=last, actor=require_actor(actor), reason=clean_reason(reason))

    @event("SteppedOut")
    def _out(self, on: date, actor: Actor, reason: str | None) -> None:
        self.ends = on
