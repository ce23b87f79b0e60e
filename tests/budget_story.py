"""A budget story that records every kind of event of the members' goals and of budgets,
through the application's commands: for the history, audit log and snapshot tests."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from bargaining import Actor, BargainingApp, Body, BudgetCategory, Money, PayeeKind, Tally, Vote

TREASURER = Actor("t-1", "secretary-treasurer")
MEMBER = Actor("m-204", "member")
DELEGATES = Body.delegates()


@dataclass
class BudgetStory:
    goals: UUID
    goal_ids: list[UUID]
    budget: UUID


def members_vote(on: date) -> Vote:
    return Vote(on, Tally(eligible=4_000, cast=2_200, yes=1_800, no=380, spoiled=20))


def delegates_vote(on: date) -> Vote:
    return Vote(on, Tally(eligible=300, cast=280, yes=230, no=50), body=DELEGATES)


def record_budget_story(app: BargainingApp) -> BudgetStory:
    """Goals proposed, ratified, amended and one retired; a budget with two lines, an
    allocation, a reallocation and spending (one overspent line)."""
    goals = app.budgets.open_goals(name="Caucus goals 2025", actor=TREASURER)
    ids = [app.budgets.propose_goal(goals, title=title, on=date(2024, 10, 5), actor=MEMBER)
           for title in ("Organize long-term care", "Win safe staffing", "Fewer conventions")]
    app.budgets.ratify_goals(goals, ranking=ids, vote=members_vote(date(2024, 11, 2)),
                             actor=TREASURER)
    app.budgets.amend_goal(goals, ids[1], title="Win safe staffing ratios in law",
                           vote=members_vote(date(2025, 3, 1)), actor=TREASURER)
    app.budgets.retire_goal(goals, ids[2], vote=members_vote(date(2025, 3, 1)),
                            actor=TREASURER, reason="folded into the staffing goal")
    budget = app.budgets.open_budget(name="2025 budget", goals=goals, body=DELEGATES,
                                     currency="CAD", starts=date(2025, 1, 1),
                                     ends=date(2025, 12, 31), actor=TREASURER)
    app.budgets.add_line(budget, name="Worksite organizers",
                         category=BudgetCategory.ORGANIZING_CAPACITY, goals=ids[:2],
                         actor=TREASURER)
    app.budgets.add_line(budget, name="Convention", category=BudgetCategory.GOVERNANCE,
                         goals={ids[0]: 25, ids[1]: 75}, actor=TREASURER)
    app.budgets.approve_allocations(
        budget, {"Worksite organizers": Money("300000", "CAD"),
                 "Convention": Money("200000", "CAD")},
        vote=delegates_vote(date(2024, 12, 7)), actor=TREASURER)
    app.budgets.reallocate(budget, from_line="Convention", to_line="Worksite organizers",
                           amount=Money("50000", "CAD"), vote=delegates_vote(date(2025, 6, 14)),
                           actor=TREASURER, reason="fewer delegates' days")
    app.budgets.record_spending(budget, line="Worksite organizers",
                                amount=Money("360000.00", "CAD"), on=date(2025, 11, 30),
                                payee=PayeeKind.STAFF, source="ledger 2025-11",
                                actor=TREASURER)
    return BudgetStory(goals, ids, budget)
