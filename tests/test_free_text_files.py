"""The files of a store hold none of the free text in clear (a document's feedback, a motion's
and an amendment's words, a version's note, an action taken part in), and after a redaction or
an erasure the key that sealed it is in neither the SQLite file nor its write-ahead log, nor
the PostgreSQL key table's file."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from bargaining import Actor, BargainingApp, RedactionReason
from bargaining.infrastructure.person_keys import note_owner
from tests.conftest import POSTGRES_URL
from tests.test_erasure_files import _data_directory_readable, files_of
from tests.test_free_text_sealing import WORDS, texts, version_of

COMMITTEE = Actor("c-2", "coordinating committee")


def stored_key(app: BargainingApp, owner: str) -> bytes:
    table = app.eventsourcing.recorder.key_table  # type: ignore[attr-defined]
    found = table.owner_key(owner)
    assert found is not None
    return bytes(found[1])


@pytest.mark.parametrize("encrypted", [False, True])
def test_sqlite_file_and_wal_hold_no_free_text_nor_its_keys_after_redaction_and_erasure(
        tmp_path: Path, encrypted: bool) -> None:
    path = tmp_path / "events.sqlite"
    key = BargainingApp.create_cipher_key() if encrypted else None
    app = BargainingApp(str(path), cipher_key=key)
    try:
        document, meeting, _ = texts(app)
        receipt = app.integrity.receipt()
        before = files_of(path)
        for words in WORDS:
            assert words.encode() not in before, words
        motion = version_of(app, meeting, "MotionMoved")
        motion_key = stored_key(app, note_owner(meeting, motion))
        person_key = stored_key(app, "w-17")
        assert motion_key in before and person_key in before  # the scan sees keys
        app.people.redact(meeting, motion, actor=COMMITTEE, on=date(2025, 2, 4),
                          reason=RedactionReason.ABOUT_A_PERSON)
        app.people.erase("w-17", actor=COMMITTEE, on=date(2025, 2, 5))
        after = files_of(path)
        assert motion_key not in after and person_key not in after
        feedback = version_of(app, document, "FeedbackGiven")
        assert stored_key(app, note_owner(document, feedback)) in after  # others stay
        assert app.integrity.verify().intact and app.integrity.verify(receipt).intact
    finally:
        app.close()


def test_postgres_files_hold_no_free_text_and_no_key_after_redaction(pg_schema: str) -> None:
    import psycopg

    directory = _data_directory_readable()
    app = BargainingApp(f"{POSTGRES_URL}?schema={pg_schema}")
    try:
        _, meeting, _ = texts(app)
        table = app.eventsourcing.recorder.key_table  # type: ignore[attr-defined]
        motion = version_of(app, meeting, "MotionMoved")
        motion_key = stored_key(app, note_owner(meeting, motion))

        def table_file(name: str) -> bytes:
            with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
                conn.execute("CHECKPOINT")
                row = conn.execute("SELECT pg_relation_filepath(%s)", (name,)).fetchone()
            return (Path(directory) / str(row[0])).read_bytes()

        events = f'"{pg_schema}"."bargainingapp_events"'
        stored = table_file(events)
        assert b"Strategy 2025" in stored  # the scan reads the events' file
        for words in WORDS:
            assert words.encode() not in stored, words
        assert motion_key in table_file(table.name)
        app.people.redact(meeting, motion, actor=COMMITTEE, on=date(2025, 2, 4),
                          reason=RedactionReason.ABOUT_A_PERSON)
        assert motion_key not in table_file(table.name)
        assert app.integrity.verify().intact
    finally:
        app.close()


def test_the_command_line_shows_redacted_and_erased_text_as_redacted(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from bargaining.adapters.cli.main import main

    store = str(tmp_path / "events.sqlite")
    with BargainingApp(store) as app:
        document, meeting, _ = texts(app)
        app.people.redact(meeting, version_of(app, meeting, "MotionMoved"), actor=COMMITTEE,
                          on=date(2025, 2, 4), reason=RedactionReason.ABOUT_A_PERSON)
    assert main(["history", str(meeting), "--json", "--store", store]) == 0
    shown = capsys.readouterr().out
    assert "[redacted]" in shown and "censure Paul Tremblay of the night shift" not in shown
    assert main(["history", str(document), "--json", "--store", store]) == 0
    assert "Marie on nights says" in capsys.readouterr().out  # before the erasure
    with BargainingApp(store) as app:
        app.people.erase("w-17", actor=COMMITTEE, on=date(2025, 2, 5))
    assert main(["history", str(document), "--json", "--store", store]) == 0
    assert "Marie on nights says" not in capsys.readouterr().out
