"""A meeting of a body: its notice, who attended, whether it sat in camera, and its motions.

One record per meeting, so a body that meets for years keeps records of one meeting's size.
A meeting is a fact: one held with less notice than the body's rules require, or without its
quorum, is recorded and flagged (never refused), and every decision it took carries the flags.

A motion is moved by a person (an opaque id: a motion without a mover is refused), may be
seconded, amended from the floor (each amendment decided by its own vote) and is decided by a
vote of the meeting's body: a vote that names no body or another body is refused, recording
nothing. A motion decided in camera (the meeting sat wholly in camera, or the motion's item
did) is recorded as such, so closed-door decisions can be counted period over period.
"""

from __future__ import annotations

from datetime import date
from fractions import Fraction
from uuid import UUID

import attrs
from eventsourcing.domain import Aggregate, event

from bargaining.domain.democracy.body import GoverningBody
from bargaining.domain.shared.actor import Actor, clean_reason, require_actor
from bargaining.domain.shared.dates import require_date
from bargaining.domain.shared.errors import InvalidInput, RecordNotFound, RuleViolation, term
from bargaining.domain.shared.flags import Flag, FlagRule
from bargaining.domain.shared.language import mark
from bargaining.domain.shared.people import person_id
from bargaining.domain.shared.phrases import Phrase, figure, part
from bargaining.domain.shared.shares import percent_of
from bargaining.domain.shared.text import clean_name, clean_paragraphs
from bargaining.domain.shared.vote import Body, Vote, whole_count


class MotionNotFound(RecordNotFound):
    """The meeting has no motion of that number."""


@attrs.frozen
class Motion:
    """A motion as it stands: its number in the meeting, its words (as amended), who moved
    and seconded it (opaque ids), whether its item sat in camera, the document version it
    adopts if any, how many amendments carried, and the vote that decided it."""

    number: int
    text: str
    mover: str
    seconder: str | None
    in_camera: bool
    document: str | None
    document_version: int | None
    amendments: int
    vote: Vote | None

    @property
    def decided(self) -> bool:
        return self.vote is not None

    @property
    def carried(self) -> bool:
        return self.vote is not None and self.vote.passed


def motion_text(value: object, what: str = "motion's words") -> str:
    """What a motion or an amendment says: free text, which may run to paragraphs."""
    if not isinstance(value, str) or not value.strip():
        raise InvalidInput.worded("the {what} are needed", what=what)
    return clean_paragraphs(value, what, most=10_000)


class Meeting(Aggregate):
    """One meeting of one body."""

    @classmethod
    def hold(cls, *, body: GoverningBody, on: date, notice_days: int, present: int,
             eligible: int, in_camera: bool = False, place: str | None = None,
             actor: Actor, reason: str | None = None) -> Meeting:
        """The body met on ``on``, having given ``notice_days`` of notice, with ``present``
        of its ``eligible`` voting members; ``in_camera`` if it sat wholly in camera.
        ``place`` is where it met (a city, a hall). Recorded whatever the notice and
        attendance; flagged where they fall short."""
        if not isinstance(body, GoverningBody):
            raise InvalidInput.worded("a meeting is of a body (its record)")
        day = require_date(on, term("day of the meeting"))
        notice = whole_count(notice_days, term("the days of notice"))
        eligible = whole_count(eligible, term("the count of voting members"))
        present = whole_count(present, term("the count of people present"))
        if present > eligible:
            raise RuleViolation.worded("{present} present cannot be: the body has {eligible} "
                                       "voting members", present=present, eligible=eligible)
        if not isinstance(in_camera, bool):
            raise InvalidInput.worded("say whether the meeting sat in camera (True or False)")
        flags = _flags(body, notice, present, eligible)
        return cls(body_id=body.id, body_name=body.name, voting_body=body.voting_body,
                   on=day, notice_days=notice, present=present, eligible=eligible,
                   in_camera=in_camera,
                   place=None if place is None else clean_name(place,
                                                               term("meeting's place")) or None,
                   flags=flags, actor=require_actor(actor),
                   reason=clean_reason(reason))

    @event("Held")
    def __init__(self, *, body_id: UUID, body_name: str, voting_body: Body, on: date,
                 notice_days: int, present: int, eligible: int, in_camera: bool,
                 place: str | None, flags: tuple[Flag, ...], actor: Actor,
                 reason: str | None) -> None:
        self.body_id = body_id
        self.body_name = body_name
        self.voting_body = voting_body
        self.on = on
        self.notice_days = notice_days
        self.present = present
        self.eligible = eligible
        self.in_camera = in_camera
        self.place = place
        self.flags = tuple(flags)
        self.motions: list[Motion] = []

    # ----------------------------------------------------------------- queries

    def motion(self, number: object) -> Motion:
        """A motion by its number (from 1, in the order moved), or a refusal in words."""
        if isinstance(number, bool) or not isinstance(number, int):
            raise InvalidInput.worded("a motion is named by its number, not {number}",
                                      number=repr(number))
        if not 1 <= number <= len(self.motions):
            raise MotionNotFound.worded("the meeting of the {body_name} on {on} has no motion "
                                        "{number}",
                                        body_name=self.body_name, on=self.on, number=number)
        return self.motions[number - 1]

    # ---------------------------------------------------------------- commands

    def move(self, *, text: str, mover: str, seconder: str | None = None,
             in_camera: bool = False, document: UUID | None = None,
             document_version: int | None = None, actor: Actor,
             reason: str | None = None) -> int:
        """``mover`` (an opaque id) moved a motion, seconded by ``seconder`` if given; its item
        sat ``in_camera``; ``document`` and ``document_version`` name the document version it
        adopts. Returns the motion's number."""
        if mover is None:
            raise InvalidInput.worded("a motion needs its mover (the id of who moved it)")
        words = motion_text(text)
        who = person_id(mover, term("mover's id"))
        second = None if seconder is None else person_id(seconder, term("seconder's id"))
        if second == who:
            raise RuleViolation.worded("a motion cannot be seconded by its mover")
        if not isinstance(in_camera, bool):
            raise InvalidInput.worded("say whether the motion's item sat in camera (True or "
                                      "False)")
        if (document is None) != (document_version is None):
            raise InvalidInput.worded("a motion adopting a document names the document and its "
                                      "version")
        if document is not None and not isinstance(document, UUID):
            raise InvalidInput.worded("a document is named by its id (a UUID)")
        if document_version is not None:
            whole_count(document_version, term("a document's version"))
        self._moved(number=len(self.motions) + 1, text=words, mover=who, seconder=second,
                    in_camera=in_camera or self.in_camera,
                    document=None if document is None else str(document),
                    document_version=document_version, actor=require_actor(actor),
                    reason=clean_reason(reason))
        return len(self.motions)

    @event("MotionMoved")
    def _moved(self, number: int, text: str, mover: str, seconder: str | None,
               in_camera: bool, document: str | None, document_version: int | None,
               actor: Actor, reason: str | None) -> None:
        self.motions.append(Motion(number, text, mover, seconder, in_camera, document,
                                   document_version, 0, None))

    def second(self, number: int, *, seconder: str, actor: Actor,
               reason: str | None = None) -> None:
        """``seconder`` (an opaque id) seconded the motion."""
        motion = self._open(number)
        who = person_id(seconder, term("seconder's id"))
        if who == motion.mover:
            raise RuleViolation.worded("a motion cannot be seconded by its mover")
        if motion.seconder is not None:
            raise RuleViolation.worded("motion {number} is already seconded", number=number)
        self._seconded(number=number, seconder=who, actor=require_actor(actor),
                       reason=clean_reason(reason))

    @event("MotionSeconded")
    def _seconded(self, number: int, seconder: str, actor: Actor, reason: str | None) -> None:
        self.motions[number - 1] = attrs.evolve(self.motions[number - 1], seconder=seconder)

    def amend(self, number: int, *, text: str, mover: str, vote: Vote, actor: Actor,
              reason: str | None = None) -> bool:
        """An amendment from the floor, moved by ``mover``, to make the motion read ``text``,
        decided by ``vote`` of the meeting's body: carried, the motion reads as amended; both
        are recorded. Returns whether it carried."""
        self._open(number)
        words = motion_text(text, term("amended motion's words"))
        who = person_id(mover, term("amendment's mover's id"))
        held = self._check_vote(vote, term("an amendment"))
        self._amended(number=number, text=words, mover=who, vote=held,
                      actor=require_actor(actor), reason=clean_reason(reason))
        return held.passed

    @event("MotionAmended")
    def _amended(self, number: int, text: str, mover: str, vote: Vote, actor: Actor,
                 reason: str | None) -> None:
        if vote.passed:
            motion = self.motions[number - 1]
            self.motions[number - 1] = attrs.evolve(motion, text=text,
                                                    amendments=motion.amendments + 1)

    def decide(self, number: int, *, vote: Vote, actor: Actor,
               reason: str | None = None) -> bool:
        """The meeting's body decided the motion by ``vote``, carried or defeated. Returns
        whether it carried."""
        self._open(number)
        held = self._check_vote(vote, term("a motion"))
        self._decided(number=number, vote=held, actor=require_actor(actor),
                      reason=clean_reason(reason))
        return held.passed

    @event("MotionDecided")
    def _decided(self, number: int, vote: Vote, actor: Actor, reason: str | None) -> None:
        self.motions[number - 1] = attrs.evolve(self.motions[number - 1], vote=vote)

    def _open(self, number: int) -> Motion:
        motion = self.motion(number)
        if motion.vote is not None:
            raise RuleViolation.worded("motion {number} was decided on {held_on}: it can no "
                                       "longer change", number=number, held_on=motion.vote.held_on)
        return motion

    def _check_vote(self, vote: object, what: str) -> Vote:
        if not isinstance(vote, Vote):
            raise InvalidInput.worded("{what} is decided by a Vote", what=what)
        if vote.body is None or vote.body != self.voting_body:
            held_by = "no body" if vote.body is None else f"the {vote.body.describe()}"
            raise RuleViolation.worded("{what} of this meeting is decided by a vote of the "
                                       "{body_name} (Vote(..., body=its voting_body)); this vote "
                                       "names {held_by}",
                                       what=what, body_name=self.body_name, held_by=held_by)
        if vote.held_on < self.on:
            raise InvalidInput.worded("a vote of the meeting of {on} cannot be held before it "
                                      "({held_on})", on=self.on, held_on=vote.held_on)
        return vote


def _flags(body: GoverningBody, notice: int, present: int,
           eligible: int) -> tuple[Flag, ...]:
    flags = []
    if notice < body.notice_days:
        flags.append(Flag.worded(FlagRule.SHORT_NOTICE, Phrase.of(
            mark("{notice} days of notice were given; the {body}'s rules require {required}"),
            notice=figure(notice), body=body.name, required=figure(body.notice_days))))
    quorum = body.quorum
    if quorum is not None and quorum.people is not None and present < quorum.people:
        flags.append(Flag.worded(FlagRule.NO_QUORUM, Phrase.of(
            mark("{present} were present; the {body}'s quorum is {quorum}"),
            present=figure(present), body=body.name, quorum=figure(quorum.people))))
    if quorum is not None and quorum.percent is not None:
        share = percent_of(present, eligible) if eligible else Fraction(0)
        if share < quorum.percent:
            flags.append(Flag.worded(FlagRule.NO_QUORUM, Phrase.of(
                mark("{present} of {eligible} voting members were present ({share}); the "
                     "{body}'s quorum is {quorum}"), present=figure(present),
                eligible=figure(eligible), share=part(share), body=body.name,
                quorum=part(quorum.percent))))
    return tuple(flags)
