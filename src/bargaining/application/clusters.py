"""Commands and queries on bargaining clusters: members, framework, pact, sign-offs, status."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from uuid import UUID

import attrs

from bargaining.application.alignment import MeTooAndAlignment, alignment_of
from bargaining.application.cluster_text import explain_status
from bargaining.application.disputes import Disputes
from bargaining.application.ports import Records
from bargaining.application.time_travel import load_as_of, load_on, load_reading
from bargaining.application.units import load_unit
from bargaining.domain.coordination.alignment import MemberAlignment
from bargaining.domain.coordination.cluster import (
    BargainingCluster,
    Member,
    MeTooEntitlement,
    PactRule,
)
from bargaining.domain.coordination.me_too_ledger import MeTooClaim
from bargaining.domain.coordination.ratification import approved_for
from bargaining.domain.coordination.round import BargainingRound, TableStatus
from bargaining.domain.coordination.tables import TableKind
from bargaining.domain.frameworks.framework import Category, DemandFramework, VersionStatus
from bargaining.domain.shared.actor import Actor
from bargaining.domain.shared.errors import RecordNotFound, RuleViolation, term
from bargaining.domain.shared.flags import Flag
from bargaining.domain.shared.language import translate
from bargaining.domain.shared.vote import Vote
from bargaining.domain.units.agreement import CollectiveAgreement
from bargaining.domain.units.unit import BargainingUnit
from bargaining.presentation.dispute_summaries import DisputeFact
from bargaining.presentation.wording import table_name


@attrs.frozen
class Seat:
    """A bargaining table a member sits at: the round that records it, how organizers name it
    (``title``), its kind, how many units it covers, and where it stands."""

    round_id: UUID
    title: str
    kind: TableKind
    units: int
    status: TableStatus


@attrs.frozen
class TableState:
    """One member's bargaining table as the cluster sees it, with the flags its facts carry
    (a members' vote held without the sign-off the pact requires). ``flags`` are derived when
    read, from the round's members' votes and the committee's decisions as the reading knows
    them, by the days they were held; ``recorded_flags`` are those recorded with the votes
    (the audit copy). A withdrawn member's table stays in view with its state.

    A member may sit at several tables (``seats``: a central table and its sector's, say):
    ``status`` is then ratified once every one of them is, else the state of the first that
    is not; ``flags`` are those of all its tables."""

    unit_id: UUID
    label: str
    withdrawn: bool
    pact_signed_on: date | None
    status: TableStatus | None  # None: no round opened yet
    final: bool  # ratified, and under "no deal until every table settles", all have
    flags: tuple[Flag, ...] = ()
    recorded_flags: tuple[Flag, ...] = attrs.field(default=(), kw_only=True)
    seats: tuple[Seat, ...] = attrs.field(default=(), kw_only=True)

    @property
    def settled(self) -> bool:
        """Every table the member sits at has ratified (and it sits at one at least)."""
        return self.status is TableStatus.RATIFIED


@attrs.frozen
class PactBreach:
    """A rule of the pact that a member's recorded fact broke: the member and the flag."""

    unit_id: UUID
    label: str
    flag: Flag

    def explain(self) -> str:
        """The member and why its fact broke the pact."""
        return translate("{label}: {why}", label=self.label, why=self.flag.reads)


@attrs.frozen
class ClusterStatus:
    """The cluster's tables, whether it is settled (every active member's table ratified), the
    me-too owed, the pact's breaches (each table's flags, in the order of the tables) and the
    dispute's facts that concern the cluster (laws' acts and interventions, in date order)."""

    name: str
    tables: tuple[TableState, ...]
    settled: bool
    entitlements: tuple[MeTooEntitlement, ...]
    breaches: tuple[PactBreach, ...] = ()
    #: The real-world day the cluster was formed (``None``: formed before it was recorded).
    formed_on: date | None = attrs.field(default=None, kw_only=True)
    disputes: tuple[DisputeFact, ...] = attrs.field(default=(), kw_only=True)
    #: Each me-too claim with its life (owed, claimed, settled or waived), one per unit and
    #: demand; ``entitlements`` holds the same claims' entitlements.
    me_too: tuple[MeTooClaim, ...] = attrs.field(default=(), kw_only=True)
    #: Each member's expiry against the cluster's target date, and what would bring it there.
    alignment: tuple[MemberAlignment, ...] = attrs.field(default=(), kw_only=True)

    def explain(self) -> str:
        """Where the cluster stands, in lines, in the reader's language."""
        return explain_status(self)


class Clusters(MeTooAndAlignment):
    """Bargaining clusters: members, adopted framework, pact and its sign-offs, and status."""

    def __init__(self, records: Records, disputes: Disputes | None = None) -> None:
        self._records = records
        self._disputes = disputes

    def form(
        self, *, name: str, sectors: Sequence[str], committee: Sequence[Actor],
        window_start: date, window_end: date, target_alignment: date, actor: Actor, on: date,
        reason: str | None = None,
    ) -> UUID:
        """Form a cluster, on the real-world day ``on``, with its coordinating committee and
        window of expiries."""
        cluster = BargainingCluster.form(
            name=name, sectors=sectors, committee=committee, window_start=window_start,
            window_end=window_end, target_alignment=target_alignment, actor=actor, on=on,
            reason=reason,
        )
        self._records.save(cluster)
        return cluster.id

    def get(
        self, cluster_id: UUID, *, on: date | None = None, at: datetime | None = None,
        version: int | None = None,
    ) -> BargainingCluster:
        """A cluster as recorded; or as it was on a real-world date (``on``), as it was known
        at a moment of recording (``at``, timezone-aware), or at a ``version``: one at most."""
        return load_reading(self._records, cluster_id, BargainingCluster,
                            term("bargaining cluster"),
                            on=on, at=at, version=version)

    def admit(
        self, cluster_id: UUID, unit_id: UUID, *, actor: Actor, on: date,
        override_reason: str | None = None,
    ) -> None:
        """Admit a unit on the day ``on`` if the agreement it was working under that day (in
        force, or expired and carried over) expires in the window, or with an override and
        why. That agreement is found in the unit as it was on ``on``; or, where none had
        been recorded with a day on or before it, among those recorded since without a day
        of their own (an import that gives only expiries)."""
        cluster = self.get(cluster_id)
        unit = load_unit(self._records, unit_id)
        then: CollectiveAgreement | None = None
        if isinstance(on, date) and not isinstance(on, datetime):
            known = load_on(self._records, unit.id, BargainingUnit, term("bargaining unit"), on)
            then = known.agreement_on(on) or unit.agreement_on(on)
        cluster.admit(unit.id, label=unit.label, expiry=then.expiry if then else None,
                      actor=actor, on=on, override_reason=override_reason)
        self._records.save(cluster)

    def withdraw(
        self, cluster_id: UUID, unit_id: UUID, *, actor: Actor, on: date,
        reason: str | None = None,
    ) -> None:
        """A member unit leaves the cluster on the day ``on``; the record keeps that it was a
        member."""
        cluster = self.get(cluster_id)
        cluster.withdraw(unit_id, actor=actor, on=on, reason=reason)
        self._records.save(cluster)

    def adopt_framework(
        self, cluster_id: UUID, framework_id: UUID, version: int, *, actor: Actor, on: date,
        reason: str | None = None,
    ) -> None:
        """Adopt, on the day ``on``, a framework version that members have ratified."""
        cluster = self.get(cluster_id)
        framework = self._records.load(framework_id, DemandFramework, term("demand framework"))
        chosen = framework.get_version(version)
        cluster.adopt_framework(
            framework.id, name=framework.name, version=chosen.number,
            ratified=chosen.status is VersionStatus.RATIFIED, actor=actor, on=on, reason=reason,
        )
        self._records.save(cluster)

    def adopt_pact(
        self, cluster_id: UUID, rules: Sequence[PactRule], *, actor: Actor, on: date,
        me_too_demands: Sequence[str] = (), reason: str | None = None,
    ) -> None:
        """The coordination pact's rules, adopted on the day ``on``; me-too covers the named
        demands."""
        cluster = self.get(cluster_id)
        cluster.adopt_pact(rules, actor=actor, on=on, me_too_demands=me_too_demands,
                           reason=reason)
        self._records.save(cluster)

    def sign_pact(self, cluster_id: UUID, unit_id: UUID, *, on: date, actor: Actor) -> None:
        """Record that a member unit signed the pact on a day."""
        cluster = self.get(cluster_id)
        cluster.sign_pact(unit_id, on=on, actor=actor)
        self._records.save(cluster)

    def decide_sign_off(
        self, cluster_id: UUID, round_id: UUID, *, approved: bool, vote: Vote, actor: Actor,
        on: date | None = None, reason: str | None = None,
    ) -> None:
        """The committee approves or refuses a below-floor tentative agreement (recorded). It
        decides by its vote: the decision's day is the vote's ``held_on`` (``on``, if given,
        must be that day). The decision is the table's (read back by the round's id): at a
        table of many units it also names the table's first unit, as released, which is a
        member since a table opens in a cluster only for members, and stays one on the record
        if it withdraws."""
        cluster = self.get(cluster_id)
        bargaining_round = self._records.load(round_id, BargainingRound, term("bargaining round"))
        if bargaining_round.cluster_id != cluster.id:
            raise RuleViolation.worded("that round is not bargained within '{cluster}'",
                                       cluster=cluster.name)
        ta = bargaining_round.tentative
        if ta is None:
            raise RuleViolation.worded("there is no tentative agreement to sign off")
        if not ta.below_floor:
            raise RuleViolation.worded("this tentative agreement meets every floor: no sign-off "
                                       "needed")
        cluster.decide_sign_off(
            bargaining_round.id, bargaining_round.unit_id,
            tentative_number=bargaining_round.tentative_number, approved=approved, vote=vote,
            failing_demands=ta.below_floor, actor=actor, on=on, reason=reason,
        )
        self._records.save(cluster)

    def status(
        self, cluster_id: UUID, *, at: datetime | None = None, on: date | None = None
    ) -> ClusterStatus:
        """Each member table's state and flags, whether the cluster is settled (every active
        member's table ratified; a withdrawn member's table stays in view but does not hold
        the cluster back), the me-too owed and the pact's breaches; with ``at`` (a
        timezone-aware date-time), as all of it was known at that moment; with ``on`` (a
        date), as it was on that real-world day. Each table's flags are derived for that
        reading: a members' vote is flagged unless the committee's approval of that tentative
        agreement was voted on or before the day the members voted, as the reading knows the
        committee's decisions."""
        cluster = self.get(cluster_id, at=at, on=on)
        sign_off = cluster.has_rule(PactRule.SIGN_OFF)
        loaded: dict[UUID, BargainingRound | None] = {}
        tables = []
        for member in cluster.members.values():
            seated = []
            for round_id in seated_at(cluster, member.unit_id):
                if round_id not in loaded:
                    loaded[round_id] = self._round(round_id, at, on)
                seated.append(loaded[round_id])
            tables.append(self._table(cluster, member, current_tables(seated), sign_off))
        active = [t.status for t in tables if not t.withdrawn]
        settled = bool(active) and all(s is TableStatus.RATIFIED for s in active)
        waits = cluster.has_rule(PactRule.NO_DEAL_UNTIL_ALL_SETTLE)
        tables = [attrs.evolve(t, final=t.status is TableStatus.RATIFIED
                               and (settled or not waits)) for t in tables]
        breaches = _breaches(cluster, tables, loaded, sign_off)
        return ClusterStatus(cluster.name, tuple(tables), settled, tuple(cluster.entitlements),
                             breaches, formed_on=cluster.formed_on,
                             disputes=self._dispute_facts(cluster_id, at, on),
                             me_too=tuple(cluster.me_too_claims),
                             alignment=alignment_of(self._records, cluster, at=at, on=on))

    @staticmethod
    def _table(
        cluster: BargainingCluster, member: Member, seated: Sequence[BargainingRound],
        sign_off: bool,
    ) -> TableState:
        """A member's tables as this reading of the cluster knows them (``final`` set
        later): ratified when all are, else the state of the first that is not."""
        if not seated:
            return TableState(member.unit_id, member.label, member.withdrawn,
                              member.pact_signed_on, None, final=False)
        seats = tuple(Seat(t.id, _title(t, member.label), t.kind, len(t.unit_ids),
                           _status(cluster, t, sign_off)) for t in seated)
        waiting = [seat.status for seat in seats if seat.status is not TableStatus.RATIFIED]
        return TableState(
            member.unit_id, member.label, member.withdrawn, member.pact_signed_on,
            waiting[0] if waiting else TableStatus.RATIFIED, final=False,
            flags=tuple(f for t in seated for f in
                        t.sign_off_flags(cluster.sign_offs, sign_off_required=sign_off)),
            recorded_flags=tuple(f for t in seated for f in t.recorded_flags), seats=seats)

    def _dispute_facts(
        self, cluster_id: UUID, at: datetime | None, on: date | None
    ) -> tuple[DisputeFact, ...]:
        """Laws' acts and interventions that concern the cluster, as known at ``at`` or as
        they stood on ``on``."""
        if self._disputes is None:
            return ()
        facts = self._disputes.for_cluster(cluster_id, at=at)
        return tuple(f for f in facts if on is None or f.on <= on)

    def _round(
        self, round_id: UUID, at: datetime | None, on: date | None
    ) -> BargainingRound | None:
        """A member's round as recorded, known at ``at`` or as it was ``on`` (``None``: its
        notice had not been served yet that day)."""
        what = "bargaining round"
        if on is not None:
            try:
                return load_on(self._records, round_id, BargainingRound, what, on)
            except RecordNotFound:
                return None
        if at is not None:
            return load_as_of(self._records, round_id, BargainingRound, what, at)
        return self._records.load(round_id, BargainingRound, what)


def _status(cluster: BargainingCluster, table: BargainingRound, sign_off: bool) -> TableStatus:
    number = table.tentative_number
    signed_off = approved_for(cluster.sign_off_for(table.id, tentative_number=number), number)
    return table.status(sign_off, signed_off)


def _title(table: BargainingRound, label: str) -> str:
    """A table's name for organizers, in the reader's language: a unit's own table by the
    unit, others by kind and name."""
    if len(table.unit_ids) == 1 and table.kind is TableKind.LOCAL and table.name is None:
        return translate("the table at {label}", label=label)
    return table_name(table.kind, table.name)


def seated_at(cluster: BargainingCluster, unit_id: UUID) -> list[UUID]:
    """The rounds of every table a member sits at, in the order they opened."""
    tables = cluster.tables.get(unit_id)
    if tables:
        return list(tables)
    return [cluster.rounds[unit_id]] if unit_id in cluster.rounds else []


def current_tables(seated: Sequence[BargainingRound | None]) -> list[BargainingRound]:
    """The tables a member bargains at now: a later table of the same kind bargaining the same
    matters replaces an earlier one (a new round at its own table); ``None`` (a table not yet
    opened on the day read) is left out."""
    latest: dict[tuple[TableKind, tuple[Category, ...]], BargainingRound] = {}
    for table in seated:
        if table is not None:
            latest.pop((table.kind, table.matters), None)
            latest[(table.kind, table.matters)] = table
    return list(latest.values())


def _breaches(
    cluster: BargainingCluster, tables: Sequence[TableState],
    loaded: dict[UUID, BargainingRound | None], sign_off: bool,
) -> tuple[PactBreach, ...]:
    """Each flag of each table once, in the order of the members: named by the member at a
    table of its own, by the table's title at a table of many units."""
    found: list[PactBreach] = []
    seen: set[UUID] = set()
    for state in tables:
        for seat in state.seats:
            table = loaded.get(seat.round_id)
            if table is None or seat.round_id in seen:
                continue
            seen.add(seat.round_id)
            label = state.label if seat.units == 1 else seat.title
            found += [PactBreach(state.unit_id, label, flag) for flag in
                      table.sign_off_flags(cluster.sign_offs, sign_off_required=sign_off)]
    return tuple(found)
