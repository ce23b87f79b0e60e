"""Step definitions for me_too_and_alignment.feature: me-too between the members a pact binds,
compared per year, one claim per unit and demand with its life; alignment on the target."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from uuid import UUID

import pytest
from pytest_bdd import given, parsers, then, when

from bargaining import (
    Actor,
    BargainingApp,
    Category,
    CompoundIncrease,
    Demand,
    Increases,
    MeTooClaim,
    PactRule,
    Tally,
    Terms,
    Vote,
)
from tests.refusals import Refusals

CHAIR = Actor("c-1", "cluster co-chair")


@dataclass
class Scene(Refusals):
    app: BargainingApp
    cluster: UUID | None = None
    units: dict[str, UUID] = field(default_factory=dict)
    rounds: dict[str, UUID] = field(default_factory=dict)

    @property
    def cluster_id(self) -> UUID:
        assert self.cluster is not None
        return self.cluster

    def claims(self, name: str) -> list[MeTooClaim]:
        status = self.app.clusters.status(self.cluster_id)
        return [c for c in status.me_too if c.entitlement.unit_id == self.units[name]]


@pytest.fixture
def scene() -> Iterator[Scene]:
    app = BargainingApp("memory")
    state = Scene(app)
    yield state
    app.close()
    state.ok()


def _day(text: str) -> date:
    return date.fromisoformat(text)


# ------------------------------------------------------------------ me-too


@given(parsers.re(r"a cluster whose pact has me-too on wages(?P<scope> between members of the "
                  r"same employer)?"))
def me_too_cluster(scene: Scene, scope: str | None) -> None:
    app = scene.app
    wages = [Demand("wages", Category.WAGES, CompoundIncrease(10, 15))]
    framework = app.frameworks.draft(name="Care 2026", sectors=["long-term care"], demands=wages,
                                     actor=CHAIR)
    app.frameworks.record_vote(framework, 1, Vote(date(2025, 10, 1), Tally(
        eligible=100, cast=90, yes=80, no=10)), actor=CHAIR)
    scene.cluster = app.clusters.form(
        name="Ontario LTC", sectors=["long-term care"], committee=[CHAIR],
        window_start=date(2026, 1, 1), window_end=date(2026, 12, 31),
        target_alignment=date(2029, 2, 28), actor=CHAIR, on=date(2025, 11, 1))
    app.clusters.adopt_framework(scene.cluster, framework, 1, actor=CHAIR, on=date(2025, 11, 1))
    rules = [PactRule.ME_TOO] + ([PactRule.ME_TOO_SAME_EMPLOYER] if scope else [])
    app.clusters.adopt_pact(scene.cluster, rules, me_too_demands=["wages"], actor=CHAIR,
                            on=date(2025, 11, 1))


def _member(scene: Scene, name: str, employer: str, signed: bool) -> None:
    app = scene.app
    uid = app.units.register(union="SEIU", local="2", employer=employer.strip(), unit_name=name,
                             sector="long-term care", region="ON", headcount=100, actor=CHAIR)
    app.units.record_agreement(uid, expiry=date(2026, 2, 28), actor=CHAIR)
    app.clusters.admit(scene.cluster_id, uid, actor=CHAIR, on=date(2025, 11, 1))
    if signed:
        app.clusters.sign_pact(scene.cluster_id, uid, on=date(2025, 11, 2), actor=CHAIR)
    scene.units[name] = uid
    scene.rounds[name] = app.rounds.open(uid, on=date(2026, 1, 5), cluster=scene.cluster,
                                         actor=CHAIR)


@given("these members, each of them signed the pact:")
def signed_members(scene: Scene, datatable: list[list[str]]) -> None:
    for name, employer in datatable[1:]:
        _member(scene, name, employer, signed=True)


@given(parsers.parse('"{name}" of "{employer}" is a member that has not signed the pact'))
def unsigned_member(scene: Scene, name: str, employer: str) -> None:
    _member(scene, name, employer, signed=False)


@when(parsers.parse('"{name}" settles raises of {raises} on {day}'))
def settles(scene: Scene, name: str, raises: str, day: str) -> None:
    yearly = [r.strip().rstrip("%") for r in raises.split(",")]
    voted = _day(day)
    effective = date(2026, 3, 1)
    expiry = date(2026 + len(yearly), 2, 28)
    scene.app.rounds.reach_tentative_agreement(
        scene.rounds[name], Terms.of(wages=Increases(yearly)), on=voted - timedelta(days=7),
        effective=effective, expiry=expiry, actor=CHAIR)
    assert scene.app.rounds.record_ratification_vote(
        scene.rounds[name], Vote(voted, Tally(eligible=100, cast=90, yes=70, no=20)),
        actor=CHAIR)


@then(parsers.parse('"{first}" settled {first_total} over {n:d} years and "{second}" '
                    "{second_total} over {m:d} years"))
def totals(scene: Scene, first: str, first_total: str, n: int, second: str, second_total: str,
           m: int) -> None:
    for name, total, years in ((first, first_total, n), (second, second_total, m)):
        ta = scene.app.rounds.get(scene.rounds[name]).tentative
        assert ta is not None
        assert ta.terms.items["wages"].describe().endswith(  # type: ignore[union-attr]
            f"compound to {total} over {years} years")


@then(parsers.parse('"{name}" is owed no me-too'))
def owed_nothing(scene: Scene, name: str) -> None:
    assert scene.claims(name) == []


@then(parsers.parse('"{name}" is owed me-too on {demand} from "{later}", reading "{words}"'))
def owed_from(scene: Scene, name: str, demand: str, later: str, words: str) -> None:
    (claim,) = [c for c in scene.claims(name) if c.entitlement.demand == demand]
    assert claim.entitlement.from_unit_id == scene.units[later]
    assert words in claim.entitlement.explanation, claim.entitlement.explanation


@then(parsers.parse('"{name}" has one me-too claim on {demand}'))
def one_claim(scene: Scene, name: str, demand: str) -> None:
    assert [c.entitlement.demand for c in scene.claims(name)] == [demand]
    cluster = scene.app.clusters.get(scene.cluster_id)
    assert [(e.unit_id, e.demand) for e in cluster.entitlements].count(
        (scene.units[name], demand)) == 1


@when(parsers.parse('"{name}" claims its me-too on {demand} on {day}'))
def claims(scene: Scene, name: str, demand: str, day: str) -> None:
    scene.app.clusters.claim_me_too(scene.cluster_id, scene.units[name], demand, actor=CHAIR,
                                    on=_day(day))


@when(parsers.parse('"{name}"\'s me-too on {demand} is settled on {day} because "{reason}"'))
def settled(scene: Scene, name: str, demand: str, day: str, reason: str) -> None:
    scene.attempt(lambda: scene.app.clusters.settle_me_too(
        scene.cluster_id, scene.units[name], demand, actor=CHAIR, on=_day(day), reason=reason))


@then(parsers.parse('it is refused with "{words}"'))
def refused_with(scene: Scene, words: str) -> None:
    error = str(scene.refusal())
    assert words in error, error


@then("nothing new is recorded")
def nothing_recorded(scene: Scene) -> None:
    scene.nothing_recorded()


@then(parsers.parse('the cluster\'s status reads "{words}"'))
def status_reads(scene: Scene, words: str) -> None:
    scene.ok()
    text = scene.app.clusters.status(scene.cluster_id).explain()
    assert words in text, text


# ------------------------------------------------------------------ alignment


@given(parsers.parse('a cluster "{name}" targeting {target}, whose members\' agreements '
                     "expired {expiry}:"))
def aligning_cluster(scene: Scene, name: str, target: str, expiry: str,
                     datatable: list[list[str]]) -> None:
    app, expired = scene.app, _day(expiry)
    scene.cluster = app.clusters.form(
        name=name, sectors=["auto"], committee=[CHAIR],
        window_start=expired - timedelta(days=60), window_end=expired + timedelta(days=60),
        target_alignment=_day(target), actor=CHAIR, on=expired - timedelta(days=90))
    for (unit,) in datatable[1:]:
        uid = app.units.register(union="UAW", local="", employer=unit, unit_name="master",
                                 sector="auto", region="US", headcount=1000, actor=CHAIR)
        app.units.record_agreement(uid, effective=expired.replace(year=expired.year - 4),
                                   expiry=expired, actor=CHAIR)
        app.clusters.admit(scene.cluster, uid, actor=CHAIR, on=expired - timedelta(days=90))
        scene.units[unit] = uid
        scene.rounds[unit] = app.rounds.open(uid, on=expired - timedelta(days=60),
                                             cluster=scene.cluster, actor=CHAIR)


def _aligned(scene: Scene, name: str):  # type: ignore[no-untyped-def]
    return next(a for a in scene.app.clusters.alignment(scene.cluster_id)
                if a.unit_id == scene.units[name])


@then(parsers.parse('"{name}" expires {expiry}, not on the target'))
def not_on_target(scene: Scene, name: str, expiry: str) -> None:
    found = _aligned(scene, name)
    assert found.expiry == _day(expiry) and not found.aligned


@when(parsers.parse("each reaches a tentative agreement from {effective} to {expiry}"))
def each_reaches(scene: Scene, effective: str, expiry: str) -> None:
    for round_id in scene.rounds.values():
        scene.app.rounds.reach_tentative_agreement(
            round_id, Terms.of(), on=date(2023, 10, 30), effective=_day(effective),
            expiry=_day(expiry), actor=CHAIR)


@then(parsers.parse('the tentative agreement at "{name}" lands on the target'))
def lands(scene: Scene, name: str) -> None:
    found = _aligned(scene, name)
    assert found.tentative_lands is True and not found.aligned


@when(parsers.parse("GM's members ratify it by {yes:d} votes to {no:d} on {day}"))
def gm_ratifies(scene: Scene, yes: int, no: int, day: str) -> None:
    vote = Vote(_day(day), Tally(eligible=46_000, cast=yes + no, yes=yes, no=no))
    assert round(vote.tally.yes * 1000 / vote.tally.cast) == 547  # 54.7%
    assert scene.app.rounds.record_ratification_vote(scene.rounds["GM"], vote, actor=CHAIR)


@when(parsers.parse("Ford's and Stellantis's members ratify theirs on {day}"))
def others_ratify(scene: Scene, day: str) -> None:
    for name in ("Ford", "Stellantis"):
        assert scene.app.rounds.record_ratification_vote(
            scene.rounds[name], Vote(_day(day), Tally(eligible=100, cast=90, yes=60, no=30)),
            actor=CHAIR)


@then(parsers.parse("every member of the cluster is aligned on {target}"))
def all_aligned(scene: Scene, target: str) -> None:
    members = scene.app.clusters.alignment(scene.cluster_id)
    assert [a.aligned for a in members] == [True, True, True]
    assert {a.expiry for a in members} == {_day(target)}
    assert {u.expiry for u in scene.app.expiry_map.all_units()} == {_day(target)}
    assert all(a.plan is None for a in scene.app.clusters.status(scene.cluster_id).alignment)


@then(parsers.parse('the planner proposes for "{name}" "{words}"'))
def planner_proposes(scene: Scene, name: str, words: str) -> None:
    plan = _aligned(scene, name).plan
    assert plan is not None and plan.explanation.startswith(words), plan
    assert re.search(r"\d{4}-\d{2}-\d{2}", words)
