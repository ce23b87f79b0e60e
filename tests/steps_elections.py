"""Step definitions for elections.feature: an election counted in the open (UAW 2023)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from uuid import UUID

import pytest
from pytest_bdd import given, parsers, then, when

from bargaining import Actor, BargainingApp, Body
from tests.refusals import Refusals

MONITOR = Actor("mon-1", "election monitor")
ORGANIZER = Actor("org-7", "caucus organizer")


def number(text: str) -> int:
    return int(text.replace(",", ""))


@dataclass
class Count(Refusals):
    app: BargainingApp
    election: UUID | None = None
    runoff: UUID | None = None
    caucuses: dict[str, UUID] = field(default_factory=dict)

    @property
    def record(self) -> UUID:
        assert self.election is not None, "the scenario has no election"
        return self.election


@pytest.fixture
def count() -> Iterator[Count]:
    app = BargainingApp("memory")
    state = Count(app)
    yield state
    app.close()
    state.ok()


@given(parsers.parse("the members' election of the {office}, where a candidate needs more "
                     "than {majority:d}% of valid votes"))
def members_election(count: Count, office: str, majority: int) -> None:
    count.election = count.app.elections.open(office=office, body=Body.members(),
                                              majority=majority, actor=MONITOR)


@given(parsers.parse('the rank-and-file caucus "{name}"'))
def caucus(count: Count, name: str) -> None:
    count.caucuses[name] = count.app.caucuses.form(
        name=name, unions=["UAW"], on=date(2019, 11, 1), actor=ORGANIZER)


@given(parsers.parse('candidate "{candidate}" is nominated on the "{slate}" slate, backed by '
                     'the caucus'))
def nominated_backed(count: Count, candidate: str, slate: str) -> None:
    count.app.elections.nominate(count.record, candidate=candidate, slate=slate,
                                 backed_by=list(count.caucuses.values()), actor=MONITOR)


@given(parsers.parse('candidate "{candidate}" is nominated on the "{slate}" slate'))
def nominated(count: Count, candidate: str, slate: str) -> None:
    count.app.elections.nominate(count.record, candidate=candidate, slate=slate, actor=MONITOR)


@given(parsers.parse('candidate "{candidate}" is nominated on no slate'))
def nominated_alone(count: Count, candidate: str) -> None:
    count.app.elections.nominate(count.record, candidate=candidate, actor=MONITOR)


@when("the returns come in:")
def returns(count: Count, datatable: list[list[str]]) -> None:
    head, *rows = datatable
    for row in rows:
        cells = dict(zip(head, row, strict=True))
        votes = {c: number(cells[c]) for c in head if c not in
                 ("box", "counted on", "ballots", "challenged", "spoiled")}
        count.app.elections.record_return(
            count.record, box=cells["box"], ballots=number(cells["ballots"]), votes=votes,
            challenged=number(cells["challenged"]), spoiled=number(cells["spoiled"]),
            on=date.fromisoformat(cells["counted on"]), actor=MONITOR)


@when(parsers.parse('the return of "{box}" is recorded with {ballots} ballots: {parts}'))
def one_return(count: Count, box: str, ballots: str, parts: str) -> None:
    votes, extra = {}, {"challenged": 0, "spoiled": 0}
    for part in re.split(r", | and ", parts):
        amount, what = part.split(" ", 1)
        if what.startswith("for "):
            votes[what.removeprefix("for ")] = number(amount)
        else:
            extra[what] = number(amount)
    count.attempt(lambda: count.app.elections.record_return(
        count.record, box=box, ballots=number(ballots), votes=votes, on=date(2023, 3, 1),
        actor=MONITOR, **extra))


@when(parsers.parse("challenges are resolved on {on}: {first:d} counted for {a}, {second:d} "
                    "for {b} and {rejected:d} rejected"))
def resolved(count: Count, on: str, first: int, a: str, second: int, b: str,
             rejected: int) -> None:
    count.attempt(lambda: count.app.elections.resolve_challenges(
        count.record, counted={a: first, b: second}, rejected=rejected,
        on=date.fromisoformat(on), actor=MONITOR, reason="the monitor's rulings"))


@when(parsers.parse('the monitor declares "{candidate}" elected on {on}'))
def declares(count: Count, candidate: str, on: str) -> None:
    count.app.elections.declare(count.record, candidate=candidate, on=date.fromisoformat(on),
                                actor=MONITOR, reason="the challenges left cannot change it")


@when(parsers.parse("the monitor calls the runoff on {on}"))
def calls_runoff(count: Count, on: str) -> None:
    count.runoff = count.app.elections.call_runoff(count.record, on=date.fromisoformat(on),
                                                   actor=MONITOR)


@then(parsers.parse("{ballots} ballots are received and the count stands at {a} {share_a} to "
                    "{b} {share_b}, a lead of {lead} with {left} challenged left"))
def stands_shares(count: Count, ballots: str, a: str, share_a: str, b: str, share_b: str,
                  lead: str, left: str) -> None:
    now = count.app.elections.standing(count.record)
    assert now.ballots == number(ballots)
    assert now.describe().startswith(f"{a} {now.votes[a]:,} ({share_a}), {b} "
                                     f"{now.votes[b]:,} ({share_b})")
    assert (now.lead, now.challenged) == (number(lead), number(left))


@then(parsers.parse("the count stands at {a} {votes_a} to {b} {votes_b}, a lead of {lead} "
                    "with {left} challenged left"))
def stands_votes(count: Count, a: str, votes_a: str, b: str, votes_b: str, lead: str,
                 left: str) -> None:
    now = count.app.elections.standing(count.record)
    assert (now.votes[a], now.votes[b]) == (number(votes_a), number(votes_b))
    assert (now.lead, now.challenged) == (number(lead), number(left))


@then(parsers.parse("the count stands at a lead of {lead} with {left} challenged left"))
def stands(count: Count, lead: str, left: str) -> None:
    now = count.app.elections.standing(count.record)
    assert (now.lead, now.challenged) == (number(lead), number(left))


@then(parsers.parse("the count as it stood on {on} was a lead of {lead} with {left} "
                    "challenged left"))
def stood(count: Count, on: str, lead: str, left: str) -> None:
    then_ = count.app.elections.standing(count.record, on=date.fromisoformat(on))
    assert (then_.lead, then_.challenged) == (number(lead), number(left))


@then(parsers.parse('declaring "{candidate}" elected on {on} is refused: "{words}"'))
def declaring_refused(count: Count, candidate: str, on: str, words: str) -> None:
    count.attempt(lambda: count.app.elections.declare(
        count.record, candidate=candidate, on=date.fromisoformat(on), actor=MONITOR))
    assert words in str(count.refusal())
    count.nothing_recorded()
    assert count.app.elections.get(count.record).declared is None


@then(parsers.parse('it is refused: "{words}"'))
def refused(count: Count, words: str) -> None:
    assert words in str(count.refusal())


@then("nothing new is recorded")
def nothing(count: Count) -> None:
    count.nothing_recorded()


@then(parsers.parse('"{candidate}" of the "{slate}" slate, backed by "{caucus_name}", is '
                    'elected with a lead of {lead} over {left} challenged ballots left'))
def elected(count: Count, candidate: str, slate: str, caucus_name: str, lead: str,
            left: str) -> None:
    election = count.app.elections.get(count.record)
    assert (election.declared, election.declared_on) == (candidate, date(2023, 3, 25))
    winner = election.candidate(candidate)
    assert winner.slate == slate
    assert winner.backed_by == (count.caucuses[caucus_name],)
    now = election.standing
    assert (now.lead, now.challenged) == (number(lead), number(left))
    assert now.lead > now.challenged


@then("the history of the election reads, in order:")
def history_reads(count: Count, datatable: list[list[str]]) -> None:
    entries = iter(e.summary for e in count.app.history.of(count.record))
    for (expected,) in datatable[1:]:
        assert any(expected in summary for summary in entries), expected


@then(parsers.parse('the runoff for the {office} is between "{a}" on the "{slate_a}" slate '
                    'and "{b}" on the "{slate_b}" slate'))
def runoff_between(count: Count, office: str, a: str, slate_a: str, b: str,
                   slate_b: str) -> None:
    assert count.runoff is not None
    runoff = count.app.elections.get(count.runoff)
    assert (runoff.office, runoff.runoff_of) == (office, count.record)
    assert [(c.id, c.slate) for c in runoff.candidates] == [(a, slate_a), (b, slate_b)]
    assert count.app.elections.get(count.record).runoff_id == count.runoff
