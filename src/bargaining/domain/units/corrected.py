"""A unit's agreements as every correction left them, for reading the unit "as it was on D".

A correction fixes a recording mistake; it is not a fact of the real world. So what a unit had
on a day is decided by its agreements' corrected dates, whenever the correction was recorded:
an agreement recorded as effective 2023-01-01 and corrected to 2023-06-01 was not in effect on
2023-03-01, and one corrected the other way was. The day an agreement counts from is its
settlement, else its effective date, else the day it was first recorded (an agreement recorded
with its expiry only was known from then).
"""

from __future__ import annotations

from datetime import date

from bargaining.domain.units.agreement import CollectiveAgreement


def agreement_day(agreement: CollectiveAgreement, recorded_on: date) -> date:
    """The real-world day an agreement counts from: its settlement, else its effective date,
    else ``recorded_on``, the day it was first recorded."""
    return agreement.settled or agreement.effective or recorded_on


class CorrectedAgreements:
    """The agreements of one unit, each followed through the corrections recorded of it, with
    the day it was first recorded. Feed it the unit's agreement events in recorded order; each
    agreement is named by a number (its place in recorded order) that its corrections keep."""

    def __init__(self) -> None:
        self._agreements: list[tuple[CollectiveAgreement, date]] = []
        self._by_expiry: dict[date, int] = {}

    def recorded(self, agreement: CollectiveAgreement, recorded_on: date) -> int:
        """An agreement recorded on ``recorded_on``; returns the number naming it."""
        number = len(self._agreements)
        self._agreements.append((agreement, recorded_on))
        self._by_expiry[agreement.expiry] = number
        return number

    def corrected(self, expiry: date, corrected: CollectiveAgreement) -> int | None:
        """The agreement recorded with ``expiry`` corrected; returns the number naming it
        (``None`` if there was none, which a unit refuses to record)."""
        number = self._by_expiry.pop(expiry, None)
        if number is not None:
            self._agreements[number] = (corrected, self._agreements[number][1])
            self._by_expiry[corrected.expiry] = number
        return number

    def counts_on(self, number: int, day: date) -> bool:
        """Whether the agreement of this number, as corrected, had been settled or taken
        effect by ``day`` (or, with neither date, been recorded by then)."""
        agreement, recorded_on = self._agreements[number]
        return agreement_day(agreement, recorded_on) <= day

    def on(self, day: date) -> list[CollectiveAgreement]:
        """The agreements, as corrected, that count on ``day``, in recorded order."""
        return [a for n, (a, _) in enumerate(self._agreements) if self.counts_on(n, day)]

    def copy(self) -> CorrectedAgreements:
        found = CorrectedAgreements()
        found._agreements = list(self._agreements)
        found._by_expiry = dict(self._by_expiry)
        return found
