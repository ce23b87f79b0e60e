"""Step definitions for dxt4_drive.feature: the organizer network and the drive to
certification of Amazon's DXT4 warehouse in Laval, told as one story."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from uuid import UUID

import pytest
from pytest_bdd import given, parsers, then, when

from bargaining import CARD_CHECK, Actor, BargainingApp, Flag, GroupTest, MapCount, PlanGoal

CSN = Actor("csn-o1", "CSN organizer")


def day(text: str) -> date:
    return date.fromisoformat(text)


def rows(datatable: list[list[str]]) -> list[dict[str, str]]:
    head, *body = datatable
    return [dict(zip(head, row, strict=True)) for row in body]


@dataclass
class Story:
    app: BargainingApp
    team: UUID | None = None
    place: UUID | None = None
    plan: UUID | None = None
    drive: UUID | None = None
    unit: UUID | None = None
    round: UUID | None = None
    flags: tuple[Flag, ...] = ()
    leaders: dict[str, str] = field(default_factory=dict)

    @property
    def dxt4(self) -> UUID:
        assert self.place is not None, "the story has no warehouse"
        return self.place

    @property
    def record(self) -> UUID:
        assert self.drive is not None, "the story has no drive"
        return self.drive


@pytest.fixture
def story() -> Iterator[Story]:
    app = BargainingApp("memory")
    yield Story(app)
    app.close()


@given(parsers.parse('the area team "{name}" for the region "{area}" supports the local '
                     '"{local}" and the warehouse DXT4 of Amazon from {on}'))
def team(story: Story, name: str, area: str, local: str, on: str) -> None:
    org = story.app.organizing
    story.team = org.form_team(name=name, kind="region", area=area, on=day(on), actor=CSN)
    org.join(story.team, person="csn-o1", role="organizer", on=day(on), actor=CSN)
    org.support_local(story.team, local=local, on=day(on), actor=CSN)
    story.place = org.register_workplace(name="DXT4", employer="Amazon", region=area,
                                         sector="warehousing", actor=CSN)
    org.support_workplace(story.team, workplace=story.place, on=day(on), actor=CSN)


@given(parsers.parse("its shifts are added on {on}:"))
def shifts(story: Story, on: str, datatable: list[list[str]]) -> None:
    for row in rows(datatable):
        story.app.organizing.add_group(story.dxt4, name=row["shift"], kind="shift",
                                       workers=int(row["workers"]), on=day(on), actor=CSN)


@given(parsers.parse('"{local}" adopts an organizing plan on {on}: map {percent:d}% of DXT4 '
                     'by {mapped_by}, one leader per ten workers, and a majority petition in '
                     'every shift by {petition_by}'))
def plan(story: Story, local: str, on: str, percent: int, mapped_by: str,
         petition_by: str) -> None:
    story.plan = story.app.organizing.adopt_plan(
        local=local, name="Certify DXT4", on=day(on), actor=CSN,
        goals=[PlanGoal.map(story.dxt4, percent=percent, by=day(mapped_by)),
               PlanGoal.leaders(story.dxt4),
               PlanGoal.petition(story.dxt4, by=day(petition_by))])


@given(parsers.parse("the CSN starts a drive at DXT4, of {eligible:d} workers, on {on}"))
def drive(story: Story, eligible: int, on: str) -> None:
    story.drive = story.app.drives.start(
        workplace="DXT4 Laval", employer="Amazon Canada", jurisdiction="QC", union="CSN",
        eligible=eligible, on=day(on), actor=CSN, workplace_id=story.dxt4)


@when(parsers.parse("the shifts are mapped on {on}:"))
def mapped(story: Story, on: str, datatable: list[list[str]]) -> None:
    for row in rows(datatable):
        story.app.organizing.record_map(
            story.dxt4, group=row["shift"], on=day(on), actor=CSN,
            count=MapCount(workers=int(row["workers"]), mapped=int(row["mapped"])))


@when(parsers.parse("each shift's leader is identified on {identified} and leads a majority "
                    "petition of the shift on {held}:"))
def petitions(story: Story, identified: str, held: str, datatable: list[list[str]]) -> None:
    for row in rows(datatable):
        story.leaders[row["shift"]] = row["leader"]
        story.app.organizing.identify_leader(story.dxt4, group=row["shift"],
                                             person=row["leader"], on=day(identified),
                                             actor=CSN)
        story.app.organizing.hold_test(story.dxt4, GroupTest(
            group=row["shift"], kind="majority petition", eligible=int(row["eligible"]),
            participants=int(row["signed"]), on=day(held), leader=row["leader"]), actor=CSN)


@when(parsers.parse('{count:d} workers of "{local}" are trained in house calls by "{trainer}" '
                    'on {on}'))
def trained(story: Story, count: int, local: str, trainer: str, on: str) -> None:
    story.app.training.hold_session(topic="house calls", on=day(on), trainer=trainer,
                                    trainees=[f"t-{n}" for n in range(1, count + 1)],
                                    local=local, actor=CSN)


@then(parsers.parse("every shift's leader is proven on {on}"))
def proven(story: Story, on: str) -> None:
    standings = story.app.organizing.leaders(story.dxt4, on=day(on))
    assert {s.group: (s.person, s.proven_on) for s in standings} == {
        shift: (person, day(on)) for shift, person in story.leaders.items()}


@then(parsers.parse("on {on} the plan has mapped {mapped}% of {aim:d}% and passed a petition "
                    "in {passed:d} of {shifts:d} shifts"))
def plan_progress(story: Story, on: str, mapped: str, aim: int, passed: int,
                  shifts: int) -> None:
    assert story.plan is not None
    goals = story.app.organizing.progress(story.plan, on=day(on))
    done = {g.goal.kind.name: g for g in goals}
    assert round(float(done["MAP"].done), 1) == float(mapped) and done["MAP"].of == aim
    assert done["MAP"].reached and not done["MAP"].late
    assert (done["PETITION"].done, done["PETITION"].of) == (passed, shifts)
    assert done["PETITION"].reached


@when(parsers.parse("{signed:d} workers have signed cards by {on}"))
def cards(story: Story, signed: int, on: str) -> None:
    story.app.drives.count_cards(story.record, signed=signed, on=day(on), actor=CSN)


@then(parsers.parse('the cards certify on their own: "{words}"'))
def route(story: Story, words: str) -> None:
    assert words in story.app.drives.route(story.record)


@when(parsers.parse("the CSN files its application with the {board} on {on}"))
def filed(story: Story, board: str, on: str) -> None:
    story.app.drives.file_application(story.record, on=day(on), board=board,
                                      source="TAT file (illustrative)", actor=CSN)


@when(parsers.parse("the tribunal certifies the CSN by card check on {on}"))
def certified(story: Story, on: str) -> None:
    story.unit, story.flags = story.app.drives.certify(
        story.record, on=day(on), method=CARD_CHECK, source="TAT decision (illustrative)",
        local="DXT4", unit_name="Warehouse workers", actor=CSN)


@then("the certification is recorded without a flag")
def no_flag(story: Story) -> None:
    assert story.flags == ()
    found = story.app.drives.get(story.record)
    assert (found.status, found.workplace_id) == ("certified", story.dxt4)


@when(parsers.parse("the four leaders take part in the certification rally on {on}"))
def rally(story: Story, on: str) -> None:
    story.app.organizing.take_part(story.dxt4, people=sorted(story.leaders.values()),
                                   activity="the certification rally", on=day(on), actor=CSN)


@then(parsers.parse('"{label}" is a bargaining unit of {workers:d} workers with no agreement '
                    'yet'))
def unit(story: Story, label: str, workers: int) -> None:
    assert story.unit is not None
    found = story.app.units.get(story.unit)
    assert (found.label, found.headcount, found.current_agreement) == (label, workers, None)


@when(parsers.parse("first-contract bargaining opens on {on}"))
def first_contract(story: Story, on: str) -> None:
    story.round = story.app.drives.open_first_contract(story.record, on=day(on), actor=CSN)


@then(parsers.parse("a bargaining round of the unit is open, notice served on {on}"))
def round_open(story: Story, on: str) -> None:
    assert story.round is not None
    opened = story.app.rounds.get(story.round)
    assert (opened.unit_ids, opened.notice_served) == ((story.unit,), day(on))


@then("the network's measures by quarter of the first half of 2024 are:")
def measures(story: Story, datatable: list[list[str]]) -> None:
    found = story.app.network.series(period="quarter", since=date(2024, 1, 1),
                                     until=date(2024, 6, 30), area="Laval")
    table = [["quarter", "locals with real plans", "active leaders", "participants",
              "rank-and-file", "elected officers"]]
    table += [[r.starts.isoformat(), *(str(n) for n in (
        r.locals_with_real_plans, r.active_leaders, r.participants, r.rank_and_file,
        r.elected_officers))] for r in found.readings]
    assert table == datatable, (table, datatable)
