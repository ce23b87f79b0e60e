"""A body of the union and its roles: seats, holders with their terms, reporting
expectations, work plans and reports.

A body's id is derived from its organization and its name (:func:`body_id`, public so that
other contexts, such as elections, can name a body by its id or by its organization and name).
The record holds the body's rules for its meetings (the notice they need, their quorum); the
meetings are records of their own (:class:`~bargaining.domain.democracy.meeting.Meeting`),
listed by year in a :class:`~bargaining.domain.democracy.calendar.MeetingCalendar`, so neither
the body's record nor any other grows with the years it meets.

Refused, recording nothing: a role given to more people at once than it has seats; a term that
ends before it starts; a report for a period its role's expectation does not have.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date
from fractions import Fraction
from uuid import UUID

from eventsourcing.domain import Aggregate, event

from bargaining.domain.democracy.accountability import (
    Expectation,
    Report,
    ReportDue,
    WorkPlan,
    grace,
    report_states,
    whole_months,
)
from bargaining.domain.democracy.roles import (
    BodyType,
    FilledBy,
    Holding,
    Rank,
    most_at_once,
    voting_body,
)
from bargaining.domain.shared.actor import Actor, clean_reason, require_actor
from bargaining.domain.shared.choices import choice
from bargaining.domain.shared.dates import require_date
from bargaining.domain.shared.errors import InvalidInput, RecordNotFound, RuleViolation, term
from bargaining.domain.shared.people import person_id
from bargaining.domain.shared.record_ids import PUBLIC_IDS, RecordIds, created
from bargaining.domain.shared.text import clean_name, clean_source_text
from bargaining.domain.shared.vote import Body, Quorum, whole_count

#: The namespace of body ids: never change it, or bodies recorded before are not found.
BODY_NAMESPACE = UUID("4f6b7a62-5d7e-4c54-9a53-64656d6f6372")


def body_words(organization: str, name: str) -> str:
    """The words a body's id is derived from: the two, spacing tidied and case folded,
    joined by a line feed (``"cupe ontario\\nexecutive board"``)."""
    return "\n".join(" ".join(str(part).split()).casefold() for part in (organization, name))


def body_id(organization: str, name: str) -> UUID:
    """The public id of the body ``name`` of ``organization``: a UUID 5 of its words (the id
    on a store without encryption; an encrypted store's are keyed, see
    ``app.democracy.body_id``)."""
    return uuid.uuid5(BODY_NAMESPACE, body_words(organization, name))


class RoleNotFound(RecordNotFound):
    """The body has no role of that name."""


def _text(value: object, what: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise InvalidInput.worded("a {what} is needed", what=what)
    return clean_name(value, what)


def _where(value: object, what: str) -> str:
    where = clean_source_text(value, what)
    if not where:
        raise InvalidInput.worded("say where the {what} is (a link, a file, a binder)", what=what)
    return where


class GoverningBody(Aggregate):
    """A body that meets and decides, with its roles and their holders."""

    @staticmethod
    def create_id(organization: str, name: str, **_: object) -> UUID:
        return body_id(organization, name)

    @classmethod
    def form(cls, *, organization: str, name: str, kind: object, notice_days: int = 0,
             quorum: Quorum | None = None, actor: Actor,
             reason: str | None = None, ids: RecordIds = PUBLIC_IDS) -> GoverningBody:
        """A body of ``organization``; its meetings need ``notice_days`` of notice and, when
        given, a :class:`Quorum` (a number present, or a share of its voting members). Its
        id is the one ``ids`` (the store's) gives its organization and name."""
        if quorum is not None and not isinstance(quorum, Quorum):
            raise InvalidInput.worded("a body's quorum is a Quorum, such as Quorum.present(6)")
        organization, name = _text(organization, term("body's organization")), _text(
            name, term("body's name"))
        return created(cls, "Formed", ids.named(BODY_NAMESPACE, body_words(organization, name)),
                       organization=organization, name=name, kind=choice(kind, BodyType,
                                                                         term("body")),
                       notice_days=whole_count(notice_days, term("the days of notice")),
                       quorum_percent=None if quorum is None else quorum.percent,
                       quorum_people=None if quorum is None else quorum.people,
                       actor=require_actor(actor), reason=clean_reason(reason))

    @event("Formed")
    def __init__(self, *, organization: str, name: str, kind: BodyType, notice_days: int,
                 quorum_percent: Fraction | None, quorum_people: int | None, actor: Actor,
                 reason: str | None) -> None:
        self.organization = organization
        self.name = name
        self.kind = kind
        self.notice_days = notice_days
        self.quorum_percent = quorum_percent
        self.quorum_people = quorum_people
        self.seats: dict[str, int] = {}
        self.holdings: list[Holding] = []
        self.expectations: list[Expectation] = []
        self.work_plans: list[WorkPlan] = []
        self.reports: list[Report] = []

    # ----------------------------------------------------------------- queries

    @property
    def voting_body(self) -> Body:
        """The body its votes name: ``Vote(..., body=body.voting_body)``."""
        return voting_body(self.kind, self.name)

    @property
    def quorum(self) -> Quorum | None:
        if self.quorum_percent is None and self.quorum_people is None:
            return None
        return Quorum(percent=self.quorum_percent, people=self.quorum_people)

    def role(self, name: object) -> str:
        """A role's name as recorded, or a refusal in words."""
        if not isinstance(name, str):
            raise InvalidInput.worded("a role is named by its name, not {name}", name=repr(name))
        title = clean_name(name, term("role's name"))
        if title not in self.seats:
            raise RoleNotFound.worded("the {name} has no role '{title}'",
                                      name=self.name, title=title)
        return title

    def holders(self, role: str, on: date) -> list[Holding]:
        """Who held a role on a day."""
        title = self.role(role)
        return [h for h in self.holdings if h.role == title and h.on(on)]

    def held_on(self, on: date) -> list[Holding]:
        """Every role's holders on a day, in the order the roles were added."""
        order = list(self.seats)
        return sorted((h for h in self.holdings if h.on(on)), key=lambda h: order.index(h.role))

    def report_states(self, on: date, role: str | None = None) -> list[ReportDue]:
        """Each ended period's report as it stands on ``on``, for one role or all."""
        only = None if role is None else self.role(role)
        found: list[ReportDue] = []
        for expectation in self.expectations:
            if only is None or expectation.role == only:
                found += report_states(expectation, self.reports, on,
                                       self._staffed(expectation.role))
        return found

    def _staffed(self, role: str) -> Callable[[date], bool]:
        return lambda day: any(h.role == role and h.on(day) for h in self.holdings)

    # ---------------------------------------------------------------- commands

    def add_role(self, *, name: str, seats: int = 1, actor: Actor,
                 reason: str | None = None) -> None:
        """A role of the body, which ``seats`` people may hold at once (one by default)."""
        title = _text(name, term("role's name"))
        count = whole_count(seats, term("a role's seats"))
        if count == 0:
            raise InvalidInput.worded("a role has at least one seat")
        if title in self.seats:
            raise RuleViolation.worded("the {name} already has a role '{title}'",
                                       name=self.name, title=title)
        self._role_added(role=title, seats=count, actor=require_actor(actor),
                         reason=clean_reason(reason))

    @event("RoleAdded")
    def _role_added(self, role: str, seats: int, actor: Actor, reason: str | None) -> None:
        self.seats[role] = seats

    def fill(self, *, role: str, person: str, starts: date, ends: date | None = None,
             filled_by: object, rank: object, first_role: bool, actor: Actor,
             reason: str | None = None) -> None:
        """``person`` (an opaque id) holds ``role`` from ``starts`` to ``ends`` (open when
        ``None``); refused if on some day the role would have more holders than seats."""
        title = self.role(role)
        who = person_id(person, term("holder's id"))
        first = require_date(starts, term("first day of the term"))
        last = None if ends is None else require_date(ends, term("last day of the term"))
        if last is not None and last < first:
            raise InvalidInput.worded("a term cannot end ({last}) before it starts ({first})",
                                      last=last, first=first)
        if not isinstance(first_role, bool):
            raise InvalidInput.worded("say whether this is the person's first role (True or "
                                      "False)")
        how = choice(filled_by, FilledBy, term("way a role is filled"))
        where = choice(rank, Rank, term("rank"))
        self._check_seats(title, [(first, last)])
        self._filled(role=title, person=who, starts=first, ends=last, filled_by=how,
                     rank=where, first_role=first_role, actor=require_actor(actor),
                     reason=clean_reason(reason))

    @event("RoleFilled")
    def _filled(self, role: str, person: str, starts: date, ends: date | None,
                filled_by: FilledBy, rank: Rank, first_role: bool, actor: Actor,
                reason: str | None) -> None:
        self.holdings.append(Holding(role, person, starts, ends, filled_by, rank,
                                     first_role))

    def _check_seats(self, role: str, more: list[tuple[date, date | None]],
                     leaving: Holding | None = None) -> None:
        terms = [(h.starts, h.ends) for h in self.holdings if h.role == role and h != leaving]
        most, when = most_at_once(terms + more)
        if most > self.seats[role]:
            seats = self.seats[role]
            raise RuleViolation.worded("the {name} allows {seats} {value} of the role '{role}' "
                                       "at once; from {when} this would make {most}",
                                       name=self.name, seats=seats,
                                       value='holder' if seats == 1 else 'holders', role=role,
                                       when=when, most=most)

    def end_term(self, *, role: str, person: str, on: date, actor: Actor,
                 reason: str | None = None) -> None:
        """``person``'s term in ``role`` ended on ``on`` (their last day in it)."""
        title, who = self.role(role), person_id(person, term("holder's id"))
        last = require_date(on, term("last day of the term"))
        held = [h for h in self.holdings if h.role == title and h.person == who and h.on(last)]
        if not held:
            raise RuleViolation.worded("that person did not hold the role '{title}' on {last}",
                                       title=title, last=last)
        self._term_ended(role=title, person=who, on=last, actor=require_actor(actor),
                         reason=clean_reason(reason))

    @event("TermEnded")
    def _term_ended(self, role: str, person: str, on: date, actor: Actor,
                    reason: str | None) -> None:
        for index, h in enumerate(self.holdings):
            if h.role == role and h.person == person and h.on(on):
                self.holdings[index] = Holding(h.role, h.person, h.starts, on, h.filled_by,
                                               h.rank, h.first_role)

    def expect_reports(self, *, role: str, what: str, to_whom: str, every_months: int,
                       starts: date, grace_days: int = 30, actor: Actor,
                       reason: str | None = None) -> None:
        """The role reports ``what`` to ``to_whom`` every so many months from ``starts``,
        each report due ``grace_days`` after its period ends."""
        title = self.role(role)
        topic, audience = _text(what, term("report's subject")), _text(to_whom,
                                                                       term("report's audience"))
        if any((e.role, e.what) == (title, topic) for e in self.expectations):
            raise RuleViolation.worded("the role '{title}' already reports '{topic}'",
                                       title=title, topic=topic)
        self._expected(role=title, what=topic, to_whom=audience,
                       every_months=whole_months(every_months),
                       starts=require_date(starts, term("first day of the first period")),
                       grace_days=grace(grace_days), actor=require_actor(actor),
                       reason=clean_reason(reason))

    @event("ReportsExpected")
    def _expected(self, role: str, what: str, to_whom: str, every_months: int, starts: date,
                  grace_days: int, actor: Actor, reason: str | None) -> None:
        self.expectations.append(Expectation(role, what, to_whom, every_months, starts,
                                             grace_days))

    def file_work_plan(self, *, role: str, person: str, on: date, where: str, actor: Actor,
                       reason: str | None = None) -> None:
        """A holder of ``role`` filed a work plan on ``on``, found at ``where``."""
        self._plan_filed(role=self.role(role), person=person_id(person, term("holder's id")),
                         on=require_date(on, term("day the work plan was filed")),
                         where=_where(where, term("work plan")), actor=require_actor(actor),
                         reason=clean_reason(reason))

    @event("WorkPlanFiled")
    def _plan_filed(self, role: str, person: str, on: date, where: str, actor: Actor,
                    reason: str | None) -> None:
        self.work_plans.append(WorkPlan(role, person, on, where))

    def file_report(self, *, role: str, what: str, period_end: date, on: date, led_by: str,
                    led_by_rank: object, where: str, actor: Actor,
                    reason: str | None = None) -> None:
        """The report of ``what`` for the period ending ``period_end`` was filed on ``on``,
        led by ``led_by`` (an opaque id) of this :class:`Rank`. A late report is a fact
        like any other: recorded."""
        title = self.role(role)
        topic = _text(what, term("report's subject"))
        expected = [e for e in self.expectations if (e.role, e.what) == (title, topic)]
        if not expected:
            raise RuleViolation.worded("the role '{title}' has no reports of '{topic}' expected",
                                       title=title, topic=topic)
        end = require_date(period_end, term("last day of the report's period"))
        if not expected[0].is_period_end(end):
            raise InvalidInput.worded("{end} is not the last day of a period of '{topic}', "
                                      "reported every {every_months} months from {starts}",
                                      end=end, topic=topic, every_months=expected[0].every_months,
                                      starts=expected[0].starts)
        self._report_filed(role=title, what=topic, period_end=end,
                           on=require_date(on, term("day the report was filed")),
                           led_by=person_id(led_by, term("id of who led the report")),
                           led_by_rank=choice(led_by_rank, Rank, term("rank")),
                           where=_where(where, term("report")), actor=require_actor(actor),
                           reason=clean_reason(reason))

    @event("ReportFiled")
    def _report_filed(self, role: str, what: str, period_end: date, on: date, led_by: str,
                      led_by_rank: Rank, where: str, actor: Actor,
                      reason: str | None) -> None:
        self.reports.append(Report(role, what, period_end, on, led_by, led_by_rank, where))
