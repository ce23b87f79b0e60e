"""Organizing drives and the pathways of leadership, through every event kind of their
records, for the history, snapshot and timeline tests (the figures are illustrative)."""

from __future__ import annotations

from datetime import date

from bargaining import CARD_CHECK, CERTIFICATION_VOTE, Actor, BargainingApp, Tally, Vote

ORGANIZER = Actor("o-2", "organizer")


def record_drives_story(app: BargainingApp) -> None:
    """A drive certified after a vote and its first-contract round; a drive dismissed; a
    training session, a mentoring pair, a call team, a field plan, an activist's role."""
    drives = app.drives
    won = drives.start(workplace="Warehouse YUL2", employer="Parcel Depot Inc.",
                       jurisdiction="ON", union="Unifor", eligible=120, on=date(2025, 1, 6),
                       actor=ORGANIZER)
    drives.count_cards(won, signed=55, on=date(2025, 2, 3), actor=ORGANIZER)
    drives.count_eligible(won, eligible=118, on=date(2025, 2, 10), actor=ORGANIZER)
    drives.file_application(won, on=date(2025, 2, 12), board="Ontario Labour Relations Board",
                            source="OLRB application", actor=ORGANIZER)
    drives.record_vote(won, Vote(date(2025, 2, 19), Tally(eligible=118, cast=104, yes=70,
                                                          no=34)), actor=ORGANIZER)
    drives.certify(won, on=date(2025, 2, 26), method=CERTIFICATION_VOTE,
                   source="OLRB certificate", local="Local 444", unit_name="Depot workers",
                   actor=ORGANIZER)
    drives.open_first_contract(won, on=date(2025, 3, 10), actor=ORGANIZER)
    lost = drives.start(workplace="Store 12", employer="Corner Grocers", jurisdiction="QC",
                        union="CSN", eligible=40, on=date(2025, 1, 6), actor=ORGANIZER)
    drives.dismiss(lost, on=date(2025, 4, 1), grounds="the unit applied for is not appropriate",
                   source="TAT decision", actor=ORGANIZER)
    assert CARD_CHECK != CERTIFICATION_VOTE

    training = app.training
    session = training.hold_session(topic="Structure tests", on=date(2025, 3, 1),
                                    trainer="p-10", trainees=["p-11", "p-12"], local="Local 444",
                                    actor=ORGANIZER)
    training.add_trainees(session, trainees=["p-13"], actor=ORGANIZER, reason="sign-in sheet")
    pair = training.pair(mentor="p-10", mentee="p-11", starts=date(2025, 3, 2), actor=ORGANIZER)
    training.end_mentoring(pair, on=date(2025, 9, 1), actor=ORGANIZER)
    team = training.form_call_team(name="Depot callers", members=["p-11", "p-12"],
                                   on=date(2025, 3, 3), local="Local 444", actor=ORGANIZER)
    training.join_call_team(team, person="p-13", on=date(2025, 3, 4), actor=ORGANIZER)
    training.record_calls(team, person="p-13", on=date(2025, 3, 5), made=25, reached=11,
                          actor=ORGANIZER)
    training.leave_call_team(team, person="p-13", on=date(2025, 3, 20), actor=ORGANIZER)
    template = training.draft_template(name="First contract", steps=["map", "petition"],
                                       actor=ORGANIZER)
    plan = training.adopt_plan(template, local="Local 444", on=date(2025, 3, 10),
                               actor=ORGANIZER)
    training.complete_step(plan, step="map", on=date(2025, 3, 30), actor=ORGANIZER)
    role = training.step_in(person="p-11", role="steward", local="Local 444",
                            on=date(2025, 4, 1), rank="rank-and-file member", first_role=True,
                            actor=ORGANIZER)
    training.step_out(role, on=date(2025, 12, 31), actor=ORGANIZER)
