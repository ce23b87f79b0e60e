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
from bargaining.domain.shared.shares import show_percent
from bargaining.presentation.wording import Names, SummaryTable, by, count_of

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
    return (f"Area team '{e.name}' formed for the {e.kind.value} {e.area} on {e.on} "
            f"{by(e.actor)}")


@_summary(T.MemberJoined)
def _joined(e: Any, names: Names) -> str:
    article = "an" if e.role.value[0] in "aeiou" else "a"
    return (f"{article} {e.role.value} ({e.person}) joined the area team "
            f"'{names(e.originator_id)}' on {e.on}, recorded {by(e.actor)}")


@_summary(T.MemberLeft)
def _left(e: Any, names: Names) -> str:
    return (f"a member ({e.person}) left the area team '{names(e.originator_id)}' on {e.on}, "
            f"recorded "
            f"{by(e.actor)}")


@_summary(T.LocalSupported)
def _local(e: Any, names: Names) -> str:
    return (f"'{names(e.originator_id)}' supports {e.local} from {e.on}, recorded "
            f"{by(e.actor)}")


@_summary(T.LocalSupportEnded)
def _local_ended(e: Any, names: Names) -> str:
    return (f"'{names(e.originator_id)}' stopped supporting {e.local} on {e.on}, recorded "
            f"{by(e.actor)}")


@_summary(T.WorkplaceSupported, W.TeamSupportBegan)
def _workplace(e: Any, names: Names) -> str:
    team, place = _pair(e)
    return f"'{names(team)}' supports {names(place)} from {e.on}, recorded {by(e.actor)}"


@_summary(T.WorkplaceSupportEnded, W.TeamSupportEnded)
def _workplace_ended(e: Any, names: Names) -> str:
    team, place = _pair(e)
    return (f"'{names(team)}' stopped supporting {names(place)} on {e.on}, recorded "
            f"{by(e.actor)}")


def _pair(e: Any) -> tuple[Any, Any]:
    """(team, workplace) of a support event, recorded on either."""
    if hasattr(e, "workplace"):
        return e.originator_id, e.workplace
    return e.team, e.originator_id


@_summary(W.Registered)
def _registered(e: Any, names: Names) -> str:
    where = ", ".join(x for x in (e.region, e.sector) if x)
    line = f"Workplace {e.name} of {e.employer} registered {by(e.actor)}"
    if where:
        line += f" ({where})"
    if e.unit is not None:
        line += f"; its bargaining unit is {names(e.unit)}"
    return line


@_summary(W.WorkGroupAdded)
def _group(e: Any, names: Names) -> str:
    return (f"Work group {e.name} ({e.kind}) of {names(e.originator_id)} added on {e.on} "
            f"with {count_of(e.workers, 'worker')}, recorded {by(e.actor)}")


@_summary(W.MapRecorded)
def _mapped(e: Any, names: Names) -> str:
    c = e.count
    support = ", ".join(f"{n:,} at {score}" for score, n in enumerate(c.support, start=1) if n)
    line = (f"{e.group} of {names(e.originator_id)} mapped on {e.on}: {c.mapped:,} of "
            f"{count_of(c.workers, 'worker')} ({show_percent(c.mapped_percent)}), "
            f"{count_of(c.contacts, 'contact')}, {count_of(c.leaders, 'leader')} identified")
    if support:
        line += f"; support {support}"
    return f"{line}, recorded {by(e.actor)}"


@_summary(W.LeaderIdentified)
def _identified(e: Any, names: Names) -> str:
    held = ", with personal data recorded" if e.personal is not None else ""
    return (f"a possible leader ({e.person}) of {e.group} at {names(e.originator_id)} "
            f"identified on {e.on}{held}, recorded {by(e.actor)}")


@_summary(W.TestHeld)
def _tested(e: Any, names: Names) -> str:
    t = e.test
    line = f"{t.group} at {names(e.originator_id)}, {t.on}: {t.describe()}"
    if t.leader is not None:
        line += f", led by {t.leader}" + (" (proven)" if t.passed else "")
    return f"{line}, recorded {by(e.actor)}"


@_summary(W.LeadersTookPart)
def _took_part(e: Any, names: Names) -> str:
    return (f"{count_of(len(e.people), 'leader')} of {names(e.originator_id)} took part in "
            f"{e.activity} on {e.on} ({', '.join(e.people)}), recorded {by(e.actor)}")


@_summary(W.LeaderLeft)
def _leader_left(e: Any, names: Names) -> str:
    return (f"a leader ({e.person}) of {names(e.originator_id)} left on {e.on}, recorded "
            f"{by(e.actor)}")


def goal_text(goal: PlanGoal, names: Names) -> str:
    """'map 80% of DXT4 (Amazon) by 2024-03-01'."""
    place = names(goal.workplace)
    if goal.kind is PlanGoalKind.MAP:
        line = f"map {goal.target}% of {place}"
    elif goal.kind is PlanGoalKind.LEADERS:
        line = f"one leader per {goal.target} workers in every work group of {place}"
    else:
        line = f"a petition signed by {goal.target}% in every work group of {place}"
    return line if goal.by is None else f"{line} by {goal.by}"


@_summary(P.Adopted)
def _plan_adopted(e: Any, names: Names) -> str:
    goals = "; ".join(goal_text(g, names) for g in e.goals) or "no goal yet"
    return (f"{e.local} adopted the organizing plan '{e.name}' on {e.on} ({goals}), "
            f"recorded {by(e.actor)}")


@_summary(P.GoalAdded)
def _goal_added(e: Any, names: Names) -> str:
    return (f"{names(e.originator_id)} gained a goal on {e.on}: {goal_text(e.goal, names)}, "
            f"recorded {by(e.actor)}")


@_summary(P.Ended)
def _plan_ended(e: Any, names: Names) -> str:
    return f"{names(e.originator_id)} ended on {e.on}, recorded {by(e.actor)}"


for _cls in (P.Adopted, P.GoalAdded, P.Ended, T.Formed, T.MemberJoined, T.MemberLeft,
             T.LocalSupported, T.LocalSupportEnded,
             T.WorkplaceSupported, T.WorkplaceSupportEnded, W.TeamSupportBegan,
             W.TeamSupportEnded, W.WorkGroupAdded, W.MapRecorded, W.LeaderIdentified,
             W.LeadersTookPart, W.LeaderLeft):
    _dated(_cls, lambda e: e.on)
_dated(W.TestHeld, lambda e: e.test.on)
