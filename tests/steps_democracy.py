"""Step definitions for democracy.feature: bodies, roles, accountability, meetings, motions,
documents and decision summaries."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from uuid import UUID

import pytest
from pytest_bdd import given, parsers, then, when

from bargaining import Actor, BargainingApp, Body, DocumentKind, ReportState, Tally, Vote
from bargaining.domain.shared.vote import Quorum
from bargaining.presentation.budget_reports import percent_text
from tests.refusals import Refusals

SECRETARY = Actor("s-1", "recording secretary")


@dataclass
class Minutes(Refusals):
    app: BargainingApp
    body: UUID | None = None
    eligible: int = 5
    meeting: UUID | None = None
    motion: int | None = None
    document: UUID | None = None
    holders: dict[str, list[str]] = field(default_factory=dict)
    noted: datetime | None = None

    @property
    def board(self) -> UUID:
        assert self.body is not None, "the scenario has no body"
        return self.body

    @property
    def sitting(self) -> UUID:
        assert self.meeting is not None, "the scenario has no meeting"
        return self.meeting

    @property
    def moved(self) -> int:
        assert self.motion is not None, "the scenario has no motion"
        return self.motion

    def vote(self, on: date, yes: int, no: int, body: Body | None = None) -> Vote:
        voting = self.app.democracy.body(self.board).voting_body if body is None else body
        return Vote(on, Tally(eligible=self.eligible, cast=yes + no, yes=yes, no=no),
                    body=voting)

    def meeting_day(self) -> date:
        return self.app.democracy.meeting(self.sitting).on


@pytest.fixture
def minutes() -> Iterator[Minutes]:
    app = BargainingApp("memory")
    state = Minutes(app)
    yield state
    app.close()
    state.ok()


def day(text: str) -> date:
    return date.fromisoformat(text)


def rows(datatable: list[list[str]]) -> list[dict[str, str]]:
    return [dict(zip(datatable[0], row, strict=True)) for row in datatable[1:]]


# ------------------------------------------------------------------ bodies


@given(parsers.re(r'the "(?P<name>[^"]+)" of "(?P<organization>[^"]+)", an? (?P<kind>.+) '
                  r'whose meetings need (?P<notice>\d+) days of notice and (?P<quorum>\d+) '
                  r'present'))
def a_body(minutes: Minutes, name: str, organization: str, kind: str, notice: str,
           quorum: str) -> None:
    minutes.body = minutes.app.democracy.form_body(
        organization=organization, name=name, kind=kind, notice_days=int(notice),
        quorum=Quorum.present(int(quorum)), actor=SECRETARY)


@given("its roles:")
def its_roles(minutes: Minutes, datatable: list[list[str]]) -> None:
    for row in rows(datatable):
        minutes.app.democracy.add_role(minutes.board, name=row["role"],
                                       seats=int(row["seats"]), actor=SECRETARY)


@given("its officers, elected for 2024 and 2025:")
def its_officers(minutes: Minutes, datatable: list[list[str]]) -> None:
    for row in rows(datatable):
        minutes.app.democracy.fill_role(
            minutes.board, role=row["role"], person=row["person"], starts=date(2024, 1, 1),
            ends=date(2025, 12, 31), filled_by=row["filled by"], rank=row["rank"],
            first_role=row["first role"] == "yes", actor=SECRETARY)
        minutes.holders.setdefault(row["role"], []).append(row["person"])


@given(parsers.parse('every role reports "{what}" to "{to_whom}" every {months:d} months '
                     'from {starts}, due {grace:d} days after each quarter'))
def every_role_reports(minutes: Minutes, what: str, to_whom: str, months: int, starts: str,
                       grace: int) -> None:
    for role in minutes.app.democracy.body(minutes.board).seats:
        minutes.app.democracy.expect_reports(
            minutes.board, role=role, what=what, to_whom=to_whom, every_months=months,
            starts=day(starts), grace_days=grace, actor=SECRETARY)


@when(parsers.parse("each officer files a work plan on {on}"))
def work_plans(minutes: Minutes, on: str) -> None:
    for role, people in minutes.holders.items():
        for person in people:
            minutes.app.democracy.file_work_plan(
                minutes.board, role=role, person=person, on=day(on),
                where=f"https://example.org/plans/{person}", actor=SECRETARY)


@when("every quarterly report of 2024 is filed on time, led by rank-and-file members, "
      "except:")
def reports_filed(minutes: Minutes, datatable: list[list[str]]) -> None:
    missed = {(row["role"], row["quarter ending"]) for row in rows(datatable)}
    for role in minutes.holders:
        for end in ("2024-03-31", "2024-06-30", "2024-09-30", "2024-12-31"):
            if (role, end) in missed:
                continue
            filed = date.fromordinal(day(end).toordinal() + 10)
            minutes.app.democracy.file_report(
                minutes.board, role=role, what="Quarterly report", period_end=day(end),
                on=filed, led_by="p-40", led_by_rank="rank-and-file member",
                where=f"https://example.org/reports/{end}", actor=SECRETARY)


@when(parsers.parse('the "{what}" of the {role} for the quarter ending {end} is filed on '
                    '{on}, led by {person}, an elected officer'))
def one_report(minutes: Minutes, what: str, role: str, end: str, on: str,
               person: str) -> None:
    minutes.app.democracy.file_report(
        minutes.board, role=role, what=what, period_end=day(end), on=day(on), led_by=person,
        led_by_rank="elected officer", where="https://example.org/reports/late",
        actor=SECRETARY)


@then(parsers.parse("read on {on}, the overdue reports are flagged:"))
def overdue(minutes: Minutes, on: str, datatable: list[list[str]]) -> None:
    states = minutes.app.democracy.reports(minutes.board, on=day(on))
    flagged = [[s.role, str(s.period_end), str(s.due)] for s in states if s.flag is not None]
    assert flagged == datatable[1:]
    assert all(s.state is ReportState.OVERDUE for s in states if s.flag is not None)


@then(parsers.parse("read on {on}, no report is overdue"))
def none_overdue(minutes: Minutes, on: str) -> None:
    states = minutes.app.democracy.reports(minutes.board, on=day(on))
    assert states, "no report was due by then"
    assert [s for s in states if s.state is ReportState.OVERDUE] == []


@then(parsers.parse("read on {on}, the {role}'s report for the quarter ending {end} is "
                    '"{state}"'))
def one_state(minutes: Minutes, on: str, role: str, end: str, state: str) -> None:
    states = minutes.app.democracy.reports(minutes.board, on=day(on), role=role)
    assert [s.state.value for s in states if s.period_end == day(end)] == [state]


@then(parsers.re(r'the accountability report for (?P<year>\d+) read on (?P<on>[\d-]+) '
                 r'(?:says:|shows) "(?P<text>.+)"'))
def accountability(minutes: Minutes, year: str, on: str, text: str) -> None:
    summary = minutes.app.democracy.accountability_summary(
        minutes.board, starts=date(int(year), 1, 1), ends=date(int(year), 12, 31), on=day(on))
    assert text in summary, summary


@when(parsers.parse("{person}'s term as {role} ends on {on}"))
def term_ends(minutes: Minutes, person: str, role: str, on: str) -> None:
    minutes.app.democracy.end_term(minutes.board, role=role, person=person, on=day(on),
                                   actor=SECRETARY, reason="moved to another region")


@when(parsers.parse("{person} is appointed {role} from {on}, a rank-and-file member in a "
                    "first role"))
def appointed(minutes: Minutes, person: str, role: str, on: str) -> None:
    minutes.app.democracy.fill_role(
        minutes.board, role=role, person=person, starts=day(on), ends=date(2025, 12, 31),
        filled_by="appointment", rank="rank-and-file member", first_role=True,
        actor=SECRETARY)


@then(parsers.parse('on {on} the {role}s are "{people}"'))
def held_by(minutes: Minutes, on: str, role: str, people: str) -> None:
    holders = minutes.app.democracy.holders(minutes.board, on=day(on), role=role)
    assert ", ".join(sorted(h.person for h in holders)) == people


# ---------------------------------------------------------------- meetings


@when(parsers.parse("the board decides {count:d} motions at {meetings:d} meetings in {year:d}, "
                    "{closed:d} of them in camera"))
def a_year_of_decisions(minutes: Minutes, count: int, meetings: int, year: int,
                        closed: int) -> None:
    democracy = minutes.app.democracy
    sittings = [democracy.hold_meeting(minutes.board, on=date(year, month, 10), notice_days=10,
                                       present=5, eligible=5, actor=SECRETARY)
                for month in range(1, meetings + 1)]
    for index in range(count):
        sitting = sittings[index % meetings]
        number = democracy.move(sitting, text=f"Decision {index + 1} of {year}", mover="p-1",
                                seconder="p-3", in_camera=index < closed, actor=SECRETARY)
        vote = minutes.vote(democracy.meeting(sitting).on, 4, 1)
        democracy.decide(sitting, number, vote=vote, actor=SECRETARY)


@given(parsers.re(r"the (?:board|congress) meets(?: in \"(?P<place>[^\"]+)\")? on "
                  r"(?P<on>[\d-]+) with (?P<notice>\d+) days of notice, (?P<present>\d+) of "
                  r"(?:its )?(?P<eligible>\d+) (?:members|delegates) present"))
@when(parsers.re(r"the (?:board|congress) meets(?: in \"(?P<place>[^\"]+)\")? on "
                 r"(?P<on>[\d-]+) with (?P<notice>\d+) days of notice, (?P<present>\d+) of "
                 r"(?:its )?(?P<eligible>\d+) (?:members|delegates) present"))
def meets(minutes: Minutes, place: str | None, on: str, notice: str, present: str,
          eligible: str) -> None:
    minutes.eligible = int(eligible)
    minutes.meeting = minutes.app.democracy.hold_meeting(
        minutes.board, on=day(on), notice_days=int(notice), present=int(present),
        eligible=int(eligible), place=place, actor=SECRETARY)


@given(parsers.re(r'motion "(?P<text>[^"]+)" moved by (?P<mover>\S+), seconded by '
                  r'(?P<seconder>[^,\s]+)(?:, adopting version (?P<version>\d+))?$'))
@when(parsers.re(r'motion "(?P<text>[^"]+)" moved by (?P<mover>\S+), seconded by '
                 r'(?P<seconder>[^,\s]+)(?:, adopting version (?P<version>\d+))?$'))
def motion(minutes: Minutes, text: str, mover: str, seconder: str,
           version: str | None) -> None:
    minutes.motion = minutes.app.democracy.move(
        minutes.sitting, text=text, mover=mover, seconder=seconder,
        document=None if version is None else minutes.document,
        document_version=None if version is None else int(version), actor=SECRETARY)


@when(parsers.re(r'motion "(?P<text>[^"]+)" moved by (?P<mover>\S+), seconded by '
                 r'(?P<seconder>\S+), is carried (?P<yes>\d+) to (?P<no>\d+)'))
def motion_carried(minutes: Minutes, text: str, mover: str, seconder: str, yes: str,
                   no: str) -> None:
    motion(minutes, text, mover, seconder, None)
    decided(minutes, "carried", yes, no)


@when(parsers.re(r"the motion is (?P<outcome>carried|defeated) (?P<yes>\d+) to (?P<no>\d+)"))
def decided(minutes: Minutes, outcome: str, yes: str, no: str) -> None:
    carried = minutes.app.democracy.decide(
        minutes.sitting, minutes.moved,
        vote=minutes.vote(minutes.meeting_day(), int(yes), int(no)), actor=SECRETARY)
    assert carried == (outcome == "carried")


@when(parsers.re(r'an amendment from the floor by (?P<mover>\S+) to read "(?P<text>[^"]+)" is '
                 r'(?P<outcome>carried|defeated) (?P<yes>\d+) to (?P<no>\d+)'))
def amendment(minutes: Minutes, mover: str, text: str, outcome: str, yes: str,
              no: str) -> None:
    carried = minutes.app.democracy.amend(
        minutes.sitting, minutes.moved, text=text, mover=mover,
        vote=minutes.vote(minutes.meeting_day(), int(yes), int(no)), actor=SECRETARY)
    assert carried == (outcome == "carried")


@then(parsers.parse('the meeting is recorded and flagged: "{why}"'))
def meeting_flagged(minutes: Minutes, why: str) -> None:
    assert why in [flag.why for flag in minutes.app.democracy.meeting(minutes.sitting).flags]


# ------------------------------------------------------------------ refusals


@when(parsers.parse("{person} is elected {role} from {on}"))
def elected(minutes: Minutes, person: str, role: str, on: str) -> None:
    minutes.attempt(lambda: minutes.app.democracy.fill_role(
        minutes.board, role=role, person=person, starts=day(on), filled_by="election",
        rank="elected officer", first_role=False, actor=SECRETARY))


@when("a motion with no mover is put to the board")
def no_mover(minutes: Minutes) -> None:
    minutes.attempt(lambda: minutes.app.democracy.move(
        minutes.sitting, text="That the board go on", mover=None,  # type: ignore[arg-type]
        actor=SECRETARY))


@when("the motion is decided by a vote that names no body")
def no_body(minutes: Minutes) -> None:
    vote = Vote(minutes.meeting_day(), Tally(eligible=5, cast=5, yes=4, no=1), body=None)
    minutes.attempt(lambda: minutes.app.democracy.decide(minutes.sitting, minutes.moved,
                                                         vote=vote, actor=SECRETARY))


@when("the motion is decided by a vote of the members")
def members_vote(minutes: Minutes) -> None:
    vote = minutes.vote(minutes.meeting_day(), 4, 1, body=Body.members())
    minutes.attempt(lambda: minutes.app.democracy.decide(minutes.sitting, minutes.moved,
                                                         vote=vote, actor=SECRETARY))


@when(parsers.parse("a report is filed for the quarter ending {end}"))
def odd_report(minutes: Minutes, end: str) -> None:
    minutes.attempt(lambda: minutes.app.democracy.file_report(
        minutes.board, role="President", what="Quarterly report", period_end=day(end),
        on=day(end), led_by="p-1", led_by_rank="elected officer", where="a binder",
        actor=SECRETARY))


@then(parsers.parse('it is refused: "{message}"'))
def refused(minutes: Minutes, message: str) -> None:
    assert message in str(minutes.refusal())


@then("nothing new is recorded")
def nothing_new(minutes: Minutes) -> None:
    minutes.nothing_recorded()


# --------------------------------------------------------------- documents


@given(parsers.parse('the "{title}" is published for debate on {on} at "{where}"'))
def drafted(minutes: Minutes, title: str, on: str, where: str) -> None:
    minutes.document = minutes.app.democracy.draft_document(
        minutes.board, title=title, kind=DocumentKind.STRATEGY_PAPER, on=day(on), where=where,
        actor=SECRETARY)


@given(parsers.parse('feedback on version {version:d} is given by "{given_by}" on {on}'))
def feedback(minutes: Minutes, version: int, given_by: str, on: str) -> None:
    assert minutes.document is not None
    minutes.app.democracy.give_feedback(minutes.document, version=version, given_by=given_by,
                                        on=day(on), text="More on organizing the unorganized",
                                        actor=SECRETARY)


@given(parsers.parse('version {version:d} is published on {on} at "{where}", taking in the '
                     'feedback'))
def published(minutes: Minutes, version: int, on: str, where: str) -> None:
    assert minutes.document is not None
    number = minutes.app.democracy.publish_version(minutes.document, on=day(on), where=where,
                                                   note="takes in the feedback",
                                                   actor=SECRETARY)
    assert number == version


@when(parsers.parse("the congress adopts the {title} by that motion"))
def adopts(minutes: Minutes, title: str) -> None:
    document = minutes.document
    assert document is not None
    minutes.attempt(lambda: minutes.app.democracy.adopt_document(
        document, meeting=minutes.sitting, motion=minutes.moved, actor=SECRETARY))


@then(parsers.parse("the {title} reads: version {version:d} adopted, {versions:d} versions, "
                    "{feedback:d} pieces of feedback"))
def document_reads(minutes: Minutes, title: str, version: int, versions: int,
                   feedback: int) -> None:
    minutes.ok()
    assert minutes.document is not None
    found = minutes.app.democracy.document(minutes.document)
    assert found.title == title
    assert found.adoption is not None and found.adoption.version == version
    assert (len(found.versions), found.feedback) == (versions, feedback)


# --------------------------------------------------------------- summaries


@then("the decisions taken in camera read, year over year:")
def in_camera(minutes: Minutes, datatable: list[list[str]]) -> None:
    periods = [(date(y, 1, 1), date(y, 12, 31)) for y in (2024, 2025)]
    counted = minutes.app.democracy.in_camera(minutes.board, periods)
    assert [[f"{c.starts} to {c.ends}", str(c.in_camera), str(c.decisions),
             percent_text(c.share)] for c in counted] == datatable[1:]


def summary(minutes: Minutes, year: str) -> str:
    minutes.ok()
    return minutes.app.democracy.decision_summary(
        minutes.board, starts=date(int(year), 1, 1), ends=date(int(year), 12, 31))


@then(parsers.parse('the summary for members of {year} lists every one of its {count:d} '
                    'decisions with its vote, {closed:d} marked "{mark}"'))
def lists_every(minutes: Minutes, year: str, count: int, closed: int, mark: str) -> None:
    lines = summary(minutes, year).splitlines()[1:]
    assert len(lines) == count
    assert all("vote held" in line and "carried" in line for line in lines)
    assert sum(mark in line for line in lines) == closed


@then(parsers.parse('the summary for members of {year} begins: "{text}"'))
def begins(minutes: Minutes, year: str, text: str) -> None:
    assert summary(minutes, year).splitlines()[0] == text


@then(parsers.parse('the summary for members of {year} reads: "{text}"'))
def reads(minutes: Minutes, year: str, text: str) -> None:
    assert f"- {text}" in summary(minutes, year).splitlines()


@then(parsers.parse("the congress's meeting reads, in its history: \"{text}\""))
def meeting_history(minutes: Minutes, text: str) -> None:
    assert text in [entry.summary for entry in minutes.app.history.of(minutes.sitting)]


@when("the moment is noted")
def noted(minutes: Minutes) -> None:
    minutes.noted = datetime.now(UTC)
    time.sleep(0.01)


@then(parsers.re(r"the summary for members of (?P<year>\d+)(?: read on (?P<on>[\d-]+))?"
                 r"(?P<known> read as known at the noted moment)? lists the decisions of "
                 r"(?P<days>[\d-]+(?: and [\d-]+)*)$"))
def lists_days(minutes: Minutes, year: str, on: str | None, known: str | None,
               days: str) -> None:
    minutes.ok()
    at = minutes.noted if known else None
    assert not known or at is not None
    text = minutes.app.democracy.decision_summary(
        minutes.board, starts=date(int(year), 1, 1), ends=date(int(year), 12, 31),
        on=None if on is None else day(on), at=at)
    assert [line[2:12] for line in text.splitlines()[1:]] == days.split(" and ")
