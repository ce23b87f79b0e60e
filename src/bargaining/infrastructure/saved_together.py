"""Records saved in one transaction: handed to ``Application.save`` as one, and named in
words when someone else changed one of them at the same time."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from uuid import UUID

from eventsourcing.domain import Aggregate


class SavedTogether:
    """Aggregates saved together, handed to ``Application.save`` as one.

    ``Application.save`` asks two runtime ``Protocol`` checks of each object it is given, and
    Python 3.11's are slow: an import that saves many units a transaction paid for them once
    per unit. Handed together, the units are checked once; ``EventStore._record`` puts
    them back before they are read, so every later step of ``save`` runs as written.
    ``tests/test_eventsourcing_seams.py`` holds it to saving them one by one.
    """

    id = UUID(int=0)

    def __init__(self, aggregates: Sequence[Aggregate]) -> None:
        self.aggregates = aggregates

    def collect_events(self) -> list[Any]:
        return [event for aggregate in self.aggregates for event in aggregate.collect_events()]


def describe(obj: object) -> str:
    """A record as a refusal names it: its label or name, else its id (never its data)."""
    for attribute in ("label", "name"):
        value = getattr(obj, attribute, None)
        if isinstance(value, str):
            return value
    return f"record {getattr(obj, 'id', '?')}"
