"""Shares of people (thresholds, quorums, the share of units that must pass) are percentages.

One way everywhere: ``Rung("majority petition", 51)``, ``Threshold(85, "eligible")``,
``Vote(..., quorum=50)``, ``climb_share=75``. A percentage is a number above 0 and at most
100: an ``int``, a ``Fraction`` (``Fraction(200, 3)`` is two thirds exactly), a ``Decimal`` or
its text (``"66.7"``). Arithmetic on them is exact.

Release 0.1 took a vote's threshold and quorum, and a campaign's climb share, as shares of one
(``Fraction(1, 2)``, and ``1`` for all). Given so today they would mean one percent or less, so
:func:`as_changed_percent` refuses them there; a rung's threshold was always a percentage.
Values read back from stored events are not checked again: they were valid when recorded.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from bargaining.domain.shared.errors import InvalidInput
from bargaining.domain.shared.language import rounded_percent


def show_percent(value: Fraction) -> str:
    """60 -> '60%', 52.5 -> '52.5%' (a value in percent), in English whatever the reader's
    language (for messages not yet translated), rounded by the one rule of
    :func:`~bargaining.domain.shared.language.rounded_percent`."""
    text = f"{rounded_percent(value):f}".removesuffix(".0")
    return f"{text}%"


def as_percent(value: object, what: str) -> Fraction:
    """A percentage above 0 and at most 100, exactly; refused in words naming ``what``."""
    if isinstance(value, bool) or not isinstance(value, int | Fraction | Decimal | str | float):
        raise InvalidInput.worded("{what} must be a percentage, not {value}",
                                  what=what, value=repr(value))
    try:
        number = Fraction(str(value)) if isinstance(value, float | str) else Fraction(value)
    except (ValueError, ArithmeticError):
        raise InvalidInput.worded("{what} must be a percentage, not {value}",
                                  what=what, value=repr(value)) from None
    if not 0 < number <= 100:
        raise InvalidInput.worded("{what} must be above 0% and at most 100%, not {show_percent}",
                                  what=what, show_percent=show_percent(number))
    return number


def as_changed_percent(value: object, what: str) -> Fraction:
    """A percentage where release 0.1 took a share of one: 1% or less is refused, as it is
    almost surely a share of one (``Fraction(1, 2)`` for half, ``1`` for all)."""
    number = as_percent(value, what)
    if number <= 1:
        raise InvalidInput.worded("{what} is a percentage (50 means half, 100 all), not "
                                  "{number}: 1 or less is taken for a share of one, as release "
                                  "0.1 took it", what=what, number=number)
    return number


def percent_of(part: int, whole: int) -> Fraction:
    """``part`` as a percentage of ``whole`` (0 when the whole is empty)."""
    return Fraction(part * 100, whole) if whole else Fraction(0)
