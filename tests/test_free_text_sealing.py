"""Every free text sealed so it can be redacted or erased (issue 15): a document's feedback,
a motion's and an amendment's words, a version's note, a message's text and the action leaders
took part in are sealed with their record's version's key, as reasons are, so a redaction makes
them read "[redacted]" in records, history and exports. Feedback is also sealed with the key of
who gave it, and an action one leader took part in with that leader's key: erasing that person
erases the text. Stored bytes of the released classes (plain text) still load, and are hidden on
read after a redaction. The files themselves are scanned in ``test_free_text_files.py``."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date
from uuid import UUID

from eventsourcing.persistence import StoredEvent

from bargaining import Actor, BargainingApp, BodyType, DocumentKind, RedactionReason
from bargaining.adapters.audit_export import write_csv, write_jsonl
from tests.democracy_story import SECRETARY, board_vote, record_democracy_story

COMMITTEE = Actor("c-2", "coordinating committee")
ORGANIZER = Actor("org-7", "organizer")
ABOUT = RedactionReason.ABOUT_A_PERSON
ON = date(2025, 2, 4)
#: Words naming a worker, one per field, so a scan finds exactly which one leaked.
FEEDBACK = "Marie on nights says the plan ignores her shift"
MOTION = "That the board censure Paul Tremblay of the night shift"
AMENDMENT = "That the board censure Paul Tremblay and Luc Roy"
NOTE = "Rewritten after Josee Gagnon's complaint"
ACTIVITY = "Marie Dubois's first picket"
WORDS = (FEEDBACK, MOTION, AMENDMENT, NOTE, ACTIVITY)


def stored_bytes(app: BargainingApp, record: UUID) -> bytes:
    return b"".join(e.state for e in app.eventsourcing.recorder.select_events(record))


def version_of(app: BargainingApp, record: UUID, kind: str) -> int:
    return next(e.originator_version for e in app.eventsourcing.recorder.select_events(record)
                if e.topic.endswith("." + kind))


def texts(app: BargainingApp) -> tuple[UUID, UUID, UUID]:
    """A document with feedback from a worker, a new version's note and an amendment; a
    meeting with a motion moved and amended; a workplace whose one leader took part."""
    d = app.democracy
    story = record_democracy_story(app)
    document = d.draft_document(story.body, title="Strategy 2025",
                                kind=DocumentKind.STRATEGY_PAPER, on=date(2024, 2, 1),
                                where="https://example.org/v1", actor=SECRETARY)
    d.give_feedback(document, version=1, given_by="w-17", on=date(2024, 2, 5),
                    text=FEEDBACK, actor=SECRETARY)
    d.publish_version(document, on=date(2024, 2, 20), where="https://example.org/v3",
                      note=NOTE, actor=SECRETARY)
    d.propose_amendment(document, version=2, text=AMENDMENT, mover="p-3",
                        on=date(2024, 2, 21), actor=SECRETARY)
    meeting = d.hold_meeting(story.body, on=date(2024, 3, 10), notice_days=10, present=9,
                             eligible=11, actor=SECRETARY)
    motion = d.move(meeting, text=MOTION, mover="p-1", actor=SECRETARY)
    d.amend(meeting, motion, text=AMENDMENT, mover="p-3",
            vote=board_vote(app, story.body, date(2024, 3, 10)), actor=SECRETARY)
    o = app.organizing
    place = o.register_workplace(name="DXT4", employer="Amazon", actor=ORGANIZER)
    o.add_group(place, name="nights", kind="shift", workers=40, on=date(2024, 1, 2),
                actor=ORGANIZER)
    o.identify_leader(place, group="nights", person="w-17", on=date(2024, 1, 3),
                      actor=ORGANIZER)
    o.take_part(place, people=["w-17"], activity=ACTIVITY, on=date(2024, 1, 9),
                actor=ORGANIZER)
    return document, meeting, place


def test_no_free_text_is_stored_in_clear(app: BargainingApp) -> None:
    records = texts(app)
    stored = b"".join(stored_bytes(app, r) for r in records)
    assert b"Strategy 2025" in stored  # a document's title is a name, kept readable
    for words in WORDS:
        assert words.encode() not in stored, words
    document = app.democracy.document(records[0])
    assert document.versions[-1].note == NOTE
    assert app.democracy.meeting(records[1]).motions[-1].text == AMENDMENT


def test_each_text_reads_as_redacted_after_a_redaction_and_receipts_verify(
        open_app: Callable[..., BargainingApp]) -> None:
    app = open_app()
    document, meeting, place = texts(app)
    receipt = app.integrity.receipt()
    for record, kind in ((document, "FeedbackGiven"), (document, "VersionPublished"),
                         (document, "AmendmentProposed"), (meeting, "MotionMoved"),
                         (meeting, "MotionAmended"), (place, "LeadersTookPart")):
        app.people.redact(record, version_of(app, record, kind), actor=COMMITTEE, on=ON,
                          reason=ABOUT)
    readers = (app, open_app()) if app.store.kind != "memory" else (app,)
    for reader in readers:
        shown = " ".join(e.summary + str(e.data) for r in (document, meeting, place)
                         for e in reader.history.of(r))
        assert "[redacted]" in shown
        for words in WORDS:
            assert words not in shown, words
        assert reader.democracy.document(document).versions[-1].note == "[redacted]"
        assert reader.democracy.meeting(meeting).motions[-1].text == "[redacted]"
        french = " ".join(e.summary + str(e.data)
                          for e in reader.history.of(place, language="fr"))
        assert "[caviardé]" in french and ACTIVITY not in french
        for write in (write_csv, write_jsonl):
            out = io.StringIO()
            write(reader.history.audit_log(), out)
            for words in WORDS:
                assert words not in out.getvalue(), words
            assert "Put long-term care first" in out.getvalue()  # other versions stay
    assert app.integrity.verify().intact
    assert app.integrity.verify(receipt).intact


def test_erasing_a_person_erases_the_text_bound_to_them_only(
        open_app: Callable[..., BargainingApp]) -> None:
    app = open_app()
    document, meeting, place = texts(app)
    receipt = app.integrity.receipt()
    app.people.erase("w-17", actor=COMMITTEE, on=ON)
    readers = (app, open_app()) if app.store.kind != "memory" else (app,)
    for reader in readers:
        feedback, activity = (
            next(e for e in reader.history.of(r) if e.event == kind)
            for r, kind in ((document, "FeedbackGiven"), (place, "LeadersTookPart")))
        assert FEEDBACK not in feedback.summary + str(feedback.data)
        assert ACTIVITY not in activity.summary + str(activity.data)
        assert "[redacted]" in str(feedback.data) + str(activity.data)
        # text about the body's business, not bound to one person, stays
        assert reader.democracy.document(document).versions[-1].note == NOTE
        assert reader.democracy.meeting(meeting).motions[-1].text == AMENDMENT
    assert app.integrity.verify().intact
    assert app.integrity.verify(receipt).intact


def test_an_action_several_leaders_took_part_in_is_not_erased_with_one_of_them(
        app: BargainingApp) -> None:
    o = app.organizing
    place = o.register_workplace(name="DXT4", employer="Amazon", actor=ORGANIZER)
    o.add_group(place, name="nights", kind="shift", workers=40, on=date(2024, 1, 2),
                actor=ORGANIZER)
    for person in ("w-17", "w-18"):
        o.identify_leader(place, group="nights", person=person, on=date(2024, 1, 3),
                          actor=ORGANIZER)
    o.take_part(place, people=["w-17", "w-18"], activity="the nights petition",
                on=date(2024, 1, 9), actor=ORGANIZER)
    assert b"nights petition" not in stored_bytes(app, place)
    app.people.erase("w-17", actor=COMMITTEE, on=ON)
    took = [e for e in app.history.of(place) if e.event == "LeadersTookPart"]
    assert "the nights petition" in took[0].summary


def released_feedback(app: BargainingApp) -> UUID:
    """A document whose feedback from w-17 is stored as the release before this change
    stored it: its text in plain JSON (bytes written by that release's code)."""
    body = app.democracy.form_body(organization="CUPE Ontario", name="Board",
                                   kind=BodyType.EXECUTIVE_BOARD, notice_days=7, actor=SECRETARY)
    document = app.democracy.draft_document(
        body, title="Strategy 2024", kind=DocumentKind.STRATEGY_PAPER, on=date(2024, 1, 5),
        where="https://example.org/strategy/v1", actor=SECRETARY)
    released = (
        b'{"timestamp":{"_type_":"datetime_iso","_data_":"2026-11-30T17:35:39.198800+00:00"},'
        b'"version":1,"given_by":"w-17","on":{"_type_":"date_iso","_data_":"2024-01-15"},'
        b'"text":"' + FEEDBACK.encode() + b'","actor":{"_type_":"actor","_data_":{"id":"s-1",'
        b'"role":"recording secretary"}},"reason":null}')
    app.eventsourcing.recorder.insert_events([StoredEvent(
        document, 2, "bargaining.domain.democracy.document:Document.FeedbackGiven", released)])
    return document


def test_released_plain_feedback_loads_and_is_hidden_after_a_redaction(
        open_app: Callable[..., BargainingApp]) -> None:
    app = open_app()
    document = released_feedback(app)
    entry = app.history.of(document)[1]
    assert entry.event == "FeedbackGiven" and FEEDBACK in str(entry.data)
    assert app.democracy.document(document).feedback == 1
    app.people.redact(document, 2, actor=COMMITTEE, on=ON, reason=ABOUT)
    readers = (app, open_app()) if app.store.kind != "memory" else (app,)
    for reader in readers:
        details = str(reader.history.of(document)[1].data)
        assert FEEDBACK not in details and "[redacted]" in details
    assert FEEDBACK.encode() in stored_bytes(app, document)  # its bytes remain, as documented
    assert app.integrity.verify().intact



def test_released_plain_feedback_is_hidden_once_who_gave_it_is_erased(
        open_app: Callable[..., BargainingApp]) -> None:
    app = open_app()
    document = released_feedback(app)
    receipt = app.integrity.receipt()
    assert FEEDBACK in str(app.history.of(document)[1].data)
    app.people.erase("w-17", actor=COMMITTEE, on=ON)
    readers = (app, open_app()) if app.store.kind != "memory" else (app,)
    for reader in readers:
        details = str(reader.history.of(document)[1].data)
        assert FEEDBACK not in details and "[redacted]" in details
    assert app.integrity.verify().intact and app.integrity.verify(receipt).intact
