"""The organizer network's measures over time, read from the records.

``app.network`` is a :class:`Network`. It reads the area teams, workplaces, organizing plans,
bodies (who held an elected role), and the training context's records (sessions, mentoring,
call teams, activists' roles: who took part, and activists stepping into elected roles) from
the event log once per question, in the order recorded, into the facts
:mod:`~bargaining.domain.organizing.network` counts. A fact counts on
its real-world day (``on``), so a series read today shows a back-filled fact in its own period.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any
from uuid import UUID

from bargaining.application.ports import EventLog
from bargaining.domain.democracy.body import GoverningBody
from bargaining.domain.democracy.roles import Rank
from bargaining.domain.organizing.leaders import window
from bargaining.domain.organizing.network import (
    Act,
    LeaderFacts,
    NetworkFacts,
    NetworkReading,
    NetworkSeries,
    Period,
    Scope,
    Spell,
    TeamFacts,
    reading,
    series,
)
from bargaining.domain.organizing.plans import OrganizingPlan
from bargaining.domain.organizing.team import AreaKind, AreaTeam, TeamRole
from bargaining.domain.organizing.workplace import Workplace
from bargaining.domain.shared.choices import choice
from bargaining.domain.shared.dates import require_date
from bargaining.domain.shared.errors import InvalidInput, term
from bargaining.domain.training.call_teams import CallTeam
from bargaining.domain.training.participation import STEPPED_IN, took_part
from bargaining.domain.training.plans import ActivistRole
from bargaining.domain.training.sessions import Mentoring, TrainingSession

_PAGE = 1000
#: The window of activity when the host sets none: a leader or a plan is active when
#: something happened within it.
ACTIVE_WITHIN = timedelta(days=90)
T: Any = AreaTeam
W: Any = Workplace
B: Any = GoverningBody
R: Any = ActivistRole
#: The training context's records whose events say who took part.
TRAINING = (TrainingSession, Mentoring, CallTeam, ActivistRole)


class _Builder:
    """Folds events, in the order recorded, into :class:`NetworkFacts`."""

    def __init__(self) -> None:
        self.teams: dict[UUID, dict[str, Any]] = {}
        self.sectors: dict[UUID, str | None] = {}
        self.plans: dict[UUID, OrganizingPlan] = {}
        self.activity: dict[UUID, list[date]] = {}
        self.leaders: dict[tuple[UUID, str], dict[str, Any]] = {}
        self.acts: list[Act] = []
        self.officers: dict[str, list[Spell]] = {}
        self.terms: dict[tuple[UUID, str, str], int] = {}
        #: Each body's organization, read as the local its roles are in.
        self.bodies: dict[UUID, str] = {}
        #: The first event of each training record, which says what later ones leave out.
        self.firsts: dict[UUID, Any] = {}

    def team(self, e: Any) -> None:
        tid = e.originator_id
        if isinstance(e, T.Formed):
            self.teams[tid] = {"area": e.area, "sector": e.kind is AreaKind.SECTOR,
                               "locals": [], "workplaces": []}
        elif isinstance(e, T.MemberJoined) and e.role is TeamRole.VOLUNTEER:
            self.acts.append(Act(e.person, e.on, "joined an area team", team=tid))
        elif isinstance(e, T.LocalSupported):
            self.teams[tid]["locals"].append([e.local, e.on, None])
        elif isinstance(e, T.LocalSupportEnded):
            _close(self.teams[tid]["locals"], e.local, e.on)
        elif isinstance(e, T.WorkplaceSupported):
            self.teams[tid]["workplaces"].append([e.workplace, e.on, None])
        elif isinstance(e, T.WorkplaceSupportEnded):
            _close(self.teams[tid]["workplaces"], e.workplace, e.on)

    def workplace(self, e: Any) -> None:
        wid = e.originator_id
        if isinstance(e, W.Registered):
            self.sectors[wid] = e.sector
        elif isinstance(e, W.MapRecorded):
            self.activity.setdefault(wid, []).append(e.on)
        elif isinstance(e, W.LeaderIdentified):
            self.leaders[(wid, e.person)] = {"proven": None, "days": [], "left": None}
            self.activity.setdefault(wid, []).append(e.on)
            self.acts.append(Act(e.person, e.on, "identified as a leader", workplace=wid))
        elif isinstance(e, W.TestHeld):
            test = e.test
            self.activity.setdefault(wid, []).append(test.on)
            if test.leader is not None:
                leader = self.leaders[(wid, test.leader)]
                leader["days"].append(test.on)
                if test.passed and (leader["proven"] is None or test.on < leader["proven"]):
                    leader["proven"] = test.on
                self.acts.append(Act(test.leader, test.on, "led a test", workplace=wid))
        elif isinstance(e, W.LeadersTookPart):
            self.activity.setdefault(wid, []).append(e.on)
            for person in e.people:
                self.leaders[(wid, person)]["days"].append(e.on)
                self.acts.append(Act(person, e.on, "took part in an action", workplace=wid))
        elif isinstance(e, W.LeaderLeft):
            self.leaders[(wid, e.person)]["left"] = e.on

    def body(self, e: Any) -> None:
        if isinstance(e, B.Formed):
            self.bodies[e.originator_id] = e.organization
        elif isinstance(e, B.RoleFilled):
            self.acts.append(Act(e.person, e.starts, "took a role in a body",
                                 local=self.bodies.get(e.originator_id)))
            if e.rank is Rank.ELECTED_OFFICER:
                self._term(e.originator_id, e.role, e.person, e.starts, e.ends)
        elif isinstance(e, B.TermEnded):
            self._ended(e.originator_id, e.role, e.person, e.on)

    def training(self, e: Any) -> None:
        first = self.firsts.setdefault(e.originator_id, e)
        for row in took_part(e, first):
            self.acts.append(Act(row.person, row.on, row.what, local=row.local))
            if row.what == STEPPED_IN and row.rank is Rank.ELECTED_OFFICER:
                self._term(e.originator_id, "", row.person, row.on, None)
        if isinstance(e, R.SteppedOut):
            self._ended(e.originator_id, "", first.person, e.on)

    def _term(self, record: UUID, role: str, person: str, starts: date,
              ends: date | None) -> None:
        terms = self.officers.setdefault(person, [])
        self.terms[(record, role, person)] = len(terms)
        terms.append(Spell(starts, ends))

    def _ended(self, record: UUID, role: str, person: str, on: date) -> None:
        index = self.terms.get((record, role, person))
        if index is not None:
            terms = self.officers[person]
            terms[index] = Spell(terms[index].began, on)

    def facts(self) -> NetworkFacts:
        return NetworkFacts(
            teams={tid: TeamFacts(
                area=t["area"], sector=t["sector"],
                locals=tuple((n, Spell(b, e)) for n, b, e in t["locals"]),
                workplaces=tuple((w, Spell(b, e)) for w, b, e in t["workplaces"]))
                for tid, t in self.teams.items()},
            sectors=dict(self.sectors), plans=tuple(self.plans.values()),
            activity={w: tuple(days) for w, days in self.activity.items()},
            leaders=tuple(LeaderFacts(person, wid, x["proven"], tuple(x["days"]), x["left"])
                          for (wid, person), x in self.leaders.items()),
            acts=tuple(self.acts),
            officers={p: tuple(t) for p, t in self.officers.items()})


def _close(spells: list[list[Any]], who: object, on: date) -> None:
    for spell in reversed(spells):
        if spell[0] == who and spell[2] is None:
            spell[2] = on
            return


class Network:
    """The organizer network's measures: a reading on a day, or series by period."""

    def __init__(self, log: EventLog) -> None:
        self._log = log

    def facts(self) -> NetworkFacts:
        """Every fact the measures count, read from the log now."""
        built = _Builder()
        kinds: tuple[Any, ...] = (AreaTeam, Workplace, OrganizingPlan, GoverningBody,
                                  *TRAINING)
        after = 0
        while True:
            page = self._log.read_log(after, _PAGE, kinds)
            for position, e in page:
                after = position
                self._fold(built, e)
            if len(page) < _PAGE:
                return built.facts()

    def _fold(self, built: _Builder, e: Any) -> None:
        kind = type(e).__qualname__.split(".")[0]
        if kind == "AreaTeam":
            built.team(e)
        elif kind == "Workplace":
            built.workplace(e)
        elif kind == "OrganizingPlan":
            plan = built.plans.get(e.originator_id)
            built.plans[e.originator_id] = e.mutate(plan)
        elif kind == "GoverningBody":
            built.body(e)
        else:
            built.training(e)

    def series(self, *, period: Period | str = Period.MONTH, since: date,
               until: date | None = None, area: str | None = None,
               sector: str | None = None,
               active_within: timedelta | int | None = ACTIVE_WITHIN) -> NetworkSeries:
        """The measures per ``period`` ("month", "quarter", "year") from the one holding
        ``since`` to the one holding ``until`` (today, UTC, if not given), in ``area`` and
        ``sector`` when given; leaders and plans are active when something happened within
        ``active_within`` (a ``timedelta`` or days; 90 days unless the host sets another)."""
        first = require_date(since, term("first day of the series"))
        last = _day(until, term("last day of the series"))
        return series(self.facts(), choice(period, Period, term("period")), first, last,
                      area=_name(area), sector=_name(sector), within=_within(active_within))

    def on(self, day: date | None = None, *, since: date | None = None,
           area: str | None = None, sector: str | None = None,
           active_within: timedelta | int | None = ACTIVE_WITHIN) -> NetworkReading:
        """The measures on ``day`` (today, UTC, if not given), participation counted from
        ``since`` (the day itself, if not given) to it."""
        last = _day(day, term("day to read the network on"))
        first = last if since is None else require_date(since, term("first day counted"))
        if last < first:
            raise InvalidInput.worded("participation cannot be counted from {first}, after {last}",
                                      first=first, last=last)
        scope = Scope(self.facts(), _name(area), _name(sector))
        return reading(scope.facts, scope, first, last, _within(active_within))


def _day(value: object, what: str) -> date:
    return datetime.now(UTC).date() if value is None else require_date(value, what)


def _name(value: object) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise InvalidInput.worded("an area or a sector is named in words")
    return " ".join(value.split())


def _within(value: object) -> timedelta:
    span = window(value)
    if span is None:
        raise InvalidInput.worded("the network's measures need a window of activity (days)")
    return span
