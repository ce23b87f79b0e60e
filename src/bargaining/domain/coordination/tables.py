"""Bargaining tables: what a table is (its kind, the units it covers, the matters it bargains)
and when a unit sitting at several tables is settled.

A bargaining round is recorded per table. A local table covers one unit and bargains every
matter; a central table (a master table, in the UAW's word) covers many units and bargains the
matters they share (wages, pensions, the term); a sectoral table bargains what is particular
to a sector (workload, staffing) for the units of that sector. A unit is settled when every
table it sits at has a ratified agreement (:func:`unit_settled`).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any, Protocol
from uuid import UUID

from bargaining.domain.coordination.ratification import refuse_overlap
from bargaining.domain.coordination.returns import returns_rule_of
from bargaining.domain.frameworks.framework import Category
from bargaining.domain.shared.dates import require_date
from bargaining.domain.shared.errors import InvalidInput, RuleViolation, term
from bargaining.domain.units.agreement import CollectiveAgreement


class TableKind(enum.Enum):
    """Where bargaining happens: one unit's own table, a sector's, or the central one."""

    LOCAL = "local"
    SECTORAL = "sectoral"
    CENTRAL = "central"
    #: A central table as the UAW names it: one master agreement for many plants.
    MASTER = "master"


class SeatedTable(Protocol):
    """What :func:`unit_settled` reads of a table."""

    @property
    def unit_ids(self) -> tuple[UUID, ...]: ...

    @property
    def ratified(self) -> bool: ...


def unit_settled(unit_id: UUID, tables: Iterable[SeatedTable]) -> bool:
    """Whether a unit is settled: it sits at one table or more among ``tables``, and every
    one of them has ratified."""
    seats = [t for t in tables if unit_id in t.unit_ids]
    return bool(seats) and all(t.ratified for t in seats)


def table_title(kind: TableKind, name: str | None) -> str:
    """How organizers name a table: "the central table 'Front commun'", "the sectoral
    table"."""
    named = f" '{name}'" if name else ""
    return f"the {kind.value} table{named}"


def table_kind(value: object) -> TableKind:
    if isinstance(value, TableKind):
        return value
    try:
        return TableKind(value)
    except ValueError:
        raise InvalidInput.worded("a table is {tablekind}, not {value}",
                                  tablekind=', '.join(k.value for k in TableKind),
                                  value=repr(value)) from None


def matters_of(given: Sequence[object]) -> list[Category]:
    """The matters a table bargains, as framework categories (``Category.WAGES`` or its name
    ``"wages"``); none means every matter."""
    if isinstance(given, str | Category) or not isinstance(given, Iterable):
        raise InvalidInput.worded("a table's matters are a list of categories (none: every "
                                  "matter), not {given}", given=repr(given))
    found: list[Category] = []
    for value in given:
        try:
            matter = value if isinstance(value, Category) else Category(value)
        except ValueError:
            raise InvalidInput.worded("a table bargains matters among {category}, not {value}",
                                      category=', '.join(c.value for c in Category),
                                      value=repr(value)) from None
        if matter not in found:
            found.append(matter)
    return found


def unit_ids_of(given: Sequence[object]) -> list[UUID]:
    """The units a table covers: one or more unit ids, each once."""
    if isinstance(given, UUID | str) or not given:
        raise InvalidInput.worded("a table covers one or more units (a list of unit ids)")
    found: list[UUID] = []
    for value in given:
        if not isinstance(value, UUID):
            raise InvalidInput.worded("a table covers units by id (a UUID), not {value}",
                                      value=repr(value))
        if value in found:
            raise InvalidInput.worded("the unit {value} is named twice at one table", value=value)
        found.append(value)
    return found


def opening(
    unit_id: UUID | None, unit_ids: Sequence[UUID], kind: object, matters: Sequence[object],
    returns_rule: object, name: object,
) -> dict[str, Any]:
    """What a table opens with, checked: its units (one ``unit_id`` or a list), kind,
    matters, rule for its returns and name."""
    if unit_id is not None:
        if not isinstance(unit_id, UUID):
            raise InvalidInput.worded("a round is opened for a unit id (a UUID)")
        if unit_ids:
            raise InvalidInput.worded("a table is opened for one unit or a list of units: one")
        unit_ids = [unit_id]
    if name is not None and (not isinstance(name, str) or not name.strip()):
        raise InvalidInput.worded("a table's name is text")
    return {"unit_ids": unit_ids_of(unit_ids), "kind": table_kind(kind),
            "matters": matters_of(matters), "returns_rule": returns_rule_of(returns_rule),
            "name": None if name is None else " ".join(name.split())}


def agreement_dates(
    bargains_term: bool, effective: object, expiry: object,
    covered: Sequence[tuple[str, Sequence[CollectiveAgreement]]],
) -> tuple[date | None, date | None]:
    """A tentative agreement's dates, checked: at a table that bargains the term, an effective
    date and a later expiry that overlap no agreement of a unit it covers (``covered``: each
    unit's label and agreements); at one that does not, none (the table that does sets them)."""
    if not bargains_term:
        if effective is not None or expiry is not None:
            raise InvalidInput.worded("this table does not bargain the term: the agreement's "
                                      "dates are set at the table that does")
        return None, None
    start = require_date(effective, term("effective date"))
    end = require_date(expiry, term("expiry date"))
    if end <= start:
        raise RuleViolation.worded("an agreement must expire after it takes effect: effective "
                                   "{start}, expiry {end}", start=start, end=end)
    for label, existing in covered:
        refuse_overlap(label, start, end, existing)
    return start, end
