"""Keyed ids on the importer's path: how long a batch of F-7 rows takes to learn the ids its
units are recorded under, on an encrypted store (keyed ids, then the public UUID 5 for rows
not found) beside a plain store (public ids, one query), in the same process.

Run from the repository root:

    .venv/bin/python benchmarks/record_ids.py            # 31 runs
    .venv/bin/python benchmarks/record_ids.py --runs 101

Each store is a fresh SQLite file: "new units" asks for rows none of whose units is recorded
(a fresh import: on the encrypted store, two queries per batch); "known units" asks again
once the batch's units are recorded (one query). Every run derives keyed ids afresh (a new
``KeyedIds``, its memory empty), as an import of a new file does.
"""

from __future__ import annotations

import argparse
import csv
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bargaining import Actor, BargainingApp
from bargaining.adapters.csv_import import F7_MAPPING, CsvImporter
from bargaining.adapters.csv_import.rows import ParsedRow, RowParser, RowRefused
from bargaining.adapters.csv_import.unit_ids import recorded_ids
from bargaining.infrastructure.record_ids import KeyedIds

F7_CSV = Path(__file__).resolve().parents[1] / "data" / "f7-notices-fy2004-sample.csv"
BATCH = 1000


def first_rows(count: int) -> tuple[list[ParsedRow], str]:
    """The first ``count`` good rows of the sample, parsed, and the CSV text they came from."""
    parser, parsed = RowParser(F7_MAPPING), []
    text = F7_CSV.read_text(encoding="utf-8").splitlines(keepends=True)
    for line, row in enumerate(csv.DictReader(text), start=2):
        try:
            parsed.append(parser.parse(line, row, F7_CSV.name))
        except RowRefused:
            continue
        if len(parsed) == count:
            return parsed, "".join(text[: line])
    return parsed, "".join(text)


def median_ms(app: BargainingApp, batch: list[ParsedRow], runs: int, keyed: bytes | None
              ) -> float:
    samples = []
    for _ in range(runs):
        ids = KeyedIds(keyed) if keyed is not None else app.units.ids
        started = time.perf_counter()
        recorded_ids(batch, ids, app.expiry_map.known_agreements)
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--runs", type=int, default=31)
    runs = options.parse_args().runs
    batch, text = first_rows(BATCH)
    key = BargainingApp.create_cipher_key()
    figures: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory(prefix="bargaining-ids-") as folder:
        for kind, cipher in (("plain", None), ("encrypted", key)):
            app = BargainingApp(str(Path(folder) / f"{kind}.sqlite"), cipher_key=cipher)
            raw = app.eventsourcing.raw_key
            figures[kind] = {"new units": median_ms(app, batch, runs, raw)}
            CsvImporter(app, F7_MAPPING, actor=Actor("bench", "data steward")).import_text(text)
            figures[kind]["known units"] = median_ms(app, batch, runs, raw)
            app.close()
    print(f"ids of a batch of {len(batch):,} F-7 rows, SQLite, median of {runs} runs")
    print(f"{'what':<12} {'plain ms':>9} {'encrypted ms':>13} {'x plain':>8}")
    for what in ("new units", "known units"):
        plain, sealed = figures["plain"][what], figures["encrypted"][what]
        print(f"{what:<12} {plain:>9.2f} {sealed:>13.2f} {sealed / plain:>8.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
