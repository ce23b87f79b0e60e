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
