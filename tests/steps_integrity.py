"""Steps for tamper_evidence.feature and time_travel.feature."""

from __future__ import annotations

import time
from datetime import UTC, date, datetime

from pytest_bdd import given, parsers, then, when

from bargaining import Actor, Receipt
from tests.refusals import position
from tests.steps_common import *  # noqa: F403
from tests.steps_common import World
from tests.tampering import Tamperer

COMMITTEE = Actor("cc-1", "coordinating committee")


def instant() -> datetime:
    now = datetime.now(UTC)
    time.sleep(0.002)
    return now


# ------------------------------------------------------------------ tamper evidence


@given("the campaign's record is kept in a SQLite file")
def sqlite_record(world: World) -> None:
    world.store = str(world.tmp_path / "campaign.sqlite")


@given("four units were registered, each with an agreement")
def four_units(world: World) -> None:
    for n in range(4):
        uid = world.app.units.register(
            union="CUPE", local=str(79 + n), employer="City of Toronto", unit_name="Inside",
            sector="municipal", actor=world.setup_actor,
        )
        world.app.units.record_agreement(uid, expiry=date(2026, 12, 31), actor=world.setup_actor)


@given("the coordinating committee took a receipt")
@when("the coordinating committee takes a receipt")
def take_receipt(world: World) -> None:
    world.extra["receipt"] = str(world.app.integrity.receipt())


@given(parsers.parse("someone changes one byte of the event at position {at:d} in the database"))
def change_byte(world: World, at: int) -> None:
    Tamperer(world.app).flip_byte(at, offset=11)


@given(parsers.parse("someone deletes the event at position {at:d} from the database"))
def delete_event(world: World, at: int) -> None:
    Tamperer(world.app).delete(at)


@given(parsers.parse(
    "someone swaps the events at positions {first:d} and {second:d} in the database"
))
def swap_events(world: World, first: int, second: int) -> None:
    Tamperer(world.app).swap(first, second)


@given(parsers.parse("someone deletes every event after position {at:d}, with their chain records"))
def drop_tail(world: World, at: int) -> None:
    Tamperer(world.app).drop_tail(after=at)


@given("recomputes the whole chain to hide it")
def rechain(world: World) -> None:
    Tamperer(world.app).rechain()


@when("the record is verified")
def verify(world: World) -> None:
    world.result = world.app.integrity.verify()


@when("the record is verified against the receipt")
def verify_receipt(world: World) -> None:
    world.result = world.app.integrity.verify(world.extra["receipt"])


@then(parsers.parse("it is intact up to position {at:d}"))
def intact_up_to(world: World, at: int) -> None:
    assert world.result.position == at, str(world.result)
    if world.result.intact:
        assert str(world.result).startswith(f"intact up to position {at}")


@then(parsers.parse('it is broken at position {at:d} because an event was "{kind}"'))
def broken_at(world: World, at: int, kind: str) -> None:
    assert not world.result.intact
    assert (world.result.broken_at, world.result.kind.value) == (at, kind), str(world.result)
    assert f"broken at position {at}: {kind}" in str(world.result)


@then(parsers.parse('it is broken because the record was "{kind}"'))
def broken_because(world: World, kind: str) -> None:
    assert not world.result.intact
    assert world.result.kind.value == kind, str(world.result)


@then(parsers.parse("the receipt fits on one line and names position {at:d}"))
def receipt_line(world: World, at: int) -> None:
    line = world.extra["receipt"]
    assert "\n" not in line and len(line) < 120
    assert Receipt.parse(line).position == at


@then("the record verifies against the receipt")
def verifies_against_receipt(world: World) -> None:
    assert world.app.integrity.verify(world.extra["receipt"]).intact


# ------------------------------------------------------------------ time travel


def admit(world: World, label: str) -> None:
    uid = world.units.get(label) or world.app.units.register(
        union=label.split()[0], local=label.split()[1], employer="City of Toronto",
        unit_name="Inside", sector="municipal", actor=world.setup_actor,
    )
    world.units[label] = uid
    world.app.units.record_agreement(uid, expiry=date(2026, 12, 31), actor=world.setup_actor)
    world.app.clusters.admit(world.extra["cluster"], uid, actor=COMMITTEE, on=date(2026, 9, 1))


@given(parsers.parse('a unit "{label}" with {workers:d} workers'))
def a_unit(world: World, label: str, workers: int) -> None:
    union, local = label.split()
    world.units[label] = world.app.units.register(
        union=union, local=local, employer="City of Toronto", unit_name="Inside",
        sector="municipal", headcount=workers, actor=world.setup_actor,
    )
    world.unit = world.units[label]


@given(parsers.parse("its headcount changed to {workers:d}"))
def headcount_changed(world: World, workers: int) -> None:
    assert world.unit is not None
    world.app.units.change_headcount(world.unit, workers, actor=world.setup_actor)


@given(parsers.parse('a cluster "{name}" that admitted "{label}"'))
def a_cluster(world: World, name: str, label: str) -> None:
    world.extra["cluster"] = world.app.clusters.form(
        name=name, sectors=["municipal"], committee=[COMMITTEE], window_start=date(2026, 10, 1),
        window_end=date(2027, 3, 31), target_alignment=date(2026, 12, 31), actor=COMMITTEE,
                        on=date(2026, 9, 1),
    )
    admit(world, label)


@given(parsers.parse('a moment later a second unit "{label}" was admitted'))
def second_admitted(world: World, label: str) -> None:
    world.extra["before second"] = instant()
    admit(world, label)


@when(parsers.parse('I look at "{label}" as of version {version:d}'))
def look_at_version(world: World, label: str, version: int) -> None:
    world.result = world.app.history.as_of(world.units[label], version=version)


@when(parsers.parse('I look at the cluster as of the moment before "{label}" was admitted'))
def look_at_cluster(world: World, label: str) -> None:
    world.before = position(world.app)
    world.result = world.app.history.as_of(world.extra["cluster"], at=world.extra["before second"])


@when(parsers.parse('I look at "{label}" as of "{text}" with no time zone'))
def look_naive(world: World, label: str, text: str) -> None:
    naive = datetime.fromisoformat(text)
    world.attempt(lambda: world.app.history.as_of(world.units[label], at=naive))


@when(parsers.parse(
    'I look at "{label}" as of the moment before "{other}" was admitted, before it existed'
))
def look_before_creation(world: World, label: str, other: str) -> None:
    world.attempt(lambda: world.app.history.as_of(world.units[label],
                                                  at=world.extra["before second"]))


@then(parsers.parse("it has {workers:d} workers"))
def has_workers(world: World, workers: int) -> None:
    assert world.result.headcount == workers


@then(parsers.parse("today it has {workers:d} workers"))
def today_workers(world: World, workers: int) -> None:
    assert world.unit is not None
    assert world.app.units.get(world.unit).headcount == workers


def member_labels(cluster: object, world: World) -> str:
    names = {uid: label for label, uid in world.units.items()}
    return ", ".join(names[uid] for uid in cluster.members)  # type: ignore[attr-defined]


@then(parsers.parse('its members are "{labels}"'))
def members_then(world: World, labels: str) -> None:
    assert member_labels(world.result, world) == labels


@then(parsers.parse('today its members are "{labels}"'))
def members_today(world: World, labels: str) -> None:
    assert member_labels(world.app.clusters.get(world.extra["cluster"]), world) == labels


@then(parsers.parse('the refusal mentions "{text}"'))
def refusal_mentions(world: World, text: str) -> None:
    error = str(world.refusal())
    assert text in error, error


@then(parsers.parse('it is refused, saying it "{text}"'))
def refused_saying(world: World, text: str) -> None:
    error = str(world.refusal())
    assert text in error, error


# ------------------------------------------------------------------ schema evolution


@given("a unit whose headcount change was stored by the release before count dates existed")
def released_headcount(world: World) -> None:
    from tests.test_schema_evolution import UNIT, released_events

    world.app.eventsourcing.recorder.insert_events(released_events())
    world.unit = UNIT


@when("I read the unit's history")
def read_history(world: World) -> None:
    assert world.unit is not None
    world.result = world.app.history.of(world.unit)


@then(parsers.parse("the headcount change says {workers} workers, with no count date"))
def headcount_entry(world: World, workers: str) -> None:
    entry = world.result[-1]
    assert entry.event == "HeadcountChanged"
    assert f"now covers {workers} workers" in entry.summary
    assert entry.occurred_on is None and entry.data["counted_on"] is None


@then(parsers.parse("the unit covers {workers:d} workers"))
def unit_covers(world: World, workers: int) -> None:
    assert world.unit is not None
    assert world.app.units.get(world.unit).headcount == workers


@then("the record verifies intact")
def record_intact(world: World) -> None:
    assert world.app.integrity.verify().intact
