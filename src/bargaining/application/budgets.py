"""Commands and queries on budgets: the members' goals (proposed, ranked and ratified,
amended, retired), budgets per period (lines tied to goals, allocations and reallocations
approved by votes, spending recorded as facts), and the reports members read.

``app.budgets`` is a :class:`Budgets`. Every command names its actor and takes an optional
reason; a refused command records nothing. Reads take ``on`` (a real-world day: the budget as
it was then, spending after it left out) or ``at`` (a moment of recording: as it was known
then), one at most; a report reads the budget and its goals the same way.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from uuid import UUID

from bargaining.application.ports import Records
from bargaining.application.time_travel import load_reading
from bargaining.domain.budgets.budget import Budget
from bargaining.domain.budgets.goals import MembersGoals
from bargaining.domain.budgets.money import Money
from bargaining.domain.budgets.report import (
    BudgetReport,
    PeriodShares,
    budget_report,
    period_shares,
)
from bargaining.domain.shared.actor import Actor
from bargaining.domain.shared.errors import InvalidInput
from bargaining.domain.shared.flags import Flag
from bargaining.domain.shared.vote import Body, Vote
from bargaining.presentation.budget_reports import comparison_text, report_text

_GOALS, _BUDGET = "record of the members' goals", "budget"


class Budgets:
    """The members' goals and the budgets tied to them."""

    def __init__(self, records: Records) -> None:
        self._records = records

    # ------------------------------------------------------------------ goals

    def open_goals(self, *, name: str, actor: Actor, body: Body | None = None,
                   reason: str | None = None) -> UUID:
        """A record of the members' goals; ``body`` is the body that ratifies them (the
        members unless given). Returns its id."""
        goals = MembersGoals.open(name=name, actor=actor, body=body, reason=reason)
        self._records.save(goals)
        return goals.id

    def propose_goal(self, goals: UUID, *, title: str, on: date, actor: Actor,
                     reason: str | None = None) -> UUID:
        """A member (``actor``, by an id that reveals no name) proposed a goal on ``on``.
        Returns the goal's id."""
        found = self.goals(goals)
        goal_id = found.propose(title=title, on=on, actor=actor, reason=reason)
        self._records.save(found)
        return goal_id

    def ratify_goals(self, goals: UUID, *, ranking: Sequence[UUID], vote: Vote, actor: Actor,
                     reason: str | None = None) -> None:
        """The body ranked and ratified goals by a carried ``vote``; ``ranking`` lists every
        goal in force afterwards, first priority first."""
        found = self.goals(goals)
        found.ratify(ranking=ranking, vote=vote, actor=actor, reason=reason)
        self._records.save(found)

    def amend_goal(self, goals: UUID, goal: UUID, *, title: str, vote: Vote, actor: Actor,
                   reason: str | None = None) -> None:
        """The body amended a goal's words by a carried ``vote``."""
        found = self.goals(goals)
        found.amend(goal, title=title, vote=vote, actor=actor, reason=reason)
        self._records.save(found)

    def retire_goal(self, goals: UUID, goal: UUID, *, vote: Vote, actor: Actor,
                    reason: str | None = None) -> None:
        """The body retired a goal by a carried ``vote``."""
        found = self.goals(goals)
        found.retire(goal, vote=vote, actor=actor, reason=reason)
        self._records.save(found)

    def goals(self, goals: UUID, *, on: date | None = None, at: datetime | None = None,
              version: int | None = None) -> MembersGoals:
        """The members' goals as recorded, or as they were on a day, known at a moment, or
        at a version (one at most)."""
        return load_reading(self._records, goals, MembersGoals, _GOALS, on=on, at=at,
                            version=version)

    # ---------------------------------------------------------------- budgets

    def open_budget(self, *, name: str, goals: UUID, body: Body, currency: str, starts: date,
                    ends: date, actor: Actor, reason: str | None = None) -> UUID:
        """A budget for the period from ``starts`` to ``ends``, in ``currency`` (an ISO 4217
        code), tied to these members' goals; ``body`` holds the power over it (its votes
        approve allocations and reallocations). Returns its id."""
        budget = Budget.open(name=name, goals=self.goals(goals), body=body, currency=currency,
                             starts=starts, ends=ends, actor=actor, reason=reason)
        self._records.save(budget)
        return budget.id

    def add_line(self, budget: UUID, *, name: str, category: object,
                 goals: UUID | Iterable[UUID] | Mapping[UUID, object], actor: Actor,
                 reason: str | None = None) -> None:
        """A line of one :class:`BudgetCategory`, serving one or more goals in force: their
        ids (the line's money attributed to them evenly) or a mapping of ids to their shares
        in percent, adding up to 100."""
        found = self.budget(budget)
        found.add_line(name=name, category=category, goals=goals,
                       members_goals=self.goals(found.goals_id), actor=actor, reason=reason)
        self._records.save(found)

    def approve_allocations(self, budget: UUID, amounts: Mapping[str, Money], *, vote: Vote,
                            actor: Actor, reason: str | None = None) -> None:
        """The budget's body approved these allocations (line name to :class:`Money`) by a
        carried ``vote``; each adds to its line."""
        found = self.budget(budget)
        found.approve(amounts, vote=vote, actor=actor, reason=reason)
        self._records.save(found)

    def reallocate(self, budget: UUID, *, from_line: str, to_line: str, amount: Money,
                   vote: Vote, actor: Actor, reason: str | None = None) -> None:
        """The budget's body moved ``amount`` from one line to another by a carried
        ``vote``."""
        found = self.budget(budget)
        found.reallocate(from_line=from_line, to_line=to_line, amount=amount, vote=vote,
                         actor=actor, reason=reason)
        self._records.save(found)

    def record_spending(self, budget: UUID, *, line: str, amount: Money, on: date,
                        payee: object, source: str, actor: Actor,
                        reason: str | None = None) -> tuple[Flag, ...]:
        """Money spent from a line on ``on``, paid to a :class:`PayeeKind`, known from
        ``source``: always recorded; returns the flags it carries (the line overspent, a day
        outside the period)."""
        found = self.budget(budget)
        flags = found.spend(line=line, amount=amount, on=on, payee=payee, source=source,
                            actor=actor, reason=reason)
        self._records.save(found)
        return flags

    def budget(self, budget: UUID, *, on: date | None = None, at: datetime | None = None,
               version: int | None = None) -> Budget:
        """A budget as recorded, or as it was on a day, known at a moment, or at a version
        (one at most)."""
        return load_reading(self._records, budget, Budget, _BUDGET, on=on, at=at,
                            version=version)

    # ---------------------------------------------------------------- reports

    def report(self, budget: UUID, *, on: date | None = None, at: datetime | None = None
               ) -> BudgetReport:
        """Spent against allocated per line and per goal, spending by category, and the
        share on frontline engagement against governance; now, on a day or as known at a
        moment."""
        found = self.budget(budget, on=on, at=at)
        return budget_report(found, self.goals(found.goals_id, on=on, at=at))

    def summary(self, budget: UUID, *, on: date | None = None, at: datetime | None = None
                ) -> str:
        """The report in plain language, for members."""
        return report_text(self.report(budget, on=on, at=at))

    def compare(self, budgets: Sequence[UUID], *, on: date | None = None,
                at: datetime | None = None) -> tuple[PeriodShares, ...]:
        """The share of spending on frontline engagement and on governance, period over
        period (in the order of the periods)."""
        if isinstance(budgets, UUID) or not budgets:
            raise InvalidInput.worded("compare a list of budgets (their ids), one per period")
        found = [period_shares(self.budget(b, on=on, at=at)) for b in budgets]
        return tuple(sorted(found, key=lambda p: (p.starts, p.ends)))

    def compare_summary(self, budgets: Sequence[UUID], *, on: date | None = None,
                        at: datetime | None = None) -> str:
        """The comparison in plain language, for members."""
        return comparison_text(self.compare(budgets, on=on, at=at))
