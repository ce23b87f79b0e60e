"""Redacting free text by a recorded decision (issue 15): a reason such as "Marie on nights is
wavering" is sealed with its record's version's own key; a redaction deletes the key, and the
reason then reads as "[redacted]" (in French "[caviardé]") in records, history and exports,
on every store; the chain and earlier receipts still verify. Text stored before reasons were
sealed is hidden on read. The files themselves are scanned in ``test_redaction_files.py``."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date
from uuid import UUID

import pytest
from eventsourcing.persistence import StoredEvent

from bargaining import (
    Actor,
    BargainingApp,
    InvalidInput,
    RecordNotFound,
    Redaction,
    RedactionReason,
    RedactionResult,
    RuleViolation,
)
from bargaining.adapters.audit_export import write_csv, write_jsonl

ORGANIZER = Actor("org-7", "organizer")
COMMITTEE = Actor("c-2", "coordinating committee")
NOTE = "Marie on nights is wavering"
ABOUT = RedactionReason.ABOUT_A_PERSON


def dxt4(app: BargainingApp) -> UUID:
    unit = app.units.register(union="CSN", local="DXT4", employer="Amazon",
                              unit_name="Laval warehouse", actor=ORGANIZER)
    app.units.change_sector(unit, "warehousing", actor=ORGANIZER, reason=NOTE)
    app.units.change_region(unit, "Laval", actor=ORGANIZER, reason="the map was wrong")
    return unit


def position(app: BargainingApp) -> int:
    return app.eventsourcing.recorder.max_notification_id() or 0


def test_a_redacted_reason_reads_as_redacted_everywhere_and_receipts_verify(
        open_app: Callable[..., BargainingApp]) -> None:
    app = open_app()
    unit = dxt4(app)
    assert [e.reason for e in app.history.of(unit)] == [None, NOTE, "the map was wrong"]
    receipt = app.integrity.receipt()
    result = app.people.redact(unit, 2, actor=COMMITTEE, on=date(2025, 2, 4), reason=ABOUT)
    assert result == RedactionResult(unit, 2, result.redaction, date(2025, 2, 4), recorded=True)
    readers = (app, open_app()) if app.store.kind != "memory" else (app,)
    for reader in readers:
        entries = reader.history.of(unit)
        assert [e.reason for e in entries] == [None, "[redacted]", "the map was wrong"]
        assert [e.reason for e in reader.history.of(unit, language="fr")][1] == "[caviardé]"
        for write in (write_csv, write_jsonl):
            out = io.StringIO()
            write(reader.history.audit_log(), out)
            assert "[redacted]" in out.getvalue() and "wavering" not in out.getvalue()
            assert "the map was wrong" in out.getvalue()  # only that version is redacted
    redaction = app.history.of(result.redaction)
    assert [e.summary for e in redaction] == [
        "The free text of version 2 of CSN DXT4, Amazon (Laval warehouse) redacted on "
        "2025-02-04 (it was about a person), recorded by the coordinating committee"]
    assert redaction[0].reason is None  # the redaction's reason is a choice, not free text
    assert app.integrity.verify().intact
    assert app.integrity.verify(receipt).intact


def test_redacting_again_records_nothing_and_refusals_record_nothing(
        app: BargainingApp) -> None:
    unit = dxt4(app)
    first = app.people.redact(unit, 2, actor=COMMITTEE, on=date(2025, 2, 4), reason=ABOUT)
    before = position(app)
    again = app.people.redact(unit, 2, actor=COMMITTEE, on=date(2025, 2, 9), reason=ABOUT)
    assert again == RedactionResult(unit, 2, first.redaction, date(2025, 2, 4), recorded=False)
    with pytest.raises(InvalidInput, match="one of RedactionReason's choices"):
        app.people.redact(unit, 3, actor=COMMITTEE, on=date(2025, 2, 4),
                          reason="Marie asked")  # type: ignore[arg-type]
    with pytest.raises(RecordNotFound, match="has a version 9"):
        app.people.redact(unit, 9, actor=COMMITTEE, on=date(2025, 2, 4), reason=ABOUT)
    with pytest.raises(RuleViolation, match="holds no free text"):
        app.people.redact(unit, 1, actor=COMMITTEE, on=date(2025, 2, 4), reason=ABOUT)
    with pytest.raises(InvalidInput):
        app.people.redact(unit, 0, actor=COMMITTEE, on=date(2025, 2, 4), reason=ABOUT)
    assert position(app) == before
    assert isinstance(app.eventsourcing.repository.get(first.redaction), Redaction)


def test_a_reason_a_record_keeps_is_redacted_in_the_record_and_its_snapshots(
        app: BargainingApp) -> None:
    unit = dxt4(app)
    campaign = app.campaigns.launch(name="Fair deal at DXT4", units=[unit], on=date(2024, 5, 1),
                                    actor=ORGANIZER)
    app.campaigns.pause(campaign, on=date(2024, 6, 1), actor=ORGANIZER, reason=NOTE)
    paused = app.campaigns.get(campaign)
    app.eventsourcing.take_snapshot(campaign)
    assert paused.statuses[-1].reason == NOTE
    app.people.redact(campaign, paused.version, actor=COMMITTEE, on=date(2025, 2, 4),
                      reason=ABOUT)
    assert app.campaigns.get(campaign).statuses[-1].reason == "[redacted]"
    app.campaigns.resume(campaign, on=date(2024, 7, 1), actor=ORGANIZER, reason="back on")
    app.eventsourcing.take_snapshot(campaign)  # a new snapshot, with a key of its own
    resumed = app.campaigns.get(campaign)
    assert [s.reason for s in resumed.statuses[-2:]] == ["[redacted]", "back on"]


def test_text_stored_before_reasons_were_sealed_is_hidden_after_a_redaction(
        open_app: Callable[..., BargainingApp]) -> None:
    """As release 0.1 stored a unit's head count change, its reason in plain JSON."""
    app = open_app()
    unit = app.units.register(union="CUPE", local="79", employer="City of Toronto",
                              unit_name="Inside workers", actor=ORGANIZER)
    actor = b'"actor":{"_type_":"actor","_data_":{"id":"u-17","role":"bargaining team chair"}}'
    counted = (b'{"timestamp":{"_type_":"datetime_iso","_data_":"2025-06-09T09:30:00.000000'
               b'+00:00"},"headcount":20500,' + actor + b',"reason":"' + NOTE.encode() + b'"}')
    app.eventsourcing.recorder.insert_events([StoredEvent(
        unit, 2, "bargaining.domain.unit:BargainingUnit.HeadcountChanged", counted)])
    assert app.history.of(unit)[1].reason == NOTE
    app.people.redact(unit, 2, actor=COMMITTEE, on=date(2025, 2, 4), reason=ABOUT)
    readers = (app, open_app()) if app.store.kind != "memory" else (app,)
    for reader in readers:
        assert reader.history.of(unit)[1].reason == "[redacted]"
        assert reader.units.get(unit).headcount == 20500
    assert app.integrity.verify().intact


def test_people_sealed_lists_people_not_notes(app: BargainingApp) -> None:
    dxt4(app)
    assert app.people.sealed() == []
