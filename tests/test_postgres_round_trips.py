"""PostgreSQL's shorter paths: a record loaded in one statement (its latest snapshot and the
events after it), and a save sent in two round trips (the chain head read under the lock).
They must read and write exactly what the longer paths did."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from eventsourcing.persistence import StoredEvent

from bargaining import Actor, BargainingApp, BargainingUnit, ConcurrentChange, UnitProfile
from bargaining.infrastructure.chained_postgres import ChainedPostgresApplicationRecorder
from bargaining.infrastructure.snapshot_intervals import SNAPSHOT_INTERVALS

STEWARD = Actor("Dana", "steward")
INTERVAL = SNAPSHOT_INTERVALS[BargainingUnit]


@pytest.fixture
def pg_app(pg_schema: str) -> Iterator[BargainingApp]:
    from tests.conftest import POSTGRES_URL

    with BargainingApp(f"{POSTGRES_URL}?schema={pg_schema}") as app:
        yield app


def unit_of(app: BargainingApp, changes: int) -> BargainingUnit:
    unit = BargainingUnit.register(UnitProfile(
        union="CUPE", local="79", employer="City of Toronto", unit_name="Inside workers",
        headcount=100), actor=STEWARD)
    app.save(unit)
    for n in range(changes):
        app.units.change_headcount(unit.id, 101 + n, actor=STEWARD)
    return app.units.get(unit.id)


def recorder(app: BargainingApp) -> ChainedPostgresApplicationRecorder:
    found = app.eventsourcing.recorder
    assert isinstance(found, ChainedPostgresApplicationRecorder)
    return found


def versions(events: list[StoredEvent]) -> list[int]:
    return [e.originator_version for e in events]


def test_a_load_reads_the_latest_snapshot_and_the_events_from_its_version(
        pg_app: BargainingApp) -> None:
    unit = unit_of(pg_app, INTERVAL + 3)  # version INTERVAL + 4, a snapshot at INTERVAL
    snapshots = pg_app.eventsourcing.snapshots
    assert snapshots is not None
    snapshot, tail = recorder(pg_app).select_from_snapshot(snapshots.recorder, unit.id, None)
    assert snapshot is not None and snapshot.originator_version == INTERVAL
    assert versions(tail) == list(range(INTERVAL, INTERVAL + 5))
    assert tail == list(pg_app.eventsourcing.recorder.select_events(unit.id, gt=INTERVAL - 1))


def test_a_load_of_a_past_version_before_any_snapshot_reads_every_event_up_to_it(
        pg_app: BargainingApp) -> None:
    unit = unit_of(pg_app, INTERVAL + 3)
    snapshots = pg_app.eventsourcing.snapshots
    assert snapshots is not None
    read = recorder(pg_app).select_from_snapshot
    snapshot, tail = read(snapshots.recorder, unit.id, INTERVAL - 1)
    assert snapshot is None
    assert versions(tail) == list(range(1, INTERVAL))
    assert pg_app.units.get(unit.id, version=INTERVAL - 1).headcount == 100 + INTERVAL - 2
    assert read(snapshots.recorder, unit.id, 0) == (None, [])


def test_a_record_without_a_snapshot_loads_from_every_event(pg_app: BargainingApp) -> None:
    unit = unit_of(pg_app, 3)
    snapshots = pg_app.eventsourcing.snapshots
    assert snapshots is not None
    snapshot, tail = recorder(pg_app).select_from_snapshot(snapshots.recorder, unit.id, None)
    assert snapshot is None and versions(tail) == [1, 2, 3, 4]
    assert pg_app.units.get(unit.id).headcount == 103


def test_after_a_conflict_the_next_save_records_and_the_chain_holds(
        pg_app: BargainingApp) -> None:
    """A refused save rolls its transaction back before its connection goes back to the pool:
    every connection of the pool (five) is used again afterwards."""
    unit = unit_of(pg_app, 0)
    stale = pg_app.units.get(unit.id)
    pg_app.units.change_headcount(unit.id, 120, actor=STEWARD)
    before = pg_app.eventsourcing.recorder.max_notification_id()
    stale.change_headcount(130, actor=STEWARD)
    with pytest.raises(ConcurrentChange):
        pg_app.save(stale)
    assert pg_app.eventsourcing.recorder.max_notification_id() == before
    for n in range(6):
        pg_app.units.change_headcount(unit.id, 140 + n, actor=STEWARD)
    assert pg_app.units.get(unit.id).headcount == 145
    report = pg_app.integrity.verify()
    assert report.intact and report.checked == before + 6  # the refused save left a gap


def test_snapshots_do_not_wait_for_the_disk_and_events_do(pg_app: BargainingApp,
                                                          pg_schema: str) -> None:
    """Each insert notes the commit setting of its transaction (a trigger, in the store's
    own schema): a snapshot's is off, an event's stays on (the events are the record)."""
    datastore = recorder(pg_app).datastore
    with datastore.transaction(commit=True) as curs:
        curs.execute(f'CREATE TABLE "{pg_schema}".seen (kind text, setting text)')
        curs.execute(
            f'CREATE FUNCTION "{pg_schema}".note() RETURNS trigger LANGUAGE plpgsql AS $$'
            f' BEGIN INSERT INTO "{pg_schema}".seen VALUES (TG_ARGV[0],'
            " current_setting('synchronous_commit')); RETURN NULL; END $$")
        for kind in ("events", "snapshots"):
            curs.execute(
                f'CREATE TRIGGER note_{kind} AFTER INSERT ON "{pg_schema}".bargainingapp_{kind}'
                f' FOR EACH STATEMENT EXECUTE FUNCTION "{pg_schema}".note(\'{kind}\')')
    unit = unit_of(pg_app, INTERVAL)  # the last change takes the snapshot
    assert pg_app.units.get(unit.id).headcount == 100 + INTERVAL
    with datastore.transaction(commit=False) as curs:
        curs.execute(f'SELECT DISTINCT kind, setting FROM "{pg_schema}".seen ORDER BY kind')
        seen = [(row["kind"], row["setting"]) for row in curs.fetchall()]
    assert seen == [("events", "on"), ("snapshots", "off")]
