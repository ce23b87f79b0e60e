"""The campaigns' participation history: a read model made from the events alone, whose
position never moves backwards, correct with many writers on one store.

A campaign keeps what its rules need; every count and strike spell is the history's. Each test
compares the history's answers with those of a history rebuilt from the events, or with the
counts as recorded.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any
from uuid import UUID

import pytest

from bargaining import Actor, BargainingApp, InvalidInput, PlannedUnit, Turnout
from tests.threads import all_at_once

CHAIR = Actor("c-1", "committee")
LAUNCH = date(2026, 1, 5)
WRITERS = 3
ACTIONS_EACH = 4


def campaign_of(app: BargainingApp, n: int = 2, name: str = "C") -> tuple[UUID, list[UUID]]:
    units = [app.units.register(union="U", local=f"{name}{i}", employer="E", unit_name="n",
                                actor=CHAIR) for i in range(n)]
    return app.campaigns.launch(name=name, on=LAUNCH, units=units, actor=CHAIR), units


def hold(app: BargainingApp, campaign: UUID, units: list[UUID], day: date, took: int) -> None:
    number = app.campaigns.plan_action(
        campaign, name=f"action {day}", rung="organizing meeting", on=day, actor=CHAIR,
        units=[PlannedUnit(units[0], ("days", "nights")), *units[1:]])
    counts = [Turnout(units[0], 20, took, "days"), Turnout(units[0], 10, took // 2, "nights"),
              *(Turnout(u, 40, took) for u in units[1:])]
    app.campaigns.hold_action(campaign, number, counts, actor=CHAIR)


def answers(app: BargainingApp, campaign: UUID, units: list[UUID]) -> dict[str, Any]:
    return {
        "readiness": [app.campaigns.readiness(campaign, on=LAUNCH + timedelta(days=d)).table()
                      for d in (0, 9, 30, 400)],
        "series": app.campaigns.participation_series(campaign),
        "unit": app.campaigns.participation_series(campaign, unit=units[0]),
        "group": app.campaigns.participation_series(campaign, unit=units[0],
                                                    work_group="NIGHTS"),
        "strikes": [j.describe() for j in app.campaigns.job_actions(campaign)],
    }


def story(app: BargainingApp) -> tuple[UUID, list[UUID]]:
    campaign, units = campaign_of(app)
    for week in range(3):
        hold(app, campaign, units, LAUNCH + timedelta(days=7 * week + 1), 5 + 3 * week)
    hold(app, campaign, units, LAUNCH + timedelta(days=3), 9)  # back-dated
    app.campaigns.enter_strike(campaign, units[1], on=LAUNCH + timedelta(days=4),
                               back_on=LAUNCH + timedelta(days=6), actor=CHAIR)
    app.campaigns.enter_strike(campaign, units[0], on=LAUNCH + timedelta(days=8), actor=CHAIR)
    app.campaigns.return_from_strike(campaign, units[0], on=LAUNCH + timedelta(days=10),
                                     actor=CHAIR)
    app.campaigns.enter_strike(campaign, units[1], on=LAUNCH + timedelta(days=12),
                               part_day=True, hours=3, actor=CHAIR)
    return campaign, units


def test_a_rebuilt_history_answers_as_the_one_kept_after_each_save(app: BargainingApp) -> None:
    campaign, units = story(app)
    kept = answers(app, campaign, units)
    position = app.participation.position
    assert position == app.eventsourcing.recorder.max_notification_id()
    assert app.participation.rebuild() == 4 + 4  # four held actions, three walkouts, a return
    assert app.participation.position == position
    assert answers(app, campaign, units) == kept
    points = kept["group"]
    assert [(p.on, p.eligible, p.participants) for p in points] == [
        (LAUNCH + timedelta(days=1), 10, 2), (LAUNCH + timedelta(days=3), 10, 4),
        (LAUNCH + timedelta(days=8), 10, 4), (LAUNCH + timedelta(days=15), 10, 5)]


def test_a_save_applied_twice_is_applied_once_and_the_position_never_goes_back(
    app: BargainingApp,
) -> None:
    campaign, units = campaign_of(app)
    number = app.campaigns.plan_action(campaign, name="A", rung="organizing meeting",
                                       on=LAUNCH, actor=CHAIR)
    found = app.campaigns.get(campaign)
    found.hold_action(number, [Turnout(u, 10, 4) for u in units], actor=CHAIR)
    recordings = app.save(found)  # applied once by the history following the save
    position = app.participation.position
    assert app.participation.follow(recordings) == 0  # again: nothing
    assert app.participation.catch_up() == 0
    tables = app.participation.tables
    assert not tables.write(position - 1, position + 5, [])  # from behind: refused
    assert not tables.write(position, position, [])  # not forwards: refused
    assert app.participation.position == position
    assert len(app.campaigns.participation_series(campaign)) == 1


def test_events_recorded_without_the_history_following_are_read_at_the_next_answer(
    app: BargainingApp,
) -> None:
    followers = dict(app.eventsourcing.followers)
    app.eventsourcing.followers.clear()  # as a writer that crashed before following
    campaign, _ = story(app)
    app.eventsourcing.followers.update(followers)
    behind = app.participation.position
    assert behind < app.eventsourcing.recorder.max_notification_id()
    assert len(app.campaigns.participation_series(campaign)) == 4
    assert len(app.campaigns.job_actions(campaign)) == 3


@pytest.mark.parametrize("store_kind", ["sqlite", "postgres"])
def test_two_applications_on_one_store_read_what_the_other_recorded(
    open_app: Callable[..., BargainingApp], store_kind: str,
) -> None:
    first, second = open_app(), open_app()
    campaign, units = campaign_of(first)
    hold(first, campaign, units, LAUNCH + timedelta(days=1), 5)
    hold(second, campaign, units, LAUNCH + timedelta(days=2), 7)
    hold(first, campaign, units, LAUNCH + timedelta(days=3), 9)
    expected = answers(first, campaign, units)
    assert answers(second, campaign, units) == expected
    assert [p.participants for p in expected["series"]] == [12, 17, 22]
    assert first.participation.position == second.participation.position


def _write_campaign(app: BargainingApp, writer: int) -> None:
    campaign, units = campaign_of(app, name=f"W{writer}")
    for n in range(ACTIONS_EACH):
        hold(app, campaign, units, LAUNCH + timedelta(days=n + 1), 2 + n)


def _in_a_process(store: str, writer: int, ready: object) -> None:
    with BargainingApp(store) as app:
        ready.wait()  # type: ignore[attr-defined]
        _write_campaign(app, writer)


def _assert_complete(app: BargainingApp) -> None:
    moves: list[tuple[int, int]] = []
    tables = app.participation.tables
    original = tables.write

    def watched(start: int, end: int, changes: Any) -> bool:
        written = original(start, end, changes)
        if written:
            moves.append((start, end))
        return written

    tables.write = watched  # type: ignore[method-assign]
    totals = {}
    for w in range(WRITERS):
        campaign = next(c for c in _campaigns(app) if app.campaigns.get(c).name == f"W{w}")
        totals[w] = [p.participants for p in app.campaigns.participation_series(campaign)]
    took = [2 + n for n in range(ACTIONS_EACH)]  # days, nights (half) and the other unit
    assert totals == {w: [2 * t + t // 2 for t in took] for w in range(WRITERS)}
    assert all(end > start for start, end in moves)
    kept = {w: list(t) for w, t in totals.items()}
    app.participation.rebuild()
    for w in range(WRITERS):
        campaign = next(c for c in _campaigns(app) if app.campaigns.get(c).name == f"W{w}")
        assert [p.participants for p in app.campaigns.participation_series(campaign)] == kept[w]


def _campaigns(app: BargainingApp) -> list[UUID]:
    from bargaining import Campaign

    return [UUID(str(e.originator_id))
            for _, e in app.eventsourcing.read_log(0, 10_000, [Campaign])
            if e.originator_version == 1]


def test_threads_sharing_one_application_keep_the_history_complete(
    open_app: Callable[..., BargainingApp],
) -> None:
    app = open_app()
    assert all_at_once(WRITERS, lambda writer: _write_campaign(app, writer)) == []
    _assert_complete(app)


@pytest.mark.parametrize("store_kind", ["sqlite", "postgres"])
def test_processes_sharing_one_store_keep_the_history_complete(
    open_app: Callable[..., BargainingApp], store_url: str, store_kind: str,
) -> None:
    app = open_app()
    context = multiprocessing.get_context("spawn")
    ready = context.Event()
    workers = [context.Process(target=_in_a_process, args=(store_url, w, ready))
               for w in range(WRITERS)]
    for worker in workers:
        worker.start()
    ready.set()
    for worker in workers:
        worker.join(timeout=180)
    assert [worker.exitcode for worker in workers] == [0] * WRITERS
    _assert_complete(app)


def test_a_climb_dated_before_later_results_is_earned_by_the_result_before_it(
    app: BargainingApp,
) -> None:
    """The campaign keeps each unit's two latest results per rung; a climb dated before both
    (when there were more) asks the history, and is decided as on every count."""
    campaign, units = campaign_of(app, n=1)
    for day, took in ((1, 20), (10, 0), (11, 0)):  # passed, then two failed, dated later
        number = app.campaigns.plan_action(campaign, name=f"A{day}", rung="organizing meeting",
                                           on=LAUNCH + timedelta(days=day), actor=CHAIR)
        app.campaigns.hold_action(campaign, number, [Turnout(units[0], 40, took)], actor=CHAIR)
    found = app.campaigns.get(campaign)
    with pytest.raises(InvalidInput, match="is in the campaign's participation history"):
        found.escalate(on=LAUNCH + timedelta(days=5), actor=CHAIR)  # alone, it cannot tell
    assert app.campaigns.readiness(campaign, on=LAUNCH + timedelta(days=5)).can_climb
    app.campaigns.escalate(campaign, on=LAUNCH + timedelta(days=5), actor=CHAIR)
    moved = app.campaigns.get(campaign)
    assert moved.moves[-1].override is None and moved.rung.name == "union cards / sign-up"
    assert not app.campaigns.readiness(campaign, on=LAUNCH + timedelta(days=12)).units[
        0].passed_current
