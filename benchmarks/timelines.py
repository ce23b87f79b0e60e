"""The Expiry Map as it was on a day, beside the map as known at a moment (its baseline: the
same shape, built the same way) and the live map's query, over a SQLite file.

Run from the repository root:

    .venv/bin/python benchmarks/timelines.py            # 5,000 units, two agreements each
    .venv/bin/python benchmarks/timelines.py --quick    # 1,000 units

Each unit has an agreement expiring 2023-03-31 and one from 2023-04-01 to 2028-03-31 settled
on 2024-02-01, recorded in 2026: on 2023-10-01 every unit worked past its expiry. Prints the
median of five runs of each question.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

from bargaining import Actor, BargainingApp, BargainingUnit, CollectiveAgreement, UnitProfile

ACTOR = Actor("bench", "data steward")
DAY = date(2023, 10, 1)


def median_seconds(run: Callable[[], object], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def fill(app: BargainingApp, units: int) -> None:
    for first in range(0, units, 1000):
        batch = []
        for n in range(first, min(first + 1000, units)):
            unit = BargainingUnit.register(UnitProfile(
                union="CUPE", local=str(n), employer=f"Employer {n}", unit_name="all",
                sector="public sector", headcount=100), actor=ACTOR)
            unit.record_agreement(CollectiveAgreement(date(2023, 3, 31), date(2020, 4, 1),
                                                      date(2020, 3, 15)), actor=ACTOR)
            unit.record_agreement(CollectiveAgreement(date(2028, 3, 31), date(2023, 4, 1),
                                                      date(2024, 2, 1)), actor=ACTOR)
            batch.append(unit)
        app.save(*batch)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    units = 1000 if parser.parse_args().quick else 5000
    with tempfile.TemporaryDirectory() as folder:
        app = BargainingApp(str(Path(folder) / "bench.sqlite"))
        fill(app, units)
        now = datetime.now(UTC)

        def on_day() -> int:
            with app.expiry_map.on(DAY) as then:
                found = len(then.carried_over(DAY))
            assert found == units
            return found

        def as_of_moment() -> int:
            with app.expiry_map.as_of(now) as past:
                return len(past.carried_over(DAY))

        def live() -> int:
            return len(app.expiry_map.carried_over(DAY))

        rows = [("live map, carried_over(D)", median_seconds(live)),
                ("map as known at T (as_of), baseline", median_seconds(as_of_moment)),
                ("map as it was on D (on)", median_seconds(on_day))]
        app.close()
    print(f"{units:,} units, {units * 3:,} events, SQLite file; median of 5 runs")
    for what, seconds in rows:
        print(f"  {what:<40} {seconds * 1000:9.1f} ms")
    print(f"  on / as_of: {rows[2][1] / rows[1][1]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
