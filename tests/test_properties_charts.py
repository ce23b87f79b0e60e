"""Properties of the charts' numbers: the expiry timeline adds up to the Expiry Map's month
table, whatever the units; the wall marks a unit short exactly when its count falls below the
rung's threshold, by exactly the workers it still needs."""

from __future__ import annotations

import math
import os
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from bargaining import BargainingApp, Turnout
from bargaining.charts import CellMark, expiry_timeline, readiness_wall
from bargaining.domain.units.profile import normalise_name
from tests.chart_stories import CHAIR, ORGANIZER, climb_on

EXAMPLES = int(os.environ.get("CHARTS_EXAMPLES", 25))
SECTORS = st.sampled_from(["health", "Health ", "education", "auto", ""])
UNITS = st.lists(st.tuples(SECTORS, st.integers(0, 60_000),
                           st.none() | st.dates(date(2022, 10, 1), date(2024, 9, 30))),
                 max_size=8)


@settings(max_examples=EXAMPLES, deadline=None)
@given(units=UNITS)
def test_the_timeline_adds_up_to_the_month_table(
    units: list[tuple[str, int, date | None]],
) -> None:
    start, end = date(2023, 1, 1), date(2024, 6, 30)
    with BargainingApp("memory") as app:
        for n, (sector, workers, expiry) in enumerate(units):
            uid = app.units.register(union="CUPE", local=str(n), employer="City", unit_name="u",
                                     sector=sector, headcount=workers, actor=CHAIR)
            if expiry is not None:
                app.units.record_agreement(uid, expiry=expiry, actor=CHAIR)
        timeline = expiry_timeline(app, start=start, end=end)
        table = app.expiry_map.month_table(start, end)
    assert [(r.month, r.units, r.workers) for r in table] == list(
        zip(timeline.months, timeline.units, timeline.workers, strict=True))
    inside = {normalise_name(s) for s, _, e in units if e is not None and start <= e <= end}
    assert len(timeline.sectors) == len(inside)
    totals = [sum(s.workers) for s in timeline.sectors]
    assert totals == sorted(totals, reverse=True)


@settings(max_examples=EXAMPLES, deadline=None)
@given(counts=st.lists(st.tuples(st.integers(1, 2_000), st.integers(0, 100)), min_size=1,
                       max_size=4))
def test_the_wall_marks_short_exactly_below_the_threshold(
    counts: list[tuple[int, int]],
) -> None:
    with BargainingApp("memory") as app:
        ids = [app.units.register(union="SEIU", local="2", employer=f"Home {n}",
                                  unit_name="care", actor=CHAIR) for n in range(len(counts))]
        campaign = app.campaigns.launch(name="Care", units=ids, on=date(2023, 1, 9),
                                        actor=CHAIR)
        climb_on(app, campaign, ids, [date(2023, 1, 16), date(2023, 1, 23)])
        number = app.campaigns.plan_action(campaign, name="Petition", rung="majority petition",
                                           on=date(2023, 2, 1), actor=ORGANIZER)
        turnouts = [Turnout(uid, eligible, eligible * share // 100)
                    for uid, (eligible, share) in zip(ids, counts, strict=True)]
        app.campaigns.hold_action(campaign, number, turnouts, actor=ORGANIZER)
        wall = readiness_wall(app, campaign)
    for row, turnout in zip(wall.rows, turnouts, strict=True):
        cell = row.cell("majority petition")
        needed = math.ceil(51 * turnout.eligible / 100)
        short = turnout.participants < needed
        assert cell.mark is (CellMark.SHORT if short else CellMark.MET)
        assert cell.short == max(0, needed - turnout.participants)
        assert row.held_back is short
