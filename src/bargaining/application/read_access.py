"""The read policy at work: what a reader may read, whose data they see, and the record of
every read that showed them people's data.

History, the audit log and reports ask a :class:`ReadAccess` for a :class:`ReadSession`
per call: it refuses a reader the policy forbids before anything is read, tells the
presentation whether the reader sees each person's data (the organizers of that workplace,
under the default policy), and records the people whose data it showed, as a
:class:`~bargaining.domain.people.access.PersonalDataRead`, before the entries are handed
out: a read that showed anyone's data is never left unrecorded.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

from bargaining.application.ports import Records
from bargaining.domain.organizing.workplace import Workplace
from bargaining.domain.people.access import PersonalDataRead
from bargaining.domain.people.reading import Reader, ReadPolicy
from bargaining.domain.shared.actor import Actor
from bargaining.domain.shared.personal import PersonalData

#: The organizers of a workplace, by its id (today's).
Organizers = Callable[[UUID], frozenset[str]]


class ReadSession:
    """One read by one reader: whose data it showed, recorded by :meth:`flush`."""

    def __init__(self, access: ReadAccess, reader: Reader | None, through: str,
                 record: UUID | None) -> None:
        self._access = access
        self.reader = reader
        self.through = through
        self.record = record
        self.revealed: set[str] = set()
        self._shown: set[str] = set()
        self._organizers: dict[UUID, frozenset[str]] = {}

    def sees(self, event: Any) -> Callable[[PersonalData], bool]:
        """Whether the reader sees each person's data held in ``event``."""
        reader, policy = self.reader, self._access.policy
        if reader is None or reader.role not in policy.personal_data:
            return _nobody
        organizers = None
        if isinstance(event, Workplace.Event):
            organizers = self.organizers(event.originator_id)
        if not policy.sees_people(reader, organizers):
            return _nobody

        def shown(value: PersonalData) -> bool:
            self._shown.add(value.person)
            return True

        return shown

    def settle(self, kept: bool) -> bool:
        """After one entry: the people it showed count as revealed if it is ``kept`` (handed
        to the reader), not if a filter dropped it. Returns ``kept``."""
        if kept:
            self.revealed |= self._shown
        self._shown = set()
        return kept

    def organizers(self, workplace: UUID) -> frozenset[str]:
        found = self._organizers.get(workplace)
        if found is None:
            found = self._organizers[workplace] = self._access.organizers(workplace)
        return found

    def flush(self) -> None:
        """Record the people whose data was shown since the last flush (nothing if none)."""
        if not self.revealed or self.reader is None:
            return
        read = PersonalDataRead.write(
            reader=Actor(self.reader.person, self.reader.role.value),
            people=sorted(self.revealed), through=self.through, record=self.record,
            on=datetime.now(UTC).date())
        self.revealed = set()
        self._access.records.save(read)


def _nobody(value: PersonalData) -> bool:
    return False


class ReadAccess:
    """The application's read policy, the organizers it asks about, and where reads are
    recorded."""

    def __init__(self, records: Records, policy: ReadPolicy, organizers: Organizers) -> None:
        self.records = records
        self.policy = policy
        self.organizers = organizers

    def session(self, reader: object, through: str, record: UUID | None = None
                ) -> ReadSession:
        """A read by ``reader`` (a :class:`Reader` or ``None``: the host's own call)."""
        return ReadSession(self, self.policy.check_reader(reader), through, record)

    def audit(self, reader: object, record: UUID | None = None) -> ReadSession:
        """A read of the audit log, refused (:class:`NotAllowedToRead`) for a role the
        policy does not let read it."""
        checked = self.policy.check_reader(reader)
        self.policy.check_audit(checked)
        return ReadSession(self, checked, "audit log", record)
