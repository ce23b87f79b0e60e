"""Money: exact decimal amounts in a currency, with the currency's minor units.

A budget keeps its money in one currency, named by its ISO 4217 code (``"CAD"``, ``"USD"``,
``"EUR"``). Amounts are :class:`~decimal.Decimal`, given as a ``Decimal``, a whole number or
text (``"12500.00"``); a ``float`` is refused, since ``0.1`` as a float is not one tenth. An
amount is kept at its currency's minor units (two decimal places for most currencies, none for
the yen, three for the Kuwaiti dinar): ``"12500"`` CAD is kept as ``12500.00``, and an amount
with more decimal places than the currency has (a hundredth of a cent) is refused as money
that cannot have been paid. Nothing is ever rounded.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from fractions import Fraction

import attrs

from bargaining.domain.shared.errors import InvalidInput
from bargaining.domain.shared.phrases import amount as phrase_amount

#: ISO 4217 currencies whose minor unit is not the hundredth: how many decimal places they have.
#: Every other well-formed code has two.
MINOR_UNITS: dict[str, int] = {
    **dict.fromkeys(("BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF",
                     "UGX", "UYI", "VND", "VUV", "XAF", "XOF", "XPF"), 0),
    **dict.fromkeys(("BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"), 3),
    **dict.fromkeys(("CLF", "UYW"), 4),
}


class WrongCurrency(InvalidInput):
    """An amount is given in another currency than the budget keeps its money in."""


def check_currency(code: object) -> str:
    """An ISO 4217 code: three capital letters (``"CAD"``)."""
    if not (isinstance(code, str) and len(code) == 3 and code.isascii() and code.isalpha()
            and code.isupper()):
        raise InvalidInput.worded("a currency is its ISO 4217 code, three capital letters such "
                                  "as 'CAD', not {code}", code=repr(code))
    return code


def minor_units(currency: str) -> int:
    """How many decimal places the currency's amounts have."""
    return MINOR_UNITS.get(currency, 2)


def as_number(value: Decimal | int | str) -> Decimal:
    """An amount given as a ``Decimal``, a whole number or text, as a finite ``Decimal``; a
    float is refused (``0.1`` as a float is not one tenth)."""
    if isinstance(value, float):
        raise InvalidInput.worded("money is exact: give the amount as a Decimal or as text such "
                                  "as '12500.00', not the float {value}", value=repr(value))
    if isinstance(value, bool) or not isinstance(value, Decimal | int | str):
        raise InvalidInput.worded("an amount of money is a Decimal, a whole number or text, not "
                                  "{name}", name=type(value).__name__)
    try:
        number = Decimal(value.strip() if isinstance(value, str) else value)
    except (InvalidOperation, ValueError):
        raise InvalidInput.worded("an amount of money is a number such as '12500.00'") from None
    if not number.is_finite():
        raise InvalidInput.worded("an amount of money is a finite number")
    return number


def exact_amount(value: Decimal | int | str, currency: str) -> Decimal:
    """An amount of this currency, exactly, at its minor units; refused in words when it is
    a float, not a number, or finer than the currency's smallest unit."""
    number = as_number(value)
    places = minor_units(currency)
    step = Decimal(1).scaleb(-places)
    try:
        kept = number.quantize(step)
    except InvalidOperation:
        raise InvalidInput.worded("the amount is too large to keep exactly in {currency}",
                                  currency=currency) from None
    if kept != number:
        smallest = "a whole unit" if places == 0 else f"{step}"
        raise InvalidInput.worded("{number} {currency} cannot have been paid: {currency}'s "
                                  "smallest amount is {smallest}",
                                  number=number, currency=currency, smallest=smallest)
    return kept


@attrs.frozen
class Money:
    """An exact amount in a currency: ``Money("12500.00", "CAD")``. The amount is kept at the
    currency's minor units (``Money(12500, "CAD").amount == Decimal("12500.00")``)."""

    amount: Decimal = attrs.field(converter=as_number)
    currency: str = attrs.field(converter=check_currency)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "amount", exact_amount(self.amount, self.currency))

    def __str__(self) -> str:
        return money_text(self.amount, self.currency)


def money_phrase(amount: Decimal, currency: str) -> tuple[str, str]:
    """An amount for a phrase, read as :func:`money_text` writes it in English."""
    return phrase_amount(amount, currency, minor_units(currency))


def money_text(amount: Decimal, currency: str) -> str:
    """'1,250,000.00 CAD': thousands separated, at the currency's minor units."""
    return f"{amount:,.{minor_units(currency)}f} {currency}"


def in_currency(money: object, currency: str, what: str) -> Decimal:
    """The amount of ``money``, which must be :class:`Money` in ``currency`` and above zero."""
    if not isinstance(money, Money):
        raise InvalidInput.worded("the {what} is Money, with its currency: Money('12500.00', "
                                  "'{currency}'), not {money}",
                                  what=what, currency=currency, money=repr(money))
    if money.currency != currency:
        raise WrongCurrency.worded("the {what} is in {currency}, but this budget keeps its money "
                                   "in {currency2}",
                                   what=what, currency=money.currency, currency2=currency)
    if money.amount <= 0:
        raise InvalidInput.worded("the {what} must be more than zero, not {money}",
                                  what=what, money=money)
    return money.amount


def split(amount: Decimal, weights: tuple[Fraction, ...], currency: str) -> tuple[Decimal, ...]:
    """``amount`` split in proportion to ``weights``, at the currency's minor units, so that
    the parts add up to the amount exactly: each part is its share rounded down to the
    smallest unit, and the units left over go one each to the parts that lost most in the
    rounding (the first of equal ones first)."""
    places = minor_units(currency)
    units = int(amount.scaleb(places))
    total = sum(weights)
    exact = [Fraction(units) * w / total for w in weights]
    parts = [int(e // 1) for e in exact]
    left = units - sum(parts)
    order = sorted(range(len(weights)), key=lambda i: (-(exact[i] - parts[i]), i))
    for i in order[:left]:
        parts[i] += 1
    return tuple(Decimal(p).scaleb(-places) for p in parts)
