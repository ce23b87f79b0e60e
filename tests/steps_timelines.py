"""Steps for the two-timelines scenarios of time_travel.feature: "as it was on D" beside "as it
was known at T", with the Front commun's dates."""

from __future__ import annotations

import time
from datetime import UTC, date, datetime

from pytest_bdd import given, parsers, then, when

from bargaining import Actor, CollectiveAgreement, Increases, Tally, Terms, Vote
from tests.steps_common import World

CHAIR = Actor("fc-1", "Front commun co-chair")


def _day(text: str) -> date:
    return date.fromisoformat(text)


def _names(text: str) -> list[str]:
    return [n.strip() for n in text.split(",")]


@given(parsers.parse('the Front commun units "{first}" and "{second}" with agreements '
                     'expiring {expiry}'))
def front_commun_units(world: World, first: str, second: str, expiry: str) -> None:
    for union in (first, second):
        uid = world.app.units.register(union=union, local="", employer="Gouvernement du Québec",
                                       unit_name="public sector", sector="public sector",
                                       actor=world.setup_actor)
        world.app.units.record_agreement(uid, effective=date(2020, 4, 1), expiry=_day(expiry),
                                         settled=date(2020, 3, 15), actor=world.setup_actor)
        world.units[union] = uid


def _form(world: World, name: str, formed: str) -> None:
    world.extra["cluster"] = world.app.clusters.form(
        name=name, sectors=["public sector"], committee=[CHAIR], window_start=date(2023, 3, 1),
        window_end=date(2023, 4, 30), target_alignment=date(2028, 3, 31), actor=CHAIR,
        on=_day(formed))


@given(parsers.parse('a cluster "{name}" formed on {formed} that admitted them that day'))
def cluster_of_all(world: World, name: str, formed: str) -> None:
    _form(world, name, formed)
    for uid in world.units.values():
        world.app.clusters.admit(world.extra["cluster"], uid, actor=CHAIR, on=_day(formed))


@given(parsers.parse('a cluster "{name}" formed on {formed} that admitted "{union}" that day'))
def cluster_of_one(world: World, name: str, formed: str, union: str) -> None:
    _form(world, name, formed)
    world.app.clusters.admit(world.extra["cluster"], world.units[union], actor=CHAIR,
                             on=_day(formed))


@given(parsers.parse("their tables opened on {opened} and settled agreements from {effective} "
                     "to {expiry}, ratified on {ratified}"))
def tables_settled(world: World, opened: str, effective: str, expiry: str,
                   ratified: str) -> None:
    for uid in world.units.values():
        table = world.app.rounds.open(uid, on=_day(opened), cluster=world.extra["cluster"],
                                      actor=CHAIR)
        world.app.rounds.reach_tentative_agreement(
            table, Terms.of(wages=Increases([6, 3, 3, 2, 2])), on=date(2023, 12, 28),
            effective=_day(effective), expiry=_day(expiry), actor=CHAIR)
        world.app.rounds.record_ratification_vote(table, Vote(_day(ratified), Tally(
            eligible=900, cast=700, yes=520, no=180)), actor=CHAIR)


@given("a moment passed")
def a_moment(world: World) -> None:
    world.extra["moment"] = datetime.now(UTC)
    time.sleep(0.002)


@when(parsers.parse("I read the cluster as it was on {day}"))
def read_cluster_on(world: World, day: str) -> None:
    world.result = world.app.clusters.status(world.extra["cluster"], on=_day(day))


@when(parsers.parse('the admission of "{union}" on {day} is recorded today'))
def back_filled(world: World, union: str, day: str) -> None:
    world.app.clusters.admit(world.extra["cluster"], world.units[union], actor=CHAIR,
                             on=_day(day))


@then(parsers.parse("the cluster was formed on {day}"))
def formed_on(world: World, day: str) -> None:
    assert world.result.formed_on == _day(day)
    assert f"formed {day}" in world.result.explain()


@then(parsers.parse('the Expiry Map on {day} shows "{names}" working past their expiry of '
                    '{expiry}'))
def past_expiry(world: World, day: str, names: str, expiry: str) -> None:
    with world.app.expiry_map.on(_day(day)) as then_:
        carried = then_.carried_over(_day(day))
    assert sorted(u.union for u in carried) == sorted(_names(names))
    assert {u.expiry for u in carried} == {_day(expiry)}


@then(parsers.parse('the Expiry Map now shows "{names}" under agreements expiring {expiry}'))
def now_shows(world: World, names: str, expiry: str) -> None:
    units = world.app.expiry_map.all_units()
    assert sorted(u.union for u in units) == sorted(_names(names))
    assert {u.expiry for u in units} == {_day(expiry)}
    assert world.app.expiry_map.carried_over(date(2026, 1, 1)) == []


def _members(cluster: object) -> list[str]:
    return sorted(m.label.split(",")[0] for m in cluster.members.values())  # type: ignore[attr-defined]


@then(parsers.parse('as it was on {day} the cluster\'s members are "{names}"'))
@then(parsers.parse('as it was on {day}, its members are "{names}"'))
def members_on(world: World, day: str, names: str) -> None:
    cluster = world.app.clusters.get(world.extra["cluster"], on=_day(day))
    assert _members(cluster) == sorted(_names(names))


@then(parsers.parse('as it was known at the moment before, its members are "{names}"'))
def members_known(world: World, names: str) -> None:
    cluster = world.app.history.as_of(world.extra["cluster"], at=world.extra["moment"])
    assert _members(cluster) == sorted(_names(names))


@then(parsers.parse('its history shows the admission of "{union}" happened on {day}'))
def history_day(world: World, union: str, day: str) -> None:
    entry = world.app.history.of(world.extra["cluster"])[-1]
    assert entry.event == "UnitAdmitted" and entry.data["label"].startswith(union)
    assert entry.occurred_on == _day(day)
    assert entry.recorded_at.date() > entry.occurred_on


@given(parsers.parse('the unit "{union}" with an agreement from {effective} to {expiry}'))
def unit_with_agreement(world: World, union: str, effective: str, expiry: str) -> None:
    uid = world.app.units.register(union=union, local="", employer="Gouvernement du Québec",
                                   unit_name="public sector", sector="public sector",
                                   actor=world.setup_actor)
    world.app.units.record_agreement(uid, effective=_day(effective), expiry=_day(expiry),
                                     actor=world.setup_actor)
    world.units[union] = world.unit = uid


@given(parsers.parse("its next agreement, to {expiry}, recorded from a notice as effective "
                     "{effective} by mistake"))
def next_agreement_mistyped(world: World, expiry: str, effective: str) -> None:
    world.app.units.record_agreement(world.unit, effective=_day(effective), expiry=_day(expiry),
                                     source="notice", actor=world.setup_actor)
    world.extra["expiry"] = _day(expiry)


@when(parsers.parse("the steward corrects that agreement's effective date to {effective}"))
def correct_effective(world: World, effective: str) -> None:
    expiry = world.extra["expiry"]
    world.app.units.correct_agreement(
        world.unit, expiry=expiry, actor=world.setup_actor, reason="effective date mistyped",
        corrected=CollectiveAgreement(expiry=expiry, effective=_day(effective),
                                      source="notice"))


@then(parsers.parse('read as it was on {day}, "{union}" worked under its agreement from '
                    '{effective} to {expiry}'))
def worked_under_on(world: World, day: str, union: str, effective: str, expiry: str) -> None:
    unit = world.app.units.get(world.units[union], on=_day(day))
    worked = unit.agreement_on(_day(day))
    assert worked is not None
    assert (worked.effective, worked.expiry) == (_day(effective), _day(expiry))


@then(parsers.parse('the Expiry Map on {day} shows "{union}" under its agreement expiring '
                    '{expiry}'))
def map_on_shows(world: World, day: str, union: str, expiry: str) -> None:
    with world.app.expiry_map.on(_day(day)) as then_:
        shown = then_.unit(world.units[union])
        carried = then_.carried_over(_day(day))
    assert shown.expiry == _day(expiry) and carried == []


@then(parsers.parse('the Expiry Map on {day} shows "{union}" working past its expiry of '
                    '{expiry}'))
def map_on_carried(world: World, day: str, union: str, expiry: str) -> None:
    past_expiry(world, day, union, expiry)


@then("its history keeps the agreement as first recorded, then its correction")
def history_keeps_both(world: World) -> None:
    recorded, corrected = world.app.history.of(world.unit)[-2:]
    assert (recorded.event, corrected.event) == ("AgreementRecorded", "AgreementCorrected")
    assert recorded.data["agreement"]["effective"] != corrected.data["corrected"]["effective"]
