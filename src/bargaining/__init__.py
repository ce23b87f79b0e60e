"""bargaining: event-sourced records of coordinated union bargaining campaigns."""

from bargaining.application.app import BargainingApp
from bargaining.application.clusters import ClusterStatus, TableState
from bargaining.domain.actor import Actor
from bargaining.domain.agreement import CollectiveAgreement
from bargaining.domain.cluster import PactRule
from bargaining.domain.errors import (
    BargainingError,
    ConcurrentChange,
    EncryptionKeyError,
    InvalidInput,
    MissingActor,
    RecordNotFound,
    RuleViolation,
    StoreError,
    UnitAlreadyRegistered,
    UnitNotFound,
)
from bargaining.domain.evaluation import (
    Amount,
    Clause,
    Evaluation,
    Increases,
    Terms,
    Tiered,
    Verdict,
    Years,
    evaluate,
)
from bargaining.domain.framework import (
    NO_TWO_TIER,
    Category,
    CompoundIncrease,
    Demand,
    Protection,
    Quantity,
    TermLength,
)
from bargaining.domain.open_period import EXAMPLE_CALENDAR, OpenPeriod, OpenPeriodCalendar
from bargaining.domain.round import TableStatus
from bargaining.domain.unit import BargainingUnit, unit_id
from bargaining.domain.vote import Tally, Threshold, Vote
from bargaining.readmodels.expiry_map import (
    ClusterCandidate,
    ExpiryMap,
    MapUnit,
    MonthRow,
    OpenPeriodEntry,
)

__all__ = [
    "EXAMPLE_CALENDAR",
    "NO_TWO_TIER",
    "Actor",
    "Amount",
    "BargainingApp",
    "BargainingError",
    "BargainingUnit",
    "Category",
    "Clause",
    "ClusterCandidate",
    "ClusterStatus",
    "CollectiveAgreement",
    "CompoundIncrease",
    "ConcurrentChange",
    "Demand",
    "EncryptionKeyError",
    "Evaluation",
    "ExpiryMap",
    "Increases",
    "InvalidInput",
    "MapUnit",
    "MissingActor",
    "MonthRow",
    "OpenPeriod",
    "OpenPeriodCalendar",
    "OpenPeriodEntry",
    "PactRule",
    "Protection",
    "Quantity",
    "RecordNotFound",
    "RuleViolation",
    "StoreError",
    "TableState",
    "TableStatus",
    "Tally",
    "TermLength",
    "Terms",
    "Threshold",
    "Tiered",
    "UnitAlreadyRegistered",
    "UnitNotFound",
    "Verdict",
    "Vote",
    "Years",
    "evaluate",
    "unit_id",
]
