"""Faults of the store beneath: a writer that holds it too long, an event damaged in it.

A busy store makes a command wait ``busy_timeout`` seconds, then refuse with ``StoreBusy``,
having recorded nothing. An event cut short makes the record it belongs to, and the Expiry
Map from that event on, raise ``DamagedEvent`` naming it; every other command goes on.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from uuid import UUID

import pytest

from bargaining import (
    Actor,
    BargainingApp,
    DamagedEvent,
    EncryptionKeyError,
    InvalidInput,
    StoreBusy,
    StoreError,
    UnitAlreadyRegistered,
)
from tests.conftest import POSTGRES_URL

pytestmark = pytest.mark.parametrize("store_kind", ["sqlite", "postgres"])


def _register(app: BargainingApp, local: str, actor: Actor) -> UUID:
    return app.units.register(union="CUPE", local=local, employer="City of Toronto",
                              unit_name="inside", headcount=100, actor=actor)


@contextmanager
def _held(store_url: str, store_kind: str) -> Iterator[None]:
    """Another writer holding the store's write lock (an outside ``BEGIN IMMEDIATE``; in
    PostgreSQL, a lock on the events table that lets reads through)."""
    if store_kind == "sqlite":
        db = sqlite3.connect(store_url, isolation_level=None)
        db.execute("BEGIN IMMEDIATE")
        try:
            yield
        finally:
            db.execute("ROLLBACK")
            db.close()
        return
    import psycopg

    schema = store_url.split("schema=")[1]
    with psycopg.connect(POSTGRES_URL) as db:
        db.execute(f'LOCK TABLE "{schema}".bargainingapp_events IN EXCLUSIVE MODE')
        yield
        db.rollback()


def test_a_busy_store_refuses_after_the_wait_and_records_nothing(
    open_app: Callable[..., BargainingApp], store_url: str, store_kind: str, steward: Actor,
) -> None:
    app = open_app(busy_timeout=0.3)
    _register(app, "79", steward)
    before = app.eventsourcing.recorder.max_notification_id()
    with _held(store_url, store_kind):
        started = time.monotonic()
        with pytest.raises(StoreBusy, match=r"busy.*nothing of this change was recorded"):
            _register(app, "416", steward)
        assert time.monotonic() - started < 4  # PostgreSQL: tries 10 times, 0.2 s apart
        assert app.eventsourcing.recorder.max_notification_id() == before
    uid = _register(app, "416", steward)  # not "already registered": nothing was recorded
    assert app.units.get(uid).local == "416"
    assert len(app.expiry_map.all_units()) == 2


def test_the_wait_is_set_by_the_environment_and_checked(
    store_url: str, store_kind: str, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("BARGAINING_BUSY_TIMEOUT", "0.25")
    with BargainingApp(store_url) as app:
        assert app.eventsourcing.busy_timeout == 0.25
    for wrong in ("soon", "-1", "nan"):
        monkeypatch.setenv("BARGAINING_BUSY_TIMEOUT", wrong)
        with pytest.raises(InvalidInput, match="seconds"):
            BargainingApp(store_url)
    monkeypatch.delenv("BARGAINING_BUSY_TIMEOUT")
    for given in (True, "2", -0.5, 10**9):
        with pytest.raises(InvalidInput, match="seconds"):
            BargainingApp(store_url, busy_timeout=given)  # type: ignore[arg-type]


# ------------------------------------------------------------------ a damaged event


def _cut_short(store_url: str, store_kind: str, position: int) -> None:
    """Cut the stored bytes of the event at a log position in half, outside the library."""
    if store_kind == "sqlite":
        with sqlite3.connect(store_url) as db:
            (state,) = db.execute(
                "SELECT state FROM stored_events WHERE rowid = ?", (position,)).fetchone()
            db.execute("UPDATE stored_events SET state = ? WHERE rowid = ?",
                       (state[: len(state) // 2], position))
        return
    import psycopg

    schema = store_url.split("schema=")[1]
    with psycopg.connect(POSTGRES_URL, autocommit=True) as db:
        db.execute(
            f'UPDATE "{schema}".bargainingapp_events SET state = substring(state from 1 for'
            " length(state) / 2) WHERE notification_id = %s", (position,))


@pytest.mark.parametrize("encrypted", [False, True])
def test_a_damaged_event_is_named_and_other_commands_go_on(
    open_app: Callable[..., BargainingApp], store_url: str, store_kind: str, steward: Actor,
    encrypted: bool, caplog: pytest.LogCaptureFixture,
) -> None:
    key = BargainingApp.create_cipher_key() if encrypted else None
    app = open_app(cipher_key=key)
    toronto, peel = _register(app, "79", steward), _register(app, "2191", steward)
    app.units.record_agreement(toronto, expiry=date(2025, 12, 31), actor=steward)  # position 3
    app.close()
    _cut_short(store_url, store_kind, 3)

    app = open_app(cipher_key=key)  # the key still opens the store
    with pytest.raises(DamagedEvent, match=f"record {toronto}, version 2") as refused:
        app.units.get(toronto)
    assert ("another encryption key" in str(refused.value)) == encrypted
    with pytest.raises(DamagedEvent):
        app.units.change_headcount(toronto, 120, actor=steward)  # refused before recording
    assert app.eventsourcing.recorder.max_notification_id() == 3

    app.units.change_headcount(peel, 650, actor=steward)  # another record: as usual
    assert app.units.get(peel).headcount == 650

    # The map, rebuilt, stops before the damaged event and says where it is ...
    with pytest.raises(DamagedEvent, match="at position 3 of the event log"):
        app.expiry_map.rebuild()
    assert app.expiry_map.position == 2
    # ... and a command whose save the map then cannot follow still returns normally, once.
    with caplog.at_level(logging.WARNING, logger="bargaining"):
        york = _register(app, "1356", steward)
    assert "the Expiry Map is behind" in caplog.text and "position 3" in caplog.text
    assert app.units.get(york).local == "1356"
    with pytest.raises(UnitAlreadyRegistered):
        _register(app, "1356", steward)
    with pytest.raises(DamagedEvent, match="position 3"):
        app.expiry_map.all_units()
    assert app.integrity.verify().broken_at == 3


def test_a_wrong_key_is_still_named_as_a_wrong_key(
    open_app: Callable[..., BargainingApp], store_url: str, store_kind: str, steward: Actor,
) -> None:
    app = open_app(cipher_key=BargainingApp.create_cipher_key())
    _register(app, "79", steward)
    _register(app, "416", steward)
    app.close()
    _cut_short(store_url, store_kind, 1)  # even with the first event damaged
    with pytest.raises(EncryptionKeyError, match="key is wrong or missing"):
        open_app(cipher_key=BargainingApp.create_cipher_key())
    with pytest.raises(StoreError):
        open_app()  # no key for an encrypted store
