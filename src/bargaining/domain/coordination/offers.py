"""What a bargaining table holds besides its events: offers, tentative agreements, and where
the table stands."""

from __future__ import annotations

import enum
from datetime import date

import attrs

from bargaining.domain.frameworks.evaluation import Evaluation, Terms, Verdict


class TableStatus(enum.Enum):
    OPEN = "open"
    TENTATIVE = "at tentative agreement"
    AWAITING_SIGN_OFF = "awaiting sign-off"
    RATIFIED = "ratified"


@attrs.frozen
class Offer:
    """What the employer put on the table, and how it measured up when it landed."""

    terms: Terms
    received_on: date
    evaluation: Evaluation | None


@attrs.frozen
class TentativeAgreement:
    """What the bargaining team agreed, before members vote; its agreement dates too (none at a
    table that does not bargain the term: the table that does sets them)."""

    terms: Terms
    reached_on: date
    effective: date | None
    expiry: date | None
    evaluation: Evaluation | None

    @property
    def below_floor(self) -> tuple[str, ...]:
        if self.evaluation is None:
            return ()
        return tuple(v.demand for v in self.evaluation.verdicts
                     if v.verdict is Verdict.BELOW_FLOOR)
