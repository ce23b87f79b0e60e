"""The domain's errors: one base class a host can catch, messages in the domain's words.

A command that raises any of these has recorded nothing.
"""

from __future__ import annotations

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
        from bargaining.domain.shared.language import Language, in_reader_words, reading_in

        with reading_in(Language.ENGLISH):  # its args, as a plain error's: the English text
            error = cls(in_reader_words(message_id, values))
        error.message_id = message_id
        error.values = values
        return error

    def __str__(self) -> str:
        if self.message_id is None:
            return super().__str__()
        # imported here: the language module refuses unknown languages with these errors
        from bargaining.domain.shared.language import in_reader_words

        return in_reader_words(self.message_id, self.values)

    def in_language(self, language: str) -> str:
        """The message in ``language`` (``"en"``, ``"fr"``), whatever the reader's."""
        from bargaining.domain.shared.language import reading_in

        with reading_in(language):
            return str(self)


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
