"""Plain-language history: one line per recorded event, and the real-world date of its fact.

Organizers read history, not event payloads, so every event kind of every aggregate has a
one-line summary (a test fails when one is missing). A summary names who acted by role, and
the key numbers and dates; the reason is not repeated (history shows it in a field of its own).
Other records (units, clusters, frameworks, campaigns, rounds) are named through ``names``,
which the application backs with the store; this module stays free of infrastructure.

This is the public module: the summaries themselves are written by context, in
:mod:`~bargaining.presentation.bargaining_summaries` (units, frameworks, clusters, rounds) and
:mod:`~bargaining.presentation.campaign_summaries`, each filling a table of its own; the tables
are joined here, so importing this module is all it takes to have every summary.
"""

from __future__ import annotations

from datetime import date
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
from bargaining.domain.shared.actor import Actor
from bargaining.domain.shared.language import Language, gettext, reading_in, translate
from bargaining.domain.shared.text import RedactedText
from bargaining.domain.solidarity.pact import SolidarityPact
from bargaining.domain.training.call_teams import CallTeam
from bargaining.domain.training.plans import ActivistRole, FieldPlan, FieldPlanTemplate
from bargaining.domain.training.sessions import Mentoring, TrainingSession
from bargaining.domain.units.profile import unit_label
from bargaining.domain.units.unit import BargainingUnit
from bargaining.presentation import (
    bargaining_summaries,
    budget_summaries,
    campaign_summaries,
    defense_summaries,
    democracy_summaries,
    dispute_summaries,
    drive_summaries,
    election_summaries,
    organizing_summaries,
    people_summaries,
    round_summaries,
    solidarity_summaries,
    training_summaries,
)
from bargaining.presentation.wording import (
    C,
    F,
    K,
    Names,
    R,
    Summary,
    SummaryTable,
    U,
    by,
    table_name,
)

__all__ = [
    "AGGREGATES",
    "C",
    "F",
    "K",
    "Names",
    "R",
    "Summary",
    "U",
    "actor_of",
    "by",
    "display_name",
    "has_summary",
    "is_translated",
    "occurred_on",
    "reason_of",
    "summarize",
]

#: The aggregates whose events history reads, by the name history gives their kind.
AGGREGATES: dict[str, type[Any]] = {
    cls.__name__: cls
    for cls in (BargainingUnit, DemandFramework, BargainingCluster, BargainingRound, Campaign,
                Law, Intervention, DisputeIndex)
} | {
    cls.__name__: cls
    for cls in (Threat, CampaignTemplate, Response, PublicAction, Message, ResponseTracking,
                MembersGoals, Budget, GoverningBody, MeetingCalendar, Meeting, Document,
                Election, Caucus, SolidarityPact, Erasure, Redaction)
} | {cls.__name__: cls for cls in (AreaTeam, Workplace, OrganizingPlan, PersonalDataRead,
                                   RetentionRun)} | {
    cls.__name__: cls
    for cls in (Drive, TrainingSession, Mentoring, CallTeam, FieldPlanTemplate, FieldPlan,
                ActivistRole)
}

_TABLE = SummaryTable.joined(
    bargaining_summaries.TABLE, round_summaries.TABLE, campaign_summaries.TABLE,
    dispute_summaries.TABLE, defense_summaries.TABLE, budget_summaries.TABLE,
    democracy_summaries.TABLE, election_summaries.TABLE, solidarity_summaries.TABLE,
    organizing_summaries.TABLE, people_summaries.TABLE, drive_summaries.TABLE,
    training_summaries.TABLE)
_SUMMARIES = _TABLE.summaries
#: The event classes whose summaries are translated (their modules write through the
#: catalog): every module's; a new module's joins when all its lines do.
_TRANSLATED = frozenset().union(*(table.summaries for table in (
    bargaining_summaries.TABLE, round_summaries.TABLE, campaign_summaries.TABLE,
    dispute_summaries.TABLE, defense_summaries.TABLE, budget_summaries.TABLE,
    democracy_summaries.TABLE, election_summaries.TABLE, solidarity_summaries.TABLE,
    organizing_summaries.TABLE, people_summaries.TABLE, drive_summaries.TABLE,
    training_summaries.TABLE)))
_DATES = _TABLE.dates


def summarize(event: Any, names: Names) -> str:
    """One line in plain language saying what the event records, who did it (by role) and the
    key numbers and dates. Events of unknown kinds get a generic line rather than an error."""
    how = _SUMMARIES.get(type(event))
    if how is None:
        return translate("{event} recorded {by}", event=type(event).__name__,
                         by=by(actor_of(event))).rstrip()
    if type(event) not in _TRANSLATED:
        with reading_in(Language.ENGLISH):  # a whole English line, not a French-English mix
            return how(event, names)
    return how(event, names)


def is_translated(event_class: type[Any]) -> bool:
    """Whether an event class's summary is written in every language (the others are
    written in English whatever the reader's language, until their module is translated)."""
    return event_class in _TRANSLATED


def has_summary(event_class: type[Any]) -> bool:
    """Whether an event class has its own plain-language summary."""
    return event_class in _SUMMARIES


def occurred_on(event: Any) -> date | None:
    """The real-world date of the event's fact (a vote held, an agreement settled, a count
    taken), when the event carries one; ``None`` when the fact is the recording itself."""
    when = _DATES.get(type(event))
    return when(event) if when is not None else None


def actor_of(event: Any) -> Actor | None:
    """Who made the change: the event's actor (a sign-off names its deciding member)."""
    actor = getattr(event, "actor", None)
    if actor is None and isinstance(event, C.SignOffDecided):
        actor = event.decision.decided_by
    return actor if isinstance(actor, Actor) else None


def reason_of(event: Any) -> str | None:
    """Why, where one was given: the reason, an admission's override reason, or a sign-off's."""
    reason = getattr(event, "reason", None)
    if reason is None and isinstance(event, C.UnitAdmitted):
        reason = event.override_reason
    if reason is None and isinstance(event, C.SignOffDecided):
        reason = event.decision.reason
    if isinstance(reason, RedactedText):
        return gettext(reason)  # "[redacted]" in the reader's language
    return reason if isinstance(reason, str) else None


def display_name(first_event: Any, names: Names) -> str | None:
    """A record's display name from its first event (names never change after creation)."""
    if isinstance(first_event, U.Registered):
        e = first_event
        return unit_label(e.union, e.local, e.employer, e.unit_name)
    if isinstance(first_event, R.Opened):
        e = first_event
        if len(e.unit_ids) == 1 and e.name is None:
            return translate("the round at {unit}", unit=names(e.unit_ids[0]))
        return table_name(e.kind, e.name)
    disputed = dispute_summaries.display_name(first_event, names)
    if disputed is not None:
        return disputed
    democratic = democracy_summaries.display_name(first_event)
    if democratic is not None:
        return democratic
    elected = election_summaries.display_name(first_event, names)
    if elected is not None:
        return elected
    organized = (organizing_summaries.display_name(first_event)
                 or drive_summaries.display_name(first_event)
                 or training_summaries.display_name(first_event))
    if organized is not None:
        return organized
    name = getattr(first_event, "name", None)
    return name if isinstance(name, str) else None
