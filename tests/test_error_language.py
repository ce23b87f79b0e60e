"""Error messages in French and English: every raise site translatable, the errors' own
catalog complete, errors worded in the language of the call or application that raised
them, and the command line's refusals in ``--language``."""

from __future__ import annotations

import ast
import importlib
import pkgutil
import string
import uuid
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po
from hypothesis import given, settings
from hypothesis import strategies as st

import bargaining
from bargaining import BargainingApp
from bargaining.domain.shared.actor import Actor
from bargaining.domain.shared.errors import (
    BargainingError,
    InvalidInput,
    RecordNotFound,
    RuleViolation,
    Term,
    term,
)
from bargaining.domain.shared.language import LOCALE_DIR, reading_in
from bargaining.domain.shared.personal import PersonalData
from tests.history_story import record_story
from tests.test_cli import bargaining as run_bargaining
from tests.test_organizing import DAY, mapped_workplace

PO = LOCALE_DIR / "fr" / "LC_MESSAGES" / "bargaining_errors.po"
MO = PO.with_suffix(".mo")
SOURCE = Path(bargaining.__file__).parent
#: The marks the errors' catalog is extracted by (docs/contributing/translations.md).
ERROR_KEYWORDS = {"worded": None, "term": None}
STEWARD = Actor("org-1", "organizer")


def _error_names() -> set[str]:
    for module in pkgutil.walk_packages(bargaining.__path__, "bargaining."):
        importlib.import_module(module.name)

    def below(cls: type) -> set[str]:
        found: set[str] = set()
        for sub in cls.__subclasses__():
            found |= {sub.__name__} | below(sub)
        return found

    return below(BargainingError) | {"BargainingError"}


def test_every_raise_site_words_its_error_for_translation() -> None:
    names = _error_names()
    plain = []
    for path in sorted(SOURCE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else (
                func.attr if isinstance(func, ast.Attribute) else None)
            message = node.args[0]
            if name in names and (isinstance(message, ast.JoinedStr) or (
                    isinstance(message, ast.Constant) and isinstance(message.value, str))):
                plain.append(f"{path.relative_to(SOURCE)}:{node.lineno}")
    assert plain == [], "raise SomeError.worded(...) instead (scripts/codemod_worded_errors.py)"


def _messages(catalog: object) -> dict[object, object]:
    return {m.id: m.string for m in catalog if m.id}  # type: ignore[attr-defined]


def _placeholders(text: str) -> list[tuple[str, str]]:
    return sorted((name, spec or "") for _, name, spec, _ in string.Formatter().parse(text)
                  if name is not None)


def test_the_errors_catalog_is_compiled_complete_and_keeps_every_placeholder() -> None:
    with PO.open("rb") as po, MO.open("rb") as mo:
        catalog = read_po(po)
        assert _messages(read_mo(mo)) == _messages(catalog), "run pybabel compile"
    marked = {m[2] for m in extract_from_dir(str(SOURCE), method_map=[("**.py", "python")],
                                             keywords=ERROR_KEYWORDS)}
    french = {m.id: m for m in catalog if m.id}
    assert marked - set(french) == set(), "extract and translate the new error messages"
    assert set(french) - marked == set(), "the errors' catalog keeps messages no longer used"
    for message_id, message in french.items():
        assert message.string and not message.fuzzy, message_id
        assert _placeholders(message.string) == _placeholders(message_id), message_id


def test_an_error_is_worded_in_the_language_chosen_where_it_was_raised() -> None:
    with reading_in("fr"):
        error = InvalidInput.worded("the date range ends ({end}) before it starts ({start})",
                                    end=date(2023, 12, 28), start=date(2024, 1, 1))
    assert error.args[0] == "the date range ends (2023-12-28) before it starts (2024-01-01)"
    french = "la plage de dates se termine (28 décembre 2023) avant de commencer (1er janvier 2024)"
    assert str(error) == french
    with reading_in("en"):
        assert str(error) == error.args[0]
    assert error.in_language("en") == error.args[0]
    english = InvalidInput.worded("the date range ends ({end}) before it starts ({start})",
                                  end=date(2023, 12, 28), start=date(2024, 1, 1))
    assert str(english) == english.args[0]
    with reading_in("fr"):
        assert str(english) == french


def test_numbers_keep_their_english_and_read_as_french_writes_them() -> None:
    error = RuleViolation.worded("{participants:,} took part cannot be: only {eligible:,} were "
                                 "eligible", participants=2929, eligible=1000)
    assert str(error) == "2,929 took part cannot be: only 1,000 were eligible"
    assert error.in_language("fr") == (
        "2\xa0929 ont participé, c’est impossible\xa0: seulement 1\xa0000 étaient admissibles")
    year = InvalidInput.worded("a meeting of {day} is listed in the calendar of {year}",
                               day=date(2024, 3, 1), year=2024)
    assert str(year) == "a meeting of 2024-03-01 is listed in the calendar of 2024"
    assert year.in_language("fr") == "une réunion du 1er mars 2024 figure au calendrier de 2024"


def test_a_term_reads_as_english_text_and_is_translated_in_the_message() -> None:
    what = term("budget's name")
    assert isinstance(what, Term) and what == "budget's name" and term(what) is what
    error = InvalidInput.worded("the {what} must be non-blank text", what=what)
    assert str(error) == "the budget's name must be non-blank text"
    assert error.in_language("fr") == "le nom du budget\xa0: doit être du texte non vide"


def _message_ids() -> list[str]:
    with PO.open("rb") as po:
        return sorted(str(m.id) for m in read_po(po) if m.id)


@given(st.sampled_from(_message_ids()))
def test_every_message_reads_in_both_languages_with_its_values(message_id: str) -> None:
    values = {name: (1234 if "," in spec else ("x" if not spec else date(2024, 1, 5)))
              for name, spec in _placeholders(message_id)}
    error = InvalidInput.worded(message_id, **values)
    assert str(error) == error.args[0]
    french = error.in_language("fr")
    assert french and "{" not in french.replace("{" * 2, "")
    if "," in "".join(spec for _, spec in _placeholders(message_id)):
        assert "1\xa0234" in french and "1,234" in str(error)


def test_errors_of_each_context_read_in_french_on_a_french_application(
        open_app: Callable[..., BargainingApp]) -> None:
    app = open_app(language="fr")
    with pytest.raises(InvalidInput) as blank:
        app.units.register(union=" ", local="79", employer="City of Toronto",
                           unit_name="inside workers", actor=STEWARD)
    assert str(blank.value) == "une unité de négociation a besoin de\xa0: un syndicat"
    assert blank.value.args[0] == "a bargaining unit needs a union"
    with pytest.raises(RuleViolation) as negative:
        app.units.register(union="CUPE", local="79", employer="City of Toronto",
                           unit_name="inside workers", actor=STEWARD, headcount=-5)
    assert str(negative.value) == "l’effectif ne peut pas être négatif (-5)"
    missing = uuid.UUID(int=7)
    with pytest.raises(RecordNotFound) as unknown:
        app.history.of(missing)
    assert str(unknown.value) == f"aucun dossier n’est conservé sous l’identifiant {missing}"
    with pytest.raises(RecordNotFound) as no_unit:
        app.units.change_headcount(missing, 10, actor=STEWARD)
    assert str(no_unit.value) == no_unit.value.in_language("fr") != no_unit.value.args[0]
    story = record_story(app)
    with pytest.raises(RuleViolation) as concluded:
        app.campaigns.pause(story.campaign, on=date(2025, 11, 1), actor=STEWARD)
    assert str(concluded.value) == (
        "la campagne «\xa0Fair deal now\xa0» s’est conclue (won) le 30 octobre 2025\xa0: plus "
        "rien ne peut y être enregistré")
    with app.reading("en"), pytest.raises(RuleViolation) as in_english:
        app.campaigns.pause(story.campaign, on=date(2025, 11, 1), actor=STEWARD)
    assert str(in_english.value) == (
        "the campaign 'Fair deal now' concluded (won) on 2025-10-30: nothing more can be "
        "recorded on it")


def test_the_call_language_words_its_errors_on_an_english_application(
        memory_app: BargainingApp) -> None:
    missing = uuid.UUID(int=9)
    with pytest.raises(RecordNotFound) as unknown:
        memory_app.history.of(missing, language="fr")
    assert str(unknown.value) == f"aucun dossier n’est conservé sous l’identifiant {missing}"
    with pytest.raises(RecordNotFound) as english:
        memory_app.history.of(missing)
    assert str(english.value) == f"no record is kept with id {missing}"


@settings(max_examples=10, deadline=None)
@given(st.text(alphabet="ABCDEFGHIJéèabcdefghij -", min_size=2, max_size=20))
def test_a_persons_data_never_enters_an_error_in_either_language(words: str) -> None:
    name = f"Zq{words}"
    with BargainingApp("memory", language="fr") as app:
        place = mapped_workplace(app)
        with pytest.raises(InvalidInput) as refused:
            app.organizing.identify_leader(place, group="Nights", person="w-1", on=DAY,
                                           actor=STEWARD,
                                           personal=PersonalData("w-2", name=name))
    assert str(refused.value).startswith("ce qui est enregistré au sujet d’un leader")
    for language in ("en", "fr"):
        assert "Zq" not in refused.value.in_language(language)
    assert "Zq" not in str(refused.value) and "Zq" not in repr(refused.value.values)


def test_the_command_line_refuses_in_french(tmp_path: Path) -> None:
    store = str(tmp_path / "events.sqlite")
    BargainingApp(store).close()
    missing = str(uuid.UUID(int=5))
    french = run_bargaining("history", missing, "--language", "fr", store=store)
    assert french.returncode == 2
    assert french.stderr == (f"erreur\xa0: aucun dossier n’est conservé sous l’identifiant "
                             f"{missing}\n")
    english = run_bargaining("history", missing, store=store)
    assert english.stderr == f"error: no record is kept with id {missing}\n"
    badly = run_bargaining("history", "not-an-id", "--language", "fr", store=store)
    assert badly.returncode == 2 and badly.stderr.startswith("erreur\xa0: ")
    assert "se désigne par son identifiant" in badly.stderr and "Traceback" not in badly.stderr
    by_env = run_bargaining("history", missing, store=store, env={"BARGAINING_LANGUAGE": "fr"})
    assert by_env.stderr == french.stderr
