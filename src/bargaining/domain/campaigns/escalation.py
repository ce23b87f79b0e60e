"""Campaign escalation: ladders, structure tests, mandates and escalating strikes.

A campaign climbs an escalation ladder one rung at a time. Each climb is earned by a structure
test: an action whose turnout (participants of eligible, per unit and per work group) reaches the
rung's threshold. Climbing without a passed test needs a recorded override: who decided, the
mandate (a member vote) behind it, and why. Going back down, pausing, resuming and concluding are
always allowed and always recorded. A campaign holds counts only, never the names of workers.

Every change is dated with the day it happened (``on``), so the campaign can be read as it stood
on any date. Decisions about the campaign itself (launch, climbs, pauses, ladder changes, units
joining and leaving, strikes) are recorded in date order; actions and votes may be recorded
after the fact with an earlier date.
"""

from __future__ import annotations

import enum
import math
from collections.abc import Iterable, Sequence
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Protocol, TypeVar
from uuid import UUID

import attrs
from eventsourcing.domain import Aggregate, event

from bargaining.domain.shared.actor import Actor, clean_reason, require_actor
from bargaining.domain.shared.dates import require_date
from bargaining.domain.shared.errors import InvalidInput, RuleViolation
from bargaining.domain.shared.vote import Threshold, Vote, whole_count

#: The strike vote's threshold when a ladder has no strike vote rung of its own.
DEFAULT_STRIKE_VOTE_PERCENT = 85


class RungKind(enum.Enum):
    """What passes a rung: a held action's turnout, or (for the strike vote rung) the vote."""

    ACTION = "action"
    STRIKE_VOTE = "strike vote"
    STRIKE = "strike"


class MandateKind(enum.Enum):
    STRIKE_VOTE = "strike vote"
    AUTHORIZATION = "authorizing vote"


class Outcome(enum.Enum):
    WON = "won"
    SETTLED = "settled"
    DEFEATED = "defeated"
    WITHDRAWN = "withdrawn"


class CampaignScope(enum.Enum):
    CLUSTER = "cluster"
    UNITS = "units"
    UNIT = "unit"


class CampaignStatus(enum.Enum):
    ACTIVE = "active"
    PAUSED = "paused"
    CONCLUDED = "concluded"


# ------------------------------------------------------------------ helpers


def show_percent(value: Fraction) -> str:
    """60 -> '60%', 52.5 -> '52.5%' (a value in percent)."""
    text = f"{float(value):.1f}".removesuffix(".0")
    return f"{text}%"


def share_percent(participants: int, eligible: int) -> Fraction:
    """Participants as a percentage of eligible (0 when nobody is eligible)."""
    return Fraction(participants * 100, eligible) if eligible else Fraction(0)


def meets(participants: int, eligible: int, threshold: Fraction) -> bool:
    """Whether participation reaches a threshold given in percent (exact arithmetic)."""
    return eligible > 0 and participants * 100 >= threshold * eligible


def short_of(participants: int, eligible: int, threshold: Fraction) -> int:
    """How many more participants a group needs to reach a threshold (0 when it does)."""
    needed = math.ceil(threshold * eligible / 100)
    return max(0, needed - participants)


def same(a: str, b: str) -> bool:
    """Rung names match whatever their case and spacing."""
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def _text(value: object, what: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise InvalidInput(f"{what} must be non-blank text, not {value!r}")
    return " ".join(value.split())


def _percent(value: object) -> Fraction:
    if isinstance(value, bool) or not isinstance(value, int | Fraction | Decimal | str | float):
        raise InvalidInput(f"a rung's threshold must be a percentage, not {value!r}")
    try:
        number = Fraction(str(value)) if isinstance(value, float | str) else Fraction(value)
    except (ValueError, ArithmeticError):
        raise InvalidInput(f"a rung's threshold must be a percentage, not {value!r}") from None
    if not 0 < number <= 100:
        raise InvalidInput(
            f"a rung's threshold must be above 0% and at most 100%, not {show_percent(number)}"
        )
    return number


def _unit_id(value: object) -> UUID:
    if not isinstance(value, UUID):
        raise InvalidInput(f"a unit is named by its id (a UUID), not {value!r}")
    return value


def _group(value: object) -> str | None:
    if value is None:
        return None
    return _text(value, "a work group's name")


def _groups(values: Iterable[object]) -> tuple[str, ...]:
    if isinstance(values, str):
        raise InvalidInput("work groups are given as a list of names")
    names = tuple(_text(v, "a work group's name") for v in values)
    seen = [n.casefold() for n in names]
    repeated = sorted({n for n in names if seen.count(n.casefold()) > 1})
    if repeated:
        raise InvalidInput(f"a work group is named twice: {', '.join(repeated)}")
    return names


def _uuids(values: Iterable[UUID]) -> tuple[UUID, ...]:
    return tuple(values)


# ------------------------------------------------------------------ the ladder


def _kind(value: object) -> RungKind:
    if isinstance(value, RungKind):
        return value
    try:
        return RungKind(value)
    except ValueError:
        raise InvalidInput(
            f"a rung's kind is one of {', '.join(k.value for k in RungKind)}, not {value!r}"
        ) from None


def _rung_name(value: object) -> str:
    return _text(value, "a rung's name")


@attrs.frozen
class Rung:
    """One rung of a ladder: its name and the participation threshold, in percent of eligible
    workers, that proves it (``Rung("majority petition", 51)``). The strike vote rung is passed
    by a strike vote with that share of eligible members voting yes."""

    name: str = attrs.field(converter=_rung_name)
    threshold: Fraction = attrs.field(converter=_percent)
    kind: RungKind = attrs.field(default=RungKind.ACTION, converter=_kind)

    def describe(self) -> str:
        return f"{self.name} ({show_percent(self.threshold)})"


def _rungs(values: object) -> tuple[Rung, ...]:
    if isinstance(values, Rung | str) or not isinstance(values, Iterable):
        raise InvalidInput("a ladder is an ordered list of rungs")
    rungs = tuple(values)
    for rung in rungs:
        if not isinstance(rung, Rung):
            raise InvalidInput(f"every rung of a ladder must be a Rung, not {rung!r}")
    return rungs


@attrs.frozen
class Ladder:
    """Ordered rungs, lowest first. Each campaign may bring its own; the default is the
    practitioners' ladder of the design guide (:meth:`default`)."""

    rungs: tuple[Rung, ...] = attrs.field(converter=_rungs)

    def __attrs_post_init__(self) -> None:
        if not self.rungs:
            raise InvalidInput("a ladder needs at least one rung")
        names = [r.name.casefold() for r in self.rungs]
        repeated = sorted({r.name for r in self.rungs if names.count(r.name.casefold()) > 1})
        if repeated:
            raise InvalidInput(f"each rung of a ladder is named once; repeated: "
                               f"{', '.join(repeated)}")
        for kind in (RungKind.STRIKE_VOTE, RungKind.STRIKE):
            if sum(r.kind is kind for r in self.rungs) > 1:
                raise InvalidInput(f"a ladder has at most one {kind.value} rung")
        vote, strike = self.strike_vote_index, self.strike_index
        if vote is not None and strike is not None and vote > strike:
            raise InvalidInput("a ladder's strike vote rung must come before its strike rung")

    @classmethod
    def default(cls) -> Ladder:
        """The design guide's ladder: meeting 1%, cards 10%, petition 51%, colours 60%, rally
        75%, overtime ban / work-to-rule 80%, strike vote 85% yes of eligible, strike 90%."""
        return DEFAULT_LADDER

    def __len__(self) -> int:
        return len(self.rungs)

    def find(self, name: str) -> int | None:
        for i, rung in enumerate(self.rungs):
            if same(rung.name, name):
                return i
        return None

    def index(self, name: object) -> int:
        """The position of the rung with this name (case and spacing do not matter)."""
        if isinstance(name, Rung):
            name = name.name
        if not isinstance(name, str):
            raise InvalidInput(f"a rung is named by its name, not {name!r}")
        found = self.find(name)
        if found is None:
            raise InvalidInput(
                f"the ladder has no rung '{' '.join(name.split())}'; its rungs are "
                f"{', '.join(repr(r.name) for r in self.rungs)}"
            )
        return found

    def rung(self, name: object) -> Rung:
        return self.rungs[self.index(name)]

    @property
    def strike_vote_index(self) -> int | None:
        return next((i for i, r in enumerate(self.rungs) if r.kind is RungKind.STRIKE_VOTE), None)

    @property
    def strike_index(self) -> int | None:
        return next((i for i, r in enumerate(self.rungs) if r.kind is RungKind.STRIKE), None)

    @property
    def strike_vote_threshold(self) -> Threshold:
        """What a strike vote needs before the campaign may reach the strike rung: the strike
        vote rung's share of eligible members voting yes (85% on the default ladder)."""
        index = self.strike_vote_index
        percent = self.rungs[index].threshold if index is not None else Fraction(
            DEFAULT_STRIKE_VOTE_PERCENT)
        return Threshold.share_of_eligible(percent)

    def describe(self) -> str:
        return ", ".join(r.describe() for r in self.rungs)


DEFAULT_LADDER = Ladder((
    Rung("organizing meeting", 1),
    Rung("union cards / sign-up", 10),
    Rung("majority petition", 51),
    Rung("wear the union colours", 60),
    Rung("rally or march on the boss", 75),
    Rung("overtime ban / work-to-rule", 80),
    Rung("strike vote", 85, RungKind.STRIKE_VOTE),
    Rung("strike", 90, RungKind.STRIKE),
))


# ------------------------------------------------------------- value objects


def _eligible(value: object) -> int:
    return whole_count(value, "the eligible count")


def _participants(value: object) -> int:
    return whole_count(value, "the participant count")


@attrs.frozen
class Turnout:
    """How many of a unit's (or one of its work groups') eligible workers took part in an
    action. Counts only: a campaign records no names. ``work_group=None`` counts the unit as
    a whole."""

    unit_id: UUID = attrs.field(converter=_unit_id)
    eligible: int = attrs.field(converter=_eligible)
    participants: int = attrs.field(converter=_participants)
    work_group: str | None = attrs.field(default=None, converter=_group)

    def __attrs_post_init__(self) -> None:
        where = f" in {self.work_group}" if self.work_group else ""
        if self.eligible == 0:
            raise InvalidInput(f"a count needs at least one eligible worker{where}")
        if self.participants > self.eligible:
            raise RuleViolation(
                f"participation can never exceed the eligible count: {self.participants} took "
                f"part{where}, but only {self.eligible} are eligible"
            )

    @property
    def share(self) -> Fraction:
        return share_percent(self.participants, self.eligible)


@attrs.frozen
class PlannedUnit:
    """A unit taking part in a planned action, and which of its work groups (none listed: the
    unit counts its own way, by named groups or as a whole)."""

    unit_id: UUID = attrs.field(converter=_unit_id)
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
        return share_percent(self.participants, self.eligible)


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
        return share_percent(self.participants, self.eligible)

    def result_for(self, unit_id: UUID) -> UnitResult | None:
        return next((r for r in self.units if r.unit_id == unit_id), None)

    def explain(self) -> str:
        return (
            f"{self.name} ({self.rung}), {self.held_on}: {self.participants} of {self.eligible} "
            f"took part ({show_percent(self.share)}) against {show_percent(self.threshold)}: "
            f"{'passed' if self.passed else 'failed'}"
        )


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
        return self.vote.passed

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
    on: date
    status: CampaignStatus
    by: Actor
    reason: str | None
    outcome: Outcome | None = None


@attrs.frozen
class LadderChange:
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
class CampaignUnit:
    """A unit's part in a campaign: when it took part, and its strikes."""

    unit_id: UUID
    label: str
    memberships: list[Spell] = attrs.field(factory=list)
    strikes: list[Spell] = attrs.field(factory=list)

    @property
    def active(self) -> bool:
        return bool(self.memberships) and self.memberships[-1].end is None

    @property
    def on_strike(self) -> bool:
        return bool(self.strikes) and self.strikes[-1].end is None

    def active_on(self, on: date) -> bool:
        return any(s.covers(on) for s in self.memberships)

    def on_strike_on(self, on: date) -> bool:
        return any(s.covers(on) for s in self.strikes)


@attrs.define
class Action:
    """A planned action; once held, its counts and structure test."""

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


@attrs.frozen
class ClimbCheck:
    """Whether a campaign may climb from its rung on a date, and which units hold it back."""

    on: date
    rung: str
    next_rung: str | None
    ready: tuple[UUID, ...]
    held_back: tuple[UUID, ...]
    needed: int
    share: Fraction
    status: CampaignStatus
    strike_vote_ok: bool

    @property
    def enough_ready(self) -> bool:
        return self.needed > 0 and len(self.ready) >= self.needed

    @property
    def allowed(self) -> bool:
        """True when the campaign may escalate without an override."""
        return (self.status is CampaignStatus.ACTIVE and self.next_rung is not None
                and self.strike_vote_ok and self.enough_ready)


# ----------------------------------------------------------------- the aggregate


def _ladder(value: object) -> Ladder:
    if value is None:
        return DEFAULT_LADDER
    if not isinstance(value, Ladder):
        raise InvalidInput("a campaign's ladder must be a Ladder (or none, for the default)")
    return value


def _climb_share(value: object) -> Fraction:
    if isinstance(value, bool) or not isinstance(value, int | Fraction | Decimal):
        raise InvalidInput(
            f"the share of units that must pass before a joint climb is a fraction such as "
            f"Fraction(3, 4), not {value!r}"
        )
    share = Fraction(value)
    if not 0 < share <= 1:
        raise InvalidInput(
            f"the share of units that must pass before a joint climb must be above 0 and at "
            f"most 1, not {share}"
        )
    return share


class Campaign(Aggregate):
    """The mobilization around bargaining for a cluster, a set of units, or one unit: it climbs
    an escalation ladder, rung by rung, on proven participation."""

    @classmethod
    def launch(
        cls,
        *,
        name: str,
        units: Sequence[tuple[UUID, str]],
        launched_on: date,
        actor: Actor,
        cluster_id: UUID | None = None,
        ladder: Ladder | None = None,
        climb_share: Fraction | int = 1,
        reason: str | None = None,
    ) -> Campaign:
        """Launch on the ladder's first rung, for the given (unit id, label) pairs."""
        actor = require_actor(actor)
        title = _text(name, "a campaign's name")
        chosen = _ladder(ladder)
        on = require_date(launched_on, "launch date")
        share = _climb_share(climb_share)
        if isinstance(units, str) or not units:
            raise InvalidInput("a campaign is launched for one or more bargaining units")
        ids = [_unit_id(uid) for uid, _ in units]
        labels = [_text(label, "a unit's label") for _, label in units]
        if len(set(ids)) != len(ids):
            raise InvalidInput("a unit is named twice in the campaign's units")
        if cluster_id is not None and not isinstance(cluster_id, UUID):
            raise InvalidInput(f"a cluster is named by its id (a UUID), not {cluster_id!r}")
        scope = (CampaignScope.CLUSTER if cluster_id is not None
                 else CampaignScope.UNIT if len(ids) == 1 else CampaignScope.UNITS)
        campaign = cls(name=title, scope=scope, cluster_id=cluster_id, ladder=chosen,
                       launched_on=on, climb_share=share, actor=actor,
                       reason=clean_reason(reason))
        for uid, label in zip(ids, labels, strict=True):
            campaign._unit_joined(unit_id=uid, label=label, on=on, actor=actor, reason=None)
        return campaign

    @event("Launched")
    def __init__(
        self,
        *,
        name: str,
        scope: CampaignScope,
        cluster_id: UUID | None,
        ladder: Ladder,
        launched_on: date,
        climb_share: Fraction,
        actor: Actor,
        reason: str | None,
    ) -> None:
        self.name = name
        self.scope = scope
        self.cluster_id = cluster_id
        self.launched_on = launched_on
        self.ladder = ladder
        self.climb_share = climb_share
        self.ladders: list[LadderChange] = [LadderChange(launched_on, ladder, actor, reason)]
        self.climb_shares: list[tuple[date, Fraction]] = [(launched_on, climb_share)]
        self.moves: list[Move] = [Move(launched_on, ladder.rungs[0].name, "launched", actor,
                                       reason)]
        self.statuses: list[StatusChange] = [
            StatusChange(launched_on, CampaignStatus.ACTIVE, actor, reason)]
        self.units: dict[UUID, CampaignUnit] = {}
        self.actions: list[Action] = []
        self.mandates: list[Mandate] = []
        self.last_dated = launched_on

    # ------------------------------------------------------------- reading

    @property
    def status(self) -> CampaignStatus:
        return self.statuses[-1].status

    @property
    def outcome(self) -> Outcome | None:
        return self.statuses[-1].outcome

    @property
    def concluded(self) -> bool:
        return self.status is CampaignStatus.CONCLUDED

    @property
    def rung_index(self) -> int:
        """The position of the campaign's current rung on its current ladder (0 = first)."""
        return self.ladder.index(self.moves[-1].rung)

    @property
    def rung(self) -> Rung:
        return self.ladder.rungs[self.rung_index]

    @property
    def next_rung(self) -> Rung | None:
        i = self.rung_index + 1
        return self.ladder.rungs[i] if i < len(self.ladder) else None

    @property
    def active_units(self) -> list[CampaignUnit]:
        return [u for u in self.units.values() if u.active]

    @property
    def striking(self) -> list[CampaignUnit]:
        return [u for u in self.units.values() if u.on_strike]

    @property
    def overrides(self) -> list[Move]:
        return [m for m in self.moves if m.override is not None]

    def action(self, number: object) -> Action:
        if isinstance(number, bool) or not isinstance(number, int):
            raise InvalidInput(f"an action is named by its number, not {number!r}")
        if not 1 <= number <= len(self.actions):
            raise InvalidInput(
                f"'{self.name}' has no action {number}"
                + (f" (it has 1 to {len(self.actions)})" if self.actions else "")
            )
        return self.actions[number - 1]

    def unit(self, unit_id: object) -> CampaignUnit:
        uid = _unit_id(unit_id)
        try:
            return self.units[uid]
        except KeyError:
            raise RuleViolation(
                f"the unit {uid} is not part of the campaign '{self.name}'") from None

    def ladder_on(self, on: date) -> Ladder:
        return _last(self.ladders, on).ladder

    def move_on(self, on: date) -> Move:
        return _last(self.moves, on)

    def status_on(self, on: date) -> CampaignStatus:
        return _last(self.statuses, on).status

    def climb_share_on(self, on: date) -> Fraction:
        share = self.climb_shares[0][1]
        for when, value in self.climb_shares:
            if when <= on:
                share = value
        return share

    def rung_on(self, on: date) -> tuple[int, Rung]:
        """The campaign's rung as it stood on a date (its position and the rung itself)."""
        ladder = self.ladder_on(on)
        index = ladder.index(self.move_on(on).rung)
        return index, ladder.rungs[index]

    def units_on(self, on: date) -> list[CampaignUnit]:
        """The units taking part in the campaign on a date."""
        return [u for u in self.units.values() if u.active_on(on)]

    def latest_action(
        self, unit_id: UUID, on: date, rung: str | None = None
    ) -> tuple[Action, UnitResult] | None:
        """The most recent held action (on or before ``on``, on ``rung`` if given) in which
        the unit was counted, with the unit's result."""
        best: tuple[Action, UnitResult] | None = None
        latest: date | None = None
        for action in self._held(on, rung):
            assert action.test is not None
            result = action.test.result_for(unit_id)
            if result is not None and (latest is None or action.test.held_on >= latest):
                best, latest = (action, result), action.test.held_on
        return best

    def _held(self, on: date, rung: str | None) -> list[Action]:
        """Actions held on or before a date (on one rung if given), in recorded order."""
        return [a for a in self.actions if a.test is not None and a.test.held_on <= on
                and (rung is None or same(a.rung, rung))]

    def latest_group_count(
        self, unit_id: UUID, group: str | None, on: date, rung: str | None = None
    ) -> tuple[Action, Turnout] | None:
        """The most recent count of one work group (``None``: the unit counted as a whole)."""
        best: tuple[Action, Turnout] | None = None
        latest: date | None = None
        for action in self._held(on, rung):
            assert action.test is not None
            for turnout in action.turnouts:
                if (turnout.unit_id == unit_id and _same_group(turnout.work_group, group)
                        and (latest is None or action.test.held_on >= latest)):
                    best, latest = (action, turnout), action.test.held_on
        return best

    def work_groups(self, unit_id: UUID, on: date) -> list[str | None]:
        """The work groups counted for a unit up to a date, in the order first counted. A unit
        last counted as a whole has the one group ``None`` (the whole unit)."""
        latest = self.latest_action(unit_id, on)
        if latest is None:
            return []
        if any(t.unit_id == unit_id and t.work_group is None for t in latest[0].turnouts):
            return [None]
        groups: list[str | None] = []
        for action in self._held(on, None):
            for turnout in action.turnouts:
                if turnout.unit_id == unit_id and turnout.work_group is not None and not any(
                        _same_group(turnout.work_group, g) for g in groups):
                    groups.append(turnout.work_group)
        return groups

    def strike_votes(self, unit_id: UUID, on: date) -> list[Mandate]:
        """Strike votes held on or before a date that cover a unit, oldest first."""
        found = [m for m in self.mandates if m.kind is MandateKind.STRIKE_VOTE
                 and m.covers(unit_id) and m.vote.held_on <= on]
        return sorted(found, key=lambda m: (m.vote.held_on, m.number))

    def qualifies(self, mandate: Mandate, ladder: Ladder | None = None) -> bool:
        """A strike vote that carried and meets the ladder's strike vote threshold."""
        threshold = (ladder or self.ladder).strike_vote_threshold
        return (mandate.kind is MandateKind.STRIKE_VOTE and mandate.carried
                and threshold.met_by(mandate.vote.tally))

    def passed_rung(self, unit_id: UUID, on: date, rung: Rung) -> bool:
        """Whether a unit's latest test of a rung, up to a date, reached its threshold (for the
        strike vote rung: whether its latest strike vote carried and met the threshold)."""
        if rung.kind is RungKind.STRIKE_VOTE:
            votes = self.strike_votes(unit_id, on)
            return bool(votes) and self.qualifies(votes[-1], self.ladder_on(on))
        latest = self.latest_action(unit_id, on, rung.name)
        return latest is not None and meets(latest[1].participants, latest[1].eligible,
                                            rung.threshold)

    def climb_check(self, on: date) -> ClimbCheck:
        """Whether the campaign, as it stood on a date, may climb to the next rung: enough of
        its units (all, or the share it set) have passed the current rung's test, and a strike
        vote meets the ladder's threshold before the strike rung."""
        ladder = self.ladder_on(on)
        index, rung = self.rung_on(on)
        nxt = ladder.rungs[index + 1] if index + 1 < len(ladder) else None
        units = self.units_on(on)
        ready = tuple(u.unit_id for u in units if self.passed_rung(u.unit_id, on, rung))
        held_back = tuple(u.unit_id for u in units if u.unit_id not in ready)
        share = self.climb_share_on(on)
        needed = math.ceil(share * len(units))
        strike_ok = True
        if nxt is not None and nxt.kind is RungKind.STRIKE:
            strike_ok = self.strike_vote_met(on, ladder)
        return ClimbCheck(on, rung.name, nxt.name if nxt else None, ready, held_back, needed,
                          share, self.status_on(on), strike_ok)

    def strike_mandate(self, unit_id: UUID, on: date) -> Mandate | None:
        """The strike vote in force for a unit on a date: the latest one covering it (its own
        or the whole campaign's), if it carried. A later vote that failed withdraws it."""
        votes = self.strike_votes(unit_id, on)
        return votes[-1] if votes and votes[-1].carried else None

    def strike_vote_met(self, on: date, ladder: Ladder | None = None) -> bool:
        """Whether, for some unit taking part, the strike vote in force meets the ladder's
        threshold."""
        for unit in self.units_on(on):
            mandate = self.strike_mandate(unit.unit_id, on)
            if mandate is not None and self.qualifies(mandate, ladder):
                return True
        return False

    def label(self, unit_id: UUID) -> str:
        found = self.units.get(unit_id)
        return found.label if found else str(unit_id)

    def labels(self, unit_ids: Iterable[UUID]) -> str:
        return "; ".join(self.label(u) for u in unit_ids)

    # ------------------------------------------------------------- guards

    def _require_open(self) -> None:
        if self.concluded:
            last = self.statuses[-1]
            outcome = f" ({last.outcome.value})" if last.outcome else ""
            raise RuleViolation(
                f"the campaign '{self.name}' concluded{outcome} on {last.on}: nothing more can "
                "be recorded on it"
            )

    def _dated(self, on: object, what: str) -> date:
        """A campaign decision is dated on or after the campaign's last one."""
        day = require_date(on, what)
        if day < self.last_dated:
            raise RuleViolation(
                f"the campaign '{self.name}' was last changed on {self.last_dated}; a change "
                f"dated {day} would come before it: record the campaign's changes in date order"
            )
        return day

    def _since_launch(self, on: object, what: str) -> date:
        day = require_date(on, what)
        if day < self.launched_on:
            raise RuleViolation(
                f"{day} is before the campaign '{self.name}' was launched ({self.launched_on})"
            )
        return day

    def _require_not_paused(self, on: date, what: str) -> None:
        if self.status_on(on) is CampaignStatus.PAUSED:
            raise RuleViolation(f"the campaign '{self.name}' is paused on {on}: resume it to "
                                f"{what}")

    # ------------------------------------------------------------- units

    def add_unit(
        self, unit_id: UUID, *, label: str, on: date, actor: Actor, reason: str | None = None
    ) -> None:
        """A unit joins the campaign (or rejoins it)."""
        actor = require_actor(actor)
        self._require_open()
        uid = _unit_id(unit_id)
        day = self._dated(on, "date the unit joins")
        found = self.units.get(uid)
        if found is not None and found.active:
            raise RuleViolation(f"{found.label} is already part of the campaign '{self.name}'")
        self._unit_joined(unit_id=uid, label=_text(label, "a unit's label"), on=day,
                          actor=actor, reason=clean_reason(reason))

    @event("UnitJoined")
    def _unit_joined(
        self, unit_id: UUID, label: str, on: date, actor: Actor, reason: str | None
    ) -> None:
        found = self.units.get(unit_id)
        if found is None:
            found = self.units[unit_id] = CampaignUnit(unit_id, label)
        found.label = label
        found.memberships.append(Spell(on))
        self.last_dated = max(self.last_dated, on)

    def remove_unit(
        self, unit_id: UUID, *, on: date, actor: Actor, reason: str | None = None
    ) -> None:
        """A unit leaves the campaign; a strike it is on ends that day. History keeps it."""
        actor = require_actor(actor)
        self._require_open()
        found = self.unit(unit_id)
        day = self._dated(on, "date the unit leaves")
        if not found.active:
            raise RuleViolation(f"{found.label} has already left the campaign '{self.name}'")
        if day <= found.memberships[-1].start:
            raise RuleViolation(f"{found.label} joined on {found.memberships[-1].start}; it can "
                                "leave only after that day")
        why = clean_reason(reason)
        if found.on_strike:
            self._end_strike(found, day, actor, why or "the unit left the campaign")
        self._unit_left(unit_id=found.unit_id, on=day, actor=actor, reason=why)

    @event("UnitLeft")
    def _unit_left(self, unit_id: UUID, on: date, actor: Actor, reason: str | None) -> None:
        self.units[unit_id].memberships[-1].end = on
        self.last_dated = max(self.last_dated, on)

    # ------------------------------------------------------------- ladder

    def change_ladder(
        self, ladder: Ladder, *, on: date, actor: Actor, reason: str | None = None
    ) -> None:
        """Adopt another ladder. The campaign keeps its place: the new ladder must have a rung
        of the same name and kind as the current one."""
        actor = require_actor(actor)
        self._require_open()
        if not isinstance(ladder, Ladder):
            raise InvalidInput("a campaign's ladder must be a Ladder")
        day = self._dated(on, "date of the ladder change")
        if ladder == self.ladder:
            raise RuleViolation(f"that is already the ladder of '{self.name}'")
        current = self.rung
        found = ladder.find(current.name)
        if found is None or ladder.rungs[found].kind is not current.kind:
            raise RuleViolation(
                f"the campaign '{self.name}' stands on '{current.name}'; the new ladder must "
                f"have that rung (a {current.kind.value} rung) so the campaign keeps its place"
            )
        self._ladder_changed(ladder=ladder, on=day, actor=actor, reason=clean_reason(reason))

    @event("LadderChanged")
    def _ladder_changed(self, ladder: Ladder, on: date, actor: Actor, reason: str | None) -> None:
        self.ladder = ladder
        self.ladders.append(LadderChange(on, ladder, actor, reason))
        self.last_dated = max(self.last_dated, on)

    def change_climb_share(
        self, share: Fraction | int, *, on: date, actor: Actor, reason: str | None = None
    ) -> None:
        """The share of the campaign's units that must pass a rung before it climbs jointly
        (1: every unit)."""
        actor = require_actor(actor)
        self._require_open()
        value = _climb_share(share)
        day = self._dated(on, "date of the change")
        if value == self.climb_share:
            raise RuleViolation(f"'{self.name}' already climbs when {value} of its units pass")
        self._climb_share_changed(share=value, on=day, actor=actor, reason=clean_reason(reason))

    @event("ClimbShareChanged")
    def _climb_share_changed(
        self, share: Fraction, on: date, actor: Actor, reason: str | None
    ) -> None:
        self.climb_share = share
        self.climb_shares.append((on, share))
        self.last_dated = max(self.last_dated, on)

    # ------------------------------------------------------------- actions

    def plan_action(
        self,
        *,
        name: str,
        rung: str,
        on: date,
        units: Sequence[PlannedUnit],
        actor: Actor,
        reason: str | None = None,
    ) -> int:
        """Plan an action on a rung for a date, with the units (and work groups) taking part.
        Returns the action's number."""
        actor = require_actor(actor)
        self._require_open()
        title = _text(name, "an action's name")
        chosen = self.ladder.rung(rung)
        if chosen.kind is RungKind.STRIKE_VOTE:
            raise RuleViolation(
                f"'{chosen.name}' is passed by a strike vote, not by an action: record the "
                "vote as a mandate"
            )
        day = self._since_launch(on, "action's date")
        if isinstance(units, PlannedUnit) or not units:
            raise InvalidInput("an action needs the units taking part")
        planned = list(units)
        for item in planned:
            if not isinstance(item, PlannedUnit):
                raise InvalidInput(f"each unit taking part is a PlannedUnit, not {item!r}")
            found = self.unit(item.unit_id)
            if not found.active:
                raise RuleViolation(f"{found.label} has left the campaign '{self.name}'")
        ids = [p.unit_id for p in planned]
        if len(set(ids)) != len(ids):
            raise InvalidInput("a unit is named twice among those taking part")
        self._action_planned(number=len(self.actions) + 1, name=title, rung=chosen.name, on=day,
                             units=planned, actor=actor, reason=clean_reason(reason))
        return len(self.actions)

    @event("ActionPlanned")
    def _action_planned(
        self, number: int, name: str, rung: str, on: date, units: list[PlannedUnit],
        actor: Actor, reason: str | None,
    ) -> None:
        self.actions.append(Action(number, name, rung, on, tuple(units), actor))

    def cancel_action(self, number: int, *, actor: Actor, reason: str | None = None) -> None:
        """A planned action will not be held."""
        actor = require_actor(actor)
        self._require_open()
        action = self.action(number)
        if action.held:
            raise RuleViolation(f"action {number} ({action.name}) was held; its record stands")
        if action.cancelled:
            raise RuleViolation(f"action {number} ({action.name}) is already cancelled")
        self._action_cancelled(number=number, actor=actor, reason=clean_reason(reason))

    @event("ActionCancelled")
    def _action_cancelled(self, number: int, actor: Actor, reason: str | None) -> None:
        self.actions[number - 1].cancelled = True

    def hold_action(
        self,
        number: int,
        turnouts: Sequence[Turnout],
        *,
        actor: Actor,
        held_on: date | None = None,
        reason: str | None = None,
    ) -> StructureTest:
        """Record a planned action as held, with its counts: a structure test whose verdict
        (participation against the rung's threshold) is recorded with the numbers."""
        actor = require_actor(actor)
        self._require_open()
        action = self.action(number)
        if action.held:
            raise RuleViolation(f"action {number} ({action.name}) was already held")
        if action.cancelled:
            raise RuleViolation(f"action {number} ({action.name}) was cancelled")
        day = self._since_launch(held_on if held_on is not None else action.planned_on,
                                 "date the action was held")
        self._require_not_paused(day, "hold actions")
        ladder = self.ladder_on(day)
        where, standing = self.rung_on(day)
        position = ladder.find(action.rung)
        if position is None:
            raise RuleViolation(f"the ladder no longer has the rung '{action.rung}' of action "
                                f"{number}")
        if position > where:
            raise RuleViolation(
                f"on {day} the campaign '{self.name}' stood on '{standing.name}'; an action on "
                f"'{action.rung}' is a higher rung: escalate before holding it"
            )
        counts = self._check_turnouts(action, turnouts, day)
        threshold = ladder.rungs[position].threshold
        results = []
        for unit in action.units:
            mine = [t for t in counts if t.unit_id == unit.unit_id]
            eligible = sum(t.eligible for t in mine)
            participants = sum(t.participants for t in mine)
            results.append(UnitResult(unit.unit_id, eligible, participants,
                                      meets(participants, eligible, threshold)))
        eligible = sum(r.eligible for r in results)
        participants = sum(r.participants for r in results)
        test = StructureTest(number, action.name, action.rung, threshold, day, eligible,
                             participants, meets(participants, eligible, threshold),
                             tuple(results))
        self._action_held(number=number, turnouts=counts, test=test, actor=actor,
                          reason=clean_reason(reason))
        return test

    def _check_turnouts(
        self, action: Action, turnouts: Sequence[Turnout], day: date
    ) -> list[Turnout]:
        if isinstance(turnouts, Turnout) or not turnouts:
            raise InvalidInput("a held action needs its counts (a list of Turnout)")
        counts = list(turnouts)
        for count in counts:
            if not isinstance(count, Turnout):
                raise InvalidInput(f"each count is a Turnout, not {count!r}")
            planned = action.planned_unit(count.unit_id)
            if planned is None:
                raise RuleViolation(f"{self.label(count.unit_id)} was not planned to take part "
                                    f"in action {action.number} ({action.name})")
            if planned.work_groups and (count.work_group is None or not any(
                    _same_group(count.work_group, g) for g in planned.work_groups)):
                raise RuleViolation(
                    f"{self.label(count.unit_id)} planned action {action.number} with the work "
                    f"groups {', '.join(planned.work_groups)}; it has no work group "
                    f"'{count.work_group or 'whole unit'}'"
                )
        for planned in action.units:
            label = self.label(planned.unit_id)
            mine = [c for c in counts if c.unit_id == planned.unit_id]
            if not mine:
                raise RuleViolation(f"{label} took part in action {action.number} but has no "
                                    "count (count a group that stayed away as 0 participants)")
            if not self.units[planned.unit_id].active_on(day):
                raise RuleViolation(f"{label} was not part of the campaign on {day}")
            groups = [c.work_group for c in mine]
            if None in groups and len(groups) > 1:
                raise RuleViolation(f"{label} is counted both as a whole and by work group")
            keys = [g.casefold() for g in groups if g is not None]
            if len(set(keys)) != len(keys):
                raise RuleViolation(f"{label} has a work group counted twice")
            missing = [g for g in planned.work_groups if g.casefold() not in keys]
            if missing:
                raise RuleViolation(f"{label} has no count for the work groups "
                                    f"{', '.join(missing)} (count 0 participants if nobody "
                                    "took part)")
        return counts

    @event("ActionHeld")
    def _action_held(
        self, number: int, turnouts: list[Turnout], test: StructureTest, actor: Actor,
        reason: str | None,
    ) -> None:
        action = self.actions[number - 1]
        action.turnouts = tuple(turnouts)
        action.test = test

    # ------------------------------------------------------------- climbing

    def escalate(
        self,
        *,
        on: date,
        actor: Actor,
        reason: str | None = None,
        mandate: Vote | None = None,
    ) -> None:
        """Climb one rung. Allowed when enough units passed the current rung's test;
        otherwise only as an override: a ``mandate`` (a vote that carried) and a ``reason``,
        recorded with who decided. The strike rung needs a strike vote that meets the
        ladder's threshold, override or not."""
        actor = require_actor(actor)
        self._require_open()
        day = self._dated(on, "date of the climb")
        why = clean_reason(reason)
        check = self.climb_check(day)
        if check.status is CampaignStatus.PAUSED:
            raise RuleViolation(f"the campaign '{self.name}' is paused: resume it to escalate")
        if check.next_rung is None:
            raise RuleViolation(f"'{check.rung}' is the top rung of the ladder of '{self.name}'")
        if not check.strike_vote_ok:
            threshold = self.ladder.strike_vote_threshold
            raise RuleViolation(
                f"reaching '{check.next_rung}' needs a strike vote that meets the ladder's "
                f"threshold ({threshold.describe()} voting yes); no unit's strike vote in force "
                f"on {day} does"
            )
        override = None
        if check.enough_ready:
            if mandate is not None:
                raise RuleViolation(
                    f"the test of '{check.rung}' has passed: the climb needs no override")
        else:
            if mandate is None or why is None:
                raise RuleViolation(self._not_ready(check) + "; climbing without it needs an "
                                    "override: a mandate (a vote that carried) and a reason")
            if not isinstance(mandate, Vote):
                raise InvalidInput("an override's mandate must be a Vote")
            if not mandate.passed:
                raise RuleViolation(f"the override's mandate did not carry ({mandate.explain()})")
            override = Override(mandate, why)
        self._escalated(rung=check.next_rung, on=day, override=override,
                        held_back=list(check.held_back), actor=actor, reason=why)

    def _not_ready(self, check: ClimbCheck) -> str:
        who = self.labels(check.held_back)
        total = len(check.ready) + len(check.held_back)
        if total == 0:
            return f"'{self.name}' has no units taking part to pass the test of '{check.rung}'"
        return (
            f"the test of '{check.rung}' has not passed: {len(check.ready)} of {total} units "
            f"passed and {check.needed} must; held back by {who}"
        )

    @event("Escalated")
    def _escalated(
        self, rung: str, on: date, override: Override | None, held_back: list[UUID],
        actor: Actor, reason: str | None,
    ) -> None:
        self.moves.append(Move(on, rung, "escalated", actor, reason, override, tuple(held_back)))
        self.last_dated = max(self.last_dated, on)

    def de_escalate(
        self, *, on: date, actor: Actor, to: str | None = None, reason: str | None = None
    ) -> None:
        """Go back down, one rung or to the rung named ``to``. Always allowed and recorded;
        below the strike rung, units on strike return that day."""
        actor = require_actor(actor)
        self._require_open()
        day = self._dated(on, "date of the step down")
        current = self.rung_index
        target = current - 1 if to is None else self.ladder.index(to)
        if current == 0 and to is None:
            raise RuleViolation(f"'{self.name}' is on the first rung; there is none below")
        if target >= current:
            raise RuleViolation(
                f"'{self.ladder.rungs[target].name}' is not below '{self.rung.name}', where "
                f"'{self.name}' stands"
            )
        why = clean_reason(reason)
        strike = self.ladder.strike_index
        if strike is not None and target < strike:
            for unit in self.striking:
                self._end_strike(unit, day, actor,
                                 why or f"the campaign stepped down to "
                                        f"'{self.ladder.rungs[target].name}'")
        self._de_escalated(rung=self.ladder.rungs[target].name, on=day, actor=actor, reason=why)

    @event("DeEscalated")
    def _de_escalated(self, rung: str, on: date, actor: Actor, reason: str | None) -> None:
        self.moves.append(Move(on, rung, "de-escalated", actor, reason))
        self.last_dated = max(self.last_dated, on)

    def pause(self, *, on: date, actor: Actor, reason: str | None = None) -> None:
        actor = require_actor(actor)
        self._require_open()
        day = self._dated(on, "date of the pause")
        if self.status is CampaignStatus.PAUSED:
            raise RuleViolation(f"the campaign '{self.name}' is already paused")
        self._paused(on=day, actor=actor, reason=clean_reason(reason))

    @event("Paused")
    def _paused(self, on: date, actor: Actor, reason: str | None) -> None:
        self.statuses.append(StatusChange(on, CampaignStatus.PAUSED, actor, reason))
        self.last_dated = max(self.last_dated, on)

    def resume(self, *, on: date, actor: Actor, reason: str | None = None) -> None:
        actor = require_actor(actor)
        self._require_open()
        day = self._dated(on, "date of the resumption")
        if self.status is not CampaignStatus.PAUSED:
            raise RuleViolation(f"the campaign '{self.name}' is not paused")
        self._resumed(on=day, actor=actor, reason=clean_reason(reason))

    @event("Resumed")
    def _resumed(self, on: date, actor: Actor, reason: str | None) -> None:
        self.statuses.append(StatusChange(on, CampaignStatus.ACTIVE, actor, reason))
        self.last_dated = max(self.last_dated, on)

    def conclude(
        self, outcome: Outcome, *, on: date, actor: Actor, reason: str | None = None
    ) -> None:
        """End the campaign: won, settled, defeated or withdrawn. Units on strike return that
        day. Nothing more can be recorded afterwards."""
        actor = require_actor(actor)
        self._require_open()
        if not isinstance(outcome, Outcome):
            raise InvalidInput(
                f"a campaign concludes {', '.join(o.value for o in Outcome)}, not {outcome!r}")
        day = self._dated(on, "date the campaign concluded")
        why = clean_reason(reason)
        for unit in self.striking:
            self._end_strike(unit, day, actor, why or f"the campaign concluded ({outcome.value})")
        self._concluded(outcome=outcome, on=day, actor=actor, reason=why)

    @event("Concluded")
    def _concluded(self, outcome: Outcome, on: date, actor: Actor, reason: str | None) -> None:
        self.statuses.append(StatusChange(on, CampaignStatus.CONCLUDED, actor, reason, outcome))
        self.last_dated = max(self.last_dated, on)

    # ------------------------------------------------------------- mandates

    def record_mandate(
        self,
        vote: Vote,
        *,
        actor: Actor,
        kind: MandateKind = MandateKind.STRIKE_VOTE,
        scope: str | None = None,
        unit_id: UUID | None = None,
        reason: str | None = None,
    ) -> Mandate:
        """Record a member vote that authorizes a step, carried or not: a strike vote (the
        default) or another authorizing vote, of the whole campaign or of one unit."""
        actor = require_actor(actor)
        self._require_open()
        if not isinstance(vote, Vote):
            raise InvalidInput("a mandate needs the members' Vote")
        if not isinstance(kind, MandateKind):
            raise InvalidInput(f"a mandate is a {' or an '.join(k.value for k in MandateKind)}")
        self._since_launch(vote.held_on, "vote's date")
        if unit_id is not None:
            found = self.unit(unit_id)
            if not found.active_on(vote.held_on):
                raise RuleViolation(f"{found.label} was not part of the campaign on "
                                    f"{vote.held_on}")
        text = None if scope is None else clean_reason(scope)
        mandate = Mandate(len(self.mandates) + 1, kind, vote, text, unit_id)
        self._mandate_recorded(mandate=mandate, actor=actor, reason=clean_reason(reason))
        return mandate

    @event("MandateRecorded")
    def _mandate_recorded(self, mandate: Mandate, actor: Actor, reason: str | None) -> None:
        self.mandates.append(mandate)

    # ------------------------------------------------------------- strikes

    def enter_strike(
        self, unit_id: UUID, *, on: date, actor: Actor, reason: str | None = None
    ) -> None:
        """A unit walks out. Only on the strike rung (or above), for a unit taking part,
        with a strike mandate: its latest strike vote (its own or the whole campaign's)
        carried."""
        actor = require_actor(actor)
        self._require_open()
        found = self.unit(unit_id)
        day = self._dated(on, "date the unit walked out")
        self._require_not_paused(day, "call strikes")
        if not found.active:
            raise RuleViolation(f"{found.label} has left the campaign '{self.name}'")
        if found.on_strike:
            raise RuleViolation(f"{found.label} is already on strike (since "
                                f"{found.strikes[-1].start})")
        strike = self.ladder.strike_index
        if strike is None:
            raise RuleViolation(f"the ladder of '{self.name}' has no strike rung")
        if self.rung_index < strike:
            raise RuleViolation(
                f"'{self.name}' stands on '{self.rung.name}'; units strike only once it reaches "
                f"'{self.ladder.rungs[strike].name}'"
            )
        if self.strike_mandate(found.unit_id, day) is None:
            votes = self.strike_votes(found.unit_id, day)
            why = (f"its latest strike vote, on {votes[-1].vote.held_on}, did not carry" if votes
                   else f"no strike vote covering it was recorded by {day}")
            raise RuleViolation(f"{found.label} has no strike mandate: {why}")
        self._strike_entered(unit_id=found.unit_id, on=day, actor=actor,
                             reason=clean_reason(reason))

    @event("StrikeEntered")
    def _strike_entered(self, unit_id: UUID, on: date, actor: Actor, reason: str | None) -> None:
        self.units[unit_id].strikes.append(Spell(on))
        self.last_dated = max(self.last_dated, on)

    def return_from_strike(
        self, unit_id: UUID, *, on: date, actor: Actor, reason: str | None = None
    ) -> None:
        """A striking unit goes back to work on this day."""
        actor = require_actor(actor)
        self._require_open()
        found = self.unit(unit_id)
        day = self._dated(on, "date the unit returned")
        if not found.on_strike:
            raise RuleViolation(f"{found.label} is not on strike")
        self._end_strike(found, day, actor, clean_reason(reason))

    def _end_strike(self, unit: CampaignUnit, day: date, actor: Actor, reason: str | None) -> None:
        if day <= unit.strikes[-1].start:
            raise RuleViolation(f"{unit.label} walked out on {unit.strikes[-1].start}; it can "
                                "return only after that day")
        self._strike_ended(unit_id=unit.unit_id, on=day, actor=actor, reason=reason)

    @event("ReturnedFromStrike")
    def _strike_ended(self, unit_id: UUID, on: date, actor: Actor, reason: str | None) -> None:
        self.units[unit_id].strikes[-1].end = on
        self.last_dated = max(self.last_dated, on)


def _same_group(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return a is b
    return a.casefold() == b.casefold()


class _Dated(Protocol):
    @property
    def on(self) -> date: ...


D = TypeVar("D", bound=_Dated)


def _last(entries: Sequence[D], on: date) -> D:
    """The last entry dated on or before ``on`` (the first when ``on`` is earlier)."""
    found = entries[0]
    for entry in entries:
        if entry.on <= on:
            found = entry
    return found

