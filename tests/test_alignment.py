"""The alignment planner, a pure function of dates: the term, bridge agreement or nothing that
brings a unit onto the cluster's target expiry, in words an organizer reads."""

from __future__ import annotations

from datetime import date
from uuid import uuid4

import pytest

from bargaining import InvalidInput, PlanKind, plan_alignment
from bargaining.domain.coordination.alignment import Period, align_member, describe_length

TARGET = date(2028, 4, 30)


def test_a_unit_expiring_2026_03_31_is_proposed_the_term_that_lands_on_2028_04_30() -> None:
    plan = plan_alignment(date(2026, 3, 31), TARGET)
    assert plan is not None and plan.kind is PlanKind.TERM
    assert plan.agreements == (Period(date(2026, 4, 1), TARGET),)
    assert plan.explanation == ("a term of 2 years and 1 month, from 2026-04-01 to 2028-04-30, "
                                "lands on the target")


def test_a_unit_already_on_the_target_needs_nothing() -> None:
    assert plan_alignment(TARGET, TARGET) is None
    member = align_member(uuid4(), "Ford", TARGET, TARGET)
    assert member.aligned and member.plan is None
    assert member.explain() == "Ford: expires 2028-04-30, on the target 2028-04-30"


def test_a_gap_shorter_than_a_year_is_bridged() -> None:
    plan = plan_alignment(date(2027, 12, 31), TARGET)
    assert plan is not None and plan.kind is PlanKind.BRIDGE
    assert plan.agreements == (Period(date(2028, 1, 1), TARGET),)
    assert plan.explanation.startswith("a bridge agreement of 4 months, from 2028-01-01")


def test_a_gap_longer_than_five_years_is_a_bridge_then_a_full_term() -> None:
    plan = plan_alignment(date(2021, 12, 31), TARGET)
    assert plan is not None and plan.kind is PlanKind.BRIDGE
    assert plan.agreements == (Period(date(2022, 1, 1), date(2023, 4, 30)),
                               Period(date(2023, 5, 1), TARGET))
    assert "then a term of 5 years, from 2023-05-01 to 2028-04-30" in plan.explanation
    assert plan_alignment(date(2023, 4, 30), TARGET).kind is PlanKind.TERM  # type: ignore[union-attr]


def test_an_agreement_running_past_the_target_cannot_land_on_it() -> None:
    plan = plan_alignment(date(2029, 3, 31), TARGET)
    assert plan is not None and plan.kind is PlanKind.PAST_TARGET and plan.agreements == ()
    assert "only by reopening its agreement" in plan.explanation


def test_a_unit_with_no_agreement_starts_on_a_given_day() -> None:
    with pytest.raises(InvalidInput, match="needs the day its next one would start"):
        plan_alignment(None, TARGET)
    plan = plan_alignment(None, TARGET, starting=date(2025, 5, 1))
    assert plan is not None and plan.agreements == (Period(date(2025, 5, 1), TARGET),)
    assert align_member(uuid4(), "New unit", None, TARGET).plan is None
    with pytest.raises(InvalidInput, match="shortest and longest"):
        plan_alignment(date(2026, 3, 31), TARGET, shortest=36, longest=24)
    with pytest.raises(InvalidInput, match="target alignment date"):
        plan_alignment(date(2026, 3, 31), "2028-04-30")  # type: ignore[arg-type]


def test_a_tentative_agreement_that_lands_needs_no_plan_and_one_that_misses_is_said() -> None:
    lands = align_member(uuid4(), "GM", date(2023, 9, 14), TARGET, tentative_expiry=TARGET)
    assert lands.tentative_lands and lands.plan is None and not lands.aligned
    misses = align_member(uuid4(), "GM", date(2023, 9, 14), TARGET,
                          tentative_expiry=date(2027, 9, 14))
    assert misses.tentative_lands is False and misses.plan is not None
    assert "its tentative agreement expires 2027-09-14 and misses it" in misses.explain()


def test_lengths_read_in_years_months_and_days() -> None:
    assert describe_length(date(2026, 4, 1), TARGET) == "2 years and 1 month"
    assert describe_length(date(2026, 1, 31), date(2026, 3, 2)) == "1 month and 3 days"
    # a month from the 29th of February is the 28th of February
    assert describe_length(date(2024, 2, 29), date(2025, 2, 27)) == "1 year"
    assert describe_length(date(2026, 1, 1), date(2026, 1, 1)) == "1 day"
