"""Import real FMCS F-7 bargaining notices into a SQLite file and print the Expiry Map.

Run:  .venv/bin/python examples/expiry_map.py [path/to/f7.csv] [--reference 2004-01-01]
"""

from __future__ import annotations

import argparse
import time
from datetime import date, timedelta
from pathlib import Path

from bargaining import F7_MAPPING, Actor, BargainingApp, CsvImporter, MapFilter

HERE = Path(__file__).resolve().parent
DEFAULT_CSV = HERE.parent / "data" / "f7-notices-fy2004-sample.csv"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("csv", nargs="?", default=str(DEFAULT_CSV), help="an F-7 notices CSV")
    parser.add_argument("--reference", default="2004-01-01", help="start of the year to map")
    parser.add_argument("--db", default="expiry-map-example.sqlite", help="SQLite file to write")
    args = parser.parse_args()

    db = Path(args.db)
    for leftover in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
        leftover.unlink(missing_ok=True)
    app = BargainingApp(str(db))

    started = time.perf_counter()
    importer = CsvImporter(app, F7_MAPPING, actor=Actor("f7-import", "data steward"))
    report = importer.import_file(args.csv)
    seconds = time.perf_counter() - started
    rejects = Path("f7-rejected-rows.csv")
    report.write_rejects(rejects)

    print(f"Imported {Path(args.csv).name} into {db} in {seconds:.1f} s")
    print(f"  {report.summary()}")
    print(f"  rows read {report.rows_read} = imported {report.imported} + unchanged "
          f"{report.unchanged} + rejected {len(report.rejected)}")
    print(f"  rejected rows written to {rejects} for correction; first reasons:")
    for rejected in report.rejected[:3]:
        print(f"    line {rejected.line}: {rejected.reason}")
    for warning in report.warnings[:3]:
        print(f"  warning, line {warning.line}: {warning.message}")

    start = date.fromisoformat(args.reference)
    end = start.replace(year=start.year + 1) - timedelta(days=1)
    print(f"\nExpiring agreements, {start} to {end}")
    print(f"  {'month':8} {'units':>6} {'workers':>9}")
    for row in app.expiry_map.month_table(start, end):
        print(f"  {row.month:8} {row.units:>6} {row.workers:>9,}")

    print("\nTop cluster candidates: one sector (F-7 industry code) and one state, expiries "
          "within 30 days")
    candidates = app.expiry_map.cluster_candidates(
        start, end, 30, MapFilter(limit=5), by_region=True, min_units=3
    )
    for rank, candidate in enumerate(candidates, start=1):
        print(f"  {rank}. sector {candidate.sector}, {candidate.region}: {candidate.unit_count} "
              f"units, {candidate.workers:,} workers, expiring {candidate.first_expiry} to "
              f"{candidate.last_expiry}")
        for unit in sorted(candidate.units, key=lambda u: -u.headcount)[:3]:
            print(f"       {unit.label}: {unit.headcount:,} workers, expires {unit.expiry}")

    again = importer.import_file(args.csv)
    print(f"\nImporting the same file again: {again.imported} imported, {again.unchanged} "
          f"unchanged, {len(again.rejected)} rejected")
    app.close()


if __name__ == "__main__":
    main()
