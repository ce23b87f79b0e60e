"""Training sessions, mentoring, call teams, field plans and activists' roles: people only by
opaque ids, counts that add up, refusals that record nothing, readings on a day, and who
took part in what on which day; on every store."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bargaining import (
    Actor,
    BargainingApp,
    InvalidInput,
    Rank,
    RuleViolation,
    TookPart,
)
from tests.refusals import position
from tests.test_properties import quick

ORGANIZER = Actor("o-9", "training coordinator")


def test_a_session_counts_who_was_trained_and_reads_as_it_was(app: BargainingApp) -> None:
    training = app.training
    session = training.hold_session(topic="One-on-one conversations", on=date(2024, 2, 3),
                                    trainer="p-1", trainees=["p-2", "p-3"], local="CSN DXT4",
                                    actor=ORGANIZER)
    training.add_trainees(session, trainees=["p-4"], actor=ORGANIZER, reason="sign-in sheet")
    read = training.session(session)
    [held, added] = app.history.of(session)
    assert (read.topic, read.trainer, read.trainees, read.trained) == (
        "One-on-one conversations", "p-1", ["p-2", "p-3", "p-4"], 3)
    assert training.session(session, version=1).trained == 2
    # trained on the session's day, whenever the sign-in sheet was recorded
    assert training.session(session, on=date(2024, 2, 3)).trained == 3
    assert added.occurred_on == date(2024, 2, 3)
    assert training.session(session, at=datetime.now(UTC)).trained == 3
    assert held.summary == ("Training on 'One-on-one conversations' of CSN DXT4 held on "
                            "2024-02-03: 2 people trained, recorded by the training coordinator")
    assert held.occurred_on == date(2024, 2, 3)
    assert "p-" not in held.summary + added.summary  # people are counted, never named
    before = position(app)
    with pytest.raises(RuleViolation, match="1 of them already took part"):
        training.add_trainees(session, trainees=["p-2"], actor=ORGANIZER)
    with pytest.raises(InvalidInput, match="the trainer is not one of their own trainees"):
        training.hold_session(topic="x", on=date(2024, 2, 3), trainer="p-1",
                              trainees=["p-1"], actor=ORGANIZER)
    with pytest.raises(InvalidInput, match="each of the trainees is named once"):
        training.hold_session(topic="x", on=date(2024, 2, 3), trainer="p-1",
                              trainees=["p-2", "p-2"], actor=ORGANIZER)
    with pytest.raises(InvalidInput, match="list of the ids"):
        training.hold_session(topic="x", on=date(2024, 2, 3), trainer="p-1",
                              trainees="p-2", actor=ORGANIZER)
    assert position(app) == before


def test_mentoring_pairs_from_and_to(app: BargainingApp) -> None:
    training = app.training
    pair = training.pair(mentor="p-1", mentee="p-2", starts=date(2024, 2, 5), actor=ORGANIZER)
    training.end_mentoring(pair, on=date(2024, 8, 1), actor=ORGANIZER)
    read = training.mentoring(pair)
    assert (read.mentor, read.mentee, read.starts, read.ends) == (
        "p-1", "p-2", date(2024, 2, 5), date(2024, 8, 1))
    assert read.active_on(date(2024, 8, 1)) and not read.active_on(date(2024, 8, 2))
    assert training.mentoring(pair, on=date(2024, 7, 1)).ends is None
    before = position(app)
    with pytest.raises(RuleViolation, match="already ended on 2024-08-01"):
        training.end_mentoring(pair, on=date(2024, 9, 1), actor=ORGANIZER)
    with pytest.raises(InvalidInput, match="two people"):
        training.pair(mentor="p-1", mentee="p-1", starts=date(2024, 2, 5), actor=ORGANIZER)
    assert position(app) == before


def test_a_call_teams_counts_per_member_and_day(app: BargainingApp) -> None:
    training = app.training
    team = training.form_call_team(name="Night shift callers", members=["p-2", "p-3"],
                                   on=date(2024, 3, 1), local="CSN DXT4", actor=ORGANIZER)
    training.join_call_team(team, person="p-4", on=date(2024, 3, 2), actor=ORGANIZER)
    training.record_calls(team, person="p-2", on=date(2024, 3, 3), made=40, reached=18,
                          actor=ORGANIZER)
    training.record_calls(team, person="p-4", on=date(2024, 3, 3), made=30, reached=12,
                          actor=ORGANIZER)
    training.record_calls(team, person="p-4", on=date(2024, 3, 4), made=10, reached=10,
                          actor=ORGANIZER)
    training.leave_call_team(team, person="p-4", on=date(2024, 3, 9), actor=ORGANIZER)
    read = training.call_team(team)
    assert (read.made, read.reached) == (80, 40)
    assert read.by_day() == {date(2024, 3, 3): (70, 30), date(2024, 3, 4): (10, 10)}
    assert read.by_member() == {"p-2": (40, 18), "p-4": (40, 22)}
    assert read.members_on(date(2024, 3, 5)) == ["p-2", "p-3", "p-4"]
    assert read.members_on(date(2024, 3, 10)) == ["p-2", "p-3"]
    assert training.call_team(team, on=date(2024, 3, 3)).made == 70
    before = position(app)
    with pytest.raises(RuleViolation, match="31 calls reached cannot be: only 30 were made"):
        training.record_calls(team, person="p-2", on=date(2024, 3, 5), made=30, reached=31,
                              actor=ORGANIZER)
    with pytest.raises(RuleViolation, match="was not on the call team 'Night shift callers' "
                                            "on 2024-03-10"):
        training.record_calls(team, person="p-4", on=date(2024, 3, 10), made=1, reached=0,
                              actor=ORGANIZER)
    with pytest.raises(RuleViolation, match="already on the call team"):
        training.join_call_team(team, person="p-2", on=date(2024, 3, 5), actor=ORGANIZER)
    with pytest.raises(InvalidInput, match="rejoins after the day they left"):
        training.join_call_team(team, person="p-4", on=date(2024, 3, 9), actor=ORGANIZER)
    with pytest.raises(RuleViolation, match="calls are recorded after that day"):
        training.leave_call_team(team, person="p-2", on=date(2024, 3, 2), actor=ORGANIZER)
    assert position(app) == before
    training.join_call_team(team, person="p-4", on=date(2024, 4, 1), actor=ORGANIZER)
    assert training.call_team(team).members_on(date(2024, 4, 1)) == ["p-2", "p-3", "p-4"]


def test_a_local_instantiates_a_field_plan_template(app: BargainingApp) -> None:
    training = app.training
    template = training.draft_template(
        name="First 90 days", steps=["map every shift", "one-on-ones", "majority petition"],
        actor=ORGANIZER)
    plan = training.adopt_plan(template, local="CSN DXT4", on=date(2024, 3, 1),
                               actor=ORGANIZER)
    training.complete_step(plan, step="map every shift", on=date(2024, 3, 20), actor=ORGANIZER)
    training.complete_step(plan, step="one-on-ones", on=date(2024, 4, 10), actor=ORGANIZER)
    read = training.plan(plan)
    assert (read.local, read.template, read.template_id, read.progress) == (
        "CSN DXT4", "First 90 days", template, (2, 3))
    assert read.done_by(date(2024, 3, 31)) == ["map every shift"]
    assert training.plan(plan, on=date(2024, 3, 31)).progress == (1, 3)
    before = position(app)
    with pytest.raises(InvalidInput, match="has no step 'strike'"):
        training.complete_step(plan, step="strike", on=date(2024, 5, 1), actor=ORGANIZER)
    with pytest.raises(RuleViolation, match="was done on 2024-03-20"):
        training.complete_step(plan, step="map every shift", on=date(2024, 5, 1),
                               actor=ORGANIZER)
    with pytest.raises(InvalidInput, match="before the plan was adopted"):
        training.complete_step(plan, step="majority petition", on=date(2024, 2, 1),
                               actor=ORGANIZER)
    with pytest.raises(InvalidInput, match="names each step once"):
        training.draft_template(name="x", steps=["a", "a"], actor=ORGANIZER)
    assert position(app) == before


def test_activists_step_into_roles_and_out(app: BargainingApp) -> None:
    training = app.training
    role = training.step_in(person="p-2", role="shop steward", local="CSN DXT4",
                            on=date(2024, 6, 1), rank=Rank.RANK_AND_FILE, first_role=True,
                            actor=ORGANIZER)
    training.step_out(role, on=date(2025, 1, 31), actor=ORGANIZER)
    read = training.activist_role(role)
    assert (read.person, read.rank, read.first_role, read.starts, read.ends) == (
        "p-2", Rank.RANK_AND_FILE, True, date(2024, 6, 1), date(2025, 1, 31))
    assert training.activist_role(role, on=date(2024, 12, 1)).active_on(date(2024, 12, 1))
    before = position(app)
    with pytest.raises(InvalidInput, match="a rank is one of rank-and-file member, elected "
                                           "officer"):
        training.step_in(person="p-3", role="steward", local="CSN DXT4", on=date(2024, 6, 1),
                         rank="boss", first_role=True, actor=ORGANIZER)
    with pytest.raises(InvalidInput, match="before the day they stepped in"):
        training.step_out(training.step_in(
            person="p-3", role="steward", local="CSN DXT4", on=date(2024, 6, 1),
            rank="elected officer", first_role=False, actor=ORGANIZER),
            on=date(2024, 5, 1), actor=ORGANIZER)
    assert position(app) == before + 1  # the second role was stepped into, not out of


def test_who_took_part_in_what_on_which_day(app: BargainingApp) -> None:
    training = app.training
    session = training.hold_session(topic="Structure tests", on=date(2024, 2, 3),
                                    trainer="p-1", trainees=["p-2"], actor=ORGANIZER)
    training.add_trainees(session, trainees=["p-3"], actor=ORGANIZER)
    pair = training.pair(mentor="p-1", mentee="p-3", starts=date(2024, 2, 10), local="DXT4",
                         actor=ORGANIZER)
    team = training.form_call_team(name="Callers", members=["p-2"], on=date(2024, 3, 1),
                                   local="DXT4", actor=ORGANIZER)
    training.record_calls(team, person="p-2", on=date(2024, 3, 2), made=20, reached=9,
                          actor=ORGANIZER)
    role = training.step_in(person="p-3", role="steward", local="DXT4", on=date(2024, 6, 1),
                            rank="rank-and-file member", first_role=True, actor=ORGANIZER)
    rows = training.took_part()
    assert [(r.person, r.what, r.on) for r in rows] == [
        ("p-1", "led a training", date(2024, 2, 3)), ("p-2", "trained", date(2024, 2, 3)),
        ("p-3", "trained", date(2024, 2, 3)), ("p-1", "mentor", date(2024, 2, 10)),
        ("p-3", "mentee", date(2024, 2, 10)), ("p-2", "joined a call team", date(2024, 3, 1)),
        ("p-2", "made calls", date(2024, 3, 2)), ("p-3", "stepped into a role",
                                                  date(2024, 6, 1))]
    assert rows[6] == TookPart("p-2", "made calls", date(2024, 3, 2), team, "Callers", "DXT4",
                               made=20, reached=9)
    assert rows[7].rank is Rank.RANK_AND_FILE and rows[7].first_role and rows[7].record == role
    assert rows[3].record == pair
    march = training.took_part(since=date(2024, 3, 1), until=date(2024, 3, 31))
    assert [r.what for r in march] == ["joined a call team", "made calls"]
    with pytest.raises(InvalidInput, match="before the first"):
        training.took_part(since=date(2024, 3, 1), until=date(2024, 2, 1))


def test_records_load_the_same_in_a_new_application(
        open_app: Callable[..., BargainingApp]) -> None:
    first = open_app()
    team = first.training.form_call_team(name="Callers", members=["p-2"], on=date(2024, 3, 1),
                                         actor=ORGANIZER)
    first.training.record_calls(team, person="p-2", on=date(2024, 3, 2), made=5, reached=2,
                                actor=ORGANIZER)
    read = first.training.call_team(team)
    assert (read.made, read.reached, read.version) == (5, 2, 2)
    assert len(first.training.took_part()) == 2


@given(calls=st.lists(st.tuples(st.integers(0, 50), st.integers(0, 60)), max_size=10))
@quick(40)
def test_reached_never_exceeds_made(calls: list[tuple[int, int]]) -> None:
    """Whatever is tried, the team's counts add up to the calls accepted, reached never
    exceeds made, per day and in all, and a refused count records nothing."""
    with BargainingApp("memory") as app:
        team = app.training.form_call_team(name="Callers", members=["p-1"],
                                           on=date(2024, 3, 1), actor=ORGANIZER)
        accepted = []
        for day, (made, reached) in enumerate(calls, start=1):
            before = position(app)
            try:
                app.training.record_calls(team, person="p-1", on=date(2024, 3, day),
                                          made=made, reached=reached, actor=ORGANIZER)
                accepted.append((made, reached))
            except RuleViolation:
                assert reached > made and position(app) == before
        read = app.training.call_team(team)
        assert (read.made, read.reached) == (sum(m for m, _ in accepted),
                                             sum(r for _, r in accepted))
        assert all(r <= m for m, r in read.by_day().values())
