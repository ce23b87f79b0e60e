"""Collective agreements: the contract whose expiry decides when a unit bargains."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

import attrs

from bargaining.domain.frameworks.clauses import ContractClause
from bargaining.domain.frameworks.terms import Terms
from bargaining.domain.shared.dates import require_date
from bargaining.domain.shared.errors import InvalidInput, RuleViolation, term


def _date_or_none(value: object, what: str) -> None:
    if value is not None:
        require_date(value, what)


def _clauses(values: Any) -> tuple[ContractClause, ...]:
    if isinstance(values, ContractClause):
        values = [values]
    if isinstance(values, str) or not isinstance(values, Iterable):
        raise InvalidInput.worded("an agreement's clauses are a list of ContractClause")
    clauses = tuple(values)
    for clause in clauses:
        if not isinstance(clause, ContractClause):
            raise InvalidInput.worded("an agreement's clauses are ContractClause values, not "
                                      "{name}", name=type(clause).__name__)
    return clauses


@attrs.frozen
class CollectiveAgreement:
    """One agreement of a unit.

    ``effective`` may be unknown (``None``): public notice data such as FMCS F-7 gives only the
    expiry. ``source`` says where the fact came from (a document, "F-7 notice, line 12").
    ``terms`` (wages, progression, amounts, term length, keyed as a framework's demands are)
    and ``clauses`` (its protections, by name and category) are what the members have: the
    baseline an offer to replace it is judged against, so a past gain it weakens or drops is
    seen as a concession. Both may be unknown (``None`` and no clauses), as for agreements
    known from notices only.
    """

    expiry: date
    effective: date | None = None
    settled: date | None = None
    source: str | None = None
    terms: Terms | None = attrs.field(default=None, hash=False)
    clauses: tuple[ContractClause, ...] = attrs.field(default=(), converter=_clauses)

    def __attrs_post_init__(self) -> None:
        if self.expiry is None:
            raise InvalidInput.worded("an agreement needs an expiry date")
        _date_or_none(self.expiry, term("expiry date"))
        _date_or_none(self.effective, term("effective date"))
        _date_or_none(self.settled, term("settlement date"))
        if self.source is not None and not isinstance(self.source, str):
            raise InvalidInput.worded("an agreement's source must be text")
        if self.effective is not None and self.expiry <= self.effective:
            raise RuleViolation.worded("an agreement must expire after it takes effect: "
                                       "effective {effective}, expiry {expiry}",
                                       effective=self.effective, expiry=self.expiry)
        if self.terms is not None and not isinstance(self.terms, Terms):
            raise InvalidInput.worded("an agreement's terms are Terms: "
                                      "Terms.of(wages=Increases([...]))")
        names = [c.name for c in self.clauses]
        repeated = sorted({n for n in names if names.count(n) > 1})
        if repeated:
            raise InvalidInput.worded("each clause of an agreement is named once; repeated: "
                                      "{repeated}", repeated=', '.join(repeated))
        both = sorted(set(names) & set(self.terms.items if self.terms is not None else ()))
        if both:
            raise InvalidInput.worded("a clause and a term of the agreement share the name "
                                      "{both}: an offer could not tell them apart",
                                      both=', '.join(both))

    @property
    def start(self) -> date:
        """First day known to be covered: the effective date, or the expiry when unknown."""
        return self.effective if self.effective is not None else self.expiry

    def overlaps(self, other: CollectiveAgreement) -> bool:
        """Whether two agreements would cover a common day (unknown starts count as the expiry)."""
        return self.start <= other.expiry and other.start <= self.expiry

    def describe(self) -> str:
        start = self.effective.isoformat() if self.effective else "unknown effective date"
        return f"agreement {start} to {self.expiry.isoformat()}"


def agreement_on(
    agreements: Iterable[CollectiveAgreement], day: date
) -> CollectiveAgreement | None:
    """The agreement a unit was working under on ``day``, among its agreements: the one in
    force (an unknown effective date counts as in force until its expiry: it began after the
    agreement before it expired, as a unit's agreements never overlap), or else the latest
    that had expired, carried over until a newer one; ``None`` if none had begun by then."""
    known = list(agreements)
    in_force = [a for a in known
                if a.expiry >= day and (a.effective is None or a.effective <= day)]
    if in_force:
        return min(in_force, key=lambda a: a.expiry)
    expired = [a for a in known if a.expiry < day]
    return max(expired, key=lambda a: a.expiry) if expired else None


def begun_by(agreements: Iterable[CollectiveAgreement], day: date) -> list[CollectiveAgreement]:
    """The agreements a unit had begun working under by ``day``: the one it worked under
    then (:func:`agreement_on`) and those before it, in the order given. The latest of them
    is the one it worked under, so a map that shows a unit's latest agreement shows it."""
    known = list(agreements)
    then = agreement_on(known, day)
    return [] if then is None else [a for a in known if a.expiry <= then.expiry]
