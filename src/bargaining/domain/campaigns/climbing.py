"""The rules of climbing the ladder: escalating, stepping down, changing the ladder or the
share of units that must pass before a joint climb.

A climb is earned: enough of the campaign's units (all, or the share it set) have passed the
current rung's structure test. Climbing without it is possible only as an override, recorded
with who decided, the mandate (a member vote that carried) behind it, and why; a climb that
was earned needs none. The strike vote rung's test is its organizing benchmark (85% yes of
eligible on the default ladder), passed or overridden like any other; the strike rung itself
needs a valid strike mandate (a strike vote carried by the ladder's mandate rule), override or
not. Going back down is always allowed and always recorded. A new ladder must keep
the campaign's place. Pure checks over a campaign's record, as in
:mod:`~bargaining.domain.campaigns.rules`.
"""

from __future__ import annotations

from datetime import date
from fractions import Fraction
from uuid import UUID

import attrs

from bargaining.domain.campaigns import queries
from bargaining.domain.campaigns.ladder import Ladder
from bargaining.domain.campaigns.queries import CampaignRecord, ClimbCheck
from bargaining.domain.campaigns.rules import (
    check_in_order,
    check_open,
    checked_ladder,
    require_climb_share,
)
from bargaining.domain.campaigns.timeline import CampaignStatus, Override
from bargaining.domain.shared.actor import clean_reason
from bargaining.domain.shared.errors import InvalidInput, RuleViolation, term
from bargaining.domain.shared.shares import show_percent
from bargaining.domain.shared.vote import Vote


@attrs.frozen
class Climb:
    """A climb as checked: its day, the rung it reaches, the override behind it (none when
    the test passed), the units that held it back, and why."""

    on: date
    rung: str
    override: Override | None
    held_back: tuple[UUID, ...]
    reason: str | None


def check_climb(
    campaign: CampaignRecord, on: object, reason: object, mandate: object,
    counts: queries.CountOn | None = None,
) -> Climb:
    """A campaign that is neither paused nor on its top rung climbs one rung: on a passed
    test of its current rung (then with no override), or else on an override (a ``mandate``
    that carried and a ``reason``). The strike rung needs a valid strike mandate either
    way. ``counts`` is the participation history, for a unit whose result on that day the
    campaign cannot tell (see :func:`~bargaining.domain.campaigns.queries.passed_rung`)."""
    check_open(campaign)
    day = check_in_order(campaign, on, term("date of the climb"))
    why = clean_reason(reason)
    check = queries.climb_check(campaign, day, counts)
    if check.status is CampaignStatus.PAUSED:
        raise RuleViolation.worded("the campaign '{campaign}' is paused: resume it to escalate",
                                   campaign=campaign.name)
    if check.next_rung is None:
        raise RuleViolation.worded("'{rung}' is the top rung of the ladder of '{campaign}'",
                                   rung=check.rung, campaign=campaign.name)
    if not check.strike_vote_ok:
        raise RuleViolation.worded("reaching '{next_rung}' needs a valid strike mandate (a "
                                   "strike vote carried by {describe}); no unit taking part "
                                   "holds one on {day}", next_rung=check.next_rung,
                                   describe=campaign.ladder.mandate_rule.describe(), day=day)
    override = check_override(campaign, check, mandate, why)
    return Climb(day, check.next_rung, override, check.held_back, why)


def check_override(
    campaign: CampaignRecord, check: ClimbCheck, mandate: object, why: str | None
) -> Override | None:
    """The override a climb needs: none when the current rung's test passed; otherwise a
    mandate that carried, and a reason."""
    if check.enough_ready:
        if mandate is not None:
            raise RuleViolation.worded("the test of '{rung}' has passed: the climb needs no "
                                       "override", rung=check.rung)
        return None
    if mandate is None or why is None:
        raise not_ready(campaign, check)
    if not isinstance(mandate, Vote):
        raise InvalidInput.worded("an override's mandate must be a Vote")
    if not mandate.passed:
        raise RuleViolation.worded("the override's mandate did not carry ({explain})",
                                   explain=mandate.explain())
    return Override(mandate, why)


def not_ready(campaign: CampaignRecord, check: ClimbCheck) -> RuleViolation:
    """Why the current rung's test has not passed (how many units passed, how many must,
    and which units hold the climb back), and that a climb without it needs an override."""
    who = queries.labels(campaign, check.held_back)
    total = len(check.ready) + len(check.held_back)
    if total == 0:
        return RuleViolation.worded(
            "'{campaign}' has no units taking part to pass the test of '{rung}'; climbing "
            "without it needs an override: a mandate (a vote that carried) and a reason",
            campaign=campaign.name, rung=check.rung)
    return RuleViolation.worded(
        "the test of '{rung}' has not passed: {ready} of {total} units passed and {needed} "
        "must; held back by {who}; climbing without it needs an override: a mandate (a vote "
        "that carried) and a reason",
        rung=check.rung, ready=len(check.ready), total=total, needed=check.needed, who=who)


@attrs.frozen
class StepDown:
    """A step down as checked: its day, the rung it reaches, and whether that rung is below
    the strike rung (so units on strike return that day)."""

    on: date
    rung: str
    ends_strikes: bool


def check_step_down(campaign: CampaignRecord, on: object, to: str | None) -> StepDown:
    """A campaign steps down one rung, or to the rung named ``to``, which must be below the
    one it stands on."""
    check_open(campaign)
    day = check_in_order(campaign, on, term("date of the step down"))
    ladder = campaign.ladder
    current, rung = queries.current_rung(campaign)
    target = current - 1 if to is None else ladder.index(to)
    if current == 0 and to is None:
        raise RuleViolation.worded("'{campaign}' is on the first rung; there is none below",
                                   campaign=campaign.name)
    if target >= current:
        raise RuleViolation.worded("'{name}' is not below '{rung}', where '{campaign}' stands",
                                   name=ladder.rungs[target].name, rung=rung.name,
                                   campaign=campaign.name)
    strike = ladder.strike_index
    return StepDown(day, ladder.rungs[target].name, strike is not None and target < strike)


def check_ladder_change(
    campaign: CampaignRecord, ladder: object, on: object
) -> tuple[Ladder, date]:
    """A campaign adopts another ladder that has a rung of the same name and kind as the one
    it stands on, so it keeps its place; returns the ladder and the day."""
    check_open(campaign)
    if not isinstance(ladder, Ladder):
        raise InvalidInput.worded("a campaign's ladder must be a Ladder")
    ladder = checked_ladder(ladder)
    day = check_in_order(campaign, on, term("date of the ladder change"))
    if ladder == campaign.ladder:
        raise RuleViolation.worded("that is already the ladder of '{campaign}'",
                                   campaign=campaign.name)
    _, current = queries.current_rung(campaign)
    found = ladder.find(current.name)
    if found is None or ladder.rungs[found].kind is not current.kind:
        raise RuleViolation.worded("the campaign '{campaign}' stands on '{current}'; the new "
                                   "ladder must have that rung (a {value} rung) so the campaign "
                                   "keeps its place", campaign=campaign.name, current=current.name,
                                   value=current.kind.value)
    return ladder, day


def check_climb_share_change(
    campaign: CampaignRecord, share: object, on: object
) -> tuple[Fraction, date]:
    """A campaign sets another share of its units that must pass before a joint climb;
    returns the share and the day."""
    check_open(campaign)
    value = require_climb_share(share)
    day = check_in_order(campaign, on, term("date of the change"))
    if value == campaign.climb_share:
        raise RuleViolation.worded("'{campaign}' already climbs when {show_percent} of its units "
                                   "pass",
                                   campaign=campaign.name, show_percent=show_percent(value))
    return value, day
