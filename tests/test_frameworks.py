"""Votes, demand frameworks and the evaluation of offers (pure domain, no store)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest

from bargaining import Actor, InvalidInput, MissingActor, Quorum, RuleViolation
from bargaining.domain.frameworks.evaluation import (
    Amount,
    Clause,
    Increases,
    Terms,
    Tiered,
    Verdict,
    Years,
    evaluate,
)
from bargaining.domain.frameworks.framework import (
    NO_TWO_TIER,
    Category,
    CompoundIncrease,
    Demand,
    DemandFramework,
    Protection,
    Quantity,
    TermLength,
    VersionStatus,
)
from bargaining.domain.shared.vote import Tally, Threshold, Vote

CHAIR = Actor("c-1", "committee chair")
WAGES = Demand("wages", Category.WAGES, CompoundIncrease(16.4, 21.5))
CARE = Demand("care hours", Category.STAFFING,
              Quantity("hours of direct care per resident per day", 4.0, 4.1))
CLASS = Demand("class size", Category.WORKLOAD, Quantity("students", 24, 20,
                                                         more_is_better=False))
NO_CONTRACTING = Demand("contracting out", Category.CONTRACTING_OUT,
                        Protection("no contracting out"))
TWO_TIER = Demand("two-tier", Category.JOB_SECURITY, Protection(NO_TWO_TIER))
TERM = Demand("term", Category.TERM, TermLength(5, 3))
DEMANDS = [WAGES, CARE, CLASS, NO_CONTRACTING, TWO_TIER, TERM]


def test_front_commun_2023_offer_is_below_the_purchasing_power_floor() -> None:
    result = evaluate("Front commun", 1, [WAGES], Terms.of(wages=Increases([2, 2, 1.5, 1.5, 2])))
    verdict = result.verdict_for("wages")
    assert verdict.verdict is Verdict.BELOW_FLOOR
    assert verdict.explanation == (
        "increases 2%, 2%, 1.5%, 1.5%, 2% compound to 9.3% over 5 years; floor 16.4%: "
        "7.1 points below floor; that is 1.8% a year")
    assert result.overall is Verdict.BELOW_FLOOR
    assert (result.framework, result.version) == ("Front commun", 1)


def test_increases_compound_over_the_term() -> None:
    assert Increases([2, 2, 1.5, 1.5, 2]).total().quantize(Decimal("0.001")) == Decimal("9.328")
    assert Increases([10, 10]).total() == Decimal("21.00")


@pytest.mark.parametrize(
    ("demand", "term", "verdict"),
    [
        (WAGES, Increases([4, 4, 4, 4]), Verdict.MEETS_FLOOR),
        (WAGES, Increases([5, 5, 5, 5]), Verdict.MEETS_TARGET),
        (CARE, Amount("4.1"), Verdict.MEETS_TARGET),
        (CARE, Amount("4.0"), Verdict.MEETS_FLOOR),
        (CARE, Amount("3.99"), Verdict.BELOW_FLOOR),
        (CLASS, Amount(20), Verdict.MEETS_TARGET),
        (CLASS, Amount(24), Verdict.MEETS_FLOOR),
        (CLASS, Amount(26), Verdict.BELOW_FLOOR),
        (NO_CONTRACTING, Clause(True), Verdict.MEETS_TARGET),
        (NO_CONTRACTING, Clause(False), Verdict.BELOW_FLOOR),
        (TERM, Years(3), Verdict.MEETS_TARGET),
        (TERM, Years(5), Verdict.MEETS_FLOOR),
        (TERM, Years(6), Verdict.BELOW_FLOOR),
    ],
)
def test_each_kind_of_measure(demand: Demand, term: object, verdict: Verdict) -> None:
    result = evaluate("F", 2, [demand], Terms({demand.key: term}))  # type: ignore[dict-item]
    assert result.verdict_for(demand.key).verdict is verdict


def test_less_is_better_explains_in_its_own_direction() -> None:
    result = evaluate("F", 1, [CLASS], Terms.of(**{"class size": Amount(27)}))
    assert result.verdict_for("class size").explanation == (
        "27 students; floor 24 students: 3 students above floor")


def test_missing_demands_are_named() -> None:
    result = evaluate("F", 1, DEMANDS, Terms.of(wages=Increases([6, 6, 6])))
    assert result.verdict_for("care hours").verdict is Verdict.MISSING
    assert result.verdict_for("two-tier").verdict is Verdict.MEETS_TARGET
    assert result.overall is Verdict.MISSING


def test_two_tier_offer_is_a_concession_whatever_its_numbers() -> None:
    tiered = Tiered(Increases([8, 8, 8]), date(2024, 1, 1), Increases([6, 6, 6]))
    result = evaluate("F", 1, [WAGES, TWO_TIER], Terms.of(wages=tiered))
    assert result.verdict_for("wages").verdict is Verdict.BELOW_FLOOR
    assert "two-tier: workers hired from 2024-01-01 get less" in (
        result.verdict_for("wages").explanation)
    assert result.verdict_for("two-tier").verdict is Verdict.BELOW_FLOOR
    assert result.verdict_for("two-tier").explanation == "two-tier terms on wages: a concession"
    without_rule = evaluate("F", 1, [WAGES], Terms.of(wages=tiered))
    assert without_rule.verdict_for("wages").verdict is Verdict.MEETS_FLOOR


def test_tiers_that_favour_new_hires_are_not_two_tier() -> None:
    tiered = Tiered(Increases([6, 6, 6]), date(2024, 1, 1), Increases([7, 7, 7]))
    result = evaluate("F", 1, [WAGES, TWO_TIER], Terms.of(wages=tiered))
    assert result.verdict_for("two-tier").verdict is Verdict.MEETS_TARGET


@pytest.mark.parametrize(
    ("make", "error", "words"),
    [
        (lambda: CompoundIncrease(16.4, 10), RuleViolation, "target 10 sits below its floor"),
        (lambda: Demand("x", Category.WAGES, CompoundIncrease(16.4, 10)), RuleViolation,
         "target 10 sits below its floor 16.4"),
        (lambda: Demand("c", Category.WORKLOAD, Quantity("students", 24, 26,
                                                         more_is_better=False)),
         RuleViolation, "target 26 sits above its floor 24"),
        (lambda: Demand("t", Category.TERM, TermLength(3, 5)), RuleViolation, "sits above"),
        (lambda: Demand("x", "wages", CompoundIncrease(1, 2)), InvalidInput,
         "category"),  # type: ignore[arg-type]
        (lambda: Demand("", Category.WAGES, CompoundIncrease(1, 2)), InvalidInput, "key"),
        (lambda: CompoundIncrease("lots", 2), InvalidInput, "must be a number"),
        (lambda: evaluate("F", 1, [WAGES], Terms.of(wages=Amount(3))), InvalidInput,
         "must be yearly Increases"),
        (lambda: evaluate("F", 1, [WAGES], Terms.of(pensions=Amount(3))), InvalidInput,
         "does not have"),
    ],
)
def test_malformed_demands_and_terms_are_refused(make: object, error: type, words: str) -> None:
    with pytest.raises(error, match=words):
        make()  # type: ignore[operator]


def test_a_target_below_its_floor_is_refused_before_any_demand_exists() -> None:
    with pytest.raises(RuleViolation, match="sits below its floor"):
        Demand("wages", Category.WAGES, CompoundIncrease(16.4, 12))


# ---------------------------------------------------------------- votes


@pytest.mark.parametrize(
    ("tally", "words"),
    [
        (lambda: Tally(eligible=100, cast=80, yes=50, no=20, spoiled=5),
         "does not add up: yes 50 \\+ no 20 \\+ spoiled 5 = 75"),
        (lambda: Tally(eligible=100, cast=120, yes=100, no=20, spoiled=0),
         "more ballots were cast \\(120\\)"),
        (lambda: Tally(eligible=100, cast=10, yes=-1, no=11, spoiled=0), "cannot be negative"),
    ],
)
def test_tallies_must_add_up(tally: object, words: str) -> None:
    with pytest.raises(RuleViolation, match=words):
        tally()  # type: ignore[operator]


def test_thresholds_and_quorum() -> None:
    tally = Tally(eligible=1000, cast=400, yes=300, no=95, spoiled=5)
    assert Vote(date(2023, 9, 18), tally).passed
    assert not Vote(date(2023, 9, 18), tally, quorum=50).passed
    assert not Vote(date(2023, 9, 18), tally, Threshold.share_of_eligible(85)).passed
    assert Vote(date(2023, 9, 18), Tally(eligible=10, cast=10, yes=5, no=5, spoiled=0),
                Threshold(50)).passed
    assert not Vote(date(2023, 9, 18), Tally(eligible=10, cast=10, yes=5, no=5,
                                             spoiled=0)).passed  # a tie is no majority
    assert Vote(date(2023, 9, 18), Tally(eligible=9, cast=9, yes=6, no=3, spoiled=0),
                Threshold.two_thirds_of_cast()).passed
    assert "needs at least 85% of eligible members: failed" in Vote(
        date(2023, 9, 18), tally, Threshold.share_of_eligible(85)).explain()


# ------------------------------------------------------------ framework aggregate


def test_versions_take_effect_only_when_ratified() -> None:
    framework = DemandFramework.draft(name="Front commun 2023", sectors=["health", "education"],
                                      demands=[WAGES, TWO_TIER], actor=CHAIR)
    assert framework.effective is None
    lost = Vote(date(2023, 5, 1), Tally(eligible=100, cast=60, yes=20, no=40, spoiled=0))
    assert framework.record_ratification_vote(1, lost, actor=CHAIR) is False
    assert framework.get_version(1).status is VersionStatus.REJECTED
    assert framework.amend([WAGES, TWO_TIER, TERM], actor=CHAIR, reason="add a term cap") == 2
    won = Vote(date(2023, 6, 1), Tally(eligible=100, cast=60, yes=50, no=10, spoiled=0))
    assert framework.record_ratification_vote(2, won, actor=CHAIR) is True
    assert framework.effective is not None and framework.effective.number == 2
    assert framework.get_version(1).demands == (WAGES, TWO_TIER)
    amended = framework.amend([WAGES], actor=CHAIR)
    assert framework.effective.number == 2 and amended == 3
    events = framework.collect_events()
    assert [type(e).__name__ for e in events] == [
        "Drafted", "RatificationFailed", "AmendmentDrafted", "Ratified", "AmendmentDrafted"]


@pytest.mark.parametrize(
    ("command", "error", "words"),
    [
        (lambda f: f.record_ratification_vote(1, Vote(date(2023, 6, 1),
                                                      Tally(eligible=10, cast=10, yes=9, no=1,
                                                            spoiled=0)), actor=CHAIR),
         RuleViolation, "already ratified"),
        (lambda f: f.record_ratification_vote(7, None, actor=CHAIR), InvalidInput,
         "has versions 1 to 1, not 7"),
        (lambda f: f.amend([], actor=CHAIR), InvalidInput, "at least one demand"),
        (lambda f: f.amend([WAGES, WAGES], actor=CHAIR), InvalidInput, "repeated: wages"),
        (lambda f: f.amend([WAGES], actor=None), MissingActor, "actor"),
    ],
)
def test_refused_framework_commands_record_nothing(command: object, error: type,
                                                   words: str) -> None:
    framework = DemandFramework.draft(name="F", sectors=["health"], demands=[WAGES], actor=CHAIR)
    framework.record_ratification_vote(1, Vote(date(2023, 6, 1), Tally(eligible=10, cast=10, yes=9,
                                                                       no=1, spoiled=0)),
                                       actor=CHAIR)
    version = framework.version
    with pytest.raises(error, match=words):
        command(framework)  # type: ignore[operator]
    assert framework.version == version


@pytest.mark.parametrize("share", [Fraction(1, 2), Decimal("0.5"), "0.66", 1])
def test_a_share_of_one_is_refused_where_a_percentage_is_asked(share: object) -> None:
    """Thresholds and quorums were shares of one in release 0.1 (1 meant all); given so today
    they would mean one percent or less."""
    tally = Tally(eligible=10, cast=10, yes=9, no=1)
    with pytest.raises(InvalidInput, match=r"is a percentage \(50 means half, 100 all\)"):
        Vote(date(2023, 9, 18), tally, quorum=share)  # type: ignore[arg-type]
    with pytest.raises(InvalidInput, match="a threshold is a percentage"):
        Threshold(share)  # type: ignore[arg-type]
    assert Vote(date(2023, 9, 18), tally, quorum=Fraction(100, 3)).quorum == Quorum.share(
        Fraction(100, 3))
