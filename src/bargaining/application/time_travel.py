"""Time travel: any record as it stood at a version or a moment, and read models of the past.

"As of a moment" means the state after the last event recorded at or before it: the events'
own timestamps (UTC, set when the command ran) decide, for aggregates and read models alike.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any, TypeVar
from uuid import UUID

from eventsourcing.domain import Aggregate

from bargaining.domain.shared.errors import InvalidInput, RecordNotFound
from bargaining.readmodels.expiry_map import ExpiryMap

T = TypeVar("T")


def require_moment(at: object, what: str = "moment") -> datetime:
    """A moment must say its time zone, or 'as of 9 o'clock' means different things."""
    if not isinstance(at, datetime):
        raise InvalidInput(f"the {what} must be a date-time, not {at!r}")
    if at.tzinfo is None or at.utcoffset() is None:
        raise InvalidInput(
            f"the {what} {at.isoformat()} has no time zone: give one (e.g. datetime.now(UTC))"
        )
    return at


class TimeTravel:
    """Queries over the past, mixed into :class:`bargaining.BargainingApp`."""

    def as_of(
        self,
        record_id: UUID,
        *,
        version: int | None = None,
        at: datetime | None = None,
    ) -> Aggregate:
        """Any record (unit, cluster, round, framework, campaign) at a version or a moment.

        Give exactly one of ``version`` (1 is the record as first created) or ``at`` (a
        timezone-aware date-time). The record comes back as it was then, without changing it.
        """
        app: Any = self
        if (version is None) == (at is None):
            raise InvalidInput("say either which version or which moment, not both or neither")
        if version is not None:
            if isinstance(version, bool) or not isinstance(version, int) or version < 1:
                raise InvalidInput(f"a version is a whole number from 1, not {version!r}")
            found: Aggregate = app._load(record_id, Aggregate, "record", version=version)
            if found.version < version:
                raise InvalidInput(
                    f"the record {record_id} has {found.version} versions, not {version}"
                )
            return found
        moment = require_moment(at)
        if not isinstance(record_id, UUID):
            raise InvalidInput(f"a record is named by its id (a UUID), not {record_id!r}")
        versions = self._versions_before(record_id, moment)
        if versions is None:
            raise RecordNotFound(f"no record is recorded with id {record_id}")
        if versions == 0:
            raise RecordNotFound(
                f"the record {record_id} did not exist yet at {moment.isoformat()}"
            )
        past: Aggregate = app._load(record_id, Aggregate, "record", version=versions)
        return past

    def _past(self, record_id: UUID, cls: type[T], at: datetime) -> T:
        found = self.as_of(record_id, at=at)
        if not isinstance(found, cls):
            raise RecordNotFound(f"the record {record_id} is not a {cls.__name__}")
        return found

    def _versions_before(self, record_id: UUID, moment: datetime) -> int | None:
        """The version the record had at a moment: 0 if it did not exist yet, None if never."""
        app: Any = self
        seen = False
        with app._reading():
            for domain_event in app.events.get(record_id, desc=True):
                seen = True
                if domain_event.timestamp <= moment:
                    return int(domain_event.originator_version)
        return 0 if seen else None

    @contextmanager
    def expiry_map_as_of(self, at: datetime) -> Iterator[ExpiryMap]:
        """The Expiry Map as it stood at a moment, built in tables of its own and dropped
        afterwards (``ExpiryMap.as_of``); the live map is not disturbed::

            with app.expiry_map_as_of(moment) as past:
                past.month_table(start, end)
        """
        app: Any = self
        expiry_map: ExpiryMap = app.expiry_map
        with expiry_map.as_of(require_moment(at)) as past:
            yield past
