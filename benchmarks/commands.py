"""Command and load latency against the length of a record's history, on SQLite and PostgreSQL.

Run from the repository root:

    .venv/bin/python benchmarks/commands.py                 # SQLite and PostgreSQL
    .venv/bin/python benchmarks/commands.py --stores sqlite --quick
    .venv/bin/python benchmarks/commands.py --interval 20   # campaigns and clusters every 20

A campaign of 100 units and a cluster of 100 members are grown to 1,000 and 10,000 events of
history (strikes and returns of rotating units, an action planned and held by every unit every
50 events; members withdrawing and re-admitted), written through the domain in large saves
(snapshots are taken at their intervals as in any save). Then one command (a campaign's climb
share changed; a member withdrawn or re-admitted) and one load are timed many times: median
and p99, beside the baseline, the same command and load on a freshly launched campaign and a
freshly formed cluster of the same 100 units, in the same process. Last, readiness for a
campaign of 100 units with 800 events. PostgreSQL is ``BARGAINING_TEST_POSTGRES_URL`` (default
``postgresql://postgres@127.0.0.1:5432/test``), in a schema of its own dropped afterwards.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path
from uuid import UUID

from bargaining import (
    Actor,
    BargainingApp,
    BargainingCluster,
    BargainingUnit,
    Campaign,
    PlannedUnit,
    Turnout,
    UnitProfile,
)
from bargaining.infrastructure.snapshot_intervals import SNAPSHOT_INTERVALS

ACTOR = Actor("bench", "coordinating committee")
START = date(1990, 1, 1)
UNITS = 100
POSTGRES_URL = os.environ.get(
    "BARGAINING_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test"
)


@contextmanager
def opened(kind: str) -> Iterator[BargainingApp]:
    if kind == "sqlite":
        with tempfile.TemporaryDirectory() as folder, \
                BargainingApp(str(Path(folder) / "bench.sqlite")) as app:
            yield app
        return
    import psycopg

    schema = f"bench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    try:
        with BargainingApp(f"{POSTGRES_URL}?schema={schema}") as app:
            yield app
    finally:
        with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


def register_units(app: BargainingApp) -> list[UUID]:
    units = [BargainingUnit.register(UnitProfile(
        union="CUPE", local=str(n), employer=f"Employer {n}", unit_name="all",
        sector="public sector", headcount=100), actor=ACTOR) for n in range(UNITS)]
    app.save(*units)
    return [u.id for u in units]


def launch(app: BargainingApp, units: list[UUID]) -> UUID:
    return app.campaigns.launch(name=f"Campaign {uuid.uuid4().hex[:6]}", units=units,
                                on=START, actor=ACTOR)


def form(app: BargainingApp, units: list[UUID]) -> UUID:
    cluster = BargainingCluster.form(
        name=f"Cluster {uuid.uuid4().hex[:6]}", sectors=["public sector"], committee=[ACTOR],
        window_start=START, window_end=START + timedelta(days=365),
        target_alignment=START + timedelta(days=730), actor=ACTOR, on=START)
    for n, unit in enumerate(units):
        cluster.admit(unit, label=f"CUPE {n}", expiry=None, actor=ACTOR, on=START,
                      override_reason="benchmark")
    app.save(cluster)
    return cluster.id


def grow_campaign(app: BargainingApp, campaign_id: UUID, units: list[UUID], to: int) -> date:
    """Strikes and returns of rotating units; every 50 events an action every unit holds."""
    campaign = app.campaigns.get(campaign_id)
    day, n = START, 0
    while campaign.version < to:
        day += timedelta(days=1)
        if campaign.version % 50 >= 48:
            number = campaign.plan_action(name=f"action {day}", rung=campaign.rung.name,
                                          on=day, units=[PlannedUnit(u) for u in units],
                                          actor=ACTOR)
            campaign.hold_action(number, [Turnout(u, 100, 40 + n % 50) for u in units],
                                 actor=ACTOR)
        else:
            unit = units[n % len(units)]
            campaign.enter_strike(unit, on=day, actor=ACTOR)
            campaign.return_from_strike(unit, on=day + timedelta(days=1), actor=ACTOR)
            day += timedelta(days=1)
        n += 1
        if len(campaign.pending_events) >= 2000:
            app.save(campaign)
    app.save(campaign)
    return day


def grow_cluster(app: BargainingApp, cluster_id: UUID, units: list[UUID], to: int) -> date:
    cluster = app.clusters.get(cluster_id)
    day, n = START, 0
    while cluster.version < to:
        day += timedelta(days=1)
        unit = units[n % len(units)]
        cluster.withdraw(unit, actor=ACTOR, on=day)
        cluster.admit(unit, label=f"CUPE {n % len(units)}", expiry=None, actor=ACTOR, on=day,
                      override_reason="benchmark")
        n += 1
        if len(cluster.pending_events) >= 2000:
            app.save(cluster)
    app.save(cluster)
    return day


def timed(run: Callable[[int], object], times: int) -> tuple[float, float, float]:
    """Median and p99 (the largest of fewer than 100 runs) in milliseconds of wall time, and
    the median of this process's CPU time (the machine is shared: CPU time is what the code
    costs, wall time what a host waits)."""
    seconds, cpu = [], []
    for i in range(times):
        start, began = time.perf_counter(), time.process_time()
        run(i)
        seconds.append(time.perf_counter() - start)
        cpu.append(time.process_time() - began)
    seconds.sort()
    p99 = seconds[min(len(seconds) - 1, int(len(seconds) * 0.99))]
    return statistics.median(seconds) * 1000, p99 * 1000, statistics.median(cpu) * 1000


def measure(app: BargainingApp, campaign: UUID, cluster: UUID, units: list[UUID],
            day: date, times: int) -> dict[str, tuple[float, float, float]]:
    later = day + timedelta(days=2)

    def climb(i: int) -> None:
        app.campaigns.change_climb_share(campaign, 60 + i % 2, on=later, actor=ACTOR)

    def member(i: int) -> None:
        unit = units[-1]
        if i % 2 == 0:
            app.clusters.withdraw(cluster, unit, actor=ACTOR, on=later)
        else:
            app.clusters.admit(cluster, unit, actor=ACTOR, on=later, override_reason="bench")

    rows = {
        "campaign command": timed(climb, times),
        "campaign load": timed(lambda i: app.campaigns.get(campaign), times),
        "cluster command": timed(member, times),
        "cluster load": timed(lambda i: app.clusters.get(cluster), times),
    }
    if times % 2:  # leave the member in
        app.clusters.admit(cluster, units[-1], actor=ACTOR, on=later, override_reason="bench")
    return rows


def run_store(kind: str, histories: list[int], times: int) -> None:
    with opened(kind) as app:
        units = register_units(app)
        baseline = measure(app, launch(app, units), form(app, units), units, START, times)
        fresh = app.campaigns.get(launch(app, units)).version
        print(f"\n{kind}: {UNITS} units; baseline = a fresh campaign ({fresh} events) and a "
              f"fresh cluster ({UNITS + 1} events); {times} runs each")
        print(f"{'history':>8} {'what':<18} {'median ms':>10} {'p99 ms':>8} "
              f"{'x baseline':>11} {'p99 x':>7} {'CPU ms':>7} {'CPU x':>6}")
        for what, (median, p99, cpu) in baseline.items():
            print(f"{'fresh':>8} {what:<18} {median:>10.2f} {p99:>8.2f} {1:>11.2f} {1:>7.2f} "
                  f"{cpu:>7.2f} {1:>6.2f}")
        for history in histories:
            campaign, cluster = launch(app, units), form(app, units)
            day = max(grow_campaign(app, campaign, units, history),
                      grow_cluster(app, cluster, units, history))
            for what, (median, p99, cpu) in measure(app, campaign, cluster, units, day,
                                                    times).items():
                base_median, base_p99, base_cpu = baseline[what]
                print(f"{history:>8,} {what:<18} {median:>10.2f} {p99:>8.2f} "
                      f"{median / base_median:>11.2f} {p99 / base_p99:>7.2f} {cpu:>7.2f} "
                      f"{cpu / base_cpu:>6.2f}")
        campaign = launch(app, units)
        grow_campaign(app, campaign, units, 800)
        median, p99, cpu = timed(lambda i: app.campaigns.readiness(campaign),
                                 max(5, times // 10))
        print(f"readiness, {UNITS} units, 800 events: median {median:.1f} ms, "
              f"p99 {p99:.1f} ms, CPU {cpu:.1f} ms")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--stores", default="sqlite,postgres")
    parser.add_argument("--quick", action="store_true", help="1,000 events and 21 runs only")
    parser.add_argument("--runs", type=int, default=0, help="timed runs of each (default 101)")
    parser.add_argument("--interval", type=int, default=0,
                        help="snapshot campaigns and clusters every N events instead")
    args = parser.parse_args()
    if args.interval:
        SNAPSHOT_INTERVALS[Campaign] = SNAPSHOT_INTERVALS[BargainingCluster] = args.interval
    histories = [1000] if args.quick else [1000, 10_000]
    times = args.runs or (21 if args.quick else 101)
    print(f"snapshot intervals: campaign {SNAPSHOT_INTERVALS[Campaign]}, cluster "
          f"{SNAPSHOT_INTERVALS[BargainingCluster]}")
    cpu = time.process_time()
    wall = time.perf_counter()
    for kind in args.stores.split(","):
        run_store(kind, histories, times)
    print(f"\n{time.perf_counter() - wall:.0f} s wall, {time.process_time() - cpu:.0f} s CPU "
          "in this process")
    return 0


if __name__ == "__main__":
    sys.exit(main())
