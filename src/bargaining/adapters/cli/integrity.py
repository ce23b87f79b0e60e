"""``bargaining receipt`` and ``bargaining verify``: the hash chain from a terminal.

``verify`` reads the store as ``verify_store`` does: it needs no key and writes nothing, so a
members' scrutineer can run it on a copy of the record. Its exit status says the answer: 0
intact, 1 broken (with where and how on standard output).
"""

from __future__ import annotations

import os
from typing import Annotated

import typer

from bargaining.adapters.cli.common import (
    JsonOption,
    LanguageOption,
    StoreOption,
    open_app,
    print_json,
    progress_bar,
    say,
    speaking,
)
from bargaining.application.integrity import IntegrityReport
from bargaining.domain.shared.language import gettext, reading_in
from bargaining.infrastructure.store_audit import verify_store
from bargaining.infrastructure.stores import DEFAULT_SQLITE_FILE, STORE_ENV

BROKEN = 1


def receipt(store: StoreOption = None, as_json: JsonOption = False) -> None:
    """Print a receipt: the chain's position and head, to publish or keep offline.

    Example: bargaining receipt --store f7.sqlite > receipt-2026-11-30.txt
    """
    with open_app(store) as app:
        taken = app.integrity.receipt()
    if as_json:
        print_json({"receipt": str(taken), "position": taken.position, "head": taken.head})
        return
    say(str(taken))


def verify(
    against: Annotated[str | None, typer.Option(
        "--receipt", help="A receipt's line: prove nothing at or before it changed.")] = None,
    store: StoreOption = None,
    as_json: JsonOption = False,
    language: LanguageOption = None,
) -> None:
    """Verify the hash chain (and a receipt): exit status 0 intact, 1 broken.

    Example: bargaining verify --receipt "$(cat receipt-2026-11-30.txt)" --language fr
    """
    where = store or os.environ.get(STORE_ENV) or DEFAULT_SQLITE_FILE
    with speaking(language):
        with progress_bar(gettext("verifying the hash chain")) as progress:
            report = verify_store(where, against, progress=progress)
        if as_json:
            print_json(_as_json(report))
        else:
            say(str(report))
    if not report.intact:
        raise typer.Exit(BROKEN)


def _as_json(report: IntegrityReport) -> dict[str, object]:
    """What a script reads: the same in every language (the message too, in English)."""
    with reading_in("en"):
        message = str(report)
    return {
        "intact": report.intact, "position": report.position, "checked": report.checked,
        "broken_at": report.broken_at, "kind": report.kind.value if report.kind else None,
        "detail": report.detail, "snapshots_checked": report.snapshots_checked,
        "tampered_snapshots": [str(t) for t in report.tampered_snapshots],
        "message": message,
    }
