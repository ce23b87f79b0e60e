"""Shared demand frameworks: demands with floors and targets, versioned and ratified.

A floor is the line nobody settles below (below it is a concession); a target is the ask.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

import attrs
from eventsourcing.domain import Aggregate, event

from bargaining.domain.shared.actor import Actor, clean_reason, require_actor
from bargaining.domain.shared.errors import InvalidInput, RuleViolation
from bargaining.domain.shared.vote import Vote

NO_TWO_TIER = "no two-tier"


class Category(enum.Enum):
    WAGES = "wages"
    STAFFING = "staffing"
    WORKLOAD = "workload"
    CONTRACTING_OUT = "contracting-out"
    BENEFITS = "benefits"
    PENSIONS = "pensions"
    JOB_SECURITY = "job security"
    TERM = "term"


def as_decimal(value: object, what: str) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal | str):
        raise InvalidInput(f"{what} must be a number, not {value!r}")
    try:
        number = Decimal(str(value))
    except ArithmeticError:
        raise InvalidInput(f"{what} must be a number, not {value!r}") from None
    if not number.is_finite():
        raise InvalidInput(f"{what} must be a finite number")
    return number


def _bound(value: object) -> Decimal:
    return as_decimal(value, "a floor, target or term")


def as_decimals(values: Iterable[object]) -> tuple[Decimal, ...]:
    return tuple(as_decimal(v, "a yearly increase") for v in values)


def show_percent(value: Decimal) -> str:
    return f"{value.quantize(Decimal('0.1'))}%".replace(".0%", "%")


def show_number(value: Decimal) -> str:
    text = f"{value.normalize():f}"
    return text


# ------------------------------------------------------------------ measures


def _check_sides(measure: Any) -> None:
    """A target never sits on the wrong side of its floor."""
    better = measure.more_is_better
    if (measure.target < measure.floor) if better else (measure.target > measure.floor):
        side = "below" if better else "above"
        raise RuleViolation(
            f"the target {show_number(measure.target)} sits {side} its floor "
            f"{show_number(measure.floor)}"
        )


@attrs.frozen
class CompoundIncrease:
    """Yearly percentage increases, judged compounded over the whole term.

    ``floor`` and ``target`` are totals over the term in percent (e.g. floor 16.4: protect
    purchasing power against projected inflation; target 21.5: catch up on top).
    """

    floor: Decimal = attrs.field(converter=_bound)
    target: Decimal = attrs.field(converter=_bound)

    kind = "compound increase"
    more_is_better = True

    def __attrs_post_init__(self) -> None:
        _check_sides(self)

    def describe(self) -> str:
        return (
            f"increases compounding to at least {show_percent(self.floor)} over the term "
            f"(target {show_percent(self.target)})"
        )


@attrs.frozen
class Quantity:
    """A measured standard with a unit: more is better (care hours) or less is better
    (class size)."""

    unit: str
    floor: Decimal = attrs.field(converter=_bound)
    target: Decimal = attrs.field(converter=_bound)
    more_is_better: bool = True

    kind = "quantity"

    def __attrs_post_init__(self) -> None:
        _check_sides(self)

    def describe(self) -> str:
        word = "at least" if self.more_is_better else "at most"
        return f"{word} {show_number(self.floor)} {self.unit} (target {show_number(self.target)})"


@attrs.frozen
class Protection:
    """A clause that must be present: no contracting out, no two-tier, no layoffs."""

    clause: str

    kind = "protection"
    more_is_better = True

    def describe(self) -> str:
        return f"the clause '{self.clause}'"


@attrs.frozen
class TermLength:
    """The agreement's length in years: at most ``floor`` (the longest acceptable), ideally
    ``target``."""

    floor: Decimal = attrs.field(converter=_bound)
    target: Decimal = attrs.field(converter=_bound)

    kind = "term length"
    more_is_better = False

    def __attrs_post_init__(self) -> None:
        _check_sides(self)

    def describe(self) -> str:
        most, target = show_number(self.floor), show_number(self.target)
        return f"a term of at most {most} years (target {target})"


Measure = CompoundIncrease | Quantity | Protection | TermLength


@attrs.frozen
class Demand:
    """One shared demand: a key the terms refer to, its category and its measure."""

    key: str
    category: Category
    measure: Measure
    description: str = ""

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.key, str) or not self.key.strip():
            raise InvalidInput("a demand needs a key (a short name such as 'wages')")
        if not isinstance(self.category, Category):
            raise InvalidInput(
                f"demand '{self.key}': the category must be one of "
                f"{', '.join(c.value for c in Category)}"
            )
        if not isinstance(self.measure, CompoundIncrease | Quantity | Protection | TermLength):
            raise InvalidInput(f"demand '{self.key}' needs a measure")


# ----------------------------------------------------------------- versions


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
        raise InvalidInput(f"version {self.number} has no demand '{key}'")


def _check_demands(demands: object) -> list[Demand]:
    if isinstance(demands, Demand) or not isinstance(demands, Sequence | tuple | list):
        raise InvalidInput("a framework needs a list of demands")
    items = list(demands)
    if not items:
        raise InvalidInput("a framework needs at least one demand")
    for item in items:
        if not isinstance(item, Demand):
            raise InvalidInput(f"every demand must be a Demand, not {type(item).__name__}")
    keys = [d.key for d in items]
    repeated = sorted({k for k in keys if keys.count(k) > 1})
    if repeated:
        raise InvalidInput(f"each demand key may appear once; repeated: {', '.join(repeated)}")
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
            raise InvalidInput("a framework needs a name")
        if isinstance(sectors, str) or not all(isinstance(x, str) and x.strip() for x in sectors):
            raise InvalidInput("a framework serves a list of sectors (non-blank names)")
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
            raise InvalidInput(f"a framework version is a whole number, not {number!r}")
        if not 1 <= number <= len(self.versions):
            raise InvalidInput(
                f"framework '{self.name}' has versions 1 to {len(self.versions)}, not {number}"
            )
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
            raise InvalidInput("a ratification needs the members' Vote")
        if version.status is not VersionStatus.DRAFT:
            raise RuleViolation(
                f"version {number} of '{self.name}' is already {version.status.value}"
            )
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
