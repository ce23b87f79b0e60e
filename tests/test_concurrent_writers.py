"""Many writers at once: threads sharing one application, processes sharing one store.

Each writer registers units, records their agreements and changes their headcounts; the
Expiry Map of every instance must end at the last event with every unit, and never move its
position backwards on the way (which once jammed it for good: every later query raised
``MapBehind`` until a rebuild).
"""

from __future__ import annotations

import multiprocessing
import threading
import traceback
from collections.abc import Callable
from datetime import date

import pytest

from bargaining import Actor, BargainingApp
from tests.threads import all_at_once

WRITERS = 4
UNITS_EACH = 6
EVENTS_EACH = UNITS_EACH * 4  # a registration, an agreement and two headcount changes


def _write_units(app: BargainingApp, writer: int) -> None:
    actor = Actor(f"org-{writer}", "data steward")
    for i in range(UNITS_EACH):
        uid = app.units.register(union="CUPE", local=f"{writer}-{i}", employer="City",
                                 unit_name=f"unit {writer}-{i}", headcount=10, actor=actor)
        app.units.record_agreement(uid, expiry=date(2026, 1, 1 + i), actor=actor)
        app.units.change_headcount(uid, 11, actor=actor)
        app.units.change_headcount(uid, 12 + writer, actor=actor)


def _write_in_a_process(store: str, writer: int, ready: object) -> None:
    """A writer process: its own application on the shared store, its map following."""
    with BargainingApp(store) as app:
        ready.wait()  # type: ignore[attr-defined]
        _write_units(app, writer)


def _assert_map_complete(app: BargainingApp) -> None:
    last = app.eventsourcing.recorder.max_notification_id()
    assert last == WRITERS * EVENTS_EACH
    units = app.expiry_map.all_units()  # raised MapBehind when the position went back
    assert app.expiry_map.position == last
    assert len(units) == WRITERS * UNITS_EACH
    assert sorted(u.headcount for u in units) == sorted(
        12 + w for w in range(WRITERS) for _ in range(UNITS_EACH))
    assert all(u.expiry is not None for u in units)


class _PositionWatch:
    """Fails if any write moves a map's tracking position backwards."""

    def __init__(self, app: BargainingApp) -> None:
        self.moves: list[tuple[int, int]] = []
        writer = app.expiry_map._projection.writer  # the map's tables, as written
        original = writer.write
        lock = threading.Lock()

        def write(start: int, end: int, changes: object) -> bool:
            written = original(start, end, changes)  # type: ignore[arg-type]
            if written:
                with lock:
                    self.moves.append((start, end))
            return written

        writer.write = write  # type: ignore[method-assign]


def test_threads_sharing_one_application_keep_the_map_current(
    open_app: Callable[..., BargainingApp],
) -> None:
    app = open_app()
    watch = _PositionWatch(app)
    assert all_at_once(WRITERS, lambda writer: _write_units(app, writer)) == []
    assert all(end > start for start, end in watch.moves), watch.moves
    _assert_map_complete(app)


@pytest.mark.parametrize("store_kind", ["sqlite", "postgres"])
def test_processes_sharing_one_store_keep_the_map_current(
    open_app: Callable[..., BargainingApp], store_url: str, store_kind: str,
) -> None:
    app = open_app()  # makes the tables before the writers start
    context = multiprocessing.get_context("spawn")
    ready = context.Event()
    workers = [
        context.Process(target=_write_in_a_process, args=(store_url, w, ready))
        for w in range(WRITERS)
    ]
    for worker in workers:
        worker.start()
    ready.set()
    for worker in workers:
        worker.join(timeout=120)
    assert [worker.exitcode for worker in workers] == [0] * WRITERS
    _assert_map_complete(app)
    assert open_app().expiry_map.catch_up() == 0


def _open_in_a_process(stores: list[str], ready: object, failures: object) -> None:
    """An opener: for each fresh store, waits for the others, then opens it at once."""
    for store in stores:
        ready.wait()  # type: ignore[attr-defined]
        try:
            BargainingApp(store).close()
        except Exception:
            failures.put(traceback.format_exc())  # type: ignore[attr-defined]


@pytest.mark.parametrize("store_kind", ["sqlite", "postgres"])
def test_processes_opening_a_new_store_at_once_all_open_it(
    store_kind: str, tmp_path: object, request: pytest.FixtureRequest,
) -> None:
    """Opening makes the tables: four openers of a new store race to make them."""
    rounds = 4
    if store_kind == "sqlite":
        stores = [str(tmp_path / f"events{n}.sqlite") for n in range(rounds)]  # type: ignore[operator]
    else:
        from tests.conftest import POSTGRES_URL

        stores = [f"{POSTGRES_URL}?schema={request.getfixturevalue('pg_schema')}"]
        stores += [_another_schema(request) for _ in range(rounds - 1)]
    context = multiprocessing.get_context("spawn")
    ready, failures = context.Barrier(WRITERS), context.Queue()
    openers = [
        context.Process(target=_open_in_a_process, args=(stores, ready, failures))
        for _ in range(WRITERS)
    ]
    for opener in openers:
        opener.start()
    for opener in openers:
        opener.join(timeout=120)
    found = []
    while not failures.empty():
        found.append(failures.get())
    assert found == []
    assert [opener.exitcode for opener in openers] == [0] * WRITERS
    for store in stores:
        with BargainingApp(store) as app:
            assert app.expiry_map.all_units() == []


def _another_schema(request: pytest.FixtureRequest) -> str:
    """A further fresh PostgreSQL schema, dropped after the test."""
    import uuid

    import psycopg

    from tests.conftest import POSTGRES_URL

    name = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{name}"')

    def drop() -> None:
        with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA "{name}" CASCADE')

    request.addfinalizer(drop)
    return f"{POSTGRES_URL}?schema={name}"
