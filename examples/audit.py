"""Audit: who decided what and when, the record as it stood, and proof nobody rewrote it.

Run:  .venv/bin/python examples/audit.py [--db audit.sqlite]

The story: three municipal units are registered from the expiry map; a coordinating committee
forms a cluster and admits two of them; a week's count changes one unit's headcount; a third
unit is admitted by override. Then: one unit's readable history, the audit log of the
committee's decisions, the cluster as it stood before the override, a receipt for members,
and what ``verify`` says after someone edits the SQLite file behind the library's back.
"""

from __future__ import annotations

import argparse
import sqlite3
import time
from datetime import UTC, date, datetime
from pathlib import Path

from bargaining import Actor, BargainingApp, HistoryEntry

STEWARD = Actor("d-1", "data steward")
COMMITTEE = Actor("cc-1", "coordinating committee")


def heading(text: str) -> None:
    print(f"\n== {text}")


def show(entry: HistoryEntry) -> None:
    when = entry.recorded_at.strftime("%Y-%m-%d %H:%M:%S")
    fact = f" (on {entry.occurred_on})" if entry.occurred_on else ""
    why = f" -- why: {entry.reason}" if entry.reason else ""
    print(f"  v{entry.version} {when}{fact}: {entry.summary}{why}")


def story(app: BargainingApp) -> tuple[list[object], object, datetime]:
    units = []
    for local, name, expiry in (
        ("79", "Inside workers", date(2026, 12, 31)),
        ("416", "Outside workers", date(2026, 12, 31)),
        ("4400", "Education workers", date(2027, 8, 31)),
    ):
        unit = app.units.register(
            union="CUPE", local=local, employer="City of Toronto", unit_name=name,
            sector="municipal", region="ON", city="Toronto", headcount=1000, actor=STEWARD,
        )
        app.units.record_agreement(unit, expiry=expiry, settled=date(2023, 6, 14), actor=STEWARD)
        units.append(unit)
    cluster = app.clusters.form(
        name="Toronto municipal 2027", sectors=["municipal"], committee=[COMMITTEE],
        window_start=date(2026, 10, 1), window_end=date(2027, 3, 31),
        target_alignment=date(2026, 12, 31), actor=COMMITTEE, on=date(2026, 9, 1),
    )
    app.clusters.admit(cluster, units[0], actor=COMMITTEE, on=date(2026, 9, 1))
    app.clusters.admit(cluster, units[1], actor=COMMITTEE, on=date(2026, 9, 1))
    app.units.change_headcount(units[0], 1130, on=date(2026, 11, 16), actor=STEWARD,
                               reason="membership list of 16 November")
    time.sleep(0.01)
    before_override = datetime.now(UTC)
    time.sleep(0.01)
    app.clusters.admit(cluster, units[2], actor=COMMITTEE,
                       override_reason="same employer; aligning the 2027 expiry is the goal",
                       on=date(2026, 9, 1))
    return units, cluster, before_override


def tamper(path: Path, position: int) -> None:
    """What someone with the file could do: flip one byte of one stored event."""
    with sqlite3.connect(path) as conn:
        (state,) = conn.execute(
            "SELECT state FROM stored_events WHERE rowid = ?", (position,)
        ).fetchone()
        changed = bytearray(state)
        changed[len(changed) // 2] ^= 0x20
        conn.execute(
            "UPDATE stored_events SET state = ? WHERE rowid = ?", (bytes(changed), position)
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=Path("audit.sqlite"))
    args = parser.parse_args()
    for leftover in (args.db, Path(f"{args.db}-wal"), Path(f"{args.db}-shm")):
        leftover.unlink(missing_ok=True)

    app = BargainingApp(str(args.db))
    units, cluster, before_override = story(app)

    heading("The history of CUPE 79, as a person reads it")
    for entry in app.history.of(units[0]):  # type: ignore[arg-type]
        show(entry)

    heading(f"Everything {COMMITTEE} decided")
    for entry in app.history.audit_log(actor=COMMITTEE):
        show(entry)

    heading("The cluster as it stood before the override, and now")
    then = app.clusters.status(cluster, at=before_override)  # type: ignore[arg-type]
    now = app.clusters.status(cluster)  # type: ignore[arg-type]
    print(f"  then: {', '.join(t.label for t in then.tables)}")
    print(f"  now:  {', '.join(t.label for t in now.tables)}")

    heading("A receipt to publish in the members' bulletin")
    receipt = app.integrity.receipt()
    print(f"  {receipt}")
    print(f"  verify: {app.integrity.verify(receipt)}")
    app.close()

    heading("Someone edits the SQLite file behind the library's back")
    tamper(args.db, position=4)
    reopened = BargainingApp(str(args.db))
    print(f"  verify: {reopened.integrity.verify(receipt)}")
    reopened.close()


if __name__ == "__main__":
    main()
