"""Commands and queries on solidarity and non-raiding pacts: signed with each signatory's
commitments, joined later by others, raids recorded as flagged facts every signatory sees,
solidarity actions recorded with their counts.

``app.solidarity`` is a :class:`Solidarity`. Every command names its actor and takes an
optional reason; a refused command records nothing. Reads take ``on`` or ``at``, one at most.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any
from uuid import UUID

from bargaining.application.ports import Records
from bargaining.application.time_travel import load_reading
from bargaining.domain.budgets.money import Money
from bargaining.domain.shared.actor import Actor
from bargaining.domain.shared.errors import InvalidInput
from bargaining.domain.shared.flags import Flag
from bargaining.domain.solidarity.pact import SolidarityPact
from bargaining.domain.solidarity.raiding import EXAMPLE_RAIDING_CALENDAR, RaidingCalendar

_PACT = "pact"


class Solidarity:
    """Pacts between unions and with other movements."""

    def __init__(self, records: Records, calendar: RaidingCalendar | None = None) -> None:
        if calendar is not None and not isinstance(calendar, RaidingCalendar):
            raise InvalidInput.worded("the raiding periods are a RaidingCalendar")
        self._records = records
        #: The raiding periods by jurisdiction that raids are read against.
        self.calendar = EXAMPLE_RAIDING_CALENDAR if calendar is None else calendar

    def sign(self, *, name: str, signatories: Mapping[str, object], on: date,
             non_raiding: bool = False, jurisdiction: str | None = None,
             ends: date | None = None, actor: Actor, reason: str | None = None) -> UUID:
        """A pact signed on ``on`` by two or more signatories (name to a list of what each
        commits to); a ``non_raiding`` pact names its ``jurisdiction``. Returns its id."""
        pact = SolidarityPact.sign(name=name, signatories=signatories, on=on,
                                   non_raiding=non_raiding, jurisdiction=jurisdiction,
                                   ends=ends, actor=actor, reason=reason)
        self._records.save(pact)
        return pact.id

    def join(self, pact: UUID, *, signatory: str, commits: list[str], on: date, actor: Actor,
             reason: str | None = None) -> None:
        """Another union or movement signs the pact on ``on``."""
        found = self.get(pact)
        found.join(signatory=signatory, commits=commits, on=on, actor=actor, reason=reason)
        self._records.save(found)

    def record_raid(self, pact: UUID, *, by: str, against: str, unit: str, kind: str,
                    on: date, source: str, expiry: date | None = None, actor: Actor,
                    reason: str | None = None) -> tuple[Flag, ...]:
        """A certification application or membership drive (``kind``) by one signatory for
        a unit another represents: always recorded; returns its flags (a breach while a
        non-raiding pact is in force, saying whether it fell in the raiding period of the
        unit's agreement expiring on ``expiry``)."""
        found = self.get(pact)
        flags = found.record_raid(by=by, against=against, unit=unit, kind=kind, on=on,
                                  source=source, expiry=expiry, calendar=self.calendar,
                                  actor=actor, reason=reason)
        self._records.save(found)
        return flags

    def breaches(self, pact: UUID, *, seen_by: str, on: date | None = None,
                 at: datetime | None = None) -> list[dict[str, Any]]:
        """The raids flagged as breaches of the pact, as any signatory sees them (every
        signatory sees every breach): each with ``by``, ``against``, ``unit``, ``kind``,
        ``on`` and ``flags``."""
        return self.get(pact, on=on, at=at).breaches(seen_by)

    def record_action(self, pact: UUID, *, by: str, supporting: str, kind: str, on: date,
                      people: int | None = None, amount: Money | None = None, actor: Actor,
                      reason: str | None = None) -> None:
        """A solidarity action under the pact: ``PICKET_LINE`` with the ``people`` who
        joined, ``STRIKE_FUND`` with the ``amount`` sent, or another kind in words."""
        found = self.get(pact)
        found.record_action(by=by, supporting=supporting, kind=kind, on=on, people=people,
                            amount=amount, actor=actor, reason=reason)
        self._records.save(found)

    def get(self, pact: UUID, *, on: date | None = None, at: datetime | None = None,
            version: int | None = None) -> SolidarityPact:
        """A pact as recorded, or as it was on a day, known at a moment, or at a version
        (one at most)."""
        return load_reading(self._records, pact, SolidarityPact, _PACT, on=on, at=at,
                            version=version)
