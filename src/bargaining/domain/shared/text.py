"""Free text given to commands: names, actor ids and roles, reasons and sources.

Every piece of free text the library records ends up in history, exports and the screens of
people who audit a campaign, so it is checked once, here, when a command is given it:

* no control characters (NUL, terminal escape sequences, carriage returns), which corrupt
  exports and terminals; a reason may hold line breaks (``\\n``, a ``\\r\\n`` is kept as
  ``\\n``) and tabs, since a reason can run to paragraphs pasted from elsewhere;
* no unpaired surrogates, which no file or database can store;
* in names and ids, no invisible formatting characters (right-to-left and other direction
  overrides, zero-width spaces and joiners, the byte order mark), with which two names that
  look identical are different records; in reasons and sources, no direction overrides,
  which can make a line read as something else;
* names in Unicode's composed form (NFC), so an accent typed as one character or as two
  names the same unit;
* a length cap: :data:`MAX_NAME` for names, ids and roles, :data:`MAX_SOURCE` for sources,
  :data:`MAX_REASON` for reasons.

These are input checks only: values read back from stored events are never checked again,
so history recorded before a check existed keeps loading. Refusals never quote the text.
"""

from __future__ import annotations

import re
import unicodedata

from bargaining.domain.shared.errors import InvalidInput, term
from bargaining.domain.shared.language import mark

#: Names, actor ids and roles are at most this many characters.
MAX_NAME = 200
#: A source (a document, a statute's citation, a notice and its line) is at most this long.
MAX_SOURCE = 500
#: A reason is at most this many characters: paragraphs, not documents.
MAX_REASON = 4000

#: Unicode's control characters (category Cc): C0, DEL and C1.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
#: The same without tabs, and without tabs and line breaks.
_CONTROL_BUT_TAB = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f]")
_CONTROL_BUT_BREAKS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_BREAKS = re.compile(r"[\t\n]")
_SURROGATE = re.compile("[\ud800-\udfff]")
#: Direction overrides, embeddings and isolates: what makes text read in another order than
#: it is stored. The marks (left-to-right, right-to-left, Arabic letter mark) that Hebrew and
#: Arabic keyboards insert are not among them.
_OVERRIDES = re.compile("[\u202a-\u202e\u2066-\u2069]")
#: Direction controls and marks, the zero-width space, word joiner, invisible operators, byte
#: order mark, soft hyphen. The zero-width joiner and non-joiner are not among them: Persian
#: and Sinhala words (and emoji sequences) need them.
_INVISIBLE = re.compile(
    "[\u00ad\u061c\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069"
    "\ufeff]"
)
#: Line endings of other systems and documents, read as line breaks in a reason.
_OTHER_BREAKS = re.compile("\r\n?|[\x0c\x85\u2028\u2029]")


def _refuse_unprintable(text: str, what: str, control: re.Pattern[str],
                        hidden: re.Pattern[str], shown_as: str) -> None:
    """Only called for text that is not all printable (the rare case), to say why."""
    if _SURROGATE.search(text):
        raise InvalidInput.worded("the {what} is not valid text (it holds an unpaired surrogate)",
                                  what=what)
    if control.search(text):
        raise InvalidInput.worded("the {what} contains a control character; {shown_as}",
                                  what=what, shown_as=shown_as)
    if hidden.search(text):
        raise InvalidInput.worded("the {what} contains an invisible formatting character (a "
                                  "direction override or a zero-width character), with which "
                                  "different text can look the same", what=what)


def _require_str(value: object, what: str) -> str:
    if not isinstance(value, str):
        raise InvalidInput.worded("the {what} must be text, not {name}",
                                  what=what, name=type(value).__name__)
    return value


def _cap(text: str, what: str, most: int, kind: str) -> None:
    if len(text) > most:
        raise InvalidInput.worded("the {what} is {count:,} characters long; {kind} at most "
                                  "{most:,}", what=what, count=len(text), kind=kind, most=most)


def clean_name(value: object, what: str, *, most: int = MAX_NAME, kind: str | None = None) -> str:
    """A name as a record keeps it: text on one line, spacing tidied, in composed form (NFC),
    without control or invisible formatting characters, at most ``most`` characters. It may
    be blank (the caller says whether a blank is allowed)."""
    text = " ".join(_require_str(value, what).split())
    if not text.isascii() and not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    _cap(text, what, most, kind or "names are")
    if not text.isprintable():
        _refuse_unprintable(text, what, _CONTROL, _INVISIBLE, term("names are plain text"))
    return text


def check_label(value: object, what: str) -> str:
    """An actor's id or role, as given (not tidied: it is the host's own key): one line of
    printable text without invisible formatting characters, at most :data:`MAX_NAME`."""
    text = _require_str(value, what)
    _cap(text, what, MAX_NAME, term("an actor's id and role are"))
    if not text.isprintable():
        _refuse_unprintable(text, what, _CONTROL, _INVISIBLE, term("an actor's id and role are "
                            "one line of plain text"))
    return text


def clean_source_text(value: object, what: str) -> str:
    """Where a fact is known from: one line, spacing tidied, at most :data:`MAX_SOURCE`."""
    text = " ".join(_require_str(value, what).split())
    _cap(text, what, MAX_SOURCE, term("a source is"))
    if not text.isprintable():
        _refuse_unprintable(text, what, _CONTROL, _OVERRIDES, term("a source is one line of text"))
    return text


def check_source(value: object, what: str) -> None:
    """A source already held by a value (an agreement's), checked as given, not tidied: one
    line (tabs allowed), no other control characters or direction overrides."""
    if value is None:
        return
    text = _require_str(value, what)
    _cap(text, what, MAX_SOURCE, term("a source is"))
    if not text.isprintable() and not text.replace("\t", "").isprintable():
        _refuse_unprintable(text, what, _CONTROL_BUT_TAB, _OVERRIDES,
                            term("a source is one line of text"))


def clean_paragraphs(value: object, what: str, *, most: int = MAX_REASON) -> str:
    """Free text that may run to paragraphs (a reason): line breaks and tabs kept (other
    systems' line endings, form feeds and Unicode line separators as ``\\n``), ends
    stripped, no other control characters or direction overrides, at most ``most``
    characters."""
    text = _OTHER_BREAKS.sub("\n", _require_str(value, what))
    text = text.strip()
    _cap(text, what, most, term("it may be"))
    if not text.isprintable() and not _BREAKS.sub("", text).isprintable():
        _refuse_unprintable(text, what, _CONTROL_BUT_BREAKS, _OVERRIDES,
                            term("line breaks and tabs are the only ones allowed"))
    return text


#: The names of fields that hold free text a decision can redact: a reason given to a
#: command, an override's reason (an admission's, a climb's, a sign-off's), the words of a
#: motion, an amendment, a document's feedback and a message (``text``), what a document's
#: new version changed (``note``, and a rapid response's note), the action leaders took part
#: in (``activity``).
FREE_TEXT = frozenset({"reason", "override_reason", "text", "note", "activity"})

#: Free text written by or with one person, sealed with that person's key as well as its
#: version's: erasing the person erases it. By event class (its qualified name): the field
#: of free text, and the field naming the person (an id, or a list of ids, bound only when
#: the list names one person: an action several leaders took part in is the group's, not
#: one person's). Feedback is a person's own words ("given by" a person or a group, whose
#: id owns the key); a motion or an amendment, once moved, is the body's business and is
#: only redacted.
PERSON_BOUND: dict[str, tuple[str, str]] = {
    "Document.FeedbackGiven": ("text", "given_by"),
    "Workplace.LeadersTookPart": ("activity", "people"),
}


class RedactedText(str):
    """Free text that was redacted by a recorded decision: what reads back where it was.
    A ``str`` (records keep their shape), which readers can tell apart to word it in the
    reader's language."""

    __slots__ = ()


#: What a redacted reason or note reads as (in French, "[caviardé]", where people read it).
REDACTED = RedactedText(mark("[redacted]"))
