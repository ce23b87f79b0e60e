"""Plain-language history of bodies, meetings and documents: bodies formed, roles added and
filled, terms ended, reports expected and filed, work plans filed; meetings held (with their
flags), motions moved, seconded, amended and decided; documents drafted, published in versions,
amended, commented on and adopted. People appear by their opaque ids only, as recorded.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from bargaining.domain.democracy.body import GoverningBody
from bargaining.domain.democracy.calendar import MeetingCalendar
from bargaining.domain.democracy.document import Document
from bargaining.domain.democracy.meeting import Meeting
from bargaining.presentation.wording import Names, SummaryTable, by, vote_text

GB: Any = GoverningBody
M: Any = Meeting
D: Any = Document
MC: Any = MeetingCalendar

#: The summaries and dates this module registers; ``summaries`` joins them with the others.
TABLE = SummaryTable()
_summary = TABLE.summary
_dated = TABLE.dated


def display_name(first_event: Any) -> str | None:
    """A document's title, or a meeting as "the Executive board's meeting of 2024-02-10";
    ``None`` for other records (a body is named by its name, like most records)."""
    if isinstance(first_event, D.Drafted):
        title: str = first_event.title
        return title
    if isinstance(first_event, MC.Opened):
        return f"the calendar of meetings of {first_event.year}"
    if isinstance(first_event, M.Held):
        return f"the {first_event.body_name}'s meeting of {first_event.on}"
    return None


def _flagged(flags: Any) -> str:
    return "; flagged: " + "; ".join(f.rule.value for f in flags) if flags else ""


# ----------------------------------------------------------------- bodies


@_summary(GB.Formed)
def _formed(e: Any, names: Names) -> str:
    return f"Body '{e.name}' ({e.kind.value}) of {e.organization} formed {by(e.actor)}"


@_summary(GB.RoleAdded)
def _role_added(e: Any, names: Names) -> str:
    return (f"Role '{e.role}' added to '{names(e.originator_id)}' {by(e.actor)}, "
            f"{e.seats} {'seat' if e.seats == 1 else 'seats'}")


@_summary(GB.RoleFilled)
def _filled(e: Any, names: Names) -> str:
    term = f"from {e.starts}" + ("" if e.ends is None else f" to {e.ends}")
    first = ", a first role" if e.first_role else ""
    return (f"Role '{e.role}' of '{names(e.originator_id)}' filled by {e.filled_by.value} "
            f"{term} ({e.rank.value}{first}), recorded {by(e.actor)}")


@_summary(GB.TermEnded)
def _ended(e: Any, names: Names) -> str:
    return (f"A term in the role '{e.role}' of '{names(e.originator_id)}' ended on {e.on}, "
            f"recorded {by(e.actor)}")


@_summary(GB.ReportsExpected)
def _expected(e: Any, names: Names) -> str:
    return (f"The role '{e.role}' of '{names(e.originator_id)}' to report '{e.what}' to "
            f"{e.to_whom} every {e.every_months} months from {e.starts}, set {by(e.actor)}")


@_summary(GB.WorkPlanFiled)
def _plan(e: Any, names: Names) -> str:
    return (f"Work plan of the role '{e.role}' of '{names(e.originator_id)}' filed on {e.on}, "
            f"recorded {by(e.actor)}")


@_summary(GB.ReportFiled)
def _report(e: Any, names: Names) -> str:
    return (f"Report '{e.what}' of the role '{e.role}' for the period ending {e.period_end} "
            f"filed on {e.on}, led by a {e.led_by_rank.value}, recorded {by(e.actor)}")




_dated(GB.RoleFilled, lambda e: e.starts)
_dated(GB.TermEnded, lambda e: e.on)
_dated(GB.WorkPlanFiled, lambda e: e.on)
_dated(GB.ReportFiled, lambda e: e.on)


# ---------------------------------------------------------------- meetings


@_summary(MC.Opened)
def _calendar(e: Any, names: Names) -> str:
    return f"Calendar of the meetings of '{names(e.body_id)}' in {e.year} opened {by(e.actor)}"


@_summary(MC.MeetingListed)
def _listed(e: Any, names: Names) -> str:
    return f"Meeting of {e.on} listed in its body's calendar {by(e.actor)}"


_dated(MC.MeetingListed, lambda e: e.on)


@_summary(M.Held)
def _held(e: Any, names: Names) -> str:
    camera = ", in camera" if e.in_camera else ""
    place = "" if e.place is None else f" in {e.place}"
    return (f"Meeting of '{e.body_name}' held{place} on {e.on}{camera}: {e.notice_days} days of "
            f"notice, {e.present:,} of {e.eligible:,} present, recorded {by(e.actor)}"
            f"{_flagged(e.flags)}")


@_summary(M.MotionMoved)
def _moved(e: Any, names: Names) -> str:
    camera = " (in camera)" if e.in_camera else ""
    second = "" if e.seconder is None else ", seconded"
    return f"Motion {e.number} moved{second}{camera}, recorded {by(e.actor)}"


@_summary(M.MotionSeconded)
def _seconded(e: Any, names: Names) -> str:
    return f"Motion {e.number} seconded, recorded {by(e.actor)}"


@_summary(M.MotionAmended)
def _amended(e: Any, names: Names) -> str:
    return (f"Amendment to motion {e.number} from the floor, recorded {by(e.actor)}: "
            f"{vote_text(e.vote)}")


@_summary(M.MotionDecided)
def _decided(e: Any, names: Names) -> str:
    return f"Motion {e.number} decided, recorded {by(e.actor)}: {vote_text(e.vote)}"


def _vote_day(e: Any) -> date:
    held: date = e.vote.held_on
    return held


_dated(M.Held, lambda e: e.on)
_dated(M.MotionAmended, _vote_day)
_dated(M.MotionDecided, _vote_day)


# --------------------------------------------------------------- documents


@_summary(D.Drafted)
def _drafted(e: Any, names: Names) -> str:
    return (f"{e.kind.value.capitalize()} '{e.title}' drafted, version 1 published on {e.on}, "
            f"recorded {by(e.actor)}")


@_summary(D.VersionPublished)
def _published(e: Any, names: Names) -> str:
    return f"New version of '{names(e.originator_id)}' published on {e.on} {by(e.actor)}"


@_summary(D.AmendmentProposed)
def _proposed(e: Any, names: Names) -> str:
    line = (f"Amendment to version {e.version} of '{names(e.originator_id)}' moved on {e.on}, "
            f"recorded {by(e.actor)}")
    return line + ("" if e.vote is None else f": {vote_text(e.vote)}")


@_summary(D.FeedbackGiven)
def _feedback(e: Any, names: Names) -> str:
    return (f"Feedback on version {e.version} of '{names(e.originator_id)}' given on {e.on}, "
            f"recorded {by(e.actor)}")


@_summary(D.Adopted)
def _adopted(e: Any, names: Names) -> str:
    return (f"Version {e.version} of '{names(e.originator_id)}' adopted by motion {e.motion}, "
            f"recorded {by(e.actor)}: {vote_text(e.vote)}")


_dated(D.Drafted, lambda e: e.on)
_dated(D.VersionPublished, lambda e: e.on)
_dated(D.AmendmentProposed, lambda e: e.on)
_dated(D.FeedbackGiven, lambda e: e.on)
_dated(D.Adopted, _vote_day)
