"""What the participation history asks of the stores beneath it, in its own words: a feed of
the campaigns' events from the log, and tables that apply changes and answer the history's
questions. ``bargaining.infrastructure`` implements both; nothing here knows SQL or
``eventsourcing``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any, NamedTuple, Protocol
from uuid import UUID

from bargaining.domain.campaigns.counts import Counted, HeldTest, RecordedSpell

#: One event of a campaign as the history applies it, a plain tuple (a rebuild makes one per
#: event), by its first item:
#:
#: - ``"held"``: campaign id (hex), action number, its name, rung, threshold (a fraction as
#:   text), day held (ISO), eligible, participants, passed, and its counts, each (unit id hex,
#:   work group or None, eligible, participants) in the order recorded
#: - ``"out"``: campaign id, unit id, first day out, day back or None (a part-day walkout: the
#:   next day), part of a day, hours (text) or None, flags as ``Flag.plain`` lists ([rule,
#:   why], and the why's phrase after them when it has one)
#: - ``"back"``: campaign id, unit id, the day back (of the spell it is out on)
Change = tuple[Any, ...]


class FeedBatch(NamedTuple):
    """Changes read from the log, and the notification id the batch ends at."""

    last: int
    changes: list[Change]


class CampaignFeed(Protocol):
    """The campaigns' changes, in the order the event log recorded them."""

    def read(self, after: int, limit: int) -> FeedBatch | None:
        """Up to ``limit`` changes recorded after notification ``after``, with the id of the
        last; ``None`` when no campaign changed since."""

    def saved(self, recordings: Sequence[Any]) -> tuple[int, int, list[Change]] | None:
        """The first and last notification ids of an application's save, and its changes,
        from the domain events themselves; ``None`` if none changes a campaign's history."""

    def recorded_between(self, after: int, upto: int) -> bool:
        """Whether a campaign's history changed after notification ``after``, up to ``upto``."""

    def of_record(self, campaign_id: UUID, version: int) -> list[Change]:
        """One campaign's changes up to a version of it, in the order recorded."""


class HistoryTables(Protocol):
    """Where the history is kept: its tracking position, its writes, its answers."""

    @property
    def position(self) -> int: ...

    def write(self, start: int, end: int, changes: Sequence[Change]) -> bool:
        """Apply the changes and move the position from ``start`` to ``end``, all at once;
        ``False`` (and nothing written) if the position was no longer ``start``."""

    def clear(self) -> None: ...

    def tests_of(self, campaign: UUID) -> list[HeldTest]: ...

    def counted(
        self, campaign: UUID, on: date | None, unit: UUID | None
    ) -> Iterable[Counted]: ...

    def kept_counted(self, campaign: UUID, on: date) -> Iterable[Counted]:
        """The counts held on or before ``on`` that give the same standings as all of them,
        for a day on or after the campaign's last held day."""

    def last_held(self, campaign: UUID) -> date | None: ...

    def spells_of(self, campaign: UUID) -> list[RecordedSpell]: ...
