"""Accountability: what each role reports, to whom and how often; the work plans and reports
filed; and which reports are overdue on a reading day.

An expectation divides time into periods of ``every_months`` months from its first day (a
quarter: 3); each period's report is due ``grace_days`` after the period's last day. On a
reading day, a period's report is *filed* (on time or late) or, once its due day has passed
with no report, *overdue*: a fact the library derives whenever it reads, never a stored event,
so a report filed late stops being overdue from the day it was filed. A period the role had no
holder on its last day owes no report.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from datetime import date, timedelta

import attrs

from bargaining.domain.democracy.roles import Rank
from bargaining.domain.shared.errors import InvalidInput
from bargaining.domain.shared.flags import Flag, FlagRule
from bargaining.domain.shared.language import mark
from bargaining.domain.shared.phrases import Phrase, day


@attrs.frozen
class Expectation:
    """A role reports ``what`` to ``to_whom`` every ``every_months`` months from ``starts``,
    each report due ``grace_days`` after its period ends."""

    role: str
    what: str
    to_whom: str
    every_months: int
    starts: date
    grace_days: int

    def period_end(self, index: int) -> date:
        """The last day of the period numbered ``index`` (0 is the first)."""
        months = self.starts.month - 1 + (index + 1) * self.every_months
        year, month = self.starts.year + months // 12, months % 12 + 1
        return _clamped(year, month, self.starts.day) - timedelta(days=1)

    def ends_through(self, day: date) -> list[date]:
        """The last days of the periods that ended on or before ``day``."""
        found, index = [], 0
        while (end := self.period_end(index)) <= day:
            found.append(end)
            index += 1
        return found

    def is_period_end(self, day: date) -> bool:
        return day in self.ends_through(day)

    def due(self, period_end: date) -> date:
        """The day a period's report is due."""
        return period_end + timedelta(days=self.grace_days)


def _clamped(year: int, month: int, day: int) -> date:
    """The day in that month, or its last day when the month is shorter (31 -> 30)."""
    while True:
        try:
            return date(year, month, day)
        except ValueError:
            day -= 1


@attrs.frozen
class WorkPlan:
    """A work plan a role's holder filed on ``on``, found at ``where``."""

    role: str
    person: str
    on: date
    where: str


@attrs.frozen
class Report:
    """A report of ``what`` for the period ending ``period_end``, filed on ``on``, led by a
    person (by id) of this rank (members leading reports), found at ``where``."""

    role: str
    what: str
    period_end: date
    on: date
    led_by: str
    led_by_rank: Rank
    where: str


class ReportState(enum.Enum):
    """Where one period's report stands on a reading day."""

    ON_TIME = "filed on time"
    LATE = "filed late"
    OVERDUE = "overdue"
    NOT_YET_DUE = "not yet due"


@attrs.frozen
class ReportDue:
    """One period's report of one role, as it stands on a reading day."""

    role: str
    what: str
    to_whom: str
    period_end: date
    due: date
    state: ReportState
    filed_on: date | None

    @property
    def flag(self) -> Flag | None:
        """The overdue flag, derived on the reading day (``None`` unless overdue)."""
        if self.state is not ReportState.OVERDUE:
            return None
        return Flag.worded(FlagRule.REPORT_OVERDUE, Phrase.of(
            mark("the report '{what}' of the role '{role}' for the period ending {period_end} "
                 "was due on {due}"), what=self.what, role=self.role,
            period_end=day(self.period_end), due=day(self.due)))


def report_states(expectation: Expectation, reports: list[Report], day: date,
                  staffed: Callable[[date], bool]) -> list[ReportDue]:
    """Each ended period's report of this expectation as it stands on ``day``; ``staffed``
    tells whether the role had a holder on a day (``staffed(period_end) -> bool``)."""
    filed: dict[date, date] = {}
    for report in reports:
        if (report.role, report.what) == (expectation.role, expectation.what) and \
                report.on <= day:
            first = filed.get(report.period_end)
            filed[report.period_end] = report.on if first is None else min(first, report.on)
    states = []
    for end in expectation.ends_through(day):
        if not staffed(end):
            continue
        due, on = expectation.due(end), filed.get(end)
        if on is not None:
            state = ReportState.ON_TIME if on <= due else ReportState.LATE
        else:
            state = ReportState.OVERDUE if due < day else ReportState.NOT_YET_DUE
        states.append(ReportDue(expectation.role, expectation.what, expectation.to_whom, end,
                                due, state, on))
    return states


def whole_months(value: object) -> int:
    """How often a role reports, in whole months (a quarter is 3)."""
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 60:
        raise InvalidInput.worded("a role reports every 1 to 60 whole months, not {value}",
                                  value=repr(value))
    return value


def grace(value: object) -> int:
    """Days after a period's end before its report is due."""
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 366:
        raise InvalidInput.worded("a report is due 0 to 366 days after its period, not {value}",
                                  value=repr(value))
    return value
