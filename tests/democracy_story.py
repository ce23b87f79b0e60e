"""A democracy story that records every kind of event of bodies, meetings and documents,
through the application's commands: for the history, audit log and snapshot tests."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from bargaining import Actor, BargainingApp, BodyType, DocumentKind, FilledBy, Rank, Tally, Vote
from bargaining.domain.shared.vote import Quorum

SECRETARY = Actor("s-1", "recording secretary")


@dataclass
class DemocracyStory:
    body: UUID
    meeting: UUID
    document: UUID


def board_vote(app: BargainingApp, body: UUID, on: date, yes: int = 7, no: int = 2) -> Vote:
    """A vote of the body's members present (nine of eleven)."""
    return Vote(on, Tally(eligible=11, cast=yes + no, yes=yes, no=no),
                body=app.democracy.body(body).voting_body)


def record_democracy_story(app: BargainingApp) -> DemocracyStory:
    """A board with two roles, holders, a term ended, reporting expected, a work plan and a
    report; a meeting with a motion moved, seconded, amended and decided; a strategy paper in
    two versions, amended, commented on and adopted."""
    d = app.democracy
    body = d.form_body(organization="CUPE Ontario", name="Provincial executive board",
                       kind=BodyType.EXECUTIVE_BOARD, notice_days=7, quorum=Quorum.present(6),
                       actor=SECRETARY)
    d.add_role(body, name="President", actor=SECRETARY)
    d.add_role(body, name="Regional vice-president", seats=5, actor=SECRETARY)
    d.fill_role(body, role="President", person="p-1", starts=date(2024, 1, 1),
                filled_by=FilledBy.ELECTION, rank=Rank.ELECTED_OFFICER, first_role=False,
                actor=SECRETARY)
    d.fill_role(body, role="Regional vice-president", person="p-2", starts=date(2024, 1, 1),
                filled_by=FilledBy.ACCLAMATION, rank=Rank.RANK_AND_FILE, first_role=True,
                actor=SECRETARY)
    d.end_term(body, role="Regional vice-president", person="p-2", on=date(2024, 9, 30),
               actor=SECRETARY, reason="moved to another region")
    d.expect_reports(body, role="President", what="Quarterly report", to_whom="the members",
                     every_months=3, starts=date(2024, 1, 1), actor=SECRETARY)
    d.file_work_plan(body, role="President", person="p-1", on=date(2024, 1, 20),
                     where="https://example.org/plans/president-2024", actor=SECRETARY)
    d.file_report(body, role="President", what="Quarterly report",
                  period_end=date(2024, 3, 31), on=date(2024, 4, 15), led_by="p-7",
                  led_by_rank=Rank.RANK_AND_FILE,
                  where="https://example.org/reports/2024-q1", actor=SECRETARY)
    meeting = d.hold_meeting(body, on=date(2024, 2, 10), notice_days=10, present=9,
                             eligible=11, actor=SECRETARY)
    document = d.draft_document(body, title="Strategy 2024", kind=DocumentKind.STRATEGY_PAPER,
                                on=date(2024, 1, 5), where="https://example.org/strategy/v1",
                                actor=SECRETARY)
    d.give_feedback(document, version=1, given_by="Local 79", on=date(2024, 1, 15),
                    text="Put long-term care first", actor=SECRETARY)
    d.publish_version(document, on=date(2024, 2, 1), where="https://example.org/strategy/v2",
                      note="long-term care first", actor=SECRETARY)
    d.propose_amendment(document, version=2, text="Add a section on home care", mover="p-3",
                        on=date(2024, 2, 10), vote=board_vote(app, body, date(2024, 2, 10)),
                        actor=SECRETARY)
    motion = d.move(meeting, text="That the board adopt Strategy 2024", mover="p-1",
                    document=document, document_version=2, actor=SECRETARY)
    d.second(meeting, motion, seconder="p-3", actor=SECRETARY)
    d.amend(meeting, motion, text="That the board adopt Strategy 2024 as amended",
            mover="p-3", vote=board_vote(app, body, date(2024, 2, 10)), actor=SECRETARY)
    d.decide(meeting, motion, vote=board_vote(app, body, date(2024, 2, 10)), actor=SECRETARY)
    d.adopt_document(document, meeting=meeting, motion=motion, actor=SECRETARY)
    return DemocracyStory(body, meeting, document)
