"""Changing an event after release: stored bytes of the released form load as the new form.

``BargainingUnit.HeadcountChanged`` was released (version 1) without ``counted_on``. Version 2
adds it; ``upcast_v1_v2`` gives old events ``counted_on=None``. These tests write the bytes
exactly as the released library stored them and read them with today's classes.
"""

from __future__ import annotations

import json
import random
import sqlite3
from collections.abc import Callable
from datetime import date
from fractions import Fraction
from pathlib import Path

from eventsourcing.persistence import StoredEvent
from eventsourcing.utils import get_topic, resolve_topic

from bargaining import (
    MAX_TEXT,
    Actor,
    BargainingApp,
    BargainingUnit,
    Body,
    MapFilter,
    Quorum,
    Tally,
    Threshold,
    Vote,
    unit_id,
)
from bargaining.presentation.summaries import U
from tests.history_story import STEWARD

UNIT = unit_id("CUPE", "79", "City of Toronto", "Inside workers")
#: Release 0.1 kept the unit in ``bargaining.domain.unit``; today's topic is registered beside it.
TOPIC = "bargaining.domain.unit:BargainingUnit."
NEW_TOPIC = get_topic(BargainingUnit) + "."

#: As the released library stored them: no ``counted_on``, no ``class_version``.
RELEASED = [
    ("Registered",
     b'{"timestamp":{"_type_":"datetime_iso","_data_":"2025-06-02T14:00:00.000000+00:00"},'
     b'"originator_topic":"bargaining.domain.unit:BargainingUnit","union":"CUPE","local":"79",'
     b'"employer":"City of Toronto","unit_name":"Inside workers","sector":"","region":"",'
     b'"city":"","headcount":20000,"industry_code":"","actor":{"_type_":"actor","_data_":'
     b'{"id":"u-17","role":"bargaining team chair"}},"reason":null}'),
    ("HeadcountChanged",
     b'{"timestamp":{"_type_":"datetime_iso","_data_":"2025-06-09T09:30:00.000000+00:00"},'
     b'"headcount":20500,"actor":{"_type_":"actor","_data_":{"id":"u-17","role":'
     b'"bargaining team chair"}},"reason":"new hires this spring"}'),
]


def released_events() -> list[StoredEvent]:
    return [StoredEvent(originator_id=UNIT, originator_version=version, topic=TOPIC + name,
                        state=state)
            for version, (name, state) in enumerate(RELEASED, start=1)]


def check_loads_as_version_2(app: BargainingApp) -> None:
    unit = app.units.get(UNIT)
    assert unit.headcount == 20500 and unit.version == 2
    changed = list(app.eventsourcing.events.get(UNIT))[1]
    assert isinstance(changed, U.HeadcountChanged)
    assert type(changed).class_version == 2
    assert (changed.headcount, changed.counted_on) == (20500, None)
    assert changed.reason == "new hires this spring"
    entry = app.history.of(UNIT)[1]
    assert (entry.event, entry.occurred_on, entry.data) == (
        "HeadcountChanged", None, {"headcount": 20500, "counted_on": None})
    assert entry.summary == ("CUPE 79, City of Toronto (Inside workers) now covers 20,500 "
                             "workers, recorded by the bargaining team chair")
    assert app.expiry_map.expiring(date(1900, 1, 1), date(2999, 1, 1)) == []
    assert [u.headcount for u in app.expiry_map.all_units()] == [20500]


def test_released_bytes_load_as_the_new_form(open_app: Callable[..., BargainingApp]) -> None:
    app = open_app()
    app.eventsourcing.recorder.insert_events(released_events())
    check_loads_as_version_2(app)


def test_released_rows_in_a_sqlite_file_load_as_the_new_form(tmp_path: Path) -> None:
    path = tmp_path / "released.sqlite"
    BargainingApp(str(path)).close()  # today's library creates the tables
    with sqlite3.connect(path) as db:
        db.executemany(
            "INSERT INTO stored_events (originator_id, originator_version, topic, state) "
            "VALUES (?, ?, ?, ?)",
            [(e.originator_id.hex, e.originator_version, e.topic,
              e.state)  # type: ignore[union-attr]
             for e in released_events()],
        )
    app = BargainingApp(str(path))
    try:
        check_loads_as_version_2(app)
    finally:
        app.close()


def test_new_events_are_stored_as_version_2_beside_old_ones(
        open_app: Callable[..., BargainingApp]) -> None:
    app = open_app()
    app.eventsourcing.recorder.insert_events(released_events())
    app.units.change_headcount(UNIT, 21000, actor=STEWARD, on=date(2025, 9, 30))
    stored = app.eventsourcing.recorder.select_events(UNIT)[2]
    state = json.loads(stored.state)
    assert state["class_version"] == 2
    assert state["counted_on"] == {"_type_": "date_iso", "_data_": "2025-09-30"}
    assert [e.occurred_on for e in app.history.of(UNIT)] == [None, None, date(2025, 9, 30)]
    reopened = open_app() if app.store.kind != "memory" else app
    assert reopened.units.get(UNIT).headcount == 21000


def test_an_upcast_event_class_is_found_by_its_released_topic() -> None:
    assert get_topic(U.HeadcountChanged) == NEW_TOPIC + "HeadcountChanged"
    assert resolve_topic(TOPIC + "HeadcountChanged") is U.HeadcountChanged
    assert U.HeadcountChanged is BargainingUnit.HeadcountChanged
    state: dict[str, object] = {"headcount": 1}
    U.HeadcountChanged.upcast_v1_v2(state)
    assert state == {"headcount": 1, "counted_on": None}


#: ``Registered`` and ``AgreementRecorded`` as released, when only ``@event("...")`` declared
#: them. Their classes are now declared in the aggregate; the stored form must not move.
RELEASED_AGREEMENT = (
    b'{"timestamp":{"_type_":"datetime_iso","_data_":"2025-06-03T10:00:00.000000+00:00"},'
    b'"agreement":{"_type_":"collective_agreement","_data_":{"expiry":{"_type_":"date_iso",'
    b'"_data_":"2025-12-31"},"effective":{"_type_":"date_iso","_data_":"2023-01-01"},'
    b'"settled":null,"source":"FMCS F-7 notice, f7.csv line 2"}},"actor":{"_type_":"actor",'
    b'"_data_":{"id":"u-17","role":"bargaining team chair"}},"reason":null}'
)


def test_released_registration_and_agreement_load_with_the_declared_classes(
        open_app: Callable[..., BargainingApp]) -> None:
    app = open_app()
    registered = released_events()[0]
    app.eventsourcing.recorder.insert_events([registered, StoredEvent(
        originator_id=UNIT, originator_version=2, topic=TOPIC + "AgreementRecorded",
        state=RELEASED_AGREEMENT)])
    unit = app.units.get(UNIT)
    assert (unit.union, unit.headcount, unit.version) == ("CUPE", 20000, 2)
    assert [(a.expiry, a.effective, a.source) for a in unit.agreements] == [
        (date(2025, 12, 31), date(2023, 1, 1), "FMCS F-7 notice, f7.csv line 2")]
    events = list(app.eventsourcing.events.get(UNIT))
    assert [type(e) for e in events] == [BargainingUnit.Registered,
                                         BargainingUnit.AgreementRecorded]
    assert app.expiry_map.expiring(date(2025, 1, 1), date(2026, 1, 1))[0].unit_id == UNIT


def test_new_registrations_and_agreements_are_stored_in_the_released_form(
        open_app: Callable[..., BargainingApp]) -> None:
    app = open_app()
    chair = Actor("u-17", "bargaining team chair")
    uid = app.units.register(union="CUPE", local="79", employer="City of Toronto",
                             unit_name="Inside workers", headcount=20000, actor=chair)
    app.units.record_agreement(uid, expiry=date(2025, 12, 31), effective=date(2023, 1, 1),
                               source="FMCS F-7 notice, f7.csv line 2", actor=chair)
    stored = app.eventsourcing.recorder.select_events(UNIT)
    assert [s.topic for s in stored] == [NEW_TOPIC + "Registered", NEW_TOPIC + "AgreementRecorded"]
    released = json.loads(RELEASED[0][1])
    for new, old in ((stored[0].state, released), (stored[1].state, RELEASED_AGREEMENT)):
        new_state = json.loads(new)
        old_state = old if isinstance(old, dict) else json.loads(old)
        assert list(new_state) == list(old_state)
        del new_state["timestamp"], old_state["timestamp"]
        if "originator_topic" in old_state:  # the class moved: only its topic differs
            assert new_state.pop("originator_topic") == get_topic(BargainingUnit)
            del old_state["originator_topic"]
        assert new_state == old_state


def test_a_sector_recorded_before_the_length_limit_is_shown_clipped(
        open_app: Callable[..., BargainingApp]) -> None:
    """Units registered before ``MAX_TEXT`` may hold longer values; the map clips sector and
    region (which it indexes, and PostgreSQL limits index entries) instead of stopping."""
    app = open_app()
    pick = random.Random(11).randrange
    sector = "".join(chr(pick(0x20000, 0x2A6E0)) for _ in range(3000))
    state = json.loads(RELEASED[0][1])
    state["sector"] = state["region"] = sector
    registered = StoredEvent(originator_id=UNIT, originator_version=1, topic=TOPIC + "Registered",
                             state=json.dumps(state, ensure_ascii=False).encode())
    agreement = StoredEvent(originator_id=UNIT, originator_version=2,
                            topic=TOPIC + "AgreementRecorded", state=RELEASED_AGREEMENT)
    app.eventsourcing.recorder.insert_events([registered, agreement])
    assert app.units.get(UNIT).sector == sector  # history keeps what was recorded
    shown = app.expiry_map.unit(UNIT)
    assert (shown.sector, shown.region) == (sector[:MAX_TEXT], sector[:MAX_TEXT])
    found = app.expiry_map.cluster_candidates(date(2025, 1, 1), date(2026, 1, 1), 30,
                                              MapFilter(sector=sector[:MAX_TEXT]), min_units=1)
    assert [c.workers for c in found] == [20000]
    app.units.change_region(UNIT, "ON", actor=STEWARD)
    assert app.expiry_map.unit(UNIT).region == "ON"
    assert app.expiry_map.rebuild() == 3
    assert app.expiry_map.unit(UNIT).sector == sector[:MAX_TEXT]


def test_thresholds_and_quorums_given_in_percent_are_stored_as_released() -> None:
    """Release 0.1 took and stored a threshold's share and a quorum as shares of one; they
    are given in percent now, and stored exactly as before."""
    app = BargainingApp("memory")
    transcoder = app.eventsourcing.mapper.transcoder
    vote = Vote(date(2023, 9, 18), Tally(eligible=100, cast=60, yes=40, no=20),
                Threshold(Fraction(200, 3), "cast"), quorum=50, body=None)
    stored = json.loads(transcoder.encode({"vote": vote}))["vote"]
    assert stored["_data_"]["quorum"] == {"_type_": "fraction", "_data_": "1/2"}
    assert stored["_data_"]["threshold"]["_data_"] == {
        "share": {"_type_": "fraction", "_data_": "2/3"}, "of": "cast", "strictly_more": False}
    assert transcoder.decode(transcoder.encode({"vote": vote}))["vote"] == vote
    released = (b'{"vote":{"_type_":"vote","_data_":{"held_on":{"_type_":"date_iso","_data_":'
                b'"2023-09-18"},"tally":{"_type_":"tally","_data_":{"eligible":100,"cast":60,'
                b'"yes":40,"no":20,"spoiled":0}},"threshold":{"_type_":"threshold","_data_":'
                b'{"share":{"_type_":"fraction","_data_":"2/3"},"of":"cast","strictly_more":false}'
                b'},"quorum":{"_type_":"fraction","_data_":"1/2"}}}}')
    assert transcoder.encode({"vote": vote}) == released
    assert transcoder.decode(released)["vote"] == vote
    app.close()


def test_a_vote_stored_before_votes_named_their_body_reads_with_no_body() -> None:
    """Release 0.1 stored no body, no number present and no quorum of people; a vote that
    names them stores them beside the released fields, and both read back."""
    app = BargainingApp("memory")
    transcoder = app.eventsourcing.mapper.transcoder
    released = (b'{"vote":{"_type_":"vote","_data_":{"held_on":{"_type_":"date_iso","_data_":'
                b'"2023-09-18"},"tally":{"_type_":"tally","_data_":{"eligible":100,"cast":60,'
                b'"yes":40,"no":20,"spoiled":0}},"threshold":{"_type_":"threshold","_data_":'
                b'{"share":{"_type_":"fraction","_data_":"1/2"},"of":"cast","strictly_more":true}'
                b'},"quorum":null}}}')
    old = transcoder.decode(released)["vote"]
    assert (old.body, old.quorum, old.tally.present) == (None, None, None)
    assert old.rule == "a majority of ballots cast"
    new = Vote(date(2023, 9, 18), Tally(eligible=120, cast=100, yes=50, no=48, spoiled=2,
                                        present=100),
               quorum=Quorum.present(100), body=Body.general_assembly())
    stored = json.loads(transcoder.encode({"vote": new}))["vote"]["_data_"]
    assert stored["body"] == {"kind": "general assembly", "name": None}
    assert stored["quorum"] == {"present": 100}
    assert stored["tally"]["_data_"]["present"] == 100
    assert transcoder.decode(transcoder.encode({"vote": new}))["vote"] == new
    app.close()
