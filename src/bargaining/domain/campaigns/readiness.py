"""Readiness and growth: where a campaign stands against its ladder, read from its counts.

Pure functions over a :class:`Campaign`: a readiness report for
any date (each unit's and work group's latest participation against the current and next rung's
threshold, the units that hold a joint climb back, the "biggest worst" work group, the units on
strike with their flags), and the series of structure-test results by date that charts
participation growth. On the strike vote rung, readiness is the units' strike votes (yes as a
share of eligible against the rung's benchmark), not earlier actions.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from fractions import Fraction
from typing import Protocol
from uuid import UUID

import attrs

from bargaining.domain.campaigns.campaign import Campaign
from bargaining.domain.campaigns.counts import (
    Count,
    ParticipationHistory,
    group_series_rows,
    standing_rows,
    standings,
)
from bargaining.domain.campaigns.job_actions import JobAction, job_actions
from bargaining.domain.campaigns.ladder import Rung, RungKind
from bargaining.domain.campaigns.participation import meets, short_of
from bargaining.domain.campaigns.queries import climb_check
from bargaining.domain.campaigns.readiness_text import readiness_summary, readiness_table
from bargaining.domain.campaigns.timeline import CampaignStatus
from bargaining.domain.shared.dates import require_date
from bargaining.domain.shared.errors import InvalidInput, term
from bargaining.domain.shared.language import Language, reading_in
from bargaining.domain.shared.shares import percent_of


class DisputeNote(Protocol):
    """A dated fact of the campaign's dispute from outside it (a law passed, a lockout, a forced
    vote), as readiness lists it."""

    @property
    def on(self) -> date: ...

    @property
    def summary(self) -> str: ...


@attrs.frozen
class Figure:
    """One participation figure: where it comes from (an action, or a strike vote's yes
    votes of eligible members), on which rung and date, and its counts."""

    source: str
    rung: str
    on: date
    eligible: int
    participants: int

    @property
    def share(self) -> Fraction:
        """Participants as a percentage of eligible."""
        return percent_of(self.participants, self.eligible)


@attrs.frozen
class Standing:
    """A unit's (``work_group`` is None on a unit's own line) or a work group's latest
    participation against the current and the next rung's thresholds. ``whole_unit`` marks a
    count of the unit as a whole rather than by work group. ``hidden``: a member-facing
    report hides its counts (a small group's: ``figure`` and the distances to the thresholds
    are ``None``, see :mod:`~bargaining.domain.campaigns.member_view`)."""

    unit_id: UUID
    label: str
    work_group: str | None
    figure: Figure | None
    meets_current: bool | None
    short_of_current: int | None
    meets_next: bool | None
    short_of_next: int | None
    whole_unit: bool = False
    hidden: bool = False


@attrs.frozen
class UnitReadiness:
    """A unit's line of the report: its latest participation, whether it has passed the
    current rung (ready to climb), whether it is on strike, and its work groups."""

    standing: Standing
    passed_current: bool
    on_strike: bool
    groups: tuple[Standing, ...]

    @property
    def unit_id(self) -> UUID:
        return self.standing.unit_id

    @property
    def label(self) -> str:
        return self.standing.label


@attrs.frozen
class Readiness:
    """Where a campaign stood on a date. ``ready`` units have passed the current rung's test;
    ``held_back`` lists those that have not; ``needed`` is how many must be ready before the
    campaign climbs (jointly); ``biggest_worst`` is the largest work group furthest below the
    current threshold (measured in workers still needed), or, when every group meets it, below
    the next rung's (``biggest_worst_rung`` says which). On the strike vote rung it is a unit
    that has not voted (``figure`` None) or whose vote fell short of the benchmark, never one
    that met it. ``strike_vote_ok`` says whether some unit holds a valid strike mandate;
    ``strikes`` are the spells of units out that day, with their flags; ``disputes`` the facts
    of the campaign's dispute recorded outside it, by that day (laws, lockouts, forced votes)."""

    campaign: str
    on: date
    status: CampaignStatus
    rung: Rung
    next_rung: Rung | None
    units: tuple[UnitReadiness, ...]
    ready: tuple[UUID, ...]
    held_back: tuple[UUID, ...]
    needed: int
    can_climb: bool
    strike_vote_ok: bool
    biggest_worst: Standing | None
    biggest_worst_rung: str | None
    strikes: tuple[JobAction, ...] = ()
    disputes: tuple[DisputeNote, ...] = ()

    def unit(self, unit_id: UUID) -> UnitReadiness:
        for line in self.units:
            if line.unit_id == unit_id:
                return line
        raise InvalidInput.worded("the unit {unit_id} is not in this readiness report",
                                  unit_id=unit_id)

    @property
    def held_back_labels(self) -> tuple[str, ...]:
        return tuple(self.unit(u).label for u in self.held_back)

    def summary(self, *, language: Language | str | None = None) -> str:
        """Where the campaign stands, in lines a person reads, in ``language`` (default the
        reader's: see :mod:`~bargaining.domain.shared.language`)."""
        with reading_in(language):
            return readiness_summary(self)

    def table(self, *, language: Language | str | None = None) -> str:
        """The report as a plain-text table (a unit's line, then its work groups indented),
        after its summary, in ``language``."""
        with reading_in(language):
            return readiness_table(self)


def _standing(
    unit_id: UUID, label: str, group: str | None, figure: Figure | None, current: Rung,
    nxt: Rung | None, *, whole_unit: bool = False,
) -> Standing:
    if figure is None:
        return Standing(unit_id, label, group, None, False, None, None, None, whole_unit)
    e, p = figure.eligible, figure.participants
    return Standing(
        unit_id, label, group, figure,
        meets(p, e, current.threshold), short_of(p, e, current.threshold),
        None if nxt is None else meets(p, e, nxt.threshold),
        None if nxt is None else short_of(p, e, nxt.threshold),
        whole_unit,
    )


def record_end(campaign: Campaign, history: ParticipationHistory) -> date:
    """The latest date the campaign's record speaks of: a report on it, or any later day,
    shows everything recorded."""
    held = history.last_held()
    dates: list[date] = [campaign.last_dated, *(() if held is None else (held,)),
             *(m.vote.held_on for m in campaign.mandates),
             *(s.start for u in campaign.units.values() for s in u.spells)]
    return max(dates)


def readiness(
    campaign: Campaign, history: ParticipationHistory, on: date | None = None,
    strikes: Sequence[JobAction] | None = None,
) -> Readiness:
    """The campaign as it stood on a date (default: the last date its record speaks of),
    from its participation ``history``. ``strikes`` are its job actions with their flags as
    the application derived them (by default, from the campaign's record and the flags
    recorded with the history's spells)."""
    day = record_end(campaign, history) if on is None else require_date(on, term("report's date"))
    ladder = campaign.ladder_on(day)
    index, rung = campaign.rung_on(day)
    nxt = ladder.rungs[index + 1] if index + 1 < len(ladder) else None
    counted = {} if rung.kind is RungKind.STRIKE_VOTE else standings(
        standing_rows(history, day), rung.name)

    def on_rung(unit_id: UUID, _: str, __: date) -> tuple[int, int] | None:
        found = counted.get(unit_id)
        count = None if found is None else found.on_rung
        return None if count is None else (count.eligible, count.participants)

    check = climb_check(campaign, day, on_rung)
    ready = set(check.ready)
    lines = []
    for unit in campaign.units_on(day):
        uid = unit.unit_id
        figure: Figure | None = None
        groups: list[Standing] = []
        if rung.kind is RungKind.STRIKE_VOTE:  # the units' votes, not earlier actions
            votes = campaign.strike_votes(uid, day)
            if votes:
                vote = votes[-1]
                whose = "campaign-wide" if vote.unit_id is None else "the unit's"
                figure = Figure(f"strike vote {vote.number} ({whose})", rung.name,
                                vote.vote.held_on, vote.vote.tally.eligible, vote.vote.tally.yes)
            lines.append(UnitReadiness(_standing(uid, unit.label, None, figure, rung, nxt),
                                       uid in ready, unit.on_strike_on(day), ()))
            continue
        counts = counted.get(uid)
        if counts is not None and counts.latest is not None:
            figure = _figure(counts.latest)
        for group, count in () if counts is None else counts.groups:
            groups.append(_standing(uid, unit.label, group, _figure(count), rung, nxt,
                                    whole_unit=group is None))
        lines.append(UnitReadiness(_standing(uid, unit.label, None, figure, rung, nxt),
                                   uid in ready, unit.on_strike_on(day), tuple(groups)))
    worst, worst_rung = (_worst_voter(history, lines, day, rung)
                         if rung.kind is RungKind.STRIKE_VOTE else _biggest_worst(lines, rung, nxt))
    spells = job_actions(campaign, history.spells()) if strikes is None else strikes
    return Readiness(campaign.name, day, check.status, rung, nxt, tuple(lines), check.ready,
                     check.held_back, check.needed, check.allowed, check.strike_vote_ok, worst,
                     worst_rung, tuple(s for s in spells if s.covers(day)))


def _figure(count: Count) -> Figure:
    return Figure(count.name, count.rung, count.held_on, count.eligible, count.participants)


def _worst_voter(
    history: ParticipationHistory, lines: list[UnitReadiness], on: date, rung: Rung
) -> tuple[Standing | None, str | None]:
    """On the strike vote rung: a unit that has not voted (the largest by its latest count,
    when counted), else the one furthest short of the benchmark; never one that met it."""
    silent = [line.standing for line in lines if line.standing.figure is None]
    if silent:
        sizes = standings(standing_rows(history, on), rung.name)

        def size(standing: Standing) -> int:
            found = sizes.get(standing.unit_id)
            latest = None if found is None else found.latest_any
            return latest.eligible if latest is not None else 0
        return max(silent, key=size), rung.name
    short = [line.standing for line in lines if not line.standing.meets_current]
    if short:
        return max(short, key=lambda g: _worst_key(g, g.short_of_current)), rung.name
    return None, None


def _biggest_worst(
    lines: list[UnitReadiness], rung: Rung, nxt: Rung | None
) -> tuple[Standing | None, str | None]:
    groups = [g for line in lines for g in line.groups if g.figure is not None]
    below = [g for g in groups if not g.meets_current]
    if below:
        return max(below, key=lambda g: _worst_key(g, g.short_of_current)), rung.name
    if nxt is not None:
        below_next = [g for g in groups if g.meets_next is False]
        if below_next:
            return max(below_next, key=lambda g: _worst_key(g, g.short_of_next)), nxt.name
    return None, None


def _worst_key(group: Standing, short: int | None) -> tuple[int, int, Fraction]:
    assert group.figure is not None
    return (short or 0, group.figure.eligible, -group.figure.share)


# ---------------------------------------------------------------- growth


@attrs.frozen
class SeriesPoint:
    """One structure test's result: for the whole campaign, a unit, or a work group."""

    on: date
    action: int
    name: str
    rung: str
    threshold: Fraction
    eligible: int
    participants: int
    passed: bool

    @property
    def share(self) -> Fraction:
        return percent_of(self.participants, self.eligible)


def participation_series(
    campaign: Campaign, history: ParticipationHistory, unit_id: UUID | None = None,
    work_group: str | None = None,
) -> tuple[SeriesPoint, ...]:
    """Structure-test results by date: the campaign's totals, or one unit's (``unit_id``), or
    one of its work groups' (``work_group``), from the campaign's participation ``history``,
    so a host can chart participation growth."""
    if work_group is not None and unit_id is None:
        raise InvalidInput.worded("a work group's series needs its unit")
    if unit_id is not None:
        campaign.unit(unit_id)
    tests = history.tests()
    if unit_id is None:
        return tuple(SeriesPoint(t.held_on, t.action, t.name, t.rung, t.threshold, t.eligible,
                                 t.participants, t.passed) for t in tests)
    rows = list(history.unit_counted(unit_id))
    by_action: dict[int, tuple[int, int]] = {}
    if work_group is None:
        for row in rows:
            e, p = by_action.get(row.action, (0, 0))
            by_action[row.action] = (e + row.eligible, p + row.participants)
    else:
        by_action = {n: (r.eligible, r.participants)
                     for n, r in group_series_rows(rows, work_group).items()}
    points = []
    for test in tests:
        found = by_action.get(test.action)
        if found is not None:
            e, p = found
            points.append(SeriesPoint(test.held_on, test.action, test.name, test.rung,
                                      test.threshold, e, p, meets(p, e, test.threshold)))
    return tuple(points)
