"""Step definitions for disputes.feature: laws, interventions, strike flags as known."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from uuid import UUID

import pytest
from pytest_bdd import given, parsers, then, when

from bargaining import (
    Actor,
    BargainingApp,
    Flag,
    FlagRule,
    LawEffect,
    StrikePositionCalendar,
    StrikePositionRule,
    Tally,
    Vote,
)
from bargaining.domain.shared.shares import percent_of, show_percent
from tests.refusals import Refusals, position

STEWARD = Actor("d-1", "data steward")
EFFECTS = {
    "bans strikes": LawEffect.BANS_STRIKES,
    "imposes a contract": LawEffect.IMPOSES_CONTRACT,
    "orders a return to work": LawEffect.ORDERS_RETURN_TO_WORK,
    "imposes mediation-arbitration": LawEffect.IMPOSES_MEDIATION_ARBITRATION,
}
FLAGS = {
    "a strike while a law is in force": FlagRule.LAW_IN_FORCE,
    "before the legal strike position": FlagRule.BEFORE_LEGAL_STRIKE_POSITION,
}


@dataclass
class Dispute(Refusals):
    app: BargainingApp
    units: dict[str, UUID] = field(default_factory=dict)
    campaigns: dict[str, UUID] = field(default_factory=dict)
    law: UUID | None = None
    moments: dict[str, datetime] = field(default_factory=dict)
    vote: Vote | None = None

    @property
    def law_id(self) -> UUID:
        assert self.law is not None, "the scenario has not recorded a law"
        return self.law


@pytest.fixture
def dispute() -> Iterator[Dispute]:
    app = BargainingApp("memory")
    state = Dispute(app)
    yield state
    app.close()
    state.ok()


def day(text: str) -> date:
    return date.fromisoformat(text)


def flags_on(dispute: Dispute, label: str, on: str, at: datetime | None = None
             ) -> list[Flag]:
    return dispute.app.disputes.strike_flags(dispute.units[label], day(on), at=at)


def moment() -> datetime:
    """Now, after a pause, so what is recorded next is recorded later."""
    time.sleep(0.002)
    now = datetime.now(UTC)
    time.sleep(0.002)
    return now


# ------------------------------------------------------------------ given


@given(parsers.parse('the bargaining unit "{label}" in "{region}"'))
def a_unit(dispute: Dispute, label: str, region: str) -> None:
    dispute.units[label] = dispute.app.units.register(
        union="U", local=label, employer="Employer", unit_name=label, region=region,
        actor=STEWARD)


@given(parsers.parse('the campaign "{name}" for "{label}" launched on {on}'))
def a_campaign(dispute: Dispute, name: str, label: str, on: str) -> None:
    dispute.campaigns[name] = dispute.app.campaigns.launch(
        name=name, units=[dispute.units[label]], on=day(on), actor=STEWARD)


@given(parsers.re(r'the law "(?P<name>[^"]+)" of "(?P<region>[^"]+)" that (?P<does>.+), '
                  r'covering "(?P<label>[^"]+)"'))
def a_law(dispute: Dispute, name: str, region: str, does: str, label: str) -> None:
    effects = [EFFECTS[part.strip()] for part in re.split(r",| and ", does) if part.strip()]
    dispute.law = dispute.app.disputes.record_law(
        name=name, region=region, does=effects, units=[dispute.units[label]],
        campaigns=list(dispute.campaigns.values()), source=name.split(",")[0], actor=STEWARD)


@given(parsers.parse('the host\'s rule for "{region}": a legal strike position {days:d} days '
                     'after a "no board" report'))
def a_rule(dispute: Dispute, region: str, days: int) -> None:
    rule = StrikePositionRule(f"{region}: {days} days after a 'no board' report", days=days)
    dispute.app.disputes.strike_positions = StrikePositionCalendar.build({region: rule})


# ------------------------------------------------------------------- when


@when(parsers.parse("the law passes on {on}"))
def passes(dispute: Dispute, on: str) -> None:
    dispute.app.disputes.pass_law(dispute.law_id, on=day(on), source="royal assent",
                                  actor=STEWARD)


@when(parsers.parse('the moment is noted as "{name}"'))
def noted(dispute: Dispute, name: str) -> None:
    dispute.moments[name] = moment()


@when(parsers.parse("Bill 35 repeals the law on {on}, deeming it never to have been in force"))
def repealed(dispute: Dispute, on: str) -> None:
    dispute.attempt(lambda: dispute.app.disputes.repeal_law(
        dispute.law_id, on=day(on), source="S.O. 2022, c. 20", by="Bill 35",
        deemed_never_in_force=True, actor=STEWARD))


@when(parsers.parse('the employer\'s forced vote on its last offer is recorded for "{label}", '
                    'held on {on} with {eligible:d} eligible, {cast:d} voting, {yes:d} '
                    'accepting and {no:d} rejecting'))
def forced_vote(dispute: Dispute, label: str, on: str, eligible: int, cast: int, yes: int,
                no: int) -> None:
    dispute.vote = Vote(day(on), Tally(eligible=eligible, cast=cast, yes=yes, no=no))
    dispute.app.disputes.record_forced_vote(
        dispute.units[label], vote=dispute.vote, source="Ontario Labour Relations Board",
        made_by="the employer", campaigns=list(dispute.campaigns.values()), actor=STEWARD)


@when(parsers.parse('mediation-arbitration is imposed on "{label}" on {on} by "{law}"'))
def med_arb(dispute: Dispute, label: str, on: str, law: str) -> None:
    dispute.app.disputes.impose_mediation_arbitration(
        dispute.units[label], on=day(on), source=law, made_by=law,
        campaigns=list(dispute.campaigns.values()), actor=STEWARD)


@when(parsers.re(r'a "no board" report for (?P<labels>.+) is issued on (?P<on>[\d-]+)'))
def no_board(dispute: Dispute, labels: str, on: str) -> None:
    units = [dispute.units[label] for label in re.findall(r'"([^"]+)"', labels)]
    dispute.app.disputes.report_no_board(units, on=day(on), source="Ministry of Labour",
                                         actor=STEWARD)


@when(parsers.parse('the employer locks out "{label}" on {on}'))
def lockout(dispute: Dispute, label: str, on: str) -> None:
    dispute.app.disputes.declare_lockout(
        dispute.units[label], on=day(on), source="employer's notice", made_by="the employer",
        campaigns=list(dispute.campaigns.values()), actor=STEWARD)


@when(parsers.parse('the employer ends the lockout of "{label}" on {on}'))
def lockout_ended(dispute: Dispute, label: str, on: str) -> None:
    dispute.app.disputes.end_lockout(
        dispute.units[label], on=day(on), source="employer's notice", made_by="the employer",
        campaigns=list(dispute.campaigns.values()), actor=STEWARD)


# ------------------------------------------------------------------- then


@then(parsers.re(r'(?:read as "(?P<known>[^"]+)", )?a strike by "(?P<label>[^"]+)" on '
                 r'(?P<on>[\d-]+) is flagged as (?P<rule>.+), naming "(?P<text>[^"]+)"'))
def flagged(dispute: Dispute, known: str | None, label: str, on: str, rule: str,
            text: str) -> None:
    dispute.ok()
    found = flags_on(dispute, label, on, dispute.moments[known] if known else None)
    assert [f.rule for f in found] == [FLAGS[rule]], found
    assert text in found[0].why, found[0].why


@then(parsers.re(r'(?:read as known now, )?a strike by "(?P<label>[^"]+)" on (?P<on>[\d-]+) '
                 r'carries no flag'))
def unflagged(dispute: Dispute, label: str, on: str) -> None:
    assert flags_on(dispute, label, on) == []


@then("the law was never in force, as known now")
def void(dispute: Dispute) -> None:
    law = dispute.app.disputes.law(dispute.law_id)
    assert law.void_from_start and law.passed_on is not None
    assert not law.in_force_on(law.passed_on)


@then("the law's history reads:")
def law_history(dispute: Dispute, datatable: list[list[str]]) -> None:
    entries = dispute.app.history.of(dispute.law_id)
    read = [[e.event.lower(), e.occurred_on.isoformat() if e.occurred_on else ""]
            for e in entries]
    assert read == datatable[1:]


@then(parsers.re(r'the disputes of (?:the campaign )?"(?P<name>[^"]+)" read, in date order:'))
def listed(dispute: Dispute, name: str, datatable: list[list[str]]) -> None:
    disputes = dispute.app.disputes
    facts = (disputes.for_campaign(dispute.campaigns[name]) if name in dispute.campaigns
             else disputes.for_unit(dispute.units[name]))
    assert [[f.on.isoformat(), f.what] for f in facts] == [row[:2] for row in datatable[1:]]
    for fact, row in zip(facts, datatable[1:], strict=True):
        assert row[2] in fact.summary, fact.summary


@then(parsers.parse("the forced vote fails, with {turnout} voting and the offer rejected by "
                    "{rejected} of valid ballots"))
def vote_fails(dispute: Dispute, turnout: str, rejected: str) -> None:
    assert dispute.vote is not None and not dispute.vote.passed, dispute.vote
    tally = dispute.vote.tally
    assert show_percent(tally.turnout) == turnout
    assert show_percent(percent_of(tally.no, tally.valid)) == rejected


@then(parsers.parse('it is refused: "{message}"'))
def refused(dispute: Dispute, message: str) -> None:
    assert message in str(dispute.refusal())


@then("nothing new is recorded")
def nothing_new(dispute: Dispute) -> None:
    assert position(dispute.app) == dispute.before
