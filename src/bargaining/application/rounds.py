"""Use cases on bargaining rounds, one per table: offers judged against the cluster's framework
on the matters the table bargains, tentative agreements, the sign-off gate, ratification by one
vote or by returns unit by unit, and me-too entitlements."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta
from uuid import UUID

from bargaining.application.clusters import current_tables, seated_at
from bargaining.application.ports import Records
from bargaining.application.time_travel import load_reading
from bargaining.application.units import load_unit
from bargaining.domain.coordination.cluster import BargainingCluster, PactRule
from bargaining.domain.coordination.me_too import me_too_owed, rounds_compared
from bargaining.domain.coordination.returns import Return, ReturnsResult, ReturnsRule
from bargaining.domain.coordination.round import BargainingRound
from bargaining.domain.coordination.settlement import RatifiedTable, settled_agreement
from bargaining.domain.coordination.tables import TableKind, table_title, unit_ids_of
from bargaining.domain.frameworks.baseline import BaselineJudgement, judge_against_agreement
from bargaining.domain.frameworks.evaluation import (
    Evaluation,
    Terms,
    evaluate,
)
from bargaining.domain.frameworks.framework import Category, DemandFramework, FrameworkVersion
from bargaining.domain.frameworks.inflation import Inflation
from bargaining.domain.shared.actor import Actor
from bargaining.domain.shared.errors import RecordNotFound, term
from bargaining.domain.shared.flags import Flag
from bargaining.domain.shared.vote import Vote
from bargaining.domain.units.unit import BargainingUnit


class Rounds:
    """Bargaining rounds: offers judged against the cluster's framework, tentative agreements,
    the sign-off gate, ratification and me-too."""

    def __init__(self, records: Records) -> None:
        self._records = records

    def _cluster(self, cluster_id: UUID) -> BargainingCluster:
        return self._records.load(cluster_id, BargainingCluster, term("bargaining cluster"))

    def open(
        self, unit: UUID, *, on: date, actor: Actor, cluster: UUID | None = None,
        reason: str | None = None,
    ) -> UUID:
        """Open a round on the day notice to bargain is served; inside a cluster if given.
        It is the unit's own (local) table, bargaining every matter."""
        found = load_unit(self._records, unit)
        bargaining_round = BargainingRound.open(
            unit_id=found.id, on=on, actor=actor, cluster_id=cluster, reason=reason,
        )
        return self._opened(bargaining_round, [found.id], cluster, actor, on)

    def open_table(
        self, *, units: Sequence[UUID], kind: TableKind | str, on: date, actor: Actor,
        matters: Sequence[Category | str] = (), cluster: UUID | None = None,
        returns_rule: ReturnsRule | str = ReturnsRule.ALL_BALLOTS, name: str | None = None,
        reason: str | None = None,
    ) -> UUID:
        """Open a table of many units (a central or master table, a sectoral one) on the day
        notice to bargain is served: its offers, proposals, tentative agreements, sign-offs
        and votes are recorded once for all of them. ``matters`` are the framework categories
        it bargains (every matter if none; the agreement's dates are set at the table that
        bargains the term); ``returns_rule`` combines its ratification returns (a
        :class:`ReturnsRule` or its words, as ``kind`` may be). Inside a cluster, every unit
        must be a member, and the cluster follows the table for each."""
        found = [load_unit(self._records, u) for u in unit_ids_of(units)]
        bargaining_round = BargainingRound.open(
            unit_ids=[u.id for u in found], kind=kind, matters=matters, on=on, actor=actor,
            cluster_id=cluster, returns_rule=returns_rule, name=name, reason=reason,
        )
        return self._opened(bargaining_round, [u.id for u in found], cluster, actor, on)

    def _opened(
        self, bargaining_round: BargainingRound, unit_ids: list[UUID], cluster: UUID | None,
        actor: Actor, on: date,
    ) -> UUID:
        if cluster is None:
            self._records.save(bargaining_round)
            return bargaining_round.id
        coordinating = self._cluster(cluster)
        for unit_id in unit_ids:
            coordinating.link_round(unit_id, bargaining_round.id, actor=actor, on=on)
        self._records.save(bargaining_round, coordinating)
        return bargaining_round.id

    def get(
        self, round_id: UUID, *, on: date | None = None, at: datetime | None = None,
        version: int | None = None,
    ) -> BargainingRound:
        """A bargaining round as recorded; or as it was on a real-world date (``on``), as it
        was known at a moment of recording (``at``, timezone-aware), or at a ``version``: one
        at most."""
        return load_reading(self._records, round_id, BargainingRound, term("bargaining round"),
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
                                   BargainingCluster, term("bargaining cluster"), on=on, at=at)
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
        framework = self._records.load(adopted.framework_id, DemandFramework,
                                       term("demand framework"))
        return framework.get_version(adopted.version)

    def _evaluate(
        self, bargaining_round: BargainingRound, terms: Terms, inflation: Inflation | None,
        starting: date | None = None,
    ) -> Evaluation | None:
        version = self._framework_version(bargaining_round)
        if version is None or bargaining_round.cluster_id is None:
            return None
        cluster = self._cluster(bargaining_round.cluster_id)
        assert cluster.framework is not None
        demands = [d for d in version.demands if bargaining_round.bargains(d.category)]
        # Clauses of the agreements in force that the framework has no demand on are judged
        # against those agreements (against_agreements), not by the framework.
        known = {d.key for d in version.demands}
        units = self._units(bargaining_round)
        clauses = {c.name for u in units
                   if u.current_agreement is not None for c in u.current_agreement.clauses}
        judged = Terms({k: v for k, v in terms.items.items()
                        if k in known or k not in clauses})
        if starting is None and inflation is not None:
            # Yearly increases carry no dates: they start when the agreement they would
            # replace expires (the first unit's), which the inflation series is read from.
            current = units[0].current_agreement if units else None
            starting = current.expiry + timedelta(days=1) if current is not None else None
            if starting is not None and not inflation.start <= starting:
                starting = None
        return evaluate(cluster.framework.name, version.number, demands, judged,
                        inflation=inflation, starting=starting)

    def against_agreements(
        self, round_id: UUID, *, inflation: Inflation | None = None, on: date | None = None,
        at: datetime | None = None,
    ) -> dict[UUID, BaselineJudgement]:
        """The table's tentative agreement (or, before one, its latest offer) judged against
        the agreement each covered unit worked under on that day: a clause or term it weakens
        or drops is a concession, whatever the framework says (``{}`` before any offer). As
        recorded, or read one way, the table and the units alike: as they stood on a
        real-world day (``on``) or as known at a moment of recording (``at``)."""
        bargaining_round = self.get(round_id, on=on, at=at)
        ta = bargaining_round.tentative
        latest = bargaining_round.offers[-1] if bargaining_round.offers else None
        if ta is not None:
            terms, day = ta.terms, ta.reached_on
        elif latest is not None:
            terms, day = latest.terms, latest.received_on
        else:
            return {}
        version = self._framework_version(bargaining_round)
        demands = version.demands if version is not None else ()
        units = [load_reading(self._records, u, BargainingUnit, term("bargaining unit"), on=on,
                              at=at) for u in bargaining_round.unit_ids]
        return {unit.id: judge_against_agreement(terms, unit.agreement_on(day),
                                                 demands=demands, inflation=inflation)
                for unit in units}

    def record_offer(
        self, round_id: UUID, terms: Terms, *, on: date, actor: Actor,
        inflation: Inflation | None = None,
    ) -> Evaluation | None:
        """Record an employer offer; inside a cluster with a framework, its evaluation is
        recorded with it (and returned). ``inflation`` is the series (projected or actual) the
        evaluation judges real wages and indexed raises against; terms that need one (an
        indexed raise, a cost-of-living adjustment, a floor on the real wage) are refused
        without it."""
        bargaining_round = self.get(round_id)
        evaluation = self._evaluate(bargaining_round, terms, inflation)
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
        self, round_id: UUID, terms: Terms, *, on: date, effective: date | None = None,
        expiry: date | None = None, actor: Actor, reason: str | None = None,
        inflation: Inflation | None = None,
    ) -> Evaluation | None:
        """Record a tentative agreement once for the table, evaluated against the cluster's
        framework on the matters the table bargains. One whose dates overlap an agreement a
        unit at the table has (the one in force or an earlier one) is refused now, naming the
        unit and that agreement: ratified, it could not become the unit's. The dates are
        required at a table that bargains the term and refused at one that does not.
        ``inflation`` is the series the evaluation judges against, as for offers."""
        bargaining_round = self.get(round_id)
        units = self._units(bargaining_round)
        evaluation = self._evaluate(bargaining_round, terms, inflation, effective)
        bargaining_round.reach_tentative_agreement(
            terms, on=on, effective=effective, expiry=expiry,
            evaluation=evaluation, actor=actor, reason=reason,
            covered=[(u.label, u.agreements) for u in units],
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
        cluster = self._cluster_of(bargaining_round)
        ratified = bargaining_round.record_ratification_vote(
            vote, sign_off_required=cluster is not None and cluster.has_rule(PactRule.SIGN_OFF),
            sign_offs=cluster.sign_offs if cluster is not None else (), actor=actor,
            reason=reason,
        )
        self._save_settled(bargaining_round, cluster, ratified, vote.held_on, actor, reason)
        return ratified

    def record_return(
        self, round_id: UUID, unit: UUID, vote: Vote, *, actor: Actor,
        place: str | None = None, reason: str | None = None,
    ) -> ReturnsResult:
        """A ratification return as it comes in: the members' vote of one unit at the table
        (or of one of its locals or assemblies, named by ``place``), held on its own day
        (``vote.held_on``). Always recorded; returns the result so far, combined by the
        table's rule. Refused, because it cannot be: no tentative agreement, its count closed,
        a unit not at the table, another body's vote, another rule than the returns before."""
        bargaining_round = self.get(round_id)
        result = bargaining_round.record_return(Return(unit, vote, place), actor=actor,
                                                reason=reason)
        self._records.save(bargaining_round)
        return self._labelled(bargaining_round, result)

    def returns(
        self, round_id: UUID, *, on: date | None = None, at: datetime | None = None
    ) -> ReturnsResult:
        """The table's returns on its current tentative agreement, combined by its rule: as
        recorded, as they stood on a day (``on``: the returns held by then) or as known at a
        moment (``at``). Each unit's figures, all ballots together, the units that voted no
        and those that have not returned, named by their labels in ``explain()``."""
        bargaining_round = self.get(round_id, on=on, at=at)
        return self._labelled(bargaining_round, bargaining_round.returns_result())

    def _labelled(self, bargaining_round: BargainingRound, result: ReturnsResult
                  ) -> ReturnsResult:
        return result.labelled({u.id: u.label for u in self._units(bargaining_round)})

    def count_returns(
        self, round_id: UUID, *, on: date, actor: Actor, reason: str | None = None
    ) -> ReturnsResult:
        """Close the count on the day ``on``: the returns combine by the table's rule and, if
        they carry, the tentative agreement is ratified and becomes every covered unit's
        collective agreement, with the table in one transaction (the Expiry Map moves for all
        of them). The count may close with units missing: under a majority of units they have
        not carried, and the result and the history name them. Under a pact with sign-off, a
        below-floor tentative agreement whose first return was held before the committee
        approved it is flagged, as a single vote is."""
        bargaining_round = self.get(round_id)
        cluster = self._cluster_of(bargaining_round)
        result = bargaining_round.count_returns(
            on=on, sign_off_required=cluster is not None and cluster.has_rule(PactRule.SIGN_OFF),
            sign_offs=cluster.sign_offs if cluster is not None else (), actor=actor,
            reason=reason)
        self._save_settled(bargaining_round, cluster, result.carried, on, actor, reason)
        return self._labelled(bargaining_round, result)

    def _cluster_of(self, bargaining_round: BargainingRound) -> BargainingCluster | None:
        if bargaining_round.cluster_id is None:
            return None
        return self._cluster(bargaining_round.cluster_id)

    def _units(self, bargaining_round: BargainingRound) -> list[BargainingUnit]:
        return [load_unit(self._records, u) for u in bargaining_round.unit_ids]

    def _save_settled(
        self, bargaining_round: BargainingRound, cluster: BargainingCluster | None,
        ratified: bool, on: date, actor: Actor, reason: str | None,
    ) -> None:
        """Save the table; ratified, what it settled reaches every covered unit's collective
        agreement (:func:`settled_agreement`), and me-too is recorded, all at once. At the
        table that bargains the term, the unit's new agreement is recorded with what every
        table it sits at has ratified so far; a table that ratifies after it corrects that
        agreement (a correction event naming the table)."""
        if not ratified:
            self._records.save(bargaining_round)
            return
        units = self._units(bargaining_round)
        version = self._framework_version(bargaining_round)
        demands = version.demands if version is not None else ()
        for unit in units:
            tables = [_ratified_table(t) for t in self._seats(unit.id, bargaining_round, cluster)
                      if t.ratified and t.tentative is not None]
            agreement = settled_agreement(tables, unit.agreements, demands=demands)
            if agreement is None:
                continue
            if bargaining_round.bargains_term or not unit.has_agreement_expiring(
                    agreement.expiry):
                unit.record_agreement(agreement, actor=actor, reason=reason)
            else:
                title = table_title(bargaining_round.kind, bargaining_round.name)
                unit.correct_agreement(
                    agreement.expiry, agreement, actor=actor,
                    reason=f"{title} ratified on {on}: what it settled joins the agreement")
        changed: list[object] = [bargaining_round, *units]
        if cluster is not None and cluster.has_rule(PactRule.ME_TOO):
            self._record_me_too(cluster, bargaining_round, units[0].label, actor, on)
            changed.append(cluster)
        self._records.save(*changed)

    def _seats(
        self, unit_id: UUID, bargaining_round: BargainingRound,
        cluster: BargainingCluster | None,
    ) -> list[BargainingRound]:
        """The tables a unit bargains at now, in the order they opened, this one as it is in
        hand (its ratification not yet saved); outside a cluster, this table alone."""
        if cluster is None:
            return [bargaining_round]
        seated = [bargaining_round if round_id == bargaining_round.id else self.get(round_id)
                  for round_id in seated_at(cluster, unit_id)]
        return current_tables(seated)

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
                         for uid in (*later.unit_ids,
                                     *(u for r in earlier.values() for u in r.unit_ids))}
        for entitlement in me_too_owed(cluster, later, later_label, version, earlier,
                                       employers=employers):
            cluster.record_me_too(entitlement, actor=actor, on=on)


def _ratified_table(table: BargainingRound) -> RatifiedTable:
    ta, vote = table.tentative, table.ratification
    assert ta is not None and vote is not None
    return RatifiedTable(table.id, ta.terms, ta.effective, ta.expiry, vote.held_on)
