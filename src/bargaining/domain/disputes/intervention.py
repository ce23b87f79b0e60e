"""Interventions and the employer's moves in a dispute, each a fact with its date and source.

A strike notice served, conciliation requested, a "no board" report issued, a lockout declared
or ended, mediation-arbitration imposed, a forced vote on the employer's last offer: each is an
:class:`Intervention`, a record of its own.

Why one record per intervention, rather than a dispute record per unit: an intervention is one
fact that often covers many units at once (a lockout of several locals, one forced vote across
every college), and it is recorded once, with one source, never edited. A record per unit would
copy the fact into each unit's record and could let the copies disagree; a record per
intervention keeps it whole, and small index records (:mod:`~bargaining.domain.disputes.index`)
find it from each unit, campaign and cluster it concerns without scanning the store.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from datetime import date
from uuid import UUID

from eventsourcing.domain import Aggregate, event

from bargaining.domain.disputes.facts import clean_ids, clean_name, clean_source
from bargaining.domain.shared.actor import Actor, clean_reason, require_actor
from bargaining.domain.shared.dates import require_date
from bargaining.domain.shared.errors import InvalidInput, term
from bargaining.domain.shared.language import mark
from bargaining.domain.shared.vote import Vote


class InterventionKind(enum.Enum):
    """The kinds of intervention and employer's move the library records."""

    STRIKE_NOTICE = "strike notice served"
    CONCILIATION_REQUESTED = "conciliation requested"
    NO_BOARD_REPORT = "'no board' report issued"
    LOCKOUT_DECLARED = "lockout declared"
    LOCKOUT_ENDED = "lockout ended"
    MEDIATION_ARBITRATION_IMPOSED = "mediation-arbitration imposed"
    FORCED_OFFER_VOTE = "forced vote on the employer's last offer"

    @property
    def noun(self) -> str:
        """The intervention named as a thing: mark("'no board' report"), "strike notice"."""
        return _NOUNS.get(self, self.value)


_NOUNS = {
    InterventionKind.STRIKE_NOTICE: mark("strike notice"),
    InterventionKind.CONCILIATION_REQUESTED: mark("request for conciliation"),
    InterventionKind.NO_BOARD_REPORT: mark("'no board' report"),
    InterventionKind.LOCKOUT_DECLARED: mark("lockout"),
    InterventionKind.LOCKOUT_ENDED: mark("end of the lockout"),
    InterventionKind.MEDIATION_ARBITRATION_IMPOSED: mark("imposed mediation-arbitration"),
}


def _kind(value: object) -> InterventionKind:
    if isinstance(value, InterventionKind):
        return value
    try:
        return InterventionKind(value)
    except ValueError:
        raise InvalidInput.worded("an intervention is one of: {interventionkind}; not {value}",
                                  interventionkind=', '.join(k.value for k in InterventionKind),
                                  value=repr(value)) from None


class Intervention(Aggregate):
    """One intervention or employer's move: its kind, day, source, the units it covers, who
    made it (where named) and, for a forced vote on the employer's last offer, the vote."""

    @classmethod
    def record(
        cls,
        kind: object,
        *,
        on: date,
        units: UUID | Iterable[UUID],
        source: str,
        actor: Actor,
        made_by: str | None = None,
        vote: Vote | None = None,
        campaigns: UUID | Iterable[UUID] = (),
        clusters: UUID | Iterable[UUID] = (),
        reason: str | None = None,
    ) -> Intervention:
        """The intervention, recorded; a forced vote needs its vote, held on ``on``, and no
        other intervention carries one."""
        what = _kind(kind)
        day = require_date(on, f"date of the {what.value}")
        if what is InterventionKind.FORCED_OFFER_VOTE:
            if not isinstance(vote, Vote):
                raise InvalidInput.worded("a forced vote on the employer's last offer needs its "
                                          "Vote (yes: to accept the offer)")
            if vote.held_on != day:
                raise InvalidInput.worded("the forced vote was held on {held_on}, not on {day}: "
                                          "give the day it was held",
                                          held_on=vote.held_on, day=day)
        elif vote is not None:
            raise InvalidInput.worded("a {what} carries no vote", what=what.value)
        return cls(
            kind=what,
            on=day,
            units=clean_ids(units, term("units it covers"), required=True),
            campaign_ids=clean_ids(campaigns, term("campaigns it concerns"), required=False),
            cluster_ids=clean_ids(clusters, term("clusters it concerns"), required=False),
            source=clean_source(source, what.value),
            made_by=None if made_by is None else clean_name(made_by, term("party that made it")),
            vote=vote,
            actor=require_actor(actor),
            reason=clean_reason(reason),
        )

    @event("Recorded")
    def __init__(
        self,
        *,
        kind: InterventionKind,
        on: date,
        units: tuple[UUID, ...],
        campaign_ids: tuple[UUID, ...],
        cluster_ids: tuple[UUID, ...],
        source: str,
        made_by: str | None,
        vote: Vote | None,
        actor: Actor,
        reason: str | None,
    ) -> None:
        self.kind = kind
        self.on = on
        self.units = tuple(units)
        self.campaign_ids = tuple(campaign_ids)
        self.cluster_ids = tuple(cluster_ids)
        self.source = source
        self.made_by = made_by
        self.vote = vote

    def covers(self, unit_id: UUID) -> bool:
        return unit_id in self.units
