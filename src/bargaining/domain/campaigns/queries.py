"""Read-only questions about a campaign as it stood on a date: its ladder, rung, status and
units then, each unit's strike votes, and whether it may climb (from each unit's latest
results; every count is the participation history's, a read model).

Pure functions of a campaign's recorded timeline (:class:`CampaignRecord`, which a
:class:`~bargaining.domain.campaigns.campaign.Campaign` is): they change nothing, so the
aggregate keeps only its commands and delegates its questions here, and a report such as
readiness asks the same questions the rules (:mod:`~bargaining.domain.campaigns.rules` and
its siblings) do.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, MutableMapping, Sequence
from datetime import date
from fractions import Fraction
from typing import Protocol
from uuid import UUID

import attrs

from bargaining.domain.campaigns import standing
from bargaining.domain.campaigns.ladder import Ladder, Rung, RungKind
from bargaining.domain.campaigns.participation import meets
from bargaining.domain.campaigns.timeline import (
    Action,
    CampaignStatus,
    CampaignUnit,
    LadderChange,
    Mandate,
    MandateKind,
    Move,
    StatusChange,
    label_of,
    last_on,
)
from bargaining.domain.shared.errors import InvalidInput


class CampaignRecord(Protocol):
    """What the questions and the rules read of a campaign: its name, when it was launched and
    last changed, its current ladder and climb share, and its recorded timeline."""

    @property
    def name(self) -> str: ...

    @property
    def launched_on(self) -> date: ...

    @property
    def last_dated(self) -> date: ...

    @property
    def ladder(self) -> Ladder: ...

    @property
    def climb_share(self) -> Fraction: ...

    @property
    def ladders(self) -> Sequence[LadderChange]: ...

    @property
    def moves(self) -> Sequence[Move]: ...

    @property
    def statuses(self) -> Sequence[StatusChange]: ...

    @property
    def climb_shares(self) -> Sequence[tuple[date, Fraction]]: ...

    @property
    def units(self) -> Mapping[UUID, CampaignUnit]: ...

    @property
    def action_names(self) -> Sequence[str]: ...

    @property
    def plans(self) -> Mapping[int, Action]: ...

    @property
    def cancelled_actions(self) -> Sequence[int]: ...

    @property
    def mandates(self) -> Sequence[Mandate]: ...

    @property
    def results(self) -> MutableMapping[str, list[int]]:
        """Each unit's results per rung that a climb can still ask for (``standing``)."""


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


# ------------------------------------------------------------- the timeline on a date


def ladder_on(campaign: CampaignRecord, on: date) -> Ladder:
    """The ladder the campaign used on a date."""
    return last_on(campaign.ladders, on).ladder


def move_on(campaign: CampaignRecord, on: date) -> Move:
    """The campaign's last move on the ladder made on or before a date."""
    return last_on(campaign.moves, on)


def status_on(campaign: CampaignRecord, on: date) -> CampaignStatus:
    """Whether the campaign was active, paused or concluded on a date."""
    return last_on(campaign.statuses, on).status


def climb_share_on(campaign: CampaignRecord, on: date) -> Fraction:
    """The percentage of units that had to pass a rung, on a date, before a joint climb."""
    share = campaign.climb_shares[0][1]
    for when, value in campaign.climb_shares:
        if when <= on:
            share = value
    return share


def current_rung(campaign: CampaignRecord) -> tuple[int, Rung]:
    """The rung the campaign stands on now (its position on its current ladder and the rung)."""
    index = campaign.ladder.index(campaign.moves[-1].rung)
    return index, campaign.ladder.rungs[index]


def rung_on(campaign: CampaignRecord, on: date) -> tuple[int, Rung]:
    """The campaign's rung as it stood on a date (its position and the rung itself)."""
    ladder = ladder_on(campaign, on)
    index = ladder.index(move_on(campaign, on).rung)
    return index, ladder.rungs[index]


def units_on(campaign: CampaignRecord, on: date) -> list[CampaignUnit]:
    """The units taking part in the campaign on a date."""
    return [u for u in campaign.units.values() if u.active_on(on)]


def label(campaign: CampaignRecord, unit_id: UUID) -> str:
    """A unit's label in the campaign, or its id when it never took part."""
    return label_of(campaign.units, unit_id)


def labels(campaign: CampaignRecord, unit_ids: Iterable[UUID]) -> str:
    """Units' labels in the campaign, in the order given, separated by semicolons."""
    return "; ".join(label(campaign, u) for u in unit_ids)


# ------------------------------------------------------------- strike votes


def strike_votes(campaign: CampaignRecord, unit_id: UUID, on: date) -> list[Mandate]:
    """Strike votes held on or before a date that cover a unit, oldest first."""
    found = [m for m in campaign.mandates if m.kind is MandateKind.STRIKE_VOTE
             and m.covers(unit_id) and m.vote.held_on <= on]
    return sorted(found, key=lambda m: (m.vote.held_on, m.number))


def qualifies(campaign: CampaignRecord, mandate: Mandate, ladder: Ladder | None = None) -> bool:
    """A strike vote that is a valid mandate by the ladder's mandate rule and meets its
    organizing benchmark (the campaign's current ladder unless one is given)."""
    chosen = ladder or campaign.ladder
    return (mandate.kind is MandateKind.STRIKE_VOTE and mandate.valid_by(chosen.mandate_rule)
            and chosen.strike_vote_threshold.met_by(mandate.vote.tally))


def strike_mandate(campaign: CampaignRecord, unit_id: UUID, on: date) -> Mandate | None:
    """The valid strike mandate for a unit on a date: the latest strike vote covering it (its
    own or the whole campaign's), if it carried by the mandate rule of the ladder in use that
    day (with its quorum, if any). A later vote that failed withdraws it."""
    votes = strike_votes(campaign, unit_id, on)
    rule = ladder_on(campaign, on).mandate_rule
    return votes[-1] if votes and votes[-1].valid_by(rule) else None


def strike_vote_met(campaign: CampaignRecord, on: date, ladder: Ladder | None = None) -> bool:
    """Whether some unit taking part has a valid strike mandate on a date (by ``ladder``'s
    mandate rule, if given): what reaching the strike rung needs, override or not."""
    rule = (ladder or ladder_on(campaign, on)).mandate_rule
    for unit in units_on(campaign, on):
        votes = strike_votes(campaign, unit.unit_id, on)
        if votes and votes[-1].valid_by(rule):
            return True
    return False


# ------------------------------------------------------------------ climbing


#: A unit's latest count on a rung dated on or before a day, as (eligible, participants), or
#: ``None``: what the participation history answers when the campaign cannot.
CountOn = Callable[[UUID, str, date], tuple[int, int] | None]


def passed_rung(
    campaign: CampaignRecord, unit_id: UUID, on: date, rung: Rung,
    counts: CountOn | None = None,
) -> bool:
    """Whether a unit's latest test of a rung, up to a date, reached its threshold (for the
    strike vote rung: whether its latest strike vote is a valid mandate that met the
    organizing benchmark). The campaign keeps each unit's two latest results per rung; for a
    day before both, when it had more, ``counts`` (the participation history) answers."""
    if rung.kind is RungKind.STRIKE_VOTE:
        votes = strike_votes(campaign, unit_id, on)
        return bool(votes) and qualifies(campaign, votes[-1], ladder_on(campaign, on))
    found = standing.result_on(campaign.results, unit_id.hex, rung.name, on)
    if isinstance(found, str):
        if counts is None:
            raise InvalidInput.worded("whether {label} had passed '{rung}' by {on} is in the "
                                      "campaign's participation history, which the application "
                                      "reads",
                                      label=label(campaign, unit_id), rung=rung.name, on=on)
        found = counts(unit_id, rung.name, on)
    return found is not None and meets(found[1], found[0], rung.threshold)


def climb_check(campaign: CampaignRecord, on: date, counts: CountOn | None = None) -> ClimbCheck:
    """Whether the campaign, as it stood on a date, may climb to the next rung: enough of
    its units (all, or the share it set) have passed the current rung's test, and, before
    the strike rung, some unit holds a valid strike mandate. ``counts`` answers for a unit
    whose result on that day only the participation history knows (see
    :func:`passed_rung`)."""
    ladder = ladder_on(campaign, on)
    index, rung = rung_on(campaign, on)
    nxt = ladder.rungs[index + 1] if index + 1 < len(ladder) else None
    units = units_on(campaign, on)
    ready = tuple(u.unit_id for u in units
                  if passed_rung(campaign, u.unit_id, on, rung, counts))
    passed = set(ready)
    held_back = tuple(u.unit_id for u in units if u.unit_id not in passed)
    share = climb_share_on(campaign, on)
    needed = math.ceil(share * len(units) / 100)
    strike_ok = True
    if nxt is not None and nxt.kind is RungKind.STRIKE:
        strike_ok = strike_vote_met(campaign, on, ladder)
    return ClimbCheck(on, rung.name, nxt.name if nxt else None, ready, held_back, needed,
                      share, status_on(campaign, on), strike_ok)
