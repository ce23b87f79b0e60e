"""Member democracy: bodies and roles with seats and terms, reporting and overdue reports,
meetings with flags, motions decided by the body's vote, documents adopted by motion, and
decisions read on a day and at a moment; on memory, SQLite and PostgreSQL where the store
matters."""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any
from uuid import UUID

import pytest
from eventsourcing.application import Repository

from bargaining import (
    BargainingApp,
    BargainingError,
    Body,
    FlagRule,
    InvalidInput,
    MeetingCalendar,
    MotionNotFound,
    RecordNotFound,
    ReportState,
    RoleNotFound,
    RuleViolation,
    Tally,
    Vote,
    body_id,
    calendar_id,
)
from bargaining.domain.democracy.accountability import Expectation
from bargaining.domain.democracy.body import BODY_NAMESPACE
from bargaining.domain.democracy.roles import most_at_once
from tests.democracy_story import SECRETARY, board_vote, record_democracy_story
from tests.refusals import position

# ------------------------------------------------------------------ the stores


def test_a_story_reads_back_the_same_on_every_store_encrypted(
        open_app: Callable[..., BargainingApp], store_kind: str) -> None:
    key = BargainingApp.create_cipher_key()
    app = open_app(cipher_key=key)
    story = record_democracy_story(app)
    reopened = app if store_kind == "memory" else open_app(cipher_key=key)
    body = reopened.democracy.body(story.body)
    assert body.name == "Provincial executive board"
    assert [h.person for h in body.held_on(date(2024, 6, 1))] == ["p-1", "p-2"]
    assert [h.person for h in body.held_on(date(2024, 10, 1))] == ["p-1"]
    meeting = reopened.democracy.meeting(story.meeting)
    assert meeting.motions[0].text == "That the board adopt Strategy 2024 as amended"
    assert meeting.motions[0].carried and meeting.motions[0].amendments == 1
    document = reopened.democracy.document(story.document)
    assert document.adoption is not None and document.adoption.version == 2
    [decision] = reopened.democracy.decisions(story.body, starts=date(2024, 1, 1),
                                              ends=date(2024, 12, 31))
    assert decision.document is not None
    assert decision.document.where == "https://example.org/strategy/v2"
    stored = app.eventsourcing.recorder.select_notifications(start=1, limit=1000)
    assert stored and not any(b"Strategy 2024" in n.state for n in stored)
    assert reopened.integrity.verify().intact


def test_records_load_from_their_snapshots_as_they_replay(app: BargainingApp) -> None:
    story = record_democracy_story(app)
    events = app.eventsourcing
    for record in (story.body, story.meeting, story.document):
        events.take_snapshot(record)
        snapshotted: Any = events.repository.get(record)
        replayed: Any = Repository(events.events).get(record)
        assert vars(snapshotted) == vars(replayed)
    # commands keep working on a record loaded from its snapshot
    app.democracy.file_report(story.body, role="President", what="Quarterly report",
                              period_end=date(2024, 6, 30), on=date(2024, 7, 10),
                              led_by="p-1", led_by_rank="elected officer", where="a binder",
                              actor=SECRETARY)
    states = app.democracy.reports(story.body, on=date(2024, 8, 1))
    assert [s.state for s in states] == [ReportState.ON_TIME, ReportState.ON_TIME]


def test_every_event_shows_in_history_with_who_why_and_its_day(app: BargainingApp) -> None:
    story = record_democracy_story(app)
    body = app.history.of(story.body)
    assert [e.event for e in body] == [
        "Formed", "RoleAdded", "RoleAdded", "RoleFilled", "RoleFilled", "TermEnded",
        "ReportsExpected", "WorkPlanFiled", "ReportFiled"]
    assert body[5].reason == "moved to another region"
    assert body[5].occurred_on == date(2024, 9, 30)
    assert body[4].summary == (
        "Role 'Regional vice-president' of 'Provincial executive board' filled by acclamation "
        "from 2024-01-01 (rank-and-file member, a first role), recorded by the recording "
        "secretary")
    meeting = app.history.of(story.meeting)
    assert [e.event for e in meeting] == ["Held", "MotionMoved", "MotionSeconded",
                                          "MotionAmended", "MotionDecided"]
    assert meeting[-1].occurred_on == date(2024, 2, 10)
    document = app.history.of(story.document)
    assert document[-1].summary.startswith("Version 2 of 'Strategy 2024' adopted by motion 1")
    assert all(e.actor_role == "recording secretary" for e in body + meeting + document)


# ------------------------------------------------------------------ bodies


def test_a_bodys_id_is_derived_from_its_organization_and_name(
        memory_app: BargainingApp) -> None:
    made = memory_app.democracy.form_body(organization="CUPE  Ontario",
                                          name="Executive Board", kind="executive board",
                                          actor=SECRETARY)
    assert made == body_id("cupe ontario", "executive board")
    assert made == memory_app.democracy.body_id("CUPE Ontario", "Executive Board")
    assert made == uuid.uuid5(BODY_NAMESPACE, "cupe ontario\nexecutive board")
    before = position(memory_app)
    with pytest.raises(RuleViolation, match="already has a body named"):
        memory_app.democracy.form_body(organization="CUPE Ontario", name="executive board",
                                       kind="congress", actor=SECRETARY)
    assert position(memory_app) == before


def test_the_votes_of_a_body_name_its_kind_and_name(memory_app: BargainingApp) -> None:
    made = memory_app.democracy.form_body(organization="Alliance Ouvrière", name="Congress",
                                          kind="congress", actor=SECRETARY)
    voting = memory_app.democracy.body(made).voting_body
    assert voting == Body(Body.delegates().kind, "Congress")
    assert voting.describe() == "Congress"


@pytest.mark.parametrize("change, refusal, error", [
    (dict(role="Treasurer"), "has no role 'Treasurer'", RoleNotFound),
    (dict(person="  "), "opaque id", InvalidInput),
    (dict(ends=date(2023, 1, 1)), "cannot end (2023-01-01) before it starts", InvalidInput),
    (dict(filled_by="coronation"), "election, appointment, acclamation", InvalidInput),
    (dict(rank="boss"), "rank-and-file member, elected officer", InvalidInput),
    (dict(first_role="yes"), "first role", InvalidInput),
    (dict(starts=datetime(2024, 1, 1, tzinfo=UTC)), "must be a date", InvalidInput),
    (dict(person="p-9", starts=date(2024, 3, 1)), "this would make 2", RuleViolation),
])
def test_a_role_filled_wrongly_is_refused_and_records_nothing(
        memory_app: BargainingApp, change: dict[str, Any], refusal: str,
        error: type[BargainingError]) -> None:
    story = record_democracy_story(memory_app)
    before = position(memory_app)
    fill: dict[str, Any] = dict(role="President", person="p-1", starts=date(2026, 1, 1),
                                filled_by="election", rank="elected officer",
                                first_role=False, actor=SECRETARY)
    with pytest.raises(error, match=refusal.replace("(", r"\(").replace(")", r"\)")):
        memory_app.democracy.fill_role(story.body, **(fill | change))
    assert position(memory_app) == before


def test_seats_count_first_and_last_days_both_included() -> None:
    assert most_at_once([(date(2024, 1, 1), date(2024, 6, 30)),
                         (date(2024, 7, 1), None)]) == (1, date(2024, 1, 1))
    assert most_at_once([(date(2024, 1, 1), date(2024, 7, 1)),
                         (date(2024, 7, 1), None)]) == (2, date(2024, 7, 1))
    assert most_at_once([]) == (0, None)


def test_ending_a_term_frees_the_seat_from_the_next_day(memory_app: BargainingApp) -> None:
    d = memory_app.democracy
    story = record_democracy_story(memory_app)
    with pytest.raises(RuleViolation, match="did not hold the role"):
        d.end_term(story.body, role="President", person="p-9", on=date(2024, 5, 1),
                   actor=SECRETARY)
    d.end_term(story.body, role="President", person="p-1", on=date(2024, 12, 31),
               actor=SECRETARY)
    d.fill_role(story.body, role="President", person="p-9", starts=date(2025, 1, 1),
                filled_by="acclamation", rank="rank-and-file member", first_role=True,
                actor=SECRETARY)
    assert [h.person for h in d.holders(story.body, on=date(2024, 12, 31), role="President")
            ] == ["p-1"]
    assert [h.person for h in d.holders(story.body, on=date(2025, 1, 1), role="President")
            ] == ["p-9"]


# ---------------------------------------------------------- accountability


def test_periods_of_months_end_on_the_day_before_the_next_begins() -> None:
    quarters = Expectation("President", "report", "the members", 3, date(2024, 1, 31), 30)
    assert quarters.ends_through(date(2025, 1, 30)) == [
        date(2024, 4, 29), date(2024, 7, 30), date(2024, 10, 30), date(2025, 1, 30)]
    yearly = Expectation("President", "report", "the members", 12, date(2024, 2, 29), 0)
    assert yearly.ends_through(date(2026, 3, 1)) == [date(2025, 2, 27), date(2026, 2, 27)]


def test_overdue_is_derived_on_the_reading_day_and_as_known_at_a_moment(
        memory_app: BargainingApp) -> None:
    d = memory_app.democracy
    story = record_democracy_story(memory_app)
    known = datetime.now(UTC)
    time.sleep(0.01)
    assert [s.state for s in d.reports(story.body, on=date(2024, 5, 30))] == [
        ReportState.ON_TIME]
    late = d.reports(story.body, on=date(2024, 7, 31))
    assert [s.state for s in late] == [ReportState.ON_TIME, ReportState.OVERDUE]
    assert late[1].flag is not None and late[1].flag.rule is FlagRule.REPORT_OVERDUE
    d.file_report(story.body, role="President", what="Quarterly report",
                  period_end=date(2024, 6, 30), on=date(2024, 8, 15), led_by="p-1",
                  led_by_rank="elected officer", where="a binder", actor=SECRETARY)
    assert [s.state for s in d.reports(story.body, on=date(2024, 8, 1))][1] is \
        ReportState.OVERDUE
    assert [s.state for s in d.reports(story.body, on=date(2024, 8, 15))][1] is \
        ReportState.LATE
    assert [s.state for s in d.reports(story.body, on=date(2024, 8, 15), at=known)][1] is \
        ReportState.OVERDUE
    # a role with no holder on a period's last day owes no report for it
    d.end_term(story.body, role="President", person="p-1", on=date(2024, 9, 1),
               actor=SECRETARY)
    assert len(d.reports(story.body, on=date(2025, 6, 1))) == 2


def test_the_accountability_report_counts_members_leading_and_new_activists(
        memory_app: BargainingApp) -> None:
    story = record_democracy_story(memory_app)
    report = memory_app.democracy.accountability(story.body, starts=date(2024, 1, 1),
                                                 ends=date(2024, 6, 30), on=date(2024, 8, 1))
    assert (report.reports_filed, report.led_by_members, report.new_activists,
            report.rank_and_file_holders, report.overdue) == (1, 1, 1, 1, 1)
    assert [a.role for a in report.roles] == ["President", "Regional vice-president"]
    assert report.roles[0].work_plans == 1
    text = memory_app.democracy.accountability_summary(
        story.body, starts=date(2024, 1, 1), ends=date(2024, 6, 30), on=date(2024, 8, 1))
    assert "period ending 2024-06-30: OVERDUE, flagged (due 2024-07-30)" in text
    with pytest.raises(InvalidInput, match="cannot end"):
        memory_app.democracy.accountability(story.body, starts=date(2024, 6, 30),
                                            ends=date(2024, 1, 1))


def test_a_report_for_no_expected_period_is_refused(memory_app: BargainingApp) -> None:
    story = record_democracy_story(memory_app)
    before = position(memory_app)
    with pytest.raises(RuleViolation, match="has no reports of 'Budget' expected"):
        memory_app.democracy.file_report(
            story.body, role="President", what="Budget", period_end=date(2024, 3, 31),
            on=date(2024, 4, 1), led_by="p-1", led_by_rank="elected officer", where="x",
            actor=SECRETARY)
    with pytest.raises(InvalidInput, match="say where the report is"):
        memory_app.democracy.file_report(
            story.body, role="President", what="Quarterly report",
            period_end=date(2024, 3, 31), on=date(2024, 4, 1), led_by="p-1",
            led_by_rank="elected officer", where="  ", actor=SECRETARY)
    assert position(memory_app) == before


# ---------------------------------------------------------------- meetings


def test_motions_and_votes_that_cannot_be_are_refused_and_record_nothing(
        memory_app: BargainingApp) -> None:
    d = memory_app.democracy
    story = record_democracy_story(memory_app)
    meeting = d.hold_meeting(story.body, on=date(2024, 3, 9), notice_days=7, present=9,
                             eligible=11, actor=SECRETARY)
    number = d.move(meeting, text="That we picket", mover="p-1", actor=SECRETARY)
    before = position(memory_app)
    other = Vote(date(2024, 3, 9), Tally(eligible=11, cast=9, yes=7, no=2),
                 body=Body.named("Bargaining team"))
    attempts: list[tuple[Callable[[], object], type[BargainingError], str]] = [
        (lambda: d.move(meeting, text="x", mover="", actor=SECRETARY), InvalidInput,
         "mover's id"),
        (lambda: d.move(meeting, text="  ", mover="p-1", actor=SECRETARY), InvalidInput,
         "motion's words"),
        (lambda: d.move(meeting, text="x", mover="p-1", seconder="p-1", actor=SECRETARY),
         RuleViolation, "seconded by its mover"),
        (lambda: d.move(meeting, text="x", mover="p-1", document=story.document,
                        actor=SECRETARY), InvalidInput, "names the document and its version"),
        (lambda: d.second(meeting, number, seconder="p-1", actor=SECRETARY), RuleViolation,
         "seconded by its mover"),
        (lambda: d.decide(meeting, 7, vote=board_vote(memory_app, story.body,
                                                      date(2024, 3, 9)), actor=SECRETARY),
         MotionNotFound, "has no motion 7"),
        (lambda: d.decide(meeting, number, vote=other, actor=SECRETARY), RuleViolation,
         "this vote names the Bargaining team"),
        (lambda: d.decide(meeting, number, vote=board_vote(memory_app, story.body,
                                                           date(2024, 3, 8)),
                          actor=SECRETARY), InvalidInput, "cannot be held before it"),
        (lambda: d.decide(meeting, number, vote=None, actor=SECRETARY),  # type: ignore[arg-type]
         InvalidInput, "decided by a Vote"),
        (lambda: d.decide(meeting, number, vote=board_vote(memory_app, story.body,
                                                           date(2024, 3, 9)), actor=None),  # type: ignore[arg-type]
         BargainingError, "actor"),
        (lambda: d.hold_meeting(story.body, on=date(2024, 3, 9), notice_days=7, present=12,
                                eligible=11, actor=SECRETARY), RuleViolation,
         "12 present cannot be"),
        (lambda: d.meeting(UUID(int=5)), RecordNotFound, "no meeting"),
    ]
    for attempt, error, words in attempts:
        with pytest.raises(error, match=words):
            attempt()
        assert position(memory_app) == before, words


def test_a_decided_motion_no_longer_changes(memory_app: BargainingApp) -> None:
    story = record_democracy_story(memory_app)
    vote = board_vote(memory_app, story.body, date(2024, 2, 10))
    before = position(memory_app)
    with pytest.raises(RuleViolation, match="was decided on 2024-02-10"):
        memory_app.democracy.decide(story.meeting, 1, vote=vote, actor=SECRETARY)
    with pytest.raises(RuleViolation, match="was decided on 2024-02-10"):
        memory_app.democracy.amend(story.meeting, 1, text="x", mover="p-2", vote=vote,
                                   actor=SECRETARY)
    assert position(memory_app) == before


def test_a_defeated_amendment_is_recorded_and_changes_nothing(
        memory_app: BargainingApp) -> None:
    d = memory_app.democracy
    story = record_democracy_story(memory_app)
    meeting = d.hold_meeting(story.body, on=date(2024, 3, 9), notice_days=7, present=9,
                             eligible=11, actor=SECRETARY)
    number = d.move(meeting, text="That we picket", mover="p-1", actor=SECRETARY)
    lost = d.amend(meeting, number, text="That we leaflet", mover="p-2",
                   vote=board_vote(memory_app, story.body, date(2024, 3, 9), yes=2, no=7),
                   actor=SECRETARY)
    assert lost is False
    motion = d.meeting(meeting).motion(number)
    assert (motion.text, motion.amendments) == ("That we picket", 0)
    assert d.decide(meeting, number, vote=board_vote(memory_app, story.body,
                                                     date(2024, 3, 9), yes=3, no=6),
                    actor=SECRETARY) is False
    [defeated] = [x for x in d.decisions(story.body, starts=date(2024, 3, 1),
                                         ends=date(2024, 3, 31))]
    assert not defeated.carried
    assert "Defeated by the Provincial executive board" in d.decision_summary(
        story.body, starts=date(2024, 3, 1), ends=date(2024, 3, 31))


def test_a_meeting_in_camera_takes_every_decision_in_camera_and_quorum_by_share(
        memory_app: BargainingApp) -> None:
    from bargaining.domain.shared.vote import Quorum

    d = memory_app.democracy
    team = d.form_body(organization="Local 79", name="Bargaining team", kind="bargaining team",
                       quorum=Quorum.share(50), actor=SECRETARY)
    meeting = d.hold_meeting(team, on=date(2024, 5, 1), notice_days=0, present=2, eligible=6,
                             in_camera=True, actor=SECRETARY)
    [flag] = d.meeting(meeting).flags
    assert flag.rule is FlagRule.NO_QUORUM
    assert flag.why == ("2 of 6 voting members were present (33.3%); the Bargaining team's "
                        "quorum is 50%")
    number = d.move(meeting, text="That we table the wage proposal", mover="p-1",
                    actor=SECRETARY)
    d.decide(meeting, number, vote=Vote(date(2024, 5, 1), Tally(eligible=6, cast=2, yes=2,
                                                                no=0),
                                        body=d.body(team).voting_body), actor=SECRETARY)
    [decision] = d.decisions(team, starts=date(2024, 1, 1), ends=date(2024, 12, 31))
    assert decision.in_camera and decision.flags == d.meeting(meeting).flags


def test_decisions_read_as_they_were_on_a_day_and_as_known_at_a_moment(
        memory_app: BargainingApp) -> None:
    d = memory_app.democracy
    story = record_democracy_story(memory_app)
    year: dict[str, Any] = dict(starts=date(2024, 1, 1), ends=date(2024, 12, 31))
    known = datetime.now(UTC)
    time.sleep(0.01)
    meeting = d.hold_meeting(story.body, on=date(2024, 6, 1), notice_days=7, present=9,
                             eligible=11, actor=SECRETARY)
    number = d.move(meeting, text="That we strike", mover="p-1", in_camera=True,
                    actor=SECRETARY)
    d.decide(meeting, number, vote=board_vote(memory_app, story.body, date(2024, 6, 1)),
             actor=SECRETARY)
    assert len(d.decisions(story.body, **year)) == 2
    assert len(d.decisions(story.body, **year, on=date(2024, 5, 31))) == 1
    assert len(d.decisions(story.body, **year, at=known)) == 1
    [counted] = d.in_camera(story.body, [(date(2024, 1, 1), date(2024, 12, 31))])
    assert (counted.in_camera, counted.decisions) == (1, 2)
    [before] = d.in_camera(story.body, [(date(2024, 1, 1), date(2024, 12, 31))], at=known)
    assert (before.in_camera, before.decisions) == (0, 1)
    assert d.in_camera_summary(story.body, [(date(2024, 1, 1), date(2024, 12, 31))]) == (
        "Decisions of the Provincial executive board taken in camera:\n"
        "- 2024-01-01 to 2024-12-31: 1 of 2 (50%)")
    with pytest.raises(InvalidInput, match="one or more periods"):
        d.in_camera(story.body, [])


def app_calendar(app: BargainingApp, body: UUID, year: int) -> MeetingCalendar:
    found: MeetingCalendar = app.eventsourcing.repository.get(calendar_id(body, year))
    return found


def test_a_meeting_record_stays_one_meetings_size_and_its_calendar_one_years(
        memory_app: BargainingApp) -> None:
    d = memory_app.democracy
    story = record_democracy_story(memory_app)
    for month in range(1, 13):
        meeting = d.hold_meeting(story.body, on=date(2025, month, 5), notice_days=7,
                                 present=9, eligible=11, actor=SECRETARY)
        for _ in range(3):
            number = d.move(meeting, text="A motion", mover="p-1", actor=SECRETARY)
            d.decide(meeting, number, vote=board_vote(memory_app, story.body,
                                                      date(2025, month, 5)), actor=SECRETARY)
        assert len(d.meeting(meeting).motions) == 3
    assert not hasattr(d.body(story.body), "meetings")  # the body does not grow with them
    year = d.meetings(story.body, starts=date(2025, 1, 1), ends=date(2025, 12, 31))
    assert [day.month for day, _ in year] == list(range(1, 13))
    assert len(d.meetings(story.body, starts=date(2024, 1, 1), ends=date(2025, 12, 31))) == 13
    calendar = app_calendar(memory_app, story.body, 2025)
    assert len(calendar.meetings) == 12 and calendar.version == 13


# --------------------------------------------------------------- documents


def test_a_document_is_adopted_only_by_a_carried_motion_naming_it(
        memory_app: BargainingApp) -> None:
    d = memory_app.democracy
    story = record_democracy_story(memory_app)
    draft = d.draft_document(story.body, title="Budget 2025", kind="budget",
                             on=date(2024, 11, 1), where="https://example.org/budget",
                             actor=SECRETARY)
    meeting = d.hold_meeting(story.body, on=date(2024, 11, 20), notice_days=7, present=9,
                             eligible=11, actor=SECRETARY)
    plain = d.move(meeting, text="That we thank the staff", mover="p-1", actor=SECRETARY)
    naming = d.move(meeting, text="That we adopt the budget", mover="p-1", document=draft,
                    document_version=1, actor=SECRETARY)
    before = position(memory_app)
    for motion, words in [(plain, "does not adopt 'Budget 2025'"),
                          (naming, "motion 2 is not decided")]:
        with pytest.raises(RuleViolation, match=words):
            d.adopt_document(draft, meeting=meeting, motion=motion, actor=SECRETARY)
    with pytest.raises(RuleViolation, match="was adopted"):
        d.publish_version(story.document, on=date(2024, 3, 1), where="x", actor=SECRETARY)
    with pytest.raises(InvalidInput, match="versions 1 to 2, not 3"):
        d.give_feedback(story.document, version=3, given_by="Local 1", on=date(2024, 3, 1),
                        text="x", actor=SECRETARY)
    with pytest.raises(InvalidInput, match="cannot be published"):
        d.publish_version(draft, on=date(2024, 10, 1), where="x", actor=SECRETARY)
    assert position(memory_app) == before
    d.decide(meeting, naming, vote=board_vote(memory_app, story.body, date(2024, 11, 20)),
             actor=SECRETARY)
    d.adopt_document(draft, meeting=meeting, motion=naming, actor=SECRETARY)
    assert d.document(draft).adoption is not None


def test_people_are_named_only_by_their_ids_in_summaries(memory_app: BargainingApp) -> None:
    story = record_democracy_story(memory_app)
    summary = memory_app.democracy.decision_summary(story.body, starts=date(2024, 1, 1),
                                                    ends=date(2024, 12, 31))
    assert summary.splitlines()[1] == (
        "- 2024-02-10: Carried by the Provincial executive board (motion 1): That the board "
        "adopt Strategy 2024 as amended — vote held 2024-02-10: 7 yes, 2 no of 9 cast "
        "(11 eligible), carried; adopts 'Strategy 2024', version 2, at "
        "https://example.org/strategy/v2")
    assert "p-1" not in summary and "p-3" not in summary


def test_a_motion_names_a_document_version_that_exists_and_reads_without_it_before(
        memory_app: BargainingApp) -> None:
    d = memory_app.democracy
    story = record_democracy_story(memory_app)
    meeting = d.hold_meeting(story.body, on=date(2024, 1, 3), notice_days=7, present=9,
                             eligible=11, actor=SECRETARY)
    before = position(memory_app)
    with pytest.raises(InvalidInput, match="has versions 1 to 2, not 3"):
        d.move(meeting, text="Adopt it", mover="p-1", document=story.document,
               document_version=3, actor=SECRETARY)
    with pytest.raises(RecordNotFound, match="no document"):
        d.move(meeting, text="Adopt it", mover="p-1", document=UUID(int=7),
               document_version=1, actor=SECRETARY)
    assert position(memory_app) == before
    # a back-dated meeting (2024-01-03) naming a document first published on 2024-01-05
    number = d.move(meeting, text="Adopt it", mover="p-1", document=story.document,
                    document_version=1, actor=SECRETARY)
    d.decide(meeting, number, vote=board_vote(memory_app, story.body, date(2024, 1, 3)),
             actor=SECRETARY)
    [early] = d.decisions(story.body, starts=date(2024, 1, 1), ends=date(2024, 1, 31),
                          on=date(2024, 1, 4))
    assert early.document is None
    [known] = d.decisions(story.body, starts=date(2024, 1, 1), ends=date(2024, 1, 31))
    assert known.document is not None and known.document.version == 1
