"""A trivial aggregate for the plain-eventsourcing baseline of ``foundation.py``.

It lives in its own module because stored topics name the module: classes defined in
``__main__`` would not resolve when the events are read back.
"""

from __future__ import annotations

from eventsourcing.domain import Aggregate, event


class Item(Aggregate):
    """Two events per aggregate: ``Created`` and one ``Resized``."""

    @event("Created")
    def __init__(self, name: str, size: int) -> None:
        self.name = name
        self.size = size

    @event("Resized")
    def resize(self, size: int) -> None:
        self.size = size
