"""Recording returns and reading the count against the length of an election's history.

Run from the repository root:

    .venv/bin/python benchmarks/elections.py                  # SQLite and PostgreSQL
    .venv/bin/python benchmarks/elections.py --stores sqlite --quick

An election of two candidates is grown to 1,000 and 10,000 returns (one per ballot box, each
with a few challenged ballots), written through the domain in large saves (snapshots are taken
at their interval as in any save). Then one command (a box's return recorded) and one read
(the count as it stands) are timed many times: median and p99, beside the baseline, the same
command and read on a fresh election with one return, in the same process.
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date
from uuid import UUID

from commands import opened, timed

from bargaining import Actor, BargainingApp, Body

ACTOR = Actor("bench", "election monitor")
DAY = date(2023, 3, 1)


def open_election(app: BargainingApp) -> UUID:
    election = app.elections.open(office=f"President {time.perf_counter_ns()}",
                                  body=Body.members(), actor=ACTOR)
    for candidate in ("a", "b"):
        app.elections.nominate(election, candidate=candidate, actor=ACTOR)
    app.elections.record_return(election, box="first", ballots=103, votes={"a": 50, "b": 50},
                                challenged=3, on=DAY, actor=ACTOR)
    return election


def grow(app: BargainingApp, election_id: UUID, returns: int) -> None:
    election = app.elections.get(election_id)
    for n in range(returns):
        election.record_return(box=f"box {n}", ballots=103, votes={"a": 50 + n % 3, "b": 50},
                               challenged=3 - n % 3, on=DAY, actor=ACTOR)
        if len(election.pending_events) >= 2000:
            app.save(election)
    app.save(election)


def measure(app: BargainingApp, election: UUID, times: int) -> dict[str, tuple[float, float]]:
    def record(i: int) -> None:
        app.elections.record_return(election, box=f"timed {i}", ballots=101,
                                    votes={"a": 50, "b": 50}, challenged=1, on=DAY,
                                    actor=ACTOR)

    return {"return recorded": timed(record, times),
            "count read": timed(lambda i: app.elections.standing(election), times)}


def run_store(kind: str, histories: list[int], times: int) -> None:
    with opened(kind) as app:
        baseline = measure(app, open_election(app), times)
        print(f"\n{kind}: an election of two candidates; baseline = a fresh election (one "
              f"return); {times} runs each")
        print(f"{'returns':>8} {'what':<18} {'median ms':>10} {'p99 ms':>8} "
              f"{'x baseline':>11} {'p99 x':>7}")
        for what, (median, p99) in baseline.items():
            print(f"{'fresh':>8} {what:<18} {median:>10.2f} {p99:>8.2f} {1:>11.2f} {1:>7.2f}")
        for history in histories:
            election = open_election(app)
            grow(app, election, history)
            for what, (median, p99) in measure(app, election, times).items():
                base_median, base_p99 = baseline[what]
                print(f"{history:>8,} {what:<18} {median:>10.2f} {p99:>8.2f} "
                      f"{median / base_median:>11.2f} {p99 / base_p99:>7.2f}")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--stores", default="sqlite,postgres")
    parser.add_argument("--quick", action="store_true", help="1,000 returns and 21 runs only")
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
