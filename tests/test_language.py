"""French and English: the catalogs, numbers, percentages, dates and money as each language
writes them, and history read in French on every store."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any

import pytest
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po
from babel.numbers import parse_decimal
from hypothesis import given
from hypothesis import strategies as st

from bargaining import BargainingApp
from bargaining.domain.budgets.budget import BudgetCategory
from bargaining.domain.campaigns.ladder import DEFAULT_LADDER
from bargaining.domain.campaigns.timeline import Outcome
from bargaining.domain.coordination.cluster import PactRule
from bargaining.domain.coordination.returns import ReturnsRule
from bargaining.domain.frameworks.evaluation import Verdict
from bargaining.domain.frameworks.framework import Category
from bargaining.domain.shared.errors import InvalidInput
from bargaining.domain.shared.language import (
    LOCALE_DIR,
    MISSING,
    Language,
    current_language,
    format_date,
    format_day,
    format_money,
    format_number,
    format_percent,
    reading_in,
    rounded_percent,
)
from bargaining.domain.shared.shares import show_percent
from bargaining.presentation import (
    bargaining_summaries,
    budget_summaries,
    campaign_summaries,
    defense_summaries,
    democracy_summaries,
    dispute_summaries,
    drive_summaries,
    election_summaries,
    organizing_summaries,
    people_summaries,
    round_summaries,
    solidarity_summaries,
    training_summaries,
)
from bargaining.presentation.budget_reports import percent_text
from bargaining.presentation.summaries import has_summary, is_translated
from bargaining.presentation.wording import DOMAIN_WORDS, NOUNS
from tests.history_story import Story, record_story
from tests.test_history import event_classes, told  # noqa: F401  (the rich story on every store)

PO = LOCALE_DIR / "fr" / "LC_MESSAGES" / "bargaining.po"
MO = PO.with_suffix(".mo")


def _messages(catalog: Any) -> dict[Any, Any]:
    def form(value: Any) -> Any:
        return tuple(value) if isinstance(value, list | tuple) else value

    return {form(m.id): form(m.string) for m in catalog if m.id}


def test_the_shipped_mo_is_compiled_from_the_po() -> None:
    with PO.open("rb") as po, MO.open("rb") as mo:
        assert _messages(read_mo(mo)) == _messages(read_po(po)), (
            "bargaining.mo is stale: run pybabel compile (docs/contributing/translations.md)")


def test_every_french_message_is_translated_and_keeps_its_placeholders() -> None:
    with PO.open("rb") as po:
        catalog = read_po(po)
    for message in catalog:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        assert all(strings), f"no French for {ids[0]!r}"
        assert not message.fuzzy, f"fuzzy French for {ids[0]!r}"
        # a counted message's singular may spell its count out ("one person"): its forms
        # may use what either English form uses, and every form what both share
        shared = set(_placeholders(ids[0])) & set(_placeholders(ids[-1]))
        either = set(_placeholders(ids[0])) | set(_placeholders(ids[-1]))
        for string in strings:
            assert shared <= set(_placeholders(string)) <= either, (ids[0], string)


def _placeholders(text: str) -> list[str]:
    import string

    return [name for _, name, _, _ in string.Formatter().parse(text) if name]


def test_every_word_records_keep_in_english_is_in_the_catalog() -> None:
    kept = ([v.value for v in Verdict] + [r.value for r in ReturnsRule]
            + list(bargaining_summaries.PACT_WORDS.values()) + [o.value for o in Outcome]
            + [c.value for c in Category] + [r.name for r in DEFAULT_LADDER.rungs]
            + [c.value for c in BudgetCategory])
    assert set(kept) <= set(DOMAIN_WORDS)
    assert set(PactRule) == set(bargaining_summaries.PACT_WORDS)
    with PO.open("rb") as po:
        french = _messages(read_po(po))
    assert set(DOMAIN_WORDS) <= set(french)
    assert {singular for singular, _ in NOUNS.values()} <= {
        k[0] for k in french if isinstance(k, tuple)}


def test_numbers_dates_and_money_as_each_language_writes_them() -> None:
    day = date(2023, 12, 28)
    assert current_language() is Language.ENGLISH
    assert (format_number(1000), format_percent(Fraction(174, 10))) == ("1,000", "17.4%")
    assert (format_date(day), format_day(day)) == ("December 28, 2023", "2023-12-28")
    assert format_money(Decimal("1250000"), "CAD") == "1,250,000.00 CAD"
    with reading_in("fr"):
        assert format_number(1000) == "1\N{NO-BREAK SPACE}000"
        assert format_percent(Fraction(174, 10)) == "17,4\N{NO-BREAK SPACE}%"
        assert format_date(day) == format_day(day) == "28 décembre 2023"
        assert format_date(date(2028, 3, 1)) == "1er mars 2028"
        assert format_money(Decimal("1250000"), "CAD") == "1\xa0250\xa0000,00 CAD"
        assert format_money(Decimal("1250"), "JPY", 0) == "1\xa0250 JPY"
    assert current_language() is Language.ENGLISH


@pytest.mark.parametrize("code", ["fr", "FR", "fr_CA", "fr-CA", Language.FRENCH])
def test_a_language_by_its_code(code: object) -> None:
    assert Language.of(code) is Language.FRENCH


@pytest.mark.parametrize("code", ["de", "", 3, None, "français"])
def test_an_unknown_language_is_refused_as_invalid_input(code: object) -> None:
    with pytest.raises(InvalidInput, match="writes in 'en', 'fr'"):
        Language.of(code)


def test_the_environment_chooses_the_process_language(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BARGAINING_LANGUAGE", "fr")
    assert current_language() is Language.FRENCH
    with reading_in("en"):
        assert format_number(2929) == "2,929"
    assert format_number(2929) == "2\xa0929"


@given(st.integers(min_value=-10**12, max_value=10**12), st.sampled_from(list(Language)))
def test_a_written_number_parses_back(number: int, language: Language) -> None:
    with reading_in(language):
        written = format_number(number)
    assert parse_decimal(written, locale=language.locale) == number


@given(st.fractions(min_value=0, max_value=100, max_denominator=10_000))
def test_one_rounding_rule_for_every_percentage(value: Fraction) -> None:
    rounded = rounded_percent(value)
    assert abs(Decimal(value.numerator) / Decimal(value.denominator) - rounded) <= Decimal(
        "0.05")
    english = f"{rounded:f}".removesuffix(".0") + "%"
    assert show_percent(value) == percent_text(value) == format_percent(value) == english
    with reading_in("fr"):
        assert format_percent(value) == english[:-1].replace(".", ",") + "\xa0%"


def test_a_half_is_rounded_up() -> None:
    assert [format_percent(Fraction(x, 100)) for x in (1225, 1235, 5)] == [
        "12.3%", "12.4%", "0.1%"]


# ------------------------------------------------------------------ history


SUMMARY_MODULES = (bargaining_summaries, round_summaries, campaign_summaries, dispute_summaries,
                   defense_summaries, budget_summaries, democracy_summaries, election_summaries,
                   solidarity_summaries, organizing_summaries, people_summaries,
                   drive_summaries, training_summaries)
TRANSLATED = {cls for module in SUMMARY_MODULES for cls in module.TABLE.summaries}


def test_every_summary_module_is_translated() -> None:
    assert TRANSLATED and all(is_translated(cls) for cls in TRANSLATED)
    assert {cls for cls in event_classes() if has_summary(cls)} == TRANSLATED


def test_every_translated_summary_reads_in_french_without_english_leftovers(
        told: tuple[BargainingApp, Story]) -> None:  # noqa: F811
    app, _ = told
    MISSING.clear()
    english = list(app.history.audit_log())
    french = list(app.history.audit_log(language="fr"))
    assert not MISSING, sorted(m for _, m in MISSING)
    assert len(english) == len(french)
    read = 0
    for en, fr in zip(english, french, strict=True):
        assert (en.event, en.data, en.version) == (fr.event, fr.data, fr.version)
        if en.summary.startswith(f"{en.event} recorded "):  # a kind without a summary
            assert fr.summary.startswith(f"{en.event} consigné "), fr.summary
            continue
        if not _translated(en.aggregate_kind, en.event):
            assert fr.summary == en.summary  # a whole English line until translated
            continue
        read += 1
        assert fr.summary != en.summary
        # a flag's reason is stored with the fact, in the words it was recorded in
        worded = fr.summary.split("\xa0; signalé\xa0: ")[0]
        for stored in sorted(_stored_words(fr.data), key=len, reverse=True):
            worded = worded.replace(stored, "")  # a host's words, or words the record keeps
        for leftover in (" recorded by ", " by the ", " on 20", " held 20", " of the ",
                         " from 20", " to 20", " for the "):
            assert leftover not in worded, fr.summary
    assert read > 150


def _stored_words(data: Any) -> set[str]:
    """The text an event stores (names, reasons, a response's why): shown as recorded."""
    if isinstance(data, str):
        return {data} if " " in data else set()
    if isinstance(data, dict):
        return set().union(*(_stored_words(v) for v in data.values()))
    if isinstance(data, list | tuple):
        return set().union(*(_stored_words(v) for v in data))
    return set()


def _translated(kind: str, event: str) -> bool:
    return any(cls.__name__ == event and cls.__qualname__.split(".")[0] in (kind, "MeTooLedger")
               for cls in TRANSLATED)


def test_the_call_chooses_over_the_application() -> None:
    with BargainingApp("memory", language="fr") as app:
        story = record_story(app)
        campaign_fr = app.history.of(story.campaign)
        campaign_en = app.history.of(story.campaign, language="en")
    assert campaign_fr[0].summary.startswith("Campagne «\xa0")
    assert campaign_en[0].summary.startswith("Campaign '")
    assert [e.event for e in campaign_fr] == [e.event for e in campaign_en]


def test_the_language_is_checked_before_anything_is_read(memory_app: BargainingApp) -> None:
    with pytest.raises(InvalidInput, match="not 'es'"):
        memory_app.history.audit_log(language="es")
    with pytest.raises(InvalidInput):
        BargainingApp("memory", language="klingon")


def test_the_application_words_a_block_in_its_language() -> None:
    with BargainingApp("memory", language="fr") as app:
        with app.reading():
            assert format_number(2929) == "2\xa0929"
        with app.reading("en"):
            assert format_number(2929) == "2,929"


#: The marks pybabel extracts, as docs/contributing/translations.md runs it.
KEYWORDS = {"gettext": None, "ngettext": (1, 2), "translate": None, "mark": None,
            "mark_plural": (1, 2), "plural": (1, 2), "gettext_if_known": None}


def test_every_marked_message_has_its_french() -> None:
    from babel.messages.extract import extract_from_dir

    source = LOCALE_DIR.parent
    marked = {m[2] if isinstance(m[2], str) else m[2][0]
              for m in extract_from_dir(str(source), method_map=[("**.py", "python")],
                                        keywords=KEYWORDS)}
    with PO.open("rb") as po:
        french = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(po) if m.id}
    assert marked - french == set(), "run pybabel extract and update the French catalog"
    assert french - marked == set(), "the French catalog keeps messages no longer marked"


def test_a_translatable_error_reads_in_english_unless_a_language_is_chosen(
        memory_app: BargainingApp) -> None:
    from uuid import UUID

    from bargaining.domain.shared.errors import RecordNotFound

    missing = UUID(int=7)
    with pytest.raises(RecordNotFound) as refused:
        memory_app.history.of(missing)
    error = refused.value
    assert str(error) == error.args[0] == f"no record is kept with id {missing}"
    assert error.in_language("fr") == f"aucun dossier n’est conservé sous l’identifiant {missing}"
    with reading_in("fr"):
        assert str(error) == error.in_language("fr")
    assert str(error) == f"no record is kept with id {missing}"


def test_a_worded_error_writes_its_numbers_and_dates_for_the_reader() -> None:
    error = InvalidInput.worded("{count:,} of {whole:,} on {on}", count=2929, whole=1000,
                                on=date(2023, 12, 28))
    assert str(error) == error.args[0] == "2,929 of 1,000 on 2023-12-28"
    assert error.in_language("fr") == "2\xa0929 of 1\xa0000 on 28 décembre 2023"


# ------------------------------------------------------------------ reports


def test_the_democracy_reports_read_in_french(memory_app: BargainingApp) -> None:
    from tests.democracy_story import record_democracy_story

    d = memory_app.democracy
    story = record_democracy_story(memory_app)
    period = {"starts": date(2024, 1, 1), "ends": date(2024, 6, 30)}
    english = d.accountability_summary(story.body, on=date(2024, 8, 1), **period)
    french = d.accountability_summary(story.body, on=date(2024, 8, 1), language="fr", **period)
    assert english.startswith("Accountability of the ")
    assert "période se terminant le 30 juin 2024\xa0: EN RETARD, signalé (échéance le 30 juillet " \
        "2024)" in french
    assert french.startswith("Reddition de comptes de l’instance ")
    decisions = d.decision_summary(story.body, language="fr", **period)
    assert decisions.startswith("Décisions de l’instance ")
    assert "Adoptée par l’instance" in decisions and " pour, " in decisions
    assert d.decision_summary(story.body, **period).startswith("Decisions of the ")
    in_camera = d.in_camera_summary(story.body, [(date(2024, 1, 1), date(2024, 6, 30))],
                                    language="fr")
    assert in_camera.splitlines()[1].startswith("- du 1er janvier 2024 au 30 juin 2024\xa0: ")
    MISSING.clear()
    with reading_in("fr"):
        d.decision_summary(story.body, **period)
    assert not MISSING
