"""The participation history of a campaign: every count of every held action, by date.

A campaign keeps what its rules need (``standing``); the counts it recorded (each unit's and
each work group's, action by action) are kept outside it, in a read model, and read back as
:class:`Counted` rows. Readiness asks of them, for a day and a rung, each unit's latest count
on that rung (else its latest on any), the work groups it was last counted by, and each
group's latest count: :func:`standings` answers that from the rows alone, as the campaign
answered it when it kept every count.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from fractions import Fraction
from typing import NamedTuple, Protocol
from uuid import UUID

import attrs

from bargaining.domain.campaigns.ladder import same
from bargaining.domain.campaigns.participation import same_group
from bargaining.domain.shared.flags import Flag


class Counted(NamedTuple):
    """One count of a held action: a unit's, as a whole (``work_group`` None) or one of its
    work groups'. Rows come in the order the action recorded them."""

    action: int
    name: str
    rung: str
    held_on: date
    unit_id: UUID
    work_group: str | None
    eligible: int
    participants: int


@attrs.frozen
class Count:
    """A unit's or a work group's count in one held action."""

    action: int
    name: str
    rung: str
    held_on: date
    eligible: int
    participants: int


@attrs.frozen
class UnitCounts:
    """What readiness shows of a unit on a day: its latest count (on the rung asked for, else
    on any), its latest count on any rung (its size), and its work groups in the order first
    counted, each with its latest count (``None``: the unit counted as a whole); its latest
    count on the rung asked for only (``on_rung``, what a climb rests on), and its groups'."""

    latest: Count | None
    latest_any: Count | None
    groups: tuple[tuple[str | None, Count], ...]
    on_rung: Count | None = None
    #: Each of ``groups`` with its latest count on the rung asked for only (None: none).
    groups_on_rung: tuple[tuple[str | None, Count | None], ...] = ()


@attrs.frozen
class HeldTest:
    """A held action's structure test as the history keeps it: all units together."""

    action: int
    name: str
    rung: str
    threshold: Fraction
    held_on: date
    eligible: int
    participants: int
    passed: bool


@attrs.frozen
class RecordedSpell:
    """A strike spell as recorded: the unit, the day it walked out, the day it was back
    (``None`` while out; for a part-day walkout, the next day), whether it was part of a
    day, for how many hours, and the flags recorded with it."""

    unit_id: UUID
    start: date
    end: date | None
    part_day: bool
    hours: Fraction | None
    flags: tuple[Flag, ...]


class ParticipationHistory(Protocol):
    """A campaign's participation history, as its read model keeps it."""

    def counted(self, on: date) -> Iterable[Counted]:
        """Every count of actions held on or before ``on``, in (held on, action) order."""

    def standing_counts(self, on: date) -> Iterable[Counted]:
        """Counts of actions held on or before ``on`` that give the same :func:`standings`
        as all of them on any rung (all of them, or only those :func:`kept` keeps), in
        (held on, action) order: what readiness reads, a few rows a unit when it can."""

    def unit_counted(self, unit_id: UUID) -> Iterable[Counted]:
        """Every count of one unit, in (held on, action) order."""

    def tests(self) -> Sequence[HeldTest]:
        """Every held action's test, in (held on, action) order."""

    def last_held(self) -> date | None:
        """The latest day an action was held, if any was."""

    def spells(self) -> Sequence[RecordedSpell]:
        """Every strike spell, by unit and the day it began."""


def standing_rows(history: ParticipationHistory, on: date) -> Iterable[Counted]:
    """What :func:`standings` reads of a history on a day: its ``standing_counts``, or every
    count up to the day from a history without that method (a host's own, written before
    it was added)."""
    read = getattr(history, "standing_counts", None)
    return history.counted(on) if read is None else read(on)  # type: ignore[no-any-return]


def count_on(
    history: ParticipationHistory, unit_id: UUID, rung: str, on: date
) -> tuple[int, int] | None:
    """A unit's latest count on a rung held on or before ``on``, as (eligible,
    participants): what a climb asks the history when the campaign cannot answer."""
    rows = [r for r in history.unit_counted(unit_id) if r.held_on <= on]
    found = standings(rows, rung).get(unit_id)
    latest = None if found is None else found.on_rung
    return None if latest is None else (latest.eligible, latest.participants)


def standings(rows: Iterable[Counted], rung: str) -> dict[UUID, UnitCounts]:
    """Each counted unit's counts as readiness shows them, from every count up to the day
    asked for, in (held on, action) order: the latest on ``rung`` (else on any), and the work
    groups of its latest action (the whole unit, or its groups as first counted, by action
    number) with each group's latest count on ``rung`` (else on any)."""
    units: dict[UUID, _Unit] = {}
    for row in rows:
        found = units.get(row.unit_id)
        if found is None:
            found = units[row.unit_id] = _Unit()
        found.add(row, same(row.rung, rung))
    return {uid: found.counts() for uid, found in units.items()}


class _Unit:
    """One unit's counts as the rows go by."""

    def __init__(self) -> None:
        self.latest: list[int] = []  # [action, eligible, participants]
        self.latest_on: list[int] = []
        self.meta: dict[int, tuple[str, str, date]] = {}
        self.latest_whole = False
        self.position = 0
        #: Each group (by its name's key) first counted: (action, position, its spelling).
        self.first: dict[str, tuple[int, int, str]] = {}
        self.group_any: dict[str | None, Count] = {}
        self.group_on: dict[str | None, Count] = {}

    def add(self, row: Counted, on_rung: bool) -> None:
        self.meta[row.action] = (row.name, row.rung, row.held_on)
        whole = row.work_group is None
        if not self.latest or self.latest[0] != row.action:
            self.latest[:] = [row.action, row.eligible, row.participants]
            self.latest_whole, self.position = whole, 0
        else:
            self.latest[1] += row.eligible
            self.latest[2] += row.participants
            self.latest_whole, self.position = self.latest_whole or whole, self.position + 1
        if on_rung:
            if self.latest_on and self.latest_on[0] == row.action:
                self.latest_on[1] += row.eligible
                self.latest_on[2] += row.participants
            else:
                self.latest_on[:] = [row.action, row.eligible, row.participants]
        count = Count(row.action, row.name, row.rung, row.held_on, row.eligible,
                      row.participants)
        key = None if row.work_group is None else row.work_group.casefold()
        self.group_any[key] = count
        if on_rung:
            self.group_on[key] = count
        if key is not None and row.work_group is not None:
            first = self.first.get(key)
            if first is None or (row.action, self.position) < first[:2]:
                self.first[key] = (row.action, self.position, row.work_group)

    def _count(self, latest: list[int]) -> Count | None:
        if not latest:
            return None
        name, rung, held_on = self.meta[latest[0]]
        return Count(latest[0], name, rung, held_on, latest[1], latest[2])

    def counts(self) -> UnitCounts:
        latest_any = self._count(self.latest)
        on_rung = self._count(self.latest_on)
        latest = on_rung or latest_any
        names: list[str | None] = (
            [None] if self.latest_whole else [f[2] for f in sorted(self.first.values())])
        groups, strictly = [], []
        for name in names:
            key = None if name is None else name.casefold()
            groups.append((name, self.group_on.get(key) or self.group_any[key]))
            strictly.append((name, self.group_on.get(key)))
        return UnitCounts(latest, latest_any, tuple(groups), on_rung, tuple(strictly))


def group_series_rows(rows: Iterable[Counted], work_group: str) -> dict[int, Counted]:
    """A work group's counts by action (the first matching count of each)."""
    found: dict[int, Counted] = {}
    for row in rows:
        if row.work_group is not None and same_group(row.work_group, work_group):
            found.setdefault(row.action, row)
    return found


def kept(rows: Sequence[Counted]) -> list[int]:
    """Which of a campaign's counts, in (held on, action) order and each action's own order,
    give the same :func:`standings` as all of them, on any rung: each unit's every count of
    its latest action on each rung, its latest count of each work group on each rung, and
    each work group's first count (by action number). Returns their places in ``rows``, in
    order. Keeping only these, as counts arrive in any order of days, keeps what readiness
    reads on or after the last held day to a few rows a unit, however many actions were held:
    ``kept(the kept ones + new ones)`` keeps the same as ``kept(all)``."""
    latest_action: dict[tuple[UUID, str], tuple[date, int]] = {}
    latest_row: dict[tuple[UUID, str | None, str], int] = {}
    first_row: dict[tuple[UUID, str], tuple[int, int]] = {}
    for place, row in enumerate(rows):
        latest_action[(row.unit_id, row.rung)] = (row.held_on, row.action)
        key = None if row.work_group is None else row.work_group.casefold()
        latest_row[(row.unit_id, key, row.rung)] = place
        if key is not None:
            first = first_row.get((row.unit_id, key))
            if first is None or row.action < first[0]:
                first_row[(row.unit_id, key)] = (row.action, place)
    keep = set(latest_row.values()) | {place for _, place in first_row.values()}
    keep.update(place for place, row in enumerate(rows)
                if latest_action[(row.unit_id, row.rung)] == (row.held_on, row.action))
    return sorted(keep)
