"""Given, when, then: a host's test of its own code against the library, in the library's words.

A host's code calls the library's commands (a web view that admits a unit, a script that
imports a sheet). Its tests say what was there before (given: commands, or records made and
not yet saved), what the host's code did (when: one call), and what must follow (then: these
new events, in order; or this refusal, and nothing recorded)::

    scenario = Scenario(app)
    unit = scenario.given(lambda app: app.units.register(...))
    outcome = scenario.when(lambda app: my_view.record_expiry(app, unit, "2026-12-31"))
    outcome.then("AgreementRecorded")

Events are named as history names them (``HistoryEntry.event``); ``then`` returns the new
entries, so a test can look further (``entries[0].data``, ``entries[0].summary``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from bargaining.app import BargainingApp
from bargaining.domain.shared.errors import BargainingError
from bargaining.presentation.history_entries import HistoryEntry

Step = Callable[[BargainingApp], Any]


class Scenario:
    """A test of host code on one application: ``given`` what was there, ``when`` the host's
    code runs, and ``then`` what it must have recorded (or refused)."""

    def __init__(self, app: BargainingApp) -> None:
        self.app = app

    def given(self, *steps: Step | Any) -> Any:
        """Record what was there before: each step is a callable taking the application (a
        command, or the host's own code), or a record made outside the commands with its
        events pending (saved as they are). Returns the step's result (a list of results
        for several steps), such as the id of a unit registered."""
        results = []
        for step in steps:
            if callable(step):
                results.append(step(self.app))
            else:
                self.app.save(step)
                results.append(getattr(step, "id", None))
        return results[0] if len(results) == 1 else results

    def when(self, step: Step) -> Outcome:
        """Run the host's code once; its result or its refusal (a :class:`BargainingError`)
        and the events it recorded are the :class:`Outcome`. Any other error is raised: a
        host's bug is not a refusal."""
        before = self._position()
        try:
            result, refusal = step(self.app), None
        except BargainingError as refused:
            result, refusal = None, refused
        return Outcome(result, refusal, self._since(before))

    def _position(self) -> int:
        return self.app.eventsourcing.recorder.max_notification_id() or 0

    def _since(self, position: int) -> list[HistoryEntry]:
        entries: list[HistoryEntry] = []
        after: int | None = position
        while after is not None:
            page = self.app.history.audit_page(after=after, limit=500)
            entries.extend(page.entries)
            after = page.next_after
        return entries


class Outcome:
    """What the host's code did: its ``result``, its ``refusal`` (``None`` if it was not
    refused) and the ``events`` it recorded, as history entries."""

    def __init__(
        self, result: Any, refusal: BargainingError | None, events: list[HistoryEntry]
    ) -> None:
        self.result = result
        self.refusal = refusal
        self.events = events

    def then(self, *events: str) -> list[HistoryEntry]:
        """Check that the code was not refused and recorded exactly these events, in this
        order (none: it recorded nothing); returns their entries."""
        if self.refusal is not None:
            raise AssertionError(
                f"expected {_names(events)}, but it was refused: "
                f"{type(self.refusal).__name__}: {self.refusal}")
        recorded = tuple(e.event for e in self.events)
        if recorded != events:
            raise AssertionError(f"expected {_names(events)}, but it recorded "
                                 f"{_names(recorded)}")
        return self.events

    def then_refused(
        self, error: type[BargainingError] = BargainingError, match: str | None = None
    ) -> BargainingError:
        """Check that the code was refused with this kind of error (whose message contains
        ``match``, a regular expression, when given) and that nothing was recorded; returns
        the error."""
        if self.refusal is None:
            raise AssertionError(f"expected a refusal ({error.__name__}), but it recorded "
                                 f"{_names(tuple(e.event for e in self.events))}")
        if not isinstance(self.refusal, error):
            raise AssertionError(f"expected {error.__name__}, but it was refused with "
                                 f"{type(self.refusal).__name__}: {self.refusal}")
        if match is not None and not re.search(match, str(self.refusal)):
            raise AssertionError(f"the refusal says '{self.refusal}', which does not match "
                                 f"'{match}'")
        if self.events:
            raise AssertionError(
                f"it was refused ({self.refusal}) but recorded "
                f"{_names(tuple(e.event for e in self.events))}: a refusal records nothing")
        return self.refusal


def _names(events: tuple[str, ...]) -> str:
    return ", ".join(events) if events else "no events"
