"""Reading a cluster's alignment: each member's current expiry against the target date, the
expiry of a tentative agreement it has reached, and the planner's proposal."""

from __future__ import annotations

from datetime import date, datetime

from bargaining.application.ports import Records
from bargaining.application.time_travel import load_reading
from bargaining.domain.coordination.alignment import MemberAlignment, align_member
from bargaining.domain.coordination.cluster import BargainingCluster, Member
from bargaining.domain.coordination.round import BargainingRound
from bargaining.domain.shared.errors import RecordNotFound
from bargaining.domain.units.unit import BargainingUnit


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
        unit = load_reading(records, member.unit_id, BargainingUnit, "bargaining unit",
                            at=at, on=on)
    except RecordNotFound:
        unit = None
    if unit is not None and unit.current_agreement is not None:
        expiry = unit.current_agreement.expiry
    tentative = None
    round_id = cluster.rounds.get(member.unit_id)
    if round_id is not None:
        try:
            table = load_reading(records, round_id, BargainingRound, "bargaining round",
                                 at=at, on=on)
        except RecordNotFound:
            table = None
        if table is not None and table.tentative is not None and not table.ratified:
            tentative = table.tentative.expiry
    return align_member(member.unit_id, member.label, expiry, cluster.target_alignment,
                        tentative_expiry=tentative, withdrawn=member.withdrawn)
