"""Plain-language summaries of training, mentoring, call teams, field plans and activists'
roles. People are opaque ids: a summary counts them and never names them (a person's id is
the host's key, not what an organizer reads in history)."""

from __future__ import annotations

from typing import Any

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


def _people(number: int, more: str = "") -> str:
    return f"{number:,} {more}{'person' if number == 1 else 'people'}"


def _of(local: str | None) -> str:
    return "" if local is None else f" of {local}"


@_summary(S.Held)
def _held(e: Any, names: Names) -> str:
    return (f"Training on '{e.topic}'{_of(e.local)} held on {e.on}: "
            f"{_people(len(e.trainees))} trained, recorded {by(e.actor)}")


@_summary(S.TraineesAdded)
def _added(e: Any, names: Names) -> str:
    return (f"{_people(len(e.trainees), 'more ')} trained at {names(e.originator_id)}, "
            f"recorded {by(e.actor)}")


@_summary(M.Paired)
def _paired(e: Any, names: Names) -> str:
    return f"Mentoring pair{_of(e.local)} from {e.starts}, recorded {by(e.actor)}"


@_summary(M.Ended)
def _mentoring_ended(e: Any, names: Names) -> str:
    return f"Mentoring ended on {e.on}, recorded {by(e.actor)}"


@_summary(T.Formed)
def _formed(e: Any, names: Names) -> str:
    return (f"Call team '{e.name}'{_of(e.local)} formed on {e.on} with "
            f"{count_of(len(e.members), 'member')}, recorded {by(e.actor)}")


@_summary(T.MemberJoined)
def _joined(e: Any, names: Names) -> str:
    return f"A member joined '{names(e.originator_id)}' on {e.on}, recorded {by(e.actor)}"


@_summary(T.MemberLeft)
def _left(e: Any, names: Names) -> str:
    return f"A member left '{names(e.originator_id)}' on {e.on}, recorded {by(e.actor)}"


@_summary(T.CallsRecorded)
def _calls(e: Any, names: Names) -> str:
    return (f"{count_of(e.made, 'call')} made, {e.reached:,} reached, on {e.on} by a member "
            f"of '{names(e.originator_id)}', recorded {by(e.actor)}")


@_summary(FT.Drafted)
def _drafted(e: Any, names: Names) -> str:
    return (f"Field plan template '{e.name}' of {count_of(len(e.steps), 'step')} drafted, "
            f"recorded {by(e.actor)}")


@_summary(P.Adopted)
def _adopted(e: Any, names: Names) -> str:
    return (f"{e.local} adopted the field plan '{e.template}' on {e.on}, recorded "
            f"{by(e.actor)}")


@_summary(P.StepDone)
def _step(e: Any, names: Names) -> str:
    return (f"Step '{e.step}' of {names(e.originator_id)} done on {e.on}, recorded "
            f"{by(e.actor)}")


@_summary(A.SteppedIn)
def _stepped_in(e: Any, names: Names) -> str:
    first = ", their first role" if e.first_role else ""
    return (f"A {e.rank.value} stepped into the role '{e.role}' in {e.local} on {e.on}"
            f"{first}, recorded {by(e.actor)}")


@_summary(A.SteppedOut)
def _stepped_out(e: Any, names: Names) -> str:
    return (f"Stepped out of {names(e.originator_id)} on {e.on}, recorded {by(e.actor)}")


for _cls in (S.Held, S.TraineesAdded, M.Ended, T.Formed, T.MemberJoined, T.MemberLeft,
             T.CallsRecorded, P.Adopted, P.StepDone, A.SteppedIn, A.SteppedOut):
    _dated(_cls, lambda e: e.on)
_dated(M.Paired, lambda e: e.starts)


def display_name(first_event: Any) -> str | None:
    """A training record's name in history (never a person's id)."""
    if isinstance(first_event, S.Held):
        return f"the training on '{first_event.topic}' of {first_event.on}"
    if isinstance(first_event, M.Paired):
        return f"a mentoring pair{_of(first_event.local)}"
    if isinstance(first_event, P.Adopted):
        return f"the field plan '{first_event.template}' of {first_event.local}"
    if isinstance(first_event, A.SteppedIn):
        return f"the role '{first_event.role}' in {first_event.local}"
    return None
