"""Votes refuse only what cannot be true, and say who voted."""

from __future__ import annotations

from datetime import date

import pytest

from bargaining import Body, InvalidInput, Quorum, RuleViolation, Tally, Threshold, Vote


def test_fewer_present_than_cast_a_ballot_cannot_be() -> None:
    with pytest.raises(RuleViolation, match="at least the 10 who cast a ballot were there"):
        Tally(eligible=50, cast=10, yes=6, no=4, present=9)
    with pytest.raises(RuleViolation, match="at most the 50 eligible"):
        Tally(eligible=50, cast=10, yes=6, no=4, present=51)


def test_a_quorum_is_a_share_or_a_number_present_one_of_the_two() -> None:
    with pytest.raises(InvalidInput, match="one of the two"):
        Quorum()
    with pytest.raises(InvalidInput, match="one of the two"):
        Quorum(percent=50, people=10)
    with pytest.raises(RuleViolation, match="cannot be negative"):
        Quorum.present(-1)
    with pytest.raises(InvalidInput, match="at least one person"):
        Quorum.present(0)


def test_a_bare_number_as_quorum_is_a_percentage_of_eligible_voters() -> None:
    tally = Tally(eligible=100, cast=49, yes=40, no=9)
    vote = Vote(date(2023, 9, 18), tally, quorum=50)
    assert vote.quorum == Quorum.share(50)
    assert not vote.passed
    assert "a quorum of 50% of eligible voters (turnout 49%)" in vote.explain()


def test_a_vote_names_its_body() -> None:
    tally = Tally(eligible=9, cast=9, yes=7, no=2)
    assert Vote(date(2023, 9, 18), tally).body == Body.members()
    committee = Vote(date(2023, 9, 18), tally, body=Body.named("Conseil  général"))
    assert "(9 eligible, Conseil général)" in committee.explain()
    with pytest.raises(InvalidInput, match="needs its name"):
        Body.named("  ")
    with pytest.raises(InvalidInput, match="a voting body is one of"):
        Body("parliament")
    with pytest.raises(InvalidInput, match="a vote's body is a Body"):
        Vote(date(2023, 9, 18), tally, body="members")  # type: ignore[arg-type]


def test_a_rule_counts_valid_ballots_cast_ballots_or_eligible_members_only() -> None:
    with pytest.raises(InvalidInput, match="counts yes votes of 'valid' ballots"):
        Threshold(50, "present")
    with pytest.raises(InvalidInput, match="strictly_more is True"):
        Threshold(50, "valid", "yes")  # type: ignore[arg-type]
    assert Threshold.two_thirds_of_valid().describe() == "two thirds of valid ballots"
    assert Threshold(60, "cast", strictly_more=True).describe() == "more than 60% of ballots cast"


def test_only_the_members_themselves_speak_for_the_membership() -> None:
    assert Body.members().is_the_membership and Body.general_assembly().is_the_membership
    assert not any(b.is_the_membership for b in (Body.delegates(), Body.executive(),
                                                 Body.committee(), Body.named("Conseil")))
