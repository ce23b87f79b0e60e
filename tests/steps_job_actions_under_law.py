"""Step definitions for job_actions_under_law.feature: walkouts recorded in a campaign, laws
recorded in the disputes context, the flags read as known at moments between them."""

from __future__ import annotations

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
    FlagRule,
    JobAction,
    Ladder,
    LawEffect,
    Rung,
    RungKind,
    Tally,
    Vote,
)

PRESIDENT = Actor("p-1", "local president")
STEWARD = Actor("d-1", "data steward")
FINAL = Ladder([Rung("strike vote", 85, RungKind.STRIKE_VOTE), Rung("strike", 90, RungKind.STRIKE)])
EFFECTS = {"imposes a contract": LawEffect.IMPOSES_CONTRACT,
           "bans strikes": LawEffect.BANS_STRIKES,
           "orders a return to work": LawEffect.ORDERS_RETURN_TO_WORK,
           "imposes mediation-arbitration": LawEffect.IMPOSES_MEDIATION_ARBITRATION}


def day(text: str) -> date:
    return date.fromisoformat(text)


@dataclass
class Story:
    app: BargainingApp
    unit: UUID | None = None
    campaign: UUID | None = None
    law: UUID | None = None
    moments: dict[str, datetime] = field(default_factory=dict)

    def action(self, at: datetime | None = None) -> JobAction:
        assert self.campaign is not None
        [action] = self.app.campaigns.job_actions(self.campaign, at=at)
        return action


@pytest.fixture
def story() -> Iterator[Story]:
    with BargainingApp("memory") as app:
        yield Story(app)


def _unit(story: Story, union: str, local: str, employer: str, name: str, headcount: int
          ) -> None:
    story.unit = story.app.units.register(union=union, local=local, employer=employer,
                                          unit_name=name, region="ON", sector="education",
                                          headcount=headcount, actor=STEWARD)


@given(parsers.parse("the school board workers of CUPE-OSBCU, about {count:d} in Ontario"))
def osbcu(story: Story, count: int) -> None:
    _unit(story, "CUPE", "OSBCU", "Ontario school boards", "Education workers", count)


@given(parsers.parse('their campaign "{name}" launched on {on} on its strike vote rung'))
def launched(story: Story, name: str, on: str) -> None:
    story.campaign = story.app.campaigns.launch(name=name, units=story.unit, ladder=FINAL,
                                                on=day(on), actor=PRESIDENT)


@given(parsers.parse("their strike vote of {on}: {yes:d} yes and {no:d} no of {cast:d} ballots"))
def strike_vote(story: Story, on: str, yes: int, no: int, cast: int) -> None:
    assert story.campaign is not None
    tally = Tally(eligible=55_000, cast=cast, yes=yes, no=no, spoiled=cast - yes - no)
    story.app.campaigns.record_mandate(story.campaign, Vote(day(on), tally), actor=PRESIDENT)


@given(parsers.parse("the campaign climbed to its strike rung on {on} by override, the 85% "
                     "benchmark unmet"))
def climbed(story: Story, on: str) -> None:
    assert story.campaign is not None
    board = Vote(day(on), Tally(eligible=40, cast=40, yes=38, no=2), body=None)
    story.app.campaigns.escalate(story.campaign, on=day(on), actor=PRESIDENT, mandate=board,
                                 reason="96.5% of the ballots said strike")
    assert story.app.campaigns.get(story.campaign).rung.name == "strike"


@given(parsers.re(r'(?P<bill>Bill \d+)(?: "(?P<title>[^"]+)")? (?P<does>.+) for the '
                  r"(?P<who>school board workers|college faculty)$"))
def a_law(story: Story, bill: str, title: str | None, does: str) -> None:
    assert story.unit is not None and story.campaign is not None
    effects = [EFFECTS[part.strip()] for part in does.split(" and ")]
    name = f"{bill}, {title}" if title else bill
    story.law = story.app.disputes.record_law(
        name=name, region="ON", does=effects, units=story.unit, campaigns=story.campaign,
        source="Legislative Assembly of Ontario", actor=STEWARD)


@when(parsers.parse("{bill} receives royal assent on {on}"))
def assent(story: Story, bill: str, on: str) -> None:
    assert story.law is not None
    story.app.disputes.pass_law(story.law, on=day(on), source="royal assent", actor=STEWARD)


@when(parsers.parse("the workers walk out on {out} and are back on {back}"))
def walk_out(story: Story, out: str, back: str) -> None:
    assert story.campaign is not None and story.unit is not None
    story.app.campaigns.enter_strike(story.campaign, story.unit, on=day(out),
                                     back_on=day(back), actor=PRESIDENT)


@then(parsers.parse('the walkout is recorded, flagged "{rule}"'))
def recorded_flagged(story: Story, rule: str) -> None:
    assert rule in [f.rule.value for f in story.action().recorded_flags]
    assert rule in [f.rule.value for f in story.action().flags]


@then("the walkout carries no other flag")
def no_other_flag(story: Story) -> None:
    assert [f.rule for f in story.action().flags] == [FlagRule.LAW_IN_FORCE]


@then(parsers.parse("the campaign's readiness on {on} lists the workers on strike and the "
                    'dispute "{text}"'))
def readiness_lists(story: Story, on: str, text: str) -> None:
    assert story.campaign is not None
    report = story.app.campaigns.readiness(story.campaign, on=day(on))
    assert [s.unit_id for s in report.strikes] == [story.unit]
    assert [n.summary for n in report.disputes if text in n.summary]
    assert f"dispute: {text}" in report.summary()
    before = story.app.campaigns.readiness(story.campaign, on=date(2022, 11, 2))
    assert before.disputes == ()


@then(parsers.parse('the moment is noted as "{name}"'))
def noted(story: Story, name: str) -> None:
    time.sleep(0.002)
    story.moments[name] = datetime.now(UTC)
    time.sleep(0.002)


@when(parsers.parse("Bill 35 repeals Bill 28 on {on}, deeming it never to have been in force"))
def repealed(story: Story, on: str) -> None:
    assert story.law is not None
    story.app.disputes.repeal_law(story.law, on=day(on), source="Bill 35", by="Bill 35",
                                  deemed_never_in_force=True, actor=STEWARD)


@then(parsers.parse('read as {name}, the walkout is flagged "{law}"'))
def flagged_then(story: Story, name: str, law: str) -> None:
    action = story.action(at=story.moments[name])
    [flag] = action.flags
    assert flag.rule is FlagRule.LAW_IN_FORCE and law in flag.why


@then(parsers.re("read as known now, the walkout carries no flag|"
                 "the faculty's strike carries no flag"))
def no_flag_now(story: Story) -> None:
    assert story.action().flags == ()


@then(parsers.parse('the walkout\'s recorded flags still name "{law}"'))
def recorded_still(story: Story, law: str) -> None:
    assert any(law in f.why for f in story.action().recorded_flags)


@then(parsers.parse('the campaign\'s history shows the walkout "{text}"'))
def in_history(story: Story, text: str) -> None:
    assert story.campaign is not None
    assert any(text in e.summary for e in story.app.history.of(story.campaign))


@then(parsers.parse('the campaign\'s disputes read "{first}" on {first_on} and "{second}" on '
                    "{second_on}"))
def disputes_read(story: Story, first: str, first_on: str, second: str, second_on: str) -> None:
    assert story.campaign is not None
    facts = story.app.disputes.for_campaign(story.campaign)
    assert [(f.what, f.on) for f in facts] == [(first, day(first_on)), (second, day(second_on))]


@given(parsers.parse("the college faculty of OPSEU, {count:d} eligible in Ontario, on strike "
                     "from {out}"))
def faculty(story: Story, count: int, out: str) -> None:
    _unit(story, "OPSEU", "Colleges", "College Employer Council", "Academic staff", count)
    strike = Vote(date(2017, 9, 14), Tally(eligible=count, cast=10_000, yes=6_800, no=3_200))
    story.campaign = story.app.campaigns.launch(name="Colleges 2017", units=story.unit,
                                                ladder=FINAL, on=date(2017, 9, 1),
                                                actor=PRESIDENT)
    story.app.campaigns.record_mandate(story.campaign, strike, actor=PRESIDENT)
    story.app.campaigns.escalate(story.campaign, on=date(2017, 9, 15), actor=PRESIDENT,
                                 mandate=strike, reason="68% voted to strike")
    story.app.campaigns.enter_strike(story.campaign, story.unit, on=day(out), actor=PRESIDENT)


@when(parsers.parse("the employer's forced vote on its last offer is held on {on}: {yes:d} "
                    "accept and {no:d} reject of {cast:d} ballots"))
def forced_vote(story: Story, on: str, yes: int, no: int, cast: int) -> None:
    assert story.unit is not None and story.campaign is not None
    vote = Vote(day(on), Tally(eligible=12_841, cast=cast, yes=yes, no=no))
    story.app.disputes.record_forced_vote(story.unit, vote=vote, campaigns=story.campaign,
                                          source="Ontario Labour Relations Board",
                                          made_by="the College Employer Council",
                                          actor=STEWARD)


@when(parsers.parse("the faculty are back on {on}"))
def back(story: Story, on: str) -> None:
    assert story.campaign is not None and story.unit is not None
    story.app.campaigns.return_from_strike(story.campaign, story.unit, on=day(on),
                                           actor=PRESIDENT)


@then(parsers.parse('the forced vote is listed in the campaign\'s disputes as "{text}"'))
def forced_listed(story: Story, text: str) -> None:
    assert story.campaign is not None
    facts = story.app.disputes.for_campaign(story.campaign)
    assert any(text in f.summary for f in facts if f.vote is not None)


@then(parsers.parse('had the faculty stayed out until {back}, the strike would be flagged '
                    '"{law}"'))
def had_stayed(story: Story, back: str, law: str) -> None:
    assert story.campaign is not None and story.unit is not None
    flags = story.app.campaigns.enter_strike(story.campaign, story.unit, on=date(2017, 11, 21),
                                             back_on=day(back), actor=PRESIDENT)
    assert [f.rule for f in flags] == [FlagRule.LAW_IN_FORCE] and law in flags[0].why
