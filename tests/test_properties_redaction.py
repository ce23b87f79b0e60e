"""Properties of redaction: whatever reasons a record's versions carry and whichever versions
are redacted, exactly those read as "[redacted]", every other reason reads as given, the
record loads the same from its snapshots, and the chain verifies."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from bargaining import Actor, BargainingApp, InvalidInput, RedactionReason
from bargaining.domain.shared.actor import clean_reason

ORGANIZER = Actor("org-7", "organizer")
COMMITTEE = Actor("c-2", "coordinating committee")
_TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40)


def _reason(text: str) -> str | None:
    try:
        return clean_reason(text)
    except InvalidInput:  # text the library refuses (direction overrides, ...)
        return "a reason"


@settings(max_examples=25, deadline=None)
@given(st.lists(st.none() | _TEXT, min_size=1, max_size=6), st.data())
def test_exactly_the_redacted_versions_read_as_redacted(reasons: list[str | None],
                                                        data: st.DataObject) -> None:
    given_reasons = [None if r is None else _reason(r) for r in reasons]
    with BargainingApp("memory") as app:
        unit = app.units.register(union="CSN", local="DXT4", employer="Amazon",
                                  unit_name="Laval warehouse", actor=ORGANIZER)
        for n, reason in enumerate(given_reasons):
            app.units.change_headcount(unit, 200 + n, actor=ORGANIZER, reason=reason)
        with_text = [v for v, r in enumerate(given_reasons, start=2) if r]
        chosen = data.draw(st.sets(st.sampled_from(with_text)) if with_text else st.just(set()))
        receipt = app.integrity.receipt()
        for version in sorted(chosen):
            assert app.people.redact(unit, version, actor=COMMITTEE, on=date(2025, 2, 4),
                                     reason=RedactionReason.HARMFUL).recorded
        shown = [e.reason for e in app.history.of(unit)][1:]
        assert shown == ["[redacted]" if v in chosen else r
                         for v, r in enumerate(given_reasons, start=2)]
        app.eventsourcing.take_snapshot(unit)
        assert app.units.get(unit).headcount == 200 + len(given_reasons) - 1
        assert app.integrity.verify(receipt).intact


@settings(max_examples=20, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["w-1", "w-2", "w-3"]), _TEXT), min_size=1,
                max_size=6), st.sets(st.sampled_from(["w-1", "w-2", "w-3"])), st.data())
def test_feedback_reads_as_redacted_exactly_when_redacted_or_its_giver_erased(
        given_feedback: list[tuple[str, str]], erased: set[str], data: st.DataObject) -> None:
    """Feedback on a document: sealed with its version's key and its giver's, whatever its
    words, whichever versions are redacted and whichever givers erased."""
    from bargaining import BodyType, DocumentKind
    from bargaining.domain.democracy.meeting import motion_text

    def words(text: str) -> str:
        try:
            return motion_text(text)
        except InvalidInput:  # text the library refuses
            return "feedback"

    feedback = [(who, words(text)) for who, text in given_feedback]
    with BargainingApp("memory") as app:
        body = app.democracy.form_body(organization="CSN", name="Council",
                                       kind=BodyType.EXECUTIVE_BOARD, actor=ORGANIZER)
        document = app.democracy.draft_document(
            body, title="Plan", kind=DocumentKind.STRATEGY_PAPER, on=date(2024, 1, 5),
            where="https://example.org/plan", actor=ORGANIZER)
        for who, text in feedback:
            app.democracy.give_feedback(document, version=1, given_by=who,
                                        on=date(2024, 1, 9), text=text, actor=ORGANIZER)
        redacted = data.draw(st.sets(st.sampled_from(range(2, len(feedback) + 2))))
        receipt = app.integrity.receipt()
        for version in sorted(redacted):
            app.people.redact(document, version, actor=COMMITTEE, on=date(2025, 2, 4),
                              reason=RedactionReason.HARMFUL)
        for who in sorted(erased):
            app.people.erase(who, actor=COMMITTEE, on=date(2025, 2, 5))
        shown = [e.data["text"] for e in app.history.of(document)[1:]]
        assert shown == ["[redacted]" if v in redacted or who in erased else text
                         for v, (who, text) in enumerate(feedback, start=2)]
        assert app.integrity.verify(receipt).intact
