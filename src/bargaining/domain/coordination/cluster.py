"""Bargaining clusters: units that agree to bargain in coordination, under a pact they sign."""

from __future__ import annotations

import enum
from collections.abc import Sequence
from datetime import date
from uuid import UUID

import attrs
from eventsourcing.domain import Aggregate, event

from bargaining.domain.shared.actor import Actor, clean_reason, require_actor
from bargaining.domain.shared.dates import require_date
from bargaining.domain.shared.errors import InvalidInput, RuleViolation
from bargaining.domain.shared.vote import Vote


class PactRule(enum.Enum):
    """Rules a cluster's coordination pact may contain."""

    SIGN_OFF = "no settlement below a floor goes to ratification without the cluster's sign-off"
    NO_DEAL_UNTIL_ALL_SETTLE = "no deal until every table settles"
    ME_TOO = "me-too: a later, better settlement flows back to units that settled earlier"
    NON_RAIDING = "non-raiding"


@attrs.define
class Member:
    """A unit's membership of a cluster; withdrawn members stay in the record."""

    unit_id: UUID
    label: str
    expiry: date | None
    admitted_by: Actor
    override_reason: str | None = None
    withdrawn: bool = False
    pact_signed_on: date | None = None


def _names(names: Sequence[str]) -> tuple[str, ...]:
    return tuple(str(n) for n in names)


@attrs.frozen
class SignOffDecision:
    """The coordinating committee's decision on a below-floor tentative agreement."""

    round_id: UUID
    unit_id: UUID
    approved: bool
    vote: Vote
    tentative_number: int
    failing_demands: tuple[str, ...] = attrs.field(converter=_names)
    decided_by: Actor = attrs.field(kw_only=True)
    reason: str | None = attrs.field(kw_only=True)


@attrs.frozen
class MeTooEntitlement:
    """A unit that settled earlier is owed a later settlement's better term on a demand."""

    unit_id: UUID
    demand: str
    from_unit_id: UUID
    explanation: str


@attrs.frozen
class AdoptedFramework:
    framework_id: UUID
    name: str
    version: int



class BargainingCluster(Aggregate):
    """A cluster: its committee, its window of expiries, members, framework and pact."""

    @classmethod
    def form(
        cls,
        *,
        name: str,
        sectors: Sequence[str],
        committee: Sequence[Actor],
        window_start: date,
        window_end: date,
        target_alignment: date,
        actor: Actor,
        reason: str | None = None,
    ) -> BargainingCluster:
        if not isinstance(name, str) or not name.strip():
            raise InvalidInput("a cluster needs a name")
        if isinstance(sectors, str) or not sectors or not all(
            isinstance(s, str) and s.strip() for s in sectors
        ):
            raise InvalidInput("a cluster needs one or more sectors")
        if isinstance(committee, Actor) or not committee:
            raise InvalidInput("a cluster needs a coordinating committee (a list of actors)")
        members = [require_actor(a) for a in committee]
        start = require_date(window_start, "window's first expiry date")
        end = require_date(window_end, "window's last expiry date")
        if end < start:
            raise InvalidInput(f"the expiry window ends ({end}) before it starts ({start})")
        return cls(
            name=" ".join(name.split()),
            sectors=[" ".join(s.split()) for s in sectors],
            committee=members,
            window_start=start,
            window_end=end,
            target_alignment=require_date(target_alignment, "target alignment date"),
            actor=require_actor(actor),
            reason=clean_reason(reason),
        )

    @event("Formed")
    def __init__(
        self,
        *,
        name: str,
        sectors: list[str],
        committee: list[Actor],
        window_start: date,
        window_end: date,
        target_alignment: date,
        actor: Actor,
        reason: str | None,
    ) -> None:
        self.name = name
        self.sectors = list(sectors)
        self.committee = list(committee)
        self.window_start = window_start
        self.window_end = window_end
        self.target_alignment = target_alignment
        self.members: dict[UUID, Member] = {}
        self.frameworks: list[AdoptedFramework] = []
        self.pact_rules: list[PactRule] = []
        self.me_too_demands: list[str] = []
        self.sign_offs: list[SignOffDecision] = []
        self.entitlements: list[MeTooEntitlement] = []
        self.rounds: dict[UUID, UUID] = {}

    # ----------------------------------------------------------------- queries

    @property
    def active_members(self) -> list[Member]:
        return [m for m in self.members.values() if not m.withdrawn]

    @property
    def framework(self) -> AdoptedFramework | None:
        """The framework version adopted last."""
        return self.frameworks[-1] if self.frameworks else None

    def has_rule(self, rule: PactRule) -> bool:
        return rule in self.pact_rules

    def member(self, unit_id: UUID) -> Member:
        try:
            return self.members[unit_id]
        except KeyError:
            raise RuleViolation(f"the unit {unit_id} is not a member of '{self.name}'") from None

    def sign_off_for(self, round_id: UUID) -> SignOffDecision | None:
        """The committee's latest decision on a round's tentative agreement."""
        decisions = [d for d in self.sign_offs if d.round_id == round_id]
        return decisions[-1] if decisions else None

    def in_window(self, expiry: date | None) -> bool:
        return expiry is not None and self.window_start <= expiry <= self.window_end

    def _require_committee(self, actor: Actor, what: str) -> Actor:
        actor = require_actor(actor)
        if actor not in self.committee:
            raise RuleViolation(
                f"only the coordinating committee of '{self.name}' can {what}; {actor} is not on it"
            )
        return actor

    # ---------------------------------------------------------------- commands

    def admit(
        self,
        unit_id: UUID,
        *,
        label: str,
        expiry: date | None,
        actor: Actor,
        override_reason: str | None = None,
    ) -> None:
        """Admit a unit whose current expiry falls in the window; outside it, only with an
        override whose reason is recorded."""
        actor = require_actor(actor)
        if unit_id in self.members and not self.members[unit_id].withdrawn:
            raise RuleViolation(f"{label} is already a member of '{self.name}'")
        reason = clean_reason(override_reason)
        if not self.in_window(expiry):
            where = f"expiry {expiry}" if expiry else "no recorded agreement"
            if reason is None:
                raise RuleViolation(
                    f"{label} has {where}, outside the window of '{self.name}' "
                    f"({self.window_start} to {self.window_end}); admitting it needs an override "
                    "with a reason"
                )
        else:
            reason = None
        self._admitted(unit_id=unit_id, label=label, expiry=expiry, actor=actor,
                       override_reason=reason)

    @event("UnitAdmitted")
    def _admitted(
        self, unit_id: UUID, label: str, expiry: date | None, actor: Actor,
        override_reason: str | None,
    ) -> None:
        self.members[unit_id] = Member(unit_id, label, expiry, actor, override_reason)

    def withdraw(self, unit_id: UUID, *, actor: Actor, reason: str | None = None) -> None:
        """A unit leaves; the record keeps that it was a member."""
        actor = require_actor(actor)
        member = self.member(unit_id)
        if member.withdrawn:
            raise RuleViolation(f"{member.label} has already withdrawn from '{self.name}'")
        self._withdrawn(unit_id=unit_id, actor=actor, reason=clean_reason(reason))

    @event("UnitWithdrew")
    def _withdrawn(self, unit_id: UUID, actor: Actor, reason: str | None) -> None:
        self.members[unit_id].withdrawn = True

    def adopt_framework(
        self, framework_id: UUID, *, name: str, version: int, ratified: bool, actor: Actor,
        reason: str | None = None,
    ) -> None:
        """Adopt a ratified framework version; a later version is a new adoption."""
        actor = require_actor(actor)
        if not ratified:
            raise RuleViolation(
                f"version {version} of '{name}' has not been ratified by members, so "
                f"'{self.name}' cannot adopt it"
            )
        adopted = AdoptedFramework(framework_id, name, version)
        if adopted in self.frameworks:
            raise RuleViolation(f"'{self.name}' has already adopted version {version} of '{name}'")
        self._framework_adopted(framework=adopted, actor=actor, reason=clean_reason(reason))

    @event("FrameworkAdopted")
    def _framework_adopted(
        self, framework: AdoptedFramework, actor: Actor, reason: str | None
    ) -> None:
        self.frameworks.append(framework)

    def adopt_pact(
        self, rules: Sequence[PactRule], *, actor: Actor, me_too_demands: Sequence[str] = (),
        reason: str | None = None,
    ) -> None:
        """The coordination pact's rules; me-too covers the named demands."""
        actor = require_actor(actor)
        if self.pact_rules:
            raise RuleViolation(f"'{self.name}' already has a pact; units have signed it")
        if not rules or not all(isinstance(r, PactRule) for r in rules):
            raise InvalidInput("a pact needs one or more PactRule values")
        if PactRule.ME_TOO in rules and not me_too_demands:
            raise InvalidInput("a me-too rule must name the demands it covers")
        self._pact_adopted(rules=list(rules), me_too_demands=list(me_too_demands), actor=actor,
                           reason=clean_reason(reason))

    @event("PactAdopted")
    def _pact_adopted(
        self, rules: list[PactRule], me_too_demands: list[str], actor: Actor, reason: str | None
    ) -> None:
        self.pact_rules = list(rules)
        self.me_too_demands = list(me_too_demands)

    def sign_pact(self, unit_id: UUID, *, on: date, actor: Actor) -> None:
        """Record that a member unit signed the pact, and when."""
        actor = require_actor(actor)
        member = self.member(unit_id)
        if not self.pact_rules:
            raise RuleViolation(f"'{self.name}' has no pact to sign yet")
        if member.withdrawn:
            raise RuleViolation(f"{member.label} has withdrawn from '{self.name}'")
        if member.pact_signed_on is not None:
            raise RuleViolation(f"{member.label} signed the pact on {member.pact_signed_on}")
        self._pact_signed(unit_id=unit_id, signed_on=require_date(on, "signing date"),
                          actor=actor)

    @event("PactSigned")
    def _pact_signed(self, unit_id: UUID, signed_on: date, actor: Actor) -> None:
        self.members[unit_id].pact_signed_on = signed_on

    def decide_sign_off(
        self,
        round_id: UUID,
        unit_id: UUID,
        *,
        tentative_number: int,
        approved: bool,
        vote: Vote,
        failing_demands: Sequence[str],
        actor: Actor,
        reason: str | None = None,
    ) -> None:
        """The committee's recorded decision on a below-floor tentative agreement."""
        actor = self._require_committee(actor, "decide a sign-off")
        self.member(unit_id)
        if not isinstance(vote, Vote):
            raise InvalidInput("a sign-off decision needs the committee's Vote")
        if not isinstance(approved, bool):
            raise InvalidInput("a sign-off decision approves (True) or refuses (False)")
        if approved and not vote.passed:
            raise RuleViolation(f"the committee's vote did not carry ({vote.explain()})")
        decision = SignOffDecision(round_id, unit_id, approved, vote, tentative_number,
                                   _names(failing_demands), decided_by=actor,
                                   reason=clean_reason(reason))
        self._sign_off_decided(decision=decision)

    @event("SignOffDecided")
    def _sign_off_decided(self, decision: SignOffDecision) -> None:
        self.sign_offs.append(decision)

    def link_round(self, unit_id: UUID, round_id: UUID, *, actor: Actor) -> None:
        """A member unit opened its bargaining table: the cluster follows that round."""
        actor = require_actor(actor)
        member = self.member(unit_id)
        if member.withdrawn:
            raise RuleViolation(f"{member.label} has withdrawn from '{self.name}'")
        self._table_opened(unit_id=unit_id, round_id=round_id, actor=actor)

    @event("TableOpened")
    def _table_opened(self, unit_id: UUID, round_id: UUID, actor: Actor) -> None:
        self.rounds[unit_id] = round_id

    def record_me_too(self, entitlement: MeTooEntitlement, *, actor: Actor) -> None:
        """A unit that settled earlier is now owed a better term won later in the cluster."""
        actor = require_actor(actor)
        self.member(entitlement.unit_id)
        if entitlement.demand not in self.me_too_demands:
            raise RuleViolation(f"the pact's me-too does not cover '{entitlement.demand}'")
        self._me_too_recorded(entitlement=entitlement, actor=actor)

    @event("MeTooEntitlementRecorded")
    def _me_too_recorded(self, entitlement: MeTooEntitlement, actor: Actor) -> None:
        self.entitlements.append(entitlement)
