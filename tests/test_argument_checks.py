"""Arguments of the wrong kind or shape are refused in domain words, recording nothing
(issue 14, hardening 8, 9, 11 and 12): no raw ``TypeError``, ``IntegrityError`` or
``DatabaseError`` reaches a host, and nothing is silently taken for something else."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any
from uuid import UUID

import pytest

from bargaining import (
    Actor,
    BargainingApp,
    InvalidInput,
    MapFilter,
    UnitNotFound,
)
from bargaining.adapters.csv_import import F7_MAPPING, CsvImporter
from bargaining.infrastructure.errors import StoreError

KEY = BargainingApp.create_cipher_key()


@pytest.fixture
def unit_app(memory_app: BargainingApp, steward: Actor) -> Iterator[tuple[BargainingApp, UUID]]:
    uid = memory_app.units.register(union="CUPE", local="79", employer="City of Toronto",
                                    unit_name="Inside workers", sector="municipal",
                                    actor=steward)
    memory_app.units.record_agreement(uid, expiry=date(2025, 12, 31), actor=steward)
    for count in range(100, 106):
        memory_app.units.change_headcount(uid, count, actor=steward)
    yield memory_app, uid


def recorded(app: BargainingApp) -> int:
    return app.eventsourcing.recorder.max_notification_id() or 0


# ------------------------------------------------------------ 8: datetimes


@pytest.mark.parametrize("query", [
    lambda m: m.expiring(datetime(2025, 12, 31), datetime(2026, 1, 1)),
    lambda m: m.expiring(date(2025, 12, 1), datetime(2025, 12, 31)),
    lambda m: m.month_table(datetime(2025, 1, 1), date(2025, 12, 31)),
    lambda m: m.carried_over(datetime(2026, 1, 1)),
    lambda m: m.cluster_candidates(datetime(2025, 1, 1), datetime(2026, 1, 1), 30),
])
def test_a_map_query_refuses_a_date_and_time(unit_app: tuple[BargainingApp, UUID],
                                             query: Callable[[Any], object]) -> None:
    """Compared as text, 2025-12-31T00:00 missed a unit expiring on 2025-12-31."""
    app, _ = unit_app
    with pytest.raises(InvalidInput, match="a date, not a date and time"):
        query(app.expiry_map)
    assert len(app.expiry_map.expiring(date(2025, 12, 31), date(2026, 1, 1))) == 1


def test_a_command_refuses_a_date_and_time_the_same_way(unit_app: tuple[BargainingApp, UUID],
                                                        steward: Actor) -> None:
    app, uid = unit_app
    with pytest.raises(InvalidInput, match="a date, not a date and time"):
        app.units.get(uid, on=datetime(2025, 1, 1))  # type: ignore[arg-type]


# -------------------------------------------------------------- 9: cipher


def test_an_empty_cipher_key_is_refused_even_with_one_in_the_environment(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BARGAINING_CIPHER_KEY", KEY)
    for empty in ("", "   "):
        with pytest.raises(InvalidInput, match="encryption key is empty"):
            BargainingApp(str(tmp_path / "s.sqlite"), cipher_key=empty)
    assert not (tmp_path / "s.sqlite").exists()
    with BargainingApp("memory") as app:  # no key given: the environment's
        assert app.eventsourcing.raw_key is not None


def test_a_cipher_key_given_as_bytes_is_refused() -> None:
    with pytest.raises(InvalidInput, match=r"base64 text .*not bytes"):
        BargainingApp("memory", cipher_key=KEY.encode())  # type: ignore[arg-type]


# --------------------------------------------------------- 11: wrong types


def test_reading_a_unit_at_a_version_that_is_not_a_number(
        unit_app: tuple[BargainingApp, UUID]) -> None:
    app, uid = unit_app
    for version in ("1", 0, -1, True, 1.0):
        with pytest.raises(InvalidInput, match="a version is a whole number from 1"):
            app.units.get(uid, version=version)  # type: ignore[arg-type]


def test_a_version_past_the_last_is_refused_not_answered_with_the_last(
        unit_app: tuple[BargainingApp, UUID]) -> None:
    app, uid = unit_app
    assert app.units.get(uid).version == 8
    with pytest.raises(InvalidInput, match="has only 8 versions, not 999"):
        app.units.get(uid, version=999)
    assert app.units.get(uid, version=8).version == 8


def test_every_record_refuses_a_version_past_its_last(unit_app: tuple[BargainingApp, UUID],
                                                       steward: Actor) -> None:
    app, uid = unit_app
    campaign = app.campaigns.launch(name="Fair wages", on=date(2025, 1, 6), units=[uid],
                                    actor=steward)
    last = app.campaigns.get(campaign).version
    with pytest.raises(InvalidInput, match=f"campaign .* has only {last} versions?, not 50"):
        app.campaigns.get(campaign, version=50)
    with pytest.raises(InvalidInput, match="a version is a whole number from 1"):
        app.campaigns.get(campaign, version="1")  # type: ignore[arg-type]
    with pytest.raises(InvalidInput, match=r"record .* has only 8 versions, not 9"):
        app.history.as_of(uid, version=9)


def test_finding_a_unit_by_names_that_are_not_text(unit_app: tuple[BargainingApp, UUID]) -> None:
    app, _ = unit_app
    with pytest.raises(InvalidInput, match="the union must be text, not NoneType"):
        app.units.find(union=None, local="79", employer="City of Toronto",  # type: ignore[arg-type]
                       unit_name="Inside workers")
    with pytest.raises(UnitNotFound):
        app.units.find(union="CUPE", local="80", employer="City of Toronto",
                       unit_name="Inside workers")


def test_map_filters_and_query_numbers_of_the_wrong_kind(
        unit_app: tuple[BargainingApp, UUID]) -> None:
    app, uid = unit_app
    start, end = date(2025, 1, 1), date(2026, 12, 31)
    with pytest.raises(InvalidInput, match="the sector filter needs one or more non-blank names"):
        app.expiry_map.expiring(start, end, MapFilter(sector=5))  # type: ignore[arg-type]
    for huge in (2**63, 2**70):
        with pytest.raises(InvalidInput, match="limit must be a whole number"):
            MapFilter(limit=huge)
        with pytest.raises(InvalidInput, match="offset must be a whole number"):
            MapFilter(offset=huge)
    assert len(app.expiry_map.expiring(start, end, MapFilter(limit=2**63 - 1))) == 1
    for bad in ("2", 2.0, None, True):
        with pytest.raises(InvalidInput, match="min_units must be a whole number"):
            app.expiry_map.cluster_candidates(start, end, 30, min_units=bad)  # type: ignore[arg-type]
    with pytest.raises(InvalidInput, match="within_days must be a whole number"):
        app.expiry_map.alongside(uid, "30")  # type: ignore[arg-type]


def test_verify_with_a_page_size_that_is_not_a_number(memory_app: BargainingApp) -> None:
    for bad in ("10", 0, 2.5, True):
        with pytest.raises(InvalidInput, match="the page size must be a whole number"):
            memory_app.integrity.verify(page_size=bad)  # type: ignore[arg-type]


@pytest.mark.parametrize("store", [5, 5.0, b"x.sqlite", ["memory"]])
def test_a_store_that_is_not_text_or_a_path(store: object) -> None:
    with pytest.raises(InvalidInput, match="the store must be 'memory', a SQLite file path"):
        BargainingApp(store)  # type: ignore[arg-type]


def test_a_file_that_is_not_sqlite_is_not_a_store(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("minutes of the bargaining committee\n" * 50)
    with pytest.raises(StoreError, match="is not a SQLite database"):
        BargainingApp(str(notes))
    assert notes.read_text().startswith("minutes")
    empty = tmp_path / "empty.sqlite"
    empty.touch()
    BargainingApp(str(empty)).close()  # an empty file is a new store


@pytest.mark.parametrize("kwargs, match", [
    ({"batch_size": "10"}, "batch_size must be a whole number"),
    ({"batch_size": 0}, "batch_size must be a whole number"),
    ({"odd_expiry_years": "10"}, "odd_expiry_years must be a whole number"),
])
def test_importer_numbers_of_the_wrong_kind(memory_app: BargainingApp, steward: Actor,
                                            kwargs: dict[str, object], match: str) -> None:
    with pytest.raises(InvalidInput, match=match):
        CsvImporter(memory_app, F7_MAPPING, actor=steward, **kwargs)  # type: ignore[arg-type]


def test_an_importer_without_a_column_mapping(memory_app: BargainingApp, steward: Actor) -> None:
    with pytest.raises(InvalidInput, match="needs a ColumnMapping"):
        CsvImporter(memory_app, None, actor=steward)  # type: ignore[arg-type]


def test_an_unpaired_surrogate_in_a_name(memory_app: BargainingApp, steward: Actor) -> None:
    with pytest.raises(InvalidInput, match="the union is not valid text"):
        memory_app.units.register(union="CU\ud800PE", local="79", employer="City",
                                  unit_name="Inside", actor=steward)
    assert recorded(memory_app) == 0


# ------------------------------------------------------- 12: surprises


@pytest.mark.parametrize("store", ["mem", "MEM", "in-memory", ":memory"])
def test_a_store_that_looks_like_memory_is_refused(store: str) -> None:
    with pytest.raises(InvalidInput, match="say 'memory'"):
        BargainingApp(store)


@pytest.mark.parametrize("store", ["file:x?mode=memory", "file::memory:?cache=shared",
                                   "sqlite:///file:x?mode=memory"])
def test_a_sqlite_uri_that_keeps_nothing_is_refused(store: str) -> None:
    with pytest.raises(InvalidInput, match="keeps nothing"):
        BargainingApp(store)


def test_memory_is_still_memory() -> None:
    for store in ("memory", ":memory:", " Memory "):
        with BargainingApp(store) as app:
            assert app.store.kind == "memory"
