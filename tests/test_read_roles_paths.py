"""Read roles on every read path (issue 15): leaders, coverage, the workplace record and time
travel show names only to that workplace's organizers; member-facing readiness, participation
series, drives and a large group's test hide counts that single people out. Store-dependent
tests run on memory, SQLite and PostgreSQL."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from uuid import UUID

import pytest

from bargaining import (
    Actor,
    BargainingApp,
    GroupTest,
    MapCount,
    NotAllowedToRead,
    Reader,
    Tally,
    Turnout,
    Vote,
)
from bargaining.adapters.cli.main import REFUSED, main
from bargaining.domain.people.small_groups import identifying
from tests.test_read_roles import (
    AUDITOR,
    COMMITTEE,
    MEMBER,
    ORGANIZER,
    OTHER_ORGANIZER,
    OWN_ORGANIZER,
    dxt4,
    position,
)

STEWARD = Reader("s-1", "steward")
EVERY_OTHER = (OTHER_ORGANIZER, COMMITTEE, AUDITOR, None)
DAY = date(2024, 3, 1)
REFUSED_RECORD = ("a member may not read the organizing record of a workplace, an area team "
                  "or a drive")


def names(app: BargainingApp, place: UUID, reader: Reader | None) -> dict[str, str]:
    return {s.person: s.personal.shown() for s in app.organizing.leaders(
        place, on=DAY, reader=reader) if s.personal is not None}


def test_leaders_show_names_only_to_that_workplaces_organizers(app: BargainingApp) -> None:
    place = dxt4(app)
    before = position(app)
    for reader in EVERY_OTHER:
        assert names(app, place, reader) == {"w-17": "a person"}, reader
    assert position(app) == before  # nobody's data shown, nothing recorded
    assert names(app, place, OWN_ORGANIZER) == {"w-17": "Marie Tremblay"}
    assert position(app) == before + 1
    [read] = app.people.reads_of("w-17", reader=AUDITOR)
    assert (read.reader, read.through, read.record) == ("o-1", "report", place)
    with pytest.raises(NotAllowedToRead) as refused:
        app.organizing.leaders(place, reader=MEMBER)
    assert str(refused.value) == REFUSED_RECORD
    assert position(app) == before + 1


def test_coverage_names_nobody_and_is_not_the_members_to_read(app: BargainingApp) -> None:
    place = dxt4(app)
    before = position(app)
    for reader in (OWN_ORGANIZER, *EVERY_OTHER):
        assert app.organizing.coverage(place, on=DAY, reader=reader).group("Nights").workers == 3
    with pytest.raises(NotAllowedToRead):
        app.organizing.coverage(place, on=DAY, reader=MEMBER)
    assert position(app) == before


def test_the_workplace_record_shows_names_as_its_history_does(app: BargainingApp) -> None:
    place = dxt4(app)
    org = app.organizing
    own = org.workplace(place, reader=OWN_ORGANIZER).leaders["w-17"].personal
    assert own is not None and (own.name, own.assessment) == ("Marie Tremblay", 1)
    for reader in EVERY_OTHER:
        for found in (org.workplace(place, reader=reader), org.get(place, reader=reader),
                      org.workplace(place, on=DAY, reader=reader)):
            shown = found.leaders["w-17"].personal  # type: ignore[union-attr]
            assert shown is not None and shown.shown() == "a person"
            assert shown.assessment is None, reader
    before = position(app)
    for refused in (lambda: org.workplace(place, reader=MEMBER),
                    lambda: org.get(place, reader=MEMBER)):
        with pytest.raises(NotAllowedToRead):
            refused()
    assert position(app) == before
    # a read changes nothing of the record: its commands carry on with the data as recorded
    org.record_map(place, group="Nights", on=date(2024, 4, 1), actor=ORGANIZER,
                   count=MapCount(workers=3, mapped=3, contacts=3, leaders=1))
    again = org.workplace(place, reader=OWN_ORGANIZER).leaders["w-17"].personal
    assert again is not None and again.name == "Marie Tremblay"


def test_time_travel_shows_names_as_history_does(app: BargainingApp) -> None:
    place = dxt4(app)
    before = position(app)
    for reader in EVERY_OTHER:
        then = app.history.as_of(place, on=date(2024, 1, 31), reader=reader)
        assert then.leaders["w-17"].personal.shown() == "a person"  # type: ignore[attr-defined]
    assert position(app) == before
    with pytest.raises(NotAllowedToRead):
        app.history.as_of(place, version=1, reader=MEMBER)
    assert position(app) == before
    then = app.history.as_of(place, on=date(2024, 1, 31), reader=OWN_ORGANIZER)
    assert then.leaders["w-17"].personal.name == "Marie Tremblay"  # type: ignore[attr-defined]
    assert [r.through for r in app.people.reads_of("w-17", reader=AUDITOR)] == ["history"]
    unit = app.units.register(union="CSN", local="", employer="Amazon", unit_name="DXT4",
                              sector="warehousing", actor=ORGANIZER)
    assert app.history.as_of(unit, version=1, reader=MEMBER).id == unit


def test_a_large_groups_test_that_singles_people_out_is_hidden_from_members(
        app: BargainingApp) -> None:
    place = dxt4(app)
    org = app.organizing
    org.add_group(place, name="Weekends", kind="shift", workers=40, on=date(2023, 10, 1),
                  actor=ORGANIZER)
    for participants, hidden in ((58, True), (3, True), (60, False), (0, False), (30, False)):
        org.hold_test(place, GroupTest(group="Days", kind="majority petition", eligible=60,
                                       participants=participants, on=DAY), actor=ORGANIZER)
        seen = org.group_counts(place, on=DAY, reader=MEMBER)
        days = seen.group("Days")
        assert not days.hidden and days.workers == 60  # the map shows: Weekends hides Nights
        assert days.test_hidden is hidden, participants
        assert (days.tested, days.took_part) == ((None, None) if hidden else (60, participants))
        full = org.group_counts(place, on=DAY, reader=OWN_ORGANIZER).group("Days")
        assert (full.tested, full.took_part, full.test_hidden) == (60, participants, False)


def small_drive(app: BargainingApp, eligible: int, cards: int) -> UUID:
    drive = app.drives.start(workplace="Depanneur", employer="A shop", jurisdiction="QC",
                             union="CSN", eligible=eligible, on=date(2025, 1, 6),
                             actor=ORGANIZER)
    app.drives.count_cards(drive, signed=cards, on=date(2025, 1, 20), actor=ORGANIZER)
    return drive


def test_a_drives_small_counts_are_not_the_members_to_read(app: BargainingApp) -> None:
    four = small_drive(app, 4, 3)
    all_but_two = small_drive(app, 230, 228)
    large = small_drive(app, 230, 150)
    before = position(app)
    for drive in (four, all_but_two):
        with pytest.raises(NotAllowedToRead) as refused:
            app.drives.get(drive, reader=MEMBER)
        assert str(refused.value) == ("a member may not read these counts: they would single "
                                      "out fewer than 5 workers")
        with pytest.raises(NotAllowedToRead):
            app.drives.route(drive, reader=MEMBER)
    assert app.drives.get(large, reader=MEMBER).cards == 150
    for reader in (STEWARD, OWN_ORGANIZER, COMMITTEE, AUDITOR, None):
        assert app.drives.get(four, reader=reader).cards == 3
    # the drive's history counts every count: an organizing record, not the members'
    with pytest.raises(NotAllowedToRead, match="or a drive"):
        app.history.of(large, reader=MEMBER)
    assert [e.event for e in app.history.of(four, reader=STEWARD)][-1] == "CardsCounted"
    assert position(app) == before


CHAIR = Actor("c-1", "cluster co-chair")


def campaign_of(app: BargainingApp, *groups: tuple[str, int, int]) -> tuple[UUID, UUID]:
    uid = app.units.register(union="CUPE", local="4000", employer="Sudbury", unit_name="care",
                             sector="long-term care", region="ON", headcount=100, actor=CHAIR)
    campaign = app.campaigns.launch(name="Care can't wait", on=date(2026, 1, 5), units=uid,
                                    actor=CHAIR)
    number = app.campaigns.plan_action(campaign, name="Meeting", rung="organizing meeting",
                                       on=date(2026, 1, 12),
                                       units={uid: [g for g, _, _ in groups]}, actor=CHAIR)
    app.campaigns.hold_action(campaign, number, [Turnout(uid, e, p, g) for g, e, p in groups],
                              actor=CHAIR)
    return campaign, uid


def test_a_members_readiness_hides_a_work_group_of_three(app: BargainingApp) -> None:
    campaign, uid = campaign_of(app, ("days", 60, 36), ("nights", 3, 2))
    seen = app.campaigns.readiness(campaign, reader=MEMBER)
    line = seen.unit(uid)
    assert all(g.hidden and g.figure is None and g.short_of_current is None
               for g in line.groups)  # nights is small; days would give it back
    assert line.standing.figure is not None and (
        line.standing.figure.eligible, line.standing.figure.participants) == (63, 38)
    assert "counts hidden: a small group" in seen.table()
    assert "2 of 3" not in seen.table() and "36" not in seen.table()
    for reader in (OWN_ORGANIZER, COMMITTEE, STEWARD, None):
        full = app.campaigns.readiness(campaign, reader=reader).unit(uid)
        assert [(g.work_group, g.figure.participants) for g in full.groups  # type: ignore[union-attr]
                ] == [("days", 36), ("nights", 2)]


def test_a_members_readiness_hides_the_unit_when_its_groups_would_give_it_back(
        app: BargainingApp) -> None:
    campaign, uid = campaign_of(app, ("days", 3, 1), ("nights", 1, 1))
    line = app.campaigns.readiness(campaign, reader=MEMBER).unit(uid)
    assert line.standing.hidden and line.standing.figure is None
    assert all(g.hidden for g in line.groups)


def test_a_members_participation_series_leaves_out_small_groups(app: BargainingApp) -> None:
    campaign, uid = campaign_of(app, ("days", 60, 36), ("nights", 3, 2))
    series = app.campaigns.participation_series
    for group in ("days", "nights", "Nights"):
        assert series(campaign, unit=uid, work_group=group, reader=MEMBER) == ()
        assert len(series(campaign, unit=uid, work_group=group, reader=OWN_ORGANIZER)) == 1
    [unit] = series(campaign, unit=uid, reader=MEMBER)
    assert (unit.eligible, unit.participants) == (63, 38)
    assert series(campaign, reader=MEMBER) == series(campaign, reader=COMMITTEE)


def test_a_small_units_series_is_hidden_and_the_campaigns_total_with_it(
        app: BargainingApp) -> None:
    units = [app.units.register(union="CUPE", local="4000", employer=name, unit_name="care",
                                sector="long-term care", region="ON", headcount=100,
                                actor=CHAIR) for name in ("Sudbury", "Timmins", "Barrie")]
    campaign = app.campaigns.launch(name="Care can't wait", on=date(2026, 1, 5), units=units,
                                    actor=CHAIR)
    number = app.campaigns.plan_action(campaign, name="Meeting", rung="organizing meeting",
                                       on=date(2026, 1, 12), actor=CHAIR)
    app.campaigns.hold_action(campaign, number, [Turnout(units[0], 4, 2), Turnout(units[1], 50, 30),
                                                 Turnout(units[2], 80, 60)], actor=CHAIR)
    series = app.campaigns.participation_series
    shown = {u: series(campaign, unit=u, reader=MEMBER) for u in units}
    assert shown[units[0]] == ()
    assert [(p.eligible, p.participants) for p in shown[units[1]]] == [(50, 30)]
    assert [(p.eligible, p.participants) for p in shown[units[2]]] == [(80, 60)]
    # the campaign's total minus the units shown would be the unit of four
    assert series(campaign, reader=MEMBER) == ()
    assert len(series(campaign, reader=COMMITTEE)) == 1


def test_the_command_line_reads_readiness_and_status_as_a_reader(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = str(tmp_path / "care.sqlite")
    with BargainingApp(store) as app:
        campaign, _ = campaign_of(app, ("days", 60, 36), ("nights", 3, 2))
        place = dxt4(app)
    assert main(["readiness", str(campaign), "--as", "member:m-7", "--json",
                 "--store", store]) == 0
    [unit] = json.loads(capsys.readouterr().out)["units"]
    assert [(g["work_group"], g["hidden"], g["latest"]) for g in unit["groups"]] == [
        ("days", True, None), ("nights", True, None)]
    assert main(["readiness", str(campaign), "--as", "organizer:o-1", "--json",
                 "--store", store]) == 0
    [unit] = json.loads(capsys.readouterr().out)["units"]
    assert [g["latest"]["participants"] for g in unit["groups"]] == [36, 2]
    assert main(["readiness", str(campaign), "--as", "member:m-7", "--store", store]) == 0
    assert "counts hidden: a small group" in capsys.readouterr().out
    assert main(["status", str(place), "--as", "member:m-7", "--store", store]) == REFUSED
    assert "may not read the organizing record" in capsys.readouterr().err


def test_a_member_cannot_subtract_two_days_counts_into_a_small_group(
        app: BargainingApp) -> None:
    """A Days shift of 60 mapped in January, a Nights shift of 3 added on 1 February: the
    totals of 1 March minus those of 20 January would be the night shift's counts."""
    org = app.organizing
    place = org.register_workplace(name="DXT4", employer="Amazon", actor=ORGANIZER)
    org.add_group(place, name="Days", kind="shift", workers=60, on=date(2023, 10, 1),
                  actor=ORGANIZER)
    org.record_map(place, group="Days", on=date(2024, 1, 15), actor=ORGANIZER,
                   count=MapCount(workers=60, mapped=50, contacts=40, leaders=5))
    org.add_group(place, name="Nights", kind="shift", workers=3, on=date(2024, 2, 1),
                  actor=ORGANIZER)
    org.record_map(place, group="Nights", on=date(2024, 2, 1), actor=ORGANIZER,
                   count=MapCount(workers=3, mapped=2, contacts=2, leaders=1))
    days = (date(2024, 1, 20), date(2024, 2, 1), DAY)
    views = [org.group_counts(place, on=day, reader=MEMBER) for day in days]
    for seen in views:
        shown = [g for g in seen.groups if not g.hidden]
        # a total shown is the sum of the groups shown: no hidden count is in it
        if seen.workers is not None:
            assert seen.workers == sum(g.workers or 0 for g in shown)
            assert seen.mapped == sum(g.mapped or 0 for g in shown)
    march = views[-1]
    assert march.group("Nights").hidden and (march.workers, march.mapped) == (None, None)
    assert (march.group("Days").workers, march.group("Days").mapped) == (60, 50)
    assert (views[0].workers, views[0].mapped) == (60, 50)
    full = org.group_counts(place, on=DAY, reader=OWN_ORGANIZER)
    assert (full.workers, full.mapped) == (63, 52)


def voted(app: BargainingApp, tally: Tally) -> UUID:
    drive = small_drive(app, 230, 150)
    app.drives.record_vote(drive, Vote(date(2025, 2, 8), tally), actor=ORGANIZER)
    return drive


@pytest.mark.parametrize("tally", [
    Tally(eligible=230, cast=228, yes=225, no=3),      # two did not vote, three voted no
    Tally(eligible=230, cast=228, yes=150, no=78),     # two did not vote
    Tally(eligible=230, cast=200, yes=196, no=4),      # four voted no
    Tally(eligible=230, cast=200, yes=150, no=48, spoiled=2),  # two spoiled ballots
    Tally(eligible=230, cast=200, yes=150, no=50, present=202),  # two came and did not vote
])
def test_a_member_is_refused_a_drive_vote_that_singles_anyone_out(
        app: BargainingApp, tally: Tally) -> None:
    drive = voted(app, tally)
    before = position(app)
    with pytest.raises(NotAllowedToRead, match="single out fewer than 5 workers"):
        app.drives.get(drive, reader=MEMBER)
    assert position(app) == before
    assert app.drives.get(drive, reader=STEWARD).votes[-1].tally == tally


def test_a_member_reads_a_drive_vote_that_singles_nobody_out(app: BargainingApp) -> None:
    tally = Tally(eligible=230, cast=200, yes=150, no=45, spoiled=5, present=210)
    assert app.drives.get(voted(app, tally), reader=MEMBER).votes[-1].tally == tally


def test_a_member_cannot_tell_who_just_signed_from_two_card_counts(
        app: BargainingApp) -> None:
    """150 cards, then 152: the two who signed in between are named to anyone who saw them
    sign. The drive is refused to members whatever day they read it on."""
    drive = small_drive(app, 230, 150)
    app.drives.count_cards(drive, signed=152, on=date(2025, 1, 27), actor=ORGANIZER)
    app.drives.count_cards(drive, signed=170, on=date(2025, 2, 3), actor=ORGANIZER)
    for on in (None, date(2025, 1, 20), date(2025, 1, 27), date(2025, 2, 3)):
        with pytest.raises(NotAllowedToRead, match="single out fewer than 5 workers"):
            app.drives.get(drive, on=on, reader=MEMBER)
        with pytest.raises(NotAllowedToRead):
            app.drives.route(drive, on=on, reader=MEMBER)
    assert app.drives.get(drive, reader=STEWARD).cards == 170
    steady = small_drive(app, 230, 150)
    app.drives.count_cards(steady, signed=160, on=date(2025, 1, 27), actor=ORGANIZER)
    app.drives.count_cards(steady, signed=160, on=date(2025, 2, 3), actor=ORGANIZER)
    assert app.drives.get(steady, on=date(2025, 1, 20), reader=MEMBER).cards == 150
    assert app.drives.get(steady, reader=MEMBER).cards == 160


def test_a_members_readiness_and_series_hide_the_same_groups_of_an_action(
        app: BargainingApp) -> None:
    """Two groups of ten beside a night shift of three: one of them is hidden with the night
    shift. If readiness hid one and the series the other, a member reading both would see
    both, and the unit's total minus them would be the night shift."""
    campaign, uid = campaign_of(app, ("nights", 3, 2), ("weekends", 10, 5), ("days", 10, 5))
    line = app.campaigns.readiness(campaign, reader=MEMBER).unit(uid)
    in_readiness = {g.work_group for g in line.groups if g.hidden}
    series = app.campaigns.participation_series
    in_series = {g for g in ("nights", "weekends", "days")
                 if series(campaign, unit=uid, work_group=g, reader=MEMBER) == ()}
    assert in_readiness == in_series and len(in_series) == 2


def test_a_members_readiness_and_series_together_give_no_small_unit_back(
        app: BargainingApp) -> None:
    """A unit of four beside units of fifty and eighty: the campaign's series total minus
    the units a member's readiness report shows would be the unit of four."""
    units = [app.units.register(union="CUPE", local="4000", employer=name, unit_name="care",
                                sector="long-term care", region="ON", headcount=100,
                                actor=CHAIR) for name in ("Sudbury", "Timmins", "Barrie")]
    campaign = app.campaigns.launch(name="Care can't wait", on=date(2026, 1, 5), units=units,
                                    actor=CHAIR)
    number = app.campaigns.plan_action(campaign, name="Meeting", rung="organizing meeting",
                                       on=date(2026, 1, 12), actor=CHAIR)
    app.campaigns.hold_action(campaign, number, [Turnout(units[0], 4, 2), Turnout(units[1], 50, 30),
                                                 Turnout(units[2], 80, 60)], actor=CHAIR)
    report = app.campaigns.readiness(campaign, reader=MEMBER)
    shown = [report.unit(u).standing.figure for u in units]
    totals = app.campaigns.participation_series(campaign, reader=MEMBER)
    assert shown[0] is None and shown[1] is not None and shown[2] is not None
    for total in totals:
        eligible = total.eligible - sum(f.eligible for f in shown if f is not None)
        took_part = total.participants - sum(f.participants for f in shown if f is not None)
        assert not identifying(eligible, took_part, 5)
