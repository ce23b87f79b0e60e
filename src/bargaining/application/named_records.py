"""Records named by public words (a body by its organization and name, a campaign template by
its name, a rapid response by its threat and local), found under the id the store gives them.

A store gives such a record the id its :class:`~bargaining.domain.shared.record_ids.RecordIds`
derives from the words (keyed on an encrypted store); a record written before keyed ids keeps
the public id it was given then, so a lookup tries the store's id first, then the earlier ones.
"""

from __future__ import annotations

from uuid import UUID

from bargaining.application.ports import Records
from bargaining.domain.shared.record_ids import RecordIds


def recorded_id(records: Records, ids: RecordIds, namespace: UUID, words: str) -> UUID:
    """The id the record of these words is recorded under; the id a new one would be given
    when there is none."""
    return already_recorded(records, ids, namespace, words) or ids.named(namespace, words)


def already_recorded(records: Records, ids: RecordIds, namespace: UUID,
                     words: str) -> UUID | None:
    """The id a record of these words is recorded under, the store's first, then those
    earlier versions gave; ``None`` if there is none."""
    candidates = (ids.named(namespace, words), *ids.earlier(namespace, words))
    return next((uid for uid in candidates if records.contains(uid)), None)
