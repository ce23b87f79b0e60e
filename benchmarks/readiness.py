"""Readiness, the participation series and recording a structure test for a cluster campaign of
4,000 units with 100 held actions, on SQLite and PostgreSQL.

Run from the repository root:

    .venv/bin/python benchmarks/readiness.py                       # SQLite and PostgreSQL
    .venv/bin/python benchmarks/readiness.py --stores sqlite --units 1000 --actions 25

A cluster of 4,000 member units launches a campaign; 100 actions are planned and held by every
unit (one in four counted by two work groups), each through the application's commands. Timed,
median and p99: recording a structure test (``hold_action``) as the first and as the last of
the 100, and beside it the same on a campaign of 40 units (its cost should follow the units it
counts, not the history); then readiness (the default day, and a day in the middle of the
history), the participation series (the campaign's, one unit's, one work group's) and a load of
the campaign, each beside the same on the campaign when it had held one action (the baseline,
same process). PostgreSQL is ``BARGAINING_TEST_POSTGRES_URL`` (default
``postgresql://postgres@127.0.0.1:5432/test``), in a schema of its own dropped afterwards.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from datetime import date, timedelta
from uuid import UUID

from commands import ACTOR, opened, timed

from bargaining import (
    BargainingApp,
    BargainingCluster,
    BargainingUnit,
    PlannedUnit,
    Turnout,
    UnitProfile,
)

START = date(2024, 1, 8)


def register(app: BargainingApp, count: int) -> list[UUID]:
    ids = []
    for first in range(0, count, 1000):
        batch = [BargainingUnit.register(UnitProfile(
            union="SEIU", local=str(n), employer=f"Home {n}", unit_name="care workers",
            sector="long-term care", headcount=120), actor=ACTOR)
            for n in range(first, min(count, first + 1000))]
        app.save(*batch)
        ids += [u.id for u in batch]
    return ids


def cluster_campaign(app: BargainingApp, units: list[UUID]) -> UUID:
    cluster = BargainingCluster.form(
        name=f"Cluster of {len(units)}", sectors=["long-term care"], committee=[ACTOR],
        window_start=START, window_end=START + timedelta(days=365),
        target_alignment=START + timedelta(days=730), actor=ACTOR, on=START)
    for n, unit in enumerate(units):
        cluster.admit(unit, label=f"SEIU {n}", expiry=None, actor=ACTOR, on=START,
                      override_reason="benchmark")
    app.save(cluster)
    return app.campaigns.launch(name="Care can't wait", on=START, cluster=cluster.id,
                                actor=ACTOR)


def plan(units: list[UUID]) -> list[PlannedUnit]:
    return [PlannedUnit(u, ("days", "nights")) if n % 4 == 0 else PlannedUnit(u)
            for n, u in enumerate(units)]


def counts(units: list[UUID], k: int) -> list[Turnout]:
    found = []
    for n, u in enumerate(units):
        took = (n * 7 + k * 3) % 60
        if n % 4 == 0:
            found += [Turnout(u, 70, took, "days"), Turnout(u, 50, took // 2, "nights")]
        else:
            found.append(Turnout(u, 120, took + 30))
    return found


def hold(app: BargainingApp, campaign: UUID, units: list[UUID], k: int) -> float:
    """Plan and hold action ``k`` (a week apart); returns the seconds the holding took."""
    day = START + timedelta(days=7 * k + 1)
    number = app.campaigns.plan_action(campaign, name=f"week {k + 1}", rung="organizing meeting",
                                       on=day, units=plan(units), actor=ACTOR)
    given = counts(units, k)
    began = time.perf_counter()
    app.campaigns.hold_action(campaign, number, given, actor=ACTOR)
    return time.perf_counter() - began


def queries(app: BargainingApp, campaign: UUID, units: list[UUID], middle: date
            ) -> dict[str, Callable[[int], object]]:
    return {
        "readiness": lambda i: app.campaigns.readiness(campaign),
        "readiness, a past day": lambda i: app.campaigns.readiness(campaign, on=middle),
        "series, campaign": lambda i: app.campaigns.participation_series(campaign),
        "series, a unit": lambda i: app.campaigns.participation_series(campaign,
                                                                      unit=units[i % 40]),
        "series, a work group": lambda i: app.campaigns.participation_series(
            campaign, unit=units[4 * (i % 10)], work_group="nights"),
        "load": lambda i: app.campaigns.get(campaign),
    }


def run_store(kind: str, size: int, actions: int, runs: int) -> None:
    with opened(kind) as app:
        began = time.perf_counter()
        units = register(app, size)
        small_units = units[:40]
        campaign = cluster_campaign(app, units)
        small = app.campaigns.launch(name="Forty", on=START, units=small_units, actor=ACTOR)
        print(f"\n{kind}: a cluster campaign of {size:,} units; {runs} runs each")
        small_holds = [hold(app, small, small_units, k) for k in range(10)]
        first = hold(app, campaign, units, 0)
        baseline = {what: timed(q, runs) for what, q in
                    queries(app, campaign, units, START + timedelta(days=1)).items()}
        holds = [first] + [hold(app, campaign, units, k) for k in range(1, actions)]
        middle = START + timedelta(days=7 * (actions // 2) + 1)
        after = {what: timed(q, runs) for what, q in
                 queries(app, campaign, units, middle).items()}
        print(f"({time.perf_counter() - began:.0f} s to build)")
        ms = [h * 1000 for h in holds]
        small_ms = sorted(h * 1000 for h in small_holds)[len(small_holds) // 2]
        print(f"hold_action, 40 units: median {small_ms:.1f} ms")
        print(f"hold_action, {size:,} units: action 1 {ms[0]:.0f} ms; actions 2-10 median "
              f"{sorted(ms[1:10])[4]:.0f} ms; the last 10 median {sorted(ms[-10:])[5]:.0f} ms "
              f"({sorted(ms[-10:])[5] / small_ms:.0f}x the 40 units' for "
              f"{size / 40:.0f}x the units)")
        print(f"{'what':<24} {'1 action, median / p99 / CPU ms':>33} "
              f"{f'{actions} actions, median / p99 / CPU ms':>36} {'x':>6}")
        for what, (median, p99, cpu) in after.items():
            base_median, base_p99, base_cpu = baseline[what]
            print(f"{what:<24} {base_median:>11.1f} / {base_p99:>7.1f} / {base_cpu:>7.1f} "
                  f"{median:>14.1f} / {p99:>7.1f} / {cpu:>7.1f} {median / base_median:>6.2f}")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--stores", default="sqlite,postgres")
    parser.add_argument("--units", type=int, default=4000)
    parser.add_argument("--actions", type=int, default=100)
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    cpu, wall = time.process_time(), time.perf_counter()
    for kind in args.stores.split(","):
        run_store(kind, args.units, args.actions, args.runs)
    print(f"\n{time.perf_counter() - wall:.0f} s wall, {time.process_time() - cpu:.0f} s CPU "
          "in this process")
    return 0


if __name__ == "__main__":
    sys.exit(main())
