"""How the library's value objects are written into stored events (JSON, by exact type)."""

from __future__ import annotations

import enum
import functools
from datetime import date
from fractions import Fraction
from typing import Any, TypeVar

import attrs
from eventsourcing.persistence import JSONTranscoder, Transcoding

from bargaining.domain.budgets.budget import BudgetCategory, PayeeKind
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
from bargaining.domain.coordination.returns import ReturnsRule
from bargaining.domain.coordination.round import Offer, TentativeAgreement
from bargaining.domain.coordination.tables import TableKind
from bargaining.domain.democracy.accountability import Expectation, Report, WorkPlan
from bargaining.domain.democracy.document import Adoption, DocumentKind, Version
from bargaining.domain.democracy.meeting import Motion
from bargaining.domain.democracy.roles import BodyType, FilledBy, Holding, Rank
from bargaining.domain.disputes.intervention import InterventionKind
from bargaining.domain.disputes.law import LawEffect
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
)
from bargaining.domain.frameworks.framework import (
    Category,
    CompoundIncrease,
    Demand,
    Protection,
    Quantity,
    TermLength,
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
from bargaining.domain.organizing.mapping import GroupTest, MapCount
from bargaining.domain.organizing.plans import PlanGoal, PlanGoalKind
from bargaining.domain.organizing.team import AreaKind, TeamRole
from bargaining.domain.people.redaction import RedactionReason
from bargaining.domain.shared.actor import Actor
from bargaining.domain.shared.flags import Flag, FlagRule
from bargaining.domain.shared.phrases import Phrase
from bargaining.domain.shared.vote import Body, BodyKind, Quorum, Tally, Threshold, Vote
from bargaining.domain.units.agreement import CollectiveAgreement
from bargaining.infrastructure.note_sealing import sealed_free_text

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
        """The released form; terms and clauses are added only when the agreement has them,
        so an agreement without them is stored byte for byte as release 0.1 stored it (and
        its stored form, read back, has neither)."""
        data: dict[str, Any] = {
            "expiry": obj.expiry,
            "effective": obj.effective,
            "settled": obj.settled,
            "source": obj.source,
        }
        if obj.terms is not None:
            data["terms"] = obj.terms
        if obj.clauses:
            data["clauses"] = list(obj.clauses)
        return data

    def decode(self, data: dict[str, Any]) -> CollectiveAgreement:
        return CollectiveAgreement(**data)


class FractionAsStr(Transcoding):
    type = Fraction
    name = "fraction"

    def encode(self, obj: Fraction) -> str:
        return str(obj)

    def decode(self, data: str) -> Fraction:
        return Fraction(data)


#: Fields added to released value objects that are stored only when set: a flag or a verdict
#: without its phrase is stored in the very form released before phrases existed.
STORED_WHEN_SET = frozenset({"wording"})


class AttrsAsDict(Transcoding):
    """An attrs value object as a dict of its fields. The name is stored with the data, so it
    must never change for a released class."""

    def __init__(self, cls: type[Any], name: str) -> None:
        self.type = cls
        self.name = name

    def encode(self, obj: Any) -> dict[str, Any]:
        # free text inside a value (an override's reason) is sealed (``note_sealing``); a
        # value without a phrase is stored as before phrases existed (``STORED_WHEN_SET``)
        return {f.name: sealed_free_text(f.name, getattr(obj, f.name))
                for f in attrs.fields(type(obj))
                if not (f.name in STORED_WHEN_SET and getattr(obj, f.name) is None)}

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
    """A vote as released, with what votes say since: its quorum as a share of one
    (``"quorum": "1/2"``) or a number present (``{"present": 100}``), and its body. A vote
    stored before votes named their body reads back with ``body`` ``None``."""

    type = Vote
    name = "vote"

    def encode(self, obj: Vote) -> dict[str, Any]:
        quorum: Any = None
        if obj.quorum is not None:
            quorum = ({"present": obj.quorum.people} if obj.quorum.people is not None
                      else obj.quorum.percent / 100 if obj.quorum.percent is not None else None)
        data = {"held_on": obj.held_on, "tally": obj.tally, "threshold": obj.threshold,
                "quorum": quorum}
        if obj.body is not None:
            data["body"] = {"kind": obj.body.kind.value, "name": obj.body.name}
        return data

    def decode(self, data: dict[str, Any]) -> Vote:
        stored_quorum = data["quorum"]
        body = data.get("body")
        vote = Vote(data["held_on"], data["tally"], data["threshold"],
                    body=None if body is None else Body(body["kind"], body["name"]))
        if isinstance(stored_quorum, dict):
            return _restored(vote, quorum=Quorum.present(stored_quorum["present"]))
        if stored_quorum is not None:
            quorum = _restored(Quorum.present(1), people=None,
                               percent=Fraction(stored_quorum) * 100)
            return _restored(vote, quorum=quorum)
        return vote


class TallyAsDict(Transcoding):
    """A tally as released; the number present is stored only where it was counted."""

    type = Tally
    name = "tally"

    def encode(self, obj: Tally) -> dict[str, Any]:
        data = {"eligible": obj.eligible, "cast": obj.cast, "yes": obj.yes, "no": obj.no,
                "spoiled": obj.spoiled}
        if obj.present is not None:
            data["present"] = obj.present
        return data

    def decode(self, data: dict[str, Any]) -> Tally:
        return Tally(**data)


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
    "terms": Terms,
    "increases": Increases,
    "amount": Amount,
    "clause": Clause,
    "years": Years,
    "tiered": Tiered,
    "evaluation": Evaluation,
    "demand_verdict": DemandVerdict,
    "phrase": Phrase,
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
    "flag": Flag,
    "wage_raises": Raises,
    "wage_raise": Raise,
    "indexed_raise": Indexed,
    "greater_of": GreaterOf,
    "lump_sum": LumpSum,
    "cost_of_living": CostOfLiving,
    "base_wage": Wage,
    "progression": Progression,
    "inflation_series": Inflation,
    "contract_clause": ContractClause,
    "voting_body": Body,
    "role_holding": Holding,
    "reporting_expectation": Expectation,
    "work_plan": WorkPlan,
    "role_report": Report,
    "motion": Motion,
    "document_version": Version,
    "document_adoption": Adoption,
    "organizing_map_count": MapCount,
    "organizing_group_test": GroupTest,
    "organizing_goal": PlanGoal,
}
ENUMS: dict[str, type[enum.Enum]] = {
    "redaction_reason": RedactionReason,
    "demand_category": Category,
    "verdict": Verdict,
    "pact_rule": PactRule,
    "rung_kind": RungKind,
    "mandate_kind": MandateKind,
    "campaign_outcome": Outcome,
    "campaign_scope": CampaignScope,
    "law_effect": LawEffect,
    "intervention_kind": InterventionKind,
    "flag_rule": FlagRule,
    "wage_binds": Binds,
    "wage_per": Per,
    "tier_basis": TierBasis,
    "table_kind": TableKind,
    "returns_rule": ReturnsRule,
    "voting_body_kind": BodyKind,
    "budget_category": BudgetCategory,
    "payee_kind": PayeeKind,
    "body_type": BodyType,
    "filled_by": FilledBy,
    "holder_rank": Rank,
    "document_kind": DocumentKind,
    "organizing_area_kind": AreaKind,
    "organizing_team_role": TeamRole,
    "organizing_goal_kind": PlanGoalKind,
}


def register_domain_transcodings(transcoder: JSONTranscoder) -> None:
    """Register every value object that events carry."""
    for transcoding in (DateAsISO(), ActorAsDict(), AgreementAsDict(), FractionAsStr(),
                        ThresholdAsDict(), VoteAsDict(), TallyAsDict()):
        transcoder.register(transcoding)
    for name, cls in VALUE_OBJECTS.items():
        transcoder.register(AttrsAsDict(cls, name))
    for name, enum_cls in ENUMS.items():
        transcoder.register(EnumAsValue(enum_cls, name))
