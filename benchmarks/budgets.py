"""Recording spending and reading a budget's report against the length of its history.

Run from the repository root:

    .venv/bin/python benchmarks/budgets.py                  # SQLite and PostgreSQL
    .venv/bin/python benchmarks/budgets.py --stores sqlite --quick

A budget of seven lines (one per category), tied to three ratified goals, is grown to 1,000
and 10,000 spending entries, written through the domain in large saves (snapshots are taken
at their interval as in any save). Then one command (spending recorded on a line) and one
report are timed many times: median and p99, beside the baseline, the same command and
report on a fresh budget with its allocation and nothing spent, in the same process.
"""

from __future__ import annotations

import sys
import time
from datetime import date, timedelta
from uuid import UUID

from against_history import Figures, header, main, rows
from commands import opened, timed

from bargaining import Actor, BargainingApp, Body, BudgetCategory, Money, Tally, Vote

ACTOR = Actor("bench", "secretary-treasurer")
LINES = [category.value for category in BudgetCategory]
START = date(2025, 1, 1)
DELEGATES = Body.delegates()


def open_budget(app: BargainingApp, goals: UUID, goal_ids: list[UUID]) -> UUID:
    budget = app.budgets.open_budget(name=f"Budget {time.perf_counter_ns()}", goals=goals,
                                     body=DELEGATES, currency="CAD", starts=START,
                                     ends=date(2025, 12, 31), actor=ACTOR)
    for n, line in enumerate(LINES):
        app.budgets.add_line(budget, name=line, category=line,
                             goals=goal_ids if n % 2 else goal_ids[:1], actor=ACTOR)
    vote = Vote(date(2024, 11, 30), Tally(eligible=300, cast=280, yes=230, no=50),
                body=DELEGATES)
    app.budgets.approve_allocations(budget, {line: Money("100000", "CAD") for line in LINES},
                                    vote=vote, actor=ACTOR)
    return budget


def grow(app: BargainingApp, budget_id: UUID, entries: int) -> None:
    budget = app.budgets.budget(budget_id)
    for n in range(entries):
        budget.spend(line=LINES[n % len(LINES)], amount=Money(f"{10 + n % 90}.25", "CAD"),
                     on=START + timedelta(days=n % 365), payee="vendor", source=f"entry {n}",
                     actor=ACTOR)
        if len(budget.pending_events) >= 2000:
            app.save(budget)
    app.save(budget)


def measure(app: BargainingApp, budget: UUID, times: int) -> Figures:
    def spend(i: int) -> None:
        app.budgets.record_spending(budget, line=LINES[i % len(LINES)],
                                    amount=Money("12.50", "CAD"), on=date(2025, 6, 1),
                                    payee="vendor", source=f"timed {i}", actor=ACTOR)

    return {"spending recorded": timed(spend, times),
            "report": timed(lambda i: app.budgets.report(budget), times)}


def run_store(kind: str, histories: list[int], times: int) -> None:
    with opened(kind) as app:
        goals = app.budgets.open_goals(name="Goals", actor=ACTOR)
        ids = [app.budgets.propose_goal(goals, title=f"Goal {n}", on=date(2024, 9, 1),
                                        actor=ACTOR) for n in range(3)]
        app.budgets.ratify_goals(goals, ranking=ids, vote=Vote(date(2024, 10, 1), Tally(
            eligible=100, cast=90, yes=80, no=10)), actor=ACTOR)
        baseline = measure(app, open_budget(app, goals, ids), times)
        print(f"\n{kind}: a budget of {len(LINES)} lines; baseline = a fresh budget "
              f"(nothing spent); {times} runs each")
        header("entries")
        rows("fresh", baseline, baseline)
        for history in histories:
            budget = open_budget(app, goals, ids)
            grow(app, budget, history)
            rows(f"{history:,}", measure(app, budget, times), baseline)


if __name__ == "__main__":
    sys.exit(main(run_store, __doc__.splitlines()[0]))
