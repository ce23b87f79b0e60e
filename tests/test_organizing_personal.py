"""Organizing's personal data is sealed (issue 15): a leader's name given to
``identify_leader(personal=...)`` is in no table or file once saved, not in a snapshot of the
workplace, and reads as "erased person" after the leader's erasure, in the workplace record,
its history and the exports; on SQLite (encrypted and not) and PostgreSQL."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from bargaining import Actor, BargainingApp, PersonalData, Reader
from bargaining.adapters.audit_export import write_csv, write_jsonl
from tests.conftest import POSTGRES_URL
from tests.test_erasure_files import files_of

ORGANIZER = Actor("org-dxt4", "organizer")
NAME = "Marie Tremblay"


def rows_of_every_table(url: str, schema: str) -> list[Any]:
    """Every cell of every table of the application's schema."""
    import psycopg

    with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
        tables = [r[0] for r in conn.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = %s",
            (schema,)).fetchall()]
        assert tables
        return [cell for t in tables
                for row in conn.execute(f'SELECT * FROM "{schema}"."{t}"').fetchall()
                for cell in row]


def holds(cells: list[Any], text: str) -> bool:
    wanted = text.encode()
    return any(wanted in (bytes(c) if isinstance(c, bytes | memoryview) else str(c).encode())
               for c in cells)


@pytest.fixture(params=["sqlite", "sqlite-encrypted", "postgres"])
def where(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[str, str | None, Any]:
    """A store (its location, a key or none) and how to read everything it holds."""
    if request.param == "postgres":
        schema = request.getfixturevalue("pg_schema")
        url = f"{POSTGRES_URL}?schema={schema}"
        return url, None, lambda: rows_of_every_table(url, schema)
    path = tmp_path / "events.sqlite"
    key = BargainingApp.create_cipher_key() if request.param.endswith("encrypted") else None
    return str(path), key, lambda: [files_of(path)]


def test_a_leaders_name_is_sealed_in_events_and_snapshots_and_erased_everywhere(
        where: tuple[str, str | None, Any]) -> None:
    url, key, everything = where
    app = BargainingApp(url, cipher_key=key)
    try:
        org = app.organizing
        place = org.register_workplace(name="DXT4", employer="Amazon", region="Laval",
                                       actor=ORGANIZER)
        team = org.form_team(name="Laval warehouses", kind="region", area="Laval",
                             on=date(2024, 3, 1), actor=ORGANIZER)
        org.join(team, person="o-1", role="organizer", on=date(2024, 3, 1), actor=ORGANIZER)
        org.support_workplace(team, workplace=place, on=date(2024, 3, 1), actor=ORGANIZER)
        org.add_group(place, name="Nights", kind="shift", workers=60, on=date(2024, 3, 1),
                      actor=ORGANIZER)
        org.identify_leader(place, group="Nights", person="w-17", on=date(2024, 3, 20),
                            actor=ORGANIZER,
                            personal=PersonalData("w-17", name=NAME, assessment=1))
        assert org.workplace(place).leaders["w-17"].personal.shown() == "a person"
        own = org.workplace(place, reader=Reader("o-1", "organizer"))
        assert own.leaders["w-17"].personal.name == NAME
        app.eventsourcing.take_snapshot(place)
        snapshots: Any = app.eventsourcing.snapshots
        (snapshot,) = snapshots.recorder.select_events(place)
        assert NAME.encode() not in snapshot.state
        assert not holds(everything(), NAME)  # no table, no file
        app.people.erase("w-17", actor=ORGANIZER, on=date(2025, 2, 4))
        for reader in (app, BargainingApp(url, cipher_key=key)):
            leader = reader.organizing.workplace(place).leaders["w-17"]
            assert leader.personal.erased and leader.personal.shown() == "erased person"
            entry = next(e for e in reader.history.of(place) if e.event == "LeaderIdentified")
            assert entry.data["personal"]["name"] == "erased person"
            for write in (write_csv, write_jsonl):
                out = io.StringIO()
                write(reader.history.audit_log(), out)
                assert "erased person" in out.getvalue() and NAME not in out.getvalue()
            if reader is not app:
                reader.close()
        assert not holds(everything(), NAME)
        assert app.integrity.verify().intact
    finally:
        app.close()
