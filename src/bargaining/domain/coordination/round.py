"""A bargaining round at one table: from notice to bargain to a ratified agreement.

A round is recorded per bargaining table. A table covers one unit (its local table, as every
round opened before tables existed) or many (a central or master table, a sectoral table), and
bargains the matters it names (every matter when it names none). Offers, proposals, tentative
agreements, evaluations, sign-offs and votes are recorded once per table; the members of its
units ratify by one vote, or by returns unit by unit combined by the table's rule
(:mod:`~bargaining.domain.coordination.returns`).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any
from uuid import UUID

from eventsourcing.domain import Aggregate, event

from bargaining.domain.coordination.offers import Offer, TableStatus, TentativeAgreement
from bargaining.domain.coordination.pact import SignOffDecision
from bargaining.domain.coordination.ratification import (
    RatificationVote,
    breach_of,
    ratifies,
    sign_off_flags,
)
from bargaining.domain.coordination.returns import (
    Return,
    ReturnsResult,
    ReturnsRule,
    check_return,
    combine_returns,
    members_vote,
)
from bargaining.domain.coordination.round_reading import RoundReading
from bargaining.domain.coordination.tables import TableKind, agreement_dates, opening
from bargaining.domain.frameworks.evaluation import Evaluation, Terms
from bargaining.domain.frameworks.framework import Category
from bargaining.domain.shared.actor import Actor, clean_reason, require_actor
from bargaining.domain.shared.dates import require_date
from bargaining.domain.shared.errors import InvalidInput, RuleViolation, term
from bargaining.domain.shared.flags import Flag
from bargaining.domain.shared.vote import Tally, Vote
from bargaining.domain.units.agreement import CollectiveAgreement

__all__ = ["BargainingRound", "Offer", "TableStatus", "TentativeAgreement"]


class BargainingRound(RoundReading, Aggregate):
    """One round of bargaining at one table (of one unit or many), possibly inside a cluster.
    What it says of itself (ratified, the matters it bargains, its status) is read as
    :class:`~bargaining.domain.coordination.round_reading.RoundReading` reads it."""

    class Opened(Aggregate.Created):
        """The table opened on the day notice to bargain was served.

        Version 2 (tables) names every unit the table covers (``unit_ids``), its ``kind``,
        the ``matters`` it bargains (none: every matter), the ``returns_rule`` its returns
        combine by, and its ``name``. Release 0.1 stored it for one unit (``unit_id``): that
        reads as a local table of that unit bargaining every matter."""

        class_version = 2

        unit_ids: list[UUID]
        notice_served: date
        cluster_id: UUID | None
        kind: TableKind
        matters: list[Category]
        returns_rule: ReturnsRule
        name: str | None
        actor: Actor
        reason: str | None

        @staticmethod
        def upcast_v1_v2(state: dict[str, Any]) -> None:
            state["unit_ids"] = [state.pop("unit_id")]
            state["kind"] = TableKind.LOCAL
            state["matters"] = []
            state["returns_rule"] = ReturnsRule.ALL_BALLOTS
            state["name"] = None

    # Ratified and RatificationFailed were released without flags; version 2 adds those seen
    # when the vote was recorded (the audit copy). Version 1 reads with none.

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
        cls, *, unit_id: UUID | None = None, on: date, actor: Actor,
        cluster_id: UUID | None = None, reason: str | None = None,
        unit_ids: Sequence[UUID] = (), kind: TableKind | str = TableKind.LOCAL,
        matters: Sequence[Category | str] = (), returns_rule: ReturnsRule | str =
        ReturnsRule.ALL_BALLOTS, name: str | None = None,
    ) -> BargainingRound:
        """Open a table on the day notice to bargain was served (kept as ``notice_served``):
        one unit's (``unit_id``) or many units' (``unit_ids``), of a ``kind``, bargaining the
        ``matters`` named (every matter if none), its returns combined by ``returns_rule``."""
        return cls(**opening(unit_id, unit_ids, kind, matters, returns_rule, name),
                   notice_served=require_date(on, term("notice date")), cluster_id=cluster_id,
                   actor=require_actor(actor), reason=clean_reason(reason))

    @event(Opened)
    def __init__(
        self, *, unit_ids: list[UUID], notice_served: date, cluster_id: UUID | None,
        kind: TableKind, matters: list[Category], returns_rule: ReturnsRule, name: str | None,
        actor: Actor, reason: str | None,
    ) -> None:
        #: The units the table covers, in the order given.
        self.unit_ids = tuple(unit_ids)
        self.notice_served = notice_served
        self.cluster_id = cluster_id
        self.kind = kind
        #: The matters it bargains; empty: every matter.
        self.matters = tuple(matters)
        self.returns_rule = returns_rule
        self.name = name
        #: The ratification returns on its current tentative agreement, as they came in;
        #: its last count of returns and the tentative agreement it was on (none: 0).
        self.returns: list[Return] = []
        self.counted: ReturnsResult | None = None
        self.counted_number = 0
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

    def sign_off_flags(
        self, decisions: Sequence[SignOffDecision], *, sign_off_required: bool
    ) -> tuple[Flag, ...]:
        """The flags its members' votes carry as read: each judged against the committee's
        decisions on this round (``decisions``, the cluster's sign-offs as the reading knows
        them) by the days the votes were held; ``sign_off_required``: the pact, as known."""
        return sign_off_flags(self.ratification_votes, round_id=self.id, decisions=decisions,
                              sign_off_required=sign_off_required)

    def _require_open(self) -> None:
        if self.ratified:
            raise RuleViolation.worded("this round's agreement is already ratified")

    def record_offer(
        self, terms: Terms, *, on: date, evaluation: Evaluation | None, actor: Actor,
    ) -> None:
        """An employer offer, with its evaluation against the cluster's framework if any."""
        actor = require_actor(actor)
        self._require_open()
        if not isinstance(terms, Terms):
            raise InvalidInput.worded("an offer needs its Terms")
        offer = Offer(terms, require_date(on, term("offer date")), evaluation)
        self._offer_received(offer=offer, actor=actor)

    @event("OfferReceived")
    def _offer_received(self, offer: Offer, actor: Actor) -> None:
        self.offers.append(offer)

    def table_proposal(self, terms: Terms, *, on: date, actor: Actor) -> None:
        """A union proposal put on the table."""
        actor = require_actor(actor)
        self._require_open()
        if not isinstance(terms, Terms):
            raise InvalidInput.worded("a proposal needs its Terms")
        self._proposal_tabled(terms=terms, tabled_on=require_date(on, term("proposal date")),
                              actor=actor)

    @event("ProposalTabled")
    def _proposal_tabled(self, terms: Terms, tabled_on: date, actor: Actor) -> None:
        self.proposals.append((tabled_on, terms))

    def reach_tentative_agreement(
        self, terms: Terms, *, on: date, effective: date | None, expiry: date | None,
        evaluation: Evaluation | None, actor: Actor, reason: str | None = None,
        agreements: Sequence[CollectiveAgreement] = (), unit_label: str = "the unit",
        covered: Sequence[tuple[str, Sequence[CollectiveAgreement]]] = (),
    ) -> None:
        """The bargaining team's tentative agreement; a new one replaces an earlier one.

        ``agreements`` are the unit's recorded agreements (``unit_label`` names it), or, at a
        table of many units, ``covered`` gives each unit's label and agreements: a tentative
        agreement whose dates overlap one of them is refused now, since ratified it could not
        become that unit's agreement. A table that does not bargain the term takes no dates."""
        actor = require_actor(actor)
        self._require_open()
        if not isinstance(terms, Terms):
            raise InvalidInput.worded("a tentative agreement needs its Terms")
        effective, expiry = agreement_dates(self.bargains_term, effective, expiry,
                                            covered or [(unit_label, agreements)])
        ta = TentativeAgreement(terms, require_date(on, term("date reached")), effective, expiry,
                                evaluation)
        self._tentative_reached(agreement=ta, actor=actor, reason=clean_reason(reason))

    @event("TentativeAgreementReached")
    def _tentative_reached(
        self, agreement: TentativeAgreement, actor: Actor, reason: str | None
    ) -> None:
        self.tentative = agreement
        self.tentative_number += 1
        self.returns = []

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
            raise RuleViolation.worded("there is no tentative agreement to ratify")
        if not isinstance(vote, Vote):
            raise InvalidInput.worded("a ratification needs the members' Vote")
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

    def _counted(self, vote: Vote, flags: list[Flag], carried: bool | None = None) -> None:
        failing = self.tentative.below_floor if self.tentative is not None else ()
        self.ratification_votes.append(RatificationVote(
            vote, self.tentative_number, failing, tuple(flags), carried=carried))
        self.recorded_flags.extend(flags)

    def record_return(self, given: Return, *, actor: Actor, reason: str | None = None
                      ) -> ReturnsResult:
        """A unit's (or a local's, an assembly's) tally on the tentative agreement as it comes
        in, recorded; returns the result so far. Refused, because it cannot be: see
        :func:`~.returns.check_return`, and no tentative agreement or its count closed."""
        actor = require_actor(actor)
        self._require_open()
        if self.tentative is None:
            raise RuleViolation.worded("there is no tentative agreement for members to vote on")
        if not isinstance(given, Return):
            raise InvalidInput.worded("a ratification return is a Return (the unit and its Vote)")
        self._require_uncounted()
        check_return(given, self.returns, self.unit_ids)
        self._return_recorded(unit_id=given.unit_id, vote=given.vote, place=given.place,
                              actor=actor, reason=clean_reason(reason))
        return self.returns_result()

    @event("ReturnRecorded")
    def _return_recorded(
        self, unit_id: UUID, vote: Vote, place: str | None, actor: Actor, reason: str | None
    ) -> None:
        self.returns.append(Return(unit_id, vote, place))

    def _require_uncounted(self) -> None:
        if self.counted is not None and self.counted_number == self.tentative_number:
            raise RuleViolation.worded("the returns on tentative agreement {tentative_number} "
                                       "were counted", tentative_number=self.tentative_number)

    def count_returns(
        self, *, on: date, sign_off_required: bool, actor: Actor,
        sign_offs: Sequence[SignOffDecision] = (), reason: str | None = None,
    ) -> ReturnsResult:
        """Close the count on the day ``on``: the returns combine by the table's rule, and
        the tentative agreement is ratified if they carry (a fact, recorded either way). A
        count may close with units missing (the table decides so): they have not carried,
        and the count names them. The sign-off rule judges the members' vote as held on the
        day of the first return."""
        actor = require_actor(actor)
        self._require_open()
        day = require_date(on, term("day the count closed"))
        if self.tentative is None:
            raise RuleViolation.worded("there is no tentative agreement for members to vote on")
        self._require_uncounted()
        result = self.returns_result()
        vote = result.vote
        if vote is None:
            raise RuleViolation.worded("no returns have come in to count")
        if day < vote.held_on:
            raise InvalidInput.worded("the count cannot close before its last return ({held_on})",
                                      held_on=vote.held_on)
        breach = breach_of(
            members_vote(result, self.returns), failing=self.tentative.below_floor,
            tentative_number=self.tentative_number, round_id=self.id, decisions=sign_offs,
            sign_off_required=sign_off_required, carried=result.carried)
        self._returns_counted(
            on=day, rule=self.returns_rule, carried=result.carried, tally=result.tally,
            units_carried=result.units_carried, units_returned=len(result.units),
            against=list(result.against), missing=list(result.missing),
            flags=[] if breach is None else [breach], actor=actor, reason=clean_reason(reason))
        return result

    @event("ReturnsCounted")
    def _returns_counted(
        self, on: date, rule: ReturnsRule, carried: bool, tally: Tally, units_carried: int,
        units_returned: int, against: list[UUID], missing: list[UUID], flags: list[Flag],
        actor: Actor, reason: str | None,
    ) -> None:
        # The round keeps what the count decided: the combined tally, carried or failed by
        # the rule (on the day the count closed; judged for sign-off as of the first return).
        result = combine_returns(self.returns, rule, seated=self.unit_ids)
        self.counted, self.counted_number = result, self.tentative_number
        if carried:
            self.ratification = result.counted(on, carried)
        else:
            self.failed_votes.append(result.counted(on, carried))
        first = members_vote(result, self.returns).held_on
        self._counted(result.counted(first, carried), flags, carried)

    @event("OtherBodyVoted")
    def _other_body_voted(self, vote: Vote, actor: Actor, reason: str | None) -> None:
        self.other_votes.append(vote)
