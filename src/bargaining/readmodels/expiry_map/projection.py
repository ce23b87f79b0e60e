"""Keeping the Expiry Map current: changes of units from the event log into the map's tables.

The map pulls the log (SQLite cannot push) in batches, and each batch is written with the
tracking position moved in the same transaction, so a restarted host resumes where it stopped
and a rebuild from scratch gives the same answers. Why it is not an ``eventsourcing``
``Projection``: see ``bargaining.infrastructure.expiry_map_tables``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from bargaining.readmodels.expiry_map.ports import MapWriter, UnitChange, UnitFeed


class MapProjection:
    """The map's write side: its tracking position, catch-up, follow, rebuild."""

    def __init__(
        self, feed: UnitFeed, writer: MapWriter, *, stop: int | None, until: datetime | None,
        on: date | None = None,
    ) -> None:
        """``stop`` (a notification id) holds the map at that point of the log; ``until`` (a
        timezone-aware date-time) skips events recorded after it; ``on`` (a date) keeps only
        what counts on that real-world day (:func:`counts_on`)."""
        self.feed = feed
        self.writer = writer
        self.stop = stop
        self.until = until
        self.on = on

    @property
    def position(self) -> int:
        """The last notification id this map has applied."""
        return self.writer.position

    def catch_up(self, batch_size: int = 10_000, stop: int | None = None) -> tuple[int, int]:
        """Apply events recorded since the tracking position, up to ``stop`` (the map's own
        by default); returns how many were applied and the position it ended at (what the
        tables held when it last looked)."""
        stop = self.stop if stop is None else stop
        timed, dated = self.until is not None, self.on is not None
        applied = 0
        start = self.position
        while stop is None or start < stop:
            batch = self.feed.read(start, batch_size, stop, timed=timed, dated=dated)
            if batch is None:
                break
            done = self._apply(start, batch.last, batch.changes)
            if done is None:  # another instance moved the position: resume from there
                start = self.position
                continue
            applied += done
            start = batch.last
        return applied, start

    def follow(self, recordings: Sequence[Any]) -> int:
        """Apply events this process has just saved without reading them back, when nothing
        else was recorded since the tracking position; otherwise catch up from the log."""
        batch = None if self.stop is not None else self.feed.saved(
            recordings, timed=self.until is not None, dated=self.on is not None
        )
        if batch is None:
            return self.catch_up()[0]
        start = self.position
        if batch.first - 1 > start and self.feed.recorded_between(start, batch.first - 1):
            return self.catch_up()[0]
        done = self._apply(start, batch.last, batch.changes)
        return self.catch_up()[0] if done is None else done

    def rebuild(self) -> int:
        """Forget everything and rebuild from the first event; returns events applied."""
        self.writer.clear()
        return self.catch_up()[0]

    def _apply(self, start: int, end: int, changes: list[UnitChange]) -> int | None:
        """Write the changes (but those recorded after ``until``) and move the position from
        ``start`` to ``end``; returns how many were applied, or ``None`` if another instance
        moved the position first."""
        until, on = self.until, self.on
        if until is not None:
            changes = [c for c in changes if c[2] is None or c[2] <= until]
        if on is not None:
            changes = [c for c in changes if counts_on(c, on)]
        return len(changes) if self.writer.write(start, end, changes) else None


def counts_on(change: UnitChange, day: date) -> bool:
    """Whether a unit's change is part of the map on a real-world day: its fact happened by
    then (a registration always counts), and an agreement had taken effect by then, so each
    unit shows the agreement it worked under that day: in force, or the latest expired one,
    carried over. ``change`` comes from a feed read ``dated``."""
    kind, _, when, values = change
    if when is not None and when > day:
        return False
    if kind in ("AgreementRecorded", "AgreementCorrected"):
        effective = values[-1]
        return effective is None or effective <= day.isoformat()
    return True
