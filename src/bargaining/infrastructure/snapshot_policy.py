"""When a save snapshots the records it wrote.

Each kind of record is snapshotted every so many of its events (``snapshot_intervals``). A
save reaching several multiples of its interval (an import, a campaign launched for thousands
of units) takes one snapshot, at the last; taking one at each would load the record each time.
A save that writes more than :data:`HEAVY_SAVE` bytes of one record's events (a structure test
of thousands of counts) snapshots the record at once, so that no load replays those events:
replaying them costs about what reading the record's snapshot costs, again at every load until
the next interval (``docs/operations/performance.md``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any
from uuid import UUID

from eventsourcing.application import ProcessingEvent
from eventsourcing.persistence import Recording

#: A save that writes more than this many bytes of one record's events snapshots the record.
HEAVY_SAVE = 64 * 1024


def heavy_records(recordings: Sequence[Recording[Any]]) -> set[UUID]:
    """The records a save wrote more than :data:`HEAVY_SAVE` bytes of."""
    weights: dict[UUID, int] = {}
    for recording in recordings:
        stored = recording.notification
        record = stored.originator_id
        record = record if isinstance(record, UUID) else UUID(str(record))
        weights[record] = weights.get(record, 0) + len(stored.state)
    return {record for record, weight in weights.items() if weight > HEAVY_SAVE}


def snapshot_versions(
    processing_event: ProcessingEvent[UUID], intervals: Mapping[type[Any], int],
    heavy: set[UUID],
) -> dict[UUID, int]:
    """The version each record of a save is snapshotted at: the last that is a multiple of
    its kind's interval, or, for a heavy record, its last."""
    last: dict[UUID, int] = {}
    for event in processing_event.events:
        aggregate = processing_event.aggregates.get(event.originator_id)
        interval = intervals.get(type(aggregate))
        if interval and (event.originator_version % interval == 0
                         or event.originator_id in heavy):
            last[event.originator_id] = event.originator_version
    return last
