"""The person-key vault: every person's data sealed with that person's own key.

The field guide's rule: personal data is "stored encrypted with that person's own key ... and
erased by deleting the key, with an erasure event: nobody else's history breaks and the hash
chain still verifies". The hash chain vouches for the stored bytes of each event, so the bytes
must never change: erasure deletes the *key*, and the sealed bytes left in the events (and
snapshots) can then be read by nobody (crypto-shredding).

How it fits ``eventsourcing``:

* a :class:`PersonalData` value is sealed by its transcoding
  (:class:`~bargaining.infrastructure.personal_sealing.SealedPersonalData`), which asks this
  vault for the person's key. A person with no key yet gets a new random 256-bit key that is
  **pending**: it is written by the event recorder in the same transaction as the events it
  seals (``chained_recorders``, ``chained_postgres``), so no event is ever stored without its
  key. A save that fails drops its pending keys.
* keys are kept in a table beside the events (:mod:`~bargaining.infrastructure.key_tables`),
  wrapped with the application's cipher key when the store is encrypted (plain otherwise: a
  stolen unencrypted store gives away the keys too, as it gives away everything else).
* a person may have several keys (two writers that each made one at once both keep theirs);
  erasure deletes all of them, in the same transaction as the erasure event.

Keys are cached in memory and evicted on erasure; an erasure committed by another process
holds here too, without a restart (``docs/hosts/personal-data.md``):

* reads: every transaction that deletes keys bumps the store's *erasure generation*
  (``key_tables``). Each read (``fresh``, in ``key_watch``: once per read of the store that
  opens a sealed value, not per value; PostgreSQL's load brings it in its own statement) reads
  it; when it moved, every cached key is forgotten (and the records decoded with them), so the
  read asks the table again and finds the erased person's keys gone.
* saves: the stored keys a save sealed with (cached when made, or read with a person's data)
  are checked in the save's transaction (``check_used``); if one was deleted meanwhile, the
  save records nothing and raises :class:`~bargaining.domain.shared.errors.ErasedMeanwhile`
  (why it refuses rather than record the data as erased: its docstring). Notes' keys are new
  with each save; a snapshot (which may hold text a redaction covers) is skipped when the
  generation moved since the process last looked, checked in the snapshot's own transaction,
  which no erasure can commit inside (:meth:`ErasureWatch.store_snapshots`).
* threads: a key read from the table outside the lock is cached only if no other thread
  forgot the cached keys meanwhile (an *epoch*, bumped by every forgetting).
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import os
import threading
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from eventsourcing.persistence import PersistenceError

from bargaining.infrastructure.key_tables import (
    NOTE_PREFIX,
    KeyRow,
    KeyTable,
    PersonKey,
    note_owner,
    snapshot_owner,
)
from bargaining.infrastructure.key_watch import ErasureWatch, Pending
from bargaining.infrastructure.key_wrapping import KeyWrapping

_log = logging.getLogger("bargaining")

#: A save refreshes a person's "last touched" time at most this often (seconds): a host's
#: retention policy counts years, and writing it on every save would cost every save a write.
TOUCH_GRAIN = 3600.0
#: What a note's key is wrapped under in place of a person's id.
NOTE_WRAP = "note"


class PersonKeys(ErasureWatch):
    """Per-person 256-bit keys: made when first needed, cached, written with the events that
    need them, deleted on erasure."""

    def __init__(self, app_key: bytes | None) -> None:
        self._wrapping = KeyWrapping(app_key)
        self._names = hashlib.sha256(b"bargaining erasure ids|" + (app_key or b"")).digest()
        self._by_owner: dict[str, PersonKey] = {}
        self._by_id: dict[bytes, tuple[str, bytes]] = {}
        self._ids_of: dict[str, set[bytes]] = {}
        self._lock = threading.Lock()
        self._pending = Pending()
        self.table: KeyTable | None = None
        #: The owners with a stored key when first asked (and those added since): a person
        #: not among them is new, and gets a key without asking the table. A key another
        #: process made meanwhile makes a second key for the person, which is harmless
        #: (erasure deletes every key of an owner; a value names the key it was sealed with).
        self._known: set[str] | None = None
        #: Called after an erasure, so caches of decoded records (the repository's) forget.
        self.forget: list[Callable[[], object]] = []
        #: Versions known to be redacted (or not), for text stored before notes were sealed;
        #: ``recorded`` asks the store whether a record exists (set by the event store).
        self.hidden: dict[tuple[uuid.UUID, int], bool] = {}
        self.recorded: Callable[[uuid.UUID], bool] | None = None
        #: People known to be erased (or not), for text bound to them stored in clear.
        self.erased_people: dict[str, bool] = {}
        self._stamps = {}
        #: The erasure generation last read: every cached key was read when it was this or more.
        self._seen = 0
        #: Bumped whenever cached keys are forgotten: a key read from the table outside the
        #: lock is cached only if no forgetting happened meanwhile.
        self._epoch = 0

    @property
    def wrapped(self) -> bool:
        """Whether stored keys are wrapped with the application's key."""
        return self._wrapping.active

    def bind(self, table: KeyTable) -> None:
        self.table = table
        try:
            self._seen = table.generation()
        except PersistenceError:  # a store opened without making its tables (an audit)
            self._seen = 0

    def _table(self) -> KeyTable:
        if self.table is None:
            raise RuntimeError("the person-key vault is not bound to a store yet")
        return self.table

    # ------------------------------------------------------------ sealing side

    def key_for(self, owner: str) -> PersonKey:
        """The key to seal an owner's data with: cached (made here, or read with their data),
        stored, or new (pending). A key read with a person's data is sealed with too, so that
        a save in a process that read them before another erased them is refused (its key is
        gone) rather than quietly giving them a new key."""
        now = time.time()
        with self._lock:
            found = self._by_owner.get(owner) or self._read_key(owner)
            epoch = self._epoch
        if found is None:
            stored = self._table().owner_key(owner) if owner in self._owners_known() else None
            if stored is not None:
                key_id, wrapped, touched = stored
                found = PersonKey(key_id, self._wrapping.unwrap(key_id, owner, wrapped), touched)
            else:
                key_id, key = os.urandom(16), os.urandom(32)
                found = PersonKey(key_id, key, now)
                p = self._pending  # a snapshot's new keys are written with the snapshot
                (p.snapshot_keys if p.sealing else p.keys).append(
                    KeyRow(key_id, owner, self._wrapping.wrap(key_id, owner, key), now))
            with self._lock:
                # a stored key read while another thread forgot every key (it saw an
                # erasure) may be the erased person's: used (the save checks it), not kept
                if stored is None or self._epoch == epoch:
                    self._by_owner[owner] = found
                    self._remember(found.key_id, owner, found.key)
                self._owners_known().add(owner)
        self._pending.used.add(found.key_id)  # checked at the save, unless made by it
        if now - found.touched > TOUCH_GRAIN:
            self._pending.touched.add(owner)
        return found

    def _read_key(self, owner: str) -> PersonKey | None:
        """One of the owner's keys read with their data (the lock held), as a key to seal
        with; when it was last touched is not known, so the save touches it."""
        ids = self._ids_of.get(owner) if owner != NOTE_WRAP else None
        if not ids:
            return None
        key_id = min(ids)
        found = self._by_owner[owner] = PersonKey(key_id, self._by_id[key_id][1], 0.0)
        return found

    def _owners_known(self) -> set[str]:
        if self._known is None:
            self._known = {owner for owner, _, _ in self._table().owners()}
        return self._known

    def note_key(self, owner: str, *, snapshot: bool = False) -> PersonKey:
        """A key for the free text of one record's version (or of its snapshots), new for
        each save: that version is new, so no table is asked. Several notes of one event
        share their key; a snapshot's key is written just before the snapshot."""
        p = self._pending
        found = p.notes.get(owner)
        if found is None:
            now = time.time()
            key_id, key = os.urandom(16), os.urandom(32)
            found = p.notes[owner] = PersonKey(key_id, key, now)
            row = KeyRow(key_id, owner, self._wrapping.wrap(key_id, NOTE_WRAP, key), now)
            (p.snapshot_keys if snapshot else p.keys).append(row)
        return found

    def note_text_key(self, key_id: bytes) -> bytes | None:
        """The key a note was sealed with, or ``None`` once it was deleted (redacted)."""
        return self.key_by_id(key_id, NOTE_WRAP)

    def key_by_id(self, key_id: bytes, owner: str) -> bytes | None:
        """The key a value was sealed with, or ``None`` when it was deleted (erased)."""
        if self._pending.unchecked:
            self._pending.unchecked = False
            self.refresh()
        with self._lock:
            cached = self._by_id.get(key_id)
            epoch = self._epoch
        if cached is not None:
            return cached[1]
        wrapped = self._table().key(key_id)
        if wrapped is None:
            return None
        key = self._wrapping.unwrap(key_id, owner, wrapped)
        with self._lock:
            if self._epoch == epoch:  # else read before a forgetting: shown once, not kept
                self._remember(key_id, owner, key)
        return key

    def _remember(self, key_id: bytes, owner: str, key: bytes) -> None:
        self._by_id[key_id] = (owner, key)
        self._ids_of.setdefault(owner, set()).add(key_id)

    # ----------------------------------------------------- the save's transaction

    def pending(self) -> tuple[Sequence[KeyRow], Sequence[str], Sequence[str]]:
        """New keys, owners to touch and owners to erase, for the recorder to write in the
        transaction of the events (read, not taken: a failed try is tried again)."""
        p = self._pending
        return p.keys, sorted(p.touched), sorted(p.erased)

    def write_pending(self, cursor: Any, *, checked: bool = False) -> None:
        """Write what is pending in the recorder's transaction (its cursor), once the keys
        the save sealed with are found still stored (``checked``: the recorder did it)."""
        used = self.used()
        if used and not checked:
            self.check_used(self._table().present(cursor, used))
        keys, touched, erased = self.pending()
        if keys or touched or erased:
            self._table().write(cursor, keys, touched, erased, time.time())

    @contextmanager
    def saving(self) -> Iterator[None]:
        """Around a save: its new keys stored with it, or forgotten when it fails."""
        try:
            yield
        except BaseException:
            self.discarded()
            raise
        self.committed()

    def committed(self) -> None:
        """The save's transaction committed: its pending keys are stored."""
        p = self._pending
        now = time.time()
        if p.touched:
            with self._lock:
                for owner in p.touched:
                    found = self._by_owner.get(owner)
                    if found is not None:
                        self._by_owner[owner] = found._replace(touched=now)
        erased = set(p.erased)
        self._reset()
        if erased and self._known is not None:
            self._known -= erased
        if erased:
            self.erased_people.update(dict.fromkeys(erased, True))
            self._evict(erased)
            for forget in self.forget:
                forget()
            self._own_erasure_seen()
            try:
                self._table().scrub()
            except Exception as error:  # the erasure is recorded and the key deleted
                _log.warning("a person's key was deleted, but its bytes could not be scrubbed "
                             "from the store's files yet (%s): the next erasure tries again",
                             type(error).__name__)

    def discarded(self) -> None:
        """The save failed: its new keys were never stored, so nothing may seal with them."""
        new = {row.owner for row in self._pending.keys}
        new.update(row.owner for row in self._pending.snapshot_keys)
        self._reset()
        self._evict(new)

    def _reset(self) -> None:
        self._pending.keys = []
        self._pending.touched = set()
        self._pending.erased = set()
        self._pending.notes = {}
        self._pending.snapshot_keys = []
        self._pending.used = set()

    def _evict(self, owners: set[str]) -> None:
        if not owners:
            return
        if any(owner.startswith(NOTE_PREFIX) for owner in owners):
            # notes' keys are cached under the name they are wrapped with: a redaction
            # forgets them all (it is rare; they are read again as needed)
            owners = owners | {NOTE_WRAP}
        with self._lock:
            self._epoch += 1
            for owner in owners:
                self._by_owner.pop(owner, None)
                for key_id in self._ids_of.pop(owner, ()):
                    self._by_id.pop(key_id, None)

    # ----------------------------------------------------------------- erasure

    def erase(self, owner: str) -> None:
        """Delete an owner's keys with the next save of this thread (the erasure event)."""
        self._pending.erased.add(owner)
        self._pending.touched.discard(owner)
        self._pending.keys = [row for row in self._pending.keys if row.owner != owner]
        self._evict({owner})

    def erasure_id(self, owner: str) -> uuid.UUID:
        """The id of an owner's erasure record: keyed with the application's key on an
        encrypted store, so it cannot be computed from a person's id without the key."""
        digest = hmac.new(self._names, owner.encode("utf8"), hashlib.sha256).digest()
        return uuid.UUID(bytes=digest[:16], version=4)

    def redact(self, record_id: uuid.UUID, version: int) -> None:
        """Delete the key of a record's version's free text, and of the record's snapshots
        (which may hold it), with the next save of this thread (the redaction event)."""
        self.erase(note_owner(record_id, version))
        self.erase(snapshot_owner(record_id))

    def redaction_id(self, record_id: uuid.UUID, version: int) -> uuid.UUID:
        """The id of the record of a version's redaction (keyed, as an erasure's)."""
        return self.erasure_id(note_owner(record_id, version))

    def redaction_recorded(self, record_id: uuid.UUID, version: int) -> bool:
        """Whether a redaction of the version is recorded (for text stored before notes were
        sealed, which is hidden on read): asked once, then remembered for the process."""
        if self._pending.unchecked:
            self._pending.unchecked = False
            self.refresh()
        with self._lock:
            found = self.hidden.get((record_id, version))
            epoch = self._epoch
        if found is None:
            found = bool(
                self.recorded is not None and self.recorded(self.redaction_id(record_id, version)))
            self._keep("hidden", (record_id, version), found, epoch)
        return found

    def erasure_recorded(self, person: str) -> bool:
        """Whether the person's erasure is recorded (for text bound to them stored in clear
        before it was sealed, hidden on read): asked once, then remembered for the process
        until another process's erasure moves the generation."""
        if self._pending.unchecked:
            self._pending.unchecked = False
            self.refresh()
        with self._lock:
            found = self.erased_people.get(person)
            epoch = self._epoch
        if found is None:
            found = bool(self.recorded is not None and self.recorded(self.erasure_id(person)))
            self._keep("erased_people", person, found, epoch)
        return found

    def has_keys(self, owner: str) -> bool:
        return self._table().owner_key(owner) is not None

    def owners(self) -> list[tuple[str, float, float]]:
        """Every person with a stored key: (owner, first sealed, last touched), epoch seconds
        (the keys of notes, free text, are not a person's)."""
        return self._table().owners()


def attach_vault(vault: PersonKeys, recorder: Any, repository: Any) -> None:
    """The vault keeps its keys in the event recorder's table and writes new ones in its
    transactions; after an erasure, records decoded before it are forgotten (the aggregate
    cache, when the host turned it on)."""
    vault.bind(recorder.key_table)
    recorder.vault = vault
    cache = repository.cache
    if cache is not None:
        vault.forget.append(lambda: _empty(cache))


def _empty(cache: Any) -> None:
    """Empty ``eventsourcing``'s aggregate cache (its ``clear`` leaves the entries' index)."""
    with cache.lock:
        cache.cache.clear()
        cache.clear()
        cache.full = False
