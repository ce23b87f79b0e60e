"""What the use cases need from the store beneath them, as small typed interfaces.

Each group of use cases (``app.units``, ``app.clusters`` …) is given an object that provides
these; :class:`bargaining.infrastructure.event_store.EventStore` does, over ``eventsourcing``.
A use case reads as "load, call the domain, save", and knows nothing of how records are kept.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime
from typing import Any, Protocol, TypeVar
from uuid import UUID

from eventsourcing.domain import Aggregate

from bargaining.domain.campaigns.counts import ParticipationHistory
from bargaining.domain.campaigns.readiness import DisputeNote
from bargaining.domain.shared.flags import Flag

A = TypeVar("A")


class Records(Protocol):
    """Load and save records (aggregates) by id."""

    def load(
        self, record_id: object, kind: type[A], what: str, *, version: int | None = None
    ) -> A:
        """The record of this kind, as recorded or at ``version``; ``what`` names the kind in
        the refusal (``RecordNotFound``, ``InvalidInput``) when there is none."""
        ...

    def contains(self, record_id: UUID) -> bool:
        """Whether anything is recorded under this id."""
        ...

    def version_at(self, record_id: UUID, moment: datetime) -> int | None:
        """The record's version at a moment: 0 before it existed, ``None`` if it never did."""
        ...

    def load_where(
        self, record_id: UUID, kind: type[A], what: str,
        choose: Callable[[Sequence[Any]], Sequence[Any]],
    ) -> A | None:
        """The record replayed from the events ``choose`` picks out of all of its events
        (given and returned in recorded order; its version is that of the last one kept);
        ``None`` if its first event is not kept; ``RecordNotFound`` if nothing is recorded
        under this id. ``choose`` sees every event first, so a later event (a correction)
        can decide whether an earlier one is kept."""
        ...

    def save(self, *records: Any) -> Any:
        """Record the pending changes of these records in one transaction (all or nothing)."""
        ...


class EventLog(Protocol):
    """Read recorded events, for history and the audit log."""

    def read_log(
        self, after: int, limit: int, kinds: Sequence[type[Aggregate]] = ()
    ) -> list[tuple[int, Any]]:
        """Up to ``limit`` (position, event) pairs after a log position, of these kinds of
        record if given; fewer than ``limit`` means the log ends there."""
        ...

    def read_record(self, record_id: UUID, after_version: int, limit: int) -> list[Any]:
        """Up to ``limit`` events of one record after a version, oldest first."""
        ...

    def first_event(self, record_id: UUID) -> Any | None:
        """The event that created a record, or ``None``."""
        ...


class StrikeConditions(Protocol):
    """What the campaigns context asks outside itself about a unit walking out on a day: the
    flags of rules it cannot see, such as a law banning strikes in force or the unit before
    its legal strike position. ``at`` is the moment of recording the answer is read as
    (``None``: now), so a law repealed later and deemed never in force raises no flag when
    read as known after the repeal."""

    def strike_flags(
        self, unit_id: UUID, on: date, *, at: datetime | None = None
    ) -> list[Flag]:
        """The flags a walkout by this unit on this day carries from outside the campaign."""
        ...

    def strike_flags_by_day(
        self, unit_id: UUID, days: Sequence[date], *, at: datetime | None = None
    ) -> dict[date, list[Flag]]:
        """The same for each of these days, reading what it needs once (a strike of many
        days, every unit of a campaign)."""
        ...

    def strike_flags_by_unit(
        self, days: Mapping[UUID, Sequence[date]], *, at: datetime | None = None
    ) -> dict[UUID, dict[date, list[Flag]]]:
        """:meth:`strike_flags_by_day` for many units at once (each with its strike days),
        reading what they share once: a law or intervention that covers them all is read
        once, not once a unit. A host's conditions written before it may leave it out; the
        campaigns then ask unit by unit (:func:`strike_flags_by_unit`)."""
        ...


class CampaignDisputes(Protocol):
    """The facts of a campaign's dispute recorded outside it (laws' acts, interventions), in
    date order, as known at a moment (``None``: now)."""

    def facts_of(
        self, campaign: UUID, *, at: datetime | None = None
    ) -> Sequence[DisputeNote]:
        """The dated facts that concern the campaign, which the caller has read already (so
        it is not read again to check that it is one)."""
        ...


class CampaignHistories(Protocol):
    """The campaigns' participation history (every count of every held action, every strike
    spell), kept outside the campaigns so that they keep only what their rules need."""

    def of(self, campaign_id: UUID, *, version: int | None = None) -> ParticipationHistory:
        """One campaign's history as recorded now, or at a version of the campaign."""
        ...


class NoStrikeConditions:
    """No conditions outside the campaign: a host that records no laws or legal positions."""

    def strike_flags(
        self, unit_id: UUID, on: date, *, at: datetime | None = None
    ) -> list[Flag]:
        return []

    def strike_flags_by_day(
        self, unit_id: UUID, days: Sequence[date], *, at: datetime | None = None
    ) -> dict[date, list[Flag]]:
        return {}

    def strike_flags_by_unit(
        self, days: Mapping[UUID, Sequence[date]], *, at: datetime | None = None
    ) -> dict[UUID, dict[date, list[Flag]]]:
        return {}


def strike_flags_by_unit(
    conditions: StrikeConditions, days: Mapping[UUID, Sequence[date]],
    at: datetime | None = None,
) -> dict[UUID, dict[date, list[Flag]]]:
    """The conditions' flags for many units' strike days: by their batch method, or unit by
    unit for a host's conditions that have none (written before it was added)."""
    batch = getattr(conditions, "strike_flags_by_unit", None)
    if batch is not None:
        found: dict[UUID, dict[date, list[Flag]]] = batch(days, at=at)
        return found
    return {uid: conditions.strike_flags_by_day(uid, wanted, at=at)
            for uid, wanted in days.items()}
