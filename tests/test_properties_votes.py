"""Invariants of the vote model: each rule decides by its own base, spoiled ballots count only
where the rule says, a quorum of people is met exactly at its number."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from bargaining import Quorum, Tally, Threshold, Vote

HELD = date(2023, 9, 18)


@st.composite
def tallies(draw: st.DrawFn) -> Tally:
    yes, no, spoiled = (draw(st.integers(0, 500)) for _ in range(3))
    cast = yes + no + spoiled
    eligible = cast + draw(st.integers(0, 500))
    present = draw(st.none() | st.integers(cast, eligible))
    return Tally(eligible=eligible, cast=cast, yes=yes, no=no, spoiled=spoiled, present=present)


@given(tallies())
def test_a_majority_of_valid_ballots_carries_exactly_when_yes_outnumber_no(tally: Tally) -> None:
    assert Vote(HELD, tally).passed is (tally.yes > tally.no)


@given(tallies())
def test_a_majority_of_ballots_cast_counts_a_spoiled_ballot_against(tally: Tally) -> None:
    vote = Vote(HELD, tally, Threshold.majority_of_cast())
    assert vote.passed is (tally.yes > tally.no + tally.spoiled)


@given(tallies(), st.integers(0, 1_000))
def test_a_quorum_of_people_is_met_exactly_at_its_number(tally: Tally, people: int) -> None:
    vote = Vote(HELD, tally, quorum=Quorum.present(people))
    attending = tally.cast if tally.present is None else tally.present
    assert vote.quorum_met is (attending >= people)
    assert vote.passed is (attending >= people and tally.yes > tally.no)


@given(tallies())
def test_the_result_names_the_rule_that_decided_it(tally: Tally) -> None:
    for rule in (Threshold.majority_of_valid(), Threshold.two_thirds_of_valid(),
                 Threshold.majority_of_cast(), Threshold.share_of_eligible(85)):
        vote = Vote(HELD, tally, rule)
        assert f"needs {rule.describe()}" in vote.explain()
        assert vote.explain().endswith("carried" if vote.passed else "failed")
