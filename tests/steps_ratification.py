"""Step definitions for ratification.feature (with the cluster steps of steps_coordination)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from pytest_bdd import given, parsers, then, when

from bargaining import (
    Body,
    Category,
    Clause,
    CompoundIncrease,
    Demand,
    FlagRule,
    Increases,
    PactRule,
    Protection,
    Tally,
    Terms,
    Vote,
)
from bargaining.domain.frameworks.framework import NO_TWO_TIER
from tests.steps_coordination import CARRIED, CHAIR, Table


def _count(text: str) -> int:
    return int(text.replace(",", ""))


@given(parsers.parse('a cluster "{name}" whose framework sets a wage floor of {floor}% and a '
                     "target of {target}% over the term"))
def education_cluster(table: Table, name: str, floor: str, target: str) -> None:
    table.demands = [Demand("wages", Category.WAGES, CompoundIncrease(floor, target)),
                     Demand("two-tier", Category.JOB_SECURITY, Protection(NO_TWO_TIER))]
    table.framework = table.app.frameworks.draft(name=name, sectors=["education"],
                                                 demands=table.demands, actor=CHAIR)
    table.app.frameworks.record_vote(table.framework, 1, CARRIED, actor=CHAIR)
    table.cluster = table.app.clusters.form(
        name=name, sectors=["education"], committee=[CHAIR], window_start=date(2022, 8, 1),
        window_end=date(2022, 8, 31), target_alignment=date(2026, 8, 31), actor=CHAIR,
        on=date(2022, 5, 1))
    table.app.clusters.adopt_framework(table.cluster, table.framework, 1, actor=CHAIR,
                                      on=date(2022, 5, 1))


@given("its pact requires the cluster's sign-off below a floor")
def sign_off_pact(table: Table) -> None:
    assert table.cluster is not None
    table.app.clusters.adopt_pact(table.cluster, [PactRule.SIGN_OFF], actor=CHAIR,
                                  on=date(2022, 5, 1))


@given(parsers.parse('"{name}", about {workers} school board workers whose agreement runs from '
                     "{effective} to {expiry}, bargains at its table in the cluster"))
def osbcu(table: Table, name: str, workers: str, effective: str, expiry: str) -> None:
    assert table.cluster is not None
    uid = table.app.units.register(union="CUPE", local=name, employer="Ontario school boards",
                                   unit_name="Education workers", sector="education",
                                   region="ON", headcount=_count(workers), actor=CHAIR)
    table.app.units.record_agreement(uid, effective=date.fromisoformat(effective),
                                     expiry=date.fromisoformat(expiry), actor=CHAIR)
    table.units[name] = uid
    table.app.clusters.admit(table.cluster, uid, actor=CHAIR, on=date(2022, 5, 15))
    table.rounds[name] = table.app.rounds.open(uid, on=date(2022, 6, 1), cluster=table.cluster,
                                               actor=CHAIR)


@when(parsers.parse('the bargaining team at "{name}" reaches a tentative agreement on {on} of '
                    "{pct}% a year for four years, from {effective} to {expiry}"))
def osbcu_tentative(table: Table, name: str, on: str, pct: str, effective: str,
                    expiry: str) -> None:
    terms = Terms.of(wages=Increases([Decimal(pct)] * 4), **{"two-tier": Clause(True)})
    table.attempt(lambda: table.app.rounds.reach_tentative_agreement(
        table.rounds[name], terms, on=date.fromisoformat(on),
        effective=date.fromisoformat(effective), expiry=date.fromisoformat(expiry),
        actor=CHAIR))


@when(parsers.parse('members at "{name}" vote on {on}: {yes} yes and {no} no of {cast} voting, '
                    "{eligible} eligible"))
def members_vote_on_it(table: Table, name: str, on: str, yes: str, no: str, cast: str,
                       eligible: str) -> None:
    vote = Vote(date.fromisoformat(on), Tally(eligible=_count(eligible), cast=_count(cast),
                                              yes=_count(yes), no=_count(no)))
    table.app.rounds.record_ratification_vote(table.rounds[name], vote, actor=CHAIR)


@when(parsers.parse("delegates vote on it on {on}: {yes:d} yes and {no:d} no"))
def delegates_vote(table: Table, on: str, yes: int, no: int) -> None:
    vote = Vote(date.fromisoformat(on), Tally(eligible=yes + no, cast=yes + no, yes=yes, no=no),
                body=Body.delegates())
    round_id = next(iter(table.rounds.values()))
    assert table.app.rounds.record_ratification_vote(round_id, vote, actor=CHAIR) is False


@when(parsers.parse('the committee {decision} sign-off on {on} by {yes:d} votes to {no:d} '
                    'because "{reason}"'))
def dated_sign_off(table: Table, decision: str, on: str, yes: int, no: int,
                   reason: str) -> None:
    assert table.cluster is not None
    vote = Vote(date.fromisoformat(on), Tally(eligible=yes + no, cast=yes + no, yes=yes, no=no))
    table.app.clusters.decide_sign_off(table.cluster, next(iter(table.rounds.values())),
                                       approved=decision == "approves", vote=vote, actor=CHAIR,
                                       reason=reason)


@then(parsers.parse('the breach by "{name}" reads "{words}"'))
def breach_reads(table: Table, name: str, words: str) -> None:
    status = table.app.clusters.status(table.cluster)  # type: ignore[arg-type]
    [breach] = [b for b in status.breaches if b.unit_id == table.units[name]]
    assert words in breach.explain(), breach.explain()


@then(parsers.parse('the cluster\'s status on {on} lists a breach of the pact by "{name}"'))
def breach_listed_on(table: Table, on: str, name: str) -> None:
    status = table.app.clusters.status(table.cluster, on=date.fromisoformat(on))  # type: ignore[arg-type]
    assert [b.unit_id for b in status.breaches] == [table.units[name]]
    assert "(final) [flagged: 1]" in status.explain(), status.explain()


@then(parsers.parse('the vote is recorded as "{words}"'))
def vote_recorded(table: Table, words: str) -> None:
    found = table.app.rounds.get(next(iter(table.rounds.values())))
    votes = [found.ratification] if found.ratification else found.failed_votes
    assert votes and words in votes[-1].explain(), votes  # type: ignore[union-attr]


@then(parsers.parse('the round at "{name}" is flagged "{rule}" because "{why}"'))
def round_flagged(table: Table, name: str, rule: str, why: str) -> None:
    [flag] = table.app.rounds.get(table.rounds[name]).recorded_flags
    assert flag.rule is FlagRule.RATIFIED_WITHOUT_SIGN_OFF and flag.rule.value == rule
    assert why in flag.why, flag.why


@then(parsers.parse('the cluster\'s status lists a breach of the pact by "{name}"'))
def breach_listed(table: Table, name: str) -> None:
    status = table.app.clusters.status(table.cluster)  # type: ignore[arg-type]
    [breach] = status.breaches
    [state] = [t for t in status.tables if t.unit_id == table.units[name]]
    assert breach.unit_id == table.units[name] and state.flags == (breach.flag,)


@then(parsers.parse('the history of the round at "{name}" reads "{first}" and "{second}"'))
def history_reads(table: Table, name: str, first: str, second: str) -> None:
    summary = table.app.history.of(table.rounds[name])[-1].summary
    assert first in summary and second in summary, summary
