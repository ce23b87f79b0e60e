"""Write the stores of release 0.1 (the layout before issue 11), kept as test fixtures.

This script ran once, against the code of release 0.1 (commit 4dd1a6e and its fixture commit),
and its output is committed beside it: ``v0.1/plain.sqlite``, ``v0.1/encrypted.sqlite`` (key in
``v0.1/key.txt``, a test key that guards nothing) and ``v0.1/expected.json``, which says what
those stores held as that release read them. ``tests/test_release_stores.py`` opens them with
today's code on memory, SQLite and PostgreSQL and checks that every record loads, reads the
same and verifies. The script is kept as the record of how the stores were made; it speaks
the API of its release and is not run by the tests.

    .venv/bin/python tests/release_stores/make_v0_1.py
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.history_story import STEWARD, record_story  # noqa: E402

from bargaining import BargainingApp  # noqa: E402

HERE = Path(__file__).resolve().parent / "v0.1"
KEY = "cmVsZWFzZS0wLjEgdGVzdCBrZXk6IG5vbmUhISEhISE="


def write(path: Path, key: str | None) -> dict[str, object]:
    for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        leftover.unlink(missing_ok=True)
    app = BargainingApp(str(path), cipher_key=key)
    story = record_story(app)
    busy = story.units["Sudbury LTC"]
    for n in range(60):  # crosses the unit snapshot interval (50) once
        app.change_headcount(busy, 101 + n, actor=STEWARD, counted_on=date(2026, 5, 1))
    records = {
        "units": {k: str(v) for k, v in story.units.items()},
        "framework": str(story.framework),
        "cluster": str(story.cluster),
        "rounds": {k: str(v) for k, v in story.rounds.items()},
        "campaign": str(story.campaign),
    }
    every = [*story.units.values(), story.framework, story.cluster, *story.rounds.values(),
             story.campaign]
    history = {
        str(rid): [
            {k: v for k, v in entry.as_record().items() if k != "summary"}
            for entry in app.history(rid)
        ]
        for rid in every
    }
    units = {
        str(uid): {
            "label": (u := app.get_unit(uid)).label,
            "version": u.version,
            "headcount": u.headcount,
            "sector": u.sector,
            "agreements": [[str(a.effective), str(a.expiry), str(a.settled), a.source]
                           for a in u.agreements],
        }
        for uid in story.units.values()
    }
    campaign = app.get_campaign(story.campaign)
    cluster = app.cluster_status(story.cluster)
    framework = app.get_framework(story.framework)
    expected = {
        "records": records,
        "receipt": str(app.receipt()),
        "history": history,
        "units": units,
        "snapshots": len(list(app.snapshots.get(busy))) if app.snapshots else 0,
        "campaign": {"rung": campaign.rung.name, "status": campaign.status.value,
                     "outcome": campaign.outcome.value if campaign.outcome else None,
                     "version": campaign.version},
        "cluster": {"settled": cluster.settled,
                    "tables": [[str(t.unit_id), t.status.value if t.status else None,
                                t.withdrawn, t.final] for t in cluster.tables],
                    "entitlements": [[str(e.unit_id), e.demand, str(e.from_unit_id)]
                                     for e in cluster.entitlements]},
        "framework": {"effective": framework.effective.number if framework.effective else None,
                      "version": framework.version},
        "rounds": {str(r): {"ratified": (b := app.get_round(r)).ratified,
                            "tentative_number": b.tentative_number, "version": b.version}
                   for r in story.rounds.values()},
        "expiry_map": [[str(u.unit_id), u.sector, u.region, u.headcount, str(u.expiry)]
                       for u in app.expiry_map.all_units()],
    }
    app.close()
    return expected


def main() -> None:
    HERE.mkdir(exist_ok=True)
    (HERE / "key.txt").write_text(KEY + "\n")
    expected = {
        "plain": write(HERE / "plain.sqlite", None),
        "encrypted": write(HERE / "encrypted.sqlite", KEY),
    }
    (HERE / "expected.json").write_text(json.dumps(expected, indent=1, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
