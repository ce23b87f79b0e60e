"""A document members debate: a platform, a strategy paper, a budget, in versions.

Each version is published on a day and found somewhere (a link, a binder); amendments are
proposed against a version (in writing, or from the floor of a meeting, with the vote that
decided them) and feedback is given on it (by a person's opaque id, or a local, caucus or
meeting named as a group). A document is adopted by a carried motion of a meeting that names
this document and version: anything else is refused, recording nothing.
"""

from __future__ import annotations

import enum
from datetime import date
from uuid import UUID

import attrs
from eventsourcing.domain import Aggregate, event

from bargaining.domain.democracy.body import GoverningBody
from bargaining.domain.democracy.meeting import Meeting, motion_text
from bargaining.domain.shared.actor import Actor, clean_reason, require_actor
from bargaining.domain.shared.choices import choice
from bargaining.domain.shared.dates import require_date
from bargaining.domain.shared.errors import InvalidInput, RuleViolation, term
from bargaining.domain.shared.people import person_id
from bargaining.domain.shared.text import clean_name, clean_source_text
from bargaining.domain.shared.vote import Vote, whole_count


class DocumentKind(enum.Enum):
    """What a document is."""

    PLATFORM = "platform"
    STRATEGY_PAPER = "strategy paper"
    BUDGET = "budget"
    POLICY = "policy"
    OTHER = "other"


@attrs.frozen
class Version:
    """One version of a document: its number (from 1), the day it was published, where it is,
    and what changed."""

    number: int
    on: date
    where: str
    note: str | None


@attrs.frozen
class Adoption:
    """The motion that adopted a version: its meeting (id), number and vote."""

    version: int
    meeting: str
    motion: int
    vote: Vote


def _where(value: object) -> str:
    where = clean_source_text(value, term("where the version is"))
    if not where:
        raise InvalidInput.worded("say where the version is (a link, a file, a binder)")
    return where


class Document(Aggregate):
    """A document of a body, in versions, with amendments, feedback and its adoption."""

    @classmethod
    def draft(cls, *, body: GoverningBody, title: str, kind: object, on: date, where: str,
              actor: Actor, reason: str | None = None) -> Document:
        """The first version of a document for ``body``, published on ``on`` at ``where``."""
        if not isinstance(body, GoverningBody):
            raise InvalidInput.worded("a document is debated by a body (its record)")
        if not isinstance(title, str) or not title.strip():
            raise InvalidInput.worded("a document needs a title")
        return cls(body_id=body.id, title=clean_name(title, term("document's title")),
                   kind=choice(kind, DocumentKind, term("document kind")),
                   on=require_date(on, term("day the document was published")), where=_where(where),
                   actor=require_actor(actor), reason=clean_reason(reason))

    @event("Drafted")
    def __init__(self, *, body_id: UUID, title: str, kind: DocumentKind, on: date, where: str,
                 actor: Actor, reason: str | None) -> None:
        self.body_id = body_id
        self.title = title
        self.kind = kind
        self.versions = [Version(1, on, where, None)]
        self.amendments = 0
        self.amendments_carried = 0
        self.feedback = 0
        self.adoption: Adoption | None = None

    @property
    def latest(self) -> Version:
        return self.versions[-1]

    def numbered(self, number: object) -> Version:
        """A version by its number, or a refusal in words."""
        if isinstance(number, bool) or not isinstance(number, int) or \
                not 1 <= number <= len(self.versions):
            raise InvalidInput.worded("'{title}' has versions 1 to {count}, not {number}",
                                      title=self.title, count=len(self.versions),
                                      number=repr(number))
        return self.versions[number - 1]

    def publish(self, *, on: date, where: str, note: str | None = None, actor: Actor,
                reason: str | None = None) -> int:
        """A new version published on ``on`` at ``where``; ``note`` says what changed (the
        feedback taken in, the amendments carried). Returns its number."""
        self._not_adopted()
        day = require_date(on, term("day the version was published"))
        if day < self.latest.on:
            raise InvalidInput.worded("version {value} cannot be published ({day}) before "
                                      "version {number} ({on})",
                                      value=len(self.versions) + 1, day=day,
                                      number=self.latest.number, on=self.latest.on)
        self._published(on=day, where=_where(where),
                        note=None if note is None else clean_source_text(note,
                                                                         term("note")) or None,
                        actor=require_actor(actor), reason=clean_reason(reason))
        return self.latest.number

    @event("VersionPublished")
    def _published(self, on: date, where: str, note: str | None, actor: Actor,
                   reason: str | None) -> None:
        self.versions.append(Version(len(self.versions) + 1, on, where, note))

    def propose_amendment(self, *, version: int, text: str, mover: str, on: date,
                          vote: Vote | None = None, actor: Actor,
                          reason: str | None = None) -> None:
        """An amendment to ``version``, moved by ``mover`` (an opaque id) on ``on``; from the
        floor, with the ``vote`` of the body that decided it (carried or not), or in writing
        (no vote yet)."""
        self.numbered(version)
        if vote is not None and not isinstance(vote, Vote):
            raise InvalidInput.worded("an amendment from the floor is decided by a Vote")
        self._amendment(version=version, text=motion_text(text, term("amendment's words")),
                        mover=person_id(mover, term("amendment's mover's id")),
                        on=require_date(on, term("day the amendment was moved")), vote=vote,
                        actor=require_actor(actor), reason=clean_reason(reason))

    @event("AmendmentProposed")
    def _amendment(self, version: int, text: str, mover: str, on: date, vote: Vote | None,
                   actor: Actor, reason: str | None) -> None:
        self.amendments += 1
        if vote is not None and vote.passed:
            self.amendments_carried += 1

    def give_feedback(self, *, version: int, given_by: str, on: date, text: str,
                      actor: Actor, reason: str | None = None) -> None:
        """Feedback on ``version`` on ``on``, from ``given_by``: a person's opaque id, or a
        group (a local, a caucus, a regional meeting)."""
        self.numbered(version)
        self._feedback(version=version, given_by=person_id(given_by, term("id of who gave it")),
                       on=require_date(on, term("day the feedback was given")),
                       text=motion_text(text, term("feedback's words")),
                       actor=require_actor(actor), reason=clean_reason(reason))

    @event("FeedbackGiven")
    def _feedback(self, version: int, given_by: str, on: date, text: str, actor: Actor,
                  reason: str | None) -> None:
        self.feedback += 1

    def adopt(self, *, meeting: Meeting, motion: int, actor: Actor,
              reason: str | None = None) -> None:
        """The carried ``motion`` of ``meeting`` adopted the version it names."""
        self._not_adopted()
        if not isinstance(meeting, Meeting):
            raise InvalidInput.worded("a document is adopted by a motion of a meeting (its "
                                      "record)")
        moved = meeting.motion(motion)
        if moved.document != str(self.id) or moved.document_version is None:
            raise RuleViolation.worded("motion {motion} of the meeting of {on} does not adopt "
                                       "'{title}'", motion=motion, on=meeting.on, title=self.title)
        self.numbered(moved.document_version)
        if meeting.body_id != self.body_id:
            raise RuleViolation.worded("'{title}' is adopted by its own body, not the {body_name}",
                                       title=self.title, body_name=meeting.body_name)
        if moved.vote is None or not moved.vote.passed:
            outcome = "is not decided" if moved.vote is None else "was defeated"
            raise RuleViolation.worded("'{title}' is adopted by a carried motion; motion "
                                       "{motion} {outcome}",
                                       title=self.title, motion=motion, outcome=outcome)
        self._adopted(version=whole_count(moved.document_version, term("version")),
                      meeting=str(meeting.id), motion=motion, vote=moved.vote,
                      actor=require_actor(actor), reason=clean_reason(reason))

    @event("Adopted")
    def _adopted(self, version: int, meeting: str, motion: int, vote: Vote, actor: Actor,
                 reason: str | None) -> None:
        self.adoption = Adoption(version, meeting, motion, vote)

    def _not_adopted(self) -> None:
        if self.adoption is not None:
            raise RuleViolation.worded("'{title}' was adopted (version {version}): it no longer "
                                       "changes", title=self.title, version=self.adoption.version)
