"""Time travel: records as of a version or a moment, on every store."""

from __future__ import annotations

import time
from datetime import UTC, date, datetime, timedelta
from typing import Any
from uuid import UUID, uuid4

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bargaining import (
    Actor,
    BargainingApp,
    BargainingUnit,
    InvalidInput,
    RecordNotFound,
)
from tests.strategies import Plan, long_single_unit_plans, plans, unit_fields
from tests.test_properties import opened, played, quick, run, sqlite_store


def moment() -> datetime:
    """Now, then a pause, so events before and after differ in time."""
    now = datetime.now(UTC)
    time.sleep(0.002)
    return now


def test_a_unit_as_of_each_version_and_moment(app: BargainingApp, steward: Actor) -> None:
    before = moment()
    uid = app.units.register(
        union="CUPE", local="79", employer="City of Toronto", unit_name="Inside",
        headcount=100, actor=steward,
    )
    registered = moment()
    app.units.change_headcount(uid, 120, actor=steward)
    app.units.record_agreement(uid, expiry=date(2026, 12, 31), actor=steward)
    last = app.eventsourcing.recorder.max_notification_id()

    first = app.history.as_of(uid, version=1)
    assert isinstance(first, BargainingUnit)
    assert (first.version, first.headcount, first.current_agreement) == (1, 100, None)
    assert app.history.as_of(uid, version=2).headcount == 120  # type: ignore[attr-defined]
    assert app.history.as_of(uid, at=registered).version == 1
    assert app.history.as_of(uid, at=datetime.now(UTC)).version == 3
    with pytest.raises(RecordNotFound, match="did not exist yet"):
        app.history.as_of(uid, at=before)
    assert app.eventsourcing.recorder.max_notification_id() == last, "looking back records nothing"
    assert app.units.get(uid).version == 3


def test_a_moment_in_another_time_zone_means_the_same_instant(
    app: BargainingApp, steward: Actor
) -> None:
    uid = app.units.register(union="SEIU", local="1", employer="Hospital", unit_name="Care",
                             actor=steward)
    registered = moment()
    app.units.change_headcount(uid, 5, actor=steward)
    toronto = registered.astimezone(__import__("zoneinfo").ZoneInfo("America/Toronto"))
    assert app.history.as_of(uid, at=toronto).version == 1


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({}, "exactly one"),
        ({"version": 1, "at": datetime.now(UTC)}, "exactly one"),
        ({"version": 0}, "whole number from 1"),
        ({"version": True}, "whole number from 1"),
        ({"version": 9}, "has only 1 version, not 9"),
        ({"at": datetime(2026, 1, 1)}, "has no time zone"),
        ({"at": date(2026, 1, 1)}, "must be a date-time"),
    ],
)
def test_bad_questions_about_the_past_are_refused(
    app: BargainingApp, steward: Actor, kwargs: dict[str, Any], message: str
) -> None:
    uid = app.units.register(union="ATU", local="113", employer="TTC", unit_name="Operators",
                             actor=steward)
    with pytest.raises(InvalidInput, match=message):
        app.history.as_of(uid, **kwargs)


def test_an_unknown_record_has_no_past(app: BargainingApp) -> None:
    with pytest.raises(RecordNotFound):
        app.history.as_of(uuid4(), version=1)
    with pytest.raises(RecordNotFound, match="no record is recorded"):
        app.history.as_of(uuid4(), at=datetime.now(UTC))
    for question in ({"version": 1}, {"at": datetime.now(UTC)}):
        with pytest.raises(InvalidInput, match="named by its id"):
            app.history.as_of("not-an-id", **question)  # type: ignore[arg-type]


def test_a_cluster_and_its_status_as_of_a_past_moment(app: BargainingApp, steward: Actor) -> None:
    committee = [Actor("cc-1", "coordinating committee")]
    units = [
        app.units.register(union="CUPE", local=str(n), employer="City of Toronto",
                           unit_name="Inside", sector="municipal", actor=steward)
        for n in (79, 416)
    ]
    for uid in units:
        app.units.record_agreement(uid, expiry=date(2026, 12, 31), actor=steward)
    cluster = app.clusters.form(
        name="Toronto municipal 2027", sectors=["municipal"], committee=committee,
        window_start=date(2026, 10, 1), window_end=date(2027, 3, 31),
        target_alignment=date(2026, 12, 31), actor=committee[0], on=date(2026, 9, 1),
    )
    app.clusters.admit(cluster, units[0], actor=committee[0], on=date(2026, 9, 1))
    one_member = moment()
    app.clusters.admit(cluster, units[1], actor=committee[0], on=date(2026, 9, 1))

    past = app.history.as_of(cluster, at=one_member)
    assert list(past.members) == [units[0]]  # type: ignore[attr-defined]
    assert len(app.clusters.get(cluster).members) == 2
    then = app.clusters.status(cluster, at=one_member)
    now = app.clusters.status(cluster)
    assert [t.unit_id for t in then.tables] == [units[0]]
    assert [t.unit_id for t in now.tables] == units


def fold(app: BargainingApp, uid: UUID, version: int) -> Any:
    """The record built by applying its first ``version`` events, one by one."""
    aggregate = None
    for domain_event in app.eventsourcing.events.get(uid, lte=version):
        aggregate = domain_event.mutate(aggregate)
    return aggregate


def check_every_version(app: BargainingApp, plan: Plan) -> None:
    for uid, history in plan.history.items():
        events = list(app.eventsourcing.events.get(uid))
        assert len(events) == len(history)
        for version, domain_event in enumerate(events, start=1):
            by_version = app.history.as_of(uid, version=version)
            assert unit_fields(by_version) == unit_fields(fold(app, uid, version))
            assert unit_fields(by_version) == history[version - 1]
            latest_then = max(
                e.originator_version for e in events if e.timestamp <= domain_event.timestamp
            )
            assert app.history.as_of(uid, at=domain_event.timestamp).version == latest_then


@quick(25)
@given(plan=plans(max_commands=15))
def test_every_version_and_moment_equals_applying_that_many_events(plan: Plan) -> None:
    with played(plan) as apps:
        for app in apps:
            check_every_version(app, plan)


@quick(3)
@given(plan=long_single_unit_plans(), data=st.data())
def test_as_of_crosses_snapshots(plan: Plan, data: st.DataObject) -> None:
    with sqlite_store() as path:
        with opened(path) as writer:
            run(writer, plan)
        with opened(path) as sqlite:
            (uid,) = plan.units
            versions = data.draw(st.lists(st.integers(1, len(plan.history[uid])), max_size=10))
            for version in versions:
                assert unit_fields(sqlite.history.as_of(uid, version=version)) == unit_fields(
                    fold(sqlite, uid, version)
                )


def test_timedelta_is_not_a_moment(app: BargainingApp, steward: Actor) -> None:
    uid = app.units.register(union="ATU", local="1", employer="TTC", unit_name="Ops",
                             actor=steward)
    with pytest.raises(InvalidInput, match="must be a date-time"):
        app.history.as_of(uid, at=timedelta(days=1))  # type: ignore[arg-type]


def test_the_expiry_map_as_of_a_past_moment_leaves_the_live_map_alone(
    app: BargainingApp, steward: Actor
) -> None:
    first = app.units.register(union="CUPE", local="79", employer="City of Toronto",
                               unit_name="Inside", headcount=100, actor=steward)
    app.units.record_agreement(first, expiry=date(2026, 12, 31), actor=steward)
    then = moment()
    app.units.record_agreement(first, expiry=date(2029, 12, 31), actor=steward)
    second = app.units.register(union="CUPE", local="416", employer="City of Toronto",
                                unit_name="Outside", actor=steward)
    live_before = app.expiry_map.all_units()

    with app.expiry_map.as_of(then) as past:
        assert [(u.unit_id, u.expiry) for u in past.all_units()] == [
            (first, date(2026, 12, 31))
        ]
        assert past.month_table(date(2026, 1, 1), date(2026, 12, 31))[-1].workers == 100
        units_table = f"{past.name}_units"
    assert app.expiry_map.all_units() == live_before
    assert {u.unit_id for u in live_before} == {first, second}
    store = app.expiry_map.storage.store  # type: ignore[attr-defined]
    exists = (
        "SELECT to_regclass(?) AS found" if store.dialect == "postgres"
        else "SELECT name AS found FROM sqlite_master WHERE name = ?"
    )
    found = store.query(exists, (store.table(units_table),))
    assert not found or found[0]["found"] is None, "the past map's tables are dropped"


def test_the_expiry_map_as_of_needs_a_time_zone(app: BargainingApp) -> None:
    with pytest.raises(InvalidInput, match="no time zone"), app.expiry_map.as_of(
        datetime(2026, 1, 1)
    ):
        pass
