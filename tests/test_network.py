"""Organizing plans and the organizer network's measures, on every store."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from fractions import Fraction
from uuid import UUID, uuid4

import pytest

from bargaining import (
    BargainingApp,
    BargainingError,
    InvalidInput,
    OrganizingPlan,
    PlanGoal,
    PlanGoalKind,
    RecordNotFound,
    RuleViolation,
)
from tests.network_story import ORGANIZER, home, organize
from tests.refusals import position

UNTIL = date(2024, 12, 31)


def two_areas(app: BargainingApp) -> tuple[UUID, UUID, dict[str, UUID]]:
    """A sector team of long-term care with three locals, a region team of Ottawa with one
    (its home a municipal workplace), each working a plan."""
    ltc = app.organizing.form_team(name="Ontario long-term care", kind="sector",
                                   area="long-term care", on=date(2023, 11, 1), actor=ORGANIZER)
    ottawa = app.organizing.form_team(name="Ottawa", kind="region", area="Ottawa",
                                      on=date(2023, 11, 1), actor=ORGANIZER)
    homes = {local: home(app, ltc, local, date(2023, 11, 1))
             for local in ("Local 101", "Local 102", "Local 103")}
    homes["Local 503"] = home(app, ottawa, "Local 503", date(2023, 11, 1))
    for local, adopted, petition in (("Local 101", date(2024, 1, 10), date(2024, 3, 1)),
                                     ("Local 102", date(2024, 5, 1), date(2024, 7, 1)),
                                     ("Local 503", date(2024, 2, 1), date(2024, 4, 1))):
        organize(app, local, homes[local], adopted=adopted, plan="working", leaders=3,
                 petition=petition, until=UNTIL)
    return ltc, ottawa, homes


def test_a_plan_is_adopted_gains_goals_ends_and_reads_on_a_day(
        open_app: Callable[..., BargainingApp], store_kind: str) -> None:
    app = open_app()
    team = app.organizing.form_team(name="LTC", kind="sector", area="long-term care",
                                    on=date(2023, 11, 1), actor=ORGANIZER)
    place = home(app, team, "Local 101", date(2023, 11, 1))
    plan = app.organizing.adopt_plan(local="Local 101", name="Organize the home",
                                     on=date(2024, 1, 10), goals=[PlanGoal.map(place)],
                                     actor=ORGANIZER)
    app.organizing.add_goal(plan, goal=PlanGoal.leaders(place, workers_per_leader=15),
                            on=date(2024, 2, 1), actor=ORGANIZER)
    app.organizing.end_plan(plan, on=date(2024, 6, 1), actor=ORGANIZER, reason="achieved")
    again = app if store_kind == "memory" else open_app()
    found = again.organizing.plan(plan)
    assert isinstance(found, OrganizingPlan)
    assert (found.local, found.adopted_on, found.ended_on) == (
        "Local 101", date(2024, 1, 10), date(2024, 6, 1))
    assert [g.kind for g in found.goals] == [PlanGoalKind.MAP, PlanGoalKind.LEADERS]
    assert found.goals[1].target == 15 and found.workplaces == (place,)
    assert [g.kind for g in found.goals_on(date(2024, 1, 20))] == [PlanGoalKind.MAP]
    assert found.goals_on(date(2024, 6, 1)) == []  # ended that day
    assert again.organizing.plan(plan, on=date(2024, 1, 20)).ended_on is None
    assert again.organizing.plan(plan, version=1).goals == [PlanGoal.map(place)]
    with pytest.raises(RecordNotFound):
        again.organizing.plan(plan, on=date(2024, 1, 1))
    lines = [e.summary for e in again.history.of(plan)]
    assert lines[0] == ("Local 101 adopted the organizing plan 'Organize the home' on "
                        "2024-01-10 (map 80% of Local 101 home (a long-term care operator)), "
                        "recorded by the area team organizer")
    assert lines[1].startswith("the plan 'Organize the home' of Local 101 gained a goal on "
                               "2024-02-01: one leader per 15 workers in every work group")
    assert lines[2] == ("the plan 'Organize the home' of Local 101 ended on 2024-06-01, "
                        "recorded by the area team organizer")


@pytest.mark.parametrize("change, error, words", [
    (lambda app, plan, place: app.organizing.add_goal(
        plan, goal=PlanGoal.petition(place), on=date(2024, 1, 1), actor=ORGANIZER),
     InvalidInput, "before the plan was adopted"),
    (lambda app, plan, place: app.organizing.add_goal(
        plan, goal=PlanGoal.map(place), on=date(2024, 2, 1), actor=ORGANIZER),
     RuleViolation, "already has that goal"),
    (lambda app, plan, place: app.organizing.add_goal(
        plan, goal=PlanGoal.map(uuid4()), on=date(2024, 2, 1), actor=ORGANIZER),
     RecordNotFound, "no workplace is recorded"),
    (lambda app, plan, place: app.organizing.end_plan(
        plan, on=date(2023, 12, 31), actor=ORGANIZER),
     InvalidInput, "before it was adopted"),
    (lambda app, plan, place: app.organizing.adopt_plan(
        local="Local 101", name="Twice", on=date(2024, 1, 10),
        goals=[PlanGoal.map(place), PlanGoal.map(place)], actor=ORGANIZER),
     InvalidInput, "names each goal once"),
])
def test_refused_plan_changes_record_nothing(app: BargainingApp, change: Callable[..., object],
                                             error: type[BargainingError],
                                             words: str) -> None:
    team = app.organizing.form_team(name="LTC", kind="sector", area="long-term care",
                                    on=date(2023, 11, 1), actor=ORGANIZER)
    place = home(app, team, "Local 101", date(2023, 11, 1))
    plan = app.organizing.adopt_plan(local="Local 101", name="Organize the home",
                                     on=date(2024, 1, 10), goals=[PlanGoal.map(place)],
                                     actor=ORGANIZER)
    before = position(app)
    with pytest.raises(error, match=words):
        change(app, plan, place)
    assert position(app) == before


def test_an_ended_plan_gains_no_goal() -> None:
    place = uuid4()
    plan = OrganizingPlan.adopt(local="Local 101", name="p", on=date(2024, 1, 1),
                                goals=[PlanGoal.map(place)], actor=ORGANIZER)
    plan.end(on=date(2024, 2, 1), actor=ORGANIZER)
    with pytest.raises(RuleViolation, match="ended on 2024-02-01"):
        plan.add_goal(goal=PlanGoal.petition(place), on=date(2024, 3, 1), actor=ORGANIZER)
    with pytest.raises(RuleViolation, match="ended on 2024-02-01"):
        plan.end(on=date(2024, 3, 1), actor=ORGANIZER)


@pytest.mark.parametrize("make, words", [
    (lambda: PlanGoal.map(uuid4(), percent=0), "percentage above 0"),
    (lambda: PlanGoal.petition(uuid4(), threshold=101), "at most 100"),
    (lambda: PlanGoal.leaders(uuid4(), workers_per_leader=0), "at least 1"),
    (lambda: PlanGoal(kind="win", workplace=uuid4(), target=1), "a goal is one of"),
    (lambda: PlanGoal(kind="map the workplace", workplace="DXT4", target=80), "UUID"),
])
def test_goals_that_cannot_be_are_refused(make: Callable[[], PlanGoal], words: str) -> None:
    with pytest.raises(InvalidInput, match=words):
        make()


def test_measures_by_month_per_area_and_sector(open_app: Callable[..., BargainingApp],
                                               store_kind: str) -> None:
    app = open_app()
    two_areas(app)
    again = app if store_kind == "memory" else open_app()
    months = again.network.series(period="month", since=date(2024, 1, 1), until=UNTIL)
    assert len(months.readings) == 12
    assert months.of("locals_supported")[0] == (date(2024, 1, 1), 4)
    # Local 101's plan is real from January, Local 503's from February, Local 102's from May
    assert [v for _, v in months.of("locals_with_real_plans")][:6] == [1, 2, 2, 2, 3, 3]
    ltc = again.network.series(period="month", since=date(2024, 1, 1), until=UNTIL,
                               area="long-term care")
    assert [v for _, v in ltc.of("locals_with_real_plans")][:6] == [1, 1, 1, 1, 2, 2]
    assert ltc.of("locals_supported")[0][1] == 3
    ottawa = again.network.series(period="quarter", since=date(2024, 1, 1), until=UNTIL,
                                  area="Ottawa")
    assert [v for _, v in ottawa.of("active_leaders")] == [0, 3, 3, 3]
    by_sector = again.network.series(period="year", since=date(2024, 1, 1), until=UNTIL,
                                      sector="long-term care")
    whole = again.network.series(period="year", since=date(2024, 1, 1), until=UNTIL)
    # every home is a long-term care home: the sector keeps them all, the area only its own
    assert by_sector.readings == whole.readings
    assert whole.of("participants") == [(date(2024, 1, 1), 4 + 4 + 4)]  # presidents, leaders
    assert whole.of("elected_officers") == [(date(2024, 1, 1), 3)]
    assert again.network.series(period="year", since=date(2024, 1, 1), until=UNTIL,
                                sector="municipal").of("participants") == [
        (date(2024, 1, 1), 0)]


def test_a_reading_on_a_day_counts_participation_since_a_day(app: BargainingApp) -> None:
    two_areas(app)
    found = app.network.on(date(2024, 3, 31), since=date(2024, 1, 1))
    # Local 101: its president and 3 leaders; Local 503: its president and 3 leaders
    assert (found.participants, found.elected_officers, found.rank_and_file) == (8, 2, 6)
    assert found.officers_percent == Fraction(25)
    assert found.active_leaders == 3  # Local 503's petition is in April
    shorter = app.network.on(date(2024, 3, 31), since=date(2024, 1, 1), active_within=20)
    # nothing happened from March 12: the last maps and petitions were on March 1
    assert (shorter.active_leaders, shorter.locals_with_real_plans) == (0, 0)
    assert app.network.on(date(2024, 3, 31)).participants == 0


def test_an_officer_whose_term_ended_takes_part_as_rank_and_file(app: BargainingApp) -> None:
    team = app.organizing.form_team(name="LTC", kind="sector", area="long-term care",
                                    on=date(2023, 11, 1), actor=ORGANIZER)
    place = home(app, team, "Local 101", date(2023, 11, 1))
    board = app.democracy.body_id("Local 101", "executive board")
    app.democracy.end_term(board, role="president", person="pres-101", on=date(2024, 2, 29),
                           actor=ORGANIZER)
    app.organizing.identify_leader(place, group="Days", person="pres-101",
                                   on=date(2024, 2, 1), actor=ORGANIZER)
    app.organizing.take_part(place, people=["pres-101"], activity="a rally",
                             on=date(2024, 4, 1), actor=ORGANIZER)
    quarters = app.network.series(period="quarter", since=date(2024, 1, 1),
                                  until=date(2024, 6, 30))
    assert quarters.of("elected_officers") == [(date(2024, 1, 1), 1), (date(2024, 4, 1), 0)]
    assert quarters.of("rank_and_file") == [(date(2024, 1, 1), 0), (date(2024, 4, 1), 1)]


@pytest.mark.parametrize("ask, words", [
    (lambda app: app.network.series(period="week", since=date(2024, 1, 1)), "a period is"),
    (lambda app: app.network.series(since=date(2024, 2, 1), until=date(2024, 1, 1)),
     "cannot end"),
    (lambda app: app.network.on(date(2024, 1, 1), since=date(2024, 2, 1)), "cannot be counted"),
    (lambda app: app.network.on(date(2024, 1, 1), active_within=None), "window of activity"),
    (lambda app: app.network.on(date(2024, 1, 1), area=" "), "named in words"),
    (lambda app: app.network.series(since=date(2024, 1, 1)).of("contacts"), "a network measure"),
])
def test_questions_that_cannot_be_answered_are_refused(
        memory_app: BargainingApp, ask: Callable[[BargainingApp], object], words: str) -> None:
    with pytest.raises(InvalidInput, match=words):
        ask(memory_app)


def test_training_mentoring_calls_and_roles_count_as_participation(
        open_app: Callable[..., BargainingApp], store_kind: str) -> None:
    app = open_app()
    team = app.organizing.form_team(name="LTC", kind="sector", area="long-term care",
                                    on=date(2023, 11, 1), actor=ORGANIZER)
    home(app, team, "Local 101", date(2023, 11, 1))
    training = app.training
    session = training.hold_session(topic="house calls", on=date(2024, 1, 20), trainer="t-1",
                                    trainees=["m-1", "m-2", "m-3"], local="Local 101",
                                    actor=ORGANIZER)
    training.add_trainees(session, trainees=["m-4"], actor=ORGANIZER)
    training.pair(mentor="m-1", mentee="m-5", starts=date(2024, 2, 1), local="Local 101",
                  actor=ORGANIZER)
    calls = training.form_call_team(name="Nights callers", members=["m-2", "m-6"],
                                    on=date(2024, 4, 2), local="Local 101", actor=ORGANIZER)
    training.record_calls(calls, person="m-6", on=date(2024, 4, 9), made=40, reached=25,
                          actor=ORGANIZER)
    role = training.step_in(person="m-3", role="steward", local="Local 101",
                            on=date(2024, 4, 15), rank="rank-and-file member", first_role=True,
                            actor=ORGANIZER)
    officer = training.step_in(person="m-2", role="vice-president", local="Local 101",
                               on=date(2024, 5, 1), rank="elected officer", first_role=True,
                               actor=ORGANIZER)
    training.step_out(officer, on=date(2024, 5, 31), actor=ORGANIZER)
    training.step_out(role, on=date(2024, 12, 31), actor=ORGANIZER)
    again = app if store_kind == "memory" else open_app()
    quarters = again.network.series(period="quarter", since=date(2024, 1, 1),
                                    until=date(2024, 6, 30))
    # first quarter: the trainer and four trainees, the mentee; second: m-2 (calls, then
    # vice-president: an elected officer on the day they stepped in), m-6, m-3
    assert quarters.of("participants") == [(date(2024, 1, 1), 6), (date(2024, 4, 1), 3)]
    assert quarters.of("elected_officers") == [(date(2024, 1, 1), 0), (date(2024, 4, 1), 1)]
    in_area = again.network.series(period="year", since=date(2024, 1, 1),
                                   until=date(2024, 12, 31), area="long-term care")
    assert in_area.of("participants") == [(date(2024, 1, 1), 7)]  # t-1, m-1 to m-6
    elsewhere = again.network.on(date(2024, 6, 30), since=date(2024, 1, 1), area="Ottawa")
    assert elsewhere.participants == 0
    # after their term, m-2 takes part again as a rank-and-file member
    training.record_calls(calls, person="m-2", on=date(2024, 7, 2), made=10, reached=4,
                          actor=ORGANIZER)
    july = app.network.on(date(2024, 7, 31), since=date(2024, 7, 1))
    assert (july.participants, july.rank_and_file, july.elected_officers) == (1, 1, 0)
