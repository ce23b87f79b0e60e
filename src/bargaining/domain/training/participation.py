"""Who took part in what, on which day: one row per person per act, read from the events.

The network's measures (active leaders, participation growth among rank-and-file members
apart from elected officers) are counted over these rows; they name people only by their
opaque ids, and calls only as counts.
"""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import UUID

import attrs

from bargaining.domain.democracy.roles import Rank
from bargaining.domain.training.call_teams import CallTeam
from bargaining.domain.training.plans import ActivistRole
from bargaining.domain.training.sessions import Mentoring, TrainingSession

#: What a person did, as the rows name it.
TRAINED, TRAINER, MENTOR, MENTEE = "trained", "led a training", "mentor", "mentee"
CALLED, JOINED_CALL_TEAM, STEPPED_IN = "made calls", "joined a call team", "stepped into a role"

S: Any = TrainingSession
M: Any = Mentoring
T: Any = CallTeam
A: Any = ActivistRole


@attrs.frozen
class TookPart:
    """``person`` did ``what`` on ``on`` in the record ``record``: ``detail`` is the session's
    topic, the team's name or the role; ``local`` where known; ``made`` and ``reached`` are
    a day's calls; ``rank`` and ``first_role`` come with a role stepped into."""

    person: str
    what: str
    on: date
    record: UUID
    detail: str | None = None
    local: str | None = None
    made: int | None = None
    reached: int | None = None
    rank: Rank | None = None
    first_role: bool | None = None


#: The kinds of training record whose first event later events lean on.
SESSION, CALL_TEAM = "session", "call team"


@attrs.frozen
class Opening:
    """What a training record's first event says that its later events leave out, and
    nothing else: the kind of record, its topic or team name (``detail``, when kept), its
    local and its person. A reader that keeps these per record (the network's read model)
    keeps no reason or other free words, which a redaction seals in the stored event."""

    kind: str | None = None
    detail: str | None = None
    local: str | None = None
    person: str | None = None


def opening(first: Any, *, detail: bool = True) -> Opening:
    """The :class:`Opening` of a record whose first event is ``first`` (``detail``: keep
    the session's topic or the team's name, which only the rows' ``detail`` shows)."""
    if isinstance(first, Opening):
        return first
    if isinstance(first, S.Held):
        return Opening(SESSION, first.topic if detail else None, first.local)
    if isinstance(first, T.Formed):
        return Opening(CALL_TEAM, first.name if detail else None, first.local)
    return Opening(person=getattr(first, "person", None))


def took_part(event: Any, first: Any = None) -> list[TookPart]:
    """The rows one event makes (none for events that record no one taking part); ``first``
    is its record's first event, or its :class:`Opening`, which says the day, topic, team
    and local of the events that do not carry them (trainees added later, a member joining,
    a day's calls)."""
    record = event.originator_id
    head = opening(first)
    if isinstance(event, S.TraineesAdded) and head.kind == SESSION:
        return [TookPart(p, TRAINED, event.on, record, head.detail, head.local)
                for p in event.trainees]
    team = head.detail if head.kind == CALL_TEAM else None
    local = head.local if head.kind == CALL_TEAM else None
    if isinstance(event, S.Held):
        rows = [TookPart(event.trainer, TRAINER, event.on, record, event.topic, event.local)]
        return rows + [TookPart(p, TRAINED, event.on, record, event.topic, event.local)
                       for p in event.trainees]
    if isinstance(event, M.Paired):
        return [TookPart(event.mentor, MENTOR, event.starts, record, None, event.local),
                TookPart(event.mentee, MENTEE, event.starts, record, None, event.local)]
    if isinstance(event, T.Formed):
        return [TookPart(p, JOINED_CALL_TEAM, event.on, record, event.name, event.local)
                for p in event.members]
    if isinstance(event, T.MemberJoined):
        return [TookPart(event.person, JOINED_CALL_TEAM, event.on, record, team, local)]
    if isinstance(event, T.CallsRecorded):
        return [TookPart(event.person, CALLED, event.on, record, team, local,
                         made=event.made, reached=event.reached)]
    if isinstance(event, A.SteppedIn):
        return [TookPart(event.person, STEPPED_IN, event.on, record, event.role, event.local,
                         rank=event.rank, first_role=event.first_role)]
    return []
