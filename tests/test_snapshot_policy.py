"""When a save snapshots a record: once at the last interval it reaches, and at once when it
wrote many bytes of the record (a structure test of many counts), so no load replays it."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from bargaining import Actor, BargainingApp, BargainingUnit, Turnout, UnitProfile

CHAIR = Actor("c-1", "committee")
DAY = date(2026, 2, 2)


def snapshot_versions(app: BargainingApp, record: UUID) -> list[int]:
    assert app.eventsourcing.snapshots is not None
    return [s.originator_version
            for s in app.eventsourcing.snapshots.recorder.select_events(record)]


def test_a_save_reaching_several_intervals_is_snapshotted_once(app: BargainingApp) -> None:
    unit = BargainingUnit.register(UnitProfile(union="U", local="1", employer="E",
                                               unit_name="n", headcount=1), actor=CHAIR)
    for n in range(120):  # small events: 121 of them reach the interval (50) twice
        unit.change_headcount(2 + n, actor=CHAIR)
    app.save(unit)
    assert snapshot_versions(app, unit.id) == [100]
    assert app.units.get(unit.id).headcount == 121


def test_a_campaign_launched_for_many_units_is_snapshotted_once_and_so_is_a_large_test(
    app: BargainingApp,
) -> None:
    units = [BargainingUnit.register(UnitProfile(union="U", local=str(n), employer="E",
                                                 unit_name="n"), actor=CHAIR)
             for n in range(420)]
    app.save(*units)
    ids = [u.id for u in units]
    campaign = app.campaigns.launch(name="C", on=DAY, units=ids, actor=CHAIR)  # 421 events
    assert snapshot_versions(app, campaign) == [421]  # many bytes: at its last version
    number = app.campaigns.plan_action(campaign, name="A", rung="organizing meeting", on=DAY,
                                       actor=CHAIR)
    app.campaigns.hold_action(campaign, number, [Turnout(u, 40, 10) for u in ids], actor=CHAIR)
    assert snapshot_versions(app, campaign) == [421, 423]  # the plan (422) replays; not the test
    found = app.campaigns.get(campaign)
    assert found.version == 423 and found.action(number).held
    assert app.eventsourcing.repository.get(campaign, version=423).__dict__ == found.__dict__
