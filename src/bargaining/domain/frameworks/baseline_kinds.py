"""What kind of term a value of the agreement or the offer is, and how the baseline ranks it:
wages by their yearly rate, a clause present above absent, progression by fewer years. The
judgement against the agreement in force (:mod:`.baseline`) asks these of each term."""

from __future__ import annotations

from typing import Any

from bargaining.domain.frameworks.framework import Category
from bargaining.domain.frameworks.measures import (
    Binds,
    CompoundIncrease,
    Measure,
    Protection,
    Quantity,
    TermLength,
)
from bargaining.domain.frameworks.terms import (
    Amount,
    Clause,
    CostOfLiving,
    GreaterOf,
    Increases,
    Indexed,
    Progression,
    Raises,
    Tiered,
    Years,
)
from bargaining.domain.shared.errors import InvalidInput


def is_indexed(value: Any) -> bool:
    """Whether a wage term protects against inflation: a cost-of-living adjustment or a raise
    indexed to it, in every tier."""
    if isinstance(value, Tiered):
        return is_indexed(value.incumbents) and is_indexed(value.new_hires)
    steps = value.steps if isinstance(value, Raises) else ()
    return any(isinstance(step, CostOfLiving | Indexed)
               or (isinstance(step, GreaterOf)
                   and (isinstance(step.first, Indexed) or isinstance(step.second, Indexed)))
               for step in steps)


UNRANKED = Quantity("", 0, 0)


def tier(value: Any) -> Any:
    return value.new_hires if isinstance(value, Tiered) else value


def term_kind(value: Any, key: str, whose: str) -> str:
    value = tier(value)
    if isinstance(value, Increases | Raises):
        return "wages"
    if isinstance(value, Clause):
        return "clause"
    if isinstance(value, Amount):
        return "quantity"
    if isinstance(value, Progression):
        return "progression"
    if isinstance(value, Years):
        return "years"
    raise InvalidInput.worded("{whose}'s term for '{key}' is not a term: {value}",
                              whose=whose, key=key, value=repr(value))


_MEASURES: dict[str, type[Any]] = {"wages": CompoundIncrease, "clause": Protection,
                                   "quantity": Quantity, "progression": Quantity,
                                   "years": TermLength}


def ranking_measure(key: str, kind: str, measure: Measure | None) -> Measure | None:
    """How a term is ranked: by its demand, else wages by the yearly rate, a clause present
    above absent, progression by fewer years. A term's length is no gain members hold: a
    longer or shorter one only changes."""
    if measure is not None and not isinstance(measure, _MEASURES[kind]):
        raise InvalidInput.worded("the demand '{key}' measures {kind}, and the term is {value}",
                                  key=key, kind=measure.kind,
                                  value='a clause' if kind == 'clause' else kind)
    if measure is None or kind == "years":
        if kind == "wages":
            return CompoundIncrease(0, 0, binds=Binds.YEARLY)
        if kind == "clause":
            return Protection(key)
        if kind == "progression":
            return Quantity("years to the top rate", 0, 0, more_is_better=False)
        return None
    known: Measure = measure
    return known


def default_category(value: Any) -> Category | None:
    kind = tier(value)
    if isinstance(kind, Increases | Raises | Progression):
        return Category.WAGES
    return Category.TERM if isinstance(kind, Years) else None


def gives_clause(value: Any) -> bool:
    return any(isinstance(v, Clause) and v.present
               for v in ((value.incumbents, value.new_hires) if isinstance(value, Tiered)
                         else (value,)))

