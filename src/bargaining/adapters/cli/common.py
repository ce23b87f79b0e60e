"""What every command shares: opening the store, reading arguments in domain words, printing
tables for people and JSON for scripts, and a progress bar for long work.

The store comes from ``--store`` or ``BARGAINING_STORE``; the encryption key only from
``BARGAINING_CIPHER_KEY`` (never an option: a key on a command line lands in shell history and
process lists). Values given on the command line are checked here and refused with
:class:`InvalidInput` in the words the library uses, so no command shows a traceback.
"""

from __future__ import annotations

import getpass
import json
import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Annotated, Any
from uuid import UUID

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from bargaining.app import BargainingApp
from bargaining.domain.shared.actor import Actor
from bargaining.domain.shared.errors import InvalidInput
from bargaining.domain.shared.language import Language, format_number, reading_in
from bargaining.domain.shared.progress import Progress as ProgressCallback
from bargaining.infrastructure.stores import Store

#: ``--store``: where the events are (``BARGAINING_STORE`` when left out).
StoreOption = Annotated[str | None, typer.Option(
    "--store", envvar="BARGAINING_STORE", show_envvar=True,
    help="A SQLite file path or a postgresql:// URL (default bargaining.sqlite).")]
#: ``--json``: one JSON document (or JSON Lines) on standard output, for scripts.
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")]
#: ``--actor`` and ``--role``: who records a change (every recorded change says who).
ActorOption = Annotated[str | None, typer.Option(
    "--actor", envvar="BARGAINING_ACTOR", show_envvar=True,
    help="Who records the change (an id; default: your login name).")]
RoleOption = Annotated[str, typer.Option("--role", help="The actor's role.")]
#: ``--language``: the language of what people read (``BARGAINING_LANGUAGE`` when left out).
LanguageOption = Annotated[str | None, typer.Option(
    "--language", "--lang", envvar="BARGAINING_LANGUAGE", show_envvar=True,
    help="Write summaries and tables in this language: en (default) or fr.")]

#: What people read goes to standard output; errors and progress to standard error.
out = Console(highlight=False, soft_wrap=False)
err = Console(stderr=True, highlight=False)


def open_app(store: str | None, *, create: bool = False) -> BargainingApp:
    """The application on the store named (or ``BARGAINING_STORE``, or the default file),
    with the key of ``BARGAINING_CIPHER_KEY`` when it is set. Only a command that records
    (``create``) makes a new SQLite file: a mistyped ``--store`` is refused rather than
    answered from an empty store. A store in memory would end with the command: refused."""
    found = Store.parse(store)
    if found.kind == "memory":
        raise InvalidInput.worded("a store in memory ends with the command: give a SQLite file "
                                  "or a postgresql:// URL (--store or BARGAINING_STORE)")
    if found.kind == "sqlite" and not create and not Path(found.location).exists():
        raise InvalidInput.worded("there is no SQLite store at {location}: import into it first, "
                                  "or check --store (or BARGAINING_STORE)",
                                  location=found.location)
    return BargainingApp(store)


def speaking(language: str | None) -> AbstractContextManager[Language]:
    """A block that writes in the language given (``--language``), else the process's."""
    return reading_in(Language.chosen(language))


def actor_of(actor_id: str | None, role: str) -> Actor:
    """The actor a command records: the id given (or ``BARGAINING_ACTOR``), else the login
    name of whoever runs the command."""
    if actor_id is None:
        try:
            actor_id = getpass.getuser()
        except (KeyError, OSError):
            raise InvalidInput.worded(
                "name who records this with --actor (or BARGAINING_ACTOR)") from None
    return Actor(actor_id, role)


def day(text: str, what: str) -> date:
    """A calendar date written YYYY-MM-DD, refused in words naming which date was wrong."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise InvalidInput.worded("the {what} must be a date written YYYY-MM-DD, not '{text}'",
                                  what=what, text=text) from None


def moment(text: str, what: str) -> datetime:
    """A moment: an ISO date-time with its time zone, or a date (its midnight, UTC)."""
    try:
        return datetime.combine(date.fromisoformat(text.strip()), datetime.min.time(), UTC)
    except ValueError:
        pass
    try:
        found = datetime.fromisoformat(text.strip())
    except ValueError:
        raise InvalidInput.worded("the {what} must be a date (YYYY-MM-DD) or a date-time with "
                                  "its time zone (2026-03-02T09:00:00+00:00), not '{text}'",
                                  what=what, text=text) from None
    if found.tzinfo is None:
        raise InvalidInput.worded("the {what} '{text}' has no time zone: add one, such as +00:00",
                                  what=what, text=text)
    return found


def record_id(text: str, what: str = "record") -> UUID:
    """A record's id as history, the audit log and ``--json`` answers print it."""
    try:
        return UUID(text.strip())
    except ValueError:
        raise InvalidInput.worded("the {what} is named by its id, such as "
                                  "3f2b8c1e-5d7a-4c1b-9e2f-0a1b2c3d4e5f, not '{text}' (ids are "
                                  "shown by `bargaining map expiring --json` and `history`)",
                                  what=what, text=text) from None


def plain(value: Any) -> Any:
    """A value as JSON holds it: dates and ids as text, tuples as lists."""
    if isinstance(value, date | UUID):
        return str(value)
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    return value


def say(text: str) -> None:
    """A line for people, as it is (never wrapped: a receipt must be copied whole)."""
    sys.stdout.write(text + "\n")


def complain(text: str) -> None:
    """A line on standard error, as it is."""
    sys.stderr.write(text + "\n")


def print_json(value: Any) -> None:
    """One JSON document on standard output (never through Rich, which would wrap it)."""
    sys.stdout.write(json.dumps(plain(value), ensure_ascii=False, indent=2) + "\n")


def table(title: str | None, columns: Sequence[str], rows: Sequence[Sequence[Any]],
          *, numeric: Sequence[str] = (), ids: Sequence[str] = ()) -> None:
    """A table for people: numbers right-aligned with thousands separators; an id column
    (named "... id", or among ``ids`` when worded in another language) shown whole."""
    shown = Table(title=title, title_justify="left")
    for column in columns:
        if column.endswith(" id") or column in ids:  # an id is copied whole into the next command
            shown.add_column(column, no_wrap=True, min_width=36)
        else:
            shown.add_column(column, justify="right" if column in numeric else "left")
    for row in rows:
        shown.add_row(*("" if v is None else format_number(v) if isinstance(v, int) and not
                        isinstance(v, bool) else str(v) for v in row))
    out.print(shown)


@contextmanager
def progress_bar(what: str) -> Iterator[ProgressCallback | None]:
    """A progress bar on standard error, fed by the library's ``progress`` callback; none
    when standard error is not a terminal (a script's log stays clean; ``FORCE_COLOR=1``
    shows it all the same) or ``BARGAINING_NO_PROGRESS`` is set."""
    if not err.is_terminal or os.environ.get("BARGAINING_NO_PROGRESS"):
        yield None
        return
    bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                   TimeElapsedColumn(), console=err, transient=True)
    task = bar.add_task(what, total=None)

    def advance(done: int, total: int | None) -> None:
        bar.update(task, completed=done, total=total)

    with bar:
        yield advance
