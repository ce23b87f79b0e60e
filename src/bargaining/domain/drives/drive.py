"""An organizing drive: a workplace with no union yet, from the first cards to certification.

- A drive is started on a day at a workplace (its name, its employer, the jurisdiction whose
  labour law governs it) by a union, with the workers eligible as first counted; the
  organizing context's workplace id may be given, never required (a drive may start before
  the mapping); the application refuses an id the organizing context does not know.
- Cards signed are **facts**, counted on days: a count is how many had signed by then. More
  cards than eligible workers cannot be, and is refused; so is an eligible count below the
  cards already counted on or after its day.
- The application is filed on a day with a board or tribunal; a certification vote is a
  :class:`~bargaining.domain.shared.vote.Vote`.
- Certified (on a day, by card check or after the vote, with the certificate's source) is a
  **fact**: always recorded, and flagged
  :data:`~bargaining.domain.shared.flags.FlagRule.CERTIFIED_BELOW_THRESHOLD` when the cards or
  the vote fall short of the jurisdiction's rule as the host configured it. The workplace
  becomes a bargaining unit (the application registers it, without an agreement yet), and
  first-contract bargaining follows in a round of the existing model.
- Dismissed (on a day, with the board's grounds) is a fact too. A certified or dismissed
  drive records nothing more but the first-contract round; a new application is a new drive.
"""

from __future__ import annotations

from datetime import date
from uuid import UUID

from eventsourcing.domain import Aggregate, event

from bargaining.domain.drives.rules import CERTIFICATION_VOTE, METHODS, CertificationRule
from bargaining.domain.shared.actor import Actor, clean_reason, require_actor
from bargaining.domain.shared.dates import require_date
from bargaining.domain.shared.errors import InvalidInput, RuleViolation, term
from bargaining.domain.shared.flags import Flag, FlagRule
from bargaining.domain.shared.language import mark
from bargaining.domain.shared.phrases import Phrase, count, part, word
from bargaining.domain.shared.phrases import day as phrase_day
from bargaining.domain.shared.shares import percent_of
from bargaining.domain.shared.text import clean_name, clean_source_text
from bargaining.domain.shared.vote import Vote, whole_count

ORGANIZING, FILED, CERTIFIED, DISMISSED = ("organizing", "application filed", "certified",
                                           "dismissed")


def named(value: object, what: str) -> str:
    """A name a drive records: one line of plain text, never blank."""
    text = clean_name(value, what)
    if not text:
        raise InvalidInput.worded("a {what} cannot be blank", what=what)
    return text


def sourced(value: object, what: str) -> str:
    """Where a fact is known from, never blank."""
    text = clean_source_text(value, what)
    if not text:
        raise InvalidInput.worded("the {what} is needed (a board's decision, a filing, a notice)",
                                  what=what)
    return text


def counted(value: object, what: str) -> int:
    return whole_count(value, what)


class Drive(Aggregate):
    """An organizing drive at one workplace, to certification or dismissal."""

    @classmethod
    def start(cls, *, workplace: str, employer: str, jurisdiction: str, union: str,
              eligible: int, on: date, actor: Actor, workplace_id: UUID | None = None,
              reason: str | None = None) -> Drive:
        """A drive started on ``on`` by ``union`` at a workplace of ``eligible`` workers."""
        if workplace_id is not None and not isinstance(workplace_id, UUID):
            raise InvalidInput.worded("a workplace id is the UUID the organizing context gave it")
        return cls(workplace=named(workplace, "workplace's name"),
                   employer=named(employer, "employer"),
                   jurisdiction=named(jurisdiction, "jurisdiction"),
                   union=named(union, "union"), eligible=counted(eligible, "eligible workers"),
                   on=require_date(on, term("day the drive started")), workplace_id=workplace_id,
                   actor=require_actor(actor), reason=clean_reason(reason))

    @event("Started")
    def __init__(self, *, workplace: str, employer: str, jurisdiction: str, union: str,
                 eligible: int, on: date, workplace_id: UUID | None, actor: Actor,
                 reason: str | None) -> None:
        self.workplace = workplace
        self.employer = employer
        self.jurisdiction = jurisdiction
        self.union = union
        self.workplace_id = workplace_id
        self.started_on = on
        #: Each count of eligible workers and of cards signed: (day, count), as recorded.
        self.eligible_counts: list[tuple[date, int]] = [(on, eligible)]
        self.card_counts: list[tuple[date, int]] = []
        self.status = ORGANIZING
        self.filed_on: date | None = None
        self.board: str | None = None
        self.votes: list[Vote] = []
        self.closed_on: date | None = None
        self.method: str | None = None
        self.flags: list[Flag] = []
        self.unit_id: UUID | None = None
        self.round_id: UUID | None = None

    # ----------------------------------------------------------------- queries

    @property
    def label(self) -> str:
        """How organizers name the drive: 'CSN at Amazon DXT4 Laval (Amazon Canada)'."""
        return f"{self.union} at {self.workplace} ({self.employer})"

    @staticmethod
    def _latest(counts: list[tuple[date, int]], day: date | None) -> int | None:
        kept = [(c[0], order, c[1]) for order, c in enumerate(counts)
                if day is None or c[0] <= day]
        # the latest day's count; of two on that day (a recount), the one recorded last
        return max(kept)[2] if kept else None

    def eligible_on(self, day: date | None = None) -> int:
        """The workers eligible as last counted on or before ``day`` (by default, the latest)."""
        found = self._latest(self.eligible_counts, day)
        return self.eligible_counts[0][1] if found is None else found

    def cards_on(self, day: date | None = None) -> int:
        """The cards signed as last counted on or before ``day`` (0 before any count)."""
        return self._latest(self.card_counts, day) or 0

    @property
    def eligible(self) -> int:
        return self.eligible_on()

    @property
    def cards(self) -> int:
        return self.cards_on()

    @property
    def vote(self) -> Vote | None:
        """The latest certification vote recorded."""
        return self.votes[-1] if self.votes else None

    # ---------------------------------------------------------------- commands

    def _open(self, day: object, what: str) -> date:
        if self.status in (CERTIFIED, DISMISSED):
            raise RuleViolation.worded("the drive of {label} was {status} on {closed_on}: a new "
                                       "application is a new drive",
                                       label=self.label, status=self.status,
                                       closed_on=self.closed_on)
        return self._after_start(day, what)

    def _after_start(self, day: object, what: str) -> date:
        when = require_date(day, what)
        if when < self.started_on:
            raise InvalidInput.worded("the {what} ({when}) is before the drive started "
                                      "({started_on})",
                                      what=what, when=when, started_on=self.started_on)
        return when

    def count_cards(self, *, signed: int, on: date, actor: Actor,
                    reason: str | None = None) -> None:
        """By ``on``, ``signed`` workers had signed cards."""
        cards = counted(signed, "cards signed")
        day = self._open(on, "day the cards were counted")
        eligible = self.eligible_on(day)
        if cards > eligible:
            raise RuleViolation.worded("{cards:,} cards signed cannot be: the workplace had "
                                       "{eligible:,} eligible workers on {day}",
                                       cards=cards, eligible=eligible, day=day)
        self._cards_counted(signed=cards, on=day, actor=require_actor(actor),
                            reason=clean_reason(reason))

    @event("CardsCounted")
    def _cards_counted(self, signed: int, on: date, actor: Actor, reason: str | None) -> None:
        self.card_counts.append((on, signed))

    def count_eligible(self, *, eligible: int, on: date, actor: Actor,
                       reason: str | None = None) -> None:
        """On ``on`` the workplace had ``eligible`` workers in the unit applied for."""
        workers = counted(eligible, "eligible workers")
        day = self._open(on, "day the workers were counted")
        later = [d for d, _ in self.eligible_counts if d > day]
        until = min(later) if later else None
        for when, cards in self.card_counts:
            if when >= day and (until is None or when < until) and cards > workers:
                raise RuleViolation.worded("{workers:,} eligible workers cannot be: {cards:,} "
                                           "cards were counted on {when}",
                                           workers=workers, cards=cards, when=when)
        self._eligible_counted(eligible=workers, on=day, actor=require_actor(actor),
                               reason=clean_reason(reason))

    @event("EligibleCounted")
    def _eligible_counted(self, eligible: int, on: date, actor: Actor,
                          reason: str | None) -> None:
        self.eligible_counts.append((on, eligible))

    def file_application(self, *, on: date, board: str, source: str, actor: Actor,
                         reason: str | None = None) -> None:
        """The application for certification filed on ``on`` with ``board``."""
        day = self._open(on, "day the application was filed")
        if self.filed_on is not None:
            raise RuleViolation.worded("the application of {label} was filed on {filed_on}",
                                       label=self.label, filed_on=self.filed_on)
        self._filed(on=day, board=named(board, "board or tribunal"),
                    source=sourced(source, term("application's source")),
                    actor=require_actor(actor), reason=clean_reason(reason))

    @event("ApplicationFiled")
    def _filed(self, on: date, board: str, source: str, actor: Actor,
               reason: str | None) -> None:
        self.filed_on, self.board, self.status = on, board, FILED

    def record_vote(self, vote: Vote, *, actor: Actor, reason: str | None = None) -> None:
        """A certification vote held among the workers: a fact, whether it carried or not."""
        if not isinstance(vote, Vote):
            raise InvalidInput.worded("a certification vote is a Vote, with its Tally")
        self._open(vote.held_on, "day the certification vote was held")
        self._voted(vote=vote, actor=require_actor(actor), reason=clean_reason(reason))

    @event("VoteHeld")
    def _voted(self, vote: Vote, actor: Actor, reason: str | None) -> None:
        self.votes.append(vote)

    def certify(self, *, on: date, method: str, source: str, unit_id: UUID,
                rule: CertificationRule | None, actor: Actor,
                reason: str | None = None) -> tuple[Flag, ...]:
        """The board certified the union on ``on`` by ``method`` (card check or after the
        certification vote): always recorded, flagged when short of ``rule`` (the
        jurisdiction's, as the host configured it). Returns its flags."""
        day = self._open(on, "day of certification")
        if method not in METHODS:
            raise InvalidInput.worded("a union is certified by {methods}, not {method}",
                                      methods=' or by '.join(METHODS), method=repr(method))
        if method == CERTIFICATION_VOTE and not self._votes_by(day):
            raise RuleViolation.worded("no certification vote is recorded for {label} on or "
                                       "before {day}: record the vote first",
                                       label=self.label, day=day)
        if self.filed_on is not None and self.filed_on > day:
            raise RuleViolation.worded("{label} cannot be certified on {day}, before its "
                                       "application was filed on {filed_on}",
                                       label=self.label, day=day, filed_on=self.filed_on)
        if not isinstance(unit_id, UUID):
            raise InvalidInput.worded("a certified drive names the unit it became by its id")
        where = sourced(source, term("certificate's source"))
        flags = self.certification_flags(method, day, rule)
        self._certified(on=day, method=method, source=where, unit_id=unit_id, flags=flags,
                        actor=require_actor(actor), reason=clean_reason(reason))
        return flags

    def _votes_by(self, day: date) -> list[Vote]:
        """The votes held on or before ``day``, in the order they were held."""
        return sorted((v for v in self.votes if v.held_on <= day), key=lambda v: v.held_on)

    def certification_flags(self, method: str, day: date,
                            rule: CertificationRule | None) -> tuple[Flag, ...]:
        """The flags a certification on ``day`` by ``method`` carries under ``rule``."""
        if method == CERTIFICATION_VOTE:
            vote = self._votes_by(day)[-1]
            if vote.passed:
                return ()
            return (Flag.worded(FlagRule.CERTIFIED_BELOW_THRESHOLD, Phrase.of(
                mark("the certification vote of {held_on} did not carry: {vote}"),
                held_on=phrase_day(vote.held_on), vote=vote.phrase())),)
        if rule is None:
            return ()
        cards, eligible = self.cards_on(day), self.eligible_on(day)
        if rule.certifies_on_cards(cards, eligible):
            return ()
        share = part(percent_of(cards, eligible))
        if rule.cards_alone is None:
            why = Phrase.of(mark("{rule} certifies on a vote, not on cards alone ({share} of "
                                 "cards)"), rule=word(rule.name), share=share)
        else:
            why = Phrase.of(mark("{cards} cards of {eligible} eligible ({share}) on {day}, not "
                                 "more than {threshold} ({rule})"), cards=count(cards),
                            eligible=count(eligible), share=share, day=phrase_day(day),
                            threshold=part(rule.cards_alone), rule=word(rule.name))
        return (Flag.worded(FlagRule.CERTIFIED_BELOW_THRESHOLD, why),)

    @event("Certified")
    def _certified(self, on: date, method: str, source: str, unit_id: UUID,
                   flags: tuple[Flag, ...], actor: Actor, reason: str | None) -> None:
        self.status, self.closed_on, self.method = CERTIFIED, on, method
        self.unit_id = unit_id
        self.flags = list(flags)

    def dismiss(self, *, on: date, grounds: str, source: str, actor: Actor,
                reason: str | None = None) -> None:
        """The board dismissed the application on ``on``, on ``grounds`` (in its words)."""
        day = self._open(on, "day of dismissal")
        self._dismissed(on=day, grounds=named(grounds, "grounds of dismissal"),
                        source=sourced(source, term("dismissal's source")),
                        actor=require_actor(actor), reason=clean_reason(reason))

    @event("Dismissed")
    def _dismissed(self, on: date, grounds: str, source: str, actor: Actor,
                   reason: str | None) -> None:
        self.status, self.closed_on = DISMISSED, on

    def open_first_contract(self, *, round_id: UUID, on: date, actor: Actor,
                            reason: str | None = None) -> None:
        """First-contract bargaining opened on ``on`` in the round ``round_id``."""
        if self.status != CERTIFIED:
            raise RuleViolation.worded("the drive of {label} is not certified: first-contract "
                                       "bargaining follows certification",
                                       label=self.label)
        if self.round_id is not None:
            raise RuleViolation.worded("first-contract bargaining for {label} is already open",
                                       label=self.label)
        day = self._after_start(on, term("day first-contract bargaining opened"))
        assert self.closed_on is not None
        if day < self.closed_on:
            raise InvalidInput.worded("first-contract bargaining cannot open ({day}) before "
                                      "certification ({closed_on})",
                                      day=day, closed_on=self.closed_on)
        self._first_contract(round_id=round_id, on=day, actor=require_actor(actor),
                             reason=clean_reason(reason))

    @event("FirstContractOpened")
    def _first_contract(self, round_id: UUID, on: date, actor: Actor,
                        reason: str | None) -> None:
        self.round_id = round_id
