"""What every record of the defense context checks the same way: lists of names, ids, kinds."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from typing import TypeVar
from uuid import UUID

from bargaining.domain.disputes.facts import clean_ids
from bargaining.domain.shared.errors import InvalidInput
from bargaining.domain.shared.text import clean_name

E = TypeVar("E", bound=enum.Enum)


def names(values: object, what: str) -> tuple[str, ...]:
    """One name or several, each checked as a name, once each (whatever their case and
    spacing) in the order given; none is an empty tuple."""
    if values is None:
        return ()
    if isinstance(values, str):
        values = (values,)
    if not isinstance(values, Iterable):
        raise InvalidInput.worded("the {what} are given as names (text), not {values}",
                                  what=what, values=repr(values))
    found: list[str] = []
    for value in values:
        if not isinstance(value, str) or not value.strip():
            raise InvalidInput.worded("the {what} are given as non-blank names, not {value}",
                                      what=what, value=repr(value))
        text = clean_name(value, what)
        if text.casefold() not in (f.casefold() for f in found):
            found.append(text)
    return tuple(found)


def ids(values: object, what: str) -> tuple[UUID, ...]:
    """Record ids, once each in the order given (none is an empty tuple)."""
    return clean_ids(values, what, required=False)


def kind_of(cls: type[E], value: object, what: str) -> E:
    """A member of an enum, given as itself or by its words."""
    if isinstance(value, cls):
        return value
    try:
        return cls(value)
    except ValueError:
        raise InvalidInput.worded("a {what} is one of: {cls2}; not {value}",
                                  what=what, cls2=', '.join(str(k.value) for k in cls),
                                  value=repr(value)) from None


def key(name: str) -> str:
    """How two names are compared: case and spacing aside."""
    return " ".join(name.split()).casefold()
