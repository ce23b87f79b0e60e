"""A solidarity or non-raiding pact: its signatories and what each commits to, the raids
recorded against it, and the solidarity actions taken under it.

- A pact is signed on a day by two or more signatories (unions, or other movements), each
  with its commitments in words; it runs until its last day, if it has one. Others may sign
  later. A **non-raiding** pact covers a jurisdiction (a province or state code), whose
  raiding period the application's :class:`~bargaining.domain.solidarity.raiding.RaidingCalendar`
  gives.
- A **raid** is a fact: a certification application or a membership drive by one signatory
  for a unit another signatory represents. It is always recorded; while a non-raiding pact is
  in force it carries a :data:`~bargaining.domain.shared.flags.FlagRule.RAID_BREACHES_PACT`
  flag, which says whether it fell in the raiding period of the unit's agreement. Every
  signatory sees it (:meth:`SolidarityPact.breaches`). Only what cannot be true is refused: a
  raid by or on a union that did not sign, or by a union on itself.
- A **solidarity action** is a fact: a local joining another's picket line (with how many
  people), a strike fund transfer (exact money, in a currency), or another act of support.

The state keeps the signatories, the raids (rare) and running totals of the actions; the
actions themselves are its events.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Any

from eventsourcing.domain import Aggregate, event

from bargaining.domain.budgets.money import Money
from bargaining.domain.shared.actor import Actor, clean_reason, require_actor
from bargaining.domain.shared.dates import require_date
from bargaining.domain.shared.errors import InvalidInput, RuleViolation, term
from bargaining.domain.shared.flags import Flag, FlagRule
from bargaining.domain.shared.language import mark
from bargaining.domain.shared.phrases import Phrase, word
from bargaining.domain.shared.phrases import day as phrase_day
from bargaining.domain.shared.text import MAX_NAME, clean_name, clean_source_text
from bargaining.domain.shared.vote import whole_count
from bargaining.domain.solidarity.raiding import RaidingCalendar

#: The kinds of raid.
RAID_KINDS = ("certification application", "membership drive")
#: The kinds of solidarity action the library names (others are recorded in their own words).
PICKET_LINE, STRIKE_FUND = "joined a picket line", "strike fund transfer"


def _named(value: object, what: str, most: int = MAX_NAME) -> str:
    text = clean_name(value, what, most=most)
    if not text:
        raise InvalidInput.worded("a {what} cannot be blank", what=what)
    return text


def _commitments(value: object) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list | tuple) or not value:
        raise InvalidInput.worded("each signatory commits to something: a list of commitments")
    return [_named(v, term("commitment"), 500) for v in value]


class SolidarityPact(Aggregate):
    """A pledge between unions (or with other movements), signed on a day."""

    @classmethod
    def sign(cls, *, name: str, signatories: Mapping[str, object], on: date,
             non_raiding: bool, jurisdiction: str | None = None, ends: date | None = None,
             actor: Actor, reason: str | None = None) -> SolidarityPact:
        """A pact signed on ``on`` by ``signatories`` (name to their commitments)."""
        if not isinstance(signatories, Mapping) or len(signatories) < 2:
            raise InvalidInput.worded("a pact is signed by two or more signatories, each with "
                                      "its commitments")
        signed = {_named(k, term("signatory's name")): _commitments(v) for k,
                  v in signatories.items()}
        if len(signed) != len(signatories):
            raise InvalidInput.worded("a pact names each signatory once")
        if not isinstance(non_raiding, bool):
            raise InvalidInput.worded("whether the pact is a non-raiding pact is True or False")
        where = None if jurisdiction is None else _named(jurisdiction, term("jurisdiction"))
        if non_raiding and where is None:
            raise InvalidInput.worded("a non-raiding pact names its jurisdiction, whose raiding "
                                      "period applies")
        first = require_date(on, term("day the pact was signed"))
        last = None if ends is None else require_date(ends, term("pact's last day"))
        if last is not None and last < first:
            raise InvalidInput.worded("a pact cannot end ({last}) before it is signed ({first})",
                                      last=last, first=first)
        return cls(name=_named(name, term("pact's name")), signatories=signed, on=first,
                   non_raiding=non_raiding, jurisdiction=where, ends=last,
                   actor=require_actor(actor), reason=clean_reason(reason))

    @event("Signed")
    def __init__(self, *, name: str, signatories: dict[str, list[str]], on: date,
                 non_raiding: bool, jurisdiction: str | None, ends: date | None,
                 actor: Actor, reason: str | None) -> None:
        self.name = name
        self.signed_on = on
        self.non_raiding = non_raiding
        self.jurisdiction = jurisdiction
        self.ends = ends
        #: Each signatory's commitments, and the day it signed.
        self.signatories: dict[str, list[str]] = {k: list(v) for k, v in signatories.items()}
        self.joined: dict[str, date] = dict.fromkeys(signatories, on)
        #: The raids recorded, each with its flags: rare, and read by every signatory.
        self.raids: list[dict[str, Any]] = []
        #: Running totals of the solidarity actions: how many, people joining, money moved
        #: per currency.
        self.actions = 0
        self.people = 0
        self.transferred: dict[str, Decimal] = {}

    def in_force(self, day: date) -> bool:
        return self.signed_on <= day and (self.ends is None or day <= self.ends)

    def signatory(self, name: object) -> str:
        """A signatory's name as signed, or a refusal in words."""
        key = _named(name, term("signatory's name"))
        if key not in self.signatories:
            raise InvalidInput.worded("{key} did not sign the pact '{name}'",
                                      key=key, name=self.name)
        return key

    def join(self, *, signatory: str, commits: object, on: date, actor: Actor,
             reason: str | None = None) -> None:
        """Another union or movement signs the pact on ``on``, with its commitments."""
        name = _named(signatory, term("signatory's name"))
        promised = _commitments(commits)
        day = require_date(on, term("day it signed"))
        actor = require_actor(actor)
        if name in self.signatories:
            raise RuleViolation.worded("{name} has already signed the pact '{name2}'",
                                       name=name, name2=self.name)
        self._joined(signatory=name, commits=promised, on=day, actor=actor,
                     reason=clean_reason(reason))

    @event("SignatoryJoined")
    def _joined(self, signatory: str, commits: list[str], on: date, actor: Actor,
                reason: str | None) -> None:
        self.signatories[signatory] = list(commits)
        self.joined[signatory] = on

    def record_raid(self, *, by: str, against: str, unit: str, kind: str, on: date,
                    source: str, expiry: date | None, calendar: RaidingCalendar,
                    actor: Actor, reason: str | None = None) -> tuple[Flag, ...]:
        """A raid by one signatory on a unit another represents (the unit's name or id, as
        the host knows it; its agreement's ``expiry`` if known): always recorded, flagged as
        a breach while a non-raiding pact is in force. Returns its flags."""
        raider, raided = self.signatory(by), self.signatory(against)
        if raider == raided:
            raise InvalidInput.worded("a raid is on a unit another signatory represents")
        if kind not in RAID_KINDS:
            raise InvalidInput.worded("a raid is a {raid_kinds}, not {kind}",
                                      raid_kinds=' or a '.join(RAID_KINDS), kind=repr(kind))
        target = _named(unit, term("unit"))
        day = require_date(on, term("day of the raid"))
        known = None if expiry is None else require_date(expiry, term("unit's agreement's expiry"))
        where = clean_source_text(source, term("source of the raid"))
        if not where:
            raise InvalidInput.worded("a raid needs its source (a filing, a board's notice, a "
                                      "leaflet)")
        actor = require_actor(actor)
        flags = self._raid_flags(raider, raided, kind, day, known, calendar)
        self._raided(by=raider, against=raided, unit=target, kind=kind, on=day, expiry=known,
                     source=where, flags=flags, actor=actor, reason=clean_reason(reason))
        return flags

    def _raid_flags(self, raider: str, raided: str, kind: str, day: date,
                    expiry: date | None, calendar: RaidingCalendar) -> tuple[Flag, ...]:
        if not (self.non_raiding and self.in_force(day)):
            return ()
        window = None
        if expiry is not None and self.jurisdiction is not None:
            window = calendar.window(self.jurisdiction, expiry)
        if window is None:
            period = Phrase.of(mark("the unit's raiding period is not known"))
        elif window[0] <= day <= window[1]:
            period = Phrase.of(mark("in the raiding period, {start} to {end}"),
                               start=phrase_day(window[0]), end=phrase_day(window[1]))
        else:
            period = Phrase.of(mark("outside the raiding period, {start} to {end}"),
                               start=phrase_day(window[0]), end=phrase_day(window[1]))
        return (Flag.worded(FlagRule.RAID_BREACHES_PACT, Phrase.of(
            mark("{raider}'s {kind} on {day} for a unit {raided} represents, while the "
                 "non-raiding pact '{pact}' was in force ({period})"), raider=raider,
            kind=word(kind), day=phrase_day(day), raided=raided, pact=self.name,
            period=period)),)

    @event("RaidRecorded")
    def _raided(self, by: str, against: str, unit: str, kind: str, on: date,
                expiry: date | None, source: str, flags: tuple[Flag, ...], actor: Actor,
                reason: str | None) -> None:
        self.raids.append({"by": by, "against": against, "unit": unit, "kind": kind,
                           "on": on, "flags": list(flags)})

    def breaches(self, seen_by: str) -> list[dict[str, Any]]:
        """The raids flagged as breaches, as ``seen_by`` (any signatory) reads them: every
        signatory sees every breach, whoever raided whom."""
        self.signatory(seen_by)
        return [dict(raid) for raid in self.raids if raid["flags"]]

    def record_action(self, *, by: str, supporting: str, kind: str, on: date,
                      people: int | None = None, amount: Money | None = None, actor: Actor,
                      reason: str | None = None) -> None:
        """A solidarity action on ``on`` by one party for another (signatories or their
        locals, by name): ``people`` who joined (a picket line), or ``amount`` sent (a strike
        fund transfer, exact money in a currency)."""
        giver = _named(by, term("who acted"))
        given_to = _named(supporting, term("who was supported"))
        what = _named(kind, term("kind of action"))
        day = require_date(on, term("day of the action"))
        count = None if people is None else whole_count(people, term("people who joined"))
        if amount is not None and (not isinstance(amount, Money) or amount.amount <= 0):
            raise InvalidInput.worded("an amount sent is Money above zero, with its currency")
        if what == STRIKE_FUND and amount is None:
            raise InvalidInput.worded("a strike fund transfer says how much was sent, as Money")
        if what == PICKET_LINE and not count:
            raise InvalidInput.worded("joining a picket line says how many people joined it")
        actor = require_actor(actor)
        self._acted(by=giver, supporting=given_to, kind=what, on=day, people=count,
                    amount=None if amount is None else amount.amount,
                    currency=None if amount is None else amount.currency, actor=actor,
                    reason=clean_reason(reason))

    @event("ActionRecorded")
    def _acted(self, by: str, supporting: str, kind: str, on: date, people: int | None,
               amount: Decimal | None, currency: str | None, actor: Actor,
               reason: str | None) -> None:
        self.actions += 1
        self.people += people or 0
        if amount is not None and currency is not None:
            self.transferred[currency] = self.transferred.get(currency, Decimal(0)) + amount
