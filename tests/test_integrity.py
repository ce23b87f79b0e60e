"""Tamper evidence: the hash chain, verify and receipts, against real SQL tampering."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any
from uuid import UUID

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bargaining import (
    Actor,
    BargainingApp,
    Break,
    InvalidInput,
    Receipt,
    StoreError,
    verify_store,
)
from tests.tampering import FIELDS, Tamperer
from tests.test_properties import opened, quick, sqlite_store

SQL_STORES = ["sqlite", "postgres"]


def story(app: BargainingApp, actor: Actor, units: int = 4) -> list[int]:
    """A few units with agreements: eight events on four units by default."""
    for i in range(units):
        unit = app.units.register(
            union="CUPE", local=str(79 + i), employer="City of Toronto",
            unit_name=f"Unit {i}", sector="municipal", region="ON", headcount=100 + i,
            actor=actor,
        )
        app.units.record_agreement(unit, expiry=date(2026, 12, 31 - i), actor=actor)
    return list(range(1, 2 * units + 1))


def test_an_untouched_store_verifies_clean(app: BargainingApp, steward: Actor) -> None:
    positions = story(app, steward)
    report = app.integrity.verify()
    assert report.intact
    assert report.position == positions[-1]
    assert report.checked == len(positions)
    assert str(report) == f"intact up to position {positions[-1]} ({len(positions)} events checked)"
    assert app.integrity.verify(app.integrity.receipt()).intact


def test_an_empty_store_verifies_clean_and_gives_a_receipt_at_zero(app: BargainingApp) -> None:
    assert app.integrity.verify().intact
    assert app.integrity.receipt().position == 0
    assert app.integrity.verify(app.integrity.receipt()).intact


def test_receipt_prints_on_one_line_and_parses_back(app: BargainingApp, steward: Actor) -> None:
    story(app, steward, units=1)
    receipt = app.integrity.receipt()
    line = str(receipt)
    assert "\n" not in line and len(line) < 120
    assert Receipt.parse(f"published 2026-11-23: {line}") == receipt
    assert app.integrity.verify(line).intact


@pytest.mark.parametrize("text", ["", "receipt 12", "bargaining receipt: position x, head 00"])
def test_a_garbled_receipt_is_refused(text: str) -> None:
    with pytest.raises(InvalidInput, match="not a receipt"):
        Receipt.parse(text)


def test_the_chain_lives_in_the_events_transaction_and_follows_positions(
    app: BargainingApp, steward: Actor
) -> None:
    story(app, steward, units=2)
    chain = app.eventsourcing.recorder.select_chain(0, 100)  # type: ignore[attr-defined]
    assert [c.position for c in chain] == [1, 2, 3, 4]
    assert [c.previous for c in chain] == [0, 1, 2, 3]
    assert app.integrity.receipt().head == chain[-1].link.hex()


@pytest.mark.parametrize("store_kind", [*SQL_STORES, "memory"], indirect=True)
def test_changing_one_byte_of_one_event_is_named(app: BargainingApp, steward: Actor) -> None:
    story(app, steward)
    Tamperer(app).flip_byte(5, offset=7)
    report = app.integrity.verify()
    assert not report.intact
    assert (report.broken_at, report.kind, report.position) == (5, Break.CHANGED, 4)
    assert "broken at position 5: changed" in str(report)


@pytest.mark.parametrize("store_kind", SQL_STORES, indirect=True)
def test_changing_the_kind_or_version_of_an_event_is_named(
    app: BargainingApp, steward: Actor
) -> None:
    story(app, steward)
    tamper = Tamperer(app)
    tamper.replace(3, "topic", tamper.stored(4)[2])
    assert (app.integrity.verify().broken_at, app.integrity.verify().kind) == (3, Break.CHANGED)


@pytest.mark.parametrize("store_kind", SQL_STORES, indirect=True)
def test_deleting_one_event_is_named_missing(app: BargainingApp, steward: Actor) -> None:
    story(app, steward)
    Tamperer(app).delete(3)
    report = app.integrity.verify()
    assert (report.broken_at, report.kind, report.position) == (3, Break.MISSING, 2)


@pytest.mark.parametrize("store_kind", SQL_STORES, indirect=True)
def test_deleting_an_event_with_its_chain_record_is_named_missing(
    app: BargainingApp, steward: Actor
) -> None:
    story(app, steward)
    Tamperer(app).delete(3, with_chain=True)
    report = app.integrity.verify()
    assert (report.broken_at, report.kind) == (4, Break.MISSING)
    assert "after position 2 and before 4 were removed" in report.detail


@pytest.mark.parametrize("store_kind", [*SQL_STORES, "memory"], indirect=True)
def test_swapping_two_events_is_named_reordered(app: BargainingApp, steward: Actor) -> None:
    story(app, steward)
    Tamperer(app).swap(2, 6)
    report = app.integrity.verify()
    assert (report.broken_at, report.kind) == (2, Break.REORDERED)
    assert "recorded at position 6" in report.detail


@pytest.mark.parametrize("store_kind", SQL_STORES, indirect=True)
def test_dropping_the_tail_after_a_receipt_is_named_truncated(
    app: BargainingApp, steward: Actor
) -> None:
    story(app, steward)
    receipt = app.integrity.receipt()
    Tamperer(app).drop_tail(after=5)
    assert app.integrity.verify().intact, "without the receipt, a clean cut cannot be seen"
    report = app.integrity.verify(receipt)
    assert (report.kind, report.position) == (Break.TRUNCATED, 5)
    assert f"up to position {receipt.position}" in report.detail


@pytest.mark.parametrize("store_kind", SQL_STORES, indirect=True)
def test_a_rewritten_chain_is_caught_by_a_receipt(app: BargainingApp, steward: Actor) -> None:
    story(app, steward)
    receipt = app.integrity.receipt()
    tamper = Tamperer(app)
    tamper.flip_byte(2)
    tamper.rechain()
    assert app.integrity.verify().intact, (
        "a forger who rewrites the chain fools verify without receipt")
    report = app.integrity.verify(receipt)
    assert (report.kind, report.broken_at) == (Break.REWRITTEN, receipt.position)


@pytest.mark.parametrize("store_kind", SQL_STORES, indirect=True)
def test_an_event_added_outside_the_library_is_named(app: BargainingApp, steward: Actor) -> None:
    story(app, steward, units=2)
    tamper = Tamperer(app)
    tamper.drop_tail(after=4)
    tamper._run(
        f"INSERT INTO {tamper.events} (originator_id, originator_version, topic, state)"
        " SELECT originator_id, originator_version + 100, topic, state"
        f" FROM {tamper.events} WHERE {tamper.position} = 1"
    )
    report = app.integrity.verify()
    assert (report.kind, report.position) == (Break.UNCHAINED, 4)


def test_the_chain_covers_encrypted_bytes_and_finds_changes_in_them(
    open_app: Callable[..., BargainingApp], steward: Actor
) -> None:
    app = open_app(cipher_key=BargainingApp.create_cipher_key())
    story(app, steward, units=2)
    assert app.integrity.verify().intact
    if app.store.kind != "memory":
        stored = Tamperer(app).stored(1)[3]
        assert b"Toronto" not in stored
    Tamperer(app).flip_byte(1, offset=20)
    assert app.integrity.verify().kind is Break.CHANGED


def test_verify_reads_page_by_page(app: BargainingApp, steward: Actor) -> None:
    positions = story(app, steward, units=5)
    for size in (1, 3, 100):
        assert app.integrity.verify(page_size=size).position == positions[-1]
    with pytest.raises(InvalidInput, match="page size"):
        app.integrity.verify(page_size=0)


@pytest.mark.parametrize("store_kind", SQL_STORES, indirect=True)
def test_concurrent_writers_never_fork_the_chain(
    open_app: Callable[..., BargainingApp], steward: Actor
) -> None:
    apps = [open_app(), open_app()]
    errors: list[BaseException] = []

    def write(app: BargainingApp, who: int) -> None:
        try:
            for i in range(25):
                app.units.register(
                    union="ATU", local=f"{who}-{i}", employer="TTC", unit_name="Operators",
                    actor=steward,
                )
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=write, args=(a, n)) for n, a in enumerate(apps)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    report = apps[0].integrity.verify()
    assert report.intact and report.checked == 50
    chain = apps[1].eventsourcing.recorder.select_chain(0, 100)  # type: ignore[attr-defined]
    assert len({c.previous for c in chain}) == 50
    assert apps[1].integrity.verify(apps[0].integrity.receipt()).intact


def test_a_store_written_before_the_chain_is_chained_when_first_opened(
    tmp_path: object, steward: Actor
) -> None:
    import sqlite3
    from pathlib import Path

    path = Path(str(tmp_path)) / "old.sqlite"
    old = BargainingApp(str(path))
    story(old, steward, units=2)
    old.close()
    with sqlite3.connect(path) as conn:
        conn.execute("DROP TABLE stored_events_chain")
    reopened = BargainingApp(str(path))
    report = reopened.integrity.verify()
    assert report.intact and report.checked == 4
    reopened.close()


@quick(30)
@given(
    data=st.data(),
    store=st.sampled_from(["memory", "sqlite"]),
    field=st.sampled_from(["state", "state", "topic", "originator_id", "originator_version"]),
)
def test_any_single_byte_change_in_any_stored_event_is_detected(
    data: st.DataObject, store: str, field: str
) -> None:
    with sqlite_store() as path, opened(path if store == "sqlite" else "memory") as app:
        positions = story(app, Actor("org-1", "data steward"), units=3)
        position = data.draw(st.sampled_from(positions), label="position")
        tamper = Tamperer(app)
        value = tamper.stored(position)[FIELDS.index(field)]
        if field == "originator_version":
            changed: Any = value ^ (1 << data.draw(st.integers(0, 20)))
        else:
            raw = bytearray(value.hex.encode() if isinstance(value, UUID) else
                            value if isinstance(value, bytes) else value.encode())
            offset = data.draw(st.integers(0, len(raw) - 1), label="offset")
            raw[offset] ^= data.draw(st.integers(1, 255), label="bits")
            changed = bytes(raw) if field == "state" else bytes(raw).decode("latin-1")
            if field == "originator_id" and store == "memory":
                changed = changed if not _hex32(changed) else UUID(changed)
        tamper.replace(position, field, changed)
        report = app.integrity.verify()
        assert not report.intact
        assert report.broken_at == position
        assert report.position == position - 1
        assert report.kind in (Break.CHANGED, Break.REORDERED)


def _hex32(text: str) -> bool:
    return len(text) == 32 and all(c in "0123456789abcdef" for c in text)


@pytest.mark.parametrize("store_kind", SQL_STORES, indirect=True)
def test_an_auditor_verifies_an_encrypted_store_without_the_key(
    open_app: Callable[..., BargainingApp], store_url: str, steward: Actor
) -> None:
    app = open_app(cipher_key=BargainingApp.create_cipher_key())
    story(app, steward, units=2)
    receipt = str(app.integrity.receipt())
    assert verify_store(store_url, receipt).intact
    Tamperer(app).flip_byte(3)
    report = verify_store(store_url, receipt)
    assert (report.broken_at, report.kind) == (3, Break.CHANGED)


def test_verify_store_refuses_what_it_cannot_read(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="in-memory store"):
        verify_store("memory")
    with pytest.raises(InvalidInput, match="no SQLite store"):
        verify_store(tmp_path / "absent.sqlite")
    empty = tmp_path / "empty.sqlite"
    sqlite3.connect(empty).close()
    with pytest.raises(StoreError, match="cannot read the hash chain"):
        verify_store(empty)
