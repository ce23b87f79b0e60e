"""Step definitions for drives.feature: the Amazon DXT4 drive to certification and its first
contract, a certification short of the threshold, a dismissed drive."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from uuid import UUID, uuid4

import pytest
from pytest_bdd import given, parsers, then, when

from bargaining import CARD_CHECK, Actor, BargainingApp, Flag
from tests.refusals import Refusals

ORGANIZER = Actor("csn-1", "CSN organizer")


@dataclass
class Drive(Refusals):
    app: BargainingApp
    drive: UUID | None = None
    unit: UUID | None = None
    round: UUID | None = None
    flags: tuple[Flag, ...] = ()
    place: UUID | None = None
    linked: UUID | None = None

    @property
    def record(self) -> UUID:
        assert self.drive is not None, "the scenario has no drive"
        return self.drive


@pytest.fixture
def drive() -> Iterator[Drive]:
    app = BargainingApp("memory")
    state = Drive(app)
    yield state
    app.close()
    state.ok()


def day(text: str) -> date:
    return date.fromisoformat(text)


@given(parsers.parse("the CSN starts a drive at the Amazon DXT4 warehouse in Laval, {region}, "
                     "of {eligible:d} workers, on {on}"))
def started(drive: Drive, region: str, eligible: int, on: str) -> None:
    drive.drive = drive.app.drives.start(workplace="DXT4 Laval", employer="Amazon Canada",
                                         jurisdiction=region, union="CSN", eligible=eligible,
                                         on=day(on), actor=ORGANIZER)


@given("the organizing context has mapped the warehouse DXT4 of Amazon")
def mapped_place(drive: Drive) -> None:
    drive.place = drive.app.organizing.register_workplace(name="DXT4", employer="Amazon",
                                                          region="Laval", actor=ORGANIZER)


@when(parsers.parse("the CSN starts a drive at the mapped warehouse DXT4, of {eligible:d} "
                    "workers, on {on}"))
def started_mapped(drive: Drive, eligible: int, on: str) -> None:
    drive.linked = drive.app.drives.start(workplace="DXT4 Laval", employer="Amazon Canada",
                                          jurisdiction="QC", union="CSN", eligible=eligible,
                                          on=day(on), actor=ORGANIZER, workplace_id=drive.place)


@then("the drive names the mapped warehouse, and the drive started before the mapping names "
      "none")
def names_mapped(drive: Drive) -> None:
    assert drive.linked is not None and drive.place is not None
    assert drive.app.drives.get(drive.linked).workplace_id == drive.place
    assert drive.app.drives.get(drive.record).workplace_id is None


@when(parsers.parse("the CSN starts a drive at a workplace the organizing context does not "
                    "know, on {on}"))
def started_unknown(drive: Drive, on: str) -> None:
    drive.attempt(lambda: drive.app.drives.start(
        workplace="DXT4 Laval", employer="Amazon Canada", jurisdiction="QC", union="CSN",
        eligible=230, on=day(on), actor=ORGANIZER, workplace_id=uuid4()))


@when(parsers.parse("{signed:d} workers have signed cards by {on}"))
def cards(drive: Drive, signed: int, on: str) -> None:
    drive.app.drives.count_cards(drive.record, signed=signed, on=day(on), actor=ORGANIZER)


@when(parsers.parse("the organizer records {signed:d} cards signed by {on}"))
@when(parsers.parse("when the organizer records {signed:d} cards signed by {on}"))
@then(parsers.parse("when the organizer records {signed:d} cards signed by {on}"))
def try_cards(drive: Drive, signed: int, on: str) -> None:
    drive.attempt(lambda: drive.app.drives.count_cards(drive.record, signed=signed, on=day(on),
                                                       actor=ORGANIZER))


@then(parsers.parse('the cards call for a certification vote: "{words}"'))
@then(parsers.parse('the cards certify on their own: "{words}"'))
def route(drive: Drive, words: str) -> None:
    assert words in drive.app.drives.route(drive.record)


@when(parsers.parse("the CSN files its application with the {board} on {on}"))
def filed(drive: Drive, board: str, on: str) -> None:
    drive.app.drives.file_application(drive.record, on=day(on), board=board,
                                      source="TAT file (illustrative)", actor=ORGANIZER)


@when(parsers.parse("the tribunal certifies the CSN by card check on {on}"))
def certified(drive: Drive, on: str) -> None:
    drive.unit, drive.flags = drive.app.drives.certify(
        drive.record, on=day(on), method=CARD_CHECK, source="TAT decision (illustrative)",
        local="DXT4", unit_name="Warehouse workers", actor=ORGANIZER)


@then("the certification is recorded without a flag")
def no_flag(drive: Drive) -> None:
    assert drive.flags == ()
    assert drive.app.drives.get(drive.record).status == "certified"


@then(parsers.parse('the certification is flagged: "{words}"'))
def flagged(drive: Drive, words: str) -> None:
    [flag] = drive.flags
    assert words in flag.why
    assert drive.app.drives.get(drive.record).flags == [flag]


@then(parsers.parse('"{label}" is a bargaining unit of {workers:d} workers with no agreement '
                    'yet'))
def unit(drive: Drive, label: str, workers: int) -> None:
    assert drive.unit is not None
    found = drive.app.units.get(drive.unit)
    assert (found.label, found.headcount, found.current_agreement) == (label, workers, None)


@when(parsers.parse("first-contract bargaining opens on {on}"))
def first_contract(drive: Drive, on: str) -> None:
    drive.round = drive.app.drives.open_first_contract(drive.record, on=day(on),
                                                       actor=ORGANIZER)


@then(parsers.parse("a bargaining round of the unit is open, notice served on {on}"))
def round_open(drive: Drive, on: str) -> None:
    assert drive.round is not None
    opened = drive.app.rounds.get(drive.round)
    assert (opened.unit_ids, opened.notice_served) == ((drive.unit,), day(on))


@then(parsers.parse("on {on} the drive had {signed:d} cards signed and no application filed"))
def as_it_was(drive: Drive, on: str, signed: int) -> None:
    then = drive.app.drives.get(drive.record, on=day(on))
    assert (then.cards, then.filed_on, then.status) == (signed, None, "organizing")


@when(parsers.parse('the tribunal dismisses the application on {on} because "{grounds}"'))
def dismissed(drive: Drive, on: str, grounds: str) -> None:
    drive.app.drives.dismiss(drive.record, on=day(on), grounds=grounds,
                             source="TAT decision (illustrative)", actor=ORGANIZER)


@then("the drive reads as dismissed")
def reads_dismissed(drive: Drive) -> None:
    assert drive.app.drives.get(drive.record).status == "dismissed"


@then(parsers.parse('it is refused: "{words}"'))
def refused(drive: Drive, words: str) -> None:
    assert words in str(drive.refusal())


@then("nothing new is recorded")
def nothing(drive: Drive) -> None:
    drive.nothing_recorded()
