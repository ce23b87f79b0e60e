"""Personal data about one worker: the most dangerous thing the library holds.

A person is recorded by the opaque id the host knows them by (:func:`person_id`). What is
*about* them (a name, a contact, an organizer's 1-5 assessment of their support, notes) is
carried in a :class:`PersonalData` value, never in a plain field, so that the store can seal it
with that person's own key and erase it by deleting the key: their history then reads as an
erased person everywhere, and nobody else's history breaks.

The value never shows its contents in ``repr`` or ``str``: an exception or a log line that
formats it cannot leak a name. Hosts read the fields explicitly, through the policy that
decides who may see them.
"""

from __future__ import annotations

import attrs

from bargaining.domain.shared.errors import InvalidInput, term
from bargaining.domain.shared.people import person_id
from bargaining.domain.shared.text import MAX_REASON, clean_name, clean_paragraphs

#: How an erased person is shown wherever their data was.
ERASED = "erased person"
#: How a person is shown to a reader who may not see their data.
HIDDEN = "a person"
#: The lowest and highest assessment of a worker's support (1 strongest, 5 opposed, as
#: organizers score it).
ASSESSMENT_SCALE = range(1, 6)


def _optional_name(value: object) -> str | None:
    if value is None:
        return None
    return clean_name(value, term("person's name")) or None


def _optional_contact(value: object) -> str | None:
    if value is None:
        return None
    return clean_name(value, term("person's contact")) or None


def _assessment(value: object) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value not in ASSESSMENT_SCALE:
        raise InvalidInput.worded("an assessment is a whole number from 1 to 5")
    return value


def _notes(value: object) -> str | None:
    if value is None:
        return None
    return clean_paragraphs(value, term("note about a person"), most=MAX_REASON) or None


@attrs.frozen(repr=False)
class PersonalData:
    """What the record holds about one person, sealed with their own key when stored.

    ``person`` is the host's opaque id (it stays readable: it is how an erasure finds the
    person). ``erased`` is true when read back after the person's key was deleted: every
    other field is then ``None``.
    """

    person: str = attrs.field(converter=person_id)
    name: str | None = attrs.field(default=None, converter=_optional_name)
    contact: str | None = attrs.field(default=None, converter=_optional_contact)
    assessment: int | None = attrs.field(default=None, converter=_assessment)
    notes: str | None = attrs.field(default=None, converter=_notes)
    erased: bool = attrs.field(default=False, kw_only=True)

    @classmethod
    def erased_for(cls, person: str) -> PersonalData:
        """What reads back for a person whose key was deleted."""
        return cls(person, erased=True)

    def shown(self) -> str:
        """The person as a sentence names them: their name, or :data:`ERASED`."""
        if self.erased:
            return ERASED
        return self.name or HIDDEN

    def __repr__(self) -> str:
        state = "erased" if self.erased else "sealed"
        return f"PersonalData(person={self.person!r}, <{state}>)"

    __str__ = __repr__
