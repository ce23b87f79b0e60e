"""A bargaining round at one unit: from notice to bargain to a ratified agreement."""

from __future__ import annotations

import enum
from collections.abc import Sequence
from datetime import date
from typing import Any
from uuid import UUID

import attrs
from eventsourcing.domain import Aggregate, event

from bargaining.domain.coordination.pact import SignOffDecision
from bargaining.domain.coordination.ratification import (
    RatificationVote,
    breach_of,
    ratifies,
    refuse_overlap,
    sign_off_flags,
)
from bargaining.domain.frameworks.evaluation import Evaluation, Terms, Verdict
from bargaining.domain.shared.actor import Actor, clean_reason, require_actor
from bargaining.domain.shared.dates import require_date
from bargaining.domain.shared.errors import InvalidInput, RuleViolation
from bargaining.domain.shared.flags import Flag
from bargaining.domain.shared.vote import Vote
from bargaining.domain.units.agreement import CollectiveAgreement


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
    """What the bargaining team agreed, before members vote; its agreement dates too."""

    terms: Terms
    reached_on: date
    effective: date
    expiry: date
    evaluation: Evaluation | None

    @property
    def below_floor(self) -> tuple[str, ...]:
        if self.evaluation is None:
            return ()
        return tuple(v.demand for v in self.evaluation.verdicts
                     if v.verdict is Verdict.BELOW_FLOOR)



class BargainingRound(Aggregate):
    """One round of bargaining at one unit, possibly inside a cluster."""

    # Ratified and RatificationFailed were released (version 1) without flags. Version 2 adds
    # them: the rules of the pact a members' vote broke, as seen when it was recorded (the
    # audit copy; readings derive the flags again). Events stored as version 1 are upcast on
    # loading with no flags: until then no vote could be held without a required sign-off.

    class Ratified(Aggregate.Event):
        """Members ratified the tentative agreement (version 2: with the flags it carries)."""

        class_version = 2

        vote: Vote
        actor: Actor
        reason: str | None
        flags: list[Flag]

        @staticmethod
        def upcast_v1_v2(state: dict[str, Any]) -> None:
            state["flags"] = []

    class RatificationFailed(Aggregate.Event):
        """Members rejected the tentative agreement (version 2: with the flags it carries)."""

        class_version = 2

        vote: Vote
        actor: Actor
        reason: str | None
        flags: list[Flag]

        @staticmethod
        def upcast_v1_v2(state: dict[str, Any]) -> None:
            state["flags"] = []

    @classmethod
    def open(
        cls, *, unit_id: UUID, on: date, actor: Actor, cluster_id: UUID | None = None,
        reason: str | None = None,
    ) -> BargainingRound:
        """Open a round on the day notice to bargain was served (kept as ``notice_served``)."""
        if not isinstance(unit_id, UUID):
            raise InvalidInput("a round is opened for a unit id (a UUID)")
        return cls(unit_id=unit_id, notice_served=require_date(on, "notice date"),
                   cluster_id=cluster_id, actor=require_actor(actor), reason=clean_reason(reason))

    @event("Opened")
    def __init__(
        self, *, unit_id: UUID, notice_served: date, cluster_id: UUID | None, actor: Actor,
        reason: str | None,
    ) -> None:
        self.unit_id = unit_id
        self.notice_served = notice_served
        self.cluster_id = cluster_id
        self.offers: list[Offer] = []
        self.proposals: list[tuple[date, Terms]] = []
        self.tentative: TentativeAgreement | None = None
        self.tentative_number = 0
        self.ratification: Vote | None = None
        self.failed_votes: list[Vote] = []
        #: Votes on the tentative agreement by a body other than the members: they ratify
        #: nothing.
        self.other_votes: list[Vote] = []
        #: The members' votes on its tentative agreements, in the order recorded, each with
        #: the tentative agreement it was on and the flags recorded with it.
        self.ratification_votes: list[RatificationVote] = []
        #: The flags recorded with its members' votes, as seen when each was recorded (the
        #: audit copy, never rewritten). What a reading shows is :meth:`sign_off_flags`.
        self.recorded_flags: list[Flag] = []

    @property
    def ratified(self) -> bool:
        return self.ratification is not None

    def sign_off_flags(
        self, decisions: Sequence[SignOffDecision], *, sign_off_required: bool
    ) -> tuple[Flag, ...]:
        """The flags its members' votes carry as read: each judged against the committee's
        decisions on this round (``decisions``, the cluster's sign-offs as the reading knows
        them) by the days the votes were held; ``sign_off_required``: the pact, as known."""
        return sign_off_flags(self.ratification_votes, round_id=self.id, decisions=decisions,
                              sign_off_required=sign_off_required)

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

    def _require_open(self) -> None:
        if self.ratified:
            raise RuleViolation("this round's agreement is already ratified")

    def record_offer(
        self, terms: Terms, *, on: date, evaluation: Evaluation | None, actor: Actor,
    ) -> None:
        """An employer offer, with its evaluation against the cluster's framework if any."""
        actor = require_actor(actor)
        self._require_open()
        if not isinstance(terms, Terms):
            raise InvalidInput("an offer needs its Terms")
        offer = Offer(terms, require_date(on, "offer date"), evaluation)
        self._offer_received(offer=offer, actor=actor)

    @event("OfferReceived")
    def _offer_received(self, offer: Offer, actor: Actor) -> None:
        self.offers.append(offer)

    def table_proposal(self, terms: Terms, *, on: date, actor: Actor) -> None:
        """A union proposal put on the table."""
        actor = require_actor(actor)
        self._require_open()
        if not isinstance(terms, Terms):
            raise InvalidInput("a proposal needs its Terms")
        self._proposal_tabled(terms=terms, tabled_on=require_date(on, "proposal date"),
                              actor=actor)

    @event("ProposalTabled")
    def _proposal_tabled(self, terms: Terms, tabled_on: date, actor: Actor) -> None:
        self.proposals.append((tabled_on, terms))

    def reach_tentative_agreement(
        self, terms: Terms, *, on: date, effective: date, expiry: date,
        evaluation: Evaluation | None, actor: Actor, reason: str | None = None,
        agreements: Sequence[CollectiveAgreement] = (), unit_label: str = "the unit",
    ) -> None:
        """The bargaining team's tentative agreement; a new one replaces an earlier one.

        ``agreements`` are the unit's recorded agreements (``unit_label`` names it): a
        tentative agreement whose dates overlap one of them is refused now, since ratified it
        could not become the unit's agreement."""
        actor = require_actor(actor)
        self._require_open()
        if not isinstance(terms, Terms):
            raise InvalidInput("a tentative agreement needs its Terms")
        effective = require_date(effective, "effective date")
        expiry = require_date(expiry, "expiry date")
        if expiry <= effective:
            raise RuleViolation(
                f"an agreement must expire after it takes effect: effective {effective}, "
                f"expiry {expiry}"
            )
        refuse_overlap(unit_label, effective, expiry, agreements)
        ta = TentativeAgreement(terms, require_date(on, "date reached"), effective, expiry,
                                evaluation)
        self._tentative_reached(agreement=ta, actor=actor, reason=clean_reason(reason))

    @event("TentativeAgreementReached")
    def _tentative_reached(
        self, agreement: TentativeAgreement, actor: Actor, reason: str | None
    ) -> None:
        self.tentative = agreement
        self.tentative_number += 1

    def record_ratification_vote(
        self, vote: Vote, *, sign_off_required: bool, actor: Actor,
        sign_offs: Sequence[SignOffDecision] = (), reason: str | None = None,
    ) -> bool:
        """A vote on the tentative agreement: a fact, always recorded; returns whether it
        ratified the agreement.

        The membership's vote (members by ballot or in a general assembly, or no body stated)
        ratifies when it carries. Under a pact with sign-off (``sign_off_required``), a
        tentative agreement below any floor should go to members only once the committee
        approved it: its latest decision on it held on or before the vote's day, among
        ``sign_offs`` (the cluster's decisions), must approve it. A vote held without that
        approval is recorded all the same, with a flag naming the failing demands (the audit
        copy, kept on the event). A vote by another body (delegates, the executive ...) is
        recorded and ratifies nothing.
        Refused, because it cannot be: a vote with no tentative agreement, a vote after
        ratification, anything but a :class:`Vote`."""
        actor = require_actor(actor)
        self._require_open()
        if self.tentative is None:
            raise RuleViolation("there is no tentative agreement to ratify")
        if not isinstance(vote, Vote):
            raise InvalidInput("a ratification needs the members' Vote")
        reason = clean_reason(reason)
        if not ratifies(vote):
            self._other_body_voted(vote=vote, actor=actor, reason=reason)
            return False
        breach = breach_of(
            vote, failing=self.tentative.below_floor, tentative_number=self.tentative_number,
            round_id=self.id, decisions=sign_offs, sign_off_required=sign_off_required,
        )
        flags = [] if breach is None else [breach]
        if vote.passed:
            self._ratified(vote=vote, actor=actor, reason=reason, flags=flags)
        else:
            self._ratification_failed(vote=vote, actor=actor, reason=reason, flags=flags)
        return vote.passed

    @event(Ratified)
    def _ratified(self, vote: Vote, actor: Actor, reason: str | None, flags: list[Flag]) -> None:
        self.ratification = vote
        self._counted(vote, flags)

    @event(RatificationFailed)
    def _ratification_failed(
        self, vote: Vote, actor: Actor, reason: str | None, flags: list[Flag]
    ) -> None:
        self.failed_votes.append(vote)
        self._counted(vote, flags)

    def _counted(self, vote: Vote, flags: list[Flag]) -> None:
        failing = self.tentative.below_floor if self.tentative is not None else ()
        self.ratification_votes.append(
            RatificationVote(vote, self.tentative_number, failing, tuple(flags)))
        self.recorded_flags.extend(flags)

    @event("OtherBodyVoted")
    def _other_body_voted(self, vote: Vote, actor: Actor, reason: str | None) -> None:
        self.other_votes.append(vote)
