"""Steps for free_text.feature: a motion's words redacted, a worker's feedback erased with her."""

from __future__ import annotations

from datetime import date

from pytest_bdd import given, parsers, then, when

from bargaining import BodyType, DocumentKind, RedactionReason
from tests.steps_common import World
from tests.steps_personal_data import *  # noqa: F403
from tests.steps_personal_data import COMMITTEE, ORGANIZER


def _body(world: World) -> object:
    body = world.extra.get("body")
    if body is None:
        body = world.extra["body"] = world.app.democracy.form_body(
            organization="CSN", name="DXT4 organizing committee",
            kind=BodyType.COORDINATING_COMMITTEE, actor=ORGANIZER)
    return body


@given(parsers.parse("the DXT4 organizing committee met on {day}"))
def committee_met(world: World, day: str) -> None:
    world.extra["meeting"] = world.app.democracy.hold_meeting(
        _body(world), on=date.fromisoformat(day), notice_days=7, present=5, eligible=7,
        actor=ORGANIZER)


@given(parsers.parse('a motion was moved that reads "{text}"'))
def motion_moved(world: World, text: str) -> None:
    meeting = world.extra["meeting"]
    world.app.democracy.move(meeting, text=text, mover="w-dxt4-002", actor=ORGANIZER)
    world.extra["motion"] = (meeting, world.app.democracy.meeting(meeting).version)


@when(parsers.parse("the coordinating committee redacts the motion's words on {day}, as they "
                    "name a worker"))
def redact_motion(world: World, day: str) -> None:
    meeting, version = world.extra["motion"]
    world.result = world.app.people.redact(meeting, version, actor=COMMITTEE,
                                           on=date.fromisoformat(day),
                                           reason=RedactionReason.ABOUT_A_PERSON)


@then(parsers.parse('the motion reads "{shown}" in the history, and "{french}" in French'))
def motion_redacted(world: World, shown: str, french: str) -> None:
    meeting, version = world.extra["motion"]
    assert world.app.history.of(meeting)[version - 1].data["text"] == shown
    assert world.app.history.of(meeting, language="fr")[version - 1].data["text"] == french
    assert world.app.democracy.meeting(meeting).motions[-1].text == shown


@given(parsers.parse("the DXT4 organizing committee drafted its organizing plan on {day}"))
def plan_drafted(world: World, day: str) -> None:
    world.extra["document"] = world.app.democracy.draft_document(
        _body(world), title="DXT4 organizing plan", kind=DocumentKind.STRATEGY_PAPER,
        on=date.fromisoformat(day), where="https://example.org/dxt4/plan", actor=ORGANIZER)


@given(parsers.parse('worker "{person}" gave the feedback "{text}"'))
def feedback_given(world: World, person: str, text: str) -> None:
    document = world.extra["document"]
    world.app.democracy.give_feedback(document, version=1, given_by=person,
                                      on=date(2024, 4, 8), text=text, actor=ORGANIZER)
    world.extra["feedback"] = (document, world.app.democracy.document(document).version)
    assert world.app.history.of(document)[-1].data["text"] == text


@then(parsers.parse('her feedback reads "{shown}" in the history'))
def feedback_erased(world: World, shown: str) -> None:
    document, version = world.extra["feedback"]
    assert world.app.history.of(document)[version - 1].data["text"] == shown
