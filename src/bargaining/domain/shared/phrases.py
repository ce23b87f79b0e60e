"""Phrases: a sentence the library keeps as structure, read in the reader's language.

An evaluation's explanation or a flag's "why" is kept with the fact it explains, and read long
after, by people who read French or English. Kept as an English sentence it reads in English
only; kept as a :class:`Phrase` (its English message id, marked for the catalog, and its
figures, each with its kind) it is worded when it is read, in the reader's language, with
numbers, percentages, money and dates as that language writes them. Its English reads exactly
as the sentence the library stored before phrases existed.

A phrase's values are stored as plain text (a decimal as its digits, a day in ISO), so that
stored phrases do not depend on how a number type is transcoded.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs
from babel.numbers import format_decimal as _babel_decimal

from bargaining.domain.shared.language import (
    Language,
    current_language,
    format_date,
    format_money,
    format_number,
    format_percent,
    gettext,
    gettext_if_known,
    reading_in,
)

#: The kinds of value a phrase holds, and how each is written.
KINDS = ("text", "word", "number", "share", "percent", "part", "percents", "money", "day", "count",
         "phrase", "phrases", "figure", "amount")
_NBSP = "\N{NO-BREAK SPACE}"


def _values(pairs: Iterable[Any]) -> tuple[tuple[str, str, Any], ...]:
    """Values back as tuples (a stored tuple comes back as a list)."""
    return tuple((str(name), str(kind), value) for name, kind, value in pairs)


@attrs.frozen
class Phrase:
    """An English message id with named placeholders, and its values: ``(name, kind,
    value)``, the kind one of :data:`KINDS`. Build one with :meth:`of` and the kind helpers
    (:func:`percent`, :func:`number`, ...); read it with :meth:`read`."""

    message: str
    values: tuple[tuple[str, str, Any], ...] = attrs.field(default=(), converter=_values)

    @classmethod
    def of(cls, message: str, **values: object) -> Phrase:
        """A phrase from a marked message and its values: a :class:`Phrase` nests, a str is
        text (a name, kept as written), a ``(kind, value)`` pair from a kind helper."""
        pairs: list[tuple[str, str, Any]] = []
        for name, value in values.items():
            if isinstance(value, Phrase):
                pairs.append((name, "phrase", value))
            elif isinstance(value, str):
                pairs.append((name, "text", value))
            elif isinstance(value, tuple) and len(value) == 2 and value[0] in KINDS:
                pairs.append((name, value[0], value[1]))
            else:
                raise TypeError(f"a phrase's value is a Phrase, text or a kind: {name}")
        return cls(message, tuple(pairs))

    def read(self) -> str:
        """The phrase in the current language (see ``reading_in``)."""
        written = {name: _written(kind, value) for name, kind, value in self.values}
        return gettext(self.message).format(**written)

    def english(self) -> str:
        """The phrase in English, as the library stored it before phrases existed."""
        with reading_in(Language.ENGLISH):
            return self.read()

    def __str__(self) -> str:
        return self.read()

    def plain(self) -> list[Any]:
        """The phrase as plain JSON values (a nested phrase too), for a table that keeps it
        as text: ``[message, [[name, kind, value], ...]]``; :meth:`from_plain` reads it."""
        return [self.message, [[name, kind, _plain(kind, value)]
                               for name, kind, value in self.values]]

    @classmethod
    def from_plain(cls, stored: Any) -> Phrase:
        """A phrase back from :meth:`plain`."""
        message, values = stored
        return cls(str(message), tuple((str(name), str(kind), _unplain(kind, value))
                                       for name, kind, value in values))


def _plain(kind: str, value: Any) -> Any:
    if kind == "phrase" and isinstance(value, Phrase):
        return value.plain()
    if kind == "phrases":
        separator, *items = value
        return [separator, *(item.plain() if isinstance(item, Phrase) else item
                             for item in items)]
    return list(value) if isinstance(value, tuple) else value


def _unplain(kind: str, value: Any) -> Any:
    if kind == "phrase" and isinstance(value, list):
        return Phrase.from_plain(value)
    if kind == "phrases":
        separator, *items = value
        return [separator, *(Phrase.from_plain(item) if isinstance(item, list) else item
                             for item in items)]
    return value


def percent(value: Decimal) -> tuple[str, str]:
    """A percentage (the English ``2.5%``, the French ``2,5 %``)."""
    return "percent", str(value)


def part(value: Fraction) -> tuple[str, str]:
    """A share of people in percent, by the one rounding rule (``format_percent``)."""
    return "part", str(Fraction(value))


def percents(values: Iterable[Decimal]) -> tuple[str, list[str]]:
    """Percentages listed with commas."""
    return "percents", [str(v) for v in values]


def share(value: Decimal) -> tuple[str, str]:
    """A share in percent written with all its digits (``66.67%``; ``66,67 %``)."""
    return "share", str(value)


def number(value: Decimal | int) -> tuple[str, str]:
    """A number as written in a term (no thousands separated in English)."""
    return "number", str(value)


def count(value: int) -> tuple[str, int]:
    """A count with its thousands separated."""
    return "count", int(value)


def figure(value: int) -> tuple[str, int]:
    """A count as English sentences stored it (``45433``), with its thousands separated in
    French (``45 433``)."""
    return "figure", int(value)


def amount(value: Decimal, currency: str, minor_units: int) -> tuple[str, str]:
    """An amount in a budget's currency at its minor units (``1,250,000.00 CAD``; in French
    ``1 250 000,00 CAD``)."""
    shown = Decimal(value).quantize(Decimal(1).scaleb(-minor_units))
    return "amount", f"{shown} {currency}"


def money(value: Decimal) -> tuple[str, str]:
    """An amount of money (``$1,000``; ``1 000 $``)."""
    return "money", str(value)


def day(value: date | None) -> tuple[str, str]:
    """A day (ISO in English, as stored sentences wrote it; written out in French); none
    known is written as the sentences wrote it."""
    return ("day", value.isoformat()) if value is not None else ("text", str(value))


def word(value: str) -> tuple[str, str]:
    """A domain word kept in English (a category, ``year``), translated where it is read."""
    return "word", value


def phrases(values: Iterable[Phrase], separator: str = ", ") -> tuple[str, list[Any]]:
    """Phrases listed (``separator`` between them, the same in both languages)."""
    return "phrases", [separator, *values]


def _written(kind: str, value: Any) -> str:
    french = current_language() is not Language.ENGLISH
    if kind == "text":
        return str(value)
    if kind == "word":
        return gettext_if_known(str(value))
    if kind == "phrase":
        return value.read() if isinstance(value, Phrase) else str(value)
    if kind == "phrases":
        separator, *items = value
        return str(separator).join(_written("phrase", item) for item in items)
    if kind == "percents":
        return ", ".join(_written("percent", item) for item in value)
    if kind == "part":
        return format_percent(Fraction(str(value)))
    if kind == "count":
        return format_number(int(value))
    if kind == "amount":
        digits, currency = str(value).split(" ", 1)
        sum_ = Decimal(digits)
        if not french:
            return f"{sum_:,} {currency}"
        return format_money(sum_, currency, max(0, -int(sum_.as_tuple().exponent)))
    if kind == "figure":
        return format_number(int(value)) if french else str(int(value))
    if kind == "day":
        return format_date(date.fromisoformat(value)) if french else str(value)
    decimal = Decimal(str(value))
    if kind == "percent":
        shown = decimal.quantize(Decimal("0.1"))
        if not french:
            return f"{shown}%".replace(".0%", "%")
        return f"{_babel_decimal(shown, format='#,##0.#', locale='fr_CA')}{_NBSP}%"
    if kind == "money":
        whole = decimal == decimal.to_integral_value()
        shown = decimal.to_integral_value() if whole else decimal.quantize(Decimal("0.01"))
        if not french:
            return f"${shown:,}"
        pattern = "#,##0" if whole else "#,##0.00"
        return f"{_babel_decimal(shown, format=pattern, locale='fr_CA')}{_NBSP}$"
    text = f"{decimal.normalize():f}"
    if kind == "share":
        return f"{text}%" if not french else f"{text.replace('.', ',')}{_NBSP}%"
    return text if not french else text.replace(".", ",")
