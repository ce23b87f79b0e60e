"""Commands and queries on disputes: laws and their acts, interventions and the employer's
moves, the facts of a unit's, a campaign's or a cluster's dispute in date order, and the flags
a strike day carries under the laws in force and the jurisdiction's strike position rules.

``app.disputes`` is a :class:`Disputes`. A new law or intervention is saved together with the
index records of every unit, campaign and cluster it concerns (one transaction), so they are
found without scanning the store. Reads take ``at`` (a moment of recording) to answer as
the record was known then: a law repealed and deemed never in force was in force as known
before the repeal was recorded.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime
from typing import TypeVar
from uuid import UUID

from bargaining.application.ports import Records
from bargaining.application.time_travel import load_as_of
from bargaining.application.units import load_unit
from bargaining.domain.campaigns.campaign import Campaign
from bargaining.domain.coordination.cluster import BargainingCluster
from bargaining.domain.disputes.conditions import law_flags_by_day, position_flags
from bargaining.domain.disputes.index import DisputeIndex, Scope, index_id
from bargaining.domain.disputes.intervention import Intervention, InterventionKind
from bargaining.domain.disputes.law import Law
from bargaining.domain.disputes.strike_position import StrikePosition, StrikePositionCalendar
from bargaining.domain.shared.actor import Actor
from bargaining.domain.shared.dates import require_date, require_moment
from bargaining.domain.shared.errors import ConcurrentChange, InvalidInput, RecordNotFound, term
from bargaining.domain.shared.flags import Flag
from bargaining.domain.shared.vote import Vote
from bargaining.domain.units.unit import BargainingUnit
from bargaining.presentation.dispute_summaries import DisputeFact, intervention_fact, law_facts

A = TypeVar("A")
#: One record id, or several.
Ids = UUID | Sequence[UUID]


class Disputes:
    """Laws, interventions and the employer's moves; the strike conditions they make.

    ``strike_positions`` is the host's calendar of legal strike position rules by jurisdiction
    (:class:`StrikePositionCalendar`; none by default, so no strike position flags).
    """

    def __init__(
        self, records: Records, strike_positions: StrikePositionCalendar | None = None
    ) -> None:
        self._records = records
        self.strike_positions = strike_positions or StrikePositionCalendar()

    # ------------------------------------------------------------------ laws

    def record_law(
        self, *, name: str, region: str, does: object, units: Ids, source: str, actor: Actor,
        campaigns: Ids = (), clusters: Ids = (), reason: str | None = None,
    ) -> UUID:
        """Record a law (a bill) that covers these units: what it does (one or more
        :class:`LawEffect`), its jurisdiction and source. Its acts follow: :meth:`table_law`,
        :meth:`pass_law`, :meth:`strike_down_law`, :meth:`repeal_law`."""
        return self._record_new("law", actor, lambda: Law.record(
            name=name, region=region, does=does, units=units, source=source, actor=actor,
            campaigns=campaigns, clusters=clusters, reason=reason))

    def table_law(self, law: UUID, *, on: date, source: str, actor: Actor,
                  reason: str | None = None) -> None:
        """The bill was tabled (introduced) on ``on``."""
        found = self.law(law)
        found.table(on=on, source=source, actor=actor, reason=reason)
        self._records.save(found)

    def pass_law(self, law: UUID, *, on: date, source: str, actor: Actor,
                 reason: str | None = None) -> None:
        """The law passed (royal assent) on ``on``; it is in force from that day."""
        found = self.law(law)
        found.pass_(on=on, source=source, actor=actor, reason=reason)
        self._records.save(found)

    def strike_down_law(self, law: UUID, *, on: date, source: str, actor: Actor,
                        court: str | None = None, reason: str | None = None) -> None:
        """A court struck the law down on ``on``; it is not in force from that day."""
        found = self.law(law)
        found.strike_down(on=on, source=source, actor=actor, court=court, reason=reason)
        self._records.save(found)

    def repeal_law(
        self, law: UUID, *, on: date, source: str, actor: Actor,
        deemed_never_in_force: bool = False, by: str | None = None, reason: str | None = None,
    ) -> None:
        """The law was repealed on ``on`` (``by`` another act, where named). With
        ``deemed_never_in_force`` it is void from the start, as known from now on; read as
        known before (``at``), it was in force until then."""
        found = self.law(law)
        found.repeal(on=on, source=source, actor=actor,
                     deemed_never_in_force=deemed_never_in_force, by=by, reason=reason)
        self._records.save(found)

    def law(self, law: UUID, *, at: datetime | None = None) -> Law:
        """A law as recorded, or as it was known at a moment."""
        if at is None:
            return self._records.load(law, Law, term("law"))
        return load_as_of(self._records, law, Law, term("law"), at)

    # --------------------------------------------------------- interventions

    def record(
        self, kind: InterventionKind, units: Ids, *, on: date, source: str, actor: Actor,
        made_by: str | None = None, vote: Vote | None = None, campaigns: Ids = (),
        clusters: Ids = (), reason: str | None = None,
    ) -> UUID:
        """Record an intervention or an employer's move of any kind; the named commands
        below say the same in fewer words."""
        return self._record_new("intervention", actor, lambda: Intervention.record(
            kind, on=on, units=units, source=source, actor=actor, made_by=made_by, vote=vote,
            campaigns=campaigns, clusters=clusters, reason=reason))

    def serve_strike_notice(self, units: Ids, *, on: date, source: str, actor: Actor,
                            campaigns: Ids = (), clusters: Ids = (),
                            reason: str | None = None) -> UUID:
        """The union served notice of a strike on ``on``."""
        return self.record(InterventionKind.STRIKE_NOTICE, units, on=on, source=source,
                           actor=actor, campaigns=campaigns, clusters=clusters, reason=reason)

    def request_conciliation(self, units: Ids, *, on: date, source: str, actor: Actor,
                             made_by: str | None = None, campaigns: Ids = (),
                             clusters: Ids = (), reason: str | None = None) -> UUID:
        """A party asked the ministry for a conciliator on ``on``."""
        return self.record(InterventionKind.CONCILIATION_REQUESTED, units, on=on,
                           source=source, actor=actor, made_by=made_by, campaigns=campaigns,
                           clusters=clusters, reason=reason)

    def report_no_board(self, units: Ids, *, on: date, source: str, actor: Actor,
                        campaigns: Ids = (), clusters: Ids = (),
                        reason: str | None = None) -> UUID:
        """The minister issued a "no board" report on ``on`` (in Ontario, the legal strike
        position follows 17 days later)."""
        return self.record(InterventionKind.NO_BOARD_REPORT, units, on=on, source=source,
                           actor=actor, campaigns=campaigns, clusters=clusters, reason=reason)

    def declare_lockout(self, units: Ids, *, on: date, source: str, actor: Actor,
                        made_by: str | None = None, campaigns: Ids = (), clusters: Ids = (),
                        reason: str | None = None) -> UUID:
        """The employer locked these units out from ``on``."""
        return self.record(InterventionKind.LOCKOUT_DECLARED, units, on=on, source=source,
                           actor=actor, made_by=made_by, campaigns=campaigns,
                           clusters=clusters, reason=reason)

    def end_lockout(self, units: Ids, *, on: date, source: str, actor: Actor,
                    made_by: str | None = None, campaigns: Ids = (), clusters: Ids = (),
                    reason: str | None = None) -> UUID:
        """The employer ended the lockout of these units on ``on``."""
        return self.record(InterventionKind.LOCKOUT_ENDED, units, on=on, source=source,
                           actor=actor, made_by=made_by, campaigns=campaigns,
                           clusters=clusters, reason=reason)

    def impose_mediation_arbitration(self, units: Ids, *, on: date, source: str, actor: Actor,
                                     made_by: str | None = None, campaigns: Ids = (),
                                     clusters: Ids = (), reason: str | None = None) -> UUID:
        """Mediation-arbitration was imposed on these units on ``on`` (by a law or an
        order, named in ``made_by``)."""
        return self.record(InterventionKind.MEDIATION_ARBITRATION_IMPOSED, units, on=on,
                           source=source, actor=actor, made_by=made_by, campaigns=campaigns,
                           clusters=clusters, reason=reason)

    def record_forced_vote(self, units: Ids, *, vote: Vote, source: str, actor: Actor,
                           on: date | None = None, made_by: str | None = None,
                           campaigns: Ids = (), clusters: Ids = (),
                           reason: str | None = None) -> UUID:
        """The employer forced a vote of the members on its last offer: ``vote`` counts it
        (yes accepts the offer) by its rule; ``on`` is the day it was held (the vote's own
        date when omitted)."""
        if not isinstance(vote, Vote):
            raise InvalidInput.worded("a forced vote on the employer's last offer needs its Vote")
        return self.record(InterventionKind.FORCED_OFFER_VOTE, units,
                           on=vote.held_on if on is None else on, source=source, actor=actor,
                           made_by=made_by, vote=vote, campaigns=campaigns, clusters=clusters,
                           reason=reason)

    def intervention(self, intervention: UUID, *, at: datetime | None = None
                     ) -> Intervention:
        """An intervention as recorded, or as it was known at a moment."""
        if at is None:
            return self._records.load(intervention, Intervention, term("intervention"))
        return load_as_of(self._records, intervention, Intervention, term("intervention"), at)

    # ----------------------------------------------------------------- reads

    def for_unit(self, unit: UUID, *, at: datetime | None = None) -> list[DisputeFact]:
        """The unit's dispute facts (laws' acts and interventions) in date order."""
        load_unit(self._records, unit)
        return self._facts(Scope.UNIT, unit, at)

    def for_campaign(self, campaign: UUID, *, at: datetime | None = None
                     ) -> list[DisputeFact]:
        """The dispute facts that concern a campaign, in date order."""
        self._records.load(campaign, Campaign, term("campaign"))
        return self.facts_of(campaign, at=at)

    def facts_of(self, campaign: UUID, *, at: datetime | None = None) -> list[DisputeFact]:
        """:meth:`for_campaign` for a campaign the caller has read already (the readiness
        report): the campaign is not read again to check that it is one."""
        return self._facts(Scope.CAMPAIGN, campaign, at)

    def for_cluster(self, cluster: UUID, *, at: datetime | None = None
                    ) -> list[DisputeFact]:
        """The dispute facts that concern a cluster, in date order."""
        self._records.load(cluster, BargainingCluster, term("bargaining cluster"))
        return self._facts(Scope.CLUSTER, cluster, at)

    def strike_flags(self, unit_id: UUID, on: date, *, at: datetime | None = None
                     ) -> list[Flag]:
        """The flags a strike by the unit on ``on`` carries, as the records were known at
        ``at`` (now when omitted): ``LAW_IN_FORCE`` for each law covering it that bans
        strikes, imposes a contract or orders a return to work and was in force that day;
        ``BEFORE_LEGAL_STRIKE_POSITION`` when its jurisdiction has a rule and it had not
        reached its legal strike position."""
        day = require_date(on, term("strike day"))
        return self.strike_flags_by_day(unit_id, [day], at=at)[day]

    def strike_flags_by_day(
        self, unit_id: UUID, days: Sequence[date], *, at: datetime | None = None
    ) -> dict[date, list[Flag]]:
        """:meth:`strike_flags` for each of these days, reading the unit's laws and
        interventions once."""
        return self.strike_flags_by_unit({unit_id: days}, at=at)[unit_id]

    def strike_flags_by_unit(
        self, days: Mapping[UUID, Sequence[date]], *, at: datetime | None = None
    ) -> dict[UUID, dict[date, list[Flag]]]:
        """:meth:`strike_flags_by_day` for many units at once (every striking unit of a
        campaign), reading each law and intervention once for all the units it covers."""
        wanted = {uid: [require_date(d, term("strike day")) for d in ds] for uid,
                  ds in days.items()}
        read: dict[UUID, object] = {}
        found: dict[UUID, dict[date, list[Flag]]] = {}
        for unit_id, unit_days in wanted.items():
            unit = self._unit_as_known(unit_id, at)
            if unit is None:
                found[unit_id] = {d: [] for d in unit_days}
                continue
            laws, interventions = self._records_of(Scope.UNIT, unit_id, at, read)
            rule = self.strike_positions.rule_for(unit.region)
            by_law = law_flags_by_day(unit_id, unit_days, laws)
            found[unit_id] = {d: [*by_law[d], *position_flags(unit_id, d, rule, interventions)]
                              for d in unit_days}
        return found

    def strike_position(self, unit_id: UUID, on: date, *, at: datetime | None = None
                        ) -> StrikePosition | None:
        """When the unit reached its legal strike position, as of ``on`` (``None`` when its
        jurisdiction has no rule)."""
        day = require_date(on, term("day"))
        unit = self._unit_as_known(unit_id, at)
        rule = None if unit is None else self.strike_positions.rule_for(unit.region)
        if rule is None:
            return None
        _, interventions = self._records_of(Scope.UNIT, unit_id, at)
        return rule.position(unit_id, interventions, day)

    # --------------------------------------------------------------- helpers

    def _record_new(
        self, kind: str, actor: Actor, make: Callable[[], Law | Intervention]
    ) -> UUID:
        """Record a new law or intervention with its indexes in one save; a save that meets
        another's change to an index is tried once more from the start."""
        for attempt in (1, 2):
            fact = make()
            self._check_exist(fact)
            indexes = [self._index_for(scope, subject, actor)
                       for scope, subjects in ((Scope.UNIT, fact.units),
                                               (Scope.CAMPAIGN, fact.campaign_ids),
                                               (Scope.CLUSTER, fact.cluster_ids))
                       for subject in subjects]
            for index in indexes:
                index.add(kind, fact.id, actor=actor)
            try:
                self._records.save(fact, *indexes)
            except ConcurrentChange:
                if attempt == 2:
                    raise
                continue
            return fact.id
        raise AssertionError("unreachable")

    def _check_exist(self, fact: Law | Intervention) -> None:
        for uid in fact.units:
            load_unit(self._records, uid)
        for cid in fact.campaign_ids:
            self._records.load(cid, Campaign, term("campaign"))
        for kid in fact.cluster_ids:
            self._records.load(kid, BargainingCluster, term("bargaining cluster"))

    def _index_for(self, scope: Scope, subject: UUID, actor: Actor) -> DisputeIndex:
        iid = index_id(scope, subject)
        if self._records.contains(iid):
            return self._records.load(iid, DisputeIndex, term("dispute index"))
        return DisputeIndex.open(scope, subject, actor=actor)

    def _as_known(self, record_id: UUID, kind: type[A], what: str,
                  at: datetime | None) -> A | None:
        if at is None:
            if not self._records.contains(record_id):
                return None
            return self._records.load(record_id, kind, what)
        try:
            return load_as_of(self._records, record_id, kind, what, at)
        except RecordNotFound:
            return None

    def _unit_as_known(self, unit_id: UUID, at: datetime | None) -> BargainingUnit | None:
        if at is not None:
            require_moment(at, term("moment known at"))
        unit = load_unit(self._records, unit_id)
        if at is None:  # known now: the unit just read
            return unit
        return self._as_known(unit_id, BargainingUnit, term("bargaining unit"), at)

    def _records_of(self, scope: Scope, subject: UUID, at: datetime | None,
                    read: dict[UUID, object] | None = None,
                    ) -> tuple[list[Law], list[Intervention]]:
        """A subject's laws and interventions as known at ``at``; those in ``read`` (laws
        and interventions by id, already read in this answer) are not read again."""
        if at is not None:
            require_moment(at, term("moment known at"))
        index = self._as_known(index_id(scope, subject), DisputeIndex, term("dispute index"),
                               at)
        if index is None:
            return [], []
        seen: dict[UUID, object] = {} if read is None else read

        def known(record_id: UUID, kind: type[A], what: str) -> A | None:
            if record_id not in seen:
                seen[record_id] = self._as_known(record_id, kind, what, at)
            found = seen[record_id]
            return found if isinstance(found, kind) else None

        laws = [known(i, Law, term("law")) for i in index.ids("law")]
        found = [known(i, Intervention, term("intervention")) for i in index.ids("intervention")]
        return [x for x in laws if x is not None], [x for x in found if x is not None]

    def _facts(self, scope: Scope, subject: UUID, at: datetime | None
               ) -> list[DisputeFact]:
        laws, interventions = self._records_of(scope, subject, at)
        facts = [f for law in laws for f in law_facts(law)]
        facts += [intervention_fact(i) for i in interventions]
        return sorted(facts, key=lambda f: f.on)

