"""Job actions with their flags, beside their baseline: loading the campaign they are read from.

Run from the repository root:

    .venv/bin/python benchmarks/job_actions.py            # 200 units on a 30-day strike, SQLite
    .venv/bin/python benchmarks/job_actions.py --quick    # 50 units

Every unit of one campaign is covered by a law that bans strikes, passed halfway through the
strike, so each strike day's flags are judged. ``job_actions`` reads each striking unit's
agreements, laws and interventions once for all its days; the ratio to loading the campaign
alone shows what judging the flags adds. Prints medians of five runs.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from bargaining import Actor, BargainingApp, LawEffect

ACTOR = Actor("bench", "data steward")


def median_seconds(run: Callable[[], object], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="50 units instead of 200")
    args = parser.parse_args()
    count = 50 if args.quick else 200
    with tempfile.TemporaryDirectory() as folder, BargainingApp(
            str(Path(folder) / "bench.sqlite")) as app:
        units = [app.units.register(union="U", local=str(n), employer="E", unit_name="n",
                                    region="ON", headcount=100, actor=ACTOR)
                 for n in range(count)]
        campaign = app.campaigns.launch(name="Bench", units=units, on=date(2022, 8, 1),
                                        actor=ACTOR)
        law = app.disputes.record_law(name="Bill", region="ON", does=[
            LawEffect.BANS_STRIKES], units=units, source="bench", actor=ACTOR)
        app.disputes.pass_law(law, on=date(2022, 11, 15), source="bench", actor=ACTOR)
        for unit in units:
            app.campaigns.enter_strike(campaign, unit, on=date(2022, 11, 1),
                                       back_on=date(2022, 12, 1), actor=ACTOR)
        baseline = median_seconds(lambda: app.campaigns.get(campaign))
        actions = median_seconds(lambda: app.campaigns.job_actions(campaign))
        ready = median_seconds(lambda: app.campaigns.readiness(campaign))
    print(f"{count} units on a 30-day strike, one law; SQLite file; median of 5 runs")
    print(f"  load the campaign (baseline)        {baseline * 1000:8.1f} ms")
    print(f"  job_actions with their flags        {actions * 1000:8.1f} ms"
          f"   {actions / baseline:6.1f} x baseline")
    print(f"  readiness (job actions included)    {ready * 1000:8.1f} ms"
          f"   {ready / baseline:6.1f} x baseline")


if __name__ == "__main__":
    main()
