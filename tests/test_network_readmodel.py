"""The network's read model answers exactly as reading the whole log did (the oracle: the
facts folded from every event at once, counted by the domain's ``series`` and ``reading``), on
generated histories asked between their steps, with back-filled facts and on a past day; it
reads only what was recorded since the last question, and is rebuilt with progress."""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Callable, Iterator
from contextlib import suppress
from datetime import date, timedelta
from pathlib import Path
from typing import Any
from uuid import UUID

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bargaining import BargainingApp, BargainingError, GroupTest, MapCount, PlanGoal
from bargaining.domain.organizing.network import Period, Scope, reading, series
from bargaining.readmodels.network.facts import KINDS, read_facts
from tests.network_story import ORGANIZER, home, organize
from tests.test_cli import bargaining

FIRST, LAST = date(2024, 1, 1), date(2024, 12, 31)
AREAS = ("long-term care", "Ottawa", "schools")
SECTORS = ("long-term care", "schools")
LOCALS = ("Local 1", "Local 2", "Local 3")
PEOPLE = ("p-1", "p-2", "p-3", "p-4")
GROUPS = ("Days", "Nights")

RANKS = ("elected officer", "rank-and-file member")
#: The steps of a generated history, the network's own more often than others.
KINDS_OF_STEP = ("support", "support", "map", "leader", "leader", "test", "test", "act", "act",
                 "leave", "plan", "plan", "goal", "body", "activist", "session", "join")
START = FIRST - timedelta(days=60)
#: The first and last days of the months, where a fact is in one period or the next.
EDGES = sorted({date(2024, m, 1) + timedelta(days=d) for m in range(1, 13) for d in (-1, 0)})
days = st.one_of(st.sampled_from(EDGES), st.dates(min_value=START, max_value=LAST))


def later(draw: Callable[..., Any], first: date) -> date:
    """A day from ``first`` to the end of the year, often the first or last of a month."""
    return draw(st.one_of(st.sampled_from([d for d in EDGES if d >= first] or [first]),
                          st.dates(min_value=first, max_value=max(first, LAST))))


def history(app: BargainingApp, draw: Callable[..., Any]) -> Iterator[None]:
    """A generated history of the network, one command at a time (yielding after each, so
    that questions can come between them): teams, workplaces with their groups, supports that
    begin and end, leaders identified, tested, taking part and leaving, maps, plans with and
    without goals, elected and other roles, activists stepping in and out, training. The days
    are drawn, so many facts are recorded after later ones (back-filled)."""
    org, choose = app.organizing, st.sampled_from
    teams = [org.form_team(name=f"team {n}", kind=draw(choose(["sector", "region"])),
                           area=draw(choose(AREAS)), on=START, actor=ORGANIZER)
             for n in range(draw(st.integers(1, 3)))]
    places = []
    for n in range(draw(st.integers(1, 3))):
        place = org.register_workplace(name=f"home {n}", employer="an operator",
                                       sector=draw(choose([*SECTORS, None])), actor=ORGANIZER)
        for group in GROUPS:
            org.add_group(place, name=group, kind="shift", workers=30, on=START,
                          actor=ORGANIZER)
        places.append(place)
    yield
    leaders: dict[tuple[UUID, str], date] = {}
    roles: list[tuple[UUID, date]] = []
    plans: list[tuple[UUID, date]] = []
    #: Supports not ended, members of a team, leaders ever identified at a workplace.
    supported: set[tuple[UUID, object]] = set()
    for n in range(draw(st.integers(15, 60))):
        team, place = draw(choose(teams)), draw(choose(places))
        on, person, local = draw(days), draw(choose(PEOPLE)), draw(choose(LOCALS))
        group = GROUPS[PEOPLE.index(person) % 2]
        kind = draw(choose(KINDS_OF_STEP))
        if kind == "support" and (team, local) not in supported and draw(st.booleans()):
            org.support_local(team, local=local, on=on, actor=ORGANIZER)
            if draw(st.booleans()):
                org.end_local_support(team, local=local, on=later(draw, on), actor=ORGANIZER)
            else:
                supported.add((team, local))
        elif kind == "support" and (team, place) not in supported:
            org.support_workplace(team, workplace=place, on=on, actor=ORGANIZER)
            if draw(st.booleans()):
                org.end_workplace_support(team, workplace=place, on=later(draw, on),
                                          actor=ORGANIZER)
            else:
                supported.add((team, place))
        elif kind == "map":
            org.record_map(place, group=group, count=MapCount(workers=30, mapped=10), on=on,
                           actor=ORGANIZER)
        elif kind == "leader" and (place, person) not in supported:
            supported.add((place, person))  # identified once, even after leaving
            org.identify_leader(place, group=group, person=person, on=on, actor=ORGANIZER)
            leaders[(place, person)] = on
            if draw(st.booleans()):  # proven soon, so that leaving later matters
                org.hold_test(place, GroupTest(group=group, kind="majority petition",
                                               eligible=30, participants=20,
                                               on=later(draw, on), leader=person),
                              actor=ORGANIZER)
        elif kind in ("test", "act", "leave") and leaders:
            (place, person), since = draw(choose(list(leaders.items())))
            when = later(draw, since)
            group = GROUPS[PEOPLE.index(person) % 2]
            if kind == "test":
                org.hold_test(place, GroupTest(group=group, kind="majority petition",
                                               eligible=30, participants=draw(choose([10, 20])),
                                               on=when, leader=person), actor=ORGANIZER)
            elif kind == "act":
                org.take_part(place, people=[person], activity="an action", on=when,
                              actor=ORGANIZER)
            else:
                org.leader_left(place, person=person, on=when, actor=ORGANIZER)
                del leaders[(place, person)]
        elif kind == "plan":
            goals = [PlanGoal.map(place)] if draw(st.booleans()) else []
            plan = org.adopt_plan(local=local, name="Organize", on=on, goals=goals,
                                  actor=ORGANIZER)
            plans.append((plan, on))
            if draw(st.booleans()):  # a goal added later: the plan is real only from then
                org.add_goal(plan, goal=PlanGoal.leaders(place), on=later(draw, on),
                             actor=ORGANIZER)
            if draw(st.booleans()):
                org.end_plan(plan, on=later(draw, on + timedelta(days=1)), actor=ORGANIZER)
        elif kind == "goal" and plans:
            plan, adopted = draw(choose(plans))
            with suppress(BargainingError):  # refused if the plan had ended: nothing recorded
                org.add_goal(plan, goal=PlanGoal.leaders(place), on=later(draw, adopted),
                             actor=ORGANIZER)
        elif kind == "body":
            board = app.democracy.form_body(organization=local, name=f"board {n}",
                                            kind="executive board", actor=ORGANIZER)
            app.democracy.add_role(board, name="president", actor=ORGANIZER)
            app.democracy.fill_role(board, role="president", person=person, starts=on,
                                    filled_by="election", rank=draw(choose(RANKS)),
                                    first_role=False, actor=ORGANIZER)
            if draw(st.booleans()):
                app.democracy.end_term(board, role="president", person=person,
                                       on=later(draw, on), actor=ORGANIZER)
        elif kind == "activist":
            role = app.training.step_in(person=person, role="steward", local=local, on=on,
                                        rank=draw(choose(RANKS)), first_role=True,
                                        actor=ORGANIZER)
            if draw(st.booleans()):
                app.training.step_out(role, on=later(draw, on), actor=ORGANIZER)
            roles.append((role, on))
        elif kind == "session":
            app.training.hold_session(topic="one-on-ones", on=on, trainer=person,
                                      trainees=[p for p in PEOPLE if p != person][:2],
                                      local=draw(choose([local, None])), actor=ORGANIZER)
        elif kind == "join" and (team, person) not in supported:
            supported.add((team, person))
            org.join(team, person=person, role=draw(choose(["volunteer", "organizer"])),
                     on=on, actor=ORGANIZER)
        yield


def oracle(app: BargainingApp, period: Period, area: str | None, sector: str | None,
           within: timedelta) -> Any:
    """The measures as first computed: the whole log read for the question."""
    return series(read_facts(app.eventsourcing.read_log), period, FIRST, LAST, area=area,
                  sector=sector, within=within)


@pytest.fixture
def memory_app() -> Iterator[BargainingApp]:
    app = BargainingApp("memory")
    yield app
    app.close()


@settings(max_examples=80, deadline=None, suppress_health_check=[
    HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(st.data())
def test_the_read_model_answers_as_reading_the_whole_log_did(data: st.DataObject) -> None:
    app = BargainingApp("memory")
    try:
        for _ in history(app, data.draw):
            if data.draw(st.integers(0, 4)) == 0:  # a question between steps: caught up
                app.network.on(LAST)
        period = data.draw(st.sampled_from(list(Period)))
        area = data.draw(st.sampled_from([None, None, *AREAS]))
        sector = data.draw(st.sampled_from([None, None, *SECTORS]))
        within = timedelta(days=data.draw(st.sampled_from([30, 90, 400])))
        found = app.network.series(period=period, since=FIRST, until=LAST, area=area,
                                   sector=sector, active_within=within)
        assert found == oracle(app, period, area, sector, within)
        day = data.draw(days)
        facts = read_facts(app.eventsourcing.read_log)
        assert app.network.on(day, since=START, area=area, sector=sector,
                              active_within=within) == reading(
            facts, Scope(facts, area, sector), START, day, within)
    finally:
        app.close()


def ontario(app: BargainingApp) -> tuple[UUID, dict[str, UUID]]:
    team = app.organizing.form_team(name="Ontario long-term care", kind="sector",
                                    area="long-term care", on=date(2023, 11, 1), actor=ORGANIZER)
    homes = {f"Local {n}": home(app, team, f"Local {n}", date(2023, 11, 1))
             for n in range(101, 104)}
    return team, homes


def test_only_what_was_recorded_since_the_last_question_is_read(
        open_app: Callable[..., BargainingApp]) -> None:
    app = open_app()
    _, homes = ontario(app)
    organize(app, "Local 101", homes["Local 101"], adopted=date(2024, 1, 10), plan="working",
             leaders=3, petition=date(2024, 3, 1), until=LAST)
    read: list[int] = []
    log = app.eventsourcing.read_log
    app.network.view._read_log = lambda after, limit, kinds: (  # type: ignore[method-assign]
        read.append(after) or log(after, limit, kinds))
    before = app.network.series(period="quarter", since=FIRST, until=LAST)
    assert read == [0] and app.network.view.position == app.eventsourcing.last_position()
    read.clear()
    assert app.network.series(period="quarter", since=FIRST, until=LAST) == before
    assert read == [app.network.view.position]  # asked from where it stopped; nothing new
    organize(app, "Local 102", homes["Local 102"], adopted=date(2024, 5, 1), plan="working",
             leaders=4, petition=date(2024, 7, 1), until=LAST)
    stopped = app.network.view.position
    read.clear()
    after = app.network.series(period="quarter", since=FIRST, until=LAST)
    assert read == [stopped]
    assert after != before
    assert after == oracle(app, Period.QUARTER, None, None, timedelta(days=90))


def test_a_back_filled_fact_counts_in_its_own_period_and_a_past_day_reads_as_before(
        open_app: Callable[..., BargainingApp]) -> None:
    app = open_app()
    _, homes = ontario(app)
    organize(app, "Local 101", homes["Local 101"], adopted=date(2024, 1, 10), plan="working",
             leaders=3, petition=date(2024, 3, 1), until=LAST)
    march = app.network.on(date(2024, 3, 31), since=date(2024, 3, 1))
    before = app.network.series(period="month", since=date(2023, 12, 1), until=LAST)
    app.training.hold_session(topic="one-on-ones", on=date(2023, 12, 5), trainer="t-1",
                              trainees=["r-101-1"], local="Local 101", actor=ORGANIZER)
    found = app.network.series(period="month", since=date(2023, 12, 1), until=LAST)
    # the session, recorded later, counts in December: its trainer and trainee took part
    assert found.readings[0].participants == before.readings[0].participants + 2
    assert found.readings[1:] == before.readings[1:]
    assert found == series(read_facts(app.eventsourcing.read_log), Period.MONTH,
                           date(2023, 12, 1), LAST, area=None, sector=None,
                           within=timedelta(days=90))
    assert app.network.on(date(2024, 3, 31), since=date(2024, 3, 1)) == march


def test_a_rebuild_folds_every_event_again_with_progress(
        open_app: Callable[..., BargainingApp], store_kind: str) -> None:
    app = open_app()
    _, homes = ontario(app)
    organize(app, "Local 101", homes["Local 101"], adopted=date(2024, 1, 10), plan="working",
             leaders=3, petition=date(2024, 3, 1), until=LAST)
    before = app.network.series(period="quarter", since=FIRST, until=LAST)
    heard: list[tuple[int, int | None]] = []
    folded = app.network.rebuild(progress=lambda done, total: heard.append((done, total)))
    assert folded == len(app.eventsourcing.read_log(0, 100_000, KINDS))
    last = app.eventsourcing.last_position()
    assert heard[0] == (0, last) and heard[-1] == (last, last)
    assert [d for d, _ in heard] == sorted(d for d, _ in heard)
    assert app.network.series(period="quarter", since=FIRST, until=LAST) == before
    if store_kind == "memory":
        return
    again = open_app()  # another application on the same store builds the same model
    assert again.network.series(period="quarter", since=FIRST, until=LAST) == before
    organize(again, "Local 102", homes["Local 102"], adopted=date(2024, 5, 1), plan="working",
             leaders=4, petition=date(2024, 7, 1), until=LAST)
    grown = again.network.series(period="quarter", since=FIRST, until=LAST)
    assert grown != before  # what another application recorded is read at the next question
    assert app.network.series(period="quarter", since=FIRST, until=LAST) == grown


def test_a_rebuild_refuses_a_progress_that_cannot_be_called(
        open_app: Callable[..., BargainingApp]) -> None:
    app = open_app()
    with pytest.raises(BargainingError, match="progress must be a callable"):
        app.network.rebuild(progress="a bar")  # type: ignore[arg-type]


def test_a_region_named_as_a_sector_counts_under_the_area_not_the_sector(
        memory_app: BargainingApp) -> None:
    app = memory_app
    region = app.organizing.form_team(name="A region", kind="region", area="long-term care",
                                      on=START, actor=ORGANIZER)
    home(app, region, "Local 7", START)
    on = date(2024, 6, 30)
    assert app.network.on(on, area="long-term care").locals_supported == 1
    assert app.network.on(on, sector="long-term care").locals_supported == 0
    facts = read_facts(app.eventsourcing.read_log)
    for area, sector in (("long-term care", None), (None, "long-term care")):
        assert app.network.on(on, area=area, sector=sector) == reading(
            facts, Scope(facts, area, sector), on, on, timedelta(days=90))


@pytest.mark.parametrize("before, active", [(90, 1), (91, 0)])
def test_a_leader_is_active_when_they_took_part_within_the_window_to_the_day(
        memory_app: BargainingApp, before: int, active: int) -> None:
    app = memory_app
    _, homes = ontario(app)
    place, on = homes["Local 101"], date(2024, 6, 30)
    app.organizing.identify_leader(place, group="Days", person="r-1", on=START, actor=ORGANIZER)
    app.organizing.hold_test(place, GroupTest(group="Days", kind="majority petition",
                                              eligible=30, participants=20, on=START,
                                              leader="r-1"), actor=ORGANIZER)
    app.organizing.take_part(place, people=["r-1"], activity="a rally",
                             on=on - timedelta(days=before), actor=ORGANIZER)
    assert app.network.on(on).active_leaders == active
    facts = read_facts(app.eventsourcing.read_log)
    assert app.network.on(on) == reading(facts, Scope(facts, None, None), on, on,
                                         timedelta(days=90))


def test_facts_handed_out_keep_what_they_held_when_more_is_recorded(
        memory_app: BargainingApp) -> None:
    app = memory_app
    _, homes = ontario(app)
    plan = app.organizing.adopt_plan(local="Local 101", name="Organize", on=FIRST, goals=[],
                                     actor=ORGANIZER)
    before = app.network.facts()
    app.organizing.add_goal(plan, goal=PlanGoal.map(homes["Local 101"]), on=FIRST,
                            actor=ORGANIZER)
    app.organizing.end_plan(plan, on=LAST, actor=ORGANIZER)
    after = app.network.facts()  # the goal and the end folded in
    assert [(len(p.goals), p.ended_on) for p in after.plans] == [(1, LAST)]
    assert [(p.goals, p.ended_on) for p in before.plans] == [([], None)]


def test_bargaining_rebuild_rebuilds_the_networks_measures(tmp_path: Path) -> None:
    store = str(tmp_path / "network.sqlite")
    with BargainingApp(store) as app:
        ontario(app)
        network = len(app.eventsourcing.read_log(0, 100_000, KINDS))
    done = bargaining("rebuild", "--json", store=store)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["network_applied"] == network > 0
    said = bargaining("rebuild", store=store).stdout
    assert f"the network's measures were rebuilt: {network:,} events of the network" in said


def test_the_benchmark_runs_small_and_finds_the_same_answers_both_ways(
        capsys: pytest.CaptureFixture[str]) -> None:
    folder = Path(__file__).resolve().parents[1] / "benchmarks"
    spec = importlib.util.spec_from_file_location("benchmark_network", folder / "network.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.main(["--workplaces", "3", "--areas", "2", "--runs", "1", "--new", "5"]) == 0
    shown = capsys.readouterr().out
    assert shown.count("ratio, log reread / read model") == 2  # memory and SQLite
    assert "after 5 new events: first question" in shown
