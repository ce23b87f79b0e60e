"""The domain's errors: one base class a host can catch, messages in the domain's words.

A command that raises any of these has recorded nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Self


class BargainingError(Exception):
    """Base class of every error the library raises on purpose.

    An error raised as ``SomeError.worded("the {what} is {value}", what=..., value=...)``
    is translatable: it keeps its message id (the English text with named placeholders) and
    its values, and ``str(error)`` writes it in the reader's language (English unless one is
    chosen: see :mod:`~bargaining.domain.shared.language`), its numbers and dates as that
    language writes them. An error raised with a plain message reads as it was written.
    """

    #: The English message with ``{placeholders}``, for a translatable error; else ``None``.
    message_id: str | None = None
    #: The values its placeholders are filled with.
    values: dict[str, object]
    #: The language chosen where it was raised (a code), if one was.
    language: str | None = None

    @classmethod
    def worded(cls, message_id: str, /, **values: object) -> Self:
        """A translatable error: ``message_id`` is the catalog's message (mark it for
        extraction by writing it as the first argument here), ``values`` its placeholders'
        values (ints and dates are written for the reader, anything else as ``str()``)."""
        error = cls(_wording(message_id, values, "en"))  # its args: the English text
        error.message_id = message_id
        error.values = values
        error.language = _chosen()
        return error

    @classmethod
    def carrying(cls, error: BargainingError) -> Self:
        """This kind of error with another's words (a :class:`RecordNotFound` named more
        precisely), translatable when they were."""
        if error.message_id is None:
            return cls(str(error))
        carried = cls.worded(error.message_id, **error.values)
        carried.language = error.language
        return carried

    def __str__(self) -> str:
        if self.message_id is None:
            return super().__str__()
        return _wording(self.message_id, self.values, _chosen() or self.language)

    def in_language(self, language: str) -> str:
        """The message in ``language`` (``"en"``, ``"fr"``), whatever the reader's."""
        if self.message_id is None:
            return super().__str__()
        return _wording(self.message_id, self.values, language)


#: Writes a translatable error's message in a language (``None``: the reader's). The
#: language module installs its own when it is imported (it imports this module, so this one
#: cannot import it); until then a message is filled as it is written, in English.
Wording = Callable[[str, Mapping[str, object], str | None], str]


def _as_written(message_id: str, values: Mapping[str, object], language: str | None) -> str:
    return message_id.format(**values)


def _none_chosen() -> str | None:
    return None


_wording: Wording = _as_written
#: The language a reader chose for the block being run (a code), if any.
_chosen: Callable[[], str | None] = _none_chosen


def use_wording(wording: Wording, chosen: Callable[[], str | None] = _none_chosen) -> None:
    """Install how translatable errors are written and how the language chosen now is read
    (the language module does both, on import)."""
    global _wording, _chosen
    _wording = wording
    _chosen = chosen


class Term(str):
    """A domain word or noun phrase handed to an error's message (``"a work group's name"``
    in ``"{what} must be text"``): marked for the errors' catalog by :func:`term` and
    translated where the message is read. It is a ``str``, so code that compares or stores
    it sees the English words."""

    __slots__ = ()


def term(words: str) -> Term:
    """Marks ``words`` for the errors' catalog (``pybabel extract -k term``); the message that
    quotes it translates it for its reader."""
    return words if isinstance(words, Term) else Term(words)


class InvalidInput(BargainingError, ValueError):
    """A value given to a command or query is malformed (a blank name, a negative headcount)."""


class RuleViolation(BargainingError):
    """A command breaks a rule of the domain (overlapping agreements, expiry before effect)."""


class MissingActor(BargainingError):
    """A command was given without an actor: every recorded change must say who made it."""


class UnitAlreadyRegistered(BargainingError):
    """The same union, local, employer and unit name were registered before."""


class RecordNotFound(BargainingError, LookupError):
    """No record (unit, cluster, framework, round) exists under the given id."""


class UnitNotFound(RecordNotFound):
    """No bargaining unit is registered under the given identity."""


class ConcurrentChange(BargainingError):
    """Someone else changed the same record first; reload and try again."""


class ErasedMeanwhile(BargainingError):
    """A person named in a change was erased by another session while it was being made.

    Nothing of the change is recorded: data sealed under the erased person's old key would
    read as erased everywhere and could never be erased again, and quietly recording it as
    erased would drop what the organizer just entered without telling them. The caller reads
    the record again (the person now reads as erased) and records the change anew if it still
    applies, which gives the person new data under a new key, as any change after an erasure.
    """
