"""Ratification returns: each unit's tally at a table of many units, combined by the table's rule.

A central or master table's tentative agreement goes to the members of every unit it covers,
and their tallies come in unit by unit, local by local, assembly by assembly, over days or
weeks. Each return is a :class:`~bargaining.domain.shared.vote.Vote` held on its own day.
They combine by the rule the table sets (:class:`ReturnsRule`): all ballots together (the
summed tally carries), a majority of units (more than half of the units *at the table* carried
their own summed tally: a unit that has not returned has not carried), or both. The result
(:class:`ReturnsResult`) shows the combined figures, the units that voted no and the units that
have not returned, whatever the rule said: a ratification carried by all ballots while seven of
eleven assembly plants voted no is a fact organizers need to see.

A table may close its count with units missing (a decision it takes); the count then names
them. What the count decided is the members' vote the round keeps (:class:`CountedVote`): the
combined tally, carried or failed by the table's rule.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from uuid import UUID

import attrs

from bargaining.domain.shared.errors import InvalidInput, RuleViolation
from bargaining.domain.shared.language import (
    format_number,
    format_percent,
    gettext,
    mark,
    translate,
)
from bargaining.domain.shared.phrases import Phrase, figure, word
from bargaining.domain.shared.vote import Body, Tally, Vote, by_the_membership


class ReturnsRule(enum.Enum):
    """How a table of many units combines its ratification returns."""

    ALL_BALLOTS = "all ballots together"
    MAJORITY_OF_UNITS = "a majority of units"
    BOTH = "all ballots together and a majority of units"


@attrs.frozen
class Return:
    """One return: a unit's tally (or one local's or assembly's, ``place`` naming it), held
    on its own day."""

    unit_id: UUID
    vote: Vote
    place: str | None = None


def check_return(given: Return, earlier: Sequence[Return], units: Sequence[UUID]) -> None:
    """Refuse a return that cannot be one: not a members' :class:`Vote`, from a unit not at
    the table, or counted by another rule than the returns before it (a combined count has
    one rule)."""
    if not isinstance(given.vote, Vote):
        raise InvalidInput.worded("a ratification return is the members' Vote")
    if given.unit_id not in units:
        raise RuleViolation.worded("the unit {unit_id} does not sit at this table",
                                   unit_id=given.unit_id)
    if not by_the_membership(given.vote):
        body = given.vote.body.describe() if given.vote.body is not None else "another body"
        raise RuleViolation.worded("a ratification return is the members' own vote (by ballot or "
                                   "in a general assembly), not the {body}'s", body=body)
    if earlier and earlier[0].vote.threshold != given.vote.threshold:
        raise InvalidInput.worded("the returns of one table are counted by one rule: {rule}, not "
                                  "{rule2}", rule=earlier[0].vote.rule, rule2=given.vote.rule)


def summed(tallies: Iterable[Tally]) -> Tally:
    """Tallies added together (the people present only where every tally counted them)."""
    found = list(tallies)
    present = [t.present for t in found]
    return Tally(
        eligible=sum(t.eligible for t in found), cast=sum(t.cast for t in found),
        yes=sum(t.yes for t in found), no=sum(t.no for t in found),
        spoiled=sum(t.spoiled for t in found),
        present=None if not found or None in present else sum(p or 0 for p in present),
    )


def _combined_vote(returns: Sequence[Return]) -> Vote:
    """The returns as one vote: their tallies summed, held on the last return's day, under
    their rule; a single return keeps its quorum and its body."""
    if len(returns) == 1:
        return returns[0].vote
    first = returns[0].vote
    bodies = {r.vote.body for r in returns}
    body = bodies.pop() if len(bodies) == 1 else Body.members()
    return Vote(max(r.vote.held_on for r in returns), summed(r.vote.tally for r in returns),
                first.threshold, body=body)


@attrs.frozen
class CountedVote(Vote):
    """The members' vote on a table's tentative agreement as its count decided it: every
    return's tally added together, carried or failed by the table's rule
    (``returns_rule``). Under a majority of units it may carry while the summed tally alone
    would fail, or fail under both rules while it would carry: ``passed`` is the count's
    verdict, and :meth:`explain` gives both."""

    carried: bool = attrs.field(kw_only=True)
    returns_rule: ReturnsRule = attrs.field(kw_only=True)
    units_carried: int = attrs.field(kw_only=True)
    units_at_table: int = attrs.field(kw_only=True)

    @property
    def passed(self) -> bool:
        return self.carried

    def phrase(self) -> Phrase:
        """All ballots together as one vote, the units that carried, and the verdict by the
        table's rule, read in the reader's language (:meth:`explain` is its English)."""
        ballots = Vote(self.held_on, self.tally, self.threshold, self.quorum, body=self.body)
        values = {"ballots": ballots.phrase(), "carried": figure(self.units_carried),
                  "units": figure(self.units_at_table), "rule": word(self.returns_rule.value)}
        if self.carried:
            return Phrase.of(mark("all ballots together: {ballots}; {carried} of {units} units "
                                  "carried; by {rule}: carried"), **values)
        return Phrase.of(mark("all ballots together: {ballots}; {carried} of {units} units "
                              "carried; by {rule}: failed"), **values)


@attrs.frozen
class UnitReturn:
    """A unit's returns summed: its figures and whether they carried."""

    unit_id: UUID
    vote: Vote
    returns: int

    @property
    def carried(self) -> bool:
        return self.vote.passed


@attrs.frozen
class ReturnsResult:
    """The returns of a table combined: per unit, all ballots together, and the verdict by
    the table's ``rule``. ``expected`` is the number of units at the table and ``seated``
    names them when known; a unit that has not returned has not carried (under a majority of
    units it counts against). ``labels`` name units in :meth:`explain`."""

    rule: ReturnsRule
    units: tuple[UnitReturn, ...]
    expected: int
    seated: tuple[UUID, ...] = ()
    labels: Mapping[UUID, str] = attrs.field(factory=dict, eq=False, kw_only=True)

    @property
    def vote(self) -> Vote | None:
        """All ballots together as one vote (``None`` before any return)."""
        if not self.units:
            return None
        return _combined_vote([Return(u.unit_id, u.vote) for u in self.units])

    @property
    def tally(self) -> Tally:
        """The combined figures: every return's tally added together."""
        return summed(u.vote.tally for u in self.units)

    @property
    def all_ballots_carried(self) -> bool:
        vote = self.vote
        return vote is not None and vote.threshold.met_by(vote.tally)

    @property
    def units_carried(self) -> int:
        return sum(u.carried for u in self.units)

    @property
    def at_table(self) -> int:
        """The number of units at the table (those that returned, at least)."""
        return max(self.expected, len(self.units))

    @property
    def majority_of_units_carried(self) -> bool:
        """More than half of the units at the table carried their own tally (a unit that has
        not returned has not)."""
        return 2 * self.units_carried > self.at_table

    @property
    def carried(self) -> bool:
        """Whether the returns carry by the table's rule."""
        if self.rule is ReturnsRule.ALL_BALLOTS:
            return self.all_ballots_carried
        if self.rule is ReturnsRule.MAJORITY_OF_UNITS:
            return self.majority_of_units_carried
        return self.all_ballots_carried and self.majority_of_units_carried

    @property
    def against(self) -> tuple[UUID, ...]:
        """The units that voted no (their own returns did not carry), in the order they
        returned."""
        return tuple(u.unit_id for u in self.units if not u.carried)

    @property
    def missing(self) -> tuple[UUID, ...]:
        """The units at the table that have not returned, in the table's order (known only
        when the result names the units at the table, ``seated``)."""
        returned = {u.unit_id for u in self.units}
        return tuple(u for u in self.seated if u not in returned)

    @property
    def complete(self) -> bool:
        """Whether every unit at the table has returned."""
        return len(self.units) >= self.expected

    def counted(self, held_on: date, carried: bool | None = None) -> CountedVote:
        """The returns as the members' vote a count records, held on ``held_on``: the
        combined tally, ``carried`` as the count decided (by the rule, if not given)."""
        vote = self.vote
        if vote is None:
            raise RuleViolation.worded("no returns have come in to count")
        return CountedVote(held_on, self.tally, vote.threshold, body=Body.members(),
                           carried=self.carried if carried is None else carried,
                           returns_rule=self.rule, units_carried=self.units_carried,
                           units_at_table=self.at_table)

    def label(self, unit_id: UUID) -> str:
        """A unit's name, as the result was given it (its id, if not)."""
        return self.labels.get(unit_id, str(unit_id))

    def labelled(self, labels: Mapping[UUID, str]) -> ReturnsResult:
        """The same result naming its units by ``labels`` (unit id to name)."""
        return attrs.evolve(self, labels=dict(labels))

    def under(self, rule: ReturnsRule) -> ReturnsResult:
        """The same returns combined by another rule: what the result would have been."""
        return attrs.evolve(self, rule=returns_rule_of(rule))

    def explain(self, label: Callable[[UUID], str] | None = None) -> str:
        """The combined figures, the units that carried, the verdict by the rule, and by name
        the units that voted no and those that have not returned (``label`` names a unit; by
        default the result's ``labels``)."""
        name = self.label if label is None else label
        vote = self.vote
        if vote is None:
            return translate("no returns yet from {expected} units; the rule: {rule}",
                             expected=format_number(self.expected), rule=gettext(self.rule.value))
        t = self.tally
        lines = [translate(
            "{yes} yes, {no} no of {cast} cast from {units} of {expected} units ({share} yes of "
            "{base}); {units_carried} of {at_table} units carried; by {rule}: {verdict}",
            yes=format_number(t.yes), no=format_number(t.no), cast=format_number(t.cast),
            units=format_number(len(self.units)), expected=format_number(self.expected),
            share=format_percent(vote.threshold.share(t)),
            base=gettext(_BASE[vote.threshold.of]),
            units_carried=format_number(self.units_carried),
            at_table=format_number(self.at_table), rule=gettext(self.rule.value),
            verdict=gettext("carried") if self.carried else gettext("failed"))]
        if self.against:
            lines.append(translate("voted no: {units}",
                                   units=", ".join(name(u) for u in self.against)))
        if self.missing:
            lines.append(translate("not returned: {units}",
                                   units=", ".join(name(u) for u in self.missing)))
        elif len(self.units) < self.expected:
            lines.append(translate("not returned: {count} units",
                                   count=format_number(self.expected - len(self.units))))
        return "\n".join(lines)


_BASE = {"valid": mark("valid ballots"), "cast": mark("ballots cast"),
         "eligible": mark("eligible members")}


def returns_rule_of(value: object) -> ReturnsRule:
    """A table's rule for its returns, as a :class:`ReturnsRule` or its words ("a majority
    of units")."""
    if isinstance(value, ReturnsRule):
        return value
    try:
        return ReturnsRule(value)
    except ValueError:
        raise InvalidInput.worded("returns combine by {returnsrule}, not {value}",
                                  returnsrule=', '.join(r.value for r in ReturnsRule),
                                  value=repr(value)) from None


def combine_returns(
    returns: Iterable[Return], rule: ReturnsRule | str, *, expected: int | None = None,
    seated: Sequence[UUID] | None = None, labels: Mapping[UUID, str] | None = None,
) -> ReturnsResult:
    """Combine returns by a rule: each unit's returns summed (in the order units first
    returned), then judged all together, unit by unit, or both. The units at the table:
    ``seated`` names them, or ``expected`` counts them (the units that returned, if neither
    is given); ``labels`` name units in the explanation."""
    if isinstance(returns, Return) or not isinstance(returns, Iterable):
        raise InvalidInput.worded("returns are a list of Return (a unit and its Vote), not "
                                  "{returns}", returns=repr(returns))
    by_unit: dict[UUID, list[Return]] = {}
    for given in returns:
        if not isinstance(given, Return):
            raise InvalidInput.worded("a ratification return is a Return (a unit and its Vote), "
                                      "not {given}", given=repr(given))
        if not isinstance(given.vote, Vote):
            raise InvalidInput.worded("a ratification return is the members' Vote")
        by_unit.setdefault(given.unit_id, []).append(given)
    units = tuple(UnitReturn(uid, _combined_vote(found), len(found))
                  for uid, found in by_unit.items())
    at_table = tuple(seated) if seated is not None else ()
    count = len(at_table) if seated is not None else expected
    return ReturnsResult(returns_rule_of(rule), units, len(units) if count is None else count,
                         at_table, labels=dict(labels or {}))


def members_vote(result: ReturnsResult, returns: Iterable[Return]) -> Vote:
    """The returns as one members' vote, held on the day the first return was held (the
    tentative agreement went to members then), under their rule."""
    vote = result.vote
    days = [r.vote.held_on for r in returns]
    if vote is None or not days:
        raise RuleViolation.worded("no returns have come in to count")
    return Vote(min(days), result.tally, vote.threshold, body=Body.members())
