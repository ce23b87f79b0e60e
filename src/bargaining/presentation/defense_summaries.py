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
from bargaining.domain.shared.language import (
    format_day,
    format_number,
    gettext,
    mark,
    translate,
)
from bargaining.presentation.wording import (
    Names,
    SummaryTable,
    by,
    count_of,
    free_text,
    known_word,
    word,
)

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


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _hits(e: Any) -> str:
    parts = [*e.sectors, *e.regions, *e.employers, *e.services]
    if e.units:
        parts.append(count_of(len(e.units), "named unit"))
    return ", ".join(parts)


@_summary(T.Registered)
def _threat_registered(e: Any, names: Names) -> str:
    behind = translate(", driven by {who}", who=", ".join(e.behind)) if e.behind else ""
    return _capital(translate("{kind} threat '{name}' of {on} registered {by}: hits "
                              "{hits}{behind}", kind=word(e.kind), name=e.name,
                              on=format_day(e.on), by=by(e.actor), hits=_hits(e),
                              behind=behind))


#: A threat's end, one whole line per outcome (a threat is feminine in French).
_OUTCOMES = {
    "withdrawn": mark("'{threat}' withdrawn on {on}, recorded {by}{flagged}"),
    "defeated": mark("'{threat}' defeated on {on}, recorded {by}{flagged}"),
    "passed": mark("'{threat}' passed on {on}, recorded {by}{flagged}"),
    "implemented": mark("'{threat}' implemented on {on}, recorded {by}{flagged}"),
}


@_summary(T.OutcomeRecorded)
def _threat_outcome(e: Any, names: Names) -> str:
    flagged = translate(" [flagged: {count}]", count=format_number(len(e.flags))) if (
        e.flags) else ""
    return translate(_OUTCOMES[e.outcome], threat=names(e.originator_id), on=format_day(e.on),
                     by=by(e.actor), flagged=flagged)


def _plan(plan: dict[str, Any]) -> str:
    return translate("answers {threats} with {actions}, {messages} on its checklist, {roles}",
                     threats=", ".join(word(kind) for kind in plan["answers"]),
                     actions=count_of(len(plan["actions"]), "action"),
                     messages=count_of(len(plan["checklist"]), "message"),
                     roles=count_of(len(plan["roles"]), "role"))


@_summary(P.Published)
def _template_published(e: Any, names: Names) -> str:
    return translate("Template '{name}' published {by} (version 1): {plan}", name=e.name,
                     by=by(e.actor), plan=_plan(e.plan))


@_summary(P.VersionPublished)
def _template_revised(e: Any, names: Names) -> str:
    return translate("Template '{name}' version {number} published {by}: {plan}",
                     name=names(e.originator_id), number=e.number, by=by(e.actor),
                     plan=_plan(e.plan))


@_summary(S.Proposed)
def _response_proposed(e: Any, names: Names) -> str:
    return translate("Response proposed {by} at {local} for {units}, from template "
                     "'{template}' version {version}: {why}", by=by(e.actor), local=e.local,
                     units=count_of(len(e.unit_ids), "unit"), template=e.template_name,
                     version=e.template_version, why=e.why)


@_summary(S.LaunchDecided)
def _launch_decided(e: Any, names: Names) -> str:
    return translate("Launch of the {response} from {on} decided {by}",
                     response=names(e.originator_id), on=format_day(e.on), by=by(e.actor))


@_summary(S.CampaignLaunched)
def _campaign_launched(e: Any, names: Names) -> str:
    return translate("The {response} launched campaign '{campaign}', recorded {by}",
                     response=names(e.originator_id), campaign=names(e.campaign_id),
                     by=by(e.actor))


@_summary(S.ActionsPlanned)
def _actions_planned(e: Any, names: Names) -> str:
    steps = "; ".join(translate("{action} on {on}", action=name, on=format_day(on))
                      for _, name, _, on in e.steps)
    return translate("The {response} planned {steps}, {by}", response=names(e.originator_id),
                     steps=steps, by=by(e.actor))


def _count(people: int | None, tally: Any) -> str:
    if tally is not None:
        return translate("{cast} ballots: {yes} yes, {no} no, {spoiled} spoiled",
                         cast=format_number(tally.cast), yes=format_number(tally.yes),
                         no=format_number(tally.no), spoiled=format_number(tally.spoiled))
    return count_of(people, "person") if people is not None else gettext("not counted")


@_summary(A.Recorded)
def _public_action(e: Any, names: Names) -> str:
    before = translate(" before {before}", before=e.before) if e.before else ""
    counted = "" if e.counted_on is None else translate(
        "; {count} as of {on}", count=_count(e.people, e.tally), on=format_day(e.counted_on))
    return _capital(translate("{kind} '{name}'{before} on {on} recorded {by}{counted}",
                              kind=known_word(e.kind), name=e.name, before=before,
                              on=format_day(e.on), by=by(e.actor), counted=counted))


@_summary(A.Counted)
def _counted(e: Any, names: Names) -> str:
    return translate("'{action}' counted on {on}: {count}, recorded {by}",
                     action=names(e.originator_id), on=format_day(e.on),
                     count=_count(e.people, e.tally), by=by(e.actor))


@_summary(M.Recorded)
def _message(e: Any, names: Names) -> str:
    impacts = "; ".join(translate("{count} {measure} in {where}", count=format_number(n),
                                  measure=word(m), where=w) for m, n, w in e.impacts)
    return translate("Message '{name}' to {audience} by {channel} on {on}, recorded {by}: "
                     "{impacts}", name=e.name, audience=e.audience,
                     channel=known_word(e.channel), on=format_day(e.on), by=by(e.actor),
                     impacts=impacts)


@_summary(W.Started)
def _tracking_started(e: Any, names: Names) -> str:
    return translate("The rapid response started, {by}", by=by(e.actor))


@_summary(W.Advanced)
def _tracking_advanced(e: Any, names: Names) -> str:
    return translate("The rapid response handled '{threat}' (log position {position}), {by}: "
                     "{note}", threat=names(e.threat_id), position=e.position, by=by(e.actor),
                     note=free_text(e.note))
