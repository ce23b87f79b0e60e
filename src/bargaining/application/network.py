"""The organizer network's measures over time, counted from a read model of the records.

``app.network`` is a :class:`Network`. Its read model
(:class:`~bargaining.readmodels.network.NetworkView`) folds the area teams, workplaces,
organizing plans, bodies (who held an elected role), and the training context's records
(sessions, mentoring, call teams, activists' roles: who took part, and activists stepping into
elected roles), in the order recorded, into the facts :mod:`~bargaining.domain.organizing.network`
counts; each question first reads what was recorded since the last one. A fact counts on its
real-world day (``on``), so a series read today shows a back-filled fact in its own period.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

from bargaining.application.ports import EventLog
from bargaining.domain.organizing.leaders import window
from bargaining.domain.organizing.network import (
    NetworkFacts,
    NetworkReading,
    NetworkSeries,
    Period,
)
from bargaining.domain.shared.choices import choice
from bargaining.domain.shared.dates import require_date
from bargaining.domain.shared.errors import InvalidInput, term
from bargaining.domain.shared.progress import Progress, require_progress
from bargaining.readmodels.network.index import IndexedScope, indexed_reading, indexed_series
from bargaining.readmodels.network.view import NetworkView

#: The window of activity when the host sets none: a leader or a plan is active when
#: something happened within it.
ACTIVE_WITHIN = timedelta(days=90)


class Network:
    """The organizer network's measures: a reading on a day, or series by period."""

    def __init__(self, log: EventLog, last_position: Callable[[], int]) -> None:
        """``log`` is read from where the read model stopped; ``last_position`` (the log's
        last notification id) sizes a rebuild's progress."""
        #: The read model the measures are counted from, kept current at each question.
        self.view = NetworkView(log.read_log, last_position)

    def facts(self) -> NetworkFacts:
        """Every fact the measures count, as the log holds them now."""
        return self.view.facts()

    def rebuild(self, *, progress: Progress | None = None) -> int:
        """Forget the read model and fold every event again (after a restore, or to check
        it); returns the events folded. ``progress`` hears positions in the log read, of
        its last position."""
        return self.view.rebuild(require_progress(progress))

    def series(self, *, period: Period | str = Period.MONTH, since: date,
               until: date | None = None, area: str | None = None,
               sector: str | None = None,
               active_within: timedelta | int | None = ACTIVE_WITHIN) -> NetworkSeries:
        """The measures per ``period`` ("month", "quarter", "year") from the one holding
        ``since`` to the one holding ``until`` (today, UTC, if not given), in ``area`` and
        ``sector`` when given; leaders and plans are active when something happened within
        ``active_within`` (a ``timedelta`` or days; 90 days unless the host sets another)."""
        first = require_date(since, term("first day of the series"))
        last = _day(until, term("last day of the series"))
        return indexed_series(self.view.index(), choice(period, Period, term("period")), first,
                              last, area=_name(area), sector=_name(sector),
                              within=_within(active_within))

    def on(self, day: date | None = None, *, since: date | None = None,
           area: str | None = None, sector: str | None = None,
           active_within: timedelta | int | None = ACTIVE_WITHIN) -> NetworkReading:
        """The measures on ``day`` (today, UTC, if not given), participation counted from
        ``since`` (the day itself, if not given) to it."""
        last = _day(day, term("day to read the network on"))
        first = last if since is None else require_date(since, term("first day counted"))
        if last < first:
            raise InvalidInput.worded("participation cannot be counted from {first}, after {last}",
                                      first=first, last=last)
        index = self.view.index()
        scope = IndexedScope(index, _name(area), _name(sector))
        return indexed_reading(index, scope, first, last, _within(active_within))


def _day(value: object, what: str) -> date:
    return datetime.now(UTC).date() if value is None else require_date(value, what)


def _name(value: object) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise InvalidInput.worded("an area or a sector is named in words")
    return " ".join(value.split())


def _within(value: object) -> timedelta:
    span = window(value)
    if span is None:
        raise InvalidInput.worded("the network's measures need a window of activity (days)")
    return span
