"""Two timelines: cluster commands record their real-world day; any record, a cluster's status
and the Expiry Map read "as it was on D" beside "as it was known at T"."""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from uuid import UUID

import pytest
from eventsourcing.persistence import StoredEvent

from bargaining import (
    Actor,
    BargainingApp,
    Category,
    CollectiveAgreement,
    CompoundIncrease,
    Demand,
    InvalidInput,
    RecordNotFound,
    Tally,
    Vote,
)
from bargaining.infrastructure.unit_event_feed import UNIT_EVENTS
from bargaining.presentation.summaries import C, occurred_on
from tests.history_story import record_story

CHAIR = Actor("c-1", "coordinating committee")
STEWARD = Actor("d-1", "data steward")
RELEASE = Path(__file__).resolve().parent / "release_stores" / "v0.1" / "plain.sqlite"
DAY_ADDED = ("Formed", "UnitAdmitted", "UnitWithdrew", "FrameworkAdopted", "PactAdopted",
             "TableOpened", "MeTooEntitlementRecorded")


def released_cluster_events() -> list[StoredEvent]:
    """Every cluster event release 0.1 stored, bytes unchanged."""
    with sqlite3.connect(RELEASE) as db:
        (cluster,) = db.execute("SELECT DISTINCT originator_id FROM stored_events WHERE topic "
                                "LIKE '%BargainingCluster.Formed'").fetchone()
        rows = db.execute("SELECT originator_id, originator_version, topic, state FROM "
                          "stored_events WHERE originator_id = ? ORDER BY originator_version",
                          (cluster,)).fetchall()
    return [StoredEvent(UUID(r[0]), r[1], r[2], bytes(r[3])) for r in rows]


def test_every_released_form_of_a_cluster_event_decodes_with_no_day() -> None:
    stored = released_cluster_events()
    kinds = {s.topic.rpartition(".")[2] for s in stored}
    assert set(DAY_ADDED) <= kinds
    with BargainingApp("memory") as app:
        for s in stored:
            state = json.loads(s.state)
            assert "on" not in state and "class_version" not in state  # the released form
            event = app.eventsourcing.mapper.to_domain_event(s)
            kind = type(event).__name__
            if kind in DAY_ADDED:
                assert type(event).class_version == 2  # type: ignore[attr-defined]
                assert event.on is None  # type: ignore[attr-defined]
                assert occurred_on(event) is None
        with sqlite3.connect(RELEASE) as db:
            every = [StoredEvent(UUID(r[0]), r[1], r[2], bytes(r[3])) for r in db.execute(
                "SELECT originator_id, originator_version, topic, state FROM stored_events "
                "ORDER BY rowid")]
        app.eventsourcing.recorder.insert_events(every)
        cluster = app.clusters.get(stored[0].originator_id)
        assert cluster.formed_on is None
        assert {m.admitted_on for m in cluster.members.values()} == {None}
        assert app.clusters.status(cluster.id).formed_on is None


def test_new_cluster_events_store_their_day_as_version_2(memory_app: BargainingApp) -> None:
    app = memory_app
    cluster = app.clusters.form(name="C", sectors=["s"], committee=[CHAIR],
                                window_start=date(2023, 1, 1), window_end=date(2023, 12, 31),
                                target_alignment=date(2028, 3, 31), actor=CHAIR,
                                on=date(2022, 9, 15))
    (stored,) = app.eventsourcing.recorder.select_events(cluster)
    state = json.loads(stored.state)
    assert state["class_version"] == 2
    assert state["on"] == {"_type_": "date_iso", "_data_": "2022-09-15"}
    assert app.history.of(cluster)[0].occurred_on == date(2022, 9, 15)
    assert app.clusters.status(cluster).formed_on == date(2022, 9, 15)
    state_v1: dict[str, object] = {"name": "C"}
    C.UnitAdmitted.upcast_v1_v2(state_v1)
    assert state_v1 == {"name": "C", "on": None}


def _unit(app: BargainingApp, union: str, *agreements: tuple[date, date, date]) -> UUID:
    uid = app.units.register(union=union, local="1", employer="E", unit_name="n",
                             sector="public sector", headcount=100, actor=STEWARD)
    for effective, expiry, settled in agreements:
        app.units.record_agreement(uid, effective=effective, expiry=expiry, settled=settled,
                                   actor=STEWARD)
    return uid


def _cluster(app: BargainingApp, formed: date = date(2022, 9, 15)) -> UUID:
    return app.clusters.form(name="Front commun 2023", sectors=["public sector"],
                             committee=[CHAIR], window_start=date(2023, 3, 1),
                             window_end=date(2023, 4, 30), target_alignment=date(2028, 3, 31),
                             actor=CHAIR, on=formed)


OLD = (date(2020, 4, 1), date(2023, 3, 31), date(2020, 3, 15))
NEW = (date(2023, 4, 1), date(2028, 3, 31), date(2024, 2, 1))


def test_a_day_before_the_record_began_cannot_be_true(app: BargainingApp) -> None:
    uid = _unit(app, "CSN", OLD)
    cluster = _cluster(app)
    before = app.eventsourcing.recorder.max_notification_id()
    with pytest.raises(InvalidInput, match=r"before 'Front commun 2023' was formed \(2022-09-15"):
        app.clusters.admit(cluster, uid, actor=CHAIR, on=date(2022, 9, 1))
    with pytest.raises(InvalidInput, match="must be a date"):
        app.clusters.admit(cluster, uid, actor=CHAIR, on="2022-10-01")  # type: ignore[arg-type]
    app.clusters.admit(cluster, uid, actor=CHAIR, on=date(2022, 10, 1))
    with pytest.raises(InvalidInput, match=r"before .* was admitted \(2022-10-01\)"):
        app.clusters.withdraw(cluster, uid, actor=CHAIR, on=date(2022, 9, 30))
    assert app.eventsourcing.recorder.max_notification_id() == before + 1


def test_admission_judges_the_agreement_worked_under_on_its_day(app: BargainingApp) -> None:
    """Imported in 2026 with the 2028 agreement on record, a unit admitted on its 2022 day is
    judged by the agreement it worked under then (expiring 2023-03-31, in the window)."""
    uid = _unit(app, "CSN", OLD, NEW)
    cluster = _cluster(app)
    app.clusters.admit(cluster, uid, actor=CHAIR, on=date(2022, 9, 15))
    assert app.clusters.get(cluster).members[uid].expiry == date(2023, 3, 31)


def test_a_sign_off_is_dated_by_its_vote(memory_app: BargainingApp) -> None:
    from bargaining.domain.coordination.cluster import BargainingCluster
    found = BargainingCluster.form(name="C", sectors=["s"], committee=[CHAIR],
                                   window_start=date(2023, 1, 1), window_end=date(2023, 12, 31),
                                   target_alignment=date(2028, 3, 31), actor=CHAIR,
                                   on=date(2022, 9, 15))
    unit = UUID(int=1)
    found.admit(unit, label="U", expiry=date(2023, 3, 31), actor=CHAIR, on=date(2022, 9, 15))
    vote = Vote(date(2023, 11, 2), Tally(eligible=12, cast=12, yes=1, no=11))
    with pytest.raises(InvalidInput, match="decided by its vote held on 2023-11-02"):
        found.decide_sign_off(UUID(int=2), unit, tentative_number=1, approved=False, vote=vote,
                              failing_demands=["wages"], actor=CHAIR, on=date(2023, 11, 3))
    found.decide_sign_off(UUID(int=2), unit, tentative_number=1, approved=False, vote=vote,
                          failing_demands=["wages"], actor=CHAIR, on=date(2023, 11, 2))
    assert found.sign_offs[-1].vote.held_on == date(2023, 11, 2)


def test_on_and_at_answer_differently_for_back_filled_history(app: BargainingApp) -> None:
    csn, apts = _unit(app, "CSN", OLD), _unit(app, "APTS", OLD)
    cluster = _cluster(app)
    app.clusters.admit(cluster, csn, actor=CHAIR, on=date(2022, 9, 15))
    known = datetime.now(UTC)
    time.sleep(0.002)
    app.clusters.admit(cluster, apts, actor=CHAIR, on=date(2022, 9, 20))  # back-filled

    on_day = app.history.as_of(cluster, on=date(2022, 10, 1))
    at_moment = app.history.as_of(cluster, at=known)
    assert set(on_day.members) == {csn, apts}  # type: ignore[attr-defined]
    assert set(at_moment.members) == {csn}  # type: ignore[attr-defined]
    assert set(app.clusters.get(cluster, on=date(2022, 9, 16)).members) == {csn}
    assert on_day.version == 3
    with pytest.raises(RecordNotFound, match="did not exist yet on 2022-09-14"):
        app.clusters.get(cluster, on=date(2022, 9, 14))
    with pytest.raises(InvalidInput, match="exactly one"):
        app.history.as_of(cluster, on=date(2022, 10, 1), version=1)
    with pytest.raises(InvalidInput, match="must be a date"):
        app.history.as_of(cluster, on=known)


def test_a_unit_on_a_day_has_the_agreements_dated_by_then(app: BargainingApp) -> None:
    uid = _unit(app, "CSN", NEW, OLD)  # the old agreement back-filled after the new one
    assert [a.expiry for a in app.units.get(uid, on=date(2023, 10, 1)).agreements] == [
        date(2023, 3, 31)]
    assert app.units.get(uid, on=date(2019, 1, 1)).agreements == []  # registered: exists
    assert app.units.get(uid, on=date(2024, 2, 1)).agreements == app.units.get(uid).agreements
    unit = app.units.get(uid)
    assert unit.agreement_on(date(2023, 10, 1)).expiry == date(2028, 3, 31)  # type: ignore[union-attr]
    assert unit.agreement_on(date(2019, 1, 1)) is None
    assert unit.agreement_on(date(2030, 1, 1)).expiry == date(2028, 3, 31)  # type: ignore[union-attr]
    with pytest.raises(InvalidInput, match="one"):
        app.units.get(uid, on=date(2023, 1, 1), version=1)


# A unit's agreement before the one corrected, and the corrected one's expiry.
BEFORE = (date(2020, 1, 1), date(2022, 12, 31), date(2019, 12, 15))
LATER_EXPIRY = date(2025, 12, 31)
READ_ON = date(2023, 3, 1)


def _corrected(app: BargainingApp, recorded: date, corrected: date) -> UUID:
    """A unit whose agreement to 2025-12-31 was recorded effective ``recorded`` and then
    corrected to ``corrected`` (no settlement day: its effective date is its day)."""
    uid = _unit(app, "CSN", BEFORE)
    app.units.record_agreement(uid, effective=recorded, expiry=LATER_EXPIRY, actor=STEWARD)
    app.units.correct_agreement(
        uid, expiry=LATER_EXPIRY, actor=STEWARD, reason="effective date mistyped",
        corrected=CollectiveAgreement(expiry=LATER_EXPIRY, effective=corrected))
    return uid


def _seen_on(app: BargainingApp, uid: UUID, day: date) -> tuple[object, object, bool]:
    """What the unit read on ``day`` and the Expiry Map on ``day`` show: the agreement the
    unit worked under, the map's agreement, and whether the map has it carried over."""
    worked = app.units.get(uid, on=day).agreement_on(day)
    with app.expiry_map.on(day) as then:
        shown = then.unit(uid)
        carried = uid in {u.unit_id for u in then.carried_over(day)}
    return ((worked.effective, worked.expiry) if worked else None,
            (shown.effective, shown.expiry) if shown.expiry else None, carried)


def test_an_effective_date_corrected_later_reads_corrected_on_every_day(
        app: BargainingApp) -> None:
    """Recorded effective 2023-01-01, corrected to 2023-06-01: on 2023-03-01 the unit was
    still under its agreement that expired 2022-12-31, carried over, whatever was typed."""
    uid = _corrected(app, date(2023, 1, 1), date(2023, 6, 1))
    unit = app.units.get(uid, on=READ_ON)
    assert [a.expiry for a in unit.agreements] == [date(2022, 12, 31)]
    assert unit.version == 2  # the wrong agreement and its correction both left out
    before = (BEFORE[0], BEFORE[1])
    assert _seen_on(app, uid, READ_ON) == (before, before, True)
    corrected = (date(2023, 6, 1), LATER_EXPIRY)
    assert _seen_on(app, uid, date(2023, 6, 1)) == (corrected, corrected, False)
    assert app.units.get(uid, on=date(2023, 6, 1)).agreements == app.units.get(uid).agreements


def test_an_effective_date_corrected_earlier_reads_corrected_on_every_day(
        app: BargainingApp) -> None:
    """Recorded effective 2023-06-01, corrected to 2023-01-01: on 2023-03-01 the unit was
    under the corrected agreement, read on its own or on the Expiry Map; a cluster admitting
    it that day judges that agreement."""
    uid = _corrected(app, date(2023, 6, 1), date(2023, 1, 1))
    unit = app.units.get(uid, on=READ_ON)
    assert unit.agreements == app.units.get(uid).agreements
    assert unit.agreements[-1] == CollectiveAgreement(expiry=LATER_EXPIRY,
                                                      effective=date(2023, 1, 1))
    corrected = (date(2023, 1, 1), LATER_EXPIRY)
    assert _seen_on(app, uid, READ_ON) == (corrected, corrected, False)
    before = (BEFORE[0], BEFORE[1])
    assert _seen_on(app, uid, date(2022, 12, 31)) == (before, before, False)
    cluster = app.clusters.form(
        name="Front commun 2025", sectors=["public sector"], committee=[CHAIR],
        window_start=date(2025, 10, 1), window_end=date(2026, 1, 31),
        target_alignment=date(2030, 3, 31), actor=CHAIR, on=date(2023, 2, 1))
    app.clusters.admit(cluster, uid, actor=CHAIR, on=READ_ON)
    assert app.clusters.get(cluster).members[uid].expiry == LATER_EXPIRY
    entries = app.history.of(uid)
    assert [e.event for e in entries][-2:] == ["AgreementRecorded", "AgreementCorrected"]
    assert app.history.as_of(uid, on=READ_ON).agreements == unit.agreements  # type: ignore[attr-defined]


def test_the_map_on_a_day_takes_in_a_correction_recorded_while_it_is_open(
        app: BargainingApp) -> None:
    """A map on a day catches up at each query: a correction recorded since moves the
    agreement it had written out of that day, and back; a rebuild starts afresh."""
    uid = _unit(app, "CSN", BEFORE)
    app.units.record_agreement(uid, effective=date(2023, 1, 1), expiry=LATER_EXPIRY,
                               actor=STEWARD)
    before = (BEFORE[0], BEFORE[1])
    with app.expiry_map.on(READ_ON) as then:
        assert then.unit(uid).expiry == LATER_EXPIRY
        app.units.correct_agreement(
            uid, expiry=LATER_EXPIRY, actor=STEWARD,
            corrected=CollectiveAgreement(expiry=LATER_EXPIRY, effective=date(2023, 6, 1)))
        shown = then.unit(uid)
        assert (shown.effective, shown.expiry) == before
        assert [u.unit_id for u in then.carried_over(READ_ON)] == [uid]
        app.units.correct_agreement(
            uid, expiry=LATER_EXPIRY, actor=STEWARD,
            corrected=CollectiveAgreement(expiry=LATER_EXPIRY, effective=date(2023, 2, 1)))
        assert then.unit(uid).effective == date(2023, 2, 1)
    with app.expiry_map.on(READ_ON) as again:
        again.rebuild()
        assert (again.unit(uid).effective, again.unit(uid).expiry) == (
            date(2023, 2, 1), LATER_EXPIRY)


def test_an_agreement_with_its_expiry_only_counts_from_the_day_it_was_first_recorded(
        app: BargainingApp) -> None:
    """Corrected to carry no date of its own, an agreement counts from the day it was first
    recorded, not from the day of the correction."""
    uid = _unit(app, "CSN", BEFORE)
    app.units.record_agreement(uid, effective=date(2023, 1, 1), expiry=LATER_EXPIRY,
                               actor=STEWARD)
    app.units.correct_agreement(uid, expiry=LATER_EXPIRY, actor=STEWARD,
                                corrected=CollectiveAgreement(expiry=LATER_EXPIRY))
    recorded = app.history.of(uid)[-2].recorded_at.date()
    assert [a.expiry for a in app.units.get(uid, on=recorded).agreements][-1] == LATER_EXPIRY
    day_before = date.fromordinal(recorded.toordinal() - 1)
    assert [a.expiry for a in app.units.get(uid, on=day_before).agreements] == [BEFORE[1]]


def test_the_expiry_map_on_a_day(app: BargainingApp) -> None:
    csn = _unit(app, "CSN", OLD, NEW)
    early = _unit(app, "APTS", (date(2020, 4, 1), date(2023, 3, 31), date(2020, 3, 15)),
                  (date(2023, 4, 1), date(2028, 3, 31), date(2023, 3, 20)))
    with app.expiry_map.on(date(2023, 10, 1)) as then:
        assert then.day == date(2023, 10, 1)
        assert [u.unit_id for u in then.carried_over(date(2023, 10, 1))] == [csn]
        assert then.unit(early).expiry == date(2028, 3, 31)  # settled before, in force
        assert then.unit(csn).expiry == date(2023, 3, 31)
        name = then.name
    with app.expiry_map.on(date(2023, 3, 25)) as then:  # settled, not yet in effect
        assert then.unit(early).expiry == date(2023, 3, 31)
    assert {u.expiry for u in app.expiry_map.all_units()} == {date(2028, 3, 31)}
    assert name.startswith("expiry_map_on_")
    with (pytest.raises(InvalidInput, match="must be a date"),
          app.expiry_map.on(datetime(2023, 10, 1, tzinfo=UTC))):
        pass


def test_the_map_feed_dates_unit_events_as_history_does(
        open_app: Callable[..., BargainingApp]) -> None:
    """The Expiry Map reads stored JSON for speed: the day it gives each unit event is the
    one history shows, or the day it was recorded; an agreement's events give the day they
    were recorded and the agreement's dates (its corrected dates decide, not its events')."""
    app = open_app()
    story = record_story(app)
    feed = app.expiry_map.feed
    days, dates = {}, {}
    for uid in story.units.values():
        for event in app.eventsourcing.events.get(uid):
            name = type(event).__name__
            if isinstance(event, UNIT_EVENTS) and name != "Registered":
                recorded = event.timestamp.astimezone(UTC).date()
                key = (str(uid), event.originator_version)
                if name.startswith("Agreement"):
                    days[key] = recorded
                    a = getattr(event, "agreement", None) or event.corrected
                    dates[key] = tuple(d and d.isoformat()
                                       for d in (a.expiry, a.effective, a.settled))
                else:
                    days[key] = occurred_on(event) or recorded
    stored = feed._stored_events(0, 10_000, None)
    decoded = {(str(UUID(str(row[1])) if not isinstance(row[1], UUID) else row[1]), row[2]):
               feed._decoded(row, False, True) for row in stored
               if not row[3].endswith(".Registered")}
    assert {key: change[2] for key, change in decoded.items()} == days and len(days) > 5
    assert {key: change[3][-3:] for key, change in decoded.items()
            if key in dates} == dates and len(dates) > 2
    batch = feed.read(0, 10_000, None, timed=False, dated=True)
    assert batch is not None
    assert sorted(c[2] for c in batch.changes if c[0] != "Registered") == sorted(days.values())


def test_rounds_campaigns_and_frameworks_read_on_a_day_at_a_moment_or_a_version(
    app: BargainingApp,
) -> None:
    """The same three readings on every kind of record, one at a time."""
    unit = app.units.register(union="CUPE", local="OSBCU", employer="Ontario school boards",
                              unit_name="Education workers", headcount=55_000, actor=STEWARD)
    campaign = app.campaigns.launch(name="OSBCU 2022", units=unit, on=date(2022, 8, 1),
                                    actor=STEWARD)
    table = app.rounds.open(unit, on=date(2022, 6, 1), actor=STEWARD)
    time.sleep(0.002)
    before_the_vote = datetime.now(UTC)
    time.sleep(0.002)
    app.campaigns.record_mandate(campaign, Vote(date(2022, 10, 3), Tally(
        eligible=55_000, cast=45_433, yes=43_821, no=1_612)), actor=STEWARD)  # back-filled
    app.campaigns.pause(campaign, on=date(2022, 11, 21), actor=STEWARD, reason="agreement")
    assert len(app.campaigns.get(campaign).mandates) == 1
    assert app.campaigns.get(campaign, at=before_the_vote).mandates == []
    assert len(app.campaigns.get(campaign, on=date(2022, 10, 3)).mandates) == 1
    assert app.campaigns.get(campaign, on=date(2022, 10, 2)).mandates == []
    assert app.campaigns.get(campaign, on=date(2022, 11, 20)).status.value == "active"
    assert app.campaigns.get(campaign, version=1).version == 1
    assert app.rounds.get(table, on=date(2022, 6, 1)).notice_served == date(2022, 6, 1)
    with pytest.raises(RecordNotFound, match="did not exist yet on 2022-05-31"):
        app.rounds.get(table, on=date(2022, 5, 31))
    with pytest.raises(InvalidInput, match="read a campaign on a date, at a moment or at a "
                                           "version: one"):
        app.campaigns.get(campaign, on=date(2022, 10, 3), version=1)
    framework = app.frameworks.draft(name="Education 2022", sectors=["education"], demands=[
        Demand("wages", Category.WAGES, CompoundIncrease(floor=10, target=20))], actor=STEWARD)
    app.frameworks.record_vote(framework, 1, Vote(date(2022, 6, 1), Tally(
        eligible=200, cast=180, yes=170, no=10)), actor=STEWARD)
    assert app.frameworks.get(framework).effective is not None
    assert app.frameworks.get(framework, on=date(2022, 5, 31)).effective is None
    assert app.frameworks.get(framework, version=1).effective is None
