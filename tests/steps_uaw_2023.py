"""Step definitions for uaw_2023.feature: three master tables in one cluster, from demands to
aligned agreements."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from uuid import UUID

import pytest
from pytest_bdd import given, parsers, then, when

from bargaining import (
    NO_TWO_TIER,
    Actor,
    BargainingApp,
    Binds,
    Body,
    Category,
    Clause,
    CompoundIncrease,
    CostOfLiving,
    Demand,
    Inflation,
    Progression,
    Protection,
    Quantity,
    Raise,
    Raises,
    ReturnsResult,
    TableKind,
    Tally,
    Terms,
    TierBasis,
    Tiered,
    Vote,
)

BARGAINERS = Actor("uaw-1", "UAW bargaining committee")
COMPANIES = {"Ford": "Ford Motor Company", "General Motors": "General Motors",
             "Stellantis": "Stellantis"}
RATIFIED = date(2023, 11, 20)
TARGET = date(2028, 4, 30)
PROJECTED = Inflation.yearly(RATIFIED, [3, 2.5, 2.5, 2.5, 2.5], source="illustrative")
#: GM's returns: eleven assembly plants (seven voting no) and its other units, adding up to
#: the public totals.
GM_RETURNS = [*[(700, 900)] * 7, *[(1_200, 1_000)] * 4, (9_983, 5_974)]


@dataclass
class Round:
    app: BargainingApp
    cluster: UUID | None = None
    plants: dict[str, list[UUID]] = field(default_factory=dict)
    tables: dict[str, UUID] = field(default_factory=dict)
    count: ReturnsResult | None = None


@pytest.fixture
def uaw() -> Iterator[Round]:
    with BargainingApp("memory") as app:
        yield Round(app)


@given(parsers.parse('the cluster "{name}" aiming at {target} with the UAW\'s demands: wages of '
                     "at least 4% a year (target 8%), progression to the top rate in at most 3 "
                     "years, a defined-benefit pension, and no two-tier"))
def cluster(uaw: Round, name: str, target: str) -> None:
    app = uaw.app
    demands = [
        Demand("wages", Category.WAGES, CompoundIncrease(4, 8, binds=Binds.YEARLY)),
        Demand("progression", Category.WAGES,
               Quantity("years to the top rate", 3, 3, more_is_better=False)),
        Demand("pensions", Category.PENSIONS, Protection("defined-benefit pension")),
        Demand("two-tier", Category.JOB_SECURITY, Protection(NO_TWO_TIER)),
    ]
    framework = app.frameworks.draft(name="Stand Up 2023", sectors=["auto"], demands=demands,
                                     actor=BARGAINERS)
    app.frameworks.record_vote(framework, 1, Vote(date(2023, 3, 26), Tally(
        eligible=900, cast=850, yes=800, no=50), body=Body.delegates()), actor=BARGAINERS)
    uaw.cluster = app.clusters.form(
        name=name, sectors=["auto"], committee=[BARGAINERS], window_start=date(2023, 9, 14),
        window_end=date(2023, 9, 14), target_alignment=date.fromisoformat(target),
        actor=BARGAINERS, on=date(2023, 7, 13))
    app.clusters.adopt_framework(uaw.cluster, framework, 1, actor=BARGAINERS,
                                 on=date(2023, 7, 13))


@given(parsers.parse("Ford's {ford:d} plants, General Motors' {gm:d} and Stellantis' "
                     "{stellantis:d}, each under an agreement expiring {expiry}, admitted on "
                     "{on}"))
def plants(uaw: Round, ford: int, gm: int, stellantis: int, expiry: str, on: str) -> None:
    assert uaw.cluster is not None
    app = uaw.app
    for company, count in (("Ford", ford), ("General Motors", gm), ("Stellantis", stellantis)):
        uaw.plants[company] = []
        for n in range(count):
            plant = app.units.register(union="UAW", local=f"{company[:2].upper()}{n + 1}",
                                       employer=COMPANIES[company], unit_name=f"Plant {n + 1}",
                                       sector="auto", headcount=3_000, actor=BARGAINERS)
            app.units.record_agreement(plant, effective=date(2019, 10, 25),
                                       expiry=date.fromisoformat(expiry), actor=BARGAINERS)
            app.clusters.admit(uaw.cluster, plant, actor=BARGAINERS, on=date.fromisoformat(on))
            uaw.plants[company].append(plant)


@given(parsers.parse("a master table for each company opened on {on}"))
def master_tables(uaw: Round, on: str) -> None:
    for company, plants_of in uaw.plants.items():
        uaw.tables[company] = uaw.app.rounds.open_table(
            units=plants_of, kind=TableKind.MASTER, on=date.fromisoformat(on),
            actor=BARGAINERS, cluster=uaw.cluster, name=f"UAW-{company}")


@when("each master table reaches the tentative agreement of 11% on ratification, then 3%, 3%, "
      "3% and 5% each September, a cost-of-living adjustment, progression in 3 years instead "
      "of 8 and no defined-benefit pension for members hired after 2007, to 2028-04-30")
def tentative(uaw: Round) -> None:
    raises = [Raise(RATIFIED, percent=11), Raise(date(2024, 9, 23), percent=3),
              Raise(date(2025, 9, 22), percent=3), Raise(date(2026, 9, 21), percent=3),
              Raise(date(2027, 9, 20), percent=5), CostOfLiving(RATIFIED)]
    tier = Tiered(Clause(True), None, Clause(False), basis=TierBasis.BENEFIT_PLAN,
                  group="members hired after 2007 without a defined-benefit pension")
    terms = Terms.of(wages=Raises(RATIFIED, TARGET, raises), progression=Progression(3, before=8),
                     pensions=tier)
    for table in uaw.tables.values():
        uaw.app.rounds.reach_tentative_agreement(
            table, terms, on=date(2023, 10, 25), effective=RATIFIED, expiry=TARGET,
            actor=BARGAINERS, inflation=PROJECTED)


@then(parsers.parse('each master table\'s wages are judged "{wages}" and its pensions '
                    '"{pensions}" once, for all its plants'))
def judged_once(uaw: Round, wages: str, pensions: str) -> None:
    for company, table in uaw.tables.items():
        found = uaw.app.rounds.get(table)
        assert found.tentative is not None and found.tentative.evaluation is not None
        evaluation = found.tentative.evaluation
        assert evaluation.verdict_for("wages").verdict.value == wages
        assert evaluation.verdict_for("pensions").verdict.value == pensions
        assert list(found.unit_ids) == uaw.plants[company]
        assert len([e for e in uaw.app.history.of(table)
                    if e.event == "TentativeAgreementReached"]) == 1


def _vote(yes: int, no: int) -> Vote:
    return Vote(date(2023, 11, 17), Tally(eligible=yes + no + 100, cast=yes + no, yes=yes,
                                          no=no))


@when(parsers.parse("Ford's members ratify on 2023-11-17 by 69% of valid ballots and "
                    "Stellantis' by 68%"))
def ford_and_stellantis(uaw: Round) -> None:
    assert uaw.app.rounds.record_ratification_vote(uaw.tables["Ford"], _vote(6_900, 3_100),
                                                   actor=BARGAINERS)
    assert uaw.app.rounds.record_ratification_vote(uaw.tables["Stellantis"],
                                                   _vote(6_800, 3_200), actor=BARGAINERS)


@when(parsers.parse("GM's plants return {yes:d} yes and {no:d} no, seven of the eleven assembly "
                    "plants voting no, counted on {on}"))
def gm_returns(uaw: Round, yes: int, no: int, on: str) -> None:
    assert (sum(y for y, _ in GM_RETURNS), sum(n for _, n in GM_RETURNS)) == (yes, no)
    table = uaw.tables["General Motors"]
    for plant, (y, n) in zip(uaw.plants["General Motors"], GM_RETURNS, strict=True):
        uaw.app.rounds.record_return(table, plant, Vote(date(2023, 11, 16), Tally(
            eligible=y + n + 50, cast=y + n, yes=y, no=n)), actor=BARGAINERS)
    uaw.count = uaw.app.rounds.count_returns(table, on=date.fromisoformat(on),
                                                          actor=BARGAINERS)


@then(parsers.parse("GM's master table is ratified by all ballots together at {share}, naming "
                    "the seven assembly plants that voted no"))
def gm_ratified(uaw: Round, share: str) -> None:
    result = uaw.count
    assert result is not None and result.carried
    assert share in result.explain()
    assert set(result.against) == set(uaw.plants["General Motors"][:7])
    assert uaw.app.rounds.get(uaw.tables["General Motors"]).ratified


@then(parsers.parse("every plant of the three companies expires on {expiry} in the Expiry Map"))
def every_plant(uaw: Round, expiry: str) -> None:
    for plants_of in uaw.plants.values():
        for plant in plants_of:
            assert uaw.app.expiry_map.unit(plant).expiry == date.fromisoformat(expiry)


@then(parsers.parse("the cluster shows all {count:d} members aligned on {target}"))
def aligned(uaw: Round, count: int, target: str) -> None:
    assert uaw.cluster is not None
    members = uaw.app.clusters.alignment(uaw.cluster)
    assert len(members) == count
    assert all(m.aligned and m.target == date.fromisoformat(target) for m in members)
    assert uaw.app.clusters.status(uaw.cluster).settled
