"""The Expiry Map on every store: answers, tracking, resumption, rebuilds, input errors."""

from __future__ import annotations

import logging
import random
import sqlite3
import time
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from uuid import UUID

import pytest

from bargaining import (
    EXAMPLE_CALENDAR,
    MAX_TEXT,
    Actor,
    BargainingApp,
    BargainingUnit,
    CollectiveAgreement,
    InvalidInput,
    MapBehind,
    MapFilter,
    OpenPeriod,
    OpenPeriodCalendar,
    UnitNotFound,
    UnitProfile,
)
from bargaining.adapters.csv_import import F7_MAPPING, CsvImporter
from bargaining.readmodels.expiry_map import ExpiryMap
from tests.conftest import F7_SAMPLE

# (union, local, employer, unit, sector, region, headcount, expiry)
UNITS = [
    ("CUPE", "79", "City of Toronto", "inside", "municipal", "ON", 20000, date(2025, 12, 31)),
    ("CUPE", "416", "City of Toronto", "outside", "municipal", "ON", 5000, date(2026, 1, 15)),
    ("CUPE", "2191", "Region of Peel", "paramedics", "municipal", "ON", 600, date(2026, 3, 31)),
    ("SEIU", "2", "Extendicare", "Sudbury", "long-term care", "ON", 300, date(2026, 1, 10)),
    ("SEIU", "2", "Sienna", "Ottawa", "long-term care", "ON", 450, date(2026, 2, 5)),
    ("CSN", "FSSS", "CIUSSS Centre-Sud", "soins", "health", "QC", 9000, date(2023, 3, 31)),
    ("OPSEU", "5", "Durham College", "support", "education", "ON", 400, date(2026, 8, 31)),
]


def load(app: BargainingApp, actor: Actor) -> dict[str, UUID]:
    ids = {}
    for union, local, employer, unit, sector, region, headcount, expiry in UNITS:
        uid = app.units.register(union=union, local=local, employer=employer, unit_name=unit,
                                 sector=sector, region=region, headcount=headcount, actor=actor)
        app.units.record_agreement(uid, expiry=expiry, actor=actor)
        ids[f"{union} {local} {unit}"] = uid
    return ids


def names(units: list) -> list[str]:  # type: ignore[type-arg]
    return [f"{u.union} {u.local} {u.unit_name}" for u in units]


def test_expiring_in_a_range_with_filters(app: BargainingApp, steward: Actor) -> None:
    load(app, steward)
    em = app.expiry_map
    year = (date(2026, 1, 1), date(2026, 12, 31))
    assert names(em.expiring(*year)) == [
        "SEIU 2 Sudbury", "CUPE 416 outside", "SEIU 2 Ottawa", "CUPE 2191 paramedics",
        "OPSEU 5 support",
    ]
    assert names(em.expiring(*year, MapFilter(sector="Municipal"))) == [
        "CUPE 416 outside", "CUPE 2191 paramedics"]
    assert names(em.expiring(*year, where=MapFilter(union="seiu", employer="Sienna"))) == [
        "SEIU 2 Ottawa"]
    assert names(em.expiring(
        *year, MapFilter(sector=["education", "long-term care"], region="ON"))) == [
        "SEIU 2 Sudbury", "SEIU 2 Ottawa", "OPSEU 5 support"]
    assert em.expiring(*year, MapFilter(region="QC")) == []


def test_month_table_counts_units_and_workers(app: BargainingApp, steward: Actor) -> None:
    load(app, steward)
    table = app.expiry_map.month_table(date(2025, 12, 1), date(2026, 3, 31))
    assert [(r.month, r.units, r.workers) for r in table] == [
        ("2025-12", 1, 20000), ("2026-01", 2, 5300), ("2026-02", 1, 450), ("2026-03", 1, 600),
    ]


def test_who_bargains_alongside(app: BargainingApp, steward: Actor) -> None:
    ids = load(app, steward)
    em = app.expiry_map
    assert names(em.alongside(ids["CUPE 416 outside"], 30)) == [
        "CUPE 79 inside", "SEIU 2 Sudbury", "SEIU 2 Ottawa"]
    assert names(em.alongside(ids["CUPE 416 outside"], 30, MapFilter(sector="municipal"))) == [
        "CUPE 79 inside"]
    assert em.alongside(ids["OPSEU 5 support"], 10) == []


def test_carried_over_units(app: BargainingApp, steward: Actor) -> None:
    ids = load(app, steward)
    assert names(app.expiry_map.carried_over(date(2026, 1, 12))) == [
        "CSN FSSS soins", "CUPE 79 inside", "SEIU 2 Sudbury"]
    app.units.record_agreement(ids["CSN FSSS soins"], effective=date(2023, 4, 1),
                               expiry=date(2028, 3, 31), actor=steward)
    assert names(app.expiry_map.carried_over(date(2026, 1, 12))) == [
        "CUPE 79 inside", "SEIU 2 Sudbury"]


def test_cluster_candidates_ranked_by_workers(app: BargainingApp, steward: Actor) -> None:
    load(app, steward)
    found = app.expiry_map.cluster_candidates(date(2025, 6, 1), date(2026, 12, 31), 30)
    assert [(c.sector, c.unit_count, c.workers) for c in found] == [
        ("municipal", 2, 25000), ("long-term care", 2, 750)]
    assert (found[0].first_expiry, found[0].last_expiry) == (date(2025, 12, 31),
                                                             date(2026, 1, 15))
    wide = app.expiry_map.cluster_candidates(date(2025, 6, 1), date(2026, 12, 31), 120,
                                             MapFilter(sector="municipal"), min_units=3)
    assert [(c.unit_count, c.workers) for c in wide] == [(3, 25600)]
    by_region = app.expiry_map.cluster_candidates(date(2025, 6, 1), date(2026, 12, 31), 30,
                                                  by_region=True)
    assert {(c.sector, c.region) for c in by_region} == {("municipal", "ON"),
                                                         ("long-term care", "ON")}


def test_open_periods_per_jurisdiction(app: BargainingApp, steward: Actor) -> None:
    load(app, steward)
    calendar = OpenPeriodCalendar.build(
        {"ON": [OpenPeriod("notice to bargain", opens_days_before=90)],
         "QC": [OpenPeriod("avis de négociation", opens_days_before=180,
                           closes_days_before=90)]})
    entries = app.expiry_map.in_open_period(date(2025, 11, 15), calendar)
    assert [(e.unit.unit_name, e.period, e.opens, e.closes) for e in entries] == [
        ("inside", "notice to bargain", date(2025, 10, 2), date(2025, 12, 31)),
        ("Sudbury", "notice to bargain", date(2025, 10, 12), date(2026, 1, 10)),
        ("outside", "notice to bargain", date(2025, 10, 17), date(2026, 1, 15)),
        ("Ottawa", "notice to bargain", date(2025, 11, 7), date(2026, 2, 5)),
    ]
    assert app.expiry_map.in_open_period(date(2022, 11, 1), calendar)[0].unit.union == "CSN"
    with_default = app.expiry_map.in_open_period(date(2023, 2, 1), EXAMPLE_CALENDAR)
    assert [e.unit.union for e in with_default] == ["CSN"]


def test_map_follows_profile_changes(app: BargainingApp, steward: Actor) -> None:
    ids = load(app, steward)
    uid = ids["SEIU 2 Ottawa"]
    app.units.change_sector(uid, "municipal", actor=steward)
    app.units.change_headcount(uid, 480, actor=steward)
    app.units.change_region(uid, "QC", actor=steward)
    unit = app.expiry_map.unit(uid)
    assert (unit.sector, unit.headcount, unit.region) == ("municipal", 480, "QC")


def test_the_longest_sector_and_region_fit_every_store(app: BargainingApp,
                                                       steward: Actor) -> None:
    """The map indexes sector and region; PostgreSQL refuses index entries over 2,704 bytes
    (after compression). The widest allowed values: 200 four-byte characters each, drawn at
    random so that compression cannot shrink them much."""
    pick = random.Random(7).randrange
    sector, region = ("".join(chr(pick(0x20000, 0x2A6E0)) for _ in range(MAX_TEXT))
                      for _ in range(2))
    uid = app.units.register(union="CUPE", local="79", employer="City of Toronto",
                             unit_name="inside", sector=sector, region=region, headcount=20000,
                             actor=steward)
    app.units.record_agreement(uid, expiry=date(2025, 12, 31), actor=steward)
    other = app.units.register(union="CUPE", local="416", employer="City of Toronto",
                               unit_name="outside", headcount=5000, actor=steward)
    app.units.record_agreement(other, expiry=date(2026, 1, 9), actor=steward)
    app.units.change_sector(other, sector, actor=steward)
    app.units.change_region(other, region, actor=steward)
    found = app.expiry_map.cluster_candidates(date(2025, 6, 1), date(2026, 6, 1), 30,
                                              MapFilter(sector=sector, region=region),
                                              by_region=True)
    assert [(c.unit_count, c.workers) for c in found] == [(2, 25000)]
    calendar = OpenPeriodCalendar.build({region: [OpenPeriod("notice", opens_days_before=90)]})
    assert len(app.expiry_map.in_open_period(date(2025, 12, 1), calendar)) == 2
    with pytest.raises(InvalidInput, match="at most 200"):
        app.units.change_sector(other, sector + "x", actor=steward)
    assert app.expiry_map.unit(other).sector == sector


def test_rebuild_and_fresh_copy_equal_the_live_map(app: BargainingApp, steward: Actor) -> None:
    load(app, steward)
    live = app.expiry_map.all_units()
    position = app.expiry_map.position
    assert app.expiry_map.rebuild() == 14
    assert app.expiry_map.all_units() == live
    assert app.expiry_map.position == position
    copy = ExpiryMap(app.expiry_map.feed, app.expiry_map.storage, name="expiry_map_copy")
    assert copy.position == 0
    assert copy.all_units() == live
    copy.drop()


def test_map_as_of_a_past_position(app: BargainingApp, steward: Actor) -> None:
    load(app, steward)
    past = ExpiryMap(app.expiry_map.feed, app.expiry_map.storage, name="expiry_map_past",
                     stop=4)
    assert names(past.all_units()) == ["CUPE 79 inside", "CUPE 416 outside"]
    past.drop()


def usual_answers(em: ExpiryMap) -> tuple[object, ...]:
    year = (date(2025, 1, 1), date(2026, 12, 31))
    return (em.all_units(), em.month_table(*year), em.cluster_candidates(*year, 30),
            em.in_open_period(date(2025, 11, 15), EXAMPLE_CALENDAR))


@pytest.mark.parametrize("encrypted", [False, True])
def test_map_as_of_a_past_moment(
    open_app: Callable[..., BargainingApp], steward: Actor, encrypted: bool
) -> None:
    app = open_app(cipher_key=BargainingApp.create_cipher_key() if encrypted else None)
    ids = load(app, steward)
    then = usual_answers(app.expiry_map)
    moment = datetime.now(UTC)
    time.sleep(0.01)  # events stamped from here on are later than the moment
    app.units.record_agreement(ids["CSN FSSS soins"], effective=date(2023, 4, 1),
                               expiry=date(2026, 3, 31), actor=steward)
    app.units.correct_agreement(ids["CUPE 79 inside"], expiry=date(2025, 12, 31),
                                corrected=CollectiveAgreement(expiry=date(2026, 1,
                                                                          31)), actor=steward)
    app.units.change_region(ids["SEIU 2 Ottawa"], "QC", actor=steward)
    app.units.register(union="UNIFOR", local="1", employer="Ford", unit_name="plant",
                       sector="manufacturing", region="ON", actor=steward)
    live = usual_answers(app.expiry_map)
    position = app.expiry_map.position
    assert live != then

    past = ExpiryMap(app.expiry_map.feed, app.expiry_map.storage, name="expiry_map_until",
                     until=moment)
    assert usual_answers(past) == then
    assert past.position == position  # it read the whole log and skipped the later events
    assert past.rebuild() == 2 * len(UNITS)
    assert usual_answers(past) == then
    assert usual_answers(app.expiry_map) == live
    assert app.expiry_map.position == position

    unit = BargainingUnit.register(UnitProfile(union="CUPE", local="2", employer="Kingston",
                                               unit_name="library", region="ON"), actor=steward)
    unit.record_agreement(CollectiveAgreement(expiry=date(2025, 12, 1)), actor=steward)
    recordings = app.save(unit)
    assert past.follow(recordings) == 0
    assert past.position == app.expiry_map.position
    assert usual_answers(past) == then
    past.drop()
    with app.expiry_map.as_of(moment) as again:  # the same, in tables dropped afterwards
        assert usual_answers(again) == then
        assert again.position == app.expiry_map.position


@pytest.mark.parametrize(("until", "words"), [
    (datetime(2025, 1, 1), "has no time zone"),
    (date(2025, 1, 1), "must be a date-time"),
    ("2025-01-01", "must be a date-time"),
])
def test_map_as_of_a_moment_needs_an_aware_date_time(
    memory_app: BargainingApp, until: object, words: str
) -> None:
    with pytest.raises(InvalidInput, match=words):
        ExpiryMap(memory_app.expiry_map.feed, memory_app.expiry_map.storage,
                  name="expiry_map_naive", until=until)  # type: ignore[arg-type]
    store = memory_app.expiry_map.storage.store  # type: ignore[attr-defined]
    assert not store.query("SELECT name FROM sqlite_master WHERE name LIKE 'expiry_map_naive%'")
    past = memory_app.expiry_map.as_of(until)  # type: ignore[arg-type]
    with pytest.raises(InvalidInput, match=words), past:
        pass


@pytest.mark.parametrize("store_kind", ["sqlite", "postgres"])
def test_second_instance_sees_and_resumes(
    open_app: Callable[..., BargainingApp], store_kind: str, steward: Actor
) -> None:
    writer, reader = open_app(), open_app()
    load(writer, steward)
    assert len(reader.expiry_map.expiring(date(2020, 1, 1), date(2030, 1, 1))) == len(UNITS)
    assert reader.expiry_map.position == writer.expiry_map.position == 14
    writer.close()
    resumed = open_app()
    assert resumed.expiry_map.catch_up() == 0
    assert resumed.expiry_map.all_units() == reader.expiry_map.all_units()


def test_sqlite_map_tables_live_in_the_event_file(sqlite_app: BargainingApp,
                                                  steward: Actor) -> None:
    import sqlite3

    load(sqlite_app, steward)
    with sqlite3.connect(sqlite_app.store.location) as conn:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        position = conn.execute("SELECT position FROM expiry_map_tracking").fetchone()[0]
    assert {"stored_events", "expiry_map_units", "expiry_map_agreements",
            "expiry_map_tracking"} <= tables
    assert position == 14


def test_a_map_made_before_keeps_its_agreements_table_and_answers_the_same(
    tmp_path: Path, steward: Actor
) -> None:
    """Earlier releases made the agreements table with a rowid; such a map keeps it."""
    import sqlite3

    old_file, new_file = tmp_path / "old.sqlite", tmp_path / "new.sqlite"
    with sqlite3.connect(old_file) as conn:
        conn.execute(
            "CREATE TABLE expiry_map_agreements (unit_id TEXT NOT NULL, expiry TEXT NOT NULL,"
            " effective TEXT, PRIMARY KEY (unit_id, expiry))"
        )
    answers = []
    for path in (old_file, new_file):
        app = BargainingApp(str(path))
        ids = load(app, steward)
        app.units.correct_agreement(ids["CUPE 79 inside"], expiry=date(2025, 12, 31),
                                    corrected=CollectiveAgreement(expiry=date(2026, 2, 28)),
                                    actor=steward)
        answers.append((app.expiry_map.all_units(),
                        app.expiry_map.known_agreements(list(ids.values()))))
        app.close()
    with sqlite3.connect(old_file) as old, sqlite3.connect(new_file) as new:
        layout = "SELECT sql FROM sqlite_master WHERE name = 'expiry_map_agreements'"
        assert "WITHOUT ROWID" not in old.execute(layout).fetchone()[0]
        assert "WITHOUT ROWID" in new.execute(layout).fetchone()[0]
    assert answers[0] == answers[1]


def test_map_writes_skip_the_disk_wait_and_leave_event_writes_durable(
    sqlite_app: BargainingApp, steward: Actor
) -> None:
    """Read-model commits use SQLite's NORMAL sync; the connection goes back to FULL after,
    also when the write fails (and then nothing of it is kept)."""
    store = sqlite_app.expiry_map.storage.store  # type: ignore[attr-defined]
    with store.transaction(commit=True, derived=True) as cursor:
        assert cursor.execute("PRAGMA synchronous").fetchone()[0] == 1
        connection = cursor.connection
    assert connection.execute("PRAGMA synchronous").fetchone()[0] == 2
    position = sqlite_app.expiry_map.position
    with pytest.raises(RuntimeError), store.transaction(commit=True, derived=True) as cursor:
        cursor.execute("UPDATE expiry_map_tracking SET position = position + 100")
        raise RuntimeError("the write failed")
    assert cursor.connection.execute("PRAGMA synchronous").fetchone()[0] == 2
    assert sqlite_app.expiry_map.position == position
    load(sqlite_app, steward)
    assert sqlite_app.expiry_map.position == 14


@pytest.mark.parametrize(
    ("call", "words"),
    [
        (lambda em: em.expiring(date(2026, 2, 1), date(2026, 1, 1)), r"ends .* before it starts"),
        (lambda em: em.expiring("2026-01-01", date(2026, 1, 1)), "must be a date"),
        (lambda em: em.expiring(date(2026, 1, 1), date(2026, 2, 1), MapFilter(sector="")),
         "sector filter"),
        (lambda em: em.cluster_candidates(date(2026, 1, 1), date(2026, 2, 1), -3), "window_days"),
        (lambda em: em.in_open_period(date(2026, 1, 1), {"ON": 90}), "OpenPeriodCalendar"),
    ],
)
def test_bad_queries_name_the_problem(
    memory_app: BargainingApp, call: Callable[[ExpiryMap], object], words: str
) -> None:
    with pytest.raises(InvalidInput, match=words):
        call(memory_app.expiry_map)


def test_alongside_needs_a_known_unit_with_an_agreement(memory_app: BargainingApp,
                                                        steward: Actor) -> None:
    uid = memory_app.units.register(union="CUPE", local="1", employer="X", unit_name="Y",
                                    actor=steward)
    with pytest.raises(InvalidInput, match="no agreement recorded"):
        memory_app.expiry_map.alongside(uid, 30)
    with pytest.raises(UnitNotFound):
        memory_app.expiry_map.alongside(UUID(int=1), 30)


def test_open_period_that_closes_before_it_opens_is_refused() -> None:
    with pytest.raises(InvalidInput, match=r"close .* before it opens"):
        OpenPeriod("notice", opens_days_before=10, closes_days_before=30)


def test_open_periods_at_the_calendars_ends_are_held_there(
    memory_app: BargainingApp, steward: Actor
) -> None:
    """A period that would open before year 1 (or close after 9999) starts (or ends) there,
    instead of failing on the date arithmetic."""
    period = OpenPeriod("notice", opens_days_before=90, closes_days_before=-30)
    assert period.window_for(date(1, 1, 15)) == (date.min, date(1, 2, 14))
    assert period.window_for(date(9999, 12, 30)) == (date(9999, 10, 1), date.max)
    uid = memory_app.units.register(union="U", local="", employer="E", unit_name="N",
                                    actor=steward)
    memory_app.units.record_agreement(uid, expiry=date(1, 1, 15), actor=steward)
    calendar = OpenPeriodCalendar.build(default=[period])
    for _ in range(ExpiryMap.ASKS_BEFORE_INDEX):  # from SQL, then from the memory index
        [entry] = memory_app.expiry_map.in_open_period(date(1, 1, 2), calendar)
        assert (entry.unit.unit_id, entry.opens, entry.closes) == (uid, date.min,
                                                                   date(1, 2, 14))


def _refuse_map_rows(store_url: str, store_kind: str, refuse: bool) -> None:
    """A trigger in the database itself that refuses (or, removed, again accepts) rows of
    the map's units table: a real refusal, as a full disk or a broken table would give."""
    if store_kind == "sqlite":
        with sqlite3.connect(store_url) as db:
            db.execute("CREATE TRIGGER refuse BEFORE INSERT ON expiry_map_units BEGIN"
                       " SELECT RAISE(ABORT, 'refused'); END" if refuse
                       else "DROP TRIGGER refuse")
        return
    import psycopg

    url, schema = store_url.split("?schema=")
    with psycopg.connect(url, autocommit=True) as db:
        if refuse:
            db.execute(f'CREATE FUNCTION "{schema}".refuse() RETURNS trigger LANGUAGE plpgsql'
                       " AS $$ BEGIN RAISE EXCEPTION 'refused'; END $$")
            db.execute(f'CREATE TRIGGER refuse BEFORE INSERT ON "{schema}".expiry_map_units'
                       f' FOR EACH ROW EXECUTE FUNCTION "{schema}".refuse()')
        else:
            db.execute(f'DROP TRIGGER refuse ON "{schema}".expiry_map_units')


@pytest.mark.parametrize("store_kind", ["sqlite", "postgres"])
def test_a_refused_map_write_loses_no_change_and_says_so(
    open_app: Callable[..., BargainingApp], store_url: str, store_kind: str, steward: Actor,
    caplog: pytest.LogCaptureFixture,
) -> None:
    app = open_app()
    _refuse_map_rows(store_url, store_kind, refuse=True)
    with caplog.at_level(logging.WARNING, logger="bargaining"):
        uid = app.units.register(union="CUPE", local="79", employer="City of Toronto",
                                 unit_name="inside", headcount=20000, actor=steward)
    assert app.units.get(uid).employer == "City of Toronto"  # the change is recorded
    assert "the Expiry Map is behind" in caplog.text
    assert "events 1 to 1" in caplog.text and "Toronto" not in caplog.text
    with pytest.raises(MapBehind, match=r"could not apply events 1 to 1 .* recorded and safe"):
        app.expiry_map.all_units()
    with pytest.raises(MapBehind):
        CsvImporter(app, F7_MAPPING, actor=steward).import_file(F7_SAMPLE)
    assert app.eventsourcing.recorder.max_notification_id() == 1  # the import stopped before saving
    _refuse_map_rows(store_url, store_kind, refuse=False)
    assert [u.unit_id for u in app.expiry_map.all_units()] == [uid]
    app.units.record_agreement(uid, expiry=date(2025, 12, 31), actor=steward)
    assert app.expiry_map.unit(uid).expiry == date(2025, 12, 31)


def test_a_refused_snapshot_loses_no_change_and_says_so(
    sqlite_app: BargainingApp, steward: Actor, caplog: pytest.LogCaptureFixture
) -> None:
    """Snapshots (every 50 events of a unit) are derived too: one the database refuses is
    logged, and the unit loads from its events."""
    uid = sqlite_app.units.register(union="CUPE", local="79", employer="City of Toronto",
                                    unit_name="inside", headcount=1, actor=steward)
    with sqlite3.connect(sqlite_app.store.location) as db:
        db.execute("CREATE TRIGGER refuse BEFORE INSERT ON stored_snapshots BEGIN"
                   " SELECT RAISE(ABORT, 'refused'); END")
    with caplog.at_level(logging.WARNING, logger="bargaining"):
        for headcount in range(2, 51):
            sqlite_app.units.change_headcount(uid, headcount, actor=steward)
    assert "its snapshot was not (IntegrityError)" in caplog.text
    assert "Toronto" not in caplog.text
    snapshots = sqlite_app.eventsourcing.snapshots
    assert snapshots is not None and list(snapshots.get(uid)) == []
    assert sqlite_app.units.get(uid).headcount == 50
    assert sqlite_app.expiry_map.unit(uid).headcount == 50
