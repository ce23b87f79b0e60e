"""A work group's map and its structure tests: counts that must be able to be true.

A map count is a fact (an organizer's tally of a work group on a day) and is recorded as
given, but only if it can be true: mapped workers never exceed the workers, contacts and
leaders identified never exceed the mapped, and the support assessed on the 1-5 scale never
counts more workers than were mapped. A structure test is a fact too: held on a day, with its
eligible workers and those who took part (never more), against a threshold in percent (51 for
a majority petition); a test that fails is recorded all the same, it just proves no one.
"""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import attrs

from bargaining.domain.shared.dates import require_date
from bargaining.domain.shared.errors import InvalidInput, RecordNotFound, RuleViolation, term
from bargaining.domain.shared.people import person_id
from bargaining.domain.shared.shares import as_percent, percent_of, show_percent
from bargaining.domain.shared.text import clean_name
from bargaining.domain.shared.vote import whole_count

#: A majority petition's threshold, in percent of the eligible workers (the guide's ladder).
MAJORITY_PETITION = 51


class WorkGroupNotFound(RecordNotFound):
    """The workplace has no work group of that name."""


class MapDoesNotAddUp(RuleViolation):
    """A map count that cannot be true: more mapped than workers, more contacts or support
    assessed than mapped."""


def group_name(value: object, what: str = "work group's name") -> str:
    """A work group's or workplace's name: one line of plain text, never blank."""
    name = clean_name(value, what)
    if not name:
        raise InvalidInput.worded("the {what} cannot be blank", what=what)
    return name


def _workers(value: object) -> int:
    return whole_count(value, term("workers"))


def _mapped(value: object) -> int:
    return whole_count(value, term("workers mapped"))


def _contacts(value: object) -> int:
    return whole_count(value, term("contacts made"))


def _leaders(value: object) -> int:
    return whole_count(value, term("leaders identified"))


def _eligible(value: object) -> int:
    return whole_count(value, term("eligible workers"))


def _participants(value: object) -> int:
    return whole_count(value, term("participants"))


def _test_kind(value: object) -> str:
    return group_name(value, term("structure test's kind"))


def _leader(value: object) -> str | None:
    return None if value is None else person_id(value, term("leader's id"))


def _held_on(_instance: object, _attribute: object, value: date) -> None:
    require_date(value, term("day the test was held"))


def _support(value: object) -> tuple[int, ...]:
    if isinstance(value, dict):
        if not set(value) <= set(range(1, 6)):
            raise InvalidInput.worded("support is assessed on the 1-5 scale: count workers at 1, "
                                      "2, 3, 4 or 5")
        value = tuple(value.get(score, 0) for score in range(1, 6))
    if isinstance(value, str) or not isinstance(value, tuple | list) or len(value) != 5:
        raise InvalidInput.worded("support is five counts, of workers assessed at 1, 2, 3, 4 and "
                                  "5 (or a dict by score)")
    return tuple(whole_count(n, f"workers assessed at {score}")
                 for score, n in enumerate(value, start=1))


@attrs.frozen(kw_only=True)
class MapCount:
    """One work group's map on a day: ``workers`` in the group, how many are ``mapped``
    (known by name to the organizers), ``contacts`` made (spoken with), ``support`` as five
    counts of workers assessed at 1 (strongest) to 5 (opposed), and ``leaders`` identified
    (a count; named leaders are recorded one by one, as personal data)."""

    workers: int = attrs.field(converter=_workers)
    mapped: int = attrs.field(converter=_mapped)
    contacts: int = attrs.field(default=0, converter=_contacts)
    support: tuple[int, ...] = attrs.field(default=(0, 0, 0, 0, 0), converter=_support)
    leaders: int = attrs.field(default=0, converter=_leaders)

    def __attrs_post_init__(self) -> None:
        if self.mapped > self.workers:
            raise MapDoesNotAddUp.worded("{mapped:,} workers mapped cannot be: the group has "
                                         "{workers:,} workers",
                                         mapped=self.mapped, workers=self.workers)
        if self.contacts > self.mapped:
            raise MapDoesNotAddUp.worded("{contacts:,} contacts made cannot be: only {mapped:,} "
                                         "workers are mapped",
                                         contacts=self.contacts, mapped=self.mapped)
        if self.assessed > self.mapped:
            raise MapDoesNotAddUp.worded("support assessed for {assessed:,} workers cannot be: "
                                         "only {mapped:,} are mapped",
                                         assessed=self.assessed, mapped=self.mapped)
        if self.leaders > self.mapped:
            raise MapDoesNotAddUp.worded("{leaders:,} leaders identified cannot be: only "
                                         "{mapped:,} workers are mapped",
                                         leaders=self.leaders, mapped=self.mapped)

    @property
    def assessed(self) -> int:
        """Workers whose support was assessed, at any score."""
        return sum(self.support)

    @property
    def mapped_percent(self) -> Fraction:
        """Mapped workers as a percentage of the workers (0 for an empty group)."""
        return percent_of(self.mapped, self.workers)

    def at(self, score: int) -> int:
        """Workers assessed at this score (1 to 5)."""
        if score not in range(1, 6):
            raise InvalidInput.worded("support is assessed on the 1-5 scale")
        return self.support[score - 1]


def _threshold(value: object) -> Fraction:
    return as_percent(value, term("a structure test's threshold"))


@attrs.frozen(kw_only=True)
class GroupTest:
    """A structure test of one work group, held on a day: its ``kind`` in words ("majority
    petition"), ``eligible`` workers, ``participants`` (never more), the ``threshold`` in
    percent it must reach, and the ``leader`` who led it (a person id), if one did."""

    group: str = attrs.field(converter=group_name)
    kind: str = attrs.field(converter=_test_kind)
    eligible: int = attrs.field(converter=_eligible)
    participants: int = attrs.field(converter=_participants)
    on: date = attrs.field(validator=_held_on)
    threshold: Fraction = attrs.field(default=Fraction(MAJORITY_PETITION), converter=_threshold)
    leader: str | None = attrs.field(default=None, converter=_leader)

    def __attrs_post_init__(self) -> None:
        if self.eligible == 0:
            raise InvalidInput.worded("a structure test has at least one eligible worker")
        if self.participants > self.eligible:
            raise RuleViolation.worded("{participants:,} took part cannot be: only {eligible:,} "
                                       "were eligible",
                                       participants=self.participants, eligible=self.eligible)

    @property
    def turnout(self) -> Fraction:
        """Participants as a percentage of the eligible workers."""
        return percent_of(self.participants, self.eligible)

    @property
    def passed(self) -> bool:
        """Whether the turnout reached the threshold."""
        return self.turnout >= self.threshold

    def describe(self) -> str:
        """'majority petition: 52 of 60 (86.7%) against 51%, passed'."""
        verdict = "passed" if self.passed else "failed"
        return (f"{self.kind}: {self.participants:,} of {self.eligible:,} "
                f"({show_percent(self.turnout)}) against {show_percent(self.threshold)}, "
                f"{verdict}")
