"""Escalation ladders: ordered rungs, each with the participation threshold that proves it.

A ladder depends on context (in a factory a petition is a high rung, in higher education a low
one), so each campaign may bring its own; :data:`DEFAULT_LADDER` is the practitioners' ladder
of the design guide. Thresholds are exact percentages of eligible workers: organizing
benchmarks, not law. The strike vote rung also states, apart from its benchmark, the rule that
makes a strike mandate *valid* (:attr:`Rung.mandate_rule`, a majority of valid ballots unless
given; two thirds of ballots in the UAW constitution).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from fractions import Fraction

import attrs

from bargaining.domain.campaigns.inputs import require_text
from bargaining.domain.shared.errors import InvalidInput, term
from bargaining.domain.shared.shares import as_percent, show_percent
from bargaining.domain.shared.vote import Threshold

#: The strike vote's threshold when a ladder has no strike vote rung of its own.
DEFAULT_STRIKE_VOTE_PERCENT = 85


class RungKind(enum.Enum):
    """What passes a rung: a held action's turnout, or (for the strike vote rung) the vote."""

    ACTION = "action"
    STRIKE_VOTE = "strike vote"
    STRIKE = "strike"


def same(a: str, b: str) -> bool:
    """Rung names match whatever their case and spacing."""
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def _percent(value: object) -> Fraction:
    return as_percent(value, term("a rung's threshold"))


def _kind(value: object) -> RungKind:
    if isinstance(value, RungKind):
        return value
    try:
        return RungKind(value)
    except ValueError:
        raise InvalidInput.worded("a rung's kind is one of {rungkind}, not {value}",
                                  rungkind=', '.join(k.value for k in RungKind),
                                  value=repr(value)) from None


def _rung_name(value: object) -> str:
    return require_text(value, term("a rung's name"))


def _mandate_rule(value: object) -> Threshold | None:
    if value is None or isinstance(value, Threshold):
        return value
    raise InvalidInput.worded("a strike mandate's rule is a Threshold, such as "
                              "Threshold.majority_of_valid()")


@attrs.frozen
class Rung:
    """One rung of a ladder: its name and the participation threshold, in percent of eligible
    workers, that proves it (``Rung("majority petition", 51)``).

    On the strike vote rung the threshold is the organizing benchmark (a share of eligible
    members voting yes, which readiness measures), and ``mandate_rule`` is the legal or
    constitutional rule that makes a strike mandate valid, a majority of valid ballots unless
    given: ``Rung("strike vote", 85, RungKind.STRIKE_VOTE,
    mandate_rule=Threshold.two_thirds_of_valid())``. Other rungs have no mandate rule. Rungs
    stored before rungs had one read back with the default."""

    name: str = attrs.field(converter=_rung_name)
    threshold: Fraction = attrs.field(converter=_percent)
    kind: RungKind = attrs.field(default=RungKind.ACTION, converter=_kind)
    mandate_rule: Threshold | None = attrs.field(default=None, converter=_mandate_rule,
                                                 kw_only=True)

    def __attrs_post_init__(self) -> None:
        if self.kind is RungKind.STRIKE_VOTE and self.mandate_rule is None:
            object.__setattr__(self, "mandate_rule", Threshold.majority_of_valid())
        if self.kind is not RungKind.STRIKE_VOTE and self.mandate_rule is not None:
            raise InvalidInput.worded("only the strike vote rung has a mandate rule, not "
                                      "'{name}' (a {value} rung)",
                                      name=self.name, value=self.kind.value)

    def describe(self) -> str:
        """'strike vote (85%)'; a mandate rule other than the usual majority is named."""
        if self.mandate_rule not in (None, Threshold.majority_of_valid()):
            assert self.mandate_rule is not None
            return (f"{self.name} ({show_percent(self.threshold)}; a valid mandate needs "
                    f"{self.mandate_rule.describe()})")
        return f"{self.name} ({show_percent(self.threshold)})"


def _rungs(values: object) -> tuple[Rung, ...]:
    if isinstance(values, Rung | str) or not isinstance(values, Iterable):
        raise InvalidInput.worded("a ladder is an ordered list of rungs")
    rungs = tuple(values)
    for rung in rungs:
        if not isinstance(rung, Rung):
            raise InvalidInput.worded("every rung of a ladder must be a Rung, not {rung}",
                                      rung=repr(rung))
    return rungs


@attrs.frozen
class Ladder:
    """Ordered rungs, lowest first. Each campaign may bring its own; the default is the
    practitioners' ladder of the design guide (:meth:`default`)."""

    rungs: tuple[Rung, ...] = attrs.field(converter=_rungs)

    def __attrs_post_init__(self) -> None:
        if not self.rungs:
            raise InvalidInput.worded("a ladder needs at least one rung")
        names = [r.name.casefold() for r in self.rungs]
        repeated = sorted({r.name for r in self.rungs if names.count(r.name.casefold()) > 1})
        if repeated:
            raise InvalidInput.worded("each rung of a ladder is named once; repeated: {repeated}",
                                      repeated=', '.join(repeated))
        for kind in (RungKind.STRIKE_VOTE, RungKind.STRIKE):
            if sum(r.kind is kind for r in self.rungs) > 1:
                raise InvalidInput.worded("a ladder has at most one {kind} rung", kind=kind.value)
        vote, strike = self.strike_vote_index, self.strike_index
        if vote is not None and strike is not None and vote > strike:
            raise InvalidInput.worded("a ladder's strike vote rung must come before its strike "
                                      "rung")

    @classmethod
    def default(cls) -> Ladder:
        """The design guide's ladder: meeting 1%, cards 10%, petition 51%, colours 60%, rally
        75%, overtime ban / work-to-rule 80%, strike vote 85% yes of eligible, strike 90%."""
        return DEFAULT_LADDER

    def __len__(self) -> int:
        return len(self.rungs)

    def find(self, name: str) -> int | None:
        for i, rung in enumerate(self.rungs):
            if same(rung.name, name):
                return i
        return None

    def index(self, name: object) -> int:
        """The position of the rung with this name (case and spacing do not matter)."""
        if isinstance(name, Rung):
            name = name.name
        if not isinstance(name, str):
            raise InvalidInput.worded("a rung is named by its name, not {name}", name=repr(name))
        found = self.find(name)
        if found is None:
            raise InvalidInput.worded("the ladder has no rung '{split}'; its rungs are {rungs}",
                                      split=' '.join(name.split()),
                                      rungs=', '.join(repr(r.name) for r in self.rungs))
        return found

    def rung(self, name: object) -> Rung:
        return self.rungs[self.index(name)]

    @property
    def strike_vote_index(self) -> int | None:
        return next((i for i, r in enumerate(self.rungs) if r.kind is RungKind.STRIKE_VOTE), None)

    @property
    def strike_index(self) -> int | None:
        return next((i for i, r in enumerate(self.rungs) if r.kind is RungKind.STRIKE), None)

    @property
    def mandate_rule(self) -> Threshold:
        """The rule that makes a strike mandate valid: the strike vote rung's (a majority of
        valid ballots unless it says otherwise, and when the ladder has no strike vote rung)."""
        index = self.strike_vote_index
        rule = self.rungs[index].mandate_rule if index is not None else None
        return rule if rule is not None else Threshold.majority_of_valid()

    @property
    def strike_vote_threshold(self) -> Threshold:
        """The strike vote's organizing benchmark, which readiness measures and a climb past
        the strike vote rung needs (or an override): the rung's share of eligible members
        voting yes (85% on the default ladder). A mandate's validity is
        :attr:`mandate_rule`'s."""
        index = self.strike_vote_index
        percent = self.rungs[index].threshold if index is not None else Fraction(
            DEFAULT_STRIKE_VOTE_PERCENT)
        return Threshold.share_of_eligible(percent)

    def describe(self) -> str:
        return ", ".join(r.describe() for r in self.rungs)


DEFAULT_LADDER = Ladder((
    Rung("organizing meeting", 1),
    Rung("union cards / sign-up", 10),
    Rung("majority petition", 51),
    Rung("wear the union colours", 60),
    Rung("rally or march on the boss", 75),
    Rung("overtime ban / work-to-rule", 80),
    Rung("strike vote", 85, RungKind.STRIKE_VOTE),
    Rung("strike", 90, RungKind.STRIKE),
))
