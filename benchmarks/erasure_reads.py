"""What holding erasures across processes costs (issue 15): a read asks the store's erasure
generation once, and a save carrying known people's data checks their keys in its transaction.

Run from the repository root:

    .venv/bin/python benchmarks/erasure_reads.py               # SQLite file, and PostgreSQL
    .venv/bin/python benchmarks/erasure_reads.py --quick       # fewer rounds
    BARGAINING_BENCH_POSTGRES_URL=postgresql://postgres@127.0.0.1:5432/test  (the default)

Each figure is printed beside its baseline, measured in the same process, alternating: the same
application with the check turned off (what the library did before: a process kept reading an
erased person's data until it restarted, and could seal under a deleted key).

1. Load: one record of ten events about a person (``eventsourcing.load``, replayed from its
   events), its person's key cached.
2. History: ``app.history.of`` that record (a read of its events and their summaries).
3. Save: one more event about a person already known (their key cached, so checked).
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

from eventsourcing.domain import Aggregate, event

from bargaining import Actor, BargainingApp, PersonalData

ACTOR = Actor("bench", "organizer")
POSTGRES_URL = os.environ.get("BARGAINING_BENCH_POSTGRES_URL",
                              "postgresql://postgres@127.0.0.1:5432/test")


class Contact(Aggregate):
    """Conversations with one worker: each event holds their data."""

    @event("Opened")
    def __init__(self, *, worker: PersonalData, actor: Actor, on: date) -> None:
        self.worker = worker

    @event("Talked")
    def talk(self, *, worker: PersonalData, actor: Actor, on: date) -> None:
        self.worker = worker


def worker(n: int) -> PersonalData:
    return PersonalData(f"w-{n}", name=f"Worker number {n}", contact="514-555-0101",
                        assessment=1 + n % 5, notes="met at the gate, night shift")


def unchecked(app: BargainingApp) -> BargainingApp:
    """The same application without the checks: the baseline."""
    vault: Any = app.eventsourcing.vault
    vault.refresh = lambda **_: None
    vault.used = lambda: []
    return app


def timed(runs: int, step: Callable[[], object]) -> list[tuple[float, float]]:
    """Each run's wall time and this thread's CPU time (seconds): a save's wall time is
    mostly the disk's commit, which varies on a busy machine; the CPU time is the library's
    own work (PostgreSQL's is the server's, in the wall time only)."""
    times = []
    for _ in range(runs):
        start, cpu = time.perf_counter(), time.thread_time()
        step()
        times.append((time.perf_counter() - start, time.thread_time() - cpu))
    return times


def bench(open_app: Callable[[], BargainingApp], rounds: int, runs: int) -> None:
    apps = {"checked": open_app(), "baseline": unchecked(open_app())}
    contacts, held = {}, {}
    for kind, app in apps.items():
        contact = Contact(worker=worker(1), actor=ACTOR, on=date(2024, 5, 1))
        for _ in range(9):
            contact.talk(worker=worker(1), actor=ACTOR, on=date(2024, 5, 2))
        app.save(contact)
        contacts[kind] = contact.id
        # the saves go to a record of their own, so the one read keeps its ten events
        held[kind] = Contact(worker=worker(2), actor=ACTOR, on=date(2024, 5, 1))
        app.save(held[kind])
    measured: dict[tuple[str, str], list[tuple[float, float]]] = {}
    for r in range(rounds):
        for kind in (("checked", "baseline") if r % 2 == 0 else ("baseline", "checked")):
            app, contact = apps[kind], contacts[kind]
            steps: dict[str, Callable[[], object]] = {
                "load a record of ten events": lambda app=app, contact=contact: (
                    app.eventsourcing.load(contact, Contact, "contact")),
                "history of that record": lambda app=app, contact=contact: (
                    app.history.of(contact)),
            }
            for label, step in steps.items():
                measured.setdefault((label, kind), []).extend(timed(runs, step))

            def save(record: Any = held[kind], app: BargainingApp = app) -> None:
                record.talk(worker=worker(2), actor=ACTOR, on=date(2024, 5, 3))
                app.save(record)
            measured.setdefault(("save about a known person", kind), []).extend(
                timed(runs, save))
    for app in apps.values():
        app.close()
    labels = dict.fromkeys(label for label, _ in measured)
    for label in labels:
        for i, clock in ((0, "wall"), (1, "CPU")):
            base = statistics.median(t[i] for t in measured[label, "baseline"]) * 1000
            new = statistics.median(t[i] for t in measured[label, "checked"]) * 1000
            print(f"  {label:<28} {clock:>4}  baseline {base:7.3f} ms   checked {new:7.3f} ms"
                  f"   {(new / base - 1) * 100:+6.1f}%")


@contextmanager
def postgres_schema() -> Iterator[str | None]:
    try:
        import psycopg
        connection = psycopg.connect(POSTGRES_URL, autocommit=True, connect_timeout=3)
    except Exception as error:  # the benchmark runs on SQLite alone then
        print(f"PostgreSQL skipped: {type(error).__name__}")
        yield None
        return
    name = f"bench_{uuid.uuid4().hex[:10]}"
    with connection:
        connection.execute(f'CREATE SCHEMA "{name}"')
        try:
            yield f"{POSTGRES_URL}?schema={name}"
        finally:
            connection.execute(f'DROP SCHEMA "{name}" CASCADE')


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    rounds, runs = (4, 50) if args.quick else (10, 200)
    with tempfile.TemporaryDirectory() as workdir:
        print("SQLite file (medians):")
        path = Path(workdir) / "events.sqlite"
        bench(lambda: BargainingApp(str(path)), rounds, runs)
    with postgres_schema() as url:
        if url is not None:
            print("PostgreSQL (medians):")
            bench(lambda: BargainingApp(url), rounds, runs)


if __name__ == "__main__":
    main()
