"""Member votes: ratifications, strike mandates, framework ratifications.

A tally must add up: yes + no + spoiled = ballots cast, and ballots cast never exceed the
eligible voters. A vote passes when it meets its threshold and, where set, its quorum.
"""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import attrs

from bargaining.domain.shared.errors import InvalidInput, RuleViolation
from bargaining.domain.shared.shares import as_changed_percent, percent_of, show_percent


def whole_count(value: object, what: str) -> int:
    """A count of people: a whole number, never negative."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidInput(f"{what} must be a whole number, not {value!r}")
    if value < 0:
        raise RuleViolation(f"{what} cannot be negative ({value})")
    return value


@attrs.frozen(kw_only=True)
class Tally:
    """The counted ballots of one vote, given by name so no count lands in the wrong place:
    ``Tally(eligible=55_000, cast=45_433, yes=43_821, no=1_612)``."""

    eligible: int
    cast: int
    yes: int
    no: int
    spoiled: int = 0

    def __attrs_post_init__(self) -> None:
        for name in ("eligible", "cast", "yes", "no", "spoiled"):
            whole_count(getattr(self, name), f"the {name} count")
        if self.yes + self.no + self.spoiled != self.cast:
            raise RuleViolation(
                f"the tally does not add up: yes {self.yes} + no {self.no} + spoiled "
                f"{self.spoiled} = {self.yes + self.no + self.spoiled}, but {self.cast} "
                "ballots were cast"
            )
        if self.cast > self.eligible:
            raise RuleViolation(
                f"more ballots were cast ({self.cast}) than there are eligible voters "
                f"({self.eligible})"
            )

    @property
    def turnout(self) -> Fraction:
        """Ballots cast as a percentage of eligible voters."""
        return percent_of(self.cast, self.eligible)


def _threshold_percent(value: object) -> Fraction:
    return as_changed_percent(value, "a threshold")


def _quorum(value: object) -> Fraction | None:
    return None if value is None else as_changed_percent(value, "a quorum")


@attrs.frozen
class Threshold:
    """What percentage of which base must vote yes: ``of`` is ``"cast"`` (ballots cast) or
    ``"eligible"`` (eligible members); ``strictly_more`` makes "more than half" rather than
    "at least half". ``Threshold(85, "eligible")`` is the strike vote's organizing benchmark."""

    percent: Fraction = attrs.field(converter=_threshold_percent)
    of: str = "cast"
    strictly_more: bool = False

    def __attrs_post_init__(self) -> None:
        if self.of not in ("cast", "eligible"):
            raise InvalidInput("a threshold counts yes votes of 'cast' ballots or of 'eligible'")

    @classmethod
    def majority_of_cast(cls) -> Threshold:
        """More than half of the ballots cast: the usual rule."""
        return cls(50, "cast", strictly_more=True)

    @classmethod
    def two_thirds_of_cast(cls) -> Threshold:
        """At least two thirds of the ballots cast (the UAW constitution's strike rule)."""
        return cls(Fraction(200, 3), "cast")

    @classmethod
    def share_of_eligible(cls, percent: int | Fraction) -> Threshold:
        """At least this percentage of eligible members."""
        return cls(percent, "eligible")

    def describe(self) -> str:
        if self == Threshold.majority_of_cast():
            return "a majority of ballots cast"
        if self == Threshold.two_thirds_of_cast():
            return "two thirds of ballots cast"
        word = "more than" if self.strictly_more else "at least"
        base = "ballots cast" if self.of == "cast" else "eligible members"
        return f"{word} {show_percent(self.percent)} of {base}"

    def met_by(self, tally: Tally) -> bool:
        base = tally.cast if self.of == "cast" else tally.eligible
        if base == 0:
            return False
        share = percent_of(tally.yes, base)
        return share > self.percent if self.strictly_more else share >= self.percent


@attrs.frozen
class Vote:
    """A held vote: when, its tally, the threshold and optional quorum (the percentage of
    eligible members who must cast a ballot) it was held under."""

    held_on: date
    tally: Tally
    threshold: Threshold = attrs.field(factory=Threshold.majority_of_cast)
    quorum: Fraction | None = attrs.field(default=None, converter=_quorum)

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.held_on, date):
            raise InvalidInput("a vote needs the date it was held")

    @property
    def quorum_met(self) -> bool:
        return self.quorum is None or self.tally.turnout >= self.quorum

    @property
    def passed(self) -> bool:
        return self.quorum_met and self.threshold.met_by(self.tally)

    def explain(self) -> str:
        t = self.tally
        base = t.cast if self.threshold.of == "cast" else t.eligible
        share = show_percent(percent_of(t.yes, base))
        of = "of ballots cast" if self.threshold.of == "cast" else "of eligible members"
        text = (
            f"{t.yes} yes, {t.no} no, {t.spoiled} spoiled of {t.cast} cast ({t.eligible} "
            f"eligible): {share} yes {of}; needs {self.threshold.describe()}"
        )
        if self.quorum is not None:
            text += (f" with a quorum of {show_percent(self.quorum)} "
                     f"(turnout {show_percent(t.turnout)})")
        return f"{text}: {'carried' if self.passed else 'failed'}"
