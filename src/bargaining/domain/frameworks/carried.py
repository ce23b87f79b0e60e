"""What a ratified tentative agreement makes of the agreement in force: the next baseline.

A renewed agreement keeps what it does not change: every term and clause of the agreement it
replaces that the tentative agreement does not name is carried into the new one, so a gain won
in one round is still defended in the next (:func:`.baseline.judge_against_agreement`).
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from bargaining.domain.frameworks.clauses import ContractClause, InForce
from bargaining.domain.frameworks.framework import Demand
from bargaining.domain.frameworks.measures import Protection
from bargaining.domain.frameworks.terms import Amount, Clause, Terms, TermValue, Tiered
from bargaining.domain.shared.errors import InvalidInput


def carried_forward(
    terms: Terms, agreement: InForce | None, *, demands: Iterable[Demand] = (),
) -> tuple[Terms, tuple[ContractClause, ...]]:
    """The terms and clauses of the agreement a ratified tentative agreement (``terms``)
    makes of the agreement in force, the baseline the next offer is judged against.

    - Every term and clause of the agreement in force that ``terms`` does not name is carried
      over unchanged (the agreement is renewed, not rewritten).
    - A clause in force is dropped by ``Clause(False)`` and takes the figure of an ``Amount``.
    - A term ``terms`` names replaces the one in force; ``Clause(False)`` on a term leaves
      nothing (the agreement has no such clause).
    - A clause ``terms`` adds (``Clause(True)``) becomes a :class:`ContractClause` of the
      category of the framework's demand on that key (a ``Protection``, in ``demands``);
      with no such demand its category is unknown, and it stays a term ``Clause(True)``:
      carried forward all the same, and judged like a clause (an offer that drops it
      concedes it).
    """
    if not isinstance(terms, Terms):
        raise InvalidInput.worded("a ratified agreement is carried forward by its Terms")
    found = tuple(demands)
    if not all(isinstance(d, Demand) for d in found):
        raise InvalidInput.worded("demands are the framework version's Demand values")
    protections = {d.key: d for d in found if isinstance(d.measure, Protection)}
    clauses = agreement.clauses if agreement is not None else ()
    held = agreement.terms if agreement is not None else None
    names = {c.name for c in clauses}
    kept: list[ContractClause] = []
    for clause in clauses:
        offered = terms.items.get(clause.name)
        if isinstance(offered, Clause) and not offered.present:
            continue
        if isinstance(offered, Amount) and clause.standard is not None:
            clause = attrs.evolve(clause, standard=offered.value)
        kept.append(clause)
    carried: dict[str, TermValue | Tiered] = dict(held.items) if held is not None else {}
    for key, value in terms.items.items():
        if key in names:
            continue
        if isinstance(value, Clause) and not value.present:
            carried.pop(key, None)
        elif isinstance(value, Clause) and key in protections:
            carried.pop(key, None)
            kept.append(ContractClause(key, protections[key].category))
        else:
            carried[key] = value
    return Terms(carried), tuple(kept)
