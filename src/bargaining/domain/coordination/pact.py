"""What a cluster holds besides its events: the pact's rules, members, the committee's
sign-off decisions, me-too entitlements and the framework versions it adopted."""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from datetime import date
from uuid import UUID

import attrs

from bargaining.domain.shared.actor import Actor
from bargaining.domain.shared.phrases import Phrase
from bargaining.domain.shared.vote import Vote


class PactRule(enum.Enum):
    """Rules a cluster's coordination pact may contain."""

    SIGN_OFF = "no settlement below a floor goes to ratification without the cluster's sign-off"
    NO_DEAL_UNTIL_ALL_SETTLE = "no deal until every table settles"
    ME_TOO = "me-too: a later, better settlement flows back to units that settled earlier"
    NON_RAIDING = "non-raiding"
    #: With ``ME_TOO``: a later settlement flows back only to members of the same employer.
    ME_TOO_SAME_EMPLOYER = "me-too only between members of the same employer"


@attrs.define
class Member:
    """A unit's membership of a cluster; withdrawn members stay in the record."""

    unit_id: UUID
    label: str
    expiry: date | None
    admitted_by: Actor
    override_reason: str | None = None
    withdrawn: bool = False
    pact_signed_on: date | None = None
    admitted_on: date | None = None  # None: admitted before clusters recorded the day


def names(given: Sequence[str]) -> tuple[str, ...]:
    """Names (of demands) as a tuple of text."""
    return tuple(str(n) for n in given)


@attrs.frozen
class SignOffDecision:
    """The coordinating committee's decision on a below-floor tentative agreement."""

    round_id: UUID
    unit_id: UUID
    approved: bool
    vote: Vote
    tentative_number: int
    failing_demands: tuple[str, ...] = attrs.field(converter=names)
    decided_by: Actor = attrs.field(kw_only=True)
    reason: str | None = attrs.field(kw_only=True)


def latest_decision(
    decisions: Iterable[SignOffDecision], round_id: UUID, *, tentative_number: int | None = None,
    on: date | None = None,
) -> SignOffDecision | None:
    """The committee's last word on a round's tentative agreement (on the one numbered
    ``tentative_number``, if given): the decision whose vote was held last (held the same day:
    the one recorded last); with ``on``, the last held on or before that day. Decisions are
    dated by their vote, not by when they were recorded: one back-filled later counts from the
    day it was held."""
    found = [d for d in decisions if d.round_id == round_id
             and (tentative_number is None or d.tentative_number == tentative_number)
             and (on is None or d.vote.held_on <= on)]
    return sorted(found, key=lambda d: d.vote.held_on)[-1] if found else None


@attrs.frozen
class MeTooEntitlement:
    """A unit that settled earlier is owed a later settlement's better term on a demand."""

    unit_id: UUID
    demand: str
    from_unit_id: UUID
    explanation: str
    #: The explanation as a phrase, read in the reader's language (none on an entitlement
    #: stored before phrases: its English explanation reads as stored). Not compared.
    wording: Phrase | None = attrs.field(default=None, eq=False, kw_only=True)

    @classmethod
    def worded(cls, unit_id: UUID, demand: str, from_unit_id: UUID,
               why: Phrase) -> MeTooEntitlement:
        """An entitlement whose explanation is a phrase, read in the reader's language."""
        return cls(unit_id, demand, from_unit_id, why.english(), wording=why)

    @property
    def reads(self) -> str:
        """The explanation in the reader's language (as stored, before phrases)."""
        return self.wording.read() if self.wording is not None else self.explanation


@attrs.frozen
class AdoptedFramework:
    framework_id: UUID
    name: str
    version: int
