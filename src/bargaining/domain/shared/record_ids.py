"""Ids of records named by public words (a unit by its union, local, employer and unit name;
a body by its organization and name; a campaign template by its name).

Such a record's id is derived from its words, so the same names find the same record and
registering them twice is refused, not duplicated. How it is derived is the store's choice, a
:class:`RecordIds` the application is wired with: on a store without encryption, a UUID 5 of a
published namespace and the words (:data:`PUBLIC_IDS`, what every release has used); on an
encrypted store, a keyed derivation that nobody without the key can compute
(``bargaining.infrastructure.record_ids``), since ids are stored in clear beside the encrypted
events and a computable id says whose record it is. The domain only asks for an id.
"""

from __future__ import annotations

import functools
import uuid
from typing import Any, Protocol, TypeVar
from uuid import UUID

from eventsourcing.domain import Aggregate

A = TypeVar("A", bound=Aggregate)


class RecordIds(Protocol):
    """How records named by public words get their ids."""

    @property
    def keyed(self) -> bool:
        """Whether ids need a key to compute (an encrypted store's)."""
        ...

    def named(self, namespace: UUID, words: str) -> UUID:
        """The id a new record named by ``words`` (normalised by its kind) is given."""
        ...

    def earlier(self, namespace: UUID, words: str) -> tuple[UUID, ...]:
        """Ids that earlier versions gave a record of these words, which it keeps: looked up
        when none is recorded under :meth:`named`'s."""
        ...


class PublicIds:
    """UUID 5 of a published namespace and the words: anyone can compute them, which is
    harmless where the events themselves are readable, and what stores keep."""

    keyed = False

    def named(self, namespace: UUID, words: str) -> UUID:
        return _uuid5(namespace, words)

    def earlier(self, namespace: UUID, words: str) -> tuple[UUID, ...]:
        return ()


@functools.lru_cache(maxsize=16384)
def _uuid5(namespace: UUID, words: str) -> UUID:
    """Remembered lately computed: an import meets a unit's rows close together."""
    return uuid.uuid5(namespace, words)


#: The ids of a store without encryption (and of every store written before keyed ids).
PUBLIC_IDS: RecordIds = PublicIds()


def created(record_class: type[A], event_name: str, record_id: UUID | None, /,
            **fields: Any) -> A:
    """A new record of ``record_class`` by its creation event ``event_name``, under ``record_id``
    (the id the store gives its words), or under the public id its ``create_id`` derives when
    none is given. The record and its event are the same either way but for the id."""
    if record_id is None:
        return record_class(**fields)
    return record_class._create(getattr(record_class, event_name), id=record_id, **fields)
