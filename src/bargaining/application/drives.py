"""Commands and queries on organizing drives: started at a workplace with no union yet, cards
counted, the application filed, a certification vote, certified (the workplace becomes a
bargaining unit, registered in the same transaction) or dismissed, and first-contract
bargaining opened as a round of the existing model.

``app.drives`` is a :class:`Drives`. Every command names its actor and takes an optional
reason; a refused command records nothing. Reads take ``on``, ``at`` or ``version``, one at
most.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any
from uuid import UUID

from bargaining.application.ports import Records
from bargaining.application.time_travel import load_reading
from bargaining.application.units import Units
from bargaining.domain.coordination.round import BargainingRound
from bargaining.domain.drives.drive import Drive
from bargaining.domain.drives.rules import EXAMPLE_CERTIFICATION_RULES, CertificationRules
from bargaining.domain.organizing.workplace import Workplace
from bargaining.domain.people.reading import Reader, ReadPolicy
from bargaining.domain.shared.actor import Actor
from bargaining.domain.shared.errors import (
    ConcurrentChange,
    InvalidInput,
    RecordNotFound,
    RuleViolation,
    UnitAlreadyRegistered,
    term,
)
from bargaining.domain.shared.flags import Flag
from bargaining.domain.shared.language import translate
from bargaining.domain.shared.vote import Vote
from bargaining.domain.units.profile import UnitProfile
from bargaining.domain.units.unit import BargainingUnit

_D: Any = Drive
_DRIVE = "organizing drive"


class Drives:
    """Organizing drives to certification, and the first contract after."""

    def __init__(self, records: Records, units: Units,
                 rules: CertificationRules | None = None,
                 policy: ReadPolicy | None = None) -> None:
        if rules is not None and not isinstance(rules, CertificationRules):
            raise InvalidInput.worded("the certification thresholds are CertificationRules")
        self._records = records
        #: The units context, which gives a new unit its id (keyed on an encrypted store).
        self._units = units
        #: The host's certification thresholds by jurisdiction, which certifications are
        #: flagged against.
        self.rules = EXAMPLE_CERTIFICATION_RULES if rules is None else rules
        #: The read policy a member-facing read of a drive's counts follows.
        self.policy = ReadPolicy() if policy is None else policy

    def start(self, *, workplace: str, employer: str, jurisdiction: str, union: str,
              eligible: int, on: date, actor: Actor, workplace_id: UUID | None = None,
              reason: str | None = None) -> UUID:
        """A drive started on ``on`` by ``union`` at a workplace with no union yet, of
        ``eligible`` workers. A drive may start before its workplace is mapped; once it is,
        ``workplace_id`` names the organizing context's workplace, and an id the organizing
        context does not know is refused (``RecordNotFound``): it would link the drive to
        nothing. Returns the drive's id (random: it reveals nothing of the workplace)."""
        drive = Drive.start(workplace=workplace, employer=employer, jurisdiction=jurisdiction,
                            union=union, eligible=eligible, on=on, actor=actor,
                            workplace_id=workplace_id, reason=reason)
        if workplace_id is not None:
            self._mapped(workplace_id)
        self._records.save(drive)
        return drive.id

    def count_cards(self, drive: UUID, *, signed: int, on: date, actor: Actor,
                    reason: str | None = None) -> None:
        """By ``on``, ``signed`` workers had signed union cards (a count, never names)."""
        found = self.get(drive)
        found.count_cards(signed=signed, on=on, actor=actor, reason=reason)
        self._records.save(found)

    def count_eligible(self, drive: UUID, *, eligible: int, on: date, actor: Actor,
                       reason: str | None = None) -> None:
        """On ``on`` the unit applied for had ``eligible`` workers."""
        found = self.get(drive)
        found.count_eligible(eligible=eligible, on=on, actor=actor, reason=reason)
        self._records.save(found)

    def file_application(self, drive: UUID, *, on: date, board: str, source: str,
                         actor: Actor, reason: str | None = None) -> None:
        """The application for certification filed on ``on`` with ``board`` (the labour
        board or tribunal)."""
        found = self.get(drive)
        found.file_application(on=on, board=board, source=source, actor=actor, reason=reason)
        self._records.save(found)

    def record_vote(self, drive: UUID, vote: Vote, *, actor: Actor,
                    reason: str | None = None) -> None:
        """A certification vote among the workers: recorded whether it carried or not."""
        found = self.get(drive)
        found.record_vote(vote, actor=actor, reason=reason)
        self._records.save(found)

    def route(self, drive: UUID, *, on: date | None = None,
              reader: Reader | None = None) -> str:
        """Where the drive's cards lead under its jurisdiction's rule, in words (on cards
        alone, to a vote, or short of a vote), as of ``on`` (by default, the latest count), in
        the reader's language (``app.reading(...)``). Records nothing. A member is refused as
        :meth:`get` says."""
        found = self.get(drive, on=on, reader=reader)
        rule = self.rules.rule_for(found.jurisdiction)
        if rule is None:
            return translate("no certification rule is configured for {jurisdiction}",
                             jurisdiction=found.jurisdiction)
        return rule.route(found.cards, found.eligible)

    def certify(self, drive: UUID, *, on: date, method: str, source: str, local: str,
                unit_name: str, actor: Actor, sector: str = "", city: str = "",
                reason: str | None = None) -> tuple[UUID, tuple[Flag, ...]]:
        """The union was certified on ``on`` by ``method`` (``CARD_CHECK`` or
        ``CERTIFICATION_VOTE``): a fact, flagged when short of the jurisdiction's threshold as
        configured. The workplace becomes a bargaining unit of ``local`` named ``unit_name``
        (registered with its eligible workers, without an agreement yet) in the same
        transaction. Returns the unit's id and the flags."""
        found = self.get(drive)
        profile = UnitProfile(union=found.union, local=local, employer=found.employer,
                              unit_name=unit_name, sector=sector, region=found.jurisdiction,
                              city=city, headcount=found.eligible)
        candidates = self._units.ids_of(profile.union, profile.local, profile.employer,
                                        profile.unit_name)
        unit = BargainingUnit.register(profile, actor=actor, reason=reason,
                                       unit_id=candidates[0])
        if any(self._records.contains(uid) for uid in candidates):
            raise UnitAlreadyRegistered.worded("{label} is already registered", label=unit.label)
        flags = found.certify(on=on, method=method, source=source, unit_id=unit.id,
                              rule=self.rules.rule_for(found.jurisdiction), actor=actor,
                              reason=reason)
        try:
            self._records.save(found, unit)
        except ConcurrentChange:
            raise ConcurrentChange.worded("{label} changed while it was being certified: reload "
                                          "and try again",
                                          label=found.label) from None
        return unit.id, flags

    def dismiss(self, drive: UUID, *, on: date, grounds: str, source: str, actor: Actor,
                reason: str | None = None) -> None:
        """The board dismissed the application on ``on``, on ``grounds``."""
        found = self.get(drive)
        found.dismiss(on=on, grounds=grounds, source=source, actor=actor, reason=reason)
        self._records.save(found)

    def open_first_contract(self, drive: UUID, *, on: date, actor: Actor,
                            reason: str | None = None) -> UUID:
        """First-contract bargaining opens on ``on`` (notice to bargain served): a round of
        the unit the drive became, recorded with the drive in one transaction. Returns the
        round's id (``app.rounds`` carries it on)."""
        found = self.get(drive)
        if found.unit_id is None:
            raise RuleViolation.worded("the drive of {label} is not certified: first-contract "
                                       "bargaining follows certification",
                                       label=found.label)
        bargaining_round = BargainingRound.open(unit_id=found.unit_id, on=on, actor=actor,
                                                reason=reason)
        found.open_first_contract(round_id=bargaining_round.id, on=on, actor=actor,
                                  reason=reason)
        self._records.save(found, bargaining_round)
        return bargaining_round.id

    def _mapped(self, workplace: UUID) -> None:
        """Refuses a workplace id the organizing context does not know (or that names
        another kind of record)."""
        if not self._records.contains(workplace):
            raise RecordNotFound.worded("the organizing context knows no workplace with id "
                                        "{workplace}: map the workplace first, or start the "
                                        "drive without its id", workplace=workplace)
        self._records.load(workplace, Workplace, term("workplace"))

    def get(self, drive: UUID, *, on: date | None = None, at: datetime | None = None,
            version: int | None = None, reader: Reader | None = None) -> Drive:
        """A drive as recorded, or as it was on a day, known at a moment, or at a version
        (one at most). A member-facing ``reader`` (a member, under the default policy) is
        refused (:class:`NotAllowedToRead`) a drive any of whose counts as recorded now
        would single out fewer than five workers, whatever day or moment they ask about: a
        drive of four, one that all but two signed, a vote that two did not cast or three
        voted against, or any two readings of it that differ by a few: 150 cards on one day
        and 152 on another, however many counts came between (the two who signed), 100
        eligible then 102 with the cards unchanged (two newcomers who did not sign), or 40
        who had not signed then 43. The whole record is checked, not the reading asked for:
        a member shown the drive as it was on one day and as known at another moment could
        otherwise subtract the two."""
        checked = self.policy.check_reader(reader)
        found = load_reading(self._records, drive, Drive, _DRIVE, on=on, at=at,
                             version=version)
        if self.policy.member_facing(checked):
            events: list[Any] = []

            def every(recorded: Sequence[Any]) -> Sequence[Any]:
                events.extend(recorded)
                return recorded

            latest = self._records.load_where(drive, Drive, _DRIVE, every)
            assert latest is not None  # every event kept: the first too
            self.policy.check_counts(checked, _counts(latest), _readings(latest, events))
        return found


def _counts(drive: Drive) -> list[tuple[int, int]]:
    """Every count the drive shows, as (eligible, took part): cards signed of eligible on
    each day either was counted, and of each certification vote the ballots cast of those
    eligible (and of those present, when counted), yes, no and spoiled of those cast."""
    days = sorted({d for d, _ in drive.eligible_counts} | {d for d, _ in drive.card_counts})
    found = [(drive.eligible_on(d), drive.cards_on(d)) for d in days]
    for vote in drive.votes:
        tally = vote.tally
        found.extend([(tally.eligible, tally.cast), (tally.eligible, tally.yes)])
        if tally.present is not None:
            found.append((tally.present, tally.cast))
        if tally.cast:
            found.extend((tally.cast, n) for n in (tally.yes, tally.no, tally.spoiled))
    return found


def _readings(drive: Drive, events: list[Any]) -> set[tuple[int, int]]:
    """Every (eligible, cards signed) a reading of the drive shows: as it was on each day
    a count was made (``on`` readings), and as it stood after each event recorded (``at``
    and ``version`` readings, a day's count corrected included). Any two of them a member
    may read, and subtract."""
    days = sorted({d for d, _ in drive.eligible_counts} | {d for d, _ in drive.card_counts})
    found = {(drive.eligible_on(d), drive.cards_on(d)) for d in days}
    eligible: list[tuple[date, int]] = []
    cards: list[tuple[date, int]] = []
    for e in events:
        if isinstance(e, _D.CardsCounted):
            cards.append((e.on, e.signed))
        elif isinstance(e, _D.Started | _D.EligibleCounted):
            eligible.append((e.on, e.eligible))
        if eligible:
            found.add((_latest(eligible), _latest(cards) if cards else 0))
    return found


def _latest(counts: list[tuple[date, int]]) -> int:
    """The latest day's count; of two on that day (a recount), the one recorded last."""
    return max((day, order, n) for order, (day, n) in enumerate(counts))[2]
