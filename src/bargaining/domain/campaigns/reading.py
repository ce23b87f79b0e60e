"""What a campaign says of itself: its status, outcome and rung now, its units taking part
and on strike, its overrides, and the questions of :mod:`~bargaining.domain.campaigns.queries`
(and the lookups of ``actions`` and ``membership``) as its own methods.

:class:`CampaignReading` is the reading side of
:class:`~bargaining.domain.campaigns.campaign.Campaign`, kept apart from its commands and
events: it holds no state and records nothing, so it is not stored (a campaign's records and
snapshots are named by the ``Campaign`` class alone)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bargaining.domain.campaigns import actions, membership, queries
from bargaining.domain.campaigns.ladder import Ladder, Rung
from bargaining.domain.campaigns.timeline import (
    CampaignStatus,
    CampaignUnit,
    Move,
    Outcome,
    StatusChange,
)

if TYPE_CHECKING:
    from uuid import UUID


class CampaignReading:
    """A campaign's answers about itself, read from its recorded timeline."""

    if TYPE_CHECKING:  # set by Campaign's events
        ladder: Ladder
        statuses: list[StatusChange]
        moves: list[Move]
        units: dict[UUID, CampaignUnit]

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
    def rung_index(self: queries.CampaignRecord) -> int:
        """The position of the campaign's current rung on its current ladder (0 = first)."""
        return queries.current_rung(self)[0]

    @property
    def rung(self: queries.CampaignRecord) -> Rung:
        return queries.current_rung(self)[1]

    @property
    def next_rung(self: queries.CampaignRecord) -> Rung | None:
        i = queries.current_rung(self)[0] + 1
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

    # Lookups and questions: functions of its record (``actions``, ``membership``, ``queries``).
    action = actions.require_action
    unit = membership.require_unit
    ladder_on = queries.ladder_on
    move_on = queries.move_on
    status_on = queries.status_on
    climb_share_on = queries.climb_share_on
    rung_on = queries.rung_on
    units_on = queries.units_on
    strike_votes = queries.strike_votes
    qualifies = queries.qualifies
    passed_rung = queries.passed_rung
    climb_check = queries.climb_check
    strike_mandate = queries.strike_mandate
    strike_vote_met = queries.strike_vote_met
    label = queries.label
    labels = queries.labels
