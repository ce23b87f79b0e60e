"""Plain-language summaries of the defense of public services: threats and their life,
templates and their versions, rapid responses, public actions and messages."""

from __future__ import annotations

from datetime import date
from typing import Any

from bargaining.domain.defense.message import Message
from bargaining.domain.defense.public_action import PublicAction
from bargaining.domain.defense.response import Response
from bargaining.domain.defense.template import CampaignTemplate
from bargaining.domain.defense.threat import Threat
from bargaining.domain.defense.tracking import ResponseTracking
from bargaining.presentation.wording import Names, SummaryTable, by, count_of

#: Event classes read as ``Any`` (``@event`` makes them at run time).
T: Any = Threat
P: Any = CampaignTemplate
S: Any = Response
A: Any = PublicAction
M: Any = Message
W: Any = ResponseTracking

#: The summaries and dates this module registers; ``summaries`` joins them with the others.
TABLE = SummaryTable()
_summary = TABLE.summary


def _on(e: Any) -> date:
    on: date = e.on
    return on


for _cls in (T.Registered, T.OutcomeRecorded, S.LaunchDecided, A.Recorded, A.Counted,
             M.Recorded):
    TABLE.dated(_cls, _on)


def _hits(e: Any) -> str:
    parts = [*e.sectors, *e.regions, *e.employers, *e.services]
    if e.units:
        parts.append(count_of(len(e.units), "named unit"))
    return ", ".join(parts)


@_summary(T.Registered)
def _threat_registered(e: Any, names: Names) -> str:
    behind = f", driven by {', '.join(e.behind)}" if e.behind else ""
    return (f"{e.kind.capitalize()} threat '{e.name}' of {e.on} registered {by(e.actor)}: "
            f"hits {_hits(e)}{behind}")


@_summary(T.OutcomeRecorded)
def _threat_outcome(e: Any, names: Names) -> str:
    flagged = f" [flagged: {len(e.flags)}]" if e.flags else ""
    return (f"'{names(e.originator_id)}' {e.outcome} on {e.on}, recorded {by(e.actor)}"
            f"{flagged}")


def _plan(plan: dict[str, Any]) -> str:
    return (f"answers {', '.join(plan['answers'])} with "
            f"{count_of(len(plan['actions']), 'action')}, "
            f"{count_of(len(plan['checklist']), 'message')} on its checklist, "
            f"{count_of(len(plan['roles']), 'role')}")


@_summary(P.Published)
def _template_published(e: Any, names: Names) -> str:
    return f"Template '{e.name}' published {by(e.actor)} (version 1): {_plan(e.plan)}"


@_summary(P.VersionPublished)
def _template_revised(e: Any, names: Names) -> str:
    return (f"Template '{names(e.originator_id)}' version {e.number} published {by(e.actor)}: "
            f"{_plan(e.plan)}")


@_summary(S.Proposed)
def _response_proposed(e: Any, names: Names) -> str:
    return (f"Response proposed {by(e.actor)} at {e.local} for "
            f"{count_of(len(e.unit_ids), 'unit')}, from template '{e.template_name}' version "
            f"{e.template_version}: {e.why}")


@_summary(S.LaunchDecided)
def _launch_decided(e: Any, names: Names) -> str:
    return f"Launch of the {names(e.originator_id)} from {e.on} decided {by(e.actor)}"


@_summary(S.CampaignLaunched)
def _campaign_launched(e: Any, names: Names) -> str:
    return (f"The {names(e.originator_id)} launched campaign '{names(e.campaign_id)}', "
            f"recorded {by(e.actor)}")


@_summary(S.ActionsPlanned)
def _actions_planned(e: Any, names: Names) -> str:
    steps = "; ".join(f"{name} on {on}" for _, name, _, on in e.steps)
    return f"The {names(e.originator_id)} planned {steps}, {by(e.actor)}"


def _count(people: int | None, tally: Any) -> str:
    if tally is not None:
        return (f"{tally.cast:,} ballots: {tally.yes:,} yes, {tally.no:,} no, "
                f"{tally.spoiled:,} spoiled")
    return count_of(people, "person") if people is not None else "not counted"


@_summary(A.Recorded)
def _public_action(e: Any, names: Names) -> str:
    before = f" before {e.before}" if e.before else ""
    counted = "" if e.counted_on is None else (
        f"; {_count(e.people, e.tally)} as of {e.counted_on}")
    return f"{e.kind.capitalize()} '{e.name}'{before} on {e.on} recorded {by(e.actor)}{counted}"


@_summary(A.Counted)
def _counted(e: Any, names: Names) -> str:
    return (f"'{names(e.originator_id)}' counted on {e.on}: {_count(e.people, e.tally)}, "
            f"recorded {by(e.actor)}")


@_summary(M.Recorded)
def _message(e: Any, names: Names) -> str:
    impacts = "; ".join(f"{n:,} {m} in {w}" for m, n, w in e.impacts)
    return (f"Message '{e.name}' to {e.audience} by {e.channel} on {e.on}, recorded "
            f"{by(e.actor)}: {impacts}")


@_summary(W.Started)
def _tracking_started(e: Any, names: Names) -> str:
    return f"The rapid response started, {by(e.actor)}"


@_summary(W.Advanced)
def _tracking_advanced(e: Any, names: Names) -> str:
    return (f"The rapid response handled '{names(e.threat_id)}' (log position {e.position}), "
            f"{by(e.actor)}: {e.note}")
