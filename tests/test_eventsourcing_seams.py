"""What the library relies on in ``eventsourcing``, checked by behaviour.

``bargaining.infrastructure`` extends ``eventsourcing`` at a few seams: ``Application.save``
and ``take_snapshot``, the recorders' insert and create-table hooks (the hash chain),
``register_topic`` (classes that moved), and the stored JSON form of transcoded values (the
Expiry Map reads it without building domain objects). Each test here fails if an
``eventsourcing`` release changes what one of those seams does; run them before widening the
pin in ``pyproject.toml``.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any
from uuid import UUID

import pytest
from eventsourcing.domain import Aggregate, Snapshot
from eventsourcing.persistence import IntegrityError
from eventsourcing.utils import get_topic, resolve_topic

from bargaining import (
    Actor,
    BargainingApp,
    BargainingUnit,
    CollectiveAgreement,
    ConcurrentChange,
    UnitProfile,
)
from bargaining.infrastructure.event_store import EventStore
from bargaining.infrastructure.stores import Store
from bargaining.infrastructure.topics import PREVIOUS_TOPICS, stored_topics
from bargaining.infrastructure.unit_batches import registered_unit

STEWARD = Actor("d-1", "data steward")


def new_unit(name: str, headcount: int = 10) -> BargainingUnit:
    profile = UnitProfile(union="CUPE", local="1", employer="Employer", unit_name=name,
                          headcount=headcount)
    return BargainingUnit.register(profile, actor=STEWARD)


def test_save_records_every_given_record_in_one_transaction_in_order(
    app: BargainingApp,
) -> None:
    first, second = new_unit("a"), new_unit("b")
    second.record_agreement(CollectiveAgreement(date(2026, 1, 1)), actor=STEWARD)
    recordings = app.save(first, second)
    positions = [r.notification.id for r in recordings]
    assert positions == sorted(positions) and len(positions) == 3
    assert [r.domain_event.originator_id for r in recordings] == [first.id, second.id, second.id]
    assert app.expiry_map.unit(second.id).expiry == date(2026, 1, 1)  # the follower ran


def test_a_conflict_records_nothing_of_the_whole_save(app: BargainingApp) -> None:
    unit = new_unit("a")
    app.save(unit)
    stale = app.units.get(unit.id)
    app.units.change_headcount(unit.id, 11, actor=STEWARD)
    stale.change_headcount(12, actor=STEWARD)
    fresh = new_unit("b")
    before = app.eventsourcing.recorder.max_notification_id()
    with pytest.raises(ConcurrentChange):
        app.save(fresh, stale)
    assert app.eventsourcing.recorder.max_notification_id() == before
    assert not app.eventsourcing.contains(fresh.id)


def test_save_raises_integrity_error_on_a_conflict(store_url: str) -> None:
    """``EventStore.save`` turns exactly this error into ``ConcurrentChange``."""
    events = EventStore(Store.parse(store_url))
    try:
        unit = new_unit("a")
        events.save(unit)
        with pytest.raises(IntegrityError):
            events.recorder.insert_events([events.mapper.to_stored_event(
                new_unit("a").collect_events()[0])])
        with pytest.raises(ConcurrentChange):
            events.save(new_unit("a"))
    finally:
        events.close()


def test_save_takes_the_snapshots_eventsourcing_would_at_the_interval(
    store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A save's snapshots are found as ``Application._take_snapshots`` finds them and put
    together (``infrastructure/snapshots.py``, ``due_snapshots``): one at the interval, the
    same as ``take_snapshot`` makes from the record loaded at that version; for a record
    saved past the interval (in one save), too."""
    taken: list[tuple[Any, ...]] = []
    monkeypatch.setattr(EventStore, "take_snapshot",
                        lambda self, *args, **kwargs: taken.append(args))
    events = EventStore(Store.parse(store_url))
    try:
        interval = EventStore.snapshotting_intervals[BargainingUnit]
        at, past = new_unit("a"), new_unit("b")
        for n in range(interval - 1):
            at.change_headcount(100 + n, actor=STEWARD)
        for n in range(interval + 2):
            past.change_headcount(100 + n, actor=STEWARD)
        events.save(at, past)
        assert taken == []  # not one by one
        assert events.snapshots is not None
        for unit in (at, past):
            stored = list(events.snapshots.get(unit.id))
            assert [s.originator_version for s in stored] == [interval]
            replayed = Snapshot.take(events.repository.get(unit.id, version=interval))
            assert stored[0].state == replayed.state
            assert stored[0].topic == replayed.topic
    finally:
        events.close()


def test_the_chain_is_written_in_the_insert_transaction(app: BargainingApp) -> None:
    """The recorders' insert hooks run inside the insert: a batch that fails leaves neither
    events nor chain records, and every stored event has its chain record."""
    recorder: Any = app.eventsourcing.recorder
    app.save(new_unit("a"))
    taken = new_unit("a").collect_events()[0]
    new = new_unit("b").collect_events()[0]
    mapper = app.eventsourcing.mapper
    with pytest.raises(IntegrityError):
        recorder.insert_events([mapper.to_stored_event(new), mapper.to_stored_event(taken)])
    stored = [row[0] for row in recorder.select_stored(0, 100)]
    chained = [record.position for record in recorder.select_chain(0, 100)]
    assert stored == chained and len(stored) == 1
    assert app.integrity.verify().intact


def test_a_registered_earlier_topic_finds_todays_nested_event_classes() -> None:
    for old, cls in PREVIOUS_TOPICS.items():
        assert resolve_topic(old) is cls
        for event_class in (v for v in vars(cls).values()
                            if isinstance(v, type) and issubclass(v, Aggregate.Event)):
            name = event_class.__qualname__.split(".", 1)[1]
            assert resolve_topic(f"{old}.{name}") is event_class
            assert stored_topics(event_class) == (get_topic(event_class), f"{old}.{name}")


def test_transcoded_values_are_stored_as_the_expiry_map_reads_them(app: BargainingApp) -> None:
    """The map decodes stored JSON itself: a value is ``{"_type_": name, "_data_": ...}``
    and an upcast event carries ``class_version``."""
    unit = new_unit("a")
    unit.record_agreement(CollectiveAgreement(date(2026, 1, 1), date(2023, 1, 1)), actor=STEWARD)
    unit.change_headcount(11, actor=STEWARD, on=date(2025, 9, 30))
    app.save(unit)
    stored = app.eventsourcing.recorder.select_events(unit.id)
    cipher, compressor = app.eventsourcing.mapper.cipher, app.eventsourcing.mapper.compressor
    assert cipher is None and compressor is None
    agreement = json.loads(stored[1].state)["agreement"]
    assert agreement["_type_"] == "collective_agreement"
    assert agreement["_data_"]["expiry"] == {"_type_": "date_iso", "_data_": "2026-01-01"}
    assert json.loads(stored[0].state)["timestamp"]["_type_"] == "datetime_iso"
    counted = json.loads(stored[2].state)
    assert (counted["class_version"], counted["counted_on"]["_data_"]) == (2, "2025-09-30")


def test_an_encrypted_store_exposes_its_cipher_on_the_mapper(tmp_path: Any) -> None:
    key = BargainingApp.create_cipher_key()
    with BargainingApp(str(tmp_path / "e.sqlite"), cipher_key=key) as app:
        app.save(new_unit("a"))
        cipher = app.eventsourcing.mapper.cipher
        assert cipher is not None
        raw = app.eventsourcing.recorder.select_events(new_unit("a").id)[0].state
        assert json.loads(cipher.decrypt(raw))["union"] == "CUPE"


def test_a_unit_made_in_bulk_is_the_one_its_constructor_makes() -> None:
    """The importer's units skip the constructor's argument matching (``Aggregate._create``,
    in ``infrastructure/unit_batches.py``): both paths must make the same unit and event."""
    profile = UnitProfile(union="CUPE", local="79", employer="City of Toronto",
                          unit_name="Inside workers", sector="municipal", headcount=20000)
    made = registered_unit(profile, STEWARD)
    built = BargainingUnit.register(profile, actor=STEWARD)
    clocks = {"_created_on": None, "_modified_on": None, "_pending_events": None}
    assert made.id == built.id == profile.unit_id
    assert vars(made) | clocks == vars(built) | clocks
    made_event, built_event = made.collect_events()[0], built.collect_events()[0]
    assert type(made_event) is type(built_event) is BargainingUnit.Registered
    assert {**vars(made_event), "timestamp": None} == {**vars(built_event), "timestamp": None}


def test_aggregates_saved_together_are_snapshotted_and_cached_as_if_one_by_one(
    store_url: str,
) -> None:
    """``EventStore`` hands several aggregates to ``Application.save`` as one and puts them
    back in ``_record``, the first step of ``save``: the steps after it (the repository's
    cache, snapshots at the interval) must see each aggregate in its own place."""
    events = EventStore(Store.parse(store_url), env={"AGGREGATE_CACHE_MAXSIZE": "10",
                                                     "AGGREGATE_CACHE_FASTFORWARD": "n"})
    try:
        interval = EventStore.snapshotting_intervals[BargainingUnit]
        busy, quiet = new_unit("busy"), new_unit("quiet")
        for n in range(interval - 1):
            busy.change_headcount(100 + n, actor=STEWARD)
        recordings = events.save(quiet, busy)
        assert [r.domain_event.originator_id for r in recordings][:2] == [quiet.id, busy.id]
        assert events.snapshots is not None
        assert [s.originator_version for s in events.snapshots.get(busy.id)] == [interval]
        assert list(events.snapshots.get(quiet.id)) == []
        cache = events.repository.cache
        assert cache is not None
        assert cache.get(busy.id) is busy and cache.get(quiet.id) is quiet
        with pytest.raises(KeyError):
            cache.get(UUID(int=0))
    finally:
        events.close()
