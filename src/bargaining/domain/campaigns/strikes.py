"""The rules of mandates and strikes: recording a member vote, walking out, returning.

A mandate (a member vote that authorizes a step) is a fact: it is recorded whether it carried
or not, of the whole campaign or of one unit taking part on the day of the vote. A walkout is a
fact too: recorded on any day since the launch, whole days or part of a day, and flagged (see
:mod:`~bargaining.domain.campaigns.job_actions`) when it breaks a rule, such as striking without
a valid mandate or below the strike rung. A striking unit returns after the day it walked out;
it returns too when it leaves, when the campaign steps down below the strike rung, and when the
campaign concludes. Pure checks over a campaign's record, as in
:mod:`~bargaining.domain.campaigns.rules`.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from datetime import date, timedelta
from fractions import Fraction
from typing import Any

import attrs

from bargaining.domain.campaigns.job_actions import (
    agreement_flags,
    own_flags,
    require_flags,
)
from bargaining.domain.campaigns.membership import require_unit
from bargaining.domain.campaigns.queries import CampaignRecord
from bargaining.domain.campaigns.rules import check_open, check_since_launch
from bargaining.domain.campaigns.timeline import CampaignStatus, CampaignUnit, Mandate, MandateKind
from bargaining.domain.shared.actor import clean_reason
from bargaining.domain.shared.dates import require_date
from bargaining.domain.shared.errors import InvalidInput, RuleViolation, term
from bargaining.domain.shared.flags import Flag
from bargaining.domain.shared.vote import Vote
from bargaining.domain.units.agreement import CollectiveAgreement


def check_mandate(
    campaign: CampaignRecord, vote: object, kind: object, scope: object, unit_id: object
) -> Mandate:
    """A member vote held since the launch, of the whole campaign or of a unit taking part
    that day; returns the mandate to record (numbered after the last one)."""
    check_open(campaign)
    if not isinstance(vote, Vote):
        raise InvalidInput.worded("a mandate needs the members' Vote")
    if not isinstance(kind, MandateKind):
        raise InvalidInput.worded("a mandate is a {mandatekind}",
                                  mandatekind=' or an '.join(k.value for k in MandateKind))
    check_since_launch(campaign, vote.held_on, term("vote's date"))
    unit = None
    if unit_id is not None:
        found = require_unit(campaign, unit_id)
        if not found.active_on(vote.held_on):
            raise RuleViolation.worded("{label} was not part of the campaign on {held_on}",
                                       label=found.label, held_on=vote.held_on)
        unit = found.unit_id
    text = None if scope is None else clean_reason(scope)
    return Mandate(len(campaign.mandates) + 1, kind, vote, text, unit)


@attrs.frozen
class Walkout:
    """A walkout as checked: the unit, the day it walked out, the day it was back (when
    known), whether it was part of a day (and for how many hours), and the flags it carries."""

    unit: CampaignUnit
    on: date
    back_on: date | None
    part_day: bool
    hours: Fraction | None
    flags: tuple[Flag, ...]

    def recorded(self) -> dict[str, Any]:
        """What the walkout's event records (with who recorded it and why)."""
        return {"unit_id": self.unit.unit_id, "on": self.on, "back_on": self.back_on,
                "part_day": self.part_day, "hours": self.hours, "flags": list(self.flags)}


def check_walkout(
    campaign: CampaignRecord, unit_id: object, on: object, *, back_on: object = None,
    part_day: object = False, hours: object = None, agreements: Iterable[CollectiveAgreement] = (),
    outside: object = (),
) -> Walkout:
    """A unit walking out is a fact, recorded on any day since the launch (back-filled too)
    whatever rule it breaks, with the flags of those rules: the campaign's own, the unit's
    agreement in force that day (of ``agreements``), and ``outside`` ones (laws, the legal
    strike position). Refused only when it cannot be: a unit not in the campaign or not taking
    part that day, a day back before the walkout, a unit already out that day, or a day after
    the campaign concluded. A walkout back-filled to a day before the conclusion is recorded,
    back by the conclusion at the latest (concluding a campaign ends its strikes)."""
    found = require_unit(campaign, unit_id)
    day = check_since_launch(campaign, on, term("date the unit walked out"))
    last = campaign.statuses[-1]
    closed_on = last.on if last.status is CampaignStatus.CONCLUDED else None
    if closed_on is not None and day > closed_on:
        check_open(campaign)
    if not found.active_on(day):
        raise RuleViolation.worded("{label} was not part of the campaign on {day}",
                                   label=found.label, day=day)
    part, length = _part_day(part_day, hours)
    back = None
    if back_on is not None:
        if part:
            raise InvalidInput.worded("a walkout for part of a day is back the same day: give no "
                                      "back_on")
        back = require_date(back_on, term("date the unit was back at work"))
        if back <= day:
            raise RuleViolation.worded("{label} walked out on {day}; it can be back at work only "
                                       "after that day", label=found.label, day=day)
    if closed_on is not None and not part:
        if back is None:
            back = max(closed_on, day + timedelta(days=1))
        elif back > max(closed_on, day + timedelta(days=1)):
            raise RuleViolation.worded("{label} was back on {back}, after the campaign "
                                       "'{campaign}' concluded on {closed_on}: a concluded "
                                       "campaign's strikes end by its conclusion",
                                       label=found.label, back=back, campaign=campaign.name,
                                       closed_on=closed_on)
    end = day + timedelta(days=1) if part else back
    for spell in found.spells:
        if spell.start < (end or date.max) and day < (spell.end or date.max):
            until = f"back on {spell.end}" if spell.end else "still out"
            raise RuleViolation.worded("{label} was already out on strike then (from {start}, "
                                       "{until})",
                                       label=found.label, start=spell.start, until=until)
    flags = (*own_flags(campaign, found.unit_id, day), *agreement_flags(agreements, day),
             *require_flags(outside, term("flags from outside the campaign")))
    return Walkout(found, day, back, part, length, flags)


def _part_day(part_day: object, hours: object) -> tuple[bool, Fraction | None]:
    if not isinstance(part_day, bool):
        raise InvalidInput.worded("part_day is True or False, not {part_day}",
                                  part_day=repr(part_day))
    if hours is None:
        return part_day, None
    if isinstance(hours, bool) or not isinstance(hours, int | float | Fraction):
        raise InvalidInput.worded("a part-day walkout's hours are a number, not {hours}",
                                  hours=repr(hours))
    if isinstance(hours, float) and not math.isfinite(hours):
        raise InvalidInput.worded("a part-day walkout's hours are a number, not {hours}",
                                  hours=repr(hours))
    length = Fraction(str(hours)) if isinstance(hours, float) else Fraction(hours)
    if not 0 < length < 24:
        raise RuleViolation.worded("a walkout for part of a day lasts more than 0 and less than "
                                   "24 hours, not {hours}", hours=hours)
    return True, length


def check_return(
    campaign: CampaignRecord, unit_id: object, on: object
) -> tuple[CampaignUnit, date]:
    """Only a unit on strike returns, on any day since the launch (back-filled too); returns
    the unit and the day (which :func:`check_returns` checks against the walkout)."""
    check_open(campaign)
    found = require_unit(campaign, unit_id)
    day = check_since_launch(campaign, on, term("date the unit returned"))
    if not found.on_strike:
        raise RuleViolation.worded("{label} is not on strike", label=found.label)
    return found, day


def check_returns(units: Iterable[CampaignUnit], day: date) -> list[CampaignUnit]:
    """The units among these that are on strike, each of which may return on ``day``: only
    after the day it walked out."""
    striking = [u for u in units if u.on_strike]
    for unit in striking:
        start = unit.last_walkout
        if day <= start:
            raise RuleViolation.worded("{label} walked out on {start}; it can return only after "
                                       "that day", label=unit.label, start=start)
    return striking
