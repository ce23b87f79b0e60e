"""One office's election: its rules, candidates and slates, returns as they come in, challenged
ballots resolved, the result declared, a runoff when the rules call for one.

- The **rules** are set when the election opens: the office, the body voting, the majority a
  candidate needs (a percentage of valid votes; ``None``: the most votes win) and whether a
  runoff between the two leaders follows when no one passes it.
- **Candidates** are nominated before the first return, each by an opaque id the host gives
  (never a name: candidates are people, and their names are personal data), with their slate
  and the caucuses that back them.
- **Returns** (one per ballot box or region) are facts, added as they come in: the ballots
  received there, the votes for each candidate, the challenged and the spoiled. A return that
  does not add up (its ballots are not its votes, challenged and spoiled together) cannot be
  true and is refused, as is a second return from the same box (names compared without
  case).
- **Challenges resolved**: some challenged ballots counted for candidates, others rejected;
  never more than are left.
- **The declaration** is a decision: refused unless the count is decided (the lead exceeds
  the challenged ballots left, and the leader keeps the majority whatever they turn out to be).
- **A runoff** is called when the count is complete, no one passed the majority and the rules
  call for one: a new election between the two leaders, which refers to this one.

The record's state is the running count (an
:class:`~bargaining.domain.elections.count.ElectionCount`) and the boxes heard from;
each return and resolution is an event carrying the count as it stood after it, so history
shows every step.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from fractions import Fraction
from uuid import UUID

import attrs
from eventsourcing.domain import Aggregate, event

from bargaining.domain.elections.count import ElectionCount
from bargaining.domain.elections.naming import named
from bargaining.domain.shared.actor import Actor, clean_reason, require_actor
from bargaining.domain.shared.dates import require_date
from bargaining.domain.shared.errors import InvalidInput, RecordNotFound, RuleViolation, term
from bargaining.domain.shared.shares import as_percent, show_percent
from bargaining.domain.shared.text import check_label
from bargaining.domain.shared.vote import Body, whole_count


class ReturnDoesNotAddUp(InvalidInput):
    """A return's ballots are not its votes, challenged and spoiled ballots together."""


class CandidateNotFound(RecordNotFound):
    """No candidate of that id was nominated in the election."""


@attrs.frozen
class Candidate:
    """A candidate by the opaque id the host gives, their slate (if any) and the caucuses
    (ids) that back them."""

    id: str
    slate: str | None
    backed_by: tuple[UUID, ...] = ()


def _count(value: object, what: str) -> int:
    return whole_count(value, what)


def candidate_id(value: object) -> str:
    """A candidate's opaque id: one line of text, never a person's name (the host keeps
    which person it stands for)."""
    return check_label(value, term("candidate's id"))


class Election(Aggregate):
    """One office's election, counted as returns come in."""

    @classmethod
    def open(cls, *, office: str, body: Body, majority: object = 50, runoff: bool = True,
             runoff_of: UUID | None = None, actor: Actor,
             reason: str | None = None) -> Election:
        """An election for ``office`` by the ``body`` voting; a candidate needs more than
        ``majority`` percent of valid votes (``None``: the most votes), and when ``runoff``
        the two leaders go to a runoff if no one gets it."""
        if not isinstance(body, Body):
            raise InvalidInput.worded("name the body voting as a Body, such as Body.members()")
        needed = None if majority is None else as_percent(majority, term("the majority needed"))
        if not isinstance(runoff, bool):
            raise InvalidInput.worded("whether a runoff follows is True or False")
        if runoff and needed is None:
            raise InvalidInput.worded("a runoff follows when no one gets the majority needed: "
                                      "name the majority")
        return cls(office=named(office, "office"), body=body, majority=needed,
                   runoff=runoff, runoff_of=runoff_of, actor=require_actor(actor),
                   reason=clean_reason(reason))

    @event("Opened")
    def __init__(self, *, office: str, body: Body, majority: Fraction | None, runoff: bool,
                 runoff_of: UUID | None, actor: Actor, reason: str | None) -> None:
        self.office = office
        self.body = body
        self.majority = majority
        self.runoff = runoff
        self.runoff_of = runoff_of
        #: Each candidate's slate (``None``: none), and the caucuses that back them, by the
        #: candidate's opaque id, in the order they were nominated.
        self.slates: dict[str, str | None] = {}
        self.backers: dict[str, tuple[UUID, ...]] = {}
        self.votes: dict[str, int] = {}
        self.challenged = 0
        self.spoiled = 0
        self.rejected = 0
        #: The boxes (or regions) heard from, by their names in lower case (so that "North"
        #: and "north" are one box), with the ballots each returned.
        self.boxes: dict[str, int] = {}
        self.declared: str | None = None
        self.declared_on: date | None = None
        self.runoff_id: UUID | None = None
        #: The latest day a return was counted or challenges resolved: a declaration or a
        #: runoff rests on the count as it stood, so it cannot be dated before it.
        self.last_counted: date | None = None

    # ----------------------------------------------------------------- queries

    @property
    def standing(self) -> ElectionCount:
        """The count as it stands."""
        return ElectionCount(dict(self.votes), self.challenged, self.spoiled, self.rejected)

    @property
    def rule(self) -> str:
        """The rules in words."""
        needed = ("the most votes" if self.majority is None else
                  f"more than {show_percent(self.majority)} of valid votes")
        then = ", a runoff between the two leaders if no one does" if self.runoff else ""
        return f"a vote of the {self.body.describe()}; a candidate needs {needed}{then}"

    def candidate(self, candidate: object) -> Candidate:
        """A candidate by id, or a refusal in words."""
        key = candidate_id(candidate)
        if key not in self.slates:
            raise CandidateNotFound.worded("no such candidate was nominated for {office}",
                                           office=self.office)
        return Candidate(key, self.slates[key], tuple(self.backers[key]))

    @property
    def candidates(self) -> tuple[Candidate, ...]:
        """The candidates, in the order they were nominated."""
        return tuple(self.candidate(key) for key in self.slates)

    # ---------------------------------------------------------------- commands

    def nominate(self, *, candidate: str, slate: str | None = None,
                 backed_by: Iterable[UUID] = (), actor: Actor,
                 reason: str | None = None) -> None:
        """A candidate, by opaque id, on a slate (or none), backed by these caucuses."""
        key = candidate_id(candidate)
        team = None if slate is None else named(slate, "slate's name")
        if isinstance(backed_by, UUID | str):
            backed_by = (backed_by,)  # type: ignore[assignment]
        caucuses = tuple(backed_by)
        if not all(isinstance(c, UUID) for c in caucuses) or len(set(caucuses)) != len(caucuses):
            raise InvalidInput.worded("the caucuses backing a candidate are given once each, by "
                                      "id")
        actor = require_actor(actor)
        if key in self.slates:
            raise RuleViolation.worded("that candidate is already nominated for {office}",
                                       office=self.office)
        if self.boxes:
            raise RuleViolation.worded("nominations for {office} closed when the count began",
                                       office=self.office)
        self._nominated(candidate=key, slate=team, backed_by=caucuses, actor=actor,
                        reason=clean_reason(reason))

    @event("CandidateNominated")
    def _nominated(self, candidate: str, slate: str | None, backed_by: tuple[UUID, ...],
                   actor: Actor, reason: str | None) -> None:
        self.slates[candidate] = slate
        self.backers[candidate] = tuple(backed_by)
        self.votes[candidate] = 0

    def record_return(self, *, box: str, ballots: object, votes: Mapping[str, object],
                      challenged: object = 0, spoiled: object = 0, on: date, actor: Actor,
                      reason: str | None = None) -> ElectionCount:
        """The return of one ballot box or region, counted on ``on``: its ballots received,
        the votes per candidate id, the challenged and the spoiled ballots. Returns the count
        as it then stands."""
        where = named(box, "ballot box or region")
        received = _count(ballots, "ballots received")
        counted = self._votes(votes, term("a return"))
        held = _count(challenged, "challenged ballots")
        spoilt = _count(spoiled, "spoiled ballots")
        day = require_date(on, term("day the return was counted"))
        actor = require_actor(actor)
        parts = sum(counted.values()) + held + spoilt
        if parts != received:
            raise ReturnDoesNotAddUp.worded("the return from {where} does not add up: "
                                            "{received:,} ballots received, but {sum:,} votes, "
                                            "{held:,} challenged and {spoilt:,} spoiled make "
                                            "{parts:,}", where=where, received=received,
                                            sum=sum(counted.values()), held=held, spoilt=spoilt,
                                            parts=parts)
        if where.casefold() in self.boxes:
            raise RuleViolation.worded("{where} has already returned its count for {office}",
                                       where=where, office=self.office)
        after = self._after(counted, challenged=held, spoiled=spoilt)
        self._returned(box=where, ballots=received, votes=counted, challenged=held,
                       spoiled=spoilt, on=day, standing=dict(after.votes),
                       challenged_left=after.challenged, actor=actor,
                       reason=clean_reason(reason))
        return self.standing

    @event("ReturnRecorded")
    def _returned(self, box: str, ballots: int, votes: dict[str, int], challenged: int,
                  spoiled: int, on: date, standing: dict[str, int], challenged_left: int,
                  actor: Actor, reason: str | None) -> None:
        self.boxes[box.casefold()] = ballots
        for candidate, count in votes.items():
            self.votes[candidate] += count
        self.challenged += challenged
        self._counted_on(on)
        self.spoiled += spoiled

    def resolve_challenges(self, *, counted: Mapping[str, object], rejected: object = 0,
                           on: date, actor: Actor, reason: str | None = None) -> ElectionCount:
        """Challenged ballots resolved on ``on``: counted for candidates, or rejected. Returns
        the count as it then stands."""
        votes = self._votes(counted, term("resolved challenges"))
        thrown = _count(rejected, "rejected ballots")
        day = require_date(on, term("day the challenges were resolved"))
        actor = require_actor(actor)
        resolved = sum(votes.values()) + thrown
        if resolved == 0:
            raise InvalidInput.worded("a resolution counts or rejects at least one challenged "
                                      "ballot")
        if resolved > self.challenged:
            raise RuleViolation.worded("{resolved:,} challenged ballots resolved, but only "
                                       "{challenged:,} are left to resolve in the election for "
                                       "{office}", resolved=resolved, challenged=self.challenged,
                                       office=self.office)
        after = self._after(votes, challenged=-resolved, rejected=thrown)
        self._resolved(counted=votes, rejected=thrown, on=day, standing=dict(after.votes),
                       challenged_left=after.challenged, actor=actor,
                       reason=clean_reason(reason))
        return self.standing

    @event("ChallengesResolved")
    def _resolved(self, counted: dict[str, int], rejected: int, on: date,
                  standing: dict[str, int], challenged_left: int, actor: Actor,
                  reason: str | None) -> None:
        for candidate, count in counted.items():
            self.votes[candidate] += count
        self.challenged -= sum(counted.values()) + rejected
        self.rejected += rejected
        self._counted_on(on)

    def _counted_on(self, day: date) -> None:
        if self.last_counted is None or day > self.last_counted:
            self.last_counted = day

    def _not_before_count(self, day: date, what: str) -> None:
        if self.last_counted is not None and day < self.last_counted:
            raise RuleViolation.worded("{what} on {day} cannot come before the count it rests "
                                       "on, last counted on {last_counted}",
                                       what=what, day=day, last_counted=self.last_counted)

    def declare(self, *, candidate: str, on: date, actor: Actor,
                reason: str | None = None) -> None:
        """``candidate`` declared elected on ``on``: refused unless they lead and the count is
        decided (the lead exceeds the challenged ballots left, and the majority holds
        whatever they turn out to be)."""
        key = self.candidate(candidate).id
        day = require_date(on, term("day of the declaration"))
        actor = require_actor(actor)
        if self.declared is not None:
            raise RuleViolation.worded("the election for {office} was already declared",
                                       office=self.office)
        if self.runoff_id is not None:
            raise RuleViolation.worded("the election for {office} went to a runoff",
                                       office=self.office)
        now = self.standing
        if now.leader != key:
            raise RuleViolation.worded("that candidate does not lead the count for {office}",
                                       office=self.office)
        if not now.decided(self.majority):
            raise self._undecided(now)
        self._not_before_count(day, term("a declaration"))
        self._declared(candidate=key, on=day, lead=now.lead, challenged_left=now.challenged,
                       actor=actor, reason=clean_reason(reason))

    def _undecided(self, now: ElectionCount) -> RuleViolation:
        if now.lead <= now.challenged:
            return RuleViolation.worded(
                "the lead of {lead:,} does not exceed the {challenged:,} challenged ballots "
                "left: they could still change the result", lead=now.lead,
                challenged=now.challenged)
        assert self.majority is not None
        return RuleViolation.worded(
            "the leader would not have more than {majority} of valid votes if the "
            "{challenged:,} challenged ballots left went to others",
            majority=show_percent(self.majority), challenged=now.challenged)

    @event("Declared")
    def _declared(self, candidate: str, on: date, lead: int, challenged_left: int,
                  actor: Actor, reason: str | None) -> None:
        self.declared = candidate
        self.declared_on = on

    def runoff_between(self, candidates: Iterable[str] | None = None) -> tuple[str, str]:
        """The two candidates of the runoff the rules call for now (the two leaders unless
        named), or a refusal saying why there is none."""
        now = self.standing
        if not self.runoff:
            raise RuleViolation.worded("the rules of the election for {office} call for no runoff",
                                       office=self.office)
        if self.declared is not None or self.runoff_id is not None:
            raise RuleViolation.worded("the election for {office} is already decided or in a "
                                       "runoff", office=self.office)
        if not self.boxes or now.challenged:
            raise RuleViolation.worded("a runoff is called once the count for {office} is "
                                       "complete; {challenged:,} challenged ballots are left",
                                       office=self.office, challenged=now.challenged)
        assert self.majority is not None
        if any(now.passes(c, self.majority) for c in self.slates):
            raise RuleViolation.worded("a candidate for {office} has the majority needed: no "
                                       "runoff", office=self.office)
        ranked = now.ranked()
        if candidates is None:
            if len(ranked) < 2 or (len(ranked) > 2 and ranked[1][1] == ranked[2][1]):
                raise RuleViolation.worded("second place is tied: name the two candidates of the "
                                           "runoff, as the rules settle the tie")
            return ranked[0][0], ranked[1][0]
        pair = tuple(self.candidate(c).id for c in candidates)
        if len(pair) != 2 or pair[0] == pair[1]:
            raise InvalidInput.worded("a runoff is between two different candidates")
        return pair[0], pair[1]

    def go_to_runoff(self, *, runoff: UUID, candidates: tuple[str, str], on: date,
                     actor: Actor, reason: str | None = None) -> None:
        """Record that the runoff ``runoff`` (a new election) was called on ``on``."""
        day = require_date(on, term("day the runoff was called"))
        self._not_before_count(day, term("a runoff"))
        self._runoff_called(runoff=runoff, candidates=candidates, on=day,
                            actor=require_actor(actor), reason=clean_reason(reason))

    @event("RunoffCalled")
    def _runoff_called(self, runoff: UUID, candidates: tuple[str, str], on: date,
                       actor: Actor, reason: str | None) -> None:
        self.runoff_id = runoff

    # ----------------------------------------------------------------- helpers

    def _votes(self, votes: object, what: str) -> dict[str, int]:
        if not isinstance(votes, Mapping):
            raise InvalidInput.worded("{what} gives the votes as a mapping of candidate ids to "
                                      "counts", what=what)
        counted: dict[str, int] = {}
        for candidate, count in votes.items():
            key = self.candidate(candidate).id
            if key in counted:
                raise InvalidInput.worded("{what} gives each candidate's votes once", what=what)
            counted[key] = _count(count, "votes for a candidate")
        return counted

    def _after(self, votes: Mapping[str, int], *, challenged: int = 0, spoiled: int = 0,
               rejected: int = 0) -> ElectionCount:
        now = self.standing
        totals = {c: v + votes.get(c, 0) for c, v in now.votes.items()}
        return ElectionCount(totals, now.challenged + challenged, now.spoiled + spoiled,
                        now.rejected + rejected)
