"""Checks of the plain values a campaign is given: names and unit ids.

Every campaign module refuses a blank name or a unit named by anything but its id in the same
words, so the checks live once, here.
"""

from __future__ import annotations

from uuid import UUID

from bargaining.domain.shared.errors import InvalidInput, term
from bargaining.domain.shared.text import clean_name


def require_text(value: object, what: str) -> str:
    """Non-blank text with its spacing tidied; ``what`` names the value in the refusal."""
    if not isinstance(value, str) or not value.strip():
        raise InvalidInput.worded("{what} must be non-blank text, not {value}",
                                  what=what, value=repr(value))
    return " ".join(value.split())


def require_name(value: object, what: str) -> str:
    """A name a command is given (a campaign's): non-blank, checked as every record's names
    are (:func:`~bargaining.domain.shared.text.clean_name`). Not for values read back from
    stored events, which were valid when recorded."""
    text = clean_name(value, what)
    if not text:
        raise InvalidInput.worded("the {what} must be non-blank text", what=what)
    return text


def checked_group(value: str | None) -> str | None:
    """A work group's name a command is given, checked as every record's names are
    (:func:`~bargaining.domain.shared.text.clean_name`: no control or invisible formatting
    characters, composed form). A ``Turnout`` or ``PlannedUnit`` tidies spacing only, since
    those stored by earlier releases read back through it."""
    if value is None or (value.isascii() and value.isprintable()):
        return value
    return require_name(value, term("work group's name"))


def require_unit_id(value: object) -> UUID:
    """A unit's id: a campaign holds units by id, never by name."""
    if not isinstance(value, UUID):
        raise InvalidInput.worded("a unit is named by its id (a UUID), not {value}",
                                  value=repr(value))
    return value
