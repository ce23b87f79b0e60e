"""Snapshots of every kind of record load exactly as the record replays from its events, and a
snapshot that was copied, moved back or edited is never used and is named by ``verify``.

The three attacks are those of issue 14: copying unit A's snapshot under unit B's id, putting
an old snapshot back under a later version, and editing a plain snapshot's bytes.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any
from uuid import UUID

import pytest
from eventsourcing.application import Repository
from eventsourcing.persistence import StoredEvent

from bargaining import Actor, BargainingApp, Break, verify_store
from bargaining.infrastructure.snapshot_intervals import SNAPSHOT_INTERVALS
from bargaining.infrastructure.snapshots import HEADER, SealedSnapshotStore, is_sealed
from tests.history_story import record_story

STEWARD = Actor("d-1", "data steward")
V0_1 = Path(__file__).resolve().parent / "release_stores" / "v0.1"
KEY = (V0_1 / "key.txt").read_text().strip()


def differences(a: Any, b: Any, path: str = "") -> list[str]:
    """Where two states differ, type for type (a tuple read back as a list is a difference)."""
    if type(a) is not type(b):
        return [f"{path}: {type(a).__name__} != {type(b).__name__}"]
    if isinstance(a, dict):
        return [d for k in set(a) | set(b) for d in differences(a.get(k), b.get(k),
                                                               f"{path}[{k!r}]")]
    if isinstance(a, list | tuple):
        if len(a) != len(b):
            return [f"{path}: {len(a)} items != {len(b)}"]
        return [d for i, (x, y) in enumerate(zip(a, b, strict=True))
                for d in differences(x, y, f"{path}[{i}]")]
    return [] if a == b else [f"{path}: {a!r} != {b!r}"]


def store(app: BargainingApp) -> SealedSnapshotStore:
    snapshots = app.eventsourcing.snapshots
    assert isinstance(snapshots, SealedSnapshotStore)
    return snapshots


@contextmanager
def restores_counted(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[bool]]:
    """Each snapshot a load tried, and whether it was used."""
    used: list[bool] = []
    original = SealedSnapshotStore.restore

    def spy(self: SealedSnapshotStore, stored: StoredEvent, event: Any) -> Any:
        found = original(self, stored, event)
        used.append(found is not None)
        return found

    monkeypatch.setattr(SealedSnapshotStore, "restore", spy)
    yield used


def every_record(app: BargainingApp) -> list[UUID]:
    rows = app.eventsourcing.recorder.select_notifications(start=1, limit=100_000)
    return list(dict.fromkeys(UUID(str(n.originator_id)) for n in rows))


def assert_snapshots_load_as_replayed(app: BargainingApp, monkeypatch: pytest.MonkeyPatch,
                                      kinds: set[str] | None = None) -> set[str]:
    events = app.eventsourcing
    replay = Repository(events.events)  # no snapshots: every event replayed
    seen = set()
    for record in every_record(app):
        events.take_snapshot(record)
        with restores_counted(monkeypatch) as used:
            loaded = events.repository.get(record)
        assert used == [True], f"{type(loaded).__name__} did not load from its snapshot"
        replayed = replay.get(record)
        assert loaded.version == replayed.version
        assert differences(vars(loaded), vars(replayed)) == [], type(loaded).__name__
        seen.add(type(loaded).__name__)
    if kinds is not None:
        assert kinds <= seen
    return seen


ALL_KINDS = {cls.__name__ for cls in SNAPSHOT_INTERVALS}


def test_every_kind_of_record_is_snapshotted() -> None:
    from eventsourcing.domain import Aggregate

    import bargaining.domain as domain

    def concrete(cls: type) -> set[type]:
        found = {cls} if cls.__module__.startswith(domain.__name__) else set()
        return found.union(*(concrete(sub) for sub in cls.__subclasses__()))

    kinds = {c for c in concrete(Aggregate) if "Ledger" not in c.__name__}
    assert kinds <= set(SNAPSHOT_INTERVALS)


def test_every_kind_of_record_loads_from_its_snapshot_as_it_replays(
        app: BargainingApp, monkeypatch: pytest.MonkeyPatch) -> None:
    """A campaign, a cluster with tables and me-too, rounds and a table with returns, a
    framework, a law, an intervention, the dispute index and units."""
    record_story(app)
    assert_snapshots_load_as_replayed(app, monkeypatch, ALL_KINDS)
    assert app.integrity.verify().intact


def test_records_of_release_0_1_upcast_then_snapshotted_load_as_they_replay(
        store_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Events of the old forms (cluster events without their day, head counts without the
    day they were counted) are upcast when replayed; their snapshots hold the upcast state."""
    with sqlite3.connect(V0_1 / "plain.sqlite") as db:
        rows = db.execute("SELECT originator_id, originator_version, topic, state FROM "
                          "stored_events ORDER BY rowid").fetchall()
    with BargainingApp(store_url) as app:
        app.eventsourcing.recorder.insert_events(
            [StoredEvent(UUID(r[0]), r[1], r[2], bytes(r[3])) for r in rows])
        kinds = assert_snapshots_load_as_replayed(app, monkeypatch)
        assert {"BargainingCluster", "BargainingUnit", "Campaign"} <= kinds


def test_a_snapshot_is_taken_at_each_kinds_interval(memory_app: BargainingApp) -> None:
    app = memory_app
    units = [app.units.register(union="CUPE", local="79", employer="City of Toronto",
                                unit_name=f"Unit {i}", actor=STEWARD) for i in range(3)]
    campaign = app.campaigns.launch(name="Fair deal now", units=units, on=date(2025, 9, 1),
                                    actor=STEWARD)
    interval = SNAPSHOT_INTERVALS[type(app.campaigns.get(campaign))]
    version = app.campaigns.get(campaign).version
    while version < interval:
        app.campaigns.change_climb_share(campaign, 50 + version % 2, on=date(2025, 11, 1),
                                         actor=STEWARD)
        version += 1
    assert [s.originator_version for s in store(app).get(campaign)] == [interval]


# ------------------------------------------------------------------ attacks


class SnapshotTamperer:
    """Changes the snapshot table directly, as someone with access to the database could."""

    def __init__(self, app: BargainingApp) -> None:
        self.app = app
        self.recorder: Any = store(app).recorder

    def latest(self, record: UUID) -> StoredEvent:
        return self.recorder.select_events(record, desc=True, limit=1)[0]  # type: ignore[no-any-return]

    def insert(self, stored: StoredEvent) -> None:
        self.recorder.insert_events([stored])

    def overwrite(self, record: UUID, version: int, state: bytes) -> None:
        kind = self.app.store.kind
        if kind == "memory":
            rows = self.recorder._stored_events
            i = next(i for i, s in enumerate(rows)
                     if s.originator_id == record and s.originator_version == version)
            rows[i] = StoredEvent(record, version, rows[i].topic, state)
        elif kind == "sqlite":
            with sqlite3.connect(self.app.store.location) as db:
                db.execute("UPDATE stored_snapshots SET state = ? WHERE originator_id = ? AND "
                           "originator_version = ?", (state, record.hex, version))
        else:
            with self.recorder.datastore.transaction(commit=True) as curs:
                curs.execute(f'UPDATE "{self.recorder.datastore.schema}".bargainingapp_snapshots'
                             " SET state = %s WHERE originator_id = %s AND originator_version"
                             " = %s", (state, record, version))


def two_units(app: BargainingApp) -> tuple[UUID, UUID]:
    a = app.units.register(union="CUPE", local="79", employer="City of Toronto",
                           unit_name="Inside workers", headcount=100, actor=STEWARD)
    b = app.units.register(union="SEIU", local="2", employer="Extendicare",
                           unit_name="Sudbury LTC", headcount=50, actor=STEWARD)
    for uid in (a, b):
        for count in (101, 102, 103):
            app.units.change_headcount(uid, count, actor=STEWARD)
    return a, b


@pytest.fixture(params=["plain", "encrypted"])
def sealed_app(request: pytest.FixtureRequest,
               open_app: Callable[..., BargainingApp]) -> BargainingApp:
    return open_app(cipher_key=KEY if request.param == "encrypted" else None)


def assert_named(app: BargainingApp, record: UUID) -> None:
    report = app.integrity.verify()
    assert not report.intact and report.kind is Break.SNAPSHOT
    assert [t.record_id for t in report.tampered_snapshots] == [record]
    assert str(record) in str(report)


def test_a_snapshot_copied_under_another_record_is_ignored_and_named(
        sealed_app: BargainingApp) -> None:
    app = sealed_app
    a, b = two_units(app)
    app.eventsourcing.take_snapshot(a)
    copied = SnapshotTamperer(app).latest(a)
    SnapshotTamperer(app).insert(StoredEvent(b, copied.originator_version, copied.topic,
                                             copied.state))
    assert app.units.get(b).employer == "Extendicare"
    assert app.units.get(b).version == 4
    assert_named(app, b)


def test_an_old_snapshot_put_back_under_a_later_version_does_not_roll_back(
        sealed_app: BargainingApp) -> None:
    app = sealed_app
    a, _ = two_units(app)
    app.eventsourcing.take_snapshot(a, version=2)
    old = SnapshotTamperer(app).latest(a)
    SnapshotTamperer(app).insert(StoredEvent(a, 4, old.topic, old.state))
    unit = app.units.get(a)
    assert (unit.headcount, unit.version) == (103, 4)
    assert_named(app, a)


def test_an_edited_snapshot_forges_no_name(open_app: Callable[..., BargainingApp]) -> None:
    app = open_app()
    a, _ = two_units(app)
    app.eventsourcing.take_snapshot(a)
    tamperer = SnapshotTamperer(app)
    stored = tamperer.latest(a)
    assert b"City of Toronto" in stored.state
    tamperer.overwrite(a, stored.originator_version,
                       stored.state.replace(b"City of Toronto", b"City of Forgeto"))
    assert app.units.get(a).employer == "City of Toronto"
    assert_named(app, a)


def test_a_snapshot_resealed_without_the_key_is_refused(
        open_app: Callable[..., BargainingApp]) -> None:
    """Someone who knows the seal's scheme can recompute its digest; only the key makes the
    keyed part, so on an encrypted store a copy under another record still fails."""
    app = open_app(cipher_key=KEY)
    a, b = two_units(app)
    app.eventsourcing.take_snapshot(a)
    copied = SnapshotTamperer(app).latest(a)
    keyless = store(BargainingApp("memory")).seal  # the same scheme, no key
    event = app.eventsourcing.recorder.select_events(b, gt=3, lte=4)[0]
    bare = StoredEvent(b, 4, copied.topic, copied.state[HEADER:])
    SnapshotTamperer(app).insert(keyless.seal(bare, event))
    assert app.units.get(b).employer == "Extendicare"
    assert_named(app, b)


def test_verify_without_the_key_names_a_copied_snapshot(tmp_path: Path) -> None:
    path = tmp_path / "events.sqlite"
    with BargainingApp(str(path), cipher_key=KEY) as app:
        a, b = two_units(app)
        app.eventsourcing.take_snapshot(a)
        copied = SnapshotTamperer(app).latest(a)
        SnapshotTamperer(app).insert(StoredEvent(b, 4, copied.topic, copied.state))
    report = verify_store(path)
    assert not report.intact and report.kind is Break.SNAPSHOT
    assert [t.record_id for t in report.tampered_snapshots] == [b]


def test_sealed_snapshots_verify_intact(sealed_app: BargainingApp) -> None:
    app = sealed_app
    a, b = two_units(app)
    app.eventsourcing.take_snapshot(a)
    app.eventsourcing.take_snapshot(b, version=3)
    assert all(is_sealed(SnapshotTamperer(app).latest(r).state) for r in (a, b))
    report = app.integrity.verify()
    assert report.intact and report.snapshots_checked == 2 and not report.tampered_snapshots


# ------------------------------------------------------------ old and unreadable snapshots


@pytest.mark.parametrize("variant", ["plain", "encrypted"])
def test_an_unsealed_snapshot_of_release_0_1_is_not_used_and_the_unit_loads_the_same(
        variant: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Release 0.1 sealed no snapshot: it cannot be told from a forged one, so it is passed
    over (the unit replays its events), counted by verify apart from tampered ones, and the
    unit's next snapshot is sealed and used."""
    path = tmp_path / "released.sqlite"
    path.write_bytes((V0_1 / f"{variant}.sqlite").read_bytes())
    with BargainingApp(str(path), cipher_key=KEY if variant == "encrypted" else None) as app:
        (row,) = SnapshotTamperer(app).recorder.select_events(
            _snapshotted(path), desc=True, limit=1)
        assert not is_sealed(row.state)
        unit_id = row.originator_id
        replayed = Repository(app.eventsourcing.events).get(unit_id)
        with restores_counted(monkeypatch) as used:
            loaded = app.units.get(unit_id)
        assert used == [False]
        assert differences(vars(loaded), vars(replayed)) == []
        report = app.integrity.verify()
        assert report.intact and report.unsealed_snapshots == 1
        app.eventsourcing.take_snapshot(unit_id)
        with restores_counted(monkeypatch) as used:
            assert app.units.get(unit_id).version == loaded.version
        assert used == [True]


def _snapshotted(path: Path) -> UUID:
    with sqlite3.connect(path) as db:
        (record,) = db.execute("SELECT originator_id FROM stored_snapshots").fetchone()
    return UUID(record)


def test_a_snapshot_this_version_cannot_read_is_passed_over(
        memory_app: BargainingApp) -> None:
    app = memory_app
    a, _ = two_units(app)
    app.eventsourcing.take_snapshot(a, version=2)
    app.eventsourcing.take_snapshot(a)
    tamperer = SnapshotTamperer(app)
    latest = tamperer.latest(a)
    seal = store(app).seal
    gone = latest.state[HEADER:].replace(b"bargaining.domain.units.unit:BargainingUnit",
                                         b"bargaining.domain.units.gone:BargainingUnit")
    event = app.eventsourcing.recorder.select_events(a, gt=3, lte=4)[0]
    tamperer.overwrite(a, 4, seal.seal(StoredEvent(a, 4, latest.topic, gone), event).state)
    unit = app.units.get(a)
    assert (unit.headcount, unit.version) == (103, 4)
    assert app.integrity.verify().intact
