"""The application a host embeds, on every store: commands, actors, conflicts, encryption."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from bargaining import (
    Actor,
    BargainingApp,
    BargainingError,
    BargainingUnit,
    CollectiveAgreement,
    ConcurrentChange,
    EncryptionKeyError,
    InvalidInput,
    MapFilter,
    MissingActor,
    RuleViolation,
    UnitAlreadyRegistered,
    UnitNotFound,
    UnitProfile,
    unit_id,
)
from bargaining.infrastructure.stores import Store

# Stores that outlive one application instance (memory does not).
PERSISTENT = pytest.mark.parametrize("store_kind", ["sqlite", "postgres"])

UNIT = {
    "union": "CUPE",
    "local": "79",
    "employer": "City of Toronto",
    "unit_name": "Inside workers",
    "sector": "municipal",
    "region": "ON",
    "city": "Toronto",
    "headcount": 20000,
    "industry_code": "913",
}


def register(app: BargainingApp, actor: Actor, **changes: object) -> object:
    return app.units.register(**{**UNIT, **changes}, actor=actor)  # type: ignore[arg-type]


def event_names(app: BargainingApp) -> list[str]:
    return [n.topic.rsplit(".", 1)[-1] for n in app.eventsourcing.notification_log.select(start=1,
                                                                                          limit=1000)]


def test_register_and_reload_unit(app: BargainingApp, steward: Actor) -> None:
    uid = register(app, steward, reason="joined the caucus")
    unit = app.units.get(uid)  # type: ignore[arg-type]
    assert uid == unit_id("CUPE", "79", "City of Toronto", "Inside workers")
    assert (unit.union, unit.local, unit.employer, unit.unit_name) == (
        "CUPE", "79", "City of Toronto", "Inside workers"
    )
    assert (unit.sector, unit.region, unit.city, unit.headcount, unit.industry_code) == (
        "municipal", "ON", "Toronto", 20000, "913"
    )
    assert event_names(app) == ["Registered"]


def test_every_event_records_the_actor_and_reason(app: BargainingApp, steward: Actor) -> None:
    uid = register(app, steward, reason="joined the caucus")
    app.units.change_headcount(uid, 21000, actor=Actor("u-2", "local president"),
                               reason="new hires")
    stored = app.eventsourcing.notification_log.select(start=1, limit=10)
    events = [app.eventsourcing.mapper.to_domain_event(n) for n in stored]
    assert [(e.actor, e.reason) for e in events] == [  # type: ignore[attr-defined]
        (steward, "joined the caucus"),
        (Actor("u-2", "local president"), "new hires"),
    ]


def test_same_unit_registered_twice_is_detected(app: BargainingApp, steward: Actor) -> None:
    register(app, steward)
    with pytest.raises(UnitAlreadyRegistered, match="CUPE 79, City of Toronto"):
        register(app, steward, union=" cupe ", employer="CITY OF  TORONTO", headcount=1)
    assert event_names(app) == ["Registered"]


def test_find_unit_by_names(app: BargainingApp, steward: Actor) -> None:
    uid = register(app, steward)
    found = app.units.find(union="cupe", local="79", employer="city of toronto",
                           unit_name="INSIDE WORKERS")
    assert found.id == uid
    with pytest.raises(UnitNotFound, match="CUPE 416"):
        app.units.find(union="CUPE", local="416", employer="City of Toronto", unit_name="Outside")


@pytest.mark.parametrize("actor", [None, "org-1", ("org-1", "chair")])
def test_command_without_actor_is_refused(app: BargainingApp, actor: object) -> None:
    with pytest.raises(MissingActor):
        app.units.register(**UNIT, actor=actor)  # type: ignore[arg-type]
    assert event_names(app) == []


def test_blank_actor_fields_are_refused() -> None:
    with pytest.raises(InvalidInput, match="role"):
        Actor("org-1", "  ")


@pytest.mark.parametrize(
    ("changes", "error", "words"),
    [
        ({"employer": "  "}, InvalidInput, "needs an employer"),
        ({"union": ""}, InvalidInput, "needs a union"),
        ({"unit_name": ""}, InvalidInput, "needs a unit name"),
        ({"headcount": -1}, RuleViolation, "headcount cannot be negative"),
        ({"headcount": "12"}, InvalidInput, "whole number"),
    ],
)
def test_bad_registration_is_refused_and_records_nothing(
    app: BargainingApp, steward: Actor, changes: dict[str, object], error: type, words: str
) -> None:
    with pytest.raises(error, match=words):
        register(app, steward, **changes)
    assert event_names(app) == []
    assert app.expiry_map.all_units() == []


def test_agreements_and_profile_changes_are_each_their_own_event(
    app: BargainingApp, steward: Actor
) -> None:
    uid = register(app, steward)
    app.units.record_agreement(uid, effective=date(2020, 1, 1), expiry=date(2023, 12, 31),
                               settled=date(2020, 3, 2), source="CA 2020-2023", actor=steward)
    app.units.record_agreement(uid, expiry=date(2026, 12, 31), actor=steward)
    app.units.change_headcount(uid, 19000, actor=steward)
    app.units.change_sector(uid, "municipal services", actor=steward)
    app.units.change_region(uid, "QC", actor=steward)
    app.units.change_city(uid, "Montreal", actor=steward)
    app.units.change_industry_code(uid, "914", actor=steward)
    assert event_names(app) == [
        "Registered", "AgreementRecorded", "AgreementRecorded", "HeadcountChanged",
        "SectorChanged", "RegionChanged", "CityChanged", "IndustryCodeChanged",
    ]
    unit = app.units.get(uid)
    assert unit.current_agreement == CollectiveAgreement(expiry=date(2026, 12, 31))
    assert (unit.headcount, unit.sector, unit.region, unit.city, unit.industry_code) == (
        19000, "municipal services", "QC", "Montreal", "914"
    )
    assert app.units.get(uid, version=2).agreements[0].settled == date(2020, 3, 2)


@pytest.mark.parametrize(
    ("effective", "expiry", "words"),
    [
        (date(2024, 1, 1), date(2024, 1, 1), "must expire after it takes effect"),
        (date(2025, 1, 1), date(2024, 1, 1), "must expire after it takes effect"),
        (date(2022, 6, 1), date(2025, 6, 1), "overlaps the agreement 2021-01-01 to 2023-12-31"),
        (None, date(2023, 12, 31), "overlaps"),
        (None, date(2022, 3, 1), "overlaps"),
    ],
)
def test_bad_agreements_are_refused_and_record_nothing(
    app: BargainingApp, steward: Actor, effective: date | None, expiry: date, words: str
) -> None:
    uid = register(app, steward)
    app.units.record_agreement(uid, effective=date(2021, 1, 1), expiry=date(2023, 12, 31),
                               actor=steward)
    version = app.units.get(uid).version
    with pytest.raises(BargainingError, match=words):
        app.units.record_agreement(uid, effective=effective, expiry=expiry, actor=steward)
    assert app.units.get(uid).version == version
    assert len(event_names(app)) == 2


def test_negative_headcount_change_is_refused(app: BargainingApp, steward: Actor) -> None:
    uid = register(app, steward)
    with pytest.raises(RuleViolation, match="negative"):
        app.units.change_headcount(uid, -5, actor=steward)
    assert app.units.get(uid).headcount == 20000
    assert event_names(app) == ["Registered"]


def test_correction_is_a_new_event_and_history_keeps_the_original(
    app: BargainingApp, steward: Actor
) -> None:
    uid = register(app, steward)
    app.units.record_agreement(uid, expiry=date(2040, 12, 31), actor=steward, source="F-7 notice")
    app.units.correct_agreement(
        uid, expiry=date(2040, 12, 31),
        corrected=CollectiveAgreement(expiry=date(2024, 12, 31), source="signed copy"),
        actor=steward, reason="the notice had a typo in the year",
    )
    assert event_names(app)[-1] == "AgreementCorrected"
    assert app.units.get(uid).current_agreement.expiry == date(2024, 12,
                                                               31)  # type: ignore[union-attr]
    assert app.units.get(uid, version=2).current_agreement.expiry == date(2040, 12,
                                                                          31)  # type: ignore[union-attr]
    assert app.expiry_map.unit(uid).expiry == date(2024, 12, 31)  # type: ignore[arg-type]
    with pytest.raises(RuleViolation, match="no agreement expiring 2030-01-01"):
        app.units.correct_agreement(uid, expiry=date(2030, 1, 1),
                                    corrected=CollectiveAgreement(expiry=date(2031, 1, 1)),
                                    actor=steward)


def test_unknown_unit_is_a_clear_error(app: BargainingApp, steward: Actor) -> None:
    missing = unit_id("X", "1", "Nobody", "none")
    with pytest.raises(UnitNotFound, match=str(missing)):
        app.units.record_agreement(missing, expiry=date(2025, 1, 1), actor=steward)
    with pytest.raises(InvalidInput, match="UUID"):
        app.units.get("CUPE 79")  # type: ignore[arg-type]


@PERSISTENT
def test_two_instances_changing_one_unit_conflict_and_lose_nothing(
    open_app: Callable[..., BargainingApp], store_kind: str, steward: Actor
) -> None:
    first, second = open_app(), open_app()
    uid = register(first, steward)
    mine, theirs = first.units.get(uid), second.units.get(uid)  # type: ignore[arg-type]
    mine.change_headcount(20500, actor=steward)
    theirs.change_headcount(19500, actor=Actor("org-2", "local president"))
    first.save(mine)
    with pytest.raises(ConcurrentChange, match=r"CUPE 79, City of Toronto \(Inside workers\) was"):
        second.save(theirs)
    reloaded = second.units.get(uid)  # type: ignore[arg-type]
    assert reloaded.headcount == 20500
    assert reloaded.version == 2
    assert second.expiry_map.unit(uid).headcount == 20500  # type: ignore[arg-type]


@PERSISTENT
def test_events_and_map_survive_reopening(
    open_app: Callable[..., BargainingApp], store_kind: str, steward: Actor
) -> None:
    first = open_app()
    uid = register(first, steward)
    first.units.record_agreement(uid, expiry=date(2026, 12, 31), actor=steward)
    position = first.expiry_map.position
    first.close()
    again = open_app()
    assert again.expiry_map.position == position
    assert again.units.get(uid).current_agreement.expiry == date(2026, 12,
                                                                 31)  # type: ignore[arg-type,union-attr]
    expiring = again.expiry_map.expiring(date(2026, 1, 1), date(2026, 12, 31))
    assert [u.unit_id for u in expiring] == [uid]


def test_encrypted_sqlite_file_hides_names(tmp_path: Path, steward: Actor) -> None:
    path = tmp_path / "secret.sqlite"
    key = BargainingApp.create_cipher_key()
    app = BargainingApp(str(path), cipher_key=key)
    uid = register(app, steward, employer="Acme Widgets Incorporated")
    app.units.record_agreement(uid, expiry=date(2026, 12, 31), actor=steward)
    assert app.expiry_map.unit(uid).employer == "Acme Widgets Incorporated"  # type: ignore[arg-type]
    assert len(app.expiry_map.expiring(date(2026, 1, 1), date(2026, 12, 31),
                                       MapFilter(employer="acme widgets incorporated"))) == 1
    app.close()
    raw = b"".join(p.read_bytes() for p in tmp_path.iterdir() if p.name.startswith("secret"))
    assert b"Acme Widgets" not in raw
    assert b"City of Toronto" not in raw
    assert b"Toronto" not in raw
    reopened = BargainingApp(str(path), cipher_key=key)
    assert reopened.units.get(uid).employer == "Acme Widgets Incorporated"  # type: ignore[arg-type]
    reopened.close()


def test_encrypted_postgres_rows_hide_names(pg_schema: str, steward: Actor) -> None:
    import psycopg

    from tests.conftest import POSTGRES_URL

    key = BargainingApp.create_cipher_key()
    app = BargainingApp(f"{POSTGRES_URL}?schema={pg_schema}", cipher_key=key)
    uid = register(app, steward, employer="Acme Widgets Incorporated")
    app.units.record_agreement(uid, expiry=date(2026, 12, 31), actor=steward)
    app.close()
    with psycopg.connect(POSTGRES_URL) as conn:
        tables = [r[0] for r in conn.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = %s",
            (pg_schema,))]
        assert "bargainingapp_events" in tables and "expiry_map_units" in tables
        dump = b""
        for table in tables:
            for row in conn.execute(f'SELECT * FROM "{pg_schema}"."{table}"'):
                dump += repr(row).encode()
    assert b"Acme" not in dump
    assert b"Toronto" not in dump


@PERSISTENT
@pytest.mark.parametrize("second_key", ["other", None])
def test_wrong_or_missing_key_fails_clearly(
    open_app: Callable[..., BargainingApp], store_kind: str, steward: Actor, second_key: str | None
) -> None:
    register(open_app(cipher_key=BargainingApp.create_cipher_key()), steward)
    key = BargainingApp.create_cipher_key() if second_key else None
    with pytest.raises(EncryptionKeyError, match="key is wrong or missing"):
        open_app(cipher_key=key)


def test_malformed_key_is_refused() -> None:
    with pytest.raises(InvalidInput, match="16, 24 or 32 bytes"):
        BargainingApp("memory", cipher_key="c2hvcnQ=")
    with pytest.raises(InvalidInput, match="base64"):
        BargainingApp("memory", cipher_key="not base64!")


def test_store_choice_from_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, steward: Actor
) -> None:
    path = tmp_path / "from-env.sqlite"
    monkeypatch.setenv("BARGAINING_STORE", str(path))
    app = BargainingApp()
    register(app, steward)
    app.close()
    assert path.exists()
    assert Store.parse("memory").kind == "memory"
    pg = Store.parse("postgresql://alice:s3cret@db.example:6543/coalition?schema=cupe")
    assert pg.settings["POSTGRES_USER"] == "alice"
    assert pg.settings["POSTGRES_PORT"] == "6543"
    assert pg.settings["POSTGRES_SCHEMA"] == "cupe"
    assert "s3cret" not in pg.location


@pytest.mark.parametrize(
    ("store", "words"),
    [("mysql://x/y", "unknown store"), ("postgresql://host/", "name the database"),
     ("/no/such/folder/x.sqlite", "folder for the SQLite file does not exist")],
)
def test_bad_store_choice_is_refused(store: str, words: str) -> None:
    with pytest.raises(InvalidInput, match=words):
        BargainingApp(store)


def test_save_takes_aggregates_and_their_events_alike(app: BargainingApp, steward: Actor) -> None:
    """``save`` collects an aggregate's events itself; anything else goes eventsourcing's way."""
    first = BargainingUnit.register(UnitProfile(**UNIT), actor=steward)  # type: ignore[arg-type]
    outside = UnitProfile(**{**UNIT, "unit_name": "Outside workers"})  # type: ignore[arg-type]
    second = BargainingUnit.register(outside, actor=steward)
    app.save(first, None, *second.collect_events())
    assert event_names(app) == ["Registered", "Registered"]
    assert app.units.get(second.id).unit_name == "Outside workers"
    assert sorted(u.unit_name for u in app.expiry_map.all_units()) == ["Inside workers",
                                                                       "Outside workers"]


def test_a_profile_is_checked_and_tidied_when_it_is_made() -> None:
    profile = UnitProfile(**{**UNIT, "union": "  CUPE ",
                             "unit_name": "Inside   workers"})  # type: ignore[arg-type]
    assert (profile.union, profile.unit_name) == ("CUPE", "Inside workers")
    assert profile.unit_id == unit_id("cupe", "79", "city of toronto", "inside workers")
    assert profile.label == "CUPE 79, City of Toronto (Inside workers)"
    with pytest.raises(InvalidInput, match="at most 200"):
        UnitProfile(**{**UNIT, "sector": "x" * 5000})  # type: ignore[arg-type]
    with pytest.raises(InvalidInput, match="needs an employer"):
        UnitProfile(**{**UNIT, "employer": "  "})  # type: ignore[arg-type]
    with pytest.raises(RuleViolation, match="negative"):
        UnitProfile(**{**UNIT, "headcount": -1})  # type: ignore[arg-type]


def test_a_unit_is_registered_only_from_a_profile_and_an_actor(steward: Actor) -> None:
    with pytest.raises(InvalidInput, match="from its UnitProfile"):
        BargainingUnit.register(dict(UNIT), actor=steward)  # type: ignore[arg-type]
    with pytest.raises(MissingActor):
        BargainingUnit.register(UnitProfile(**UNIT), actor=None)  # type: ignore[arg-type]
    unit = BargainingUnit.register(UnitProfile(**UNIT), actor=steward, reason=" joined ")
    registered = unit.collect_events()[0]
    assert type(registered) is BargainingUnit.Registered
    assert (registered.union, registered.reason) == ("CUPE", "joined")  # type: ignore[attr-defined]


def test_a_store_never_shows_its_password() -> None:
    store = Store.parse("postgresql://organizer:s3cret-word@db.example.org:5432/coalition")
    assert "s3cret-word" not in repr(store) and "s3cret-word" not in str(store)
    assert store.location == "postgresql://db.example.org:5432/coalition"
    assert store.settings["POSTGRES_PASSWORD"] == "s3cret-word"
