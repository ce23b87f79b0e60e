"""The rules a ratification vote and a tentative agreement's dates answer to, as pure functions.

A ratification vote is a fact: it is recorded whatever the pact says. Under a pact with
sign-off, a tentative agreement below any floor should go to members only after the
coordinating committee approved *that* tentative agreement. What counts is the order of the
days, not of the recording: the committee's latest decision on that tentative agreement held on
or before the day the members voted must approve it (:func:`signed_off`). An approval voted
after the members' vote does not count, even if it was recorded first; one voted before it
counts, even if it was recorded (back-filled) later. A vote put to the members without that
approval carries a :class:`~bargaining.domain.shared.flags.Flag` of
``FlagRule.RATIFIED_WITHOUT_SIGN_OFF`` naming the failing demands (:func:`sign_off_breach`),
whether the vote carried or failed.

Two copies of those flags exist, on purpose. The ``Ratified``/``RatificationFailed`` event keeps
the flags seen when the vote was recorded: the audit copy, never rewritten (a round's
``recorded_flags``). The flags a reading shows are derived when it is read
(:func:`sign_off_flags`) from the round's members' votes and the committee's decisions as that
reading knows them (now, as known at a moment, or as things stood on a day), so a sign-off
decision back-filled later clears the flag from the readings that know it.

Only the membership ratifies (:func:`ratifies`): the members by ballot or in a general assembly,
or a vote stored before votes named their body. A vote by another body (delegates, the
executive, a committee) on the tentative agreement is recorded as what it was, and ratifies
nothing.

A tentative agreement carries the dates of the agreement it would make, and a unit's
agreements never overlap, so one that overlaps an agreement the unit has is refused when it is
reached (:func:`refuse_overlap`), not later when members have voted.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from uuid import UUID

import attrs

from bargaining.domain.coordination.pact import SignOffDecision, latest_decision
from bargaining.domain.shared.errors import RuleViolation
from bargaining.domain.shared.flags import Flag, FlagRule
from bargaining.domain.shared.language import mark
from bargaining.domain.shared.phrases import Phrase, day, figure, phrases, word
from bargaining.domain.shared.vote import Vote, by_the_membership
from bargaining.domain.units.agreement import CollectiveAgreement


@attrs.frozen
class RatificationVote:
    """A members' vote on a round's tentative agreement, as the round recorded it: the vote,
    which tentative agreement it was on (its number in the round), the demands that agreement
    was below the framework's floor on, and the flags recorded with the vote (the audit copy)."""

    vote: Vote
    tentative_number: int
    below_floor: tuple[str, ...]
    recorded_flags: tuple[Flag, ...] = ()
    #: Whether it ratified, where that is not the vote's own result: returns from many units
    #: combined by a table's rule (``None``: the vote's result).
    carried: bool | None = attrs.field(default=None, kw_only=True)

    @property
    def passed(self) -> bool:
        """Whether it ratified: the count's verdict for returns combined, else the vote's."""
        return self.vote.passed if self.carried is None else self.carried


def approved_for(decision: SignOffDecision | None, tentative_number: int) -> bool:
    """Whether a decision of the committee approved this tentative agreement (an approval of
    an earlier one does not carry over to a new one)."""
    return (decision is not None and decision.approved
            and decision.tentative_number == tentative_number)


def signed_off(
    decisions: Iterable[SignOffDecision], round_id: UUID, tentative_number: int, held_on: date,
) -> bool:
    """Whether the committee had signed off a round's tentative agreement by a day: its latest
    decision on that tentative agreement held on or before ``held_on`` approved it."""
    decision = latest_decision(decisions, round_id, tentative_number=tentative_number,
                               on=held_on)
    return approved_for(decision, tentative_number)


def ratifies(vote: Vote) -> bool:
    """Whether a vote can ratify a tentative agreement: only the membership's own can (members
    by ballot or in a general assembly, or a vote stored before votes named their body)."""
    return by_the_membership(vote)


def sign_off_breach(
    vote: Vote, *, failing: Sequence[str], tentative_number: int, sign_off_required: bool,
    signed_off: bool, approved_later_on: date | None = None, carried: bool | None = None,
) -> Flag | None:
    """The flag a members' vote carries when the pact requires sign-off, the tentative
    agreement is below a floor (``failing`` names the demands) and the committee had not
    approved it by the day of the vote (``signed_off``); ``None`` when the vote breaks no rule
    of the pact. ``approved_later_on``: the day the committee approved it after the vote;
    ``carried``: whether it ratified, when not the vote's own result (returns combined)."""
    if not (sign_off_required and failing and not signed_off):
        return None
    passed = vote.passed if carried is None else carried
    values = {"number": figure(tentative_number), "held_on": day(vote.held_on),
              "failing": phrases(Phrase.of(mark("{demand}"), demand=word(f)) for f in failing)}
    if passed:
        why = Phrase.of(mark("tentative agreement {number}, below the framework's floor on "
                             "{failing}, went to the members' vote of {held_on} without the "
                             "committee's sign-off the pact requires; the vote carried"),
                        **values)
    else:
        why = Phrase.of(mark("tentative agreement {number}, below the framework's floor on "
                             "{failing}, went to the members' vote of {held_on} without the "
                             "committee's sign-off the pact requires; the vote failed"),
                        **values)
    if approved_later_on is not None:
        why = Phrase.of(mark("{why}; the committee approved it on {approved_on}, after the "
                             "members' vote"), why=why, approved_on=day(approved_later_on))
    return Flag.worded(FlagRule.RATIFIED_WITHOUT_SIGN_OFF, why)


def breach_of(
    vote: Vote, *, failing: Sequence[str], tentative_number: int, round_id: UUID,
    decisions: Sequence[SignOffDecision], sign_off_required: bool, carried: bool | None = None,
) -> Flag | None:
    """The sign-off flag a members' vote carries given the committee's decisions on the round
    (as a reading knows them), judged by the days the votes were held."""
    approved = signed_off(decisions, round_id, tentative_number, vote.held_on)
    latest = latest_decision(decisions, round_id, tentative_number=tentative_number)
    later = (latest.vote.held_on if latest is not None and latest.approved
             and latest.vote.held_on > vote.held_on else None)
    return sign_off_breach(vote, failing=failing, tentative_number=tentative_number,
                           sign_off_required=sign_off_required, signed_off=approved,
                           approved_later_on=later, carried=carried)


def sign_off_flags(
    votes: Iterable[RatificationVote], *, round_id: UUID, decisions: Sequence[SignOffDecision],
    sign_off_required: bool,
) -> tuple[Flag, ...]:
    """The flags a round's members' votes carry when read: each vote judged against the
    committee's decisions on the round as the reading knows them (the cluster's
    ``sign_offs``) and the pact as it knows it (``sign_off_required``), in the order the votes
    were recorded."""
    flags = (breach_of(v.vote, failing=v.below_floor, tentative_number=v.tentative_number,
                       round_id=round_id, decisions=decisions,
                       sign_off_required=sign_off_required, carried=v.carried) for v in votes)
    return tuple(f for f in flags if f is not None)


def refuse_overlap(
    label: str, effective: date, expiry: date, agreements: Sequence[CollectiveAgreement],
) -> None:
    """Refuse a tentative agreement whose dates overlap an agreement the unit already has
    (the one in force, or any earlier one): ratified, it could not be recorded."""
    proposed = CollectiveAgreement(expiry=expiry, effective=effective)
    for existing in agreements:
        if proposed.overlaps(existing):
            raise RuleViolation.worded("{label}: the tentative agreement {effective} to {expiry} "
                                       "overlaps the {describe} already recorded; a unit's "
                                       "agreements never overlap, so the new one must take "
                                       "effect after that one expires",
                                       label=label, effective=effective, expiry=expiry,
                                       describe=existing.describe())
