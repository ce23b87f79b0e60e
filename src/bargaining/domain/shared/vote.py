"""Member votes: ratifications, strike mandates, framework ratifications.

A tally must add up: yes + no + spoiled = ballots cast, and ballots cast never exceed the
eligible voters. A vote passes when it meets its threshold and, where set, its quorum.
"""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import attrs

from bargaining.domain.shared.errors import InvalidInput, RuleViolation


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
        return Fraction(self.cast, self.eligible) if self.eligible else Fraction(0)


@attrs.frozen
class Threshold:
    """What share of which base a vote needs: ``of`` is ``"cast"`` or ``"eligible"``;
    ``strictly_more`` makes "more than half" rather than "at least half"."""

    share: Fraction
    of: str = "cast"
    strictly_more: bool = False

    def __attrs_post_init__(self) -> None:
        if self.of not in ("cast", "eligible"):
            raise InvalidInput("a threshold counts yes votes of 'cast' ballots or of 'eligible'")
        if not 0 < self.share <= 1:
            raise InvalidInput(f"a threshold share must be above 0 and at most 1, not {self.share}")

    @classmethod
    def majority_of_cast(cls) -> Threshold:
        return cls(Fraction(1, 2), "cast", strictly_more=True)

    @classmethod
    def two_thirds_of_cast(cls) -> Threshold:
        return cls(Fraction(2, 3), "cast")

    @classmethod
    def share_of_eligible(cls, percent: int | Fraction) -> Threshold:
        return cls(Fraction(percent) / 100, "eligible")

    def describe(self) -> str:
        if self == Threshold.majority_of_cast():
            return "a majority of ballots cast"
        if self == Threshold.two_thirds_of_cast():
            return "two thirds of ballots cast"
        word = "more than" if self.strictly_more else "at least"
        base = "ballots cast" if self.of == "cast" else "eligible members"
        return f"{word} {_percent(self.share)} of {base}"

    def met_by(self, tally: Tally) -> bool:
        base = tally.cast if self.of == "cast" else tally.eligible
        if base == 0:
            return False
        share = Fraction(tally.yes, base)
        return share > self.share if self.strictly_more else share >= self.share


@attrs.frozen
class Vote:
    """A held vote: when, its tally, the threshold and optional quorum (share of eligible
    who must cast a ballot) it was held under."""

    held_on: date
    tally: Tally
    threshold: Threshold = attrs.field(factory=Threshold.majority_of_cast)
    quorum: Fraction | None = None

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.held_on, date):
            raise InvalidInput("a vote needs the date it was held")
        if self.quorum is not None and not 0 < self.quorum <= 1:
            raise InvalidInput(f"a quorum must be above 0 and at most 1, not {self.quorum}")

    @property
    def quorum_met(self) -> bool:
        return self.quorum is None or self.tally.turnout >= self.quorum

    @property
    def passed(self) -> bool:
        return self.quorum_met and self.threshold.met_by(self.tally)

    def explain(self) -> str:
        t = self.tally
        base = t.cast if self.threshold.of == "cast" else t.eligible
        share = _percent(Fraction(t.yes, base)) if base else "0%"
        of = "of ballots cast" if self.threshold.of == "cast" else "of eligible members"
        text = (
            f"{t.yes} yes, {t.no} no, {t.spoiled} spoiled of {t.cast} cast ({t.eligible} "
            f"eligible): {share} yes {of}; needs {self.threshold.describe()}"
        )
        if self.quorum is not None:
            text += f" with a quorum of {_percent(self.quorum)} (turnout {_percent(t.turnout)})"
        return f"{text}: {'carried' if self.passed else 'failed'}"


def _percent(value: Fraction) -> str:
    number = float(value * 100)
    return f"{number:.1f}%".replace(".0%", "%")
