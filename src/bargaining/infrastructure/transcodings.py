"""How the library's value objects are written into stored events (JSON, by exact type)."""

from __future__ import annotations

import enum
import functools
from datetime import date
from fractions import Fraction
from typing import Any, TypeVar

import attrs
from eventsourcing.persistence import JSONTranscoder, Transcoding

from bargaining.domain.campaigns.ladder import Ladder, Rung, RungKind
from bargaining.domain.campaigns.participation import (
    PlannedUnit,
    StructureTest,
    Turnout,
    UnitResult,
)
from bargaining.domain.campaigns.timeline import (
    CampaignScope,
    Mandate,
    MandateKind,
    Outcome,
    Override,
)
from bargaining.domain.coordination.cluster import (
    AdoptedFramework,
    MeTooEntitlement,
    PactRule,
    SignOffDecision,
)
from bargaining.domain.coordination.round import Offer, TentativeAgreement
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
)
from bargaining.domain.frameworks.framework import (
    Category,
    CompoundIncrease,
    Demand,
    Protection,
    Quantity,
    TermLength,
)
from bargaining.domain.shared.actor import Actor
from bargaining.domain.shared.vote import Tally, Threshold, Vote
from bargaining.domain.units.agreement import CollectiveAgreement

T = TypeVar("T")


class DateAsISO(Transcoding):
    type = date
    name = "date_iso"

    def encode(self, obj: date) -> str:
        return obj.isoformat()

    def decode(self, data: str) -> date:
        return date.fromisoformat(data)


class ActorAsDict(Transcoding):
    type = Actor
    name = "actor"

    def encode(self, obj: Actor) -> dict[str, str]:
        return {"id": obj.id, "role": obj.role}

    def decode(self, data: dict[str, str]) -> Actor:
        return _actor(data["id"], data["role"])


@functools.lru_cache(maxsize=4096)
def _actor(actor_id: str, role: str) -> Actor:
    """Actors are immutable and few: replaying thousands of events shares one per person."""
    return Actor(id=actor_id, role=role)


class AgreementAsDict(Transcoding):
    type = CollectiveAgreement
    name = "collective_agreement"

    def encode(self, obj: CollectiveAgreement) -> dict[str, Any]:
        return {
            "expiry": obj.expiry,
            "effective": obj.effective,
            "settled": obj.settled,
            "source": obj.source,
        }

    def decode(self, data: dict[str, Any]) -> CollectiveAgreement:
        return CollectiveAgreement(**data)


class FractionAsStr(Transcoding):
    type = Fraction
    name = "fraction"

    def encode(self, obj: Fraction) -> str:
        return str(obj)

    def decode(self, data: str) -> Fraction:
        return Fraction(data)


class AttrsAsDict(Transcoding):
    """An attrs value object as a dict of its fields. The name is stored with the data, so it
    must never change for a released class."""

    def __init__(self, cls: type[Any], name: str) -> None:
        self.type = cls
        self.name = name

    def encode(self, obj: Any) -> dict[str, Any]:
        return {f.name: getattr(obj, f.name) for f in attrs.fields(type(obj))}

    def decode(self, data: dict[str, Any]) -> Any:
        return self.type(**data)


class ThresholdAsDict(Transcoding):
    """A threshold as released: its percentage stored as a share of one (``"share": "1/2"``)."""

    type = Threshold
    name = "threshold"

    def encode(self, obj: Threshold) -> dict[str, Any]:
        return {"share": obj.percent / 100, "of": obj.of, "strictly_more": obj.strictly_more}

    def decode(self, data: dict[str, Any]) -> Threshold:
        threshold = Threshold(50, data["of"], data["strictly_more"])
        return _restored(threshold, percent=Fraction(data["share"]) * 100)


class VoteAsDict(Transcoding):
    """A vote as released: its quorum stored as a share of one (``"quorum": "1/2"``)."""

    type = Vote
    name = "vote"

    def encode(self, obj: Vote) -> dict[str, Any]:
        quorum = None if obj.quorum is None else obj.quorum / 100
        return {"held_on": obj.held_on, "tally": obj.tally, "threshold": obj.threshold,
                "quorum": quorum}

    def decode(self, data: dict[str, Any]) -> Vote:
        quorum = data["quorum"]
        vote = Vote(data["held_on"], data["tally"], data["threshold"])
        return vote if quorum is None else _restored(vote, quorum=Fraction(quorum) * 100)


def _restored(value: T, **recorded: Any) -> T:
    """A value with fields set as they were recorded, without today's input checks: a share
    of one recorded by release 0.1 reads as its percentage, even one that a host could no
    longer give (``as_changed_percent`` refuses 1% or less, as probable shares of one)."""
    for name, field in recorded.items():
        object.__setattr__(value, name, field)
    return value


class EnumAsValue(Transcoding):
    def __init__(self, cls: type[enum.Enum], name: str) -> None:
        self.type = cls
        self.name = name

    def encode(self, obj: enum.Enum) -> Any:
        return obj.value

    def decode(self, data: Any) -> enum.Enum:
        member: enum.Enum = self.type(data)
        return member


VALUE_OBJECTS: dict[str, type[Any]] = {
    "demand": Demand,
    "compound_increase": CompoundIncrease,
    "quantity": Quantity,
    "protection": Protection,
    "term_length": TermLength,
    "tally": Tally,
    "terms": Terms,
    "increases": Increases,
    "amount": Amount,
    "clause": Clause,
    "years": Years,
    "tiered": Tiered,
    "evaluation": Evaluation,
    "demand_verdict": DemandVerdict,
    "offer": Offer,
    "tentative_agreement": TentativeAgreement,
    "sign_off_decision": SignOffDecision,
    "me_too_entitlement": MeTooEntitlement,
    "adopted_framework": AdoptedFramework,
    "escalation_rung": Rung,
    "escalation_ladder": Ladder,
    "campaign_turnout": Turnout,
    "campaign_planned_unit": PlannedUnit,
    "structure_test_unit_result": UnitResult,
    "structure_test": StructureTest,
    "campaign_mandate": Mandate,
    "escalation_override": Override,
}
ENUMS: dict[str, type[enum.Enum]] = {
    "demand_category": Category,
    "verdict": Verdict,
    "pact_rule": PactRule,
    "rung_kind": RungKind,
    "mandate_kind": MandateKind,
    "campaign_outcome": Outcome,
    "campaign_scope": CampaignScope,
}


def register_domain_transcodings(transcoder: JSONTranscoder) -> None:
    """Register every value object that events carry."""
    for transcoding in (DateAsISO(), ActorAsDict(), AgreementAsDict(), FractionAsStr(),
                        ThresholdAsDict(), VoteAsDict()):
        transcoder.register(transcoding)
    for name, cls in VALUE_OBJECTS.items():
        transcoder.register(AttrsAsDict(cls, name))
    for name, enum_cls in ENUMS.items():
        transcoder.register(EnumAsValue(enum_cls, name))
