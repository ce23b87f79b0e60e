"""The rules of a campaign's units: which units take part, joining and leaving.

A unit takes part from the day it joins until the day it leaves, and may rejoin later; the
campaign keeps every spell, so history keeps a unit that left. A unit that has left plans no
actions and calls no strikes. Pure checks over a campaign's record, as in
:mod:`~bargaining.domain.campaigns.rules`.
"""

from __future__ import annotations

from datetime import date
from uuid import UUID

from bargaining.domain.campaigns.inputs import require_text, require_unit_id
from bargaining.domain.campaigns.queries import CampaignRecord
from bargaining.domain.campaigns.rules import check_in_order, check_open
from bargaining.domain.campaigns.timeline import CampaignUnit
from bargaining.domain.shared.errors import RuleViolation, term


def require_unit(campaign: CampaignRecord, unit_id: object) -> CampaignUnit:
    """A unit of the campaign (taking part now or not), named by its id."""
    uid = require_unit_id(unit_id)
    try:
        return campaign.units[uid]
    except KeyError:
        raise RuleViolation.worded("the unit {uid} is not part of the campaign '{campaign}'",
                                   uid=uid, campaign=campaign.name) from None


def check_taking_part(campaign: CampaignRecord, unit: CampaignUnit) -> None:
    """A unit that has left the campaign plans no actions and calls no strikes."""
    if not unit.active:
        raise RuleViolation.worded("{label} has left the campaign '{campaign}'",
                                   label=unit.label, campaign=campaign.name)


def check_joining(
    campaign: CampaignRecord, unit_id: object, label: object, on: object
) -> tuple[UUID, str, date]:
    """A unit joins (or rejoins) unless it is taking part already; returns its id, its label
    and the day."""
    check_open(campaign)
    uid = require_unit_id(unit_id)
    day = check_in_order(campaign, on, term("date the unit joins"))
    found = campaign.units.get(uid)
    if found is not None and found.active:
        raise RuleViolation.worded("{label} is already part of the campaign '{campaign}'",
                                   label=found.label, campaign=campaign.name)
    return uid, require_text(label, term("a unit's label")), day


def check_leaving(
    campaign: CampaignRecord, unit_id: object, on: object
) -> tuple[CampaignUnit, date]:
    """A unit taking part leaves after the day it joined; returns the unit and the day."""
    check_open(campaign)
    found = require_unit(campaign, unit_id)
    day = check_in_order(campaign, on, term("date the unit leaves"))
    if not found.active:
        raise RuleViolation.worded("{label} has already left the campaign '{campaign}'",
                                   label=found.label, campaign=campaign.name)
    if day <= found.memberships[-1].start:
        raise RuleViolation.worded("{label} joined on {start}; it can leave only after that day",
                                   label=found.label, start=found.memberships[-1].start)
    return found, day
