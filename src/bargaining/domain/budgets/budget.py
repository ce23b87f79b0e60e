"""A budget for one period: lines tied to the members' goals, allocations and reallocations
approved by votes, spending recorded as facts.

A :class:`Budget` keeps its money in one currency between its period's first and last day,
and names the body that holds the power over it (a convention, the delegates, the executive).
Each line has a name, one :class:`BudgetCategory` and the goals it serves: one or more goals in
force among the members' goals the budget is tied to, with the share of the line each one gets
(evenly unless shares are stated, in percent adding up to 100).

- Allocations and reallocations are **decisions**: each is refused, recording nothing, unless
  a carried vote of the budget's body approves it; a reallocation moves money from one line to
  another, so the total allocated stays the same, and cannot move more than the line has.
- Spending is a **fact**: its amount, its real-world day (``on``), its line, the kind of payee
  (staff, a vendor, a member's reimbursement, a grant to a local: never a person) and its
  source. It is always recorded; it carries a flag when it takes its line past the line's
  allocation, or falls outside the budget's period.

Only what cannot be true is refused: an amount of zero or less, or in another currency; a line
or a goal that does not exist.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal
from fractions import Fraction
from uuid import UUID

import attrs
from eventsourcing.domain import Aggregate, event

from bargaining.domain.budgets.decisions import LineNotFound, require_body, require_carried
from bargaining.domain.budgets.goals import MembersGoals
from bargaining.domain.budgets.money import check_currency, in_currency, money_phrase, money_text
from bargaining.domain.shared.actor import Actor, clean_reason, require_actor
from bargaining.domain.shared.choices import choice as _choice
from bargaining.domain.shared.dates import require_date
from bargaining.domain.shared.errors import InvalidInput, RuleViolation, term
from bargaining.domain.shared.flags import Flag, FlagRule
from bargaining.domain.shared.language import mark
from bargaining.domain.shared.phrases import Phrase
from bargaining.domain.shared.phrases import day as phrase_day
from bargaining.domain.shared.shares import as_percent
from bargaining.domain.shared.text import clean_name, clean_source_text
from bargaining.domain.shared.vote import Body, Vote


class BudgetCategory(enum.Enum):
    """What a line's money is for."""

    ORGANIZING_CAPACITY = "organizing capacity"
    LOCAL_SUPPORT = "local support"
    TRAINING = "training"
    RAPID_RESPONSE = "rapid response"
    COMMUNICATIONS = "communications"
    GOVERNANCE = "governance and internal politics"
    ADMINISTRATION = "administration"


#: The categories of organizing and frontline member engagement, whose share of spending the
#: members asked to grow.
FRONTLINE = frozenset({BudgetCategory.ORGANIZING_CAPACITY, BudgetCategory.LOCAL_SUPPORT,
                       BudgetCategory.TRAINING, BudgetCategory.RAPID_RESPONSE})


class PayeeKind(enum.Enum):
    """Who was paid, by kind: never a person's name."""

    STAFF = "staff"
    VENDOR = "vendor"
    MEMBER_REIMBURSEMENT = "member reimbursement"
    GRANT_TO_LOCAL = "grant to a local"


@attrs.frozen
class BudgetLine:
    """A budget line: its name, its category, the goals it serves and, where stated, each
    goal's share of it in percent (``None``: evenly)."""

    name: str
    category: BudgetCategory
    goals: tuple[UUID, ...]
    shares: tuple[Fraction, ...] | None = None

    def weights(self) -> tuple[Fraction, ...]:
        """Each goal's weight in the line's money."""
        return self.shares if self.shares is not None else tuple(Fraction(1) for _ in self.goals)


def goal_shares(goals: object) -> tuple[tuple[UUID, ...], tuple[Fraction, ...] | None]:
    """A line's goals: one id, a list of ids (the line's money attributed evenly), or a
    mapping of ids to their shares in percent, adding up to 100."""
    if isinstance(goals, UUID):
        return (goals,), None
    if isinstance(goals, Mapping):
        ids = tuple(goals)
        shares = tuple(as_percent(goals[g], term("a goal's share of a line")) for g in ids)
        if sum(shares) != 100:
            raise InvalidInput.worded("a line's shares among its goals add up to 100%, not "
                                      "{float:g}%", float=float(sum(shares)))
    elif isinstance(goals, Iterable) and not isinstance(goals, str | bytes):
        ids, shares = tuple(goals), None
    else:
        raise InvalidInput.worded("a line serves one or more goals: their ids, or their ids with "
                                  "their shares in percent")
    if not ids:
        raise InvalidInput.worded("a line serves at least one of the members' goals")
    if not all(isinstance(g, UUID) for g in ids) or len(set(ids)) != len(ids):
        raise InvalidInput.worded("a line's goals are given once each, by their ids (UUIDs)")
    return ids, shares


class Budget(Aggregate):
    """One period's budget, in one currency, under the body that holds the power over it."""

    @classmethod
    def open(cls, *, name: str, goals: MembersGoals, body: Body, currency: str, starts: date,
             ends: date, actor: Actor, reason: str | None = None) -> Budget:
        """A new budget for the period from ``starts`` to ``ends`` (both included), tied to
        these members' goals."""
        if not isinstance(name, str) or not name.strip():
            raise InvalidInput.worded("a budget needs a name")
        first = require_date(starts, term("budget's first day"))
        last = require_date(ends, term("budget's last day"))
        if last < first:
            raise InvalidInput.worded("a budget's period cannot end ({last}) before it starts "
                                      "({first})", last=last, first=first)
        if not isinstance(goals, MembersGoals):
            raise InvalidInput.worded("a budget is tied to the members' goals (their record)")
        return cls(name=clean_name(name, term("budget's name")), goals_id=goals.id,
                   body=require_body(body), currency=check_currency(currency), starts=first,
                   ends=last, actor=require_actor(actor), reason=clean_reason(reason))

    @event("Opened")
    def __init__(self, *, name: str, goals_id: UUID, body: Body, currency: str, starts: date,
                 ends: date, actor: Actor, reason: str | None) -> None:
        self.name = name
        self.goals_id = goals_id
        self.body = body
        self.currency = currency
        self.starts = starts
        self.ends = ends
        self.lines: dict[str, BudgetLine] = {}
        self.allocated: dict[str, Decimal] = {}
        self.spent: dict[str, Decimal] = {}
        #: How many of each line's spending entries fall outside the period. The entries
        #: themselves are the record's events (history): its state stays the same size however
        #: much is spent, so recording spending costs the same in December as in January.
        self.outside: dict[str, int] = {}
        #: Every change the votes made to a line's allocation: (the vote's day, line, amount),
        #: so that no line is left below zero on any day (a few dozen a year).
        self.decided: list[tuple[date, str, Decimal]] = []

    # ----------------------------------------------------------------- queries

    def line(self, name: object) -> BudgetLine:
        """A line by its name, or a refusal in words."""
        if not isinstance(name, str):
            raise InvalidInput.worded("a budget line is named by its name, not {name}",
                                      name=repr(name))
        found = self.lines.get(clean_name(name, term("budget line's name")))
        if found is None:
            raise LineNotFound.worded("the budget '{name}' has no line '{name2}'",
                                      name=self.name, name2=name)
        return found

    def in_period(self, day: date) -> bool:
        return self.starts <= day <= self.ends

    @property
    def total_allocated(self) -> Decimal:
        return sum(self.allocated.values(), Decimal(0))

    @property
    def total_spent(self) -> Decimal:
        return sum(self.spent.values(), Decimal(0))

    def text(self, amount: Decimal) -> str:
        """An amount in this budget's currency, in words people read."""
        return money_text(amount, self.currency)

    def sum(self, amount: Decimal) -> tuple[str, str]:
        """An amount in this budget's currency for a phrase, read in the reader's language."""
        return money_phrase(amount, self.currency)

    # ---------------------------------------------------------------- commands

    def add_line(self, *, name: str, category: object, goals: object, members_goals:
                 MembersGoals, actor: Actor, reason: str | None = None) -> None:
        """A line serving these goals (ids, or ids with their shares in percent), each one in
        force among ``members_goals``, the goals this budget is tied to."""
        if not isinstance(name, str) or not name.strip():
            raise InvalidInput.worded("a budget line needs a name")
        title = clean_name(name, term("budget line's name"))
        kind = _choice(category, BudgetCategory, term("budget category"))
        ids, shares = goal_shares(goals)
        actor = require_actor(actor)
        if title in self.lines:
            raise RuleViolation.worded("the budget '{name}' already has a line '{title}'",
                                       name=self.name, title=title)
        if members_goals.id != self.goals_id:
            raise InvalidInput.worded("a line serves the goals its budget is tied to")
        for goal_id in ids:
            goal = members_goals.goal(goal_id)
            if not goal.in_force:
                raise RuleViolation.worded("the goal '{title}' is {status}: a line serves goals "
                                           "the members ratified and have not retired",
                                           title=goal.title, status=goal.status)
        self._line_added(name=title, category=kind, goals=ids, shares=shares, actor=actor,
                         reason=clean_reason(reason))

    @event("LineAdded")
    def _line_added(self, name: str, category: BudgetCategory, goals: tuple[UUID, ...],
                    shares: tuple[Fraction, ...] | None, actor: Actor,
                    reason: str | None) -> None:
        self.lines[name] = BudgetLine(name, category, tuple(goals),
                                None if shares is None else tuple(shares))
        self.allocated[name] = Decimal(0)
        self.spent[name] = Decimal(0)
        self.outside[name] = 0

    def approve(self, amounts: object, *, vote: Vote, actor: Actor,
                reason: str | None = None) -> None:
        """The budget's body approved these allocations (line name to :class:`Money`) by
        ``vote``; each adds to its line's allocation."""
        carried = require_carried(vote, self.body, term("an allocation"))
        if not isinstance(amounts, Mapping) or not amounts:
            raise InvalidInput.worded("allocations are given as a mapping of line names to Money")
        approved = {self.line(name).name: in_currency(money, self.currency, term("allocation"))
                    for name, money in amounts.items()}
        if len(approved) != len(amounts):
            raise InvalidInput.worded("each line is given one allocation per vote")
        self._approved(amounts=approved, vote=carried, actor=require_actor(actor),
                       reason=clean_reason(reason))

    @event("AllocationsApproved")
    def _approved(self, amounts: dict[str, Decimal], vote: Vote, actor: Actor,
                  reason: str | None) -> None:
        for name, amount in amounts.items():
            self.allocated[name] += amount
            self.decided.append((vote.held_on, name, amount))

    def reallocate(self, *, from_line: str, to_line: str, amount: object, vote: Vote,
                   actor: Actor, reason: str | None = None) -> None:
        """The budget's body moved ``amount`` from one line to another by ``vote``; the total
        allocated stays the same."""
        carried = require_carried(vote, self.body, term("a reallocation"))
        source, target = self.line(from_line), self.line(to_line)
        money = in_currency(amount, self.currency, term("reallocation"))
        actor = require_actor(actor)
        if source == target:
            raise InvalidInput.worded("a reallocation moves money between two different lines")
        self._check_covered(source.name, money, carried.held_on)
        self._reallocated(from_line=source.name, to_line=target.name, amount=money,
                          vote=carried, actor=actor, reason=clean_reason(reason))

    @event("Reallocated")
    def _reallocated(self, from_line: str, to_line: str, amount: Decimal, vote: Vote,
                     actor: Actor, reason: str | None) -> None:
        self.allocated[from_line] -= amount
        self.allocated[to_line] += amount
        self.decided += [(vote.held_on, from_line, -amount), (vote.held_on, to_line, amount)]

    def _check_covered(self, line: str, amount: Decimal, day: date) -> None:
        """Moving ``amount`` from ``line`` by a vote of ``day`` leaves it at zero or more on
        every day, counting every decision by the day of its vote (those of one day
        together): a reallocation back-filled before a later one cannot overdraw the line."""
        by_day: dict[date, Decimal] = {day: -amount}
        for when, name, change in self.decided:
            if name == line:
                by_day[when] = by_day.get(when, Decimal(0)) + change
        balance = Decimal(0)
        for when in sorted(by_day):
            balance += by_day[when]
            if balance < 0 and when == day:
                raise RuleViolation.worded("the line '{line}' has {text} allocated on {day}: "
                                           "{text2} cannot be moved from it",
                                           line=line, text=self.text(balance + amount), day=day,
                                           text2=self.text(amount))
            if balance < 0:
                raise RuleViolation.worded("moving {text} from the line '{line}' by the vote of "
                                           "{day} would leave it {text2} short on {when}, by the "
                                           "decisions already recorded",
                                           text=self.text(amount), line=line, day=day,
                                           text2=self.text(-balance), when=when)

    def spend(self, *, line: str, amount: object, on: date, payee: object, source: str,
              actor: Actor, reason: str | None = None) -> tuple[Flag, ...]:
        """Money was spent from a line on ``on``: a fact, always recorded, flagged when it
        takes the line past its allocation or falls outside the period. Returns its flags."""
        found = self.line(line)
        money = in_currency(amount, self.currency, term("amount spent"))
        day = require_date(on, term("date the money was spent"))
        kind = _choice(payee, PayeeKind, term("payee kind"))
        where = clean_source_text(source, term("source of the spending"))
        if not where:
            raise InvalidInput.worded("spending needs its source (a ledger entry, a cheque, a "
                                      "report)")
        actor = require_actor(actor)
        flags = self._flags(found.name, money, day)
        self._spent(line=found.name, amount=money, on=day, payee=kind, source=where,
                    flags=flags, actor=actor, reason=clean_reason(reason))
        return flags

    @event("Spent")
    def _spent(self, line: str, amount: Decimal, on: date, payee: PayeeKind, source: str,
               flags: tuple[Flag, ...], actor: Actor, reason: str | None) -> None:
        self.spent[line] += amount
        if not self.in_period(on):
            self.outside[line] += 1

    def _flags(self, line: str, amount: Decimal, day: date) -> tuple[Flag, ...]:
        flags = []
        after = self.spent[line] + amount
        if after > self.allocated[line]:
            flags.append(Flag.worded(FlagRule.LINE_OVERSPENT, Phrase.of(
                mark("the line '{line}' had {allocated} allocated; with this, {spent} is spent "
                     "from it, {over} over"), line=line,
                allocated=self.sum(self.allocated[line]), spent=self.sum(after),
                over=self.sum(after - self.allocated[line]))))
        if not self.in_period(day):
            flags.append(Flag.worded(FlagRule.SPENT_OUTSIDE_PERIOD, Phrase.of(
                mark("spent on {day}, outside the budget's period from {starts} to {ends}"),
                day=phrase_day(day), starts=phrase_day(self.starts),
                ends=phrase_day(self.ends))))
        return tuple(flags)
