"""The clauses of a collective agreement, by name and category, and what the judgement of an
offer against the agreement in force reads of that agreement (:class:`InForce`)."""

from __future__ import annotations

from decimal import Decimal
from typing import Protocol

import attrs

from bargaining.domain.frameworks.figures import optional_decimal, show_number
from bargaining.domain.frameworks.framework import Category
from bargaining.domain.frameworks.terms import Terms
from bargaining.domain.shared.errors import InvalidInput


def _name(value: object) -> str:
    if not isinstance(value, str) or not value.strip():
        raise InvalidInput.worded("a clause needs a name (the key offers name it by: "
                                  "'contracting-out')")
    return " ".join(value.split())


def _category(value: object) -> Category:
    try:
        return value if isinstance(value, Category) else Category(value)
    except ValueError:
        raise InvalidInput.worded("a clause's category is one of {category}; not {value}",
                                  category=', '.join(c.value for c in Category),
                                  value=repr(value)) from None


@attrs.frozen
class ContractClause:
    """A clause of a collective agreement, by name and category: contracting-out language, a
    staffing ratio, job security. A clause that guarantees a figure (4.1 hours of care per
    resident day) gives it as ``standard``, with its ``unit`` and whether more is better.

    Offers name the clause by its ``name`` (a key of their :class:`Terms`): ``Clause(True)``
    keeps it, ``Clause(False)`` drops it, ``Amount(x)`` sets its figure; an offer that does
    not name it leaves it as it is, as a renewed agreement keeps the language it does not
    change."""

    name: str = attrs.field(converter=_name)
    category: Category = attrs.field(converter=_category)
    standard: Decimal | None = attrs.field(default=None, converter=optional_decimal)
    unit: str = ""
    more_is_better: bool = True

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.unit, str) or not isinstance(self.more_is_better, bool):
            raise InvalidInput.worded("the {name} clause's unit is text, more_is_better yes or no",
                                      name=self.name)

    def describe(self) -> str:
        """'the contracting-out clause', 'the staffing ratio clause (4.1 hours of care …)'."""
        if self.standard is None:
            return f"the {self.name} clause"
        return f"the {self.name} clause ({figure(self.standard, self.unit)})"


class InForce(Protocol):
    """What the judgement reads of the agreement in force (a ``CollectiveAgreement``)."""

    @property
    def terms(self) -> Terms | None: ...

    @property
    def clauses(self) -> tuple[ContractClause, ...]: ...

    def describe(self) -> str: ...


def figure(value: Decimal, unit: str) -> str:
    """A figure with its unit: '4.1 hours of care per resident day'."""
    return f"{show_number(value)} {unit}".strip()
