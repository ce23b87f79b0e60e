"""A person's data sealed with their own key, and erased by deleting it (issue 15), on every
store: records, snapshots, the aggregate cache, history and exports, the hash chain."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from bargaining import (
    Actor,
    BargainingApp,
    ErasureResult,
    InvalidInput,
    PersonalData,
    Reader,
    ReadPolicy,
    RecordNotFound,
)
from bargaining.adapters.audit_export import write_csv, write_jsonl
from tests.personal_records import WorkerContact, open_contact

ORGANIZER = Actor("org-7", "organizer")
MARIE = PersonalData("w-17", name="Marie Tremblay", contact="514-555-0101", assessment=2,
                     notes="Marie on nights is wavering")


def contact_of(app: BargainingApp, contact: object, **kwargs: object) -> WorkerContact:
    found: WorkerContact = app.eventsourcing.repository.get(contact, **kwargs)  # type: ignore[arg-type]
    return found


def stored_bytes(app: BargainingApp) -> bytes:
    """Every stored event's bytes, as the store holds them."""
    rows = app.eventsourcing.chain.select_stored(0, 10_000)
    return b"".join(row[4] for row in rows)


def test_a_persons_data_reads_back_as_recorded_and_is_never_stored_in_clear(
        open_app: Callable[..., BargainingApp]) -> None:
    app = open_app()
    contact = open_contact(app, MARIE, ORGANIZER)
    assert contact_of(app, contact).worker == MARIE
    reopened = open_app()
    if app.store.kind != "memory":
        assert contact_of(reopened, contact).worker == MARIE
    stored = stored_bytes(app)
    for text in ("Marie", "514-555", "wavering"):
        assert text.encode() not in stored
    assert b"w-17" in stored  # the opaque id stays readable: erasure finds the person by it


def test_erasure_reads_as_erased_person_everywhere_and_the_chain_still_verifies(
        open_app: Callable[..., BargainingApp]) -> None:
    # a policy that lets organizers see every person's data (these records are no
    # workplace's), so that the export shows what is not erased
    app = open_app(read_policy=ReadPolicy(organizers_only=False))
    contact = open_contact(app, MARIE, ORGANIZER)
    other = open_contact(app, PersonalData("w-18", name="Luc Gagnon"), ORGANIZER)
    receipt = app.integrity.receipt()
    result = app.people.erase("w-17", actor=ORGANIZER, on=date(2025, 3, 1),
                              reason="asked to be forgotten")
    assert result == ErasureResult("w-17", result.record, date(2025, 3, 1), recorded=True)
    for reader in (app, open_app()) if app.store.kind != "memory" else (app,):
        worker = contact_of(reader, contact).worker
        assert worker.erased and worker.person == "w-17" and worker.name is None
        assert worker.shown() == "erased person"
        assert contact_of(reader, other).worker.name == "Luc Gagnon"  # nobody else's breaks
    entry = app.history.of(contact)[0]
    assert entry.data["worker"]["name"] == "erased person"
    assert "Marie" not in json.dumps(entry.data)
    for write in (write_csv, write_jsonl):
        out = io.StringIO()
        write(app.history.audit_log(reader=Reader("o-1", "organizer")), out)
        assert "erased person" in out.getvalue() and "Marie" not in out.getvalue()
        assert "Luc Gagnon" in out.getvalue()
    assert app.integrity.verify().intact
    assert app.integrity.verify(receipt).intact
    erasure = app.people.erasure("w-17")
    assert erasure is not None and erasure.erasures == [date(2025, 3, 1)]
    assert erasure.id == result.record
    assert [p.person for p in app.people.sealed()] == ["w-18"]


def test_erasing_twice_is_reported_and_recorded_once(app: BargainingApp) -> None:
    open_contact(app, MARIE, ORGANIZER)
    first = app.people.erase("w-17", actor=ORGANIZER, on=date(2025, 3, 1))
    again = app.people.erase("w-17", actor=ORGANIZER, on=date(2025, 3, 2))
    assert first.recorded and not again.recorded
    assert again.on == date(2025, 3, 1) and again.record == first.record
    assert len(app.history.of(first.record)) == 1


def test_data_recorded_after_an_erasure_is_erased_by_the_next(app: BargainingApp) -> None:
    contact = open_contact(app, MARIE, ORGANIZER)
    app.people.erase("w-17", actor=ORGANIZER, on=date(2025, 3, 1))
    found = contact_of(app, contact)
    found.talk(worker=MARIE, actor=ORGANIZER, on=date(2025, 4, 1), reason=None)
    app.save(found)
    assert contact_of(app, contact).worker.name == "Marie Tremblay"
    assert app.people.erase("w-17", actor=ORGANIZER, on=date(2025, 4, 2)).recorded
    assert contact_of(app, contact).worker.erased
    assert [e.event for e in app.history.of(app.people.erase(
        "w-17", actor=ORGANIZER, on=date(2025, 4, 3)).record)] == ["Erased", "ErasedAgain"]


def test_a_snapshot_holds_the_data_sealed_and_reads_erased_after_erasure(
        app: BargainingApp) -> None:
    contact = open_contact(app, MARIE, ORGANIZER)
    app.eventsourcing.take_snapshot(contact)
    snapshots: Any = app.eventsourcing.snapshots
    (stored,) = snapshots.recorder.select_events(contact)
    assert b"Marie" not in stored.state and b"w-17" in stored.state
    snapshot = next(iter(app.eventsourcing.snapshots.get(contact)))  # type: ignore[union-attr]
    assert snapshot.state["worker"].name == "Marie Tremblay"
    app.people.erase("w-17", actor=ORGANIZER, on=date(2025, 3, 1))
    snapshot = next(iter(app.eventsourcing.snapshots.get(contact)))  # type: ignore[union-attr]
    assert snapshot.state["worker"].erased
    assert contact_of(app, contact).worker.erased
    assert app.integrity.verify().intact


def test_the_aggregate_cache_forgets_a_record_read_before_the_erasure(
        open_app: Callable[..., BargainingApp]) -> None:
    app = open_app(env={"AGGREGATE_CACHE_MAXSIZE": "100"})
    assert app.eventsourcing.repository.cache is not None
    contact = open_contact(app, MARIE, ORGANIZER)
    assert contact_of(app, contact).worker.name == "Marie Tremblay"
    app.people.erase("w-17", actor=ORGANIZER, on=date(2025, 3, 1))
    assert contact_of(app, contact).worker.erased


def test_an_encrypted_store_wraps_the_keys_and_names_erasures_by_a_keyed_id(
        open_app: Callable[..., BargainingApp]) -> None:
    key = BargainingApp.create_cipher_key()
    app = open_app(cipher_key=key)
    contact = open_contact(app, MARIE, ORGANIZER)
    assert app.eventsourcing.vault.wrapped
    plain = open_app() if app.store.kind == "memory" else BargainingApp("memory")
    try:
        assert plain.eventsourcing.vault.erasure_id("w-17") != \
            app.eventsourcing.vault.erasure_id("w-17")
    finally:
        if app.store.kind != "memory":
            plain.close()
    app.people.erase("w-17", actor=ORGANIZER, on=date(2025, 3, 1))
    assert contact_of(app, contact).worker.erased
    assert app.integrity.verify().intact


def test_a_failed_save_forgets_the_keys_it_made(app: BargainingApp) -> None:
    contact = open_contact(app, MARIE, ORGANIZER)
    newcomer = PersonalData("w-99", name="Ana Souza")
    stale, fresh = contact_of(app, contact), contact_of(app, contact)
    fresh.talk(worker=MARIE, actor=ORGANIZER, on=date(2025, 1, 2), reason=None)
    app.save(fresh)
    stale.talk(worker=newcomer, actor=ORGANIZER, on=date(2025, 1, 2), reason=None)
    with pytest.raises(Exception, match="changed by someone else"):
        app.save(stale)
    assert [p.person for p in app.people.sealed()] == ["w-17"]
    again = open_contact(app, newcomer, ORGANIZER)
    assert [p.person for p in app.people.sealed()] == ["w-17", "w-99"]
    app.eventsourcing.vault._by_owner.clear()  # read the key from the store, not the cache
    app.eventsourcing.vault._by_id.clear()
    assert contact_of(app, again).worker.name == "Ana Souza"


def test_sealed_people_say_when_their_data_was_first_and_last_sealed(
        app: BargainingApp) -> None:
    open_contact(app, MARIE, ORGANIZER)
    (sealed,) = app.people.sealed()
    assert sealed.person == "w-17"
    assert sealed.first_sealed <= sealed.last_touched
    assert sealed.last_touched.tzinfo is not None


def test_erasure_refuses_what_cannot_be_true_and_records_nothing(app: BargainingApp) -> None:
    with pytest.raises(InvalidInput, match="opaque id"):
        app.people.erase("", actor=ORGANIZER, on=date(2025, 3, 1))
    with pytest.raises(InvalidInput):
        app.people.erase("w-17", actor=ORGANIZER, on="yesterday")  # type: ignore[arg-type]
    with pytest.raises(Exception, match="actor"):
        app.people.erase("w-17", actor=None, on=date(2025, 3, 1))  # type: ignore[arg-type]
    assert app.people.erasure("w-17") is None
    assert list(app.history.audit_log()) == []
    with pytest.raises(RecordNotFound):
        app.history.of(app.eventsourcing.vault.erasure_id("w-17"))


def test_an_erasure_whose_scrub_fails_is_still_recorded_and_says_so_in_the_log(
        memory_app: BargainingApp, monkeypatch: pytest.MonkeyPatch,
        caplog: pytest.LogCaptureFixture) -> None:
    contact = open_contact(memory_app, MARIE, ORGANIZER)
    table: Any = memory_app.eventsourcing.vault.table

    def fails() -> None:
        raise OSError("disk full")

    monkeypatch.setattr(table, "scrub", fails)
    assert memory_app.people.erase("w-17", actor=ORGANIZER, on=date(2025, 3, 1)).recorded
    assert contact_of(memory_app, contact).worker.erased
    assert "could not be scrubbed" in caplog.text and "OSError" in caplog.text
    assert "Marie" not in caplog.text
