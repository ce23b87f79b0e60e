"""The campaign: the mobilization around bargaining, climbing an escalation ladder.

A campaign climbs its ladder one rung at a time. Each climb is earned by a structure test: an
action whose turnout (participants of eligible, per unit and per work group) reaches the rung's
threshold. Climbing without a passed test needs a recorded override: who decided, the mandate
(a member vote) behind it, and why. Going back down, pausing, resuming and concluding are
always allowed and always recorded. A campaign holds counts only, never the names of workers.

Every change is dated with the day it happened (``on``), so the campaign can be read as it stood
on any date. Decisions about the campaign itself (launch, climbs, pauses, ladder changes, units
joining and leaving, strikes) are recorded in date order; actions and votes may be recorded
after the fact with an earlier date. The aggregate holds the commands and their events; its
read-only questions are answered by :mod:`bargaining.domain.campaigns.queries`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from decimal import Decimal
from fractions import Fraction
from uuid import UUID

from eventsourcing.domain import Aggregate, event

from bargaining.domain.campaigns import queries
from bargaining.domain.campaigns.inputs import require_text, require_unit_id
from bargaining.domain.campaigns.ladder import DEFAULT_LADDER, Ladder, Rung, RungKind
from bargaining.domain.campaigns.participation import (
    PlannedUnit,
    StructureTest,
    Turnout,
    UnitResult,
    structure_test,
)
from bargaining.domain.campaigns.queries import ClimbCheck
from bargaining.domain.campaigns.timeline import (
    Action,
    CampaignScope,
    CampaignStatus,
    CampaignUnit,
    LadderChange,
    Mandate,
    MandateKind,
    Move,
    Outcome,
    Override,
    Spell,
    StatusChange,
    label_of,
)
from bargaining.domain.shared.actor import Actor, clean_reason, require_actor
from bargaining.domain.shared.dates import require_date
from bargaining.domain.shared.errors import InvalidInput, RuleViolation
from bargaining.domain.shared.vote import Vote


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
        on: date,
        actor: Actor,
        cluster_id: UUID | None = None,
        ladder: Ladder | None = None,
        climb_share: Fraction | int = 1,
        reason: str | None = None,
    ) -> Campaign:
        """Launch on the ladder's first rung on a day, for the given (unit id, label) pairs."""
        actor = require_actor(actor)
        title = require_text(name, "a campaign's name")
        chosen = _ladder(ladder)
        on = require_date(on, "launch date")
        share = _climb_share(climb_share)
        if isinstance(units, str) or not units:
            raise InvalidInput("a campaign is launched for one or more bargaining units")
        ids = [require_unit_id(uid) for uid, _ in units]
        labels = [require_text(label, "a unit's label") for _, label in units]
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
        uid = require_unit_id(unit_id)
        try:
            return self.units[uid]
        except KeyError:
            raise RuleViolation(
                f"the unit {uid} is not part of the campaign '{self.name}'") from None

    # Questions about the campaign as it stood on a date: answered in ``queries``.

    def ladder_on(self, on: date) -> Ladder:
        return queries.ladder_on(self, on)

    def move_on(self, on: date) -> Move:
        return queries.move_on(self, on)

    def status_on(self, on: date) -> CampaignStatus:
        return queries.status_on(self, on)

    def climb_share_on(self, on: date) -> Fraction:
        return queries.climb_share_on(self, on)

    def rung_on(self, on: date) -> tuple[int, Rung]:
        """The campaign's rung as it stood on a date (its position and the rung itself)."""
        return queries.rung_on(self, on)

    def units_on(self, on: date) -> list[CampaignUnit]:
        """The units taking part in the campaign on a date."""
        return queries.units_on(self, on)

    def latest_action(
        self, unit_id: UUID, on: date, rung: str | None = None
    ) -> tuple[Action, UnitResult] | None:
        """The most recent held action (on or before ``on``, on ``rung`` if given) in which
        the unit was counted, with the unit's result."""
        return queries.latest_action(self, unit_id, on, rung)

    def latest_group_count(
        self, unit_id: UUID, group: str | None, on: date, rung: str | None = None
    ) -> tuple[Action, Turnout] | None:
        """The most recent count of one work group (``None``: the unit counted as a whole)."""
        return queries.latest_group_count(self, unit_id, group, on, rung)

    def work_groups(self, unit_id: UUID, on: date) -> list[str | None]:
        """The work groups counted for a unit up to a date, in the order first counted."""
        return queries.work_groups(self, unit_id, on)

    def strike_votes(self, unit_id: UUID, on: date) -> list[Mandate]:
        """Strike votes held on or before a date that cover a unit, oldest first."""
        return queries.strike_votes(self, unit_id, on)

    def qualifies(self, mandate: Mandate, ladder: Ladder | None = None) -> bool:
        """A strike vote that carried and meets the ladder's strike vote threshold."""
        return queries.qualifies(self, mandate, ladder)

    def passed_rung(self, unit_id: UUID, on: date, rung: Rung) -> bool:
        """Whether a unit's latest test of a rung, up to a date, reached its threshold."""
        return queries.passed_rung(self, unit_id, on, rung)

    def climb_check(self, on: date) -> ClimbCheck:
        """Whether the campaign, as it stood on a date, may climb to the next rung."""
        return queries.climb_check(self, on)

    def strike_mandate(self, unit_id: UUID, on: date) -> Mandate | None:
        """The strike vote in force for a unit on a date, if it carried."""
        return queries.strike_mandate(self, unit_id, on)

    def strike_vote_met(self, on: date, ladder: Ladder | None = None) -> bool:
        """Whether, for some unit taking part, the strike vote in force meets the ladder's
        threshold."""
        return queries.strike_vote_met(self, on, ladder)

    def label(self, unit_id: UUID) -> str:
        return label_of(self.units, unit_id)

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
        uid = require_unit_id(unit_id)
        day = self._dated(on, "date the unit joins")
        found = self.units.get(uid)
        if found is not None and found.active:
            raise RuleViolation(f"{found.label} is already part of the campaign '{self.name}'")
        self._unit_joined(unit_id=uid, label=require_text(label, "a unit's label"), on=day,
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
        title = require_text(name, "an action's name")
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
        on: date | None = None,
        reason: str | None = None,
    ) -> StructureTest:
        """Record a planned action as held, with its counts: a structure test whose verdict
        (participation against the rung's threshold) is recorded with the numbers. ``on`` is
        the day it was held (default: the day it was planned for)."""
        actor = require_actor(actor)
        self._require_open()
        action = self.action(number)
        if action.held:
            raise RuleViolation(f"action {number} ({action.name}) was already held")
        if action.cancelled:
            raise RuleViolation(f"action {number} ({action.name}) was cancelled")
        day = self._since_launch(on if on is not None else action.planned_on,
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
        counts = action.check_counts(turnouts, day, self.units)
        threshold = ladder.rungs[position].threshold
        test = structure_test(number, action.name, action.rung, threshold, day, action.units,
                              counts)
        self._action_held(number=number, turnouts=counts, test=test, actor=actor,
                          reason=clean_reason(reason))
        return test

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
