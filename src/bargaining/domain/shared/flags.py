"""Flags: a fact that broke a rule is recorded, never refused, and carries a flag saying which.

A flag names the rule (a :class:`FlagRule`, stable for a host to filter on) and why, in the
domain's words. Flags show in status, readiness, history and the audit log. Some are raised when
the fact is recorded (a ratification without the cluster's sign-off); others depend on other
facts known at the time of reading (a strike while a law bans it, until the law is repealed and
deemed never in force), so they are derived whenever the record is read.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from typing import Any

import attrs

from bargaining.domain.shared.errors import InvalidInput
from bargaining.domain.shared.language import gettext_if_known, translate
from bargaining.domain.shared.phrases import Phrase


class FlagRule(enum.Enum):
    """The rules a recorded fact can break."""

    #: Raised on a members' vote whether it carried or failed (the name is kept as released
    #: to hosts; the words say what the rule is).
    RATIFIED_WITHOUT_SIGN_OFF = (
        "put to the members' vote below the framework's floor without the cluster's sign-off")
    NO_VALID_MANDATE = "struck without a valid strike mandate"
    BELOW_STRIKE_RUNG = "struck before the campaign reached its strike rung"
    AGREEMENT_IN_FORCE = "struck while an agreement was in force"
    LAW_IN_FORCE = "struck while a law banning strikes or imposing a contract was in force"
    BEFORE_LEGAL_STRIKE_POSITION = "struck before the legal strike position"
    CAMPAIGN_PAUSED = "struck while the campaign was paused"
    THREAT_OUT_OF_ORDER = "dated out of order in its threat's life"
    LINE_OVERSPENT = "spent past the budget line's allocation"
    SPENT_OUTSIDE_PERIOD = "spent outside the budget's period"
    SHORT_NOTICE = "met with less notice than the body's rules require"
    NO_QUORUM = "met without the body's quorum"
    REPORT_OVERDUE = "a report not filed when it was due"
    RAID_BREACHES_PACT = "a raid on a unit another signatory represents, breaching their pact"
    CERTIFIED_BELOW_THRESHOLD = (
        "certified short of the jurisdiction's threshold as the host configured it")

    @classmethod
    def _missing_(cls, value: object) -> FlagRule | None:
        """Words a rule had in builds before release (never in a released store)."""
        return _EARLIER_WORDS.get(value) if isinstance(value, str) else None


_EARLIER_WORDS = {
    "ratified below the framework's floor without the cluster's sign-off":
        FlagRule.RATIFIED_WITHOUT_SIGN_OFF,
}


def _rule(value: object) -> FlagRule:
    if isinstance(value, FlagRule):
        return value
    try:
        return FlagRule(value)
    except ValueError:
        raise InvalidInput.worded("no flag rule {value}", value=repr(value)) from None


@attrs.frozen
class Flag:
    """A rule a fact broke, and why: ``Flag(FlagRule.NO_VALID_MANDATE, "its strike vote of
    2022-10-01 did not carry")``. ``why`` is English, as every release stored it; a flag
    raised with :meth:`worded` also keeps why as a phrase (its figures and their kinds), so
    that :attr:`reads` says it in the reader's language."""

    rule: FlagRule = attrs.field(converter=_rule)
    why: str
    #: Not compared: a flag is the rule and its English why, worded or not (a host comparing
    #: flags finds a flag raised with a phrase equal to the one it would write out).
    wording: Phrase | None = attrs.field(default=None, eq=False)

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.why, str) or not self.why.strip():
            raise InvalidInput.worded("a flag says why, in words")

    @classmethod
    def worded(cls, rule: FlagRule, why: Phrase) -> Flag:
        """A flag whose why is a phrase, read in the reader's language."""
        return cls(rule, why.english(), why)

    def plain(self) -> list[Any]:
        """The flag as plain JSON values, for a read model's table: ``[rule, why]``, and
        the phrase after them when the flag has one; :meth:`from_plain` reads both forms."""
        found: list[Any] = [self.rule.value, self.why]
        return found if self.wording is None else [*found, self.wording.plain()]

    @classmethod
    def from_plain(cls, stored: Sequence[Any]) -> Flag:
        """A flag back from :meth:`plain` (a ``[rule, why]`` pair written before flags kept
        their phrase reads as stored, in English)."""
        rule, why, *wording = stored
        return cls(FlagRule(rule), why, Phrase.from_plain(wording[0]) if wording else None)

    @property
    def reads(self) -> str:
        """Why, in the reader's language (a flag raised before phrases: as stored)."""
        return self.wording.read() if self.wording is not None else self.why

    def describe(self) -> str:
        """The rule and why, in one line, in the reader's language."""
        return translate("{rule}: {why}", rule=gettext_if_known(self.rule.value), why=self.reads)
