"""Budget reports in plain language, for members.

One way of writing numbers throughout: money exactly, at its currency's minor units, with
thousands separated and the currency's code after it (``1,250,000.00 CAD``); never rounded.
Percentages to one decimal place, a half rounded up, without a trailing ``.0`` (``18%``,
``12.5%``); a change between periods in percentage points, from the rounded figures.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from bargaining.domain.budgets.money import money_text
from bargaining.domain.budgets.report import BudgetReport, PeriodShares, SpendingShares


def rounded_percent(value: Fraction) -> Decimal:
    """A percentage to one decimal place, a half rounded up."""
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    return exact.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def percent_text(value: Fraction) -> str:
    """'18%', '12.5%'."""
    text = f"{rounded_percent(value):f}".removesuffix(".0")
    return f"{text}%"


def _points(first: Fraction, last: Fraction) -> str:
    change = rounded_percent(last) - rounded_percent(first)
    words = "up" if change > 0 else "down" if change < 0 else "no change"
    if change == 0:
        return words
    amount = f"{abs(change):f}".removesuffix(".0")
    return f"{words} {amount} point{'' if abs(change) == 1 else 's'}"


def shares_text(shares: SpendingShares, currency: str) -> str:
    """The share of spending on frontline engagement and on governance, as the report says it
    (and the budget chart's caption)."""
    return (f"Organizing and frontline engagement: {money_text(shares.frontline, currency)}, "
            f"{percent_text(shares.frontline_percent)} of spending; governance and internal "
            f"politics: {money_text(shares.governance, currency)}, "
            f"{percent_text(shares.governance_percent)}.")


def report_text(report: BudgetReport) -> str:
    """The report as lines a member reads: totals, shares, each line, each goal."""
    cur = report.currency

    def money(amount: Decimal) -> str:
        return money_text(amount, cur)

    out = [
        f"{report.name} ({report.starts} to {report.ends}): {money(report.allocated)} "
        f"allocated, {money(report.spent)} spent.",
        shares_text(report.shares, cur),
        "Lines:",
    ]
    for line in report.lines:
        text = (f"- {line.name} ({line.category.value}): {money(line.spent)} spent of "
                f"{money(line.allocated)} allocated")
        if line.overspent:
            text += f", {money(line.spent - line.allocated)} over: flagged"
        if line.outside_period:
            entries = "entry" if line.outside_period == 1 else "entries"
            text += f"; {line.outside_period} spending {entries} outside the period: flagged"
        out.append(text)
    out.append("Goals, by rank:")
    for goal in report.goals:
        place = f"{goal.rank}." if goal.rank is not None else f"({goal.status})"
        out.append(f"{place} {goal.title}: {money(goal.spent)} spent of "
                   f"{money(goal.allocated)} allocated")
    return "\n".join(out)


def comparison_text(periods: Sequence[PeriodShares]) -> str:
    """Two lines: the share of spending on frontline engagement, and on governance, period
    by period, with the change from the first period to the last."""
    def row(what: str, share: str) -> str:
        values = [getattr(p.shares, share) for p in periods]
        each = ", ".join(f"{percent_text(v)} in {p.name}" for v, p in zip(values, periods,
                                                                          strict=True))
        change = f" ({_points(values[0], values[-1])})" if len(values) > 1 else ""
        return f"{what}: {each}{change}."

    return "\n".join([
        row("Share of spending on organizing and frontline engagement", "frontline_percent"),
        row("Share of spending on governance and internal politics", "governance_percent"),
    ])
