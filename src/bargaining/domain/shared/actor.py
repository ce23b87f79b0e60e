"""Who made a change: every recorded event names an actor, and optionally why."""

from __future__ import annotations

from typing import Any

import attrs

from bargaining.domain.shared.errors import InvalidInput, MissingActor, term
from bargaining.domain.shared.text import check_label, clean_paragraphs


def _not_blank(instance: Any, attribute: attrs.Attribute[str], value: str) -> None:
    if not isinstance(value, str) or not value.strip():
        raise InvalidInput.worded("an actor needs a non-blank {attribute}",
                                  attribute=attribute.name)


@attrs.frozen
class Actor:
    """A person or body acting on the record: an id the host knows them by, and their role.
    Commands check both as one line of plain text of at most 200 characters when they are
    given (:func:`require_actor`); actors read back from history are not checked again.

    Examples: ``Actor("u-17", "bargaining team chair")``, ``Actor("importer", "data steward")``.
    """

    id: str = attrs.field(validator=_not_blank)
    role: str = attrs.field(validator=_not_blank)

    def __str__(self) -> str:
        return f"{self.id} ({self.role})"


def require_actor(actor: object) -> Actor:
    """Refuse a command that does not say who is making it."""
    if actor is None:
        raise MissingActor.worded("every change must name an actor (an id and a role); none was "
                                  "given")
    if not isinstance(actor, Actor):
        raise MissingActor.worded("the actor must be an Actor(id, role), not {name}",
                                  name=type(actor).__name__)
    check_label(actor.id, term("actor's id"))
    check_label(actor.role, term("actor's role"))
    return actor


def clean_reason(reason: object) -> str | None:
    """A reason is optional free text, which may run to paragraphs (line breaks are kept);
    blank means none. Control characters other than line breaks, direction overrides and
    reasons over :data:`~bargaining.domain.shared.text.MAX_REASON` characters are refused."""
    if reason is None:
        return None
    if not isinstance(reason, str):
        raise InvalidInput.worded("a reason must be text")
    return clean_paragraphs(reason, term("reason")) or None
