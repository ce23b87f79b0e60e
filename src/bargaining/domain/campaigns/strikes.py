"""The rules of mandates and strikes: recording a member vote, walking out, returning.

A mandate (a member vote that authorizes a step) is a fact: it is recorded whether it carried
or not, of the whole campaign or of one unit taking part on the day of the vote. A unit walks
out only once the campaign stands on its strike rung, and only with a strike mandate in force:
its latest strike vote (its own or the whole campaign's) carried. A striking unit returns after
the day it walked out; it returns too when it leaves, when the campaign steps down below the
strike rung, and when the campaign concludes. Pure checks over a campaign's record, as in
:mod:`~bargaining.domain.campaigns.rules`.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from bargaining.domain.campaigns import queries
from bargaining.domain.campaigns.membership import check_taking_part, require_unit
from bargaining.domain.campaigns.queries import CampaignRecord
from bargaining.domain.campaigns.rules import (
    check_in_order,
    check_not_paused,
    check_open,
    check_since_launch,
)
from bargaining.domain.campaigns.timeline import CampaignUnit, Mandate, MandateKind
from bargaining.domain.shared.actor import clean_reason
from bargaining.domain.shared.errors import InvalidInput, RuleViolation
from bargaining.domain.shared.vote import Vote


def check_mandate(
    campaign: CampaignRecord, vote: object, kind: object, scope: object, unit_id: object
) -> Mandate:
    """A member vote held since the launch, of the whole campaign or of a unit taking part
    that day; returns the mandate to record (numbered after the last one)."""
    check_open(campaign)
    if not isinstance(vote, Vote):
        raise InvalidInput("a mandate needs the members' Vote")
    if not isinstance(kind, MandateKind):
        raise InvalidInput(f"a mandate is a {' or an '.join(k.value for k in MandateKind)}")
    check_since_launch(campaign, vote.held_on, "vote's date")
    unit = None
    if unit_id is not None:
        found = require_unit(campaign, unit_id)
        if not found.active_on(vote.held_on):
            raise RuleViolation(f"{found.label} was not part of the campaign on "
                                f"{vote.held_on}")
        unit = found.unit_id
    text = None if scope is None else clean_reason(scope)
    return Mandate(len(campaign.mandates) + 1, kind, vote, text, unit)


def check_walkout(
    campaign: CampaignRecord, unit_id: object, on: object
) -> tuple[CampaignUnit, date]:
    """A unit taking part, not on strike already, walks out on a day the campaign is not
    paused and stands on its strike rung (or above), with a strike mandate in force;
    returns the unit and the day."""
    check_open(campaign)
    found = require_unit(campaign, unit_id)
    day = check_in_order(campaign, on, "date the unit walked out")
    check_not_paused(campaign, day, "call strikes")
    check_taking_part(campaign, found)
    if found.on_strike:
        raise RuleViolation(f"{found.label} is already on strike (since "
                            f"{found.strikes[-1].start})")
    strike = campaign.ladder.strike_index
    if strike is None:
        raise RuleViolation(f"the ladder of '{campaign.name}' has no strike rung")
    index, rung = queries.current_rung(campaign)
    if index < strike:
        raise RuleViolation(
            f"'{campaign.name}' stands on '{rung.name}'; units strike only once it reaches "
            f"'{campaign.ladder.rungs[strike].name}'"
        )
    if queries.strike_mandate(campaign, found.unit_id, day) is None:
        votes = queries.strike_votes(campaign, found.unit_id, day)
        why = (f"its latest strike vote, on {votes[-1].vote.held_on}, did not carry" if votes
               else f"no strike vote covering it was recorded by {day}")
        raise RuleViolation(f"{found.label} has no strike mandate: {why}")
    return found, day


def check_return(
    campaign: CampaignRecord, unit_id: object, on: object
) -> tuple[CampaignUnit, date]:
    """Only a unit on strike returns; returns the unit and the day (which
    :func:`check_returns` checks against the walkout)."""
    check_open(campaign)
    found = require_unit(campaign, unit_id)
    day = check_in_order(campaign, on, "date the unit returned")
    if not found.on_strike:
        raise RuleViolation(f"{found.label} is not on strike")
    return found, day


def check_returns(units: Iterable[CampaignUnit], day: date) -> list[CampaignUnit]:
    """The units among these that are on strike, each of which may return on ``day``: only
    after the day it walked out."""
    striking = [u for u in units if u.on_strike]
    for unit in striking:
        if day <= unit.strikes[-1].start:
            raise RuleViolation(f"{unit.label} walked out on {unit.strikes[-1].start}; it can "
                                "return only after that day")
    return striking
