"""The rules a ratification vote and a tentative agreement's dates answer to, as pure functions.

A ratification vote is a fact: it is recorded whatever the pact says. Under a pact with
sign-off, a tentative agreement below any floor should go to members only after the
coordinating committee approved *that* tentative agreement; a vote held without that approval
is recorded with a :class:`~bargaining.domain.shared.flags.Flag` of
``FlagRule.RATIFIED_WITHOUT_SIGN_OFF`` naming the failing demands (:func:`sign_off_breach`).

Only the members ratify: a vote held by another body (delegates, the executive, a committee)
on the tentative agreement is recorded as what it was, and ratifies nothing (:func:`ratifies`).
A vote stored before votes named their body (``body`` ``None``) was a members' vote.

A tentative agreement carries the dates of the agreement it would make, and a unit's
agreements never overlap, so one that overlaps an agreement the unit has is refused when it is
reached (:func:`refuse_overlap`), not later when members have voted.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from bargaining.domain.coordination.cluster import SignOffDecision
from bargaining.domain.shared.errors import RuleViolation
from bargaining.domain.shared.flags import Flag, FlagRule
from bargaining.domain.shared.vote import BodyKind, Vote
from bargaining.domain.units.agreement import CollectiveAgreement


def approved_for(decision: SignOffDecision | None, tentative_number: int) -> bool:
    """Whether the committee's latest decision on a round approved this tentative agreement
    (an approval of an earlier one does not carry over to a new one)."""
    return (decision is not None and decision.approved
            and decision.tentative_number == tentative_number)


def ratifies(vote: Vote) -> bool:
    """Whether a vote is the members' own: only a members' vote (or one stored before votes
    named their body) can ratify a tentative agreement."""
    return vote.body is None or vote.body.kind is BodyKind.MEMBERS


def sign_off_breach(
    vote: Vote, *, failing: Sequence[str], tentative_number: int, sign_off_required: bool,
    signed_off: bool,
) -> Flag | None:
    """The flag a members' vote carries when the pact requires sign-off, the tentative
    agreement is below a floor (``failing`` names the demands) and the committee has not
    approved it; ``None`` when the vote breaks no rule of the pact."""
    if not (sign_off_required and failing and not signed_off):
        return None
    outcome = "carried" if vote.passed else "failed"
    return Flag(
        FlagRule.RATIFIED_WITHOUT_SIGN_OFF,
        f"tentative agreement {tentative_number}, below the framework's floor on "
        f"{', '.join(failing)}, went to the members' vote of {vote.held_on} without the "
        f"committee's sign-off the pact requires; the vote {outcome}",
    )


def refuse_overlap(
    label: str, effective: date, expiry: date, agreements: Sequence[CollectiveAgreement],
) -> None:
    """Refuse a tentative agreement whose dates overlap an agreement the unit already has
    (the one in force, or any earlier one): ratified, it could not be recorded."""
    proposed = CollectiveAgreement(expiry=expiry, effective=effective)
    for existing in agreements:
        if proposed.overlaps(existing):
            raise RuleViolation(
                f"{label}: the tentative agreement {effective} to {expiry} overlaps the "
                f"{existing.describe()} already recorded; a unit's agreements never overlap, "
                "so the new one must take effect after that one expires"
            )
