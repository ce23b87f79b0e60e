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

import argparse
import sys
import time
from datetime import date, timedelta
from uuid import UUID

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


def measure(app: BargainingApp, budget: UUID, times: int) -> dict[str, tuple[float, float]]:
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
        print(f"{'entries':>8} {'what':<18} {'median ms':>10} {'p99 ms':>8} "
              f"{'x baseline':>11} {'p99 x':>7}")
        for what, (median, p99) in baseline.items():
            print(f"{'fresh':>8} {what:<18} {median:>10.2f} {p99:>8.2f} {1:>11.2f} {1:>7.2f}")
        for history in histories:
            budget = open_budget(app, goals, ids)
            grow(app, budget, history)
            for what, (median, p99) in measure(app, budget, times).items():
                base_median, base_p99 = baseline[what]
                print(f"{history:>8,} {what:<18} {median:>10.2f} {p99:>8.2f} "
                      f"{median / base_median:>11.2f} {p99 / base_p99:>7.2f}")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--stores", default="sqlite,postgres")
    parser.add_argument("--quick", action="store_true", help="1,000 entries and 21 runs only")
    parser.add_argument("--runs", type=int, default=0, help="timed runs of each (default 101)")
    args = parser.parse_args()
    histories = [1000] if args.quick else [1000, 10_000]
    times = args.runs or (21 if args.quick else 101)
    wall = time.perf_counter()
    for kind in args.stores.split(","):
        run_store(kind, histories, times)
    print(f"\n{time.perf_counter() - wall:.0f} s wall")
    return 0


if __name__ == "__main__":
    sys.exit(main())
