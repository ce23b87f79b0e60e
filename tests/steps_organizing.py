"""Step definitions for organizing.feature: Amazon DXT4 in Laval, mapped shift by shift."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from uuid import UUID, uuid4

import pytest
from pytest_bdd import given, parsers, then, when

from bargaining import Actor, BargainingApp, GroupTest, MapCount
from tests.refusals import Refusals

CSN = Actor("csn-o1", "CSN organizer")


def rows(datatable: list[list[str]]) -> list[dict[str, str]]:
    head, *body = datatable
    return [dict(zip(head, row, strict=True)) for row in body]


@dataclass
class Drive(Refusals):
    app: BargainingApp
    team: UUID | None = None
    place: UUID | None = None
    groups: list[str] = field(default_factory=list)

    @property
    def workplace(self) -> UUID:
        assert self.place is not None, "the scenario has no workplace"
        return self.place


@pytest.fixture
def drive() -> Iterator[Drive]:
    app = BargainingApp("memory")
    state = Drive(app)
    yield state
    app.close()
    state.ok()


@given(parsers.parse('the area team "{name}" for the region "{area}", formed on {on}'))
def team(drive: Drive, name: str, area: str, on: str) -> None:
    drive.team = drive.app.organizing.form_team(name=name, kind="region", area=area,
                                                on=date.fromisoformat(on), actor=CSN)


@given(parsers.parse('"{organizer}" joined the team as an organizer and "{volunteer}" as a '
                     'volunteer on {on}'))
def members(drive: Drive, organizer: str, volunteer: str, on: str) -> None:
    assert drive.team is not None
    for person, role in ((organizer, "organizer"), (volunteer, "volunteer")):
        drive.app.organizing.join(drive.team, person=person, role=role,
                                  on=date.fromisoformat(on), actor=CSN)


@given(parsers.parse('"{person}" joined the team as an organizer on {on}'))
def organizer_joined(drive: Drive, person: str, on: str) -> None:
    assert drive.team is not None
    drive.app.organizing.join(drive.team, person=person, role="organizer",
                              on=date.fromisoformat(on), actor=CSN)


@when(parsers.parse('"{person}" left the team on {on}'))
def left_team(drive: Drive, person: str, on: str) -> None:
    assert drive.team is not None
    drive.app.organizing.leave(drive.team, person=person, on=date.fromisoformat(on), actor=CSN,
                               reason="took a staff job")


@when(parsers.parse('the workplace "{name}" of "{employer}" is recorded as unionized in a '
                     'bargaining unit nobody registered'))
def workplace_of_unknown_unit(drive: Drive, name: str, employer: str) -> None:
    drive.attempt(lambda: drive.app.organizing.register_workplace(
        name=name, employer=employer, unit=uuid4(), actor=CSN))


@given(parsers.parse('the workplace "{name}" of "{employer}", supported by the team from {on}'))
def workplace(drive: Drive, name: str, employer: str, on: str) -> None:
    assert drive.team is not None
    drive.place = drive.app.organizing.register_workplace(name=name, employer=employer,
                                                          region="Laval",
                                                          sector="warehousing", actor=CSN)
    drive.app.organizing.support_workplace(drive.team, workplace=drive.place,
                                           on=date.fromisoformat(on), actor=CSN)


@given("its work groups by shift:")
def shifts(drive: Drive, datatable: list[list[str]]) -> None:
    for row in rows(datatable):
        drive.app.organizing.add_group(drive.workplace, name=row["shift"], kind="shift",
                                       workers=int(row["workers"]), on=date(2023, 10, 1),
                                       actor=CSN)
        drive.groups.append(row["shift"])


@when(parsers.parse("the shifts are mapped on {on}:"))
def mapped(drive: Drive, on: str, datatable: list[list[str]]) -> None:
    for row in rows(datatable):
        count = MapCount(workers=int(row["workers"]), mapped=int(row["mapped"]),
                         contacts=int(row["contacts"]), leaders=int(row["leaders"]),
                         support=tuple(int(row[f"at {n}"]) for n in range(1, 6)))
        drive.app.organizing.record_map(drive.workplace, group=row["shift"], count=count,
                                        on=date.fromisoformat(on), actor=CSN)


@then(parsers.parse("{mapped:d} of {workers:d} workers are mapped"))
def all_mapped(drive: Drive, mapped: int, workers: int) -> None:
    groups = drive.app.organizing.workplace(drive.workplace).groups.values()
    assert sum(g.map.mapped for g in groups) == mapped
    assert sum(g.map.workers for g in groups) == workers


@when(parsers.parse("these workers are identified as possible leaders on {on}:"))
def identified(drive: Drive, on: str, datatable: list[list[str]]) -> None:
    for row in rows(datatable):
        for person in row["leaders"].split(", "):
            drive.app.organizing.identify_leader(drive.workplace, group=row["shift"],
                                                 person=person, on=date.fromisoformat(on),
                                                 actor=CSN)


@when(parsers.parse("each leader leads a majority petition of their shift on {on}:"))
def petitions(drive: Drive, on: str, datatable: list[list[str]]) -> None:
    by_shift = {row["shift"]: row for row in rows(datatable)}
    for leader in drive.app.organizing.leaders(drive.workplace):
        row = by_shift[leader.group]
        drive.app.organizing.hold_test(
            drive.workplace, GroupTest(group=leader.group, kind="majority petition",
                                       eligible=int(row["eligible"]),
                                       participants=int(row["signed"]),
                                       on=date.fromisoformat(on), leader=leader.person),
            actor=CSN)


@then(parsers.parse("the leaders of Days, Evenings and Nights are proven on {on}, and none "
                    "of Weekends"))
def proven(drive: Drive, on: str) -> None:
    for leader in drive.app.organizing.leaders(drive.workplace):
        expected = None if leader.group == "Weekends" else date.fromisoformat(on)
        assert leader.proven_on == expected, leader.person


@then(parsers.parse("the coverage on {on} is:"))
def coverage(drive: Drive, on: str, datatable: list[list[str]]) -> None:
    found = drive.app.organizing.coverage(drive.workplace, on=date.fromisoformat(on))
    for row in rows(datatable):
        group = found.group(row["shift"])
        assert (group.workers, group.proven, group.needed, group.met) == (
            int(row["workers"]), int(row["proven"]), int(row["needed"]), row["met"] == "yes")


@then(parsers.parse("on {on}, before the petitions, no leader was proven"))
def none_proven(drive: Drive, on: str) -> None:
    leaders = drive.app.organizing.leaders(drive.workplace, on=date.fromisoformat(on))
    assert len(leaders) == 21 and not any(leader.proven for leader in leaders)


@then(parsers.parse('the organizers of DXT4 on {on} are "{people}"'))
def organizers(drive: Drive, on: str, people: str) -> None:
    found = drive.app.organizing.organizers_of(drive.workplace, on=date.fromisoformat(on))
    assert found == frozenset(people.split('", "'))


@given(parsers.parse('"{person}" is identified as a possible leader of {group} on {on}'))
@when(parsers.parse('"{person}" is identified as a possible leader of "{group}" on {on}'))
def identify(drive: Drive, person: str, group: str, on: str) -> None:
    drive.attempt(lambda: drive.app.organizing.identify_leader(
        drive.workplace, group=group, person=person, on=date.fromisoformat(on), actor=CSN))


@given(parsers.parse('"{person}" leads a majority petition of {group} on {on}, signed by '
                     '{signed:d} of {eligible:d}'))
@when(parsers.parse('"{person}" leads a majority petition of {group} on {on}, signed by '
                    '{signed:d} of {eligible:d}'))
def leads(drive: Drive, person: str, group: str, on: str, signed: int, eligible: int) -> None:
    drive.attempt(lambda: drive.app.organizing.hold_test(
        drive.workplace, GroupTest(group=group, kind="majority petition", eligible=eligible,
                                   participants=signed, on=date.fromisoformat(on),
                                   leader=person), actor=CSN))


@when(parsers.parse('"{person}" takes part in "{activity}" on {on}'))
def takes_part(drive: Drive, person: str, activity: str, on: str) -> None:
    drive.app.organizing.take_part(drive.workplace, people=[person], activity=activity,
                                   on=date.fromisoformat(on), actor=CSN)


@then(parsers.parse('"{person}" is active on {on} within {days:d} days'))
def active(drive: Drive, person: str, on: str, days: int) -> None:
    found = {s.person: s for s in drive.app.organizing.leaders(
        drive.workplace, on=date.fromisoformat(on), active_within=days)}
    assert found[person].active


@then(parsers.parse('"{person}" is not active on {on} within {days:d} days'))
def inactive(drive: Drive, person: str, on: str, days: int) -> None:
    found = {s.person: s for s in drive.app.organizing.leaders(
        drive.workplace, on=date.fromisoformat(on), active_within=days)}
    assert found[person].proven and not found[person].active


@when(parsers.parse("{group} is mapped on {on} with {workers:d} workers, {mapped:d} mapped and "
                    "support assessed for {assessed:d}"))
def mapped_badly(drive: Drive, group: str, on: str, workers: int, mapped: int,
                 assessed: int) -> None:
    drive.attempt(lambda: drive.app.organizing.record_map(
        drive.workplace, group=group, on=date.fromisoformat(on), actor=CSN,
        count=MapCount(workers=workers, mapped=mapped, support=(assessed, 0, 0, 0, 0))))


@then(parsers.parse('it is refused: "{words}"'))
def refused(drive: Drive, words: str) -> None:
    assert words in str(drive.refusal())


@then("nothing new is recorded")
def nothing(drive: Drive) -> None:
    drive.nothing_recorded()
