"""Steps for read_roles.feature and retention.feature: readers, the read policy, retention."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime, timedelta
from typing import Any

from pytest_bdd import given, parsers, then, when

from bargaining import (
    Actor,
    GroupTest,
    MapCount,
    PersonalData,
    Reader,
    RetentionPolicy,
    Tally,
    Turnout,
    Vote,
    write_jsonl,
)
from tests.refusals import position
from tests.steps_common import *  # noqa: F403
from tests.steps_common import World

ORGANIZER = Actor("csn-o1", "area team organizer")
STEWARD = Actor("ds-1", "data steward")
AUDITOR = Reader("a-1", "auditor")
POLICIES = {"erase people inactive for three years": RetentionPolicy.years(3)}


def _place(world: World) -> Any:
    return world.extra["place"]


@given(parsers.parse('the workplace DXT4, supported by an area team whose organizer is '
                     '"{organizer}"'))
def dxt4(world: World, organizer: str) -> None:
    org = world.app.organizing
    team = org.form_team(name="Laval warehouses", kind="region", area="Laval",
                         on=date(2023, 9, 1), actor=ORGANIZER)
    org.join(team, person=organizer, role="organizer", on=date(2023, 9, 1), actor=ORGANIZER)
    other = org.form_team(name="Montreal warehouses", kind="region", area="Montreal",
                          on=date(2023, 9, 1), actor=ORGANIZER)
    org.join(other, person="csn-o2", role="organizer", on=date(2023, 9, 1), actor=ORGANIZER)
    place = org.register_workplace(name="DXT4", employer="Amazon", region="Laval",
                                   actor=ORGANIZER)
    org.support_workplace(team, workplace=place, on=date(2023, 10, 1), actor=ORGANIZER)
    org.add_group(place, name="Days", kind="shift", workers=70, on=date(2023, 10, 1),
                  actor=ORGANIZER)
    org.record_map(place, group="Days", on=date(2024, 1, 15), actor=ORGANIZER,
                   count=MapCount(workers=70, mapped=62, contacts=55, leaders=7))
    world.extra["place"] = place


@given(parsers.parse('its night shift of {workers:d} workers, mapped, with "{person}" '
                     'identified as its leader'))
def night_shift(world: World, workers: int, person: str) -> None:
    org, place = world.app.organizing, _place(world)
    org.add_group(place, name="Nights", kind="shift", workers=workers, on=date(2023, 10, 1),
                  actor=ORGANIZER)
    org.record_map(place, group="Nights", on=date(2024, 1, 15), actor=ORGANIZER,
                   count=MapCount(workers=workers, mapped=workers, contacts=workers,
                                  leaders=1))
    org.identify_leader(place, group="Nights", person=person, on=date(2024, 1, 15),
                        actor=ORGANIZER, personal=PersonalData(person, name="Marie Tremblay",
                                                               assessment=1))
    world.extra["leader"] = person


@given(parsers.parse("a majority petition of the night shift that {signed:d} of the "
                     "{eligible:d} signed"))
def petition(world: World, signed: int, eligible: int) -> None:
    world.app.organizing.hold_test(_place(world), GroupTest(
        group="Nights", kind="majority petition", eligible=eligible, participants=signed,
        on=date(2024, 2, 1), leader=world.extra["leader"]), actor=ORGANIZER)


@when(parsers.parse('{role} "{person}" reads the workplace\'s counts'))
def read_counts(world: World, role: str, person: str) -> None:
    world.result = world.app.organizing.group_counts(_place(world), on=date(2024, 3, 1),
                                                     reader=Reader(person, role))


@then("the night shift shows no counts")
def no_counts(world: World) -> None:
    nights = world.result.group("Nights")
    assert nights.hidden
    assert (nights.workers, nights.mapped, nights.tested, nights.took_part) == (
        None, None, None, None)


@then("no total gives the night shift's counts back")
def no_total(world: World) -> None:
    days = world.result.group("Days")
    assert days.hidden or world.result.workers is None or (
        world.result.workers - days.workers >= 5)


@given(parsers.parse("a {shift} shift of {workers:d} workers, mapped, added on {day}"))
def later_shift(world: World, shift: str, workers: int, day: str) -> None:
    org, place, on = world.app.organizing, _place(world), date.fromisoformat(day)
    org.add_group(place, name=SHIFTS[shift], kind="shift", workers=workers, on=on,
                  actor=ORGANIZER)
    org.record_map(place, group=SHIFTS[shift], on=on, actor=ORGANIZER,
                   count=MapCount(workers=workers, mapped=workers))


@when(parsers.parse('{role} "{person}" reads the workplace\'s counts on {first} and on '
                    '{second}'))
def read_counts_twice(world: World, role: str, person: str, first: str, second: str) -> None:
    world.result = [world.app.organizing.group_counts(
        _place(world), on=date.fromisoformat(day), reader=Reader(person, role))
        for day in (first, second)]


@then(parsers.parse("the {shift} shift shows no counts on either day"))
def no_counts_either_day(world: World, shift: str) -> None:
    for seen in world.result:
        if any(g.group == SHIFTS[shift] for g in seen.groups):
            group = seen.group(SHIFTS[shift])
            assert group.hidden and (group.workers, group.mapped) == (None, None)


@then("neither day's totals, nor what one day's total adds to the other's, give a hidden "
      "shift back")
def no_total_either_day(world: World) -> None:
    def beyond_shown(seen: Any) -> tuple[int, int]:
        """What a day's totals hold beyond the groups it shows (none when hidden)."""
        if seen.workers is None:
            return 0, 0
        shown = [g for g in seen.groups if not g.hidden]
        return (seen.workers - sum(g.workers for g in shown),
                seen.mapped - sum(g.mapped for g in shown))

    first, second = (beyond_shown(seen) for seen in world.result)
    assert first == second == (0, 0)


@then(parsers.parse("the totals are {first:d} workers on the first day and {second:d} on "
                    "the second"))
def totals_on_two_days(world: World, first: int, second: int) -> None:
    assert [seen.workers for seen in world.result] == [first, second]


@then(parsers.parse("the {shift} shift shows {workers:d} workers, {tested:d} tested and "
                    "{took:d} who took part"))
def counts_shown(world: World, shift: str, workers: int, tested: int, took: int) -> None:
    group = world.result.group(SHIFTS[shift])
    assert (group.workers, group.tested, group.took_part) == (workers, tested, took)


SHIFTS = {"day": "Days", "night": "Nights", "weekend": "Weekends"}


@given(parsers.parse("a {shift} shift of {workers:d} workers, mapped"))
def another_shift(world: World, shift: str, workers: int) -> None:
    org, place = world.app.organizing, _place(world)
    org.add_group(place, name=SHIFTS[shift], kind="shift", workers=workers,
                  on=date(2023, 10, 1), actor=ORGANIZER)
    org.record_map(place, group=SHIFTS[shift], on=date(2024, 1, 15), actor=ORGANIZER,
                   count=MapCount(workers=workers, mapped=workers))


@given(parsers.parse("a majority petition of the day shift that {signed:d} of the "
                     "{eligible:d} signed"))
def day_petition(world: World, signed: int, eligible: int) -> None:
    world.app.organizing.hold_test(_place(world), GroupTest(
        group="Days", kind="majority petition", eligible=eligible, participants=signed,
        on=date(2024, 2, 1)), actor=ORGANIZER)


@then(parsers.parse("the day shift shows {workers:d} workers but not its petition"))
def map_not_test(world: World, workers: int) -> None:
    days = world.result.group("Days")
    assert not days.hidden and days.workers == workers
    assert days.test_hidden and (days.tested, days.took_part) == (None, None)


@when(parsers.parse('organizer "{person}" of another team reads the workplace\'s leaders'))
def read_leaders(world: World, person: str) -> None:
    [leader] = world.app.organizing.leaders(_place(world), reader=Reader(person, "organizer"))
    assert leader.personal is not None
    world.result = leader.personal.shown()


@when(parsers.parse('organizer "{person}" reads the workplace as it was on {day}'))
def read_as_of(world: World, person: str, day: str) -> None:
    then = world.app.history.as_of(_place(world), on=date.fromisoformat(day),
                                   reader=Reader(person, "organizer"))
    world.result = then.leaders[world.extra["leader"]].personal.shown()  # type: ignore[attr-defined]


@when(parsers.parse('member "{person}" asks for the workplace\'s leaders'))
def member_asks_leaders(world: World, person: str) -> None:
    world.attempt(lambda: world.app.organizing.leaders(_place(world),
                                                       reader=Reader(person, "member")))


@given(parsers.parse("a campaign whose unit's day shift had {days:d} of {day_workers:d} at a "
                     "meeting and its night shift {nights:d} of {night_workers:d}"))
def campaign(world: World, days: int, day_workers: int, nights: int,
             night_workers: int) -> None:
    app = world.app
    unit = app.units.register(union="CSN", local="", employer="Amazon", unit_name="DXT4",
                              sector="warehousing", actor=ORGANIZER)
    found = app.campaigns.launch(name="First contract", on=date(2024, 6, 3), units=unit,
                                 actor=ORGANIZER)
    number = app.campaigns.plan_action(found, name="Meeting", rung="organizing meeting",
                                       on=date(2024, 6, 10),
                                       units={unit: ["days", "nights"]}, actor=ORGANIZER)
    app.campaigns.hold_action(found, number, [Turnout(unit, day_workers, days, "days"),
                                              Turnout(unit, night_workers, nights, "nights")],
                              actor=ORGANIZER)
    world.extra["campaign"], world.extra["unit"] = found, unit


@when(parsers.parse('{role} "{person}" reads the campaign\'s readiness'))
def read_readiness(world: World, role: str, person: str) -> None:
    world.result = world.app.campaigns.readiness(world.extra["campaign"],
                                                 reader=Reader(person, role))


@then(parsers.parse("neither shift shows a count, and the unit shows {took:d} of {of:d}"))
def readiness_hidden(world: World, took: int, of: int) -> None:
    line = world.result.unit(world.extra["unit"])
    assert [(g.work_group, g.hidden, g.figure) for g in line.groups] == [
        ("days", True, None), ("nights", True, None)]
    figure = line.standing.figure
    assert (figure.participants, figure.eligible) == (took, of)


@then(parsers.parse("the night shift shows {took:d} of {of:d}"))
def readiness_shown(world: World, took: int, of: int) -> None:
    [nights] = [g for g in world.result.unit(world.extra["unit"]).groups
                if g.work_group == "nights"]
    assert not nights.hidden and (nights.figure.participants, nights.figure.eligible) == (
        took, of)


@given(parsers.parse("a drive at a workplace of {eligible:d} workers, {signed:d} of whom "
                     "signed cards"))
def drive(world: World, eligible: int, signed: int) -> None:
    drives = world.app.drives
    found = drives.start(workplace="Depanneur", employer="A shop", jurisdiction="QC",
                         union="CSN", eligible=eligible, on=date(2025, 1, 6), actor=ORGANIZER)
    drives.count_cards(found, signed=signed, on=date(2025, 1, 20), actor=ORGANIZER)
    world.extra["drive"] = found


@when(parsers.parse('{role} "{person}" reads the drive'))
def read_drive(world: World, role: str, person: str) -> None:
    world.result = world.attempt(lambda: world.app.drives.get(world.extra["drive"],
                                                              reader=Reader(person, role)))


@given(parsers.parse("{signed:d} cards counted a week later"))
def cards_later(world: World, signed: int) -> None:
    world.app.drives.count_cards(world.extra["drive"], signed=signed, on=date(2025, 1, 27),
                                 actor=ORGANIZER)


@given(parsers.parse("{signed:d} cards counted two weeks later"))
def cards_two_weeks_later(world: World, signed: int) -> None:
    world.app.drives.count_cards(world.extra["drive"], signed=signed, on=date(2025, 2, 3),
                                 actor=ORGANIZER)


@given(parsers.parse("{eligible:d} workers eligible a week later"))
def eligible_later(world: World, eligible: int) -> None:
    world.app.drives.count_eligible(world.extra["drive"], eligible=eligible,
                                    on=date(2025, 1, 27), actor=ORGANIZER)


@given(parsers.parse("a certification vote of the {eligible:d} where {cast:d} voted, {yes:d} "
                     "yes and {no:d} no"))
def drive_vote(world: World, eligible: int, cast: int, yes: int, no: int) -> None:
    world.app.drives.record_vote(world.extra["drive"], Vote(date(2025, 2, 8), Tally(
        eligible=eligible, cast=cast, yes=yes, no=no)), actor=ORGANIZER)


@when(parsers.parse('{role} "{person}" reads the drive as it was before the second count'))
def read_drive_before(world: World, role: str, person: str) -> None:
    world.result = world.attempt(lambda: world.app.drives.get(
        world.extra["drive"], on=date(2025, 1, 20), reader=Reader(person, role)))


@then(parsers.parse("the drive shows {cards:d} cards signed of {eligible:d}"))
def drive_shown(world: World, cards: int, eligible: int) -> None:
    assert (world.result.cards, world.result.eligible) == (cards, eligible)


def _leader_shown(entries: Any) -> str:
    found = [e for e in entries if e.event == "LeaderIdentified"]
    return str(found[0].data["personal"]["name"])


@when(parsers.parse('organizer "{person}" of another team reads the workplace\'s history'))
@when(parsers.parse('organizer "{person}" reads the workplace\'s history'))
def read_history(world: World, person: str) -> None:
    world.result = _leader_shown(world.app.history.of(_place(world),
                                                      reader=Reader(person, "organizer")))


@when("a committee member reads the audit log")
def committee_reads(world: World) -> None:
    out = io.StringIO()
    write_jsonl(world.app.history.audit_log(reader=Reader("c-1", "committee")), out)
    assert "Marie" not in out.getvalue()
    world.result = _leader_shown(world.app.history.audit_log(reader=Reader("c-1",
                                                                           "committee")))


@then(parsers.parse('the leader shows as "{shown}"'))
def leader_shown(world: World, shown: str) -> None:
    assert world.result == shown


@then(parsers.parse('an auditor sees that "{reader}" read the data of "{person}" through '
                    'the {through}'))
def reads_seen(world: World, reader: str, person: str, through: str) -> None:
    reads = world.app.people.reads_of(person, reader=AUDITOR)
    assert [(r.reader, r.through, r.record) for r in reads] == [
        (reader, through, _place(world))]


@when(parsers.parse('member "{person}" asks for the audit log'))
def member_asks(world: World, person: str) -> None:
    world.attempt(lambda: world.app.history.audit_log(reader=Reader(person, "member")))


@then(parsers.parse('the read is refused: "{words}"'))
def read_refused(world: World, words: str) -> None:
    assert str(world.refusal()) == words


@when(parsers.parse('the data steward erases worker "{person}" on {day}'))
def erase(world: World, person: str, day: str) -> None:
    world.app.people.erase(person, actor=STEWARD, on=date.fromisoformat(day))


# ------------------------------------------------------------------ retention


@given("the workplace DXT4 with leaders identified:", target_fixture="leaders")
def leaders(world: World, datatable: list[list[str]]) -> None:
    org = world.app.organizing
    place = org.register_workplace(name="DXT4", employer="Amazon", actor=STEWARD)
    team = org.form_team(name="Laval warehouses", kind="region", area="Laval",
                         on=date(2019, 1, 1), actor=STEWARD)
    org.join(team, person="csn-o1", role="organizer", on=date(2019, 1, 1), actor=STEWARD)
    org.support_workplace(team, workplace=place, on=date(2019, 1, 1), actor=STEWARD)
    org.add_group(place, name="Nights", kind="shift", workers=55, on=date(2019, 1, 1),
                  actor=STEWARD)
    for person, identified, took_part in datatable[1:]:
        org.identify_leader(place, group="Nights", person=person,
                            on=date.fromisoformat(identified), actor=STEWARD,
                            personal=PersonalData(person, name=f"Leader {person}"))
        if took_part:
            org.take_part(place, people=[person], activity="button day",
                          on=date.fromisoformat(took_part), actor=STEWARD)
    world.extra["place"] = place


@given(parsers.parse('the workplace DXT4 with a leader "{person}" identified five years ago, '
                     'entered today'))
def entered_today(world: World, person: str) -> None:
    org = world.app.organizing
    old = datetime.now(UTC).date() - timedelta(days=5 * 365)
    place = org.register_workplace(name="DXT4", employer="Amazon", actor=STEWARD)
    org.add_group(place, name="Nights", kind="shift", workers=55, on=old, actor=STEWARD)
    org.identify_leader(place, group="Nights", person=person, on=old, actor=STEWARD,
                        personal=PersonalData(person, name=f"Leader {person}"))
    world.extra["place"] = place


def _run_day(before: int = 0) -> date:
    """Today (UTC), read after the records were entered, or that many days before."""
    return datetime.now(UTC).date() - timedelta(days=before)


@when(parsers.parse('the data steward runs the policy "{policy}" today as a dry run'))
@when(parsers.parse('the data steward runs the policy "{policy}" {before:d} days before today '
                    'as a dry run'))
def dry_run_relative(world: World, policy: str, before: int = 0) -> None:
    world.before = position(world.app)
    world.result = world.app.people.apply_retention(
        POLICIES[policy], on=_run_day(before), actor=STEWARD, dry_run=True)


@when(parsers.parse('the data steward runs the policy "{policy}" today'))
@when(parsers.parse('the data steward runs the policy "{policy}" {before:d} days before today'))
def run_relative(world: World, policy: str, before: int = 0) -> None:
    world.before = position(world.app)
    world.result = world.app.people.apply_retention(
        POLICIES[policy], on=_run_day(before), actor=STEWARD)


@then(parsers.parse('"{person}" reads as "erased person"'))
def reads_erased(world: World, person: str) -> None:
    standing = {s.person: s.personal for s in world.app.organizing.leaders(_place(world))}
    assert standing[person].shown() == "erased person"
    assert world.app.people.erasure(person) is not None


@when(parsers.parse('the data steward runs the policy "{policy}" on {day} as a dry run'))
def dry_run(world: World, policy: str, day: str) -> None:
    world.before = position(world.app)
    world.result = world.app.people.apply_retention(
        POLICIES[policy], on=date.fromisoformat(day), actor=STEWARD, dry_run=True)


@when(parsers.parse('the data steward runs the policy "{policy}" on {day}'))
def run(world: World, policy: str, day: str) -> None:
    world.before = position(world.app)
    world.result = world.app.people.apply_retention(
        POLICIES[policy], on=date.fromisoformat(day), actor=STEWARD)


@then(parsers.parse('it would erase "{person}" and has recorded nothing'))
def would_erase(world: World, person: str) -> None:
    assert world.result.erased == (person,)
    world.nothing_recorded()


@then(parsers.parse('"{gone}" reads as "erased person" and "{kept}" and "{other}" read as '
                    'recorded'))
def erased_and_kept(world: World, gone: str, kept: str, other: str) -> None:
    standing = {s.person: s.personal for s in world.app.organizing.leaders(
        _place(world), on=date(2026, 6, 1), reader=Reader("csn-o1", "organizer"))}
    assert standing[gone].shown() == "erased person"
    assert standing[kept].name == f"Leader {kept}" and standing[other].name == f"Leader {other}"


@then(parsers.parse('the run is recorded: "{words}"'))
def run_recorded(world: World, words: str) -> None:
    [entry] = world.app.history.of(world.result.record)
    assert words in entry.summary and entry.data["erased"] == list(world.result.erased)


@then("it erases nobody and nothing new is recorded")
def nobody(world: World) -> None:
    assert world.result.erased == ()
    world.nothing_recorded()
