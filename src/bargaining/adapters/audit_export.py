"""Export history and the audit log to JSON Lines and CSV, streaming.

Both formats have the same stable column set, :data:`COLUMNS`, in this order:

``position`` (the event's place in the application's log; empty when unknown),
``recorded_at`` (ISO 8601, UTC), ``occurred_on`` (the real-world date of the fact, ISO, or
empty), ``aggregate_kind`` (``BargainingUnit``, ``DemandFramework``, ``BargainingCluster``,
``BargainingRound``, ``Campaign``), ``aggregate_id``, ``version``, ``event`` (its name, such as
``UnitAdmitted``), ``actor_id``, ``actor_role``, ``reason``, ``summary`` (one line in plain
language) and ``data`` (the event's own fields as a JSON object; in CSV, JSON text).

Columns are only ever appended, never renamed or reordered. ``HistoryEntry.from_record`` reads
a JSON Lines object or a CSV row back.

In CSV, a text cell a spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``,
``@``, a tab or a carriage return, such as an actor id ``=HYPERLINK(...)``) is written with a
single quote before it (:mod:`bargaining.presentation.spreadsheet`); JSON Lines is written as
recorded.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Sized
from typing import IO

from bargaining.domain.shared.progress import Progress, Reporter, require_progress
from bargaining.presentation.history_entries import COLUMNS, HistoryEntry
from bargaining.presentation.spreadsheet import safe_cell

__all__ = ["COLUMNS", "write_csv", "write_jsonl"]


#: How many entries are written between two reports to a ``progress`` callback.
REPORT_EVERY = 500


def write_jsonl(
    entries: Iterable[HistoryEntry], file: IO[str], *, progress: Progress | None = None
) -> int:
    """Write one JSON object per line, keys in :data:`COLUMNS` order; returns how many.

    ``progress`` (:class:`~bargaining.domain.shared.progress.Progress`) hears the entries
    written, of their number when ``entries`` has a length (a list; a streamed audit log's
    total is known when it ends)."""
    reporter = _reporter(entries, progress)
    count = 0
    for entry in entries:
        file.write(json.dumps(entry.as_record(), ensure_ascii=False) + "\n")
        count += 1
        if reporter is not None and count % REPORT_EVERY == 0:
            reporter.tell(count)
    if reporter is not None:
        reporter.tell(count)
        reporter.finish()
    return count


def write_csv(
    entries: Iterable[HistoryEntry], file: IO[str], *, progress: Progress | None = None
) -> int:
    """Write a header row and one row per entry (open the file with ``newline=""``);
    returns how many entries were written. ``progress`` as :func:`write_jsonl` says."""
    reporter = _reporter(entries, progress)
    writer = csv.writer(file)
    writer.writerow(COLUMNS)
    count = 0
    for entry in entries:
        record = entry.as_record()
        record["data"] = json.dumps(record["data"], ensure_ascii=False)
        writer.writerow(_cell(record[c]) for c in COLUMNS)
        count += 1
        if reporter is not None and count % REPORT_EVERY == 0:
            reporter.tell(count)
    if reporter is not None:
        reporter.tell(count)
        reporter.finish()
    return count


def _reporter(entries: Iterable[HistoryEntry], progress: Progress | None) -> Reporter | None:
    if require_progress(progress) is None:
        return None
    reporter = Reporter(progress, len(entries) if isinstance(entries, Sized) else None)
    reporter.tell(0)
    return reporter


def _cell(value: object) -> object:
    """A CSV cell: empty for none, text neutralised, numbers as they are."""
    if value is None:
        return ""
    return safe_cell(value) if isinstance(value, str) else value
