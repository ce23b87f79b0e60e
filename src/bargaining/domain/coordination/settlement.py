"""A unit's new agreement from every table it sits at: what each ratified, folded into one.

A unit that sits at a central table (wages, the term) and a sectoral one (staffing, workload)
gets one collective agreement: the terms and clauses of every table's ratified tentative
agreement, by key, over the agreement it replaces (:func:`.carried.carried_forward`), with the
dates of the table that bargains the term. It exists once that table has ratified; a table
that ratifies later corrects it (:meth:`BargainingUnit.correct_agreement`), so the agreement
always holds everything ratified so far.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from uuid import UUID

import attrs

from bargaining.domain.frameworks.carried import carried_forward
from bargaining.domain.frameworks.framework import Demand
from bargaining.domain.frameworks.terms import Terms, TermValue, Tiered
from bargaining.domain.units.agreement import CollectiveAgreement


@attrs.frozen
class RatifiedTable:
    """What one table ratified for a unit: its tentative agreement's terms, its dates (none at
    a table that does not bargain the term), the day it was ratified and the round's id."""

    round_id: UUID
    terms: Terms
    effective: date | None
    expiry: date | None
    ratified_on: date


def replaced_by(agreements: Iterable[CollectiveAgreement], effective: date | None
                ) -> CollectiveAgreement | None:
    """The agreement a new one taking effect on ``effective`` replaces: the latest that
    expired before that day."""
    earlier = [a for a in agreements if effective is None or a.expiry < effective]
    return max(earlier, key=lambda a: a.expiry) if earlier else None


def this_cycle(tables: Sequence[RatifiedTable], replaced: CollectiveAgreement | None
               ) -> list[RatifiedTable]:
    """The tables that bargained this agreement: those ratified after the agreement it
    replaces was settled (a table of the last cycle the unit no longer sits at is left out)."""
    if replaced is None or replaced.settled is None:
        return list(tables)
    settled = replaced.settled
    return [t for t in tables if t.ratified_on > settled]


def settled_agreement(
    tables: Sequence[RatifiedTable], agreements: Iterable[CollectiveAgreement], *,
    demands: Iterable[Demand] = (),
) -> CollectiveAgreement | None:
    """The unit's new agreement from the tables it sits at that have ratified (``tables``, in
    the order they opened), or ``None`` before the table that bargains the term has: the
    terms and clauses of each, by key (a key two tables name is the later table's), carried
    forward over the agreement it replaces; the dates of the table that bargains the term;
    settled on the day the last of them ratified."""
    dated = [t for t in tables if t.expiry is not None]
    if not dated:
        return None
    term_table = dated[-1]
    replaced = replaced_by(agreements, term_table.effective)
    folded = [t for t in this_cycle(tables, replaced) if t.expiry is None] + [term_table]
    folded.sort(key=lambda t: tables.index(t))
    merged: dict[str, TermValue | Tiered] = {}
    for table in folded:
        merged.update(table.terms.items)
    terms, clauses = carried_forward(Terms(merged), replaced, demands=demands)
    rounds = [str(t.round_id) for t in folded]
    source = (f"ratified in bargaining round {rounds[0]}" if len(rounds) == 1
              else f"ratified in bargaining rounds {', '.join(rounds)}")
    assert term_table.expiry is not None
    return CollectiveAgreement(
        expiry=term_table.expiry, effective=term_table.effective,
        settled=max(t.ratified_on for t in folded), source=source, terms=terms,
        clauses=clauses)
