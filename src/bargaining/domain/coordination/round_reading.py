"""What a bargaining round says of itself: whether it is ratified, the unit it is named by,
the matters it bargains, its returns combined so far and where its table stands.

:class:`RoundReading` is the reading side of
:class:`~bargaining.domain.coordination.round.BargainingRound`, kept apart from its commands
and events: it holds no state and records nothing, so it is not stored (a round's records and
snapshots are named by the ``BargainingRound`` class alone)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bargaining.domain.coordination.offers import TableStatus, TentativeAgreement
from bargaining.domain.coordination.returns import (
    Return,
    ReturnsResult,
    ReturnsRule,
    combine_returns,
)
from bargaining.domain.frameworks.framework import Category
from bargaining.domain.shared.vote import Vote

if TYPE_CHECKING:
    from uuid import UUID


class RoundReading:
    """A round's answers about itself, read from what it recorded."""

    if TYPE_CHECKING:  # set by BargainingRound's events
        unit_ids: tuple[UUID, ...]
        matters: tuple[Category, ...]
        returns_rule: ReturnsRule
        returns: list[Return]
        tentative: TentativeAgreement | None
        ratification: Vote | None

    @property
    def ratified(self) -> bool:
        return self.ratification is not None

    @property
    def unit_id(self) -> UUID:
        """The table's first unit (its only one at a local table)."""
        return self.unit_ids[0]

    @property
    def bargains_term(self) -> bool:
        """Whether this table sets the agreement's dates (it bargains the term)."""
        return self.bargains(Category.TERM)

    def bargains(self, category: Category) -> bool:
        """Whether a matter is bargained at this table."""
        return not self.matters or category in self.matters

    def returns_result(self) -> ReturnsResult:
        """The returns on its current tentative agreement combined by its rule, so far."""
        return combine_returns(self.returns, self.returns_rule, seated=self.unit_ids)

    def status(self, sign_off_required: bool, signed_off: bool = False) -> TableStatus:
        """Where the table stands; a below-floor tentative agreement awaits sign-off under a
        pact that requires it, until the committee approves it (``signed_off``)."""
        if self.ratified:
            return TableStatus.RATIFIED
        if self.tentative is None:
            return TableStatus.OPEN
        if sign_off_required and self.tentative.below_floor and not signed_off:
            return TableStatus.AWAITING_SIGN_OFF
        return TableStatus.TENTATIVE
