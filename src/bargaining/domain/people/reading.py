"""Who may read what: the reader a host names, and the policy the library enforces.

The host authenticates people; the library is told who reads (a :class:`Reader`: the opaque
id the host knows them by and their :class:`Role`) and enforces the :class:`ReadPolicy` it is
given. The default policy is the field guide's: a person's data (names, contacts, assessments,
notes) only to the organizers of that workplace; the audit log to stewards and organizers, the
committee and auditors, not to members; counts of groups smaller than five hidden from
members, since a count of a work group of three says who did not take part.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable

import attrs

from bargaining.domain.people.small_groups import close_readings, identifying
from bargaining.domain.shared.errors import BargainingError, InvalidInput
from bargaining.domain.shared.people import person_id

#: The smallest group whose counts a member-facing view shows (the field guide's five).
SMALLEST_GROUP_SHOWN = 5
#: The kinds of record whose history only ``organizing_records`` roles may read: a
#: workplace's maps and tests and a drive's card counts count small groups.
ORGANIZING_KINDS = frozenset({"Workplace", "AreaTeam", "Drive"})


class NotAllowedToRead(BargainingError, PermissionError):
    """The reader's role may not read this under the application's read policy. Nothing was
    read and nothing recorded."""


class Role(enum.Enum):
    """What a reader is to the record (the issue's roles)."""

    MEMBER = "member"
    STEWARD = "steward"
    ORGANIZER = "organizer"
    COMMITTEE = "committee"
    AUDITOR = "auditor"

    @classmethod
    def of(cls, value: object) -> Role:
        """A role, or its name in words (``"organizer"``)."""
        if isinstance(value, Role):
            return value
        for role in cls:
            if isinstance(value, str) and value.strip().lower() == role.value:
                return role
        raise InvalidInput.worded("a reader's role is member, steward, organizer, committee or "
                                  "auditor")


def _role(value: object) -> Role:
    return Role.of(value)


@attrs.frozen
class Reader:
    """Who is reading: the opaque id the host authenticated them as, and their role."""

    person: str = attrs.field(converter=person_id)
    role: Role = attrs.field(converter=_role)

    @classmethod
    def parse(cls, text: str) -> Reader:
        """``"organizer:o-3"`` (role, a colon, the person's id), as the command line takes it."""
        if not isinstance(text, str):
            raise InvalidInput.worded("a reader is written role:person, such as organizer:o-3")
        role, sep, person = text.partition(":")
        if not sep:
            raise InvalidInput.worded("a reader is written role:person, such as organizer:o-3")
        return cls(person, role)


def _roles(value: object) -> frozenset[Role]:
    if isinstance(value, str | Role):
        value = (value,)
    if not isinstance(value, list | tuple | set | frozenset):
        raise InvalidInput.worded("roles are given as a set of roles")
    return frozenset(Role.of(v) for v in value)


def _smallest(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise InvalidInput.worded("the smallest group shown is a whole number of people, at "
                                  "least 1")
    return value


@attrs.frozen(kw_only=True)
class ReadPolicy:
    """What each role may read. ``audit_log``: the roles that may read the whole
    application's audit log and its exports; ``personal_data``: the roles that see a person's
    data, and then only as an organizer of the workplace the record is about
    (``organizers_only``; a host that turns it off lets those roles see every person's data);
    ``member_roles``: the roles whose views are member-facing, where counts of groups smaller
    than ``smallest_group`` are hidden; ``organizing_records``: the roles that may read the
    history of an area team, a workplace or an organizing drive (their maps, tests and card
    counts count small groups: members read the workplace's counts through
    ``app.organizing.group_counts`` and a drive through ``app.drives.get``)."""

    audit_log: frozenset[Role] = attrs.field(
        default=frozenset({Role.STEWARD, Role.ORGANIZER, Role.COMMITTEE, Role.AUDITOR}),
        converter=_roles)
    personal_data: frozenset[Role] = attrs.field(
        default=frozenset({Role.ORGANIZER, Role.STEWARD}), converter=_roles)
    organizers_only: bool = True
    member_roles: frozenset[Role] = attrs.field(default=frozenset({Role.MEMBER}),
                                                converter=_roles)
    smallest_group: int = attrs.field(default=SMALLEST_GROUP_SHOWN, converter=_smallest)
    organizing_records: frozenset[Role] = attrs.field(
        default=frozenset({Role.STEWARD, Role.ORGANIZER, Role.COMMITTEE, Role.AUDITOR}),
        converter=_roles)

    def check_audit(self, reader: Reader | None) -> None:
        """Refuse a reader whose role may not read the audit log (no reader: the host's own
        call, allowed; personal data in it stays hidden)."""
        if reader is not None and reader.role not in self.audit_log:
            raise NotAllowedToRead.worded("a {value} may not read the audit log",
                                          value=reader.role.value)

    def may_read_record(self, reader: Reader | None, kind: str) -> bool:
        """Whether the reader's role may read the history of this kind of record (the audit
        log leaves out what it may not)."""
        return (reader is None or kind not in ORGANIZING_KINDS
                or reader.role in self.organizing_records)

    def check_record(self, reader: Reader | None, kind: str) -> None:
        """Refuse a reader whose role may not read the history of this kind of record."""
        if reader is not None and not self.may_read_record(reader, kind):
            raise NotAllowedToRead.worded("a {value} may not read the organizing record of a "
                                          "workplace, an area team or a drive",
                                          value=reader.role.value)

    def sees_people(self, reader: Reader | None, organizers: frozenset[str] | None) -> bool:
        """Whether the reader sees the personal data of a record whose workplace has these
        organizers (``None``: the record is not about a workplace)."""
        if reader is None or reader.role not in self.personal_data:
            return False
        if not self.organizers_only:
            return True
        return organizers is not None and reader.person in organizers

    def member_facing(self, reader: Reader | None) -> bool:
        """Whether the reader's views hide counts of small groups."""
        return reader is not None and reader.role in self.member_roles

    def check_counts(self, reader: Reader | None, counts: Iterable[tuple[int, int]],
                     readings: Iterable[tuple[int, int]] = ()) -> None:
        """Refuse a member-facing reader a record whose counts, each (eligible, took part),
        would single out fewer than the smallest group shown (see
        :func:`~bargaining.domain.people.small_groups.identifying`), or any two of whose
        ``readings`` (the same group's (eligible, took part) on different days or moments,
        every one a member may read) would (see
        :func:`~bargaining.domain.people.small_groups.close_readings`): 150 cards on one day
        and 152 on another name the two who signed in between, whatever was counted between
        them."""
        if not self.member_facing(reader):
            return
        assert reader is not None
        if (any(identifying(e, p, self.smallest_group) for e, p in counts)
                or close_readings(readings, self.smallest_group)):
            raise NotAllowedToRead.worded("a {value} may not read these counts: they would "
                                          "single out fewer than {smallest} workers",
                                          value=reader.role.value,
                                          smallest=self.smallest_group)

    def check_reader(self, reader: object) -> Reader | None:
        """A reader given to a call: a :class:`Reader`, or ``None``."""
        if reader is None or isinstance(reader, Reader):
            return reader
        raise InvalidInput.worded("a reader is a Reader(person, role), such as Reader('o-3', "
                                  "'organizer')")
