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

    @classmethod
    def worded(cls, message_id: str, /, **values: object) -> Self:
        """A translatable error: ``message_id`` is the catalog's message (mark it for
        extraction by writing it as the first argument here), ``values`` its placeholders'
        values (ints and dates are written for the reader, anything else as ``str()``)."""
        error = cls(_wording(message_id, values, "en"))  # its args: the English text
        error.message_id = message_id
        error.values = values
        return error

    def __str__(self) -> str:
        if self.message_id is None:
            return super().__str__()
        return _wording(self.message_id, self.values, None)

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


_wording: Wording = _as_written


def use_wording(wording: Wording) -> None:
    """Install how translatable errors are written (the language module does, on import)."""
    global _wording
    _wording = wording


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
