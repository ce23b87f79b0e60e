"""A choice among an enumeration's members, given as the member or as its words."""

from __future__ import annotations

import enum
from typing import TypeVar

from bargaining.domain.shared.errors import InvalidInput

E = TypeVar("E", bound=enum.Enum)


def choice(value: object, kind: type[E], what: str) -> E:
    """One of ``kind``'s members, given as itself or its words ("election"); a refusal in
    words naming every choice otherwise: a host's form posts words, not members."""
    if isinstance(value, kind):
        return value
    try:
        return kind(value)
    except ValueError:
        words = ", ".join(str(member.value) for member in kind)
        raise InvalidInput.worded("a {what} is one of {words}; not {value}",
                                  what=what, words=words, value=repr(value)) from None
