"""Write the campaign stores of 2026-11-30 (main at 063261f, before campaigns kept their
participation history in a read model), kept as test fixtures.

Each store holds one campaign of four units with 80 events: actions held by unit and by work
group (some back-dated), climbs, strike votes, walkouts and returns, so that it has sealed
snapshots at versions 50 (the campaign's interval) of the shape that release kept: every held
action with every count in the campaign's state. ``expected.json`` says what that code
answered: readiness on several days, the participation series, the job actions, the rung.
``tests/test_release_campaigns.py`` opens the files with today's code and checks that the
campaign loads (from its old snapshot), answers the same and verifies. The script speaks the
API of its day and is not run by the tests:

    .venv/bin/python tests/release_stores/make_2026_11_30.py
"""

from __future__ import annotations

import json
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Any
from uuid import UUID

from bargaining import (
    Actor,
    BargainingApp,
    BargainingUnit,
    Tally,
    Turnout,
    UnitProfile,
    Vote,
)

HERE = Path(__file__).resolve().parent / "2026-11-30"
KEY = "MjAyNi0xMS0zMCB0ZXN0IGtleSwgZ3VhcmRzIG5vbmU="
ACTOR = Actor("o-1", "coordinating committee")
START = date(2025, 1, 6)


def story(app: BargainingApp) -> dict[str, Any]:
    units = [BargainingUnit.register(UnitProfile(
        union="CUPE", local=str(4400 + n), employer=f"Board {n}", unit_name="education workers",
        sector="education", headcount=60 + n), actor=ACTOR) for n in range(4)]
    app.save(*units)
    ids = [u.id for u in units]
    c = app.campaigns.launch(name="Release campaign", units=ids, on=START, actor=ACTOR)
    day = START
    for week in range(12):
        day = START + timedelta(days=7 * (week + 1))
        groups = {ids[0]: ["custodians", "EAs"], ids[1]: [], ids[2]: [], ids[3]: []}
        rung = app.campaigns.get(c).rung.name
        n = app.campaigns.plan_action(c, name=f"week {week + 1}", rung=rung, on=day,
                                      actor=ACTOR, units=groups)
        counts = [Turnout(ids[0], 30, 8 + week, "custodians"),
                  Turnout(ids[0], 31, 12 + week, "EAs"),
                  Turnout(ids[1], 61, 20 + 3 * week),
                  Turnout(ids[2], 62, 30 + 2 * week),
                  Turnout(ids[3], 63, 40 + 2 * (week % 5))]
        held_on = day - timedelta(days=2) if week % 4 == 3 else None  # some back-dated
        app.campaigns.hold_action(c, n, counts, actor=ACTOR, on=held_on)
        if week in (3, 7):
            earned = app.campaigns.readiness(c, on=day + timedelta(days=1)).can_climb
            app.campaigns.escalate(c, on=day + timedelta(days=1), actor=ACTOR,
                                   reason="the committee decided",
                                   mandate=None if earned else Vote(
                                       day, Tally(eligible=100, cast=90, yes=80, no=10)))
    vote_day = day + timedelta(days=3)
    app.campaigns.record_mandate(c, Vote(vote_day, Tally(
        eligible=63, cast=62, yes=60, no=2)), actor=ACTOR, unit=ids[3])
    app.campaigns.record_mandate(c, Vote(vote_day, Tally(
        eligible=61, cast=55, yes=30, no=25)), actor=ACTOR, unit=ids[1])
    for k in range(20):
        unit = ids[k % 4]
        out = vote_day + timedelta(days=2 + 3 * k)
        app.campaigns.enter_strike(c, unit, on=out, actor=ACTOR,
                                   back_on=out + timedelta(days=2))
    last = vote_day + timedelta(days=60)
    app.campaigns.enter_strike(c, ids[2], on=last, actor=ACTOR, part_day=True, hours=3)
    app.campaigns.enter_strike(c, ids[0], on=START + timedelta(days=3), actor=ACTOR,
                               back_on=START + timedelta(days=4))  # back-filled
    campaign = app.campaigns.get(c)
    return {"campaign": c, "units": ids, "days": [
        START, START + timedelta(days=30), START + timedelta(days=60), vote_day,
        vote_day + timedelta(days=10), last, None], "version": campaign.version}


def answers(app: BargainingApp, c: UUID, ids: list[UUID], days: list[date | None]
            ) -> dict[str, Any]:
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


def write(path: Path, key: str | None) -> dict[str, Any]:
    for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        leftover.unlink(missing_ok=True)
    with BargainingApp(str(path), cipher_key=key) as app:
        made = story(app)
        assert made["version"] > 50, made["version"]
        found = answers(app, made["campaign"], made["units"], made["days"])
        return {"campaign": str(made["campaign"]), "units": [str(u) for u in made["units"]],
                "days": [None if d is None else d.isoformat() for d in made["days"]],
                **found}


def main() -> int:
    HERE.mkdir(exist_ok=True)
    (HERE / "key.txt").write_text(KEY + "\n")
    expected = {"plain": write(HERE / "plain.sqlite", None),
                "encrypted": write(HERE / "encrypted.sqlite", KEY)}
    (HERE / "expected.json").write_text(json.dumps(expected, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
