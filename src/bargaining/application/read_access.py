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

import copy
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

import attrs

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
        return self.sees_about(event.originator_id if isinstance(event, Workplace.Event)
                               else None)

    def sees_about(self, workplace: UUID | None) -> Callable[[PersonalData], bool]:
        """Whether the reader sees each person's data held about ``workplace`` (``None``: a
        record that is no workplace's); each person shown counts as revealed on
        :meth:`settle`."""
        reader, policy = self.reader, self._access.policy
        if reader is None or reader.role not in policy.personal_data:
            return _nobody
        organizers = None if workplace is None else self.organizers(workplace)
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


def as_read(value: PersonalData | None, sees: Callable[[PersonalData], bool],
            ) -> PersonalData | None:
    """A person's data as a reader sees it: as recorded if ``sees`` lets them (or the person
    was erased: "erased person" to everyone), else the person's opaque id alone ("a
    person")."""
    if value is None or value.erased or sees(value):
        return value
    return PersonalData(value.person)


def workplace_as_read(found: Workplace, session: ReadSession) -> Workplace:
    """A copy of a workplace whose leaders' data the reader sees only where the policy lets
    them (the record itself is left as loaded); the people shown count as revealed."""
    sees = session.sees_about(found.id)
    shown = copy.copy(found)
    shown.leaders = {person: attrs.evolve(leader, personal=as_read(leader.personal, sees))
                     for person, leader in found.leaders.items()}
    session.settle(True)
    return shown


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

    def record(self, reader: object, kind: str, through: str, record: UUID | None = None,
               ) -> ReadSession:
        """A read of one record of this kind (``"Workplace"``), refused
        (:class:`NotAllowedToRead`) before anything is read for a role the policy does not
        let read such records."""
        session = self.session(reader, through, record)
        self.policy.check_record(session.reader, kind)
        return session

    def audit(self, reader: object, record: UUID | None = None) -> ReadSession:
        """A read of the audit log, refused (:class:`NotAllowedToRead`) for a role the
        policy does not let read it."""
        checked = self.policy.check_reader(reader)
        self.policy.check_audit(checked)
        return ReadSession(self, checked, "audit log", record)
