"""Reading a cluster's alignment (each member's current expiry against the target date, the
expiry of a tentative agreement it has reached, and the planner's proposal), and the commands
on a me-too claim's life; both are part of :class:`~bargaining.application.clusters.Clusters`."""

from __future__ import annotations

from abc import ABC, abstractmethod
from datetime import date, datetime
from uuid import UUID

from bargaining.application.ports import Records
from bargaining.application.time_travel import load_reading
from bargaining.domain.coordination.alignment import MemberAlignment, align_member
from bargaining.domain.coordination.cluster import BargainingCluster, Member
from bargaining.domain.coordination.round import BargainingRound
from bargaining.domain.shared.actor import Actor
from bargaining.domain.shared.errors import RecordNotFound, term
from bargaining.domain.units.unit import BargainingUnit


class MeTooAndAlignment(ABC):
    """The clusters' alignment query and me-too commands (a base of ``Clusters``, which
    reads its clusters through :meth:`get`)."""

    _records: Records

    @abstractmethod
    def get(self, cluster_id: UUID, *, on: date | None = None, at: datetime | None = None,
            version: int | None = None) -> BargainingCluster:
        """A cluster as recorded, or read on a day, at a moment or at a version."""

    def alignment(
        self, cluster_id: UUID, *, on: date | None = None, at: datetime | None = None
    ) -> tuple[MemberAlignment, ...]:
        """Each member's current expiry against the cluster's target date, whether a
        tentative agreement it reached lands on it, and the term (or bridge agreement) that
        would bring it there; as recorded, as it was ``on`` a day, or as known ``at`` a
        moment."""
        cluster = self.get(cluster_id, at=at, on=on)
        return alignment_of(self._records, cluster, at=at, on=on)

    def claim_me_too(
        self, cluster_id: UUID, unit_id: UUID, demand: str, *, actor: Actor, on: date,
        reason: str | None = None,
    ) -> None:
        """The unit claimed, on ``on``, the me-too it is owed on a demand."""
        cluster = self.get(cluster_id)
        cluster.claim_me_too(unit_id, demand, actor=actor, on=on, reason=reason)
        self._records.save(cluster)

    def settle_me_too(
        self, cluster_id: UUID, unit_id: UUID, demand: str, *, actor: Actor, on: date,
        reason: str | None = None,
    ) -> None:
        """The unit's me-too claim on a demand was settled on ``on``: once."""
        cluster = self.get(cluster_id)
        cluster.settle_me_too(unit_id, demand, actor=actor, on=on, reason=reason)
        self._records.save(cluster)

    def waive_me_too(
        self, cluster_id: UUID, unit_id: UUID, demand: str, *, actor: Actor, on: date,
        reason: str,
    ) -> None:
        """The unit gave up its me-too claim on a demand on ``on``, and why."""
        cluster = self.get(cluster_id)
        cluster.waive_me_too(unit_id, demand, actor=actor, on=on, reason=reason)
        self._records.save(cluster)


def alignment_of(
    records: Records, cluster: BargainingCluster, *, at: datetime | None = None,
    on: date | None = None,
) -> tuple[MemberAlignment, ...]:
    """Each member's alignment, in the cluster's order, read as recorded, as known at ``at``
    or as it was ``on``: its latest agreement's expiry (recorded by then), a tentative
    agreement not yet ratified, and what would bring it onto the target."""
    return tuple(_member(records, cluster, member, at, on)
                 for member in cluster.members.values())


def _member(records: Records, cluster: BargainingCluster, member: Member, at: datetime | None,
            on: date | None) -> MemberAlignment:
    expiry = member.expiry
    try:
        unit = load_reading(records, member.unit_id, BargainingUnit, term("bargaining unit"),
                            at=at, on=on)
    except RecordNotFound:
        unit = None
    if unit is not None and unit.current_agreement is not None:
        expiry = unit.current_agreement.expiry
    tentative = None
    for round_id in _tables(cluster, member):  # the one that bargains the term sets the dates
        try:
            table = load_reading(records, round_id, BargainingRound, term("bargaining round"),
                                 at=at, on=on)
        except RecordNotFound:
            continue
        if table.tentative is not None and not table.ratified and table.tentative.expiry:
            tentative = table.tentative.expiry
    return align_member(member.unit_id, member.label, expiry, cluster.target_alignment,
                        tentative_expiry=tentative, withdrawn=member.withdrawn)


def _tables(cluster: BargainingCluster, member: Member) -> list[UUID]:
    """The tables a member sits at (its round, for clusters recorded before tables)."""
    found = list(cluster.tables.get(member.unit_id, []))
    latest = cluster.rounds.get(member.unit_id)
    return found or ([latest] if latest is not None else [])
