"""Step definitions for budgets.feature: members' goals, budgets, spending and reports."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from uuid import UUID

import pytest
from pytest_bdd import given, parsers, then, when

from bargaining import Actor, BargainingApp, Body, FlagRule, Money, Tally, Vote
from bargaining.presentation.budget_reports import percent_text
from tests.refusals import Refusals

TREASURER = Actor("t-1", "secretary-treasurer")
MEMBER = Actor("m-204", "member")


@dataclass
class Books(Refusals):
    app: BargainingApp
    goals_id: UUID | None = None
    goals: dict[str, UUID] = field(default_factory=dict)
    budgets: dict[str, UUID] = field(default_factory=dict)
    flags: dict[str, list[str]] = field(default_factory=dict)

    @property
    def record(self) -> UUID:
        assert self.goals_id is not None, "the scenario has no members' goals"
        return self.goals_id

    def by_rank(self, ranks: str) -> list[UUID] | dict[UUID, int]:
        """Goals by their rank ("1,2,3"), or with their shares of the line ("1:50,2:50")."""
        ranked = self.app.budgets.goals(self.record).ranking
        if ":" not in ranks:
            return [ranked[int(r) - 1] for r in ranks.split(",")]
        pairs = [part.split(":") for part in ranks.split(",")]
        return {ranked[int(rank) - 1]: int(share) for rank, share in pairs}


@pytest.fixture
def books() -> Iterator[Books]:
    app = BargainingApp("memory")
    state = Books(app)
    yield state
    app.close()
    state.ok()


def day(text: str) -> date:
    return date.fromisoformat(text)


def cad(text: str) -> Money:
    return Money(text.replace(",", ""), "CAD")


def money(text: str) -> Decimal:
    return Decimal(text.replace(",", ""))


def rows(datatable: list[list[str]]) -> list[dict[str, str]]:
    return [dict(zip(datatable[0], row, strict=True)) for row in datatable[1:]]


def members(on: date) -> Vote:
    return Vote(on, Tally(eligible=4000, cast=1900, yes=1500, no=400))


def delegates(on: date, carried: bool = True) -> Vote:
    yes, no = (230, 50) if carried else (100, 180)
    return Vote(on, Tally(eligible=300, cast=280, yes=yes, no=no), body=Body.delegates())


# ------------------------------------------------------------------ goals


@given("the members propose three goals:")
def propose(books: Books, datatable: list[list[str]]) -> None:
    books.goals_id = books.app.budgets.open_goals(name="Caucus goals", actor=TREASURER)
    for row in rows(datatable):
        books.goals[row["goal"]] = books.app.budgets.propose_goal(
            books.record, title=row["goal"], on=day(row["proposed on"]), actor=MEMBER)


@when(parsers.parse("the members rank and ratify them on {on}, {cast:d} of {eligible:d} "
                    "voting: {yes:d} yes, {no:d} no and {spoiled:d} spoiled:"))
def ratify(books: Books, on: str, cast: int, eligible: int, yes: int, no: int, spoiled: int,
           datatable: list[list[str]]) -> None:
    vote = Vote(day(on), Tally(eligible=eligible, cast=cast, yes=yes, no=no, spoiled=spoiled))
    books.app.budgets.ratify_goals(books.record, ranking=[books.goals[r["goal"]]
                                                         for r in rows(datatable)],
                                   vote=vote, actor=TREASURER)


@then(parsers.re(r"(?:read on (?P<on>[\d-]+), )?the goals in force read, by rank:"))
def goals_read(books: Books, on: str | None, datatable: list[list[str]]) -> None:
    goals = books.app.budgets.goals(books.record, on=None if on is None else day(on))
    assert [[str(g.rank), g.title, g.life()] for g in goals.ranked()] == datatable[1:]


@when(parsers.parse('the members amend "{goal}" to read "{title}" by a vote on {on}'))
def amend(books: Books, goal: str, title: str, on: str) -> None:
    books.app.budgets.amend_goal(books.record, books.goals[goal], title=title,
                                 vote=members(day(on)), actor=TREASURER)


@when(parsers.parse('the members retire "{goal}" by a vote on {on}'))
def retire(books: Books, goal: str, on: str) -> None:
    books.app.budgets.retire_goal(books.record, books.goals[goal], vote=members(day(on)),
                                  actor=TREASURER, reason="won: the province withdrew the bill")


# ---------------------------------------------------------------- budgets


@given(parsers.re(r'the delegates\' "(?P<name>[^"]+)" from (?P<starts>[\d-]+) to '
                  r'(?P<ends>[\d-]+), approved by the delegates on (?P<on>[\d-]+)'
                  r'(?P<spent> and spent as allocated)?:'))
def a_budget(books: Books, name: str, starts: str, ends: str, on: str, spent: str | None,
             datatable: list[list[str]]) -> None:
    budgets = books.app.budgets
    budget = budgets.open_budget(name=name, goals=books.record, body=Body.delegates(),
                                 currency="CAD", starts=day(starts), ends=day(ends),
                                 actor=TREASURER)
    books.budgets[name] = budget
    lines = rows(datatable)
    for row in lines:
        budgets.add_line(budget, name=row["line"], category=row["category"],
                         goals=books.by_rank(row["goals by rank"]), actor=TREASURER)
    budgets.approve_allocations(budget, {r["line"]: cad(r["allocated"]) for r in lines},
                                vote=delegates(day(on)), actor=TREASURER)
    if spent:
        for row in lines:
            budgets.record_spending(budget, line=row["line"], amount=cad(row["allocated"]),
                                    on=day(ends), payee="staff", source="audited statements",
                                    actor=TREASURER)


@when(parsers.parse('the delegates vote on {on} to move {amount} from "{source}" to "{target}" '
                    'of the "{name}"'))
def moved(books: Books, on: str, amount: str, source: str, target: str, name: str) -> None:
    books.app.budgets.reallocate(books.budgets[name], from_line=source, to_line=target,
                                 amount=cad(amount), vote=delegates(day(on)), actor=TREASURER,
                                 reason="more locals are bargaining this year")


@when(parsers.parse('spending on the "{name}" is recorded:'))
def spending(books: Books, name: str, datatable: list[list[str]]) -> None:
    for row in rows(datatable):
        flags = books.app.budgets.record_spending(
            books.budgets[name], line=row["line"], amount=cad(row["amount"]), on=day(row["on"]),
            payee=row["payee"], source=f"ledger {row['on']}", actor=TREASURER)
        books.flags.setdefault(row["line"], []).extend(f.why for f in flags)


# ------------------------------------------------------- attempts refused


@when(parsers.re(r'(?P<amount>[-\d.,]+) (?P<currency>[A-Z]{3}) is recorded as spent on '
                 r'"(?P<line>[^"]+)" of the "(?P<name>[^"]+)"'))
def spend_attempt(books: Books, amount: str, currency: str, line: str, name: str) -> None:
    books.attempt(lambda: books.app.budgets.record_spending(
        books.budgets[name], line=line, amount=Money(amount.replace(",", ""), currency),
        on=date(2025, 3, 1), payee="vendor", source="invoice 17", actor=TREASURER))


@when(parsers.re(r'the (?P<who>members|delegates) vote (?P<down>down allocating|to allocate) '
                 r'(?P<amount>[\d.,]+) to "(?P<line>[^"]+)" of the "(?P<name>[^"]+)"'))
def allocate_attempt(books: Books, who: str, down: str, amount: str, line: str,
                     name: str) -> None:
    on = date(2025, 2, 1)
    vote = (Vote(on, Tally(eligible=4000, cast=2000, yes=1500, no=500)) if who == "members"
            else delegates(on, carried=down == "to allocate"))
    books.attempt(lambda: books.app.budgets.approve_allocations(
        books.budgets[name], {line: cad(amount)}, vote=vote, actor=TREASURER))


@when(parsers.parse('the delegates count {cast:d} ballots, {yes:d} yes and {no:d} no, to '
                    'allocate {amount} to "{line}" of the "{name}"'))
def miscounted(books: Books, cast: int, yes: int, no: int, amount: str, line: str,
               name: str) -> None:
    books.attempt(lambda: books.app.budgets.approve_allocations(
        books.budgets[name], {line: cad(amount)}, actor=TREASURER, vote=Vote(
            date(2025, 2, 1), Tally(eligible=300, cast=cast, yes=yes, no=no),
            body=Body.delegates())))


@when(parsers.re(r'a line "(?P<line>[^"]+)" serving (?:a goal that does not exist|'
                 r'"(?P<goal>[^"]+)") is added to the "(?P<name>[^"]+)"'))
def line_attempt(books: Books, line: str, goal: str | None, name: str) -> None:
    served = UUID(int=7) if goal is None else books.goals[goal]
    books.attempt(lambda: books.app.budgets.add_line(
        books.budgets[name], name=line, category="rapid response", goals=[served],
        actor=TREASURER))


@when(parsers.parse('the delegates vote to move {amount} from "{source}" to "{target}" of the '
                    '"{name}"'))
def move_attempt(books: Books, amount: str, source: str, target: str, name: str) -> None:
    books.attempt(lambda: moved(books, "2025-06-14", amount, source, target, name))


@then(parsers.parse('it is refused: "{message}"'))
def refused(books: Books, message: str) -> None:
    assert message in str(books.refusal())


@then("nothing new is recorded")
def nothing_new(books: Books) -> None:
    books.nothing_recorded()


# ---------------------------------------------------------------- reports


@then(parsers.parse('the spending on "{line}" is recorded and flagged: "{why}"'))
def flagged(books: Books, line: str, why: str) -> None:
    assert any(why in text for text in books.flags[line]), books.flags[line]
    budget = books.budgets["2025 budget"]
    entries = [e for e in books.app.history.of(budget)
               if e.event == "Spent" and e.data["line"] == line]
    assert entries and entries[-1].data["flags"], "the spending was not recorded with its flag"
    assert "flagged:" in entries[-1].summary


@then(parsers.parse('the "{name}" reads, per line:'))
def per_line(books: Books, name: str, datatable: list[list[str]]) -> None:
    report = books.app.budgets.report(books.budgets[name])
    read = [[f.name, f"{f.allocated:,}", f"{f.spent:,}", "yes" if f.overspent else "no"]
            for f in report.lines]
    assert read == datatable[1:]
    flagged_lines = {f.name for f in report.lines
                     if any(flag.rule is FlagRule.LINE_OVERSPENT for flag in f.flags)}
    assert flagged_lines == {r[0] for r in datatable[1:] if r[3] == "yes"}


@then(parsers.re(r'the "(?P<name>[^"]+)" reads, per goal, .+:'))
def per_goal(books: Books, name: str, datatable: list[list[str]]) -> None:
    report = books.app.budgets.report(books.budgets[name])
    read = [[str(g.rank), g.title, f"{g.allocated:,}", f"{g.spent:,}"] for g in report.goals]
    assert read == datatable[1:]
    assert sum(g.spent for g in report.goals) == report.spent
    assert sum(g.allocated for g in report.goals) == report.allocated


@then(parsers.parse('read on {on}, before the reallocation, "{line}" had {amount} allocated '
                    'and nothing spent'))
def read_on(books: Books, on: str, line: str, amount: str) -> None:
    figures = books.app.budgets.report(books.budgets["2025 budget"], on=day(on)).line(line)
    assert (figures.allocated, figures.spent) == (money(amount), Decimal(0))


@then("the shares of spending read, period over period:")
def shares(books: Books, datatable: list[list[str]]) -> None:
    periods = books.app.budgets.compare(list(books.budgets.values()))
    read = [[p.name, percent_text(p.shares.frontline_percent),
             percent_text(p.shares.governance_percent)] for p in periods]
    assert read == datatable[1:]


@then(parsers.parse('members read: "{text}"'))
def members_read(books: Books, text: str) -> None:
    assert text in books.app.budgets.compare_summary(list(books.budgets.values())).splitlines()
