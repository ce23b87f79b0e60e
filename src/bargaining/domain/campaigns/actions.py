"""The rules of a campaign's actions: planning one, cancelling it, holding it.

An action is planned on a rung for a day, with the units (and work groups) taking part; the
strike vote rung is passed by a vote, never by an action. Once held, its counts make a
structure test against the rung's threshold, and its record stands. An action may be recorded
as held after the fact, but never on a rung above the one the campaign stood on that day, nor
on a day the campaign was paused. Pure checks over a campaign's record, as in
:mod:`~bargaining.domain.campaigns.rules`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import cast

import attrs

from bargaining.domain.campaigns import queries
from bargaining.domain.campaigns.inputs import checked_group, require_text
from bargaining.domain.campaigns.ladder import RungKind
from bargaining.domain.campaigns.membership import check_taking_part, require_unit
from bargaining.domain.campaigns.participation import (
    PlannedUnit,
    StructureTest,
    Turnout,
    structure_test,
)
from bargaining.domain.campaigns.queries import CampaignRecord
from bargaining.domain.campaigns.rules import check_not_paused, check_open, check_since_launch
from bargaining.domain.campaigns.timeline import Action, ClosedAction
from bargaining.domain.shared.errors import InvalidInput, RuleViolation, term


def require_action(campaign: CampaignRecord, number: object) -> Action | ClosedAction:
    """An action of the campaign, named by its number (the first is 1): its plan while it is
    open, its name and how it closed once held or cancelled."""
    if isinstance(number, bool) or not isinstance(number, int):
        raise InvalidInput.worded("an action is named by its number, not {number}",
                                  number=repr(number))
    count = len(campaign.action_names)
    if not 1 <= number <= count:
        if count:
            raise InvalidInput.worded("'{campaign}' has no action {number} (it has 1 to {count})",
                                      campaign=campaign.name, number=number, count=count)
        raise InvalidInput.worded("'{campaign}' has no action {number}",
                                  campaign=campaign.name, number=number)
    plan = campaign.plans.get(number)
    if plan is not None:
        return plan
    return ClosedAction(number, campaign.action_names[number - 1],
                        number in campaign.cancelled_actions)


def check_plan(
    campaign: CampaignRecord, name: object, rung: object, on: object,
    units: Sequence[PlannedUnit],
) -> tuple[str, str, date, list[PlannedUnit]]:
    """An action is planned on a rung of the campaign's ladder passed by actions, not before
    the launch, for units taking part, each named once; returns its name, its rung's name,
    its day and the units."""
    check_open(campaign)
    title = require_text(name, term("an action's name"))
    chosen = campaign.ladder.rung(rung)
    if chosen.kind is RungKind.STRIKE_VOTE:
        raise RuleViolation.worded("'{chosen}' is passed by a strike vote, not by an action: "
                                   "record the vote as a mandate", chosen=chosen.name)
    day = check_since_launch(campaign, on, term("action's date"))
    if isinstance(units, PlannedUnit) or not units:
        raise InvalidInput.worded("an action needs the units taking part")
    planned = list(units)
    for item in planned:
        if not isinstance(item, PlannedUnit):
            raise InvalidInput.worded("each unit taking part is a PlannedUnit, not {item}",
                                      item=repr(item))
        check_taking_part(campaign, require_unit(campaign, item.unit_id))
    planned = [_checked_plan(p) for p in planned]
    ids = [p.unit_id for p in planned]
    if len(set(ids)) != len(ids):
        raise InvalidInput.worded("a unit is named twice among those taking part")
    return title, chosen.name, day, planned


def _checked_plan(unit: PlannedUnit) -> PlannedUnit:
    groups = tuple(checked_group(g) or g for g in unit.work_groups)
    return unit if groups == unit.work_groups else attrs.evolve(unit, work_groups=groups)


def _checked_count(count: Turnout | object) -> Turnout | object:
    if not isinstance(count, Turnout):
        return count  # refused, in words, by the action's check
    group = checked_group(count.work_group)
    return count if group == count.work_group else attrs.evolve(count, work_group=group)


def check_cancel(campaign: CampaignRecord, number: object) -> None:
    """Only a planned action that was neither held nor cancelled may be cancelled."""
    check_open(campaign)
    action = require_action(campaign, number)
    if action.held:
        raise RuleViolation.worded("action {number} ({action}) was held; its record stands",
                                   number=action.number, action=action.name)
    if action.cancelled:
        raise RuleViolation.worded("action {number} ({action}) is already cancelled",
                                   number=action.number, action=action.name)


def check_holding(
    campaign: CampaignRecord, number: object, turnouts: Sequence[Turnout], on: date | None
) -> tuple[list[Turnout], StructureTest]:
    """A planned action is held once, on a day (by default the day it was planned for) the
    campaign was not paused and stood on its rung or above, with counts that follow its plan;
    returns the counts and the structure test they make."""
    check_open(campaign)
    action = require_action(campaign, number)
    if action.held:
        raise RuleViolation.worded("action {number} ({action}) was already held",
                                   number=action.number, action=action.name)
    if action.cancelled:
        raise RuleViolation.worded("action {number} ({action}) was cancelled",
                                   number=action.number, action=action.name)
    assert isinstance(action, Action)  # open: neither held nor cancelled
    day = check_since_launch(campaign, on if on is not None else action.planned_on,
                             term("date the action was held"))
    check_not_paused(campaign, day, term("hold actions"))
    ladder = queries.ladder_on(campaign, day)
    where, standing = queries.rung_on(campaign, day)
    position = ladder.find(action.rung)
    if position is None:
        raise RuleViolation.worded("the ladder no longer has the rung '{rung}' of action {number}",
                                   rung=action.rung, number=action.number)
    if position > where:
        raise RuleViolation.worded("on {day} the campaign '{campaign}' stood on '{standing}'; an "
                                   "action on '{rung}' is a higher rung: escalate before holding "
                                   "it", day=day, campaign=campaign.name, standing=standing.name,
                                   rung=action.rung)
    given = turnouts if isinstance(turnouts, Turnout) else [_checked_count(t) for t in turnouts]
    counts = action.check_counts(cast(Sequence[Turnout], given), day, campaign.units)
    threshold = ladder.rungs[position].threshold
    test = structure_test(action.number, action.name, action.rung, threshold, day, action.units,
                          counts)
    return counts, test
