"""bargaining: event-sourced records of coordinated union bargaining campaigns."""

from bargaining.adapters.audit_export import write_csv, write_jsonl
from bargaining.application.app import BargainingApp
from bargaining.application.campaigns import CampaignCommands
from bargaining.application.clusters import ClusterStatus, TableState
from bargaining.application.history import AuditPage, HistoryEntry
from bargaining.application.integrity import Break, IntegrityReport, Receipt, verify_store
from bargaining.domain.campaigns.campaign import Campaign
from bargaining.domain.campaigns.ladder import DEFAULT_LADDER, Ladder, Rung, RungKind
from bargaining.domain.campaigns.participation import (
    PlannedUnit,
    StructureTest,
    Turnout,
    UnitResult,
)
from bargaining.domain.campaigns.queries import ClimbCheck
from bargaining.domain.campaigns.readiness import (
    Figure,
    Readiness,
    SeriesPoint,
    Standing,
    UnitReadiness,
    participation_series,
    readiness,
)
from bargaining.domain.campaigns.timeline import (
    CampaignScope,
    CampaignStatus,
    Mandate,
    MandateKind,
    Outcome,
    Override,
)
from bargaining.domain.coordination.cluster import PactRule
from bargaining.domain.coordination.round import TableStatus
from bargaining.domain.frameworks.evaluation import (
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
from bargaining.domain.frameworks.framework import (
    NO_TWO_TIER,
    Category,
    CompoundIncrease,
    Demand,
    Protection,
    Quantity,
    TermLength,
)
from bargaining.domain.shared.actor import Actor
from bargaining.domain.shared.errors import (
    BargainingError,
    ConcurrentChange,
    InvalidInput,
    MissingActor,
    RecordNotFound,
    RuleViolation,
    UnitAlreadyRegistered,
    UnitNotFound,
)
from bargaining.domain.shared.vote import Tally, Threshold, Vote
from bargaining.domain.units.agreement import CollectiveAgreement
from bargaining.domain.units.open_period import EXAMPLE_CALENDAR, OpenPeriod, OpenPeriodCalendar
from bargaining.domain.units.unit import MAX_TEXT, BargainingUnit, unit_id
from bargaining.infrastructure.errors import EncryptionKeyError, MapBehind, StoreError
from bargaining.readmodels.expiry_map import (
    ClusterCandidate,
    ExpiryMap,
    MapUnit,
    MonthRow,
    OpenPeriodEntry,
)

__all__ = [
    "DEFAULT_LADDER",
    "EXAMPLE_CALENDAR",
    "MAX_TEXT",
    "NO_TWO_TIER",
    "Actor",
    "Amount",
    "AuditPage",
    "BargainingApp",
    "BargainingError",
    "BargainingUnit",
    "Break",
    "Campaign",
    "CampaignCommands",
    "CampaignScope",
    "CampaignStatus",
    "Category",
    "Clause",
    "ClimbCheck",
    "ClusterCandidate",
    "ClusterStatus",
    "CollectiveAgreement",
    "CompoundIncrease",
    "ConcurrentChange",
    "Demand",
    "EncryptionKeyError",
    "Evaluation",
    "ExpiryMap",
    "Figure",
    "HistoryEntry",
    "Increases",
    "IntegrityReport",
    "InvalidInput",
    "Ladder",
    "Mandate",
    "MandateKind",
    "MapBehind",
    "MapUnit",
    "MissingActor",
    "MonthRow",
    "OpenPeriod",
    "OpenPeriodCalendar",
    "OpenPeriodEntry",
    "Outcome",
    "Override",
    "PactRule",
    "PlannedUnit",
    "Protection",
    "Quantity",
    "Readiness",
    "Receipt",
    "RecordNotFound",
    "RuleViolation",
    "Rung",
    "RungKind",
    "SeriesPoint",
    "Standing",
    "StoreError",
    "StructureTest",
    "TableState",
    "TableStatus",
    "Tally",
    "TermLength",
    "Terms",
    "Threshold",
    "Tiered",
    "Turnout",
    "UnitAlreadyRegistered",
    "UnitNotFound",
    "UnitReadiness",
    "UnitResult",
    "Verdict",
    "Vote",
    "Years",
    "evaluate",
    "participation_series",
    "readiness",
    "unit_id",
    "verify_store",
    "write_csv",
    "write_jsonl",
]
