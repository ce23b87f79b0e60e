"""Invariants of budgets: allocations, reallocations and spending always reconcile.

Whatever plan of votes and spending is recorded: the lines' allocations add up to the amounts
the votes approved; a reallocation keeps the total allocated and never takes a line below
zero (one that would is refused and records nothing); each goal's share of the lines that serve
it adds up, over the goals, to the budget's totals allocated and spent, to the cent; spending
is flagged exactly when it takes its line past its allocation or falls outside the period; and
the budget reloaded from the store reads the same.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from eventsourcing.application import Repository
from hypothesis import example, given
from hypothesis import strategies as st

from bargaining import BargainingApp, FlagRule, Money, RuleViolation
from bargaining.domain.budgets.money import split
from tests.budget_story import DELEGATES, MEMBER, TREASURER, delegates_vote, members_vote
from tests.test_properties import quick

STARTS, ENDS = date(2025, 1, 1), date(2025, 12, 31)
CATEGORIES = ["organizing capacity", "local support", "training", "rapid response",
              "communications", "governance and internal politics", "administration"]


@dataclass(frozen=True)
class LinePlan:
    category: str
    goals: tuple[int, ...]
    shares: tuple[int, ...] | None


@st.composite
def line_plans(draw: st.DrawFn) -> LinePlan:
    goals = tuple(draw(st.lists(st.integers(0, 2), min_size=1, max_size=3, unique=True)))
    shares = None
    if len(goals) > 1 and draw(st.booleans()):
        cuts = sorted(draw(st.lists(st.integers(1, 99), min_size=len(goals) - 1,
                                    max_size=len(goals) - 1, unique=True)))
        points = [0, *cuts, 100]
        shares = tuple(b - a for a, b in itertools.pairwise(points))
    return LinePlan(draw(st.sampled_from(CATEGORIES)), goals, shares)


cents = st.integers(1, 50_000_000) | st.sampled_from([100, 2_500, 10_000])
steps = st.one_of(
    st.tuples(st.just("approve"), st.dictionaries(st.integers(0, 4), cents, min_size=1),
              st.integers(0, 4)),
    st.tuples(st.just("move"), st.integers(0, 2), st.integers(0, 2), cents, st.integers(0, 4)),
    st.tuples(st.just("spend"), st.integers(0, 4), cents, st.integers(-40, 400)),
)


def cad(cents: int) -> Money:
    return Money(Decimal(cents).scaleb(-2), "CAD")


def vote_day(offset: int) -> date:
    """Votes fall on five days a month apart, so decisions share days and back-fill others."""
    return date(2024, 12, 1) + timedelta(days=30 * offset)


def covered(decided: list[tuple[date, str, int]], line: str, amount: int, day: date) -> bool:
    """The model: moving ``amount`` from ``line`` on ``day`` leaves it at zero or more at the
    end of every day a decision falls on."""
    by_day = {day: -amount}
    for when, name, change in decided:
        if name == line:
            by_day[when] = by_day.get(when, 0) + change
    balance = 0
    for when in sorted(by_day):
        balance += by_day[when]
        if balance < 0:
            return False
    return True


@quick(60)
@given(lines=st.lists(line_plans(), min_size=1, max_size=4), plan=st.lists(steps, max_size=25))
@example(  # a move back-filled before a later one that would then overdraw the line
    lines=[LinePlan("training", (0,), None), LinePlan("administration", (1,), None)],
    plan=[("approve", {0: 10_000}, 0), ("move", 0, 1, 6_000, 3), ("move", 0, 1, 6_000, 1)])
def test_allocations_reallocations_and_spending_always_reconcile(
        lines: list[LinePlan], plan: list[tuple]) -> None:  # type: ignore[type-arg]
    with BargainingApp("memory") as app:
        budgets = app.budgets
        goals = budgets.open_goals(name="Goals", actor=TREASURER)
        ids = [budgets.propose_goal(goals, title=f"Goal {n}", on=date(2024, 9, 1), actor=MEMBER)
               for n in range(3)]
        budgets.ratify_goals(goals, ranking=ids, vote=members_vote(date(2024, 10, 1)),
                             actor=TREASURER)
        budget = budgets.open_budget(name="2025", goals=goals, body=DELEGATES, currency="CAD",
                                     starts=STARTS, ends=ENDS, actor=TREASURER)
        names = [f"Line {n}" for n in range(len(lines))]
        for name, line in zip(names, lines, strict=True):
            served = [ids[g] for g in line.goals]
            budgets.add_line(budget, name=name, category=line.category, actor=TREASURER,
                             goals=served if line.shares is None
                             else dict(zip(served, line.shares, strict=True)))
        allocated = dict.fromkeys(names, 0)
        spent = dict.fromkeys(names, 0)
        approved = 0
        decided: list[tuple[date, str, int]] = []
        for step in plan:
            if step[0] == "approve":
                amounts = {names[i % len(names)]: c for i, c in step[1].items()}
                budgets.approve_allocations(budget, {n: cad(c) for n, c in amounts.items()},
                                            vote=delegates_vote(vote_day(step[2])),
                                            actor=TREASURER)
                for name, c in amounts.items():
                    allocated[name] += c
                    approved += c
                    decided.append((vote_day(step[2]), name, c))
            elif step[0] == "move":
                source, target = names[step[1] % len(names)], names[step[2] % len(names)]
                day = vote_day(step[4])
                if source == target:
                    continue
                total = sum(allocated.values())
                before = app.eventsourcing.recorder.max_notification_id()

                def move(source: str = source, target: str = target, amount: int = step[3],
                         day: date = day) -> None:
                    budgets.reallocate(budget, from_line=source, to_line=target,
                                       amount=cad(amount), vote=delegates_vote(day),
                                       actor=TREASURER)

                if not covered(decided, source, step[3], day):
                    try:
                        move()
                    except RuleViolation:
                        assert app.eventsourcing.recorder.max_notification_id() == before
                        continue
                    raise AssertionError("a reallocation that overdraws its line passed")
                move()
                allocated[source] -= step[3]
                allocated[target] += step[3]
                decided += [(day, source, -step[3]), (day, target, step[3])]
                assert sum(allocated.values()) == total
            else:
                name, day = names[step[1] % len(names)], STARTS + timedelta(days=step[3])
                flags = budgets.record_spending(budget, line=name, amount=cad(step[2]),
                                                on=day, payee="vendor", source="ledger",
                                                actor=TREASURER)
                spent[name] += step[2]
                assert (FlagRule.LINE_OVERSPENT in [f.rule for f in flags]) == (
                    spent[name] > allocated[name])
                assert (FlagRule.SPENT_OUTSIDE_PERIOD in [f.rule for f in flags]) == (
                    not STARTS <= day <= ENDS)
        report = budgets.report(budget)
        assert report.allocated == sum(cad(c).amount for c in allocated.values()) == (
            Decimal(approved).scaleb(-2))
        assert {f.name: f.allocated for f in report.lines} == {
            n: Decimal(c).scaleb(-2) for n, c in allocated.items()}
        assert all(f.allocated >= 0 for f in report.lines)
        assert report.spent == Decimal(sum(spent.values())).scaleb(-2)
        assert sum(g.spent for g in report.goals) == report.spent
        assert sum(g.allocated for g in report.goals) == report.allocated
        assert {f.name for f in report.lines if f.overspent} == {
            n for n in names if spent[n] > allocated[n]}
        for day in sorted({when for when, _, _ in decided}):
            then = budgets.report(budget, on=day)
            assert {f.name: f.allocated for f in then.lines} == {
                n: Decimal(sum(c for w, m, c in decided if m == n and w <= day)).scaleb(-2)
                for n in names}
            assert all(f.allocated >= 0 for f in then.lines)
        app.eventsourcing.take_snapshot(budget)
        replayed: Any = Repository(app.eventsourcing.events).get(budget)
        loaded = budgets.budget(budget)
        assert (replayed.allocated, replayed.spent) == (loaded.allocated, loaded.spent)


@quick(200)
@given(st.integers(0, 10**12), st.lists(st.integers(1, 100), min_size=1, max_size=6))
def test_a_split_adds_up_to_the_cent_and_no_part_is_off_by_more_than_a_cent(
        cents: int, weights: list[int]) -> None:
    from fractions import Fraction

    amount = Decimal(cents).scaleb(-2)
    parts = split(amount, tuple(Fraction(w) for w in weights), "CAD")
    assert sum(parts) == amount
    for part, weight in zip(parts, weights, strict=True):
        exact = Fraction(cents, 100) * weight / sum(weights)
        assert abs(Fraction(part) - exact) < Fraction(1, 100)
