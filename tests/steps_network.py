"""Step definitions for organizer_network.feature: Ontario long-term care homes over a year."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from fractions import Fraction
from uuid import UUID

import pytest
from pytest_bdd import given, parsers, then, when

from bargaining import BargainingApp, NetworkSeries, PlanGoal
from bargaining.domain.organizing.network import Period, series
from bargaining.readmodels.network.facts import read_facts
from tests.network_story import ORGANIZER, home, organize
from tests.refusals import Refusals, position

UNTIL = date(2024, 12, 31)


def rows(datatable: list[list[str]]) -> list[dict[str, str]]:
    head, *body = datatable
    return [dict(zip(head, row, strict=True)) for row in body]


@dataclass
class Network(Refusals):
    app: BargainingApp
    team: UUID | None = None
    read: NetworkSeries | None = None
    homes: dict[str, UUID] = field(default_factory=dict)
    plans: dict[str, UUID] = field(default_factory=dict)

    def quarters(self) -> NetworkSeries:
        return self.app.network.series(period="quarter", since=date(2024, 1, 1), until=UNTIL)


@pytest.fixture
def network() -> Iterator[Network]:
    app = BargainingApp("memory")
    state = Network(app)
    yield state
    app.close()
    state.ok()


@given(parsers.parse('the area team "{name}" for the sector "{area}", formed on {on}'))
def team(network: Network, name: str, area: str, on: str) -> None:
    network.team = network.app.organizing.form_team(name=name, kind="sector", area=area,
                                                    on=date.fromisoformat(on), actor=ORGANIZER)


@given(parsers.parse("the team supports {count:d} locals from {on}, each with one home of two "
                     "work groups of 30 workers"))
def locals_supported(network: Network, count: int, on: str) -> None:
    assert network.team is not None
    for n in range(count):
        local = f"Local {101 + n}"
        network.homes[local] = home(network.app, network.team, local, date.fromisoformat(on))


@given("each local's president holds an elected role on its executive board from 2023-01-01")
def presidents(network: Network) -> None:
    assert network.homes, "the presidents are filled with the homes"


@when("the locals organize their homes as follows:")
def organize_homes(network: Network, datatable: list[list[str]]) -> None:
    for row in rows(datatable):
        if row["plan adopted"] == "none":
            continue
        local = row["local"]
        petition = None if row["petition"] == "none" else date.fromisoformat(row["petition"])
        network.plans[local] = organize(
            network.app, local, network.homes[local],
            adopted=date.fromisoformat(row["plan adopted"]), plan=row["plan"],
            leaders=int(row["leaders"]), petition=petition, until=UNTIL)


@then("the network's measures by quarter of 2024 are:")
def measures(network: Network, datatable: list[list[str]]) -> None:
    found = network.quarters()
    table = [["quarter", "locals supported", "locals with real plans", "active leaders",
              "participants", "rank-and-file", "elected officers"]]
    table += [[r.starts.isoformat(), *(str(n) for n in (
        r.locals_supported, r.locals_with_real_plans, r.active_leaders, r.participants,
        r.rank_and_file, r.elected_officers))] for r in found.readings]
    assert table == datatable, (table, datatable)


@then(parsers.parse("locals with real plans rise from {first:d} of {of:d} to {last:d} of "
                    "{of2:d} over the year"))
def rise(network: Network, first: int, of: int, last: int, of2: int) -> None:
    plans = network.quarters().of("locals_with_real_plans")
    supported = network.quarters().of("locals_supported")
    assert (plans[0][1], supported[0][1]) == (first, of)
    assert (plans[-1][1], supported[-1][1]) == (last, of2)


@then(parsers.parse("the elected officers' share of participants falls from {high}% in the "
                    "second quarter to {low}% in the last"))
def share_falls(network: Network, high: str, low: str) -> None:
    shares = [share for _, share in network.quarters().of("officers_percent")]
    assert [round(float(shares[1]), 1), round(float(shares[-1]), 1)] == [float(high), float(low)]
    assert isinstance(shares[1], Fraction) and shares[1] > shares[2] > shares[-1]
    growth = network.quarters().of("rank_and_file")
    assert growth[-1][1] > growth[0][1]


@then("the plan of Local 110, on paper without a goal, is not real, nor that of Local 111, "
      "which never worked")
def not_real(network: Network) -> None:
    paper = network.app.organizing.plan(network.plans["Local 110"])
    assert paper.goals == [] and paper.in_force(UNTIL)
    idle = network.app.organizing.plan(network.plans["Local 111"])
    assert idle.goals and not idle.real_on(UNTIL, (), UNTIL - date(2024, 1, 1))
    assert network.app.network.on(UNTIL, area="long-term care").locals_with_real_plans == 9


@then("counting the measures again from every recorded event gives the same quarters")
def same_as_the_log(network: Network) -> None:
    """The oracle: the whole log read again and counted as before the read model."""
    again = series(read_facts(network.app.eventsourcing.read_log), Period.QUARTER,
                   date(2024, 1, 1), UNTIL, area=None, sector=None, within=timedelta(days=90))
    assert network.quarters() == again


@when("the network's measures by quarter of 2024 are read")
def read_quarters(network: Network) -> None:
    network.read = network.quarters()


@when(parsers.parse("a training session held on {on} at {local} by one of its leaders, for "
                    "{count:d} members who took no other part, is recorded afterwards"))
def late_session(network: Network, on: str, local: str, count: int) -> None:
    network.app.training.hold_session(
        topic="one-on-one conversations", on=date.fromisoformat(on), trainer="r-101-1",
        trainees=[f"m-{n}" for n in range(count)], local=local, actor=ORGANIZER)


@then(parsers.parse("the first quarter counts {count:d} more rank-and-file participants and "
                    "the other quarters are unchanged"))
def counted_late(network: Network, count: int) -> None:
    assert network.read is not None
    before, after = network.read.readings, network.quarters().readings
    assert after[0].rank_and_file == before[0].rank_and_file + count
    assert after[0].participants == before[0].participants + count
    assert after[1:] == before[1:]


@then(parsers.parse("the progress of the plan of {local} on {on} is:"))
def progress(network: Network, local: str, on: str, datatable: list[list[str]]) -> None:
    found = network.app.organizing.progress(network.plans[local], on=date.fromisoformat(on))
    table = [["goal", "done", "of", "reached"]] + [
        [p.goal.kind.value, str(p.done), str(p.of), "yes" if p.reached else "no"]
        for p in found]
    assert table == datatable, (table, datatable)


@when("Local 112 adopts a plan to map a workplace that is not recorded")
def unknown_workplace(network: Network) -> None:
    network.attempt(lambda: network.app.organizing.adopt_plan(
        local="Local 112", name="Organize the home", on=date(2024, 3, 1),
        goals=[PlanGoal.map(uuid.uuid4())], actor=ORGANIZER))


@then(parsers.parse('it is refused: "{words}"'))
def refused(network: Network, words: str) -> None:
    assert words in str(network.refusal())


@when(parsers.parse("the host ends the plan of {local} on {on} in the facts it was handed"))
def host_ends_plan(network: Network, local: str, on: str) -> None:
    network.before = position(network.app)
    [plan] = [p for p in network.app.network.facts().plans if p.local == local]
    plan.end(on=date.fromisoformat(on), actor=ORGANIZER)  # the host's copy, never saved


@then("the quarters are unchanged")
def unchanged(network: Network) -> None:
    assert network.read is not None
    assert network.quarters().readings == network.read.readings


@then("nothing new is recorded")
def nothing(network: Network) -> None:
    network.nothing_recorded()
