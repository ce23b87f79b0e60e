"""Step definitions for training.feature: sessions, mentoring, a call team's counts, a field
plan instantiated by a local, an activist stepping into a role."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from uuid import UUID

import pytest
from pytest_bdd import given, parsers, then, when

from bargaining import Actor, BargainingApp, Rank
from tests.refusals import Refusals

COORDINATOR = Actor("t-1", "training coordinator")


@dataclass
class Pathways(Refusals):
    app: BargainingApp
    records: dict[str, UUID] = field(default_factory=dict)


@pytest.fixture
def paths() -> Iterator[Pathways]:
    app = BargainingApp("memory")
    state = Pathways(app)
    yield state
    app.close()
    state.ok()


def day(text: str) -> date:
    return date.fromisoformat(text)


@when(parsers.parse("the network trains {count:d} workers of {local} in one-on-one "
                    "conversations on {on}"))
def trains(paths: Pathways, count: int, local: str, on: str) -> None:
    paths.records["session"] = paths.app.training.hold_session(
        topic="One-on-one conversations", on=day(on), trainer="p-1",
        trainees=[f"p-{n}" for n in range(2, count + 2)], local=local, actor=COORDINATOR)


@when(parsers.parse("a sign-in sheet found later adds {count:d} more worker"))
def sign_in(paths: Pathways, count: int) -> None:
    paths.app.training.add_trainees(paths.records["session"],
                                    trainees=[f"p-{100 + n}" for n in range(count)],
                                    actor=COORDINATOR, reason="sign-in sheet")


@then(parsers.parse("the session counts {count:d} people trained"))
def trained(paths: Pathways, count: int) -> None:
    assert paths.app.training.session(paths.records["session"]).trained == count


@then(parsers.parse('its history reads "{words}"'))
def history(paths: Pathways, words: str) -> None:
    assert any(words in e.summary for e in paths.app.history.of(paths.records["session"]))


@when(parsers.parse("a steward mentors a new activist from {on}"))
def mentors(paths: Pathways, on: str) -> None:
    paths.records["pair"] = paths.app.training.pair(mentor="p-1", mentee="p-2",
                                                    starts=day(on), actor=COORDINATOR)


@when(parsers.parse("the mentoring ends on {on}"))
def ends(paths: Pathways, on: str) -> None:
    paths.app.training.end_mentoring(paths.records["pair"], on=day(on), actor=COORDINATOR)


@then(parsers.parse("the pair was mentoring on {during} and not on {after}"))
def mentoring(paths: Pathways, during: str, after: str) -> None:
    pair = paths.app.training.mentoring(paths.records["pair"])
    assert pair.active_on(day(during)) and not pair.active_on(day(after))


@given(parsers.parse('a call team "{name}" formed on {on} with {count:d} members'))
def team(paths: Pathways, name: str, on: str, count: int) -> None:
    paths.records["team"] = paths.app.training.form_call_team(
        name=name, members=[f"p-{20 + n}" for n in range(1, count + 1)], on=day(on),
        actor=COORDINATOR)


@when("its members record their calls:")
def calls(paths: Pathways, datatable: list[list[str]]) -> None:
    for member, on, made, reached in datatable[1:]:
        paths.app.training.record_calls(paths.records["team"], person=member, on=day(on),
                                        made=int(made), reached=int(reached),
                                        actor=COORDINATOR)


@then(parsers.parse("the team made {made:d} calls and reached {reached:d}"))
def totals(paths: Pathways, made: int, reached: int) -> None:
    found = paths.app.training.call_team(paths.records["team"])
    assert (found.made, found.reached) == (made, reached)


@then(parsers.parse("on {on} it made {made:d} calls and reached {reached:d}"))
def on_day(paths: Pathways, on: str, made: int, reached: int) -> None:
    assert paths.app.training.call_team(paths.records["team"]).by_day()[day(on)] == (made,
                                                                                    reached)


@when(parsers.parse("a member records {reached:d} calls reached of {made:d} made on {on}"))
def too_many(paths: Pathways, reached: int, made: int, on: str) -> None:
    paths.attempt(lambda: paths.app.training.record_calls(
        paths.records["team"], person="p-21", on=day(on), made=made, reached=reached,
        actor=COORDINATOR))


@then(parsers.parse('it is refused: "{words}"'))
def refused(paths: Pathways, words: str) -> None:
    assert words in str(paths.refusal())


@then("nothing new is recorded")
def nothing(paths: Pathways) -> None:
    paths.nothing_recorded()


@given(parsers.parse('the network\'s field plan template "{name}" with the steps: {steps}'))
def template(paths: Pathways, name: str, steps: str) -> None:
    paths.records["template"] = paths.app.training.draft_template(
        name=name, steps=steps.split(", "), actor=COORDINATOR)


@when(parsers.parse("{local} adopts it on {on}"))
def adopts(paths: Pathways, local: str, on: str) -> None:
    paths.records["plan"] = paths.app.training.adopt_plan(paths.records["template"],
                                                          local=local, on=day(on),
                                                          actor=COORDINATOR)


@when(parsers.parse("{local} maps every shift by {on}"))
def step_done(paths: Pathways, local: str, on: str) -> None:
    assert paths.app.training.plan(paths.records["plan"]).local == local
    paths.app.training.complete_step(paths.records["plan"], step="map every shift",
                                     on=day(on), actor=COORDINATOR)


@then(parsers.parse("{local}'s plan has {done:d} of {steps:d} steps done"))
def progress(paths: Pathways, local: str, done: int, steps: int) -> None:
    plan = paths.app.training.plan(paths.records["plan"])
    assert (plan.local, plan.progress) == (local, (done, steps))


@when(parsers.parse("a rank-and-file member steps into the role of {role} in {local} on "
                    "{on}, their first role"))
def steps_in(paths: Pathways, role: str, local: str, on: str) -> None:
    paths.records["role"] = paths.app.training.step_in(
        person="p-7", role=role, local=local, on=day(on), rank=Rank.RANK_AND_FILE,
        first_role=True, actor=COORDINATOR)


@then(parsers.parse("on {until} the record shows who took part: a rank-and-file member "
                    "stepped into a role, their first"))
def took_part(paths: Pathways, until: str) -> None:
    [row] = paths.app.training.took_part(until=day(until))
    assert (row.what, row.rank, row.first_role, row.record) == (
        "stepped into a role", Rank.RANK_AND_FILE, True, paths.records["role"])
