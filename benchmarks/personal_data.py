"""Personal data benchmark (issue 15): what sealing per person costs a save, and erasing one
person on a store of a million events.

Run from the repository root:

    .venv/bin/python benchmarks/personal_data.py            # 1,000,000 events, a few minutes
    .venv/bin/python benchmarks/personal_data.py --quick    # 100,000 events

1. Saves carrying a person's data, on encrypted SQLite files: each save records one
   conversation with a worker (one event holding a ``PersonalData``). Beside it, in the same
   process and alternating, the same saves with the data in clear under the application's
   cipher only (what the library stored before the vault: today's encrypted saves). Two
   workloads: every save a new person (a new key written with the event), and saves about
   people already known (their cached key). Target: sealing costs at most 30% more.
2. Saves carrying a reason (free text, sealed with its record's version's own key so that a
   redaction can shred it), beside the same saves with the reason in clear under the
   application's cipher only (what the library stored before notes were sealed).
   And saves carrying a person's feedback on a document (a new document and its feedback
   each save): the feedback's words are sealed twice, with the version's key and with the
   key of who gave it (fifty people, their keys cached), beside the same words in clear.
3. Erasing one person on a SQLite store of a million events (ten events about each of
   100,000 people, written 50,000 a transaction, see ``build_store``): the median of several
   erasures, each the key deleted with ``secure_delete``, the erasure event and the log
   truncated. Target: under 50 ms.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

from eventsourcing.domain import Aggregate, event
from eventsourcing.persistence import JSONTranscoder, StoredEvent, Transcoding

from bargaining import (
    Actor,
    BargainingApp,
    BodyType,
    Document,
    DocumentKind,
    GoverningBody,
    PersonalData,
)
from bargaining.infrastructure.event_store import EventStore
from bargaining.infrastructure.note_sealing import SealedNote
from bargaining.infrastructure.stores import Store

ACTOR = Actor("bench", "organizer")
SEAL_COST = 0.30
ERASE_MS = 50.0


class Conversation(Aggregate):
    """One conversation with a worker: one event holding their data."""

    @event("Had")
    def __init__(self, *, worker: PersonalData, actor: Actor, on: date) -> None:
        self.worker = worker


class Remark(Aggregate):
    """One remark with a reason: one event holding free text."""

    @event("Made")
    def __init__(self, *, actor: Actor, on: date, reason: str) -> None:
        self.on = on


class NoteInClear(Transcoding):
    """How the library stored a reason before notes were sealed: in the event, in clear."""

    type = SealedNote
    name = "note"

    def encode(self, obj: SealedNote) -> str:
        return obj.text

    def decode(self, data: str) -> str:
        return data


class InClear(Transcoding):
    """How the library stored a person's data before the vault: in the event, in clear (the
    application's cipher then encrypts the whole event)."""

    type = PersonalData
    name = "personal_data"

    def encode(self, obj: PersonalData) -> dict[str, Any]:
        return {"person": obj.person, "name": obj.name, "contact": obj.contact,
                "assessment": obj.assessment, "notes": obj.notes}

    def decode(self, data: dict[str, Any]) -> PersonalData:
        return PersonalData(**data)


class ClearStore(EventStore):
    def register_transcodings(self, transcoder: JSONTranscoder) -> None:
        super().register_transcodings(transcoder)
        transcoder.register(InClear())
        transcoder.register(NoteInClear())


def remark_times(store: EventStore, saves: int) -> list[tuple[float, float]]:
    """Wall and CPU time of each save of a new remark with a reason (seconds)."""
    times = []
    for n in range(saves):
        record = Remark(actor=ACTOR, on=date(2024, 5, 1),
                        reason=f"met worker {n} at the gate; night shift, wavering")
        start, cpu = time.perf_counter(), time.thread_time()
        store.save(record)
        times.append((time.perf_counter() - start, time.thread_time() - cpu))
    return times


def feedback_times(store: EventStore, saves: int) -> list[tuple[float, float]]:
    """Wall and CPU time of each save of a new document with a person's feedback (seconds)."""
    body = GoverningBody.form(organization="CSN", name="Council", kind=BodyType.EXECUTIVE_BOARD,
                              actor=ACTOR)
    times = []
    for n in range(saves):
        document = Document.draft(body=body, title=f"Plan {n}", kind=DocumentKind.STRATEGY_PAPER,
                                  on=date(2024, 5, 1), where="https://example.org/plan",
                                  actor=ACTOR)
        document.give_feedback(version=1, given_by=f"w-{n % 50}", on=date(2024, 5, 2),
                               text=f"worker {n} says the night shift is left out", actor=ACTOR)
        start, cpu = time.perf_counter(), time.thread_time()
        store.save(document)
        times.append((time.perf_counter() - start, time.thread_time() - cpu))
    return times


def worker(n: int) -> PersonalData:
    return PersonalData(f"w-{n}", name=f"Worker number {n}", contact=f"514-555-{n % 10000:04d}",
                        assessment=1 + n % 5, notes="met at the gate, night shift")


def save_times(store: EventStore, people: list[int]) -> list[tuple[float, float]]:
    """Each save's wall time and the process's CPU time for it (seconds): the wall time is
    mostly the disk's commit, which varies from file to file on a busy machine; the CPU time
    is the library's own work."""
    times = []
    for n in people:
        record = Conversation(worker=worker(n), actor=ACTOR, on=date(2024, 5, 1))
        start, cpu = time.perf_counter(), time.thread_time()
        store.save(record)
        times.append((time.perf_counter() - start, time.thread_time() - cpu))
    return times


def bench_sealing(workdir: Path, saves: int, rounds: int) -> list[tuple[str, list[float]]]:
    """Per workload: the medians (ms) of wall and CPU time, in clear and sealed."""
    key = BargainingApp.create_cipher_key()
    rows = []
    for label, fresh in (("a new person each save", True), ("people already known", False)):
        measured: dict[str, list[tuple[float, float]]] = {"sealed": [], "clear": []}
        for r in range(rounds):
            order = ("sealed", "clear") if r % 2 == 0 else ("clear", "sealed")
            for kind in order:
                path = workdir / f"{kind}-{label[:3]}-{r}.sqlite"
                cls = EventStore if kind == "sealed" else ClearStore
                store = cls(Store.parse(str(path)), cipher_key=key)
                try:
                    if not fresh:
                        save_times(store, list(range(50)))  # their keys made and cached
                    people = [1000 + i for i in range(saves)] if fresh else \
                        [i % 50 for i in range(saves)]
                    measured[kind].extend(save_times(store, people))
                finally:
                    store.close()
        rows.append((label, [statistics.median(t[i] for t in measured[kind]) * 1000
                             for i in (0, 1) for kind in ("clear", "sealed")]))
    for label, timed in (("a reason each save", remark_times),
                         ("a person's feedback", feedback_times)):
        measured = {"sealed": [], "clear": []}
        for r in range(rounds):
            for kind in (("sealed", "clear") if r % 2 == 0 else ("clear", "sealed")):
                cls = EventStore if kind == "sealed" else ClearStore
                path = workdir / f"{kind}-{label[2:6]}-{r}.sqlite"
                store = cls(Store.parse(str(path)), cipher_key=key)
                try:
                    if timed is feedback_times:
                        feedback_times(store, 50)  # the fifty people's keys made and cached
                    measured[kind].extend(timed(store, saves))
                finally:
                    store.close()
        rows.append((label, [statistics.median(t[i] for t in measured[kind]) * 1000
                             for i in (0, 1) for kind in ("clear", "sealed")]))
    return rows


def build_store(path: Path, events: int, people: int, batch: int) -> BargainingApp:
    """A store of ``events`` events about ``people`` people, built fast: each person's first
    event is made and sealed as a save would (their key pending), and the rest of their
    events are copies of it under later versions; all go through the chained recorder in
    batches, keys and chain in the same transactions. An erasure never reads those events:
    what it touches is the key table, the chain's head and the write-ahead log."""
    store = EventStore(Store.parse(str(path)))
    started = time.perf_counter()
    per_person = max(events // people, 1)
    done, person = 0, 0
    while done < events:
        stored: list[StoredEvent] = []
        while len(stored) < batch and done + len(stored) < events:
            record = Conversation(worker=worker(person), actor=ACTOR, on=date(2024, 5, 1))
            first = store.mapper.to_stored_event(record.collect_events()[0])
            stored.extend(StoredEvent(first.originator_id, first.originator_version + n,
                                      first.topic, first.state) for n in range(per_person))
            person += 1
        with store.vault.saving():
            store.recorder.insert_events(stored)
        done += len(stored)
    store.close()
    app = BargainingApp(str(path))
    print(f"  built {done:,} events about {person:,} people in "
          f"{time.perf_counter() - started:.0f} s")
    return app


def bench_erasure(app: BargainingApp, erasures: int) -> list[float]:
    app.people.erase("w-0", actor=ACTOR, on=date(2025, 1, 1))  # the build's log checkpointed
    times = []
    for n in range(1, erasures + 1):
        start = time.perf_counter()
        app.people.erase(f"w-{n * 7}", actor=ACTOR, on=date(2025, 1, 1))
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--only", choices=("sealing", "erasure"), default=None,
                        help="run one of the two parts")
    args = parser.parse_args()
    events = 100_000 if args.quick else 1_000_000
    with tempfile.TemporaryDirectory() as folder:
        workdir = Path(folder)
        if args.only != "erasure":
            sealing(workdir, 200 if args.quick else 500)
        if args.only != "sealing":
            erasure(workdir, events)


def sealing(workdir: Path, saves: int) -> None:
    print("Saves carrying a person's data or a reason, encrypted SQLite file, one event a save "
          "(medians, ms)")
    print(f"  {'workload':<24} {'wall: clear':>11} {'sealed':>7} {'ratio':>6}"
          f" {'CPU: clear':>11} {'sealed':>7} {'ratio':>6} {'target':>7}")
    for label, (wall_c, wall_s, cpu_c, cpu_s) in bench_sealing(workdir, saves, 6):
        print(f"  {label:<24} {wall_c:>11.2f} {wall_s:>7.2f} {wall_s / wall_c:>6.2f}"
              f" {cpu_c:>11.2f} {cpu_s:>7.2f} {cpu_s / cpu_c:>6.2f} {1 + SEAL_COST:>7.2f}")


def erasure(workdir: Path, events: int) -> None:
    print(f"\nErasing one person, SQLite file of {events:,} events")
    app = build_store(workdir / "million.sqlite", events, events // 10, 50_000)
    try:
        times = bench_erasure(app, 9)
    finally:
        app.close()
    print(f"  median of {len(times)} erasures: {statistics.median(times) * 1000:.1f} ms (min "
          f"{min(times) * 1000:.1f}, max {max(times) * 1000:.1f}); target < {ERASE_MS:.0f} ms")


if __name__ == "__main__":
    main()
