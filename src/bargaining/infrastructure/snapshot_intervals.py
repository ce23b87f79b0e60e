"""How often each kind of record is snapshotted: every so many of its events.

Loading a record reads its latest snapshot and replays the events after it, so the interval
bounds what a load replays; a snapshot costs one write of the record's whole state, so a record
whose state is large is snapshotted less often than its replay would suggest. The intervals
were chosen by ``benchmarks/commands.py`` (figures in ``docs/operations/performance.md``).
"""

from __future__ import annotations

from typing import Any

from bargaining.domain.budgets.budget import Budget
from bargaining.domain.budgets.goals import MembersGoals
from bargaining.domain.campaigns.campaign import Campaign
from bargaining.domain.coordination.cluster import BargainingCluster
from bargaining.domain.coordination.round import BargainingRound
from bargaining.domain.defense.message import Message
from bargaining.domain.defense.public_action import PublicAction
from bargaining.domain.defense.response import Response
from bargaining.domain.defense.template import CampaignTemplate
from bargaining.domain.defense.threat import Threat
from bargaining.domain.defense.tracking import ResponseTracking
from bargaining.domain.democracy.body import GoverningBody
from bargaining.domain.democracy.calendar import MeetingCalendar
from bargaining.domain.democracy.document import Document
from bargaining.domain.democracy.meeting import Meeting
from bargaining.domain.disputes.index import DisputeIndex
from bargaining.domain.disputes.intervention import Intervention
from bargaining.domain.disputes.law import Law
from bargaining.domain.drives.drive import Drive
from bargaining.domain.elections.caucus import Caucus
from bargaining.domain.elections.election import Election
from bargaining.domain.frameworks.framework import DemandFramework
from bargaining.domain.organizing.plans import OrganizingPlan
from bargaining.domain.organizing.team import AreaTeam
from bargaining.domain.organizing.workplace import Workplace
from bargaining.domain.people.access import PersonalDataRead
from bargaining.domain.people.erasure import Erasure
from bargaining.domain.people.redaction import Redaction
from bargaining.domain.people.retention import RetentionRun
from bargaining.domain.solidarity.pact import SolidarityPact
from bargaining.domain.training.call_teams import CallTeam
from bargaining.domain.training.plans import ActivistRole, FieldPlan, FieldPlanTemplate
from bargaining.domain.training.sessions import Mentoring, TrainingSession
from bargaining.domain.units.unit import BargainingUnit

#: Every concrete kind of record (the lookup is by exact class), with its interval.
SNAPSHOT_INTERVALS: dict[type[Any], int] = {
    BargainingUnit: 50,
    Campaign: 50,
    BargainingCluster: 50,
    BargainingRound: 50,
    DemandFramework: 50,
    Law: 50,
    Intervention: 50,
    DisputeIndex: 50,
    Threat: 50,
    CampaignTemplate: 50,
    Response: 50,
    PublicAction: 50,
    Message: 50,
    ResponseTracking: 50,
    MembersGoals: 50,
    Budget: 50,
    GoverningBody: 50,
    MeetingCalendar: 50,
    Meeting: 50,
    Document: 50,
    Election: 50,
    Caucus: 50,
    SolidarityPact: 50,
    AreaTeam: 50,
    Workplace: 50,
    OrganizingPlan: 50,
    Erasure: 50,
    Redaction: 50,
    Drive: 50,
    TrainingSession: 50,
    Mentoring: 50,
    CallTeam: 50,
    FieldPlanTemplate: 50,
    FieldPlan: 50,
    ActivistRole: 50,
    PersonalDataRead: 50,
    RetentionRun: 50,
}
