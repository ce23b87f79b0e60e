"""After a redaction, nothing of the redacted text can be recovered from the store's files:
the text was never in them in clear (sealed with its version's key), and the key is in neither
the SQLite file nor its write-ahead log, nor the PostgreSQL key table's file."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from bargaining import Actor, BargainingApp, RedactionReason
from bargaining.infrastructure.person_keys import note_owner
from tests.conftest import POSTGRES_URL
from tests.test_erasure_files import _data_directory_readable, files_of
from tests.test_redaction import NOTE, dxt4

COMMITTEE = Actor("c-2", "coordinating committee")


def note_key(app: BargainingApp, unit: Any, version: int) -> bytes:
    table = app.eventsourcing.recorder.key_table  # type: ignore[attr-defined]
    stored = table.owner_key(note_owner(unit, version))
    assert stored is not None
    return bytes(stored[1])


@pytest.mark.parametrize("encrypted", [False, True])
def test_sqlite_file_and_wal_hold_neither_the_text_nor_its_key_after_redaction(
        tmp_path: Path, encrypted: bool) -> None:
    path = tmp_path / "events.sqlite"
    key = BargainingApp.create_cipher_key() if encrypted else None
    app = BargainingApp(str(path), cipher_key=key)
    try:
        unit = dxt4(app)
        receipt = app.integrity.receipt()
        stored_key = note_key(app, unit, 2)
        before = files_of(path)
        assert stored_key in before  # the scan can see a key where it is
        assert NOTE.encode() not in before and b"wavering" not in before
        app.people.redact(unit, 2, actor=COMMITTEE, on=date(2025, 2, 4),
                          reason=RedactionReason.ABOUT_A_PERSON)
        after = files_of(path)
        assert stored_key not in after and b"wavering" not in after
        assert note_key(app, unit, 3) in after  # the other version's key stays
        assert os.path.getsize(f"{path}-wal") == 0 if Path(f"{path}-wal").exists() else True
        assert app.integrity.verify().intact and app.integrity.verify(receipt).intact
    finally:
        app.close()


def test_postgres_key_table_file_holds_no_note_key_after_redaction(pg_schema: str) -> None:
    import psycopg

    directory = _data_directory_readable()
    app = BargainingApp(f"{POSTGRES_URL}?schema={pg_schema}")
    try:
        unit = dxt4(app)
        table = app.eventsourcing.recorder.key_table  # type: ignore[attr-defined]
        stored_key = note_key(app, unit, 2)

        def table_file(name: str) -> bytes:
            with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
                conn.execute("CHECKPOINT")
                row = conn.execute("SELECT pg_relation_filepath(%s)", (name,)).fetchone()
            return (Path(directory) / str(row[0])).read_bytes()

        events = f'"{pg_schema}"."bargainingapp_events"'
        assert stored_key in table_file(table.name)
        assert b"wavering" not in table_file(events)
        app.people.redact(unit, 2, actor=COMMITTEE, on=date(2025, 2, 4),
                          reason=RedactionReason.ABOUT_A_PERSON)
        assert stored_key not in table_file(table.name)
        assert b"wavering" not in table_file(events)
        assert app.integrity.verify().intact
    finally:
        app.close()
