"""Open periods: the legal lead times before expiry, which vary by jurisdiction.

For example, in Ontario notice to bargain may be given within the 90 days before expiry; under
the US NLRA a party gives 60 days' notice and tells the FMCS 30 days later. A host configures
its own calendar: nothing here is legal advice.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, timedelta

import attrs

from bargaining.domain.shared.errors import InvalidInput


@attrs.frozen
class OpenPeriod:
    """A window relative to expiry: it opens ``opens_days_before`` days before expiry and
    closes ``closes_days_before`` days before it (negative: after expiry)."""

    name: str
    opens_days_before: int
    closes_days_before: int = 0

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.name, str) or not self.name.strip():
            raise InvalidInput.worded("an open period needs a name")
        for days in (self.opens_days_before, self.closes_days_before):
            if isinstance(days, bool) or not isinstance(days, int):
                raise InvalidInput.worded("open period '{name}': days must be whole numbers",
                                          name=self.name)
        if self.opens_days_before < self.closes_days_before:
            raise InvalidInput.worded("open period '{name}' would close ({closes_days_before} "
                                      "days before expiry) before it opens ({opens_days_before} "
                                      "days before expiry)",
                                      name=self.name, closes_days_before=self.closes_days_before,
                                      opens_days_before=self.opens_days_before)

    def expiry_range(self, on: date) -> tuple[date, date]:
        """Expiry dates for which ``on`` falls inside this period (inclusive)."""
        return _shift(on, self.closes_days_before), _shift(on, self.opens_days_before)

    def window_for(self, expiry: date) -> tuple[date, date]:
        """The dates this period runs for an agreement expiring on ``expiry``; a period that
        would run past the calendar's ends is held at them (as ``expiry_range`` is)."""
        return (
            _shift(expiry, -self.opens_days_before),
            _shift(expiry, -self.closes_days_before),
        )


def _shift(day: date, days: int) -> date:
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return date.max if days > 0 else date.min


@attrs.frozen
class OpenPeriodCalendar:
    """Open periods per jurisdiction (a province or state code as units record it), with a
    default for jurisdictions not listed (``None`` means: not listed, no open period)."""

    jurisdictions: Mapping[str, tuple[OpenPeriod, ...]] = attrs.field(factory=dict)
    default: tuple[OpenPeriod, ...] = ()

    @classmethod
    def build(
        cls,
        jurisdictions: Mapping[str, Iterable[OpenPeriod]] | None = None,
        default: Iterable[OpenPeriod] = (),
    ) -> OpenPeriodCalendar:
        table: dict[str, tuple[OpenPeriod, ...]] = {}
        seen: dict[str, str] = {}
        for code, periods in (jurisdictions or {}).items():
            key = " ".join(code.split()).casefold()
            if not key:
                raise InvalidInput.worded("a jurisdiction in the open-period calendar needs a "
                                          "code")
            if key in seen:
                raise InvalidInput.worded("the calendar names one jurisdiction twice: '{seen}' "
                                          "and '{code}'", seen=seen[key], code=code)
            seen[key] = code
            table[code.strip()] = tuple(periods)
        return cls(jurisdictions=table, default=tuple(default))

    def periods_for(self, jurisdiction: str) -> tuple[OpenPeriod, ...]:
        return self.jurisdictions.get(jurisdiction, self.default)


#: An example calendar: the NLRA's 60-day notice for US states, Ontario's 90-day notice window.
EXAMPLE_CALENDAR = OpenPeriodCalendar.build(
    jurisdictions={"ON": [OpenPeriod("notice to bargain", opens_days_before=90)]},
    default=[OpenPeriod("notice to bargain (NLRA 60 days)", opens_days_before=60)],
)
