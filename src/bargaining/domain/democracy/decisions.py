"""The decisions of a body: every motion its meetings decided, with its vote, whether it was
taken in camera, the meeting's flags and the document it adopted; and how many were taken in
camera, period over period."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from fractions import Fraction
from uuid import UUID

import attrs

from bargaining.domain.democracy.meeting import Meeting
from bargaining.domain.shared.flags import Flag
from bargaining.domain.shared.shares import percent_of
from bargaining.domain.shared.vote import Vote


@attrs.frozen
class AdoptedDocument:
    """The document a decision adopted: its title, version and where that version is."""

    title: str
    version: int
    where: str


@attrs.frozen
class Decision:
    """One decided motion: what was decided, by which body, moved and seconded by whom (opaque
    ids), its vote, whether it was taken in camera, the flags of its meeting, and the document
    it adopted if any."""

    body: str
    meeting: UUID
    on: date
    number: int
    text: str
    mover: str
    seconder: str | None
    vote: Vote
    in_camera: bool
    flags: tuple[Flag, ...]
    document: AdoptedDocument | None = None

    @property
    def carried(self) -> bool:
        return self.vote.passed


def decisions_of(meeting: Meeting,
                 documents: Mapping[tuple[str, int], AdoptedDocument] | None = None,
                 ) -> list[Decision]:
    """The decided motions of a meeting, in the order moved; ``documents`` gives each
    (document id, version) a motion names its title and place."""
    found = []
    for motion in meeting.motions:
        if motion.vote is None:
            continue
        document = None
        if motion.document is not None and motion.document_version is not None and documents:
            document = documents.get((motion.document, motion.document_version))
        found.append(Decision(meeting.body_name, meeting.id, motion.vote.held_on,
                              motion.number, motion.text, motion.mover, motion.seconder,
                              motion.vote, motion.in_camera, meeting.flags, document))
    return found


@attrs.frozen
class InCamera:
    """How many of a period's decisions were taken in camera."""

    starts: date
    ends: date
    decisions: int
    in_camera: int

    @property
    def share(self) -> Fraction:
        """In-camera decisions as a percentage of all (0 when there were none)."""
        return percent_of(self.in_camera, self.decisions) if self.decisions else Fraction(0)


def in_camera(decisions: Iterable[Decision], starts: date, ends: date) -> InCamera:
    """How many of these decisions, taken from ``starts`` to ``ends``, were in camera."""
    kept = [d for d in decisions if starts <= d.on <= ends]
    return InCamera(starts, ends, len(kept), sum(1 for d in kept if d.in_camera))
