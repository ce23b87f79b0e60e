"""After an erasure, nothing of the person can be recovered from the store's files: their key
is in neither the SQLite file nor its write-ahead log, nor the PostgreSQL table's file; their
name was never in any of them. And nothing personal reaches a log line or an error message."""

from __future__ import annotations

import logging
import os
from datetime import date
from pathlib import Path

import pytest

from bargaining import Actor, BargainingApp, InvalidInput, PersonalData, RecordNotFound
from tests.conftest import POSTGRES_URL
from tests.personal_records import open_contact

ORGANIZER = Actor("org-7", "organizer")
NAME = "Marie Tremblay"


def files_of(path: Path) -> bytes:
    """The SQLite file and its write-ahead log, as they are on disk."""
    return b"".join(p.read_bytes() for p in (path, Path(f"{path}-wal")) if p.exists())


@pytest.mark.parametrize("encrypted", [False, True])
def test_sqlite_file_and_wal_hold_neither_the_name_nor_the_key_after_erasure(
        tmp_path: Path, encrypted: bool) -> None:
    path = tmp_path / "events.sqlite"
    key = BargainingApp.create_cipher_key() if encrypted else None
    app = BargainingApp(str(path), cipher_key=key)
    try:
        open_contact(app, PersonalData("w-17", name=NAME, notes="on nights"), ORGANIZER)
        for n in range(20):  # others' keys around it, before and after
            open_contact(app, PersonalData(f"w-{100 + n}", name=f"Worker {n}"), ORGANIZER)
        stored = app.eventsourcing.recorder.key_table.owner_key("w-17")  # type: ignore[attr-defined]
        assert stored is not None
        _, stored_key, _ = stored
        before = files_of(path)
        assert stored_key in before  # the scan can see a key (wrapped or plain) where it is
        assert NAME.encode() not in before
        app.people.erase("w-17", actor=ORGANIZER, on=date(2025, 3, 1))
        after = files_of(path)
        assert stored_key not in after
        assert NAME.encode() not in after and b"on nights" not in after
        assert os.path.getsize(f"{path}-wal") == 0 if Path(f"{path}-wal").exists() else True
        assert app.integrity.verify().intact
    finally:
        app.close()


def _data_directory_readable() -> str:
    """The PostgreSQL data directory, to scan a table's file. Where it cannot be read the
    test skips, saying why; where PostgreSQL is required (CI), that is a failure instead: a
    scan that never runs proves nothing."""
    import psycopg

    with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
        row = conn.execute("SHOW data_directory").fetchone()
    directory = str(row[0]) if row else ""
    if os.access(directory, os.R_OK | os.X_OK):
        return directory
    why = ("the PostgreSQL data directory is not readable by this user: the table's file "
           "cannot be scanned")
    if os.environ.get("BARGAINING_REQUIRE_POSTGRES"):
        pytest.fail(why)
    pytest.skip(why)


def test_postgres_table_file_holds_no_key_after_erasure(pg_schema: str) -> None:
    import psycopg

    directory = _data_directory_readable()
    app = BargainingApp(f"{POSTGRES_URL}?schema={pg_schema}")
    try:
        open_contact(app, PersonalData("w-17", name=NAME), ORGANIZER)
        for n in range(20):
            open_contact(app, PersonalData(f"w-{100 + n}", name=f"Worker {n}"), ORGANIZER)
        table = app.eventsourcing.recorder.key_table  # type: ignore[attr-defined]
        _, stored_key, _ = table.owner_key("w-17")

        def table_file() -> bytes:
            with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
                conn.execute("CHECKPOINT")  # the pages on disk, as the server has them
                row = conn.execute("SELECT pg_relation_filepath(%s)", (table.name,)).fetchone()
            return (Path(directory) / str(row[0])).read_bytes()

        assert stored_key in table_file()
        app.people.erase("w-17", actor=ORGANIZER, on=date(2025, 3, 1))
        assert stored_key not in table_file()
        assert app.integrity.verify().intact
    finally:
        app.close()


def test_nothing_personal_reaches_a_log_or_an_error(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    app = BargainingApp(str(tmp_path / "events.sqlite"))
    messages: list[str] = []
    try:
        contact = open_contact(app, PersonalData("w-17", name=NAME, contact="514-555-0101"),
                               ORGANIZER)
        app.history.of(contact)
        for attempt in (
            lambda: PersonalData("w-17", name=NAME, assessment=7),
            lambda: PersonalData(NAME + "\x00", name=NAME),
            lambda: app.people.erase("w-17", actor=ORGANIZER, on="soon"),  # type: ignore[arg-type]
            lambda: app.history.of(app.eventsourcing.vault.erasure_id("w-17")),
        ):
            with pytest.raises((InvalidInput, RecordNotFound)) as raised:
                attempt()
            messages.append(str(raised.value))
        app.people.erase("w-17", actor=ORGANIZER, on=date(2025, 3, 1))
        app.people.erase("w-17", actor=ORGANIZER, on=date(2025, 3, 2))
        app.history.of(contact)
        messages.append(repr(app.eventsourcing.repository.get(contact)))
        messages.append(repr(PersonalData("w-1", name=NAME)))
    finally:
        app.close()
    for text in (*messages, caplog.text):
        assert "Marie" not in text and "555-0101" not in text


def test_postgres_waits_for_an_older_snapshot_before_rewriting_the_keys(pg_schema: str) -> None:
    import threading

    import psycopg

    directory = _data_directory_readable()
    app = BargainingApp(f"{POSTGRES_URL}?schema={pg_schema}")
    reader = psycopg.connect(POSTGRES_URL)
    try:
        open_contact(app, PersonalData("w-17", name=NAME), ORGANIZER)
        table = app.eventsourcing.recorder.key_table  # type: ignore[attr-defined]
        _, stored_key, _ = table.owner_key("w-17")
        reader.execute("BEGIN ISOLATION LEVEL REPEATABLE READ")
        reader.execute(f"SELECT count(*) FROM {table.name}").fetchone()  # a snapshot held
        threading.Timer(0.5, reader.commit).start()
        app.people.erase("w-17", actor=ORGANIZER, on=date(2025, 3, 1))
        with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
            conn.execute("CHECKPOINT")
            row = conn.execute("SELECT pg_relation_filepath(%s)", (table.name,)).fetchone()
        assert row is not None
        assert stored_key not in (Path(directory) / str(row[0])).read_bytes()
    finally:
        reader.close()
        app.close()
