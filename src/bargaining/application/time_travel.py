"""Records as they stood at a moment of recording (the second timeline: "as known at T").

"As of a moment" means the state after the last event recorded at or before it: the events'
own timestamps (UTC, set when the command ran) decide.
"""

from __future__ import annotations

from typing import TypeVar
from uuid import UUID

from bargaining.application.ports import Records
from bargaining.domain.shared.dates import require_moment
from bargaining.domain.shared.errors import InvalidInput, RecordNotFound

A = TypeVar("A")


def load_as_of(records: Records, record_id: object, kind: type[A], what: str, at: object) -> A:
    """A record of this kind as it stood at a moment, or a refusal in words."""
    moment = require_moment(at)
    if not isinstance(record_id, UUID):
        raise InvalidInput(f"a {what} is named by its id (a UUID), not {record_id!r}")
    versions = records.version_at(record_id, moment)
    if versions is None:
        raise RecordNotFound(f"no {what} is recorded with id {record_id}")
    if versions == 0:
        raise RecordNotFound(
            f"the {what} {record_id} did not exist yet at {moment.isoformat()}"
        )
    return records.load(record_id, kind, what, version=versions)
