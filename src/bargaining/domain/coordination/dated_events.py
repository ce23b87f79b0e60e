"""What a cluster event of release 0.1 reads as, now that its events record their day."""

from __future__ import annotations

from typing import Any


class DayRecorded:
    """Version 2 of a cluster event records its real-world day, ``on``. Release 0.1 stored
    them without it: they read as "not recorded" (``on=None``), never as the day they were
    recorded, which is another fact that every event keeps anyway (its timestamp)."""

    class_version = 2

    @staticmethod
    def upcast_v1_v2(state: dict[str, Any]) -> None:
        state["on"] = None
