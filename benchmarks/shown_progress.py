"""Progress a benchmark shows while it writes: a Rich bar on a terminal (the command line's own,
fed by the library's ``progress(done, total)`` protocol), plain lines elsewhere.

A CI log or a file gets a line at each tenth of the way rather than a bar's control codes;
``note`` writes a stage's line (founding, verify...) on standard error either way, above the bar
while it shows.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

from bargaining.adapters.cli.common import progress_bar
from bargaining.domain.shared.progress import Progress


def note(message: str) -> None:
    """A stage's line on standard error."""
    print(f"  .. {message}", file=sys.stderr, flush=True)


@contextmanager
def watching(what: str, total: int) -> Iterator[Progress]:
    """A progress bar (Rich) on a terminal, described as ``what``; elsewhere a plain line on
    standard error at each tenth of the way, so a CI log shows the run moving without a bar's
    control codes."""
    with progress_bar(what) as bar:
        yield bar if bar is not None else plain_lines(total)


def plain_lines(total: int, steps: int = 10) -> Progress:
    """A progress callback that writes ``.. 3,000 of 30,000 events`` at each ``1/steps`` of
    ``total``, and at the end."""
    shown = [-1]

    def show(done: int, known: int | None) -> None:
        step = done * steps // max(total, 1)
        if step > shown[0] or done == known:
            shown[0] = step
            note(f"{done:,} of {known or total:,} events")

    return show
