"""People in the record: named only by the opaque ids the host gives.

A person's name, contact and notes are personal data (the field guide's privacy rules): the
library records a person only as the id the host knows them by, and the host keeps who that is.
Role holders, a report's lead, a caucus's members are all such ids.
"""

from __future__ import annotations

from bargaining.domain.shared.errors import InvalidInput
from bargaining.domain.shared.text import check_label


def person_id(value: object, what: str = "person's id") -> str:
    """A person as the record names them: the opaque id the host gives, never a name."""
    if not isinstance(value, str) or not value.strip():
        raise InvalidInput.worded("a {what} is the opaque id the host knows the person by (never "
                                  "their name)", what=what)
    return check_label(value, what)
