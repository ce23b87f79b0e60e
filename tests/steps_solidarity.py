"""Step definitions for solidarity.feature: the Front commun's non-raiding pact, solidarity
actions and Alliance Ouvrière's public-sector caucus."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from uuid import UUID

import pytest
from pytest_bdd import given, parsers, then, when

from bargaining import PICKET_LINE, STRIKE_FUND, Actor, BargainingApp, Flag, FlagRule, Money
from tests.refusals import Refusals

SECRETARY = Actor("sec-1", "Front commun secretariat")
ORGANIZER = Actor("ao-3", "caucus organizer")


@dataclass
class Front(Refusals):
    app: BargainingApp
    pact: UUID | None = None
    caucus: UUID | None = None
    flags: tuple[Flag, ...] = ()

    @property
    def record(self) -> UUID:
        assert self.pact is not None, "the scenario has no pact"
        return self.pact

    @property
    def the_caucus(self) -> UUID:
        assert self.caucus is not None, "the scenario has no caucus"
        return self.caucus


@pytest.fixture
def front() -> Iterator[Front]:
    app = BargainingApp("memory")
    state = Front(app)
    yield state
    app.close()
    state.ok()


def names(text: str) -> list[str]:
    return re.split(r", | and ", text)


@given(parsers.parse("the Front commun's unions sign a non-raiding pact for {region} on "
                     "{on}:"))
def pact(front: Front, region: str, on: str, datatable: list[list[str]]) -> None:
    front.pact = front.app.solidarity.sign(
        name="Front commun 2023", signatories={s: [c] for s, c in datatable[1:]},
        on=date.fromisoformat(on), non_raiding=True, jurisdiction=region,
        ends=date(2023, 12, 31), actor=SECRETARY)


@when(parsers.parse('the {by} files a certification application on {on} for "{unit}", which '
                    'the {against} represents under an agreement expiring {expiry}'))
def raid(front: Front, by: str, on: str, unit: str, against: str, expiry: str) -> None:
    flags = front.attempt(lambda: front.app.solidarity.record_raid(
        front.record, by=by, against=against, unit=unit, kind="certification application",
        on=date.fromisoformat(on), expiry=date.fromisoformat(expiry),
        source="labour tribunal's notice", actor=SECRETARY))
    front.flags = flags or ()


@then(parsers.parse('the raid is recorded, flagged as a breach of the pact "{words}"'))
def flagged(front: Front, words: str) -> None:
    front.ok()
    assert [f.rule for f in front.flags] == [FlagRule.RAID_BREACHES_PACT]
    assert words in front.flags[0].why


@then(parsers.parse("every signatory sees the breach: {signatories}"))
def seen(front: Front, signatories: str) -> None:
    for signatory in names(signatories):
        [breach] = front.app.solidarity.breaches(front.record, seen_by=signatory)
        assert (breach["by"], breach["against"]) == ("CSQ", "APTS")
    assert front.app.solidarity.breaches(front.record, seen_by="CSN",
                                         on=date(2022, 7, 19)) == []


@then(parsers.parse('the history of the pact reads "{words}"'))
def history(front: Front, words: str) -> None:
    summaries = [e.summary for e in front.app.history.of(front.record)]
    assert any(words in s and FlagRule.RAID_BREACHES_PACT.value in s for s in summaries)


@then(parsers.parse('it is refused: "{words}"'))
def refused(front: Front, words: str) -> None:
    assert words in str(front.refusal())


@then("nothing new is recorded")
def nothing(front: Front) -> None:
    front.nothing_recorded()


@when(parsers.parse("{local} joins the {supported}'s picket line on {on} with {people:d} "
                    "people"))
def picket(front: Front, local: str, supported: str, on: str, people: int) -> None:
    front.app.solidarity.record_action(front.record, by=local, supporting=supported,
                                       kind=PICKET_LINE, on=date.fromisoformat(on),
                                       people=people, actor=SECRETARY)


@when(parsers.parse("the {by} sends {amount} {currency} from its strike fund to the "
                    "{supported} on {on}"))
def transfer(front: Front, by: str, amount: str, currency: str, supported: str,
             on: str) -> None:
    front.app.solidarity.record_action(
        front.record, by=by, supporting=supported, kind=STRIKE_FUND, on=date.fromisoformat(on),
        amount=Money(amount.replace(",", ""), currency), actor=SECRETARY)


@then(parsers.parse("the pact counts {actions:d} solidarity actions, {people:d} people and "
                    "{amount} {currency} sent"))
def counts(front: Front, actions: int, people: int, amount: str, currency: str) -> None:
    found = front.app.solidarity.get(front.record)
    assert (found.actions, found.people) == (actions, people)
    assert found.transferred == {currency: Money(amount.replace(",", ""), currency).amount}


@when(parsers.parse("Alliance Ouvrière's public-sector caucus is formed in Montreal on {on} "
                    "from the {origin}, across {unions}"))
def caucus(front: Front, on: str, origin: str, unions: str) -> None:
    front.caucus = front.app.caucuses.form(
        name="Alliance Ouvrière public-sector caucus", unions=names(unions),
        on=date.fromisoformat(on), origin=f"the {origin}", actor=ORGANIZER,
        reason="formed at Alliance Ouvrière's first congress, Montreal")


@when("these locals join it:")
def locals_join(front: Front, datatable: list[list[str]]) -> None:
    for local, members, on in datatable[1:]:
        front.app.caucuses.join(front.the_caucus, local=local, members=int(members),
                                on=date.fromisoformat(on), actor=ORGANIZER)


@then(parsers.parse("the caucus has {locals_:d} locals and {members:d} members"))
def has(front: Front, locals_: int, members: int) -> None:
    found = front.app.caucuses.get(front.the_caucus)
    assert (len(found.locals), found.members) == (locals_, members)
    assert found.origin == "the Common Front solidarity campaign"


@then(parsers.parse("on {on} it had {locals_:d} locals and {members:d} members"))
def had(front: Front, on: str, locals_: int, members: int) -> None:
    found = front.app.caucuses.get(front.the_caucus, on=date.fromisoformat(on))
    assert (len(found.locals), found.members) == (locals_, members)


@when(parsers.parse('member "{person}" joins it on {on}'))
def member_joins(front: Front, person: str, on: str) -> None:
    front.attempt(lambda: front.app.caucuses.enrol(
        front.the_caucus, person=person, on=date.fromisoformat(on), actor=ORGANIZER))


@when(parsers.parse('member "{person}" leaves it on {on}'))
def member_leaves(front: Front, person: str, on: str) -> None:
    front.app.caucuses.withdraw(front.the_caucus, person=person, on=date.fromisoformat(on),
                                actor=ORGANIZER)


@then(parsers.parse('the caucus\'s members by id are {people}'))
def members_now(front: Front, people: str) -> None:
    found = front.app.caucuses.get(front.the_caucus)
    assert sorted(found.people) == [p.strip('"') for p in names(people)]


@then(parsers.parse("on {on} its members by id were {people}"))
def members_then(front: Front, on: str, people: str) -> None:
    found = front.app.caucuses.get(front.the_caucus, on=date.fromisoformat(on))
    assert sorted(found.people) == [p.strip('"') for p in names(people)]
