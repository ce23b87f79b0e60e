"""bargaining: event-sourced records of coordinated union bargaining campaigns."""

from bargaining.application.app import BargainingApp
from bargaining.domain.actor import Actor
from bargaining.domain.agreement import CollectiveAgreement
from bargaining.domain.errors import (
    BargainingError,
    ConcurrentChange,
    EncryptionKeyError,
    InvalidInput,
    MissingActor,
    RuleViolation,
    StoreError,
    UnitAlreadyRegistered,
    UnitNotFound,
)
from bargaining.domain.open_period import EXAMPLE_CALENDAR, OpenPeriod, OpenPeriodCalendar
from bargaining.domain.unit import BargainingUnit, unit_id
from bargaining.readmodels.expiry_map import (
    ClusterCandidate,
    ExpiryMap,
    MapUnit,
    MonthRow,
    OpenPeriodEntry,
)

__all__ = [
    "EXAMPLE_CALENDAR",
    "Actor",
    "BargainingApp",
    "BargainingError",
    "BargainingUnit",
    "ClusterCandidate",
    "CollectiveAgreement",
    "ConcurrentChange",
    "EncryptionKeyError",
    "ExpiryMap",
    "InvalidInput",
    "MapUnit",
    "MissingActor",
    "MonthRow",
    "OpenPeriod",
    "OpenPeriodCalendar",
    "OpenPeriodEntry",
    "RuleViolation",
    "StoreError",
    "UnitAlreadyRegistered",
    "UnitNotFound",
    "unit_id",
]
