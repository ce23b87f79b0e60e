"""Retention: people inactive for longer than the host's window erased, the run recorded, a
second run erasing nothing new (issue 15). On memory, SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from uuid import UUID

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bargaining import (
    Actor,
    BargainingApp,
    InvalidInput,
    MissingActor,
    PersonalData,
    Reader,
    RedactionReason,
    RetentionPolicy,
)
from bargaining.application.retention import activity_day

STEWARD = Actor("ds-1", "data steward")
THREE_YEARS = RetentionPolicy.years(3)
RUN_ON = date(2026, 6, 1)


def mapped(app: BargainingApp) -> UUID:
    """Three leaders: one last active in 2019, one identified in 2019 but taking part in
    2024, one identified in 2025."""
    org = app.organizing
    place = org.register_workplace(name="DXT4", employer="Amazon", actor=STEWARD)
    team = org.form_team(name="Laval warehouses", kind="region", area="Laval",
                         on=date(2019, 1, 1), actor=STEWARD)
    org.join(team, person="o-1", role="organizer", on=date(2019, 1, 1), actor=STEWARD)
    org.support_workplace(team, workplace=place, on=date(2019, 1, 1), actor=STEWARD)
    org.add_group(place, name="Nights", kind="shift", workers=55, on=date(2019, 1, 1),
                  actor=STEWARD)
    for person, day in (("w-1", date(2019, 3, 1)), ("w-2", date(2019, 3, 1)),
                        ("w-3", date(2025, 1, 10))):
        org.identify_leader(place, group="Nights", person=person, on=day, actor=STEWARD,
                            personal=PersonalData(person, name=f"Leader {person}"))
    org.take_part(place, people=["w-2"], activity="button day", on=date(2024, 5, 1),
                  actor=STEWARD)
    return place


def position(app: BargainingApp) -> int:
    return app.integrity.receipt().position


def test_a_dry_run_lists_and_records_nothing(app: BargainingApp) -> None:
    mapped(app)
    before = position(app)
    result = app.people.apply_retention(THREE_YEARS, on=RUN_ON, actor=STEWARD, dry_run=True)
    assert result.erased == ("w-1",) and result.count == 1 and result.record is None
    assert result.cutoff == date(2023, 6, 2)
    assert position(app) == before
    assert app.people.erasure("w-1") is None


def test_people_inactive_for_three_years_are_erased_and_the_run_recorded(
        app: BargainingApp) -> None:
    place = mapped(app)
    result = app.people.apply_retention(THREE_YEARS, on=RUN_ON, actor=STEWARD)
    assert result.erased == ("w-1",) and result.record is not None
    erasure = app.people.erasure("w-1")
    assert erasure is not None and erasure.erasures == [RUN_ON]
    leaders = {s.person: s.personal for s in app.organizing.leaders(
        place, on=RUN_ON, reader=Reader("o-1", "organizer"))}
    assert leaders["w-1"] is not None and leaders["w-1"].erased
    assert leaders["w-2"] is not None and leaders["w-2"].name == "Leader w-2"
    [run] = app.history.of(result.record)
    assert run.summary == ("Retention run on 2026-06-01: one person inactive for 1,095 days "
                           "(last active before 2023-06-02) erased, recorded by the data "
                           "steward")
    assert run.data["erased"] == ["w-1"] and run.data["inactive_days"] == 1095
    assert app.integrity.verify().intact
    # a second run erases nothing new and records nothing
    before = position(app)
    again = app.people.apply_retention(THREE_YEARS, on=RUN_ON, actor=STEWARD)
    assert again.erased == () and again.record is None and position(app) == before


def test_a_later_run_erases_those_who_fell_inactive_since(app: BargainingApp) -> None:
    """Everyone's data was entered today: a run three years from today keeps them (the
    recording is their latest activity), a run a day later erases those left."""
    first = datetime.now(UTC).date()  # no recording is earlier (UTC), nor later than last
    mapped(app)
    app.people.apply_retention(THREE_YEARS, on=RUN_ON, actor=STEWARD)
    last = datetime.now(UTC).date()
    kept = app.people.apply_retention(THREE_YEARS, on=first + THREE_YEARS.inactive_for,
                                      actor=STEWARD)
    assert kept.erased == ()
    later = app.people.apply_retention(THREE_YEARS, on=last + THREE_YEARS.inactive_for
                                       + timedelta(days=1), actor=STEWARD)
    assert later.erased == ("w-2", "w-3")


def test_bad_policies_and_runs_are_refused_and_record_nothing(app: BargainingApp) -> None:
    mapped(app)
    before = position(app)
    for bad in (0, -3, "three years", timedelta(0)):
        with pytest.raises(InvalidInput):
            RetentionPolicy(bad)  # type: ignore[arg-type]
    with pytest.raises(InvalidInput):
        RetentionPolicy.years(0)
    with pytest.raises(InvalidInput):
        app.people.apply_retention("3 years", on=RUN_ON, actor=STEWARD)  # type: ignore[arg-type]
    with pytest.raises(MissingActor):
        app.people.apply_retention(THREE_YEARS, on=RUN_ON, actor=None)  # type: ignore[arg-type]
    with pytest.raises(InvalidInput):
        app.people.apply_retention(THREE_YEARS, on="2026-06-01",  # type: ignore[arg-type]
                                   actor=STEWARD)
    assert position(app) == before
    assert RetentionPolicy(30).inactive_for == timedelta(days=30)


def test_taking_part_in_training_mentoring_or_a_call_team_keeps_a_person_active(
        app: BargainingApp) -> None:
    """A leader whose data was recorded long ago but who was trained, mentored or joined a
    call team lately is active: retention must not erase them."""
    mapped(app)
    training = app.training
    training.hold_session(topic="one-on-ones", on=date(2025, 2, 1), trainer="t-9",
                          trainees=["w-1"], actor=STEWARD)
    assert app.people.apply_retention(THREE_YEARS, on=RUN_ON, actor=STEWARD,
                                      dry_run=True).erased == ()


@pytest.mark.parametrize("step", ["mentee", "mentor", "caller"])
def test_every_way_of_taking_part_counts_as_activity(app: BargainingApp, step: str) -> None:
    mapped(app)
    training, day = app.training, date(2025, 2, 1)
    if step == "mentee":
        training.pair(mentor="m-1", mentee="w-1", starts=day, actor=STEWARD)
    elif step == "mentor":
        training.pair(mentor="w-1", mentee="m-2", starts=day, actor=STEWARD)
    else:
        training.form_call_team(name="Phone bank", members=["w-1"], on=day, actor=STEWARD)
    assert app.people.apply_retention(THREE_YEARS, on=RUN_ON, actor=STEWARD,
                                      dry_run=True).erased == ()



@pytest.mark.parametrize("make", [
    lambda app: RetentionPolicy(10**9),
    lambda app: RetentionPolicy.years(10**6),
    lambda app: app.people.apply_retention(RetentionPolicy(10**5), on=date(1, 1, 5),
                                           actor=STEWARD, dry_run=True),
    lambda app: app.people.redact(UUID(int=1), 10**30, actor=STEWARD, on=RUN_ON,
                                  reason=RedactionReason.ABOUT_A_PERSON),
    lambda app: app.organizing.leaders(mapped(app), active_within=10**10),
    lambda app: Reader.parse(123),
])
def test_numbers_too_large_and_wrong_types_are_refused_in_domain_words(
        app: BargainingApp, make: Callable[[BargainingApp], object]) -> None:
    with pytest.raises(InvalidInput):
        make(app)


def backfilled(app: BargainingApp) -> date:
    """A leader, w-9, identified five years ago, entered today (an import of old records);
    returns today (UTC), read after the recording."""
    org = app.organizing
    today = datetime.now(UTC).date()
    old = today - timedelta(days=5 * 365)
    place = org.register_workplace(name="DXT4", employer="Amazon", actor=STEWARD)
    org.add_group(place, name="Nights", kind="shift", workers=55, on=old, actor=STEWARD)
    org.identify_leader(place, group="Nights", person="w-9", on=old, actor=STEWARD,
                        personal=PersonalData("w-9", name="Leader w-9"))
    return datetime.now(UTC).date()


def test_history_back_filled_today_is_kept_by_a_run_today(app: BargainingApp) -> None:
    """Facts from five years ago recorded today: the person's data was entered today, so a
    three-year run today keeps them, and its dry run says the same."""
    today = backfilled(app)
    dry = app.people.apply_retention(THREE_YEARS, on=today, actor=STEWARD, dry_run=True)
    real = app.people.apply_retention(THREE_YEARS, on=today, actor=STEWARD)
    assert dry.erased == real.erased == () and real.record is None
    assert app.people.erasure("w-9") is None


def test_a_run_on_a_day_before_the_recording_counts_the_facts_days(
        app: BargainingApp) -> None:
    """A run "on" a day before the back-fill cannot know of it: it reads the facts' days, as
    the record reads on that day, and the dry run says what the run does."""
    today = backfilled(app)
    before = today - timedelta(days=30)
    dry = app.people.apply_retention(THREE_YEARS, on=before, actor=STEWARD, dry_run=True)
    real = app.people.apply_retention(THREE_YEARS, on=before, actor=STEWARD)
    assert dry.erased == real.erased == ("w-9",) and real.record is not None


@given(fact=st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 1, 1)),
       recorded=st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 1, 1)),
       on=st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 1, 1)))
def test_a_day_of_activity_is_the_later_of_the_fact_and_a_recording_known_on_the_run_day(
        fact: date, recorded: date, on: date) -> None:
    day = activity_day(fact, recorded, on)
    assert day >= fact
    assert day == (max(fact, recorded) if recorded <= on else fact)
    assert activity_day(None, recorded, on) == recorded
