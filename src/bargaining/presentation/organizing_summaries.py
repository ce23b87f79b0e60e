"""Plain-language summaries of the organizer network: area teams (formed, members joining and
leaving, locals and workplaces supported), workplaces (registered, work groups added, maps
counted, leaders identified, structure tests held, leaders taking part or leaving).

People appear only as the opaque ids the host gives: a line never shows what
:class:`~bargaining.domain.shared.personal.PersonalData` holds (a name, an assessment), only
that something about the person is recorded.
"""

from __future__ import annotations

from typing import Any

from bargaining.domain.organizing.plans import OrganizingPlan, PlanGoal, PlanGoalKind
from bargaining.domain.organizing.team import AreaTeam
from bargaining.domain.organizing.workplace import Workplace
from bargaining.domain.shared.language import (
    format_day,
    format_number,
    format_percent,
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

T: Any = AreaTeam
W: Any = Workplace
P: Any = OrganizingPlan

#: The summaries and dates this module registers; ``summaries`` joins them with the others.
TABLE = SummaryTable()
_summary = TABLE.summary
_dated = TABLE.dated


def display_name(first_event: Any) -> str | None:
    """A team's or workplace's display name, from its first event."""
    if isinstance(first_event, T.Formed):
        return str(first_event.name)
    if isinstance(first_event, W.Registered):
        return f"{first_event.name} ({first_event.employer})"
    if isinstance(first_event, P.Adopted):
        return f"the plan '{first_event.name}' of {first_event.local}"
    return None


@_summary(T.Formed)
def _formed(e: Any, names: Names) -> str:
    return translate("Area team '{name}' formed for the {kind} {area} on {on} {by}",
                     name=e.name, kind=word(e.kind.value), area=e.area, on=format_day(e.on),
                     by=by(e.actor))


#: A member joining a team, one whole line per role.
_JOINED = {
    "organizer": mark("an organizer ({person}) joined the area team '{team}' on {on}, "
                      "recorded {by}"),
    "volunteer": mark("a volunteer ({person}) joined the area team '{team}' on {on}, "
                      "recorded {by}"),
}


@_summary(T.MemberJoined)
def _joined(e: Any, names: Names) -> str:
    return translate(_JOINED[e.role.value], person=e.person, team=names(e.originator_id),
                     on=format_day(e.on), by=by(e.actor))


@_summary(T.MemberLeft)
def _left(e: Any, names: Names) -> str:
    return translate("a member ({person}) left the area team '{team}' on {on}, recorded {by}",
                     person=e.person, team=names(e.originator_id), on=format_day(e.on),
                     by=by(e.actor))


@_summary(T.LocalSupported)
def _local(e: Any, names: Names) -> str:
    return translate("'{team}' supports {local} from {on}, recorded {by}",
                     team=names(e.originator_id), local=e.local, on=format_day(e.on),
                     by=by(e.actor))


@_summary(T.LocalSupportEnded)
def _local_ended(e: Any, names: Names) -> str:
    return translate("'{team}' stopped supporting {local} on {on}, recorded {by}",
                     team=names(e.originator_id), local=e.local, on=format_day(e.on),
                     by=by(e.actor))


@_summary(T.WorkplaceSupported, W.TeamSupportBegan)
def _workplace(e: Any, names: Names) -> str:
    team, place = _pair(e)
    return translate("'{team}' supports {local} from {on}, recorded {by}", team=names(team),
                     local=names(place), on=format_day(e.on), by=by(e.actor))


@_summary(T.WorkplaceSupportEnded, W.TeamSupportEnded)
def _workplace_ended(e: Any, names: Names) -> str:
    team, place = _pair(e)
    return translate("'{team}' stopped supporting {local} on {on}, recorded {by}",
                     team=names(team), local=names(place), on=format_day(e.on),
                     by=by(e.actor))


def _pair(e: Any) -> tuple[Any, Any]:
    """(team, workplace) of a support event, recorded on either."""
    if hasattr(e, "workplace"):
        return e.originator_id, e.workplace
    return e.team, e.originator_id


@_summary(W.Registered)
def _registered(e: Any, names: Names) -> str:
    where = ", ".join(x for x in (e.region, e.sector) if x)
    line = translate("Workplace {name} of {employer} registered {by}", name=e.name,
                     employer=e.employer, by=by(e.actor))
    if where:
        line += f" ({where})"
    if e.unit is not None:
        line += translate("; its bargaining unit is {unit}", unit=names(e.unit))
    return line


@_summary(W.WorkGroupAdded)
def _group(e: Any, names: Names) -> str:
    return translate("Work group {name} ({kind}) of {workplace} added on {on} with {workers}, "
                     "recorded {by}", name=e.name, kind=known_word(e.kind),
                     workplace=names(e.originator_id), on=format_day(e.on),
                     workers=count_of(e.workers, "worker"), by=by(e.actor))


@_summary(W.MapRecorded)
def _mapped(e: Any, names: Names) -> str:
    c = e.count
    support = ", ".join(translate("{count} at {score}", count=format_number(n), score=score)
                        for score, n in enumerate(c.support, start=1) if n)
    line = translate("{group} of {workplace} mapped on {on}: {mapped} of {workers} ({share}), "
                     "{contacts}, {leaders} identified", group=e.group,
                     workplace=names(e.originator_id), on=format_day(e.on),
                     mapped=format_number(c.mapped), workers=count_of(c.workers, "worker"),
                     share=format_percent(c.mapped_percent),
                     contacts=count_of(c.contacts, "contact"),
                     leaders=count_of(c.leaders, "leader"))
    if support:
        line += translate("; support {support}", support=support)
    return translate("{line}, recorded {by}", line=line, by=by(e.actor))


@_summary(W.LeaderIdentified)
def _identified(e: Any, names: Names) -> str:
    held = gettext(", with personal data recorded") if e.personal is not None else ""
    return translate("a possible leader ({person}) of {group} at {workplace} identified on "
                     "{on}{held}, recorded {by}", person=e.person, group=e.group,
                     workplace=names(e.originator_id), on=format_day(e.on), held=held,
                     by=by(e.actor))


@_summary(W.TestHeld)
def _tested(e: Any, names: Names) -> str:
    t = e.test
    verdict = gettext("passed") if t.passed else gettext("failed")
    result = translate("{kind}: {participants} of {eligible} ({share}) against {threshold}, "
                       "{verdict}", kind=known_word(t.kind),
                       participants=format_number(t.participants),
                       eligible=format_number(t.eligible), share=format_percent(t.turnout),
                       threshold=format_percent(t.threshold), verdict=verdict)
    line = f"{t.group} at {names(e.originator_id)}, {format_day(t.on)}: {result}"
    if t.leader is not None:
        line += (translate(", led by {leader} (proven)", leader=t.leader) if t.passed
                 else translate(", led by {leader}", leader=t.leader))
    return translate("{line}, recorded {by}", line=line, by=by(e.actor))


@_summary(W.LeadersTookPart)
def _took_part(e: Any, names: Names) -> str:
    return translate("{leaders} of {workplace} took part in {activity} on {on} ({people}), "
                     "recorded {by}", leaders=count_of(len(e.people), "leader"),
                     workplace=names(e.originator_id), activity=free_text(e.activity),
                     on=format_day(e.on), people=", ".join(e.people), by=by(e.actor))


@_summary(W.LeaderLeft)
def _leader_left(e: Any, names: Names) -> str:
    return translate("a leader ({person}) of {workplace} left on {on}, recorded {by}",
                     person=e.person, workplace=names(e.originator_id), on=format_day(e.on),
                     by=by(e.actor))


def goal_text(goal: PlanGoal, names: Names) -> str:
    """'map 80% of DXT4 (Amazon) by 2024-03-01', in the reader's language."""
    place = names(goal.workplace)
    if goal.kind is PlanGoalKind.MAP:
        line = translate("map {target} of {workplace}", target=format_percent(goal.target),
                         workplace=place)
    elif goal.kind is PlanGoalKind.LEADERS:
        line = translate("one leader per {target} workers in every work group of {workplace}",
                         target=format_number(goal.target), workplace=place)
    else:
        line = translate("a petition signed by {target} in every work group of {workplace}",
                         target=format_percent(goal.target), workplace=place)
    if goal.by is None:
        return line
    return translate("{goal} by {day}", goal=line, day=format_day(goal.by))


@_summary(P.Adopted)
def _plan_adopted(e: Any, names: Names) -> str:
    goals = "; ".join(goal_text(g, names) for g in e.goals) or gettext("no goal yet")
    return translate("{local} adopted the organizing plan '{name}' on {on} ({goals}), "
                     "recorded {by}", local=e.local, name=e.name, on=format_day(e.on),
                     goals=goals, by=by(e.actor))


@_summary(P.GoalAdded)
def _goal_added(e: Any, names: Names) -> str:
    return translate("{plan} gained a goal on {on}: {goal}, recorded {by}",
                     plan=names(e.originator_id), on=format_day(e.on),
                     goal=goal_text(e.goal, names), by=by(e.actor))


@_summary(P.Ended)
def _plan_ended(e: Any, names: Names) -> str:
    return translate("{plan} ended on {on}, recorded {by}", plan=names(e.originator_id),
                     on=format_day(e.on), by=by(e.actor))


for _cls in (P.Adopted, P.GoalAdded, P.Ended, T.Formed, T.MemberJoined, T.MemberLeft,
             T.LocalSupported, T.LocalSupportEnded,
             T.WorkplaceSupported, T.WorkplaceSupportEnded, W.TeamSupportBegan,
             W.TeamSupportEnded, W.WorkGroupAdded, W.MapRecorded, W.LeaderIdentified,
             W.LeadersTookPart, W.LeaderLeft):
    _dated(_cls, lambda e: e.on)
_dated(W.TestHeld, lambda e: e.test.on)
