"""Write a store of release 0.1 holding values that were valid then and that today's library
no longer accepts from a host: a rung at half a percent, a vote's threshold and quorum of one
two-hundredth (shares of one, as release 0.1 took them), and a climb share of one hundredth.
(No campaign snapshot: release 0.1 could not take one, its timeline values having no
transcoding.) Run once against release 0.1 (commit 4dd1a6e), like ``make_v0_1.py``:

    PYTHONPATH=<release 0.1 checkout>/src python tests/release_stores/make_v0_1_edges.py
"""

from __future__ import annotations

import json
from datetime import date
from fractions import Fraction
from pathlib import Path

from bargaining import (
    Actor,
    BargainingApp,
    Category,
    CompoundIncrease,
    Demand,
    Ladder,
    Rung,
    RungKind,
    Tally,
    Threshold,
    Vote,
)

HERE = Path(__file__).resolve().parent / "v0.1"
CHAIR = Actor("c-1", "coordinating committee")


def main() -> None:
    path = HERE / "edges.sqlite"
    for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        leftover.unlink(missing_ok=True)
    app = BargainingApp(str(path))
    unit = app.register_unit(union="CUPE", local="1", employer="Employer", unit_name="Unit",
                             actor=CHAIR)
    ladder = Ladder((Rung("meeting", 0.5), Rung("strike vote", 50, RungKind.STRIKE_VOTE),
                     Rung("strike", 60, RungKind.STRIKE)))
    campaign = app.launch_campaign(name="Edges", units=unit, ladder=ladder,
                                   launched_on=date(2025, 9, 1), actor=CHAIR,
                                   climb_share=Fraction(1, 100))
    framework = app.draft_framework(
        name="Edges", sectors=["municipal"], actor=CHAIR,
        demands=[Demand("wages", Category.WAGES, CompoundIncrease(floor=10, target=15))])
    vote = Vote(date(2025, 10, 1), Tally(200, 100, 60, 40), Threshold(Fraction(1, 200)),
                quorum=Fraction(1, 200))
    app.record_framework_vote(framework, 1, vote, actor=CHAIR)
    expected = {"unit": str(unit), "campaign": str(campaign), "framework": str(framework),
                "receipt": str(app.receipt())}
    (HERE / "edges.json").write_text(json.dumps(expected, indent=1) + "\n")
    app.close()


if __name__ == "__main__":
    main()
