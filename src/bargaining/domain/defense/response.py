"""A rapid response: what the process manager proposed for one local against one threat, and
its launch as a campaign with the template's actions planned on real dates.

Its id is derived from the threat and the local, so one threat gets one response per local
however often (or by however many processes) it is proposed. Launching is a decision, taken
once: the decision is recorded before the campaign is made, so a second launch, concurrent or
later, is refused, and a launch interrupted half-way is completed, never repeated.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime, timedelta
from typing import Any
from uuid import UUID

import attrs
from eventsourcing.domain import Aggregate, event

from bargaining.domain.defense.words import key
from bargaining.domain.shared.actor import Actor, clean_reason, require_actor
from bargaining.domain.shared.dates import require_date
from bargaining.domain.shared.errors import RuleViolation, term
from bargaining.domain.shared.record_ids import PUBLIC_IDS, RecordIds, created

RESPONSE_NAMESPACE = uuid.UUID("2f0c7a51-9a0d-5d0e-bb7a-0b5e8d6c3a12")


def response_words(threat_id: UUID, local: str) -> str:
    """The words a response's id is derived from: the threat's id and the local (its union
    and number, case aside). The threat's id is stored in clear, the local's name is public:
    on an encrypted store the id is keyed, or it would say which locals a threat hit."""
    return f"{threat_id}:{key(local)}"


def response_id(threat_id: UUID, local: str) -> UUID:
    """The public id of the response to a threat at a local (the id on a store without
    encryption)."""
    return uuid.uuid5(RESPONSE_NAMESPACE, response_words(threat_id, local))


@attrs.frozen
class PlannedStep:
    """A template's action as planned in the response's campaign: its number there, name,
    rung and day."""

    number: int
    name: str
    rung: str
    on: date


class Response(Aggregate):
    """A response proposed for one local against one threat, and its launch."""

    @staticmethod
    def create_id(threat_id: UUID, local: str, **_: object) -> UUID:
        return response_id(threat_id, local)

    @classmethod
    def propose(
        cls, *, threat_id: UUID, threat_name: str, threat_recorded_at: datetime, local: str,
        units: list[tuple[UUID, str]], template_id: UUID, template_name: str,
        template_version: int, why: str, actor: Actor, ids: RecordIds = PUBLIC_IDS,
    ) -> Response:
        """A proposal, saying which template version was matched and why, under the id
        ``ids`` (the store's) gives the threat and the local."""
        return created(
            cls, "Proposed", ids.named(RESPONSE_NAMESPACE, response_words(threat_id, local)),
            threat_id=threat_id, local=local, name=f"response to {threat_name} at {local}",
            unit_ids=[u for u, _ in units], unit_labels=[label for _, label in units],
            template_id=template_id, template_name=template_name,
            template_version=template_version, why=why,
            threat_recorded_at=threat_recorded_at, actor=require_actor(actor),
        )

    @event("Proposed")
    def __init__(
        self, *, threat_id: UUID, local: str, name: str, unit_ids: list[UUID],
        unit_labels: list[str], template_id: UUID, template_name: str, template_version: int,
        why: str, threat_recorded_at: datetime, actor: Actor,
    ) -> None:
        self.threat_id = threat_id
        self.local = local
        self.name = name
        self.units = tuple(zip(unit_ids, unit_labels, strict=True))
        self.template_id = template_id
        self.template_name = template_name
        self.template_version = template_version
        self.why = why
        self.threat_recorded_at = threat_recorded_at
        self.launch_on: date | None = None
        self.launched_by: Actor | None = None
        self.campaign_id: UUID | None = None
        self.planned: tuple[PlannedStep, ...] = ()
        self.planned_at: datetime | None = None

    # ----------------------------------------------------------------- queries

    @property
    def unit_ids(self) -> list[UUID]:
        return [u for u, _ in self.units]

    @property
    def status(self) -> str:
        """'proposed', 'launching' (decided, campaign not yet made or not yet planned),
        'launched' (the template's actions planned)."""
        if self.launch_on is None:
            return "proposed"
        return "launched" if self.planned_at is not None else "launching"

    @property
    def response_time(self) -> timedelta | None:
        """From the threat's registration to the response's actions planned (``None`` until
        they are): the metric of how fast the network answers."""
        if self.planned_at is None:
            return None
        return self.planned_at - self.threat_recorded_at

    # ---------------------------------------------------------------- commands

    def decide_launch(self, *, on: date, actor: Actor, reason: str | None = None) -> None:
        """The decision to launch, from the day ``on``: taken once."""
        day = require_date(on, term("day the response is launched"))
        who = require_actor(actor)
        if self.launch_on is not None:
            raise RuleViolation.worded("the {name} was already launched, from {launch_on}",
                                       name=self.name, launch_on=self.launch_on)
        self._launch_decided(on=day, actor=who, reason=clean_reason(reason))

    @event("LaunchDecided")
    def _launch_decided(self, on: date, actor: Actor, reason: str | None) -> None:
        self.launch_on = on
        self.launched_by = actor

    def campaign_launched(self, campaign_id: UUID, *, actor: Actor) -> None:
        """The campaign the launch made."""
        if self.launch_on is None or self.campaign_id is not None:
            raise RuleViolation.worded("the {name} has no launch waiting for its campaign",
                                       name=self.name)
        self._campaign_launched(campaign_id=campaign_id, actor=require_actor(actor))

    @event("CampaignLaunched")
    def _campaign_launched(self, campaign_id: UUID, actor: Actor) -> None:
        self.campaign_id = campaign_id

    def actions_planned(self, steps: list[PlannedStep], *, actor: Actor) -> None:
        """The template's actions, planned in the campaign."""
        if self.campaign_id is None or self.planned_at is not None:
            raise RuleViolation.worded("the {name} has no campaign waiting for its actions",
                                       name=self.name)
        self.trigger_event(self.ActionsPlanned,
                           steps=[[s.number, s.name, s.rung, s.on] for s in steps],
                           actor=require_actor(actor))

    class ActionsPlanned(Aggregate.Event):
        """The template's actions planned; the moment it was recorded ends the response
        time."""

        steps: list[list[Any]]
        actor: Actor

        def apply(self, aggregate: Any) -> None:
            aggregate.planned = tuple(PlannedStep(*s) for s in self.steps)
            aggregate.planned_at = self.timestamp
