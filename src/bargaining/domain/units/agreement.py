"""Collective agreements: the contract whose expiry decides when a unit bargains."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import attrs

from bargaining.domain.shared.dates import require_date
from bargaining.domain.shared.errors import InvalidInput, RuleViolation


def _date_or_none(value: object, what: str) -> None:
    if value is not None:
        require_date(value, what)


@attrs.frozen
class CollectiveAgreement:
    """One agreement of a unit.

    ``effective`` may be unknown (``None``): public notice data such as FMCS F-7 gives only the
    expiry. ``source`` says where the fact came from (a document, "F-7 notice, line 12").
    """

    expiry: date
    effective: date | None = None
    settled: date | None = None
    source: str | None = None

    def __attrs_post_init__(self) -> None:
        if self.expiry is None:
            raise InvalidInput("an agreement needs an expiry date")
        _date_or_none(self.expiry, "expiry date")
        _date_or_none(self.effective, "effective date")
        _date_or_none(self.settled, "settlement date")
        if self.source is not None and not isinstance(self.source, str):
            raise InvalidInput("an agreement's source must be text")
        if self.effective is not None and self.expiry <= self.effective:
            raise RuleViolation(
                f"an agreement must expire after it takes effect: "
                f"effective {self.effective}, expiry {self.expiry}"
            )

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
