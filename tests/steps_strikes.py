"""Step definitions for strikes.feature: strike mandates by the ladder's rule, the organizing
benchmark in readiness, and walkouts recorded as facts with flags. The campaign, climbs,
refusals and overrides are escalation.feature's steps (``tests.steps_escalation``)."""

from __future__ import annotations

from datetime import date

import attrs
from pytest_bdd import given, parsers, then, when

from bargaining import Ladder, RungKind, Tally, Threshold, Vote
from bargaining.domain.shared.shares import show_percent
from tests.steps_escalation import CHAIR, Scene, climbed_to, day


@given(parsers.re(r'the unit "(?P<name>[^"]+)" of (about (?P<count>\d+) )?Ontario school '
                  r'board workers$'))
def school_unit(scene: Scene, name: str, count: str | None) -> None:
    scene.units[name] = scene.app.units.register(
        union="CUPE", local="OSBCU", employer="Ontario school boards", unit_name=name,
        headcount=int(count or 1200), actor=CHAIR)


@given(parsers.parse('the unit "{name}" of Ontario school board workers joins the campaign on '
                     '{on}'))
def school_unit_joins(scene: Scene, name: str, on: str) -> None:
    school_unit(scene, name, None)
    scene.app.campaigns.add_unit(scene.cid, scene.units[name], on=day(on), actor=CHAIR)


@given(parsers.parse('a campaign for "{name}" launched on {launched} that has climbed to '
                     '"{rung}" by {reached}'))
def osbcu_campaign(scene: Scene, name: str, launched: str, rung: str, reached: str) -> None:
    scene.campaign = scene.app.campaigns.launch(name="OSBCU 2022", on=day(launched),
                                                units=scene.units[name], actor=CHAIR)
    climbed_to(scene, rung, reached)


@given(parsers.parse('"{name}" had an agreement from {effective} to {expiry}'))
def had_agreement(scene: Scene, name: str, effective: str, expiry: str) -> None:
    scene.app.units.record_agreement(scene.units[name], effective=day(effective),
                                     expiry=day(expiry), actor=CHAIR)


@given(parsers.parse("the campaign adopts a ladder whose strike mandate needs two thirds of "
                     "valid ballots, on {on}"))
def two_thirds_ladder(scene: Scene, on: str) -> None:
    rungs = [attrs.evolve(r, mandate_rule=Threshold.two_thirds_of_valid())
             if r.kind is RungKind.STRIKE_VOTE else r for r in Ladder.default().rungs]
    scene.app.campaigns.change_ladder(scene.cid, Ladder(rungs), on=day(on), actor=CHAIR,
                                      reason="the constitution asks two thirds")


@when(parsers.parse('the members of "{name}" vote on a strike on {held}: {yes:d} yes, {no:d} no '
                    'of {cast:d} ballots, {eligible:d} eligible'))
def members_vote(scene: Scene, name: str, held: str, yes: int, no: int, cast: int,
                 eligible: int) -> None:
    vote = Vote(day(held), Tally(eligible=eligible, cast=cast, yes=yes, no=no,
                                 spoiled=cast - yes - no))
    scene.app.campaigns.record_mandate(scene.cid, vote, unit=scene.units[name], actor=CHAIR,
                                       scope="a strike")


@then(parsers.parse('the strike mandate of "{name}" is valid by "{rule}"'))
def mandate_valid(scene: Scene, name: str, rule: str) -> None:
    campaign = scene.app.campaigns.get(scene.cid)
    assert campaign.strike_mandate(scene.units[name], date(2099, 1, 1)) is not None
    assert campaign.ladder.mandate_rule.describe() == rule


@then(parsers.parse('"{name}" has no valid strike mandate'))
def no_valid_mandate(scene: Scene, name: str) -> None:
    campaign = scene.app.campaigns.get(scene.cid)
    assert campaign.strike_votes(scene.units[name], date(2099, 1, 1))
    assert campaign.strike_mandate(scene.units[name], date(2099, 1, 1)) is None


@then(parsers.parse('readiness shows "{name}" at {share} of eligible against the {benchmark} '
                    'benchmark, {short:d} short'))
def readiness_benchmark(scene: Scene, name: str, share: str, benchmark: str,
                        short: int) -> None:
    report = scene.app.campaigns.readiness(scene.cid)
    line = report.unit(scene.units[name]).standing
    assert line.figure is not None and line.figure.source.startswith("strike vote")
    assert show_percent(line.figure.share) == share
    assert show_percent(report.rung.threshold) == benchmark
    assert (line.meets_current, line.short_of_current) == (False, short)
    assert report.strike_vote_ok and not report.can_climb


@when(parsers.parse('"{name}" walks out for {hours:d} hours on {on}'))
def walks_out_for_hours(scene: Scene, name: str, hours: int, on: str) -> None:
    scene.app.campaigns.enter_strike(scene.cid, scene.units[name], on=day(on), hours=hours,
                                     actor=CHAIR)


@when(parsers.parse('"{name}" walked out on {on} and was back on {back}, recorded afterwards'))
def walked_out_back_filled(scene: Scene, name: str, on: str, back: str) -> None:
    scene.app.campaigns.enter_strike(scene.cid, scene.units[name], on=day(on),
                                     back_on=day(back), actor=CHAIR,
                                     reason="against Bill 28")


@then(parsers.parse('the walkout of "{name}" on {on} is recorded, flagged "{text}"'))
def walkout_flagged(scene: Scene, name: str, on: str, text: str) -> None:
    scene.ok()
    found = [j for j in scene.app.campaigns.job_actions(scene.cid)
             if j.unit_id == scene.units[name] and j.walked_out == day(on)]
    assert len(found) == 1
    assert text in [f.describe() for f in found[0].recorded_flags]
    assert text in [f.describe() for f in found[0].flags]


@then(parsers.parse('''the campaign's history says the walkout of "{name}" was flagged '''
                    '"{text}"'))
def history_flagged(scene: Scene, name: str, text: str) -> None:
    label = scene.app.campaigns.get(scene.cid).label(scene.units[name])
    entries = [e for e in scene.app.history.of(scene.cid) if e.event == "StrikeEntered"
               and e.summary.startswith(label)]
    assert len(entries) == 1 and f"flagged: {text}" in entries[0].summary, entries


@then(parsers.parse('readiness on {on} lists "{name}" on strike, flagged "{text}"'))
def readiness_lists_strike(scene: Scene, on: str, name: str, text: str) -> None:
    report = scene.app.campaigns.readiness(scene.cid, on=day(on))
    (strike,) = [s for s in report.strikes if s.unit_id == scene.units[name]]
    assert text in [f.rule.value for f in strike.flags]
    assert f"on strike: {strike.describe()}" in report.summary()


@then("the job actions read:")
def job_actions_read(scene: Scene, datatable: list[list[str]]) -> None:
    names = {uid: name for name, uid in scene.units.items()}
    rows = [[names[j.unit_id], str(j.walked_out),
             "part day" if j.part_day else str(j.back_on or ""),
             "; ".join(f.rule.value for f in j.flags)]
            for j in scene.app.campaigns.job_actions(scene.cid)]
    assert rows == [[cell.strip() for cell in row] for row in datatable[1:]]
