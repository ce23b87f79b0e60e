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
from bargaining.domain.shared.errors import InvalidInput, RuleViolation


def require_action(campaign: CampaignRecord, number: object) -> Action | ClosedAction:
    """An action of the campaign, named by its number (the first is 1): its plan while it is
    open, its name and how it closed once held or cancelled."""
    if isinstance(number, bool) or not isinstance(number, int):
        raise InvalidInput(f"an action is named by its number, not {number!r}")
    count = len(campaign.action_names)
    if not 1 <= number <= count:
        raise InvalidInput(
            f"'{campaign.name}' has no action {number}"
            + (f" (it has 1 to {count})" if count else "")
        )
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
    title = require_text(name, "an action's name")
    chosen = campaign.ladder.rung(rung)
    if chosen.kind is RungKind.STRIKE_VOTE:
        raise RuleViolation(
            f"'{chosen.name}' is passed by a strike vote, not by an action: record the "
            "vote as a mandate"
        )
    day = check_since_launch(campaign, on, "action's date")
    if isinstance(units, PlannedUnit) or not units:
        raise InvalidInput("an action needs the units taking part")
    planned = list(units)
    for item in planned:
        if not isinstance(item, PlannedUnit):
            raise InvalidInput(f"each unit taking part is a PlannedUnit, not {item!r}")
        check_taking_part(campaign, require_unit(campaign, item.unit_id))
    planned = [_checked_plan(p) for p in planned]
    ids = [p.unit_id for p in planned]
    if len(set(ids)) != len(ids):
        raise InvalidInput("a unit is named twice among those taking part")
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
        raise RuleViolation(f"action {action.number} ({action.name}) was held; its record "
                            "stands")
    if action.cancelled:
        raise RuleViolation(f"action {action.number} ({action.name}) is already cancelled")


def check_holding(
    campaign: CampaignRecord, number: object, turnouts: Sequence[Turnout], on: date | None
) -> tuple[list[Turnout], StructureTest]:
    """A planned action is held once, on a day (by default the day it was planned for) the
    campaign was not paused and stood on its rung or above, with counts that follow its plan;
    returns the counts and the structure test they make."""
    check_open(campaign)
    action = require_action(campaign, number)
    if action.held:
        raise RuleViolation(f"action {action.number} ({action.name}) was already held")
    if action.cancelled:
        raise RuleViolation(f"action {action.number} ({action.name}) was cancelled")
    assert isinstance(action, Action)  # open: neither held nor cancelled
    day = check_since_launch(campaign, on if on is not None else action.planned_on,
                             "date the action was held")
    check_not_paused(campaign, day, "hold actions")
    ladder = queries.ladder_on(campaign, day)
    where, standing = queries.rung_on(campaign, day)
    position = ladder.find(action.rung)
    if position is None:
        raise RuleViolation(f"the ladder no longer has the rung '{action.rung}' of action "
                            f"{action.number}")
    if position > where:
        raise RuleViolation(
            f"on {day} the campaign '{campaign.name}' stood on '{standing.name}'; an action on "
            f"'{action.rung}' is a higher rung: escalate before holding it"
        )
    given = turnouts if isinstance(turnouts, Turnout) else [_checked_count(t) for t in turnouts]
    counts = action.check_counts(cast(Sequence[Turnout], given), day, campaign.units)
    threshold = ladder.rungs[position].threshold
    test = structure_test(action.number, action.name, action.rung, threshold, day, action.units,
                          counts)
    return counts, test
