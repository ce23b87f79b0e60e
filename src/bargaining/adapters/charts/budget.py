"""Budget against goals: a budget's money allocated and spent per members' goal, and the share
of its spending on organizing and frontline engagement against governance and internal
politics.

Members read it to see whether the money follows the goals they ranked and ratified, and
whether spending moves toward the frontline. The figures are the budget report's
(``app.budgets.report``): a line serving several goals gives each its share, to the cent, so
the goals' bars add up to the budget's totals; the shares are worded as the report words them.
"""

from __future__ import annotations

import os
from datetime import date, datetime
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from textwrap import fill
from typing import Any
from uuid import UUID

import attrs
from matplotlib.ticker import FuncFormatter

from bargaining.adapters.charts import canvas
from bargaining.app import BargainingApp
from bargaining.domain.budgets.money import money_text
from bargaining.domain.budgets.report import SpendingShares
from bargaining.presentation.budget_reports import percent_text, shares_text

#: The parts of spending the share bar shows, in order, with their colours.
FRONTLINE, GOVERNANCE, OTHER = (
    "organizing and frontline engagement", "governance and internal politics", "everything else")
_PART_COLOURS = {FRONTLINE: canvas.MET, GOVERNANCE: canvas.SHORT, OTHER: canvas.OTHERS}


@attrs.frozen
class GoalBar:
    """One members' goal: its rank (``None`` when not ranked: retired, or not yet ratified),
    its status, and the money of the lines that serve it, by its share of each."""

    title: str
    rank: int | None
    status: str
    allocated: Decimal
    spent: Decimal

    @property
    def name(self) -> str:
        """'1. Win safe staffing ratios', or '(retired) Stop the privatization of home care'."""
        return f"{self.rank}. {self.title}" if self.rank is not None else (
            f"({self.status}) {self.title}")

    @property
    def over(self) -> Decimal:
        """How much more was spent than allocated (0 when within)."""
        return max(self.spent - self.allocated, Decimal(0))


@attrs.frozen
class SpendingPart:
    """A part of the budget's spending: what it is for, its amount and its share in percent."""

    part: str
    amount: Decimal
    percent: Fraction


@attrs.frozen
class BudgetChart:
    """A budget's goals, ranked first, with their money; its totals; and its spending on the
    frontline and on governance, as read on a day or known at a moment."""

    budget: str
    currency: str
    starts: date
    ends: date
    allocated: Decimal
    spent: Decimal
    goals: tuple[GoalBar, ...]
    shares: SpendingShares

    @property
    def parts(self) -> tuple[SpendingPart, ...]:
        """Spending on the frontline, on governance, and everything else, adding up to all
        spending."""
        other = self.shares.spent - self.shares.frontline - self.shares.governance
        return (
            SpendingPart(FRONTLINE, self.shares.frontline, self.shares.frontline_percent),
            SpendingPart(GOVERNANCE, self.shares.governance, self.shares.governance_percent),
            SpendingPart(OTHER, other, Fraction(0) if not self.shares.spent
                         else 100 - self.shares.frontline_percent
                         - self.shares.governance_percent),
        )

    def money(self, amount: Decimal) -> str:
        """An amount as the budget report writes it: '245,000.00 CAD'."""
        return money_text(amount, self.currency)

    def label(self, goal: GoalBar) -> str:
        """What a goal's bar reads: '245,000.00 CAD spent of 260,000.00 CAD', and what is
        over."""
        text = f"{self.money(goal.spent)} spent of {self.money(goal.allocated)}"
        return text + (f", {self.money(goal.over)} over" if goal.over else "")

    @property
    def title(self) -> str:
        return (f"Budget against goals: '{self.budget}', {canvas.day_label(self.starts)} to "
                f"{canvas.day_label(self.ends)}")

    @property
    def caption(self) -> str:
        """The totals, then the shares of spending in the budget report's words."""
        return (f"{self.money(self.allocated)} allocated, {self.money(self.spent)} spent. "
                f"{shares_text(self.shares, self.currency)}")


def budget_chart(app: BargainingApp, budget: UUID, *, on: date | None = None,
                 at: datetime | None = None) -> BudgetChart:
    """The budget chart's data from the budget's report, now, on a day (``on``: spending
    after it left out) or as known at a moment (``at``)."""
    report = app.budgets.report(budget, on=on, at=at)
    goals = tuple(GoalBar(g.title, g.rank, g.status, g.allocated, g.spent) for g in report.goals)
    return BudgetChart(report.name, report.currency, report.starts, report.ends,
                       report.allocated, report.spent, goals, report.shares)


def draw_budget_chart(chart: BudgetChart, path: str | os.PathLike[str]) -> Path:
    """Write the budget chart as an SVG or PNG file: per goal, first rank at the top, a bar of
    its allocation beside one of its spending (red where it is over); beside them, all
    spending in one bar split into the frontline, governance and everything else."""
    canvas.chart_path(path)
    rows = max(len(chart.goals), 1)
    figure = canvas.new_figure(11.0, 2.4 + 0.7 * rows)
    goals_axes, shares_axes = figure.subplots(1, 2, width_ratios=(4, 1))
    for n, goal in enumerate(chart.goals):
        goals_axes.barh(n - 0.18, float(goal.allocated), height=0.34, color=canvas.WINDOW,
                        label="allocated" if n == 0 else None)
        goals_axes.barh(n + 0.18, float(goal.spent), height=0.34,
                        color=canvas.SHORT if goal.over else canvas.series_colour(0),
                        label="spent" if n == 0 else None)
        goals_axes.annotate(chart.label(goal), (float(max(goal.spent, goal.allocated)), n),
                            xytext=(4, 0), textcoords="offset points", va="center", fontsize=7)
    if chart.goals:
        goals_axes.legend(fontsize=8, loc="upper center", bbox_to_anchor=(0.5, -0.12), ncols=2)
        most = max(max(g.allocated, g.spent) for g in chart.goals)
        goals_axes.set_xlim(0, 2.3 * float(most or 1))  # room for each bar's words
    else:
        goals_axes.text(0.5, 0.5, "no goal served by a line", transform=goals_axes.transAxes,
                        ha="center")
    goals_axes.set_yticks(range(len(chart.goals)), [g.name for g in chart.goals], fontsize=8)
    goals_axes.set_ylim(rows - 0.5, -0.5)
    goals_axes.set_xlabel(f"{chart.currency}")
    _money_axis(goals_axes.xaxis)
    _draw_shares(shares_axes, chart)
    figure.suptitle(chart.title)
    figure.supxlabel(fill(chart.caption, 150), fontsize=8)
    return canvas.save(figure, path)


def _draw_shares(axes: Any, chart: BudgetChart) -> None:
    bottom = 0.0
    for part in chart.parts:
        share = float(part.percent)
        axes.bar(0, share, bottom=bottom, width=0.6, color=_PART_COLOURS[part.part],
                 label=f"{part.part}: {percent_text(part.percent)}")
        if share:
            axes.text(0, bottom + share / 2, percent_text(part.percent), ha="center",
                      va="center", fontsize=8)
        bottom += share
    axes.set_ylim(0, 100)
    axes.set_xticks([])
    axes.set_title("share of spending", fontsize=9)
    canvas.percent_axis(axes.yaxis)
    axes.legend(fontsize=7, loc="upper center", bbox_to_anchor=(0.5, -0.02))


def _money_axis(axis: Any) -> None:
    """Label an axis of amounts in whole units of the currency, thousands separated."""
    axis.set_major_formatter(FuncFormatter(lambda value, _: f"{value:,.0f}"))
