"""Races between an erasure (or a redaction) and the person-key vault's caches and snapshots,
found by review (issue 15). Two applications on one store stand for two processes; a hook on
the key table makes the other process (or another thread) act at the worst moment, so each
test is deterministic:

* a snapshot sealed while another process redacts never keeps the redacted text readable:
  checking the erasure generation, writing the snapshot's keys and storing the snapshot are
  one transaction that an erasure cannot commit inside;
* the keys of people made while a snapshot is sealed are stored with it;
* a key read from the table while another thread forgets every cached key (it saw an
  erasure) is not cached after the forgetting.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date
from typing import Any
from uuid import UUID

import pytest

from bargaining import (
    Actor,
    BargainingApp,
    PersonalData,
    Reader,
    RedactionReason,
)
from tests.personal_records import KeptNote, WorkerContact, open_contact

ORGANIZER = Actor("org-7", "organizer")
STEWARD = Actor("ds-1", "data steward")
MARIE = PersonalData("w-17", name="Marie Tremblay")
LUC = PersonalData("w-18", name="Luc Gagnon")
ANA = PersonalData("w-19", name="Ana Pereira")
READER = Reader(ORGANIZER.id, "organizer")
REASON = "Marie on nights is wavering"
#: How long the hook lets the other process's redaction run before the snapshot goes on.
#: Without the fix it commits at once; with it, it waits for the snapshot's transaction
#: (either order leaves the redacted text unreadable, which is what the test checks).
REDACTION_WAIT = 1.0


def note_with_reason(app: BargainingApp) -> UUID:
    """A record whose state keeps a reason about a person (version 2)."""
    note = KeptNote(on=date(2025, 3, 1), reason=None)
    app.save(note)
    found = app.eventsourcing.load(note.id, KeptNote, "note")
    found.say(on=date(2025, 3, 2), reason=REASON)
    app.save(found)
    return note.id


class Elsewhere:
    """Something another process does, started at a chosen moment in a thread of its own."""

    def __init__(self, action: Callable[[], object]) -> None:
        self.errors: list[BaseException] = []
        self.started = False
        self._thread = threading.Thread(target=self._run, args=(action,))

    def _run(self, action: Callable[[], object]) -> None:
        try:
            action()
        except BaseException as error:  # raised again in the test's thread
            self.errors.append(error)

    def start(self, wait: float) -> None:
        self.started = True
        self._thread.start()
        self._thread.join(wait)

    def finish(self) -> None:
        assert self.started, "the hook never ran"
        self._thread.join(60)
        assert not self._thread.is_alive()
        if self.errors:
            raise self.errors[0]


def after_sealing(app: BargainingApp, monkeypatch: pytest.MonkeyPatch,
                  then: Callable[[], object]) -> None:
    """Run ``then`` once a snapshot's state has been sealed, before it is stored."""
    mapper: Any = app.eventsourcing.snapshots.mapper  # type: ignore[union-attr]
    encode = mapper.to_stored_event

    def sealed(event: Any) -> Any:
        found = encode(event)
        then()
        return found

    monkeypatch.setattr(mapper, "to_stored_event", sealed)


def test_a_snapshot_sealed_while_another_application_redacts_keeps_no_redacted_text(
        opened: Callable[[], BargainingApp], monkeypatch: pytest.MonkeyPatch) -> None:
    """The other application's redaction commits just after this one checked the erasure
    generation for its snapshot (or waits until the snapshot is stored, then deletes its
    key): whichever, no application ever loads the redacted reason again."""
    laptop, office = opened(), opened()
    note = note_with_reason(laptop)
    table: Any = laptop.eventsourcing.vault.table
    real = table.generation
    redaction = Elsewhere(lambda: office.people.redact(
        note, 2, actor=STEWARD, on=date(2025, 3, 3), reason=RedactionReason.ABOUT_A_PERSON))
    armed: list[bool] = []

    def generation(*args: Any) -> int:
        found = int(real(*args))
        if armed and not redaction.started:
            redaction.start(REDACTION_WAIT)
        return found

    monkeypatch.setattr(table, "generation", generation)
    after_sealing(laptop, monkeypatch, lambda: armed.append(True))
    laptop.eventsourcing.take_snapshot(note)
    redaction.finish()
    monkeypatch.undo()
    assert laptop.eventsourcing.load(note, KeptNote, "note").reason == "[redacted]"
    fresh = opened()
    assert fresh.eventsourcing.load(note, KeptNote, "note").reason == "[redacted]"
    assert fresh.history.of(note, reader=READER)[1].reason == "[redacted]"


def test_a_persons_key_made_while_a_snapshot_is_sealed_is_stored_with_it(
        opened: Callable[[], BargainingApp], monkeypatch: pytest.MonkeyPatch) -> None:
    """Another thread forgets every cached key between the load and the sealing (it saw an
    erasure of someone else): the snapshot seals the person with a key of its own, which is
    stored with the snapshot, so the snapshot reads them as they are, not as erased."""
    laptop, office = opened(), opened()
    luc = open_contact(laptop, LUC, ORGANIZER)  # the laptop learns who has a key: Luc
    marie = open_contact(office, MARIE, ORGANIZER)
    open_contact(office, ANA, ORGANIZER)
    office.people.erase(ANA.person, actor=STEWARD, on=date(2025, 3, 3), reason="asked")
    other_thread = Elsewhere(lambda: laptop.history.of(luc, reader=READER))
    mapper: Any = laptop.eventsourcing.snapshots.mapper  # type: ignore[union-attr]
    sealed = mapper.to_stored_event

    def forgotten_first(event: Any) -> Any:
        if not other_thread.started:
            other_thread.start(60)
        return sealed(event)

    monkeypatch.setattr(mapper, "to_stored_event", forgotten_first)
    laptop.eventsourcing.take_snapshot(marie)
    other_thread.finish()
    monkeypatch.undo()
    snapshots = laptop.eventsourcing.snapshots
    assert snapshots is not None
    assert [s.originator_version for s in snapshots.get(marie)] == [1]
    fresh = opened()
    shown = fresh.eventsourcing.load(marie, WorkerContact, "contact").worker
    assert (shown.name, shown.erased) == ("Marie Tremblay", False)
    # the key is not left pending either: the laptop's next save writes only its own
    found = laptop.eventsourcing.load(luc, WorkerContact, "contact")
    found.talk(worker=LUC, actor=ORGANIZER, on=date(2025, 3, 4), reason=None)
    laptop.save(found)


def test_a_key_read_while_another_thread_forgets_the_cache_is_not_kept(
        opened: Callable[[], BargainingApp], monkeypatch: pytest.MonkeyPatch) -> None:
    """Thread one reads Marie's key from the table; meanwhile another process erases her and
    thread two, reading, sees it and forgets every cached key. Thread one's read began before
    the erasure and may show her, but her key is not cached after the forgetting: every
    later read in this process shows her erased."""
    laptop, office = opened(), opened()
    marie = open_contact(office, MARIE, ORGANIZER)
    luc = open_contact(laptop, LUC, ORGANIZER)  # the laptop caches a key
    table: Any = laptop.eventsourcing.vault.table
    real = table.key

    def erased_meanwhile() -> None:
        office.people.erase(MARIE.person, actor=STEWARD, on=date(2025, 3, 3), reason="asked")
        laptop.history.of(luc, reader=READER)

    elsewhere = Elsewhere(erased_meanwhile)

    def key(key_id: bytes) -> bytes | None:
        found = real(key_id)
        if not elsewhere.started:
            elsewhere.start(60)
        return found  # type: ignore[no-any-return]

    monkeypatch.setattr(table, "key", key)
    laptop.history.of(marie, reader=READER)
    elsewhere.finish()
    monkeypatch.undo()
    assert laptop.history.of(marie, reader=READER)[0].data["worker"]["erased"] is True
    assert laptop.eventsourcing.load(marie, WorkerContact, "contact").worker.erased


def test_a_key_to_seal_with_read_while_another_thread_forgets_the_cache_is_not_kept(
        opened: Callable[[], BargainingApp], monkeypatch: pytest.MonkeyPatch) -> None:
    """The same race on the sealing side: a person's stored key, read to seal with while
    another thread forgets every key, is used (the save that seals with it checks it) but
    not cached, so reads after the forgetting show the erasure."""
    laptop, office = opened(), opened()
    marie = open_contact(office, MARIE, ORGANIZER)
    luc = open_contact(laptop, LUC, ORGANIZER)  # laptop learns Marie and Luc have keys
    vault: Any = laptop.eventsourcing.vault
    table: Any = vault.table
    real = table.owner_key

    def erased_meanwhile() -> None:
        office.people.erase(MARIE.person, actor=STEWARD, on=date(2025, 3, 3), reason="asked")
        laptop.history.of(luc, reader=READER)

    elsewhere = Elsewhere(erased_meanwhile)

    def owner_key(owner: str) -> Any:
        found = real(owner)
        if owner == MARIE.person and not elsewhere.started:
            elsewhere.start(60)
        return found

    monkeypatch.setattr(table, "owner_key", owner_key)
    stale = vault.key_for(MARIE.person)
    elsewhere.finish()
    monkeypatch.undo()
    vault.discarded()  # no save follows: the key for sealing is dropped, as a failed save does
    assert vault.key_by_id(stale.key_id, MARIE.person) is None
    assert laptop.history.of(marie, reader=READER)[0].data["worker"]["erased"] is True


def test_a_record_read_before_a_redaction_is_snapshotted_from_the_store_not_from_memory(
        opened: Callable[[], BargainingApp], monkeypatch: pytest.MonkeyPatch) -> None:
    """A host keeps a record it read; another application redacts the reason the record's
    state holds; this application learns of it (any read) and then saves the record at its
    snapshot interval. The snapshot is not taken from the state in memory, which still holds
    the text, but from the store, where it reads as redacted."""
    laptop, office = opened(), opened()
    note = note_with_reason(laptop)
    monkeypatch.setitem(laptop.eventsourcing.snapshotting_intervals, KeptNote, 3)
    kept = laptop.eventsourcing.load(note, KeptNote, "note")
    assert kept.reason == REASON
    office.people.redact(note, 2, actor=STEWARD, on=date(2025, 3, 3),
                         reason=RedactionReason.ABOUT_A_PERSON)
    assert laptop.history.of(note, reader=READER)[1].reason == "[redacted]"
    kept.touch(on=date(2025, 3, 4))
    laptop.save(kept)
    snapshots: Any = laptop.eventsourcing.snapshots
    assert [s.originator_version for s in snapshots.recorder.select_events(note)] == [3]
    fresh = opened()
    assert fresh.eventsourcing.load(note, KeptNote, "note").reason == "[redacted]"
