"""Public actions against a threat: referendums, petitions, town halls, demonstrations,
boycott calls and legal complaints, each a fact with its day, source and counts.

A referendum's ballots are a :class:`~bargaining.domain.shared.vote.Tally` (yes + no + spoiled
= cast), read by the usual rule, a majority of valid ballots; a count taken later (ballots
"as of" a day, signatures gathered) is a fact of its own day. Counts are of people, never
people: no names, no contacts.
"""

from __future__ import annotations

import enum
from datetime import date
from uuid import UUID

from eventsourcing.domain import Aggregate, event

from bargaining.domain.defense.words import ids, kind_of
from bargaining.domain.disputes.facts import clean_name, clean_source
from bargaining.domain.shared.actor import Actor, clean_reason, require_actor
from bargaining.domain.shared.dates import require_date
from bargaining.domain.shared.errors import InvalidInput, RuleViolation, term
from bargaining.domain.shared.vote import Tally, Threshold, whole_count


class PublicActionKind(enum.Enum):
    """The public actions the library records."""

    REFERENDUM = "referendum"
    PETITION = "petition"
    TOWN_HALL = "town hall"
    DEMONSTRATION = "demonstration"
    BOYCOTT_CALL = "boycott call"
    LEGAL_COMPLAINT = "legal complaint"


def _count(value: object, what: str) -> int | None:
    return None if value is None else whole_count(value, what)


def check_count(kind: PublicActionKind, *, tally: object, people: object) -> None:
    """A referendum is counted by its ballots (a Tally); the others by people (taking part,
    signing, attending), where counted."""
    if kind is PublicActionKind.REFERENDUM:
        if people is not None:
            raise InvalidInput.worded("a referendum is counted by its ballots (a Tally), not "
                                      "people")
        if tally is not None and not isinstance(tally, Tally):
            raise InvalidInput.worded("a referendum's ballots are a Tally(eligible=, cast=, "
                                      "yes=, no=, spoiled=)")
    elif tally is not None:
        raise InvalidInput.worded("a {kind} has no ballots: count the people (people=)",
                                  kind=kind.value)
    _count(people, f"the people counted at the {kind.value}")


class PublicAction(Aggregate):
    """One public action, the threats and responses it serves, and its counts by day."""

    @classmethod
    def record(
        cls, kind: object, *, name: str, on: date, source: str, actor: Actor,
        threats: object = (), responses: object = (), people: int | None = None,
        tally: Tally | None = None, counted_on: date | None = None, before: str | None = None,
        reason: str | None = None,
    ) -> PublicAction:
        """The action on its day. ``people`` (or a referendum's ``tally``) is its count, as of
        ``counted_on`` (the action's day when omitted); ``before`` names the body it was
        brought before (a labour tribunal, a council)."""
        what = kind_of(PublicActionKind, kind, term("public action"))
        day = require_date(on, f"day of the {what.value}")
        check_count(what, tally=tally, people=people)
        counted = None
        if tally is not None or people is not None:
            counted = day if counted_on is None else require_date(counted_on, term("day counted"))
        return cls(
            kind=what.value, name=clean_name(name, what.value), on=day,
            source=clean_source(source, what.value),
            threat_ids=list(ids(threats, term("threats it answers"))),
            response_ids=list(ids(responses, term("responses it is part of"))),
            people=people, tally=tally, counted_on=counted,
            before=None if before is None else clean_name(before,
                                                          term("body it was brought before")),
            actor=require_actor(actor), reason=clean_reason(reason),
        )

    @event("Recorded")
    def __init__(
        self, *, kind: str, name: str, on: date, source: str, threat_ids: list[UUID],
        response_ids: list[UUID], people: int | None, tally: Tally | None,
        counted_on: date | None, before: str | None, actor: Actor, reason: str | None,
    ) -> None:
        self.kind = PublicActionKind(kind)
        self.name = name
        self.on = on
        self.source = source
        self.threat_ids = tuple(threat_ids)
        self.response_ids = tuple(response_ids)
        self.before = before
        #: Counts as (day counted, people, tally), in the order recorded.
        self.counts: list[tuple[date, int | None, Tally | None]] = []
        if counted_on is not None:
            self.counts.append((counted_on, people, tally))

    # ----------------------------------------------------------------- queries

    def count_on(self, day: date | None = None) -> tuple[date, int | None, Tally | None] | None:
        """The latest count taken on or before ``day`` (the latest of all when omitted)."""
        found = [c for c in self.counts if day is None or c[0] <= day]
        return max(found, key=lambda c: c[0]) if found else None

    @property
    def tally(self) -> Tally | None:
        latest = self.count_on()
        return None if latest is None else latest[2]

    @property
    def people(self) -> int | None:
        latest = self.count_on()
        return None if latest is None else latest[1]

    def result(self) -> str | None:
        """A referendum's result in words: 'No: 378,726 of 385,727 valid ballots (98.2%)'."""
        tally = self.tally
        if tally is None:
            return None
        rule = Threshold.majority_of_valid()
        side, votes = ("Yes", tally.yes) if rule.met_by(tally) else ("No", tally.no)
        share = votes * 100 / tally.valid if tally.valid else 0
        return (f"{side}: {votes:,} of {tally.valid:,} valid ballots ({share:.1f}%); "
                f"{tally.spoiled:,} spoiled, {tally.cast:,} cast")

    # ---------------------------------------------------------------- commands

    def record_count(self, *, on: date, actor: Actor, people: int | None = None,
                     tally: Tally | None = None, reason: str | None = None) -> None:
        """A count taken on ``on``: ballots as of that day, signatures gathered, attendance."""
        day = require_date(on, term("day counted"))
        who = require_actor(actor)
        if tally is None and people is None:
            raise InvalidInput.worded("a count of the {value} gives its number",
                                      value=self.kind.value)
        check_count(self.kind, tally=tally, people=people)
        if any(c[0] == day for c in self.counts):
            raise RuleViolation.worded("the {value} '{name}' was already counted on {day}",
                                       value=self.kind.value, name=self.name, day=day)
        self._counted(on=day, people=people, tally=tally, actor=who,
                      reason=clean_reason(reason))

    @event("Counted")
    def _counted(self, on: date, people: int | None, tally: Tally | None, actor: Actor,
                 reason: str | None) -> None:
        self.counts.append((on, people, tally))
