"""Me-too: a later, better settlement flows back to the units of a cluster that settled earlier.

When a member's tentative agreement is ratified under a pact with me-too, every other member
that has not withdrawn and whose own round was ratified earlier is owed the later term on each
me-too demand where the later term scores better for workers (:func:`score`). A demand that
either agreement does not cover is not compared, and an entitlement already recorded is not
owed again. Deciding this needs the rounds but no store: the application loads the rounds that
:func:`rounds_compared` names, asks :func:`me_too_owed`, and records what it returns.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from uuid import UUID

from bargaining.domain.coordination.cluster import BargainingCluster, MeTooEntitlement
from bargaining.domain.coordination.round import BargainingRound
from bargaining.domain.frameworks.evaluation import describe_term, score
from bargaining.domain.frameworks.framework import FrameworkVersion
from bargaining.domain.shared.errors import InvalidInput


def rounds_compared(cluster: BargainingCluster, later: BargainingRound) -> list[UUID]:
    """The rounds a later settlement is compared with: the round of every member of the
    cluster but the later one's, leaving out members that withdrew (a unit that left the
    pact is owed nothing under it)."""
    return [round_id for _, round_id in _compared(cluster, later)]


def me_too_owed(
    cluster: BargainingCluster,
    later: BargainingRound,
    later_label: str,
    version: FrameworkVersion,
    earlier: Mapping[UUID, BargainingRound],
) -> list[MeTooEntitlement]:
    """The me-too entitlements that the ratified ``later`` round creates, in the cluster's
    order of tables and then of its me-too demands, each with its explanation.

    ``later_label`` names the later unit in the explanations; ``version`` is the framework
    version whose demands measure the terms; ``earlier`` holds, by round id, every round that
    :func:`rounds_compared` names (a round ratified or not: one not ratified is owed nothing).
    """
    if later.tentative is None:
        return []
    later_terms = later.tentative.terms.items
    owed: list[MeTooEntitlement] = []
    for unit_id, round_id in _compared(cluster, later):
        found = earlier.get(round_id)
        if found is None:
            raise InvalidInput(f"the round {round_id} of {cluster.members[unit_id].label} is "
                               "needed to compare settlements under me-too, and was not given")
        if not found.ratified or found.tentative is None:
            continue
        for key in cluster.me_too_demands:
            mine, theirs = found.tentative.terms.items.get(key), later_terms.get(key)
            if mine is None or theirs is None:
                continue
            demand = version.demand(key)
            if score(demand.measure, theirs) <= score(demand.measure, mine):
                continue
            if any(e.unit_id == unit_id and e.demand == key and e.from_unit_id == later.unit_id
                   for e in (*cluster.entitlements, *owed)):
                continue
            explanation = (
                f"{cluster.members[unit_id].label} is owed {later_label}'s better "
                f"{key}: {describe_term(demand, theirs)} against "
                f"{describe_term(demand, mine)}"
            )
            owed.append(MeTooEntitlement(unit_id, key, later.unit_id, explanation))
    return owed


def _compared(cluster: BargainingCluster, later: BargainingRound) -> Iterator[tuple[UUID, UUID]]:
    """(unit id, round id) of each round compared with the later one, in the cluster's order."""
    for unit_id, round_id in cluster.rounds.items():
        if round_id != later.id and not cluster.members[unit_id].withdrawn:
            yield unit_id, round_id
