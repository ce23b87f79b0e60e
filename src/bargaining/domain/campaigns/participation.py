"""Participation: the counts of who took part in an action, and the structure test they make.

A structure test is an action whose turnout proves organization: participants of eligible, per
unit and per work group, against the rung's threshold. Counts only: a campaign records no names.
Shares are exact (fractions of percent), so a threshold is met or not without rounding.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from fractions import Fraction
from typing import Any
from uuid import UUID

import attrs

from bargaining.domain.campaigns.inputs import require_text, require_unit_id
from bargaining.domain.shared.errors import InvalidInput, RuleViolation, term
from bargaining.domain.shared.language import (
    format_day,
    format_number,
    format_percent,
    gettext,
    gettext_if_known,
    translate,
)
from bargaining.domain.shared.shares import percent_of
from bargaining.domain.shared.vote import whole_count


def meets(participants: int, eligible: int, threshold: Fraction) -> bool:
    """Whether participation reaches a threshold given in percent (exact arithmetic)."""
    # In whole numbers (a Fraction's arithmetic costs a readiness of thousands of units
    # tens of milliseconds): p * 100 >= n/d * e.
    return eligible > 0 and (participants * 100 * threshold.denominator
                             >= threshold.numerator * eligible)


def short_of(participants: int, eligible: int, threshold: Fraction) -> int:
    """How many more participants a group needs to reach a threshold (0 when it does)."""
    needed = -(-threshold.numerator * eligible // (100 * threshold.denominator))  # ceiling
    return max(0, needed - participants)


def _group(value: object) -> str | None:
    if value is None:
        return None
    return require_text(value, term("a work group's name"))


def _groups(values: Iterable[object]) -> tuple[str, ...]:
    if isinstance(values, str):
        raise InvalidInput.worded("work groups are given as a list of names")
    names = tuple(require_text(v, term("a work group's name")) for v in values)
    seen = [n.casefold() for n in names]
    repeated = sorted({n for n in names if seen.count(n.casefold()) > 1})
    if repeated:
        raise InvalidInput.worded("a work group is named twice: {repeated}",
                                  repeated=', '.join(repeated))
    return names


def same_group(a: str | None, b: str | None) -> bool:
    """Work group names match whatever their case; ``None`` (the whole unit) matches only
    itself."""
    if a is None or b is None:
        return a is b
    return a.casefold() == b.casefold()


def _eligible(value: object) -> int:
    return whole_count(value, term("the eligible count"))


def _participants(value: object) -> int:
    return whole_count(value, term("the participant count"))


@attrs.frozen
class Turnout:
    """How many of a unit's (or one of its work groups') eligible workers took part in an
    action. Counts only: a campaign records no names. ``work_group=None`` counts the unit as
    a whole."""

    unit_id: UUID = attrs.field(converter=require_unit_id)
    eligible: int = attrs.field(converter=_eligible)
    participants: int = attrs.field(converter=_participants)
    work_group: str | None = attrs.field(default=None, converter=_group)

    def __attrs_post_init__(self) -> None:
        where = f" in {self.work_group}" if self.work_group else ""
        if self.eligible == 0:
            raise InvalidInput.worded("a count needs at least one eligible worker{where}",
                                      where=where)
        if self.participants > self.eligible:
            raise RuleViolation.worded("participation can never exceed the eligible count: "
                                       "{participants} took part{where}, but only {eligible} are "
                                       "eligible", participants=self.participants, where=where,
                                       eligible=self.eligible)

    @property
    def share(self) -> Fraction:
        return percent_of(self.participants, self.eligible)


@attrs.frozen
class PlannedUnit:
    """A unit taking part in a planned action, and which of its work groups (none listed: the
    unit counts its own way, by named groups or as a whole)."""

    unit_id: UUID = attrs.field(converter=require_unit_id)
    work_groups: tuple[str, ...] = attrs.field(default=(), converter=_groups)


@attrs.frozen
class UnitResult:
    """One unit's part in a structure test: its totals and whether they reached the threshold."""

    unit_id: UUID
    eligible: int
    participants: int
    passed: bool

    @property
    def share(self) -> Fraction:
        return percent_of(self.participants, self.eligible)


def _results(values: Iterable[UnitResult]) -> tuple[UnitResult, ...]:
    return tuple(values)


@attrs.frozen
class StructureTest:
    """The verdict on a held action, recorded with its numbers: the action passes when its
    participation (all units together) reaches the rung's threshold; each unit's verdict is
    kept too, and it is each unit's that a campaign's climb depends on."""

    action: int
    name: str
    rung: str
    threshold: Fraction
    held_on: date
    eligible: int
    participants: int
    passed: bool
    units: tuple[UnitResult, ...] = attrs.field(converter=_results)

    @property
    def share(self) -> Fraction:
        return percent_of(self.participants, self.eligible)

    def result_for(self, unit_id: UUID) -> UnitResult | None:
        return next((r for r in self.units if r.unit_id == unit_id), None)

    def explain(self) -> str:
        """The test in one line, in the reader's language (see
        :mod:`~bargaining.domain.shared.language`)."""
        return translate(
            "{name} ({rung}), {held_on}: {participants} of {eligible} took part ({share}) "
            "against {threshold}: {verdict}", name=self.name,
            rung=gettext_if_known(self.rung), held_on=format_day(self.held_on),
            participants=format_number(self.participants),
            eligible=format_number(self.eligible), share=format_percent(self.share),
            threshold=format_percent(self.threshold),
            verdict=gettext("passed") if self.passed else gettext("failed"))


def structure_test(
    number: int, name: str, rung: str, threshold: Fraction, held_on: date,
    planned: Iterable[PlannedUnit], counts: Iterable[Turnout],
) -> StructureTest:
    """The verdict on held action ``number`` from its counts: each planned unit's totals (its
    work groups added up) and all units together, each against the rung's threshold."""
    by_unit: dict[UUID, list[Turnout]] = {}
    for count in counts:
        by_unit.setdefault(count.unit_id, []).append(count)
    results = []
    for unit in planned:
        mine = by_unit.get(unit.unit_id, [])
        eligible = sum(t.eligible for t in mine)
        participants = sum(t.participants for t in mine)
        results.append(UnitResult(unit.unit_id, eligible, participants,
                                  meets(participants, eligible, threshold)))
    eligible = sum(r.eligible for r in results)
    participants = sum(r.participants for r in results)
    return StructureTest(number, name, rung, threshold, held_on, eligible, participants,
                         meets(participants, eligible, threshold), tuple(results))


#: The units taking part in an action, as a command is given them: ids (or planned units),
#: or a mapping of each unit's id to its work groups.
Participants = Sequence[UUID | PlannedUnit] | Mapping[UUID, Sequence[str]]


def planned_units(active: Iterable[Any], units: Participants | None) -> list[PlannedUnit]:
    """The units taking part as planned units: those given, or every ``active`` unit (each
    with its ``unit_id``) when none are."""
    if units is None:
        return [PlannedUnit(u.unit_id) for u in active]
    if isinstance(units, Mapping):
        return [PlannedUnit(uid, tuple(groups)) for uid, groups in units.items()]
    if isinstance(units, UUID | PlannedUnit | str):
        raise InvalidInput.worded("the units taking part are given as a list (or a mapping of "
                                  "unit to work groups)")
    return [u if isinstance(u, PlannedUnit) else PlannedUnit(u) for u in units]
