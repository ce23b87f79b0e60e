"""Rung and work group names a command is given are checked as unit names are: no control or
invisible formatting characters, composed form. Names stored before the check still load."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest

from bargaining import (
    Actor,
    BargainingApp,
    Campaign,
    InvalidInput,
    Ladder,
    PlannedUnit,
    Rung,
    Turnout,
)

CHAIR = Actor("c-1", "committee")
DAY = date(2026, 3, 2)
HIDDEN = "pe\u200btition"  # a zero-width space: looks like "petition"
DECOMPOSED = unicodedata.normalize("NFD", "équipe de nuit")


def units(app: BargainingApp, n: int = 1) -> list:  # type: ignore[type-arg]
    return [app.units.register(union="U", local=str(i), employer="E", unit_name="n",
                               actor=CHAIR) for i in range(n)]


def test_a_rung_name_with_an_invisible_character_is_refused_and_nothing_recorded(
    app: BargainingApp,
) -> None:
    (uid,) = units(app)
    before = app.eventsourcing.recorder.max_notification_id()
    with pytest.raises(InvalidInput, match="invisible formatting character"):
        app.campaigns.launch(name="C", on=DAY, units=[uid], actor=CHAIR,
                             ladder=Ladder([Rung("meeting", 1), Rung(HIDDEN, 51)]))
    assert app.eventsourcing.recorder.max_notification_id() == before
    campaign = app.campaigns.launch(name="C", on=DAY, units=[uid], actor=CHAIR)
    with pytest.raises(InvalidInput, match="contains a control character"):
        app.campaigns.change_ladder(campaign, Ladder([Rung("organizing meeting", 1),
                                                      Rung("petition\x1b[2J", 51)]),
                                    on=DAY, actor=CHAIR)
    assert app.campaigns.get(campaign).version == 2


def test_rung_and_work_group_names_are_kept_in_composed_form(app: BargainingApp) -> None:
    (uid,) = units(app)
    colours = unicodedata.normalize("NFD", "porter les couleurs")
    campaign = app.campaigns.launch(
        name="C", on=DAY, units=[uid], actor=CHAIR,
        ladder=Ladder([Rung("réunion", 1), Rung(unicodedata.normalize("NFD", "pétition"), 51),
                       Rung(colours, 60)]))
    found = app.campaigns.get(campaign)
    assert [unicodedata.is_normalized("NFC", r.name) for r in found.ladder.rungs] == [True] * 3
    assert found.ladder.rungs[1].name == "pétition"
    number = app.campaigns.plan_action(campaign, name="A", rung="réunion", on=DAY, actor=CHAIR,
                                       units=[PlannedUnit(uid, (DECOMPOSED, "jour"))])
    app.campaigns.hold_action(campaign, number, [Turnout(uid, 10, 5, DECOMPOSED),
                                                 Turnout(uid, 10, 6, "jour")], actor=CHAIR)
    report = app.campaigns.readiness(campaign)
    assert [g.work_group for g in report.units[0].groups] == ["équipe de nuit", "jour"]
    (point,) = app.campaigns.participation_series(campaign, unit=uid,
                                                  work_group="équipe de nuit")
    assert (point.eligible, point.participants) == (10, 5)
    with pytest.raises(InvalidInput, match="invisible formatting character"):
        app.campaigns.plan_action(campaign, name="B", rung="réunion", on=DAY, actor=CHAIR,
                                  units=[PlannedUnit(uid, ("nu\u200bit",))])
    second = app.campaigns.plan_action(campaign, name="B", rung="réunion", on=DAY,
                                       actor=CHAIR, units=[uid])
    before = app.campaigns.get(campaign).version
    with pytest.raises(InvalidInput, match="invisible formatting character"):
        app.campaigns.hold_action(campaign, second, [Turnout(uid, 10, 5, "nu\u200bit")],
                                  actor=CHAIR)
    assert app.campaigns.get(campaign).version == before


def test_names_recorded_before_the_check_still_load(app: BargainingApp) -> None:
    (uid,) = units(app)
    # As an earlier release recorded it: the aggregate's own event, no command's check.
    ladder = Ladder([Rung("organizing meeting", 1), Rung(HIDDEN, 51)])
    campaign = Campaign.launch(name="C", units=[(uid, "U 0")], on=DAY, actor=CHAIR)
    campaign._ladder_changed(ladder=ladder, on=DAY, actor=CHAIR, reason=None)
    app.save(campaign)
    assert app.campaigns.get(campaign.id).ladder.rungs[1].name == HIDDEN
    assert app.campaigns.readiness(campaign.id).next_rung.name == HIDDEN  # type: ignore[union-attr]
