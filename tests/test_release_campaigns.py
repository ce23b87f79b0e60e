"""A campaign written on 2026-11-30, before campaigns kept their participation history in a
read model, opens, loads from the snapshot of that day, answers the same and verifies.

``tests/release_stores/2026-11-30`` holds the store ``make_2026_11_30.py`` wrote (plain and
encrypted): a campaign of 80 events with a sealed snapshot at version 50 in which the state
held every held action with its counts. ``expected.json`` is what that code answered. On SQLite
the file itself is opened; on memory and PostgreSQL its rows are inserted, bytes unchanged,
into a fresh store first.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any
from uuid import UUID

import pytest

from bargaining import BargainingApp, Campaign
from tests.test_release_stores import stored_rows

HERE = Path(__file__).resolve().parent / "release_stores" / "2026-11-30"
KEY = (HERE / "key.txt").read_text().strip()
EXPECTED: dict[str, Any] = json.loads((HERE / "expected.json").read_text())


@pytest.fixture(params=["plain", "encrypted"])
def variant(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def written(variant: str, store_kind: str, store_url: str) -> Iterator[BargainingApp]:
    source = HERE / f"{variant}.sqlite"
    key = KEY if variant == "encrypted" else None
    if store_kind == "sqlite":
        shutil.copy(source, store_url)
        app = BargainingApp(store_url, cipher_key=key)
    else:
        app = BargainingApp(store_url, cipher_key=key)
        app.eventsourcing.recorder.insert_events(stored_rows(source, "stored_events", "rowid"))
        assert app.eventsourcing.snapshots is not None
        app.eventsourcing.snapshots.recorder.insert_events(
            stored_rows(source, "stored_snapshots", "originator_id, originator_version"))
    yield app
    app.close()


def answers(app: BargainingApp, expected: dict[str, Any]) -> dict[str, Any]:
    """What ``make_2026_11_30.py`` wrote down, asked again."""
    c = UUID(expected["campaign"])
    ids = [UUID(u) for u in expected["units"]]
    days = [None if d is None else date.fromisoformat(d) for d in expected["days"]]
    campaign = app.campaigns.get(c)
    return {
        "version": campaign.version,
        "rung": campaign.rung.name,
        "readiness": {str(d): app.campaigns.readiness(c, on=d).table() for d in days},
        "series": [repr(p) for p in app.campaigns.participation_series(c)],
        "unit_series": [repr(p) for p in app.campaigns.participation_series(c, unit=ids[1])],
        "group_series": [repr(p) for p in app.campaigns.participation_series(
            c, unit=ids[0], work_group="EAs")],
        "job_actions": [j.describe() for j in app.campaigns.job_actions(c)],
        "receipt": str(app.integrity.receipt()),
    }


def test_a_campaign_of_that_day_loads_from_its_snapshot_and_answers_the_same(
    written: BargainingApp, variant: str
) -> None:
    expected = {k: v for k, v in EXPECTED[variant].items()
                if k not in ("campaign", "units", "days")}
    assert answers(written, EXPECTED[variant]) == expected
    report = written.integrity.verify(EXPECTED[variant]["receipt"])
    assert report.intact and report.snapshots_checked >= 1 and not report.tampered_snapshots


def test_the_snapshot_of_that_day_gives_the_campaign_its_events_give(
    written: BargainingApp, variant: str
) -> None:
    c = UUID(EXPECTED[variant]["campaign"])
    events = written.eventsourcing
    assert events.snapshots is not None
    (stored,) = events.snapshots.recorder.select_events(c)
    restored = events.snapshots.restore(  # type: ignore[attr-defined]
        stored, events.recorder.select_events(c, gt=49, lte=50)[0])
    assert isinstance(restored, Campaign), "the snapshot of that day must still be read"
    replayed = events.repository.get(c, version=50)
    assert restored.__dict__ == replayed.__dict__
