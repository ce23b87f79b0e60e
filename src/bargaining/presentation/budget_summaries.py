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
from bargaining.domain.shared.language import (
    Language,
    current_language,
    format_day,
    mark,
    translate,
)
from bargaining.presentation.wording import (
    Names,
    SummaryTable,
    body_words,
    by,
    count_of,
    flagged,
    vote_text,
    word,
)

G: Any = MembersGoals
B: Any = Budget

#: The summaries and dates this module registers; ``summaries`` joins them with the others.
TABLE = SummaryTable()
_summary = TABLE.summary
_dated = TABLE.dated


def _amount(value: Decimal) -> str:
    """Exactly as recorded, thousands separated (``1,250,000.00``; ``1 250 000,00``)."""
    written = f"{value:,}"
    if current_language() is Language.FRENCH:
        written = written.replace(",", "\N{NO-BREAK SPACE}").replace(".", ",")
    return written


def _held_on(e: Any) -> date:
    held: date = e.vote.held_on
    return held


# ------------------------------------------------------------------ goals


@_summary(G.Opened)
def _goals_opened(e: Any, names: Names) -> str:
    return translate("Members' goals '{name}' opened {by}, to be ratified by a vote of the "
                     "{body}", name=e.name, by=by(e.actor), body=body_words(e.body))


@_summary(G.GoalProposed)
def _proposed(e: Any, names: Names) -> str:
    return translate("Goal '{title}' proposed on {on} {by}", title=e.title,
                     on=format_day(e.on), by=by(e.actor))


@_summary(G.GoalsRatified)
def _ratified(e: Any, names: Names) -> str:
    return translate("{goals} of '{record}' ranked and ratified, recorded {by}: {vote}",
                     goals=count_of(len(e.ranking), "goal"), record=names(e.originator_id),
                     by=by(e.actor), vote=vote_text(e.vote))


@_summary(G.GoalAmended)
def _amended(e: Any, names: Names) -> str:
    return translate("A goal of '{record}' amended to read '{title}', recorded {by}: {vote}",
                     record=names(e.originator_id), title=e.title, by=by(e.actor),
                     vote=vote_text(e.vote))


@_summary(G.GoalRetired)
def _retired(e: Any, names: Names) -> str:
    return translate("A goal of '{record}' retired, recorded {by}: {vote}",
                     record=names(e.originator_id), by=by(e.actor), vote=vote_text(e.vote))


_dated(G.GoalProposed, lambda e: e.on)
for _cls in (G.GoalsRatified, G.GoalAmended, G.GoalRetired):
    _dated(_cls, _held_on)


# ---------------------------------------------------------------- budgets


@_summary(B.Opened)
def _budget_opened(e: Any, names: Names) -> str:
    return translate("Budget '{name}' opened {by}: {starts} to {ends}, in {currency}, its "
                     "allocations voted by the {body}, tied to '{goals}'", name=e.name,
                     by=by(e.actor), starts=format_day(e.starts), ends=format_day(e.ends),
                     currency=e.currency, body=body_words(e.body), goals=names(e.goals_id))


@_summary(B.LineAdded)
def _line_added(e: Any, names: Names) -> str:
    message = (mark("Line '{name}' ({category}) added to '{record}' {by}, serving {goals} "
                    "evenly") if e.shares is None else
               mark("Line '{name}' ({category}) added to '{record}' {by}, serving {goals} by "
                    "stated shares"))
    return translate(message, name=e.name, category=word(e.category.value),
                     record=names(e.originator_id), by=by(e.actor),
                     goals=count_of(len(e.goals), "goal"))


@_summary(B.AllocationsApproved)
def _approved(e: Any, names: Names) -> str:
    total = sum(e.amounts.values(), Decimal(0))
    return translate("{amount} allocated to {lines} of '{record}', recorded {by}: {vote}",
                     amount=_amount(total), lines=count_of(len(e.amounts), "line"),
                     record=names(e.originator_id), by=by(e.actor), vote=vote_text(e.vote))


@_summary(B.Reallocated)
def _reallocated(e: Any, names: Names) -> str:
    return translate("{amount} moved from '{source}' to '{target}' of '{record}', recorded "
                     "{by}: {vote}", amount=_amount(e.amount), source=e.from_line,
                     target=e.to_line, record=names(e.originator_id), by=by(e.actor),
                     vote=vote_text(e.vote))


@_summary(B.Spent)
def _spent(e: Any, names: Names) -> str:
    line = translate("{amount} spent from '{line}' of '{record}' on {on} ({payee}), recorded "
                     "{by}", amount=_amount(e.amount), line=e.line,
                     record=names(e.originator_id), on=format_day(e.on),
                     payee=word(e.payee.value), by=by(e.actor))
    return line + flagged(e.flags)


_dated(B.AllocationsApproved, _held_on)
_dated(B.Reallocated, _held_on)
_dated(B.Spent, lambda e: e.on)
