"""The organizer network's measures over time: active leaders, locals supported with real
organizing plans, and participation split between rank-and-file members and elected officers,
per area, sector and period, as series a host can chart.

The measures are counted from facts read out of the records (:class:`NetworkFacts`), never
typed in. A **period** is a calendar month, quarter or year; a series has one value per period,
from the period holding the first day asked to the one holding the last. Standing measures
(active leaders, locals supported, locals with real plans) are read on the period's last day
(or the last day asked, if earlier); participation counts the distinct people who took part
in the period, each once, whatever they did and however often.

- **Active leader**: proven by a passing test they led, not gone, and leading a test or taking
  part in an action within the host's window before the day.
- **Local with a real plan**: a local an area team supports that day, with a plan in force
  that has a goal and shows activity at its workplaces within the window
  (:meth:`~bargaining.domain.organizing.plans.OrganizingPlan.real_on`).
- **Participant**: a person who took part in the period (an act with its day: a leader
  identified, leading a test, taking part in an action; a volunteer joining an area team;
  a role taken in a body; leading or attending a training, mentoring or being mentored,
  joining a call team or making calls, stepping into an activist's role). An **elected
  officer** is a participant who held an elected role (``Rank.ELECTED_OFFICER``: a body's
  role, or an activist's role stepped into as one) on a day they took part in the period;
  every other participant is **rank-and-file**. So rank-and-file plus officers is
  every participant, and no one is counted twice in a period.
- **Scope**: ``area`` keeps what a team of that area (a region's or a sector's name) supports
  on the day (its locals and workplaces, and its volunteers); ``sector`` keeps workplaces of
  that sector and what a team of that sector supports, and locals whose plans name a
  workplace of that sector. Both together keep what both keep.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator, Mapping
from datetime import date, timedelta
from fractions import Fraction
from uuid import UUID

import attrs

from bargaining.domain.organizing.plans import OrganizingPlan
from bargaining.domain.shared.errors import InvalidInput
from bargaining.domain.shared.shares import percent_of


class Period(enum.Enum):
    """The length of one step of a series."""

    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"

    def start_of(self, day: date) -> date:
        """The first day of the period holding ``day``."""
        if self is Period.YEAR:
            return date(day.year, 1, 1)
        if self is Period.QUARTER:
            return date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
        return date(day.year, day.month, 1)

    def next_start(self, start: date) -> date:
        """The first day of the period after the one starting on ``start``."""
        months = {Period.MONTH: 1, Period.QUARTER: 3, Period.YEAR: 12}[self]
        month = start.month - 1 + months
        return date(start.year + month // 12, month % 12 + 1, 1)

    def spans(self, first: date, last: date) -> Iterator[tuple[date, date]]:
        """(start, last day) of each period from the one holding ``first`` to the one holding
        ``last``; the last period ends on ``last``."""
        start = self.start_of(first)
        while start <= last:
            following = self.next_start(start)
            yield start, min(following - timedelta(days=1), last)
            start = following


@attrs.frozen
class Spell:
    """Something true from ``began`` to before ``ended`` (``None``: still)."""

    began: date
    ended: date | None = None

    def covers(self, day: date) -> bool:
        return self.began <= day and (self.ended is None or day < self.ended)


@attrs.frozen
class Act:
    """``person`` took part on ``on`` (``what``, in words) at a local, a workplace or with an
    area team (whichever is known): what participation counts."""

    person: str
    on: date
    what: str
    local: str | None = None
    workplace: UUID | None = None
    team: UUID | None = None


@attrs.frozen
class LeaderFacts:
    """A possible leader of a workplace: the day first proven, the days they led a test or
    took part in an action, and the day they left."""

    person: str
    workplace: UUID
    proven_on: date | None
    active_days: tuple[date, ...]
    left_on: date | None

    def active_on(self, day: date, within: timedelta) -> bool:
        if self.proven_on is None or self.proven_on > day:
            return False
        if self.left_on is not None and self.left_on <= day:
            return False
        return any(day - within <= d <= day for d in self.active_days)


@attrs.frozen
class TeamFacts:
    """An area team's area, and the spells of the locals and workplaces it supported."""

    area: str
    sector: bool
    locals: tuple[tuple[str, Spell], ...] = ()
    workplaces: tuple[tuple[UUID, Spell], ...] = ()


@attrs.frozen(kw_only=True)
class NetworkFacts:
    """What the measures are counted from: people by their opaque ids only. The read model
    hands its facts out with read-only mappings and copies of the plans, so that a host
    changing what it was handed changes no later answer."""

    teams: Mapping[UUID, TeamFacts]
    sectors: Mapping[UUID, str | None]
    plans: tuple[OrganizingPlan, ...]
    activity: Mapping[UUID, tuple[date, ...]]
    leaders: tuple[LeaderFacts, ...]
    acts: tuple[Act, ...]
    officers: Mapping[str, tuple[Spell, ...]]


@attrs.frozen(kw_only=True)
class NetworkReading:
    """The network's standing measures on a day and its participation over a period."""

    starts: date
    on: date
    active_leaders: int
    locals_supported: int
    locals_with_real_plans: int
    participants: int
    rank_and_file: int
    elected_officers: int

    @property
    def officers_percent(self) -> Fraction:
        """Elected officers as a percentage of the participants (0 with none)."""
        return percent_of(self.elected_officers, self.participants)


#: The measures a series holds, in the order a table shows them.
MEASURES = ("active_leaders", "locals_supported", "locals_with_real_plans", "participants",
            "rank_and_file", "elected_officers")


@attrs.frozen(kw_only=True)
class NetworkSeries:
    """One reading per period; :meth:`of` gives a measure as (period start, value) pairs."""

    period: Period
    readings: tuple[NetworkReading, ...]

    def of(self, measure: str) -> list[tuple[date, int | Fraction]]:
        """A measure (one of :data:`MEASURES`, or ``"officers_percent"``) per period."""
        if measure not in (*MEASURES, "officers_percent"):
            raise InvalidInput.worded("a network measure is one of {measures} or officers_percent",
                                      measures=', '.join(MEASURES))
        return [(r.starts, getattr(r, measure)) for r in self.readings]


class Scope:
    """Which locals, workplaces and acts count under an area and a sector (either may be
    ``None``: no limit), on a day."""

    def __init__(self, facts: NetworkFacts, area: str | None, sector: str | None) -> None:
        self.facts, self.area, self.sector = facts, area, sector

    def _teams(self, sector_only: bool, name: str) -> Iterator[TeamFacts]:
        return (t for t in self.facts.teams.values()
                if t.area == name and (t.sector or not sector_only))

    def supported_locals(self, day: date) -> set[str]:
        return {local for t in self.facts.teams.values() for local, s in t.locals
                if s.covers(day)}

    def local(self, local: str, day: date) -> bool:
        if self.area is not None and not any(
                name == local and s.covers(day)
                for t in self._teams(False, self.area) for name, s in t.locals):
            return False
        if self.sector is not None:
            by_team = any(name == local and s.covers(day)
                          for t in self._teams(True, self.sector) for name, s in t.locals)
            by_plan = any(p.local == local and p.in_force(day) and any(
                self.facts.sectors.get(w) == self.sector for w in p.workplaces)
                for p in self.facts.plans)
            return by_team or by_plan
        return True

    def workplace(self, place: UUID, day: date) -> bool:
        if self.area is not None and not any(
                w == place and s.covers(day)
                for t in self._teams(False, self.area) for w, s in t.workplaces):
            return False
        if self.sector is not None:
            return self.facts.sectors.get(place) == self.sector or any(
                w == place and s.covers(day)
                for t in self._teams(True, self.sector) for w, s in t.workplaces)
        return True

    def act(self, act: Act) -> bool:
        if act.workplace is not None:
            return self.workplace(act.workplace, act.on)
        if act.local is not None:
            return self.local(act.local, act.on)
        if act.team is not None:
            team = self.facts.teams.get(act.team)
            return team is not None and (self.area in (None, team.area)) and (
                self.sector is None or (team.sector and team.area == self.sector))
        return self.area is None and self.sector is None


def officer_on(facts: NetworkFacts, person: str, days: Iterable[date]) -> bool:
    """Whether ``person`` held an elected role on one of ``days``."""
    terms = facts.officers.get(person, ())
    return any(t.began <= d and (t.ended is None or d <= t.ended) for t in terms for d in days)


def reading(facts: NetworkFacts, scope: Scope, starts: date, on: date,
            within: timedelta) -> NetworkReading:
    """The measures of the period from ``starts`` to ``on`` (standing ones read on ``on``)."""
    leaders = {x.person for x in facts.leaders
               if x.active_on(on, within) and scope.workplace(x.workplace, on)}
    supported = {local for local in scope.supported_locals(on) if scope.local(local, on)}
    real = {p.local for p in facts.plans if p.local in supported and p.real_on(
        on, (d for w in p.workplaces for d in facts.activity.get(w, ())), within)}
    days: dict[str, list[date]] = {}
    for act in facts.acts:
        if starts <= act.on <= on and scope.act(act):
            days.setdefault(act.person, []).append(act.on)
    officers = sum(officer_on(facts, person, seen) for person, seen in days.items())
    return NetworkReading(starts=starts, on=on, active_leaders=len(leaders),
                          locals_supported=len(supported), locals_with_real_plans=len(real),
                          participants=len(days), rank_and_file=len(days) - officers,
                          elected_officers=officers)


def series(facts: NetworkFacts, period: Period, first: date, last: date, *,
           area: str | None, sector: str | None, within: timedelta) -> NetworkSeries:
    """The measures period by period from ``first`` to ``last``."""
    if last < first:
        raise InvalidInput.worded("a series cannot end ({last}) before it starts ({first})",
                                  last=last, first=first)
    scope = Scope(facts, area, sector)
    return NetworkSeries(period=period, readings=tuple(
        reading(facts, scope, start, end, within) for start, end in period.spans(first, last)))
