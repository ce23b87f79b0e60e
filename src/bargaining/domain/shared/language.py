"""The reader's language: English or French, and numbers, percentages, dates and money as
that language writes them.

The Front commun, the CSN, the CSQ, the FTQ and the APTS work in French, so everything people
read (history summaries, readiness, reports, and the errors converted so far) is written
through this module. It lives in the domain's shared kernel because the domain words some of
what people read (a structure test's explanation, a readiness line, an error): it imports
nothing else of the library but its errors, only Babel and the standard library.

How a language is chosen, most specific first: a call's ``language=`` (held in a context
variable for the duration of the call by :func:`reading_in`), the application's
``BargainingApp(language=...)``, the ``BARGAINING_LANGUAGE`` environment variable, English.

Messages are gettext catalogs (``bargaining/locale/<lang>/LC_MESSAGES/bargaining.mo``,
compiled from the ``.po`` beside it): the message id is the English text with named
placeholders (``"{unit} left campaign '{campaign}' on {on}"``), so English needs no catalog and
reads exactly as the id. Numbers are written with thousands separated; percentages by one
rule everywhere (:func:`rounded_percent`: one decimal place, a half rounded up, no trailing
``.0``); English keeps ISO dates in history lines (as released) and French writes them long
(``28 décembre 2023``).
"""

from __future__ import annotations

import enum
import gettext as _gettext
import os
import string as _string
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from functools import cache
from pathlib import Path

from babel.dates import format_date as _babel_date
from babel.numbers import format_decimal as _babel_decimal

from bargaining.domain.shared.errors import InvalidInput, Term, use_wording

#: Where the compiled catalogs are shipped (package data).
LOCALE_DIR = Path(__file__).resolve().parents[2] / "locale"
#: The catalogs' domain (``bargaining.po`` / ``bargaining.mo``).
DOMAIN = "bargaining"
#: The errors' own catalog (``bargaining_errors.po``), kept apart so that error messages and
#: the rest are translated without touching each other's file.
ERRORS_DOMAIN = "bargaining_errors"
#: The environment variable that chooses a language for a whole process.
ENVIRONMENT = "BARGAINING_LANGUAGE"


class Language(enum.StrEnum):
    """A language the library writes in; its value is the catalog's language code."""

    ENGLISH = "en"
    FRENCH = "fr"

    @property
    def locale(self) -> str:
        """The Babel locale its numbers and dates follow (Canadian English, Quebec French)."""
        return "en_CA" if self is Language.ENGLISH else "fr_CA"

    @classmethod
    def chosen(cls, value: Language | str | None) -> Language | None:
        """A language chosen by a host (``None``: none chosen, the next default applies)."""
        return None if value is None else cls.of(value)

    @classmethod
    def of(cls, value: object) -> Language:
        """A language from its code (``"fr"``, ``"fr_CA"``, ``"fr-CA"``, ``"FR"``), or from
        a :class:`Language`; anything else is refused with the languages there are."""
        if isinstance(value, Language):
            return value
        if isinstance(value, str):
            code = value.strip().replace("-", "_").split("_")[0].casefold()
            for language in cls:
                if language.value == code:
                    return language
        raise UnknownLanguage.of(value)


class UnknownLanguage(InvalidInput):
    """A language the library does not write in (a translatable error: the pattern)."""

    @classmethod
    def of(cls, value: object) -> UnknownLanguage:
        choices = ", ".join(f"'{language.value}'" for language in Language)
        return cls.worded("the library writes in {choices}, not {value}", choices=choices,
                          value=repr(value))


_reading: ContextVar[Language | None] = ContextVar("bargaining_language", default=None)


def default_language() -> Language:
    """The process's language: ``BARGAINING_LANGUAGE`` when set, else English."""
    chosen = os.environ.get(ENVIRONMENT, "").strip()
    return Language.of(chosen) if chosen else Language.ENGLISH


def chosen_language() -> Language | None:
    """The language chosen for the block being run (``reading_in``), if one was."""
    return _reading.get()


def current_language() -> Language:
    """The language of what is being written now: the call's, else the process's."""
    chosen = _reading.get()
    return chosen if chosen is not None else default_language()


@contextmanager
def reading_in(language: Language | str | None) -> Iterator[Language]:
    """Write in ``language`` for the duration of the block (``None``: keep the current one).
    A context variable, so threads and tasks reading in other languages do not mix."""
    chosen = current_language() if language is None else Language.of(language)
    token = _reading.set(chosen)
    try:
        yield chosen
    finally:
        _reading.reset(token)


# ------------------------------------------------------------------- messages


@cache
def catalog(language: Language, domain: str = DOMAIN) -> _gettext.NullTranslations:
    """The compiled catalog of a language (English reads its message ids as they are): the
    main one, or the errors' (``domain=ERRORS_DOMAIN``)."""
    if language is Language.ENGLISH:
        return _gettext.NullTranslations()
    path = LOCALE_DIR / language.value / "LC_MESSAGES" / f"{domain}.mo"
    with path.open("rb") as file:
        return _gettext.GNUTranslations(file)


#: Message ids looked up in a language whose catalog lacks them (tests read it: a message
#: marked for translation and left untranslated shows here, then in English to the reader).
MISSING: set[tuple[Language, str]] = set()


_NBSP = "\N{NO-BREAK SPACE}"
#: French typography, as the Office québécois de la langue française sets it: a no-break
#: space before the colon, the semicolon, the question and exclamation marks and the percent
#: sign, and inside « guillemets », so that none of them is left alone at a line's start.
_FRENCH_SPACES = ((" :", _NBSP + ":"), (" ;", _NBSP + ";"), (" ?", _NBSP + "?"),
                  (" !", _NBSP + "!"), (" %", _NBSP + "%"), ("« ", "«" + _NBSP),
                  (" »", _NBSP + "»"))


def typeset(text: str, language: Language) -> str:
    """A translated message with its language's typography: French spaces before ``:``,
    ``;``, ``?``, ``!`` and ``%`` and inside guillemets are no-break spaces. Applied to the
    catalog's message before its values fill it, so a name or a reason is left as written."""
    if language is not Language.FRENCH:
        return text
    for plain_space, no_break in _FRENCH_SPACES:
        text = text.replace(plain_space, no_break)
    return text


def gettext(message: str) -> str:
    """The message in the current language (its English id when it has no translation)."""
    language = current_language()
    if language is Language.ENGLISH:
        return message
    found = catalog(language).gettext(message)
    if found == message and not _knows(language, message):
        MISSING.add((language, message))
    return typeset(found, language)


def _knows(language: Language, key: str | tuple[str, int]) -> bool:
    """Whether the language's catalog holds the message (its French may read as the English
    does: ``action``, ``acclamation``)."""
    held = getattr(catalog(language), "_catalog", {})
    return key in held


def gettext_if_known(message: str) -> str:
    """The message in the current language when its catalog has it, else as it is (for a
    host's own words that may be one of the domain's: a demand keyed ``wages``)."""
    language = current_language()
    if language is Language.ENGLISH or not _knows(language, message):
        return message  # a host's own words are left as written, typography included
    return typeset(catalog(language).gettext(message), language)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The singular or plural message for ``count``, as the current language chooses."""
    language = current_language()
    if language is Language.ENGLISH:
        return singular if count == 1 else plural
    found = catalog(language).ngettext(singular, plural, count)
    if found in (singular, plural) and not _knows(language, (singular, 0)):
        MISSING.add((language, singular))
    return typeset(found, language)


def translate(message: str, **values: object) -> str:
    """The message in the current language with its ``{placeholders}`` filled."""
    return gettext(message).format(**values)


def in_reader_words(message: str, values: Mapping[str, object],
                    language: Language | str | None = None) -> str:
    """A translatable error's message in ``language`` (``None``: the reader's), from the
    errors' catalog. Its values are written for the reader by their placeholder and type:
    ``{count:,}`` (a number with thousands separated) as the language writes numbers, a date
    as :func:`format_day` writes it, a :class:`~bargaining.domain.shared.errors.Term`
    translated, a phrase (a vote's ``phrase()``) read in the language; anything else as
    ``format()`` writes it (its English as in an f-string)."""
    with reading_in(language) as chosen:
        template = message if chosen is Language.ENGLISH else _error_text(chosen, message)
        written: list[str] = []
        for text, name, spec, conversion in _string.Formatter().parse(template):
            written.append(text)
            if name is not None:
                written.append(_written(values[name], spec or "", conversion))
        return "".join(written)


def _error_text(language: Language, message: str) -> str:
    found = catalog(language, ERRORS_DOMAIN).gettext(message)
    if found == message:
        MISSING.add((language, message))
    return typeset(found, language)


def _written(value: object, spec: str, conversion: str | None) -> str:
    """One value of an error's message, as the reader's language writes it."""
    if conversion:
        value = repr(value) if conversion == "r" else (
            ascii(value) if conversion == "a" else str(value))
    if isinstance(value, Term):
        language = current_language()
        if language is not Language.ENGLISH:
            value = catalog(language, ERRORS_DOMAIN).gettext(value)
    elif "," in spec and isinstance(value, int | Decimal) and not isinstance(value, bool):
        return format_number(value)
    elif type(value) is date and not spec:
        return format_day(value)
    elif not spec and hasattr(value, "english") and callable(read := getattr(value, "read", None)):
        return str(read())  # a phrase (a vote's result), worded for the reader
    return format(value, spec)


def _chosen_code() -> str | None:
    chosen = _reading.get()
    return None if chosen is None else chosen.value


use_wording(in_reader_words, _chosen_code)


def plural(singular: str, plural_: str, count: int, **values: object) -> str:
    """A counted message (``"{count} worker"``, ``"{count} workers"``) filled, with the count
    written as the language writes numbers."""
    return ngettext(singular, plural_, count).format(count=format_number(count), **values)


def mark(message: str) -> str:
    """Marks a message for the catalog without translating it now (a table of words kept
    in English ids, translated where it is read)."""
    return message


def mark_plural(singular: str, plural_: str) -> tuple[str, str]:
    """Marks a counted message's two forms for the catalog (see :func:`plural`)."""
    return singular, plural_


# --------------------------------------------------------- numbers and dates


def format_number(value: int | Decimal | Fraction | float) -> str:
    """A number with its thousands separated: ``1,000`` in English, ``1 000`` in French (a
    no-break space, as Quebec typography writes it). Fractions are written to one decimal."""
    if isinstance(value, Fraction | float):
        value = _one_decimal(Decimal(value.numerator) / Decimal(value.denominator)
                             if isinstance(value, Fraction) else Decimal(str(value)))
    return _babel_decimal(value, format="#,##0.###", locale=current_language().locale)


def rounded_percent(value: Fraction | Decimal | int) -> Decimal:
    """The one rounding rule of percentages everywhere: one decimal place, a half rounded up
    (``12.25`` -> ``12.3``), exactly (no binary floating point)."""
    if isinstance(value, Fraction):
        return _one_decimal(Decimal(value.numerator) / Decimal(value.denominator))
    return _one_decimal(Decimal(value))


def _one_decimal(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def format_percent(value: Fraction | Decimal | int) -> str:
    """A value in percent, by :func:`rounded_percent`, without a trailing zero decimal:
    ``17.4%`` and ``18%`` in English, ``17,4 %`` and ``18 %`` in French."""
    rounded = rounded_percent(value)
    language = current_language()
    number = _babel_decimal(rounded, format="#,##0.#", locale=language.locale)
    return f"{number}%" if language is Language.ENGLISH else f"{number}\N{NO-BREAK SPACE}%"


def format_date(day: date) -> str:
    """A date written out: ``December 28, 2023``; ``28 décembre 2023`` (``1er`` for the
    first of a month, as French writes it)."""
    language = current_language()
    written = _babel_date(day, "long", locale=language.locale)
    if language is Language.FRENCH and day.day == 1:
        written = "1er" + written[1:]
    return written


def format_day(day: date | None) -> str:
    """A date in a history line or table: ISO in English (``2023-12-28``, as released, which
    every host's parser reads) and written out in French (``28 décembre 2023``)."""
    if day is None:
        return ""
    return day.isoformat() if current_language() is Language.ENGLISH else format_date(day)


def format_money(amount: Decimal, currency: str, minor_units: int = 2) -> str:
    """Money exactly, at its currency's minor units, its code after it:
    ``1,250,000.00 CAD``; ``1 250 000,00 CAD``."""
    pattern = "#,##0" + ("." + "0" * minor_units if minor_units else "")
    return f"{_babel_decimal(amount, format=pattern, locale=current_language().locale)} {currency}"
