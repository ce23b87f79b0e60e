"""Votes: who voted, on what count, and by which rule.

A vote is a fact: it is recorded whether it carried or not. A tally must add up (yes + no +
spoiled = ballots cast, never more than the eligible voters), and the vote names its **body**
(members, delegates or an assembly, the executive, a committee) and its **rule**: a majority of
valid ballots (spoiled ballots excluded; the usual rule and the default), a majority of ballots
cast, two thirds of valid ballots, or a share of eligible members. A **quorum** is a share of
the eligible voters who must cast a ballot, or a number of people present.
"""

from __future__ import annotations

import enum
from datetime import date
from fractions import Fraction

import attrs

from bargaining.domain.shared.dates import is_date
from bargaining.domain.shared.errors import InvalidInput, RuleViolation, term
from bargaining.domain.shared.language import mark
from bargaining.domain.shared.phrases import Phrase, figure, part, word
from bargaining.domain.shared.shares import as_changed_percent, percent_of


def whole_count(value: object, what: str) -> int:
    """A count of people: a whole number, never negative."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidInput.worded("{what} must be a whole number, not {value}",
                                  what=what, value=repr(value))
    if value < 0:
        raise RuleViolation.worded("{what} cannot be negative ({value})", what=what, value=value)
    return value


@attrs.frozen(kw_only=True)
class Tally:
    """The counted ballots of one vote, given by name so no count lands in the wrong place:
    ``Tally(eligible=55_000, cast=45_433, yes=43_821, no=1_612)``. ``present`` is how many
    attended the meeting, where a quorum counts people present (at least the ballots cast)."""

    eligible: int
    cast: int
    yes: int
    no: int
    spoiled: int = 0
    present: int | None = None

    def __attrs_post_init__(self) -> None:
        for name in ("eligible", "cast", "yes", "no", "spoiled"):
            whole_count(getattr(self, name), f"the {name} count")
        if self.yes + self.no + self.spoiled != self.cast:
            raise RuleViolation.worded("the tally does not add up: yes {yes} + no {no} + spoiled "
                                       "{spoiled} = {value}, but {cast} ballots were cast",
                                       yes=self.yes, no=self.no, spoiled=self.spoiled,
                                       value=self.yes + self.no + self.spoiled, cast=self.cast)
        if self.cast > self.eligible:
            raise RuleViolation.worded("more ballots were cast ({cast}) than there are eligible "
                                       "voters ({eligible})",
                                       cast=self.cast, eligible=self.eligible)
        if self.present is not None:
            whole_count(self.present, term("the count of people present"))
            if not self.cast <= self.present <= self.eligible:
                raise RuleViolation.worded("{present} present cannot be: at least the {cast} who "
                                           "cast a ballot were there, and at most the {eligible} "
                                           "eligible", present=self.present, cast=self.cast,
                                           eligible=self.eligible)

    @property
    def valid(self) -> int:
        """Ballots cast less spoiled ones: the yes and no votes."""
        return self.yes + self.no

    @property
    def turnout(self) -> Fraction:
        """Ballots cast as a percentage of eligible voters."""
        return percent_of(self.cast, self.eligible)

    @property
    def attendance(self) -> int:
        """People present: as counted, or else those who cast a ballot."""
        return self.cast if self.present is None else self.present


def _threshold_percent(value: object) -> Fraction:
    return as_changed_percent(value, term("a threshold"))


_BASES = {"valid": mark("valid ballots"), "cast": mark("ballots cast"),
          "eligible": mark("eligible members")}


@attrs.frozen
class Threshold:
    """A vote's rule: what percentage of which base must vote yes. ``of`` is ``"valid"``
    (ballots cast less spoiled ones), ``"cast"`` (all ballots cast) or ``"eligible"`` (eligible
    members); ``strictly_more`` makes "more than half" rather than "at least half".
    ``Threshold.majority_of_valid()`` is the usual rule; ``Threshold(85, "eligible")`` is the
    strike vote's organizing benchmark."""

    percent: Fraction = attrs.field(converter=_threshold_percent)
    of: str = "valid"
    strictly_more: bool = False

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.strictly_more, bool):
            raise InvalidInput.worded("a rule's strictly_more is True (more than) or False (at "
                                      "least)")
        if self.of not in _BASES:
            raise InvalidInput.worded("a vote's rule counts yes votes of 'valid' ballots, of "
                                      "ballots 'cast' or of 'eligible' members, not {of}",
                                      of=repr(self.of))

    @classmethod
    def majority_of_valid(cls) -> Threshold:
        """More than half of the valid ballots (spoiled ones excluded): the usual rule."""
        return cls(50, "valid", strictly_more=True)

    @classmethod
    def majority_of_cast(cls) -> Threshold:
        """More than half of all ballots cast: a spoiled ballot counts against."""
        return cls(50, "cast", strictly_more=True)

    @classmethod
    def two_thirds_of_valid(cls) -> Threshold:
        """At least two thirds of the valid ballots (the UAW constitution's strike rule)."""
        return cls(Fraction(200, 3), "valid")

    @classmethod
    def two_thirds_of_cast(cls) -> Threshold:
        """At least two thirds of all ballots cast."""
        return cls(Fraction(200, 3), "cast")

    @classmethod
    def share_of_eligible(cls, percent: int | Fraction) -> Threshold:
        """At least this percentage of eligible members voting yes."""
        return cls(percent, "eligible")

    def describe(self) -> str:
        """The rule in words: 'a majority of valid ballots', 'at least 85% of eligible
        members'."""
        return self.phrase().english()

    def phrase(self) -> Phrase:
        """The rule as a phrase, read in the reader's language."""
        base = word(_BASES[self.of])
        if self.strictly_more and self.percent == 50:
            return Phrase.of(mark("a majority of {base}"), base=base)
        if not self.strictly_more and self.percent == Fraction(200, 3):
            return Phrase.of(mark("two thirds of {base}"), base=base)
        if self.strictly_more:
            return Phrase.of(mark("more than {share} of {base}"), share=part(self.percent),
                             base=base)
        return Phrase.of(mark("at least {share} of {base}"), share=part(self.percent), base=base)

    def base(self, tally: Tally) -> int:
        """The count this rule measures yes votes against."""
        return {"valid": tally.valid, "cast": tally.cast, "eligible": tally.eligible}[self.of]

    def share(self, tally: Tally) -> Fraction:
        """Yes votes as a percentage of this rule's base."""
        return percent_of(tally.yes, self.base(tally))

    def met_by(self, tally: Tally) -> bool:
        if self.base(tally) == 0:
            return False
        share = self.share(tally)
        return share > self.percent if self.strictly_more else share >= self.percent


def _quorum_percent(value: object) -> Fraction | None:
    return None if value is None else as_changed_percent(value, term("a quorum"))


@attrs.frozen(kw_only=True)
class Quorum:
    """How many must take part for a vote to count: a percentage of the eligible voters casting
    a ballot (``Quorum.share(50)``), or a number of people present (``Quorum.present(100)``).
    A vote given a bare number as its quorum takes it as a percentage of eligible voters."""

    percent: Fraction | None = attrs.field(default=None, converter=_quorum_percent)
    people: int | None = None

    def __attrs_post_init__(self) -> None:
        if (self.percent is None) == (self.people is None):
            raise InvalidInput.worded("a quorum is a share of eligible voters or a number "
                                      "present, one of the two")
        if self.people is not None:
            whole_count(self.people, term("a quorum's number present"))
            if self.people == 0:
                raise InvalidInput.worded("a quorum of people present is at least one person")

    @classmethod
    def share(cls, percent: int | Fraction) -> Quorum:
        """This percentage of eligible voters must cast a ballot."""
        return cls(percent=percent)

    @classmethod
    def present(cls, people: int) -> Quorum:
        """This many people must be present."""
        return cls(people=people)

    def met_by(self, tally: Tally) -> bool:
        """Whether the vote had its quorum."""
        if self.people is not None:
            return tally.attendance >= self.people
        assert self.percent is not None
        return tally.turnout >= self.percent

    def describe(self, tally: Tally) -> str:
        """The quorum in words, with what the tally had."""
        return self.phrase(tally).english()

    def phrase(self, tally: Tally) -> Phrase:
        """The quorum and what the tally had, as a phrase read in the reader's language."""
        if self.people is not None:
            return Phrase.of(mark("a quorum of {people} present ({attendance} present)"),
                             people=figure(self.people), attendance=figure(tally.attendance))
        assert self.percent is not None
        return Phrase.of(mark("a quorum of {share} of eligible voters (turnout {turnout})"),
                         share=part(self.percent), turnout=part(tally.turnout))


def _quorum(value: object) -> Quorum | None:
    if value is None or isinstance(value, Quorum):
        return value
    return Quorum.share(value)  # type: ignore[arg-type]


class BodyKind(enum.Enum):
    """Who votes: the members themselves, their delegates or an assembly, or a smaller body."""

    MEMBERS = "members"
    DELEGATES = "delegates"
    GENERAL_ASSEMBLY = "general assembly"
    EXECUTIVE = "executive"
    COMMITTEE = "coordinating committee"
    NAMED = "named body"


def _body_kind(value: object) -> BodyKind:
    if isinstance(value, BodyKind):
        return value
    try:
        return BodyKind(value)
    except ValueError:
        raise InvalidInput.worded("a voting body is one of {bodykind}, not {value}",
                                  bodykind=', '.join(k.value for k in BodyKind),
                                  value=repr(value)) from None


@attrs.frozen
class Body:
    """The body that voted: ``Body.members()`` (the default), ``Body.delegates()``,
    ``Body.general_assembly()``, ``Body.executive()``, ``Body.committee()`` or
    ``Body.named("Conseil général")``."""

    kind: BodyKind = attrs.field(converter=_body_kind)
    name: str | None = None

    def __attrs_post_init__(self) -> None:
        if self.kind is BodyKind.NAMED and not (isinstance(self.name, str)
                                                and self.name.strip()):
            raise InvalidInput.worded("a named voting body needs its name")
        if self.name is not None and not isinstance(self.name, str):
            raise InvalidInput.worded("a voting body's name is text, not {name}",
                                      name=repr(self.name))

    @classmethod
    def members(cls) -> Body:
        """The members voted."""
        return cls(BodyKind.MEMBERS)

    @classmethod
    def delegates(cls) -> Body:
        """The delegates voted."""
        return cls(BodyKind.DELEGATES)

    @classmethod
    def general_assembly(cls) -> Body:
        """The general assembly voted."""
        return cls(BodyKind.GENERAL_ASSEMBLY)

    @classmethod
    def executive(cls) -> Body:
        """The executive voted."""
        return cls(BodyKind.EXECUTIVE)

    @classmethod
    def committee(cls) -> Body:
        """The committee voted."""
        return cls(BodyKind.COMMITTEE)

    @classmethod
    def named(cls, name: str) -> Body:
        """A body with a name of its own ("Conseil général")."""
        return cls(BodyKind.NAMED, " ".join(str(name).split()))

    def describe(self) -> str:
        """The body in words: its name, or its kind."""
        if self.name:
            return self.name
        return self.kind.value

    @property
    def is_the_membership(self) -> bool:
        """Whether the members themselves voted (by ballot or in a general assembly, as
        Quebec unions do), not a body that represents them: only they ratify an agreement or
        give a strike mandate."""
        return self.kind in (BodyKind.MEMBERS, BodyKind.GENERAL_ASSEMBLY)


def by_the_membership(vote: Vote) -> bool:
    """Whether the members themselves held the vote; a vote stored before votes named their
    body (``body`` ``None``) was theirs."""
    return vote.body is None or vote.body.is_the_membership


@attrs.frozen
class Vote:
    """A held vote: when, its tally, the rule it was held under (a majority of valid ballots
    unless given), an optional quorum (a percentage of eligible voters, or
    ``Quorum.present(n)``) and the body that voted (the members unless given). Votes recorded
    before votes named their body read back with ``body`` ``None``."""

    held_on: date
    tally: Tally
    threshold: Threshold = attrs.field(factory=Threshold.majority_of_valid)
    quorum: Quorum | None = attrs.field(default=None, converter=_quorum)
    body: Body | None = attrs.field(factory=Body.members, kw_only=True)

    def __attrs_post_init__(self) -> None:
        if not is_date(self.held_on):
            raise InvalidInput.worded("a vote needs the date it was held")
        if not isinstance(self.tally, Tally):
            raise InvalidInput.worded("a vote needs its Tally")
        if not isinstance(self.threshold, Threshold):
            raise InvalidInput.worded("a vote's rule is a Threshold, such as "
                                      "Threshold.majority_of_valid()")
        if self.body is not None and not isinstance(self.body, Body):
            raise InvalidInput.worded("a vote's body is a Body, such as Body.members()")

    @property
    def rule(self) -> str:
        """The rule in words, with its quorum if any."""
        return self.threshold.describe()

    @property
    def share(self) -> Fraction:
        """Yes votes as a percentage of the rule's base."""
        return self.threshold.share(self.tally)

    @property
    def quorum_met(self) -> bool:
        return self.quorum is None or self.quorum.met_by(self.tally)

    @property
    def passed(self) -> bool:
        return self.quorum_met and self.threshold.met_by(self.tally)

    def explain(self) -> str:
        """The result, naming the body and the rule: '50 yes, 48 no, 2 spoiled of 100 cast
        (120 eligible), members: 51% yes of valid ballots; needs a majority of valid ballots:
        carried'. In English, as flags and errors stored it; :meth:`phrase` reads it in the
        reader's language."""
        return self.phrase().english()

    def phrase(self) -> Phrase:
        """The result as a phrase, read in the reader's language when it is read (kept in a
        flag's why, it reads in French to a French reader)."""
        t = self.tally
        counts = {"yes": figure(t.yes), "no": figure(t.no), "spoiled": figure(t.spoiled),
                  "cast": figure(t.cast), "eligible": figure(t.eligible),
                  "share": part(self.share), "base": word(_BASES[self.threshold.of]),
                  "rule": self.threshold.phrase()}
        if self.body is None:
            text = Phrase.of(mark("{yes} yes, {no} no, {spoiled} spoiled of {cast} cast "
                                  "({eligible} eligible): {share} yes of {base}; needs {rule}"),
                             **counts)
        else:
            text = Phrase.of(mark("{yes} yes, {no} no, {spoiled} spoiled of {cast} cast "
                                  "({eligible} eligible, {body}): {share} yes of {base}; needs "
                                  "{rule}"), body=self.body.name or word(self.body.kind.value),
                             **counts)
        if self.quorum is not None:
            text = Phrase.of(mark("{vote} with {quorum}"), vote=text,
                             quorum=self.quorum.phrase(t))
        if self.passed:
            return Phrase.of(mark("{vote}: carried"), vote=text)
        return Phrase.of(mark("{vote}: failed"), vote=text)
