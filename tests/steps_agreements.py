"""Steps of agreements.feature: agreements, profile changes, corrections and history."""

from __future__ import annotations

from typing import Any

from pytest_bdd import given, parsers, then, when

from bargaining import CollectiveAgreement
from tests.steps_common import FACTS, Q, World, a_day, day, fact, table_rows

AGREEMENT = (
    r"(?:effective (?P<effective>\d{4}-\d\d-\d\d)|with an unknown effective date)"
    r" expiring (?P<expiry>\d{4}-\d\d-\d\d)"
)
FACT = "(?P<fact>" + "|".join(FACTS) + ")"


def agreements(unit: Any) -> list[tuple[str, str]]:
    return [
        (a.effective.isoformat() if a.effective else "", a.expiry.isoformat())
        for a in unit.agreements
    ]


@given(parsers.re(f"the unit has an agreement {AGREEMENT}"))
def has_agreement(world: World, effective: str | None, expiry: str) -> None:
    assert world.unit is not None
    world.app.units.record_agreement(world.unit, effective=day(effective), expiry=a_day(expiry),
                                     actor=world.setup_actor)


@when(parsers.re(f"I record an agreement {AGREEMENT}"))
def record_agreement(world: World, effective: str | None, expiry: str) -> None:
    assert world.unit is not None
    uid = world.unit
    world.attempt(lambda: world.app.units.record_agreement(
        uid, effective=day(effective), expiry=a_day(expiry), actor=world.actor))  # type: ignore[arg-type]


@when(parsers.re(
    r"I change the unit's {} to {}(?: because {})?".format(FACT, Q.format("value"), Q.format("why"))
))
def change_fact(world: World, fact: str, value: str, why: str | None) -> None:
    assert world.unit is not None
    uid = world.unit
    command = getattr(world.app.units, f"change_{FACTS[fact]}")
    new: object = int(value) if FACTS[fact] == "headcount" else value
    world.attempt(lambda: command(uid, new, actor=world.actor, reason=why))


@when(parsers.re(
    r"I correct the agreement expiring (?P<expiry>\S+) to run from (?P<effective>\S+) to"
    r" (?P<new_expiry>\S+) because {}".format(Q.format("why"))
))
def correct(world: World, expiry: str, effective: str, new_expiry: str, why: str) -> None:
    assert world.unit is not None
    uid = world.unit
    world.attempt(lambda: world.app.units.correct_agreement(
        uid, expiry=a_day(expiry), actor=world.actor,  # type: ignore[arg-type]
        corrected=CollectiveAgreement(expiry=a_day(new_expiry), effective=day(effective)),
        reason=why))


@then(parsers.re(r"the unit's current agreement runs from (?P<start>\S+) to (?P<end>\S+)"))
def current_runs(world: World, start: str, end: str) -> None:
    current = world.current().current_agreement
    assert current is not None
    assert (current.effective, current.expiry) == (a_day(start), a_day(end))


@then(parsers.re(
    r"the unit's current agreement has an unknown effective date and expires (?P<end>\S+)"
))
def current_unknown_start(world: World, end: str) -> None:
    current = world.current().current_agreement
    assert current is not None
    assert (current.effective, current.expiry) == (None, a_day(end))


@then("the unit has no agreement on record")
def no_agreement(world: World) -> None:
    unit = world.current()
    assert unit.agreements == []
    assert unit.current_agreement is None


@then("the unit's agreements are:")
def agreements_are(world: World, datatable: list[list[str]]) -> None:
    expected = [(r["effective"], r["expiry"]) for r in table_rows(datatable)]
    assert agreements(world.current()) == expected


@then(parsers.re(r'the unit "(?P<label>[^"]+)" has these agreements:'))
def unit_has_agreements(world: World, label: str, datatable: list[list[str]]) -> None:
    world.unit = world.uid(label)
    agreements_are(world, datatable)


@then(parsers.re(r"as recorded at entry (?P<n>\d+) of its history, the unit had:"))
def as_recorded_had(world: World, n: str, datatable: list[list[str]]) -> None:
    assert world.unit is not None
    then_unit = world.app.units.get(world.unit, version=int(n))
    assert then_unit.version == int(n)
    for word, expected in datatable:
        assert fact(then_unit, word) == expected, word


@then(parsers.re(
    r"as recorded at entry (?P<n>\d+) of its history, the unit's agreements were:"
))
def as_recorded_agreements(world: World, n: str, datatable: list[list[str]]) -> None:
    assert world.unit is not None
    then_unit = world.app.units.get(world.unit, version=int(n))
    expected = [(r["effective"], r["expiry"]) for r in table_rows(datatable)]
    assert agreements(then_unit) == expected


@then(parsers.re(
    r"the Expiry Map shows the unit expiring (?P<expiry>\S+), "
    r"(?:effective (?P<effective>\d{4}-\d\d-\d\d)|effective date unknown)"
))
def map_shows_expiry(world: World, expiry: str, effective: str | None) -> None:
    world.ok()
    assert world.unit is not None
    shown = world.app.expiry_map.unit(world.unit)
    assert (shown.expiry, shown.effective) == (a_day(expiry), day(effective))


@then(parsers.re(r"the Expiry Map shows the unit's {} as {}".format(FACT, Q.format("value"))))
def map_shows_fact(world: World, fact: str, value: str) -> None:
    world.ok()
    assert world.unit is not None
    shown = world.app.expiry_map.unit(world.unit)
    assert str(getattr(shown, FACTS[fact])) == value
