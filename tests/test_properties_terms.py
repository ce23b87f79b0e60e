"""Properties of wage figures: a yearly floor cannot be fooled by the term's length or by raises
that come late, compounding is exact, and a total and its yearly figure agree."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from bargaining import (
    Binds,
    Category,
    CompoundIncrease,
    Demand,
    Increases,
    Raise,
    Raises,
    Terms,
    Verdict,
    evaluate,
    wage_figures,
)
from bargaining.domain.frameworks.figures import compound, total_over

percents = st.decimals(min_value=Decimal("-5"), max_value=Decimal("15"), places=2)
lengths = st.integers(min_value=1, max_value=15)


def _expected(raise_pct: Decimal, floor: Decimal, target: Decimal) -> Verdict:
    if raise_pct >= target:
        return Verdict.MEETS_TARGET
    return Verdict.MEETS_FLOOR if raise_pct >= floor else Verdict.BELOW_FLOOR


@given(percents, percents, st.decimals(min_value=0, max_value=3, places=2), lengths, lengths)
def test_a_yearly_floor_verdict_does_not_depend_on_how_long_the_raise_runs(
    raise_pct: Decimal, floor: Decimal, above: Decimal, short: int, long: int
) -> None:
    demand = Demand("wages", Category.WAGES,
                    CompoundIncrease(floor, floor + above, binds=Binds.YEARLY))
    verdicts = {evaluate("f", 1, [demand], Terms.of(wages=Increases([raise_pct] * n)))
                .overall for n in (short, long)}
    assert verdicts == {_expected(raise_pct, floor, floor + above)}


@given(st.lists(percents, min_size=1, max_size=12))
def test_compounding_is_exact(yearly: list[Decimal]) -> None:
    factor = Fraction(1)
    for pct in yearly:
        factor *= 1 + Fraction(pct) / 100
    assert Fraction(compound(yearly)) == (factor - 1) * 100
    assert Fraction(Increases(yearly).total()) == (factor - 1) * 100


@given(st.lists(percents, min_size=1, max_size=12))
def test_the_total_and_the_yearly_figure_agree(yearly: list[Decimal]) -> None:
    figures = wage_figures(Increases(yearly))
    back = total_over(figures.yearly, figures.years)
    assert abs(back - figures.total) < Decimal("1e-14")
    exact_total = 1 + Fraction(figures.total) / 100
    compounded_back = (1 + Fraction(figures.yearly) / 100) ** len(yearly)
    assert abs(compounded_back - exact_total) < Fraction(1, 10**15)


@given(percents, lengths)
def test_the_same_raise_every_year_is_that_raise_a_year(raise_pct: Decimal, years: int) -> None:
    assert wage_figures(Increases([raise_pct] * years)).yearly == raise_pct


@given(st.lists(percents, min_size=1, max_size=10))
def test_raises_on_each_anniversary_are_yearly_increases(yearly: list[Decimal]) -> None:
    start = date(2023, 4, 1)
    on_dates = Raises(start, date(2023 + len(yearly), 3, 31),
                      [Raise(date(2023 + i, 4, 1), percent=p) for i, p in enumerate(yearly)])
    dated, by_year = wage_figures(on_dates), wage_figures(Increases(yearly))
    assert (dated.total, dated.years, dated.yearly) == (by_year.total, by_year.years,
                                                         by_year.yearly)


@given(st.lists(st.tuples(st.integers(min_value=0, max_value=1095),
                          st.decimals(min_value=0, max_value=15, places=2)),
                min_size=1, max_size=4),
       st.data())
def test_moving_a_raise_later_in_the_term_never_raises_what_it_earns(
    raises: list[tuple[int, Decimal]], data: st.DataObject
) -> None:
    start, end = date(2023, 4, 1), date(2026, 3, 31)
    which = data.draw(st.integers(min_value=0, max_value=len(raises) - 1))
    day, pct = raises[which]
    later = data.draw(st.integers(min_value=day, max_value=1095))
    moved = [*raises[:which], (later, pct), *raises[which + 1:]]

    def earned(offsets: list[tuple[int, Decimal]]) -> Decimal:
        steps = [Raise(start + timedelta(days=d), percent=p) for d, p in offsets]
        found = wage_figures(Raises(start, end, steps)).earned
        assert found is not None
        return found

    assert earned(moved) <= earned(raises)


@given(st.lists(st.decimals(min_value=0, max_value=15, places=2), min_size=1, max_size=8))
def test_a_yearly_floor_judges_no_more_than_the_compounded_figure(yearly: list[Decimal]) -> None:
    figures = wage_figures(Increases(yearly))
    assert figures.judged_yearly <= figures.yearly
    assert figures.earned is not None
