"""Shared demand frameworks: demands with floors and targets, versioned and ratified.

A floor is the line nobody settles below (below it is a concession); a target is the ask.
The measures live in :mod:`.measures` and the arithmetic in :mod:`.figures`; their names are
importable from here as they were in release 0.1.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence

import attrs
from eventsourcing.domain import Aggregate, event

from bargaining.domain.frameworks.figures import (
    as_decimal,
    as_decimals,
    show_number,
    show_percent,
)
from bargaining.domain.frameworks.measures import (
    NO_TWO_TIER,
    Binds,
    CompoundIncrease,
    Measure,
    Protection,
    Quantity,
    TermLength,
)
from bargaining.domain.shared.actor import Actor, clean_reason, require_actor
from bargaining.domain.shared.errors import InvalidInput, RuleViolation
from bargaining.domain.shared.vote import Vote


class Category(enum.Enum):
    WAGES = "wages"
    STAFFING = "staffing"
    WORKLOAD = "workload"
    CONTRACTING_OUT = "contracting-out"
    BENEFITS = "benefits"
    PENSIONS = "pensions"
    JOB_SECURITY = "job security"
    TERM = "term"


@attrs.frozen
class Demand:
    """One shared demand: a key the terms refer to, its category and its measure."""

    key: str
    category: Category
    measure: Measure
    description: str = ""

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.key, str) or not self.key.strip():
            raise InvalidInput.worded("a demand needs a key (a short name such as 'wages')")
        if not isinstance(self.category, Category):
            raise InvalidInput.worded("demand '{key}': the category must be one of {category}",
                                      key=self.key,
                                      category=', '.join(c.value for c in Category))
        if not isinstance(self.measure, CompoundIncrease | Quantity | Protection | TermLength):
            raise InvalidInput.worded("demand '{key}' needs a measure", key=self.key)


# ----------------------------------------------------------------- versions


__all__ = ["NO_TWO_TIER", "Binds", "Category", "CompoundIncrease", "Demand", "DemandFramework",
           "FrameworkVersion", "Measure", "Protection", "Quantity", "TermLength",
           "VersionStatus", "as_decimal", "as_decimals", "show_number", "show_percent"]


class VersionStatus(enum.Enum):
    DRAFT = "draft"
    RATIFIED = "ratified"
    REJECTED = "rejected by members"


@attrs.define
class FrameworkVersion:
    """One version of a framework's demands. Only a ratified version can be adopted."""

    number: int
    demands: tuple[Demand, ...]
    status: VersionStatus = VersionStatus.DRAFT
    vote: Vote | None = None

    def demand(self, key: str) -> Demand:
        for demand in self.demands:
            if demand.key == key:
                return demand
        raise InvalidInput.worded("version {number} has no demand '{key}'",
                                  number=self.number, key=key)


def _check_demands(demands: object) -> list[Demand]:
    if isinstance(demands, Demand) or not isinstance(demands, Sequence | tuple | list):
        raise InvalidInput.worded("a framework needs a list of demands")
    items = list(demands)
    if not items:
        raise InvalidInput.worded("a framework needs at least one demand")
    for item in items:
        if not isinstance(item, Demand):
            raise InvalidInput.worded("every demand must be a Demand, not {name}",
                                      name=type(item).__name__)
    keys = [d.key for d in items]
    repeated = sorted({k for k in keys if keys.count(k) > 1})
    if repeated:
        raise InvalidInput.worded("each demand key may appear once; repeated: {repeated}",
                                  repeated=', '.join(repeated))
    return items


class DemandFramework(Aggregate):
    """A shared demand framework: drafted, amended, and ratified by members version by version.

    Earlier versions stay readable; the effective version is the latest ratified one.
    """

    @classmethod
    def draft(
        cls,
        *,
        name: str,
        sectors: Sequence[str],
        demands: Sequence[Demand],
        actor: Actor,
        reason: str | None = None,
    ) -> DemandFramework:
        if not isinstance(name, str) or not name.strip():
            raise InvalidInput.worded("a framework needs a name")
        if isinstance(sectors, str) or not all(isinstance(x, str) and x.strip() for x in sectors):
            raise InvalidInput.worded("a framework serves a list of sectors (non-blank names)")
        return cls(
            name=" ".join(name.split()),
            sectors=[" ".join(x.split()) for x in sectors],
            demands=_check_demands(demands),
            actor=require_actor(actor),
            reason=clean_reason(reason),
        )

    @event("Drafted")
    def __init__(
        self,
        *,
        name: str,
        sectors: list[str],
        demands: list[Demand],
        actor: Actor,
        reason: str | None,
    ) -> None:
        self.name = name
        self.sectors = list(sectors)
        self.versions: list[FrameworkVersion] = [FrameworkVersion(1, tuple(demands))]

    # ----------------------------------------------------------------- queries

    def get_version(self, number: int) -> FrameworkVersion:
        """A version by number (1 is the first draft)."""
        if isinstance(number, bool) or not isinstance(number, int):
            raise InvalidInput.worded("a framework version is a whole number, not {number}",
                                      number=repr(number))
        if not 1 <= number <= len(self.versions):
            raise InvalidInput.worded("framework '{name}' has versions 1 to {count}, not {number}",
                                      name=self.name, count=len(self.versions), number=number)
        return self.versions[number - 1]

    @property
    def effective(self) -> FrameworkVersion | None:
        """The latest ratified version, if members have ratified any."""
        ratified = [v for v in self.versions if v.status is VersionStatus.RATIFIED]
        return ratified[-1] if ratified else None

    # ---------------------------------------------------------------- commands

    def amend(self, demands: Sequence[Demand], *, actor: Actor, reason: str | None = None) -> int:
        """Draft a new version; earlier versions stay as they were. Returns its number."""
        actor = require_actor(actor)
        self._amendment_drafted(
            demands=_check_demands(demands), actor=actor, reason=clean_reason(reason)
        )
        return len(self.versions)

    @event("AmendmentDrafted")
    def _amendment_drafted(self, demands: list[Demand], actor: Actor, reason: str | None) -> None:
        self.versions.append(FrameworkVersion(len(self.versions) + 1, tuple(demands)))

    def record_ratification_vote(
        self, number: int, vote: Vote, *, actor: Actor, reason: str | None = None
    ) -> bool:
        """Record the members' vote on a draft; it takes effect only if the vote carried."""
        actor = require_actor(actor)
        version = self.get_version(number)
        if not isinstance(vote, Vote):
            raise InvalidInput.worded("a ratification needs the members' Vote")
        if version.status is not VersionStatus.DRAFT:
            raise RuleViolation.worded("version {number} of '{name}' is already {value}",
                                       number=number, name=self.name, value=version.status.value)
        if vote.passed:
            self._ratified(number=number, vote=vote, actor=actor, reason=clean_reason(reason))
        else:
            self._ratification_failed(
                number=number, vote=vote, actor=actor, reason=clean_reason(reason)
            )
        return vote.passed

    @event("Ratified")
    def _ratified(self, number: int, vote: Vote, actor: Actor, reason: str | None) -> None:
        version = self.versions[number - 1]
        version.status, version.vote = VersionStatus.RATIFIED, vote

    @event("RatificationFailed")
    def _ratification_failed(
        self, number: int, vote: Vote, actor: Actor, reason: str | None
    ) -> None:
        version = self.versions[number - 1]
        version.status, version.vote = VersionStatus.REJECTED, vote
