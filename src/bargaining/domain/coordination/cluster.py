"""Bargaining clusters: units that agree to bargain in coordination, under a pact they sign."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from uuid import UUID

from eventsourcing.domain import Aggregate, event

from bargaining.domain.coordination.cluster_rules import (
    check_pact,
    check_sign_off,
    formation,
    not_before,
)
from bargaining.domain.coordination.dated_events import DayRecorded
from bargaining.domain.coordination.me_too_ledger import MeTooClaim, MeTooLedger
from bargaining.domain.coordination.pact import (
    AdoptedFramework,
    Member,
    MeTooEntitlement,
    PactRule,
    SignOffDecision,
    latest_decision,
    names,
)
from bargaining.domain.shared.actor import Actor, clean_reason, require_actor
from bargaining.domain.shared.dates import require_date
from bargaining.domain.shared.errors import RuleViolation, term
from bargaining.domain.shared.vote import Vote

__all__ = ["AdoptedFramework", "BargainingCluster", "MeTooEntitlement", "Member", "PactRule",
           "SignOffDecision"]


class BargainingCluster(MeTooLedger):
    """A cluster: its committee, its window of expiries, members, framework and pact.

    Every command records its real-world day (``on``). The events below were released without
    it (version 1) and gained it in version 2; ``upcast_v1_v2`` reads the released ones with
    ``on=None``. Their topics and other fields are those the decorators gave them.
    """

    class Formed(DayRecorded, Aggregate.Created):
        name: str
        sectors: list[str]
        committee: list[Actor]
        window_start: date
        window_end: date
        target_alignment: date
        actor: Actor
        reason: str | None
        on: date | None

    class UnitAdmitted(DayRecorded, Aggregate.Event):
        unit_id: UUID
        label: str
        expiry: date | None
        actor: Actor
        override_reason: str | None
        on: date | None

    class UnitWithdrew(DayRecorded, Aggregate.Event):
        unit_id: UUID
        actor: Actor
        reason: str | None
        on: date | None

    class FrameworkAdopted(DayRecorded, Aggregate.Event):
        framework: AdoptedFramework
        actor: Actor
        reason: str | None
        on: date | None

    class PactAdopted(DayRecorded, Aggregate.Event):
        rules: list[PactRule]
        me_too_demands: list[str]
        actor: Actor
        reason: str | None
        on: date | None

    class TableOpened(DayRecorded, Aggregate.Event):
        unit_id: UUID
        round_id: UUID
        actor: Actor
        on: date | None

    class MeTooEntitlementRecorded(DayRecorded, Aggregate.Event):
        entitlement: MeTooEntitlement
        actor: Actor
        on: date | None

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
        on: date,
        reason: str | None = None,
    ) -> BargainingCluster:
        """A new cluster, formed on the real-world day ``on``."""
        return cls(**formation(
            name=name, sectors=sectors, committee=committee, window_start=window_start,
            window_end=window_end, target_alignment=target_alignment, actor=actor, on=on,
            reason=reason))

    @event(Formed)
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
        on: date | None,
    ) -> None:
        self.name = name
        #: The real-world day it was formed; ``None`` for clusters formed before the day was
        #: recorded (release 0.1).
        self.formed_on = on
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
        self.me_too_claims: list[MeTooClaim] = []
        self.rounds: dict[UUID, UUID] = {}
        #: Every table each member sits at (its rounds), in the order they opened.
        self.tables: dict[UUID, list[UUID]] = {}

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
            raise RuleViolation.worded("the unit {unit_id} is not a member of '{name}'",
                                       unit_id=unit_id, name=self.name) from None

    def sign_off_for(
        self, round_id: UUID, *, tentative_number: int | None = None, on: date | None = None
    ) -> SignOffDecision | None:
        """The committee's latest decision on a round's tentative agreement, by the day its
        vote was held: see :func:`~.pact.latest_decision`."""
        return latest_decision(self.sign_offs, round_id, tentative_number=tentative_number, on=on)

    def in_window(self, expiry: date | None) -> bool:
        return expiry is not None and self.window_start <= expiry <= self.window_end

    def _day(self, on: object, what: str) -> date:
        return not_before(on, what, self.formed_on, f"'{self.name}' was formed")

    def _require_committee(self, actor: Actor, what: str) -> Actor:
        actor = require_actor(actor)
        if actor not in self.committee:
            raise RuleViolation.worded("only the coordinating committee of '{name}' can {what}; "
                                       "{actor} is not on it",
                                       name=self.name, what=what, actor=actor)
        return actor

    # ---------------------------------------------------------------- commands

    def admit(
        self,
        unit_id: UUID,
        *,
        label: str,
        expiry: date | None,
        actor: Actor,
        on: date,
        override_reason: str | None = None,
    ) -> None:
        """Admit a unit, on the day ``on``, whose current expiry falls in the window; outside
        it, only with an override whose reason is recorded."""
        actor = require_actor(actor)
        day = self._day(on, term("day the unit was admitted"))
        if unit_id in self.members and not self.members[unit_id].withdrawn:
            raise RuleViolation.worded("{label} is already a member of '{name}'",
                                       label=label, name=self.name)
        reason = clean_reason(override_reason)
        if not self.in_window(expiry):
            where = f"expiry {expiry}" if expiry else "no recorded agreement"
            if reason is None:
                raise RuleViolation.worded("{label} has {where}, outside the window of '{name}' "
                                           "({window_start} to {window_end}); admitting it needs "
                                           "an override with a reason",
                                           label=label, where=where, name=self.name,
                                           window_start=self.window_start,
                                           window_end=self.window_end)
        else:
            reason = None
        self._admitted(unit_id=unit_id, label=label, expiry=expiry, actor=actor,
                       override_reason=reason, on=day)

    @event(UnitAdmitted)
    def _admitted(
        self, unit_id: UUID, label: str, expiry: date | None, actor: Actor,
        override_reason: str | None, on: date | None,
    ) -> None:
        self.members[unit_id] = Member(unit_id, label, expiry, actor, override_reason,
                                       admitted_on=on)

    def withdraw(
        self, unit_id: UUID, *, actor: Actor, on: date, reason: str | None = None
    ) -> None:
        """A unit leaves on the day ``on``; the record keeps that it was a member."""
        actor = require_actor(actor)
        member = self.member(unit_id)
        day = not_before(on, term("day the unit withdrew"), member.admitted_on,
                         f"{member.label} was admitted")
        if member.withdrawn:
            raise RuleViolation.worded("{label} has already withdrawn from '{name}'",
                                       label=member.label, name=self.name)
        self._withdrawn(unit_id=unit_id, actor=actor, reason=clean_reason(reason), on=day)

    @event(UnitWithdrew)
    def _withdrawn(
        self, unit_id: UUID, actor: Actor, reason: str | None, on: date | None
    ) -> None:
        self.members[unit_id].withdrawn = True

    def adopt_framework(
        self, framework_id: UUID, *, name: str, version: int, ratified: bool, actor: Actor,
        on: date, reason: str | None = None,
    ) -> None:
        """Adopt a ratified framework version on the day ``on``; a later version is a new
        adoption."""
        actor = require_actor(actor)
        day = self._day(on, term("day the framework was adopted"))
        if not ratified:
            raise RuleViolation.worded("version {version} of '{name}' has not been ratified by "
                                       "members, so '{name2}' cannot adopt it",
                                       version=version, name=name, name2=self.name)
        adopted = AdoptedFramework(framework_id, name, version)
        if adopted in self.frameworks:
            raise RuleViolation.worded("'{name}' has already adopted version {version} of "
                                       "'{name2}'", name=self.name, version=version, name2=name)
        self._framework_adopted(framework=adopted, actor=actor, reason=clean_reason(reason),
                                on=day)

    @event(FrameworkAdopted)
    def _framework_adopted(
        self, framework: AdoptedFramework, actor: Actor, reason: str | None, on: date | None
    ) -> None:
        self.frameworks.append(framework)

    def adopt_pact(
        self, rules: Sequence[PactRule], *, actor: Actor, on: date,
        me_too_demands: Sequence[str] = (), reason: str | None = None,
    ) -> None:
        """The coordination pact's rules, adopted on the day ``on``; me-too covers the named
        demands."""
        actor = require_actor(actor)
        day = self._day(on, term("day the pact was adopted"))
        if self.pact_rules:
            raise RuleViolation.worded("'{name}' already has a pact; units have signed it",
                                       name=self.name)
        check_pact(rules, me_too_demands)
        self._pact_adopted(rules=list(rules), me_too_demands=list(me_too_demands), actor=actor,
                           reason=clean_reason(reason), on=day)

    @event(PactAdopted)
    def _pact_adopted(
        self, rules: list[PactRule], me_too_demands: list[str], actor: Actor,
        reason: str | None, on: date | None,
    ) -> None:
        self.pact_rules = list(rules)
        self.me_too_demands = list(me_too_demands)

    def sign_pact(self, unit_id: UUID, *, on: date, actor: Actor) -> None:
        """Record that a member unit signed the pact, and when."""
        actor = require_actor(actor)
        member = self.member(unit_id)
        if not self.pact_rules:
            raise RuleViolation.worded("'{name}' has no pact to sign yet", name=self.name)
        if member.withdrawn:
            raise RuleViolation.worded("{label} has withdrawn from '{name}'",
                                       label=member.label, name=self.name)
        if member.pact_signed_on is not None:
            raise RuleViolation.worded("{label} signed the pact on {pact_signed_on}",
                                       label=member.label, pact_signed_on=member.pact_signed_on)
        day = not_before(on, term("signing date"), member.admitted_on,
                         f"{member.label} was admitted")
        self._pact_signed(unit_id=unit_id, signed_on=day, actor=actor)

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
        on: date | None = None,
        reason: str | None = None,
    ) -> None:
        """The committee's recorded decision on a below-floor tentative agreement. The
        committee decides by its vote, so the decision's day is the vote's ``held_on``
        (kept in the vote, as released); ``on``, when given, must be that day."""
        actor = self._require_committee(actor, term("decide a sign-off"))
        self.member(unit_id)
        check_sign_off(vote, approved, on)
        decision = SignOffDecision(round_id, unit_id, approved, vote, tentative_number,
                                   names(failing_demands), decided_by=actor,
                                   reason=clean_reason(reason))
        self._sign_off_decided(decision=decision)

    @event("SignOffDecided")
    def _sign_off_decided(self, decision: SignOffDecision) -> None:
        self.sign_offs.append(decision)

    def link_round(self, unit_id: UUID, round_id: UUID, *, actor: Actor, on: date) -> None:
        """A member unit opened its bargaining table on ``on`` (the day its notice to bargain
        was served): the cluster follows that round."""
        actor = require_actor(actor)
        member = self.member(unit_id)
        day = require_date(on, term("day the table opened"))
        if member.withdrawn:
            raise RuleViolation.worded("{label} has withdrawn from '{name}'",
                                       label=member.label, name=self.name)
        self._table_opened(unit_id=unit_id, round_id=round_id, actor=actor, on=day)

    @event(TableOpened)
    def _table_opened(
        self, unit_id: UUID, round_id: UUID, actor: Actor, on: date | None
    ) -> None:
        self.rounds[unit_id] = round_id
        self.tables.setdefault(unit_id, []).append(round_id)

    @event(MeTooEntitlementRecorded)
    def _me_too_recorded(
        self, entitlement: MeTooEntitlement, actor: Actor, on: date | None
    ) -> None:
        self._me_too_arose(entitlement, on)
