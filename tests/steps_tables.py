"""Step definitions for tables.feature: tables across units and ratification returns."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from uuid import UUID

import pytest
from pytest_bdd import given, parsers, then, when

from bargaining import (
    Actor,
    BargainingApp,
    Category,
    Clause,
    CompoundIncrease,
    Demand,
    Increases,
    Protection,
    ReturnsResult,
    ReturnsRule,
    TableKind,
    TableStatus,
    Tally,
    Terms,
    Vote,
)
from tests.refusals import Refusals

CHAIR = Actor("fc-1", "Front commun co-chair")
YES = Tally(eligible=100, cast=90, yes=80, no=10)


@dataclass
class Tables(Refusals):
    app: BargainingApp
    cluster: UUID | None = None
    units: dict[str, UUID] = field(default_factory=dict)
    central: UUID | None = None
    sectoral: dict[str, UUID] = field(default_factory=dict)
    master: UUID | None = None
    plants: dict[str, UUID] = field(default_factory=dict)
    result: ReturnsResult | None = None

    def label(self, unit: UUID) -> str:
        names = {v: k for k, v in {**self.units, **self.plants}.items()}
        return names[unit]

    def returns_of(self) -> UUID:
        found = self.master or self.central
        assert found is not None
        return found


@pytest.fixture
def tables() -> Iterator[Tables]:
    app = BargainingApp("memory")
    state = Tables(app)
    yield state
    app.close()
    state.ok()


def _count(text: str) -> int:
    return int(text.replace(",", ""))


def _rows(datatable: list[list[str]]) -> list[dict[str, str]]:
    header, *rows = datatable
    return [dict(zip(header, row, strict=True)) for row in rows]


@given("the Front commun cluster of 2023 with a wage floor of 16.4% over the term and a "
       "workload protection")
def front_commun(tables: Tables) -> None:
    app = tables.app
    demands = [Demand("wages", Category.WAGES, CompoundIncrease(floor=16.4, target=21.5)),
               Demand("workload", Category.WORKLOAD, Protection("workload relief"))]
    framework = app.frameworks.draft(name="Front commun 2023", sectors=["public sector"],
                                     demands=demands, actor=CHAIR)
    app.frameworks.record_vote(framework, 1, Vote(date(2022, 10, 1), YES), actor=CHAIR)
    tables.cluster = app.clusters.form(
        name="Front commun 2023", sectors=["public sector"], committee=[CHAIR],
        window_start=date(2023, 3, 1), window_end=date(2023, 4, 30),
        target_alignment=date(2028, 3, 31), actor=CHAIR, on=date(2022, 9, 15))
    app.clusters.adopt_framework(tables.cluster, framework, 1, actor=CHAIR, on=date(2022, 10, 1))


@given("these units of the Front commun, each with an agreement from 2020-04-01 to 2023-03-31:")
def front_commun_units(tables: Tables, datatable: list[list[str]]) -> None:
    app = tables.app
    assert tables.cluster is not None
    for row in _rows(datatable):
        uid = app.units.register(union=row["union"], local="", employer="Gouvernement du Québec",
                                 unit_name=row["unit"], sector=row["sector"], region="QC",
                                 actor=CHAIR)
        app.units.record_agreement(uid, effective=date(2020, 4, 1), expiry=date(2023, 3, 31),
                                   actor=CHAIR)
        app.clusters.admit(tables.cluster, uid, actor=CHAIR, on=date(2022, 9, 15))
        tables.units[row["unit"]] = uid


@given(parsers.parse("a central table for every unit opened on {on}, bargaining wages, "
                     "pensions, benefits and the term"))
def central_table(tables: Tables, on: str) -> None:
    tables.central = tables.app.rounds.open_table(
        units=list(tables.units.values()), kind=TableKind.CENTRAL,
        matters=[Category.WAGES, Category.PENSIONS, Category.BENEFITS, Category.TERM],
        name="Front commun", on=date.fromisoformat(on), cluster=tables.cluster, actor=CHAIR)


@given(parsers.parse('a sectoral table for "{sector}" opened on {on} for "{first}" and '
                     '"{second}", bargaining workload'))
def sectoral_table(tables: Tables, sector: str, on: str, first: str, second: str) -> None:
    tables.sectoral[sector] = tables.app.rounds.open_table(
        units=[tables.units[first], tables.units[second]], kind=TableKind.SECTORAL,
        matters=["workload"], name=sector, on=date.fromisoformat(on), cluster=tables.cluster,
        actor=CHAIR)


@when(parsers.parse("the agreement in principle is reached at the central table on {on}: "
                    "raises of {raises} from {effective} to {expiry}"))
def agreement_in_principle(tables: Tables, on: str, raises: str, effective: str,
                           expiry: str) -> None:
    assert tables.central is not None
    yearly = [r.strip().rstrip("%") for r in raises.replace(" and ", ", ").split(",")]
    tables.attempt(lambda: tables.app.rounds.reach_tentative_agreement(
        tables.central, Terms.of(wages=Increases(yearly)), on=date.fromisoformat(on),
        effective=date.fromisoformat(effective), expiry=date.fromisoformat(expiry),
        actor=CHAIR))


@then(parsers.parse('the central table\'s tentative agreement is judged on wages only: '
                    '"{verdict}"'))
def judged_on_wages(tables: Tables, verdict: str) -> None:
    assert tables.central is not None
    ta = tables.app.rounds.get(tables.central).tentative
    assert ta is not None and ta.evaluation is not None
    assert [v.demand for v in ta.evaluation.verdicts] == ["wages"]
    assert ta.evaluation.overall.value == verdict


@then(parsers.parse('"{unit}" sits at the central table and the sectoral table "{sector}"'))
def sits_at(tables: Tables, unit: str, sector: str) -> None:
    assert tables.cluster is not None
    status = tables.app.clusters.status(tables.cluster)
    (state,) = [t for t in status.tables if t.unit_id == tables.units[unit]]
    assert [s.round_id for s in state.seats] == [tables.central, tables.sectoral[sector]]
    assert [s.title for s in state.seats] == ["the central table 'Front commun'",
                                              f"the sectoral table '{sector}'"]


def _return(tables: Tables, table: UUID, unit: UUID, row: dict[str, str]) -> None:
    yes, no = _count(row["yes"]), _count(row["no"])
    vote = Vote(date.fromisoformat(row["held on"]),
                Tally(eligible=yes + no + 1_000, cast=yes + no, yes=yes, no=no))
    tables.result = tables.app.rounds.record_return(table, unit, vote, actor=CHAIR,
                                                    place=f"{row.get('unit') or row['plant']}")


@when("the assemblies return their votes on the central table's agreement:")
def assemblies_return(tables: Tables, datatable: list[list[str]]) -> None:
    assert tables.central is not None
    for row in _rows(datatable):
        _return(tables, tables.central, tables.units[row["unit"]], row)


@then(parsers.parse('the returns read "{text}"'))
def returns_read(tables: Tables, text: str) -> None:
    result = tables.app.rounds.returns(tables.returns_of())
    assert text in result.explain(tables.label), result.explain(tables.label)


@then(parsers.parse('the returns as they stood on {on} read "{text}"'))
def returns_on(tables: Tables, on: str, text: str) -> None:
    result = tables.app.rounds.returns(tables.returns_of(), on=date.fromisoformat(on))
    assert text in result.explain(tables.label), result.explain(tables.label)


@when(parsers.parse("the count closes on {on}"))
def count_closes(tables: Tables, on: str) -> None:
    tables.result = tables.app.rounds.count_returns(tables.returns_of(),
                                                    on=date.fromisoformat(on), actor=CHAIR)


@then(parsers.parse('the {which} table is "{status}"'))
def table_is(tables: Tables, which: str, status: str) -> None:
    found = tables.app.rounds.get(tables.returns_of())
    assert found.status(sign_off_required=False).value == status


@then(parsers.parse("the Expiry Map shows every unit of the Front commun expiring on {expiry}"))
def map_front_commun(tables: Tables, expiry: str) -> None:
    for uid in tables.units.values():
        assert tables.app.expiry_map.unit(uid).expiry == date.fromisoformat(expiry)


@then(parsers.parse("the Expiry Map shows every GM plant expiring on {expiry}"))
def map_gm(tables: Tables, expiry: str) -> None:
    for uid in tables.plants.values():
        assert tables.app.expiry_map.unit(uid).expiry == date.fromisoformat(expiry)


def _state(tables: Tables, unit: str):  # type: ignore[no-untyped-def]
    assert tables.cluster is not None
    status = tables.app.clusters.status(tables.cluster)
    (state,) = [t for t in status.tables if t.unit_id == tables.units[unit]]
    return state


@then(parsers.parse('"{unit}" is not settled: its sectoral table is "{status}"'))
def not_settled_sectoral(tables: Tables, unit: str, status: str) -> None:
    state = _state(tables, unit)
    assert not state.settled
    assert state.status is TableStatus(status)
    assert [s.status for s in state.seats] == [TableStatus.RATIFIED, TableStatus(status)]


@when(parsers.parse("the {sector} sectoral table reaches a tentative agreement on workload on "
                    "{on}"))
def sectoral_agreement(tables: Tables, sector: str, on: str) -> None:
    tables.app.rounds.reach_tentative_agreement(
        tables.sectoral[sector], Terms.of(workload=Clause(True)), on=date.fromisoformat(on),
        actor=CHAIR)


@when(parsers.parse("the {sector} sectoral table reaches a tentative agreement from "
                    "{effective} to {expiry}"))
def sectoral_with_dates(tables: Tables, sector: str, effective: str, expiry: str) -> None:
    tables.attempt(lambda: tables.app.rounds.reach_tentative_agreement(
        tables.sectoral[sector], Terms.of(workload=Clause(True)), on=date(2023, 12, 22),
        effective=date.fromisoformat(effective), expiry=date.fromisoformat(expiry),
        actor=CHAIR))


@when(parsers.parse("members of the {sector} sectoral table ratify it on {on}"))
def sectoral_ratified(tables: Tables, sector: str, on: str) -> None:
    vote = Vote(date.fromisoformat(on), Tally(eligible=120_000, cast=90_000, yes=75_000,
                                              no=15_000))
    assert tables.app.rounds.record_ratification_vote(tables.sectoral[sector], vote,
                                                      actor=CHAIR)


@then(parsers.parse('"{first}" and "{second}" are settled'))
def both_settled(tables: Tables, first: str, second: str) -> None:
    assert _state(tables, first).settled and _state(tables, second).settled


@then(parsers.parse('"{first}" and "{second}" are not settled'))
def neither_settled(tables: Tables, first: str, second: str) -> None:
    assert not _state(tables, first).settled and not _state(tables, second).settled


@then("the Front commun is not settled")
def cluster_not_settled(tables: Tables) -> None:
    assert tables.cluster is not None
    assert not tables.app.clusters.status(tables.cluster).settled


@then(parsers.parse('it is refused because "{words}"'))
def refused(tables: Tables, words: str) -> None:
    assert words in str(tables.refusal())
    tables.nothing_recorded()


@when(parsers.parse('"{unit}" returns a vote on the {sector} sectoral table\'s agreement'))
def wrong_unit_returns(tables: Tables, unit: str, sector: str) -> None:
    vote = Vote(date(2024, 1, 20), Tally(eligible=100, cast=80, yes=60, no=20))
    tables.attempt(lambda: tables.app.rounds.record_return(
        tables.sectoral[sector], tables.units[unit], vote, actor=CHAIR))


# ------------------------------------------------------------------------------------- GM


@given(parsers.parse('a master table at GM over these plants, its returns combined by '
                     '"{rule}":'))
def gm_master(tables: Tables, rule: str, datatable: list[list[str]]) -> None:
    app = tables.app
    for row in _rows(datatable):
        uid = app.units.register(union="UAW", local="", employer="General Motors",
                                 unit_name=row["plant"], sector="auto", region="US", actor=CHAIR)
        app.units.record_agreement(uid, effective=date(2019, 10, 25), expiry=date(2023, 9, 14),
                                   actor=CHAIR)
        tables.plants[row["plant"]] = uid
    tables.master = app.rounds.open_table(
        units=list(tables.plants.values()), kind=TableKind.MASTER, name="UAW-GM",
        returns_rule=ReturnsRule(rule), on=date(2023, 7, 18), actor=CHAIR)


@given(parsers.parse("a tentative agreement at the master table from {effective} to {expiry}"))
def gm_tentative(tables: Tables, effective: str, expiry: str) -> None:
    assert tables.master is not None
    tables.app.rounds.reach_tentative_agreement(
        tables.master, Terms.of(wages=Increases([11, 3, 3, 3, 3])), on=date(2023, 10, 30),
        effective=date.fromisoformat(effective), expiry=date.fromisoformat(expiry), actor=CHAIR)


@when("the plants return their votes (illustrative splits):")
def plants_return(tables: Tables, datatable: list[list[str]]) -> None:
    assert tables.master is not None
    for row in _rows(datatable):
        _return(tables, tables.master, tables.plants[row["plant"]], row)


@then(parsers.parse('the units that voted no are "{names}"'))
def voted_no(tables: Tables, names: str) -> None:
    result = tables.app.rounds.returns(tables.returns_of())
    assert ", ".join(tables.label(u) for u in result.against) == names


@then(parsers.parse('with "{rule}" as the rule the returns would fail'))
def would_fail(tables: Tables, rule: str) -> None:
    result = tables.app.rounds.returns(tables.returns_of())
    assert result.carried
    assert not result.under(ReturnsRule(rule)).carried


@then(parsers.parse('the history of the master table reads "{first}" and "{second}"'))
def master_history(tables: Tables, first: str, second: str) -> None:
    summary = tables.app.history.of(tables.returns_of())[-1].summary
    assert first in summary and second in summary, summary


@then(parsers.parse('the plants that have not returned are "{names}"'))
def not_returned(tables: Tables, names: str) -> None:
    result = tables.app.rounds.returns(tables.returns_of())
    assert ", ".join(tables.label(u) for u in result.missing) == names
    assert f"not returned: {names}" in result.explain(tables.label)
