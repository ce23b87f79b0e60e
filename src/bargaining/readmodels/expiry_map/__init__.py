"""The Expiry Map: who bargains when, kept from the event log in tables of its own.

``map`` holds the ``ExpiryMap`` hosts call, ``results`` what its queries answer, ``filters``
the ``MapFilter`` they take, ``index`` its memory index, ``clusters`` and ``open_periods``
the two questions that rank or sort thousands of units, ``projection`` how it keeps current,
and ``ports`` what it asks of the stores beneath it (implemented in
``bargaining.infrastructure``).
"""

from bargaining.readmodels.expiry_map.filters import MapFilter
from bargaining.readmodels.expiry_map.map import ExpiryMap
from bargaining.readmodels.expiry_map.results import (
    ClusterCandidate,
    MapUnit,
    MonthRow,
    OpenPeriodEntry,
)

__all__ = [
    "ClusterCandidate",
    "ExpiryMap",
    "MapFilter",
    "MapUnit",
    "MonthRow",
    "OpenPeriodEntry",
]
