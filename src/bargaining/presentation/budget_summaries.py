"""Plain-language summaries of the members' goals and of budgets: goals proposed, ranked and
ratified, amended and retired; budgets opened, lines added, allocations approved, money
reallocated and spent. Amounts are written exactly, thousands separated, in the budget's
currency (named when the budget was opened).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from bargaining.domain.budgets.budget import Budget
from bargaining.domain.budgets.goals import MembersGoals
from bargaining.presentation.wording import Names, SummaryTable, by, count_of, vote_text

G: Any = MembersGoals
B: Any = Budget

#: The summaries and dates this module registers; ``summaries`` joins them with the others.
TABLE = SummaryTable()
_summary = TABLE.summary
_dated = TABLE.dated


def _amount(value: Decimal) -> str:
    return f"{value:,}"


def _held_on(e: Any) -> date:
    held: date = e.vote.held_on
    return held


# ------------------------------------------------------------------ goals


@_summary(G.Opened)
def _goals_opened(e: Any, names: Names) -> str:
    return (f"Members' goals '{e.name}' opened {by(e.actor)}, to be ratified by a vote of the "
            f"{e.body.describe()}")


@_summary(G.GoalProposed)
def _proposed(e: Any, names: Names) -> str:
    return f"Goal '{e.title}' proposed on {e.on} {by(e.actor)}"


@_summary(G.GoalsRatified)
def _ratified(e: Any, names: Names) -> str:
    return (f"{count_of(len(e.ranking), 'goal')} of '{names(e.originator_id)}' ranked and "
            f"ratified, recorded {by(e.actor)}: {vote_text(e.vote)}")


@_summary(G.GoalAmended)
def _amended(e: Any, names: Names) -> str:
    return (f"A goal of '{names(e.originator_id)}' amended to read '{e.title}', recorded "
            f"{by(e.actor)}: {vote_text(e.vote)}")


@_summary(G.GoalRetired)
def _retired(e: Any, names: Names) -> str:
    return (f"A goal of '{names(e.originator_id)}' retired, recorded {by(e.actor)}: "
            f"{vote_text(e.vote)}")


_dated(G.GoalProposed, lambda e: e.on)
for _cls in (G.GoalsRatified, G.GoalAmended, G.GoalRetired):
    _dated(_cls, _held_on)


# ---------------------------------------------------------------- budgets


@_summary(B.Opened)
def _budget_opened(e: Any, names: Names) -> str:
    return (f"Budget '{e.name}' opened {by(e.actor)}: {e.starts} to {e.ends}, in {e.currency}, "
            f"its allocations voted by the {e.body.describe()}, tied to '{names(e.goals_id)}'")


@_summary(B.LineAdded)
def _line_added(e: Any, names: Names) -> str:
    split = "evenly" if e.shares is None else "by stated shares"
    return (f"Line '{e.name}' ({e.category.value}) added to '{names(e.originator_id)}' "
            f"{by(e.actor)}, serving {count_of(len(e.goals), 'goal')} {split}")


@_summary(B.AllocationsApproved)
def _approved(e: Any, names: Names) -> str:
    total = sum(e.amounts.values(), Decimal(0))
    return (f"{_amount(total)} allocated to {count_of(len(e.amounts), 'line')} of "
            f"'{names(e.originator_id)}', recorded {by(e.actor)}: {vote_text(e.vote)}")


@_summary(B.Reallocated)
def _reallocated(e: Any, names: Names) -> str:
    return (f"{_amount(e.amount)} moved from '{e.from_line}' to '{e.to_line}' of "
            f"'{names(e.originator_id)}', recorded {by(e.actor)}: {vote_text(e.vote)}")


@_summary(B.Spent)
def _spent(e: Any, names: Names) -> str:
    line = (f"{_amount(e.amount)} spent from '{e.line}' of '{names(e.originator_id)}' on "
            f"{e.on} ({e.payee.value}), recorded {by(e.actor)}")
    if e.flags:
        line += "; flagged: " + "; ".join(flag.rule.value for flag in e.flags)
    return line


_dated(B.AllocationsApproved, _held_on)
_dated(B.Reallocated, _held_on)
_dated(B.Spent, lambda e: e.on)
