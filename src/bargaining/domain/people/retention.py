"""Retention: people inactive for longer than the host's window are erased, and the run is
recorded.

A :class:`RetentionPolicy` says how long a person may be inactive (no event names them:
organizing, a test they led, an action they took part in, data recorded about them, a change
they made) before their data is erased. The host runs it; each run that erases anyone is
recorded as a :class:`RetentionRun`: the policy, the day it was run for, the cut-off day, and
how many and which opaque ids were erased (never their data). A second run erases nothing new.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any
from uuid import uuid4

import attrs
from eventsourcing.domain import Aggregate, event

from bargaining.domain.shared.actor import Actor, clean_reason, require_actor
from bargaining.domain.shared.dates import require_date
from bargaining.domain.shared.errors import InvalidInput, term
from bargaining.domain.shared.people import person_id

#: The longest retention window: a thousand years (longer ones cannot be a day's distance).
MAX_DAYS = 365_000


def _window(value: object) -> timedelta:
    if isinstance(value, int) and not isinstance(value, bool):
        value = timedelta(days=value) if 0 < value <= MAX_DAYS else timedelta(0)
    if not isinstance(value, timedelta) or not timedelta(0) < value <= timedelta(MAX_DAYS):
        raise InvalidInput.worded("a retention window is a positive timedelta or number of days")
    return value


@attrs.frozen
class RetentionPolicy:
    """Erase people inactive for longer than ``inactive_for`` (a ``timedelta`` or days)."""

    inactive_for: timedelta = attrs.field(converter=_window)

    @classmethod
    def years(cls, years: int) -> RetentionPolicy:
        """Inactive for ``years`` years of 365 days (three years: 1,095 days)."""
        if isinstance(years, bool) or not isinstance(years, int) or not 1 <= years <= 1000:
            raise InvalidInput.worded("a retention window in years is a whole number, at least 1")
        return cls(timedelta(days=365 * years))

    def cutoff(self, on: date) -> date:
        """The last day of activity that is too old on ``on``: anyone last active before
        the day after it is erased."""
        day = require_date(on, term("day of the retention run"))
        if day - date.min < self.inactive_for:
            raise InvalidInput.worded("a retention run on {day} looks back before the calendar "
                                      "starts", day=day)
        return day - self.inactive_for

    def describe(self) -> str:
        return f"erase people inactive for {self.inactive_for.days:,} days"


class RetentionRun(Aggregate):
    """One run of a retention policy that erased people."""

    @classmethod
    def record(cls, *, policy: RetentionPolicy, erased: list[str], on: date, actor: Actor,
               reason: str | None = None) -> RetentionRun:
        kind: Any = cls  # the event class is made by the @event decorator below
        day = require_date(on, term("day of the retention run"))
        made: RetentionRun = kind._create(
            kind.Applied, id=uuid4(), actor=require_actor(actor), on=day,
            inactive_days=policy.inactive_for.days, cutoff=policy.cutoff(day),
            erased=tuple(sorted(person_id(p) for p in erased)), reason=clean_reason(reason))
        return made

    @event("Applied")
    def __init__(self, *, actor: Actor, on: date, inactive_days: int, cutoff: date,
                 erased: tuple[str, ...], reason: str | None) -> None:
        self.on = on
        self.inactive_days = inactive_days
        self.cutoff = cutoff
        self.erased = tuple(erased)
