"""Where a unit's, a campaign's or a cluster's disputes are found without scanning the store.

Each unit, campaign and cluster that a law or an intervention concerns has a small index
record, whose id is derived (uuid5) from what it indexes; the law or intervention is listed in
it in the same save that records the fact, so the two are never out of step. Read as it stood
at a moment, the index lists only what was known then.
"""

from __future__ import annotations

import enum
import uuid
from uuid import UUID

from eventsourcing.domain import Aggregate, event

from bargaining.domain.shared.actor import Actor, require_actor
from bargaining.domain.shared.errors import InvalidInput

INDEX_NAMESPACE = uuid.UUID("0f6f3b9e-6a43-5b0e-9c2e-3d1a7c52e8d4")


class Scope(enum.Enum):
    """What an index lists disputes for."""

    UNIT = "unit"
    CAMPAIGN = "campaign"
    CLUSTER = "cluster"


class DisputeIndex(Aggregate):
    """The laws and interventions concerning one unit, campaign or cluster, in the order they
    were recorded."""

    @staticmethod
    def create_id(scope: str, subject_id: UUID, **_: object) -> UUID:
        return index_id(Scope(scope), subject_id)

    @classmethod
    def open(cls, scope: Scope, subject_id: UUID, *, actor: Actor) -> DisputeIndex:
        if not isinstance(subject_id, UUID):
            raise InvalidInput.worded("a {scope} is named by its id (a UUID)", scope=scope.value)
        return cls(scope=scope.value, subject_id=subject_id, actor=require_actor(actor))

    @event("Opened")
    def __init__(self, *, scope: str, subject_id: UUID, actor: Actor) -> None:
        self.scope = scope
        self.subject_id = subject_id
        #: (kind of record, its id): ``("law", id)`` or ``("intervention", id)``.
        self.entries: list[tuple[str, UUID]] = []

    def add(self, kind: str, record_id: UUID, *, actor: Actor) -> None:
        """List a law or an intervention here (once)."""
        if kind not in ("law", "intervention"):
            raise InvalidInput.worded("an index lists laws and interventions, not {kind}",
                                      kind=repr(kind))
        if (kind, record_id) not in self.entries:
            self._listed(kind=kind, record_id=record_id, actor=require_actor(actor))

    @event("Listed")
    def _listed(self, kind: str, record_id: UUID, actor: Actor) -> None:
        self.entries.append((kind, record_id))

    def ids(self, kind: str) -> list[UUID]:
        return [rid for k, rid in self.entries if k == kind]


def index_id(scope: Scope, subject_id: UUID) -> UUID:
    """The id of the index of a unit's, a campaign's or a cluster's disputes."""
    return uuid.uuid5(INDEX_NAMESPACE, f"{scope.value}:{subject_id}")
