"""Saves of many events at once, on every store: the events in order with their chain, and the
Expiry Map's rows as the batch left them (PostgreSQL writes each of these in one statement per
save, its columns sent as arrays; SQLite row by row)."""

from __future__ import annotations

import random
from datetime import date, timedelta

import psycopg
import pytest

from bargaining import Actor, BargainingApp, BargainingUnit, CollectiveAgreement, UnitProfile
from tests.conftest import POSTGRES_URL


def _unit(n: int, actor: Actor, *, city: str = "Hudson") -> BargainingUnit:
    return BargainingUnit.register(UnitProfile(
        union="CUPE", local=str(n), employer=f"Employer {n}", unit_name="all",
        sector="municipal", region="ON", city=city, headcount=10 + n,
    ), actor=actor)


def test_a_save_of_many_events_keeps_their_order_and_chains_each(
    app: BargainingApp, steward: Actor
) -> None:
    first = [_unit(n, steward) for n in range(3)]
    app.save(*first)
    units = [_unit(n, steward) for n in range(3, 1203)]
    for n, unit in enumerate(units):
        unit.record_agreement(CollectiveAgreement(expiry=date(2026, 1, 1) + timedelta(n % 400)),
                              actor=steward)
    recordings = app.save(*units)

    positions = [r.notification.id for r in recordings]
    assert positions == list(range(positions[0], positions[0] + 2400)) and positions[0] > 3
    recorder = app.eventsourcing.recorder
    stored = recorder.select_notifications(start=positions[0], limit=3000)
    assert [(n.id, n.originator_id, n.originator_version) for n in stored] == [
        (r.notification.id, r.notification.originator_id, r.notification.originator_version)
        for r in recordings
    ]
    chain = recorder.select_chain(0, 3000)  # type: ignore[attr-defined]
    assert [c.position for c in chain] == [1, 2, 3, *positions]
    assert [c.previous for c in chain] == [0, 1, 2, 3, *positions[:-1]]
    report = app.integrity.verify()
    assert report.intact and report.checked == 2403


def test_the_map_keeps_what_a_batch_changed_in_every_column(
    app: BargainingApp, steward: Actor
) -> None:
    """In one save: units registered with and without agreements and with later changes of
    their own, and a unit saved before changing its headcount and getting an agreement."""
    earlier = _unit(0, steward)
    app.save(earlier)
    plain, changed = _unit(1, steward, city="Montréal"), _unit(2, steward)
    changed.change_headcount(10_000_000, actor=steward)
    changed.record_agreement(
        CollectiveAgreement(expiry=date(2026, 3, 31), effective=date(2023, 4, 1)), actor=steward
    )
    changed.record_agreement(CollectiveAgreement(expiry=date(2029, 3, 31)), actor=steward)
    earlier.change_headcount(77, actor=steward)
    earlier.record_agreement(CollectiveAgreement(expiry=date(2027, 6, 30)), actor=steward)
    app.save(plain, changed, earlier)

    m = app.expiry_map
    assert m.position == app.eventsourcing.recorder.max_notification_id()
    shown = {u.unit_id: u for u in m.all_units()}
    assert (shown[plain.id].city, shown[plain.id].headcount) == ("Montréal", 11)
    assert (shown[plain.id].expiry, shown[plain.id].effective) == (None, None)
    assert shown[changed.id].headcount == 10_000_000
    assert (shown[changed.id].expiry, shown[changed.id].effective) == (
        date(2029, 3, 31), None)
    assert (shown[earlier.id].headcount, shown[earlier.id].expiry) == (
        77, date(2027, 6, 30))
    rebuilt = m.rebuild()
    assert rebuilt == 8 and {u.unit_id: u for u in m.all_units()} == shown


def test_a_postgres_store_written_before_the_chain_is_chained_when_first_opened(
    pg_schema: str, steward: Actor
) -> None:
    url = f"{POSTGRES_URL}?schema={pg_schema}"
    old = BargainingApp(url)
    old.save(*[_unit(n, steward) for n in range(5)])
    old.close()
    with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
        conn.execute(f'DROP TABLE "{pg_schema}".bargainingapp_events_chain')
    reopened = BargainingApp(url)
    try:
        report = reopened.integrity.verify()
        assert report.intact and report.checked == 5
        reopened.save(_unit(5, steward))
        assert reopened.integrity.verify().checked == 6
    finally:
        reopened.close()


@pytest.mark.parametrize("count", [1, 2])
def test_a_save_returns_the_positions_postgres_gave_its_events(
    pg_schema: str, steward: Actor, count: int
) -> None:
    app = BargainingApp(f"{POSTGRES_URL}?schema={pg_schema}")
    try:
        units = [_unit(n, steward) for n in range(count)]
        recordings = app.save(*units)
        with psycopg.connect(POSTGRES_URL) as conn:
            rows = conn.execute(
                f'SELECT notification_id, originator_id FROM "{pg_schema}".bargainingapp_events'
                " ORDER BY notification_id"
            ).fetchall()
        assert rows == [(r.notification.id, r.notification.originator_id) for r in recordings]
    finally:
        app.close()


def test_postgres_refreshes_the_planners_statistics_as_the_map_grows(
    pg_schema: str, steward: Actor
) -> None:
    """Without statistics, PostgreSQL planned a page of the map as a scan and sort of every
    row in the range (autovacuum may be off, and is a minute late when on)."""
    app = BargainingApp(f"{POSTGRES_URL}?schema={pg_schema}")

    def analyzed() -> dict[str, float]:
        with psycopg.connect(POSTGRES_URL) as conn:
            return {
                name: reltuples for name, reltuples in conn.execute(
                    "SELECT c.relname, c.reltuples FROM pg_class c JOIN pg_namespace n"
                    " ON n.oid = c.relnamespace JOIN pg_stat_user_tables s ON s.relid = c.oid"
                    " WHERE n.nspname = %s AND s.last_analyze IS NOT NULL", (pg_schema,),
                ).fetchall()
            }

    try:
        app.save(*[_unit(n, steward) for n in range(10)])
        assert "expiry_map_units" not in analyzed()
        app.save(*[_unit(n, steward) for n in range(10, 1010)])
        assert analyzed()["expiry_map_units"] == 1010
    finally:
        app.close()


def _relation_sizes(schema: str, *names: str) -> list[int]:
    with psycopg.connect(POSTGRES_URL) as conn:
        return [
            conn.execute("SELECT pg_relation_size(%s::regclass)", (f'"{schema}".{name}',))
            .fetchone()[0]  # type: ignore[index]
            for name in names
        ]


def test_postgres_map_indexes_stay_the_size_of_the_units_as_headcounts_change(
    pg_schema: str, steward: Actor
) -> None:
    """A large union records every unit's headcount monthly: no index of the map holds the
    headcount and its pages keep room, so PostgreSQL rewrites the row in its page without a
    new index entry (a "HOT" update), and the indexes do not grow with the history. (How
    far the table itself grows depends on other sessions of the server: old row versions
    are pruned only once no transaction can still see them.)"""
    app = BargainingApp(f"{POSTGRES_URL}?schema={pg_schema}")
    names = ("expiry_map_units_in_expiry_order", "expiry_map_units_sector")
    try:
        units = [_unit(n, steward) for n in range(300)]
        app.save(*units)
        before = _relation_sizes(pg_schema, *names)
        for month in range(12):
            for unit in units:
                unit.change_headcount(unit.headcount + 1, actor=steward,
                                      on=date(2025, 1, 1) + timedelta(31 * month))
            app.save(*units)
        after = _relation_sizes(pg_schema, *names)
        assert app.expiry_map.unit(units[7].id).headcount == 17 + 12
    finally:
        app.close()
    assert all(a <= 2 * b for a, b in zip(after, before, strict=True)), (before, after)
    with psycopg.connect(POSTGRES_URL) as conn:
        definitions = [row[0] for row in conn.execute(
            "SELECT indexdef FROM pg_indexes WHERE schemaname = %s AND tablename = %s",
            (pg_schema, "expiry_map_units"))]
        options = conn.execute(
            "SELECT reloptions FROM pg_class WHERE oid = %s::regclass",
            (f'"{pg_schema}".expiry_map_units',)).fetchone()
    assert len(definitions) == 3 and not any("headcount" in d for d in definitions)
    assert options == (["fillfactor=80"],)


def test_a_postgres_map_made_before_gets_the_new_expiry_index(
    pg_schema: str, steward: Actor
) -> None:
    url = f"{POSTGRES_URL}?schema={pg_schema}"
    with BargainingApp(url) as app:
        app.save(_unit(1, steward))
    with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
        conn.execute(f'DROP INDEX "{pg_schema}".expiry_map_units_in_expiry_order')
        conn.execute(
            f'CREATE INDEX expiry_map_units_by_expiry ON "{pg_schema}".expiry_map_units'
            " (current_expiry, unit_id, sector, region, headcount, region_key)"
        )
    with BargainingApp(url) as app:
        assert len(app.expiry_map.all_units()) == 1
    with psycopg.connect(POSTGRES_URL) as conn:
        indexes = {row[0] for row in conn.execute(
            "SELECT indexname FROM pg_indexes WHERE schemaname = %s", (pg_schema,))}
    assert "expiry_map_units_in_expiry_order" in indexes
    assert "expiry_map_units_by_expiry" not in indexes


def test_profile_changes_of_saved_units_in_one_save_end_as_the_units_do(
    app: BargainingApp, steward: Actor
) -> None:
    """Units saved before, each changed several times in one save (the same field again,
    other fields between): the map's row ends as the unit itself (the last change wins)."""
    rng = random.Random(14)
    units = [_unit(n, steward) for n in range(40)]
    app.save(*units)
    changes = (
        lambda u: u.change_headcount(rng.randint(1, 5000), actor=steward),
        lambda u: u.change_sector(rng.choice(["health", "transit", "retail"]), actor=steward),
        lambda u: u.change_region(rng.choice(["QC", "BC", "NS"]), actor=steward),
        lambda u: u.change_city(rng.choice(["Laval", "Gatineau", "Lévis"]), actor=steward),
        lambda u: u.change_industry_code(rng.choice(["62", "48", "44"]), actor=steward),
    )
    for _ in range(200):
        rng.choice(changes)(rng.choice(units))
    app.save(*units)

    shown = {u.unit_id: u for u in app.expiry_map.all_units()}
    for unit in units:
        row = shown[unit.id]
        assert (row.headcount, row.sector, row.region, row.city, row.industry_code) == (
            unit.headcount, unit.sector, unit.region, unit.city, unit.industry_code)


def test_a_refused_refresh_of_statistics_loses_no_map_write(
    app: BargainingApp, steward: Actor, monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    from eventsourcing.persistence import OperationalError

    from bargaining.infrastructure.viewstore import ViewStore

    def refuse(self: ViewStore, *tables: str) -> int:
        raise OperationalError("canceling statement due to lock timeout")

    monkeypatch.setattr(ViewStore, "analyze", refuse)
    with caplog.at_level("WARNING"):
        app.save(*[_unit(n, steward) for n in range(1000)])
    assert len(app.expiry_map.all_units()) == 1000
    assert app.expiry_map.position == 1000
    assert "statistics were not refreshed (OperationalError)" in caplog.text
