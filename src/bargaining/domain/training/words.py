"""What every record of the training context checks the same way: names, people, days."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from bargaining.domain.shared.dates import require_date
from bargaining.domain.shared.errors import InvalidInput
from bargaining.domain.shared.people import person_id
from bargaining.domain.shared.text import clean_name


def named(value: object, what: str) -> str:
    """A name (a topic, a team, a role, a step): one line of plain text, never blank."""
    text = clean_name(value, what)
    if not text:
        raise InvalidInput(f"a {what} cannot be blank")
    return text


def optional_local(value: object) -> str | None:
    """The local a record belongs to, when one is named."""
    return None if value is None else named(value, "local")


def people(values: object, what: str, *, at_least: int = 1) -> list[str]:
    """A list of people by their opaque ids, each once, in the order given."""
    if isinstance(values, str) or not isinstance(values, Sequence):
        raise InvalidInput(f"the {what} are a list of the ids the host knows them by")
    ids = [person_id(v, f"{what[:-1] if what.endswith('s') else what}'s id") for v in values]
    if len(set(ids)) != len(ids):
        raise InvalidInput(f"each of the {what} is named once")
    if len(ids) < at_least:
        raise InvalidInput(f"at least {at_least} of the {what} must be named")
    return ids


def not_before(value: object, first: date, what: str, since: str) -> date:
    """A day that cannot fall before ``first`` (the record's own first day)."""
    day = require_date(value, what)
    if day < first:
        raise InvalidInput(f"the {what} ({day}) is before {since} ({first})")
    return day
