"""What the benchmarks of a record against the length of its history share: the table that
prints each timed thing beside its baseline (a fresh record, in the same process), and the
command line that chooses the stores, the history lengths and the number of runs.

A benchmark gives ``run(kind, histories, times)``; it prints its heading, then ``header`` and
``rows``, with figures from ``commands.timed`` (median, p99 and CPU median, in ms).
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable, Sequence

#: What each timed thing took: median, p99, and the median of the process's CPU time (ms).
Figures = dict[str, tuple[float, float, float]]


def header(column: str) -> None:
    print(f"{column:>8} {'what':<18} {'median ms':>10} {'p99 ms':>8} {'cpu ms':>7} "
          f"{'x baseline':>11} {'p99 x':>7}")


def rows(label: str, figures: Figures, baseline: Figures) -> None:
    """One line per timed thing: its median, p99 and CPU, and the first two against the
    baseline's."""
    for what, (median, p99, cpu) in figures.items():
        base_median, base_p99, _ = baseline[what]
        print(f"{label:>8} {what:<18} {median:>10.2f} {p99:>8.2f} {cpu:>7.2f} "
              f"{median / base_median:>11.2f} {p99 / base_p99:>7.2f}")


def main(run: Callable[[str, list[int], int], None], description: str, *,
         histories: Sequence[int] = (1000, 10_000), runs: int = 101, quick_runs: int = 21,
         argv: list[str] | None = None) -> int:
    """Run a benchmark on each store chosen: ``--quick`` takes the first history length
    only and fewer runs."""
    options = argparse.ArgumentParser(description=description)
    options.add_argument("--stores", default="sqlite,postgres")
    options.add_argument("--quick", action="store_true",
                         help=f"{histories[0]:,} only and {quick_runs} runs")
    options.add_argument("--runs", type=int, default=0,
                         help=f"timed runs of each (default {runs})")
    chosen = options.parse_args(argv)
    lengths = list(histories[:1] if chosen.quick else histories)
    times = chosen.runs or (quick_runs if chosen.quick else runs)
    started = time.perf_counter()
    for kind in chosen.stores.split(","):
        run(kind, lengths, times)
    print(f"\n{time.perf_counter() - started:.0f} s wall")
    return 0
