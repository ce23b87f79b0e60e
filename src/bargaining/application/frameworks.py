"""Commands and queries on shared demand frameworks."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from uuid import UUID

from bargaining.application.ports import Records
from bargaining.application.time_travel import load_reading
from bargaining.domain.frameworks.evaluation import Evaluation, Terms, evaluate
from bargaining.domain.frameworks.framework import Demand, DemandFramework
from bargaining.domain.frameworks.inflation import Inflation
from bargaining.domain.shared.actor import Actor
from bargaining.domain.shared.errors import RuleViolation, term
from bargaining.domain.shared.vote import Vote


class Frameworks:
    """Shared demand frameworks: drafted, amended, ratified by members, and used to judge terms."""

    def __init__(self, records: Records) -> None:
        self._records = records

    def draft(
        self, *, name: str, sectors: Sequence[str], demands: Sequence[Demand], actor: Actor,
        reason: str | None = None,
    ) -> UUID:
        """Draft a framework (version 1); it takes effect only when members ratify it."""
        framework = DemandFramework.draft(
            name=name, sectors=sectors, demands=demands, actor=actor, reason=reason
        )
        self._records.save(framework)
        return framework.id

    def amend(
        self, framework_id: UUID, demands: Sequence[Demand], *, actor: Actor,
        reason: str | None = None,
    ) -> int:
        """Draft a new version of the framework; returns its number."""
        framework = self.get(framework_id)
        number = framework.amend(demands, actor=actor, reason=reason)
        self._records.save(framework)
        return number

    def record_vote(
        self, framework_id: UUID, version: int, vote: Vote, *, actor: Actor,
        reason: str | None = None,
    ) -> bool:
        """Record the members' ratification vote on a version; returns whether it carried."""
        framework = self.get(framework_id)
        carried = framework.record_ratification_vote(version, vote, actor=actor, reason=reason)
        self._records.save(framework)
        return carried

    def get(
        self, framework_id: UUID, *, on: date | None = None, at: datetime | None = None,
        version: int | None = None,
    ) -> DemandFramework:
        """A framework as recorded; or as it was on a real-world date (``on``), as it was
        known at a moment of recording (``at``, timezone-aware), or at a ``version``: one at
        most."""
        return load_reading(self._records, framework_id, DemandFramework, term("demand framework"),
                            on=on, at=at, version=version)

    def evaluate(
        self, framework_id: UUID, terms: Terms, *, version: int | None = None,
        inflation: Inflation | None = None, starting: date | None = None,
    ) -> Evaluation:
        """Judge terms against a version (default: the effective, ratified one), wages against
        the ``inflation`` series the host supplies where given (needed for indexed raises,
        cost-of-living adjustments and floors on the real wage); ``starting`` is the day
        yearly increases begin, which places them in the series. Records nothing."""
        framework = self.get(framework_id)
        chosen = framework.get_version(version) if version is not None else framework.effective
        if chosen is None:
            raise RuleViolation.worded("members have not ratified any version of '{framework}'",
                                       framework=framework.name)
        return evaluate(framework.name, chosen.number, chosen.demands, terms,
                        inflation=inflation, starting=starting)
