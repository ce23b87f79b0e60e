"""Step definitions for frameworks.feature and clusters.feature."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any
from uuid import UUID

import pytest
from pytest_bdd import given, parsers, then, when

from bargaining import (
    NO_TWO_TIER,
    Actor,
    Amount,
    BargainingApp,
    Category,
    Clause,
    CompoundIncrease,
    Demand,
    Evaluation,
    Increases,
    PactRule,
    Protection,
    Quantity,
    Tally,
    TermLength,
    Terms,
    Threshold,
    Tiered,
    Vote,
    Years,
    evaluate,
)
from tests.refusals import Refusals

CHAIR = Actor("c-1", "cluster co-chair")
MEASURES = {"compound", "more is better", "less is better", "protection", "maximum term"}


@dataclass
class Table(Refusals):
    app: BargainingApp
    demands: list[Demand] = field(default_factory=list)
    framework: UUID | None = None
    cluster: UUID | None = None
    units: dict[str, UUID] = field(default_factory=dict)
    rounds: dict[str, UUID] = field(default_factory=dict)
    evaluation: Evaluation | None = None


@pytest.fixture
def table() -> Iterator[Table]:
    app = BargainingApp("memory")
    state = Table(app)
    yield state
    app.close()
    state.ok()


def _measure(row: dict[str, str]) -> Any:
    kind = row["measure"]
    if kind == "compound":
        return CompoundIncrease(row["floor"], row["target"])
    if kind in ("more is better", "less is better"):
        return Quantity(row["unit"], row["floor"], row["target"],
                        more_is_better=kind == "more is better")
    if kind == "protection":
        return Protection(row["unit"])
    return TermLength(row["floor"], row["target"])


@given(parsers.parse('a framework "{name}" with these demands:'))
def framework_with_demands(table: Table, name: str, datatable: list[list[str]]) -> None:
    header, *rows = datatable
    for cells in rows:
        row = dict(zip(header, cells, strict=True))
        assert row["measure"] in MEASURES
        table.demands.append(Demand(row["demand"], Category(row["category"]), _measure(row)))
    table.framework = table.app.frameworks.draft(name=name, sectors=["health", "education"],
                                                 demands=table.demands, actor=CHAIR)


def _judge(table: Table, terms: Terms) -> None:
    table.evaluation = evaluate("Front commun 2023", 1, table.demands, terms)


@when(parsers.re(r"the employer offers wage increases of (?P<listed>[\d., and]+) percent"))
def offer_wages(table: Table, listed: str) -> None:
    numbers = listed.replace(" and ", ", ").split(", ")
    _judge(table, Terms.of(wages=Increases(numbers)))


def _term(demand: Demand, text: str) -> Any:
    if isinstance(demand.measure, CompoundIncrease):
        return Increases(text.split(", "))
    if isinstance(demand.measure, Protection):
        return Clause(text == "the clause")
    if isinstance(demand.measure, TermLength):
        return Years(text.split()[0])
    return Amount(text)


@when(parsers.re(r'the employer offers (?P<offer>.+) on "(?P<demand>[^"]+)"'))
def offer_on(table: Table, offer: str, demand: str) -> None:
    chosen = next(d for d in table.demands if d.key == demand)
    _judge(table, Terms({demand: _term(chosen, offer)}))


@when("the employer offers 8% a year for three years to current workers and 6% a year to "
      "those hired from 2024-01-01")
def offer_two_tier(table: Table) -> None:
    _judge(table, Terms.of(wages=Tiered(Increases([8, 8, 8]), date(2024, 1, 1),
                                        Increases([6, 6, 6]))))


@then(parsers.re(r'the (?P<demand>(?!overall ).+) verdict is "(?P<verdict>[^"]+)"'))
def verdict_is(table: Table, demand: str, verdict: str) -> None:
    assert table.evaluation is not None
    assert table.evaluation.verdict_for(demand).verdict.value == verdict


@then(parsers.parse('the {demand} explanation reads "{text}"'))
def explanation_reads(table: Table, demand: str, text: str) -> None:
    assert table.evaluation is not None
    assert table.evaluation.verdict_for(demand).explanation == text


@then(parsers.parse('the overall verdict is "{verdict}"'))
def overall_is(table: Table, verdict: str) -> None:
    assert table.evaluation is not None and table.evaluation.overall.value == verdict


@when(parsers.parse("someone drafts a wage demand with floor {floor} and target {target}"))
def draft_bad_demand(table: Table, floor: str, target: str) -> None:
    table.attempt(lambda: Demand("wages", Category.WAGES, CompoundIncrease(floor, target)))


@then(parsers.parse('it is refused with "{words}"'))
def refused_with(table: Table, words: str) -> None:
    error = str(table.refusal())
    assert words in error, error


@then("nothing new is recorded")
def nothing_recorded(table: Table) -> None:
    table.nothing_recorded()


QUORUMS = {"none": None, "one half": 50, "one third": Fraction(100, 3)}


@when(parsers.parse("members vote on version {number:d}: {eligible:d} eligible, {cast:d} cast, "
                    "{yes:d} yes, {no:d} no, {spoiled:d} spoiled, majority of cast, "
                    "quorum {quorum}"))
def members_vote(table: Table, number: int, eligible: int, cast: int, yes: int, no: int,
                 spoiled: int, quorum: str) -> None:
    assert table.framework is not None
    table.attempt(lambda: table.app.frameworks.record_vote(
        table.framework, number,  # type: ignore[arg-type]
        Vote(date(2023, 6, 1), Tally(eligible=eligible, cast=cast, yes=yes, no=no, spoiled=spoiled),
             Threshold.majority_of_cast(), quorum=QUORUMS[quorum]),
        actor=CHAIR))


@then(parsers.parse('version {number:d} is "{status}"'))
def version_status(table: Table, number: int, status: str) -> None:
    framework = table.app.frameworks.get(table.framework)  # type: ignore[arg-type]
    assert framework.get_version(number).status.value == status


@then(parsers.parse("the effective version is {number:d}"))
def effective_version(table: Table, number: int) -> None:
    effective = table.app.frameworks.get(table.framework).effective  # type: ignore[arg-type]
    assert effective is not None and effective.number == number


@then("no version is in effect")
def none_effective(table: Table) -> None:
    assert table.app.frameworks.get(table.framework).effective is None  # type: ignore[arg-type]


@when("the committee drafts an amendment")
def draft_amendment(table: Table) -> None:
    table.app.frameworks.amend(table.framework, table.demands[:2],
                               actor=CHAIR)  # type: ignore[arg-type]


@then("the effective version is still 1 and version 1 is still readable")
def still_one(table: Table) -> None:
    framework = table.app.frameworks.get(table.framework)  # type: ignore[arg-type]
    assert framework.effective is not None and framework.effective.number == 1
    assert len(framework.versions) == 2
    assert framework.get_version(1).demands == tuple(table.demands)


# ------------------------------------------------------------------ clusters

WAGE_DEMAND = "wages"
CARRIED = Vote(date(2026, 3, 1), Tally(eligible=100, cast=90, yes=80, no=10, spoiled=0))


@given(parsers.parse("a ratified framework with a wage floor of {floor}% and a target of "
                     "{target}% over the term"))
def ratified_framework(table: Table, floor: str, target: str) -> None:
    table.demands = [Demand(WAGE_DEMAND, Category.WAGES, CompoundIncrease(floor, target)),
                     Demand("two-tier", Category.JOB_SECURITY, Protection(NO_TWO_TIER))]
    table.framework = table.app.frameworks.draft(name="Care 2026", sectors=["long-term care"],
                                                 demands=table.demands, actor=CHAIR)
    table.app.frameworks.record_vote(table.framework, 1, CARRIED, actor=CHAIR)


@given(parsers.parse('a cluster "{name}" whose window runs from {start} to {end} and which '
                     "adopted it"))
def cluster_formed(table: Table, name: str, start: str, end: str) -> None:
    table.cluster = table.app.clusters.form(
        name=name, sectors=["long-term care"], committee=[CHAIR],
        window_start=date.fromisoformat(start), window_end=date.fromisoformat(end),
        target_alignment=date(2029, 3, 31), actor=CHAIR, on=date(2025, 11, 1))
    table.app.clusters.adopt_framework(table.cluster, table.framework, 1,
                                       actor=CHAIR, on=date(2025, 11, 1))  # type: ignore[arg-type]


@given("its pact requires sign-off, no deal until every table settles, and me-too on wages")
def pact(table: Table) -> None:
    table.app.clusters.adopt_pact(table.cluster,  # type: ignore[arg-type]
                                  [PactRule.SIGN_OFF, PactRule.NO_DEAL_UNTIL_ALL_SETTLE,
                                   PactRule.ME_TOO],
                                  me_too_demands=[WAGE_DEMAND], actor=CHAIR, on=date(2025, 11, 1))


@given("these units, each with an agreement expiring:")
def units_expiring(table: Table, datatable: list[list[str]]) -> None:
    for name, expiry in datatable[1:]:
        uid = table.app.units.register(union="SEIU", local="2", employer=name, unit_name="LTC",
                                       sector="long-term care", region="ON", headcount=100,
                                       actor=CHAIR)
        table.app.units.record_agreement(uid, expiry=date.fromisoformat(expiry), actor=CHAIR)
        table.units[name] = uid


@when(parsers.parse('the committee admits "{name}"'))
def admit(table: Table, name: str) -> None:
    table.attempt(lambda: table.app.clusters.admit(table.cluster, table.units[name],
                                                   # type: ignore[arg-type]
                                               actor=CHAIR, on=date(2025, 11, 1)))


@when(parsers.parse('the committee admits "{name}" with the reason "{reason}"'))
def admit_override(table: Table, name: str, reason: str) -> None:
    table.attempt(lambda: table.app.clusters.admit(table.cluster, table.units[name],
                                                   # type: ignore[arg-type]
                                               actor=CHAIR, override_reason=reason,
                                               on=date(2025, 11, 1)))


@then(parsers.parse('"{name}" is a member of the cluster'))
def is_member(table: Table, name: str) -> None:
    member = table.app.clusters.get(table.cluster).members[table.units[name]]  # type: ignore[arg-type]
    assert not member.withdrawn and member.admitted_by == CHAIR


@then(parsers.parse('"{name}" is a member of the cluster, admitted by override "{reason}"'))
def is_member_by_override(table: Table, name: str, reason: str) -> None:
    member = table.app.clusters.get(table.cluster).members[table.units[name]]  # type: ignore[arg-type]
    assert member.override_reason == reason


@given(parsers.parse('"{name}" is a member'))
def given_member(table: Table, name: str) -> None:
    table.app.clusters.admit(table.cluster, table.units[name],
                             actor=CHAIR, on=date(2025, 11, 1))  # type: ignore[arg-type]


@when(parsers.parse('"{name}" withdraws'))
def withdraws(table: Table, name: str) -> None:
    table.app.clusters.withdraw(table.cluster, table.units[name], actor=CHAIR,
                                # type: ignore[arg-type]
                            reason="the local voted to leave", on=date(2025, 11, 1))


@then(parsers.parse('"{name}" is recorded as withdrawn'))
def recorded_withdrawn(table: Table, name: str) -> None:
    cluster = table.app.clusters.get(table.cluster)  # type: ignore[arg-type]
    assert cluster.members[table.units[name]].withdrawn
    assert table.units[name] not in [m.unit_id for m in cluster.active_members]


@when("the committee tries to adopt an amendment members have not ratified")
def adopt_unratified(table: Table) -> None:
    version = table.app.frameworks.amend(table.framework, table.demands[:1],
                                         actor=CHAIR)  # type: ignore[arg-type]
    table.attempt(lambda: table.app.clusters.adopt_framework(table.cluster, table.framework,
                                                             # type: ignore[arg-type]
                                                    version, actor=CHAIR, on=date(2025, 11, 1)))


@given(parsers.parse('"{name}" is a member bargaining at its table'))
def member_at_table(table: Table, name: str) -> None:
    table.app.clusters.admit(table.cluster, table.units[name],
                             actor=CHAIR, on=date(2025, 11, 1))  # type: ignore[arg-type]
    table.rounds[name] = table.app.rounds.open(table.units[name],
                                               on=date(2026, 1, 5),
                                               cluster=table.cluster, actor=CHAIR)


@when(parsers.parse('the team at "{name}" reaches a tentative agreement of {pct}% a year for '
                    "four years"))
def tentative(table: Table, name: str, pct: str) -> None:
    terms = Terms.of(wages=Increases([Decimal(pct)] * 4), **{"two-tier": Clause(True)})
    table.app.rounds.reach_tentative_agreement(
        table.rounds[name], terms, on=date(2026, 3, 1), effective=date(2026, 5, 1),
        expiry=date(2030, 3, 31), actor=CHAIR)


@then(parsers.parse('the table at "{name}" is "{status}"'))
def table_status(table: Table, name: str, status: str) -> None:
    tables = table.app.clusters.status(table.cluster).tables  # type: ignore[arg-type]
    state = next(t for t in tables if t.unit_id == table.units[name])
    assert state.status is not None and state.status.value == status


@when(parsers.parse('members at "{name}" ratify it'))
def ratify(table: Table, name: str) -> None:
    """Members vote on 2026-03-10: after the tentative agreement and the committee's vote."""
    vote = Vote(date(2026, 3, 10), CARRIED.tally)
    assert table.app.rounds.record_ratification_vote(table.rounds[name], vote, actor=CHAIR)


@when(parsers.parse('the committee {decision} sign-off by {yes:d} votes to {no:d} because '
                    '"{reason}"'))
def sign_off(table: Table, decision: str, yes: int, no: int, reason: str) -> None:
    round_id = next(iter(table.rounds.values()))
    table.app.clusters.decide_sign_off(table.cluster, round_id, approved=decision == "approves",
                                       # type: ignore[arg-type]
                              vote=Vote(date(2026, 3, 2), Tally(eligible=12, cast=12, yes=yes,
                                                                no=no, spoiled=0)),
                              actor=CHAIR, reason=reason)


@then(parsers.parse('the Expiry Map shows "{name}" expiring on {expiry}'))
def map_shows(table: Table, name: str, expiry: str) -> None:
    assert table.app.expiry_map.unit(table.units[name]).expiry == date.fromisoformat(expiry)


@then(parsers.parse("the cluster is {state}"))
def cluster_settled(table: Table, state: str) -> None:
    assert table.app.clusters.status(table.cluster).settled == (state == "settled")  # type: ignore[arg-type]


@given(parsers.parse('"{first}" and "{second}" signed the pact'))
def both_signed(table: Table, first: str, second: str) -> None:
    for name in (first, second):
        table.app.clusters.sign_pact(table.cluster, table.units[name],  # type: ignore[arg-type]
                                     on=date(2025, 11, 2), actor=CHAIR)


@then(parsers.parse('"{earlier}" is owed me-too on {demand} from "{later}"'))
def owed(table: Table, earlier: str, demand: str, later: str) -> None:
    owed = table.app.clusters.status(table.cluster).entitlements  # type: ignore[arg-type]
    assert [(e.unit_id, e.demand, e.from_unit_id) for e in owed] == [
        (table.units[earlier], demand, table.units[later])]


@then("the cluster's status shows no breach of the pact")
def no_breach(table: Table) -> None:
    status = table.app.clusters.status(table.cluster)  # type: ignore[arg-type]
    assert status.breaches == () and all(t.flags == () for t in status.tables)


@then(parsers.parse('the cluster\'s status reads "{words}"'))
def status_reads(table: Table, words: str) -> None:
    text = table.app.clusters.status(table.cluster).explain()  # type: ignore[arg-type]
    assert words in text, text
