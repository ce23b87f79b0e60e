"""Commands and queries on the pathways of rank-and-file leadership: training sessions and
who was trained, mentoring pairs, call teams and their calls (counts), field plan templates
and the plans locals adopt from them, activists stepping into roles; and who took part in
what, on which day.

``app.training`` is a :class:`Training`. Every command names its actor and takes an optional
reason; a refused command records nothing. Reads take ``on``, ``at`` or ``version``, one at
most. Ids are random: they reveal nothing of the people or locals.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any, TypeVar
from uuid import UUID

from bargaining.application.ports import EventLog, Records
from bargaining.application.time_travel import load_reading
from bargaining.domain.democracy.roles import Rank
from bargaining.domain.shared.actor import Actor
from bargaining.domain.shared.dates import require_date
from bargaining.domain.shared.errors import InvalidInput
from bargaining.domain.training.call_teams import CallTeam
from bargaining.domain.training.participation import TookPart, took_part
from bargaining.domain.training.plans import ActivistRole, FieldPlan, FieldPlanTemplate
from bargaining.domain.training.sessions import Mentoring, TrainingSession

A = TypeVar("A")
_PAGE = 1000
_KINDS: tuple[Any, ...] = (TrainingSession, Mentoring, CallTeam, ActivistRole)


class Training:
    """Training sessions, mentoring, call teams, field plans and activists' roles."""

    def __init__(self, records: Records, log: EventLog) -> None:
        self._records = records
        self._log = log

    def _read(self, record: UUID, kind: type[A], what: str, on: date | None = None,
              at: datetime | None = None, version: int | None = None) -> A:
        return load_reading(self._records, record, kind, what, on=on, at=at, version=version)

    def _new(self, record: Any) -> UUID:
        self._records.save(record)
        record_id: UUID = record.id
        return record_id

    # ---------------------------------------------------------- sessions, mentoring

    def hold_session(self, *, topic: str, on: date, trainer: str, trainees: Sequence[str],
                     actor: Actor, local: str | None = None,
                     reason: str | None = None) -> UUID:
        """A training session on ``topic`` held on ``on`` by ``trainer`` for ``trainees``
        (opaque ids). Returns its id."""
        return self._new(TrainingSession.hold(topic=topic, on=on, trainer=trainer,
                                              trainees=trainees, local=local, actor=actor,
                                              reason=reason))

    def add_trainees(self, session: UUID, *, trainees: Sequence[str], actor: Actor,
                     reason: str | None = None) -> None:
        """More people trained at a session (a sign-in sheet found later)."""
        found = self.session(session)
        found.add_trainees(trainees=trainees, actor=actor, reason=reason)
        self._records.save(found)

    def session(self, session: UUID, *, on: date | None = None, at: datetime | None = None,
                version: int | None = None) -> TrainingSession:
        """A training session as recorded, or read on a day, at a moment or a version."""
        return self._read(session, TrainingSession, "training session", on, at, version)

    def pair(self, *, mentor: str, mentee: str, starts: date, actor: Actor,
             local: str | None = None, reason: str | None = None) -> UUID:
        """``mentor`` mentors ``mentee`` from ``starts``. Returns the pair's id."""
        return self._new(Mentoring.pair(mentor=mentor, mentee=mentee, starts=starts,
                                        local=local, actor=actor, reason=reason))

    def end_mentoring(self, pair: UUID, *, on: date, actor: Actor,
                      reason: str | None = None) -> None:
        """The pair's last day of mentoring."""
        found = self.mentoring(pair)
        found.end(on=on, actor=actor, reason=reason)
        self._records.save(found)

    def mentoring(self, pair: UUID, *, on: date | None = None, at: datetime | None = None,
                  version: int | None = None) -> Mentoring:
        """A mentoring pair as recorded, or read on a day, at a moment or a version."""
        return self._read(pair, Mentoring, "mentoring pair", on, at, version)

    # ------------------------------------------------------------------ call teams

    def form_call_team(self, *, name: str, members: Sequence[str], on: date, actor: Actor,
                       local: str | None = None, reason: str | None = None) -> UUID:
        """A call team formed on ``on`` with ``members`` (ids). Returns its id."""
        return self._new(CallTeam.form(name=name, members=members, on=on, local=local,
                                       actor=actor, reason=reason))

    def join_call_team(self, team: UUID, *, person: str, on: date, actor: Actor,
                       reason: str | None = None) -> None:
        """``person`` joins the team on ``on``."""
        found = self.call_team(team)
        found.join(person=person, on=on, actor=actor, reason=reason)
        self._records.save(found)

    def leave_call_team(self, team: UUID, *, person: str, on: date, actor: Actor,
                        reason: str | None = None) -> None:
        """``person``'s last day on the team."""
        found = self.call_team(team)
        found.leave(person=person, on=on, actor=actor, reason=reason)
        self._records.save(found)

    def record_calls(self, team: UUID, *, person: str, on: date, made: int, reached: int,
                     actor: Actor, reason: str | None = None) -> None:
        """A member's calls on a day: ``made``, and ``reached`` of them (never more)."""
        found = self.call_team(team)
        found.record_calls(person=person, on=on, made=made, reached=reached, actor=actor,
                           reason=reason)
        self._records.save(found)

    def call_team(self, team: UUID, *, on: date | None = None, at: datetime | None = None,
                  version: int | None = None) -> CallTeam:
        """A call team as recorded, or read on a day, at a moment or a version."""
        return self._read(team, CallTeam, "call team", on, at, version)

    # ----------------------------------------------------------------- field plans

    def draft_template(self, *, name: str, steps: Sequence[str], actor: Actor,
                       reason: str | None = None) -> UUID:
        """A field plan template of ``steps``, in order. Returns its id."""
        return self._new(FieldPlanTemplate.draft(name=name, steps=steps, actor=actor,
                                                 reason=reason))

    def template(self, template: UUID, *, at: datetime | None = None,
                 version: int | None = None) -> FieldPlanTemplate:
        """A field plan template as recorded, or at a moment or a version."""
        return self._read(template, FieldPlanTemplate, "field plan template", None, at,
                          version)

    def adopt_plan(self, template: UUID, *, local: str, on: date, actor: Actor,
                   reason: str | None = None) -> UUID:
        """``local`` adopts a field plan from ``template`` on ``on``, with its own copy of the
        steps. Returns the plan's id."""
        return self._new(FieldPlan.adopt(self.template(template), local=local, on=on,
                                         actor=actor, reason=reason))

    def complete_step(self, plan: UUID, *, step: str, on: date, actor: Actor,
                      reason: str | None = None) -> None:
        """A step of a local's plan done on ``on``."""
        found = self.plan(plan)
        found.complete(step=step, on=on, actor=actor, reason=reason)
        self._records.save(found)

    def plan(self, plan: UUID, *, on: date | None = None, at: datetime | None = None,
             version: int | None = None) -> FieldPlan:
        """A local's field plan as recorded, or read on a day, at a moment or a version."""
        return self._read(plan, FieldPlan, "field plan", on, at, version)

    # ------------------------------------------------------------------------ roles

    def step_in(self, *, person: str, role: str, local: str, on: date, rank: Rank | str,
                first_role: bool, actor: Actor, reason: str | None = None) -> UUID:
        """``person`` steps into ``role`` in ``local`` on ``on`` as a :class:`Rank` (or its
        words); ``first_role`` marks a new activist. Returns the record's id."""
        return self._new(ActivistRole.step_in(person=person, role=role, local=local, on=on,
                                              rank=rank, first_role=first_role, actor=actor,
                                              reason=reason))

    def step_out(self, role: UUID, *, on: date, actor: Actor,
                 reason: str | None = None) -> None:
        """The activist's last day in the role."""
        found = self.activist_role(role)
        found.step_out(on=on, actor=actor, reason=reason)
        self._records.save(found)

    def activist_role(self, role: UUID, *, on: date | None = None,
                      at: datetime | None = None, version: int | None = None) -> ActivistRole:
        """An activist's role as recorded, or read on a day, at a moment or a version."""
        return self._read(role, ActivistRole, "activist's role", on, at, version)

    # ------------------------------------------------------------ who took part

    def took_part(self, *, since: date | None = None,
                  until: date | None = None) -> list[TookPart]:
        """Who took part in what, on which day, from ``since`` to ``until`` (both included;
        open when ``None``): trainers and trainees per session, mentors and mentees from the
        day they paired, call team members joining and their calls per day (counts), and
        activists stepping into roles (with their rank and whether it is their first role).
        In the order recorded; people by their opaque ids only."""
        first = None if since is None else require_date(since, "first day")
        last = None if until is None else require_date(until, "last day")
        if first is not None and last is not None and last < first:
            raise InvalidInput(f"the last day ({last}) is before the first ({first})")
        rows: list[TookPart] = []
        created: dict[UUID, Any] = {}
        after = 0
        while True:
            page = self._log.read_log(after, _PAGE, _KINDS)
            for position, event in page:
                after = position
                created.setdefault(event.originator_id, event)
                rows += [r for r in took_part(event, created[event.originator_id])
                         if (first is None or r.on >= first) and (last is None or r.on <= last)]
            if len(page) < _PAGE:
                return rows
