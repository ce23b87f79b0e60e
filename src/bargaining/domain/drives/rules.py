"""Certification thresholds per jurisdiction: how many signed cards certify a workplace on
their own, and how many call for a certification vote.

They are set by labour law and differ by jurisdiction and sector, so a host configures its
own rules, as it does its strike position calendar; :data:`EXAMPLE_CERTIFICATION_RULES` is an
example of a host's configuration, not law, and nothing here is legal advice.
"""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction

import attrs

from bargaining.domain.shared.errors import InvalidInput, term
from bargaining.domain.shared.language import mark
from bargaining.domain.shared.phrases import Phrase, part, word
from bargaining.domain.shared.shares import as_percent, percent_of

#: How a drive ends in certification: the board certifies on the cards, or after a vote.
CARD_CHECK, CERTIFICATION_VOTE = "card check", "certification vote"
METHODS = (CARD_CHECK, CERTIFICATION_VOTE)


def _vote_percent(value: object) -> Fraction:
    return as_percent(value, term("the cards that call for a vote"))


def _optional_percent(value: object) -> Fraction | None:
    return None if value is None else as_percent(value, term("a card threshold"))


@attrs.frozen
class CertificationRule:
    """One jurisdiction's thresholds, as the host configures them, in percent of the workers
    in the unit applied for. ``cards_alone``: more than this share of cards certifies without
    a vote (``None``: never on cards alone); ``cards_for_vote``: at least this share of cards
    calls for a certification vote."""

    name: str
    cards_for_vote: Fraction = attrs.field(converter=_vote_percent)
    cards_alone: Fraction | None = attrs.field(default=None, converter=_optional_percent)

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.name, str) or not self.name.strip():
            raise InvalidInput.worded("a certification rule needs a name")
        if self.cards_alone is not None and self.cards_alone < self.cards_for_vote:
            raise InvalidInput.worded("certification rule '{name}': the cards that certify alone "
                                      "cannot be fewer than the cards that call for a vote",
                                      name=self.name)

    def route(self, signed: int, eligible: int) -> str:
        """Where this many cards of this many workers lead, in the reader's language."""
        return self.route_phrase(signed, eligible).read()

    def route_phrase(self, signed: int, eligible: int) -> Phrase:
        """Where this many cards of this many workers lead, kept as a phrase."""
        share = part(percent_of(signed, eligible))
        if self.cards_alone is not None and self.certifies_on_cards(signed, eligible):
            return Phrase.of(mark("{share} of cards: more than {threshold} certifies on cards "
                                  "alone ({rule})"), share=share,
                             threshold=part(self.cards_alone), rule=word(self.name))
        if eligible and percent_of(signed, eligible) >= self.cards_for_vote:
            return Phrase.of(mark("{share} of cards: at least {threshold} calls for a vote "
                                  "({rule})"), share=share,
                             threshold=part(self.cards_for_vote), rule=word(self.name))
        return Phrase.of(mark("{share} of cards: short of the {threshold} that calls for a vote "
                              "({rule})"), share=share, threshold=part(self.cards_for_vote),
                         rule=word(self.name))

    def certifies_on_cards(self, signed: int, eligible: int) -> bool:
        """Whether this many cards certify without a vote."""
        return (self.cards_alone is not None and eligible > 0
                and percent_of(signed, eligible) > self.cards_alone)

    def calls_for_vote(self, signed: int, eligible: int) -> bool:
        """Whether this many cards reach the threshold for a certification vote."""
        return eligible > 0 and percent_of(signed, eligible) >= self.cards_for_vote


@attrs.frozen
class CertificationRules:
    """Certification rules per jurisdiction (a province or state code, compared without case
    or extra spaces), with a default for the others (``None``: no threshold known, no flag)."""

    jurisdictions: Mapping[str, CertificationRule] = attrs.field(factory=dict)
    default: CertificationRule | None = None

    @classmethod
    def build(cls, jurisdictions: Mapping[str, CertificationRule] | None = None,
              default: CertificationRule | None = None) -> CertificationRules:
        """Rules from a mapping of jurisdiction codes to their :class:`CertificationRule`."""
        table: dict[str, CertificationRule] = {}
        for code, rule in (jurisdictions or {}).items():
            key = jurisdiction_key(code)
            if not key or key in table:
                raise InvalidInput.worded("each jurisdiction of the certification rules is named "
                                          "once, by its code")
            if not isinstance(rule, CertificationRule):
                raise InvalidInput.worded("a jurisdiction's certification rule is a "
                                          "CertificationRule")
            table[key] = rule
        if default is not None and not isinstance(default, CertificationRule):
            raise InvalidInput.worded("the default certification rule is a CertificationRule")
        return cls(jurisdictions=table, default=default)

    def rule_for(self, jurisdiction: str) -> CertificationRule | None:
        return self.jurisdictions.get(jurisdiction_key(jurisdiction), self.default)


def jurisdiction_key(code: object) -> str:
    """A jurisdiction's code as rules are looked up by it."""
    if not isinstance(code, str):
        raise InvalidInput.worded("a jurisdiction is named by its code, not {code}",
                                  code=repr(code))
    return " ".join(code.split()).casefold()


#: An example of a host's configuration, not law: Quebec (certification on cards alone with an
#: absolute majority of the unit, a vote from 35%) and Ontario (a vote from 40% of cards, as in
#: most of its sectors). A host checks its own figures with counsel.
EXAMPLE_CERTIFICATION_RULES = CertificationRules.build({
    "QC": CertificationRule(mark("Quebec, as configured"), cards_for_vote=35, cards_alone=50),
    "ON": CertificationRule(mark("Ontario, as configured"), cards_for_vote=40),
})
