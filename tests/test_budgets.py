"""Budgets tied to the members' goals: exact money, decisions that need their vote, spending
as facts with flags, reports per line and goal, readings on a day and at a moment; on memory,
SQLite and PostgreSQL where the store matters."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, date, datetime
from decimal import Decimal
from fractions import Fraction
from typing import Any
from uuid import UUID

import pytest
from eventsourcing.application import Repository

from bargaining import (
    Actor,
    BargainingApp,
    BargainingError,
    Body,
    Break,
    BudgetCategory,
    FlagRule,
    GoalNotFound,
    InvalidInput,
    LineNotFound,
    Money,
    PayeeKind,
    RecordNotFound,
    RuleViolation,
    Tally,
    Vote,
    WrongCurrency,
)
from bargaining.domain.budgets.money import split
from bargaining.presentation.budget_reports import percent_text
from tests.budget_story import (
    DELEGATES,
    MEMBER,
    TREASURER,
    delegates_vote,
    members_vote,
    record_budget_story,
)
from tests.tampering import Tamperer


def position(app: BargainingApp) -> int:
    return app.eventsourcing.recorder.max_notification_id() or 0


def refused(app: BargainingApp, command: Callable[[], object], error: type[BargainingError],
            words: str) -> None:
    """The command is refused in these words, and nothing is recorded."""
    before = position(app)
    with pytest.raises(error, match=words):
        command()
    assert position(app) == before


# ------------------------------------------------------------------ money


@pytest.mark.parametrize(("given", "currency", "kept"), [
    ("12500", "CAD", "12500.00"), (12500, "CAD", "12500.00"), (Decimal("0.1"), "USD", "0.10"),
    ("1250.4", "EUR", "1250.40"), ("5000", "JPY", "5000"), ("1.5", "KWD", "1.500"),
    (" 7.25 ", "CAD", "7.25"),
])
def test_money_is_kept_exactly_at_its_currencys_minor_units(given: Any, currency: str,
                                                            kept: str) -> None:
    money = Money(given, currency)
    assert money.amount == Decimal(kept) and str(money.amount) == kept


@pytest.mark.parametrize(("given", "currency", "words"), [
    (0.1, "CAD", "money is exact: give the amount as a Decimal or as text"),
    ("10.005", "CAD", "cannot have been paid: CAD's smallest amount is 0.01"),
    ("10.5", "JPY", "JPY's smallest amount is a whole unit"),
    ("ten", "CAD", "is a number such as"),
    ("NaN", "CAD", "a finite number"),
    (True, "CAD", "a Decimal, a whole number or text"),
    ("10", "cad", "ISO 4217 code, three capital letters"),
    ("10", "CA", "ISO 4217 code"),
    ("1E+40", "CAD", "too large to keep exactly"),
])
def test_money_that_cannot_be_true_is_refused(given: Any, currency: str, words: str) -> None:
    with pytest.raises(InvalidInput, match=words):
        Money(given, currency)


def test_an_amount_splits_among_goals_exactly_to_the_cent() -> None:
    thirds = split(Decimal("100.00"), (Fraction(1),) * 3, "CAD")
    assert thirds == (Decimal("33.34"), Decimal("33.33"), Decimal("33.33"))
    stated = split(Decimal("1000.01"), (Fraction(60), Fraction(40)), "CAD")
    assert stated == (Decimal("600.01"), Decimal("400.00")) and sum(stated) == Decimal("1000.01")
    assert split(Decimal("10"), (Fraction(1),) * 3, "JPY") == (Decimal(4), Decimal(3), Decimal(3))


def test_percentages_are_rounded_one_way_to_one_decimal_half_up() -> None:
    assert [percent_text(Fraction(n, d)) for n, d in [(18, 1), (125, 10), (1, 3), (5, 8),
                                                       (0, 1), (2, 3)]] == [
        "18%", "12.5%", "0.3%", "0.6%", "0%", "0.7%"]


# -------------------------------------------------------------- the stores


def test_money_round_trips_exactly_on_every_store_encrypted(
        open_app: Callable[..., BargainingApp], store_kind: str) -> None:
    key = BargainingApp.create_cipher_key()
    app = open_app(cipher_key=key)
    story = record_budget_story(app)
    app.budgets.record_spending(story.budget, line="Convention", amount=Money("0.01", "CAD"),
                                on=date(2025, 7, 1), payee="vendor", source="receipt 1",
                                actor=TREASURER)
    reopened = app if store_kind == "memory" else open_app(cipher_key=key)
    budget = reopened.budgets.budget(story.budget)
    assert budget.allocated == {"Worksite organizers": Decimal("350000.00"),
                                "Convention": Decimal("150000.00")}
    spent = [getattr(e, "amount") for e in reopened.eventsourcing.events.get(story.budget)  # noqa: B009
             if type(e).__name__ == "Spent"]
    assert [str(amount) for amount in spent] == ["360000.00", "0.01"]
    assert all(type(amount) is Decimal for amount in spent)
    assert budget.spent["Convention"] == Decimal("0.01")
    stored = app.eventsourcing.recorder.select_notifications(start=1, limit=1000)
    assert stored and not any(b"360000" in n.state for n in stored)  # encrypted at rest
    assert reopened.integrity.verify().intact


def test_a_story_loads_from_its_snapshots_as_it_replays(app: BargainingApp) -> None:
    story = record_budget_story(app)
    events = app.eventsourcing
    for record in (story.goals, story.budget):
        events.take_snapshot(record)
        snapshotted: Any = events.repository.get(record)
        replayed: Any = Repository(events.events).get(record)  # every event replayed
        assert vars(snapshotted) == vars(replayed)
    assert app.budgets.report(story.budget).spent == Decimal("360000.00")


def test_every_budget_event_shows_in_history_with_who_why_and_its_day(
        app: BargainingApp) -> None:
    story = record_budget_story(app)
    entries = app.history.of(story.budget)
    assert [e.event for e in entries] == ["Opened", "LineAdded", "LineAdded",
                                          "AllocationsApproved", "Reallocated", "Spent"]
    assert [e.occurred_on for e in entries] == [None, None, None, date(2024, 12, 7),
                                                date(2025, 6, 14), date(2025, 11, 30)]
    assert entries[4].reason == "fewer delegates' days"
    assert entries[5].summary == (
        "360,000.00 spent from 'Worksite organizers' of '2025 budget' on 2025-11-30 (staff), "
        "recorded by the secretary-treasurer; flagged: spent past the budget line's "
        "allocation")
    assert entries[5].data["amount"] == "360000.00"
    goals = app.history.of(story.goals)
    assert [e.event for e in goals] == ["Opened", "GoalProposed", "GoalProposed",
                                        "GoalProposed", "GoalsRatified", "GoalAmended",
                                        "GoalRetired"]
    assert goals[1].actor_role == "member" and goals[1].occurred_on == date(2024, 10, 5)
    assert goals[-1].reason == "folded into the staffing goal"
    assert app.integrity.verify().intact


# ------------------------------------------------------------------ goals


def test_a_goals_life_ranked_amended_and_retired(memory_app: BargainingApp) -> None:
    app = memory_app
    story = record_budget_story(app)
    goals = app.budgets.goals(story.goals)
    assert [(g.rank, g.title) for g in goals.ranked()] == [
        (1, "Organize long-term care"), (2, "Win safe staffing ratios in law")]
    retired = goals.goal(story.goal_ids[2])
    assert (retired.status, retired.rank) == ("retired", None)
    assert retired.life() == "proposed 2024-10-05; ratified 2024-11-02; retired 2025-03-01"
    assert goals.goal(story.goal_ids[1]).amended_on == (date(2025, 3, 1),)
    then = app.budgets.goals(story.goals, on=date(2025, 2, 28))
    assert then.goal(story.goal_ids[1]).title == "Win safe staffing"
    assert [g.status for g in then.goals.values()] == ["ratified"] * 3


def test_what_the_goals_refuse_records_nothing(memory_app: BargainingApp) -> None:
    app = memory_app
    story = record_budget_story(app)
    goals, (first, second, retired) = story.goals, story.goal_ids
    vote = members_vote(date(2025, 4, 1))
    refused(app, lambda: app.budgets.ratify_goals(goals, ranking=[first], vote=vote,
                                                  actor=TREASURER),
            RuleViolation, "leaves out goals in force")
    refused(app, lambda: app.budgets.ratify_goals(goals, ranking=[first, second, retired],
                                                  vote=vote, actor=TREASURER),
            RuleViolation, "was retired on 2025-03-01: it cannot be ranked")
    refused(app, lambda: app.budgets.ratify_goals(goals, ranking=[first, first], vote=vote,
                                                  actor=TREASURER),
            InvalidInput, "each goal once")
    refused(app, lambda: app.budgets.ratify_goals(goals, ranking=[second, first],
                                                  vote=delegates_vote(date(2025, 4, 1)),
                                                  actor=TREASURER),
            RuleViolation, "decided by a vote of the members, which holds the power")
    lost = Vote(date(2025, 4, 1), Tally(eligible=100, cast=90, yes=40, no=50))
    refused(app, lambda: app.budgets.amend_goal(goals, first, title="Organize", vote=lost,
                                                actor=TREASURER),
            RuleViolation, "needs a carried vote of the members; this one failed")
    refused(app, lambda: app.budgets.retire_goal(goals, retired, vote=vote, actor=TREASURER),
            RuleViolation, "is retired: only a goal in force can be retired")
    refused(app, lambda: app.budgets.retire_goal(goals, UUID(int=3), vote=vote,
                                                 actor=TREASURER),
            GoalNotFound, "hold no goal")
    refused(app, lambda: app.budgets.propose_goal(goals, title="  ", on=date(2025, 1, 1),
                                                  actor=MEMBER),
            InvalidInput, "needs its words")
    refused(app, lambda: app.budgets.propose_goal(goals, title="Win", on=datetime.now(UTC),
                                                  actor=MEMBER),
            InvalidInput, "must be a date, not a date and time")
    with pytest.raises(RuleViolation, match="does not add up"):
        Vote(date(2025, 1, 1), Tally(eligible=100, cast=90, yes=40, no=40))


# ---------------------------------------------------------------- budgets


def test_what_a_budget_refuses_records_nothing(memory_app: BargainingApp) -> None:
    app = memory_app
    story = record_budget_story(app)
    budget, retired = story.budget, story.goal_ids[2]
    carried = delegates_vote(date(2025, 8, 1))

    def spend(**given: Any) -> Callable[[], object]:
        args: dict[str, Any] = {"line": "Convention", "amount": Money("10", "CAD"),
                                "on": date(2025, 8, 1), "payee": PayeeKind.VENDOR,
                                "source": "invoice 3", "actor": TREASURER, **given}
        return lambda: app.budgets.record_spending(budget, **args)

    refused(app, spend(amount=Money("10", "USD")), WrongCurrency, "is in USD")
    refused(app, spend(amount=Money("0", "CAD")), InvalidInput, "more than zero")
    refused(app, spend(amount=Decimal("10.00")), InvalidInput, "is Money, with its currency")
    refused(app, spend(line="Strike fund"), LineNotFound, "has no line 'Strike fund'")
    refused(app, spend(payee="Jane Doe"), InvalidInput, "a payee kind is one of staff, vendor")
    refused(app, spend(source=""), InvalidInput, "needs its source")
    refused(app, spend(actor=None), BargainingError, "must name an actor")
    refused(app, lambda: app.budgets.approve_allocations(
        budget, {"Convention": Money("-5", "CAD")}, vote=carried, actor=TREASURER),
            InvalidInput, "more than zero")
    refused(app, lambda: app.budgets.approve_allocations(budget, {}, vote=carried,
                                                         actor=TREASURER),
            InvalidInput, "mapping of line names to Money")
    refused(app, lambda: app.budgets.reallocate(
        budget, from_line="Convention", to_line="Convention", amount=Money("5", "CAD"),
        vote=carried, actor=TREASURER), InvalidInput, "two different lines")
    refused(app, lambda: app.budgets.reallocate(
        budget, from_line="Convention", to_line="Worksite organizers",
        amount=Money("150000.01", "CAD"), vote=carried, actor=TREASURER),
            RuleViolation,
            "has 150,000.00 CAD allocated on 2025-08-01: 150,000.01 CAD cannot be moved")
    refused(app, lambda: app.budgets.add_line(
        budget, name="Convention", category="training", goals=story.goal_ids[:1],
        actor=TREASURER), RuleViolation, "already has a line 'Convention'")
    refused(app, lambda: app.budgets.add_line(
        budget, name="Old plan", category="training", goals=[retired], actor=TREASURER),
            RuleViolation, "is retired: a line serves goals the members ratified")
    refused(app, lambda: app.budgets.add_line(
        budget, name="Split", category="training",
        goals={story.goal_ids[0]: 60, story.goal_ids[1]: 30}, actor=TREASURER),
            InvalidInput, "add up to 100%, not 90%")
    refused(app, lambda: app.budgets.add_line(
        budget, name="Lunch", category="catering", goals=story.goal_ids[:1], actor=TREASURER),
            InvalidInput, "a budget category is one of organizing capacity")
    refused(app, lambda: app.budgets.open_budget(
        name="2026", goals=story.goals, body=DELEGATES, currency="CAD",
        starts=date(2026, 12, 31), ends=date(2026, 1, 1), actor=TREASURER),
            InvalidInput, r"cannot end \(2026-01-01\) before it starts \(2026-12-31\)")
    refused(app, lambda: app.budgets.open_budget(
        name="2026", goals=budget, body=DELEGATES, currency="CAD", starts=date(2026, 1, 1),
        ends=date(2026, 12, 31), actor=TREASURER), RecordNotFound, "is not a record of")
    with pytest.raises(RecordNotFound, match="no budget is recorded"):
        app.budgets.report(UUID(int=5))


def test_a_line_serving_goals_by_stated_shares_attributes_its_money_by_them(
        memory_app: BargainingApp) -> None:
    app = memory_app
    story = record_budget_story(app)
    report = app.budgets.report(story.budget)
    first, second = story.goal_ids[:2]
    # organizers (350,000 allocated, 360,000 spent) evenly; convention (150,000) 25/75
    assert (report.goal(first).allocated, report.goal(first).spent) == (
        Decimal("212500.00"), Decimal("180000.00"))
    assert (report.goal(second).allocated, report.goal(second).spent) == (
        Decimal("287500.00"), Decimal("180000.00"))
    assert [g.goal_id for g in report.goals] == [first, second]  # the retired one serves none


def test_an_overspent_line_is_flagged_as_read_and_cleared_by_a_reallocation(
        memory_app: BargainingApp) -> None:
    app = memory_app
    story = record_budget_story(app)
    line = app.budgets.report(story.budget).line("Worksite organizers")
    assert line.overspent and line.remaining == Decimal("-10000.00")
    assert [f.rule for f in line.flags] == [FlagRule.LINE_OVERSPENT]
    app.budgets.reallocate(story.budget, from_line="Convention", to_line="Worksite organizers",
                           amount=Money("10000", "CAD"), vote=delegates_vote(date(2025, 12, 6)),
                           actor=TREASURER, reason="cover the organizers")
    line = app.budgets.report(story.budget).line("Worksite organizers")
    assert not line.overspent and line.flags == ()
    spent = next(e for e in app.history.of(story.budget) if e.event == "Spent")
    assert [f["rule"] for f in spent.data["flags"]] == [FlagRule.LINE_OVERSPENT.value]  # kept


def test_a_report_reads_as_known_at_a_moment_and_as_it_was_on_a_day(
        app: BargainingApp) -> None:
    story = record_budget_story(app)
    time.sleep(0.002)
    before = datetime.now(UTC)
    time.sleep(0.002)
    app.budgets.record_spending(story.budget, line="Convention", amount=Money("9000", "CAD"),
                                on=date(2025, 5, 2), payee=PayeeKind.VENDOR,
                                source="hall rental", actor=TREASURER, reason="back-filled")
    assert app.budgets.report(story.budget).spent == Decimal("369000.00")
    assert app.budgets.report(story.budget, at=before).spent == Decimal("360000.00")
    on_june = app.budgets.report(story.budget, on=date(2025, 6, 1))
    assert (on_june.spent, on_june.line("Convention").allocated) == (
        Decimal("9000.00"), Decimal("200000.00"))
    assert app.budgets.report(story.budget, on=date(2024, 12, 1)).allocated == 0
    with pytest.raises(InvalidInput, match="one"):
        app.budgets.report(story.budget, on=date(2025, 1, 1), at=before)


def test_the_summary_members_read(memory_app: BargainingApp) -> None:
    app = memory_app
    story = record_budget_story(app)
    app.budgets.record_spending(story.budget, line="Convention", amount=Money("40000", "CAD"),
                                on=date(2026, 1, 15), payee=PayeeKind.VENDOR,
                                source="late invoice", actor=TREASURER)
    assert app.budgets.summary(story.budget).splitlines() == [
        "2025 budget (2025-01-01 to 2025-12-31): 500,000.00 CAD allocated, 400,000.00 CAD "
        "spent.",
        "Organizing and frontline engagement: 360,000.00 CAD, 90% of spending; governance and "
        "internal politics: 40,000.00 CAD, 10%.",
        "Lines:",
        "- Worksite organizers (organizing capacity): 360,000.00 CAD spent of 350,000.00 CAD "
        "allocated, 10,000.00 CAD over: flagged",
        "- Convention (governance and internal politics): 40,000.00 CAD spent of 150,000.00 "
        "CAD allocated; 1 spending entry outside the period: flagged",
        "Goals, by rank:",
        "1. Organize long-term care: 190,000.00 CAD spent of 212,500.00 CAD allocated",
        "2. Win safe staffing ratios in law: 210,000.00 CAD spent of 287,500.00 CAD allocated",
    ]


def test_periods_compare_in_the_order_of_their_periods(memory_app: BargainingApp) -> None:
    app = memory_app
    story = record_budget_story(app)
    earlier = app.budgets.open_budget(name="2024 budget", goals=story.goals, body=DELEGATES,
                                      currency="CAD", starts=date(2024, 1, 1),
                                      ends=date(2024, 12, 31), actor=TREASURER)
    app.budgets.add_line(earlier, name="Convention", category=BudgetCategory.GOVERNANCE,
                         goals=story.goal_ids[:1], actor=TREASURER)
    periods = app.budgets.compare([story.budget, earlier])
    assert [p.name for p in periods] == ["2024 budget", "2025 budget"]
    assert periods[0].shares.frontline_percent == 0  # nothing spent: no share, no error
    assert app.budgets.compare_summary([story.budget, earlier]).splitlines()[0] == (
        "Share of spending on organizing and frontline engagement: 0% in 2024 budget, 100% in "
        "2025 budget (up 100 points).")
    with pytest.raises(InvalidInput, match="a list of budgets"):
        app.budgets.compare(story.budget)  # type: ignore[arg-type]


def test_a_members_goals_body_and_the_budgets_body_are_their_own(
        memory_app: BargainingApp) -> None:
    app = memory_app
    convention = Body.named("Convention")
    goals = app.budgets.open_goals(name="Goals", body=convention, actor=TREASURER)
    goal = app.budgets.propose_goal(goals, title="Organize", on=date(2025, 1, 4),
                                    actor=Actor("m-1", "member"))
    held = Vote(date(2025, 5, 3), Tally(eligible=900, cast=800, yes=700, no=100),
                body=Body.named("Convention"))
    app.budgets.ratify_goals(goals, ranking=[goal], vote=held, actor=TREASURER)
    assert app.budgets.goals(goals).goal(goal).ratified_on == date(2025, 5, 3)
    with pytest.raises(InvalidInput, match="as a Body"):
        app.budgets.open_goals(name="Goals", body="members", actor=TREASURER)  # type: ignore[arg-type]


def test_the_chain_covers_budget_events_an_amount_changed_in_the_store_is_found(
        app: BargainingApp) -> None:
    record_budget_story(app)
    assert app.integrity.verify().intact
    last = position(app)
    row = Tamperer(app).stored(last)
    assert row[2].endswith("Budget.Spent") and b"360000.00" in row[3]
    Tamperer(app).replace(last, "state", row[3].replace(b"360000.00", b"36000.00"))
    found = app.integrity.verify()
    assert not found.intact and found.kind is Break.CHANGED and found.broken_at == last


def test_a_report_read_on_a_day_before_a_goal_was_proposed_names_it_so(
        memory_app: BargainingApp) -> None:
    """Budget history filled in later: an allocation voted before the goal's proposal was
    recorded counts on its day; the goal, on that day, was not yet proposed."""
    app = memory_app
    goals = app.budgets.open_goals(name="Goals", actor=TREASURER)
    goal = app.budgets.propose_goal(goals, title="Organize", on=date(2024, 10, 5), actor=MEMBER)
    app.budgets.ratify_goals(goals, ranking=[goal], vote=members_vote(date(2024, 11, 2)),
                             actor=TREASURER)
    budget = app.budgets.open_budget(name="2024", goals=goals, body=DELEGATES, currency="CAD",
                                     starts=date(2024, 1, 1), ends=date(2024, 12, 31),
                                     actor=TREASURER)
    app.budgets.add_line(budget, name="Organizers", category="organizing capacity",
                         goals=[goal], actor=TREASURER)
    app.budgets.approve_allocations(budget, {"Organizers": Money("1000", "CAD")},
                                    vote=delegates_vote(date(2024, 1, 10)), actor=TREASURER)
    then = app.budgets.report(budget, on=date(2024, 3, 1))
    assert then.allocated == Decimal("1000.00")
    assert (then.goals[0].status, then.goals[0].rank) == ("not yet proposed", None)
    assert app.budgets.report(budget).goals[0].status == "ratified"


def test_no_line_is_left_below_zero_on_any_day_by_a_back_filled_reallocation(
        memory_app: BargainingApp) -> None:
    """Convention: 200,000 voted on 2024-12-07, 50,000 moved out on 2025-06-14. A vote of
    2024-12-01 cannot move what was allocated six days later; one of 2025-03-01 may move
    150,000 that day, but the move of June would then overdraw the line."""
    app = memory_app
    story = record_budget_story(app)

    def move(amount: str, on: date) -> Callable[[], object]:
        return lambda: app.budgets.reallocate(
            story.budget, from_line="Convention", to_line="Worksite organizers",
            amount=Money(amount, "CAD"), vote=delegates_vote(on), actor=TREASURER)

    refused(app, move("1", date(2024, 12, 1)), RuleViolation,
            "has 0.00 CAD allocated on 2024-12-01: 1.00 CAD cannot be moved")
    refused(app, move("150000.01", date(2025, 3, 1)), RuleViolation,
            "by the vote of 2025-03-01 would leave it 0.01 CAD short on 2025-06-14")
    move("100000", date(2025, 3, 1))()
    march = app.budgets.report(story.budget, on=date(2025, 3, 1)).line("Convention")
    assert march.allocated == Decimal("100000.00")
    assert app.budgets.report(story.budget).line("Convention").allocated == Decimal("50000.00")


def test_a_goals_act_dated_before_its_last_act_cannot_be_true(memory_app: BargainingApp) -> None:
    app = memory_app
    story = record_budget_story(app)
    goals, first = story.goals, story.goal_ids[0]
    late = app.budgets.propose_goal(goals, title="Bargain together", on=date(2025, 5, 1),
                                    actor=MEMBER)
    refused(app, lambda: app.budgets.ratify_goals(
        goals, ranking=[first, story.goal_ids[1], late], vote=members_vote(date(2025, 4, 30)),
        actor=TREASURER), RuleViolation,
        "cannot be ratified by a vote of 2025-04-30: its life so far reads proposed 2025-05-01")
    refused(app, lambda: app.budgets.amend_goal(
        goals, story.goal_ids[1], title="Staffing", vote=members_vote(date(2025, 2, 1)),
        actor=TREASURER), RuleViolation, "amended 2025-03-01")
    refused(app, lambda: app.budgets.retire_goal(goals, first,
                                                 vote=members_vote(date(2024, 11, 1)),
                                                 actor=TREASURER),
            RuleViolation, "cannot be retired by a vote of 2024-11-01")


def test_the_audit_log_reads_budgets_and_goals_by_kind(app: BargainingApp) -> None:
    story = record_budget_story(app)
    budget = [e.event for e in app.history.audit_log(kind="Budget")]
    goals = [e.event for e in app.history.audit_log(kind="MembersGoals")]
    assert budget == ["Opened", "LineAdded", "LineAdded", "AllocationsApproved", "Reallocated",
                      "Spent"]
    assert goals[0] == "Opened" and goals.count("GoalProposed") == 3 and len(goals) == 7
    assert {e.aggregate_id for e in app.history.audit_log(kind="Budget")} == {story.budget}
