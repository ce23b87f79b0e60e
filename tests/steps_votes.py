"""Step definitions for votes.feature: a tally counted by a named rule, for a named body."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from pytest_bdd import given, parsers, then, when

from bargaining import Body, Quorum, Tally, Threshold, Vote

BODIES = {"members'": Body.members(), "general assembly's": Body.general_assembly()}
RULES = {
    "a majority of valid ballots": Threshold.majority_of_valid(),
    "a majority of ballots cast": Threshold.majority_of_cast(),
    "two thirds of valid ballots": Threshold.two_thirds_of_valid(),
    "85% of eligible members": Threshold.share_of_eligible(85),
}


@dataclass
class Ballot:
    body: Body = field(default_factory=Body.members)
    tally: Tally | None = None
    vote: Vote | None = None


@given(parsers.re(r"an? (?P<body>.+?) vote of (?P<yes>\d+) yes, (?P<no>\d+) no and "
                  r"(?P<spoiled>\d+) spoiled with (?P<eligible>\d+) eligible"
                  r"(?: and (?P<present>\d+) present)?"),
       target_fixture="ballot")
def a_vote(body: str, yes: str, no: str, spoiled: str, eligible: str,
           present: str | None) -> Ballot:
    cast = int(yes) + int(no) + int(spoiled)
    tally = Tally(eligible=int(eligible), cast=cast, yes=int(yes), no=int(no),
                  spoiled=int(spoiled), present=int(present) if present else None)
    return Ballot(BODIES[body], tally)


@when(parsers.re(r"it is counted by (?P<rule>.+?)(?: with a quorum of (?P<people>\d+) present)?$"))
def counted(ballot: Ballot, rule: str, people: str | None) -> None:
    assert ballot.tally is not None
    quorum = Quorum.present(int(people)) if people else None
    ballot.vote = Vote(date(2022, 10, 2), ballot.tally, RULES[rule], quorum, body=ballot.body)


@then(parsers.re(r"the vote (?P<result>carries|fails)"))
def result(ballot: Ballot, result: str) -> None:
    assert ballot.vote is not None
    assert ballot.vote.passed is (result == "carries"), ballot.vote.explain()


@then(parsers.parse('the result reads "{text}"'))
def reads(ballot: Ballot, text: str) -> None:
    assert ballot.vote is not None
    assert text in ballot.vote.explain()
