"""bargaining: event-sourced records of coordinated union bargaining campaigns.

Everything a host needs is importable from here; ``__all__`` is the public API. Start with
:class:`BargainingApp`, whose use cases are grouped by context (``app.units``,
``app.frameworks``, ``app.clusters``, ``app.rounds``, ``app.campaigns``, ``app.history``,
``app.disputes``, ``app.integrity``) beside the read model ``app.expiry_map``.
"""

from bargaining.adapters.audit_export import COLUMNS, write_csv, write_jsonl
from bargaining.adapters.csv_import import (
    F7_MAPPING,
    ColumnMapping,
    CsvImporter,
    ImportReport,
    RejectedRow,
    RowWarning,
)
from bargaining.app import BargainingApp
from bargaining.application.clusters import ClusterStatus, PactBreach, Seat, TableState
from bargaining.application.defense_reach import (
    AffectedUnit,
    Front,
    OpenCluster,
    ThreatReach,
)
from bargaining.application.integrity import Break, IntegrityReport, Receipt
from bargaining.application.people import (
    DataRead,
    ErasureResult,
    People,
    RedactionResult,
    SealedPerson,
)
from bargaining.application.ports import NoStrikeConditions, StrikeConditions
from bargaining.application.retention import RetentionResult
from bargaining.domain.budgets.budget import (
    FRONTLINE,
    Budget,
    BudgetCategory,
    BudgetLine,
    PayeeKind,
)
from bargaining.domain.budgets.decisions import GoalNotFound, LineNotFound
from bargaining.domain.budgets.goals import Goal, MembersGoals
from bargaining.domain.budgets.money import Money, WrongCurrency
from bargaining.domain.budgets.report import (
    BudgetReport,
    GoalFigures,
    LineFigures,
    PeriodShares,
    SpendingShares,
)
from bargaining.domain.campaigns.campaign import Campaign
from bargaining.domain.campaigns.counts import ParticipationHistory
from bargaining.domain.campaigns.job_actions import JobAction
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
    StrikeSpell,
)
from bargaining.domain.coordination.alignment import (
    AlignmentPlan,
    MemberAlignment,
    PlanKind,
    plan_alignment,
)
from bargaining.domain.coordination.cluster import (
    BargainingCluster,
    MeTooEntitlement,
    PactRule,
    SignOffDecision,
)
from bargaining.domain.coordination.me_too_ledger import MeTooClaim, MeTooStatus
from bargaining.domain.coordination.returns import (
    CountedVote,
    Return,
    ReturnsResult,
    ReturnsRule,
    UnitReturn,
    combine_returns,
)
from bargaining.domain.coordination.round import BargainingRound, TableStatus
from bargaining.domain.coordination.tables import TableKind, unit_settled
from bargaining.domain.defense.message import Impact, ImpactMeasure, Message
from bargaining.domain.defense.public_action import (
    PublicAction,
    PublicActionKind,
)
from bargaining.domain.defense.response import PlannedStep, Response
from bargaining.domain.defense.template import (
    CampaignTemplate,
    TemplateAction,
    TemplateVersion,
)
from bargaining.domain.defense.threat import Threat, ThreatKind, ThreatOutcome
from bargaining.domain.democracy.account import AccountabilityReport, RoleAccount
from bargaining.domain.democracy.accountability import ReportDue, ReportState
from bargaining.domain.democracy.body import GoverningBody, RoleNotFound, body_id
from bargaining.domain.democracy.calendar import MeetingCalendar, calendar_id
from bargaining.domain.democracy.decisions import AdoptedDocument, Decision, InCamera
from bargaining.domain.democracy.document import Document, DocumentKind
from bargaining.domain.democracy.meeting import Meeting, Motion, MotionNotFound
from bargaining.domain.democracy.roles import BodyType, FilledBy, Holding, Rank
from bargaining.domain.disputes.index import DisputeIndex
from bargaining.domain.disputes.intervention import Intervention, InterventionKind
from bargaining.domain.disputes.law import Law, LawEffect
from bargaining.domain.disputes.strike_position import (
    EXAMPLE_STRIKE_POSITIONS,
    ONTARIO_RULE,
    StrikePosition,
    StrikePositionCalendar,
    StrikePositionRule,
)
from bargaining.domain.drives.drive import Drive
from bargaining.domain.drives.rules import (
    CARD_CHECK,
    CERTIFICATION_VOTE,
    EXAMPLE_CERTIFICATION_RULES,
    CertificationRule,
    CertificationRules,
)
from bargaining.domain.elections.caucus import Caucus, LocalNotInCaucus
from bargaining.domain.elections.count import ElectionCount
from bargaining.domain.elections.election import (
    Candidate,
    CandidateNotFound,
    Election,
    ReturnDoesNotAddUp,
)
from bargaining.domain.frameworks.baseline import (
    BaselineJudgement,
    BaselineLine,
    Change,
    judge_against_agreement,
)
from bargaining.domain.frameworks.clauses import ContractClause
from bargaining.domain.frameworks.evaluation import (
    Amount,
    Clause,
    DemandVerdict,
    Evaluation,
    Increases,
    Terms,
    Tiered,
    Verdict,
    Years,
    evaluate,
    score,
)
from bargaining.domain.frameworks.framework import (
    NO_TWO_TIER,
    Category,
    CompoundIncrease,
    Demand,
    DemandFramework,
    FrameworkVersion,
    Protection,
    Quantity,
    TermLength,
    VersionStatus,
)
from bargaining.domain.frameworks.inflation import Inflation
from bargaining.domain.frameworks.measures import Binds
from bargaining.domain.frameworks.terms import (
    CostOfLiving,
    GreaterOf,
    Indexed,
    LumpSum,
    Per,
    Progression,
    Raise,
    Raises,
    TierBasis,
    Wage,
)
from bargaining.domain.frameworks.wages import WageFigures, wage_figures
from bargaining.domain.organizing.counts import GroupCounts, WorkplaceCounts
from bargaining.domain.organizing.leaders import (
    WORKERS_PER_LEADER,
    Coverage,
    GroupCoverage,
    LeaderStanding,
)
from bargaining.domain.organizing.mapping import (
    MAJORITY_PETITION,
    GroupTest,
    MapCount,
    MapDoesNotAddUp,
    WorkGroupNotFound,
)
from bargaining.domain.organizing.network import NetworkReading, NetworkSeries, Period
from bargaining.domain.organizing.plans import (
    OrganizingPlan,
    PlanGoal,
    PlanGoalKind,
    PlanGoalProgress,
)
from bargaining.domain.organizing.team import AreaKind, AreaTeam, TeamRole
from bargaining.domain.organizing.workplace import LeaderNotFound, Workplace
from bargaining.domain.people.access import PersonalDataRead
from bargaining.domain.people.erasure import Erasure
from bargaining.domain.people.reading import NotAllowedToRead, Reader, ReadPolicy, Role
from bargaining.domain.people.redaction import Redaction, RedactionReason
from bargaining.domain.people.retention import RetentionPolicy, RetentionRun
from bargaining.domain.shared.actor import Actor
from bargaining.domain.shared.errors import (
    BargainingError,
    ConcurrentChange,
    ErasedMeanwhile,
    InvalidInput,
    MissingActor,
    RecordNotFound,
    RuleViolation,
    UnitAlreadyRegistered,
    UnitNotFound,
)
from bargaining.domain.shared.flags import Flag, FlagRule
from bargaining.domain.shared.language import (
    Language,
    UnknownLanguage,
    format_date,
    format_money,
    format_number,
    format_percent,
    reading_in,
)
from bargaining.domain.shared.personal import PersonalData
from bargaining.domain.shared.progress import Progress
from bargaining.domain.shared.vote import Body, BodyKind, Quorum, Tally, Threshold, Vote
from bargaining.domain.solidarity.pact import PICKET_LINE, STRIKE_FUND, SolidarityPact
from bargaining.domain.solidarity.raiding import (
    EXAMPLE_RAIDING_CALENDAR,
    RaidingCalendar,
    RaidingPeriod,
)
from bargaining.domain.training.call_teams import CallTeam
from bargaining.domain.training.participation import TookPart
from bargaining.domain.training.plans import ActivistRole, FieldPlan, FieldPlanTemplate
from bargaining.domain.training.sessions import Mentoring, TrainingSession
from bargaining.domain.units.agreement import CollectiveAgreement
from bargaining.domain.units.open_period import EXAMPLE_CALENDAR, OpenPeriod, OpenPeriodCalendar
from bargaining.domain.units.profile import MAX_TEXT, UnitProfile, unit_id
from bargaining.domain.units.unit import BargainingUnit
from bargaining.infrastructure.errors import (
    DamagedEvent,
    EncryptionKeyError,
    MapBehind,
    StoreBusy,
    StoreError,
)
from bargaining.infrastructure.store_audit import verify_store
from bargaining.presentation.dispute_summaries import DisputeFact
from bargaining.presentation.history_entries import AuditPage, HistoryEntry
from bargaining.readmodels.expiry_map import (
    ClusterCandidate,
    ExpiryMap,
    MapFilter,
    MapUnit,
    MonthRow,
    OpenPeriodEntry,
)

__all__ = [
    "CARD_CHECK",
    "CERTIFICATION_VOTE",
    "COLUMNS",
    "DEFAULT_LADDER",
    "EXAMPLE_CALENDAR",
    "EXAMPLE_CERTIFICATION_RULES",
    "EXAMPLE_RAIDING_CALENDAR",
    "EXAMPLE_STRIKE_POSITIONS",
    "F7_MAPPING",
    "FRONTLINE",
    "MAJORITY_PETITION",
    "MAX_TEXT",
    "NO_TWO_TIER",
    "ONTARIO_RULE",
    "PICKET_LINE",
    "STRIKE_FUND",
    "WORKERS_PER_LEADER",
    "AccountabilityReport",
    "ActivistRole",
    "Actor",
    "AdoptedDocument",
    "AffectedUnit",
    "AlignmentPlan",
    "Amount",
    "AreaKind",
    "AreaTeam",
    "AuditPage",
    "BargainingApp",
    "BargainingCluster",
    "BargainingError",
    "BargainingRound",
    "BargainingUnit",
    "BaselineJudgement",
    "BaselineLine",
    "Binds",
    "Body",
    "BodyKind",
    "BodyType",
    "Break",
    "Budget",
    "BudgetCategory",
    "BudgetLine",
    "BudgetReport",
    "CallTeam",
    "Campaign",
    "CampaignScope",
    "CampaignStatus",
    "CampaignTemplate",
    "Candidate",
    "CandidateNotFound",
    "Category",
    "Caucus",
    "CertificationRule",
    "CertificationRules",
    "Change",
    "Clause",
    "ClimbCheck",
    "ClusterCandidate",
    "ClusterStatus",
    "CollectiveAgreement",
    "ColumnMapping",
    "CompoundIncrease",
    "ConcurrentChange",
    "ContractClause",
    "CostOfLiving",
    "CountedVote",
    "Coverage",
    "CsvImporter",
    "DamagedEvent",
    "DataRead",
    "Decision",
    "Demand",
    "DemandFramework",
    "DemandVerdict",
    "DisputeFact",
    "DisputeIndex",
    "Document",
    "DocumentKind",
    "Drive",
    "Election",
    "ElectionCount",
    "EncryptionKeyError",
    "ErasedMeanwhile",
    "Erasure",
    "ErasureResult",
    "Evaluation",
    "ExpiryMap",
    "FieldPlan",
    "FieldPlanTemplate",
    "Figure",
    "FilledBy",
    "Flag",
    "FlagRule",
    "FrameworkVersion",
    "Front",
    "Goal",
    "GoalFigures",
    "GoalNotFound",
    "GoverningBody",
    "GreaterOf",
    "GroupCounts",
    "GroupCoverage",
    "GroupTest",
    "HistoryEntry",
    "Holding",
    "Impact",
    "ImpactMeasure",
    "ImportReport",
    "InCamera",
    "Increases",
    "Indexed",
    "Inflation",
    "IntegrityReport",
    "Intervention",
    "InterventionKind",
    "InvalidInput",
    "JobAction",
    "Ladder",
    "Language",
    "Law",
    "LawEffect",
    "LeaderNotFound",
    "LeaderStanding",
    "LineFigures",
    "LineNotFound",
    "LocalNotInCaucus",
    "LumpSum",
    "Mandate",
    "MandateKind",
    "MapBehind",
    "MapCount",
    "MapDoesNotAddUp",
    "MapFilter",
    "MapUnit",
    "MeTooClaim",
    "MeTooEntitlement",
    "MeTooStatus",
    "Meeting",
    "MeetingCalendar",
    "MemberAlignment",
    "MembersGoals",
    "Mentoring",
    "Message",
    "MissingActor",
    "Money",
    "MonthRow",
    "Motion",
    "MotionNotFound",
    "NetworkReading",
    "NetworkSeries",
    "NoStrikeConditions",
    "NotAllowedToRead",
    "OpenCluster",
    "OpenPeriod",
    "OpenPeriodCalendar",
    "OpenPeriodEntry",
    "OrganizingPlan",
    "Outcome",
    "Override",
    "PactBreach",
    "PactRule",
    "ParticipationHistory",
    "PayeeKind",
    "People",
    "Per",
    "Period",
    "PeriodShares",
    "PersonalData",
    "PersonalDataRead",
    "PlanGoal",
    "PlanGoalKind",
    "PlanGoalProgress",
    "PlanKind",
    "PlannedStep",
    "PlannedUnit",
    "Progress",
    "Progression",
    "Protection",
    "PublicAction",
    "PublicActionKind",
    "Quantity",
    "Quorum",
    "RaidingCalendar",
    "RaidingPeriod",
    "Raise",
    "Raises",
    "Rank",
    "ReadPolicy",
    "Reader",
    "Readiness",
    "Receipt",
    "RecordNotFound",
    "Redaction",
    "RedactionReason",
    "RedactionResult",
    "RejectedRow",
    "ReportDue",
    "ReportState",
    "Response",
    "RetentionPolicy",
    "RetentionResult",
    "RetentionRun",
    "Return",
    "ReturnDoesNotAddUp",
    "ReturnsResult",
    "ReturnsRule",
    "Role",
    "RoleAccount",
    "RoleNotFound",
    "RowWarning",
    "RuleViolation",
    "Rung",
    "RungKind",
    "SealedPerson",
    "Seat",
    "SeriesPoint",
    "SignOffDecision",
    "SolidarityPact",
    "SpendingShares",
    "Standing",
    "StoreBusy",
    "StoreError",
    "StrikeConditions",
    "StrikePosition",
    "StrikePositionCalendar",
    "StrikePositionRule",
    "StrikeSpell",
    "StructureTest",
    "TableKind",
    "TableState",
    "TableStatus",
    "Tally",
    "TeamRole",
    "TemplateAction",
    "TemplateVersion",
    "TermLength",
    "Terms",
    "Threat",
    "ThreatKind",
    "ThreatOutcome",
    "ThreatReach",
    "Threshold",
    "TierBasis",
    "Tiered",
    "TookPart",
    "TrainingSession",
    "Turnout",
    "UnitAlreadyRegistered",
    "UnitNotFound",
    "UnitProfile",
    "UnitReadiness",
    "UnitResult",
    "UnitReturn",
    "UnknownLanguage",
    "Verdict",
    "VersionStatus",
    "Vote",
    "Wage",
    "WageFigures",
    "WorkGroupNotFound",
    "Workplace",
    "WorkplaceCounts",
    "WrongCurrency",
    "Years",
    "body_id",
    "calendar_id",
    "combine_returns",
    "evaluate",
    "format_date",
    "format_money",
    "format_number",
    "format_percent",
    "judge_against_agreement",
    "participation_series",
    "plan_alignment",
    "readiness",
    "reading_in",
    "score",
    "unit_id",
    "unit_settled",
    "verify_store",
    "wage_figures",
    "write_csv",
    "write_jsonl",
]
