"""Laws a government uses in a dispute: back-to-work orders, imposed contracts, strike bans.

A law is a record of its own (an aggregate): what it is called, the jurisdiction that made it,
what it does, the units it covers (and, where a host says so, the campaigns and clusters it
concerns), and the acts of its life, each a fact with its real-world date and source: tabled,
passed (royal assent), struck down by a court, repealed. A repeal may deem the law never to have
been in force (as Bill 35 did to Bill 28 in Ontario in 2022): from the moment that repeal is
recorded, the law is read as void from the start, while its record keeps both its passing and
its repeal. Read as it was known before the repeal was recorded (time travel), it was in force.

Facts are never refused; only what cannot be true is: passing before it was tabled, passing
twice, a court striking down or a legislature repealing a law that has not passed, or doing so
before it passed.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from datetime import date
from uuid import UUID

from eventsourcing.domain import Aggregate, event

from bargaining.domain.disputes.facts import clean_ids, clean_name, clean_source
from bargaining.domain.shared.actor import Actor, clean_reason, require_actor
from bargaining.domain.shared.dates import require_date
from bargaining.domain.shared.errors import InvalidInput, RuleViolation, term


class LawEffect(enum.Enum):
    """What a law does to the units it covers."""

    BANS_STRIKES = "bans strikes"
    IMPOSES_CONTRACT = "imposes a contract"
    ORDERS_RETURN_TO_WORK = "orders a return to work"
    IMPOSES_MEDIATION_ARBITRATION = "imposes mediation-arbitration"


#: The effects that make a strike on a day the law is in force break it.
STRIKE_BARRING = frozenset(
    {LawEffect.BANS_STRIKES, LawEffect.IMPOSES_CONTRACT, LawEffect.ORDERS_RETURN_TO_WORK}
)


def clean_effects(effects: object) -> tuple[LawEffect, ...]:
    """What a law does: one or more :class:`LawEffect` (or their words), in the enum's order."""
    if isinstance(effects, LawEffect | str):
        effects = (effects,)
    if not isinstance(effects, Iterable):
        raise InvalidInput.worded("say what the law does: one or more LawEffect")
    found: set[LawEffect] = set()
    for value in effects:
        try:
            found.add(value if isinstance(value, LawEffect) else LawEffect(value))
        except ValueError:
            raise InvalidInput.worded("a law {laweffect}, not {value}",
                                      laweffect=' or '.join(e.value for e in LawEffect),
                                      value=repr(value)) from None
    if not found:
        raise InvalidInput.worded("say what the law does: one or more LawEffect")
    return tuple(e for e in LawEffect if e in found)


class Law(Aggregate):
    """A law and the acts of its life (tabled, passed, struck down, repealed)."""

    @classmethod
    def record(
        cls,
        *,
        name: str,
        region: str,
        does: object,
        units: UUID | Iterable[UUID],
        source: str,
        actor: Actor,
        campaigns: UUID | Iterable[UUID] = (),
        clusters: UUID | Iterable[UUID] = (),
        reason: str | None = None,
    ) -> Law:
        """A new law record (the record begins; its acts follow with their dates)."""
        return cls(
            name=clean_name(name, term("law")),
            region=clean_name(region, term("law's jurisdiction")),
            effects=clean_effects(does),
            units=clean_ids(units, term("units the law covers"), required=True),
            campaign_ids=clean_ids(campaigns, term("campaigns the law concerns"), required=False),
            cluster_ids=clean_ids(clusters, term("clusters the law concerns"), required=False),
            source=clean_source(source, term("law")),
            actor=require_actor(actor),
            reason=clean_reason(reason),
        )

    @event("Recorded")
    def __init__(
        self,
        *,
        name: str,
        region: str,
        effects: tuple[LawEffect, ...],
        units: tuple[UUID, ...],
        campaign_ids: tuple[UUID, ...],
        cluster_ids: tuple[UUID, ...],
        source: str,
        actor: Actor,
        reason: str | None,
    ) -> None:
        self.name = name
        self.region = region
        self.effects = tuple(effects)
        self.units = tuple(units)
        self.campaign_ids = tuple(campaign_ids)
        self.cluster_ids = tuple(cluster_ids)
        self.source = source
        self.tabled_on: date | None = None
        self.passed_on: date | None = None
        self.struck_down_on: date | None = None
        self.repealed_on: date | None = None
        self.void_from_start = False
        #: The acts of the law's life as (what, day, source), in the order recorded.
        self.acts: list[tuple[str, date, str]] = []

    # ----------------------------------------------------------------- queries

    def in_force_on(self, day: date) -> bool:
        """Whether the law was in force on ``day``, as this record knows it: passed on or
        before it, not struck down or repealed by then, and not deemed never in force."""
        require_date(day, term("day"))
        if self.void_from_start or self.passed_on is None or day < self.passed_on:
            return False
        ended = [d for d in (self.struck_down_on, self.repealed_on) if d is not None]
        return not any(end <= day for end in ended)

    def covers(self, unit_id: UUID) -> bool:
        """Whether the law names this unit among those it covers."""
        return unit_id in self.units

    @property
    def bars_strikes(self) -> bool:
        """Whether striking while it is in force breaks it (a ban, an imposed contract, an
        order to return to work)."""
        return bool(STRIKE_BARRING.intersection(self.effects))

    def describe_effects(self) -> str:
        return ", ".join(e.value for e in self.effects)

    def describe_life(self) -> str:
        """'passed 2022-11-03; repealed 2022-11-14, deemed never in force'."""
        parts = []
        for what, day, _ in self.acts:
            text = f"{what} {day}"
            if what == "repealed" and self.void_from_start:
                text += ", deemed never in force"
            parts.append(text)
        return "; ".join(parts) or "not tabled or passed yet"

    # ---------------------------------------------------------------- commands

    def table(self, *, on: date, source: str, actor: Actor, reason: str | None = None) -> None:
        """The bill was tabled (introduced) on ``on``."""
        day = require_date(on, term("date the law was tabled"))
        actor, text = require_actor(actor), clean_source(source, term("tabling"))
        if self.tabled_on is not None:
            raise RuleViolation.worded("{name} was already tabled, on {tabled_on}",
                                       name=self.name, tabled_on=self.tabled_on)
        if self.passed_on is not None and day > self.passed_on:
            raise RuleViolation.worded("{name} passed on {passed_on}; it cannot have been tabled "
                                       "after that, on {day}",
                                       name=self.name, passed_on=self.passed_on, day=day)
        self._tabled(on=day, source=text, actor=actor, reason=clean_reason(reason))

    @event("Tabled")
    def _tabled(self, on: date, source: str, actor: Actor, reason: str | None) -> None:
        self.tabled_on = on
        self.acts.append(("tabled", on, source))

    def pass_(self, *, on: date, source: str, actor: Actor, reason: str | None = None) -> None:
        """The law passed (received royal assent) on ``on``; it is in force from that day."""
        day = require_date(on, term("date the law passed"))
        actor, text = require_actor(actor), clean_source(source, term("passing"))
        if self.passed_on is not None:
            raise RuleViolation.worded("{name} already passed, on {passed_on}",
                                       name=self.name, passed_on=self.passed_on)
        if self.tabled_on is not None and day < self.tabled_on:
            raise RuleViolation.worded("{name} was tabled on {tabled_on}; it cannot pass before "
                                       "that, on {day}",
                                       name=self.name, tabled_on=self.tabled_on, day=day)
        self._passed(on=day, source=text, actor=actor, reason=clean_reason(reason))

    @event("Passed")
    def _passed(self, on: date, source: str, actor: Actor, reason: str | None) -> None:
        self.passed_on = on
        self.acts.append(("passed", on, source))

    def _require_passed(self, day: date, act: str) -> date:
        if self.passed_on is None:
            raise RuleViolation.worded("{name} has not passed: it cannot be {act}",
                                       name=self.name, act=act)
        if day < self.passed_on:
            raise RuleViolation.worded("{name} passed on {passed_on}; it cannot be {act} before "
                                       "that, on {day}",
                                       name=self.name, passed_on=self.passed_on, act=act, day=day)
        return self.passed_on

    def strike_down(
        self, *, on: date, source: str, actor: Actor, court: str | None = None,
        reason: str | None = None,
    ) -> None:
        """A court struck the law down on ``on``; it is not in force from that day."""
        day = require_date(on, term("date the law was struck down"))
        actor, text = require_actor(actor), clean_source(source, term("ruling"))
        self._require_passed(day, term("struck down"))
        if self.struck_down_on is not None:
            raise RuleViolation.worded("{name} was already struck down, on {struck_down_on}",
                                       name=self.name, struck_down_on=self.struck_down_on)
        by = None if court is None else clean_name(court, term("court"))
        self._struck_down(on=day, court=by, source=text, actor=actor,
                          reason=clean_reason(reason))

    @event("StruckDown")
    def _struck_down(
        self, on: date, court: str | None, source: str, actor: Actor, reason: str | None
    ) -> None:
        self.struck_down_on = on
        self.acts.append(("struck down", on, source))

    def repeal(
        self, *, on: date, source: str, actor: Actor, deemed_never_in_force: bool = False,
        by: str | None = None, reason: str | None = None,
    ) -> None:
        """The law was repealed on ``on`` (``by`` another act, where named). A repeal that
        deems it never in force voids it from the start, as known from this record on."""
        day = require_date(on, term("date the law was repealed"))
        actor, text = require_actor(actor), clean_source(source, term("repeal"))
        if not isinstance(deemed_never_in_force, bool):
            raise InvalidInput.worded("say whether the repeal deems the law never in force (True "
                                      "or False)")
        self._require_passed(day, term("repealed"))
        if self.repealed_on is not None:
            raise RuleViolation.worded("{name} was already repealed, on {repealed_on}",
                                       name=self.name, repealed_on=self.repealed_on)
        act = None if by is None else clean_name(by, term("repealing act"))
        self._repealed(on=day, deemed_never_in_force=deemed_never_in_force, by=act, source=text,
                       actor=actor, reason=clean_reason(reason))

    @event("Repealed")
    def _repealed(
        self, on: date, deemed_never_in_force: bool, by: str | None, source: str, actor: Actor,
        reason: str | None,
    ) -> None:
        self.repealed_on = on
        self.void_from_start = deemed_never_in_force
        self.acts.append(("repealed", on, source))

