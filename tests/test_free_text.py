"""Free text is checked when a command is given it (issue 14, hardening 10): actor ids and
roles, reasons, sources and names refuse control characters, invisible formatting characters
where two texts could look alike, and lengths no real text has; names are kept composed (NFC),
so two units cannot look identical. History recorded before the checks keeps loading."""

from __future__ import annotations

import io
import json
from datetime import date
from uuid import UUID

import pytest

from bargaining import Actor, BargainingApp, InvalidInput, UnitAlreadyRegistered, write_csv
from bargaining.domain.shared.text import MAX_REASON

UNIT = {"union": "CUPE", "local": "79", "employer": "City of Toronto", "unit_name": "Inside"}


def recorded(app: BargainingApp) -> int:
    return app.eventsourcing.recorder.max_notification_id() or 0


@pytest.mark.parametrize("bad, match", [
    ("u-17\x00", "control character"),
    ("\x1b[2J\x1b[31mu-17", "control character"),
    ("u-17\r", "control character"),
    ("u-17\n", "control character"),
    ("u\u202e71-", "invisible formatting character"),
    ("u-1\u200b7", "invisible formatting character"),
    ("u" * 10_000_000, "10,000,000 characters long; an actor's id and role are at most 200"),
])
def test_an_actor_id_or_role_that_is_not_one_line_of_plain_text(
        memory_app: BargainingApp, bad: str, match: str) -> None:
    for actor in (Actor(bad, "steward"), Actor("u-17", bad)):
        with pytest.raises(InvalidInput, match=match):
            memory_app.units.register(**UNIT, actor=actor)
    assert recorded(memory_app) == 0


@pytest.mark.parametrize("bad, match", [
    ("because\x00", "control character"),
    ("\x1b]0;owned\x07because", "control character"),
    ("because\x08the boss said", "control character"),
    ("read \u202eeton siht", "invisible formatting character"),
    ("x" * (MAX_REASON + 1), "at most 4,000"),
])
def test_a_reason_with_control_characters_or_too_long(memory_app: BargainingApp,
                                                     steward: Actor, bad: str,
                                                     match: str) -> None:
    uid = memory_app.units.register(**UNIT, actor=steward)
    before = recorded(memory_app)
    with pytest.raises(InvalidInput, match=match):
        memory_app.units.change_headcount(uid, 5, actor=steward, reason=bad)
    assert recorded(memory_app) == before


def test_a_reason_keeps_its_paragraphs(memory_app: BargainingApp, steward: Actor) -> None:
    uid = memory_app.units.register(**UNIT, actor=steward)
    memory_app.units.change_headcount(
        uid, 5, actor=steward, reason="Counted at the meeting.\r\n\r\nSee\tthe minutes.  ")
    (entry,) = [e for e in memory_app.history.of(uid) if e.event == "HeadcountChanged"]
    assert entry.reason == "Counted at the meeting.\n\nSee\tthe minutes."


@pytest.mark.parametrize("bad, match", [
    ("F-7 notice\x00", "control character"),
    ("F-7\nline 3", "control character"),
    ("F-7 \u202enotice", "invisible formatting character"),
    ("F" * 501, "a source is at most 500"),
])
def test_an_agreements_source_is_one_line_of_plain_text(memory_app: BargainingApp,
                                                        steward: Actor, bad: str,
                                                        match: str) -> None:
    uid = memory_app.units.register(**UNIT, actor=steward)
    before = recorded(memory_app)
    with pytest.raises(InvalidInput, match=match):
        memory_app.units.record_agreement(uid, expiry=date(2026, 1, 1), source=bad,
                                          actor=steward)
    assert recorded(memory_app) == before


def test_a_disputes_source_and_names_refuse_control_characters(memory_app: BargainingApp,
                                                               steward: Actor) -> None:
    uid = memory_app.units.register(**UNIT, actor=steward)
    from bargaining import LawEffect
    for kwargs, match in (({"source": "Hansard\x1b[31m"}, "control character"),
                          ({"name": "Bill\u200b 28"}, "invisible formatting character")):
        given = {"name": "Bill 28", "region": "ON", "does": LawEffect.BANS_STRIKES,
                 "units": [uid], "source": "S.O. 2022, c. 19", **kwargs}
        with pytest.raises(InvalidInput, match=match):
            memory_app.disputes.record_law(**given, actor=steward)  # type: ignore[arg-type]


@pytest.mark.parametrize("lookalike", [
    "CUPE\u200b",           # a zero-width space
    "\u202eEPUC",           # a right-to-left override showing 'CUPE'
    "CU\u2060PE",           # a word joiner
    "CUPE\ufeff",           # a byte order mark
])
def test_names_with_invisible_characters_are_refused(memory_app: BargainingApp,
                                                     steward: Actor, lookalike: str) -> None:
    with pytest.raises(InvalidInput, match="the union contains an invisible formatting"):
        memory_app.units.register(**{**UNIT, "union": lookalike}, actor=steward)
    assert recorded(memory_app) == 0


def test_names_are_composed_so_two_units_cannot_look_identical(memory_app: BargainingApp,
                                                               steward: Actor) -> None:
    composed = memory_app.units.register(**{**UNIT, "employer": "Ville de Montr\u00e9al"},
                                         actor=steward)
    with pytest.raises(UnitAlreadyRegistered):
        memory_app.units.register(**{**UNIT, "employer": "Ville de Montre\u0301al"},
                                  actor=steward)
    assert memory_app.units.get(composed).employer == "Ville de Montr\u00e9al"
    found = memory_app.units.find(**{**UNIT, "employer": "Ville de Montre\u0301al"})
    assert found.id == composed


def test_history_recorded_before_the_checks_keeps_loading(memory_app: BargainingApp,
                                                          steward: Actor) -> None:
    """A unit, an actor and a reason recorded without today's checks (as release 0.1
    recorded them) read back, and export, as recorded."""
    uid = memory_app.units.register(**UNIT, actor=steward)
    unit = memory_app.units.get(uid)
    old_actor = Actor("=cmd\x1b[31m", "role\u202e")  # Actor() itself does not check
    unit.trigger_event(unit.HeadcountChanged, headcount=7, actor=old_actor,  # type: ignore[attr-defined]
                       reason="old\x00reason", counted_on=None)
    memory_app.save(unit)
    assert memory_app.units.get(uid).headcount == 7
    out = io.StringIO()
    write_csv(memory_app.history.of(uid), out)
    assert "old\x00reason" in out.getvalue()
    (entry,) = [e for e in memory_app.history.of(uid) if e.event == "HeadcountChanged"]
    assert (entry.actor_id, entry.reason) == ("=cmd\x1b[31m", "old\x00reason")
    assert json.loads(json.dumps(entry.as_record()))["reason"] == "old\x00reason"


def test_a_unit_id_is_unchanged_for_ascii_names(steward: Actor) -> None:
    """Ids are derived from names: for the names every store holds so far (ASCII), the
    composed form changes nothing."""
    from bargaining import unit_id
    assert unit_id("CUPE", "79", "City of Toronto", "Inside") == UUID(
        str(unit_id("cupe", " 79", "CITY  OF TORONTO", "inside")))


def test_scripts_that_need_joiners_and_keyboards_that_insert_marks_are_welcome() -> None:
    """Persian needs the zero-width non-joiner, Sinhala the joiner; Hebrew and Arabic keyboards
    insert direction marks in running text; old systems end lines with a lone carriage return,
    and pasted documents bring form feeds. Only direction overrides stay refused."""
    from bargaining.domain.shared.text import clean_name, clean_paragraphs

    persian = "\u06a9\u0627\u0631\u0645\u0646\u062f\u200c\u0647\u0627"  # staff, plural
    assert clean_name(persian, "unit name") == persian
    assert clean_name("ශ්\u200dරී", "unit name") == "ශ්\u200dරී"
    assert clean_paragraphs("שלום\u200f עולם\rnext\x0cpage\x85end", "reason") == (
        "שלום\u200f עולם\nnext\npage\nend")
    with pytest.raises(InvalidInput, match="direction override"):
        clean_paragraphs("a\u202eb", "reason")
    with pytest.raises(InvalidInput, match="invisible formatting character"):
        clean_name("a\u200bb", "unit name")


def test_clusters_and_campaigns_are_named_as_units_are(memory_app: BargainingApp) -> None:
    """Control characters and direction overrides reach exports and terminals from any name."""
    from datetime import date

    chair = Actor("c-1", "committee chair")
    window = {"window_start": date(2025, 1, 1), "window_end": date(2025, 2, 1),
              "target_alignment": date(2028, 1, 1), "on": date(2024, 1, 1)}
    with pytest.raises(InvalidInput, match="control character"):
        memory_app.clusters.form(name="\x1b[31mRed\x00", sectors=["s"], committee=[chair],
                                 actor=chair, **window)
    with pytest.raises(InvalidInput, match="invisible formatting character"):
        memory_app.clusters.form(name="ok", sectors=["a\u202eb"], committee=[chair],
                                 actor=chair, **window)
    with pytest.raises(InvalidInput, match="the campaign's name contains a control character"):
        memory_app.campaigns.launch(name="a\x00b", units=[], on=date(2024, 1, 1), actor=chair)
    assert recorded(memory_app) == 0
    cluster = memory_app.clusters.form(name="Front  commun", sectors=["sante\u0301"],
                                       committee=[chair], actor=chair, **window)
    assert memory_app.clusters.get(cluster).sectors == ["santé"]
