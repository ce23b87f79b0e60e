"""Commands on campaigns: ladders, actions and structure tests, climbs and overrides,
mandates, escalating strikes; what is read of them (readiness, participation growth, job
actions) is in :mod:`~bargaining.application.campaign_reports`."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from fractions import Fraction
from uuid import UUID

from bargaining.application.campaign_reports import CampaignReports
from bargaining.application.units import load_unit
from bargaining.domain.campaigns.campaign import Campaign
from bargaining.domain.campaigns.counts import count_on
from bargaining.domain.campaigns.job_actions import over_spell, spell_days
from bargaining.domain.campaigns.ladder import Ladder
from bargaining.domain.campaigns.participation import (
    Participants,
    StructureTest,
    Turnout,
    planned_units,
)
from bargaining.domain.campaigns.timeline import Mandate, MandateKind, Outcome
from bargaining.domain.coordination.cluster import BargainingCluster
from bargaining.domain.shared.actor import Actor, require_actor
from bargaining.domain.shared.dates import require_date
from bargaining.domain.shared.errors import InvalidInput, RuleViolation, term
from bargaining.domain.shared.flags import Flag
from bargaining.domain.shared.vote import Vote

#: The units taking part in an action: unit ids, ``PlannedUnit``s, or unit id -> work groups.


class Campaigns(CampaignReports):
    """Campaigns: ladders, actions and structure tests, climbs and overrides, mandates,
    escalating strikes and job actions with their flags, readiness and participation growth.
    ``conditions`` answers what the campaign cannot see about a walkout (laws in force, the
    legal strike position); by default there are none. ``disputes`` lists the facts of a
    campaign's dispute recorded outside it, which readiness shows. ``history`` is the
    campaigns' participation history (every count and strike spell), which readiness, the
    participation series and job actions read."""

    def _cluster(self, cluster_id: UUID) -> BargainingCluster:
        return self._records.load(cluster_id, BargainingCluster, term("bargaining cluster"))

    def launch(
        self,
        *,
        name: str,
        on: date,
        actor: Actor,
        cluster: UUID | None = None,
        units: UUID | Sequence[UUID] | None = None,
        ladder: Ladder | None = None,
        climb_share: Fraction | int = 100,
        reason: str | None = None,
    ) -> UUID:
        """Launch a campaign on the first rung of its ladder (default: the design guide's),
        for a cluster (its active members take part) or for one or more units."""
        require_actor(actor)
        if (cluster is None) == (units is None):
            raise InvalidInput.worded("a campaign is launched for a cluster or for units (one of "
                                      "them)")
        members: list[tuple[UUID, str]]
        if cluster is not None:
            found = self._cluster(cluster)
            members = [(m.unit_id, m.label) for m in found.active_members]
            if not members:
                raise RuleViolation.worded("the cluster '{found}' has no member units to "
                                           "campaign with", found=found.name)
        else:
            ids = [units] if isinstance(units, UUID) else list(units or [])
            members = [(u.id, u.label) for u in (load_unit(self._records, uid) for uid in ids)]
        campaign = Campaign.launch(
            name=name, units=members, on=on, actor=actor, cluster_id=cluster,
            ladder=ladder, climb_share=climb_share, reason=reason,
        )
        self._records.save(campaign)
        return campaign.id

    def prepare(
        self, *, name: str, on: date, actor: Actor, units: Sequence[UUID],
        ladder: Ladder | None, actions: Sequence[tuple[str, str, date]], reason: str | None = None,
        action_reason: str | None = None,
    ) -> tuple[Campaign, list[int]]:
        """A campaign launched for units with its actions (name, rung, day) planned, every
        unit taking part, made in memory and **not saved**: for a use case that records it in
        one transaction with records of its own (a rapid response's launch), so that both are
        recorded or neither. Returns the campaign and its actions' numbers."""
        require_actor(actor)
        members = [(u.id, u.label) for u in (load_unit(self._records, uid) for uid in units)]
        campaign = Campaign.launch(name=name, units=members, on=on, actor=actor, ladder=ladder,
                                   reason=reason)
        numbers = [campaign.plan_action(name=title, rung=rung, on=day,
                                        units=planned_units(campaign.active_units, None),
                                        actor=actor,
                                        reason=action_reason)
                   for title, rung, day in actions]
        return campaign, numbers

    def add_unit(
        self, campaign_id: UUID, unit_id: UUID, *, on: date, actor: Actor,
        reason: str | None = None,
    ) -> None:
        """A unit joins a campaign; a cluster campaign's units must be the cluster's members."""
        campaign = self.get(campaign_id)
        unit = load_unit(self._records, unit_id)
        if campaign.cluster_id is not None:
            cluster = self._cluster(campaign.cluster_id)
            member = cluster.members.get(unit.id)
            if member is None or member.withdrawn:
                raise RuleViolation.worded("{label} is not a member of the cluster '{cluster}'; "
                                           "a cluster campaign's units are the cluster's members",
                                           label=unit.label, cluster=cluster.name)
        campaign.add_unit(unit.id, label=unit.label, on=on, actor=actor, reason=reason)
        self._records.save(campaign)

    def remove_unit(
        self, campaign_id: UUID, unit_id: UUID, *, on: date, actor: Actor,
        reason: str | None = None,
    ) -> None:
        campaign = self.get(campaign_id)
        campaign.remove_unit(unit_id, on=on, actor=actor, reason=reason)
        self._records.save(campaign)

    def change_ladder(
        self, campaign_id: UUID, ladder: Ladder, *, on: date, actor: Actor,
        reason: str | None = None,
    ) -> None:
        campaign = self.get(campaign_id)
        campaign.change_ladder(ladder, on=on, actor=actor, reason=reason)
        self._records.save(campaign)

    def change_climb_share(
        self, campaign_id: UUID, share: Fraction | int, *, on: date, actor: Actor,
        reason: str | None = None,
    ) -> None:
        campaign = self.get(campaign_id)
        campaign.change_climb_share(share, on=on, actor=actor, reason=reason)
        self._records.save(campaign)

    def plan_action(
        self,
        campaign_id: UUID,
        *,
        name: str,
        rung: str,
        on: date,
        actor: Actor,
        units: Participants | None = None,
        reason: str | None = None,
    ) -> int:
        """Plan an action on a rung (default: every unit taking part in the campaign). Returns
        the action's number."""
        campaign = self.get(campaign_id)
        planned = planned_units(campaign.active_units, units)
        number = campaign.plan_action(name=name, rung=rung, on=on, units=planned, actor=actor,
                                      reason=reason)
        self._records.save(campaign)
        return number

    def cancel_action(
        self, campaign_id: UUID, number: int, *, actor: Actor, reason: str | None = None
    ) -> None:
        campaign = self.get(campaign_id)
        campaign.cancel_action(number, actor=actor, reason=reason)
        self._records.save(campaign)

    def hold_action(
        self,
        campaign_id: UUID,
        number: int,
        turnouts: Sequence[Turnout],
        *,
        actor: Actor,
        on: date | None = None,
        reason: str | None = None,
    ) -> StructureTest:
        """Record a planned action as held with its counts; returns the recorded verdict."""
        campaign = self.get(campaign_id)
        test = campaign.hold_action(number, turnouts, actor=actor, on=on,
                                    reason=reason)
        self._records.save(campaign)
        return test

    def escalate(
        self, campaign_id: UUID, *, on: date, actor: Actor, reason: str | None = None,
        mandate: Vote | None = None,
    ) -> None:
        """Climb one rung (see :meth:`Campaign.escalate`: without a passed test, only with a
        ``mandate`` and a ``reason``)."""
        campaign = self.get(campaign_id)

        def counts(unit_id: UUID, rung: str, day: date) -> tuple[int, int] | None:
            return count_on(self._history.of(campaign_id), unit_id, rung, day)

        campaign.escalate(on=on, actor=actor, reason=reason, mandate=mandate, counts=counts)
        self._records.save(campaign)

    def de_escalate(
        self, campaign_id: UUID, *, on: date, actor: Actor, to: str | None = None,
        reason: str | None = None,
    ) -> None:
        campaign = self.get(campaign_id)
        campaign.de_escalate(on=on, actor=actor, to=to, reason=reason)
        self._records.save(campaign)

    def pause(
        self, campaign_id: UUID, *, on: date, actor: Actor, reason: str | None = None
    ) -> None:
        campaign = self.get(campaign_id)
        campaign.pause(on=on, actor=actor, reason=reason)
        self._records.save(campaign)

    def resume(
        self, campaign_id: UUID, *, on: date, actor: Actor, reason: str | None = None
    ) -> None:
        campaign = self.get(campaign_id)
        campaign.resume(on=on, actor=actor, reason=reason)
        self._records.save(campaign)

    def conclude(
        self, campaign_id: UUID, outcome: Outcome, *, on: date, actor: Actor,
        reason: str | None = None,
    ) -> None:
        campaign = self.get(campaign_id)
        campaign.conclude(outcome, on=on, actor=actor, reason=reason)
        self._records.save(campaign)

    def record_mandate(
        self,
        campaign_id: UUID,
        vote: Vote,
        *,
        actor: Actor,
        kind: MandateKind = MandateKind.STRIKE_VOTE,
        scope: str | None = None,
        unit: UUID | None = None,
        reason: str | None = None,
    ) -> Mandate:
        """Record a strike vote (or another authorizing vote) of the campaign or of one unit."""
        campaign = self.get(campaign_id)
        mandate = campaign.record_mandate(vote, actor=actor, kind=kind, scope=scope,
                                          unit_id=unit, reason=reason)
        self._records.save(campaign)
        return mandate

    def enter_strike(
        self, campaign_id: UUID, unit_id: UUID, *, on: date, actor: Actor,
        back_on: date | None = None, part_day: bool = False, hours: Fraction | int | None = None,
        reason: str | None = None,
    ) -> tuple[Flag, ...]:
        """Record a unit walking out on a day since the launch (back-filled too): for whole
        days (``back_on``, the day it was back at work, when known; else until
        :meth:`return_from_strike`) or part of a day (``part_day=True``, ``hours=`` if known).
        A walkout is a fact: one that breaks a rule is recorded with flags, returned and kept
        with the event (no valid mandate, below the strike rung, the campaign paused, the
        unit's agreement in force, and the outside conditions'). Only what cannot be is
        refused: a unit not in the campaign or not taking part that day, a day back before
        the walkout, a unit already out then, a concluded campaign."""
        campaign = self.get(campaign_id)
        campaign.unit(unit_id)
        day = require_date(on, term("date the unit walked out"))
        back = None if back_on is None else require_date(back_on, term("date the unit was back"))
        end = day + timedelta(days=1) if part_day or hours is not None else back
        today = datetime.now(UTC).date()
        unit = load_unit(self._records, unit_id)
        by_day = self._conditions.strike_flags_by_day(unit.id, spell_days(day, end, today))
        outside = over_spell(lambda uid, d: by_day.get(d, []), unit.id, day, end, today)
        flags = campaign.enter_strike(
            unit.id, on=day, actor=actor, back_on=back_on, part_day=part_day, hours=hours,
            agreements=unit.agreements, outside=outside, reason=reason)
        self._records.save(campaign)
        return flags

    def return_from_strike(
        self, campaign_id: UUID, unit_id: UUID, *, on: date, actor: Actor,
        reason: str | None = None,
    ) -> None:
        campaign = self.get(campaign_id)
        campaign.return_from_strike(unit_id, on=on, actor=actor, reason=reason)
        self._records.save(campaign)
