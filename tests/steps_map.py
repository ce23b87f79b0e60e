"""Steps of expiry_map.feature: the Expiry Map's questions, restarts and rebuilds."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from pytest_bdd import given, parsers, then, when

from bargaining import (
    EXAMPLE_CALENDAR,
    BargainingApp,
    CollectiveAgreement,
    MapFilter,
    MapUnit,
    OpenPeriod,
    OpenPeriodCalendar,
)
from tests.refusals import position
from tests.steps_common import Q, World, a_day, day, register, registration, table_rows

DAY = r"\d{4}-\d\d-\d\d"
EVERYWHERE_ELSE = "everywhere else"


def filters(text: str) -> MapFilter:
    """' in sector "x" and region "y"' -> MapFilter(sector='x', region='y')."""
    found = dict(re.findall(r'(sector|region|union|employer) "([^"]*)"', text))
    leftover = re.sub(r'(?:in|and|of|with) (?:sector|region|union|employer) "[^"]*"', "", text)
    assert not leftover.replace("region by region", "").strip(), f"unknown filter {text!r}"
    return MapFilter(**found)


def labels(units: list[MapUnit]) -> list[str]:
    return [u.label for u in units]


def named_list(text: str) -> list[str]:
    return [] if text.strip() == "nobody" else [part.strip() for part in text.split(";")]


@given("these units are registered with their current agreements:")
def units_with_agreements(world: World, datatable: list[list[str]]) -> None:
    for row in table_rows(datatable):
        uid = register(world, registration(row), world.setup_actor)
        if row["expiry"]:
            world.app.units.record_agreement(uid, expiry=a_day(row["expiry"]),
                                             effective=day(row["effective"]),
                                             actor=world.setup_actor)


@when(parsers.re(rf"I ask which units expire from (?P<start>{DAY}) to (?P<end>{DAY})(?P<f>.*)"))
def ask_expiring(world: World, start: str, end: str, f: str) -> None:
    world.result = world.app.expiry_map.expiring(a_day(start), a_day(end), filters(f))


@then("the units are:")
def units_are(world: World, datatable: list[list[str]]) -> None:
    world.ok()
    expected = [(r["unit"], r["expiry"], int(r["workers"])) for r in table_rows(datatable)]
    shown = [(u.label, u.expiry.isoformat() if u.expiry else "", u.headcount)
             for u in world.result]
    assert shown == expected


@then(parsers.re(r"the units are just: (?P<units>.+)"))
def units_are_just(world: World, units: str) -> None:
    world.ok()
    assert labels(world.result) == named_list(units)


@when(parsers.re(
    rf"I ask for the month-by-month table from (?P<start>{DAY}) to (?P<end>{DAY})(?P<f>.*)"
))
def ask_months(world: World, start: str, end: str, f: str) -> None:
    world.result = world.app.expiry_map.month_table(a_day(start), a_day(end), filters(f))


@then("the table reads:")
def table_reads(world: World, datatable: list[list[str]]) -> None:
    expected = [(r["month"], int(r["units"]), int(r["workers"])) for r in table_rows(datatable)]
    assert [(m.month, m.units, m.workers) for m in world.result] == expected


@when(parsers.re(r'I ask who expires within (?P<days>\d+) days of "(?P<label>[^"]+)"'))
def ask_alongside(world: World, days: str, label: str) -> None:
    uid = world.uid(label)
    world.result = world.attempt(lambda: world.app.expiry_map.alongside(uid, int(days)))


@when(parsers.re(rf"I ask which units work under a carried-over agreement on (?P<on>{DAY})"))
def ask_carried_over(world: World, on: str) -> None:
    world.result = world.app.expiry_map.carried_over(a_day(on))


@when(parsers.re(
    rf'"(?P<label>[^"]+)" records an agreement effective (?P<effective>{DAY}) expiring'
    rf" (?P<expiry>{DAY})"
))
def unit_records(world: World, label: str, effective: str, expiry: str) -> None:
    uid = world.uid(label)
    world.attempt(lambda: world.app.units.record_agreement(
        uid, effective=a_day(effective), expiry=a_day(expiry), actor=world.actor))  # type: ignore[arg-type]


@when(parsers.re(
    rf"I look for cluster candidates(?P<spec>.*) expiring from (?P<start>{DAY}) to"
    rf" (?P<end>{DAY}) within (?P<days>\d+) days of each other"
))
def ask_clusters(world: World, spec: str, start: str, end: str, days: str) -> None:
    world.result = world.app.expiry_map.cluster_candidates(
        a_day(start), a_day(end), int(days), filters(spec),
        by_region="region by region" in spec,
    )


@then("the candidates are, largest first:")
def candidates_are(world: World, datatable: list[list[str]]) -> None:
    expected = [
        (r["sector"], r["region"] or None, a_day(r["first expiry"]), a_day(r["last expiry"]),
         int(r["workers"]), named_list(r["units"]))
        for r in table_rows(datatable)
    ]
    shown = [
        (c.sector, c.region, c.first_expiry, c.last_expiry, c.workers, labels(list(c.units)))
        for c in world.result
    ]
    assert shown == expected
    for c in world.result:  # workers are those of the units listed
        assert c.workers == sum(u.headcount for u in c.units)


@given("this open-period calendar:")
def calendar(world: World, datatable: list[list[str]]) -> None:
    table: dict[str, list[OpenPeriod]] = {}
    for r in table_rows(datatable):
        period = OpenPeriod(r["period"], int(r["opens (days before expiry)"]),
                            int(r["closes (days before expiry)"]))
        table.setdefault(r["jurisdiction"], []).append(period)
    default = table.pop(EVERYWHERE_ELSE, [])
    world.extra["calendar"] = OpenPeriodCalendar.build(jurisdictions=table, default=default)


@when(parsers.re(rf"I ask which units are in an open period on (?P<on>{DAY})(?P<f>.*)"))
def ask_open_period(world: World, on: str, f: str) -> None:
    world.result = world.app.expiry_map.in_open_period(
        a_day(on), world.extra["calendar"], filters(f))


@then("the units in an open period are:")
def open_period_units(world: World, datatable: list[list[str]]) -> None:
    expected = [(r["unit"], r["period"], a_day(r["opens"]), a_day(r["closes"]))
                for r in table_rows(datatable)]
    assert [(e.unit.label, e.period, e.opens, e.closes) for e in world.result] == expected


# ------------------------------------------------------- restarts and rebuilds


def usual_answers(app: BargainingApp) -> dict[str, Any]:
    """A fixed set of questions covering every kind of Expiry Map answer."""
    m = app.expiry_map
    start, end = date(2020, 1, 1), date(2030, 12, 31)
    everyone = m.all_units()
    return {
        "all": everyone,
        "expiring": m.expiring(start, end),
        "long-term care in ON": m.expiring(
            start, end, MapFilter(sector="long-term care", region="ON")),
        "CUPE": m.expiring(start, end, MapFilter(union="CUPE")),
        "months": m.month_table(date(2025, 12, 1), date(2026, 12, 31)),
        "alongside": {u.unit_id: m.alongside(u.unit_id, 60) for u in everyone if u.expiry},
        "carried over": m.carried_over(date(2026, 1, 1)),
        "clusters": m.cluster_candidates(start, end, 30),
        "clusters by region": m.cluster_candidates(start, end, 30, by_region=True),
        "open": m.in_open_period(date(2026, 2, 1), EXAMPLE_CALENDAR),
    }


@given("I have asked the Expiry Map my usual questions")
def ask_usual(world: World) -> None:
    answers = usual_answers(world.app)
    # The answers are not empty, so comparing them later means something.
    assert answers["all"] and answers["months"] and answers["clusters"] and answers["open"]
    assert answers["carried over"] and any(answers["alongside"].values())
    world.extra["answers"] = answers
    world.extra["position"] = world.app.expiry_map.position


@given(parsers.re(r'"(?P<label>[^"]+)" has changed its workers to {}'.format(Q.format("n"))))
def has_changed_workers(world: World, label: str, n: str) -> None:
    world.app.units.change_headcount(world.uid(label), int(n), actor=world.setup_actor)


@given(parsers.re(
    rf'"(?P<label>[^"]+)" has corrected its agreement expiring (?P<expiry>{DAY}) to run from'
    rf" (?P<effective>{DAY}) to (?P<new_expiry>{DAY})"
))
def has_corrected(world: World, label: str, expiry: str, effective: str, new_expiry: str) -> None:
    world.app.units.correct_agreement(
        world.uid(label), expiry=a_day(expiry), actor=world.setup_actor,
        corrected=CollectiveAgreement(expiry=a_day(new_expiry), effective=a_day(effective)))


@when("the host application restarts")
def restart(world: World) -> None:
    world.extra["position"] = world.app.expiry_map.position
    world.stop()
    world._app = world.open()


@when("the host application stops")
def stop(world: World) -> None:
    world.extra["position"] = world.app.expiry_map.position
    world.stop()


@when("the host application starts again")
def start_again(world: World) -> None:
    assert world._app is None
    world._app = world.open()


@when(parsers.re(
    rf"another host records an agreement effective (?P<effective>{DAY}) expiring"
    rf' (?P<expiry>{DAY}) for "(?P<label>[^"]+)"'
))
def another_host_records(world: World, effective: str, expiry: str, label: str) -> None:
    assert world._app is None, "the first host should be stopped"
    other = world.open()
    before = position(other)
    other.units.record_agreement(world.units[label], effective=a_day(effective),
                                 expiry=a_day(expiry), actor=world.setup_actor)
    assert position(other) == before + 1
    other.close()
    world._opened.remove(other)


@then("the map resumes where it stopped, with nothing to read again")
def resumes(world: World) -> None:
    expiry_map = world.app.expiry_map
    # Read the tracking position before any question makes the map catch up.
    assert expiry_map.position == world.extra["position"] > 0
    assert expiry_map.position == position(world.app)
    assert expiry_map.catch_up() == 0


@then("the map gives the same answers as before")
def same_answers(world: World) -> None:
    assert usual_answers(world.app) == world.extra["answers"]
    assert world.app.expiry_map.position == world.extra["position"]


@then("the map has read the whole history")
def read_everything(world: World) -> None:
    world.ok()
    assert world.app.expiry_map.position == position(world.app) > 0


@when("the map is rebuilt from the full history")
def rebuild(world: World) -> None:
    world.extra["rebuilt"] = world.app.expiry_map.rebuild()


@then(parsers.parse("the rebuild read all {count:d} entries of the history"))
def rebuild_read(world: World, count: int) -> None:
    assert world.extra["rebuilt"] == count == position(world.app)


@when("a second host opens the same database file")
def second_host(world: World) -> None:
    world.extra["second"] = world.open()


@then("the second host's map stands at the same place in the history")
def second_position(world: World) -> None:
    second = world.extra["second"]
    assert second is not world.app
    assert second.expiry_map.position == world.app.expiry_map.position == world.extra["position"]
    assert second.expiry_map.position == position(second) > 0


@then("the second host's map gives the same answers")
def second_answers(world: World) -> None:
    assert usual_answers(world.extra["second"]) == world.extra["answers"]
    assert usual_answers(world.app) == world.extra["answers"]
