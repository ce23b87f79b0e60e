"""Import memory: the peak of Python's allocations while a generated CSV file is imported,
beside reading the same file with ``csv`` alone, at several file sizes.

Run from the repository root:

    .venv/bin/python benchmarks/import_memory.py                      # 20k, 100k, 200k rows
    .venv/bin/python benchmarks/import_memory.py --rows 20000 --rows 50000
    .venv/bin/python benchmarks/import_memory.py --rejected 0.5        # half the rows bad

Each file has F-7's columns; one row in ten (``--rejected``) has a blank expiry and is
refused, and units repeat a little, as in real notices. The import goes into a fresh SQLite
file with batches of 1,000 rows. ``tracemalloc`` measures what Python allocates (SQLite's own
page cache is outside it, and is bounded by SQLite's settings); the peak is taken from a reset
just before each run. The baseline is a plain ``csv.reader`` loop over the same file. The
target (issue 14): an import's peak stays flat in the file's size, so its ratio to the
baseline's peak does not grow with the rows. Progress goes to stderr, the table to stdout.
"""

from __future__ import annotations

import argparse
import csv
import gc
import random
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from bargaining import Actor, BargainingApp
from bargaining.adapters.csv_import import F7_MAPPING, CsvImporter

COLUMNS = ("notice_date,expiration_date,employer,union,unit_city,unit_state,industry_code,"
           "bargaining_unit_size,establishment_size")
CITIES = [("TAMPA", "FL"), ("CHICAGO", "IL"), ("DENVER", "CO"), ("ENID", "OK"),
          ("DEDHAM", "MA"), ("NEENAH", "WI"), ("ESCONDIDO", "CA"), ("BETHESDA", "MD")]
UNIONS = ["IAM - 570 DISTRICT 166", "SEIU - 1", "IBT - 563", "UAW - 600", "AFGE - 2419"]


def generate(path: Path, rows: int, rejected: float, seed: int = 14) -> None:
    """A file of ``rows`` F-7-like rows, a share ``rejected`` of them with a blank expiry."""
    rng = random.Random(seed)
    with path.open("w", newline="", encoding="utf-8") as out:
        out.write(COLUMNS + "\n")
        writer = csv.writer(out)
        for n in range(rows):
            employer = f"EMPLOYER {rng.randrange(rows * 9 // 10)} INC"
            city, state = rng.choice(CITIES)
            year = rng.choice([2003, 2004, 2004, 2005, 2006, 1983])
            expiry = "" if rng.random() < rejected else (
                f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}")
            writer.writerow(["2003-09-30", expiry, employer, rng.choice(UNIONS), city, state,
                             "J", rng.randint(0, 5000), rng.randint(0, 9000)])
            if n % 50_000 == 0:
                print(f"  generating {path.name}: {n:,} rows", file=sys.stderr)


def peak(run: Callable[[], object]) -> tuple[float, float]:
    """Peak megabytes Python allocated during ``run``, and the seconds it took."""
    gc.collect()
    tracemalloc.reset_peak()
    before = tracemalloc.get_traced_memory()[0]
    started = time.perf_counter()
    run()
    elapsed = time.perf_counter() - started
    return (tracemalloc.get_traced_memory()[1] - before) / 1e6, elapsed


def read_with_csv(path: Path) -> int:
    count = 0
    with path.open(newline="", encoding="utf-8") as handle:
        for _ in csv.reader(handle):
            count += 1
    return count


def import_file(path: Path, folder: Path) -> str:
    store = folder / f"store-{path.stem}.sqlite"
    with BargainingApp(str(store)) as app:
        report = CsvImporter(app, F7_MAPPING, actor=Actor("bench", "data steward"),
                             batch_size=1000).import_file(path)
        summary = f"{report.imported:,} imported, {len(report.rejected):,} rejected"
    store.unlink()
    return summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, action="append",
                        help="rows per file (repeat for several; default 20k, 100k, 200k)")
    parser.add_argument("--rejected", type=float, default=0.1,
                        help="share of rows refused for a blank expiry (default 0.1)")
    args = parser.parse_args()
    sizes = args.rows or [20_000, 100_000, 200_000]
    tracemalloc.start()
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for rows in sizes:
            path = folder / f"notices-{rows}.csv"
            generate(path, rows, args.rejected)
            print(f"  {rows:,} rows: csv alone", file=sys.stderr)
            base_mb, base_s = peak(lambda p=path: read_with_csv(p))
            print(f"  {rows:,} rows: import", file=sys.stderr)
            summary: list[str] = []
            mb, seconds = peak(lambda p=path, out=summary: out.append(import_file(p, folder)))
            results.append((rows, base_mb, base_s, mb, seconds, summary[0]))
            path.unlink()
    tracemalloc.stop()
    print(f"\nImport memory, {args.rejected:.0%} of rows refused (tracemalloc peaks)\n")
    print("| rows | csv alone | import | import ÷ csv alone | import time | outcome |")
    print("|---:|---:|---:|---:|---:|---|")
    for rows, base_mb, _, mb, seconds, summary in results:
        print(f"| {rows:,} | {base_mb:.2f} MB | {mb:.1f} MB | {mb / base_mb:.0f}x | "
              f"{seconds:.0f} s | {summary} |")
    first, last = results[0], results[-1]
    growth = last[3] / first[3]
    print(f"\nfrom {first[0]:,} to {last[0]:,} rows ({last[0] / first[0]:.0f} times the rows), "
          f"the import's peak grew {growth:.2f} times (target: flat, about 1)")


if __name__ == "__main__":
    main()
