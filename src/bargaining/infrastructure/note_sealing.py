"""Free text sealed per note: reasons that a recorded decision can redact.

A reason given to a command ("Marie on nights is wavering") goes into history and every export,
and the hash chain vouches for the stored bytes, which never change. So free text is sealed as
personal data is (crypto-shredding, ``person_keys``): each record's version gets a random key of
its own, written in the same transaction as the event, and every free-text field of that event
(:data:`FREE_TEXT`, at the top of the event and inside the value objects it carries) is sealed
with it (ChaCha20-Poly1305, bound to the key's id). A redaction deletes that key; the text then
reads as :data:`~bargaining.domain.shared.text.REDACTED` wherever it was.

Stored form, inside the event's JSON (which the application's cipher then encrypts as a whole
on an encrypted store)::

    "reason": {"_type_": "note", "_data_": {"key": "<key id, hex>", "sealed": "<base64>"}}

Free text written by or with one person (:data:`~bargaining.domain.shared.text.PERSON_BOUND`:
a document's feedback, an action one leader took part in) is sealed twice: with its version's
key, then with that person's own key (``person_keys``), bound to the person's id. Either key
deleted, a redaction or the person's erasure, and it reads as redacted::

    "text": {"_type_": "note", "_data_": {"key": "<key id, hex>", "person": "<opaque id>",
             "person_key": "<key id, hex>", "sealed": "<base64>"}}

Decoded, it is the same ``str`` as before, so released event classes keep their shape and
released stores (whose reasons are plain strings) read unchanged.

A record keeps some reasons in its state (a campaign's moves, a cluster's admissions), so its
snapshots would hold them too: their free text is sealed with a key per record's snapshots,
which a redaction of any of the record's versions deletes as well; the record's older snapshots
then no longer open and it is replayed from its events (a snapshot is a cache), and the next
snapshot gets a new key.

Text stored before this existed is plain: it cannot be shredded, only hidden on read after a
redaction decision (``hidden``, set by the event store: it asks whether a redaction of that
version is recorded).
"""

from __future__ import annotations

import base64
import threading
from collections.abc import Callable
from typing import Any
from uuid import UUID

import attrs
from eventsourcing.domain import DomainEventProtocol
from eventsourcing.persistence import JSONTranscoder, Mapper, StoredEvent, Transcoding

from bargaining.domain.shared.text import FREE_TEXT, PERSON_BOUND, REDACTED, RedactedText
from bargaining.infrastructure.errors import StoreError
from bargaining.infrastructure.key_tables import note_owner, snapshot_owner
from bargaining.infrastructure.person_keys import PersonKeys
from bargaining.infrastructure.personal_sealing import open_bytes, seal_bytes


class SealedNote:
    """Free text on its way into a stored event or snapshot, to be sealed there."""

    __slots__ = ("person", "text")

    def __init__(self, text: str, person: str | None = None) -> None:
        self.text = text
        #: The person the text is bound to as well (sealed with their key too), if any.
        self.person = person


class NoteRedacted(Exception):
    """A snapshot holds a note whose key was deleted: the snapshot is not used."""


def sealed_free_text(name: str, value: Any, person: str | None = None) -> Any:
    """The value to store under a field's name: free text wrapped to be sealed (with the
    key of ``person`` as well, when it is bound to one)."""
    if name in FREE_TEXT and type(value) is str and value:
        return SealedNote(value, person)
    return value


def bound_person(event_class: type[Any], state: dict[str, Any]) -> tuple[str, str] | None:
    """The free-text field of an event bound to one person, and that person's id."""
    bound = PERSON_BOUND.get(event_class.__qualname__)
    if bound is None:
        return None
    field, named_by = bound
    who = state.get(named_by)
    if isinstance(who, list | tuple) and len(who) == 1:
        who = who[0]
    return (field, who) if isinstance(who, str) and who else None


class _Current(threading.local):
    """The owner of the key the event or snapshot being stored seals its notes with, and how
    many notes the one being read opened."""

    def __init__(self) -> None:
        self.owner: str | None = None
        self.opened = 0


_current = _Current()


class SealedNoteTranscoding(Transcoding):
    """Seals free text with the key of the record's version (or snapshots) being stored."""

    type = SealedNote
    name = "note"
    #: Snapshots write it through this transcoding too (``snapshot_state``).
    seals = True

    def __init__(self, vault: PersonKeys, *, snapshot: bool = False) -> None:
        self.vault = vault
        self.snapshot = snapshot
        if snapshot:
            self.name = "snapshot_note"

    def encode(self, obj: SealedNote) -> dict[str, str]:
        owner = _current.owner
        if owner is None:
            raise StoreError.worded("free text is sealed only as a record's event or snapshot is "
                                    "stored")
        found = self.vault.note_key(owner, snapshot=self.snapshot)
        sealed = seal_bytes(found.key, found.key_id, obj.text.encode("utf8"))
        if obj.person is None or self.snapshot:
            return {"key": found.key_id.hex(),
                    "sealed": base64.b64encode(sealed).decode("ascii")}
        person = self.vault.key_for(obj.person)
        sealed = seal_bytes(person.key, obj.person.encode("utf8"), sealed)
        return {"key": found.key_id.hex(), "person": obj.person,
                "person_key": person.key_id.hex(),
                "sealed": base64.b64encode(sealed).decode("ascii")}

    def decode(self, data: dict[str, str]) -> str:
        key_id = bytes.fromhex(data["key"])
        key = self.vault.note_text_key(key_id)
        _current.opened += 1
        if key is None:
            if self.snapshot:
                raise NoteRedacted("a note of the record was redacted since this snapshot")
            return REDACTED
        sealed = base64.b64decode(data["sealed"])
        person = data.get("person")
        if person is not None:
            person_key = self.vault.key_by_id(bytes.fromhex(data["person_key"]), person)
            if person_key is None:  # the person was erased
                return REDACTED
            sealed = open_bytes(person_key, person.encode("utf8"), sealed)
        return open_bytes(key, key_id, sealed).decode("utf8")


class RedactedAsMark(Transcoding):
    """Text already redacted, in a snapshot of a record replayed after the redaction."""

    type = RedactedText
    name = "redacted"

    def encode(self, obj: RedactedText) -> str:
        return ""

    def decode(self, data: str) -> str:
        return REDACTED


class NoteMapper(Mapper[UUID]):
    """``eventsourcing``'s mapper, sealing each event's (or snapshot's) free text with its
    record's version's key, and hiding old plain text that a redaction decision covers."""

    def __init__(self, base: Mapper[UUID], *, snapshots: bool = False) -> None:
        super().__init__(base.transcoder, compressor=base.compressor, cipher=base.cipher)
        self.snapshots = snapshots
        #: Whether a redaction of a record's version is recorded (set by the event store).
        self.hidden: Callable[[UUID, int], bool] | None = None
        #: Whether a person's erasure is recorded (set by the event store).
        self.erased: Callable[[str], bool] | None = None

    @staticmethod
    def transcoding(vault: PersonKeys) -> SealedNoteTranscoding:
        """The transcoding the events' transcoder seals free text with."""
        return SealedNoteTranscoding(vault)

    def to_stored_event(self, domain_event: DomainEventProtocol[UUID]) -> StoredEvent:
        given = vars(domain_event)
        bound = None if self.snapshots else bound_person(type(domain_event), given)
        state = {name: sealed_free_text(name, value,
                                        bound[1] if bound and bound[0] == name else None)
                 for name, value in given.items()}
        wrapped: Any = object.__new__(type(domain_event))
        object.__setattr__(wrapped, "__dict__", state)
        record = UUID(str(domain_event.originator_id))
        _current.owner = (snapshot_owner(record) if self.snapshots
                          else note_owner(record, domain_event.originator_version))
        try:
            return super().to_stored_event(wrapped)
        finally:
            _current.owner = None

    def to_domain_event(self, stored_event: StoredEvent) -> DomainEventProtocol[UUID]:
        _current.opened = 0
        domain_event = super().to_domain_event(stored_event)
        if _current.opened or self.hidden is None or self.snapshots:
            return domain_event
        state = vars(domain_event)
        if not _plain_free_text(state):
            return domain_event
        if self.hidden(UUID(str(stored_event.originator_id)), stored_event.originator_version):
            for name, value in list(state.items()):
                state[name] = _hide(name, value)
            return domain_event
        bound = bound_person(type(domain_event), state)
        if bound is not None and self.erased is not None and self.erased(bound[1]):
            state[bound[0]] = _hide(bound[0], state[bound[0]])
        return domain_event


def attach_notes(mapper: Mapper[UUID], vault: PersonKeys, recorder: Any) -> None:
    """Text stored plain before notes were sealed is hidden once a redaction of its version
    (or the erasure of the person it is bound to) is recorded: the mapper asks the vault,
    which asks the store whether that record exists."""
    if not isinstance(mapper, NoteMapper):
        raise StoreError.worded("the event store's mapper does not seal free text")
    mapper.hidden = vault.redaction_recorded
    mapper.erased = vault.erasure_recorded
    vault.recorded = lambda record_id: bool(recorder.select_events(record_id, limit=1))


def snapshot_mapper(state: JSONTranscoder, vault: PersonKeys, events: Mapper[UUID]
                    ) -> NoteMapper:
    """The snapshots' mapper: their free text sealed with the record's snapshots' key, text
    already redacted kept as the mark, the events' cipher and compressor."""
    state.register(SealedNoteTranscoding(vault, snapshot=True))
    state.register(RedactedAsMark())
    return NoteMapper(Mapper[UUID](state, cipher=events.cipher, compressor=events.compressor),
                      snapshots=True)


def _plain_free_text(state: dict[str, Any]) -> bool:
    """Whether an event read holds free text stored in clear (before notes were sealed)."""
    for name, value in state.items():
        if name in FREE_TEXT and isinstance(value, str):
            return True
        if attrs.has(type(value)) and any(
                f.name in FREE_TEXT and isinstance(getattr(value, f.name), str)
                for f in attrs.fields(type(value))):
            return True
    return False


def _hide(name: str, value: Any) -> Any:
    if name in FREE_TEXT and isinstance(value, str):
        return REDACTED
    if attrs.has(type(value)):
        changes = {f.name: REDACTED for f in attrs.fields(type(value))
                   if f.name in FREE_TEXT and isinstance(getattr(value, f.name), str)}
        if changes:
            return attrs.evolve(value, **changes)
    return value
