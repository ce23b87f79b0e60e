"""The words of bodies and roles: what a body is, how a role was filled, who holds it.

A holder is a person, and people are personal data: a holder is named by an opaque id the host
gives (``"p-1042"``), never by name. Whether they are a rank-and-file member or an elected
officer, and whether the role is their first (a new activist taking a role), are recorded so
that both can be counted.
"""

from __future__ import annotations

import enum
from datetime import date

import attrs

from bargaining.domain.shared.vote import Body, BodyKind


class BodyType(enum.Enum):
    """What kind of body meets, decides and holds roles."""

    EXECUTIVE_BOARD = "executive board"
    BARGAINING_TEAM = "bargaining team"
    COORDINATING_COMMITTEE = "coordinating committee"
    ASSEMBLY = "assembly"
    CONGRESS = "congress"
    NAMED = "named body"


#: The kind of voting body (:class:`~bargaining.domain.shared.vote.Body`) each body's votes
#: are held by: a vote names the body by its kind and its name.
VOTES_AS: dict[BodyType, BodyKind] = {
    BodyType.EXECUTIVE_BOARD: BodyKind.EXECUTIVE,
    BodyType.BARGAINING_TEAM: BodyKind.COMMITTEE,
    BodyType.COORDINATING_COMMITTEE: BodyKind.COMMITTEE,
    BodyType.ASSEMBLY: BodyKind.GENERAL_ASSEMBLY,
    BodyType.CONGRESS: BodyKind.DELEGATES,
    BodyType.NAMED: BodyKind.NAMED,
}


def voting_body(kind: BodyType, name: str) -> Body:
    """The :class:`Body` a vote of this body names: its kind of voters and its own name."""
    return Body(VOTES_AS[kind], name)


class FilledBy(enum.Enum):
    """How a holder came to a role."""

    ELECTION = "election"
    APPOINTMENT = "appointment"
    ACCLAMATION = "acclamation"


class Rank(enum.Enum):
    """Where a person stands in the union: a rank-and-file member or an elected officer."""

    RANK_AND_FILE = "rank-and-file member"
    ELECTED_OFFICER = "elected officer"


@attrs.frozen
class Holding:
    """One person's term in one role: from ``starts`` to ``ends`` (both included; ``None``:
    open), how it was filled, their rank, and whether it is their first role."""

    role: str
    person: str
    starts: date
    ends: date | None
    filled_by: FilledBy
    rank: Rank
    first_role: bool

    def on(self, day: date) -> bool:
        """Whether the term covers this day."""
        return self.starts <= day and (self.ends is None or day <= self.ends)


def most_at_once(terms: list[tuple[date, date | None]]) -> tuple[int, date | None]:
    """The most terms covering one day, and the first day they do (``None`` with no terms):
    a seat is counted from its first day to its last, both included."""
    changes: dict[date, int] = {}
    for starts, ends in terms:
        changes[starts] = changes.get(starts, 0) + 1
        if ends is not None:
            after = date.fromordinal(ends.toordinal() + 1)
            changes[after] = changes.get(after, 0) - 1
    most, when, count = 0, None, 0
    for day in sorted(changes):
        count += changes[day]
        if count > most:
            most, when = count, day
    return most, when
