"""Budget against goals: the chart's numbers checked exactly against the budget report, on
every store, and its files checked to be valid SVG or PNG (never pixels)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from uuid import UUID

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bargaining import Actor, BargainingApp, Body, InvalidInput, Money, Tally, Vote
from bargaining.charts import (
    BudgetChart,
    GoalBar,
    SpendingPart,
    budget_chart,
    render,
    write_budget_chart,
)
from tests.chart_stories import GOALS, budget_2025
from tests.test_charts import assert_both, assert_png, assert_svg

TREASURER = Actor("t-1", "secretary-treasurer")


def goal_rows(chart: BudgetChart) -> list[tuple[str, Decimal, Decimal, Decimal]]:
    return [(g.name, g.allocated, g.spent, g.over) for g in chart.goals]


def test_the_budget_chart_shows_each_goals_money_and_the_shares_of_spending(
    app: BargainingApp, tmp_path: Path
) -> None:
    budget = budget_2025(app)
    chart = budget_chart(app, budget)
    assert goal_rows(chart) == [
        ("1. Win safe staffing ratios", Decimal("260000.00"), Decimal("245000.00"), 0),
        ("2. Organize the unorganized in long-term care", Decimal("360000.00"),
         Decimal("365000.00"), Decimal("5000.00")),
        ("3. Stop the privatization of home care", Decimal("400000.00"),
         Decimal("390000.00"), 0),
    ]
    assert (chart.allocated, chart.spent) == (Decimal("1020000.00"), Decimal("1000000.00"))
    assert sum(g.spent for g in chart.goals) == chart.spent       # the bars add up
    assert chart.parts == (
        SpendingPart("organizing and frontline engagement", Decimal("310000.00"), Fraction(31)),
        SpendingPart("governance and internal politics", Decimal("120000.00"), Fraction(12)),
        SpendingPart("everything else", Decimal("570000.00"), Fraction(57)),
    )
    assert [chart.label(g) for g in chart.goals][1] == (
        "365,000.00 CAD spent of 360,000.00 CAD, 5,000.00 CAD over")
    assert chart.title == "Budget against goals: '2025 budget', 2025-01-01 to 2025-12-31"
    report = app.budgets.summary(budget).splitlines()
    assert chart.caption == ("1,020,000.00 CAD allocated, 1,000,000.00 CAD spent. "
                             + report[1])               # the shares in the report's words
    assert_both(chart, tmp_path, "budget")


def test_read_on_a_day_the_chart_is_the_budget_as_it_stood(memory_app: BargainingApp) -> None:
    budget = budget_2025(memory_app)
    before = budget_chart(memory_app, budget, on=date(2025, 6, 13))  # before the reallocation
    assert goal_rows(before) == [
        ("1. Win safe staffing ratios", Decimal("240000.00"), Decimal("40000.00"), 0),
        ("2. Organize the unorganized in long-term care", Decimal("370000.00"),
         Decimal("40000.00"), 0),
        ("3. Stop the privatization of home care", Decimal("410000.00"), Decimal("40000.00"), 0),
    ]
    assert [p.percent for p in before.parts] == [0, 100, 0]     # only the convention, yet
    known = budget_chart(memory_app, budget, at=datetime.now(UTC))
    assert known == budget_chart(memory_app, budget)
    with pytest.raises(InvalidInput, match="at a moment or at a version: one"):
        budget_chart(memory_app, budget, on=date(2025, 6, 13), at=datetime.now(UTC))


def test_a_budget_without_ranked_goals_or_spending_still_draws(
    memory_app: BargainingApp, tmp_path: Path
) -> None:
    goals = memory_app.budgets.open_goals(name="Caucus goals", actor=TREASURER)
    budget = memory_app.budgets.open_budget(name="2026 budget", goals=goals,
                                            body=Body.delegates(), currency="CAD",
                                            starts=date(2026, 1, 1), ends=date(2026, 12, 31),
                                            actor=TREASURER)
    chart = budget_chart(memory_app, budget)
    assert (chart.goals, chart.spent) == ((), 0)
    assert [p.percent for p in chart.parts] == [0, 0, 0]
    assert chart.caption.startswith("0.00 CAD allocated, 0.00 CAD spent. Organizing and "
                                    "frontline engagement: 0.00 CAD, 0% of spending")
    assert_both(chart, tmp_path, "empty")


def test_a_goal_not_ranked_is_named_by_its_status() -> None:
    goal = GoalBar(GOALS[2], None, "retired", Decimal("100.00"), Decimal("20.00"))
    assert goal.name == "(retired) Stop the privatization of home care"
    assert goal.over == 0


def test_the_budget_chart_has_a_call_that_writes_its_file(
    sqlite_app: BargainingApp, tmp_path: Path
) -> None:
    budget = budget_2025(sqlite_app)
    assert_png(write_budget_chart(sqlite_app, budget, tmp_path / "b.PNG"))
    assert_svg(write_budget_chart(sqlite_app, budget, tmp_path / "b.svg", on=date(2025, 7, 1)))
    with pytest.raises(InvalidInput, match=r"\.svg or \.png"):
        render(budget_chart(sqlite_app, budget), tmp_path / "b.pdf")


amounts = st.lists(st.integers(min_value=1, max_value=500_000_00), min_size=3, max_size=3)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(allocated=amounts, spent=amounts)
def test_the_goals_bars_and_the_spending_parts_add_up_to_the_budget(
    allocated: list[int], spent: list[int]
) -> None:
    """Whatever the money, the goals' bars add up to the budget's totals, to the cent, and the
    parts of spending to all of it (their shares to 100% once anything is spent)."""
    with BargainingApp("memory") as app:
        budget = _three_lines(app, allocated, spent)
        chart = budget_chart(app, budget)
    assert sum(g.allocated for g in chart.goals) == chart.allocated
    assert sum(g.spent for g in chart.goals) == chart.spent
    assert sum(p.amount for p in chart.parts) == chart.spent
    assert sum(p.percent for p in chart.parts) == 100
    assert all(p.amount >= 0 for p in chart.parts)


def _three_lines(app: BargainingApp, allocated: list[int], spent: list[int]) -> UUID:
    """A budget of three lines (frontline, governance, administration) serving three goals,
    one evenly and two by shares, with these amounts in cents."""
    goals = app.budgets.open_goals(name="goals", actor=TREASURER)
    ids = [app.budgets.propose_goal(goals, title=t, on=date(2024, 9, 14), actor=TREASURER)
           for t in GOALS]
    app.budgets.ratify_goals(goals, ranking=ids, actor=TREASURER,
                             vote=Vote(date(2024, 10, 19), Tally(eligible=10, cast=10, yes=9,
                                                                 no=1)))
    budget = app.budgets.open_budget(name="budget", goals=goals, body=Body.members(),
                                     currency="CAD", starts=date(2025, 1, 1),
                                     ends=date(2025, 12, 31), actor=TREASURER)
    lines = [("organizers", "organizing capacity", ids),
             ("convention", "governance and internal politics", {ids[0]: 50, ids[2]: 50}),
             ("office", "administration", {ids[1]: 33, ids[2]: 67})]
    for name, category, served in lines:
        app.budgets.add_line(budget, name=name, category=category, goals=served,
                             actor=TREASURER)
    cents = [Money(Decimal(a) / 100, "CAD") for a in allocated]
    app.budgets.approve_allocations(budget, {n: c for (n, _, _), c in zip(lines, cents,
                                                                           strict=True)},
                                    vote=Vote(date(2024, 12, 1), Tally(eligible=10, cast=10,
                                                                       yes=9, no=1)),
                                    actor=TREASURER)
    for (name, _, _), amount in zip(lines, spent, strict=True):
        app.budgets.record_spending(budget, line=name, amount=Money(Decimal(amount) / 100, "CAD"),
                                    on=date(2025, 6, 1), payee="vendor", source="ledger",
                                    actor=TREASURER)
    return budget
