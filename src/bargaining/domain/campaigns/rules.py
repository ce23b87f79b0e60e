"""The rules of a campaign as a whole: its launch, its status, and the order of its record.

A campaign launches for one or more units on its ladder's first rung. A concluded campaign
records nothing more. The campaign's own decisions (launch, climbs, pauses, ladder changes,
units joining and leaving) are recorded in date order, so it can be read as it stood on any
date; facts (actions, votes, walkouts and returns) may be recorded after the fact, with an
earlier date, but never before the launch. A paused campaign holds no actions (a walkout while
it is paused is recorded, flagged).

Each check is a pure function of what the campaign has recorded (a
:class:`~bargaining.domain.campaigns.queries.CampaignRecord`): it refuses in the domain's
words, before anything is recorded, or returns the checked values the command records. The
rules of units, actions, climbing and strikes stand beside it, in
:mod:`~bargaining.domain.campaigns.membership`, :mod:`~bargaining.domain.campaigns.actions`,
:mod:`~bargaining.domain.campaigns.climbing` and :mod:`~bargaining.domain.campaigns.strikes`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from fractions import Fraction
from uuid import UUID

import attrs

from bargaining.domain.campaigns import queries
from bargaining.domain.campaigns.inputs import require_name, require_text, require_unit_id
from bargaining.domain.campaigns.ladder import DEFAULT_LADDER, Ladder
from bargaining.domain.campaigns.queries import CampaignRecord
from bargaining.domain.campaigns.timeline import CampaignScope, CampaignStatus, Outcome
from bargaining.domain.shared.dates import require_date
from bargaining.domain.shared.errors import InvalidInput, RuleViolation, term
from bargaining.domain.shared.shares import as_changed_percent

# ------------------------------------------------------------------ launching


def require_ladder(value: object) -> Ladder:
    """A campaign's ladder as given at launch: a :class:`Ladder`, or none for the default."""
    if value is None:
        return DEFAULT_LADDER
    if not isinstance(value, Ladder):
        raise InvalidInput.worded("a campaign's ladder must be a Ladder (or none, for the "
                                  "default)")
    return checked_ladder(value)


def checked_ladder(ladder: Ladder) -> Ladder:
    """A ladder a command is given, its rung names checked as every record's names are
    (:func:`~bargaining.domain.shared.text.clean_name`: no control or invisible formatting
    characters, composed form). A ``Rung`` tidies its name's spacing only, since rungs stored
    by earlier releases read back through it."""
    rungs = [r if r.name.isascii() and r.name.isprintable()
             else attrs.evolve(r, name=require_name(r.name,
                                                    term("rung's name"))) for r in ladder.rungs]
    if all(a is b for a, b in zip(rungs, ladder.rungs, strict=True)):
        return ladder
    return Ladder(rungs)


def require_climb_share(value: object) -> Fraction:
    """The percentage of units that must pass a rung before a joint climb (100: every unit)."""
    return as_changed_percent(value, term("the share of units that must pass before a joint climb"))


@attrs.frozen
class Launch:
    """A launch as checked: what the campaign's first event records, and the units (id and
    label) that join it that day."""

    name: str
    scope: CampaignScope
    cluster_id: UUID | None
    ladder: Ladder
    on: date
    climb_share: Fraction
    units: tuple[tuple[UUID, str], ...]


def check_launch(
    name: str,
    units: Sequence[tuple[UUID, str]],
    on: date,
    cluster_id: UUID | None,
    ladder: Ladder | None,
    climb_share: Fraction | int,
) -> Launch:
    """A campaign launches for one or more units, each named once by its id, for a cluster
    (by its id) or for the units alone; its scope follows from them."""
    title = require_name(name, term("campaign's name"))
    chosen = require_ladder(ladder)
    day = require_date(on, term("launch date"))
    share = require_climb_share(climb_share)
    if isinstance(units, str) or not units:
        raise InvalidInput.worded("a campaign is launched for one or more bargaining units")
    ids = [require_unit_id(uid) for uid, _ in units]
    labels = [require_text(label, term("a unit's label")) for _, label in units]
    if len(set(ids)) != len(ids):
        raise InvalidInput.worded("a unit is named twice in the campaign's units")
    if cluster_id is not None and not isinstance(cluster_id, UUID):
        raise InvalidInput.worded("a cluster is named by its id (a UUID), not {cluster_id}",
                                  cluster_id=repr(cluster_id))
    scope = (CampaignScope.CLUSTER if cluster_id is not None
             else CampaignScope.UNIT if len(ids) == 1 else CampaignScope.UNITS)
    return Launch(title, scope, cluster_id, chosen, day, share,
                  tuple(zip(ids, labels, strict=True)))


# ------------------------------------------------------------- every command


def check_open(campaign: CampaignRecord) -> None:
    """A concluded campaign records nothing more."""
    last = campaign.statuses[-1]
    if last.status is CampaignStatus.CONCLUDED:
        outcome = f" ({last.outcome.value})" if last.outcome else ""
        raise RuleViolation.worded("the campaign '{campaign}' concluded{outcome} on {on}: "
                                   "nothing more can be recorded on it",
                                   campaign=campaign.name, outcome=outcome, on=last.on)


def check_in_order(campaign: CampaignRecord, on: object, what: str) -> date:
    """A campaign decision is dated on or after the campaign's last one, so that reading the
    campaign as it stood on a date never meets a decision recorded after a later one."""
    day = require_date(on, what)
    if day < campaign.last_dated:
        raise RuleViolation.worded("the campaign '{campaign}' was last changed on {last_dated}; "
                                   "a change dated {day} would come before it: record the "
                                   "campaign's changes in date order",
                                   campaign=campaign.name, last_dated=campaign.last_dated, day=day)
    return day


def check_since_launch(campaign: CampaignRecord, on: object, what: str) -> date:
    """An action or a vote may be recorded after the fact, but not before the launch."""
    day = require_date(on, what)
    if day < campaign.launched_on:
        raise RuleViolation.worded("{day} is before the campaign '{campaign}' was launched "
                                   "({launched_on})", day=day, campaign=campaign.name,
                                   launched_on=campaign.launched_on)
    return day


def check_not_paused(campaign: CampaignRecord, on: date, what: str) -> None:
    """A campaign paused on a date holds no actions and calls no strikes then; ``what`` is
    what it would do."""
    if queries.status_on(campaign, on) is CampaignStatus.PAUSED:
        raise RuleViolation.worded("the campaign '{campaign}' is paused on {on}: resume it to "
                                   "{what}", campaign=campaign.name, on=on, what=what)


# ------------------------------------------------------------------ status


def check_pause(campaign: CampaignRecord, on: object) -> date:
    """An open campaign that is not paused may pause; returns the day."""
    check_open(campaign)
    day = check_in_order(campaign, on, term("date of the pause"))
    if campaign.statuses[-1].status is CampaignStatus.PAUSED:
        raise RuleViolation.worded("the campaign '{campaign}' is already paused",
                                   campaign=campaign.name)
    return day


def check_resume(campaign: CampaignRecord, on: object) -> date:
    """Only a paused campaign resumes; returns the day."""
    check_open(campaign)
    day = check_in_order(campaign, on, term("date of the resumption"))
    if campaign.statuses[-1].status is not CampaignStatus.PAUSED:
        raise RuleViolation.worded("the campaign '{campaign}' is not paused",
                                   campaign=campaign.name)
    return day


def check_conclusion(campaign: CampaignRecord, outcome: object, on: object) -> date:
    """An open campaign concludes won, settled, defeated or withdrawn; returns the day."""
    check_open(campaign)
    if not isinstance(outcome, Outcome):
        raise InvalidInput.worded("a campaign concludes {outcome}, not {outcome2}",
                                  outcome=', '.join(o.value for o in Outcome),
                                  outcome2=repr(outcome))
    return check_in_order(campaign, on, term("date the campaign concluded"))
