"""The campaign: the mobilization around bargaining, climbing an escalation ladder.

Each climb is earned by a structure test or backed by a recorded override; going back down,
pausing, resuming and concluding are always allowed and recorded; facts (votes, actions,
walkouts) are recorded whatever rule they break, with flags. A campaign holds counts, never
names. The aggregate holds the commands and their events; each command checks its rules (pure
functions in ``rules``, ``membership``, ``actions``, ``climbing``, ``strikes``)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from fractions import Fraction
from uuid import UUID

from eventsourcing.domain import Aggregate, event

from bargaining.domain.campaigns import (
    actions,
    climbing,
    membership,
    queries,
    rules,
    standing,
    strikes,
)
from bargaining.domain.campaigns.ladder import Ladder
from bargaining.domain.campaigns.older_shapes import upcast_snapshot
from bargaining.domain.campaigns.participation import PlannedUnit, StructureTest, Turnout
from bargaining.domain.campaigns.reading import CampaignReading
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
)
from bargaining.domain.shared.actor import Actor, clean_reason, require_actor
from bargaining.domain.shared.flags import Flag
from bargaining.domain.shared.vote import Vote
from bargaining.domain.units.agreement import CollectiveAgreement


class Campaign(CampaignReading, Aggregate):
    """The mobilization around bargaining for a cluster, a set of units, or one unit: it climbs
    an escalation ladder, rung by rung, on proven participation.

    It keeps what its rules need (:mod:`~bargaining.domain.campaigns.standing`), not the
    participation history, so that loading it costs the same after ten events or ten thousand.
    What it says of itself, now or on a date, is read as :class:`CampaignReading` reads it.
    Its snapshots of the first shape (``class_version`` 1: every held action with its counts)
    are upcast when read."""

    class_version = 2

    @staticmethod
    def upcast_v1_v2(state: dict[str, object]) -> None:
        """A snapshot of the first shape: held actions keep their day, not their counts (each
        unit's results become its standing for climbs), and strike spells become days."""
        upcast_snapshot(state)

    @classmethod
    def launch(
        cls, *, name: str, units: Sequence[tuple[UUID, str]], on: date, actor: Actor,
        cluster_id: UUID | None = None, ladder: Ladder | None = None,
        climb_share: Fraction | int = 100, reason: str | None = None,
    ) -> Campaign:
        """Launch on the ladder's first rung on a day, for the given (unit id, label) pairs."""
        actor = require_actor(actor)
        given = rules.check_launch(name, units, on, cluster_id, ladder, climb_share)
        campaign = cls(name=given.name, scope=given.scope, cluster_id=given.cluster_id,
                       ladder=given.ladder, launched_on=given.on, actor=actor,
                       climb_share=given.climb_share / 100, reason=clean_reason(reason))
        for uid, label in given.units:
            campaign._unit_joined(unit_id=uid, label=label, on=given.on, actor=actor, reason=None)
        return campaign

    @event("Launched")  # the climb share is kept in percent, stored as released (of one)
    def __init__(
        self, *, name: str, scope: CampaignScope, cluster_id: UUID | None, ladder: Ladder,
        launched_on: date, climb_share: Fraction, actor: Actor, reason: str | None,
    ) -> None:
        self.name = name
        self.scope = scope
        self.cluster_id = cluster_id
        self.launched_on = launched_on
        self.ladder = ladder
        self.climb_share = climb_share * 100
        self.ladders: list[LadderChange] = [LadderChange(launched_on, ladder, actor, reason)]
        self.climb_shares: list[tuple[date, Fraction]] = [(launched_on, self.climb_share)]
        self.moves: list[Move] = [Move(launched_on, ladder.rungs[0].name, "launched", actor,
                                       reason)]
        self.statuses: list[StatusChange] = [
            StatusChange(launched_on, CampaignStatus.ACTIVE, actor, reason)]
        self.units: dict[UUID, CampaignUnit] = {}
        #: Every action's name, by number; the plans of those neither held nor cancelled.
        self.action_names: list[str] = []
        self.plans: dict[int, Action] = {}
        self.cancelled_actions: list[int] = []
        self.mandates: list[Mandate] = []
        self.last_dated = launched_on
        #: Each unit's two latest results per rung, which its climbs ask for (``standing``).
        self.results: dict[str, list[int]] = {}

    # ------------------------------------------------------------- units

    def add_unit(
        self, unit_id: UUID, *, label: str, on: date, actor: Actor, reason: str | None = None
    ) -> None:
        """A unit joins the campaign (or rejoins it)."""
        actor = require_actor(actor)
        uid, text, day = membership.check_joining(self, unit_id, label, on)
        self._unit_joined(unit_id=uid, label=text, on=day, actor=actor, reason=clean_reason(reason))

    @event("UnitJoined")
    def _unit_joined(
        self, unit_id: UUID, label: str, on: date, actor: Actor, reason: str | None
    ) -> None:
        found = self.units.setdefault(unit_id, CampaignUnit(unit_id, label))
        found.label = label
        found.memberships.append(Spell(on))
        self.last_dated = max(self.last_dated, on)

    def remove_unit(
        self, unit_id: UUID, *, on: date, actor: Actor, reason: str | None = None
    ) -> None:
        """A unit leaves the campaign; a strike it is on ends that day. History keeps it."""
        actor = require_actor(actor)
        found, day = membership.check_leaving(self, unit_id, on)
        why = clean_reason(reason)
        self._end_strikes([found], day, actor, why or "the unit left the campaign")
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
        chosen, day = climbing.check_ladder_change(self, ladder, on)
        self._ladder_changed(ladder=chosen, on=day, actor=actor, reason=clean_reason(reason))

    @event("LadderChanged")
    def _ladder_changed(self, ladder: Ladder, on: date, actor: Actor, reason: str | None) -> None:
        self.ladder = ladder
        self.ladders.append(LadderChange(on, ladder, actor, reason))
        self.last_dated = max(self.last_dated, on)

    def change_climb_share(
        self, share: Fraction | int, *, on: date, actor: Actor, reason: str | None = None
    ) -> None:
        """The percentage of the campaign's units that must pass a rung before it climbs
        jointly (100: every unit)."""
        actor = require_actor(actor)
        value, day = climbing.check_climb_share_change(self, share, on)
        why = clean_reason(reason)
        self._climb_share_changed(share=value / 100, on=day, actor=actor, reason=why)

    @event("ClimbShareChanged")  # stored as released, as a share of one
    def _climb_share_changed(
        self, share: Fraction, on: date, actor: Actor, reason: str | None
    ) -> None:
        self.climb_share = share * 100
        self.climb_shares.append((on, self.climb_share))
        self.last_dated = max(self.last_dated, on)

    # ------------------------------------------------------------- actions

    def plan_action(
        self, *, name: str, rung: str, on: date, units: Sequence[PlannedUnit], actor: Actor,
        reason: str | None = None,
    ) -> int:
        """Plan an action on a rung for a date, with the units (and work groups) taking part.
        Returns the action's number."""
        actor = require_actor(actor)
        title, chosen, day, planned = actions.check_plan(self, name, rung, on, units)
        self._action_planned(number=len(self.action_names) + 1, name=title, rung=chosen,
                             on=day, units=planned, actor=actor, reason=clean_reason(reason))
        return len(self.action_names)

    @event("ActionPlanned")
    def _action_planned(
        self, number: int, name: str, rung: str, on: date, units: list[PlannedUnit],
        actor: Actor, reason: str | None,
    ) -> None:
        self.action_names.append(name)
        self.plans[number] = Action(number, name, rung, on, tuple(units), actor)

    def cancel_action(self, number: int, *, actor: Actor, reason: str | None = None) -> None:
        """A planned action will not be held."""
        actor = require_actor(actor)
        actions.check_cancel(self, number)
        self._action_cancelled(number=number, actor=actor, reason=clean_reason(reason))

    @event("ActionCancelled")
    def _action_cancelled(self, number: int, actor: Actor, reason: str | None) -> None:
        del self.plans[number]
        self.cancelled_actions.append(number)

    def hold_action(
        self, number: int, turnouts: Sequence[Turnout], *, actor: Actor, on: date | None = None,
        reason: str | None = None,
    ) -> StructureTest:
        """Record a planned action as held, with its counts: a structure test whose verdict
        (participation against the rung's threshold) is recorded with the numbers. ``on`` is
        the day it was held (default: the day it was planned for)."""
        actor = require_actor(actor)
        counts, test = actions.check_holding(self, number, turnouts, on)
        self._action_held(number=number, turnouts=counts, test=test, actor=actor,
                          reason=clean_reason(reason))
        return test

    @event("ActionHeld")
    def _action_held(
        self, number: int, turnouts: list[Turnout], test: StructureTest, actor: Actor,
        reason: str | None,
    ) -> None:
        del self.plans[number]
        for result in test.units:
            standing.add_result(self.results, result.unit_id.hex, test.rung, test.held_on,
                                number, result.eligible, result.participants)

    # ------------------------------------------------------------- climbing

    def escalate(
        self, *, on: date, actor: Actor, reason: str | None = None, mandate: Vote | None = None,
        counts: queries.CountOn | None = None,
    ) -> None:
        """Climb one rung: earned by the current rung's test, or else an override (a
        ``mandate`` that carried, a ``reason``, who decided). The strike rung needs a valid
        strike mandate, override or not. ``counts`` is the campaign's participation history,
        asked only for a unit with results dated after the climb (the application gives it)."""
        actor = require_actor(actor)
        climb = climbing.check_climb(self, on, reason, mandate, counts)
        self._escalated(rung=climb.rung, on=climb.on, override=climb.override,
                        held_back=list(climb.held_back), actor=actor, reason=climb.reason)

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
        step = climbing.check_step_down(self, on, to)
        why = clean_reason(reason)
        if step.ends_strikes:
            self._end_strikes(self.units.values(), step.on, actor,
                              why or f"the campaign stepped down to '{step.rung}'")
        self._de_escalated(rung=step.rung, on=step.on, actor=actor, reason=why)

    @event("DeEscalated")
    def _de_escalated(self, rung: str, on: date, actor: Actor, reason: str | None) -> None:
        self.moves.append(Move(on, rung, "de-escalated", actor, reason))
        self.last_dated = max(self.last_dated, on)

    def pause(self, *, on: date, actor: Actor, reason: str | None = None) -> None:
        actor = require_actor(actor)
        day = rules.check_pause(self, on)
        self._paused(on=day, actor=actor, reason=clean_reason(reason))

    @event("Paused")
    def _paused(self, on: date, actor: Actor, reason: str | None) -> None:
        self.statuses.append(StatusChange(on, CampaignStatus.PAUSED, actor, reason))
        self.last_dated = max(self.last_dated, on)

    def resume(self, *, on: date, actor: Actor, reason: str | None = None) -> None:
        actor = require_actor(actor)
        day = rules.check_resume(self, on)
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
        day = rules.check_conclusion(self, outcome, on)
        why = clean_reason(reason)
        self._end_strikes(self.units.values(), day, actor,
                          why or f"the campaign concluded ({outcome.value})")
        self._concluded(outcome=outcome, on=day, actor=actor, reason=why)

    @event("Concluded")
    def _concluded(self, outcome: Outcome, on: date, actor: Actor, reason: str | None) -> None:
        self.statuses.append(StatusChange(on, CampaignStatus.CONCLUDED, actor, reason, outcome))
        self.last_dated = max(self.last_dated, on)

    # ------------------------------------------------------------- mandates

    def record_mandate(
        self, vote: Vote, *, actor: Actor, kind: MandateKind = MandateKind.STRIKE_VOTE,
        scope: str | None = None, unit_id: UUID | None = None, reason: str | None = None,
    ) -> Mandate:
        """Record a member vote that authorizes a step, carried or not: a strike vote (the
        default) or another authorizing vote, of the whole campaign or of one unit."""
        actor = require_actor(actor)
        mandate = strikes.check_mandate(self, vote, kind, scope, unit_id)
        self._mandate_recorded(mandate=mandate, actor=actor, reason=clean_reason(reason))
        return mandate

    @event("MandateRecorded")
    def _mandate_recorded(self, mandate: Mandate, actor: Actor, reason: str | None) -> None:
        self.mandates.append(mandate)

    # ------------------------------------------------------------- strikes

    def enter_strike(
        self, unit_id: UUID, *, on: date, actor: Actor, back_on: date | None = None,
        part_day: bool = False, hours: Fraction | int | None = None,
        agreements: Iterable[CollectiveAgreement] = (), outside: Sequence[Flag] = (),
        reason: str | None = None,
    ) -> tuple[Flag, ...]:
        """A unit walks out: a fact, recorded on any day since the launch, for whole days
        (``back_on``: the day back, when known) or part of a day (``part_day``, ``hours``),
        with the flags of the rules it broke, returned (see ``job_actions``): ``agreements``
        are the unit's, ``outside`` flags come from laws and the legal strike position."""
        actor = require_actor(actor)
        w = strikes.check_walkout(self, unit_id, on, back_on=back_on, part_day=part_day,
                                  hours=hours, agreements=agreements, outside=outside)
        self._strike_entered(actor=actor, reason=clean_reason(reason), **w.recorded())
        return w.flags

    @event("StrikeEntered")  # as released, with fields that stored walkouts omit
    def _strike_entered(
        self, unit_id: UUID, on: date, actor: Actor, reason: str | None,
        back_on: date | None = None, part_day: bool = False, hours: Fraction | None = None,
        flags: Sequence[Flag] = (),
    ) -> None:
        end = on + timedelta(days=1) if part_day else back_on
        standing.add_spell(self.units[unit_id].strikes, on, end)

    def return_from_strike(
        self, unit_id: UUID, *, on: date, actor: Actor, reason: str | None = None
    ) -> None:
        """A striking unit goes back to work on this day."""
        actor = require_actor(actor)
        found, day = strikes.check_return(self, unit_id, on)
        self._end_strikes([found], day, actor, clean_reason(reason))

    def _end_strikes(
        self, units: Iterable[CampaignUnit], day: date, actor: Actor, reason: str | None
    ) -> None:
        """Those of the units on strike return on a day (each after the day it walked out)."""
        for unit in strikes.check_returns(units, day):
            self._strike_ended(unit_id=unit.unit_id, on=day, actor=actor, reason=reason)

    @event("ReturnedFromStrike")
    def _strike_ended(self, unit_id: UUID, on: date, actor: Actor, reason: str | None) -> None:
        standing.end_last_spell(self.units[unit_id].strikes, on)

