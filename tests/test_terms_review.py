"""What a review of the offer terms found: yearly increases judged against the wrong years of an
inflation series, a tiered term judged by its better tier, a cost-of-living adjustment that cut
pay, back-loaded raises that passed a yearly floor, and bad input that raised internals."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from bargaining import (
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
    Raise,
    Raises,
    Terms,
    Tiered,
    Verdict,
    Wage,
    evaluate,
    score,
    wage_figures,
)
from bargaining.domain.frameworks.inflation import years_between

APRIL = date(2023, 4, 1)
YEARLY = Demand("wages", Category.WAGES, CompoundIncrease(3.3, 4, binds=Binds.YEARLY))
REAL = Demand("wages", Category.WAGES, CompoundIncrease(0, 2, binds=Binds.REAL))
#: Low inflation from 2020, then high from 2026.
SERIES = Inflation.yearly(date(2020, 1, 1), [0.5] * 6 + [7, 7, 7])


def _judged(demand: Demand, term: Any, **kwargs: Any) -> Any:
    return evaluate("f", 1, [demand], Terms.of(wages=term), **kwargs).verdicts[0]


# ------------------------------------------------------------------ yearly increases and dates


def test_yearly_increases_are_judged_against_the_years_they_start_in() -> None:
    offer = Increases([2, 2, 2])
    judged = _judged(REAL, offer, inflation=SERIES, starting=date(2026, 1, 1))
    assert judged.verdict is Verdict.BELOW_FLOOR
    assert "against 22.5% inflation: real wages fall" in judged.explanation
    figures = wage_figures(offer, SERIES, starting=date(2026, 1, 1))
    assert figures.inflation is not None and figures.inflation.quantize(Decimal("0.01")) == \
        Decimal("22.50")


def test_yearly_increases_without_a_start_need_a_series_of_their_own_years() -> None:
    with pytest.raises(InvalidInput, match="yearly increases carry no dates"):
        _judged(REAL, Increases([2, 2, 2]), inflation=SERIES)
    own = Inflation.yearly(date(2026, 1, 1), [7, 7, 7])
    assert _judged(REAL, Increases([2, 2, 2]), inflation=own).verdict is Verdict.BELOW_FLOOR


def test_a_start_the_series_does_not_cover_is_refused() -> None:
    with pytest.raises(InvalidInput, match="the inflation series covers"):
        wage_figures(Increases([2, 2, 2]), SERIES, starting=date(2027, 1, 1))


# ------------------------------------------------------------------ tiers


def test_a_tiered_term_is_judged_by_its_worse_tier_even_when_new_hires_get_more() -> None:
    term_floor = Demand("wages", Category.WAGES, CompoundIncrease(10, 12))
    tiered = Tiered(Increases([1, 1]), date(2024, 1, 1), Increases([5, 5]))
    judged = _judged(term_floor, tiered)
    assert judged.verdict is Verdict.BELOW_FLOOR
    assert "increases 1%, 1%" in judged.explanation
    assert score(term_floor.measure, tiered) == Increases([1, 1]).total()


# ------------------------------------------------------------------ cost of living in deflation


def test_a_cost_of_living_adjustment_never_cuts_pay() -> None:
    cola = Raises(APRIL, date(2026, 3, 31), [CostOfLiving(APRIL)])
    deflation = Inflation.yearly(APRIL, [-1.5, -1.5, -1.5])
    assert wage_figures(cola, deflation).total == 0
    mixed = Inflation.yearly(APRIL, [-1.5, 4, 2])
    assert wage_figures(cola, mixed).total == 4


# ------------------------------------------------------------------ back-loaded raises


def test_back_loaded_raises_do_not_pass_a_yearly_floor() -> None:
    late = Raises(APRIL, date(2026, 3, 31), [Raise(date(2026, 3, 31), percent=12)])
    figures = wage_figures(late)
    assert figures.yearly.quantize(Decimal("0.1")) == Decimal("3.8")
    assert figures.earned is not None and figures.earned < Decimal("0.01")
    judged = _judged(YEARLY, late)
    assert judged.verdict is Verdict.BELOW_FLOOR
    assert "12% on 2026-03-31, the term's last day" in judged.explanation
    assert "3.8% a year compounded, but 0% a year earned over the term" in judged.explanation
    period = Demand("wages", Category.WAGES,
                    CompoundIncrease(10, 12, binds=Binds.PERIOD, years=3))
    assert _judged(period, late).verdict is Verdict.BELOW_FLOOR
    total = Demand("wages", Category.WAGES, CompoundIncrease(10, 15))
    assert _judged(total, late).verdict is Verdict.MEETS_FLOOR


def test_raises_on_each_anniversary_earn_what_they_compound_to() -> None:
    steady = Raises(APRIL, date(2026, 3, 31),
                    [Raise(date(2023 + i, 4, 1), percent=Decimal("3.3")) for i in range(3)])
    figures = wage_figures(steady)
    assert figures.yearly == Decimal("3.3")
    assert figures.earned == Decimal("3.3")
    judged = _judged(YEARLY, steady)
    assert judged.verdict is Verdict.MEETS_FLOOR
    assert "earned" not in judged.explanation
    assert wage_figures(Increases([3.3] * 3)).earned == Decimal("3.3")


def test_front_loaded_raises_are_judged_by_their_compounded_figure() -> None:
    early = Raises(APRIL, date(2026, 3, 31), [Raise(APRIL, percent=12)])
    figures = wage_figures(early)
    assert figures.earned is not None and figures.earned > figures.yearly
    judged = _judged(YEARLY, early)
    assert judged.verdict is Verdict.MEETS_FLOOR
    assert "earned" not in judged.explanation


def test_back_loaded_yearly_increases_are_judged_by_what_they_earn() -> None:
    figures = wage_figures(Increases([0, 0, 12]))
    assert figures.earned is not None and figures.earned < Decimal("2.1")
    assert _judged(YEARLY, Increases([0, 0, 12])).verdict is Verdict.BELOW_FLOOR


# ------------------------------------------------------------------ refusals in domain words


@pytest.mark.parametrize("make", [
    lambda: Raises(APRIL, date(2024, 3, 31), 5),  # type: ignore[arg-type]
    lambda: Raises(APRIL, date(2024, 3, 31), None),  # type: ignore[arg-type]
    lambda: Tiered(Increases([2]), APRIL, Increases([1]), basis="employment status",
                   group=5),  # type: ignore[arg-type]
    lambda: Tiered(5, APRIL, Increases([1])),  # type: ignore[arg-type]
    lambda: Tiered(Increases([1]), APRIL, "less"),  # type: ignore[arg-type]
    lambda: Raises(APRIL, date(2024, 3, 31),
                   [GreaterOf(Raise(APRIL, amount=0, per="week"), Indexed(APRIL))]),
    lambda: Inflation.yearly(APRIL, None),  # type: ignore[arg-type]
    lambda: Inflation.yearly("soon", [2]),  # type: ignore[arg-type]
    lambda: Terms({"wages": object()}),
    lambda: Terms({"wages": 5}),
    lambda: Terms({5: Clause(True)}),
    lambda: Clause("no"),  # type: ignore[arg-type]
    lambda: Inflation.yearly(APRIL, [2], source=5),  # type: ignore[arg-type]
])
def test_bad_input_is_refused_in_domain_words(make: Any) -> None:
    with pytest.raises(InvalidInput):
        make()


def test_a_flat_raise_of_nothing_against_a_base_is_still_judged() -> None:
    term = Raises(APRIL, date(2024, 3, 31),
                  [GreaterOf(Raise(APRIL, amount=0, per="week"), Raise(APRIL, percent=1))],
                  base=Wage(1000, "week"))
    assert wage_figures(term).total == 1


def test_a_month_is_a_whole_month_only_when_it_is_one() -> None:
    assert years_between(date(2023, 1, 31), date(2023, 2, 27)) == Decimal(28) / 365
    assert years_between(date(2023, 1, 31), date(2023, 2, 28)) == Decimal(1) / 12
    assert years_between(date(2024, 2, 29), date(2025, 2, 28)) == 1
    assert years_between(date(2023, 8, 31), date(2023, 9, 30)) == Decimal(1) / 12
    assert years_between(APRIL, date(2028, 3, 31)) == 5


def test_the_framework_application_places_yearly_increases_in_the_series() -> None:
    from bargaining import Actor, BargainingApp, Tally, Vote

    chair = Actor("c-1", "committee chair")
    with BargainingApp("memory") as app:
        framework = app.frameworks.draft(name="f", sectors=["health"], demands=[REAL],
                                         actor=chair)
        app.frameworks.record_vote(framework, 1, Vote(date(2025, 6, 1), Tally(
            eligible=100, cast=80, yes=70, no=10)), actor=chair)
        terms = Terms.of(wages=Increases([2, 2, 2]))
        judged = app.frameworks.evaluate(framework, terms, inflation=SERIES,
                                         starting=date(2026, 1, 1))
        assert judged.overall is Verdict.BELOW_FLOOR
        with pytest.raises(InvalidInput, match="carry no dates"):
            app.frameworks.evaluate(framework, terms, inflation=SERIES)
