"""Commands and queries on member democracy: bodies and their roles, accountability, meetings
and motions, documents, and the decisions members read.

``app.democracy`` is a :class:`Democracy`. Every command names its actor and takes an optional
reason; a refused command records nothing. People (holders, movers, seconders, who led a
report) are named by the opaque ids the host gives, never by name: they are personal data.
Reads take ``on`` (a real-world day: as it was then) or ``at`` (a moment of recording: as it
was known then), one at most.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime
from uuid import UUID

from bargaining.application.named_records import already_recorded, recorded_id
from bargaining.application.ports import Records
from bargaining.application.time_travel import load_reading
from bargaining.domain.democracy.account import AccountabilityReport, accountability
from bargaining.domain.democracy.accountability import ReportDue
from bargaining.domain.democracy.body import BODY_NAMESPACE, GoverningBody, body_words
from bargaining.domain.democracy.calendar import MeetingCalendar, calendar_id
from bargaining.domain.democracy.decisions import (
    AdoptedDocument,
    Decision,
    InCamera,
    decisions_of,
    in_camera,
)
from bargaining.domain.democracy.document import Document
from bargaining.domain.democracy.meeting import Meeting
from bargaining.domain.democracy.roles import Holding
from bargaining.domain.shared.actor import Actor
from bargaining.domain.shared.dates import require_date
from bargaining.domain.shared.errors import InvalidInput, RecordNotFound, RuleViolation, term
from bargaining.domain.shared.language import Language, reading_in
from bargaining.domain.shared.record_ids import PUBLIC_IDS, RecordIds
from bargaining.domain.shared.vote import Quorum, Vote
from bargaining.presentation.decision_texts import (
    accountability_text,
    decisions_text,
    in_camera_text,
)

_BODY, _MEETING, _DOCUMENT = "body", "meeting", "document"
_CALENDAR = "calendar of meetings"


def _period(starts: date, ends: date) -> tuple[date, date]:
    first = require_date(starts, term("first day of the period"))
    last = require_date(ends, term("last day of the period"))
    if last < first:
        raise InvalidInput.worded("a period cannot end ({last}) before it starts ({first})",
                                  last=last, first=first)
    return first, last


class Democracy:
    """Bodies, roles, accountability, meetings, motions, documents and decisions."""

    def __init__(self, records: Records, ids: RecordIds = PUBLIC_IDS) -> None:
        self._records = records
        self._ids = ids

    # ------------------------------------------------------------------ bodies

    def body_id(self, organization: str, name: str) -> UUID:
        """The id of a body, derived from its organization and name: the public one (see
        :func:`~bargaining.domain.democracy.body.body_id`) on a store without encryption,
        a keyed one on an encrypted store (a body formed before keyed ids keeps its own)."""
        return recorded_id(self._records, self._ids, BODY_NAMESPACE,
                           body_words(organization, name))

    def form_body(self, *, organization: str, name: str, kind: object, notice_days: int = 0,
                  quorum: Quorum | None = None, actor: Actor,
                  reason: str | None = None) -> UUID:
        """A body of ``organization`` (a :class:`BodyType`); its meetings need
        ``notice_days`` of notice and, if given, a quorum. Returns its id."""
        body = GoverningBody.form(organization=organization, name=name, kind=kind,
                                  notice_days=notice_days, quorum=quorum, actor=actor,
                                  reason=reason, ids=self._ids)
        if already_recorded(self._records, self._ids, BODY_NAMESPACE,
                            body_words(body.organization, body.name)):
            raise RuleViolation.worded("{organization} already has a body named '{body}'",
                                       organization=body.organization, body=body.name)
        self._records.save(body)
        return body.id

    def add_role(self, body: UUID, *, name: str, seats: int = 1, actor: Actor,
                 reason: str | None = None) -> None:
        """A role of the body that ``seats`` people may hold at once (one by default)."""
        self._change(body, lambda b: b.add_role(name=name, seats=seats, actor=actor,
                                                reason=reason))

    def fill_role(self, body: UUID, *, role: str, person: str, starts: date,
                  ends: date | None = None, filled_by: object, rank: object,
                  first_role: bool, actor: Actor, reason: str | None = None) -> None:
        """``person`` (an opaque id) holds ``role`` from ``starts`` to ``ends``, filled by
        a :class:`FilledBy`, a :class:`Rank`; ``first_role`` if it is their first. Refused
        when the role would have more holders on some day than it has seats."""
        self._change(body, lambda b: b.fill(
            role=role, person=person, starts=starts, ends=ends, filled_by=filled_by,
            rank=rank, first_role=first_role, actor=actor, reason=reason))

    def end_term(self, body: UUID, *, role: str, person: str, on: date, actor: Actor,
                 reason: str | None = None) -> None:
        """``person``'s term in ``role`` ended on ``on``, their last day in it."""
        self._change(body, lambda b: b.end_term(role=role, person=person, on=on,
                                                actor=actor, reason=reason))

    def body(self, body: UUID, *, on: date | None = None, at: datetime | None = None,
             version: int | None = None) -> GoverningBody:
        """A body as recorded, or as it was on a day, known at a moment, or at a version."""
        return load_reading(self._records, body, GoverningBody, _BODY, on=on, at=at,
                            version=version)

    def holders(self, body: UUID, *, on: date, role: str | None = None,
                at: datetime | None = None) -> list[Holding]:
        """Who held a role (or every role) on ``on``, as known now or at a moment."""
        found = self.body(body, at=at)
        day = require_date(on, term("day to read the holders on"))
        return found.held_on(day) if role is None else found.holders(role, day)

    # ---------------------------------------------------------- accountability

    def expect_reports(self, body: UUID, *, role: str, what: str, to_whom: str,
                       every_months: int, starts: date, grace_days: int = 30, actor: Actor,
                       reason: str | None = None) -> None:
        """The role reports ``what`` to ``to_whom`` every ``every_months`` months from
        ``starts``, each report due ``grace_days`` after its period ends."""
        self._change(body, lambda b: b.expect_reports(
            role=role, what=what, to_whom=to_whom, every_months=every_months, starts=starts,
            grace_days=grace_days, actor=actor, reason=reason))

    def file_work_plan(self, body: UUID, *, role: str, person: str, on: date, where: str,
                       actor: Actor, reason: str | None = None) -> None:
        """A holder of ``role`` filed a work plan on ``on``, found at ``where``."""
        self._change(body, lambda b: b.file_work_plan(role=role, person=person, on=on,
                                                      where=where, actor=actor, reason=reason))

    def file_report(self, body: UUID, *, role: str, what: str, period_end: date, on: date,
                    led_by: str, led_by_rank: object, where: str, actor: Actor,
                    reason: str | None = None) -> None:
        """The report of ``what`` for the period ending ``period_end`` filed on ``on``, led
        by ``led_by`` (an opaque id) of a :class:`Rank`, found at ``where``."""
        self._change(body, lambda b: b.file_report(
            role=role, what=what, period_end=period_end, on=on, led_by=led_by,
            led_by_rank=led_by_rank, where=where, actor=actor, reason=reason))

    def reports(self, body: UUID, *, on: date, role: str | None = None,
                at: datetime | None = None) -> list[ReportDue]:
        """Each ended period's report as it stood on ``on`` (filed on time, late, overdue
        with its flag, or not yet due), for one role or all; as known now or at a moment."""
        day = require_date(on, term("day to read the reports on"))
        return self.body(body, at=at).report_states(day, role)

    def accountability(self, body: UUID, *, starts: date, ends: date, on: date | None = None,
                       at: datetime | None = None) -> AccountabilityReport:
        """The body's accountability for a period as it stood on ``on`` (the period's last
        day unless given), as known now or at a moment."""
        first, last = _period(starts, ends)
        day = last if on is None else require_date(on, term("day to read the reports on"))
        return accountability(self.body(body, at=at), first, last, day)

    def accountability_summary(self, body: UUID, *, starts: date, ends: date,
                               on: date | None = None, at: datetime | None = None,
                               language: Language | str | None = None) -> str:
        """The accountability report in plain language (in ``language``, else the reader's)."""
        report = self.accountability(body, starts=starts, ends=ends, on=on, at=at)
        with reading_in(language):
            return accountability_text(report)

    # ---------------------------------------------------------------- meetings

    def hold_meeting(self, body: UUID, *, on: date, notice_days: int, present: int,
                     eligible: int, in_camera: bool = False, place: str | None = None,
                     actor: Actor, reason: str | None = None) -> UUID:
        """The body met on ``on`` after ``notice_days`` of notice, ``present`` of its
        ``eligible`` voting members there, wholly ``in_camera`` or not, at ``place``
        (a city, a hall) if given. Always recorded;
        flagged for short notice or a missing quorum (``meeting(id).flags``). Returns the
        meeting's id."""
        meeting = Meeting.hold(body=self.body(body), on=on, notice_days=notice_days,
                               present=present, eligible=eligible, in_camera=in_camera,
                               place=place, actor=actor, reason=reason)
        listed = calendar_id(meeting.body_id, meeting.on.year)
        if self._records.contains(listed):
            calendar = self._records.load(listed, MeetingCalendar, _CALENDAR)
        else:
            calendar = MeetingCalendar.open(body_id=meeting.body_id, year=meeting.on.year,
                                            actor=actor)
        calendar.list_meeting(meeting=meeting.id, on=meeting.on, actor=actor)
        self._records.save(meeting, calendar)
        return meeting.id

    def move(self, meeting: UUID, *, text: str, mover: str, seconder: str | None = None,
             in_camera: bool = False, document: UUID | None = None,
             document_version: int | None = None, actor: Actor,
             reason: str | None = None) -> int:
        """A motion moved by ``mover`` (an opaque id); returns its number in the meeting.
        ``document`` and ``document_version`` name the document version it adopts."""
        found = self.meeting(meeting)
        if document is not None and document_version is not None:
            self.document(document).numbered(document_version)  # it exists, in that version
        number = found.move(text=text, mover=mover, seconder=seconder, in_camera=in_camera,
                            document=document, document_version=document_version,
                            actor=actor, reason=reason)
        self._records.save(found)
        return number

    def second(self, meeting: UUID, number: int, *, seconder: str, actor: Actor,
               reason: str | None = None) -> None:
        """``seconder`` (an opaque id) seconded the motion."""
        found = self.meeting(meeting)
        found.second(number, seconder=seconder, actor=actor, reason=reason)
        self._records.save(found)

    def amend(self, meeting: UUID, number: int, *, text: str, mover: str, vote: Vote,
              actor: Actor, reason: str | None = None) -> bool:
        """An amendment from the floor making the motion read ``text``, decided by ``vote``
        of the meeting's body. Returns whether it carried."""
        found = self.meeting(meeting)
        carried = found.amend(number, text=text, mover=mover, vote=vote, actor=actor,
                              reason=reason)
        self._records.save(found)
        return carried

    def decide(self, meeting: UUID, number: int, *, vote: Vote, actor: Actor,
               reason: str | None = None) -> bool:
        """The meeting's body decided the motion by ``vote`` (named for the body:
        ``body=app.democracy.body(id).voting_body``). Returns whether it carried."""
        found = self.meeting(meeting)
        carried = found.decide(number, vote=vote, actor=actor, reason=reason)
        self._records.save(found)
        return carried

    def meeting(self, meeting: UUID, *, on: date | None = None, at: datetime | None = None,
                version: int | None = None) -> Meeting:
        """A meeting as recorded, or as it was on a day, known at a moment, or at a
        version."""
        return load_reading(self._records, meeting, Meeting, _MEETING, on=on, at=at,
                            version=version)

    # --------------------------------------------------------------- documents

    def draft_document(self, body: UUID, *, title: str, kind: object, on: date, where: str,
                       actor: Actor, reason: str | None = None) -> UUID:
        """A document (a :class:`DocumentKind`) for the body: version 1, published on
        ``on`` at ``where``. Returns its id."""
        document = Document.draft(body=self.body(body), title=title, kind=kind, on=on,
                                  where=where, actor=actor, reason=reason)
        self._records.save(document)
        return document.id

    def publish_version(self, document: UUID, *, on: date, where: str,
                        note: str | None = None, actor: Actor,
                        reason: str | None = None) -> int:
        """A new version of the document; returns its number."""
        found = self.document(document)
        number = found.publish(on=on, where=where, note=note, actor=actor, reason=reason)
        self._records.save(found)
        return number

    def propose_amendment(self, document: UUID, *, version: int, text: str, mover: str,
                          on: date, vote: Vote | None = None, actor: Actor,
                          reason: str | None = None) -> None:
        """An amendment to a version, in writing or from the floor with its ``vote``."""
        found = self.document(document)
        found.propose_amendment(version=version, text=text, mover=mover, on=on, vote=vote,
                                actor=actor, reason=reason)
        self._records.save(found)

    def give_feedback(self, document: UUID, *, version: int, given_by: str, on: date,
                      text: str, actor: Actor, reason: str | None = None) -> None:
        """Feedback on a version from a person (an opaque id) or a group."""
        found = self.document(document)
        found.give_feedback(version=version, given_by=given_by, on=on, text=text,
                            actor=actor, reason=reason)
        self._records.save(found)

    def adopt_document(self, document: UUID, *, meeting: UUID, motion: int, actor: Actor,
                       reason: str | None = None) -> None:
        """The carried ``motion`` of ``meeting``, naming this document's version, adopted
        it; refused otherwise."""
        found = self.document(document)
        found.adopt(meeting=self.meeting(meeting), motion=motion, actor=actor, reason=reason)
        self._records.save(found)

    def document(self, document: UUID, *, on: date | None = None, at: datetime | None = None,
                 version: int | None = None) -> Document:
        """A document as recorded, or as it was on a day, known at a moment, or at a
        version."""
        return load_reading(self._records, document, Document, _DOCUMENT, on=on, at=at,
                            version=version)

    # --------------------------------------------------------------- decisions

    def decisions(self, body: UUID, *, starts: date, ends: date, on: date | None = None,
                  at: datetime | None = None) -> list[Decision]:
        """Every decision of the body's meetings from ``starts`` to ``ends``, oldest first:
        as recorded, as it was on a day, or as known at a moment."""
        first, last = _period(starts, ends)
        self.body(body, on=on, at=at)
        decided: list[Decision] = []
        for _day, meeting_id in self.meetings(body, starts=first, ends=last, on=on, at=at):
            meeting = self.meeting(meeting_id, on=on, at=at)
            decided += decisions_of(meeting, self._documents(meeting, on, at))
        return sorted((d for d in decided if first <= d.on <= last),
                      key=lambda d: (d.on, str(d.meeting), d.number))

    def meetings(self, body: UUID, *, starts: date, ends: date, on: date | None = None,
                 at: datetime | None = None) -> list[tuple[date, UUID]]:
        """The body's meetings from ``starts`` to ``ends``, as (day, meeting id), by day:
        read from its calendars of those years only."""
        first, last = _period(starts, ends)
        if not isinstance(body, UUID):
            raise InvalidInput.worded("a body is named by its id (a UUID), not {body}",
                                      body=repr(body))
        found: list[tuple[date, UUID]] = []
        for year in range(first.year, last.year + 1):
            listed = calendar_id(body, year)
            if not self._records.contains(listed):
                continue
            try:
                calendar = load_reading(self._records, listed, MeetingCalendar, _CALENDAR,
                                        on=on, at=at)
            except RecordNotFound:
                continue  # no meeting of that year was known yet at that moment
            found += [(day, UUID(meeting)) for day, meeting in calendar.meetings
                      if first <= day <= last]
        return sorted(found)

    def _documents(self, meeting: Meeting, on: date | None, at: datetime | None,
                   ) -> dict[tuple[str, int], AdoptedDocument]:
        found = {}
        for motion in meeting.motions:
            if motion.document is None or motion.document_version is None:
                continue
            try:
                document = self.document(UUID(motion.document), on=on, at=at)
                version = document.numbered(motion.document_version)
            except (RecordNotFound, InvalidInput):
                continue  # not yet drafted, or not yet in that version, on that reading
            found[(motion.document, version.number)] = AdoptedDocument(
                document.title, version.number, version.where)
        return found

    def decision_summary(self, body: UUID, *, starts: date, ends: date,
                         on: date | None = None, at: datetime | None = None,
                         language: Language | str | None = None) -> str:
        """Every decision of the body in the period in plain language, ready to publish (in
        ``language``, else the reader's)."""
        first, last = _period(starts, ends)
        decided = self.decisions(body, starts=first, ends=last, on=on, at=at)
        with reading_in(language):
            return decisions_text(self.body(body, at=at).name, first, last, decided)

    def in_camera(self, body: UUID, periods: Sequence[tuple[date, date]], *,
                  on: date | None = None, at: datetime | None = None) -> tuple[InCamera, ...]:
        """How many of the body's decisions were taken in camera, period over period
        (``periods`` as (first day, last day) pairs)."""
        if not periods:
            raise InvalidInput.worded("count in-camera decisions over one or more periods")
        counted = []
        for starts, ends in periods:
            first, last = _period(starts, ends)
            counted.append(in_camera(self.decisions(body, starts=first, ends=last, on=on,
                                                    at=at), first, last))
        return tuple(counted)

    def in_camera_summary(self, body: UUID, periods: Sequence[tuple[date, date]], *,
                          on: date | None = None, at: datetime | None = None,
                          language: Language | str | None = None) -> str:
        """In-camera decisions period over period, in plain language (in ``language``, else
        the reader's)."""
        counted = self.in_camera(body, periods, on=on, at=at)
        with reading_in(language):
            return in_camera_text(self.body(body, at=at).name, counted)

    # ------------------------------------------------------------------ helpers

    def _change(self, body: UUID, change: Callable[[GoverningBody], None]) -> None:
        found = self.body(body)
        change(found)
        self._records.save(found)
