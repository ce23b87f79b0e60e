"""Shares of people (thresholds, quorums, the share of units that must pass) are percentages.

One way everywhere: ``Rung("majority petition", 51)``, ``Threshold(85, "eligible")``,
``Vote(..., quorum=50)``, ``climb_share=75``. A percentage is a number from 1 to 100: an
``int``, a ``Fraction`` (``Fraction(200, 3)`` is two thirds exactly), a ``Decimal`` or its
text (``"66.7"``). Arithmetic on them is exact. A value between 0 and 1 is refused: no rule
of a vote or a ladder asks for less than 1%, and ``Fraction(1, 2)`` is far more likely a share
of one (the form release 0.1 took for quorums) than half of one percent.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from bargaining.domain.shared.errors import InvalidInput


def show_percent(value: Fraction) -> str:
    """60 -> '60%', 52.5 -> '52.5%' (a value in percent)."""
    text = f"{float(value):.1f}".removesuffix(".0")
    return f"{text}%"


def as_percent(value: object, what: str) -> Fraction:
    """A percentage above 0 and at most 100, exactly; refused in words naming ``what``."""
    if isinstance(value, bool) or not isinstance(value, int | Fraction | Decimal | str | float):
        raise InvalidInput(f"{what} must be a percentage, not {value!r}")
    try:
        number = Fraction(str(value)) if isinstance(value, float | str) else Fraction(value)
    except (ValueError, ArithmeticError):
        raise InvalidInput(f"{what} must be a percentage, not {value!r}") from None
    if not 0 < number <= 100:
        raise InvalidInput(
            f"{what} must be above 0% and at most 100%, not {show_percent(number)}"
        )
    if number < 1:
        raise InvalidInput(
            f"{what} is a percentage (50 means half), not {number}: below 1% is taken for a "
            "share of one, such as Fraction(1, 2), which is 50 here"
        )
    return number


def percent_of(part: int, whole: int) -> Fraction:
    """``part`` as a percentage of ``whole`` (0 when the whole is empty)."""
    return Fraction(part * 100, whole) if whole else Fraction(0)
