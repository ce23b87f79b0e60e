"""Use cases on bargaining rounds: offers judged against the cluster's framework, tentative
agreements, the sign-off gate, ratification, and me-too entitlements."""

from __future__ import annotations

from datetime import date, datetime
from uuid import UUID

from bargaining.application.ports import Records
from bargaining.application.time_travel import load_reading
from bargaining.application.units import load_unit
from bargaining.domain.coordination.cluster import BargainingCluster, PactRule
from bargaining.domain.coordination.me_too import me_too_owed, rounds_compared
from bargaining.domain.coordination.round import BargainingRound
from bargaining.domain.frameworks.evaluation import (
    Evaluation,
    Terms,
    evaluate,
)
from bargaining.domain.frameworks.framework import DemandFramework, FrameworkVersion
from bargaining.domain.shared.actor import Actor
from bargaining.domain.shared.errors import RecordNotFound
from bargaining.domain.shared.flags import Flag
from bargaining.domain.shared.vote import Vote
from bargaining.domain.units.agreement import CollectiveAgreement


class Rounds:
    """Bargaining rounds: offers judged against the cluster's framework, tentative agreements,
    the sign-off gate, ratification and me-too."""

    def __init__(self, records: Records) -> None:
        self._records = records

    def _cluster(self, cluster_id: UUID) -> BargainingCluster:
        return self._records.load(cluster_id, BargainingCluster, "bargaining cluster")

    def open(
        self, unit: UUID, *, on: date, actor: Actor, cluster: UUID | None = None,
        reason: str | None = None,
    ) -> UUID:
        """Open a round on the day notice to bargain is served; inside a cluster if given."""
        found = load_unit(self._records, unit)
        bargaining_round = BargainingRound.open(
            unit_id=found.id, on=on, actor=actor, cluster_id=cluster, reason=reason,
        )
        if cluster is None:
            self._records.save(bargaining_round)
            return bargaining_round.id
        coordinating = self._cluster(cluster)
        coordinating.link_round(found.id, bargaining_round.id, actor=actor, on=on)
        self._records.save(bargaining_round, coordinating)
        return bargaining_round.id

    def get(
        self, round_id: UUID, *, on: date | None = None, at: datetime | None = None,
        version: int | None = None,
    ) -> BargainingRound:
        """A bargaining round as recorded; or as it was on a real-world date (``on``), as it
        was known at a moment of recording (``at``, timezone-aware), or at a ``version``: one
        at most."""
        return load_reading(self._records, round_id, BargainingRound, "bargaining round",
                            on=on, at=at, version=version)

    def flags(
        self, round_id: UUID, *, on: date | None = None, at: datetime | None = None
    ) -> tuple[Flag, ...]:
        """The flags the round's members' votes carry, derived now from the cluster's pact and
        the committee's sign-off decisions as this reading knows them: as recorded, as they
        stood on a real-world day (``on``) or as known at a moment (``at``). A decision counts
        from the day its vote was held, so an approval back-filled later clears the flag of a
        vote held after it; one voted after the members' vote never does. The flags recorded
        with each vote stay on the round as ``recorded_flags``."""
        bargaining_round = self.get(round_id, on=on, at=at)
        if bargaining_round.cluster_id is None:
            return ()
        try:
            cluster = load_reading(self._records, bargaining_round.cluster_id,
                                   BargainingCluster, "bargaining cluster", on=on, at=at)
        except RecordNotFound:  # read on a day before the cluster was formed: no pact yet
            return ()
        return bargaining_round.sign_off_flags(
            cluster.sign_offs, sign_off_required=cluster.has_rule(PactRule.SIGN_OFF))

    def _framework_version(self, bargaining_round: BargainingRound) -> FrameworkVersion | None:
        if bargaining_round.cluster_id is None:
            return None
        cluster = self._cluster(bargaining_round.cluster_id)
        adopted = cluster.framework
        if adopted is None:
            return None
        framework = self._records.load(adopted.framework_id, DemandFramework, "demand framework")
        return framework.get_version(adopted.version)

    def _evaluate(self, bargaining_round: BargainingRound, terms: Terms) -> Evaluation | None:
        version = self._framework_version(bargaining_round)
        if version is None or bargaining_round.cluster_id is None:
            return None
        cluster = self._cluster(bargaining_round.cluster_id)
        assert cluster.framework is not None
        return evaluate(cluster.framework.name, version.number, version.demands, terms)

    def record_offer(
        self, round_id: UUID, terms: Terms, *, on: date, actor: Actor
    ) -> Evaluation | None:
        """Record an employer offer; inside a cluster with a framework, its evaluation is
        recorded with it (and returned)."""
        bargaining_round = self.get(round_id)
        evaluation = self._evaluate(bargaining_round, terms)
        bargaining_round.record_offer(terms, on=on, evaluation=evaluation,
                                      actor=actor)
        self._records.save(bargaining_round)
        return evaluation

    def table_proposal(
        self, round_id: UUID, terms: Terms, *, on: date, actor: Actor
    ) -> None:
        bargaining_round = self.get(round_id)
        bargaining_round.table_proposal(terms, on=on, actor=actor)
        self._records.save(bargaining_round)

    def reach_tentative_agreement(
        self, round_id: UUID, terms: Terms, *, on: date, effective: date, expiry: date,
        actor: Actor, reason: str | None = None,
    ) -> Evaluation | None:
        """Record a tentative agreement, evaluated against the cluster's framework. One whose
        dates overlap an agreement the unit has (the one in force or an earlier one) is
        refused now, naming that agreement: ratified, it could not become the unit's."""
        bargaining_round = self.get(round_id)
        unit = load_unit(self._records, bargaining_round.unit_id)
        evaluation = self._evaluate(bargaining_round, terms)
        bargaining_round.reach_tentative_agreement(
            terms, on=on, effective=effective, expiry=expiry,
            evaluation=evaluation, actor=actor, reason=reason,
            agreements=unit.agreements, unit_label=unit.label,
        )
        self._records.save(bargaining_round)
        return evaluation

    def record_ratification_vote(
        self, round_id: UUID, vote: Vote, *, actor: Actor, reason: str | None = None
    ) -> bool:
        """A vote on the tentative agreement, always recorded; returns whether it ratified.

        Put to the members without the committee's sign-off that the pact requires (the
        tentative agreement is below a floor, and no approval of it was voted on or before the
        members' vote), it is recorded with a ``FlagRule.RATIFIED_WITHOUT_SIGN_OFF`` flag: the
        event keeps it as seen now (the round's ``recorded_flags``, the history); readings
        (:meth:`flags`, the cluster's status) derive it again from the decisions they know. A
        vote by another body ratifies nothing. A ratified agreement becomes
        the unit's new collective agreement (so the Expiry Map moves), and under me-too, units
        that settled earlier for less are recorded as entitled. All in one transaction."""
        bargaining_round = self.get(round_id)
        cluster = None
        if bargaining_round.cluster_id is not None:
            cluster = self._cluster(bargaining_round.cluster_id)
        ratified = bargaining_round.record_ratification_vote(
            vote, sign_off_required=cluster is not None and cluster.has_rule(PactRule.SIGN_OFF),
            sign_offs=cluster.sign_offs if cluster is not None else (), actor=actor,
            reason=reason,
        )
        if not ratified:
            self._records.save(bargaining_round)
            return False
        ta = bargaining_round.tentative
        assert ta is not None
        unit = load_unit(self._records, bargaining_round.unit_id)
        unit.record_agreement(
            CollectiveAgreement(expiry=ta.expiry, effective=ta.effective, settled=vote.held_on,
                                source=f"ratified in bargaining round {bargaining_round.id}"),
            actor=actor, reason=reason,
        )
        changed: list[object] = [bargaining_round, unit]
        if cluster is not None and cluster.has_rule(PactRule.ME_TOO):
            self._record_me_too(cluster, bargaining_round, unit.label, actor, vote.held_on)
            changed.append(cluster)
        self._records.save(*changed)
        return True

    def _record_me_too(
        self, cluster: BargainingCluster, later: BargainingRound, later_label: str, actor: Actor,
        on: date,
    ) -> None:
        version = self._framework_version(later)
        if version is None or later.tentative is None:
            return
        earlier = {round_id: self.get(round_id)
                   for round_id in rounds_compared(cluster, later)}
        employers = None
        if cluster.has_rule(PactRule.ME_TOO_SAME_EMPLOYER):
            employers = {uid: load_unit(self._records, uid).employer
                         for uid in (later.unit_id, *(r.unit_id for r in earlier.values()))}
        for entitlement in me_too_owed(cluster, later, later_label, version, earlier,
                                       employers=employers):
            cluster.record_me_too(entitlement, actor=actor, on=on)
