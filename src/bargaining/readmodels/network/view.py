"""Keeping the network's facts current from the event log, and its index for the measures.

The view pulls the log (SQLite cannot push) from its tracking position for the kinds of record
the measures count, and folds each new event into the facts where it stopped: a question reads
only what was recorded since the last one. The facts live in the process's memory, not in
tables beside the events: they hold people's references, which an encrypted store keeps
encrypted (opaque ids only: never a name, nor a record's free words, which a redaction or
an erasure must leave nowhere readable), and they are folded from the events alone, so a
new process (or a :meth:`NetworkView.rebuild`) builds them again from the first event. The
index the measures read (:class:`~bargaining.readmodels.network.index.NetworkIndex`) is made
again only when something new was folded.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from bargaining.domain.organizing.network import NetworkFacts
from bargaining.domain.shared.progress import Progress, Reporter
from bargaining.readmodels.network.facts import (
    KINDS,
    PAGE,
    FactsBuilder,
    ReadLog,
    fold,
    handed_out,
)
from bargaining.readmodels.network.index import NetworkIndex


class NetworkView:
    """The network's facts, folded from the log up to a tracking position."""

    def __init__(self, read_log: ReadLog, last_position: Callable[[], int]) -> None:
        """``read_log`` reads events after a position (``EventLog.read_log``);
        ``last_position`` is the log's last notification id, for a rebuild's progress."""
        self._read_log = read_log
        self._last_position = last_position
        self._lock = threading.Lock()
        self._built = FactsBuilder()
        self._position = 0
        self._index: NetworkIndex | None = None

    @property
    def position(self) -> int:
        """The last position of the log the facts have read (0: none yet)."""
        return self._position

    def catch_up(self, reporter: Reporter | None = None) -> int:
        """Fold the events recorded since the tracking position; returns how many."""
        with self._lock:
            return self._catch_up(reporter)

    def _catch_up(self, reporter: Reporter | None) -> int:
        applied = 0
        while True:
            page = self._read_log(self._position, PAGE, KINDS)
            for position, e in page:
                fold(self._built, e)
                self._position = position
                applied += 1
            if applied and page:
                self._index = None
            if reporter is not None and page:
                reporter.tell(self._position)
            if len(page) < PAGE:
                return applied

    def rebuild(self, progress: Progress | None = None) -> int:
        """Forget the facts and fold every event again from the first, and index them;
        returns how many were folded. ``progress`` hears the positions in the log read, of
        its last position."""
        with self._lock:
            reporter = None
            if progress is not None:
                reporter = Reporter(progress, self._last_position())
                reporter.tell(0)
            self._built, self._position, self._index = FactsBuilder(), 0, None
            applied = self._catch_up(reporter)
            self._index = NetworkIndex(self._built.facts())  # ready for the next question
            if reporter is not None:
                reporter.finish()
            return applied

    def index(self) -> NetworkIndex:
        """The index of the facts after catching up with the log."""
        with self._lock:
            self._catch_up(None)
            if self._index is None:
                self._index = NetworkIndex(self._built.facts())
            return self._index

    def facts(self) -> NetworkFacts:
        """The facts after catching up with the log, as a host is handed them: read-only,
        with copies of the plans, so that changing them changes no later answer."""
        return handed_out(self.index().facts)
