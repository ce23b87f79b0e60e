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

import sys
import time
from datetime import date
from uuid import UUID

from against_history import Figures, header, main, rows
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


def measure(app: BargainingApp, election: UUID, times: int) -> Figures:
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
        header("returns")
        rows("fresh", baseline, baseline)
        for history in histories:
            election = open_election(app)
            grow(app, election, history)
            rows(f"{history:,}", measure(app, election, times), baseline)


if __name__ == "__main__":
    sys.exit(main(run_store, __doc__.splitlines()[0]))
