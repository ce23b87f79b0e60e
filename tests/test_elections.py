"""Elections and caucuses: the rules of a count, refusals that record nothing, reading the
count as it stood (on every store), runoffs, and caucuses through their life."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from uuid import UUID, uuid4

import pytest

from bargaining import (
    BargainingApp,
    BargainingError,
    Body,
    CandidateNotFound,
    InvalidInput,
    LocalNotInCaucus,
    RecordNotFound,
    ReturnDoesNotAddUp,
    RuleViolation,
    Tally,
    Vote,
)
from tests.election_story import MONITOR, ORGANIZER
from tests.refusals import position

DAY = date(2023, 3, 1)


def election(app: BargainingApp, *candidates: str, majority: object = 50,
             runoff: bool = True) -> UUID:
    found = app.elections.open(office="President", body=Body.members(), majority=majority,
                               runoff=runoff, actor=MONITOR)
    for candidate in candidates:
        app.elections.nominate(found, candidate=candidate, slate=f"slate {candidate}",
                               actor=MONITOR)
    return found


def refused(app: BargainingApp, error: type[BargainingError], words: str,
            command: Callable[[], object]) -> None:
    before = position(app)
    with pytest.raises(error) as caught:
        command()
    assert words in str(caught.value)
    assert position(app) == before


def test_the_count_reads_as_it_stood_on_a_day_and_as_known_at_a_moment(
        app: BargainingApp) -> None:
    found = election(app, "a", "b")
    app.elections.record_return(found, box="north", ballots=110, votes={"a": 60, "b": 40},
                                challenged=10, on=DAY, actor=MONITOR)
    known = datetime.now(UTC)
    app.elections.resolve_challenges(found, counted={"b": 8}, rejected=2,
                                     on=date(2023, 3, 5), actor=MONITOR)
    assert app.elections.standing(found).lead == 12
    assert app.elections.standing(found, on=date(2023, 3, 4)).lead == 20
    assert app.elections.standing(found, at=known).challenged == 10
    reloaded = app.elections.get(found)
    assert [(c.id, c.slate) for c in reloaded.candidates] == [("a", "slate a"),
                                                                ("b", "slate b")]
    assert reloaded.boxes == {"north": 110}


def test_returns_and_resolutions_that_cannot_be_true_are_refused(
        memory_app: BargainingApp) -> None:
    app = memory_app
    found = election(app, "a", "b")
    refused(app, ReturnDoesNotAddUp, "does not add up", lambda: app.elections.record_return(
        found, box="north", ballots=100, votes={"a": 60, "b": 39}, on=DAY, actor=MONITOR))
    refused(app, CandidateNotFound, "no such candidate", lambda: app.elections.record_return(
        found, box="north", ballots=10, votes={"z": 10}, on=DAY, actor=MONITOR))
    refused(app, RuleViolation, "cannot be negative", lambda: app.elections.record_return(
        found, box="north", ballots=10, votes={"a": 11, "b": -1}, on=DAY, actor=MONITOR))
    app.elections.record_return(found, box="north", ballots=10, votes={"a": 6, "b": 4},
                                on=DAY, actor=MONITOR)
    refused(app, RuleViolation, "already returned", lambda: app.elections.record_return(
        found, box="North", ballots=10, votes={"a": 6, "b": 4}, on=DAY, actor=MONITOR))
    other = election(app)
    refused(app, RecordNotFound, "caucus", lambda: app.elections.nominate(
        other, candidate="c", backed_by=[uuid4()], actor=MONITOR))
    refused(app, RuleViolation, "nominations for President closed",
            lambda: app.elections.nominate(found, candidate="c", actor=MONITOR))
    refused(app, InvalidInput, "at least one challenged ballot",
            lambda: app.elections.resolve_challenges(found, counted={}, on=DAY,
                                                     actor=MONITOR))
    refused(app, InvalidInput, "cannot be blank", lambda: app.elections.record_return(
        found, box=" ", ballots=0, votes={}, on=DAY, actor=MONITOR))


def test_a_declaration_needs_the_leader_and_a_decided_count(memory_app: BargainingApp) -> None:
    app = memory_app
    found = election(app, "a", "b")
    app.elections.record_return(found, box="north", ballots=100, votes={"a": 52, "b": 40},
                                challenged=8, on=DAY, actor=MONITOR)
    refused(app, RuleViolation, "does not lead", lambda: app.elections.declare(
        found, candidate="b", on=DAY, actor=MONITOR))
    refused(app, RuleViolation, "cannot come before the count it rests on, last counted on "
            "2023-03-01", lambda: app.elections.declare(found, candidate="a",
                                                         on=date(2023, 2, 28), actor=MONITOR))
    app.elections.declare(found, candidate="a", on=DAY, actor=MONITOR,
                          reason="12 ahead with 8 challenged left")
    refused(app, RuleViolation, "already declared", lambda: app.elections.declare(
        found, candidate="a", on=DAY, actor=MONITOR))
    refused(app, RuleViolation, "already decided", lambda: app.elections.call_runoff(
        found, on=DAY, actor=MONITOR))


def test_a_plurality_election_is_decided_by_the_lead_alone(memory_app: BargainingApp) -> None:
    app = memory_app
    found = election(app, "a", "b", "c", majority=None, runoff=False)
    app.elections.record_return(found, box="hall", ballots=100,
                                votes={"a": 40, "b": 30, "c": 28}, challenged=2, on=DAY,
                                actor=MONITOR)
    app.elections.declare(found, candidate="a", on=DAY, actor=MONITOR)
    assert app.elections.get(found).declared == "a"
    with pytest.raises(InvalidInput, match="name the majority"):
        app.elections.open(office="Trustee", body=Body.members(), majority=None,
                           actor=MONITOR)


def test_a_runoff_is_called_only_when_the_rules_call_for_one(memory_app: BargainingApp) -> None:
    app = memory_app
    found = election(app, "a", "b", "c")
    app.elections.record_return(found, box="hall", ballots=100,
                                votes={"a": 40, "b": 30, "c": 28}, challenged=2, on=DAY,
                                actor=MONITOR)
    refused(app, RuleViolation, "2 challenged ballots are left",
            lambda: app.elections.call_runoff(found, on=DAY, actor=MONITOR))
    app.elections.resolve_challenges(found, counted={"c": 2}, on=DAY, actor=MONITOR)
    refused(app, RuleViolation, "a runoff on 2023-02-01 cannot come before",
            lambda: app.elections.call_runoff(found, on=date(2023, 2, 1), actor=MONITOR,
                                              candidates=["a", "c"]))
    refused(app, RuleViolation, "second place is tied",
            lambda: app.elections.call_runoff(found, on=DAY, actor=MONITOR))
    runoff = app.elections.call_runoff(found, on=DAY, actor=MONITOR, candidates=["a", "c"],
                                       reason="the tie went to the longer-serving member")
    assert [c.id for c in app.elections.get(runoff).candidates] == ["a", "c"]
    assert app.elections.get(runoff).runoff is False
    refused(app, RuleViolation, "went to a runoff", lambda: app.elections.declare(
        found, candidate="a", on=DAY, actor=MONITOR))

    single = election(app, "a", "b", runoff=False)
    app.elections.record_return(single, box="hall", ballots=10, votes={"a": 5, "b": 5},
                                on=DAY, actor=MONITOR)
    refused(app, RuleViolation, "call for no runoff",
            lambda: app.elections.call_runoff(single, on=DAY, actor=MONITOR))
    won = election(app, "a", "b")
    app.elections.record_return(won, box="hall", ballots=10, votes={"a": 6, "b": 4},
                                on=DAY, actor=MONITOR)
    refused(app, RuleViolation, "has the majority needed",
            lambda: app.elections.call_runoff(won, on=DAY, actor=MONITOR))


def test_a_caucus_through_its_life(app: BargainingApp) -> None:
    caucus = app.caucuses.form(name="Public-sector caucus", unions=["CSN", "FTQ"],
                               on=date(2024, 12, 8), origin="the Common Front solidarity "
                               "campaign", actor=ORGANIZER)
    app.caucuses.join(caucus, local="Local A", members=40, on=date(2024, 12, 8),
                      actor=ORGANIZER)
    app.caucuses.join(caucus, local="Local B", members=25, on=date(2025, 2, 1),
                      actor=ORGANIZER)
    app.caucuses.count_members(caucus, local="Local A", members=55, on=date(2025, 3, 1),
                               actor=ORGANIZER)
    assert app.caucuses.get(caucus).members == 80
    assert app.caucuses.get(caucus, on=date(2025, 1, 1)).locals == {"Local A": 40}
    app.caucuses.leave(caucus, local="Local B", on=date(2025, 4, 1), actor=ORGANIZER)
    assert app.caucuses.get(caucus).locals == {"Local A": 55}
    refused(app, LocalNotInCaucus, "not in the caucus", lambda: app.caucuses.leave(
        caucus, local="Local B", on=date(2025, 5, 1), actor=ORGANIZER))
    refused(app, RuleViolation, "already in the caucus", lambda: app.caucuses.join(
        caucus, local="Local A", members=1, on=date(2025, 5, 1), actor=ORGANIZER))
    lost = Vote(date(2025, 5, 1), Tally(eligible=50, cast=40, yes=10, no=30))
    refused(app, RuleViolation, "this one failed", lambda: app.caucuses.adopt_position(
        caucus, title="Strike together in 2028", on=date(2025, 5, 1), vote=lost,
        actor=ORGANIZER))
    refused(app, RecordNotFound, "campaign", lambda: app.caucuses.support(
        caucus, campaign=uuid4(), on=date(2025, 5, 1), actor=ORGANIZER))
    refused(app, RecordNotFound, "election", lambda: app.caucuses.run_slate(
        caucus, slate="Members First", election=uuid4(), on=date(2025, 5, 1),
        actor=ORGANIZER))
    app.caucuses.adopt_position(caucus, title="Strike together in 2028",
                                on=date(2025, 5, 1), actor=ORGANIZER)
    assert app.caucuses.get(caucus).positions == {"Strike together in 2028": date(2025, 5, 1)}


def test_members_join_a_caucus_by_the_ids_the_host_gives(app: BargainingApp) -> None:
    caucus = app.caucuses.form(name="Public-sector caucus", unions=["CSN", "FTQ"],
                               on=date(2024, 12, 8), actor=ORGANIZER)
    app.caucuses.enrol(caucus, person="m-1041", on=date(2024, 12, 8), actor=ORGANIZER)
    app.caucuses.enrol(caucus, person="m-2210", on=date(2025, 1, 15), actor=ORGANIZER)
    app.caucuses.withdraw(caucus, person="m-1041", on=date(2025, 3, 1), actor=ORGANIZER,
                          reason="moved to another sector")
    assert app.caucuses.get(caucus).people == {"m-2210": date(2025, 1, 15)}
    assert app.caucuses.get(caucus, on=date(2025, 1, 31)).people == {
        "m-1041": date(2024, 12, 8), "m-2210": date(2025, 1, 15)}
    refused(app, RuleViolation, "already in the caucus", lambda: app.caucuses.enrol(
        caucus, person="m-2210", on=date(2025, 3, 2), actor=ORGANIZER))
    refused(app, RuleViolation, "not in the caucus", lambda: app.caucuses.withdraw(
        caucus, person="m-1041", on=date(2025, 3, 2), actor=ORGANIZER))
    refused(app, InvalidInput, "before joining", lambda: app.caucuses.withdraw(
        caucus, person="m-2210", on=date(2025, 1, 1), actor=ORGANIZER))
    refused(app, InvalidInput, "opaque id", lambda: app.caucuses.enrol(
        caucus, person=" ", on=date(2025, 3, 2), actor=ORGANIZER))
    summaries = [e.summary for e in app.history.of(caucus)]
    assert "a member (m-2210) joined 'Public-sector caucus' on 2025-01-15" in summaries[2]
    assert summaries[3].startswith("a member (m-1041) left 'Public-sector caucus' on 2025-03-01")
