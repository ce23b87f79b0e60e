"""Raiding periods: when, before an agreement expires, another union may apply to represent
its unit. They are set by law per jurisdiction; a host configures its own calendar, as it
does the open periods (:mod:`bargaining.domain.units.open_period`). Nothing here is legal
advice: check the figures with counsel.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta

import attrs

from bargaining.domain.shared.errors import InvalidInput


@attrs.frozen
class RaidingPeriod:
    """A window relative to an agreement's expiry: it opens ``opens_days_before`` days
    before expiry and closes ``closes_days_before`` days before it (both days included)."""

    opens_days_before: int
    closes_days_before: int

    def __attrs_post_init__(self) -> None:
        for days in (self.opens_days_before, self.closes_days_before):
            if isinstance(days, bool) or not isinstance(days, int):
                raise InvalidInput.worded("a raiding period's days are whole numbers")
        if self.opens_days_before < self.closes_days_before:
            raise InvalidInput.worded("a raiding period cannot close before it opens")

    def window_for(self, expiry: date) -> tuple[date, date]:
        """The first and last day of the period for an agreement expiring on ``expiry``."""
        return (expiry - timedelta(days=self.opens_days_before),
                expiry - timedelta(days=self.closes_days_before))


@attrs.frozen
class RaidingCalendar:
    """Raiding periods per jurisdiction (a province or state code, as pacts and units record
    it), with a default for jurisdictions not listed (``None``: no period known)."""

    jurisdictions: Mapping[str, RaidingPeriod] = attrs.field(factory=dict)
    default: RaidingPeriod | None = None

    @classmethod
    def build(cls, jurisdictions: Mapping[str, RaidingPeriod] | None = None,
              default: RaidingPeriod | None = None) -> RaidingCalendar:
        """A calendar from a mapping of jurisdiction codes (compared without case or extra
        spaces) to their periods."""
        table: dict[str, RaidingPeriod] = {}
        for code, period in (jurisdictions or {}).items():
            key = _key(code)
            if not key or key in table:
                raise InvalidInput.worded("each jurisdiction of a raiding calendar is named "
                                          "once, by its code")
            if not isinstance(period, RaidingPeriod):
                raise InvalidInput.worded("a jurisdiction's raiding period is a RaidingPeriod")
            table[key] = period
        return cls(jurisdictions=table, default=default)

    def period_for(self, jurisdiction: str) -> RaidingPeriod | None:
        return self.jurisdictions.get(_key(jurisdiction), self.default)

    def window(self, jurisdiction: str, expiry: date) -> tuple[date, date] | None:
        """The raiding period for an agreement of this jurisdiction expiring on ``expiry``."""
        period = self.period_for(jurisdiction)
        return None if period is None else period.window_for(expiry)


def _key(code: object) -> str:
    if not isinstance(code, str):
        raise InvalidInput.worded("a jurisdiction is named by its code, not {code}",
                                  code=repr(code))
    return " ".join(code.split()).casefold()


#: An example calendar: Quebec's public and parapublic sectors, where another union may apply
#: from the 270th to the 240th day before the agreements expire (Labour Code, s. 111.3).
EXAMPLE_RAIDING_CALENDAR = RaidingCalendar.build({"QC": RaidingPeriod(270, 240)})
