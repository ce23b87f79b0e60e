"""Plain-language summaries of training, mentoring, call teams, field plans and activists'
roles. People are opaque ids: a summary counts them and never names them (a person's id is
the host's key, not what an organizer reads in history)."""

from __future__ import annotations

from typing import Any

from bargaining.domain.shared.language import (
    format_day,
    format_number,
    gettext,
    mark,
    plural,
    translate,
)
from bargaining.domain.training.call_teams import CallTeam
from bargaining.domain.training.plans import ActivistRole, FieldPlan, FieldPlanTemplate
from bargaining.domain.training.sessions import Mentoring, TrainingSession
from bargaining.presentation.wording import Names, SummaryTable, by, count_of

S: Any = TrainingSession
M: Any = Mentoring
T: Any = CallTeam
P: Any = FieldPlan
FT: Any = FieldPlanTemplate
A: Any = ActivistRole

#: The summaries and dates this module registers; ``summaries`` joins them with the others.
TABLE = SummaryTable()
_summary = TABLE.summary
_dated = TABLE.dated


def _people(number: int) -> str:
    return plural("{count} person", "{count} people", number)


def _of(local: str | None) -> str:
    return "" if local is None else translate(" of {local}", local=local)


@_summary(S.Held)
def _held(e: Any, names: Names) -> str:
    return translate("Training on '{topic}'{of} held on {on}: {people} trained, recorded {by}",
                     topic=e.topic, of=_of(e.local), on=format_day(e.on),
                     people=_people(len(e.trainees)), by=by(e.actor))


@_summary(S.TraineesAdded)
def _added(e: Any, names: Names) -> str:
    return translate("{people} trained at {session}, recorded {by}", people=plural(
        "{count} more person", "{count} more people", len(e.trainees)),
        session=names(e.originator_id), by=by(e.actor))


@_summary(M.Paired)
def _paired(e: Any, names: Names) -> str:
    return translate("Mentoring pair{of} from {starts}, recorded {by}", of=_of(e.local),
                     starts=format_day(e.starts), by=by(e.actor))


@_summary(M.Ended)
def _mentoring_ended(e: Any, names: Names) -> str:
    return translate("Mentoring ended on {on}, recorded {by}", on=format_day(e.on),
                     by=by(e.actor))


@_summary(T.Formed)
def _formed(e: Any, names: Names) -> str:
    return translate("Call team '{name}'{of} formed on {on} with {members}, recorded {by}",
                     name=e.name, of=_of(e.local), on=format_day(e.on),
                     members=count_of(len(e.members), "member"), by=by(e.actor))


@_summary(T.MemberJoined)
def _joined(e: Any, names: Names) -> str:
    return translate("A member joined '{team}' on {on}, recorded {by}",
                     team=names(e.originator_id), on=format_day(e.on), by=by(e.actor))


@_summary(T.MemberLeft)
def _left(e: Any, names: Names) -> str:
    return translate("A member left '{team}' on {on}, recorded {by}",
                     team=names(e.originator_id), on=format_day(e.on), by=by(e.actor))


@_summary(T.CallsRecorded)
def _calls(e: Any, names: Names) -> str:
    return translate("{calls} made, {reached} reached, on {on} by a member of '{team}', "
                     "recorded {by}", calls=count_of(e.made, "call"),
                     reached=format_number(e.reached), on=format_day(e.on),
                     team=names(e.originator_id), by=by(e.actor))


@_summary(FT.Drafted)
def _drafted(e: Any, names: Names) -> str:
    return translate("Field plan template '{name}' of {steps} drafted, recorded {by}",
                     name=e.name, steps=count_of(len(e.steps), "step"), by=by(e.actor))


@_summary(P.Adopted)
def _adopted(e: Any, names: Names) -> str:
    return translate("{local} adopted the field plan '{template}' on {on}, recorded {by}",
                     local=e.local, template=e.template, on=format_day(e.on),
                     by=by(e.actor))


@_summary(P.StepDone)
def _step(e: Any, names: Names) -> str:
    return translate("Step '{step}' of {plan} done on {on}, recorded {by}", step=e.step,
                     plan=names(e.originator_id), on=format_day(e.on), by=by(e.actor))


#: Stepping into a role, one whole line per rank (as released: "A elected officer").
_STEPPED_IN = {
    "rank-and-file member": mark("A rank-and-file member stepped into the role '{role}' in "
                                 "{local} on {on}{first}, recorded {by}"),
    "elected officer": mark("A elected officer stepped into the role '{role}' in {local} on "
                            "{on}{first}, recorded {by}"),
}


@_summary(A.SteppedIn)
def _stepped_in(e: Any, names: Names) -> str:
    first = gettext(", their first role") if e.first_role else ""
    return translate(_STEPPED_IN[e.rank.value], role=e.role, local=e.local,
                     on=format_day(e.on), first=first, by=by(e.actor))


@_summary(A.SteppedOut)
def _stepped_out(e: Any, names: Names) -> str:
    return translate("Stepped out of {role} on {on}, recorded {by}",
                     role=names(e.originator_id), on=format_day(e.on), by=by(e.actor))


for _cls in (S.Held, S.TraineesAdded, M.Ended, T.Formed, T.MemberJoined, T.MemberLeft,
             T.CallsRecorded, P.Adopted, P.StepDone, A.SteppedIn, A.SteppedOut):
    _dated(_cls, lambda e: e.on)
_dated(M.Paired, lambda e: e.starts)


def display_name(first_event: Any) -> str | None:
    """A training record's name in history (never a person's id)."""
    if isinstance(first_event, S.Held):
        return translate("the training on '{topic}' of {on}", topic=first_event.topic,
                         on=format_day(first_event.on))
    if isinstance(first_event, M.Paired):
        return translate("a mentoring pair{of}", of=_of(first_event.local))
    if isinstance(first_event, P.Adopted):
        return translate("the field plan '{template}' of {local}",
                         template=first_event.template, local=first_event.local)
    if isinstance(first_event, A.SteppedIn):
        return translate("the role '{role}' in {local}", role=first_event.role,
                         local=first_event.local)
    return None
