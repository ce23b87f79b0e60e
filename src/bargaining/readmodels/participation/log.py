"""Keeping the participation history current, and reading one campaign's.

The history pulls the event log (SQLite cannot push) for the campaigns' held actions, walkouts
and returns, and writes each batch with its tracking position in one transaction, moved by
compare-and-set, so that it never moves backwards and never applies an event twice, whoever
else follows the same log (a second application on the same SQLite file, a second process on
PostgreSQL). It is rebuilt from the events alone. Every answer is read after a catch-up, so an
application reads what any writer recorded before it asked.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any
from uuid import UUID

from bargaining.domain.campaigns.counts import (
    Counted,
    HeldTest,
    ParticipationHistory,
    RecordedSpell,
)
from bargaining.readmodels.participation.memory import MemoryHistory
from bargaining.readmodels.participation.ports import CampaignFeed, HistoryTables


class ParticipationLog:
    """The participation history of every campaign of one event log."""

    def __init__(self, feed: CampaignFeed, tables: HistoryTables) -> None:
        self.feed = feed
        self.tables = tables

    @property
    def position(self) -> int:
        """The last notification id of the log the history has applied."""
        return self.tables.position

    def catch_up(self, batch_size: int = 5_000) -> int:
        """Apply what was recorded since the tracking position; returns changes applied."""
        applied = 0
        while True:
            start = self.tables.position
            batch = self.feed.read(start, batch_size)
            if batch is None:
                return applied
            if self.tables.write(start, batch.last, batch.changes):
                applied += len(batch.changes)

    def follow(self, recordings: Sequence[Any]) -> int:
        """Apply what this application has just saved without reading it back, when nothing
        else was recorded since the tracking position; otherwise catch up from the log."""
        saved = self.feed.saved(recordings)
        if saved is None:
            return 0
        first, last, changes = saved
        start = self.tables.position
        if start >= last:
            return 0  # another instance applied it already
        if start >= first or (first - 1 > start
                              and self.feed.recorded_between(start, first - 1)):
            return self.catch_up()
        if self.tables.write(start, last, changes):
            return len(changes)
        return self.catch_up()

    def rebuild(self) -> int:
        """Forget everything and apply every campaign event again; returns changes applied."""
        self.tables.clear()
        return self.catch_up()

    def of(self, campaign_id: UUID, *, version: int | None = None) -> ParticipationHistory:
        """One campaign's history, read after catching up with the log; or as it was at a
        version of the campaign (made from its events, in memory)."""
        if version is not None:
            return MemoryHistory(self.feed.of_record(campaign_id, version))
        self.catch_up()
        return CampaignHistory(self.tables, campaign_id)


class CampaignHistory:
    """One campaign's participation history (``ParticipationHistory`` in the domain's words),
    as the tables held it when asked."""

    def __init__(self, tables: HistoryTables, campaign_id: UUID) -> None:
        self._tables = tables
        self._id = campaign_id

    def counted(self, on: date) -> Iterable[Counted]:
        return self._tables.counted(self._id, on, None)

    def unit_counted(self, unit_id: UUID) -> Iterable[Counted]:
        return self._tables.counted(self._id, None, unit_id)

    def standing_counts(self, on: date) -> Iterable[Counted]:
        last = self._tables.last_held(self._id)
        if last is not None and on < last:
            return self._tables.counted(self._id, on, None)
        return self._tables.kept_counted(self._id, on)

    def tests(self) -> Sequence[HeldTest]:
        return self._tables.tests_of(self._id)

    def last_held(self) -> date | None:
        return self._tables.last_held(self._id)

    def spells(self) -> Sequence[RecordedSpell]:
        return self._tables.spells_of(self._id)
