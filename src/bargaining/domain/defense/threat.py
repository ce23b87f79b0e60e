"""Threats to public services: privatization, contracting out, cuts, closures, legislation.

A threat is a fact with its day (``on``) and source, registered against the sectors, regions,
employers or services it hits (and, where a host knows them, the units). Its life is facts
too: withdrawn, defeated, passed, implemented, each with its day and source. A fact is never
refused for its date: one dated before the threat or before an act already recorded, or
recorded after the threat ended, is recorded with a ``THREAT_OUT_OF_ORDER`` flag saying why.
Only what cannot be true is refused: the same act twice, a malformed value.

``behind`` names what drives the threat (a law, a ministry, a contractor): threats that share
one are the same playbook, and the connected fight links them.
"""

from __future__ import annotations

import enum
from datetime import date
from uuid import UUID

from eventsourcing.domain import Aggregate, event

from bargaining.domain.defense.words import ids, key, kind_of, names
from bargaining.domain.disputes.facts import clean_name, clean_source
from bargaining.domain.shared.actor import Actor, clean_reason, require_actor
from bargaining.domain.shared.dates import require_date
from bargaining.domain.shared.errors import InvalidInput, RuleViolation, term
from bargaining.domain.shared.flags import Flag, FlagRule
from bargaining.domain.shared.language import mark
from bargaining.domain.shared.phrases import Phrase, word
from bargaining.domain.shared.phrases import day as phrase_day


class ThreatKind(enum.Enum):
    """What a threat does to public services."""

    PRIVATIZATION = "privatization"
    CONTRACTING_OUT = "contracting out"
    CUTS = "cuts"
    CLOSURE = "closure"
    LEGISLATION = "legislation"


class ThreatOutcome(enum.Enum):
    """An act of a threat's life. Withdrawn, defeated and implemented end it; a threat that
    passed (a bill, a budget) is still to be implemented."""

    WITHDRAWN = "withdrawn"
    DEFEATED = "defeated"
    PASSED = "passed"
    IMPLEMENTED = "implemented"

    @property
    def ends(self) -> bool:
        return self is not ThreatOutcome.PASSED


class Threat(Aggregate):
    """A threat to public services and the acts of its life."""

    @classmethod
    def register(
        cls,
        kind: object,
        *,
        name: str,
        on: date,
        source: str,
        actor: Actor,
        behind: object = (),
        sectors: object = (),
        regions: object = (),
        employers: object = (),
        services: object = (),
        units: object = (),
        reason: str | None = None,
    ) -> Threat:
        """A threat registered against what it hits: at least one sector, region, employer,
        service or unit. ``on`` is the day it became known (announced, tabled)."""
        what = kind_of(ThreatKind, kind, term("threat"))
        targets = {
            "sectors": names(sectors, term("sectors it hits")),
            "regions": names(regions, term("regions it hits")),
            "employers": names(employers, term("employers it hits")),
            "services": names(services, term("services it hits")),
        }
        unit_ids = ids(units, term("units it hits"))
        if not any(targets.values()) and not unit_ids:
            raise InvalidInput.worded("a threat names what it hits: sectors, regions, employers, "
                                      "services or units (one at least)")
        return cls(
            kind=what.value,
            name=clean_name(name, term("threat")),
            on=require_date(on, term("day the threat became known")),
            source=clean_source(source, term("threat")),
            behind=list(names(behind,
                              term("drivers of the threat (a law, a ministry, a contractor)"))),
            sectors=list(targets["sectors"]),
            regions=list(targets["regions"]),
            employers=list(targets["employers"]),
            services=list(targets["services"]),
            units=list(unit_ids),
            actor=require_actor(actor),
            reason=clean_reason(reason),
        )

    @event("Registered")
    def __init__(
        self, *, kind: str, name: str, on: date, source: str, behind: list[str],
        sectors: list[str], regions: list[str], employers: list[str], services: list[str],
        units: list[UUID], actor: Actor, reason: str | None,
    ) -> None:
        self.kind = ThreatKind(kind)
        self.name = name
        self.on = on
        self.source = source
        self.behind = tuple(behind)
        self.sectors = tuple(sectors)
        self.regions = tuple(regions)
        self.employers = tuple(employers)
        self.services = tuple(services)
        self.units = tuple(units)
        #: The acts of its life as (outcome, day, source, flags), in the order recorded.
        self.acts: list[tuple[ThreatOutcome, date, str, tuple[Flag, ...]]] = []

    # ----------------------------------------------------------------- queries

    @property
    def ended(self) -> tuple[ThreatOutcome, date] | None:
        """The act that ended it (withdrawn, defeated, implemented) and its day, if any."""
        for outcome, day, _, _ in self.acts:
            if outcome.ends:
                return outcome, day
        return None

    @property
    def status(self) -> str:
        """'open', or its latest act and day: 'passed 2023-05-18'."""
        if not self.acts:
            return "open"
        outcome, day, _, _ = self.acts[-1]
        return f"{outcome.value} {day}"

    @property
    def flags(self) -> tuple[Flag, ...]:
        return tuple(f for *_, flags in self.acts for f in flags)

    def open_on(self, day: date) -> bool:
        """Whether the threat was live on ``day``: known by then and not ended by then."""
        ended = self.ended
        return self.on <= day and (ended is None or day < ended[1])

    def driven_by(self) -> set[str]:
        """Its drivers as they are compared (case and spacing aside)."""
        return {key(b) for b in self.behind}

    # ---------------------------------------------------------------- commands

    def record_outcome(
        self, outcome: object, *, on: date, source: str, actor: Actor, reason: str | None = None
    ) -> tuple[Flag, ...]:
        """An act of the threat's life, on its day; returns the flags it carries."""
        what = kind_of(ThreatOutcome, outcome, term("threat's outcome"))
        day = require_date(on, f"day the threat was {what.value}")
        text, who = clean_source(source, f"{what.value} threat"), require_actor(actor)
        if any(o is what for o, *_ in self.acts):
            raise RuleViolation.worded("'{name}' was already recorded as {what}",
                                       name=self.name, what=what.value)
        flags = []
        if day < self.on:
            flags.append(Flag.worded(FlagRule.THREAT_OUT_OF_ORDER, Phrase.of(
                mark("{what} on {day}, before the threat became known on {known}"),
                what=word(what.value), day=phrase_day(day), known=phrase_day(self.on))))
        later = [(o, d) for o, d, _, _ in self.acts if d > day]
        if later:
            o, d = later[0]
            flags.append(Flag.worded(FlagRule.THREAT_OUT_OF_ORDER, Phrase.of(
                mark("{what} on {day}, before it was {later} on {later_day}"),
                what=word(what.value), day=phrase_day(day), later=word(o.value),
                later_day=phrase_day(d))))
        ended = self.ended
        if ended is not None:
            flags.append(Flag.worded(FlagRule.THREAT_OUT_OF_ORDER, Phrase.of(
                mark("{what} after it was {ended} on {ended_day}"), what=word(what.value),
                ended=word(ended[0].value), ended_day=phrase_day(ended[1]))))
        self._outcome_recorded(outcome=what.value, on=day, source=text, flags=flags,
                               actor=who, reason=clean_reason(reason))
        return tuple(flags)

    @event("OutcomeRecorded")
    def _outcome_recorded(self, outcome: str, on: date, source: str, flags: list[Flag],
                          actor: Actor, reason: str | None) -> None:
        self.acts.append((ThreatOutcome(outcome), on, source, tuple(flags)))
