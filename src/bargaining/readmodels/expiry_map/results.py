"""What the Expiry Map's queries answer: units, month rows, cluster candidates, open periods."""

from __future__ import annotations

from datetime import date
from typing import NamedTuple
from uuid import UUID

import attrs


class MapUnit(NamedTuple):
    """A unit as the map shows it, with its current agreement's dates (a light tuple, as
    queries may return thousands)."""

    unit_id: UUID
    union: str
    local: str
    employer: str
    unit_name: str
    sector: str
    region: str
    city: str
    headcount: int
    industry_code: str
    expiry: date | None
    effective: date | None

    @property
    def label(self) -> str:
        return f"{f'{self.union} {self.local}'.strip()}, {self.employer} ({self.unit_name})"


@attrs.frozen
class MonthRow:
    """One month of the expiry table: units whose current agreement expires in it."""

    month: str  # "YYYY-MM"
    units: int
    workers: int


@attrs.frozen
class ClusterCandidate:
    """Units of one sector (and region) whose expiries fall within a window: a possible cluster."""

    sector: str
    region: str | None
    first_expiry: date
    last_expiry: date
    units: tuple[MapUnit, ...]

    @property
    def workers(self) -> int:
        return sum(u.headcount for u in self.units)

    @property
    def unit_count(self) -> int:
        return len(self.units)


@attrs.frozen
class OpenPeriodEntry:
    """A unit inside an open period on a given date."""

    unit: MapUnit
    period: str
    opens: date
    closes: date
