"""The campaigns' held actions, walkouts and returns, read from the event log for their
participation history (``bargaining.readmodels.participation``).

Only the events of those three kinds are read (by their stored topics, today's and earlier),
each through the application's mapper, so an encrypted, compressed or upcast event reads as
the campaign itself reads it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from uuid import UUID

from eventsourcing.persistence import ApplicationRecorder, Mapper, Notification, Recording

from bargaining.domain.campaigns.campaign import Campaign
from bargaining.infrastructure.topics import stored_topics
from bargaining.readmodels.participation.ports import Change, FeedBatch

_HELD, _OUT, _BACK = (getattr(Campaign, name)
                      for name in ("ActionHeld", "StrikeEntered", "ReturnedFromStrike"))


class CampaignEventFeed:
    """The campaigns' changes of one application's log."""

    def __init__(self, recorder: ApplicationRecorder, mapper: Mapper[Any]) -> None:
        self.recorder = recorder
        self.mapper = mapper
        #: Every topic under which the events the history applies may be stored.
        self.topics = [t for cls in (_HELD, _OUT, _BACK) for t in stored_topics(cls)]
        self._topics = frozenset(self.topics)

    def read(self, after: int, limit: int) -> FeedBatch | None:
        found: Sequence[Notification] = self.recorder.select_notifications(
            start=after + 1, limit=limit, topics=self.topics)
        if not found:
            return None
        return FeedBatch(found[-1].id, [change(self.mapper.to_domain_event(n)) for n in found])

    def saved(self, recordings: Sequence[Recording[Any]]) -> tuple[int, int, list[Change]] | None:
        relevant = [r for r in recordings if r.notification.topic in self._topics]
        if not relevant:
            return None
        ids = [r.notification.id for r in recordings]
        return min(ids), max(ids), [change(r.domain_event) for r in relevant]

    def recorded_between(self, after: int, upto: int) -> bool:
        return bool(self.recorder.select_notifications(
            start=after + 1, limit=1, stop=upto, topics=self.topics))

    def of_record(self, campaign_id: UUID, version: int) -> list[Change]:
        stored = self.recorder.select_events(campaign_id, lte=version)
        return [change(self.mapper.to_domain_event(s)) for s in stored if s.topic in self._topics]


def change(event: Any) -> Change:
    """A campaign event as the history applies it (``ports.Change``)."""
    campaign = event.originator_id.hex
    if isinstance(event, _HELD):
        test = event.test
        counts = [(t.unit_id.hex, t.work_group, t.eligible, t.participants)
                  for t in event.turnouts]
        return ("held", campaign, event.number, test.name, test.rung, str(test.threshold),
                test.held_on.isoformat(), test.eligible, test.participants, test.passed, counts)
    if isinstance(event, _OUT):
        part_day = getattr(event, "part_day", False)
        back = getattr(event, "back_on", None)
        end = event.on.toordinal() + 1 if part_day else None
        hours = getattr(event, "hours", None)
        return ("out", campaign, event.unit_id.hex, event.on.isoformat(),
                _iso(event.on.fromordinal(end)) if end else _iso(back), part_day,
                None if hours is None else str(hours),
                [f.plain() for f in getattr(event, "flags", ())])
    return ("back", campaign, event.unit_id.hex, event.on.isoformat())


def _iso(day: Any) -> str | None:
    return None if day is None else str(day.isoformat())
