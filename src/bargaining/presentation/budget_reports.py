"""Budget reports in plain language, for members, in English or French.

One way of writing numbers throughout: money exactly, at its currency's minor units, with
thousands separated and the currency's code after it (``1,250,000.00 CAD``,
``1 250 000,00 CAD``); never rounded. Percentages by the library's one rule (one decimal place,
a half rounded up, no trailing ``.0``: ``18%``, ``12.5%``, ``12,5 %``); a change between
periods in percentage points, from the rounded figures.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction

from bargaining.domain.budgets.money import minor_units
from bargaining.domain.budgets.report import BudgetReport, PeriodShares, SpendingShares
from bargaining.domain.shared.language import (
    Language,
    format_day,
    format_money,
    format_number,
    format_percent,
    gettext,
    ngettext,
    plural,
    reading_in,
    rounded_percent,
    translate,
)


def percent_text(value: Fraction) -> str:
    """'18%', '12.5%' ('12,5 %' in French)."""
    return format_percent(value)


def _points(first: Fraction, last: Fraction) -> str:
    change = rounded_percent(last) - rounded_percent(first)
    if change == 0:
        return gettext("no change")
    amount = format_number(abs(change))
    count = 1 if abs(change) == 1 else 2
    if change > 0:
        return ngettext("up {amount} point", "up {amount} points", count).format(amount=amount)
    return ngettext("down {amount} point", "down {amount} points", count).format(amount=amount)


def shares_text(shares: SpendingShares, currency: str) -> str:
    """The share of spending on frontline engagement and on governance, as the report says it
    (and the budget chart's caption), in the reader's language."""
    def money(amount: Decimal) -> str:
        return format_money(amount, currency, minor_units(currency))

    return translate("Organizing and frontline engagement: {frontline}, {frontline_share} of "
                     "spending; governance and internal politics: {governance}, "
                     "{governance_share}.", frontline=money(shares.frontline),
                     frontline_share=percent_text(shares.frontline_percent),
                     governance=money(shares.governance),
                     governance_share=percent_text(shares.governance_percent))


def report_text(report: BudgetReport, *, language: Language | str | None = None) -> str:
    """The report as lines a member reads: totals, shares, each line, each goal; in
    ``language`` (default the reader's: see :mod:`~bargaining.domain.shared.language`)."""
    with reading_in(language):
        return _report_text(report)


def _report_text(report: BudgetReport) -> str:
    cur = report.currency

    def money(amount: Decimal) -> str:
        return format_money(amount, cur, minor_units(cur))

    out = [
        translate("{name} ({starts} to {ends}): {allocated} allocated, {spent} spent.",
                  name=report.name, starts=format_day(report.starts),
                  ends=format_day(report.ends), allocated=money(report.allocated),
                  spent=money(report.spent)),
        shares_text(report.shares, cur),
        gettext("Lines:"),
    ]
    for line in report.lines:
        text = translate("- {name} ({category}): {spent} spent of {allocated} allocated",
                         name=line.name, category=gettext(line.category.value),
                         spent=money(line.spent), allocated=money(line.allocated))
        if line.overspent:
            text += translate(", {over} over: flagged", over=money(line.spent - line.allocated))
        if line.outside_period:
            text += plural("; {count} spending entry outside the period: flagged",
                           "; {count} spending entries outside the period: flagged",
                           line.outside_period)
        out.append(text)
    out.append(gettext("Goals, by rank:"))
    for goal in report.goals:
        place = f"{goal.rank}." if goal.rank is not None else f"({gettext(goal.status)})"
        out.append(translate("{place} {title}: {spent} spent of {allocated} allocated",
                             place=place, title=goal.title, spent=money(goal.spent),
                             allocated=money(goal.allocated)))
    return "\n".join(out)


def comparison_text(periods: Sequence[PeriodShares], *,
                    language: Language | str | None = None) -> str:
    """Two lines: the share of spending on frontline engagement, and on governance, period
    by period, with the change from the first period to the last; in ``language``."""
    def row(what: str, share: str) -> str:
        values = [getattr(p.shares, share) for p in periods]
        each = ", ".join(translate("{share} in {period}", share=percent_text(v), period=p.name)
                         for v, p in zip(values, periods, strict=True))
        change = f" ({_points(values[0], values[-1])})" if len(values) > 1 else ""
        return f"{what}: {each}{change}."

    with reading_in(language):
        return "\n".join([
            row(gettext("Share of spending on organizing and frontline engagement"),
                "frontline_percent"),
            row(gettext("Share of spending on governance and internal politics"),
                "governance_percent"),
        ])
