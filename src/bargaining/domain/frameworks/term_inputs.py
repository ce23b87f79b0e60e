"""The plain values a term is given, checked as it is made: an amount or a length, a day
(a date or its ISO text), whether a clause is in, and the name of a tier's group of workers.
Each refuses what cannot be a term's value, in words, before any term is made of it."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import cast

from bargaining.domain.frameworks.figures import as_decimal
from bargaining.domain.shared.dates import is_date
from bargaining.domain.shared.errors import InvalidInput, term


def given_amount(value: object) -> Decimal:
    """An amount offered or a term's length, exact (never a float's approximation)."""
    return as_decimal(value, term("an offered amount or term length"))


def term_day(value: object) -> date:
    """A day a term speaks of: a date, or its ISO text as a host's form gives it."""
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    if not is_date(value):
        raise InvalidInput.worded("a term's date must be a date, not {value}", value=repr(value))
    return cast(date, value)


def optional_term_day(value: object) -> date | None:
    return None if value is None else term_day(value)


def clause_present(value: object) -> bool:
    """Whether a clause is in: ``True`` or ``False`` only, so that ``"no"`` is not read as in."""
    if not isinstance(value, bool):
        raise InvalidInput.worded("a clause is in the terms or not (True or False), not {value}",
                                  value=repr(value))
    return value


def tier_group(value: object) -> str:
    """The name of a tier's group of workers, in words (it is shown as it is given)."""
    if not isinstance(value, str):
        raise InvalidInput.worded("a tier's group of workers is named in words, not {value}",
                                  value=repr(value))
    return value
