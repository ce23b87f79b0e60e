"""An erasure (or a redaction) committed by one process holds in every other process on the
same store at once, without a restart (issue 15): reads show the person as erased, and a save
that sealed data under the erased person's old key records nothing and says so.

Two applications on one store each keep their own cache of keys, as two processes do; one test
runs the erasure in a real second process."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any
from uuid import UUID

import pytest

from bargaining import (
    Actor,
    BargainingApp,
    BargainingError,
    ErasedMeanwhile,
    PersonalData,
    Reader,
    RedactionReason,
)
from tests.conftest import SEES_ALL
from tests.personal_records import WorkerContact, open_contact

ORGANIZER = Actor("org-7", "organizer")
STEWARD = Actor("ds-1", "data steward")
MARIE = PersonalData("w-17", name="Marie Tremblay", contact="514-555-0101", assessment=2)
LUC = PersonalData("w-18", name="Luc Gagnon", assessment=1)
READER = Reader(ORGANIZER.id, "organizer")


def worker_shown(app: BargainingApp, contact: UUID, version: int = 1) -> Any:
    """The worker's data as the history shows it to an organizer allowed to see it."""
    return app.history.of(contact, reader=READER)[version - 1].data["worker"]


def loaded(app: BargainingApp, contact: UUID) -> WorkerContact:
    return app.eventsourcing.load(contact, WorkerContact, "contact")


def stored_rows(app: BargainingApp) -> list[Any]:
    return list(app.eventsourcing.chain.select_stored(0, 100_000))


def mentions(app: BargainingApp, person: str) -> int:
    """How many stored events name the person (their opaque id is stored readable)."""
    return sum(person.encode() in row[4] for row in stored_rows(app))


def erase_in_another_process(store: str, person: str) -> None:
    """Erase a person from a second Python process, as the office's computer would."""
    script = (
        "import sys\n"
        "from datetime import date\n"
        "from bargaining import Actor, BargainingApp\n"
        "with BargainingApp(sys.argv[1]) as app:\n"
        "    done = app.people.erase(sys.argv[2], actor=Actor('ds-1', 'data steward'),\n"
        "                            on=date(2025, 3, 1), reason='the worker asked')\n"
        "    assert done.recorded\n"
    )
    subprocess.run([sys.executable, "-c", script, store, person], check=True, timeout=120)


def test_an_erasure_by_another_application_shows_at_once_in_history_and_records(
        opened: Callable[[], BargainingApp]) -> None:
    laptop, office = opened(), opened()
    marie = open_contact(laptop, MARIE, ORGANIZER)
    luc = open_contact(laptop, LUC, ORGANIZER)
    assert worker_shown(laptop, marie)["name"] == "Marie Tremblay"  # its key is now cached
    assert loaded(laptop, marie).worker == MARIE
    office.people.erase("w-17", actor=STEWARD, on=date(2025, 3, 1))
    assert worker_shown(laptop, marie)["name"] == "erased person"
    assert loaded(laptop, marie).worker.erased
    assert worker_shown(laptop, luc)["name"] == "Luc Gagnon"  # nobody else's data changes
    assert laptop.integrity.verify().intact


def test_the_aggregate_cache_of_another_application_forgets_an_erased_person(
        shared_store: str) -> None:
    env = {"AGGREGATE_CACHE_MAXSIZE": "100"}
    with (BargainingApp(shared_store, read_policy=SEES_ALL, env=env) as laptop,
          BargainingApp(shared_store) as office):
        marie = open_contact(laptop, MARIE, ORGANIZER)
        assert loaded(laptop, marie).worker == MARIE  # now in the laptop's aggregate cache
        office.people.erase("w-17", actor=STEWARD, on=date(2025, 3, 1))
        assert loaded(laptop, marie).worker.erased


def test_a_save_under_a_key_erased_by_another_application_records_nothing_and_says_so(
        opened: Callable[[], BargainingApp]) -> None:
    laptop, office = opened(), opened()
    marie = open_contact(laptop, MARIE, ORGANIZER)
    in_hand = loaded(laptop, marie)  # the laptop holds Marie's key from here on
    office.people.erase("w-17", actor=STEWARD, on=date(2025, 3, 1))
    before, named = len(stored_rows(office)), mentions(office, "w-17")
    in_hand.talk(worker=MARIE, actor=ORGANIZER, on=date(2025, 3, 2), reason=None)
    with pytest.raises(ErasedMeanwhile) as refused:
        laptop.save(in_hand)
    assert isinstance(refused.value, BargainingError)
    for personal in ("w-17", "Marie", "514-555"):
        assert personal not in str(refused.value)
    assert "was erased in another session" in str(refused.value)
    assert len(stored_rows(office)) == before and mentions(office, "w-17") == named
    assert loaded(laptop, marie).version == 1 and loaded(laptop, marie).worker.erased
    assert office.integrity.verify().intact
    # read again, the change is a new one about a person erased before: it gets a new key,
    # as in one process, and the next erasure erases it
    again = loaded(laptop, marie)
    again.talk(worker=MARIE, actor=ORGANIZER, on=date(2025, 3, 2), reason=None)
    laptop.save(again)
    assert worker_shown(office, marie, 2)["name"] == "Marie Tremblay"
    assert office.people.erase("w-17", actor=STEWARD, on=date(2025, 3, 3)).recorded
    assert worker_shown(laptop, marie, 2)["name"] == "erased person"


def test_a_save_with_a_person_not_erased_is_not_refused(
        opened: Callable[[], BargainingApp]) -> None:
    """The check refuses only keys that were deleted: the other person's change lands."""
    laptop, office = opened(), opened()
    luc = open_contact(laptop, LUC, ORGANIZER)
    in_hand = loaded(laptop, luc)
    open_contact(office, MARIE, ORGANIZER)
    office.people.erase("w-17", actor=STEWARD, on=date(2025, 3, 1))
    in_hand.talk(worker=LUC, actor=ORGANIZER, on=date(2025, 3, 2), reason=None)
    laptop.save(in_hand)
    assert worker_shown(office, luc, 2)["name"] == "Luc Gagnon"


def test_a_redaction_by_another_application_shows_at_once(
        opened: Callable[[], BargainingApp]) -> None:
    laptop, office = opened(), opened()
    contact = open_contact(laptop, MARIE, ORGANIZER)
    found = loaded(laptop, contact)
    found.talk(worker=MARIE, actor=ORGANIZER, on=date(2025, 3, 2), reason="met at the gate")
    laptop.save(found)
    assert laptop.history.of(contact, reader=READER)[1].reason == "met at the gate"
    office.people.redact(contact, 2, actor=STEWARD, on=date(2025, 3, 3),
                         reason=RedactionReason.ABOUT_A_PERSON)
    assert laptop.history.of(contact, reader=READER)[1].reason == "[redacted]"


def test_a_snapshot_is_not_stored_from_state_read_before_another_applications_redaction(
        opened: Callable[[], BargainingApp]) -> None:
    """A snapshot holds a record's state, which may hold text a redaction covered: one taken
    after someone erased or redacted, before this process looked, is skipped (a snapshot is
    a cache; loading replays the events), and the next one is stored."""
    laptop, office = opened(), opened()
    contact = open_contact(laptop, MARIE, ORGANIZER)
    found = loaded(laptop, contact)
    found.talk(worker=MARIE, actor=ORGANIZER, on=date(2025, 3, 2), reason="met at the gate")
    laptop.save(found)
    office.people.redact(contact, 2, actor=STEWARD, on=date(2025, 3, 3),
                         reason=RedactionReason.ABOUT_A_PERSON)
    snapshots = laptop.eventsourcing.snapshots
    assert snapshots is not None
    laptop.eventsourcing.take_snapshot(contact)
    assert list(snapshots.get(contact)) == []
    laptop.eventsourcing.take_snapshot(contact)
    assert [s.originator_version for s in snapshots.get(contact)] == [2]


def test_a_person_erased_in_another_process_is_erased_here_and_nothing_is_sealed_for_them(
        shared_store: str) -> None:
    with BargainingApp(shared_store, read_policy=SEES_ALL) as laptop:
        marie = open_contact(laptop, MARIE, ORGANIZER)
        receipt = laptop.integrity.receipt()
        in_hand = loaded(laptop, marie)
        assert worker_shown(laptop, marie)["name"] == "Marie Tremblay"  # its key is cached
        erase_in_another_process(shared_store, "w-17")
        # the laptop's change, begun before the erasure, seals with the key it holds
        before, named = len(stored_rows(laptop)), mentions(laptop, "w-17")
        in_hand.talk(worker=MARIE, actor=ORGANIZER, on=date(2025, 3, 2), reason=None)
        with pytest.raises(ErasedMeanwhile):
            laptop.save(in_hand)
        assert len(stored_rows(laptop)) == before and mentions(laptop, "w-17") == named
        assert worker_shown(laptop, marie)["name"] == "erased person"
        assert loaded(laptop, marie).worker.erased and loaded(laptop, marie).version == 1
        assert laptop.integrity.verify(receipt).intact and laptop.integrity.verify().intact


def test_history_read_in_this_process_after_an_erasure_in_another_shows_it_erased(
        shared_store: str) -> None:
    with BargainingApp(shared_store, read_policy=SEES_ALL) as laptop:
        marie = open_contact(laptop, MARIE, ORGANIZER)
        assert worker_shown(laptop, marie)["name"] == "Marie Tremblay"  # its key is cached
        erase_in_another_process(shared_store, "w-17")
        assert worker_shown(laptop, marie)["name"] == "erased person"
        assert loaded(laptop, marie).worker.erased


def test_reads_ask_the_erasure_generation_only_while_some_key_is_cached(
        shared_store: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A process that holds nobody's key (a store without personal data) pays nothing per
    read; one that holds keys asks once per read that opens sealed values, not once per
    value."""
    with BargainingApp(shared_store, read_policy=SEES_ALL) as laptop:
        table: Any = laptop.eventsourcing.vault.table
        asked: list[int] = []
        original = table.generation

        def counted() -> int:
            asked.append(1)
            return int(original())

        monkeypatch.setattr(table, "generation", counted)
        unit = laptop.units.register(union="CSN", local="DXT4", employer="Amazon",
                                     unit_name="Warehouse", headcount=230, actor=ORGANIZER)
        laptop.units.get(unit)
        assert asked == []
        contact = open_contact(laptop, MARIE, ORGANIZER)
        found = loaded(laptop, contact)
        for _ in range(4):
            found.talk(worker=MARIE, actor=ORGANIZER, on=date(2025, 3, 2), reason=None)
        laptop.save(found)
        asked.clear()
        assert loaded(laptop, contact).version == 5  # five values of Marie's, one question
        # PostgreSQL's load reads the generation in its own statement: no question at all
        assert asked == ([] if shared_store.startswith("postgresql") else [1])
        asked.clear()
        assert len(laptop.history.of(contact, reader=READER)) == 5
        # once per read of the store (the record's first event, then its page of events),
        # not once per value
        assert asked == [1, 1]


def test_opening_a_second_application_on_a_sqlite_file_leaves_the_first_seeing_others_writes(
        tmp_path: Path) -> None:
    """Opening a store once read the file's first bytes through a file handle of its own, and
    closing it released the process's locks on the file: another process closing the store
    then reset its write-ahead log, and this process's open applications read a stale store,
    blind to others' saves and erasures, until they closed."""
    store = str(tmp_path / "events.sqlite")
    with BargainingApp(store, read_policy=SEES_ALL) as first:
        marie = open_contact(first, MARIE, ORGANIZER)
        with BargainingApp(store):
            pass
        erase_in_another_process(store, "w-17")
        assert worker_shown(first, marie)["name"] == "erased person"
        assert first.people.erasure("w-17") is not None


def test_a_save_about_many_known_people_checks_all_their_keys(
        opened: Callable[[], BargainingApp]) -> None:
    """One person erased among the many a save is about refuses the whole save; without
    them, every key is found (the check reads them a few hundred at a time on SQLite)."""
    laptop, office = opened(), opened()
    contacts = [WorkerContact(worker=PersonalData(f"w-{n}", name=f"worker {n}"),
                              actor=ORGANIZER, on=date(2024, 5, 1), reason=None)
                for n in range(1200)]
    laptop.save(*contacts)
    office.people.erase("w-1100", actor=STEWARD, on=date(2025, 3, 1))
    for contact in contacts:
        contact.talk(worker=contact.worker, actor=ORGANIZER, on=date(2025, 3, 2), reason=None)
    with pytest.raises(ErasedMeanwhile):
        laptop.save(*contacts)
    assert loaded(office, contacts[999].id).version == 1  # nothing of the save recorded
    again = [loaded(laptop, contact.id) for contact in contacts[:1000]]
    for contact in again:
        contact.talk(worker=contact.worker, actor=ORGANIZER, on=date(2025, 3, 2), reason=None)
    laptop.save(*again)  # nobody erased among them: recorded, every key checked
    assert loaded(office, contacts[999].id).version == 2


def test_clear_feedback_of_the_release_is_hidden_once_another_application_erases_its_giver(
        opened: Callable[[], BargainingApp]) -> None:
    """Text bound to a person that the release before sealing stored in clear is hidden on
    read once the person's erasure is recorded; a process that already asked (and was told
    "not erased") learns of another process's erasure at its next read."""
    from tests.test_free_text_sealing import FEEDBACK, released_feedback

    laptop, office = opened(), opened()
    document = released_feedback(laptop)
    assert FEEDBACK in str(laptop.history.of(document)[1].data)
    office.people.erase("w-17", actor=STEWARD, on=date(2025, 3, 3))
    details = str(laptop.history.of(document)[1].data)
    assert FEEDBACK not in details and "[redacted]" in details
