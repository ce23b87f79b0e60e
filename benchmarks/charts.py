"""The charts: each chart's numbers beside the query they stand on (their baseline, in the same
process), and the cost of drawing them as PNG and SVG, over a SQLite file.

Run from the repository root (needs the charts extra):

    .venv/bin/python benchmarks/charts.py            # the F-7 sample; 50 units on strike
    .venv/bin/python benchmarks/charts.py --quick    # 10 units on strike

(1) The expiry timeline of the F-7 sample's four years of expiries beside the Expiry Map's
month table of the same months; (2) the strike chart of units on a 30-day escalating strike
beside the job actions it reads, and the readiness wall beside the readiness report; (3) the
budget chart of a year's budget (12 goals, 40 lines, a spending entry a line a week) beside the
budget report it reads. Prints the median of five runs of each.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from uuid import UUID

from bargaining import (
    F7_MAPPING,
    Actor,
    BargainingApp,
    Body,
    CsvImporter,
    Money,
    RungKind,
    Tally,
    Turnout,
    Vote,
)
from bargaining.charts import budget_chart, expiry_timeline, readiness_wall, render, strike_chart

ROOT = Path(__file__).resolve().parents[1]
ACTOR = Actor("bench", "data steward")
START, END = date(2003, 10, 1), date(2007, 9, 30)


def median_seconds(run: Callable[[], object], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def striking_campaign(app: BargainingApp, units: int) -> UUID:
    """Units that climb the default ladder together, then walk out a day apart."""
    ids = [app.units.register(union="CUPE", local=str(n), employer=f"Employer {n}",
                              unit_name="all", headcount=100 + n, actor=ACTOR)
           for n in range(units)]
    campaign = app.campaigns.launch(name="Bench", units=ids, on=date(2025, 1, 6), actor=ACTOR)
    on = date(2025, 1, 6)
    while app.campaigns.get(campaign).next_rung is not None:
        on += timedelta(days=1)
        rung = app.campaigns.get(campaign).rung
        if rung.kind is RungKind.STRIKE_VOTE:
            vote = Vote(on, Tally(eligible=100, cast=100, yes=95, no=5))
            app.campaigns.record_mandate(campaign, vote, actor=ACTOR)
        else:
            number = app.campaigns.plan_action(campaign, name=rung.name, rung=rung.name, on=on,
                                               actor=ACTOR)
            app.campaigns.hold_action(campaign, number, [Turnout(u, 100, 95) for u in ids],
                                      actor=ACTOR)
        app.campaigns.escalate(campaign, on=on, actor=ACTOR)
    for n, uid in enumerate(ids):
        walked_out = date(2025, 3, 2) + timedelta(days=n % 10)
        app.campaigns.enter_strike(campaign, uid, on=walked_out,
                                   back_on=date(2025, 4, 1), actor=ACTOR)
    return campaign


def spent_budget(app: BargainingApp, goals: int = 12, lines: int = 40) -> UUID:
    """A year's budget: ``goals`` ranked goals, ``lines`` lines serving one to three of them,
    allocated in one vote, and a spending entry on every line each week."""
    record = app.budgets.open_goals(name="goals", actor=ACTOR)
    ids = [app.budgets.propose_goal(record, title=f"goal {n}", on=date(2024, 9, 14), actor=ACTOR)
           for n in range(goals)]
    app.budgets.ratify_goals(record, ranking=ids, actor=ACTOR, vote=Vote(
        date(2024, 10, 19), Tally(eligible=4000, cast=2200, yes=1800, no=400)))
    budget = app.budgets.open_budget(name="2025 budget", goals=record, body=Body.delegates(),
                                     currency="CAD", starts=date(2025, 1, 1),
                                     ends=date(2025, 12, 31), actor=ACTOR)
    categories = ("organizing capacity", "local support", "governance and internal politics",
                  "communications", "administration")
    for n in range(lines):
        app.budgets.add_line(budget, name=f"line {n}", category=categories[n % 5],
                             goals=ids[n % goals : n % goals + 1 + n % 3], actor=ACTOR)
    app.budgets.approve_allocations(
        budget, {f"line {n}": Money("52000", "CAD") for n in range(lines)}, actor=ACTOR,
        vote=Vote(date(2024, 11, 30), Tally(eligible=300, cast=280, yes=230, no=50),
                  body=Body.delegates()))
    for week in range(52):
        for n in range(lines):
            app.budgets.record_spending(budget, line=f"line {n}", amount=Money("990", "CAD"),
                                        on=date(2025, 1, 1) + timedelta(weeks=week),
                                        payee="staff", source="ledger", actor=ACTOR)
    return budget


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    striking = 10 if parser.parse_args().quick else 50
    rows: list[tuple[str, float]] = []
    with tempfile.TemporaryDirectory() as folder:
        app = BargainingApp(str(Path(folder) / "f7.sqlite"))
        CsvImporter(app, F7_MAPPING, actor=ACTOR).import_file(
            ROOT / "data" / "f7-notices-fy2004-sample.csv")
        timeline = expiry_timeline(app, start=START, end=END)
        rows += [
            ("(1) month table, 48 months (baseline)",
             median_seconds(lambda: app.expiry_map.month_table(START, END))),
            ("(1) expiry timeline's data, 48 months",
             median_seconds(lambda: expiry_timeline(app, start=START, end=END))),
            ("(1) drawn as PNG", median_seconds(lambda: render(timeline, Path(folder) / "t.png"))),
            ("(1) drawn as SVG", median_seconds(lambda: render(timeline, Path(folder) / "t.svg"))),
        ]
        app.close()
        app = BargainingApp(str(Path(folder) / "strike.sqlite"))
        campaign = striking_campaign(app, striking)
        chart = strike_chart(app, campaign)
        wall = readiness_wall(app, campaign, on=date(2025, 3, 20))
        rows += [
            (f"(2) job actions, {striking} units (baseline)",
             median_seconds(lambda: app.campaigns.job_actions(campaign))),
            ("(2) strike chart's data", median_seconds(lambda: strike_chart(app, campaign))),
            ("(2) drawn as PNG", median_seconds(lambda: render(chart, Path(folder) / "s.png"))),
            ("(2) readiness report (baseline)", median_seconds(
                lambda: app.campaigns.readiness(campaign, on=date(2025, 3, 20)))),
            ("(2) readiness wall's data", median_seconds(
                lambda: readiness_wall(app, campaign, on=date(2025, 3, 20)))),
            ("(2) drawn as PNG", median_seconds(lambda: render(wall, Path(folder) / "w.png"))),
        ]
        app.close()
        app = BargainingApp(str(Path(folder) / "budget.sqlite"))
        budget = spent_budget(app)
        money = budget_chart(app, budget)
        rows += [
            ("(3) budget report, 2,080 entries (baseline)",
             median_seconds(lambda: app.budgets.report(budget))),
            ("(3) budget chart's data", median_seconds(lambda: budget_chart(app, budget))),
            ("(3) drawn as PNG", median_seconds(lambda: render(money, Path(folder) / "b.png"))),
            ("(3) drawn as SVG", median_seconds(lambda: render(money, Path(folder) / "b.svg"))),
        ]
        app.close()
    print(f"SQLite files; the F-7 sample (6,000 rows); {striking} units on a 30-day strike; "
          "a budget of 40 lines with 2,080 spending entries; median of 5 runs")
    for what, seconds in rows:
        print(f"  {what:<42} {seconds * 1000:9.1f} ms")
    ratio = [rows[1][1] / rows[0][1], rows[5][1] / rows[4][1], rows[8][1] / rows[7][1],
             rows[11][1] / rows[10][1]]
    print(f"  timeline / month table: {ratio[0]:.2f}; strike chart / job actions: "
          f"{ratio[1]:.2f}; wall / readiness: {ratio[2]:.2f}; budget chart / budget report: "
          f"{ratio[3]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
