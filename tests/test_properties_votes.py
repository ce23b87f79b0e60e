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


@given(tallies(), st.integers(1, 1_000))
def test_a_quorum_of_people_is_met_exactly_at_its_number(tally: Tally, people: int) -> None:
    vote = Vote(HELD, tally, quorum=Quorum.present(people))
    attending = tally.cast if tally.present is None else tally.present
    assert vote.quorum_met is (attending >= people)
    assert vote.passed is (attending >= people and tally.yes > tally.no)


@given(tallies())
def test_two_thirds_and_a_share_of_eligible_decide_by_their_own_base(tally: Tally) -> None:
    """Counted independently of the library's arithmetic: whole numbers, no percentages."""
    two_thirds = Vote(HELD, tally, Threshold.two_thirds_of_valid())
    assert two_thirds.passed is (tally.valid > 0 and 3 * tally.yes >= 2 * tally.valid)
    benchmark = Vote(HELD, tally, Threshold.share_of_eligible(85))
    assert benchmark.passed is (tally.eligible > 0 and 100 * tally.yes >= 85 * tally.eligible)


@given(tallies())
def test_the_result_says_carried_exactly_when_the_vote_passed(tally: Tally) -> None:
    for rule, words in ((Threshold.majority_of_valid(), "a majority of valid ballots"),
                        (Threshold.majority_of_cast(), "a majority of ballots cast"),
                        (Threshold.two_thirds_of_valid(), "two thirds of valid ballots"),
                        (Threshold.share_of_eligible(85), "at least 85% of eligible members")):
        vote = Vote(HELD, tally, rule)
        assert f"needs {words}" in vote.explain()
        assert vote.explain().endswith(": carried" if vote.passed else ": failed")
