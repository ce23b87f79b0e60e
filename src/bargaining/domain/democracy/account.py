"""A body's accountability for a period, as it stood on a reading day: each role's holders,
work plans and reports due (filed on time, late, overdue or not yet due), how many reports
rank-and-file members led, and how many new activists took a role."""

from __future__ import annotations

from datetime import date

import attrs

from bargaining.domain.democracy.accountability import ReportDue, ReportState
from bargaining.domain.democracy.body import GoverningBody
from bargaining.domain.democracy.roles import Holding, Rank
from bargaining.domain.shared.errors import InvalidInput


@attrs.frozen
class RoleAccount:
    """One role's account for a period: its holders on the period's last day (or the
    reading day, if earlier), work plans filed in the period, and each report whose period
    ended in it, as it stood on the reading day."""

    role: str
    holders: tuple[Holding, ...]
    work_plans: int
    reports: tuple[ReportDue, ...]

    @property
    def overdue(self) -> int:
        return sum(1 for r in self.reports if r.state is ReportState.OVERDUE)


@attrs.frozen
class AccountabilityReport:
    """A body's accountability from ``starts`` to ``ends``: each role's account, the reports
    filed in the period and how many rank-and-file members led, the new activists who took a
    first role in it, and the rank-and-file members holding roles at its end. A report counts
    in the period its own period ended in, once filed (by the reading day)."""

    body: str
    starts: date
    ends: date
    roles: tuple[RoleAccount, ...]
    reports_filed: int
    led_by_members: int
    new_activists: int
    rank_and_file_holders: int

    @property
    def overdue(self) -> int:
        return sum(r.overdue for r in self.roles)


def accountability(body: GoverningBody, starts: date, ends: date,
                   on: date) -> AccountabilityReport:
    """The body's accountability from ``starts`` to ``ends`` as it stood on ``on``."""
    if ends < starts:
        raise InvalidInput.worded("a period cannot end ({ends}) before it starts ({starts})",
                                  ends=ends, starts=starts)
    last = min(ends, on)
    states = [due for due in body.report_states(on) if starts <= due.period_end <= ends]
    accounts = tuple(
        RoleAccount(role, tuple(body.holders(role, last)),
                    sum(1 for p in body.work_plans if p.role == role and starts <= p.on <= last),
                    tuple(due for due in states if due.role == role))
        for role in body.seats)
    filed = [r for r in body.reports if starts <= r.period_end <= ends and r.on <= on]
    return AccountabilityReport(
        body.name, starts, ends, accounts, len(filed),
        sum(1 for r in filed if r.led_by_rank is Rank.RANK_AND_FILE),
        sum(1 for h in body.holdings if h.first_role and starts <= h.starts <= last),
        sum(1 for h in body.held_on(last) if h.rank is Rank.RANK_AND_FILE))
