"""The ``bargaining`` command: its groups, and how it ends (exit statuses, errors in words).

Exit statuses: 0 done; 1 ``verify`` found the record broken; 2 refused (bad input, an
unknown record, a rule of the domain, a store that cannot be opened), with the library's
message and no traceback; 3 an unexpected error, named by its kind only (its message could
quote the data being processed), with ``BARGAINING_DEBUG=1`` to see where it happened.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

import typer

from bargaining.adapters.cli import chart_commands, importing, integrity, map_commands, records
from bargaining.adapters.cli.common import complain
from bargaining.domain.shared.errors import BargainingError
from bargaining.domain.shared.language import Language, default_language

REFUSED = 2
#: How a refusal's line begins, in the language of its message.
_ERROR_WORD = {Language.ENGLISH: "error:", Language.FRENCH: "erreur\N{NO-BREAK SPACE}:"}
UNEXPECTED = 3

cli = typer.Typer(
    name="bargaining",
    help="Record and read coordinated bargaining campaigns: import F-7 notices or a "
         "coalition's spreadsheet, read the Expiry Map, export history, verify the record.\n\n"
         "Example: bargaining import data/f7-notices-fy2004-sample.csv --store f7.sqlite",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)
cli.command("import", no_args_is_help=True)(importing.import_command)
cli.add_typer(map_commands.group, name="map")
cli.command("rebuild")(map_commands.rebuild)
cli.command("history", no_args_is_help=True)(records.history)
cli.command("audit")(records.audit)
cli.command("status", no_args_is_help=True)(records.status)
cli.command("readiness", no_args_is_help=True)(records.readiness)
cli.command("receipt")(integrity.receipt)
cli.command("verify")(integrity.verify)
cli.add_typer(chart_commands.group, name="chart")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line (``argv``, or the process's arguments); returns the exit status.
    Usage errors and ``--help`` are Typer's own (status 2 and 0)."""
    try:
        cli(args=None if argv is None else list(argv), prog_name="bargaining")
    except SystemExit as ended:
        return ended.code if isinstance(ended.code, int) else (0 if ended.code is None else 1)
    except BargainingError as refused:  # in the language it was raised in (--language)
        complain(f"{_ERROR_WORD[Language.of(refused.language or default_language())]} "
                 f"{refused}")
        return REFUSED
    except OSError as failed:
        where = f": {failed.filename}" if failed.filename else ""
        complain(f"error: {failed.strerror or type(failed).__name__}{where}")
        return REFUSED
    except Exception as unexpected:
        if os.environ.get("BARGAINING_DEBUG"):
            raise
        complain(f"unexpected error ({type(unexpected).__name__}); run again with "
                 "BARGAINING_DEBUG=1 to see where it happened")
        return UNEXPECTED
    return 0


def run() -> None:
    """The console script's entry point."""
    sys.exit(main())
