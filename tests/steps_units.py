"""Steps of units.feature: registering and finding bargaining units."""

from __future__ import annotations

from pytest_bdd import parsers, then, when

from tests.steps_common import FACTS, Q, World, register, registration, table_rows

NAMES = r"union {}, local {}, employer {} and unit {}".format(
    Q.format("union"), Q.format("local"), Q.format("employer"), Q.format("unit_name")
)


@when("I register this unit:")
def register_this(world: World, datatable: list[list[str]]) -> None:
    (row,) = table_rows(datatable)
    world.attempted = registration(row)
    world.attempt(lambda: register(world, world.attempted, world.actor))


@when(parsers.re(f"I register {NAMES}"))
def register_named(world: World, union: str, local: str, employer: str, unit_name: str) -> None:
    world.attempted = {"union": union, "local": local, "employer": employer,
                       "unit_name": unit_name}
    world.attempt(lambda: register(world, world.attempted, world.actor))


@when(parsers.re(r"I register a unit whose (?P<word>.+) is (?P<length>[\d,]+) characters long"))
def register_long(world: World, word: str, length: str) -> None:
    """CUPE 79, City of Toronto (inside workers), with one field that long (accented
    letters, two bytes each in UTF-8, so the stores see long values in bytes too)."""
    world.attempted = {"union": "CUPE", "local": "79", "employer": "City of Toronto",
                       "unit_name": "inside workers", "headcount": 20000,
                       FACTS[word]: "é" * int(length.replace(",", ""))}
    world.attempt(lambda: register(world, world.attempted, world.actor))


@when(parsers.re(f"I look for {NAMES}"))
def look_for(world: World, union: str, local: str, employer: str, unit_name: str) -> None:
    world.result = world.attempt(lambda: world.app.units.find(
        union=union, local=local, employer=employer, unit_name=unit_name))


@then(parsers.re(r'I find "(?P<label>[^"]+)" with (?P<workers>\d+) workers'))
def i_find(world: World, label: str, workers: str) -> None:
    world.ok()
    assert world.result is not None
    assert (world.result.label, world.result.headcount) == (label, int(workers))
    assert world.result.id == world.units[label]


@then(parsers.parse("the Expiry Map lists the unit with {workers:d} workers and no agreement yet"))
def map_lists_unit(world: World, workers: int) -> None:
    world.ok()
    assert world.unit is not None
    shown = world.app.expiry_map.unit(world.unit)
    assert (shown.headcount, shown.expiry, shown.effective) == (workers, None, None)
    assert shown.label == world.app.units.get(world.unit).label
