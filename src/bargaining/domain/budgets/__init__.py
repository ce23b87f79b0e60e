"""Budgets in the open, tied to the members' goals.

The members propose goals, rank them and ratify the ranking by a vote of the body that holds
the power (:mod:`~bargaining.domain.budgets.goals`); a budget per period
(:mod:`~bargaining.domain.budgets.budget`) has lines, each tied to one or more of those goals
and to one category; its allocations and reallocations are decisions, each approved by a
carried vote of the budget's body; its spending is a fact, recorded with its real-world date
and flagged (never refused) when it takes a line past its allocation or falls outside the
period. Money is exact (:mod:`~bargaining.domain.budgets.money`), and reports members can read
(:mod:`~bargaining.domain.budgets.report`) show spent against allocated per line and per goal,
and the share of spending on organizing and frontline engagement against governance and
internal politics.
"""
