"""Commands and queries on union elections: open one under its rules, nominate candidates
(by opaque ids) on their slates, record returns as they come in, resolve challenged ballots,
declare the result, call a runoff.

``app.elections`` is an :class:`Elections`. Every command names its actor and takes an
optional reason; a refused command records nothing. Reads take ``on`` (a real-world day: the
count as it stood then) or ``at`` (a moment of recording: as it was known then), one at most.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime
from uuid import UUID

from bargaining.application.ports import Records
from bargaining.application.time_travel import load_reading
from bargaining.domain.elections.caucus import Caucus
from bargaining.domain.elections.count import ElectionCount
from bargaining.domain.elections.election import Election
from bargaining.domain.shared.actor import Actor
from bargaining.domain.shared.errors import term
from bargaining.domain.shared.vote import Body

_ELECTION = "election"


class Elections:
    """Union elections, counted in the open."""

    def __init__(self, records: Records) -> None:
        self._records = records

    def open(self, *, office: str, body: Body, majority: object = 50, runoff: bool = True,
             actor: Actor, reason: str | None = None) -> UUID:
        """An election for ``office``, voted by ``body``; a candidate needs more than
        ``majority`` percent of valid votes (``None``: the most votes), and a runoff between
        the two leaders follows when no one gets it and ``runoff`` is true. Returns its id."""
        election = Election.open(office=office, body=body, majority=majority, runoff=runoff,
                                 actor=actor, reason=reason)
        self._records.save(election)
        return election.id

    def nominate(self, election: UUID, *, candidate: str, slate: str | None = None,
                 backed_by: Iterable[UUID] = (), actor: Actor,
                 reason: str | None = None) -> None:
        """A candidate, by an opaque id the host gives (never a name), on ``slate``, backed by
        these caucuses (their ids, each of which must exist). Nominations close when the
        first return comes in."""
        found = self.get(election)
        caucuses = [backed_by] if isinstance(backed_by, UUID) else list(backed_by)
        for caucus in caucuses:
            load_reading(self._records, caucus, Caucus, term("caucus"))
        found.nominate(candidate=candidate, slate=slate, backed_by=caucuses, actor=actor,
                       reason=reason)
        self._records.save(found)

    def record_return(self, election: UUID, *, box: str, ballots: int,
                      votes: Mapping[str, int], challenged: int = 0, spoiled: int = 0,
                      on: date, actor: Actor, reason: str | None = None) -> ElectionCount:
        """One ballot box's or region's return, counted on ``on``; refused
        (:class:`ReturnDoesNotAddUp`) unless its ballots are its votes, challenged and
        spoiled together. Returns the count as it then stands."""
        found = self.get(election)
        standing = found.record_return(box=box, ballots=ballots, votes=votes,
                                       challenged=challenged, spoiled=spoiled, on=on,
                                       actor=actor, reason=reason)
        self._records.save(found)
        return standing

    def resolve_challenges(self, election: UUID, *, counted: Mapping[str, int],
                           rejected: int = 0, on: date, actor: Actor,
                           reason: str | None = None) -> ElectionCount:
        """Challenged ballots resolved on ``on``: counted for candidates (by id), or
        rejected; never more than are left. Returns the count as it then stands."""
        found = self.get(election)
        standing = found.resolve_challenges(counted=counted, rejected=rejected, on=on,
                                            actor=actor, reason=reason)
        self._records.save(found)
        return standing

    def declare(self, election: UUID, *, candidate: str, on: date, actor: Actor,
                reason: str | None = None) -> None:
        """The leader declared elected on ``on``: refused unless the lead exceeds the
        challenged ballots left and the majority holds whatever they turn out to be."""
        found = self.get(election)
        found.declare(candidate=candidate, on=on, actor=actor, reason=reason)
        self._records.save(found)

    def call_runoff(self, election: UUID, *, on: date, actor: Actor,
                    candidates: Iterable[str] | None = None,
                    reason: str | None = None) -> UUID:
        """The runoff the rules call for (the count complete, no one with the majority): a
        new election between the two leaders (or the two ``candidates`` named, where the
        rules settled a tie for second), on their slates, under the same rules. Both records
        are saved together. Returns the runoff's id."""
        first = self.get(election)
        pair = first.runoff_between(candidates)
        runoff = Election.open(office=first.office, body=first.body, majority=first.majority,
                               runoff=False, runoff_of=first.id, actor=actor, reason=reason)
        for key in pair:
            candidate = first.candidate(key)
            runoff.nominate(candidate=key, slate=candidate.slate,
                            backed_by=candidate.backed_by, actor=actor)
        first.go_to_runoff(runoff=runoff.id, candidates=pair, on=on, actor=actor,
                           reason=reason)
        self._records.save(first, runoff)
        return runoff.id

    def get(self, election: UUID, *, on: date | None = None, at: datetime | None = None,
            version: int | None = None) -> Election:
        """An election as recorded, or as it was on a day, known at a moment, or at a
        version (one at most)."""
        return load_reading(self._records, election, Election, _ELECTION, on=on, at=at,
                            version=version)

    def standing(self, election: UUID, *, on: date | None = None,
                 at: datetime | None = None) -> ElectionCount:
        """The count as it stands, stood on a day, or was known at a moment."""
        return self.get(election, on=on, at=at).standing
