"""The organizer network: area teams with their members and support, workplace maps, leaders
identified, proven and active, coverage and organizers; refusals that record nothing and
quote no personal data; readings on a day, at a moment and at a version, on every store."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from uuid import UUID, uuid4

import pytest

from bargaining import (
    BargainingApp,
    BargainingError,
    GroupTest,
    InvalidInput,
    LeaderNotFound,
    MapCount,
    MapDoesNotAddUp,
    MissingActor,
    PersonalData,
    RecordNotFound,
    RuleViolation,
    TeamRole,
    WorkGroupNotFound,
)
from tests.organizing_story import ORGANIZER, record_organizing_story
from tests.refusals import position

DAY = date(2024, 1, 10)


def refused(app: BargainingApp, error: type[BargainingError], words: str,
            command: Callable[[], object]) -> BargainingError:
    before = position(app)
    with pytest.raises(error) as caught:
        command()
    assert words in str(caught.value)
    assert position(app) == before
    return caught.value


def mapped_workplace(app: BargainingApp) -> UUID:
    place = app.organizing.register_workplace(name="Plant 2", employer="Acme", actor=ORGANIZER)
    app.organizing.add_group(place, name="Days", kind="shift", workers=40, on=DAY,
                             actor=ORGANIZER)
    app.organizing.add_group(place, name="Nights", kind="shift", workers=25, on=DAY,
                             actor=ORGANIZER)
    return place


def test_the_story_reads_back_on_every_store_on_a_day_and_at_a_moment(
        open_app: Callable[..., BargainingApp], store_kind: str) -> None:
    app = open_app()
    team, place = record_organizing_story(app)
    # a second application on the same store reads what the first saved
    again = app if store_kind == "memory" else open_app()
    org = again.organizing
    assert org.team(team).members.keys() == {"p-1"}
    assert [(s.who, s.began, s.ended) for s in org.team(team).past][:1] == [
        ("p-2", date(2023, 9, 5), date(2024, 1, 5))]
    assert org.team(team, on=date(2023, 12, 1)).members.keys() == {"p-1", "p-2"}
    assert org.team(team, on=date(2023, 12, 1)).workplaces == {place: date(2023, 10, 1)}
    assert org.organizers_of(place, on=date(2023, 12, 1)) == {"p-1"}
    assert org.organizers_of(place, on=date(2023, 9, 20)) == frozenset()
    assert org.organizers_of(place) == frozenset()  # the support ended in 2025
    leader, = org.leaders(place, on=date(2024, 3, 1), active_within=timedelta(days=30))
    assert (leader.person, leader.proven_on, leader.last_active, leader.active) == (
        "w-17", date(2024, 2, 1), date(2024, 3, 1), True)
    # without a reader (and nobody organizes it since 2025) the leader is "a person"
    assert leader.personal is not None and leader.personal.shown() == "a person"
    assert leader.personal.name is None and leader.personal.assessment is None
    before_test, = org.leaders(place, on=date(2024, 1, 15))
    assert (before_test.proven, before_test.active) == (False, False)
    assert not org.leaders(place, on=date(2024, 9, 1), active_within=30)[0].active
    assert not org.leaders(place, on=date(2025, 2, 2))[0].active  # gone
    nights = org.workplace(place, on=date(2023, 11, 1)).groups["Nights"]
    assert nights.map.mapped == 0
    assert org.workplace(place).groups["Nights"].map.mapped == 48
    assert org.workplace(place, version=1).groups == {}
    assert isinstance(org.get(team), type(org.team(team)))
    assert org.get(place, on=date(2024, 1, 1)).name == "DXT4"
    moment = datetime.now(UTC)
    org.add_group(place, name="Days", kind="shift", workers=90, on=date(2024, 1, 1),
                  actor=ORGANIZER)
    assert "Days" not in org.workplace(place, at=moment).groups
    assert "Days" in again.organizing.workplace(place).groups


def test_map_counts_that_cannot_be_true_are_refused_and_record_nothing(
        memory_app: BargainingApp) -> None:
    app = memory_app
    place = mapped_workplace(app)

    def count(**figures: object) -> Callable[[], None]:
        return lambda: app.organizing.record_map(place, group="Nights", on=DAY,
                                                 actor=ORGANIZER,
                                                 count=MapCount(**figures))  # type: ignore[arg-type]

    refused(app, MapDoesNotAddUp, "26 workers mapped cannot be: the group has 25 workers",
            count(workers=25, mapped=26))
    refused(app, MapDoesNotAddUp, "11 contacts made cannot be: only 10 workers are mapped",
            count(workers=25, mapped=10, contacts=11))
    refused(app, MapDoesNotAddUp, "support assessed for 11 workers cannot be: only 10 are",
            count(workers=25, mapped=10, support=(5, 5, 1, 0, 0)))
    refused(app, MapDoesNotAddUp, "3 leaders identified cannot be: only 2 workers",
            count(workers=25, mapped=2, leaders=3))
    refused(app, RuleViolation, "cannot be negative", count(workers=25, mapped=-1))
    refused(app, InvalidInput, "1-5 scale", count(workers=25, mapped=5, support={6: 1}))
    refused(app, InvalidInput, "five counts", count(workers=25, mapped=5, support=(1, 2)))
    refused(app, WorkGroupNotFound, "no work group of that name",
            lambda: app.organizing.record_map(place, group="Weekends", on=DAY,
                                              actor=ORGANIZER,
                                              count=MapCount(workers=5, mapped=1)))
    refused(app, InvalidInput, "cannot come before the work group Nights was added",
            lambda: app.organizing.record_map(place, group="Nights", on=date(2023, 1, 1),
                                              actor=ORGANIZER,
                                              count=MapCount(workers=5, mapped=1)))
    refused(app, MissingActor, "name an actor", lambda: app.organizing.record_map(
        place, group="Nights", on=DAY, actor=None,  # type: ignore[arg-type]
        count=MapCount(workers=5, mapped=1)))
    app.organizing.record_map(place, group="Nights", on=DAY, actor=ORGANIZER,
                              count=MapCount(workers=25, mapped=20, contacts=12,
                                             support={1: 6, 2: 4, 5: 2}, leaders=2))
    kept = app.organizing.workplace(place).groups["Nights"].map
    assert (kept.mapped, kept.support, kept.assessed, kept.at(5)) == (20, (6, 4, 0, 0, 2), 12, 2)


def test_a_count_recorded_late_does_not_replace_a_later_days_count(
        memory_app: BargainingApp) -> None:
    app = memory_app
    place = mapped_workplace(app)
    app.organizing.record_map(place, group="Days", on=date(2024, 3, 1), actor=ORGANIZER,
                              count=MapCount(workers=40, mapped=30))
    app.organizing.record_map(place, group="Days", on=date(2024, 2, 1), actor=ORGANIZER,
                              count=MapCount(workers=40, mapped=20), reason="back-filled")
    assert app.organizing.workplace(place).groups["Days"].map.mapped == 30
    assert app.organizing.workplace(place, on=date(2024, 2, 15)).groups["Days"].map.mapped == 20


def test_leaders_are_identified_in_a_group_and_proven_only_by_a_passing_test_they_led(
        memory_app: BargainingApp) -> None:
    app = memory_app
    org = app.organizing
    place = mapped_workplace(app)
    refused(app, WorkGroupNotFound, "no work group", lambda: org.identify_leader(
        place, group="Weekends", person="w-1", on=DAY, actor=ORGANIZER))
    error = refused(app, InvalidInput, "their own PersonalData", lambda: org.identify_leader(
        place, group="Nights", person="w-1", on=DAY, actor=ORGANIZER,
        personal=PersonalData("w-2", name="Marie Tremblay")))
    assert "Marie" not in str(error)
    org.identify_leader(place, group="Nights", person="w-1", on=date(2024, 1, 15),
                        actor=ORGANIZER,
                        personal=PersonalData("w-1", name="Marie Tremblay", assessment=1))
    org.identify_leader(place, group="Days", person="w-2", on=DAY, actor=ORGANIZER)
    error = refused(app, RuleViolation, "already a possible leader", lambda: org.identify_leader(
        place, group="Days", person="w-1", on=DAY, actor=ORGANIZER))
    assert "w-1" not in str(error)
    refused(app, RuleViolation, "a leader of the group it tests", lambda: org.hold_test(
        place, GroupTest(group="Days", kind="majority petition", eligible=40, participants=30,
                         on=date(2024, 1, 20), leader="w-1"), actor=ORGANIZER))
    refused(app, LeaderNotFound, "identify them in their work group first", lambda: org.hold_test(
        place, GroupTest(group="Nights", kind="majority petition", eligible=25,
                         participants=20, on=DAY, leader="w-9"), actor=ORGANIZER))
    refused(app, InvalidInput, "cannot come before they were identified", lambda: org.hold_test(
        place, GroupTest(group="Nights", kind="majority petition", eligible=25,
                         participants=20, on=date(2024, 1, 12), leader="w-1"), actor=ORGANIZER))
    refused(app, RuleViolation, "26 took part cannot be: only 25 were eligible",
            lambda: org.hold_test(place, GroupTest(group="Nights", kind="majority petition",
                                                   eligible=25, participants=26, on=DAY,
                                                   leader="w-1"), actor=ORGANIZER))
    failed = org.hold_test(place, GroupTest(group="Nights", kind="majority petition",
                                            eligible=25, participants=12, on=date(2024, 2, 1),
                                            leader="w-1"), actor=ORGANIZER)
    assert failed is False  # 48% of 51%: recorded, proves no one
    assert not org.leaders(place)[1].proven
    assert org.leaders(place)[1].last_active == date(2024, 2, 1)
    passed = org.hold_test(place, GroupTest(group="Nights", kind="majority petition",
                                            eligible=25, participants=13, on=date(2024, 3, 1),
                                            leader="w-1"), actor=ORGANIZER)
    assert passed is True  # 52%
    days, nights = org.leaders(place, on=date(2024, 3, 2))
    assert (days.person, days.proven) == ("w-2", False)
    assert (nights.person, nights.proven_on, nights.active) == ("w-1", date(2024, 3, 1), True)
    assert len(org.workplace(place).tests) == 2
    summaries = " ".join(e.summary for e in app.history.of(place))
    assert "Marie" not in summaries and "with personal data recorded" in summaries
    assert "led by w-1 (proven)" in summaries


def test_taking_part_keeps_a_leader_active_within_the_hosts_window(
        memory_app: BargainingApp) -> None:
    app = memory_app
    org = app.organizing
    place = mapped_workplace(app)
    org.identify_leader(place, group="Days", person="w-2", on=DAY, actor=ORGANIZER)
    org.hold_test(place, GroupTest(group="Days", kind="button day", eligible=40,
                                   participants=30, threshold=60, on=DAY, leader="w-2"),
                  actor=ORGANIZER)
    assert not org.leaders(place, on=date(2024, 6, 1), active_within=90)[0].active
    org.take_part(place, people=["w-2"], activity="rally", on=date(2024, 5, 1),
                  actor=ORGANIZER)
    assert org.leaders(place, on=date(2024, 6, 1), active_within=90)[0].active
    assert org.leaders(place, on=date(2024, 6, 1), active_within=timedelta(days=10)
                       )[0].active is False
    refused(app, LeaderNotFound, "not a possible leader", lambda: org.take_part(
        place, people=["w-2", "w-3"], activity="rally", on=date(2024, 5, 2), actor=ORGANIZER))
    refused(app, InvalidInput, "as a list", lambda: org.take_part(
        place, people="w-2", activity="rally", on=date(2024, 5, 2),  # type: ignore[arg-type]
        actor=ORGANIZER))
    org.leader_left(place, person="w-2", on=date(2024, 7, 1), actor=ORGANIZER)
    refused(app, RuleViolation, "already left", lambda: org.leader_left(
        place, person="w-2", on=date(2024, 7, 1), actor=ORGANIZER))
    refused(app, RuleViolation, "left on 2024-07-01", lambda: org.take_part(
        place, people=["w-2"], activity="rally", on=date(2024, 8, 1), actor=ORGANIZER))
    assert not org.leaders(place, on=date(2024, 7, 1))[0].active
    refused(app, InvalidInput, "timedelta or a number of days",
            lambda: org.leaders(place, active_within="90 days"))  # type: ignore[arg-type]
    refused(app, InvalidInput, "cannot be negative", lambda: org.leaders(place,
                                                                         active_within=-1))


def test_coverage_counts_leaders_per_workers_against_the_hosts_aim(
        memory_app: BargainingApp) -> None:
    app = memory_app
    org = app.organizing
    place = mapped_workplace(app)
    org.record_map(place, group="Days", on=DAY, actor=ORGANIZER,
                   count=MapCount(workers=40, mapped=30, leaders=6))
    for n in range(4):
        org.identify_leader(place, group="Days", person=f"d-{n}", on=DAY, actor=ORGANIZER)
        org.hold_test(place, GroupTest(group="Days", kind="majority petition", eligible=40,
                                       participants=30, on=DAY, leader=f"d-{n}"),
                      actor=ORGANIZER)
    org.identify_leader(place, group="Nights", person="n-0", on=DAY, actor=ORGANIZER)
    found = org.coverage(place, on=DAY)
    days, nights = found.group("Days"), found.group("Nights")
    assert (days.workers, days.identified, days.proven, days.active, days.needed) == (
        40, 6, 4, 4, 4)
    assert days.met and days.workers_per_leader == 10
    assert (nights.identified, nights.proven, nights.needed, nights.met) == (1, 0, 3, False)
    assert nights.workers_per_leader is None
    assert (found.workers, found.active, found.needed, found.met) == (65, 4, 7, False)
    assert org.coverage(place, on=DAY, workers_per_leader=20).group("Days").needed == 2
    refused(app, InvalidInput, "at least 1", lambda: org.coverage(place, workers_per_leader=0))


def test_an_area_team_through_its_life_and_its_refusals(app: BargainingApp) -> None:
    org = app.organizing
    team = org.form_team(name="Ontario long-term care", kind="sector", area="long-term care",
                         on=date(2024, 1, 8), actor=ORGANIZER)
    assert isinstance(team, UUID) and team.version == 4  # random: it reveals no name
    refused(app, InvalidInput, "'region' or 'sector'", lambda: org.form_team(
        name="X", kind="city", area="Toronto", on=DAY, actor=ORGANIZER))
    org.join(team, person="p-1", role="organizer", on=date(2024, 1, 8), actor=ORGANIZER)
    refused(app, InvalidInput, "'organizer' or 'volunteer'", lambda: org.join(
        team, person="p-2", role="boss", on=DAY, actor=ORGANIZER))
    refused(app, InvalidInput, "before the team was formed", lambda: org.join(
        team, person="p-2", role=TeamRole.VOLUNTEER, on=date(2023, 1, 1), actor=ORGANIZER))
    refused(app, RuleViolation, "already on the team", lambda: org.join(
        team, person="p-1", role="volunteer", on=DAY, actor=ORGANIZER))
    refused(app, InvalidInput, "before joining", lambda: org.leave(
        team, person="p-1", on=date(2024, 1, 7), actor=ORGANIZER))
    refused(app, RuleViolation, "not on the team", lambda: org.leave(
        team, person="p-9", on=DAY, actor=ORGANIZER))
    refused(app, InvalidInput, "opaque id", lambda: org.join(
        team, person=" ", role="organizer", on=DAY, actor=ORGANIZER))
    org.support_local(team, local="CUPE 145", on=date(2024, 2, 1), actor=ORGANIZER)
    refused(app, RuleViolation, "already supports CUPE 145", lambda: org.support_local(
        team, local="CUPE 145", on=DAY, actor=ORGANIZER))
    refused(app, InvalidInput, "before it began", lambda: org.end_local_support(
        team, local="CUPE 145", on=date(2024, 1, 9), actor=ORGANIZER))
    refused(app, RecordNotFound, "no workplace", lambda: org.support_workplace(
        team, workplace=uuid4(), on=DAY, actor=ORGANIZER))
    place = mapped_workplace(app)
    refused(app, RecordNotFound, "is not a team", lambda: org.join(
        place, person="p-3", role="organizer", on=DAY, actor=ORGANIZER))
    org.end_local_support(team, local="CUPE 145", on=date(2025, 2, 1), actor=ORGANIZER)
    assert org.team(team).locals == {}
    assert org.team(team, on=date(2024, 6, 1)).locals == {"CUPE 145": date(2024, 2, 1)}
    refused(app, RecordNotFound, "did not exist yet", lambda: org.team(team,
                                                                       on=date(2023, 1, 1)))
    caucus = app.caucuses.form(name="C", unions=["CSN"], on=DAY, actor=ORGANIZER)
    refused(app, RecordNotFound, "not an area team or a workplace", lambda: org.get(caucus))


def test_a_test_of_more_eligible_workers_than_its_group_has_is_refused(
        app: BargainingApp) -> None:
    """A structure test's eligible workers cannot outnumber the group as mapped: refused,
    nothing recorded, and no leader proven by it."""
    place = mapped_workplace(app)
    refused(app, MapDoesNotAddUp, "25", lambda: app.organizing.hold_test(
        place, GroupTest(group="Nights", kind="majority petition", eligible=300,
                         participants=200, on=DAY + timedelta(days=3), threshold=51),
        actor=ORGANIZER))


def test_a_workplace_names_only_a_bargaining_unit_that_is_registered(
        app: BargainingApp) -> None:
    """A workplace may be recorded without its unit (not yet unionized), or with the id of a
    registered bargaining unit; an id no unit has, or one naming another kind of record,
    cannot be, and is refused with nothing recorded."""
    team = app.organizing.form_team(name="Laval", kind="region", area="Laval",
                                    on=date(2024, 1, 1), actor=ORGANIZER)
    before = position(app)
    for stranger, words in ((UUID(int=9), "no bargaining unit is registered with id "
                                          "00000000-0000-0000-0000-000000000009"),
                            (team, f"the record {team} is not a bargaining unit")):
        with pytest.raises(RecordNotFound, match=words):
            app.organizing.register_workplace(name="DXT4", employer="Amazon", unit=stranger,
                                              actor=ORGANIZER)
    assert position(app) == before
    unit = app.units.register(union="CSN", local="DXT4", employer="Amazon Canada",
                              unit_name="Warehouse workers", actor=ORGANIZER)
    place = app.organizing.register_workplace(name="DXT4", employer="Amazon", unit=unit,
                                              actor=ORGANIZER)
    assert app.organizing.workplace(place).unit == unit
