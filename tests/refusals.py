"""How Gherkin scenarios try commands that may be refused.

Every scenario state (``World``, ``Table``, ``Scene``, ``Chronicle``) keeps the last refusal,
whether a step has checked it, and the log's position before the command, so that "nothing new
is recorded" can be proved. A refusal that no step checks fails the scenario: at the next
command, at the next step that expects things to have worked, or when the scenario ends.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

from bargaining import BargainingApp, BargainingError

T = TypeVar("T")


def position(app: BargainingApp) -> int:
    """The id of the last event notification recorded (0 when none)."""
    return app.eventsourcing.recorder.max_notification_id() or 0


@dataclass(kw_only=True)
class Refusals:
    error: BargainingError | None = None
    seen: bool = True
    before: int = 0

    if TYPE_CHECKING:

        @property
        def app(self) -> BargainingApp: ...

    def attempt(self, action: Callable[[], T]) -> T | None:
        """Run a command that may be refused; remember the refusal and the log's position."""
        self.ok()
        self.before = position(self.app)
        self.error = None
        try:
            return action()
        except BargainingError as refused:
            self.error, self.seen = refused, False
            return None

    def refusal(self) -> BargainingError:
        """The refusal a step expects; from now on it counts as checked."""
        assert self.error is not None, "the command was accepted, but it should have been refused"
        self.seen = True
        return self.error

    def ok(self) -> None:
        """Fail on a refusal that no step has checked."""
        assert self.error is None or self.seen, f"a step was refused unexpectedly: {self.error}"

    def nothing_recorded(self) -> None:
        self.ok()
        now = position(self.app)
        assert now == self.before, f"the log moved from {self.before} to {now}"
