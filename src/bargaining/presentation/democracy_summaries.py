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
from bargaining.domain.shared.language import (
    format_day,
    format_number,
    gettext,
    plural,
    translate,
)
from bargaining.presentation.wording import (
    Names,
    SummaryTable,
    by,
    flagged,
    known_word,
    vote_text,
    word,
)

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
        return translate("the calendar of meetings of {year}", year=first_event.year)
    if isinstance(first_event, M.Held):
        return translate("the {body}'s meeting of {on}", body=first_event.body_name,
                         on=format_day(first_event.on))
    return None


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


# ----------------------------------------------------------------- bodies


@_summary(GB.Formed)
def _formed(e: Any, names: Names) -> str:
    return translate("Body '{name}' ({kind}) of {organization} formed {by}", name=e.name,
                     kind=word(e.kind.value), organization=e.organization, by=by(e.actor))


@_summary(GB.RoleAdded)
def _role_added(e: Any, names: Names) -> str:
    return translate("Role '{role}' added to '{body}' {by}, {seats}", role=e.role,
                     body=names(e.originator_id), by=by(e.actor),
                     seats=plural("{count} seat", "{count} seats", e.seats))


@_summary(GB.RoleFilled)
def _filled(e: Any, names: Names) -> str:
    term = (translate("from {starts}", starts=format_day(e.starts)) if e.ends is None else
            translate("from {starts} to {ends}", starts=format_day(e.starts),
                      ends=format_day(e.ends)))
    first = gettext(", a first role") if e.first_role else ""
    return translate("Role '{role}' of '{body}' filled by {how} {term} ({rank}{first}), "
                     "recorded {by}", role=e.role, body=names(e.originator_id),
                     how=word(e.filled_by.value), term=term, rank=word(e.rank.value),
                     first=first, by=by(e.actor))


@_summary(GB.TermEnded)
def _ended(e: Any, names: Names) -> str:
    return translate("A term in the role '{role}' of '{body}' ended on {on}, recorded {by}",
                     role=e.role, body=names(e.originator_id), on=format_day(e.on),
                     by=by(e.actor))


@_summary(GB.ReportsExpected)
def _expected(e: Any, names: Names) -> str:
    return translate("The role '{role}' of '{body}' to report '{what}' to {to_whom} every "
                     "{months} months from {starts}, set {by}", role=e.role,
                     body=names(e.originator_id), what=e.what, to_whom=e.to_whom,
                     months=format_number(e.every_months), starts=format_day(e.starts),
                     by=by(e.actor))


@_summary(GB.WorkPlanFiled)
def _plan(e: Any, names: Names) -> str:
    return translate("Work plan of the role '{role}' of '{body}' filed on {on}, recorded {by}",
                     role=e.role, body=names(e.originator_id), on=format_day(e.on),
                     by=by(e.actor))


@_summary(GB.ReportFiled)
def _report(e: Any, names: Names) -> str:
    return translate("Report '{what}' of the role '{role}' for the period ending {period_end} "
                     "filed on {on}, led by a {rank}, recorded {by}", what=e.what, role=e.role,
                     period_end=format_day(e.period_end), on=format_day(e.on),
                     rank=word(e.led_by_rank.value), by=by(e.actor))


_dated(GB.RoleFilled, lambda e: e.starts)
_dated(GB.TermEnded, lambda e: e.on)
_dated(GB.WorkPlanFiled, lambda e: e.on)
_dated(GB.ReportFiled, lambda e: e.on)


# ---------------------------------------------------------------- meetings


@_summary(MC.Opened)
def _calendar(e: Any, names: Names) -> str:
    return translate("Calendar of the meetings of '{body}' in {year} opened {by}",
                     body=names(e.body_id), year=e.year, by=by(e.actor))


@_summary(MC.MeetingListed)
def _listed(e: Any, names: Names) -> str:
    return translate("Meeting of {on} listed in its body's calendar {by}", on=format_day(e.on),
                     by=by(e.actor))


_dated(MC.MeetingListed, lambda e: e.on)


@_summary(M.Held)
def _held(e: Any, names: Names) -> str:
    camera = gettext(", in camera") if e.in_camera else ""
    place = "" if e.place is None else translate(" in {place}", place=e.place)
    return translate("Meeting of '{body}' held{place} on {on}{camera}: {notice} days of notice, "
                     "{present} of {eligible} present, recorded {by}", body=e.body_name,
                     place=place, on=format_day(e.on), camera=camera,
                     notice=format_number(e.notice_days), present=format_number(e.present),
                     eligible=format_number(e.eligible), by=by(e.actor)) + flagged(e.flags)


@_summary(M.MotionMoved)
def _moved(e: Any, names: Names) -> str:
    camera = gettext(" (in camera)") if e.in_camera else ""
    second = "" if e.seconder is None else gettext(", seconded")
    return translate("Motion {number} moved{second}{camera}, recorded {by}", number=e.number,
                     second=second, camera=camera, by=by(e.actor))


@_summary(M.MotionSeconded)
def _seconded(e: Any, names: Names) -> str:
    return translate("Motion {number} seconded, recorded {by}", number=e.number,
                     by=by(e.actor))


@_summary(M.MotionAmended)
def _amended(e: Any, names: Names) -> str:
    return translate("Amendment to motion {number} from the floor, recorded {by}: {vote}",
                     number=e.number, by=by(e.actor), vote=vote_text(e.vote))


@_summary(M.MotionDecided)
def _decided(e: Any, names: Names) -> str:
    return translate("Motion {number} decided, recorded {by}: {vote}", number=e.number,
                     by=by(e.actor), vote=vote_text(e.vote))


def _vote_day(e: Any) -> date:
    held: date = e.vote.held_on
    return held


_dated(M.Held, lambda e: e.on)
_dated(M.MotionAmended, _vote_day)
_dated(M.MotionDecided, _vote_day)


# --------------------------------------------------------------- documents


@_summary(D.Drafted)
def _drafted(e: Any, names: Names) -> str:
    return _capital(translate("{kind} '{title}' drafted, version 1 published on {on}, recorded "
                              "{by}", kind=known_word(e.kind.value), title=e.title,
                              on=format_day(e.on), by=by(e.actor)))


@_summary(D.VersionPublished)
def _published(e: Any, names: Names) -> str:
    return translate("New version of '{document}' published on {on} {by}",
                     document=names(e.originator_id), on=format_day(e.on), by=by(e.actor))


@_summary(D.AmendmentProposed)
def _proposed(e: Any, names: Names) -> str:
    line = translate("Amendment to version {version} of '{document}' moved on {on}, recorded "
                     "{by}", version=e.version, document=names(e.originator_id),
                     on=format_day(e.on), by=by(e.actor))
    return line + ("" if e.vote is None else translate(": {vote}", vote=vote_text(e.vote)))


@_summary(D.FeedbackGiven)
def _feedback(e: Any, names: Names) -> str:
    return translate("Feedback on version {version} of '{document}' given on {on}, recorded "
                     "{by}", version=e.version, document=names(e.originator_id),
                     on=format_day(e.on), by=by(e.actor))


@_summary(D.Adopted)
def _adopted(e: Any, names: Names) -> str:
    return translate("Version {version} of '{document}' adopted by motion {motion}, recorded "
                     "{by}: {vote}", version=e.version, document=names(e.originator_id),
                     motion=e.motion, by=by(e.actor), vote=vote_text(e.vote))


_dated(D.Drafted, lambda e: e.on)
_dated(D.VersionPublished, lambda e: e.on)
_dated(D.AmendmentProposed, lambda e: e.on)
_dated(D.FeedbackGiven, lambda e: e.on)
_dated(D.Adopted, _vote_day)
