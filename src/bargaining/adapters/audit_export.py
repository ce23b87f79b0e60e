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
from collections.abc import Iterable
from typing import IO

from bargaining.presentation.history_entries import COLUMNS, HistoryEntry
from bargaining.presentation.spreadsheet import safe_cell

__all__ = ["COLUMNS", "write_csv", "write_jsonl"]


def write_jsonl(entries: Iterable[HistoryEntry], file: IO[str]) -> int:
    """Write one JSON object per line, keys in :data:`COLUMNS` order; returns how many."""
    count = 0
    for entry in entries:
        file.write(json.dumps(entry.as_record(), ensure_ascii=False) + "\n")
        count += 1
    return count


def write_csv(entries: Iterable[HistoryEntry], file: IO[str]) -> int:
    """Write a header row and one row per entry (open the file with ``newline=""``);
    returns how many entries were written."""
    writer = csv.writer(file)
    writer.writerow(COLUMNS)
    count = 0
    for entry in entries:
        record = entry.as_record()
        record["data"] = json.dumps(record["data"], ensure_ascii=False)
        writer.writerow(_cell(record[c]) for c in COLUMNS)
        count += 1
    return count


def _cell(value: object) -> object:
    """A CSV cell: empty for none, text neutralised, numbers as they are."""
    if value is None:
        return ""
    return safe_cell(value) if isinstance(value, str) else value
