"""Foundation benchmark: F-7 import, Expiry Map queries and map catch-up, on SQLite or PostgreSQL.

Run from the repository root:

    .venv/bin/python benchmarks/foundation.py             # full run, about a minute
    .venv/bin/python benchmarks/foundation.py --quick     # fewer repetitions, under a minute
    .venv/bin/python benchmarks/foundation.py --profile   # then cProfile each slow part once
    .venv/bin/python benchmarks/foundation.py --import-runs 31   # a steadier import ratio
    .venv/bin/python benchmarks/foundation.py --store postgres   # the same on PostgreSQL

``--store postgres`` uses ``BARGAINING_TEST_POSTGRES_URL`` (default
``postgresql://postgres@127.0.0.1:5432/test``): every store is a fresh schema, the baseline
writes with ``eventsourcing.postgres`` to one too, and all are dropped at the end.

1. Import the F-7 sample into a fresh SQLite file (batch sizes 1000 and 500), beside a baseline
   that saves the same number of events, in the same number of saves with the same events per
   save, with plain ``eventsourcing`` and a trivial aggregate (``baseline_model.Item``).
2. Expiry Map query latency over 20,000 generated units (deterministic).
3. Expiry Map catch-up rate: ``expiry_map.rebuild()`` on both stores; and, beside it, the F-7
   store's events written one per transaction with their tracking position, as an
   ``eventsourcing`` ``Projection`` records them (why the map writes batches instead).

The machine may be noisy: every figure is a median of repeated runs; the runs of the import
(both batch sizes) and of its baseline alternate, and the footer says how much CPU other
processes took meanwhile. Progress goes to stderr, the table to stdout.
"""

from __future__ import annotations

import argparse
import cProfile
import dataclasses
import os
import platform
import pstats
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import partial
from importlib.metadata import version
from itertools import islice
from pathlib import Path
from typing import Any
from uuid import UUID

from baseline_model import Item
from bench_stores import KINDS, BenchStores
from eventsourcing.application import Application

from bargaining import (
    EXAMPLE_CALENDAR,
    Actor,
    BargainingApp,
    BargainingUnit,
    CollectiveAgreement,
    ExpiryMap,
    MapFilter,
    UnitProfile,
)
from bargaining.adapters.csv_import import F7_MAPPING, CsvImporter, ImportReport

F7_CSV = Path(__file__).resolve().parents[1] / "data" / "f7-notices-fy2004-sample.csv"
ACTOR = Actor("bench", "data steward")
BATCH_SIZES = (1000, 500)

# Targets.
IMPORT_ROWS_PER_S = 5000.0
IMPORT_OVER_BASELINE = 2.0
QUERY_MS = 10.0
CATCH_UP_EVENTS_PER_S = 20_000.0


@dataclass(frozen=True)
class Plan:
    name: str
    import_runs: int
    query_reps: int
    rebuild_runs: int
    units: int = 20_000
    unit_batch: int = 1000


FULL = Plan("full", import_runs=15, query_reps=50, rebuild_runs=3)
QUICK = Plan("quick", import_runs=3, query_reps=10, rebuild_runs=1)


@dataclass(frozen=True)
class Figure:
    """One line of the table: a median, its unit, and a target (``None``: for information)."""

    name: str
    value: float
    unit: str
    target: float | None = None
    at_least: bool = True  # the target is a floor (True) or a ceiling (False)
    detail: str = ""

    @property
    def status(self) -> str:
        if self.target is None:
            return ""
        met = self.value >= self.target if self.at_least else self.value <= self.target
        return "PASS" if met else "MISS"

    @property
    def target_text(self) -> str:
        if self.target is None:
            return ""
        return f"{'>=' if self.at_least else '<='} {_number(self.target)}"


def _number(value: float) -> str:
    return f"{value:,.0f}" if abs(value) >= 100 else f"{value:.2f}"


def _progress(message: str) -> None:
    print(f"  .. {message}", file=sys.stderr, flush=True)


def _p90(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=10)[-1] if len(samples) > 1 else samples[0]


def _spread(samples: list[float]) -> str:
    return f"min {min(samples):.3f} s, max {max(samples):.3f} s, n={len(samples)}"




# ------------------------------------------------------------------------------ 1. import


class _CountingApp(BargainingApp):
    """A BargainingApp that notes how many events each save stored (to shape the baseline)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.events_per_save: list[int] = []
        super().__init__(*args, **kwargs)

    def save(self, *objs: Any, **kwargs: Any) -> Any:
        recordings = super().save(*objs, **kwargs)
        self.events_per_save.append(len(recordings))
        return recordings


def import_f7(path: str, batch_size: int, csv_file: Path) -> tuple[float, ImportReport]:
    """Seconds to import the CSV into a fresh store (opening the store is not timed)."""
    app = BargainingApp(path)
    importer = CsvImporter(app, F7_MAPPING, actor=ACTOR, batch_size=batch_size)
    started = time.perf_counter()
    report = importer.import_file(csv_file)
    seconds = time.perf_counter() - started
    app.close()
    return seconds, report


def save_baseline(env: dict[str, str], events_per_save: list[int]) -> float:
    """Seconds for plain eventsourcing to create and save the same events in the same saves:
    per save, ``n // 2`` Items with two events each (and one with only ``Created`` if n is odd)."""
    app: Application[UUID] = Application(env=env)
    serial = 0
    started = time.perf_counter()
    for events in events_per_save:
        items = []
        for _ in range(events // 2):
            item = Item(f"item {serial}", serial)
            item.resize(serial + 1)
            items.append(item)
            serial += 1
        if events % 2:
            items.append(Item(f"item {serial}", serial))
            serial += 1
        app.save(*items)
    seconds = time.perf_counter() - started
    app.close()
    return seconds


def bench_import(
    plan: Plan, stores: BenchStores, csv_file: Path
) -> tuple[list[Figure], BargainingApp]:
    """Returns the figures and a store holding the F-7 import (batch 1000), left open."""
    store = _CountingApp(stores.fresh("f7-store.sqlite"))
    calibration: dict[int, tuple[ImportReport, list[int]]] = {}
    for batch_size in BATCH_SIZES:
        # An untimed import first: a warm-up, and it tells the baseline what each save stored.
        if batch_size == BATCH_SIZES[0]:
            app = store
        else:
            app = _CountingApp(stores.fresh("calibration.sqlite"))
        importer = CsvImporter(app, F7_MAPPING, actor=ACTOR, batch_size=batch_size)
        report = importer.import_file(csv_file)
        calibration[batch_size] = (report, list(app.events_per_save))
        if app is not store:
            app.close()

    first = calibration[BATCH_SIZES[0]][0]
    figures = [
        Figure(
            "F-7 sample: events recorded per import",
            first.units_registered + first.agreements_recorded,
            "events",
            detail=f"{first.units_registered} units + {first.agreements_recorded} agreements; "
            f"{first.rows_read} rows read, {len(first.rejected)} rejected",
        )
    ]
    # Runs interleave batch sizes, and imports with baselines, alternating the order, so that
    # drift in the machine's load falls on every figure alike.
    samples: dict[tuple[str, int], list[float]] = {
        (kind, size): [] for kind in ("import", "baseline") for size in BATCH_SIZES
    }
    for run in range(plan.import_runs):
        _progress(f"F-7 imports and baselines, run {run + 1} of {plan.import_runs}")
        flip = run % 2 == 1
        for batch_size in reversed(BATCH_SIZES) if flip else BATCH_SIZES:
            report, events_per_save = calibration[batch_size]
            for kind in ("baseline", "import") if flip else ("import", "baseline"):
                if kind == "import":
                    seconds = _checked_import(stores, batch_size, csv_file, report)
                else:
                    env = stores.baseline_env(stores.fresh("baseline.sqlite"))
                    seconds = save_baseline(env, events_per_save)
                samples[kind, batch_size].append(seconds)

    for batch_size in BATCH_SIZES:
        report, events_per_save = calibration[batch_size]
        events = report.units_registered + report.agreements_recorded
        assert sum(events_per_save) == events, (sum(events_per_save), events)
        imports, baselines = samples["import", batch_size], samples["baseline", batch_size]
        import_s = statistics.median(imports)
        baseline_s = statistics.median(baselines)
        paired = statistics.median(i / b for i, b in zip(imports, baselines, strict=True))
        figures += [
            Figure(
                f"import, batch {batch_size}: rows read/s",
                report.rows_read / import_s,
                "rows/s",
                IMPORT_ROWS_PER_S,
                detail=f"{report.rows_read} rows in {import_s:.3f} s; {_spread(imports)}",
            ),
            Figure(
                f"baseline, batch {batch_size}: events/s",
                events / baseline_s,
                "events/s",
                detail=f"{events} events in {len(events_per_save)} saves, {baseline_s:.3f} s; "
                f"{_spread(baselines)}",
            ),
            Figure(
                f"import time / baseline time, batch {batch_size}",
                paired,
                "x",
                IMPORT_OVER_BASELINE,
                at_least=False,
                detail="median of per-run ratios (each import beside its own baseline run, so "
                "drift in the machine's speed falls on both); ratio of medians "
                f"{import_s / baseline_s:.2f}",
            ),
        ]
    return figures, store


def _checked_import(
    stores: BenchStores, batch_size: int, csv_file: Path, expected: ImportReport
) -> float:
    seconds, report = import_f7(stores.fresh("import.sqlite"), batch_size, csv_file)
    assert report.summary() == expected.summary(), (report.summary(), expected.summary())
    return seconds


# ------------------------------------------------------------------------- 2. queries

SECTORS = (
    "municipal", "health care", "education", "long-term care", "transit", "retail",
    "manufacturing", "hospitality",
)
REGIONS = ("ON", "BC", "QC", "AB", "MB", "NY", "CA", "IL", "TX", "FL", "WA", "MI")
UNIONS = (
    "CUPE", "SEIU", "UNIFOR", "OPSEU", "UFCW", "USW", "IBT", "AFSCME", "UNITE HERE", "CWA",
    "IBEW", "IAM",
)
CITIES = ("Springfield", "Riverside", "Fairview", "Kingston", "Franklin", "Greenville", "Hudson")
EMPLOYER_WORDS = ("North", "Lake", "Metro", "Valley", "Union", "Harbour", "Pine", "Central")
EMPLOYER_KINDS = ("Hospital", "School Board", "Transit", "Foods", "Steel", "Hotels", "County")
FIRST_EXPIRY = date(2024, 1, 1)
EXPIRY_SPAN_DAYS = 4 * 365
YEAR = (date(2025, 1, 1), date(2025, 12, 31))
ON_DATE = date(2025, 7, 1)


def generated_units(count: int, seed: int = 2004) -> Iterator[BargainingUnit]:
    """Deterministic units, each registered with one agreement (two events per unit)."""
    rng = random.Random(seed)
    employers = [
        f"{rng.choice(EMPLOYER_WORDS)} {rng.choice(EMPLOYER_KINDS)} {n:04d}"
        for n in range(max(1, count // 10))
    ]
    for n in range(count):
        sector = rng.choice(SECTORS)
        unit = BargainingUnit.register(UnitProfile(
            union=rng.choice(UNIONS),
            local=str(rng.randint(1, 3000)),
            employer=rng.choice(employers),
            unit_name=f"unit {n:05d}",
            sector=sector,
            region=rng.choice(REGIONS),
            city=rng.choice(CITIES),
            headcount=max(1, min(20_000, int(rng.lognormvariate(3.5, 1.3)))),
            industry_code=f"{SECTORS.index(sector) + 1:02d}",
        ), actor=ACTOR)
        expiry = FIRST_EXPIRY + timedelta(days=rng.randrange(EXPIRY_SPAN_DAYS))
        effective = expiry - timedelta(days=365 * rng.randint(2, 5)) if rng.random() < 0.8 else None
        unit.record_agreement(
            CollectiveAgreement(expiry=expiry, effective=effective, source="generated"),
            actor=ACTOR,
        )
        yield unit


def load_units(app: BargainingApp, plan: Plan) -> tuple[Figure, UUID]:
    """Save the generated units in batches (the map follows each save); returns a unit id."""
    units = generated_units(plan.units)
    first: UUID | None = None
    saved = 0
    started = time.perf_counter()
    while batch := list(islice(units, plan.unit_batch)):
        first = first or batch[0].id
        saved += len(app.save(*batch))
        if saved % 10_000 == 0:
            _progress(f"generated store: {saved} events saved")
    seconds = time.perf_counter() - started
    assert first is not None and app.expiry_map.position == saved
    figure = Figure(
        f"load {plan.units:,} generated units (create + save + map)",
        saved / seconds,
        "events/s",
        detail=f"{saved} events in saves of {plan.unit_batch} units, {seconds:.2f} s (one run)",
    )
    return figure, first


#: Queries as a dashboard asks them (a page of 100, the top 10 candidates): held to the target.
#: Whole answers of thousands of units are printed beside them, for information.
PAGE = 100


def expiry_map_queries(
    app: BargainingApp, probe: UUID
) -> dict[str, tuple[Callable[[], list[Any]], bool]]:
    m = app.expiry_map
    return {
        f"expiring, one year, page of {PAGE}": (
            lambda: m.expiring(*YEAR, MapFilter(limit=PAGE)), True),
        "expiring, one year, sector + region": (
            lambda: m.expiring(*YEAR, MapFilter(sector=SECTORS[0], region=REGIONS[0])), True),
        "month_table, one year": (lambda: m.month_table(*YEAR), True),
        f"alongside, within 30 days, page of {PAGE}": (
            lambda: m.alongside(probe, 30, MapFilter(limit=PAGE)), True),
        f"carried_over on {ON_DATE}, page of {PAGE}": (
            lambda: m.carried_over(ON_DATE, MapFilter(limit=PAGE)), True),
        "cluster_candidates, year, 30 d, by region, top 10": (
            lambda: m.cluster_candidates(*YEAR, 30, MapFilter(limit=10), by_region=True), True),
        f"in_open_period on {ON_DATE}, EXAMPLE_CALENDAR": (
            lambda: m.in_open_period(ON_DATE, EXAMPLE_CALENDAR), True),
        "whole answer: expiring, one year": (lambda: m.expiring(*YEAR), False),
        "whole answer: alongside, within 30 days": (lambda: m.alongside(probe, 30), False),
        f"whole answer: carried_over on {ON_DATE}": (lambda: m.carried_over(ON_DATE), False),
        "whole answer: cluster_candidates, every window": (
            lambda: m.cluster_candidates(*YEAR, 30, by_region=True), False),
    }


def bench_queries(app: BargainingApp, probe: UUID, plan: Plan) -> list[Figure]:
    queries = expiry_map_queries(app, probe)
    sizes = {name: len(query()) for name, (query, _) in queries.items()}  # warm-up
    samples: dict[str, list[float]] = {name: [] for name in queries}
    _progress(f"{len(queries)} queries x {plan.query_reps}")
    for _ in range(plan.query_reps):  # round robin, so noise falls on every query alike
        for name, (query, _) in queries.items():
            started = time.perf_counter()
            query()
            samples[name].append((time.perf_counter() - started) * 1000)
    figures = [
        Figure(
            name,
            statistics.median(ms),
            "ms",
            QUERY_MS if queries[name][1] else None,
            at_least=False,
            detail=f"p90 {_p90(ms):.1f} ms, {sizes[name]} results, n={len(ms)}",
        )
        for name, ms in samples.items()
    ]
    return figures + cold_queries(app, probe, plan)


def cold_queries(app: BargainingApp, probe: UUID, plan: Plan) -> list[Figure]:
    """The two queries that answer from the map's memory index, as they cost right after a
    save moved the map's position: the first asks read SQL, the next builds the index. Each
    round saves a new headcount of the probe unit (untimed) and asks again."""
    reps = max(5, plan.query_reps // 5)
    asks: dict[str, Callable[[ExpiryMap], object]] = {
        "cluster_candidates, top 10": lambda m: m.cluster_candidates(
            *YEAR, 30, MapFilter(limit=10), by_region=True),
        "in_open_period": lambda m: m.in_open_period(ON_DATE, EXAMPLE_CALENDAR),
    }
    figures = []
    builds_on = ExpiryMap.ASKS_BEFORE_INDEX
    for name, ask in asks.items():
        by_sql: list[float] = []
        building: list[float] = []
        for rep in range(reps):
            app.units.change_headcount(probe, 100 + rep % 2, actor=ACTOR)
            for n in range(1, builds_on + 1):
                started = time.perf_counter()
                ask(app.expiry_map)
                (building if n == builds_on else by_sql).append(
                    (time.perf_counter() - started) * 1000)
        figures += [
            Figure(f"{name}, asks 1-{builds_on - 1} after a save (SQL)",
                   statistics.median(by_sql), "ms", detail=f"p90 {_p90(by_sql):.1f} ms, "
                   f"n={len(by_sql)}"),
            Figure(f"{name}, ask {builds_on} after a save (index built)",
                   statistics.median(building), "ms",
                   detail=f"p90 {_p90(building):.1f} ms, n={reps}"),
        ]
    return figures


# ------------------------------------------------------------------------ 3. catch-up


def bench_rebuild(app: BargainingApp, label: str, plan: Plan) -> Figure:
    rates: list[float] = []
    applied = 0
    for run in range(plan.rebuild_runs):
        _progress(f"rebuild, {label}, run {run + 1}")
        started = time.perf_counter()
        applied = app.expiry_map.rebuild()
        rates.append(applied / (time.perf_counter() - started))
    return Figure(
        f"rebuild, {label}: events applied/s",
        statistics.median(rates),
        "events/s",
        CATCH_UP_EVENTS_PER_S,
        detail=f"{applied} events; min {min(rates):,.0f}, max {max(rates):,.0f}, n={len(rates)}",
    )


def bench_per_event(app: BargainingApp, label: str, plan: Plan) -> Figure:
    """The rebuild's events read as it reads them, but each written in a transaction of its
    own with its tracking position (a temporary map, dropped afterwards)."""
    name = "expiry_map_per_event"
    feed, writer = app.expiry_map.feed, app.expiry_map.storage.writer(name)
    rates: list[float] = []
    applied = 0
    try:
        for run in range(plan.rebuild_runs):
            _progress(f"rebuild one transaction per event, {label}, run {run + 1}")
            writer.clear()
            started = time.perf_counter()
            applied = position = 0
            while (batch := feed.read(position, 10_000, None, timed=False)) is not None:
                for change in batch.changes:
                    writer.write(applied, applied + 1, [change])
                    applied += 1
                position = batch.last
            rates.append(applied / (time.perf_counter() - started))
    finally:
        writer.drop()
    return Figure(
        f"rebuild, {label}, one transaction per event: events applied/s",
        statistics.median(rates),
        "events/s",
        detail=f"{applied} events; min {min(rates):,.0f}, max {max(rates):,.0f}, "
        f"n={len(rates)}",
    )


# --------------------------------------------------------------------------- output


def cpu_counters() -> tuple[float, float, float]:
    """Seconds of CPU busy on the machine, stolen by the hypervisor, and used by this process
    (busy and steal are 0 without ``/proc/stat``)."""
    own = sum(os.times()[:2])
    try:
        fields = Path("/proc/stat").read_text().splitlines()[0].split()[1:]
    except OSError:
        return 0.0, 0.0, own
    ticks = [int(x) for x in fields] + [0] * 8
    user, nice, system, _idle, _iowait, irq, softirq, steal = ticks[:8]
    hz = os.sysconf("SC_CLK_TCK")
    return (user + nice + system + irq + softirq) / hz, steal / hz, own


def contention(before: tuple[float, float, float], wall: float) -> str:
    """How much of the machine others took while we measured: the figures' noise floor."""
    busy, steal, own = (b - a for a, b in zip(before, cpu_counters(), strict=True))
    capacity = wall * len(os.sched_getaffinity(0))
    others = max(0.0, busy - own)
    return (
        f"during the run: this process {own:.0f} CPU-s; other processes {others:.0f} CPU-s "
        f"({others / capacity:.0%} of the machine); hypervisor steal {steal / capacity:.0%}"
    )


def header(plan: Plan, workdir: Path, stores: BenchStores) -> str:
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    return "\n".join([
        f"Foundation benchmark: bargaining on {stores.label}",
        f"machine: nproc {len(os.sched_getaffinity(0))}, {platform.machine()} "
        f"{platform.system()} {platform.release()}, "
        f"{platform.python_implementation()} {platform.python_version()}",
        f"versions: bargaining {version('bargaining')}, eventsourcing {version('eventsourcing')}, "
        f"SQLite {sqlite3.sqlite_version}; load average at start {load}",
        f"mode: {plan.name} (import runs {plan.import_runs}, query repetitions "
        f"{plan.query_reps}, rebuild runs {plan.rebuild_runs}); files in {workdir}",
        "every figure is a MEDIAN of its runs",
    ])


def table(sections: list[tuple[str, list[Figure]]]) -> str:
    width = max(len(f.name) for _, figures in sections for f in figures)
    lines = [
        f"{'figure':<{width}}  {'median':>10} {'unit':<9} {'target':>9}  {'':4}  detail",
    ]
    for title, figures in sections:
        lines += ["", title]
        for f in figures:
            lines.append(
                f"{f.name:<{width}}  {_number(f.value):>10} {f.unit:<9} {f.target_text:>9}  "
                f"{f.status:4}  {f.detail}"
            )
    verdicts = [f.status for _, figures in sections for f in figures if f.status]
    lines += ["", f"{verdicts.count('PASS')} PASS, {verdicts.count('MISS')} MISS"]
    return "\n".join(lines)


def profile(label: str, work: Callable[[], object], top: int = 15) -> None:
    print(f"\n=== cProfile: {label} (top {top} by own time) ===")
    profiler = cProfile.Profile()
    profiler.runcall(work)
    stats = pstats.Stats(profiler, stream=sys.stdout)
    stats.strip_dirs().sort_stats("tottime").print_stats(top)


def _repeat(work: Callable[[], object], times: int) -> None:
    for _ in range(times):
        work()


def profile_all(stores: BenchStores, csv_file: Path, app: BargainingApp, probe: UUID) -> None:
    profile(
        "F-7 import, batch 1000",
        lambda: import_f7(stores.fresh("profile.sqlite"), 1000, csv_file),
    )
    for name, (query, _) in expiry_map_queries(app, probe).items():
        profile(f"10 x {name}", partial(_repeat, query, 10), top=8)
    profile("rebuild of the generated store", app.expiry_map.rebuild)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions (< 1 minute)")
    parser.add_argument("--profile", action="store_true", help="cProfile each part afterwards")
    parser.add_argument("--csv", type=Path, default=F7_CSV, help="the F-7 sample CSV")
    parser.add_argument("--dir", type=Path, help="folder for the SQLite files (default: temp)")
    parser.add_argument(
        "--store", choices=KINDS, default="sqlite",
        help="where the stores are made: SQLite files, or fresh PostgreSQL schemas "
        "(BARGAINING_TEST_POSTGRES_URL)",
    )
    parser.add_argument(
        "--import-runs", type=int, metavar="N",
        help="paired import/baseline runs per batch size (full: 15, quick: 3); on a noisy "
        "machine more runs steady the median ratio",
    )
    args = parser.parse_args()
    plan = QUICK if args.quick else FULL
    if args.import_runs is not None:
        if args.import_runs < 1:
            parser.error("--import-runs needs at least 1 run")
        plan = dataclasses.replace(plan, import_runs=args.import_runs)

    with tempfile.TemporaryDirectory(prefix="bargaining-bench-", dir=args.dir) as tmp:
        workdir = Path(tmp)
        stores = BenchStores(args.store, workdir)
        try:
            print(header(plan, workdir, stores), flush=True)
            started = time.perf_counter()
            counters = cpu_counters()

            import_figures, f7_store = bench_import(plan, stores, args.csv)

            _progress(f"generating {plan.units} units")
            generated = BargainingApp(stores.fresh("generated.sqlite"))
            load_figure, probe = load_units(generated, plan)
            query_figures = bench_queries(generated, probe, plan)

            catch_up_figures = [
                bench_rebuild(generated, f"{plan.units:,} generated units", plan),
                bench_rebuild(f7_store, "F-7 sample store", plan),
                bench_per_event(f7_store, "F-7 sample store", plan),
            ]

            print()
            print(table([
                (f"1. F-7 sample import into a fresh store ({stores.kind}), beside plain "
                 "eventsourcing", import_figures),
                (f"2. Expiry Map queries over {plan.units:,} units ({stores.kind})",
                 [load_figure, *query_figures]),
                ("3. Expiry Map catch-up (rebuild from the first event)", catch_up_figures),
            ]))
            wall = time.perf_counter() - started
            load = " ".join(f"{x:.2f}" for x in os.getloadavg())
            print(f"\nwall time {wall:.0f} s; load average at end {load}")
            print(contention(counters, wall))

            if args.profile:
                profile_all(stores, args.csv, generated, probe)
            f7_store.close()
            generated.close()
        finally:
            stores.close()


if __name__ == "__main__":
    main()
