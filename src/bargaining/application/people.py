"""Erasing a person: their key deleted, an erasure recorded, their data erased everywhere.

``app.people`` is a :class:`People`. A person's data (:class:`PersonalData`) is sealed with that
person's own key; :meth:`People.erase` deletes the key in the same transaction as the erasure
event, so every record, history entry and export then shows "erased person" where the data was,
nobody else's history changes, and the hash chain (which vouches for the stored bytes, which do
not change) still verifies. Retention policies and read roles are built on this API: erasure by
person id, and :meth:`People.sealed`, the people with sealed data and when it was last touched.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any, Protocol
from uuid import UUID

import attrs

from bargaining.application.ports import EventLog, Records
from bargaining.application.retention import RetentionResult, inactive, last_active
from bargaining.domain.people.access import PersonalDataRead
from bargaining.domain.people.erasure import Erasure
from bargaining.domain.people.reading import NotAllowedToRead, Reader, ReadPolicy, Role
from bargaining.domain.people.redaction import (
    Redaction,
    RedactionReason,
    require_redaction_reason,
)
from bargaining.domain.people.retention import RetentionPolicy, RetentionRun
from bargaining.domain.shared.actor import Actor, require_actor
from bargaining.domain.shared.dates import require_date
from bargaining.domain.shared.errors import InvalidInput, RecordNotFound, RuleViolation, term
from bargaining.domain.shared.people import person_id
from bargaining.domain.shared.text import FREE_TEXT, RedactedText


class PersonKeyVault(Protocol):
    """The person-key vault, as erasure needs it (``infrastructure/person_keys.py``)."""

    def erasure_id(self, owner: str) -> UUID: ...

    def has_keys(self, owner: str) -> bool: ...

    def erase(self, owner: str) -> None:
        """Delete the owner's keys with this thread's next save."""

    def owners(self) -> list[tuple[str, float, float]]: ...

    def redaction_id(self, record_id: UUID, version: int) -> UUID: ...

    def redact(self, record_id: UUID, version: int) -> None:
        """Delete the key of the version's free text with this thread's next save."""

    @property
    def hidden(self) -> dict[tuple[UUID, int], bool]:
        """Versions known to be redacted, for text stored in clear before notes were sealed."""


class PeopleStore(Records, EventLog, Protocol):
    """What erasure and redaction ask of the store: records, and a record's events."""


@attrs.frozen
class ErasureResult:
    """What :meth:`People.erase` did. ``recorded`` is false when the person was already
    erased and nothing was left to delete (erasing twice is harmless, recorded once)."""

    person: str
    record: UUID
    on: date
    recorded: bool


@attrs.frozen(kw_only=True)
class DataRead:
    """One read that showed a person's data: the reader's id and role, through what
    (history, audit log, report), the record read (if one), the day and moment."""

    reader: str
    role: str
    through: str
    record: UUID | None
    on: date
    at: datetime


@attrs.frozen
class RedactionResult:
    """What :meth:`People.redact` did: the redaction's record, and whether it was recorded now
    (false when that version was already redacted)."""

    record: UUID
    version: int
    redaction: UUID
    on: date
    recorded: bool


@attrs.frozen
class SealedPerson:
    """A person with data sealed under their key: when it was first sealed, and when data of
    theirs was last recorded (within the hour), for a host's retention policy."""

    person: str
    first_sealed: datetime
    last_touched: datetime


class People:
    """Erasure of people's data, and the people whose data the store holds sealed."""

    def __init__(self, records: PeopleStore, vault: PersonKeyVault,
                 log: EventLog | None = None, policy: ReadPolicy | None = None) -> None:
        self._records = records
        self._vault = vault
        self._log = log
        #: The read policy (who may read the record of reads: auditors and the committee).
        self.policy = policy or ReadPolicy()
        #: Called with a person's id after their erasure is recorded: read models that hold
        #: data about people purge it here.
        self.on_erasure: list[Callable[[str], object]] = []

    def erase(self, person: str, *, actor: Actor, on: date,
              reason: str | None = None) -> ErasureResult:
        """Forget a person: delete their key and record the erasure (who, on what day, why:
        keep the reason free of the person's data, it is not erased). Their data then reads
        as "erased person" everywhere. Erasing again records nothing unless data was sealed
        for them since."""
        who = person_id(person)
        require_actor(actor)
        day = require_date(on, term("day of the erasure"))
        record_id = self._vault.erasure_id(who)
        found = self.erasure(who)
        if found is not None and not self._vault.has_keys(who):
            return ErasureResult(who, record_id, found.erasures[-1], recorded=False)
        if found is None:
            found = Erasure.record(record_id, actor=actor, on=day, reason=reason)
        else:
            found.again(actor=actor, on=day, reason=reason)
        self._vault.erase(who)
        self._records.save(found)
        for purge in self.on_erasure:
            purge(who)
        return ErasureResult(who, record_id, day, recorded=True)

    def erasure(self, person: str) -> Erasure | None:
        """The person's erasure record (its days in ``erasures``), or ``None``."""
        record_id = self._vault.erasure_id(person_id(person))
        try:
            return self._records.load(record_id, Erasure, term("erasure"))
        except RecordNotFound:
            return None

    def redact(self, record_id: UUID, version: int, *, actor: Actor, on: date,
               reason: RedactionReason) -> RedactionResult:
        """Redact the free text (reasons, a motion's or an amendment's words, feedback, a
        version's note, an action taken part in) of one version of a record, by a recorded
        decision: the key it was sealed with is deleted in the same transaction as the
        redaction's event, and the text then reads as "[redacted]" everywhere. ``reason`` is
        a :class:`RedactionReason`, never free text, so the redaction re-leaks nothing. Text
        stored before notes were sealed is hidden on read instead (its bytes stay in such a
        store). Redacting a version twice records nothing the second time."""
        require_actor(actor)
        day = require_date(on, term("day of the redaction"))
        ground = require_redaction_reason(reason)
        if not isinstance(record_id, UUID):
            raise InvalidInput.worded("a record is named by its id (a UUID), not {record_id}",
                                      record_id=repr(record_id))
        if (isinstance(version, bool) or not isinstance(version, int)
                or not 1 <= version <= 2**63 - 1):
            raise InvalidInput.worded("a record's version is a whole number from 1")
        found = self._records.read_record(record_id, version - 1, 1)
        if not found or found[0].originator_version != version:
            raise RecordNotFound.worded("no record {record_id} has a version {version}",
                                        record_id=record_id, version=version)
        redaction_id = self._vault.redaction_id(record_id, version)
        try:
            done = self._records.load(redaction_id, Redaction, term("redaction"))
        except RecordNotFound:
            pass
        else:
            return RedactionResult(record_id, version, redaction_id, done.on, recorded=False)
        if not _free_text(vars(found[0])):
            raise RuleViolation.worded("version {version} of record {record_id} holds no free "
                                       "text to redact",
                                       version=version, record_id=record_id)
        made = Redaction.record(redaction_id, record=record_id, version=version, actor=actor,
                                on=day, reason=ground)
        self._vault.redact(record_id, version)
        self._records.save(made)
        self._vault.hidden[record_id, version] = True
        return RedactionResult(record_id, version, redaction_id, day, recorded=True)

    def sealed(self) -> list[SealedPerson]:
        """Every person whose data the store holds sealed under a key, by id."""
        return [SealedPerson(owner, _moment(first), _moment(last))
                for owner, first, last in self._vault.owners()]


    def reads_of(self, person: str, *, reader: Reader) -> list[DataRead]:
        """Every recorded read that showed the person's data, oldest first: who read it,
        when, through what, the record read. Only an auditor or the committee may ask."""
        who = person_id(person)
        checked = self.policy.check_reader(reader)
        if checked is None or checked.role not in (Role.AUDITOR, Role.COMMITTEE):
            raise NotAllowedToRead.worded("only an auditor or the committee may read who read a "
                                          "person's data")
        return [DataRead(reader=e.actor.id, role=e.actor.role, through=e.through,
                         record=e.record, on=e.on, at=e.timestamp.astimezone(UTC))
                for e in self._reads() if who in e.people]

    def apply_retention(self, policy: RetentionPolicy, *, on: date, actor: Actor,
                        dry_run: bool = False, reason: str | None = None
                        ) -> RetentionResult:
        """Erase every person whose data is sealed and who was last active before the
        policy's cut-off on ``on``, and record the run (how many, which ids, the policy).
        ``dry_run`` lists them and erases and records nothing; so does a run that finds
        nobody (a second run)."""
        if not isinstance(policy, RetentionPolicy):
            raise InvalidInput.worded("a retention policy is a RetentionPolicy(inactive_for=...)")
        require_actor(actor)
        day = require_date(on, term("day of the retention run"))
        cutoff = policy.cutoff(day)
        sealed = {p.person: p.last_touched.date() for p in self.sealed()}
        found = inactive(sorted(sealed), last_active(self._event_log(), day), cutoff,
                         sealed.__getitem__)
        result = RetentionResult(policy, day, cutoff, tuple(found), dry_run)
        if dry_run or not found:
            return result
        for person in found:
            self.erase(person, actor=actor, on=day, reason=policy.describe())
        run = RetentionRun.record(policy=policy, erased=found, on=day, actor=actor,
                                  reason=reason)
        self._records.save(run)
        return attrs.evolve(result, record=run.id)

    def _event_log(self) -> EventLog:
        if self._log is None:
            raise InvalidInput.worded("this People was made without the event log")
        return self._log

    def _reads(self) -> list[Any]:
        log, after, found = self._event_log(), 0, []
        while True:
            page = log.read_log(after, 1000, (PersonalDataRead,))
            found += [event for _, event in page]
            if len(page) < 1000:
                return found
            after = page[-1][0]
def _free_text(state: dict[str, object]) -> bool:
    """Whether an event holds free text not yet redacted (at its top or in its values)."""
    for name, value in state.items():
        if name in FREE_TEXT and isinstance(value, str) and not isinstance(value, RedactedText):
            return True
        kind: Any = type(value)
        if attrs.has(kind) and _free_text(
                {f.name: getattr(value, f.name) for f in attrs.fields(kind)}):
            return True
    return False


def _moment(seconds: float) -> datetime:
    return datetime.fromtimestamp(seconds, UTC)
