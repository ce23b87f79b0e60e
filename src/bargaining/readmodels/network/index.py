"""The network's facts indexed for its questions, and the measures read through the index.

:func:`~bargaining.domain.organizing.network.reading` answers a question by scanning every
fact: every act of the log for each period, and every team's spells for each act in an area.
:class:`NetworkIndex` sorts the same facts once, by day and by area, sector, local and
workplace, so that a period reads only its own acts and a scope looks its spells up; the
answers are the domain's, rule for rule (a property test compares them on generated
histories).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from datetime import date, timedelta
from uuid import UUID

from bargaining.domain.organizing.network import (
    Act,
    LeaderFacts,
    NetworkFacts,
    NetworkReading,
    NetworkSeries,
    Period,
    Spell,
    officer_on,
)
from bargaining.domain.organizing.plans import OrganizingPlan
from bargaining.domain.shared.errors import InvalidInput

_Spells = dict[object, list[Spell]]


class NetworkIndex:
    """The facts, sorted and keyed for the measures; made once per state of the log."""

    def __init__(self, facts: NetworkFacts) -> None:
        self.facts = facts
        self.acts: list[Act] = sorted(facts.acts, key=lambda a: a.on)
        self.act_days: list[date] = [a.on for a in self.acts]
        self.leaders: list[tuple[LeaderFacts, list[date]]] = [
            (x, sorted(x.active_days)) for x in facts.leaders]
        self.activity: dict[UUID, list[date]] = {
            w: sorted(days) for w, days in facts.activity.items()}
        self.plans_of: dict[str, list[OrganizingPlan]] = {}
        for plan in facts.plans:
            self.plans_of.setdefault(plan.local, []).append(plan)
        #: By area name: its teams' (any kind) local and workplace spells; by sector name:
        #: its sector teams' ones.
        self.area_locals: dict[str, _Spells] = {}
        self.area_places: dict[str, _Spells] = {}
        self.sector_locals: dict[str, _Spells] = {}
        self.sector_places: dict[str, _Spells] = {}
        self.local_spells: list[tuple[str, Spell]] = []
        for team in facts.teams.values():
            self.local_spells += team.locals
            _add(self.area_locals.setdefault(team.area, {}), team.locals)
            _add(self.area_places.setdefault(team.area, {}), team.workplaces)
            if team.sector:
                _add(self.sector_locals.setdefault(team.area, {}), team.locals)
                _add(self.sector_places.setdefault(team.area, {}), team.workplaces)


def _add(into: _Spells, spells: Iterable[tuple[object, Spell]]) -> None:
    for who, spell in spells:
        into.setdefault(who, []).append(spell)


def _covered(spells: _Spells | None, who: object, day: date) -> bool:
    return spells is not None and any(s.covers(day) for s in spells.get(who, ()))


class IndexedScope:
    """:class:`~bargaining.domain.organizing.network.Scope`'s rules, looked up in an index."""

    def __init__(self, index: NetworkIndex, area: str | None, sector: str | None) -> None:
        self.index, self.area, self.sector = index, area, sector

    def local(self, local: str, day: date) -> bool:
        x = self.index
        if self.area is not None and not _covered(x.area_locals.get(self.area), local, day):
            return False
        if self.sector is not None:
            sectors = x.facts.sectors
            return _covered(x.sector_locals.get(self.sector), local, day) or any(
                p.in_force(day) and any(sectors.get(w) == self.sector for w in p.workplaces)
                for p in x.plans_of.get(local, ()))
        return True

    def workplace(self, place: UUID, day: date) -> bool:
        x = self.index
        if self.area is not None and not _covered(x.area_places.get(self.area), place, day):
            return False
        if self.sector is not None:
            return x.facts.sectors.get(place) == self.sector or _covered(
                x.sector_places.get(self.sector), place, day)
        return True

    def act(self, act: Act) -> bool:
        if act.workplace is not None:
            return self.workplace(act.workplace, act.on)
        if act.local is not None:
            return self.local(act.local, act.on)
        if act.team is not None:
            team = self.index.facts.teams.get(act.team)
            return team is not None and (self.area in (None, team.area)) and (
                self.sector is None or (team.sector and team.area == self.sector))
        return self.area is None and self.sector is None


def _within(days: list[date], first: date, last: date) -> bool:
    """Whether a sorted list holds a day from ``first`` to ``last``."""
    i = bisect_left(days, first)
    return i < len(days) and days[i] <= last


def indexed_reading(index: NetworkIndex, scope: IndexedScope, starts: date, on: date,
                    within: timedelta) -> NetworkReading:
    """:func:`~bargaining.domain.organizing.network.reading`, through the index."""
    since = on - within
    leaders = {x.person for x, days in index.leaders
               if x.proven_on is not None and x.proven_on <= on
               and (x.left_on is None or x.left_on > on) and _within(days, since, on)
               and scope.workplace(x.workplace, on)}
    supported = {local for local, s in index.local_spells if s.covers(on)}
    supported = {local for local in supported if scope.local(local, on)}
    real = {p.local for local in supported for p in index.plans_of.get(local, ())
            if p.goals_on(on) and any(_within(index.activity.get(w, []), since, on)
                                      for w in p.workplaces)}
    days: dict[str, list[date]] = {}
    for i in range(bisect_left(index.act_days, starts), bisect_right(index.act_days, on)):
        act = index.acts[i]
        if scope.act(act):
            days.setdefault(act.person, []).append(act.on)
    officers = sum(officer_on(index.facts, person, seen) for person, seen in days.items())
    return NetworkReading(starts=starts, on=on, active_leaders=len(leaders),
                          locals_supported=len(supported), locals_with_real_plans=len(real),
                          participants=len(days), rank_and_file=len(days) - officers,
                          elected_officers=officers)


def indexed_series(index: NetworkIndex, period: Period, first: date, last: date, *,
                   area: str | None, sector: str | None, within: timedelta) -> NetworkSeries:
    """:func:`~bargaining.domain.organizing.network.series`, through the index."""
    if last < first:
        raise InvalidInput.worded("a series cannot end ({last}) before it starts ({first})",
                                  last=last, first=first)
    scope = IndexedScope(index, area, sector)
    return NetworkSeries(period=period, readings=tuple(
        indexed_reading(index, scope, start, end, within)
        for start, end in period.spans(first, last)))
