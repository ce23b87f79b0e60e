"""Which people an event names, for a retention policy's "last active".

People are named in events only by the opaque ids the host gives: the actor who made the
change, a ``person`` or a list of ``people`` (a member joining a team, leaders taking part),
the ``leader`` of a structure test, a session's ``trainer`` and ``trainees``, a mentoring
pair's ``mentor`` and ``mentee``, a call team's ``members``, a motion's ``mover`` and
``seconder``, who gave feedback or led a report, and the person whose data a
:class:`PersonalData` value holds. Any of them makes that person active (on which day:
:func:`bargaining.application.retention.activity_day`).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import attrs

from bargaining.domain.shared.actor import Actor
from bargaining.domain.shared.personal import PersonalData

_ONE = ("person", "leader", "trainer", "mentor", "mentee", "mover", "seconder", "given_by",
        "led_by")
_MANY = ("people", "trainees", "members")


def people_named(event: Any) -> set[str]:
    """The ids of the people an event names (see the module's list)."""
    return set(_named(vars(event), depth=0))


def _named(fields: dict[str, Any], depth: int) -> Iterator[str]:
    for key, value in fields.items():
        if isinstance(value, PersonalData):
            yield value.person
        elif isinstance(value, Actor):
            yield value.id
        elif key in _ONE and isinstance(value, str):
            yield value
        elif key in _MANY and isinstance(value, list | tuple):
            yield from (v for v in value if isinstance(v, str))
        elif depth < 2 and attrs.has(type(value)):
            yield from _named({f.name: getattr(value, f.name)
                               for f in attrs.fields(type(value))}, depth + 1)
