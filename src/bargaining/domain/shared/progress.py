"""Progress on long work: one callback a host passes, called with how much is done.

An import of a large file, a rebuild of the Expiry Map, a verification of the hash chain and an
export of the audit log can take minutes. Each accepts ``progress=``, a callable a host passes
(a progress bar, a log line, a web socket): it is called as the work goes with ``done`` and
``total``, whole numbers that only grow, ``total`` ``None`` while it is not known; when the
work completes it is called one last time with ``done == total``. What a unit of work is
depends on the work, and each command's docstring says it (rows read, positions in the log,
entries written). A callback that raises stops the work where it is, as any error would:
what was saved by then stays saved.
"""

from __future__ import annotations

from typing import Protocol

from bargaining.domain.shared.errors import InvalidInput


class Progress(Protocol):
    """What long work calls as it goes: ``progress(done, total)``, ``total`` ``None`` while
    unknown; the counts never go back, and the last call has ``done == total``."""

    def __call__(self, done: int, total: int | None) -> None: ...


def require_progress(progress: object) -> Progress | None:
    """The callback a host gave (``None``: nobody is watching), refused if it cannot be
    called, before any work is done."""
    if progress is not None and not callable(progress):
        raise InvalidInput.worded("progress must be a callable taking (done, total), not {name}",
                                  name=type(progress).__name__)
    return progress  # type: ignore[return-value]


class Reporter:
    """Reports to a callback only when the count has moved since the last report, and keeps
    the counts monotone: the producers of progress share it, so each says only what it did."""

    def __init__(self, progress: Progress | None, total: int | None = None) -> None:
        self.progress = progress
        self.total = total
        self.done = 0
        self._told: tuple[int, int | None] | None = None

    def tell(self, done: int, total: int | None = None) -> None:
        """Report ``done`` (held at the highest so far) and a total, when one is known (a
        total that grew, as another writer recorded meanwhile, is reported grown; it never
        shrinks)."""
        self.done = max(self.done, done)
        if total is not None:
            self.total = max(total, self.done, self.total or 0)
        elif self.total is not None and self.done > self.total:
            self.total = self.done
        told = (self.done, self.total)
        if self.progress is not None and told != self._told:
            self._told = told
            self.progress(*told)

    def finish(self) -> None:
        """The work is complete: the last report, with ``done == total``."""
        final = self.done if self.total is None else max(self.total, self.done)
        self.tell(final, final)
