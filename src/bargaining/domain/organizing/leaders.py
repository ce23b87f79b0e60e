"""Organic leaders: identified, proven by a structure test, active within a window; and the
coverage of a workplace's work groups by them.

A worker recorded as a possible leader of a work group is **proven** on the first day a
structure test of that group passes with them leading it, and is **active** on a day while
they led a test or took part in an action within the window the host sets before it (any
time, when the host sets none). A leader who left the workplace is neither. Coverage counts
proven leaders (and, of them, the active) per work group against the host's aim, one leader
per ten workers unless the host sets another.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from fractions import Fraction

import attrs

from bargaining.domain.shared.errors import InvalidInput
from bargaining.domain.shared.personal import PersonalData

#: The usual aim: one leader per this many workers.
WORKERS_PER_LEADER = 10


@attrs.frozen(kw_only=True)
class Leader:
    """A possible leader of one work group, as the workplace keeps them: the person's opaque
    id, what is recorded about them (personal data, optional), and the days they were
    identified, proven (first passing test they led), last active, and left."""

    person: str
    group: str
    identified_on: date
    personal: PersonalData | None = None
    proven_on: date | None = None
    last_active: date | None = None
    left_on: date | None = None

    def led(self, day: date, passed: bool) -> Leader:
        """After leading a test on ``day`` (which proves them if it passed)."""
        proven = self.proven_on
        if passed and (proven is None or day < proven):
            proven = day
        return attrs.evolve(self, proven_on=proven, last_active=_latest(self.last_active, day))

    def took_part(self, day: date) -> Leader:
        return attrs.evolve(self, last_active=_latest(self.last_active, day))


def _latest(known: date | None, day: date) -> date:
    return day if known is None or day > known else known


def window(active_within: object) -> timedelta | None:
    """The host's window of activity: a ``timedelta`` or a number of days (``None``: any
    time)."""
    if active_within is None:
        return None
    if isinstance(active_within, timedelta):
        span = active_within
    elif isinstance(active_within, int) and not isinstance(active_within, bool):
        if abs(active_within) > 3_650_000:
            raise InvalidInput.worded("a window of activity is a timedelta or a number of days")
        span = timedelta(days=active_within)
    else:
        raise InvalidInput.worded("a window of activity is a timedelta or a number of days")
    if span < timedelta(0):
        raise InvalidInput.worded("a window of activity cannot be negative")
    return span


@attrs.frozen(kw_only=True)
class LeaderStanding:
    """A leader as read on a day: ``proven`` and ``active`` on it, with their days."""

    person: str
    group: str
    identified_on: date
    proven_on: date | None
    last_active: date | None
    left_on: date | None
    active: bool
    personal: PersonalData | None = attrs.field(default=None, repr=False)

    @property
    def proven(self) -> bool:
        return self.proven_on is not None


def standing(leader: Leader, on: date, active_within: timedelta | None) -> LeaderStanding:
    """How a leader stands on ``on``: active when proven, not gone, and last active within
    the window before it."""
    gone = leader.left_on is not None and leader.left_on <= on
    recent = leader.last_active is not None and (
        active_within is None or on - leader.last_active <= active_within)
    return LeaderStanding(
        person=leader.person, group=leader.group, identified_on=leader.identified_on,
        proven_on=leader.proven_on, last_active=leader.last_active, left_on=leader.left_on,
        active=leader.proven_on is not None and not gone and recent, personal=leader.personal)


@attrs.frozen(kw_only=True)
class GroupCoverage:
    """One work group's leaders against the aim: ``needed`` is one per
    ``workers_per_leader`` workers, rounded up."""

    group: str
    workers: int
    mapped: int
    identified: int
    proven: int
    active: int
    needed: int

    @property
    def met(self) -> bool:
        """Whether the group's active proven leaders reach the aim."""
        return self.active >= self.needed

    @property
    def workers_per_leader(self) -> Fraction | None:
        """Workers per active leader (``None`` with no active leader)."""
        return Fraction(self.workers, self.active) if self.active else None


@attrs.frozen(kw_only=True)
class Coverage:
    """A workplace's coverage on a day, work group by work group, and in all."""

    on: date
    aim: int
    groups: tuple[GroupCoverage, ...]

    @property
    def workers(self) -> int:
        return sum(g.workers for g in self.groups)

    @property
    def active(self) -> int:
        return sum(g.active for g in self.groups)

    @property
    def needed(self) -> int:
        return sum(g.needed for g in self.groups)

    @property
    def met(self) -> bool:
        """Every work group reaches the aim."""
        return all(g.met for g in self.groups)

    def group(self, name: str) -> GroupCoverage:
        for found in self.groups:
            if found.group == name:
                return found
        raise InvalidInput.worded("the workplace has no work group of that name")


def aim_of(workers_per_leader: object) -> int:
    """The host's aim, as workers per leader: a whole number from 1."""
    if isinstance(workers_per_leader, bool) or not isinstance(workers_per_leader, int) or (
            workers_per_leader < 1):
        raise InvalidInput.worded("the aim is a whole number of workers per leader, at least 1")
    return workers_per_leader


def coverage(groups: Mapping[str, tuple[int, int, int]], leaders: Iterable[LeaderStanding],
             on: date, aim: int) -> Coverage:
    """Coverage from each group's (workers, mapped, leaders identified by count) and the
    leaders as they stand: identified is the larger of the count and the leaders named."""
    standings = list(leaders)
    rows = []
    for name, (workers, mapped, counted) in groups.items():
        mine = [s for s in standings if s.group == name and (s.left_on is None or
                                                             s.left_on > on)]
        rows.append(GroupCoverage(
            group=name, workers=workers, mapped=mapped, identified=max(counted, len(mine)),
            proven=sum(s.proven for s in mine), active=sum(s.active for s in mine),
            needed=math.ceil(workers / aim)))
    return Coverage(on=on, aim=aim, groups=tuple(rows))
