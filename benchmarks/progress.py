"""What reporting progress costs: the F-7 import, the Expiry Map rebuild and verify, each with
and without a ``progress`` callback, alternating in one process, on SQLite files.

Run from the repository root:

    .venv/bin/python benchmarks/progress.py            # 7 runs of each
    .venv/bin/python benchmarks/progress.py --runs 15

Every figure is a median; the ratio is the median of per-pair ratios (each run with a callback
beside the run without one just before it), so drift in the machine's speed falls on both.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bargaining import F7_MAPPING, Actor, BargainingApp, CsvImporter

F7 = Path(__file__).resolve().parents[1] / "data" / "f7-notices-fy2004-sample.csv"
ACTOR = Actor("bench", "data steward")


def calls() -> Callable[[int, int | None], None]:
    seen: list[tuple[int, int | None]] = []
    return lambda done, total: seen.append((done, total))


def timed(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def pairs(runs: int, plain: Callable[[int], float], watched: Callable[[int], float]
          ) -> tuple[list[float], list[float]]:
    without, with_ = [], []
    for run in range(runs):
        without.append(plain(run))
        with_.append(watched(run))
    return without, with_


def line(what: str, without: list[float], with_: list[float]) -> None:
    ratio = statistics.median(w / p for p, w in zip(without, with_, strict=True))
    plain, watched = statistics.median(without) * 1000, statistics.median(with_) * 1000
    print(f"{what:34} {plain:9.1f} ms {watched:9.1f} ms {ratio:7.3f} x   n={len(without)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory(prefix="bargaining-progress-") as folder:
        work = Path(folder)

        def import_into(name: str, progress: object) -> float:
            with BargainingApp(str(work / name)) as app:
                importer = CsvImporter(app, F7_MAPPING, actor=ACTOR)
                return timed(lambda: importer.import_file(F7, progress=progress))  # type: ignore[arg-type]

        print(f"{'work':34} {'without':>12} {'with':>12} {'ratio':>9}")
        line("F-7 import, batch 1000", *pairs(
            runs, lambda n: import_into(f"a{n}.sqlite", None),
            lambda n: import_into(f"b{n}.sqlite", calls())))
        with BargainingApp(str(work / "a0.sqlite")) as app:
            line("Expiry Map rebuild, 10,736 events", *pairs(
                runs, lambda n: timed(lambda: app.expiry_map.rebuild()),
                lambda n: timed(lambda: app.expiry_map.rebuild(progress=calls()))))
            line("integrity.verify, 10,736 events", *pairs(
                runs, lambda n: timed(lambda: app.integrity.verify()),
                lambda n: timed(lambda: app.integrity.verify(progress=calls()))))


if __name__ == "__main__":
    main()
