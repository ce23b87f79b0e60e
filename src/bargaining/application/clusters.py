"""Commands and queries on bargaining clusters: members, framework, pact, sign-offs, status."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from uuid import UUID

import attrs

from bargaining.application.ports import Records
from bargaining.application.time_travel import load_as_of
from bargaining.application.units import load_unit
from bargaining.domain.coordination.cluster import (
    BargainingCluster,
    Member,
    MeTooEntitlement,
    PactRule,
)
from bargaining.domain.coordination.ratification import approved_for
from bargaining.domain.coordination.round import BargainingRound, TableStatus
from bargaining.domain.frameworks.framework import DemandFramework, VersionStatus
from bargaining.domain.shared.actor import Actor
from bargaining.domain.shared.errors import RuleViolation
from bargaining.domain.shared.flags import Flag
from bargaining.domain.shared.vote import Vote


@attrs.frozen
class TableState:
    """One member's bargaining table as the cluster sees it, with the flags its recorded facts
    carry (a ratification vote held without the sign-off the pact requires). A withdrawn
    member's table stays in view with its state."""

    unit_id: UUID
    label: str
    withdrawn: bool
    pact_signed_on: date | None
    status: TableStatus | None  # None: no round opened yet
    final: bool  # ratified, and under "no deal until every table settles", all have
    flags: tuple[Flag, ...] = ()


@attrs.frozen
class PactBreach:
    """A rule of the pact that a member's recorded fact broke: the member and the flag."""

    unit_id: UUID
    label: str
    flag: Flag

    def explain(self) -> str:
        return f"{self.label}: {self.flag.why}"


@attrs.frozen
class ClusterStatus:
    """The cluster's tables, whether it is settled (every active member's table ratified), the
    me-too owed and the pact's breaches (each table's flags, in the order of the tables)."""

    name: str
    tables: tuple[TableState, ...]
    settled: bool
    entitlements: tuple[MeTooEntitlement, ...]
    breaches: tuple[PactBreach, ...] = ()

    def explain(self) -> str:
        lines = [f"{self.name}: {'settled' if self.settled else 'not settled'}"]
        for t in self.tables:
            state = t.status.value if t.status else "no table"
            if t.withdrawn:
                state = f"withdrawn (its table: {state})"
            waiting = t.status is TableStatus.RATIFIED and not t.final and not t.withdrawn
            note = " (final)" if t.final else " (waiting for every table)" if waiting else ""
            flagged = f" [flagged: {len(t.flags)}]" if t.flags else ""
            lines.append(f"  {t.label}: {state}{note}{flagged}")
        lines += [f"  me-too owed: {e.explanation}" for e in self.entitlements]
        lines += [f"  breach of the pact: {b.explain()}" for b in self.breaches]
        return "\n".join(lines)


class Clusters:
    """Bargaining clusters: members, adopted framework, pact and its sign-offs, and status."""

    def __init__(self, records: Records) -> None:
        self._records = records

    def form(
        self, *, name: str, sectors: Sequence[str], committee: Sequence[Actor],
        window_start: date, window_end: date, target_alignment: date, actor: Actor,
        reason: str | None = None,
    ) -> UUID:
        """Form a cluster with its coordinating committee and window of expiries."""
        cluster = BargainingCluster.form(
            name=name, sectors=sectors, committee=committee, window_start=window_start,
            window_end=window_end, target_alignment=target_alignment, actor=actor, reason=reason,
        )
        self._records.save(cluster)
        return cluster.id

    def get(self, cluster_id: UUID) -> BargainingCluster:
        """A cluster as recorded."""
        return self._records.load(cluster_id, BargainingCluster, "bargaining cluster")

    def admit(
        self, cluster_id: UUID, unit_id: UUID, *, actor: Actor, override_reason: str | None = None
    ) -> None:
        """Admit a unit whose current expiry is in the window (or with an override and why)."""
        cluster = self.get(cluster_id)
        unit = load_unit(self._records, unit_id)
        current = unit.current_agreement
        cluster.admit(unit.id, label=unit.label, expiry=current.expiry if current else None,
                      actor=actor, override_reason=override_reason)
        self._records.save(cluster)

    def withdraw(
        self, cluster_id: UUID, unit_id: UUID, *, actor: Actor, reason: str | None = None
    ) -> None:
        """A member unit leaves the cluster; the record keeps that it was a member."""
        cluster = self.get(cluster_id)
        cluster.withdraw(unit_id, actor=actor, reason=reason)
        self._records.save(cluster)

    def adopt_framework(
        self, cluster_id: UUID, framework_id: UUID, version: int, *, actor: Actor,
        reason: str | None = None,
    ) -> None:
        """Adopt a framework version that members have ratified."""
        cluster = self.get(cluster_id)
        framework = self._records.load(framework_id, DemandFramework, "demand framework")
        chosen = framework.get_version(version)
        cluster.adopt_framework(
            framework.id, name=framework.name, version=chosen.number,
            ratified=chosen.status is VersionStatus.RATIFIED, actor=actor, reason=reason,
        )
        self._records.save(cluster)

    def adopt_pact(
        self, cluster_id: UUID, rules: Sequence[PactRule], *, actor: Actor,
        me_too_demands: Sequence[str] = (), reason: str | None = None,
    ) -> None:
        """The coordination pact's rules; me-too covers the named demands."""
        cluster = self.get(cluster_id)
        cluster.adopt_pact(rules, actor=actor, me_too_demands=me_too_demands, reason=reason)
        self._records.save(cluster)

    def sign_pact(self, cluster_id: UUID, unit_id: UUID, *, on: date, actor: Actor) -> None:
        """Record that a member unit signed the pact on a day."""
        cluster = self.get(cluster_id)
        cluster.sign_pact(unit_id, on=on, actor=actor)
        self._records.save(cluster)

    def decide_sign_off(
        self, cluster_id: UUID, round_id: UUID, *, approved: bool, vote: Vote, actor: Actor,
        reason: str | None = None,
    ) -> None:
        """The committee approves or refuses a below-floor tentative agreement (recorded)."""
        cluster = self.get(cluster_id)
        bargaining_round = self._records.load(round_id, BargainingRound, "bargaining round")
        if bargaining_round.cluster_id != cluster.id:
            raise RuleViolation(f"that round is not bargained within '{cluster.name}'")
        ta = bargaining_round.tentative
        if ta is None:
            raise RuleViolation("there is no tentative agreement to sign off")
        if not ta.below_floor:
            raise RuleViolation("this tentative agreement meets every floor: no sign-off needed")
        cluster.decide_sign_off(
            bargaining_round.id, bargaining_round.unit_id,
            tentative_number=bargaining_round.tentative_number, approved=approved, vote=vote,
            failing_demands=ta.below_floor, actor=actor, reason=reason,
        )
        self._records.save(cluster)

    def status(self, cluster_id: UUID, *, at: datetime | None = None) -> ClusterStatus:
        """Each member table's state and flags, whether the cluster is settled (every active
        member's table ratified; a withdrawn member's table stays in view but does not hold
        the cluster back), the me-too owed and the pact's breaches; with
        ``at`` (a timezone-aware date-time), as all of it stood at that moment."""
        cluster = self.get(cluster_id) if at is None else load_as_of(
            self._records, cluster_id, BargainingCluster, "bargaining cluster", at
        )
        sign_off = cluster.has_rule(PactRule.SIGN_OFF)
        states: list[tuple[Member, TableStatus | None, tuple[Flag, ...]]] = []
        for member in cluster.members.values():
            status: TableStatus | None = None
            flags: tuple[Flag, ...] = ()
            round_id = cluster.rounds.get(member.unit_id)
            if round_id is not None:
                table = (
                    self._records.load(round_id, BargainingRound, "bargaining round") if at is None
                    else load_as_of(self._records, round_id, BargainingRound, "bargaining round",
                                    at)
                )
                signed_off = approved_for(cluster.sign_off_for(round_id), table.tentative_number)
                status, flags = table.status(sign_off, signed_off), tuple(table.flags)
            states.append((member, status, flags))
        active = [status for member, status, _ in states if not member.withdrawn]
        settled = bool(active) and all(s is TableStatus.RATIFIED for s in active)
        waits = cluster.has_rule(PactRule.NO_DEAL_UNTIL_ALL_SETTLE)
        tables = tuple(
            TableState(m.unit_id, m.label, m.withdrawn, m.pact_signed_on, status,
                       final=status is TableStatus.RATIFIED and (settled or not waits),
                       flags=flags)
            for m, status, flags in states
        )
        breaches = tuple(PactBreach(t.unit_id, t.label, flag) for t in tables for flag in t.flags)
        return ClusterStatus(cluster.name, tables, settled, tuple(cluster.entitlements),
                             breaches)
