"""Running a retention policy: who was last active before the cut-off, erased through the
vault, and the run recorded; and the reads of a person's data, for auditors.

A person's last activity is the latest day of any event that names them: organizing, tests
and actions, data recorded about them, changes they made. An event counts on the later of its
fact's day and the day it was recorded, so history back-filled today about old facts (an
import of old records) is today's activity, and is not erased by the next run; but a
recording counts only when it is not after the run's day, since a run "on" a past day cannot
know of what was recorded later (it reads the facts' days, as every record reads on that day).
An event without a fact's day counts on the day it was recorded. Reads of their data and
earlier retention runs do not count. Only people whose data is still sealed under a key can
be erased, so a second run erases nothing new.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, date
from typing import Any

import attrs

from bargaining.application.ports import EventLog
from bargaining.domain.people.access import PersonalDataRead
from bargaining.domain.people.activity import people_named
from bargaining.domain.people.retention import RetentionPolicy, RetentionRun
from bargaining.presentation.summaries import occurred_on

#: Events read at a time while looking for people's last activity.
PAGE = 1000
#: Records that name people without being their activity.
_NOT_ACTIVITY = (PersonalDataRead, RetentionRun)


@attrs.frozen
class RetentionResult:
    """What a retention run found (``dry_run``: and would erase), erased and recorded:
    ``erased`` are the opaque ids, ``record`` the run's record (``None`` when nothing was
    recorded: a dry run, or nobody to erase)."""

    policy: RetentionPolicy
    on: date
    cutoff: date
    erased: tuple[str, ...]
    dry_run: bool
    record: Any = None

    @property
    def count(self) -> int:
        return len(self.erased)


def activity_day(fact: date | None, recorded: date, on: date) -> date:
    """The day an event keeps the people it names active, for a run on ``on``: the later of
    its fact's day and the day it was recorded, the recording counting only when it is not
    after ``on``; an event without a fact's day counts on the day it was recorded."""
    if fact is None:
        return recorded
    return max(fact, recorded) if recorded <= on else fact


def last_active(log: EventLog, on: date) -> dict[str, date]:
    """Each person's last day of activity as a run on ``on`` sees it, from every event in the
    log that names them."""
    last: dict[str, date] = {}
    for event in _events(log):
        if isinstance(event, tuple(k.Event for k in _NOT_ACTIVITY)):
            continue
        day = activity_day(occurred_on(event), event.timestamp.astimezone(UTC).date(), on)
        for person in people_named(event):
            if person not in last or last[person] < day:
                last[person] = day
    return last


def _events(log: EventLog) -> Iterator[Any]:
    after = 0
    while True:
        page = log.read_log(after, PAGE)
        for _, event in page:
            yield event
        if len(page) < PAGE:
            return
        after = page[-1][0]


def inactive(sealed: list[str], last: dict[str, date], cutoff: date,
             touched: Callable[[str], date]) -> list[str]:
    """The people with sealed data last active before ``cutoff`` (a person no event names
    counts from the day their data was last recorded, ``touched``)."""
    return sorted(p for p in sealed if last.get(p, touched(p)) < cutoff)
