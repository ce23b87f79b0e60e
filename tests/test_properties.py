"""Property tests: every store reloads to the model, the Expiry Map rebuilds to the same answers,
and the importer accounts for every row.

Command plans come from ``tests/strategies.py``: a plain-Python model decides which commands
must succeed and which must fail (with a ``BargainingError`` subclass, recording nothing).

The plain tests at the end pin bugs these properties found in ``src`` (and which are fixed): a
headcount beyond any unit, control characters in names, reasons checked when nothing changes,
and dates at the calendar's ends.
"""

from __future__ import annotations

import calendar
import contextlib
import dataclasses
import sys
import tempfile
import unicodedata
import uuid
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any
from uuid import UUID

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from bargaining import (
    BargainingApp,
    BargainingError,
    ExpiryMap,
    InvalidInput,
    MapFilter,
    MapUnit,
    MonthRow,
    OpenPeriod,
    OpenPeriodCalendar,
    UnitNotFound,
)
from bargaining.adapters.csv_import import F7_MAPPING, CsvImporter
from bargaining.domain.units.profile import MAX_HEADCOUNT, MAX_TEXT, UnitProfile
from tests.conftest import POSTGRES_URL, require_postgres
from tests.strategies import (
    F7_COLUMNS,
    STEWARD,
    CsvPlan,
    Plan,
    clean,
    csv_plans,
    long_single_unit_plans,
    model_unit_id,
    norm,
    plans,
    small_headcounts,
    typical_dates,
    unit_fields,
)

CIPHER_KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="  # 32 fixed bytes, tests only


def quick(examples: int) -> settings:
    return settings(
        max_examples=examples,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


# ------------------------------------------------------------------------------ stores


@contextlib.contextmanager
def sqlite_store() -> Iterator[str]:
    with tempfile.TemporaryDirectory() as folder:
        yield str(Path(folder) / "events.sqlite")


@contextlib.contextmanager
def postgres_store() -> Iterator[str]:
    """A fresh schema for one example, dropped afterwards."""
    import psycopg

    name = f"p_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{name}"')
    try:
        yield f"{POSTGRES_URL}?schema={name}"
    finally:
        with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA "{name}" CASCADE')


@contextlib.contextmanager
def opened(store: str, **kwargs: Any) -> Iterator[BargainingApp]:
    app = BargainingApp(store, **kwargs)
    try:
        yield app
    finally:
        app.close()


# ---------------------------------------------------------------------- running plans


def last_id(app: BargainingApp) -> int:
    return app.eventsourcing.recorder.max_notification_id() or 0


def run(app: BargainingApp, plan: Plan) -> None:
    """Replay the plan's steps; each must succeed or fail exactly as the model says."""
    for kind in sorted({(s.method, "refused" if s.errors else "done") for s in plan.steps}):
        event(" ".join(kind))  # shown by pytest --hypothesis-show-statistics
    for step in plan.steps:
        before = last_id(app)
        call = getattr(app.units, step.method)
        if step.errors:
            with pytest.raises(BargainingError) as raised:
                call(*step.args, **step.kwargs)
            assert isinstance(raised.value, step.errors), (step, raised.value)
            assert last_id(app) == before, f"a refused command recorded events: {step}"
        else:
            result = call(*step.args, **step.kwargs)
            if step.method == "register":
                assert result == step.unit
            assert last_id(app) - before == step.events, step


def for_store(plan: Plan, app: BargainingApp) -> Plan:
    """The plan with its units under the ids this store gives their names: the model's are
    the public UUID 5 ids, which an encrypted store keys (``tests/test_record_ids.py``)."""
    ids = {uid: app.units.ids_of(u.union, u.local, u.employer, u.unit_name)[0]
           for uid, u in plan.units.items()}
    if all(uid == new for uid, new in ids.items()):
        return plan

    def moved(value: Any) -> Any:
        return ids.get(value, value) if isinstance(value, uuid.UUID) else value

    steps = [dataclasses.replace(s, args=tuple(moved(a) for a in s.args), unit=moved(s.unit))
             for s in plan.steps]
    return dataclasses.replace(
        plan, steps=steps, units={ids[k]: v for k, v in plan.units.items()},
        history={moved(k): v for k, v in plan.history.items()})


@contextlib.contextmanager
def played(plan: Plan) -> Iterator[tuple[BargainingApp, BargainingApp]]:
    """The plan played on memory, and on a SQLite file by one application, then read back by
    a fresh one (nothing cached): the two stores every property compares."""
    with opened("memory") as memory, sqlite_store() as path:
        run(memory, plan)
        with opened(path) as writer:
            run(writer, plan)
        with opened(path) as sqlite:
            yield memory, sqlite


def reloaded(app: BargainingApp, plan: Plan) -> dict[UUID, tuple[Any, ...]]:
    """Every unit as ``app`` reconstructs it from its store; unregistered ones are not found."""
    state = {uid: unit_fields(app.units.get(uid)) for uid in plan.units}
    for uid, unit in plan.units.items():
        found = app.units.find(
            union=unit.union, local=unit.local, employer=unit.employer, unit_name=unit.unit_name
        )
        assert found.id == uid
    for identity in plan.pool:
        if model_unit_id(*identity) not in plan.units:
            with pytest.raises(UnitNotFound):
                app.units.get(model_unit_id(*identity))
    return state


def expected(plan: Plan) -> dict[UUID, tuple[Any, ...]]:
    return {uid: unit.fields() for uid, unit in plan.units.items()}


def log(app: BargainingApp) -> list[tuple[UUID, int, str]]:
    """The notification log, as (aggregate, version, event topic)."""
    notifications = app.eventsourcing.recorder.select_notifications(start=None, limit=100_000)
    return [(n.originator_id, n.originator_version, n.topic) for n in notifications]


def check_stores(plan: Plan, apps: dict[str, BargainingApp]) -> None:
    want = expected(plan)
    states = {name: reloaded(app, plan) for name, app in apps.items()}
    logs = {name: log(app) for name, app in apps.items()}
    for name in apps:
        assert states[name] == want, name
        assert len(logs[name]) == plan.events, name
    first = next(iter(apps))
    for name in apps:
        assert states[name] == states[first], (name, first)
        assert logs[name] == logs[first], (name, first)


# ----------------------------------------------------------- 1. stores reload the model


@quick(40)
@given(plan=plans())
def test_commands_reload_to_the_model_from_memory_and_sqlite(plan: Plan) -> None:
    with played(plan) as (memory, sqlite):
        check_stores(plan, {"memory": memory, "sqlite": sqlite})


@quick(25)
@given(plan=plans(max_commands=20), data=st.data())  # PostgreSQL sums BIGINT as numeric
def _memory_sqlite_postgres_agree(plan: Plan, data: st.DataObject) -> None:
    with opened("memory") as memory, sqlite_store() as path, postgres_store() as url:
        run(memory, plan)
        with opened(path) as writer:
            run(writer, plan)
        with opened(url) as writer:
            run(writer, plan)
        with opened(path) as sqlite, opened(url) as postgres:
            check_stores(plan, {"memory": memory, "sqlite": sqlite, "postgres": postgres})
            check_map(postgres, plan, data)


@pytest.mark.postgres
def test_commands_reload_to_the_model_from_every_store_including_postgres() -> None:
    require_postgres()
    _memory_sqlite_postgres_agree()


@quick(8)
@given(plan=long_single_unit_plans(), data=st.data())
def test_every_version_reloads_across_snapshots(plan: Plan, data: st.DataObject) -> None:
    """Units snapshot every 50 events: any version, before or after one, is as the model."""
    (uid,) = plan.units
    history = plan.history[uid]
    versions = data.draw(st.lists(st.integers(1, len(history)), max_size=8))
    with played(plan) as apps:
        for app in apps:
            assert unit_fields(app.units.get(uid)) == history[-1]
            for version in [*versions, len(history)]:
                assert unit_fields(app.units.get(uid, version=version)) == history[version - 1]
            store = app.eventsourcing.snapshots
            snapshots = list(store.get(uid)) if store else []
            assert len(snapshots) == len(history) // 50


# ------------------------------------------------------------- 2. the Expiry Map rebuilds


def expected_map(plan: Plan) -> list[MapUnit]:
    units = []
    for uid, u in plan.units.items():
        current = u.current
        units.append(MapUnit(
            unit_id=uid, union=u.union, local=u.local, employer=u.employer,
            unit_name=u.unit_name, sector=u.sector, region=u.region, city=u.city,
            headcount=u.headcount, industry_code=u.industry_code,
            expiry=current.expiry if current else None,
            effective=current.effective if current else None,
        ))
    return sorted(units, key=lambda m: (m.expiry is None, m.expiry or date.min, str(m.unit_id)))


def near(day: date, days: int) -> date:
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return day


@st.composite
def query_dates(draw: st.DrawFn, plan: Plan) -> date:
    expiries = [a.expiry for u in plan.units.values() for a in u.agreements]
    if not expiries:
        return draw(typical_dates)
    return draw(typical_dates | st.builds(near, st.sampled_from(expiries), st.integers(-1, 1)))


@st.composite
def filters(draw: st.DrawFn, plan: Plan) -> dict[str, list[str]]:
    """Zero to two of the map's filters, each naming a value units have (in another case)
    or some other name."""
    chosen: dict[str, list[str]] = {}
    for name in draw(st.sets(st.sampled_from(["sector", "region", "union", "employer"]),
                             max_size=2)):
        known = [getattr(u, name) for u in plan.units.values() if getattr(u, name)]
        pick = st.sampled_from(known) if known else st.just("nobody")
        values = draw(st.lists(pick | st.just("Nobody Here"), min_size=1, max_size=2))
        chosen[name] = [v.upper() if v.isascii() else v for v in values]
    return chosen


def matches(unit: MapUnit, chosen: dict[str, list[str]]) -> bool:
    return all(norm(getattr(unit, name)) in {norm(v) for v in values}
               for name, values in chosen.items())


def months(start: date, end: date) -> list[str]:
    found = []
    year, month = start.year, start.month
    while (year, month) <= (end.year, end.month):
        found.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return found


def check_queries(em: ExpiryMap, plan: Plan, data: st.DataObject) -> None:
    everyone = expected_map(plan)
    for _ in range(3):
        a, b, on = (data.draw(query_dates(plan)) for _ in range(3))
        start, end = min(a, b), max(a, b)
        chosen = data.draw(filters(plan))
        expiring = [
            u for u in everyone
            if u.expiry is not None and start <= u.expiry <= end and matches(u, chosen)
        ]
        assert em.expiring(start, end, MapFilter(**chosen)) == expiring
        limit, offset = data.draw(st.none() | st.integers(0, 3)), data.draw(st.integers(0, 3))
        page = expiring[offset:] if limit is None else expiring[offset : offset + limit]
        assert em.expiring(start, end, MapFilter(**chosen, limit=limit, offset=offset)) == page
        assert em.carried_over(on, MapFilter(**chosen)) == [
            u for u in everyone if u.expiry is not None and u.expiry < on and matches(u, chosen)
        ]
        start = max(start, date(max(1, end.year - 50), 1, 1))  # at most ~600 rows
        last = end.replace(day=calendar.monthrange(end.year, end.month)[1])
        rows = {m: [0, 0] for m in months(start, end)}
        for u in everyone:
            if u.expiry and start.replace(day=1) <= u.expiry <= last and matches(u, chosen):
                rows[f"{u.expiry.year:04d}-{u.expiry.month:02d}"][0] += 1
                rows[f"{u.expiry.year:04d}-{u.expiry.month:02d}"][1] += u.headcount
        assert em.month_table(start, end, MapFilter(**chosen)) == [
            MonthRow(m, units, workers) for m, (units, workers) in rows.items()
        ]


def check_map(app: BargainingApp, plan: Plan, data: st.DataObject | None,
              batch_size: int = 2000) -> None:
    em = app.expiry_map
    incremental = em.all_units()
    assert incremental == expected_map(plan)
    em.rebuild()
    assert em.all_units() == incremental
    copy = ExpiryMap(em.feed, em.storage, name="expiry_map_copy")
    try:
        assert copy.catch_up(batch_size=batch_size) == plan.events
        assert copy.position == em.position
        assert copy.all_units() == incremental
        if data is not None:
            check_queries(em, plan, data)
            check_queries(copy, plan, data)
    finally:
        copy.drop()


@quick(40)
@given(plan=plans(headcounts=small_headcounts), sealed=st.booleans(), batch=st.integers(1, 6),
       data=st.data())
def test_expiry_map_rebuilt_and_copied_equals_incremental_on_memory(
    plan: Plan, sealed: bool, batch: int, data: st.DataObject
) -> None:
    with opened("memory", cipher_key=CIPHER_KEY if sealed else None) as app:
        plan = for_store(plan, app)
        run(app, plan)
        check_map(app, plan, data, batch_size=batch)


@quick(15)
@given(plan=plans(max_commands=15, headcounts=small_headcounts), batch=st.integers(1, 6),
       data=st.data())
def test_expiry_map_rebuilt_and_copied_equals_incremental_on_sqlite(
    plan: Plan, batch: int, data: st.DataObject
) -> None:
    with sqlite_store() as path, opened(path) as app:
        run(app, plan)
        check_map(app, plan, data, batch_size=batch)
        with opened(path) as other:  # another process on the same file sees the same map
            assert other.expiry_map.all_units() == expected_map(plan)


# --------------------------------------------------------- 3. the importer's conservation


def csv_unit_key(unit: MapUnit) -> tuple[str, ...]:
    return (norm(unit.union), norm(unit.local), norm(unit.employer), norm(unit.unit_name))


@quick(60)
@given(plan=csv_plans(), batch_size=st.integers(1, 5), again_batch=st.integers(1, 5))
def test_importer_accounts_for_every_row_and_reimports_nothing(
    plan: CsvPlan, batch_size: int, again_batch: int
) -> None:
    with opened("memory") as app:
        report = CsvImporter(app, F7_MAPPING, actor=STEWARD, batch_size=batch_size).import_text(
            plan.text
        )
        assert report.rows_read == plan.rows
        assert report.imported + report.unchanged + len(report.rejected) == report.rows_read
        assert report.balanced
        rejected = {r.line: r.reason for r in report.rejected}
        assert len(rejected) == len(report.rejected), "a line was rejected twice"
        assert set(rejected) == set(plan.bad)
        for line, fragment in plan.bad.items():
            assert fragment in rejected[line], (line, rejected[line])
        assert [r.line for r in report.rejected] == sorted(rejected)
        assert report.imported == report.agreements_recorded == plan.imported
        assert report.unchanged == len(plan.good) - plan.imported
        assert report.units_registered == len(plan.expected_agreements())

        # The store holds exactly the good rows' agreements; the first row gave the profile.
        units = app.expiry_map.all_units()
        stored = {csv_unit_key(u): {a.expiry for a in app.units.get(u.unit_id).agreements}
                  for u in units}
        assert stored == plan.expected_agreements()
        firsts: dict[tuple[str, ...], dict[str, str]] = {}
        for _line, key, _expiry, row in plan.good:
            firsts.setdefault(key, row)
        for u in units:
            row = firsts[csv_unit_key(u)]
            assert (u.headcount, u.city, u.region) == (
                int(row["bargaining_unit_size"]), clean(row["unit_city"]),
                clean(row["unit_state"]))

        position = app.eventsourcing.recorder.max_notification_id()
        again = CsvImporter(app, F7_MAPPING, actor=STEWARD, batch_size=again_batch).import_text(
            plan.text
        )
        assert (again.rows_read, again.imported, again.units_registered) == (plan.rows, 0, 0)
        assert again.unchanged == len(plan.good)
        assert [r.line for r in again.rejected] == [r.line for r in report.rejected]
        assert app.eventsourcing.recorder.max_notification_id() == position


# ------------------------------------------------------------- bugs found (see docstring)

HEADER = ",".join(F7_COLUMNS) + "\n"


def refused_cleanly_or_works(app: BargainingApp, command: Callable[[], object]) -> None:
    """What a fix may do: refuse the command (a BargainingError, nothing recorded), or accept
    it with the Expiry Map still answering."""
    before = last_id(app)
    try:
        command()
    except BargainingError:
        assert last_id(app) == before
    app.expiry_map.all_units()


def test_a_headcount_beyond_any_unit_is_refused() -> None:
    with opened("memory") as app:
        with pytest.raises(InvalidInput, match="beyond any bargaining unit"):
            app.units.register(union="U", local="", employer="E", unit_name="N", actor=STEWARD,
                               headcount=2**63)
        assert last_id(app) == 0
        assert app.expiry_map.all_units() == []


def test_importer_rejects_a_unit_size_beyond_any_unit() -> None:
    text = HEADER + "2003-09-30,2004-01-31,ACME,SEIU - 1,TAMPA,FL,J,9223372036854775808,1\n"
    with opened("memory") as app:
        report = CsvImporter(app, F7_MAPPING, actor=STEWARD).import_text(text)
        assert report.balanced
        assert [(r.line, r.reason.split(" is ")[1]) for r in report.rejected] == [
            (2, "beyond any bargaining unit (at most 10,000,000)")]
        assert last_id(app) == 0


def test_month_table_sums_the_largest_headcounts() -> None:
    with opened("memory") as app:
        for union in ("A", "B"):
            uid = app.units.register(union=union, local="", employer="E", unit_name="N",
                                     actor=STEWARD, headcount=MAX_HEADCOUNT)
            app.units.record_agreement(uid, expiry=date(2025, 1, 15), actor=STEWARD)
        rows = app.expiry_map.month_table(date(2025, 1, 1), date(2025, 1, 31))
        assert rows == [MonthRow("2025-01", 2, 2 * MAX_HEADCOUNT)]


def test_a_malformed_reason_is_refused_even_when_nothing_changes() -> None:
    with opened("memory") as app:
        uid = app.units.register(union="U", local="", employer="E", unit_name="N",
                                 actor=STEWARD, headcount=5, sector="health")
        with pytest.raises(InvalidInput, match="reason must be text"):
            app.units.change_headcount(uid, 5, actor=STEWARD, reason=7)  # type: ignore[arg-type]
        with pytest.raises(InvalidInput, match="reason must be text"):
            app.units.change_sector(uid, "health", actor=STEWARD,
                                    reason=7)  # type: ignore[arg-type]


@pytest.mark.parametrize("store", ["memory", "postgres"])
def test_a_control_character_in_a_name_is_refused(store: str) -> None:
    def check(url: str) -> None:
        with opened(url) as app:
            with pytest.raises(InvalidInput, match="control character"):
                app.units.register(union="U\x00", local="", employer="E", unit_name="N",
                                   actor=STEWARD)
            assert last_id(app) == 0
            assert app.expiry_map.all_units() == []

    if store == "memory":
        check("memory")
        return
    require_postgres()
    with postgres_store() as url:
        check(url)


def test_every_unicode_control_character_and_only_those_is_refused_in_a_name() -> None:
    """The check is a character class; Unicode's own category is the reference."""
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if char.isspace():
            continue  # whitespace is tidied away before the check
        if unicodedata.category(char) == "Cc":
            with pytest.raises(InvalidInput, match="control character"):
                UnitProfile(union=f"U{char}N", local="", employer="E", unit_name="N")
        elif char in "\u00ad\u061c\u180e":  # soft hyphen, Arabic letter mark, Mongolian
            with pytest.raises(InvalidInput, match="invisible formatting character"):
                UnitProfile(union=f"U{char}N", local="", employer="E", unit_name="N")
        elif code < 0x2000:
            assert UnitProfile(union=f"U{char}N", local="", employer="E", unit_name="N")


def test_far_dates_do_not_overflow_the_map() -> None:
    with opened("memory") as app:
        uid = app.units.register(union="U", local="", employer="E", unit_name="N", actor=STEWARD)
        app.units.record_agreement(uid, expiry=date(9999, 12, 30), actor=STEWARD)
        assert app.expiry_map.alongside(uid, 10**6) == []
        calendar = OpenPeriodCalendar.build(default=[OpenPeriod("notice", 90)])
        assert [e.unit.unit_id for e in app.expiry_map.in_open_period(date(9999, 12, 1),
                                                                      calendar)] == [uid]


PROFILE_FIELDS = ("union", "local", "employer", "unit_name", "sector", "region", "city",
                  "industry_code")


@given(field=st.sampled_from(PROFILE_FIELDS),
       lengths=st.lists(st.integers(1, 80), min_size=1, max_size=6),
       letters=st.text(st.characters(categories=["L", "N"]), min_size=1, max_size=3),
       spaces=st.sampled_from([" ", "  ", "\t", " \n "]))
def test_a_field_is_accepted_exactly_when_its_tidied_text_fits(
        field: str, lengths: list[int], letters: str, spaces: str) -> None:
    """Length is counted after spacing is tidied; a refusal never quotes the text."""
    words = [(letters * n)[:n] for n in lengths]
    value = spaces.join(words)
    tidied = unicodedata.normalize("NFC", " ".join(words))  # composed, as names are kept
    event("fits" if len(tidied) <= MAX_TEXT else "too long")
    names = {"union": "U", "local": "", "employer": "E", "unit_name": "N", field: value}
    if len(tidied) <= MAX_TEXT:
        assert getattr(UnitProfile(**names), field) == tidied
    else:
        with pytest.raises(InvalidInput, match=f"at most {MAX_TEXT}") as refused:
            UnitProfile(**names)
        assert tidied not in str(refused.value)
        assert str(refused.value) == (f"the {field.replace('_', ' ')} is {len(tidied):,} "
                                      "characters long; a unit's names and profile fields are "
                                      f"at most {MAX_TEXT}")
