"""What every dispute fact carries: its source, the units it covers, the campaigns and clusters
it concerns. Checked once here, so a law and an intervention refuse the same input the same way.
"""

from __future__ import annotations

from collections.abc import Iterable
from uuid import UUID

from bargaining.domain.shared.errors import InvalidInput
from bargaining.domain.shared.text import MAX_SOURCE, clean_source_text
from bargaining.domain.shared.text import clean_name as clean_text_name


def clean_source(source: object, what: str) -> str:
    """Where the fact is known from: a record a coalition audits says so for every fact."""
    if not isinstance(source, str) or not source.strip():
        raise InvalidInput.worded("the {what} needs its source (where it is known from)",
                                  what=what)
    text = " ".join(source.split())
    if len(text) > MAX_SOURCE:
        raise InvalidInput.worded("the source of the {what} is longer than {max_source} "
                                  "characters", what=what, max_source=MAX_SOURCE)
    return clean_source_text(text, f"source of the {what}")


def clean_ids(ids: object, what: str, *, required: bool) -> tuple[UUID, ...]:
    """Record ids (units, campaigns, clusters), once each in the order given."""
    if ids is None:
        ids = ()
    if isinstance(ids, UUID):
        ids = (ids,)
    if isinstance(ids, str | bytes) or not isinstance(ids, Iterable):
        raise InvalidInput.worded("the {what} are given as ids (UUIDs), not {ids}",
                                  what=what, ids=repr(ids))
    found: list[UUID] = []
    for value in ids:
        if not isinstance(value, UUID):
            raise InvalidInput.worded("the {what} are given as ids (UUIDs), not {value}",
                                      what=what, value=repr(value))
        if value not in found:
            found.append(value)
    if required and not found:
        raise InvalidInput.worded("name the {what} (at least one)", what=what)
    return tuple(found)


def clean_name(name: object, what: str) -> str:
    if not isinstance(name, str) or not name.strip():
        raise InvalidInput.worded("the {what} needs a name", what=what)
    return clean_text_name(name, f"name of the {what}")
