"""How a process learns of erasures committed by others (``PersonKeys`` is an
:class:`ErasureWatch`): the store's erasure generation, read once per read, and the keys a save
sealed with, checked in its transaction. See ``person_keys`` and ``docs/hosts/personal-data.md``.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from bargaining.domain.shared.errors import ErasedMeanwhile
from bargaining.infrastructure.key_tables import KeyRow, KeyTable, PersonKey


class Pending(threading.local):
    """What the current thread's save will write with its events: new keys, people whose
    last-touched time is stale, people whose keys are deleted (erasure)."""

    def __init__(self) -> None:
        self.keys: list[KeyRow] = []
        self.touched: set[str] = set()
        self.erased: set[str] = set()
        #: Notes' keys (free text, ``note_sealing``): by owner, for this save only.
        self.notes: dict[str, PersonKey] = {}
        #: Keys made while snapshots are sealed (``sealing``: their notes', and people's not
        #: stored yet), written in the snapshots' transaction (``store_snapshots``).
        self.snapshot_keys: list[KeyRow] = []
        self.sealing = False
        #: Stored keys (not new ones) this save seals with: checked in its transaction.
        self.used: set[bytes] = set()
        #: How many reads (``fresh``) are open, and whether theirs still has to read the
        #: erasure generation before it opens a sealed value.
        self.reads = 0
        self.unchecked = False


class ErasureWatch:
    """The person-key vault's side that keeps its caches true to erasures made elsewhere."""

    _lock: threading.Lock
    _pending: Pending
    _by_owner: dict[str, PersonKey]
    _by_id: dict[bytes, tuple[str, bytes]]
    _ids_of: dict[str, set[bytes]]
    #: The erasure generation last read: every cached key was read when it was this or more.
    _seen: int
    #: Bumped whenever cached keys are forgotten (``person_keys``).
    _epoch: int
    forget: list[Callable[[], object]]
    hidden: dict[Any, bool]
    erased_people: dict[str, bool]

    #: The erasure generation each record in memory was read at (``stamp``), by ``id()``.
    _stamps: dict[int, tuple[weakref.ref[Any], int]]

    def _table(self) -> KeyTable:
        """The key table (the vault, :class:`~.person_keys.PersonKeys`, provides it)."""
        raise NotImplementedError

    def _evict(self, owners: set[str]) -> None:
        """Forget the owners' cached keys (the vault provides it)."""
        raise NotImplementedError

    def _keep(self, cache: str, key: Any, found: bool, epoch: int) -> None:
        """Remember an answer read outside the lock, unless the caches were forgotten
        meanwhile (another thread saw an erasure: the answer may be older than it)."""
        with self._lock:
            if self._epoch == epoch:
                getattr(self, cache)[key] = found

    # ---------------------------------------------------------------- snapshots

    def stamp(self, record: Any) -> None:
        """Remember the erasure generation a record in memory was read (or first saved) at,
        unless it is already remembered: its state holds what was readable then."""
        key = id(record)
        with self._lock:
            stamps = self._stamps
            found = stamps.get(key)
            if found is not None and found[0]() is record:
                return

            def gone(_: object) -> None:
                stamps.pop(key, None)

            stamps[key] = (weakref.ref(record, gone), self._seen)

    def read_before_erasure(self, record: Any) -> bool:
        """Whether an erasure or a redaction may have committed since the record in memory
        was read: its state may then hold what was erased, so a snapshot of it is taken from
        the store, where that reads as erased, and not from memory. A record not stamped is
        not vouched for."""
        with self._lock:
            found = self._stamps.get(id(record))
            return found is None or found[0]() is not record or found[1] != self._seen


    @contextmanager
    def sealing_snapshots(self) -> Iterator[None]:
        """Around sealing snapshots: the keys made for them (their notes', and those of people
        whose stored key is not known here) wait for the snapshots' transaction, not for the
        next save; the stored keys they seal with are vouched for by the generation, checked
        there, not by the next save's check."""
        p = self._pending
        used, notes, p.used, p.notes, p.sealing = p.used, p.notes, set(), {}, True
        try:
            yield
        except BaseException:
            self._drop_snapshot_keys(p.snapshot_keys)
            p.snapshot_keys = []
            raise
        finally:
            p.used, p.notes, p.sealing = used, notes, False

    def store_snapshots(self, insert: Callable[[Any], None]) -> bool:
        """Store the sealed snapshots (``insert``, given the transaction's cursor) with their
        keys, in one transaction no erasure can commit inside, and only if the erasure
        generation is still the one this process last saw: else someone erased or redacted
        since, and the records' state may hold what they covered (a snapshot is a cache:
        loading replays). Whether they were stored."""
        rows, self._pending.snapshot_keys = self._pending.snapshot_keys, []
        try:
            stored = self._table().write_snapshots(rows, self._seen, insert)
        except BaseException:
            self._drop_snapshot_keys(rows)
            raise
        if not stored:
            self._drop_snapshot_keys(rows)
            self.refresh(always=True)
        return stored

    def _drop_snapshot_keys(self, rows: list[KeyRow]) -> None:
        """Keys made for snapshots that were not stored: nothing may seal with them."""
        self._evict({row.owner for row in rows})

    @contextmanager
    def fresh(self) -> Iterator[None]:
        """Around a read: once an erasure has committed anywhere, its person's data is not
        shown from a key cached before. The generation is read once per outermost read, and
        only by one that opens a sealed value (``key_by_id``), unless the store's load
        brought it along (``saw``); with an aggregate cache, at once (a cached record is
        returned without opening anything)."""
        p = self._pending
        if not p.reads:
            if self.forget:
                self.refresh()
            else:
                p.unchecked = True
        p.reads += 1
        try:
            yield
        finally:
            p.reads -= 1
            if not p.reads:
                p.unchecked = False

    def saw(self, generation: int) -> None:
        """The erasure generation, read by the store in the statement of a load (before any
        value of it is opened): the current read needs no question of its own."""
        p = self._pending
        if p.unchecked:
            p.unchecked = False
            self._moved_to(generation)

    def refresh(self, *, always: bool = False) -> None:
        """Read the erasure generation; when it moved, forget every cached key. Nothing is
        asked while nothing is cached (a store without personal data pays nothing): every
        record decoded with a key left the caches when the key did."""
        with self._lock:
            if not (always or self._by_id or self._by_owner or self.hidden
                    or self.erased_people):
                return
        self._moved_to(self._table().generation())

    def _moved_to(self, generation: int) -> None:
        with self._lock:
            moved, self._seen = generation != self._seen, generation
        if moved:
            self._forget_all()

    def _own_erasure_seen(self) -> None:
        """After this process's erasure: when it is the only one since the generation was
        last read, the cache is current (its keys were evicted); else forget everything."""
        generation = self._table().generation()
        with self._lock:
            alone, self._seen = generation == self._seen + 1, generation
        if not alone:
            self._forget_all()

    def check_used(self, present: set[bytes]) -> None:
        """In a save's transaction: refuse it if a stored key it sealed with was deleted
        since it was read (the person was erased by another process). Nothing is recorded;
        the cache is emptied so that reading again shows the erasure."""
        if set(self.used()) - present:
            self._forget_all()
            raise ErasedMeanwhile.worded(
                "a person named in this change was erased in another session while it was "
                "being made: nothing was recorded, since nothing about them may be sealed under "
                "their erased identity; read the record again, then record the change anew if "
                "it still applies")

    def used(self) -> list[bytes]:
        """The stored keys the current save seals with (not the ones it makes, which a
        person's later events in the same save find cached)."""
        p = self._pending
        return sorted(p.used.difference(row.key_id for row in p.keys))

    def _forget_all(self) -> None:
        with self._lock:
            self._epoch += 1
            self._by_owner.clear()
            self._by_id.clear()
            self._ids_of.clear()
            self.hidden = {found: True for found, redacted in self.hidden.items() if redacted}
            self.erased_people = {person: True for person, erased in self.erased_people.items()
                                  if erased}
        for forget in self.forget:
            forget()

