"""The arithmetic of wage terms, in exact decimals: numbers given by hosts, compounding, and
the yearly rate a total over any length of time comes to.

A yearly rate is the one that, compounded over the term, gives the same total: 9.3% over five
years is 1.8% a year. Roots of a total are not exact in decimals; they are worked out with 40
digits and rounded to :data:`RATE_PLACES`, so the same yearly raise gives the same yearly rate
whatever the term's length.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal, localcontext

from bargaining.domain.shared.errors import InvalidInput, term

#: Yearly rates (in percent) are rounded to this many places before they are compared.
RATE_PLACES = Decimal("1e-18")
_DIGITS = 40


def as_decimal(value: object, what: str) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal | str):
        raise InvalidInput.worded("{what} must be a number, not {value}",
                                  what=what, value=repr(value))
    try:
        number = Decimal(str(value))
    except ArithmeticError:
        raise InvalidInput.worded("{what} must be a number, not {value}",
                                  what=what, value=repr(value)) from None
    if not number.is_finite():
        raise InvalidInput.worded("{what} must be a finite number", what=what)
    return number


def as_decimals(values: Iterable[object]) -> tuple[Decimal, ...]:
    return tuple(as_decimal(v, term("a yearly increase")) for v in values)


def optional_decimal(value: object) -> Decimal | None:
    return None if value is None else as_decimal(value, term("a floor, cap or period"))


def show_percent(value: Decimal) -> str:
    return f"{value.quantize(Decimal('0.1'))}%".replace(".0%", "%")


def show_number(value: Decimal) -> str:
    text = f"{value.normalize():f}"
    return text


def show_money(value: Decimal) -> str:
    """$1,000 or $1.25: whole amounts without cents."""
    if value == value.to_integral_value():
        return f"${value.to_integral_value():,}"
    return f"${value.quantize(Decimal('0.01')):,}"


def compound(percents: Iterable[Decimal]) -> Decimal:
    """Increases in percent compounded: exact, as every factor is a finite decimal."""
    factor = Decimal(1)
    with localcontext() as ctx:
        ctx.prec = 200
        for pct in percents:
            factor *= 1 + pct / 100
        return (factor - 1) * 100


def yearly_rate(total: Decimal, years: Decimal) -> Decimal:
    """The yearly rate in percent that compounds to ``total`` percent over ``years``."""
    if years <= 0:
        raise InvalidInput.worded("a term lasts more than zero years")
    factor = 1 + total / 100
    if factor <= 0:
        raise InvalidInput.worded("a change of {show_percent} leaves nothing to compound",
                                  show_percent=show_percent(total))
    with localcontext() as ctx:
        ctx.prec = _DIGITS
        rate = (factor ** (1 / years) - 1) * 100 if years != 1 else total
        return +rate.quantize(RATE_PLACES)


def total_over(yearly: Decimal, years: Decimal) -> Decimal:
    """The total in percent that a yearly rate compounds to over ``years``."""
    with localcontext() as ctx:
        ctx.prec = _DIGITS
        factor = 1 + yearly / 100
        if years == years.to_integral_value():
            return (factor ** int(years) - 1) * 100
        return (factor ** years - 1) * 100


def real_change(nominal: Decimal, inflation: Decimal) -> Decimal:
    """The change in real wages, in percent, of a nominal change against inflation."""
    with localcontext() as ctx:
        ctx.prec = _DIGITS
        return ((1 + nominal / 100) / (1 + inflation / 100) - 1) * 100
