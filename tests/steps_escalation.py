"""Step definitions for escalation.feature: campaigns, structure tests, mandates, strikes."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from fractions import Fraction
from uuid import UUID

import pytest
from pytest_bdd import given, parsers, then, when

from bargaining import (
    Actor,
    BargainingApp,
    Ladder,
    Outcome,
    Rung,
    RungKind,
    StructureTest,
    Tally,
    Turnout,
    Vote,
)
from bargaining.domain.shared.shares import show_percent
from tests.refusals import Refusals

CHAIR = Actor("c-1", "committee co-chair")
ORGANIZER = Actor("o-1", "organizer")
WEEK = timedelta(days=7)


@dataclass
class Scene(Refusals):
    app: BargainingApp
    units: dict[str, UUID] = field(default_factory=dict)
    campaign: UUID | None = None
    test: StructureTest | None = None

    @property
    def cid(self) -> UUID:
        assert self.campaign is not None, "the scenario has not launched a campaign"
        return self.campaign



@pytest.fixture
def scene() -> Iterator[Scene]:
    app = BargainingApp("memory")
    state = Scene(app)
    yield state
    app.close()
    state.ok()


def day(text: str) -> date:
    return date.fromisoformat(text)


def names(text: str) -> list[str]:
    return re.findall(r'"([^"]+)"', text)


def plain(event_name: str) -> str:
    return re.sub(r"(?<!^)([A-Z])", r" \1", event_name).lower()


def ladder_from(datatable: list[list[str]]) -> Ladder:
    return Ladder([Rung(name, threshold.rstrip("%"), RungKind(kind))
                   for name, threshold, kind in datatable[1:]])


def short(rung: str) -> str:
    return rung.split(" /")[0]


# ------------------------------------------------------------------ units and launch


@given(parsers.re(r"the units (?P<listed>.+)"))
def the_units(scene: Scene, listed: str) -> None:
    for name in names(listed):
        scene.units[name] = scene.app.units.register(
            union="SEIU", local="2", employer=name, unit_name="care", sector="long-term care",
            region="ON", headcount=300, actor=CHAIR)


@given("these units:")
def these_units(scene: Scene, datatable: list[list[str]]) -> None:
    for name, union, local, employer, unit_name in datatable[1:]:
        scene.units[name] = scene.app.units.register(
            union=union, local=local, employer=employer, unit_name=unit_name, actor=CHAIR)


@given(parsers.parse('a campaign for "{name}" launched on {launched}'))
@when(parsers.parse('a campaign is launched for "{name}" on {launched}'))
def launch_one(scene: Scene, name: str, launched: str) -> None:
    scene.campaign = scene.app.campaigns.launch(name="Care can't wait", on=day(launched),
                                                units=scene.units[name], actor=CHAIR)


@when(parsers.parse('a campaign is launched for "{name}" on {launched} with this ladder:'))
def launch_with_ladder(scene: Scene, name: str, launched: str,
                       datatable: list[list[str]]) -> None:
    scene.campaign = scene.app.campaigns.launch(
        name="Care can't wait", on=day(launched), units=scene.units[name],
        ladder=ladder_from(datatable), actor=CHAIR)


@given(parsers.parse("a joint campaign for them launched on {launched}"))
def launch_joint(scene: Scene, launched: str) -> None:
    scene.campaign = scene.app.campaigns.launch(name="Together", on=day(launched),
                                                units=list(scene.units.values()), actor=CHAIR)


@given(parsers.parse('a campaign for the cluster "{name}" of them launched on {launched}'))
def launch_cluster(scene: Scene, name: str, launched: str) -> None:
    cluster = scene.app.clusters.form(
        name=name, sectors=["public sector"], committee=[CHAIR], window_start=date(2023, 1, 1),
        window_end=date(2023, 12, 31), target_alignment=date(2028, 3, 31), actor=CHAIR,
        on=date(2022, 11, 1))
    for uid in scene.units.values():
        scene.app.units.record_agreement(uid, expiry=date(2023, 3, 31), actor=CHAIR)
        scene.app.clusters.admit(cluster, uid, actor=CHAIR, on=date(2022, 11, 1))
    scene.campaign = scene.app.campaigns.launch(name=name, on=day(launched),
                                                cluster=cluster, actor=CHAIR)
    assert set(scene.app.campaigns.get(scene.campaign).units) == set(scene.units.values())


@given(parsers.parse('the campaign has climbed to "{rung}" by {reached}'))
def climbed_to(scene: Scene, rung: str, reached: str) -> None:
    """Climb a rung a week on passed tests (95% everywhere; a 95% strike vote of everyone)."""
    app, on = scene.app, scene.app.campaigns.get(scene.cid).launched_on
    found = app.campaigns.get(scene.cid)
    while found.rung.name != rung:
        on += WEEK
        if found.rung.kind is RungKind.STRIKE_VOTE:
            app.campaigns.record_mandate(scene.cid, Vote(on, Tally(eligible=100, cast=100, yes=95,
                                                                   no=5, spoiled=0)),
                                         actor=CHAIR,
                               scope="a strike")
        else:
            number = app.campaigns.plan_action(scene.cid, name=short(found.rung.name),
                                               rung=found.rung.name, on=on, actor=ORGANIZER)
            counts = [Turnout(u.unit_id, 100, 95) for u in found.active_units]
            app.campaigns.hold_action(scene.cid, number, counts, actor=ORGANIZER)
        app.campaigns.escalate(scene.cid, on=on, actor=CHAIR)
        found = app.campaigns.get(scene.cid)
    assert on == day(reached), f"the campaign reached '{rung}' on {on}, not {reached}"


# ------------------------------------------------------------------ ladders


@then(parsers.parse('the campaign stands on "{rung}"'))
def stands_on(scene: Scene, rung: str) -> None:
    scene.ok()
    assert scene.app.campaigns.get(scene.cid).rung.name == rung


@then("its ladder reads:")
def ladder_reads(scene: Scene, datatable: list[list[str]]) -> None:
    ladder = scene.app.campaigns.get(scene.cid).ladder
    assert [[r.name, show_percent(r.threshold), r.kind.value] for r in ladder.rungs] == (
        datatable[1:])


@when(parsers.parse('the campaign adopts the default ladder on {on} because "{why}"'))
def adopt_default(scene: Scene, on: str, why: str) -> None:
    scene.app.campaigns.change_ladder(scene.cid, Ladder.default(), on=day(on), actor=CHAIR,
                                      reason=why)


def entries(scene: Scene) -> list[str]:
    return [plain(type(e).__name__) for e in scene.app.eventsourcing.events.get(scene.cid)]


@then(parsers.parse("the campaign's history reads: {listed}"))
def history_reads(scene: Scene, listed: str) -> None:
    assert entries(scene) == [e.strip() for e in listed.split(",")]


@then(parsers.parse("the campaign's last entries read: {listed}"))
def last_entries(scene: Scene, listed: str) -> None:
    expected = [e.strip() for e in listed.split(",")]
    assert entries(scene)[-len(expected):] == expected


# ------------------------------------------------------------------ structure tests


@when(parsers.parse('"{action}" is held on {on} with these counts:'))
def held_with_counts(scene: Scene, action: str, on: str, datatable: list[list[str]]) -> None:
    rows = datatable[1:]
    plan: dict[UUID, list[str]] = {}
    for unit, group, _, _ in rows:
        groups = plan.setdefault(scene.units[unit], [])
        if group != "whole unit":
            groups.append(group)
    rung = scene.app.campaigns.get(scene.cid).rung.name
    number = scene.app.campaigns.plan_action(scene.cid, name=action, rung=rung, on=day(on),
                                             units=plan,
                                   actor=ORGANIZER)

    def hold() -> None:
        counts = [Turnout(scene.units[unit], int(eligible), int(took_part),
                          None if group == "whole unit" else group)
                  for unit, group, eligible, took_part in rows]
        scene.test = scene.app.campaigns.hold_action(scene.cid, number, counts, actor=ORGANIZER)

    scene.attempt(hold)


@then(parsers.parse('the structure test reads "{text}"'))
def structure_test_reads(scene: Scene, text: str) -> None:
    scene.ok()
    assert scene.test is not None and scene.test.explain() == text


@then("the verdict is recorded with its numbers")
def verdict_recorded(scene: Scene) -> None:
    held = list(scene.app.eventsourcing.events.get(scene.cid))[-1]
    assert type(held).__name__ == "ActionHeld"
    assert held.test == scene.test  # type: ignore[attr-defined]
    assert sum(t.participants for t in held.turnouts) == scene.test.participants  # type: ignore[attr-defined, union-attr]


# ------------------------------------------------------------------ climbing


@when(parsers.parse("the campaign tries to escalate on {on}"))
def try_escalate(scene: Scene, on: str) -> None:
    scene.attempt(lambda: scene.app.campaigns.escalate(scene.cid, on=day(on), actor=CHAIR))


@when(parsers.parse("the campaign escalates on {on}"))
def escalates(scene: Scene, on: str) -> None:
    scene.app.campaigns.escalate(scene.cid, on=day(on), actor=CHAIR)


def mandate(on: date, yes: int, no: int) -> Vote:
    return Vote(on, Tally(eligible=yes + no, cast=yes + no, yes=yes, no=no, spoiled=0))


@when(parsers.parse('"{who}" acting as "{role}" escalates on {on} with a mandate of {yes:d} '
                    'votes to {no:d} because "{why}"'))
def escalates_by_override(scene: Scene, who: str, role: str, on: str, yes: int, no: int,
                          why: str) -> None:
    scene.attempt(lambda: scene.app.campaigns.escalate(
        scene.cid, on=day(on), actor=Actor(who, role), mandate=mandate(day(on), yes, no),
        reason=why))


@then(parsers.parse('the climb to "{rung}" is recorded as an override by "{who}" acting as '
                    '"{role}", with a mandate of {yes:d} votes to {no:d}, because "{why}"'))
def recorded_override(scene: Scene, rung: str, who: str, role: str, yes: int, no: int,
                      why: str) -> None:
    move = scene.app.campaigns.get(scene.cid).moves[-1]
    assert (move.rung, move.direction, move.by) == (rung, "escalated", Actor(who, role))
    assert move.override is not None
    assert move.override.mandate == mandate(move.on, yes, no)
    assert move.override.why == why and move.reason == why


@then(parsers.parse('it is refused with "{words}"'))
def refused_with(scene: Scene, words: str) -> None:
    error = str(scene.refusal())
    assert words in error, error


@then("nothing new is recorded")
def nothing_recorded(scene: Scene) -> None:
    scene.nothing_recorded()


@then(parsers.parse('{ready:d} of {total:d} units are ready to climb, held back by "{label}"'))
def ready_to_climb(scene: Scene, ready: int, total: int, label: str) -> None:
    scene.ok()
    report = scene.app.campaigns.readiness(scene.cid)
    assert (len(report.ready), len(report.ready) + len(report.held_back)) == (ready, total)
    assert report.held_back_labels == (label,)
    assert not report.can_climb


def biggest_worst(scene: Scene, on: date | None, group: str, unit: str, count: int,
                  rung: str) -> None:
    scene.ok()
    report = scene.app.campaigns.readiness(scene.cid, on=on)
    worst = report.biggest_worst
    assert worst is not None
    assert (worst.work_group, worst.unit_id, report.biggest_worst_rung) == (
        group, scene.units[unit], rung)
    assert (worst.short_of_current if rung == report.rung.name else worst.short_of_next) == count


@then(parsers.parse('the biggest worst is the "{group}" work group of "{unit}", {count:d} short '
                    'of "{rung}"'))
def biggest_worst_now(scene: Scene, group: str, unit: str, count: int, rung: str) -> None:
    biggest_worst(scene, None, group, unit, count, rung)


@then(parsers.parse('on {on} the biggest worst is the "{group}" work group of "{unit}", '
                    '{count:d} short of "{rung}"'))
def biggest_worst_on(scene: Scene, on: str, group: str, unit: str, count: int,
                     rung: str) -> None:
    biggest_worst(scene, day(on), group, unit, count, rung)


@when(parsers.parse("the campaign lets {part:d} of every {whole:d} units carry a climb, on {on}"))
def climb_share(scene: Scene, part: int, whole: int, on: str) -> None:
    scene.app.campaigns.change_climb_share(scene.cid, Fraction(part * 100, whole), on=day(on),
                                           actor=CHAIR,
                                 reason="the committee's decision")


# ------------------------------------------------------------------ mandates and strikes


@when(parsers.parse('each unit votes on a strike mandate "{scope}":'))
def strike_votes(scene: Scene, scope: str, datatable: list[list[str]]) -> None:
    for unit, held_on, eligible, cast, yes, no, spoiled in datatable[1:]:
        vote = Vote(day(held_on), Tally(eligible=int(eligible), cast=int(cast), yes=int(yes),
                                        no=int(no),
                                        spoiled=int(spoiled)))
        scene.app.campaigns.record_mandate(scene.cid, vote, unit=scene.units[unit], scope=scope,
                                           actor=CHAIR)


@then(parsers.parse('every strike vote carried, with the scope "{scope}"'))
def every_vote_carried(scene: Scene, scope: str) -> None:
    mandates = scene.app.campaigns.get(scene.cid).mandates
    assert mandates and all(m.carried and m.scope == scope for m in mandates)


@when(parsers.parse('"{unit}" tries to walk out on {on}'))
def try_walk_out(scene: Scene, unit: str, on: str) -> None:
    scene.attempt(lambda: scene.app.campaigns.enter_strike(scene.cid, scene.units[unit], on=day(on),
                                                           actor=CHAIR))


@when(parsers.parse('"{unit}" walks out on {on}'))
def walks_out(scene: Scene, unit: str, on: str) -> None:
    scene.app.campaigns.enter_strike(scene.cid, scene.units[unit], on=day(on), actor=CHAIR)


@when(parsers.parse('"{unit}" returns to work on {on}'))
def returns(scene: Scene, unit: str, on: str) -> None:
    scene.app.campaigns.return_from_strike(scene.cid, scene.units[unit], on=day(on), actor=CHAIR)


@then(parsers.parse("on {on} the units on strike are {listed}"))
def on_strike(scene: Scene, on: str, listed: str) -> None:
    campaign = scene.app.campaigns.get(scene.cid)
    striking = [u for u in campaign.units if campaign.units[u].on_strike_on(day(on))]
    assert striking == [scene.units[n] for n in names(listed)]
    report = scene.app.campaigns.readiness(scene.cid, on=day(on))
    assert [line.unit_id for line in report.units if line.on_strike] == striking


@then("the strike record reads:")
def strike_record(scene: Scene, datatable: list[list[str]]) -> None:
    campaign = scene.app.campaigns.get(scene.cid)
    rows = []
    for name, uid in scene.units.items():
        for spell in campaign.units[uid].spells:
            rows.append([name, str(spell.start), str(spell.end or "")])
    assert rows == datatable[1:]


# ------------------------------------------------------------------ down, pause, conclude


@when(parsers.parse('the campaign pauses on {on} because "{why}"'))
def pauses(scene: Scene, on: str, why: str) -> None:
    scene.app.campaigns.pause(scene.cid, on=day(on), actor=CHAIR, reason=why)


@when(parsers.parse("the campaign resumes on {on}"))
def resumes(scene: Scene, on: str) -> None:
    scene.app.campaigns.resume(scene.cid, on=day(on), actor=CHAIR)


@when(parsers.parse('the campaign steps down to "{rung}" on {on} because "{why}"'))
def steps_down(scene: Scene, rung: str, on: str, why: str) -> None:
    scene.app.campaigns.de_escalate(scene.cid, on=day(on), to=rung, actor=CHAIR, reason=why)


@given(parsers.parse('the campaign concludes "{outcome}" on {on} because "{why}"'))
@when(parsers.parse('the campaign concludes "{outcome}" on {on} because "{why}"'))
def concludes(scene: Scene, outcome: str, on: str, why: str) -> None:
    scene.app.campaigns.conclude(scene.cid, Outcome(outcome), on=day(on), actor=CHAIR, reason=why)


@then(parsers.parse('the campaign has concluded "{outcome}"'))
def has_concluded(scene: Scene, outcome: str) -> None:
    campaign = scene.app.campaigns.get(scene.cid)
    assert campaign.concluded and campaign.outcome is Outcome(outcome)


CHANGES: dict[str, Callable[[Scene, date], object]] = {
    "escalate the campaign": lambda s, d: s.app.campaigns.escalate(
        s.cid, on=d, actor=CHAIR, mandate=mandate(d, 9, 1), reason="x"),
    "step the campaign down": lambda s, d: s.app.campaigns.de_escalate(s.cid, on=d, actor=CHAIR),
    "pause the campaign": lambda s, d: s.app.campaigns.pause(s.cid, on=d, actor=CHAIR),
    "plan an action": lambda s, d: s.app.campaigns.plan_action(
        s.cid, name="Rally", rung="organizing meeting", on=d, actor=ORGANIZER),
    "record a strike vote": lambda s, d: s.app.campaigns.record_mandate(
        s.cid, Vote(d, Tally(eligible=10, cast=10, yes=9, no=1)), actor=CHAIR),
    "conclude it again": lambda s, d: s.app.campaigns.conclude(s.cid, Outcome.WON, on=d,
                                                               actor=CHAIR),
    "record a walkout": lambda s, d: s.app.campaigns.enter_strike(
        s.cid, next(iter(s.units.values())), on=d, actor=CHAIR),
}


@when(parsers.parse("someone tries to {change} on {on}"))
def tries_change(scene: Scene, change: str, on: str) -> None:
    scene.attempt(lambda: CHANGES[change](scene, day(on)))


# ------------------------------------------------------------------ growth


@then(parsers.parse('the participation of "{unit}" reads:'))
def participation_reads(scene: Scene, unit: str, datatable: list[list[str]]) -> None:
    series = scene.app.campaigns.participation_series(scene.cid, unit=scene.units[unit])
    assert [[str(p.on), p.name, str(p.participants), str(p.eligible), show_percent(p.share),
             "yes" if p.passed else "no"] for p in series] == datatable[1:]
