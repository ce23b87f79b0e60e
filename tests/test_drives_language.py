"""A drive's route and its certification flag's why read in the reader's language: the route
is worded when asked for, the flag keeps its why as a phrase; a flag stored before phrases
reads as stored."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from bargaining import BargainingApp, Flag, FlagRule
from tests.test_drives import ORGANIZER, certify, dxt4

NBSP = "\N{NO-BREAK SPACE}"


def _plain(text: str) -> str:
    return text.replace(NBSP, " ")


def test_the_route_reads_in_french_and_in_english(app: BargainingApp) -> None:
    drive = dxt4(app)
    app.drives.count_cards(drive, signed=100, on=date(2024, 3, 1), actor=ORGANIZER)
    assert app.drives.route(drive) == ("43.5% of cards: at least 35% calls for a vote (Quebec, "
                                       "as configured)")
    with app.reading("fr"):
        assert _plain(app.drives.route(drive)) == (
            "43,5 % de cartes d’adhésion : au moins 35 % donne lieu à un vote d’accréditation "
            "(Québec, tel que configuré)")
        elsewhere = dxt4(app, jurisdiction="NB")
        assert app.drives.route(elsewhere) == ("aucune règle d’accréditation n’est configurée "
                                               "pour NB")


def test_a_certification_flag_reads_in_french_after_the_store_reopens(
    open_app: Callable[..., BargainingApp], store_url: str,
) -> None:
    app = open_app()
    drive = dxt4(app)
    app.drives.count_cards(drive, signed=115, on=date(2024, 4, 1), actor=ORGANIZER)  # 50%
    certify(app, drive)
    reopened = app if store_url == "memory" else open_app(language="fr")
    [flag] = reopened.drives.get(drive).flags
    assert flag.why == ("115 cards of 230 eligible (50%) on 2024-05-10, not more than 50% "
                        "(Quebec, as configured)")
    with reopened.reading("fr"):
        assert _plain(flag.reads) == (
            "115 cartes d’adhésion sur 230 personnes salariées admissibles (50 %) le 10 mai 2024, "
            "pas plus de 50 % (Québec, tel que configuré)")
    [entry] = [e for e in reopened.history.of(drive, language="fr") if e.event == "Certified"]
    assert "115 cartes d’adhésion sur 230" in _plain(entry.summary)
    assert "cards" not in entry.summary


def test_a_flag_stored_before_phrases_reads_as_stored_and_keeps_its_stored_form(
    app: BargainingApp,
) -> None:
    transcoder = app.eventsourcing.mapper.transcoder
    stored = (b'{"_type_":"flag","_data_":{"rule":{"_type_":"flag_rule","_data_":"certified '
              b'short of the jurisdiction\'s threshold as the host configured it"},"why":"115 '
              b'cards of 230 eligible (50%) on 2024-05-10, not more than 50% (Quebec, as '
              b'configured)"}}')
    flag = transcoder.decode(stored)
    assert isinstance(flag, Flag) and flag.wording is None
    assert flag.rule is FlagRule.CERTIFIED_BELOW_THRESHOLD
    with app.reading("fr"):
        assert flag.reads == flag.why
    assert transcoder.encode(flag) == stored


def test_the_flag_in_a_french_history_line_is_typeset_as_the_flag_reads_alone(
    app: BargainingApp,
) -> None:
    """The history line quotes the flag as ``Flag.describe()`` writes it: in French, the rule
    and its why are joined by a no-break space and a colon, not an English colon."""
    drive = dxt4(app)
    app.drives.count_cards(drive, signed=115, on=date(2024, 4, 1), actor=ORGANIZER)
    certify(app, drive)
    [flag] = app.drives.get(drive).flags
    [entry] = [e for e in app.history.of(drive, language="fr") if e.event == "Certified"]
    with app.reading("fr"):
        described = flag.describe()
    assert f"configuré{NBSP}: " in described
    assert described in entry.summary
    [english] = [e for e in app.history.of(drive) if e.event == "Certified"]
    assert f"{flag.rule.value}: {flag.why}" in english.summary
