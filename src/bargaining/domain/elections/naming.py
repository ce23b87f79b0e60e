"""Names an election or a caucus records (an office, a slate, a ballot box, a local): tidied
free text, never blank."""

from __future__ import annotations

from bargaining.domain.shared.errors import InvalidInput
from bargaining.domain.shared.text import MAX_NAME, clean_name


def named(value: object, what: str, *, most: int = MAX_NAME) -> str:
    """``value`` as a name (see :func:`~bargaining.domain.shared.text.clean_name`); a blank
    one is refused, naming ``what``."""
    text = clean_name(value, what, most=most)
    if not text:
        raise InvalidInput.worded("a {what} cannot be blank", what=what)
    return text
