"""Read access benchmark (issue 15): what recording a read of personal data costs a history
read.

Run from the repository root:

    .venv/bin/python benchmarks/read_access.py            # 20 rounds
    .venv/bin/python benchmarks/read_access.py --quick    # 5 rounds

A workplace on a SQLite file with one work group, ``--leaders`` leaders identified with their
data and ``--maps`` map counts: its history read (``app.history.of``) by the organizer of its
team (who sees the leaders' data, so the read is recorded: the organizers looked up, one
record written) beside the same read by an organizer of another team (who sees "a person":
nothing recorded) and without a reader, in the same process, the arms alternating. Prints
each arm's median wall time and the recorded read's cost over the unrecorded one.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from bargaining import Actor, BargainingApp, MapCount, PersonalData, Reader

ACTOR = Actor("bench", "area team organizer")


def build(app: BargainingApp, leaders: int, maps: int) -> object:
    org = app.organizing
    team = org.form_team(name="Laval", kind="region", area="Laval", on=date(2023, 1, 1),
                         actor=ACTOR)
    org.join(team, person="o-1", role="organizer", on=date(2023, 1, 1), actor=ACTOR)
    other = org.form_team(name="Montreal", kind="region", area="Montreal",
                          on=date(2023, 1, 1), actor=ACTOR)
    org.join(other, person="o-2", role="organizer", on=date(2023, 1, 1), actor=ACTOR)
    place = org.register_workplace(name="DXT4", employer="Amazon", actor=ACTOR)
    org.support_workplace(team, workplace=place, on=date(2023, 1, 1), actor=ACTOR)
    org.add_group(place, name="Nights", kind="shift", workers=1000, on=date(2023, 1, 1),
                  actor=ACTOR)
    for n in range(maps):
        org.record_map(place, group="Nights", on=date(2023, 1, 2) + timedelta(days=n),
                       count=MapCount(workers=1000, mapped=500, leaders=leaders),
                       actor=ACTOR)
    for n in range(leaders):
        org.identify_leader(place, group="Nights", person=f"w-{n}", on=date(2024, 1, 1),
                            actor=ACTOR, personal=PersonalData(f"w-{n}", name=f"Worker {n}",
                                                               assessment=1))
    return place


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--leaders", type=int, default=20)
    parser.add_argument("--maps", type=int, default=200)
    args = parser.parse_args()
    rounds = 5 if args.quick else 20
    with tempfile.TemporaryDirectory() as folder:
        app = BargainingApp(str(Path(folder) / "events.sqlite"))
        place = build(app, args.leaders, args.maps)
        arms: dict[str, Callable[[], object]] = {
            "organizer of the workplace (data shown, read recorded)":
                lambda: app.history.of(place, reader=Reader("o-1", "organizer")),
            "organizer of another team (nothing shown or recorded)":
                lambda: app.history.of(place, reader=Reader("o-2", "organizer")),
            "no reader (nothing shown or recorded)": lambda: app.history.of(place),
        }
        times: dict[str, list[float]] = {name: [] for name in arms}
        for n in range(rounds):
            order = list(arms) if n % 2 == 0 else list(reversed(arms))
            for name in order:
                start = time.perf_counter()
                arms[name]()
                times[name].append(time.perf_counter() - start)
        events = len(app.history.of(place))
        app.close()
    print(f"history of a workplace: {events:,} events, {args.leaders} leaders' data; "
          f"{rounds} rounds, medians")
    medians = {name: statistics.median(t) * 1000 for name, t in times.items()}
    for name, ms in medians.items():
        print(f"  {name}: {ms:.1f} ms")
    recorded, plain = list(medians.values())[:2]
    print(f"  recording the read: {recorded - plain:+.1f} ms ({recorded / plain - 1:+.0%})")


if __name__ == "__main__":
    main()
