"""What a campaign records, in date order: its moves on the ladder, its status, its ladders,
its units' spells of membership and strike, its actions and its mandates.

Every entry carries the day it happened (``on``), so a campaign can be read as it stood on any
date: :func:`last_on` picks the entry in force on a day.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from fractions import Fraction
from typing import Any, Protocol, TypeVar
from uuid import UUID

import attrs

from bargaining.domain.campaigns import standing
from bargaining.domain.campaigns.ladder import Ladder
from bargaining.domain.campaigns.participation import (
    PlannedUnit,
    StructureTest,
    Turnout,
    same_group,
)
from bargaining.domain.shared.actor import Actor
from bargaining.domain.shared.errors import InvalidInput, RuleViolation
from bargaining.domain.shared.flags import Flag
from bargaining.domain.shared.language import mark
from bargaining.domain.shared.phrases import Phrase, part, word
from bargaining.domain.shared.vote import Threshold, Vote, by_the_membership


class MandateKind(enum.Enum):
    """What a member vote authorizes: a strike, or another step of the campaign."""

    STRIKE_VOTE = "strike vote"
    AUTHORIZATION = "authorizing vote"


class Outcome(enum.Enum):
    """How a campaign ended."""

    WON = "won"
    SETTLED = "settled"
    DEFEATED = "defeated"
    WITHDRAWN = "withdrawn"


class CampaignScope(enum.Enum):
    """Whom a campaign mobilizes: a cluster's units, a set of units, or one unit."""

    CLUSTER = "cluster"
    UNITS = "units"
    UNIT = "unit"


class CampaignStatus(enum.Enum):
    """Whether a campaign may act: a paused one holds no actions and calls no strikes."""

    ACTIVE = "active"
    PAUSED = "paused"
    CONCLUDED = "concluded"


def _uuids(values: Iterable[UUID]) -> tuple[UUID, ...]:
    return tuple(values)


@attrs.frozen
class Mandate:
    """A member vote that authorizes a step: a strike vote, or another authorizing vote.
    ``unit_id=None`` is a vote of the whole campaign; ``scope`` is what it authorizes, such as
    "up to and including an unlimited general strike"."""

    number: int
    kind: MandateKind
    vote: Vote
    scope: str | None = None
    unit_id: UUID | None = None

    @property
    def carried(self) -> bool:
        """Whether the vote carried by its own rule (and quorum)."""
        return self.vote.passed

    def valid_by(self, rule: Threshold) -> bool:
        """Whether this vote is a valid mandate under ``rule`` (a ladder's strike mandate
        rule): see :meth:`why_not_valid`."""
        return self.why_not_valid(rule) is None

    def why_not_valid(self, rule: Threshold) -> str | None:
        """Why this vote is not a valid mandate under ``rule`` ("did not carry by ..."), or
        ``None`` when it is: the
        members themselves voted (not a body that represents them), it carried by the rule it
        was held under, with its quorum, and by ``rule``."""
        why = self.why_not_valid_phrase(rule)
        return None if why is None else why.english()

    def why_not_valid_phrase(self, rule: Threshold) -> Phrase | None:
        """:meth:`why_not_valid` as a phrase, read in the reader's language."""
        vote = self.vote
        if not by_the_membership(vote):
            assert vote.body is not None
            body = vote.body.name or word(vote.body.kind.value)
            return Phrase.of(mark("was a vote of the {body}, not of the members"), body=body)
        if not vote.quorum_met:
            return Phrase.of(mark("did not have its quorum"))
        if not rule.met_by(vote.tally):
            return Phrase.of(mark("did not carry by {rule}: {share} yes"), rule=rule.phrase(),
                             share=part(rule.share(vote.tally)))
        if not vote.passed:
            return Phrase.of(mark("did not carry by the rule it was held under, {rule}: {share} "
                                  "yes"), rule=vote.threshold.phrase(), share=part(vote.share))
        return None

    def covers(self, unit_id: UUID) -> bool:
        return self.unit_id is None or self.unit_id == unit_id


@attrs.frozen
class Override:
    """A climb without a passed test: the mandate behind it and why (who decided is the
    actor recorded with the climb)."""

    mandate: Vote
    why: str


@attrs.frozen
class Move:
    """The campaign's position changed: launched on a rung, escalated or de-escalated."""

    on: date
    rung: str
    direction: str  # "launched", "escalated", "de-escalated"
    by: Actor
    reason: str | None
    override: Override | None = None
    held_back: tuple[UUID, ...] = attrs.field(default=(), converter=_uuids)


@attrs.frozen
class StatusChange:
    """The campaign was paused, resumed or concluded (launching makes it active)."""

    on: date
    status: CampaignStatus
    by: Actor
    reason: str | None
    outcome: Outcome | None = None


@attrs.frozen
class LadderChange:
    """The campaign adopted a ladder (its first at launch)."""

    on: date
    ladder: Ladder
    by: Actor
    reason: str | None


@attrs.define
class Spell:
    """A stretch of time from ``start`` up to (not including) ``end``; open while ``end`` is
    None."""

    start: date
    end: date | None = None

    def covers(self, on: date) -> bool:
        return self.start <= on and (self.end is None or on < self.end)


@attrs.define
class StrikeSpell(Spell):
    """A unit out on strike from ``start`` until the day it was back at work (``end``, open
    while it is still out). A part-day walkout (``part_day``, for ``hours`` if known) is
    back the next day. ``flags`` are the rules the walkout broke as the library saw them when
    it was recorded."""

    part_day: bool = False
    hours: Fraction | None = None
    flags: tuple[Flag, ...] = ()


@attrs.define
class CampaignUnit:
    """A unit's part in a campaign: when it took part, and the days of its strikes (each
    spell's first day out and day back, by start: see :mod:`~bargaining.domain.campaigns.
    standing`; a spell's flags and hours are in the campaign's job actions)."""

    unit_id: UUID
    label: str
    memberships: list[Spell] = attrs.field(factory=list)
    strikes: list[int | None] = attrs.field(factory=list)

    @property
    def active(self) -> bool:
        return bool(self.memberships) and self.memberships[-1].end is None

    @property
    def on_strike(self) -> bool:
        return bool(self.strikes) and self.strikes[-1] is None

    @property
    def spells(self) -> list[Spell]:
        """The unit's strike spells, by the day each began (a part-day walkout is back the
        next day)."""
        return [Spell(start, end) for start, end in standing.spells(self.strikes)]

    @property
    def last_walkout(self) -> date:
        """The day the unit's latest strike spell began (it has one)."""
        start = self.strikes[-2]
        assert start is not None
        return date.fromordinal(start)

    def active_on(self, on: date) -> bool:
        return any(s.covers(on) for s in self.memberships)

    def on_strike_on(self, on: date) -> bool:
        return standing.out_on(self.strikes, on)

    def snapshot_row(self) -> list[object]:
        """The unit as a copy of the campaign's state keeps it: plain values, since a cluster
        campaign holds thousands (read back by :meth:`from_snapshot_row`)."""
        days: list[int | None] = []
        for spell in self.memberships:
            days += [spell.start.toordinal(), None if spell.end is None else spell.end.toordinal()]
        return [self.unit_id.hex, self.label, days, list(self.strikes)]

    @classmethod
    def from_snapshot_row(cls, row: list[Any]) -> CampaignUnit:
        hex_id, label, days, strikes = row
        return cls(UUID(hex_id), label, [Spell(start, end) for start, end in standing.spells(days)],
                   strikes)


@attrs.define
class Action:
    """A planned action, with the units taking part, while it is neither held nor cancelled.
    Once held, its counts and structure test are the participation history, kept outside the
    campaign (:class:`ClosedAction`): ``turnouts`` and ``test`` stay empty here (campaign
    snapshots of the first shape held them, and still read)."""

    number: int
    name: str
    rung: str
    planned_on: date
    units: tuple[PlannedUnit, ...]
    planned_by: Actor
    turnouts: tuple[Turnout, ...] = ()
    test: StructureTest | None = None
    cancelled: bool = False

    @property
    def held(self) -> bool:
        return self.test is not None

    def planned_unit(self, unit_id: UUID) -> PlannedUnit | None:
        return next((p for p in self.units if p.unit_id == unit_id), None)

    def check_counts(
        self, turnouts: Sequence[Turnout], day: date, units: Mapping[UUID, CampaignUnit]
    ) -> list[Turnout]:
        """The counts of this action, held on ``day``, refused unless they follow its plan:
        every planned unit counted (as a whole or by each planned work group), once, nobody
        else, and every planned unit part of the campaign that day. ``units`` are the
        campaign's units, which name them in a refusal."""
        if isinstance(turnouts, Turnout) or not turnouts:
            raise InvalidInput.worded("a held action needs its counts (a list of Turnout)")
        counts = list(turnouts)
        plans = {p.unit_id: p for p in self.units}
        by_unit: dict[UUID, list[Turnout]] = {}
        for count in counts:
            if not isinstance(count, Turnout):
                raise InvalidInput.worded("each count is a Turnout, not {count}",
                                          count=repr(count))
            by_unit.setdefault(count.unit_id, []).append(count)
            planned, who = plans.get(count.unit_id), label_of(units, count.unit_id)
            if planned is None:
                raise RuleViolation.worded("{who} was not planned to take part in action "
                                           "{number} ({name})",
                                           who=who, number=self.number, name=self.name)
            if planned.work_groups and (count.work_group is None or not any(
                    same_group(count.work_group, g) for g in planned.work_groups)):
                raise RuleViolation.worded("{who} planned action {number} with the work groups "
                                           "{work_groups}; it has no work group '{value}'",
                                           who=who, number=self.number,
                                           work_groups=', '.join(planned.work_groups),
                                           value=count.work_group or 'whole unit')
        for planned in self.units:
            label = label_of(units, planned.unit_id)
            mine = by_unit.get(planned.unit_id, [])
            if not mine:
                raise RuleViolation.worded("{label} took part in action {number} but has no "
                                           "count (count a group that stayed away as 0 "
                                           "participants)", label=label, number=self.number)
            if not units[planned.unit_id].active_on(day):
                raise RuleViolation.worded("{label} was not part of the campaign on {day}",
                                           label=label, day=day)
            groups = [c.work_group for c in mine]
            if None in groups and len(groups) > 1:
                raise RuleViolation.worded("{label} is counted both as a whole and by work group",
                                           label=label)
            keys = [g.casefold() for g in groups if g is not None]
            if len(set(keys)) != len(keys):
                raise RuleViolation.worded("{label} has a work group counted twice", label=label)
            missing = [g for g in planned.work_groups if g.casefold() not in keys]
            if missing:
                raise RuleViolation.worded("{label} has no count for the work groups {missing} "
                                           "(count 0 participants if nobody took part)",
                                           label=label, missing=', '.join(missing))
        return counts


@attrs.frozen
class ClosedAction:
    """An action that was held or cancelled, as the campaign keeps it: its number and name."""

    number: int
    name: str
    cancelled: bool

    @property
    def held(self) -> bool:
        return not self.cancelled


def label_of(units: Mapping[UUID, CampaignUnit], unit_id: UUID) -> str:
    """A unit's label in the campaign, or its id when it never took part."""
    found = units.get(unit_id)
    return found.label if found else str(unit_id)


class _Dated(Protocol):
    """An entry of the timeline: it carries the day it happened."""

    @property
    def on(self) -> date: ...


D = TypeVar("D", bound=_Dated)


def last_on(entries: Sequence[D], on: date) -> D:
    """The last entry dated on or before ``on`` (the first when ``on`` is earlier)."""
    found = entries[0]
    for entry in entries:
        if entry.on <= on:
            found = entry
    return found
