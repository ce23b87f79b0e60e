"""Audit benchmark: verify and audit-log export over 100,000 events in SQLite, beside plain reads;
and what the hash chain costs saving.

Run from the repository root:

    .venv/bin/python benchmarks/audit.py            # full run, about 2 minutes
    .venv/bin/python benchmarks/audit.py --quick    # 20,000 events, fewer runs

1. A SQLite store of 100,000 events (units registered 1,000 per save).
2. Reading: the raw rows page by page (what verify reads), and the same rows decoded into
   domain events (what the audit log reads), beside ``verify()`` and the JSON Lines and CSV
   exports of the whole audit log to files.
3. Saving with and without the chain: the same saves into fresh files, alternating, with
   ``BargainingApp`` as shipped and with eventsourcing's plain SQLite recorder in its place.

Every figure is a median; the footer says how much of the machine other processes took.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from foundation import Figure, contention, cpu_counters, table

from bargaining import Actor, BargainingApp, BargainingUnit, UnitProfile, write_csv, write_jsonl

ACTOR = Actor("bench", "data steward")
PLAIN_RECORDER = {"APPLICATION_RECORDER_TOPIC": "eventsourcing.sqlite:SQLiteApplicationRecorder"}

VERIFY_EVENTS_PER_S = 50_000.0
CHAIN_COST = 0.20


@dataclass(frozen=True)
class Plan:
    name: str
    events: int
    runs: int
    saves: int


FULL = Plan("full", events=100_000, runs=7, saves=1000)
QUICK = Plan("quick", events=20_000, runs=3, saves=400)


def _progress(message: str) -> None:
    print(f"  .. {message}", file=sys.stderr, flush=True)


def units(start: int, count: int) -> list[BargainingUnit]:
    return [
        BargainingUnit.register(UnitProfile(
            union="CUPE", local=str(i), employer=f"Employer {i % 977}", unit_name="Inside",
            sector="municipal", region="ON", city="Toronto", headcount=i % 900,
        ), actor=ACTOR)
        for i in range(start, start + count)
    ]


def fill(app: BargainingApp, events: int) -> None:
    for start in range(0, events, 1000):
        app.save(*units(start, min(1000, events - start)))


def rate(count: int, work: Callable[[], object], runs: int) -> tuple[float, str]:
    rates = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        rates.append(count / (time.perf_counter() - started))
    return statistics.median(rates), f"min {min(rates):,.0f}, max {max(rates):,.0f}, n={runs}"


def read_raw(app: BargainingApp) -> int:
    after, seen = 0, 0
    recorder: Any = app.eventsourcing.recorder
    while page := recorder.select_stored(after, 2000):
        seen += len(page)
        after = page[-1][0]
    return seen


def read_decoded(app: BargainingApp) -> int:
    start, seen = 0, 0
    while page := app.eventsourcing.recorder.select_notifications(start, 2000,
                                                                  inclusive_of_start=False):
        for notification in page:
            app.eventsourcing.mapper.to_domain_event(notification)
        seen += len(page)
        start = page[-1].id
    return seen


def export(app: BargainingApp, writer: Callable[..., int], suffix: str) -> int:
    path = Path(app.store.location).with_suffix(f".{suffix}")
    with path.open("w", newline="", encoding="utf-8") as file:
        return writer(app.history.audit_log(page_size=2000), file)


def bench_reading(app: BargainingApp, plan: Plan) -> list[Figure]:
    n = plan.events
    figures = []
    for name, work, target in (
        ("read stored rows page by page", lambda: read_raw(app), None),
        ("read and decode into domain events", lambda: read_decoded(app), None),
        ("verify the whole chain", app.verify, VERIFY_EVENTS_PER_S),
        ("export the audit log to JSON Lines", lambda: export(app, write_jsonl, "jsonl"), None),
        ("export the audit log to CSV", lambda: export(app, write_csv, "csv"), None),
    ):
        _progress(name)
        median, detail = rate(n, work, plan.runs)
        figures.append(Figure(f"{name}: events/s", median, "events/s", target, detail=detail))
    report = app.integrity.verify()
    assert report.intact and report.checked == n, report
    return figures


def save_rate(path: Path, count: int, env: dict[str, str] | None, batch: int) -> float:
    """Events saved per second: ``count`` new units, ``batch`` to a save."""
    app = BargainingApp(str(path), env=env)
    try:
        groups = [units(i, min(batch, count - i)) for i in range(0, count, batch)]
        started = time.perf_counter()
        for group in groups:
            app.save(*group)
        return count / (time.perf_counter() - started)
    finally:
        app.close()


def bench_chain_cost(workdir: Path, plan: Plan) -> list[Figure]:
    """Runs alternate (chained, plain) into fresh files; the cost is the median of the
    per-run paired costs, so a noisy neighbour hits both sides of a pair alike."""
    figures = []
    for batch, count, label in (
        (1, plan.saves, "one event per save"),
        (200, 4 * plan.saves * 5, "200 events per save"),
    ):
        _progress(f"saving with and without the chain, {label}")
        chained, plain, costs = [], [], []
        for run in range(plan.runs):
            pair = []
            for env in (None, PLAIN_RECORDER):
                path = workdir / f"save-{batch}-{run}-{'plain' if env else 'chain'}.sqlite"
                pair.append(save_rate(path, count, env, batch))
            chained.append(pair[0])
            plain.append(pair[1])
            costs.append(100 * (1 - pair[0] / pair[1]))
        figures += [
            Figure(f"saves, {label}, without chain: events/s", statistics.median(plain),
                   "events/s", detail=f"{count} events a run"),
            Figure(f"saves, {label}, with chain: events/s", statistics.median(chained),
                   "events/s", detail=f"{count} events a run"),
            Figure(
                f"chain cost, {label}", statistics.median(costs), "%",
                100 * CHAIN_COST, at_least=False,
                detail=f"median of {plan.runs} paired runs; per run "
                + ", ".join(f"{c:.0f}%" for c in costs),
            ),
        ]
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="20,000 events, fewer runs")
    args = parser.parse_args()
    plan = QUICK if args.quick else FULL
    with tempfile.TemporaryDirectory(prefix="bargaining-audit-") as tmp:
        workdir = Path(tmp)
        print(f"Audit benchmark ({plan.name}): {plan.events:,} events in SQLite; medians")
        started, counters = time.perf_counter(), cpu_counters()
        _progress(f"recording {plan.events:,} events")
        app = BargainingApp(str(workdir / "audit.sqlite"))
        fill(app, plan.events)
        reading = bench_reading(app, plan)
        app.close()
        saving = bench_chain_cost(workdir, plan)
        print(table([("reading and verifying", reading), ("saving", saving)]))
        print(contention(counters, time.perf_counter() - started))



if __name__ == "__main__":
    main()
