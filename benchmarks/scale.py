"""Scale benchmark: a national union on PostgreSQL, grown in batches to a million events.

Run from the repository root (PostgreSQL as ``BARGAINING_TEST_POSTGRES_URL``, default
``postgresql://postgres@127.0.0.1:5432/test``; a fresh schema, dropped at the end):

    .venv/bin/python benchmarks/scale.py --quick                # 30,000 events, a minute
    .venv/bin/python benchmarks/scale.py --events 100000        # one measurement
    .venv/bin/python benchmarks/scale.py --events 1000000       # 100,000 and 1,000,000

The union: 2,000 locals of 5 units each (10,000 units), about 700,000 members counted as
headcounts, each unit with its collective agreement; 20 clusters of 10 units with a campaign
each that held structure tests on its first rungs. Everything goes through the public API:
units are registered and saved in batches of 1,000 with ``app.save`` as the CSV importer
does; clusters, campaigns and actions through their commands. The history then grows by
monthly headcounts: every unit's new count, saved 1,000 units at a time (one event each).

At each size (100,000 events, then every tenfold, and the last) it measures: the write rate of
the headcount saves since the last size; the Expiry Map's catch-up (``rebuild()``); query
latency (map queries, loading a unit, a cluster's status: medians of repeated asks); the
verify rate (``app.integrity.verify()``); bytes per event (``pg_total_relation_size`` of the
schema's tables over the events); and memory (the process's peak RSS, and Python's own
allocations at the end of each size with ``tracemalloc`` when ``--tracemalloc``: it slows
everything). The last table says how each figure grew from the first size to the last.

The generator (``generate``) grows the store to each size exactly (the last month's counts stop
at the size) and reports progress as the library's long work does: ``progress(done, total)``,
events saved of the last size, known up front. From a terminal the run shows a Rich progress
bar; elsewhere (CI, a log file) a plain line at every tenth of the way.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from uuid import UUID

from bench_stores import BenchStores
from shown_progress import note, watching

from bargaining import (
    Actor,
    BargainingApp,
    BargainingUnit,
    CollectiveAgreement,
    MapFilter,
    Turnout,
    UnitProfile,
)
from bargaining.domain.shared.progress import Progress, Reporter, require_progress

ACTOR = Actor("bench", "data steward")
LOCALS, UNITS_PER_LOCAL, MEMBERS = 2000, 5, 700_000
SECTORS = ("municipal", "health care", "education", "long-term care", "transit", "retail",
           "manufacturing", "hospitality")
REGIONS = ("ON", "BC", "QC", "AB", "MB", "NS", "NB", "SK", "NL", "PE")
FIRST_EXPIRY, EXPIRY_DAYS = date(2025, 1, 1), 4 * 365
CLUSTERS, CLUSTER_UNITS, ACTIONS = 20, 10, 3
FIRST_COUNT = date(2019, 1, 1)
YEAR = (date(2026, 1, 1), date(2026, 12, 31))
REPS = 21


@dataclass(frozen=True)
class Shape:
    """How big the union is: its locals, units per local, members and clusters (a test grows
    a small one; the benchmark, the national union)."""

    locals: int = LOCALS
    units_per_local: int = UNITS_PER_LOCAL
    members: int = MEMBERS
    clusters: int = CLUSTERS

    @property
    def units(self) -> int:
        return self.locals * self.units_per_local


NATIONAL = Shape()


@dataclass
class NationalUnion:
    """What the generator holds: the units (their aggregates, so a month's headcounts need no
    load), the clusters and campaigns it made."""

    units: list[BargainingUnit] = field(default_factory=list)
    clusters: list[UUID] = field(default_factory=list)
    campaigns: list[UUID] = field(default_factory=list)
    months: int = 0


def events_in(app: BargainingApp) -> int:
    return int(app.eventsourcing.recorder.max_notification_id() or 0)


def save_in_batches(app: BargainingApp, units: list[BargainingUnit], batch: int,
                    reporter: Reporter) -> None:
    for k in range(0, len(units), batch):
        saved = app.save(*units[k : k + batch])
        reporter.tell(reporter.done + len(saved))


def found_union(app: BargainingApp, shape: Shape, batch: int, rng: random.Random,
                reporter: Reporter) -> NationalUnion:
    """Register the units with their agreements (two events each), saved in batches."""
    union = NationalUnion()
    weights = [rng.lognormvariate(0, 1.2) for _ in range(shape.units)]
    scale = shape.members / sum(weights)
    for n, weight in enumerate(weights):
        local, sector = n // shape.units_per_local, SECTORS[n % len(SECTORS)]
        unit = BargainingUnit.register(UnitProfile(
            union="National Union", local=str(local + 1), employer=f"Employer {n // 2:05d}",
            unit_name=f"unit {n:05d}", sector=sector, region=REGIONS[local % len(REGIONS)],
            city=f"City {local % 300}", headcount=max(1, round(weight * scale)),
        ), actor=ACTOR)
        expiry = FIRST_EXPIRY + timedelta(days=rng.randrange(EXPIRY_DAYS))
        unit.record_agreement(CollectiveAgreement(
            expiry=expiry, effective=expiry - timedelta(days=5 * 365), source="generated",
        ), actor=ACTOR)
        union.units.append(unit)
    save_in_batches(app, union.units, batch, reporter)
    return union


def organise(app: BargainingApp, union: NationalUnion, shape: Shape, reporter: Reporter) -> None:
    """Clusters of units of one sector expiring in one year, each with a campaign that held
    structure tests on its first rungs (commands, as organizers record them)."""
    for c in range(shape.clusters):
        sector = SECTORS[c % len(SECTORS)]
        start = FIRST_EXPIRY + timedelta(days=365 * (c % 4))
        end = start + timedelta(days=364)
        members = [
            u for u in union.units
            if u.sector == sector and u.agreements and start <= u.agreements[-1].expiry <= end
        ][c // len(SECTORS) * CLUSTER_UNITS:][:CLUSTER_UNITS]
        if not members:
            continue  # a small union (a test's) may have no unit of that sector and year
        cluster = app.clusters.form(
            name=f"{sector} {start.year} cluster {c}", sectors=[sector], committee=[ACTOR],
            window_start=start, window_end=end, target_alignment=end, actor=ACTOR,
            on=date(2024, 1, 10),
        )
        for unit in members:
            app.clusters.admit(cluster, unit.id, actor=ACTOR, on=date(2024, 2, 1))
        campaign = app.campaigns.launch(name=f"campaign {c}", cluster=cluster,
                                        on=date(2024, 3, 1), actor=ACTOR)
        for a in range(ACTIONS):
            rung = "organizing meeting" if a < 2 else "union cards / sign-up"
            number = app.campaigns.plan_action(
                campaign, name=f"action {a}", rung=rung, on=date(2024, 4, 1) + timedelta(30 * a),
                actor=ACTOR)
            app.campaigns.hold_action(campaign, number, [
                Turnout(u.id, u.headcount, u.headcount * (20 + 30 * a) // 100)
                for u in members
            ], actor=ACTOR)
            if a == 1:
                app.campaigns.escalate(campaign, on=date(2024, 5, 15), actor=ACTOR)
        union.clusters.append(cluster)
        union.campaigns.append(campaign)
        reporter.tell(events_in(app))


def count_month(app: BargainingApp, union: NationalUnion, batch: int, rng: random.Random,
                reporter: Reporter, most: int | None = None) -> int:
    """Every unit's headcount for the next month (a change of a few percent, never none), or
    the first ``most`` units' when a size is that near, saved in batches; returns the events
    saved."""
    on = FIRST_COUNT + timedelta(days=31 * union.months)
    union.months += 1
    saved = 0
    counted = union.units if most is None else union.units[:most]
    for k in range(0, len(counted), batch):
        chunk = counted[k : k + batch]
        for unit in chunk:
            step = max(1, unit.headcount // 25)
            new = unit.headcount + (rng.randint(-step, step) or 1)
            unit.change_headcount(new if new >= 1 else unit.headcount + step, actor=ACTOR, on=on)
        written = len(app.save(*chunk))
        saved += written
        reporter.tell(reporter.done + written)
    return saved


@dataclass
class Growth:
    """What the generator wrote to reach one size: the union it holds, the headcount events
    since the last size, the seconds they took, and each month's write rate (events/s)."""

    union: NationalUnion
    events: int
    seconds: float
    months: list[float]


def generate(
    app: BargainingApp, sizes: Sequence[int], *, shape: Shape = NATIONAL, batch: int = 1000,
    rng: random.Random | None = None, progress: Progress | None = None,
) -> Iterator[Growth]:
    """Found the union and organise it, then grow the store by monthly headcounts to each size
    in turn (exactly: the last month stops at the size), yielding at each, so the caller
    measures a store of that size. Calls ``progress(done, total)`` with the events saved, of
    the last size (known before any is written), after each batch and each cluster, and a last
    time with ``done == total``."""
    if not sizes or list(sizes) != sorted(set(sizes)):
        raise ValueError(f"sizes grow, one after the other, not {list(sizes)}")
    if sizes[0] < 2 * shape.units:
        raise ValueError(f"the first size, {sizes[0]:,}, is less than the union's founding "
                         f"({2 * shape.units:,} events)")
    rng = rng or random.Random(700_000)
    reporter = Reporter(require_progress(progress), total=sizes[-1])
    reporter.tell(events_in(app))
    note(f"founding: {shape.units:,} units with agreements")
    union = found_union(app, shape, batch, rng, reporter)
    note("organising: clusters and campaigns")
    organise(app, union, shape, reporter)
    for size in sizes:
        if events_in(app) > size:
            raise ValueError(f"the union's founding and organising wrote {events_in(app):,} "
                             f"events, more than the size {size:,}")
        growth = Growth(union, 0, 0.0, [])
        while (left := size - events_in(app)) > 0:
            started = time.perf_counter()
            month = count_month(app, union, batch, rng, reporter, min(left, len(union.units)))
            took = time.perf_counter() - started
            growth.events, growth.seconds = growth.events + month, growth.seconds + took
            growth.months.append(month / took)
        yield growth
    reporter.finish()


# ------------------------------------------------------------------------------ measuring


@dataclass
class Size:
    """The figures at one size of the store."""

    events: int
    figures: dict[str, tuple[float, str]] = field(default_factory=dict)
    tables: dict[str, int] = field(default_factory=dict)

    def add(self, name: str, value: float, unit: str) -> None:
        self.figures[name] = (value, unit)


def median_ms(ask: Callable[[], object], reps: int = REPS) -> float:
    ask()  # warm: the map's index, the statement cache
    samples = []
    for _ in range(reps):
        started = time.perf_counter()
        ask()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


def measure(
    app: BargainingApp, stores: BenchStores, location: str, write: Growth, rng: random.Random,
    traced: bool,
) -> Size:
    size = Size(events_in(app))
    union = write.union
    size.add("write: headcount saves since the last size", write.events / write.seconds,
             "events/s")
    size.add("write: the median month", statistics.median(write.months), "events/s")
    size.add("write: the slowest month (units reaching a snapshot)", min(write.months),
             "events/s")
    note(f"{size.events:,} events: queries")
    m = app.expiry_map
    probe = union.units[0].id
    queries: dict[str, Callable[[], object]] = {
        "map: expiring in a year, page of 100": lambda: m.expiring(*YEAR, MapFilter(limit=100)),
        "map: month_table, one year": lambda: m.month_table(*YEAR),
        "map: alongside within 30 days, page of 100": lambda: m.alongside(
            probe, 30, MapFilter(limit=100)),
        "map: cluster_candidates by region, top 10": lambda: m.cluster_candidates(
            *YEAR, 30, MapFilter(limit=10), by_region=True),
        "load a unit (a different one each time)": lambda: app.units.get(
            rng.choice(union.units).id),
        "a cluster's status": lambda: app.clusters.status(rng.choice(union.clusters)),
        "load a campaign": lambda: app.campaigns.get(rng.choice(union.campaigns)),
    }
    for name, ask in queries.items():
        size.add(name, median_ms(ask), "ms")
    # What autovacuum does on a server that runs it (this one may not): the map's tables
    # freed of the row versions its updates left, then the same map queries again.
    stores.vacuum(location, "expiry_map_units", "expiry_map_agreements")
    for name, ask in list(queries.items())[:4]:
        size.add(f"{name}, after VACUUM", median_ms(ask), "ms")
    note(f"{size.events:,} events: verify")
    started = time.perf_counter()
    report = app.integrity.verify()
    assert report.intact, report
    size.add("verify: events checked/s", report.checked / (time.perf_counter() - started),
             "events/s")
    note(f"{size.events:,} events: rebuild the Expiry Map")
    started = time.perf_counter()
    applied = m.rebuild()
    size.add("Expiry Map rebuild: events applied/s",
             applied / (time.perf_counter() - started), "events/s")
    size.tables = stores.table_bytes(location)
    total = sum(size.tables.values())
    size.add("bytes per event, all tables", total / size.events, "B")
    events_table = next((b for t, b in size.tables.items() if t.endswith("_events")), 0)
    size.add("bytes per event, events table alone", events_table / size.events, "B")
    size.add("store size", total / 2**20, "MB")
    size.add("peak RSS of this process", peak_rss_mb(), "MB")
    if traced:
        size.add("Python allocations now (tracemalloc)",
                 tracemalloc.get_traced_memory()[0] / 2**20, "MB")
    return size


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def report(sizes: list[Size], seconds: float) -> str:
    names = list(sizes[0].figures)
    width = max(len(n) for n in names)
    head = f"{'figure':<{width}}  " + "  ".join(f"{s.events:>14,}" for s in sizes)
    lines = [head + ("    growth" if len(sizes) > 1 else "") + "  unit"]
    for name in names:
        values = [s.figures[name][0] for s in sizes]
        row = f"{name:<{width}}  " + "  ".join(f"{_number(v):>14}" for v in values)
        if len(sizes) > 1:
            row += f"  {values[-1] / values[0]:7.2f}x" if values[0] else "          "
        lines.append(f"{row}  {sizes[0].figures[name][1]}")
    lines += ["", f"tables at {sizes[-1].events:,} events (pg_total_relation_size):"]
    lines += [f"  {t:<34} {b / 2**20:10.1f} MB" for t, b in sizes[-1].tables.items()]
    lines.append(f"\nwall time {seconds:.0f} s; load average at end "
                 + " ".join(f"{x:.2f}" for x in os.getloadavg()))
    return "\n".join(lines)


def _number(value: float) -> str:
    return f"{value:,.0f}" if abs(value) >= 100 else f"{value:.2f}"


def sizes_for(target: int, quick: bool) -> list[int]:
    if quick:
        return [30_000]
    sizes, size = [], 100_000
    while size < target:
        sizes.append(size)
        size *= 10
    return [*sizes, target]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000,
                        help="grow the store to this many events (at least 30,000)")
    parser.add_argument("--quick", action="store_true", help="30,000 events, one size")
    parser.add_argument("--batch", type=int, default=1000, help="units per save")
    parser.add_argument("--tracemalloc", action="store_true",
                        help="also trace Python's allocations (slows every figure)")
    args = parser.parse_args()
    if args.events < 30_000:
        parser.error("--events: at least 30,000 (the union's founding alone is 20,000)")
    targets = sizes_for(args.events, args.quick)
    if args.tracemalloc:
        tracemalloc.start()
    rng = random.Random(700_000)
    with tempfile.TemporaryDirectory() as tmp:
        stores = BenchStores("postgres", Path(tmp))
        try:
            print(f"Scale benchmark: a national union on {stores.label}; sizes "
                  + ", ".join(f"{t:,}" for t in targets) + " events", flush=True)
            location = stores.fresh("scale")
            began = time.perf_counter()
            with BargainingApp(location) as app:
                with watching("growing the union (events)", targets[-1]) as shown:
                    sizes = [measure(app, stores, location, growth, rng, args.tracemalloc)
                             for growth in generate(app, targets, batch=args.batch, rng=rng,
                                                    progress=shown)]
                print(report(sizes, time.perf_counter() - began))
        finally:
            stores.close()


if __name__ == "__main__":
    main()
