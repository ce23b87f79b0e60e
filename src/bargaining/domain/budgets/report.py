"""What members read of a budget: spent against allocated per line and per goal, and the share
of spending on organizing and frontline engagement against governance and internal politics.

Pure functions over a :class:`~bargaining.domain.budgets.budget.Budget` and the
:class:`~bargaining.domain.budgets.goals.MembersGoals` it is tied to, read as of the same day
or moment. A line that serves several goals gives each goal its share of the line's allocation
and of its spending: evenly, or by the shares the line states; the split is exact to the
currency's smallest unit, and what the rounding leaves goes to the goals that lost most in it,
so that the goals' figures add up to the budget's totals exactly.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from fractions import Fraction
from uuid import UUID

import attrs

from bargaining.domain.budgets.budget import FRONTLINE, Budget, BudgetCategory, BudgetLine
from bargaining.domain.budgets.goals import MembersGoals
from bargaining.domain.budgets.money import split
from bargaining.domain.shared.flags import Flag, FlagRule
from bargaining.domain.shared.language import mark
from bargaining.domain.shared.phrases import Phrase, day, figure


@attrs.frozen
class LineFigures:
    """One line: allocated, spent, what remains, and its flags (overspent as read, and the
    flags its spending carries)."""

    name: str
    category: BudgetCategory
    goals: tuple[UUID, ...]
    allocated: Decimal
    spent: Decimal
    flags: tuple[Flag, ...]
    #: How many of its spending entries fall outside the budget's period.
    outside_period: int = 0

    @property
    def remaining(self) -> Decimal:
        """Allocated less spent: below zero when the line is overspent."""
        return self.allocated - self.spent

    @property
    def overspent(self) -> bool:
        return self.spent > self.allocated


@attrs.frozen
class GoalFigures:
    """One goal: its rank, its life, and the money of the lines that serve it, by its share
    of each."""

    goal_id: UUID
    title: str
    rank: int | None
    status: str
    allocated: Decimal
    spent: Decimal


@attrs.frozen
class SpendingShares:
    """Spending on organizing and frontline engagement (organizing capacity, local support,
    training, rapid response) and on governance and internal politics, with their shares of
    all spending in percent (0 when nothing is spent)."""

    spent: Decimal
    frontline: Decimal
    governance: Decimal

    @property
    def frontline_percent(self) -> Fraction:
        return _percent(self.frontline, self.spent)

    @property
    def governance_percent(self) -> Fraction:
        return _percent(self.governance, self.spent)


@attrs.frozen
class BudgetReport:
    """A budget as members read it, as of a day or a moment."""

    budget_id: UUID
    name: str
    currency: str
    starts: date
    ends: date
    allocated: Decimal
    spent: Decimal
    lines: tuple[LineFigures, ...]
    goals: tuple[GoalFigures, ...]
    categories: tuple[tuple[BudgetCategory, Decimal], ...]
    shares: SpendingShares

    @property
    def flags(self) -> tuple[Flag, ...]:
        """Every line's flags."""
        return tuple(flag for line in self.lines for flag in line.flags)

    def line(self, name: str) -> LineFigures:
        return next(line for line in self.lines if line.name == name)

    def goal(self, goal_id: UUID) -> GoalFigures:
        return next(goal for goal in self.goals if goal.goal_id == goal_id)


@attrs.frozen
class PeriodShares:
    """One period's share of spending on organizing and frontline engagement and on
    governance and internal politics, for comparing periods."""

    budget_id: UUID
    name: str
    starts: date
    ends: date
    currency: str
    shares: SpendingShares


def _percent(part: Decimal, whole: Decimal) -> Fraction:
    return Fraction(0) if whole == 0 else Fraction(part) * 100 / Fraction(whole)


def attributed(budget: Budget, lines: Iterable[BudgetLine], amounts: dict[str, Decimal]
               ) -> dict[UUID, Decimal]:
    """Each goal's part of these lines' amounts, by the lines' shares among their goals."""
    found: dict[UUID, Decimal] = {}
    for line in lines:
        parts = split(amounts[line.name], line.weights(), budget.currency)
        for goal_id, part in zip(line.goals, parts, strict=True):
            found[goal_id] = found.get(goal_id, Decimal(0)) + part
    return found


_OUTSIDE = (mark("{count} spending entry of the line '{line}' fall outside the budget's "
            "period from {starts} to {ends}"),
            mark("{count} spending entries of the line '{line}' fall outside the budget's "
                 "period from {starts} to {ends}"))


def _line_flags(budget: Budget, line: BudgetLine) -> tuple[Flag, ...]:
    flags = []
    allocated, spent = budget.allocated[line.name], budget.spent[line.name]
    if spent > allocated:
        flags.append(Flag.worded(FlagRule.LINE_OVERSPENT, Phrase.of(
            mark("the line '{line}' has {allocated} allocated and {spent} spent, {over} over"),
            line=line.name, allocated=budget.sum(allocated), spent=budget.sum(spent),
            over=budget.sum(spent - allocated))))
    outside = budget.outside[line.name]
    if outside:
        one, many = _OUTSIDE
        flags.append(Flag.worded(FlagRule.SPENT_OUTSIDE_PERIOD, Phrase.of(
            one if outside == 1 else many, count=figure(outside), line=line.name,
            starts=day(budget.starts), ends=day(budget.ends))))
    return tuple(flags)


def spending_shares(budget: Budget) -> SpendingShares:
    """The budget's spending on frontline engagement and on governance."""
    frontline = governance = Decimal(0)
    for line in budget.lines.values():
        if line.category in FRONTLINE:
            frontline += budget.spent[line.name]
        elif line.category is BudgetCategory.GOVERNANCE:
            governance += budget.spent[line.name]
    return SpendingShares(budget.total_spent, frontline, governance)


def _goal_figures(goals: MembersGoals, goal_id: UUID, allocated: dict[UUID, Decimal],
                  spent: dict[UUID, Decimal]) -> GoalFigures:
    money = allocated.get(goal_id, Decimal(0)), spent.get(goal_id, Decimal(0))
    goal = goals.goals.get(goal_id)
    if goal is None:  # read on a day before the goal was proposed (history filled in later)
        return GoalFigures(goal_id, f"goal {goal_id}", None, "not yet proposed", *money)
    return GoalFigures(goal_id, goal.title, goal.rank, goal.status, *money)


def budget_report(budget: Budget, goals: MembersGoals) -> BudgetReport:
    """The report of a budget, with the goals it is tied to, both as read."""
    lines = tuple(budget.lines.values())
    allocated = attributed(budget, lines, budget.allocated)
    spent = attributed(budget, lines, budget.spent)
    order = [*goals.ranking, *(g for g in allocated if g not in goals.ranking)]
    return BudgetReport(
        budget_id=budget.id, name=budget.name, currency=budget.currency,
        starts=budget.starts, ends=budget.ends, allocated=budget.total_allocated,
        spent=budget.total_spent,
        lines=tuple(LineFigures(line.name, line.category, line.goals,
                                budget.allocated[line.name], budget.spent[line.name],
                                _line_flags(budget, line), budget.outside[line.name])
                    for line in lines),
        goals=tuple(_goal_figures(goals, g, allocated, spent) for g in order),
        categories=tuple((kind, sum((budget.spent[line.name] for line in lines
                                     if line.category is kind), Decimal(0)))
                         for kind in BudgetCategory),
        shares=spending_shares(budget),
    )


def period_shares(budget: Budget) -> PeriodShares:
    """A budget's period and its spending shares."""
    return PeriodShares(budget.id, budget.name, budget.starts, budget.ends, budget.currency,
                        spending_shares(budget))

