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

from bargaining.domain.shared.progress import Progress, Reporter
from bargaining.domain.units.agreement import CollectiveAgreement, begun_by
from bargaining.domain.units.corrected import CorrectedAgreements
from bargaining.readmodels.expiry_map.ports import MapWriter, UnitChange, UnitFeed


class MapProjection:
    """The map's write side: its tracking position, catch-up, follow, rebuild."""

    def __init__(
        self, feed: UnitFeed, writer: MapWriter, *, stop: int | None, until: datetime | None,
        on: date | None = None,
    ) -> None:
        """``stop`` (a notification id) holds the map at that point of the log; ``until`` (a
        timezone-aware date-time) skips events recorded after it; ``on`` (a date) keeps only
        what counts on that real-world day (agreements by their corrected dates)."""
        self.feed = feed
        self.writer = writer
        self.stop = stop
        self.until = until
        self.on = on
        #: On a day: each unit's agreements, as corrected, as the map has applied them.
        self._agreements: dict[str, CorrectedAgreements] = {}

    @property
    def position(self) -> int:
        """The last notification id this map has applied."""
        return self.writer.position

    def catch_up(
        self, batch_size: int = 10_000, stop: int | None = None,
        reporter: Reporter | None = None,
    ) -> tuple[int, int]:
        """Apply events recorded since the tracking position, up to ``stop`` (the map's own
        by default); returns how many were applied and the position it ended at (what the
        tables held when it last looked). ``reporter`` hears each batch's last position."""
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
            if reporter is not None:
                reporter.tell(start)
        return applied, start

    def follow(self, recordings: Sequence[Any]) -> int:
        """Apply events this process has just saved without reading them back, when nothing
        else was recorded since the tracking position; otherwise catch up from the log.

        Another thread or instance may have applied them already (its catch-up read them
        from the log): then nothing is written, and the position never moves back."""
        batch = None if self.stop is not None else self.feed.saved(
            recordings, timed=self.until is not None, dated=self.on is not None
        )
        if batch is None and self.stop is None:
            # No unit changed: nothing to apply. Catching up here read the log from the
            # map's position at every save of any record (a cost that grew with the log);
            # every query catches up with other writers' changes.
            return 0
        if batch is None:
            return self.catch_up()[0]
        start = self.position
        if start >= batch.last:
            return 0
        if start >= batch.first or (
            batch.first - 1 > start and self.feed.recorded_between(start, batch.first - 1)
        ):
            return self.catch_up()[0]
        done = self._apply(start, batch.last, batch.changes)
        return self.catch_up()[0] if done is None else done

    def rebuild(self, progress: Progress | None = None) -> int:
        """Forget everything and rebuild from the first event; returns events applied.
        ``progress`` hears the positions in the log read, of its last position."""
        reporter = None
        if progress is not None:
            reporter = Reporter(progress, self.feed.last_position())
            reporter.tell(0)
        self.writer.clear()
        self._agreements = {}
        applied = self.catch_up(reporter=reporter)[0]
        if reporter is not None:
            reporter.finish()
        return applied

    def _apply(self, start: int, end: int, changes: list[UnitChange]) -> int | None:
        """Write the changes (but those recorded after ``until``) and move the position from
        ``start`` to ``end``; returns how many were applied, or ``None`` if another instance
        moved the position first."""
        until, on = self.until, self.on
        if until is not None:
            changes = [c for c in changes if c[2] is None or c[2] <= until]
        agreements: dict[str, CorrectedAgreements] = {}
        if on is not None:
            changes, agreements = self._on_day(changes, on)
        if not self.writer.write(start, end, changes):
            return None
        self._agreements.update(agreements)
        return len(changes)

    def _on_day(
        self, changes: list[UnitChange], day: date
    ) -> tuple[list[UnitChange], dict[str, CorrectedAgreements]]:
        """The changes that make the map on ``day``, and the agreements of the units they
        touch (kept once written). Changes other than agreements count by their own day
        (:func:`counts_on`). Agreements count by their dates as every correction so far
        left them, whenever it was recorded, so each unit touched gets the agreements it had
        begun working under that day (``AgreementsOnDay``): the latest is the one it worked
        under, in force or expired and carried over."""
        kept: list[UnitChange] = []
        touched: dict[str, CorrectedAgreements] = {}
        for change in changes:
            kind, unit, when, values = change
            if kind not in ("AgreementRecorded", "AgreementCorrected"):
                if counts_on(change, day):
                    kept.append(change)
                continue
            agreements = touched.get(unit)
            if agreements is None:
                known = self._agreements.get(unit)
                agreements = touched[unit] = (
                    CorrectedAgreements() if known is None else known.copy())
            if kind == "AgreementRecorded":
                assert when is not None  # a feed read dated gives the day it was recorded
                agreements.recorded(_agreement(*values), when)
            else:
                agreements.corrected(date.fromisoformat(values[0]), _agreement(*values[1:]))
        for unit, agreements in touched.items():
            shown = begun_by(agreements.on(day), day)
            kept.append(("AgreementsOnDay", unit, None, tuple(
                (a.expiry.isoformat(), a.effective and a.effective.isoformat())
                for a in shown)))
        return kept, touched


def counts_on(change: UnitChange, day: date) -> bool:
    """Whether a unit's change other than an agreement is part of the map on a real-world
    day: its fact happened by then (a registration always counts). ``change`` comes from a
    feed read ``dated``."""
    when = change[2]
    return when is None or when <= day


def _agreement(expiry: str, effective: str | None, settled: str | None) -> CollectiveAgreement:
    """An agreement from the ISO dates a feed gives."""
    return CollectiveAgreement(
        expiry=date.fromisoformat(expiry),
        effective=None if effective is None else date.fromisoformat(effective),
        settled=None if settled is None else date.fromisoformat(settled),
    )
