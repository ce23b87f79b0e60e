"""The terms real offers use, and wage demands that say what their floor binds (pure domain,
and stored values of release 0.1 read back with their released meaning)."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from decimal import Decimal
from pathlib import Path
from uuid import UUID

import pytest
from eventsourcing.persistence import StoredEvent

from bargaining import (
    NO_TWO_TIER,
    Actor,
    BargainingApp,
    Binds,
    Category,
    Clause,
    CompoundIncrease,
    CostOfLiving,
    Demand,
    GreaterOf,
    Increases,
    Indexed,
    Inflation,
    InvalidInput,
    LumpSum,
    Progression,
    Protection,
    Quantity,
    Raise,
    Raises,
    RuleViolation,
    Tally,
    Terms,
    TierBasis,
    Tiered,
    Verdict,
    Vote,
    Wage,
    evaluate,
    score,
    wage_figures,
)
from bargaining.domain.frameworks import evaluation
from bargaining.domain.frameworks.inflation import years_between

V0_1 = Path(__file__).resolve().parent / "release_stores" / "v0.1" / "plain.sqlite"
CHAIR = Actor("c-1", "committee chair")
APRIL = date(2023, 4, 1)
MARCH_2028 = date(2028, 3, 31)
PROJECTED = Inflation.yearly(APRIL, [4, 3.5, 3, 2.7, 2.2], source="projected")


def released(kind: str) -> list[StoredEvent]:
    with sqlite3.connect(V0_1) as db:
        rows = db.execute("SELECT originator_id, originator_version, topic, state FROM "
                          "stored_events WHERE topic LIKE ? ORDER BY rowid",
                          (f"%{kind}",)).fetchall()
    return [StoredEvent(UUID(r[0]), r[1], r[2], bytes(r[3])) for r in rows]


def test_a_wage_demand_stored_by_release_0_1_still_binds_the_total_over_the_term() -> None:
    (drafted,) = released("DemandFramework.Drafted")
    stored = json.loads(drafted.state)["demands"][0]["_data_"]["measure"]
    assert stored["_type_"] == "compound_increase"
    assert set(stored["_data_"]) == {"floor", "target"}  # the released form
    with BargainingApp("memory") as app:
        event = app.eventsourcing.mapper.to_domain_event(drafted)
    (demand,) = event.demands  # type: ignore[attr-defined]
    assert demand.measure == CompoundIncrease(10, 15, binds=Binds.TERM)
    judged = evaluate("Toronto 2026", 1, [demand], Terms.of(wages=Increases([4, 4, 4])))
    assert judged.overall is Verdict.MEETS_FLOOR
    assert judged.verdicts[0].explanation.startswith(
        "increases 4%, 4%, 4% compound to 12.5% over 3 years; floor 10%, target 15%: meets "
        "floor, short of target")


def test_terms_and_evaluations_stored_by_release_0_1_read_back_the_same() -> None:
    stored = released("BargainingRound.TentativeAgreementReached")
    assert stored
    with BargainingApp("memory") as app:
        for row in stored:
            event = app.eventsourcing.mapper.to_domain_event(row)
            agreement = event.agreement  # type: ignore[attr-defined]
            (term,) = agreement.terms.items.values()
            assert isinstance(term, Increases)
            assert agreement.evaluation.verdicts[0].explanation.startswith("increases ")


def test_new_terms_store_and_read_back_on_every_kind_of_store(app: BargainingApp) -> None:
    """Every new term value has its own stored name: an offer holding them reloads equal."""
    unit = app.units.register(union="CSN", local="FSSS", employer="CISSS", unit_name="Laval",
                              headcount=100, sector="health", actor=CHAIR)
    round_id = app.rounds.open(unit, on=APRIL, actor=CHAIR)
    wages = Raises(APRIL, MARCH_2028, [
        GreaterOf(Raise(APRIL, amount=100, per="week"), Indexed(APRIL, margin=2, floor=1, cap=9)),
        LumpSum(APRIL, 1000), CostOfLiving(date(2024, 4, 1), share=80, cap=3),
        Raise(date(2025, 4, 1), percent=2)], base=Wage(1000, "week"))
    tier = Tiered(Clause(True), None, Clause(False), basis=TierBasis.STATUS,
                  group="temporary and part-time")
    terms = Terms.of(wages=wages, progression=Progression(3, before=8), pensions=tier)
    app.rounds.record_offer(round_id, terms, on=APRIL, actor=CHAIR)
    (offer,) = app.rounds.get(round_id).offers
    assert offer.terms == terms


def test_the_yearly_figure_does_not_depend_on_the_term_length() -> None:
    yearly = Demand("wages", Category.WAGES, CompoundIncrease(3.3, 4, binds="the yearly average"))
    ten = evaluate("f", 1, [yearly], Terms.of(wages=Increases([1.6] * 10)))
    three = evaluate("f", 1, [yearly], Terms.of(wages=Increases([5] * 3)))
    assert (ten.overall, three.overall) == (Verdict.BELOW_FLOOR, Verdict.MEETS_TARGET)
    released_meaning = Demand("wages", Category.WAGES, CompoundIncrease(16.4, 21.5))
    assert evaluate("f", 1, [released_meaning], Terms.of(
        wages=Increases([1.6] * 10))).overall is Verdict.MEETS_FLOOR  # what binds= cures


def test_a_floor_over_a_stated_period_judges_any_term_at_its_yearly_rate() -> None:
    period = Demand("wages", Category.WAGES,
                    CompoundIncrease(16.4, 21.5, binds=Binds.PERIOD, years=5))
    three = evaluate("f", 1, [period], Terms.of(wages=Increases([5, 5, 5]))).verdicts[0]
    ten = evaluate("f", 1, [period], Terms.of(wages=Increases([1.6] * 10))).verdicts[0]
    assert (three.verdict, ten.verdict) == (Verdict.MEETS_TARGET, Verdict.BELOW_FLOOR)
    assert "target 21.5% over 5 years (4% a year): meets target" in three.explanation
    assert "floor 16.4% over 5 years (3.1% a year): 1.5 points a year below floor" in (
        ten.explanation)
    on_the_floor = Demand("wages", Category.WAGES,
                          CompoundIncrease("15.7625", 20, binds=Binds.PERIOD, years=3))
    exact = evaluate("f", 1, [on_the_floor], Terms.of(wages=Increases([5, 5, 5])))
    assert exact.overall is Verdict.MEETS_FLOOR  # 5% a year is exactly 15.7625% over 3 years


def test_a_wage_demand_refuses_a_period_it_cannot_use() -> None:
    with pytest.raises(InvalidInput, match="needs the period in years"):
        CompoundIncrease(16.4, 21.5, binds=Binds.PERIOD)
    with pytest.raises(InvalidInput, match="states no period"):
        CompoundIncrease(3, 4, binds=Binds.YEARLY, years=5)
    with pytest.raises(InvalidInput, match="binds one of"):
        CompoundIncrease(3, 4, binds="the vibes")
    with pytest.raises(RuleViolation, match="sits below its floor"):
        CompoundIncrease(3, 2, binds=Binds.YEARLY)


def test_real_wages_need_an_inflation_series() -> None:
    real = Demand("wages", Category.WAGES, CompoundIncrease(0, 2, binds=Binds.REAL))
    terms = Terms.of(wages=Increases([2, 2, 2, 1.5, 1.5]))
    with pytest.raises(InvalidInput, match="binds the real wage: judging it needs an inflation"):
        evaluate("f", 1, [real], terms)
    judged = evaluate("f", 1, [real], terms, inflation=PROJECTED).verdicts[0]
    assert judged.verdict is Verdict.BELOW_FLOOR
    assert "against 16.4% projected inflation: real wages fall 6%" in judged.explanation


def test_a_flat_raise_is_judged_against_the_wage_it_lands_on() -> None:
    flat = Raises(APRIL, date(2025, 3, 31), [Raise(APRIL, percent=10),
                                             Raise(date(2024, 4, 1), amount=110, per="week")],
                  base=Wage(1000, "week"))
    figures = wage_figures(flat)
    assert figures.total == Decimal(21)  # 10%, then $110 on $1,100: 10% again
    assert figures.years == 2 and figures.yearly == Decimal(10)


def test_indexed_raises_are_bounded_and_the_greater_of_two_is_taken() -> None:
    hot = Inflation.yearly(APRIL, [8, 1])
    capped = Raises(APRIL, date(2025, 3, 31), [Indexed(APRIL, margin=2, cap=6),
                                               Indexed(date(2024, 4, 1), margin=1, floor=3)])
    assert wage_figures(capped, hot).total == Decimal("9.18")  # 6%, then 3%
    greater = Raises(APRIL, date(2024, 3, 31), [GreaterOf(Raise(APRIL, amount=50, per="week"),
                                                          Indexed(APRIL, margin=2))],
                     base=Wage(1000, "week"))
    assert wage_figures(greater, hot).total == Decimal(10)  # CPI + 2 beats $50 on $1,000
    with pytest.raises(InvalidInput, match="is judged against an inflation series"):
        wage_figures(greater)


def test_a_lump_sum_is_outside_the_base_and_a_cola_follows_inflation() -> None:
    lump = Raises(APRIL, date(2024, 3, 31), [Raise(APRIL, percent=2), LumpSum(APRIL, 1000)])
    assert wage_figures(lump).total == 2
    cola = Raises(APRIL, date(2026, 3, 31), [CostOfLiving(APRIL, share=50)])
    assert wage_figures(cola, Inflation.yearly(APRIL, [4, 6, 2])).total == Decimal("5.06")


def test_bad_terms_are_refused_in_the_guides_words() -> None:
    with pytest.raises(InvalidInput, match="falls outside the term 2023-04-01 to 2028-03-31"):
        Raises(APRIL, MARCH_2028, [Raise(date(2029, 4, 1), percent=2)])
    with pytest.raises(InvalidInput, match="needs the base wage it is judged against"):
        Raises(APRIL, MARCH_2028, [Raise(APRIL, amount=100, per="week")])
    with pytest.raises(InvalidInput, match="per hour, not \\$1,000 a week"):
        Raises(APRIL, MARCH_2028, [Raise(APRIL, amount=1, per="hour")], base=Wage(1000, "week"))
    with pytest.raises(InvalidInput, match="a percent or a flat amount"):
        Raise(APRIL, percent=2, amount=100, per="week")
    with pytest.raises(InvalidInput, match="ends after it begins"):
        Raises(MARCH_2028, APRIL, [])
    with pytest.raises(InvalidInput, match="has a gap"):
        Inflation({APRIL: 4, date(2024, 4, 1): 3, date(2026, 4, 1): 2})
    with pytest.raises(InvalidInput, match="overlaps"):
        Inflation({APRIL: 4, date(2024, 1, 1): 3})
    with pytest.raises(InvalidInput, match="covers 2023-04-01 to 2025-03-31, not"):
        Inflation.yearly(APRIL, [4, 3]).over(APRIL, MARCH_2028)
    with pytest.raises(InvalidInput, match="a tier by employment status names its group"):
        Tiered(Clause(True), None, Clause(False), basis="employment status")
    with pytest.raises(InvalidInput, match="says from which day"):
        Tiered(Clause(True), None, Clause(False))


def test_a_tier_by_status_or_plan_is_two_tier_under_no_two_tier() -> None:
    demands = [Demand("pensions", Category.PENSIONS, Protection("defined-benefit pension")),
               Demand("two-tier", Category.JOB_SECURITY, Protection(NO_TWO_TIER))]
    tier = Tiered(Clause(True), None, Clause(False), basis=TierBasis.BENEFIT_PLAN,
                  group="members hired after 2007 without a defined-benefit pension")
    judged = evaluate("UAW", 1, demands, Terms.of(pensions=tier))
    assert [v.verdict for v in judged.verdicts] == [Verdict.BELOW_FLOOR, Verdict.BELOW_FLOOR]
    assert judged.verdicts[1].explanation == "two-tier terms on pensions: a concession"
    without = evaluate("UAW", 1, demands[:1], Terms.of(pensions=tier)).verdicts[0]
    assert without.explanation.startswith("two-tier by benefit plan: members hired after 2007")


def test_progression_is_judged_in_years_to_the_top_rate() -> None:
    demand = Demand("progression", Category.WAGES, Quantity("years to the top rate", 4, 3,
                                                           more_is_better=False))
    assert evaluate("UAW", 1, [demand], Terms.of(progression=Progression(8))).overall is (
        Verdict.BELOW_FLOOR)
    judged = evaluate("UAW", 1, [demand], Terms.of(progression=Progression(3, before=8)))
    assert judged.verdicts[0].explanation == (
        "progression to the top rate in 3 years (from 8); target 3 years to the top rate: "
        "meets target")


def test_scores_compare_wages_by_what_the_floor_binds() -> None:
    yearly = CompoundIncrease(3, 4, binds=Binds.YEARLY)
    total = CompoundIncrease(10, 15)
    long, short = Increases([2] * 8), Increases([3] * 3)
    assert score(total, long) > score(total, short)  # the released meaning: totals
    assert score(yearly, long) < score(yearly, short)


def test_the_framework_application_judges_against_an_inflation_series(
    memory_app: BargainingApp,
) -> None:
    real = Demand("wages", Category.WAGES, CompoundIncrease(0, 2, binds=Binds.REAL))
    framework = memory_app.frameworks.draft(name="Front commun 2023", sectors=["health"],
                                            demands=[real], actor=CHAIR)
    memory_app.frameworks.record_vote(framework, 1, Vote(APRIL, Tally(eligible=10, cast=10,
                                                                        yes=9, no=1)),
                                      actor=CHAIR)
    deal = Raises(APRIL, MARCH_2028, [Raise(date(2023 + i, 4, 1), percent=p)
                                      for i, p in enumerate([6, 2.8, 2.5, 2.5, 2.5])])
    judged = memory_app.frameworks.evaluate(framework, Terms.of(wages=deal), inflation=PROJECTED)
    assert judged.overall is Verdict.MEETS_FLOOR
    assert "17.3% over 5 years, 3.3% a year" in judged.verdicts[0].explanation


def test_term_lengths_count_months_then_days() -> None:
    assert years_between(APRIL, MARCH_2028) == 5
    assert years_between(date(2023, 11, 1), date(2028, 4, 30)) == Decimal("4.5")
    assert evaluation.Raises is Raises  # names stay importable where release 0.1 had them


def test_an_inflation_series_and_every_new_term_survive_the_stored_form() -> None:
    with BargainingApp("memory") as app:
        transcoder = app.eventsourcing.mapper.transcoder
        for value in (PROJECTED, Wage(1000, "week"), Progression(3, before=8),
                      CompoundIncrease(16.4, 21.5, binds=Binds.PERIOD, years=5),
                      Raises(APRIL, MARCH_2028, [Indexed(APRIL, 2, cap=5), LumpSum(APRIL, 1000)])):
            assert transcoder.decode(transcoder.encode(value)) == value


def test_real_wages_that_hold_score_as_holding() -> None:
    flat = Inflation.yearly(APRIL, [2, 2])
    real = CompoundIncrease(0, 2, binds=Binds.REAL)
    assert score(real, Increases([2, 2]), flat) == 0


def test_a_tables_offers_and_agreement_are_judged_against_the_hosts_inflation_series(
    memory_app: BargainingApp,
) -> None:
    """An offer or a tentative agreement at a cluster's table is judged with the series the
    host passes; a term that needs one is refused without it, recording nothing."""
    real = Demand("wages", Category.WAGES, CompoundIncrease(0, 2, binds=Binds.REAL))
    app = memory_app
    framework = app.frameworks.draft(name="Front commun 2023", sectors=["health"],
                                     demands=[real], actor=CHAIR)
    app.frameworks.record_vote(framework, 1, Vote(APRIL, Tally(eligible=10, cast=10, yes=9,
                                                               no=1)), actor=CHAIR)
    cluster = app.clusters.form(name="Front commun", sectors=["health"], committee=[CHAIR],
                                window_start=date(2023, 3, 1), window_end=date(2023, 3, 31),
                                target_alignment=MARCH_2028, actor=CHAIR, on=date(2022, 9, 1))
    app.clusters.adopt_framework(cluster, framework, 1, actor=CHAIR, on=APRIL)
    unit = app.units.register(union="CSN", local="FSSS", employer="Gouvernement du Québec",
                              unit_name="Health and social services", actor=CHAIR)
    app.units.record_agreement(unit, effective=date(2020, 4, 1), expiry=date(2023, 3, 31),
                               actor=CHAIR)
    app.clusters.admit(cluster, unit, actor=CHAIR, on=date(2022, 9, 1))
    table = app.rounds.open(unit, on=date(2022, 10, 30), cluster=cluster, actor=CHAIR)
    nine = Raises(APRIL, MARCH_2028, [Raise(date(2023 + i, 4, 1), percent=p)
                                      for i, p in enumerate([1.8, 1.8, 1.8, 1.8, 1.8])])
    before = app.rounds.get(table).version
    with pytest.raises(InvalidInput, match="inflation"):
        app.rounds.record_offer(table, Terms.of(wages=nine), on=date(2022, 12, 15), actor=CHAIR)
    assert app.rounds.get(table).version == before
    judged = app.rounds.record_offer(table, Terms.of(wages=nine), on=date(2022, 12, 15),
                                     actor=CHAIR, inflation=PROJECTED)
    assert judged is not None and judged.overall is Verdict.BELOW_FLOOR
    deal = Raises(APRIL, MARCH_2028, [Raise(date(2023 + i, 4, 1), percent=p)
                                      for i, p in enumerate([6, 2.8, 2.5, 2.5, 2.5])])
    agreed = app.rounds.reach_tentative_agreement(
        table, Terms.of(wages=deal), on=date(2023, 12, 28), effective=APRIL,
        expiry=MARCH_2028, actor=CHAIR, inflation=PROJECTED)
    assert agreed is not None and agreed.overall is Verdict.MEETS_FLOOR


def test_yearly_increases_at_a_table_are_read_against_inflation_from_the_day_they_start(
    memory_app: BargainingApp,
) -> None:
    """Yearly increases carry no dates: an offer's start the day after the agreement it would
    replace expires, a tentative agreement's on its effective date; a longer series is read
    from there, not from its first year."""
    app = memory_app
    real = Demand("wages", Category.WAGES, CompoundIncrease(0, 2, binds=Binds.REAL))
    framework = app.frameworks.draft(name="Real wages", sectors=["health"], demands=[real],
                                     actor=CHAIR)
    app.frameworks.record_vote(framework, 1, Vote(APRIL, Tally(eligible=10, cast=10, yes=9,
                                                               no=1)), actor=CHAIR)
    cluster = app.clusters.form(name="C", sectors=["health"], committee=[CHAIR],
                                window_start=date(2023, 3, 1), window_end=date(2023, 3, 31),
                                target_alignment=MARCH_2028, actor=CHAIR, on=date(2022, 9, 1))
    app.clusters.adopt_framework(cluster, framework, 1, actor=CHAIR, on=APRIL)
    unit = app.units.register(union="CSN", local="1", employer="E", unit_name="n", actor=CHAIR)
    app.units.record_agreement(unit, effective=date(2020, 4, 1), expiry=date(2023, 3, 31),
                               actor=CHAIR)
    app.clusters.admit(cluster, unit, actor=CHAIR, on=date(2022, 9, 1))
    table = app.rounds.open(unit, on=date(2022, 10, 30), cluster=cluster, actor=CHAIR)
    # Two calm years before the term, then the term's years at 4%: read from 2023-04-01.
    series = Inflation.yearly(date(2021, 4, 1), [0.5, 0.5, 4, 4, 4], source="illustrative")
    offer = Terms.of(wages=Increases([3, 3, 3]))
    judged = app.rounds.record_offer(table, offer, on=date(2022, 12, 15), actor=CHAIR,
                                     inflation=series)
    assert judged is not None and judged.overall is Verdict.BELOW_FLOOR
    agreed = app.rounds.reach_tentative_agreement(
        table, Terms.of(wages=Increases([5, 5, 5])), on=date(2023, 3, 20), effective=APRIL,
        expiry=date(2026, 3, 31), actor=CHAIR, inflation=series)
    assert agreed is not None and agreed.overall is not Verdict.BELOW_FLOOR
