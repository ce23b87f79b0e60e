"""French typography is the catalog's, never applied to a host's own words: a host's rule
name or role reads as the host wrote it, and the guillemets the library puts around a role
hold no-break spaces as French requires."""

from __future__ import annotations

from bargaining import Actor
from bargaining.domain.shared.language import reading_in
from bargaining.presentation.wording import by, known_word

NBSP = "\N{NO-BREAK SPACE}"


def test_a_hosts_own_words_are_left_as_written_in_french() -> None:
    with reading_in("fr"):
        assert known_word("Règle : QC") == "Règle : QC"
        assert known_word("« la nôtre »") == "« la nôtre »"


def test_a_domain_word_the_catalog_knows_is_still_translated() -> None:
    with reading_in("fr"):
        assert known_word("wages") != "wages"


def test_a_role_is_quoted_with_no_break_spaces_inside_the_guillemets() -> None:
    with reading_in("fr"):
        assert by(Actor("s-1", "organizer")) == f"par «{NBSP}organizer{NBSP}»"
    assert by(Actor("s-1", "organizer")) == "by the organizer"


def test_a_vote_joined_to_a_line_is_set_with_a_no_break_space_before_the_colon() -> None:
    from bargaining.domain.shared.language import translate

    with reading_in("fr"):
        assert translate(": {vote}", vote="vote tenu") == f"{NBSP}: vote tenu"
    assert translate(": {vote}", vote="vote held") == ": vote held"


def test_a_failed_vote_named_in_a_refusal_reads_in_the_refusals_language() -> None:
    """A refusal that names the vote it rests on words that vote in the reader's language;
    its English is the vote's explanation as released."""
    from datetime import date

    import pytest

    from bargaining import RuleViolation, Tally, Vote
    from bargaining.domain.coordination.cluster_rules import check_sign_off

    lost = Vote(date(2025, 4, 1), Tally(eligible=100, cast=90, yes=40, no=50))
    with pytest.raises(RuleViolation) as refused:
        check_sign_off(lost, True, None)
    assert refused.value.args[0] == f"the committee's vote did not carry ({lost.explain()})"
    french = refused.value.in_language("fr").replace(NBSP, " ")
    with reading_in("fr"):
        assert lost.phrase().read().replace(NBSP, " ") in french
    assert lost.explain() not in french
