"""The network's measures at a realistic size: how long a monthly series over two years takes
from the read model, beside the same series counted by rereading the whole log (as every
question did before the read model: the baseline), in the same process, on memory and on a
SQLite file; then how long the next question takes after N new events (the read model reads
only those), and a rebuild from the first event.

Run from the repository root:

    .venv/bin/python benchmarks/network.py                 # 200 workplaces, 12 areas, 7 runs
    .venv/bin/python benchmarks/network.py --workplaces 400 --runs 11 --new 100 1000

The store: 12 area teams (half by region, half by sector), each supporting its share of the
workplaces and of their locals (one local a workplace); each workplace of four work groups
mapped every month for two years, eight leaders identified, each proven by a petition and
taking part every month from then; each local's plan adopted in its first months; each local's
president an elected officer. The records are made with the domain's commands and saved in
batches (as an importer would), so that building the store does not dominate the run.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from bargaining import Actor, BargainingApp
from bargaining.domain.democracy.body import GoverningBody
from bargaining.domain.organizing.mapping import GroupTest, MapCount
from bargaining.domain.organizing.network import Period, series
from bargaining.domain.organizing.plans import OrganizingPlan, PlanGoal, PlanGoalKind
from bargaining.domain.organizing.team import AreaKind, AreaTeam
from bargaining.domain.organizing.workplace import Workplace
from bargaining.readmodels.network.facts import read_facts

ACTOR = Actor("bench", "organizer")
GROUPS = ("Days", "Evenings", "Nights", "Weekends")
MONTHS = [date(2023 + m // 12, m % 12 + 1, 1) for m in range(24)]


def build(app: BargainingApp, workplaces: int, areas: int) -> int:
    """Records the network; returns the number of events recorded."""
    teams = [AreaTeam.form(name=f"Area {a}", kind=AreaKind.SECTOR if a % 2 else AreaKind.REGION,
                           area=f"area {a}", on=date(2022, 12, 1), actor=ACTOR)
             for a in range(areas)]
    events = 0
    for w in range(workplaces):
        team = teams[w % areas]
        local = f"Local {1000 + w}"
        place = Workplace.register(name=f"Home {w}", employer="an operator",
                                   region=f"area {w % areas}", sector=f"sector {w % 5}",
                                   actor=ACTOR)
        team.support_local(local=local, on=date(2022, 12, 1), actor=ACTOR)
        team.support_workplace(workplace=place.id, on=date(2022, 12, 1), actor=ACTOR)
        place.supported_by(team=team.id, on=date(2022, 12, 1), actor=ACTOR)
        for group in GROUPS:
            place.add_group(name=group, kind="shift", workers=30, on=date(2022, 12, 1),
                            actor=ACTOR)
        adopted = MONTHS[w % 12]
        for k, month in enumerate(MONTHS):
            for group in GROUPS:
                place.record_map(group=group, on=month, actor=ACTOR,
                                 count=MapCount(workers=30, mapped=min(30, 10 + k)))
        people = [f"w{w}-{n}" for n in range(8)]
        for n, person in enumerate(people):
            place.identify_leader(group=GROUPS[n % 4], person=person, on=adopted, actor=ACTOR)
            place.hold_test(test=GroupTest(group=GROUPS[n % 4], kind="majority petition",
                                           eligible=30, participants=20, on=adopted,
                                           leader=person), actor=ACTOR)
        for month in MONTHS[MONTHS.index(adopted) + 1:]:
            place.take_part(people=people, activity="the monthly action",
                            on=month.replace(day=15), actor=ACTOR)
        plan = OrganizingPlan.adopt(local=local, name="Organize", on=adopted, actor=ACTOR,
                                    goals=[PlanGoal(kind=PlanGoalKind.MAP, workplace=place.id,
                                                    target=80)])
        body = GoverningBody.form(organization=local, name="executive board",
                                  kind="executive board", actor=ACTOR)
        body.add_role(name="president", actor=ACTOR)
        body.fill(role="president", person=f"pres-{w}", starts=date(2022, 1, 1),
                  filled_by="election", rank="elected officer", first_role=False, actor=ACTOR)
        records: list[Any] = [place, plan, body]
        events += sum(len(r.pending_events) for r in records)
        app.save(*records)
    events += sum(len(t.pending_events) for t in teams)
    app.save(*teams)
    return events


def reread(app: BargainingApp, last: date, area: str | None = None) -> Any:
    """The baseline: the monthly series as every question counted it before the read model,
    the whole log read again into the facts and counted by the domain."""
    return series(read_facts(app.eventsourcing.read_log), Period.MONTH, MONTHS[0], last,
                  area=area, sector=None, within=timedelta(days=90))


def record_new(app: BargainingApp, count: int) -> None:
    """``count`` new events: one more workplace of the network, mapped as often as needed."""
    place = Workplace.register(name=f"New home {app.eventsourcing.last_position()}",
                               employer="an operator", region="area 0", sector="sector 0",
                               actor=ACTOR)
    place.add_group(name="Days", kind="shift", workers=30, on=date(2022, 12, 1), actor=ACTOR)
    for k in range(count - 2):
        place.record_map(group="Days", on=MONTHS[k % 24], actor=ACTOR,
                         count=MapCount(workers=30, mapped=10))
    app.save(place)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workplaces", type=int, default=200)
    parser.add_argument("--areas", type=int, default=12)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--new", type=int, nargs="*", default=[10, 100, 1000],
                        help="new events recorded before a question, for the catch-up")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        for store in ("memory", str(Path(folder) / "network.sqlite")):
            measure(store, args)
    return 0


def measure(store: str, args: argparse.Namespace) -> None:
    """Build the network on one store and print the medians."""
    app = BargainingApp(store)
    started = time.perf_counter()
    events = build(app, args.workplaces, args.areas)
    built = time.perf_counter() - started
    kind = "memory" if store == "memory" else "SQLite"
    print(f"{kind}: {events:,} events, {args.workplaces} workplaces, {args.areas} "
          f"areas, two years (built in {built:.1f} s)")
    last = date(2024, 12, 31)

    def monthly() -> Any:
        return app.network.series(period=Period.MONTH, since=MONTHS[0], until=last)

    assert monthly() == reread(app, last)  # the same answers, or the figures mean nothing
    figures = {
        "monthly series, log reread (baseline)": lambda: reread(app, last),
        "monthly series, read model": monthly,
        "quarterly series of one area, read model": lambda: app.network.series(
            period="quarter", since=MONTHS[0], until=last, area="area 3"),
        "one day's reading, read model": lambda: app.network.on(last, since=MONTHS[0]),
        "rebuild from the first event": app.network.rebuild,
    }
    # Round by round, every question once: a burst of load on the shared machine then
    # falls on all of them alike, not on one question's runs.
    samples: dict[str, list[float]] = {what: [] for what in figures}
    for _ in range(args.runs):
        for what, ask in figures.items():
            started = time.perf_counter()
            ask()
            samples[what].append((time.perf_counter() - started) * 1000)
    medians = {what: statistics.median(times) for what, times in samples.items()}
    for what, ms in medians.items():
        print(f"  {what:42} {ms:9.1f} ms (median of {args.runs})")
    baseline = medians["monthly series, log reread (baseline)"]
    print(f"  {'ratio, log reread / read model':42} "
          f"{baseline / medians['monthly series, read model']:9.1f} x")
    for count in args.new:
        caught, warm = [], []
        for _ in range(args.runs):
            record_new(app, count)
            for into in (caught, warm):  # the first question reads the new events
                started = time.perf_counter()
                monthly()
                into.append((time.perf_counter() - started) * 1000)
        print(f"  {f'after {count:,} new events: first question':42} "
              f"{statistics.median(caught):9.1f} ms, the next {statistics.median(warm):.1f} ms "
              f"(medians of {args.runs})")
    assert monthly() == reread(app, last)
    app.close()


if __name__ == "__main__":
    sys.exit(main())
