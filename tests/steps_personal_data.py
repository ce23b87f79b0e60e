"""Steps for personal_data.feature: a worker's data sealed with their own key, then erased."""

from __future__ import annotations

import io
import subprocess
import sys
from datetime import date
from pathlib import Path

from pytest_bdd import given, parsers, then, when

from bargaining import (
    Actor,
    BargainingApp,
    ErasedMeanwhile,
    MapCount,
    PersonalData,
    Reader,
    ReadPolicy,
    RedactionReason,
)
from bargaining.adapters.audit_export import write_csv, write_jsonl
from tests.personal_records import WorkerContact, open_contact
from tests.steps_common import *  # noqa: F403
from tests.steps_common import World

ORGANIZER = Actor("org-dxt4", "organizer")
STEWARD = Actor("ds-1", "data steward")


@given("the organizing record of DXT4 is kept in a SQLite file")
def dxt4_file(world: World) -> None:
    world.store = str(world.tmp_path / "dxt4.sqlite")


@given(parsers.parse('an organizer recorded a conversation with worker "{person}", "{name}", '
                     'assessed {assessment:d}'))
def conversation(world: World, person: str, name: str, assessment: int) -> None:
    worker = PersonalData(person, name=name, assessment=assessment)
    world.extra.setdefault("contacts", {})[name] = open_contact(
        world.app, worker, ORGANIZER, on=date(2024, 5, 10))


@given("the coordinating committee took a receipt of the record")
def receipt(world: World) -> None:
    world.extra["receipt"] = str(world.app.integrity.receipt())


@when(parsers.parse('the data steward erases worker "{person}" on {day}, as she asked'))
def erase(world: World, person: str, day: str) -> None:
    world.result = world.app.people.erase(person, actor=STEWARD, on=date.fromisoformat(day),
                                          reason="the worker asked to be forgotten")


def _exports(world: World, reader: Reader | None = None, app: BargainingApp | None = None
             ) -> str:
    app = app or world.app
    out = io.StringIO()
    write_csv(app.history.audit_log(reader=reader), out)
    write_jsonl(app.history.audit_log(reader=reader), out)
    return out.getvalue()


@then(parsers.parse('"{name}" is in no table, file or export of the record'))
def nowhere(world: World, name: str) -> None:
    store = Path(world.store)
    for path in (store, Path(f"{store}-wal")):
        if path.exists():
            assert name.encode() not in path.read_bytes()
    assert name not in _exports(world)
    contact = world.app.eventsourcing.repository.get(world.extra["contacts"][name])
    assert isinstance(contact, WorkerContact) and contact.worker.erased


@then(parsers.parse('a committee member sees "{shown}" in the history where her name was'))
def shown_erased(world: World, shown: str) -> None:
    committee = Reader("c-1", "committee")
    entry = world.app.history.of(world.extra["contacts"]["Marie Tremblay"],
                                 reader=committee)[0]
    assert entry.data["worker"]["name"] == shown
    assert entry.data["worker"]["assessment"] is None
    assert f'"name": "{shown}"' in _exports(world, committee)


@then(parsers.parse('"{name}" still reads as recorded'))
def still_reads(world: World, name: str) -> None:
    contact = world.app.eventsourcing.repository.get(world.extra["contacts"][name])
    assert contact.worker.name == name and contact.worker.assessment == 1
    # the conversation is no workplace's: a host whose policy lets organizers see every
    # person's data (not the default) shows it to the organizer who recorded it
    with BargainingApp(world.store, read_policy=ReadPolicy(organizers_only=False)) as app:
        assert name in _exports(world, Reader(ORGANIZER.id, "organizer"), app)


@then("the receipt taken before the erasure still verifies")
def receipt_verifies(world: World) -> None:
    assert world.app.integrity.verify(world.extra["receipt"]).intact
    assert world.app.integrity.verify().intact


@then(parsers.parse('erasing worker "{person}" again is reported and records nothing'))
def erase_again(world: World, person: str) -> None:
    before = world.app.integrity.receipt().position
    again = world.app.people.erase(person, actor=STEWARD, on=date(2025, 2, 5))
    assert not again.recorded and again.on == date(2025, 2, 4)
    assert world.app.integrity.receipt().position == before


# ------------------------------------------------------- erased in another process

def _laptop(world: World) -> BargainingApp:
    """The phone-bank laptop: an application of its own on the same store, whose organizer
    may see every person's data (the conversation is no workplace's)."""
    laptop = world.extra.get("laptop")
    if laptop is None:
        laptop = world.extra["laptop"] = BargainingApp(
            world.store, read_policy=ReadPolicy(organizers_only=False))
        world._opened.append(laptop)
    return laptop


@given(parsers.parse('the phone-bank laptop shows "{name}" in the history and has her '
                     'conversation open'))
def laptop_shows(world: World, name: str) -> None:
    laptop, contact = _laptop(world), world.extra["contacts"][name]
    entry = laptop.history.of(contact, reader=Reader(ORGANIZER.id, "organizer"))[0]
    assert entry.data["worker"]["name"] == name
    world.extra["open"] = laptop.eventsourcing.load(contact, WorkerContact, "conversation")


@when(parsers.parse('the data steward erases worker "{person}" from the office computer on '
                    '{day}'))
def erase_at_office(world: World, person: str, day: str) -> None:
    script = ("import sys\n"
              "from datetime import date\n"
              "from bargaining import Actor, BargainingApp\n"
              "with BargainingApp(sys.argv[1]) as office:\n"
              "    assert office.people.erase(sys.argv[2], actor=Actor('ds-1', 'data steward'),\n"
              "        on=date.fromisoformat(sys.argv[3]), reason='she asked').recorded\n")
    subprocess.run([sys.executable, "-c", script, world.store, person, day], check=True,
                   timeout=120)


@then(parsers.parse('a call with "{name}" noted on the laptop\'s open conversation records '
                    'nothing and says she was erased meanwhile'))
def call_refused(world: World, name: str) -> None:
    laptop, found = _laptop(world), world.extra["open"]
    before = world.app.integrity.receipt().position  # asked of the other application
    found.talk(worker=found.worker, actor=ORGANIZER, on=date(2025, 2, 4), reason=None)
    try:
        laptop.save(found)
    except ErasedMeanwhile as refused:
        assert "erased in another session" in str(refused) and name not in str(refused)
    else:
        raise AssertionError("the call was recorded under the erased key")
    assert world.app.integrity.receipt().position == before


@then(parsers.parse('the phone-bank laptop shows "{shown}" in the history where her name was, '
                    'without restarting'))
def laptop_shows_erased(world: World, shown: str) -> None:
    contact = world.extra["contacts"]["Marie Tremblay"]
    entry = _laptop(world).history.of(contact, reader=Reader(ORGANIZER.id, "organizer"))[0]
    assert entry.data["worker"]["name"] == shown


# ------------------------------------------------------------------- redaction of a note

COMMITTEE = Actor("c-2", "coordinating committee")


@given(parsers.parse("the night shift of the DXT4 warehouse is a work group of {workers:d} "
                     "workers"))
def night_shift(world: World, workers: int) -> None:
    place = world.app.organizing.register_workplace(
        name="DXT4", employer="Amazon", region="Laval", actor=ORGANIZER)
    world.app.organizing.add_group(place, name="nights", kind="shift", workers=workers,
                                   on=date(2024, 3, 1), actor=ORGANIZER)
    world.extra["workplace"] = place


@given(parsers.parse('an organizer mapped the night shift with the note "{note}"'))
def mapped_with_note(world: World, note: str) -> None:
    place = world.extra["workplace"]
    count = MapCount(workers=60, mapped=41, contacts=30)
    world.app.organizing.record_map(place, group="nights", count=count, on=date(2024, 3, 20),
                                    actor=ORGANIZER, reason=note)
    world.extra["note"] = (place, world.app.organizing.workplace(place).version)
    assert world.app.history.of(place)[-1].reason == note


@when(parsers.parse("the coordinating committee redacts that note on {day}, as it was about "
                    "a worker"))
def redact(world: World, day: str) -> None:
    place, version = world.extra["note"]
    world.result = world.app.people.redact(place, version, actor=COMMITTEE,
                                           on=date.fromisoformat(day),
                                           reason=RedactionReason.ABOUT_A_PERSON)


@then(parsers.parse('the history shows "{shown}" where the note was, and "{french}" in '
                    'French'))
def shows_redacted(world: World, shown: str, french: str) -> None:
    place, version = world.extra["note"]
    assert world.app.history.of(place)[version - 1].reason == shown
    assert world.app.history.of(place, language="fr")[version - 1].reason == french


@then(parsers.parse('"{text}" is in no file or export of the record'))
def text_nowhere(world: World, text: str) -> None:
    store = Path(world.store)
    for path in (store, Path(f"{store}-wal")):
        if path.exists():
            assert text.encode() not in path.read_bytes()
    exports = _exports(world)
    assert text not in exports and "[redacted]" in exports


@then("the receipt taken before the redaction still verifies")
def receipt_still_verifies(world: World) -> None:
    receipt_verifies(world)


@then("redacting the note again is reported and records nothing")
def redact_again(world: World) -> None:
    place, version = world.extra["note"]
    before = world.app.integrity.receipt().position
    again = world.app.people.redact(place, version, actor=COMMITTEE, on=date(2025, 2, 5),
                                    reason=RedactionReason.ABOUT_A_PERSON)
    assert not again.recorded and again.on == date(2025, 2, 4)
    assert world.app.integrity.receipt().position == before
