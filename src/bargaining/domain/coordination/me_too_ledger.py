"""The life of a me-too claim, kept by the cluster: owed, claimed, settled or waived.

A unit has at most one me-too entitlement per demand. It arises *owed* when a later, better
settlement is ratified (``BargainingCluster.MeTooEntitlementRecorded``, as released); a still
better settlement while it is open *raises* it (:class:`MeTooLedger.MeTooEntitlementRaised`:
the same claim now follows the better settlement); the unit *claims* it from the employer
(:class:`MeTooLedger.MeTooClaimed`); it is *settled* once, when the employer pays or matches
the term (:class:`MeTooLedger.MeTooSettled`), or *waived* by the unit, with a reason
(:class:`MeTooLedger.MeTooWaived`). A settled or waived claim is closed for good.

:class:`MeTooLedger` is the cluster's base: it declares these events and commands so that
``cluster.py`` stays readable; it is never used alone.
"""

from __future__ import annotations

import enum
from datetime import date
from typing import TYPE_CHECKING, Any
from uuid import UUID

import attrs
from eventsourcing.domain import Aggregate, event

from bargaining.domain.coordination.pact import Member, MeTooEntitlement
from bargaining.domain.shared.actor import Actor, clean_reason, require_actor
from bargaining.domain.shared.dates import require_date
from bargaining.domain.shared.errors import InvalidInput, RuleViolation, term
from bargaining.domain.shared.language import format_day, gettext, mark, translate


class MeTooStatus(enum.Enum):
    """Where a me-too claim stands."""

    OWED = "owed"
    CLAIMED = "claimed"
    SETTLED = "settled"
    WAIVED = "waived"


#: A claim's state and the day it came to it, in words (see :meth:`MeTooClaim.explain`).
_SINCE = {MeTooStatus.OWED: mark("owed since {day}"),
          MeTooStatus.CLAIMED: mark("claimed since {day}"),
          MeTooStatus.SETTLED: mark("settled since {day}"),
          MeTooStatus.WAIVED: mark("waived since {day}")}


@attrs.frozen
class MeTooClaim:
    """One unit's me-too on one demand, with its life: the entitlement as it stands (the
    settlement it follows, and why), its status and the days it moved. ``owed_on`` is ``None``
    for a claim recorded before the day was (release 0.1)."""

    entitlement: MeTooEntitlement
    status: MeTooStatus
    owed_on: date | None
    claimed_on: date | None = None
    closed_on: date | None = None  # the day it was settled or waived
    reason: str | None = None  # why it was claimed, settled or waived, last said

    @property
    def closed(self) -> bool:
        """Settled or waived: no later settlement changes it."""
        return self.status in (MeTooStatus.SETTLED, MeTooStatus.WAIVED)

    @property
    def last_day(self) -> date | None:
        """The last real-world day the claim moved on."""
        return self.closed_on or self.claimed_on or self.owed_on

    def explain(self) -> str:
        """'owed since 2026-05-01: Sudbury is owed Ottawa's better wages: …'."""
        day = {MeTooStatus.OWED: self.owed_on, MeTooStatus.CLAIMED: self.claimed_on}.get(
            self.status, self.closed_on)
        state = (translate(_SINCE[self.status], day=format_day(day)) if day
                 else gettext(self.status.value))
        why = f" ({self.reason})" if self.reason and self.closed else ""
        return translate("{state}{why}: {explanation}", state=state, why=why,
                         explanation=self.entitlement.reads)


class MeTooLedger(Aggregate):
    """The me-too claims of a cluster (the base of ``BargainingCluster``)."""

    #: The kind of record its events belong to (history and audit read them as the cluster's).
    record_kind = "BargainingCluster"

    if TYPE_CHECKING:  # set by the cluster's creation event
        name: str
        members: dict[UUID, Member]
        me_too_demands: list[str]
        me_too_claims: list[MeTooClaim]

        def member(self, unit_id: UUID) -> Member: ...
        def _day(self, on: object, what: str) -> date: ...
        def _me_too_recorded(self, entitlement: MeTooEntitlement, actor: Actor,
                             on: date | None) -> None: ...

    class MeTooEntitlementRaised(Aggregate.Event):
        """A later settlement better per year than the one an open claim followed: the same
        claim now follows it."""

        entitlement: MeTooEntitlement
        actor: Actor
        on: date

    class MeTooClaimed(Aggregate.Event):
        """The unit claimed what it is owed from its employer."""

        unit_id: UUID
        demand: str
        actor: Actor
        on: date
        reason: str | None

    class MeTooSettled(Aggregate.Event):
        """The claim was settled: the employer paid or matched the better term."""

        unit_id: UUID
        demand: str
        actor: Actor
        on: date
        reason: str | None

    class MeTooWaived(Aggregate.Event):
        """The unit gave up the claim, and why."""

        unit_id: UUID
        demand: str
        actor: Actor
        on: date
        reason: str | None

    # ----------------------------------------------------------------- queries

    @property
    def entitlements(self) -> list[MeTooEntitlement]:
        """Every unit's me-too entitlement, one per unit and demand, as it stands."""
        return [c.entitlement for c in self.me_too_claims]

    def me_too_claim(self, unit_id: UUID, demand: str) -> MeTooClaim | None:
        """A unit's me-too claim on a demand, if it has one."""
        return next((c for c in self.me_too_claims
                     if c.entitlement.unit_id == unit_id and c.entitlement.demand == demand),
                    None)

    def _open_claim(self, unit_id: UUID, demand: str, day: object, what: str) -> tuple[
            MeTooClaim, date]:
        claim = self.me_too_claim(unit_id, demand)
        member = self.members.get(unit_id)
        label = member.label if member else str(unit_id)
        if claim is None:
            raise RuleViolation.worded("{label} is owed no me-too on '{demand}' in '{name}'",
                                       label=label, demand=demand, name=self.name)
        when = require_date(day, what)
        if claim.last_day is not None and when < claim.last_day:
            raise InvalidInput.worded("the {what} ({when}) is before the claim's last step "
                                      "({last_day})",
                                      what=what, when=when, last_day=claim.last_day)
        if claim.status is MeTooStatus.SETTLED:
            raise RuleViolation.worded("{label}'s me-too on '{demand}' was settled on "
                                       "{closed_on}: a claim is settled once",
                                       label=label, demand=demand, closed_on=claim.closed_on)
        if claim.status is MeTooStatus.WAIVED:
            raise RuleViolation.worded("{label} waived its me-too on '{demand}' on {closed_on}",
                                       label=label, demand=demand, closed_on=claim.closed_on)
        return claim, when

    # --------------------------------------------------------------- commands

    def record_me_too(
        self, entitlement: MeTooEntitlement, *, actor: Actor, on: date
    ) -> None:
        """A unit that settled earlier is owed, from ``on`` (the day the later, better
        settlement was ratified), a better term won later in the cluster: a new claim, or,
        where the unit has an open claim on that demand, the same claim raised to follow
        the later settlement (one claim per unit and demand)."""
        actor = require_actor(actor)
        self.member(entitlement.unit_id)
        self.member(entitlement.from_unit_id)
        day = self._day(on, term("day the me-too entitlement arose"))
        if entitlement.demand not in self.me_too_demands:
            raise RuleViolation.worded("the pact's me-too does not cover '{demand}'",
                                       demand=entitlement.demand)
        if self.me_too_claim(entitlement.unit_id, entitlement.demand) is not None:
            self._raise_me_too(entitlement, actor, day)
            return
        self._me_too_recorded(entitlement=entitlement, actor=actor, on=day)

    def claim_me_too(
        self, unit_id: UUID, demand: str, *, actor: Actor, on: date, reason: str | None = None
    ) -> None:
        """The unit claimed, on ``on``, what it is owed from its employer."""
        actor = require_actor(actor)
        claim, day = self._open_claim(unit_id, demand, on, term("day the me-too was claimed"))
        if claim.status is MeTooStatus.CLAIMED:
            raise RuleViolation.worded("that me-too was already claimed on {claimed_on}",
                                       claimed_on=claim.claimed_on)
        self._me_too_claimed(unit_id=unit_id, demand=demand, actor=actor, on=day,
                             reason=clean_reason(reason))

    def settle_me_too(
        self, unit_id: UUID, demand: str, *, actor: Actor, on: date, reason: str | None = None
    ) -> None:
        """The claim was settled on ``on`` (the employer paid or matched the term); once."""
        actor = require_actor(actor)
        _, day = self._open_claim(unit_id, demand, on, term("day the me-too was settled"))
        self._me_too_settled(unit_id=unit_id, demand=demand, actor=actor, on=day,
                             reason=clean_reason(reason))

    def waive_me_too(
        self, unit_id: UUID, demand: str, *, actor: Actor, on: date, reason: str
    ) -> None:
        """The unit gave up its claim on ``on``; a waiver says why."""
        actor = require_actor(actor)
        why = clean_reason(reason)
        if why is None:
            raise InvalidInput.worded("waiving a me-too claim needs a reason")
        _, day = self._open_claim(unit_id, demand, on, term("day the me-too was waived"))
        self._me_too_waived(unit_id=unit_id, demand=demand, actor=actor, on=day, reason=why)

    def _raise_me_too(self, entitlement: MeTooEntitlement, actor: Actor, day: date) -> None:
        """An open claim follows a later, better settlement from ``day``."""
        claim, when = self._open_claim(entitlement.unit_id, entitlement.demand, day,
                                       term("day the me-too entitlement arose"))
        if claim.entitlement == entitlement:
            raise RuleViolation.worded("that me-too entitlement is already recorded")
        self._me_too_raised(entitlement=entitlement, actor=actor, on=when)

    # ------------------------------------------------------------------ applying

    def _me_too_arose(self, entitlement: MeTooEntitlement, on: date | None) -> None:
        """Apply an entitlement recorded as owed. Histories from before one claim per unit
        and demand may hold several: the latest is the one the claim follows."""
        claim = self.me_too_claim(entitlement.unit_id, entitlement.demand)
        if claim is None:
            self.me_too_claims.append(MeTooClaim(entitlement, MeTooStatus.OWED, on))
        else:
            self._replace(claim, attrs.evolve(claim, entitlement=entitlement))

    def _replace(self, claim: MeTooClaim, new: MeTooClaim) -> None:
        self.me_too_claims[self.me_too_claims.index(claim)] = new

    def _moved(self, unit_id: UUID, demand: str, **changes: Any) -> None:
        claim = self.me_too_claim(unit_id, demand)
        if claim is not None:
            self._replace(claim, attrs.evolve(claim, **changes))

    @event(MeTooEntitlementRaised)
    def _me_too_raised(self, entitlement: MeTooEntitlement, actor: Actor, on: date) -> None:
        self._me_too_arose(entitlement, on)

    @event(MeTooClaimed)
    def _me_too_claimed(
        self, unit_id: UUID, demand: str, actor: Actor, on: date, reason: str | None
    ) -> None:
        self._moved(unit_id, demand, status=MeTooStatus.CLAIMED, claimed_on=on, reason=reason)

    @event(MeTooSettled)
    def _me_too_settled(
        self, unit_id: UUID, demand: str, actor: Actor, on: date, reason: str | None
    ) -> None:
        self._moved(unit_id, demand, status=MeTooStatus.SETTLED, closed_on=on, reason=reason)

    @event(MeTooWaived)
    def _me_too_waived(
        self, unit_id: UUID, demand: str, actor: Actor, on: date, reason: str | None
    ) -> None:
        self._moved(unit_id, demand, status=MeTooStatus.WAIVED, closed_on=on, reason=reason)
