"""Step definitions for public_services.feature: threats, templates, rapid responses, public
actions, the reach of a threat and the connected fight."""

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
    FlagRule,
    OpenPeriod,
    OpenPeriodCalendar,
    PublicActionKind,
    Response,
    Tally,
    TemplateAction,
    ThreatKind,
    ThreatOutcome,
)
from tests.refusals import Refusals

STEWARD = Actor("d-1", "data steward")
ORG = Actor("o-1", "network coordinator")
COMMITTEE = Actor("c-1", "coordinating committee")


@dataclass
class Fight(Refusals):
    app: BargainingApp
    units: dict[str, UUID] = field(default_factory=dict)
    threat: UUID | None = None
    referendum: UUID | None = None
    response: UUID | None = None
    campaign: UUID | None = None

    @property
    def threat_id(self) -> UUID:
        assert self.threat is not None, "the scenario has not registered a threat"
        return self.threat

    def at(self, local: str) -> Response:
        found = [r for r in self.app.defense.responses(threat=self.threat_id)
                 if r.local == local]
        assert found, f"no response at {local}"
        return found[0]


@pytest.fixture
def fight() -> Iterator[Fight]:
    app = BargainingApp("memory")
    state = Fight(app)
    yield state
    state.ok()
    app.close()


def _day(text: str) -> date:
    return date.fromisoformat(text)


@given(parsers.re(r"these units \(.*\):"))
def these_units(fight: Fight, datatable: list[list[str]]) -> None:
    header, *rows = datatable
    for row in rows:
        r = dict(zip(header, row, strict=True))
        uid = fight.app.units.register(
            union=r["union"], local=r["local"], employer=r["employer"], unit_name=r["unit"],
            sector=r["sector"], region=r["region"], headcount=int(r["workers"]), actor=STEWARD)
        if r["expiry"].strip():
            expiry = _day(r["expiry"])
            fight.app.units.record_agreement(uid, effective=expiry.replace(year=expiry.year - 3),
                                             expiry=expiry, actor=STEWARD)
        fight.units[f"{r['union']} {r['local']}"] = uid


@given(parsers.parse('the template "{name}" answers {kind} threats with these actions:'))
def template(fight: Fight, name: str, kind: str, datatable: list[list[str]]) -> None:
    actions = [TemplateAction(a, rung, int(days)) for a, rung, days in datatable[1:]]
    fight.app.defense.publish_template(name, answers=[ThreatKind(kind)], actions=actions,
                                       checklist=["what the community loses"],
                                       roles=["spokesperson", "organizer"], actor=ORG)


@given(parsers.parse('the cluster "{name}" of the Quebec units, expiring {expiry}'))
def quebec_cluster(fight: Fight, name: str, expiry: str) -> None:
    day = _day(expiry)
    cluster = fight.app.clusters.form(
        name=name, sectors=["construction"], committee=[COMMITTEE], window_start=day,
        window_end=day, target_alignment=day, actor=COMMITTEE, on=date(2024, 1, 15))
    for label, uid in fight.units.items():
        if label.startswith("Alliance syndicale"):
            fight.app.clusters.admit(cluster, uid, actor=COMMITTEE, on=date(2024, 1, 15))


@given(parsers.parse('the host\'s calendar opens bargaining in "{region}" {days:d} days before '
                     'expiry (illustrative)'))
def calendar(fight: Fight, region: str, days: int) -> None:
    fight.app.defense.open_periods = OpenPeriodCalendar.build(
        {region: [OpenPeriod("bargaining", opens_days_before=days)]})


@when(parsers.re(r'the (?P<kind>[a-z ]+) threat "(?P<name>.+)" of (?P<on>[\d-]+) is registered '
                 r'against the (?P<dimension>sector|employer) "(?P<target>.+)" in '
                 r'"(?P<region>\w+)", driven by "(?P<behind>.+)"'))
def register(fight: Fight, kind: str, name: str, on: str, dimension: str, target: str,
             region: str, behind: str) -> None:
    targets = {"sectors" if dimension == "sector" else "employers": [target]}
    fight.threat = fight.app.defense.register_threat(
        ThreatKind(kind), name=name, on=_day(on), source="public record", regions=[region],
        behind=[behind], actor=ORG, **targets)


@then(parsers.parse('responses from template "{name}" version {version:d} are proposed for '
                    '"{locals_}"'))
def proposed(fight: Fight, name: str, version: int, locals_: str) -> None:
    found = fight.app.defense.responses(threat=fight.threat_id)
    assert sorted(r.local for r in found) == [x.strip() for x in locals_.split(",")]
    assert {(r.template_name, r.template_version) for r in found} == {(name, version)}
    assert all(f"template '{name}' version {version}" in r.why for r in found)


@then(parsers.re(r"the threat hits (?P<count>\d+) units? with (?P<workers>[\d,]+) workers"))
def hits(fight: Fight, count: str, workers: str) -> None:
    reach = fight.app.defense.reach(fight.threat_id)
    assert len(reach.units) == int(count)
    assert reach.workers == int(workers.replace(",", ""))


@when(parsers.parse('the referendum "{name}" is recorded against the threat with {cast:d} '
                    'ballots: {no:d} no, {yes:d} yes, {spoiled:d} spoiled, as of {on}'))
def referendum(fight: Fight, name: str, cast: int, no: int, yes: int, spoiled: int,
               on: str) -> None:
    fight.referendum = fight.app.defense.record_public_action(
        PublicActionKind.REFERENDUM, name=name, on=_day(on), source="Ontario Health Coalition",
        threats=[fight.threat_id], actor=ORG,
        tally=Tally(eligible=cast, cast=cast, yes=yes, no=no, spoiled=spoiled))


@then(parsers.parse('the referendum reads "{words}"'))
def referendum_reads(fight: Fight, words: str) -> None:
    assert fight.referendum is not None
    assert fight.app.defense.public_action(fight.referendum).result() == words


@when(parsers.parse("the threat is recorded as {outcome} on {on}"))
def outcome(fight: Fight, outcome: str, on: str) -> None:
    fight.app.defense.record_outcome(fight.threat_id, ThreatOutcome(outcome), on=_day(on),
                                     source="public record", actor=ORG)


@when(parsers.parse('the response at "{local}" is launched on {on}'))
def launch(fight: Fight, local: str, on: str) -> None:
    fight.response = fight.at(local).id
    fight.campaign = fight.app.defense.launch_response(
        fight.response, on=_day(on), actor=ORG, reason="the local's members voted to fight")


@when(parsers.parse('the response at "{local}" is launched again on {on}'))
def launch_again(fight: Fight, local: str, on: str) -> None:
    response = fight.at(local).id
    fight.attempt(lambda: fight.app.defense.launch_response(response, on=_day(on), actor=ORG))


@then(parsers.parse('it is refused as "{words}" and nothing new is recorded'))
def refused(fight: Fight, words: str) -> None:
    assert words in str(fight.refusal())
    fight.nothing_recorded()


@then(parsers.parse('its campaign plans "{first}" on {first_on} and "{second}" on {second_on}'))
def plans(fight: Fight, first: str, first_on: str, second: str, second_on: str) -> None:
    assert fight.campaign is not None
    actions = fight.app.campaigns.get(fight.campaign).plans.values()
    assert [(a.name, a.planned_on) for a in actions] == [(first, _day(first_on)),
                                                         (second, _day(second_on))]


@then("the response's time from threat to actions planned is recorded")
def response_time(fight: Fight) -> None:
    assert fight.response is not None
    found = fight.app.defense.response(fight.response)
    assert found.response_time is not None and found.response_time.total_seconds() > 0
    assert found.planned_at is not None and found.planned_at > found.threat_recorded_at


@when(parsers.re(r'the response records the (?P<kind>[a-z ]+) "(?P<name>.+)" of (?P<on>[\d-]+)'
                 r'(?: before "(?P<before>.+)")?$'))
def response_action(fight: Fight, kind: str, name: str, on: str, before: str | None) -> None:
    assert fight.response is not None
    fight.app.defense.record_public_action(
        PublicActionKind(kind), name=name, on=_day(on), source="CSN press releases",
        threats=[fight.threat_id], responses=[fight.response], before=before, actor=ORG)


@then("the response's public actions read, in date order:")
def response_actions(fight: Fight, datatable: list[list[str]]) -> None:
    found = fight.app.defense.public_actions(response=fight.response)
    assert [[str(a.on), a.kind.value, a.name] for a in found] == datatable[1:]


@then(parsers.parse('the threat shows the cluster "{name}" open, with {open_:d} of its '
                    '{hit:d} members hit open'))
def open_cluster(fight: Fight, name: str, open_: int, hit: int) -> None:
    (lever,) = fight.app.defense.reach(fight.threat_id).open_clusters
    assert (lever.name, len(lever.open), len(lever.hit)) == (name, open_, hit)


@then(parsers.parse('the threat reads "{status}"'))
def status(fight: Fight, status: str) -> None:
    assert fight.app.defense.threat(fight.threat_id).status == status


@then(parsers.parse('the threat\'s last act is flagged: "{why}"'))
def flagged(fight: Fight, why: str) -> None:
    *_, flags = fight.app.defense.threat(fight.threat_id).acts[-1]
    assert [(f.rule, f.why) for f in flags] == [(FlagRule.THREAT_OUT_OF_ORDER, why)]


@when(parsers.parse('these threats are registered, driven by "{behind}" (illustrative):'))
def many(fight: Fight, behind: str, datatable: list[list[str]]) -> None:
    for kind, name, sector in datatable[1:]:
        fight.app.defense.register_threat(ThreatKind(kind), name=name, on=date(2025, 1, 6),
                                          source="illustrative", sectors=[sector],
                                          behind=[behind], actor=ORG)


@then(parsers.parse('the connected fight shows "{driver}" hitting "{sectors}"'))
def connected(fight: Fight, driver: str, sectors: str) -> None:
    (front,) = fight.app.defense.connected()
    assert front.driver == driver and ", ".join(front.sectors) == sectors
