"""What a budget's or the goals' decisions need: a carried vote of the body that holds the
power, and records that exist. Refusals here record nothing."""

from __future__ import annotations

from bargaining.domain.shared.errors import InvalidInput, RecordNotFound, RuleViolation
from bargaining.domain.shared.vote import Body, Vote


class LineNotFound(RecordNotFound):
    """The budget has no line of that name."""


class GoalNotFound(RecordNotFound):
    """The members' goals hold no goal with that id."""


def require_body(body: object) -> Body:
    """The body that holds the power: a :class:`Body` (``Body.members()``,
    ``Body.delegates()``, ``Body.named("Convention")`` ...)."""
    if not isinstance(body, Body):
        raise InvalidInput.worded("name the body that holds the power as a Body, such as "
                                  "Body.members() or Body.delegates()")
    return body


def require_carried(vote: object, body: Body, what: str) -> Vote:
    """The vote behind a decision: held by ``body`` (the body that holds the power), and
    carried by its rule. A tally that does not add up was refused when the vote was made."""
    if not isinstance(vote, Vote):
        raise InvalidInput.worded("{what} needs the Vote that decided it", what=what)
    if vote.body != body:
        held_by = "an unnamed body" if vote.body is None else vote.body.describe()
        raise RuleViolation.worded("{what} is decided by a vote of the {describe}, which holds "
                                   "the power; this vote was held by the {held_by}",
                                   what=what, describe=body.describe(), held_by=held_by)
    if not vote.passed:
        raise RuleViolation.worded("{what} needs a carried vote of the {describe}; this one "
                                   "failed ({explain})",
                                   what=what, describe=body.describe(), explain=vote.phrase())
    return vote
